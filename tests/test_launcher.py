"""Lap-van-ban.bat, the file a clerk double-clicks on Windows, read and run on Linux as far as
that goes: its bytes as cmd.exe needs them, and its lines run by a small interpreter of the few
batch statements it uses, the programs it starts answered by each test (and, for khenthuong's
own commands, run for real on the samples)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "Lap-van-ban.bat"
VPY = r".venv\Scripts\python.exe"
VERSION = r'-c "import sys; sys.exit(sys.version_info < (3, 11))"'


# --- the bytes ---------------------------------------------------------------------------------


def test_cmd_reads_its_first_lines_before_anything_else():
    data = LAUNCHER.read_bytes()
    assert data.startswith(b"@echo off\r\nchcp 65001 >nul\r\n")  # no BOM before @echo off


def test_every_line_ends_in_crlf_and_git_keeps_it_so():
    data = LAUNCHER.read_bytes()
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r")
    rules = (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert "*.bat text eol=crlf" in rules and "*.cmd text eol=crlf" in rules


def test_vietnamese_only_in_echo_lines_after_chcp():
    lines = LAUNCHER.read_bytes().decode("utf-8").split("\r\n")
    foreign = [line for line in lines if not line.isascii()]
    assert foreign  # the messages are Vietnamese
    assert all(line.startswith("echo ") for line in foreign), foreign
    assert "đ" in "".join(foreign) and lines.index(foreign[0]) > 1
    specials = [line for line in foreign if re.search(r"[%&|<>^]", line)]
    assert specials == []  # nothing cmd would read as an operator in a message


def test_every_goto_has_its_label():
    text = LAUNCHER.read_text(encoding="utf-8")
    labels = set(re.findall(r"^:(\w+)\r?$", text, re.M))
    targets = set(re.findall(r"\bgoto (\w+)", text))
    assert targets == labels


# --- its statements, run -----------------------------------------------------------------------


@dataclass
class Run:
    """What the launcher did: the programs it started, what it printed, how it ended."""

    commands: list[str] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    paused: bool = False
    code: int | None = None


def run_launcher(folder: Path, answer, argument: str = "") -> Run:
    """Interpret Lap-van-ban.bat in `folder` (its %~dp0), given `argument` (%~1); `answer(command)`
    gives each program's exit code. Any statement beyond the few it knows fails the test, so
    that the launcher keeps to what is checked here."""
    lines = LAUNCHER.read_bytes().decode("utf-8").split("\r\n")
    labels = {line[1:]: n for n, line in enumerate(lines) if line.startswith(":")}
    env = {"~dp0": str(folder) + "\\", "~1": argument, "ERRORLEVEL": "0"}
    run, pc = Run(), 0

    def expand(text: str) -> str:
        return re.sub(r"%(~dp0|~1|\w+)%?", lambda m: env.get(m[1], m[0]), text)

    def where(path: str) -> Path:
        return folder / path.strip('"').replace("\\", "/")

    while pc < len(lines):
        line, pc = expand(lines[pc]), pc + 1
        if m := re.fullmatch(r"if (not )?(exist|errorlevel) (\S+) goto (\w+)", line):
            holds = (where(m[3]).exists() if m[2] == "exist"
                     else int(env["ERRORLEVEL"]) >= int(m[3]))
            if holds != bool(m[1]):
                pc = labels[m[4]]
        elif m := re.fullmatch(r'if "(.*)"=="(.*)" goto (\w+)', line):
            if m[1] == m[2]:
                pc = labels[m[3]]
        elif m := re.fullmatch(r"goto (\w+)", line):
            pc = labels[m[1]]
        elif m := re.fullmatch(r'set "(\w+)=(.*)"', line):
            env[m[1]] = m[2]
        elif line == "echo." or line.startswith("echo "):
            run.printed.append(line[5:])
        elif m := re.fullmatch(r'copy /y "(.+)" "(.+)" >nul', line):
            shutil.copyfile(where(m[1]), where(m[2]))
        elif line == "pause >nul":
            run.paused = True
        elif m := re.fullmatch(r"exit /b (\d+)", line):
            run.code = int(m[1])
            return run
        elif line in ("@echo off", "chcp 65001 >nul", "setlocal", 'pushd "%s\\"' % folder,
                      "title khenthuong", "") or line.startswith((":", "rem ")):
            continue
        else:
            command = line.removesuffix(" >nul 2>&1")
            run.commands.append(command)
            env["ERRORLEVEL"] = str(answer(command))
    raise AssertionError("the launcher ended without exit /b")


def _project(tmp_path: Path, *, installed: bool = True, whole: bool = False) -> Path:
    """The project's files that matter to the launcher (whole: all a clerk unzips); installed:
    with .venv as the launcher leaves it."""
    if whole:
        shutil.copytree(ROOT, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
            ".*", "build", "dist", "*.egg-info", "__pycache__", "outputs", "tests", "~$*"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    if installed:
        (tmp_path / ".venv" / "Scripts").mkdir(parents=True)
        (tmp_path / ".venv" / "Scripts" / "python.exe").write_bytes(b"")
        shutil.copy(ROOT / "pyproject.toml", tmp_path / ".venv" / "khenthuong-pyproject.toml")
    return tmp_path


def _fc(folder: Path):
    """fc /b as on Windows: 0 the same bytes, 1 different, 2 a file missing."""

    def compare(command: str) -> int:
        first, second = (folder / p.replace("\\", "/") for p in shlex.split(command)[2:])
        if not (first.is_file() and second.is_file()):
            return 2
        return int(first.read_bytes() != second.read_bytes())

    return compare


def answers(folder: Path, **codes: int):
    """Every program succeeds but those named: check=1, generate=4, py=9009, python=9009,
    venv=1, pip=1, importing=1."""
    fc = _fc(folder)
    keys = {f'"{VPY}" -m pipeline check': "check", f'"{VPY}" -m pipeline generate': "generate",
            f"py -3 {VERSION}": "py", f"python {VERSION}": "python",
            f'"{VPY}" -c "import pipeline.cli"': "importing"}

    def answer(command: str) -> int:
        if command.startswith("fc /b "):
            return fc(command)
        if " -m venv " in command:
            if not codes.get("venv"):  # as venv does: a python in .venv\Scripts
                (folder / ".venv" / "Scripts").mkdir(parents=True, exist_ok=True)
                (folder / ".venv" / "Scripts" / "python.exe").write_bytes(b"")
            return codes.get("venv", 0)
        if " -m pip install " in command:
            return codes.get("pip", 0)
        return codes.get(keys.get(command, command), 0)

    return answer


CHECK, GENERATE = f'"{VPY}" -m pipeline check', f'"{VPY}" -m pipeline generate'
OPEN = 'start "" "outputs"'
READY = [f'"{VPY}" -c "import pipeline.cli"',
         r'fc /b "pyproject.toml" ".venv\khenthuong-pyproject.toml"']


def test_installed_it_checks_then_generates_then_opens_outputs(tmp_path):
    folder = _project(tmp_path)
    run = run_launcher(folder, answers(folder))
    assert run.commands == [*READY, CHECK, GENERATE, OPEN]
    assert run.paused and run.code == 0
    assert "Xong. Văn bản của từng đợt ở thư mục outputs, mỗi đợt một thư mục con;" in run.printed


def test_a_workbook_with_errors_stops_before_generate_and_waits(tmp_path):
    folder = _project(tmp_path)
    run = run_launcher(folder, answers(folder, check=1))
    assert run.commands == [*READY, CHECK]
    assert run.paused and run.code == 1
    assert ("Chưa lập văn bản: bảng tính còn lỗi hoặc chưa đọc được (xem các dòng ở trên)."
            in run.printed)


def test_outputs_it_cannot_write_are_explained_and_not_opened(tmp_path):
    folder = _project(tmp_path)
    run = run_launcher(folder, answers(folder, generate=4))
    assert run.commands == [*READY, CHECK, GENERATE]
    assert run.paused and run.code == 4
    assert ("Nếu một văn bản hay bảng tính trong thư mục outputs đang mở trong Word hoặc Excel,"
            in run.printed)


def test_first_run_makes_a_venv_with_the_python_found_and_installs_into_it(tmp_path):
    folder = _project(tmp_path, installed=False)
    run = run_launcher(folder, answers(folder, py=9009))
    assert run.commands == [f"py -3 {VERSION}", f"python {VERSION}",
                            "python -m venv --clear .venv",
                            f'"{VPY}" -m pip install --disable-pip-version-check -e .',
                            CHECK, GENERATE, OPEN]
    assert (folder / ".venv" / "khenthuong-pyproject.toml").read_bytes() == \
        (ROOT / "pyproject.toml").read_bytes()  # the next run needs no installing
    assert run.code == 0


def test_the_py_launcher_comes_first(tmp_path):
    folder = _project(tmp_path, installed=False)
    run = run_launcher(folder, answers(folder))
    assert run.commands[:2] == [f"py -3 {VERSION}", "py -3 -m venv --clear .venv"]


@pytest.mark.parametrize("broken", [{"importing": 1}, {"changed": True}])
def test_a_broken_or_outdated_venv_is_made_again(tmp_path, broken):
    folder = _project(tmp_path)
    if broken.get("changed"):  # a newer version of the project, with other dependencies
        (folder / "pyproject.toml").write_text("[project]\nname = 'khenthuong'\n")
    run = run_launcher(folder, answers(folder, **{k: v for k, v in broken.items()
                                                  if k == "importing"}))
    assert "py -3 -m venv --clear .venv" in run.commands and run.commands[-1] == OPEN


def test_no_python_says_where_to_get_it_and_waits(tmp_path):
    folder = _project(tmp_path, installed=False)
    run = run_launcher(folder, answers(folder, py=9009, python=9009))
    assert run.commands == [f"py -3 {VERSION}", f"python {VERSION}"]
    assert "Không tìm thấy Python 3.11 trở lên trên máy này." in run.printed
    assert run.paused and run.code == 9009


@pytest.mark.parametrize("failing", ["venv", "pip"])
def test_a_failed_install_stops_and_waits(tmp_path, failing):
    folder = _project(tmp_path, installed=False)
    run = run_launcher(folder, answers(folder, **{failing: 1}))
    assert CHECK not in run.commands
    assert not (folder / ".venv" / "khenthuong-pyproject.toml").exists()
    assert run.paused and run.code == 1


def test_the_page_launcher_starts_khenthuong_web_after_the_same_preparation(tmp_path):
    data = (ROOT / "Mo-trang-lam-viec.bat").read_bytes()
    assert data.isascii() and data.count(b"\n") == data.count(b"\r\n")
    lines = [line for line in data.decode().split("\r\n") if line and not line.startswith("rem ")]
    assert lines == ["@echo off", 'call "%~dp0Lap-van-ban.bat" web']
    folder = _project(tmp_path)
    run = run_launcher(folder, answers(folder), "web")
    assert run.commands == [*READY, f'"{VPY}" -m pipeline web']
    assert run.paused and run.code == 0
    listed = CliRunner().invoke(main, ["--help"]).output
    assert re.search(r"^  web +Mở trang làm việc", listed, re.M)  # the command it starts


def test_run_from_inside_a_zip_asks_to_unzip_first(tmp_path):
    run = run_launcher(tmp_path, answers(tmp_path))  # Explorer copied the .bat alone
    assert run.commands == []
    assert run.printed[0] == "Không thấy các tệp của chương trình bên cạnh Lap-van-ban."
    assert run.paused and run.code == 1


@pytest.mark.spawns
def test_its_khenthuong_commands_run_on_the_samples(tmp_path):
    """The launcher's own commands, with this Python for the venv's, in a copy of the
    project: the import check, check and generate succeed and outputs/ is there to open."""
    folder = _project(tmp_path, whole=True)
    fc, outputs = _fc(folder), []

    def answer(command: str) -> int:
        if command.startswith("fc /b "):
            return fc(command)
        if command == OPEN:
            outputs.append(folder / "outputs")
            return 0
        assert command.startswith(f'"{VPY}" ')
        argv = [sys.executable, *shlex.split(command.removeprefix(f'"{VPY}" '))]
        done = subprocess.run(argv, cwd=folder, capture_output=True, text=True,
                              encoding="utf-8")
        assert done.returncode == 0, done.stdout + done.stderr
        return done.returncode

    run = run_launcher(folder, answer)
    assert run.commands == [*READY, CHECK, GENERATE, OPEN] and run.code == 0
    rounds = [p.parent for p in outputs[0].rglob("manifest.json")
              if p.parent.name != "so-theo-doi-khen-thuong"]
    assert rounds and all((p / "tom-tat.txt").is_file() for p in rounds)


def test_the_readme_transcript_shows_what_a_first_run_prints(tmp_path):
    """Every line the launcher prints on a first run, in order, in the README's "Trên Windows"
    transcript (the lines between are khenthuong's and pip's)."""
    folder = _project(tmp_path, installed=False)
    printed = [line for line in run_launcher(folder, answers(folder)).printed if line]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Trên Windows"):]
    transcript = section[section.index("```\n") + 4:].split("\n```")[0].splitlines()
    shown = [line for line in transcript if line in printed]
    assert shown == printed
