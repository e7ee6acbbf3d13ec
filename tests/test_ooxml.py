"""The package writer: a zip every reader takes, byte for byte what zipfile would write."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import generate, ooxml
from pipeline.ooxml import Deflated, package

NAMES = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"),
                min_size=1, max_size=20)
CONTENT = st.one_of(st.binary(max_size=3000),
                    st.lists(st.binary(max_size=2000), max_size=4),  # chunks as streamed
                    st.text(max_size=3000).map(str.encode))


def zipfile_package(parts: list[tuple[str, bytes | list[bytes]]], level: int) -> bytes:
    """The same parts written by the standard library, with the same dates and permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info._compresslevel = level  # noqa: SLF001 (zipfile has no other way for open())
            with target.open(info, "w") as stream:
                for chunk in (data,) if isinstance(data, bytes) else data:
                    stream.write(chunk)
    return out.getvalue()


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(NAMES, CONTENT), max_size=6, unique_by=lambda part: part[0]))
def test_same_bytes_as_zipfile(parts):
    assert package(parts) == zipfile_package(parts, ooxml.LEVEL)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(NAMES, CONTENT), max_size=6, unique_by=lambda part: part[0]))
def test_every_part_reads_back_with_its_crc(parts):
    data = package([(name, Deflated.of(content) if isinstance(content, bytes) else content)
                    for name, content in parts])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        assert source.testzip() is None
        assert [e.filename for e in source.infolist()] == [name for name, _ in parts]
        for name, content in parts:
            whole = content if isinstance(content, bytes) else b"".join(content)
            assert source.read(name) == whole
            info = source.getinfo(name)
            assert (info.date_time, info.external_attr >> 16) == ((1980, 1, 1, 0, 0, 0), 0o644)


def test_a_part_compressed_once_is_the_same_as_compressed_each_time():
    raw = b"<w:styles>" + b"<w:style/>" * 500 + b"</w:styles>"
    assert package([("word/styles.xml", Deflated.of(raw))]) == \
        package([("word/styles.xml", raw)])


def test_documents_are_dated_by_the_round_never_by_the_clock(make_workbook, tmp_path):
    """The small round is signed 05/12/2025: every docx and xlsx says it was created and last
    modified that day, at midnight UTC, whatever day the tool runs."""
    generate([make_workbook()], outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-hang-nam"
    stamp = ('<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-05T00:00:00Z</dcterms:created>'
             '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-05T00:00:00Z'
             '</dcterms:modified>')
    for name in ("to-trinh-de-nghi-khen-thuong.docx", "ket-qua-tham-dinh.xlsx"):
        with zipfile.ZipFile(folder / name) as package_:
            assert stamp in package_.read("docProps/core.xml").decode(), name


def test_a_clerks_template_rendered_by_docxtpl_is_dated_by_the_round_too(tmp_path):
    """A template the compiled path does not take ({%tc %}, colspan, cellbg …) goes through
    docxtpl itself; its core.xml is stamped with the round's day as well."""
    from datetime import date

    from docx import Document

    from pipeline.render import render_with_docxtpl

    template = tmp_path / "mau-rieng.docx"
    document = Document()
    document.add_paragraph("Không có thẻ nào.")
    document.save(template)
    data = render_with_docxtpl(template, {}, title="Tờ trình", day=date(2025, 12, 5))
    with zipfile.ZipFile(io.BytesIO(data)) as package_:
        core = package_.read("docProps/core.xml").decode()
    assert "2025-12-05T00:00:00Z</dcterms:created>" in core
    assert "2025-12-05T00:00:00Z</dcterms:modified>" in core
