"""Formatting set at one level (a style, the defaults or a run): parsing ``w:rPr``/``w:pPr``.

Each parser returns a dict with only the attributes present at that level, so
levels merge with ``dict.update`` in :mod:`lsdocs.check.styles`;
:class:`NumberingLevels` gives the paragraph properties of a numbering level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lsdocs.check._xml import Element, child, children, on_off, w, wattr, wint

Props = dict[str, Any]
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
_ALL_SIDES = _BORDER_SIDES + ("start", "end")


@dataclass(frozen=True)
class FontRef:
    """A font as a run sees it: an explicit name or a theme slot, and where it was set."""

    kind: str  # "name" or "theme"
    value: str
    source: str  # "defaults", "style:<name>", "run"

    @property
    def is_theme(self) -> bool:
        return self.kind == "theme"


@dataclass(frozen=True)
class Border:
    val: str
    sz: int
    color: str | None = None

    @property
    def visible(self) -> bool:
        return self.val not in ("nil", "none") and self.sz != 0


def parse_fonts(rfonts: Element, source: str, props: Props) -> None:
    for slot, key in (("ascii", "ascii"), ("hAnsi", "hansi")):
        theme = wattr(rfonts, slot + "Theme")
        name = wattr(rfonts, slot)
        if theme:
            props[key] = FontRef("theme", theme, source)
        elif name:
            props[key] = FontRef("name", name, source)


def parse_rpr(rpr: Element | None, source: str) -> Props:
    """Run properties set at one level, as a dict of the attributes present."""
    props: Props = {}
    if rpr is None:
        return props
    kids = children(rpr)
    rfonts = kids.get("rFonts")
    if rfonts is not None:
        parse_fonts(rfonts, source, props)
    size = wint(kids.get("sz"), "val")
    if size is not None:
        props["sz"] = size
    for tag, key in (("b", "bold"), ("i", "italic"), ("caps", "caps"), ("strike", "strike"),
                     ("vanish", "vanish")):
        value = on_off(kids.get(tag))
        if value is not None:
            props[key] = value
    _parse_run_misc(kids, source, props)
    return props


def _parse_run_misc(kids: dict[str, Element], source: str, props: Props) -> None:
    color = kids.get("color")
    if color is not None:
        props["color"] = wattr(color, "val")
        props["theme_color"] = wattr(color, "themeColor")
        props["color_source"] = source
    u = kids.get("u")
    if u is not None:
        props["underline"] = None if wattr(u, "val") == "none" else (wattr(u, "val") or "single")
    for tag, key in (("highlight", "highlight"), ("vertAlign", "vert_align")):
        el = kids.get(tag)
        if el is not None:
            props[key] = wattr(el, "val")
    shd = kids.get("shd")
    if shd is not None:
        fill = wattr(shd, "fill")
        props["shading"] = None if fill in (None, "auto", "FFFFFF", "ffffff") else fill


def parse_ppr(ppr: Element | None) -> Props:
    """Paragraph properties set at one level (indents, spacing, borders, alignment)."""
    props: Props = {}
    if ppr is None:
        return props
    kids = children(ppr)
    jc = wattr(kids.get("jc"), "val")
    if jc:
        props["jc"] = jc
    _parse_ind(kids.get("ind"), props)
    _parse_spacing(kids.get("spacing"), props)
    contextual = on_off(kids.get("contextualSpacing"))
    if contextual is not None:
        props["contextual"] = contextual
    pbdr = kids.get("pBdr")
    if pbdr is not None:
        for side in ("top", "left", "bottom", "right"):
            border = parse_border(child(pbdr, side))
            if border is not None:
                props["bdr_" + side] = border
    numpr = kids.get("numPr")
    if numpr is not None:
        props["num"] = (wattr(child(numpr, "numId"), "val") or "0",
                        wint(child(numpr, "ilvl"), "val") or 0)
    frame = kids.get("framePr")
    if frame is not None:
        props["frame_xalign"] = wattr(frame, "xAlign")
    return props


def _parse_ind(ind: Element | None, props: Props) -> None:
    if ind is None:
        return
    for names, key in ((("left", "start"), "ind_left"), (("right", "end"), "ind_right")):
        for name in names:
            value = wint(ind, name)
            if value is not None:
                props[key] = value
                break
    hanging, first = wint(ind, "hanging"), wint(ind, "firstLine")
    if hanging is not None:
        props["first_line"] = -hanging
    elif first is not None:
        props["first_line"] = first
    chars = wint(ind, "firstLineChars")
    if chars:
        props["first_line_chars"] = chars


def _parse_spacing(spacing: Element | None, props: Props) -> None:
    if spacing is None:
        return
    for name, key in (("before", "before"), ("after", "after"), ("line", "line")):
        value = wint(spacing, name)
        if value is not None:
            props[key] = value
    rule = wattr(spacing, "lineRule")
    if rule:
        props["line_rule"] = rule
    for name, key in (("beforeAutospacing", "before_auto"), ("afterAutospacing", "after_auto")):
        flag = wattr(spacing, name)
        if flag is not None:
            props[key] = flag not in ("0", "false", "off")


def parse_border(el: Element | None) -> Border | None:
    if el is None:
        return None
    return Border(wattr(el, "val") or "none", wint(el, "sz") or 0, wattr(el, "color"))


def parse_borders(container: Element | None) -> dict[str, Border]:
    """``w:tblBorders`` / ``w:tcBorders`` sides that are present."""
    found: dict[str, Border] = {}
    if container is None:
        return found
    kids = children(container)
    for side in _ALL_SIDES:
        el = kids.get(side)
        if el is not None:
            found[side] = Border(wattr(el, "val") or "none", wint(el, "sz") or 0,
                                 wattr(el, "color"))
    return found


class NumberingLevels:
    """Paragraph properties of numbering levels (``numbering.xml``)."""

    def __init__(self, root: Element | None) -> None:
        self._abstract: dict[str, Element] = {}
        self._nums: dict[str, Element] = {}
        if root is None:
            return
        for el in root.iter(w("abstractNum")):
            self._abstract[wattr(el, "abstractNumId") or ""] = el
        for el in root.iter(w("num")):
            self._nums[wattr(el, "numId") or ""] = el

    def ppr(self, num_id: str, ilvl: int) -> Props:
        num = self._nums.get(num_id)
        if num is None or num_id == "0":
            return {}
        for override in num.iter(w("lvlOverride")):
            lvl = child(override, "lvl")
            if wint(override, "ilvl") == ilvl and lvl is not None:
                return parse_ppr(child(lvl, "pPr"))
        abstract = self._abstract.get(wattr(child(num, "abstractNumId"), "val") or "")
        if abstract is None:
            return {}
        for lvl in abstract.iter(w("lvl")):
            if wint(lvl, "ilvl") == ilvl:
                return parse_ppr(child(lvl, "pPr"))
        return {}
