"""The data files of forms/ a clerk can edit: vocabulary, awards, rule sets."""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from .errors import KhenthuongError
from .model import Award, Coefficient, Criterion, Regime, Salary, Term, VoteRule
from .vn import fold

DEFAULT_FORMS = Path(__file__).resolve().parent.parent / "forms"


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


class Catalog:
    """Vocabularies, awards and rule sets, read once from a forms folder."""

    def __init__(self, forms: Path = DEFAULT_FORMS) -> None:
        if not forms.is_dir():
            raise KhenthuongError(f"Không tìm thấy thư mục mẫu “{forms}”: hãy chạy lệnh trong "
                                  "thư mục có forms/ hoặc chỉ rõ --forms.")
        self.forms = forms
        vocabulary = _load(forms / "vocabulary.toml")
        self.sheets = {
            key: Sheet(key, spec["title"], tuple(spec.get("aliases", ())),
                       tuple(_column(c) for c in vocabulary[key]), spec.get("optional", False),
                       spec.get("pairs", key == "info"))
            for key, spec in vocabulary["sheets"].items()
        }
        self.vocab: dict[str, tuple[Term, ...]] = {
            name: tuple(Term(t["code"], t["name"], rank, tuple(t.get("aliases", ())))
                        for rank, t in enumerate(terms))
            for name, terms in vocabulary["vocab"].items()
        }
        self.awards = tuple(
            Award(a["code"], a["name"], a["short"], a["kind"], tuple(a["subjects"]),
                  a["decided_by"], a["route"], a["source"], rank, tuple(a.get("aliases", ())))
            for rank, a in enumerate(_load(forms / "awards.toml")["award"])
        )
        self.regimes = tuple(sorted(
            (_regime(_load(path)) for path in sorted((forms / "rules").glob("*.toml"))),
            key=lambda r: r.effective_from,
        ))
        self.salaries = tuple(sorted(
            (Salary(s["amount"], s["effective_from"], s["source"])
             for s in _load(forms / "luong-co-so.toml")["salary"]),
            key=lambda s: s.effective_from,
        ))

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


def _load(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise KhenthuongError(f"Không đọc được tệp dữ liệu “{path}”: {err}.") from err


def _column(spec: dict) -> Column:
    return Column(spec["key"], spec["label"], tuple(spec.get("aliases", ())), spec["kind"],
                  spec.get("required", False))


def _regime(spec: dict) -> Regime:
    money = spec["money"]
    return Regime(
        name=spec["name"], effective_from=spec["effective_from"],
        effective_to=spec.get("effective_to"), source=spec["source"],
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
