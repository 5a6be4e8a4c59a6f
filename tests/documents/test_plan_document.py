"""The generated Kế hoạch, opened with python-docx, against nd30-format.md."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

from tests.conftest import SHIPPED_PLAN

TNR = "Times New Roman"


@pytest.fixture(scope="module")
def document(built_plan):
    return docx.Document(str(built_plan))


def texts(cell):
    return [p.text for p in cell.paragraphs if p.text.strip()]


def test_portrait_a4_with_decree_margins(document):
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= section.top_margin <= Mm(25)
    assert Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20)


def test_appendix_is_a_landscape_section_numbered_from_one(document):
    appendix = document.sections[-1]
    assert len(document.sections) == 2
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert appendix._sectPr.xpath("./w:pgNumType/@w:start") == ["1"]


def test_page_numbers_in_header_centre_from_page_two(document):
    for section in document.sections:
        assert section.different_first_page_header_footer
        assert "PAGE" in section.header._element.xml
        assert "PAGE" not in section.first_page_header._element.xml
        assert section.header.paragraphs[0].alignment == 1  # centre
        assert "PAGE" not in section.footer._element.xml


def test_no_theme_fonts_and_times_new_roman_everywhere(built_plan):
    with zipfile.ZipFile(built_plan) as archive:
        styles = archive.read("word/styles.xml").decode()
        body = archive.read("word/document.xml").decode()
        names = archive.namelist()
    assert "Theme" not in styles and "Theme" not in body
    assert "word/theme/theme1.xml" not in names
    assert 'w:ascii="Times New Roman"' in styles


def test_every_run_is_times_new_roman_black(document):
    runs = [r for p in _all_paragraphs(document) for r in p.runs if r.text.strip()]
    assert runs
    for run in runs:
        assert run.font.name == TNR, run.text
        assert run.font.color.rgb is None or str(run.font.color.rgb) == "000000"


def test_header_table_strings_and_formats(document):
    header = document.tables[0]
    left, right = header.rows[0].cells
    assert texts(left) == ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]
    assert texts(right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number, date = header.rows[1].cells
    assert texts(number) == ["Số: 182/KH-UBND"]
    assert texts(date) == ["Lạng Sơn, ngày 06 tháng 9 năm 2023"]
    nation, motto = [p for p in right.paragraphs if p.text][:2]
    assert nation.runs[0].font.size == Pt(13) and nation.runs[0].font.bold
    assert motto.runs[0].font.size == Pt(14) and motto.runs[0].font.bold
    date_run = [p for p in date.paragraphs if p.text][0].runs[0]
    assert date_run.font.italic and date_run.font.size == Pt(14)
    assert all(p.runs[0].font.bold for p in left.paragraphs if p.text)


def test_header_and_signature_tables_have_no_borders(document):
    for table in (document.tables[0], document.tables[1]):
        borders = table._tbl.tblPr.xpath("./w:tblBorders/*/@w:val")
        assert set(borders) <= {"nil", "none"}


def test_title_and_trich_yeu(document):
    body = [p for p in document.paragraphs if p.text.strip()]
    title, trich_yeu = body[0], body[1]
    assert title.text == "KẾ HOẠCH"
    assert title.alignment == 1 and title.runs[0].font.bold
    assert trich_yeu.text.startswith("Thực hiện Chương trình hành động số 88-CTr/TU")
    assert trich_yeu.runs[0].font.bold and trich_yeu.text != trich_yeu.text.upper()


def test_body_is_justified_14pt_with_first_line_indent(document):
    body = [p for p in document.paragraphs if p.style.name == "Nội dung" and p.text.strip()]
    assert len(body) > 20
    for paragraph in body:
        assert paragraph.alignment == 3  # justify
        assert paragraph.paragraph_format.first_line_indent in (567 * 635, 720 * 635)
        assert paragraph.runs[0].font.size == Pt(14)
        assert paragraph.paragraph_format.space_before >= Pt(6)


def test_headings_follow_scheme_b(document):
    headings = [p.text for p in document.paragraphs if p.style.name == "Mục (I.)"]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. MỤC TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    khoan = [p.text for p in document.paragraphs if p.style.name == "Khoản (1.)"]
    assert khoan[:2] == ["1. Mục đích", "2. Yêu cầu"]


def test_body_ends_with_closing_mark(document):
    body = [p for p in document.paragraphs if p.style.name == "Nội dung" and p.text.strip()]
    assert body[-1].text.endswith("./.")


def test_signature_block(document):
    signature = document.tables[1]
    left, right = signature.rows[0].cells
    assert texts(right) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                            "Dương Xuân Huyên"]
    empty = [p for p in right.paragraphs if not p.text.strip()]
    assert len(empty) >= 2
    assert all(p.runs[0].font.bold for p in right.paragraphs if p.text)


def test_noi_nhan(document):
    left = document.tables[1].rows[0].cells[0]
    label, *items = [p for p in left.paragraphs if p.text]
    assert label.text == "Nơi nhận:"
    assert label.runs[0].font.bold and label.runs[0].font.italic
    assert label.runs[0].font.size == Pt(12)
    assert items[-1].text == "- Lưu: VT, KGVX."
    assert all(i.text.startswith("- ") and i.text.endswith(";") for i in items[:-1])
    assert all(i.runs[0].font.size == Pt(11) for i in items)


def test_appendix_heading_and_table(document):
    appendix_paragraphs = [p.text for p in document.paragraphs if p.style.name in
                           ("Phụ lục", "Tên phụ lục", "Kèm theo")]
    assert appendix_paragraphs == [
        "Phụ lục",
        "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH SỐ 182/KH-UBND",
        "(Kèm theo Kế hoạch số 182/KH-UBND ngày 06 tháng 9 năm 2023 "
        "của Ủy ban nhân dân tỉnh Lạng Sơn)",
    ]
    table = document.tables[2]
    head = [c.text for c in table.rows[0].cells]
    assert head == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                    "Thời gian hoàn thành", "Sản phẩm"]
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    group = table.rows[1]
    assert group._tr.xpath("./w:tc/w:tcPr/w:gridSpan/@w:val") == ["6"]
    assert group.cells[0].text.startswith("I. Quán triệt")
    assert [c.text for c in table.rows[2].cells][:1] == ["1.1"]


@pytest.mark.parametrize("agency", ["skhcn", "syt", "snnmt"])
def test_every_task_a_letter_cites_is_numbered_so_in_the_appendix(document, agency, tmp_path):
    """«(nhiệm vụ 2.4 tại Phụ lục Kế hoạch)» sends the reader to the row numbered 2.4."""
    import lsdocs

    table = document.tables[2]
    numbers = {r.cells[0].text for r in table.rows[1:]
               if not r._tr.xpath("./w:tc/w:tcPr/w:gridSpan")}
    letter = lsdocs.write_letter(SHIPPED_PLAN, "giao-nhiem-vu", agency=agency,
                                 date="29/11/2026", output_dir=tmp_path)
    text = "\n".join(p.text for p in docx.Document(str(letter.path)).paragraphs)
    cited = re.findall(r"\(nhiệm vụ ([^ ;)]+)", text)
    assert cited and set(cited) <= numbers, sorted(set(cited) - numbers)


def test_body_refers_to_the_appendix(document):
    assert any("Phụ lục kèm theo" in p.text for p in document.paragraphs)


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
