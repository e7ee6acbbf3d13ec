"""Move every number of the rule data one step either way and report the moves no test catches.

Each year, count, share, vote base, coefficient, amount and date in forms/rules/*.toml and
forms/luong-co-so.toml is changed in turn, in a copy of the project, and the rule tests are run
there; a move that leaves them all passing is a number nothing pins down. Not part of CI (it runs
the tests once per move): `python scripts/mutate_rules.py [--jobs 2] [--tests tests/x.py ...]`.
Exit status 1 when any move survives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "forms" / "rules").glob("*.toml")) + [ROOT / "forms" / "luong-co-so.toml"]
TESTS = ["tests/test_law.py", "tests/test_rules.py", "tests/test_clauses.py"]
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
VALUE = re.compile(r"(?<![\w.-])(\d{4}-\d{2}-\d{2}|\d+\.\d+|\d+|true|false)(?![\w.-])")
SWAPS = {'"members"': '"present"', '"present"': '"members"'}


@dataclass(frozen=True)
class Move:
    """One change of one value: the file, its line, the text before and after."""

    file: Path
    line: int
    start: int
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.file.relative_to(ROOT)}:{self.line}: {self.old} → {self.new}"


def moves(path: Path) -> Iterator[Move]:
    """Every one-step change of every value outside strings and comments."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        code = _code_part(line)
        for quoted in STRING.finditer(code):
            if quoted.group() in SWAPS:
                yield Move(path, number, quoted.start(), quoted.group(), SWAPS[quoted.group()])
        masked = STRING.sub(lambda m: " " * len(m.group()), code)
        if "=" not in masked:
            continue
        for found in VALUE.finditer(masked, masked.index("=")):
            for new in _steps(found.group()):
                yield Move(path, number, found.start(), found.group(), new)


def _code_part(line: str) -> str:
    """The line without its comment (a # outside strings)."""
    masked = STRING.sub(lambda m: "x" * len(m.group()), line)
    cut = masked.find("#")
    return line if cut < 0 else line[:cut]


def _steps(text: str) -> list[str]:
    if text in ("true", "false"):
        return ["false" if text == "true" else "true"]
    if "-" in text:
        day = dt.date.fromisoformat(text)
        return [(day + dt.timedelta(days=d)).isoformat() for d in (-1, 1)]
    if "." in text:
        decimals = len(text.split(".")[1])
        step = 10 ** -decimals
        value = float(text)
        return [f"{v:.{decimals}f}" for v in (value - step, value + step) if v >= 0]
    value = int(text)
    step = 10 ** (len(text) - len(text.rstrip("0"))) if value >= 100 else 1
    return [str(v) for v in (value - step, value + step) if v >= 0]


def survives(move: Move, tests: list[str]) -> bool:
    """Whether every test still passes with the move applied (in a copy of the project)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        for part in ("pipeline", "forms", "tests", "pyproject.toml"):
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / part)
        target = copy / move.file.relative_to(ROOT)
        lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
        line = lines[move.line - 1]
        assert line[move.start:move.start + len(move.old)] == move.old, move
        lines[move.line - 1] = line[:move.start] + move.new + line[move.start + len(move.old):]
        target.write_text("".join(lines), encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                              *[t for t in tests if (copy / t).exists()]],
                             cwd=copy, capture_output=True, text=True)
        return run.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--tests", nargs="*", default=TESTS)
    args = parser.parse_args()
    every = [m for path in FILES for m in moves(path)]
    print(f"{len(every)} moves of {len(FILES)} files; tests: {' '.join(args.tests)}")
    with ThreadPoolExecutor(args.jobs) as pool:
        alive = [m for m, ok in zip(every, pool.map(lambda m: survives(m, args.tests), every),
                                    strict=True) if ok]
    for move in alive:
        print(f"not caught: {move}")
    print(f"{len(every) - len(alive)} of {len(every)} moves caught; {len(alive)} not caught.")
    return 1 if alive else 0


if __name__ == "__main__":
    sys.exit(main())
