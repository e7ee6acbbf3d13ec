"""Write rendered rounds into outputs/: all or none, never touching files the tool did not write."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import __version__
from .errors import OutputError

MANIFEST = "manifest.json"
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]*(/[a-z0-9][a-z0-9.-]*)?$")  # file, or folder/file
LOCK = ".khenthuong.lock"


@dataclass(frozen=True)
class RenderedRound:
    """A round's documents, ready to be written, with what they were made from."""

    slug: str
    source: Path
    rules: str
    files: dict[str, bytes]


@dataclass(frozen=True)
class Written:
    """What writing did to one round's folder."""

    changed: bool  # False: the same files were there already
    kept: Path | None = None  # where the previous version now is


def write_rounds(outputs: Path, rounds: list[RenderedRound], *, overwrite: bool = False
                 ) -> dict[str, Written]:
    """Stage every file in a temporary folder, then move all rounds into place or none.

    The files an earlier run wrote (its manifest lists them) move to a sibling folder named
    with the time, unless `overwrite`; files the tool did not write are never touched."""
    try:
        outputs.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục kết quả “{outputs}”: {err.strerror}.") from err
    with _locked(outputs):
        staging = Path(tempfile.mkdtemp(prefix=".khenthuong-", dir=outputs))
        try:
            for round_ in rounds:
                _stage(staging / round_.slug, round_)
            return _publish_all(staging, outputs, rounds, overwrite=overwrite)
        except OSError as err:
            raise OutputError(f"Không ghi được kết quả vào “{outputs}”: {err.strerror}; các tệp "
                              "cũ được giữ nguyên.") from err
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _stage(folder: Path, round_: RenderedRound) -> None:
    """Write a round's files and its manifest into the staging folder."""
    files = round_.files
    for parent in sorted({(folder / name).parent for name in files} | {folder}):
        parent.mkdir(parents=True, exist_ok=True)
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


def _publish_all(staging: Path, outputs: Path, rounds: list[RenderedRound], *,
                 overwrite: bool) -> dict[str, Written]:
    """Move every round into place; on any failure move everything back as it was."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moves: list[tuple[Path, Path]] = []
    created: list[Path] = []
    results = {}
    try:
        for round_ in rounds:
            target = outputs / round_.slug
            if _unchanged(staging / round_.slug, target):
                results[round_.slug] = Written(changed=False)
                continue
            old = (staging / ".old" / round_.slug if overwrite
                   else outputs / f"{round_.slug}.ban-cu-{stamp}")
            kept = _publish(staging / round_.slug, target, old, moves, created)
            results[round_.slug] = Written(True, None if overwrite else kept)
    except OSError:
        for source, destination in reversed(moves):
            os.replace(destination, source)
        for folder in reversed(created):
            folder.rmdir()
        raise
    for round_ in rounds:
        _drop_empty_folders(outputs / round_.slug)
    return results


def _publish(staged: Path, target: Path, old: Path, moves: list, created: list) -> Path | None:
    """Move the earlier run's files to `old`, then the new ones into `target`; record each
    move so that a failure can undo it. Return `old` when it holds anything."""
    if not target.exists():  # a round's first run: the whole folder in one move
        _move(staged, target, moves)
        return None
    earlier = [name for name in sorted(_written_by_tool(target) | {MANIFEST})
               if (target / name).is_file()]
    new = sorted(p.relative_to(staged).as_posix() for p in staged.rglob("*")
                 if p.is_file() and p.name != MANIFEST) + [MANIFEST]
    folders = {target / n for n in new} | ({old / n for n in earlier} if earlier else set())
    for folder in sorted({f.parent for f in folders}, key=lambda f: len(f.parts)):
        if not folder.exists():
            folder.mkdir(parents=True)
            created.append(folder)
    for name in earlier:
        _move(target / name, old / name, moves)
    for name in new:
        _move(staged / name, target / name, moves)
    return old if earlier else None


def _drop_empty_folders(target: Path) -> None:
    """Remove a sub-folder an earlier run filled and this one left empty."""
    for folder in target.iterdir():
        if folder.is_dir() and _SAFE_NAME.match(folder.name) and not any(folder.iterdir()):
            folder.rmdir()


def _move(source: Path, destination: Path, moves: list) -> None:
    os.replace(source, destination)
    moves.append((source, destination))


def _unchanged(staged: Path, target: Path) -> bool:
    """The round's folder holds exactly these files already (same manifest, same bytes)."""
    try:
        if (target / MANIFEST).read_bytes() != (staged / MANIFEST).read_bytes():
            return False
        return all((target / p.relative_to(staged)).read_bytes() == p.read_bytes()
                   for p in staged.rglob("*") if p.is_file())
    except OSError:
        return False


@contextmanager
def _locked(outputs: Path):
    """Hold an exclusive lock on outputs/ for one run; the system frees it if the run dies."""
    handle = open(outputs / LOCK, "a+b")  # noqa: SIM115 (held for the whole run)
    try:
        try:
            _lock_file(handle)
        except OSError as err:
            raise OutputError(f"Một lệnh khác đang ghi vào “{outputs}”; hãy chờ lệnh đó xong "
                              "rồi chạy lại.") from err
        yield
    finally:
        handle.close()


def _lock_file(handle) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _written_by_tool(folder: Path) -> set[str]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    names = manifest.get("outputs", {}) if isinstance(manifest, dict) else {}
    return {name for name in names if isinstance(name, str) and _SAFE_NAME.match(name)}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
