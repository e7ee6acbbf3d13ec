"""Read an input workbook: find its sheets and headers by text, and return clean cell values."""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from defusedxml import ElementTree
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from python_calamine import CalamineWorkbook

from .catalog import Catalog, Column, Sheet
from .errors import Kind, Problem, UnreadableWorkbook, quoted
from .vn import clean, fold
from .vn import number as thousands

HEADER_SEARCH_ROWS = 30
_NUMBERING = re.compile(r"^\(\d+\)$")  # the "(1) (2) (3)" row many forms put under headers


class Cell(NamedTuple):
    """A value as read, with where it stands."""

    value: object  # str (clean NFC), int, float, date or None
    row: int
    column: str
    header: str


class Record:
    """One data row of a table: its Excel row number and the clean values of the known columns,
    a Cell made only when asked for (a province's workbook holds a quarter of a million)."""

    __slots__ = ("row", "values", "places")

    def __init__(self, row: int, values: tuple, places: dict[str, tuple[int, str, str]]) -> None:
        self.row, self.values, self.places = row, values, places  # key → (index, letter, header)

    def value(self, key: str) -> object:
        place = self.places.get(key)
        return None if place is None else self.values[place[0]]

    def entries(self) -> Iterator[tuple[str, object]]:
        """Each known column's key and value."""
        return zip(self.places, self.values, strict=True)

    def __contains__(self, key: str) -> bool:
        return key in self.places

    def __getitem__(self, key: str) -> Cell:
        index, letter, header = self.places[key]
        return Cell(self.values[index], self.row, letter, header)


class Pairs(dict[str, Cell]):
    """The label / value rows of a sheet such as Thông tin, by column key."""

    def value(self, key: str) -> object:
        cell = self.get(key)
        return None if cell is None else cell.value

    def entries(self) -> Iterator[tuple[str, object]]:
        """Each label found and its value, as a Record gives them."""
        return ((key, cell.value) for key, cell in self.items())


@dataclass
class RawWorkbook:
    """What a workbook holds, before any value is checked."""

    path: Path
    sheet_titles: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, Pairs] = field(default_factory=dict)
    tables: dict[str, list[Record]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, kind: Kind, sheet: str, **where: object) -> None:
        self.problems.append(Problem(kind, self.path.name, self.sheet_titles.get(sheet, sheet),
                                     **where))


def read_workbook(path: Path, catalog: Catalog) -> RawWorkbook:
    """Read every known sheet of a workbook; layout problems are collected, not raised."""
    _check_file(path)
    with ThreadPoolExecutor(1) as pool:  # unzipping and parsing both release the GIL
        scanning = pool.submit(_scan, path)
        book = _open(path)
        scans = scanning.result()
    rows_by_sheet, merged = _load_rows(path, book)
    raw = RawWorkbook(path)
    found = _find_sheets(catalog, rows_by_sheet, scans, raw)
    if not any(found.values()):
        raw.problem(Kind.NO_KNOWN_SHEET, "", value=quoted(rows_by_sheet),
                    expected=quoted(s.title for s in catalog.sheets.values() if not s.optional))
        return raw
    for key, sheet in catalog.sheets.items():
        title = found[key]
        if title is None:
            if not sheet.optional:
                raw.problem(Kind.MISSING_SHEET, sheet.title, expected=sheet.title)
            continue
        raw.sheet_titles[key] = title
        scan = scans.get(title, SheetScan())
        rows = rows_by_sheet[title]
        if sheet.part_of:
            raw.tables[key] = _read_part(rows, sheet, raw, merged.get(title, ()), scan)
            continue
        _error_cells(raw, key, scan)
        if sheet.pairs:
            raw.pairs[key] = _read_pairs(rows[:_table_start(rows, catalog, key)], sheet)
        else:
            raw.tables[key] = _read_table(rows, sheet, raw, merged.get(title, ()),
                                          scan.hidden_rows)
    _look_at_text(raw, rows_by_sheet)
    if any(scans.get(title, SheetScan()).formulas for title in raw.sheet_titles.values()):
        _uncached_formulas(raw, path)
    return raw


def is_sample(path: Path, catalog: Catalog) -> bool:
    """Whether a workbook says it is a sample: “Bảng tính mẫu” is “Có” on its Thông tin sheet.
    Only that sheet is read; a file that cannot be read is no sample (reading it says why)."""
    spec = catalog.sheets["info"]
    names = {fold(n) for n in (spec.title, *spec.aliases)}
    try:
        _check_file(path)
        book = _open(path)
        title = next((t for t in book.sheet_names if fold(t) in names), None)
        rows = book.get_sheet_by_name(title).to_python() if title else []
    except Exception:  # a damaged file is read again, and reported, as a round
        return False
    value = _read_pairs(rows, spec).value("sample")
    term = catalog.lookup("yes_no", str(value)) if value is not None else None
    return term is not None and term.code == "co"


def _find_sheets(catalog: Catalog, rows_by_sheet: dict[str, list[list]],
                 scans: dict[str, SheetScan], raw: RawWorkbook) -> dict[str, str | None]:
    """Each known sheet's title in this workbook: the visible one of sheets named alike (two
    visible are an error), with a warning when a hidden sheet is used or set aside."""
    hidden = {title for title, scan in scans.items() if scan.hidden}
    found: dict[str, str | None] = {}
    for key, sheet in catalog.sheets.items():
        if sheet.part_of:  # a table within a sheet already found
            found[key] = found.get(sheet.part_of)
            continue
        names = {fold(n) for n in (sheet.title, *sheet.aliases)}
        candidates = [t for t in rows_by_sheet if fold(t) in names]
        visible = [t for t in candidates if t not in hidden]
        found[key] = (visible or candidates or [None])[0]
        if len(visible) > 1:
            raw.problem(Kind.SHEET_TWICE, sheet.title, value=quoted(visible),
                        expected=sheet.title)
        elif len(candidates) > 1:
            raw.problem(Kind.HIDDEN_COPY, found[key], expected=found[key],
                        value=quoted(t for t in candidates if t != found[key]))
        elif candidates and found[key] in hidden:
            raw.problem(Kind.HIDDEN_SHEET, found[key], value=found[key])
    return found


# Excel's "Save as" formats that are not .xlsx, each with what to do about it.
_OTHER_FORMATS = {
    ".xls": "tệp ở định dạng Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại dạng “Excel "
            "Workbook (*.xlsx)”",
    ".ods": "tệp là bảng tính LibreOffice (.ods); hãy chọn “Lưu dưới dạng” Excel 2007-365 "
            "(.xlsx)",
    ".csv": "tệp CSV chỉ là văn bản, không có các sheet; hãy mở bằng Excel và lưu dạng .xlsx có "
            "đủ các sheet (lệnh “khenthuong init” tạo sẵn mẫu)",
}
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200  # a sheet's XML compresses well, but not a thousand times


def _check_file(path: Path) -> None:
    """Refuse, in one sentence, a file that is not an .xlsx the tool can safely open."""
    suffix = path.suffix.lower()
    if suffix in _OTHER_FORMATS:
        raise UnreadableWorkbook(path, _OTHER_FORMATS[suffix])
    if suffix not in (".xlsx", ".xlsm"):
        raise UnreadableWorkbook(path, "chỉ đọc được tệp Excel .xlsx")
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(8)
    except OSError as err:
        raise UnreadableWorkbook(path, f"không mở được tệp ({err.strerror})") from err
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableWorkbook(path, "tệp được bảo vệ bằng mật khẩu (Excel mã hoá cả tệp) "
                                       "hoặc là tệp .xls cũ đổi đuôi; hãy gỡ mật khẩu rồi lưu lại "
                                       "dạng .xlsx")
    if not head.startswith(b"PK") or size > MAX_FILE_BYTES:
        raise UnreadableWorkbook(path, "tệp bị hỏng hoặc không phải bảng tính Excel .xlsx"
                                 if size <= MAX_FILE_BYTES else "tệp lớn hơn 50 MB, không giống "
                                 "một bảng tính khen thưởng")
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise UnreadableWorkbook(path, _DAMAGED) from err
    unzipped = sum(e.file_size for e in entries)
    if unzipped > MAX_UNZIPPED_BYTES or any(
            e.file_size > 10 * 1024 * 1024 and e.file_size > MAX_RATIO * max(e.compress_size, 1)
            for e in entries):
        raise UnreadableWorkbook(path, "tệp nén bất thường (giải nén ra hàng trăm MB, có thể là "
                                       "“bom nén”) nên không được mở")


def _open(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as err:  # any parser failure on a damaged file means the same to a clerk
        raise UnreadableWorkbook(path, _DAMAGED) from err


def _load_rows(path: Path, book: CalamineWorkbook
               ) -> tuple[dict[str, list[list]], dict[str, list]]:
    """Load each sheet's cached values as rows, row 1 first, every row as wide as the sheet
    (calamine reads 20.000 rows in a fraction of a second; openpyxl stays for writing and
    formulas), and its merged ranges. Values are cleaned where they are used: most cells are
    never looked at twice."""
    try:
        sheets = [book.get_sheet_by_name(name) for name in book.sheet_names]
        return ({s.name: s.to_python(skip_empty_area=False) for s in sheets},
                {s.name: s.merged_cell_ranges or [] for s in sheets})
    except Exception as err:  # any parser failure on a damaged file means the same to a clerk
        raise UnreadableWorkbook(path, _DAMAGED) from err


_DAMAGED = "tệp bị hỏng hoặc không phải bảng tính Excel .xlsx"


@dataclass(frozen=True)
class SheetScan:
    """What a quick look at a sheet's XML tells before calamine lays it out."""

    hidden: bool = False
    formulas: bool = False
    errors: tuple[tuple[int, str, str], ...] = ()  # (row, column letter, "#REF!")
    hidden_rows: frozenset[int] = frozenset()


def _scan(path: Path) -> dict[str, SheetScan]:
    """Look at each sheet's XML by its title: refuse a cell so far away that laying the sheet
    out would take gigabytes; note formulas, Excel's error values and hidden rows. Only the
    parts the workbook refers to are read."""
    try:
        with zipfile.ZipFile(path) as package:
            scans = {}
            for title, part, hidden in _sheet_parts(package):
                xml = package.read(part)
                _refuse_far_cells(path, title, xml)
                scans[title] = SheetScan(hidden, bool(_FORMULA.search(xml)), _errors(xml),
                                         _hidden_rows(xml))
            return scans
    except (zipfile.BadZipFile, KeyError, OSError, NotImplementedError, RuntimeError,
            ValueError, EOFError, zlib.error, SyntaxError) as err:
        raise UnreadableWorkbook(path, _DAMAGED) from err


def _sheet_parts(package: zipfile.ZipFile) -> Iterator[tuple[str, str, bool]]:
    """Each worksheet's title, part name and whether it is hidden, from xl/workbook.xml."""
    targets = {}
    for rel in ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels")):
        target = rel.get("Target", "")
        targets[rel.get("Id")] = posixpath.normpath(
            target.lstrip("/") if target.startswith("/") else f"xl/{target}")
    for sheet in ElementTree.fromstring(package.read("xl/workbook.xml")).iter():
        if sheet.tag.rpartition("}")[2] != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.rpartition("}")[2] == "id"), None)
        part = targets.get(rid, "")
        if "/worksheets/" in part:
            yield sheet.get("name", ""), part, sheet.get("state", "visible") != "visible"


# A cell reference in column AA or beyond, or in row 100.000 or beyond: only then are the cells
# looked at one by one.
_SUSPECT = re.compile(rb' r="(?:[A-Z]{2}|[A-Z]?\d{6})')
_CELL = re.compile(rb'<c\s[^>]*?r="([A-Z]{1,3})(\d{1,7})"[^>]*?(/)?>(<[vif])?')
MAX_CELLS = 5_000_000  # rows × columns calamine lays out: 20.000 people × 20 columns is 400.000


def _refuse_far_cells(path: Path, title: str, xml: bytes) -> None:
    """Refuse a sheet whose farthest values span more cells than memory can hold."""
    if not _SUSPECT.search(xml):
        return
    lowest = rightmost = (0, 0, "")
    for letters, digits, closed, value in _CELL.findall(xml):
        if value and not closed:
            row, column = int(digits), column_index_from_string(letters.decode())
            if row > lowest[0]:
                lowest = (row, column, f"{letters.decode()}{row}")
            if column > rightmost[1]:
                rightmost = (row, column, f"{letters.decode()}{row}")
    if lowest[0] * rightmost[1] > MAX_CELLS:
        cells = " và ô ".join(dict.fromkeys(c[2] for c in (rightmost, lowest)))
        raise UnreadableWorkbook(path, (
            f"sheet “{title}” có giá trị ở ô {cells}, xa tới {thousands(lowest[0])} dòng × "
            f"{thousands(rightmost[1])} cột (hơn {thousands(MAX_CELLS)} ô); hãy xoá giá trị ở ô đó "
            "(Ctrl+End trong Excel đưa tới ô cuối cùng) rồi lưu lại"))


_ERROR_CELL = re.compile(rb'<c\s([^>]*\bt="e"[^>]*)>(.*?)</c>', re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_HIDDEN_ROW = re.compile(rb'<row\s([^>]*\bhidden="(?:1|true)"[^>]*)>')
_ROW_NUMBER = re.compile(rb'\br="(\d{1,7})"')


def _errors(xml: bytes) -> tuple[tuple[int, str, str], ...]:
    """Excel's error values (#REF!, #N/A …): calamine reads them as empty cells."""
    if b't="e"' not in xml:
        return ()
    found = []
    for attributes, body in _ERROR_CELL.findall(xml):
        ref, value = _REF.search(attributes), _VALUE.search(body)
        if ref:
            text = value.group(1).decode(errors="replace") if value else "#VALUE!"
            found.append((int(ref.group(2)), ref.group(1).decode(), text))
    return tuple(found)


def _hidden_rows(xml: bytes) -> frozenset[int]:
    if b'hidden="' not in xml:
        return frozenset()
    return frozenset(int(m.group(1)) for attributes in _HIDDEN_ROW.findall(xml)
                     if (m := _ROW_NUMBER.search(attributes)))


def _error_cells(raw: RawWorkbook, key: str, scan: SheetScan) -> None:
    for row, column, text in scan.errors:
        raw.problem(Kind.EXCEL_ERROR, key, row=row, column=column, value=text)


# Letters that legacy Vietnamese fonts put where Unicode has Vietnamese ones: TCVN3 (.VnTime)
# stores "Cộng hoà" as "Céng hoµ", VNI as "Coäng hoøa". None of them is used in Vietnamese.
_TCVN3 = set("µ¸¶·¹¨©ª«¬®¾»¼½ÆÇËÌÎÏ×ØÜÞßåæç")
_VNI = set("äëïöüøñû")
_LEGACY = re.compile("[" + re.escape("".join(_TCVN3 | _VNI)) + "]")
_VIETNAMESE = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")  # VNI text holds â, ê, ô as tone carriers


def _look_at_text(raw: RawWorkbook, rows_by_sheet: dict[str, list[list]]) -> None:
    """Report text cut at Excel's limit of a cell, and text typed in TCVN3 or VNI."""
    for title, key in {t: k for k, t in raw.sheet_titles.items()}.items():  # each sheet once
        rows = rows_by_sheet[title]
        strings = [v for row in rows for v in row if v.__class__ is str]
        if strings and max(map(len, strings)) >= CELL_LIMIT:
            _cut_cells(raw, key, rows)
        if _LEGACY.search("\n".join(strings)):  # one look at the whole sheet: nearly always
            _legacy_encoding(raw, key, rows)


CELL_LIMIT = 32_767  # characters in one cell: Excel's limit, where readers cut longer text


def _cut_cells(raw: RawWorkbook, key: str, rows: list[list]) -> None:
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            if value.__class__ is str and len(value) >= CELL_LIMIT:
                raw.problem(Kind.TOO_LONG, key, row=number, column=get_column_letter(index + 1),
                            value=value[:40] + "…")


def _legacy_encoding(raw: RawWorkbook, key: str, rows: list[list]) -> None:
    """Report the first cell typed in TCVN3 or VNI: its names would print as garbage."""
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(map(_clean_value, row)):
            if isinstance(value, str) and _LEGACY.search(value) \
                    and not _VIETNAMESE.search(value):
                tcvn3 = sum(ch in _TCVN3 for ch in value)
                vni = sum(ch in _VNI for ch in value)
                if max(tcvn3, vni) >= 2:
                    raw.problem(Kind.LEGACY_ENCODING, key, row=number,
                                column=get_column_letter(index + 1), value=value[:40],
                                expected="TCVN3 (.VnTime)" if tcvn3 >= vni else "VNI")
                    return


def _uncached_formulas(raw: RawWorkbook, path: Path) -> None:
    """Report formulas Excel never calculated: their cells read as empty."""
    try:
        book = load_workbook(path, read_only=True, data_only=False)
        cached = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl refuses what calamine took (a DOCTYPE, a bad part)
        raise UnreadableWorkbook(path, _DAMAGED) from err
    try:
        for title, key in {t: k for k, t in raw.sheet_titles.items()}.items():
            rows = zip(book[title].iter_rows(), cached[title].iter_rows(), strict=False)
            for formulas, values in rows:
                for cell, value in zip(formulas, values, strict=False):
                    text = cell.value
                    if isinstance(text, str) and text.startswith("=") and value.value is None:
                        raw.problem(Kind.FORMULA_NO_VALUE, key, row=cell.row,
                                    column=cell.column_letter, value=text)
    finally:
        book.close()
        cached.close()


_FORMULA = re.compile(rb"<f[ >]")


def _clean_value(value: object) -> object:
    if value.__class__ is str:
        return clean(value) or None
    if value.__class__ is float:
        return int(value) if value.is_integer() else value
    if isinstance(value, datetime):
        return value.date()
    return value


def _table_start(rows: list[list], catalog: Catalog, key: str) -> int:
    """Where a table within a key / value sheet begins (its header row), or the sheet's end:
    the key / value rows are read above it only ("Thư ký" in a member's row is no label)."""
    starts = [find_header(rows, part.columns)[0] for part in catalog.sheets.values()
              if part.part_of == key]
    return min((s for s in starts if s is not None), default=len(rows))


def _read_part(rows: list[list], sheet: Sheet, raw: RawWorkbook, merged: list,
               scan: SheetScan) -> list[Record]:
    """A table under the key / value rows of a sheet: none when its header is not there."""
    if find_header(rows, sheet.columns)[0] is None:
        return []
    return _read_table(rows, sheet, raw, merged, scan.hidden_rows)


def _read_pairs(rows: list[list], sheet: Sheet) -> Pairs:
    """Read key / value rows: a known label, then the first filled cell to its right."""
    labels = {fold(s): col for col in sheet.columns for s in col.spellings}
    found = Pairs()
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            column = labels.get(fold(value)) if isinstance(value, str) else None
            if column is None or column.key in found:
                continue
            filled = next(((i, v) for i, v in enumerate(map(_clean_value, row[index + 1:]),
                                                        index + 1) if v is not None), None)
            at = filled[0] if filled else index + 1
            found[column.key] = Cell(filled[1] if filled else None, number,
                                     get_column_letter(at + 1), column.label)
            break
    return found


def _read_table(rows: list[list], sheet: Sheet, raw: RawWorkbook, merged: list,
                hidden_rows: frozenset[int]) -> list[Record]:
    """Find the header row by its text, map known columns, and read the filled rows under it."""
    header_at, mapping = find_header(rows, sheet.columns)
    if header_at is None:
        seen = [clean(v) for row in rows[:HEADER_SEARCH_ROWS] for v in row
                if isinstance(v, str) and clean(v)]
        raw.problem(Kind.NO_HEADER, sheet.key,
                    expected=quoted(c.label for c in sheet.columns if c.required),
                    value=quoted(seen[:12]) or "không có chữ nào")
        return []
    seen_headers = quoted(str(v) for v in map(_clean_value, rows[header_at]) if v is not None)
    for column in sheet.columns:
        if column.required and column.key not in mapping:
            raw.problem(Kind.MISSING_COLUMN, sheet.key, row=header_at + 1,
                        expected=column.label, value=seen_headers)
    places = {column.key: (n, get_column_letter(i + 1), column.label)
              for n, (i, column) in enumerate(mapping.values())}
    take = _columns([i for i, _ in mapping.values()])
    _unmerge(rows, merged, header_at, {i for i, _ in mapping.values()}, sheet, raw)
    records = []
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        values = tuple([(clean(v) or None) if v.__class__ is str else _clean_value(v)
                        for v in take(row)])
        filled = [v for v in values if v is not None]
        if filled and not (isinstance(filled[0], str) and filled[0].startswith("(")
                           and all(isinstance(v, str) and _NUMBERING.match(v) for v in filled)):
            records.append(Record(number, values, places))
    hidden = [r.row for r in records if r.row in hidden_rows]
    if hidden:
        raw.problem(Kind.HIDDEN_ROWS, sheet.key, row=hidden[0], value=_rows_text(hidden))
    return records


def _unmerge(rows: list[list], merged: list, header_at: int, mapped: set[int], sheet: Sheet,
             raw: RawWorkbook) -> None:
    """Give each row of a merged column block the value Excel shows across it; report a block
    merged across two columns the tool reads, whose other columns would read empty."""
    for (top, left), (bottom, right) in merged:
        if top <= header_at or not mapped & set(range(left, right + 1)):
            continue  # titles and headers may be merged freely
        if len(mapped & set(range(left, right + 1))) > 1:
            raw.problem(Kind.MERGED_CELLS, sheet.key, row=top + 1,
                        column=get_column_letter(left + 1),
                        value=f"{get_column_letter(left + 1)}{top + 1}:"
                              f"{get_column_letter(right + 1)}{bottom + 1}")
            continue
        value = rows[top][left] if top < len(rows) and left < len(rows[top]) else None
        for row in rows[top + 1:bottom + 1]:
            for column in range(left, min(right + 1, len(row))):
                row[column] = value


def _rows_text(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10])) + (" …" if len(numbers) > 10 else "")
    return f"dòng {shown}" if len(numbers) == 1 else f"các dòng {shown}"


def _columns(indexes: list[int]) -> Callable[[list], tuple]:
    """A function taking these columns of a row, as a tuple."""
    pick = itemgetter(*indexes)
    return pick if len(indexes) > 1 else lambda row: (pick(row),)


def find_header(rows: list[list], columns: tuple[Column, ...]
                 ) -> tuple[int | None, dict[str, tuple[int, Column]]]:
    """Return the index of the row naming most known columns (at least two) among the first
    rows, or the first such row further down, and the mapping."""
    spellings = {fold(s): column for column in columns for s in column.spellings}
    best: tuple[int | None, dict[str, tuple[int, Column]]] = (None, {})
    for index, row in enumerate(rows):
        if index >= HEADER_SEARCH_ROWS and best[0] is not None:
            break  # the best of the first rows, else the first header further down
        mapping: dict[str, tuple[int, Column]] = {}
        for position, value in enumerate(row):
            column = spellings.get(fold(value)) if isinstance(value, str) else None
            if column is not None and column.key not in mapping:
                mapping[column.key] = (position, column)
        if len(mapping) >= 2 and len(mapping) > len(best[1]):
            best = (index, mapping)
    return best
