"""The law as data: verdicts with cited articles, multi-year history, votes, quotas and money.

Each case is written from domain.md §0-§2: a subject and its history in, a verdict and the article
of the deciding reason out.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from conftest import round_data

from pipeline.catalog import Catalog
from pipeline.history import YearFacts
from pipeline.main import check
from pipeline.model import (
    Collective,
    Council,
    Criterion,
    Decision,
    Person,
    Proposal,
    Quota,
    Round,
    RoundInfo,
    Salary,
)
from pipeline.rules import Ballot, Verdict, assess, money_for

CATALOG = Catalog()
DECIDED = Decision("12/QĐ-VPUB", date(2024, 12, 5), "Chánh Văn phòng")
ND152 = date(2025, 12, 5)
NINE = Council(9, 9)
ND98 = date(2025, 6, 30)


def term(vocab: str, code: str):
    return next(t for t in CATALOG.vocab[vocab] if t.code == code)


def person(name: str = "Lò Văn Pọm", *, rating: str = "HTTNV", initiatives: int = 0,
           scope: str | None = None, discipline: str = "khong", kind: str = "cong-trang",
           achievements: str = "", votes: int | None = 9, unit: str = "Phòng Kinh tế",
           row: int = 4) -> Person:
    return Person(row, "", name, term("sex", "nam"), 1985, "Chuyên viên", unit,
                  term("rating", rating), initiatives, term("scope", scope) if scope else None,
                  term("discipline", discipline), term("achievement", kind), achievements, votes,
                  "")


def collective(name: str = "Phòng Kinh tế", *, rating: str = "HTXSNV", kind: str = "cong-trang",
               achievements: str = "", votes: int | None = 9) -> Collective:
    return Collective(4, "", name, "", term("rating", rating), term("achievement", kind),
                      achievements, votes, "")


def team(ratings: list[str], **overrides) -> list[Person]:
    """Members of Phòng Kinh tế with these ratings, each proposed for Lao động tiên tiến."""
    return [person(f"Thành Viên {chr(65 + i)}", rating=r, row=10 + i, **overrides)
            for i, r in enumerate(ratings)]


def make_round(proposals: list[tuple[Person | Collective, str]], *, day: date = ND152,
               people: list[Person] = (), collectives: list[Collective] = (),
               council: Council | None = NINE, quotas: tuple = (),
               base_salary: int | None = None) -> Round:
    subjects = {p for p, _ in proposals}
    people = list(dict.fromkeys([*people, *(s for s in subjects if isinstance(s, Person))]))
    collectives = list(dict.fromkeys([*collectives,
                                      *(s for s in subjects if isinstance(s, Collective))]))
    info = RoundInfo(day.year, term("occasion", "hang-nam"), "", "UBND", "VĂN PHÒNG",
                     "Văn phòng", "VPUB", "", "Sơn La", day, None, "", "", "", "", "", "",
                     "Người Ký",
                     "Chánh Văn phòng", "", "", "", "", base_salary, "", "", "", "", "")
    return Round(Path("t.xlsx"), info, CATALOG.regime_for(day), tuple(collectives), tuple(people),
                 tuple(Proposal(s, CATALOG.award(code)) for s, code in proposals),
                 council=council, quotas=quotas)


def facts(rating: str | None = None, titles=(), awards=(), initiatives: int = 0,
          spent: int = 0) -> YearFacts:
    return YearFacts(term("rating", rating) if rating else None, initiatives, spent,
                     {CATALOG.award(code): DECIDED for code in titles},
                     [(CATALOG.award(code), kind, DECIDED) for code, kind in awards])


def judged(round_: Round, history=None, subject=None, code=None):
    assessment = assess(round_, CATALOG, history or {})
    subject = subject or round_.proposals[0].subject
    code = code or round_.proposals[0].award.code
    return next(j for j in assessment.judgements
                if j.proposal.subject == subject and j.proposal.award.code == code), assessment


POM = person()
HTXS = person(rating="HTXSNV")
CASES = []


def case(name, proposals, verdict, article, *, subject=None, code=None, history=None, **kw):
    CASES.append(pytest.param(proposals, verdict, article, subject, code, history or {}, kw,
                              id=name))


# Lao động tiên tiến (Luật Đ24; exclusions kept as provincial data, [M])
case("ldtt-httnv", [(POM, "LDTT")], Verdict.ELIGIBLE, "Điều 24.1")
case("ldtt-htnv", [(person(rating="HTNV"), "LDTT")], Verdict.INELIGIBLE, "Điều 24.1")
case("ldtt-khtnv", [(person(rating="KHTNV"), "LDTT")], Verdict.INELIGIBLE, "Điều 24.1")
case("ldtt-khien-trach", [(person(discipline="khien-trach"), "LDTT")], Verdict.INELIGIBLE,
     "Nghị định 152/2025/NĐ-CP, Điều 4.4")
case("ldtt-khien-trach-nd98-unread", [(person(discipline="khien-trach"), "LDTT")], Verdict.REVIEW,
     "Nghị định 98/2023/NĐ-CP", day=ND98)
# Chiến sĩ thi đua cơ sở (Luật Đ23; votes ≥ 80% of all members, NĐ 98 Đ30.7; the vote article
# of NĐ 152 is not read: its rounds are "cần kiểm tra")
case("cstdcs-htxsnv", [(HTXS, "CSTDCS")], Verdict.ELIGIBLE, "Điều 23", day=ND98)
case("cstdcs-nd152-votes-unread", [(HTXS, "CSTDCS")], Verdict.REVIEW,
     "Nghị định 152/2025/NĐ-CP (điều khoản về tỷ lệ phiếu")
case("cstdcs-httnv-one-initiative", [(person(initiatives=1), "CSTDCS")], Verdict.ELIGIBLE,
     "Điều 23", day=ND98)
case("cstdcs-httnv-no-initiative", [(POM, "CSTDCS")], Verdict.INELIGIBLE, "Điều 23")
case("cstdcs-not-ldtt", [(person(rating="HTNV", initiatives=2), "CSTDCS")], Verdict.INELIGIBLE,
     "Điều 23")
case("cstdcs-votes-below-80", [(person(rating="HTXSNV", votes=7), "CSTDCS")],
     Verdict.INELIGIBLE, "Điều 30.7", day=ND98)
case("cstdcs-votes-80", [(person(rating="HTXSNV", votes=8), "CSTDCS")], Verdict.ELIGIBLE,
     "Điều 30.7", day=ND98)
case("no-council-no-votes", [(HTXS, "CSTDCS")], Verdict.REVIEW, "Điều 30.7", council=None,
     day=ND98)
# CSTĐ cấp tỉnh (Luật Đ22): 03 consecutive CSTĐCS and a province-wide sáng kiến
_TINH = person(rating="HTXSNV", initiatives=1, scope="tinh")
_CSTDCS_2Y = {_TINH: {2023: facts("HTXSNV", ["CSTDCS"]), 2024: facts("HTXSNV", ["CSTDCS"])}}
case("cstdt-three-years", [(_TINH, "CSTDCS"), (_TINH, "CSTDT")], Verdict.ELIGIBLE, "Điều 22",
     code="CSTDT", history=_CSTDCS_2Y, day=ND98)
case("cstdt-two-years", [(_TINH, "CSTDCS"), (_TINH, "CSTDT")], Verdict.INELIGIBLE, "Điều 22",
     code="CSTDT", history={_TINH: {2024: facts("HTXSNV", ["CSTDCS"])}})
case("cstdt-not-proposed-cstdcs-this-year", [(_TINH, "CSTDT")], Verdict.INELIGIBLE, "Điều 22",
     history=_CSTDCS_2Y)
_CO_SO = person(rating="HTXSNV", initiatives=1, scope="co-so")
case("cstdt-scope-co-so", [(_CO_SO, "CSTDCS"), (_CO_SO, "CSTDT")], Verdict.INELIGIBLE, "Điều 22",
     code="CSTDT", history={_CO_SO: _CSTDCS_2Y[_TINH]})
# CSTĐ toàn quốc (Luật Đ21): 02 consecutive CSTĐ tỉnh and a national sáng kiến
_TQ = person(rating="HTXSNV", initiatives=1, scope="toan-quoc")
_TQ_HISTORY = {_TQ: {2021: facts("HTXSNV", ["CSTDCS", "CSTDT"]),
                     2024: facts("HTXSNV", ["CSTDCS", "CSTDT"])}}
case("cstdtq-two-times-in-a-row", [(_TQ, "CSTDCS"), (_TQ, "CSTDTQ")], Verdict.ELIGIBLE,
     "Điều 21", code="CSTDTQ", history=_TQ_HISTORY, day=ND98)
case("cstdtq-scope-tinh", [(_TINH, "CSTDCS"), (_TINH, "CSTDT"), (_TINH, "CSTDTQ")],
     Verdict.INELIGIBLE, "Điều 21", code="CSTDTQ",
     history={_TINH: _TQ_HISTORY[_TQ]})
# Tập thể lao động tiên tiến (Luật Đ28)
_KT = collective(rating="HTTNV")
case("ttldtt-75-percent", [(_KT, "TTLDTT")], Verdict.ELIGIBLE, "Điều 28",
     people=team(["HTTNV", "HTTNV", "HTTNV", "HTNV"]))
case("ttldtt-67-percent", [(_KT, "TTLDTT")], Verdict.INELIGIBLE, "Điều 28",
     people=team(["HTTNV", "HTTNV", "HTNV"]))
case("ttldtt-member-canh-cao", [(_KT, "TTLDTT")], Verdict.INELIGIBLE, "Điều 28",
     people=team(["HTTNV"] * 3) + [person("Người Bị Kỷ Luật", discipline="canh-cao", row=20)])
case("ttldtt-no-members", [(_KT, "TTLDTT")], Verdict.INELIGIBLE, "Điều 28")
case("ttldtt-htnv", [(collective(rating="HTNV"), "TTLDTT")], Verdict.INELIGIBLE, "Điều 28",
     people=team(["HTTNV"] * 3))
# Tập thể lao động xuất sắc (Luật Đ27)
_XS_TEAM = team(["HTXSNV", "HTTNV", "HTTNV", "HTNV"])
case("ttldxs-eligible", [(collective(), "TTLDXS"), (_XS_TEAM[0], "CSTDCS")], Verdict.ELIGIBLE,
     "Điều 27", people=_XS_TEAM, day=ND98)
case("ttldxs-member-cstdcs-pending", [(collective(), "TTLDXS"), (_XS_TEAM[0], "CSTDCS")],
     Verdict.REVIEW, "Điều 27.1.d", people=_XS_TEAM)
case("ttldxs-no-cstdcs-member", [(collective(), "TTLDXS")], Verdict.INELIGIBLE, "Điều 27",
     people=_XS_TEAM)
_WEAK = team(["HTXSNV", "HTTNV", "HTTNV", "HTTNV", "KHTNV"])
case("ttldxs-member-khtnv", [(collective(), "TTLDXS"), (_WEAK[0], "CSTDCS")], Verdict.INELIGIBLE,
     "Điều 27", people=_WEAK)
case("ttldxs-collective-httnv", [(collective(rating="HTTNV"), "TTLDXS"), (_XS_TEAM[0], "CSTDCS")],
     Verdict.INELIGIBLE, "Điều 27", people=_XS_TEAM)
# Giấy khen (Luật Đ75.2: the province sets its criteria; not read, so never "đủ")
case("gk-person", [(person(achievements="Số hóa hồ sơ."), "GK")], Verdict.REVIEW, "Điều 75.2")
case("gk-person-no-achievement", [(POM, "GK")], Verdict.REVIEW, "Điều 75.2")
case("gk-person-disciplined", [(person(discipline="canh-cao", achievements="x"), "GK")],
     Verdict.INELIGIBLE, "Điều 4.4")
case("gk-collective", [(collective(rating="HTTNV", achievements="Tham mưu tốt."), "GK")],
     Verdict.REVIEW, "Điều 75.2")
# Bằng khen của Chủ tịch UBND tỉnh (Luật Đ74)
case("bk-one-htxsnv-year", [(person(rating="HTXSNV", initiatives=2), "BKUBND")],
     Verdict.INELIGIBLE, "Điều 74")
_BK = person(rating="HTXSNV", initiatives=1)
case("bk-two-htxsnv-years-two-initiatives", [(_BK, "BKUBND")], Verdict.ELIGIBLE, "Điều 74",
     history={_BK: {2024: facts("HTXSNV", initiatives=1)}})
case("bk-two-htxsnv-years-one-initiative", [(_BK, "BKUBND")], Verdict.INELIGIBLE, "Điều 74",
     history={_BK: {2024: facts("HTXSNV")}})
case("bk-two-cstdcs-years", [(HTXS, "CSTDCS"), (HTXS, "BKUBND")], Verdict.ELIGIBLE, "Điều 74",
     code="BKUBND", history={HTXS: {2024: facts("HTTNV", ["CSTDCS"])}}, day=ND98)
case("bk-two-cstdcs-years-this-one-pending", [(HTXS, "CSTDCS"), (HTXS, "BKUBND")],
     Verdict.REVIEW, "Điều 74.1.d", code="BKUBND",
     history={HTXS: {2024: facts("HTTNV", ["CSTDCS"])}})
case("bk-movement-claim", [(person(kind="phong-trao", achievements="Dẫn đầu phong trào."),
                            "BKUBND")], Verdict.ELIGIBLE, "Điều 74")
case("bk-dot-xuat-without-achievement", [(person(kind="dot-xuat"), "BKUBND")],
     Verdict.INELIGIBLE, "Điều 74")
case("bk-disciplined", [(person(discipline="khien-trach", kind="phong-trao", achievements="x"),
                         "BKUBND")], Verdict.INELIGIBLE, "Điều 4.4")
_KT2 = collective()
case("bk-collective-two-years", [(_KT2, "BKUBND")], Verdict.ELIGIBLE, "Điều 74",
     history={_KT2: {2024: facts("HTXSNV")}})
case("bk-collective-one-year", [(_KT2, "BKUBND")], Verdict.INELIGIBLE, "Điều 74",
     history={_KT2: {2024: facts("HTTNV")}})
# Bằng khen của Thủ tướng (Luật Đ73.1.b): the old 05 years HTXSNV + 05 sáng kiến is not the Law
_BKTTG = person(rating="HTXSNV", initiatives=1)
_FIVE = {_BKTTG: {y: facts("HTXSNV", initiatives=1) for y in range(2021, 2025)}}
case("bkttg-old-rule-refused", [(_BKTTG, "BKTTG")], Verdict.INELIGIBLE, "Điều 73",
     history=_FIVE)
# Huân chương Lao động hạng Ba ([M]); an award for đột xuất achievements does not count (Đ4.3)
_HC = person(rating="HTXSNV")
_STREAK = {y: facts("HTXSNV") for y in range(2021, 2025)}
case("hcld3-after-bkttg-unread", [(_HC, "HCLD3")], Verdict.REVIEW, "Điều 44",
     history={_HC: _STREAK | {2020: facts("HTXSNV", awards=[("BKTTG", "cong-trang")])}})
case("hcld3-bkttg-was-dot-xuat", [(_HC, "HCLD3")], Verdict.REVIEW, "Điều 44",
     history={_HC: _STREAK | {2020: facts("HTXSNV", awards=[("BKTTG", "dot-xuat")])}})
# Cờ thi đua của UBND tỉnh (Luật Đ26)
case("co-tinh-claimed-unread", [(collective(achievements="Dẫn đầu khối thi đua."), "COTINH")],
     Verdict.REVIEW, "Điều 26")
case("co-tinh-httnv-unread", [(collective(rating="HTTNV", achievements="x"), "COTINH")],
     Verdict.REVIEW, "Điều 26")
# The regime of the decision date
case("nd98-on-30-6-2025", [(POM, "LDTT")], Verdict.ELIGIBLE, "Điều 24.1", day=ND98)
case("nd98-refuses-too", [(person(rating="HTNV"), "LDTT")], Verdict.INELIGIBLE, "Điều 24.1",
     day=ND98)


@pytest.mark.parametrize(("proposals", "verdict", "article", "subject", "code", "history", "kw"),
                         CASES)
def test_verdict(proposals, verdict, article, subject, code, history, kw):
    judgement, _ = judged(make_round(proposals, **kw), history, subject, code)
    assert judgement.verdict is verdict, [str(r) for r in judgement.reasons]
    deciding = [r for r in judgement.reasons if not r.passed] or list(judgement.reasons)
    assert any(article in r.source for r in deciding), [str(r) for r in judgement.reasons]


def test_there_are_forty_cases_or_more():
    assert len(CASES) >= 40


def test_every_predicate_named_in_the_rule_data_exists():
    from pipeline.rules import PREDICATES

    def names(criteria):
        for c in criteria:
            yield from names(c.alternatives) if c.alternatives else [c.rule]

    for regime in CATALOG.regimes:
        used = {n for items in regime.criteria.values() for n in names(items)}
        assert used <= set(PREDICATES), regime.name
        assert set(regime.criteria) == {a.code for a in CATALOG.awards}, regime.name


# --- regimes and dates ---------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "salary", "gk"), [
    (date(2024, 6, 30), 1_800_000, 540_000), (date(2024, 7, 1), 2_340_000, 710_000),
    (date(2026, 6, 30), 2_340_000, 710_000), (date(2026, 7, 1), 2_530_000, 760_000)])
def test_base_salary_by_date(day, salary, gk):
    round_ = make_round([(person(achievements="x"), "GK")], day=day)
    judgement, assessment = judged(round_)
    assert assessment.salary.amount == salary
    assert judgement.money == gk


@pytest.mark.parametrize(("coefficient", "salary", "rounded", "raw"), [
    (0.3, 2_340_000, 710_000, 702_000), (0.8, 2_340_000, 1_880_000, 1_872_000),
    (0.3, 1_490_000, 450_000, 447_000), (3.5, 1_490_000, 5_220_000, 5_215_000),
    (1.5, 2_340_000, 3_510_000, 3_510_000), (0.6, 2_340_000, 1_410_000, 1_404_000)])
def test_money_rounds_up_to_ten_thousand_or_not(coefficient, salary, rounded, raw):
    assert money_for(coefficient, salary, 10_000) == rounded
    assert money_for(coefficient, salary, 0) == raw


def test_base_salary_from_the_workbook_wins():
    judgement, assessment = judged(make_round([(POM, "LDTT")], base_salary=2_000_000))
    assert (assessment.salary.amount, judgement.money) == (2_000_000, 600_000)
    assert assessment.salary == Salary(2_000_000, ND152, "sheet Thông tin, dòng Mức lương cơ sở")


def test_only_the_highest_title_is_paid():
    round_ = make_round([(HTXS, "LDTT"), (HTXS, "CSTDCS"), (HTXS, "GK")], day=ND98)
    money = {j.proposal.award.code: j.money for j in assess(round_, CATALOG).judgements}
    assert money == {"CSTDCS": 2_340_000, "LDTT": 0, "GK": 710_000}  # a hình thức is paid too
    ldtt = next(j for j in assess(round_, CATALOG).judgements if j.proposal.award.code == "LDTT")
    assert ldtt.accepted and "cao nhất" in ldtt.reasons[-1].source
    assert len(ldtt.reasons) == 3  # the rating, the vote, the note
    assert ldtt.reasons[-1].text == (
        "Không thưởng tiền cho danh hiệu này vì cùng đợt đã có danh hiệu cao hơn, chỉ nhận tiền "
        "thưởng của danh hiệu cao nhất (Nghị định 98/2023/NĐ-CP, nhiều danh hiệu cùng thời gian: "
        "thưởng danh hiệu cao nhất).")


def test_title_and_form_are_both_paid():
    worker = person(rating="HTXSNV", achievements="Sáng kiến số hóa.")
    money = {j.proposal.award.code: j.money
             for j in assess(make_round([(worker, "CSTDCS"), (worker, "GK")]), CATALOG).judgements}
    assert money == {"CSTDCS": 2_340_000, "GK": 710_000}


def test_refused_proposals_earn_nothing_and_do_not_travel():
    round_ = make_round([(person(rating="HTXSNV", initiatives=2), "BKUBND"), (POM, "LDTT")])
    assessment = assess(round_, CATALOG)
    assert [j.proposal.award.code for j in assessment.refused] == ["BKUBND"]
    assert assessment.refused[0].money == 0
    assert assessment.submitted == () and len(assessment.decided) == 1


def test_quota_over_the_plan_asks_for_review():
    people = [person(f"Người {c}", kind="phong-trao", achievements="x", row=i)
              for i, c in enumerate("ABC", start=4)]
    quota = Quota(5, CATALOG.award("BKUBND"), None, 2, "Kế hoạch phong trào, mục IV.2")
    assessment = assess(make_round([(p, "BKUBND") for p in people], quotas=(quota,)), CATALOG)
    assert {j.verdict for j in assessment.judgements} == {Verdict.REVIEW}
    over = assessment.judgements[0].reasons[-1]
    assert (over.passed, over.verified) == (False, False)
    assert type(over.passed) is type(over.verified) is bool  # as the JSON writes them
    assert assessment.judgements[0].reasons[-1].text == (
        "Cần số cá nhân đề nghị Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh trong chỉ tiêu 02; "
        "có 03 cá nhân được đề nghị, vượt chỉ tiêu 02, Hội đồng cần chọn lại (Kế hoạch phong "
        "trào, mục IV.2).")


def test_quota_of_collectives_read_from_the_workbook(make_workbook):
    """Sheet Chỉ tiêu caps Tập thể lao động tiên tiến at one; both collectives are proposed."""
    data = round_data()
    data["tables"]["quotas"] = [{"award": "Tập thể lao động tiên tiến", "collectives": 1,
                                 "source": "Kế hoạch số 45/KH-UBND"}]
    assessment = check([make_workbook(data)]).rounds[0].assessment
    flagged = {j.proposal.subject.name: (j.verdict, j.reasons[-1].text)
               for j in assessment.judgements if j.proposal.award.code == "TTLDTT"}
    over = ("Cần số tập thể đề nghị Tập thể lao động tiên tiến trong chỉ tiêu 01; có 02 tập thể "
            "được đề nghị, vượt chỉ tiêu 01, Hội đồng cần chọn lại (Kế hoạch số 45/KH-UBND).")
    assert flagged == {"Phòng Kinh tế": (Verdict.REVIEW, over),
                       "Trung tâm Thông tin": (Verdict.REVIEW, over)}


def test_initiative_spent_on_a_title_leaves_the_bang_khen_for_review():
    """With the data switch that binds "02 sáng kiến" to both cases of Điều 74.1.d, the sáng
    kiến that made someone CSTĐCS in 2024 and 2025 would carry the Bằng khen too; Công văn
    5007/BNV-TĐKT/2023 says a sáng kiến serves one award only. That is guidance, not the Law's
    text: the proposal is "cần kiểm tra", never refused on it."""
    regime = CATALOG.regime_for(ND98)
    bk = list(regime.criteria["BKUBND"])
    group = bk[1]
    titles = dataclasses.replace(group.alternatives[1],
                                 params={**group.alternatives[1].params, "initiatives": 2})
    bk[1] = dataclasses.replace(group, alternatives=(titles,))
    switched = dataclasses.replace(regime, criteria={**regime.criteria, "BKUBND": tuple(bk)})
    worker = person(rating="HTTNV", initiatives=1)
    round_ = dataclasses.replace(make_round([(worker, "CSTDCS"), (worker, "BKUBND")], day=ND98),
                                 regime=switched)
    history = {worker: {2024: facts("HTTNV", ["CSTDCS"], initiatives=1, spent=1)}}
    judgement, assessment = judged(round_, history, worker, "BKUBND")
    assert judgement.verdict is Verdict.REVIEW
    assert judgement.reasons[0].text == (
        "Cần 02 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá 01 "
        "năm, trong thời gian đó có 02 sáng kiến; đạt Chiến sĩ thi đua cơ sở năm 2024, 2025; có "
        "02 sáng kiến trong thời gian đó, 02 đã dùng cho danh hiệu thi đua; theo Công văn "
        "5007/BNV-TĐKT/2023, mỗi sáng kiến chỉ được tính cho một khen thưởng; Hội đồng xem xét "
        "(Luật Thi đua, khen thưởng 2022, Điều 74.1.d).")
    assert assessment.spent == {worker: 1}
    extra = {worker: {2024: facts("HTTNV", ["CSTDCS"], initiatives=3, spent=1)}}
    assert judged(round_, extra, worker, "BKUBND")[0].verdict is Verdict.ELIGIBLE
    fewer = {worker: {2024: facts("HTTNV", ["CSTDCS"], initiatives=0)}}
    assert judged(round_, fewer, worker, "BKUBND")[0].verdict is Verdict.INELIGIBLE


def test_advice_names_the_highest_countable_tier():
    worker = person(rating="HTXSNV", initiatives=2)
    assessment = assess(make_round([(worker, "LDTT")]), CATALOG)
    advice = [a.code for a in assessment.advice[worker]]
    assert advice == ["CSTDCS"]  # no hình thức: Giấy khen rests on a claimed achievement
    seasoned = person(rating="HTXSNV", initiatives=1)
    round_ = make_round([(seasoned, "LDTT")])
    history = {seasoned: {2024: facts("HTXSNV", initiatives=1)}}
    assert [a.code for a in assess(round_, CATALOG, history).advice[seasoned]] == \
        ["BKUBND", "CSTDCS"]


def test_criterion_names_its_unknown_rule():
    from pipeline.errors import KhenthuongError

    regime = CATALOG.regime_for(ND152)
    broken = dataclasses.replace(regime, criteria={
        **regime.criteria, "LDTT": (Criterion("khong_co", {}, "x"),)})
    round_ = dataclasses.replace(make_round([(POM, "LDTT")]), regime=broken)
    with pytest.raises(KhenthuongError, match="“khong_co”"):
        assess(round_, CATALOG)


# --- an unread criterion never makes a verdict "đủ điều kiện" ------------------------------------

def _leaves(criteria: tuple[Criterion, ...], path: tuple[int, ...] = ()):
    """The path of every single criterion, alternatives included."""
    for index, criterion in enumerate(criteria):
        if criterion.alternatives:
            yield from _leaves(criterion.alternatives, (*path, index))
        else:
            yield (*path, index)


def _only(criteria: tuple[Criterion, ...], path: tuple[int, ...], **change) -> tuple:
    """The criteria with the one at `path` changed, its group reduced to it alone."""
    index, rest = path[0], path[1:]
    if not rest:
        return (*criteria[:index], dataclasses.replace(criteria[index], **change),
                *criteria[index + 1:])
    group = criteria[index]
    inner = _only(group.alternatives, rest, **change)
    return (*criteria[:index], dataclasses.replace(group, alternatives=(inner[rest[0]],)),
            *criteria[index + 1:])


def _subject_for(code: str, path: tuple[int, ...], criteria):
    leaf = criteria[path[0]]
    for step in path[1:]:
        leaf = leaf.alternatives[step]
    kinds = leaf.subjects or CATALOG.award(code).subjects
    return collective() if "tap_the" in kinds and "ca_nhan" not in kinds else person()


LEAVES = [pytest.param(regime, code, path, id=f"{regime.effective_from}-{code}-{path}")
          for regime in CATALOG.regimes for code, criteria in regime.criteria.items()
          for path in _leaves(criteria)]


@pytest.fixture
def everything_holds(monkeypatch):
    """Every predicate holds for everyone: only what is read or not decides the verdict."""
    import pipeline.rules as rules

    monkeypatch.setattr(rules, "PREDICATES", {name: lambda *a, **k: (True, "đạt")
                                              for name in rules.PREDICATES})


def _inside(regime) -> date:
    """A day the rule file and a base salary both cover."""
    return max(regime.effective_from, CATALOG.salaries[0].effective_from)


def _settled_votes(regime):
    return {code: dataclasses.replace(rule, verified=True) for code, rule in regime.votes.items()}


@pytest.mark.parametrize(("regime", "code", "path"), LEAVES)
def test_an_unread_criterion_never_makes_du(everything_holds, regime, code, path):
    criteria = _only(regime.criteria[code], path, verified=False)
    unread = dataclasses.replace(regime, criteria={**regime.criteria, code: criteria},
                                 votes=_settled_votes(regime))
    subject = _subject_for(code, path, regime.criteria[code])
    round_ = dataclasses.replace(make_round([(subject, code)], day=_inside(regime)),
                                 regime=unread)
    judgement = assess(round_, CATALOG).judgements[0]
    assert judgement.verdict is Verdict.REVIEW, [str(r) for r in judgement.reasons]
    assert any("; điều kiện này chưa được đối chiếu với văn bản gốc (" in r.text
               for r in judgement.reasons)


def _read(criterion: Criterion) -> Criterion:
    return dataclasses.replace(criterion, verified=True,
                               alternatives=tuple(map(_read, criterion.alternatives)))


@pytest.mark.parametrize(("regime", "code", "path"), LEAVES)
def test_the_same_criterion_read_can_make_du(everything_holds, regime, code, path):
    """The counterpart: read, the same criterion lets the verdict be "đủ điều kiện"."""
    criteria = _only(regime.criteria[code], path, verified=True)
    read = dataclasses.replace(
        regime, votes=_settled_votes(regime),
        criteria={**regime.criteria, code: tuple(map(_read, criteria))})
    subject = _subject_for(code, path, regime.criteria[code])
    round_ = dataclasses.replace(make_round([(subject, code)], day=_inside(regime)),
                                 regime=read)
    assert assess(round_, CATALOG).judgements[0].verdict is Verdict.ELIGIBLE


# --- the advice: the highest tier whose countable criteria hold ----------------------------------

def _advice(subject, proposals, history=None, *, people=(), regime=None, day=ND152) -> list[str]:
    round_ = make_round(proposals, people=people, day=day)
    if regime is not None:
        round_ = dataclasses.replace(round_, regime=regime)
    return [a.code for a in assess(round_, CATALOG, history or {}).advice[subject]]


def test_advice_of_a_proposed_award_follows_its_verdict():
    """A proposal already judged gives the advice its verdict: refused, it is not advised;
    eligible by what can be counted, it is."""
    weak = person(rating="HTNV")
    assert _advice(weak, [(weak, "LDTT")]) == []
    worker = person(rating="HTXSNV", initiatives=2)
    assert _advice(worker, [(worker, "CSTDCS")], day=ND98) == ["CSTDCS"]
    seasoned = person(rating="HTXSNV", initiatives=1)
    history = {seasoned: {2024: facts("HTXSNV", initiatives=1)}}
    assert _advice(seasoned, [(seasoned, "BKUBND")], history) == ["BKUBND", "CSTDCS"]


def test_advice_counts_beside_a_claim():
    """Điều 74.1.d holds by count (02 năm hoàn thành xuất sắc, 02 sáng kiến) for someone whose
    unit also claims a phong trào achievement: the Bằng khen is advised whether or not it is the
    award proposed, though the proposal's own verdict rests on the claim (case a)."""
    worker = person(rating="HTXSNV", initiatives=1, kind="phong-trao", achievements="Dẫn đầu.")
    history = {worker: {2024: facts("HTXSNV", initiatives=1)}}
    assert _advice(worker, [(worker, "LDTT")], history) == ["BKUBND", "CSTDCS"]
    assert _advice(worker, [(worker, "BKUBND")], history) == ["BKUBND", "CSTDCS"]
    claimant = person(kind="phong-trao", achievements="Dẫn đầu.")
    assert _advice(claimant, [(claimant, "LDTT")]) == ["LDTT"]  # a claim alone is no count
    assert _advice(claimant, [(claimant, "BKUBND")]) == ["LDTT"]


def test_advice_needs_the_clause_read():
    """Huân chương Lao động hạng Ba (Điều 44 not read): its count holding is no advice; the
    Bằng khen is (Điều 74.1.d: Chiến sĩ thi đua cơ sở 2023 and 2024)."""
    worker = person(rating="HTXSNV")
    history = {worker: {y: facts("HTXSNV", ["CSTDCS"] if y > 2021 else [])
                        for y in range(2021, 2025)}
               | {2020: facts("HTXSNV", awards=[("BKTTG", "cong-trang")])}}
    assert _advice(worker, [(worker, "LDTT")], history) == ["BKUBND", "CSTDCS"]


def test_advice_reads_the_cases_of_its_subject():
    """Điều 74.2: a collective with 02 years hoàn thành xuất sắc is advised the Bằng khen, one
    with a year below it is not; Điều 74.1.d: a person needs the 02 sáng kiến besides."""
    unit = collective()
    proposals = [(unit, "GK")]
    assert _advice(unit, proposals, {unit: {2024: facts("HTXSNV")}}) == ["BKUBND"]
    assert _advice(unit, proposals, {unit: {2024: facts("HTTNV")}}) == []
    worker = person(rating="HTXSNV")
    assert _advice(worker, [(worker, "LDTT")], {worker: {2024: facts("HTXSNV")}}) == ["CSTDCS"]


def test_advice_waits_for_a_title_not_yet_decided():
    """02 lần Chiến sĩ thi đua cơ sở, that of 2024 only proposed: not advised yet."""
    worker = person(initiatives=1)
    history = {worker: {2024: YearFacts(term("rating", "HTTNV"), 0, 0,
                                        {CATALOG.award("CSTDCS"): None}, [])}}
    assert _advice(worker, [(worker, "CSTDCS")], history, day=ND98) == ["CSTDCS"]
    decided = {worker: {2024: facts("HTTNV", ["CSTDCS"])}}
    assert _advice(worker, [(worker, "CSTDCS")], decided, day=ND98) == ["BKUBND", "CSTDCS"]


def test_advice_skips_a_group_none_of_whose_cases_applies():
    """A group of cases all about people does not apply to a collective: its advice rests on
    the other criteria, as its verdict does."""
    regime = CATALOG.regime_for(ND152)
    people_only = Criterion("", {}, "x", alternatives=(
        Criterion("initiatives_at_least", {"count": 1}, "x"),
        Criterion("projects_at_least", {"count": 1}, "x")))
    changed = dataclasses.replace(regime, criteria={
        **regime.criteria, "TTLDTT": (*regime.criteria["TTLDTT"], people_only)})
    unit = collective(rating="HTTNV", achievements="x")
    assert _advice(unit, [(unit, "GK")], people=team(["HTTNV"] * 3), regime=changed) == \
        ["TTLDTT"]
    round_ = dataclasses.replace(make_round([(unit, "TTLDTT")], people=team(["HTTNV"] * 3)),
                                 regime=changed)
    judgement = judged(round_)[0]
    assert judgement.verdict is Verdict.ELIGIBLE
    assert len(judgement.reasons) == 4  # three criteria and the vote: the group says nothing


# --- money of some proposals; sáng kiến of years; streaks with conditions ------------------------

def test_money_of_some_granted_proposals():
    """Lao động tiên tiến 0,3 × 2.340.000 = 702.000 → 710.000; CSTĐCS 1,0 × 2.340.000."""
    excellent = person("Người Xuất Sắc", rating="HTXSNV", row=5)
    assessment = assess(make_round([(POM, "LDTT"), (excellent, "CSTDCS")], day=ND98), CATALOG)
    ldtt = next(p for p in assessment.proposals if p.award.code == "LDTT")
    assert assessment.money() == 3_050_000
    assert assessment.money((ldtt,)) == 710_000
    assert assessment.money(()) == 0


def with_criterion(round_, code: str, index: int, criterion: Criterion):
    """The round under its regime with one criterion of an award replaced."""
    regime = round_.regime
    criteria = list(regime.criteria[code])
    criteria[index] = criterion
    return dataclasses.replace(round_, regime=dataclasses.replace(
        regime, criteria={**regime.criteria, code: tuple(criteria)}))


def test_a_collective_has_no_sang_kien_of_its_own():
    """A rule asking a collective for sáng kiến in its streak: the workbook records none."""
    unit = collective()
    round_ = with_criterion(make_round([(unit, "BKUBND")]), "BKUBND", 1, Criterion(
        "consecutive_ratings", {"rating": "HTXSNV", "years": 2, "initiatives": 1}, "x"))
    judgement, _ = judged(round_, {unit: {2024: facts("HTXSNV")}})
    assert judgement.verdict is Verdict.INELIGIBLE
    assert judgement.reasons[0].found == ("năm 2024, 2025 hoàn thành xuất sắc nhiệm vụ; không "
                                          "có sáng kiến nào trong thời gian đó")


def test_a_year_lich_su_does_not_record_has_no_sang_kien():
    """Two CSTĐCS two years apart (a rule allowing it) with 02 sáng kiến in that time: 2024,
    not in Lịch sử, adds none, so 01 is too few."""
    worker = person(rating="HTXSNV", initiatives=1)
    round_ = with_criterion(make_round([(worker, "CSTDCS"), (worker, "BKUBND")], day=ND98),
                            "BKUBND", 1, Criterion("consecutive_times", {
                                "award": "CSTDCS", "times": 2, "within": 2, "initiatives": 2},
                                "x"))
    judgement, _ = judged(round_, {worker: {2023: facts("HTXSNV", ["CSTDCS"])}}, worker,
                          "BKUBND")
    assert judgement.verdict is Verdict.INELIGIBLE
    assert judgement.reasons[0].found == ("đạt Chiến sĩ thi đua cơ sở năm 2023, 2025; chỉ có 01 "
                                          "sáng kiến trong thời gian đó")
    enough = {worker: {2023: facts("HTXSNV", ["CSTDCS"], initiatives=1)}}
    judgement, assessment = judged(round_, enough, worker, "BKUBND")
    assert judgement.verdict is Verdict.ELIGIBLE  # 2024 spent none either
    assert judgement.reasons[0].found == ("đạt Chiến sĩ thi đua cơ sở năm 2023, 2025; có 02 sáng "
                                          "kiến trong thời gian đó")


def test_consecutive_titles_with_sang_kien_and_a_title_to_check():
    """02 năm liên tục đạt CSTĐCS, in that time 02 sáng kiến: one short refuses; this year's
    CSTĐCS "cần kiểm tra" (its vote unread under NĐ 152) leaves the streak unsettled."""
    worker = person(rating="HTXSNV", initiatives=1)
    rule = Criterion("consecutive_titles", {"award": "CSTDCS", "years": 2, "initiatives": 2},
                     "x")
    short = with_criterion(make_round([(worker, "CSTDCS"), (worker, "BKUBND")], day=ND98),
                           "BKUBND", 1, rule)
    history = {worker: {2024: facts("HTXSNV", ["CSTDCS"])}}
    judgement, _ = judged(short, history, worker, "BKUBND")
    assert (judgement.verdict, judgement.reasons[0].found) == (
        Verdict.INELIGIBLE, "đạt Chiến sĩ thi đua cơ sở năm 2024, 2025; chỉ có 01 sáng kiến "
                            "trong thời gian đó")
    enough = {worker: {2024: facts("HTXSNV", ["CSTDCS"], initiatives=1)}}
    pending = with_criterion(make_round([(worker, "CSTDCS"), (worker, "BKUBND")]), "BKUBND", 1,
                             rule)
    judgement, _ = judged(pending, enough, worker, "BKUBND")
    reason = judgement.reasons[0]
    assert (judgement.verdict, reason.passed, reason.verified, reason.found) == (
        Verdict.REVIEW, True, False,
        "đạt Chiến sĩ thi đua cơ sở năm 2024, 2025; có 02 sáng kiến trong thời gian đó; Chiến sĩ "
        "thi đua cơ sở năm 2025 đề nghị trong đợt này còn cần kiểm tra, chưa có kết luận của "
        "Hội đồng")


def test_members_share_strictly_above():
    """A rule asking more than half the members ("trên 50%"): 02 of 04 is not enough, 03 is."""
    unit = collective(rating="HTTNV")
    rule = Criterion("members_share", {"award": "LDTT", "share": 0.5, "strict": True}, "x")
    for ratings, passed in ((["HTTNV", "HTTNV", "HTNV", "HTNV"], False),
                            (["HTTNV", "HTTNV", "HTTNV", "HTNV"], True)):
        round_ = with_criterion(make_round([(unit, "TTLDTT")], people=team(ratings)), "TTLDTT", 1,
                                rule)
        assert judged(round_)[0].reasons[1].passed is passed, ratings


def _bkttg(cstdcs: dict[int, Decision | None], *, day=ND152):
    """Bằng khen tỉnh 2020 (công trạng), hoàn thành tốt nhiệm vụ 2020-2025, and Chiến sĩ thi đua
    cơ sở in the years given, each with its decision or None (proposed, not decided)."""
    worker = person()
    history = {worker: {y: YearFacts(term("rating", "HTTNV"), 0, 0,
                                     {CATALOG.award("CSTDCS"): cstdcs[y]} if y in cstdcs else {},
                                     [(CATALOG.award("BKUBND"), "cong-trang", DECIDED)]
                                     if y == 2020 else [])
                        for y in range(2020, 2025)}}
    return judged(make_round([(worker, "BKTTG")], day=day), history)[0].reasons[0]


def test_after_award_with_a_chien_si_not_decided():
    """Điều 73.1.b, 03 lần CSTĐCS in the five years: one of the three only proposed leaves it
    unsettled; four of which three are decided settle it."""
    reason = _bkttg({2022: DECIDED, 2023: None, 2024: DECIDED})
    assert (reason.passed, reason.verified) == (True, False)
    assert reason.found == (
        "được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020; có 06 năm liên tục hoàn "
        "thành tốt nhiệm vụ trở lên đến năm 2025, trong đó 03 lần đạt Chiến sĩ thi đua cơ sở; "
        "Chiến sĩ thi đua cơ sở năm 2023 mới là đề nghị, chưa có quyết định")
    reason = _bkttg({2021: DECIDED, 2022: DECIDED, 2023: None, 2024: DECIDED})
    assert (reason.passed, reason.verified) == (True, True)
    reason = _bkttg({2022: None, 2023: None, 2024: None})
    assert (reason.passed, reason.verified) == (True, False)


def test_after_award_of_the_law_of_2003_asks_no_title():
    """Nghị định 91/2017, Điều 38.1.c: Bằng khen tỉnh, then 05 years hoàn thành xuất sắc."""
    worker = person(rating="HTXSNV")
    history = {worker: {y: facts("HTXSNV") for y in range(2019, 2023)}
               | {2018: facts("HTXSNV", awards=[("BKUBND", "cong-trang")])}}
    round_ = make_round([(worker, "BKTTG")], day=date(2023, 12, 5))
    reason = judged(round_, history)[0].reasons[0]
    assert (reason.passed, reason.found) == (
        True, "được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2018; từ đó có 05 năm "
              "liên tục hoàn thành xuất sắc nhiệm vụ trở lên đến năm 2023; điều kiện này chưa "
              "được đối chiếu với văn bản gốc")


def test_sang_kien_of_a_refused_title_are_not_spent():
    """Refused Chiến sĩ thi đua cơ sở (not Lao động tiên tiến): its sáng kiến stay free."""
    worker = person(rating="HTNV", initiatives=1)
    assert assess(make_round([(worker, "CSTDCS")]), CATALOG).spent == {}
    granted = person(initiatives=1)
    assert assess(make_round([(granted, "CSTDCS")]), CATALOG).spent == {granted: 1}


def test_sang_kien_of_the_last_times_of_a_title():
    """03 lần liên tục CSTĐCS (2021-2023), in that time 02 sáng kiến (a rule asking it): only the
    sáng kiến of 2021 to 2023 count, not those of the years before or after."""
    worker = person(rating="HTXSNV")
    rule = Criterion("consecutive_times", {"award": "CSTDCS", "times": 3, "within": 1,
                                           "initiatives": 2}, "x")
    round_ = with_criterion(make_round([(worker, "BKUBND")], day=ND98), "BKUBND", 1, rule)

    def found(initiatives: dict[int, int]) -> tuple:
        history = {worker: {y: facts("HTXSNV", ["CSTDCS"] if y in (2021, 2022, 2023) else [],
                                     initiatives=initiatives.get(y, 0))
                            for y in range(2020, 2025)}}
        judgement, _ = judged(round_, history)
        return judgement.verdict, judgement.reasons[0].found

    assert found({2023: 2}) == (Verdict.ELIGIBLE, "đạt Chiến sĩ thi đua cơ sở năm 2021, 2022, "
                                                  "2023; có 02 sáng kiến trong thời gian đó")
    assert found({2020: 1, 2023: 1, 2024: 1}) == (
        Verdict.INELIGIBLE, "đạt Chiến sĩ thi đua cơ sở năm 2021, 2022, 2023; chỉ có 01 sáng "
                            "kiến trong thời gian đó")


def test_quota_reached_is_not_exceeded():
    people = [person(f"Người {c}", kind="phong-trao", achievements="x", row=i)
              for i, c in enumerate("AB", start=4)]
    quota = Quota(5, CATALOG.award("BKUBND"), None, 2, "Kế hoạch phong trào, mục IV.2")
    assessment = assess(make_round([(p, "BKUBND") for p in people], quotas=(quota,)), CATALOG)
    assert [j.verdict for j in assessment.judgements] == [Verdict.ELIGIBLE] * 2


def test_money_of_a_collective_and_of_an_award_without_coefficient():
    """Giấy khen: 0,6 for a collective (1.404.000 → 1.410.000); an award the rule file gives
    no coefficient, or none for this kind of subject, earns nothing."""
    unit = collective(achievements="Tham mưu tốt.")
    round_ = make_round([(unit, "GK")])
    assert judged(round_)[0].money == 1_410_000
    regime = round_.regime
    for coefficients in ({k: v for k, v in regime.coefficients.items() if k != "GK"},
                         {**regime.coefficients, "GK": dataclasses.replace(
                             regime.coefficients["GK"], collective=None)}):
        bare = dataclasses.replace(round_, regime=dataclasses.replace(
            regime, coefficients=coefficients))
        judgement = judged(bare)[0]
        assert (judgement.accepted, judgement.money) == (True, 0)


def test_the_title_paid_is_the_one_of_the_largest_coefficient():
    """Nghị định 98/2023: one danh hiệu of a subject paid in a round, the others noted. With a
    rule file whose coefficients do not follow the titles' order, the largest is still the
    one paid; two of one coefficient: only the first in the list."""
    regime = CATALOG.regime_for(ND98)

    def paid(coefficients: dict[str, float]) -> dict[str, tuple[float, int, tuple]]:
        changed = dataclasses.replace(regime, coefficients={
            **regime.coefficients, **{code: dataclasses.replace(regime.coefficients[code],
                                                                individual=value)
                                      for code, value in coefficients.items()}})
        round_ = dataclasses.replace(
            make_round([(_TINH, "LDTT"), (_TINH, "CSTDCS"), (_TINH, "CSTDT")], day=ND98),
            regime=changed)
        return {j.proposal.award.code: (j.coefficient, j.money, tuple(r.passed for r in j.reasons))
                for j in assess(round_, CATALOG, _CSTDCS_2Y).judgements}

    # passed of each reason: the criteria (CSTĐ tỉnh 2, CSTĐCS 2, LĐTT 1), the vote, the note
    assert paid({"CSTDT": 3.0, "CSTDCS": 4.0}) == {
        "CSTDT": (0.0, 0, (True, True, True, True)), "CSTDCS": (4.0, 9_360_000, (True,) * 3),
        "LDTT": (0.0, 0, (True,) * 3)}
    assert paid({"CSTDT": 1.0, "CSTDCS": 1.0, "LDTT": 1.0}) == {
        "CSTDT": (1.0, 2_340_000, (True,) * 3), "CSTDCS": (0.0, 0, (True,) * 4),
        "LDTT": (0.0, 0, (True,) * 3)}


def test_list_order_collectives_first_in_the_workbook_order():
    """Collectives before people, each in the order of sheet Tập thể, whatever the order of
    the proposals."""
    first, second = collective("Phòng Kinh tế"), collective("Trung tâm Thông tin")
    worker = person(achievements="x")
    round_ = make_round([(worker, "GK"), (second, "GK"), (first, "GK")],
                        collectives=[first, second])
    assert [j.proposal.subject.name for j in assess(round_, CATALOG).judgements] == [
        "Phòng Kinh tế", "Trung tâm Thông tin", "Lò Văn Pọm"]


def test_an_award_without_criteria_is_named():
    from pipeline.errors import KhenthuongError

    regime = CATALOG.regime_for(ND152)
    criteria = {code: items for code, items in regime.criteria.items() if code != "GK"}
    round_ = dataclasses.replace(make_round([(person(achievements="x"), "GK")]),
                                 regime=dataclasses.replace(regime, criteria=criteria))
    with pytest.raises(KhenthuongError) as caught:
        assess(round_, CATALOG)
    assert str(caught.value) == (
        "Quy định “Luật Thi đua, khen thưởng 2022 và Nghị định số 152/2025/NĐ-CP” chưa có tiêu "
        "chuẩn cho “Giấy khen của Chánh Văn phòng” (forms/rules).")


def test_a_judgement_keeps_its_ballot():
    judgement, _ = judged(make_round([(person(votes=5), "LDTT")], council=Council(9, 7)))
    assert (judgement.ballot.votes, judgement.ballot.base) == (5, 7)  # of those present
    assert isinstance(judgement.ballot, Ballot) and judgement.ballot.passed


def test_list_order_people_by_the_order_of_their_units():
    """People follow their units in the order of sheet Tập thể (not the alphabet); someone of a
    unit the sheet does not list comes after them."""
    units = [collective("Trung tâm Thông tin"), collective("Phòng Kinh tế")]
    people = [person("Nguyễn Văn An", unit="Phòng Kinh tế", row=4),
              person("Lê Văn Bình", unit="Trung tâm Thông tin", row=5),
              person("Hà Văn Cường", unit="Ban Quản lý dự án", row=6)]
    round_ = make_round([(p, "LDTT") for p in people], collectives=units)
    assert [j.proposal.subject.name for j in assess(round_, CATALOG).judgements] == [
        "Lê Văn Bình", "Nguyễn Văn An", "Hà Văn Cường"]
