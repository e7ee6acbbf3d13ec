"""Every mistake a clerk's file can hold: found, located, explained, never a traceback.

Each case builds one faulty workbook and names the problem code, the place and the whole line
the clerk reads: file, sheet, row, column, header, value, what is expected and any guess.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import round_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from pipeline.catalog import Catalog
from pipeline.errors import InputError, UnreadableWorkbook
from pipeline.main import check, find_workbooks
from pipeline.read import read_workbook

CATALOG = Catalog()


def _people(data):
    return data["tables"]["individuals"]


def mutate(change):
    """A case built from the small round with one change."""
    def build(make_workbook, tmp_path):
        data = round_data()
        change(data)
        return [make_workbook(data)]
    return build


def raw_file(name: str, content: bytes):
    def build(make_workbook, tmp_path):
        path = tmp_path / name
        path.write_bytes(content)
        return [path]
    return build


def workbook(fill):
    """A workbook built cell by cell, for layouts the writer helper cannot make."""
    def build(make_workbook, tmp_path):
        book = Workbook()
        fill(book)
        path = tmp_path / "tu-tao.xlsx"
        book.save(path)
        return [path]
    return build


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (24 * 1024 * 1024))
    return out.getvalue()


def edited(change):
    """The small round, then changed as a clerk would in Excel (merge, hide, far cells)."""
    def build(make_workbook, tmp_path):
        path = make_workbook()
        book = load_workbook(path)
        change(book)
        book.save(path)
        return [path]
    return build


def far_value(book):
    book["Cá nhân"]["XFD1048576"] = "x"


def merged_across_columns(book):
    """Danh hiệu and Hình thức of one row under one value: the second proposal would vanish."""
    book["Cá nhân"].merge_cells("I5:J5")


def visible_copy(book):
    book.copy_worksheet(book["Cá nhân"]).title = "Ca nhan"


def hidden_copy(book):
    copy = book.copy_worksheet(book["Cá nhân"])
    copy.title, copy.sheet_state = "Ca nhan", "hidden"
    copy["B4"] = "Người Của Năm Trước"


def hide_row(book):
    book["Cá nhân"].row_dimensions[5].hidden = True


def only_unknown_sheets(book):
    book.active.title = "Sheet1"
    book.active.append(["Họ và tên", "Năm sinh"])


def formula_without_value(data):
    _people(data)[1]["birth_year"] = "=1980+10"  # openpyxl stores no cached value


def history_row(**row):
    def change(data):
        data["tables"]["history"] = [row]
    return change


def set_info(**values):
    def change(data):
        data["info"].update(values)
    return change


def set_person(index, **values):
    def change(data):
        _people(data)[index].update(values)
    return change


def drop_info(key):
    def change(data):
        del data["info"][key]
    return change


def twin_person(data):
    _people(data).append(dict(_people(data)[0], unit="Trung tâm Thông tin", title=None,
                              award=None))
    data["tables"]["history"] = [{"name": "Lò Văn Pọm", "birth_year": 1980, "years": 2024,
                                  "what": "CSTĐCS"}]


def duplicate_code(data):
    _people(data)[0]["code"] = "CB01"
    _people(data)[2]["code"] = "CB01"


def no_council_members(data):
    data["pairs"]["council"] = {"present": 9}


def no_gender_column(book):
    book.active.title = "Thông tin"
    book.create_sheet("Tập thể").append(["Tên tập thể", "Mức hoàn thành nhiệm vụ"])
    book.create_sheet("Cá nhân").append(["Họ và tên", "Năm sinh", "Đơn vị",
                                         "Mức hoàn thành nhiệm vụ"])


def no_people_sheet(data):
    del data["tables"]["individuals"]


def header_missing(book):
    info = book.active
    info.title = "Thông tin"
    book.create_sheet("Tập thể").append(["Tên", "Kết quả"])
    book.create_sheet("Cá nhân").append(["Tên", "Tuổi"])


ERROR, WARNING = "error", "warning"
CASES = [
    # files that are not what they seem
    ("xls", raw_file("cu.xls", b"\xd0\xcf\x11\xe0 old"), "tep-khong-doc-duoc", "", None, "",
     "Lỗi: cu.xls: tệp ở định dạng Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại dạng "
     "“Excel Workbook (*.xlsx)”."),
    ("ods", raw_file("bang.ods", b"PK\x03\x04"), "tep-khong-doc-duoc", "", None, "",
     "Lỗi: bang.ods: tệp là bảng tính LibreOffice (.ods); hãy chọn “Lưu dưới dạng” Excel "
     "2007-365 (.xlsx)."),
    ("csv", raw_file("bang.csv", "Họ và tên,Năm sinh\n".encode()), "tep-khong-doc-duoc", "",
     None, "",
     "Lỗi: bang.csv: tệp CSV chỉ là văn bản, không có các sheet; hãy mở bằng Excel và lưu dạng "
     ".xlsx có đủ các sheet (lệnh “khenthuong init” tạo sẵn mẫu)."),
    ("password", raw_file("mat-khau.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
     "tep-khong-doc-duoc", "", None, "",
     "Lỗi: mat-khau.xlsx: tệp được bảo vệ bằng mật khẩu (Excel mã hoá cả tệp) hoặc là tệp .xls "
     "cũ đổi đuôi; hãy gỡ mật khẩu rồi lưu lại dạng .xlsx."),
    ("corrupt-zip", raw_file("hong.xlsx", b"PK\x03\x04 cut short"), "tep-khong-doc-duoc", "",
     None, "",
     "Lỗi: hong.xlsx: tệp bị hỏng hoặc không phải bảng tính Excel .xlsx."),
    ("text-named-xlsx", raw_file("van-ban.xlsx", "Danh sách cá nhân".encode()),
     "tep-khong-doc-duoc", "", None, "",
     "Lỗi: van-ban.xlsx: tệp bị hỏng hoặc không phải bảng tính Excel .xlsx."),
    ("zip-bomb", raw_file("bom.xlsx", zip_bomb()), "tep-khong-doc-duoc", "", None, "",
     "Lỗi: bom.xlsx: tệp nén bất thường (giải nén ra hàng trăm MB, có thể là “bom nén”) nên "
     "không được mở."),
    ("far-away-cell", edited(far_value), "tep-khong-doc-duoc", "", None, "",
     "Lỗi: 2025-hang-nam.xlsx: sheet “Cá nhân” có giá trị ở ô XFD1048576, xa tới 1.048.576 "
     "dòng × 16.384 cột (hơn 5.000.000 ô); hãy xoá giá trị ở ô đó (Ctrl+End trong Excel đưa "
     "tới ô cuối cùng) rồi lưu lại."),
    # sheets and headers
    ("two-visible-sheets-alike", edited(visible_copy), "trung-sheet", "Cá nhân", None, "",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân: các sheet “Cá nhân”, “Ca nhan” cùng được hiểu là "
     "sheet “Cá nhân”; hãy đổi tên hoặc xoá sheet thừa."),
    ("no-known-sheet", workbook(only_unknown_sheets), "khong-co-sheet", "", None, "",
     "Lỗi: tu-tao.xlsx: không có sheet nào của bảng tính khen thưởng; các sheet thấy được: "
     "“Sheet1”; cần: “Thông tin”, “Tập thể”, “Cá nhân”."),
    ("missing-sheet", mutate(no_people_sheet), "thieu-sheet", "Cá nhân", None, "",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân: không tìm thấy sheet “Cá nhân”."),
    ("no-header", workbook(header_missing), "khong-thay-tieu-de", "Cá nhân", None, "",
     "Lỗi: tu-tao.xlsx, sheet Cá nhân: không tìm thấy dòng tiêu đề; cần các cột “Họ và tên”, "
     "“Giới tính”, “Năm sinh”, “Đơn vị”, “Mức hoàn thành nhiệm vụ”; thấy: “Tên”, “Tuổi”."),
    ("missing-column", workbook(no_gender_column), "thieu-cot", "Cá nhân", 1, "",
     "Lỗi: tu-tao.xlsx, sheet Cá nhân, dòng 1: thiếu cột “Giới tính”; các tiêu đề thấy được: "
     "“Họ và tên”, “Năm sinh”, “Đơn vị”, “Mức hoàn thành nhiệm vụ”."),
    ("missing-info-row", mutate(drop_info("signer")), "thieu-thong-tin", "Thông tin", None, "",
     "Lỗi: 2025-hang-nam.xlsx, sheet Thông tin: thiếu dòng “Người ký”."),
    ("council-without-members", mutate(no_council_members), "thieu-thong-tin", "Hội đồng",
     None, "",
     "Lỗi: 2025-hang-nam.xlsx, sheet Hội đồng: thiếu dòng “Tổng số thành viên”."),
    ("tcvn3", mutate(set_person(0, name="Lß V¨n Pãm")), "bang-ma-cu", "Cá nhân", 4, "B",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 4, cột B: “Lß V¨n Pãm” gõ bằng bảng mã "
     "TCVN3 (.VnTime), không phải Unicode; hãy chuyển mã cả tệp sang Unicode (Unikey: Công cụ "
     "chuyển mã) rồi lưu lại."),
    ("vni", mutate(set_person(1, position="Chuyeân vieân phoøng ñaøo taïo")), "bang-ma-cu",
     "Cá nhân", 5, "E",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột E: “Chuyeân vieân phoøng ñaøo taïo” "
     "gõ bằng bảng mã VNI, không phải Unicode; hãy chuyển mã cả tệp sang Unicode (Unikey: Công "
     "cụ chuyển mã) rồi lưu lại."),
    ("formula-without-value", mutate(formula_without_value), "cong-thuc-chua-tinh", "Cá nhân",
     5, "D",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột D: ô có công thức “=1980+10” nhưng "
     "chưa có kết quả tính sẵn; hãy mở tệp bằng Excel để tính lại rồi lưu."),
    # cells
    ("excel-error-ref", mutate(set_person(1, discipline="#REF!")), "o-loi-excel", "Cá nhân", 5,
     "I",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột I: ô có giá trị lỗi “#REF!” của "
     "Excel (công thức tham chiếu sai hoặc không tính được); hãy sửa công thức hoặc gõ giá trị "
     "rồi lưu lại."),
    ("excel-error-na", mutate(set_person(1, title="#N/A")), "o-loi-excel", "Cá nhân", 5, "I",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột I: ô có giá trị lỗi “#N/A” của Excel "
     "(công thức tham chiếu sai hoặc không tính được); hãy sửa công thức hoặc gõ giá trị rồi "
     "lưu lại."),
    ("cell-longer-than-excel-holds", mutate(set_person(0, achievements="Sáng kiến. " * 500_000)),
     "o-qua-dai", "Cá nhân", 4, "K",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 4, cột K: “Sáng kiến. Sáng kiến. Sáng kiến. "
     "Sáng ki…” dài từ 32.767 ký tự trở lên, giới hạn của một ô Excel, nên phần sau đã bị cắt; "
     "hãy rút gọn nội dung ô này."),
    ("merged-across-columns", edited(merged_across_columns), "o-gop", "Cá nhân", 5, "I",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột I: các ô I5:J5 được gộp (Merge) "
     "ngang qua nhiều cột dữ liệu nên chỉ cột đầu có giá trị; hãy bỏ gộp ô và ghi giá trị vào "
     "từng cột."),
    ("required-empty", mutate(set_person(0, name=None)), "o-trong", "Cá nhân", 4, "B",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 4, cột B (Họ và tên): ô trống; cần họ và "
     "tên."),
    ("not-a-number", mutate(set_person(0, votes="chín")), "khong-phai-so", "Cá nhân", 4, "L",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 4, cột L (Số phiếu đồng ý): “chín” không "
     "phải số; cần một số nguyên không âm, ví dụ 2."),
    ("negative-number", mutate(set_person(0, initiatives=-1)), "khong-phai-so", "Cá nhân", 4,
     "H",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 4, cột H (Số sáng kiến được công nhận): "
     "“-1” không phải số; cần một số nguyên không âm, ví dụ 2."),
    ("bad-year", mutate(set_person(1, birth_year="19x0")), "nam-khong-hop-le", "Cá nhân", 5, "D",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột D (Năm sinh): “19x0” không phải năm "
     "hợp lệ; cần năm có 4 chữ số, ví dụ 1985."),
    ("year-out-of-range", mutate(set_person(1, birth_year=1850)), "nam-khong-hop-le", "Cá nhân",
     5, "D",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột D (Năm sinh): “1850” không phải năm "
     "hợp lệ; cần năm có 4 chữ số, ví dụ 1985."),
    ("bad-date", mutate(set_info(sign_date="31/02/2025")), "ngay-khong-hop-le", "Thông tin", 11,
     "B",
     "Lỗi: 2025-hang-nam.xlsx, sheet Thông tin, dòng 11, cột B (Ngày ký): “31/02/2025” không "
     "phải ngày hợp lệ; cần ngày/tháng/năm, ví dụ 05/3/2026, hoặc tháng/năm, ví dụ 11/2026."),
    ("rating-typo", mutate(set_person(0, rating="HTXSVN")), "ngoai-danh-muc", "Cá nhân", 4, "G",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 4, cột G (Mức hoàn thành nhiệm vụ): "
     "“HTXSVN” không có trong danh mục; cần một trong: “Hoàn thành xuất sắc nhiệm vụ”, “Hoàn "
     "thành tốt nhiệm vụ”, “Hoàn thành nhiệm vụ”, “Không hoàn thành nhiệm vụ” — có phải "
     "“HTXSNV”?"),
    ("sex-unknown", mutate(set_person(0, sex="Khác")), "ngoai-danh-muc", "Cá nhân", 4, "C",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 4, cột C (Giới tính): “Khác” không có trong "
     "danh mục; cần một trong: “Nam”, “Nữ”."),
    ("award-unknown", mutate(set_person(3, award="Bằng khen Bộ trưởng")), "ngoai-danh-muc",
     "Cá nhân", 7, "J",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 7, cột J (Hình thức khen thưởng đề nghị): "
     "“Bằng khen Bộ trưởng” không có trong danh mục; cần một trong: “Huân chương Lao động hạng "
     "Ba”, “Bằng khen của Thủ tướng Chính phủ”, “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh”, "
     "“Giấy khen của Chánh Văn phòng” — có phải “Bằng khen Thủ tướng”?"),
    ("title-typo", mutate(set_person(1, title="LĐT")), "ngoai-danh-muc", "Cá nhân", 5, "I",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột I (Danh hiệu đề nghị): “LĐT” không "
     "có trong danh mục; cần một trong: “Chiến sĩ thi đua toàn quốc”, “Chiến sĩ thi đua cấp "
     "tỉnh”, “Chiến sĩ thi đua cơ sở”, “Lao động tiên tiến”, “Cờ thi đua của Ủy ban nhân dân "
     "tỉnh”, “Tập thể lao động xuất sắc”, “Tập thể lao động tiên tiến” — có phải “LĐTT”?"),
    ("wrong-subject", mutate(set_person(1, title="TTLĐTT")), "sai-doi-tuong", "Cá nhân", 5, "I",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột I (Danh hiệu đề nghị): “TTLĐTT” chỉ "
     "xét tặng cho tập thể, không dùng cho cá nhân."),
    ("unknown-unit", mutate(set_person(2, unit="Trung tam Thong tim")), "don-vi-khong-co",
     "Cá nhân", 6, "F",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 6, cột F (Đơn vị): đơn vị “Trung tam Thong "
     "tim” không có trong sheet Tập thể; cần một trong: “Phòng Kinh tế”, “Trung tâm Thông tin” "
     "— có phải “Trung tâm Thông tin”?"),
    ("duplicate-code", mutate(duplicate_code), "trung-ma", "Cá nhân", 6, "B",
     "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 6, cột B (Mã): Mã “CB01” đã dùng ở dòng 4."),
    ("ky-thay-without-head", mutate(drop_info("head_title")), "thieu-chuc-vu-thu-truong",
     "Thông tin", 15, "B",
     "Lỗi: 2025-hang-nam.xlsx, sheet Thông tin, dòng 15, cột B (Thẩm quyền ký): ký “KT.” cần "
     "dòng “Chức vụ thủ trưởng” (ví dụ: Chánh Văn phòng)."),
    ("ambiguous-history", mutate(twin_person), "khop-nhieu-nguoi", "Lịch sử", 4, "",
     "Lỗi: 2025-hang-nam.xlsx, sheet Lịch sử, dòng 4: “Lò Văn Pọm” khớp với nhiều người (dòng "
     "4, 8 của sheet Cá nhân); hãy ghi Mã hoặc Đơn vị để phân biệt."),
    ("history-value", mutate(history_row(name="Phòng Kinh tế", years=2024, what="HTXSVN")),
     "ngoai-danh-muc", "Lịch sử", 4, "D",
     "Lỗi: 2025-hang-nam.xlsx, sheet Lịch sử, dòng 4, cột D (Kết quả): “HTXSVN” không có trong "
     "danh mục; cần một trong: “Hoàn thành xuất sắc nhiệm vụ”, “Hoàn thành tốt nhiệm vụ”, "
     "“Hoàn thành nhiệm vụ”, “Không hoàn thành nhiệm vụ”, “Chiến sĩ thi đua toàn quốc”, “Chiến "
     "sĩ thi đua cấp tỉnh”, “Chiến sĩ thi đua cơ sở”, “Lao động tiên tiến”, “Cờ thi đua của Ủy "
     "ban nhân dân tỉnh”, “Tập thể lao động xuất sắc”, “Tập thể lao động tiên tiến”, “Huân "
     "chương Lao động hạng Ba”, “Bằng khen của Thủ tướng Chính phủ”, “Bằng khen của Chủ tịch "
     "Ủy ban nhân dân tỉnh”, “Giấy khen của Chánh Văn phòng” — có phải “HTXSNV”?"),
    ("history-year", mutate(history_row(name="Phòng Kinh tế", years="năm ngoái",
                                        what="HTXSNV")),
     "nam-khong-hop-le", "Lịch sử", 4, "C",
     "Lỗi: 2025-hang-nam.xlsx, sheet Lịch sử, dòng 4, cột C (Năm): “năm ngoái” không phải năm "
     "hợp lệ; cần năm có 4 chữ số, ví dụ 1985."),
]

WARNINGS = [
    ("all-caps", mutate(set_person(1, name="GIÀNG A PÁO")), "chu-hoa", "Cá nhân", 5, "B",
     "Cảnh báo: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột B (Họ và tên): tên “GIÀNG A "
     "PÁO” viết toàn chữ hoa; văn bản sẽ ghi “Giàng A Páo”."),
    ("same-person-twice", mutate(lambda d: _people(d).append(dict(_people(d)[1],
                                                                   birth_year=1991))),
     "trung-nguoi", "Cá nhân", 8, "B",
     "Cảnh báo: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 8, cột B (Họ và tên): “Giàng A Páo” có "
     "mặt hai lần; trùng với dòng 5 (năm sinh 1990 và 1991); hãy kiểm tra hoặc ghi Mã để phân "
     "biệt."),
    ("too-young", mutate(set_person(1, birth_year=2010)), "tuoi-bat-thuong", "Cá nhân", 5, "D",
     "Cảnh báo: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột D (Năm sinh): năm sinh 2010 cho "
     "tuổi 15 vào năm đánh giá; hãy kiểm tra."),
    ("disciplined-and-proposed", mutate(set_person(1, discipline="Khiển trách")), "mau-thuan",
     "Cá nhân", 5, "J",
     "Cảnh báo: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5, cột J (Danh hiệu đề nghị): đề nghị "
     "khen thưởng người đang bị kỷ luật khiển trách: người đang bị kỷ luật không được khen "
     "thưởng; kết quả xét nêu điều khoản của quy định áp dụng."),
    ("unit-spelling", mutate(set_person(2, unit="Trung tâm Thông tín")), "sai-chinh-ta",
     "Cá nhân", 6, "F",
     "Cảnh báo: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 6, cột F (Đơn vị): “Trung tâm Thông "
     "tín” khác cách viết trong sheet Tập thể; văn bản sẽ ghi “Trung tâm Thông tin”."),
    ("hidden-copy-of-a-sheet", edited(hidden_copy), "sheet-an-bo-qua", "Cá nhân", None, "",
     "Cảnh báo: 2025-hang-nam.xlsx, sheet Cá nhân: dùng sheet “Cá nhân”; sheet ẩn cùng tên “Ca "
     "nhan” được bỏ qua."),
    ("hidden-row", edited(hide_row), "dong-an", "Cá nhân", 5, "",
     "Cảnh báo: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 5: dòng 5 đang bị ẩn trong Excel nhưng "
     "vẫn được dùng; hãy bỏ ẩn (Unhide) để xem lại."),
]


def _find(problems, code, sheet, row, column):
    return [p for p in problems if p.kind.code == code and p.sheet == sheet
            and (row is None or p.row == row) and (not column or p.column == column)]


@pytest.mark.parametrize(("build", "code", "sheet", "row", "column", "shown"),
                         [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_each_error_is_found_located_and_explained(make_workbook, tmp_path, build, code, sheet,
                                                   row, column, shown):
    with pytest.raises(InputError) as caught:
        check(build(make_workbook, tmp_path))
    found = _find(caught.value.problems, code, sheet, row, column)
    assert found, [str(p) for p in caught.value.problems]
    assert str(found[0]) == shown
    assert found[0].is_error


@pytest.mark.parametrize(("build", "code", "sheet", "row", "column", "shown"),
                         [pytest.param(*c[1:], id=c[0]) for c in WARNINGS])
def test_each_warning_is_shown_and_does_not_stop(make_workbook, tmp_path, build, code, sheet,
                                                 row, column, shown):
    summary = check(build(make_workbook, tmp_path))
    found = _find(summary.warnings, code, sheet, row, column)
    assert found, [str(p) for p in summary.warnings]
    assert str(found[0]) == shown and not found[0].is_error


def test_there_are_thirty_faulty_workbooks_or_more():
    assert len(CASES) + len(WARNINGS) >= 30


def test_a_hidden_copy_is_not_read(make_workbook, tmp_path):
    (path,) = edited(hidden_copy)(make_workbook, tmp_path)
    names = {j.proposal.subject.name for j in check([path]).rounds[0].assessment.judgements}
    assert "Người Của Năm Trước" not in names and "Lò Văn Pọm" in names


def test_a_cell_merged_down_a_column_fills_each_row_as_excel_shows_it(make_workbook, tmp_path):
    def merge_unit(book):
        sheet = book["Cá nhân"]
        sheet["F5"] = "Trung tâm Thông tin"
        sheet["F6"] = None
        sheet.merge_cells("F5:F6")

    (path,) = edited(merge_unit)(make_workbook, tmp_path)
    people = {p.name: p.unit for p in check([path]).rounds[0].round.people}
    assert people["Giàng A Páo"] == people["Cầm Thị Ánh"] == "Trung tâm Thông tin"


def test_a_styled_empty_cell_far_away_is_no_problem(make_workbook, tmp_path):
    from openpyxl.styles import Font

    def style_far(book):
        book["Cá nhân"]["XFD1048576"].font = Font(bold=True)

    (path,) = edited(style_far)(make_workbook, tmp_path)
    assert check([path]).rounds[0].assessment is not None


def test_a_header_far_down_is_found(make_workbook, tmp_path):
    """The README says “ở bất kỳ dòng nào”: a header on row 35 is found."""
    def push_down(book):
        book["Cá nhân"].insert_rows(1, 32)

    (path,) = edited(push_down)(make_workbook, tmp_path)
    people = check([path]).rounds[0].round.people
    assert [p.row for p in people] == [36, 37, 38, 39]


def patched_zip(path, name: str, content: bytes, *, method: int | None = None,
                corrupt: bool = False) -> None:
    """Add a part the workbook never refers to, its bytes corrupt or its method unknown."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as package:
        package.writestr(name, content)
    data = bytearray(path.read_bytes())
    if corrupt:
        at = data.rindex(content)
        data[at:at + len(content)] = bytes(len(content))
    if method is not None:
        for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            header = data.rindex(signature, 0, data.rindex(name.encode()))
            data[header + offset:header + offset + 2] = method.to_bytes(2, "little")
    path.write_bytes(bytes(data))


def with_doctype(path) -> None:
    """A DOCTYPE in sharedStrings (Excel never writes one) and a formula to make openpyxl look."""
    book = load_workbook(path)
    book["Cá nhân"]["Z4"] = "=1+1"
    book.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst xmlns="http://'
        b'schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


HOSTILE = {
    "unreferenced-part-bad-crc": lambda p: patched_zip(p, "xl/worksheets/sheet99.xml",
                                                       b"<worksheet>" * 40, corrupt=True),
    "unreferenced-part-unknown-method": lambda p: patched_zip(p, "xl/worksheets/sheet98.xml",
                                                              b"<worksheet/>", method=99),
    "doctype-and-formula": with_doctype,
}


@pytest.mark.parametrize("damage", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_parts_give_a_sentence_or_are_ignored(make_workbook, damage):
    path = make_workbook()
    damage(path)
    try:
        check([path])
    except InputError as err:
        assert [p.kind.code for p in err.problems] == ["tep-khong-doc-duoc"], err.problems
        assert err.problems[0].message.startswith("tệp bị hỏng")


@pytest.mark.parametrize("damage", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_workbook_beside_the_chosen_one_is_only_set_aside(make_workbook, damage):
    chosen = make_workbook()
    data = round_data()
    data["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    beside = make_workbook(data, name="2024-hang-nam.xlsx")
    damage(beside)
    summary = check([chosen])
    assert {p.kind.code for p in summary.warnings} <= {"lich-su-bo-qua"}


def test_excel_lock_file_is_not_history(make_workbook):
    path = make_workbook()
    lock = path.parent / f"~${path.name}"
    lock.write_bytes(b"\0owner")
    assert check([path], history=[lock, path]).warnings == ()


def test_two_workbooks_of_one_round(make_workbook):
    with pytest.raises(InputError) as caught:
        check([make_workbook(), make_workbook(name="ban-sao.xlsx")])
    assert [p.kind.code for p in caught.value.problems] == ["trung-dot"]


def test_excel_lock_file_is_ignored(make_workbook):
    path = make_workbook()
    (path.parent / f"~${path.name}").write_bytes(b"\0owner")
    assert find_workbooks(path.parent) == [path]


def test_ten_mistakes_at_once_are_all_reported(make_workbook):
    data = round_data()
    people = _people(data)
    changes = [
        set_person(0, rating="HTXSVN"), set_person(0, votes="chín"),
        set_person(1, birth_year="19x0"), set_person(1, title="TTLĐTT"),
        set_person(2, unit="Trung tam Thong tim"), set_person(2, sex="Khác"),
        set_person(3, award="Bằng khen Bộ trưởng"), set_info(sign_date="31/02/2025"),
        history_row(name="Phòng Kinh tế", years=2024, what="HTXSVN"),
        lambda d: d["tables"]["collectives"][1].update(rating=None),
    ]
    for change in changes:
        change(data)
    assert len(people) == 4
    with pytest.raises(InputError) as caught:
        check([make_workbook(data)])
    places = {(p.kind.code, p.sheet, p.row, p.column) for p in caught.value.problems}
    assert places == {
        ("ngoai-danh-muc", "Cá nhân", 4, "G"), ("khong-phai-so", "Cá nhân", 4, "L"),
        ("nam-khong-hop-le", "Cá nhân", 5, "D"), ("sai-doi-tuong", "Cá nhân", 5, "I"),
        ("don-vi-khong-co", "Cá nhân", 6, "F"), ("ngoai-danh-muc", "Cá nhân", 6, "C"),
        ("ngoai-danh-muc", "Cá nhân", 7, "J"), ("ngay-khong-hop-le", "Thông tin", 11, "B"),
        ("ngoai-danh-muc", "Lịch sử", 4, "D"), ("o-trong", "Tập thể", 5, "C"),
    }


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2048), zipped=st.booleans())
def test_random_bytes_never_give_a_traceback(tmp_path, content, zipped):
    """Whatever the bytes, the reader answers with one sentence (or reads it)."""
    if zipped:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            package.writestr("xl/workbook.xml", content)
            package.writestr("[Content_Types].xml", content[::-1])
        content = out.getvalue()
    path = tmp_path / "ngau-nhien.xlsx"
    path.write_bytes(content)
    try:
        read_workbook(path, CATALOG)
    except UnreadableWorkbook as err:
        assert str(err).startswith("Không đọc được tệp “ngau-nhien.xlsx”")


def test_blank_workbook_from_init_passes_check(tmp_path):
    from pipeline.workbook import blank_workbook

    path = blank_workbook(tmp_path / "moi.xlsx", CATALOG, year=2026)
    summary = check([path])
    assert summary.warnings == ()
    judgements = summary.rounds[0].assessment.judgements
    assert {j.verdict.value for j in judgements} <= {"đủ điều kiện", "cần kiểm tra"}
    for judgement in judgements:  # "cần kiểm tra" only where a rule is unread or a fact missing
        assert all(r.passed or not r.verified for r in judgement.reasons), judgement.reasons


def test_blank_workbook_helps_the_clerk(tmp_path):
    from openpyxl import load_workbook

    from pipeline.workbook import blank_workbook

    book = load_workbook(blank_workbook(tmp_path / "moi.xlsx", CATALOG, year=2026))
    assert book.sheetnames[0] == "Hướng dẫn" and book["Danh mục"].sheet_state == "hidden"
    people = book["Cá nhân"]
    assert people.freeze_panes == "D4"  # STT, Mã, Họ và tên stay in view
    rules = people.data_validations.dataValidation
    lists = [r for r in rules if r.type == "list"]
    messages = [r for r in rules if r.showInputMessage and r.prompt]
    headers = {c.value for c in people[3]}
    assert {"Giới tính", "Mức hoàn thành nhiệm vụ", "Kỷ luật", "Danh hiệu đề nghị"} <= headers
    assert len(lists) == 8  # sex, rating, scope, discipline, kind, danh hiệu, hình thức, kết luận
    assert len(messages) == len(CATALOG.sheets["individuals"].columns)
    assert sum(1 for row in people.iter_rows(min_row=4) if row[1].value) == 2


def test_marked_copy_colours_problem_cells(make_workbook, tmp_path):
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from pipeline.catalog import DEFAULT_FORMS
    from pipeline.cli import main

    data = round_data()
    set_person(0, rating="HTXSVN")(data)
    set_person(1, name="GIÀNG A PÁO")(data)
    source = make_workbook(data)
    before = source.read_bytes()
    marked = tmp_path / "kiem-tra.xlsx"
    result = CliRunner().invoke(main, ["check", str(source), "--xlsx", str(marked), "--forms",
                                       str(DEFAULT_FORMS)])
    assert result.exit_code == 1
    assert "Đã ghi" in result.output and "1 ô lỗi, 1 ô cảnh báo được đánh dấu" in result.output
    sheet = load_workbook(marked)["Cá nhân"]
    assert sheet["G4"].comment.text.startswith("LỖI: “HTXSVN” không có trong danh mục")
    assert sheet["B5"].comment.text.startswith("CẢNH BÁO: tên “GIÀNG A PÁO”")
    assert sheet["G4"].fill.fgColor.rgb != sheet["B5"].fill.fgColor.rgb
    assert source.read_bytes() == before
    same = CliRunner().invoke(main, ["check", str(source), "--xlsx", str(source)])
    assert same.exit_code == 2 and "không ghi đè bảng tính gốc" in same.output


def test_the_errors_of_every_workbook_are_told_at_once(make_workbook, tmp_path):
    from pipeline import generate
    from pipeline.errors import InputError

    this = round_data()
    this["tables"]["individuals"][0]["birth_year"] = "19x0"
    last = round_data()
    last["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    last["tables"]["individuals"][1]["rating"] = "HTXSVN"
    with pytest.raises(InputError) as caught:
        generate([make_workbook(this), make_workbook(last, name="2024-hang-nam.xlsx")],
                 outputs=tmp_path / "out")
    assert sorted((p.file, p.row) for p in caught.value.problems if p.is_error) == [
        ("2024-hang-nam.xlsx", 5), ("2025-hang-nam.xlsx", 4)]
    assert not (tmp_path / "out").exists()
