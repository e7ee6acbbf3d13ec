"""PDF copies of the documents, through LibreOffice when it is installed (never for the .docx)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import OutputError

WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                  r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


def find_soffice() -> str | None:
    """LibreOffice's command, on PATH or where Windows installs it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found or os.name != "nt":
        return found
    return next((p for p in WINDOWS_PLACES if Path(p).is_file()), None)


def to_pdf(files: dict[str, bytes], soffice: str) -> dict[str, bytes]:
    """Convert every .docx of a round in one LibreOffice run; return PDF name → bytes."""
    documents = {name: data for name, data in files.items() if name.endswith(".docx")}
    with tempfile.TemporaryDirectory(prefix="khenthuong-pdf-") as folder:
        work = Path(folder)
        flat = {name: name.replace("/", "__") for name in documents}
        for name, data in documents.items():
            (work / flat[name]).write_bytes(data)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(work / "pdf"),
                   *(str(work / f) for f in flat.values())]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=900)
            return {name.removesuffix(".docx") + ".pdf":
                    (work / "pdf" / (flat[name].removesuffix(".docx") + ".pdf")).read_bytes()
                    for name in documents}
        except (OSError, subprocess.SubprocessError) as err:
            raise OutputError("LibreOffice không chuyển được văn bản sang PDF; các tệp .docx "
                              "chưa được ghi. Chạy lại không có --pdf để chỉ lập .docx.") from err
