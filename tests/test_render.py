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
from pipeline.render import (
    DOCUMENTS,
    CompiledTemplate,
    _die_with,
    render,
    render_with_docxtpl,
)

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


def template_of(tmp_path, *paragraphs: str, header: str | None = None) -> Path:
    """A clerk's own template: one paragraph per text, and a header paragraph if given."""
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    path = tmp_path / "mau-rieng.docx"
    document.save(path)
    return path


def test_a_tag_in_the_page_header_is_filled_in_the_header(tmp_path):
    """The header stays a header ("Số: 07/TTr-VPUB" on every page), the body the body; also a
    header saved on one line, with no line break after its XML declaration."""
    from docx import Document

    template = template_of(tmp_path, "Thân: {{ so }}", header="Số: {{ so }}/TTr-VPUB")
    with zipfile.ZipFile(template) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/header1.xml"] = parts["word/header1.xml"].replace(b"\n", b"").replace(b"\r", b"")
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    data = CompiledTemplate(template).fill({"so": "07"}, title="t", day=date(2025, 12, 5))
    document = Document(io.BytesIO(data))
    assert [p.text for p in document.sections[0].header.paragraphs] == ["Số: 07/TTr-VPUB"]
    assert [p.text for p in document.paragraphs] == ["Thân: 07"]


@pytest.mark.parametrize(("slow", "value"), [(False, "07"), (False, "07\nbis"), (True, "07")],
                         ids=["compiled", "compiled-whole-text", "docxtpl"])
def test_every_document_carries_its_title_in_its_properties(tmp_path, slow, value):
    """File > Properties shows the document's title, on every path: streamed, filled whole (a
    value with a line break) and by docxtpl itself (a rich-text tag, {{r }})."""
    from docx import Document
    from docxtpl import RichText

    tag = "{{r so }}" if slow else "{{ so }}"
    template = template_of(tmp_path, f"Số {tag}.")
    compiled = CompiledTemplate(template)
    assert compiled.slow is slow
    data = compiled.fill({"so": RichText(value) if slow else value}, title="Tờ trình đề nghị",
                         day=date(2025, 12, 5))
    document = Document(io.BytesIO(data))
    assert document.core_properties.title == "Tờ trình đề nghị"
    assert [p.text for p in document.paragraphs] == [f"Số {value}."]


@pytest.mark.parametrize("value", ["dòng một\ndòng hai", "cột một\tcột hai",
                                   "đoạn một\ađoạn hai", "trang một\ftrang hai"],
                         ids=["line-break", "tab", "new-paragraph", "page-break"])
def test_each_of_docxtpls_breaks_alone_is_made_as_docxtpl_makes_it(tmp_path, value):
    """A line break, a tab, \\a (a new paragraph) or \\f (a page break) in a value becomes Word's
    own, on its own as well as together with the others."""
    template = template_of(tmp_path, "Thành tích: {{ thanh_tich }}")
    day = date(2025, 12, 5)
    fast = CompiledTemplate(template).fill({"thanh_tich": value}, title="t", day=day)
    plain = render_with_docxtpl(template, {"thanh_tich": value}, title="t", day=day)
    assert canonical(fast, "word/document.xml") == canonical(plain, "word/document.xml")


@pytest.mark.parametrize(("text", "printed"), [
    ("Ghi {_{ ten mà không đóng.", "Ghi {{ ten mà không đóng."),
    ("Ghi ten }_} mà không mở.", "Ghi ten }} mà không mở."),
    ("Ghi {_% if x mà không đóng.", "Ghi {% if x mà không đóng."),
], ids=["opener", "closer", "block-opener"])
def test_one_escaped_brace_alone_prints_as_a_brace(tmp_path, text, printed):
    from docx import Document

    template = template_of(tmp_path, text + " {{ so }}")
    data = CompiledTemplate(template).fill({"so": 7}, title="t", day=date(2025, 12, 5))
    assert [p.text for p in Document(io.BytesIO(data)).paragraphs] == [printed + " 7"]


def test_a_long_body_goes_into_the_zip_in_pieces_of_about_a_megabyte(tmp_path, monkeypatch):
    """A 20.000-row list never stands whole in memory: the body is cut as soon as a piece passes
    1 MiB (1.048.576 bytes). Rows of 1.024 bytes: 1.024 rows and the opening of the paragraph,
    then 1.025 rows, then the 951 left and the closing."""
    from docx import Document

    from pipeline import render

    pieces: list[int] = []
    real_package = render.package

    def recording(parts):
        def measured(chunks):
            for chunk in chunks:
                pieces.append(len(chunk))
                yield chunk

        return real_package((name, measured(data) if name == "word/document.xml" else data)
                            for name, data in parts)

    monkeypatch.setattr(render, "package", recording)
    template = template_of(tmp_path, "{% for dong in dong_list %}{{ dong }}{% endfor %}")
    rows = [f"{n:04d}" + "x" * 1020 for n in range(3000)]
    data = CompiledTemplate(template).fill({"dong_list": rows}, title="t", day=date(2025, 12, 5))
    head, *body, tail = pieces
    assert [size // 1024 for size in body] == [1024, 1025, 951]
    assert body[1] == 1025 * 1024
    assert [p.text for p in Document(io.BytesIO(data)).paragraphs] == ["".join(rows)]


@pytest.mark.parametrize(("tag", "reason"), [
    ("{{ nam // 0 }}", "một thẻ chia cho 0; hãy sửa phép tính trong thẻ"),
    ("{{ nam + ' năm' }}", "một thẻ không tính được với dữ liệu của đợt (TypeError); hãy xem lại "
                           "phép tính hoặc bộ lọc trong thẻ"),
], ids=["division-by-zero", "number-plus-text"])
def test_a_tag_that_cannot_be_worked_out_names_the_template_and_why(tmp_path, tag, reason):
    template = template_of(tmp_path, f"Năm {tag}.")
    with pytest.raises(TemplateError) as caught:
        CompiledTemplate(template).fill({"nam": 2025}, title="t", day=date(2025, 12, 5))
    assert str(caught.value) == f"Mẫu “mau-rieng.docx” bị lỗi: {reason}."


class InlinePool:
    """ProcessPoolExecutor as render_round uses it, run in this process: notes how many workers
    it was given, how they would start and the order the files were handed out."""

    made: list[InlinePool] = []

    def __init__(self, workers, *, mp_context, initializer, initargs) -> None:
        self.workers, self.start, self.handed = workers, mp_context.get_start_method(), []
        initializer(*initargs)
        InlinePool.made.append(self)

    def __enter__(self) -> InlinePool:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def submit(self, task, index):
        from concurrent.futures import Future

        from pipeline.render import OUTPUTS

        self.handed.append(OUTPUTS[index].filename)
        future = Future()
        future.set_result(task(index))
        return future


@pytest.fixture
def pool(monkeypatch):
    """render_round with InlinePool for its process pool, and a system of `cores` cores."""
    from pipeline import render

    InlinePool.made = []
    monkeypatch.setattr(render, "ProcessPoolExecutor", InlinePool)
    monkeypatch.setattr(render, "_shared", None)

    def on(cores, *, parallel_from=0, methods=("fork", "spawn", "forkserver")):
        monkeypatch.setattr(render.os, "cpu_count", lambda: cores)
        monkeypatch.setattr(render, "PARALLEL_FROM", parallel_from)
        monkeypatch.setattr(render.multiprocessing, "get_all_start_methods", lambda: [*methods])
        return InlinePool.made

    return on


@pytest.mark.parametrize(("methods", "start"), [(("fork", "spawn", "forkserver"), "fork"),
                                                (("spawn",), "spawn")], ids=["linux", "windows"])
def test_a_large_round_is_made_on_every_core_longest_files_first(make_workbook, pool, methods,
                                                                 start):
    """Two cores, two workers: forked where the system can fork (the round is inherited, not
    copied), spawned on Windows; the files that take longest on a province round are handed
    out first so that the cores finish together; progress is told as each file is done."""
    from pipeline import render

    assessment = check([make_workbook()]).rounds[0].assessment
    alone = render.render_round(assessment, DEFAULT_FORMS)
    made = pool(2, methods=methods)
    heard = []
    together = render.render_round(assessment, DEFAULT_FORMS,
                                   lambda done, total: heard.append((done, total)))
    (used,) = made
    assert (used.workers, used.start) == (2, start)
    assert used.handed == [
        "ket-qua-tham-dinh.xlsx", "bao-cao-thanh-tich/", "bien-ban-hop-hoi-dong.docx",
        "quyet-dinh-danh-hieu.docx", "tong-hop-kinh-phi.xlsx",
        "to-trinh-de-nghi-khen-thuong.docx", "danh-sach-de-nghi-khen-thuong.docx",
        "quyet-dinh-giay-khen.docx", "bao-cao-ket-qua.docx"]
    assert heard == [(n, 9) for n in range(10)]
    assert together == alone


def test_no_more_workers_than_files(make_workbook, pool):
    from pipeline import render

    made = pool(64)
    render.render_round(check([make_workbook()]).rounds[0].assessment, DEFAULT_FORMS)
    assert [p.workers for p in made] == [9]


@pytest.mark.parametrize(("cores", "over"), [(1, 0), (None, 0), (2, 1)],
                         ids=["one-core", "cores-unknown", "small-round"])
def test_one_core_or_a_small_round_is_made_in_this_process(make_workbook, pool, cores, over):
    """Starting processes costs more than it saves below PARALLEL_FROM proposals; a system that
    cannot tell its cores counts as one."""
    from pipeline import render

    assessment = check([make_workbook()]).rounds[0].assessment
    made = pool(cores, parallel_from=len(assessment.judgements) + over)
    assert len(render.render_round(assessment, DEFAULT_FORMS)) > 9
    assert made == []


def test_a_round_of_exactly_parallel_from_proposals_is_made_on_every_core(make_workbook, pool):
    from pipeline import render

    assessment = check([make_workbook()]).rounds[0].assessment
    made = pool(2, parallel_from=len(assessment.judgements))
    render.render_round(assessment, DEFAULT_FORMS)
    assert [p.workers for p in made] == [2]


def test_a_template_missing_from_forms_is_named(tmp_path):
    with pytest.raises(TemplateError) as caught:
        render(tmp_path / "to-trinh.docx", {}, title="t", round_=None)
    assert str(caught.value) == ("Mẫu “to-trinh.docx” bị lỗi: không tìm thấy tệp mẫu trong thư "
                                 "mục forms.")


def test_a_worker_ends_at_once_with_an_error_code_when_its_parent_is_gone(monkeypatch):
    ended = []
    monkeypatch.setattr("pipeline.render.os._exit", ended.append)
    reading, writing = multiprocessing.Pipe(duplex=False)
    writing.close()  # the parent gone: its end of the pipe closed
    _die_with(reading.fileno())
    assert ended == [1]


def test_a_document_part_without_its_body_is_named_when_compiled(tmp_path):
    broken = tmp_path / "to-trinh.docx"
    with zipfile.ZipFile(broken, "w") as package:
        package.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxml'
                         'formats.org/wordprocessingml/2006/main"/>')
    with pytest.raises(TemplateError) as caught:
        CompiledTemplate(broken)
    assert str(caught.value) == "Mẫu “to-trinh.docx” bị lỗi: thiếu phần thân văn bản (w:body)."
