"""Read an input workbook: find its sheets and headers by text, and return clean cell values."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .catalog import Catalog, Column, Sheet
from .errors import Kind, Problem, UnreadableWorkbook, quoted
from .vn import clean, fold

HEADER_SEARCH_ROWS = 30
_NUMBERING = re.compile(r"^\(\d+\)$")  # the "(1) (2) (3)" row many forms put under headers


@dataclass(frozen=True)
class Cell:
    """A value as read, with where it stands."""

    value: object  # str (clean NFC), int, float, date or None
    row: int
    column: str
    header: str


@dataclass(frozen=True)
class Record:
    """One data row of a sheet: its Excel row number and its cells by column key."""

    row: int
    cells: dict[str, Cell]

    def __getitem__(self, key: str) -> Cell:
        return self.cells[key]


@dataclass
class RawWorkbook:
    """What a workbook holds, before any value is checked."""

    path: Path
    sheet_titles: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, dict[str, Cell]] = field(default_factory=dict)
    tables: dict[str, list[Record]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, kind: Kind, sheet: str, **where: object) -> None:
        self.problems.append(Problem(kind, self.path.name, self.sheet_titles.get(sheet, sheet),
                                     **where))


def read_workbook(path: Path, catalog: Catalog) -> RawWorkbook:
    """Read every known sheet of a workbook; layout problems are collected, not raised."""
    rows_by_sheet = _load_rows(path)
    raw = RawWorkbook(path)
    titles = {fold(title): title for title in rows_by_sheet}
    for sheet in catalog.sheets.values():
        title = next((titles[fold(n)] for n in (sheet.title, *sheet.aliases) if fold(n) in titles),
                     None)
        if title is None:
            if not sheet.optional:
                raw.problem(Kind.MISSING_SHEET, sheet.title, expected=sheet.title)
            continue
        raw.sheet_titles[sheet.key] = title
        if sheet.pairs:
            raw.pairs[sheet.key] = _read_pairs(rows_by_sheet[title], sheet)
        else:
            raw.tables[sheet.key] = _read_table(rows_by_sheet[title], sheet, raw)
    return raw


def _load_rows(path: Path) -> dict[str, list[tuple]]:
    """Load each sheet's cached values as rows of cleaned values."""
    if path.suffix.lower() != ".xlsx":
        raise UnreadableWorkbook(path, "chỉ đọc được tệp Excel .xlsx; hãy mở tệp và lưu lại "
                                       "dạng “Excel Workbook (*.xlsx)”")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise UnreadableWorkbook(path, "tệp bị hỏng, có mật khẩu hoặc không phải bảng tính "
                                       "Excel") from err
    try:
        return {ws.title: [tuple(_clean_value(v) for v in row)
                           for row in ws.iter_rows(values_only=True)]
                for ws in book.worksheets}
    finally:
        book.close()


def _clean_value(value: object) -> object:
    if isinstance(value, str):
        return clean(value) or None
    if isinstance(value, datetime):
        return value.date()
    return value


def _read_pairs(rows: list[tuple], sheet: Sheet) -> dict[str, Cell]:
    """Read key / value rows: a known label, then the first filled cell to its right."""
    labels = {fold(s): col for col in sheet.columns for s in col.spellings}
    found: dict[str, Cell] = {}
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            column = labels.get(fold(value)) if isinstance(value, str) else None
            if column is None or column.key in found:
                continue
            filled = next(((i, v) for i, v in enumerate(row[index + 1:], index + 1)
                           if v is not None), None)
            at = filled[0] if filled else index + 1
            found[column.key] = Cell(filled[1] if filled else None, number,
                                     get_column_letter(at + 1), column.label)
            break
    return found


def _read_table(rows: list[tuple], sheet: Sheet, raw: RawWorkbook) -> list[Record]:
    """Find the header row by its text, map known columns, and read the filled rows under it."""
    header_at, mapping = _find_header(rows, sheet.columns)
    if header_at is None:
        seen = [str(v) for row in rows[:HEADER_SEARCH_ROWS] for v in row if isinstance(v, str)]
        raw.problem(Kind.NO_HEADER, sheet.key,
                    expected=quoted(c.label for c in sheet.columns if c.required),
                    value=quoted(seen[:12]) or "không có chữ nào")
        return []
    seen_headers = quoted(str(v) for v in rows[header_at] if v is not None)
    for column in sheet.columns:
        if column.required and column.key not in mapping:
            raw.problem(Kind.MISSING_COLUMN, sheet.key, row=header_at + 1,
                        expected=column.label, value=seen_headers)
    records = []
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        cells = {column.key: Cell(row[i] if i < len(row) else None, number,
                                  get_column_letter(i + 1), column.label)
                 for i, column in mapping.values()}
        values = [cell.value for cell in cells.values() if cell.value is not None]
        if values and not all(isinstance(v, str) and _NUMBERING.match(v) for v in values):
            records.append(Record(number, cells))
    return records


def _find_header(rows: list[tuple], columns: tuple[Column, ...]
                 ) -> tuple[int | None, dict[str, tuple[int, Column]]]:
    """Return the index of the row naming most known columns (at least two), and the mapping."""
    spellings = {fold(s): column for column in columns for s in column.spellings}
    best: tuple[int | None, dict[str, tuple[int, Column]]] = (None, {})
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[str, tuple[int, Column]] = {}
        for position, value in enumerate(row):
            column = spellings.get(fold(value)) if isinstance(value, str) else None
            if column is not None and column.key not in mapping:
                mapping[column.key] = (position, column)
        if len(mapping) >= 2 and len(mapping) > len(best[1]):
            best = (index, mapping)
    return best

