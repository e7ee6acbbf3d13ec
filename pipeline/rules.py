"""Judge every proposal against the rule set in force, price the accepted ones, and route them.

Criteria are data (forms/rules/*.toml); the checks they name are the small predicates below,
each returning whether it holds and a Vietnamese sentence saying why.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING

from .catalog import Catalog
from .errors import KhenthuongError
from .history import History, YearFacts
from .model import (
    Award,
    Collective,
    Criterion,
    Person,
    Proposal,
    Regime,
    Round,
    Salary,
    Subject,
    Term,
    VoteRule,
)
from .vn import count, fold, name_sort_key, percent, sort_key
from .wording import LETTERS, UNREAD, Reason, describe

if TYPE_CHECKING:
    from .period import Period, YearFigures


class Verdict(Enum):
    ELIGIBLE = "đủ điều kiện"
    REVIEW = "cần kiểm tra"
    INELIGIBLE = "không đủ điều kiện"


@dataclass(frozen=True)
class Ballot:
    """The council's vote on a proposal against the share its award needs."""

    votes: int
    base: int  # all members, or those present, as the rule says
    rule: VoteRule

    @property
    def share(self) -> float:
        return self.votes / self.base if self.base else 0.0

    @property
    def passed(self) -> bool:
        return (self.share > self.rule.share if self.rule.strict
                else self.share >= self.rule.share - 1e-9)


@dataclass(frozen=True)
class Judgement:
    """A proposal with its verdict, its reasons, the council's vote and its reward money."""

    proposal: Proposal
    verdict: Verdict
    reasons: tuple[Reason, ...]
    ballot: Ballot | None = None
    coefficient: float = 0.0
    money: int = 0

    @cached_property
    def accepted(self) -> bool:
        return self.verdict is not Verdict.INELIGIBLE


@dataclass(frozen=True)
class Assessment:
    """A round's proposals judged, priced and sorted into the documents that carry them."""

    round: Round
    judgements: tuple[Judgement, ...]  # in list order
    salary: Salary
    judge: Judge
    spent: dict[Subject, int] = field(default_factory=dict)  # sáng kiến its danh hiệu rest on
    period: Period | None = None  # a sơ kết or tổng kết: the figures of its years
    previous: YearFigures | None = None  # a yearly round: the year before, to compare with

    @property
    def history(self) -> History:
        """Earlier years of each subject, for the báo cáo thành tích."""
        return self.judge.history

    @cached_property
    def advice(self) -> dict[Subject, tuple[Award, ...]]:
        """Per subject, the highest hình thức and the highest danh hiệu whose countable
        criteria hold (a claimed achievement was made for the award proposed, not for the
        others). Worked out when first asked for: only the working list shows it."""
        judge, advice = self.judge, {}
        tiers = {(kind, subject): [a for a in judge.catalog.awards
                                   if a.kind == kind and subject in a.subjects]
                 for kind in ("hinh_thuc", "danh_hieu") for subject in ("tap_the", "ca_nhan")}
        for subject in (*self.round.collectives, *self.round.people):
            kind = "tap_the" if isinstance(subject, Collective) else "ca_nhan"
            best = (next((a for a in tiers[(award_kind, kind)]
                          if judge.countably_eligible(subject, a)), None)
                    for award_kind in ("hinh_thuc", "danh_hieu"))
            advice[subject] = tuple(a for a in best if a)
        return advice

    @property
    def accepted(self) -> tuple[Judgement, ...]:
        return tuple(j for j in self.judgements if j.accepted)

    @cached_property
    def refused(self) -> tuple[Judgement, ...]:
        return tuple(j for j in self.judgements if not j.accepted)

    @cached_property
    def granted(self) -> tuple[Judgement, ...]:
        """Accepted proposals the documents carry: eligible, or "cần kiểm tra" with the
        council's conclusion "Đạt" recorded; never one the council concluded against."""
        return tuple(j for j in self.accepted if _concluded(j) is not False
                     and (j.verdict is Verdict.ELIGIBLE or _concluded(j)))

    @cached_property
    def standing(self) -> tuple[Judgement, ...]:
        """Accepted proposals the council has not concluded against: granted, or waiting."""
        return tuple(j for j in self.accepted if _concluded(j) is not False)

    @cached_property
    def held(self) -> tuple[Judgement, ...]:
        """Accepted proposals held out of every document: still to be checked with no
        conclusion of the council, or concluded against."""
        granted = set(self.granted)
        return tuple(j for j in self.accepted if j not in granted)

    @cached_property
    def submitted(self) -> tuple[Proposal, ...]:
        """Granted proposals that go to the provincial chairman by tờ trình."""
        return tuple(j.proposal for j in self.granted if j.proposal.award.route == "province")

    @cached_property
    def decided(self) -> tuple[Proposal, ...]:
        """Granted proposals the office head decides."""
        return tuple(j.proposal for j in self.granted if j.proposal.award.route == "office")

    @cached_property
    def proposals(self) -> tuple[Proposal, ...]:
        return self.submitted + self.decided

    def money(self, proposals: tuple[Proposal, ...] | None = None) -> int:
        """Total reward money of some granted proposals (all of them by default)."""
        wanted = None if proposals is None else set(proposals)
        return sum(j.money for j in self.granted if wanted is None or j.proposal in wanted)


def _concluded(judgement: Judgement) -> bool | None:
    """The council's conclusion on a proposal's subject: True "Đạt", False "Không đạt", None
    when the workbook records none."""
    conclusion = judgement.proposal.subject.conclusion
    return None if conclusion is None else conclusion.code == "dat"


# --- the predicates ------------------------------------------------------------------------------

# (holds, found) — `found` says what the subject has, in words that follow what the criterion
# needs (wording.DESCRIPTIONS); it may be a function giving the words, so that a check asked
# only whether it holds (`Judge._holds`, for the advice) does not pay for writing them; None:
# does not apply. A third element, False, says the outcome is not settled: it rests on a title
# or award with no decision yet, on a verdict itself "cần kiểm tra", or on guidance rather
# than the text.
Outcome = tuple[bool, str | Callable[[], str]] | tuple[bool, str | Callable[[], str], bool] | None
NO_MEMBERS = "sheet Cá nhân không có cá nhân nào của tập thể này"


def rating_at_least(judge: Judge, subject: Subject, *, rating: str) -> Outcome:
    level = judge.term("rating", rating)
    ok = subject.rating.rank <= level.rank
    return ok, lambda: f"năm {judge.year} {_rated(subject.rating, ok)}"


def discipline_below(judge: Judge, subject: Subject, *, discipline: str) -> Outcome:
    """A bar, not a merit: it speaks only of a person under discipline."""
    if not isinstance(subject, Person) or subject.discipline.rank == 0:
        return None
    limit = judge.term("discipline", discipline)
    ok = subject.discipline.rank < limit.rank
    return ok, lambda: (f"đang bị kỷ luật {subject.discipline.name.lower()}"
                        + ("" if ok else ", thành tích chỉ được tính từ khi chấp hành xong kỷ "
                                         "luật"))


def eligible_for(judge: Judge, subject: Subject, *, award: str) -> Outcome:
    other = judge.catalog.award(award)
    verdict, reasons = judge.criteria(subject, other)
    if verdict is Verdict.INELIGIBLE:
        return False, "chưa đạt: " + "; ".join(_summary(r) for r in reasons
                                                if not r.passed and r.verified)
    if verdict is Verdict.REVIEW:
        return True, "tiêu chuẩn ấy còn cần kiểm tra: " + "; ".join(
            _summary(r) for r in reasons if r.deciding), False
    return True, "đủ mọi điều kiện"


def initiatives_at_least(judge: Judge, subject: Subject, *, count: int) -> Outcome:
    if not isinstance(subject, Person):
        return None
    have = subject.initiatives
    return have >= count, _how_many(have, count, "sáng kiến")


def projects_at_least(judge: Judge, subject: Subject, *, count: int) -> Outcome:
    if not isinstance(subject, Person):
        return None
    have = subject.projects
    return have >= count, _how_many(have, count, "đề tài, đề án khoa học")


def initiative_scope_at_least(judge: Judge, subject: Subject, *, scope: str) -> Outcome:
    if not isinstance(subject, Person):
        return None
    wanted = judge.term("scope", scope)
    have = subject.initiative_scope
    ok = subject.initiatives > 0 and have is not None and have.rank >= wanted.rank
    if not subject.initiatives:
        return ok, f"không có sáng kiến nào được công nhận trong năm {judge.year}"
    if have is None:
        return ok, "cột Phạm vi ảnh hưởng của sáng kiến để trống"
    return ok, f"sáng kiến {'' if ok else 'chỉ '}có phạm vi ảnh hưởng {have.name.lower()}"


def consecutive_titles(judge: Judge, subject: Subject, *, award: str, years: int,
                       initiatives: int = 0) -> Outcome:
    title = judge.catalog.award(award)
    span = judge.span(years)

    def held(year: int) -> bool:
        return judge.holds_title(subject, title, year)

    def found() -> str:
        missing = [y for y in span if not held(y)]
        if missing:
            return f"năm {_years(missing)} chưa đạt {title.name}"
        return f"đạt {title.name} năm {_years(span)}"

    return _pending(judge, subject, title, span, _with_initiatives(
        judge, subject, all(map(held, reversed(span))), found, span, initiatives))


def consecutive_ratings(judge: Judge, subject: Subject, *, rating: str, years: int,
                        initiatives: int = 0) -> Outcome:
    level = judge.term("rating", rating)
    span = judge.span(years)

    def good(year: int) -> bool:
        rated = judge.rating(subject, year)
        return rated is not None and rated.rank <= level.rank

    def found() -> str:
        bad = [y for y in span if not good(y)]
        if bad:
            return ", ".join(_rated_in(judge, subject, y) for y in bad)
        return _ratings(judge, subject, span)

    return _with_initiatives(judge, subject, all(map(good, reversed(span))),  # this year fails most
                             found, span, initiatives)


def consecutive_times(judge: Judge, subject: Subject, *, award: str, times: int, within: int,
                      initiatives: int = 0) -> Outcome:
    """The last `times` awards of a danh hiệu follow one another: each within `within` years of
    the one before (a title given for a span of years is "liên tục" when the spans meet)."""
    title = judge.catalog.award(award)
    got = judge.title_years(subject, title)
    last = got[-times:]
    ok = len(last) == times and all(b - a <= within for a, b in itertools.pairwise(last))

    def found() -> str:
        if not got:
            return f"chưa lần nào đạt {title.name}"
        if ok:
            return f"đạt {title.name} năm {_years(got)}"
        if len(got) < times:
            return f"chỉ đạt {title.name} năm {_years(got)}"
        return f"đạt {title.name} năm {_years(got)}, các lần gần nhất không liên tục"

    outcome = _with_initiatives(judge, subject, ok, found,
                                range(last[0], last[-1] + 1) if ok else (), initiatives)
    return _pending(judge, subject, title, last, outcome)


def _pending(judge: Judge, subject: Subject, title: Award, years: Iterable[int],
             outcome: Outcome) -> Outcome:
    """Leave unsettled a criterion that holds through a title with no decision yet: one
    proposed earlier and not yet decided, or proposed in this round and "cần kiểm tra"."""
    waiting = [y for y in years if judge.title_pending(subject, title, y)]
    if outcome and outcome[0] and waiting:
        why = outcome[1]
        return True, lambda: "; ".join([why() if callable(why) else why, *(
            judge.waiting(title, y) for y in waiting)]), False
    return outcome


GUIDANCE = ("theo Công văn 5007/BNV-TĐKT/2023, mỗi sáng kiến chỉ được tính cho một khen "
            "thưởng; Hội đồng xem xét")


def _with_initiatives(judge: Judge, subject: Subject, ok: bool, found: Callable[[], str],
                      span: Iterable[int], initiatives: int) -> Outcome:
    """A streak (`found` says what the subject has), with "N sáng kiến in that time" when
    `initiatives`. A sáng kiến serves one award only (Công văn 5007/BNV-TĐKT/2023, III.5.c):
    guidance, not the Law's text, so a shortfall that comes only from sáng kiến already spent
    on a danh hiệu is unsettled ("cần kiểm tra"). Sáng kiến are counted only when the streak
    holds or the sentence is written."""
    if not ok:
        return False, found
    if not initiatives:
        return True, found
    span = tuple(span)

    def counts() -> tuple[int, int]:
        return (sum(judge.initiatives(subject, y) for y in span),
                sum(judge.initiatives_spent(subject, y) for y in span))

    def why() -> str:
        have, used = counts()
        if have < initiatives:
            return f"{found()}; {_how_many(have, initiatives, 'sáng kiến')} trong thời gian đó"
        text = found() + f"; có {_n(have)} sáng kiến trong thời gian đó" + (
            f", {_n(used)} đã dùng cho danh hiệu thi đua" if used else "")
        return text + (f"; {GUIDANCE}" if have - used < initiatives else "")

    have, used = counts()
    if have - used >= initiatives:
        return True, why
    return False, why, have < initiatives  # settled only when the text itself is not met


def claimed_achievement(judge: Judge, subject: Subject, *, kinds: list[str]) -> Outcome:
    if subject.kind.code not in kinds:
        return False, f"cột Loại khen thưởng ghi “{subject.kind.name}”"
    if not subject.achievements:
        return False, "cột Thành tích để trống"
    return True, (f"đơn vị ghi thành tích {subject.kind.name.lower()}: "
                  f"“{_short(subject.achievements)}”")


def members_share(judge: Judge, subject: Subject, *, award: str, share: float,
                  strict: bool = False) -> Outcome:
    if not isinstance(subject, Collective):
        return None
    title = judge.catalog.award(award)
    members = judge.members(subject)
    if not members:
        return False, NO_MEMBERS
    verdicts = [judge.criteria(m, title)[0] for m in members]
    have = sum(v is not Verdict.INELIGIBLE for v in verdicts)
    sure = sum(v is Verdict.ELIGIBLE for v in verdicts)
    ok = have > share * len(members) if strict else have >= share * len(members)
    text = (f"{'' if ok else 'chỉ '}{_n(have)}/{_n(len(members))} cá nhân đủ tiêu chuẩn, bằng "
            f"{percent(have, len(members))}")
    if ok and sure < share * len(members):
        return True, text + f", trong đó {_n(have - sure)} cá nhân còn cần kiểm tra", False
    return ok, text


def members_rated_at_least(judge: Judge, subject: Subject, *, rating: str) -> Outcome:
    if not isinstance(subject, Collective):
        return None
    level = judge.term("rating", rating)
    members = judge.members(subject)
    below = [m for m in members if m.rating.rank > level.rank]
    if below:
        return False, ", ".join(f"{m.name} {_rated(m.rating, False)}" for m in below)
    return True, f"cả {_n(len(members))} cá nhân đều đạt" if members else NO_MEMBERS


def member_with(judge: Judge, subject: Subject, *, award: str) -> Outcome:
    if not isinstance(subject, Collective):
        return None
    title = judge.catalog.award(award)
    holders = [m for m in judge.members(subject) if judge.holds_title(m, title, judge.year)]
    if not holders:
        return False, "chưa có cá nhân nào đạt"
    text = f"có {', '.join(m.name for m in holders)}"
    if all(judge.title_pending(m, title, judge.year) for m in holders):
        return True, f"{text}; {judge.waiting(title, judge.year)}", False
    return True, text


def no_member_disciplined(judge: Judge, subject: Subject, *, discipline: str) -> Outcome:
    if not isinstance(subject, Collective):
        return None
    limit = judge.term("discipline", discipline)
    caught = [m for m in judge.members(subject) if m.discipline.rank >= limit.rank]
    return not caught, (", ".join(f"{m.name} bị kỷ luật {m.discipline.name.lower()}"
                                  for m in caught) or "không có ai")


def after_award(judge: Judge, subject: Subject, *, award: str, years: int, rating: str,
                title: str = "", times: int = 0, excellent: int = 0, after: bool = False
                ) -> Outcome:
    """Holds an earlier award for công trạng, and a run of `years` or more up to this year rated
    `rating` or better (only years after that award, when `after`), with `times` of them
    holding the danh hiệu `title` and `excellent` of them rated hoàn thành xuất sắc."""
    earlier = judge.catalog.award(award)
    got = judge.award_years(subject, earlier)
    level, best = judge.term("rating", rating), judge.catalog.vocab["rating"][0]
    run = [y for y in judge.run(subject, level) if got and (not after or y > got[0])]
    named = judge.catalog.award(title) if title else None
    held = [y for y in run if named and judge.holds_title(subject, named, y)]
    top = [y for y in run if judge.rating(subject, y).rank <= best.rank]
    ok = bool(got) and len(run) >= years and len(held) >= times and len(top) >= excellent

    def why() -> str:
        if not got:
            return f"chưa được tặng {earlier.name} về công trạng"
        text = (f"được tặng {earlier.name} năm {_years(got)}; {'từ đó ' if after else ''}có "
                f"{_n(len(run))} năm liên tục {level.name.lower()} trở lên đến năm {judge.year}")
        if named:
            text += f", trong đó {_n(len(held))} lần đạt {named.name}"
        if excellent:
            text += f", {_n(len(top))} năm {best.name.lower()}"
        return text

    decided = [y for y in got if not judge.award_pending(subject, earlier, y)]
    if ok and not decided:
        return True, lambda: f"{why()}; {judge.waiting(earlier, got[0])}", False
    sure = [y for y in held if not judge.title_pending(subject, named, y)]
    if ok and len(sure) < times:
        return _pending(judge, subject, named, held, (ok, why))
    return ok, why


PREDICATES: dict[str, Callable[..., Outcome]] = {f.__name__: f for f in (
    rating_at_least, discipline_below, eligible_for, initiatives_at_least, projects_at_least,
    initiative_scope_at_least, consecutive_titles, consecutive_ratings, claimed_achievement,
    members_share, members_rated_at_least, member_with, no_member_disciplined, after_award,
    consecutive_times)}


# --- the judge -----------------------------------------------------------------------------------


class Record:
    """What a round's workbook and the years before it record of its subjects: ratings, sáng
    kiến, members of each unit, awards received. The predicates ask it for facts."""

    def __init__(self, round_: Round, catalog: Catalog, history: History) -> None:
        self.round, self.catalog, self.history = round_, catalog, history
        self.year = round_.info.year
        self._members: dict[str, list[Person]] = {}
        for person in round_.people:
            self._members.setdefault(fold(person.unit), []).append(person)
        self._terms = {(vocab, t.code): t for vocab, terms in catalog.vocab.items()
                       for t in terms}

    def term(self, vocab: str, code: str) -> Term:
        return self._terms[(vocab, code)]

    def span(self, years: int) -> range:
        return range(self.year - years + 1, self.year + 1)

    def members(self, collective: Collective) -> list[Person]:
        return self._members.get(fold(collective.name), [])

    def _past(self, subject: Subject, year: int) -> YearFacts | None:
        return self.history.get(subject, {}).get(year)

    def rating(self, subject: Subject, year: int) -> Term | None:
        if year == self.year:
            return subject.rating
        facts = self._past(subject, year)
        return facts.rating if facts else None

    def initiatives(self, subject: Subject, year: int) -> int:
        if year == self.year:
            return subject.initiatives if isinstance(subject, Person) else 0
        facts = self._past(subject, year)
        return facts.initiatives if facts else 0

    def award_pending(self, subject: Subject, award: Award, year: int) -> bool:
        """A hình thức of that year known only as a proposal with no decision recorded."""
        facts = self._past(subject, year)
        return facts is not None and all(decision is None for a, _, decision in facts.awards
                                         if a == award)

    def award_years(self, subject: Subject, award: Award) -> list[int]:
        """Years of a hình thức received for công trạng (Nghị định 152/2025/NĐ-CP, Điều 4.3:
        one for đột xuất or chuyên đề achievements is no ground for a later proposal)."""
        return sorted(y for y, facts in self.history.get(subject, {}).items()
                      if any(a == award and kind == "cong-trang" for a, kind, _ in facts.awards))

    def run(self, subject: Subject, level: Term) -> list[int]:
        """The unbroken run of years up to this one rated `level` or better, newest first."""
        years, year = [], self.year
        while (rated := self.rating(subject, year)) is not None and rated.rank <= level.rank:
            years.append(year)
            year -= 1
        return years

    def waiting(self, award: Award, year: int) -> str:
        """Say why an award a criterion rests on does not settle it yet."""
        if year == self.year:
            return (f"{award.name} năm {year} đề nghị trong đợt này còn cần kiểm tra, chưa có "
                    "kết luận của Hội đồng")
        return f"{award.name} năm {year} mới là đề nghị, chưa có quyết định"


class Judge(Record):
    """Applies a rule set to the subjects of one round, with their history; a title proposed
    in this round counts for other criteria as its own verdict says."""

    def __init__(self, round_: Round, regime: Regime, catalog: Catalog, history: History) -> None:
        super().__init__(round_, catalog, history)
        self.regime = regime
        self._requested = {(p.subject, p.award.code): p for p in round_.proposals}
        self._titles_requested: dict[Subject, list[Award]] = {}
        for p in round_.proposals:
            if p.award.kind == "danh_hieu":
                self._titles_requested.setdefault(p.subject, []).append(p.award)
        self._criteria: dict[tuple[Subject, str], tuple[Verdict, list[Reason]]] = {}
        self._consumed: dict[tuple[Subject, str], int] = {}
        self._judged: dict[Proposal, Judgement] = {}
        self._needs: dict[int, str] = {}

    # facts that rest on this round's verdicts

    def holds_title(self, subject: Subject, title: Award, year: int) -> bool:
        """Recorded for that year (this year too: the Chánh Văn phòng often decides CSTĐCS
        before the office proposes a Bằng khen), or proposed in this round and neither refused
        nor concluded against by the council."""
        facts = self._past(subject, year)
        if facts and title in facts.titles:
            return True
        judgement = self._this_round(subject, title) if year == self.year else None
        return judgement is not None and judgement.accepted and _concluded(judgement) is not False

    def title_pending(self, subject: Subject, title: Award, year: int) -> bool:
        """Held that year without a decision: proposed in an earlier round and not yet decided,
        or proposed in this round and "cần kiểm tra"."""
        facts = self._past(subject, year)
        if facts and title in facts.titles:
            return facts.titles[title] is None
        judgement = self._this_round(subject, title) if year == self.year else None
        return (judgement is not None and judgement.verdict is Verdict.REVIEW
                and not _concluded(judgement))

    def _this_round(self, subject: Subject, title: Award) -> Judgement | None:
        """This round's proposal of a title, judged with its votes, if there is one."""
        proposal = self._requested.get((subject, title.code))
        return None if proposal is None else self.judge(proposal)

    def title_years(self, subject: Subject, title: Award) -> list[int]:
        """Years the subject holds a danh hiệu, this year included when it does."""
        past = [y for y, facts in self.history.get(subject, {}).items()
                if y < self.year and title in facts.titles]
        return sorted(past) + ([self.year] if self.holds_title(subject, title, self.year) else [])

    def initiatives_spent(self, subject: Subject, year: int) -> int:
        """Sáng kiến a danh hiệu of that year rests on (this round's: those proposed)."""
        if year != self.year:
            facts = self._past(subject, year)
            return facts.spent if facts else 0
        return sum(self._consumed.get((subject, title.code), 0)
                   for title in self._titles_requested.get(subject, ())
                   if self.criteria(subject, title)[0] is not Verdict.INELIGIBLE)

    # judging

    def criteria(self, subject: Subject, award: Award) -> tuple[Verdict, list[Reason]]:
        """Check an award's criteria for a subject (no votes, no quotas); cached."""
        key = (subject, award.code)
        if key not in self._criteria:
            rules = self.regime.criteria.get(award.code)
            if rules is None:
                raise KhenthuongError(f"Quy định “{self.regime.name}” chưa có tiêu chuẩn cho "
                                      f"“{award.name}” (forms/rules).")
            reasons = [r for c in rules if (r := self._check(subject, award, c)) is not None]
            self._criteria[key] = (_verdict(reasons), reasons)
        return self._criteria[key]

    def countably_eligible(self, subject: Subject, award: Award) -> bool:
        """Every criterion holds without resting on a claim; stops at the first that fails."""
        known = self._criteria.get((subject, award.code))
        if known is not None and not any(r.claim for r in known[1]):
            return known[0] is Verdict.ELIGIBLE
        return all(self._holds(subject, c) is not False
                   for c in self.regime.criteria.get(award.code, ()))

    def _holds(self, subject: Subject, criterion: Criterion) -> bool | None:
        """Whether a criterion holds by what can be counted (a claim does not), without
        writing why; None where it does not apply to this subject."""
        if criterion.alternatives:
            found = None
            for alternative in criterion.alternatives:
                holds = self._holds(subject, alternative)
                if holds:
                    return True
                found = False if holds is False else found
            return found
        if criterion.subjects is not None and (
                "tap_the" if isinstance(subject, Collective) else "ca_nhan") \
                not in criterion.subjects:
            return None
        if criterion.rule == "claimed_achievement":
            return False
        outcome = PREDICATES[criterion.rule](self, subject, **criterion.params)
        return None if outcome is None else criterion.verified and outcome[0] and all(outcome[2:])

    def _check(self, subject: Subject, award: Award, criterion: Criterion) -> Reason | None:
        if criterion.alternatives:
            return self._any(subject, award, criterion)
        params = criterion.params
        if criterion.subjects is not None and (
                "tap_the" if isinstance(subject, Collective) else "ca_nhan") \
                not in criterion.subjects:
            return None
        predicate = PREDICATES.get(criterion.rule)
        if predicate is None:
            raise KhenthuongError(f"Quy định “{self.regime.name}” dùng điều kiện "
                                  f"“{criterion.rule}” mà chương trình không có.")
        outcome = predicate(self, subject, **params)
        if outcome is None:
            return None
        ok, why, *settled = outcome
        if ok and criterion.rule == "initiatives_at_least":
            self._consumed[(subject, award.code)] = params["count"]
        found = why() if callable(why) else why
        if not criterion.verified:
            found += f"; {UNREAD}"
        return Reason(ok, self._need(criterion), found, criterion.source,
                      criterion.verified and all(settled),
                      claim=criterion.rule == "claimed_achievement")

    def _need(self, criterion: Criterion) -> str:
        """What a criterion needs this year, in the words of `khenthuong quy-dinh`."""
        key = id(criterion)
        if key not in self._needs:
            self._needs[key] = describe(self.catalog, criterion, self.year)
        return self._needs[key]

    def _any(self, subject: Subject, award: Award, group: Criterion) -> Reason | None:
        """One of several cases: the first that holds and is settled (later ones are not
        tried, so a sáng kiến is only spent when it is needed), else the first that holds,
        else every case that applies, all failed, each with its letter in the group."""
        tried = []
        for letter, alternative in zip(LETTERS, group.alternatives, strict=False):
            reason = self._check(subject, award, alternative)
            if reason is not None and reason.passed and reason.verified:
                return reason
            tried += [(letter, reason)] if reason else []
        if len(tried) <= 1:
            return tried[0][1] if tried else None
        if held := next((r for _, r in tried if r.passed), None):
            return held
        return Reason(False, "", "", group.source, all(r.verified for _, r in tried),
                      cases=tuple(tried))

    def judge(self, proposal: Proposal) -> Judgement:
        """Criteria and the council's vote; cached, as later proposals may rest on it."""
        if proposal not in self._judged:
            verdict, reasons = self.criteria(proposal.subject, proposal.award)
            ballot = self.ballot(proposal)
            missing = ("sheet Hội đồng chưa ghi số thành viên Hội đồng"
                       if self.round.council is None else "cột Số phiếu đồng ý để trống")
            reasons = [*reasons, _vote_reason(ballot, self.vote_rule(proposal), missing)]
            self._judged[proposal] = Judgement(proposal, _verdict(reasons), tuple(reasons),
                                               ballot)
        return self._judged[proposal]

    def vote_rule(self, proposal: Proposal) -> VoteRule:
        return self.regime.votes.get(proposal.award.code, self.regime.votes["default"])

    def ballot(self, proposal: Proposal) -> Ballot | None:
        council, votes = self.round.council, proposal.subject.votes
        if council is None or votes is None:
            return None
        rule = self.vote_rule(proposal)
        base = council.members if rule.of == "members" else (council.present or council.members)
        return Ballot(votes, base, rule)


def threshold(rule: VoteRule) -> str:
    """Say the share a vote needs: "từ 80% tổng số thành viên Hội đồng"."""
    base = "tổng số thành viên" if rule.of == "members" else "số thành viên dự họp"
    return f"{'trên' if rule.strict else 'từ'} {percent(rule.share)} {base} Hội đồng"


def _vote_reason(ballot: Ballot | None, rule: VoteRule, missing: str) -> Reason:
    """The council's vote against the share its award needs; `missing` says which number the
    workbook lacks when there is no ballot."""
    need = f"số phiếu đồng ý {threshold(rule)}"
    if ballot is None:
        return Reason(False, need, missing, rule.source, verified=False)
    found = (f"{'' if ballot.passed else 'chỉ '}có {_n(ballot.votes)}/{_n(ballot.base)} phiếu "
             f"đồng ý, bằng {percent(ballot.votes, ballot.base)}")
    return Reason(ballot.passed, need, found if rule.verified else f"{found}; {UNREAD}",
                  rule.source, rule.verified)


def _verdict(reasons: list[Reason]) -> Verdict:
    """Refused on any settled failure; "cần kiểm tra" on anything unsettled, passed or not."""
    if any(not r.passed and r.verified for r in reasons):
        return Verdict.INELIGIBLE
    if any(not (r.passed and r.verified) for r in reasons):
        return Verdict.REVIEW
    return Verdict.ELIGIBLE


# --- the round -----------------------------------------------------------------------------------


def assess(round_: Round, catalog: Catalog, history: History | None = None) -> Assessment:
    """Judge, price and order every proposal of a round; advise each subject's highest tier."""
    judge = Judge(round_, round_.regime, catalog, history or {})
    ordered = sorted(round_.proposals, key=list_order(round_))
    judgements = _over_quota([judge.judge(p) for p in ordered], round_)
    salary = (Salary(round_.info.base_salary, round_.info.decision_date,
                     "sheet Thông tin, dòng Mức lương cơ sở") if round_.info.base_salary
              else catalog.salary_on(round_.info.decision_date))
    judgements = _priced(judgements, round_.regime, salary)
    spent = {s: n for s in (*round_.collectives, *round_.people)
             if (n := judge.initiatives_spent(s, judge.year))}
    return Assessment(round_, tuple(judgements), salary, judge, spent)


def _over_quota(judgements: list[Judgement], round_: Round) -> list[Judgement]:
    """Flag every proposal of an award whose accepted count exceeds the plan's quota."""
    flagged = {}
    for quota in round_.quotas:
        for collective, cap in ((True, quota.collectives), (False, quota.individuals)):
            mine = [j for j in judgements if j.accepted and j.proposal.award == quota.award
                    and j.proposal.is_collective == collective]
            if cap is not None and len(mine) > cap:
                who = "tập thể" if collective else "cá nhân"
                reason = Reason(False, f"số {who} đề nghị {quota.award.name} trong chỉ tiêu "
                                       f"{_n(cap)}",
                                f"có {_n(len(mine))} {who} được đề nghị, vượt chỉ tiêu "
                                f"{_n(cap)}, Hội đồng cần chọn lại",
                                quota.source or f"sheet Chỉ tiêu, dòng {quota.row}",
                                verified=False)
                for j in mine:
                    flagged[id(j)] = reason
    return [dataclasses.replace(j, verdict=_verdict([*j.reasons, flagged[id(j)]]),
                                reasons=(*j.reasons, flagged[id(j)])) if id(j) in flagged else j
            for j in judgements]


HIGHER_TITLE = ("không thưởng tiền cho danh hiệu này vì cùng đợt đã có danh hiệu cao hơn, chỉ "
                "nhận tiền thưởng của danh hiệu cao nhất")


def _priced(judgements: list[Judgement], regime: Regime, salary: Salary) -> list[Judgement]:
    """Add reward money: coefficient × base salary, rounded up; one danh hiệu per subject."""
    best_title: dict[Subject, float] = {}
    for j in judgements:
        if j.accepted and j.proposal.award.kind == "danh_hieu":
            best_title[j.proposal.subject] = max(best_title.get(j.proposal.subject, 0),
                                                 _coefficient(j.proposal, regime))
    priced, paid_title = [], set()
    for j in judgements:
        coefficient = _coefficient(j.proposal, regime) if j.accepted else 0.0
        subject, reasons = j.proposal.subject, j.reasons
        if j.accepted and j.proposal.award.kind == "danh_hieu":
            if coefficient < best_title[subject] or subject in paid_title:
                reasons += (Reason(True, "", HIGHER_TITLE, regime.highest_title_source),)
                coefficient = 0.0
            if coefficient:
                paid_title.add(subject)
        money = money_for(coefficient, salary.amount, regime.round_up_to)
        priced.append(dataclasses.replace(j, reasons=reasons, coefficient=coefficient,
                                          money=money))
    return priced


def _coefficient(proposal: Proposal, regime: Regime) -> float:
    entry = regime.coefficients.get(proposal.award.code)
    if entry is None:
        return 0.0
    value = entry.collective if proposal.is_collective else entry.individual
    return value or 0.0


def money_for(coefficient: float, salary: int, round_up_to: int) -> int:
    """Coefficient × base salary, rounded up to `round_up_to` đồng (0: not rounded)."""
    raw = round(coefficient * salary)  # the product of two decimals, free of float noise
    return math.ceil(raw / round_up_to) * round_up_to if round_up_to else raw


def list_order(round_: Round) -> Callable[[Proposal], tuple]:
    """Order lists as offices do: by award, collectives first, then units in the workbook's
    order, then people by tên, họ, đệm."""
    units = {fold(c.name): i for i, c in enumerate(round_.collectives)}

    def key(proposal: Proposal) -> tuple:
        subject = proposal.subject
        if isinstance(subject, Collective):
            return proposal.award.rank, 0, units.get(fold(subject.name), len(units)), ()
        return (proposal.award.rank, 1, units.get(fold(subject.unit), len(units)),
                sort_key(subject.unit), name_sort_key(subject.name))

    return key


# --- wording -------------------------------------------------------------------------------------


def _n(value: int) -> str:
    """count(), under a name the predicates' `count` parameter does not hide."""
    return count(value)


def _years(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in sorted(years))


def _short(text: str, limit: int = 80) -> str:
    """A clerk's text on one line, cut at `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"



def _rated(rating: Term, ok: bool) -> str:
    """A rating as a reason states it: "hoàn thành xuất sắc nhiệm vụ"; below the bar "chỉ
    hoàn thành nhiệm vụ" (but "không hoàn thành nhiệm vụ")."""
    name = rating.name.lower()
    return name if ok or name.startswith("không") else f"chỉ {name}"


def _rated_in(judge: Judge, subject: Subject, year: int) -> str:
    """What a subject was rated in a year below the bar, or that no rating is recorded."""
    rated = judge.rating(subject, year)
    if rated is None:
        return f"năm {year} chưa ghi mức hoàn thành nhiệm vụ ở sheet Lịch sử"
    return f"năm {year} {_rated(rated, False)}"


def _ratings(judge: Judge, subject: Subject, years: Iterable[int]) -> str:
    """The ratings of some years, years of one rating together: "năm 2024, 2025 hoàn thành
    xuất sắc nhiệm vụ"."""
    by_rating: dict[str, list[int]] = {}
    for year in years:
        by_rating.setdefault(judge.rating(subject, year).name.lower(), []).append(year)
    return ", ".join(f"năm {_years(got)} {name}" for name, got in by_rating.items())


def _how_many(have: int, need: int, what: str) -> str:
    """ "có 02 sáng kiến", "chỉ có 01 sáng kiến" or "không có sáng kiến nào"."""
    if have >= need:
        return f"có {_n(have)} {what}"
    return f"chỉ có {_n(have)} {what}" if have else f"không có {what} nào"


def _summary(reason: Reason) -> str:
    """What a reason of another award found, to be told inside this one."""
    return reason.gist if reason.cases else reason.found
