"""Vietnamese text: normalisation, administrative dates, numbers, amounts in words, name order."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

from babel.numbers import format_decimal

_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ",
                             "\u00a0": " ", "\u2007": " ", "\u202f": " "})
# invisible in print, and control codes XML 1.0 cannot hold (Excel keeps one pasted into a cell
# as _x0001_, which readers give back as the character: a document holding it is corrupt)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1b\x7f"
                        "\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_TIDY = re.compile(r"[^\s\u00d0\u00f0\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1b\x7f"
                   r"\ufffe\uffff]+( [^\s\u00d0\u00f0\u200b-\u200d\u2060\ufeff\u00ad"
                   r"\x00-\x08\x0e-\x1b\x7f\ufffe\uffff]+)*")
_LINES = re.compile(r"\r\n|[\r\n\v\f\u2028\u2029\x1c-\x1e\x85]")


@lru_cache(maxsize=1 << 17)
def clean(text: str) -> str:
    """Return NFC text: look-alike letters mapped, invisible characters gone, spaces single.

    Line breaks a clerk typed in a cell (Alt+Enter) stay, one per line, blank lines dropped."""
    if _TIDY.fullmatch(text) and unicodedata.is_normalized("NFC", text):
        return text  # most cells are clean already: answer them without rebuilding
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text).translate(_LOOKALIKES))
    lines = (_SPACES.sub(" ", line).strip() for line in _LINES.split(text))
    return "\n".join(line for line in lines if line)


_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_PUNCT = re.compile(r"[.,;:()*\"'“”‘’/\\_\-–]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Return a matching key: no case, no diacritics (đ → d), no punctuation, single spaces."""
    text = unicodedata.normalize("NFD", clean(text).lower().replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()


def same_spelling(a: str, b: str) -> bool:
    """Equal but for case, spaces and old/new tone placement (hoà/hòa, thuỷ/thủy)."""
    def key(text: str) -> list[tuple]:
        return [(letters, sorted(t for t in tones if t))
                for letters, tones in map(_syllable_key, clean(text).split())]
    return key(a) == key(b)


_PART_START = re.compile(r"(^|['’\-])(\w)")


def name_case(name: str) -> str:
    """Write a person's name as it is written, each syllable with a capital ("giàng a páo" →
    "Giàng A Páo"); only a name typed all in capitals is re-cased ("H'HEN NIÊ" → "H'Hen Niê",
    "Y-MOAN ÊNUÔL" → "Y-Moan Ênuôl"): a letter after an apostrophe or a hyphen stays capital."""
    words = clean(name).split()
    if name.isupper():
        words = [word.lower() for word in words]
    return " ".join(_PART_START.sub(lambda m: m.group(1) + m.group(2).upper(), word)
                    if name.isupper() else word[:1].upper() + word[1:] for word in words)


# --- dates -----------------------------------------------------------------

_BLANK_DAY = "     "


def admin_date(day: date | None, *, year: int | None = None, month: int | None = None) -> str:
    """Write a date as administrative text: "ngày 05 tháng 01 năm 2026".

    Without a day the blanks are left for văn thư: "ngày      tháng 11 năm 2026".
    Days under 10 and the months 1 and 2 take a leading zero (NĐ 30/2020, Phụ lục I).
    """
    if day is not None:
        return f"ngày {day.day:02d} tháng {_month(day.month)} năm {day.year}"
    month_text = _month(month) if month else _BLANK_DAY
    year_text = str(year) if year else _BLANK_DAY
    return f"ngày{_BLANK_DAY}tháng {month_text} năm {year_text}"


def _month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def short_date(day: date) -> str:
    """Write a date as in tables: "05/3/2025"."""
    return f"{day.day:02d}/{_month(day.month)}/{day.year}"


def typed_date(text: str) -> date:
    """Read a date typed as ngày/tháng/năm ("01/12/2026"); ValueError says what is wrong."""
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(f"“{text}” không phải ngày; cần ngày/tháng/năm, ví dụ "
                         "01/12/2026.") from None


# --- numbers ---------------------------------------------------------------


def number(value: int | float) -> str:
    """Format a number with dot thousands and comma decimals: 2.340.000; 0,3."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")  # the common case, without babel's cost
    return format_decimal(value, locale="vi", decimal_quantization=False)


def coefficient(value: float) -> str:
    """A coefficient as the decrees write it, one decimal at least: 1,0; 0,3; 0,15; 12,0."""
    return f"{int(value)},0" if float(value).is_integer() else number(value)


@lru_cache(maxsize=4096)  # a council's list repeats the same few shares
def percent(part: float, whole: float = 1) -> str:
    """A share as documents write it, one decimal at most: 77,8%; 100%."""
    return f"{number(round(100 * part / whole, 1))}%"


def count(value: int) -> str:
    """Write a count as documents do, two digits at least: 02 tập thể, 15 cá nhân."""
    return f"{value:02d}"


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu")


def number_words(value: int) -> str:
    """Spell a whole number in the formal style: keeps "không trăm" and "linh"."""
    if value < 0:
        raise ValueError("number_words needs a number ≥ 0")
    if value == 0:
        return "không"
    return _words(value, leading=True)


def _words(value: int, *, leading: bool) -> str:
    """Spell value ≥ 1; `leading` is false when higher groups stand before it."""
    billions, rest = divmod(value, 1_000_000_000)
    parts = []
    if billions:
        parts.append(_words(billions, leading=leading) + " tỷ")
        leading = False
    groups = [(rest // 1000**i) % 1000 for i in (2, 1, 0)]
    for group, scale in zip(groups, reversed(_GROUPS), strict=True):
        if group:
            parts.append(_triple(group, full=not leading) + (f" {scale}" if scale else ""))
            leading = False
    return " ".join(parts)


def _triple(value: int, *, full: bool) -> str:
    """Spell 1–999; `full` reads "không trăm" and "linh" as a group after a higher one."""
    hundreds, tens, units = value // 100, value // 10 % 10, value % 10
    words = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += (["linh"] if words else []) + [_DIGITS[units]]
    elif tens == 1:
        words += ["mười"] + ([{5: "lăm"}.get(units, _DIGITS[units])] if units else [])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 5: "lăm"}.get(units, _DIGITS[units]))
    return " ".join(words)


def amount_words(value: int) -> str:
    """Spell an amount of money as documents do: "Bảy trăm mười nghìn đồng"."""
    words = number_words(value)
    return words[0].upper() + words[1:] + " đồng"


# --- names -----------------------------------------------------------------

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}


@lru_cache(maxsize=1 << 16)
def _syllable_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return (letters, tones) ranks: letters are the primary key, tones the secondary."""
    letters, tones = [], []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONES:
            tones[-1:] = [_TONES[ch]]
        elif unicodedata.combining(ch):
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + ch)
        else:
            letters.append(ch)
            tones.append(0)
    return tuple(_RANK.get(ch, 100 + ord(ch)) for ch in letters), tuple(tones)


@lru_cache(maxsize=1 << 16)  # a province's lists repeat the same names and units
def sort_key(text: str) -> tuple:
    """Order words in Vietnamese alphabet order: a < ă < â … d < đ, then by tone:
    ngang < huyền < hỏi < ngã < sắc < nặng."""
    keys = [_syllable_key(word) for word in clean(text).split()]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys), clean(text)


@lru_cache(maxsize=1 << 16)
def name_sort_key(full_name: str) -> tuple:
    """Order people by tên, then họ, then đệm, as Vietnamese lists do."""
    words = clean(full_name).split()
    ordered = [words[-1], words[0], *words[1:-1]] if len(words) > 1 else words
    return sort_key(" ".join(ordered))
