"""The Hội đồng sheet's member table: read under its key / value rows, checked against the
counts and the meeting day, and written into the biên bản by name and role."""

from __future__ import annotations

from conftest import docx_lines, round_data

from pipeline import generate
from pipeline.errors import Kind
from pipeline.read import read_workbook
from pipeline.validate import validate

ROSTER = [
    {"name": "Hà Minh Tuấn", "position": "Chánh Văn phòng", "role": "Chủ tịch",
     "attended": "Có"},
    {"name": "Lò Thị Hạnh", "position": "Phó Chánh Văn phòng", "role": "PCT",
     "attended": "Vắng", "reason": "Nghỉ ốm"},
    {"name": "Quàng Văn Tươi", "position": "Trưởng phòng Kinh tế", "role": "Ủy viên",
     "attended": "x"},
    {"name": "Cầm Văn Sinh", "position": "Giám đốc Trung tâm Thông tin", "role": "Ủy viên",
     "attended": "Có"},
    {"name": "Lường Thị Mai", "position": "Chuyên viên", "role": "Ủy viên, Thư ký",
     "attended": "Có"},
]


def with_roster(roster=None, **council) -> dict:
    """The small round with a council of five, four at the meeting, and four ballots each."""
    data = round_data()
    data["pairs"]["council"] = {"members": 5, "present": 4, "meeting_date": "02/12/2025",
                                **council}
    data["tables"]["council_members"] = [dict(m) for m in (roster or ROSTER)]
    for row in data["tables"]["collectives"] + data["tables"]["individuals"]:
        row["votes"] = 4
    return data


def checked(path, catalog):
    return validate(read_workbook(path, catalog), catalog)


def errors(problems) -> set[tuple]:
    return {(p.sheet, p.row, p.column, p.kind) for p in problems if p.is_error}


def test_members_give_the_chair_and_the_secretary(make_workbook, catalog):
    """"Thư ký" in a member's Vai trò is a value, not the label of the Thư ký row."""
    round_, problems = checked(make_workbook(with_roster()), catalog)
    assert problems == []
    council = round_.council
    assert (council.members, council.present) == (5, 4)
    assert (council.chair, council.chair_title, council.secretary) == (
        "Hà Minh Tuấn", "Chủ tịch Hội đồng", "Lường Thị Mai")
    assert [(m.row, m.name, m.role.code, m.attended) for m in council.roster] == [
        (8, "Hà Minh Tuấn", "chu-tich", True), (9, "Lò Thị Hạnh", "pho-chu-tich", False),
        (10, "Quàng Văn Tươi", "uy-vien", True), (11, "Cầm Văn Sinh", "uy-vien", True),
        (12, "Lường Thị Mai", "uy-vien-thu-ky", True)]


def test_counts_must_agree_with_the_members(make_workbook, catalog):
    # rows: 3 Tổng số thành viên, 4 Số thành viên dự họp, 5 Ngày họp; members from row 8
    _, problems = checked(make_workbook(with_roster(members=6, present=5)), catalog)
    assert errors(problems) == {("Hội đồng", 3, "B", Kind.IMPOSSIBLE),
                                ("Hội đồng", 4, "B", Kind.IMPOSSIBLE)}
    message = next(p for p in problems if p.row == 3).message
    assert message == ("“6” khác bảng thành viên bên dưới (05 thành viên (không kể Thư ký không "
                       "phải thành viên)); hãy sửa cho khớp.")


def test_a_secretary_who_is_no_member_is_not_counted(make_workbook, catalog):
    roster = [*ROSTER[:4], dict(ROSTER[4], role="Thư ký")]
    _, problems = checked(make_workbook(with_roster(roster)), catalog)
    assert errors(problems) == {("Hội đồng", 3, "B", Kind.IMPOSSIBLE),  # 4 members, not 5
                                ("Hội đồng", 4, "B", Kind.IMPOSSIBLE)}  # 3 present, not 4
    data = with_roster(roster, members=4, present=3)
    for row in data["tables"]["collectives"] + data["tables"]["individuals"]:
        row["votes"] = 3
    round_, problems = checked(make_workbook(data), catalog)
    assert errors(problems) == set()
    assert round_.council.secretary == "Lường Thị Mai"


def test_member_rows_are_checked_cell_by_cell(make_workbook, catalog):
    roster = [dict(m) for m in ROSTER]
    roster[0]["reason"] = "Họp tỉnh"  # present, with a reason for absence: row 8, column F
    roster[3]["role"] = "Chủ tịch Hội đồng"  # a second Chủ tịch: row 11, column D
    _, problems = checked(make_workbook(with_roster(roster)), catalog)
    assert errors(problems) == {("Hội đồng", 8, "F", Kind.IMPOSSIBLE),
                                ("Hội đồng", 11, "D", Kind.IMPOSSIBLE)}
    roster[2]["attended"] = "Có lẽ"  # row 10, column E: the counts wait until it is read
    _, problems = checked(make_workbook(with_roster(roster)), catalog)
    assert errors(problems) == {("Hội đồng", 8, "F", Kind.IMPOSSIBLE),
                                ("Hội đồng", 10, "E", Kind.NOT_IN_LIST)}


def test_the_chair_named_must_be_at_the_meeting(make_workbook, catalog):
    data = with_roster(chair="Lò Thị Hạnh")  # absent; the Chủ trì row comes after Ngày họp
    _, problems = checked(make_workbook(data), catalog)
    (problem,) = [p for p in problems if p.is_error]
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "Hội đồng", 6, "B", "Chủ trì")


def test_meeting_day_is_a_real_day_not_after_signing(make_workbook, catalog):
    data = round_data()  # Ngày ký 05/12/2025
    data["pairs"]["council"] |= {"meeting_date": "06/12/2025"}
    _, problems = checked(make_workbook(data), catalog)
    (problem,) = [p for p in problems if p.is_error]
    assert (problem.sheet, problem.row, problem.column, problem.kind) == (
        "Hội đồng", 5, "B", Kind.IMPOSSIBLE)
    assert str(problem) == (
        "Lỗi: 2025-hang-nam.xlsx, sheet Hội đồng, dòng 5, cột B (Ngày họp): “06/12/2025” sau "
        "Ngày ký của tờ trình, quyết định (05/12/2025, sheet Thông tin); Hội đồng họp trước khi "
        "văn bản được ký, hãy kiểm tra ngày.")
    data["pairs"]["council"] |= {"meeting_date": "31/11/2025"}
    _, problems = checked(make_workbook(data), catalog)
    assert errors(problems) == {("Hội đồng", 5, "B", Kind.BAD_DATE)}
    data["pairs"]["council"] |= {"meeting_date": "11/2025"}  # a month is no meeting day
    _, problems = checked(make_workbook(data), catalog)
    assert errors(problems) == {("Hội đồng", 5, "B", Kind.BAD_DATE)}


def test_meeting_within_the_month_of_a_month_only_signing(make_workbook, catalog):
    data = round_data()
    data["info"]["sign_date"] = "11/2025"
    data["pairs"]["council"] |= {"meeting_date": "30/11/2025"}
    assert errors(checked(make_workbook(data), catalog)[1]) == set()
    data["pairs"]["council"] |= {"meeting_date": "01/12/2025"}
    assert errors(checked(make_workbook(data), catalog)[1]) == {
        ("Hội đồng", 5, "B", Kind.IMPOSSIBLE)}


BIEN_BAN_TOP = [
    "VĂN PHÒNG UBND TỈNH SƠN LA/HỘI\u00a0ĐỒNG THI\u00a0ĐUA\u00a0-\u00a0KHEN\u00a0THƯỞNG/ | "
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/Độc lập - Tự do - Hạnh phúc/",
    "Số:      /BB-HĐTĐKT | Sơn La, ngày 02 tháng 12 năm 2025",
    "BIÊN BẢN",
    "Họp xét khen thưởng\u00a0năm\u00a02025",
    "Thời gian bắt đầu: … giờ …, ngày 02 tháng 12 năm 2025.",
    "Địa điểm: " + "…" * 12 + ".",
    "Thành phần: Hội đồng Thi đua - Khen thưởng Văn phòng Ủy ban nhân dân tỉnh Sơn La; có mặt "
    "04/05 thành viên:",
    "- Hà Minh Tuấn, Chánh Văn phòng, Chủ tịch Hội đồng;",
    "- Quàng Văn Tươi, Trưởng phòng Kinh tế, Ủy viên;",
    "- Cầm Văn Sinh, Giám đốc Trung tâm Thông tin, Ủy viên;",
    "- Lường Thị Mai, Chuyên viên, Ủy viên kiêm Thư ký;",
    "Vắng mặt: 01 thành viên:",
    "- Lò Thị Hạnh, Phó Chánh Văn phòng, Phó Chủ tịch Hội đồng, lý do: nghỉ ốm.",
    "Chủ trì: Hà Minh Tuấn, Chánh Văn phòng, Chủ tịch Hội đồng.",
    "Thư ký: Lường Thị Mai, Chuyên viên.",
    "NỘI DUNG",
]


def test_bien_ban_names_who_came_and_who_did_not(make_workbook, tmp_path):
    generate([make_workbook(with_roster())], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-hang-nam" / "bien-ban-hop-hoi-dong.docx")
    assert lines[:16] == BIEN_BAN_TOP
    assert "5 | Lò Văn Pọm | Chiến sĩ thi đua cơ sở | 4/5 | 80% | ≥ 80% | Đạt" in lines
    assert "6 | Giàng A Páo | Lao động tiên tiến | 4/4 | 100% | > 50% | Đạt" in lines
    assert lines[-1] == "THƯ KÝ//Lường Thị Mai | CHỦ TỊCH HỘI ĐỒNG//Hà Minh Tuấn"


def test_a_vice_chair_chairs_when_the_chair_is_away(make_workbook, tmp_path):
    roster = [dict(m) for m in ROSTER]
    roster[0] |= {"attended": "Vắng", "reason": "Đi công tác"}
    roster[1] |= {"attended": "Có", "reason": None}
    generate([make_workbook(with_roster(roster))], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-hang-nam" / "bien-ban-hop-hoi-dong.docx")
    assert "Chủ trì: Lò Thị Hạnh, Phó Chánh Văn phòng, Phó Chủ tịch Hội đồng." in lines
    assert "- Hà Minh Tuấn, Chánh Văn phòng, Chủ tịch Hội đồng, lý do: đi công tác." in lines
    assert lines[-1] == "THƯ KÝ//Lường Thị Mai | PHÓ CHỦ TỊCH HỘI ĐỒNG//Lò Thị Hạnh"


def test_without_a_meeting_day_the_bien_ban_leaves_its_date_blank(make_workbook, tmp_path):
    """Not the Ngày ký of the decisions: the minutes are dated on the meeting day or by hand."""
    generate([make_workbook()], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-hang-nam" / "bien-ban-hop-hoi-dong.docx")
    assert lines[1] == "Số:      /BB-HĐTĐKT | Sơn La, ngày     tháng       năm 2025"


def test_without_a_chair_named_the_minutes_are_signed_by_who_chaired(make_workbook, tmp_path):
    """No Chủ trì in Hội đồng, no roster: the signature is headed CHỦ TRÌ, names left blank."""
    generate([make_workbook()], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-hang-nam" / "bien-ban-hop-hoi-dong.docx")
    assert lines[-1] == "THƯ KÝ// | CHỦ TRÌ//"


def test_the_minutes_say_why_a_passed_vote_is_not_đạt(make_workbook, tmp_path):
    """Nguyễn Thị Ánh's Giấy khen (line 4) has 9/9 votes but the council concluded "Không
    đạt"; Lò Văn Pọm's Chiến sĩ thi đua cơ sở (line 5) rests on NĐ 152's vote threshold, not
    yet read, and has no conclusion: the minutes say both, by their numbers."""
    from conftest import docx_lines, round_data

    from pipeline import generate

    data = round_data()
    data["tables"]["individuals"][0].pop("conclusion")
    data["tables"]["individuals"][3]["conclusion"] = "Không đạt"
    generate([make_workbook(data)], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-hang-nam" / "bien-ban-hop-hoi-dong.docx")
    assert "4 | Nguyễn Thị Ánh | Giấy khen của Chánh Văn phòng | 9/9 | 100% | > 50% | Không đạt" \
        in lines
    assert "5 | Lò Văn Pọm | Chiến sĩ thi đua cơ sở | 9/9 | 100% | ≥ 80% | Chờ kết luận" in lines
    assert ("Hội đồng thống nhất đề nghị khen thưởng các tập thể, cá nhân có kết quả “Đạt” theo "
            "quy định. 01 đề nghị không đủ điều kiện theo kết quả thẩm định, không đưa vào danh "
            "sách. Đề nghị số 4 có tỷ lệ phiếu đồng ý đạt ngưỡng nhưng Hội đồng xem xét hồ sơ và "
            "kết luận không đạt. Đề nghị số 5 Hội đồng chưa kết luận, cần xem xét thêm hồ sơ; "
            "chưa đưa vào danh sách.") in lines


def shown(problems) -> list[str]:
    return [str(p) for p in problems]


def test_roster_problems_are_shown_whole(make_workbook, catalog):
    roster = [dict(m) for m in ROSTER]
    roster[0]["reason"] = "Họp tỉnh"  # present, with a reason for absence
    roster[3]["role"] = "Chủ tịch Hội đồng"  # a second Chủ tịch
    roster[2]["role"] = "Thư ký"  # a second Thư ký, who is no member: 4 members, 3 present
    data = with_roster(roster, present=4, absent="Lò Thị Hạnh", secretary="Lò Thị Hạnh")
    _, problems = checked(make_workbook(data), catalog)
    where = "2025-hang-nam.xlsx, sheet Hội đồng, dòng"  # members from row 10
    assert shown(problems) == [
        f"Lỗi: {where} 10, cột F (Lý do vắng): “Họp tỉnh” là lý do vắng của người có dự họp; hãy "
        "xoá lý do, hoặc ghi “Vắng” ở cột Dự họp.",
        f"Lỗi: {where} 3, cột B (Tổng số thành viên): “5” khác bảng thành viên bên dưới (04 "
        "thành viên (không kể Thư ký không phải thành viên)); hãy sửa cho khớp.",
        f"Lỗi: {where} 4, cột B (Số thành viên dự họp): “4” khác bảng thành viên bên dưới (03 "
        "thành viên có “Có” ở cột Dự họp); hãy sửa cho khớp.",
        f"Lỗi: {where} 13, cột D (Vai trò trong Hội đồng): “Chủ tịch Hội đồng” Hội đồng chỉ có "
        "một Chủ tịch Hội đồng (dòng 10); hãy sửa vai trò.",
        f"Lỗi: {where} 14, cột D (Vai trò trong Hội đồng): “Ủy viên, Thư ký” Hội đồng chỉ có "
        "một Thư ký (dòng 12); hãy sửa vai trò.",
        f"Cảnh báo: {where} 5, cột B (Thành viên vắng mặt): có cả bảng thành viên: biên bản ghi "
        "người vắng theo bảng thành viên (cột Dự họp, Lý do vắng); dòng này không được dùng.",
        f"Lỗi: {where} 7, cột B (Thư ký): “Lò Thị Hạnh” không có trong bảng thành viên với “Có” "
        "ở cột Dự họp; hãy sửa tên cho khớp bảng."]


def test_the_council_read_from_its_roster(make_workbook, catalog):
    """No Số thành viên dự họp row: counted from the roster. A member named as Thư ký keeps
    the minutes; a vice-chair chairing signs as such, an Ủy viên chairing with no title."""
    roster = [dict(m) for m in ROSTER]
    roster[0] |= {"attended": "Vắng", "reason": "Đi công tác"}
    roster[1] |= {"attended": "Có", "reason": None}
    data = with_roster(roster, present=None, secretary="Cầm Văn Sinh")
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    council = round_.council
    assert (council.present, council.chair, council.chair_title, council.secretary) == (
        4, "Lò Thị Hạnh", "Phó Chủ tịch Hội đồng", "Cầm Văn Sinh")
    roster = [dict(m, role="Ủy viên") for m in ROSTER[:4]]
    data = with_roster(roster, members=4, present=3, chair="Quàng Văn Tươi")
    for row in data["tables"]["collectives"] + data["tables"]["individuals"]:
        row["votes"] = 3
    round_, problems = checked(make_workbook(data), catalog)
    assert problems == []
    council = round_.council
    assert (council.present, council.chair, council.chair_title, council.secretary) == (
        3, "Quàng Văn Tươi", "", "")


def test_no_more_votes_than_voters(make_workbook, catalog):
    where = "2025-hang-nam.xlsx, sheet"
    data = with_roster(present=6)
    _, problems = checked(make_workbook(data), catalog)
    assert shown(problems) == [
        f"Lỗi: {where} Hội đồng, dòng 4, cột B (Số thành viên dự họp): “6” khác bảng thành "
        "viên bên dưới (04 thành viên có “Có” ở cột Dự họp); hãy sửa cho khớp.",
        f"Lỗi: {where} Hội đồng, dòng 4, cột B (Số thành viên dự họp): “6” thành viên dự họp "
        "nhiều hơn tổng số thành viên Hội đồng (5); cần số từ 0 đến 5."]
    data = with_roster()
    data["tables"]["collectives"][1]["votes"] = 5
    _, problems = checked(make_workbook(data), catalog)
    assert shown(problems) == [
        f"Lỗi: {where} Tập thể, dòng 5, cột G (Số phiếu đồng ý): “5” phiếu đồng ý nhiều hơn số "
        "thành viên dự họp (4, sheet Hội đồng); cần số từ 0 đến 4."]
    data = round_data()
    data["pairs"]["council"] = {"members": 9}
    data["tables"]["individuals"][3]["votes"] = 10
    _, problems = checked(make_workbook(data), catalog)
    assert shown(problems) == [
        f"Lỗi: {where} Cá nhân, dòng 7, cột L (Số phiếu đồng ý): “10” phiếu đồng ý nhiều hơn "
        "tổng số thành viên Hội đồng (9, sheet Hội đồng); cần số từ 0 đến 9."]
