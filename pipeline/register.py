"""The sổ theo dõi khen thưởng: every award decided and every proposal still waiting, across all
the rounds in inputs/ and the Lịch sử they record, by person and unit — what a clerk opens when
asked "who got what, when"."""

from __future__ import annotations

from dataclasses import dataclass

from .history import Earlier
from .model import Award, Collective, Decision, Person, Round
from .vn import fold, short_date, sort_key
from .xlsx import Column, payer, table_xlsx

FOLDER = "so-theo-doi-khen-thuong"
NAME = "so-theo-doi-khen-thuong.xlsx"
DECIDED, WAITING, REFUSED = "Đã quyết định", "Chờ quyết định", "Không được tặng"
UNCONCLUDED = "Chờ kết luận của Hội đồng"  # "cần kiểm tra", not yet in any document


@dataclass(frozen=True)
class Entry:
    """One award of one subject in one year: decided, waiting (for the decision, or for the
    council's conclusion) or refused."""

    year: int
    name: str
    code: str
    birth_year: int | None
    unit: str
    collective: bool
    award: Award
    kind: str
    status: str
    decision: Decision | None
    money: int | None  # priced by the round that proposed it; None when not known
    source: str  # the workbook (and sheet) it was read from


def entries(rounds: list[Earlier]) -> list[Entry]:
    """The register's rows: proposals with what became of them, then the Lịch sử of every
    workbook for what no round here proposed; one row per subject, year and award."""
    found: dict[tuple, Entry] = {}
    for earlier in rounds:
        for entry in _proposed(earlier):
            found.setdefault(_key(entry), entry)
    for earlier in rounds:
        for entry in _recorded(earlier.round):
            found.setdefault(_key(entry), entry)
    return sorted(found.values(), key=lambda e: (not e.collective, sort_key(e.name),
                                                 e.birth_year or 0, e.year, e.award.rank))


def _key(entry: Entry) -> tuple:
    return fold(entry.name), entry.birth_year, entry.year, entry.award.code


def _proposed(earlier: Earlier):
    round_, decided = earlier.round, earlier.decisions()
    judged = ({j.proposal: j for j in earlier.assessment.judgements} if earlier.assessment
              else {})
    held = set(earlier.assessment.held) if earlier.assessment else set()
    for proposal in earlier.accepted:
        judgement = judged.get(proposal)
        granted, decision = decided.get((proposal.subject, proposal.award),
                                        (proposal.award, None))
        status = (UNCONCLUDED if judgement in held and decision is None else WAITING
                  if decision is None else DECIDED if granted else REFUSED)
        award = granted or proposal.award
        money = judgement.money if judgement and award == proposal.award and granted else None
        yield _entry(round_, proposal.subject, award, status, decision, money,
                     round_.source.name)


def _recorded(round_: Round):
    people = {(fold(p.name), p.birth_year): p for p in round_.people}
    units = {fold(c.name) for c in round_.collectives}
    for record in round_.history:
        if not isinstance(record.what, Award):
            continue
        person = people.get((fold(record.name), record.birth_year))
        decision = Decision(record.decision_number, record.decision_date, record.body)
        for year in record.years:
            yield Entry(year, record.name, record.code, record.birth_year,
                        record.unit or (person.unit if person else ""),
                        record.birth_year is None and fold(record.name) in units,
                        record.what, record.kind.name if record.kind else "Công trạng", DECIDED,
                        decision, None, f"{round_.source.name}, sheet Lịch sử")


def _entry(round_: Round, subject, award: Award, status: str, decision: Decision | None,
           money: int | None, source: str) -> Entry:
    person = isinstance(subject, Person)
    return Entry(round_.info.year, subject.name, subject.code,
                 subject.birth_year if person else None,
                 subject.unit if person else (subject.parent or round_.info.agency_name),
                 isinstance(subject, Collective), award, subject.kind.name, status, decision,
                 money, source)


COLUMNS = [Column("STT", 6), Column("Họ và tên / Tên tập thể", 26), Column("Mã", 8),
           Column("Năm sinh", 8), Column("Đơn vị", 24), Column("Năm", 7),
           Column("Danh hiệu, hình thức", 30), Column("Loại", 11), Column("Tình trạng", 15),
           Column("Số quyết định", 14), Column("Ngày quyết định", 12),
           Column("Cấp quyết định", 22), Column("Tiền thưởng (đồng)", 13, money=True),
           Column("Cấp chi trả", 20), Column("Nguồn", 24)]


def register_xlsx(rows: list[Entry], *, title_day) -> bytes:
    """The register as a workbook: filters, frozen header, one row per award."""
    table = [[stt, e.name, e.code, e.birth_year, e.unit, e.year, e.award.name, e.kind,
              e.status, e.decision.number if e.decision else "",
              short_date(e.decision.day) if e.decision and e.decision.day else "",
              (e.decision.body if e.decision else "") or "", e.money,
              payer(e.award), e.source]
             for stt, e in enumerate(rows, start=1)]
    return table_xlsx("Sổ theo dõi khen thưởng", COLUMNS, table,
                      title="Sổ theo dõi khen thưởng", day=title_day)
