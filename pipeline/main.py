"""The front door: check or generate the rounds of one or more workbooks."""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial, wraps
from itertools import chain, count
from pathlib import Path

from .catalog import DEFAULT_FORMS, Catalog
from .contexts import report_gaps
from .errors import (
    BrokenTemplates,
    InputError,
    KhenthuongError,
    Kind,
    Problem,
    Severity,
    TemplateError,
    UnreadableWorkbook,
)
from .history import Earlier, build_history
from .model import Round
from .pdf import find_soffice, to_pdf
from .period import figures, span
from .read import is_sample, read_workbook
from .register import FOLDER, NAME, entries, register_xlsx
from .render import TEMPLATES, render_round, skipped, template_variables
from .rules import Assessment, assess
from .summary import summary_file
from .templates import TemplateProblem, check_template
from .validate import validate
from .vn import number
from .workbook import blank_workbook
from .write import SUMMARY, Changes, Edited, RenderedRound, Written, write_rounds

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
SAMPLE_OUTPUTS = "mau"  # the subfolder of outputs/ where the command line writes sample rounds


@dataclass(frozen=True)
class RoundResult:
    """What became of one workbook's round."""

    round: Round
    assessment: Assessment | None  # None: decided before the law of 2022 applied; history only
    folder: Path | None = None
    written: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (file, why the round has none)
    changed: bool = True  # False: the folder already held exactly these files
    kept: Path | None = None  # where the previous version was moved
    edited: tuple[Edited, ...] = ()  # documents the clerk had edited by hand, kept
    since: Changes | None = None  # what differs from the previous run; None: its first
    pruned: tuple[Path, ...] = ()  # earlier versions deleted, the oldest beyond BACKUPS_KEPT
    gaps: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (báo cáo thành tích, blank fields)


@dataclass(frozen=True)
class Summary:
    """The outcome of a run: each round, and the warnings that did not stop it."""

    rounds: tuple[RoundResult, ...]
    warnings: tuple[Problem, ...]
    template_warnings: tuple[TemplateProblem, ...] = ()
    pdf_missing: bool = False  # PDFs were asked for but LibreOffice is not installed
    read: tuple[Earlier, ...] = ()  # every round read, the chosen ones and their history
    register: tuple[Path, int] | None = None  # where generate wrote the register, its rows
    samples: bool = False  # every round is a sample workbook's: the quick start


@dataclass(frozen=True)
class Taking:
    """The workbooks a run takes: a clerk's own with their history, or the samples alone."""

    workbooks: tuple[Path, ...]  # the rounds to check
    history: tuple[Path, ...]  # the other workbooks, whose rounds may be history
    samples: bool  # every workbook given is a sample
    set_aside: tuple[Path, ...]  # samples left out because a clerk's own workbook is here


def find_workbooks(inputs: Path) -> list[Path]:
    """List the workbooks in a folder, leaving out Excel's "~$" lock files."""
    if not inputs.is_dir():
        raise KhenthuongError(f"Không có thư mục “{inputs}”.")
    found = sorted(p for p in inputs.iterdir()
                   if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith("~$"))
    if not found:
        raise KhenthuongError(f"Thư mục “{inputs}” không có bảng tính .xlsx nào.")
    return found


Progress = Callable[[str, int, int], None]  # (what is being done, how many done, of how many)


def _silent(doing: str, done: int, total: int) -> None:
    """Progress nobody watches."""


@contextmanager
def few_collections():
    """Run without Python's cycle collector: a province's round is hundreds of thousands of
    objects that live to the end, which the collector would walk again and again (a tenth of
    the run). Nearly all garbage here is freed by reference counting anyway."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _batch(function: Callable) -> Callable:
    @wraps(function)
    def run(*args, **kwargs):
        with few_collections():
            return function(*args, **kwargs)
    return run


@_batch
def check(workbooks: list[Path], *, forms: Path = DEFAULT_FORMS, history: list[Path] = (),
          progress: Progress = _silent) -> Summary:
    """Read, validate and assess every workbook; raise InputError listing all errors.

    Workbooks of other rounds in `history` (and beside the given ones) count as the history of
    later rounds; a broken one is set aside with a warning. Sample workbooks never mix with a
    clerk's own (`taking_part`)."""
    catalog = Catalog(forms)
    taking = taking_part(workbooks, history, catalog)
    rounds, problems = _load(list(taking.workbooks), catalog, partial(progress, "Đọc bảng tính"))
    problems = _set_aside(taking) + problems + _same_round_twice(rounds)
    if any(p.is_error for p in problems):
        raise InputError(problems)
    chosen = {r.slug for r in rounds}
    extra, extra_problems = _load(list(taking.history), catalog)
    problems += [Problem(Kind.HISTORY_SKIPPED, name, "")
                 for name in dict.fromkeys(p.file for p in extra_problems if p.is_error)]
    extra = [r for r in extra if r.slug not in chosen]
    results, earlier = [], []
    for round_ in sorted(rounds + extra, key=lambda r: (r.info.decision_date, r.slug)):
        assessment = None
        if round_.regime is not None:
            past, found = build_history(round_, earlier)
            problems += found if round_.slug in chosen else []
            assessment = assess(round_, catalog, past)
        earlier.append(Earlier(round_, assessment))
        if round_.slug in chosen:
            results.append(RoundResult(round_, assessment))
    if any(p.is_error for p in problems):
        raise InputError(problems)
    results = [replace(r, assessment=_with_years(r.assessment, earlier)) if r.assessment else r
               for r in results]
    return Summary(tuple(results), tuple(problems), read=tuple(earlier), samples=taking.samples)


def taking_part(workbooks: list[Path], history: list[Path], catalog: Catalog) -> Taking:
    """Keep a clerk's work and the sample workbooks apart: when any workbook given is not a
    sample, every sample is left out (not checked, not history, not written); when all are,
    they run alone, with none of her workbooks as their history."""
    pool = _others(workbooks, history)
    sample = {path: is_sample(path, catalog) for path in [*workbooks, *pool]}
    samples = all(sample[p] for p in workbooks)
    return Taking(tuple(p for p in workbooks if sample[p] == samples),
                  tuple(p for p in pool if sample[p] == samples), samples,
                  () if samples else tuple(p for p, marked in sample.items() if marked))


def _set_aside(taking: Taking) -> list[Problem]:
    """One warning for each folder whose samples were left out."""
    folders: dict[Path, list[Path]] = {}
    for path in taking.set_aside:
        folders.setdefault(path.parent.resolve(), []).append(path)
    return [Problem(Kind.SAMPLES_ASIDE, f"thư mục {paths[0].parent}", "", value=str(len(paths)))
            for paths in folders.values()]


def _with_years(assessment: Assessment, rounds: list[Earlier]) -> Assessment:
    """A sơ kết or tổng kết gets the figures of its period; a yearly round, the year before."""
    round_ = assessment.round
    if years := span(round_):
        return replace(assessment, period=figures(rounds, *years))
    before = round_.info.year - 1  # compared with the yearly round alone, like with like
    yearly = [e for e in rounds if e.round.info.year == before
              and e.round.info.occasion.code == "hang-nam"]
    if yearly:
        return replace(assessment, previous=figures(yearly, before, before).years[0])
    return assessment


def _load(paths: list[Path], catalog: Catalog,
          read: Callable[[int, int], None] = lambda done, total: None
          ) -> tuple[list[Round], list[Problem]]:
    rounds, problems = [], []
    read(0, len(paths))
    for done, path in enumerate(paths, start=1):
        try:
            round_, found = validate(read_workbook(path, catalog), catalog)
        except UnreadableWorkbook as err:
            round_, found = None, [Problem(Kind.UNREADABLE, path.name, "", value=err.reason)]
        problems += found
        if round_ is not None:
            rounds.append(round_)
        read(done, len(paths))
    return rounds, problems


def _others(workbooks: list[Path], history: list[Path]) -> list[Path]:
    """The history pool: `history` and the .xlsx beside each workbook, less the workbooks."""
    chosen = {p.resolve() for p in workbooks}
    beside = [p for folder in {w.resolve().parent for w in workbooks}
              for p in sorted(folder.glob("*.xlsx"))]
    pool: dict[Path, Path] = {}  # a workbook as first named: inputs/2024-hang-nam.xlsx
    for path in [*history, *beside]:
        if path.suffix.lower() == ".xlsx" and not path.name.startswith("~$"):
            pool.setdefault(path.resolve(), path)
    return [p for key, p in sorted(pool.items()) if key not in chosen]


def check_forms(forms: Path = DEFAULT_FORMS) -> list[TemplateProblem]:
    """Check every template the pipeline fills, against what the pipeline provides to it."""
    catalog = Catalog(forms)
    with tempfile.TemporaryDirectory() as folder:
        example = blank_workbook(Path(folder) / "mau.xlsx", catalog, year=catalog.regimes[-1]
                                 .effective_from.year + 1)
        assessment = check([example], forms=forms).rounds[0].assessment
    known = template_variables(assessment)
    problems = []
    for name in TEMPLATES:
        path = forms / name
        if not path.is_file():
            problems.append(TemplateProblem(name, "thư mục forms", "không tìm thấy tệp mẫu"))
        else:
            problems += check_template(path, known.get(name))
    if not any(p.severity is Severity.ERROR for p in problems):
        problems += _trial_fill(assessment, forms)
    return problems


def _trial_fill(assessment: Assessment, forms: Path) -> list[TemplateProblem]:
    """Fill every template with the example round: what only filling finds ({{ nam // 0 }},
    {% include %}) is found here, not halfway through `generate`."""
    try:
        render_round(assessment, forms)
    except TemplateError as err:
        return [TemplateProblem(err.template, "khi điền thử bằng dữ liệu mẫu", err.reason)]
    return []


@_batch
def generate(workbooks: list[Path], *, outputs: Path, forms: Path = DEFAULT_FORMS,
             history: list[Path] = (), overwrite: bool = False, pdf: bool = False,
             progress: Progress = _silent) -> Summary:
    """Check every workbook and template, render the documents, write all of them or none.

    A previous version of a round's files is moved aside with the time in its folder name,
    unless `overwrite`. With `pdf`, LibreOffice adds a PDF beside each .docx when installed.
    `progress` hears what is being done and how far it is, for a progress bar."""
    with ThreadPoolExecutor(1) as pool:  # the templates are checked while calamine parses
        checked_forms = pool.submit(check_forms, forms)
        summary = check(workbooks, forms=forms, history=history, progress=progress)
        template_problems = checked_forms.result()
    if any(p.severity is Severity.ERROR for p in template_problems):
        raise BrokenTemplates(template_problems)
    soffice = find_soffice() if pdf else None
    rendered, planned = {}, {}
    for result in summary.rounds:
        if result.assessment is not None:
            slug = result.round.slug
            files = render_round(result.assessment, forms,
                                 partial(progress, f"Lập văn bản {slug}"))
            if soffice:
                files |= to_pdf(files, soffice)
            planned[slug] = _planned(result, outputs / slug, files)
            rendered[slug] = RenderedRound(
                slug, (result.round.source,), result.round.regime.name, files,
                record=outcomes(result.assessment), summary=partial(summary_file, planned[slug]))
    rows = entries(list(summary.read))
    if rows:
        day = max(e.round.info.decision_date for e in summary.read)
        rendered[FOLDER] = RenderedRound(FOLDER, tuple(e.round.source for e in summary.read), "",
                                         {NAME: register_xlsx(rows, title_day=day)},
                                         rebuilt=True)
    written = write_rounds(outputs, list(rendered.values()), overwrite=overwrite)
    results = tuple(_written(planned[r.round.slug], written[r.round.slug]) if r.assessment
                    else r for r in summary.rounds)
    return replace(summary, rounds=results, template_warnings=tuple(template_problems),
                   pdf_missing=pdf and soffice is None,
                   register=(outputs / FOLDER / NAME, len(rows)) if rows else None)


def _planned(result: RoundResult, folder: Path, files: dict[str, bytes]) -> RoundResult:
    """A round as it will be written: its documents, then its summary."""
    return replace(result, folder=folder, written=(*files, SUMMARY),
                   skipped=tuple(skipped(result.assessment)),
                   gaps=tuple(g for g in report_gaps(result.assessment) if g[0] in files))


def _written(planned: RoundResult, written: Written) -> RoundResult:
    return replace(planned, changed=written.changed, kept=written.kept, edited=written.edited,
                   since=written.since, pruned=written.pruned)


def outcomes(assessment: Assessment) -> dict[str, str]:
    """What each proposal came to, in words, by a key that survives rows moved in the sheet
    (name, birth year for a person, award): kept so that a rerun can say what changed."""
    held = set(assessment.held)
    record: dict[str, str] = {}
    for j in assessment.judgements:
        subject = j.proposal.subject
        born = getattr(subject, "birth_year", None)
        key = f"{subject.name}{f' ({born})' if born else ''}, {j.proposal.award.name}"
        key = next(k for k in chain([key], (f"{key} ({n})" for n in count(2)))
                   if k not in record)
        state = j.verdict.value
        if j in held:
            state += (", chờ kết luận của Hội đồng" if subject.conclusion is None
                      else ", Hội đồng kết luận không đạt")
        record[key] = state + (f", {number(j.money)} đồng" if j.money and j not in held else "")
    return record


def _same_round_twice(rounds: list[Round]) -> list[Problem]:
    """Two workbooks of one round would write one folder twice."""
    first: dict[str, Round] = {}
    problems = []
    for round_ in rounds:
        if round_.slug in first:
            problems.append(Problem(Kind.SAME_ROUND, round_.source.name, "", value=round_.slug,
                                    expected=first[round_.slug].source.name))
        first.setdefault(round_.slug, round_)
    return problems


def summary_json(summary: Summary) -> dict:
    """The verdicts of a check as plain data, for other programs."""
    return {
        "samples": summary.samples,
        "warnings": [str(p) for p in summary.warnings],
        "rounds": [_round_json(r) for r in summary.rounds],
    }


def _round_json(result: RoundResult) -> dict:
    round_, assessment = result.round, result.assessment
    data = {"round": round_.slug, "workbook": round_.source.name,
            "rules": round_.regime.name if round_.regime else None}
    if assessment is None:
        return data | {"history_only": True}
    return data | {
        "base_salary": assessment.salary.amount,
        "money": assessment.money(),
        "proposals": [{
            "subject": j.proposal.subject.name,
            "collective": j.proposal.is_collective,
            "row": j.proposal.subject.row,
            "award": j.proposal.award.name,
            "route": j.proposal.award.route,
            "verdict": j.verdict.value,
            "reasons": [{"passed": r.passed, "text": r.text, "source": r.source,
                         "verified": r.verified} for r in j.reasons],
            "money": j.money,
        } for j in assessment.judgements],
    }
