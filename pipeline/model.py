"""The values that cross the stages: terms, awards, subjects, proposals, rounds.

Terms, awards, subjects and proposals compare by identity (eq=False): each is made once, by the
catalog or by validation, and is a key of many dicts, where hashing every field would cost more
than all the rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True, eq=False)
class Term:
    """A value of a closed vocabulary: the code the program uses, the name documents print."""

    code: str
    name: str
    rank: int  # position in its list: ratings best first, discipline lightest first
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Award:
    """A danh hiệu thi đua or hình thức khen thưởng, with who decides it."""

    code: str
    name: str
    short: str
    kind: str  # "danh_hieu" | "hinh_thuc"
    subjects: tuple[str, ...]  # "ca_nhan", "tap_the"
    decided_by: str
    route: str  # "office": the office head decides; "province": goes up by tờ trình
    source: str
    rank: int  # position in forms/awards.toml: lists are ordered by it
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Criterion:
    """One condition of an award: a named check with its parameters and its legal source.

    A group with `alternatives` holds when any of them does ("một trong các trường hợp").
    `verified` is false for facts not yet checked against the law text: failing them asks for a
    review rather than refusing."""

    rule: str
    params: Mapping[str, object]
    source: str
    verified: bool = True
    alternatives: tuple[Criterion, ...] = ()
    subjects: tuple[str, ...] | None = None  # "ca_nhan", "tap_the": the case applies to these


@dataclass(frozen=True)
class Coefficient:
    """Reward money as a multiple of the mức lương cơ sở."""

    individual: float | None
    collective: float | None
    source: str
    verified: bool = True


@dataclass(frozen=True)
class VoteRule:
    """The share of the council's ballots an award needs."""

    share: float
    of: str  # "members": of all council members; "present": of members at the meeting
    strict: bool  # more than the share (a majority), not just reaching it
    source: str
    verified: bool = True


@dataclass(frozen=True)
class Salary:
    """A mức lương cơ sở and the day it applies from."""

    amount: int
    effective_from: date
    source: str


@dataclass(frozen=True)
class Regime:
    """The law in force for decisions between two dates: criteria, votes and money."""

    name: str
    effective_from: date
    effective_to: date | None
    source: str
    legal_basis: tuple[str, ...]
    round_up_to: int
    money_source: str
    highest_title_source: str
    payer_source: str
    coefficients: Mapping[str, Coefficient]
    votes: Mapping[str, VoteRule]
    criteria: Mapping[str, tuple[Criterion, ...]]
    texts: tuple[str, ...] = ()  # the texts that govern its rounds: the only ones it may cite

    def covers(self, day: date) -> bool:
        ends = self.effective_to
        return self.effective_from <= day and (ends is None or day <= ends)


@dataclass(frozen=True)
class RoundInfo:
    """The Thông tin sheet: which round, who issues, who signs."""

    year: int
    occasion: Term
    movement: str
    parent_agency: str
    agency: str
    agency_name: str
    agency_code: str
    drafting_unit: str
    place: str
    sign_date: date | None
    sign_month: tuple[int, int] | None  # (month, year) when only those are known
    number_to_trinh: str
    number_bao_cao: str
    number_qd_giay_khen: str
    number_qd_danh_hieu: str
    fund: str
    period: str
    signer: str
    signer_title: str
    sign_authority: str
    head_title: str
    addressee: str
    report_addressee: str
    base_salary: int | None
    situation: str
    direction: str
    assessment: str
    plans: str
    proposals: str
    basis_functions: str = ""  # căn cứ: the decision on the office's functions and organisation
    basis_regulation: str = ""  # căn cứ: the office's thi đua, khen thưởng regulation

    @property
    def report_due(self) -> date:
        """When the yearly report reaches Sở Nội vụ: before 30/11 (the office's plan, mục V)."""
        return date(self.year, 11, 30)

    @property
    def decision_date(self) -> date:
        """The date whose law applies: Ngày ký (its month's first day when only the month is
        known), else 30/11 of the year (SPEC §5)."""
        if self.sign_date:
            return self.sign_date
        if self.sign_month:
            month, year = self.sign_month
            return date(year, month, 1)
        return date(self.year, 11, 30)


@dataclass(frozen=True)
class UnitProfile:
    """What a collective's báo cáo thành tích says of it beyond the rating: optional columns,
    empty when the clerk has not written them (the report then keeps a dotted line)."""

    head_title: str = ""  # as its head signs: "Trưởng phòng Kinh tế"
    address: str = ""
    staff: int | None = None
    structure: str = ""
    functions: str = ""
    measures: str = ""


@dataclass(frozen=True)
class PersonProfile:
    """What a person's báo cáo thành tích says of him beyond the rating (sơ lược lý lịch,
    quyền hạn, nhiệm vụ): optional columns, empty when not written."""

    birth_date: date | None = None
    hometown: str = ""
    residence: str = ""
    party_position: str = ""
    qualification: str = ""
    degrees: str = ""
    duties: str = ""


@dataclass(frozen=True, eq=False)
class Collective:
    """A phòng, ban or đơn vị as rated in the round."""

    row: int
    code: str
    name: str
    parent: str
    rating: Term
    kind: Term
    achievements: str
    votes: int | None
    note: str
    conclusion: Term | None = None  # the council's, on a proposal still to be checked
    profile: UnitProfile = field(default_factory=UnitProfile)


@dataclass(frozen=True, eq=False)
class Person:
    """A cán bộ, công chức, viên chức or người lao động as rated in the round."""

    row: int
    code: str
    name: str
    sex: Term
    birth_year: int
    position: str
    unit: str
    rating: Term
    initiatives: int
    initiative_scope: Term | None
    discipline: Term
    kind: Term
    achievements: str
    votes: int | None
    note: str
    projects: int = 0  # đề tài, đề án khoa học nghiệm thu in the year (Luật 2022, Điều 23)
    conclusion: Term | None = None  # the council's, on a proposal still to be checked
    profile: PersonProfile = field(default_factory=PersonProfile)


Subject = Person | Collective


@dataclass(frozen=True, eq=False)
class Proposal:
    """One subject proposed for one award."""

    subject: Subject
    award: Award

    @property
    def is_collective(self) -> bool:
        return isinstance(self.subject, Collective)


@dataclass(frozen=True)
class PastRecord:
    """A row of the Lịch sử sheet: a rating or an award of earlier years."""

    row: int
    code: str
    name: str
    birth_year: int | None
    unit: str
    years: tuple[int, ...]
    what: Term | Award  # a rating, or a danh hiệu / hình thức received
    initiatives: int | None
    kind: Term | None
    decision_number: str
    decision_date: date | None
    body: str = ""  # who signed the decision, when the clerk wrote it


@dataclass(frozen=True)
class Decision:
    """A signed decision on awards: its number, its date and who signed it."""

    number: str
    day: date | None
    body: str  # who decides, as forms/awards.toml writes it: "Chủ tịch Ủy ban nhân dân tỉnh"


@dataclass(frozen=True)
class Decided:
    """A row of the Quyết định sheet: what a decision did with one proposal of the round."""

    row: int
    decision: Decision
    proposal: Proposal
    granted: Award | None  # the award given (the one proposed, or another); None: refused


@dataclass(frozen=True)
class Member:
    """A row of the Hội đồng sheet's member table: who, their role, and whether they came."""

    row: int
    name: str
    position: str
    role: Term  # chu-tich, pho-chu-tich, uy-vien, uy-vien-thu-ky, thu-ky (not a member)
    attended: bool
    reason: str = ""

    @property
    def votes(self) -> bool:
        """A member of the council (the Thư ký who is not a member keeps the minutes only)."""
        return self.role.code != "thu-ky"

    @property
    def keeps_minutes(self) -> bool:
        return self.role.code in ("thu-ky", "uy-vien-thu-ky")


@dataclass(frozen=True)
class Council:
    """The Hội đồng Thi đua - Khen thưởng that votes on the proposals, and its meeting."""

    members: int
    present: int | None
    absent: str = ""
    meeting_date: date | None = None
    start_time: str = ""
    end_time: str = ""
    venue: str = ""
    chair: str = ""
    chair_title: str = ""
    secretary: str = ""
    number: str = ""
    roster: tuple[Member, ...] = ()  # the member table, when the clerk filled it


@dataclass(frozen=True)
class Quota:
    """A movement plan's cap on one award."""

    row: int
    award: Award
    collectives: int | None
    individuals: int | None
    source: str


@dataclass(frozen=True)
class Round:
    """One validated workbook: a yearly, sơ kết or tổng kết round."""

    source: Path
    info: RoundInfo
    regime: Regime | None  # None: decided before 2024, history only
    collectives: tuple[Collective, ...]
    people: tuple[Person, ...]
    proposals: tuple[Proposal, ...]
    history: tuple[PastRecord, ...] = ()
    council: Council | None = None
    quotas: tuple[Quota, ...] = ()
    decisions: tuple[Decided, ...] = ()

    @property
    def slug(self) -> str:
        """Name of the round's output folder: "2025-hang-nam"."""
        return f"{self.info.year}-{self.info.occasion.code}"
