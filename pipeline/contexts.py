"""What each document says: the context that fills its template, built from an assessment."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

from .model import (
    Award,
    Collective,
    Council,
    Decision,
    Member,
    Person,
    Proposal,
    Round,
    RoundInfo,
    VoteRule,
)
from .period import YearFigures
from .rules import Assessment, Judgement
from .vn import (
    admin_date,
    amount_words,
    coefficient,
    count,
    fold,
    number,
    percent,
    short_date,
)

DOTS = "…" * 28  # one line left for the clerk to write by hand
BLANK = "…" * 12  # a blank inside a sentence
FIGURE = "…"  # a table's figure the data does not give, for the clerk to write


class Row(SimpleNamespace):
    """A line of a table in a template, read as {{ r.ten }}: an attribute, which Jinja finds
    faster than a dict's key (a province's biên bản has tens of thousands of lines)."""


# --- what every document shares ------------------------------------------------------------------


def common(round_: Round, type_code: str, number: str, *, issuer: str = "") -> dict:
    """The header, date and signature block of a document of this round; `issuer` is the
    ký hiệu of a body with its own number series (the council), else the agency's."""
    info = round_.info
    signer_lines = [info.signer_title.upper()]
    if info.sign_authority:
        signer_lines.insert(0, f"{info.sign_authority} {info.head_title.upper()}")
    month, year = info.sign_month or (None, info.year)
    return {
        "co_quan_chu_quan": info.parent_agency,
        "co_quan_ban_hanh": info.agency,
        "ten_co_quan": info.agency_name,
        "dia_danh": info.place,
        "ngay_ky": admin_date(info.sign_date, month=month, year=year),
        "so_ky_hieu": document_number(number, type_code, issuer or info.agency_code),
        "nam": info.year,
        "dot": info.occasion.name,
        "phong_trao": info.movement,
        "chuc_danh_ky": signer_lines,
        "nguoi_ky": info.signer,
    }


def document_number(number: str, type_code: str, agency_code: str) -> str:
    """Write Số/ký hiệu: "05/TTr-VPUB"; blank numbers are left for văn thư: "     /TTr-VPUB";
    a number typed with its ký hiệu ("236/QĐ-VPUB") is written as typed."""
    if "/" in number:
        return number
    if number.isdigit():
        number = f"{int(number):02d}"
    return f"{number or '     '}/{type_code}-{agency_code}"


def listed(lines: Iterable[str], *, last: str = ".", other: str = ";") -> list[str]:
    """End every line of a list with ";" and the last with "."."""
    lines = [line.rstrip(" ;.") for line in lines]
    return [line + (last if i == len(lines) - 1 else other) for i, line in enumerate(lines)]


def citation(source: str) -> str:
    """A rule file's source as a signed document may cite it: without the note in brackets
    that follows it, and nothing at all for a text not yet read ("chưa đối chiếu")."""
    if "chưa đối chiếu" in source:
        return ""
    return source.split(" (", 1)[0]


def occasion_phrase(round_: Round) -> str:
    """Say which round: "năm 2025", or the sơ kết / tổng kết of the movement."""
    info = round_.info
    if info.occasion.code == "hang-nam" or not info.movement:
        return f"năm {info.year}"
    return (f"nhân dịp {info.occasion.name.lower()} Phong trào thi đua “{info.movement}”"
            + (f" giai đoạn {info.period}" if info.period else ""))


def award_phrase(awards: list[Award]) -> str:
    """Name what is proposed: one award by name, several as "khen thưởng"."""
    if len(awards) != 1:
        return "khen thưởng"
    award = awards[0]
    return f"tặng {award.name}" if award.kind == "hinh_thuc" else f"tặng danh hiệu “{award.name}”"


def subjects_count(proposals: Iterable[Proposal], *, distinct: bool = False) -> str:
    """Count collectives and individuals as documents do: "02 tập thể và 05 cá nhân";
    `distinct` counts a subject proposed for several awards once."""
    proposals = list(proposals)
    if distinct:
        proposals = list({p.subject: p for p in proposals}.values())
    tally = Counter("tap_the" if p.is_collective else "ca_nhan" for p in proposals)
    parts = [f"{count(tally[k])} {label}" for k, label in (("tap_the", "tập thể"),
                                                            ("ca_nhan", "cá nhân")) if tally[k]]
    return " và ".join(parts)


def awards_of(proposals: Iterable[Proposal]) -> list[Award]:
    return sorted({p.award for p in proposals}, key=lambda a: a.rank)


def decider(round_: Round) -> str:
    """Who the tờ trình asks: the addressee without "(qua Sở Nội vụ)"."""
    return addressee(round_).split("(")[0].strip()


def addressee(round_: Round) -> str:
    return round_.info.addressee or f"Chủ tịch Ủy ban nhân dân tỉnh {round_.info.place}"


def unbroken_end(text: str) -> str:
    """Join the last words with no-break spaces, so that a centred line such as a trích yếu
    never ends on a line holding one word ("… năm" / "2025"): the last two, or three when the
    last is a year or a range of years ("giai đoạn 2021-2025")."""
    words = text.split(" ")
    keep = 3 if words[-1][:4].isdigit() else 2
    if len(words) <= keep:
        return text
    return " ".join(words[:-keep]) + " " + "\u00a0".join(words[-keep:])


def paragraphs(text: str) -> list[str]:
    """A clerk's text as paragraphs, one per line; a dotted line to fill by hand when empty."""
    return text.split("\n") if text else [DOTS]


# --- tờ trình ------------------------------------------------------------------------------------


def to_trinh(assessment: Assessment) -> dict:
    round_, info = assessment.round, assessment.round.info
    proposals = assessment.submitted
    awards = awards_of(proposals)
    basis = [f"Căn cứ {line}" for line in round_.regime.legal_basis]
    if info.movement:
        basis.append(f"Căn cứ Kế hoạch tổ chức thực hiện Phong trào thi đua “{info.movement}”")
    basis.append(f"Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng {info.agency_name}")
    requests = [f"- {award.name}: "
                + subjects_count(p for p in proposals if p.award == award)
                for award in awards]
    return common(round_, "TTr", info.number_to_trinh) | {
        "trich_yeu": unbroken_end(f"Về việc đề nghị {award_phrase(awards)} "
                                  f"{occasion_phrase(round_)}"),
        "kinh_gui": addressee(round_),
        "nguoi_quyet_dinh": decider(round_),
        "can_cu": listed(basis),
        "mo_dau": [results_sentence(round_)],
        "tong_so": subjects_count(proposals, distinct=True),
        "de_nghi": listed(requests),
        "kinh_phi": money_sentence(assessment.money(proposals)),
        "chi_tieu": quota_sentences(assessment),
        "ho_so": listed(["- Danh sách tập thể, cá nhân đề nghị khen thưởng",
                         "- Báo cáo thành tích của các tập thể, cá nhân",
                         "- Biên bản họp Hội đồng Thi đua - Khen thưởng"]),
        "noi_nhan": listed(["- Như trên", "- Sở Nội vụ", f"- Lưu: VT, {info.drafting_unit}"
                            if info.drafting_unit else "- Lưu: VT"]),
    }


def quota_sentences(assessment: Assessment) -> list[str]:
    """The movement plan's caps, and how the proposals stand against them."""
    sentences = []
    for quota in assessment.round.quotas:
        mine = [p for p in assessment.proposals if p.award == quota.award]
        caps = [f"{count(cap)} {who}" for cap, who in ((quota.collectives, "tập thể"),
                                                          (quota.individuals, "cá nhân"))
                if cap is not None]
        sentences.append(
            f"Chỉ tiêu {quota.award.name} theo kế hoạch: tối đa {' và '.join(caps)}"
            + (f" ({quota.source})" if quota.source else "")
            + f"; số đề nghị: {subjects_count(mine) or '00'}.")
    return sentences


def money_sentence(amount: int) -> str:
    """State reward money in figures and words."""
    return (f"Tổng số tiền thưởng theo quy định: {number(amount)} đồng (Bằng chữ: "
            f"{amount_words(amount)}).")


def results_sentence(round_: Round) -> str:
    """Sum up the round's ratings in one sentence; what the workbook lists none of (a tổng kết
    of units alone) is left out, never told as 00."""
    info = round_.info
    ratings = Counter(p.rating.code for p in round_.people)
    opening = (f"Năm {info.year}" if info.occasion.code == "hang-nam" or not info.movement else
               f"Thực hiện Phong trào thi đua “{info.movement}”, đến năm {info.year}")
    assessed = [f"{count(len(subjects))} {what}" for subjects, what in (
        (round_.collectives, "phòng, ban, đơn vị"),
        (round_.people, "cán bộ, công chức, viên chức, người lao động")) if subjects]
    detail = (f"; trong đó {count(ratings['HTXSNV'])} người hoàn thành xuất sắc nhiệm vụ, "
              f"{count(ratings['HTTNV'])} người hoàn thành tốt nhiệm vụ" if round_.people else "")
    return (f"{opening}, {info.agency_name} có {' và '.join(assessed)} được đánh giá, xếp "
            f"loại{detail}.")


# --- danh sách -----------------------------------------------------------------------------------


def danh_sach(assessment: Assessment) -> dict:
    round_, info = assessment.round, assessment.round.info
    proposals = assessment.submitted
    awards = awards_of(proposals)
    base = common(round_, "TTr", info.number_to_trinh)
    return base | {
        "tieu_de": f"Tập thể, cá nhân đề nghị {award_phrase(awards)} {occasion_phrase(round_)}",
        "kem_theo": f"(Kèm theo Tờ trình số {base['so_ky_hieu']} {base['ngay_ky']} "
                    f"của {info.agency_name})",
        "dong": grouped_rows(proposals, info.agency_name),
    }


def heading_row(text: str) -> Row:
    return Row(muc=text)


def list_row(number: int, subject: Person | Collective, agency: str) -> Row:
    if isinstance(subject, Collective):
        return Row(muc="", stt=number, ten=subject.name, nam_sinh="", gioi_tinh="",
                   chuc_vu_don_vi=subject.parent or agency, thanh_tich=subject.achievements,
                   ghi_chu=subject.note)
    honorific = "Bà" if subject.sex.code == "nu" else "Ông"
    return Row(muc="", stt=number, ten=f"{honorific} {subject.name}",
               nam_sinh=subject.birth_year, gioi_tinh=subject.sex.name,
               chuc_vu_don_vi=", ".join(x for x in (subject.position, subject.unit) if x),
               thanh_tich=subject.achievements, ghi_chu=subject.note)


# --- báo cáo -------------------------------------------------------------------------------------


def bao_cao(assessment: Assessment) -> dict:
    round_, info = assessment.round, assessment.round.info
    summary = ("Kết quả thực hiện phong trào thi đua và công tác khen thưởng "
               f"năm {info.year}" if info.occasion.code == "hang-nam" or not info.movement else
               f"{info.occasion.name} Phong trào thi đua “{info.movement}”")
    proposals = assessment.proposals
    award_rows = [{"stt": i, "ten": award.name,
                   "tap_the": sum(p.is_collective for p in proposals if p.award == award),
                   "ca_nhan": sum(not p.is_collective for p in proposals if p.award == award),
                   "cap": award.decided_by,
                   "tien": number(assessment.money(tuple(p for p in proposals
                                                         if p.award == award)))}
                  for i, award in enumerate(awards_of(proposals), start=1)]
    return common(round_, "BC", info.number_bao_cao) | {
        "trich_yeu": unbroken_end(summary),
        "trich_yeu_viet_thuong": summary[:1].lower() + summary[1:],
        "kinh_gui": info.report_addressee or f"Sở Nội vụ tỉnh {info.place}",
        "dac_diem": [results_sentence(round_), *paragraphs(info.situation)],
        "chi_dao": paragraphs(info.direction),
        "xep_loai": ratings_sentences(round_),
        "khen_thuong": [proposals_sentence(assessment), *quota_sentences(assessment),
                        money_sentence(assessment.money()), *compared(assessment)],
        "bang_khen_thuong": award_rows,
        "tong_tap_the": sum(p.is_collective for p in proposals),
        "tong_ca_nhan": sum(not p.is_collective for p in proposals),
        "tong_tien": number(assessment.money()),
        "bang_don_vi": unit_rows(assessment),
        "tong_so_nguoi": len(round_.people),
        **period_tables(assessment),
        "danh_gia": paragraphs(info.assessment),
        "phuong_huong": paragraphs(info.plans),
        "kien_nghi": paragraphs(info.proposals),
        "noi_nhan": listed([f"- {info.report_addressee or 'Sở Nội vụ'}",
                            "- Lãnh đạo Văn phòng",
                            f"- Lưu: VT, {info.drafting_unit}" if info.drafting_unit
                            else "- Lưu: VT"]),
    }


# The báo cáo kết quả's parts written by the clerk: (RoundInfo field, the Thông tin row).
REPORT_PARTS = (("situation", "Đặc điểm tình hình"), ("direction", "Công tác chỉ đạo, triển khai"),
                ("assessment", "Đánh giá chung"), ("plans", "Phương hướng"),
                ("proposals", "Đề xuất, kiến nghị"))


def empty_parts(info: RoundInfo) -> list[str]:
    """The Thông tin rows the báo cáo kết quả found empty: dotted lines in the document."""
    return [label for field, label in REPORT_PARTS if not getattr(info, field)]


def compared(assessment: Assessment) -> list[str]:
    """A yearly report's comparison with the year before."""
    before = assessment.previous
    if before is None:
        return []
    round_ = assessment.round
    now = (len(round_.people), Counter(p.rating.code for p in round_.people)["HTXSNV"],
           len(assessment.standing), assessment.money())  # as YearFigures counts them
    then = (before.people, dict(before.ratings).get("HTXSNV", 0),
            sum(c + i for _, c, i in before.proposed), before.money)
    parts = [f"{label} {number(a)} ({_change(a - b)})" for label, a, b in zip(
        ("số người được đánh giá", "số người hoàn thành xuất sắc nhiệm vụ", "số lượt đề nghị "
         "khen thưởng", "tiền thưởng (đồng)"), now, then, strict=True)]
    return [f"So với năm {before.year}: " + "; ".join(parts) + "."]


def _change(difference: int) -> str:
    if difference == 0:
        return "không đổi"
    return f"{'tăng' if difference > 0 else 'giảm'} {number(abs(difference))}"


def _year_row(year: YearFigures) -> Row:
    """A year's line of the period table; with no yearly workbook of that year its ratings are
    unknown here: dots for the clerk, not zeros."""
    if year.people is None:
        return Row(nam=year.year, **dict.fromkeys(("tap_the", "ca_nhan", "htxs", "htt", "ht",
                                                    "kht"), FIGURE), tien=number(year.money))
    ratings = dict(year.ratings)
    return Row(nam=year.year, tap_the=year.collectives, ca_nhan=year.people,
               htxs=ratings.get("HTXSNV", 0), htt=ratings.get("HTTNV", 0),
               ht=ratings.get("HTNV", 0), kht=ratings.get("KHTNV", 0), tien=number(year.money))


def period_tables(assessment: Assessment) -> dict:
    """A sơ kết or tổng kết's figures by year, by unit, and its most honoured; empty otherwise."""
    period = assessment.period
    if period is None:
        return {"giai_doan": "", "bang_cac_nam": [], "bang_khen_cac_nam": [],
                "bang_don_vi_giai_doan": [], "dien_hinh": [], "tong_giai_doan": {}}
    catalog = assessment.judge.catalog
    years = period.years
    rows = [_year_row(y) for y in years]
    awards = []
    for year in years:
        awards.append(Row(muc=f"Năm {year.year}"))
        decided = {code: (c, i) for code, c, i in year.decided}
        awards += [Row(muc="", ten=catalog.award(code).name, de_nghi=_pair(c, i),
                       duoc_tang=_pair(*decided.get(code, (0, 0))))
                   for code, c, i in year.proposed]
    units = Counter()
    for honour in period.honours:
        units[honour.name if honour.collective else honour.unit] += len(honour.awards)
    return {
        "giai_doan": f"{period.first}-{period.last}",
        "bang_cac_nam": rows,
        "bang_khen_cac_nam": awards,
        "bang_don_vi_giai_doan": [Row(stt=i, ten=unit, so_luot=times) for i, (unit, times)
                                  in enumerate(sorted(units.items(), key=lambda u: -u[1]),
                                               start=1)],
        "dien_hinh": [f"- {h.name}" + (f" ({h.unit})" if h.unit else "") + ": "
                      f"{count(len(h.awards))} lần, " + ", ".join(
                          f"{catalog.award(code).name} năm {year}" for year, code in h.awards)
                      + ";" for h in period.honours if len(h.awards) > 1][:10] or [DOTS],
        "tong_giai_doan": {"tien": number(sum(y.money for y in years))},
    }


def _pair(collectives: int, individuals: int) -> str:
    return f"{count(collectives)} tập thể, {count(individuals)} cá nhân"


def ratings_sentences(round_: Round) -> list[str]:
    """Count ratings of collectives and of individuals, with shares, best rating first."""
    sentences = []
    for label, subjects in (("tập thể", round_.collectives), ("cá nhân", round_.people)):
        if not subjects:
            continue
        tally = Counter(s.rating for s in subjects)
        parts = [f"{count(tally[r])} {label} {r.name.lower()} ({percent(tally[r], len(subjects))})"
                 for r in sorted(tally, key=lambda term: term.rank)]
        sentences.append(f"Về {label}: tổng số {count(len(subjects))}; " + "; ".join(parts) + ".")
    return sentences


def proposals_sentence(assessment: Assessment) -> str:
    info = assessment.round.info
    if not assessment.proposals:
        return "Trong đợt này không có đề nghị khen thưởng."
    parts = []
    if assessment.decided:
        parts.append(f"thuộc thẩm quyền {info.head_title or 'Thủ trưởng cơ quan'} quyết định: "
                     f"{subjects_count(assessment.decided)}")
    if assessment.submitted:
        parts.append(f"trình {decider(assessment.round)} xem xét: "
                     f"{subjects_count(assessment.submitted)}")
    refused = len(assessment.refused)
    return (f"Tổng số lượt đề nghị: {subjects_count(assessment.proposals)}; trong đó "
            + "; ".join(parts) + "."
            + (f" Ngoài ra có {count(refused)} lượt đề nghị không đủ điều kiện theo quy định, "
               "không đưa vào danh sách." if refused else "")
            + held_sentence(assessment))


def held_sentence(assessment: Assessment) -> str:
    """Say how many proposals wait for, or failed, the council's conclusion."""
    if not assessment.held:
        return ""
    return (f" {count(len(assessment.held))} lượt đề nghị chưa được Hội đồng kết luận đạt, "
            "chưa đưa vào danh sách.")


def unit_rows(assessment: Assessment) -> list[Row]:
    """One row per unit: its people, and its proposals by kind."""
    round_ = assessment.round
    units: dict[str, str] = {}  # folded name → the name as the Tập thể sheet spells it
    for name in [c.name for c in round_.collectives] + [p.unit for p in round_.people]:
        units.setdefault(fold(name), name)

    proposals: dict[str, list[Proposal]] = defaultdict(list)
    for proposal in assessment.proposals:
        subject = proposal.subject
        proposals[fold(subject.name if isinstance(subject, Collective) else subject.unit)] \
            .append(proposal)
    people = Counter(fold(p.unit) for p in round_.people)
    return [Row(stt=position, ten=unit, so_nguoi=people[key],
                danh_hieu=award_tally(p for p in proposals[key] if p.award.kind == "danh_hieu"),
                hinh_thuc=award_tally(p for p in proposals[key] if p.award.kind == "hinh_thuc"))
            for position, (key, unit) in enumerate(units.items(), start=1)]


def award_tally(proposals: Iterable[Proposal]) -> str:
    tally = Counter(p.award for p in proposals)
    return ", ".join(f"{count(tally[a])} {a.short}" for a in sorted(tally, key=lambda a: a.rank))


# --- quyết định of the office head ---------------------------------------------------------------


def quyet_dinh_giay_khen(assessment: Assessment) -> dict:
    return _quyet_dinh(assessment, "hinh_thuc")


def quyet_dinh_danh_hieu(assessment: Assessment) -> dict:
    return _quyet_dinh(assessment, "danh_hieu")


def decided(assessment: Assessment, kind: str) -> tuple[Proposal, ...]:
    """Accepted proposals the office head decides, of one kind (danh hiệu or hình thức)."""
    return tuple(p for p in assessment.decided if p.award.kind == kind)


def _quyet_dinh(assessment: Assessment, kind: str) -> dict:
    round_, info = assessment.round, assessment.round.info
    proposals = decided(assessment, kind)
    awards = awards_of(proposals)
    number = info.number_qd_giay_khen if kind == "hinh_thuc" else info.number_qd_danh_hieu
    base = common(round_, "QĐ", number)
    grants = [(a.name if kind == "hinh_thuc" else f"danh hiệu “{a.name}”") + " cho "
              + subjects_count(p for p in proposals if p.award == a) for a in awards]
    head = title_of(info.head_title or info.signer_title, info.agency_name)
    basis = [f"Căn cứ {line}" for line in (*round_.regime.legal_basis, info.basis_functions
                                            or DOTS, info.basis_regulation or DOTS)]
    basis.append(f"Theo đề nghị của Hội đồng Thi đua - Khen thưởng {info.agency_name}")
    money = assessment.money(proposals)
    return base | {
        "trich_yeu": unbroken_end(("Về việc tặng Giấy khen" if kind == "hinh_thuc"
                                   else "Về việc công nhận danh hiệu thi đua")
                                  + f" {occasion_phrase(round_)}"),
        "tham_quyen": head.upper(),
        "can_cu": listed(basis),
        "cac_dieu": [
            {"so": "Điều 1.", "noi_dung": ("Tặng " if kind == "hinh_thuc" else "Công nhận ")
             + "; ".join(grants)
             + f" (có danh sách kèm theo), {achievement_phrase(round_, kind)}."},
            {"so": "Điều 2.", "noi_dung": money_article(assessment, proposals, money)},
            {"so": "Điều 3.", "noi_dung": "Quyết định này có hiệu lực kể từ ngày ký. Trưởng các "
             "phòng, ban, đơn vị thuộc Văn phòng và các tập thể, cá nhân có tên tại Điều 1 chịu "
             "trách nhiệm thi hành Quyết định này./."},
        ],
        "noi_nhan": listed(["- Như Điều 3", f"- Lưu: VT, {info.drafting_unit}"
                            if info.drafting_unit else "- Lưu: VT"]),
        "tieu_de_danh_sach": ("Tập thể, cá nhân được tặng Giấy khen" if kind == "hinh_thuc"
                              else "Tập thể, cá nhân được công nhận danh hiệu thi đua")
        + f" {occasion_phrase(round_)}",
        "kem_theo": f"(Kèm theo Quyết định số {base['so_ky_hieu']} {base['ngay_ky']} của "
                    f"{head})",
        "dong": grouped_rows(proposals, info.agency_name),
    }


def times(value: float) -> str:
    """A coefficient as documents write it: "0,3 lần", "1,0 lần"."""
    return f"{coefficient(value)} lần"


def title_of(post: str, agency: str) -> str:
    """Join a post and its agency, sharing the words they overlap on: "Chánh Văn phòng" +
    "Văn phòng Ủy ban nhân dân tỉnh" → "Chánh Văn phòng Ủy ban nhân dân tỉnh"."""
    words, tail = post.split(), agency.split()
    for size in range(min(len(words), len(tail)), 0, -1):
        if fold(" ".join(words[-size:])) == fold(" ".join(tail[:size])):
            return " ".join(words + tail[size:])
    return f"{post} {agency}"


def ballot_row(number_: int, judgement: Judgement, granted: set[Judgement]) -> Row:
    """A line of the biên bản: the vote against its threshold and the result, "Đạt" exactly for
    the proposals the round's other documents carry."""
    ballot = judgement.ballot
    conclusion = judgement.proposal.subject.conclusion
    if not judgement.accepted:
        result = "Không đủ điều kiện"
    elif judgement in granted:
        result = "Đạt"
    elif conclusion is not None:
        result = conclusion.name
    elif ballot is not None and not ballot.passed:
        result = "Chưa đạt"
    else:
        result = "Chờ kết luận"
    return Row(stt=number_, ten=judgement.proposal.subject.name,
               de_nghi=judgement.proposal.award.name,
               phieu=f"{ballot.votes}/{ballot.base}" if ballot else "",
               ty_le=percent(ballot.votes, ballot.base) if ballot else "",
               nguong=threshold_short(ballot.rule) if ballot else "", ket_qua=result)


def council_sentences(rows: list[Row], judgements: tuple[Judgement, ...]) -> str:
    """Say which lines of the minutes the council concluded against although their votes
    reached the threshold, and which it has not concluded on yet, by their numbers."""
    against = [r.stt for r, j in zip(rows, judgements, strict=True)
               if r.ket_qua == "Không đạt" and j.ballot is not None and j.ballot.passed]
    waiting = [r.stt for r in rows if r.ket_qua == "Chờ kết luận"]
    against, waiting = (", ".join(map(str, found)) for found in (against, waiting))
    return ((f" Đề nghị số {against} có tỷ lệ phiếu đồng ý đạt ngưỡng nhưng Hội đồng xem xét "
             "hồ sơ và kết luận không đạt." if against else "")
            + (f" Đề nghị số {waiting} Hội đồng chưa kết luận, cần xem xét thêm hồ sơ; chưa "
               "đưa vào danh sách." if waiting else ""))


def threshold_short(rule: VoteRule) -> str:
    return f"{'>' if rule.strict else '≥'} {percent(rule.share, 1)}"


def achievement_phrase(round_: Round, kind: str) -> str:
    """Why Điều 1 awards, in words true of every subject it lists, whatever their rating."""
    info = round_.info
    if kind == "danh_hieu":
        return f"đã đạt tiêu chuẩn danh hiệu thi đua theo quy định {occasion_phrase(round_)}"
    if info.occasion.code == "hang-nam" or not info.movement:
        return f"đã có thành tích trong thực hiện nhiệm vụ năm {info.year}"
    return f"đã có thành tích trong Phong trào thi đua “{info.movement}”" + (
        f" giai đoạn {info.period}" if info.period else "")


def money_article(assessment: Assessment, proposals: tuple[Proposal, ...], money: int) -> str:
    """Điều 2: the money each kind of subject receives with each award, the total, the fund."""
    chosen = set(proposals)
    parts, unpaid = [], False
    for award in awards_of(proposals):
        what = (f"được tặng {award.name}" if award.kind == "hinh_thuc"
                else f"đạt danh hiệu “{award.name}”")
        for collective, who in ((True, "tập thể"), (False, "cá nhân")):
            group = [j for j in assessment.granted if j.proposal in chosen
                     and j.proposal.award == award and j.proposal.is_collective == collective]
            paid = [j for j in group if j.money]
            unpaid |= len(paid) < len(group)
            if paid:
                parts.append(f"mỗi {who} {what} được thưởng {number(paid[0].money)} đồng "
                             f"({times(paid[0].coefficient)} mức lương cơ sở)")
    info = assessment.round.info
    fund = info.fund or f"Quỹ thi đua, khen thưởng của {info.agency_name}"
    if not parts:
        return "Các tập thể, cá nhân có tên tại Điều 1 không kèm theo tiền thưởng."
    text = "; ".join(parts)
    return (text[:1].upper() + text[1:]
            + ("; người đạt nhiều danh hiệu trong đợt chỉ nhận tiền thưởng của danh hiệu cao "
               "nhất" if unpaid else "")
            + f". Tổng số tiền: {number(money)} đồng (Bằng chữ: {amount_words(money)}), chi từ "
              f"{fund}.")


def grouped_rows(proposals: Iterable[Proposal], agency: str, *, short: bool = False) -> list[Row]:
    """List rows grouped by award (A., B., …), then I. TẬP THỂ and II. CÁ NHÂN, numbered."""
    proposals = list(proposals)
    rows: list[Row] = []
    for letter, award in zip("ABCDEFGHIK", awards_of(proposals), strict=False):
        rows.append(heading_row(f"{letter}. {award.name.upper()}"))
        group = [p for p in proposals if p.award == award]
        parts = [(label, members) for label, members in (
            ("TẬP THỂ", [p for p in group if p.is_collective]),
            ("CÁ NHÂN", [p for p in group if not p.is_collective])) if members]
        for roman, (label, members) in zip(("I", "II"), parts, strict=False):
            rows.append(heading_row(f"{roman}. {label}"))
            rows += [list_row(i, p.subject, agency) for i, p in enumerate(members, start=1)]
    return rows


# --- biên bản of the council ---------------------------------------------------------------------


def bien_ban(assessment: Assessment) -> dict:
    """The minutes of the council's meeting, under the council's name and number series, dated
    on the meeting day."""
    round_, info = assessment.round, assessment.round.info
    council = round_.council or Council(0, None)
    base = common(round_, "BB", council.number, issuer="HĐTĐKT")
    granted = set(assessment.granted)
    rows = [ballot_row(i, j, granted) for i, j in enumerate(assessment.judgements, start=1)]
    meeting = admin_date(council.meeting_date, year=info.year)
    chair_title = council.chair_title or next(
        (m.role.name for m in council.roster if m.name == council.chair), "")
    return base | {
        "co_quan_chu_quan": parent_of_council(info.agency_name),
        "co_quan_ban_hanh": COUNCIL_HEADER,
        "ngay_ky": meeting,
        "trich_yeu": unbroken_end(f"Họp xét khen thưởng {occasion_phrase(round_)}"),
        "mo_dau": [
            f"Thời gian bắt đầu: {council.start_time or '… giờ …'}, {meeting}.",
            f"Địa điểm: {council.venue or BLANK}.",
            *attendance(council, info.agency_name),
            f"Chủ trì: {who(council, council.chair, chair_title)}.",
            f"Thư ký: {who(council, council.secretary, '')}.",
        ],
        "noi_dung": [
            f"Hội đồng đã nghe báo cáo kết quả thẩm định hồ sơ đề nghị khen thưởng "
            f"{occasion_phrase(round_)} và tiến hành biểu quyết. Kết quả như sau:"],
        "dong": rows,
        "ket_luan": [
            "Hội đồng thống nhất đề nghị khen thưởng các tập thể, cá nhân có kết quả “Đạt” theo "
            "quy định."
            + (f" {count(len(assessment.refused))} đề nghị không đủ điều kiện theo kết quả thẩm "
               "định, không đưa vào danh sách." if assessment.refused else "")
            + council_sentences(rows, assessment.judgements),
            f"Cuộc họp kết thúc vào {council.end_time or '… giờ …'}, {meeting}./."],
        "thu_ky": council.secretary,
        "chu_tri": council.chair,
        "chuc_danh_chu_tri": chair_title.upper() or "CHỦ TRÌ",
    }


COUNCIL = "Hội đồng Thi đua - Khen thưởng"
# The council's name in the header: too long for the agency's column on one line, it breaks
# after "HỘI ĐỒNG" only (no-break spaces elsewhere), never at "- KHEN" / "THƯỞNG".
COUNCIL_HEADER = "HỘI\u00a0ĐỒNG THI\u00a0ĐUA\u00a0-\u00a0KHEN\u00a0THƯỞNG"


def parent_of_council(agency_name: str) -> str:
    """The body the council belongs to, as the line above its name: "VĂN PHÒNG UBND TỈNH SƠN
    LA" (NĐ 30/2020 lets the common phrase be shortened there)."""
    return re.sub(r"(?i)\bỦY BAN NHÂN DÂN\b|\bUỶ BAN NHÂN DÂN\b", "UBND", agency_name.upper())


def attendance(council: Council, agency_name: str) -> list[str]:
    """Thành phần: the members present out of all, each present and absent member by name and
    role when the Hội đồng sheet lists them, the absentees with their reasons."""
    members = council.members or None
    present = council.present if council.present is not None else members
    line = (f"Thành phần: {COUNCIL} {agency_name}; có mặt "
            f"{count(present) if present is not None else '…'}/"
            f"{count(members) if members else '…'} thành viên")
    if not council.roster:
        return [line + (f"; vắng mặt: {council.absent}" if council.absent else "") + "."]
    came = [m for m in council.roster if m.attended]
    away = [m for m in council.roster if not m.attended]
    lines = [line + ":", *listed(f"- {member_line(m)}" for m in came)]
    if away:
        lines[-1] = lines[-1][:-1] + ";"
        lines.append(f"Vắng mặt: {count(len(away))} thành viên:")
        lines += listed(f"- {member_line(m)}" + (f", lý do: {sentence_case(m.reason)}"
                                                  if m.reason else "") for m in away)
    return lines


def member_line(member: Member) -> str:
    return ", ".join(x for x in (member.name, member.position, member.role.name) if x)


def who(council: Council, name: str, title: str) -> str:
    """A chair or secretary: name, post in the office, and title in the council."""
    if not name:
        return BLANK
    member = next((m for m in council.roster if m.name == name), None)
    position = member.position if member else ""
    return ", ".join(x for x in (name, position, title) if x)


def sentence_case(text: str) -> str:
    """Lower the first letter of a reason typed as a sentence ("Đi công tác" → "đi công tác"),
    not of an abbreviation or a name's capitals ("UBND …")."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


# --- báo cáo thành tích --------------------------------------------------------------------------

# (collective, kind) → template, the form's name as ND 152/2025's appendix lists it: công trạng
# has a form for a person and one for a collective; đột xuất and chuyên đề one form for both
_FORMS = {"ca-nhan": ("bao-cao-thanh-tich-ca-nhan.docx",
                      "Báo cáo thành tích đề nghị khen thưởng công trạng cho cá nhân"),
          "tap-the": ("bao-cao-thanh-tich-tap-the.docx",
                      "Báo cáo thành tích đề nghị khen thưởng công trạng cho tập thể"),
          "dot-xuat": ("bao-cao-thanh-tich-dot-xuat.docx",
                       "Báo cáo thành tích đề nghị khen thưởng đột xuất"),
          "phong-trao": ("bao-cao-thanh-tich-chuyen-de.docx",
                         "Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề")}
REPORT_FORMS = {(collective, kind): _FORMS[kind if kind != "cong-trang" else
                                            "tap-the" if collective else "ca-nhan"]
                for collective in (False, True)
                for kind in ("cong-trang", "dot-xuat", "phong-trao")}


WAITING = "cho-ket-luan"  # the file-name prefix of a report whose proposal the council has not
# concluded on: the council reads it, the tờ trình does not count it
# a field of the lý lịch left to fill by hand: dotted to the end of the line and on to the next,
# a zero-width space every four dots letting Word break it where the line ends
LINE = "\u200b".join(["…" * 4] * 6)


def achievement_reports(assessment: Assessment) -> list[tuple[str, str, dict]]:
    """One báo cáo thành tích per proposal sent up, numbered as the danh sách, and one per
    proposal for the chairman still waiting for the council: (file name, template, context)."""
    units = units_of(assessment.round)
    return [(name, REPORT_FORMS[(proposal.is_collective, proposal.subject.kind.code)][0],
             achievement_report(assessment, proposal, units))
            for name, proposal in _report_files(assessment)]


def report_gaps(assessment: Assessment) -> list[tuple[str, tuple[str, ...]]]:
    """Each báo cáo thành tích with what it leaves to fill by hand, in file order:
    ("bao-cao-thanh-tich/03-lo-van-khiem.docx", ("Quê quán", "Trú quán"))."""
    gaps = []
    for name, proposal in _report_files(assessment):
        parts = _parts(proposal.subject, assessment.round.info)
        missing = tuple(f.gap for part in parts.values() for f in part if f.gap)
        if missing:
            gaps.append((name, missing))
    return gaps


def _report_files(assessment: Assessment) -> list[tuple[str, Proposal]]:
    """Each report's file name and its proposal: the proposals sent up, numbered as the danh
    sách (0001 … 2000 sort as the list in any file manager), then those waiting."""
    proposals = assessment.submitted
    waiting = tuple(j.proposal for j in assessment.held if j.proposal.award.route == "province"
                    and j.proposal.subject.conclusion is None)
    several = Counter(p.subject for p in proposals + waiting)
    digits = max(2, len(str(len(proposals))))
    prefixes = [f"{n:0{digits}d}" for n in range(1, len(proposals) + 1)]
    files = []
    for prefix, proposal in zip(prefixes + [WAITING] * len(waiting), proposals + waiting,
                                strict=True):
        subject = proposal.subject
        name = slug(subject.name + (f" {proposal.award.short}" if several[subject] > 1 else ""))
        files.append((f"bao-cao-thanh-tich/{prefix}-{name}.docx", proposal))
    return files


BLANK_ROW = {"nam": "", "ten": "", "quyet_dinh": ""}  # for the reporter to fill by hand


def decision_text(decision: Decision) -> str:
    """Số, ngày, tháng, năm của quyết định; cơ quan ban hành: "12/QĐ-VPUB ngày 05/12/2024;
    Chánh Văn phòng" (what the clerk did not record is left to fill by hand)."""
    number = decision.number or "……"
    day = short_date(decision.day) if decision.day else "……"
    return f"{number} ngày {day}" + (f"; {decision.body}" if decision.body else "")


@dataclass(frozen=True)
class Field:
    """A line or a section of a báo cáo thành tích: its label on the form, the value the
    workbook gives, and the name the run's summary gives it while it waits to be filled."""

    label: str
    value: str
    gap: str = ""


def _given(label: str, value: str, gap: str) -> Field:
    return Field(label, value, "" if value else gap)


def _parts(subject: Person | Collective, info: RoundInfo) -> dict[str, list[Field]]:
    """What a subject's report says, part by part, on the form of its kind of achievement."""
    kind = subject.kind.code
    achievements = _given("Thành tích", subject.achievements, "Thành tích")
    if isinstance(subject, Person):
        p = subject.profile
        short = kind == "phong-trao"
        return {"ly_lich": person_lines(subject, info.agency_name, short=short),
                "nhiem_vu": [_given("Quyền hạn, nhiệm vụ", p.duties, "Quyền hạn, nhiệm vụ")]
                if kind == "cong-trang" else [],
                "thanh_tich": [achievements], "bien_phap": []}
    u = subject.profile
    functions = _given("Chức năng, nhiệm vụ", u.functions, "Chức năng, nhiệm vụ")
    lines = unit_lines(subject, info.agency_name)
    if kind == "cong-trang":
        return {"dac_diem": lines + [_given("Tổ chức bộ máy", u.structure, "Tổ chức bộ máy")],
                "chuc_nang": [functions], "thanh_tich": [achievements],
                "bien_phap": [_given("Biện pháp", u.measures, "Biện pháp")]}
    return {"ly_lich": lines + [functions], "thanh_tich": [achievements],
            "bien_phap": [_given("Biện pháp", u.measures, "Biện pháp")]
            if kind == "phong-trao" else []}


def person_lines(person: Person, agency: str, *, short: bool = False) -> list[Field]:
    """I. Sơ lược lý lịch of a person, field by field; `short`: the chuyên đề form's."""
    p = person.profile
    born = (Field("Sinh ngày, tháng, năm", short_date(p.birth_date)) if p.birth_date else
            Field("Sinh ngày, tháng, năm", f"……/……/{person.birth_year}", "Ngày sinh"))
    posts = "; ".join(x for x in (person.position, p.party_position) if x)
    office = ", ".join(x for x in (person.unit, agency) if x)
    post = _given("Chức vụ (Đảng, chính quyền, đoàn thể)", posts, "Chức vụ")
    if short:
        return [Field("Họ tên", person.name), born, Field("Giới tính", person.sex.name), post,
                Field("Đơn vị công tác", office)]
    return [Field("Họ tên", person.name), born, Field("Giới tính", person.sex.name),
            _given("Quê quán", p.hometown, "Quê quán"), _given("Trú quán", p.residence, "Trú quán"),
            Field("Đơn vị công tác", office), post,
            _given("Trình độ chuyên môn, nghiệp vụ", p.qualification, "Trình độ chuyên môn"),
            _given("Học hàm, học vị, danh hiệu, giải thưởng", p.degrees, "Học hàm, học vị")]


def unit_lines(collective: Collective, agency: str) -> list[Field]:
    """Đặc điểm of a collective: its name, the level above it, its seat, its staff."""
    u = collective.profile
    return [Field("Tên tập thể", collective.name),
            Field("Đơn vị cấp trên", collective.parent or agency),
            _given("Trụ sở", u.address, "Trụ sở"),
            _given("Số lượng cán bộ, công chức, viên chức, người lao động",
                   f"{number(u.staff)} người" if u.staff is not None else "", "Số lượng cán bộ")]


def _lines(fields: list[Field]) -> list[str]:
    return [f"- {f.label}: {f.value or LINE}" for f in fields]


def _texts(fields: list[Field]) -> list[str]:
    """Sections of free text as paragraphs, a dotted line where the workbook says nothing."""
    return [line for f in fields for line in paragraphs(f.value)]


def units_of(round_: Round) -> dict[str, Collective]:
    return {fold(c.name): c for c in round_.collectives}


# The posts whose holder heads his unit, when the Tập thể sheet does not name the head's title.
_HEAD_POSTS = ("truong", "giam doc", "chanh", "chu tich", "hieu truong", "vien truong")


def heads_unit(person: Person, head_title: str) -> bool:
    """Whether a person is the head of his own unit, so that his report goes one level up."""
    post = fold(person.position)
    if head_title:
        return post == fold(head_title) or fold(title_of(person.position, person.unit)) \
            == fold(head_title)
    return post.startswith(_HEAD_POSTS)


def level_above(info: RoundInfo) -> str:
    """Who stands above the office's head: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA"."""
    parent = info.parent_agency.upper()
    return f"CHỦ TỊCH {parent}" if fold(parent).startswith("uy ban nhan dan") \
        else f"THỦ TRƯỞNG {parent}"


def certifier(subject: Person | Collective, info: RoundInfo,
              units: dict[str, Collective]) -> str:
    """Who certifies a report ("XÁC NHẬN CỦA …"): the reporter's direct superior, never the
    reporter himself. A person's is the head of his unit; a unit head's, the office's head;
    the office head's, the level above. A collective is signed by its head and certified by
    the office that sends it up."""
    office = (info.head_title or "Thủ trưởng cơ quan").upper()
    if isinstance(subject, Collective):
        return office
    if info.head_title and fold(subject.position) == fold(info.head_title):
        return level_above(info)
    unit = units.get(fold(subject.unit))
    head = unit.profile.head_title if unit else ""
    if heads_unit(subject, head):
        return office
    return head.upper() or "THỦ TRƯỞNG ĐƠN VỊ"


def achievement_report(assessment: Assessment, proposal: Proposal,
                       units: dict[str, Collective]) -> dict:
    """The context of one báo cáo thành tích, on the form of its subject and achievement."""
    round_, info, subject = assessment.round, assessment.round.info, proposal.subject
    collective = isinstance(subject, Collective)
    form = REPORT_FORMS[(collective, subject.kind.code)][1]
    place = common(round_, "", "")
    context = {
        "dia_danh": place["dia_danh"], "ngay_ky": place["ngay_ky"],
        "de_nghi": f"Đề nghị tặng {proposal.award.name}" if proposal.award.kind == "hinh_thuc"
        else f"Đề nghị tặng danh hiệu “{proposal.award.name}”",
        "mau": form,
        "cam_doan": "Tập thể cam đoan nội dung báo cáo trên là đúng sự thật." if collective
        else "Tôi xin cam đoan nội dung báo cáo trên là đúng sự thật.",
        "xac_nhan": ["XÁC NHẬN CỦA", certifier(subject, info, units)],
        "nguoi_bao_cao_chuc_danh": (subject.profile.head_title.upper() or "THỦ TRƯỞNG ĐƠN VỊ")
        if collective else "NGƯỜI BÁO CÁO THÀNH TÍCH",
        "nguoi_bao_cao": "" if collective else subject.name,
    }
    for key, fields in _parts(subject, info).items():
        context[key] = _lines(fields) if key in ("ly_lich", "dac_diem") else _texts(fields)
    if subject.kind.code == "cong-trang":
        context |= past_awards(assessment, subject)
    else:
        context["muc_1"] = "ĐẶC ĐIỂM, TÌNH HÌNH" if collective else "SƠ LƯỢC LÝ LỊCH"
    return context


def past_awards(assessment: Assessment, subject: Person | Collective) -> dict:
    """The công trạng form's year table and III: only what was decided, with its decision."""
    years = assessment.history.get(subject, {})
    year = assessment.round.info.year
    titles, forms_ = [], []
    for when in sorted(years):  # what was decided: a proposal still waiting is not received
        facts = years[when]
        titles += [{"nam": when, "ten": award.name, "quyet_dinh": decision_text(decision)}
                   for award, decision in facts.titles.items() if decision]
        forms_ += [{"nam": when, "ten": award.name, "quyet_dinh": decision_text(decision)}
                   for award, _, decision in facts.awards if decision]
    person = isinstance(subject, Person)
    current = {"xep_loai": subject.rating.name,
               "phu": f"{count(subject.initiatives)} sáng kiến" if person and subject.initiatives
               else ""}
    rows = [{"nam": y, **({"xep_loai": years[y].rating.name if years[y].rating else "",
                           "phu": (f"{count(years[y].initiatives)} sáng kiến"
                                   if years[y].initiatives else "")}
                          if y != year else current)} for y in sorted({*years, year})[-5:]]
    return {"cac_nam": rows, "cot_phu": "Sáng kiến được công nhận" if person else "Ghi chú",
            "danh_hieu": titles or [BLANK_ROW], "hinh_thuc": forms_ or [BLANK_ROW]}


_NOT_IN_NAME = re.compile(r"[^a-z0-9]+")
SLUG_LENGTH = 60  # a province's outputs/ path, this and the folders stay under Windows' 260


def slug(text: str) -> str:
    """A file-name part of a-z, 0-9 and dashes, at most 60 characters, cut between words:
    "Lò Văn Khiêm" → "lo-van-khiem"; nothing left of the text gives "khong-ten"."""
    name = _NOT_IN_NAME.sub("-", fold(text)).strip("-")
    if len(name) > SLUG_LENGTH:
        cut = name[:SLUG_LENGTH + 1].rpartition("-")[0] or name[:SLUG_LENGTH]
        name = cut.rstrip("-")
    return name or "khong-ten"
