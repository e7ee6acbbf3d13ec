"""The command line's frame in Vietnamese: click's usage, help and every usage mistake."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import click
import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from pipeline import cli, click_vi
from pipeline.catalog import DEFAULT_FORMS
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLICK = Path(click.__file__).parent
TRANSLATORS = {"_", "gettext", "ngettext"}
# click's _() calls on words that are not literals: a command's own (deprecated) help, which is
# ours and already Vietnamese, and the word "required" (core.py), which the catalog carries.
DYNAMIC = {"_(text)", "_(extra['required'])"}  # click 8.4; 8.5 dropped _(text)


def click_calls() -> list[tuple[str, ast.Call]]:
    """Every gettext call in the installed click's source, with its file."""
    calls = []
    for path in sorted(CLICK.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls += [(path.name, node) for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Name) and node.func.id in TRANSLATORS]
    return calls


def literal_msgids() -> dict[str, tuple[str, ...]]:
    """msgid → (msgid, plural msgid if any), for every call with literal words."""
    found = {}
    for _, call in click_calls():
        words = [a.value for a in call.args[:2] if isinstance(a, ast.Constant)
                 and isinstance(a.value, str)]
        if words:
            found[words[0]] = tuple(words)
    return found


def catalog():
    with click_vi.CATALOG.open("rb") as po:
        return read_po(po, locale="vi")


def fields(text: str) -> set[str]:
    """The names a message is formatted with: {name}, {name!r}, %(name)s."""
    return ({name for _, name, _, _ in string.Formatter().parse(text) if name}
            | set(re.findall(r"%\((\w+)\)", text)))


def english_words() -> set[str]:
    """The words of click's English messages and the metavars it makes up in English."""
    words = {w.lower() for ids in literal_msgids().values() for text in ids
             for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}|%\(\w+\)s", "", text))}
    return words | {"workbooks", "directory", "integer", "text", "options", "command", "args",
                    "path", "file"}


ENGLISH = english_words()


def english_in(output: str) -> set[str]:
    """English framework words in a command's output; option names and file names set aside."""
    plain = re.sub(r"--?[\w-]+|[\w./-]+\.(xlsx|docx)|\bkhenthuong\b", " ", output)
    return {w for w in re.findall(r"[A-Za-z]{3,}", plain) if w.lower() in ENGLISH}


def built_afresh() -> click.Group:
    """The khenthuong command as a new process builds it: click makes the commands, their
    options and usage words while pipeline/cli.py runs, so each test here runs it anew."""
    spec = importlib.util.spec_from_file_location("pipeline.cli", cli.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def run(*args: str, command: click.Group | None = None):
    return CliRunner().invoke(command or built_afresh(), list(args))


def test_every_word_click_translates_has_vietnamese():
    """A click upgrade that adds a message fails here instead of printing English."""
    vi = catalog()
    msgids = literal_msgids()
    assert len(msgids) > 60  # the walk found click's messages (77 in click 8.4)
    missing = [m for m in msgids if m not in vi or not all(vi[m].string if isinstance(
        vi[m].string, tuple) else (vi[m].string,))]
    assert not missing, f"add these to {click_vi.CATALOG.name}: {missing}"
    for msgid, ids in msgids.items():
        message = vi[msgid]
        assert (message.id if isinstance(message.id, tuple) else (message.id,)) == ids
        for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
            known = set().union(*map(fields, ids))
            assert fields(text) <= known, (msgid, text)  # never a name click does not give


def test_click_translates_no_other_words_than_those_known():
    dynamic = {ast.unparse(call) for _, call in click_calls()
               if not (call.args and isinstance(call.args[0], ast.Constant))}
    assert "_(extra['required'])" in dynamic <= DYNAMIC
    assert catalog()["required"].string == "bắt buộc"


def test_every_click_module_that_speaks_is_given_the_catalog():
    translating = [m for m in click_vi.click_modules()
                   if "from gettext import" in Path(m.__file__).read_text(encoding="utf-8")]
    assert {m.__name__ for m in translating} >= {"click.core", "click.exceptions",
                                                 "click.formatting", "click.types",
                                                 "click.parser", "click.termui"}
    for module in translating:
        assert module._ is not gettext.gettext, module.__name__
        assert getattr(module, "ngettext", None) is not gettext.ngettext, module.__name__
        assert module._("Usage:") == "Cách dùng:"


def test_install_puts_the_catalog_in_place_of_gettext_and_leaves_other_translators(monkeypatch):
    from click import core, exceptions, formatting
    for module in (core, exceptions):
        monkeypatch.setattr(module, "_", gettext.gettext)
        monkeypatch.setattr(module, "ngettext", gettext.ngettext, raising=False)
    monkeypatch.setattr(formatting, "_", str.upper)  # a translator someone else put there
    click_vi.install()
    assert core._("Usage:") == "Cách dùng:"
    assert exceptions.ngettext("Got unexpected extra argument ({args})",
                               "Got unexpected extra arguments ({args})", 2) \
        == "Thừa tham số: {args}; lệnh này không nhận thêm."
    assert formatting._ is str.upper


def test_the_windows_console_module_is_given_the_catalog_on_windows_only(monkeypatch):
    imported = []
    monkeypatch.setattr(click_vi.importlib, "import_module", imported.append)
    for platform, has_console in (("linux", False), ("win32", True)):
        imported.clear()
        monkeypatch.setattr(click_vi.sys, "platform", platform)
        click_vi.click_modules()
        assert "click.core" in imported and "click.termui" in imported
        assert ("click._winconsole" in imported) is has_console, platform


def test_the_command_built_anew_helps_with_a_short_guide_in_the_order_of_the_work():
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Cách dùng: khenthuong [TUỲ_CHỌN] LỆNH [THAM_SỐ]...\n")
    lines = result.output.splitlines()
    assert "    1. khenthuong init       tạo bảng tính trống inputs/bang-tinh-khen-thuong.xlsx" \
        in lines
    assert "    4. khenthuong generate   lập văn bản vào thư mục outputs" in lines
    assert "  -h, --help  In hướng dẫn này rồi thoát." in lines
    assert "  --version   In số phiên bản rồi thoát." in lines
    listed = lines[lines.index("Lệnh:") + 1:]
    assert listed == [
        "  init      Tạo bảng tính trống để điền số liệu của đợt.",
        "  check     Kiểm tra bảng tính, xét từng đề nghị; không ghi văn bản.",
        "  generate  Lập bộ văn bản của từng đợt vào outputs/.",
        "  web       Mở trang làm việc trong trình duyệt: kiểm tra, lập văn bản.",
        "  forms     Kiểm tra các mẫu văn bản trong forms/.",
        "  quy-dinh  In quy định áp dụng cho quyết định ký vào một ngày.",
    ]
    assert not english_in(result.output)


def test_no_arguments_shows_the_guide():
    result = run()
    assert "Cách dùng: khenthuong [TUỲ_CHỌN] LỆNH [THAM_SỐ]..." in result.output
    assert not english_in(result.output)


USAGE = {
    "init": "khenthuong init [TUỲ_CHỌN] [ĐƯỜNG_DẪN]",
    "check": "khenthuong check [TUỲ_CHỌN] [BẢNG_TÍNH ...]",
    "generate": "khenthuong generate [TUỲ_CHỌN] [BẢNG_TÍNH ...]",
    "web": "khenthuong web [TUỲ_CHỌN]",
    "forms": "khenthuong forms [TUỲ_CHỌN]",
    "quy-dinh": "khenthuong quy-dinh [TUỲ_CHỌN]",
}
OPTIONS = {
    "init": ["  --nam NĂM ", "  --forms THƯ_MỤC "],
    "check": ["  --inputs THƯ_MỤC  Thư mục bảng tính (khi không chỉ rõ tệp).  [mặc định:",
              "  --xlsx TỆP ", "  --json "],
    "generate": ["  --outputs THƯ_MỤC  Thư mục ghi văn bản.  [mặc định: outputs]",
                 "  -q, --quiet ", "  --pdf "],
    "web": ["  --port CỔNG ", "  --no-browser "],
    "forms": ["  --forms THƯ_MỤC "],
    "quy-dinh": ["  --ngay NGÀY      Ngày quyết định, dạng 01/12/2026 (mặc định: hôm nay)."],
}


@pytest.mark.parametrize("command", USAGE)
def test_each_command_built_anew_helps_in_vietnamese_with_one_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"Cách dùng: {USAGE[command]}"
    example = lines.index("  Ví dụ:") if "  Ví dụ:" in lines else next(
        i for i, line in enumerate(lines) if line.startswith("  Ví dụ ("))
    assert lines[example + 1].startswith(f"    khenthuong {command}")
    assert "Tuỳ chọn:" in lines and "  -h, --help" in result.output
    for option in OPTIONS[command]:
        assert any(line.startswith(option) for line in lines), (option, result.output)
    assert not english_in(result.output)


def test_the_readme_shows_the_usage_lines_the_commands_print():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for usage in USAGE.values():
        assert f"### `{usage}`" in readme, usage


def test_english_is_caught_by_the_word_check():
    """The check the other tests rely on finds click's words when they leak."""
    assert english_in("Usage: khenthuong [OPTIONS]\nError: No such command 'genrate'.") == {
        "Usage", "OPTIONS", "Error", "such", "command"}
    assert not english_in("Lỗi: BẢNG_TÍNH: không tìm thấy “khong-co.xlsx”; xem --help.")


MISTAKES = {  # what a clerk types → what she reads ({tmp}: the folder she is in)
    "no-such-command": (["genrate"], "Lỗi: Không có lệnh “genrate”. Có phải là 'generate'?"),
    "no-such-option": (["check", "--xslx", "a.xlsx"],
                       "Lỗi: Không có tuỳ chọn “--xslx”. Có phải là '--xlsx'?"),
    "missing-file": (["generate", "khong-co.xlsx"],
                     "Lỗi: BẢNG_TÍNH: không tìm thấy “khong-co.xlsx” (xem lại tên và thư mục "
                     "đang đứng)."),
    "folder-as-workbook": (["check", "{tmp}"],
                           "Lỗi: BẢNG_TÍNH: “{tmp}” là một thư mục, không phải tệp."),
    "file-as-folder": (["generate", "--outputs", "{tmp}/ghi-chu.txt"],
                       "Lỗi: '--outputs': “{tmp}/ghi-chu.txt” là một tệp, không phải thư mục."),
    "option-without-value": (["check", "--xlsx"],
                             "Lỗi: Tuỳ chọn “--xlsx” cần một giá trị viết ngay sau nó."),
    "extra-argument": (["forms", "thua"], "Lỗi: Thừa tham số: thua; lệnh này không nhận thêm."),
    "extra-arguments": (["init", "a.xlsx", "b.xlsx", "c.xlsx"],
                        "Lỗi: Thừa tham số: b.xlsx c.xlsx; lệnh này không nhận thêm."),
    "bad-date": (["quy-dinh", "--ngay", "31/02/2026"],
                 "Lỗi: '--ngay': “31/02/2026” không phải ngày; cần ngày/tháng/năm, ví dụ "
                 "01/12/2026."),
    "bad-number": (["init", "--nam", "abc"], "Lỗi: '--nam': “abc” không phải một số hợp lệ."),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_every_usage_mistake_is_told_in_vietnamese_with_exit_2(tmp_path, monkeypatch, mistake):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ghi-chu.txt").write_text("x", encoding="utf-8")
    args, message = MISTAKES[mistake]
    result = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.exit_code == 2, result.output
    assert message.replace("{tmp}", str(tmp_path)) in result.output, result.output
    command = "khenthuong" if mistake == "no-such-command" else f"khenthuong {args[0]}"
    if mistake != "option-without-value":  # click gives that one without the usage lines
        assert f"Cách dùng: {command} [TUỲ_CHỌN]" in result.output
        assert f"Gõ “{command} --help” để xem hướng dẫn." in result.output
    assert not english_in(result.output.replace(str(tmp_path), "")), result.output
    assert not list(tmp_path.glob("*.xlsx")) and not (tmp_path / "outputs").exists()


def test_a_missing_argument_and_a_bad_choice_are_vietnamese_in_any_click_command():
    """None of our commands requires an argument or offers a choice; the catalog still covers
    them for every command made with click in this process."""

    @click.command()
    @click.argument("ten")
    @click.option("--dang", type=click.Choice(["docx", "pdf"]))
    def thu(ten, dang):
        click.echo(ten)

    missing = CliRunner().invoke(thu, [], prog_name="thu")
    assert missing.exit_code == 2
    assert "Lỗi: Thiếu tham số 'TEN'." in missing.output
    choice = CliRunner().invoke(thu, ["a", "--dang", "odt"], prog_name="thu")
    assert choice.exit_code == 2
    assert "Lỗi: '--dang': “odt” không phải một trong: 'docx', 'pdf'." in choice.output
    assert not english_in(missing.output.splitlines()[-1] + choice.output.splitlines()[-1])


def test_stopped_with_ctrl_c_says_so_in_vietnamese(monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.cli.rules_text", interrupted)
    result = run("quy-dinh", "--forms", str(DEFAULT_FORMS), command=main)
    assert result.exit_code == 1
    assert result.output == "\nĐã dừng giữa chừng.\n"


@pytest.mark.parametrize("command", ["check", "generate"])
def test_run_from_another_folder_says_where_it_looked_and_what_to_do(tmp_path, monkeypatch,
                                                                      command):
    monkeypatch.chdir(tmp_path)
    result = run(command)
    assert result.exit_code == 2
    assert result.output == (
        f"Không có thư mục bảng tính “inputs” (đã tìm ở {tmp_path / 'inputs'}).\n"
        "Hãy mở cửa sổ lệnh trong thư mục dự án, nơi có thư mục inputs (cd THƯ_MỤC_DỰ_ÁN), rồi "
        f"chạy lại; hoặc chỉ rõ thư mục bảng tính: khenthuong {command} --inputs THƯ_MỤC. Chưa "
        "có bảng tính nào thì tạo bằng: khenthuong init.\n")
    assert not (tmp_path / "outputs").exists()


def test_check_with_errors_tells_what_to_do_next_not_that_nothing_was_written(make_workbook):
    from conftest import round_data

    data = round_data()
    data["tables"]["individuals"][0]["rating"] = "HTXSVN"
    result = run("check", str(make_workbook(data)), "--forms", str(DEFAULT_FORMS))
    assert result.exit_code == 1
    assert result.output.endswith(
        "Có 1 lỗi trong bảng tính: sửa theo các dòng trên rồi chạy lại “khenthuong check”.\n")
    assert "chưa ghi văn bản nào" not in result.output


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252"])
@pytest.mark.parametrize(("args", "code", "seen"), [
    (["--help"], 0, "Cách dùng: khenthuong"), (["check", "--help"], 0, "Cách dùng: khenthuong"),
    (["genrate"], 2, "Cách dùng: khenthuong"), (["check"], 2, "Không có th")])
@pytest.mark.spawns
def test_help_and_mistakes_never_fail_on_a_windows_code_page(tmp_path, encoding, args, code,
                                                             seen):
    """Printed before any command runs, the frame too must fit a Windows console's code page."""
    env = dict(os.environ, PYTHONIOENCODING=encoding, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True,
                          env=env, cwd=tmp_path)
    assert done.returncode == code, done.stderr.decode(encoding, errors="replace")
    text = (done.stdout + done.stderr).decode(encoding)
    assert "Traceback" not in text
    assert seen.replace("khenthuong", "python -m pipeline") in text, text
