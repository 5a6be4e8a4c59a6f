"""The rendering engine: strict, escaped, sandboxed, located errors, reproducible bytes."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from lsdocs.errors import TemplateError
from lsdocs.render.engine import CoreProperties, DocxTemplateFile

CORE = CoreProperties(title="t")


def body_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def render(path, **context) -> str:
    return body_text(DocxTemplateFile(path).render(context, CORE))


def test_values_are_filled_in(make_template):
    assert "Sở Y tế" in render(make_template("{{ name }}"), name="Sở Y tế")


def test_values_are_xml_escaped(make_template):
    xml = render(make_template("{{ name }}"), name="Phòng R&D <mới> \"A\"")
    assert "Phòng R&amp;D &lt;mới&gt;" in xml


def test_tag_split_over_runs_still_renders(make_template):
    path = make_template(["{{ na", "me }}"])
    assert "Lạng Sơn" in render(path, name="Lạng Sơn")


def test_paragraph_loop_makes_one_paragraph_per_item(make_template):
    path = make_template("{%p for x in items %}", "- {{ x }};", "{%p endfor %}")
    xml = render(path, items=["Sở Y tế", "Sở Tài chính"])
    assert xml.count("<w:p>") + xml.count("<w:p ") == 2
    assert "- Sở Y tế;" in xml and "- Sở Tài chính;" in xml


def test_missing_value_names_template_variable_and_paragraph(make_template):
    path = make_template("Mở đầu", "Kính gửi: {{ recipent }}")
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(path).render({"recipient": "x"}, CORE)
    message = info.value.format("vi")
    assert "t.docx" in message
    assert "word/document.xml" in message
    assert "'recipent' is undefined" in message
    assert "«Kính gửi: {{ recipent }}»" in message
    assert "giá trị không có trong nội dung" in message


def test_missing_value_message_in_english(make_template):
    path = make_template("{{ nothing }}")
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(path).render({}, CORE)
    assert "the template uses a value the content does not have" in info.value.format("en")


@pytest.mark.parametrize(
    "tag",
    [
        "{{ name.__class__.__mro__ }}",
        "{{ name.__class__.__base__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'] }}",
    ],
)
def test_sandbox_refuses_reaching_outside_the_values(make_template, tag):
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(make_template(tag)).render({"name": "x"}, CORE)
    text = info.value.format("vi")
    assert "t.docx" in text
    assert "không" in text  # refused or undefined, never executed


def test_os_and_popen_are_not_reachable(make_template):
    path = make_template("{{ os.popen('id').read() }}")
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(path).render({}, CORE)
    assert "'os' is undefined" in info.value.format("en")


def test_syntax_error_is_reported_when_the_template_is_loaded(make_template):
    path = make_template("Đầu", "{% for x in %}", "Cuối")
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(path)
    message = info.value.format("vi")
    assert "thẻ mẫu viết sai" in message
    assert "«{% for x in %}»" in message


def test_not_a_docx_is_a_template_error(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_text("not a zip")
    with pytest.raises(TemplateError, match="không đọc được mẫu"):
        DocxTemplateFile(path)


def test_same_input_gives_identical_bytes(make_template):
    template = DocxTemplateFile(make_template("{{ a }}", "{{ b }}"))
    first = template.render({"a": "1", "b": "2"}, CORE)
    second = DocxTemplateFile(make_template("{{ a }}", "{{ b }}", name="u.docx")).render(
        {"a": "1", "b": "2"}, CORE
    )
    assert first == second


def test_zip_entries_have_fixed_timestamps_and_content_types_first(make_template):
    data = DocxTemplateFile(make_template("x")).render({}, CORE)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_core_properties_come_from_content_not_clock(make_template):
    core = CoreProperties(title="Kế hoạch & x", date_iso="2023-09-06T00:00:00Z")
    data = DocxTemplateFile(make_template("x")).render({}, core)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("docProps/core.xml").decode("utf-8")
    assert "<dc:title>Kế hoạch &amp; x</dc:title>" in xml
    assert "2023-09-06T00:00:00Z" in xml


@pytest.mark.parametrize("tag", ["{% autoescape false %}{{ x }}{% endautoescape %}",
                                 "{{ x | safe }}"])
def test_switching_escaping_off_is_refused(make_template, tag):
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(make_template(tag))
    assert "luôn được thoát ký tự" in info.value.format("vi")


def test_runtime_failure_in_a_template_is_located(make_template):
    path = make_template("Đầu", "{{ 1 / 0 }}")
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(path).render({}, CORE)
    message = info.value.format("vi")
    assert "ZeroDivisionError" in message and "«{{ 1 / 0 }}»" in message


def _old_unpatch(xml: str) -> str:
    """How the engine undid its tag patching before it worked on bytes (the reference)."""
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
    return xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")


ODD_VALUES = ['"A" & \'B\' <c> ]]>', "Sở Y tế – Ω 𝔸 ̀", "{_{ a }_} {_% b %_} {{ c }}", "x\n",
              "line\nbreak\r\n", "\t tab", "  ", "", "&amp; &#39; &lt;"]


@pytest.mark.parametrize("value", [v for v in ODD_VALUES if "{_" not in v and "_}" not in v])
def test_parts_unpatched_as_bytes_equal_the_text_way(make_template, value):
    from lsdocs.render.environment import render_template

    path = make_template("{{ v }}", "{%p if v %}", "{{ v }}{{ v }}", "{%p endif %}", "{{ v }}",
                         "a {_{ b")
    template = DocxTemplateFile(path)
    for part, compiled in template._templates.items():
        expected = _old_unpatch(render_template(compiled, {"v": value})).encode("utf-8")
        assert template._render_part(part, compiled, {"v": value}) == expected


def test_a_template_escape_prints_the_mark_and_content_prints_as_written(make_template):
    """docxtpl's «{_{» in a template's text prints «{{»; the same characters in content
    are a clerk's words and print unchanged (they used to be turned into «{{» too)."""
    path = make_template("a {_{ b }_} c {_% d %_}", "{{ v }}")
    value = "Sở {_{ số }_} {_% 2 %_} {{ x }}"
    data = DocxTemplateFile(path).render({"v": value}, CORE)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "a {{ b }} c {% d %}" in texts
    assert value in texts


def test_broken_xml_is_refused_however_often_good_xml_came_before(make_template, tmp_path):
    path = make_template("x")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="'
        b'http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"{% if v %}<w:p>{% endif %}<w:r><w:t>{{ t }}</w:t></w:r></w:p></w:body></w:document>")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    template = DocxTemplateFile(broken)
    for t in ("a", "a", "b"):  # the same good bytes twice, then other good bytes
        assert f">{t}</w:t>" in body_text(template.render({"v": True, "t": t}, CORE))
    for _ in range(2):
        with pytest.raises(TemplateError) as caught:
            template.render({"v": False, "t": "a"}, CORE)
        assert "XML hỏng" in caught.value.format("vi")


def test_a_part_without_tags_is_rendered_once(make_template, monkeypatch):
    template = DocxTemplateFile(make_template("Trang không có thẻ"))
    calls: list[str] = []
    render_part = DocxTemplateFile._render_part

    def counted(self, part_name, compiled, context):
        calls.append(part_name)
        return render_part(self, part_name, compiled, context)

    monkeypatch.setattr(DocxTemplateFile, "_render_part", counted)
    letters = [template.render({"v": n}, CORE) for n in range(3)]
    assert calls == ["word/document.xml"] and letters[0] == letters[1] == letters[2]


def test_a_broken_part_without_tags_is_refused_every_time(make_template, tmp_path):
    with zipfile.ZipFile(make_template("x")) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>'
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    template = DocxTemplateFile(broken)
    for _ in range(2):
        with pytest.raises(TemplateError):
            template.render({}, CORE)
