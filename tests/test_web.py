"""`khenthuong web` through Flask's test client: every page, every refusal, every error."""

from __future__ import annotations

import html
import http.cookiejar
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
import zipfile
from pathlib import Path

import pytest
from conftest import round_data, write_round
from openpyxl import load_workbook
from test_templates import TO_TRINH, edit

from pipeline.catalog import DEFAULT_FORMS, Catalog
from pipeline.web import files, jobs
from pipeline.web.app import create_app
from pipeline.write import _locked

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "ma-truy-cap-cua-phep-thu"
BOOK = "2025-hang-nam.xlsx"


@pytest.fixture
def project(tmp_path, make_workbook) -> Path:
    make_workbook()  # inputs/2025-hang-nam.xlsx: the small round of conftest
    return tmp_path


def app_for(project: Path, forms: Path = DEFAULT_FORMS):
    return create_app(inputs=project / "inputs", outputs=project / "outputs", forms=forms,
                      token=TOKEN)


@pytest.fixture
def app(project):
    return app_for(project)


def signed_in(app):
    """A browser that opened the address the command printed."""
    client = app.test_client()
    opened = client.get(f"/?token={TOKEN}")
    assert opened.status_code == 302 and opened.headers["Location"] == "/"
    return client


@pytest.fixture
def client(app):
    return signed_in(app)


def text(response) -> str:
    """A page's words, tags and entities removed, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", html.unescape(body))


def post(client, path: str, **form):
    return client.post(path, data={"token": TOKEN, **form},
                       headers={"Origin": "http://localhost"})


def finished(app):
    job = app.config["SITE"].job
    assert job.finished.wait(120)
    return job


# --- who may use the page ---------------------------------------------------------------------

def test_the_printed_address_sets_a_private_cookie_and_leaves_the_address_bar(app):
    opened = app.test_client().get(f"/?token={TOKEN}")
    assert opened.status_code == 302 and opened.headers["Location"] == "/"
    cookie = opened.headers["Set-Cookie"]
    assert cookie.startswith(f"khenthuong={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_without_the_token_no_page_no_file_and_no_action(app, project):
    stranger = app.test_client()
    for path in ("/", f"/kiem-tra/{BOOK}", f"/kiem-tra/{BOOK}/ban-danh-dau.xlsx",
                 "/lap-van-ban", "/quy-dinh", "/tai/2025-hang-nam/manifest.json",
                 "/static/style.css", "/?token=doan-mo"):
        response = stranger.get(path)
        assert response.status_code == 403, path
        assert "chỉ mở được bằng đường dẫn mà lệnh “khenthuong web” in ra" in text(response)
    refused = stranger.post("/lap-van-ban", data={"token": TOKEN})  # the token, but no cookie
    assert refused.status_code == 403
    assert not (project / "outputs").exists()


def test_a_request_for_another_host_is_refused_against_dns_rebinding(app):
    client = signed_in(app)
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 421
    assert client.get("/", headers={"Host": "attacker.example:8000"}).status_code == 421
    app.config["SITE"].port = 8000  # once the server is bound: its port and no other
    opened = client.get(f"/?token={TOKEN}", headers={"Host": "127.0.0.1:8000"})
    assert opened.headers["Set-Cookie"].startswith(f"khenthuong-8000={TOKEN};")
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    client.set_cookie("khenthuong-8000", TOKEN, domain="localhost")
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"Host": "127.0.0.1:9999"}).status_code == 421
    refused = client.get("/", headers={"Host": "127.0.0.2:8000"})
    assert refused.status_code == 421
    assert "chỉ mở bằng địa chỉ 127.0.0.1" in text(refused)


def test_a_post_from_another_site_or_without_the_form_token_is_refused(client, project):
    for origin in ("http://attacker.example", "null", "http://localhost:1"):
        refused = client.post("/lap-van-ban", data={"token": TOKEN}, headers={"Origin": origin})
        assert refused.status_code == 403, origin
        assert "không đến từ trang khenthuong" in text(refused)
    for form in ({}, {"token": "doan-mo"}):  # the cookie alone, as a forged form would carry it
        assert client.post("/lap-van-ban", data=form).status_code == 403
    assert not (project / "outputs").exists()


def test_every_answer_forbids_framing_foreign_assets_and_caching(client):
    for path in ("/", f"/kiem-tra/{BOOK}", "/lap-van-ban", "/quy-dinh", "/khong-co"):
        response = client.get(path)
        assert response.headers["Content-Security-Policy"].startswith("default-src 'self';")
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Cache-Control"] == "no-store"
        page = response.get_data(as_text=True)
        assert not re.search(r"""(src|href|action)=["'](https?:)?//""", page), path


# --- the workbooks ----------------------------------------------------------------------------

def test_the_first_page_lists_the_workbooks_and_offers_the_drop_frame(client):
    page = text(client.get("/"))
    assert "Bảng tính trong thư mục" in page and BOOK in page
    assert "Kéo bảng tính Excel (.xlsx) thả vào khung này" in page
    assert "Lập văn bản tất cả" in page


def test_a_project_without_workbooks_says_so(tmp_path):
    (tmp_path / "inputs").mkdir()
    page = text(signed_in(app_for(tmp_path)).get("/"))
    assert "không có bảng tính .xlsx nào" in page


def upload(client, data: bytes, name: str):
    return client.post("/bang-tinh", data={"token": TOKEN, "bang_tinh": (io.BytesIO(data), name)},
                       headers={"Origin": "http://localhost"}, content_type="multipart/form-data")


def test_a_dropped_workbook_is_copied_into_inputs_and_checked(client, project, make_workbook):
    other = make_workbook(name="2025-hang-nam.xlsx").read_bytes()
    response = upload(client, other, "Bảng tính mới.xlsx")
    assert response.status_code == 302
    assert response.headers["Location"] == "/kiem-tra/B%E1%BA%A3ng%20t%C3%ADnh%20m%E1%BB%9Bi.xlsx"
    assert (project / "inputs" / "Bảng tính mới.xlsx").read_bytes() == other


def test_a_dropped_name_keeps_no_folder(client, project):
    data = (project / "inputs" / BOOK).read_bytes()
    for name, kept in (("../../ngoai.xlsx", "ngoai.xlsx"), ("..\\..\\ngoai-2.xlsx", "ngoai-2.xlsx"),
                       ("C:\\Users\\van-thu\\Desktop\\dot-3.xlsx", "dot-3.xlsx")):
        assert upload(client, data, name).status_code == 302, name
        assert (project / "inputs" / kept).read_bytes() == data
    assert sorted(p.name for p in project.rglob("*.xlsx")) == [
        "2025-hang-nam.xlsx", "dot-3.xlsx", "ngoai-2.xlsx", "ngoai.xlsx"]


@pytest.mark.parametrize("name, data, message", [
    ("ghi-chu.docx", b"PK\x03\x04...", "“ghi-chu.docx” không phải bảng tính .xlsx"),
    ("bang-tinh.xls", b"\xd0\xcf\x11\xe0", "“bang-tinh.xls” không phải bảng tính .xlsx"),
    (".xlsx", b"PK\x03\x04", "“.xlsx” không phải bảng tính .xlsx"),
    ("~$2025-hang-nam.xlsx", b"PK\x03\x04", "Tên tệp “~$2025-hang-nam.xlsx” không dùng được"),
    ("a:b.xlsx", b"PK\x03\x04", "Tên tệp “a:b.xlsx” không dùng được"),
    ("doi-ten.xlsx", b"Ten,Nam sinh\n", "“doi-ten.xlsx” không phải bảng tính Excel .xlsx"),
])
def test_only_an_xlsx_is_taken(client, project, name, data, message):
    response = upload(client, data, name)
    assert response.status_code == 400
    assert message in text(response)
    assert [p.name for p in (project / "inputs").iterdir()] == [BOOK]


def test_nothing_chosen_is_told(client):
    response = client.post("/bang-tinh", data={"token": TOKEN}, headers={"Origin":
                                                                          "http://localhost"})
    assert response.status_code == 400
    assert "Chưa chọn tệp nào" in text(response)


def test_an_oversized_upload_is_refused_before_it_is_read(client, project):
    data = b"PK\x03\x04" + b"\0" * files.MAX_UPLOAD
    response = upload(client, data, "lon.xlsx")
    assert response.status_code == 413
    assert "Tệp quá lớn: chỉ nhận bảng tính đến 50 MB." in text(response)
    assert [p.name for p in (project / "inputs").iterdir()] == [BOOK]


def test_a_workbook_of_the_same_name_replaces_nothing_until_the_clerk_says(client, project):
    old = (project / "inputs" / BOOK).read_bytes()
    data = round_data()
    data["tables"]["individuals"][1]["rating"] = "Hoàn thành nhiệm vụ"
    newer = project / "moi" / BOOK
    newer.parent.mkdir()
    write_round(newer, data, Catalog(DEFAULT_FORMS))

    def asked(spare: str = "2025-hang-nam-2.xlsx") -> str:
        response = upload(client, newer.read_bytes(), BOOK)
        assert response.status_code == 409
        assert (project / "inputs" / BOOK).read_bytes() == old
        page = text(response)
        assert f"Đã có tệp “{BOOK}” trong thư mục bảng tính" in page
        assert f"Giữ cả hai: lưu tệp vừa chọn thành “{spare}”" in page
        return re.search(r'name="key" value="([^"]+)"', response.get_data(as_text=True))[1]

    cancelled = post(client, "/bang-tinh/tra-loi", key=asked(), answer="huy")
    assert cancelled.status_code == 302 and cancelled.headers["Location"] == "/"
    assert (project / "inputs" / BOOK).read_bytes() == old
    both = post(client, "/bang-tinh/tra-loi", key=asked(), answer="ten-khac")
    assert both.headers["Location"] == "/kiem-tra/2025-hang-nam-2.xlsx"
    assert (project / "inputs" / "2025-hang-nam-2.xlsx").read_bytes() == newer.read_bytes()
    key = asked("2025-hang-nam-3.xlsx")
    replaced = post(client, "/bang-tinh/tra-loi", key=key, answer="ghi-de")
    assert replaced.headers["Location"] == f"/kiem-tra/{BOOK}"
    assert (project / "inputs" / BOOK).read_bytes() == newer.read_bytes()
    again = post(client, "/bang-tinh/tra-loi", key=key, answer="ghi-de")
    assert again.status_code == 410 and "hãy chọn lại tệp" in text(again)
    assert not list((project / "inputs").glob(".khenthuong-*"))


# --- check ------------------------------------------------------------------------------------

@pytest.fixture
def broken(project) -> Path:
    """The small round with a typo in Giàng A Páo's Năm sinh (Cá nhân, row 5, column D)."""
    data = round_data()
    data["tables"]["individuals"][1]["birth_year"] = "199O"
    return write_round(project / "inputs" / BOOK, data, Catalog(DEFAULT_FORMS))


def test_check_shows_every_problem_in_its_place(client, broken):
    response = client.get(f"/kiem-tra/{BOOK}")
    assert response.status_code == 200
    page = text(response)
    assert "Có 1 lỗi trong bảng tính; chưa xét đề nghị nào." in page
    assert (f"Lỗi {BOOK} Cá nhân 5 D (Năm sinh) 199O “199O” không phải năm hợp lệ; cần năm có "
            "4 chữ số, ví dụ 1985.") in page
    assert "Tải bản sao tô màu ô có vấn đề (.xlsx)" in page
    assert "đủ điều kiện" not in page  # nothing judged from a workbook with errors


def test_the_marked_copy_is_the_one_check_xlsx_writes(client, broken):
    response = client.get(f"/kiem-tra/{BOOK}/ban-danh-dau.xlsx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith(
        "attachment; filename=2025-hang-nam.kiem-tra.xlsx")
    sheet = load_workbook(io.BytesIO(response.data))["Cá nhân"]
    assert sheet["D5"].value == "199O"
    assert sheet["D5"].fill.fgColor.rgb == "00C00000"  # the dark red of an error
    assert sheet["D5"].comment.text == ("LỖI: “199O” không phải năm hợp lệ; cần năm có 4 chữ số, "
                                        "ví dụ 1985.")
    assert sheet["D4"].comment is None


def test_an_unreadable_workbook_is_one_located_sentence(client, project):
    (project / "inputs" / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    page = text(client.get("/kiem-tra/hong.xlsx"))
    assert "Có 1 lỗi trong bảng tính" in page
    assert "Lỗi hong.xlsx tệp bị hỏng hoặc không phải bảng tính Excel .xlsx" in page


def test_check_judges_every_proposal_with_reasons_and_money(client):
    page = text(client.get(f"/kiem-tra/{BOOK}"))
    assert "Không có lỗi nào trong bảng tính." in page
    assert ("Đề nghị: 9 — đủ điều kiện: 6; cần kiểm tra: 2; không đủ điều kiện: 1.") in page
    assert "9 / 9 đề nghị" in page
    assert ("Cầm Thị Ánh (1988) Trung tâm Thông tin Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh "
            "không đủ điều kiện") in page
    assert "Giàng A Páo (1990) Phòng Kinh tế Lao động tiên tiến đủ điều kiện" in page
    assert "710.000 Có" in page


@pytest.mark.parametrize("query, shown", [
    ("ket_qua=khong-du", ["Cầm Thị Ánh|Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"]),
    ("ket_qua=can-kiem-tra", ["Nguyễn Thị Ánh|Giấy khen của Chánh Văn phòng",
                              "Lò Văn Pọm|Chiến sĩ thi đua cơ sở"]),
    ("don_vi=Trung+t%C3%A2m+Th%C3%B4ng+tin", [
        "Cầm Thị Ánh|Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Nguyễn Thị Ánh|Giấy khen của Chánh Văn phòng", "Cầm Thị Ánh|Lao động tiên tiến"]),
    ("hinh_thuc=Lao+%C4%91%E1%BB%99ng+ti%C3%AAn+ti%E1%BA%BFn",
     ["Giàng A Páo|Lao động tiên tiến", "Cầm Thị Ánh|Lao động tiên tiến"]),
    ("ket_qua=du&hinh_thuc=T%E1%BA%ADp+th%E1%BB%83+lao+%C4%91%E1%BB%99ng+ti%C3%AAn+ti%E1%BA%BFn",
     ["Phòng Kinh tế|Tập thể lao động tiên tiến",
      "Trung tâm Thông tin|Tập thể lao động tiên tiến"]),
])
def test_the_verdicts_filter_by_outcome_unit_and_award(client, query, shown):
    page = client.get(f"/kiem-tra/{BOOK}?{query}").get_data(as_text=True)
    rows = re.findall(r'<tr class="(?:du|can-kiem-tra|khong-du)">\s*<td class="n">\d+</td>\s*'
                      r"<td>([^<]+?)(?: <span|</td>).*?<td>[^<]*</td>\s*<td>([^<]+)</td>", page,
                      re.S)
    assert [f"{name.strip()}|{award}" for name, award in rows] == shown


def test_a_workbook_not_in_inputs_is_not_found(client, project):
    (project / "ngoai.xlsx").write_bytes((project / "inputs" / BOOK).read_bytes())
    for path in ("/kiem-tra/ngoai.xlsx", "/kiem-tra/..%2Fngoai.xlsx",
                 "/kiem-tra/ngoai.xlsx/ban-danh-dau.xlsx"):
        response = client.get(path)
        assert response.status_code == 404, path
    assert "Không có bảng tính “ngoai.xlsx” trong thư mục" in text(
        client.get("/kiem-tra/ngoai.xlsx"))


# --- generate ---------------------------------------------------------------------------------

def test_generate_writes_the_round_and_lists_every_file_to_open(app, client, project):
    assert "Chưa lập văn bản lần nào từ trang này." in text(client.get("/lap-van-ban"))
    started = post(client, "/lap-van-ban", bang_tinh=BOOK)
    assert started.status_code == 302 and started.headers["Location"] == "/lap-van-ban"
    doing, done, total = finished(app).progress  # what the bar heard last
    assert doing == "Lập văn bản 2025-hang-nam" and done == total > 0
    page = text(client.get("/lap-van-ban"))
    folder = project / "outputs" / "2025-hang-nam"
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.docx"))
    assert written == ["bao-cao-ket-qua.docx", "bao-cao-thanh-tich/01-phong-kinh-te.docx",
                       "bao-cao-thanh-tich/02-lo-van-pom.docx", "bien-ban-hop-hoi-dong.docx",
                       "danh-sach-de-nghi-khen-thuong.docx", "quyet-dinh-danh-hieu.docx",
                       "quyet-dinh-giay-khen.docx", TO_TRINH]
    for name in written:
        assert name in page
    assert "Đã lập xong từ 2025-hang-nam.xlsx." in page
    assert "Tải cả đợt (.zip)" in page
    assert "Không lập" not in page  # the small round has a document of every kind
    assert "Sổ theo dõi khen thưởng (9 dòng, mọi đợt trong thư mục bảng tính)" in page
    opened = client.get(f"/tai/2025-hang-nam/{TO_TRINH}")
    assert opened.status_code == 200 and opened.data == (folder / TO_TRINH).read_bytes()
    saved = client.get(f"/tai/2025-hang-nam/{TO_TRINH}?luu=1")
    assert saved.headers["Content-Disposition"] == f"attachment; filename={TO_TRINH}"
    packed = zipfile.ZipFile(io.BytesIO(client.get("/tai-dot/2025-hang-nam.zip").data))
    assert sorted(packed.namelist()) == sorted(
        f"2025-hang-nam/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*")
        if p.is_file())
    assert packed.read(f"2025-hang-nam/{TO_TRINH}") == (folder / TO_TRINH).read_bytes()


def test_generate_says_what_is_left_to_fill_and_what_changed_since(app, client, project):
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    finished(app)
    first = text(client.get("/lap-van-ban"))
    assert "Còn để trống, điền tay trước khi ký" in first
    assert ("Văn bản Còn để trống bao-cao-ket-qua.docx Đặc điểm tình hình; Công tác chỉ đạo, "
            "triển khai; Đánh giá chung; Phương hướng; Đề xuất, kiến nghị "
            "bao-cao-thanh-tich/01-phong-kinh-te.docx Trụ sở; Số lượng cán bộ; Tổ chức bộ máy; "
            "Chức năng, nhiệm vụ; Biện pháp bao-cao-thanh-tich/02-lo-van-pom.docx Ngày sinh; "
            "Quê quán; Trú quán; Trình độ chuyên môn; Học hàm, học vị; Quyền hạn, nhiệm vụ"
            ) in first
    assert "So với lần lập trước" not in first
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    finished(app)
    assert "Không có gì thay đổi so với lần lập trước" in text(client.get("/lap-van-ban"))
    data = round_data()
    data["tables"]["individuals"][1]["rating"] = "Hoàn thành nhiệm vụ"  # Giàng A Páo
    write_round(project / "inputs" / BOOK, data, Catalog(DEFAULT_FORMS))
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    finished(app)
    page = text(client.get("/lap-van-ban"))
    assert ("So với lần lập trước Đề nghị Trước Nay Giàng A Páo (1990), Lao động tiên tiến "
            "đủ điều kiện, 710.000 đồng không đủ điều kiện") in page
    assert "Bản trước được giữ ở" in page


def test_generate_of_every_workbook_is_the_command_s(app, client, project, make_workbook):
    data = round_data()
    data["info"]["year"], data["info"]["sign_date"] = 2024, "05/12/2024"
    make_workbook(data, name="2024-hang-nam.xlsx")
    post(client, "/lap-van-ban")
    finished(app)
    page = text(client.get("/lap-van-ban"))
    assert "Đã lập xong từ 2 bảng tính." in page
    assert "Đợt 2024-hang-nam (2024-hang-nam.xlsx)" in page
    assert "Đợt 2025-hang-nam (2025-hang-nam.xlsx)" in page


def test_generate_of_a_workbook_with_errors_writes_nothing_and_locates_them(app, client, broken,
                                                                             project):
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    finished(app)
    page = text(client.get("/lap-van-ban"))
    assert "Có 1 lỗi trong bảng tính; chưa ghi văn bản nào." in page
    assert f"Lỗi {BOOK} Cá nhân 5 D (Năm sinh) 199O" in page
    assert f"Kiểm tra {BOOK}" in page
    assert not list((project / "outputs").rglob("*.docx"))


def test_a_broken_template_stops_generate_with_each_problem_named(tmp_path, project):
    forms = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, forms)
    edit(forms / TO_TRINH, "word/document.xml", "{{ tong_so }}", "{{ tong_so_moi }}")
    app = app_for(project, forms)
    client = signed_in(app)
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    finished(app)
    page = text(client.get("/lap-van-ban"))
    assert ("Mẫu văn bản bị lỗi: to-trinh-de-nghi-khen-thuong.docx; không văn bản nào được "
            "lập.") in page
    assert (f"{TO_TRINH} Lỗi đoạn 11 {{{{ tong_so_moi }}}} là biến không có trong dữ liệu"
            in page)
    assert not list((project / "outputs").rglob("*.docx"))


@pytest.fixture
def held(monkeypatch):
    """generate waits at its start until the test opens the gate."""
    gate = threading.Event()
    real = jobs.generate

    def waiting(*args, **kwargs):
        assert gate.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(jobs, "generate", waiting)
    yield gate
    gate.set()


@pytest.mark.spawns
def test_a_second_generate_while_one_runs_is_refused_by_the_command_s_lock(app, client, project,
                                                                          held):
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    running = text(client.get("/lap-van-ban"))
    assert "Đang lập văn bản — Chuẩn bị" in running
    assert '<meta http-equiv="refresh" content="1">' in client.get("/lap-van-ban").get_data(
        as_text=True)
    app.config["SITE"].job.progress = ("Lập văn bản 2025-hang-nam", 120, 2000)  # as told
    large = client.get("/lap-van-ban").get_data(as_text=True)
    assert "Đang lập văn bản — Lập văn bản 2025-hang-nam: 120/2.000" in large
    assert '<progress value="120" max="2000">' in large
    second = post(client, "/lap-van-ban", bang_tinh=BOOK)
    assert second.status_code == 409
    assert (f"Một lệnh khác đang ghi vào “{project / 'outputs'}”; hãy chờ lệnh đó xong rồi chạy "
            "lại.") in text(second)
    command = subprocess.run([sys.executable, "-m", "pipeline", "generate"], cwd=project,
                             capture_output=True, text=True, encoding="utf-8",
                             env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert command.returncode == 4
    assert "Một lệnh khác đang ghi vào “outputs”" in command.stderr
    held.set()
    assert finished(app).error is None
    assert (project / "outputs" / "2025-hang-nam" / TO_TRINH).is_file()


def test_generate_is_refused_while_a_command_holds_the_folder(client, project):
    (project / "outputs").mkdir()
    with _locked(project / "outputs"):  # this thread stands for a `generate` in a terminal
        refused = post(client, "/lap-van-ban", bang_tinh=BOOK)
    assert refused.status_code == 409
    assert "Một lệnh khác đang ghi vào" in text(refused)
    assert not list((project / "outputs").iterdir()) or \
        [p.name for p in (project / "outputs").iterdir()] == [".khenthuong.lock"]


@pytest.mark.parametrize("path", [
    "/tai/../inputs/2025-hang-nam.xlsx",
    "/tai/%2e%2e/inputs/2025-hang-nam.xlsx",
    "/tai/2025-hang-nam/../../inputs/2025-hang-nam.xlsx",
    "/tai/2025-hang-nam/../2025-hang-nam/to-trinh-de-nghi-khen-thuong.docx",  # ".." at all
    "/tai/2025-hang-nam/..%2F..%2Finputs%2F2025-hang-nam.xlsx",
    "/tai//etc/passwd",
    "/tai/2025-hang-nam\\..\\..\\inputs\\2025-hang-nam.xlsx",
    "/tai/C:/Windows/win.ini",
    "/tai/.khenthuong.lock",
    "/tai/loi-tat/2025-hang-nam.xlsx",
    "/tai/2025-hang-nam",
    "/tai-dot/..zip",
    "/tai-dot/%2e%2e.zip",
    "/tai-dot/loi-tat.zip",
])
def test_downloads_come_only_from_the_outputs_folder(app, client, project, path):
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    finished(app)
    (project / "outputs" / "loi-tat").symlink_to(project / "inputs")  # a link out of outputs/
    response = client.get(path)
    assert response.status_code in (404, 308), path
    assert b"PK" not in response.data[:2]
    if response.status_code == 404:
        assert "Không có" in text(response)


# --- the rules --------------------------------------------------------------------------------

def test_the_rules_page_is_quy_dinh(client):
    page = text(client.get("/quy-dinh?ngay=01/12/2026"))
    assert ("Quy định áp dụng cho quyết định ngày 01/12/2026: Luật Thi đua, khen thưởng 2022 và "
            "Nghị định số 152/2025/NĐ-CP") in page
    assert ("Mức lương cơ sở: 2.530.000 đồng, từ ngày 01/7/2026 (Nghị định 161/2026/NĐ-CP)."
            in page)
    assert "khenthuong quy-dinh --ngay 01/12/2026" in page
    today = text(client.get("/quy-dinh"))
    assert "Quy định áp dụng cho quyết định ngày" in today


def test_a_date_that_is_not_one_is_told_as_the_command_tells_it(client):
    response = client.get("/quy-dinh?ngay=31/02/2026")
    assert response.status_code == 400
    assert "“31/02/2026” không phải ngày; cần ngày/tháng/năm, ví dụ 01/12/2026." in text(response)


def test_an_unknown_page_is_vietnamese(client):
    response = client.get("/khong-co")
    assert response.status_code == 404 and "Không có trang này." in text(response)


# --- the command ------------------------------------------------------------------------------

@pytest.mark.spawns
def test_the_command_serves_on_loopback_with_a_token_and_stops_on_ctrl_c(project):
    process = subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "pipeline", "web",
                                "--no-browser"], cwd=project, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8",
                               env=os.environ | {"PYTHONPATH": str(ROOT)})
    try:
        first = process.stdout.readline()
        address = re.fullmatch(r"Trang khenthuong đang chạy tại "
                               r"(http://127\.0\.0\.1:(\d+)/\?token=([\w-]{32}))\n", first)
        assert address, first
        assert process.stdout.readline() == ("Hãy mở đường dẫn trên trong trình duyệt (Chrome, "
                                             "Edge, Firefox) trên máy này.\n")
        assert process.stdout.readline() == ("Để dừng: nhấn Ctrl+C trong cửa sổ này, hoặc đóng "
                                             "cửa sổ.\n")
        browser = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with browser.open(address[1], timeout=30) as page:
            assert page.url == f"http://127.0.0.1:{address[2]}/"
            assert BOOK in page.read().decode("utf-8")
        stranger = urllib.request.urlopen(f"http://127.0.0.1:{address[2]}/", timeout=30)
        pytest.fail(f"served without the token: {stranger.status}")
    except urllib.error.HTTPError as refused:
        assert refused.code == 403
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # faulthandler prints where each thread hangs
            process.send_signal(signal.SIGABRT)
            out, err = process.communicate(timeout=30)
            pytest.fail(f"still running 30 s after Ctrl+C; it printed {out!r}, {err!r}")
    assert process.returncode == 0, err
    assert out == "Đã dừng trang khenthuong.\n"


@pytest.mark.spawns
def test_the_command_outside_a_project_folder_says_where_it_looked(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pipeline", "web", "--no-browser"],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
                          env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert done.returncode == 2
    assert "Không có thư mục bảng tính “inputs”" in done.stderr
    assert "khenthuong web --inputs THƯ_MỤC" in done.stderr
