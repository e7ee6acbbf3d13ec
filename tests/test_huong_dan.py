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


@pytest.fixture(scope="module")
def book_path(tmp_path_factory):
    return blank_workbook(tmp_path_factory.mktemp("init") / "moi.xlsx", CATALOG, year=2026)


@pytest.fixture(scope="module")
def book(book_path):
    return load_workbook(book_path)


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
def printed(book_path, tmp_path_factory):
    """The init workbook without its example values, as LibreOffice prints it: per page, the
    sheet named in its footer and its words with their boxes."""
    require_tools("soffice", "pdftotext", "fc-match")
    calibri = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True).stdout
    if "Carlito" not in calibri:  # Calibri's metrics: pages break where Excel breaks them
        if os.environ.get("CI"):
            pytest.fail("CI must install fonts-crosextra-carlito (see .ci/run)")
        pytest.skip("needs fonts-crosextra-carlito")
    folder = tmp_path_factory.mktemp("in")
    book = load_workbook(book_path)
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
