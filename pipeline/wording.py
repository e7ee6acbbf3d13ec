"""What each criterion needs, in the words `khenthuong quy-dinh` prints and every reason of a
verdict reuses; and each reason as one sentence a clerk reads: what the rule needs, what this
subject has, the clause."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .vn import count, percent

if TYPE_CHECKING:
    from .catalog import Catalog
    from .model import Criterion
    from .rules import Judgement

UNREAD = "điều kiện này chưa được đối chiếu với văn bản gốc"
LETTERS = "abcdefgh"  # the cases of a group, as quy-dinh letters them


@dataclass(frozen=True)
class Reason:
    """One check of one proposal: what the rule needs, what was found, against which clause.

    `verified` is false where the outcome is not settled: the rule was not read from the legal
    text, a fact it needs is missing, or it rests on another verdict still to be checked. Such a
    reason makes the verdict "cần kiểm tra" at best, whether it passed or not. A reason with no
    `need` is a note (no money for a lower title). A group none of whose cases held keeps them,
    each with its letter."""

    passed: bool
    need: str
    found: str
    source: str
    verified: bool = True
    claim: bool = False  # rests on what the unit claims (Loại khen thưởng, Thành tích)
    cases: tuple[tuple[str, Reason], ...] = ()

    @property
    def deciding(self) -> bool:
        """Failed, or not settled: it keeps the verdict from "đủ điều kiện"."""
        return not (self.passed and self.verified)

    @property
    def note(self) -> bool:
        """Says something beside the criteria (no money for a lower title)."""
        return not self.need and not self.cases

    @property
    def gist(self) -> str:
        """The sentence without its clause, in lower case: "cần …; …"."""
        if self.cases:
            return "không đạt trường hợp nào: " + "; ".join(
                f"{letter}) {case.gist}" for letter, case in self.cases)
        if not self.need:
            return self.found
        if self.passed and self.verified:
            return f"đạt yêu cầu {self.need}: {self.found}"
        return f"cần {self.need}; {self.found}"

    @property
    def text(self) -> str:
        """The reason as a clerk reads it; a group's cases one line each, lettered."""
        if self.cases:
            return "\n".join([f"Không đạt trường hợp nào ({cite(self.source)}):",
                              *(f"{letter}) {case.text}" for letter, case in self.cases)])
        return f"{capital(self.gist)} ({cite(self.source)})."

    def __str__(self) -> str:
        return self.text


def cite(source: str) -> str:
    """A clause as a reason cites it, inside its own parentheses: a note the rule file adds in
    parentheses follows a comma instead ("Điều 75.2 (tiêu chuẩn …)" → "Điều 75.2, tiêu chuẩn …")."""
    return _NOTE.sub(r", \1", source)


_NOTE = re.compile(r" \(([^()]*)\)")


def capital(text: str) -> str:
    """The text with its first letter in capital, as a sentence starts."""
    return text[:1].upper() + text[1:]


def reasons_text(judgement: Judgement) -> str:
    """The reasons of one proposal, a sentence a line: those that keep it from "đủ điều kiện"
    and the notes, or, when none does, every reason it was found eligible for."""
    shown = [r for r in judgement.reasons if r.deciding or r.note]
    if not any(r.deciding for r in shown):
        shown = judgement.reasons
    return "\n".join(r.text for r in shown)


def grouped(judgements: Iterable[Judgement]) -> list[tuple[tuple[Judgement, ...], list[str]]]:
    """Each sentence that keeps a proposal from "đủ điều kiện", once, with every proposal it
    applies to; sentences shared by the same proposals go together, in list order."""
    owners: dict[str, list[Judgement]] = {}
    for judgement in judgements:
        for reason in judgement.reasons:
            if reason.deciding:
                mine = owners.setdefault(reason.text, [])
                if not mine or mine[-1] is not judgement:
                    mine.append(judgement)
    blocks: dict[tuple[int, ...], tuple[tuple[Judgement, ...], list[str]]] = {}
    for text, mine in owners.items():
        key = tuple(map(id, mine))
        blocks.setdefault(key, (tuple(mine), []))[1].append(text)
    return list(blocks.values())


# --- what each criterion needs -------------------------------------------------------------------


def describe(catalog: Catalog, criterion: Criterion, year: int | None = None) -> str:
    """What a criterion asks, whoever the subject: of "năm xét", or of the year given."""
    when = f"năm {year}" if year else "năm xét"
    return DESCRIPTIONS[criterion.rule](catalog, when, **criterion.params)


def _name(catalog: Catalog, vocab: str, code: str) -> str:
    return next(t.name for t in catalog.vocab[vocab] if t.code == code).lower()


def _with(initiatives: int) -> str:
    return f", trong thời gian đó có {count(initiatives)} sáng kiến" if initiatives else ""


DESCRIPTIONS: dict[str, Callable[..., str]] = {
    "rating_at_least": lambda c, when, rating: (
        f"{_name(c, 'rating', rating)} trở lên trong {when}"),
    "discipline_below": lambda c, when, discipline: (
        "không đang trong thời gian bị kỷ luật" if discipline == "khien-trach" else
        f"không đang trong thời gian bị kỷ luật từ mức {_name(c, 'discipline', discipline)} "
        "trở lên"),
    "eligible_for": lambda c, when, award: f"đạt tiêu chuẩn {c.award(award).name}",
    "initiatives_at_least": lambda c, when, count: (
        f"có từ {_n(count)} sáng kiến được công nhận trong {when}"),
    "projects_at_least": lambda c, when, count: (
        f"có từ {_n(count)} đề tài, đề án khoa học được nghiệm thu trong {when}"),
    "initiative_scope_at_least": lambda c, when, scope: (
        f"có sáng kiến, đề tài có phạm vi ảnh hưởng {_name(c, 'scope', scope)} trở lên"),
    "consecutive_titles": lambda c, when, award, years, initiatives=0: (
        f"{count(years)} năm liên tục đến {when} đạt {c.award(award).name}{_with(initiatives)}"),
    "consecutive_ratings": lambda c, when, rating, years, initiatives=0: (
        f"{count(years)} năm liên tục đến {when} {_name(c, 'rating', rating)} trở lên"
        f"{_with(initiatives)}"),
    "consecutive_times": lambda c, when, award, times, within, initiatives=0: (
        f"{count(times)} lần liên tục đạt {c.award(award).name}, lần sau cách lần trước không "
        f"quá {count(within)} năm{_with(initiatives)}"),
    "claimed_achievement": lambda c, when, kinds: (
        f"thành tích {_either([_name(c, 'achievement', k) for k in kinds])} do đơn vị bình xét, "
        "ghi ở cột Loại khen thưởng và Thành tích"),
    "members_share": lambda c, when, award, share, strict=False: (
        f"{'trên' if strict else 'từ'} {percent(share)} cá nhân của tập thể đạt "
        f"{c.award(award).name}"),
    "members_rated_at_least": lambda c, when, rating: (
        f"mọi cá nhân của tập thể {_name(c, 'rating', rating)} trở lên"),
    "member_with": lambda c, when, award: f"có cá nhân đạt {c.award(award).name}",
    "no_member_disciplined": lambda c, when, discipline: (
        f"không có cá nhân bị kỷ luật từ mức {_name(c, 'discipline', discipline)} trở lên"),
    "after_award": lambda c, when, award, years, rating, title="", times=0, excellent=0,
    after=False: (
        f"đã được tặng {c.award(award).name} về công trạng"
        + (", sau đó" if after else " và") + f" có liên tục từ {count(years)} năm trở lên đến "
        f"{when} {_name(c, 'rating', rating)} trở lên"
        + (f", trong thời gian đó có {count(times)} lần đạt {c.award(title).name}" if title else "")
        + (f" và {count(excellent)} năm hoàn thành xuất sắc nhiệm vụ" if excellent else "")),
}


def _either(names: list[str]) -> str:
    """ "công trạng, phong trào hoặc đột xuất"."""
    return " hoặc ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _n(value: int) -> str:
    """count(), under a name the describers' `count` parameter does not hide."""
    return count(value)
