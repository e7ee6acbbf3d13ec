"""Fill the Word templates of forms/ and make the round's files; return each file's bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from .contexts import bao_cao, danh_sach, to_trinh
from .errors import TemplateError
from .model import Round
from .rules import Assessment
from .xlsx import money_xlsx, verdicts_xlsx


@dataclass(frozen=True)
class Output:
    """A file of the round's set: how it is made, when the round needs it, and why not."""

    filename: str
    make: Callable[[Assessment, Path], bytes]
    needed: Callable[[Assessment], bool]
    absent: str  # what the summary says when the round has nothing for it


@dataclass(frozen=True)
class Document:
    """A Word document of the set: its template (same name in forms/) and what fills it."""

    filename: str
    build: Callable[[Assessment], dict]
    title: str

    def make(self, assessment: Assessment, forms: Path) -> bytes:
        return render(forms / self.filename, self.build(assessment), title=self.title,
                      round_=assessment.round)


def render_round(assessment: Assessment, forms: Path) -> dict[str, bytes]:
    """Make every file the round has something to say in; file name → bytes."""
    return {out.filename: out.make(assessment, forms) for out in OUTPUTS if out.needed(assessment)}


def skipped(assessment: Assessment) -> list[tuple[str, str]]:
    """Name the files a round has nothing to say in, and why."""
    return [(out.filename, out.absent) for out in OUTPUTS if not out.needed(assessment)]


def render(template: Path, context: dict, *, title: str, round_: Round) -> bytes:
    """Render one template strictly (autoescape, undefined variables are errors)."""
    if not template.is_file():
        raise TemplateError(template.name, "không tìm thấy tệp mẫu trong thư mục forms")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    try:
        doc = DocxTemplate(template)
        doc.render(context, jinja_env=env, autoescape=True)
    except jinja2.TemplateSyntaxError as err:
        raise TemplateError(template.name, f"thẻ sai cú pháp ({err.message})") from err
    except jinja2.UndefinedError as err:
        raise TemplateError(template.name, f"biến không có trong dữ liệu ({err.message})") from err
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise TemplateError(template.name, "tệp không phải văn bản Word .docx hợp lệ") from err
    stamp = datetime.combine(round_.info.decision_date, time())
    props = doc.docx.core_properties
    props.title, props.author, props.last_modified_by = title, "khenthuong", "khenthuong"
    props.created = props.modified = stamp
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


DOCUMENTS = (
    Document("to-trinh-de-nghi-khen-thuong.docx", to_trinh, "Tờ trình đề nghị khen thưởng"),
    Document("danh-sach-de-nghi-khen-thuong.docx", danh_sach, "Danh sách đề nghị khen thưởng"),
    Document("bao-cao-ket-qua.docx", bao_cao, "Báo cáo kết quả phong trào thi đua, khen thưởng"),
)

_UP = "không có đề nghị đủ điều kiện trình cấp trên"
OUTPUTS = (
    Output(DOCUMENTS[0].filename, DOCUMENTS[0].make, lambda a: bool(a.submitted), _UP),
    Output(DOCUMENTS[1].filename, DOCUMENTS[1].make, lambda a: bool(a.submitted), _UP),
    Output(DOCUMENTS[2].filename, DOCUMENTS[2].make, lambda a: True, ""),
    Output("ket-qua-tham-dinh.xlsx", lambda a, _: verdicts_xlsx(a),
           lambda a: bool(a.judgements), "không có đề nghị nào"),
    Output("tong-hop-kinh-phi.xlsx", lambda a, _: money_xlsx(a), lambda a: a.money() > 0,
           "không có tiền thưởng"),
)
