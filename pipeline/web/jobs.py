"""A generate run on the page: in its own thread, holding the outputs lock the command line
takes, so that a second run (from the page or a terminal) is refused as the CLI refuses it."""

from __future__ import annotations

import threading
import traceback
from contextlib import suppress
from pathlib import Path

from ..errors import KhenthuongError, OutputError
from ..main import Summary, generate
from ..write import _locked


class Generation:
    """One generate: its progress while it runs, then its summary or the error that stopped it."""

    def __init__(self, workbooks: list[Path], *, outputs: Path, forms: Path, pdf: bool) -> None:
        self.workbooks, self.outputs, self.forms, self.pdf = workbooks, outputs, forms, pdf
        self.progress: tuple[str, int, int] = ("Chuẩn bị", 0, 0)  # doing, done, of how many
        self.summary: Summary | None = None
        self.error: Exception | None = None
        self.finished = threading.Event()
        self._refused: OutputError | None = None

    @classmethod
    def start(cls, workbooks: list[Path], *, outputs: Path, forms: Path, pdf: bool
              ) -> Generation:
        """Run generate in a thread once it holds the outputs lock; OutputError when another
        run holds it."""
        job = cls(workbooks, outputs=outputs, forms=forms, pdf=pdf)
        locked = threading.Event()
        threading.Thread(target=job._run, args=(locked,), daemon=True,
                         name="khenthuong-generate").start()
        locked.wait()
        if job._refused is not None:
            raise job._refused
        return job

    def _run(self, locked: threading.Event) -> None:
        try:
            with suppress(OSError):  # when it cannot be made, the lock says why
                self.outputs.mkdir(parents=True, exist_ok=True)
            with _locked(self.outputs):
                locked.set()
                self.summary = generate(self.workbooks, outputs=self.outputs, forms=self.forms,
                                        pdf=self.pdf, progress=self._heard)
        except OutputError as err:
            if locked.is_set():
                self.error = err
            else:
                self._refused = err
        except KhenthuongError as err:
            self.error = err
        except Exception as err:  # a fault of the program: on the page, its trace in the terminal
            self.error = err
            traceback.print_exc()
        finally:
            locked.set()
            self.finished.set()

    def _heard(self, doing: str, done: int, total: int) -> None:
        self.progress = (doing, done, total)

    @property
    def running(self) -> bool:
        return not self.finished.is_set()
