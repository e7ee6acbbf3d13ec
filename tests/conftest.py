"""Fixtures: small invented rounds written as real .xlsx workbooks, and document text readers."""

from __future__ import annotations

import copy
import os
import shutil
from pathlib import Path

import pytest
from docx import Document

from pipeline.catalog import Catalog
from pipeline.workbook import write_workbook

INFO = {
    "year": 2025,
    "occasion": "Hằng năm",
    "parent_agency": "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
    "agency": "VĂN PHÒNG",
    "agency_name": "Văn phòng Ủy ban nhân dân tỉnh Sơn La",
    "agency_code": "VPUB",
    "drafting_unit": "TCHCQT",
    "place": "Sơn La",
    "sign_date": "05/12/2025",
    "number_to_trinh": "7",
    "signer": "Hà Minh Tuấn",
    "signer_title": "Phó Chánh Văn phòng",
    "sign_authority": "KT.",
    "head_title": "Chánh Văn phòng",
    "addressee": "Chủ tịch Ủy ban nhân dân tỉnh Sơn La",
}

COLLECTIVES = [
    {"name": "Phòng Kinh tế", "rating": "Hoàn thành xuất sắc nhiệm vụ",
     "title": "Tập thể lao động tiên tiến", "award": "Bằng khen của Chủ tịch UBND tỉnh",
     "achievements": "Tham mưu xây dựng nông thôn mới."},
    {"name": "Trung tâm Thông tin", "rating": "Hoàn thành tốt nhiệm vụ",
     "title": "Tập thể lao động tiên tiến"},
]

PEOPLE = [
    {"name": "Lò Văn Pọm", "sex": "Nam", "birth_year": 1980, "position": "Trưởng phòng",
     "unit": "Phòng Kinh tế", "rating": "Hoàn thành xuất sắc nhiệm vụ", "initiatives": 2,
     "title": "Chiến sĩ thi đua cơ sở", "award": "Bằng khen của Chủ tịch UBND tỉnh",
     "achievements": "02 sáng kiến cấp cơ sở.", "conclusion": "Đạt"},
    {"name": "Giàng A Páo", "sex": "Nam", "birth_year": 1990, "position": "Chuyên viên",
     "unit": "Phòng Kinh tế", "rating": "Hoàn thành tốt nhiệm vụ",
     "title": "Lao động tiên tiến"},
    {"name": "Cầm Thị Ánh", "sex": "Nữ", "birth_year": 1988, "position": "Viên chức",
     "unit": "Trung tâm Thông tin", "rating": "Hoàn thành xuất sắc nhiệm vụ",
     "title": "Lao động tiên tiến", "award": "Bằng khen của Chủ tịch UBND tỉnh",
     "achievements": "Vận hành cổng thông tin an toàn."},
    {"name": "Nguyễn Thị Ánh", "sex": "Nữ", "birth_year": 1979, "position": "Giám đốc",
     "unit": "Trung tâm Thông tin", "rating": "Hoàn thành tốt nhiệm vụ",
     "award": "Giấy khen của Chánh Văn phòng", "achievements": "Chỉ đạo số hóa tài liệu.",
     "conclusion": "Đạt"},
]


# Earlier years, so that the multi-year criteria have something to count.
HISTORY = [
    {"name": "Phòng Kinh tế", "years": 2024, "what": "HTXSNV"},
    {"name": "Lò Văn Pọm", "birth_year": 1980, "years": "2023-2024", "what": "HTXSNV",
     "initiatives": 1},
    {"name": "Lò Văn Pọm", "birth_year": 1980, "years": 2024, "what": "CSTĐCS",
     "decision_number": "215/QĐ-VPUB", "decision_date": "10/12/2024"},
    {"name": "Cầm Thị Ánh", "birth_year": 1988, "years": 2024, "what": "HTTNV"},
]


def round_data() -> dict:
    """A fresh copy of the small round, for a test to change."""
    tables = {"collectives": copy.deepcopy(COLLECTIVES), "individuals": copy.deepcopy(PEOPLE),
              "history": copy.deepcopy(HISTORY)}
    for row in tables["collectives"] + tables["individuals"]:
        row["votes"] = 9
    return {"info": dict(INFO), "pairs": {"council": {"members": 9, "present": 9}},
            "tables": tables}


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog()


@pytest.fixture
def make_workbook(tmp_path: Path, catalog: Catalog):
    """Write a round (default: the small one) to an .xlsx and return its path."""

    def make(data: dict | None = None, name: str = "2025-hang-nam.xlsx") -> Path:
        data = data or round_data()
        folder = tmp_path / "inputs"
        folder.mkdir(exist_ok=True)
        return write_round(folder / name, data, catalog)

    return make


def write_round(path: Path, data: dict, catalog: Catalog) -> Path:
    return write_workbook(path, catalog, pairs={"info": data["info"], **data.get("pairs", {})},
                          tables=data["tables"])


def docx_lines(path: Path) -> list[str]:
    """The text of a document as a clerk reads it: paragraphs and table cells, in order."""
    document = Document(path)
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_text(block))
        elif tag == "tbl":
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [c for c in row.iterchildren() if c.tag.endswith("}tc")]
                    lines.append(" | ".join(
                        "/".join(_text(p) for p in c.iterchildren() if p.tag.endswith("}p"))
                        for c in cells))
    return [line for line in lines if line.strip()]


def _text(paragraph) -> str:
    """A paragraph's text; Word's non-breaking hyphen reads as the hyphen it prints."""
    return "".join(t.text or "" if t.tag.endswith("}t") else "-" for t in paragraph.iter()
                   if t.tag.endswith(("}t", "}noBreakHyphen")))


def sized_round(people: int) -> dict:
    """A round of `people` invented people in one unit per eight, each unit proposed as a Tập
    thể lao động tiên tiến and each person as a Lao động tiên tiến; the first two people also
    for the chairman's Bằng khen, so that every document of the set is made."""
    data = round_data()
    units = [f"Phòng số {u + 1}" for u in range(max(1, people // 8))]
    data["tables"] = {
        "collectives": [{"name": unit, "rating": "Hoàn thành tốt nhiệm vụ",
                         "title": "Tập thể lao động tiên tiến", "votes": 9} for unit in units],
        "individuals": [
            {"name": f"{FAMILY[n % 7]} Văn {GIVEN[n % 11]}", "sex": "Nam",
             "birth_year": 1970 + n % 30, "position": "Chuyên viên", "unit": units[n % len(units)],
             "rating": "Hoàn thành tốt nhiệm vụ", "title": "Lao động tiên tiến", "votes": 9,
             "code": f"CB{n:04d}"}
            | ({"kind": "Phong trào", "award": "Bằng khen của Chủ tịch UBND tỉnh",
                "achievements": "Tiêu biểu trong phong trào thi đua của tỉnh."} if n < 2 else {})
            for n in range(people)],
    }
    return data


FAMILY = ["Lò", "Cầm", "Quàng", "Lường", "Tòng", "Giàng", "Nguyễn"]
GIVEN = ["Pọm", "Páo", "Xôm", "Ín", "Khiêm", "Thắng", "Tươi", "Dơ", "Mỷ", "Sinh", "Nam"]


RENDER_TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdffonts")


def require_tools(*tools: str) -> None:
    """Skip a test when one of the tools it runs is missing; under CI fail instead, for CI
    must install them (see .ci/run)."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing and os.environ.get("CI"):
        pytest.fail(f"CI must install {', '.join(missing)} (see .ci/run)")
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
