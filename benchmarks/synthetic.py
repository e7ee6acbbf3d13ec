"""Write a province-sized synthetic round: 1.000 collectives, 20.000 people, 2.000 nominees for
the chairman's Bằng khen (each needing a báo cáo thành tích). Every person is invented.

    python benchmarks/synthetic.py [FOLDER]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from openpyxl import Workbook

from pipeline.catalog import Catalog

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Cầm", "Quàng",
          "Lường", "Tòng", "Vì", "Giàng", "Mùa", "Thào", "Sồng", "Hà", "Đinh"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thu", "Hải", "Quang", "A", "Ngọc", "Thanh"]
GIVEN = ["An", "Bình", "Chiến", "Dung", "Hoa", "Khiêm", "Lan", "Mai", "Nam", "Pọm", "Páo",
         "Sinh", "Thắng", "Tươi", "Xôm", "Yến", "Ánh", "Ín", "Dơ", "Mỷ"]


def write_round(path: Path, *, units: int = 1000, people_per_unit: int = 20,
                nominees: int = 2000, seed: int = 7) -> Path:
    """Write the round; names repeat across units, so each person has a Mã."""
    catalog = Catalog()
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    info = book.create_sheet(catalog.sheets["info"].title)
    for label, value in [("Năm", 2025), ("Đợt", "Hằng năm"),
                         ("Cơ quan chủ quản", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"),
                         ("Cơ quan ban hành", "SỞ MẪU"), ("Tên cơ quan", "Sở Mẫu tỉnh Sơn La"),
                         ("Ký hiệu cơ quan", "SM"), ("Địa danh", "Sơn La"),
                         ("Ngày ký", "05/12/2025"), ("Người ký", "Người Ký Mẫu"),
                         ("Chức vụ người ký", "Giám đốc")]:
        info.append([label, value])
    council = book.create_sheet(catalog.sheets["council"].title)
    council.append(["Tổng số thành viên", 15])
    council.append(["Số thành viên dự họp", 15])
    collectives = book.create_sheet(catalog.sheets["collectives"].title)
    collectives.append(["Mã", "Tên tập thể", "Mức hoàn thành nhiệm vụ", "Danh hiệu đề nghị",
                        "Số phiếu đồng ý"])
    for u in range(units):
        collectives.append([f"DV{u:04d}", f"Phòng số {u + 1}", "HTTNV", "TTLĐTT", 15])
    individuals = book.create_sheet(catalog.sheets["individuals"].title)
    individuals.append(["Mã", "Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Đơn vị",
                        "Mức hoàn thành nhiệm vụ", "Loại khen thưởng", "Danh hiệu đề nghị",
                        "Hình thức khen thưởng đề nghị", "Thành tích", "Số phiếu đồng ý"])
    every = units * people_per_unit // nominees
    for n in range(units * people_per_unit):
        nominee = n % every == 0
        individuals.append([
            f"CB{n:05d}", f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            rng.choice(["Nam", "Nữ"]), rng.randint(1965, 2000), "Chuyên viên",
            f"Phòng số {n // people_per_unit + 1}", rng.choice(["HTXSNV", "HTTNV"]),
            "Phong trào" if nominee else "Công trạng", "LĐTT",
            "BK UBND tỉnh" if nominee else None,
            "Tiêu biểu trong phong trào thi đua của tỉnh năm 2025." if nominee else None, 15])
    book.save(path)
    return path


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("benchmarks/data")
    folder.mkdir(parents=True, exist_ok=True)
    print(write_round(folder / "2025-hang-nam.xlsx"))
