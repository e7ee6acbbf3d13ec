from .cli import main

if __name__ == "__main__":  # a worker started by "spawn" (Windows) imports this module again
    main()
