"""`khenthuong web` through Flask's test client: every page, every refusal, every error."""

from __future__ import annotations

import html
import http.cookiejar
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import round_data, write_round
from openpyxl import load_workbook
from test_templates import TO_TRINH, edit
from werkzeug.exceptions import BadRequest

from pipeline.catalog import DEFAULT_FORMS, Catalog
from pipeline.errors import KhenthuongError, OutputError
from pipeline.web import files, jobs, server
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
    assert re.findall(r"<summary>([^<]*)</summary>", client.get("/lap-van-ban").get_data(
        as_text=True)) == ["Văn bản của đợt — 9 tệp", "bao-cao-thanh-tich/ — 2 tệp"]
    assert "Tải cả đợt (.zip)" in page
    assert "Không lập" not in page  # the small round has a document of every kind
    assert "Sổ theo dõi khen thưởng (9 dòng, mọi đợt trong thư mục bảng tính)" in page
    opened = client.get(f"/tai/2025-hang-nam/{TO_TRINH}")
    assert opened.status_code == 200 and opened.data == (folder / TO_TRINH).read_bytes()
    assert opened.headers["Content-Disposition"] == f"inline; filename={TO_TRINH}"
    saved = client.get(f"/tai/2025-hang-nam/{TO_TRINH}?luu=1")
    assert saved.headers["Content-Disposition"] == f"attachment; filename={TO_TRINH}"
    whole = client.get("/tai-dot/2025-hang-nam.zip")
    assert whole.headers["Content-Disposition"] == "attachment; filename=2025-hang-nam.zip"
    assert whole.headers["Content-Type"] == "application/zip"
    packed = zipfile.ZipFile(io.BytesIO(whole.data))
    assert {i.compress_type for i in packed.infolist()} == {zipfile.ZIP_STORED}
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
    assert f'<tr class="error"><td>{TO_TRINH}</td><td>Lỗi</td>' in client.get(
        "/lap-van-ban").get_data(as_text=True)
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


# --- what every answer carries, and the pages of a fault --------------------------------------

def test_every_answer_carries_the_whole_seal(client):
    response = client.get("/")
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_a_fault_of_the_program_is_a_vietnamese_page_pointing_at_the_terminal(client,
                                                                           monkeypatch):
    def broken(*args):
        raise RuntimeError("hỏng")

    monkeypatch.setattr("pipeline.web.app.rules_text", broken)
    response = client.get("/quy-dinh?ngay=01/12/2026")
    assert response.status_code == 500
    assert ("Không thực hiện được Lỗi của chương trình; chi tiết ở cửa sổ lệnh đang chạy "
            "khenthuong web.") in text(response)


def test_a_request_the_page_cannot_answer_is_told_in_vietnamese(client, monkeypatch):
    wrong_method = client.get("/bang-tinh")
    assert wrong_method.status_code == 405 and "Không có trang này." in text(wrong_method)

    def refused(*args):
        raise BadRequest()

    monkeypatch.setattr("pipeline.web.app.rules_text", refused)
    response = client.get("/quy-dinh?ngay=01/12/2026")
    assert response.status_code == 400 and "Yêu cầu không hợp lệ." in text(response)


# --- the workbooks, more ----------------------------------------------------------------------

def test_the_first_page_says_when_each_workbook_was_saved_and_its_size(client, project):
    book = project / "inputs" / BOOK
    saved = datetime(2026, 12, 5, 14, 30).timestamp()
    os.utime(book, (saved, saved))
    page = text(client.get("/"))
    assert f"{BOOK} 05/12/2026 14:30 {book.stat().st_size // 1024} KB Kiểm tra" in page


def test_a_project_without_its_inputs_folder_says_so_and_finds_no_workbook(tmp_path):
    client = signed_in(app_for(tmp_path))
    page = text(client.get("/"))
    assert f"Không có thư mục “{tmp_path / 'inputs'}”." in page
    assert "Lập văn bản tất cả" not in page
    missing = client.get(f"/kiem-tra/{BOOK}")
    assert missing.status_code == 404
    assert f"Không có bảng tính “{BOOK}” trong thư mục “{tmp_path / 'inputs'}”." in text(missing)


def test_the_first_page_points_at_the_last_generate_running_then_done(app, client, held):
    assert "Lần lập văn bản gần nhất" not in text(client.get("/"))
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    assert "Lần lập văn bản gần nhất: đang chạy" in text(client.get("/"))
    assert "Đang lập văn bản — Chuẩn bị Trang tự cập nhật." in text(client.get("/lap-van-ban"))
    held.set()
    finished(app)
    page = client.get("/")
    assert "Lần lập văn bản gần nhất: xem kết quả" in text(page)
    assert '<a href="/lap-van-ban">xem kết quả</a>' in page.get_data(as_text=True)


def test_a_drop_makes_the_inputs_folder_when_there_is_none(tmp_path, project):
    data = (project / "inputs" / BOOK).read_bytes()
    inputs = tmp_path / "moi" / "bang-tinh"
    client = signed_in(create_app(inputs=inputs, outputs=tmp_path / "outputs",
                                  forms=DEFAULT_FORMS, token=TOKEN))
    response = upload(client, data, BOOK)
    assert response.status_code == 302 and response.headers["Location"] == f"/kiem-tra/{BOOK}"
    assert (inputs / BOOK).read_bytes() == data


def test_a_drop_that_cannot_be_written_names_the_file_and_the_folder(tmp_path, project):
    (tmp_path / "tep").write_text("không phải thư mục")
    inputs = tmp_path / "tep" / "inputs"
    client = signed_in(create_app(inputs=inputs, outputs=tmp_path / "outputs",
                                  forms=DEFAULT_FORMS, token=TOKEN))
    response = upload(client, (project / "inputs" / BOOK).read_bytes(), BOOK)
    assert response.status_code == 500
    assert f"Không ghi được “{BOOK}” vào thư mục “{inputs}”: Not a directory." in text(response)


def test_a_replace_that_cannot_be_written_names_the_file_and_the_folder(client, project,
                                                                        monkeypatch):
    response = upload(client, (project / "inputs" / BOOK).read_bytes(), BOOK)
    key = re.search(r'name="key" value="([^"]+)"', response.get_data(as_text=True))[1]

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "replace", full)
    refused = post(client, "/bang-tinh/tra-loi", key=key, answer="ghi-de")
    assert refused.status_code == 500
    assert (f"Không ghi được “{BOOK}” vào thư mục “{project / 'inputs'}”: No space left on "
            "device.") in text(refused)


def test_only_the_last_five_dropped_workbooks_wait_for_an_answer(client, project):
    data = (project / "inputs" / BOOK).read_bytes()
    keys = [re.search(r'name="key" value="([^"]+)"', upload(client, data, BOOK).get_data(
        as_text=True))[1] for _ in range(6)]
    assert post(client, "/bang-tinh/tra-loi", key=keys[0], answer="ghi-de").status_code == 410
    assert post(client, "/bang-tinh/tra-loi", key=keys[1], answer="ghi-de").status_code == 302
    assert post(client, "/bang-tinh/tra-loi", answer="ghi-de").status_code == 410  # no key


def test_a_replaced_workbook_is_written_beside_as_a_hidden_tam_file_then_renamed(client, project,
                                                                                 monkeypatch):
    response = upload(client, (project / "inputs" / BOOK).read_bytes(), BOOK)
    key = re.search(r'name="key" value="([^"]+)"', response.get_data(as_text=True))[1]
    seen = []
    real = os.replace

    def replace(source, target):
        seen.append(sorted(p.name for p in (project / "inputs").iterdir()))
        real(source, target)

    monkeypatch.setattr(files.os, "replace", replace)
    post(client, "/bang-tinh/tra-loi", key=key, answer="ghi-de")
    [(first, second)] = seen
    assert second == BOOK
    assert re.fullmatch(r"\.khenthuong-\w+\.tam", first), first
    assert BOOK not in text(client.get("/")).replace(f"{BOOK} ", "", 1)  # listed once, not twice


@pytest.mark.parametrize("name, kept", [
    ("Bao cao.XLSX", "Bao cao.XLSX"),
    ("  2026-hang-nam.xlsx ", "2026-hang-nam.xlsx"),
    ("Ba\u0309ng ti\u0301nh.xlsx", "Bảng tính.xlsx"),  # as a Mac sends it: decomposed
    ("a" * 145 + ".xlsx", "a" * 145 + ".xlsx"),
])
def test_a_dropped_name_is_kept_as_windows_and_excel_show_it(client, project, name, kept):
    response = upload(client, (project / "inputs" / BOOK).read_bytes(), name)
    assert response.status_code == 302, name
    assert kept in [p.name for p in (project / "inputs").iterdir()]


@pytest.mark.parametrize("name", [".an.xlsx", "a" * 146 + ".xlsx", "bao|cao.xlsx"])
def test_a_name_windows_or_excel_would_hide_or_refuse_is_not_taken(client, project, name):
    response = upload(client, (project / "inputs" / BOOK).read_bytes(), name)
    assert response.status_code == 400
    assert (f"Tên tệp “{name}” không dùng được; hãy đổi tên tệp (chỉ chữ, số, dấu gạch) rồi "
            "chọn lại.") in text(response)
    assert [p.name for p in (project / "inputs").iterdir()] == [BOOK]


# --- check, more ------------------------------------------------------------------------------

def test_errors_are_listed_before_warnings_whatever_the_order_found(client, project):
    data = round_data()
    data["tables"]["individuals"][0]["name"] = "LÒ VĂN PỌM"  # row 4: a warning
    data["tables"]["individuals"][1]["birth_year"] = "199O"  # row 5: an error
    write_round(project / "inputs" / BOOK, data, Catalog(DEFAULT_FORMS))
    page = text(client.get(f"/kiem-tra/{BOOK}"))
    assert "Có 1 lỗi trong bảng tính; chưa xét đề nghị nào." in page
    assert (f"Cần sửa Lỗi {BOOK} Cá nhân 5 D (Năm sinh) 199O “199O” không phải năm hợp lệ; cần "
            f"năm có 4 chữ số, ví dụ 1985. Cảnh báo {BOOK} Cá nhân 4 B (Họ và tên) LÒ VĂN PỌM tên "
            "“LÒ VĂN PỌM” viết toàn chữ hoa; văn bản sẽ ghi “Lò Văn Pọm”.") in page


def test_a_workbook_with_warnings_only_is_judged_and_says_how_many(client, project):
    data = round_data()
    data["tables"]["individuals"][0]["name"] = "LÒ VĂN PỌM"
    write_round(project / "inputs" / BOOK, data, Catalog(DEFAULT_FORMS))
    page = text(client.get(f"/kiem-tra/{BOOK}"))
    assert "Không có lỗi; 1 cảnh báo nên xem lại." in page
    assert "9 / 9 đề nghị" in page


def test_the_filters_list_units_in_vietnamese_order_and_awards_as_found(client, project):
    data = round_data()
    data["tables"]["collectives"].append({"name": "Đội Kiểm tra", "votes": 9,
                                          "rating": "Hoàn thành tốt nhiệm vụ"})
    data["tables"]["individuals"].append({
        "name": "Ưng Văn Ơn", "sex": "Nam", "birth_year": 1985, "position": "Đội trưởng",
        "unit": "Đội Kiểm tra", "rating": "Hoàn thành tốt nhiệm vụ",
        "title": "Lao động tiên tiến", "votes": 9})
    write_round(project / "inputs" / BOOK, data, Catalog(DEFAULT_FORMS))
    response = client.get(f"/kiem-tra/{BOOK}?don_vi=%C4%90%E1%BB%99i+Ki%E1%BB%83m+tra")
    page = response.get_data(as_text=True)

    def options(select: str) -> list[str]:
        found = re.search(rf'<select name="{select}">(.*?)</select>', page, re.S)[1]
        return re.findall(r"<option[^>]*>([^<]+)</option>", found)

    assert options("don_vi") == ["tất cả", "Đội Kiểm tra", "Phòng Kinh tế", "Trung tâm Thông tin",
                                 "Văn phòng Ủy ban nhân dân tỉnh Sơn La"]
    assert "<option selected>Đội Kiểm tra</option>" in page
    assert options("hinh_thuc") == [
        "tất cả", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Giấy khen của Chánh Văn phòng",
        "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Tập thể lao động tiên tiến"]
    assert "1 / 10 đề nghị" in text(response)
    assert "Ưng Văn Ơn (1985) Đội Kiểm tra Lao động tiên tiến đủ điều kiện" in text(response)


def test_the_marked_copy_of_a_clean_workbook_carries_each_verdict_beside_its_row(client):
    response = client.get(f"/kiem-tra/{BOOK}/ban-danh-dau.xlsx")
    assert response.headers["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.data))["Cá nhân"]
    assert [c.value for c in sheet[3]][-4:] == [
        "Kết quả thẩm định danh hiệu", "Lý do (danh hiệu)", "Kết quả thẩm định hình thức",
        "Lý do (hình thức)"]
    assert [sheet[6][-4].value, sheet[6][-2].value] == ["đủ điều kiện", "không đủ điều kiện"]


# --- the command, in this process -------------------------------------------------------------

class Waitress:
    """waitress's server as serve() uses it: bound to port 8123, stopped by Ctrl+C at once."""

    def __init__(self, app, **options):
        self.app, self.options, self.closed = app, options, False
        self.effective_port = 8123
        self.during = []

    def run(self):
        browser = self.app.test_client()
        opened = browser.get(f"/?token={self.app.config['SITE'].token}",
                             headers={"Host": "127.0.0.1:8123"})
        self.during.append(opened.headers["Set-Cookie"].split("=")[0])
        self.during.append(browser.get("/", headers={"Host": "127.0.0.1:8000"}).status_code)
        raise KeyboardInterrupt

    def close(self):
        self.closed = True


@pytest.fixture
def waitress(monkeypatch):
    made = []

    def create_server(app, **options):
        made.append(Waitress(app, **options))
        return made[0]

    monkeypatch.setattr(server, "create_server", create_server)
    return made


@pytest.mark.parametrize("browser, opens, told", [
    (True, True, "Đã mở trang trong trình duyệt. Chỉ trình duyệt trên máy này, mở bằng đường dẫn "
                 "trên, dùng được trang."),
    (True, False, "Hãy mở đường dẫn trên trong trình duyệt (Chrome, Edge, Firefox) trên máy này."),
    (False, True, "Hãy mở đường dẫn trên trong trình duyệt (Chrome, Edge, Firefox) trên máy này."),
], ids=["opened", "no-browser-found", "no-browser-asked"])
def test_serve_prints_the_address_opens_the_browser_and_says_it_stopped(project, waitress,
                                                                        monkeypatch, browser,
                                                                        opens, told):
    asked = []
    monkeypatch.setattr(server.webbrowser, "open", lambda address: asked.append(address) or opens)
    said = []
    server.serve(inputs=project / "inputs", outputs=project / "outputs", forms=DEFAULT_FORMS,
                 say=said.append, **({} if browser else {"browser": False}))  # opens by default
    [served] = waitress
    site = served.app.config["SITE"]
    assert (site.inputs, site.outputs, site.forms) == (
        project / "inputs", project / "outputs", DEFAULT_FORMS)
    assert served.options == {"host": "127.0.0.1", "port": 0, "threads": 4,
                              "ident": "khenthuong", "max_request_body_size": 200 * 1024 * 1024}
    address = re.fullmatch(r"Trang khenthuong đang chạy tại "
                           r"(http://127\.0\.0\.1:8123/\?token=[\w-]{32})", said[0])
    assert address, said[0]
    assert asked == ([address[1]] if browser else [])
    assert said[1:] == [told, "Để dừng: nhấn Ctrl+C trong cửa sổ này, hoặc đóng cửa sổ.",
                        "Đã dừng trang khenthuong."]
    assert served.during == ["khenthuong-8123", 421]  # its port, its cookie, no other port
    assert served.closed


def test_serve_on_a_busy_port_says_to_choose_another(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(KhenthuongError) as refused:
            server.serve(inputs=project / "inputs", outputs=project / "outputs",
                         forms=DEFAULT_FORMS, port=port, browser=False, say=print)
    assert str(refused.value) == (f"Không mở được cổng {port} trên máy này (Address already in "
                                  "use); hãy chọn cổng khác, hoặc bỏ --port để dùng một cổng còn "
                                  "trống.")


# --- who may ask, more ------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["localhost:abc", "127.0.0.1:"])
def test_a_host_with_a_port_that_is_not_a_number_is_refused(client, host):
    assert client.get("/", headers={"Host": host}).status_code == 421


def test_a_post_from_the_page_without_an_origin_header_is_taken_on_its_token(client):
    answered = client.post("/bang-tinh/tra-loi", data={"token": TOKEN, "key": "khong-co"})
    assert answered.status_code == 410  # past the guard: no Origin is not a foreign one
    assert "Tệp vừa chọn không còn được giữ; hãy chọn lại tệp." in text(answered)


def test_the_first_page_shows_no_alert_when_workbooks_are_found(client):
    assert 'class="alert' not in client.get("/").get_data(as_text=True)


# --- check, a round before any rules ----------------------------------------------------------

def test_a_round_no_rules_cover_is_read_as_history_only(client, project):
    data = round_data()
    data["info"]["year"], data["info"]["sign_date"] = 2012, "05/12/2012"
    data["tables"]["history"] = []
    write_round(project / "inputs" / BOOK, data, Catalog(DEFAULT_FORMS))
    response = client.get(f"/kiem-tra/{BOOK}")
    assert response.status_code == 200
    assert ("Không có lỗi nào trong bảng tính. Đợt 2012-hang-nam Ngày quyết định 05/12/2012: chưa "
            "có quy định nào trong forms/rules cho ngày này, nên bảng tính chỉ dùng làm lịch sử "
            "cho các đợt sau.") in text(response)


# --- generate, what the page says of each end -------------------------------------------------

@pytest.fixture
def stopped(monkeypatch):
    """generate replaced by one that notes how it was asked, then fails as told."""
    asked = []

    def stop(error):
        def generate(workbooks, **options):
            asked.append((tuple(p.name for p in workbooks), options["pdf"]))
            raise error
        monkeypatch.setattr(jobs, "generate", generate)

    stop.asked = asked
    return stop


def test_the_pdf_box_asks_generate_for_pdfs(app, client, stopped):
    stopped(KhenthuongError("Đã dừng để thử."))
    post(client, "/lap-van-ban", bang_tinh=BOOK, pdf="1")
    finished(app)
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    finished(app)
    assert stopped.asked == [((BOOK,), True), ((BOOK,), False)]
    page = client.get("/lap-van-ban").get_data(as_text=True)
    assert '<p class="alert error" role="alert">Đã dừng để thử.</p>' in page


def test_a_fault_inside_generate_is_told_as_the_program_s_with_its_words(app, client, stopped,
                                                                          capsys):
    stopped(RuntimeError("hỏng giữa chừng"))
    post(client, "/lap-van-ban")
    assert finished(app).error is not None
    assert stopped.asked == [((BOOK,), False)]
    page = text(client.get("/lap-van-ban"))
    assert ("Lỗi của chương trình (RuntimeError: hỏng giữa chừng); chi tiết ở cửa sổ lệnh đang "
            "chạy khenthuong web. Không văn bản nào được ghi.") in page
    assert "RuntimeError: hỏng giữa chừng" in capsys.readouterr().err  # the trace, in the terminal


# --- the rules, more --------------------------------------------------------------------------

def test_the_rules_page_opens_on_today(client, monkeypatch):
    class Today(date):
        @classmethod
        def today(cls):
            return date(2026, 7, 1)

    monkeypatch.setattr("pipeline.web.app.date", Today)
    response = client.get("/quy-dinh")
    page = text(response)
    assert 'value="01/7/2026"' in response.get_data(as_text=True)
    assert "Quy định áp dụng cho quyết định ngày 01/7/2026" in page
    assert "khenthuong quy-dinh --ngay 01/7/2026" in page
    assert "Mức lương cơ sở: 2.530.000 đồng" in page
    assert 'role="alert"' not in response.get_data(as_text=True)


def test_a_typed_date_is_read_without_its_spaces(client):
    response = client.get("/quy-dinh?ngay=+01/12/2026+")
    assert 'value="01/12/2026"' in response.get_data(as_text=True)
    assert "Quy định áp dụng cho quyết định ngày 01/12/2026" in text(response)


def test_a_wrong_date_stays_in_the_box_and_no_rules_are_shown(client):
    response = client.get("/quy-dinh?ngay=31/02/2026")
    page = response.get_data(as_text=True)
    assert 'value="31/02/2026"' in page
    assert "khenthuong quy-dinh --ngay 31/02/2026" in text(response)
    assert 'class="rules"' not in page


# --- files: what is written, what is served ---------------------------------------------------

def test_a_replace_refused_at_the_rename_leaves_the_old_workbook_and_no_stray_file(client, project,
                                                                                   monkeypatch):
    old = (project / "inputs" / BOOK).read_bytes()
    response = upload(client, old + b"moi", BOOK)
    key = re.search(r'name="key" value="([^"]+)"', response.get_data(as_text=True))[1]

    def open_in_excel(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", open_in_excel)
    refused = post(client, "/bang-tinh/tra-loi", key=key, answer="ghi-de")
    assert refused.status_code == 500
    assert (f"Không ghi được “{BOOK}” vào thư mục “{project / 'inputs'}”: Permission denied."
            in text(refused))
    assert [p.name for p in (project / "inputs").iterdir()] == [BOOK]
    assert (project / "inputs" / BOOK).read_bytes() == old


@pytest.mark.parametrize("name", [".khenthuong.lock", ".khenthuong-dang-ghi/to-trinh.docx",
                                  "2025-hang-nam/a:b.docx", "2025-hang-nam/a\\b.docx"])
def test_the_tool_s_own_files_and_names_windows_reads_otherwise_are_not_served(client, project,
                                                                             name):
    path = project / "outputs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK\x03\x04")
    response = client.get(f"/tai/{name}")
    assert response.status_code == 404
    assert "Không có tệp này trong thư mục kết quả." in text(response)


def test_a_link_inside_a_round_folder_is_left_out_of_its_zip(app, client, project):
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    finished(app)
    (project / "outputs" / "2025-hang-nam" / "bang-tinh.xlsx").symlink_to(
        project / "inputs" / BOOK)
    names = zipfile.ZipFile(io.BytesIO(client.get("/tai-dot/2025-hang-nam.zip").data)).namelist()
    assert "2025-hang-nam/to-trinh-de-nghi-khen-thuong.docx" in names
    assert "2025-hang-nam/bang-tinh.xlsx" not in names


# --- generate, the outputs folder -------------------------------------------------------------

def test_generate_makes_an_outputs_folder_whose_parent_is_missing(tmp_path, project):
    outputs = tmp_path / "ket-qua" / "nam-2025"
    app = create_app(inputs=project / "inputs", outputs=outputs, forms=DEFAULT_FORMS,
                     token=TOKEN)
    client = signed_in(app)
    assert post(client, "/lap-van-ban", bang_tinh=BOOK).status_code == 302
    assert finished(app).error is None
    assert (outputs / "2025-hang-nam" / TO_TRINH).is_file()


def test_generate_into_a_folder_that_cannot_be_made_is_refused_with_the_reason(tmp_path,
                                                                              project):
    (tmp_path / "tep").write_text("không phải thư mục")
    outputs = tmp_path / "tep" / "outputs"
    client = signed_in(create_app(inputs=project / "inputs", outputs=outputs,
                                  forms=DEFAULT_FORMS, token=TOKEN))
    refused = post(client, "/lap-van-ban", bang_tinh=BOOK)
    assert refused.status_code == 409
    assert f"Không ghi được vào thư mục “{outputs}”: Not a directory." in text(refused)


def test_a_write_error_during_generate_is_told_as_it_is(app, client, stopped):
    stopped(OutputError("Không ghi được vào thư mục “outputs”: ổ đĩa đầy."))
    post(client, "/lap-van-ban", bang_tinh=BOOK)
    assert isinstance(finished(app).error, OutputError)
    page = client.get("/lap-van-ban").get_data(as_text=True)
    assert ('<p class="alert error" role="alert">Không ghi được vào thư mục “outputs”: ổ đĩa '
            "đầy.</p>") in page
