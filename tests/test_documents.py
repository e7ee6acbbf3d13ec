"""The generated documents read as a clerk expects them to (golden text)."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import docx_lines, round_data

from pipeline import generate

HEADER = ("ỦY BAN NHÂN DÂN TỈNH SƠN LA/VĂN PHÒNG/ | "
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/Độc lập - Tự do - Hạnh phúc/")
SIGNATURE = "KT. CHÁNH VĂN PHÒNG/PHÓ CHÁNH VĂN PHÒNG//Hà Minh Tuấn"
SUMMARY = ("Năm 2025, Văn phòng Ủy ban nhân dân tỉnh Sơn La có 02 phòng, ban, đơn vị và 04 cán "
           "bộ, công chức, viên chức, người lao động được đánh giá, xếp loại; trong đó 02 người "
           "hoàn thành xuất sắc nhiệm vụ, 02 người hoàn thành tốt nhiệm vụ.")

TO_TRINH = [
    HEADER,
    "Số: 07/TTr-VPUB | Sơn La, ngày 05 tháng 12 năm 2025",
    "TỜ TRÌNH",
    # the last words kept together ("tỉnh năm 2025"): no line of a trích yếu holds one word
    "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\u00a0năm\u00a02025",
    "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Sơn La.",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng Văn phòng Ủy ban nhân dân tỉnh "
    "Sơn La.",
    SUMMARY,
    "Văn phòng Ủy ban nhân dân tỉnh Sơn La kính trình Chủ tịch Ủy ban nhân dân tỉnh Sơn La xem "
    "xét, khen thưởng cho 01 tập thể và 01 cá nhân, cụ thể:",
    "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 01 tập thể và 01 cá nhân.",
    "Tổng số tiền thưởng theo quy định: 10.530.000 đồng (Bằng chữ: Mười triệu năm trăm ba mươi "
    "nghìn đồng).",
    "Hồ sơ kèm theo gồm:",
    "- Danh sách tập thể, cá nhân đề nghị khen thưởng;",
    "- Báo cáo thành tích của các tập thể, cá nhân;",
    "- Biên bản họp Hội đồng Thi đua - Khen thưởng.",
    "Kính trình Chủ tịch Ủy ban nhân dân tỉnh Sơn La xem xét, quyết định./.",
    "Nơi nhận:/- Như trên;/- Sở Nội vụ;/- Lưu: VT, TCHCQT. | " + SIGNATURE,
]

DANH_SACH = [
    HEADER,
    "DANH SÁCH",
    "Tập thể, cá nhân đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025",
    "(Kèm theo Tờ trình số 07/TTr-VPUB ngày 05 tháng 12 năm 2025 của Văn phòng Ủy ban nhân dân "
    "tỉnh Sơn La)",
    "STT | Họ và tên / Tên tập thể | Năm sinh | Giới tính | Chức vụ, đơn vị công tác | "
    "Tóm tắt thành tích | Ghi chú",
    "A. BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
    "I. TẬP THỂ",
    "1 | Phòng Kinh tế |  |  | Văn phòng Ủy ban nhân dân tỉnh Sơn La | "
    "Tham mưu xây dựng nông thôn mới. | ",
    "II. CÁ NHÂN",
    "1 | Ông Lò Văn Pọm | 1980 | Nam | Trưởng phòng, Phòng Kinh tế | 02 sáng kiến cấp cơ sở. | ",
]

BAO_CAO_EXCERPT = [
    "Số:      /BC-VPUB | Sơn La, ngày 05 tháng 12 năm 2025",
    "BÁO CÁO",
    "Kết quả thực hiện phong trào thi đua và công tác khen thưởng\u00a0năm\u00a02025",
    "Kính gửi: Sở Nội vụ tỉnh Sơn La.",
    "I. ĐẶC ĐIỂM TÌNH HÌNH",
    SUMMARY,
    "Về tập thể: tổng số 02; 01 tập thể hoàn thành xuất sắc nhiệm vụ (50%); 01 tập thể hoàn "
    "thành tốt nhiệm vụ (50%).",
    "Tổng số lượt đề nghị: 03 tập thể và 05 cá nhân; trong đó thuộc thẩm quyền Chánh Văn phòng "
    "quyết định: 02 tập thể và 04 cá nhân; trình Chủ tịch Ủy ban nhân dân tỉnh Sơn La xem xét: "
    "01 tập thể và 01 cá nhân. Ngoài ra có 01 lượt đề nghị không đủ điều kiện theo quy định, "
    "không đưa vào danh sách.",
    "Tổng số tiền thưởng theo quy định: 18.760.000 đồng (Bằng chữ: Mười tám triệu bảy trăm sáu "
    "mươi nghìn đồng).",
    "1 | Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 1 | 1 | Chủ tịch Ủy ban nhân dân tỉnh | "
    "10.530.000",
    "4 | Lao động tiên tiến | 0 | 2 | Chánh Văn phòng | 1.420.000",
    " | Tổng cộng | 3 | 5 |  | 18.760.000",
    "1 | Phòng Kinh tế | 2 | 01 CSTĐCS, 01 LĐTT, 01 TTLĐTT | 02 BK UBND tỉnh",
    "2 | Trung tâm Thông tin | 2 | 01 LĐTT, 01 TTLĐTT | 01 Giấy khen",
    " | Tổng cộng | 4 |  | ",
    "Trên đây là báo cáo kết quả thực hiện phong trào thi đua và công tác khen thưởng năm 2025 "
    "của Văn phòng Ủy ban nhân dân tỉnh Sơn La./.",
    "Nơi nhận:/- Sở Nội vụ;/- Lãnh đạo Văn phòng;/- Lưu: VT, TCHCQT. | " + SIGNATURE,
]


@pytest.fixture
def documents(make_workbook, tmp_path):
    generate([make_workbook()], outputs=tmp_path / "outputs")
    return tmp_path / "outputs" / "2025-hang-nam"


def test_to_trinh_text(documents):
    assert docx_lines(documents / "to-trinh-de-nghi-khen-thuong.docx") == TO_TRINH


def test_danh_sach_text(documents):
    assert docx_lines(documents / "danh-sach-de-nghi-khen-thuong.docx") == DANH_SACH


def test_bao_cao_text(documents):
    lines = docx_lines(documents / "bao-cao-ket-qua.docx")
    missing = [line for line in BAO_CAO_EXCERPT if line not in lines]
    assert missing == []
    assert lines.index("III. ĐÁNH GIÁ CHUNG") < lines.index("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ")
    assert lines[lines.index("III. ĐÁNH GIÁ CHUNG") + 1].startswith("……")  # left for the clerk


def test_counts_in_to_trinh_match_danh_sach(documents):
    rows = [line for line in docx_lines(documents / "danh-sach-de-nghi-khen-thuong.docx")
            if line[:1].isdigit()]
    assert len(rows) == 2  # "01 tập thể và 01 cá nhân" in the tờ trình


def test_blank_number_and_day_are_left_for_van_thu(make_workbook, tmp_path):
    data = round_data()
    data["info"] |= {"number_to_trinh": None, "sign_date": "11/2025"}
    generate([make_workbook(data)], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-hang-nam" / "to-trinh-de-nghi-khen-thuong.docx")
    assert lines[1] == "Số:      /TTr-VPUB | Sơn La, ngày     tháng 11 năm 2025"


def messy_twin(data: dict) -> dict:
    """The same round as a careless spreadsheet holds it: NFD, capitals, abbreviations, spaces."""
    nfd = lambda text: "  " + unicodedata.normalize("NFD", text) + " "  # noqa: E731
    abbreviations = {"Hoàn thành xuất sắc nhiệm vụ": "HTXSNV", "Hoàn thành tốt nhiệm vụ": "httnv",
                     "Bằng khen của Chủ tịch UBND tỉnh": "BK UBND tỉnh",
                     "Tập thể lao động tiên tiến": "TTLĐTT", "Lao động tiên tiến": "LĐTT",
                     "Chiến sĩ thi đua cơ sở": "CSTĐCS", "Giấy khen của Chánh Văn phòng": "GK CVP"}
    for sheet, rows in data["tables"].items():
        for row in rows:
            for key, value in row.items():
                if isinstance(value, str):
                    value = abbreviations.get(value, value)
                    if sheet == "individuals" and key in ("name", "unit"):
                        value = value.upper() if key == "name" else value.lower()
                    row[key] = nfd(value)
            if "birth_year" in row:
                row["birth_year"] = str(row["birth_year"])
    data["info"] = {k: nfd(v) if isinstance(v, str) else v for k, v in data["info"].items()}
    return data


def test_messy_twin_gives_the_same_documents(make_workbook, tmp_path):
    generate([make_workbook()], outputs=tmp_path / "clean")
    summary = generate([make_workbook(messy_twin(round_data()), name="messy.xlsx")],
                       outputs=tmp_path / "messy")
    assert summary.warnings  # the capitals are pointed out
    folder = tmp_path / "clean" / "2025-hang-nam"
    clean_docs = sorted(folder.rglob("*.*x"))
    assert len(clean_docs) == 10
    for path in clean_docs:
        twin = tmp_path / "messy" / "2025-hang-nam" / path.relative_to(folder)
        assert twin.read_bytes() == path.read_bytes(), path.name


MEETING = {"meeting_date": "02/12/2025", "start_time": "14 giờ 00", "end_time": "16 giờ 00",
           "venue": "Phòng họp tầng 2", "chair": "Hà Minh Tuấn",
           "chair_title": "Chủ tịch Hội đồng", "secretary": "Lường Thị Mai"}


@pytest.fixture
def full_set(make_workbook, tmp_path):
    data = round_data()
    data["pairs"]["council"] |= MEETING
    generate([make_workbook(data)], outputs=tmp_path / "outputs")
    return tmp_path / "outputs" / "2025-hang-nam"


QD_DANH_HIEU = [
    HEADER,
    "Số:      /QĐ-VPUB | Sơn La, ngày 05 tháng 12 năm 2025",
    "QUYẾT ĐỊNH",
    "Về việc công nhận danh hiệu thi đua\u00a0năm\u00a02025",
    "CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH SƠN LA",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ " + "…" * 28 + ";",  # the office's functions: not in the workbook, written by hand
    "Căn cứ " + "…" * 28 + ";",  # its thi đua, khen thưởng regulation, likewise
    "Theo đề nghị của Hội đồng Thi đua - Khen thưởng Văn phòng Ủy ban nhân dân tỉnh Sơn La.",
    "QUYẾT ĐỊNH:",
    "Điều 1. Công nhận danh hiệu “Chiến sĩ thi đua cơ sở” cho 01 cá nhân; danh hiệu “Lao động "
    "tiên tiến” cho 02 cá nhân; danh hiệu “Tập thể lao động tiên tiến” cho 02 tập thể (có danh "
    "sách kèm theo), đã đạt tiêu chuẩn danh hiệu thi đua theo quy định năm 2025.",
    "Điều 2. Mỗi cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở” được thưởng 2.340.000 đồng (1,0 "
    "lần mức lương cơ sở); mỗi cá nhân đạt danh hiệu “Lao động tiên tiến” được thưởng 710.000 "
    "đồng (0,3 lần mức lương cơ sở); mỗi tập thể đạt danh hiệu “Tập thể lao động tiên tiến” được "
    "thưởng 1.880.000 đồng (0,8 lần mức lương cơ sở). Tổng số tiền: 7.520.000 đồng (Bằng chữ: "
    "Bảy triệu năm trăm hai mươi nghìn đồng), chi từ Quỹ thi đua, khen thưởng của Văn phòng Ủy "
    "ban nhân dân tỉnh Sơn La.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Trưởng các phòng, ban, đơn vị thuộc Văn "
    "phòng và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    "Nơi nhận:/- Như Điều 3;/- Lưu: VT, TCHCQT. | " + SIGNATURE,
    "DANH SÁCH",
    "Tập thể, cá nhân được công nhận danh hiệu thi đua năm 2025",
    "(Kèm theo Quyết định số      /QĐ-VPUB ngày 05 tháng 12 năm 2025 của Chánh Văn phòng Ủy ban "
    "nhân dân tỉnh Sơn La)",
    "STT | Họ và tên / Tên tập thể | Chức vụ, đơn vị công tác | Ghi chú",
    "A. CHIẾN SĨ THI ĐUA CƠ SỞ",
    "I. CÁ NHÂN",
    "1 | Ông Lò Văn Pọm | Trưởng phòng, Phòng Kinh tế | ",
    "B. LAO ĐỘNG TIÊN TIẾN",
    "I. CÁ NHÂN",
    "1 | Ông Giàng A Páo | Chuyên viên, Phòng Kinh tế | ",
    "2 | Bà Cầm Thị Ánh | Viên chức, Trung tâm Thông tin | ",
    "C. TẬP THỂ LAO ĐỘNG TIÊN TIẾN",
    "I. TẬP THỂ",
    "1 | Phòng Kinh tế | Văn phòng Ủy ban nhân dân tỉnh Sơn La | ",
    "2 | Trung tâm Thông tin | Văn phòng Ủy ban nhân dân tỉnh Sơn La | ",
]

COUNCIL_HEADER = ("VĂN PHÒNG UBND TỈNH SƠN LA/HỘI\u00a0ĐỒNG THI\u00a0ĐUA\u00a0-\u00a0KHEN"
                  "\u00a0THƯỞNG/ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/Độc lập - Tự do - Hạnh phúc/")

BIEN_BAN = [
    COUNCIL_HEADER,  # the council's own number series: BB-HĐTĐKT under its name
    "Số:      /BB-HĐTĐKT | Sơn La, ngày 02 tháng 12 năm 2025",  # the meeting day
    "BIÊN BẢN",
    "Họp xét khen thưởng\u00a0năm\u00a02025",
    "Thời gian bắt đầu: 14 giờ 00, ngày 02 tháng 12 năm 2025.",
    "Địa điểm: Phòng họp tầng 2.",
    "Thành phần: Hội đồng Thi đua - Khen thưởng Văn phòng Ủy ban nhân dân tỉnh Sơn La; có mặt "
    "09/09 thành viên.",
    "Chủ trì: Hà Minh Tuấn, Chủ tịch Hội đồng.",
    "Thư ký: Lường Thị Mai.",
    "NỘI DUNG",
    "Hội đồng đã nghe báo cáo kết quả thẩm định hồ sơ đề nghị khen thưởng năm 2025 và tiến hành "
    "biểu quyết. Kết quả như sau:",
    "STT | Tập thể, cá nhân | Đề nghị | Phiếu đồng ý | Tỷ lệ | Ngưỡng | Kết quả",
    "1 | Phòng Kinh tế | Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 9/9 | 100% | > 50% | Đạt",
    "2 | Lò Văn Pọm | Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 9/9 | 100% | > 50% | Đạt",
    "3 | Cầm Thị Ánh | Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 9/9 | 100% | > 50% | "
    "Không đủ điều kiện",
    "4 | Nguyễn Thị Ánh | Giấy khen của Chánh Văn phòng | 9/9 | 100% | > 50% | Đạt",
    "5 | Lò Văn Pọm | Chiến sĩ thi đua cơ sở | 9/9 | 100% | ≥ 80% | Đạt",
    "6 | Giàng A Páo | Lao động tiên tiến | 9/9 | 100% | > 50% | Đạt",
    "7 | Cầm Thị Ánh | Lao động tiên tiến | 9/9 | 100% | > 50% | Đạt",
    "8 | Phòng Kinh tế | Tập thể lao động tiên tiến | 9/9 | 100% | > 50% | Đạt",
    "9 | Trung tâm Thông tin | Tập thể lao động tiên tiến | 9/9 | 100% | > 50% | Đạt",
    "Hội đồng thống nhất đề nghị khen thưởng các tập thể, cá nhân có kết quả “Đạt” theo quy định. "
    "01 đề nghị không đủ điều kiện theo kết quả thẩm định, không đưa vào danh sách.",
    "Cuộc họp kết thúc vào 16 giờ 00, ngày 02 tháng 12 năm 2025./.",
    "THƯ KÝ//Lường Thị Mai | CHỦ TỊCH HỘI ĐỒNG//Hà Minh Tuấn",
]



def test_quyet_dinh_danh_hieu_text(full_set):
    assert docx_lines(full_set / "quyet-dinh-danh-hieu.docx") == QD_DANH_HIEU


def test_quyet_dinh_giay_khen_names_its_money(full_set):
    lines = docx_lines(full_set / "quyet-dinh-giay-khen.docx")
    assert lines[3] == "Về việc tặng Giấy khen\u00a0năm\u00a02025"
    assert lines[11] == ("Điều 1. Tặng Giấy khen của Chánh Văn phòng cho 01 cá nhân (có danh sách "
                        "kèm theo), đã có thành tích trong thực hiện nhiệm vụ năm 2025.")
    assert lines[12].startswith("Điều 2. Mỗi cá nhân được tặng Giấy khen của Chánh Văn phòng "
                                "được thưởng 710.000 đồng (0,3 lần mức lương cơ sở).")
    assert "1 | Bà Nguyễn Thị Ánh | Giám đốc, Trung tâm Thông tin | " in lines


def test_bien_ban_text(full_set):
    assert docx_lines(full_set / "bien-ban-hop-hoi-dong.docx") == BIEN_BAN


def test_one_report_per_row_of_the_danh_sach(full_set):
    reports = sorted(p.name for p in (full_set / "bao-cao-thanh-tich").iterdir())
    assert reports == ["01-phong-kinh-te.docx", "02-lo-van-pom.docx"]
    rows = [line for line in docx_lines(full_set / "danh-sach-de-nghi-khen-thuong.docx")
            if line[:1].isdigit()]
    assert len(rows) == len(reports)
    collective = docx_lines(full_set / "bao-cao-thanh-tich" / "01-phong-kinh-te.docx")
    assert "(Báo cáo thành tích đề nghị khen thưởng công trạng cho tập thể)" in collective
    assert "I. ĐẶC ĐIỂM, TÌNH HÌNH" in collective


def test_movement_achievement_gets_the_short_form(make_workbook, tmp_path):
    data = round_data()
    data["tables"]["individuals"][2] |= {"kind": "Phong trào"}
    generate([make_workbook(data)], outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-hang-nam" / "bao-cao-thanh-tich"
    anh = docx_lines(folder / "03-cam-thi-anh.docx")
    assert "(Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề)" in anh
    assert "Vận hành cổng thông tin an toàn." in anh


def test_quyet_dinh_cites_the_office_functions_and_its_regulation(make_workbook, tmp_path):
    """In the order of Mẫu 1.2: the Law, the decree, the office's functions, its regulation,
    the council's proposal; each line as the clerk typed it, "Căn cứ" and ";" added once."""
    data = round_data()
    data["info"] |= {
        "basis_functions": "Căn cứ Quyết định số 09/2021/QĐ-UBND ngày 22 tháng 3 năm 2021 của "
                           "Ủy ban nhân dân tỉnh Sơn La quy định chức năng, nhiệm vụ, quyền hạn "
                           "và cơ cấu tổ chức của Văn phòng;",
        "basis_regulation": "Quyết định số 38/QĐ-VPUB ngày 20 tháng 02 năm 2024 ban hành Quy chế "
                            "thi đua, khen thưởng của Văn phòng"}
    generate([make_workbook(data)], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-hang-nam" / "quyet-dinh-giay-khen.docx")
    assert lines[5:11] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số 09/2021/QĐ-UBND ngày 22 tháng 3 năm 2021 của Ủy ban nhân dân tỉnh "
        "Sơn La quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng;",
        "Căn cứ Quyết định số 38/QĐ-VPUB ngày 20 tháng 02 năm 2024 ban hành Quy chế thi đua, "
        "khen thưởng của Văn phòng;",
        "Theo đề nghị của Hội đồng Thi đua - Khen thưởng Văn phòng Ủy ban nhân dân tỉnh Sơn La.",
        "QUYẾT ĐỊNH:"]


def test_dieu_1_is_true_of_a_lao_dong_tien_tien_who_did_well(full_set):
    """Giàng A Páo, "hoàn thành tốt nhiệm vụ", is a Lao động tiên tiến: Điều 1 never says the
    people it lists "hoàn thành xuất sắc nhiệm vụ"."""
    lines = docx_lines(full_set / "quyet-dinh-danh-hieu.docx")
    (article,) = [line for line in lines if line.startswith("Điều 1.")]
    assert "xuất sắc" not in article and "hoàn thành tốt" not in article
    assert article.endswith("đã đạt tiêu chuẩn danh hiệu thi đua theo quy định năm 2025.")
    assert "1 | Ông Giàng A Páo | Chuyên viên, Phòng Kinh tế | " in lines


def test_the_list_of_a_quyet_dinh_is_an_appendix_numbered_on_its_own(full_set):
    """A section of its own: a new page, page numbers from 1 (none on its first page), and the
    short rule under "(Kèm theo Quyết định số …)"."""
    import re
    import zipfile

    xml = zipfile.ZipFile(full_set / "quyet-dinh-danh-hieu.docx").read("word/document.xml")
    xml = xml.decode()
    sections = re.findall(r"<w:sectPr>.*?</w:sectPr>", xml)
    assert len(sections) == 2
    assert "pgNumType" not in sections[0] and '<w:pgNumType w:start="1"/>' in sections[1]
    assert all("<w:titlePg/>" in s for s in sections)
    first_end = xml.index(sections[0])
    assert xml.index(">DANH SÁCH<") > first_end > xml.index(">Nơi nhận:<")
    after = xml[xml.index("(Kèm theo Quyết định số"):]
    rule = re.search(r"<w:p>.*?</w:p>", after[after.index("</w:p>") + 6:]).group(0)
    assert '<w:bottom w:val="single"' in rule and "<w:t" not in rule


def test_a_year_range_never_breaks_at_its_hyphen(make_workbook, tmp_path):
    """Word's non-breaking hyphen in the XML, put there as the template is filled: the data,
    the template and the text a clerk reads keep the plain "2021-2025"."""
    import zipfile

    data = round_data()
    data["info"] |= {"occasion": "Tổng kết", "movement": "Chung sức xây dựng nông thôn mới",
                     "period": "2021-2025"}
    generate([make_workbook(data, name="tong-ket.xlsx")], outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-tong-ket"
    for name in ("quyet-dinh-danh-hieu.docx", "to-trinh-de-nghi-khen-thuong.docx",
                 "bien-ban-hop-hoi-dong.docx"):
        xml = zipfile.ZipFile(folder / name).read("word/document.xml").decode()
        assert "2021-2025" not in xml, name
        assert '2021</w:t><w:noBreakHyphen/><w:t xml:space="preserve">2025' in xml, name
        assert any("giai đoạn 2021-2025" in line.replace("\u00a0", " ")
                   for line in docx_lines(folder / name)), name


def test_values_keep_their_escaping_around_a_non_breaking_hyphen():
    from pipeline.render import unbroken_ranges

    assert unbroken_ranges("A & B 2023-2024 <x>") == (
        'A &amp; B 2023</w:t><w:noBreakHyphen/><w:t xml:space="preserve">2024 &lt;x&gt;')
    assert unbroken_ranges("Phòng Tổ chức - Hành chính") == "Phòng Tổ chức - Hành chính"
    assert unbroken_ranges("09/2021/QĐ-UBND, 12345-6789") == "09/2021/QĐ-UBND, 12345-6789"
    assert unbroken_ranges(2025) == 2025


def test_each_document_names_itself_in_its_properties(full_set):
    """File > Properties (and the title a document management system lists) says what the
    document is, and that khenthuong made it."""
    from docx import Document

    titles = {
        "to-trinh-de-nghi-khen-thuong.docx": "Tờ trình đề nghị khen thưởng",
        "danh-sach-de-nghi-khen-thuong.docx": "Danh sách đề nghị khen thưởng",
        "quyet-dinh-giay-khen.docx": "Quyết định tặng Giấy khen",
        "quyet-dinh-danh-hieu.docx": "Quyết định công nhận danh hiệu thi đua",
        "bien-ban-hop-hoi-dong.docx": "Biên bản họp Hội đồng Thi đua - Khen thưởng",
        "bao-cao-ket-qua.docx": "Báo cáo kết quả phong trào thi đua, khen thưởng",
    }
    reports = sorted((full_set / "bao-cao-thanh-tich").glob("*.docx"))
    assert reports
    titles |= {f"bao-cao-thanh-tich/{path.name}": "Báo cáo thành tích" for path in reports}
    for name, title in titles.items():
        properties = Document(full_set / name).core_properties
        assert (properties.title, properties.author) == (title, "khenthuong"), name


def test_a_yearly_round_with_its_movement_named_is_still_the_year_s(make_workbook, tmp_path):
    """Phong trào filled in a Hằng năm round: the base of its tờ trình, not its name."""
    data = round_data()
    data["info"]["movement"] = "Chung sức xây dựng nông thôn mới"
    generate([make_workbook(data)], outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-hang-nam"
    assert any(line.startswith("Năm 2025, Văn phòng Ủy ban nhân dân tỉnh Sơn La có 02 phòng")
               for line in docx_lines(folder / "to-trinh-de-nghi-khen-thuong.docx"))
    assert ("Trên đây là báo cáo kết quả thực hiện phong trào thi đua và công tác khen thưởng năm "
            "2025 của Văn phòng Ủy ban nhân dân tỉnh Sơn La./.") \
        in docx_lines(folder / "bao-cao-ket-qua.docx")
    assert ("Hội đồng đã nghe báo cáo kết quả thẩm định hồ sơ đề nghị khen thưởng năm 2025 và tiến "
            "hành biểu quyết. Kết quả như sau:") \
        in docx_lines(folder / "bien-ban-hop-hoi-dong.docx")
