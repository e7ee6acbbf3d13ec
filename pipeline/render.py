"""Fill the Word templates of forms/ and make the round's files; return each file's bytes."""

from __future__ import annotations

import io
import multiprocessing
import multiprocessing.connection
import os
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from markupsafe import Markup, escape

from .contexts import (
    REPORT_FORMS,
    achievement_reports,
    bao_cao,
    bien_ban,
    danh_sach,
    decided,
    quyet_dinh_danh_hieu,
    quyet_dinh_giay_khen,
    to_trinh,
)
from .errors import TemplateError
from .model import Round
from .ooxml import Deflated, core_properties, package, stable_zip
from .rules import Assessment
from .xlsx import money_xlsx, verdicts_xlsx

_FILLING = (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError,
            AttributeError)


def _filling_reason(err: Exception) -> str:
    """Say in Vietnamese what stopped a template being filled."""
    if isinstance(err, ZeroDivisionError):
        return "một thẻ chia cho 0; hãy sửa phép tính trong thẻ"
    return f"một thẻ không tính được với dữ liệu của đợt ({type(err).__name__}); hãy xem lại " \
           "phép tính hoặc bộ lọc trong thẻ"


@dataclass(frozen=True)
class Output:
    """Files of the round's set: how they are made, when the round needs them, and why not."""

    filename: str  # the file, or the folder of one file per nominee
    make: Callable[[Assessment, Path], dict[str, bytes]]
    needed: Callable[[Assessment], bool]
    absent: str  # what the summary says when the round has nothing for it


@dataclass(frozen=True)
class Document:
    """A Word document of the set: its template (same name in forms/) and what fills it."""

    filename: str
    build: Callable[[Assessment], dict]
    title: str

    def make(self, assessment: Assessment, forms: Path) -> dict[str, bytes]:
        return {self.filename: render(forms / self.filename, self.build(assessment),
                                      title=self.title, round_=assessment.round)}


PARALLEL_FROM = 2000  # proposals: below this, starting processes costs more than it saves


def render_round(assessment: Assessment, forms: Path,
                 made: Callable[[int, int], None] = lambda done, total: None) -> dict[str, bytes]:
    """Make every file the round has something to say in; file name → bytes. `made` hears how
    many of the round's outputs are done, of how many, as each is finished.

    A large round is made on every core, a file per task; the bytes are the same."""
    needed = [i for i, out in enumerate(OUTPUTS) if out.needed(assessment)]
    workers = min(os.cpu_count() or 1, len(needed))
    done: dict[int, dict[str, bytes]] = {}
    made(0, len(needed))
    if workers < 2 or len(assessment.judgements) < PARALLEL_FROM:
        for i in needed:
            done[i] = OUTPUTS[i].make(assessment, forms)
            made(len(done), len(needed))
    else:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_share,
                                 initargs=(assessment, forms)) as pool:
            tasks = {pool.submit(_make, i): i for i in
                     sorted(needed, key=lambda i: _LONGEST_FIRST.get(OUTPUTS[i].filename, 99))}
            for task in as_completed(tasks):
                done[tasks[task]] = task.result()
                made(len(done), len(needed))
    files: dict[str, bytes] = {}
    for i in needed:
        files |= done[i]
    return files


# the files that take longest on a province round (benchmarks/run.py), started first so that
# the cores finish together
_LONGEST_FIRST = {name: rank for rank, name in enumerate((
    "ket-qua-tham-dinh.xlsx", "bao-cao-thanh-tich/", "bien-ban-hop-hoi-dong.docx",
    "quyet-dinh-danh-hieu.docx", "tong-hop-kinh-phi.xlsx"))}
_shared: tuple[Assessment, Path] | None = None


def _share(assessment: Assessment, forms: Path) -> None:
    """Give a worker process the round (inherited, not copied, where the system forks), and
    let it end with its parent: a run killed while rendering leaves no worker behind."""
    global _shared
    _shared = (assessment, forms)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_die_with, args=(parent.sentinel,), daemon=True).start()


def _die_with(sentinel: int) -> None:
    """Wait until the parent process ends, then end this one at once."""
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _make(index: int) -> dict[str, bytes]:
    return OUTPUTS[index].make(*_shared)


def reports(assessment: Assessment, forms: Path) -> dict[str, bytes]:
    """One báo cáo thành tích per proposal sent up, each on its form."""
    return {name: render(forms / template, context, title="Báo cáo thành tích",
                         round_=assessment.round)
            for name, template, context in achievement_reports(assessment)}


def skipped(assessment: Assessment) -> list[tuple[str, str]]:
    """Name the files a round has nothing to say in, and why."""
    return [(out.filename, out.absent) for out in OUTPUTS if not out.needed(assessment)]


def render(template: Path, context: dict, *, title: str, round_: Round) -> bytes:
    """Fill one template strictly (autoescape; an undefined variable is an error)."""
    if not template.is_file():
        raise TemplateError(template.name, "không tìm thấy tệp mẫu trong thư mục forms")
    stat = template.stat()
    return _compiled(template, stat.st_mtime_ns, stat.st_size).fill(
        context, title=title, day=round_.info.decision_date)


@lru_cache(maxsize=32)
def _compiled(path: Path, mtime_ns: int, size: int) -> CompiledTemplate:
    """One compiled template per file version (a clerk may edit forms/ between runs)."""
    return CompiledTemplate(path)


def environment() -> jinja2.Environment:
    """Jinja as the templates are filled: values escaped, an undefined variable an error, and
    each value's year ranges kept on one line."""
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                              finalize=unbroken_ranges)


_YEAR_RANGE = re.compile(r"(?<=\b\d{4})-(?=\d{4}\b)")
NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


def unbroken_ranges(value: object) -> object:
    """A value as it goes into the text of a run: the hyphen of a year range ("2021-2025")
    becomes Word's non-breaking hyphen, so that the range never breaks across two lines. The
    data and the templates stay plain text; every {{ }} of a template stands in a <w:t>."""
    if value.__class__ is str and "-" in value and _YEAR_RANGE.search(value):
        return Markup(_YEAR_RANGE.sub(NO_BREAK_HYPHEN, str(escape(value))))
    return value


# docxtpl features whose output needs its own post-processing (column fixing, picture ids):
# templates using them are filled by docxtpl itself, slower but the same.
_NEEDS_DOCXTPL = re.compile(r"\{%\s*(tc|colspan|cellbg|vm|hm)\b|docPr|\{\{\s*r\s|\{%\s*r\s")
_PARTS = re.compile(r"word/(header|footer)\d*\.xml")


class CompiledTemplate:
    """A template prepared once — patched by docxtpl's rules, compiled by Jinja — and then
    filled many times; the result is the document docxtpl would make, without re-reading and
    re-parsing the package for every document."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with zipfile.ZipFile(path) as package_:
                self.entries = [(e.filename, package_.read(e)) for e in package_.infolist()]
        except (zipfile.BadZipFile, OSError) as err:
            raise TemplateError(path.name, "tệp không phải văn bản Word .docx hợp lệ") from err
        parts = dict(self.entries)
        self.unchanged = {name: Deflated.of(data) for name, data in self.entries}  # zipped once
        if "word/document.xml" not in parts:
            raise TemplateError(path.name, "thiếu phần nội dung word/document.xml")
        document = parts["word/document.xml"].decode("utf-8", errors="replace")
        body = re.search(r"(<w:body[^>]*>)(.*)(</w:body>)", document, flags=re.DOTALL)
        if body is None:
            raise TemplateError(path.name, "thiếu phần thân văn bản (w:body)")
        self.head, self.tail = document[:body.start(2)], document[body.end(2):]
        sources = {"word/document.xml": body.group(2)}
        sources |= {name: data.decode("utf-8") for name, data in self.entries
                    if _PARTS.fullmatch(name) and b"{" in data}
        self.docxtpl = DocxTemplate(path)  # for its XML clean-up rules, not to load the package
        self.slow = any(_NEEDS_DOCXTPL.search(text) for text in sources.values())
        env = environment()
        try:
            # docxtpl puts a line break before each paragraph for its error messages and takes
            # it out after filling; leaving it out gives the same document
            self.templates = {name: env.from_string(self.docxtpl.patch_xml(text))
                              for name, text in sources.items()}
        except jinja2.TemplateSyntaxError as err:
            raise TemplateError(path.name, f"thẻ sai cú pháp ({err.message})") from err

    def fill(self, context: dict, *, title: str, day: date) -> bytes:
        try:
            return self._fill_any(context, title=title, day=day)
        except _FILLING as err:  # what a clerk's tag can do: {{ nam // 0 }}, {% include %}
            raise TemplateError(self.path.name, _filling_reason(err)) from err

    def _fill_any(self, context: dict, *, title: str, day: date) -> bytes:
        if self.slow:
            return render_with_docxtpl(self.path, context, title=title, day=day)
        try:
            return self._fill(context, title=title, day=day, stream=True)
        except _WholeText:
            return self._fill(context, title=title, day=day, stream=False)

    def _fill(self, context: dict, *, title: str, day: date, stream: bool) -> bytes:
        """Fill every part; with `stream`, the body goes straight into the zip chunk by chunk
        (a 20.000-row list never stands whole in memory), unless a value holds a line break
        or a tab, which docxtpl's clean-up needs the whole text for."""
        filled: dict[str, object] = {"docProps/core.xml": core_properties(title, day)}
        for name, template in self.templates.items():
            if name == "word/document.xml" and stream:
                filled[name] = self._chunks(template, context)
            else:
                xml = self._render(template, context)
                if name == "word/document.xml":
                    xml = self.head + xml + self.tail
                filled[name] = xml.encode("utf-8")
        return package((name, filled[name] if name in filled else self.unchanged[name])
                       for name, _ in self.entries)

    def _chunks(self, template: jinja2.Template, context: dict) -> Iterator[bytes]:
        """The body in pieces of about a megabyte."""
        yield self.head.encode("utf-8")
        batch, size = [], 0
        try:
            for chunk in template.generate(context):
                batch.append(chunk)
                size += len(chunk)
                if size > 1 << 20:
                    yield _streamable("".join(batch))
                    batch, size = [], 0
        except jinja2.UndefinedError as err:
            raise TemplateError(self.path.name,
                                f"biến không có trong dữ liệu ({err.message})") from err
        yield _streamable("".join(batch))
        yield self.tail.encode("utf-8")

    def _render(self, template: jinja2.Template, context: dict) -> str:
        try:
            xml = template.render(context)
        except jinja2.UndefinedError as err:
            raise TemplateError(self.path.name,
                                f"biến không có trong dữ liệu ({err.message})") from err
        if "{_" in xml or "_}" in xml:  # docxtpl's escaped braces
            xml = (xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
                   .replace("%_}", "%}"))
        if _needs_listing(xml):
            xml = self.docxtpl.resolve_listing(xml)
        return xml


def _streamable(xml: str) -> bytes:
    """A piece of the body as it goes into the zip, unless it needs docxtpl's clean-up, which
    takes the whole text."""
    if _needs_listing(xml) or "{_" in xml or "_}" in xml:
        raise _WholeText
    return xml.encode("utf-8")


class _WholeText(Exception):
    """A value needs docxtpl's line-break clean-up: fill again without streaming."""


def _needs_listing(xml: str) -> bool:
    """A line break, tab, new paragraph (\\a) or page break (\\f) in a value, which docxtpl's
    resolve_listing turns into Word's own (four substring tests: faster than a regex on a long
    body)."""
    return "\n" in xml or "\t" in xml or "\a" in xml or "\f" in xml


def render_with_docxtpl(template: Path, context: dict, *, title: str, day: date) -> bytes:
    """Fill a template the plain docxtpl way: the reference the fast path is tested against."""
    env = environment()
    try:
        doc = DocxTemplate(template)
        doc.render(context, jinja_env=env, autoescape=True)
    except jinja2.TemplateSyntaxError as err:
        raise TemplateError(template.name, f"thẻ sai cú pháp ({err.message})") from err
    except jinja2.UndefinedError as err:
        raise TemplateError(template.name, f"biến không có trong dữ liệu ({err.message})") from err
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise TemplateError(template.name, "tệp không phải văn bản Word .docx hợp lệ") from err
    stamp = datetime.combine(day, time())
    props = doc.docx.core_properties
    props.title, props.author, props.last_modified_by = title, "khenthuong", "khenthuong"
    props.created = props.modified = stamp
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return stable_zip(buffer.getvalue())


DOCUMENTS = (
    Document("to-trinh-de-nghi-khen-thuong.docx", to_trinh, "Tờ trình đề nghị khen thưởng"),
    Document("danh-sach-de-nghi-khen-thuong.docx", danh_sach, "Danh sách đề nghị khen thưởng"),
    Document("quyet-dinh-giay-khen.docx", quyet_dinh_giay_khen, "Quyết định tặng Giấy khen"),
    Document("quyet-dinh-danh-hieu.docx", quyet_dinh_danh_hieu,
             "Quyết định công nhận danh hiệu thi đua"),
    Document("bien-ban-hop-hoi-dong.docx", bien_ban,
             "Biên bản họp Hội đồng Thi đua - Khen thưởng"),
    Document("bao-cao-ket-qua.docx", bao_cao, "Báo cáo kết quả phong trào thi đua, khen thưởng"),
)
TO_TRINH, DANH_SACH, QD_GIAY_KHEN, QD_DANH_HIEU, BIEN_BAN, BAO_CAO = DOCUMENTS

_UP = "không có đề nghị trình cấp trên nào đủ điều kiện hoặc được Hội đồng kết luận đạt"
OUTPUTS = (
    Output(TO_TRINH.filename, TO_TRINH.make, lambda a: bool(a.submitted), _UP),
    Output(DANH_SACH.filename, DANH_SACH.make, lambda a: bool(a.submitted), _UP),
    Output("bao-cao-thanh-tich/", reports, lambda a: bool(a.submitted), _UP),
    Output(QD_GIAY_KHEN.filename, QD_GIAY_KHEN.make,
           lambda a: bool(decided(a, "hinh_thuc")),
           "không có đề nghị Giấy khen nào đủ điều kiện hoặc được Hội đồng kết luận đạt"),
    Output(QD_DANH_HIEU.filename, QD_DANH_HIEU.make,
           lambda a: bool(decided(a, "danh_hieu")),
           "không có đề nghị danh hiệu thi đua nào đủ điều kiện hoặc được Hội đồng kết luận "
           "đạt"),
    Output(BIEN_BAN.filename, BIEN_BAN.make, lambda a: bool(a.judgements), "không có đề nghị nào"),
    Output(BAO_CAO.filename, BAO_CAO.make, lambda a: True, ""),
    Output("ket-qua-tham-dinh.xlsx", lambda a, _: {"ket-qua-tham-dinh.xlsx": verdicts_xlsx(a)},
           lambda a: bool(a.judgements), "không có đề nghị nào"),
    Output("tong-hop-kinh-phi.xlsx", lambda a, _: {"tong-hop-kinh-phi.xlsx": money_xlsx(a)},
           lambda a: a.money() > 0, "không có tiền thưởng"),
)


def template_variables(assessment: Assessment) -> dict[str, set[str]]:
    """What the pipeline provides to each template, from an assessment that needs them all."""
    known = {doc.filename: set(doc.build(assessment)) for doc in DOCUMENTS}
    for _, template, context in achievement_reports(assessment):
        known.setdefault(template, set()).update(context)
    return known


TEMPLATES = tuple(dict.fromkeys([*(d.filename for d in DOCUMENTS),
                                 *(template for template, _ in REPORT_FORMS.values())]))
