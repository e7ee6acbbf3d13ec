"""khenthuong check --xlsx: a copy of the clerk's workbook that opens at its first problem, with
each problem cell marked so that no one needs its colour to tell an error from a warning, a legend,
and each proposal's verdict and reasons at the right end of its row. Read again, the workbook is
the same to the tool: it ignores the columns and the legend the copy adds."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.views import Selection
from openpyxl.worksheet.worksheet import Worksheet

from .catalog import Catalog, Sheet
from .errors import KhenthuongError, OutputError, Problem
from .read import find_header
from .rules import Judgement, Verdict
from .vn import fold
from .wording import reasons_text
from .write import new_file

AUTHOR = "khenthuong"  # of the copy's comments: a later copy takes them off again


@dataclass(frozen=True)
class Look:
    """How a problem cell looks: a word that names it (in its comment and the legend), a fill,
    a font and a border, each unlike the other kind's, in colour and in black and white."""

    word: str
    fill: PatternFill
    bold: bool
    italic: bool
    color: str
    border: Border


def _edges(style: str) -> Border:
    side = Side(style=style, color="000000")
    return Border(left=side, right=side, top=side, bottom=side)


ERROR = Look("LỖI", PatternFill("solid", fgColor="C00000"), bold=True, italic=False,
             color="FFFFFF", border=_edges("thick"))
WARNING = Look("CẢNH BÁO", PatternFill("solid", fgColor="FFC000"), bold=False, italic=True,
               color="000000", border=_edges("mediumDashed"))
VERDICT_LOOKS = {  # fill, font: Excel's own "Good", "Neutral" and "Bad", which clerks know
    Verdict.ELIGIBLE: ("C6EFCE", "006100"),
    Verdict.REVIEW: ("FFEB9C", "9C5700"),
    Verdict.INELIGIBLE: ("FFC7CE", "9C0006"),
}
HEADS = {  # an award kind's two columns; none is a header the reader knows
    "danh_hieu": ("Kết quả thẩm định danh hiệu", "Lý do (danh hiệu)"),
    "hinh_thuc": ("Kết quả thẩm định hình thức", "Lý do (hình thức)"),
}
WIDTHS = (20, 70)
HEAD_NOTE = ("Chương trình ghi cột này khi chạy “khenthuong check --xlsx”, theo các cột bên trái; "
             "khi đọc lại bảng tính, chương trình bỏ qua cột này.")
LEGEND = "Chú giải của khenthuong"  # the legend's first words: a later copy finds it by them


@dataclass(frozen=True)
class Marked:
    """What the copy shows: its problem cells, its verdicts and where it opens."""

    errors: int
    warnings: int
    verdicts: int  # proposals whose verdict and reasons stand beside their row
    sheets: tuple[str, ...]  # the sheets holding them
    opens_at: tuple[str, str] | None  # (sheet, cell)


def annotated_copy(source: Path, problems: Sequence[Problem], target: Path, catalog: Catalog,
                   judgements: Sequence[Judgement] | None = None) -> Marked:
    """Copy a workbook with each problem cell marked and its message as a comment, each
    proposal's verdict and reasons beside its row (none when `judgements` is None: the workbook
    has errors), a legend, and the copy opening at its first problem."""
    book = load_workbook(source)
    _unmark(book, catalog)
    looks = _mark_problems(book, source.name, problems)
    verdicts = _verdict_columns(book, catalog, judgements or ())
    first = _first(book, looks, verdicts)
    left = _open_at(book, *first) if first else {}
    marked = {title for title, _ in looks} | {title for (title, _), _ in verdicts}
    for title in marked:
        _legend(book[title], catalog, looks, left.get(title), verdicts=any(
            t == title for (t, _), _ in verdicts), assessed=judgements is not None)
    save_new(book, target)
    return Marked(sum(look is ERROR for look in looks.values()),
                  sum(look is WARNING for look in looks.values()), len(verdicts),
                  tuple(dict.fromkeys(title for (title, _), _ in verdicts)), first)


# --- problem cells -------------------------------------------------------------------------------


def _mark_problems(book: Workbook, file: str, problems: Iterable[Problem]
                   ) -> dict[tuple[str, str], Look]:
    """Mark each cell a problem names: its look, and every problem of it in a comment."""
    found: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        if problem.file == file and problem.row and problem.column \
                and problem.sheet in book.sheetnames:
            found.setdefault((problem.sheet, f"{problem.column}{problem.row}"), []).append(
                problem)
    looks = {}
    for (title, coordinate), mine in found.items():
        look = ERROR if any(p.is_error for p in mine) else WARNING
        cell = book[title][coordinate]
        _dress(cell, look)
        cell.comment = Comment("\n".join(f"{ERROR.word if p.is_error else WARNING.word}: "
                                         f"{p.message}" for p in mine),
                               AUTHOR, width=380, height=140)
        looks[(title, coordinate)] = look
    return looks


def _dress(cell, look: Look) -> None:
    _restyle(cell, bold=look.bold, italic=look.italic, color=look.color)
    cell.fill, cell.border = look.fill, look.border


def _restyle(cell, **changes) -> None:
    """Change some of a cell's font, keeping its face and size."""
    font = copy(cell.font)
    for name, value in changes.items():
        setattr(font, name, value)
    cell.font = font


def _unmark(book: Workbook, catalog: Catalog) -> None:
    """Take off what an earlier copy added, for a clerk who went on working in it: its
    comments and the look of their cells, its legends, its verdict columns' values."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            legend = False
            for cell in row:
                legend = legend or isinstance(cell.value, str) and cell.value.startswith(LEGEND)
                if legend:  # the legend's cells, all right of its first
                    cell.value = None
                    _plain(cell)
                elif cell.comment is not None and cell.comment.author == AUTHOR:
                    cell.comment = None
                    _plain(cell)
    for key in ("collectives", "individuals"):
        sheet, header = _table(book, catalog.sheets[key])
        if header is not None:
            for column in _own_columns(sheet, header).values():
                for (cell,) in sheet.iter_rows(min_row=header + 1, min_col=column,
                                               max_col=column):
                    cell.value = None
                    _plain(cell)


def _plain(cell) -> None:
    """A cell without the look a mark gave it."""
    _restyle(cell, bold=False, italic=False, color=None)
    cell.fill, cell.border, cell.alignment = PatternFill(), Border(), Alignment()


# --- verdict columns -----------------------------------------------------------------------------


def _verdict_columns(book: Workbook, catalog: Catalog, judgements: Sequence[Judgement]
                     ) -> list[tuple[tuple[str, str], Verdict]]:
    """Write each proposal's verdict and reasons at the right end of its row, in two columns
    for each kind of award its sheet proposes; return the verdict cells, in list order."""
    cells = []
    for key, collective in (("collectives", True), ("individuals", False)):
        sheet, header = _table(book, catalog.sheets[key])
        mine = [j for j in judgements if j.proposal.is_collective == collective]
        if header is None or not mine:
            continue
        kinds = [k for k in HEADS if any(j.proposal.award.kind == k for j in mine)]
        columns = _columns(sheet, header, [head for k in kinds for head in HEADS[k]])
        for judgement in mine:
            verdict, reasons = (columns[head] for head in HEADS[judgement.proposal.award.kind])
            row = judgement.proposal.subject.row
            cell = sheet.cell(row=row, column=verdict, value=judgement.verdict.value)
            fill, color = VERDICT_LOOKS[judgement.verdict]
            cell.fill = PatternFill("solid", fgColor=fill)
            _restyle(cell, bold=True, color=color)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            why = sheet.cell(row=row, column=reasons, value=reasons_text(judgement))
            why.alignment = Alignment(vertical="top", wrap_text=True)
            _fit(sheet, row, why.value, WIDTHS[1])
            cells.append(((sheet.title, cell.coordinate), judgement.verdict))
    return cells


LINE_HEIGHT = 15  # points: a line of 11-point text, as Excel and LibreOffice set it
CHARACTERS_PER_WIDTH = 1.1  # Vietnamese text in the default font, per unit of column width


def _fit(sheet: Worksheet, row: int, text: str, width: int) -> None:
    """Make a row tall enough for a wrapped text in a column this wide (in characters):
    LibreOffice does not grow it by itself. A row the clerk made taller stays so."""
    per_line = int(width * CHARACTERS_PER_WIDTH)
    lines = sum(max(1, -(-len(line) // per_line)) for line in text.splitlines())
    dimension = sheet.row_dimensions[row]
    dimension.height = max(dimension.height or LINE_HEIGHT, lines * LINE_HEIGHT)


def _table(book: Workbook, spec: Sheet) -> tuple[Worksheet | None, int | None]:
    """The sheet the reader takes for a table (the visible one of sheets named alike) and
    its header row, found as the reader finds it."""
    names = {fold(n) for n in (spec.title, *spec.aliases)}
    candidates = [s for s in book.worksheets if fold(s.title) in names]
    visible = [s for s in candidates if s.sheet_state == "visible"]
    sheet = (visible or candidates or [None])[0]
    if sheet is None:
        return None, None
    index = find_header(sheet.iter_rows(values_only=True), spec.columns)[0]
    return sheet, None if index is None else index + 1


def _last_column(sheet: Worksheet) -> int:
    """The rightmost column holding a value (cells only styled, as a legend taken off leaves
    them, do not count)."""
    return max((cell.column for row in sheet.iter_rows() for cell in row
                if cell.value is not None), default=0)


def _own_columns(sheet: Worksheet, header: int) -> dict[str, int]:
    """The verdict columns an earlier copy added: header → column number."""
    ours = {head for pair in HEADS.values() for head in pair}
    return {cell.value: cell.column for cell in sheet[header] if cell.value in ours}


def _columns(sheet: Worksheet, header: int, heads: list[str]) -> dict[str, int]:
    """Each head's column: where an earlier copy put it, else after the sheet's last column."""
    columns = _own_columns(sheet, header)
    last = _last_column(sheet)
    for head in heads:
        if head not in columns:
            columns[head] = max([last, *columns.values()]) + 1
            width = WIDTHS[head.startswith("Lý do")]
            sheet.column_dimensions[get_column_letter(columns[head])].width = width
        _fit(sheet, header, head, WIDTHS[head.startswith("Lý do")])
        cell = sheet.cell(row=header, column=columns[head], value=head)
        _restyle(cell, bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.comment = Comment(HEAD_NOTE, AUTHOR, width=300, height=80)
    return columns


# --- where the copy opens, and its legend --------------------------------------------------------


def _first(book: Workbook, looks: dict[tuple[str, str], Look],
           verdicts: list[tuple[tuple[str, str], Verdict]]) -> tuple[str, str] | None:
    """The first error in the workbook's order of sheets, rows and columns; else the first
    warning; else the first proposal not "đủ điều kiện"; else the first verdict. Never a cell
    of a hidden sheet, which Excel cannot open at."""
    order = {title: index for index, title in enumerate(book.sheetnames)}

    def place(where: tuple[str, str]) -> tuple[int, int, int]:
        letters, row = coordinate_from_string(where[1])
        return order[where[0]], row, column_index_from_string(letters)

    for group in ([w for w, look in looks.items() if look is ERROR],
                  [w for w, look in looks.items() if look is WARNING],
                  [w for w, verdict in verdicts if verdict is not Verdict.ELIGIBLE],
                  [w for w, _ in verdicts]):
        shown = [w for w in group if book[w[0]].sheet_state == "visible"]
        if shown:
            return min(shown, key=place)
    return None


SCREEN_WIDTH = 100  # characters of column width a clerk's window shows at least
SCREEN_ROWS = 20


def _open_at(book: Workbook, title: str, coordinate: str) -> dict[str, int]:
    """Make a cell the one the workbook opens at: its sheet active and the only one selected,
    the cell selected and scrolled into view. Return the sheet's first column in view."""
    for sheet in book.worksheets:
        sheet.sheet_view.tabSelected = False
    sheet = book[title]
    book.active = book.worksheets.index(sheet)
    view = sheet.sheet_view
    view.tabSelected = True
    letters, row = coordinate_from_string(coordinate)
    column = column_index_from_string(letters)
    if view.pane is not None and view.pane.state not in ("frozen", "frozenSplit"):
        view.pane = None  # a split the clerk dragged: its sizes are in twips, not cells
    pane = view.pane
    across = int(pane.xSplit or 0) if pane else 0
    down = int(pane.ySplit or 0) if pane else 0
    top = row - 5 if row - down > SCREEN_ROWS else down + 1
    left = column - 1 if _width(sheet, across + 1, column) > SCREEN_WIDTH else across + 1
    corner = f"{get_column_letter(left)}{top}"
    if pane is None:
        view.topLeftCell = corner
        view.selection = [Selection(activeCell=coordinate, sqref=coordinate)]
    else:
        name = ("bottom" if down and row > down else "top") + (
            "Right" if across and column > across else "Left")
        pane.topLeftCell, pane.activePane = corner, name
        view.selection = [Selection(pane=name, activeCell=coordinate, sqref=coordinate)]
    return {title: left}


def _width(sheet: Worksheet, first: int, last: int) -> float:
    """Characters of width from one column to another, both included."""
    total = 0.0
    for column in range(first, last + 1):
        dimension = sheet.column_dimensions.get(get_column_letter(column))
        total += dimension.width if dimension is not None and dimension.width else 8.43
    return total


def _legend(sheet: Worksheet, catalog: Catalog, looks: dict[tuple[str, str], Look],
            left: int | None, *, verdicts: bool, assessed: bool) -> None:
    """Say in a row above the sheet's tables what the marks mean, from the first column in
    view: a cell marked as each kind of problem, then its meaning in words. With no empty row
    there, say it in the first row right of the sheet's last column."""
    rows = [int(coordinate_from_string(c)[1]) for t, c in looks if t == sheet.title]
    before = min([*_headers(sheet, catalog), *rows], default=1)
    free = next((r for r in range(1, before) if _empty(sheet, r)), None)
    pane = sheet.sheet_view.pane
    if left is None:
        left = int(pane.xSplit or 0) + 1 if pane else 1
    row, column = (free, left) if free else (1, _last_column(sheet) + 2)
    kinds = {look for (title, _), look in looks.items() if title == sheet.title}
    for text, look in _legend_items(kinds, verdicts=verdicts, assessed=assessed):
        span = _span(sheet, column, len(text) * (1.0 if look or text.endswith(":") else 0.9))
        cell = sheet.cell(row=row, column=column, value=text)
        if look is None:
            _restyle(cell, bold=text.startswith((LEGEND, STILL_ERRORS)))
        else:  # the look on as many cells as the word needs, in one frame
            side = look.border.left
            for offset in range(span):
                part = sheet.cell(row=row, column=column + offset)
                _dress(part, look)
                part.border = Border(top=side, bottom=side, left=side if offset == 0 else None,
                                     right=side if offset == span - 1 else None)
        column += span


STILL_ERRORS = "Bảng tính còn lỗi nên chưa xét đề nghị nào"


def _legend_items(kinds: set[Look], *, verdicts: bool, assessed: bool
                  ) -> list[tuple[str, Look | None]]:
    """The legend of a sheet with these kinds of marks, cell by cell: a text, or a word in the
    look it names."""
    items: list[tuple[str, Look | None]] = [(f"{LEGEND}:", None)]
    if ERROR in kinds:
        items += [(ERROR.word, ERROR), ("phải sửa.", None)]
    if WARNING in kinds:
        items += [(WARNING.word, WARNING), ("nên xem lại.", None)]
    if kinds:
        items.append(("Đưa chuột vào ô để đọc ghi chú.", None))
    if verdicts:
        items.append(("Kết quả thẩm định và lý do của từng đề nghị: các cột cuối bảng.", None))
    if not assessed:
        items.append((f"{STILL_ERRORS}: sửa hết lỗi rồi chạy lại để có kết quả thẩm định.",
                      None))
    return items


def _span(sheet: Worksheet, column: int, width: float) -> int:
    """How many columns from `column` a text this wide (in characters) spreads over, with a
    space after it."""
    span = 1
    while _width(sheet, column, column + span - 1) < width + 1:
        span += 1
    return span


def _headers(sheet: Worksheet, catalog: Catalog) -> list[int]:
    """The header rows of the tables the reader finds on this sheet."""
    rows = []
    for spec in catalog.sheets.values():
        found, header = _table(sheet.parent, spec) if not spec.pairs else (None, None)
        if found is sheet and header is not None:
            rows.append(header)
    return rows


def _empty(sheet: Worksheet, row: int) -> bool:
    merged = any(r.min_row <= row <= r.max_row for r in sheet.merged_cells.ranges)
    return not merged and all(cell.value is None for cell in sheet[row])


def save_new(book: Workbook, path: Path) -> None:
    """Save to a file that must not exist yet; a failure leaves no part of it behind."""
    data = io.BytesIO()
    book.save(data)
    try:
        new_file(path, data.getvalue())
    except FileExistsError as err:
        raise KhenthuongError(f"Đã có tệp “{path}”; không ghi đè. Hãy chọn tên khác.") from err
    except OSError as err:
        raise OutputError(f"Không ghi được tệp “{path}”: {err.strerror or err}.") from err
