"""The summary of a round saved as tom-tat.txt: the terminal's section of that round, in the
round's folder, listed in the manifest, untouched by a rerun that changes nothing."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from click.testing import CliRunner
from conftest import round_data, write_round

from pipeline import check
from pipeline.cli import main
from pipeline.summary import _change_lines, round_lines
from pipeline.write import Changes

LAW = "Luật Thi đua, khen thưởng 2022"
LIST = """\
  Đã ghi 11 tệp vào {folder}:
    - to-trinh-de-nghi-khen-thuong.docx
    - danh-sach-de-nghi-khen-thuong.docx
    - bao-cao-thanh-tich/01-phong-kinh-te.docx
    - bao-cao-thanh-tich/02-lo-van-pom.docx
    - quyet-dinh-giay-khen.docx
    - quyet-dinh-danh-hieu.docx
    - bien-ban-hop-hoi-dong.docx
    - bao-cao-ket-qua.docx
    - ket-qua-tham-dinh.xlsx
    - tong-hop-kinh-phi.xlsx
    - tom-tat.txt
  Báo cáo thành tích còn dòng chấm để điền tay trước khi ký (hoặc ghi vào cột cùng tên của \
bảng tính rồi chạy lại):
    - bao-cao-thanh-tich/01-phong-kinh-te.docx: còn để trống Trụ sở; Số lượng cán bộ; Tổ \
chức bộ máy; Chức năng, nhiệm vụ; Biện pháp
    - bao-cao-thanh-tich/02-lo-van-pom.docx: còn để trống Ngày sinh; Quê quán; Trú quán; \
Trình độ chuyên môn; Học hàm, học vị; Quyền hạn, nhiệm vụ
  bao-cao-ket-qua.docx còn để trống (dòng chấm để viết tay, hoặc ghi vào sheet Thông tin rồi \
chạy lại): “Đặc điểm tình hình”, “Công tác chỉ đạo, triển khai”, “Đánh giá chung”, “Phương \
hướng”, “Đề xuất, kiến nghị”.
"""
ANH = f"""\
    Cầm Thị Ánh — Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh:
      Không đạt trường hợp nào ({LAW}, Điều 74):
        a) Cần thành tích phong trào hoặc đột xuất do đơn vị bình xét, ghi ở cột Loại khen \
thưởng và Thành tích; cột Loại khen thưởng ghi “Công trạng” ({LAW}, Điều 74.1.a-b, 74.2).
        b) Cần 02 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá 01 \
năm; chưa lần nào đạt Chiến sĩ thi đua cơ sở ({LAW}, Điều 74.1.d).
        c) Cần 02 năm liên tục đến năm 2025 hoàn thành xuất sắc nhiệm vụ trở lên, trong thời \
gian đó có 02 sáng kiến; năm 2024 chỉ hoàn thành tốt nhiệm vụ ({LAW}, Điều 74.1.d).
"""
HEAD = """\
Đợt 2025-hang-nam (2025-hang-nam.xlsx)
  Quy định áp dụng: Luật Thi đua, khen thưởng 2022 và Nghị định số 152/2025/NĐ-CP.
"""
FIRST = HEAD + """\
  Đề nghị: 9 — đủ điều kiện: 6; cần kiểm tra: 2; không đủ điều kiện: 1.
  Trình cấp trên: 2; thuộc thẩm quyền của Văn phòng: 6.
  Tiền thưởng: 18.760.000 đồng (mức lương cơ sở 2.340.000 đồng, Nghị định 73/2024/NĐ-CP, \
Điều 3.2).
  Lý do chưa đủ điều kiện hoặc cần kiểm tra:
""" + ANH + LIST
# Giàng A Páo only hoàn thành nhiệm vụ: his Lao động tiên tiến fails, and with it his unit's
# Tập thể lao động tiên tiến (1 of its 2 people, 50% < 70%); 18.760.000 − 710.000 − 1.880.000.
SECOND = HEAD + f"""\
  Đề nghị: 9 — đủ điều kiện: 4; cần kiểm tra: 2; không đủ điều kiện: 3.
  Trình cấp trên: 2; thuộc thẩm quyền của Văn phòng: 4.
  Tiền thưởng: 16.170.000 đồng (mức lương cơ sở 2.340.000 đồng, Nghị định 73/2024/NĐ-CP, \
Điều 3.2).
  Lý do chưa đủ điều kiện hoặc cần kiểm tra:
{ANH}\
    Giàng A Páo — Lao động tiên tiến:
      Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025; năm 2025 chỉ hoàn thành nhiệm vụ \
({LAW}, Điều 24.1.a).
    Phòng Kinh tế — Tập thể lao động tiên tiến:
      Cần từ 70% cá nhân của tập thể đạt Lao động tiên tiến; chỉ 01/02 cá nhân đủ tiêu chuẩn, \
bằng 50% ({LAW}, Điều 28).
{LIST}\
  So với lần chạy trước:
    - Giàng A Páo (1990), Lao động tiên tiến: đủ điều kiện, 710.000 đồng → không đủ điều kiện
    - Phòng Kinh tế, Tập thể lao động tiên tiến: đủ điều kiện, 1.880.000 đồng → không đủ \
điều kiện
    Văn bản thay đổi: bao-cao-ket-qua.docx, bien-ban-hop-hoi-dong.docx, ket-qua-tham-dinh.xlsx, \
quyet-dinh-danh-hieu.docx, to-trinh-de-nghi-khen-thuong.docx, tong-hop-kinh-phi.xlsx.
"""
EDITED = ("  quyet-dinh-danh-hieu.docx đã được sửa tay sau lần lập trước: bản sửa tay được giữ ở "
          "quyet-dinh-danh-hieu.sua-tay.docx, văn bản lập lại theo số liệu mới nằm ở "
          "quyet-dinh-danh-hieu.docx; hãy chép phần đã sửa sang bản mới.\n")


def _project(tmp_path, catalog, data=None):
    """A project folder with the small round in inputs/."""
    (tmp_path / "inputs").mkdir(exist_ok=True)
    return write_round(tmp_path / "inputs" / "2025-hang-nam.xlsx", data or round_data(), catalog)


def _generate(tmp_path, monkeypatch) -> str:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["generate"])
    assert result.exit_code == 0, result.output
    return result.output


def _section(output: str) -> str:
    """The round's section of what generate printed: up to the register's line."""
    start = output.index("Đợt 2025-hang-nam")
    return output[start:output.index("Sổ theo dõi khen thưởng", start)]


def _saved(tmp_path) -> str:
    data = (tmp_path / "outputs" / "2025-hang-nam" / "tom-tat.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Notepad reads it as UTF-8
    text = data[3:].decode("utf-8")
    assert text.count("\r\n") == text.count("\n")  # Windows line ends only
    return text.replace("\r\n", "\n")


def _files(folder):
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_the_summary_is_saved_as_the_terminal_prints_it(tmp_path, catalog, monkeypatch):
    _project(tmp_path, catalog)
    printed = _section(_generate(tmp_path, monkeypatch))
    assert printed == FIRST.format(folder="outputs/2025-hang-nam")
    assert _saved(tmp_path) == FIRST.format(folder="2025-hang-nam")  # the folder it is in


def test_the_summary_is_listed_in_the_manifest(tmp_path, catalog, monkeypatch):
    _project(tmp_path, catalog)
    _generate(tmp_path, monkeypatch)
    folder = tmp_path / "outputs" / "2025-hang-nam"
    listed = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    assert listed["tom-tat.txt"] == hashlib.sha256(
        (folder / "tom-tat.txt").read_bytes()).hexdigest()


def test_a_rerun_says_what_changed_and_one_more_leaves_every_file_alone(tmp_path, catalog,
                                                                      monkeypatch):
    _project(tmp_path, catalog)
    _generate(tmp_path, monkeypatch)
    folder = tmp_path / "outputs" / "2025-hang-nam"
    (folder / "quyet-dinh-danh-hieu.docx").write_bytes(b"ban sua tay")
    data = round_data()
    data["tables"]["individuals"][1]["rating"] = "Hoàn thành nhiệm vụ"  # Giàng A Páo
    (tmp_path / "inputs" / "2025-hang-nam.xlsx").unlink()
    _project(tmp_path, catalog, data)
    printed = _section(_generate(tmp_path, monkeypatch))
    (kept,) = (tmp_path / "outputs").glob("2025-hang-nam.ban-cu-*")
    assert printed == (SECOND.format(folder="outputs/2025-hang-nam")
                       + f"  Bản trước được giữ ở outputs/{kept.name}.\n" + EDITED)
    assert _saved(tmp_path) == SECOND.format(folder="2025-hang-nam") + EDITED
    assert (folder / "quyet-dinh-danh-hieu.sua-tay.docx").read_bytes() == b"ban sua tay"

    before = _files(tmp_path / "outputs")
    printed = _section(_generate(tmp_path, monkeypatch))
    assert printed.endswith("  Không có gì thay đổi so với lần trước: outputs/2025-hang-nam "
                            "giữ nguyên.\n")
    assert _files(tmp_path / "outputs") == before  # the summary still tells of the last change
    assert _saved(tmp_path) == SECOND.format(folder="2025-hang-nam") + EDITED


def test_a_summary_the_clerk_edited_is_kept_beside_the_new_one(tmp_path, catalog, monkeypatch):
    _project(tmp_path, catalog)
    _generate(tmp_path, monkeypatch)
    folder = tmp_path / "outputs" / "2025-hang-nam"
    (folder / "tom-tat.txt").write_bytes(b"Kinh gui anh chi: ...")
    assert _generate(tmp_path, monkeypatch).count("Không có gì thay đổi") == 1
    assert (folder / "tom-tat.txt").read_bytes() == b"Kinh gui anh chi: ..."

    data = round_data()
    data["tables"]["individuals"][1]["rating"] = "Hoàn thành nhiệm vụ"
    (tmp_path / "inputs" / "2025-hang-nam.xlsx").unlink()
    _project(tmp_path, catalog, data)
    printed = _generate(tmp_path, monkeypatch)
    assert ("  tom-tat.txt đã được sửa tay sau lần lập trước: bản sửa tay được giữ ở "
            "tom-tat.sua-tay.txt, văn bản lập lại theo số liệu mới nằm ở tom-tat.txt; hãy chép "
            "phần đã sửa sang bản mới.\n") in printed
    assert (folder / "tom-tat.sua-tay.txt").read_bytes() == b"Kinh gui anh chi: ..."
    assert _saved(tmp_path) == SECOND.format(folder="2025-hang-nam")


def test_the_deadline_is_told_on_the_terminal_only(tmp_path, catalog):
    result = check([_project(tmp_path, catalog)]).rounds[0]
    deadline = ("  Hạn gửi báo cáo kết quả cho Sở Nội vụ: trước ngày 30/11/2025 (còn 29 ngày).")
    assert deadline in round_lines(result, today=date(2025, 11, 1))
    assert not any("Hạn gửi" in line for line in round_lines(result))


def test_a_proposal_waiting_for_the_council_shows_its_reasons(tmp_path, catalog):
    """Without a Kết luận, Nguyễn Thị Ánh's Giấy khen is "cần kiểm tra": the summary says why
    (the province's own standard for Giấy khen, Điều 75.2, unchecked against its text); Lò Văn
    Pọm's Chiến sĩ thi đua cơ sở, also "cần kiểm tra" but concluded "Đạt", is not listed."""
    data = round_data()
    for row in data["tables"]["individuals"]:
        if row["name"] == "Nguyễn Thị Ánh":
            row["conclusion"] = None
    lines = round_lines(check([_project(tmp_path, catalog, data)]).rounds[0])
    owners = [line[4:] for line in lines if line.startswith("    ") and line[4] != " "
              and line.endswith(":")]
    assert owners == ["Cầm Thị Ánh — Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh:",
                      "Nguyễn Thị Ánh — Giấy khen của Chánh Văn phòng:"]
    assert ("  Chờ kết luận của Hội đồng (chưa vào văn bản nào): 1 đề nghị cần kiểm tra, lý do "
            "ở dưới.") in lines
    assert not any("kết luận không đạt" in line for line in lines)
    below = lines[lines.index("    Nguyễn Thị Ánh — Giấy khen của Chánh Văn phòng:") + 1]
    assert below == ("      Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025; năm 2025 hoàn "
                     "thành tốt nhiệm vụ; điều kiện này chưa được đối chiếu với văn bản gốc "
                     f"({LAW}, Điều 75.2, tiêu chuẩn do tỉnh quy định).")


def test_proposals_the_council_refused_are_counted_apart_from_those_waiting(tmp_path, catalog):
    """The council's "Không đạt" on a row refuses every proposal of it: Lò Văn Pọm's Chiến sĩ
    thi đua cơ sở and his Bằng khen, and Nguyễn Thị Ánh's Giấy khen; nothing waits."""
    data = round_data()
    for row in data["tables"]["individuals"]:
        if row["name"] in ("Lò Văn Pọm", "Nguyễn Thị Ánh"):
            row["conclusion"] = "Không đạt"
    lines = round_lines(check([_project(tmp_path, catalog, data)]).rounds[0])
    assert "  Hội đồng kết luận không đạt: 3 đề nghị, không vào văn bản." in lines
    assert not any(line.startswith("  Chờ kết luận") for line in lines)


def test_a_round_before_any_rule_file_says_it_is_history_only(tmp_path, catalog):
    data = round_data()
    data["info"] |= {"year": 2016, "sign_date": "20/12/2016"}
    (tmp_path / "inputs").mkdir()
    path = write_round(tmp_path / "inputs" / "2016-hang-nam.xlsx", data, catalog)
    assert round_lines(check([path]).rounds[0]) == [
        "Đợt 2016-hang-nam (2016-hang-nam.xlsx)",
        "  Ngày quyết định 20/12/2016 chưa có quy định nào trong forms/rules: bảng tính này chỉ "
        "dùng làm lịch sử, không lập văn bản."]


def test_what_each_proposal_came_to_is_recorded_in_words(tmp_path, catalog):
    """Kept in the manifest for a rerun to compare: a proposal the council has not concluded
    on, one it refused, and one eligible with its money (hệ số 0,3 × 2.340.000 = 702.000,
    rounded up to 710.000 đồng)."""
    from pipeline.main import outcomes

    data = round_data()
    for row in data["tables"]["individuals"]:
        row["conclusion"] = {"Lò Văn Pọm": "Không đạt"}.get(row["name"])
    record = outcomes(check([_project(tmp_path, catalog, data)]).rounds[0].assessment)
    assert record["Nguyễn Thị Ánh (1979), Giấy khen của Chánh Văn phòng"] == (
        "cần kiểm tra, chờ kết luận của Hội đồng")
    assert record["Lò Văn Pọm (1980), Chiến sĩ thi đua cơ sở"] == (
        "cần kiểm tra, Hội đồng kết luận không đạt")
    assert record["Giàng A Páo (1990), Lao động tiên tiến"] == "đủ điều kiện, 710.000 đồng"


def test_a_rerun_lists_twenty_changed_proposals_and_counts_the_rest():
    since = Changes(proposals=tuple((f"Người {n:02d} — Lao động tiên tiến", "cần kiểm tra",
                                     "đủ điều kiện") for n in range(1, 24)))
    lines = _change_lines(since)
    assert lines[0] == "So với lần chạy trước:"
    assert lines[20] == "  - Người 20 — Lao động tiên tiến: cần kiểm tra → đủ điều kiện"
    assert lines[21:] == ["  … và 3 đề nghị khác thay đổi kết quả, xem ket-qua-tham-dinh.xlsx."]
