"""A round's summary as lines: what the command line prints for it, and what `generate` saves
in its folder as tom-tat.txt, ready to paste into an email."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from .contexts import empty_parts
from .errors import quoted
from .render import BAO_CAO
from .rules import Assessment, Judgement, Verdict
from .vn import number, short_date
from .wording import grouped
from .write import BACKUPS_KEPT, Changes, Edited

if TYPE_CHECKING:
    from .main import RoundResult

NAMED = 8  # a reason shared by more proposals names these, then counts the rest
BLOCKS = 20  # generate prints the reasons of this many groups of proposals, then counts the rest
LISTED = 10  # a folder holding more files is named once, with its count, first and last
CHANGES_LISTED = 20  # proposals whose outcome changed, listed one a line; more are counted

Paint = Callable[[Verdict, str], str]  # how a terminal colours a verdict's column


def _plain(verdict: Verdict, text: str) -> str:
    return text


def round_lines(result: RoundResult, *, verbose: bool = False, today: date | None = None,
                paint: Paint = _plain) -> list[str]:
    """A round's section of the summary, its name first: the counts, money, held proposals,
    the reasons (with `verbose`, every proposal's verdict first), then what was written.

    Without `today`, the report's deadline (days left) is left out: the text stays the same
    whatever the day it is made."""
    round_ = result.round
    lines = [f"Đợt {round_.slug} ({round_.source.name})"]
    if result.assessment is None:
        return lines + [f"  Ngày quyết định {short_date(round_.info.decision_date)} chưa có quy "
                        "định nào trong forms/rules: bảng tính này chỉ dùng làm lịch sử, không "
                        "lập văn bản."]
    assessment = result.assessment
    tally = Counter(j.verdict for j in assessment.judgements)
    salary = assessment.salary
    lines += [
        f"  Quy định áp dụng: {round_.regime.name}.",
        f"  Đề nghị: {number(len(assessment.judgements))} — "
        + "; ".join(f"{v.value}: {number(tally[v])}" for v in Verdict) + ".",
        f"  Trình cấp trên: {number(len(assessment.submitted))}; thuộc thẩm quyền của Văn "
        f"phòng: {number(len(assessment.decided))}.",
        f"  Tiền thưởng: {number(assessment.money())} đồng (mức lương cơ sở "
        f"{number(salary.amount)} đồng, {salary.source}).",
        *_held_lines(assessment),
        *(f"  {line}" for line in _period_lines(assessment, today)),
    ]
    if verbose:
        lines += _verdict_lines(assessment, paint)
    else:
        waiting = {id(j) for j in assessment.held if j.proposal.subject.conclusion is None}
        lines += reason_lines([j for j in assessment.judgements
                               if not j.accepted or id(j) in waiting], most=BLOCKS)
    return lines + _folder_lines(result)


def summary_file(result: RoundResult, since: Changes | None, edited: tuple[Edited, ...]
                 ) -> bytes:
    """The text saved in the round's folder: its section as generate prints it, from what
    writing found (what changed since the last run, documents the clerk edited), without what
    only publishing knows (where the earlier version went) and with the folder named alone
    (the text is in it, wherever outputs/ is). UTF-8 with a BOM and Windows line ends, so
    that Notepad shows it right."""
    lines = round_lines(replace(result, folder=Path(result.round.slug), since=since,
                                edited=edited))
    return ("\ufeff" + "".join(f"{line}\r\n" for line in lines)).encode("utf-8")


def _folder_lines(result: RoundResult) -> list[str]:
    """What was written where, what is left to fill by hand, what changed since the last run."""
    round_, lines = result.round, []
    if result.folder is not None and not result.changed:
        lines.append(f"  Không có gì thay đổi so với lần trước: {result.folder} giữ nguyên.")
    elif result.folder is not None:
        lines.append(f"  Đã ghi {number(len(result.written))} tệp vào {result.folder}:")
        lines += [f"    - {line}" for line in _file_lines(result.written)]
        lines += [f"    (không lập {name}: {why})" for name, why in result.skipped]
        if result.gaps:
            lines.append("  Báo cáo thành tích còn dòng chấm để điền tay trước khi ký (hoặc ghi "
                         "vào cột cùng tên của bảng tính rồi chạy lại):")
            lines += [f"    - {line}" for line in gap_lines(result.gaps)]
        if BAO_CAO.filename in result.written and (empty := empty_parts(round_.info)):
            lines.append(f"  {BAO_CAO.filename} còn để trống (dòng chấm để viết tay, hoặc ghi "
                         f"vào sheet Thông tin rồi chạy lại): {quoted(empty)}.")
        lines += [f"  {line}" for line in (_change_lines(result.since) if result.since else ())]
        if result.kept is not None:
            lines.append(f"  Bản trước được giữ ở {result.kept}.")
    return lines + [f"  {line}" for line in _edited_lines(result.edited)
                    + _pruned_lines(result.pruned)]


def _verdict_lines(assessment: Assessment, paint: Paint = _plain) -> list[str]:
    """One line per proposal, then why those not plainly eligible are not."""
    rows = [(j.verdict.value, j.proposal.subject.name, j.proposal.award.name,
             f"{number(j.money)} đ" if j.money else "") for j in assessment.judgements]
    widths = [max(len(r[i]) for r in rows) for i in range(3)] if rows else []
    lines = [paint(j.verdict, f"    {row[0]:<{widths[0]}}")
             + f"  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}".rstrip()
             for j, row in zip(assessment.judgements, rows, strict=True)]
    return lines + reason_lines([j for j in assessment.judgements
                                 if j.verdict is not Verdict.ELIGIBLE])


def reason_lines(judgements: list[Judgement], *, most: int | None = None) -> list[str]:
    """Each reason once, under the proposals it applies to (`most` groups at most)."""
    blocks = grouped(judgements)
    if not blocks:
        return []
    lines = ["  Lý do chưa đủ điều kiện hoặc cần kiểm tra:"]
    for owners, texts in blocks[:most]:
        lines.append(f"    {_owners(owners)}:")
        for text in texts:
            first, *cases = text.splitlines()  # the lettered cases of a group, under it
            lines += [f"      {first}", *(f"        {case}" for case in cases)]
    rest = len(blocks) - len(blocks[:most])
    if rest:
        lines.append(f"    … và {number(rest)} nhóm lý do khác, xem ket-qua-tham-dinh.xlsx.")
    return lines


def _owners(owners: tuple[Judgement, ...]) -> str:
    """Who a reason applies to: "Lò Văn Pọm — Giấy khen của Chánh Văn phòng", or "12 đề nghị
    Lao động tiên tiến — A, B, … và 4 đề nghị khác", naming NAMED of them at most."""
    awards = {j.proposal.award.name for j in owners}
    if len(owners) == 1:
        return f"{owners[0].proposal.subject.name} — {owners[0].proposal.award.name}"
    names = [j.proposal.subject.name + ("" if len(awards) == 1 else f" ({j.proposal.award.name})")
             for j in owners[:NAMED]]
    more = len(owners) - len(names)
    what = f"đề nghị {next(iter(awards))}" if len(awards) == 1 else "đề nghị"
    return (f"{number(len(owners))} {what} — {', '.join(names)}"
            + (f" và {number(more)} đề nghị khác" if more else ""))


def _held_lines(assessment: Assessment) -> list[str]:
    """The proposals no document carries until the council concludes on them, counted (their
    reasons follow), and those the council refused."""
    waiting = [j for j in assessment.held if j.proposal.subject.conclusion is None]
    refused = len(assessment.held) - len(waiting)
    return ([f"  Chờ kết luận của Hội đồng (chưa vào văn bản nào): {number(len(waiting))} "
             "đề nghị cần kiểm tra, lý do ở dưới."] if waiting else []) + (
        [f"  Hội đồng kết luận không đạt: {number(refused)} đề nghị, không vào văn bản."]
        if refused else [])


def _file_lines(names: tuple[str, ...]) -> list[str]:
    """The files written, a line each, but a province's 2.000 báo cáo in one line."""
    lines: list[str] = []
    for folder, group in groupby(names, key=lambda name: name.rpartition("/")[0]):
        files = list(group)
        if not folder or len(files) <= LISTED:
            lines += files
        else:
            first, last = (name.rpartition("/")[2] for name in (files[0], files[-1]))
            lines.append(f"{folder}/ ({number(len(files))} tệp: {first} … {last})")
    return lines


def gap_lines(gaps: tuple[tuple[str, tuple[str, ...]], ...]) -> list[str]:
    """What each báo cáo thành tích leaves blank, a line per file; for a province's thousands,
    a line per set of blank fields, or, when the sets are many, a line per field."""
    if len(gaps) <= LISTED:
        return [f"{name}: còn để trống {'; '.join(fields)}" for name, fields in gaps]
    groups: dict[tuple[str, ...], list[str]] = {}
    for name, fields in gaps:
        groups.setdefault(fields, []).append(name)
    if len(groups) > LISTED:
        fields = Counter(field for _, blank in gaps for field in blank)
        return [f"{field}: còn để trống ở {number(times)}/{number(len(gaps))} báo cáo"
                for field, times in fields.items()]
    lines = []
    for fields, names in groups.items():
        folder, first = names[0].rpartition("/")[::2]
        last = names[-1].rpartition("/")[2]
        where = (names[0] if len(names) == 1 else
                 f"{folder}/ ({number(len(names))} tệp: {first} … {last})")
        lines.append(f"{where}: còn để trống {'; '.join(fields)}")
    return lines


def _period_lines(assessment: Assessment, today: date | None) -> list[str]:
    """The report's deadline counted from `today` (none without it), and the years a sơ kết
    or tổng kết has no workbook for."""
    info, lines = assessment.round.info, []
    if today and info.occasion.code == "hang-nam" and info.year >= today.year:  # not done rounds
        left = (info.report_due - today).days
        lines.append(f"Hạn gửi báo cáo kết quả cho Sở Nội vụ: trước ngày "
                     f"{short_date(info.report_due)} ("
                     + (f"còn {number(left)} ngày)." if left >= 0 else
                        f"đã quá {number(-left)} ngày)."))
    period = assessment.period
    if period and period.missing:
        lines.append(f"Giai đoạn {period.first}-{period.last}: thư mục bảng tính chưa có bảng "
                     f"tính của năm {', '.join(map(str, period.missing))}; bảng số liệu các năm "
                     "của báo cáo chỉ gồm những năm có bảng tính.")
    return lines


def _change_lines(since: Changes) -> list[str]:
    """What a rerun changed: each proposal's outcome before and after, then the documents."""
    if not (since.proposals or since.added or since.changed or since.removed):
        return []
    lines = ["So với lần chạy trước:"]
    for key, before, after in since.proposals[:CHANGES_LISTED]:
        lines.append(f"  - {key}: " + (f"{before} → {after}" if before and after else
                                        f"đề nghị mới, {after}" if after else
                                        f"không còn trong bảng tính (trước: {before})"))
    if len(since.proposals) > CHANGES_LISTED:
        lines.append(f"  … và {number(len(since.proposals) - CHANGES_LISTED)} đề nghị khác "
                     "thay đổi kết quả, xem ket-qua-tham-dinh.xlsx.")
    for label, names in (("Văn bản thay đổi", since.changed), ("Văn bản mới", since.added),
                         ("Không còn lập", since.removed)):
        if names:
            lines.append(f"  {label}: {', '.join(_file_lines(names))}.")
    return lines


def _edited_lines(edited: tuple[Edited, ...]) -> list[str]:
    """The documents the clerk had edited by hand, and where each of her versions is."""
    return [f"{e.name} đã được sửa tay sau lần lập trước: " + (
        "số liệu của văn bản này không đổi, bản sửa tay được giữ nguyên." if e.kept_as is None
        else f"bản sửa tay được giữ ở {e.kept_as}, văn bản lập lại theo số liệu mới nằm ở "
             f"{e.name}; hãy chép phần đã sửa sang bản mới.") for e in edited]


def _pruned_lines(pruned: tuple[Path, ...]) -> list[str]:
    if not pruned:
        return []
    return [f"Đã xoá {number(len(pruned))} bản cũ nhất (chỉ giữ {number(BACKUPS_KEPT)} bản "
            f"gần nhất của mỗi đợt): {', '.join(p.name for p in pruned)}."]
