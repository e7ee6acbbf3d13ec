"""Write the Word templates of forms/ from this one description of their layout.

The .docx files are what a clerk edits; this script is how developers make them anew, slim
(no unused styles or parts), laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I says.

    python scripts/build_forms.py [FOLDER]
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

# A4 in twentieths of a point; margins: top/bottom 20 mm, left 30 mm, right 20 mm.
A4_SHORT, A4_LONG = 11906, 16838
TOP = BOTTOM = 1134
LEFT, RIGHT = 1701, 1134
PORTRAIT_WIDTH = A4_SHORT - LEFT - RIGHT
# Measured in Times New Roman (Liberation Serif): "ỦY BAN NHÂN DÂN TỈNH SƠN LA" at 12 pt is 3800
# twips wide and the Quốc hiệu at 12 pt bold 5007, so both keep to one line only in cells with no
# inner margins: 3930 + 5141 = the portrait text width.
AGENCY_WIDTH = 3930
LANDSCAPE_WIDTH = A4_LONG - LEFT - RIGHT


# --- WordprocessingML pieces ---------------------------------------------------------------------


def run(text: str, *, size: float = 14, bold: bool = False, italic: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    props += f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, align: str = "both", first_line: int = 0, before: int = 0, after: int = 0,
         line: int = 240, indent: tuple[int, int] = (0, 0), rule: bool = False,
         keep_next: bool = False) -> str:
    """A paragraph; `rule` draws a solid line under it between the indents (for the header lines)."""
    props = "<w:keepNext/>" if keep_next else ""
    if rule:
        props += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    props += f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto"/>'
    left, right = indent
    if left or right or first_line:
        props += f'<w:ind w:left="{left}" w:right="{right}" w:firstLine="{first_line}"/>'
    props += f'<w:jc w:val="{align}"/>'
    if rule:
        props += '<w:rPr><w:sz w:val="4"/></w:rPr>'
    return f"<w:p><w:pPr>{props}</w:pPr>{''.join(runs)}</w:p>"


def rule_under(width: int, length: int, *, after: int = 60) -> str:
    """A centred solid line `length` long in a block `width` wide."""
    side = max((width - length) // 2, 0)
    return para(align="center", indent=(side, side), rule=True, line=120, before=40, after=after)


def centred(text: str, *, size: float = 14, bold: bool = False, italic: bool = False,
            after: int = 0, before: int = 0) -> str:
    return para(run(text, size=size, bold=bold, italic=italic), align="center", after=after,
                before=before)


def body(text: str, *, size: float = 14, italic: bool = False, bold: bool = False,
         first_line: int = 567, keep_next: bool = False) -> str:
    """A body paragraph: justified, first line indented 1 cm, 6 pt after, line spacing 1,2."""
    return para(run(text, size=size, italic=italic, bold=bold), first_line=first_line, after=120,
                line=288, keep_next=keep_next)


def closing(text: str) -> str:
    """The last paragraph of the text, kept on the page of the signature block after it."""
    return body(text, keep_next=True)


def gap() -> str:
    """An empty line before a signature block, kept with it."""
    return para(after=120, keep_next=True)


def tag(text: str) -> str:
    """A paragraph holding only a {%p … %} tag: docxtpl drops the paragraph around it."""
    return para(run(text))


def cell(content: str, width: int, *, span: int = 1, borders: bool = False,
         valign: str = "top") -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    props += f'<w:vAlign w:val="{valign}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def row(*cells: str, header: bool = False, cant_split: bool = True) -> str:
    props = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def table(rows: list[str], widths: list[int], *, borders: bool, margin: int = 85) -> str:
    value = "single" if borders else "nil"
    edges = "".join(f'<w:{e} w:val="{value}" w:sz="4" w:space="0" w:color="000000"/>'
                    for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
            f'<w:right w:w="{margin}" w:type="dxa"/>'
            f'</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def section(*, landscape: bool, restart: bool = False) -> str:
    """Page size, margins and the page number in the top margin from page 2; `restart` numbers
    the section's pages from 1 (an appendix is numbered on its own)."""
    width, height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    orient = ' w:orient="landscape"' if landscape else ""
    numbering = '<w:pgNumType w:start="1"/>' if restart else ""
    return (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
            f'<w:headerReference w:type="first" r:id="rIdFirstHeader"/>'
            f'<w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
            f'<w:pgMar w:top="{TOP}" w:right="{RIGHT}" w:bottom="{BOTTOM}" w:left="{LEFT}" '
            f'w:header="567" w:footer="567" w:gutter="0"/>{numbering}<w:titlePg/></w:sectPr>')


def section_break(*, landscape: bool) -> str:
    """End the section before it (the text) so that what follows starts on a new page as its
    own section; the paragraph holding the break is one twip high, never a page of its own."""
    return ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
            f'{section(landscape=landscape)}</w:pPr></w:p>')


# --- blocks every document shares ----------------------------------------------------------------


def header_block(width: int, *, number: str | None) -> str:
    """Agency (left) and Quốc hiệu with Tiêu ngữ (right); Số and the date under them."""
    left = max(int(width * 0.4), AGENCY_WIDTH)
    right = width - left
    agency = (centred("{{ co_quan_chu_quan }}", size=12)
              + centred("{{ co_quan_ban_hanh }}", size=13, bold=True)
              + rule_under(left, 1300))
    nation = (centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
              + centred("Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
              + rule_under(right, 3200))
    rows = [row(cell(agency, left), cell(nation, right))]
    if number is not None:
        rows.append(row(cell(centred(f"Số: {number}", size=13), left),
                        cell(centred("{{ dia_danh }}, {{ ngay_ky }}", size=14, italic=True),
                             right)))
    return table(rows, [left, right], borders=False, margin=0)


def title_block(kind: str, summary: str, width: int) -> str:
    return (centred(kind, bold=True, before=360)
            + centred(summary, bold=True)
            + rule_under(width, 2600, after=240))


def addressee(variable: str) -> str:
    return para(run("Kính gửi: {{ %s }}." % variable), align="center", after=240)


def signature_block(width: int) -> str:
    """Nơi nhận (left) level with the signer's title (right)."""
    left, right = int(width * 0.45), width - int(width * 0.45)
    recipients = (para(run("Nơi nhận:", size=12, bold=True, italic=True), align="left")
                  + tag("{%p for dong in noi_nhan %}")
                  + para(run("{{ dong }}", size=11), align="left")
                  + tag("{%p endfor %}"))
    signer = (tag("{%p for dong in chuc_danh_ky %}")
              + centred("{{ dong }}", bold=True)
              + tag("{%p endfor %}")
              + centred("", after=1400)
              + centred("{{ nguoi_ky }}", bold=True))
    return gap() + table([row(cell(recipients, left), cell(signer, right))], [left, right],
                         borders=False)


def legal_basis() -> str:
    return (tag("{%p for dong in can_cu %}")
            + body("{{ dong }}", italic=True)
            + tag("{%p endfor %}"))


def paragraphs(variable: str) -> str:
    """Each string of a list as its own body paragraph."""
    return (tag("{%p for doan in " + variable + " %}")
            + body("{{ doan }}")
            + tag("{%p endfor %}"))


def heading(text: str) -> str:
    return para(run(text, bold=True), first_line=567, after=120, before=60, line=288,
                keep_next=True)


# --- the documents -------------------------------------------------------------------------------


def to_trinh() -> str:
    w = PORTRAIT_WIDTH
    return (header_block(w, number="{{ so_ky_hieu }}")
            + title_block("TỜ TRÌNH", "{{ trich_yeu }}", w)
            + addressee("kinh_gui")
            + legal_basis()
            + paragraphs("mo_dau")
            + body("{{ ten_co_quan }} kính trình {{ nguoi_quyet_dinh }} xem xét, khen thưởng "
                   "cho {{ tong_so }}, cụ thể:")
            + tag("{%p for dong in de_nghi %}")
            + body("{{ dong }}")
            + tag("{%p endfor %}")
            + paragraphs("chi_tieu")
            + body("{{ kinh_phi }}")
            + body("Hồ sơ kèm theo gồm:")
            + tag("{%p for dong in ho_so %}")
            + body("{{ dong }}")
            + tag("{%p endfor %}")
            + closing("Kính trình {{ nguoi_quyet_dinh }} xem xét, quyết định./.")
            + signature_block(w)
            + section(landscape=False))


def grid(columns: list[tuple[str, str, float]], variable: str, width: int, *, size: float = 12,
         grouped: bool = False, total: list[str] | None = None) -> str:
    """A bordered table: a header row, then one row per item of `variable` (docxtpl {%tr %}).

    `columns` are (header, field, share of the width); with `grouped`, an item whose `muc` is
    set prints as a bold heading across the table; `total` adds a bold last row."""
    widths = [int(width * share) for _, _, share in columns]
    widths[-1] += width - sum(widths)
    centred_fields = {"stt", "nam_sinh", "gioi_tinh", "tap_the", "ca_nhan", "so_nguoi",
                      "phieu", "ty_le", "nguong", "ket_qua", "nam", "tien", "cap", "htxs", "htt",
                      "ht", "kht", "so_luot"}

    def cells(texts, fields, *, bold=False):
        return [cell(para(run(t, size=size, bold=bold),
                          align="center" if f in centred_fields else "left"), wd, valign="center")
                for t, f, wd in zip(texts, fields, widths, strict=True)]

    def tag_row(text):
        return row(cell(para(run(text, size=size)), width, span=len(widths)))

    fields = [field for _, field, _ in columns]
    item = row(*cells(["{{ r.%s }}" % f for f in fields], fields))
    if grouped:
        item = (tag_row("{%tr if r.muc %}")
                + row(cell(para(run("{{ r.muc }}", size=size, bold=True), align="left"), width,
                           span=len(widths)))
                + tag_row("{%tr else %}") + item + tag_row("{%tr endif %}"))
    rows = [row(*cells([h for h, _, _ in columns], ["stt"] * len(columns), bold=True),
                header=True),
            tag_row("{%tr for r in " + variable + " %}"), item, tag_row("{%tr endfor %}")]
    if total:
        rows.append(row(*cells(total, fields, bold=True)))
    return table(rows, widths, borders=True)


def danh_sach() -> str:
    w = LANDSCAPE_WIDTH
    columns = [("STT", "stt", 0.05), ("Họ và tên / Tên tập thể", "ten", 0.17),
               ("Năm sinh", "nam_sinh", 0.07), ("Giới tính", "gioi_tinh", 0.07),
               ("Chức vụ, đơn vị công tác", "chuc_vu_don_vi", 0.22),
               ("Tóm tắt thành tích", "thanh_tich", 0.32), ("Ghi chú", "ghi_chu", 0.10)]
    return (header_block(w, number=None)
            + attached_list("tieu_de", columns, w, before=360)
            + section(landscape=True))


def attached_list(title: str, columns: list[tuple[str, str, float]], width: int, *,
                  before: int = 0) -> str:
    """DANH SÁCH, its title, "(Kèm theo … số …)" and the grouped table."""
    return (centred("DANH SÁCH", bold=True, before=before)
            + centred("{{ %s }}" % title, bold=True)
            + centred("{{ kem_theo }}", italic=True)
            + rule_under(width, 1800, after=240)
            + grid(columns, "dong", width, grouped=True))


def bao_cao() -> str:
    w = PORTRAIT_WIDTH
    awards = [("STT", "stt", 0.08), ("Danh hiệu, hình thức khen thưởng", "ten", 0.34),
              ("Tập thể", "tap_the", 0.10), ("Cá nhân", "ca_nhan", 0.10),
              ("Cấp quyết định", "cap", 0.20), ("Tiền thưởng (đồng)", "tien", 0.18)]
    units = [("STT", "stt", 0.09), ("Phòng, ban, đơn vị", "ten", 0.27),
             ("Số người", "so_nguoi", 0.10), ("Danh hiệu thi đua đề nghị", "danh_hieu", 0.30),
             ("Hình thức khen thưởng đề nghị", "hinh_thuc", 0.24)]
    return (header_block(w, number="{{ so_ky_hieu }}")
            + title_block("BÁO CÁO", "{{ trich_yeu }}", w)
            + addressee("kinh_gui")
            + heading("I. ĐẶC ĐIỂM TÌNH HÌNH")
            + paragraphs("dac_diem")
            + heading("II. KẾT QUẢ THỰC HIỆN")
            + heading("1. Công tác chỉ đạo, triển khai, tuyên truyền")
            + paragraphs("chi_dao")
            + heading("2. Kết quả đánh giá, xếp loại")
            + paragraphs("xep_loai")
            + heading("3. Kết quả khen thưởng")
            + paragraphs("khen_thuong")
            + grid(awards, "bang_khen_thuong", w, size=13,
                   total=["", "Tổng cộng", "{{ tong_tap_the }}", "{{ tong_ca_nhan }}", "",
                          "{{ tong_tien }}"])
            + para(after=120)
            + body("Số đề nghị theo từng phòng, ban, đơn vị:", first_line=567)
            + grid(units, "bang_don_vi", w, size=13,
                   total=["", "Tổng cộng", "{{ tong_so_nguoi }}", "", ""])
            + para(after=120)
            + period_tables(w)
            + heading("III. ĐÁNH GIÁ CHUNG")
            + paragraphs("danh_gia")
            + heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ")
            + paragraphs("phuong_huong")
            + heading("V. ĐỀ XUẤT, KIẾN NGHỊ")
            + paragraphs("kien_nghi")
            + closing("Trên đây là báo cáo {{ trich_yeu_viet_thuong }} của {{ ten_co_quan }}./.")
            + signature_block(w)
            + section(landscape=False))


def period_tables(w: int) -> str:
    """A sơ kết or tổng kết's figures year by year, by unit, and its most honoured."""
    years = [("Năm", "nam", 0.09), ("Tập thể", "tap_the", 0.10), ("Cá nhân", "ca_nhan", 0.10),
             ("HTXSNV", "htxs", 0.14), ("HTTNV", "htt", 0.13), ("HTNV", "ht", 0.11),
             ("Không HTNV", "kht", 0.13), ("Tiền thưởng (đồng)", "tien", 0.20)]
    awards = [("Danh hiệu, hình thức khen thưởng", "ten", 0.42),
              ("Đề nghị", "de_nghi", 0.29), ("Được tặng theo quyết định", "duoc_tang", 0.29)]
    units = [("STT", "stt", 0.10), ("Phòng, ban, đơn vị", "ten", 0.60),
             ("Số lượt được khen thưởng", "so_luot", 0.30)]
    return (body("{%p if giai_doan %}")
            + heading("4. Kết quả qua các năm của giai đoạn {{ giai_doan }}")
            + body("a) Đánh giá, xếp loại cá nhân và tiền thưởng theo từng năm:", first_line=567)
            + grid(years, "bang_cac_nam", w, size=12,
                   total=["Cộng", "", "", "", "", "", "", "{{ tong_giai_doan.tien }}"])
            + para(after=120)
            + body("b) Danh hiệu thi đua, hình thức khen thưởng đề nghị và được tặng theo "
                   "quyết định:", first_line=567)
            + grid(awards, "bang_khen_cac_nam", w, size=13, grouped=True)
            + para(after=120)
            + body("c) Số lượt được khen thưởng theo từng phòng, ban, đơn vị:", first_line=567)
            + grid(units, "bang_don_vi_giai_doan", w, size=13)
            + para(after=120)
            + body("d) Những tập thể, cá nhân được khen thưởng nhiều lần trong giai đoạn:",
                   first_line=567)
            + paragraphs("dien_hinh")
            + body("{%p endif %}"))


def quyet_dinh() -> str:
    """Quyết định of the office head (Mẫu 1.2), with its list as an appendix: its own section
    from a new page, its pages numbered from 1."""
    w = PORTRAIT_WIDTH
    columns = [("STT", "stt", 0.08), ("Họ và tên / Tên tập thể", "ten", 0.30),
               ("Chức vụ, đơn vị công tác", "chuc_vu_don_vi", 0.42), ("Ghi chú", "ghi_chu", 0.20)]
    return (header_block(w, number="{{ so_ky_hieu }}")
            + title_block("QUYẾT ĐỊNH", "{{ trich_yeu }}", w)
            + centred("{{ tham_quyen }}", bold=True, after=240)
            + legal_basis()
            + para(run("QUYẾT ĐỊNH:", bold=True), align="center", before=120, after=120,
                   keep_next=True)
            + tag("{%p for dieu in cac_dieu %}")
            + para(run("{{ dieu.so }} ", bold=True), run("{{ dieu.noi_dung }}"),
                   first_line=567, after=120, line=288, keep_next=True)
            + tag("{%p endfor %}")
            + signature_block(w)
            + section_break(landscape=False)
            + attached_list("tieu_de_danh_sach", columns, w)
            + section(landscape=False, restart=True))


def bien_ban() -> str:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng (Mẫu 1.9)."""
    w = PORTRAIT_WIDTH
    columns = [("STT", "stt", 0.07), ("Tập thể, cá nhân", "ten", 0.23),
               ("Đề nghị", "de_nghi", 0.24), ("Phiếu đồng ý", "phieu", 0.11),
               ("Tỷ lệ", "ty_le", 0.10), ("Ngưỡng", "nguong", 0.12), ("Kết quả", "ket_qua", 0.13)]
    left, right = w // 2, w - w // 2
    signatures = table([row(
        cell(centred("THƯ KÝ", bold=True) + centred("", after=1400)
             + centred("{{ thu_ky }}", bold=True), left),
        cell(centred("{{ chuc_danh_chu_tri }}", bold=True) + centred("", after=1400)
             + centred("{{ chu_tri }}", bold=True), right))], [left, right], borders=False)
    return (header_block(w, number="{{ so_ky_hieu }}")
            + title_block("BIÊN BẢN", "{{ trich_yeu }}", w)
            + paragraphs("mo_dau")
            + heading("NỘI DUNG")
            + paragraphs("noi_dung")
            + grid(columns, "dong", w)
            + para(after=120)
            + tag("{%p for doan in ket_luan %}")
            + closing("{{ doan }}")
            + tag("{%p endfor %}")
            + gap()
            + signatures
            + section(landscape=False))


# The báo cáo thành tích forms. ND 152/2025's appendix has separate forms, in this order:
# Cờ thi đua của Chính phủ; Chiến sĩ thi đua toàn quốc; công trạng cho tập thể; công trạng cho
# cá nhân; đột xuất; quá trình cống hiến; thi đua theo chuyên đề; Anh hùng (tập thể, cá nhân);
# đối ngoại (tập thể, cá nhân) — list read in tnt305/tai_lieu_noi_bo
# src/etl/dataset/0a2c9cdccc620fd0.md; ND 91/2017 likewise kept Mẫu số 06 (đột xuất) apart from
# Mẫu số 07 (theo đợt hoặc chuyên đề) (thuvienphapluat.vn "09 mẫu báo cáo thành tích thi đua
# khen thưởng", 21/11/2023). So đột xuất and chuyên đề each have their own template here.
# The individual công trạng form's fields (I. Họ tên; Sinh ngày, tháng, năm; Giới tính; Quê quán;
# Trú quán; Đơn vị công tác; Chức vụ (Đảng, chính quyền, đoàn thể); Trình độ chuyên môn, nghiệp
# vụ; Học hàm, học vị, danh hiệu, giải thưởng; II.1 Quyền hạn, nhiệm vụ được giao hoặc đảm nhận;
# II.2 Thành tích đạt được của cá nhân; III. tables Năm | Danh hiệu (Hình thức) | Số, ngày,
# tháng, năm của quyết định; cơ quan ban hành) are as a public form-filling tool lists them
# (shared/domain.md §4). The collective form: I. Đặc điểm, tình hình (trụ sở, staff, tổ chức
# bộ máy; chức năng, nhiệm vụ); II. results and biện pháp; III. awards (domain.md §4). The full
# wording of the đột xuất and chuyên đề forms was not found in the stored pages: they keep what
# their names and a ministry's guidance (dulieuphapluat.vn, TT 17/2019/TT-NHNN Mẫu số 11: an
# đột xuất report "tập trung phân tích thành tích có tính đặc thù, đột xuất") say — a short lý
# lịch and the achievement, with no history of awards (ND 152 Điều 4.3: such awards are no
# ground for a later công trạng proposal); the chuyên đề one adds the biện pháp.

REPORTS = {  # form kind (template bao-cao-thanh-tich-<kind>.docx) → document title
    "ca-nhan": "Báo cáo thành tích công trạng cá nhân",
    "tap-the": "Báo cáo thành tích công trạng tập thể",
    "dot-xuat": "Báo cáo thành tích đề nghị khen thưởng đột xuất",
    "chuyen-de": "Báo cáo thành tích thi đua theo chuyên đề",
}


def lines(variable: str) -> str:
    """Each "- Label: value" line of a list (the lý lịch fields), aligned left: justified, a
    line ending in dots to fill by hand would stretch its words apart."""
    return (tag("{%p for dong in " + variable + " %}")
            + para(run("{{ dong }}"), align="left", first_line=567, after=120, line=288)
            + tag("{%p endfor %}"))


def bao_cao_thanh_tich(kind: str) -> str:
    """Báo cáo thành tích of one nominee, on the form of its subject and achievement."""
    w = PORTRAIT_WIDTH
    nation = (centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True)
              + centred("Độc lập - Tự do - Hạnh phúc", size=14, bold=True)
              + rule_under(w, 3400)
              + para(run("{{ dia_danh }}, {{ ngay_ky }}", italic=True), align="right", after=240))
    sections = {
        "ca-nhan": (heading("I. SƠ LƯỢC LÝ LỊCH") + lines("ly_lich")
                    + heading("II. THÀNH TÍCH ĐẠT ĐƯỢC")
                    + heading("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận")
                    + paragraphs("nhiem_vu")
                    + heading("2. Thành tích đạt được của cá nhân") + paragraphs("thanh_tich")
                    + years_table(w) + awards_received(w)),
        "tap-the": (heading("I. ĐẶC ĐIỂM, TÌNH HÌNH") + heading("1. Đặc điểm, tình hình")
                    + lines("dac_diem") + heading("2. Chức năng, nhiệm vụ")
                    + paragraphs("chuc_nang")
                    + heading("II. THÀNH TÍCH ĐẠT ĐƯỢC")
                    + heading("1. Kết quả thực hiện nhiệm vụ") + paragraphs("thanh_tich")
                    + years_table(w)
                    + heading("2. Biện pháp, giải pháp công tác") + paragraphs("bien_phap")
                    + awards_received(w)),
        "dot-xuat": (heading("I. {{ muc_1 }}") + lines("ly_lich")
                     + heading("II. NỘI DUNG THÀNH TÍCH ĐỘT XUẤT") + paragraphs("thanh_tich")),
        "chuyen-de": (heading("I. {{ muc_1 }}") + lines("ly_lich")
                      + heading("II. THÀNH TÍCH ĐẠT ĐƯỢC") + paragraphs("thanh_tich")
                      + tag("{%p if bien_phap %}")
                      + heading("Biện pháp, giải pháp đã thực hiện") + paragraphs("bien_phap")
                      + tag("{%p endif %}")),
    }[kind]
    sign_left, sign_right = w // 2, w - w // 2
    signatures = table([row(
        cell(tag("{%p for dong in xac_nhan %}") + centred("{{ dong }}", bold=True)
             + tag("{%p endfor %}") + centred("(Ký, đóng dấu)", italic=True)
             + centred("", after=1200), sign_left),
        cell(centred("{{ nguoi_bao_cao_chuc_danh }}", bold=True)
             + centred("(Ký, ghi rõ họ và tên)", italic=True) + centred("", after=1000)
             + centred("{{ nguoi_bao_cao }}", bold=True), sign_right))],
        [sign_left, sign_right], borders=False)
    return (nation
            + centred("BÁO CÁO THÀNH TÍCH", bold=True)
            + centred("{{ de_nghi }}", bold=True)
            + centred("({{ mau }})", italic=True, after=240)
            + sections
            + para(after=120)
            + closing("{{ cam_doan }}")
            + gap()
            + signatures
            + section(landscape=False))


def years_table(w: int) -> str:
    """The rating of each of the last years, under the thành tích."""
    years = [("Năm", "nam", 0.14), ("Mức hoàn thành nhiệm vụ", "xep_loai", 0.46),
             ("{{ cot_phu }}", "phu", 0.40)]
    return grid(years, "cac_nam", w, size=13) + para(after=120)


def awards_received(w: int) -> str:
    """III: the danh hiệu and hình thức already decided, each with its decision."""
    def columns(name: str) -> list[tuple[str, str, float]]:
        return [("Năm", "nam", 0.14), (name, "ten", 0.40),
                ("Số, ngày, tháng, năm của quyết định; cơ quan ban hành", "quyet_dinh", 0.46)]
    return (heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
            + heading("1. Danh hiệu thi đua")
            + grid(columns("Danh hiệu thi đua"), "danh_hieu", w, size=13)
            + heading("2. Hình thức khen thưởng")
            + grid(columns("Hình thức khen thưởng"), "hinh_thuc", w, size=13))


DOCUMENTS = {
    "to-trinh-de-nghi-khen-thuong.docx": (to_trinh, "Tờ trình đề nghị khen thưởng"),
    "danh-sach-de-nghi-khen-thuong.docx": (danh_sach, "Danh sách đề nghị khen thưởng"),
    "bao-cao-ket-qua.docx": (bao_cao, "Báo cáo kết quả phong trào thi đua, khen thưởng"),
    "quyet-dinh-giay-khen.docx": (quyet_dinh, "Quyết định tặng Giấy khen"),
    "quyet-dinh-danh-hieu.docx": (quyet_dinh, "Quyết định công nhận danh hiệu thi đua"),
    "bien-ban-hop-hoi-dong.docx": (bien_ban, "Biên bản họp Hội đồng Thi đua - Khen thưởng"),
    **{f"bao-cao-thanh-tich-{kind}.docx": (lambda kind=kind: bao_cao_thanh_tich(kind), title)
       for kind, title in REPORTS.items()},
}


# --- the package ---------------------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>")

PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>")

DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
    '<Relationship Id="rIdFirstHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>'
    "</Relationships>")

FONT = ('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        'w:eastAsia="Times New Roman" w:cs="Times New Roman"/>')

STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W}>'
    f'<w:docDefaults><w:rPrDefault><w:rPr>{FONT}<w:color w:val="000000"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>'
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:qFormat/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    "</w:styles>")

SETTINGS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W}>'
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            "</w:settings>")

PAGE_NUMBER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>'
               '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
               '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
               '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE '
               '</w:instrText></w:r>'
               '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
               '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>2</w:t></w:r>'
               '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
               "</w:p></w:hdr>")

NO_PAGE_NUMBER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>'
                  "<w:p/></w:hdr>")


def core(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>khenthuong</dc:creator>"
            "<dc:language>vi-VN</dc:language>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
            "</cp:coreProperties>")


APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       "<Application>khenthuong</Application></Properties>")


def document(content: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {R}>'
            f"<w:body>{content}</w:body></w:document>")


def write_docx(path: Path, content: str, title: str) -> None:
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": core(title),
        "docProps/app.xml": APP,
        "word/document.xml": document(content),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": STYLES,
        "word/settings.xml": SETTINGS,
        "word/header1.xml": PAGE_NUMBER,
        "word/header2.xml": NO_PAGE_NUMBER,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in parts.items():
            package.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)),
                             xml.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (build, title) in DOCUMENTS.items():
        write_docx(folder / name, build(), title)
        print(folder / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "forms")
