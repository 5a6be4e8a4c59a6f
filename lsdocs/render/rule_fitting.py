"""Fit the horizontal rules of a rendered document to the text above them.

Decree 30 sizes each rule by its text: under the Tiêu ngữ as long as the
Tiêu ngữ, under the agency name 1/3–1/2 of the name, under the trích yếu and
the appendix heading 1/3–1/2 of the text line.  A template cannot know those
lengths (the agency and the trích yếu come from content), so templates mark
rules with the paragraph style ``DuongKe`` and this pass sets each rule's left
and right indents after rendering, from Times New Roman widths.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from lsdocs.fonts import text_width
from lsdocs.limits import SAFE_PARSER

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RULE_STYLE = "DuongKe"
RULE_SHARE = 0.4  # of the text above: inside the decree's 1/3–1/2
FULL_LENGTH = {"TieuNgu"}  # rules as long as their text
NAME_STYLES = {"CoQuan"}  # the agency rule measures the longest bold name line
CELL_PADDING = 108


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_W_BODY = _w("body")
_W_P = _w("p")
_RULES = etree.XPath(f".//w:p[w:pPr/w:pStyle/@w:val = '{RULE_STYLE}']", namespaces={"w": W})


def fit_rules(xml: bytes) -> bytes:
    """Return *xml* (word/document.xml) with every ``DuongKe`` rule sized to its text."""
    if RULE_STYLE.encode() not in xml:
        return xml
    fitted = fit_parsed(etree.fromstring(xml, SAFE_PARSER))
    return xml if fitted is None else fitted


def fit_parsed(root: etree._Element) -> bytes | None:
    """Fit the rules of the parsed document *root*; its new bytes, None without a body.

    The rendering engine parses each rendered document once: that parse is its
    well-formedness check and the tree this pass works on.
    """
    body = root.find(_W_BODY)
    if body is None:
        return None
    widths: list[int] = []  # the section widths, computed when a body rule needs them
    for paragraph in rule_paragraphs(body):
        _fit(paragraph, body, widths)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def rule_paragraphs(body: etree._Element) -> list[etree._Element]:
    """The ``DuongKe`` paragraphs under *body*, in document order: the rules to fit."""
    rules: list[etree._Element] = _RULES(body)
    return rules


def _fit(rule: etree._Element, body: etree._Element, section_widths: list[int]) -> None:
    available = _available(rule, body, section_widths)
    if available <= 0:
        return
    above = _previous_paragraphs(rule)
    nearest = next(above, None)
    if nearest is None:
        return
    style = _style(nearest)
    if style in NAME_STYLES:
        names = [nearest, *(p for p in above if _style(p) in NAME_STYLES)]
        text = max((_width(p) for p in names), default=0.0)
        target = RULE_SHARE * min(text, available)
    elif style in FULL_LENGTH:
        target = min(_width(nearest), available)
    else:
        target = RULE_SHARE * min(_width(nearest), available)
    if target > 0:
        _set_indent(rule, int((available - target) / 2))


def _previous_paragraphs(rule: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs before *rule* in its container, nearest first, skipping empty ones."""
    for sibling in rule.itersiblings(_W_P, preceding=True):
        if _text(sibling).strip():
            yield sibling


def _width(paragraph: etree._Element) -> float:
    run = paragraph.find(f"{_w('r')}/{_w('rPr')}")
    size = run.find(_w("sz")) if run is not None else None
    half_points = int(size.get(_w("val"), "28")) if size is not None else 28
    bold = run is not None and run.find(_w("b")) is not None
    return text_width(_text(paragraph), half_points, bold)


def _available(paragraph: etree._Element, body: etree._Element, section_widths: list[int]) -> int:
    cell = next((a for a in paragraph.iterancestors(_w("tc"))), None)
    if cell is not None:
        width = cell.find(f"{_w('tcPr')}/{_w('tcW')}")
        return int(width.get(_w("w"), "0")) - 2 * CELL_PADDING if width is not None else 0
    if paragraph.getparent() is not body:
        return 0
    if not section_widths:
        section_widths += _section_widths(body)
    return int(section_widths[body.index(paragraph)])


def _section_widths(body: etree._Element) -> list[int]:
    """For each child of the body, the text width of the section it belongs to.

    A section ends with the paragraph that carries its ``sectPr`` (or with the
    body's own ``sectPr`` for the last one).
    """
    result: list[int] = []
    pending = 0
    for child in body:
        pending += 1
        sect = child if child.tag == _w("sectPr") else child.find(f"{_w('pPr')}/{_w('sectPr')}")
        if sect is not None:
            result += [_text_width_of(sect)] * pending
            pending = 0
    return result + [0] * pending


def _text_width_of(sect: etree._Element) -> int:
    size, margins = sect.find(_w("pgSz")), sect.find(_w("pgMar"))
    if size is None or margins is None:
        return 0
    page = int(size.get(_w("w"), "0"))
    return page - int(margins.get(_w("left"), "0")) - int(margins.get(_w("right"), "0"))


def _set_indent(paragraph: etree._Element, side: int) -> None:
    ppr = paragraph.find(_w("pPr"))
    if ppr is None:
        ppr = etree.SubElement(paragraph, _w("pPr"))
        paragraph.insert(0, ppr)
    ind = ppr.find(_w("ind"))
    if ind is None:
        ind = etree.SubElement(ppr, _w("ind"))
    ind.set(_w("left"), str(max(side, 0)))
    ind.set(_w("right"), str(max(side, 0)))


def _style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
    return style.get(_w("val")) if style is not None else None


def _text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_w("t")))
