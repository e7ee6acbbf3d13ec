"""forms/ read as written: what a key left out means, in the rule files and the vocabulary."""

from __future__ import annotations

from pipeline.catalog import Catalog

CATALOG = Catalog()
ND152 = next(r for r in CATALOG.regimes if "152/2025" in r.name)


def test_a_rule_entry_is_read_from_the_text_unless_it_says_verified_false():
    """README: an entry with `verified = false` is one not yet checked against its text; one
    without the key (Lao động tiên tiến's 0,3, Điều 50.1.d) was."""
    assert ND152.coefficients["LDTT"].verified is True
    assert ND152.coefficients["LDTT"].individual == 0.3
    assert ND152.votes["CSTDCS"].verified is False  # marked false in nd152-2025.toml


def test_a_sheet_is_required_unless_it_says_optional_and_found_by_its_aliases():
    collectives, history = CATALOG.sheets["collectives"], CATALOG.sheets["history"]
    assert (collectives.optional, history.optional) == (False, True)
    assert collectives.aliases == ("Tap the", "Danh sách tập thể")
