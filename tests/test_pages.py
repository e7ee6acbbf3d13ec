"""The README's page images: one for every kind of document the tool makes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from pipeline.contexts import REPORT_FORMS
from pipeline.register import NAME as REGISTER
from pipeline.render import DOCUMENTS, OUTPUTS

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("render_pages",
                                                  ROOT / "scripts" / "render_pages.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclass looks itself up there
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def test_every_kind_of_document_has_a_page_image():
    """A new document, working list or báo cáo thành tích form without a picture fails here."""
    kinds = ({d.filename for d in DOCUMENTS}
             | {o.filename for o in OUTPUTS if not o.filename.endswith("/")}
             | {form for _, form in REPORT_FORMS.values()} | {REGISTER})
    pages = _script().PAGES
    assert sorted(p.kind for p in pages) == sorted(kinds)
    assert len({p.image for p in pages}) == len(pages)


def test_the_images_are_committed_and_shown_in_the_readme():
    pages = _script().PAGES
    folder = ROOT / "docs" / "pages"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{p.image}.png" for p in pages)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in pages:
        data = (folder / f"{page.image}.png").read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < 120_000, page.image
        assert f"(docs/pages/{page.image}.png)" in readme or \
            f'<img src="docs/pages/{page.image}.png"' in readme, page.image
