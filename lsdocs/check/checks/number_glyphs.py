"""R49: the number Word draws in front of an auto-numbered paragraph must show, in black
Times New Roman at the paragraph's size.

The number is not in the text: Word draws it from the numbering level (``w:lvl`` of
``numbering.xml``, its ``w:rPr``) over the paragraph mark's formatting (the paragraph
style and ``w:pPr/w:rPr``).  A level set to white, hidden (``w:vanish``), another font
or another size prints a list with invisible or odd numbers, which no check of the text
runs can see.  Bullets (``w:numFmt="bullet"``) and levels without a number are left to
the other rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lsdocs.check._xml import Element, child, w, wattr, wint
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Paragraph
from lsdocs.check.findings import Issue, N
from lsdocs.check.props import parse_rpr
from lsdocs.check.styles import FontRef, RunProps
from lsdocs.errors import T, Text

TNR_FACES = ("times new roman", "times new roman bold", "times new roman italic",
             "times new roman bold italic")
#: the number may differ from the text by less than 1 pt (half-points)
SIZE_SLACK = 2


class _Levels:
    """``w:lvl`` elements of the document's numbering part, by (numId, ilvl)."""

    def __init__(self, root: Element | None) -> None:
        self.abstract = {wattr(el, "abstractNumId") or "": el
                         for el in ([] if root is None else root.iter(w("abstractNum")))}
        self.nums = {wattr(el, "numId") or "": el
                     for el in ([] if root is None else root.iter(w("num")))}

    def lvl(self, num_id: str, ilvl: int) -> Element | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        for override in num.iter(w("lvlOverride")):
            lvl = child(override, "lvl")
            if wint(override, "ilvl") == ilvl and lvl is not None:
                return lvl
        abstract = self.abstract.get(wattr(child(num, "abstractNumId"), "val") or "")
        for lvl in [] if abstract is None else abstract.iter(w("lvl")):
            if wint(lvl, "ilvl") == ilvl:
                return lvl
        return None


def _levels(ctx: Context) -> _Levels:
    package = ctx.doc.package
    part = package.rel_types(package.main).get("/numbering")
    return _Levels(package.xml(part) if part else None)


def glyph_props(ctx: Context, para: Paragraph, lvl: Element) -> RunProps:
    """The formatting Word draws the paragraph's number with."""
    mark = parse_rpr(child(child(para.el, "pPr"), "rPr"), "run")
    mark.update(parse_rpr(child(lvl, "rPr"), "numbering"))
    table = para.container.table
    return ctx.doc.styles.run_props(table.style if table is not None else None,
                                    para.props.style_id, None, mark)


def r49_number_glyph(ctx: Context) -> Iterator[Issue]:
    levels: _Levels | None = None
    for para in ctx.doc.all_paragraphs():
        num = para.props.num
        if num is None or num[0] == "0" or para.empty or para.line_of is not None \
                or para.container.kind in ("header", "footer"):
            continue
        levels = levels or _levels(ctx)
        lvl = levels.lvl(*num)
        if lvl is None or wattr(child(lvl, "numFmt"), "val") in ("bullet", "none") \
                or not (wattr(child(lvl, "lvlText"), "val") or ""):
            continue
        yield from _glyph_issues(ctx, para, glyph_props(ctx, para, lvl))


def _glyph_issues(ctx: Context, para: Paragraph, glyph: RunProps) -> Iterator[Issue]:
    where = ctx.where.para(para)
    expected = T("số thứ tự hiện rõ, màu đen, cùng phông, cỡ chữ với đoạn")
    if glyph.vanish:
        yield Issue(where, T("Số thứ tự tự động của đoạn bị ẩn (hidden), không hiện trên trang"),
                    T("số ẩn"), expected)
    elif glyph.is_white:
        yield Issue(where, T("Số thứ tự tự động của đoạn màu trắng, không thấy trên trang in"),
                    N(glyph.theme_color or glyph.color or "FFFFFF"), expected)
    elif not glyph.is_black:
        yield Issue(where, T("Số thứ tự tự động của đoạn không phải màu đen"),
                    N(glyph.theme_color or glyph.color or "?"), T("màu đen"))
    font = next((ref for ref in (glyph.ascii, glyph.hansi) if not _is_tnr(ref)), None)
    if font is not None:
        yield Issue(where, T("Phông chữ của số thứ tự tự động không phải Times New Roman"),
                    _font_label(ctx, font), N("Times New Roman"))
    sizes = Counter(run.props.sz for run in para.text_runs)
    text_sz = sizes.most_common(1)[0][0] if sizes else glyph.sz
    if abs(glyph.sz - text_sz) >= SIZE_SLACK:
        yield Issue(where, T("Cỡ chữ của số thứ tự tự động khác cỡ chữ của đoạn"),
                    T("số {a} pt, chữ {b} pt", a=_pt(glyph.sz), b=_pt(text_sz)),
                    T("{b} pt như chữ của đoạn", b=_pt(text_sz)))


def _is_tnr(ref: FontRef | None) -> bool:
    return ref is None or (not ref.is_theme and ref.value.strip().lower() in TNR_FACES)


def _font_label(ctx: Context, ref: FontRef) -> Text:
    name = ref.value
    if ref.is_theme:
        name = f"{ref.value} (= {ctx.doc.styles.theme_font(ref.value) or '?'})"
    if ref.source == "numbering":
        return T("{f} (đặt ở mức đánh số trong numbering.xml)", f=name)
    return T("{f} (theo định dạng dấu đoạn)", f=name)


def _pt(half_points: int) -> str:
    return f"{half_points / 2:g}".replace(".", ",")
