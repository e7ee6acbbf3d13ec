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
from itertools import count
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
    sources: tuple[Path, ...]  # the workbooks it was made from
    rules: str
    files: dict[str, bytes]
    rebuilt: bool = False  # made anew from inputs/ on every run: no earlier version is kept


@dataclass(frozen=True)
class Written:
    """What writing did to one round's folder."""

    changed: bool  # False: the same files were there already
    kept: Path | None = None  # where the previous version now is


def write_rounds(outputs: Path, rounds: list[RenderedRound], *, overwrite: bool = False
                 ) -> dict[str, Written]:
    """Stage each round's whole folder, then swap it in with one rename per round.

    The earlier folder moves to a sibling named with the time, unless `overwrite`; files the
    tool did not write are carried into the new folder untouched (hard links, else copies),
    and one standing where a new document goes stops the run."""
    try:
        outputs.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục kết quả “{outputs}”: {_why(err)}.") from err
    with _locked(outputs):
        try:
            _recover(outputs)
            staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=outputs))
        except OSError as err:
            raise OutputError(f"Không ghi được vào thư mục “{outputs}”: {_why(err)}.") from err
        try:
            changed = [r for r in rounds if not _stage(staging, outputs, r)]
            return _publish_all(staging, outputs, rounds, changed, overwrite=overwrite)
        except OSError as err:
            raise OutputError(f"Không ghi được kết quả vào “{outputs}”: {_why(err)}; các tệp "
                              "cũ được giữ nguyên.") from err
        finally:
            shutil.rmtree(staging, ignore_errors=True)


STAGING = ".khenthuong-"
JOURNAL = "publishing.json"


def _why(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "không có quyền ghi (hãy chọn thư mục khác bằng --outputs, hoặc xin quyền ghi)"
    return err.strerror or str(err)


def _stage(staging: Path, outputs: Path, round_: RenderedRound) -> bool:
    """Write a round's files and manifest, and carry in the files of its current folder that
    the tool did not write; return True when that folder holds these very files already."""
    folder, target = staging / round_.slug, outputs / round_.slug
    files = round_.files
    for parent in sorted({(folder / name).parent for name in files} | {folder}):
        parent.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    manifest = {
        "khenthuong": __version__,
        "round": round_.slug,
        "rules": round_.rules,
        "inputs": {path.name: _sha256(path.read_bytes()) for path in round_.sources},
        "outputs": {name: _sha256(data) for name, data in sorted(files.items())},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")
    if not target.is_dir():
        return False
    if _unchanged(folder, target):
        return True
    _carry_foreign(target, folder, set(files) | {MANIFEST})
    return False


def _carry_foreign(target: Path, folder: Path, new: set[str]) -> None:
    """Link (or copy) into the staged folder every file and empty folder of `target` the tool
    did not write; refuse when one stands where a new document goes."""
    ours = _written_by_tool(target)
    for path in sorted(target.rglob("*")):
        name = path.relative_to(target).as_posix()
        if name in ours or name == MANIFEST or (path.is_dir() and any(path.iterdir())):
            continue
        if name in new:
            raise OutputError(
                f"Tệp “{path}” không do chương trình ghi (hoặc đã được sửa sau lần lập trước) "
                "nhưng trùng tên một văn bản sắp lập; hãy đổi tên hoặc chuyển tệp đó đi rồi chạy "
                "lại. Chưa tệp nào bị thay đổi.")
        copy = folder / name
        if path.is_dir():
            copy.mkdir(parents=True, exist_ok=True)
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, copy)
        except OSError:
            shutil.copy2(path, copy)


def _publish_all(staging: Path, outputs: Path, rounds: list[RenderedRound],
                 changed: list[RenderedRound], *, overwrite: bool) -> dict[str, Written]:
    """Swap each changed round's folder in; on any failure swap every one back."""
    swaps = [(outputs / r.slug, staging / r.slug,
              staging / "old" / r.slug if overwrite or r.rebuilt else _backup(outputs, r.slug))
             for r in changed]
    (staging / "old").mkdir()
    (staging / JOURNAL).write_text(json.dumps([[str(t), str(o)] for t, _, o in swaps]),
                                   encoding="utf-8")
    done: list[tuple[Path, Path, Path]] = []
    try:
        for target, staged, old in swaps:
            if target.exists():
                os.replace(target, old)
            done.append((target, staged, old))
            os.replace(staged, target)
    except OSError:
        for target, staged, old in reversed(done):
            if target.exists():
                os.replace(target, staged)
            if old.exists():
                os.replace(old, target)
        raise
    results = {r.slug: Written(changed=False) for r in rounds}
    for target, _, old in swaps:
        kept = None if old.parent == staging / "old" else _keep_only_ours(old)
        results[target.name] = Written(True, kept)
    return results


def _backup(outputs: Path, slug: str) -> Path:
    """A new sibling folder for the earlier version: to the second, then -2, -3 …"""
    base = outputs / f"{slug}.ban-cu-{datetime.now():%Y%m%d-%H%M%S}"
    candidates = (base.with_name(f"{base.name}-{n}") if n > 1 else base for n in count(1))
    return next(path for path in candidates if not path.exists())


def _keep_only_ours(old: Path) -> Path | None:
    """Leave in the earlier version only the files the tool wrote (the clerk's were carried
    into the new folder); return it, or None when nothing of the tool's was there."""
    if not old.exists():
        return None
    ours = _written_by_tool(old) | {MANIFEST}
    for path in sorted(old.rglob("*"), reverse=True):
        name = path.relative_to(old).as_posix()
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif name not in ours:
            path.unlink()
    if not any(old.iterdir()):
        old.rmdir()
        return None
    return old


def _recover(outputs: Path) -> None:
    """Put back a round folder a killed run had moved aside, and clear what it staged."""
    for staging in outputs.glob(f"{STAGING}*"):
        try:
            swaps = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            swaps = []
        for target, old in swaps:
            if not Path(target).exists() and Path(old).exists():
                os.replace(old, target)
        shutil.rmtree(staging, ignore_errors=True)


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
    handle = _open_lock(outputs / LOCK)
    try:
        try:
            _lock_file(handle)
        except OSError as err:
            raise OutputError(f"Một lệnh khác đang ghi vào “{outputs}”; hãy chờ lệnh đó xong "
                              "rồi chạy lại.") from err
        yield
    finally:
        handle.close()


def _open_lock(path: Path):
    """Open the lock file to write, or only to read when another user's umask left it so
    (a read handle locks as well)."""
    try:
        return open(path, "a+b")  # noqa: SIM115 (held for the whole run)
    except PermissionError:
        try:
            return open(path, "rb")  # noqa: SIM115
        except OSError as err:
            raise OutputError(f"Không ghi được vào thư mục “{path.parent}”: {_why(err)}.") \
                from err
    except OSError as err:
        raise OutputError(f"Không ghi được vào thư mục “{path.parent}”: {_why(err)}.") from err


def _lock_file(handle) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _written_by_tool(folder: Path) -> set[str]:
    """The files of a folder its manifest lists, still with the bytes the tool wrote."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    names = manifest.get("outputs", {}) if isinstance(manifest, dict) else {}
    return {name for name, digest in names.items() if isinstance(name, str)
            and _SAFE_NAME.match(name) and _same(folder / name, digest)} if \
        isinstance(names, dict) else set()


def _same(path: Path, digest: object) -> bool:
    try:
        return path.is_file() and _sha256(path.read_bytes()) == digest
    except OSError:
        return False


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
