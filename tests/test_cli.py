"""The command line: exit codes, Vietnamese messages, and the same result as the library."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import round_data

from pipeline import generate
from pipeline.catalog import DEFAULT_FORMS
from pipeline.cli import _nearest, _never_fail_printing, _paint, main
from pipeline.rules import Verdict


def run(*args: str):
    """Invoke the CLI as a clerk would, with the repository's forms unless a test names others."""
    if args[:1] in (("generate",), ("check",)) and "--forms" not in args:
        args += ("--forms", str(DEFAULT_FORMS))
    return CliRunner().invoke(main, list(args))


def test_a_large_round_is_summed_up_with_thousands_marks_and_one_line_per_folder(
        tmp_path, monkeypatch):
    """125 báo cáo thành tích, numbered 001 … 125, are one line of the summary."""
    monkeypatch.syspath_prepend(Path(__file__).resolve().parent.parent / "benchmarks")
    from synthetic import write_round

    path = write_round(tmp_path / "2025-hang-nam.xlsx", units=50, people_per_unit=20,
                       nominees=120)
    result = run("generate", str(path), "--outputs", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Đề nghị: 1.175 — đủ điều kiện: 1.175;" in result.output
    assert "Trình cấp trên: 125; thuộc thẩm quyền của Văn phòng: 1.050." in result.output
    assert "Đã ghi 133 tệp vào" in result.output
    reports = sorted(p.name for p in (tmp_path / "out" / "2025-hang-nam" /
                                      "bao-cao-thanh-tich").iterdir())
    assert len(reports) == 125 and reports[0].startswith("001-") and reports[-1].startswith("125-")
    assert f"    - bao-cao-thanh-tich/ (125 tệp: {reports[0]} … {reports[-1]})" in result.output
    assert "bao-cao-thanh-tich/002-" not in result.output


def test_progress_is_told_for_reading_and_for_each_round(make_workbook, tmp_path):
    heard = []
    generate([make_workbook()], outputs=tmp_path / "out",
             progress=lambda doing, done, total: heard.append((doing, done, total)))
    doings = list(dict.fromkeys(doing for doing, _, _ in heard))
    assert doings == ["Đọc bảng tính", "Lập văn bản 2025-hang-nam"]
    for doing in doings:
        steps = [(done, total) for d, done, total in heard if d == doing]
        assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1]
        assert [done for done, _ in steps] == list(range(len(steps)))


@pytest.mark.parametrize(("terminal", "quiet", "shown"),
                         [(True, False, True), (False, False, False), (True, True, False)])
def test_progress_bar_only_on_a_terminal_and_not_quiet(make_workbook, tmp_path, monkeypatch,
                                                       terminal, quiet, shown):
    monkeypatch.setattr("pipeline.cli._on_terminal", lambda: terminal)
    path = make_workbook()
    result = run("generate", str(path), "--outputs", str(tmp_path / "out"),
                 *(["--quiet"] if quiet else []))
    assert result.exit_code == 0, result.output
    assert ("Lập văn bản 2025-hang-nam" in result.stderr) is shown
    assert "Lập văn bản" not in result.stdout


def test_generate_prints_a_summary_and_writes_what_the_library_writes(make_workbook, tmp_path):
    path = make_workbook()
    result = run("generate", "--inputs", str(path.parent), "--outputs", str(tmp_path / "cli"))
    assert result.exit_code == 0, result.output
    assert "Đợt 2025-hang-nam (2025-hang-nam.xlsx)" in result.output
    assert ("Đề nghị: 9 — đủ điều kiện: 6; cần kiểm tra: 2; không đủ điều kiện: 1."
            in result.output)
    assert "Trình cấp trên: 2; thuộc thẩm quyền của Văn phòng: 6." in result.output
    assert "Tiền thưởng: 18.760.000 đồng (mức lương cơ sở 2.340.000 đồng" in result.output
    assert "Đã ghi 11 tệp vào" in result.output
    assert "    - bao-cao-thanh-tich/02-lo-van-pom.docx" in result.output
    generate([path], outputs=tmp_path / "lib")
    library = tmp_path / "lib" / "2025-hang-nam"
    written = [p for p in library.rglob("*") if p.is_file()]
    assert len(written) == 12  # and the summary, the manifest
    for document in written:
        relative = document.relative_to(library)
        assert (tmp_path / "cli" / "2025-hang-nam" / relative).read_bytes() == \
            document.read_bytes()


def test_input_errors_exit_1_name_every_cell_and_write_nothing(make_workbook, tmp_path):
    data = round_data()
    people = data["tables"]["individuals"]
    people[0]["rating"] = "HTXSVN"
    people[1]["birth_year"] = "19x0"
    people[2]["unit"] = "Trung tam Thong tim"
    people[3]["award"] = "Bằng khen Bộ trưởng"
    data["tables"]["collectives"][1]["rating"] = None
    data["info"]["sign_date"] = "31/02/2025"
    path = make_workbook(data)
    result = run("generate", str(path), "--outputs", str(tmp_path / "outputs"))
    assert result.exit_code == 1
    for place in ("Lỗi — dòng 4, cột G (Mức hoàn thành nhiệm vụ): “HTXSVN”",
                  "Lỗi — dòng 5, cột D (Năm sinh): “19x0” không phải năm hợp lệ",
                  "Lỗi — dòng 6, cột F (Đơn vị): đơn vị “Trung tam Thong tim”",
                  "Lỗi — dòng 7, cột J (Hình thức khen thưởng đề nghị): “Bằng khen Bộ trưởng”",
                  "Lỗi — dòng 5, cột C (Mức hoàn thành nhiệm vụ): ô trống",
                  "Lỗi — dòng 11, cột B (Ngày ký): “31/02/2025” không phải ngày hợp lệ"):
        assert place in result.output
    assert "2025-hang-nam.xlsx — sheet Cá nhân:" in result.output
    assert "Có 6 lỗi trong bảng tính; chưa ghi văn bản nào." in result.output
    assert not (tmp_path / "outputs").exists()


def test_on_a_terminal_errors_are_red_warnings_yellow_and_each_round_bold(make_workbook,
                                                                         tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = round_data()
    data["tables"]["individuals"][0]["name"] = "LÒ VĂN PỌM"
    warned = CliRunner().invoke(main, ["check", str(make_workbook(data))], color=True)
    assert warned.exit_code == 0
    assert warned.output.startswith(
        "2025-hang-nam.xlsx — sheet Cá nhân:\n"
        "\x1b[33m  Cảnh báo\x1b[0m — dòng 4, cột B (Họ và tên): tên “LÒ VĂN PỌM” viết toàn chữ "
        "hoa; văn bản sẽ ghi “Lò Văn Pọm”.\n"
        "\x1b[1mĐợt 2025-hang-nam (2025-hang-nam.xlsx)\x1b[0m\n")
    data["tables"]["individuals"][1]["birth_year"] = "19x0"
    failed = CliRunner().invoke(main, ["check", str(make_workbook(data))], color=True)
    assert failed.exit_code == 1
    assert failed.output == (
        "2025-hang-nam.xlsx — sheet Cá nhân:\n"
        "\x1b[33m  Cảnh báo\x1b[0m — dòng 4, cột B (Họ và tên): tên “LÒ VĂN PỌM” viết toàn chữ "
        "hoa; văn bản sẽ ghi “Lò Văn Pọm”.\n"
        "\x1b[31m  Lỗi\x1b[0m — dòng 5, cột D (Năm sinh): “19x0” không phải năm hợp lệ; cần năm "
        "có 4 chữ số, ví dụ 1985.\n"
        "\x1b[31mCó 1 lỗi trong bảng tính: sửa theo các dòng trên rồi chạy lại “khenthuong "
        "check”.\x1b[0m\n")


def test_forms_paints_a_template_error_red_its_warning_yellow_and_names_the_broken_only(
        tmp_path):
    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    (forms / "to-trinh-de-nghi-khen-thuong.docx").unlink()
    letter = forms / "quyet-dinh-giay-khen.docx"  # saved on US Letter: usable, but said
    with zipfile.ZipFile(io.BytesIO(letter.read_bytes())) as source, \
            zipfile.ZipFile(letter, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry, source.read(entry).replace(
                b'<w:pgSz w:w="11906" w:h="16838"/>', b'<w:pgSz w:w="12240" w:h="15840"/>'))
    result = CliRunner().invoke(main, ["forms", "--forms", str(forms)], color=True)
    assert result.exit_code == 3
    assert result.output.splitlines()[-5:] == [
        "to-trinh-de-nghi-khen-thuong.docx:",
        "\x1b[31m  Lỗi\x1b[0m — thư mục forms: không tìm thấy tệp mẫu.",
        "quyet-dinh-giay-khen.docx:",
        "\x1b[33m  Cảnh báo\x1b[0m — khổ giấy: không phải khổ A4 (210 × 297 mm).",
        "\x1b[31mMẫu văn bản bị lỗi: to-trinh-de-nghi-khen-thuong.docx; không văn bản nào được "
        "lập. Sửa theo các dòng trên rồi chạy “khenthuong forms” để kiểm tra lại.\x1b[0m"]
    assert "danh-sach-de-nghi-khen-thuong.docx: không có lỗi." in result.output
    assert "quyet-dinh-giay-khen.docx: không có lỗi." not in result.output


def test_check_lists_proposals_and_writes_nothing(make_workbook, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", str(make_workbook()))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    refused = next(i for i, line in enumerate(lines) if "không đủ điều kiện  Cầm Thị Ánh" in line)
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in lines[refused]
    why = lines.index("    Cầm Thị Ánh — Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh:")
    assert lines.index("  Lý do chưa đủ điều kiện hoặc cần kiểm tra:") < why
    assert lines[why + 1:why + 5] == [
        "      Không đạt trường hợp nào (Luật Thi đua, khen thưởng 2022, Điều 74):",
        "        a) Cần thành tích phong trào hoặc đột xuất do đơn vị bình xét, ghi ở cột Loại "
        "khen thưởng và Thành tích; cột Loại khen thưởng ghi “Công trạng” (Luật Thi đua, khen "
        "thưởng 2022, Điều 74.1.a-b, 74.2).",
        "        b) Cần 02 lần liên tục đạt Chiến sĩ thi đua cơ sở, lần sau cách lần trước không "
        "quá 01 năm; chưa lần nào đạt Chiến sĩ thi đua cơ sở (Luật Thi đua, khen thưởng 2022, "
        "Điều 74.1.d).",
        "        c) Cần 02 năm liên tục đến năm 2025 hoàn thành xuất sắc nhiệm vụ trở lên, trong "
        "thời gian đó có 02 sáng kiến; năm 2024 chỉ hoàn thành tốt nhiệm vụ (Luật Thi đua, khen "
        "thưởng 2022, Điều 74.1.d)."]
    assert any(line.split()[:3] == ["đủ", "điều", "kiện"] and "Lò Văn Pọm" in line
               and "3.510.000 đ" in line for line in lines)
    assert not (tmp_path / "outputs").exists()


def test_broken_template_exits_3_with_its_name(make_workbook, tmp_path):
    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    (forms / "to-trinh-de-nghi-khen-thuong.docx").unlink()
    result = run("generate", str(make_workbook()), "--outputs", str(tmp_path / "o"),
                 "--forms", str(forms))
    assert result.exit_code == 3
    assert "to-trinh-de-nghi-khen-thuong.docx:\n  Lỗi — thư mục forms: không tìm thấy tệp mẫu." \
        in result.output


def test_missing_forms_folder_is_explained(make_workbook, tmp_path):
    result = run("check", str(make_workbook()), "--forms", str(tmp_path / "khong-co"))
    assert result.exit_code == 3  # the README: forms/ missing or broken
    assert "Không tìm thấy thư mục mẫu" in result.output


def test_usage_error_exits_2():
    assert run("generate", "--khong-co").exit_code == 2


def test_empty_inputs_folder_is_explained(tmp_path):
    result = run("check", "--inputs", str(tmp_path))
    assert result.exit_code == 1
    assert "không có bảng tính .xlsx nào" in result.output


def test_unreadable_file_is_one_sentence(tmp_path):
    (tmp_path / "cu.xls").write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    result = run("check", "--inputs", str(tmp_path))
    assert result.exit_code == 1
    assert "cu.xls:\n  Lỗi: tệp ở định dạng Excel 97-2003 (.xls); hãy mở bằng Excel" \
        in result.output
    assert "Traceback" not in result.output


@pytest.mark.spawns
def test_python_dash_m_works_like_the_command():
    done = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True,
                          text=True, check=True)
    assert "generate" in done.stdout and "check" in done.stdout


def test_check_json_carries_every_verdict_and_reason(make_workbook):
    import json

    result = run("check", "--json", str(make_workbook()))
    assert result.exit_code == 0, result.output
    (round_,) = json.loads(result.output)["rounds"]
    assert round_["round"] == "2025-hang-nam" and round_["money"] == 18_760_000
    refused = [p for p in round_["proposals"] if p["verdict"] == "không đủ điều kiện"]
    assert [(p["subject"], p["award"]) for p in refused] == [
        ("Cầm Thị Ánh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")]
    money = {(p["subject"], p["award"]): p["money"] for p in round_["proposals"]}
    assert money[("Lò Văn Pọm", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")] == 3_510_000
    assert any(r["source"] == "Luật Thi đua, khen thưởng 2022, Điều 74" and not r["passed"]
               for r in refused[0]["reasons"])
    assert [r["text"].splitlines()[:2] for r in refused[0]["reasons"] if not r["passed"]] == [[
        "Không đạt trường hợp nào (Luật Thi đua, khen thưởng 2022, Điều 74):",
        "a) Cần thành tích phong trào hoặc đột xuất do đơn vị bình xét, ghi ở cột Loại khen "
        "thưởng và Thành tích; cột Loại khen thưởng ghi “Công trạng” (Luật Thi đua, khen thưởng "
        "2022, Điều 74.1.a-b, 74.2)."]]


def test_pdf_without_libreoffice_says_so_and_still_writes_the_docx(make_workbook, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setattr("pipeline.main.find_soffice", lambda: None)
    result = run("generate", str(make_workbook()), "--outputs", str(tmp_path / "o"), "--pdf")
    assert result.exit_code == 0
    assert "Không tìm thấy LibreOffice (soffice) nên không tạo PDF" in result.output
    assert (tmp_path / "o" / "2025-hang-nam" / "to-trinh-de-nghi-khen-thuong.docx").exists()
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_check_xlsx_never_overwrites_an_existing_file(make_workbook, tmp_path):
    source = make_workbook()
    other = make_workbook(name="2024-hang-nam.xlsx")
    before = other.read_bytes()
    result = run("check", str(source), "--xlsx", str(other))
    assert result.exit_code == 2
    assert f"--xlsx: đã có tệp “{other}”; không ghi đè. Hãy chọn tên khác." in result.output
    assert other.read_bytes() == before


@pytest.mark.parametrize(("args", "code", "message"), [
    (["check", "{book}", "--xlsx", "no/such/dir/x.xlsx"], 2,
     "--xlsx: không có thư mục “no/such/dir”."),
    (["check", "{book}", "--xlsx", "ghi-chu.txt"], 2, "“ghi-chu.txt” phải là tên tệp .xlsx."),
    (["init", "file.xlsx/x.xlsx"], 4, "Không tạo được thư mục “file.xlsx”: đã có một tệp cùng "
                                      "tên hoặc không có quyền ghi"),
    (["init", "notes.txt"], 2, "“notes.txt” phải là tên tệp .xlsx."),
])
def test_impossible_paths_are_one_sentence(make_workbook, tmp_path, monkeypatch, args, code,
                                           message):
    book = make_workbook()
    monkeypatch.chdir(tmp_path)
    Path("file.xlsx").write_bytes(b"x")
    result = run(*(a.replace("{book}", str(book)) for a in args))
    assert result.exit_code == code, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not Path("notes.txt").exists() and not Path("ghi-chu.txt").exists()


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252"])
@pytest.mark.spawns
def test_a_log_in_a_windows_code_page_never_fails_the_run(make_workbook, tmp_path, encoding):
    """Output redirected on a Vietnamese Windows console: every line written, exit 0."""
    import os

    log = tmp_path / "log.txt"
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONIOENCODING=encoding, PYTHONPATH=str(root))
    with log.open("wb") as out:
        done = subprocess.run([sys.executable, "-m", "pipeline", "check", str(make_workbook()),
                               "--forms", str(DEFAULT_FORMS)], stdout=out,
                              stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    text = unicodedata.normalize("NFC", log.read_bytes().decode(encoding))
    assert "t 2025-hang-nam (2025-hang-nam.xlsx)" in text and "Trung tâm Thông tin" in text
    if encoding == "cp1258":  # every Vietnamese letter, some as a letter and a combining mark
        assert "Đợt 2025-hang-nam" in text and "Lò Văn Pọm" in text


@pytest.mark.parametrize(("letter", "encoding", "shown"), [
    ("ơ", "cp1258", "ơ"),  # the code page has the letter
    ("ệ", "cp1258", "ê\u0323"),  # ê, and the dot below as a combining mark
    ("ữ", "cp1258", "ư\u0303"),  # ư, and the tilde as a combining mark
    ("ệ", "cp1252", "ê"),  # ê; no combining marks there
    ("ữ", "cp1252", "u"),  # neither ư nor the marks
    ("Đ", "cp1252", "?"),  # no D with a stroke
    ("漢", "cp1252", "?"),
])
def test_a_letter_the_code_page_lacks_is_shown_as_near_as_it_has(letter, encoding, shown):
    assert _nearest(letter, encoding) == shown


def test_a_console_in_a_windows_code_page_prints_vietnamese_as_near_as_it_can():
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp1252")
    _never_fail_printing(console)
    console.write("Nguyễn Thị Đào, 漢")
    console.flush()
    assert raw.getvalue() == "Nguyên Thi ?ào, ?".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):  # only a letter written is ever replaced
        b"\x81".decode("cp1252", errors=console.errors)


def test_a_utf8_console_is_left_as_it_is():
    console = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    _never_fail_printing(console)
    assert console.errors == "strict"


def test_verdicts_are_painted_green_yellow_and_red():
    assert _paint(Verdict.ELIGIBLE, "đủ") == "\x1b[32mđủ\x1b[0m"
    assert _paint(Verdict.REVIEW, "cần kiểm tra") == "\x1b[33mcần kiểm tra\x1b[0m"
    assert _paint(Verdict.INELIGIBLE, "không đủ") == "\x1b[31mkhông đủ\x1b[0m"


BROKEN_DATA = {
    "vocabulary-without-code": ("vocabulary.toml", 'code = "HTXSNV"', "",
                                "vocabulary.toml” thiếu khoá “code”"),
    "date-as-text": ("rules/nd152-2025.toml", "effective_from = 2025-07-01",
                     'effective_from = "01/07/2025"',
                     "khoá “effective_from” = '01/07/2025' phải là ngày viết không có dấu nháy"),
    "not-toml": ("luong-co-so.toml", "[[salary]]", "[[salary", "Không đọc được tệp dữ liệu"),
}


@pytest.mark.parametrize(("name", "old", "new", "message"), BROKEN_DATA.values(),
                         ids=BROKEN_DATA.keys())
@pytest.mark.parametrize("command", ["check", "generate", "forms", "init"])
def test_broken_forms_data_exits_3_naming_file_and_key(make_workbook, tmp_path, monkeypatch,
                                                       command, name, old, new, message):
    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    text = (forms / name).read_text(encoding="utf-8")
    assert old in text
    (forms / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = {"check": ["check", str(make_workbook())], "forms": ["forms"], "init": ["init"],
            "generate": ["generate", str(make_workbook()), "--outputs", "out"]}[command]
    result = run(*args, "--forms", str(forms))
    assert result.exit_code == 3, result.output
    assert message in result.output and "Traceback" not in result.output
