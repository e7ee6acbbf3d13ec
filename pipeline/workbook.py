"""Write an input workbook in the layout clerks use: a title row, the headers, then the rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .catalog import Catalog

TITLES = {
    "info": "THÔNG TIN CHUNG CỦA ĐỢT KHEN THƯỞNG",
    "council": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
    "collectives": "DANH SÁCH TẬP THỂ ĐÁNH GIÁ, ĐỀ NGHỊ KHEN THƯỞNG",
    "individuals": "DANH SÁCH CÁ NHÂN ĐÁNH GIÁ, ĐỀ NGHỊ KHEN THƯỞNG",
    "history": "DANH HIỆU, HÌNH THỨC KHEN THƯỞNG VÀ KẾT QUẢ ĐÁNH GIÁ CÁC NĂM TRƯỚC",
    "quotas": "CHỈ TIÊU KHEN THƯỞNG THEO KẾ HOẠCH PHONG TRÀO",
}


def write_workbook(path: Path, catalog: Catalog, *, pairs: Mapping[str, Mapping[str, object]],
                   tables: Mapping[str, Sequence[Mapping[str, object]]]) -> Path:
    """Write a workbook: key / value sheets from `pairs`, table sheets from `tables`, each keyed
    by the sheet and column keys of forms/vocabulary.toml."""
    book = Workbook()
    book.remove(book.active)
    for key, values in pairs.items():
        _write_pairs(book, catalog, key, values)
    for key, rows in tables.items():
        _write_table(book, catalog, key, rows)
    book.save(path)
    return path


def _write_pairs(book: Workbook, catalog: Catalog, key: str, values: Mapping[str, object]) -> None:
    spec = catalog.sheets[key]
    sheet = book.create_sheet(spec.title)
    sheet.append([TITLES[key]])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    for column in spec.columns:
        if values.get(column.key) is not None:
            sheet.append([column.label, values[column.key]])
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 32, 60


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
