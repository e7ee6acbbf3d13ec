"""The page in a real browser: Debian's chromium, headless, driven by Selenium. A clerk drops a
sample workbook with a typo, sees the error in its cell, fixes it, generates, and downloads a
document that opens."""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import docx_lines

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("web_pages", ROOT / "scripts" / "web_pages.py")
web_pages = importlib.util.module_from_spec(spec)
spec.loader.exec_module(web_pages)

TO_TRINH = "to-trinh-de-nghi-khen-thuong.docx"


@pytest.fixture(scope="module")
def browser_ready():
    missing = [] if web_pages.browser_paths() else ["chromium", "chromium-driver"]
    missing += [] if importlib.util.find_spec("selenium") else ["selenium"]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {', '.join(missing)} (see .ci/run)")
        pytest.skip(f"needs {', '.join(missing)}")


def downloaded(folder: Path, name: str) -> Path:
    """The file once chromium has finished writing it (no .crdownload left)."""
    for _ in range(600):  # at most a minute
        if (folder / name).is_file() and not list(folder.glob("*.crdownload")):
            return folder / name
        time.sleep(0.1)
    raise AssertionError(f"{name} was not downloaded: {sorted(os.listdir(folder))}")


def test_drop_see_the_error_fix_generate_and_open_a_document(browser_ready, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    project = web_pages.project_of_samples(tmp_path / "du-an")
    broken = tmp_path / "may-van-thu" / web_pages.SAMPLE
    broken.parent.mkdir()
    row, column = web_pages.broken_copy(ROOT / "inputs" / web_pages.SAMPLE, broken)
    assert (row, column) == (4, "E")  # Đặng Quốc Khải, born 1975: typed 197O
    downloads = tmp_path / "tai-ve"
    downloads.mkdir()
    with web_pages.running_page(project) as address, web_pages.chromium(downloads) as driver:
        wait = WebDriverWait(driver, 120)
        driver.get(address)
        assert driver.current_url.endswith("/")  # the token went into a cookie
        assert web_pages.SAMPLE not in driver.find_element(By.TAG_NAME, "main").text

        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(broken))
        problems = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.problems tbody tr"))
        cells = [c.text for c in problems[0].find_elements(By.TAG_NAME, "td")]
        assert cells == ["Lỗi", web_pages.SAMPLE, "Cá nhân", "4", "E (Năm sinh)", "197O",
                         "“197O” không phải năm hợp lệ; cần năm có 4 chữ số, ví dụ 1985."]
        assert len(problems) == 1
        assert (project / "inputs" / web_pages.SAMPLE).read_bytes() == broken.read_bytes()

        fixed = tmp_path / "da-sua" / web_pages.SAMPLE  # the clerk fixes the cell in Excel
        fixed.parent.mkdir()
        shutil.copy2(ROOT / "inputs" / web_pages.SAMPLE, fixed)
        driver.find_element(By.LINK_TEXT, "Bảng tính").click()
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(fixed))
        wait.until(lambda d: d.find_elements(By.XPATH, "//button[@value='ghi-de']"))[0].click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.verdicts"))
        assert "Không có lỗi nào trong bảng tính." in driver.find_element(By.TAG_NAME,
                                                                           "main").text
        assert (project / "inputs" / web_pages.SAMPLE).read_bytes() == fixed.read_bytes()

        driver.find_element(By.XPATH, "//button[text()='Lập văn bản']").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "section.round")
                   or d.find_elements(By.CSS_SELECTOR, ".alert.error"))
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "Đã lập xong từ 2026-hang-nam.xlsx." in main, main
        driver.find_element(By.LINK_TEXT, TO_TRINH).click()
        document = downloaded(downloads, TO_TRINH)

    assert document.read_bytes() == (project / "outputs" / "2026-hang-nam" / TO_TRINH).read_bytes()
    lines = docx_lines(document)
    assert "TỜ TRÌNH" in lines


DOWNLOADS = {"marked_copy", "download", "download_round", "static"}  # files, not pages


def test_every_page_has_its_picture_committed_and_shown_in_the_readme():
    from pipeline.catalog import DEFAULT_FORMS
    from pipeline.web.app import create_app

    app = create_app(inputs=ROOT / "inputs", outputs=ROOT / "outputs", forms=DEFAULT_FORMS)
    pages = {r.endpoint for r in app.url_map.iter_rules() if "GET" in r.methods} - DOWNLOADS
    assert set(web_pages.PAGES.values()) == pages
    folder = ROOT / "docs" / "web"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{p}.png" for p in web_pages.PAGES)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in web_pages.PAGES:
        data = (folder / f"{page}.png").read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < 120_000, page
        assert f'src="docs/web/{page}.png"' in readme, page
