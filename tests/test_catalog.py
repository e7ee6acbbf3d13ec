"""forms/ read as written: what a key left out means, in the rule files and the vocabulary."""

from __future__ import annotations

from pipeline.catalog import Catalog


def nd152():
    """Read in the test itself, not at import: a mutation run maps each test to what it runs."""
    return next(r for r in Catalog().regimes if "152/2025" in r.name)


def test_a_rule_entry_is_read_from_the_text_unless_it_says_verified_false():
    """README: an entry with `verified = false` is one not yet checked against its text; one
    without the key (Lao động tiên tiến's 0,3, Điều 50.1.d) was."""
    regime = nd152()
    assert regime.coefficients["LDTT"].verified is True
    assert regime.coefficients["LDTT"].individual == 0.3
    assert regime.votes["CSTDCS"].verified is False  # marked false in nd152-2025.toml


def test_a_sheet_is_required_unless_it_says_optional_and_found_by_its_aliases():
    sheets = Catalog().sheets
    collectives, history = sheets["collectives"], sheets["history"]
    assert (collectives.optional, history.optional) == (False, True)
    assert collectives.aliases == ("Tap the", "Danh sách tập thể")
