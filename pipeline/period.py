"""What a sơ kết or tổng kết reports of its whole period, and what a yearly report compares with:
each year's figures drawn from every round of those years in inputs/ (ratings, proposals,
decisions, money), per-unit totals, and the people and units most often honoured."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .history import Earlier
from .model import Collective, Person, Round
from .vn import fold, sort_key

_SPAN = re.compile(r"(\d{4})\s*[-–—]\s*(\d{4})")


@dataclass(frozen=True)
class YearFigures:
    """One year of the period: who was assessed, how, what was proposed and decided."""

    year: int
    collectives: int | None  # None: no yearly workbook of the year, so none assessed here
    people: int | None
    ratings: tuple[tuple[str, int], ...]  # (rating code, people so rated)
    proposed: tuple[tuple[str, int, int], ...]  # (award code, collectives, individuals)
    decided: tuple[tuple[str, int, int], ...]
    money: int  # of the proposals the rounds accepted


@dataclass(frozen=True)
class Honour:
    """A subject honoured in the period: its unit and each award decided, by year."""

    name: str
    unit: str
    collective: bool
    awards: tuple[tuple[int, str], ...]  # (year, award code)


@dataclass(frozen=True)
class Period:
    """The figures of the years first … last."""

    first: int
    last: int
    years: tuple[YearFigures, ...]  # the years that have a workbook in inputs/
    honours: tuple[Honour, ...]  # most often honoured first
    missing: tuple[int, ...] = ()  # years of the period with no workbook: not reported


def span(round_: Round) -> tuple[int, int] | None:
    """The years a sơ kết or tổng kết covers, from Giai đoạn in Thông tin ("2021-2025")."""
    found = _SPAN.search(round_.info.period)
    if round_.info.occasion.code == "hang-nam" or not found:
        return None
    first, last = int(found.group(1)), int(found.group(2))
    return (first, min(last, round_.info.year)) if first <= round_.info.year else None


def figures(rounds: list[Earlier], first: int, last: int) -> Period:
    """The period's figures: ratings from each year's yearly round, proposals and decisions
    from every round of the year."""
    held = {e.round.info.year for e in rounds}
    years = [_year(year, [e for e in rounds if e.round.info.year == year])
             for year in range(first, last + 1) if year in held]
    return Period(first, last, tuple(years), _honours(
        [e for e in rounds if first <= e.round.info.year <= last]),
        tuple(y for y in range(first, last + 1) if y not in held))


def _year(year: int, rounds: list[Earlier]) -> YearFigures:
    yearly = next((e.round for e in rounds if e.round.info.occasion.code == "hang-nam"), None)
    ratings = Counter(p.rating.code for p in yearly.people) if yearly else Counter()
    proposed, decided, money, rank = Counter(), Counter(), 0, {}
    for earlier in rounds:
        granted = earlier.decisions()
        for proposal in earlier.accepted:
            who = 0 if proposal.is_collective else 1
            proposed[(proposal.award.code, who)] += 1
            award, decision = granted.get((proposal.subject, proposal.award), (None, None))
            if decision and award:
                decided[(award.code, who)] += 1
            for each in (proposal.award, award):
                if each:
                    rank[each.code] = each.rank
        money += earlier.assessment.money() if earlier.assessment else 0
    codes = sorted(rank, key=rank.get)  # in the order of forms/awards.toml, as every list
    return YearFigures(
        year, len(yearly.collectives) if yearly else None, len(yearly.people) if yearly else None,
        tuple(sorted(ratings.items())),
        tuple((c, proposed[(c, 0)], proposed[(c, 1)]) for c in codes),
        tuple((c, decided[(c, 0)], decided[(c, 1)]) for c in codes), money)


def _honours(rounds: list[Earlier]) -> tuple[Honour, ...]:
    """Who received decided awards in the period, most awards first, then by name."""
    found: dict[tuple, list[tuple[int, str]]] = {}
    about: dict[tuple, tuple[str, str, bool]] = {}
    for earlier in rounds:
        granted = earlier.decisions()
        for proposal in earlier.accepted:
            award, decision = granted.get((proposal.subject, proposal.award), (None, None))
            if not (decision and award):
                continue
            subject = proposal.subject
            key = (fold(subject.name), getattr(subject, "birth_year", None))
            found.setdefault(key, []).append((earlier.round.info.year, award.code))
            about[key] = (subject.name, subject.unit if isinstance(subject, Person) else "",
                          isinstance(subject, Collective))
    return tuple(sorted((Honour(*about[k], tuple(sorted(v))) for k, v in found.items()),
                        key=lambda h: (-len(h.awards), sort_key(h.name))))
