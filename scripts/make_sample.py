"""Write the sample workbooks of inputs/: an invented Văn phòng UBND tỉnh Sơn La across its
2021-2025 movement — the yearly rounds of 2021 to 2025 with the decisions that came back, the
sơ kết (2023) and tổng kết (2025) of the movement, and the current 2026 round.

Every person here is invented, and every workbook says it is a sample (Thông tin: “Bảng tính
mẫu” = “Có”), so that a clerk's own workbooks never mix with them. Run:
python scripts/make_sample.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Font

from pipeline.catalog import Catalog
from pipeline.workbook import write_workbook

UNITS = [
    ("TCHCQT", "Phòng Tổ chức - Hành chính - Quản trị"),
    ("KT", "Phòng Kinh tế"),
    ("TH", "Phòng Tổng hợp"),
    ("NC", "Phòng Nội chính"),
    ("KGVX", "Phòng Khoa giáo - Văn xã"),
    ("TTTT", "Trung tâm Thông tin"),
]

# code, name, sex, birth year, position, unit code, rating 2024, rating 2025
PEOPLE = [
    ("CB001", "Đặng Quốc Khải", "Nam", 1975, "Chánh Văn phòng", "TCHCQT", "HTXSNV", "HTXSNV"),
    ("CB002", "Lò Văn Khiêm", "Nam", 1978, "Trưởng phòng", "TCHCQT", "HTXSNV", "HTXSNV"),
    ("CB003", "Cầm Thị Ngọc Lan", "Nữ", 1986, "Chuyên viên", "TCHCQT", "HTTNV", "HTXSNV"),
    ("CB004", "Vũ Đức Thắng", "Nam", 1990, "Chuyên viên", "TCHCQT", "HTTNV", "HTTNV"),
    ("CB005", "Giàng A Dơ", "Nam", 1988, "Nhân viên", "TCHCQT", "HTNV", "HTTNV"),
    ("CB006", "Trần Thị Hải Yến", "Nữ", 1982, "Trưởng phòng", "KT", "HTXSNV", "HTXSNV"),
    ("CB007", "Lường Văn Xôm", "Nam", 1984, "Phó Trưởng phòng", "KT", "HTTNV", "HTXSNV"),
    ("CB008", "Phạm Thu Trang", "Nữ", 1992, "Chuyên viên", "KT", "HTTNV", "HTTNV"),
    ("CB009", "Mùa A Chống", "Nam", 1991, "Chuyên viên", "KT", "HTTNV", "HTTNV"),
    ("CB010", "Đinh Quang Huy", "Nam", 1980, "Trưởng phòng", "TH", "HTXSNV", "HTXSNV"),
    ("CB011", "Quàng Thị Hoa", "Nữ", 1987, "Chuyên viên", "TH", "HTXSNV", "HTTNV"),
    ("CB012", "Hà Thị Thu", "Nữ", 1993, "Chuyên viên", "TH", "HTTNV", "HTTNV"),
    ("CB013", "Tòng Văn Phiêng", "Nam", 1979, "Trưởng phòng", "NC", "HTTNV", "HTXSNV"),
    ("CB014", "Bùi Thị Nga", "Nữ", 1989, "Chuyên viên", "NC", "HTTNV", "HTTNV"),
    ("CB015", "Sồng Thị Mỷ", "Nữ", 1995, "Chuyên viên", "NC", "HTNV", "HTNV"),
    ("CB016", "Hoàng Thị Mai", "Nữ", 1983, "Trưởng phòng", "KGVX", "HTXSNV", "HTXSNV"),
    ("CB017", "Vì Văn Toản", "Nam", 1990, "Chuyên viên", "KGVX", "HTTNV", "HTTNV"),
    ("CB018", "Nguyễn Thị Hồng Nhung", "Nữ", 1994, "Chuyên viên", "KGVX", "HTTNV", "HTTNV"),
    ("CB019", "Lê Hoàng Nam", "Nam", 1981, "Giám đốc", "TTTT", "HTXSNV", "HTXSNV"),
    ("CB020", "Lò Thị Xuân", "Nữ", 1988, "Viên chức", "TTTT", "HTTNV", "HTTNV"),
    ("CB021", "Cà Văn Ín", "Nam", 1992, "Viên chức", "TTTT", "HTTNV", "HTTNV"),
    ("CB022", "Thào Thị Dua", "Nữ", 1996, "Viên chức", "TTTT", "HTNV", "HTTNV"),
]

# Ratings of 2021 and 2022 that differ from the "2024" column above (used for every year to 2024).
EARLY_RATINGS = {2021: {"CB011": "HTTNV", "CB018": "HTNV"},
                 2022: {"CB005": "HTTNV", "CB013": "HTXSNV"}}

# Proposals of 2021 and 2022 beyond the Lao động tiên tiến, as PROPOSALS_2025 below. Chiến sĩ thi
# đua cơ sở is kept within 15% of the Lao động tiên tiến (NĐ 91/2017, Điều 9.3): two in 2021 (of
# 18), three in 2022 (of 20), so Đinh Quang Huy's sáng kiến of 2021 stays unused until his Bằng
# khen of 2022 (02 năm hoàn thành xuất sắc nhiệm vụ, 02 sáng kiến).
EARLY_PROPOSALS = {
    2021: {"CB001": ("CSTĐCS", None, 1, ""), "CB006": ("CSTĐCS", None, 1, ""),
           "CB010": ("LĐTT", None, 1, "")},
    2022: {"CB001": ("CSTĐCS", None, 1, ""), "CB006": ("CSTĐCS", None, 1, ""),
           "CB010": ("CSTĐCS", "Bằng khen của Chủ tịch UBND tỉnh", 2,
                     "02 năm liên tục hoàn thành xuất sắc nhiệm vụ (2021, 2022); sáng kiến "
                     "tổng hợp nhanh báo cáo kinh tế - xã hội hằng tháng của tỉnh.")},
}

EARLY_COLLECTIVES = {
    2021: {"TCHCQT": ("HTXSNV", "Tập thể lao động xuất sắc", None,
                      "Hoàn thành xuất sắc công tác tổ chức, hành chính, quản trị năm 2021."),
           "NC": ("HTTNV", "TTLĐTT", None, ""), "KGVX": ("HTTNV", "TTLĐTT", None, "")},
    2022: {"KT": ("HTXSNV", "TTLĐTT", "Bằng khen của Chủ tịch UBND tỉnh",
                  "02 năm liên tục hoàn thành xuất sắc nhiệm vụ (2021, 2022); tham mưu triển "
                  "khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới."),
           "KGVX": ("HTTNV", "TTLĐTT", None, "")},
}

# What some people's báo cáo thành tích say of them (Cá nhân columns); the others' reports keep
# dotted lines to fill by hand.
PROFILES = {
    "CB002": {"birth_date": "14/02/1978", "hometown": "Xã Mường Chiên, tỉnh Sơn La",
              "residence": "Phường Tô Hiệu, tỉnh Sơn La", "party_position": "Bí thư Chi bộ",
              "qualification": "Cử nhân Luật", "degrees": "Thạc sĩ Quản lý công",
              "duties": "Phụ trách công tác tổ chức, hành chính, quản trị và thi đua, khen "
                        "thưởng của Văn phòng."},
    "CB006": {"birth_date": "03/9/1982", "qualification": "Kỹ sư Kinh tế nông nghiệp",
              "duties": "Phụ trách theo dõi Chương trình mục tiêu quốc gia xây dựng nông thôn "
                        "mới."},
}

# What some units' reports say of them (Tập thể columns).
UNIT_PROFILES = {
    "KT": {"head_title": "Trưởng phòng Kinh tế", "address": "Tầng 4, trụ sở Văn phòng UBND tỉnh",
           "staff": 4, "structure": "01 Trưởng phòng, 01 Phó Trưởng phòng và 02 chuyên viên.",
           "functions": "Tham mưu theo dõi, tổng hợp lĩnh vực kinh tế, nông nghiệp và xây dựng "
                        "nông thôn mới.",
           "measures": "Giao chỉ tiêu theo tháng cho từng chuyên viên; kiểm tra tiến độ hằng "
                       "tuần."},
    "TCHCQT": {"head_title": "Trưởng phòng Tổ chức - Hành chính - Quản trị"},
}

# 2025 proposals beyond the Lao động tiên tiến that every HTTNV+ person gets:
# code → (danh hiệu, hình thức, sáng kiến, achievements)
PROPOSALS_2025 = {
    "CB002": ("Chiến sĩ thi đua cơ sở", "Bằng khen của Chủ tịch UBND tỉnh", 1,
              "02 năm liên tục hoàn thành xuất sắc nhiệm vụ; chủ trì sáng kiến số hóa hồ sơ "
              "thi đua, khen thưởng của Văn phòng."),
    "CB003": ("CSTĐCS", "BK UBND tỉnh", 1,
              "Hoàn thành xuất sắc nhiệm vụ năm 2025; sáng kiến quy trình tiếp nhận văn bản "
              "điện tử."),
    "CB006": ("CSTĐCS", "Bằng khen UBND tỉnh", 2,
              "02 năm liên tục hoàn thành xuất sắc nhiệm vụ; 02 sáng kiến về theo dõi tiến độ "
              "xây dựng nông thôn mới."),
    "CB010": ("CSTĐCS", "GK CVP", 1, "Tham mưu tổng hợp báo cáo kinh tế - xã hội đúng hạn."),
    "CB013": ("LĐTT", "Giấy khen", 0, "Tham mưu xử lý kịp thời các vụ việc nội chính."),
    "CB016": ("CSTĐCS", None, 1, "Sáng kiến tổng hợp số liệu giáo dục vùng cao."),
    "CB019": ("CSTĐCS", "Giấy khen", 1, "Vận hành Cổng Thông tin điện tử an toàn, thông suốt."),
}

COLLECTIVES_2025 = {
    "TCHCQT": ("HTXSNV", "Tập thể lao động xuất sắc", "Bằng khen của Chủ tịch UBND tỉnh",
               "Hoàn thành xuất sắc công tác tổ chức, hành chính, quản trị; 100% hồ sơ đúng hạn."),
    "KT": ("HTXSNV", "TTLĐTT", "Bằng khen UBND tỉnh",
           "Tham mưu hiệu quả Chương trình mục tiêu quốc gia xây dựng nông thôn mới."),
    "TH": ("HTXSNV", "TTLĐTT", "Giấy khen", "Tổng hợp, báo cáo chính xác, kịp thời."),
    "NC": ("HTTNV", "TTLĐTT", None, ""),
    "KGVX": ("HTTNV", "TTLĐTT", None, ""),
    "TTTT": ("HTXSNV", "TTLĐTT", "Giấy khen",
             "Tuyên truyền phong trào thi đua trên Cổng Thông tin."),
}

# The council's conclusions on 2025 proposals that the rules leave "cần kiểm tra".
CONCLUSIONS_2025 = {"TH": "Đạt", "CB002": "Đạt", "CB003": "Đạt", "CB006": "Đạt", "CB019": "Đạt",
                    "CB010": "Không đạt", "CB016": "Không đạt"}

INFO = {
    "sample": "Có",
    "occasion": "Hằng năm",
    "movement": "Văn phòng UBND tỉnh Sơn La chung sức xây dựng nông thôn mới",
    "parent_agency": "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
    "agency": "VĂN PHÒNG",
    "agency_name": "Văn phòng Ủy ban nhân dân tỉnh Sơn La",
    "agency_code": "VPUB",
    "drafting_unit": "TCHCQT",
    "place": "Sơn La",
    "signer": "Phan Đức Lâm",
    "signer_title": "Phó Chánh Văn phòng",
    "sign_authority": "KT.",
    "head_title": "Chánh Văn phòng",
    "addressee": "Chủ tịch Ủy ban nhân dân tỉnh Sơn La (qua Sở Nội vụ)",
    "report_addressee": "Sở Nội vụ tỉnh Sơn La",
}


def year_round(year: int) -> dict:
    """The Thông tin values and the two tables of one yearly round."""
    people = []
    for code, name, sex, born, position, unit, *ratings in PEOPLE:
        rating = EARLY_RATINGS.get(year, {}).get(code, ratings[0 if year <= 2024 else 1])
        title, award, initiatives, achievements = (
            {2025: PROPOSALS_2025, **EARLY_PROPOSALS}.get(year, {}).get(code, (None, None, 0, "")))
        if title is None and rating in ("HTXSNV", "HTTNV"):
            title = "Lao động tiên tiến"
        people.append({"code": code, "name": name, "sex": sex, "birth_year": born,
                       "position": position, "unit": dict(UNITS)[unit], "rating": rating,
                       "initiatives": initiatives, "initiative_scope": "Cơ sở" if initiatives
                       else None, "discipline": "Không", "title": title, "award": award,
                       "achievements": achievements} | PROFILES.get(code, {}))
    collectives = []
    for code, name in UNITS:
        rating, title, award, achievements = (
            {2025: COLLECTIVES_2025, **EARLY_COLLECTIVES}.get(year, {}).get(
                code, ("HTXSNV", "TTLĐTT", None, "")))
        collectives.append({"code": code, "name": name, "rating": rating, "title": title,
                            "award": award, "achievements": achievements}
                           | UNIT_PROFILES.get(code, {}))
    tables = {"collectives": collectives, "individuals": people}
    info = INFO | {"year": year}
    if year == 2024:
        _earlier_achievements(people, collectives)
        tables["history"] = HISTORY_2023
        info |= {"sign_date": "05/12/2024", "number_to_trinh": "152", "number_bao_cao": "148"}
    elif year == 2025:
        info |= {"situation": SITUATION, "direction": DIRECTION,
                 "assessment": ASSESSMENT, "plans": PLANS, "proposals": REQUESTS}
    info |= DECIDED.get(year, {}).get("info", {})
    tables["decisions"] = DECIDED.get(year, {}).get("rows", [])
    for row in people + collectives:
        row["votes"] = VOTES.get(row["code"], 9)
        if year == 2025:
            row["conclusion"] = CONCLUSIONS_2025.get(row["code"])
        elif year <= 2023 and (row.get("title") or row.get("award")):
            row["conclusion"] = "Đạt"  # the rules of 2003 are mostly unread: the council's word
    council = {"members": 9, "present": 9, "meeting_date": f"{26 if year == 2025 else 2}/"
               f"{11 if year == 2025 else 12}/{year}", "start_time": "08 giờ 00",
               "end_time": "10 giờ 30", "venue": "Phòng họp số 2, Văn phòng UBND tỉnh"}
    tables["council_members"] = [dict(m, attended="Có") for m in COUNCIL]
    info |= BASIS[year >= 2024]
    return {"info": info, "council": council, "tables": tables}


# The office's Hội đồng Thi đua - Khen thưởng: 9 members, the Chánh Văn phòng its Chủ tịch.
COUNCIL = [
    {"name": "Đặng Quốc Khải", "position": "Chánh Văn phòng", "role": "Chủ tịch Hội đồng"},
    {"name": "Phan Đức Lâm", "position": "Phó Chánh Văn phòng",
     "role": "Phó Chủ tịch Hội đồng"},
    {"name": "Lò Văn Khiêm", "position": "Trưởng phòng Tổ chức - Hành chính - Quản trị",
     "role": "Ủy viên"},
    {"name": "Trần Thị Hải Yến", "position": "Trưởng phòng Kinh tế", "role": "Ủy viên"},
    {"name": "Đinh Quang Huy", "position": "Trưởng phòng Tổng hợp", "role": "Ủy viên"},
    {"name": "Tòng Văn Phiêng", "position": "Trưởng phòng Nội chính", "role": "Ủy viên"},
    {"name": "Hoàng Thị Mai", "position": "Trưởng phòng Khoa giáo - Văn xã", "role": "Ủy viên"},
    {"name": "Lê Hoàng Nam", "position": "Giám đốc Trung tâm Thông tin", "role": "Ủy viên"},
    {"name": "Vũ Đức Thắng", "position": "Chuyên viên Phòng Tổ chức - Hành chính - Quản trị",
     "role": "Ủy viên kiêm Thư ký"},
]

# The căn cứ of the office's decisions (invented numbers): its functions, and its regulation on
# thi đua, khen thưởng — the one of 2019, replaced under the Law of 2022 from 2024.
FUNCTIONS = ("Quyết định số 09/2021/QĐ-UBND ngày 22 tháng 3 năm 2021 của Ủy ban nhân dân tỉnh "
             "Sơn La quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng Ủy "
             "ban nhân dân tỉnh Sơn La")
BASIS = {
    False: {"basis_functions": FUNCTIONS,
            "basis_regulation": "Quyết định số 57/QĐ-VPUB ngày 15 tháng 3 năm 2019 của Chánh Văn "
                                "phòng Ủy ban nhân dân tỉnh Sơn La ban hành Quy chế thi đua, khen "
                                "thưởng của Văn phòng Ủy ban nhân dân tỉnh Sơn La"},
    True: {"basis_functions": FUNCTIONS,
           "basis_regulation": "Quyết định số 38/QĐ-VPUB ngày 20 tháng 02 năm 2024 của Chánh Văn "
                               "phòng Ủy ban nhân dân tỉnh Sơn La ban hành Quy chế thi đua, khen "
                               "thưởng của Văn phòng Ủy ban nhân dân tỉnh Sơn La"},
}


def final_round() -> dict:
    """The tổng kết 2021-2025 of the movement of the seed plan, within its quotas."""
    base = year_round(2025)
    people = [dict(p, title=None, award=None, achievements="", kind=None, conclusion=None)
              for p in base["tables"]["individuals"]]
    movement = {
        "CB002": "Chủ trì tham mưu 12 đề án hỗ trợ xã đạt chuẩn nông thôn mới giai đoạn "
                 "2021-2025.",
        "CB007": "Theo dõi, tổng hợp tiến độ 19 tiêu chí nông thôn mới của các xã được phân "
                 "công giúp đỡ.",
        "CB017": "Phối hợp vận động nguồn lực hỗ trợ xây dựng 03 nhà văn hóa bản.",
        "CB019": "Xây dựng chuyên mục “Sơn La chung sức xây dựng nông thôn mới” trên Cổng "
                 "Thông tin điện tử tỉnh.",
        "CB021": "Tuyên truyền 120 tin, bài về điển hình tiên tiến trong phong trào.",
    }
    for person in people:
        if person["code"] in movement:
            person |= {"award": "Bằng khen của Chủ tịch UBND tỉnh", "kind": "Phong trào",
                       "achievements": movement[person["code"]]}
        elif person["code"] in ("CB009", "CB014"):
            person |= {"award": "Giấy khen của Chánh Văn phòng", "kind": "Phong trào",
                       "achievements": "Tích cực tham gia phong trào tại xã được phân công.",
                       "conclusion": "Đạt" if person["code"] == "CB009" else None}
    collectives = [dict(c, title=None, award=None, achievements="", conclusion=None)
                   for c in base["tables"]["collectives"]]
    for collective in collectives:
        if collective["code"] in ("KT", "TTTT"):
            collective |= {"award": "Bằng khen của Chủ tịch UBND tỉnh", "kind": "Phong trào",
                           "achievements": "Đơn vị dẫn đầu Phong trào thi đua “Văn phòng UBND "
                                           "tỉnh Sơn La chung sức xây dựng nông thôn mới”."}
    info = INFO | {"year": 2025, "occasion": "Tổng kết", "period": "2021-2025",
                   "sign_date": "12/2025", "situation": "Phong trào được phát động theo Kế "
                   "hoạch năm 2022 của Văn phòng UBND tỉnh, triển khai tới tất cả phòng, ban, "
                   "đơn vị trực thuộc."}
    quotas = [{"award": "Bằng khen của Chủ tịch UBND tỉnh", "collectives": 2, "individuals": 5,
               "source": "Kế hoạch tổ chức thực hiện Phong trào thi đua, mục IV.2"}]
    decided = [_granted("2630/QĐ-UBND", "29/12/2025", name, "BK UBND tỉnh")
               for name in ("Phòng Kinh tế", "Trung tâm Thông tin", "Lò Văn Khiêm",
                            "Lường Văn Xôm", "Vì Văn Toản", "Lê Hoàng Nam", "Cà Văn Ín")]
    return {"info": info | BASIS[True],
            "council": base["council"] | {"meeting_date": "05/12/2025"},
            "tables": {"collectives": collectives, "individuals": people, "quotas": quotas,
                       "decisions": decided,
                       "council_members": base["tables"]["council_members"]}}


def interim_round() -> dict:
    """The sơ kết of the movement at the end of 2023: two Bằng khen tỉnh for the movement,
    one granted, one refused by the Chủ tịch."""
    base = year_round(2023)
    people = [dict(p, title=None, award=None, achievements="", kind=None)
              for p in base["tables"]["individuals"]]
    for person in people:
        if person["code"] in ("CB002", "CB019"):
            person |= {"award": "Bằng khen của Chủ tịch UBND tỉnh", "kind": "Phong trào",
                       "achievements": "Tiêu biểu trong 03 năm đầu thực hiện phong trào.",
                       "conclusion": "Đạt"}
    collectives = [dict(c, title=None, award=None, achievements="")
                   for c in base["tables"]["collectives"]]
    info = INFO | {"year": 2023, "occasion": "Sơ kết", "period": "2021-2025",
                   "sign_date": "08/12/2023", "number_to_trinh": "131"}
    decided = [_granted("2217/QĐ-UBND", "25/12/2023", "Lò Văn Khiêm", "BK UBND tỉnh"),
               _granted("2217/QĐ-UBND", "25/12/2023", "Lê Hoàng Nam", "BK UBND tỉnh",
                        refused=True)]
    return {"info": info | BASIS[False],
            "council": base["council"] | {"meeting_date": "04/12/2023"},
            "tables": {"collectives": collectives, "individuals": people, "decisions": decided,
                       "council_members": base["tables"]["council_members"]}}


def current_round() -> dict:
    """The 2026 round, still waiting for its decisions (base salary 2.530.000 đồng), with one
    Bằng khen for an act of the moment (đột xuất)."""
    data = year_round(2026)
    data["info"] |= {"sign_date": "11/2026"}
    data["council"] |= {"present": 8, "meeting_date": "20/11/2026"}
    members = data["tables"]["council_members"]
    members[5] |= {"attended": "Vắng", "reason": "Đi công tác tại Hà Nội"}
    for row in data["tables"]["individuals"] + data["tables"]["collectives"]:
        row["votes"] = min(row["votes"], 8)  # the ballots of the 8 members at the meeting
    for person in data["tables"]["individuals"]:
        if person["code"] == "CB021":
            person |= {"kind": "Đột xuất", "award": "Bằng khen của Chủ tịch UBND tỉnh",
                       "achievements": "Trực 72 giờ liên tục tại xã bị lũ quét tháng 8/2026, "
                                       "đưa tin kịp thời, giữ thông suốt Cổng Thông tin điện tử "
                                       "tỉnh phục vụ chỉ đạo ứng phó."}
        elif person["code"] == "CB006":
            person |= {"title": "Chiến sĩ thi đua cơ sở", "initiatives": 1,
                       "initiative_scope": "Cơ sở", "award": "Bằng khen của Chủ tịch UBND tỉnh",
                       "achievements": "02 lần liên tục Chiến sĩ thi đua cơ sở (2025, 2026).",
                       "conclusion": "Đạt"}
    return data


def _granted(number: str, day: str, name: str, award: str, *, refused: bool = False) -> dict:
    """A row of the Quyết định sheet: a decision of the Chủ tịch UBND tỉnh on one proposal."""
    return {"number": number, "date": day, "body": "Chủ tịch UBND tỉnh", "name": name,
            "proposed": award, "outcome": "Không được tặng" if refused else "Được tặng"}


# What came back of each yearly round: the office's own decisions (Thông tin) and the Chủ tịch's.
DECIDED = {
    2021: {"info": {"sign_date": "06/12/2021", "number_to_trinh": "118",
                    "number_qd_danh_hieu": "181/QĐ-VPUB"},
           "rows": [_granted("2368/QĐ-UBND", "27/12/2021",
                             "Phòng Tổ chức - Hành chính - Quản trị", "TTLĐXS")]},
    2022: {"info": {"sign_date": "05/12/2022", "number_to_trinh": "124",
                    "number_qd_danh_hieu": "190/QĐ-VPUB"},
           "rows": [_granted("2475/QĐ-UBND", "26/12/2022", name, "BK UBND tỉnh")
                    for name in ("Phòng Kinh tế", "Đinh Quang Huy")]},
    2023: {"info": {"sign_date": "08/12/2023", "number_qd_danh_hieu": "201/QĐ-VPUB"}},
    2024: {"info": {"number_qd_danh_hieu": "215/QĐ-VPUB"},
           "rows": [_granted("2540/QĐ-UBND", "26/12/2024", "Đặng Quốc Khải", "BK UBND tỉnh"),
                    _granted("2540/QĐ-UBND", "26/12/2024",
                             "Phòng Tổ chức - Hành chính - Quản trị", "BK UBND tỉnh")]},
    2025: {"info": {"sign_date": "05/12/2025", "number_qd_danh_hieu": "236/QĐ-VPUB",
                    "number_qd_giay_khen": "237/QĐ-VPUB"},
           "rows": [_granted("2611/QĐ-UBND", "24/12/2025", name, award)
                    for name, award in (("Phòng Tổ chức - Hành chính - Quản trị", "BK tỉnh"),
                                        ("Phòng Tổ chức - Hành chính - Quản trị", "TTLĐXS"),
                                        ("Phòng Kinh tế", "BK tỉnh"),
                                        ("Lò Văn Khiêm", "BK tỉnh"),
                                        ("Trần Thị Hải Yến", "BK tỉnh"))]},
}


def _earlier_achievements(people: list[dict], collectives: list[dict]) -> None:
    """The 2024 round: two Bằng khen proposals that rest on 2023 (the Lịch sử sheet)."""
    khai, khiem, huy = people[0], people[1], people[9]
    khai |= {"title": "Chiến sĩ thi đua cơ sở", "award": "Bằng khen của Chủ tịch UBND tỉnh",
             "initiatives": 1, "initiative_scope": "Cơ sở",
             "achievements": "02 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở."}
    khiem |= {"initiatives": 1, "initiative_scope": "Cơ sở"}
    huy |= {"title": "Chiến sĩ thi đua cơ sở", "initiatives": 1, "initiative_scope": "Cơ sở"}
    collectives[0] |= {"award": "Bằng khen của Chủ tịch UBND tỉnh",
                       "achievements": "02 năm liên tục hoàn thành xuất sắc nhiệm vụ."}


# What the 2024 workbook's Lịch sử sheet says of 2023.
HISTORY_2023 = [
    {"code": "CB001", "name": "Đặng Quốc Khải", "birth_year": 1975, "years": 2023,
     "what": "Hoàn thành xuất sắc nhiệm vụ"},
    {"code": "CB001", "name": "Đặng Quốc Khải", "birth_year": 1975, "years": 2023,
     "what": "Chiến sĩ thi đua cơ sở", "decision_number": "198/QĐ-VPUB",
     "decision_date": "08/12/2023"},
    {"code": "TCHCQT", "name": "Phòng Tổ chức - Hành chính - Quản trị", "years": 2023,
     "what": "HTXSNV"},
    {"code": "CB006", "name": "Trần Thị Hải Yến", "birth_year": 1982, "years": "2022-2023",
     "what": "HTXSNV"},
]

# Ballots of the council (9 members): Chiến sĩ thi đua cơ sở needs 80% of all members.
VOTES = {"CB010": 7}


SITUATION = ("Năm 2025, Văn phòng triển khai nhiệm vụ trong bối cảnh sắp xếp tổ chức bộ máy "
             "chính quyền địa phương hai cấp; khối lượng văn bản tham mưu tăng so với năm 2024.")
DIRECTION = ("Lãnh đạo Văn phòng ban hành kế hoạch phát động phong trào thi đua ngay từ đầu năm; "
             "các phòng, ban, đơn vị tổ chức ký giao ước thi đua và tuyên truyền trên Cổng "
             "Thông tin điện tử tỉnh.")
ASSESSMENT = ("Phong trào thi đua được triển khai đồng bộ, gắn với nhiệm vụ chuyên môn; "
              "việc bình xét khen thưởng bảo đảm công khai, đúng quy định.")
PLANS = ("Tiếp tục đổi mới nội dung, hình thức phong trào thi đua; phát hiện, bồi dưỡng và "
         "nhân rộng các điển hình tiên tiến trong xây dựng nông thôn mới.")
REQUESTS = "Đề nghị Sở Nội vụ tiếp tục hướng dẫn nghiệp vụ thi đua, khen thưởng theo quy định mới."


def main(folder: Path) -> None:
    catalog = Catalog()
    folder.mkdir(parents=True, exist_ok=True)
    rounds = {"2021-hang-nam.xlsx": year_round(2021), "2022-hang-nam.xlsx": year_round(2022),
              "2023-hang-nam.xlsx": year_round(2023), "2023-so-ket.xlsx": interim_round(),
              "2024-hang-nam.xlsx": year_round(2024), "2025-hang-nam.xlsx": year_round(2025),
              "2025-tong-ket.xlsx": final_round(), "2026-hang-nam.xlsx": current_round()}
    for name, data in rounds.items():
        path = write_workbook(folder / name, catalog,
                              pairs={"info": data["info"], "council": data["council"]},
                              tables=data["tables"])
        _say_sample(path, catalog)
        print(path)


SAMPLE_NOTE = "dữ liệu bịa ra để xem thử; xoá dòng này nếu dùng bảng tính này cho số liệu thật"


def _say_sample(path: Path, catalog: Catalog) -> None:
    """Beside the “Bảng tính mẫu” row, in red, what it means: a clerk who copies a sample as a
    start sees it."""
    book = load_workbook(path)
    sheet = book[catalog.sheets["info"].title]
    label = next(c for (c,) in sheet.iter_rows(max_col=1) if c.value == "Bảng tính mẫu")
    for cell in sheet[label.row]:
        cell.font = Font(bold=True, color="C00000")
    note = sheet.cell(row=label.row, column=3, value=SAMPLE_NOTE)
    note.font = Font(italic=True, color="C00000")
    sheet.column_dimensions["C"].width = 75
    book.save(path)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else here / "inputs")
