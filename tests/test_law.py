"""`khenthuong quy-dinh`: the rules in force on a date, in words a jurist checks against the law.

The expected lines are written by hand from the texts quoted in forms/rules/*.toml.
"""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.rules import PREDICATES
from pipeline.wording import DESCRIPTIONS


def quy_dinh(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["quy-dinh", *args])
    return result.exit_code, result.output.splitlines()


def block(lines: list[str], award: str) -> list[str]:
    """The lines of one award: its heading and the indented lines under it."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{award} — "))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")),
               len(lines))
    return lines[start:end]


def test_heading_of_a_round_under_nd_152():
    code, lines = quy_dinh("--ngay", "02/12/2026")
    assert code == 0
    assert lines[:4] == [
        "Quy định áp dụng cho quyết định ngày 02/12/2026: Luật Thi đua, khen thưởng 2022 và "
        "Nghị định số 152/2025/NĐ-CP (Nghị định 152/2025/NĐ-CP, Điều 59.1).",
        "Căn cứ: Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số "
        "152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một "
        "số điều của Luật Thi đua, khen thưởng.",
        "Mức lương cơ sở: 2.530.000 đồng, từ ngày 01/7/2026 (Nghị định 161/2026/NĐ-CP).",
        "Tiền thưởng = hệ số × mức lương cơ sở tại ngày quyết định, làm tròn số lên hàng chục "
        "nghìn đồng (Nghị định 152/2025/NĐ-CP, Điều 49.1-2)."]


def test_lao_dong_tien_tien_today():
    _, lines = quy_dinh("--ngay", "02/12/2026")
    assert block(lines, "Lao động tiên tiến") == [
        "Lao động tiên tiến — Chánh Văn phòng quyết định; thuộc thẩm quyền của Văn phòng (Luật "
        "Thi đua, khen thưởng 2022, Điều 24; Điều 80.1).",
        "  Tiền thưởng: cá nhân hệ số 0,3 = 760.000 đồng (Nghị định 152/2025/NĐ-CP, Điều "
        "50.1.d); Chánh Văn phòng chi từ quỹ thi đua, khen thưởng do cấp mình quản lý (Luật Thi "
        "đua, khen thưởng 2022, Điều 11.4).",
        "  Biểu quyết của Hội đồng: trên 50% số thành viên dự họp Hội đồng (Quy chế hoạt động "
        "của Hội đồng Thi đua - Khen thưởng (biểu quyết theo đa số thành viên dự họp)).",
        "  Điều kiện (phải đạt tất cả):",
        "  1. Hoàn thành tốt nhiệm vụ trở lên trong năm xét (Luật Thi đua, khen thưởng 2022, "
        "Điều 24.1.a).",
        "  2. Không đang trong thời gian bị kỷ luật (Nghị định 152/2025/NĐ-CP, Điều 4.4)."]


def test_bang_khen_thu_tuong_reads_dieu_73_1_b():
    _, lines = quy_dinh("--ngay", "02/12/2026")
    assert block(lines, "Bằng khen của Thủ tướng Chính phủ")[0] == (
        "Bằng khen của Thủ tướng Chính phủ — Thủ tướng Chính phủ quyết định; Văn phòng lập tờ "
        "trình đề nghị (Luật Thi đua, khen thưởng 2022, Điều 73; Điều 79).")
    assert (
        "     b) Cá nhân: đã được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh về công trạng "
        "và có liên tục từ 05 năm trở lên đến năm xét hoàn thành tốt nhiệm vụ trở lên, trong "
        "thời gian đó có 03 lần đạt Chiến sĩ thi đua cơ sở (Luật Thi đua, khen thưởng 2022, "
        "Điều 73.1.b).") in block(lines, "Bằng khen của Thủ tướng Chính phủ")


def test_chien_si_thi_dua_counts_lan():
    _, lines = quy_dinh("--ngay", "02/12/2026")
    assert ("  1. 02 lần liên tục đạt Chiến sĩ thi đua cấp tỉnh, lần sau cách lần trước không "
            "quá 03 năm (Luật Thi đua, khen thưởng 2022, Điều 21).") \
        in block(lines, "Chiến sĩ thi đua toàn quốc")
    assert ("  1. 03 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá "
            "01 năm (Luật Thi đua, khen thưởng 2022, Điều 22).") \
        in block(lines, "Chiến sĩ thi đua cấp tỉnh")


def test_unread_rules_are_marked():
    _, lines = quy_dinh("--ngay", "02/12/2026")
    assert any("[chưa đối chiếu]" in line for line in block(lines, "Huân chương Lao động hạng Ba"))
    assert not any("[chưa đối chiếu]" in line for line in block(lines, "Lao động tiên tiến"))


ND98_VOTE = "(Nghị định 98/2023/NĐ-CP, Điều 30.7)."
ND152_VOTE = ("(Nghị định 152/2025/NĐ-CP (điều khoản về tỷ lệ phiếu đồng ý của Hội đồng) "
              "[chưa đối chiếu]).")
MAJORITY = ("trên 50% số thành viên dự họp Hội đồng (Quy chế hoạt động của Hội đồng Thi đua - "
            "Khen thưởng (biểu quyết theo đa số thành viên dự họp)).")


@pytest.mark.parametrize(("day", "award", "vote"), [
    (day, award, vote.format(source=source))
    for day, source in (("30/06/2025", ND98_VOTE), ("01/07/2025", ND152_VOTE))
    for award, vote in (
        ("Chiến sĩ thi đua toàn quốc", "từ 90% tổng số thành viên Hội đồng {source}"),
        ("Chiến sĩ thi đua cấp tỉnh", "từ 90% tổng số thành viên Hội đồng {source}"),
        ("Chiến sĩ thi đua cơ sở", "từ 80% tổng số thành viên Hội đồng {source}"),
        ("Cờ thi đua của Ủy ban nhân dân tỉnh", "từ 80% tổng số thành viên Hội đồng {source}"),
        ("Lao động tiên tiến", MAJORITY), ("Giấy khen của Chánh Văn phòng", MAJORITY),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", MAJORITY))])
def test_council_vote_of_each_award(day, award, vote):
    _, lines = quy_dinh("--ngay", day)
    assert f"  Biểu quyết của Hội đồng: {vote}" in block(lines, award)


def test_money_of_an_award_decided_above_the_office():
    _, lines = quy_dinh("--ngay", "30/06/2026")
    assert ("  Tiền thưởng: cá nhân hệ số 1,5 = 3.510.000 đồng; tập thể hệ số 3,0 = 7.020.000 "
            "đồng (Nghị định 152/2025/NĐ-CP, Điều 54); Chủ tịch Ủy ban nhân dân tỉnh chi từ quỹ "
            "thi đua, khen thưởng do cấp mình quản lý (Luật Thi đua, khen thưởng 2022, Điều "
            "11.4).") in block(lines, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")


def test_today_is_the_default(monkeypatch):
    class Today(date):
        @classmethod
        def today(cls):
            return date(2026, 12, 2)

    monkeypatch.setattr("pipeline.cli.date", Today)
    assert quy_dinh() == quy_dinh("--ngay", "02/12/2026")


def test_before_the_first_rule_file():
    code, lines = quy_dinh("--ngay", "30/09/2017")
    assert (code, lines) == (0, ["Ngày 30/9/2017 chưa có quy định nào trong forms/rules: quy "
                                 "định sớm nhất có hiệu lực từ 01/10/2017."])


def test_a_round_of_2023_under_the_law_of_2003():
    code, lines = quy_dinh("--ngay", "05/12/2023")
    assert lines[0] == ("Quy định áp dụng cho quyết định ngày 05/12/2023: Luật Thi đua, khen "
                        "thưởng 2003 (sửa đổi, bổ sung 2013) và Nghị định số 91/2017/NĐ-CP "
                        "(Nghị định 91/2017/NĐ-CP, hiệu lực đến 31/12/2023).")
    assert not any("2022" in line or "98/2023" in line or "152/2025" in line for line in lines)
    assert ("  1. 03 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không quá "
            "01 năm (Luật Thi đua, khen thưởng 2003, Điều 22).") \
        in block(lines, "Chiến sĩ thi đua cấp tỉnh")


def test_a_date_that_is_not_one():
    code, lines = quy_dinh("--ngay", "31/13/2026")
    assert code == 2
    assert "“31/13/2026” không phải ngày; cần ngày/tháng/năm, ví dụ 01/12/2026." in lines[-1]


def test_every_rule_has_its_sentence():
    assert set(DESCRIPTIONS) == set(PREDICATES)


HCLD3_CASES = [
    "  2. Một trong các trường hợp (Luật Thi đua, khen thưởng 2022, Điều 44) [chưa đối chiếu]:",
    "     a) Thành tích phong trào do đơn vị bình xét, ghi ở cột Loại khen thưởng và Thành tích "
    "(Luật Thi đua, khen thưởng 2022, Điều 44) [chưa đối chiếu].",
    "     b) Cá nhân: đã được tặng Bằng khen của Thủ tướng Chính phủ về công trạng, sau đó có "
    "liên tục từ 05 năm trở lên đến năm xét hoàn thành tốt nhiệm vụ trở lên, trong thời gian "
    "đó có 03 lần đạt Chiến sĩ thi đua cơ sở và 01 năm hoàn thành xuất sắc nhiệm vụ (Luật Thi "
    "đua, khen thưởng 2022, Điều 44) [chưa đối chiếu]."]


@pytest.mark.parametrize("day", ["30/06/2025", "02/12/2026"])
def test_unread_rules_still_say_their_numbers(day):
    """Huân chương Lao động hạng Ba and Bằng khen Thủ tướng for tập thể cannot make a verdict
    "đủ điều kiện", so only these lines pin the numbers a jurist will check."""
    _, lines = quy_dinh("--ngay", day)
    assert block(lines, "Huân chương Lao động hạng Ba")[-3:] == HCLD3_CASES
    assert ("     d) Tập thể: 05 năm liên tục đến năm xét hoàn thành xuất sắc nhiệm vụ trở lên "
            "(Luật Thi đua, khen thưởng 2022, Điều 73.2) [chưa đối chiếu].") \
        in block(lines, "Bằng khen của Thủ tướng Chính phủ")


RULES_2023 = [  # every criterion of the rule file of the Law of 2003, as a jurist reads it
    "     b) Cá nhân: đã được tặng Bằng khen của Thủ tướng Chính phủ về công trạng, sau đó có "
    "liên tục từ 05 năm trở lên đến năm xét hoàn thành xuất sắc nhiệm vụ trở lên (Nghị định "
    "91/2017/NĐ-CP, Điều 24) [chưa đối chiếu].",
    "     b) Cá nhân: đã được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh về công trạng, "
    "sau đó có liên tục từ 05 năm trở lên đến năm xét hoàn thành xuất sắc nhiệm vụ trở lên "
    "(Nghị định 91/2017/NĐ-CP, Điều 38) [chưa đối chiếu].",
    "     c) Tập thể: 05 năm liên tục đến năm xét hoàn thành xuất sắc nhiệm vụ trở lên (Nghị "
    "định 91/2017/NĐ-CP, Điều 38) [chưa đối chiếu].",
    "     b) Cá nhân: 02 năm liên tục đến năm xét hoàn thành xuất sắc nhiệm vụ trở lên, trong "
    "thời gian đó có 02 sáng kiến (Nghị định 91/2017/NĐ-CP, Điều 39) [chưa đối chiếu].",
    "     c) Tập thể: 02 năm liên tục đến năm xét hoàn thành xuất sắc nhiệm vụ trở lên (Nghị "
    "định 91/2017/NĐ-CP, Điều 39) [chưa đối chiếu].",
    "  1. Hoàn thành tốt nhiệm vụ trở lên trong năm xét (Nghị định 91/2017/NĐ-CP (tiêu chuẩn "
    "Giấy khen)) [chưa đối chiếu].",
    "  1. 02 lần liên tục đạt Chiến sĩ thi đua cấp tỉnh, lần sau cách lần trước không quá 03 "
    "năm (Luật Thi đua, khen thưởng 2003, Điều 21) [chưa đối chiếu].",
    "  2. Có sáng kiến, đề tài có phạm vi ảnh hưởng tỉnh trở lên (Nghị định 91/2017/NĐ-CP (phạm "
    "vi ảnh hưởng của sáng kiến)) [chưa đối chiếu].",
    "     a) Có từ 01 sáng kiến được công nhận trong năm xét (Nghị định 91/2017/NĐ-CP, Điều "
    "9.3.b).",
    "     b) Có từ 01 đề tài, đề án khoa học được nghiệm thu trong năm xét (Nghị định "
    "91/2017/NĐ-CP, Điều 9.3.b).",
    "  1. Hoàn thành tốt nhiệm vụ trở lên trong năm xét (Nghị định 91/2017/NĐ-CP, Điều 9 (tiêu "
    "chuẩn Lao động tiên tiến)) [chưa đối chiếu].",
    "  1. Hoàn thành xuất sắc nhiệm vụ trở lên trong năm xét (Luật Thi đua, khen thưởng 2003, "
    "Điều 27) [chưa đối chiếu].",
    "  2. Từ 70% cá nhân của tập thể đạt Lao động tiên tiến (Luật Thi đua, khen thưởng 2003, "
    "Điều 27) [chưa đối chiếu].",
    "  1. Hoàn thành tốt nhiệm vụ trở lên trong năm xét (Luật Thi đua, khen thưởng 2003, Điều "
    "28) [chưa đối chiếu].",
    "  2. Trên 50% cá nhân của tập thể đạt Lao động tiên tiến (Luật Thi đua, khen thưởng 2003, "
    "Điều 28 (trên 50% cá nhân đạt Lao động tiên tiến)) [chưa đối chiếu].",
    "  Biểu quyết của Hội đồng: từ 90% tổng số thành viên Hội đồng (Nghị định 91/2017/NĐ-CP, "
    "Điều 45.8).",
]


@pytest.mark.parametrize("line", RULES_2023, ids=range(len(RULES_2023)))
def test_the_rules_of_2023_in_words(line):
    _, lines = quy_dinh("--ngay", "05/12/2023")
    assert line in lines


@pytest.mark.parametrize(("award", "vote"), [
    ("Chiến sĩ thi đua toàn quốc", "từ 90% tổng số thành viên Hội đồng (Nghị định "
     "91/2017/NĐ-CP, Điều 45.8)."),
    ("Chiến sĩ thi đua cấp tỉnh", "từ 90% tổng số thành viên Hội đồng (Nghị định "
     "91/2017/NĐ-CP, Điều 45.8)."),
    ("Chiến sĩ thi đua cơ sở", MAJORITY),  # Nghị định 91/2017 sets no threshold of its own
    ("Lao động tiên tiến", MAJORITY)])
def test_council_vote_before_2024(award, vote):
    _, lines = quy_dinh("--ngay", "05/12/2023")
    assert f"  Biểu quyết của Hội đồng: {vote}" in block(lines, award)
