"""Writing: all or none, foreign files untouched, the same bytes on every run."""

from __future__ import annotations

import errno
import hashlib
import json
from pathlib import Path

import pytest
from conftest import round_data

from pipeline import generate
from pipeline.errors import BrokenTemplates, InputError, OutputError
from pipeline.main import check
from pipeline.write import Edited


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
                     "tom-tat.txt", "ban-ky-scan.pdf"}
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
    assert first.keys() == second.keys() and len(first) == 12
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
    data["info"] |= {"year": 2016, "sign_date": "15/12/2016"}  # before any rule file
    summary = generate([make_workbook(data, name="2016.xlsx")], outputs=tmp_path / "out")
    assert summary.rounds[0].assessment is None
    assert not list((tmp_path / "out").glob("2016-*"))


def test_two_workbooks_of_one_round_are_refused(make_workbook):
    with pytest.raises(InputError) as caught:
        check([make_workbook(), make_workbook(name="ban-sao.xlsx")])
    (problem,) = caught.value.problems
    assert "đợt 2025-hang-nam đã có trong tệp “2025-hang-nam.xlsx”" in problem.message


# --- hardening: kills, clerks' files, names, permissions ------------------------------------------

def _changed(data=None):
    data = data or round_data()
    data["tables"]["individuals"][1]["achievements"] = "Khác trước."
    return data


def _hold_open(monkeypatch, name: str, inside: str) -> None:
    """Refuse to delete files called `name` in a folder whose path holds `inside`, or deleted
    by rmtree from an open folder (dir_fd, paths relative to it): Windows with the file open
    in Word."""
    import os

    real = os.unlink

    def held_open(path, *, dir_fd=None):
        if Path(path).name == name and (dir_fd is not None or inside in str(path)):
            raise PermissionError(13, "The process cannot access the file", str(path))
        return real(path, dir_fd=dir_fd)

    monkeypatch.setattr(os, "unlink", held_open)


def _killed_while_publishing(make_workbook, outputs, at_rename):
    """Run generate in a child process that dies (no cleanup at all) at the n-th rename."""
    import multiprocessing
    import os

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs fork")
    path = make_workbook(_changed())

    def child():
        real, calls = os.replace, []

        def dying(source, destination):
            calls.append(source)
            if len(calls) == at_rename:
                os._exit(9)
            return real(source, destination)

        import pipeline.write
        pipeline.write.os.replace = dying
        generate([path], outputs=outputs)
        os._exit(0)

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join()
    assert process.exitcode == 9
    return path


@pytest.mark.parametrize("at_rename", [1, 2])
def test_a_run_killed_while_publishing_leaves_no_half_round(make_workbook, tmp_path, at_rename):
    """Killed between moving the old folder aside and the new one in: the next run puts the
    old one back, then publishes; one complete backup, no staging folder left."""
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    (outputs / "2025-hang-nam" / "ban-ky-scan.pdf").write_bytes(b"%PDF signed")
    before = snapshot(outputs / "2025-hang-nam")
    path = _killed_while_publishing(make_workbook, outputs, at_rename)
    generate([path], outputs=outputs)
    folder = outputs / "2025-hang-nam"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["outputs"]) | {"manifest.json", "ban-ky-scan.pdf"} == set(
        snapshot(folder))
    (backup,) = [p for p in outputs.iterdir() if ".ban-cu-" in p.name]
    assert snapshot(backup) == {k: v for k, v in before.items() if k != "ban-ky-scan.pdf"}
    assert (folder / "ban-ky-scan.pdf").read_bytes() == b"%PDF signed"
    assert not list(outputs.glob(".khenthuong-*"))


def test_two_changed_runs_in_one_second_keep_both_versions(make_workbook, tmp_path, monkeypatch):
    from datetime import datetime

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2025, 12, 5, 15, 30, 0)

    monkeypatch.setattr("pipeline.write.datetime", Frozen)
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    generate([make_workbook(_changed())], outputs=outputs)
    third = _changed()
    third["tables"]["individuals"][2]["achievements"] = "Lần ba."
    generate([make_workbook(third)], outputs=outputs)
    assert sorted(p.name for p in outputs.iterdir() if ".ban-cu-" in p.name) == [
        "2025-hang-nam.ban-cu-20251205-153000", "2025-hang-nam.ban-cu-20251205-153000-2"]


def test_a_clerks_file_under_a_document_name_is_never_replaced(make_workbook, tmp_path):
    outputs = tmp_path / "outputs"
    folder = outputs / "2025-hang-nam"
    folder.mkdir(parents=True)
    (folder / "to-trinh-de-nghi-khen-thuong.docx").write_bytes(b"ban cua van thu")
    with pytest.raises(OutputError, match="to-trinh-de-nghi-khen-thuong.docx” không do chương"):
        generate([make_workbook()], outputs=outputs)
    assert snapshot(folder) == {"to-trinh-de-nghi-khen-thuong.docx": b"ban cua van thu"}


def test_a_file_named_like_a_document_the_last_run_did_not_make_is_kept(make_workbook,
                                                                         tmp_path):
    outputs = tmp_path / "outputs"
    data = round_data()
    data["tables"]["individuals"][3].pop("award")  # no Giấy khen this time
    generate([make_workbook(data)], outputs=outputs)
    mine = outputs / "2025-hang-nam" / "quyet-dinh-giay-khen.docx"
    mine.write_bytes(b"du thao cua van thu")
    with pytest.raises(OutputError) as refused:
        generate([make_workbook()], outputs=outputs)
    assert str(refused.value) == (
        f"Tệp “{mine}” không do chương trình ghi nhưng trùng tên một văn bản sắp lập; hãy đổi "
        "tên hoặc chuyển tệp đó đi rồi chạy lại. Chưa tệp nào bị thay đổi.")
    assert mine.read_bytes() == b"du thao cua van thu"


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_document_the_clerk_edited_is_kept_beside_the_new_one(make_workbook, tmp_path,
                                                                overwrite):
    """New data changes the to-trinh: hers is kept under a spare name, never replaced."""
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    folder = outputs / "2025-hang-nam"
    edited = folder / "to-trinh-de-nghi-khen-thuong.docx"
    hers = edited.read_bytes() + b"edited"
    edited.write_bytes(hers)
    (folder / "to-trinh-de-nghi-khen-thuong.sua-tay.docx").write_bytes(b"an earlier one")
    data = round_data()
    data["info"]["number_to_trinh"] = "8"  # the tờ trình has another number now
    summary = generate([make_workbook(data)], outputs=outputs, overwrite=overwrite)
    assert summary.rounds[0].edited == (Edited("to-trinh-de-nghi-khen-thuong.docx",
                                               "to-trinh-de-nghi-khen-thuong.sua-tay-2.docx"),)
    assert (folder / "to-trinh-de-nghi-khen-thuong.sua-tay-2.docx").read_bytes() == hers
    assert (folder / "to-trinh-de-nghi-khen-thuong.sua-tay.docx").read_bytes() == b"an earlier one"
    assert not edited.read_bytes().endswith(b"edited")
    generate([make_workbook(data)], outputs=outputs)  # her copy now stays as one of her files
    assert (folder / "to-trinh-de-nghi-khen-thuong.sua-tay-2.docx").read_bytes() == hers


def test_a_document_the_clerk_edited_stays_when_its_data_did_not_change(make_workbook,
                                                                        tmp_path):
    outputs, workbook = tmp_path / "outputs", make_workbook()
    generate([workbook], outputs=outputs)
    edited = outputs / "2025-hang-nam" / "bien-ban-hop-hoi-dong.docx"
    hers = edited.read_bytes() + b"edited"
    edited.write_bytes(hers)
    summary = generate([workbook], outputs=outputs)
    assert summary.rounds[0].changed is False
    assert summary.rounds[0].edited == (Edited("bien-ban-hop-hoi-dong.docx", None),)
    assert edited.read_bytes() == hers
    assert not [p for p in outputs.iterdir() if ".ban-cu-" in p.name]


def test_only_the_newest_earlier_versions_are_kept(make_workbook, tmp_path, monkeypatch):
    from datetime import datetime

    seconds = iter(range(60))

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2025, 12, 5, 15, 30, next(seconds))

    monkeypatch.setattr("pipeline.write.datetime", Clock)
    monkeypatch.setattr("pipeline.write.BACKUPS_KEPT", 2)
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)  # names no earlier version: 15:30:00 unused
    kept, pruned = [], []
    for n in range(4):
        data = round_data()
        data["tables"]["individuals"][1]["achievements"] = f"Lần {n}."
        result = generate([make_workbook(data)], outputs=outputs).rounds[0]
        kept.append(result.kept.name)
        pruned += [p.name for p in result.pruned]
        if n == 1:  # the clerk keeps a note in this earlier version: it is never deleted
            (result.kept / "ghi-chu.txt").write_text("x")
    assert kept == [f"2025-hang-nam.ban-cu-20251205-15300{s}" for s in (1, 2, 3, 4)]
    assert sorted(p.name for p in outputs.iterdir() if ".ban-cu-" in p.name) == kept[1:]
    assert pruned == kept[:1]


def test_a_rerun_says_what_changed(make_workbook, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    data = round_data()
    data["tables"]["individuals"][1]["rating"] = "Hoàn thành nhiệm vụ"  # no longer LĐTT
    data["tables"]["individuals"].append(
        {"name": "Quàng Thị Mai", "sex": "Nữ", "birth_year": 1995, "position": "Chuyên viên",
         "unit": "Phòng Kinh tế", "rating": "Hoàn thành tốt nhiệm vụ",
         "title": "Lao động tiên tiến", "votes": 9})
    path = make_workbook(data)
    result = CliRunner().invoke(main, ["generate", str(path), "--inputs", str(path.parent),
                                       "--outputs", str(outputs)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("  So với lần chạy trước:")
    assert lines[start + 1:start + 5] == [
        # Luật Đ24.1: LĐTT needs "hoàn thành tốt nhiệm vụ" or better; NĐ 152 Đ50: hệ số 0,3
        # × 2.340.000 = 702.000, rounded up to 710.000 đồng
        "    - Giàng A Páo (1990), Lao động tiên tiến: đủ điều kiện, 710.000 đồng → không đủ "
        "điều kiện",
        # Luật Đ28: from 70% of its people LĐTT; now 2 of 3 (Pọm as CSTĐCS, Mai). Hệ số 0,8:
        # 1.872.000, rounded up to 1.880.000 đồng
        "    - Phòng Kinh tế, Tập thể lao động tiên tiến: đủ điều kiện, 1.880.000 đồng → không "
        "đủ điều kiện",
        "    - Quàng Thị Mai (1995), Lao động tiên tiến: đề nghị mới, đủ điều kiện, 710.000 đồng",
        "    Văn bản thay đổi: bao-cao-ket-qua.docx, bien-ban-hop-hoi-dong.docx, "
        "ket-qua-tham-dinh.xlsx, quyet-dinh-danh-hieu.docx, to-trinh-de-nghi-khen-thuong.docx, "
        "tong-hop-kinh-phi.xlsx.",
    ]


@pytest.mark.parametrize("overwrite", [False, True])
def test_empty_folders_the_clerk_made_survive_a_rerun(make_workbook, tmp_path, overwrite):
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    (outputs / "2025-hang-nam" / "scan").mkdir()
    (outputs / "2025-hang-nam" / "bao-cao-thanh-tich" / "ghi-chu").mkdir()
    (outputs / "2025-hang-nam" / "ho-so" / "2025" / "thang-12").mkdir(parents=True)
    generate([make_workbook(_changed())], outputs=outputs, overwrite=overwrite)
    assert (outputs / "2025-hang-nam" / "ho-so" / "2025" / "thang-12").is_dir()
    assert (outputs / "2025-hang-nam" / "scan").is_dir()
    assert (outputs / "2025-hang-nam" / "bao-cao-thanh-tich" / "ghi-chu").is_dir()


def test_file_names_are_plain_and_short(make_workbook, tmp_path):
    import re

    data = round_data()
    people = data["tables"]["individuals"]
    people[0]["name"] = "Lò Văn & Pọm 😀\u200f"
    for row in data["tables"]["history"]:
        row["name"] = people[0]["name"] if row["name"] == "Lò Văn Pọm" else row["name"]
    people[2]["name"] = "Cầm Thị " + "Ánh " * 72  # 296 characters
    people[2]["kind"] = "Đột xuất"
    outputs = tmp_path / "outputs"
    generate([make_workbook(data)], outputs=outputs)
    names = [p.relative_to(outputs).as_posix() for p in outputs.rglob("*.docx")]
    reports = [n for n in names if "/bao-cao-thanh-tich/" in n]
    assert len(reports) == 3
    assert all(re.fullmatch(r"2025-hang-nam/bao-cao-thanh-tich/\d\d-[a-z0-9-]{1,60}\.docx", n)
               for n in reports), reports
    assert "2025-hang-nam/bao-cao-thanh-tich/02-lo-van-pom.docx" in names
    generate([make_workbook(_changed(data))], outputs=outputs)
    assert not [n for n in names if not (outputs / n).exists()]  # each document made again
    (backup,) = [p for p in outputs.iterdir() if ".ban-cu-" in p.name]
    assert len(list(backup.rglob("*.docx"))) == len(names)


def test_an_unwritable_lock_file_still_locks(make_workbook, tmp_path, monkeypatch):
    real = open

    def refuse_writing(path, mode="r", *args, **kwargs):
        if str(path).endswith(".khenthuong.lock") and "+" in mode:
            raise PermissionError(13, "Permission denied")
        return real(path, mode, *args, **kwargs)

    outputs = tmp_path / "outputs"
    outputs.mkdir()
    (outputs / ".khenthuong.lock").write_bytes(b"")
    monkeypatch.setattr("pipeline.write.open", refuse_writing, raising=False)
    generate([make_workbook()], outputs=outputs)
    assert (outputs / "2025-hang-nam" / "manifest.json").exists()


def test_outputs_not_writable_is_exit_4_in_one_sentence(make_workbook, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from pipeline.catalog import DEFAULT_FORMS
    from pipeline.cli import main

    def refuse(path, mode="r", *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("pipeline.write.open", refuse, raising=False)
    outputs = tmp_path / "outputs"
    result = CliRunner().invoke(main, ["generate", str(make_workbook()), "--outputs",
                                       str(outputs), "--forms", str(DEFAULT_FORMS)])
    assert result.exit_code == 4, result.output
    assert result.output.strip() == (f"Không ghi được vào thư mục “{outputs}”: không có quyền "
                                     "ghi (hãy chọn thư mục khác bằng --outputs, hoặc xin "
                                     "quyền ghi).")


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root may write anywhere")
def test_a_read_only_outputs_folder_is_exit_4(make_workbook, tmp_path):
    from click.testing import CliRunner

    from pipeline.catalog import DEFAULT_FORMS
    from pipeline.cli import main

    outputs = tmp_path / "outputs"
    outputs.mkdir()
    outputs.chmod(0o500)
    try:
        result = CliRunner().invoke(main, ["generate", str(make_workbook()), "--outputs",
                                           str(outputs), "--forms", str(DEFAULT_FORMS)])
    finally:
        outputs.chmod(0o700)
    assert result.exit_code == 4 and "không có quyền ghi" in result.output


def test_a_document_open_in_word_on_windows_is_named_as_the_likely_cause(make_workbook, tmp_path,
                                                                        monkeypatch):
    """Windows refuses to move a folder holding a file open in Word or Excel (WinError 5, or 32
    for the file itself): the clerk is told to close it, and the old files stay."""
    import os

    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    before = snapshot(outputs / "2025-hang-nam")

    def refused(source, target):
        err = PermissionError(errno.EACCES, "Access is denied")
        err.winerror = 5
        raise err

    monkeypatch.setattr(os, "replace", refused)
    data = round_data()
    data["tables"]["individuals"][1]["rating"] = "Hoàn thành nhiệm vụ"
    with pytest.raises(OutputError) as caught:
        generate([make_workbook(data)], outputs=outputs)
    monkeypatch.undo()
    assert str(caught.value) == (
        f"Không ghi được kết quả vào “{outputs}”: một tệp trong đó đang mở (trong Word, Excel…) "
        "hoặc không có quyền ghi; hãy đóng các văn bản, bảng tính của đợt rồi chạy lại (vẫn lỗi "
        "thì chọn thư mục khác bằng --outputs, hoặc xin quyền ghi); các tệp cũ được giữ nguyên.")
    assert snapshot(outputs / "2025-hang-nam") == before


def test_a_manifest_naming_a_file_the_tool_never_writes_does_not_claim_it(make_workbook,
                                                                         tmp_path):
    """The tool writes only lowercase ASCII names inside the round folder. A manifest edited to
    list the clerk's “Ghi chú.txt” (with its true digest) or “../ngoai.txt” does not make them
    the tool's: after a changed rerun the note is still in the round folder, the outside file
    untouched."""
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    folder = outputs / "2025-hang-nam"
    note, outside = folder / "Ghi chú.txt", outputs / "ngoai.txt"
    note.write_bytes(b"ghi chep cua van thu")
    outside.write_bytes(b"ngoai thu muc")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, path in (("Ghi chú.txt", note), ("../ngoai.txt", outside)):
        manifest["outputs"][name] = hashlib.sha256(path.read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    data = round_data()
    data["tables"]["individuals"][1]["rating"] = "Hoàn thành nhiệm vụ"
    generate([make_workbook(data)], outputs=outputs)
    assert note.read_bytes() == b"ghi chep cua van thu"
    assert outside.read_bytes() == b"ngoai thu muc"


@pytest.mark.parametrize("outputs_entry", [None, ["to-trinh-de-nghi-khen-thuong.docx"]])
def test_a_manifest_without_its_list_of_files_claims_none(make_workbook, tmp_path,
                                                          outputs_entry):
    """A manifest that lost its "outputs" table, or holds a list there, claims no file: the
    earlier documents count as the clerk's and nothing is replaced."""
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    folder = outputs / "2025-hang-nam"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("outputs")
    if outputs_entry is not None:
        manifest["outputs"] = outputs_entry
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    before = snapshot(folder)
    with pytest.raises(OutputError) as refused:
        generate([make_workbook(_changed())], outputs=outputs)
    assert str(refused.value) == (
        f"Tệp “{folder / 'bao-cao-ket-qua.docx'}” không do chương trình ghi nhưng trùng tên một "
        "văn bản sắp lập; hãy đổi tên hoặc chuyển tệp đó đi rồi chạy lại. Chưa tệp nào bị thay "
        "đổi.")
    assert snapshot(folder) == before


# --- the helpers every writer shares -------------------------------------------------------------

def test_a_new_file_never_replaces_one_and_leaves_nothing_when_it_fails(tmp_path):
    from pipeline.write import new_file

    path = tmp_path / "ban-danh-dau.xlsx"
    assert new_file(path, b"PK\x03\x04 lan dau") == path
    assert path.read_bytes() == b"PK\x03\x04 lan dau"
    with pytest.raises(FileExistsError):
        new_file(path, b"lan hai")
    assert path.read_bytes() == b"PK\x03\x04 lan dau"  # the clerk's file, untouched
    with pytest.raises(TypeError):
        new_file(tmp_path / "hong.xlsx", "không phải bytes")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ban-danh-dau.xlsx"]


def test_an_edited_document_is_kept_under_the_first_free_sua_tay_name(tmp_path):
    from pipeline.write import _spare

    assert _spare("to-trinh.docx", {}, tmp_path) == "to-trinh.sua-tay.docx"
    (tmp_path / "to-trinh.sua-tay.docx").write_bytes(b"")
    assert _spare("to-trinh.docx", {}, tmp_path) == "to-trinh.sua-tay-2.docx"
    assert _spare("to-trinh.docx", {"to-trinh.sua-tay-2.docx": b""}, tmp_path) == \
        "to-trinh.sua-tay-3.docx"
    assert _spare("bien-ban.v2.docx", {}, tmp_path) == "bien-ban.v2.sua-tay.docx"


def test_a_system_error_is_told_by_its_own_words(tmp_path):
    from pipeline.write import _why

    assert _why(OSError(errno.EIO, "Input/output error", str(tmp_path))) == "Input/output error"
    assert _why(OSError("ổ đĩa đầy")) == "ổ đĩa đầy"


def test_without_hard_links_an_edited_document_is_copied(make_workbook, tmp_path, monkeypatch):
    """A FAT32 stick or a network share gives no hard links: the clerk's edited documents are
    copied instead, in place when their data did not change, else under a spare name."""
    import os

    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    outputs, workbook = tmp_path / "outputs", make_workbook()
    generate([workbook], outputs=outputs)
    folder = outputs / "2025-hang-nam"
    minutes, proposal = folder / "bien-ban-hop-hoi-dong.docx", \
        folder / "to-trinh-de-nghi-khen-thuong.docx"
    for path in (minutes, proposal):
        path.write_bytes(path.read_bytes() + b"edited")
    hers = {path: path.read_bytes() for path in (minutes, proposal)}
    monkeypatch.setattr(os, "link", no_links)
    data = round_data()
    data["info"]["number_to_trinh"] = "8"  # the tờ trình changes, the biên bản does not
    generate([make_workbook(data)], outputs=outputs)
    assert minutes.read_bytes() == hers[minutes]
    assert (folder / "to-trinh-de-nghi-khen-thuong.sua-tay.docx").read_bytes() == hers[proposal]


def test_what_changed_is_read_from_the_two_manifests():
    """Documents added, changed and removed (the summary, which tells of them, is not one), and
    each proposal whose outcome differs; an older manifest without proposals compares none."""
    from pipeline.write import Changes, _since

    before = {"outputs": {"a.docx": "1", "b.docx": "2", "tom-tat.txt": "x"},
              "proposals": {"Pọm, LĐTT": "đủ", "Páo, LĐTT": "không đủ"}}
    after = {"outputs": {"b.docx": "3", "c.docx": "4", "tom-tat.txt": "y"},
             "proposals": {"Pọm, LĐTT": "đủ", "Mai, LĐTT": "đủ"}}
    assert _since(before, after) == Changes(
        added=("c.docx",), changed=("b.docx",), removed=("a.docx",),
        proposals=(("Mai, LĐTT", None, "đủ"), ("Páo, LĐTT", "không đủ", None)))
    assert _since({"outputs": ["a.docx"], "proposals": ["Pọm"]}, after) == Changes(
        added=("b.docx", "c.docx"))


def test_a_document_that_cannot_be_read_is_not_taken_for_the_one_written(tmp_path,
                                                                          monkeypatch):
    """Word on Windows may hold it: it is kept as the clerk's, never overwritten unread."""
    from pathlib import Path

    from pipeline.write import _same

    path = tmp_path / "to-trinh.docx"
    path.write_bytes(b"PK")
    digest = hashlib.sha256(b"PK").hexdigest()
    assert _same(path, digest)
    assert not _same(tmp_path, digest)

    def locked(self):
        raise PermissionError(13, "The process cannot access the file", str(self))

    monkeypatch.setattr(Path, "read_bytes", locked)
    assert not _same(path, digest)


def test_a_document_the_clerk_deleted_is_written_again(make_workbook, tmp_path):
    path = make_workbook()
    outputs = tmp_path / "out"
    generate([path], outputs=outputs)
    document = outputs / "2025-hang-nam" / "quyet-dinh-danh-hieu.docx"
    written = document.read_bytes()
    document.unlink()
    generate([path], outputs=outputs)
    assert document.read_bytes() == written


def test_a_folder_is_unchanged_only_with_the_same_list_and_the_same_bytes(tmp_path):
    """The summary's own text may differ (it tells of the run that wrote it); nothing else."""
    from pipeline.write import _unchanged

    def folder(name, files, listed):
        place = tmp_path / name
        place.mkdir()
        for file, data in files.items():
            (place / file).write_bytes(data)
        (place / "manifest.json").write_text(json.dumps({"outputs": listed}), "utf-8")
        return place

    listed = {"a.docx": "1", "tom-tat.txt": "2"}
    staged = folder("staged", {"a.docx": b"A", "tom-tat.txt": b"lan 2"}, listed)
    target = folder("target", {"a.docx": b"A", "tom-tat.txt": b"lan 1"},
                    listed | {"tom-tat.txt": "3"})
    assert _unchanged(staged, target)
    (target / "a.docx").write_bytes(b"B")
    assert not _unchanged(staged, target)
    (target / "a.docx").unlink()
    assert not _unchanged(staged, target)
    (target / "a.docx").write_bytes(b"A")
    (target / "tom-tat.txt").unlink()
    assert not _unchanged(staged, target)
    (target / "tom-tat.txt").write_bytes(b"lan 1")
    (target / "manifest.json").write_text(json.dumps({"outputs": listed | {"b.docx": "4"}}),
                                          "utf-8")
    assert not _unchanged(staged, target)


def test_an_earlier_version_keeps_only_what_the_tool_wrote(make_workbook, tmp_path):
    """The clerk's scan moves on with the new version; the earlier one keeps no empty folder
    where it was."""
    outputs = tmp_path / "out"
    generate([make_workbook()], outputs=outputs)
    folder = outputs / "2025-hang-nam"
    (folder / "scan").mkdir()
    (folder / "scan" / "bien-ban-da-ky.pdf").write_bytes(b"%PDF-1.7")
    data = round_data()
    data["info"]["number_to_trinh"] = "8"
    generate([make_workbook(data)], outputs=outputs)
    (old,) = outputs.glob("2025-hang-nam.ban-cu-*")
    assert (old / "to-trinh-de-nghi-khen-thuong.docx").is_file()
    assert not (old / "scan").exists()
    assert (folder / "scan" / "bien-ban-da-ky.pdf").read_bytes() == b"%PDF-1.7"


def test_a_failure_swapping_the_second_round_in_puts_the_first_back(make_workbook, tmp_path,
                                                                    monkeypatch):
    """All rounds of a run are published or none: the round already swapped in goes back out,
    its earlier version back in."""
    import os

    earlier = round_data()
    earlier["info"] |= {"year": 2024, "sign_date": "05/12/2024"}
    paths = [make_workbook(earlier, "2024-hang-nam.xlsx"), make_workbook()]
    outputs = tmp_path / "outputs"
    generate(paths, outputs=outputs)
    before = snapshot(outputs)
    changed = [make_workbook(_changed(earlier), "2024-hang-nam.xlsx"),
               make_workbook(_changed())]
    real, swapped_in = os.replace, []

    def full_disk(source, destination):
        if Path(source).parent.name.startswith(".khenthuong-"):  # a staged round going in
            swapped_in.append(source)
            if len(swapped_in) == 2:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(source, destination)

    monkeypatch.setattr("pipeline.write.os.replace", full_disk)
    with pytest.raises(OutputError):
        generate(changed, outputs=outputs)
    monkeypatch.undo()
    assert len(swapped_in) == 2
    assert snapshot(outputs) == before
    assert not list(outputs.glob(".khenthuong-*"))


def test_every_text_file_is_read_and_written_as_utf8(make_workbook, tmp_path, monkeypatch):
    """Windows' own encoding is not UTF-8: a text file opened without naming its encoding
    would garble a Vietnamese name or path there."""
    import io
    import sys

    real = io.text_encoding

    def named(encoding, stacklevel=2):
        caller = sys._getframe(2).f_code.co_filename  # who called open(), read_text() …
        assert encoding is not None or "pipeline" not in Path(caller).parts, (
            f"{caller}: a text file opened without its encoding")
        return real(encoding, stacklevel)

    first, second = make_workbook(), make_workbook(_changed(), "2025-hang-nam-sua.xlsx")
    monkeypatch.setattr(io, "text_encoding", named)
    outputs = tmp_path / "outputs"
    generate([first], outputs=outputs)
    (outputs / ".khenthuong-bi-ngat").mkdir()  # left by a run that was killed
    (outputs / ".khenthuong-bi-ngat" / "publishing.json").write_text("[]", encoding="utf-8")
    generate([second], outputs=outputs)
    assert list(outputs.glob("2025-hang-nam.ban-cu-*"))


def test_overwrite_keeps_no_copy(make_workbook, tmp_path):
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    data = round_data()
    data["tables"]["individuals"][1]["achievements"] = "Thành tích mới."
    summary = generate([make_workbook(data)], outputs=outputs, overwrite=True)
    assert summary.rounds[0].kept is None
    assert sorted(p.name for p in outputs.iterdir() if not p.name.startswith(".")) == \
        ["2025-hang-nam", "so-theo-doi-khen-thuong"]


def test_an_earlier_version_that_cannot_be_deleted_stays_and_the_run_goes_on(
        make_workbook, tmp_path, monkeypatch):
    """A document of it open in Word (Windows refuses to delete it): the run still writes the
    new version; what could not be deleted stays, and the earlier version is not said deleted."""

    monkeypatch.setattr("pipeline.write.BACKUPS_KEPT", 1)
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    first = generate([make_workbook(_changed())], outputs=outputs).rounds[0].kept
    _hold_open(monkeypatch, "bao-cao-ket-qua.docx", inside=first.name)
    data = _changed()
    data["tables"]["individuals"][1]["achievements"] = "Khác nữa."
    result = generate([make_workbook(data)], outputs=outputs).rounds[0]
    monkeypatch.undo()
    assert result.kept is not None and result.pruned == ()
    assert (first / "bao-cao-ket-qua.docx").is_file()


def test_a_first_run_compares_nothing_and_a_second_says_what_changed(make_workbook, tmp_path):
    from pipeline.write import Changes

    outputs = tmp_path / "outputs"
    summary = outputs / "2025-hang-nam" / "tom-tat.txt"
    first = generate([make_workbook()], outputs=outputs).rounds[0]
    assert (first.changed, first.kept, first.edited, first.since, first.pruned) == (
        True, None, (), None, ())
    assert "So với lần chạy trước" not in summary.read_text(encoding="utf-8")
    data = round_data()
    data["info"]["number_to_trinh"] = "8"
    second = generate([make_workbook(data)], outputs=outputs).rounds[0]
    assert second.since == Changes(changed=second.since.changed)
    assert "to-trinh-de-nghi-khen-thuong.docx" in second.since.changed
    assert "So với lần chạy trước" in summary.read_text(encoding="utf-8")


def test_the_manifest_reads_as_text(make_workbook, tmp_path):
    """Two spaces an indent, Vietnamese as written, the tool's version and the round first."""
    from pipeline import __version__

    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    text = (outputs / "2025-hang-nam" / "manifest.json").read_text(encoding="utf-8")
    assert text.startswith('{\n  "khenthuong": "%s",\n  "round": "2025-hang-nam",\n  "rules": '
                           '"Luật Thi đua, khen thưởng 2022 và Nghị định số 152/2025/NĐ-CP",\n'
                           '  "inputs": {\n    "2025-hang-nam.xlsx": "' % __version__)
    assert '\n  "proposals": {\n    "' in text and text.endswith("\n  }\n}\n")


def test_an_edited_document_whose_data_did_not_change_stays_among_the_new_ones(
        make_workbook, tmp_path):
    """The round changed (another tờ trình number), this report did not: hers stays in place,
    and every other document is written as the manifest lists it."""
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    folder = outputs / "2025-hang-nam"
    name = "bao-cao-thanh-tich/01-phong-kinh-te.docx"
    hers = (folder / name).read_bytes() + b"edited"
    (folder / name).write_bytes(hers)
    data = round_data()
    data["info"]["number_to_trinh"] = "8"
    result = generate([make_workbook(data)], outputs=outputs).rounds[0]
    assert result.edited == (Edited(name, None),)
    assert (folder / name).read_bytes() == hers
    listed = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    assert {n: hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in listed
            if n != name} == {n: d for n, d in listed.items() if n != name}


def test_on_windows_the_run_locks_the_first_byte_with_msvcrt(tmp_path, monkeypatch):
    """msvcrt.locking locks bytes from where the file stands: the start, one byte, without
    waiting (another run is refused at once, as flock refuses it elsewhere)."""
    import os
    import sys
    import types

    from pipeline.write import _lock_file

    calls = []
    msvcrt = types.SimpleNamespace(LK_NBLCK=2, locking=lambda *args: calls.append(args))
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    with open(tmp_path / ".khenthuong.lock", "a+b") as handle:
        handle.write(b"x")
        monkeypatch.setattr(os, "name", "nt")
        _lock_file(handle)
        monkeypatch.setattr(os, "name", "posix")
        assert (calls, handle.tell()) == ([(handle.fileno(), 2, 1)], 0)


def test_what_a_killed_run_left_is_cleared_and_nothing_published_is_undone(make_workbook,
                                                                           tmp_path):
    """Killed after publishing, before clearing its folder: the journal names a round that is
    in place and its earlier version beside it; both stay. A journal that cannot be read
    moves nothing; each leftover folder goes."""
    outputs, changed = tmp_path / "outputs", make_workbook(_changed(), "2025-sua.xlsx")
    generate([make_workbook()], outputs=outputs)
    first = generate([changed], outputs=outputs).rounds[0].kept
    now = snapshot(outputs / "2025-hang-nam")
    left = outputs / ".khenthuong-bi-ngat"
    left.mkdir()
    (left / "publishing.json").write_text(
        json.dumps([[str(outputs / "2025-hang-nam"), str(first)]]), encoding="utf-8")
    (outputs / ".khenthuong-hong").mkdir()
    (outputs / ".khenthuong-hong" / "publishing.json").write_text("{không phải json",
                                                                  encoding="utf-8")
    generate([changed], outputs=outputs)
    assert snapshot(outputs / "2025-hang-nam") == now
    assert first.is_dir()
    assert not list(outputs.glob(".khenthuong-*"))


def test_a_manifest_that_is_no_dictionary_counts_as_none(make_workbook, tmp_path):
    """With no list of what the tool wrote, the documents there may be the clerk's: none is
    replaced."""
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    (outputs / "2025-hang-nam" / "manifest.json").write_text("[1, 2]", encoding="utf-8")
    before = snapshot(outputs)
    with pytest.raises(OutputError, match="không do chương trình ghi"):
        generate([make_workbook()], outputs=outputs)
    assert snapshot(outputs) == before


def test_outputs_may_be_a_new_folder_in_a_new_folder(make_workbook, tmp_path):
    generate([make_workbook()], outputs=tmp_path / "nam-2025" / "van-ban")
    assert (tmp_path / "nam-2025" / "van-ban" / "2025-hang-nam" / "manifest.json").is_file()


def test_a_leftover_folder_that_cannot_be_cleared_does_not_stop_the_run(make_workbook,
                                                                        tmp_path,
                                                                        monkeypatch):

    outputs = tmp_path / "outputs"
    (outputs / ".khenthuong-bi-ngat").mkdir(parents=True)
    (outputs / ".khenthuong-bi-ngat" / "dang-mo.docx").write_bytes(b"PK")
    _hold_open(monkeypatch, "dang-mo.docx", inside=".khenthuong-bi-ngat")
    generate([make_workbook()], outputs=outputs)
    monkeypatch.undo()
    assert (outputs / "2025-hang-nam" / "manifest.json").is_file()
    assert (outputs / ".khenthuong-bi-ngat" / "dang-mo.docx").is_file()


def test_an_outputs_folder_that_cannot_be_made_is_named_with_why(make_workbook, tmp_path):
    import os

    (tmp_path / "ket-qua").write_text("một tệp, không phải thư mục", encoding="utf-8")
    outputs = tmp_path / "ket-qua" / "outputs"
    with pytest.raises(OutputError) as caught:
        generate([make_workbook()], outputs=outputs)
    why = os.strerror(errno.ENOTDIR)  # "Not a directory" here; Windows words it its own way
    assert str(caught.value) == f"Không tạo được thư mục kết quả “{outputs}”: {why}."


def test_an_outputs_folder_without_write_permission_is_named_with_why(make_workbook, tmp_path,
                                                                     monkeypatch):
    import tempfile

    real = tempfile.mkdtemp

    def refused(*args, **kwargs):
        if kwargs.get("dir") == outputs:
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    path, outputs = make_workbook(), tmp_path / "outputs"
    monkeypatch.setattr(tempfile, "mkdtemp", refused)
    with pytest.raises(OutputError) as caught:
        generate([path], outputs=outputs)
    assert str(caught.value) == (
        f"Không ghi được vào thư mục “{outputs}”: không có quyền ghi (hãy chọn thư mục khác "
        "bằng --outputs, hoặc xin quyền ghi).")


def test_a_replaced_version_that_cannot_be_deleted_does_not_fail_the_run(make_workbook,
                                                                         tmp_path,
                                                                         monkeypatch):
    """With overwrite, the earlier version is deleted after the new one is in place; a file
    of it held open is left for the next run to clear."""
    import os

    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    changed = make_workbook(_changed(), "2025-sua.xlsx")
    _hold_open(monkeypatch, "bao-cao-ket-qua.docx", inside=f"{os.sep}old{os.sep}")
    result = generate([changed], outputs=outputs, overwrite=True).rounds[0]
    monkeypatch.undo()
    assert result.changed and result.kept is None
    assert list(outputs.glob(".khenthuong-*/old/2025-hang-nam/bao-cao-ket-qua.docx"))
    generate([changed], outputs=outputs)
    assert not list(outputs.glob(".khenthuong-*"))


def test_a_lock_file_that_cannot_be_opened_is_named_with_why(make_workbook, tmp_path):
    """A folder stands where the lock file goes (made by hand, or synced from elsewhere)."""
    import os

    outputs = tmp_path / "outputs"
    (outputs / ".khenthuong.lock").mkdir(parents=True)
    with pytest.raises(OutputError) as caught:
        generate([make_workbook()], outputs=outputs)
    why = os.strerror(errno.EISDIR)
    assert str(caught.value) == f"Không ghi được vào thư mục “{outputs}”: {why}."


def test_an_edited_summary_is_reported_as_kept_under_a_spare_name(make_workbook, tmp_path):
    """What writing returns for it (test_summary checks what the terminal then prints)."""
    outputs = tmp_path / "outputs"
    generate([make_workbook()], outputs=outputs)
    summary = outputs / "2025-hang-nam" / "tom-tat.txt"
    summary.write_text("Ghi chú của văn thư.", encoding="utf-8")
    data = round_data()
    data["info"]["number_to_trinh"] = "8"
    result = generate([make_workbook(data)], outputs=outputs).rounds[0]
    assert result.edited == (Edited("tom-tat.txt", "tom-tat.sua-tay.txt"),)
    assert (summary.parent / "tom-tat.sua-tay.txt").read_text(encoding="utf-8") == (
        "Ghi chú của văn thư.")
    assert "So với lần chạy trước" in summary.read_text(encoding="utf-8")
