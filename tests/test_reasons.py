"""Every reason is one sentence a clerk reads: what the rule needs, what this subject has, the
clause. Each expected sentence is written by hand from the clause quoted in forms/rules/*.toml
and the data of the case; the terminal groups the same sentence of many proposals."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from click.testing import CliRunner
from conftest import round_data
from test_rules import (
    CATALOG,
    ND98,
    ND152,
    POM,
    collective,
    facts,
    judged,
    make_round,
    person,
    team,
    term,
    with_criterion,
)

from pipeline.catalog import DEFAULT_FORMS
from pipeline.cli import TO_CHECK, main
from pipeline.history import YearFacts
from pipeline.model import Council, Criterion, Quota
from pipeline.rules import Verdict, assess
from pipeline.wording import reasons_text

LAW = "Luật Thi đua, khen thưởng 2022"
ND152_DISCIPLINE = "Nghị định 152/2025/NĐ-CP, Điều 4.4"
ND98_DISCIPLINE = ("Nghị định 98/2023/NĐ-CP, nguyên tắc khen thưởng: không khen thưởng khi đang "
                   "bị kỷ luật")
MAJORITY = ("Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng, biểu quyết theo đa số thành "
            "viên dự họp")
UNREAD = "điều kiện này chưa được đối chiếu với văn bản gốc"
PENDING_2025 = ("Chiến sĩ thi đua cơ sở năm 2025 đề nghị trong đợt này còn cần kiểm tra, chưa "
                "có kết luận của Hội đồng")
CLAIMED_BK = ("thành tích phong trào hoặc đột xuất do đơn vị bình xét, ghi ở cột Loại khen "
              "thưởng và Thành tích")
TWO_CSTDCS = ("02 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá 01 "
              "năm")
TWO_HTXS = ("02 năm liên tục đến năm 2025 hoàn thành xuất sắc nhiệm vụ trở lên, trong thời gian "
            "đó có 02 sáng kiến")
AFTER_BK = ("đã được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh về công trạng và có liên "
            "tục từ 05 năm trở lên đến năm 2025 hoàn thành tốt nhiệm vụ trở lên, trong thời gian "
            "đó có 03 lần đạt Chiến sĩ thi đua cơ sở")


def texts(proposals, *, history=None, subject=None, code=None, **kw) -> list[str]:
    judgement, _ = judged(make_round(proposals, **kw), history, subject, code)
    return [r.text for r in judgement.reasons]


def pending(rating: str, *, titles=(), awards=()) -> YearFacts:
    """A year whose titles and awards were proposed and are not decided yet."""
    return YearFacts(term("rating", rating), 0, 0, {CATALOG.award(c): None for c in titles},
                     [(CATALOG.award(c), kind, None) for c, kind in awards])


# --- rating_at_least ------------------------------------------------------------------------------

def test_rating_below_the_bar():
    assert texts([(person(rating="HTNV"), "LDTT")])[0] == (
        "Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025; năm 2025 chỉ hoàn thành nhiệm vụ "
        f"({LAW}, Điều 24.1.a).")


def test_rating_not_done_is_not_only():
    assert texts([(person(rating="KHTNV"), "LDTT")])[0] == (
        "Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025; năm 2025 không hoàn thành nhiệm vụ "
        f"({LAW}, Điều 24.1.a).")


def test_rating_at_the_bar():
    assert texts([(POM, "LDTT")])[0] == (
        "Đạt yêu cầu hoàn thành tốt nhiệm vụ trở lên trong năm 2025: năm 2025 hoàn thành tốt "
        f"nhiệm vụ ({LAW}, Điều 24.1.a).")


def test_rating_unread_says_so_and_cites_without_nesting():
    assert texts([(person(achievements="Số hóa hồ sơ."), "GK")])[0] == (
        "Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025; năm 2025 hoàn thành tốt nhiệm vụ; "
        f"{UNREAD} ({LAW}, Điều 75.2, tiêu chuẩn do tỉnh quy định).")


# --- discipline_below -----------------------------------------------------------------------------

def test_discipline_bars():
    assert texts([(person(discipline="khien-trach"), "LDTT")])[1] == (
        "Cần không đang trong thời gian bị kỷ luật; đang bị kỷ luật khiển trách, thành tích chỉ "
        f"được tính từ khi chấp hành xong kỷ luật ({ND152_DISCIPLINE}).")


def test_discipline_unread_under_nd_98():
    assert texts([(person(discipline="khien-trach"), "LDTT")], day=ND98)[1] == (
        "Cần không đang trong thời gian bị kỷ luật; đang bị kỷ luật khiển trách, thành tích chỉ "
        f"được tính từ khi chấp hành xong kỷ luật; {UNREAD} ({ND98_DISCIPLINE}).")


def test_discipline_below_a_higher_bar():
    worker = person(discipline="khien-trach")
    round_ = with_criterion(make_round([(worker, "LDTT")]), "LDTT", 1, Criterion(
        "discipline_below", {"discipline": "canh-cao"}, ND152_DISCIPLINE))
    judgement = assess(round_, CATALOG).judgements[0]
    assert judgement.reasons[1].text == (
        "Đạt yêu cầu không đang trong thời gian bị kỷ luật từ mức cảnh cáo trở lên: đang bị kỷ "
        f"luật khiển trách ({ND152_DISCIPLINE}).")


# --- eligible_for ---------------------------------------------------------------------------------

def test_eligible_for_tells_what_the_other_title_lacks():
    assert texts([(person(rating="HTNV", initiatives=2), "CSTDCS")])[0] == (
        "Cần đạt tiêu chuẩn Lao động tiên tiến; chưa đạt: năm 2025 chỉ hoàn thành nhiệm vụ "
        f"({LAW}, Điều 23.1).")


def test_eligible_for_met():
    assert texts([(person(rating="HTXSNV"), "CSTDCS")])[0] == (
        f"Đạt yêu cầu đạt tiêu chuẩn Lao động tiên tiến: đủ mọi điều kiện ({LAW}, Điều 23.1).")


def test_eligible_for_unsettled():
    worker = person(rating="HTXSNV", discipline="khien-trach")
    assert texts([(worker, "CSTDCS")], day=ND98)[0] == (
        "Cần đạt tiêu chuẩn Lao động tiên tiến; tiêu chuẩn ấy còn cần kiểm tra: đang bị kỷ luật "
        f"khiển trách, thành tích chỉ được tính từ khi chấp hành xong kỷ luật; {UNREAD} ({LAW}, "
        "Điều 23.1).")


# --- initiatives_at_least, projects_at_least: the cases of Điều 23.2 ------------------------------

def test_none_of_the_cases_reads_as_lettered_alternatives():
    assert texts([(POM, "CSTDCS")])[1] == "\n".join([
        f"Không đạt trường hợp nào ({LAW}, Điều 23.2):",
        "a) Cần hoàn thành xuất sắc nhiệm vụ trở lên trong năm 2025; năm 2025 chỉ hoàn thành tốt "
        f"nhiệm vụ ({LAW}, Điều 23.2).",
        "b) Cần có từ 01 sáng kiến được công nhận trong năm 2025; không có sáng kiến nào "
        f"({LAW}, Điều 23.2).",
        "c) Cần có từ 01 đề tài, đề án khoa học được nghiệm thu trong năm 2025; không có đề tài, "
        f"đề án khoa học nào ({LAW}, Điều 23.2)."])


def test_one_initiative():
    assert texts([(person(initiatives=1), "CSTDCS")])[1] == (
        "Đạt yêu cầu có từ 01 sáng kiến được công nhận trong năm 2025: có 01 sáng kiến "
        f"({LAW}, Điều 23.2).")


def test_one_project():
    worker = dataclasses.replace(POM, projects=1)
    assert texts([(worker, "CSTDCS")])[1] == (
        "Đạt yêu cầu có từ 01 đề tài, đề án khoa học được nghiệm thu trong năm 2025: có 01 đề "
        f"tài, đề án khoa học ({LAW}, Điều 23.2).")


def test_fewer_initiatives_than_asked():
    worker = person(initiatives=1)
    round_ = with_criterion(make_round([(worker, "CSTDCS")]), "CSTDCS", 1, Criterion(
        "initiatives_at_least", {"count": 2}, f"{LAW}, Điều 23.2"))
    assert assess(round_, CATALOG).judgements[0].reasons[1].text == (
        "Cần có từ 02 sáng kiến được công nhận trong năm 2025; chỉ có 01 sáng kiến "
        f"({LAW}, Điều 23.2).")


# --- initiative_scope_at_least --------------------------------------------------------------------

SCOPE = "Cần có sáng kiến, đề tài có phạm vi ảnh hưởng tỉnh trở lên; "


@pytest.mark.parametrize(("initiatives", "scope", "expected"), [
    (1, "co-so", SCOPE + f"sáng kiến chỉ có phạm vi ảnh hưởng cơ sở ({LAW}, Điều 22)."),
    (1, None, SCOPE + f"cột Phạm vi ảnh hưởng của sáng kiến để trống ({LAW}, Điều 22)."),
    (0, "tinh", SCOPE + f"không có sáng kiến nào được công nhận trong năm 2025 ({LAW}, Điều 22)."),
    (1, "tinh", "Đạt yêu cầu có sáng kiến, đề tài có phạm vi ảnh hưởng tỉnh trở lên: sáng kiến "
                f"có phạm vi ảnh hưởng tỉnh ({LAW}, Điều 22).")])
def test_initiative_scope(initiatives, scope, expected):
    worker = person(rating="HTXSNV", initiatives=initiatives, scope=scope)
    assert texts([(worker, "CSTDT")])[1] == expected


# --- consecutive_times ----------------------------------------------------------------------------

THREE_CSTDCS = ("03 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá "
                "01 năm")


def _cstdt(history_years, *, day=ND152, this_year=True):
    worker = person(rating="HTXSNV", initiatives=1, scope="tinh")
    history = {worker: {y: facts("HTXSNV", ["CSTDCS"]) for y in history_years}}
    proposals = [(worker, "CSTDCS")] * this_year + [(worker, "CSTDT")]
    return texts(proposals, history=history, subject=worker, code="CSTDT", day=day)[0]


def test_three_times_in_a_row():
    assert _cstdt([2023, 2024], day=ND98) == (
        f"Đạt yêu cầu {THREE_CSTDCS}: đạt Chiến sĩ thi đua cơ sở năm 2023, 2024, 2025 ({LAW}, "
        "Điều 22).")


def test_three_times_with_this_years_title_still_to_check():
    assert _cstdt([2023, 2024]) == (
        f"Cần {THREE_CSTDCS}; đạt Chiến sĩ thi đua cơ sở năm 2023, 2024, 2025; {PENDING_2025} "
        f"({LAW}, Điều 22).")


def test_too_few_times():
    assert _cstdt([2024], this_year=False) == (
        f"Cần {THREE_CSTDCS}; chỉ đạt Chiến sĩ thi đua cơ sở năm 2024 ({LAW}, Điều 22).")


def test_times_with_a_gap():
    assert _cstdt([2022, 2023]) == (
        f"Cần {THREE_CSTDCS}; đạt Chiến sĩ thi đua cơ sở năm 2022, 2023, 2025, các lần gần nhất "
        f"không liên tục ({LAW}, Điều 22).")


def test_never():
    assert _cstdt([], this_year=False) == (
        f"Cần {THREE_CSTDCS}; chưa lần nào đạt Chiến sĩ thi đua cơ sở ({LAW}, Điều 22).")


def test_a_title_proposed_earlier_and_not_decided():
    worker = person(rating="HTXSNV")
    history = {worker: {2024: pending("HTTNV", titles=["CSTDCS"])}}
    reasons = texts([(worker, "CSTDCS"), (worker, "BKUBND")], history=history, subject=worker,
                    code="BKUBND", day=ND98)
    assert reasons[0] == (
        f"Cần {TWO_CSTDCS}; đạt Chiến sĩ thi đua cơ sở năm 2024, 2025; Chiến sĩ thi đua cơ sở năm "
        f"2024 mới là đề nghị, chưa có quyết định ({LAW}, Điều 74.1.d).")


# --- consecutive_ratings --------------------------------------------------------------------------

def test_two_excellent_years_and_two_initiatives():
    worker = person(rating="HTXSNV", initiatives=1)
    history = {worker: {2024: facts("HTXSNV", initiatives=1)}}
    assert texts([(worker, "BKUBND")], history=history)[0] == (
        f"Đạt yêu cầu {TWO_HTXS}: năm 2024, 2025 hoàn thành xuất sắc nhiệm vụ; có 02 sáng kiến "
        f"trong thời gian đó ({LAW}, Điều 74.1.d).")


def test_a_year_below_and_a_year_not_recorded():
    worker = person(rating="HTXSNV", initiatives=2, kind="phong-trao")
    below = texts([(worker, "BKUBND")], history={worker: {2024: facts("HTTNV")}})[0]
    assert below.splitlines()[3] == (
        f"c) Cần {TWO_HTXS}; năm 2024 chỉ hoàn thành tốt nhiệm vụ ({LAW}, Điều 74.1.d).")
    missing = texts([(worker, "BKUBND")])[0]
    assert missing.splitlines()[3] == (
        f"c) Cần {TWO_HTXS}; năm 2024 chưa ghi mức hoàn thành nhiệm vụ ở sheet Lịch sử ({LAW}, "
        "Điều 74.1.d).")


def test_one_initiative_short():
    worker = person(rating="HTXSNV", initiatives=1)
    lines = texts([(worker, "BKUBND")], history={worker: {2024: facts("HTXSNV")}})[0]
    assert lines.splitlines()[3] == (
        f"c) Cần {TWO_HTXS}; năm 2024, 2025 hoàn thành xuất sắc nhiệm vụ; chỉ có 01 sáng kiến "
        f"trong thời gian đó ({LAW}, Điều 74.1.d).")


def test_a_collective_skips_the_letters_of_people():
    unit = collective()
    assert texts([(unit, "BKUBND")], history={unit: {2024: facts("HTTNV")}})[0] == "\n".join([
        f"Không đạt trường hợp nào ({LAW}, Điều 74):",
        f"a) Cần {CLAIMED_BK}; cột Loại khen thưởng ghi “Công trạng” ({LAW}, Điều 74.1.a-b, "
        "74.2).",
        "d) Cần 02 năm liên tục đến năm 2025 hoàn thành xuất sắc nhiệm vụ trở lên; năm 2024 chỉ "
        f"hoàn thành tốt nhiệm vụ ({LAW}, Điều 74.2)."])


def test_a_collective_with_two_excellent_years():
    unit = collective()
    assert texts([(unit, "BKUBND")], history={unit: {2024: facts("HTXSNV")}})[0] == (
        "Đạt yêu cầu 02 năm liên tục đến năm 2025 hoàn thành xuất sắc nhiệm vụ trở lên: năm "
        f"2024, 2025 hoàn thành xuất sắc nhiệm vụ ({LAW}, Điều 74.2).")


def test_initiatives_spent_on_a_title_leave_it_to_the_council():
    worker = person(rating="HTTNV", initiatives=1)
    round_ = make_round([(worker, "CSTDCS"), (worker, "BKUBND")], day=ND98)
    group = round_.regime.criteria["BKUBND"][1]
    titles = dataclasses.replace(group.alternatives[1],
                                 params={**group.alternatives[1].params, "initiatives": 2})
    round_ = with_criterion(round_, "BKUBND", 1, dataclasses.replace(group,
                                                                     alternatives=(titles,)))
    history = {worker: {2024: facts("HTTNV", ["CSTDCS"], initiatives=1, spent=1)}}
    judgement, _ = judged(round_, history, worker, "BKUBND")
    assert judgement.verdict is Verdict.REVIEW
    assert judgement.reasons[0].text == (
        f"Cần {TWO_CSTDCS}, trong thời gian đó có 02 sáng kiến; đạt Chiến sĩ thi đua cơ sở năm "
        "2024, 2025; có 02 sáng kiến trong thời gian đó, 02 đã dùng cho danh hiệu thi đua; theo "
        "Công văn 5007/BNV-TĐKT/2023, mỗi sáng kiến chỉ được tính cho một khen thưởng; Hội đồng "
        f"xem xét ({LAW}, Điều 74.1.d).")


# --- consecutive_titles (no rule file uses it yet) ------------------------------------------------

@pytest.mark.parametrize(("history", "found", "lead"), [
    ({2024: facts("HTXSNV", ["CSTDCS"])}, "đạt Chiến sĩ thi đua cơ sở năm 2024, 2025",
     "Đạt yêu cầu {}: "),
    ({}, "năm 2024 chưa đạt Chiến sĩ thi đua cơ sở", "Cần {}; ")])
def test_consecutive_titles(history, found, lead):
    worker = person(rating="HTXSNV")
    round_ = make_round([(worker, "CSTDCS"), (worker, "BKUBND")], day=ND98)
    round_ = with_criterion(round_, "BKUBND", 1, Criterion(
        "consecutive_titles", {"award": "CSTDCS", "years": 2}, f"{LAW}, Điều 74.1.d"))
    judgement, _ = judged(round_, {worker: history}, worker, "BKUBND")
    need = "02 năm liên tục đến năm 2025 đạt Chiến sĩ thi đua cơ sở"
    assert judgement.reasons[0].text == lead.format(need) + f"{found} ({LAW}, Điều 74.1.d)."


# --- claimed_achievement --------------------------------------------------------------------------

def test_claimed_achievement_of_the_wrong_kind_and_empty():
    worker = person(kind="dot-xuat")
    assert texts([(worker, "BKUBND")])[0].splitlines()[1] == (
        f"a) Cần {CLAIMED_BK}; cột Thành tích để trống ({LAW}, Điều 74.1.a-b, 74.2).")


def test_claimed_achievement_quotes_the_unit_on_one_line():
    worker = person(kind="phong-trao", achievements="Dẫn đầu phong trào\nchuyển đổi số.")
    assert texts([(worker, "BKUBND")])[0] == (
        f"Đạt yêu cầu {CLAIMED_BK}: đơn vị ghi thành tích phong trào: “Dẫn đầu phong trào chuyển "
        f"đổi số.” ({LAW}, Điều 74.1.a-b, 74.2).")


# --- members_share, members_rated_at_least, member_with, no_member_disciplined --------------------

SEVENTY = "từ 70% cá nhân của tập thể đạt Lao động tiên tiến"


def _unit_reasons(people, code="TTLDTT", *, unit=None, proposals=(), day=ND152):
    unit = unit or collective(rating="HTTNV")
    return texts([(unit, code), *proposals], people=people, subject=unit, code=code, day=day)


def test_members_share_short():
    assert _unit_reasons(team(["HTTNV", "HTTNV", "HTNV"]))[1] == (
        f"Cần {SEVENTY}; chỉ 02/03 cá nhân đủ tiêu chuẩn, bằng 66,7% ({LAW}, Điều 28).")


def test_members_share_met():
    assert _unit_reasons(team(["HTTNV", "HTTNV", "HTTNV", "HTNV"]))[1] == (
        f"Đạt yêu cầu {SEVENTY}: 03/04 cá nhân đủ tiêu chuẩn, bằng 75% ({LAW}, Điều 28).")


def test_members_share_with_no_member_listed():
    assert _unit_reasons([])[1] == (
        f"Cần {SEVENTY}; sheet Cá nhân không có cá nhân nào của tập thể này ({LAW}, Điều 28).")


def test_members_share_resting_on_members_to_check():
    people = team(["HTTNV", "HTTNV"]) + [person("Thành Viên C", discipline="khien-trach",
                                                row=20)]
    assert _unit_reasons(people, day=ND98)[1] == (
        f"Cần {SEVENTY}; 03/03 cá nhân đủ tiêu chuẩn, bằng 100%, trong đó 01 cá nhân còn cần "
        f"kiểm tra ({LAW}, Điều 28).")


def test_a_member_disciplined():
    people = team(["HTTNV"] * 3) + [person("Người Bị Kỷ Luật", discipline="canh-cao", row=20)]
    assert _unit_reasons(people)[2] == (
        "Cần không có cá nhân bị kỷ luật từ mức cảnh cáo trở lên; Người Bị Kỷ Luật bị kỷ luật "
        f"cảnh cáo ({LAW}, Điều 28).")
    assert _unit_reasons(team(["HTTNV"] * 3))[2] == (
        "Đạt yêu cầu không có cá nhân bị kỷ luật từ mức cảnh cáo trở lên: không có ai "
        f"({LAW}, Điều 28).")


XS_TEAM = team(["HTXSNV", "HTTNV", "HTTNV", "HTNV"])
WEAK_TEAM = team(["HTXSNV", "HTTNV", "HTTNV", "HTTNV", "KHTNV"])


def test_members_rated():
    assert _unit_reasons(WEAK_TEAM, "TTLDXS", unit=collective())[1] == (
        "Cần mọi cá nhân của tập thể hoàn thành nhiệm vụ trở lên; Thành Viên E không hoàn thành "
        f"nhiệm vụ ({LAW}, Điều 27.1.c).")
    assert _unit_reasons(XS_TEAM, "TTLDXS", unit=collective())[1] == (
        "Đạt yêu cầu mọi cá nhân của tập thể hoàn thành nhiệm vụ trở lên: cả 04 cá nhân đều đạt "
        f"({LAW}, Điều 27.1.c).")


def test_member_with_a_title():
    need = "có cá nhân đạt Chiến sĩ thi đua cơ sở"
    assert _unit_reasons(XS_TEAM, "TTLDXS", unit=collective())[3] == (
        f"Cần {need}; chưa có cá nhân nào đạt ({LAW}, Điều 27.1.d).")
    proposals = [(XS_TEAM[0], "CSTDCS")]
    assert _unit_reasons(XS_TEAM, "TTLDXS", unit=collective(), proposals=proposals)[3] == (
        f"Cần {need}; có Thành Viên A; {PENDING_2025} ({LAW}, Điều 27.1.d).")
    assert _unit_reasons(XS_TEAM, "TTLDXS", unit=collective(), proposals=proposals,
                         day=ND98)[3] == (
        f"Đạt yêu cầu {need}: có Thành Viên A ({LAW}, Điều 27.1.d).")


# --- after_award ----------------------------------------------------------------------------------

def _bkttg_history(worker, bk_year_facts):
    return {worker: {2020: bk_year_facts,
                     2021: facts("HTTNV"), 2022: facts("HTTNV", ["CSTDCS"]),
                     2023: facts("HTTNV", ["CSTDCS"]), 2024: facts("HTTNV", ["CSTDCS"])}}


def test_after_an_award_and_five_years():
    worker = person()
    history = _bkttg_history(worker, facts("HTTNV", awards=[("BKUBND", "cong-trang")]))
    assert texts([(worker, "BKTTG")], history=history)[0] == (
        f"Đạt yêu cầu {AFTER_BK}: được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020; "
        "có 06 năm liên tục hoàn thành tốt nhiệm vụ trở lên đến năm 2025, trong đó 03 lần đạt "
        f"Chiến sĩ thi đua cơ sở ({LAW}, Điều 73.1.b).")


def test_after_an_award_not_decided_yet():
    worker = person()
    history = _bkttg_history(worker, pending("HTTNV", awards=[("BKUBND", "cong-trang")]))
    assert texts([(worker, "BKTTG")], history=history)[0] == (
        f"Cần {AFTER_BK}; được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020; có 06 "
        "năm liên tục hoàn thành tốt nhiệm vụ trở lên đến năm 2025, trong đó 03 lần đạt Chiến sĩ "
        "thi đua cơ sở; Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020 mới là đề nghị, chưa "
        f"có quyết định ({LAW}, Điều 73.1.b).")


def test_without_the_earlier_award():
    lines = texts([(POM, "BKTTG")])[0].splitlines()
    assert lines == [
        f"Không đạt trường hợp nào ({LAW}, Điều 73.1):",
        f"a) Cần {CLAIMED_BK}; cột Loại khen thưởng ghi “Công trạng” ({LAW}, Điều 73.1.a, 73.1.c).",
        f"b) Cần {AFTER_BK}; chưa được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh về công "
        f"trạng ({LAW}, Điều 73.1.b)."]


def test_after_an_award_unread_with_excellent_years():
    worker = person(rating="HTXSNV")
    history = {worker: {y: facts("HTXSNV") for y in range(2021, 2025)}
               | {2020: facts("HTXSNV", awards=[("BKTTG", "cong-trang")])}}
    lines = texts([(worker, "HCLD3")], history=history)[0].splitlines()
    assert lines[2] == (
        "b) Cần đã được tặng Bằng khen của Thủ tướng Chính phủ về công trạng, sau đó có liên tục "
        "từ 05 năm trở lên đến năm 2025 hoàn thành tốt nhiệm vụ trở lên, trong thời gian đó có 03 "
        "lần đạt Chiến sĩ thi đua cơ sở và 01 năm hoàn thành xuất sắc nhiệm vụ; được tặng Bằng "
        "khen của Thủ tướng Chính phủ năm 2020; từ đó có 05 năm liên tục hoàn thành tốt nhiệm vụ "
        "trở lên đến năm 2025, trong đó 00 lần đạt Chiến sĩ thi đua cơ sở, 05 năm hoàn thành xuất "
        f"sắc nhiệm vụ; {UNREAD} ({LAW}, Điều 44).")


# --- the council's vote, the quota, the money -----------------------------------------------------

VOTE = "Cần số phiếu đồng ý trên 50% số thành viên dự họp Hội đồng; "


@pytest.mark.parametrize(("votes", "council", "expected"), [
    (None, Council(9, 9), VOTE + f"cột Số phiếu đồng ý để trống ({MAJORITY})."),
    (9, None, VOTE + f"sheet Hội đồng chưa ghi số thành viên Hội đồng ({MAJORITY})."),
    (4, Council(9, 9), VOTE + f"chỉ có 04/09 phiếu đồng ý, bằng 44,4% ({MAJORITY})."),
    (5, Council(9, 9), "Đạt yêu cầu số phiếu đồng ý trên 50% số thành viên dự họp Hội đồng: có "
                       f"05/09 phiếu đồng ý, bằng 55,6% ({MAJORITY}).")])
def test_vote(votes, council, expected):
    assert texts([(person(votes=votes), "LDTT")], council=council)[-1] == expected


def test_vote_share_unread():
    assert texts([(person(rating="HTXSNV"), "CSTDCS")])[-1] == (
        "Cần số phiếu đồng ý từ 80% tổng số thành viên Hội đồng; có 09/09 phiếu đồng ý, bằng "
        f"100%; {UNREAD} (Nghị định 152/2025/NĐ-CP, điều khoản về tỷ lệ phiếu đồng ý của Hội "
        "đồng).")


def test_over_the_quota():
    people = [person(f"Người {c}", kind="phong-trao", achievements="x", row=i)
              for i, c in enumerate("ABC", start=4)]
    quota = Quota(5, CATALOG.award("BKUBND"), None, 2, "Kế hoạch phong trào, mục IV.2")
    judgement = assess(make_round([(p, "BKUBND") for p in people], quotas=(quota,)),
                       CATALOG).judgements[0]
    assert judgement.reasons[-1].text == (
        "Cần số cá nhân đề nghị Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh trong chỉ tiêu 02; "
        "có 03 cá nhân được đề nghị, vượt chỉ tiêu 02, Hội đồng cần chọn lại (Kế hoạch phong "
        "trào, mục IV.2).")


def test_no_money_for_the_lower_title_is_a_note_shown_with_the_reasons():
    worker = person(rating="HTXSNV")
    assessment = assess(make_round([(worker, "LDTT"), (worker, "CSTDCS")], day=ND98), CATALOG)
    ldtt = next(j for j in assessment.judgements if j.proposal.award.code == "LDTT")
    note = ("Không thưởng tiền cho danh hiệu này vì cùng đợt đã có danh hiệu cao hơn, chỉ nhận "
            "tiền thưởng của danh hiệu cao nhất (Nghị định 98/2023/NĐ-CP, nhiều danh hiệu cùng "
            "thời gian: thưởng danh hiệu cao nhất).")
    assert ldtt.reasons[-1].text == note
    assert reasons_text(ldtt).splitlines()[-1] == note


def test_reasons_text_shows_what_decides_or_else_why_eligible():
    refused, _ = judged(make_round([(person(rating="HTNV"), "LDTT")]))
    assert reasons_text(refused) == (
        "Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025; năm 2025 chỉ hoàn thành nhiệm vụ "
        f"({LAW}, Điều 24.1.a).")
    eligible, _ = judged(make_round([(POM, "LDTT")]))
    assert reasons_text(eligible) == "\n".join([
        "Đạt yêu cầu hoàn thành tốt nhiệm vụ trở lên trong năm 2025: năm 2025 hoàn thành tốt "
        f"nhiệm vụ ({LAW}, Điều 24.1.a).",
        "Đạt yêu cầu số phiếu đồng ý trên 50% số thành viên dự họp Hội đồng: có 09/09 phiếu đồng "
        f"ý, bằng 100% ({MAJORITY})."])


def test_the_working_list_carries_the_same_sentences():
    import io

    from openpyxl import load_workbook

    from pipeline.xlsx import verdicts_xlsx

    assessment = assess(make_round([(person(rating="HTNV"), "LDTT"), (POM, "CSTDCS")]), CATALOG)
    sheet = load_workbook(io.BytesIO(verdicts_xlsx(assessment))).active
    column = [c.value for c in sheet[1]].index("Lý do")
    cells = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [j.proposal.award.code for j in assessment.judgements] == ["CSTDCS", "LDTT"]
    assert cells == [reasons_text(j) for j in assessment.judgements]
    assert cells[1] == (
        "Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025; năm 2025 chỉ hoàn thành nhiệm vụ "
        f"({LAW}, Điều 24.1.a).")


# --- no program wording, under every rule file ----------------------------------------------------

def _varied_round(day: date):
    """Many kinds of subject proposed for every award they may receive."""
    people = [person("Người Một", rating="HTXSNV", initiatives=2, scope="tinh", row=4),
              person("Người Hai", rating="HTNV", discipline="canh-cao", row=5),
              person("Người Ba", rating="KHTNV", kind="dot-xuat", votes=None, row=6),
              person("Người Bốn", rating="HTTNV", initiatives=1, kind="phong-trao",
                     achievements="Dẫn đầu phong trào.", row=7),
              person("Người Năm", rating="HTXSNV", initiatives=1, row=8)]
    units = [collective("Phòng Kinh tế"), collective("Phòng Trống", rating="HTNV", votes=None)]
    proposals = [(s, a.code) for s in (*people, *units) for a in CATALOG.awards
                 if ("tap_the" if s in units else "ca_nhan") in a.subjects]
    history = {people[0]: {2022: facts("HTXSNV", ["CSTDCS"]), 2023: pending(
        "HTXSNV", titles=["CSTDCS"], awards=[("BKUBND", "cong-trang")])},
        people[4]: {2020: facts("HTTNV", awards=[("BKUBND", "cong-trang")]),
                    **{y: facts("HTTNV", ["CSTDCS"]) for y in range(day.year - 4, day.year)}},
        units[0]: {day.year - 1: facts("HTXSNV")}}
    quota = Quota(5, CATALOG.award("GK"), 1, 1, "Kế hoạch phong trào, mục IV.2")
    return make_round(proposals, day=day, people=people, collectives=units, quotas=(quota,)), \
        history


PROGRAM_WORDING = re.compile(
    r"\b(None|True|False|nan|null|rule|award|subject|params|kinds|lambda|self)\b"
    r"|\b[a-z]+_[a-z_]+\b|\b[a-z]{2,}-[a-z]{2,}\b"  # field names, vocabulary codes
    r"|\.\.(?!\.)|;;|,,|\);|;\.|,\.|\s[,;.:]|[{}\[\]<>]"  # doubled punctuation, code brackets
    r"|\([^()]*\(", re.ASCII)  # a parenthesis opened inside another


@pytest.mark.parametrize("regime", CATALOG.regimes, ids=lambda r: str(r.effective_from))
def test_no_reason_holds_program_wording(regime):
    day = max(date(regime.effective_from.year, 12, 5), CATALOG.salaries[0].effective_from)
    round_, history = _varied_round(day)
    assert round_.regime is regime
    assessment = assess(round_, CATALOG, history)
    codes = {a.code for a in CATALOG.awards} | {t.code for terms in CATALOG.vocab.values()
                                                for t in terms}
    seen = set()
    for judgement in assessment.judgements:
        for reason in judgement.reasons:
            for line in reason.text.splitlines():
                seen.add(line[:6])
                assert not PROGRAM_WORDING.search(line), line
                assert not codes & set(re.findall(r"[\w-]+", line)), line
                assert line.endswith((".", ":")) and (line[0].isupper() or line[1] == ")"), line
    assert {"Cần ho", "Đạt yê", "Không "} <= {s[:6] for s in seen}


def test_the_check_is_not_blind():
    for bad in ("None", "rating_at_least", "cong-trang", "x.. y", "(a (b))", "a);", "[x]"):
        assert PROGRAM_WORDING.search(bad), bad


# --- the terminal ---------------------------------------------------------------------------------

def _check(make_workbook, data, *more):
    paths = [make_workbook(data)] + [make_workbook(d, name) for d, name in more]
    return CliRunner().invoke(main, ["check", *map(str, paths), "--forms", str(DEFAULT_FORMS)])


def test_the_same_reason_of_many_proposals_is_printed_once(make_workbook):
    data = round_data()
    people = data["tables"]["individuals"]
    people += [dict(people[1], name=f"Người Thứ {i}") for i in range(1, 11)]
    for row in people[1:2] + people[-10:]:
        row["votes"] = None
    result = _check(make_workbook, data)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    shared = next(i for i, line in enumerate(lines) if "đề nghị Lao động tiên tiến —" in line)
    waiting = [line for line in lines if "cột Số phiếu đồng ý để trống" in line]
    assert waiting == [
        "      Cần số phiếu đồng ý trên 50% số thành viên dự họp Hội đồng; cột Số phiếu đồng ý "
        f"để trống ({MAJORITY})."]
    assert lines[shared + 1] == waiting[0]
    named = lines[shared].strip().removesuffix(":").split(" — ")[1].split(", ")
    assert lines[shared].startswith("    11 đề nghị Lao động tiên tiến — Giàng A Páo, ")
    assert len(named) == 8 and named[-1].endswith(" và 3 đề nghị khác")


def test_generate_prints_a_bounded_number_of_reason_groups():
    from pipeline.summary import reason_lines

    people = [person(f"Người {c}", rating="HTNV", row=i) for i, c in enumerate("ABC", start=4)]
    people[2] = dataclasses.replace(people[2], rating=term("rating", "KHTNV"))
    assessment = assess(make_round([(p, "LDTT") for p in people]), CATALOG)
    assert reason_lines(list(assessment.judgements), most=1) == [
        "  Lý do chưa đủ điều kiện hoặc cần kiểm tra:",
        "    2 đề nghị Lao động tiên tiến — Người A, Người B:",
        "      Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025; năm 2025 chỉ hoàn thành nhiệm "
        f"vụ ({LAW}, Điều 24.1.a).",
        "    … và 1 nhóm lý do khác, xem ket-qua-tham-dinh.xlsx."]


def test_cần_kiem_tra_is_explained_once_per_run(make_workbook):
    data = round_data()
    data["tables"]["individuals"][1]["votes"] = None
    earlier = round_data()
    earlier["info"] = dict(earlier["info"], year=2024, sign_date="05/12/2024")
    earlier["tables"]["individuals"][1]["votes"] = None
    result = _check(make_workbook, data, (earlier, "2024-hang-nam.xlsx"))
    assert result.exit_code == 0, result.output
    assert result.output.count("Đợt ") == 2
    assert result.output.count(TO_CHECK) == 1
    assert "“Cần kiểm tra” nghĩa là" not in _check(make_workbook, round_data()).output


def test_check_with_errors_does_not_speak_of_documents(make_workbook):
    data = round_data()
    data["tables"]["individuals"][0]["rating"] = "HTXSVN"
    result = _check(make_workbook, data)
    assert result.exit_code == 1
    assert result.output.rstrip().endswith("Có 1 lỗi trong bảng tính: sửa theo các dòng trên "
                                           "rồi chạy lại “khenthuong check”.")
    assert "chưa ghi văn bản nào" not in result.output


# --- each part of a sentence, when there are several ---------------------------------------------

def test_eligible_for_names_each_failure_and_only_failures():
    both = person(rating="HTNV", discipline="khien-trach", initiatives=2)
    assert texts([(both, "CSTDCS")])[0] == (
        "Cần đạt tiêu chuẩn Lao động tiên tiến; chưa đạt: năm 2025 chỉ hoàn thành nhiệm vụ; đang "
        "bị kỷ luật khiển trách, thành tích chỉ được tính từ khi chấp hành xong kỷ luật "
        f"({LAW}, Điều 23.1).")
    one = person(discipline="khien-trach", initiatives=1)
    assert texts([(one, "CSTDCS")])[0] == (
        "Cần đạt tiêu chuẩn Lao động tiên tiến; chưa đạt: đang bị kỷ luật khiển trách, thành "
        f"tích chỉ được tính từ khi chấp hành xong kỷ luật ({LAW}, Điều 23.1).")


def test_eligible_for_unsettled_passes_unsettled_and_names_each_point():
    worker = person(rating="HTXSNV", discipline="khien-trach")
    judgement, _ = judged(make_round([(worker, "CSTDCS")], day=ND98))
    assert (judgement.reasons[0].passed, judgement.reasons[0].verified) == (True, False)
    clerk = person(achievements="Số hóa hồ sơ.")
    round_ = with_criterion(make_round([(clerk, "CSTDCS")]), "CSTDCS", 0, Criterion(
        "eligible_for", {"award": "GK"}, f"{LAW}, Điều 23.1"))
    assert judged(round_)[0].reasons[0].found == (
        f"tiêu chuẩn ấy còn cần kiểm tra: năm 2025 hoàn thành tốt nhiệm vụ; {UNREAD}; đơn vị ghi "
        f"thành tích công trạng: “Số hóa hồ sơ.”; {UNREAD}")


def test_eligible_for_tells_the_cases_of_a_group_none_of_which_held():
    round_ = with_criterion(make_round([(POM, "BKUBND")]), "BKUBND", 1, Criterion(
        "eligible_for", {"award": "CSTDCS"}, f"{LAW}, Điều 74"))
    assert judged(round_)[0].reasons[0].found == (
        "chưa đạt: không đạt trường hợp nào: a) cần hoàn thành xuất sắc nhiệm vụ trở lên trong "
        "năm 2025; năm 2025 chỉ hoàn thành tốt nhiệm vụ; b) cần có từ 01 sáng kiến được công "
        "nhận trong năm 2025; không có sáng kiến nào; c) cần có từ 01 đề tài, đề án khoa học được "
        "nghiệm thu trong năm 2025; không có đề tài, đề án khoa học nào")


def test_a_failed_group_and_a_missing_vote_fail_unsettled_or_not():
    """The JSON of `kiem-tra` writes `passed` and `verified` as they are: false, not null."""
    judgement, _ = judged(make_round([(POM, "CSTDCS")], council=None))
    group, vote = judgement.reasons[1], judgement.reasons[-1]
    assert (group.passed, group.verified, vote.passed, vote.verified) == (False, True, False,
                                                                          False)
    assert all(type(v) is bool for v in (group.passed, vote.passed, vote.verified))


def test_member_with_two_titles_and_one_to_check():
    team_ = team(["HTXSNV", "HTXSNV", "HTTNV", "HTNV"])
    proposals = [(team_[0], "CSTDCS"), (team_[1], "CSTDCS")]
    assert _unit_reasons(team_, "TTLDXS", unit=collective(), proposals=proposals, day=ND98)[3] == (
        "Đạt yêu cầu có cá nhân đạt Chiến sĩ thi đua cơ sở: có Thành Viên A, Thành Viên B "
        f"({LAW}, Điều 27.1.d).")
    unit = collective()
    judgement, _ = judged(make_round([(unit, "TTLDXS"), (XS_TEAM[0], "CSTDCS")], people=XS_TEAM))
    assert (judgement.reasons[3].passed, judgement.reasons[3].verified) == (True, False)


def test_members_share_resting_on_members_to_check_holds_unsettled():
    people = team(["HTTNV", "HTTNV"]) + [person("Thành Viên C", discipline="khien-trach",
                                                row=20)]
    unit = collective(rating="HTTNV")
    judgement, _ = judged(make_round([(unit, "TTLDTT")], people=people, day=ND98))
    assert (judgement.reasons[1].passed, judgement.reasons[1].verified) == (True, False)


def test_members_rated_below_a_higher_bar_and_none_listed():
    unit = collective()
    people = team(["HTXSNV", "HTNV", "KHTNV"])
    round_ = with_criterion(make_round([(unit, "TTLDXS")], people=people), "TTLDXS", 1, Criterion(
        "members_rated_at_least", {"rating": "HTTNV"}, f"{LAW}, Điều 27.1.c"))
    assert judged(round_)[0].reasons[1].found == (
        "Thành Viên B chỉ hoàn thành nhiệm vụ, Thành Viên C không hoàn thành nhiệm vụ")
    assert _unit_reasons([], "TTLDXS", unit=unit)[1] == (
        "Đạt yêu cầu mọi cá nhân của tập thể hoàn thành nhiệm vụ trở lên: sheet Cá nhân không có "
        f"cá nhân nào của tập thể này ({LAW}, Điều 27.1.c).")


def test_two_members_disciplined():
    people = team(["HTTNV"] * 3) + [
        person("Người Bị Cảnh Cáo", discipline="canh-cao", row=20),
        person("Người Bị Cách Chức", discipline="cach-chuc", row=21)]
    assert _unit_reasons(people)[2] == (
        "Cần không có cá nhân bị kỷ luật từ mức cảnh cáo trở lên; Người Bị Cảnh Cáo bị kỷ luật "
        f"cảnh cáo, Người Bị Cách Chức bị kỷ luật cách chức ({LAW}, Điều 28).")


def test_two_years_below():
    unit = collective(rating="HTTNV")
    lines = texts([(unit, "BKUBND")], history={unit: {2024: facts("HTTNV")}})[0].splitlines()
    assert lines[2] == (
        "d) Cần 02 năm liên tục đến năm 2025 hoàn thành xuất sắc nhiệm vụ trở lên; năm 2024 chỉ "
        f"hoàn thành tốt nhiệm vụ, năm 2025 chỉ hoàn thành tốt nhiệm vụ ({LAW}, Điều 74.2).")


def test_ratings_of_a_streak_grouped_by_rating():
    worker = person()
    round_ = with_criterion(make_round([(worker, "BKUBND")]), "BKUBND", 1, Criterion(
        "consecutive_ratings", {"rating": "HTTNV", "years": 2}, f"{LAW}, Điều 74"))
    judgement, _ = judged(round_, {worker: {2024: facts("HTXSNV")}})
    assert judgement.reasons[0].found == (
        "năm 2024 hoàn thành xuất sắc nhiệm vụ, năm 2025 hoàn thành tốt nhiệm vụ")


@pytest.mark.parametrize(("achievements", "quoted"), [
    ("c" * 80, "c" * 80),  # 80 characters: whole
    ("b" * 81, "b" * 79 + "…"),  # cut to 79 and "…"
    ("a" * 78 + " bc", "a" * 78 + "…")])  # no space before "…"
def test_a_long_achievement_is_cut_at_80_characters(achievements, quoted):
    worker = person(kind="phong-trao", achievements=achievements)
    assert judged(make_round([(worker, "BKUBND")]))[0].reasons[0].found == (
        f"đơn vị ghi thành tích phong trào: “{quoted}”")
