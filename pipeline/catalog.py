"""The data files of forms/ a clerk can edit: vocabulary, awards, rule sets."""

from __future__ import annotations

import difflib
import itertools
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from .errors import FormsDataError, KhenthuongError
from .model import Award, Coefficient, Criterion, Regime, Salary, Term, VoteRule
from .vn import fold

_HERE = Path(__file__).resolve().parent
# installed from a wheel, forms/ travels inside the package; in a checkout it stands beside it
DEFAULT_FORMS = _HERE / "forms" if (_HERE / "forms").is_dir() else _HERE.parent / "forms"


@dataclass(frozen=True)
class Column:
    """A column of an input sheet (or a key of the Thông tin sheet)."""

    key: str
    label: str
    aliases: tuple[str, ...]
    kind: str
    required: bool

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Sheet:
    """An input sheet: its title and other names it goes by, and its columns."""

    key: str
    title: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    optional: bool = False
    pairs: bool = False  # key / value rows (Thông tin, Hội đồng) rather than a table
    part_of: str = ""  # a table under the key / value rows of that sheet (the council's members)


class Catalog:
    """Vocabularies, awards and rule sets, read once from a forms folder."""

    def __init__(self, forms: Path = DEFAULT_FORMS) -> None:
        if not forms.is_dir():
            raise FormsDataError(f"Không tìm thấy thư mục mẫu “{forms}”: hãy chạy lệnh trong "
                                  "thư mục có forms/ hoặc chỉ rõ --forms.")
        self.forms = forms
        with _reading(forms / "vocabulary.toml") as vocabulary:
            self._vocabulary(vocabulary)
        with _reading(forms / "awards.toml") as awards:
            self.awards = tuple(
                Award(a["code"], a["name"], a["short"], a["kind"], tuple(a["subjects"]),
                      a["decided_by"], a["route"], a["source"], rank, tuple(a.get("aliases", ())))
                for rank, a in enumerate(awards["award"]))
        regimes = []
        for path in sorted((forms / "rules").glob("*.toml")):
            with _reading(path) as spec:
                regimes.append(_regime(spec))
        self.regimes = tuple(sorted(regimes, key=lambda r: r.effective_from))
        _one_regime_a_day(self.regimes)
        with _reading(forms / "luong-co-so.toml") as salaries:
            self.salaries = tuple(sorted(
                (Salary(_number(s, "amount"), _date(s, "effective_from"), s["source"])
                 for s in salaries["salary"]),
                key=lambda s: s.effective_from))

    def _vocabulary(self, vocabulary: dict) -> None:
        self.sheets = {
            key: Sheet(key, spec["title"], tuple(spec.get("aliases", ())),
                       tuple(_column(c) for c in vocabulary[key]), spec.get("optional", False),
                       spec.get("pairs", key == "info"), spec.get("part_of", ""))
            for key, spec in vocabulary["sheets"].items()
        }
        self.vocab: dict[str, tuple[Term, ...]] = {
            name: tuple(Term(t["code"], t["name"], rank, tuple(t.get("aliases", ())))
                        for rank, t in enumerate(terms))
            for name, terms in vocabulary["vocab"].items()
        }

    @cached_property
    def _spellings(self) -> dict[str, dict[str, tuple[Term | Award, str]]]:
        """Per list: folded spelling → (term, the spelling as written in forms/)."""
        lists: dict[str, tuple[Term | Award, ...]] = dict(self.vocab)
        for kind in ("danh_hieu", "hinh_thuc"):
            lists[kind] = tuple(a for a in self.awards if a.kind == kind)
        lists["any"] = self.awards
        spellings: dict[str, dict[str, tuple[Term | Award, str]]] = {}
        for name, terms in lists.items():
            index = spellings[name] = {}
            for term in terms:
                for spelling in (term.name, *term.aliases, term.code):
                    index.setdefault(fold(spelling), (term, spelling))  # the first spelling shows
        return spellings

    def lookup(self, vocab: str, text: str) -> Term | Award | None:
        """Find the term a clerk meant, by any of its spellings."""
        found = self._spellings[vocab].get(fold(text))
        return found[0] if found else None

    def choices(self, vocab: str) -> list[str]:
        """Say what a list accepts, as documents write it."""
        return list(dict.fromkeys(term.name for term, _ in self._spellings[vocab].values()))

    def suggest(self, vocab: str, text: str) -> str | None:
        """Guess which accepted spelling a mistyped value was meant to be."""
        spellings = self._spellings[vocab]
        close = difflib.get_close_matches(fold(text), spellings, n=1, cutoff=0.75)
        return spellings[close[0]][1] if close else None

    def regime_for(self, day: date) -> Regime | None:
        """Return the rule set in force on a decision date, or None before the first one."""
        return next((r for r in self.regimes if r.covers(day)), None)

    def salary_on(self, day: date) -> Salary:
        """Return the mức lương cơ sở in force on a day."""
        in_force = [s for s in self.salaries if s.effective_from <= day]
        if not in_force:
            raise KhenthuongError(f"forms/luong-co-so.toml không có mức lương cơ sở áp dụng ngày "
                                  f"{day:%d/%m/%Y}.")
        return in_force[-1]

    def award(self, code: str) -> Award:
        return self._awards[code]

    @cached_property
    def _awards(self) -> dict[str, Award]:
        return {a.code: a for a in self.awards}


@contextmanager
def _reading(path: Path):
    """Load a data file of forms/ and build from it; a missing key or a value of the wrong
    type becomes one sentence naming the file and the key."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise FormsDataError(f"Không đọc được tệp dữ liệu “{path}”: {err}.") from err
    try:
        yield data
    except KeyError as err:
        raise FormsDataError(f"Tệp dữ liệu “{path}” thiếu khoá “{err.args[0]}”; hãy so với "
                             "tệp mẫu cùng tên đi kèm chương trình.") from err
    except _WrongType as err:
        raise FormsDataError(f"Tệp dữ liệu “{path}”: {err}.") from err
    except (TypeError, ValueError, AttributeError) as err:
        raise FormsDataError(f"Tệp dữ liệu “{path}” có một giá trị sai kiểu ({err}); hãy so "
                             "với tệp mẫu cùng tên đi kèm chương trình.") from err


def _one_regime_a_day(regimes: tuple[Regime, ...]) -> None:
    """Two rule files in force on one day would leave the round's law to their file order."""
    for earlier, later in itertools.pairwise(regimes):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise FormsDataError(f"forms/rules: “{earlier.name}” và “{later.name}” cùng có hiệu "
                                 f"lực ngày {later.effective_from:%d/%m/%Y}; hãy sửa "
                                 "effective_from, effective_to để mỗi ngày chỉ một tệp áp dụng.")


class _WrongType(ValueError):
    """A value of a data file is not of the type its key needs."""


def _date(spec: dict, key: str) -> date:
    value = spec[key]
    if not isinstance(value, date):
        raise _WrongType(f"khoá “{key}” = {value!r} phải là ngày viết không có dấu nháy, ví dụ "
                         f"{key} = 2025-07-01")
    return value


def _number(spec: dict, key: str) -> int | float:
    value = spec[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _WrongType(f"khoá “{key}” = {value!r} phải là một số viết không có dấu nháy")
    return value


def _column(spec: dict) -> Column:
    return Column(spec["key"], spec["label"], tuple(spec.get("aliases", ())), spec["kind"],
                  spec.get("required", False))


def _regime(spec: dict) -> Regime:
    money = spec["money"]
    return Regime(
        name=spec["name"], effective_from=_date(spec, "effective_from"),
        effective_to=_date(spec, "effective_to") if "effective_to" in spec else None,
        source=spec["source"],
        legal_basis=tuple(spec["legal_basis"]), round_up_to=money["round_up_to"],
        money_source=money["source"], highest_title_source=money["highest_title_only_source"],
        payer_source=money["payer_source"],
        coefficients={code: Coefficient(c.get("ca_nhan"), c.get("tap_the"), c["source"],
                                        c.get("verified", True))
                      for code, c in spec["coefficients"].items()},
        votes={code: VoteRule(v["share"], v["of"], v.get("strict", False), v["source"],
                              v.get("verified", True))
               for code, v in spec["votes"].items()},
        criteria={code: tuple(_criterion(c) for c in items)
                  for code, items in spec["criteria"].items()},
        texts=tuple(spec["texts"]),
    )


def _criterion(spec: dict, *, source: str = "", verified: bool = True) -> Criterion:
    """One criterion; an `any` group holds alternatives that share its source."""
    source = spec.get("source", source)
    verified = spec.get("verified", verified)
    params = {k: v for k, v in spec.items()
              if k not in ("rule", "source", "verified", "any", "subjects")}
    alternatives = tuple(_criterion(a, source=source, verified=verified)
                         for a in spec.get("any", ()))
    subjects = tuple(spec["subjects"]) if "subjects" in spec else None
    return Criterion(spec.get("rule", ""), params, source, verified, alternatives, subjects)
