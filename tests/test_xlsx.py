"""The working lists' writer: what Excel's readers (openpyxl, calamine, LibreOffice) find in it."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile
from datetime import date

import pytest
from conftest import require_tools, round_data
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openxml_audit import OpenXmlValidator, ValidationErrorType
from python_calamine import CalamineWorkbook

from pipeline.main import check
from pipeline.xlsx import (
    _AGENCY,
    Cell,
    Column,
    Form,
    Line,
    _lines,
    money_xlsx,
    table_xlsx,
    verdicts_xlsx,
)

COLUMNS = [Column("STT", 6), Column("Họ và tên", 20), Column("Lý do", 30),
           Column("Số tiền (đồng)", 16, money=True)]
ROWS = [[1, "Nguyễn Văn A", "Đạt: hoàn thành xuất sắc nhiệm vụ.", 7_020_000],
        [2, "Lò Thị B & <C>", "dòng một\ndòng hai\n" + "rất dài " * 20, None],
        [3, "  cách đầu, cách cuối  ", 'ngoặc "kép" và \'đơn\'', 0.5]]
FOOTER = [[None, "Tổng cộng", None, 7_020_000.5], [None, "Bằng chữ: Bảy triệu không trăm hai "
                                                        "mươi nghìn đồng."]]


def book(rows=ROWS, footer=FOOTER, sheet="Kết quả thẩm định") -> bytes:
    return table_xlsx(sheet, COLUMNS, rows, footer, title="Thử", day=date(2025, 12, 5))


def test_values_and_layout_as_openpyxl_reads_them():
    sheet = load_workbook(io.BytesIO(book())).active
    assert sheet.title == "Kết quả thẩm định"
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == [c.name for c in COLUMNS]
    assert values[1:4] == ROWS
    assert values[4] == [None, "Tổng cộng", None, 7_020_000.5]
    assert values[5][1].startswith("Bằng chữ")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D4"  # header and rows, not the footer
    assert [sheet.column_dimensions[c].width for c in "ABCD"] == [6.7109375, 20.7109375,
                                                                  30.7109375, 16.7109375]
    assert all(cell.font.b and cell.alignment.wrap_text for cell in sheet[1])
    assert sheet["D2"].number_format == "#,##0" and sheet["A2"].number_format == "General"
    assert sheet["C3"].alignment.wrap_text and not sheet["C3"].font.b
    assert sheet["B5"].font.b and sheet["D5"].font.b and not sheet["B6"].alignment.wrap_text
    assert sheet["D5"].number_format == "#,##0" and sheet["B5"].number_format == "General"
    assert sheet.row_dimensions[6].height is None  # the amount in words runs on, one line
    with zipfile.ZipFile(io.BytesIO(book())) as package:
        assert '<dimension ref="A1:D6"/>' in package.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9


def test_rows_are_as_tall_as_their_wrapped_text():
    sheet = load_workbook(io.BytesIO(book())).active
    assert sheet.row_dimensions[2].height is None  # fits on one line
    tall = sheet.row_dimensions[3].height  # two short lines, then 160 letters in 30 columns
    assert tall == 15 * (2 + 5)


def test_a_header_wider_than_its_column_is_as_tall_as_its_lines():
    """LibreOffice does not fit a row to wrapped text: the Sổ theo dõi's “Ngày quyết định”, 15
    letters where 14 fit (12 characters of width), printed its second line over the first
    name. Headers that fit keep the default height."""
    columns = [Column("Ngày quyết định", 12), Column("Năm", 7)]
    data = table_xlsx("Sổ theo dõi", columns, [["05/12/2025", 2025]], title="Thử",
                      day=date(2025, 12, 5))
    assert load_workbook(io.BytesIO(data)).active.row_dimensions[1].height == 30
    assert load_workbook(io.BytesIO(book())).active.row_dimensions[1].height is None


def test_a_line_in_capitals_counts_its_letters_wider():
    """A form's line holds its columns' width in letters, capitals 0,7 of it: the quốc hiệu's
    34 letters in 48 columns are two lines of 12-point text (16 points each) in capitals,
    one line written as a sentence."""
    head = (Line((Cell(1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _AGENCY),)),
            Line((Cell(1, "Cộng hòa xã hội chủ nghĩa Việt Nam", _AGENCY),)))
    data = table_xlsx("Thử", [Column("Cột", 48)], [], form=Form(head), title="Thử",
                      day=date(2025, 12, 5))
    sheet = load_workbook(io.BytesIO(data)).active
    assert [sheet.row_dimensions[r].height for r in (1, 2)] == [32, 16]


def test_the_header_row_is_printed_on_every_page():
    assert load_workbook(io.BytesIO(book())).active.print_title_rows == "$1:$1"
    head = (Line((Cell(1, "VĂN PHÒNG", _AGENCY),)), Line())
    data = table_xlsx("Thử", COLUMNS, ROWS, form=Form(head), title="Thử", day=date(2025, 12, 5))
    assert load_workbook(io.BytesIO(data)).active.print_title_rows == "$3:$3"


@pytest.mark.parametrize(("text", "per_line", "lines"), [
    ("ab cd", 5, 1),  # exactly a line
    ("ab cd", 4, 2),
    ("abcd efgh", 4, 2),  # the second line starts empty
    ("abcdefghij", 4, 3),  # a word longer than a line breaks inside it: 4 + 4 + 2
    ("một\nhai", 20, 2),
    ("", 10, 1)])
def test_lines_are_counted_as_text_wraps(text, per_line, lines):
    assert _lines(text, per_line) == lines


def test_the_parts_of_a_list_and_the_range_its_filter_covers():
    """An empty list still filters its header and one row; a form (to be signed) has none."""
    parts = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml",
             "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"]
    for data, filtered in ((book(rows=[], footer=[]), True),
                           (table_xlsx("Thử", COLUMNS, ROWS, form=Form(()), title="Thử",
                                       day=date(2025, 12, 5)), False)):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert package.namelist() == parts
            workbook = package.read("xl/workbook.xml").decode()
            sheet_xml = package.read("xl/worksheets/sheet1.xml").decode()
        assert ("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
                "'Kết quả thẩm định'!$A$1:$D$2</definedName>" in workbook) is filtered
        assert ("_FilterDatabase" in workbook) is filtered
        assert ('<autoFilter ref="A1:D2"/>' in sheet_xml) is filtered
        sheet = load_workbook(io.BytesIO(data)).active
        assert (sheet.freeze_panes == "A2", sheet.sheet_view.showGridLines is False) == (
            filtered, not filtered)  # a form to sign: no frozen pane, no grid
        # a form's margins are NĐ 30/2020's: 2 cm left for binding (0,79 inch), 1,5 elsewhere
        assert sheet.page_margins.left == (0.7 if filtered else 0.79)


def test_a_short_text_of_two_lines_is_two_lines_tall():
    sheet = load_workbook(io.BytesIO(book(rows=[[1, "Lò Thị B", "một\nhai", None]]))).active
    assert sheet.row_dimensions[2].height == 30


def test_a_long_list_keeps_every_row_in_its_place():
    """Written a thousand rows at a time: rows 1000 to 1002 and the last one where they were."""
    rows = [[n, f"Người {n}", "", n * 1000] for n in range(1, 2502)]
    data = book(rows=rows, footer=[])
    with zipfile.ZipFile(io.BytesIO(data)) as package:  # each row once, Excel refuses twice
        stored = re.findall(rb'<row r="(\d+)"', package.read("xl/worksheets/sheet1.xml"))
    assert [int(n) for n in stored] == list(range(1, 2503))
    sheet = load_workbook(io.BytesIO(data)).active
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == 2501 and [v[0] for v in values] == list(range(1, 2502))
    assert values[999] == (1000, "Người 1000", None, 1_000_000)


def test_an_empty_value_is_no_cell_but_in_a_form_a_bordered_one():
    """"" and None leave a plain list's cell out; a form writes it, empty, in its column's
    style, so that the table's borders run on."""
    plain = book(rows=[[1, "", None, None]], footer=[])
    assert sheet_cells(plain)[2] == {"A2": "2"}
    form = table_xlsx("Thử", COLUMNS, [[1, "", None, None]], title="Thử",
                      day=date(2025, 12, 5), form=Form(()))
    assert sheet_cells(form)[2] == {"A2": "2", "B2": "2", "C2": "2", "D2": "3"}
    sheet = load_workbook(io.BytesIO(form)).active
    assert all(sheet[c].border.left.style == "thin" for c in ("B2", "C2", "D2"))


def sheet_cells(data: bytes) -> dict[int, dict[str, str]]:
    """Per row number, each cell written and its style index, as stored."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("xl/worksheets/sheet1.xml"))
    return {int(row.get("r")): {c.get("r"): c.get("s") for c in row.iter(main + "c")}
            for row in root.iter(main + "row")}


def test_sheet_name_with_an_apostrophe_keeps_its_filter():
    data = book(sheet="Danh sách 'A'")
    with __import__("zipfile").ZipFile(io.BytesIO(data)) as package:
        names = package.read("xl/workbook.xml").decode()
    assert "'Danh sách ''A'''!$A$1:$D$4" in names
    assert load_workbook(io.BytesIO(data)).active.title == "Danh sách 'A'"


def test_empty_list_is_a_header_only():
    sheet = load_workbook(io.BytesIO(book(rows=[], footer=[]))).active
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [[c.name for c in COLUMNS]]


def test_other_values_are_refused():
    with pytest.raises(TypeError, match="B2"):
        book(rows=[[1, True, None, None]])


_XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_XML_TEXT, st.integers(-10**15, 10**15),
                          st.floats(allow_nan=False, allow_infinity=False)), max_size=5))
@example([("a\ufffeb\uffffc\x01d", 1, 0.5)])  # the two noncharacters, always tried
@example([("x]]>y <z> &", 2, 0.0)])  # "]]>" is no text in XML unless > is escaped
def test_any_text_and_number_read_back_the_same(rows):
    """Text comes back as written, but for the control codes XML 1.0 cannot hold (a cell of
    nothing else is an empty text); "" is an empty cell."""
    data = book(rows=[[n, name, None, amount] for name, n, amount in rows], footer=[])
    expected = [[n, re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", name) if name
                 else None, amount] for name, n, amount in rows]
    openpyxl_rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(min_row=2,
                                                                          values_only=True))
    assert [[r[0], r[1], r[3]] for r in openpyxl_rows] == expected
    calamine_rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0) \
        .to_python(skip_empty_area=False)[1:]
    assert [[r[0], r[1], r[3]] for r in calamine_rows] == [[n, name or "", amount]
                                                            for n, name, amount in expected]


@pytest.mark.render
def test_libreoffice_opens_it_with_the_same_values(tmp_path):
    require_tools("soffice")
    (tmp_path / "thu.xlsx").write_bytes(book())
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                    str(tmp_path), str(tmp_path / "thu.xlsx")],
                   check=True, capture_output=True, timeout=300)
    assert (tmp_path / "thu.csv").exists(), "LibreOffice Calc could not open the workbook"
    rows = list(csv.reader(io.StringIO((tmp_path / "thu.csv").read_text("utf-8"))))
    assert rows[0] == [c.name for c in COLUMNS]
    assert rows[1] == ["1", "Nguyễn Văn A", "Đạt: hoàn thành xuất sắc nhiệm vụ.", "7,020,000"]
    assert rows[2][1:3] == ["Lò Thị B & <C>", ROWS[1][2]]
    assert rows[3][1] == ROWS[2][1]
    assert rows[4] == ["", "Tổng cộng", "", "7,020,001"]


def test_text_that_looks_like_excels_escape_reads_back_as_typed(tmp_path):
    from python_calamine import CalamineWorkbook

    typed = ["Mã _x0041_ gõ tay", "_x005F_x0041_", "_X00e9_ và _x12_"]
    data = table_xlsx("Thử", [Column("Tên", 20)], [[t] for t in typed], title="t",
                      day=date(2025, 12, 5))
    path = tmp_path / "thu.xlsx"
    path.write_bytes(data)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Thử").to_python()
    assert [r[0] for r in rows[1:]] == typed


def test_verdicts_list_names_the_unit_and_the_highest_award(make_workbook):
    """ket-qua-tham-dinh.xlsx of the small round. A collective's Đơn vị is the agency (sheet
    Thông tin) when it has no parent. Có thể xét cao nhất: Giàng A Páo, only hoàn thành tốt
    nhiệm vụ and no sáng kiến, reaches Lao động tiên tiến (Luật, Điều 24) and nothing higher;
    Trung tâm Thông tin, both members Lao động tiên tiến but itself only hoàn thành tốt, reaches
    Tập thể lao động tiên tiến (Điều 28), not xuất sắc (Điều 27); Phòng Kinh tế, hoàn thành
    xuất sắc in 2024 and 2025 with a Chiến sĩ thi đua cơ sở among two members, reaches the Bằng
    khen (Điều 74) and Tập thể lao động xuất sắc (Điều 27)."""
    assessment = check([make_workbook()]).rounds[0].assessment
    sheet = load_workbook(io.BytesIO(verdicts_xlsx(assessment))).active
    header, *rows = sheet.iter_rows(values_only=True)
    at = {name: header.index(name) for name in
          ("Họ và tên / Tên tập thể", "Đề nghị", "Đơn vị", "Có thể xét cao nhất")}
    seen = {(r[at["Họ và tên / Tên tập thể"]], r[at["Đề nghị"]]):
            (r[at["Đơn vị"]], r[at["Có thể xét cao nhất"]]) for r in rows}
    agency = "Văn phòng Ủy ban nhân dân tỉnh Sơn La"
    assert seen[("Giàng A Páo", "Lao động tiên tiến")] == ("Phòng Kinh tế", "Lao động tiên tiến")
    assert seen[("Trung tâm Thông tin", "Tập thể lao động tiên tiến")] == (
        agency, "Tập thể lao động tiên tiến")
    assert seen[("Phòng Kinh tế", "Tập thể lao động tiên tiến")] == (
        agency, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh; Tập thể lao động xuất sắc")


VERDICT_HEADINGS = ("STT", "Đối tượng", "Họ và tên / Tên tập thể", "Năm sinh", "Đơn vị",
                    "Đề nghị", "Cấp quyết định", "Kết quả", "Lý do", "Tiền thưởng (đồng)",
                    "Có thể xét cao nhất", "Vào văn bản")
BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
CHAIRMAN = "Chủ tịch Ủy ban nhân dân tỉnh"
AGENCY = "Văn phòng Ủy ban nhân dân tỉnh Sơn La"


def test_verdicts_list_every_column_of_every_proposal(make_workbook):
    """ket-qua-tham-dinh.xlsx of the small round, in list order (collectives, then people, each
    proposal of a subject in turn), every column but Lý do: the money of the accepted ones (hệ
    số × 2.340.000, rounded up to ten thousand), none for the refused; a person's birth year,
    a collective's none; the widths of the header as typed plus Excel's padding."""
    assessment = check([make_workbook()]).rounds[0].assessment
    sheet = load_workbook(io.BytesIO(verdicts_xlsx(assessment))).active
    assert sheet.title == "Kết quả thẩm định"
    header, *rows = sheet.iter_rows(values_only=True)
    assert header == VERDICT_HEADINGS
    assert [r[:8] + r[9:] for r in rows] == [
        (1, "Tập thể", "Phòng Kinh tế", None, AGENCY, BK, CHAIRMAN, "đủ điều kiện", 7_020_000,
         f"{BK}; Tập thể lao động xuất sắc", "Có"),
        (2, "Cá nhân", "Lò Văn Pọm", 1980, "Phòng Kinh tế", BK, CHAIRMAN, "đủ điều kiện",
         3_510_000, f"{BK}; Chiến sĩ thi đua cơ sở", "Có"),
        (3, "Cá nhân", "Cầm Thị Ánh", 1988, "Trung tâm Thông tin", BK, CHAIRMAN,
         "không đủ điều kiện", None, "Chiến sĩ thi đua cơ sở", "Không"),
        (4, "Cá nhân", "Nguyễn Thị Ánh", 1979, "Trung tâm Thông tin",
         "Giấy khen của Chánh Văn phòng", "Chánh Văn phòng", "cần kiểm tra", 710_000,
         "Lao động tiên tiến", "Có"),
        (5, "Cá nhân", "Lò Văn Pọm", 1980, "Phòng Kinh tế", "Chiến sĩ thi đua cơ sở",
         "Chánh Văn phòng", "cần kiểm tra", 2_340_000, f"{BK}; Chiến sĩ thi đua cơ sở", "Có"),
        (6, "Cá nhân", "Giàng A Páo", 1990, "Phòng Kinh tế", "Lao động tiên tiến",
         "Chánh Văn phòng", "đủ điều kiện", 710_000, "Lao động tiên tiến", "Có"),
        (7, "Cá nhân", "Cầm Thị Ánh", 1988, "Trung tâm Thông tin", "Lao động tiên tiến",
         "Chánh Văn phòng", "đủ điều kiện", 710_000, "Chiến sĩ thi đua cơ sở", "Có"),
        (8, "Tập thể", "Phòng Kinh tế", None, AGENCY, "Tập thể lao động tiên tiến",
         "Chánh Văn phòng", "đủ điều kiện", 1_880_000, f"{BK}; Tập thể lao động xuất sắc",
         "Có"),
        (9, "Tập thể", "Trung tâm Thông tin", None, AGENCY, "Tập thể lao động tiên tiến",
         "Chánh Văn phòng", "đủ điều kiện", 1_880_000, "Tập thể lao động tiên tiến", "Có")]
    assert rows[5][8] == (
        "Đạt yêu cầu hoàn thành tốt nhiệm vụ trở lên trong năm 2025: năm 2025 hoàn thành tốt "
        "nhiệm vụ (Luật Thi đua, khen thưởng 2022, Điều 24.1.a).\nĐạt yêu cầu số phiếu đồng ý "
        "trên 50% số thành viên dự họp Hội đồng: có 09/09 phiếu đồng ý, bằng 100% (Quy chế hoạt "
        "động của Hội đồng Thi đua - Khen thưởng, biểu quyết theo đa số thành viên dự họp).")
    assert [sheet.column_dimensions[get_column_letter(i)].width for i in range(1, 13)] == [
        w + 0.7109375 for w in (6, 10, 28, 9, 30, 34, 24, 18, 90, 16, 40, 24)]
    assert sheet["J2"].number_format == "#,##0" and sheet["D3"].number_format == "General"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:L10"
    # Giàng A Páo's reasons: two paragraphs of 139 and 197 letters, in lines of 108 letters
    assert sheet.row_dimensions[7].height == 15 * 4


def test_verdicts_list_says_why_an_accepted_proposal_is_not_carried(make_workbook):
    """Vào văn bản: the council concluded against Lò Văn Pọm (both his proposals, eligible
    or not, stay out); Nguyễn Thị Ánh's Giấy khen, still to be checked, waits for its
    conclusion; Cầm Thị Ánh's Bằng khen was refused."""
    data = round_data()
    people = data["tables"]["individuals"]
    people[0]["conclusion"] = "Không đạt"
    del people[3]["conclusion"]
    assessment = check([make_workbook(data)]).rounds[0].assessment
    sheet = load_workbook(io.BytesIO(verdicts_xlsx(assessment))).active
    waiting = "Chờ kết luận của Hội đồng (cột “Kết luận của Hội đồng”)"
    against = "Không (Hội đồng kết luận không đạt)"
    assert [(r[2], r[5], r[11]) for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        ("Phòng Kinh tế", BK, "Có"), ("Lò Văn Pọm", BK, against), ("Cầm Thị Ánh", BK, "Không"),
        ("Nguyễn Thị Ánh", "Giấy khen của Chánh Văn phòng", waiting),
        ("Lò Văn Pọm", "Chiến sĩ thi đua cơ sở", against),
        ("Giàng A Páo", "Lao động tiên tiến", "Có"), ("Cầm Thị Ánh", "Lao động tiên tiến", "Có"),
        ("Phòng Kinh tế", "Tập thể lao động tiên tiến", "Có"),
        ("Trung tâm Thông tin", "Tập thể lao động tiên tiến", "Có")]


# a cell's text and value, a defined name, the core properties
TEXT_HOLDERS = {"t", "v", "definedName", "title", "creator", "lastModifiedBy", "created",
                "modified", "revision"}


def stray_text(data: bytes) -> list[str]:
    """Text where SpreadsheetML holds none (inside <font>, between <xf>s, before a <row>):
    Excel reports such a file as damaged and repairs it, LibreOffice and openpyxl skip it."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            for element in etree.fromstring(package.read(name)).iter():
                local = etree.QName(element).localname
                if (element.text or "").strip() and local not in TEXT_HOLDERS:
                    found.append(f"{name} <{local}>: {element.text!r}")
                if (element.tail or "").strip():
                    found.append(f"{name} after <{local}>: {element.tail!r}")
    return found


def test_every_part_is_as_excel_reads_it(make_workbook, tmp_path):
    """The plain list, the verdicts list and the signed money list, every part of each: valid
    for the Open XML SDK's schemas (an element Excel does not know, or out of its place, and
    Excel repairs the file), and no text where SpreadsheetML holds none."""
    assessment = check([make_workbook()]).rounds[0].assessment
    validator = OpenXmlValidator()
    for name, data in (("thu", book()), ("ket-qua", verdicts_xlsx(assessment)),
                       ("kinh-phi", money_xlsx(assessment))):
        (path := tmp_path / f"{name}.xlsx").write_bytes(data)
        assert [(e.part_uri, e.description) for e in validator.validate(str(path)).errors
                if e.error_type is ValidationErrorType.SCHEMA] == []
        assert stray_text(data) == []
    with zipfile.ZipFile(io.BytesIO(book())) as package:  # the check sees what it looks for
        broken = package.read("xl/styles.xml").replace(b"<b/>", b"XX<b/>XX", 1)
    with zipfile.ZipFile(buffer := io.BytesIO(), "w") as package:
        package.writestr("xl/styles.xml", broken)
    assert stray_text(buffer.getvalue()) == ["xl/styles.xml <font>: 'XX'",
                                             "xl/styles.xml after <b>: 'XX'"]
