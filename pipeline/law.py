"""The rules in force on a date, in words a jurist can check against the law without Python
(`khenthuong quy-dinh`): per award, who decides, each criterion as one sentence with its clause
and whether it was read from the text, the council's vote, the coefficient and the money."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .catalog import Catalog
from .model import Award, Criterion, Regime, Salary
from .rules import money_for, threshold
from .vn import coefficient, number, short_date
from .wording import LETTERS, describe


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
        for letter, alternative in zip(LETTERS, criterion.alternatives, strict=False):
            yield from _criterion(catalog, alternative, " " * len(lead) + f"{letter}) ")
        return
    who = _SUBJECTS.get(criterion.subjects or (), "")
    sentence = describe(catalog, criterion)
    if not who:
        sentence = sentence[:1].upper() + sentence[1:]
    yield f"{lead}{who}{sentence} ({criterion.source}){mark}."


_SUBJECTS = {("ca_nhan",): "Cá nhân: ", ("tap_the",): "Tập thể: "}
