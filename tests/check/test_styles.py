"""Effective formatting as Word computes it: run → character style → paragraph style
(basedOn chain) → table style → document defaults; theme fonts; w:caps; hidden and
deleted text."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from lsdocs.check.docmodel import Paragraph
from lsdocs.check.runner import open_document
from lsdocs.check.text_keys import key, snippet
from lsdocs.fonts import text_width


def _style(document: docx.document.Document, xml: str) -> None:
    document.styles.element.append(parse_xml(f"<w:style {nsdecls('w')} {xml}</w:style>"))


def _first(data: bytes, kind: str = "body") -> Paragraph:
    doc = open_document(data, "t.docx")
    if kind == "cell":
        table = doc.tables[0]
        return table.rows[0][0].paragraphs[0]
    return next(p for p in doc.body_paragraphs() if not p.empty)


def _save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture()
def document() -> docx.document.Document:
    document = docx.Document()
    _style(document, 'w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/>'
           '<w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/></w:pPr>'
           '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
           '<w:b/><w:sz w:val="28"/></w:rPr>')
    _style(document, 'w:type="paragraph" w:styleId="Child"><w:name w:val="Child"/>'
           '<w:basedOn w:val="Base"/><w:rPr><w:sz w:val="26"/></w:rPr>')
    _style(document, 'w:type="character" w:styleId="Em"><w:name w:val="Em"/>'
           '<w:rPr><w:i/><w:color w:val="FF0000"/></w:rPr>')
    return document


def test_based_on_chain_and_character_style(document: docx.document.Document) -> None:
    para = document.add_paragraph("Nội dung", style="Child")
    para.runs[0]._r.get_or_add_rPr().append(parse_xml(f'<w:rStyle {nsdecls("w")} w:val="Em"/>'))
    p = _first(_save(document))
    props = p.runs[0].props
    assert (props.sz, props.bold, props.italic, props.color) == (26, True, True, "FF0000")
    assert props.ascii is not None and props.ascii.value == "Times New Roman"
    assert (p.props.jc, p.props.first_line) == ("both", 567)
    assert props.color_source == "style:Em"


def test_theme_font_in_defaults_loses_to_an_explicit_font_higher_up(
        document: docx.document.Document) -> None:
    para = document.add_paragraph("Chữ")
    plain = _first(_save(document)).runs[0].props.ascii
    assert plain is not None and plain.is_theme and plain.source == "defaults"
    para.runs[0].font.name = "Times New Roman"
    explicit = _first(_save(document)).runs[0].props.ascii
    assert explicit is not None and not explicit.is_theme and explicit.source == "run"


def test_theme_attribute_beats_name_at_the_same_level(document: docx.document.Document) -> None:
    para = document.add_paragraph("Chữ")
    para.runs[0].font.name = "Times New Roman"
    para.runs[0]._r.rPr.find(qn("w:rFonts")).set(qn("w:asciiTheme"), "minorHAnsi")
    ascii_font = _first(_save(document)).runs[0].props.ascii
    assert ascii_font is not None and ascii_font.is_theme


def test_table_style_run_properties_apply_in_cells(document: docx.document.Document) -> None:
    _style(document, 'w:type="table" w:styleId="Tb"><w:name w:val="Tb"/>'
           '<w:rPr><w:sz w:val="24"/></w:rPr>')
    table = document.add_table(rows=1, cols=1)
    table._tbl.tblPr.append(parse_xml(f'<w:tblStyle {nsdecls("w")} w:val="Tb"/>'))
    table.rows[0].cells[0].paragraphs[0].add_run("Ô")
    assert _first(_save(document), "cell").runs[0].props.sz == 24


def test_caps_hidden_and_deleted_text(document: docx.document.Document) -> None:
    para = document.add_paragraph()
    para.add_run("kế hoạch").font.all_caps = True
    para.add_run(" ẩn").font.hidden = True
    para._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r>'
                             '<w:delText>xóa</w:delText></w:r></w:del>'))
    p = _first(_save(document))
    assert (p.text, p.display) == ("kế hoạch", "KẾ HOẠCH")


def test_alternate_content_fallback_is_not_read_twice(document: docx.document.Document) -> None:
    para = document.add_paragraph("A")
    para._p.append(parse_xml(
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/'
        f'2006" {nsdecls("w")}><mc:Choice Requires="w14"><w:r><w:t>B</w:t></w:r></mc:Choice>'
        '<mc:Fallback><w:r><w:t>B</w:t></w:r></mc:Fallback></mc:AlternateContent>'))
    assert _first(_save(document)).text == "AB"


def test_widths_and_keys() -> None:
    assert round(text_width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 26, bold=True)) == 5424
    assert text_width("Ệ", 28) == text_width("E", 28)
    assert key("Cộng hoà  xã hội") == key("CỘNG HÒA XÃ HỘI")
    assert key("Độc lập – Tự do") == key("Độc lập - Tự do")
    assert snippet("Giao Sở Khoa học và Công nghệ theo dõi") == "«Giao Sở Khoa học và Công…»"
