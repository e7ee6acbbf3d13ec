"""check --xlsx: the marked copy opens at its first problem, marks errors and warnings so that no
one confuses them, shows each proposal's verdict and reasons beside its row, and reads again as
the same workbook."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from conftest import round_data, sized_round
from openpyxl import load_workbook
from openpyxl.worksheet.views import Pane

from pipeline.catalog import DEFAULT_FORMS
from pipeline.cli import main
from pipeline.main import check
from pipeline.wording import reasons_text

HEADS = ["Kết quả thẩm định danh hiệu", "Lý do (danh hiệu)", "Kết quả thẩm định hình thức",
         "Lý do (hình thức)"]


STILL = ("Bảng tính còn lỗi nên chưa xét đề nghị nào: sửa hết lỗi rồi chạy lại để có kết quả "
         "thẩm định.")


def marked_copy(source, target):
    return CliRunner().invoke(main, ["check", str(source), "--xlsx", str(target), "--forms",
                                     str(DEFAULT_FORMS)])


def with_problems():
    """The small round with a warning on Cá nhân (B5), and errors on Cá nhân (G6) and, in an
    earlier sheet, on Tập thể (C5)."""
    data = round_data()
    people, units = data["tables"]["individuals"], data["tables"]["collectives"]
    people[1]["name"] = "GIÀNG A PÁO"
    people[2]["rating"] = "HTXSVN"
    units[1]["rating"] = "Hoàn thành tốt"
    return data


def selected(sheet) -> tuple[str, str, str]:
    """The pane Excel opens a sheet in, and the cell it selects there."""
    view = sheet.sheet_view
    return view.pane.activePane, view.selection[0].pane, view.selection[0].activeCell


def legend(sheet, row: int = 2) -> list[str]:
    return [c.value for c in sheet[row] if c.value is not None]


def headers(sheet) -> list[str]:
    return legend(sheet, 3)


def test_opens_at_the_first_error_in_workbook_order(make_workbook, tmp_path):
    result = marked_copy(make_workbook(with_problems()), tmp_path / "kiem-tra.xlsx")
    assert result.exit_code == 1
    book = load_workbook(tmp_path / "kiem-tra.xlsx")
    assert book.active.title == "Tập thể"
    assert [s.title for s in book.worksheets if s.sheet_view.tabSelected] == ["Tập thể"]
    assert selected(book["Tập thể"]) == ("bottomRight", "bottomRight", "C5")
    assert book["Tập thể"].sheet_view.selection[0].sqref == "C5"
    assert ("Đã ghi " + str(tmp_path / "kiem-tra.xlsx") + ": 2 ô lỗi, 1 ô cảnh báo được đánh "
            "dấu, lời giải thích ở ghi chú của từng ô; bảng tính còn lỗi nên chưa có kết quả "
            "thẩm định; mở ra ở sheet Tập thể, ô C5.") in result.output


def test_opens_at_the_first_warning_when_there_is_no_error(make_workbook, tmp_path):
    data = round_data()
    data["tables"]["individuals"][1]["name"] = "GIÀNG A PÁO"
    marked_copy(make_workbook(data), tmp_path / "kiem-tra.xlsx")
    book = load_workbook(tmp_path / "kiem-tra.xlsx")
    assert book.active.title == "Cá nhân"
    assert selected(book["Cá nhân"]) == ("bottomRight", "bottomRight", "B5")


def _luminance(rgb: str) -> float:
    """Relative luminance (WCAG 2) of an "AARRGGBB" colour."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(rgb[i:i + 2]) for i in (2, 4, 6))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_errors_and_warnings_differ_in_more_than_hue(make_workbook, tmp_path):
    marked_copy(make_workbook(with_problems()), tmp_path / "kiem-tra.xlsx")
    sheet = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    error, warning = sheet["G6"], sheet["B5"]
    assert error.comment.text.startswith("LỖI: “HTXSVN” không có trong danh mục")
    assert warning.comment.text.startswith("CẢNH BÁO: tên “GIÀNG A PÁO” viết toàn chữ hoa")
    assert (error.fill.fgColor.rgb, warning.fill.fgColor.rgb) == ("00C00000", "00FFC000")
    assert (error.font.b, error.font.i, warning.font.b, warning.font.i) == (True, False, False,
                                                                            True)
    assert (error.border.left.style, warning.border.left.style) == ("thick", "mediumDashed")
    # in black and white, the dark red and the amber are far apart (WCAG contrast above 3)
    lighter, darker = sorted(map(_luminance, ("00FFC000", "00C00000")), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) > 3
    assert sheet["C5"].comment is None and sheet["C5"].fill.fgColor.rgb == "00000000"


def test_the_legend_shows_each_mark_and_says_there_are_no_verdicts_yet(make_workbook,
                                                                        tmp_path):
    marked_copy(make_workbook(with_problems()), tmp_path / "kiem-tra.xlsx")
    book = load_workbook(tmp_path / "kiem-tra.xlsx")
    assert legend(book["Tập thể"]) == [  # an error only
        "Chú giải của khenthuong:", "LỖI", "phải sửa.", "Đưa chuột vào ô để đọc ghi chú.", STILL]
    people = book["Cá nhân"]
    assert legend(people) == ["Chú giải của khenthuong:", "LỖI", "phải sửa.", "CẢNH BÁO",
                              "nên xem lại.", "Đưa chuột vào ô để đọc ghi chú.", STILL]
    swatches = {c.value: c for c in people[2] if c.value in ("LỖI", "CẢNH BÁO")}
    assert swatches["LỖI"].fill.fgColor.rgb == "00C00000" and swatches["LỖI"].font.b
    assert swatches["CẢNH BÁO"].fill.fgColor.rgb == "00FFC000" and swatches["CẢNH BÁO"].font.i
    assert HEADS[0] not in headers(people) + headers(book["Tập thể"])  # errors: no verdicts
    assert legend(book["Thông tin"]) == []  # no mark there


def test_each_proposal_shows_its_verdict_and_reasons_beside_its_row(make_workbook, tmp_path):
    result = marked_copy(make_workbook(), tmp_path / "kiem-tra.xlsx")
    assert result.exit_code == 0, result.output
    assert ("Đã ghi " + str(tmp_path / "kiem-tra.xlsx") + ": không có ô nào có lỗi hay cảnh báo; "
            "kết quả thẩm định và lý do của 9 đề nghị ở các cột cuối sheet Tập thể, Cá nhân; mở "
            "ra ở sheet Cá nhân, ô N4.") in result.output
    book = load_workbook(tmp_path / "kiem-tra.xlsx")
    people = book["Cá nhân"]  # columns A to M are the workbook's, N to Q the copy's
    assert headers(people)[12:] == ["Kết luận của Hội đồng", *HEADS]
    assert [people[f"{c}4"].value for c in "NP"] == ["cần kiểm tra", "đủ điều kiện"]
    assert people["O4"].value == (
        "Cần số phiếu đồng ý từ 80% tổng số thành viên Hội đồng; có 09/09 phiếu đồng ý, bằng "
        "100%; điều kiện này chưa được đối chiếu với văn bản gốc (Nghị định 152/2025/NĐ-CP, "
        "điều khoản về tỷ lệ phiếu đồng ý của Hội đồng).")
    assert [people[f"{c}5"].value for c in "NP"] == ["đủ điều kiện", None]  # no hình thức
    assert people["P6"].value == "không đủ điều kiện"
    assert people["Q6"].value.splitlines() == [
        "Không đạt trường hợp nào (Luật Thi đua, khen thưởng 2022, Điều 74):",
        "a) Cần thành tích phong trào hoặc đột xuất do đơn vị bình xét, ghi ở cột Loại khen "
        "thưởng và Thành tích; cột Loại khen thưởng ghi “Công trạng” (Luật Thi đua, khen thưởng "
        "2022, Điều 74.1.a-b, 74.2).",
        "b) Cần 02 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá 01 "
        "năm; chưa lần nào đạt Chiến sĩ thi đua cơ sở (Luật Thi đua, khen thưởng 2022, Điều "
        "74.1.d).",
        "c) Cần 02 năm liên tục đến năm 2025 hoàn thành xuất sắc nhiệm vụ trở lên, trong thời "
        "gian đó có 02 sáng kiến; năm 2024 chỉ hoàn thành tốt nhiệm vụ (Luật Thi đua, khen "
        "thưởng 2022, Điều 74.1.d)."]
    assert [people[c].fill.fgColor.rgb for c in ("N4", "N5", "P6")] == [
        "00FFEB9C", "00C6EFCE", "00FFC7CE"]
    assert people.row_dimensions[6].height >= 4 * 15  # the four lines can be read
    units = book["Tập thể"]
    assert headers(units)[7:] == HEADS
    assert [units[c].value for c in ("H4", "J4", "H5", "J5")] == [
        "đủ điều kiện", "đủ điều kiện", "đủ điều kiện", None]
    assert book.active.title == "Cá nhân"
    assert selected(people) == ("bottomRight", "bottomRight", "N4")
    assert legend(people) == ["Chú giải của khenthuong:",
                              "Kết quả thẩm định và lý do của từng đề nghị: các cột cuối bảng."]


def verdicts(path):
    summary = check([path])
    return summary.warnings, [(j.proposal.subject.name, j.proposal.award.name, j.verdict,
                               reasons_text(j)) for j in summary.rounds[0].assessment.judgements]


def test_the_marked_copy_reads_again_as_the_same_workbook(make_workbook, tmp_path):
    """A clerk who goes on in the copy gets the same verdicts; marking it again replaces the
    copy's columns and legend instead of adding more."""
    source = make_workbook()
    first, second = tmp_path / "2025-hang-nam.xlsx", tmp_path / "lan-2.xlsx"
    marked_copy(source, first)
    assert verdicts(first) == verdicts(source)
    result = marked_copy(first, second)
    assert result.exit_code == 0, result.output
    assert verdicts(second) == verdicts(source)
    sheet = load_workbook(second)["Cá nhân"]
    assert headers(sheet)[13:] == HEADS
    assert legend(sheet)[0] == "Chú giải của khenthuong:"
    assert legend(sheet).count("Chú giải của khenthuong:") == 1


def test_a_mark_fixed_in_the_copy_goes_away_with_the_next_copy(make_workbook, tmp_path):
    source = make_workbook(with_problems())
    first, second = tmp_path / "2025-hang-nam.xlsx", tmp_path / "lan-2.xlsx"
    marked_copy(source, first)
    book = load_workbook(first)
    book["Cá nhân"]["G6"] = "Hoàn thành xuất sắc nhiệm vụ"
    book["Tập thể"]["C5"] = "Hoàn thành tốt nhiệm vụ"
    book.save(first)
    result = marked_copy(first, second)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(second)["Cá nhân"]
    assert sheet["G6"].comment is None and sheet["G6"].fill.fgColor.rgb == "00000000"
    assert not sheet["G6"].font.b
    assert sheet["B5"].comment.text.startswith("CẢNH BÁO: ")  # still all in capitals
    assert "Bảng tính còn lỗi" not in " ".join(legend(sheet))
    assert sheet["N4"].value == "cần kiểm tra"


@pytest.mark.render
def test_libreoffice_prints_the_marks_the_legend_and_the_verdicts(make_workbook, tmp_path):
    """LibreOffice Calc opens the copy and prints what it adds: the legend with its two marks,
    and the verdicts and reasons beside the rows."""
    missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {', '.join(missing)} (see .ci/run)")
        pytest.skip(f"needs {', '.join(missing)}")
    data = round_data()
    data["tables"]["individuals"][1]["name"] = "GIÀNG A PÁO"
    marked_copy(make_workbook(data), tmp_path / "kiem-tra.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "kiem-tra.xlsx")], check=True, capture_output=True,
                   timeout=300)
    text = " ".join(subprocess.run(["pdftotext", str(tmp_path / "kiem-tra.pdf"), "-"],
                                   check=True, capture_output=True, text=True).stdout.split())
    for words in ("Chú giải của khenthuong:", "CẢNH BÁO", "nên xem lại.",
                  "Kết quả thẩm định danh hiệu", "không đủ điều kiện",
                  "Không đạt trường hợp nào (Luật Thi đua, khen thưởng 2022, Điều 74):"):
        assert words in text, words


# --- the legend's layout and where the copy scrolls ---------------------------------------------


def sides(cell) -> tuple:
    """A cell's border as seen: the style of its left, right, top and bottom edges."""
    return tuple(getattr(getattr(cell.border, edge), "style", None)
                 for edge in ("left", "right", "top", "bottom"))


def test_the_legend_gives_each_text_its_room_and_frames_each_mark_whole(make_workbook, tmp_path):
    """In columns of Excel's default width (8.43), each text of the legend starts right of the
    room the one before needs: the heading three columns, LỖI one, CẢNH BÁO two; a mark is one
    frame around its cells, no line inside it."""
    marked_copy(make_workbook(with_problems()), tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert {c.coordinate: c.value for c in people[2] if c.value is not None} == {
        "B2": "Chú giải của khenthuong:", "E2": "LỖI", "F2": "phải sửa.", "H2": "CẢNH BÁO",
        "J2": "nên xem lại.", "L2": "Đưa chuột vào ô để đọc ghi chú.", "P2": STILL}
    assert sides(people["E2"]) == ("thick", "thick", "thick", "thick")
    assert sides(people["H2"]) == ("mediumDashed", None, "mediumDashed", "mediumDashed")
    assert sides(people["I2"]) == (None, "mediumDashed", "mediumDashed", "mediumDashed")
    assert [people[c].fill.fgColor.rgb for c in ("H2", "I2", "J2")] == [
        "00FFC000", "00FFC000", "00000000"]
    assert [sides(people[c]) for c in ("B2", "D2", "F2")] == [(None,) * 4] * 3


def only_a_rating_error():
    """The small round with one error: Cầm Thị Ánh's rating, Cá nhân G6."""
    data = round_data()
    data["tables"]["individuals"][2]["rating"] = "HTXSVN"
    return data


def reworked(path, change):
    """The workbook at `path` after a clerk's change in Excel to its Cá nhân sheet."""
    book = load_workbook(path)
    change(book["Cá nhân"])
    book.save(path)
    return path


@pytest.mark.parametrize(("frozen", "pane"), [
    ("B7", "topRight"),  # rows frozen down to the error's
    ("H4", "bottomLeft"),  # columns frozen up to the error's
    ("H7", "topLeft"),
    ("A7", "topLeft"),  # rows only: the panes are top and bottom, both left
    ("H1", "topLeft"),  # columns only: the panes are left and right, both top
])
def test_the_cell_is_selected_in_the_pane_that_shows_it(make_workbook, tmp_path, frozen, pane):
    """G6 marked: the pane it lies in is the active one, scrolled to the frozen corner."""
    source = reworked(make_workbook(only_a_rating_error()),
                      lambda sheet: setattr(sheet, "freeze_panes", frozen))
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert selected(people) == (pane, pane, "G6")
    assert people.sheet_view.pane.topLeftCell == frozen


def drag_a_split(sheet):
    sheet.sheet_view.pane = Pane(xSplit=2400, ySplit=1800, topLeftCell="C8", state="split")


@pytest.mark.parametrize("change", [lambda sheet: setattr(sheet, "freeze_panes", None),
                                    drag_a_split], ids=["nothing frozen", "a split dragged"])
def test_a_sheet_without_frozen_panes_opens_at_its_top_left_with_the_cell_selected(
        make_workbook, tmp_path, change):
    """Nothing frozen, or a split the clerk dragged (measured in twips, not cells, so taken
    off): the copy shows the sheet from A1, the legend from column A."""
    source = reworked(make_workbook(only_a_rating_error()), change)
    result = marked_copy(source, tmp_path / "kiem-tra.xlsx")
    assert "mở ra ở sheet Cá nhân, ô G6." in result.output
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    view = people.sheet_view
    assert view.pane is None and view.topLeftCell == "A1"
    assert [(s.pane, s.activeCell, s.sqref) for s in view.selection] == [(None, "G6", "G6")]
    assert people["A2"].value == "Chú giải của khenthuong:"


def test_a_cell_far_down_is_scrolled_to_with_five_rows_above_it(make_workbook, tmp_path):
    """An error in row 30, below the 20 rows a window shows under the frozen heading."""
    data = sized_round(30)
    data["tables"]["individuals"][26]["rating"] = "HTXSVN"  # the 27th person: row 30
    result = marked_copy(make_workbook(data), tmp_path / "kiem-tra.xlsx")
    assert "mở ra ở sheet Cá nhân, ô H30." in result.output
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert selected(people) == ("bottomRight", "bottomRight", "H30")
    assert people.sheet_view.pane.topLeftCell == "B25"


def test_a_cell_right_of_wide_columns_is_scrolled_to_and_the_legend_starts_in_view(
        make_workbook, tmp_path):
    """Columns C to F widened to 30: G6 lies more than a window's 100 characters right of the
    frozen column A, so the copy opens with F, the column before it, first in view, and the
    legend starts there."""
    def widen(sheet):
        for letter in "CDEF":
            sheet.column_dimensions[letter].width = 30
    source = reworked(make_workbook(only_a_rating_error()), widen)
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert selected(people) == ("bottomRight", "bottomRight", "G6")
    assert people.sheet_view.pane.topLeftCell == "F4"
    assert legend(people) == ["Chú giải của khenthuong:", "LỖI", "phải sửa.",
                              "Đưa chuột vào ô để đọc ghi chú.", STILL]
    assert people["F2"].value == "Chú giải của khenthuong:"


def test_panes_frozen_from_a_split_are_kept(make_workbook, tmp_path):
    """Excel's “frozenSplit”: a split the clerk dragged, then froze; it counts cells."""
    def freeze_a_split(sheet):
        sheet.sheet_view.pane = Pane(xSplit=1, ySplit=3, topLeftCell="B4",
                                     activePane="bottomRight", state="frozenSplit")
    source = reworked(make_workbook(only_a_rating_error()), freeze_a_split)
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert people.sheet_view.pane.state == "frozenSplit"
    assert selected(people) == ("bottomRight", "bottomRight", "G6")


def test_a_cell_a_window_below_the_heading_is_shown_from_the_heading(make_workbook, tmp_path):
    """Row 23 is the 20th under the three frozen rows: still in the first view."""
    data = sized_round(30)
    data["tables"]["individuals"][19]["rating"] = "HTXSVN"  # the 20th person: row 23
    marked_copy(make_workbook(data), tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert selected(people) == ("bottomRight", "bottomRight", "H23")
    assert people.sheet_view.pane.topLeftCell == "B4"


@pytest.mark.parametrize(("widths", "corner"), [
    ((40, 12.5, 12.5, 12.5, 12.5, 10), "B4"),  # B to G: 100 characters, just a window
    ((40, 14, 14, 14, 14), "F4"),  # B to G: 40 + 4 × 14 + 8.43 = 104.43, more than a window
], ids=["exactly-a-window", "wider"])
def test_a_cell_right_of_wide_columns_is_in_view_or_scrolled_to(make_workbook, tmp_path, widths,
                                                                 corner):
    """G6 marked, Họ và tên widened to 40: the copy opens from B when G fits in the window,
    else with F first in view, the legend starting there."""
    def widen(sheet):
        for letter, width in zip("BCDEFG", widths, strict=False):
            sheet.column_dimensions[letter].width = width
    source = reworked(make_workbook(only_a_rating_error()), widen)
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert people.sheet_view.pane.topLeftCell == corner
    assert people[f"{corner[0]}2"].value == "Chú giải của khenthuong:"


def test_the_legend_takes_the_room_of_the_clerks_own_column_widths(make_workbook, tmp_path):
    """B and C 12 wide, F 9.5, G 9: the bold heading (24 letters and a space) needs B to D;
    “phải sửa.” (plain, narrower) fits F; CẢNH BÁO and a space fill G's 9 exactly."""
    def widen(sheet):
        for letter, width in zip("BCFG", (12, 12, 9.5, 9), strict=True):
            sheet.column_dimensions[letter].width = width
    source = reworked(make_workbook(with_problems()), widen)
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert {c.coordinate: c.value for c in people[2] if c.value is not None} == {
        "B2": "Chú giải của khenthuong:", "E2": "LỖI", "F2": "phải sửa.", "G2": "CẢNH BÁO",
        "H2": "nên xem lại.", "J2": "Đưa chuột vào ô để đọc ghi chú.", "N2": STILL}
    assert sides(people["G2"]) == ("mediumDashed",) * 4
    assert [people[c].font.b for c in ("B2", "F2", "H2", "J2", "N2")] == [
        True, False, False, False, True]


def test_a_legend_on_a_sheet_frozen_by_rows_only_starts_at_column_a(make_workbook, tmp_path):
    source = reworked(make_workbook(with_problems()),
                      lambda sheet: setattr(sheet, "freeze_panes", "A4"))
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert people["A2"].value == "Chú giải của khenthuong:"


def test_an_error_on_thong_tin_opens_there_with_the_legend_above_its_rows(make_workbook,
                                                                           tmp_path):
    data = round_data()
    data["info"]["sign_date"] = "32/13/2025"
    result = marked_copy(make_workbook(data), tmp_path / "kiem-tra.xlsx")
    assert "mở ra ở sheet Thông tin, ô B11." in result.output
    book = load_workbook(tmp_path / "kiem-tra.xlsx")
    info = book["Thông tin"]
    assert book.active.title == "Thông tin" and info.sheet_view.pane is None
    assert info.sheet_view.topLeftCell == "A1"
    assert info.sheet_view.selection[0].sqref == "B11"
    assert {c.coordinate: c.value for c in info[2] if c.value is not None} == {
        "A2": "Chú giải của khenthuong:", "B2": "LỖI", "C2": "phải sửa.",
        "E2": "Đưa chuột vào ô để đọc ghi chú.", "I2": STILL}
    assert info["B11"].comment.text.startswith("LỖI: ")


def test_with_no_empty_row_above_the_table_the_legend_goes_right_of_it(make_workbook,
                                                                         tmp_path):
    """Row 2 holds a line the clerk typed: the legend goes in row 1, a column after the
    last one the copy writes (Q, the reasons for a hình thức)."""
    source = reworked(make_workbook(), lambda sheet: sheet.__setitem__(
        "A2", "Kèm theo Tờ trình số 7/TTr-VPUB"))
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert people["S1"].value == "Chú giải của khenthuong:"
    assert people["R1"].value is None and legend(people) == ["Kèm theo Tờ trình số 7/TTr-VPUB"]


def test_an_empty_row_that_is_merged_takes_no_legend(make_workbook, tmp_path):
    source = reworked(make_workbook(), lambda sheet: sheet.merge_cells("A2:F2"))
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert legend(people) == [] and people["S1"].value == "Chú giải của khenthuong:"


def test_the_legend_goes_in_the_empty_row_just_above_a_table_moved_down(make_workbook,
                                                                         tmp_path):
    """The clerk added two lines under the title: the table's heading is now row 5, and the
    legend takes row 4, the only empty row above it, from the first column in view."""
    def two_lines_more(sheet):
        sheet.insert_rows(2, 2)
        sheet["A2"], sheet["A3"] = "Kèm theo Tờ trình số 7/TTr-VPUB", "ngày 05/12/2025"
        sheet.freeze_panes = "B6"
    marked_copy(reworked(make_workbook(), two_lines_more), tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert selected(people) == ("bottomRight", "bottomRight", "N6")
    assert people.sheet_view.pane.topLeftCell == "M6"  # B to N: 109.6 characters, too wide
    assert legend(people, 4) == ["Chú giải của khenthuong:",
                                 "Kết quả thẩm định và lý do của từng đề nghị: các cột cuối bảng."]
    assert people["M4"].value == "Chú giải của khenthuong:"


def comment_boxes(path, sheet_number: int) -> list[str]:
    """The sizes of a sheet's comment boxes, as Excel draws them, in the order of its notes."""
    with zipfile.ZipFile(path) as package:
        drawing = package.read(f"xl/drawings/commentsDrawing{sheet_number}.vml").decode()
    return re.findall(r"width:(\d+px);height:(\d+px)", drawing)


def test_the_verdict_columns_are_headed_and_laid_out_to_be_read(make_workbook, tmp_path):
    """Each head bold on grey, wrapped, with a note saying the tool writes the column; the
    verdicts bold in Excel's own colours, the reasons wrapped from the top; a row the clerk
    made taller stays so."""
    source = reworked(make_workbook(), lambda sheet: setattr(
        sheet.row_dimensions[4], "height", 200))
    marked_copy(source, tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert [people.column_dimensions[c].width for c in "NOPQ"] == [20, 70, 20, 70]
    for head in people["N3":"Q3"][0]:
        assert (head.font.b, head.fill.patternType, head.fill.fgColor.rgb) == (
            True, "solid", "00D9D9D9"), head.coordinate
        assert (head.alignment.vertical, head.alignment.wrap_text) == ("center", True)
        assert head.comment.text == (
            "Chương trình ghi cột này khi chạy “khenthuong check --xlsx”, theo các cột bên trái; "
            "khi đọc lại bảng tính, chương trình bỏ qua cột này.")
        assert head.comment.author == "khenthuong"
    assert people.row_dimensions[3].height == 30  # “Kết quả thẩm định danh hiệu”: two lines
    assert people.row_dimensions[4].height == 200
    # O5: two reasons of 137 and 199 letters, 77 to a line of 70 characters' width: 2 + 3 lines
    assert people.row_dimensions[5].height == 5 * 15
    # Q6: a line of 67 letters, then three of 197, 178 and 193: 1 + 3 + 3 + 3 lines
    assert people.row_dimensions[6].height == 10 * 15
    verdicts = [people[c] for c in ("N4", "N5", "P6")]
    assert [(c.font.b, c.font.color.rgb, c.fill.patternType) for c in verdicts] == [
        (True, "009C5700", "solid"), (True, "00006100", "solid"), (True, "009C0006", "solid")]
    for cell in [*verdicts, people["O4"], people["Q6"]]:
        assert (cell.alignment.vertical, cell.alignment.wrap_text) == ("top", True)
    # the notes on the heads, then the marks' notes: boxes big enough for their text
    assert comment_boxes(tmp_path / "kiem-tra.xlsx", 2) == [("300px", "80px")] * 4


def test_a_marks_note_is_drawn_big_enough_for_its_messages(make_workbook, tmp_path):
    marked_copy(make_workbook(with_problems()), tmp_path / "kiem-tra.xlsx")
    assert comment_boxes(tmp_path / "kiem-tra.xlsx", 2) == [("380px", "140px")] * 2


def test_a_sheet_without_its_title_takes_the_legend_in_its_first_row(make_workbook, tmp_path):
    def untitled(sheet):
        sheet.unmerge_cells(next(str(r) for r in sheet.merged_cells.ranges if r.min_row == 1))
        sheet["A1"] = None
    marked_copy(reworked(make_workbook(), untitled), tmp_path / "kiem-tra.xlsx")
    people = load_workbook(tmp_path / "kiem-tra.xlsx")["Cá nhân"]
    assert legend(people, 1) == ["Chú giải của khenthuong:",
                                 "Kết quả thẩm định và lý do của từng đề nghị: các cột cuối bảng."]
    assert people["M1"].value == "Chú giải của khenthuong:" and legend(people) == []  # in view


def test_a_proposal_withdrawn_in_the_copy_loses_its_verdict_in_the_next_copy(make_workbook,
                                                                             tmp_path):
    """Lò Văn Pọm (row 4) is no longer proposed: the next copy leaves his verdict cells empty
    and plain, not the earlier copy's verdicts."""
    first, second = tmp_path / "2025-hang-nam.xlsx", tmp_path / "lan-2.xlsx"
    marked_copy(make_workbook(), first)

    def withdraw(sheet):
        for head in sheet[3]:
            if head.value in ("Danh hiệu đề nghị", "Hình thức khen thưởng đề nghị", "Thành tích",
                              "Số phiếu đồng ý", "Kết luận của Hội đồng"):
                sheet.cell(row=4, column=head.column).value = None
    result = marked_copy(reworked(first, withdraw), second)
    assert result.exit_code == 0, result.output
    people = load_workbook(second)["Cá nhân"]
    assert headers(people)[13:] == HEADS
    assert [people[f"{c}4"].value for c in "NOPQ"] == [None] * 4
    assert [people[f"{c}4"].fill.fgColor.rgb for c in "NP"] == ["00000000"] * 2
    assert not people["N4"].font.b
    assert people["N5"].value == "đủ điều kiện"


def test_a_verdict_column_the_clerk_widened_stays_wide_in_the_next_copy(make_workbook, tmp_path):
    first, second = tmp_path / "2025-hang-nam.xlsx", tmp_path / "lan-2.xlsx"
    marked_copy(make_workbook(), first)
    marked_copy(reworked(first, lambda sheet: setattr(sheet.column_dimensions["O"], "width", 90)),
                second)
    people = load_workbook(second)["Cá nhân"]
    assert headers(people)[13:] == HEADS
    assert [people.column_dimensions[c].width for c in "NOPQ"] == [20, 90, 20, 70]
