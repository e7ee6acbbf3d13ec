"""Apply the award rules to a round: which proposals the office decides, which go up by tờ trình."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Collective, Proposal, Round
from .vn import fold, name_sort_key, sort_key


@dataclass(frozen=True)
class Assessment:
    """A round's proposals, sorted into the documents that carry them."""

    round: Round
    submitted: tuple[Proposal, ...]  # to the provincial chairman by tờ trình
    decided: tuple[Proposal, ...]  # by the office head's own quyết định

    @property
    def proposals(self) -> tuple[Proposal, ...]:
        return self.submitted + self.decided


def assess(round_: Round) -> Assessment:
    """Route every proposal by the authority that decides its award (forms/awards.toml)."""
    ordered = sorted(round_.proposals, key=list_order(round_))
    return Assessment(
        round=round_,
        submitted=tuple(p for p in ordered if p.award.route == "province"),
        decided=tuple(p for p in ordered if p.award.route == "office"),
    )


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
