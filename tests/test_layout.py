"""Layout of the generated .docx against Nghị định 30/2020/NĐ-CP, Phụ lục I (domain.md §3)."""

from __future__ import annotations

import itertools
import re
import zipfile

import pytest
from docx import Document
from lxml import etree

from pipeline import generate
from pipeline.catalog import DEFAULT_FORMS

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}

DOCUMENTS = ["to-trinh-de-nghi-khen-thuong.docx", "danh-sach-de-nghi-khen-thuong.docx",
             "bao-cao-ket-qua.docx", "quyet-dinh-danh-hieu.docx", "quyet-dinh-giay-khen.docx",
             "bien-ban-hop-hoi-dong.docx", "bao-cao-thanh-tich/01-phong-kinh-te.docx",
             "bao-cao-thanh-tich/02-lo-van-pom.docx"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    from conftest import round_data, write_round

    from pipeline.catalog import Catalog

    root = tmp_path_factory.mktemp("layout")
    path = write_round(root / "2025.xlsx", round_data(), Catalog())
    generate([path], outputs=root / "outputs")
    return root / "outputs" / "2025-hang-nam"


def _paragraph(document, pattern: str):
    """The first paragraph, in the body or in a table cell, whose text matches."""
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    return next(p for p in paragraphs if re.fullmatch(pattern, p.text))


def _style(paragraph) -> tuple[set[float], set[bool], set[bool]]:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return ({r.font.size.pt for r in runs}, {bool(r.font.bold) for r in runs},
            {bool(r.font.italic) for r in runs})


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_is_a4_with_decree_margins(folder, name):
    for section in Document(folder / name).sections:  # a quyết định's appendix is the second
        assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}
        margins = [round(m.mm, 1) for m in (section.top_margin, section.bottom_margin,
                                             section.left_margin, section.right_margin)]
        top, bottom, left, right = margins
        assert 20 <= top <= 25 and 20 <= bottom <= 25 and 30 <= left <= 35 and 15 <= right <= 20


@pytest.mark.parametrize("name", DOCUMENTS)
def test_times_new_roman_everywhere(folder, name):
    document = Document(folder / name)
    fonts = document.styles.element.xpath("//w:rFonts")
    assert fonts and all(f.get(f"{{{f.nsmap['w']}}}ascii") == "Times New Roman" for f in fonts)
    assert not document.element.xpath("//w:rFonts")  # no run overrides the default font


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_numbers_top_centre_not_on_first_page(folder, name):
    sections = Document(folder / name).sections
    for header in (section.header for section in sections):
        assert "PAGE" in "".join(header._element.xpath(".//w:instrText/text()"))
        assert header.paragraphs[0].alignment == 1  # centred
        assert {r.font.size.pt for r in header.paragraphs[0].runs} == {14}
    assert sections[0].different_first_page_header_footer
    first = sections[0].first_page_header
    assert not first._element.xpath(".//w:instrText") and not "".join(
        p.text for p in first.paragraphs).strip()


NATIONAL = [(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {12, 13}, True, False),
            (r"Độc lập - Tự do - Hạnh phúc", {13, 14}, True, False)]
AGENCY = {  # ô số 2: the agency above, then the issuing one (bold); a báo cáo thành tích has none
    "bien-ban-hop-hoi-dong.docx": [(r"VĂN PHÒNG UBND TỈNH SƠN LA", {12, 13}, False, False),
                                   ("HỘI\xa0ĐỒNG THI\xa0ĐUA\xa0-\xa0KHEN\xa0THƯỞNG", {12, 13},
                                    True, False)],
    "bao-cao-thanh-tich/01-phong-kinh-te.docx": [],
    "bao-cao-thanh-tich/02-lo-van-pom.docx": [],
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_header_block_sizes(folder, name):
    document = Document(folder / name)
    expectations = AGENCY.get(name, [(r"ỦY BAN NHÂN DÂN TỈNH SƠN LA", {12, 13}, False, False),
                                     (r"VĂN PHÒNG", {12, 13}, True, False)]) + NATIONAL
    for pattern, sizes, bold, italic in expectations:
        found_sizes, found_bold, found_italic = _style(_paragraph(document, pattern))
        assert found_sizes <= sizes and found_bold == {bold} and found_italic == {italic}, pattern


@pytest.mark.parametrize("name,kind", [(DOCUMENTS[0], "TỜ TRÌNH"), (DOCUMENTS[2], "BÁO CÁO")])
def test_numbered_document_parts(folder, name, kind):
    document = Document(folder / name)
    checks = [
        (r"Số: .*/(TTr|BC)-VPUB", {13}, {False}, {False}),
        (r"Sơn La, ngày .*", {13, 14}, {False}, {True}),
        (kind, {13, 14}, {True}, {False}),
        (r"Kính gửi: .*", {13, 14}, {False}, {False}),
        (r"Nơi nhận:", {12}, {True}, {True}),
        (r"- Lưu: VT, TCHCQT\.", {11}, {False}, {False}),
        (r"KT\. CHÁNH VĂN PHÒNG", {13, 14}, {True}, {False}),
        (r"PHÓ CHÁNH VĂN PHÒNG", {13, 14}, {True}, {False}),
        (r"Hà Minh Tuấn", {13, 14}, {True}, {False}),
    ]
    for pattern, sizes, bold, italic in checks:
        found_sizes, found_bold, found_italic = _style(_paragraph(document, pattern))
        assert found_sizes <= sizes and found_bold == bold and found_italic == italic, pattern


def test_body_paragraphs(folder):
    document = Document(folder / DOCUMENTS[0])
    body = _paragraph(document, r"Năm 2025, Văn phòng .*")
    assert _style(body)[0] <= {13, 14}
    assert body.alignment == 3  # justified
    assert round(body.paragraph_format.first_line_indent.cm, 2) in (1.0, 1.27)
    assert body.paragraph_format.space_after.pt >= 6
    basis = _paragraph(document, r"Căn cứ Luật Thi đua.*")
    assert _style(basis)[2] == {True}
    assert basis.text.endswith(";")
    assert _paragraph(document, r"Căn cứ kết quả họp xét.*").text.endswith(".")


# --- what holds the pages together, read from the committed templates ----------------------------

TEMPLATES = sorted(p.name for p in DEFAULT_FORMS.glob("*.docx"))
HEADING = re.compile(r"(I|II|III|IV|V|VI|\d)\. \S|NỘI DUNG$|[{][{] dieu\.so [}][}]")


def _template(name: str):
    with zipfile.ZipFile(DEFAULT_FORMS / name) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _text_of(element) -> str:
    return "".join(element.itertext()).strip()


def _keeps_next(paragraph) -> bool:
    return bool(paragraph.xpath("w:pPr/w:keepNext", namespaces=NS))


@pytest.mark.parametrize("name", TEMPLATES)
def test_headings_keep_with_the_text_under_them(name):
    headings = [p for p in _template(name).iter(f"{{{NS['w']}}}p")
                if HEADING.match(_text_of(p)) and p.xpath("w:r/w:rPr/w:b", namespaces=NS)]
    assert headings or name.startswith(("danh-sach", "to-trinh"))
    assert all(_keeps_next(p) for p in headings), [_text_of(p) for p in headings
                                                   if not _keeps_next(p)]


@pytest.mark.parametrize("name", TEMPLATES)
def test_bordered_tables_repeat_their_header_row(name):
    tables = _template(name).xpath("//w:tbl[w:tblPr/w:tblBorders/w:top/@w:val='single']",
                                   namespaces=NS)
    assert tables or name.startswith(("to-trinh", "bao-cao-thanh-tich-dot-xuat",
                                      "bao-cao-thanh-tich-chuyen-de"))  # no table on the form
    for table in tables:
        assert table.xpath("w:tr[1]/w:trPr/w:tblHeader", namespaces=NS), name


SIGNERS = ("nguoi_ky", "thu_ky", "nguoi_bao_cao")


@pytest.mark.parametrize("name", [n for n in TEMPLATES if not n.startswith("danh-sach")])
def test_closing_paragraph_keeps_with_the_signature(name):
    """The signature table is the body's last table (before a quyết định's appendix); the
    paragraphs between the last words of the text and it all keep with what follows."""
    body = _template(name).find("w:body", NS)
    blocks = list(body)
    last = max(i for i, b in enumerate(blocks) if b.tag == f"{{{NS['w']}}}tbl"
               and not b.xpath(".//w:tblBorders/w:top[@w:val='single']", namespaces=NS)
               and any(signer in _text_of(b) for signer in SIGNERS))
    before = [b for b in blocks[:last] if not _text_of(b).startswith("{%")]
    tail = list(itertools.takewhile(lambda b: not _text_of(b), reversed(before)))
    closing = before[-len(tail) - 1]
    assert closing.tag == f"{{{NS['w']}}}p" and _text_of(closing), name
    assert all(_keeps_next(p) for p in [*tail, closing]), name
