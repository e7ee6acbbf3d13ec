"""The templates in forms/: in step with their builder, slim, and filled by what render provides."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import jinja2
import pytest
from docxtpl import DocxTemplate

from pipeline.catalog import DEFAULT_FORMS, Catalog
from pipeline.read import read_workbook
from pipeline.render import DOCUMENTS
from pipeline.rules import assess
from pipeline.validate import validate

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("build_forms", ROOT / "scripts" / "build_forms.py")
build_forms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_forms)


@pytest.mark.parametrize("name", sorted(build_forms.DOCUMENTS))
def test_committed_template_is_what_the_builder_writes(tmp_path, name):
    build_forms.main(tmp_path)
    with zipfile.ZipFile(DEFAULT_FORMS / name) as committed, \
            zipfile.ZipFile(tmp_path / name) as built:
        assert committed.namelist() == built.namelist()
        for part in built.namelist():
            assert committed.read(part) == built.read(part), part


@pytest.mark.parametrize("name", sorted(build_forms.DOCUMENTS))
def test_template_is_slim(name):
    with zipfile.ZipFile(DEFAULT_FORMS / name) as package:
        assert len(package.namelist()) == 10
        assert len(package.read("word/styles.xml")) < 2000
    assert (DEFAULT_FORMS / name).stat().st_size < 8000


def test_every_template_variable_is_provided(make_workbook):
    catalog = Catalog()
    round_, _ = validate(read_workbook(make_workbook(), catalog), catalog)
    assessment = assess(round_, catalog)
    env = jinja2.Environment()
    for document in DOCUMENTS:
        wanted = DocxTemplate(DEFAULT_FORMS / document.filename) \
            .get_undeclared_template_variables(env)
        assert wanted <= set(document.build(assessment)), document.filename
