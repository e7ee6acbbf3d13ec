"""The workbook `init` gives a clerk: its Hướng dẫn sheet, a note on every column written for her,
columns wide enough to read, every sheet printable; and Tên phong trào never doubled."""

from __future__ import annotations

import os
import re
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from conftest import docx_lines, require_tools, round_data
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pipeline import generate
from pipeline.catalog import Catalog
from pipeline.notes import NOTES
from pipeline.workbook import HEADING_LINES, TITLES, blank_workbook

CATALOG = Catalog()


@pytest.fixture
def book(tmp_path):
    """The blank workbook, made for each test (a tenth of a second): a mutation test maps a
    test to the code it runs, and a fixture shared by a module runs only in its first test."""
    return load_workbook(blank_workbook(tmp_path / "moi.xlsx", CATALOG, year=2026))


# --- the Hướng dẫn sheet --------------------------------------------------------------------------

GUIDE_SENTENCES = [  # what the clerk must learn from the first sheet, as she reads it there
    "HƯỚNG DẪN ĐIỀN BẢNG TÍNH THI ĐUA, KHEN THƯỞNG",
    "1. Điền bảng tính: xoá các dòng ví dụ, rồi điền sheet Thông tin, Tập thể, Cá nhân và các "
    "sheet khác nếu có số liệu. Lưu vào thư mục inputs/ và đóng Excel.",
    "2. Kiểm tra: chạy lệnh khenthuong check",
    "3. Sửa theo thông báo, lưu, rồi chạy lại khenthuong check cho đến khi không còn lỗi.",
    "4. Lập văn bản: chạy lệnh khenthuong generate",
    "- Tập thể: MỌI phòng, ban, đơn vị của cơ quan, mỗi đơn vị một dòng, kể cả đơn vị không "
    "được đề nghị.",
    "- Cá nhân: MỌI cán bộ, công chức, viên chức, người lao động của cơ quan, mỗi người một "
    "dòng, kể cả người không được đề nghị. Người không được đề nghị vẫn ghi Mức hoàn thành nhiệm "
    "vụ, còn các cột Danh hiệu đề nghị, Hình thức khen thưởng đề nghị, Thành tích, Số phiếu đồng "
    "ý thì để trống.",
    "Chỉ ghi người được đề nghị thì một đơn vị có một người trong danh sách sẽ thành “100% Lao "
    "động tiên tiến”.",
    "Không có sheet này thì chưa so được số phiếu đồng ý với ngưỡng biểu quyết: mọi đề nghị là "
    "“cần kiểm tra”",
    "Không có sheet này thì số đề nghị không được so với chỉ tiêu.",
    "Chỉ ghi tên phong trào, ví dụ: Chung sức xây dựng nông thôn mới. Văn bản tự viết: Phong trào "
    "thi đua “Chung sức xây dựng nông thôn mới”.",
    "Hai dòng ví dụ ở mỗi sheet là người, đơn vị bịa ra (tên có chữ “Mẫu”): xoá trước khi nhập số "
    "liệu thật.",
    "mọi người, đơn vị, số quyết định trong đó đều bịa ra, chỉ để xem cách điền và chạy thử.",
    "Khi thư mục đã có bảng tính này, các bảng tính mẫu được để riêng: không kiểm tra, không lập "
    "văn bản, không tính vào lịch sử; nên chuyển chúng sang thư mục khác (ví dụ thư mục mau) hoặc "
    "xoá đi.",
]


def _guide(book) -> tuple[list[str], str]:
    lines = [row[0] or "" for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    return lines, re.sub(r"\s+", " ", " ".join(lines))


def test_the_samples_mark_is_left_out(book):
    assert "Bảng tính mẫu" not in [c.value for c in book["Thông tin"]["A"]]


def test_the_guide_says_what_the_clerk_needs(book):
    assert book.sheetnames[0] == "Hướng dẫn" and book.active.title == "Hướng dẫn"
    lines, text = _guide(book)
    for sentence in GUIDE_SENTENCES:
        assert sentence in text, sentence
    headings = [cell.value for (cell,) in book["Hướng dẫn"].iter_rows() if cell.font.b]
    assert headings == ["HƯỚNG DẪN ĐIỀN BẢNG TÍNH THI ĐUA, KHEN THƯỞNG",
                        "Bảng tính này dùng để làm gì", "Thứ tự làm việc", "Cách điền",
                        "Sheet bắt buộc",
                        "Sheet không bắt buộc (không dùng thì xoá cả sheet: bấm chuột phải vào "
                        "tên sheet, chọn Xoá)",
                        "Tên phong trào (sheet Thông tin)", "Bảng tính mẫu"]
    for word in ("Chữ.", "Tên cột khác", "None", "kind"):
        assert word not in text


def test_the_guide_names_each_sheet_under_required_or_optional(book):
    lines, _ = _guide(book)
    optional = next(i for i, line in enumerate(lines) if line.startswith("Sheet không bắt buộc"))
    sections = {False: lines[lines.index("Sheet bắt buộc"):optional],
                True: lines[optional:lines.index("Tên phong trào (sheet Thông tin)")]}
    for spec in CATALOG.sheets.values():
        assert any(line.startswith(f"- {spec.title}: ") for line in sections[spec.optional]), \
            spec.title


# --- a note on every column -----------------------------------------------------------------------

# A Vietnamese syllable written without marks; an English word ("kind", "None", "text") is not one.
SYLLABLE = re.compile(r"^(ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                      r"[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")
NOT_ENGLISH = {"excel", "alt", "enter", "merge", "sheet"}  # words of Excel she knows


def _notes():
    for spec in CATALOG.sheets.values():
        for column in spec.columns:
            yield spec, column, NOTES[spec.key][column.key]


def _in_init(spec) -> list:
    """The columns of a sheet the init workbook has: all but the samples' own mark."""
    return [c for c in spec.columns if c.key != "sample"]


def test_every_column_has_a_note_written_for_the_clerk():
    for spec, column, note in _notes():
        where = (spec.title, column.label)
        assert len(note) <= 255, where  # Excel shows no more
        assert note.endswith("."), where
        for word in ("Chữ.", "Tên cột khác", "None", "kind", "vocab", "award:", "text"):
            assert word not in note, where
        for word in re.findall(r"\b[A-Za-z]+\b", note):
            abbreviation = word.isupper() or sum(c.isupper() for c in word) >= 2  # Q., TTr
            assert abbreviation or word.lower() in NOT_ENGLISH or SYLLABLE.match(word.lower()), \
                (where, word)
        assert note.startswith("Bắt buộc") == column.required, where
        kind, _, vocab = column.kind.partition(":")
        if kind == "vocab":
            for choice in CATALOG.choices(vocab):
                assert choice in note, (where, choice)
        elif kind == "award":
            assert "Chọn trong danh sách (mũi tên)" in note, where
        else:
            assert "ví dụ" in note.lower(), where


def test_the_syllable_check_catches_english():
    assert not any(SYLLABLE.match(word) for word in ("kind", "none", "text", "int", "and", "list"))
    assert all(SYLLABLE.match(word) for word in ("ghi", "nghiep", "chuyen", "thanh", "quy"))


def _prompts(sheet) -> dict[str, str]:
    return {str(cell): rule.prompt for rule in sheet.data_validations.dataValidation
            if rule.prompt for cell in rule.sqref.ranges}


def test_each_note_shows_where_the_clerk_types(book):
    for spec in CATALOG.sheets.values():
        sheet = book[spec.title]
        prompts = _prompts(sheet)
        if spec.pairs:  # on the value, column B
            rows = {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1)}
            cells = {c.key: f"B{rows[c.label]}" for c in _in_init(spec)}
        else:
            header = next(row for row in sheet.iter_rows()
                          if spec.columns[0].label in [c.value for c in row])
            cells = {c.key: next(cell.coordinate for cell in header if cell.value == c.label)
                     for c in _in_init(spec)}
        for column in _in_init(spec):
            assert prompts[cells[column.key]] == NOTES[spec.key][column.key], column.label


def test_no_cell_has_two_rules(book):
    """Excel keeps one rule a cell and “repairs” a file with two: a note and a list share one."""
    for sheet in book.worksheets:
        cells = Counter(coordinate for rule in sheet.data_validations.dataValidation
                        for cells in rule.sqref.ranges for row in cells.rows
                        for coordinate in (f"{get_column_letter(col)}{r}" for r, col in row))
        assert [c for c, n in cells.items() if n > 1] == [], sheet.title
    info = book["Thông tin"].data_validations.dataValidation
    assert {r.prompt[:9] for r in info if r.type == "list"} == {"Bắt buộc.", "Không bắt"}


def test_a_long_heading_titles_its_note_cut_at_a_word(book):
    sheet = book["Cá nhân"]
    titles = {rule.promptTitle for rule in sheet.data_validations.dataValidation if rule.prompt}
    assert "Số đề tài, đề án khoa học được…" in titles and "Họ và tên" in titles
    assert all(len(t) <= 32 for t in titles)


# --- widths, headings, print settings -------------------------------------------------------------


def test_headings_and_typical_values_fit_their_columns(book):
    for spec in CATALOG.sheets.values():
        sheet = book[spec.title]
        widths = {cell.value: sheet.column_dimensions[cell.column_letter].width
                  for row in sheet.iter_rows() for cell in row if cell.value}
        for column in _in_init(spec):
            width = widths[column.label]
            if spec.pairs:  # the label on one line
                assert width >= len(column.label) + 1, column.label
            else:  # wrapped onto at most three lines, no word cut
                assert width * HEADING_LINES >= len(column.label) + 2 * HEADING_LINES
                assert width >= max(map(len, column.label.split())) + 2, column.label
                assert len(textwrap.wrap(column.label, int(width) - 2)) <= HEADING_LINES
    people = book["Cá nhân"]
    width = {c.value: people.column_dimensions[c.column_letter].width for c in people[3]}
    assert width["Họ và tên"] >= len("Nguyễn Thị Hải Yến") + 2
    assert width["Thành tích"] >= 36 and width["Năm sinh"] >= 6
    assert people.row_dimensions[3].height >= 15 * HEADING_LINES


def test_every_sheet_is_set_up_for_printing(book):
    wide = {"Tập thể", "Cá nhân"}
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        setup = sheet.page_setup
        assert int(setup.paperSize) == 9, sheet.title  # A4
        assert sheet.oddFooter.center.text == "&A - trang &P", sheet.title
        assert sheet.print_options.gridLines == (sheet.title != "Hướng dẫn"), sheet.title
        if sheet.title in wide:  # pages of whole columns, each with the names
            assert int(setup.scale) == 80 and not sheet.sheet_properties.pageSetUpPr.fitToPage
            assert sheet.print_title_cols == "$A:$C" and sheet.col_breaks.count == 2
        else:
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
            assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0), sheet.title
    orientation = {s.title: s.page_setup.orientation for s in book.worksheets
                   if s.sheet_state == "visible"}
    assert orientation == {"Hướng dẫn": "portrait", "Thông tin": "portrait",
                           "Hội đồng": "landscape", "Tập thể": "landscape",
                           "Cá nhân": "landscape", "Lịch sử": "landscape",
                           "Quyết định": "landscape", "Chỉ tiêu": "portrait"}
    for title in ("Tập thể", "Cá nhân", "Lịch sử", "Quyết định", "Chỉ tiêu"):
        assert book[title].print_title_rows == "$1:$3", title


def test_the_names_stay_in_view(book):
    assert {t: book[t].freeze_panes for t in ("Tập thể", "Cá nhân", "Lịch sử", "Quyết định",
                                               "Chỉ tiêu", "Thông tin")} == \
        {"Tập thể": "D4", "Cá nhân": "D4", "Lịch sử": "D4", "Quyết định": "B4",
         "Chỉ tiêu": "B4", "Thông tin": "A3"}


# --- as LibreOffice prints it ---------------------------------------------------------------------

NAMES = {"Tập thể": ["STT", "Mã", "Tên tập thể"], "Cá nhân": ["STT", "Mã", "Họ và tên"]}
PAGES = {  # the headings on each page of a sheet too wide for one, after the repeated names
    "Tập thể": [["Đơn vị cấp trên", "Mức hoàn thành nhiệm vụ", "Loại khen thưởng",
                 "Danh hiệu đề nghị", "Hình thức khen thưởng đề nghị"],
                ["Thành tích", "Số phiếu đồng ý", "Ghi chú", "Kết luận của Hội đồng",
                 "Chức danh thủ trưởng", "Trụ sở", "Số lượng cán bộ"],
                ["Tổ chức bộ máy", "Chức năng, nhiệm vụ", "Biện pháp"]],
    "Cá nhân": [["Giới tính", "Năm sinh", "Chức vụ", "Đơn vị", "Mức hoàn thành nhiệm vụ",
                 "Số sáng kiến được công nhận", "Số đề tài, đề án khoa học được nghiệm thu",
                 "Phạm vi ảnh hưởng của sáng kiến", "Kỷ luật", "Loại khen thưởng"],
                ["Danh hiệu đề nghị", "Hình thức khen thưởng đề nghị", "Thành tích",
                 "Số phiếu đồng ý", "Ghi chú", "Kết luận của Hội đồng", "Ngày sinh"],
                ["Quê quán", "Trú quán", "Chức vụ Đảng, đoàn thể", "Trình độ chuyên môn",
                 "Học hàm, học vị", "Quyền hạn, nhiệm vụ"]],
}
XHTML = "{http://www.w3.org/1999/xhtml}"


def _words(*texts: str) -> Counter:
    return Counter(word for text in texts for word in text.split())


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The init workbook without its example values, as LibreOffice prints it: per page, the
    sheet named in its footer and its words with their boxes."""
    require_tools("soffice", "pdftotext", "fc-match")
    calibri = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True).stdout
    if "Carlito" not in calibri:  # Calibri's metrics: pages break where Excel breaks them
        if os.environ.get("CI"):
            pytest.fail("CI must install fonts-crosextra-carlito (see .ci/run)")
        pytest.skip("needs fonts-crosextra-carlito")
    folder = tmp_path_factory.mktemp("in")
    book = load_workbook(blank_workbook(tmp_path_factory.mktemp("init") / "moi.xlsx", CATALOG,
                                        year=2026))
    for spec in CATALOG.sheets.values():
        sheet = book[spec.title]
        headings = {"STT", *(c.label for s in CATALOG.sheets.values() if s.title == spec.title
                             for c in s.columns)}
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                cell.value = cell.value if cell.value in headings else None
    book.save(folder / "trong.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(folder / "trong.xlsx")],
                   check=True, capture_output=True, timeout=300)
    out = subprocess.run(["pdftotext", "-bbox", str(folder / "trong.pdf"), "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = []
    for page in ET.fromstring(out).iter(f"{XHTML}page"):
        words = [(w.text, *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                 for w in page.iter(f"{XHTML}word")]
        bottom = max(w[2] for w in words)
        footer = sorted((w for w in words if w[2] > bottom - 2), key=lambda w: w[1])
        name = re.fullmatch(r"(.+) - trang \d+", " ".join(w[0] for w in footer)).group(1)
        pages.append((name, [w for w in words if w not in footer], float(page.get("width"))))
    return pages


@pytest.mark.render
def test_every_sheet_prints_and_none_prints_small(printed):
    visible = ["Hướng dẫn", "Thông tin", "Hội đồng", "Tập thể", "Cá nhân", "Lịch sử",
               "Quyết định", "Chỉ tiêu"]
    assert list(dict.fromkeys(name for name, _, _ in printed)) == visible
    for name, words, width in printed:
        smallest = min(w[4] - w[2] for w in words)
        assert smallest >= 10, (name, smallest)  # 11-point type printed at 80% or more
        assert max(w[3] for w in words) <= width - 20, name  # nothing runs off the page


@pytest.mark.render
def test_each_sheet_prints_all_its_headings_on_its_first_page(printed):
    first = {}
    for name, words, _ in printed:
        first.setdefault(name, Counter(w[0] for w in words))
    for spec in CATALOG.sheets.values():
        if spec.title in PAGES or spec.part_of:
            continue
        labels = [c.label for c in _in_init(spec)]
        if spec.key == "council":
            labels += ["STT"] + [c.label for c in CATALOG.sheets["council_members"].columns]
        elif not spec.pairs:
            labels.insert(0, "STT")
        assert first[spec.title] == _words(TITLES[spec.key], *labels), spec.title


@pytest.mark.render
def test_a_wide_sheet_prints_pages_of_columns_each_with_the_names(printed):
    for title, groups in PAGES.items():
        pages = [Counter(w[0] for w in words) for name, words, _ in printed if name == title]
        key = next(s.key for s in CATALOG.sheets.values() if s.title == title)
        assert pages == [_words(TITLES[key], *NAMES[title], *group) for group in groups]


@pytest.mark.render
def test_the_guide_prints_whole(printed, book):
    lines, _ = _guide(book)
    words = Counter(w[0] for name, page, _ in printed if name == "Hướng dẫn" for w in page)
    assert words == _words(*lines)


# --- Tên phong trào -------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    "Chung sức xây dựng nông thôn mới",
    "Phong trào thi đua “Chung sức xây dựng nông thôn mới”",
    "PHONG TRÀO THI ĐUA \"Chung sức xây dựng nông thôn mới\"",
    "Phong trào thi đua chung sức xây dựng nông thôn mới",
    "“Chung sức xây dựng nông thôn mới”",
])
def test_the_movement_is_named_once_however_it_was_typed(make_workbook, tmp_path, typed):
    data = round_data()
    data["info"] |= {"occasion": "Tổng kết", "movement": typed}
    generate([make_workbook(data, name="tong-ket.xlsx")], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-tong-ket" / "to-trinh-de-nghi-khen-thuong.docx")
    assert lines[3] == ("Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh nhân dịp "
                        "tổng kết Phong trào thi đua “Chung sức xây dựng nông thôn\u00a0mới”")
    assert ("Căn cứ Kế hoạch tổ chức thực hiện Phong trào thi đua “Chung sức xây dựng nông thôn "
            "mới”;") in lines


# --- the example rows, the drop-downs, the page set-up --------------------------------------------


def _rows(sheet, first: int) -> list[list]:
    return [list(row) for row in sheet.iter_rows(min_row=first, values_only=True)]


def test_the_examples_are_invented_people_and_units_of_the_year(book):
    """Two example rows a sheet, with “Mẫu” in every person's name, dated by the year of
    `init` (2026 here): the years before it in Lịch sử, the year's dates elsewhere."""
    info = {label: value for label, value in _rows(book["Thông tin"], 3) if value is not None}
    assert info == {
        "Năm": 2026, "Đợt": "Hằng năm", "Cơ quan chủ quản": "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
        "Cơ quan ban hành": "VĂN PHÒNG", "Tên cơ quan": "Văn phòng Ủy ban nhân dân tỉnh Sơn La",
        "Ký hiệu cơ quan": "VPUB", "Đơn vị soạn thảo": "TCHCQT", "Địa danh": "Sơn La",
        "Người ký": "Nguyễn Văn Mẫu", "Chức vụ người ký": "Phó Chánh Văn phòng",
        "Thẩm quyền ký": "KT.", "Chức vụ thủ trưởng": "Chánh Văn phòng",
        "Kính gửi": "Chủ tịch Ủy ban nhân dân tỉnh Sơn La (qua Sở Nội vụ)",
        "Kính gửi báo cáo": "Sở Nội vụ tỉnh Sơn La"}
    council = _rows(book["Hội đồng"], 3)
    assert {row[0]: row[1] for row in council[:11] if row[1] is not None} == {
        "Tổng số thành viên": 3, "Số thành viên dự họp": 3, "Ngày họp": "20/11/2026"}
    assert council[11:] == [  # after a blank row, the members' table
        [None] * 6,
        ["STT", "Họ và tên", "Chức vụ", "Vai trò trong Hội đồng", "Dự họp", "Lý do vắng"],
        [1, "Nguyễn Văn Mẫu", "Chánh Văn phòng", "Chủ tịch Hội đồng", "Có", None],
        [2, "Hà Thị Mẫu", "Trưởng phòng", "Ủy viên", "Có", None],
        [3, "Lường Văn Mẫu", "Chuyên viên", "Ủy viên kiêm Thư ký", "Có", None]]
    assert _rows(book["Tập thể"], 4) == [
        [1, "TH", "Phòng Tổng hợp", None, "Hoàn thành xuất sắc nhiệm vụ", None,
         "Tập thể lao động tiên tiến", "Bằng khen của Chủ tịch UBND tỉnh",
         "02 năm liên tục hoàn thành xuất sắc nhiệm vụ (ví dụ).", 3, None, None,
         "Trưởng phòng Tổng hợp", None, 8, None,
         "Tham mưu tổng hợp, theo dõi kinh tế - xã hội (ví dụ).", None],
        [2, "TTTT", "Trung tâm Thông tin", None, "Hoàn thành tốt nhiệm vụ", "Đột xuất",
         "Tập thể lao động tiên tiến", "Bằng khen của Chủ tịch UBND tỉnh",
         "Khắc phục kịp thời sự cố hệ thống thư điện tử (ví dụ).", 3, None, None, None, None,
         None, None, None, None]]
    assert _rows(book["Cá nhân"], 4) == [
        [1, "VD01", "Lò Thị Mẫu", "Nữ", 1988, "Chuyên viên", "Phòng Tổng hợp",
         "Hoàn thành xuất sắc nhiệm vụ", 1, None, "Cơ sở", "Không", "Công trạng",
         "Chiến sĩ thi đua cơ sở", "Giấy khen của Chánh Văn phòng",
         "Sáng kiến số hoá hồ sơ (ví dụ).", 3, None, None, "12/5/1988",
         "Xã Mường Chiên, tỉnh Sơn La", None, None, "Cử nhân Luật", None,
         "Theo dõi công tác thi đua, khen thưởng (ví dụ)."],
        [2, "VD02", "Giàng A Mẫu", "Nam", 1992, "Viên chức", "Trung tâm Thông tin",
         "Hoàn thành tốt nhiệm vụ", None, None, None, "Không", "Phong trào",
         "Lao động tiên tiến", "Bằng khen của Chủ tịch UBND tỉnh",
         "Tiêu biểu trong phong trào thi đua của tỉnh (ví dụ).", 3, None, None, None, None,
         None, None, None, None, None]]
    assert _rows(book["Lịch sử"], 4) == [
        [1, "TH", "Phòng Tổng hợp", None, None, 2025, "Hoàn thành xuất sắc nhiệm vụ", None,
         None, None, None, None],
        [2, "VD01", "Lò Thị Mẫu", 1988, None, 2025, "Chiến sĩ thi đua cơ sở", None, None,
         "01/QĐ-VPUB", None, None]]
    assert _rows(book["Quyết định"], 4) == [
        [1, "1234/QĐ-UBND", "20/12/2026", "Chủ tịch Ủy ban nhân dân tỉnh", "TH",
         "Phòng Tổng hợp", None, "Bằng khen của Chủ tịch UBND tỉnh", "Được tặng", None],
        [2, "1234/QĐ-UBND", "20/12/2026", "Chủ tịch Ủy ban nhân dân tỉnh", "VD02",
         "Giàng A Mẫu", None, "Bằng khen của Chủ tịch UBND tỉnh", "Không được tặng", None]]
    assert _rows(book["Chỉ tiêu"], 4) == [
        [1, "Bằng khen của Chủ tịch UBND tỉnh", 2, 5, "Kế hoạch phong trào (ví dụ)"],
        [2, "Giấy khen của Chánh Văn phòng", 5, 15, "Kế hoạch phong trào (ví dụ)"]]


def _list_of(book, rule) -> list[str]:
    """The values a drop-down offers, read from the hidden Danh mục sheet it points at."""
    sheet, cells = rule.formula1.removeprefix("=").split("!")
    assert sheet == "'Danh mục'" and book["Danh mục"].sheet_state == "hidden"
    return [c.value for (c,) in book["Danh mục"][cells.replace("$", "")]]


def test_drop_downs_offer_the_lists_down_the_table_and_accept_other_spellings(book):
    people = {str(r.sqref): r for r in book["Cá nhân"].data_validations.dataValidation
              if r.type == "list"}
    rating = people["H4:H2000"]  # Mức hoàn thành nhiệm vụ, for the rows a clerk fills
    assert _list_of(book, rating) == ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
                                      "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]
    assert (rating.allow_blank, rating.showErrorMessage) == (True, False)  # HTXSNV still goes
    assert _list_of(book, people["D4:D2000"]) == ["Nam", "Nữ"]
    members = {str(r.sqref): r for r in book["Hội đồng"].data_validations.dataValidation
               if r.type == "list"}
    assert set(members) == {"D16:D75", "E16:E75"}  # Vai trò, Dự họp: under the heading, row 15
    assert _list_of(book, members["E16:E75"]) == ["Có", "Vắng"]
    info = {str(r.sqref): r for r in book["Thông tin"].data_validations.dataValidation
            if r.type == "list"}
    assert _list_of(book, info["B4"]) == ["Hằng năm", "Sơ kết", "Tổng kết"]  # Đợt


def test_pages_break_between_whole_columns_under_a_title_over_the_names(book):
    """The wide sheets print pages of columns (Tập thể D–H, I–O, P–R; Cá nhân D–M, N–T,
    U–Z), their title wrapped over the repeated columns A to C; the others a title across
    the table; every page with the same margins."""
    for title, breaks in (("Tập thể", [8, 15]), ("Cá nhân", [13, 20])):
        sheet = book[title]
        assert [b.id for b in sheet.col_breaks.brk] == breaks, title
        assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:C1"], title
        heading = sheet["A1"].alignment
        assert (heading.horizontal, heading.vertical, heading.wrap_text) == ("left", "top", True)
        assert sheet.row_dimensions[1].height == 2 * 15, title  # two lines over A to C
    for title, columns in (("Lịch sử", "A1:L1"), ("Quyết định", "A1:J1"), ("Chỉ tiêu", "A1:E1")):
        assert [str(r) for r in book[title].merged_cells.ranges] == [columns], title
        assert book[title]["A1"].alignment.horizontal == "center", title
    for sheet in book.worksheets:
        if sheet.sheet_state == "visible":
            margins = sheet.page_margins
            assert (margins.left, margins.right, margins.top, margins.bottom) == (
                0.4, 0.4, 0.5, 0.6), sheet.title


def test_headings_are_shaded_and_example_rows_wrap_as_tall_as_their_text(book):
    for title in ("Tập thể", "Cá nhân", "Lịch sử", "Quyết định", "Chỉ tiêu"):
        sheet = book[title]
        assert sheet.row_dimensions[3].height == 15 * 3 + 3, title  # three lines of heading
        assert {(c.fill.fgColor.rgb, c.font.b, c.alignment.horizontal, c.alignment.vertical,
                 c.alignment.wrap_text) for c in sheet[3]} == {
            ("00DDEBF7", True, "center", "center", True)}, title
        assert {(c.alignment.vertical, c.alignment.wrap_text) for row in sheet["A4":"C5"]
                for c in row} == {("top", True)}, title
    people = book["Cá nhân"]
    assert [people.row_dimensions[r].height for r in (4, 5)] == [30, 30]  # Thành tích: 2 lines
    assert book["Hội đồng"].row_dimensions[15].height == 48  # the members' heading
    # the blank row between the council's facts and its members, and the members: one line
    assert [book["Hội đồng"].row_dimensions[r].height for r in (14, 16, 17, 18)] == [None] * 4
    info = book["Thông tin"]
    assert (info["A4"].alignment.vertical, info["B4"].alignment.horizontal,
            info["B4"].alignment.vertical, info["B4"].alignment.wrap_text) == (
        "top", "left", "top", True)
    assert [info.column_dimensions[c].width for c in "AB"] == [
        len("Căn cứ quy chế thi đua, khen thưởng") + 2, 58]
    assert book["Hội đồng"].column_dimensions["B"].width == 30
    assert book["Hướng dẫn"].column_dimensions["A"].width == 112


def test_columns_are_as_wide_as_their_typical_value_or_their_heading_on_three_lines(book):
    people = book["Cá nhân"]
    width = {c.value: people.column_dimensions[c.column_letter].width for c in people[3]}
    assert {label: width[label] for label in (
        "STT", "Họ và tên", "Giới tính", "Năm sinh", "Ngày sinh", "Mức hoàn thành nhiệm vụ",
        "Số đề tài, đề án khoa học được nghiệm thu", "Thành tích", "Quyền hạn, nhiệm vụ")} == {
        "STT": 5,
        "Họ và tên": 24,  # a name such as “Nguyễn Thị Hải Yến” and room
        "Giới tính": 6,  # “Nam”, “Nữ” fit; the heading on two lines of “Giới” and “tính”
        "Năm sinh": 8, "Ngày sinh": 11,  # 1988; 12/05/1988
        "Mức hoàn thành nhiệm vụ": 20,  # the longest choice wraps: a list stays under 20
        # three lines of at most 15: “Số đề tài, đề” / “án khoa học” / “được nghiệm thu”
        "Số đề tài, đề án khoa học được nghiệm thu": 17,
        "Thành tích": 40, "Quyền hạn, nhiệm vụ": 30}
    council = book["Hội đồng"]
    roles = {c.value: council.column_dimensions[c.column_letter].width for c in council[15]}
    assert roles["Vai trò trong Hội đồng"] == 20  # “Ủy viên kiêm Thư ký” and room, at most 20


def test_the_guide_prints_its_title_larger_than_its_headings_in_calibri(book):
    guide = book["Hướng dẫn"]
    fonts = [(c.value, c.font.name, c.font.sz) for (c,) in guide.iter_rows() if c.font.b]
    assert fonts[0] == ("HƯỚNG DẪN ĐIỀN BẢNG TÍNH THI ĐUA, KHEN THƯỞNG", "Calibri", 14)
    assert {(name, size) for _, name, size in fonts[1:]} == {("Calibri", 12)}
    assert guide["A4"].value.startswith("Mỗi đợt thi đua") and not guide["A4"].font.b


def test_a_sample_workbook_has_the_shape_of_the_clerks(make_workbook):
    """The workbooks written for samples and tests: a bold title centred over each table, the
    headings bold in row 3 under a blank row, numbered rows, the STT column and headings
    frozen; on Thông tin the labels in A (32 wide) and the values in B (60)."""
    data = round_data()
    data["tables"]["council_members"] = [{"name": "Hà Minh Tuấn", "role": "Chủ tịch Hội đồng"}]
    book = load_workbook(make_workbook(data))
    people = book["Cá nhân"]
    assert [str(r) for r in people.merged_cells.ranges] == ["A1:M1"]  # STT and 12 columns
    assert people["A1"].font.b and people["A1"].alignment.horizontal == "center"
    assert [c.value for c in people[2]] == [None] * 13
    assert people["A3"].value == "STT" and all(c.font.b for c in people[3])
    assert [people[f"A{r}"].value for r in range(4, 8)] == [1, 2, 3, 4]
    assert people.freeze_panes == "B4"
    info = book["Thông tin"]
    assert info["A1"].value == "THÔNG TIN CHUNG CỦA ĐỢT KHEN THƯỞNG" and info["A1"].font.b
    assert (info["A3"].value, info["B3"].value) == ("Năm", 2025)
    assert [info.column_dimensions[c].width for c in "AB"] == [32, 60]
    council = book["Hội đồng"]
    assert [[c.value for c in row][:4] for row in council.iter_rows(min_row=3)] == [
        ["Tổng số thành viên", 9, None, None], ["Số thành viên dự họp", 9, None, None],
        [None] * 4, ["STT", "Họ và tên", "Chức vụ", "Vai trò trong Hội đồng"],
        [1, "Hà Minh Tuấn", None, "Chủ tịch Hội đồng"]]
    assert all(c.font.b for c in council[6] if c.value)  # the members' headings
