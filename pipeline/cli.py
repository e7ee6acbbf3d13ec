"""Command line: khenthuong generate | check | init | forms | quy-dinh."""

from __future__ import annotations

import codecs
import json
import sys
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date
from functools import partial, wraps
from itertools import groupby
from pathlib import Path

import click

from . import click_vi
from .catalog import DEFAULT_FORMS, Catalog
from .errors import (
    BrokenTemplates,
    InputError,
    KhenthuongError,
    OutputError,
    Problem,
    Severity,
)
from .law import rules_text
from .main import (
    SAMPLE_OUTPUTS,
    RoundResult,
    Summary,
    check,
    check_forms,
    find_workbooks,
    generate,
    summary_json,
    taking_part,
)
from .marked import Marked, annotated_copy
from .render import TEMPLATES
from .rules import Judgement, Verdict
from .summary import round_lines
from .vn import number, typed_date
from .workbook import blank_workbook

click_vi.install()  # before the commands are built: click names some words as they are made

CONTEXT = {"help_option_names": ["-h", "--help"]}
WORK_ORDER = ("init", "check", "generate", "web", "forms", "quy-dinh")  # the work, not A-Z
WORKBOOKS = "[BẢNG_TÍNH ...]"
FOLDER = "THƯ_MỤC"


class _Command(click.Command):
    """A command whose usage line reads in Vietnamese."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[TUỲ_CHỌN]")
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    """The khenthuong command: its commands in the order of the work, and a console that can
    show every line (even its help or a mistyped command) whatever its code page."""

    command_class = _Command

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[TUỲ_CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [THAM_SỐ]...")
        super().__init__(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.commands, key=WORK_ORDER.index)

    def main(self, *args, **kwargs):
        for stream in (sys.stdout, sys.stderr):
            _never_fail_printing(stream)
        return super().main(*args, **kwargs)


class _Argument(click.Argument):
    """An argument named in a mistake by its word alone (BẢNG_TÍNH), not the usage line's
    "[BẢNG_TÍNH ...]"."""

    def get_error_hint(self, ctx: click.Context) -> str:
        return self.make_metavar(ctx).strip("[]. ")


class NoInputsFolder(KhenthuongError):
    """Run where there is no inputs folder: most likely from another folder than the project's."""

    exit_code = 2  # a mistake in how the command was typed, as click's own

    def __init__(self, inputs: Path, command: str) -> None:
        super().__init__(
            f"Không có thư mục bảng tính “{inputs}” (đã tìm ở {inputs.absolute()}).\n"
            "Hãy mở cửa sổ lệnh trong thư mục dự án, nơi có thư mục inputs (cd THƯ_MỤC_DỰ_ÁN), "
            f"rồi chạy lại; hoặc chỉ rõ thư mục bảng tính: khenthuong {command} --inputs "
            "THƯ_MỤC. Chưa có bảng tính nào thì tạo bằng: khenthuong init.")


def _chosen(workbooks: tuple[Path, ...], inputs: Path, command: str) -> list[Path]:
    """The workbooks named, else those in the inputs folder, which must be there."""
    if workbooks:
        return list(workbooks)
    if not inputs.is_dir():
        raise NoInputsFolder(inputs, command)
    return find_workbooks(inputs)


def _folder(name: str, default: str, help_text: str) -> Callable:
    return click.option(name, type=click.Path(file_okay=False, path_type=Path), default=default,
                        show_default=True, metavar=FOLDER, help=help_text)


def _forms(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    """forms/ of the current folder when there is one, else the forms the tool comes with."""
    if value is not None:
        return value
    return Path("forms") if Path("forms").is_dir() else DEFAULT_FORMS


_forms_option = click.option(
    "--forms", type=click.Path(file_okay=False, path_type=Path), callback=_forms, metavar=FOLDER,
    help="Thư mục mẫu văn bản và dữ liệu quy định (mặc định: forms/ nếu có).")


def _reports_errors(command: Callable) -> Callable:
    """Print the project's errors in Vietnamese and exit with their code, in one place."""

    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as err:
            _print_problems(err.problems)
            click.secho(str(err), fg="red", err=True)
            sys.exit(err.exit_code)
        except BrokenTemplates as err:
            _print_template_problems(err.problems)
            click.secho(str(err), fg="red", err=True)
            sys.exit(err.exit_code)
        except KhenthuongError as err:
            click.secho(str(err), fg="red", err=True)
            sys.exit(err.exit_code)

    return run


def _on_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def _progress_bar(*, shown: bool):
    """A bar on stderr for each stage of the run (reading, each round's documents), when a
    person watches the terminal; nothing in a pipe, a log or with --quiet."""
    bars: list = []

    def show(doing: str, done: int, total: int) -> None:
        if not bars or bars[-1].label != doing:
            if bars:
                bars[-1].render_finish()
            bars.append(click.progressbar(length=total, label=doing, file=sys.stderr,
                                          show_pos=True))
        bars[-1].update(done - bars[-1].pos)

    try:
        yield show if shown else lambda doing, done, total: None
    finally:
        if bars:
            bars[-1].render_finish()


@click.group("khenthuong", cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="khenthuong", message="khenthuong %(version)s")
def main() -> None:
    """Lập hồ sơ thi đua, khen thưởng từ bảng tính Excel: tờ trình, danh sách, báo cáo (.docx).

    \b
    Mở cửa sổ lệnh trong thư mục dự án (nơi có thư mục inputs), rồi:
      1. khenthuong init       tạo bảng tính trống inputs/bang-tinh-khen-thuong.xlsx
      2. mở bảng tính bằng Excel, điền số liệu của đợt, lưu lại
      3. khenthuong check      kiểm tra bảng tính, xem kết quả xét từng đề nghị
      4. khenthuong generate   lập văn bản vào thư mục outputs
    Sửa bảng tính rồi chạy lại check, generate bao nhiêu lần cũng được.

    \b
    Hướng dẫn của từng lệnh, ví dụ lệnh check:
      khenthuong check --help
    """


def _never_fail_printing(stream) -> None:
    """Let a console or log whose code page lacks some Vietnamese letters (cp1258, cp1252)
    show them as best it can, instead of stopping the run."""
    encoding = getattr(stream, "encoding", None) or ""
    if hasattr(stream, "reconfigure") and not encoding.lower().startswith("utf"):
        handler = f"khenthuong-{encoding}"
        codecs.register_error(handler, partial(_decompose, encoding))
        stream.reconfigure(errors=handler)


def _decompose(encoding: str, err: UnicodeError) -> tuple[str, int]:
    """Write a letter the code page lacks as the nearest letter it has and the marks it has
    (ệ → ê + dot below in cp1258), dropping marks it has not, and "?" for anything else."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    return "".join(_nearest(ch, encoding) for ch in err.object[err.start:err.end]), err.end


def _nearest(ch: str, encoding: str) -> str:
    base, *marks = unicodedata.normalize("NFD", ch)
    rest = []
    for mark in marks:
        joined = unicodedata.normalize("NFC", base + mark)
        if len(joined) == 1 and _fits(joined, encoding):
            base = joined
        else:
            rest.append(mark)
    return "".join(p if _fits(p, encoding) else "" if unicodedata.combining(p) else "?"
                   for p in (base, *rest))


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True



@main.command("generate", short_help="Lập bộ văn bản của từng đợt vào outputs/.")
@click.argument("workbooks", cls=_Argument, metavar=WORKBOOKS, nargs=-1,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_folder("--inputs", "inputs", "Thư mục bảng tính (khi không chỉ rõ tệp).")
@_folder("--outputs", "outputs", "Thư mục ghi văn bản.")
@_forms_option
@click.option("--overwrite", is_flag=True,
              help="Ghi đè bản trước thay vì giữ lại trong thư mục “<đợt>.ban-cu-<thời gian>”.")
@click.option("--pdf", is_flag=True, help="Thêm bản PDF của mỗi văn bản (cần LibreOffice).")
@click.option("-q", "--quiet", is_flag=True, help="Chỉ in lỗi.")
@_reports_errors
def generate_command(workbooks: tuple[Path, ...], inputs: Path, outputs: Path, forms: Path,
                     overwrite: bool, pdf: bool, quiet: bool) -> None:
    """Kiểm tra bảng tính và lập bộ văn bản của từng đợt vào thư mục outputs/.

    Không chỉ rõ BẢNG_TÍNH thì dùng mọi bảng tính .xlsx trong thư mục inputs.

    \b
    Ví dụ:
      khenthuong generate inputs/2025-hang-nam.xlsx --pdf
    """
    chosen, history = _chosen(workbooks, inputs, "generate"), _history(inputs)
    if taking_part(chosen, history, Catalog(forms)).samples:
        outputs = outputs / SAMPLE_OUTPUTS  # never where a clerk's round of that year goes
    with _progress_bar(shown=not quiet and _on_terminal()) as progress:
        summary = generate(chosen, outputs=outputs, forms=forms, history=history,
                           overwrite=overwrite, pdf=pdf, progress=progress)
    if summary.pdf_missing:
        click.secho("Không tìm thấy LibreOffice (soffice) nên không tạo PDF; các tệp .docx vẫn "
                    "được lập đủ.", fg="yellow", err=True)
    if not quiet:
        _print_summary(summary, verbose=False)
        _print_samples(summary, outputs)


@main.command("check", short_help="Kiểm tra bảng tính, xét từng đề nghị; không ghi văn bản.")
@click.argument("workbooks", cls=_Argument, metavar=WORKBOOKS, nargs=-1,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_folder("--inputs", "inputs", "Thư mục bảng tính (khi không chỉ rõ tệp).")
@_forms_option
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON cho máy đọc.")
@click.option("--xlsx", "marked", type=click.Path(dir_okay=False, path_type=Path), metavar="TỆP",
              help="Ghi một bản sao bảng tính, tô màu và ghi chú vào từng ô có lỗi.")
@_reports_errors
def check_command(workbooks: tuple[Path, ...], inputs: Path, forms: Path, as_json: bool,
                  marked: Path | None) -> None:
    """Kiểm tra bảng tính và in kết quả xét từng đề nghị; không ghi gì vào outputs/.

    Không chỉ rõ BẢNG_TÍNH thì kiểm tra mọi bảng tính .xlsx trong thư mục inputs.

    \b
    Ví dụ:
      khenthuong check inputs/2025-hang-nam.xlsx --xlsx kiem-tra.xlsx
    """
    chosen = _chosen(workbooks, inputs, "check")
    if marked is not None:
        chosen = list(taking_part(chosen, _history(inputs), Catalog(forms)).workbooks)
        _check_marked_path(marked, chosen)
    try:
        summary = check(chosen, forms=forms, history=_history(inputs))
    except InputError as err:
        if marked is not None:
            _write_marked(chosen[0], err.problems, marked, forms, None)
        raise InputError(err.problems, writes=False) from None
    if marked is not None:
        _write_marked(chosen[0], summary.warnings, marked, forms, [
            j for r in summary.rounds if r.assessment for j in r.assessment.judgements])
    if as_json:
        click.echo(json.dumps(summary_json(summary), ensure_ascii=False, indent=2))
    else:
        _print_summary(summary, verbose=True)
        _print_samples(summary)


@main.command("web", short_help="Mở trang làm việc trong trình duyệt: kiểm tra, lập văn bản.")
@_folder("--inputs", "inputs", "Thư mục bảng tính.")
@_folder("--outputs", "outputs", "Thư mục ghi văn bản.")
@_forms_option
@click.option("--port", type=click.IntRange(0, 65535), default=0, metavar="CỔNG",
              help="Cổng trên 127.0.0.1 (mặc định: một cổng còn trống).")
@click.option("--no-browser", is_flag=True, help="Không tự mở trình duyệt; chỉ in đường dẫn.")
@_reports_errors
def web_command(inputs: Path, outputs: Path, forms: Path, port: int, no_browser: bool) -> None:
    """Mở trang làm việc trong trình duyệt: bảng tính trong inputs/, kiểm tra, lập văn bản, quy
    định. Trang chỉ chạy trên máy này (127.0.0.1); nhấn Ctrl+C để dừng.

    \b
    Ví dụ:
      khenthuong web
    """
    if not inputs.is_dir():
        raise NoInputsFolder(inputs, "web")
    from .web.server import serve  # Flask and waitress are loaded for this command alone

    serve(inputs=inputs, outputs=outputs, forms=forms, port=port, browser=not no_browser,
          say=click.echo)


@main.command("init", short_help="Tạo bảng tính trống để điền số liệu của đợt.")
@click.argument("path", cls=_Argument, metavar="[ĐƯỜNG_DẪN]",
                type=click.Path(dir_okay=False, path_type=Path),
                default=Path("inputs") / "bang-tinh-khen-thuong.xlsx")
@click.option("--nam", "year", type=int, default=None, metavar="NĂM",
              help="Năm của đợt khen thưởng (mặc định: năm nay).")
@_forms_option
@_reports_errors
def init_command(path: Path, year: int | None, forms: Path) -> None:
    """Tạo bảng tính trống có đủ các sheet, danh mục chọn sẵn, hướng dẫn và dòng ví dụ.

    Mặc định ĐƯỜNG_DẪN là inputs/bang-tinh-khen-thuong.xlsx; không bao giờ ghi đè tệp đã có.

    \b
    Ví dụ:
      khenthuong init inputs/2026-hang-nam.xlsx --nam 2026
    """
    if path.suffix.lower() != ".xlsx":
        raise click.UsageError(f"“{path}” phải là tên tệp .xlsx.")
    if path.exists():
        raise KhenthuongError(f"Đã có tệp “{path}”; không ghi đè. Hãy chọn tên khác.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục “{path.parent}”: đã có một tệp cùng tên hoặc "
                          f"không có quyền ghi ({err.strerror or err}).") from err
    blank_workbook(path, Catalog(forms), year=year or date.today().year)
    click.echo(f"Đã tạo {path}: điền số liệu (xoá các dòng ví dụ), rồi chạy “khenthuong check”.")


@main.command("forms", short_help="Kiểm tra các mẫu văn bản trong forms/.")
@_forms_option
@_reports_errors
def forms_command(forms: Path) -> None:
    """Kiểm tra các mẫu văn bản trong forms/: thẻ, biến, khổ giấy, lề, cỡ chữ, số trang.

    \b
    Ví dụ (sau khi thay một mẫu bằng tệp Word của cơ quan):
      khenthuong forms
    """
    problems = check_forms(forms)
    for name in TEMPLATES:
        if name not in {p.template for p in problems}:
            click.echo(f"{name}: không có lỗi.")
    if any(p.severity is Severity.ERROR for p in problems):
        raise BrokenTemplates(problems)
    _print_template_problems(problems)


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return typed_date(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@main.command("quy-dinh", short_help="In quy định áp dụng cho quyết định ký vào một ngày.")
@click.option("--ngay", "day", callback=_day, metavar="NGÀY",
              help="Ngày quyết định, dạng 01/12/2026 (mặc định: hôm nay).")
@_forms_option
@_reports_errors
def rules_command(day: date, forms: Path) -> None:
    """In quy định áp dụng vào một ngày: từng danh hiệu, hình thức, điều kiện, điều khoản, tiền.

    \b
    Ví dụ:
      khenthuong quy-dinh --ngay 01/12/2026
    """
    click.echo(rules_text(Catalog(forms), day))


def _print_template_problems(problems) -> None:
    for template, group in groupby(problems, key=lambda p: p.template):
        click.echo(f"{template}:")
        for problem in group:
            color = "red" if problem.severity is Severity.ERROR else "yellow"
            click.secho(f"  {problem.severity.value}", fg=color, nl=False)
            tag = f" “{problem.tag}”" if problem.tag else ""
            click.echo(f" — {problem.place}:{tag} {problem.message}.")


def _check_marked_path(marked: Path, chosen: list[Path]) -> None:
    if len(chosen) != 1:
        raise click.UsageError(
            f"--xlsx chỉ dùng khi kiểm tra một bảng tính, ở đây có {number(len(chosen))} ("
            f"{', '.join(p.name for p in chosen)}); hãy chỉ rõ một bảng tính, ví dụ: khenthuong "
            f"check {chosen[0]} --xlsx {marked}")
    if marked.resolve() == chosen[0].resolve():
        raise click.UsageError("--xlsx phải là một tệp khác, không ghi đè bảng tính gốc.")
    _check_new_workbook(marked, "--xlsx")


def _check_new_workbook(path: Path, option: str) -> None:
    """A workbook the command will create: an .xlsx in a folder that exists, not a file
    already there (another workbook, a clerk's notes)."""
    if path.suffix.lower() != ".xlsx":
        raise click.UsageError(f"{option}: “{path}” phải là tên tệp .xlsx.")
    if path.exists() or path.is_symlink():
        raise click.UsageError(f"{option}: đã có tệp “{path}”; không ghi đè. Hãy chọn tên khác.")
    if not path.parent.is_dir():
        raise click.UsageError(f"{option}: không có thư mục “{path.parent}”.")


def _print_samples(summary: Summary, outputs: Path | None = None) -> None:
    """Say plainly that the rounds shown are the sample workbooks', and how to start a real one."""
    if summary.samples and summary.rounds:
        where = f"; văn bản của chúng được ghi riêng vào {outputs}" if outputs else ""
        click.echo(f"Đây là các bảng tính mẫu, dữ liệu bịa ra để xem thử (sheet Thông tin có dòng "
                   f"“Bảng tính mẫu”){where}.")
        click.echo("Làm đợt thật: chạy “khenthuong init”, điền số liệu vào bảng tính vừa tạo rồi "
                   "chạy lại; các bảng tính mẫu sẽ được để riêng. Bảng tính nào là số liệu thật "
                   "thì xoá dòng “Bảng tính mẫu” của nó.")


def _write_marked(source: Path, problems, marked: Path, forms: Path,
                  judgements: list[Judgement] | None) -> None:
    """Write the marked copy (verdicts only when `judgements` is not None: no errors)."""
    done = annotated_copy(source, problems, marked, Catalog(forms), judgements)
    click.echo(_marked_line(marked, done, assessed=judgements is not None))


def _marked_line(path: Path, done: Marked, *, assessed: bool) -> str:
    """"Đã ghi kiem-tra.xlsx: 1 ô lỗi, 2 ô cảnh báo được đánh dấu, …; mở ra ở sheet Cá nhân,
    ô G7." """
    if done.errors or done.warnings:
        text = (f"{number(done.errors)} ô lỗi, {number(done.warnings)} ô cảnh báo được đánh "
                "dấu, lời giải thích ở ghi chú của từng ô")
    else:
        text = "không có ô nào có lỗi hay cảnh báo"
    if done.verdicts:
        text += (f"; kết quả thẩm định và lý do của {number(done.verdicts)} đề nghị ở các cột "
                 f"cuối sheet {', '.join(done.sheets)}")
    elif not assessed:
        text += "; bảng tính còn lỗi nên chưa có kết quả thẩm định"
    if done.opens_at:
        text += f"; mở ra ở sheet {done.opens_at[0]}, ô {done.opens_at[1]}"
    return f"Đã ghi {path}: {text}."


def _history(inputs: Path) -> list[Path]:
    """Earlier rounds' workbooks: everything in the inputs folder, when there is one."""
    return sorted(inputs.glob("*.xlsx")) if inputs.is_dir() else []


def _print_problems(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Print problems grouped by file and sheet, each group in the order found."""
    first_seen: dict[tuple[str, str], int] = {}
    for problem in problems:
        first_seen.setdefault((problem.file, problem.sheet), len(first_seen))
    ordered = sorted(problems, key=lambda p: first_seen[(p.file, p.sheet)])
    for (file, sheet), group in groupby(ordered, key=lambda p: (p.file, p.sheet)):
        click.echo(f"{file}" + (f" — sheet {sheet}" if sheet else "") + ":")
        for problem in group:
            place = ", ".join(x for x in (f"dòng {problem.row}" if problem.row else "",
                                          f"cột {problem.column}" if problem.column else "",
                                          ) if x) + (f" ({problem.header})" if problem.column
                                                     and problem.header else "")
            color = "red" if problem.is_error else "yellow"
            click.secho(f"  {problem.kind.severity.value}", fg=color, nl=False)
            click.echo(f" — {place}: {problem.message}" if place else f": {problem.message}")


def _print_summary(summary: Summary, *, verbose: bool) -> None:
    if summary.warnings:
        _print_problems(summary.warnings)
    if summary.template_warnings:
        _print_template_problems(summary.template_warnings)
    for result in summary.rounds:
        _print_round(result, verbose=verbose)
    if any(j.verdict is Verdict.REVIEW and j.proposal.subject.conclusion is None
           for r in summary.rounds if r.assessment for j in r.assessment.judgements):
        click.echo(TO_CHECK)
    if summary.register is not None:
        path, rows = summary.register
        click.echo(f"Sổ theo dõi khen thưởng ({number(rows)} dòng, mọi đợt trong thư mục bảng "
                   f"tính): {path}")


TO_CHECK = (
    "“Cần kiểm tra” nghĩa là chương trình không tự kết luận được: đề nghị dựa vào một điều kiện "
    "chưa được đối chiếu với văn bản gốc, vào số liệu bảng tính còn thiếu, hoặc vào một danh "
    "hiệu, hình thức chưa có quyết định. Hội đồng xem lý do của từng đề nghị (in ở trên, và ghi "
    "trong ket-qua-tham-dinh.xlsx khi chạy generate), đối chiếu với hồ sơ và văn bản, rồi ghi "
    "“Đạt” hoặc “Không đạt” vào cột “Kết luận của Hội đồng” ở dòng của cá nhân, tập thể ấy trong "
    "bảng tính. Chạy lại: đề nghị “Đạt” được đưa vào văn bản, đề nghị “Không đạt” thì không.")

def _print_round(result: RoundResult, *, verbose: bool) -> None:
    name, *lines = round_lines(result, verbose=verbose, today=date.today(), paint=_paint)
    click.secho(name, bold=True)
    for line in lines:
        click.echo(line)


def _paint(verdict: Verdict, text: str) -> str:
    color = {Verdict.ELIGIBLE: "green", Verdict.REVIEW: "yellow"}.get(verdict, "red")
    return click.style(text, fg=color)
