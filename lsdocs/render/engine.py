"""Render docxtpl templates fast, strictly and byte-for-byte reproducibly.

A :class:`DocxTemplateFile` reads a ``.docx`` template once: its parts stay in
memory, the Jinja-bearing parts (body, headers, footers) are cleaned with
docxtpl's own tag patching (so ``{%p %}``, ``{%tr %}``, ``{%tc %}`` and tags
that Word split over several runs all work as in docxtpl) and compiled once in
the shared environment.  :meth:`render` then only runs the compiled code and
zips the result — no python-docx object model per document.  That is what
makes batches of a thousand letters cheap.

Output is deterministic: parts keep the template's order, every zip entry has
the same fixed timestamp, and ``docProps/core.xml`` is written from the
content, not from the clock.
"""

from __future__ import annotations

import io
import pyexpat
import re
import traceback
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from lxml import etree

from lsdocs.errors import Location, Problem, T, TemplateError, Text
from lsdocs.limits import (
    MAX_PACKAGE_BYTES,
    MAX_TEMPLATE_PART_BYTES,
    SAFE_PARSER,
    Refused,
    read_regular_file,
    read_zip_parts,
    size_text,
)
from lsdocs.render import compiled_cache
from lsdocs.render.environment import (
    TemplateLimitError,
    TemplateRefused,
    compile_source,
    render_template,
)
from lsdocs.render.output import zip_package
from lsdocs.render.part_cache import PartCache
from lsdocs.render.rule_fitting import RULE_STYLE, fit_parsed

_RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_TAGS = re.compile(r"<[^>]+>")
#: docxtpl's escapes for literal tag marks in a template's text, as Jinja expressions
_LITERALS = {"{_{": '{{ "{{" }}', "}_}": '{{ "}}" }}', "{_%": '{{ "{%" }}', "%_}": '{{ "%}" }}'}
_LITERAL_ESCAPE = re.compile("|".join(re.escape(k) for k in _LITERALS))
_DOCUMENT = "word/document.xml"
_RULE_MARK = RULE_STYLE.encode()
#: Former name of :func:`lsdocs.render.output.zip_package`, the one zip writer.
write_package = zip_package


@dataclass(frozen=True)
class CoreProperties:
    """What ``docProps/core.xml`` says about a generated document."""

    title: str
    subject: str = ""
    creator: str = "lsdocs"
    description: str = ""
    keywords: str = ""
    date_iso: str = "2000-01-01T00:00:00Z"  # the document's date, not the clock


class DocxTemplateFile:
    """A compiled .docx template, ready to render many times."""

    def __init__(self, path: Path, display_name: str | None = None):
        from lsdocs.render.shapes import ShapeCache

        self.path = path
        self.name = display_name or path.name
        self._parts = _read_parts(path, self.name)
        self._package = PartCache(self._parts)  # unchanged parts are deflated once
        self._shapes = ShapeCache(_encode)  # letters shaped like a checked one skip the parse
        self._templates: dict[str, jinja2.Template] = {}
        #: per part, the last rendered bytes found well-formed (not checked again)
        self._well_formed: dict[str, bytes] = {}
        #: parts without a Jinja tag (a letter's page headers): their bytes once rendered
        self._fixed: dict[str, bytes | None] = {}
        self._core: tuple[CoreProperties | None, bytes] = (None, b"")  # the last core.xml
        for part_name, data in self._parts.items():
            if _RENDERED_PART.match(part_name):
                self._templates[part_name] = self._compile(part_name, data)

    def _compile(self, part_name: str, data: bytes) -> jinja2.Template:
        if len(data) > MAX_TEMPLATE_PART_BYTES:
            message = T("phần mẫu quá lớn ({s}; giới hạn {m})",
                        s=size_text(len(data)), m=size_text(MAX_TEMPLATE_PART_BYTES))
            raise TemplateError(Problem(Location(self.name, path=part_name), message,
                                        code="too-large"))
        try:
            source = compiled_cache.patched(f"{self.name}:{part_name}", data, _patch)
        except UnicodeDecodeError as exc:
            message = T("phần mẫu không phải văn bản UTF-8 ({e})",
                        e=exc)
            raise TemplateError(Problem(Location(self.name, path=part_name), message)) from exc
        try:
            template = compile_source(f"{self.name}:{part_name}", source)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                self._problem(part_name, source, exc.lineno, _syntax_message(exc))
            ) from exc
        env = template.environment
        if not any(mark in source for mark in (env.block_start_string, env.variable_start_string,
                                               env.comment_start_string)):
            self._fixed[part_name] = None  # no tag: the first render is every render
        return template

    def render(self, context: Mapping[str, Any], core: CoreProperties) -> bytes:
        """Render every part with *context* and return the .docx bytes."""
        rendered: dict[str, bytes] = {}
        for part_name, template in self._templates.items():
            data = self._fixed.get(part_name)
            if data is None:
                data = self._render_part(part_name, template, context)
                if part_name in self._fixed:
                    self._fixed[part_name] = data
            rendered[part_name] = data
        if "docProps/core.xml" in self._parts:
            if self._core[0] != core:  # the letters of a batch share their properties
                self._core = (core, _core_xml(core))
            rendered["docProps/core.xml"] = self._core[1]
        return self._package.build(rendered)

    def _render_part(
        self, part_name: str, template: jinja2.Template, context: Mapping[str, Any]
    ) -> bytes:
        chunks: list[str] = []
        try:
            xml = render_template(template, dict(context), chunks)
        except jinja2.UndefinedError as exc:
            raise self._runtime_error(part_name, template, exc, _undefined_message(exc)) from exc
        except SecurityError as exc:
            raise self._runtime_error(part_name, template, exc, _security_message(exc)) from exc
        except TemplateLimitError as exc:
            raise self._runtime_error(part_name, template, exc, exc.message) from exc
        except MemoryError as exc:
            message = T("mẫu cần quá nhiều bộ nhớ khi điền")
            raise self._runtime_error(part_name, template, exc, message) from exc
        except Exception as exc:  # any failure inside a template is the template's
            message = T("lỗi khi điền mẫu: {e}", e=f"{type(exc).__name__}: {exc}")
            raise self._runtime_error(part_name, template, exc, message) from exc
        if part_name == _DOCUMENT:
            known = self._shapes.known(chunks)  # a letter shaped like one already written
            if known is not None:
                return known
        data = _encode(xml)
        if part_name == _DOCUMENT and _RULE_MARK in data:
            # One parse: the well-formedness check and the tree the rules are fitted on.
            fitted = fit_parsed(self._parse(part_name, data))
            written = data if fitted is None else fitted
            self._shapes.learn(chunks, data, written)
            return written
        if self._well_formed.get(part_name) != data:  # a header is the same in every letter
            self._check_well_formed(part_name, data)
            self._well_formed[part_name] = data
        if part_name == _DOCUMENT:
            self._shapes.learn(chunks, data, data)
        return data

    def _runtime_error(
        self, part_name: str, template: jinja2.Template, exc: Exception, message: Text
    ) -> TemplateError:
        source = _source_of(template)
        return TemplateError(self._problem(part_name, source, _template_line(exc), message))

    def _problem(self, part_name: str, source: str, lineno: int | None, message: Text) -> Problem:
        return Problem(location=_locate(self.name, part_name, source, lineno), message=message)

    def _check_well_formed(self, part_name: str, data: bytes) -> None:
        """Refuse broken XML; expat checks without building a tree (lxml words the error)."""
        try:
            pyexpat.ParserCreate().Parse(data, True)
        except pyexpat.ExpatError:
            self._parse(part_name, data)

    def _parse(self, part_name: str, data: bytes) -> etree._Element:
        try:
            return etree.fromstring(data, SAFE_PARSER)
        except etree.XMLSyntaxError as exc:
            message = T(
                "mẫu tạo ra XML hỏng ({e}); kiểm tra các thẻ {{%p}}/{{%tr}} có đóng đủ",
                e=exc,
            )
            raise TemplateError(Problem(Location(self.name, path=part_name), message)) from exc


def _read_parts(path: Path, name: str) -> dict[str, bytes]:
    """The template's parts, after the package limits (:mod:`lsdocs.limits`)."""
    try:
        data = read_regular_file(path, MAX_PACKAGE_BYTES)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return read_zip_parts(archive)
    except Refused as exc:
        message = T("mẫu .docx bị từ chối: {e}", e=exc.message)
        raise TemplateError(Problem(Location(name), message, code=exc.code)) from exc
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError,
            ValueError, RuntimeError, NotImplementedError, zlib.error) as exc:
        message = T(
            "không đọc được mẫu .docx ({e})", e=exc
        )
        raise TemplateError(Problem(Location(name), message)) from exc


def _patch(xml: str) -> str:
    # docxtpl (and python-docx, which it imports) only when a template is compiled
    from docxtpl import DocxTemplate

    # docxtpl's patch_xml uses no instance state; reuse it for identical tag semantics.
    patched = DocxTemplate.patch_xml(object.__new__(DocxTemplate), xml)
    # A template writes a literal "{{" as "{_{" (docxtpl's escapes); it becomes an
    # expression here, so the rendered text needs no unescaping that would also change a
    # clerk's "{_{" in the content.
    patched = _LITERAL_ESCAPE.sub(lambda m: _LITERALS[m.group()], patched)
    # One paragraph per line, as docxtpl does, so a Jinja line number names a paragraph.
    return _PARAGRAPH_START.sub(r"\n<w:p\1", patched)


def _encode(xml: str) -> bytes:
    """A rendered part's bytes: UTF-8, without the newlines :func:`_patch` added."""
    return _unpatch(xml.encode("utf-8"))


def _unpatch(xml: bytes) -> bytes:
    """Undo :func:`_patch` in the rendered (UTF-8) bytes: the newlines it put before paragraphs."""
    # Two plain replaces: a regex is slower.  Content cannot hold "<w:p" (it is escaped).
    return xml.replace(b"\n<w:p ", b"<w:p ").replace(b"\n<w:p>", b"<w:p>")


def _source_of(template: jinja2.Template) -> str:
    name = template.name or ""
    loader = template.environment.loader
    assert loader is not None  # every lsdocs template is compiled through a loader
    loaded = loader.get_source(template.environment, name)
    return loaded[0]


def _template_line(exc: BaseException) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return int(lineno)
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        if ":word/" in frame.filename:
            return frame.lineno
    return None


def _locate(name: str, part_name: str, source: str, lineno: int | None) -> Location:
    if not lineno:
        return Location(file=name, path=part_name)
    line = source.splitlines()[lineno - 1] if lineno <= len(source.splitlines()) else ""
    text = " ".join(_TAGS.sub("", line).split())[:60]
    paragraph = lineno - 1  # line 1 is the XML prologue and body start
    return Location(
        file=name,
        path=part_name,
        place=T("đoạn {n} «{t}»", n=paragraph, t=text),
    )


def _syntax_message(exc: jinja2.TemplateSyntaxError) -> Text:
    if isinstance(exc, TemplateRefused):
        return exc.text
    return T(
        "thẻ mẫu viết sai: {e}", e=exc.message or str(exc)
    )


def _undefined_message(exc: jinja2.UndefinedError) -> Text:
    return T(
        "mẫu dùng giá trị không có trong nội dung: {e}",
        e=exc.message or str(exc),
    )


def _security_message(exc: SecurityError) -> Text:
    return T(
        "mẫu bị từ chối vì truy cập thuộc tính không an toàn ({e}); "
        "mẫu chỉ được dùng giá trị nội dung",
        e=exc,
    )


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (xml.sax.saxutils.escape, without importing urllib)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _core_xml(core: CoreProperties) -> bytes:
    def field(tag: str, value: str) -> str:
        return f"<{tag}>{_escape(value)}</{tag}>"

    body = "".join(
        [
            field("dc:title", core.title),
            field("dc:subject", core.subject),
            field("dc:creator", core.creator),
            field("cp:keywords", core.keywords),
            field("dc:description", core.description),
            field("cp:lastModifiedBy", core.creator),
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{core.date_iso}</dcterms:created>',
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{core.date_iso}</dcterms:modified>',
        ]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' + body + "</cp:coreProperties>"
    ).encode("utf-8")
