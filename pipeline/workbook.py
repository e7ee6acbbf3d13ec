"""Write an input workbook in the layout clerks use: a title row, the headers, then the rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .catalog import Catalog

TITLES = {
    "collectives": "DANH SÁCH TẬP THỂ ĐÁNH GIÁ, ĐỀ NGHỊ KHEN THƯỞNG",
    "individuals": "DANH SÁCH CÁ NHÂN ĐÁNH GIÁ, ĐỀ NGHỊ KHEN THƯỞNG",
}


def write_workbook(path: Path, catalog: Catalog, *, info: Mapping[str, object],
                   tables: Mapping[str, Sequence[Mapping[str, object]]]) -> Path:
    """Write a workbook; `info` and each table's rows are keyed by column key (forms data)."""
    book = Workbook()
    sheet = book.active
    info_spec = catalog.sheets["info"]
    sheet.title = info_spec.title
    sheet.append(["THÔNG TIN CHUNG CỦA ĐỢT KHEN THƯỞNG"])
    sheet.append([])
    for column in info_spec.columns:
        if column.key in info:
            sheet.append([column.label, info[column.key]])
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 32, 60
    for key, rows in tables.items():
        _write_table(book, catalog, key, rows)
    book.save(path)
    return path


def _write_table(book: Workbook, catalog: Catalog, key: str,
                 rows: Sequence[Mapping[str, object]]) -> None:
    spec = catalog.sheets[key]
    sheet = book.create_sheet(spec.title)
    columns = [c for c in spec.columns if any(c.key in row for row in rows) or c.required]
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
