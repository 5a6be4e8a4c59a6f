"""Horizontal rules ("đường kẻ") under the Tiêu ngữ, agency name and trích yếu.

Three ways to draw one are recognised, as nd30-format.md §7.2 lists them:
a paragraph bottom border (its width is the container width minus the
paragraph's left and right indents), a paragraph of ``_`` characters (the
decree's own sample files), and a DrawingML or VML line shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsdocs.check._xml import A_NS, Element, is_fallback, qn
from lsdocs.check.docmodel import Document, Paragraph, Run
from lsdocs.fonts import text_width

EMU_PER_TWIP = 635
LINE_SHAPES = ("line", "straightConnector1")
SOLID_BORDERS = ("single", "thick", "thin")
_VML_UNITS = {"pt": 20.0, "in": 1440.0, "cm": 566.93, "mm": 56.693, "px": 15.0, "": 20.0}
_NUMBER = re.compile(r"(-?[\d.]+)\s*([a-z]*)")


@dataclass(frozen=True)
class HRule:
    kind: str  # "border", "underscores" or "drawing"
    width: float  # twips
    solid: bool
    para: Paragraph
    detail: str = ""


def container_width(doc: Document, para: Paragraph) -> int:
    """Width available to *para*: its table cell, or the section's text width."""
    box = para.container
    if box.kind == "textbox" and box.parent is not None:
        return container_width(doc, box.parent)
    if box.kind == "cell" and box.table is not None:
        return box.table.rows[box.row][box.col].width
    section = doc.sections[min(para.section, len(doc.sections) - 1)]
    return section.text_width


def rule_in(doc: Document, para: Paragraph, own_text_ok: bool = True,
            side: str = "bottom") -> HRule | None:
    """The rule *para* draws itself, if any."""
    for drawing in para.drawings:
        found = drawing_line(drawing, para)
        if found is not None:
            return found
    border = para.props.borders.get(side)
    if border is not None and border.visible and (own_text_ok or para.empty):
        span = container_width(doc, para) - para.props.ind_left - para.props.ind_right
        return HRule("border", span, border.val in SOLID_BORDERS, para, border.val)
    text = para.text.strip()
    if text and set(text) == {"_"}:
        width = sum(text_width(r.text.strip(), r.props.sz, r.props.bold) * _script_scale(r)
                    for r in para.text_runs)
        return HRule("underscores", width, True, para)
    return None


#: superscript and subscript glyphs are drawn at about 58 % of the size (LibreOffice; the
#: decree's own Tiêu ngữ rule is a line of superscript underscores)
SCRIPT_SCALE = 0.58


def _script_scale(run: Run) -> float:
    return SCRIPT_SCALE if run.props.vert_align in ("superscript", "subscript") else 1.0


def rule_after(doc: Document, paras: list[Paragraph], index: int) -> HRule | None:
    """A rule directly under ``paras[index]``: its own bottom border or drawing, or
    the next paragraph (a bordered or underscore paragraph, or a line shape)."""
    own = rule_in(doc, paras[index])
    if own is not None:
        return own
    if index + 1 >= len(paras):
        return None
    nxt = paras[index + 1]
    return rule_in(doc, nxt, own_text_ok=False) or rule_in(doc, nxt, side="top")


def drawing_line(el: Element, para: Paragraph) -> HRule | None:
    """A straight line shape and its length, or None for pictures and text boxes."""
    if is_fallback(el):
        return None
    if el.tag in (qn("wp:inline"), qn("wp:anchor")):
        return _dml_line(el, para)
    return _vml_line(el, para)


def _dml_line(el: Element, para: Paragraph) -> HRule | None:
    geom = el.find(f".//{{{A_NS}}}prstGeom")
    if geom is None or geom.get("prst") not in LINE_SHAPES:
        return None
    extent = el.find(qn("wp:extent"))
    width = int(extent.get("cx", "0")) / EMU_PER_TWIP if extent is not None else 0.0
    line = el.find(f".//{{{A_NS}}}ln")
    if line is not None and line.find(f"{{{A_NS}}}noFill") is not None:
        return None
    dash = el.find(f".//{{{A_NS}}}prstDash")
    style = dash.get("val", "solid") if dash is not None else "solid"
    return HRule("drawing", width, style == "solid", para, style)


def _vml_line(el: Element, para: Paragraph) -> HRule | None:
    if el.get("stroked") in ("f", "false"):
        return None
    if el.tag == qn("v:line"):
        start, end = _vml_point(el.get("from", "0,0")), _vml_point(el.get("to", "0,0"))
        width = abs(end - start)
    elif el.get("type", "").endswith("_x0000_t32") or el.tag == qn("v:rect") and _vml_thin(el):
        width = _vml_style(el.get("style", ""), "width")
    else:
        return None
    stroke = el.find(qn("v:stroke"))
    dash = stroke.get("dashstyle", "solid") if stroke is not None else "solid"
    return HRule("drawing", width, dash == "solid", para, dash)


def _vml_point(value: str) -> float:
    return _vml_length(value.split(",")[0])


def _vml_length(value: str) -> float:
    match = _NUMBER.match(value.strip())
    if not match:
        return 0.0
    return float(match.group(1)) * _VML_UNITS.get(match.group(2), 20.0)


def _vml_style(style: str, name: str) -> float:
    for item in style.split(";"):
        prop, _, value = item.partition(":")
        if prop.strip() == name:
            return _vml_length(value)
    return 0.0


def _vml_thin(el: Element) -> bool:
    return 0 < _vml_style(el.get("style", ""), "height") <= 40
