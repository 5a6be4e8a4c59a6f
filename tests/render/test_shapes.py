"""Letters of a checked shape are written without a parse, byte for byte as with one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from lsdocs.errors import TemplateError
from lsdocs.render import engine
from lsdocs.render.engine import CoreProperties, DocxTemplateFile
from lsdocs.render.shapes import ShapeCache

CORE = CoreProperties(title="t")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def paragraph(text: str, style: str = "NoiDung", size: int = 28) -> str:
    return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:ind w:left="0" w:right="0"/></w:pPr>'
            f'<w:r><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr>'
            f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')


RULE = paragraph("", "DuongKe").replace('<w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>'
                                        '<w:t xml:space="preserve"></w:t></w:r>', "")
#: A letter's frame: the agency's name over a rule in a table cell, a body with a rule
#: under the trích yếu, paragraphs per item, the section that gives the body's width.
LETTER = (
    f'{DECLARATION}<w:document xmlns:w="{W}"><w:body>'
    '<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w="3600" w:type="dxa"/></w:tcPr>'
    + paragraph("{{ issuer }}", "CoQuan", 26) + RULE + '</w:tc></w:tr></w:tbl>'
    + paragraph("V/v {{ vv }}", "TrichYeu") + RULE
    + paragraph("{%p for item in items %}") + paragraph("{{ item }}") + paragraph("{%p endfor %}")
    + paragraph("{{ closing }}")
    + '<w:sectPr><w:pgSz w:w="11906"/><w:pgMar w:left="1701" w:right="1134"/></w:sectPr>'
    '</w:body></w:document>'
)


def template_with(tmp_path: Path, make_template, document: str) -> DocxTemplateFile:
    """A template whose word/document.xml is *document* (rules need their own markup)."""
    with zipfile.ZipFile(make_template("x")) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = document.encode("utf-8")
    path = tmp_path / f"t{len(list(tmp_path.iterdir()))}.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return DocxTemplateFile(path)


def document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


@pytest.fixture
def parses(monkeypatch) -> list[bytes]:
    """The documents the engine parsed and fitted (the others were written from a shape)."""
    seen: list[bytes] = []
    parse = DocxTemplateFile._parse

    def counted(self: DocxTemplateFile, part_name: str, data: bytes) -> etree._Element:
        seen.append(data)
        return parse(self, part_name, data)

    monkeypatch.setattr(DocxTemplateFile, "_parse", counted)
    return seen


def letter(issuer: str = "SỞ Y TẾ", vv: str = "giao nhiệm vụ năm 2025",
           items: tuple[str, ...] = ("a) Việc một.", "b) Việc hai."), closing: str = "Trân trọng./."
           ) -> dict[str, object]:
    return {"issuer": issuer, "vv": vv, "items": list(items), "closing": closing}


ODD = ['"A" & \'B\' <c> ]]>', "Sở Y tế – Ω 𝔸 ̀", "x\n", "line\nbreak\r\n", "\t tab", "  ",
       "", "&amp; &#39; &lt;", "\u00a0nbsp\u00ad", "DuongKe", '<w:p w:val="DuongKe">', "\x85",
       "a" * 5000]


def test_letters_of_a_shape_are_written_without_a_parse(tmp_path, make_template, parses):
    template = template_with(tmp_path, make_template, LETTER)
    contexts = [letter(items=(f"a) Việc {n} của Sở {n}.", f"b) Hạn {n}/12."),
                       closing=f"Gửi {n} & cộng sự./.") for n in range(6)]
    written = [document_xml(template.render(c, CORE)) for c in contexts]
    assert len(parses) == 2  # the shape's first letter, then the letter that checked it
    for context, data in zip(contexts, written, strict=True):
        fresh = template_with(tmp_path, make_template, LETTER)
        assert data == document_xml(fresh.render(context, CORE))


#: A part without rules, spelled as lxml would not write it (single-quoted attributes): it
#: is written as rendered, so its shape needs its probe to parse, not to serialise back.
RULELESS = LETTER.replace(RULE, "").replace('w:w="3600"', "w:w='3600'")


@pytest.mark.parametrize("odd", ODD)
@pytest.mark.parametrize("field", ["issuer", "vv", "items", "closing"])
@pytest.mark.parametrize("document", [LETTER, RULELESS], ids=["rules", "ruleless"])
def test_any_value_is_written_as_the_full_path_writes_it(tmp_path, make_template, odd, field,
                                                          document):
    template = template_with(tmp_path, make_template, document)
    for _ in range(3):  # the shape is checked on its second letter
        template.render(letter(), CORE)
    context = letter(**{field: (odd, odd) if field == "items" else odd})  # type: ignore[arg-type]
    fresh = template_with(tmp_path, make_template, document)
    assert (document_xml(template.render(context, CORE))
            == document_xml(fresh.render(context, CORE)))


def test_a_new_header_is_fitted_again(tmp_path, make_template, parses):
    template = template_with(tmp_path, make_template, LETTER)
    issuers = ["SỞ Y TẾ"] * 3 + ["SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LẠNG SƠN"] * 2
    written = [document_xml(template.render(letter(issuer=i), CORE)) for i in issuers]
    assert len(parses) == 3  # the longer name's rule is fitted once, then reused
    for issuer, data in zip(issuers, written, strict=True):
        fresh = template_with(tmp_path, make_template, LETTER)
        assert data == document_xml(fresh.render(letter(issuer=issuer), CORE))


@pytest.mark.parametrize("place", [
    '<w:p><w:pPr><w:pStyle w:val="{{ v }}"/></w:pPr></w:p>',  # attribute value
    "<w:p><!-- {{ v }} --></w:p>",  # comment
    "<w:p><?pi {{ v }}?></w:p>",  # processing instruction
    "<w:p><![CDATA[{{ v }}]]></w:p>",
    "<w:p{{ v }}></w:p>",  # inside a tag
])
def test_a_value_outside_element_text_is_always_parsed(tmp_path, make_template, parses, place):
    document = LETTER.replace("</w:body>", f"{place}</w:body>")
    template = template_with(tmp_path, make_template, document)
    for value in ["DuongKe", "DuongKe", " a", "--", "?>", "]]>"]:
        try:
            template.render({**letter(), "v": value}, CORE)
        except TemplateError:
            continue
    assert len(parses) == 6


def test_broken_xml_is_refused_after_letters_of_its_shape(tmp_path, make_template):
    document = LETTER.replace("{{ closing }}", "{% if broken %}</w:t>{% endif %}{{ closing }}")
    template = template_with(tmp_path, make_template, document)
    for _ in range(3):
        template.render({**letter(), "broken": False}, CORE)
    with pytest.raises(TemplateError) as caught:
        template.render({**letter(), "broken": True}, CORE)
    assert "XML hỏng" in caught.value.format("vi")


def test_shapes_are_remembered_up_to_a_bound(monkeypatch):
    monkeypatch.setattr("lsdocs.render.shapes.MAX_SHAPES", 2)
    cache = ShapeCache(engine._encode)
    for n in range(4):
        chunks = [DECLARATION + f'<w:document xmlns:w="{W}"><w:body>{"<w:p/>" * n}</w:body>'
                  "</w:document>"]
        data = engine._encode(chunks[0])
        assert cache.known(chunks) is None
        cache.learn(chunks, data, data)
    assert len(cache._seen) == 2


@pytest.fixture
def checks(monkeypatch) -> list[bytes]:
    """The rule-less documents the engine checked for well-formedness."""
    seen: list[bytes] = []
    check = DocxTemplateFile._check_well_formed

    def counted(self: DocxTemplateFile, part_name: str, data: bytes) -> None:
        if part_name == "word/document.xml":
            seen.append(data)
        check(self, part_name, data)

    monkeypatch.setattr(DocxTemplateFile, "_check_well_formed", counted)
    return seen


def test_letters_without_rules_are_written_as_rendered_without_a_check(
        tmp_path, make_template, checks):
    template = template_with(tmp_path, make_template, RULELESS)
    contexts = [letter(items=(f"a) Việc {n}.",), closing=f"Gửi {n} & cộng sự./.")
                for n in range(6)]
    written = [document_xml(template.render(c, CORE)) for c in contexts]
    assert len(checks) == 2  # the shape's first letter, then the letter that checked it
    assert b"w:w='3600'" in written[-1]  # as rendered, not as lxml would write it
    for context, data in zip(contexts, written, strict=True):
        fresh = template_with(tmp_path, make_template, RULELESS)
        assert data == document_xml(fresh.render(context, CORE))


def test_broken_xml_without_rules_is_refused_after_letters_of_a_checked_shape(
        tmp_path, make_template):
    breaking = RULELESS.replace("{{ closing }}",
                                "{{ closing }}{% if closing == 'x' %}</w:t>{% endif %}")
    template = template_with(tmp_path, make_template, breaking)
    for _ in range(3):
        template.render(letter(), CORE)
    with pytest.raises(TemplateError):
        template.render(letter(closing="x"), CORE)
