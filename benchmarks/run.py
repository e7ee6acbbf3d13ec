"""Time khenthuong on a province-sized round against plain docxtpl, on this machine, in one run.

    python benchmarks/run.py [--units 1000] [--people-per-unit 20] [--nominees 2000]

Each measure runs in a fresh process, so its time and peak memory are its own. Prints a table:
the whole `generate`, each stage, plain docxtpl making the same documents from the same
templates (a fresh DocxTemplate per document), 1.000 one-page báo cáo thành tích, a
20.000-row danh sách, and reading the workbook.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process, or of its largest child process (the render
    workers); Linux reports kB, macOS bytes."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


# --- the measures, each run alone in a child process -------------------------------------------


def measure_generate(workbook: Path, work: Path) -> dict:
    from pipeline import generate

    start = time.perf_counter()
    generate([workbook], outputs=work / "outputs", history=[])
    return {"seconds": time.perf_counter() - start}


def measure_stages(workbook: Path, work: Path) -> dict:
    from pipeline.catalog import Catalog
    from pipeline.history import build_history
    from pipeline.main import check_forms, few_collections
    from pipeline.read import read_workbook
    from pipeline.render import render_round
    from pipeline.rules import assess
    from pipeline.validate import validate
    from pipeline.write import RenderedRound, write_rounds

    catalog = Catalog()
    times, clock = {}, time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[name] = now - clock
        clock = now

    with few_collections():  # as generate() runs
        raw = read_workbook(workbook, catalog)
        lap("read")
        round_, _ = validate(raw, catalog)
        lap("validate")
        history, _ = build_history(round_, [])
        assessment = assess(round_, catalog, history)
        lap("rules")
        check_forms(catalog.forms)
        files = render_round(assessment, catalog.forms)
        lap("render")
        write_rounds(work / "stages", [RenderedRound(round_.slug, (workbook,), "x", files)])
        lap("write")
    return {"stages": times, "documents": sum(name.endswith(".docx") for name in files)}


def _assessment(workbook: Path):
    from pipeline.catalog import Catalog
    from pipeline.history import build_history
    from pipeline.read import read_workbook
    from pipeline.rules import assess
    from pipeline.validate import validate

    catalog = Catalog()
    round_, _ = validate(read_workbook(workbook, catalog), catalog)
    return assess(round_, catalog, build_history(round_, [])[0]), catalog


def measure_docxtpl(workbook: Path, work: Path) -> dict:
    """Plain docxtpl on the same documents: contexts built first, then only docxtpl is timed."""
    from pipeline.contexts import achievement_reports
    from pipeline.render import DOCUMENTS, OUTPUTS, render_with_docxtpl

    assessment, catalog = _assessment(workbook)
    needed = {out.filename for out in OUTPUTS if out.needed(assessment)}
    jobs = [(catalog.forms / d.filename, d.build(assessment)) for d in DOCUMENTS
            if d.filename in needed]
    jobs += [(catalog.forms / template, context)
             for _, template, context in achievement_reports(assessment)]
    day = assessment.round.info.decision_date
    start = time.perf_counter()
    for template, context in jobs:
        render_with_docxtpl(template, context, title="t", day=day)
    return {"seconds": time.perf_counter() - start, "documents": len(jobs)}


def _reports(workbook: Path, count: int):
    from pipeline.contexts import achievement_reports

    assessment, catalog = _assessment(workbook)
    return [(catalog.forms / t, c) for _, t, c in achievement_reports(assessment)][:count], \
        assessment.round.info.decision_date


def measure_reports(workbook: Path, work: Path, plain: bool = False) -> dict:
    from pipeline.render import CompiledTemplate, render_with_docxtpl

    jobs, day = _reports(workbook, 1000)
    start = time.perf_counter()
    compiled: dict[Path, CompiledTemplate] = {}
    for template, context in jobs:
        if plain:
            render_with_docxtpl(template, context, title="t", day=day)
        else:
            if template not in compiled:
                compiled[template] = CompiledTemplate(template)
            compiled[template].fill(context, title="t", day=day)
    return {"seconds": time.perf_counter() - start, "documents": len(jobs)}


def measure_reports_docxtpl(workbook: Path, work: Path) -> dict:
    return measure_reports(workbook, work, plain=True)


def _big_list(rows: int) -> dict:
    from pipeline.catalog import DEFAULT_FORMS

    context = {"co_quan_chu_quan": "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "co_quan_ban_hanh": "SỞ MẪU",
               "tieu_de": "Danh sách", "kem_theo": "(Kèm theo Tờ trình số …)",
               "dong": [{"muc": "", "stt": i, "ten": f"Ông Nguyễn Văn Mẫu {i}", "nam_sinh": 1980,
                         "gioi_tinh": "Nam", "chuc_vu_don_vi": "Chuyên viên, Phòng số 1",
                         "thanh_tich": "Hoàn thành xuất sắc nhiệm vụ năm 2025.", "ghi_chu": ""}
                        for i in range(1, rows + 1)]}
    return {"template": DEFAULT_FORMS / "danh-sach-de-nghi-khen-thuong.docx", "context": context}


def measure_list(workbook: Path, work: Path, plain: bool = False) -> dict:
    from datetime import date

    from pipeline.render import CompiledTemplate, render_with_docxtpl

    job = _big_list(20000)
    start = time.perf_counter()
    if plain:
        render_with_docxtpl(job["template"], job["context"], title="t", day=date(2025, 12, 5))
    else:
        CompiledTemplate(job["template"]).fill(job["context"], title="t", day=date(2025, 12, 5))
    return {"seconds": time.perf_counter() - start}


def measure_list_docxtpl(workbook: Path, work: Path) -> dict:
    return measure_list(workbook, work, plain=True)


def measure_read(workbook: Path, work: Path) -> dict:
    from pipeline.catalog import Catalog
    from pipeline.main import few_collections
    from pipeline.read import read_workbook

    catalog = Catalog()
    with few_collections():  # as generate() runs
        start = time.perf_counter()
        read_workbook(workbook, catalog)
        return {"seconds": time.perf_counter() - start}


MEASURES = {name.removeprefix("measure_"): fn for name, fn in globals().items()
            if name.startswith("measure_")}


def child(name: str, workbook: Path, work: Path) -> None:
    result = MEASURES[name](workbook, work)
    print(json.dumps(result | {"peak_mb": peak_mb(),
                               "worker_peak_mb": peak_mb(resource.RUSAGE_CHILDREN)}))


def run(name: str, workbook: Path, work: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", name, str(workbook), str(work)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--people-per-unit", type=int, default=20)
    parser.add_argument("--nominees", type=int, default=2000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, workbook, work = args.child
        child(name, Path(workbook), Path(work))
        return
    from synthetic import write_round

    with tempfile.TemporaryDirectory(prefix="khenthuong-bench-") as folder:
        work = Path(folder)
        workbook = write_round(work / "2025-hang-nam.xlsx", units=args.units,
                               people_per_unit=args.people_per_unit, nominees=args.nominees)
        people = args.units * args.people_per_unit
        print(f"Round: {args.units} collectives, {people} people, {args.nominees} nominees "
              f"for Bằng khen; {sys.platform}, Python {sys.version.split()[0]}")
        results = {name: run(name, workbook, work) for name in MEASURES}
    whole, plain = results["generate"], results["docxtpl"]
    rows = [
        ("generate, whole round", whole["seconds"], whole["peak_mb"],
         f"a render worker: {whole['worker_peak_mb']:.0f} MB" if whole["worker_peak_mb"] else ""),
        *((f"  stage: {stage}", seconds, None, "")
          for stage, seconds in results["stages"]["stages"].items()),
        (f"plain docxtpl, same {plain['documents']} documents", plain["seconds"],
         plain["peak_mb"], f"{plain['seconds'] / whole['seconds']:.1f}× slower than generate"),
        ("1.000 báo cáo thành tích", results["reports"]["seconds"], results["reports"]["peak_mb"],
         f"docxtpl {results['reports_docxtpl']['seconds']:.2f} s: "
         f"{results['reports_docxtpl']['seconds'] / results['reports']['seconds']:.1f}×"),
        ("20.000-row danh sách", results["list"]["seconds"], results["list"]["peak_mb"],
         f"docxtpl {results['list_docxtpl']['seconds']:.2f} s, "
         f"{results['list_docxtpl']['peak_mb']:.0f} MB: "
         f"{results['list_docxtpl']['seconds'] / results['list']['seconds']:.1f}×"),
        (f"read the {people}-person workbook", results["read"]["seconds"],
         results["read"]["peak_mb"], ""),
    ]
    print(f"{'measure':44} {'seconds':>8} {'peak MB':>8}  ratio")
    for label, seconds, memory, note in rows:
        mem = f"{memory:8.0f}" if memory is not None else " " * 8
        print(f"{label:44} {seconds:8.2f} {mem}  {note}")


if __name__ == "__main__":
    main()
