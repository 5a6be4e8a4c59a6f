"""Templates cannot put raw content into the XML, and cannot run away with time or memory."""

from __future__ import annotations

import io
import zipfile

import pytest
from jinja2.runtime import Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from lsdocs.errors import TemplateError
from lsdocs.render.engine import CoreProperties, DocxTemplateFile
from lsdocs.render.environment import ENV
from lsdocs.render.output import zip_package

PAYLOAD = "</w:t></w:r><w:r><w:t>TIÊM"
CORE = CoreProperties(title="t")

# Every way found to get a value into the XML unescaped, old and new.
BYPASSES = [
    "{% autoescape false %}{{ x }}{% endautoescape %}",
    "{%+ autoescape false %}{{ x }}{% endautoescape %}",
    "{%- autoescape false -%}{{ x }}{%- endautoescape -%}",
    "{% autoescape 0 %}{{ x }}{% endautoescape %}",
    "{% set off = false %}{% autoescape off %}{{ x }}{% endautoescape %}",
    "{{ x|safe }}",
    "{{ x | safe }}",
    "{% filter safe %}{{ x }}{% endfilter %}",
    "{{ [x]|map('safe')|first }}",
    "{{ [x]|map('string')|map('safe')|join }}",
    "{% set f = 'safe' %}{{ [x]|map(f)|first }}",
    "{{ x is safe }}",
    "{% include 'other.xml' %}",
    "{% import 'other.xml' as o %}",
    "{% extends 'other.xml' %}",
]

# Constructs that are allowed but must still escape the value.
ESCAPED = [
    "{{ x }}",
    "{{ x|forceescape }}",
    "{{ '%s'|format(x) }}",
    "{{ '%s' % x }}",
    "{{ '{}'.format(x) }}",
    "{{ x ~ '' }}",
    "{{ [x]|join }}",
    "{{ {'a': x}|xmlattr }}",
    "{% set y %}{{ x }}{% endset %}{{ y }}",
    "{% macro m(v) %}{{ v }}{% endmacro %}{{ m(x) }}",
    "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{{ x }}{% endcall %}",
    "{{ (x|e).format(x) }}",
    "{{ x|striptags }}",
    "{{ x|urlize }}",
    "{{ x|indent(2) }}",
    "{{ (x|e)|replace('a', x) }}",
]


def rendered_xml(make_template, tag: str) -> str:
    data = DocxTemplateFile(make_template(tag)).render({"x": PAYLOAD}, CORE)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("tag", BYPASSES)
def test_constructs_that_would_unescape_are_refused(make_template, tag):
    with pytest.raises(TemplateError) as info:
        rendered_xml(make_template, tag)
    message = info.value.format("vi")
    assert "t.docx" in message and "word/document.xml" in message


@pytest.mark.parametrize("tag", ESCAPED)
def test_allowed_constructs_still_escape_content(make_template, tag):
    xml = rendered_xml(make_template, tag)
    assert "<w:t>TIÊM" not in xml
    assert "TIÊM" in xml


def test_refusal_is_at_compile_time_with_the_paragraph(make_template):
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(make_template("Đầu", "{%+ autoescape false %}{% endautoescape %}"))
    message = info.value.format("vi")
    assert "«{%+ autoescape false %}{% endautoescape %}»" in message
    assert "autoescape" in info.value.format("en")


LIMITS = {
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}":
        "lặp quá nhiều lần",
    "{{ x * 10000000 }}": "quá dài",
    "{{ '%999999999s' % x }}": "quá lớn",
    "{{ '%*s' % (999999999, x) }}": "quá lớn",
    "{{ '{:>999999999}'.format(x) }}": "quá lớn",
    "{{ '{:{w}}'.format(x, w=999999999) }}": "quá lớn",
    "{{ x|center(999999999) }}": "quá lớn",
    "{{ x.center(999999999) }}": "quá lớn",
    "{{ x.ljust(999999999) }}": "quá lớn",
    "{{ [1]|batch(999999999, 'x')|list }}": "quá lớn",
    "{{ x|indent(9999) * 1 }}{{ (x * 9000)|replace('', x * 100) }}": "quá dài",
    "{% set ns = namespace(s=x) %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}": "quá dài",
    "{% set ns = namespace(s=x) %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}": "quá dài",
    "{{ 99999 ** 99999 }}": "số quá lớn",
    "{{ lipsum(1000000) }}": "lipsum",
    "{{ (x * 1000).expandtabs(100) }}": "không an toàn",
}


@pytest.mark.parametrize("tag", sorted(LIMITS))
def test_runaway_templates_stop_at_a_named_limit(make_template, tag):
    with pytest.raises(TemplateError) as info:
        rendered_xml(make_template, tag)
    message = info.value.format("vi")
    assert LIMITS[tag] in message, message
    assert "t.docx" in message


def test_a_zip_bomb_template_is_refused_before_unpacking(make_template, tmp_path):
    path = make_template("{{ x }}")
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(zip_package({**parts, "word/media/zero.bin": bytes(80 * 1024 * 1024)}))
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(bomb)
    assert "giới hạn" in info.value.format("vi")


def test_a_template_with_an_entity_declaration_is_refused(make_template, tmp_path):
    path = make_template("{{ x }}")
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    xml = parts["word/document.xml"]
    head, rest = xml.split(b"?>", 1)
    evil = head + b'?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/hostname">]>' + rest
    target = tmp_path / "xxe.docx"
    target.write_bytes(zip_package({**parts, "word/document.xml": evil}))
    with pytest.raises(TemplateError) as info:
        DocxTemplateFile(target)
    assert "DTD" in info.value.format("vi")


@pytest.mark.parametrize("name", ["vv", "items", "pop", "keys", "__class__", "mro", "missing"])
def test_a_dict_attribute_reads_as_the_sandbox_reads_it(name):
    """The sandbox's shortcut for dicts answers exactly what its parent class answers."""
    d = {"vv": "V/v", "items": "khóa items", "pop": 1}
    ours, theirs = ENV.getattr(d, name), ImmutableSandboxedEnvironment.getattr(ENV, d, name)
    if isinstance(theirs, Undefined):
        assert type(ours) is type(theirs) and ours._undefined_message == theirs._undefined_message
    else:
        assert ours == theirs
