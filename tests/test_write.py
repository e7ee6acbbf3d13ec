"""Writing: all or none, foreign files untouched, the same bytes on every run."""

from __future__ import annotations

import errno
import json

import pytest
from conftest import round_data

from pipeline import generate
from pipeline.errors import BrokenTemplates, InputError, OutputError
from pipeline.main import check


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_input_errors_write_nothing(make_workbook, tmp_path):
    data = round_data()
    data["tables"]["individuals"][0]["rating"] = "HTXSVN"
    with pytest.raises(InputError):
        generate([make_workbook(data)], outputs=tmp_path / "outputs")
    assert not (tmp_path / "outputs").exists()


def test_one_bad_workbook_stops_all(make_workbook, tmp_path):
    good = make_workbook()
    data = round_data()
    data["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    data["tables"]["individuals"][1]["birth_year"] = "năm ngoái"
    bad = make_workbook(data, name="2024.xlsx")
    with pytest.raises(InputError) as caught:
        generate([good, bad], outputs=tmp_path / "outputs")
    assert [p.file for p in caught.value.problems] == ["2024.xlsx"]
    assert not (tmp_path / "outputs").exists()


def test_failure_while_writing_leaves_outputs_as_they_were(make_workbook, tmp_path, monkeypatch):
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    (outputs / "ghi-chu-cua-van-thu.txt").write_text("đừng xoá", encoding="utf-8")
    before = snapshot(outputs)

    written = []

    def disk_full(self, data):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(self)
        return len(data)

    monkeypatch.setattr("pathlib.Path.write_bytes", disk_full)
    with pytest.raises(OutputError, match="các tệp cũ được giữ nguyên"):
        generate([make_workbook()], outputs=outputs)
    monkeypatch.undo()
    assert snapshot(outputs) == before
    assert not list(outputs.glob(".khenthuong-*"))


def test_broken_template_leaves_outputs_as_they_were(make_workbook, tmp_path):
    import shutil

    from pipeline.catalog import DEFAULT_FORMS

    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    before = snapshot(outputs)
    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    (forms / "bao-cao-ket-qua.docx").write_bytes(b"not a docx")
    with pytest.raises(BrokenTemplates, match="bao-cao-ket-qua.docx"):
        generate([make_workbook()], outputs=outputs, forms=forms)
    assert snapshot(outputs) == before


def test_regenerating_keeps_foreign_files_and_removes_stale_documents(make_workbook, tmp_path):
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    round_folder = outputs / "2025-hang-nam"
    (round_folder / "ban-ky-scan.pdf").write_bytes(b"%PDF signed copy")
    assert (round_folder / "to-trinh-de-nghi-khen-thuong.docx").exists()

    data = round_data()  # now nobody is proposed for an award above the office's authority
    for rows in data["tables"].values():
        for row in rows:
            row.pop("award", None)
    summary = generate([make_workbook(data)], outputs=outputs)
    names = {p.name for p in round_folder.iterdir()}
    assert names == {"bao-cao-ket-qua.docx", "ket-qua-tham-dinh.xlsx", "tong-hop-kinh-phi.xlsx",
                     "quyet-dinh-danh-hieu.docx", "bien-ban-hop-hoi-dong.docx", "manifest.json",
                     "ban-ky-scan.pdf"}
    assert (round_folder / "ban-ky-scan.pdf").read_bytes() == b"%PDF signed copy"
    assert [name for name, _ in summary.rounds[0].skipped] == [
        "to-trinh-de-nghi-khen-thuong.docx", "danh-sach-de-nghi-khen-thuong.docx",
        "bao-cao-thanh-tich/", "quyet-dinh-giay-khen.docx"]


def test_same_inputs_give_the_same_bytes(make_workbook, tmp_path, monkeypatch):
    path = make_workbook()
    generate([path], outputs=tmp_path / "a")
    import time

    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # another clock, years later
    monkeypatch.setattr(time, "localtime", lambda *a: time.gmtime(2_000_000_000))
    generate([path], outputs=tmp_path / "b")
    first = snapshot(tmp_path / "a" / "2025-hang-nam")
    second = snapshot(tmp_path / "b" / "2025-hang-nam")
    assert first.keys() == second.keys() and len(first) == 11
    assert first == second


def test_manifest_lists_inputs_rules_and_outputs(make_workbook, tmp_path):
    import hashlib

    path = make_workbook()
    generate([path], outputs=tmp_path / "out")
    folder = tmp_path / "out" / "2025-hang-nam"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"] == {path.name: hashlib.sha256(path.read_bytes()).hexdigest()}
    assert manifest["rules"].endswith("152/2025/NĐ-CP")
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files[:3] == ["bao-cao-ket-qua.docx", "bao-cao-thanh-tich/01-phong-kinh-te.docx",
                         "bao-cao-thanh-tich/02-lo-van-pom.docx"]
    assert manifest["outputs"] == {
        name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
        for name in files if name != "manifest.json"}


def test_history_round_writes_nothing(make_workbook, tmp_path):
    data = round_data()
    data["info"] |= {"year": 2023, "sign_date": "15/12/2023"}
    summary = generate([make_workbook(data, name="2023.xlsx")], outputs=tmp_path / "out")
    assert summary.rounds[0].assessment is None
    assert not list((tmp_path / "out").glob("2023-*"))


def test_two_workbooks_of_one_round_are_refused(make_workbook):
    with pytest.raises(InputError) as caught:
        check([make_workbook(), make_workbook(name="ban-sao.xlsx")])
    (problem,) = caught.value.problems
    assert "đợt 2025-hang-nam đã có trong tệp “2025-hang-nam.xlsx”" in problem.message
