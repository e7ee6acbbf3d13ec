"""Input workbooks the tool writes: the blank one of `init`, and samples (the marked copy of
`check --xlsx` is marked.py)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break

from .catalog import Catalog, Column, Sheet
from .notes import NOTES

TITLES = {
    "info": "THÔNG TIN CHUNG CỦA ĐỢT KHEN THƯỞNG",
    "council": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
    "collectives": "DANH SÁCH TẬP THỂ ĐÁNH GIÁ, ĐỀ NGHỊ KHEN THƯỞNG",
    "individuals": "DANH SÁCH CÁ NHÂN ĐÁNH GIÁ, ĐỀ NGHỊ KHEN THƯỞNG",
    "history": "DANH HIỆU, HÌNH THỨC KHEN THƯỞNG VÀ KẾT QUẢ ĐÁNH GIÁ CÁC NĂM TRƯỚC",
    "quotas": "CHỈ TIÊU KHEN THƯỞNG THEO KẾ HOẠCH PHONG TRÀO",
    "decisions": "QUYẾT ĐỊNH KHEN THƯỞNG ĐÃ CÓ CỦA CÁC ĐỀ NGHỊ TRONG BẢNG TÍNH",
}
BOLD = Font(name="Calibri", size=11, bold=True)  # init names its fonts: unnamed prints in another
SAMPLE_MARK = "sample"  # only the samples scripts/make_sample.py writes say they are ones


def write_workbook(path: Path, catalog: Catalog, *, pairs: Mapping[str, Mapping[str, object]],
                   tables: Mapping[str, Sequence[Mapping[str, object]]],
                   every_column: bool = False) -> Path:
    """Write a workbook: key / value sheets from `pairs`, table sheets from `tables`, each keyed
    by the sheet and column keys of forms/vocabulary.toml; only the columns (and Thông tin rows)
    given or required, unless `every_column`."""
    book = Workbook()
    book.remove(book.active)
    for key, values in pairs.items():
        _write_pairs(book, catalog, key, values, every_column)
    for key, rows in tables.items():
        _write_table(book, catalog, key, rows, every_column)
    book.save(path)
    return path


def _write_pairs(book: Workbook, catalog: Catalog, key: str, values: Mapping[str, object],
                 every_column: bool) -> None:
    spec = catalog.sheets[key]
    sheet = book.create_sheet(spec.title)
    sheet.append([TITLES[key]])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    for column in spec.columns:
        if values.get(column.key) is not None or every_column and column.key != SAMPLE_MARK:
            sheet.append([column.label, values.get(column.key)])
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 32, 60


def _write_table(book: Workbook, catalog: Catalog, key: str,
                 rows: Sequence[Mapping[str, object]], every_column: bool) -> None:
    spec = catalog.sheets[key]
    if spec.part_of:
        _write_part(book, spec, rows)
        return
    sheet = book.create_sheet(spec.title)
    columns = [c for c in spec.columns
               if every_column or c.required or any(c.key in row for row in rows)]
    sheet.append([TITLES[key]])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns) + 1)
    sheet["A1"].font = Font(bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([])
    sheet.append(["STT"] + [c.label for c in columns])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=1):
        sheet.append([number] + [row.get(c.key) for c in columns])
    sheet.freeze_panes = "B4"


def _write_part(book: Workbook, spec: Sheet, rows: Sequence[Mapping[str, object]]) -> None:
    """A table under the key / value rows of its sheet, after a blank row."""
    sheet = book[spec.title] if spec.title in book.sheetnames else book.create_sheet(spec.title)
    sheet.append([])
    sheet.append(["STT"] + [c.label for c in spec.columns])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=1):
        sheet.append([number] + [row.get(c.key) for c in spec.columns])


# --- khenthuong init: a blank workbook that prevents mistakes -------------------------------------

GUIDE, LISTS = "Hướng dẫn", "Danh mục"
FIRST_ROW, LAST_ROW = 4, 2000  # data rows under the title, blank and header rows
HEADING_LINES = 3  # a table's heading wraps onto at most this many lines
HEADING = {"font": BOLD, "fill": PatternFill("solid", fgColor="DDEBF7"),
           "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True)}
WRAP = Alignment(vertical="top", wrap_text=True)
PAIR_VALUE = Alignment(horizontal="left", vertical="top", wrap_text=True)
# how wide a typical value is, by column key, else by kind
VALUE_WIDTHS = {"code": 9, "name": 24, "achievements": 40, "duties": 30, "functions": 30,
                "measures": 30, "structure": 24, "address": 24, "hometown": 24, "residence": 24,
                "source": 28, "unit": 20, "parent": 22, "head_title": 22, "position": 16,
                "note": 16, "number": 15}
KIND_WIDTHS = {"text": 16, "name": 22, "int": 8, "year": 8, "years": 10, "date": 11,
               "achievement": 22, "award": 22, "vocab": 14}
PAIR_VALUE_WIDTHS = {"info": 58, "council": 30}  # column B: the value, or the members' names
PAGE_WIDTH = {"landscape": 140, "portrait": 96}  # an A4 page's printable width, in column units
WIDE_SCALE = 80  # the smallest print that reads well; a sheet wider than a page at it gets pages


def blank_workbook(path: Path, catalog: Catalog, *, year: int) -> Path:
    """Write the workbook `init` gives a clerk: instructions, every sheet with every column,
    drop-down lists for every closed vocabulary, a note on each heading, two example rows,
    frozen heading rows, pages set up for printing. Filled with its examples, it passes `check`."""
    example = _examples(year)
    write_workbook(path, catalog, pairs={"info": example["info"], "council": example["council"]},
                   tables=example["tables"], every_column=True)
    book = load_workbook(path)
    _instructions(book, catalog)
    choices = _lists_sheet(book, catalog)
    for spec in catalog.sheets.values():
        sheet = book[spec.title]
        if spec.pairs:
            _pair_help(sheet, spec, choices)
        elif spec.part_of:
            _part_help(sheet, spec, catalog, choices)
        else:
            _table_help(sheet, spec, catalog, choices)
    book.save(path)
    return path


def _instructions(book: Workbook, catalog: Catalog) -> None:
    """The Hướng dẫn sheet: forms/huong-dan.txt, one line a row; "# " marks a heading."""
    sheet = book.create_sheet(GUIDE, 0)
    sheet.column_dimensions["A"].width = 112
    lines = (catalog.forms / "huong-dan.txt").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        heading = line.startswith("# ")
        sheet.append([line.removeprefix("# ")])
        if number == 1 or heading:
            sheet.cell(row=number, column=1).font = Font(name="Calibri", bold=True,
                                                         size=14 if number == 1 else 12)
    _print_setup(sheet, landscape=False)


def _lists_sheet(book: Workbook, catalog: Catalog) -> dict[str, str]:
    """A hidden sheet with one column per closed list; return list name → range formula."""
    sheet = book.create_sheet(LISTS)
    sheet.sheet_state = "hidden"
    names = sorted({c.kind.partition(":")[2] for s in catalog.sheets.values()
                    for c in s.columns if ":" in c.kind})
    ranges = {}
    for index, name in enumerate(names, start=1):
        values = catalog.choices(name)
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=name)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index, value=value)
        ranges[name] = f"'{LISTS}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _heading_width(label: str) -> int:
    """The narrowest column that shows a heading whole in at most HEADING_LINES lines."""
    width = max(map(len, label.split())) + 2
    while len(textwrap.wrap(label, width - 2)) > HEADING_LINES:
        width += 1
    return width


def _column_width(column: Column, catalog: Catalog) -> int:
    """Wide enough for the column's heading and for a typical value."""
    kind, _, vocab = column.kind.partition(":")
    typical = VALUE_WIDTHS.get(column.key) or KIND_WIDTHS[kind]
    if kind == "vocab":
        typical = min(max(map(len, catalog.choices(vocab))) + 2, 20)
    return max(_heading_width(column.label), typical)


def _table_help(sheet, spec: Sheet, catalog: Catalog, choices: dict[str, str]) -> None:
    headers = {cell.value: cell for cell in sheet[3]}
    for column in spec.columns:
        cell = headers[column.label]
        _message(sheet, cell.coordinate, spec, column)
        letter = cell.column_letter
        vocab = column.kind.partition(":")[2]
        if vocab in choices:
            _dropdown(sheet, choices[vocab], f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}")
        sheet.column_dimensions[letter].width = _column_width(column, catalog)
    sheet.column_dimensions["A"].width = 5
    sheet["A1"].font = BOLD
    _heading_row(sheet, 3)
    names = [c.key for c in spec.columns[:3]]
    frozen = names.index("name") + 2 if "name" in names else 1  # STT … the name
    sheet.freeze_panes = f"{get_column_letter(frozen + 1)}{FIRST_ROW}"
    _print_setup(sheet, heading_row=3, names=frozen)


def _part_help(sheet, spec: Sheet, catalog: Catalog, choices: dict[str, str]) -> None:
    """The member table of the Hội đồng sheet: notes on its headings, drop-down lists."""
    header = next(r for r in range(1, sheet.max_row + 1)
                  if sheet.cell(row=r, column=2).value == spec.columns[0].label)
    for index, column in enumerate(spec.columns, start=2):
        letter = get_column_letter(index)
        _message(sheet, f"{letter}{header}", spec, column)
        vocab = column.kind.partition(":")[2]
        if vocab in choices:
            _dropdown(sheet, choices[vocab], f"{letter}{header + 1}:{letter}{header + 60}")
        width = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = max(width, _column_width(column, catalog))
    _heading_row(sheet, header)
    _print_setup(sheet)


def _pair_help(sheet, spec: Sheet, choices: dict[str, str]) -> None:
    """A key / value sheet: the note and the drop-down on the value cell, where one types."""
    rows = {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1)}
    columns = [c for c in spec.columns if c.label in rows]  # all but the samples' mark
    for column in columns:
        row = rows[column.label]
        sheet.cell(row=row, column=1).alignment = Alignment(vertical="top")
        sheet.cell(row=row, column=2).alignment = PAIR_VALUE
        rule = _message(sheet, f"B{row}", spec, column)
        vocab = column.kind.partition(":")[2]
        if vocab in choices:  # a cell takes one rule: the note's offers the list too
            rule.type, rule.formula1 = "list", f"={choices[vocab]}"
            rule.allow_blank, rule.showErrorMessage = True, False
    sheet.column_dimensions["A"].width = max(len(c.label) for c in columns) + 2
    sheet.column_dimensions["B"].width = PAIR_VALUE_WIDTHS[spec.key]
    sheet["A1"].font = BOLD
    sheet.freeze_panes = "A3"
    _fit_rows(sheet, 3)
    _print_setup(sheet)


def _heading_row(sheet, row: int) -> None:
    """Bold, shaded, wrapped headings, tall enough for HEADING_LINES lines; the rows under them
    wrapped."""
    for cell in sheet[row]:
        if cell.value is not None:
            for name, style in HEADING.items():
                setattr(cell, name, style)
    sheet.row_dimensions[row].height = 15 * HEADING_LINES + 3
    for line in sheet.iter_rows(min_row=row + 1, max_row=sheet.max_row):
        for cell in line:
            cell.alignment = WRAP
    _fit_rows(sheet, row + 1)


def _fit_rows(sheet, first: int) -> None:
    """Give the example rows the height of their wrapped text (Excel fits the rows a clerk
    types; a row written here keeps the height it is given)."""
    widths = {cell.column_letter: sheet.column_dimensions[cell.column_letter].width or 8.43
              for cell in sheet[first]}
    for row in sheet.iter_rows(min_row=first, max_row=sheet.max_row):
        lines = max((len(textwrap.wrap(cell.value, int(widths[cell.column_letter]) - 1))
                     for cell in row if isinstance(cell.value, str)), default=1)
        sheet.row_dimensions[row[0].row].height = 15 * lines if lines > 1 else None


def _print_setup(sheet, *, heading_row: int | None = None, names: int = 0,
                 landscape: bool | None = None) -> None:
    """A4 (landscape where wider than a portrait page), gridlines, the sheet's name and page
    number at the foot; one page wide, or, where that would print too small, pages of whole
    columns at WIDE_SCALE, each repeating the heading row and the first `names` columns."""
    widths = [sheet.column_dimensions[get_column_letter(i)].width or 8.43
              for i in range(1, sheet.max_column + 1)]
    if landscape is None:
        landscape = sum(widths) > PAGE_WIDTH["portrait"]
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.print_options.gridLines = sheet.title != GUIDE
    sheet.oddFooter.center.text = "&A - trang &P"
    if heading_row:
        sheet.print_title_rows = f"1:{heading_row}"
    page = PAGE_WIDTH["landscape" if landscape else "portrait"]
    if sum(widths) * WIDE_SCALE / 100 <= page or not names:
        setup.fitToWidth, setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        return
    setup.scale = WIDE_SCALE
    sheet.print_title_cols = f"A:{get_column_letter(names)}"
    _title_over(sheet, names)
    room, used = page * 100 / WIDE_SCALE - sum(widths[:names]), 0.0
    for index, width in enumerate(widths[names:], start=names):
        if used + width > room:
            sheet.col_breaks.append(Break(id=index))
            used = 0.0
        used += width


def _title_over(sheet, names: int) -> None:
    """Put the sheet's title over its first `names` columns, wrapped: pages of columns repeat
    those columns, and the title with them."""
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row == 1:
            sheet.unmerge_cells(str(merged))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=names)
    sheet["A1"].alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    room = sum(sheet.column_dimensions[get_column_letter(i)].width for i in range(1, names + 1))
    sheet.row_dimensions[1].height = 15 * len(textwrap.wrap(sheet["A1"].value, int(room / 1.3)))


def _message(sheet, coordinate: str, spec: Sheet, column: Column) -> DataValidation:
    """The note Excel shows when the cell is selected."""
    note = DataValidation(showInputMessage=True, promptTitle=_title(column.label),
                          prompt=NOTES[spec.key][column.key])
    note.add(coordinate)
    sheet.add_data_validation(note)
    return note


def _title(label: str, limit: int = 32) -> str:
    """A heading as the note's title, which Excel cuts at 32 characters: cut at a word."""
    return label if len(label) <= limit else label[:label.rfind(" ", 0, limit - 1)] + "…"


def _dropdown(sheet, formula: str, cells: str) -> None:
    """A drop-down that offers the list but still accepts other spellings (HTXSNV, BK tỉnh…)."""
    choice = DataValidation(type="list", formula1=f"={formula}", allow_blank=True,
                            showErrorMessage=False)
    choice.add(cells)
    sheet.add_data_validation(choice)


def _examples(year: int) -> dict:
    """Two example rows per sheet (invented people), consistent with each other."""
    units = ["Phòng Tổng hợp", "Trung tâm Thông tin"]
    return {
        "info": {"year": year, "occasion": "Hằng năm", "parent_agency":
                 "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "agency": "VĂN PHÒNG",
                 "agency_name": "Văn phòng Ủy ban nhân dân tỉnh Sơn La", "agency_code": "VPUB",
                 "drafting_unit": "TCHCQT", "place": "Sơn La", "signer": "Nguyễn Văn Mẫu",
                 "signer_title": "Phó Chánh Văn phòng", "sign_authority": "KT.",
                 "head_title": "Chánh Văn phòng",
                 "addressee": "Chủ tịch Ủy ban nhân dân tỉnh Sơn La (qua Sở Nội vụ)",
                 "report_addressee": "Sở Nội vụ tỉnh Sơn La"},
        "council": {"members": 3, "present": 3, "meeting_date": f"20/11/{year}"},
        "tables": {
            "council_members": [
                {"name": "Nguyễn Văn Mẫu", "position": "Chánh Văn phòng",
                 "role": "Chủ tịch Hội đồng", "attended": "Có"},
                {"name": "Hà Thị Mẫu", "position": "Trưởng phòng", "role": "Ủy viên",
                 "attended": "Có"},
                {"name": "Lường Văn Mẫu", "position": "Chuyên viên",
                 "role": "Ủy viên kiêm Thư ký", "attended": "Có"}],
            "collectives": [
                {"code": "TH", "name": units[0], "rating": "Hoàn thành xuất sắc nhiệm vụ",
                 "title": "Tập thể lao động tiên tiến", "award": "Bằng khen của Chủ tịch UBND tỉnh",
                 "achievements": "02 năm liên tục hoàn thành xuất sắc nhiệm vụ (ví dụ).",
                 "votes": 3, "head_title": "Trưởng phòng Tổng hợp", "staff": 8,
                 "functions": "Tham mưu tổng hợp, theo dõi kinh tế - xã hội (ví dụ)."},
                {"code": "TTTT", "name": units[1], "rating": "Hoàn thành tốt nhiệm vụ",
                 "title": "Tập thể lao động tiên tiến", "votes": 3, "kind": "Đột xuất",
                 "award": "Bằng khen của Chủ tịch UBND tỉnh",
                 "achievements": "Khắc phục kịp thời sự cố hệ thống thư điện tử (ví dụ)."}],
            "individuals": [
                {"code": "VD01", "name": "Lò Thị Mẫu", "sex": "Nữ", "birth_year": 1988,
                 "position": "Chuyên viên", "unit": units[0], "rating":
                 "Hoàn thành xuất sắc nhiệm vụ", "initiatives": 1, "initiative_scope": "Cơ sở",
                 "discipline": "Không", "kind": "Công trạng",
                 "title": "Chiến sĩ thi đua cơ sở", "award": "Giấy khen của Chánh Văn phòng",
                 "achievements": "Sáng kiến số hoá hồ sơ (ví dụ).", "votes": 3,
                 "birth_date": "12/5/1988", "hometown": "Xã Mường Chiên, tỉnh Sơn La",
                 "qualification": "Cử nhân Luật",
                 "duties": "Theo dõi công tác thi đua, khen thưởng (ví dụ)."},
                {"code": "VD02", "name": "Giàng A Mẫu", "sex": "Nam", "birth_year": 1992,
                 "position": "Viên chức", "unit": units[1], "rating": "Hoàn thành tốt nhiệm vụ",
                 "discipline": "Không", "kind": "Phong trào", "title": "Lao động tiên tiến",
                 "award": "Bằng khen của Chủ tịch UBND tỉnh",
                 "achievements": "Tiêu biểu trong phong trào thi đua của tỉnh (ví dụ).",
                 "votes": 3}],
            "history": [
                {"code": "TH", "name": units[0], "years": year - 1,
                 "what": "Hoàn thành xuất sắc nhiệm vụ"},
                {"code": "VD01", "name": "Lò Thị Mẫu", "birth_year": 1988, "years": year - 1,
                 "what": "Chiến sĩ thi đua cơ sở", "decision_number": "01/QĐ-VPUB"}],
            "decisions": [
                {"number": "1234/QĐ-UBND", "date": f"20/12/{year}",
                 "body": "Chủ tịch Ủy ban nhân dân tỉnh", "code": "TH", "name": units[0],
                 "proposed": "Bằng khen của Chủ tịch UBND tỉnh", "outcome": "Được tặng"},
                {"number": "1234/QĐ-UBND", "date": f"20/12/{year}",
                 "body": "Chủ tịch Ủy ban nhân dân tỉnh", "code": "VD02", "name": "Giàng A Mẫu",
                 "proposed": "Bằng khen của Chủ tịch UBND tỉnh", "outcome": "Không được tặng"}],
            "quotas": [
                {"award": "Bằng khen của Chủ tịch UBND tỉnh", "collectives": 2,
                 "individuals": 5, "source": "Kế hoạch phong trào (ví dụ)"},
                {"award": "Giấy khen của Chánh Văn phòng", "collectives": 5,
                 "individuals": 15, "source": "Kế hoạch phong trào (ví dụ)"}],
        },
    }
