"""Báo cáo thành tích: each form kind field by field (golden text), the lý lịch columns read and
checked, who certifies, what the summary says is left to fill by hand."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import docx_lines, require_tools, round_data, write_round
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline import check, generate
from pipeline.catalog import Catalog
from pipeline.cli import main
from pipeline.contexts import achievement_reports, certifier, decision_text, units_of
from pipeline.errors import Kind
from pipeline.model import Collective, Decision, Person, UnitProfile
from pipeline.read import read_workbook
from pipeline.summary import gap_lines
from pipeline.validate import _date, validate
from pipeline.workbook import NOTES, blank_workbook

NATION = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Sơn La, ngày 05 tháng 12 năm 2025", "BÁO CÁO THÀNH TÍCH",
          "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"]
DOTS = "…………\u200b…………\u200b…………\u200b…………\u200b…………\u200b…………"  # a field to fill by hand
TEXT_DOTS = "…" * 28  # a section left to fill by hand
NOTHING_DECIDED = " |  | "  # a row of III to fill by hand


def four_kinds() -> dict:
    """The small round with some lý lịch columns filled: Phòng Kinh tế and Lò Văn Pọm on the
    công trạng forms, Cầm Thị Ánh on the đột xuất one."""
    data = round_data()
    data["tables"]["collectives"][0] |= {
        "head_title": "Trưởng phòng Kinh tế", "address": "Tầng 2, nhà B", "staff": 6,
        "structure": "01 Trưởng phòng và 05 chuyên viên.",
        "functions": "Tham mưu lĩnh vực kinh tế."}
    data["tables"]["individuals"][0] |= {
        "birth_date": "07/3/1980", "hometown": "Xã Chiềng Mung, tỉnh Sơn La",
        "qualification": "Kỹ sư Nông nghiệp", "duties": "Phụ trách Phòng Kinh tế."}
    data["tables"]["individuals"][2] |= {"kind": "Đột xuất"}
    return data


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bctt")
    generate([write_round(root / "2025-hang-nam.xlsx", four_kinds(), Catalog())],
             outputs=root / "out")
    return root / "out" / "2025-hang-nam" / "bao-cao-thanh-tich"


CA_NHAN = [
    *NATION,
    "(Báo cáo thành tích đề nghị khen thưởng công trạng cho cá nhân)",
    "I. SƠ LƯỢC LÝ LỊCH",
    "- Họ tên: Lò Văn Pọm",
    "- Sinh ngày, tháng, năm: 07/3/1980",
    "- Giới tính: Nam",
    "- Quê quán: Xã Chiềng Mung, tỉnh Sơn La",
    "- Trú quán: " + DOTS,
    "- Đơn vị công tác: Phòng Kinh tế, Văn phòng Ủy ban nhân dân tỉnh Sơn La",
    "- Chức vụ (Đảng, chính quyền, đoàn thể): Trưởng phòng",
    "- Trình độ chuyên môn, nghiệp vụ: Kỹ sư Nông nghiệp",
    "- Học hàm, học vị, danh hiệu, giải thưởng: " + DOTS,
    "II. THÀNH TÍCH ĐẠT ĐƯỢC",
    "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận",
    "Phụ trách Phòng Kinh tế.",
    "2. Thành tích đạt được của cá nhân",
    "02 sáng kiến cấp cơ sở.",
    "Năm | Mức hoàn thành nhiệm vụ | Sáng kiến được công nhận",
    "2023 | Hoàn thành xuất sắc nhiệm vụ | 01 sáng kiến",
    "2024 | Hoàn thành xuất sắc nhiệm vụ | 01 sáng kiến",
    "2025 | Hoàn thành xuất sắc nhiệm vụ | 02 sáng kiến",
    "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
    "1. Danh hiệu thi đua",
    "Năm | Danh hiệu thi đua | Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
    "2024 | Chiến sĩ thi đua cơ sở | 215/QĐ-VPUB ngày 10/12/2024",
    "2. Hình thức khen thưởng",
    "Năm | Hình thức khen thưởng | Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
    NOTHING_DECIDED,  # nothing decided is known: never program wording
    "Tôi xin cam đoan nội dung báo cáo trên là đúng sự thật.",
    # the head of Phòng Kinh tế himself: his report goes to the office's head
    "XÁC NHẬN CỦA/CHÁNH VĂN PHÒNG/(Ký, đóng dấu)/ | "
    "NGƯỜI BÁO CÁO THÀNH TÍCH/(Ký, ghi rõ họ và tên)//Lò Văn Pọm",
]

TAP_THE = [
    *NATION,
    "(Báo cáo thành tích đề nghị khen thưởng công trạng cho tập thể)",
    "I. ĐẶC ĐIỂM, TÌNH HÌNH",
    "1. Đặc điểm, tình hình",
    "- Tên tập thể: Phòng Kinh tế",
    "- Đơn vị cấp trên: Văn phòng Ủy ban nhân dân tỉnh Sơn La",
    "- Trụ sở: Tầng 2, nhà B",
    "- Số lượng cán bộ, công chức, viên chức, người lao động: 6 người",
    "- Tổ chức bộ máy: 01 Trưởng phòng và 05 chuyên viên.",
    "2. Chức năng, nhiệm vụ",
    "Tham mưu lĩnh vực kinh tế.",
    "II. THÀNH TÍCH ĐẠT ĐƯỢC",
    "1. Kết quả thực hiện nhiệm vụ",
    "Tham mưu xây dựng nông thôn mới.",
    "Năm | Mức hoàn thành nhiệm vụ | Ghi chú",
    "2024 | Hoàn thành xuất sắc nhiệm vụ | ",
    "2025 | Hoàn thành xuất sắc nhiệm vụ | ",
    "2. Biện pháp, giải pháp công tác",
    TEXT_DOTS,
    "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
    "1. Danh hiệu thi đua",
    "Năm | Danh hiệu thi đua | Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
    NOTHING_DECIDED,
    "2. Hình thức khen thưởng",
    "Năm | Hình thức khen thưởng | Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
    NOTHING_DECIDED,
    "Tập thể cam đoan nội dung báo cáo trên là đúng sự thật.",
    # signed by its head, certified by the office that sends it up
    "XÁC NHẬN CỦA/CHÁNH VĂN PHÒNG/(Ký, đóng dấu)/ | "
    "TRƯỞNG PHÒNG KINH TẾ/(Ký, ghi rõ họ và tên)//",
]

DOT_XUAT = [
    *NATION,
    "(Báo cáo thành tích đề nghị khen thưởng đột xuất)",
    "I. SƠ LƯỢC LÝ LỊCH",
    "- Họ tên: Cầm Thị Ánh",
    "- Sinh ngày, tháng, năm: ……/……/1988",
    "- Giới tính: Nữ",
    "- Quê quán: " + DOTS,
    "- Trú quán: " + DOTS,
    "- Đơn vị công tác: Trung tâm Thông tin, Văn phòng Ủy ban nhân dân tỉnh Sơn La",
    "- Chức vụ (Đảng, chính quyền, đoàn thể): Viên chức",
    "- Trình độ chuyên môn, nghiệp vụ: " + DOTS,
    "- Học hàm, học vị, danh hiệu, giải thưởng: " + DOTS,
    "II. NỘI DUNG THÀNH TÍCH ĐỘT XUẤT",
    "Vận hành cổng thông tin an toàn.",
    "Tôi xin cam đoan nội dung báo cáo trên là đúng sự thật.",
    # Trung tâm Thông tin does not name its head's title: the generic wording
    "XÁC NHẬN CỦA/THỦ TRƯỞNG ĐƠN VỊ/(Ký, đóng dấu)/ | "
    "NGƯỜI BÁO CÁO THÀNH TÍCH/(Ký, ghi rõ họ và tên)//Cầm Thị Ánh",
]


def test_individual_cong_trang_form(reports):
    assert docx_lines(reports / "02-lo-van-pom.docx") == CA_NHAN


def test_collective_cong_trang_form(reports):
    assert docx_lines(reports / "01-phong-kinh-te.docx") == TAP_THE


def test_dot_xuat_form(reports):
    assert docx_lines(reports / "03-cam-thi-anh.docx") == DOT_XUAT


CHUYEN_DE_TAP_THE = [
    *NATION,
    "(Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề)",
    "I. ĐẶC ĐIỂM, TÌNH HÌNH",
    "- Tên tập thể: Phòng Kinh tế",
    "- Đơn vị cấp trên: Văn phòng Ủy ban nhân dân tỉnh Sơn La",
    "- Trụ sở: " + DOTS,
    "- Số lượng cán bộ, công chức, viên chức, người lao động: " + DOTS,
    "- Chức năng, nhiệm vụ: Tham mưu lĩnh vực kinh tế.",
    "II. THÀNH TÍCH ĐẠT ĐƯỢC",
    "Tham mưu xây dựng nông thôn mới.",
    "Biện pháp, giải pháp đã thực hiện",
    "Lồng ghép nội dung phong trào vào nhiệm vụ chuyên môn.",
    "Tập thể cam đoan nội dung báo cáo trên là đúng sự thật.",
    "XÁC NHẬN CỦA/CHÁNH VĂN PHÒNG/(Ký, đóng dấu)/ | THỦ TRƯỞNG ĐƠN VỊ/(Ký, ghi rõ họ và tên)//",
]

CHUYEN_DE_CA_NHAN = [
    *NATION,
    "(Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề)",
    "I. SƠ LƯỢC LÝ LỊCH",
    "- Họ tên: Lò Văn Pọm",
    "- Sinh ngày, tháng, năm: ……/……/1980",
    "- Giới tính: Nam",
    "- Chức vụ (Đảng, chính quyền, đoàn thể): Trưởng phòng; Bí thư Chi bộ",
    "- Đơn vị công tác: Phòng Kinh tế, Văn phòng Ủy ban nhân dân tỉnh Sơn La",
    "II. THÀNH TÍCH ĐẠT ĐƯỢC",
    "02 sáng kiến cấp cơ sở.",
    "Tôi xin cam đoan nội dung báo cáo trên là đúng sự thật.",
    "XÁC NHẬN CỦA/CHÁNH VĂN PHÒNG/(Ký, đóng dấu)/ | "
    "NGƯỜI BÁO CÁO THÀNH TÍCH/(Ký, ghi rõ họ và tên)//Lò Văn Pọm",
]


def test_chuyen_de_forms_are_short_without_award_history(make_workbook, tmp_path):
    data = round_data()
    data["tables"]["collectives"][0] |= {
        "kind": "Phong trào", "functions": "Tham mưu lĩnh vực kinh tế.",
        "measures": "Lồng ghép nội dung phong trào vào nhiệm vụ chuyên môn."}
    data["tables"]["individuals"][0] |= {"kind": "Phong trào",
                                         "party_position": "Bí thư Chi bộ"}
    generate([make_workbook(data)], outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-hang-nam" / "bao-cao-thanh-tich"
    assert docx_lines(folder / "01-phong-kinh-te.docx") == CHUYEN_DE_TAP_THE
    assert docx_lines(folder / "02-lo-van-pom.docx") == CHUYEN_DE_CA_NHAN


# --- who certifies -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_round(tmp_path_factory):
    catalog = Catalog()
    path = write_round(tmp_path_factory.mktemp("round") / "r.xlsx", round_data(), catalog)
    round_, problems = validate(read_workbook(path, catalog), catalog)
    assert round_ is not None, problems
    return round_


def _person(round_, position: str, unit: str) -> Person:
    return dataclasses.replace(round_.people[1], position=position, unit=unit)


def _units(round_, head_title: str) -> dict:
    kinh_te = dataclasses.replace(round_.collectives[0],
                                  profile=UnitProfile(head_title=head_title))
    return units_of(dataclasses.replace(round_, collectives=(kinh_te, *round_.collectives[1:])))


@pytest.mark.parametrize(("position", "unit", "head_title", "expected"), [
    ("Chánh Văn phòng", "Phòng Kinh tế", "", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA"),
    ("Chánh văn phòng", "Phòng Kinh tế", "Trưởng phòng Kinh tế",
     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA"),
    ("Trưởng phòng", "Phòng Kinh tế", "Trưởng phòng Kinh tế", "CHÁNH VĂN PHÒNG"),
    ("Trưởng phòng", "Phòng Kinh tế", "", "CHÁNH VĂN PHÒNG"),
    ("Giám đốc", "Trung tâm Thông tin", "", "CHÁNH VĂN PHÒNG"),
    ("Phó Trưởng phòng", "Phòng Kinh tế", "Trưởng phòng Kinh tế",
     "TRƯỞNG PHÒNG KINH TẾ"),
    ("Chuyên viên", "Phòng Kinh tế", "Trưởng phòng Kinh tế", "TRƯỞNG PHÒNG KINH TẾ"),
    ("Chuyên viên", "Phòng Kinh tế", "", "THỦ TRƯỞNG ĐƠN VỊ"),
    ("Phó Giám đốc", "Trung tâm Thông tin", "", "THỦ TRƯỞNG ĐƠN VỊ"),
])
def test_a_person_is_certified_by_his_direct_superior(small_round, position, unit, head_title,
                                                      expected):
    person = _person(small_round, position, unit)
    assert certifier(person, small_round.info, _units(small_round, head_title)) == expected


def test_a_collective_is_certified_by_the_office(small_round):
    assert certifier(small_round.collectives[0], small_round.info,
                     _units(small_round, "Trưởng phòng Kinh tế")) == \
        "CHÁNH VĂN PHÒNG"


@settings(max_examples=60, deadline=None)
@given(position=st.sampled_from(["Chánh Văn phòng", "Trưởng phòng", "Phó Trưởng phòng",
                                 "Chuyên viên", "Giám đốc", "Phó Giám đốc", "Viên chức"]),
       head=st.sampled_from(["", "Trưởng phòng Kinh tế", "Trưởng phòng"]))
def test_nobody_certifies_his_own_report(small_round, position, head):
    """The certifier's title is never the reporter's own post, nor his post in his unit."""
    person = _person(small_round, position, "Phòng Kinh tế")
    title = certifier(person, small_round.info, _units(small_round, head))
    own = {position.upper(), f"{position} Kinh tế".upper()}
    assert title not in own
    if head and position in ("Trưởng phòng", "Chánh Văn phòng"):
        assert title != head.upper()


def test_no_sample_report_is_certified_by_its_reporter():
    """Across every sample round: a person's certifier is not his own post, a collective's
    report is certified by someone other than the head who signs it."""
    inputs = Path(__file__).resolve().parent.parent / "inputs"
    summary = check(sorted(inputs.glob("*.xlsx")))
    seen = 0
    for result in summary.rounds:
        if result.assessment is None:
            continue
        for _, _, context in achievement_reports(result.assessment):
            seen += 1
            opening, certifying = context["xac_nhan"]
            assert opening == "XÁC NHẬN CỦA"
            assert certifying != context["nguoi_bao_cao_chuc_danh"]
            if context["nguoi_bao_cao"] == "Đặng Quốc Khải":  # the Chánh Văn phòng
                assert certifying == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA"
            if context["nguoi_bao_cao"] in ("Lò Văn Khiêm", "Trần Thị Hải Yến"):  # unit heads
                assert certifying == "CHÁNH VĂN PHÒNG"
    assert seen >= 15


# --- the new columns -----------------------------------------------------------------------------


def test_old_workbook_without_the_new_columns_passes(small_round):
    person, collective = small_round.people[0], small_round.collectives[0]
    assert isinstance(person, Person) and isinstance(collective, Collective)
    assert person.profile.birth_date is None and person.profile.hometown == ""
    assert collective.profile.staff is None and collective.profile.head_title == ""


def test_new_columns_are_read(make_workbook, catalog):
    round_, problems = validate(read_workbook(make_workbook(four_kinds()), catalog), catalog)
    assert [p for p in problems if p.is_error] == []
    pom, kinh_te = round_.people[0].profile, round_.collectives[0].profile
    assert (pom.birth_date, pom.hometown, pom.qualification, pom.duties) == \
        (date(1980, 3, 7), "Xã Chiềng Mung, tỉnh Sơn La", "Kỹ sư Nông nghiệp",
         "Phụ trách Phòng Kinh tế.")
    assert (kinh_te.head_title, kinh_te.address, kinh_te.staff, kinh_te.structure) == \
        ("Trưởng phòng Kinh tế", "Tầng 2, nhà B", 6, "01 Trưởng phòng và 05 chuyên viên.")


def test_headings_clerks_write_are_recognised(make_workbook, catalog, tmp_path):
    path = make_workbook(four_kinds())
    book = load_workbook(path)
    sheet = book["Cá nhân"]
    for cell in sheet[3]:
        cell.value = {"Ngày sinh": "Ngày, tháng, năm sinh", "Trình độ chuyên môn":
                      "Trình độ chuyên môn, nghiệp vụ"}.get(cell.value, cell.value)
    book.save(path)
    round_, _ = validate(read_workbook(path, catalog), catalog)
    assert round_.people[0].profile.birth_date == date(1980, 3, 7)
    assert round_.people[0].profile.qualification == "Kỹ sư Nông nghiệp"


@pytest.mark.parametrize(("written", "kind", "expected"), [
    ("31/02/1980", Kind.BAD_DATE, "ngày/tháng/năm sinh đầy đủ, ví dụ 05/3/1985"),
    ("03/1980", Kind.BAD_DATE, "ngày/tháng/năm sinh đầy đủ, ví dụ 05/3/1985"),
    ("07/3/1981", Kind.IMPOSSIBLE, "không khớp với Năm sinh 1980 (cột D); hãy sửa một trong hai"),
])
def test_birth_date_must_be_a_real_date_of_the_birth_year(make_workbook, catalog, written, kind,
                                                          expected):
    data = round_data()
    data["tables"]["individuals"][0] |= {"birth_date": written}
    round_, problems = validate(read_workbook(make_workbook(data), catalog), catalog)
    errors = [p for p in problems if p.is_error]
    assert round_ is None
    assert [(p.kind, p.sheet, p.row, p.header, p.value, p.expected) for p in errors] == \
        [(kind, "Cá nhân", 4, "Ngày sinh", written, expected)]


@given(st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31)), st.booleans())
def test_any_birth_date_reads_back(day, padded):
    written = (f"{day.day:02d}/{day.month:02d}/{day.year}" if padded
               else f"{day.day}/{day.month}/{day.year}")
    assert _date(written) == day


def test_init_has_the_new_columns_with_notes(tmp_path, catalog):
    path = blank_workbook(tmp_path / "mau.xlsx", catalog, year=2026)
    book = load_workbook(path)
    for title, columns in (
            ("Cá nhân", [("Ngày sinh", "birth_date"), ("Quê quán", "hometown"),
                         ("Trú quán", "residence"), ("Chức vụ Đảng, đoàn thể", "party_position"),
                         ("Trình độ chuyên môn", "qualification"), ("Học hàm, học vị", "degrees"),
                         ("Quyền hạn, nhiệm vụ", "duties")]),
            ("Tập thể", [("Chức danh thủ trưởng", "head_title"), ("Trụ sở", "address"),
                         ("Số lượng cán bộ", "staff"), ("Tổ chức bộ máy", "structure"),
                         ("Chức năng, nhiệm vụ", "functions"), ("Biện pháp", "measures")])):
        sheet = book[title]
        headers = {cell.value: cell.coordinate for cell in sheet[3]}
        prompts = {str(cell): v.prompt for v in sheet.data_validations.dataValidation
                   if v.prompt for cell in v.sqref.ranges}
        sheet_key = "individuals" if title == "Cá nhân" else "collectives"
        for label, key in columns:
            assert label in headers, (title, label)
            assert prompts[headers[label]] == NOTES[sheet_key][key]
            assert "ví dụ" in NOTES[sheet_key][key]
    assert check([path]).rounds  # with its example rows, the workbook passes


# --- what the summary says is left to fill by hand -----------------------------------------------


def test_summary_names_the_blank_fields_of_each_report(make_workbook, tmp_path):
    result = CliRunner().invoke(main, ["generate", str(make_workbook(four_kinds())),
                                       "--outputs", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert ("  Báo cáo thành tích còn dòng chấm để điền tay trước khi ký (hoặc ghi vào cột cùng "
            "tên của bảng tính rồi chạy lại):\n"
            "    - bao-cao-thanh-tich/01-phong-kinh-te.docx: còn để trống Biện pháp\n"
            "    - bao-cao-thanh-tich/02-lo-van-pom.docx: còn để trống Trú quán; Học hàm, học vị\n"
            "    - bao-cao-thanh-tich/03-cam-thi-anh.docx: còn để trống Ngày sinh; Quê quán; "
            "Trú quán; Trình độ chuyên môn; Học hàm, học vị\n") in result.output


def test_summary_of_thousands_of_reports_is_a_few_lines():
    gaps = tuple((f"bao-cao-thanh-tich/{n:04d}-nguoi-{n}.docx", ("Quê quán", "Trú quán"))
                 for n in range(1, 1999)) + (
        ("bao-cao-thanh-tich/1999-phong-a.docx", ("Trụ sở",)),
        ("bao-cao-thanh-tich/2000-phong-b.docx", ("Trụ sở",)))
    assert gap_lines(gaps) == [
        "bao-cao-thanh-tich/ (1.998 tệp: 0001-nguoi-1.docx … 1998-nguoi-1998.docx): còn để "
        "trống Quê quán; Trú quán",
        "bao-cao-thanh-tich/ (2 tệp: 1999-phong-a.docx … 2000-phong-b.docx): còn để trống "
        "Trụ sở"]


def test_summary_of_many_different_gaps_counts_each_field():
    fields = ("Ngày sinh", "Quê quán", "Trú quán", "Trình độ chuyên môn")
    gaps = tuple((f"bao-cao-thanh-tich/{n:04d}.docx",
                  tuple(f for i, f in enumerate(fields) if n >> i & 1))
                 for n in range(1, 16))  # fifteen different sets
    assert gap_lines(gaps) == ["Ngày sinh: còn để trống ở 8/15 báo cáo",
                                "Quê quán: còn để trống ở 8/15 báo cáo",
                                "Trú quán: còn để trống ở 8/15 báo cáo",
                                "Trình độ chuyên môn: còn để trống ở 8/15 báo cáo"]


def test_a_report_with_everything_filled_is_not_named(make_workbook, tmp_path):
    data = four_kinds()
    data["tables"]["collectives"][0] |= {"measures": "Giao chỉ tiêu theo tháng."}
    summary = generate([make_workbook(data)], outputs=tmp_path / "out")
    names = [name for name, _ in summary.rounds[0].gaps]
    assert names == ["bao-cao-thanh-tich/02-lo-van-pom.docx",
                     "bao-cao-thanh-tich/03-cam-thi-anh.docx"]


# --- as LibreOffice prints them ------------------------------------------------------------------


@pytest.mark.render
def test_each_form_prints_on_a4_with_its_signature_under_the_text(reports, tmp_path):
    """One report of each kind through LibreOffice: A4, nothing lost, and the page where the
    signatures start also holds the cam đoan above them."""
    require_tools("soffice", "pdftotext", "pdfinfo")
    data = round_data()
    data["tables"]["collectives"][0] |= {"kind": "Phong trào"}
    generate([write_round(tmp_path / "2025-hang-nam.xlsx", data, Catalog())],
             outputs=tmp_path / "out")
    docs = [reports / "01-phong-kinh-te.docx", reports / "02-lo-van-pom.docx",
            reports / "03-cam-thi-anh.docx",
            tmp_path / "out" / "2025-hang-nam" / "bao-cao-thanh-tich" / "01-phong-kinh-te.docx"]
    flat = tmp_path / "pdf"
    flat.mkdir()
    for n, doc in enumerate(docs):
        shutil.copy(doc, flat / f"{n}-{doc.name}")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(flat), *sorted(flat.glob("*.docx"))],
                   check=True, capture_output=True, timeout=300)
    for n, doc in enumerate(docs):
        pdf = flat / f"{n}-{doc.stem}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "(A4)" in info, doc
        text = unicodedata.normalize("NFC", subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout)
        pages = [[line for line in page.splitlines() if line.strip()] for page in text.split("\f")]
        number, at = next((i, k) for i, page in enumerate(pages) for k, line in enumerate(page)
                          if "XÁC NHẬN" in line)
        assert any("sự thật." in line for line in pages[number][:at]), (doc, pages[number])
        missing = _letters(" ".join(docx_lines(doc))) - _letters(text)
        assert not missing, (doc, missing)


def _letters(text: str) -> Counter:
    """Letters and digits, which wrapping never changes."""
    return Counter(ch for ch in unicodedata.normalize("NFC", text) if ch.isalnum())


def test_a_decision_is_written_with_what_the_clerk_recorded_and_dots_for_the_rest():
    assert decision_text(Decision("12/QĐ-VPUB", date(2024, 12, 5), "Chánh Văn phòng")) == (
        "12/QĐ-VPUB ngày 05/12/2024; Chánh Văn phòng")
    assert decision_text(Decision("", None, "")) == "…… ngày ……"
