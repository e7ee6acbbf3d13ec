"""Check the Word templates of forms/ before they are filled: tags Word broke, unknown variables,
and the layout Nghị định 30/2020/NĐ-CP asks for."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from .errors import Severity

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
OPENERS = re.compile(r"\{\{|\{%")
CURLY = set("“”‘’„‟")
_OTHER_FILE = re.compile(r"\{%-?(?:p|tr|tc|r)?\s*(include|import|extends|from)\b")
TWIPS_PER_MM = 56.7


@dataclass(frozen=True)
class TemplateProblem:
    """One thing wrong in one template, at one place."""

    template: str
    place: str
    message: str
    tag: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        tag = f" “{self.tag}”" if self.tag else ""
        return f"{self.severity.value}: {self.template}, {self.place}:{tag} {self.message}."


def check_template(path: Path, known: set[str] | None) -> list[TemplateProblem]:
    """Every problem of one template; `known` are the variables the pipeline provides for it."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = {name: package.read(name) for name in package.namelist()
                     if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name)}
            styles = package.read("word/styles.xml") if "word/styles.xml" in \
                package.namelist() else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return [TemplateProblem(path.name, "tệp", "không phải văn bản Word .docx đọc được")]
    if "word/document.xml" not in parts:
        return [TemplateProblem(path.name, "tệp", "thiếu phần nội dung word/document.xml")]
    problems: list[TemplateProblem] = []
    roots = {}
    for name, xml in sorted(parts.items()):
        try:
            roots[name] = etree.fromstring(xml)
        except etree.XMLSyntaxError:
            problems.append(TemplateProblem(path.name, name, "XML hỏng, Word không mở được"))
            continue
        for place, texts in _paragraphs(roots[name], name):
            problems += _tags(path.name, place, texts)
    if "word/document.xml" not in roots:
        return problems
    if roots["word/document.xml"].find(f"{W}body") is None:
        return problems + [TemplateProblem(path.name, "word/document.xml",
                                           "thiếu phần thân văn bản (w:body)")]
    if not problems:
        problems += _syntax_and_variables(path, known)
    return problems + _layout(path.name, roots["word/document.xml"], parts, styles)


def _paragraphs(root, part: str):
    """Each paragraph with where a clerk finds it, and the texts of its runs."""
    where = "đầu trang" if "header" in part else "chân trang" if "footer" in part else ""
    tables = list(root.iter(f"{W}tbl"))
    body_index = 0
    for paragraph in root.iter(f"{W}p"):
        texts = ["".join(t.text or "" for t in r.iter(f"{W}t")) for r in paragraph.iter(f"{W}r")]
        cell = next(paragraph.iterancestors(f"{W}tc"), None)
        if cell is not None:
            row = cell.getparent()
            table = next(row.iterancestors(f"{W}tbl"))
            rows = [r for r in row.getparent() if r.tag == f"{W}tr"]  # not its tblPr, tblGrid
            place = (f"bảng {tables.index(table) + 1}, dòng {rows.index(row) + 1}, "
                     f"ô {[c for c in row if c.tag == f'{W}tc'].index(cell) + 1}")
        else:
            body_index += 1
            place = f"đoạn {body_index}"
        yield (f"{where} ({part.split('/')[-1]}), {place}" if where else place), texts


def _tags(template: str, place: str, texts: list[str]) -> list[TemplateProblem]:
    """Tags Word split across runs, tags left open, curly quotes typed inside a tag."""
    problems = []
    text = "".join(texts)
    bounds, start = [], 0
    for piece in texts:
        bounds.append((start, start + len(piece)))
        start += len(piece)
    for match in TAG.finditer(text):
        tag = match.group()
        runs = {i for i, (a, b) in enumerate(bounds) if a < match.end() and b > match.start()}
        if len(runs) > 1:
            problems.append(TemplateProblem(template, place, "bị Word tách thành nhiều đoạn "
                                            "định dạng; hãy xoá và gõ lại cả thẻ một lần", tag))
        if _OTHER_FILE.match(tag):
            problems.append(TemplateProblem(template, place, "lấy nội dung từ tệp khác, điều mẫu "
                                            "văn bản không làm được; hãy chép nội dung vào thẳng "
                                            "mẫu", tag))
        if CURLY & set(tag):
            problems.append(TemplateProblem(template, place, "có dấu nháy cong “ ” trong thẻ; "
                                            "hãy dùng dấu nháy thẳng \" hoặc '", tag))
    rest = TAG.sub("", text)
    for opener in OPENERS.finditer(rest):
        problems.append(TemplateProblem(template, place, "thẻ mở mà không đóng",
                                        rest[opener.start():opener.start() + 30]))
    return problems


def _syntax_and_variables(path: Path, known: set[str] | None) -> list[TemplateProblem]:
    env = jinja2.Environment()
    doc = DocxTemplate(path)
    try:
        wanted = doc.get_undeclared_template_variables(env)
    except jinja2.TemplateSyntaxError as err:
        return [TemplateProblem(path.name, "khối lệnh", f"sai cú pháp: {err.message}; hãy kiểm "
                                "tra các cặp {% for %}…{% endfor %}, {% if %}…{% endif %}")]
    if known is None:
        return []
    return [TemplateProblem(path.name, _where(path, name), "là biến không có trong dữ liệu của "
                            "chương trình", "{{ " + name + " }}")
            for name in sorted(wanted - known)]


def _where(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    for place, texts in _paragraphs(root, "word/document.xml"):
        if re.search(r"\b" + re.escape(name) + r"\b", "".join(texts)):
            return place
    return "đầu hoặc chân trang"


def _layout(template: str, root, parts: dict[str, bytes], styles: bytes) -> list[TemplateProblem]:
    """A4, margins, Times New Roman, the sizes of the national header, page numbers."""
    problems = []

    def warn(place: str, message: str) -> None:
        problems.append(TemplateProblem(template, place, message, severity=Severity.WARNING))

    section = root.find(f".//{W}sectPr")
    size = section.find(f"{W}pgSz") if section is not None else None
    margins = section.find(f"{W}pgMar") if section is not None else None
    if size is None or sorted((_twips(size, "w"), _twips(size, "h"))) != [11906, 16838]:
        warn("khổ giấy", "không phải khổ A4 (210 × 297 mm)")
    if margins is not None:
        for side, name, low, high in (("top", "trên", 20, 25), ("bottom", "dưới", 20, 25),
                                      ("left", "trái", 30, 35), ("right", "phải", 15, 20)):
            mm = _twips(margins, side) / TWIPS_PER_MM
            if not low - 0.5 <= mm <= high + 0.5:
                warn("lề trang", f"lề {name} {mm:.0f} mm, cần {low}–{high} mm")
    if b"Times New Roman" not in styles:
        warn("kiểu chữ", "phông mặc định không phải Times New Roman")
    for text, sizes in (("CỘNG H", (12, 13)), ("Độc lập - Tự do - Hạnh phúc", (13, 14))):
        paragraph = next((p for p in root.iter(f"{W}p")
                          if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith(text)), None)
        if paragraph is None:
            warn("quốc hiệu", f"không thấy dòng “{text}…”")
            continue
        found = {_twips(s, "val") / 2 for s in paragraph.iter(f"{W}sz")}
        if not found or not all(sizes[0] <= f <= sizes[1] for f in found):
            warn("quốc hiệu", f"dòng “{text}…” cỡ chữ {sorted(found)}, cần {sizes[0]}–{sizes[1]}")
    headers = b"".join(xml for name, xml in parts.items() if "header" in name)
    if section is None or section.find(f"{W}titlePg") is None or b"PAGE" not in headers:
        warn("số trang", "cần số trang ở giữa lề trên, không đánh số trang đầu")
    return problems


def _twips(element, attribute: str) -> int:
    """A measure of the layout; missing or not a number (Word's default) counts as 0."""
    try:
        return int(element.get(f"{W}{attribute}"))
    except (TypeError, ValueError):
        return 0
