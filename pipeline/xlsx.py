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
        rows.append([stt, _kind(j), subject.name, _born(subject), _unit(subject, assessment),
                     j.proposal.award.name, j.proposal.award.decided_by, j.verdict.value,
                     reasons_text(j), j.money or None,
                     "; ".join(a.name for a in assessment.advice.get(subject, ())),
                     _carried(j, granted)])
    return table_xlsx("Kết quả thẩm định", columns, rows, **_properties(assessment))


def money_xlsx(assessment: Assessment) -> bytes:
    """tong-hop-kinh-phi.xlsx: reward money per subject and award, who pays it, totals, amount
    in words. The office pays for its own decisions; an award decided above it is paid by the
    deciding level, priced here at the base salary of the round's date for reference."""
    columns = [Column("STT", 6), Column("Đối tượng", 10), Column("Họ và tên / Tên tập thể", 28),
               Column("Đơn vị", 30), Column("Danh hiệu, hình thức", 34), Column("Hệ số", 8),
               Column("Mức lương cơ sở (đồng)", 16, money=True),
               Column("Số tiền (đồng)", 16, money=True), Column("Cấp chi trả", 28)]
    paid = [j for j in assessment.granted if j.money]
    rows = [[stt, _kind(j), j.proposal.subject.name, _unit(j.proposal.subject, assessment),
             j.proposal.award.name, j.coefficient, assessment.salary.amount, j.money,
             payer(j.proposal.award)]
            for stt, j in enumerate(paid, start=1)]
    office = assessment.money(assessment.decided)
    above = assessment.money(assessment.submitted)
    regime = assessment.round.regime
    footer = [[None, None, "Văn phòng chi trả", None, None, None, None, office],
              [None, None, f"Bằng chữ: {amount_words(office)}."],
              [None, None, "Cấp quyết định khen thưởng chi trả (dự kiến)", None, None, None,
               None, above],
              [None, None, "Tổng cộng", None, None, None, None, office + above],
              [None, None, f"Mức lương cơ sở: {number(assessment.salary.amount)} đồng "
                           f"({assessment.salary.source}); làm tròn: {regime.money_source}."],
              [None, None, "Khen thưởng do cấp trên quyết định: cấp đó chi trả, theo mức lương "
                           f"cơ sở tại ngày quyết định của cấp đó ({regime.payer_source}); số "
                           "tiền ở đây để tham khảo."]]
    return table_xlsx("Tổng hợp kinh phí", columns, rows, footer, **_properties(assessment))


def payer(award: Award) -> str:
    """Who pays the reward money of an award: the level that decides it."""
    return "Văn phòng" if award.route == "office" else award.decided_by


def table_xlsx(sheet: str, columns: Sequence[Column], rows: Sequence[Sequence],
               footer: Sequence[Sequence] = (), *, title: str, day: date) -> bytes:
    """A one-sheet workbook a clerk can read: bold frozen header with filters, widths, wrapped
    text, money with thousands marks, a bold unwrapped footer, printed landscape one page wide
    with the header on every page; text, whole or decimal numbers and None or "" (an empty
    cell) as values."""
    last = f"${get_column_letter(len(columns))}${max(len(rows), 1) + 1}"
    quoted = f"'{sheet.replace(chr(39), chr(39) * 2)}'"
    filter_range = escape(f"{quoted}!$A$1:{last}")
    workbook = (
        f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
        f'<sheets><sheet name={quoteattr(sheet)} sheetId="1" r:id="rId1"/></sheets>'
        f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f'{filter_range}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'
        f"{escape(quoted)}!$1:$1</definedName></definedNames></workbook>")
    return package([
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _PACKAGE_RELS),
        ("docProps/core.xml", core_properties(title, day)),
        ("xl/workbook.xml", workbook.encode("utf-8")),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/styles.xml", _STYLES),
        ("xl/worksheets/sheet1.xml", _sheet(columns, rows, footer)),
    ])


def _properties(assessment: Assessment) -> dict:
    return {"title": f"Danh sách làm việc — {assessment.round.slug}",
            "day": assessment.round.info.decision_date}


# cell styles, as indexes into the cellXfs of _STYLES (the bold ones do not wrap)
_HEADER, _TEXT, _MONEY, _BOLD_TEXT, _BOLD_MONEY = range(1, 6)


def _sheet(columns: Sequence[Column], rows: Sequence[Sequence],
           footer: Sequence[Sequence]) -> Iterator[bytes]:
    """The worksheet XML in pieces of a thousand rows, so that a province's list never stands
    whole in memory."""
    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    end = len(rows) + len(footer) + 1
    yield _xml("".join([
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',  # one page wide when printed
        f'<dimension ref="A1:{letters[-1]}{end}"/>',
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" '
        'topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols>',
        *(f'<col min="{i}" max="{i}" width="{_width(c.width)}" customWidth="1"/>'
          for i, c in enumerate(columns, start=1)),
        "</cols><sheetData>",
        _row(1, _cells(letters, [_HEADER] * len(columns), columns), [c.name for c in columns],
             fit=False)]))
    plain = _cells(letters, [_MONEY if c.money else _TEXT for c in columns], columns)
    for first in range(0, len(rows), 1000):
        yield _xml("".join([_row(n, plain, row) for n, row
                            in enumerate(rows[first:first + 1000], start=first + 2)]))
    bold = _cells(letters, [_BOLD_MONEY if c.money else _BOLD_TEXT for c in columns], columns)
    yield _xml("".join([
        *(_row(n, bold, row, fit=False) for n, row in enumerate(footer, start=len(rows) + 2)),
        f'</sheetData><autoFilter ref="A1:{letters[-1]}{max(len(rows), 1) + 1}"/>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
        'footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" '
        'fitToHeight="0"/></worksheet>']))


def _xml(text: str) -> bytes:
    """Markup as stored. It holds neither: control codes XML 1.0 cannot hold (pasted into a
    cell) are left out, and a carriage return is written as a reference so parsers keep it."""
    data = text.encode().translate(None, _NOT_XML)
    return (data.replace(b"\r", b"&#13;").replace("\ufffe".encode(), b"")
            .replace("\uffff".encode(), b""))


def _cells(letters: list[str], styles: list[int], columns: Sequence[Column]
           ) -> list[tuple[str, str, str, int]]:
    """Per column, the markup around a cell's row number and value: text, then number; and how
    many characters a line of the column holds (letters are narrower than the digits Excel's
    widths count)."""
    return [(f"{_REF}{letter}", f'" s="{style}" t="inlineStr"><is><t xml:space="preserve">',
             f'" s="{style}"><v>', column.width * 6 // 5)
            for letter, style, column in zip(letters, styles, columns, strict=True)]


def _row(number: int, cells: list[tuple[str, str, str, int]], values: Sequence, *,
         fit: bool = True) -> str:
    """One row; with `fit`, as tall as its longest wrapped text (LibreOffice does not fit rows
    to wrapped text when it opens a file)."""
    out, lines = [], 1
    for (ref, text, digits, per_line), value in zip(cells, values, strict=False):  # short rows
        if value is None or value == "":
            continue
        if value.__class__ is str:
            escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            if "_x" in escaped:  # Excel's escape, else readers give "_x0041_" back as "A"
                escaped = _EXCEL_ESCAPE.sub("_x005F_", escaped)
            out.append(f"{ref}{number}{text}{escaped}</t></is></c>")
            if fit and (len(value) > per_line or "\n" in value):
                lines = max(lines, sum(-(-len(line) // per_line) or 1
                                       for line in value.split("\n")))
        elif value.__class__ in (int, float):
            out.append(f"{ref}{number}{digits}{value!r}</v></c>")
        else:
            raise TypeError(f"cell {ref[len(_REF):]}{number}: {value!r}")
    height = f' ht="{15 * lines}" customHeight="1"' if lines > 1 else ""
    return f'<row r="{number}"{height}>{"".join(out)}</row>'


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


def _carried(judgement: Judgement, granted: set[Judgement]) -> str:
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


def _unit(subject: Person | Collective, assessment: Assessment) -> str:
    if isinstance(subject, Person):
        return subject.unit
    return subject.parent or assessment.round.info.agency_name
