"""What each subject of a round did in earlier years: its Lịch sử sheet and earlier workbooks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .errors import Kind, Problem
from .model import Award, PastRecord, Person, Round, Subject, Term
from .vn import fold, short_date


@dataclass
class YearFacts:
    """One subject's record in one year, each fact with where it was read."""

    rating: Term | None = None
    initiatives: int = 0
    spent: int = 0  # sáng kiến that year's danh hiệu rested on
    titles: dict[Award, str] = field(default_factory=dict)  # danh hiệu → where it is recorded
    awards: list[tuple[Award, str, str]] = field(default_factory=list)  # (award, kind, source)


History = dict[Subject, dict[int, YearFacts]]  # subject of this round → year → facts


@dataclass(frozen=True)
class Earlier:
    """An earlier round, with the proposals its assessment accepted."""

    round: Round
    accepted: tuple[tuple[Subject, Award], ...]
    spent: dict[Subject, int] = field(default_factory=dict)


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
    source = f"chưa ghi số quyết định (đề nghị trong bảng tính năm {year})"
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
        facts.initiatives += subject.initiatives if is_person else 0
        facts.spent += past.spent.get(subject, 0)
    for subject, award in past.accepted:
        if subject in linked:
            facts = history[linked[subject]][year]
            if award.kind == "danh_hieu":
                facts.titles[award] = source
            else:
                facts.awards.append((award, subject.kind.code, source))


def _add_record(years: dict[int, YearFacts], record: PastRecord) -> None:
    source = (f"Quyết định số {record.decision_number}" if record.decision_number
              else f"sheet Lịch sử, dòng {record.row}")
    if record.decision_date:
        source += f" ngày {short_date(record.decision_date)}"
    what = record.what
    for year in record.years:
        facts = years[year]
        if isinstance(what, Term):
            facts.rating = what
        elif what.kind == "danh_hieu":
            facts.titles[what] = source
        if record.initiatives:
            facts.initiatives += record.initiatives
    if isinstance(what, Award) and what.kind == "hinh_thuc":
        kind = record.kind.code if record.kind else "cong-trang"
        years[record.years[-1]].awards.append((what, kind, source))


def _ambiguous(file: str, sheet: str, row: int, name: str, people: list[Person]) -> Problem:
    rows = ", ".join(str(p.row) for p in people)
    return Problem(Kind.AMBIGUOUS_PERSON, file, sheet, row, value=name,
                   expected=f"dòng {rows} của sheet Cá nhân")

