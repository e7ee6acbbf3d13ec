"""The rules in force on a date, in words a jurist can check against the law without Python
(`khenthuong quy-dinh`): per award, who decides, each criterion as one sentence with its clause
and whether it was read from the text, the council's vote, the coefficient and the money."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from .catalog import Catalog
from .model import Award, Criterion, Regime, Salary
from .rules import money_for, threshold
from .vn import coefficient, count, number, percent, short_date


def rules_text(catalog: Catalog, day: date) -> str:
    """The whole view of the rules that govern a decision taken on `day`."""
    regime = catalog.regime_for(day)
    if regime is None:
        first = catalog.regimes[0].effective_from
        return (f"Ngày {short_date(day)} chưa có quy định nào trong forms/rules: quy định sớm "
                f"nhất có hiệu lực từ {short_date(first)}.")
    salary = catalog.salary_on(day)
    return "\n".join([*_heading(regime, salary, day),
                      *(line for award in catalog.awards
                        for line in ["", *_award(catalog, regime, salary, award)])])


def _heading(regime: Regime, salary: Salary, day: date) -> list[str]:
    rounding = (f"làm tròn số lên {_ROUNDING.get(regime.round_up_to, number(regime.round_up_to))}"
                f" đồng" if regime.round_up_to else "không làm tròn")
    return [f"Quy định áp dụng cho quyết định ngày {short_date(day)}: {regime.name} "
            f"({regime.source}).",
            f"Căn cứ: {'; '.join(regime.legal_basis)}.",
            f"Mức lương cơ sở: {number(salary.amount)} đồng, từ ngày "
            f"{short_date(salary.effective_from)} ({salary.source}).",
            f"Tiền thưởng = hệ số × mức lương cơ sở tại ngày quyết định, {rounding} "
            f"({regime.money_source}).",
            "Điều kiện ghi [chưa đối chiếu] là quy định chưa được đọc từ văn bản gốc: đề nghị dựa "
            "vào nó không bao giờ được kết luận “đủ điều kiện”, chỉ “cần kiểm tra”."]


_ROUNDING = {1_000: "hàng nghìn", 10_000: "hàng chục nghìn", 100_000: "hàng trăm nghìn"}


def _award(catalog: Catalog, regime: Regime, salary: Salary, award: Award) -> list[str]:
    who = ("Văn phòng lập tờ trình đề nghị" if award.route == "province"
           else "thuộc thẩm quyền của Văn phòng")
    ground = f" ({award.source})" if award.source.startswith(regime.texts) else ""
    lines = [f"{award.name} — {award.decided_by} quyết định; {who}{ground}."]
    entry = regime.coefficients.get(award.code)
    if entry:
        parts = [f"{label} hệ số {coefficient(value)} = "
                 f"{number(money_for(value, salary.amount, regime.round_up_to))} đồng"
                 for label, value in (("cá nhân", entry.individual),
                                      ("tập thể", entry.collective)) if value]
        lines.append(f"  Tiền thưởng: {'; '.join(parts)} ({entry.source}"
                     f"{'' if entry.verified else ' [chưa đối chiếu]'}); {award.decided_by} "
                     f"chi từ quỹ thi đua, khen thưởng do cấp mình quản lý "
                     f"({regime.payer_source}).")
    vote = regime.votes.get(award.code, regime.votes["default"])
    lines.append(f"  Biểu quyết của Hội đồng: {threshold(vote)} ({vote.source}"
                 f"{'' if vote.verified else ' [chưa đối chiếu]'}).")
    lines.append("  Điều kiện (phải đạt tất cả):")
    for number_, criterion in enumerate(regime.criteria.get(award.code, ()), start=1):
        lines += _criterion(catalog, criterion, f"  {number_}. ")
    return lines


def _criterion(catalog: Catalog, criterion: Criterion, lead: str) -> Iterator[str]:
    mark = "" if criterion.verified else " [chưa đối chiếu]"
    if criterion.alternatives:
        yield f"{lead}Một trong các trường hợp ({criterion.source}){mark}:"
        for letter, alternative in zip("abcdefgh", criterion.alternatives, strict=False):
            yield from _criterion(catalog, alternative, " " * len(lead) + f"{letter}) ")
        return
    who = _SUBJECTS.get(criterion.subjects or (), "")
    sentence = describe(catalog, criterion)
    if not who:
        sentence = sentence[:1].upper() + sentence[1:]
    yield f"{lead}{who}{sentence} ({criterion.source}){mark}."


_SUBJECTS = {("ca_nhan",): "Cá nhân: ", ("tap_the",): "Tập thể: "}


def describe(catalog: Catalog, criterion: Criterion) -> str:
    """One sentence saying what a criterion asks, whoever the subject."""
    return DESCRIPTIONS[criterion.rule](catalog, **criterion.params)


def _name(catalog: Catalog, vocab: str, code: str) -> str:
    return next(t.name for t in catalog.vocab[vocab] if t.code == code).lower()


def _with(initiatives: int) -> str:
    return f", trong thời gian đó có {count(initiatives)} sáng kiến" if initiatives else ""


DESCRIPTIONS: dict[str, Callable[..., str]] = {
    "rating_at_least": lambda c, rating: (
        f"năm xét {_name(c, 'rating', rating)} trở lên"),
    "discipline_below": lambda c, discipline: (
        "không đang trong thời gian bị kỷ luật" if discipline == "khien-trach" else
        f"không đang trong thời gian bị kỷ luật từ mức {_name(c, 'discipline', discipline)} "
        "trở lên"),
    "eligible_for": lambda c, award: f"đạt tiêu chuẩn {c.award(award).name}",
    "initiatives_at_least": lambda c, count: (
        f"có từ {_n(count)} sáng kiến được công nhận trong năm xét"),
    "projects_at_least": lambda c, count: (
        f"có từ {_n(count)} đề tài, đề án khoa học được nghiệm thu trong năm xét"),
    "initiative_scope_at_least": lambda c, scope: (
        f"có sáng kiến (đề tài) phạm vi ảnh hưởng {_name(c, 'scope', scope)} trở lên"),
    "consecutive_titles": lambda c, award, years, initiatives=0: (
        f"{count(years)} năm liên tục đến năm xét đạt {c.award(award).name}{_with(initiatives)}"),
    "consecutive_ratings": lambda c, rating, years, initiatives=0: (
        f"{count(years)} năm liên tục đến năm xét {_name(c, 'rating', rating)} trở lên"
        f"{_with(initiatives)}"),
    "consecutive_times": lambda c, award, times, within: (
        f"{count(times)} lần liên tục đạt {c.award(award).name} (lần sau cách lần trước không "
        f"quá {count(within)} năm)"),
    "claimed_achievement": lambda c, kinds: (
        "thành tích " + " hoặc ".join(_name(c, "achievement", k) for k in kinds)
        + " do đơn vị bình xét, ghi ở cột Loại khen thưởng và Thành tích"),
    "members_share": lambda c, award, share, strict=False: (
        f"{'trên' if strict else 'từ'} {percent(share)} cá nhân của tập thể đạt "
        f"{c.award(award).name}"),
    "members_rated_at_least": lambda c, rating: (
        f"mọi cá nhân của tập thể {_name(c, 'rating', rating)} trở lên"),
    "member_with": lambda c, award: f"có cá nhân đạt {c.award(award).name}",
    "no_member_disciplined": lambda c, discipline: (
        f"không có cá nhân bị kỷ luật từ mức {_name(c, 'discipline', discipline)} trở lên"),
    "after_award": lambda c, award, years, rating, title="", times=0, excellent=0, after=False: (
        f"đã được tặng {c.award(award).name} về công trạng"
        + (", sau đó" if after else " và") + f" có liên tục từ {count(years)} năm trở lên đến "
        f"năm xét {_name(c, 'rating', rating)} trở lên"
        + (f", trong thời gian đó có {count(times)} lần đạt {c.award(title).name}" if title else "")
        + (f" và {count(excellent)} năm hoàn thành xuất sắc nhiệm vụ" if excellent else "")),
}


def _n(value: int) -> str:
    """count(), under a name the describers' `count` parameter does not hide."""
    return count(value)
