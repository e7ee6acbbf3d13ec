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
    "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025",
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
    "Kết quả thực hiện phong trào thi đua và công tác khen thưởng năm 2025",
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


def test_movement_round_names_the_movement(make_workbook, tmp_path):
    data = round_data()
    data["info"] |= {"occasion": "Tổng kết", "movement": "Chung sức xây dựng nông thôn mới"}
    generate([make_workbook(data, name="tong-ket.xlsx")], outputs=tmp_path / "out")
    lines = docx_lines(tmp_path / "out" / "2025-tong-ket" / "to-trinh-de-nghi-khen-thuong.docx")
    assert lines[3] == ("Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh nhân dịp "
                        "tổng kết Phong trào thi đua “Chung sức xây dựng nông thôn mới”")
    assert ("Căn cứ Kế hoạch tổ chức thực hiện Phong trào thi đua “Chung sức xây dựng nông thôn "
            "mới”;") in lines


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
