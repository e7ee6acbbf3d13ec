"""khenthuong: turn a round's thi đua, khen thưởng workbook into documents ready to sign."""

__version__ = "0.1.0"

from .main import Summary, check, generate  # noqa: E402

__all__ = ["Summary", "check", "generate", "__version__"]
