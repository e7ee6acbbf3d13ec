"""The page's files: a workbook dropped into inputs/, and documents taken only from outputs/."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path, PurePosixPath

from ..write import LOCK, STAGING, new_file

MAX_UPLOAD = 50 * 1024 * 1024  # a province's workbook (20.000 people) is a few MB
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')  # what Windows refuses in a file name


class Refused(Exception):
    """A request the page turns down; the message says why, in Vietnamese."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def workbook_name(raw: str) -> str:
    """The name a dropped file keeps in inputs/: its own, without any folder, if it is a
    plain .xlsx name."""
    name = unicodedata.normalize("NFC", PurePosixPath(raw.replace("\\", "/")).name).strip()
    if not name.lower().endswith(".xlsx") or len(name) <= len(".xlsx"):
        raise Refused(f"“{raw}” không phải bảng tính .xlsx; hãy chọn tệp Excel .xlsx.")
    if name.startswith((".", "~$")) or _FORBIDDEN.search(name) or len(name) > 150:
        raise Refused(f"Tên tệp “{raw}” không dùng được; hãy đổi tên tệp (chỉ chữ, số, dấu "
                      "gạch) rồi chọn lại.")
    return name


def looks_like_xlsx(data: bytes) -> bool:
    """An .xlsx is a zip: anything else is refused before it reaches inputs/."""
    return data.startswith(b"PK\x03\x04")


def save_new(folder: Path, name: str, data: bytes) -> Path:
    """Write a file that must not exist yet (FileExistsError otherwise)."""
    return new_file(folder / name, data)


def replace(folder: Path, name: str, data: bytes) -> Path:
    """Write a file in place of the one of that name, in one rename: never half a workbook."""
    handle, staged = tempfile.mkstemp(prefix=".khenthuong-", suffix=".tam", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(staged, folder / name)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise
    return folder / name


def spare_name(folder: Path, name: str) -> str:
    """A name beside an existing one: x-2.xlsx, x-3.xlsx …"""
    stem = name[:-len(".xlsx")]
    return next(candidate for n in range(2, 10_000)
                if not (folder / (candidate := f"{stem}-{n}.xlsx")).exists())


def in_outputs(outputs: Path, name: str) -> Path:
    """A file under outputs/ named by its path there; anything else (a path that leaves the
    folder, a link out of it, the tool's lock and staging) is not found."""
    root = outputs.resolve()
    parts = PurePosixPath(name).parts
    if not parts or any(p in ("", ".", "..") or p.startswith((STAGING, LOCK)) or "\\" in p
                        or ":" in p for p in parts):
        raise Refused("Không có tệp này trong thư mục kết quả.", 404)
    path = (root / Path(*parts)).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise Refused("Không có tệp này trong thư mục kết quả.", 404)
    return path


def round_zip(outputs: Path, slug: str) -> tempfile.SpooledTemporaryFile:
    """Every file of a round's folder as one .zip, in a file that lives in memory until it is
    large (a province's 2.000 báo cáo)."""
    folder = in_outputs(outputs, f"{slug}/manifest.json").parent
    packed = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as archive:  # .docx are zips already
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.resolve().is_relative_to(folder):
                archive.write(path, f"{slug}/{path.relative_to(folder).as_posix()}")
    packed.seek(0)
    return packed
