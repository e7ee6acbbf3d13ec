"""Screenshots of each page of `khenthuong web`, made from the sample workbooks of inputs/, to
docs/web/<page>.png: the pictures of the README's section on the page.

Starts `khenthuong web` on a copy of the samples in a temporary folder and drives Debian's
chromium headless through Selenium and Debian's chromedriver (no browser is downloaded). The
same helpers start the page and the browser for tests/test_web_browser.py.

Run: python scripts/web_pages.py [FOLDER]
(needs `apt-get install chromium chromium-driver` and selenium; default folder docs/web)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "2026-hang-nam.xlsx"  # the round the pictures follow: dropped, checked, generated
SIZE = (1000, 660)  # pixels: the top of the page as a laptop shows it, under 120 KB
PAGES = {"bang-tinh": "index", "kiem-tra-loi": "check_page", "kiem-tra": "check_page",
         "lap-van-ban": "generate_page", "quy-dinh": "rules_page"}  # picture: the page's view


def browser_paths() -> tuple[str, str] | None:
    """Debian's chromium and its chromedriver, when both are installed."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@contextmanager
def running_page(project: Path) -> Iterator[str]:
    """`khenthuong web --no-browser` serving `project` (its inputs/ and outputs/) until the
    block ends; yields the address it printed, with its token."""
    log = (project / "web.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "web", "--no-browser"], cwd=project,
        stdout=subprocess.PIPE, stderr=log, text=True, encoding="utf-8",
        env=os.environ | {"PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"})
    try:
        first = process.stdout.readline()
        if "http://127.0.0.1:" not in first:
            raise RuntimeError(f"khenthuong web did not start: {first}"
                               f"{(project / 'web.log').read_text(encoding='utf-8')}")
        yield first[first.index("http://"):].split()[0]
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@contextmanager
def chromium(downloads: Path, size: tuple[int, int] = SIZE) -> Iterator:
    """Headless chromium under Selenium, saving downloads into `downloads`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = browser_paths()
    if found is None:
        raise RuntimeError("needs chromium and chromedriver: apt-get install chromium "
                           "chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--force-device-scale-factor=1", "--lang=vi",
                     f"--window-size={size[0]},{size[1]}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def broken_copy(source: Path, target: Path) -> tuple[int, str]:
    """Copy a sample workbook with one typo, the letter O for a zero in the first person's
    Năm sinh; return that cell's row and column."""
    book = load_workbook(source)
    sheet = book["Cá nhân"]
    header = next(row for row in sheet.iter_rows(max_row=10) if any(
        c.value == "Năm sinh" for c in row))
    cell = next(c for c in header if c.value == "Năm sinh")
    typo = sheet.cell(row=cell.row + 1, column=cell.column)
    typo.value = str(typo.value)[:-1] + "O"
    book.save(target)
    return typo.row, typo.column_letter


def project_of_samples(folder: Path, *, without: str = SAMPLE) -> Path:
    """A project folder holding the samples of inputs/, less one the walk drops in."""
    (folder / "inputs").mkdir(parents=True)
    for path in sorted((ROOT / "inputs").glob("*.xlsx")):
        if path.name != without:
            shutil.copy2(path, folder / "inputs" / path.name)
    return folder


def main(target: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        project = project_of_samples(work / "du-an")
        broken = work / "loi" / SAMPLE
        broken.parent.mkdir()
        broken_copy(ROOT / "inputs" / SAMPLE, broken)
        with running_page(project) as address, chromium(work / "tai-ve") as driver:
            driver.get(address)
            driver.save_screenshot(str(target / "bang-tinh.png"))
            driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(broken))
            WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR,
                                                                      "table.problems"))
            driver.save_screenshot(str(target / "kiem-tra-loi.png"))
            shutil.copy2(ROOT / "inputs" / SAMPLE, project / "inputs" / SAMPLE)  # fixed in Excel
            driver.find_element(By.LINK_TEXT, "Kiểm tra lại").click()
            WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR,
                                                                      "table.verdicts"))
            driver.save_screenshot(str(target / "kiem-tra.png"))
            driver.find_element(By.CSS_SELECTOR, "form.inline button.primary").click()
            WebDriverWait(driver, 120).until(lambda d: d.find_elements(By.CSS_SELECTOR,
                                                                       "section.round"))
            driver.save_screenshot(str(target / "lap-van-ban.png"))
            driver.get(address.split("?")[0] + "quy-dinh?ngay=01/12/2026")
            driver.save_screenshot(str(target / "quy-dinh.png"))
    for page in PAGES:
        print(f"{target / page}.png: {(target / f'{page}.png').stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "web")
