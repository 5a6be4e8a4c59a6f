"""Effective formatting, resolved the way Word resolves it.

Order, lowest first: document defaults (``w:docDefaults``) → table style (for
text in a table) → numbering level → paragraph style and its ``basedOn`` chain →
character style and its chain → direct formatting.  Each attribute is taken
from the highest level that sets it.  Within one ``w:rFonts`` a theme
attribute (``w:asciiTheme``) beats the explicit name, as in Word; a higher
level that names a font replaces a lower level's theme font.

Toggle properties (bold, italic) use "highest level wins", as LibreOffice
does; Word's XOR of toggles between styles is not modelled (it only matters
when a bold character style is applied inside a bold paragraph style).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lsdocs.check._once import once
from lsdocs.check._xml import A_NS, Element, child, parse, serial, w, wattr, wint
from lsdocs.check.props import (
    Border,
    FontRef,
    NumberingLevels,
    Props,
    parse_borders,
    parse_ppr,
    parse_rpr,
)

__all__ = ["Border", "FontRef", "ParaProps", "Props", "RunProps", "StyleSheet", "parse_borders",
           "parse_ppr", "parse_rpr", "shared_sheet"]

#: theme font attribute → (major/minor, script) in theme1.xml
_THEME_SLOTS = {"major": "majorFont", "minor": "minorFont"}


@dataclass(frozen=True)
class RunProps:
    ascii: FontRef | None = None
    hansi: FontRef | None = None
    sz: int = 20  # half-points; Word's default is 10 pt
    bold: bool = False
    italic: bool = False
    caps: bool = False
    underline: str | None = None
    strike: bool = False
    color: str | None = None
    theme_color: str | None = None
    color_source: str = ""
    highlight: str | None = None
    shading: str | None = None
    vanish: bool = False
    vert_align: str | None = None

    @once  # run formatting is shared by the runs formatted alike: worked out once
    def is_white(self) -> bool:
        """White text with no highlight or shading: invisible on the page (hidden text)."""
        white = (self.theme_color in ("background1", "light1") or (
            not self.theme_color and (self.color or "").lower() == "ffffff"))
        return white and not self.highlight and not self.shading

    @property
    def is_black(self) -> bool:
        """Black, «auto», or a near-black no printout tells apart from black (every channel
        at most 0x26, e.g. Word's «Black, Lighter 5%» 0D0D0D)."""
        if self.theme_color and self.theme_color not in ("text1", "dark1"):
            return False
        if self.color is None or self.color.lower() in ("auto", "000000"):
            return True
        value = self.color.lower()
        return len(value) == 6 and all(
            c in "0123456789abcdef" for c in value) and max(
            int(value[i:i + 2], 16) for i in (0, 2, 4)) <= 0x26


@dataclass(frozen=True)
class ParaProps:
    jc: str | None = None
    ind_left: int = 0
    ind_right: int = 0
    first_line: int = 0  # negative for a hanging indent
    before: int = 0
    after: int = 0
    line: int = 240
    line_rule: str = "auto"
    before_auto: bool = False
    after_auto: bool = False
    contextual: bool = False
    borders: dict[str, Border] = field(default_factory=dict)
    num: tuple[str, int] | None = None
    frame_xalign: str | None = None
    style_id: str | None = None

    @property
    def centered(self) -> bool:
        return self.jc == "center" or self.frame_xalign == "center"

    @property
    def justified(self) -> bool:
        return self.jc == "both"

    @property
    def left_aligned(self) -> bool:
        return self.jc in (None, "left", "start", "both")


class Style:
    """A style definition; its properties are parsed on first use."""

    def __init__(self, el: Element) -> None:
        self.el = el
        self.id = wattr(el, "styleId") or ""
        self.type = wattr(el, "type") or "paragraph"
        self._ppr: Props | None = None
        self._rpr: Props | None = None
        self._borders: dict[str, Border] | None = None

    @once
    def name(self) -> str:
        return wattr(child(self.el, "name"), "val") or self.id

    @once
    def based_on(self) -> str | None:
        return wattr(child(self.el, "basedOn"), "val")

    @property
    def ppr(self) -> Props:
        if self._ppr is None:
            self._ppr = parse_ppr(child(self.el, "pPr"))
        return self._ppr

    @property
    def rpr(self) -> Props:
        if self._rpr is None:
            self._rpr = parse_rpr(child(self.el, "rPr"), f"style:{self.name}")
        return self._rpr

    @property
    def borders(self) -> dict[str, Border]:
        if self._borders is None:
            self._borders = parse_borders(child(child(self.el, "tblPr"), "tblBorders"))
        return self._borders


def make_run_props(props: Props) -> RunProps:
    known = RunProps.__dataclass_fields__
    return RunProps(**{k: v for k, v in props.items() if k in known})


def make_para_props(props: Props, style_id: str | None, sz: int) -> ParaProps:
    borders = {k[4:]: v for k, v in props.items() if k.startswith("bdr_")}
    first = props.get("first_line", 0)
    if props.get("first_line_chars"):
        first = props["first_line_chars"] * sz // 10  # hundredths of a char, 10 tw per half-point
    known = ParaProps.__dataclass_fields__
    values = {k: v for k, v in props.items() if k in known}
    values.update(borders=borders, first_line=first, style_id=style_id)
    return ParaProps(**values)


#: what a table cell's ``w:tcPr`` sets: ``w:tcW``, left margin (None: the table's) and borders
CellFormat = tuple[int, int | None, dict[str, Border]]


class StyleSheet:
    """The document's styles, numbering and theme, with cached resolution."""

    def __init__(self, styles: Element | None, numbering: Element | None,
                 theme: Callable[[], Element | None] = lambda: None) -> None:
        self.styles: dict[str, Style] = {}
        self.defaults_rpr: Props = {}
        self.defaults_ppr: Props = {}
        self.default_ids: dict[str, str] = {}
        self._theme = theme
        self._theme_fonts: dict[str, str] | None = None
        self._numbering = NumberingLevels(numbering)
        if styles is not None:
            self._read(styles)
        self.run_base = lru_cache(maxsize=None)(self._run_base)
        self.para_base = lru_cache(maxsize=None)(self._para_base)
        self.table_borders = lru_cache(maxsize=None)(self._table_borders)
        self._runs: dict[tuple[str | None, str | None, str | None], RunProps] = {}
        self._paras: dict[tuple[str | None, str | None], tuple[ParaProps, int]] = {}
        #: the formatting set directly in a w:rPr / w:pPr, by its serialisation
        self._direct_rpr: dict[str | None, tuple[str | None, Props]] = {}
        self._direct_ppr: dict[str | None, tuple[str | None, Props, Props]] = {}
        #: width, left margin and borders of a w:tcPr, by its serialisation
        self.cell_formats: dict[str, CellFormat] = {}

    def _read(self, root: Element) -> None:
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.defaults_rpr = parse_rpr(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"),
                                          "defaults")
            self.defaults_ppr = parse_ppr(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
        for el in root.iter(w("style")):
            style = _read_style(el)
            self.styles[style.id] = style
            if wattr(el, "default") in ("1", "true", "on"):
                self.default_ids.setdefault(style.type, style.id)

    def name(self, style_id: str | None) -> str:
        style = self.styles.get(style_id or "")
        return style.name if style else (style_id or "")

    def chain(self, style_id: str | None, kind: str) -> list[Style]:
        """The style and its ``basedOn`` ancestors, base first (cycle-safe)."""
        if not style_id or style_id not in self.styles:
            style_id = self.default_ids.get(kind)
        found: list[Style] = []
        while style_id and style_id in self.styles and len(found) < 32:
            style = self.styles[style_id]
            if style in found:
                break
            found.append(style)
            style_id = style.based_on
        return found[::-1]

    def _para_base(self, table_style: str | None, para_style: str | None) -> Props:
        props: Props = dict(self.defaults_ppr)
        if table_style is not None:
            for style in self.chain(table_style, "table"):
                props.update(style.ppr)
        style_props: Props = {}
        for style in self.chain(para_style, "paragraph"):
            style_props.update(style.ppr)
        num = style_props.get("num")
        if num is not None:
            props.update(self._numbering.ppr(*num))
        props.update(style_props)
        return props

    def _run_base(self, table_style: str | None, para_style: str | None,
                  char_style: str | None) -> Props:
        props: Props = dict(self.defaults_rpr)
        if table_style is not None:
            for style in self.chain(table_style, "table"):
                props.update(style.rpr)
        for style in self.chain(para_style, "paragraph"):
            props.update(style.rpr)
        if char_style:
            for style in self.chain(char_style, "character"):
                props.update(style.rpr)
        return props

    def _table_borders(self, table_style: str | None) -> dict[str, Border]:
        borders: dict[str, Border] = {}
        for style in self.chain(table_style, "table"):
            borders.update(style.borders)
        return borders

    def para_props(self, table_style: str | None, para_style: str | None,
                   direct: Props, sz: int) -> ParaProps:
        props = dict(self.para_base(table_style, para_style))
        num = direct.get("num")
        if num is not None:
            props.update(self._numbering.ppr(*num))
        props.update(direct)
        return make_para_props(props, para_style, sz)

    def run_props(self, table_style: str | None, para_style: str | None,
                  char_style: str | None, direct: Props) -> RunProps:
        props = dict(self.run_base(table_style, para_style, char_style))
        props.update(direct)
        return make_run_props(props)

    def run_props_of(self, table_style: str | None, para_style: str | None,
                     rpr: Element | None) -> RunProps:
        """Effective formatting of a run whose direct formatting is *rpr* (``w:rPr``).

        Runs formatted alike share one :class:`RunProps`: the result is kept per
        serialised ``w:rPr``, so each distinct formatting is parsed once per style sheet."""
        data = None if rpr is None else serial(rpr)
        key = (table_style, para_style, data)
        found = self._runs.get(key)
        if found is None:
            bound(self._runs, self._direct_rpr)
            direct = self._direct_rpr.get(data)
            if direct is None:
                direct = (wattr(child(rpr, "rStyle"), "val"), parse_rpr(rpr, "run"))
                self._direct_rpr[data] = direct
            found = self.run_props(table_style, para_style, *direct)
            self._runs[key] = found
        return found

    def paragraph_props_of(self, table_style: str | None,
                           ppr: Element | None) -> tuple[ParaProps, int]:
        """Effective paragraph formatting and paragraph-mark size for a ``w:pPr``, kept per
        serialised ``w:pPr`` like :meth:`run_props_of`."""
        data = None if ppr is None else serial(ppr)
        key = (table_style, data)
        found = self._paras.get(key)
        if found is None:
            bound(self._paras, self._direct_ppr)
            direct = self._direct_ppr.get(data)
            if direct is None:
                direct = (wattr(child(ppr, "pStyle"), "val"), parse_ppr(ppr),
                          parse_rpr(child(ppr, "rPr"), "run"))
                self._direct_ppr[data] = direct
            pstyle, para_direct, mark_direct = direct
            mark = self.run_props(table_style, pstyle, None, mark_direct)
            found = (self.para_props(table_style, pstyle, para_direct, mark.sz), mark.sz)
            self._paras[key] = found
        return found

    def cell_format_of(self, tcpr: Element | None) -> CellFormat:
        """``w:tcW``, left margin (None: the table's) and borders of a ``w:tcPr``, kept per
        serialised ``w:tcPr`` like :meth:`run_props_of`: the cells of a table, and the tables
        of documents from one template, are mostly formatted alike."""
        key = "" if tcpr is None else serial(tcpr)
        found = self.cell_formats.get(key)
        if found is None:
            mar = child(tcpr, "tcMar")
            left = None if mar is None else (wint(child(mar, "left"), "w")
                                             or wint(child(mar, "start"), "w"))
            found = (wint(child(tcpr, "tcW"), "w") or 0, left,
                     parse_borders(child(tcpr, "tcBorders")))
            bound(self.cell_formats)
            self.cell_formats[key] = found
        return found

    def for_document(self, theme: Callable[[], Element | None]) -> StyleSheet:
        """This style sheet with a document's own theme; the resolved formatting is shared."""
        sheet = copy.copy(self)
        sheet._theme, sheet._theme_fonts = theme, None
        return sheet

    def theme_font(self, theme_name: str) -> str | None:
        """The typeface a theme slot such as ``minorHAnsi`` maps to in theme1.xml."""
        if self._theme_fonts is None:
            self._theme_fonts = _read_theme_fonts(self._theme())
        for prefix, key in _THEME_SLOTS.items():
            if theme_name.startswith(prefix):
                return self._theme_fonts.get(key)
        return None


#: formatting kept per style sheet at most (a sheet shared by thousands of documents must not
#: grow without end); past it the kept formatting is dropped and worked out again as needed
MAX_KEPT = 20_000


def bound(*caches: dict[Any, Any]) -> None:
    if len(caches[0]) >= MAX_KEPT:
        for cache in caches:
            cache.clear()


PartParser = Callable[[str, bytes], Element]


class _SharedSheets:
    """Style sheets by the bytes of their styles and numbering parts (at most
    :data:`KEPT_SHEETS`, the oldest dropped first)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[bytes | None, bytes | None], StyleSheet] = {}

    def __call__(self, styles: bytes | None, numbering: bytes | None,
                 parse_part: PartParser | None = None) -> StyleSheet:
        """The style sheet of a styles part and a numbering part, by their bytes.

        Documents made from one template (a batch of letters, a folder of a clerk's
        drafts) carry the same parts: their styles are read and their formatting
        resolved once per process.  On a miss the parts are parsed by *parse_part*
        (``(kind, bytes)``, kind ``styles`` or ``numbering``; the package's checked
        parser, which refuses a damaged part as any other) into trees of their own
        (the document's trees may be changed by ``--fix``).  Give each document its
        theme with :meth:`StyleSheet.for_document`."""
        key = (styles, numbering)
        sheet = self._kept.get(key)
        if sheet is None:
            def read(kind: str, data: bytes | None) -> Element | None:
                if data is None:
                    return None
                return parse(data) if parse_part is None else parse_part(kind, data)
            sheet = StyleSheet(read("styles", styles), read("numbering", numbering))
            if len(self._kept) >= KEPT_SHEETS:
                del self._kept[next(iter(self._kept))]
            self._kept[key] = sheet
        return sheet

    def cache_clear(self) -> None:
        self._kept.clear()


#: style sheets kept per process
KEPT_SHEETS = 16
shared_sheet = _SharedSheets()


def _read_style(el: Element) -> Style:
    return Style(el)


def _read_theme_fonts(theme: Element | None) -> dict[str, str]:
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for key in _THEME_SLOTS.values():
        latin = theme.find(f".//{{{A_NS}}}{key}/{{{A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            fonts[key] = latin.get("typeface") or ""
    return fonts
