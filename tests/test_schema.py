"""Every XML part of every generated .docx and .xlsx, and of the templates in forms/, is valid
against the ISO/IEC 29500 schemas: Word refuses a package that LibreOffice opens without a word
(an element out of order inside w:pPr, w:rPr, w:tblPr or w:sectPr is enough), and most clerks
open these documents in Word.

Two checks. The ISO/IEC 29500 RELAX NG set of python-docx's repository (ref/rnc, and the OPC
schemas of ref/xsd/opc-xsd), read from $OOXML_SCHEMAS or ../shared/ooxml-schemas, checked with
jing; and openxml-audit (PyPI), a port of the Open XML SDK's validator, Word's own schema set,
which needs no data beside the package and so runs everywhere."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import require_tools, sized_round, write_round
from lxml import etree
from openxml_audit import OpenXmlValidator, ValidationErrorType

from pipeline import generate
from pipeline.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = Path(os.environ.get("OOXML_SCHEMAS", ROOT.parent / "shared" / "ooxml-schemas"))
STAND_INS = Path(__file__).resolve().parent / "schemas"  # dc, dcterms, xml: see the README
SIZES = (1, 26, 150)  # people in the generated rounds: one page, a few, a long list

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MC_IGNORABLE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RNC = {  # root element of a part -> its schema in ref/rnc
    W + "document": "WordprocessingML_Main_Document",
    W + "styles": "WordprocessingML_Style_Definitions",
    W + "settings": "WordprocessingML_Document_Settings",
    W + "hdr": "WordprocessingML_Header",
    W + "ftr": "WordprocessingML_Footer",
    W + "numbering": "WordprocessingML_Numbering_Definitions",
    W + "fonts": "WordprocessingML_Font_Table",
    "{http://schemas.openxmlformats.org/drawingml/2006/main}theme": "DrawingML_Theme",
    "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties":
        "Shared_Extended_File_Properties",
    S + "workbook": "SpreadsheetML_Workbook",
    S + "worksheet": "SpreadsheetML_Worksheet",
    S + "styleSheet": "SpreadsheetML_Styles",
    S + "sst": "SpreadsheetML_Shared_String_Table",
}
XSD = {  # the package's own parts (ECMA-376 Part 2) -> ref/xsd/opc-xsd
    "{http://schemas.openxmlformats.org/package/2006/content-types}Types": "opc-contentTypes",
    "{http://schemas.openxmlformats.org/package/2006/relationships}Relationships":
        "opc-relationships",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties":
        "opc-coreProperties",
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> list[Path]:
    """The sample rounds, rounds of 1 to 150 people, and the templates themselves."""
    root = tmp_path_factory.mktemp("schema")
    generate(sorted((ROOT / "inputs").glob("*.xlsx")), outputs=root / "mau")
    for size in SIZES:
        path = write_round(root / f"{size}.xlsx", sized_round(size), Catalog())
        generate([path], outputs=root / f"{size}-nguoi")
    made = sorted((root / "mau").rglob("*.docx")) + sorted(root.glob("*-nguoi/**/*.docx"))
    assert len(made) > 40
    sheets = sorted((root / "mau").rglob("*.xlsx")) + sorted(root.glob("*-nguoi/**/*.xlsx"))
    return made + sorted((ROOT / "forms").glob("*.docx")) + sheets


@pytest.fixture(scope="module")
def jing() -> str:
    if not (SCHEMAS / "rnc" / "wml.rnc").is_file():
        pytest.skip(f"the ISO/IEC 29500 schema set is not at {SCHEMAS} (see the README, Tests)")
    require_tools("jing")
    return shutil.which("jing")


def iso_errors(parts: dict[str, bytes], folder: Path, jing: str) -> list[str]:
    """Validate named XML parts: WordprocessingML and SpreadsheetML with jing against ref/rnc,
    the package parts with lxml against ref/xsd/opc-xsd. Returns one line per error."""
    errors, by_schema, xsd = [], defaultdict(list), {}
    for index, (name, data) in enumerate(sorted(parts.items())):
        root = etree.fromstring(data)
        if root.get(MC_IGNORABLE) is not None:  # none of ours declares any: see the README
            errors.append(f"{name}: mc:Ignorable; strip what it names before validating")
        elif root.tag in XSD:
            if root.tag not in xsd:
                xsd[root.tag] = _opc_schema(XSD[root.tag])
            if not xsd[root.tag].validate(root):
                errors += [f"{name}:{e.line}: {e.message}" for e in xsd[root.tag].error_log]
        elif root.tag in RNC:
            path = folder / f"{index:05d}.xml"
            path.write_bytes(_without_sml_space(root) if root.tag.startswith(S) else data)
            by_schema[RNC[root.tag]].append((path, name))
        else:
            errors.append(f"{name}: no schema for <{root.tag}>")
    for schema, files in by_schema.items():
        names = {str(path): name for path, name in files}
        run = subprocess.run([jing, "-c", str(SCHEMAS / "rnc" / f"{schema}.rnc"), *names],
                             capture_output=True, text=True, timeout=300)
        found = [names.get(path, path) + ":" + rest for path, _, rest in
                 (line.partition(":") for line in run.stdout.splitlines() if line.strip())]
        errors += found or ([f"{schema}: jing failed: {run.stderr[-500:]}"] if run.returncode
                            else [])
    return errors


def _opc_schema(name: str) -> etree.XMLSchema:
    """An OPC schema, its imports of the Dublin Core and xml: schemas taken from the stand-ins
    beside this file (the originals are on the web, out of reach of a test)."""

    class StandIns(etree.Resolver):
        def resolve(self, url, pubid, context):
            local = STAND_INS / url.rsplit("/", 1)[-1]
            return self.resolve_filename(str(local), context) if local.is_file() else None

    parser = etree.XMLParser()
    parser.resolvers.add(StandIns())
    tree = etree.parse(str(SCHEMAS / "xsd" / "opc-xsd" / f"{name}.xsd"), parser)
    for load in tree.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if load.get("namespace") == "http://www.w3.org/XML/1998/namespace":
            load.set("schemaLocation", str(STAND_INS / "xml.xsd"))
    return etree.XMLSchema(tree)


def _without_sml_space(root: etree._Element) -> bytes:
    """SpreadsheetML gives <t> a simple type, so the schema admits no xml:space on it; Excel
    writes xml:space="preserve" on every string whose spaces matter, and so do we: not a fault."""
    for text in root.iter(S + "t"):
        text.attrib.pop(XML_SPACE, None)
    return etree.tostring(root)


def xml_parts(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as archive:
        return {f"{package.name}/{name}": archive.read(name) for name in archive.namelist()
                if name.endswith((".xml", ".rels"))}


def test_every_part_is_valid_against_iso_29500(packages, jing, tmp_path):
    parts = {f"{n:03d}-{name}": data for n, package in enumerate(packages)
             for name, data in xml_parts(package).items()}
    kinds = {etree.fromstring(data).tag for data in parts.values()}
    assert {W + "document", W + "styles", W + "settings", W + "hdr", S + "worksheet"} <= kinds
    assert iso_errors(parts, tmp_path, jing) == []


MISORDERED = re.compile(rb"(<w:spacing [^>]*/>)(<w:jc [^>]*/>)")


def misordered(data: bytes) -> bytes:
    """The first paragraph whose pPr has spacing then jc, with jc put first: LibreOffice prints
    it the same, Word reports the file as corrupt."""
    swapped, count = MISORDERED.subn(rb"\2\1", data, count=1)
    assert count == 1
    return swapped


def test_jing_rejects_a_misordered_paragraph(packages, jing, tmp_path):
    name, document = next((n, d) for n, d in xml_parts(packages[0]).items()
                          if n.endswith("word/document.xml"))
    assert iso_errors({name: document}, tmp_path, jing) == []
    errors = iso_errors({name: misordered(document)}, tmp_path, jing)
    assert len(errors) == 1 and 'element "w:spacing" not allowed here' in errors[0], errors


def test_opc_schemas_reject_a_misplaced_relationship_and_a_bad_date(packages, jing, tmp_path):
    parts = xml_parts(packages[0])
    rels = next(n for n in parts if n.endswith("_rels/.rels"))
    core = next(n for n in parts if n.endswith("docProps/core.xml"))
    broken = {rels: parts[rels].replace(b"<Relationship ", b"<Relationship><Bad/></Relationship>"
                                        b"<Relationship ", 1),
              core: parts[core].replace(b"T00:00:00Z</dcterms:created>", b"</dcterms:created>"
                                        b"<dcterms:created>5/12/2025</dcterms:created>", 1)}
    assert broken[rels] != parts[rels] and broken[core] != parts[core]
    errors = iso_errors(broken, tmp_path, jing)
    assert len(errors) >= 2 and all(e.split(":")[0] in broken for e in errors), errors
    assert {e.split(":")[0] for e in errors} == set(broken)


@pytest.fixture(scope="module")
def sdk() -> OpenXmlValidator:
    return OpenXmlValidator()


def sdk_errors(validator: OpenXmlValidator, package: Path) -> list[str]:
    """The Open XML SDK's schema errors (its package rules aside: it wants a theme and a font
    table that Word makes up when they are missing)."""
    result = validator.validate(str(package))
    return [f"{package.name} {e.part_uri} {e.path}: {e.description}" for e in result.errors
            if e.error_type is ValidationErrorType.SCHEMA]


def test_every_package_is_valid_for_the_open_xml_sdk(packages, sdk):
    assert [error for package in packages for error in sdk_errors(sdk, package)] == []


def test_open_xml_sdk_rejects_a_misordered_paragraph(packages, sdk, tmp_path):
    source = next(p for p in packages if p.suffix == ".docx")
    broken = tmp_path / source.name
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(broken, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            new.writestr(name, misordered(data) if name == "word/document.xml" else data)
    assert sdk_errors(sdk, source) == []
    errors = sdk_errors(sdk, broken)
    assert len(errors) == 1 and "Unexpected element 'spacing'" in errors[0], errors
