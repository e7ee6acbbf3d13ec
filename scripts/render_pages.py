"""Render page 1 of each kind of document the tool makes, from the sample workbooks of inputs/,
to docs/pages/<image>.png: the pictures of the README's document table.

Generates the samples into a temporary folder, prints the chosen files to PDF with LibreOffice
(headless, its own profile) and takes page 1 with pdftoppm, 600 pixels wide.

Run: python scripts/render_pages.py [FOLDER]   (needs soffice and pdftoppm; default docs/pages)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from pipeline import generate

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 600  # pixels: legible headings, 30-80 KB a page


@dataclass(frozen=True)
class Page:
    """One picture: `kind` is the file name the tool writes, or for a báo cáo thành tích the
    name of its form (printed in the report under its title); `folder` the output folder of the
    sample round it is taken from."""

    image: str
    kind: str
    folder: str


PAGES = (
    Page("to-trinh-de-nghi-khen-thuong", "to-trinh-de-nghi-khen-thuong.docx", "2025-hang-nam"),
    Page("danh-sach-de-nghi-khen-thuong", "danh-sach-de-nghi-khen-thuong.docx", "2025-hang-nam"),
    Page("bao-cao-thanh-tich-cong-trang-ca-nhan",
         "Báo cáo thành tích đề nghị khen thưởng công trạng cho cá nhân", "2025-hang-nam"),
    Page("bao-cao-thanh-tich-cong-trang-tap-the",
         "Báo cáo thành tích đề nghị khen thưởng công trạng cho tập thể", "2025-hang-nam"),
    Page("bao-cao-thanh-tich-dot-xuat", "Báo cáo thành tích đề nghị khen thưởng đột xuất",
         "2026-hang-nam"),
    Page("bao-cao-thanh-tich-chuyen-de",
         "Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề", "2025-tong-ket"),
    Page("quyet-dinh-giay-khen", "quyet-dinh-giay-khen.docx", "2025-hang-nam"),
    Page("quyet-dinh-danh-hieu", "quyet-dinh-danh-hieu.docx", "2025-hang-nam"),
    Page("bien-ban-hop-hoi-dong", "bien-ban-hop-hoi-dong.docx", "2025-hang-nam"),
    Page("bao-cao-ket-qua", "bao-cao-ket-qua.docx", "2025-hang-nam"),
    Page("ket-qua-tham-dinh", "ket-qua-tham-dinh.xlsx", "2025-hang-nam"),
    Page("tong-hop-kinh-phi", "tong-hop-kinh-phi.xlsx", "2025-hang-nam"),
    Page("so-theo-doi-khen-thuong", "so-theo-doi-khen-thuong.xlsx", "so-theo-doi-khen-thuong"),
)


def source(outputs: Path, page: Page) -> Path:
    """The generated file a page shows: the file itself, or the first báo cáo thành tích of the
    round written on the page's form."""
    folder = outputs / page.folder
    if "." in page.kind:
        return folder / page.kind
    for report in sorted((folder / "bao-cao-thanh-tich").glob("*.docx")):
        if any(p.text.strip() == f"({page.kind})" for p in Document(report).paragraphs):
            return report
    raise SystemExit(f"{page.folder}: no báo cáo thành tích on the form “{page.kind}”")


def render(target: Path) -> list[Path]:
    """Write one PNG per page into `target`; return them."""
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="render-pages-") as tmp:
        work = Path(tmp)
        generate(sorted((ROOT / "inputs").glob("*.xlsx")), outputs=work / "outputs")
        flat = work / "flat"
        flat.mkdir()
        for page in PAGES:
            found = source(work / "outputs", page)
            shutil.copy(found, flat / f"{page.image}{found.suffix}")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(flat),
                        *sorted(str(p) for p in flat.iterdir())],
                       check=True, capture_output=True, timeout=600)
        made = []
        for page in PAGES:
            subprocess.run(["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile",
                            "-scale-to", str(WIDTH), str(flat / f"{page.image}.pdf"),
                            str(target / page.image)], check=True, timeout=120)
            made.append(target / f"{page.image}.png")
    return made


def main(target: Path) -> None:
    for png in render(target):
        print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png} "
              f"({png.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "docs" / "pages")
