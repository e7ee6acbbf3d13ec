"""The compiled render path makes the documents plain docxtpl makes, for every template."""

from __future__ import annotations

import io
import multiprocessing
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import round_data
from lxml import etree

from pipeline.catalog import DEFAULT_FORMS
from pipeline.contexts import achievement_reports
from pipeline.errors import TemplateError
from pipeline.main import check
from pipeline.render import DOCUMENTS, CompiledTemplate, render_with_docxtpl

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def canonical(data: bytes, part: str) -> bytes:
    """The part's XML in canonical form (C14N): equal bytes means equal content and layout."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read(part))
    node = root.find(f"{W}body") if part == "word/document.xml" else root
    return etree.tostring(node, method="c14n")


def parts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [n for n in package.namelist() if n.startswith("word/") and n.endswith(".xml")]


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    """Every template with a context the pipeline builds, including text that needs escaping
    and line breaks."""
    from conftest import write_round

    from pipeline.catalog import Catalog

    data = round_data()
    data["tables"]["individuals"][0]["achievements"] = "A & B < C\ndòng hai\tcột 😀 {{ x }}"
    data["tables"]["individuals"][2]["kind"] = "Phong trào"
    data["tables"]["individuals"][1] |= {"kind": "Đột xuất", "achievements": "Cứu tài sản.",
                                         "award": "Bằng khen của Chủ tịch UBND tỉnh"}
    path = write_round(tmp_path_factory.mktemp("render") / "2025.xlsx", data, Catalog())
    assessment = check([path]).rounds[0].assessment
    found = [(doc.filename, doc.build(assessment)) for doc in DOCUMENTS]
    found += [(template, context) for _, template, context in achievement_reports(assessment)]
    return found


def test_every_template_is_covered(cases):
    templates = {name for name, _ in cases}
    assert templates == {p.name for p in DEFAULT_FORMS.glob("*.docx")}


def test_compiled_path_equals_docxtpl(cases):
    from datetime import date

    day = date(2025, 12, 5)
    for name, context in cases:
        template = DEFAULT_FORMS / name
        fast = CompiledTemplate(template).fill(context, title="t", day=day)
        plain = render_with_docxtpl(template, context, title="t", day=day)
        assert parts(fast) == parts(plain), name
        for part in parts(plain):
            if part in ("word/document.xml",) or "header" in part or "footer" in part:
                assert canonical(fast, part) == canonical(plain, part), (name, part)


def test_a_template_compiles_once_and_fills_many(cases):
    from datetime import date

    name, context = next((n, c) for n, c in cases if n.startswith("bao-cao-thanh-tich"))
    compiled = CompiledTemplate(DEFAULT_FORMS / name)
    first = compiled.fill(context, title="t", day=date(2025, 12, 5))
    again = compiled.fill(context, title="t", day=date(2025, 12, 5))
    assert first == again


@pytest.mark.parametrize("start", ["fork", "spawn"])  # spawn: how Windows starts workers
def test_parallel_rendering_gives_the_same_bytes(make_workbook, monkeypatch, start):
    from pipeline import render

    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} here")
    assessment = check([make_workbook()]).rounds[0].assessment
    alone = render.render_round(assessment, DEFAULT_FORMS)
    monkeypatch.setattr(render, "PARALLEL_FROM", 0)
    monkeypatch.setattr(render.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(render.multiprocessing, "get_all_start_methods", lambda: [start])
    together = render.render_round(assessment, DEFAULT_FORMS)
    assert list(together) == list(alone)
    assert together == alone


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.spawns
def test_render_workers_end_with_a_killed_run(tmp_path):
    """kill -9 while a large round renders on every core: no worker outlives the run."""
    import os
    import signal
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "benchmarks"))
    from synthetic import write_round

    book = write_round(tmp_path / "2025-hang-nam.xlsx", units=120, people_per_unit=20,
                       nominees=300)
    run = subprocess.Popen([sys.executable, "-m", "pipeline", "generate", str(book),
                            "--outputs", str(tmp_path / "out"), "-q"], cwd=root)

    def children() -> list[int]:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == run.pid:
                found.append(int(stat.parent.name))
        return found

    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and run.poll() is None and time.monotonic() < deadline:
        workers = children()
        time.sleep(0.05)
    if len(workers) < 2:
        run.kill()
        pytest.skip("the round rendered before its workers could be seen")
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if Path(f"/proc/{pid}").exists()
                 and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]]
        time.sleep(0.1)
    assert alive == []


def test_docxtpls_escaped_braces_print_as_braces(tmp_path):
    """A template may show a literal tag as {_{ … }_} or {_% … %_} (docxtpl's escape): both
    paths print the braces themselves, and the same words."""
    from datetime import date

    from docx import Document

    template = tmp_path / "mau.docx"
    document = Document()
    document.add_paragraph("Ghi {_{ ten }_} và {_% if x %_}, không phải thẻ; {{ so }}.")
    document.save(template)
    day = date(2025, 12, 5)
    for data in (CompiledTemplate(template).fill({"so": 7}, title="t", day=day),
                 render_with_docxtpl(template, {"so": 7}, title="t", day=day)):
        (text,) = [p.text for p in Document(io.BytesIO(data)).paragraphs]
        assert text == "Ghi {{ ten }} và {% if x %}, không phải thẻ; 7."


@pytest.mark.parametrize("fill", [
    lambda path: CompiledTemplate(path),
    lambda path: render_with_docxtpl(path, {}, title="t", day=date(2025, 12, 5)),
], ids=["compiled", "docxtpl"])
def test_a_template_that_is_no_word_package_is_named_with_why(tmp_path, fill):
    broken = tmp_path / "to-trinh.docx"
    broken.write_bytes(b"PK\x03\x04 cut short")
    with pytest.raises(TemplateError) as caught:
        fill(broken)
    assert str(caught.value) == ("Mẫu “to-trinh.docx” bị lỗi: tệp không phải văn bản Word .docx "
                                 "hợp lệ.")
