"""tong-hop-kinh-phi.xlsx as a financial attachment to sign: header, title, basis, the two parts
with their subtotals, total and amounts in words, signatures; Times New Roman, borders, printed
one page wide on A4 with the header row on every page (read back by openpyxl, printed by
LibreOffice Calc)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import RENDER_TOOLS, require_tools, round_data, sized_round, write_round
from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pipeline import generate
from pipeline.catalog import Catalog

# the small round: Nguyễn Thị Ánh's Giấy khen (0,3 × 2.340.000 = 710.000) and Lò Văn Pọm's
# CSTĐCS (1,0 → 2.340.000), both paid by the office; his Bằng khen of the chairman (1,5 →
# 3.510.000), paid by the province
HEADINGS = ("STT", "Đối tượng", "Họ và tên / Tên tập thể", "Đơn vị", "Danh hiệu, hình thức",
            "Hệ số", "Mức lương cơ sở (đồng)", "Số tiền (đồng)", "Cấp chi trả")
SIGNERS = ("NGƯỜI LẬP BIỂU", "KẾ TOÁN", "THỦ TRƯỞNG ĐƠN VỊ")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def small(tmp_path: Path, **info) -> Path:
    data = round_data()
    people = data["tables"]["individuals"]
    data["tables"]["collectives"] = []
    data["tables"]["individuals"] = [people[0], people[3]]
    data["info"].update(info)
    path = write_round(tmp_path / "inputs" / "2025-hang-nam.xlsx", data, Catalog())
    generate([path], outputs=tmp_path / "out")
    return tmp_path / "out" / "2025-hang-nam" / "tong-hop-kinh-phi.xlsx"


@pytest.fixture
def sheet(tmp_path):
    (tmp_path / "inputs").mkdir()
    return load_workbook(small(tmp_path)).active


def values(sheet) -> list[tuple]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_agency_header_title_and_basis(sheet):
    assert sheet.title == "Tổng hợp kinh phí"
    assert (sheet["A1"].value, sheet["E1"].value) == ("ỦY BAN NHÂN DÂN TỈNH SƠN LA",
                                                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert (sheet["A2"].value, sheet["E2"].value) == ("VĂN PHÒNG", "Độc lập - Tự do - Hạnh phúc")
    assert sheet["A4"].value == "BẢNG TỔNG HỢP KINH PHÍ KHEN THƯỞNG"
    assert sheet["A5"].value == "Năm 2025"
    assert sheet["A6"].value == ("Mức lương cơ sở: 2.340.000 đồng (Nghị định 73/2024/NĐ-CP, "
                                 "Điều 3.2); số tiền = hệ số × mức lương cơ sở (Nghị định "
                                 "152/2025/NĐ-CP, Điều 49.1-2).")
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:D1", "E1:I1", "A2:D2", "E2:I2", "A4:I4", "A5:I5", "A6:I6"} <= merged
    assert sheet["A2"].font.b and not sheet["A1"].font.b and sheet["E2"].font.u == "single"
    assert sheet["A4"].font.b and sheet["A4"].font.sz == 14
    assert values(sheet)[7] == HEADINGS


def test_two_parts_with_subtotals_total_and_words(sheet):
    rows = values(sheet)[8:19]
    assert rows == [
        ("I", "Khen thưởng thuộc thẩm quyền của Văn phòng", *[None] * 7),
        (1, "Cá nhân", "Nguyễn Thị Ánh", "Trung tâm Thông tin", "Giấy khen của Chánh Văn phòng",
         0.3, 2_340_000, 710_000, "Văn phòng"),
        (2, "Cá nhân", "Lò Văn Pọm", "Phòng Kinh tế", "Chiến sĩ thi đua cơ sở", 1.0, 2_340_000,
         2_340_000, "Văn phòng"),
        (None, None, "Văn phòng chi trả", None, None, None, None, 3_050_000, None),
        (None, None, "Bằng chữ: Ba triệu không trăm năm mươi nghìn đồng.", *[None] * 6),
        ("II", "Khen thưởng do cấp trên quyết định (cấp quyết định chi trả; số tiền dự kiến, để "
         "tham khảo)", *[None] * 7),
        (1, "Cá nhân", "Lò Văn Pọm", "Phòng Kinh tế", "Bằng khen của Chủ tịch Ủy ban nhân dân "
         "tỉnh", 1.5, 2_340_000, 3_510_000, "Chủ tịch Ủy ban nhân dân tỉnh"),
        (None, None, "Cấp quyết định khen thưởng chi trả (dự kiến)", None, None, None, None,
         3_510_000, None),
        (None, None, "Bằng chữ: Ba triệu năm trăm mười nghìn đồng.", *[None] * 6),
        (None, None, "Tổng cộng", None, None, None, None, 6_560_000, None),
        (None, None, "Bằng chữ: Sáu triệu năm trăm sáu mươi nghìn đồng.", *[None] * 6)]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"B9:I9", "C12:G12", "C13:I13", "B14:I14", "C18:G18", "C19:I19"} <= merged


def test_signatures_under_the_table(sheet):
    rows = values(sheet)[19:]
    assert rows[1][0] == ("Ghi chú: khen thưởng do cấp trên quyết định (phần II) do cấp quyết "
                          "định chi trả, theo mức lương cơ sở tại ngày quyết định của cấp đó "
                          "(Luật Thi đua, khen thưởng 2022, Điều 11.4); số tiền ở phần II để "
                          "tham khảo.")
    assert rows[5][0] == " "  # a space: the room to sign is printed
    assert rows[2][5] == "Sơn La, ngày 05 tháng 12 năm 2025"
    assert (rows[3][0], rows[3][3], rows[3][5]) == SIGNERS
    assert (rows[4][0], rows[4][3], rows[4][5]) == ("(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)",
                                                    "(Ký, ghi rõ họ tên, đóng dấu)")
    assert sheet.row_dimensions[25].height >= 60  # room to sign, printed


def test_times_new_roman_borders_and_number_formats(sheet):
    assert all(cell.font.name == "Times New Roman" for row in sheet.iter_rows() for cell in row
               if cell.value is not None)
    table = sheet["A8:I19"]  # the header row down to the total's words
    merged = {c for r in sheet.merged_cells.ranges for c in r.cells}
    for row in table:  # lines along every row; between columns but inside a merged span
        assert row[0].border.left.style == row[-1].border.right.style == "thin"
        for cell in row:
            sides = (cell.border.top, cell.border.bottom) + (
                () if (cell.row, cell.column) in merged else (cell.border.left, cell.border.right))
            assert all(side.style == "thin" for side in sides), cell.coordinate
    assert not any(sheet.cell(r, c).border.left.style for r in (1, 4, 21, 23) for c in (1, 5))
    assert all(cell.font.b for cell in table[0])
    money = sheet["H10"]
    assert money.number_format == r"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"
    assert money.alignment.horizontal == "right" and sheet["G10"].alignment.horizontal == "right"
    assert sheet["H12"].font.b and sheet["H12"].number_format == money.number_format
    assert sheet["F10"].number_format == "[$-42A]0.0#"  # 0,3
    assert sheet["C13"].font.i


def test_printed_one_page_wide_on_a4_with_the_header_row_repeated(sheet):
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation) == (9, "landscape")
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$8:$8"
    assert sheet.print_options.horizontalCentered
    assert not sheet.sheet_view.showGridLines and sheet.auto_filter.ref is None


def test_billions_keep_their_dots():
    """A total of a billion or more takes the format with three dots: the everyday one holds
    two (a cell reads 1.234.567.890, not 1234.567.890)."""
    from pipeline.xlsx import _BOLD_BILLIONS, _BOLD_MONEY, _sum

    assert _sum("Tổng cộng", 1_234_567_890)[0].cells[3].style == _BOLD_BILLIONS
    assert _sum("Tổng cộng", 1_000_000_000)[0].cells[3].style == _BOLD_BILLIONS
    assert _sum("Tổng cộng", 999_999_999)[0].cells[3].style == _BOLD_MONEY
    assert _sum("Tổng cộng", 1_234_567_890)[1].cells[2].value == (
        "Bằng chữ: Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín "
        "mươi đồng.")


def test_a_salary_typed_in_the_workbook_cites_no_decree(tmp_path):
    (tmp_path / "inputs").mkdir()
    sheet = load_workbook(small(tmp_path, base_salary=2_500_000)).active
    assert sheet["A6"].value == ("Mức lương cơ sở: 2.500.000 đồng; số tiền = hệ số × mức lương "
                                 "cơ sở (Nghị định 152/2025/NĐ-CP, Điều 49.1-2).")
    assert sheet["H10"].value == 750_000  # 0,3 × 2.500.000


def test_a_round_under_an_earlier_decree_cites_no_text_not_read(tmp_path):
    """A 2021 round is paid under Nghị định 91/2017, whose rounding and payer rules are not yet
    checked against the text: the basis and the note cite nothing for them (the base salary,
    1.490.000 đồng, still cites its decree)."""
    data = round_data()
    data["info"].update(year=2021, sign_date="05/12/2021")
    data["tables"].update(history=[], collectives=[],
                          individuals=[data["tables"]["individuals"][i] for i in (0, 3)])
    path = write_round(tmp_path / "2021-hang-nam.xlsx", data, Catalog())
    generate([path], outputs=tmp_path / "out")
    sheet = load_workbook(tmp_path / "out" / "2021-hang-nam" / "tong-hop-kinh-phi.xlsx").active
    assert sheet["A6"].value == ("Mức lương cơ sở: 1.490.000 đồng (Nghị định 38/2019/NĐ-CP); số "
                                 "tiền = hệ số × mức lương cơ sở.")
    assert sheet["A21"].value == ("Ghi chú: khen thưởng do cấp trên quyết định (phần II) do cấp "
                                  "quyết định chi trả, theo mức lương cơ sở tại ngày quyết định "
                                  "của cấp đó; số tiền ở phần II để tham khảo.")


def test_same_input_same_bytes(tmp_path):
    (tmp_path / "a" / "inputs").mkdir(parents=True)
    (tmp_path / "b" / "inputs").mkdir(parents=True)
    assert small(tmp_path / "a").read_bytes() == small(tmp_path / "b").read_bytes()


# --- printed by LibreOffice ----------------------------------------------------------------------



def _pdf_text(pdf: Path) -> list[str]:
    """Each printed page's text, laid out as on the page."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return [page for page in out.split("\f") if page.strip()]


def _top(page: str) -> str:
    """The first three lines of a page: a header row of wrapped headings."""
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    return " ".join(lines[:3])


@pytest.mark.render
def test_libreoffice_prints_it_one_page_wide_on_a4(tmp_path):
    """The sample round and a round of 300 people: every page A4 landscape, every column's
    heading on page 1, the header row again at the top of page 2, nothing but Times New Roman
    (or its metric twin), and every letter of the sheet printed."""
    require_tools(*RENDER_TOOLS)
    inputs = Path(__file__).resolve().parent.parent / "inputs"
    generate([inputs / "2025-hang-nam.xlsx"], outputs=tmp_path / "mau")
    large = write_round(tmp_path / "2025-hang-nam.xlsx", sized_round(300), Catalog())
    generate([large], outputs=tmp_path / "lon")
    books = {"mau": tmp_path / "mau" / "2025-hang-nam" / "tong-hop-kinh-phi.xlsx",
             "lon": tmp_path / "lon" / "2025-hang-nam" / "tong-hop-kinh-phi.xlsx"}
    for name, book in books.items():
        shutil.copy(book, tmp_path / f"{name}.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "mau.xlsx"), str(tmp_path / "lon.xlsx")],
                   check=True, capture_output=True, timeout=300)
    for name, book in books.items():
        pdf = tmp_path / f"{name}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                              text=True).stdout
        assert "841.89 x 595.3" in info and "(A4)" in info, info
        pages = _pdf_text(pdf)
        assert len(pages) >= 2, name
        first = " ".join(pages[0].split())
        words = set(first.split())
        for heading in HEADINGS:
            assert set(heading.split()) <= words, (name, heading)
        assert "BẢNG TỔNG HỢP KINH PHÍ KHEN THƯỞNG" in first
        for page in pages[1:]:  # the header row on top of every page after the first
            top = _top(page)
            assert all(word in top for word in ("STT", "Họ và tên / Tên tập thể", "Mức lương",
                                                "Số tiền (đồng)", "Cấp chi trả")), (name, top)
        last = " ".join(pages[-1].split())
        assert all(signer in last for signer in SIGNERS), name
        fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                               text=True).stdout.splitlines()[2:]
        names = {line.split()[0].split("+")[-1] for line in fonts}
        assert names and all(n.startswith(("TimesNewRoman", "LiberationSerif")) for n in names)
        cells = " ".join(str(v) for row in load_workbook(book).active.iter_rows(values_only=True)
                         for v in row if isinstance(v, str))
        printed = Counter(ch for ch in " ".join(pages) if ch.isalpha())
        assert not Counter(ch for ch in cells if ch.isalpha()) - printed, name
    large_pages = _pdf_text(tmp_path / "lon.pdf")
    assert len(large_pages) >= 8  # 300 people and 37 units: a list long enough to repeat


# --- the form's cell styles, each as a clerk sees it in Excel's Format Cells -------------------

MONEY = r"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"
# style: (size, bold, italic, underline, bordered, horizontal, vertical, wrapped, indent, format)
LOOKS = {
    "plain": (12, False, False, None, False, None, None, None, 0, "General"),
    "_HEADER": (12, True, False, None, True, "center", "center", True, 0, "General"),
    "_TEXT": (12, False, False, None, True, None, "top", True, 0, "General"),
    "_MONEY": (12, False, False, None, True, "right", "top", None, 1, MONEY),
    "_BOLD_TEXT": (12, True, False, None, True, None, "top", True, 0, "General"),
    "_BOLD_MONEY": (12, True, False, None, True, "right", "top", None, 1, MONEY),
    "_CENTRE": (12, False, False, None, True, "center", "top", True, 0, "General"),
    "_COEFFICIENT": (12, False, False, None, True, "center", "top", None, 0, "[$-42A]0.0#"),
    "_BOLD_BILLIONS": (12, True, False, None, True, "right", "top", None, 1, r"#\.###\.###\.##0"),
    "_WORDS": (12, False, True, None, True, None, "top", True, 0, "General"),
    "_PARENT": (12, False, False, None, False, "center", "center", True, 0, "General"),
    "_AGENCY": (12, True, False, None, False, "center", "center", True, 0, "General"),
    "_MOTTO": (13, True, False, "single", False, "center", "center", True, 0, "General"),
    "_TITLE": (14, True, False, None, False, "center", "center", True, 0, "General"),
    "_SUBTITLE": (13, True, False, None, False, "center", "center", True, 0, "General"),
    "_ITALIC": (12, False, True, None, False, "center", "center", True, 0, "General"),
    "_NOTE": (12, False, True, None, False, None, "top", True, 0, "General"),
}


def test_every_style_of_the_form_as_excel_shows_it():
    """A form's style table checked whole: a line per style, each read back by openpyxl in
    Times New Roman (family 1: serif), bordered ones with a thin automatic line on each side,
    no fill."""
    from datetime import date

    from pipeline import xlsx
    from pipeline.xlsx import Cell, Column, Form, Line, table_xlsx

    styles = [0, *(getattr(xlsx, name) for name in list(LOOKS)[1:])]
    head = tuple(Line((Cell(1, "Chữ", style),)) for style in styles)
    data = table_xlsx("Thử", [Column("Cột", 20)], [], form=Form(head), title="Thử",
                      day=date(2025, 12, 5))
    sheet = load_workbook(__import__("io").BytesIO(data)).active
    assert {name: look(sheet.cell(row, 1)) for row, name in enumerate(LOOKS, start=1)} == LOOKS


def look(cell) -> tuple:
    """A cell's look as in LOOKS, once its font family and its borders are as every form's."""
    font, border, alignment = cell.font, cell.border, cell.alignment
    sides = [border.left, border.right, border.top, border.bottom]
    bordered = all(s.style == "thin" and s.color.auto for s in sides)
    assert bordered or not any(s.style for s in sides), cell.coordinate
    assert (font.name, font.family, cell.fill.patternType) == ("Times New Roman", 1, None)
    return (font.sz, bool(font.b), bool(font.i), font.u, bordered, alignment.horizontal,
            alignment.vertical, alignment.wrap_text, alignment.indent, cell.number_format)


def test_each_cell_in_its_style_each_row_as_tall_as_its_text(tmp_path):
    """The small round's money list cell by cell: which style each cell wears, a merged
    span's covered cells that of its first (so that its borders run along), the merged spans,
    and the heights: 16 points a line of 12-point text, 18 of 13, 19 of 14; a line holds the
    columns' width in letters (capitals 0,7 of it, 12/13 or 12/14 of it in a larger size)."""
    (tmp_path / "inputs").mkdir()
    path = small(tmp_path)
    sheet = load_workbook(path).active
    data = dict(zip("ABCDEFGHI", ["_CENTRE"] * 2 + ["_TEXT"] * 3 + ["_COEFFICIENT"]
                    + ["_MONEY"] * 2 + ["_TEXT"], strict=True))
    part, total = {"A": "_HEADER", "B": "_BOLD_TEXT"}, {
        "A": "_TEXT", "B": "_TEXT", "C": "_BOLD_TEXT", "H": "_BOLD_MONEY", "I": "_TEXT"}
    words = {"A": "_TEXT", "B": "_TEXT", "C": "_WORDS"}
    signers = {"A": "_AGENCY", "D": "_AGENCY", "F": "_AGENCY"}
    expected = {1: {"A": "_PARENT", "E": "_AGENCY"}, 2: {"A": "_AGENCY", "E": "_MOTTO"},
                4: {"A": "_TITLE"}, 5: {"A": "_SUBTITLE"}, 6: {"A": "_ITALIC"},
                8: dict.fromkeys("ABCDEFGHI", "_HEADER"), 9: part, 10: data, 11: data,
                12: total, 13: words, 14: part, 15: data, 16: total, 17: words, 18: total,
                19: words, 21: {"A": "_NOTE"}, 22: {"F": "_ITALIC"}, 23: signers,
                24: dict.fromkeys("ADF", "_ITALIC"), 25: {"A": "_ITALIC"}}
    named = {value: name for name, value in LOOKS.items()}
    spans = [[f"{get_column_letter(c)}{r}" for r, c in span.cells]
             for span in sheet.merged_cells.ranges]  # the first cell, then those it covers
    covered = {coordinate for span in spans for coordinate in span[1:]}
    seen = {r: {cell.column_letter: named[look(cell)] for cell in sheet[r]
                if cell.coordinate not in covered and named[look(cell)] != "plain"}
            for r in range(1, 26)}
    assert seen == {r: expected.get(r, {}) for r in range(1, 26)}
    assert sorted(f"{span[0]}:{span[-1]}" for span in spans) == sorted([
        "A1:D1", "E1:I1", "A2:D2", "E2:I2", "A4:I4", "A5:I5", "A6:I6", "B9:I9", "C12:G12",
        "C13:I13", "B14:I14", "C16:G16", "C17:I17", "C18:G18", "C19:I19", "A21:I21", "F22:I22",
        "A23:C23", "D23:E23", "F23:I23", "A24:C24", "D24:E24", "F24:I24"])
    with zipfile.ZipFile(path) as package:
        cells = {c.get("r"): c.get("s") for c in etree.fromstring(
            package.read("xl/worksheets/sheet1.xml")).iter(f"{{{MAIN}}}c")}
    assert all(cells[coordinate] == cells[span[0]] for span in spans for coordinate in span)
    # the header: "Mức lương cơ sở (đồng)" in 11 letters takes three lines; the rows 10 and 15:
    # "Giấy khen của Chánh Văn phòng" (29 letters) and the Bằng khen in 26; the note, 209
    # letters in 126; the room to sign, 80 points
    assert [sheet.row_dimensions[r].height for r in range(1, 26)] == [
        16, 18, None, 19, 18, 32, None, 48, 16, 32, None, 16, 16, 16, 32, 16, 16, 16, 16, None,
        32, 16, 16, 16, 80]
    assert sheet.dimensions == "A1:I25"
    assert [sheet.column_dimensions[c].width for c in "ABCDEFGHI"] == [
        w + 0.7109375 for w in (4, 8, 22, 22, 26, 5, 11, 12, 16)]
