"""History: the Lịch sử sheet and earlier workbooks, matched to this round's people."""

from __future__ import annotations

import pytest
from conftest import round_data

from pipeline.errors import InputError, Kind
from pipeline.main import check
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
    assert (problem.sheet, problem.row) == ("Lịch sử", 4)
    assert "khớp với nhiều người (dòng 4, 8 của sheet Cá nhân)" in problem.message
    data["tables"]["history"][0]["unit"] = "Phòng Kinh tế"  # the unit settles it
    assert verdicts(check([make_workbook(data)]), 2025)[("Lò Văn Pọm", "BKUBND")] \
        is Verdict.ELIGIBLE


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
