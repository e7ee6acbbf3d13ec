"""click's own words (usage, help, usage mistakes) in Vietnamese, from the catalog click-vi.po.

click translates through gettext: each of its modules does `from gettext import gettext as _`
(and `ngettext`). `install()` compiles the catalog with babel and puts its gettext in their place.
"""

from __future__ import annotations

import gettext
import importlib
import io
import pkgutil
import sys
from pathlib import Path

import click
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CATALOG = Path(__file__).with_name("click-vi.po")


def translations() -> gettext.GNUTranslations:
    """The catalog compiled in memory: no .mo file to build or to fall out of date."""
    with CATALOG.open("rb") as po:
        catalog = read_po(po, locale="vi")
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def click_modules() -> list:
    """Every module of click that prints words (the Windows console one only on Windows)."""
    names = [m.name for m in pkgutil.iter_modules(click.__path__)
             if m.name != "_winconsole" or sys.platform == "win32"]
    return [importlib.import_module(f"click.{name}") for name in names]


def install() -> None:
    """Make click speak Vietnamese in this process. Call it before building commands: click
    translates some words (the names of path types, the --version help) when they are made."""
    vi = translations()
    for module in click_modules():
        if getattr(module, "_", None) is gettext.gettext:
            module._ = vi.gettext
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = vi.ngettext
