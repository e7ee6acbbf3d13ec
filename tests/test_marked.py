"""check --xlsx: the marked copy opens at its first problem, marks errors and warnings so that no
one confuses them, shows each proposal's verdict and reasons beside its row, and reads again as
the same workbook."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import round_data
from openpyxl import load_workbook

from pipeline.catalog import DEFAULT_FORMS
from pipeline.cli import main
from pipeline.main import check
from pipeline.wording import reasons_text

HEADS = ["Kết quả thẩm định danh hiệu", "Lý do (danh hiệu)", "Kết quả thẩm định hình thức",
         "Lý do (hình thức)"]


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
    still = ("Bảng tính còn lỗi nên chưa xét đề nghị nào: sửa hết lỗi rồi chạy lại để có kết "
             "quả thẩm định.")
    assert legend(book["Tập thể"]) == [  # an error only
        "Chú giải của khenthuong:", "LỖI", "phải sửa.", "Đưa chuột vào ô để đọc ghi chú.", still]
    people = book["Cá nhân"]
    assert legend(people) == ["Chú giải của khenthuong:", "LỖI", "phải sửa.", "CẢNH BÁO",
                              "nên xem lại.", "Đưa chuột vào ô để đọc ghi chú.", still]
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
