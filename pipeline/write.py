"""Write rendered rounds into outputs/: all or none, never touching files the tool did not write."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count
from pathlib import Path

from . import __version__
from .errors import OutputError

MANIFEST = "manifest.json"
SUMMARY = "tom-tat.txt"  # the run's summary, made while staging from what staging found
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]*(/[a-z0-9][a-z0-9.-]*)?$")  # file, or folder/file
LOCK = ".khenthuong.lock"
BACKUPS_KEPT = 5  # earlier versions (ban-cu-…) kept per round; older ones the tool made go


@dataclass(frozen=True)
class RenderedRound:
    """A round's documents, ready to be written, with what they were made from."""

    slug: str
    sources: tuple[Path, ...]  # the workbooks it was made from
    rules: str
    files: dict[str, bytes]
    rebuilt: bool = False  # made anew from inputs/ on every run: no earlier version is kept
    record: dict[str, str] = field(default_factory=dict)  # what each proposal came to, kept in
    # the manifest so that the next run can say what changed
    summary: Callable[[Changes | None, tuple[Edited, ...]], bytes] | None = None  # SUMMARY's
    # bytes from what differs from the last run and the documents the clerk edited


@dataclass(frozen=True)
class Edited:
    """A document the clerk changed by hand since the tool wrote it."""

    name: str
    kept_as: str | None  # where her version now is; None: still under its name (unchanged data)


@dataclass(frozen=True)
class Changes:
    """What differs from the round's previous run: documents, and what proposals came to."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    proposals: tuple[tuple[str, str | None, str | None], ...] = ()  # (proposal, before, after)


@dataclass(frozen=True)
class Written:
    """What writing did to one round's folder."""

    changed: bool  # False: the same files were there already
    kept: Path | None = None  # where the previous version now is
    edited: tuple[Edited, ...] = ()
    since: Changes | None = None  # None: the round's first run (or its manifest unreadable)
    pruned: tuple[Path, ...] = ()  # oldest earlier versions deleted, beyond BACKUPS_KEPT


def write_rounds(outputs: Path, rounds: list[RenderedRound], *, overwrite: bool = False
                 ) -> dict[str, Written]:
    """Stage each round's whole folder, then swap it in with one rename per round.

    The earlier folder moves to a sibling named with the time, unless `overwrite`; files the
    tool did not write are carried into the new folder untouched (hard links, else copies),
    and one standing where a new document goes stops the run; a document the clerk edited is
    kept (see `_stage`). Beyond BACKUPS_KEPT earlier versions, the oldest are deleted."""
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
            staged = {r.slug: _stage(staging, outputs, r) for r in rounds}
            changed = [r for r in rounds if not staged[r.slug].unchanged]
            published = _publish_all(staging, outputs, changed, overwrite=overwrite)
        except OSError as err:
            raise OutputError(f"Không ghi được kết quả vào “{outputs}”: {_why(err)}; các tệp "
                              "cũ được giữ nguyên.") from err
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return {r.slug: Written(r.slug in published, published.get(r.slug), staged[r.slug].edited,
                                staged[r.slug].since, _prune(outputs, r.slug)
                                if r.slug in published else ())
                for r in rounds}


STAGING = ".khenthuong-"
JOURNAL = "publishing.json"


OPEN_ELSEWHERE = {5, 32, 33}  # Windows: access denied, sharing violation, lock violation


def new_file(path: Path, data: bytes) -> Path:
    """Write a file that must not exist yet (FileExistsError otherwise); a failure leaves no
    part of it behind."""
    with open(path, "xb") as file:
        try:
            file.write(data)
        except BaseException:
            file.close()
            path.unlink()
            raise
    return path


def _why(err: OSError) -> str:
    if getattr(err, "winerror", None) in OPEN_ELSEWHERE:  # a file open in Word or Excel
        return ("một tệp trong đó đang mở (trong Word, Excel…) hoặc không có quyền ghi; hãy "
                "đóng các văn bản, bảng tính của đợt rồi chạy lại (vẫn lỗi thì chọn thư mục "
                "khác bằng --outputs, hoặc xin quyền ghi)")
    if isinstance(err, PermissionError):
        return "không có quyền ghi (hãy chọn thư mục khác bằng --outputs, hoặc xin quyền ghi)"
    return err.strerror or str(err)


@dataclass(frozen=True)
class _Staged:
    unchanged: bool  # the round's folder holds these very files already
    edited: tuple[Edited, ...]
    since: Changes | None


def _stage(staging: Path, outputs: Path, round_: RenderedRound) -> _Staged:
    """Write a round's files, its summary and manifest; carry in the files of its current
    folder that the tool did not write, and the documents the clerk edited (in place when the
    tool would write again what it wrote last time, else under a spare name beside the new
    one)."""
    folder, target = staging / round_.slug, outputs / round_.slug
    before = _manifest(target)
    edited = _edited(target, before)
    files = round_.files
    kept = _put(folder, target, files, edited)
    digests = {name: _sha256(data) for name, data in files.items()}
    since = _since(before, {"outputs": digests, "proposals": round_.record}) if before else None
    if round_.summary is not None:
        summary = {SUMMARY: round_.summary(since, tuple(kept))}
        kept += _put(folder, target, summary, edited, beside=files)
        files = files | summary
        digests[SUMMARY] = _sha256(summary[SUMMARY])
    manifest = {
        "khenthuong": __version__,
        "round": round_.slug,
        "rules": round_.rules,
        "inputs": {path.name: _sha256(path.read_bytes()) for path in round_.sources},
        "outputs": dict(sorted(digests.items())),
    } | ({"proposals": dict(sorted(round_.record.items()))} if round_.record else {})
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")
    if not target.is_dir():
        return _Staged(False, (), since)
    unchanged = _unchanged(folder, target)
    if not unchanged:
        _carry_foreign(target, folder, set(files) | {MANIFEST}, skip=set(edited))
    return _Staged(unchanged, tuple(kept), since)


def _put(folder: Path, target: Path, files: dict[str, bytes], edited: dict[str, str], *,
         beside: dict[str, bytes] | None = None) -> list[Edited]:
    """Write files into the staged folder, keeping the clerk's edited versions of them (see
    `_stage`); `beside`: the round's other files, whose names a spare name must not take."""
    for parent in sorted({(folder / name).parent for name in files} | {folder}):
        parent.mkdir(parents=True, exist_ok=True)
    kept = []
    for name, data in files.items():
        if edited.get(name) == _sha256(data):
            _link(target / name, folder / name)
            kept.append(Edited(name, None))
            continue
        (folder / name).write_bytes(data)
        if name in edited:
            spare = _spare(name, files | (beside or {}), target)
            _link(target / name, folder / spare)
            kept.append(Edited(name, spare))
    return kept


def _manifest(folder: Path) -> dict:
    """The manifest the tool wrote in a folder, or {} when there is none or it is unreadable."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _edited(target: Path, manifest: dict) -> dict[str, str]:
    """The documents of the last run whose bytes changed since: name, what the tool wrote."""
    names = manifest.get("outputs", {})
    if not isinstance(names, dict):
        return {}
    return {name: digest for name, digest in names.items() if isinstance(name, str)
            and _SAFE_NAME.match(name) and (target / name).is_file()
            and not _same(target / name, digest)}


def _spare(name: str, new: dict[str, bytes], target: Path) -> str:
    """A free name beside a document for the clerk's edited version: x.sua-tay.docx, -2 …"""
    stem, dot, suffix = name.rpartition(".")
    candidates = (f"{stem}.sua-tay{f'-{n}' if n > 1 else ''}{dot}{suffix}" for n in count(1))
    return next(c for c in candidates if c not in new and not (target / c).exists())


def _link(source: Path, copy: Path) -> None:
    copy.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, copy)
    except OSError:
        shutil.copy2(source, copy)


def _since(before: dict, after: dict) -> Changes:
    """The documents (not the summary, which tells of them) and the proposals that differ
    between two manifests."""
    old, new = ({name: digest for name, digest in m["outputs"].items() if name != SUMMARY}
                if isinstance(m.get("outputs"), dict) else {} for m in (before, after))
    was, now = (m.get("proposals") if isinstance(m.get("proposals"), dict) else {}
                for m in (before, after))
    return Changes(
        added=tuple(sorted(set(new) - set(old))),
        changed=tuple(sorted(n for n in set(new) & set(old) if new[n] != old[n])),
        removed=tuple(sorted(set(old) - set(new))),
        proposals=tuple((key, was.get(key), now.get(key)) for key in sorted(set(was) | set(now))
                        if was.get(key) != now.get(key)) if was else ())


def _carry_foreign(target: Path, folder: Path, new: set[str], *, skip: set[str]) -> None:
    """Link (or copy) into the staged folder every file and empty folder of `target` the tool
    did not write; refuse when one stands where a new document goes."""
    ours = _written_by_tool(target) | skip
    for path in sorted(target.rglob("*")):
        name = path.relative_to(target).as_posix()
        if name in ours or name == MANIFEST or (path.is_dir() and any(path.iterdir())):
            continue
        if name in new:
            raise OutputError(
                f"Tệp “{path}” không do chương trình ghi nhưng trùng tên một văn bản sắp lập; "
                "hãy đổi tên hoặc chuyển tệp đó đi rồi chạy lại. Chưa tệp nào bị thay đổi.")
        if path.is_dir():
            (folder / name).mkdir(parents=True, exist_ok=True)
        else:
            _link(path, folder / name)


def _publish_all(staging: Path, outputs: Path, changed: list[RenderedRound], *,
                 overwrite: bool) -> dict[str, Path | None]:
    """Swap each changed round's folder in; on any failure swap every one back. Return, per
    round swapped in, where its earlier version was kept (None: not kept)."""
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
    return {target.name: None if old.parent == staging / "old" else _keep_only_ours(old)
            for target, _, old in swaps}


def _prune(outputs: Path, slug: str) -> tuple[Path, ...]:
    """Delete the oldest earlier versions of a round beyond BACKUPS_KEPT, when they hold only
    what the tool wrote; return those deleted."""
    backups = sorted(outputs.glob(f"{slug}.ban-cu-*"), key=lambda p: p.name)
    pruned = []
    for old in backups[:-BACKUPS_KEPT]:
        ours = _written_by_tool(old) | {MANIFEST}
        files = [p for p in old.rglob("*") if p.is_file()]
        if all(p.relative_to(old).as_posix() in ours for p in files):
            shutil.rmtree(old, ignore_errors=True)
            if not old.exists():
                pruned.append(old)
    return tuple(pruned)


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
    """The round's folder holds exactly these files already (same manifest, same bytes), but
    for the summary's text: it tells what the run that wrote them changed, and stays."""
    try:
        if _but_summary(_manifest(target)) != _but_summary(_manifest(staged)):
            return False
        if (staged / SUMMARY).is_file() and not (target / SUMMARY).is_file():
            return False
        return all((target / p.relative_to(staged)).read_bytes() == p.read_bytes()
                   for p in staged.rglob("*") if p.is_file()
                   and p.relative_to(staged).as_posix() not in (MANIFEST, SUMMARY))
    except OSError:
        return False


def _but_summary(manifest: dict) -> dict:
    """A manifest with the summary's digest blanked: whether it lists one, not which."""
    outputs = manifest.get("outputs")
    if not isinstance(outputs, dict) or SUMMARY not in outputs:
        return manifest
    return manifest | {"outputs": outputs | {SUMMARY: ""}}


_HELD: dict[Path, int] = {}  # outputs folders this process holds locked: the holding thread


@contextmanager
def _locked(outputs: Path):
    """Hold an exclusive lock on outputs/ for one run; the system frees it if the run dies.
    The thread holding it may take it again: the page holds it for a whole generate, whose
    writing takes it once more; any other thread, like any other process, is refused."""
    key, me = outputs.resolve(), threading.get_ident()
    if _HELD.get(key) == me:
        yield
        return
    handle = _open_lock(outputs / LOCK)
    try:
        try:
            if key in _HELD:
                raise OSError("held by another thread of this process")
            _lock_file(handle)
        except OSError as err:
            raise OutputError(f"Một lệnh khác đang ghi vào “{outputs}”; hãy chờ lệnh đó xong "
                              "rồi chạy lại.") from err
        _HELD[key] = me
        try:
            yield
        finally:
            del _HELD[key]
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
    names = _manifest(folder).get("outputs", {})
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
