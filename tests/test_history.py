"""History: the Lịch sử sheet and earlier workbooks, matched to this round's people."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from conftest import round_data

from pipeline.errors import InputError, Kind
from pipeline.main import DEFAULT_FORMS, check
from pipeline.rules import Verdict


def verdicts(summary, year: int) -> dict[tuple[str, str], Verdict]:
    result = next(r for r in summary.rounds if r.round.info.year == year)
    return {(j.proposal.subject.name, j.proposal.award.code): j.verdict
            for j in result.assessment.judgements}


def test_history_sheet_counts_earlier_years(make_workbook):
    summary = check([make_workbook()])
    assert verdicts(summary, 2025)[("Lò Văn Pọm", "BKUBND")] is Verdict.ELIGIBLE
    assert verdicts(summary, 2025)[("Phòng Kinh tế", "BKUBND")] is Verdict.ELIGIBLE


def test_without_history_the_same_proposals_fall(make_workbook):
    data = round_data()
    data["tables"]["history"] = []
    summary = check([make_workbook(data)])
    assert verdicts(summary, 2025)[("Lò Văn Pọm", "BKUBND")] is Verdict.INELIGIBLE


def earlier_workbook(make_workbook, *, rating: str, initiatives: int = 0):
    """A 2024 round in which Cầm Thị Ánh was rated `rating`."""
    data = round_data()
    data["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    data["tables"]["history"] = []
    for row in data["tables"]["individuals"]:
        if row["name"] == "Cầm Thị Ánh":
            row |= {"rating": rating, "initiatives": initiatives, "award": None}
    return make_workbook(data, name="2024.xlsx")


def test_earlier_workbook_completes_the_streak(make_workbook):
    data = round_data()
    for row in data["tables"]["individuals"]:
        if row["name"] == "Cầm Thị Ánh":
            row["initiatives"] = 1
    data["tables"]["history"] = [h for h in data["tables"]["history"]
                                 if h["name"] != "Cầm Thị Ánh"]
    this_year = make_workbook(data)
    weak = check([this_year, earlier_workbook(make_workbook, rating="HTTNV", initiatives=1)])
    assert verdicts(weak, 2025)[("Cầm Thị Ánh", "BKUBND")] is Verdict.INELIGIBLE
    strong = check([this_year, earlier_workbook(make_workbook, rating="HTXSNV", initiatives=1)])
    assert verdicts(strong, 2025)[("Cầm Thị Ánh", "BKUBND")] is Verdict.ELIGIBLE


def test_an_earlier_workbook_finds_its_people_by_unit_then_by_code(make_workbook):
    """Two Lò Văn Pọm of 1980 this year, in Phòng Kinh tế and in Trung tâm Thông tin: the
    2024 workbook's rows go to the one of their unit. Ánh, "Lường Thị Ánh" in 2024, is
    found by her code."""
    this_year = _chain_round(2025, "05/12/2025", [
        _member("Lò Văn Pọm", 1980, title="LĐTT"),
        _member("Lò Văn Pọm", 1980, unit="Trung tâm Thông tin", title="LĐTT"),
        _member("Cầm Thị Ánh", 1988, code="CB-5", title="LĐTT")])
    earlier = _chain_round(2024, "05/12/2024", [
        _member("Lò Văn Pọm", 1980, unit="Trung tâm Thông tin", rating="HTTNV"),
        _member("Lò Văn Pọm", 1980, rating="HTXSNV"),
        _member("Lường Thị Ánh", 1988, code="CB-5", rating="HTNV")])
    for data in (this_year, earlier):
        data["tables"]["collectives"].append({"name": "Trung tâm Thông tin", "rating": "HTNV"})
    summary = check([make_workbook(this_year), make_workbook(earlier, name="2024.xlsx")])
    assessment = next(r for r in summary.rounds if r.round.info.year == 2025).assessment
    rated = {(p.name, p.unit): assessment.history[p][2024].rating.code
             for p in assessment.round.people}
    assert rated == {("Lò Văn Pọm", "Phòng Kinh tế"): "HTXSNV",
                     ("Lò Văn Pọm", "Trung tâm Thông tin"): "HTTNV",
                     ("Cầm Thị Ánh", "Phòng Kinh tế"): "HTNV"}


def test_two_workbooks_of_one_year_state_its_sang_kien_once(make_workbook):
    """The 2024 yearly and sơ kết workbooks both say Ánh had 1 sáng kiến in 2024: that is one
    sáng kiến of 2024, not two (each workbook restates the year; counting twice would approve
    an award on a sáng kiến that does not exist)."""
    yearly = earlier_workbook(make_workbook, rating="HTXSNV", initiatives=1)
    review = round_data()
    review["info"] |= {"year": 2024, "sign_date": "20/12/2024", "occasion": "so-ket"}
    review["tables"]["history"] = []
    for row in review["tables"]["individuals"]:
        if row["name"] == "Cầm Thị Ánh":
            row |= {"rating": "HTXSNV", "initiatives": 1, "award": None}
    summary = check([make_workbook(), yearly, make_workbook(review, name="2024-so-ket.xlsx")])
    result = next(r for r in summary.rounds if r.round.info.year == 2025)
    anh = next(p for p in result.round.people if p.name == "Cầm Thị Ánh")
    assert result.assessment.history[anh][2024].initiatives == 1


def test_earlier_titles_count_only_when_they_were_eligible(make_workbook):
    """Pọm's 2024 CSTĐCS counts from the 2024 workbook only if that round accepted it."""
    data = round_data()
    data["tables"]["history"] = []
    this_year = make_workbook(data)
    earlier = round_data()
    earlier["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    earlier["tables"]["history"] = []
    pom = earlier["tables"]["individuals"][0]
    pom |= {"award": None, "title": "Chiến sĩ thi đua cơ sở"}
    accepted = check([this_year, make_workbook(earlier, name="2024.xlsx")])
    assert verdicts(accepted, 2025)[("Lò Văn Pọm", "BKUBND")] is Verdict.ELIGIBLE
    pom |= {"rating": "Hoàn thành tốt nhiệm vụ", "initiatives": 0}  # now not eligible in 2024
    refused = check([this_year, make_workbook(earlier, name="2024.xlsx")])
    assert verdicts(refused, 2024)[("Lò Văn Pọm", "CSTDCS")] is Verdict.INELIGIBLE
    assert verdicts(refused, 2025)[("Lò Văn Pọm", "BKUBND")] is Verdict.INELIGIBLE


def test_people_are_matched_by_code_first(make_workbook):
    data = round_data()
    data["info"]["sign_date"] = "30/06/2025"  # NĐ 98: its vote article is read, CSTĐCS settles
    for row in data["tables"]["individuals"]:
        row["code"] = f"CB-{row['birth_year']}"
    data["tables"]["history"] = [{"code": "CB-1980", "name": "Tên Đã Đổi", "years": 2024,
                                  "what": "Chiến sĩ thi đua cơ sở"}]
    assert verdicts(check([make_workbook(data)]), 2025)[("Lò Văn Pọm", "BKUBND")] \
        is Verdict.ELIGIBLE


def test_ambiguous_match_is_reported_not_guessed(make_workbook):
    data = round_data()
    data["info"]["sign_date"] = "30/06/2025"  # NĐ 98: its vote article is read, CSTĐCS settles
    twin = dict(data["tables"]["individuals"][0], unit="Trung tâm Thông tin", title=None,
                award=None)
    data["tables"]["individuals"].append(twin)
    data["tables"]["history"] = [{"name": "Lò Văn Pọm", "birth_year": 1980, "years": 2024,
                                  "what": "CSTĐCS"}]
    with pytest.raises(InputError) as caught:
        check([make_workbook(data)])
    problem = next(p for p in caught.value.problems if p.kind is Kind.AMBIGUOUS_PERSON)
    assert (problem.file, problem.sheet, problem.row, problem.value) == (
        "2025-hang-nam.xlsx", "Lịch sử", 4, "Lò Văn Pọm")
    assert problem.message == ("“Lò Văn Pọm” khớp với nhiều người (dòng 4, 8 của sheet Cá "
                               "nhân); hãy ghi Mã hoặc Đơn vị để phân biệt.")
    data["tables"]["history"][0]["unit"] = "Phòng Kinh tế"  # the unit settles it
    assert verdicts(check([make_workbook(data)]), 2025)[("Lò Văn Pọm", "BKUBND")] \
        is Verdict.ELIGIBLE


def test_a_person_of_an_earlier_workbook_matching_two_is_reported_in_that_workbook(
        make_workbook):
    """Pọm and Ánh of 2024.xlsx each match two people of this round: each is told, none
    guessed, with the earlier workbook's own sheet and row."""
    data = round_data()
    twins = [dict(row, title=None, award=None) for row in data["tables"]["individuals"]
             if row["name"] in ("Lò Văn Pọm", "Cầm Thị Ánh")]
    data["tables"]["individuals"] += twins
    earlier = round_data()
    earlier["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    earlier["tables"]["history"] = []
    with pytest.raises(InputError) as caught:
        check([make_workbook(data), make_workbook(earlier, name="2024.xlsx")])
    found = [(p.file, p.sheet, p.row, p.value, p.message) for p in caught.value.problems
             if p.kind is Kind.AMBIGUOUS_PERSON and p.file == "2024.xlsx"]
    assert found == [
        ("2024.xlsx", "Cá nhân", 4, "Lò Văn Pọm",
         "“Lò Văn Pọm” khớp với nhiều người (dòng 4, 8 của sheet Cá nhân); hãy ghi Mã hoặc "
         "Đơn vị để phân biệt."),
        ("2024.xlsx", "Cá nhân", 6, "Cầm Thị Ánh",
         "“Cầm Thị Ánh” khớp với nhiều người (dòng 6, 9 của sheet Cá nhân); hãy ghi Mã hoặc "
         "Đơn vị để phân biệt."),
    ]


def _history_of(summary, name: str):
    result = next(r for r in summary.rounds if r.round.info.year == 2025)
    subject = next(s for s in (*result.round.people, *result.round.collectives) if s.name == name)
    return result.assessment.history[subject]


def test_a_history_line_keeps_its_decision_and_a_plain_award_is_cong_trang(make_workbook):
    data = round_data()
    data["tables"]["history"] = [
        {"name": "Lò Văn Pọm", "birth_year": 1980, "years": 2024, "what": "CSTĐCS",
         "decision_number": "215/QĐ-VPUB", "decision_date": "10/12/2024",
         "body": "Chánh Văn phòng"},
        {"name": "Lò Văn Pọm", "birth_year": 1980, "years": 2023,
         "what": "Giấy khen của Chánh Văn phòng", "decision_number": "88/QĐ-VPUB",
         "decision_date": "20/12/2023"}]
    history = _history_of(check([make_workbook(data)]), "Lò Văn Pọm")
    (decision,) = history[2024].titles.values()
    assert (decision.number, decision.day, decision.body) == (
        "215/QĐ-VPUB", date(2024, 12, 10), "Chánh Văn phòng")
    ((award, kind, decision),) = history[2023].awards
    assert (award.code, kind, decision.number, decision.day, decision.body) == (
        "GK", "cong-trang", "88/QĐ-VPUB", date(2023, 12, 20), "")


def test_a_history_line_finds_its_person_by_name_when_code_or_unit_no_longer_fit(
        make_workbook):
    """Pọm moved from Phòng Tổng hợp and his old code CB-7 is nobody's now: name and birth
    year still find him, the one person of that name."""
    data = round_data()
    data["tables"]["history"] = [{"code": "CB-7", "name": "Lò Văn Pọm", "birth_year": 1980,
                                  "unit": "Phòng Tổng hợp", "years": 2024, "what": "HTXSNV"}]
    history = _history_of(check([make_workbook(data)]), "Lò Văn Pọm")
    assert history[2024].rating.code == "HTXSNV"


def test_a_years_sang_kien_stated_twice_counts_once(make_workbook):
    """Two Lịch sử lines of 2024 and the 2024 workbook each give Ánh's sáng kiến of 2024: the
    year had 2, the most any of them states, not their sum 4."""
    data = round_data()
    data["tables"]["history"] = [
        {"name": "Cầm Thị Ánh", "birth_year": 1988, "years": 2024, "what": "HTXSNV",
         "initiatives": 2},
        {"name": "Cầm Thị Ánh", "birth_year": 1988, "years": 2024, "what": "LĐTT",
         "initiatives": 1}]
    earlier = earlier_workbook(make_workbook, rating="HTXSNV", initiatives=1)
    history = _history_of(check([make_workbook(data), earlier]), "Cầm Thị Ánh")
    assert history[2024].initiatives == 2


def test_history_years_may_be_a_span(make_workbook):
    data = round_data()
    data["tables"]["history"] = [{"name": "Phòng Kinh tế", "years": "2023-2024", "what": "HTXSNV"}]
    assert verdicts(check([make_workbook(data)]), 2025)[("Phòng Kinh tế", "BKUBND")] \
        is Verdict.ELIGIBLE


def test_unknown_history_value_is_a_problem_with_a_guess(make_workbook):
    data = round_data()
    data["tables"]["history"] = [{"name": "Phòng Kinh tế", "years": 2024, "what": "HTXSVN"}]
    with pytest.raises(InputError) as caught:
        check([make_workbook(data)])
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.kind, problem.hint) == ("Lịch sử", Kind.NOT_IN_LIST,
                                                           "có phải “HTXSNV”?")


def test_one_workbook_named_still_counts_the_others_beside_it(make_workbook):
    data = round_data()
    for row in data["tables"]["individuals"]:
        if row["name"] == "Cầm Thị Ánh":
            row["initiatives"] = 1
    data["tables"]["history"] = []
    this_year = make_workbook(data)
    earlier_workbook(make_workbook, rating="HTXSNV", initiatives=1)
    summary = check([this_year])
    assert [r.round.slug for r in summary.rounds] == ["2025-hang-nam"]
    assert verdicts(summary, 2025)[("Cầm Thị Ánh", "BKUBND")] is Verdict.ELIGIBLE


def test_broken_history_workbook_is_set_aside_with_a_warning(make_workbook):
    this_year = make_workbook()
    broken = round_data()
    broken["info"]["year"] = "hai nghìn"
    make_workbook(broken, name="cu.xlsx")
    summary = check([this_year])
    (warning,) = summary.warnings
    assert (warning.file, warning.kind) == ("cu.xlsx", Kind.HISTORY_SKIPPED)


# --- the yearly cycle: what was decided, not what was proposed ----------------------------------

def _chain_round(year: int, day: str, people: list[dict], **tables) -> dict:
    data = round_data()
    data["info"] |= {"year": year, "sign_date": day}
    data["tables"] = {"collectives": [{"name": "Phòng Kinh tế", "rating": "HTXSNV", "votes": 9}],
                      "individuals": people, **tables}
    return data


def _member(name: str, birth_year: int, **values) -> dict:
    return {"name": name, "sex": "Nam", "birth_year": birth_year, "position": "Chuyên viên",
            "unit": "Phòng Kinh tế", "rating": "HTXSNV", "votes": 9} | values


def _three_years(make_workbook):
    """2024: Pọm and Ánh proposed CSTĐCS, Páo and Kiên a Bằng khen tỉnh. The office recorded
    its decision for Pọm only; the Chủ tịch granted Kiên's Bằng khen and refused Páo's.
    2025 (NĐ 98): Pọm and Ánh proposed for the Bằng khen on 02 lần CSTĐCS. 2026: Páo and Kiên
    proposed for the Bằng khen Thủ tướng, Páo also for Chiến sĩ thi đua cấp tỉnh."""
    bk = {"award": "BK UBND tỉnh"}  # on 02 lần Chiến sĩ thi đua cơ sở, 2022 and 2023
    earlier = [{"name": n, "birth_year": b, "years": y, "what": w}
               for n, b in (("Giàng A Páo", 1990), ("Quàng Văn Kiên", 1987))
               for y, w in ((2021, "CSTĐCS"), (2022, "CSTĐCS"), (2023, "CSTĐCS"),
                            (2021, "HTTNV"), (2022, "HTTNV"), (2023, "HTTNV"))]
    year_1 = _chain_round(2024, "05/12/2024", [
        _member("Lò Văn Pọm", 1980, initiatives=1, title="CSTĐCS"),
        _member("Cầm Thị Ánh", 1988, sex="Nữ", initiatives=1, title="CSTĐCS"),
        _member("Giàng A Páo", 1990, **bk), _member("Quàng Văn Kiên", 1987, **bk)],
        decisions=[
            {"number": "15/QĐ-VPUB", "date": "10/12/2024", "body": "Chánh Văn phòng",
             "name": "Lò Văn Pọm", "proposed": "CSTĐCS", "outcome": "Được tặng"},
            {"number": "2101/QĐ-UBND", "date": "26/12/2024", "body": "Chủ tịch UBND tỉnh",
             "name": "Giàng A Páo", "proposed": "BK UBND tỉnh", "outcome": "Không được tặng"},
            {"number": "2101/QĐ-UBND", "date": "26/12/2024", "body": "Chủ tịch UBND tỉnh",
             "name": "Quàng Văn Kiên", "proposed": "BK UBND tỉnh", "outcome": "Được tặng"}],
        history=[row for row in earlier if row["years"] in (2022, 2023)
                 and row["what"] == "CSTĐCS"])
    year_2 = _chain_round(2025, "30/06/2025", [
        _member("Lò Văn Pọm", 1980, title="CSTĐCS", award="BK UBND tỉnh"),
        _member("Cầm Thị Ánh", 1988, sex="Nữ", title="CSTĐCS", award="BK UBND tỉnh"),
        _member("Giàng A Páo", 1990, title="LĐTT"), _member("Quàng Văn Kiên", 1987, title="LĐTT")])
    year_3 = _chain_round(2026, "05/12/2026", [
        _member("Giàng A Páo", 1990, award="BK Thủ tướng", title="CSTĐ tỉnh", initiatives=1,
                initiative_scope="Tỉnh"),
        _member("Quàng Văn Kiên", 1987, award="BK Thủ tướng")], history=earlier)
    return [make_workbook(year_1, name="2024-hang-nam.xlsx"),
            make_workbook(year_2, name="2025-hang-nam.xlsx"),
            make_workbook(year_3, name="2026-hang-nam.xlsx")]


def test_three_years_follow_only_what_was_decided(make_workbook):
    summary = check(_three_years(make_workbook))
    year_2 = verdicts(summary, 2025)
    assert year_2[("Lò Văn Pọm", "BKUBND")] is Verdict.ELIGIBLE  # CSTĐCS 2024 decided
    assert year_2[("Cầm Thị Ánh", "BKUBND")] is Verdict.REVIEW  # CSTĐCS 2024 still waiting
    reasons = next(j for j in next(r for r in summary.rounds if r.round.info.year == 2025)
                   .assessment.judgements if j.proposal.subject.name == "Cầm Thị Ánh"
                   and j.proposal.award.code == "BKUBND").reasons
    assert reasons[0].text == (
        "Cần 02 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá 01 "
        "năm; đạt Chiến sĩ thi đua cơ sở năm 2024, 2025; Chiến sĩ thi đua cơ sở năm 2024 mới là "
        "đề nghị, chưa có quyết định (Luật Thi đua, khen thưởng 2022, Điều 74.1.d).")
    year_3 = verdicts(summary, 2026)
    assert year_3[("Quàng Văn Kiên", "BKTTG")] is Verdict.ELIGIBLE  # Bằng khen 2024 granted
    assert year_3[("Giàng A Páo", "BKTTG")] is Verdict.INELIGIBLE  # refused: no Bằng khen


def test_a_refused_award_is_never_reported_as_received(make_workbook, tmp_path):
    from conftest import docx_lines

    from pipeline import generate

    workbooks = _three_years(make_workbook)
    generate(workbooks, outputs=tmp_path / "out")
    reports = tmp_path / "out" / "2026-hang-nam" / "bao-cao-thanh-tich"
    kien = "\n".join(docx_lines(next(reports.glob("*quang-van-kien*"))))
    assert ("2024 | Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 2101/QĐ-UBND ngày 26/12/2024; "
            "Chủ tịch Ủy ban nhân dân tỉnh") in kien
    pao = "\n".join(docx_lines(next(reports.glob("*giang-a-pao*"))))
    assert "2024 | Bằng khen" not in pao and "2101/QĐ-UBND" not in pao


@pytest.mark.parametrize(("row", "message"), [
    ({"name": "Người Không Có", "proposed": "CSTĐCS"},
     "“Người Không Có” không có đề nghị “Chiến sĩ thi đua cơ sở” trong bảng tính này"),
    ({"name": "Lò Văn Pọm", "proposed": "Bằng khen Thủ tướng"},
     "“Lò Văn Pọm” không có đề nghị “Bằng khen của Thủ tướng Chính phủ” trong bảng tính này"),
    ({"name": "Lò Văn Pọm", "proposed": "CSTĐCS", "date": "01/12/2025"},
     "“01/12/2025” trước ngày ký tờ trình, quyết định của đợt (05/12/2025)"),
    ({"name": "Lò Văn Pọm", "proposed": "CSTĐCS", "outcome": "Không được tặng",
      "granted": "Lao động tiên tiến"}, "nhưng Kết quả là “Không được tặng”"),
])
def test_a_decision_row_that_cannot_be(make_workbook, row, message):
    data = round_data()
    data["tables"]["decisions"] = [{"number": "20/QĐ-VPUB", "date": "10/12/2025",
                                    "body": "Chánh Văn phòng", "outcome": "Được tặng"} | row]
    with pytest.raises(InputError) as caught:
        check([make_workbook(data)])
    problem = next(p for p in caught.value.problems if p.sheet == "Quyết định")
    assert message in problem.message and problem.row == 4


def test_the_same_proposal_decided_twice(make_workbook):
    data = round_data()
    row = {"number": "20/QĐ-VPUB", "date": "10/12/2025", "body": "Chánh Văn phòng",
           "name": "Lò Văn Pọm", "proposed": "CSTĐCS", "outcome": "Được tặng"}
    data["tables"]["decisions"] = [row, row]
    with pytest.raises(InputError) as caught:
        check([make_workbook(data)])
    assert any(p.kind is Kind.DECIDED_TWICE and p.row == 5 for p in caught.value.problems)


def test_the_register_lists_what_was_decided_and_what_waits(make_workbook, tmp_path):
    from openpyxl import load_workbook

    from pipeline import generate

    summary = generate(_three_years(make_workbook), outputs=tmp_path / "out")
    path = tmp_path / "out" / "so-theo-doi-khen-thuong" / "so-theo-doi-khen-thuong.xlsx"
    sheet = load_workbook(path).active
    assert summary.register == (path, sheet.max_row - 1)  # the header row, then one per award
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:O")
    assert sheet.title == "Sổ theo dõi khen thưởng"
    rows = {(r[1], r[5], r[6]): r for r in sheet.iter_rows(min_row=2, values_only=True)}
    bk = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    assert rows[("Quàng Văn Kiên", 2024, bk)][8:12] == (
        "Đã quyết định", "2101/QĐ-UBND", "26/12/2024", "Chủ tịch Ủy ban nhân dân tỉnh")
    assert rows[("Giàng A Páo", 2024, bk)][8:10] == ("Không được tặng", "2101/QĐ-UBND")
    assert rows[("Lò Văn Pọm", 2024, "Chiến sĩ thi đua cơ sở")][8:12] == (
        "Đã quyết định", "15/QĐ-VPUB", "10/12/2024", "Chánh Văn phòng")
    assert rows[("Cầm Thị Ánh", 2024, "Chiến sĩ thi đua cơ sở")][8:10] == ("Chờ quyết định", None)
    money = {key[0]: rows[key][12] for key in (("Lò Văn Pọm", 2024, "Chiến sĩ thi đua cơ sở"),
                                               ("Cầm Thị Ánh", 2024, "Chiến sĩ thi đua cơ sở"),
                                               ("Giàng A Páo", 2024, bk))}
    assert money == {"Lò Văn Pọm": 2_340_000,  # decided: 1,0 × 2.340.000 (NĐ 98/2023)
                     "Cầm Thị Ánh": 2_340_000,  # waiting: what its decision would bring
                     "Giàng A Páo": None}  # refused: nothing
    assert rows[("Quàng Văn Kiên", 2021, "Chiến sĩ thi đua cơ sở")][14] == \
        "2026-hang-nam.xlsx, sheet Lịch sử"
    assert len([r for r in rows if r[0] == "Quàng Văn Kiên"]) == 6  # 2021-2024, 2025, 2026


def test_a_proposal_the_council_concluded_against_is_no_title_later(make_workbook):
    """2024 (NĐ 98): Pọm's CSTĐCS is "cần kiểm tra" for a missing vote, and the council
    concludes "Không đạt": in 2025 it is neither a title held nor one waiting."""
    first = _chain_round(2024, "05/12/2024", [
        _member("Lò Văn Pọm", 1980, initiatives=1, title="CSTĐCS", votes=None,
                conclusion="Không đạt")])
    second = _chain_round(2025, "30/06/2025", [
        _member("Lò Văn Pọm", 1980, title="CSTĐCS", award="BK UBND tỉnh")])
    summary = check([make_workbook(first, name="2024-hang-nam.xlsx"),
                     make_workbook(second, name="2025-hang-nam.xlsx")])
    assert verdicts(summary, 2025)[("Lò Văn Pọm", "BKUBND")] is Verdict.INELIGIBLE


@pytest.mark.parametrize("typed", ["215", "215/QĐ-VPUB"])
def test_the_office_decision_number_is_written_once_either_way(make_workbook, tmp_path, typed):
    """Số quyết định in Thông tin, typed bare or with its ký hiệu: the QĐ prints
    "215/QĐ-VPUB" (not "215/QĐ-VPUB/QĐ-VPUB"), and the register and next year's báo cáo thành
    tích cite the same number."""
    from conftest import docx_lines
    from openpyxl import load_workbook

    from pipeline import generate

    first = _chain_round(2024, "05/12/2024", [_member("Lò Văn Pọm", 1980, title="LĐTT",
                                                     initiatives=1)])
    first["info"]["number_qd_danh_hieu"] = typed
    second = _chain_round(2025, "05/12/2025", [  # Luật Đ74.1.d: 02 năm HTXSNV, 02 sáng kiến
        _member("Lò Văn Pọm", 1980, title="LĐTT", award="BK UBND tỉnh", initiatives=1,
                achievements="Hoàn thành xuất sắc nhiệm vụ hai năm liền.")])
    generate([make_workbook(first, name="2024-hang-nam.xlsx"),
              make_workbook(second, name="2025-hang-nam.xlsx")], outputs=tmp_path / "out")
    header = docx_lines(tmp_path / "out" / "2024-hang-nam" / "quyet-dinh-danh-hieu.docx")[1]
    assert header.startswith("Số: 215/QĐ-VPUB | ")
    sheet = load_workbook(tmp_path / "out" / "so-theo-doi-khen-thuong" /
                          "so-theo-doi-khen-thuong.xlsx").active
    pom = next(r for r in sheet.iter_rows(min_row=2, values_only=True)
               if r[1] == "Lò Văn Pọm" and r[5] == 2024)
    assert pom[8:10] == ("Đã quyết định", "215/QĐ-VPUB")
    (report,) = (tmp_path / "out" / "2025-hang-nam" / "bao-cao-thanh-tich").glob("*.docx")
    assert "2024 | Lao động tiên tiến | 215/QĐ-VPUB ngày 05/12/2024; Chánh Văn phòng" in \
        docx_lines(report)


@pytest.mark.parametrize(("signed", "known"), [("10/12/2024", True), ("30/06/2025", True),
                                               ("01/07/2025", False)])  # the round's own day
def test_a_decision_signed_after_a_round_is_not_yet_known_to_it(make_workbook, signed, known):
    """Pọm's 2024 CSTĐCS decided on `signed`: a round dated 30/06/2025 holds it as received
    only when the decision came before that day; otherwise it is still pending there, and
    that round's báo cáo thành tích may not cite it."""
    first = _chain_round(2024, "05/12/2024", [
        _member("Lò Văn Pọm", 1980, initiatives=1, title="CSTĐCS")], decisions=[
        {"number": "15/QĐ-VPUB", "date": signed, "body": "Chánh Văn phòng",
         "name": "Lò Văn Pọm", "proposed": "CSTĐCS", "outcome": "Được tặng"}])
    second = _chain_round(2025, "30/06/2025", [_member("Lò Văn Pọm", 1980, title="LĐTT")])
    summary = check([make_workbook(first, name="2024-hang-nam.xlsx"),
                     make_workbook(second, name="2025-hang-nam.xlsx")])
    assessment = next(r for r in summary.rounds if r.round.info.year == 2025).assessment
    (pom,) = assessment.round.people
    (decision,) = assessment.history[pom][2024].titles.values()
    assert (decision.number if decision else None) == ("15/QĐ-VPUB" if known else None)


def test_someone_who_left_before_this_round_leaves_the_others_titles_counted(make_workbook):
    """Vì Thị Lan, listed first in 2024 with her LĐTT, is gone by 2025: Pọm's 2024 LĐTT,
    listed after hers, still counts for him."""
    first = _chain_round(2024, "05/12/2024", [_member("Vì Thị Lan", 1975, title="LĐTT"),
                                              _member("Lò Văn Pọm", 1980, title="LĐTT")])
    second = _chain_round(2025, "05/12/2025", [_member("Lò Văn Pọm", 1980, title="LĐTT")])
    summary = check([make_workbook(first, name="2024-hang-nam.xlsx"),
                     make_workbook(second, name="2025-hang-nam.xlsx")])
    assessment = next(r for r in summary.rounds if r.round.info.year == 2025).assessment
    (pom,) = assessment.round.people
    assert [title.code for title in assessment.history[pom][2024].titles] == ["LDTT"]


def test_the_register_says_a_proposal_waits_for_the_council(make_workbook, tmp_path):
    from openpyxl import load_workbook

    from pipeline import generate

    data = _chain_round(2025, "05/12/2025", [
        _member("Lò Văn Pọm", 1980, title="LĐTT"),
        _member("Giàng A Páo", 1990, title="LĐTT", votes=None)])  # no vote: "cần kiểm tra"
    generate([make_workbook(data)], outputs=tmp_path / "out")
    path = tmp_path / "out" / "so-theo-doi-khen-thuong" / "so-theo-doi-khen-thuong.xlsx"
    status = {r[1]: r[8] for r in load_workbook(path).active.iter_rows(min_row=2,
                                                                        values_only=True)}
    assert status == {"Lò Văn Pọm": "Chờ quyết định", "Giàng A Páo": "Chờ kết luận của Hội đồng"}


def test_a_sang_kien_spent_in_an_earlier_workbook_is_not_counted_again(make_workbook, tmp_path):
    """With the switch forms/rules documents (Điều 74.1.d's "02 sáng kiến" bound to the
    Chiến sĩ thi đua cơ sở case too): Cầm Thị Ánh was Chiến sĩ thi đua cơ sở in 2024 on her one
    sáng kiến (only hoàn thành tốt that year, Luật Điều 23.2), and is again in 2025 on her
    hoàn thành xuất sắc, with one more sáng kiến. The 2024 one is spent (Công văn
    5007/BNV-TĐKT/2023): the Bằng khen is left to the Council, saying so."""
    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    rules = forms / "rules" / "nd152-2025.toml"
    line = 'award = "CSTDCS", times = 2, within = 1, subjects'
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        line, 'award = "CSTDCS", times = 2, within = 1, initiatives = 2, subjects'),
        encoding="utf-8")
    data = round_data()
    data["tables"]["history"] = [h for h in data["tables"]["history"]
                                 if h["name"] != "Cầm Thị Ánh"]
    for row in data["tables"]["individuals"]:
        if row["name"] == "Cầm Thị Ánh":
            row |= {"initiatives": 1, "title": "Chiến sĩ thi đua cơ sở"}
    earlier = round_data()
    earlier["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    earlier["tables"]["history"] = []
    for row in earlier["tables"]["individuals"]:
        if row["name"] == "Cầm Thị Ánh":
            row |= {"rating": "Hoàn thành tốt nhiệm vụ", "initiatives": 1, "award": None,
                    "title": "Chiến sĩ thi đua cơ sở", "conclusion": "Đạt"}
    summary = check([make_workbook(data), make_workbook(earlier, name="2024.xlsx")], forms=forms)
    result = next(r for r in summary.rounds if r.round.info.year == 2025)
    (bang_khen,) = [j for j in result.assessment.judgements
                    if (j.proposal.subject.name, j.proposal.award.code) == ("Cầm Thị Ánh",
                                                                           "BKUBND")]
    assert bang_khen.verdict is Verdict.REVIEW
    assert bang_khen.reasons[0].text.splitlines()[2] == (
        "b) Cần 02 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá 01 "
        "năm, trong thời gian đó có 02 sáng kiến; đạt Chiến sĩ thi đua cơ sở năm 2024, 2025; có "
        "02 sáng kiến trong thời gian đó, 01 đã dùng cho danh hiệu thi đua; theo Công văn "
        "5007/BNV-TĐKT/2023, mỗi sáng kiến chỉ được tính cho một khen thưởng; Hội đồng xem xét "
        "(Luật Thi đua, khen thưởng 2022, Điều 74.1.d).")


def test_the_register_lists_the_awards_of_lich_su_as_recorded(make_workbook, tmp_path):
    """A collective's Bằng khen and a person's Giấy khen written in Lịch sử: the collective
    first (it is one of the round's), each with its Mã, năm sinh, đơn vị (the person's from
    sheet Cá nhân), loại (Công trạng when none is written) and decision as recorded, the body
    spelled out."""
    from openpyxl import load_workbook

    from pipeline import generate

    data = round_data()
    data["tables"]["individuals"][0]["code"] = "CB01"
    data["tables"]["history"] = [
        {"code": "CB01", "name": "Lò Văn Pọm", "birth_year": 1980, "years": 2023,
         "what": "Giấy khen của Chánh Văn phòng", "kind": "Đột xuất"},
        {"name": "Phòng Kinh tế", "years": 2024, "what": "Bằng khen của Chủ tịch UBND tỉnh",
         "decision_number": "300/QĐ-UBND", "decision_date": "20/12/2024",
         "body": "Chủ tịch UBND tỉnh"}]
    generate([make_workbook(data)], outputs=tmp_path / "out")
    path = tmp_path / "out" / "so-theo-doi-khen-thuong" / "so-theo-doi-khen-thuong.xlsx"
    every = list(load_workbook(path).active.iter_rows(min_row=2, values_only=True))
    assert {r[2] for r in every if r[1] == "Lò Văn Pọm" and r[5] == 2025} == {"CB01"}
    rows = [r[1:12] for r in every if r[5] < 2025]
    assert rows == [
        ("Phòng Kinh tế", None, None, None, 2024, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
         "Công trạng", "Đã quyết định", "300/QĐ-UBND", "20/12/2024",
         "Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Lò Văn Pọm", "CB01", 1980, "Phòng Kinh tế", 2023, "Giấy khen của Chánh Văn phòng",
         "Đột xuất", "Đã quyết định", None, None, None)]
