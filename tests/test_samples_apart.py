"""The sample workbooks of inputs/ never mix with a clerk's own: her first steps show only her
round, and the quick start still generates every sample round, apart from hers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.catalog import Catalog
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.main import check, taking_part
from pipeline.read import is_sample

SAMPLES = Path(__file__).resolve().parent.parent / "inputs"
SAMPLE_FILES = ["2021-hang-nam.xlsx", "2022-hang-nam.xlsx", "2023-hang-nam.xlsx",
                "2023-so-ket.xlsx", "2024-hang-nam.xlsx", "2025-hang-nam.xlsx",
                "2025-tong-ket.xlsx", "2026-hang-nam.xlsx"]
SAMPLE_ROUNDS = [name.removesuffix(".xlsx") for name in SAMPLE_FILES]
# People and units of the samples that the clerk's workbook below does not have.
SAMPLE_ONLY = ["Đặng Quốc Khải", "Cầm Thị Ngọc Lan", "Đinh Quang Huy", "Lê Hoàng Nam",
               "Cà Văn Ín", "Phòng Nội chính", "Trung tâm Thông tin", "Phan Đức Lâm"]
SET_ASIDE = ("8 bảng tính mẫu (dữ liệu bịa ra để xem thử) được để riêng: không kiểm tra, không "
             "lập văn bản, không tính vào lịch sử; hãy chuyển chúng sang thư mục khác (ví dụ thư "
             "mục mau, xem lại bằng “khenthuong generate --inputs mau”) hoặc xoá đi.")
ASIDE = "  Cảnh báo: " + SET_ASIDE  # the one line about the samples, under "thư mục inputs:"
SAMPLES_SAID = ("Đây là các bảng tính mẫu, dữ liệu bịa ra để xem thử (sheet Thông tin có dòng "
                "“Bảng tính mẫu”)")
REAL_ROUND = ("Làm đợt thật: chạy “khenthuong init”, điền số liệu vào bảng tính vừa tạo rồi chạy "
              "lại; các bảng tính mẫu sẽ được để riêng. Bảng tính nào là số liệu thật thì xoá dòng "
              "“Bảng tính mẫu” của nó.")

# Her real 2025 round: two units and three people, two of them named as in the samples
# (Lò Văn Khiêm and Trần Thị Hải Yến, same birth years, even the same units' names).
COLLECTIVES = [
    {"Mã": "TH", "Tên tập thể": "Phòng Tổng hợp", "Mức hoàn thành nhiệm vụ": "HTXSNV",
     "Danh hiệu đề nghị": "Tập thể lao động tiên tiến", "Số phiếu đồng ý": 3},
    {"Mã": "KT", "Tên tập thể": "Phòng Kinh tế", "Mức hoàn thành nhiệm vụ": "HTTNV",
     "Danh hiệu đề nghị": "Tập thể lao động tiên tiến", "Số phiếu đồng ý": 3},
]
PEOPLE = [
    {"Mã": "NV01", "Họ và tên": "Lò Văn Khiêm", "Giới tính": "Nam", "Năm sinh": 1978,
     "Chức vụ": "Trưởng phòng", "Đơn vị": "Phòng Kinh tế", "Mức hoàn thành nhiệm vụ": "HTXSNV",
     "Số sáng kiến được công nhận": 1, "Phạm vi ảnh hưởng của sáng kiến": "Cơ sở",
     "Kỷ luật": "Không", "Loại khen thưởng": "Công trạng", "Danh hiệu đề nghị": "LĐTT",
     "Hình thức khen thưởng đề nghị": "Bằng khen của Chủ tịch UBND tỉnh",
     "Thành tích": "Chủ trì đề án hỗ trợ xã đạt chuẩn nông thôn mới.", "Số phiếu đồng ý": 3},
    {"Mã": "NV02", "Họ và tên": "Trần Thị Hải Yến", "Giới tính": "Nữ", "Năm sinh": 1982,
     "Chức vụ": "Phó Trưởng phòng", "Đơn vị": "Phòng Tổng hợp",
     "Mức hoàn thành nhiệm vụ": "HTXSNV", "Kỷ luật": "Không", "Danh hiệu đề nghị": "LĐTT",
     "Số phiếu đồng ý": 3},
    {"Mã": "NV03", "Họ và tên": "Nguyễn Văn Bình", "Giới tính": "Nam", "Năm sinh": 1990,
     "Chức vụ": "Chuyên viên", "Đơn vị": "Phòng Tổng hợp", "Mức hoàn thành nhiệm vụ": "HTTNV",
     "Kỷ luật": "Không", "Danh hiệu đề nghị": "LĐTT", "Số phiếu đồng ý": 3},
]
# With the samples as her history (Khiêm was rated HTXSNV with a sáng kiến in their 2024), his
# Bằng khen would pass: 02 năm liên tục hoàn thành xuất sắc nhiệm vụ.
VERDICTS = {
    ("Phòng Tổng hợp", "Tập thể lao động tiên tiến"): "đủ điều kiện",
    ("Phòng Kinh tế", "Tập thể lao động tiên tiến"): "đủ điều kiện",
    ("Lò Văn Khiêm", "Lao động tiên tiến"): "đủ điều kiện",
    ("Lò Văn Khiêm", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"): "không đủ điều kiện",
    ("Trần Thị Hải Yến", "Lao động tiên tiến"): "đủ điều kiện",
    ("Nguyễn Văn Bình", "Lao động tiên tiến"): "đủ điều kiện",
}
HER_SUBJECTS = {"Phòng Tổng hợp", "Phòng Kinh tế", "Lò Văn Khiêm", "Trần Thị Hải Yến",
                "Nguyễn Văn Bình"}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of the project as a clerk unpacks it: the samples in inputs/, outputs/ empty."""
    shutil.copytree(SAMPLES, tmp_path / "inputs")
    (tmp_path / "outputs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fill(path: Path) -> None:
    """Type her round over init's example rows, as she would in Excel."""
    book = load_workbook(path)
    for title, rows in (("Tập thể", COLLECTIVES), ("Cá nhân", PEOPLE), ("Lịch sử", []),
                        ("Quyết định", []), ("Chỉ tiêu", [])):
        sheet = book[title]
        headers = [cell.value for cell in sheet[3]]
        sheet.delete_rows(4, sheet.max_row)
        for number, row in enumerate(rows, start=1):
            sheet.append([number] + [row.get(h) for h in headers[1:]])
    info = book["Thông tin"]
    signer = next(c for (c,) in info.iter_rows(max_col=1) if c.value == "Người ký")
    info.cell(row=signer.row, column=2, value="Hoàng Văn Tâm")
    book.save(path)


def shows_no_sample(output: str) -> None:
    for name in SAMPLE_ONLY + SAMPLE_FILES + [r for r in SAMPLE_ROUNDS if r != "2025-hang-nam"]:
        assert name not in output, name
    lines = output.splitlines()
    assert [line for line in lines if "mẫu" in line.lower()] == [ASIDE]
    assert lines[lines.index(ASIDE) - 1] == "thư mục inputs:"


def test_first_use_shows_only_her_round(project):
    made = run("init", "--nam", "2025")
    assert made.exit_code == 0, made.output
    assert made.output == ("Đã tạo inputs/bang-tinh-khen-thuong.xlsx: điền số liệu (xoá các dòng "
                           "ví dụ), rồi chạy “khenthuong check”.\n")
    mine = project / "inputs" / "bang-tinh-khen-thuong.xlsx"
    labels = [c.value for (c,) in load_workbook(mine)["Thông tin"].iter_rows(max_col=1)]
    assert "Năm" in labels and "Bảng tính mẫu" not in labels  # hers is no sample
    fill(mine)

    checked = run("check")
    assert checked.exit_code == 0, checked.output
    lines = checked.output.splitlines()
    assert lines[:3] == ["thư mục inputs:", ASIDE, "Đợt 2025-hang-nam (bang-tinh-khen-thuong.xlsx)"]
    # 3 Lao động tiên tiến at 0,3 × 2.340.000 = 702.000, rounded up to 710.000, and 2 Tập thể
    # lao động tiên tiến at 0,8 × 2.340.000 = 1.872.000 → 1.880.000; Khiêm's Bằng khen is refused
    assert "  Tiền thưởng: 5.890.000 đồng (mức lương cơ sở 2.340.000 đồng, " in checked.output
    assert "  Đề nghị: 6 — đủ điều kiện: 5; cần kiểm tra: 0; không đủ điều kiện: 1." in lines
    shows_no_sample(checked.output)

    named = run("check", "inputs/bang-tinh-khen-thuong.xlsx", "--json")  # the rest is history
    assert named.exit_code == 0, named.output
    (round_,) = json.loads(named.stdout)["rounds"]
    assert {(p["subject"], p["award"]): p["verdict"] for p in round_["proposals"]} == VERDICTS
    assert json.loads(named.stdout)["warnings"] == ["Cảnh báo: thư mục inputs: " + SET_ASIDE]
    assert json.loads(named.stdout)["samples"] is False

    marked = run("check", "--xlsx", "kiem-tra.xlsx")
    assert marked.exit_code == 0, marked.output
    assert ("Đã ghi kiem-tra.xlsx: không có ô nào có lỗi hay cảnh báo; kết quả thẩm định và lý "
            "do của 6 đề nghị ở các cột cuối sheet Tập thể, Cá nhân; mở ra ở sheet Cá nhân, ô "
            "AC4.") in marked.output
    copy = load_workbook(project / "kiem-tra.xlsx")["Cá nhân"]
    assert [r[2] for r in copy.iter_rows(min_row=4, values_only=True)] == \
        ["Lò Văn Khiêm", "Trần Thị Hải Yến", "Nguyễn Văn Bình"]
    shows_no_sample(marked.output)

    made = run("generate")
    assert made.exit_code == 0, made.output
    shows_no_sample(made.output)
    assert "  Đã ghi 6 tệp vào outputs/2025-hang-nam:" in made.output  # nothing goes up
    assert listed(project / "outputs") == ["2025-hang-nam", "so-theo-doi-khen-thuong"]
    assert listed(project / "outputs" / "2025-hang-nam") == [
        "bao-cao-ket-qua.docx", "bien-ban-hop-hoi-dong.docx", "ket-qua-tham-dinh.xlsx",
        "manifest.json", "quyet-dinh-danh-hieu.docx", "tom-tat.txt", "tong-hop-kinh-phi.xlsx"]
    verdicts = {(r[2], r[5]): r[7] for r in rows_of(
        project / "outputs" / "2025-hang-nam" / "ket-qua-tham-dinh.xlsx")}
    assert verdicts == VERDICTS
    register = rows_of(project / "outputs" / "so-theo-doi-khen-thuong" /
                       "so-theo-doi-khen-thuong.xlsx")
    assert {r[1] for r in register} == HER_SUBJECTS and len(register) == 5
    assert {r[14] for r in register} == {"bang-tinh-khen-thuong.xlsx"}
    assert "Sổ theo dõi khen thưởng (5 dòng" in made.output


def listed(folder: Path) -> list[str]:
    """What a clerk sees in a folder (not the lock file that keeps two runs apart)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def rows_of(path: Path) -> list[tuple]:
    """The numbered rows of a working list (its first column is STT)."""
    sheet = load_workbook(path, read_only=True).active
    return [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]


def test_the_quick_start_generates_every_sample_round_apart(project):
    made = run("generate")
    assert made.exit_code == 0, made.output
    assert listed(project / "outputs") == ["mau"]
    assert listed(project / "outputs" / "mau") == SAMPLE_ROUNDS + ["so-theo-doi-khen-thuong"]
    assert "  Đã ghi 14 tệp vào outputs/mau/2025-hang-nam:" in made.output
    assert SET_ASIDE not in made.output
    assert made.output.splitlines()[-2:] == [
        SAMPLES_SAID + "; văn bản của chúng được ghi riêng vào outputs/mau.", REAL_ROUND]
    checked = run("check")
    assert checked.exit_code == 0, checked.output
    assert checked.output.splitlines()[-2:] == [SAMPLES_SAID + ".", REAL_ROUND]
    assert json.loads(run("check", "--json").stdout)["samples"] is True


def test_a_sample_named_on_the_command_line_runs_as_a_sample(project):
    run("init", "--nam", "2025")
    fill(project / "inputs" / "bang-tinh-khen-thuong.xlsx")
    made = run("generate", "inputs/2025-hang-nam.xlsx")
    assert made.exit_code == 0, made.output
    assert SET_ASIDE not in made.output and "Nguyễn Văn Bình" not in made.output
    assert listed(project / "outputs") == ["mau"]
    assert listed(project / "outputs" / "mau") == ["2025-hang-nam", "so-theo-doi-khen-thuong"]
    register = rows_of(project / "outputs" / "mau" / "so-theo-doi-khen-thuong" /
                       "so-theo-doi-khen-thuong.xlsx")
    assert "Nguyễn Văn Bình" not in {r[1] for r in register}  # her round is no sample's history
    assert not any(r[14].startswith("bang-tinh-khen-thuong") for r in register)


def test_marking_needs_only_one_workbook_even_among_samples(project):
    refused = run("check", "--xlsx", "kiem-tra.xlsx")
    assert refused.exit_code == 2
    assert ("--xlsx chỉ dùng khi kiểm tra một bảng tính, ở đây có 8 (" + ", ".join(SAMPLE_FILES)
            + "); hãy chỉ rõ một bảng tính, ví dụ: khenthuong check inputs/2021-hang-nam.xlsx "
            "--xlsx kiem-tra.xlsx") in refused.output
    assert not (project / "kiem-tra.xlsx").exists()


def without_marker(source: Path, target: Path) -> Path:
    book = load_workbook(source)
    sheet = book["Thông tin"]
    row = next(c.row for (c,) in sheet.iter_rows(max_col=1) if c.value == "Bảng tính mẫu")
    sheet.delete_rows(row)
    book.save(target)
    return target


def test_the_marker_makes_a_sample_and_deleting_its_row_a_real_workbook(tmp_path, catalog):
    assert all(is_sample(SAMPLES / name, catalog) for name in SAMPLE_FILES)
    copied = without_marker(SAMPLES / "2024-hang-nam.xlsx", tmp_path / "2024-hang-nam.xlsx")
    assert not is_sample(copied, catalog)
    (tmp_path / "khac").mkdir()
    (tmp_path / "khac" / "hong.xlsx").write_bytes(b"PK not a workbook")
    assert not is_sample(tmp_path / "khac" / "hong.xlsx", catalog)

    samples = sorted(SAMPLES.glob("*.xlsx"))
    taking = taking_part(samples, [], catalog)
    assert taking.samples and taking.workbooks == tuple(samples) and not taking.set_aside
    taking = taking_part([copied], samples, catalog)
    assert not taking.samples and taking.workbooks == (copied,) and taking.history == ()
    assert sorted(p.name for p in taking.set_aside) == SAMPLE_FILES


def test_a_copied_sample_keeps_saying_it_is_one(tmp_path, catalog):
    """A clerk who starts from a copy of a sample sees her rounds run as samples, and is told."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(SAMPLES / "2025-hang-nam.xlsx", folder / "don-vi-toi.xlsx")
    summary = check([folder / "don-vi-toi.xlsx"])
    assert summary.samples and [r.round.slug for r in summary.rounds] == ["2025-hang-nam"]
    without_marker(folder / "don-vi-toi.xlsx", folder / "don-vi-toi.xlsx")
    assert not check([folder / "don-vi-toi.xlsx"]).samples


def test_the_marker_takes_yes_or_no(make_workbook):
    from conftest import round_data

    data = round_data()
    data["info"]["sample"] = "Chưa rõ"
    with pytest.raises(InputError) as raised:
        check([make_workbook(data)])
    (problem,) = raised.value.problems
    assert problem.header == "Bảng tính mẫu" and problem.value == "Chưa rõ"
    assert problem.expected == "“Có”, “Không”"
    data["info"]["sample"] = "Không"
    assert not check([make_workbook(data)]).samples


def test_the_blank_workbook_is_no_sample(tmp_path, catalog):
    from pipeline.workbook import blank_workbook

    assert not is_sample(blank_workbook(tmp_path / "moi.xlsx", catalog, year=2025), catalog)
    assert Catalog().lookup("yes_no", "có").code == "co"
