"""Sơ kết and tổng kết: the báo cáo of a whole period, drawn from every round of its years."""

from __future__ import annotations

import pytest
from conftest import docx_lines, round_data
from openpyxl import load_workbook

from pipeline import generate


def _yearly(year: int, day: str, ratings: list[str], decided: bool) -> dict:
    """A yearly round of four people of Phòng Kinh tế, each proposed for Lao động tiên tiến;
    the office's decision recorded in Thông tin when `decided`."""
    data = round_data()
    data["info"] |= {"year": year, "sign_date": day}
    if decided:
        data["info"]["number_qd_danh_hieu"] = f"{year - 2000}/QĐ-VPUB"
    names = ["Lò Văn Pọm", "Giàng A Páo", "Cầm Thị Ánh", "Quàng Văn Kiên"]
    data["tables"] = {
        "collectives": [{"name": "Phòng Kinh tế", "rating": "HTXSNV", "votes": 9}],
        "individuals": [{"name": n, "sex": "Nam", "birth_year": 1980 + i, "position": "Chuyên viên",
                         "unit": "Phòng Kinh tế", "rating": r, "title": "LĐTT", "votes": 9}
                        for i, (n, r) in enumerate(zip(names, ratings, strict=True))]}
    return data


@pytest.fixture
def period(make_workbook, tmp_path):
    """The 2024 and 2025 yearly rounds (2024 decided) and the tổng kết of 2021-2025 in which
    Phòng Kinh tế is proposed for a Bằng khen tỉnh; no workbook for 2021-2023."""
    books = [make_workbook(_yearly(2024, "05/12/2024", ["HTXSNV", "HTTNV", "HTTNV", "HTNV"],
                                   True), name="2024-hang-nam.xlsx"),
             make_workbook(_yearly(2025, "05/12/2025", ["HTXSNV", "HTXSNV", "HTTNV", "HTTNV"],
                                   False), name="2025-hang-nam.xlsx")]
    final = round_data()
    final["info"] |= {"occasion": "Tổng kết", "period": "2021-2025", "sign_date": "15/12/2025",
                      "movement": "Chung sức xây dựng nông thôn mới"}
    final["tables"] = {"collectives": [{"name": "Phòng Kinh tế", "rating": "HTXSNV",
                                        "kind": "Phong trào", "award": "BK UBND tỉnh",
                                        "achievements": "Tiêu biểu.", "votes": 9}],
                       "individuals": []}
    books.append(make_workbook(final, name="2025-tong-ket.xlsx"))
    summary = generate(books, outputs=tmp_path / "out")
    return books, summary, docx_lines(tmp_path / "out" / "2025-tong-ket" / "bao-cao-ket-qua.docx")


def _section(lines: list[str]) -> list[str]:
    start = lines.index("4. Kết quả qua các năm của giai đoạn 2021-2025")
    return lines[start:lines.index("III. ĐÁNH GIÁ CHUNG")]


def test_the_tong_ket_reports_every_year_of_its_period(period):
    _, summary, lines = period
    assert _section(lines) == [
        "4. Kết quả qua các năm của giai đoạn 2021-2025",
        "a) Đánh giá, xếp loại cá nhân và tiền thưởng theo từng năm:",
        "Năm | Tập thể | Cá nhân | HTXSNV | HTTNV | HTNV | Không HTNV | Tiền thưởng (đồng)",
        "2024 | 1 | 4 | 1 | 2 | 1 | 0 | 2.130.000",
        "2025 | 1 | 4 | 2 | 2 | 0 | 0 | 9.860.000",
        "Cộng |  |  |  |  |  |  | 11.990.000",
        "b) Danh hiệu thi đua, hình thức khen thưởng đề nghị và được tặng theo quyết định:",
        "Danh hiệu, hình thức khen thưởng | Đề nghị | Được tặng theo quyết định",
        "Năm 2024",
        "Lao động tiên tiến | 00 tập thể, 03 cá nhân | 00 tập thể, 03 cá nhân",
        "Năm 2025",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 01 tập thể, 00 cá nhân | 00 tập thể, "
        "00 cá nhân",
        "Lao động tiên tiến | 00 tập thể, 04 cá nhân | 00 tập thể, 00 cá nhân",
        "c) Số lượt được khen thưởng theo từng phòng, ban, đơn vị:",
        "STT | Phòng, ban, đơn vị | Số lượt được khen thưởng",
        "1 | Phòng Kinh tế | 3",
        "d) Những tập thể, cá nhân được khen thưởng nhiều lần trong giai đoạn:",
        "…" * 28]
    final = next(r for r in summary.rounds if r.round.slug == "2025-tong-ket")
    assert final.assessment.period.missing == (2021, 2022, 2023)


def test_the_period_figures_are_the_sums_of_the_workbooks(period):
    """Recount each year's people and ratings from the workbooks themselves."""
    books, _, lines = period
    table = {row.split(" | ")[0]: row.split(" | ") for row in _section(lines)[3:5]}
    for book in books[:2]:
        sheet = load_workbook(book)["Cá nhân"]
        header = [c.value for c in sheet[3]]
        rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1]]
        ratings = [r[header.index("Mức hoàn thành nhiệm vụ")] for r in rows]
        year = book.name[:4]
        assert int(table[year][2]) == len(rows)
        for column, code in ((3, "HTXSNV"), (4, "HTTNV"), (5, "HTNV")):
            assert int(table[year][column]) == ratings.count(code), (year, code)


def test_a_yearly_report_compares_with_the_year_before(period, tmp_path):
    lines = docx_lines(tmp_path / "out" / "2025-hang-nam" / "bao-cao-ket-qua.docx")
    assert ("So với năm 2024: số người được đánh giá 4 (không đổi); số người hoàn thành xuất sắc "
            "nhiệm vụ 2 (tăng 1); số lượt đề nghị khen thưởng 4 (tăng 1); tiền thưởng (đồng) "
            "2.840.000 (tăng 710.000).") in lines


def test_the_tong_ket_sample_reports_its_period(tmp_path):
    """The shipped tổng kết: its year-by-year table, and each year's counts recounted from the
    yearly sample workbook itself."""
    from pathlib import Path

    inputs = Path(__file__).resolve().parent.parent / "inputs"
    generate(sorted(inputs.glob("*.xlsx")), outputs=tmp_path / "out")
    lines = _section(docx_lines(tmp_path / "out" / "2025-tong-ket" / "bao-cao-ket-qua.docx"))
    assert lines[2:7] == [
        "Năm | Tập thể | Cá nhân | HTXSNV | HTTNV | HTNV | Không HTNV | Tiền thưởng (đồng)",
        "2023 | 6 | 22 | 7 | 12 | 3 | 0 | 22.500.000",
        "2024 | 6 | 22 | 7 | 12 | 3 | 0 | 34.340.000",
        "2025 | 6 | 22 | 9 | 12 | 1 | 0 | 86.520.000",
        "Cộng |  |  |  |  |  |  | 143.360.000"]
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 00 tập thể, 02 cá nhân | 00 tập thể, " \
           "01 cá nhân" in lines  # the sơ kết: one granted, one refused
    table = {row.split(" | ")[0]: row.split(" | ") for row in lines[3:6]}
    for year in ("2023", "2024", "2025"):
        book = load_workbook(inputs / f"{year}-hang-nam.xlsx")
        for sheet, column in (("Tập thể", 1), ("Cá nhân", 2)):
            rows = list(book[sheet].iter_rows(min_row=4, values_only=True))
            assert int(table[year][column]) == len([r for r in rows if r[1]]), (year, sheet)
        header = [c.value for c in book["Cá nhân"][3]]
        ratings = [r[header.index("Mức hoàn thành nhiệm vụ")]
                   for r in book["Cá nhân"].iter_rows(min_row=4, values_only=True) if r[1]]
        for column, code in ((3, "HTXSNV"), (4, "HTTNV"), (5, "HTNV")):
            assert int(table[year][column]) == ratings.count(code), (year, code)


def test_the_year_before_is_its_yearly_round_alone(tmp_path):
    """2026 is compared with the yearly round of 2025, not with it and the tổng kết together."""
    import re
    from pathlib import Path

    inputs = Path(__file__).resolve().parent.parent / "inputs"
    generate(sorted(inputs.glob("*.xlsx")), outputs=tmp_path / "out")
    line = next(line for line in docx_lines(tmp_path / "out" / "2026-hang-nam" /
                                            "bao-cao-ket-qua.docx")
                if line.startswith("So với năm 2025:"))
    found = re.search(r"tiền thưởng \(đồng\) ([\d.]+) \((tăng|giảm) ([\d.]+)\)", line)
    now, sign, change = (int(found.group(1).replace(".", "")), found.group(2),
                         int(found.group(3).replace(".", "")))
    sheet = load_workbook(tmp_path / "out" / "2025-hang-nam" / "tong-hop-kinh-phi.xlsx").active
    total = next(r[7] for r in sheet.iter_rows(values_only=True) if r[2] == "Tổng cộng")
    assert now - (change if sign == "tăng" else -change) == total
