"""PDF copies through LibreOffice, with LibreOffice stood in for: where its command is found,
the one command a round's documents are converted with, and what a failed conversion says."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline import pdf
from pipeline.errors import OutputError

PROGRAM_FILES = r"C:\Program Files\LibreOffice\program\soffice.exe"
PROGRAM_FILES_X86 = r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"

FAILED = ("LibreOffice không chuyển được văn bản sang PDF; các tệp .docx chưa được ghi. Chạy lại "
          "không có --pdf để chỉ lập .docx.")


def on_this_machine(monkeypatch, *, path: dict[str, str], system: str,
                    installed: tuple[str, ...] = ()) -> None:
    """Stand in for the PATH (command → where it is), the system's name and the files there."""

    class Place:
        def __init__(self, place: str) -> None:
            self.place = place

        def is_file(self) -> bool:
            return self.place in installed

    monkeypatch.setattr(pdf.shutil, "which", lambda command: path.get(command))
    monkeypatch.setattr(pdf, "os", SimpleNamespace(name=system))
    monkeypatch.setattr(pdf, "Path", Place)


def test_soffice_on_the_path_is_used(monkeypatch):
    on_this_machine(monkeypatch, path={"soffice": "/usr/bin/soffice",
                                       "libreoffice": "/usr/bin/libreoffice"}, system="posix")
    assert pdf.find_soffice() == "/usr/bin/soffice"


def test_libreoffice_on_the_path_is_used_when_soffice_is_not(monkeypatch):
    """Some Linux packages install only the `libreoffice` command."""
    on_this_machine(monkeypatch, path={"libreoffice": "/usr/bin/libreoffice"}, system="posix")
    assert pdf.find_soffice() == "/usr/bin/libreoffice"


def test_nothing_on_the_path_outside_windows_means_no_libreoffice(monkeypatch):
    """The Windows install places are not looked at on Linux or macOS."""
    on_this_machine(monkeypatch, path={}, system="posix", installed=(PROGRAM_FILES,))
    assert pdf.find_soffice() is None


def test_on_windows_the_path_comes_before_the_install_places(monkeypatch):
    on_this_machine(monkeypatch, path={"soffice": r"D:\LO\program\soffice.exe"}, system="nt")
    assert pdf.find_soffice() == r"D:\LO\program\soffice.exe"


def test_on_windows_libreoffice_is_found_where_its_installer_puts_it(monkeypatch):
    """LibreOffice's Windows installer does not add itself to PATH: Program Files first, then
    Program Files (x86) for the 32-bit build."""
    on_this_machine(monkeypatch, path={}, system="nt",
                    installed=(PROGRAM_FILES_X86, PROGRAM_FILES))
    assert pdf.find_soffice() == PROGRAM_FILES
    on_this_machine(monkeypatch, path={}, system="nt", installed=(PROGRAM_FILES_X86,))
    assert pdf.find_soffice() == PROGRAM_FILES_X86
    on_this_machine(monkeypatch, path={}, system="nt")
    assert pdf.find_soffice() is None


class FakeLibreOffice:
    """subprocess.run as LibreOffice answers it: each file given becomes a PDF of the same name
    in --outdir (here the text "PDF of" and the document's bytes)."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict]] = []

    def __call__(self, command: list[str], **options) -> subprocess.CompletedProcess:
        self.calls.append((list(command), options))
        outdir = Path(command[command.index("--outdir") + 1])
        outdir.mkdir(exist_ok=True)
        for file in command[7:]:
            source = Path(file)
            (outdir / (source.stem + ".pdf")).write_bytes(b"PDF of " + source.read_bytes())
        return subprocess.CompletedProcess(command, 0, b"", b"")


ROUND = {
    "to-trinh-de-nghi-khen-thuong.docx": b"to trinh",
    "bao-cao-thanh-tich/lo-van-pom.docx": b"bao cao Pom",
    "bao-cao-thanh-tich/phong-kinh-te.docx": b"bao cao phong",
    "ket-qua-tham-dinh.xlsx": b"bang tinh",
}


def test_every_document_of_a_round_gets_its_pdf_beside_it(monkeypatch):
    """A PDF per .docx, under the document's own name and folder; the workbooks get none."""
    monkeypatch.setattr(pdf.subprocess, "run", FakeLibreOffice())
    assert pdf.to_pdf(ROUND, "soffice") == {
        "to-trinh-de-nghi-khen-thuong.pdf": b"PDF of to trinh",
        "bao-cao-thanh-tich/lo-van-pom.pdf": b"PDF of bao cao Pom",
        "bao-cao-thanh-tich/phong-kinh-te.pdf": b"PDF of bao cao phong",
    }


def test_a_round_is_converted_in_one_libreoffice_run_with_its_own_profile(monkeypatch):
    """One headless run for every document, documents of subfolders given flattened (LibreOffice
    puts every PDF in one --outdir), a private profile so that an open LibreOffice window does
    not take the job, the output kept off the console and a hung run stopped after 15 minutes."""
    fake = FakeLibreOffice()
    monkeypatch.setattr(pdf.subprocess, "run", fake)
    pdf.to_pdf(ROUND, "/opt/libreoffice/program/soffice")
    ((command, options),) = fake.calls
    assert options == {"check": True, "capture_output": True, "timeout": 900}
    work = Path(command[6]).parent
    assert work.parent == Path(tempfile.gettempdir()) and work.name.startswith("khenthuong-pdf-")
    assert command == [
        "/opt/libreoffice/program/soffice",
        "-env:UserInstallation=" + (work / "profile").as_uri(),
        "--headless", "--convert-to", "pdf", "--outdir", str(work / "pdf"),
        str(work / "to-trinh-de-nghi-khen-thuong.docx"),
        str(work / "bao-cao-thanh-tich__lo-van-pom.docx"),
        str(work / "bao-cao-thanh-tich__phong-kinh-te.docx")]
    assert not work.exists()


@pytest.mark.parametrize("failure", [
    FileNotFoundError(2, "No such file or directory", "soffice"),
    subprocess.CalledProcessError(1, "soffice", b"", b"Error: source file could not be loaded"),
    subprocess.TimeoutExpired("soffice", 900),
], ids=["not-runnable", "failed", "hung"])
def test_a_failed_conversion_says_the_docx_were_not_written_and_how_to_go_on(monkeypatch,
                                                                               failure):
    def run(command, **options):
        raise failure

    monkeypatch.setattr(pdf.subprocess, "run", run)
    with pytest.raises(OutputError) as caught:
        pdf.to_pdf(ROUND, "soffice")
    assert str(caught.value) == FAILED
    assert caught.value.__cause__ is failure


def test_a_document_libreoffice_made_no_pdf_of_fails_the_same_way(monkeypatch):
    """LibreOffice ends without an error yet writes no PDF for a file it cannot open."""
    def run(command, **options):
        return subprocess.CompletedProcess(command, 0, b"", b"")

    monkeypatch.setattr(pdf.subprocess, "run", run)
    with pytest.raises(OutputError, match="^LibreOffice không chuyển được văn bản sang PDF;"):
        pdf.to_pdf(ROUND, "soffice")
