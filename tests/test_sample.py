"""The shipped sample rounds: what a clerk sees for the cases the rules exist for."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import docx_lines, round_data
from openpyxl import load_workbook

from pipeline import generate
from pipeline.vn import amount_words, number

INPUTS = Path(__file__).resolve().parent.parent / "inputs"
LAN = "Cầm Thị Ngọc Lan"  # one HTXSNV year (2025), proposed for Bằng khen of the chairman


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "outputs"
    generate(sorted(INPUTS.glob("*.xlsx")), outputs=out)
    return out / "2025-hang-nam"


def sheet_rows(path: Path) -> list[tuple]:
    return list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))


def test_one_htxsnv_year_is_refused_with_its_article(sample):
    rows = sheet_rows(sample / "ket-qua-tham-dinh.xlsx")
    header, body = rows[0], rows[1:]
    assert header[:9] == ("STT", "Đối tượng", "Họ và tên / Tên tập thể", "Năm sinh", "Đơn vị",
                          "Đề nghị", "Cấp quyết định", "Kết quả", "Lý do")
    lan = next(r for r in body if r[2] == LAN and r[5].startswith("Bằng khen"))
    assert lan[7] == "không đủ điều kiện"
    assert lan[8].splitlines() == [
        "Không đạt trường hợp nào (Luật Thi đua, khen thưởng 2022, Điều 74):",
        "a) Cần thành tích phong trào hoặc đột xuất do đơn vị bình xét, ghi ở cột Loại khen "
        "thưởng và Thành tích; cột Loại khen thưởng ghi “Công trạng” (Luật Thi đua, khen thưởng "
        "2022, Điều 74.1.a-b, 74.2).",
        "b) Cần 02 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá 01 "
        "năm; chỉ đạt Chiến sĩ thi đua cơ sở năm 2025 (Luật Thi đua, khen thưởng 2022, Điều "
        "74.1.d).",
        "c) Cần 02 năm liên tục đến năm 2025 hoàn thành xuất sắc nhiệm vụ trở lên, trong thời "
        "gian đó có 02 sáng kiến; năm 2024 chỉ hoàn thành tốt nhiệm vụ (Luật Thi đua, khen "
        "thưởng 2022, Điều 74.1.d)."]
    assert lan[9] is None  # no money for a refused proposal


def test_refused_proposal_is_absent_from_to_trinh_and_danh_sach(sample):
    danh_sach = "\n".join(docx_lines(sample / "danh-sach-de-nghi-khen-thuong.docx"))
    assert LAN not in danh_sach
    assert "Bà Trần Thị Hải Yến" in danh_sach and "Ông Lò Văn Khiêm" in danh_sach
    to_trinh = "\n".join(docx_lines(sample / "to-trinh-de-nghi-khen-thuong.docx"))
    assert "khen thưởng cho 02 tập thể và 02 cá nhân" in to_trinh


def test_two_years_and_two_initiatives_are_accepted(tmp_path):
    """The same person, rated HTXSNV in 2024 with a sáng kiến then: now accepted."""
    from openpyxl import load_workbook as open_book

    inputs = tmp_path / "inputs"
    shutil.copytree(INPUTS, inputs)
    book = open_book(inputs / "2024-hang-nam.xlsx")
    sheet = book["Cá nhân"]
    headers = [c.value for c in sheet[3]]
    row = next(r for r in sheet.iter_rows(min_row=4) if r[headers.index("Họ và tên")].value == LAN)
    row[headers.index("Mức hoàn thành nhiệm vụ")].value = "HTXSNV"
    row[headers.index("Số sáng kiến được công nhận")].value = 1
    book.save(inputs / "2024-hang-nam.xlsx")
    generate(sorted(inputs.glob("*.xlsx")), outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-hang-nam"
    lan = next(r for r in sheet_rows(folder / "ket-qua-tham-dinh.xlsx")
               if r[2] == LAN and r[5].startswith("Bằng khen"))
    assert lan[7] == "đủ điều kiện" and lan[9] == 3_510_000
    assert f"Bà {LAN}" in "\n".join(docx_lines(folder / "danh-sach-de-nghi-khen-thuong.docx"))


def _money(text: str) -> int:
    return int(re.search(r"tiền thưởng theo quy định: ([\d.]+) đồng", text).group(1)
               .replace(".", ""))


def test_totals_agree_across_documents_and_xlsx(sample):
    rows = sheet_rows(sample / "tong-hop-kinh-phi.xlsx")
    paid = [r for r in rows[1:] if isinstance(r[0], int)]
    total_row = next(r for r in rows if r[2] == "Tổng cộng")
    assert total_row[7] == sum(r[7] for r in paid)
    office = next(r for r in rows if r[2] == "Văn phòng chi trả")
    assert office[7] == sum(r[7] for r in paid if r[8] == "Văn phòng") > 0
    above = next(r for r in rows if r[2] == "Cấp quyết định khen thưởng chi trả (dự kiến)")
    assert above[7] == sum(r[7] for r in paid if r[8] != "Văn phòng") > 0
    assert {r[8] for r in paid} <= {"Văn phòng", "Chủ tịch Ủy ban nhân dân tỉnh",
                                    "Thủ tướng Chính phủ", "Chủ tịch nước"}
    words = next(r[2] for r in rows if isinstance(r[2], str) and r[2].startswith("Bằng chữ"))
    assert words == f"Bằng chữ: {amount_words(office[7])}."
    bao_cao = "\n".join(docx_lines(sample / "bao-cao-ket-qua.docx"))
    assert _money(bao_cao) == total_row[7]
    assert f" | Tổng cộng | 8 | 22 |  | {number(total_row[7])}" in bao_cao
    to_trinh = "\n".join(docx_lines(sample / "to-trinh-de-nghi-khen-thuong.docx"))
    province = sum(r[7] for r in paid if r[4].startswith(("Bằng khen", "Tập thể lao động xuất")))
    assert _money(to_trinh) == province


def test_giay_khen_for_one_person_is_710_000(make_workbook, tmp_path):
    data = round_data()
    data["tables"] = {"collectives": [], "individuals": [data["tables"]["individuals"][3]]}
    generate([make_workbook(data)], outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-hang-nam"
    rows = sheet_rows(folder / "tong-hop-kinh-phi.xlsx")
    paid = [r for r in rows if isinstance(r[0], int)]
    assert [r[4:] for r in paid] == [("Giấy khen của Chánh Văn phòng", 0.3, 2_340_000, 710_000,
                                      "Văn phòng")]
    assert "Bằng chữ: Bảy trăm mười nghìn đồng." in [r[2] for r in rows]
    assert ("Tổng số tiền thưởng theo quy định: 710.000 đồng (Bằng chữ: Bảy trăm mười nghìn "
            "đồng).") in docx_lines(folder / "bao-cao-ket-qua.docx")


def test_working_list_is_readable(sample):
    sheet = load_workbook(sample / "ket-qua-tham-dinh.xlsx").active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:L")
    assert sheet.column_dimensions["I"].width >= 60
    assert all(cell.font.bold for cell in sheet[1])
