"""Every generated document, as LibreOffice prints it: A4, the national header, no text lost."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections import Counter

import pytest
from conftest import RENDER_TOOLS, docx_lines, require_tools, sized_round, write_round

from pipeline import generate
from pipeline.catalog import Catalog

pytestmark = pytest.mark.render

SIZES = (1, 3, 9, 17, 26, 41, 63, 97, 150, 300)  # people in the generated rounds


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Generate the sample rounds and rounds of 1 to 300 people, and convert every document in
    one LibreOffice run."""
    require_tools(*RENDER_TOOLS)
    from pathlib import Path

    root = tmp_path_factory.mktemp("pdf")
    inputs = Path(__file__).resolve().parent.parent / "inputs"
    generate(sorted(inputs.glob("*.xlsx")), outputs=root / "outputs" / "mau")
    for size in SIZES:
        path = write_round(root / f"{size}.xlsx", sized_round(size), Catalog())
        generate([path], outputs=root / "outputs" / f"{size:03d}-nguoi")
    documents = sorted((root / "outputs").rglob("*.docx"))
    assert len(documents) > 12
    flat = root / "flat"
    flat.mkdir()
    for doc in documents:
        shutil.copy(doc, flat / _flat_name(doc, root / "outputs"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{root}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(flat), *sorted(flat.glob("*.docx"))],
                   check=True, capture_output=True, timeout=300)
    return {doc: flat / _flat_name(doc, root / "outputs").replace(".docx", ".pdf")
            for doc in documents}


def _flat_name(doc, outputs) -> str:
    return "--".join(doc.relative_to(outputs).parts)


def _text(pdf, *pages: int, layout: bool = True) -> str:
    options = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    options += ["-layout"] if layout else []
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def _info(pdf) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


SIGNATURE = re.compile(r"^\s*(Nơi nhận:|THƯ KÝ|XÁC NHẬN|THỦ TRƯỞNG ĐƠN VỊ|NGƯỜI BÁO CÁO)")
CLOSING = ("./.", "sự thật.")  # how the last paragraph above a signature ends


def _pages(pdf) -> list[list[str]]:
    """Each page's non-blank lines as pdftotext lays them out."""
    return [[line for line in page.splitlines() if line.strip()]
            for page in _text(pdf).split("\f")]


def test_signature_stands_with_the_end_of_the_text(pdfs):
    """The page where the signature block starts also holds the end of the text above it: the
    closing paragraph, never only the page number."""
    for doc, pdf in pdfs.items():
        if doc.name.startswith("danh-sach"):
            continue  # an appendix of the tờ trình, signed with it
        pages = _pages(pdf)
        number, at = next((n, i) for n, page in enumerate(pages) for i, line in enumerate(page)
                          if SIGNATURE.match(line))
        above = pages[number][:at]
        assert any(end in line for line in above for end in CLOSING), (doc, number + 1, above)


def test_every_page_is_a4(pdfs):
    for doc, pdf in pdfs.items():
        size = _info(pdf)["Page size"]
        assert "(A4)" in size, (doc.name, size)


def test_national_header_on_one_line_each(pdfs):
    for doc, pdf in pdfs.items():
        first_lines = [line for line in _text(pdf, 1).splitlines() if line.strip()][:3]
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first_lines[0], doc.name
        assert "Độc lập - Tự do - Hạnh phúc" in first_lines[1], doc.name
        if doc.name.startswith("bien-ban"):  # the council, under the office it belongs to
            assert "VĂN PHÒNG UBND TỈNH SƠN LA" in first_lines[0], doc.name
            assert first_lines[1].split()[:2] == ["HỘI", "ĐỒNG"], doc.name
            assert "THI ĐUA - KHEN THƯỞNG" in first_lines[2].replace("\xa0", " "), doc.name
        elif doc.parent.name != "bao-cao-thanh-tich":  # a nominee's report carries no agency
            assert "ỦY BAN NHÂN DÂN TỈNH SƠN LA" in first_lines[0], doc.name


def _letters(text: str) -> Counter:
    """Count letters and digits: wrapping, and pdftotext joining "hang-" + "nam" across a line
    break, change words but never the letters printed."""
    return Counter(ch for ch in unicodedata.normalize("NFC", text) if ch.isalnum())


def test_no_text_lost(pdfs):
    """Every letter of every cell and paragraph of the .docx is printed, as often as it is
    written (text pushed out of a page or a cell would be missing)."""
    for doc, pdf in pdfs.items():
        missing = _letters(" ".join(docx_lines(doc))) - _letters(_text(pdf, layout=False))
        assert not missing, (doc.name, missing)


def test_names_of_the_list_are_printed_in_order(pdfs):
    """Each name of the danh sách is printed with its words in order (wrapping aside)."""
    for doc, pdf in pdfs.items():
        if doc.name.startswith("danh-sach"):
            printed = _text(pdf, layout=False).split()
            names = [line.split(" | ")[1] for line in docx_lines(doc) if line[:1].isdigit()]
            assert names
            for name in names:
                stream = iter(printed)
                assert all(word in stream for word in name.split()), name


def test_page_number_from_page_two_only(pdfs):
    for doc, pdf in pdfs.items():
        pages = int(_info(pdf)["Pages"])
        assert not _text(pdf, 1).split()[0].isdigit(), doc.name
        if pages > 1 and _text(pdf, 2).split()[:2] != ["DANH", "SÁCH"]:  # an appendix: below
            assert _text(pdf, 2).split()[0] == "2", doc.name


def test_fonts_are_times_new_roman_or_its_metric_twin(pdfs):
    for doc, pdf in pdfs.items():
        out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
        names = {line.split()[0].split("+")[-1] for line in out}
        assert names and all(n.startswith(("TimesNewRoman", "LiberationSerif")) for n in names), \
            (doc.name, names)


def test_pdf_option_converts_each_round_in_one_run(make_workbook, tmp_path, monkeypatch):
    require_tools("soffice")
    from pipeline import pdf

    calls = []
    real_run = subprocess.run

    def counted(command, **kwargs):
        calls.append(command)
        return real_run(command, **kwargs)

    monkeypatch.setattr(pdf.subprocess, "run", counted)
    generate([make_workbook()], outputs=tmp_path / "out", pdf=True)
    folder = tmp_path / "out" / "2025-hang-nam"
    docx = sorted(p.relative_to(folder).with_suffix("") for p in folder.rglob("*.docx"))
    pdfs = sorted(p.relative_to(folder).with_suffix("") for p in folder.rglob("*.pdf"))
    assert docx == pdfs and len(docx) == 8
    assert len(calls) == 1
    assert "(A4)" in _info(folder / "to-trinh-de-nghi-khen-thuong.pdf")["Page size"]


def test_a_long_list_repeats_its_header_row_on_every_page(pdfs):
    """On a danh sách and a biên bản of several pages, page 2 opens with the columns' titles."""
    long = [(doc, pdf) for doc, pdf in pdfs.items()
            if doc.name.startswith(("danh-sach", "bien-ban")) and int(_info(pdf)["Pages"]) > 2]
    assert len(long) >= 4
    for doc, pdf in long:
        top = " ".join(_pages(pdf)[1][:4])
        assert "STT" in top and "Tập thể" in top, (doc, top)


def test_working_lists_and_the_register_print_one_page_wide(tmp_path):
    """Printed by LibreOffice Calc: every page holds every column (the last header is on page
    one, nothing spills onto a second set of pages) and repeats the header row."""
    require_tools(*RENDER_TOOLS)
    from pathlib import Path

    inputs = Path(__file__).resolve().parent.parent / "inputs"
    generate(sorted(inputs.glob("*.xlsx")), outputs=tmp_path / "out")
    lists = {"so-theo-doi-khen-thuong.xlsx": ("Họ và tên / Tên tập thể", "Nguồn"),
             "ket-qua-tham-dinh.xlsx": ("Họ và tên / Tên tập thể", "Có thể xét cao nhất")}
    books = [tmp_path / "out" / "so-theo-doi-khen-thuong" / "so-theo-doi-khen-thuong.xlsx",
             tmp_path / "out" / "2025-hang-nam" / "ket-qua-tham-dinh.xlsx"]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, books)],
                   check=True, capture_output=True, timeout=300)
    for book in books:
        pages = _text(tmp_path / book.name.replace(".xlsx", ".pdf"), layout=False).split("\f")
        pages = [page for page in pages if page.strip()]
        first, last = lists[book.name]
        assert len(pages) > 1, book.name
        for page in pages:
            flat = " ".join(page.split())
            assert first in flat and last in flat, (book.name, page[:200])


def test_no_year_range_breaks_at_its_hyphen(pdfs):
    """"2021-2025" is printed on one line wherever it wraps (Word's non-breaking hyphen)."""
    ranges = 0
    for doc, pdf in pdfs.items():
        text = _text(pdf)
        ranges += len(re.findall(r"\b\d{4}-\d{4}\b", text))
        broken = [line for line in text.splitlines() if re.search(r"\b\d{4}-\s*$", line)]
        assert not broken, (doc.name, broken)
    assert ranges > 10  # the sơ kết and tổng kết of 2021-2025 name their period


TITLES = {"to-trinh": "TỜ TRÌNH", "quyet-dinh": "QUYẾT ĐỊNH", "bien-ban": "BIÊN BẢN",
          "bao-cao-ket-qua": "BÁO CÁO"}


def test_trich_yeu_never_ends_on_a_line_of_one_word(pdfs):
    """The "Về việc …" line under the document's name, as LibreOffice wraps it: its last line
    holds at least two words."""
    measured = wrapped = 0
    for doc, pdf in pdfs.items():
        kind = next((title for prefix, title in TITLES.items() if doc.name.startswith(prefix)),
                    None)
        if kind is None:
            continue
        words = docx_lines(doc)[3].replace("\u00a0", " ").split()
        lines = [line.replace("\xa0", " ").split() for line in _text(pdf, 1).splitlines()]
        at = lines.index(kind.split()) + 1
        taken = []
        while len(sum(taken, [])) < len(words):
            taken.append(lines[at + len(taken)])
        assert sum(taken, []) == words, (doc.name, taken)
        measured += 1
        wrapped += len(taken) > 1
        assert len(taken[-1]) >= 2, (doc.name, taken)
    assert measured > 20 and wrapped >= 5, (measured, wrapped)


def test_the_appendix_of_a_quyet_dinh_is_numbered_from_one(pdfs):
    """The list of a Quyết định starts a page of its own, without a number; its next page is
    "2", whatever the length of the decision before it."""
    long = [(doc, pdf) for doc, pdf in pdfs.items() if doc.name == "quyet-dinh-danh-hieu.docx"
            and int(_info(pdf)["Pages"]) > 3]
    assert long
    for doc, pdf in long:
        pages = _pages(pdf)
        start = next(n for n, page in enumerate(pages) if "DANH SÁCH" in page[0])
        assert not any(line.strip() == "DANH SÁCH" for page in pages[:start] for line in page)
        assert not pages[start][0].split()[0].isdigit(), doc
        assert pages[start + 1][0].split() == ["2"], (doc, pages[start + 1][:2])
