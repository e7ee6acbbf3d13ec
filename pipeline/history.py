"""What each subject of a round did in earlier years: its Lịch sử sheet and earlier workbooks.

An award counts as received only with its decision: a row of Lịch sử (the clerk records what was
given), a row of an earlier workbook's Quyết định sheet, or the office's own decision once its
number and date are written in that workbook's Thông tin. A proposal still waiting (or decided
only after the round's own date) is kept as pending (decision None): criteria resting on it are
"cần kiểm tra", and no report lists it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import Kind, Problem
from .model import Award, Decision, PastRecord, Person, Proposal, Round, Subject, Term
from .vn import fold

if TYPE_CHECKING:
    from .rules import Assessment


@dataclass
class YearFacts:
    """One subject's record in one year, each fact with where it was read."""

    rating: Term | None = None
    initiatives: int = 0
    spent: int = 0  # sáng kiến that year's danh hiệu rested on
    titles: dict[Award, Decision | None] = field(default_factory=dict)  # None: pending
    awards: list[tuple[Award, str, Decision | None]] = field(default_factory=list)  # kind


History = dict[Subject, dict[int, YearFacts]]  # subject of this round → year → facts


@dataclass(frozen=True)
class Earlier:
    """A round read, with its assessment (None: decided before any rule file, history only)."""

    round: Round
    assessment: Assessment | None = None

    @property
    def accepted(self) -> tuple[Proposal, ...]:
        """The proposals neither refused by the rules nor concluded against by the council."""
        if self.assessment is None:
            return self.round.proposals
        return tuple(j.proposal for j in self.assessment.standing)

    @property
    def by_office(self) -> tuple[Proposal, ...]:
        """The proposals the office's own decisions carry."""
        if self.assessment is None:
            return tuple(p for p in self.round.proposals if p.award.route == "office")
        return self.assessment.decided

    @property
    def spent(self) -> dict[Subject, int]:
        return self.assessment.spent if self.assessment else {}

    def decisions(self) -> dict[tuple[Subject, Award], tuple[Award | None, Decision]]:
        """What was decided on the round's proposals: rows of its Quyết định sheet, and the
        office's own decisions (danh hiệu, Giấy khen) once Thông tin gives their number and
        Ngày ký."""
        info, found = self.round.info, {}
        numbers = {"danh_hieu": info.number_qd_danh_hieu, "hinh_thuc": info.number_qd_giay_khen}
        if info.sign_date:
            for proposal in self.by_office:
                if number := numbers[proposal.award.kind]:
                    if number.isdigit():  # typed without its ký hiệu, as the QĐ prints it
                        number = f"{int(number):02d}/QĐ-{info.agency_code}"
                    found[(proposal.subject, proposal.award)] = (
                        proposal.award,
                        Decision(number, info.sign_date, proposal.award.decided_by))
        for row in self.round.decisions:
            found[(row.proposal.subject, row.proposal.award)] = (row.granted, row.decision)
        return found


class _Matcher:
    """Finds the subject of the current round a record of another year speaks of."""

    def __init__(self, round_: Round) -> None:
        self.round = round_
        self.people_by_code = {p.code: p for p in round_.people if p.code}
        self.people_by_name = defaultdict(list)
        for person in round_.people:
            self.people_by_name[(fold(person.name), person.birth_year)].append(person)
        self.collectives = {fold(c.name): c for c in round_.collectives}
        self.collectives |= {c.code: c for c in round_.collectives if c.code}

    def find(self, code: str, name: str, birth_year: int | None, unit: str
             ) -> Subject | list[Person] | None:
        """Return the one subject, the several it could be (ambiguous), or None."""
        if code and code in self.people_by_code:
            return self.people_by_code[code]
        if code and code in self.collectives:
            return self.collectives[code]
        if birth_year is None and fold(name) in self.collectives:
            return self.collectives[fold(name)]
        found = self.people_by_name.get((fold(name), birth_year), [])
        if len(found) > 1 and unit:
            found = [p for p in found if fold(p.unit) == fold(unit)]
        return found[0] if len(found) == 1 else (found or None)


def build_history(round_: Round, earlier: list[Earlier]) -> tuple[History, list[Problem]]:
    """Gather the facts of earlier years for every subject of a round."""
    matcher = _Matcher(round_)
    history: History = defaultdict(lambda: defaultdict(YearFacts))
    problems: list[Problem] = []
    for past in earlier:
        _add_round(history, matcher, past, problems)
    for record in round_.history:
        subject = matcher.find(record.code, record.name, record.birth_year, record.unit)
        if isinstance(subject, list):
            problems.append(_ambiguous(round_.source.name, "Lịch sử", record.row, record.name,
                                       subject))
        elif subject is not None:
            _add_record(history[subject], record)
    # plain dicts: what a worker process started by "spawn" (Windows) receives is pickled
    return {subject: dict(years) for subject, years in history.items()}, problems


def _add_round(history: History, matcher: _Matcher, past: Earlier,
               problems: list[Problem]) -> None:
    year, file = past.round.info.year, past.round.source.name  # file: for ambiguity reports
    linked: dict[Subject, Subject] = {}  # earlier round's subject → this round's
    for subject in (*past.round.collectives, *past.round.people):
        is_person = isinstance(subject, Person)
        found = matcher.find(subject.code, subject.name,
                             subject.birth_year if is_person else None,
                             subject.unit if is_person else "")
        if isinstance(found, list):
            problems.append(_ambiguous(file, "Cá nhân", subject.row, subject.name, found))
            continue
        if found is None or isinstance(found, Person) != is_person:
            continue
        linked[subject] = found
        facts = history[found][year]
        facts.rating = subject.rating
        if is_person:  # each workbook of a year restates its sáng kiến: never count them twice
            facts.initiatives = max(facts.initiatives, subject.initiatives)
        facts.spent += past.spent.get(subject, 0)
    day = matcher.round.info.decision_date  # a decision signed later was not known then
    decided = {key: (award, decision) for key, (award, decision) in past.decisions().items()
               if decision.day is None or decision.day <= day}
    for proposal in past.accepted:
        subject, proposed = proposal.subject, proposal.award
        if subject not in linked:
            continue
        award, decision = decided.get((subject, proposed), (proposed, None))
        if award is None:
            continue  # refused: not an award
        facts = history[linked[subject]][year]
        if award.kind == "danh_hieu":
            facts.titles[award] = decision
        else:
            facts.awards.append((award, subject.kind.code, decision))


def _add_record(years: dict[int, YearFacts], record: PastRecord) -> None:
    decision = Decision(record.decision_number, record.decision_date, record.body)
    what = record.what
    for year in record.years:
        facts = years[year]
        if isinstance(what, Term):
            facts.rating = what
        elif what.kind == "danh_hieu":
            facts.titles[what] = decision
        if record.initiatives:  # the year's count, as a workbook of that year would state it
            facts.initiatives = max(facts.initiatives, record.initiatives)
    if isinstance(what, Award) and what.kind == "hinh_thuc":
        kind = record.kind.code if record.kind else "cong-trang"
        years[record.years[-1]].awards.append((what, kind, decision))


def _ambiguous(file: str, sheet: str, row: int, name: str, people: list[Person]) -> Problem:
    rows = ", ".join(str(p.row) for p in people)
    return Problem(Kind.AMBIGUOUS_PERSON, file, sheet, row, value=name,
                   expected=f"dòng {rows} của sheet Cá nhân")

