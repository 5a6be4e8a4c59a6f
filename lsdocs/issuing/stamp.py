"""Writing the number and the issue date into a draft, in place, and marking it issued.

Only the text of three kinds of line changes: the Số line, the place-and-date
line, and each "(Kèm theo … số      /SYMBOL ngày …)" line of the document's own
appendices.  Runs, styles and every other part of the file stay as they were,
so edits made in Word before signing are kept.  The issued copy carries a
custom document property (:data:`MARKER`) naming its number and date; a file
with that property is never numbered again.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

from lxml import etree

from lsdocs import vnformat as vn
from lsdocs.check._xml import PARSER, Element, w
from lsdocs.issuing.draft import DATE_LINE, DOCUMENT_PART, NUMBER_LINE, Draft, para_text
from lsdocs.render.output import zip_package

MARKER = "lsdocs-phat-hanh"
CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def stamp(draft: Draft, number: int, issued_on: dt.date) -> bytes:
    """The draft's bytes with *number* and *issued_on* written in, marked as issued."""
    assert draft.number_para is not None and draft.date_para is not None
    _stamp_number(draft.number_para, number)
    _stamp_date(draft.date_para, issued_on)
    for para in draft.paragraphs():
        _stamp_reference(para, draft.symbol, number, issued_on)
    marker = f"{vn.number_symbol(number, draft.symbol)} ngày {vn.short_date(issued_on)}"
    return _rebuild(draft, marker)


def issued_marker(data: bytes) -> str | None:
    """The issued-document property of a .docx, or None for a draft."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(CUSTOM_PART)
        root = etree.fromstring(xml, PARSER)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    for prop in root.iter(f"{{{_CUSTOM_NS}}}property"):
        if prop.get("name") == MARKER:
            return "".join(prop.itertext()).strip()
    return None


def replace_span(para: Element, start: int, end: int, new: str) -> None:
    """Replace characters *start*..*end* of the paragraph's text, across runs.

    The new text goes into the run where the span starts (keeping its
    formatting); the rest of the span is cut from the runs it covers.
    """
    offset = 0
    placed = False
    for node in list(para.iter(w("t"))):
        text = node.text or ""
        lo, hi = offset, offset + len(text)
        offset = hi
        if not placed:
            if start > hi or (start == hi and end > hi):
                continue  # the span starts in a later run
            node.text = text[:start - lo] + new + text[min(end, hi) - lo:]
        elif lo < end:
            node.text = text[min(end, hi) - lo:]
        else:
            break
        node.set(_XML_SPACE, "preserve")
        placed = True
    if not placed:
        raise ValueError("span outside the paragraph's text")


def _stamp_number(para: Element, number: int) -> None:
    match = NUMBER_LINE.match(para_text(para))
    assert match is not None
    replace_span(para, match.start("number"), match.end("number"), f" {number:02d}")


def _stamp_date(para: Element, issued_on: dt.date) -> None:
    text = para_text(para)
    lead = len(text) - len(text.lstrip())
    match = DATE_LINE.match(text.strip())
    assert match is not None
    replace_span(para, lead + match.start("date"), len(text), vn.long_date(issued_on))


def _stamp_reference(para: Element, symbol: str, number: int, issued_on: dt.date) -> None:
    text = para_text(para)
    if "Kèm theo" not in text:
        return
    pattern = re.compile(r"\(Kèm theo [^()]*?\bsố(?P<number>\s*)/" + re.escape(symbol)
                         + r"(?P<date>\s+ngày\s[^()]*?năm(?:\s+\d{4}|\s*))(?=\s+của\b|\))")
    # Later matches first, so earlier offsets stay valid.
    for match in reversed(list(pattern.finditer(text))):
        replace_span(para, match.start("date"), match.end("date"),
                     f" {vn.long_date(issued_on)}")
        replace_span(para, match.start("number"), match.end("number"), f" {number:02d}")


# --- the package --------------------------------------------------------------------------


def _rebuild(draft: Draft, marker: str) -> bytes:
    """The zip again with the changed parts, through the one reproducible zip writer."""
    source = zipfile.ZipFile(io.BytesIO(draft.data))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[DOCUMENT_PART] = etree.tostring(draft.root, xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
    _add_marker(parts, marker)
    return zip_package(parts)


def _add_marker(parts: dict[str, bytes], marker: str) -> None:
    if CUSTOM_PART in parts:
        root = etree.fromstring(parts[CUSTOM_PART], PARSER)
    else:
        root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
        _register_part(parts)
    pids = [int(p.get("pid", "1")) for p in root]
    prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_FMTID,
                            pid=str(max(pids, default=1) + 1), name=MARKER)
    etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = marker
    parts[CUSTOM_PART] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)


def _register_part(parts: dict[str, bytes]) -> None:
    """Content type and package relationship for a new docProps/custom.xml."""
    types = parts["[Content_Types].xml"].decode("utf-8")
    override = f'<Override PartName="/{CUSTOM_PART}" ContentType="{_CUSTOM_TYPE}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    rels = parts["_rels/.rels"].decode("utf-8")
    ids = {int(n) for n in re.findall(r'Id="rId(\d+)"', rels)}
    rel = (f'<Relationship Id="rId{max(ids, default=0) + 1}" Type="{escape(_CUSTOM_REL)}" '
           f'Target="{CUSTOM_PART}"/>')
    parts["_rels/.rels"] = rels.replace("</Relationships>", rel + "</Relationships>").encode()
