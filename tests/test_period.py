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


def _tong_ket() -> dict:
    """The tổng kết of 2021-2025, signed 15/12/2025, proposing Phòng Kinh tế for a Bằng khen
    tỉnh."""
    final = round_data()
    final["info"] |= {"occasion": "Tổng kết", "period": "2021-2025", "sign_date": "15/12/2025",
                      "movement": "Chung sức xây dựng nông thôn mới"}
    final["tables"] = {"collectives": [{"name": "Phòng Kinh tế", "rating": "HTXSNV",
                                        "kind": "Phong trào", "award": "BK UBND tỉnh",
                                        "achievements": "Tiêu biểu.", "votes": 9}],
                       "individuals": []}
    return final


@pytest.fixture
def period(make_workbook, tmp_path):
    """The 2024 and 2025 yearly rounds (2024 decided) and the tổng kết of 2021-2025 in which
    Phòng Kinh tế is proposed for a Bằng khen tỉnh; no workbook for 2021-2023."""
    books = [make_workbook(_yearly(2024, "05/12/2024", ["HTXSNV", "HTTNV", "HTTNV", "HTNV"],
                                   True), name="2024-hang-nam.xlsx"),
             make_workbook(_yearly(2025, "05/12/2025", ["HTXSNV", "HTXSNV", "HTTNV", "HTTNV"],
                                   False), name="2025-hang-nam.xlsx")]
    books.append(make_workbook(_tong_ket(), name="2025-tong-ket.xlsx"))
    summary = generate(books, outputs=tmp_path / "out")
    return books, summary, docx_lines(tmp_path / "out" / "2025-tong-ket" / "bao-cao-ket-qua.docx")


def _section(lines: list[str], period: str = "2021-2025") -> list[str]:
    start = lines.index(f"4. Kết quả qua các năm của giai đoạn {period}")
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


def test_a_year_with_no_yearly_workbook_leaves_its_assessment_to_the_clerk(make_workbook,
                                                                          tmp_path):
    """2025 is known only from the tổng kết itself: how many were assessed, and how, is not in
    inputs/, so the report shows dots there, never zeros, and its opening counts the units the
    tổng kết lists, not "00" people; its money is the tổng kết's Bằng khen for a collective
    (3,0 × 2.340.000 đồng)."""
    books = [make_workbook(_yearly(2024, "05/12/2024", ["HTXSNV", "HTTNV", "HTTNV", "HTNV"],
                                   True), name="2024-hang-nam.xlsx")]
    books.append(make_workbook(_tong_ket(), name="2025-tong-ket.xlsx"))
    generate(books, outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-tong-ket" / "bao-cao-ket-qua.docx")
    assert _section(lines)[3:6] == [
        "2024 | 1 | 4 | 1 | 2 | 1 | 0 | 2.130.000",
        "2025 | … | … | … | … | … | … | 7.020.000",
        "Cộng |  |  |  |  |  |  | 9.150.000"]
    assert ("Thực hiện Phong trào thi đua “Chung sức xây dựng nông thôn mới”, đến năm 2025, Văn "
            "phòng Ủy ban nhân dân tỉnh Sơn La có 01 phòng, ban, đơn vị được đánh giá, xếp "
            "loại.") in lines  # the tổng kết lists units alone: no "00 cán bộ" assessed


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


# The sample office's years, counted by hand from scripts/make_sample.py (22 people, 6 units):
# ratings — the "2024" column serves every year to 2024, with EARLY_RATINGS on top:
#   2021: HTXSNV CB001 002 006 010 016 019 = 6 (CB011 HTTNV); HTNV CB005 015 018 022 = 4; HTTNV 12
#   2022: HTXSNV the seven of 2023 + CB013 = 8; HTNV CB015 022 = 2 (CB005 HTTNV); HTTNV 12
# money under NĐ 91/2017 at 1.490.000 đồng, rounded up to 10.000: Lao động tiên tiến 0,3 → 450.000,
#   Chiến sĩ thi đua cơ sở 1,0 → 1.490.000, Tập thể lao động tiên tiến 0,8 → 1.200.000, Tập thể
#   lao động xuất sắc 1,5 → 2.240.000, Bằng khen tỉnh 1,0 / 2,0 → 1.490.000 / 2.980.000:
#   2021: 16 LĐTT 7.200.000 + 2 CSTĐCS 2.980.000 + 5 TTLĐTT 6.000.000 + TTLĐXS 2.240.000
#         = 18.420.000;
#   2022: 17 LĐTT 7.650.000 + 3 CSTĐCS 4.470.000 + 6 TTLĐTT 7.200.000 + Bằng khen 1.490.000
#         + 2.980.000 = 23.790.000;
#   2023: the yearly round 18.900.000 + the sơ kết's two Bằng khen at 1.800.000 = 22.500.000.
# Every proposal of 2021 and 2022 is decided: the office's own QĐ 181 and 190/QĐ-VPUB (number and
# Ngày ký in Thông tin), and the Chủ tịch's QĐ 2368 and 2475/QĐ-UBND granting what went up.
YEARS_2021_2023 = [
    "2021 | 6 | 22 | 6 | 12 | 4 | 0 | 18.420.000",
    "2022 | 6 | 22 | 8 | 12 | 2 | 0 | 23.790.000",
    "2023 | 6 | 22 | 7 | 12 | 3 | 0 | 22.500.000"]
AWARDS_2021_2022 = [
    "Năm 2021",
    "Chiến sĩ thi đua cơ sở | 00 tập thể, 02 cá nhân | 00 tập thể, 02 cá nhân",
    "Lao động tiên tiến | 00 tập thể, 16 cá nhân | 00 tập thể, 16 cá nhân",
    "Tập thể lao động xuất sắc | 01 tập thể, 00 cá nhân | 01 tập thể, 00 cá nhân",
    "Tập thể lao động tiên tiến | 05 tập thể, 00 cá nhân | 05 tập thể, 00 cá nhân",
    "Năm 2022",
    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 01 tập thể, 01 cá nhân | 01 tập thể, "
    "01 cá nhân",
    "Chiến sĩ thi đua cơ sở | 00 tập thể, 03 cá nhân | 00 tập thể, 03 cá nhân",
    "Lao động tiên tiến | 00 tập thể, 17 cá nhân | 00 tập thể, 17 cá nhân",
    "Tập thể lao động tiên tiến | 06 tập thể, 00 cá nhân | 06 tập thể, 00 cá nhân"]
BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
LDTT, TTLDTT = "Lao động tiên tiến", "Tập thể lao động tiên tiến"


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """The shipped sample rounds, generated once."""
    from pathlib import Path

    inputs = Path(__file__).resolve().parent.parent / "inputs"
    out = tmp_path_factory.mktemp("samples") / "out"
    summary = generate(sorted(inputs.glob("*.xlsx")), outputs=out)
    return inputs, out, summary


def test_the_so_ket_sample_reports_every_year_of_its_period(samples):
    """The sơ kết of 2023 covers 2021-2023, each year with its workbook. Per unit (decided
    awards, people and the unit itself): 2021 — TCHCQT 4 + 1, KT 4 + 1, TH 3 + 1, NC 2 + 1,
    KGVX 2 + 1, TTTT 3 + 1; 2022 — TCHCQT 5 + 1, KT 4 + 2 (its Bằng khen), TH 4 (Huy's Chiến sĩ
    and Bằng khen) + 1, NC 2 + 1, KGVX 3 + 1, TTTT 3 + 1; 2023 as before (6, 5, 4, 3, 4, 4)."""
    _, out, summary = samples
    lines = _section(docx_lines(out / "2023-so-ket" / "bao-cao-ket-qua.docx"), "2021-2023")
    assert lines[3:7] == [*YEARS_2021_2023, "Cộng |  |  |  |  |  |  | 64.710.000"]
    assert lines[9:19] == AWARDS_2021_2022
    units = lines[lines.index("STT | Phòng, ban, đơn vị | Số lượt được khen thưởng") + 1:][:6]
    assert units == ["1 | Phòng Tổ chức - Hành chính - Quản trị | 17", "2 | Phòng Kinh tế | 16",
                     "3 | Phòng Tổng hợp | 13", "4 | Trung tâm Thông tin | 12",
                     "5 | Phòng Khoa giáo - Văn xã | 11", "6 | Phòng Nội chính | 9"]
    most = lines[lines.index("d) Những tập thể, cá nhân được khen thưởng nhiều lần trong giai "
                             "đoạn:") + 1:]
    assert most[:3] == [  # 04 lần each, by name; then those of 03 lần
        f"- Đinh Quang Huy (Phòng Tổng hợp): 04 lần, {LDTT} năm 2021, {BK} năm 2022, Chiến sĩ "
        f"thi đua cơ sở năm 2022, {LDTT} năm 2023;",
        f"- Lò Văn Khiêm (Phòng Tổ chức - Hành chính - Quản trị): 04 lần, {LDTT} năm 2021, "
        f"{LDTT} năm 2022, {BK} năm 2023, {LDTT} năm 2023;",
        f"- Phòng Kinh tế: 04 lần, {TTLDTT} năm 2021, {BK} năm 2022, {TTLDTT} năm 2022, "
        f"{TTLDTT} năm 2023;"]
    assert len(most) == 10 and all(": 03 lần, " in line for line in most[3:])
    interim = next(r for r in summary.rounds if r.round.slug == "2023-so-ket")
    assert interim.assessment.period.missing == ()


def test_the_tong_ket_sample_reports_its_period(samples):
    """The shipped tổng kết: its year-by-year table over 2021-2025, and each year's counts
    recounted from the yearly sample workbook itself. 2024 and 2025 as before: 34.340.000 and
    86.520.000; the total 18.420.000 + 23.790.000 + 22.500.000 + 34.340.000 + 86.520.000 =
    185.570.000. Decided awards per unit, 2021-2025: the 2023-2025 counts (22, 19, 17, 12, 11, 7)
    plus 2021 and 2022's (above): TCHCQT 22 + 5 + 6, KT 19 + 5 + 6, TTTT 17 + 4 + 4,
    TH 11 + 4 + 5, KGVX 12 + 3 + 4, NC 7 + 3 + 3."""
    inputs, out, summary = samples
    lines = _section(docx_lines(out / "2025-tong-ket" / "bao-cao-ket-qua.docx"))
    assert lines[2:9] == [
        "Năm | Tập thể | Cá nhân | HTXSNV | HTTNV | HTNV | Không HTNV | Tiền thưởng (đồng)",
        *YEARS_2021_2023,
        "2024 | 6 | 22 | 7 | 12 | 3 | 0 | 34.340.000",
        "2025 | 6 | 22 | 9 | 12 | 1 | 0 | 86.520.000",
        "Cộng |  |  |  |  |  |  | 185.570.000"]
    assert lines[11:21] == AWARDS_2021_2022
    assert f"{BK} | 00 tập thể, 02 cá nhân | 00 tập thể, 01 cá nhân" in lines  # the sơ kết: one
    # granted, one refused
    units = lines[lines.index("STT | Phòng, ban, đơn vị | Số lượt được khen thưởng") + 1:][:6]
    assert units == ["1 | Phòng Tổ chức - Hành chính - Quản trị | 33", "2 | Phòng Kinh tế | 30",
                     "3 | Trung tâm Thông tin | 25", "4 | Phòng Tổng hợp | 20",
                     "5 | Phòng Khoa giáo - Văn xã | 19", "6 | Phòng Nội chính | 13"]
    # Đặng Quốc Khải, HTXSNV 2021-2025: Chiến sĩ thi đua cơ sở 2021, 2022 by the office's QĐ,
    # then the Bằng khen of 2024 on his Chiến sĩ of 2023 and 2024 (06 lần with the Lao động
    # tiên tiến of 2023 and 2025).
    assert (f"- Đặng Quốc Khải (Phòng Tổ chức - Hành chính - Quản trị): 06 lần, Chiến sĩ thi đua "
            f"cơ sở năm 2021, Chiến sĩ thi đua cơ sở năm 2022, {LDTT} năm 2023, {BK} năm 2024, "
            f"Chiến sĩ thi đua cơ sở năm 2024, {LDTT} năm 2025;") in lines
    table = {row.split(" | ")[0]: row.split(" | ") for row in lines[3:8]}
    for year in ("2021", "2022", "2023", "2024", "2025"):
        book = load_workbook(inputs / f"{year}-hang-nam.xlsx")
        for sheet, column in (("Tập thể", 1), ("Cá nhân", 2)):
            rows = list(book[sheet].iter_rows(min_row=4, values_only=True))
            assert int(table[year][column]) == len([r for r in rows if r[1]]), (year, sheet)
        header = [c.value for c in book["Cá nhân"][3]]
        ratings = [r[header.index("Mức hoàn thành nhiệm vụ")]
                   for r in book["Cá nhân"].iter_rows(min_row=4, values_only=True) if r[1]]
        for column, code in ((3, "HTXSNV"), (4, "HTTNV"), (5, "HTNV")):
            assert int(table[year][column]) == ratings.count(code), (year, code)
    final = next(r for r in summary.rounds if r.round.slug == "2025-tong-ket")
    assert final.assessment.period.missing == ()


def test_the_early_years_compare_year_on_year(samples):
    """2022 against 2021: HTXSNV 8 against 6, proposals 28 against 24 (2021: 18 people and 6
    units; 2022: 20 people, 6 units and two Bằng khen), money 23.790.000 − 18.420.000."""
    _, out, _ = samples
    lines = docx_lines(out / "2022-hang-nam" / "bao-cao-ket-qua.docx")
    assert ("So với năm 2021: số người được đánh giá 22 (không đổi); số người hoàn thành xuất "
            "sắc nhiệm vụ 8 (tăng 2); số lượt đề nghị khen thưởng 28 (tăng 4); tiền thưởng "
            "(đồng) 23.790.000 (tăng 5.370.000).") in lines


def test_the_year_before_is_its_yearly_round_alone(samples):
    """2026 is compared with the yearly round of 2025, not with it and the tổng kết together."""
    import re

    _, out, _ = samples
    line = next(line for line in docx_lines(out / "2026-hang-nam" / "bao-cao-ket-qua.docx")
                if line.startswith("So với năm 2025:"))
    found = re.search(r"tiền thưởng \(đồng\) ([\d.]+) \((tăng|giảm) ([\d.]+)\)", line)
    now, sign, change = (int(found.group(1).replace(".", "")), found.group(2),
                         int(found.group(3).replace(".", "")))
    sheet = load_workbook(out / "2025-hang-nam" / "tong-hop-kinh-phi.xlsx").active
    total = next(r[7] for r in sheet.iter_rows(values_only=True) if r[2] == "Tổng cộng")
    assert now - (change if sign == "tăng" else -change) == total
