"""Validation: every problem at once, each with sheet, row, column, value and expectation."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import round_data

from pipeline.errors import Kind
from pipeline.model import (
    Council,
    Decision,
    PastRecord,
    PersonProfile,
    Quota,
    RoundInfo,
    UnitProfile,
)
from pipeline.read import read_workbook
from pipeline.validate import _basis, _date, _integer, _movement, _text, validate


def checked(path, catalog):
    return validate(read_workbook(path, catalog), catalog)


def test_clean_round_validates(make_workbook, catalog):
    round_, problems = checked(make_workbook(), catalog)
    assert problems == []
    assert round_.slug == "2025-hang-nam"
    assert round_.info.sign_date == date(2025, 12, 5)
    assert round_.regime.name.endswith("152/2025/NĐ-CP")
    assert len(round_.proposals) == 9
    assert round_.people[0].kind.code == "cong-trang"  # blank Loại khen thưởng in a yearly round


def test_six_mistakes_in_six_cells_are_all_reported(make_workbook, catalog):
    data = round_data()
    people = data["tables"]["individuals"]
    people[0]["rating"] = "HTXSVN"  # row 4, column G
    people[1]["birth_year"] = "19x0"  # row 5, column D
    people[2]["unit"] = "Trung tam Thong tim"  # row 6, column F
    people[3]["award"] = "Bằng khen Bộ trưởng"  # row 7, column J
    data["tables"]["collectives"][1]["rating"] = None  # Tập thể row 5, column C
    data["info"]["sign_date"] = "31/02/2025"  # Thông tin
    round_, problems = checked(make_workbook(data), catalog)
    assert round_ is None
    errors = [p for p in problems if p.is_error]
    where = {(p.sheet, p.row, p.column, p.kind) for p in errors}
    assert where == {
        ("Cá nhân", 4, "G", Kind.NOT_IN_LIST),
        ("Cá nhân", 5, "D", Kind.BAD_YEAR),
        ("Cá nhân", 6, "F", Kind.UNKNOWN_UNIT),
        ("Cá nhân", 7, "J", Kind.NOT_IN_LIST),
        ("Tập thể", 5, "C", Kind.REQUIRED),
        ("Thông tin", 11, "B", Kind.BAD_DATE),
    }


def test_messages_say_value_expectation_and_guess(make_workbook, catalog):
    data = round_data()
    data["tables"]["individuals"][0]["rating"] = "HTXSVN"
    data["tables"]["individuals"][2]["unit"] = "Trung tam Thong tim"
    _, problems = checked(make_workbook(data), catalog)
    by_kind = {p.kind: p for p in problems}
    rating = by_kind[Kind.NOT_IN_LIST]
    assert str(rating) == (
        "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 4, cột G (Mức hoàn thành nhiệm vụ): "
        "“HTXSVN” không có trong danh mục; cần một trong: “Hoàn thành xuất sắc nhiệm vụ”, "
        "“Hoàn thành tốt nhiệm vụ”, “Hoàn thành nhiệm vụ”, “Không hoàn thành nhiệm vụ” — "
        "có phải “HTXSNV”?")
    unit = by_kind[Kind.UNKNOWN_UNIT]
    assert unit.value == "Trung tam Thong tim"
    assert unit.hint == "có phải “Trung tâm Thông tin”?"


def test_award_for_the_wrong_subject(make_workbook, catalog):
    data = round_data()
    data["tables"]["individuals"][1]["title"] = "Tập thể lao động tiên tiến"
    _, problems = checked(make_workbook(data), catalog)
    (problem,) = problems
    assert problem.kind is Kind.WRONG_SUBJECT
    assert problem.message == ("“Tập thể lao động tiên tiến” chỉ xét tặng cho tập thể, "
                               "không dùng cho cá nhân.")


def test_missing_required_info_row(make_workbook, catalog):
    data = round_data()
    del data["info"]["signer"]
    _, problems = checked(make_workbook(data), catalog)
    (problem,) = problems
    assert (problem.kind, problem.sheet, problem.expected) == (Kind.MISSING_INFO, "Thông tin",
                                                               "Người ký")


def test_warnings_do_not_stop(make_workbook, catalog):
    data = round_data()
    data["tables"]["individuals"][1]["name"] = "GIÀNG A PÁO"
    data["tables"]["individuals"].append(dict(data["tables"]["individuals"][0],
                                              birth_year=1985, title=None, award=None))
    round_, problems = checked(make_workbook(data), catalog)
    assert round_ is not None
    assert {p.kind for p in problems} == {Kind.ALL_CAPS, Kind.DUPLICATE_PERSON}
    assert round_.people[1].name == "Giàng A Páo"
    duplicate = next(p for p in problems if p.kind is Kind.DUPLICATE_PERSON)
    assert "trùng với dòng 4 (năm sinh 1980 và 1985)" in duplicate.message


def test_sign_date_may_give_only_month_and_year(make_workbook, catalog):
    data = round_data()
    data["info"]["sign_date"] = "tháng 11/2025"
    round_, _ = checked(make_workbook(data), catalog)
    assert (round_.info.sign_date, round_.info.sign_month) == (None, (11, 2025))
    assert round_.info.decision_date == date(2025, 11, 1)  # the month's law and salary apply


def test_round_before_any_rule_file_is_history_only(make_workbook, catalog):
    data = round_data()
    data["info"] |= {"year": 2016, "sign_date": "20/12/2016"}  # before any rule file
    round_, _ = checked(make_workbook(data), catalog)
    assert round_.regime is None


def test_regime_boundary(make_workbook, catalog):
    names = []
    for day in ("30/6/2025", "01/7/2025"):
        data = round_data()
        data["info"]["sign_date"] = day
        names.append(checked(make_workbook(data), catalog)[0].regime.name)
    assert names[0].endswith("98/2023/NĐ-CP") and names[1].endswith("152/2025/NĐ-CP")


def test_signing_for_the_head_needs_the_head_title(make_workbook, catalog):
    data = round_data()
    del data["info"]["head_title"]
    _, problems = checked(make_workbook(data), catalog)
    (problem,) = problems
    assert (problem.kind, problem.value) == (Kind.NEEDS_HEAD, "KT.")
    assert problem.message == ("ký “KT.” cần dòng “Chức vụ thủ trưởng” (ví dụ: Chánh Văn "
                               "phòng).")


def term(catalog, vocab, code):
    return next(t for t in catalog.vocab[vocab] if t.code == code)


def test_every_info_row_reaches_the_round(make_workbook, catalog):
    """Each Thông tin row lands in its field: headers in capitals, căn cứ and the movement
    without the words the documents write around them, a Tên cơ quan kept as written (without
    one it is spelled out from the header: next test), a number or a date in a text cell read
    as Excel shows it (8; 10/12/2025: Excel makes a date of "10/12" typed)."""
    data = round_data()
    data["info"] = {
        "year": "năm 2025", "occasion": "hằng năm",
        "movement": "Phong trào thi đua: “chung sức xây dựng nông thôn mới”",
        "parent_agency": "Ủy ban nhân dân tỉnh Sơn La", "agency": "Văn phòng",
        "agency_name": "Văn phòng UBND tỉnh Sơn La", "agency_code": "VPUB",
        "drafting_unit": "TCHCQT", "place": "Sơn La",
        "sign_date": "05/12/2025", "number_to_trinh": 7,
        "number_bao_cao": 8.0, "number_qd_giay_khen": "9/QĐ-VPUB",
        "number_qd_danh_hieu": date(2025, 12, 10), "fund": "Quỹ thi đua, khen thưởng",
        "period": "2021-2025", "signer": "Hà Minh Tuấn", "signer_title": "Phó Chánh Văn phòng",
        "sign_authority": "KT.", "head_title": "Chánh Văn phòng",
        "addressee": "Chủ tịch Ủy ban nhân dân tỉnh Sơn La",
        "report_addressee": "Sở Nội vụ tỉnh Sơn La", "base_salary": 2340000,
        "basis_functions": "Căn cứ Quyết định số 12/2021/QĐ-UBND về chức năng;",
        "basis_regulation": "căn cứ  Quy chế thi đua, khen thưởng của Văn phòng.",
        "situation": "Tình hình.", "direction": "Chỉ đạo.", "assessment": "Đánh giá.",
        "plans": "Phương hướng.", "proposals": "Kiến nghị.",
    }
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    assert round_.info == RoundInfo(
        year=2025, occasion=term(catalog, "occasion", "hang-nam"),
        movement="Chung sức xây dựng nông thôn mới",
        parent_agency="ỦY BAN NHÂN DÂN TỈNH SƠN LA", agency="VĂN PHÒNG",
        agency_name="Văn phòng UBND tỉnh Sơn La", agency_code="VPUB",
        drafting_unit="TCHCQT", place="Sơn La", sign_date=date(2025, 12, 5), sign_month=None,
        number_to_trinh="7", number_bao_cao="8",
        number_qd_giay_khen="9/QĐ-VPUB", number_qd_danh_hieu="10/12/2025",
        fund="Quỹ thi đua, khen thưởng", period="2021-2025", signer="Hà Minh Tuấn",
        signer_title="Phó Chánh Văn phòng", sign_authority="KT.", head_title="Chánh Văn phòng",
        addressee="Chủ tịch Ủy ban nhân dân tỉnh Sơn La",
        report_addressee="Sở Nội vụ tỉnh Sơn La", base_salary=2340000,
        situation="Tình hình.", direction="Chỉ đạo.", assessment="Đánh giá.",
        plans="Phương hướng.", proposals="Kiến nghị.",
        basis_functions="Quyết định số 12/2021/QĐ-UBND về chức năng",
        basis_regulation="Quy chế thi đua, khen thưởng của Văn phòng")


def test_the_agency_is_spelled_out_from_its_header(make_workbook, catalog):
    """“UỶ” (the old accent place) reads as “Ủy”; the place keeps its capitals."""
    data = round_data()
    del data["info"]["agency_name"]
    data["info"] |= {"parent_agency": "UỶ BAN NHÂN DÂN HUYỆN THUẬN CHÂU", "agency": "VĂN PHÒNG",
                     "place": "Thuận Châu"}
    round_, _ = checked(make_workbook(data), catalog)
    assert round_.info.agency_name == "Văn phòng Ủy ban nhân dân huyện Thuận Châu"


def test_every_column_of_a_collective_and_a_person_reaches_the_round(make_workbook, catalog):
    data = round_data()
    data["tables"]["collectives"][0] |= {
        "code": "P01", "parent": "Văn phòng", "kind": "Phong trào", "votes": "9", "note": "Mới",
        "conclusion": "Đạt", "head_title": "Trưởng phòng Kinh tế", "address": "Tầng 2",
        "staff": 12.0, "structure": "02 tổ", "functions": "Tham mưu", "measures": "Đổi mới"}
    data["tables"]["individuals"][0] |= {
        "code": "CB01", "name": "lò văn pọm", "initiatives": "02", "projects": 1,
        "initiative_scope": "Cơ sở", "discipline": "Không", "kind": "Đột xuất", "votes": 8,
        "note": "Ghi chú", "conclusion": "Không đạt", "birth_date": "05/3/1980",
        "hometown": "Mai Sơn", "residence": "Tô Hiệu", "party_position": "Đảng viên",
        "qualification": "Cử nhân", "degrees": "Thạc sĩ", "duties": "Phụ trách"}
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    economy, info_centre = round_.collectives
    assert vars(economy) == {
        "row": 4, "code": "P01", "name": "Phòng Kinh tế", "parent": "Văn phòng",
        "rating": term(catalog, "rating", "HTXSNV"), "kind": term(catalog, "achievement",
                                                                  "phong-trao"),
        "achievements": "Tham mưu xây dựng nông thôn mới.", "votes": 9, "note": "Mới",
        "conclusion": term(catalog, "conclusion", "dat"),
        "profile": UnitProfile(head_title="Trưởng phòng Kinh tế", address="Tầng 2", staff=12,
                               structure="02 tổ", functions="Tham mưu", measures="Đổi mới")}
    assert vars(info_centre) == {
        "row": 5, "code": "", "name": "Trung tâm Thông tin", "parent": "",
        "rating": term(catalog, "rating", "HTTNV"),
        "kind": term(catalog, "achievement", "cong-trang"), "achievements": "", "votes": 9,
        "note": "", "conclusion": None, "profile": UnitProfile()}
    pom, pao = round_.people[:2]
    assert vars(pom) == {
        "row": 4, "code": "CB01", "name": "Lò Văn Pọm", "sex": term(catalog, "sex", "nam"),
        "birth_year": 1980, "position": "Trưởng phòng", "unit": "Phòng Kinh tế",
        "rating": term(catalog, "rating", "HTXSNV"), "initiatives": 2,
        "initiative_scope": term(catalog, "scope", "co-so"),
        "discipline": term(catalog, "discipline", "khong"),
        "kind": term(catalog, "achievement", "dot-xuat"),
        "achievements": "02 sáng kiến cấp cơ sở.", "votes": 8, "note": "Ghi chú",
        "projects": 1, "conclusion": term(catalog, "conclusion", "khong-dat"),
        "profile": PersonProfile(birth_date=date(1980, 3, 5), hometown="Mai Sơn",
                                 residence="Tô Hiệu", party_position="Đảng viên",
                                 qualification="Cử nhân", degrees="Thạc sĩ",
                                 duties="Phụ trách")}
    assert vars(pao) == {
        "row": 5, "code": "", "name": "Giàng A Páo", "sex": term(catalog, "sex", "nam"),
        "birth_year": 1990, "position": "Chuyên viên", "unit": "Phòng Kinh tế",
        "rating": term(catalog, "rating", "HTTNV"), "initiatives": 0, "initiative_scope": None,
        "discipline": term(catalog, "discipline", "khong"),
        "kind": term(catalog, "achievement", "cong-trang"), "achievements": "", "votes": 9,
        "note": "", "projects": 0, "conclusion": None, "profile": PersonProfile()}
    assert [(p.subject.name, p.award.code) for p in round_.proposals] == [
        ("Phòng Kinh tế", "TTLDTT"), ("Phòng Kinh tế", "BKUBND"),
        ("Trung tâm Thông tin", "TTLDTT"), ("Lò Văn Pọm", "CSTDCS"), ("Lò Văn Pọm", "BKUBND"),
        ("Giàng A Páo", "LDTT"), ("Cầm Thị Ánh", "LDTT"), ("Cầm Thị Ánh", "BKUBND"),
        ("Nguyễn Thị Ánh", "GK")]


def test_a_blank_kind_is_phong_trao_at_a_so_ket(make_workbook, catalog):
    data = round_data()
    data["info"]["occasion"] = "Sơ kết"
    round_, _ = checked(make_workbook(data), catalog)
    phong_trao = term(catalog, "achievement", "phong-trao")
    assert {s.kind for s in round_.collectives + round_.people} == {phong_trao}


DECIDED = {"number": "20/QĐ-VPUB", "date": "10/12/2025", "body": "Chánh Văn phòng",
           "outcome": "Được tặng"}


def test_decisions_name_their_proposal_by_code_or_name_and_birth_year(make_workbook, catalog):
    """Columns A-I: Số, Ngày, Cấp, Mã, Họ và tên, Năm sinh, Đề nghị, Kết quả, Được tặng."""
    data = round_data()
    data["tables"]["individuals"][2]["code"] = "CB03"
    data["tables"]["decisions"] = [
        DECIDED | {"name": "Lò Văn Pọm", "proposed": "CSTĐCS"},
        DECIDED | {"number": "2101/QĐ-UBND", "date": "26/12/2025",
                   "body": "Chủ tịch UBND tỉnh", "code": "CB03", "name": "Ai đó",
                   "proposed": "BK UBND tỉnh", "outcome": "Không được tặng"},
        DECIDED | {"name": "giàng a páo", "birth_year": 1990, "proposed": "LĐTT"},
        DECIDED | {"name": "Nguyễn Thị Ánh", "proposed": "Giấy khen của Chánh Văn phòng",
                   "granted": "LĐTT"},
        DECIDED | {"date": "05/12/2025", "name": "Phòng Kinh tế", "birth_year": 1990,
                   "proposed": "TTLĐTT"},  # signed on the tờ trình's day; no năm sinh to match
    ]
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    pom, pao, anh, nguyen = round_.people
    award = {a.code: a for a in catalog.awards}
    office = Decision("20/QĐ-VPUB", date(2025, 12, 10), "Chánh Văn phòng")
    assert [(d.row, d.decision, d.proposal.subject, d.proposal.award, d.granted)
            for d in round_.decisions] == [
        (4, office, pom, award["CSTDCS"], award["CSTDCS"]),
        (5, Decision("2101/QĐ-UBND", date(2025, 12, 26), "Chủ tịch Ủy ban nhân dân tỉnh"),
         anh, award["BKUBND"], None),
        (6, office, pao, award["LDTT"], award["LDTT"]),
        (7, office, nguyen, award["GK"], award["LDTT"]),
        (8, Decision("20/QĐ-VPUB", date(2025, 12, 5), "Chánh Văn phòng"), round_.collectives[0],
         award["TTLDTT"], award["TTLDTT"])]
    assert all(d.proposal in round_.proposals for d in round_.decisions)


def decision_problems(make_workbook, catalog, rows, change=None):
    data = round_data()
    if change:
        change(data)
    data["tables"]["decisions"] = [DECIDED | row for row in rows]
    round_, problems = checked(make_workbook(data), catalog)
    assert round_ is None
    return [str(p) for p in problems if p.is_error]


def test_a_decision_row_that_cannot_be_is_shown_whole(make_workbook, catalog):
    where = "Lỗi: 2025-hang-nam.xlsx, sheet Quyết định, dòng"
    rows = [{"name": "Lò Văn Pọm", "proposed": "CSTĐCS"},
            {"name": "Lò Văn Pọm", "proposed": "Chiến sĩ thi đua cơ sở", "number": "21"},
            {"name": "Người Không Có", "proposed": "LĐTT"},
            {"name": "Giàng A Páo", "proposed": "LĐTT", "date": "04/12/2025"},
            {"name": "Cầm Thị Ánh", "proposed": "LĐTT", "outcome": "Không được tặng",
             "granted": "LĐTT"}]
    assert decision_problems(make_workbook, catalog, rows) == [
        f"{where} 5, cột E (Họ và tên / Tên tập thể): “Lò Văn Pọm” đã có kết quả quyết định ở "
        "dòng 4.",
        f"{where} 6, cột E (Họ và tên / Tên tập thể): “Người Không Có” không có đề nghị “Lao "
        "động tiên tiến” trong bảng tính này; quyết định chỉ ghi cho đề nghị của đợt.",
        f"{where} 7, cột C (Ngày quyết định): “04/12/2025” trước ngày ký tờ trình, quyết định "
        "của đợt (05/12/2025); hãy kiểm tra ngày.",
        f"{where} 8, cột H (Danh hiệu, hình thức được tặng): “LĐTT” được ghi là hình thức "
        "được tặng, nhưng Kết quả là “Không được tặng”; hãy xoá một trong hai."]


def test_a_decision_for_two_people_of_one_name_asks_which(make_workbook, catalog):
    def twins(data):
        people = data["tables"]["individuals"]
        people.append(dict(people[1], birth_year=1991))

    where = "Lỗi: 2025-hang-nam.xlsx, sheet Quyết định, dòng"
    rows = [{"name": "Giàng A Páo", "proposed": "LĐTT"},
            {"name": "Giàng A Páo", "birth_year": 1992, "proposed": "LĐTT"}]
    assert decision_problems(make_workbook, catalog, rows, twins) == [
        f"{where} 4, cột E (Họ và tên / Tên tập thể): “Giàng A Páo” khớp với nhiều người (dòng "
        "5, 8); hãy ghi Mã hoặc Đơn vị để phân biệt.",
        f"{where} 5, cột E (Họ và tên / Tên tập thể): “Giàng A Páo” không có đề nghị “Lao động "
        "tiên tiến” trong bảng tính này; quyết định chỉ ghi cho đề nghị của đợt."]


def test_a_decision_dated_by_its_month_alone_is_reported(make_workbook, catalog):
    """It was dropped without a word, leaving the proposal undecided; the rows after it are
    still read."""
    rows = [{"name": "Lò Văn Pọm", "proposed": "CSTĐCS", "date": "12/2025"},
            {"name": "Người Không Có", "proposed": "LĐTT"}]
    assert decision_problems(make_workbook, catalog, rows) == [
        "Lỗi: 2025-hang-nam.xlsx, sheet Quyết định, dòng 4, cột C (Ngày quyết định): “12/2025” "
        "không phải ngày hợp lệ; cần ngày/tháng/năm của quyết định, ví dụ 10/12/2025.",
        "Lỗi: 2025-hang-nam.xlsx, sheet Quyết định, dòng 5, cột E (Họ và tên / Tên tập thể): "
        "“Người Không Có” không có đề nghị “Lao động tiên tiến” trong bảng tính này; quyết định "
        "chỉ ghi cho đề nghị của đợt."]


def test_quota_rows_reach_the_round(make_workbook, catalog):
    data = round_data()
    data["tables"]["quotas"] = [
        {"award": "TTLĐTT", "collectives": 1, "individuals": "2", "source": "Công văn 5/SNV"},
        {"award": "Bằng khen của Chủ tịch UBND tỉnh"}]
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    award = {a.code: a for a in catalog.awards}
    assert round_.quotas == (Quota(4, award["TTLDTT"], 1, 2, "Công văn 5/SNV"),
                             Quota(5, award["BKUBND"], None, None, ""))


def test_an_empty_required_cell_says_what_it_needs(make_workbook, catalog):
    """The need by the column's kind: a year, a number, a day, a name, one of a list, or the
    column's own label."""
    from openpyxl import load_workbook

    data = round_data()
    data["tables"]["individuals"][1] |= {"birth_year": None, "sex": None, "unit": None}
    data["tables"]["history"] = [{"name": "Phòng Kinh tế", "years": None, "what": None}]
    path = make_workbook(data)
    book = load_workbook(path)
    book["Hội đồng"]["B3"] = None  # Tổng số thành viên
    book.save(path)
    _, problems = checked(path, catalog)
    where = "Lỗi: 2025-hang-nam.xlsx, sheet"
    assert [str(p) for p in problems if p.kind is Kind.REQUIRED] == [
        f"{where} Cá nhân, dòng 5, cột C (Giới tính): ô trống; cần một trong: “Nam”, “Nữ”.",
        f"{where} Cá nhân, dòng 5, cột D (Năm sinh): ô trống; cần năm có 4 chữ số.",
        f"{where} Cá nhân, dòng 5, cột F (Đơn vị): ô trống; cần “Đơn vị”.",
        f"{where} Lịch sử, dòng 4, cột C (Năm): ô trống; cần “Năm”.",
        f"{where} Lịch sử, dòng 4, cột D (Kết quả): ô trống; cần “Kết quả”.",
        f"{where} Hội đồng, dòng 3, cột B (Tổng số thành viên): ô trống; cần một số."]
    rows = [{"date": None, "name": "Lò Văn Pọm", "proposed": None}]  # read once all else is
    assert decision_problems(make_workbook, catalog, rows) == [
        f"{where} Quyết định, dòng 4, cột C (Ngày quyết định): ô trống; cần một ngày.",
        f"{where} Quyết định, dòng 4, cột F (Danh hiệu, hình thức đề nghị): ô trống; cần một "
        "trong: “Huân chương Lao động hạng Ba”, “Bằng khen của Thủ tướng Chính phủ”, “Bằng khen "
        "của Chủ tịch Ủy ban nhân dân tỉnh”, “Giấy khen của Chánh Văn phòng”, “Chiến sĩ thi đua "
        "toàn quốc”, “Chiến sĩ thi đua cấp tỉnh”, “Chiến sĩ thi đua cơ sở”, “Lao động tiên "
        "tiến”, “Cờ thi đua của Ủy ban nhân dân tỉnh”, “Tập thể lao động xuất sắc”, “Tập thể lao "
        "động tiên tiến”."]


def test_a_birth_date_is_a_whole_day_of_the_birth_year(make_workbook, catalog):
    data = round_data()
    data["tables"]["individuals"][0]["birth_date"] = "3/1980"
    data["tables"]["individuals"][1]["birth_date"] = "05/3/1991"  # Năm sinh 1990
    data["tables"]["individuals"][2]["birth_date"] = "31/02/1988"
    _, problems = checked(make_workbook(data), catalog)
    where = "Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng"
    assert [str(p) for p in problems] == [
        f"{where} 4, cột N (Ngày sinh): “3/1980” không phải ngày hợp lệ; cần ngày/tháng/năm "
        "sinh đầy đủ, ví dụ 05/3/1985.",
        f"{where} 5, cột N (Ngày sinh): “05/3/1991” không khớp với Năm sinh 1990 (cột D); hãy "
        "sửa một trong hai.",
        f"{where} 6, cột N (Ngày sinh): “31/02/1988” không phải ngày hợp lệ; cần ngày/tháng/năm "
        "sinh đầy đủ, ví dụ 05/3/1985."]


def test_every_column_of_a_history_row_reaches_the_round(make_workbook, catalog):
    data = round_data()
    data["tables"]["individuals"][0]["code"] = "CB01"
    data["tables"]["history"] = [
        {"code": "CB01", "name": "Lò Văn Pọm", "birth_year": 1980, "unit": "Phòng Kinh tế",
         "years": "2022 - 2024", "what": "CSTĐCS", "initiatives": 1, "kind": "Công trạng",
         "decision_number": "15/QĐ-VPUB", "decision_date": "10/12/2024",
         "body": "Chánh Văn phòng"},
        {"name": "Phòng Kinh tế", "years": "năm 2023", "what": "HTXSNV"},
        {"name": "Phòng Kinh tế", "years": "2024-2024", "what": "HTXSNV",
         "decision_number": "3/QĐ-VPUB", "decision_date": "12/2024"}]  # a month: no day known
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    award = {a.code: a for a in catalog.awards}
    excellent = term(catalog, "rating", "HTXSNV")
    assert round_.history == (
        PastRecord(4, "CB01", "Lò Văn Pọm", 1980, "Phòng Kinh tế", (2022, 2023, 2024),
                   award["CSTDCS"], 1, term(catalog, "achievement", "cong-trang"),
                   "15/QĐ-VPUB", date(2024, 12, 10), "Chánh Văn phòng"),
        PastRecord(5, "", "Phòng Kinh tế", None, "", (2023,), excellent, None, None, "", None),
        PastRecord(6, "", "Phòng Kinh tế", None, "", (2024,), excellent, None, None,
                   "3/QĐ-VPUB", None))


def test_years_run_from_1900_to_2100(make_workbook, catalog):
    data = round_data()
    people = data["tables"]["individuals"]
    people[0]["birth_year"], people[1]["birth_year"] = 1900, "2100"
    people[2]["birth_year"], people[3]["birth_year"] = 1899, "2101"
    data["tables"]["history"] = [
        {"name": "Phòng Kinh tế", "years": "1900-2100", "what": "HTXSNV"},
        {"name": "Phòng Kinh tế", "years": "1899-1900", "what": "HTXSNV"},
        {"name": "Phòng Kinh tế", "years": "2100-2101", "what": "HTXSNV"},
        {"name": "Phòng Kinh tế", "years": "2024-2023", "what": "HTXSNV"}]
    _, problems = checked(make_workbook(data), catalog)
    bad = "không phải năm hợp lệ; cần năm có 4 chữ số, ví dụ 1985."
    assert [str(p) for p in problems if p.is_error] == [
        f"Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 6, cột D (Năm sinh): “1899” {bad}",
        f"Lỗi: 2025-hang-nam.xlsx, sheet Cá nhân, dòng 7, cột D (Năm sinh): “2101” {bad}",
        f"Lỗi: 2025-hang-nam.xlsx, sheet Lịch sử, dòng 5, cột C (Năm): “1899-1900” {bad}",
        f"Lỗi: 2025-hang-nam.xlsx, sheet Lịch sử, dòng 6, cột C (Năm): “2100-2101” {bad}",
        f"Lỗi: 2025-hang-nam.xlsx, sheet Lịch sử, dòng 7, cột C (Năm): “2024-2023” {bad}"]


@pytest.mark.parametrize("day", ["05/01/2026", "tháng 1/2026"])
def test_a_sign_date_outside_the_rounds_year_is_refused_in_its_cell(make_workbook, catalog, day):
    data = round_data()
    data["info"]["sign_date"] = day
    _, problems = checked(make_workbook(data), catalog)
    assert [str(p) for p in problems] == [
        f"Lỗi: 2025-hang-nam.xlsx, sheet Thông tin, dòng 11, cột B (Ngày ký): “{day}” không "
        "thuộc năm 2025 của đợt (dòng Năm); cần một ngày trong năm 2025, hoặc sửa dòng Năm."]


def test_a_unit_is_spelled_as_the_tap_the_sheet_writes_it(make_workbook, catalog):
    """Case and spaces are put right silently, a missing accent with a warning, a unit with no
    near name is refused without a guess; with no Tập thể at all, any unit is taken as written."""
    data = round_data()
    people = data["tables"]["individuals"]
    people[0]["unit"] = "phòng  kinh TẾ"
    people[1]["unit"] = "Phong Kinh te"
    people[2]["unit"] = "Ban Quản lý dự án"
    round_, problems = checked(make_workbook(data), catalog)
    where = "2025-hang-nam.xlsx, sheet Cá nhân, dòng"
    assert [str(p) for p in problems] == [
        f"Cảnh báo: {where} 5, cột F (Đơn vị): “Phong Kinh te” khác cách viết trong sheet Tập "
        "thể; văn bản sẽ ghi “Phòng Kinh tế”.",
        f"Lỗi: {where} 6, cột F (Đơn vị): đơn vị “Ban Quản lý dự án” không có trong sheet Tập "
        "thể; cần một trong: “Phòng Kinh tế”, “Trung tâm Thông tin”."]
    data["tables"]["collectives"] = []
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    assert [p.unit for p in round_.people[:3]] == ["phòng kinh TẾ", "Phong Kinh te",
                                                   "Ban Quản lý dự án"]


def test_a_collective_proposed_for_a_persons_title_is_refused(make_workbook, catalog):
    data = round_data()
    data["tables"]["collectives"][1]["title"] = "Chiến sĩ thi đua cơ sở"
    _, problems = checked(make_workbook(data), catalog)
    assert [str(p) for p in problems] == [
        "Lỗi: 2025-hang-nam.xlsx, sheet Tập thể, dòng 5, cột D (Danh hiệu đề nghị): “Chiến sĩ "
        "thi đua cơ sở” chỉ xét tặng cho cá nhân, không dùng cho tập thể."]


def test_a_one_letter_name_is_not_shouting_two_letters_are(make_workbook, catalog):
    data = round_data()
    data["tables"]["individuals"][0]["name"] = "A"
    data["tables"]["individuals"][1]["name"] = "PÁ"
    round_, problems = checked(make_workbook(data), catalog)
    assert [(p.kind, p.row, p.expected) for p in problems] == [(Kind.ALL_CAPS, 5, "Pá")]


def test_zero_is_a_count(make_workbook, catalog):
    data = round_data()
    data["tables"]["quotas"] = [{"award": "TTLĐTT", "collectives": 0, "individuals": "0"}]
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    assert (round_.quotas[0].collectives, round_.quotas[0].individuals) == (0, 0)


@pytest.mark.parametrize(("value", "number"), [
    (9, 9), (9.0, 9), ("9", 9), ("+9", 9), ("9,0", 9), ("9.00", 9),
    (9.5, None), ("9,5", None), ("chín", None), (True, None), (None, None)])
def test_whole_numbers_are_read_as_written(value, number):
    assert _integer(value) == number


@pytest.mark.parametrize(("value", "day"), [
    (1, date(1900, 1, 1)), (45658, date(2025, 1, 1)), (46000, date(2025, 12, 9)), (0, None),
    (2958466, None),
    ("05/3/2026", date(2026, 3, 5)), ("2026-03-05", date(2026, 3, 5)), ("11/2026", (11, 2026)),
    ("1/2026", (1, 2026)), ("tháng 12/2026", (12, 2026)), ("13/2026", None), ("0/2026", None),
    ("31/02/2026", None), ("ngày mai", None), (True, None)])
def test_a_date_is_an_excel_serial_from_day_one_or_written_out(value, day):
    assert _date(value) == day


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), (7.0, "7"), (7.5, "7.5"), (date(2026, 3, 5), "05/03/2026"), ("Số 7", "Số 7")])
def test_a_cell_reads_as_the_text_excel_shows(value, text):
    assert _text(value) == text


@pytest.mark.parametrize(("typed", "name"), [
    ("Phong trào thi đua “Chung sức xây dựng nông thôn mới”",
     "Chung sức xây dựng nông thôn mới"),
    ("phong trào: thi đua chào mừng Đại hội X", "Thi đua chào mừng Đại hội X"),
    ("chung sức xây dựng nông thôn mới", "chung sức xây dựng nông thôn mới")])
def test_a_movement_keeps_its_own_words_only(typed, name):
    """The words around it are dropped; a name typed bare is kept exactly as typed."""
    assert _movement(typed) == name


def test_a_basis_keeps_its_own_words_only():
    assert _basis("Căn cứ Nghị quyết Đại hội Đảng bộ lần thứ XX;") == (
        "Nghị quyết Đại hội Đảng bộ lần thứ XX")


def test_an_unknown_past_result_is_guessed_from_ratings_titles_then_awards(make_workbook,
                                                                            catalog):
    data = round_data()
    data["tables"]["history"] = [
        {"name": "Phòng Kinh tế", "years": 2024, "what": what}
        for what in ("Chiến sỹ thi đua cơ sở", "Bằng khen của Thủ tướng Chíng phủ", "khác")]
    _, problems = checked(make_workbook(data), catalog)
    assert [(p.kind, p.row, p.hint) for p in problems] == [
        (Kind.NOT_IN_LIST, 4, "có phải “Chiến sĩ thi đua cơ sở”?"),
        (Kind.NOT_IN_LIST, 5, "có phải “Bằng khen của Thủ tướng Chính phủ”?"),
        (Kind.NOT_IN_LIST, 6, "")]


def test_every_council_row_reaches_the_round(make_workbook, catalog):
    data = round_data()
    data["pairs"]["council"] = {
        "members": 10, "present": 9, "absent": "Lò Thị Hạnh (nghỉ ốm)",
        "meeting_date": "02/12/2025", "start_time": "8 giờ 00", "end_time": "10 giờ 30",
        "venue": "Phòng họp tầng 2", "chair": "Hà Minh Tuấn", "chair_title": "Chánh Văn phòng",
        "secretary": "Lường Thị Mai", "number": "12/BB-HĐTĐKT"}
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    assert round_.council == Council(
        10, 9, "Lò Thị Hạnh (nghỉ ốm)", date(2025, 12, 2), "8 giờ 00", "10 giờ 30",
        "Phòng họp tầng 2", "Hà Minh Tuấn", "Chánh Văn phòng", "Lường Thị Mai", "12/BB-HĐTĐKT")


def test_a_meeting_dated_by_its_month_alone_is_reported(make_workbook, catalog):
    data = round_data()
    data["pairs"]["council"] |= {"meeting_date": "11/2025"}
    _, problems = checked(make_workbook(data), catalog)
    assert [str(p) for p in problems] == [
        "Lỗi: 2025-hang-nam.xlsx, sheet Hội đồng, dòng 5, cột B (Ngày họp): “11/2025” không "
        "phải ngày hợp lệ; cần ngày/tháng/năm của cuộc họp, ví dụ 26/11/2025."]


def test_ages_from_18_to_70_are_working_life(make_workbook, catalog):
    data = round_data()  # year 2025
    for person, born in zip(data["tables"]["individuals"], (2007, 1955, 2008, 1954),
                            strict=False):
        person["birth_year"] = born
    _, problems = checked(make_workbook(data), catalog)
    assert [(p.kind, p.row, p.expected) for p in problems] == [
        (Kind.AGE, 6, "17"), (Kind.AGE, 7, "71")]


def test_a_disciplined_person_proposed_for_an_award_alone_is_flagged_at_the_award(
        make_workbook, catalog):
    data = round_data()
    person = data["tables"]["individuals"][0]
    person |= {"discipline": "Khiển trách", "title": None}
    _, problems = checked(make_workbook(data), catalog)
    assert [(p.kind, p.row, p.column) for p in problems] == [(Kind.CONTRADICTION, 4, "K")]
    assert problems[0].header == "Hình thức khen thưởng đề nghị"


def test_decisions_are_read_only_once_the_rest_is_clean(make_workbook, catalog):
    """A Quyết định row naming a proposal whose own cell is wrong adds nothing to that cell's
    error: the proposal is not known yet."""
    data = round_data()
    data["tables"]["individuals"][0]["award"] = "Bằng khen Bộ trưởng"
    data["tables"]["decisions"] = [DECIDED | {"name": "Lò Văn Pọm",
                                              "proposed": "Bằng khen của Chủ tịch UBND tỉnh"}]
    _, problems = checked(make_workbook(data), catalog)
    assert [(p.sheet, p.kind) for p in problems] == [("Cá nhân", Kind.NOT_IN_LIST)]


def test_signing_in_ones_own_name_has_no_authority_word(make_workbook, catalog):
    data = round_data()
    del data["info"]["sign_authority"]
    round_, problems = checked(make_workbook(data), catalog)
    assert (problems, round_.info.sign_authority) == ([], "")


def test_an_unknown_occasion_is_the_one_problem(make_workbook, catalog):
    data = round_data()
    data["info"]["occasion"] = "hằng quý"
    round_, problems = checked(make_workbook(data), catalog)
    assert round_ is None
    assert [(p.sheet, p.kind, p.value) for p in problems] == [
        ("Thông tin", Kind.NOT_IN_LIST, "hằng quý")]
