"""`khenthuong forms`: templates edited the way Word edits them, each problem found in its place."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.catalog import DEFAULT_FORMS
from pipeline.cli import main
from pipeline.main import check_forms
from pipeline.templates import check_template

TO_TRINH = "to-trinh-de-nghi-khen-thuong.docx"


def edit(path: Path, part: str, old: str, new: str) -> None:
    """Change a template's XML as a Word session would leave it."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts[part].decode("utf-8")
    assert old in xml, old
    parts[part] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.fixture
def forms(tmp_path) -> Path:
    copy = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORMS, copy)
    return copy


def break_like_word(forms: Path) -> None:
    path = forms / TO_TRINH
    # Word's spell checker splits a tag over three runs with different formatting.
    edit(path, "word/document.xml", "{{ trich_yeu }}",
         "{{ tri</w:t></w:r><w:r><w:rPr><w:b/><w:lang w:val=\"en-US\"/></w:rPr>"
         "<w:t xml:space=\"preserve\">ch_y</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
         "<w:t xml:space=\"preserve\">eu }}")
    # AutoFormat turns straight quotes into curly ones.
    edit(path, "word/document.xml", "{{ kinh_phi }}", "{{ kinh_phi ~ “” }}")
    # A clerk types a variable the pipeline does not provide.
    edit(path, "word/document.xml", "{{ tong_so }}", "{{ tong_so_moi }}")


def test_shipped_templates_have_no_problem():
    assert check_forms(DEFAULT_FORMS) == []


def test_word_damage_is_reported_with_its_place(forms):
    break_like_word(forms)
    problems = {(p.place, p.tag, p.message.split(";")[0]) for p in check_forms(forms)
                if p.template == TO_TRINH}
    assert problems == {
        ("đoạn 2", "{{ trich_yeu }}", "bị Word tách thành nhiều đoạn định dạng"),
        ("đoạn 18", "{{ kinh_phi ~ “” }}", "có dấu nháy cong “ ” trong thẻ"),
    }
    quoted = next(p for p in check_forms(forms) if p.tag == "{{ kinh_phi ~ “” }}")
    assert quoted.message == ("có dấu nháy cong “ ” trong thẻ; hãy dùng dấu nháy thẳng \" hoặc "
                              "'")


def test_unknown_variable_is_named_with_its_paragraph(forms):
    edit(forms / TO_TRINH, "word/document.xml", "{{ tong_so }}", "{{ tong_so_moi }}")
    (problem,) = check_forms(forms)
    assert (problem.template, problem.place, problem.tag) == (TO_TRINH, "đoạn 11",
                                                             "{{ tong_so_moi }}")
    assert problem.message == "là biến không có trong dữ liệu của chương trình"


def test_unbalanced_block(forms):
    edit(forms / TO_TRINH, "word/document.xml", "{%p endfor %}", "")
    (problem,) = check_forms(forms)
    assert problem.place == "khối lệnh" and "endfor" in problem.message


def test_unclosed_tag(forms):
    edit(forms / TO_TRINH, "word/document.xml", "{{ kinh_phi }}", "{{ kinh_phi }")
    (problem,) = check_forms(forms)
    assert (problem.place, problem.message) == ("đoạn 18", "thẻ mở mà không đóng")


def test_tag_in_a_header_is_checked_too(forms):
    edit(forms / TO_TRINH, "word/header1.xml", "<w:t>2</w:t>",
         "<w:t>{{ so_</w:t></w:r><w:r><w:t>trang }}</w:t>")
    problems = [p for p in check_forms(forms) if p.template == TO_TRINH]
    assert problems and problems[0].place.startswith("đầu trang (header1.xml)")


def test_layout_rules_are_warnings(forms):
    edit(forms / TO_TRINH, "word/document.xml", 'w:left="1701"', 'w:left="850"')
    edit(forms / TO_TRINH, "word/document.xml", "<w:titlePg/>", "")
    problems = check_template(forms / TO_TRINH, None)
    assert [(p.severity.value, p.place, p.message) for p in problems] == [
        ("Cảnh báo", "lề trang", "lề trái 15 mm, cần 30–35 mm"),
        ("Cảnh báo", "số trang", "cần số trang ở giữa lề trên, không đánh số trang đầu")]


def test_forms_command_exit_codes(forms):
    runner = CliRunner()
    good = runner.invoke(main, ["forms", "--forms", str(DEFAULT_FORMS)])
    assert good.exit_code == 0 and f"{TO_TRINH}: không có lỗi." in good.output
    break_like_word(forms)
    bad = runner.invoke(main, ["forms", "--forms", str(forms)])
    assert bad.exit_code == 3
    assert "Lỗi — đoạn 2: “{{ trich_yeu }}” bị Word tách thành nhiều đoạn định dạng" in bad.output
    assert "Mẫu văn bản bị lỗi: to-trinh-de-nghi-khen-thuong.docx" in bad.output


def test_generate_refuses_a_broken_template_with_the_same_message(forms, make_workbook, tmp_path):
    outputs = tmp_path / "outputs"
    runner = CliRunner()
    first = runner.invoke(main, ["generate", str(make_workbook()), "--outputs", str(outputs),
                                 "--forms", str(DEFAULT_FORMS)])
    assert first.exit_code == 0
    before = {p: p.read_bytes() for p in outputs.rglob("*") if p.is_file()}
    edit(forms / TO_TRINH, "word/document.xml", "{{ tong_so }}", "{{ tong_so_moi }}")
    result = runner.invoke(main, ["generate", str(make_workbook()), "--outputs", str(outputs),
                                  "--forms", str(forms)])
    assert result.exit_code == 3
    assert "Lỗi — đoạn 11: “{{ tong_so_moi }}” là biến không có trong dữ liệu" in result.output
    assert {p: p.read_bytes() for p in outputs.rglob("*") if p.is_file()} == before


def test_missing_template_is_named(forms):
    (forms / "bien-ban-hop-hoi-dong.docx").unlink()
    (problem,) = check_forms(forms)
    assert (problem.template, problem.message) == ("bien-ban-hop-hoi-dong.docx",
                                                   "không tìm thấy tệp mẫu")


BODY = "word/document.xml"
ONLY_FILLING_FINDS = {
    "division-by-zero": ("{{ trich_yeu }}", "{{ trich_yeu }}{{ 2025 // 0 }}",
                         "một thẻ chia cho 0"),
    "include": ("{{ trich_yeu }}", "{{ trich_yeu }}{% include 'khac.xml' %}",
                "lấy nội dung từ tệp khác"),
}


@pytest.mark.parametrize(("old", "new", "fragment"), ONLY_FILLING_FINDS.values(),
                         ids=ONLY_FILLING_FINDS.keys())
def test_forms_finds_what_only_filling_would(forms, make_workbook, tmp_path, old, new, fragment):
    edit(forms / TO_TRINH, BODY, old, new)
    problems = [p for p in check_forms(forms) if p.template == TO_TRINH]
    assert problems and fragment in problems[0].message, problems
    result = CliRunner().invoke(main, ["generate", str(make_workbook()), "--forms", str(forms),
                                       "--outputs", str(tmp_path / "out")])
    assert result.exit_code == 3 and "Traceback" not in result.output, result.output
    assert not (tmp_path / "out").exists()


BROKEN_XML = {
    "malformed": ("<w:body>", "<w:body><w:p>", "XML hỏng"),
    "no-body": ("<w:body>", "<w:bodx>", "XML hỏng"),
    "no-body-at-all": (None, None, "thiếu phần thân văn bản (w:body)"),
    "margins-without-top": ('w:top="1134" ', "", "lề trên 0 mm"),
}


@pytest.mark.parametrize(("old", "new", "fragment"), BROKEN_XML.values(), ids=BROKEN_XML.keys())
def test_broken_xml_is_a_sentence_in_forms_and_generate(forms, make_workbook, tmp_path, old, new,
                                                        fragment):
    if old is None:
        with zipfile.ZipFile(DEFAULT_FORMS / TO_TRINH) as source:
            xml = source.read(BODY).decode()
        start, end = xml.index("<w:body>"), xml.index("</w:body>") + len("</w:body>")
        edit(forms / TO_TRINH, BODY, xml[start:end], "")
    else:
        edit(forms / TO_TRINH, BODY, old, new)
    problems = [p for p in check_forms(forms) if p.template == TO_TRINH]
    assert any(fragment in p.message for p in problems), problems
    for command in (["forms"], ["generate", str(make_workbook()), "--outputs",
                                str(tmp_path / "out")]):
        result = CliRunner().invoke(main, [*command, "--forms", str(forms)])
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            result.output
        assert "Traceback" not in result.output


def test_forms_warns_of_a_letter_page_and_a_large_quoc_hieu(forms):
    """NĐ 30/2020, Phụ lục I: paper A4 (210 × 297 mm); the quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ
    NGHĨA VIỆT NAM” in 12–13 pt. A template saved on US Letter with the line at 14 pt is
    usable, but `forms` says both."""
    edit(forms / TO_TRINH, "word/document.xml", '<w:pgSz w:w="11906" w:h="16838"/>',
         '<w:pgSz w:w="12240" w:h="15840"/>')
    edit(forms / TO_TRINH, "word/document.xml",
         '<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">CỘNG H',
         '<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">CỘNG H')
    result = CliRunner().invoke(main, ["forms", "--forms", str(forms)])
    assert "khổ giấy" in result.output and "không phải khổ A4 (210 × 297 mm)" in result.output
    assert "dòng “CỘNG H…” cỡ chữ [14.0], cần 12–13" in result.output


MARGINS = {  # NĐ 30/2020, Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm
    "top-19.4mm": ("top", "1134", 1100, "lề trên 19 mm, cần 20–25 mm"),
    "top-19.6mm": ("top", "1134", 1111, None),
    "top-25.4mm": ("top", "1134", 1440, None),
    "top-25.6mm": ("top", "1134", 1452, "lề trên 26 mm, cần 20–25 mm"),
    "bottom-19.4mm": ("bottom", "1134", 1100, "lề dưới 19 mm, cần 20–25 mm"),
    "bottom-19.6mm": ("bottom", "1134", 1111, None),
    "bottom-25.4mm": ("bottom", "1134", 1440, None),
    "bottom-25.6mm": ("bottom", "1134", 1452, "lề dưới 26 mm, cần 20–25 mm"),
    "left-29.4mm": ("left", "1701", 1667, "lề trái 29 mm, cần 30–35 mm"),
    "left-29.6mm": ("left", "1701", 1678, None),
    "left-35.4mm": ("left", "1701", 2007, None),
    "left-35.6mm": ("left", "1701", 2019, "lề trái 36 mm, cần 30–35 mm"),
    "right-14.4mm": ("right", "1134", 816, "lề phải 14 mm, cần 15–20 mm"),
    "right-14.6mm": ("right", "1134", 828, None),
    "right-20.4mm": ("right", "1134", 1157, None),
    "right-20.6mm": ("right", "1134", 1168, "lề phải 21 mm, cần 15–20 mm"),
}


@pytest.mark.parametrize(("side", "old", "twips", "warning"), MARGINS.values(),
                         ids=MARGINS.keys())
def test_a_margin_is_warned_of_only_half_a_millimetre_past_its_range(forms, side, old, twips,
                                                                      warning):
    """Word shows margins to a tenth of a centimetre: up to half a millimetre past the range
    passes (a margin typed as 2 cm reads 19.99 mm), beyond it is a warning."""
    edit(forms / TO_TRINH, BODY, f'w:{side}="{old}"', f'w:{side}="{twips}"')
    found = [p.message for p in check_template(forms / TO_TRINH, None) if p.place == "lề trang"]
    assert found == ([warning] if warning else [])


def own_template(tmp_path: Path) -> Path:
    """A clerk's own template: a tag left open in the body, in a table and in the footer, and an
    unknown variable only in the header."""
    from docx import Document

    document = Document()
    document.add_paragraph("Số tiền {{ kinh_phi } đồng, bằng chữ: mười tám triệu đồng.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "STT"
    table.cell(1, 2).text = "{{ ten }"
    section = document.sections[0]
    section.footer.paragraphs[0].text = "Trang {{ so_trang }"
    path = tmp_path / "mau-rieng.docx"
    document.save(path)
    return path


def test_a_tag_left_open_is_shown_with_what_follows_it_in_its_place(tmp_path):
    """The first 30 characters from the opening braces, so that the clerk finds the spot; a
    cell is named by its table, row and column, a footer paragraph by its part."""
    problems = [p for p in check_template(own_template(tmp_path), None)
                if p.message == "thẻ mở mà không đóng"]
    body, cell, footer = problems
    assert (body.place, body.tag) == ("đoạn 1", "{{ kinh_phi } đồng, bằng chữ: ")
    assert cell.place == "bảng 1, dòng 2, ô 3"  # the second row, whatever precedes it
    assert cell.tag == "{{ ten }"
    assert (footer.place, footer.tag) == ("chân trang (footer1.xml), đoạn 1", "{{ so_trang }")


def test_an_unknown_variable_only_in_the_header_is_placed_there(forms):
    edit(forms / TO_TRINH, "word/header1.xml", "<w:t>2</w:t>", "<w:t>{{ so_trang }}</w:t>")
    (problem,) = [p for p in check_template(forms / TO_TRINH, {"x"}) if p.tag == "{{ so_trang }}"]
    assert (problem.place, problem.message) == ("đầu hoặc chân trang",
                                                "là biến không có trong dữ liệu của chương trình")


@pytest.mark.parametrize(("half_points", "warning"), [
    ("28", None),
    ("30", "dòng “Độc lập - Tự do - Hạnh phúc…” cỡ chữ [15.0], cần 13–14"),
    ("24", "dòng “Độc lập - Tự do - Hạnh phúc…” cỡ chữ [12.0], cần 13–14"),
], ids=["14pt", "15pt", "12pt"])
def test_the_motto_line_is_13_to_14_points(forms, half_points, warning):
    """NĐ 30/2020, Phụ lục I: “Độc lập - Tự do - Hạnh phúc” in 13–14 pt, bold."""
    edit(forms / TO_TRINH, BODY,
         '<w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:t xml:space="preserve">Độc lập',
         f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
         '<w:t xml:space="preserve">Độc lập')
    found = [p.message for p in check_template(forms / TO_TRINH, None) if p.place == "quốc hiệu"]
    assert found == ([warning] if warning else [])
