"""Reading: sheets and headers found by text, values cleaned, layout problems reported."""

from __future__ import annotations

import unicodedata
import zipfile
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from pipeline.errors import Kind, UnreadableWorkbook
from pipeline.read import read_workbook
from pipeline.validate import validate


def messy_workbook(path):
    """A workbook laid out as clerks really do: titles, merged cells, other names, odd values."""
    book = Workbook()
    info = book.active
    info.title = "THONG TIN"
    info.append(["Thông tin đợt khen thưởng"])
    info.append([])
    for label, value in [("NĂM", "2025"), ("Đợt khen thưởng", "hang nam"),
                         ("Cơ quan chủ quản", "Ủy ban nhân dân tỉnh Sơn La"),
                         ("Cơ quan ban hành", "Văn phòng"), ("Ký hiệu cơ quan", "VPUB"),
                         ("Địa danh", "Sơn La"), ("Ngày ký", 46000),
                         ("Người ký", "HÀ MINH TUẤN"), ("Chức vụ người ký", "Chánh Văn phòng")]:
        info.append([None, label, None, value])
    people = book.create_sheet("  cá nhân ")
    people.append(["DANH SÁCH CÁ NHÂN"])
    people.merge_cells("A1:H1")
    people.append([])
    people.append(["STT", "HỌ TÊN", "Nam/Nữ", "Năm sinh (*)", "Đơn vị công tác", "Xếp loại",
                   "Số sáng kiến", "Cột riêng của phòng"])
    people.append([f"({n})" for n in range(1, 9)])
    people.append([1, unicodedata.normalize("NFD", "  Lò  Văn Pọm "), "nam", "1980",
                   "Phòng Kinh tế", "htxsnv", "02", "ghi chú riêng"])
    people.append([])
    people.append([2, "Cầm Thị Ánh", "Nữ", 1988.0, "Phòng Kinh tế", "HTTNV", None, None])
    book.create_sheet("Tập thể").append(["Tên tập thể", "Mức hoàn thành nhiệm vụ"])
    book["Tập thể"].append(["Phòng Kinh tế", "HTXSNV"])
    book.save(path)
    return path


def test_messy_layout_reads_like_a_clean_one(tmp_path, catalog):
    raw = read_workbook(messy_workbook(tmp_path / "messy.xlsx"), catalog)
    assert raw.problems == []
    assert raw.sheet_titles["individuals"] == "  cá nhân "
    people = raw.tables["individuals"]
    assert [r.row for r in people] == [5, 7]  # no title, numbering "(1) (2) …" or blank rows
    pom = people[0]
    assert pom["name"].value == "Lò Văn Pọm"
    assert (pom["name"].column, pom["name"].header) == ("B", "Họ và tên")
    assert raw.pairs["info"]["year"].value == "2025"
    assert raw.pairs["info"]["sign_date"].column == "D"


def test_messy_values_convert(tmp_path, catalog):
    path = messy_workbook(tmp_path / "messy.xlsx")
    round_, problems = validate(read_workbook(path, catalog), catalog)
    assert [p for p in problems if p.is_error] == []
    assert round_.info.sign_date == date(2025, 12, 9)  # Excel serial 46000
    assert round_.info.signer == "Hà Minh Tuấn"
    first = round_.people[0]
    assert (first.name, first.birth_year, first.initiatives, first.rating.code) == \
        ("Lò Văn Pọm", 1980, 2, "HTXSNV")


def test_a_unit_merged_down_its_people_reads_on_each_of_them_and_no_further(tmp_path, catalog):
    """Đơn vị merged over C2:C3, as clerks group a unit's people: Excel shows it on both rows;
    the row under the block has no unit."""
    book = Workbook()
    book.active.title = "Cá nhân"
    for row in (["Họ và tên", "Năm sinh", "Đơn vị", "Mức hoàn thành nhiệm vụ"],
                ["Lò Văn Pọm", 1980, "Phòng Kinh tế", "HTXSNV"],
                ["Cầm Thị Ánh", 1988, None, "HTTNV"],
                ["Giàng A Páo", 1990, None, "HTTNV"]):
        book.active.append(row)
    book.active.merge_cells("C2:C3")
    book.save(tmp_path / "gop-o.xlsx")
    raw = read_workbook(tmp_path / "gop-o.xlsx", catalog)
    assert [(r.row, r.value("name"), r.value("unit")) for r in raw.tables["individuals"]] == [
        (2, "Lò Văn Pọm", "Phòng Kinh tế"), (3, "Cầm Thị Ánh", "Phòng Kinh tế"),
        (4, "Giàng A Páo", None)]


@pytest.mark.parametrize("name", ["2025-hang-nam.xlsm", "2025-hang-nam.XLSX"])
def test_a_macro_workbook_or_a_capital_suffix_is_read_like_an_xlsx(make_workbook, tmp_path,
                                                                    catalog, name):
    """Excel saves a workbook with macros as .xlsm; Windows may keep a suffix in capitals."""
    path = make_workbook().rename(tmp_path / name)
    raw = read_workbook(path, catalog)
    assert [r.value("name") for r in raw.tables["collectives"]] == ["Phòng Kinh tế",
                                                                     "Trung tâm Thông tin"]


def test_missing_sheet_and_column_are_named(tmp_path, catalog):
    book = Workbook()
    book.active.title = "Cá nhân"
    book.active.append(["Họ và tên", "Năm sinh", "Đơn vị"])
    book.save(tmp_path / "thieu.xlsx")
    raw = read_workbook(tmp_path / "thieu.xlsx", catalog)
    kinds = {(p.kind, p.sheet, p.expected) for p in raw.problems}
    assert (Kind.MISSING_SHEET, "Thông tin", "Thông tin") in kinds
    assert (Kind.MISSING_SHEET, "Tập thể", "Tập thể") in kinds
    missing = {p.expected for p in raw.problems if p.kind is Kind.MISSING_COLUMN}
    assert missing == {"Giới tính", "Mức hoàn thành nhiệm vụ"}
    sample = next(p for p in raw.problems if p.kind is Kind.MISSING_COLUMN)
    assert "“Họ và tên”, “Năm sinh”, “Đơn vị”" in sample.message


def test_header_not_found_says_what_was_expected_and_seen(tmp_path, catalog):
    book = Workbook()
    book.active.title = "Cá nhân"
    book.active.append(["Tên", "Tuổi"])
    book.save(tmp_path / "sai.xlsx")
    problem = next(p for p in read_workbook(tmp_path / "sai.xlsx", catalog).problems
                   if p.kind is Kind.NO_HEADER)
    assert "“Họ và tên”" in problem.message and "“Tuổi”" in problem.message




@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("aăâđêôơư ÀÁẢÃẠằắẳẵặềếểễệỳýỷỹỵ Thịn")),
                    min_size=1, max_size=30),
       decompose=st.booleans(), pad=st.sampled_from(["", " ", "  \u00a0", "\t"]))
def test_any_text_reads_back_nfc_trimmed(tmp_path, catalog, text, decompose, pad):
    written = pad + (unicodedata.normalize("NFD", text) if decompose else text) + pad
    book = Workbook()
    book.active.title = "Tập thể"
    book.active.append(["Tên tập thể", "Mức hoàn thành nhiệm vụ", "Thành tích"])
    book.active.append(["Phòng A", "HTNV", written])
    path = tmp_path / "text.xlsx"
    book.save(path)
    cells = read_workbook(path, catalog).tables["collectives"]
    expected = " ".join(unicodedata.normalize("NFC", text).split()) or None  # by hand
    assert (cells[0]["achievements"].value if cells else None) == expected


def test_dates_become_dates(tmp_path, catalog):
    book = Workbook()
    book.active.title = "Thông tin"
    book.active.append(["Ngày ký", datetime(2025, 12, 5, 0, 0)])
    book.save(tmp_path / "d.xlsx")
    info = read_workbook(tmp_path / "d.xlsx", catalog).pairs["info"]
    assert info["sign_date"].value == date(2025, 12, 5)


def test_hidden_rows_are_named_ten_at_most():
    from pipeline.read import _rows_text

    assert _rows_text([5]) == "dòng 5"
    assert _rows_text(list(range(4, 14))) == "các dòng 4, 5, 6, 7, 8, 9, 10, 11, 12, 13"
    assert _rows_text(list(range(4, 15))) == "các dòng 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 …"


def test_a_sheet_cut_short_names_the_file(make_workbook, tmp_path, catalog):
    """A sheet whose XML ends halfway (a copy broken off): one sentence naming the file."""
    whole = make_workbook()
    broken = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            target.writestr(entry, data[:len(data) // 2] if entry.filename
                            == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(UnreadableWorkbook) as caught:
        read_workbook(broken, catalog)
    assert str(caught.value) == ("Không đọc được tệp “hong.xlsx”: tệp bị hỏng hoặc không phải "
                                 "bảng tính Excel .xlsx.")
