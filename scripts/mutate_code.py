"""Mutation testing of pipeline/ with mutmut, module by module, scored against its equivalents.

mutmut changes the code one small step at a time (`<` for `<=`, a string for "XX…XX", `and` for
`or`, a number plus one) and runs the tests that reach the changed function; a mutant no test
fails on is behaviour nothing pins down. Each survivor either gets a test or a line in IGNORED
saying why it cannot change what the tool does.

Each module of TESTS is run in its own folder, mutants/MODULE/, against the tests written for
its stage; the others together (GROUPS) in one folder against the whole suite, which takes hours
on two cores, hence --sample. The settings all runs share are [tool.mutmut] in pyproject.toml.
Not part of CI; a later run retests only what changed.

    python scripts/mutate_code.py vn history      # run these modules, then score them
    python scripts/mutate_code.py rest            # the modules of GROUPS["rest"], run together
    python scripts/mutate_code.py --sample 800 rest  # 800 more of them, drawn at random
    python scripts/mutate_code.py --sample 50 contexts read  # 50 more of each of these
    python scripts/mutate_code.py --again vn      # retest survivors (after a new test), timeouts
    python scripts/mutate_code.py --score         # score what has run, list no survivors
    python scripts/mutate_code.py --score vn      # … and list the survivors of vn.py
    cd mutants/vn && mutmut show NAME             # the change a survivor made

Exit status 1 when a module run is under its floor, or the whole under OVERALL.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = ROOT / "mutants"
COPIED = ["pipeline", "tests", "forms", "inputs", "benchmarks", "scripts", "docs", "README.md",
          ".gitattributes", "Lap-van-ban.bat", "Mo-trang-lam-viec.bat"]
FLOORS = dict.fromkeys(["rules", "history", "vn", "validate", "write", "xlsx"], 0.85)
OVERALL = 0.75
TIMED_OUT = {24, -24, 36, 152, 255}  # over 5× its tests' time: counted killed, but --again
# retests them, as a machine busy with other work times out mutants that do not loop
KILLED = {1, 3, -11, -9} | TIMED_OUT  # failed, pytest error, killed
SURVIVED = {0}
UNTESTED = {5, 33}  # no test of the module's set reaches the function

# the tests each module answers to: its stage's own, and those that read a workbook through it
TESTS = {
    "vn": ["test_vn", "test_read", "test_reasons", "test_period", "test_faults", "test_validate",
           "test_law", "test_documents"],
    "history": ["test_history", "test_clauses", "test_rules", "test_period", "test_council",
                "test_reasons"],
    "rules": ["test_rules", "test_clauses", "test_law", "test_reasons"],
    "validate": ["test_validate", "test_faults", "test_read", "test_council"],
    "write": ["test_write"],
    "xlsx": ["test_xlsx", "test_kinh_phi", "test_huong_dan", "test_marked", "test_consistency"],
}

# modules run together in one copy against the whole suite: one run of the tests to map them
GROUPS = {
    "rest": ["catalog", "cli", "click_vi", "contexts", "errors", "law", "main", "marked", "model",
             "notes", "ooxml", "pdf", "period", "read", "register", "render", "summary",
             "templates", "wording", "workbook", "web.app", "web.files", "web.jobs", "web.server"],
}

# mutant → why it cannot change what the tool writes or says (`mutmut show NAME` for the change)
IGNORED: dict[str, str] = {
    "pipeline.contexts.x_period_tables__mutmut_45":
        "a year's decided figures list every award proposed, decided or not: the default is "
        "never used",
    "pipeline.history.x__add_round__mutmut_18":
        "a collective is found by code or name before the unit is looked at: the unit passed for "
        "it is never read",
    "pipeline.history.x__add_round__mutmut_34":
        "an unmatched subject linked to None only fills history[None], which no subject reads",
    "pipeline.history.xǁ_Matcherǁfind__mutmut_5":
        "a line with a birth year is a person's: only a person named like a collective of the "
        "round (none is) would be taken for it",
    "pipeline.catalog.x__regime__mutmut_69":
        "a Coefficient is verified unless told: the argument left out is the default, True",
    "pipeline.cli.x__never_fail_printing__mutmut_10":
        "a stream that can be reconfigured is a text stream, which always names its encoding",
    "pipeline.cli.xǁ_Argumentǁget_error_hint__mutmut_2":
        "click makes an argument's metavar without ctx when its metavar is set, as ours are",
    "pipeline.cli.xǁ_Groupǁ__init____mutmut_17":
        "click's group decorator passes the name by keyword: there are no positional args",
    "pipeline.click_vi.x_translations__mutmut_10": "babel reads the locale \"VI\" as \"vi\"",
    "pipeline.contexts.x_council_sentences__mutmut_4":
        "one row is made per judgement: the two have one length, strict never fires",
    **dict.fromkeys([
        "pipeline.marked.x__legend__mutmut_8",
        "pipeline.marked.x__legend__mutmut_10",
        "pipeline.marked.x__legend__mutmut_15",
    ],
        "a sheet gets a legend only for a mark (which has a row) or a verdict (which has a "
        "table header): min() never meets an empty list"),
    "pipeline.marked.x__open_at__mutmut_1":
        "tabSelected None is left out of the file, which Excel reads as not selected: as False",
    "pipeline.marked.x__unmark__mutmut_36": "openpyxl writes a cell holding \"\" as an empty one",
    "pipeline.marked.x__edges__mutmut_5":
        "a border of no colour is drawn in the automatic one, black, as \"000000\" is",
    "pipeline.read.x__check_file__mutmut_25":
        "only the first four bytes are compared: reading eight or the whole file, one answer",
    "pipeline.read.x__uncached_formulas__mutmut_7": "openpyxl's data_only defaults to False",
    "pipeline.render.x_render_round__mutmut_64":
        "an unranked file's rank 99 or 100: both after every rank of _LONGEST_FIRST (0-4)",
    "pipeline.render.xǁCompiledTemplateǁ_fill_any__mutmut_21":
        "stream=None is tested for truth: as False",
    "pipeline.render.xǁCompiledTemplateǁ_chunks__mutmut_5":
        "counting from 1 moves a cut by one byte within a chunk: the bytes joined are the same",
    "pipeline.rules.x__pending__mutmut_18": "every caller passes `why` as a function",
    "pipeline.rules.x__priced__mutmut_40":
        "a note's need is only tested for truth: None reads as \"\"",
    "pipeline.rules.x__rated_in__mutmut_8": "ok is only tested for truth: None reads as False",
    **dict.fromkeys([
        "pipeline.rules.x_list_order__mutmut_7",
        "pipeline.rules.x_list_order__mutmut_9",
    ], "a collective proposed is one of the round's: the default is never used"),
    "pipeline.rules.x_list_order__mutmut_11": "people all get 2 for 1: still after collectives (0)",
    "pipeline.rules.x_members_rated_at_least__mutmut_17":
        "_rated tests its flag for truth: None reads as False",
    "pipeline.rules.xǁJudgeǁ_any__mutmut_4": "zip's strict=None is strict=False",
    "pipeline.rules.xǁJudgeǁ_any__mutmut_7": "zip's strict defaults to False",
    **dict.fromkeys([
        "pipeline.rules.xǁJudgeǁ_any__mutmut_33",
        "pipeline.rules.xǁJudgeǁ_any__mutmut_45",
    ], "a group's own need is never read: its text, gist and note go by its cases"),
    **dict.fromkeys([
        "pipeline.rules.xǁJudgeǁ_any__mutmut_34",
        "pipeline.rules.xǁJudgeǁ_any__mutmut_46",
    ], "a group's own found is never read: its text and gist go by its cases"),
    "pipeline.rules.xǁJudgeǁ_holds__mutmut_1":
        "\"\" and None alike: falsy in the loop, not False for countably_eligible",
    **dict.fromkeys([
        "pipeline.rules.xǁJudgeǁcountably_eligible__mutmut_1",
        "pipeline.rules.xǁJudgeǁcountably_eligible__mutmut_2",
    ],
        "the verdict known only spares work: with no claim among its reasons, _holds says the "
        "same"),
    **dict.fromkeys([
        "pipeline.rules.xǁJudgeǁcountably_eligible__mutmut_18",
        "pipeline.rules.xǁJudgeǁcountably_eligible__mutmut_20",
    ],
        "every rule file has criteria for every award "
        "(test_every_predicate_named_in_the_rule_data_exists): the default is unused"),
    "pipeline.rules.xǁJudgeǁtitle_pending__mutmut_11":
        "asked only of years the title is held: a past one is in Lịch sử, so the first branch "
        "answers before",
    "pipeline.summary.x__file_lines__mutmut_20":
        "documents lie one folder deep at most (bao-cao-thanh-tich/): a name has one \"/\", so "
        "partition and rpartition split it alike",
    **dict.fromkeys([
        "pipeline.validate.x__integer__mutmut_12",
        "pipeline.validate.x__integer__mutmut_13",
        "pipeline.validate.x__integer__mutmut_14",
    ],
        "_INT lets only a + before the digits, and int() reads it: stripping it or not is one "
        "number"),
    "pipeline.templates.x__paragraphs__mutmut_64":
        "a part name is \"word/NAME.xml\": split(\"/\")[1] and [-1] are one",
    "pipeline.validate.xǁ_Checkerǁ_to_text__mutmut_1":
        "_text of a str is the str: the test only spares a call",
    "pipeline.validate.xǁ_Checkerǁ_to_years__mutmut_32":
        "year is None only after its nam-khong-hop-le error, and a round with an error is never "
        "built; 0 is no year read",
    **dict.fromkeys([
        "pipeline.validate.xǁ_Checkerǁadd__mutmut_22",
        "pipeline.validate.xǁ_Checkerǁadd__mutmut_23",
        "pipeline.validate.xǁ_Checkerǁadd__mutmut_24",
    ], "every sheet validate reports on was found, so has a title: the default is never used"),
    **dict.fromkeys([
        "pipeline.validate.xǁ_Checkerǁcodes_unique__mutmut_4",
        "pipeline.validate.xǁ_Checkerǁcodes_unique__mutmut_7",
        "pipeline.validate.xǁ_Checkerǁcodes_unique__mutmut_12",
        "pipeline.validate.xǁ_Checkerǁplausible__mutmut_10",
        "pipeline.validate.xǁ_Checkerǁplausible__mutmut_13",
        "pipeline.validate.xǁ_Checkerǁplausible__mutmut_14",
        "pipeline.validate.xǁ_Checkerǁvotes_possible__mutmut_34",
        "pipeline.validate.xǁ_Checkerǁvotes_possible__mutmut_37",
        "pipeline.validate.xǁ_Checkerǁvotes_possible__mutmut_42",
    ], "one subject is made per record: the two lists always have one length, strict never fires"),
    **dict.fromkeys([
        "pipeline.validate.xǁ_Checkerǁcouncil__mutmut_16",
        "pipeline.validate.xǁ_Checkerǁcouncil__mutmut_18",
    ],
        "the reader gives every sheet it found its table, and the member table is part of the "
        "Hội đồng sheet: the default is never used"),
    **dict.fromkeys([
        "pipeline.validate.xǁ_Checkerǁduplicates__mutmut_9",
        "pipeline.validate.xǁ_Checkerǁduplicates__mutmut_11",
    ],
        "records is read only for a name found twice, so only when the Cá nhân sheet was read: "
        "the default is never used"),
    "pipeline.validate.xǁ_Checkerǁduplicates__mutmut_14":
        "a group of one has no others: the loop body does nothing for it",
    **dict.fromkeys([
        "pipeline.validate.xǁ_Checkerǁunit__mutmut_36",
        "pipeline.validate.xǁ_Checkerǁunit__mutmut_39",
    ], "only close[0] is read, and difflib puts the best first whatever n is"),
    "pipeline.validate.xǁ_Checkerǁunit__mutmut_37": "difflib's cutoff defaults to 0.6",
    "pipeline.vn.x__triple__mutmut_12": "words is still empty there: = and += give one list",
    **dict.fromkeys([
        "pipeline.vn.x__words__mutmut_16",
        "pipeline.vn.x__words__mutmut_45",
    ], "leading is only tested for truth: None reads as False"),
    **dict.fromkeys([
        "pipeline.vn.x__words__mutmut_29",
        "pipeline.vn.x__words__mutmut_32",
        "pipeline.vn.x__words__mutmut_34",
    ], "groups always has len(_GROUPS) items: strict never fires"),
    "pipeline.vn.x_number__mutmut_11": "babel tests decimal_quantization for truth: None is False",
    "pipeline.vn.x_number__mutmut_16": "babel reads the locale \"VI\" as \"vi\"",
    "pipeline.web.app.x__guard__mutmut_4":
        "HOSTS hold no colon: a host with two is refused whichever colon the port is cut at",
    "pipeline.web.app.x__guard__mutmut_46": "werkzeug writes samesite title-cased: Strict",
    "pipeline.web.app.x_generate_start__mutmut_4":
        "no workbook chosen, None and \"\" alike: every workbook is generated",
    "pipeline.web.app.x_replace_answer__mutmut_10":
        "no key waiting is None or \"\": a form without one pops nothing either way",
    "pipeline.web.app.x_rules_page__mutmut_39":
        "the page tests mistake for truth: left out, Jinja's Undefined is false as \"\" is",
    "pipeline.web.jobs.xǁGenerationǁ_run__mutmut_5":
        "an outputs folder already there: mkdir's FileExistsError is an OSError, suppressed",
    "pipeline.web.files.x_in_outputs__mutmut_12":
        "PurePosixPath drops \".\" from its parts: the test is a second guard",
    "pipeline.workbook.x__print_setup__mutmut_60":
        "no table of the blank workbook is exactly a page wide at WIDE_SCALE (its widths sum to "
        "56.8 … 344.8 against pages of 96 and 140): < and <= agree",
    "pipeline.write.x__but_summary__mutmut_12":
        "both manifests compared get the same blank: which one it is does not matter",
    **dict.fromkeys([
        "pipeline.write.x__carry_foreign__mutmut_22",
        "pipeline.write.x__carry_foreign__mutmut_24",
        "pipeline.write.x__carry_foreign__mutmut_27",
    ],
        "an empty folder of the clerk's is never in the staged folder already (the tool makes "
        "none empty): exist_ok is never needed"),
    **dict.fromkeys([
        "pipeline.write.x__edited__mutmut_3",
        "pipeline.write.x__edited__mutmut_5",
        "pipeline.write.x__written_by_tool__mutmut_3",
        "pipeline.write.x__written_by_tool__mutmut_5",
    ], "a missing list is not a dict either way: the default is never iterated"),
    **dict.fromkeys([
        "pipeline.write.x__link__mutmut_1",
        "pipeline.write.x__link__mutmut_3",
        "pipeline.write.x__link__mutmut_5",
    ],
        "the staged folder and its subfolders are made before any file is linked into them: "
        "parents is never needed"),
    **dict.fromkeys([
        "pipeline.write.x__manifest__mutmut_6",
        "pipeline.write.x__publish_all__mutmut_27",
        "pipeline.write.x__recover__mutmut_7",
        "pipeline.write.x__stage__mutmut_94",
        "pipeline.xlsx.x_table_xlsx__mutmut_52",
    ], "\"UTF-8\" and \"utf-8\" name one codec"),
    "pipeline.write.x__open_lock__mutmut_10":
        "the lock file is never read or written through its handle: opened as text or as bytes, "
        "it locks alike",
    **dict.fromkeys([
        "pipeline.write.x__prune__mutmut_3",
        "pipeline.write.x__prune__mutmut_5",
    ], "the earlier versions lie in one folder: by path is by name"),
    **dict.fromkeys([
        "pipeline.write.x__put__mutmut_4",
        "pipeline.write.x__put__mutmut_6",
        "pipeline.write.x__put__mutmut_8",
    ],
        "sorted, each folder comes after its parent, and documents lie one folder deep at most: "
        "parents is never needed"),
    **dict.fromkeys([
        "pipeline.write.x__stage__mutmut_47",
        "pipeline.write.x__stage__mutmut_52",
    ],
        "the summary's spare name (tom-tat.sua-tay.txt) is no document's: the other files need "
        "not be passed"),
    "pipeline.write.x__stage__mutmut_73":
        "an empty record written or not: a later run reads both as no proposals",
    "pipeline.write.x__stage__mutmut_85": "json reads ensure_ascii for truth: None is False",
    "pipeline.write.x__stage__mutmut_96": "unchanged is only tested for truth: None reads as False",
    "pipeline.write.x__stage__mutmut_98":
        "with no folder there is no manifest: since is None already",
    "pipeline.write.x_write_rounds__mutmut_1": "its one caller, generate, passes overwrite",
    "pipeline.write.x_write_rounds__mutmut_60":
        "earlier versions beyond the limit went when the last version was published: a run that "
        "publishes nothing finds none to prune",
    **dict.fromkeys([
        "pipeline.xlsx.x__cells__mutmut_10",
        "pipeline.xlsx.x__cells__mutmut_14",
        "pipeline.xlsx.x__cells__mutmut_15",
        "pipeline.xlsx.x__form_styles__mutmut_116",
        "pipeline.xlsx.x__form_styles__mutmut_119",
        "pipeline.xlsx.x__form_styles__mutmut_120",
    ], "the zipped sequences always have the same length: strict never fires"),
    "pipeline.xlsx.x__form_styles__mutmut_133":
        "style 0 then gets an empty <alignment/>: the default alignment",
    "pipeline.xlsx.x__row__mutmut_2":
        "every call that fits a row passes line: the default is never read",
    **dict.fromkeys([
        "pipeline.xlsx.x__row__mutmut_7",
        "pipeline.xlsx.x__row__mutmut_10",
    ], "a short row is meant: strict=False, None and the default are one"),
    "pipeline.xlsx.x__row__mutmut_23":
        "a text exactly a line long wraps to one line: no height either way",
    "pipeline.xlsx.x__sheet__mutmut_167": "_row reads fit for truth: None is False",
    "pipeline.xlsx.x__sheet__mutmut_170": "fit is only tested for truth: None reads as False",
    **dict.fromkeys([
        "pipeline.xlsx.x__signatures__mutmut_3",
        "pipeline.xlsx.x__signatures__mutmut_8",
        "pipeline.xlsx.x__signatures__mutmut_9",
    ], "common()'s type code and number only make so_ky_hieu, not read here"),
    "pipeline.xlsx.x__text__mutmut_32":
        "the escape's hex digits read in either case (Excel, calamine: "
        "test_text_that_looks_like_excels_escape_reads_back_as_typed passes on it)",
    **dict.fromkeys([
        "pipeline.xlsx.x_verdicts_xlsx__mutmut_121",
        "pipeline.xlsx.x_verdicts_xlsx__mutmut_123",
    ], "advice holds every subject of the round: the default is never used"),
}


def members(name: str) -> list[str]:
    """The modules a name stands for: a group's, or the one module named."""
    return GROUPS.get(name, [name])


def home(name: str) -> str:
    """The copy a name runs in: a module of a group runs in the group's."""
    return next((group for group, modules in GROUPS.items() if name in modules), name)


def prepare(run: str) -> Path:
    """mutants/RUN/: a copy of the project whose mutmut mutates the modules of RUN only."""
    folder = RUNS / run
    for name in COPIED:
        source, target = ROOT / name, folder / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
        else:
            shutil.copy2(source, target)
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    settings = tomllib.loads(text)["tool"]["mutmut"]
    paths = ["pipeline/" + module.replace(".", "/") + ".py" for module in members(run)]
    tests = [f"tests/{name}.py" for name in TESTS[run]] if run in TESTS else ["tests/"]
    extra = (f"only_mutate = {json.dumps(paths)}\n"
             f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n")
    assert "only_mutate" not in settings, "pyproject.toml's [tool.mutmut] names no module"
    (folder / "pyproject.toml").write_text(
        text.replace("[tool.mutmut]", "[tool.mutmut]\n" + extra, 1), "utf-8")
    return folder


def run(name: str, mutants: list[str]) -> None:
    folder = prepare(name)
    subprocess.run([sys.executable, "-m", "mutmut", "run", *mutants], cwd=folder, check=False)


def draw(name: str, size: int) -> tuple[str, list[str]]:
    """The folder NAME runs in (a group's, for one of its modules) and `size` of its unrun
    mutants drawn at random: batch after batch, a fair sample of modules too big to run whole
    in one sitting."""
    if not any(module in results() for module in members(name)):
        run(home(name), ["pipeline.no-such-mutant"])  # mutmut names its mutants, finds none
    found = results()
    unrun = sorted(n for module in members(name) for n, code in found.get(module, {}).items()
                   if code is None)
    return home(name), random.Random(len(unrun)).sample(unrun, min(size, len(unrun)))


def results() -> dict[str, dict[str, int | None]]:
    """Exit code per mutant of each module that has run ("rules", "web.app")."""
    found = {}
    for folder in sorted(p for p in RUNS.glob("*") if (p / "pyproject.toml").is_file()):
        source = folder / "mutants" / "pipeline"
        for meta in sorted(source.rglob("*.py.meta")):
            module = meta.relative_to(source).as_posix().removesuffix(".py.meta").replace("/", ".")
            found[module] = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    return dict(sorted(found.items()))


def module_of(mutant: str) -> str:
    """"web.app" of "pipeline.web.app.x_serve__mutmut_3"."""
    return re.match(r"pipeline\.(.+?)\.x[ǁ_]", mutant).group(1)


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


def ran(count: Counter) -> int:
    """Mutants that have run: killed, survived, or reached by no test."""
    return count["killed"] + count["survived"] + count["untested"]


def score(count: Counter) -> float:
    """Killed share of the mutants that count: ignored and skipped ones do not."""
    counted = ran(count) + count["unrun"]
    return count["killed"] / counted if counted else 1.0


def estimate(found: dict[str, dict[str, int | None]]) -> tuple[float, float]:
    """The whole's score were each module's unrun mutants killed as often as its run ones (a
    random sample of them, when `--sample` ran them), and the half-width of its 95% interval;
    a module with fewer than 10 run takes the rate of all the part-run modules together."""
    counts = [tally(codes) for codes in found.values()]
    part = sum((c for c in counts if c["unrun"]), Counter())
    killed = counted = variance = 0.0
    for count in counts:
        sample = count if ran(count) >= 10 else part
        rate, size, total = _rate(sample), ran(sample), ran(count) + count["unrun"]
        killed += count["killed"] + rate * count["unrun"]
        counted += total
        if count["unrun"] and size > 1:  # the unrun part drawn without replacement
            near = (sample["killed"] + 2) / (size + 4)  # Agresti-Coull: never 0 at 100%
            variance += count["unrun"] ** 2 * near * (1 - near) / (size - 1) * (1 - size / total)
    return (killed / counted, 1.96 * variance ** 0.5 / counted) if counted else (1.0, 0.0)


def _rate(count: Counter) -> float:
    return count["killed"] / ran(count) if ran(count) else 0.0


def survivors(codes: dict[str, int | None]) -> list[str]:
    return sorted(n for n, c in codes.items() if n not in IGNORED and c in SURVIVED | UNTESTED)


def retest(codes: dict[str, int | None]) -> list[str]:
    """What --again runs: the survivors, and the mutants over time."""
    return survivors(codes) + sorted(n for n, c in codes.items() if c in TIMED_OUT)


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
    if whole["unrun"]:
        rate, margin = estimate(found)
        print(f"{'':<14}each module's unrun mutants at the rate of its run ones: "
              f"{rate:.1%}, 95% between {max(rate - margin, 0):.1%} and "
              f"{min(rate + margin, 1):.1%} (an estimate, not a score)")
    stale = sorted(n for n in IGNORED if module_of(n) in found and n not in found[module_of(n)])
    for name in stale:
        print(f"IGNORED names a mutant that no longer exists: {name}")
    for module in listed:
        for name in survivors(found.get(module, {})):
            print(name)
    return good and not stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="vn, rules … or a group: rest")
    parser.add_argument("--again", action="store_true",
                        help="retest their survivors and those over time")
    parser.add_argument("--score", action="store_true", help="do not run; score and list")
    parser.add_argument("--sample", type=int, metavar="N", help="run N more unrun, at random")
    args = parser.parse_args()
    if args.sample:
        drawn = defaultdict(list)
        for name in args.modules:
            folder, mutants = draw(name, args.sample)
            drawn[folder] += mutants
        for folder, mutants in drawn.items():
            run(folder, mutants)
    elif not args.score:
        for name in args.modules:
            found = results()
            again = [m for module in members(name) for m in retest(found.get(module, {}))
                     ] if args.again else []
            if again or not args.again:
                run(home(name), again)
    listed = [m for name in args.modules for m in members(name)]
    return 0 if report(results(), listed if args.score else []) else 1


if __name__ == "__main__":
    sys.exit(main())
