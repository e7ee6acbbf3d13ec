"""Input workbooks the tool writes: the blank one of `init`, and samples (the marked copy of
`check --xlsx` is marked.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .catalog import Catalog, Column, Sheet

TITLES = {
    "info": "THÔNG TIN CHUNG CỦA ĐỢT KHEN THƯỞNG",
    "council": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
    "collectives": "DANH SÁCH TẬP THỂ ĐÁNH GIÁ, ĐỀ NGHỊ KHEN THƯỞNG",
    "individuals": "DANH SÁCH CÁ NHÂN ĐÁNH GIÁ, ĐỀ NGHỊ KHEN THƯỞNG",
    "history": "DANH HIỆU, HÌNH THỨC KHEN THƯỞNG VÀ KẾT QUẢ ĐÁNH GIÁ CÁC NĂM TRƯỚC",
    "quotas": "CHỈ TIÊU KHEN THƯỞNG THEO KẾ HOẠCH PHONG TRÀO",
    "decisions": "QUYẾT ĐỊNH KHEN THƯỞNG ĐÃ CÓ CỦA CÁC ĐỀ NGHỊ TRONG BẢNG TÍNH",
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
    if spec.part_of:
        _write_part(book, spec, rows)
        return
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

LISTS = "Danh mục"
FIRST_ROW, LAST_ROW = 4, 2000  # data rows under the title, blank and header rows


def blank_workbook(path: Path, catalog: Catalog, *, year: int) -> Path:
    """Write the workbook `init` gives a clerk: instructions, every sheet with its headers,
    drop-down lists for every closed vocabulary, a message on each header, two example rows,
    frozen header rows. Filled with its examples, it passes `check`."""
    example = _examples(year)
    write_workbook(path, catalog, pairs={"info": example["info"], "council": example["council"]},
                   tables=example["tables"])
    book = load_workbook(path)
    _instructions(book, catalog)
    choices = _lists_sheet(book, catalog)
    for spec in catalog.sheets.values():
        sheet = book[spec.title]
        if spec.pairs:
            _pair_help(sheet, spec, catalog, choices)
        elif spec.part_of:
            _part_help(sheet, spec, choices)
        else:
            _table_help(sheet, spec, catalog, choices)
    book.save(path)
    return path


def _instructions(book: Workbook, catalog: Catalog) -> None:
    sheet = book.create_sheet("Hướng dẫn", 0)
    sheet.column_dimensions["A"].width = 110
    lines = (catalog.forms / "huong-dan.txt").read_text(encoding="utf-8").splitlines()
    titles = dict.fromkeys(s.title for s in catalog.sheets.values())
    lines.append("Các sheet: " + ", ".join(titles) + ".")
    for line in lines:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)


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


_HAND = " Để trống thì báo cáo thành tích chừa dòng chấm để điền tay."
NOTES = {  # what a column is for, where its kind does not say it (by its key)
    "basis_functions": "Cả dòng căn cứ của quyết định, ví dụ: Quyết định số …/QĐ-UBND ngày … của "
                       "Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ "
                       "chức của Văn phòng. Để trống thì quyết định chừa dòng chấm để viết tay.",
    "basis_regulation": "Cả dòng căn cứ, ví dụ: Quyết định số …/QĐ-VPUB ngày … ban hành Quy chế "
                        "thi đua, khen thưởng của Văn phòng. Để trống thì quyết định chừa dòng "
                        "chấm để viết tay.",
    "attended": "“Có” hoặc “Vắng”. Biên bản ghi người dự họp và người vắng theo cột này; số "
                "người “Có” (không kể Thư ký không phải thành viên) phải bằng Số thành viên dự "
                "họp ở trên.",
    "role": "Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên, Ủy viên kiêm Thư ký, hoặc Thư ký "
            "(không phải thành viên, không tính vào Tổng số thành viên).",
    "conclusion": "Chỉ ghi cho đề nghị “cần kiểm tra”, sau khi Hội đồng xem lại: “Đạt” thì đề "
                  "nghị được đưa vào văn bản; để trống thì đề nghị chờ, không vào văn bản nào.",
    "birth_date": "Không bắt buộc. Ngày/tháng/năm sinh đầy đủ, ví dụ 05/3/1985; phải cùng năm "
                  "với cột Năm sinh." + _HAND,
    "hometown": "Không bắt buộc. Xã (phường), tỉnh, ví dụ: Xã Mường Chiên, tỉnh Sơn La." + _HAND,
    "residence": "Không bắt buộc. Nơi ở hiện nay, ví dụ: Phường Tô Hiệu, tỉnh Sơn La." + _HAND,
    "party_position": "Không bắt buộc. Chức vụ trong Đảng, Công đoàn, Đoàn Thanh niên "
                      "nếu có, ví dụ: Bí thư Chi bộ. Chức vụ chính quyền ghi ở cột "
                      "Chức vụ.",
    "qualification": "Không bắt buộc. Trình độ chuyên môn, nghiệp vụ, ví dụ: Cử nhân "
                     "Luật." + _HAND,
    "degrees": "Không bắt buộc. Học hàm, học vị, danh hiệu, giải thưởng, ví dụ: Thạc sĩ "
               "Quản lý công; không có thì ghi “Không”." + _HAND,
    "duties": "Không bắt buộc. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận, ví "
              "dụ: Phụ trách công tác tổng hợp; Alt+Enter để xuống dòng." + _HAND,
    "head_title": "Không bắt buộc. Chức danh người đứng đầu như khi ký, ví dụ: "
                  "Trưởng phòng Kinh tế. Người này ký báo cáo thành tích của tập thể "
                  "và xác nhận báo cáo của người trong tập thể.",
    "address": "Không bắt buộc. Địa chỉ trụ sở, ví dụ: Tầng 3, trụ sở Văn phòng UBND tỉnh."
              + _HAND,
    "staff": "Không bắt buộc. Tổng số cán bộ, công chức, viên chức, người lao động "
             "của tập thể, ví dụ 12." + _HAND,
    "structure": "Không bắt buộc. Ví dụ: 01 Trưởng phòng, 02 Phó Trưởng phòng, 09 chuyên "
                 "viên." + _HAND,
    "functions": "Không bắt buộc. Chức năng, nhiệm vụ được giao, ví dụ: Tham mưu "
                 "tổng hợp, theo dõi kinh tế - xã hội." + _HAND,
    "measures": "Không bắt buộc. Biện pháp, giải pháp công tác đã làm để đạt thành tích, ví "
                "dụ: Giao chỉ tiêu theo tháng, kiểm tra hằng tuần." + _HAND,
}


def _prompt(column: Column) -> str:
    kind, _, vocab = column.kind.partition(":")
    if column.key in NOTES:
        return NOTES[column.key]
    text = {"year": "Năm có 4 chữ số, ví dụ 1985.", "years": "Năm, hoặc khoảng năm 2023-2024.",
            "int": "Một số nguyên, ví dụ 2.", "date": "Ngày/tháng/năm, ví dụ 05/12/2025.",
            "name": "Họ và tên đầy đủ; chương trình tự viết hoa đầu mỗi chữ.",
            "achievement": "Mức hoàn thành nhiệm vụ, danh hiệu hoặc hình thức đã đạt.",
            }.get(kind, "Chọn trong danh sách (mũi tên); viết tắt quen dùng cũng được."
                  if vocab else "Chữ.")
    if column.aliases:
        text += " Tên cột khác được nhận: " + ", ".join(column.aliases[:3]) + "."
    return ("Bắt buộc. " if column.required else "") + text


def _table_help(sheet, spec: Sheet, catalog: Catalog, choices: dict[str, str]) -> None:
    headers = {cell.value: cell for cell in sheet[3]}
    for column in spec.columns:
        cell = headers.get(column.label)
        if cell is None:
            cell = sheet.cell(row=3, column=sheet.max_column + 1, value=column.label)
            cell.font = Font(bold=True)
        _message(sheet, cell.coordinate, column)
        vocab = column.kind.partition(":")[2]
        if vocab in choices:
            letter = cell.column_letter
            _dropdown(sheet, choices[vocab], f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}")
        sheet.column_dimensions[cell.column_letter].width = max(12, min(len(column.label) + 4, 40))
    sheet.freeze_panes = f"C{FIRST_ROW}"


def _part_help(sheet, spec: Sheet, choices: dict[str, str]) -> None:
    """The member table of the Hội đồng sheet: messages on its headers, drop-down lists."""
    header = next(r for r in range(1, sheet.max_row + 1)
                  if sheet.cell(row=r, column=2).value == spec.columns[0].label)
    for index, column in enumerate(spec.columns, start=2):
        letter = get_column_letter(index)
        _message(sheet, f"{letter}{header}", column)
        vocab = column.kind.partition(":")[2]
        if vocab in choices:
            _dropdown(sheet, choices[vocab], f"{letter}{header + 1}:{letter}{header + 60}")
    sheet.column_dimensions["C"].width = sheet.column_dimensions["D"].width = 24


def _pair_help(sheet, spec: Sheet, catalog: Catalog, choices: dict[str, str]) -> None:
    rows = {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1)}
    table = min((r for r in range(1, sheet.max_row + 1)
                 if sheet.cell(row=r, column=1).value == "STT"), default=None)
    for column in spec.columns:
        if column.key == "sample":
            continue  # only the samples scripts/make_sample.py writes say they are ones
        row = rows.get(column.label)
        if row is None:
            if table is not None:  # the labels go above the table under them
                sheet.insert_rows(table - 1)
                sheet.cell(row=table - 1, column=1, value=column.label)
                row, table = table - 1, table + 1
            else:
                sheet.append([column.label])
                row = sheet.max_row
        _message(sheet, f"A{row}", column)
        vocab = column.kind.partition(":")[2]
        if vocab in choices:
            _dropdown(sheet, choices[vocab], f"B{row}")
    sheet.freeze_panes = "A3"


def _message(sheet, coordinate: str, column: Column) -> None:
    note = DataValidation(showInputMessage=True, promptTitle=column.label[:32],
                          prompt=_prompt(column)[:255])
    note.add(coordinate)
    sheet.add_data_validation(note)


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
