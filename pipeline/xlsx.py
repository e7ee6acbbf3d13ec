"""The clerk's working lists as .xlsx: every verdict with its reasons, and the reward money.

A province's list has a quarter of a million cells, too many for a cell-by-cell writer: the
sheet is written as SpreadsheetML directly, a string per row with the text inline, in a package
of the few parts a spreadsheet needs (ECMA-376 part 1, §18)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter

from .contexts import citation, common, occasion_phrase
from .model import Award, Collective, Person
from .ooxml import core_properties, package
from .rules import Assessment, Judgement
from .vn import amount_words, number
from .wording import reasons_text


@dataclass(frozen=True)
class Column:
    """A column of a working list: its header, its width and whether it holds money."""

    name: str
    width: int  # in characters, as Excel's column width box
    money: bool = False  # whole đồng with thousands marks
    style: int | None = None  # a form's own cell style for the column (centred, hệ số)


@dataclass(frozen=True)
class Cell:
    """A cell of a form's own line, spanning `span` columns from `column` (1 is A)."""

    column: int
    value: str | int | float
    style: int
    span: int = 1


@dataclass(frozen=True)
class Line:
    """A row of a form that is not a row of its table's columns: a heading, a subtotal, the
    amount in words, a signature; `height` in points, else as tall as its wrapped text."""

    cells: tuple[Cell, ...] = ()
    height: float | None = None


@dataclass(frozen=True)
class Form:
    """What makes a table a document to sign: its lines above the header row (agency, title,
    basis), Times New Roman, borders, no grid; rows and footer may then hold Lines."""

    head: tuple[Line, ...]


def verdicts_xlsx(assessment: Assessment) -> bytes:
    """ket-qua-tham-dinh.xlsx: one row per proposal, with verdict, reasons and advice."""
    columns = [Column("STT", 6), Column("Đối tượng", 10), Column("Họ và tên / Tên tập thể", 28),
               Column("Năm sinh", 9), Column("Đơn vị", 30), Column("Đề nghị", 34),
               Column("Cấp quyết định", 24), Column("Kết quả", 18), Column("Lý do", 90),
               Column("Tiền thưởng (đồng)", 16, money=True), Column("Có thể xét cao nhất", 40),
               Column("Vào văn bản", 24)]
    granted = set(assessment.granted)
    rows = []
    for stt, j in enumerate(assessment.judgements, start=1):
        subject = j.proposal.subject
        rows.append([stt, _kind(j), subject.name, _born(subject), unit_of(subject, assessment),
                     j.proposal.award.name, j.proposal.award.decided_by, j.verdict.value,
                     reasons_text(j), j.money or None,
                     "; ".join(a.name for a in assessment.advice.get(subject, ())),
                     carried(j, granted)])
    return table_xlsx("Kết quả thẩm định", columns, rows, **_properties(assessment))


def money_xlsx(assessment: Assessment) -> bytes:
    """tong-hop-kinh-phi.xlsx, the financial attachment a kế toán and the thủ trưởng sign:
    reward money per subject and award, in two parts with their subtotals and amounts in words.
    The office pays for its own decisions (I); an award decided above it is paid by the
    deciding level (II), priced here at the base salary of the round's date for reference."""
    columns = [Column("STT", 4, style=_CENTRE), Column("Đối tượng", 8, style=_CENTRE),
               Column("Họ và tên / Tên tập thể", 22), Column("Đơn vị", 22),
               Column("Danh hiệu, hình thức", 26), Column("Hệ số", 5, style=_COEFFICIENT),
               Column("Mức lương cơ sở (đồng)", 11, money=True),
               Column("Số tiền (đồng)", 12, money=True), Column("Cấp chi trả", 16)]
    paid = [j for j in assessment.granted if j.money]
    office = [j for j in paid if j.proposal.award.route == "office"]
    above = [j for j in paid if j.proposal.award.route != "office"]
    rows = [*_part("I", "Khen thưởng thuộc thẩm quyền của Văn phòng", "Văn phòng chi trả",
                   office, assessment),
            *_part("II", "Khen thưởng do cấp trên quyết định (cấp quyết định chi trả; số tiền "
                         "dự kiến, để tham khảo)", "Cấp quyết định khen thưởng chi trả (dự kiến)",
                   above, assessment),
            *_sum("Tổng cộng", assessment.money())]
    return table_xlsx("Tổng hợp kinh phí", columns, rows, _signatures(assessment),
                      form=Form(_letterhead(assessment)), **_properties(assessment))


def _part(number: str, heading: str, label: str, judgements: list[Judgement],
          assessment: Assessment) -> list[list | Line]:
    """A part of the kinh phí list: its heading, its rows numbered from 1, its subtotal."""
    return [Line((Cell(1, number, _HEADER), Cell(2, heading, _BOLD_TEXT, span=8))),
            *([stt, _kind(j), j.proposal.subject.name, unit_of(j.proposal.subject, assessment),
               j.proposal.award.name, j.coefficient, assessment.salary.amount, j.money,
               payer(j.proposal.award)] for stt, j in enumerate(judgements, start=1)),
            *_sum(label, sum(j.money for j in judgements))]


def _sum(label: str, amount: int) -> list[Line]:
    """A total's line, then the same amount in words."""
    empty = (Cell(1, "", _TEXT), Cell(2, "", _TEXT))
    style = _BOLD_BILLIONS if amount >= 1_000_000_000 else _BOLD_MONEY
    return [Line((*empty, Cell(3, label, _BOLD_TEXT, span=5), Cell(8, amount, style),
                  Cell(9, "", _TEXT))),
            Line((*empty, Cell(3, f"Bằng chữ: {amount_words(amount)}.", _WORDS, span=7)))]


def _letterhead(assessment: Assessment) -> tuple[Line, ...]:
    """Agency and Quốc hiệu as the documents head them, the title, the round, and the basis of
    the money: the base salary (its decree unless the workbook gave it) and the money rule."""
    round_, salary = assessment.round, assessment.salary
    info = round_.info
    decree = "" if info.base_salary else f" ({salary.source})"
    occasion = occasion_phrase(round_)
    return (Line((Cell(1, info.parent_agency, _PARENT, span=4),
                  Cell(5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _AGENCY, span=5))),
            Line((Cell(1, info.agency, _AGENCY, span=4),
                  Cell(5, "Độc lập - Tự do - Hạnh phúc", _MOTTO, span=5))),
            Line(),
            Line((Cell(1, "BẢNG TỔNG HỢP KINH PHÍ KHEN THƯỞNG", _TITLE, span=9),)),
            Line((Cell(1, occasion[:1].upper() + occasion[1:], _SUBTITLE, span=9),)),
            Line((Cell(1, f"Mức lương cơ sở: {number(salary.amount)} đồng{decree}; số tiền = hệ "
                          f"số × mức lương cơ sở{_cited(round_.regime.money_source)}.", _ITALIC,
                       span=9),)),
            Line())


def _signatures(assessment: Assessment) -> list[Line]:
    """Under the table: who pays part II and by which text, the place and date as the
    documents write them, and the three signatures, with room to sign."""
    shared = common(assessment.round, "", "")
    return [Line(),
            Line((Cell(1, "Ghi chú: khen thưởng do cấp trên quyết định (phần II) do cấp quyết "
                          "định chi trả, theo mức lương cơ sở tại ngày quyết định của cấp đó"
                          f"{_cited(assessment.round.regime.payer_source)}; số tiền ở phần II "
                          "để tham khảo.", _NOTE, span=9),)),
            Line((Cell(6, f"{shared['dia_danh']}, {shared['ngay_ky']}", _ITALIC, span=4),)),
            Line((Cell(1, "NGƯỜI LẬP BIỂU", _AGENCY, span=3), Cell(4, "KẾ TOÁN", _AGENCY, span=2),
                  Cell(6, "THỦ TRƯỞNG ĐƠN VỊ", _AGENCY, span=4))),
            Line((Cell(1, "(Ký, ghi rõ họ tên)", _ITALIC, span=3),
                  Cell(4, "(Ký, ghi rõ họ tên)", _ITALIC, span=2),
                  Cell(6, "(Ký, ghi rõ họ tên, đóng dấu)", _ITALIC, span=4))),
            Line((Cell(1, " ", _ITALIC),), height=80)]  # a space: the room to sign is printed


def _cited(source: str) -> str:
    """ (the citation), or nothing when the text was not read."""
    return f" ({text})" if (text := citation(source)) else ""


def payer(award: Award) -> str:
    """Who pays the reward money of an award: the level that decides it."""
    return "Văn phòng" if award.route == "office" else award.decided_by


def table_xlsx(sheet: str, columns: Sequence[Column], rows: Sequence[Sequence | Line],
               footer: Sequence[Sequence | Line] = (), *, title: str, day: date,
               form: Form | None = None) -> bytes:
    """A one-sheet workbook a clerk can read: bold header with filters frozen, widths, wrapped
    text, money with thousands marks, a bold unwrapped footer, printed landscape one page wide
    with the header on every page; text, whole or decimal numbers and None or "" (an empty
    cell) as values. A `form` puts its lines above the header and dresses the sheet to be
    signed (no filter, no frozen pane)."""
    header = len(form.head) + 1 if form else 1
    quoted = f"'{sheet.replace(chr(39), chr(39) * 2)}'"
    last = f"${get_column_letter(len(columns))}${max(len(rows), 1) + 1}"
    filter_name = "" if form else (
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f'{escape(f"{quoted}!$A$1:{last}")}</definedName>')
    workbook = (
        f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
        f'<sheets><sheet name={quoteattr(sheet)} sheetId="1" r:id="rId1"/></sheets>'
        f'<definedNames>{filter_name}<definedName name="_xlnm.Print_Titles" localSheetId="0">'
        f"{escape(quoted)}!${header}:${header}</definedName></definedNames></workbook>")
    return package([
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _PACKAGE_RELS),
        ("docProps/core.xml", core_properties(title, day)),
        ("xl/workbook.xml", workbook.encode("utf-8")),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/styles.xml", _form_styles() if form else _STYLES),
        ("xl/worksheets/sheet1.xml", _sheet(columns, rows, footer, form)),
    ])


def _properties(assessment: Assessment) -> dict:
    return {"title": f"Danh sách làm việc — {assessment.round.slug}",
            "day": assessment.round.info.decision_date}


# cell styles, as indexes into the cellXfs of _STYLES (the bold ones do not wrap) and of
# _form_styles() (the same first six, bordered, in Times New Roman, then a form's own)
_HEADER, _TEXT, _MONEY, _BOLD_TEXT, _BOLD_MONEY = range(1, 6)
(_CENTRE, _COEFFICIENT, _BOLD_BILLIONS, _WORDS, _PARENT, _AGENCY, _MOTTO, _TITLE, _SUBTITLE,
 _ITALIC, _NOTE) = range(6, 17)


@dataclass(frozen=True)
class _Look:
    """How a sheet's rows are measured: points per line of text, letters per character of
    column width."""

    line: int
    letters: float


_PLAIN = _Look(15, 1.2)  # Calibri 11: letters are narrower than the digits widths count
_FORMAL = _Look(16, 1.0)  # Times New Roman 12, counted wide: a line too many, never one cut


def _sheet(columns: Sequence[Column], rows: Sequence[Sequence | Line],
           footer: Sequence[Sequence | Line], form: Form | None) -> Iterator[bytes]:
    """The worksheet XML in pieces of a thousand rows, so that a province's list never stands
    whole in memory."""
    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    widths = [c.width for c in columns]
    look, head = (_FORMAL, form.head) if form else (_PLAIN, ())
    top = len(head) + 1  # the header row
    merged: list[str] = []
    view = ('<sheetView showGridLines="0" tabSelected="1" workbookViewId="0"/>' if form else
            '<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>')
    yield _xml("".join([
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',  # one page wide when printed
        f'<dimension ref="A1:{letters[-1]}{top + len(rows) + len(footer)}"/>',
        f"<sheetViews>{view}</sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/><cols>',
        *(f'<col min="{i}" max="{i}" width="{_width(c.width)}" customWidth="1"/>'
          for i, c in enumerate(columns, start=1)),
        "</cols><sheetData>",
        *(_line(n, line, letters, widths, merged) for n, line in enumerate(head, start=1)),
        _row(top, _cells(letters, [_HEADER] * len(columns), columns, look),
             [c.name for c in columns], line=look.line)]))
    plain = _cells(letters, [c.style or (_MONEY if c.money else _TEXT) for c in columns],
                   columns, look)
    for first in range(0, len(rows), 1000):
        yield _xml("".join([
            _line(n, row, letters, widths, merged) if row.__class__ is Line else
            _row(n, plain, row, line=look.line)
            for n, row in enumerate(rows[first:first + 1000], start=top + first + 1)]))
    bold = _cells(letters, [_BOLD_MONEY if c.money else _BOLD_TEXT for c in columns], columns,
                  look)
    yield _xml("".join([
        *(_line(n, row, letters, widths, merged) if row.__class__ is Line else
          _row(n, bold, row, fit=False) for n, row in enumerate(footer, start=top + len(rows) + 1)),
        "</sheetData>",
        "" if form else f'<autoFilter ref="A1:{letters[-1]}{max(len(rows), 1) + 1}"/>',
        f'<mergeCells count="{len(merged)}">{"".join(merged)}</mergeCells>' if merged else "",
        _FORM_PAGE if form else _PLAIN_PAGE, "</worksheet>"]))


_PLAIN_PAGE = ('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
               'footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" '
               'fitToHeight="0"/>')
# NĐ 30/2020's margins (2 cm on the left for binding, 1.5 cm elsewhere), centred on A4
_FORM_PAGE = ('<printOptions horizontalCentered="1"/><pageMargins left="0.79" right="0.59" '
              'top="0.59" bottom="0.59" header="0.3" footer="0.3"/>'
              '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>')


def _xml(text: str) -> bytes:
    """Markup as stored. It holds neither: control codes XML 1.0 cannot hold (pasted into a
    cell) are left out, and a carriage return is written as a reference so parsers keep it."""
    data = text.encode().translate(None, _NOT_XML)
    return (data.replace(b"\r", b"&#13;").replace("\ufffe".encode(), b"")
            .replace("\uffff".encode(), b""))


def _cells(letters: list[str], styles: list[int], columns: Sequence[Column], look: _Look
           ) -> list[tuple[str, str, str, int, str]]:
    """Per column, the markup around a cell's row number and value: text, then number, then
    an empty cell (written only when bordered); and how many letters a line of it holds."""
    return [(f"{_REF}{letter}", f'" s="{style}" t="inlineStr"><is><t xml:space="preserve">',
             f'" s="{style}"><v>', int(column.width * look.letters),
             f'" s="{style}"/>' if look is _FORMAL else "")
            for letter, style, column in zip(letters, styles, columns, strict=True)]


def _row(number: int, cells: list[tuple[str, str, str, int, str]], values: Sequence, *,
         fit: bool = True, line: int = 15) -> str:
    """One row; with `fit`, as tall as its longest wrapped text (LibreOffice does not fit rows
    to wrapped text when it opens a file), `line` points a line."""
    out, lines = [], 1
    for (ref, text, digits, per_line, empty), value in zip(cells, values, strict=False):
        if value is None or value == "":  # short rows too
            if empty:
                out.append(f"{ref}{number}{empty}")
            continue
        if value.__class__ is str:
            out.append(f"{ref}{number}{text}{_text(value)}</t></is></c>")
            if fit and (len(value) > per_line or "\n" in value):
                lines = max(lines, _lines(value, per_line))
        elif value.__class__ in (int, float):
            out.append(f"{ref}{number}{digits}{value!r}</v></c>")
        else:
            raise TypeError(f"cell {ref[len(_REF):]}{number}: {value!r}")
    height = f' ht="{line * lines}" customHeight="1"' if lines > 1 else ""
    return f'<row r="{number}"{height}>{"".join(out)}</row>'


def _line(number: int, line: Line, letters: list[str], widths: list[int],
          merged: list[str]) -> str:
    """A form's own row: each cell in its style, merged over its span (the covered cells
    written too, so that a border runs along the whole span), as tall as its wrapped text."""
    out, height = [], line.height or 0
    for cell in line.cells:
        first, end = cell.column - 1, cell.column - 1 + cell.span
        ref = f"{letters[first]}{number}"
        if cell.value == "":
            out.append(f'{_REF}{ref}" s="{cell.style}"/>')
        elif cell.value.__class__ is str:
            out.append(f'{_REF}{ref}" s="{cell.style}" t="inlineStr"><is><t xml:space='
                       f'"preserve">{_text(cell.value)}</t></is></c>')
        else:
            out.append(f'{_REF}{ref}" s="{cell.style}"><v>{cell.value!r}</v></c>')
        out += [f'{_REF}{letter}{number}" s="{cell.style}"/>' for letter in letters[first + 1:end]]
        if cell.span > 1:
            merged.append(f'<mergeCell ref="{ref}:{letters[end - 1]}{number}"/>')
        if line.height is None:
            size = _SIZES.get(cell.style, 12)
            per_line = int(sum(widths[first:end]) * 12 / size * (0.7 if str(cell.value).isupper()
                                                                  else 1.0))
            height = max(height, -(-size * 4 // 3) * _lines(str(cell.value), per_line))
    ht = f' ht="{height}" customHeight="1"' if height else ""
    return f'<row r="{number}"{ht}>{"".join(out)}</row>'


_SIZES = {_MOTTO: 13, _SUBTITLE: 13, _TITLE: 14}  # points; every other style 12


def _text(value: str) -> str:
    """A text as a cell holds it: XML's three escaped, and Excel's own escape."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "_x" in escaped:  # Excel's escape, else readers give "_x0041_" back as "A"
        escaped = _EXCEL_ESCAPE.sub("_x005F_", escaped)
    return escaped


def _lines(text: str, per_line: int) -> int:
    """How many lines a text wraps to, so many letters a line, broken between words."""
    count = 0
    for paragraph in text.split("\n"):
        count, width = count + 1, 0
        for word in paragraph.split():
            if width and width + 1 + len(word) > per_line:
                count, width = count + 1, 0
            width += len(word) + (1 if width else 0)
            while width > per_line:  # a word longer than a line breaks inside it
                count, width = count + 1, width - per_line
    return count


def _width(characters: int) -> float:
    """Excel's stored width for a column of so many characters of Calibri 11 (7-pixel digits,
    5 pixels of padding, in 1/256 steps)."""
    return int((characters * 7 + 5) / 7 * 256) / 256


_REF = '<c r="'
_EXCEL_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_NOT_XML = bytes([*range(9), 11, 12, *range(14, 32)])
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/><Override PartName="/xl/workbook.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>").encode()
_PACKAGE_RELS = (
    f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/></Relationships>').encode()
_WORKBOOK_RELS = (
    f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>").encode()
_TOP = '<alignment vertical="top" wrapText="1"/>'
_STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}"><numFmts count="1">'
    '<numFmt numFmtId="164" formatCode="#,##0"/></numFmts><fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">{_TOP}</xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
    f'applyAlignment="1">{_TOP}</xf>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>").encode()


def _form_styles() -> bytes:
    """A form's styles, in the order of the indexes above: Times New Roman, bordered table
    cells, money right-aligned with dots between thousands whatever the reader's locale (a
    literal dot per magnitude: below a thousand, to a million, to a billion; the billions
    apart), hệ số with a decimal comma."""
    fonts = ["", "<b/>", "<i/>", "<b/><u/>", "<b/>", "<b/>"]  # 12, 12, 12, 13, 14, 13 points
    sizes = [12, 12, 12, 13, 14, 13]
    top = 'vertical="top" wrapText="1"'
    centre = 'horizontal="center" vertical="center" wrapText="1"'
    right = 'horizontal="right" vertical="top" indent="1"'
    xfs = [  # (number format, font, border, alignment)
        (0, 0, 0, ""), (0, 1, 1, centre), (0, 0, 1, top), (164, 0, 1, right), (0, 1, 1, top),
        (164, 1, 1, right), (0, 0, 1, f'horizontal="center" {top}'),
        (166, 0, 1, 'horizontal="center" vertical="top"'), (165, 1, 1, right), (0, 2, 1, top),
        (0, 0, 0, centre), (0, 1, 0, centre), (0, 3, 0, centre), (0, 4, 0, centre),
        (0, 5, 0, centre), (0, 2, 0, centre), (0, 2, 0, top)]
    thin = "".join(f'<{side} style="thin"><color auto="1"/></{side}>'
                   for side in ("left", "right", "top", "bottom"))
    return (
        f'{_XML}<styleSheet xmlns="{_MAIN}"><numFmts count="3">'
        '<numFmt numFmtId="164" formatCode="[&gt;=1000000]#\\.###\\.##0;[&gt;=1000]#\\.##0;0"/>'
        '<numFmt numFmtId="165" formatCode="#\\.###\\.###\\.##0"/>'
        '<numFmt numFmtId="166" formatCode="[$-42A]0.0#"/></numFmts>'
        f'<fonts count="{len(fonts)}">'
        + "".join(f'<font>{style}<sz val="{size}"/><name val="Times New Roman"/><family val="1"/>'
                  "</font>" for style, size in zip(fonts, sizes, strict=True))
        + '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills><borders count="2">'
        f'<border><left/><right/><top/><bottom/><diagonal/></border><border>{thin}<diagonal/>'
        '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        f'borderId="0"/></cellStyleXfs><cellXfs count="{len(xfs)}">'
        + "".join(f'<xf numFmtId="{fmt}" fontId="{font}" fillId="0" borderId="{border}" xfId="0"'
                  f' applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1">'
                  f"<alignment {alignment}/></xf>" if alignment else
                  f'<xf numFmtId="{fmt}" fontId="{font}" fillId="0" borderId="{border}" xfId="0"/>'
                  for fmt, font, border, alignment in xfs)
        + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>").encode()


def carried(judgement: Judgement, granted: set[Judgement]) -> str:
    """Whether the round's documents carry the proposal, and if not, why."""
    if judgement in granted:
        return "Có"
    if not judgement.accepted:
        return "Không"
    if judgement.proposal.subject.conclusion is not None:
        return "Không (Hội đồng kết luận không đạt)"
    return "Chờ kết luận của Hội đồng (cột “Kết luận của Hội đồng”)"


def _kind(judgement: Judgement) -> str:
    return "Tập thể" if judgement.proposal.is_collective else "Cá nhân"


def _born(subject: Person | Collective) -> int | None:
    return subject.birth_year if isinstance(subject, Person) else None


def unit_of(subject: Person | Collective, assessment: Assessment) -> str:
    if isinstance(subject, Person):
        return subject.unit
    return subject.parent or assessment.round.info.agency_name
