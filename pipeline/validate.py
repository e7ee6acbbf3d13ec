"""Check every cell of a read workbook and build the round, collecting all problems at once."""

from __future__ import annotations

import difflib
import re
from calendar import monthrange
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial

from openpyxl.utils.datetime import from_excel

from .catalog import Catalog, Column
from .errors import Kind, Problem, quoted
from .model import (
    Award,
    Collective,
    Council,
    Decided,
    Decision,
    Member,
    PastRecord,
    Person,
    PersonProfile,
    Proposal,
    Quota,
    Round,
    RoundInfo,
    Term,
    UnitProfile,
)
from .read import Cell, Pairs, RawWorkbook, Record
from .vn import count, fold, name_case, same_spelling, short_date

_INT = re.compile(r"^[+]?\d+(?:[.,]0+)?$")
_YEAR = re.compile(r"^(?:năm\s*)?(\d{4})$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEARS = re.compile(r"^(?:năm\s*)?(\d{4})\s*[-–]\s*(\d{4})$", re.IGNORECASE)
_MONTH = re.compile(r"^(?:tháng\s*)?(\d{1,2})[/.\-](\d{4})$", re.IGNORECASE)
_SUBJECT_NAMES = {"ca_nhan": "cá nhân", "tap_the": "tập thể"}
Fields = Record | Pairs
BIRTH_DATE = "ngày/tháng/năm sinh đầy đủ, ví dụ 05/3/1985"


def validate(raw: RawWorkbook, catalog: Catalog) -> tuple[Round | None, list[Problem]]:
    """Return the round (None when any error) and every problem found."""
    checker = _Checker(raw, catalog)
    info = checker.info()
    collectives = [checker.collective(r, info) for r in raw.tables.get("collectives", ())]
    units = {fold(c.name): c.name for c in collectives if c.name}
    people = [checker.person(r, info, units) for r in raw.tables.get("individuals", ())]
    checker.duplicates(people)
    for sheet, subjects in (("collectives", collectives), ("individuals", people)):
        checker.codes_unique(sheet, subjects)
    checker.plausible(people, info)
    history = tuple(checker.past(r) for r in raw.tables.get("history", ()))
    council = checker.council()
    if info:
        checker.signed_in_year(info)
    if council:
        checker.votes_possible(council, {"collectives": collectives, "individuals": people})
        if info:
            checker.met_before_signing(council, info)
    quotas = tuple(checker.quota(r) for r in raw.tables.get("quotas", ()))
    problems = raw.problems + checker.problems
    if info is None or any(p.is_error for p in problems):
        return None, problems
    proposals = tuple(Proposal(subject, award)
                      for subject, awards in checker.requested for award in awards)
    decisions = _Decisions(checker, proposals, info).read()
    problems = raw.problems + checker.problems
    if any(p.is_error for p in problems):
        return None, problems
    regime = catalog.regime_for(info.decision_date)
    return Round(raw.path, info, regime, tuple(collectives), tuple(people), proposals, history,
                 council, quotas, decisions), problems


class _Checker:
    """Converts cells by their column kind, recording a problem for each bad one."""

    def __init__(self, raw: RawWorkbook, catalog: Catalog) -> None:
        self.raw, self.catalog = raw, catalog
        self.problems: list[Problem] = []
        self.requested: list[tuple[Collective | Person, list[Award]]] = []
        self._by_sheet: dict[str, dict[str, tuple[Column, Callable]]] = {}

    def add(self, kind: Kind, sheet: str, cell: Cell | None = None, **details: str) -> None:
        where = ({"row": cell.row, "column": cell.column, "header": cell.header,
                  "value": _text(cell.value)} if cell else {})
        self.problems.append(Problem(kind, self.raw.path.name,
                                     self.raw.sheet_titles.get(sheet, sheet), **(where | details)))

    # --- one record at a time ----------------------------------------------------------------
    # A converter takes the value and where it stands (the record and the column key), and
    # makes the Cell for a problem only when there is one.

    def values(self, sheet: str, fields: Fields) -> dict[str, object]:
        """Convert every known column of a record; columns the sheet lacks read as None."""
        columns = self._converters(sheet)
        out = dict.fromkeys(columns)
        for key, value in fields.entries():
            column, convert = columns[key]
            if value is not None:
                out[key] = convert(sheet, value, fields, key)
            elif column.required:
                self.add(Kind.REQUIRED, sheet, fields[key],
                         expected=_describe(column, self.catalog))
        return out

    def _converters(self, sheet: str) -> dict[str, tuple[Column, Callable]]:
        if sheet not in self._by_sheet:
            self._by_sheet[sheet] = {column.key: (column, self._converter(column))
                                     for column in self.catalog.sheets[sheet].columns}
        return self._by_sheet[sheet]

    def _converter(self, column: Column) -> Callable:
        kind, _, vocab = column.kind.partition(":")
        convert = getattr(self, f"_to_{kind}")
        return partial(convert, vocab=vocab) if vocab else convert

    def _to_text(self, sheet: str, value: object, fields: Fields, key: str) -> str:  # noqa: ARG002
        return value if value.__class__ is str else _text(value)

    def _to_name(self, sheet: str, value: object, fields: Fields, key: str) -> str:
        text = _text(value)
        proper = name_case(text)
        if text.isupper() and len(text) > 1:
            self.add(Kind.ALL_CAPS, sheet, fields[key], expected=proper)
        return proper

    def _to_int(self, sheet: str, value: object, fields: Fields, key: str) -> int | None:
        number = _integer(value)
        if number is None or number < 0:
            self.add(Kind.NOT_NUMBER, sheet, fields[key],
                     expected="một số nguyên không âm, ví dụ 2")
        return number

    def _to_year(self, sheet: str, value: object, fields: Fields, key: str) -> int | None:
        year = _integer(value)
        if year is None and isinstance(value, str) and (m := _YEAR.match(value)):
            year = int(m.group(1))
        if year is None or not 1900 <= year <= 2100:
            self.add(Kind.BAD_YEAR, sheet, fields[key], expected="năm có 4 chữ số, ví dụ 1985")
            return None
        return year

    def _to_date(self, sheet: str, value: object, fields: Fields, key: str
                 ) -> date | tuple[int, int] | None:
        parsed = _date(value)
        if parsed is None:
            self.add(Kind.BAD_DATE, sheet, fields[key], expected=BIRTH_DATE if key == "birth_date"
                     else "ngày/tháng/năm, ví dụ 05/3/2026, hoặc tháng/năm, ví dụ 11/2026")
        return parsed

    def _to_years(self, sheet: str, value: object, fields: Fields, key: str
                  ) -> tuple[int, ...] | None:
        """Read "2024", "năm 2024" or a span "2023-2025" (each year of it)."""
        if isinstance(value, str) and (m := _YEARS.match(value)):
            first, last = int(m.group(1)), int(m.group(2))
            if 1900 <= first <= last <= 2100:
                return tuple(range(first, last + 1))
        year = self._to_year(sheet, value, fields, key)
        return (year,) if year else None

    def _to_achievement(self, sheet: str, value: object, fields: Fields, key: str
                        ) -> Term | Award | None:
        """A rating, a danh hiệu or a hình thức."""
        text = _text(value)
        found = next((t for vocab in ("rating", "danh_hieu", "hinh_thuc")
                      if (t := self.catalog.lookup(vocab, text))), None)
        if found is None:
            choices = [self.catalog.choices(v) for v in ("rating", "danh_hieu", "hinh_thuc")]
            guess = next((g for v in ("rating", "danh_hieu", "hinh_thuc")
                          if (g := self.catalog.suggest(v, text))), None)
            self.add(Kind.NOT_IN_LIST, sheet, fields[key], expected=quoted(sum(choices, [])),
                     hint=f"có phải “{guess}”?" if guess else "")
        return found

    def _to_vocab(self, sheet: str, value: object, fields: Fields, key: str, vocab: str
                  ) -> Term | None:
        term = self.catalog.lookup(vocab, _text(value))
        if term is None:
            self._not_in_list(sheet, fields[key], vocab)
        return term

    def _to_award(self, sheet: str, value: object, fields: Fields, key: str, vocab: str
                  ) -> Award | None:
        award = self.catalog.lookup(vocab, _text(value))
        if award is None:
            self._not_in_list(sheet, fields[key], vocab)
            return None
        subject = {"collectives": "tap_the", "individuals": "ca_nhan"}.get(sheet)
        if subject and subject not in award.subjects:
            self.add(Kind.WRONG_SUBJECT, sheet, fields[key],
                     expected=f"chỉ xét tặng cho {_SUBJECT_NAMES[award.subjects[0]]}, "
                              f"không dùng cho {_SUBJECT_NAMES[subject]}")
            return None
        return award

    def _not_in_list(self, sheet: str, cell: Cell, vocab: str) -> None:
        guess = self.catalog.suggest(vocab, _text(cell.value))
        self.add(Kind.NOT_IN_LIST, sheet, cell, expected=quoted(self.catalog.choices(vocab)),
                 hint=f"có phải “{guess}”?" if guess else "")

    # --- sheets ------------------------------------------------------------------------------

    def info(self) -> RoundInfo | None:
        if "info" not in self.raw.sheet_titles:
            return None
        for column in self.catalog.sheets["info"].columns:
            if column.required and column.key not in self.raw.pairs["info"]:
                self.add(Kind.MISSING_INFO, "info", expected=column.label)
        v = self.values("info", self.raw.pairs["info"])
        if v["sign_authority"] and not v["head_title"]:
            self.add(Kind.NEEDS_HEAD, "info", self.raw.pairs["info"]["sign_authority"])
        if v["year"] is None or v["occasion"] is None:
            return None
        sign = v["sign_date"]
        return RoundInfo(
            year=v["year"], occasion=v["occasion"], movement=_movement(v["movement"]),
            parent_agency=_s(v["parent_agency"]).upper(), agency=_s(v["agency"]).upper(),
            agency_name=_s(v["agency_name"]) or _agency_name(v), agency_code=_s(v["agency_code"]),
            drafting_unit=_s(v["drafting_unit"]), place=_s(v["place"]),
            sign_date=sign if isinstance(sign, date) else None,
            sign_month=sign if isinstance(sign, tuple) else None,
            number_to_trinh=_s(v["number_to_trinh"]), number_bao_cao=_s(v["number_bao_cao"]),
            number_qd_giay_khen=_s(v["number_qd_giay_khen"]),
            number_qd_danh_hieu=_s(v["number_qd_danh_hieu"]), fund=_s(v["fund"]),
            period=_s(v["period"]),
            signer=_s(v["signer"]), signer_title=_s(v["signer_title"]),
            sign_authority=v["sign_authority"].code if v["sign_authority"] else "",
            head_title=_s(v["head_title"]), addressee=_s(v["addressee"]),
            report_addressee=_s(v["report_addressee"]), base_salary=v["base_salary"],
            situation=_s(v["situation"]), direction=_s(v["direction"]),
            assessment=_s(v["assessment"]), plans=_s(v["plans"]), proposals=_s(v["proposals"]),
            basis_functions=_basis(v["basis_functions"]),
            basis_regulation=_basis(v["basis_regulation"]),
        )

    def collective(self, record, info: RoundInfo | None) -> Collective:
        v = self.values("collectives", record)
        collective = Collective(
            row=record.row, code=_s(v["code"]), name=_s(v["name"]), parent=_s(v["parent"]),
            rating=v["rating"], kind=v["kind"] or self._default_kind(info),
            achievements=_s(v["achievements"]), votes=v["votes"], note=_s(v["note"]),
            conclusion=v["conclusion"],
            profile=UnitProfile(head_title=_s(v["head_title"]), address=_s(v["address"]),
                                staff=v["staff"], structure=_s(v["structure"]),
                                functions=_s(v["functions"]), measures=_s(v["measures"])))
        self._request(collective, v)
        return collective

    def person(self, record, info: RoundInfo | None, units: dict[str, str]) -> Person:
        v = self.values("individuals", record)
        person = Person(
            row=record.row, code=_s(v["code"]), name=_s(v["name"]), sex=v["sex"],
            birth_year=v["birth_year"], position=_s(v["position"]),
            unit=self.unit(_s(v["unit"]), record, units),
            rating=v["rating"], initiatives=v["initiatives"] or 0,
            initiative_scope=v["initiative_scope"],
            discipline=v["discipline"] or self.catalog.vocab["discipline"][0],
            kind=v["kind"] or self._default_kind(info), achievements=_s(v["achievements"]),
            votes=v["votes"], note=_s(v["note"]), projects=v["projects"] or 0,
            conclusion=v["conclusion"],
            profile=PersonProfile(
                birth_date=self.birth_date(v, record), hometown=_s(v["hometown"]),
                residence=_s(v["residence"]), party_position=_s(v["party_position"]),
                qualification=_s(v["qualification"]), degrees=_s(v["degrees"]),
                duties=_s(v["duties"])))
        self._request(person, v)
        return person

    def birth_date(self, v: dict, record) -> date | None:
        """A Ngày sinh is a whole date, of the year the Năm sinh says."""
        day = v["birth_date"]
        if isinstance(day, tuple):
            self.add(Kind.BAD_DATE, "individuals", record["birth_date"], expected=BIRTH_DATE)
            return None
        if isinstance(day, date) and v["birth_year"] and day.year != v["birth_year"]:
            self.add(Kind.IMPOSSIBLE, "individuals", record["birth_date"],
                     expected=f"không khớp với Năm sinh {v['birth_year']} (cột "
                              f"{record['birth_year'].column}); hãy sửa một trong hai")
            return None
        return day

    def past(self, record) -> PastRecord:
        v = self.values("history", record)
        return PastRecord(
            row=record.row, code=_s(v["code"]), name=_s(v["name"]), birth_year=v["birth_year"],
            unit=_s(v["unit"]), years=v["years"] or (), what=v["what"],
            initiatives=v["initiatives"], kind=v["kind"],
            decision_number=_s(v["decision_number"]),
            decision_date=v["decision_date"] if isinstance(v["decision_date"], date) else None,
            body=v["body"].name if v["body"] else "")

    def council(self) -> Council | None:
        cells = self.raw.pairs.get("council")
        if cells is None:
            return None
        v = self.values("council", cells)
        members = [self.member(r) for r in self.raw.tables.get("council_members", ())]
        if v["members"] is None:
            self.add(Kind.MISSING_INFO, "council", expected="Tổng số thành viên")
            return None
        day = v["meeting_date"]
        if isinstance(day, tuple):
            self.add(Kind.BAD_DATE, "council", cells["meeting_date"],
                     expected="ngày/tháng/năm của cuộc họp, ví dụ 26/11/2025")
        council = Council(v["members"], v["present"], _s(v["absent"]),
                          day if isinstance(day, date) else None, _s(v["start_time"]),
                          _s(v["end_time"]), _s(v["venue"]), _s(v["chair"]),
                          _s(v["chair_title"]), _s(v["secretary"]), _s(v["number"]))
        if members and None not in members:
            council = _Roster(self, council, tuple(members)).council()
        return council

    def member(self, record) -> Member | None:
        v = self.values("council_members", record)
        if None in (v["name"], v["role"], v["attended"]):
            return None  # the cell's own problem is already reported
        attended = v["attended"].code == "co"
        if attended and v["reason"]:
            self.add(Kind.IMPOSSIBLE, "council_members", record["reason"],
                     expected="là lý do vắng của người có dự họp; hãy xoá lý do, hoặc ghi "
                              "“Vắng” ở cột Dự họp")
        return Member(record.row, _s(v["name"]), _s(v["position"]), v["role"], attended,
                      _s(v["reason"]))

    def met_before_signing(self, council: Council, info: RoundInfo) -> None:
        """The council meets before the decisions and the tờ trình are signed."""
        signed = info.sign_date or (date(info.sign_month[1], info.sign_month[0],
                                         monthrange(info.sign_month[1], info.sign_month[0])[1])
                                    if info.sign_month else None)
        if council.meeting_date and signed and council.meeting_date > signed:
            self.add(Kind.IMPOSSIBLE, "council", self.raw.pairs["council"]["meeting_date"],
                     expected=f"sau Ngày ký của tờ trình, quyết định ({_sign_text(info)}, sheet "
                              "Thông tin); Hội đồng họp trước khi văn bản được ký, hãy kiểm "
                              "tra ngày")

    def signed_in_year(self, info: RoundInfo) -> None:
        """A round of year N is decided in year N: its Ngày ký picks the law that applies."""
        signed = info.sign_date.year if info.sign_date else (
            info.sign_month[1] if info.sign_month else None)
        if signed is not None and signed != info.year:
            self.add(Kind.IMPOSSIBLE, "info", self.raw.pairs["info"]["sign_date"],
                     expected=f"không thuộc năm {info.year} của đợt (dòng Năm); cần một ngày "
                              f"trong năm {info.year}, hoặc sửa dòng Năm")

    def votes_possible(self, council: Council, subjects: dict[str, list]) -> None:
        """No more votes than members, no more members present than the council has."""
        cells = self.raw.pairs["council"]
        if "present" in cells and council.present is not None \
                and council.present > council.members:
            self.add(Kind.IMPOSSIBLE, "council", cells["present"],
                     expected=f"thành viên dự họp nhiều hơn tổng số thành viên Hội đồng "
                              f"({council.members}); cần số từ 0 đến {council.members}")
            return
        voters, who = ((council.present, "số thành viên dự họp") if council.present is not None
                       else (council.members, "tổng số thành viên Hội đồng"))
        for sheet, found in subjects.items():
            for subject, record in zip(found, self.raw.tables.get(sheet, ()), strict=True):
                if subject.votes is not None and subject.votes > voters:
                    self.add(Kind.IMPOSSIBLE, sheet, record["votes"],
                             expected=f"phiếu đồng ý nhiều hơn {who} ({voters}, sheet Hội "
                                      f"đồng); cần số từ 0 đến {voters}")

    def quota(self, record) -> Quota:
        v = self.values("quotas", record)
        return Quota(record.row, v["award"], v["collectives"], v["individuals"], _s(v["source"]))

    def _request(self, subject: Collective | Person, values: dict[str, object]) -> None:
        awards = [values[key] for key in ("title", "award") if values[key] is not None]
        if awards:
            self.requested.append((subject, awards))

    def _default_kind(self, info: RoundInfo | None) -> Term:
        """Blank Loại khen thưởng: công trạng in a yearly round, phong trào at sơ/tổng kết."""
        code = "cong-trang" if info is None or info.occasion.code == "hang-nam" else "phong-trao"
        return next(t for t in self.catalog.vocab["achievement"] if t.code == code)

    # --- across sheets -----------------------------------------------------------------------

    def unit(self, unit: str, record, units: dict[str, str]) -> str:
        """Spell a person's Đơn vị as the Tập thể sheet does; report one it does not list."""
        if not units or not unit:
            return unit
        if fold(unit) in units:
            if unit != units[fold(unit)] and not same_spelling(unit, units[fold(unit)]):
                self.add(Kind.SPELLING, "individuals", record["unit"],
                         expected=units[fold(unit)])
            return units[fold(unit)]
        close = difflib.get_close_matches(fold(unit), units, n=1, cutoff=0.6)
        self.add(Kind.UNKNOWN_UNIT, "individuals", record["unit"], expected=quoted(units.values()),
                 hint=f"có phải “{units[close[0]]}”?" if close else "")
        return unit

    def duplicates(self, people: list[Person]) -> None:
        """Warn about one name listed twice without a Mã to tell the two apart."""
        rows = defaultdict(list)
        for index, person in enumerate(people):
            if not person.code:
                rows[fold(person.name)].append(index)
        records = self.raw.tables.get("individuals", [])
        for first, *others in (group for group in rows.values() if len(group) > 1):
            for other in others:
                self.add(Kind.DUPLICATE_PERSON, "individuals", records[other]["name"],
                         expected=f"trùng với dòng {people[first].row} (năm sinh "
                                  f"{people[first].birth_year} và {people[other].birth_year}); "
                                  "hãy kiểm tra hoặc ghi Mã để phân biệt")

    def codes_unique(self, sheet: str, subjects: list) -> None:
        """A Mã names one subject: it is how later years find them."""
        first: dict[str, int] = {}
        for subject, record in zip(subjects, self.raw.tables.get(sheet, ()), strict=True):
            if subject.code and subject.code in first:
                self.add(Kind.DUPLICATE_CODE, sheet, record["code"],
                         expected=str(first[subject.code]))
            first.setdefault(subject.code, record.row)

    def plausible(self, people: list[Person], info: RoundInfo | None) -> None:
        """Warn of ages outside working life and of proposals the person's discipline bars."""
        records = self.raw.tables.get("individuals", ())
        for person, record in zip(people, records, strict=True):
            if info and person.birth_year and not 18 <= info.year - person.birth_year <= 70:
                self.add(Kind.AGE, "individuals", record["birth_year"],
                         expected=str(info.year - person.birth_year))
            proposed = [record[k] for k in ("title", "award") if record.value(k) is not None]
            if person.discipline and person.discipline.rank > 0 and proposed:
                self.add(Kind.CONTRADICTION, "individuals", proposed[0],
                         value=f"đề nghị khen thưởng người đang bị kỷ luật "
                               f"{person.discipline.name.lower()}",
                         expected="người đang bị kỷ luật không được khen thưởng; kết quả "
                                  "xét nêu điều khoản của quy định áp dụng")


class _Roster:
    """The Hội đồng sheet's member table, checked against its counts and names; it gives who
    attended, who chaired and who kept the minutes."""

    SHEET = "council_members"

    def __init__(self, checker: _Checker, council: Council, members: tuple[Member, ...]) -> None:
        self.checker, self.given, self.members = checker, council, members
        self.cells = checker.raw.pairs["council"]
        self.present = [m for m in members if m.attended]

    def council(self) -> Council:
        voting = [m for m in self.members if m.votes]
        present = [m for m in self.present if m.votes]
        self._count("members", len(voting), "thành viên (không kể Thư ký không phải thành viên)")
        if self.given.present is not None:
            self._count("present", len(present), "thành viên có “Có” ở cột Dự họp")
        self._one_each()
        if self.given.absent:
            self.checker.add(Kind.CONTRADICTION, "council", self.cells["absent"],
                             value="có cả bảng thành viên",
                             expected="biên bản ghi người vắng theo bảng thành viên (cột Dự "
                                      "họp, Lý do vắng); dòng này không được dùng")
        chair = self._pick("chair", self.given.chair,
                           [m for m in self.present if m.role.code == "chu-tich"]
                           + [m for m in self.present if m.role.code == "pho-chu-tich"])
        secretary = self._pick("secretary", self.given.secretary,
                               [m for m in self.present if m.keeps_minutes])
        return replace(
            self.given, roster=self.members,
            present=len(present) if self.given.present is None else self.given.present,
            chair=chair.name if chair else self.given.chair,
            chair_title=self.given.chair_title or (chair.role.name if chair and chair.role.code
                                                   in ("chu-tich", "pho-chu-tich") else ""),
            secretary=secretary.name if secretary else self.given.secretary)

    def _count(self, key: str, found: int, what: str) -> None:
        given = getattr(self.given, key)
        if given != found:
            self.checker.add(Kind.IMPOSSIBLE, "council", self.cells[key],
                             expected=f"khác bảng thành viên bên dưới ({count(found)} {what}); "
                                      "hãy sửa cho khớp")

    def _one_each(self) -> None:
        """One Chủ tịch and one Thư ký at most."""
        for label, members in (("Chủ tịch Hội đồng", [m for m in self.members
                                                       if m.role.code == "chu-tich"]),
                               ("Thư ký", [m for m in self.members if m.keeps_minutes])):
            for member in members[1:]:
                self.checker.add(Kind.IMPOSSIBLE, self.SHEET, self._cell(member, "role"),
                                 expected=f"Hội đồng chỉ có một {label} (dòng "
                                          f"{members[0].row}); hãy sửa vai trò")

    def _pick(self, key: str, named: str, candidates: list[Member]) -> Member | None:
        """The member named in the key / value row, who must be at the meeting; else the first
        candidate."""
        if not named:
            return candidates[0] if candidates else None
        found = next((m for m in self.present if fold(m.name) == fold(named)), None)
        if found is None:
            self.checker.add(Kind.IMPOSSIBLE, "council", self.cells[key],
                             expected="không có trong bảng thành viên với “Có” ở cột Dự họp; "
                                      "hãy sửa tên cho khớp bảng")
        return found

    def _cell(self, member: Member, key: str) -> Cell:
        record = next(r for r in self.checker.raw.tables[self.SHEET] if r.row == member.row)
        return record[key]


class _Decisions:
    """The Quyết định sheet: each row names a proposal of this workbook and what became of it."""

    SHEET = "decisions"

    def __init__(self, checker: _Checker, proposals: tuple[Proposal, ...],
                 info: RoundInfo) -> None:
        self.checker, self.info = checker, info
        self.proposals = proposals
        self.seen: dict[Proposal, int] = {}

    def read(self) -> tuple[Decided, ...]:
        found = []
        for record in self.checker.raw.tables.get(self.SHEET, ()):
            v = self.checker.values(self.SHEET, record)
            if isinstance(v["date"], tuple):  # a month alone names no decision's day
                self.checker.add(Kind.BAD_DATE, self.SHEET, record["date"],
                                 expected="ngày/tháng/năm của quyết định, ví dụ 10/12/2025")
            if None in (v["number"], v["date"], v["body"], v["name"], v["proposed"],
                        v["outcome"]) or not isinstance(v["date"], date):
                continue  # the cell's own problem is already reported
            proposal = self._proposal(record, v)
            if proposal is not None and self._possible(record, v, proposal):
                granted = (None if v["outcome"].code == "refused"
                           else v["granted"] or proposal.award)
                found.append(Decided(record.row, Decision(_s(v["number"]), v["date"],
                                                          v["body"].name), proposal, granted))
        return tuple(found)

    def _proposal(self, record, v: dict) -> Proposal | None:
        """The proposal a row speaks of: by Mã, else by name (and năm sinh when given)."""
        code, name, born = _s(v["code"]), fold(_s(v["name"])), v["birth_year"]
        mine = [p for p in self.proposals if p.award == v["proposed"]
                and (p.subject.code == code if code else fold(p.subject.name) == name)
                and (born is None or getattr(p.subject, "birth_year", born) == born)]
        if len(mine) == 1:
            return mine[0]
        if mine:
            rows = ", ".join(str(p.subject.row) for p in mine)
            self.checker.add(Kind.AMBIGUOUS_PERSON, self.SHEET, record["name"],
                             expected=f"dòng {rows}")
        else:
            self.checker.add(Kind.NOT_PROPOSED, self.SHEET, record["name"],
                             expected=f"“{v['proposed'].name}”")
        return None

    def _possible(self, record, v: dict, proposal: Proposal) -> bool:
        """Decided once, not before the tờ trình, and granted only when the outcome says so."""
        problems = len(self.checker.problems)
        if proposal in self.seen:
            self.checker.add(Kind.DECIDED_TWICE, self.SHEET, record["name"],
                             expected=str(self.seen[proposal]))
        self.seen.setdefault(proposal, record.row)
        signed = self.info.sign_date
        if signed and v["date"] < signed:
            self.checker.add(Kind.IMPOSSIBLE, self.SHEET, record["date"],
                             expected=f"trước ngày ký tờ trình, quyết định của đợt "
                                      f"({short_date(signed)}); hãy kiểm tra ngày")
        if v["outcome"].code == "refused" and v["granted"] is not None:
            self.checker.add(Kind.IMPOSSIBLE, self.SHEET, record["granted"],
                             expected="được ghi là hình thức được tặng, nhưng Kết quả là "
                                      "“Không được tặng”; hãy xoá một trong hai")
        return len(self.checker.problems) == problems


def _integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INT.match(value):
        return int(re.split(r"[.,]", value.lstrip("+"))[0])
    return None


def _date(value: object) -> date | tuple[int, int] | None:
    """Read a date cell, an Excel serial, "05/3/2026", "2026-03-05", or a month "11/2026"."""
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        return from_excel(value).date()
    if not isinstance(value, str):
        return None
    try:
        if m := _DATE.match(value):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _ISO_DATE.match(value):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if (m := _MONTH.match(value)) and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1)), int(m.group(2))
    return None


def _sign_text(info: RoundInfo) -> str:
    if info.sign_date:
        return short_date(info.sign_date)
    month, year = info.sign_month
    return f"tháng {month}/{year}"


def _agency_name(v: dict[str, object]) -> str:
    """Spell the issuing agency in running text when the workbook gives only the CAPS header."""
    words = f"{_s(v['agency'])} {_s(v['parent_agency'])}".lower()
    words = words.replace("ủy ban nhân dân", "Ủy ban nhân dân").replace("uỷ ban nhân dân",
                                                                         "Ủy ban nhân dân")
    place = _s(v["place"])
    if place:
        words = words.replace(place.lower(), place)
    return words[:1].upper() + words[1:]


_BASIS = re.compile(r"^căn\s+cứ\s+", re.IGNORECASE)
_MOVEMENT = re.compile(r"^phong\s+trào(?:\s+thi\s+đua)?\b[\s:\-–]*", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»"


def _basis(value: object) -> str:
    """A căn cứ line as the clerk typed it, without "Căn cứ" before it or ";" after it."""
    return _BASIS.sub("", _s(value)).rstrip(" ;.")


def _movement(value: object) -> str:
    """A movement's bare name: documents write Phong trào thi đua “…” around it themselves, so
    those words and quotes typed with the name are dropped, never printed twice."""
    typed = _s(value).strip()
    name = _MOVEMENT.sub("", typed).strip(_QUOTES + " ")
    return name if name == typed else name[:1].upper() + name[1:]


def _describe(column: Column, catalog: Catalog) -> str:
    kind, _, vocab = column.kind.partition(":")
    if vocab:
        return "một trong: " + quoted(catalog.choices(vocab))
    return {"year": "năm có 4 chữ số", "int": "một số", "date": "một ngày",
            "name": "họ và tên"}.get(kind, f"“{column.label}”")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _s(value: object) -> str:
    return "" if value is None else str(value)

