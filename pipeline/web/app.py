"""The page (`khenthuong web`): the workbooks of inputs/, check, generate and the rules in force,
through the same calls as the command line. Only the browser the command opened can use it: the
address carries a random token, which becomes a cookie; every POST carries it too and must come
from the page itself (Origin), and a request naming another host (DNS rebinding) is refused."""

from __future__ import annotations

import hmac
import io
import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from flask import Flask, abort, current_app, redirect, render_template, request, send_file, url_for
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..catalog import Catalog
from ..contexts import empty_parts
from ..errors import BrokenTemplates, InputError, KhenthuongError, OutputError, Problem, Severity
from ..law import rules_text
from ..main import RoundResult, check, find_workbooks
from ..marked import annotated_copy
from ..render import BAO_CAO
from ..rules import Assessment, Judgement, Verdict
from ..vn import number, short_date, sort_key, typed_date
from ..xlsx import carried, unit_of
from . import files
from .files import Refused
from .jobs import Generation

HOSTS = ("127.0.0.1", "localhost")
COOKIE = "khenthuong"
VERDICTS = {"du": Verdict.ELIGIBLE, "can-kiem-tra": Verdict.REVIEW, "khong-du": Verdict.INELIGIBLE}
KEPT_UPLOADS = 5  # dropped workbooks waiting for the clerk to say whether to replace a file


@dataclass
class Site:
    """What the page works on, and what it holds between two requests."""

    inputs: Path
    outputs: Path
    forms: Path
    token: str
    port: int | None = None  # the server's, once bound: a request for another is refused
    job: Generation | None = None
    waiting: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # id → name, bytes
    lock: threading.Lock = field(default_factory=threading.Lock)


def create_app(*, inputs: Path, outputs: Path, forms: Path, token: str | None = None) -> Flask:
    """The page's application; `app.config["SITE"]` holds its folders and token."""
    app = Flask(__name__)
    site = Site(inputs, outputs, forms, token or secrets.token_urlsafe(24))
    app.config.update(SITE=site, MAX_CONTENT_LENGTH=files.MAX_UPLOAD)
    app.jinja_env.filters.update(number=number, short_date=short_date, saved=_saved)
    app.jinja_env.globals.update(token=lambda: site.token, VERDICTS=VERDICTS)
    app.before_request(_guard)
    app.after_request(_sealed)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Refused, lambda err: _error_page(str(err), err.status))
    app.register_error_handler(KhenthuongError, lambda err: _error_page(str(err), 500))
    for rule, view, methods in ROUTES:
        app.add_url_rule(rule, view.__name__, view, methods=methods)
    return app


def _site() -> Site:
    return current_app.config["SITE"]


# --- who may ask ------------------------------------------------------------------------------

def _guard():
    """Refuse a request for another host, one without the token, and a POST not from the page;
    an address carrying the token sets the cookie and drops the token from the address bar."""
    site = _site()
    host, colon, port = request.host.rpartition(":")
    if not colon or not port.isdigit():
        host, port = request.host, ""
    if host not in HOSTS or (site.port is not None and port != str(site.port)):
        abort(421)
    given = request.args.get("token")
    if given is not None and request.method == "GET" and _same(given, site.token):
        response = redirect(request.path)
        response.set_cookie(_cookie_name(site), site.token, httponly=True, samesite="Strict")
        return response
    if not _same(request.cookies.get(_cookie_name(site), ""), site.token):
        return _error_page("Trang này chỉ mở được bằng đường dẫn mà lệnh “khenthuong web” in ra "
                           "trong cửa sổ lệnh (có mã truy cập); hãy mở lại đúng đường dẫn ấy.",
                           403)
    if request.method == "POST":
        origin = request.headers.get("Origin")
        if (origin is not None and origin != f"http://{request.host}") \
                or not _same(request.form.get("token", ""), site.token):
            return _error_page("Yêu cầu này không đến từ trang khenthuong nên bị từ chối.", 403)
    return None


def _sealed(response):
    """Nothing from elsewhere, no frame around the page, no address sent out, nothing cached."""
    response.headers.update({
        "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; "
                                   "form-action 'self'; base-uri 'none'",
        "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin", "Cache-Control": "no-store"})
    return response


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode(), token.encode())


def _cookie_name(site: Site) -> str:
    return f"{COOKIE}-{site.port}" if site.port else COOKIE  # two pages, two cookies


def _http_error(err: HTTPException):
    if isinstance(err, RequestEntityTooLarge):
        return _error_page(f"Tệp quá lớn: chỉ nhận bảng tính đến "
                           f"{number(files.MAX_UPLOAD // (1024 * 1024))} MB.", 413)
    messages = {404: "Không có trang này.", 405: "Không có trang này.",
                421: "Trang khenthuong chỉ mở bằng địa chỉ 127.0.0.1 của máy này.",
                500: "Lỗi của chương trình; chi tiết ở cửa sổ lệnh đang chạy khenthuong web."}
    return _error_page(messages.get(err.code, "Yêu cầu không hợp lệ."), err.code or 400)


def _error_page(message: str, status: int):
    return render_template("error.html", message=message), status


# --- the workbooks ----------------------------------------------------------------------------

def index():
    """The workbooks of inputs/, a place to drop one, and the last generate."""
    site = _site()
    try:
        workbooks, missing = find_workbooks(site.inputs), ""
    except KhenthuongError as err:
        workbooks, missing = [], str(err)
    return render_template("index.html", workbooks=workbooks, missing=missing, site=site,
                           job=site.job)


def upload():
    """Copy a dropped workbook into inputs/, then check it; ask before replacing a file."""
    site = _site()
    dropped = request.files.get("bang_tinh")
    if dropped is None or not dropped.filename:
        raise Refused("Chưa chọn tệp nào; hãy kéo bảng tính .xlsx vào khung hoặc bấm “Chọn "
                      "tệp”.")
    name = files.workbook_name(dropped.filename)
    data = dropped.read()
    if not files.looks_like_xlsx(data):
        raise Refused(f"“{name}” không phải bảng tính Excel .xlsx (nội dung không đúng định "
                      "dạng); hãy mở bằng Excel và lưu lại dạng .xlsx.")
    try:
        site.inputs.mkdir(parents=True, exist_ok=True)
        files.save_new(site.inputs, name, data)
    except FileExistsError:
        return _ask_to_replace(site, name, data)
    except OSError as err:
        raise OutputError(f"Không ghi được “{name}” vào thư mục “{site.inputs}”: "
                          f"{err.strerror or err}.") from err
    return redirect(url_for("check_page", name=name))


def _ask_to_replace(site: Site, name: str, data: bytes):
    key = secrets.token_urlsafe(12)
    with site.lock:
        site.waiting[key] = (name, data)
        while len(site.waiting) > KEPT_UPLOADS:
            del site.waiting[next(iter(site.waiting))]
    return render_template("replace.html", name=name, key=key,
                           spare=files.spare_name(site.inputs, name)), 409


def replace_answer():
    """The clerk's answer: replace the file, keep both under another name, or drop the new."""
    site = _site()
    with site.lock:
        name, data = site.waiting.pop(request.form.get("key", ""), (None, b""))
    if name is None:
        raise Refused("Tệp vừa chọn không còn được giữ; hãy chọn lại tệp.", 410)
    answer = request.form.get("answer")
    try:
        if answer == "ghi-de":
            files.replace(site.inputs, name, data)
        elif answer == "ten-khac":
            name = files.spare_name(site.inputs, name)
            files.save_new(site.inputs, name, data)
        else:
            return redirect(url_for("index"))
    except OSError as err:
        raise OutputError(f"Không ghi được “{name}” vào thư mục “{site.inputs}”: "
                          f"{err.strerror or err}.") from err
    return redirect(url_for("check_page", name=name))


def _saved(path: Path) -> str:
    """When a workbook was last saved: "05/12/2026 14:30"."""
    return datetime.fromtimestamp(path.stat().st_mtime).strftime("%d/%m/%Y %H:%M")


def _workbook(name: str) -> Path:
    """A workbook of inputs/ by its name; nothing outside that folder."""
    site = _site()
    try:
        found = {p.name: p for p in find_workbooks(site.inputs)}
    except KhenthuongError:
        found = {}
    if name not in found:
        raise Refused(f"Không có bảng tính “{name}” trong thư mục “{site.inputs}”.", 404)
    return found[name]


# --- check ------------------------------------------------------------------------------------

def check_page(name: str):
    """Every problem of a workbook in its place, or its proposals judged, to filter."""
    site = _site()
    path = _workbook(name)
    try:
        summary = check([path], forms=site.forms)
    except InputError as err:
        return render_template("check.html", name=name, problems=_ordered(err.problems),
                               result=None)
    result = summary.rounds[0]
    rows = _rows(result.assessment) if result.assessment else []
    chosen = {key: request.args.get(key, "") for key in ("ket_qua", "don_vi", "hinh_thuc")}
    shown = [r for r in rows if _matches(r, chosen)]
    return render_template("check.html", name=name, problems=_ordered(summary.warnings),
                           result=result, rows=shown, total=len(rows), chosen=chosen,
                           units=sorted({r.unit for r in rows}, key=sort_key),
                           awards=list(dict.fromkeys(r.award for r in rows)),
                           tally=_tally(result.assessment))


@dataclass(frozen=True)
class Row:
    """A proposal as the check page lists it."""

    judgement: Judgement
    unit: str
    award: str
    carried: str

    @property
    def verdict_key(self) -> str:
        return next(k for k, v in VERDICTS.items() if v is self.judgement.verdict)


def _rows(assessment: Assessment) -> list[Row]:
    granted = set(assessment.granted)
    return [Row(j, unit_of(j.proposal.subject, assessment), j.proposal.award.name,
                carried(j, granted)) for j in assessment.judgements]


def _matches(row: Row, chosen: dict[str, str]) -> bool:
    return ((not chosen["ket_qua"] or row.verdict_key == chosen["ket_qua"])
            and (not chosen["don_vi"] or row.unit == chosen["don_vi"])
            and (not chosen["hinh_thuc"] or row.award == chosen["hinh_thuc"]))


def _tally(assessment: Assessment | None) -> dict[Verdict, int]:
    if assessment is None:
        return {}
    return {v: sum(j.verdict is v for j in assessment.judgements) for v in Verdict}


def _ordered(problems) -> list[Problem]:
    """Errors first, each group in the order found."""
    return sorted(problems, key=lambda p: not p.is_error)


def marked_copy(name: str):
    """The workbook with each problem marked and each proposal's verdict beside its row, as
    check --xlsx makes it."""
    site = _site()
    path = _workbook(name)
    try:
        summary = check([path], forms=site.forms)
        problems = summary.warnings
        judgements = [j for r in summary.rounds if r.assessment for j in r.assessment.judgements]
    except InputError as err:
        problems, judgements = err.problems, None
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{path.stem}.kiem-tra.xlsx"
        annotated_copy(path, problems, target, Catalog(site.forms), judgements)
        data = target.read_bytes()
    return send_file(io.BytesIO(data), as_attachment=True, download_name=target.name,
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# --- generate ---------------------------------------------------------------------------------

def generate_start():
    """Start generate for one workbook of inputs/, or all of them as the command does."""
    site = _site()
    name = request.form.get("bang_tinh", "")
    workbooks = [_workbook(name)] if name else find_workbooks(site.inputs)
    try:
        job = Generation.start(workbooks, outputs=site.outputs, forms=site.forms,
                               pdf=request.form.get("pdf") == "1")
    except OutputError as err:
        return _error_page(str(err), 409)
    site.job = job
    return redirect(url_for("generate_page"))


def generate_page():
    """The running generate's progress (the page reloads itself), then what it wrote."""
    job = _site().job
    error = job.error if job is not None and not job.running else None
    return render_template(
        "generate.html", job=job, error=error,
        problems=_ordered(error.problems) if isinstance(error, InputError) else [],
        template_problems=error.problems if isinstance(error, BrokenTemplates) else [],
        unexpected=error is not None and not isinstance(error, KhenthuongError),
        left=_left_to_fill, folders=_folders, Severity=Severity,
        BAO_CAO=BAO_CAO)


def _left_to_fill(result: RoundResult) -> list[str]:
    """The báo cáo kết quả's parts the Thông tin sheet left empty, when it was written."""
    return empty_parts(result.round.info) if BAO_CAO.filename in result.written else []


def _folders(names: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """The files written, grouped by folder: the round's own first, then each subfolder."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name.rpartition("/")[0], []).append(name)
    return sorted(groups.items(), key=lambda group: group[0] != "")


def download(name: str):
    """A file of outputs/, shown by the browser when it can (PDF), else saved."""
    path = files.in_outputs(_site().outputs, name)
    return send_file(path, as_attachment=request.args.get("luu") == "1",
                     download_name=path.name, max_age=0)


def download_round(slug: str):
    """A round's folder as one .zip."""
    packed = files.round_zip(_site().outputs, slug)
    return send_file(packed, as_attachment=True, download_name=f"{slug}.zip",
                     mimetype="application/zip")


# --- the rules --------------------------------------------------------------------------------

def rules_page():
    """The rules in force for a decision signed on a day (`khenthuong quy-dinh`)."""
    typed = request.args.get("ngay", "").strip()
    try:
        day = typed_date(typed) if typed else date.today()
    except ValueError as err:
        return render_template("rules.html", typed=typed, text="", mistake=str(err)), 400
    text = rules_text(Catalog(_site().forms), day)
    return render_template("rules.html", typed=typed or short_date(day), text=text,
                           mistake="")


ROUTES = [
    ("/", index, ["GET"]),
    ("/bang-tinh", upload, ["POST"]),
    ("/bang-tinh/tra-loi", replace_answer, ["POST"]),
    ("/kiem-tra/<name>", check_page, ["GET"]),
    ("/kiem-tra/<name>/ban-danh-dau.xlsx", marked_copy, ["GET"]),
    ("/lap-van-ban", generate_start, ["POST"]),
    ("/lap-van-ban", generate_page, ["GET"]),
    ("/tai/<path:name>", download, ["GET"]),
    ("/tai-dot/<slug>.zip", download_round, ["GET"]),
    ("/quy-dinh", rules_page, ["GET"]),
]
