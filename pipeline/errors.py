"""Problems in a workbook (values, collected) and fatal errors (exceptions with exit codes)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(Enum):
    ERROR = "Lỗi"
    WARNING = "Cảnh báo"


class Kind(Enum):
    """Each kind of problem: its code, its severity and its Vietnamese message."""

    UNREADABLE = ("tep-khong-doc-duoc", Severity.ERROR, "{value}")
    HISTORY_SKIPPED = ("lich-su-bo-qua", Severity.WARNING,
                       "tệp có lỗi nên không được dùng làm lịch sử; chạy “khenthuong check” với "
                       "tệp này để xem lỗi")
    SAMPLES_ASIDE = ("bang-tinh-mau", Severity.WARNING,
                     "{value} bảng tính mẫu (dữ liệu bịa ra để xem thử) được để riêng: không kiểm "
                     "tra, không lập văn bản, không tính vào lịch sử; hãy chuyển chúng sang thư "
                     "mục khác (ví dụ thư mục mau, xem lại bằng “khenthuong generate --inputs "
                     "mau”) hoặc xoá đi")
    SAME_ROUND = ("trung-dot", Severity.ERROR,
                  "đợt {value} đã có trong tệp “{expected}”; mỗi đợt chỉ một bảng tính")
    NO_KNOWN_SHEET = ("khong-co-sheet", Severity.ERROR,
                      "không có sheet nào của bảng tính khen thưởng; các sheet thấy được: {value}; "
                      "cần: {expected}")
    LEGACY_ENCODING = ("bang-ma-cu", Severity.ERROR,
                       "“{value}” gõ bằng bảng mã {expected}, không phải Unicode; hãy chuyển mã "
                       "cả tệp sang Unicode (Unikey: Công cụ chuyển mã) rồi lưu lại")
    FORMULA_NO_VALUE = ("cong-thuc-chua-tinh", Severity.ERROR,
                        "ô có công thức “{value}” nhưng chưa có kết quả tính sẵn; hãy mở tệp bằng "
                        "Excel để tính lại rồi lưu")
    SHEET_TWICE = ("trung-sheet", Severity.ERROR,
                   "các sheet {value} cùng được hiểu là sheet “{expected}”; hãy đổi tên hoặc xoá "
                   "sheet thừa")
    HIDDEN_COPY = ("sheet-an-bo-qua", Severity.WARNING,
                   "dùng sheet “{expected}”; sheet ẩn cùng tên {value} được bỏ qua")
    HIDDEN_SHEET = ("sheet-an", Severity.WARNING,
                    "sheet “{value}” đang bị ẩn trong Excel nhưng vẫn được dùng; hãy bỏ ẩn "
                    "(Unhide) để xem lại số liệu")
    EXCEL_ERROR = ("o-loi-excel", Severity.ERROR,
                   "ô có giá trị lỗi “{value}” của Excel (công thức tham chiếu sai hoặc không tính "
                   "được); hãy sửa công thức hoặc gõ giá trị rồi lưu lại")
    MERGED_CELLS = ("o-gop", Severity.ERROR,
                    "các ô {value} được gộp (Merge) ngang qua nhiều cột dữ liệu nên chỉ cột đầu có "
                    "giá trị; hãy bỏ gộp ô và ghi giá trị vào từng cột")
    HIDDEN_ROWS = ("dong-an", Severity.WARNING,
                   "{value} đang bị ẩn trong Excel nhưng vẫn được dùng; hãy bỏ ẩn (Unhide) để "
                   "xem lại")
    TOO_LONG = ("o-qua-dai", Severity.ERROR,
                "“{value}” dài từ 32.767 ký tự trở lên, giới hạn của một ô Excel, nên phần sau đã "
                "bị cắt; hãy rút gọn nội dung ô này")
    MISSING_SHEET = ("thieu-sheet", Severity.ERROR, "không tìm thấy sheet “{expected}”")
    NO_HEADER = ("khong-thay-tieu-de", Severity.ERROR,
                 "không tìm thấy dòng tiêu đề; cần các cột {expected}; thấy: {value}")
    MISSING_COLUMN = ("thieu-cot", Severity.ERROR,
                      "thiếu cột “{expected}”; các tiêu đề thấy được: {value}")
    MISSING_INFO = ("thieu-thong-tin", Severity.ERROR, "thiếu dòng “{expected}”")
    REQUIRED = ("o-trong", Severity.ERROR, "ô trống; cần {expected}")
    NOT_NUMBER = ("khong-phai-so", Severity.ERROR, "“{value}” không phải số; cần {expected}")
    BAD_YEAR = ("nam-khong-hop-le", Severity.ERROR,
                "“{value}” không phải năm hợp lệ; cần {expected}")
    BAD_DATE = ("ngay-khong-hop-le", Severity.ERROR,
                "“{value}” không phải ngày hợp lệ; cần {expected}")
    NOT_IN_LIST = ("ngoai-danh-muc", Severity.ERROR,
                   "“{value}” không có trong danh mục; cần một trong: {expected}")
    WRONG_SUBJECT = ("sai-doi-tuong", Severity.ERROR, "“{value}” {expected}")
    UNKNOWN_UNIT = ("don-vi-khong-co", Severity.ERROR,
                    "đơn vị “{value}” không có trong sheet Tập thể; cần một trong: {expected}")
    NEEDS_HEAD = ("thieu-chuc-vu-thu-truong", Severity.ERROR,
                  "ký “{value}” cần dòng “Chức vụ thủ trưởng” (ví dụ: Chánh Văn phòng)")
    AMBIGUOUS_PERSON = ("khop-nhieu-nguoi", Severity.ERROR,
                        "“{value}” khớp với nhiều người ({expected}); hãy ghi Mã hoặc Đơn vị để "
                        "phân biệt")
    NOT_PROPOSED = ("khong-co-de-nghi", Severity.ERROR,
                    "“{value}” không có đề nghị {expected} trong bảng tính này; quyết định chỉ ghi "
                    "cho đề nghị của đợt")
    DECIDED_TWICE = ("quyet-dinh-trung", Severity.ERROR,
                     "“{value}” đã có kết quả quyết định ở dòng {expected}")
    DUPLICATE_CODE = ("trung-ma", Severity.ERROR, "Mã “{value}” đã dùng ở dòng {expected}")
    IMPOSSIBLE = ("khong-the-co", Severity.ERROR, "“{value}” {expected}")
    AGE = ("tuoi-bat-thuong", Severity.WARNING,
           "năm sinh {value} cho tuổi {expected} vào năm đánh giá; hãy kiểm tra")
    CONTRADICTION = ("mau-thuan", Severity.WARNING, "{value}: {expected}")
    SPELLING = ("sai-chinh-ta", Severity.WARNING,
                "“{value}” khác cách viết trong sheet Tập thể; văn bản sẽ ghi “{expected}”")
    ALL_CAPS = ("chu-hoa", Severity.WARNING,
                "tên “{value}” viết toàn chữ hoa; văn bản sẽ ghi “{expected}”")
    DUPLICATE_PERSON = ("trung-nguoi", Severity.WARNING,
                        "“{value}” có mặt hai lần; {expected}")

    def __init__(self, code: str, severity: Severity, template: str) -> None:
        self.code = code
        self.severity = severity
        self.template = template


@dataclass(frozen=True)
class Problem:
    """One problem in one place of a workbook."""

    kind: Kind
    file: str
    sheet: str
    row: int | None = None
    column: str = ""
    header: str = ""
    value: str = ""
    expected: str = ""
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.kind.severity is Severity.ERROR

    @property
    def place(self) -> str:
        """Say where: "Cá nhân, dòng 7, cột D (Năm sinh)"."""
        parts = [f"sheet {self.sheet}"] if self.sheet else []
        if self.row:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}" + (f" ({self.header})" if self.header else ""))
        elif self.header:
            parts.append(f"“{self.header}”")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        """The problem as one sentence, ending with its full stop or question mark."""
        text = self.kind.template.format(value=self.value, expected=self.expected)
        text += f" — {self.hint}" if self.hint else ""
        return text if text.endswith(("?", ".")) else text + "."

    def __str__(self) -> str:
        where = ", ".join(x for x in (self.file, self.place) if x)
        return f"{self.kind.severity.value}: {where}: {self.message}"


def quoted(texts) -> str:
    """List texts for a message: “a”, “b”, “c”."""
    return ", ".join(f"“{t}”" for t in texts)


class KhenthuongError(Exception):
    """Base of the errors that stop a command; `exit_code` is what the CLI returns."""

    exit_code = 1


class InputError(KhenthuongError):
    """Raised when workbooks have errors: nothing is written. `writes`: the command would have
    written documents (generate), rather than only checked."""

    exit_code = 1

    def __init__(self, problems: list[Problem], *, writes: bool = True) -> None:
        self.problems = problems
        errors = sum(p.is_error for p in problems)
        super().__init__(f"Có {errors} lỗi trong bảng tính; chưa ghi văn bản nào." if writes else
                         f"Có {errors} lỗi trong bảng tính: sửa theo các dòng trên rồi chạy lại "
                         "“khenthuong check”.")


class UnreadableWorkbook(KhenthuongError):
    """Raised when a file is not a workbook the tool can read."""

    exit_code = 1

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"Không đọc được tệp “{path.name}”: {reason}.")


class TemplateError(KhenthuongError):
    """Raised when a template in forms/ is missing or broken."""

    exit_code = 3

    def __init__(self, template: str, reason: str) -> None:
        self.template, self.reason = template, reason
        super().__init__(f"Mẫu “{template}” bị lỗi: {reason}.")


class FormsDataError(KhenthuongError):
    """Raised when a data file of forms/ (vocabulary, awards, rules, salaries) is broken."""

    exit_code = 3


class BrokenTemplates(KhenthuongError):
    """Raised when templates in forms/ have broken tags or unknown variables."""

    exit_code = 3

    def __init__(self, problems: list) -> None:
        self.problems = problems
        names = sorted({p.template for p in problems if p.severity is Severity.ERROR})
        super().__init__(f"Mẫu văn bản bị lỗi: {', '.join(names)}; không văn bản nào được lập. "
                         "Sửa theo các dòng trên rồi chạy “khenthuong forms” để kiểm tra lại.")


class OutputError(KhenthuongError):
    """Raised when outputs cannot be written; earlier outputs stay as they were."""

    exit_code = 4
