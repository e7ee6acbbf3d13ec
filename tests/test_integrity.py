"""Nothing lost, nothing corrupted: versions, rollback, locking, escaping, package structure."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from conftest import docx_lines, round_data
from docx import Document
from lxml import etree

from pipeline import generate
from pipeline.catalog import DEFAULT_FORMS
from pipeline.errors import BrokenTemplates, InputError, OutputError, TemplateError
from pipeline.main import check
from pipeline.write import _locked

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".khenthuong.lock"}


# --- versions ------------------------------------------------------------------------------------

def test_regenerating_keeps_the_previous_version_aside(make_workbook, tmp_path):
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    first = snapshot(outputs / "2025-hang-nam")
    (outputs / "2025-hang-nam" / "ghi-chu.txt").write_text("của văn thư", encoding="utf-8")
    data = round_data()
    data["tables"]["individuals"][0]["achievements"] = "Thành tích mới."
    summary = generate([make_workbook(data)], outputs=outputs)
    (kept,) = [p for p in outputs.iterdir() if p.name.startswith("2025-hang-nam.ban-cu-")]
    assert summary.rounds[0].kept == kept
    assert snapshot(kept) == first  # the whole earlier version, manifest included
    now = snapshot(outputs / "2025-hang-nam")
    assert now["ghi-chu.txt"] == "của văn thư".encode()
    assert now["danh-sach-de-nghi-khen-thuong.docx"] != first["danh-sach-de-nghi-khen-thuong.docx"]
    assert now["tong-hop-kinh-phi.xlsx"] == first["tong-hop-kinh-phi.xlsx"]


def test_same_inputs_again_change_nothing(make_workbook, tmp_path):
    outputs, workbook = tmp_path / "outputs", make_workbook()
    generate([workbook], outputs=outputs)
    before = {p: p.stat().st_mtime_ns for p in (outputs / "2025-hang-nam").rglob("*")}
    summary = generate([workbook], outputs=outputs)
    assert summary.rounds[0].changed is False and summary.rounds[0].kept is None
    assert {p: p.stat().st_mtime_ns for p in (outputs / "2025-hang-nam").rglob("*")} == before
    assert [p.name for p in outputs.iterdir() if "ban-cu" in p.name] == []


# --- all or nothing ------------------------------------------------------------------------------

@pytest.mark.parametrize("fail_at", [1, 2, 3, 4])
def test_failure_while_moving_into_place_rolls_everything_back(make_workbook, tmp_path,
                                                                monkeypatch, fail_at):
    """Two rounds, two renames each: a permission error on any of the four leaves outputs/
    exactly as before."""
    outputs = tmp_path / "outputs"
    earlier = round_data()
    earlier["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    books = [make_workbook(), make_workbook(earlier, name="2024.xlsx")]
    generate(books, outputs=outputs)
    (outputs / "2025-hang-nam" / "ghi-chu.txt").write_text("x", encoding="utf-8")
    before = snapshot(outputs)
    data = round_data()
    data["tables"]["individuals"][1]["achievements"] = "Khác trước."
    books[0] = make_workbook(data)
    earlier["tables"]["individuals"][1]["achievements"] = "Khác trước."
    books[1] = make_workbook(earlier, name="2024.xlsx")
    real_replace, calls = os.replace, []

    def flaky(source, destination):
        calls.append(source)
        if len(calls) == fail_at:
            raise PermissionError(13, "Permission denied")
        return real_replace(source, destination)

    monkeypatch.setattr("pipeline.write.os.replace", flaky)
    with pytest.raises(OutputError, match="các tệp cũ được giữ nguyên"):
        generate(books, outputs=outputs)
    monkeypatch.undo()
    assert snapshot(outputs) == before
    assert sorted(p.name for p in outputs.iterdir() if p.is_dir()) == [
        "2024-hang-nam", "2025-hang-nam", "so-theo-doi-khen-thuong"]


def test_exception_in_the_middle_of_rendering_writes_nothing(make_workbook, tmp_path,
                                                             monkeypatch):
    """The third file of the set fails after two have been rendered: nothing is written."""
    from pipeline import render

    def broken(assessment, forms):
        raise RuntimeError("lỗi giữa chừng")

    outputs = tmp_path / "outputs"
    monkeypatch.setattr(render, "OUTPUTS", (*render.OUTPUTS[:2], render.Output(
        "bao-cao-ket-qua.docx", broken, lambda a: True, "")))
    with pytest.raises(RuntimeError):
        generate([make_workbook()], outputs=outputs)
    assert not outputs.exists()


def test_unreadable_template_is_named(make_workbook, tmp_path):
    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    (forms / "danh-sach-de-nghi-khen-thuong.docx").write_bytes(b"PK\x03\x04 cut short")
    with pytest.raises(BrokenTemplates, match="danh-sach-de-nghi-khen-thuong.docx") as caught:
        generate([make_workbook()], outputs=tmp_path / "out", forms=forms)
    assert str(caught.value.problems[0]) == ("Lỗi: danh-sach-de-nghi-khen-thuong.docx, tệp: không "
                                             "phải văn bản Word .docx đọc được.")
    assert not (tmp_path / "out" / "2025-hang-nam").exists()


@pytest.mark.parametrize(("part", "xml", "said"), [
    ("word/styles.xml", "<w:styles/>", "tệp: thiếu phần nội dung word/document.xml"),
    ("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
     'wordprocessingml/2006/main"/>', "word/document.xml: thiếu phần thân văn bản (w:body)"),
], ids=["no-document-part", "no-body"])
def test_a_package_short_of_its_document_names_what_is_missing(make_workbook, tmp_path, part,
                                                                xml, said):
    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    with zipfile.ZipFile(forms / "quyet-dinh-giay-khen.docx", "w") as package:
        package.writestr(part, xml)
    with pytest.raises(BrokenTemplates) as caught:
        generate([make_workbook()], outputs=tmp_path / "out", forms=forms)
    assert [str(p) for p in caught.value.problems] == [f"Lỗi: quyet-dinh-giay-khen.docx, {said}."]


def test_undefined_variable_is_an_error_not_a_blank(make_workbook, tmp_path):
    """Even past the template check, filling never prints a blank for a missing variable."""
    from pipeline.render import TO_TRINH, render

    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    _edit_template(forms / "to-trinh-de-nghi-khen-thuong.docx",
                   "{{ trich_yeu }}", "{{ trich_yeu }} {{ so_quyet_dinh_cu }}")
    assessment = check([make_workbook()]).rounds[0].assessment
    with pytest.raises(TemplateError, match="so_quyet_dinh_cu"):
        render(forms / TO_TRINH.filename, TO_TRINH.build(assessment), title="x",
               round_=assessment.round)
    with pytest.raises(BrokenTemplates):
        generate([make_workbook()], outputs=tmp_path / "out", forms=forms)


def _edit_template(path: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


# --- concurrency ---------------------------------------------------------------------------------

@pytest.mark.spawns
def test_a_second_run_refuses_while_the_first_holds_outputs(make_workbook, tmp_path):
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    workbook = make_workbook()
    with _locked(outputs):
        done = subprocess.run([sys.executable, "-m", "pipeline", "generate", str(workbook),
                               "--outputs", str(outputs), "--forms", str(DEFAULT_FORMS)],
                              capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 4
    assert "Một lệnh khác đang ghi vào" in done.stderr
    assert snapshot(outputs) == {}
    generate([workbook], outputs=outputs)  # free again once the first run ends


@pytest.mark.spawns
def test_two_runs_at_once_never_corrupt(make_workbook, tmp_path):
    outputs = tmp_path / "outputs"
    workbook = make_workbook()
    command = [sys.executable, "-m", "pipeline", "generate", str(workbook), "--outputs",
               str(outputs), "--forms", str(DEFAULT_FORMS), "--overwrite", "-q"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(3)]
    codes = [run.wait(timeout=120) for run in runs]
    assert set(codes) <= {0, 4} and 0 in codes
    import hashlib
    import json

    folder = outputs / "2025-hang-nam"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in manifest["outputs"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest


def test_the_cycle_collector_is_off_during_a_run_and_back_after(make_workbook, tmp_path,
                                                               monkeypatch):
    from pipeline import main

    seen = []
    real = main.render_round
    monkeypatch.setattr(main, "render_round",
                        lambda *args: seen.append(gc.isenabled()) or real(*args))
    assert gc.isenabled()
    generate([make_workbook()], outputs=tmp_path / "out")
    assert seen == [False, False] and gc.isenabled()  # the templates' trial fill, the round
    broken = round_data()
    broken["tables"]["individuals"][0]["birth_year"] = "năm ngoái"
    with pytest.raises(InputError):
        generate([make_workbook(broken, name="loi.xlsx")], outputs=tmp_path / "out")
    assert gc.isenabled()


# --- hostile text --------------------------------------------------------------------------------

HOSTILE = ("A & B < C > D \"quoted\" 'single' {{ nguoi_ky }} {% if true %}x{% endif %} "
           "tab\there 😀 " + "Siêudàiliềnkhôngcáchnào" * 12 + "\ndòng thứ hai")


def test_control_codes_pasted_into_a_cell_never_break_a_document(make_workbook, tmp_path):
    """Excel stores a control code as _x0001_; calamine gives it back as the character, which
    XML 1.0 cannot hold: Word would call the document corrupt."""
    data = round_data()
    data["tables"]["individuals"][0]["achievements"] = "Vận hành_x0001_ cổng_x001B_ an toàn."
    generate([make_workbook(data)], outputs=tmp_path / "out")
    for path in (tmp_path / "out" / "2025-hang-nam").rglob("*.docx"):
        check_package(path.read_bytes())
    text = "\n".join(docx_lines(tmp_path / "out" / "2025-hang-nam" /
                                 "danh-sach-de-nghi-khen-thuong.docx"))
    assert "Vận hành cổng an toàn." in text


def test_hostile_text_comes_out_literally(make_workbook, tmp_path):
    data = round_data()
    data["tables"]["individuals"][0]["achievements"] = HOSTILE
    generate([make_workbook(data)], outputs=tmp_path / "out")
    path = tmp_path / "out" / "2025-hang-nam" / "danh-sach-de-nghi-khen-thuong.docx"
    text = "\n".join(docx_lines(path))
    for piece in ("A & B < C > D \"quoted\" 'single'", "{{ nguoi_ky }}",
                  "{% if true %}x{% endif %}", "tab here", "😀", "Siêudàiliềnkhông"):
        assert piece in text, piece
    breaks = Document(path).element.body.xpath(".//w:br")
    assert breaks, "the cell's line break became a line break"
    check_package(path.read_bytes())


def test_5000_characters_300_people_and_an_empty_unit(make_workbook, tmp_path):
    data = round_data()
    people = data["tables"]["individuals"]
    people[0]["achievements"] = "Thành tích rất dài. " * 250
    people += [{"name": f"Người Thứ {n}", "sex": "Nữ", "birth_year": 1990,
                "position": "Chuyên viên", "unit": "Phòng Kinh tế", "rating": "HTTNV",
                "title": "LĐTT", "votes": 9} for n in range(300)]
    data["tables"]["collectives"].append({"name": "Ban Tiếp công dân", "rating": "HTTNV",
                                          "title": "TTLĐTT", "votes": 9})
    summary = generate([make_workbook(data)], outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-hang-nam"
    assessment = summary.rounds[0].assessment
    empty = next(j for j in assessment.judgements if j.proposal.subject.name == "Ban Tiếp công dân")
    assert "không có cá nhân nào của tập thể" in str(empty.reasons)
    assert len(docx_lines(folder / "danh-sach-de-nghi-khen-thuong.docx")[-1]) > 4000
    for path in folder.glob("*.docx"):
        check_package(path.read_bytes())


def test_round_without_proposals_writes_no_empty_documents(make_workbook, tmp_path):
    data = round_data()
    for rows in data["tables"].values():
        for row in rows:
            row.pop("title", None)
            row.pop("award", None)
    summary = generate([make_workbook(data)], outputs=tmp_path / "out")
    result = summary.rounds[0]
    assert result.written == ("bao-cao-ket-qua.docx", "tom-tat.txt")
    assert [name for name, _ in result.skipped] == [
        "to-trinh-de-nghi-khen-thuong.docx", "danh-sach-de-nghi-khen-thuong.docx",
        "bao-cao-thanh-tich/", "quyet-dinh-giay-khen.docx", "quyet-dinh-danh-hieu.docx",
        "bien-ban-hop-hoi-dong.docx", "ket-qua-tham-dinh.xlsx", "tong-hop-kinh-phi.xlsx"]
    text = docx_lines(tmp_path / "out" / "2025-hang-nam" / "bao-cao-ket-qua.docx")
    assert "Trong đợt này không có đề nghị khen thưởng." in text


# --- the package ---------------------------------------------------------------------------------

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def check_package(data: bytes) -> None:
    """Content types for every part, every internal relationship target present, unique ids."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert len(names) == len(set(names))
        types = etree.fromstring(package.read("[Content_Types].xml"))
        defaults = {d.get("Extension") for d in types.iter(f"{CT}Default")}
        overrides = {o.get("PartName") for o in types.iter(f"{CT}Override")}
        for name in names:
            if not name.endswith("/"):
                assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
        for rels in (n for n in names if n.endswith(".rels")):
            base = PurePosixPath(rels).parent.parent
            ids = []
            for rel in etree.fromstring(package.read(rels)).iter(f"{RELS}Relationship"):
                ids.append(rel.get("Id"))
                if rel.get("TargetMode") != "External":
                    target = (base / rel.get("Target")).as_posix().lstrip("/")
                    assert target in names, (rels, target)
            assert len(ids) == len(set(ids)), rels
        body = etree.fromstring(package.read("word/document.xml"))
        doc_pr = [e.get("id") for e in body.iter() if e.tag.endswith("}docPr")]
        assert len(doc_pr) == len(set(doc_pr))


def test_every_sample_document_is_a_sound_package(tmp_path):
    generate(sorted((ROOT / "inputs").glob("*.xlsx")), outputs=tmp_path / "out")
    documents = sorted((tmp_path / "out").rglob("*.*x"))
    assert len(documents) == 76  # the eight sample rounds and the register: 58 before 2021
    # and 2022 came in; 2021: 6 .docx (one báo cáo thành tích) and 2 .xlsx, 2022: 7 and 2; and
    # the báo cáo thành tích đột xuất of 2026
    for path in documents:
        check_package(path.read_bytes()) if path.suffix == ".docx" else zipfile.ZipFile(path)
