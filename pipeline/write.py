"""Write rendered rounds into outputs/: all or none, never touching files the tool did not write."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import OutputError

MANIFEST = "manifest.json"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
PACKAGES = (".docx", ".xlsx")


@dataclass(frozen=True)
class RenderedRound:
    """A round's documents, ready to be written, with what they were made from."""

    slug: str
    source: Path
    rules: str
    files: dict[str, bytes]


def write_rounds(outputs: Path, rounds: list[RenderedRound]) -> None:
    """Stage every file in a temporary folder, then move them into place."""
    try:
        outputs.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".khenthuong-", dir=outputs))
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục kết quả “{outputs}”: {err.strerror}.") from err
    try:
        for round_ in rounds:
            _stage(staging / round_.slug, round_)
        for round_ in rounds:
            _publish(staging / round_.slug, outputs / round_.slug)
    except OSError as err:
        raise OutputError(f"Không ghi được kết quả vào “{outputs}”: {err.strerror}; các tệp cũ "
                          "được giữ nguyên.") from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _stage(folder: Path, round_: RenderedRound) -> None:
    folder.mkdir(parents=True)
    files = {name: stable_zip(data) if name.endswith(PACKAGES) else data
             for name, data in round_.files.items()}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    manifest = {
        "khenthuong": __version__,
        "round": round_.slug,
        "rules": round_.rules,
        "inputs": {round_.source.name: _sha256(round_.source.read_bytes())},
        "outputs": {name: _sha256(data) for name, data in sorted(files.items())},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")


def _publish(staged: Path, target: Path) -> None:
    """Replace the files of an earlier run with the new ones; remove what that run wrote and
    this one does not; leave every other file alone."""
    target.mkdir(parents=True, exist_ok=True)
    earlier = _written_by_tool(target)
    new = {path.name for path in staged.iterdir()}
    for name in sorted(new - {MANIFEST}) + [MANIFEST]:
        os.replace(staged / name, target / name)
    for name in earlier - new:
        (target / name).unlink(missing_ok=True)


def _written_by_tool(folder: Path) -> set[str]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    names = manifest.get("outputs", {}) if isinstance(manifest, dict) else {}
    return {name for name in names
            if isinstance(name, str) and not name.startswith(".") and not set(name) & set("/\\")}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stable_zip(data: bytes) -> bytes:
    """Rewrite an Office package with fixed entry dates, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry))
    return out.getvalue()
