"""Vietnamese formatting: text clean-up, dates, numbers, amounts in words, name order."""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.vn import (
    admin_date,
    amount_words,
    clean,
    count,
    fold,
    name_case,
    name_sort_key,
    number,
    number_words,
    percent,
    short_date,
    sort_key,
)

# Checked by hand against the formal style of domain.md §5 ("không trăm", "linh", "mốt", "lăm").
AMOUNTS = [
    (0, "Không đồng"),
    (1, "Một đồng"),
    (4, "Bốn đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"),
    (20, "Hai mươi đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi bốn đồng"),
    (25, "Hai mươi lăm đồng"),
    (55, "Năm mươi lăm đồng"),
    (99, "Chín mươi chín đồng"),
    (100, "Một trăm đồng"),
    (101, "Một trăm linh một đồng"),
    (105, "Một trăm linh năm đồng"),
    (110, "Một trăm mười đồng"),
    (111, "Một trăm mười một đồng"),
    (115, "Một trăm mười lăm đồng"),
    (121, "Một trăm hai mươi mốt đồng"),
    (1_000, "Một nghìn đồng"),
    (1_001, "Một nghìn không trăm linh một đồng"),
    (1_010, "Một nghìn không trăm mười đồng"),
    (1_015, "Một nghìn không trăm mười lăm đồng"),
    (1_100, "Một nghìn một trăm đồng"),
    (10_000, "Mười nghìn đồng"),
    (15_000, "Mười lăm nghìn đồng"),
    (21_000, "Hai mươi mốt nghìn đồng"),
    (100_000, "Một trăm nghìn đồng"),
    (447_000, "Bốn trăm bốn mươi bảy nghìn đồng"),
    (450_000, "Bốn trăm năm mươi nghìn đồng"),
    (702_000, "Bảy trăm linh hai nghìn đồng"),
    (710_000, "Bảy trăm mười nghìn đồng"),
    (1_000_000, "Một triệu đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
    (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
    (1_490_000, "Một triệu bốn trăm chín mươi nghìn đồng"),
    (1_800_000, "Một triệu tám trăm nghìn đồng"),
    (1_880_000, "Một triệu tám trăm tám mươi nghìn đồng"),
    (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
    (2_530_000, "Hai triệu năm trăm ba mươi nghìn đồng"),
    (3_510_000, "Ba triệu năm trăm mười nghìn đồng"),
    (5_220_000, "Năm triệu hai trăm hai mươi nghìn đồng"),
    (7_020_000, "Bảy triệu không trăm hai mươi nghìn đồng"),
    (10_000_000, "Mười triệu đồng"),
    (15_000_000, "Mười lăm triệu đồng"),
    (21_000_000, "Hai mươi mốt triệu đồng"),
    (100_000_001, "Một trăm triệu không trăm linh một đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (1_000_001_000, "Một tỷ không trăm linh một nghìn đồng"),
    (2_005_000_000, "Hai tỷ không trăm linh năm triệu đồng"),
    (105_000_000_000, "Một trăm linh năm tỷ đồng"),
    (999_000_000_000, "Chín trăm chín mươi chín tỷ đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
]


@pytest.mark.parametrize(("value", "words"), AMOUNTS)
def test_amount_words(value, words):
    assert amount_words(value) == words


def test_amount_table_is_large_enough():
    assert len(AMOUNTS) >= 40


def test_number_words_refuses_negative_numbers():
    with pytest.raises(ValueError) as refused:
        number_words(-1)
    assert str(refused.value) == "number_words needs a number ≥ 0"


_UNITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "lăm": 5,
          "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def _read_below_thousand(words: list[str]) -> int:
    value, digit = 0, 0
    for word in words:
        if word in _UNITS:
            digit = _UNITS[word]
        elif word == "trăm":
            value, digit = value + digit * 100, 0
        elif word == "mươi":
            value, digit = value + digit * 10, 0
        elif word == "mười":
            value, digit = value + 10, 0
    return value + digit


def _read(words: list[str]) -> int:
    """Read spelled words back into a number: an independent check of number_words."""
    if "tỷ" in words:
        at = len(words) - 1 - words[::-1].index("tỷ")
        return _read(words[:at]) * 1_000_000_000 + _read(words[at + 1:])
    total = 0
    for scale, factor in (("triệu", 1_000_000), ("nghìn", 1_000)):
        if scale in words:
            at = words.index(scale)
            total += _read_below_thousand(words[:at]) * factor
            words = words[at + 1:]
    return total + _read_below_thousand(words)


@given(st.integers(min_value=0, max_value=999_999_999_999_999))
def test_number_words_read_back(value):
    words = number_words(value)
    assert _read(words.split()) == value
    assert "lẻ" not in words and "ngàn" not in words and "  " not in words


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_inner_groups_keep_khong_tram(value):
    """A group after a higher one reads all three digits: 7.020.000 → "không trăm hai mươi"."""
    words = number_words(value * 1000 + 20)
    assert words.endswith("không trăm hai mươi")


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
    (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
    (date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
    (date(2026, 11, 27), "ngày 27 tháng 11 năm 2026"),
    (date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
    (date(2025, 10, 1), "ngày 01 tháng 10 năm 2025"),
])
def test_admin_date(day, text):
    assert admin_date(day) == text


def test_admin_date_leaves_blanks_for_van_thu():
    assert admin_date(None, month=11, year=2026) == "ngày     tháng 11 năm 2026"
    assert admin_date(None, month=1, year=2026) == "ngày     tháng 01 năm 2026"
    assert admin_date(None, year=2025) == "ngày     tháng       năm 2025"
    assert admin_date(None) == "ngày     tháng       năm      "


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_admin_date_shape(day):
    words = admin_date(day).split()
    assert words[0::2] == ["ngày", "tháng", "năm"]
    assert int(words[1]) == day.day and len(words[1]) == 2
    assert int(words[3]) == day.month and len(words[3]) == (2 if day.month <= 2 else
                                                           len(str(day.month)))
    assert short_date(day).split("/")[1] == words[3]


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (999, "999"), (1000, "1.000"), (2_340_000, "2.340.000"),
    (105_000_000_000, "105.000.000.000"), (0.3, "0,3"), (1.5, "1,5"), (1234.75, "1.234,75"),
    (0.1234, "0,1234"), (12345.0625, "12.345,0625"),  # every decimal kept, none rounded away
])
def test_number(value, text):
    assert number(value) == text


@given(st.integers(min_value=0, max_value=10**15))
def test_number_groups_by_three(value):
    text = number(value)
    assert int(text.replace(".", "")) == value
    assert all(len(group) == 3 for group in text.split(".")[1:])


@pytest.mark.parametrize(("part", "whole", "text"), [
    (7, 9, "77,8%"), (2, 3, "66,7%"), (4, 9, "44,4%"), (1, 2, "50%"), (9, 9, "100%"),
    (0, 9, "0%"), (0.7, 1, "70%")])
def test_percent_keeps_one_decimal(part, whole, text):
    """As minutes and reports write a share: 7 of 9 ballots is 77,8%, never 78%."""
    assert percent(part, whole) == text


def test_count_pads_to_two_digits():
    assert [count(n) for n in (0, 2, 10, 123)] == ["00", "02", "10", "123"]


# --- text ----------------------------------------------------------------------------------------

VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ àáảãạằắẳẵặầấẩẫậ"
                                  "èéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")),
    max_size=40)


@given(VIETNAMESE)
def test_clean_is_nfc_trimmed_and_idempotent(text):
    decomposed = "  " + unicodedata.normalize("NFD", text) + "\u00a0\u200b "
    cleaned = clean(decomposed)
    assert cleaned == " ".join(text.split())
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean(cleaned) == cleaned


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_clean_leaves_nothing_xml_cannot_hold(text):
    """Whatever a cell holds, the cleaned text goes into a document as it is."""
    cleaned = clean(text)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", cleaned)
    assert clean(cleaned) == cleaned


def test_clean_maps_look_alikes():
    assert clean("\u00d0inh Th\u1ecb  Hoa\u00a0") == "Đinh Thị Hoa"


def test_fold_ignores_case_accents_spaces_and_tone_placement():
    assert fold("  HOÀN THÀNH  xuất sắc ") == fold("hoan thanh xuat sac")
    assert fold("Hòa") == fold("Hoà")
    assert fold("Thủy") == fold("Thuỷ")
    assert fold("Đơn vị (*)") == "don vi"


@pytest.mark.parametrize(("raw", "proper"), [
    ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
    ("giàng a páo", "Giàng A Páo"),
    ("lò  văn   pọm", "Lò Văn Pọm"),
    ("ĐINH THỊ ÚT", "Đinh Thị Út"),
    ("H'Hen Niê", "H'Hen Niê"),
    ("Y-Moan Ênuôl", "Y-Moan Ênuôl"),
    ("H'HEN NIÊ", "H'Hen Niê"),
    ("Y-MOAN ÊNUÔL", "Y-Moan Ênuôl"),
    ("y-moan ênuôl", "Y-moan Ênuôl"),
    ("Nguyễn Thị McLain", "Nguyễn Thị McLain"),
])
def test_name_case(raw, proper):
    assert name_case(raw) == proper


def test_alphabet_and_tone_order():
    words = ["a", "ă", "â", "b", "d", "đ", "e", "ê", "o", "ô", "ơ", "u", "ư", "y"]
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    for ordered in (words, tones):
        shuffled = ordered[:]
        random.Random(4).shuffle(shuffled)
        assert sorted(shuffled, key=sort_key) == ordered


def test_letters_weigh_more_than_tones():
    assert sorted(["ăn", "án", "an"], key=sort_key) == ["an", "án", "ăn"]
    assert sorted(["mạnh", "mai"], key=sort_key) == ["mai", "mạnh"]


def test_people_sort_by_ten_then_ho_then_dem():
    names = ["Trần Thị Ánh", "Lò Văn Pọm", "Nguyễn Văn An", "Cầm Thị Ánh", "Giàng A Páo",
             "Đặng Bình", "Đinh Văn Bình"]
    assert sorted(names, key=name_sort_key) == [
        "Nguyễn Văn An", "Cầm Thị Ánh", "Trần Thị Ánh", "Đặng Bình", "Đinh Văn Bình",
        "Giàng A Páo", "Lò Văn Pọm"]


def test_ho_decides_before_dem():
    # domain.md: tên, then họ, then đệm. Here họ and đệm disagree: Nguyễn < Trần but Văn > Thị.
    names = ["Trần Thị Hoa", "Nguyễn Văn Hoa"]
    assert sorted(names, key=name_sort_key) == ["Nguyễn Văn Hoa", "Trần Thị Hoa"]


@given(st.lists(VIETNAMESE, max_size=8))
def test_sort_ignores_decomposition(words):
    as_nfd = [unicodedata.normalize("NFD", w) for w in words]
    assert [clean(w) for w in sorted(as_nfd, key=sort_key)] == \
        [clean(w) for w in sorted(words, key=sort_key)]
