"""Mutation testing of pipeline/ with mutmut, scored per module against a list of equivalents.

mutmut (configured under [tool.mutmut] in pyproject.toml) changes the code one small step at a
time (`<` for `<=`, a string for "XX…XX", `and` for `or`, a number plus one) and runs the tests
that reach the changed function; a mutant that no test fails on is behaviour nothing pins down.
Each survivor either gets a test or a line in IGNORED saying why it cannot change what the tool
does. Not part of CI: the first run takes hours on two cores, later runs only retest what
changed. Results stay in mutants/ (ignored by git).

    python scripts/mutate_code.py                 # run what is not yet run, then score
    python scripts/mutate_code.py --again rules   # retest the survivors of rules.py
    python scripts/mutate_code.py --score         # score only, list the survivors
    mutmut show NAME                              # the change a survivor made

Exit status 1 when a module is under its floor or the whole under OVERALL.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
META = ROOT / "mutants" / "pipeline"
FLOORS = dict.fromkeys(["rules", "history", "vn", "validate", "write", "xlsx"], 0.85)
OVERALL = 0.75
KILLED = {1, 3, 24, -24, 152, 255, 36, -11, -9}  # failed, pytest error, over time, killed
SURVIVED = {0}
UNTESTED = {5, 33}  # no test of the mutation run reaches the function

# mutant → why it cannot change what the tool writes or says (`mutmut show NAME` for the change)
IGNORED: dict[str, str] = {
}


def results() -> dict[str, dict[str, int | None]]:
    """Exit code per mutant, per module name ("rules", "web.app")."""
    found = {}
    for meta in sorted(META.rglob("*.py.meta")):
        module = ".".join(meta.relative_to(META).with_suffix("").with_suffix("").parts)
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        if codes:
            found[module] = codes
    return found


def tally(codes: dict[str, int | None]) -> Counter:
    """Killed, survived, untested, ignored and unrun mutants of one module."""
    count = Counter()
    for name, code in codes.items():
        if name in IGNORED:
            count["ignored"] += 1
        elif code is None:
            count["unrun"] += 1
        elif code in SURVIVED:
            count["survived"] += 1
        elif code in UNTESTED:
            count["untested"] += 1
        elif code in KILLED:
            count["killed"] += 1
        else:
            count["skipped"] += 1
    return count


def score(count: Counter) -> float:
    """Killed share of the mutants that count: ignored and skipped ones do not."""
    counted = count["killed"] + count["survived"] + count["untested"] + count["unrun"]
    return count["killed"] / counted if counted else 1.0


def survivors(codes: dict[str, int | None]) -> list[str]:
    return sorted(n for n, c in codes.items() if n not in IGNORED and c in SURVIVED | UNTESTED)


def report(found: dict[str, dict[str, int | None]], listed: list[str]) -> bool:
    """Print the table (and the survivors of `listed` modules); True when every floor holds."""
    print(f"{'module':<14}{'mutants':>8}{'killed':>8}{'survived':>9}{'untested':>9}"
          f"{'ignored':>8}{'unrun':>7}{'score':>8}")
    whole, good = Counter(), True
    for module, codes in found.items():
        count = tally(codes)
        whole += count
        floor = FLOORS.get(module, 0.0)
        good &= score(count) >= floor
        mark = f" (≥ {floor:.0%})" if floor else ""
        print(f"{module:<14}{len(codes):>8}{count['killed']:>8}{count['survived']:>9}"
              f"{count['untested']:>9}{count['ignored']:>8}{count['unrun']:>7}"
              f"{score(count):>8.1%}{mark}")
    good &= score(whole) >= OVERALL
    print(f"{'pipeline/':<14}{sum(map(len, found.values())):>8}{whole['killed']:>8}"
          f"{whole['survived']:>9}{whole['untested']:>9}{whole['ignored']:>8}"
          f"{whole['unrun']:>7}{score(whole):>8.1%} (≥ {OVERALL:.0%})")
    stale = sorted(set(IGNORED) - {n for codes in found.values() for n in codes})
    for name in stale:
        print(f"IGNORED names a mutant that no longer exists: {name}")
    for module in listed:
        for name in survivors(found.get(module, {})):
            print(name)
    return good and not stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="rules, history, web.app …; all when none")
    parser.add_argument("--again", action="store_true", help="retest their survivors")
    parser.add_argument("--score", action="store_true", help="do not run; score and list")
    args = parser.parse_args()
    if not args.score:
        names = [f"pipeline.{m}.*" for m in args.modules]
        if args.again:
            found = results()
            names = [n for m in args.modules or found for n in survivors(found.get(m, {}))]
        if not args.again or names:
            subprocess.run([sys.executable, "-m", "mutmut", "run", *names], cwd=ROOT, check=False)
    return 0 if report(results(), args.modules) else 1


if __name__ == "__main__":
    sys.exit(main())
