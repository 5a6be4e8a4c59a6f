"""R01–R06 (paper, orientation, margins), R37 (page numbers), R40 (appendix numbering)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lsdocs.check._xml import w
from lsdocs.check.checks.measures import pt, sizes
from lsdocs.check.context import Context
from lsdocs.check.docmodel import HeaderFooter, Paragraph, Table
from lsdocs.check.findings import Issue, N
from lsdocs.check.pages import fits_one_page
from lsdocs.check.sections import Section
from lsdocs.errors import T, Text, join_texts

A4 = (11906, 16838)
TW_PER_MM = 56.693
PAGE_FIELD = re.compile(r"^PAGE(\s|$)", re.IGNORECASE)
FORMAT_SWITCH = re.compile(r"\\\*\s*(ROMAN|roman|Roman|ALPHABETIC|alphabetic|Alphabetic|"
                           r"Ordinal|CardText|OrdText|Hex|DollarText)\b")
#: margin → (lowest, highest) in twips, ±3 tw for rounding; nd30-format.md §7.3
MARGINS = {"top": (1131, 1421), "bottom": (1131, 1421), "left": (1698, 1988),
           "right": (847, 1137)}
_MARGIN_NAMES = {"top": T("Lề trên"), "bottom": T("Lề dưới"),
                 "left": T("Lề trái"), "right": T("Lề phải")}
_MARGIN_RANGE = {"top": "20–25 mm", "bottom": "20–25 mm", "left": "30–35 mm",
                 "right": "15–20 mm"}


def _sections(ctx: Context) -> list[Section]:
    return [s for s in ctx.sections() if s.el is not None] or ctx.sections()[:1]


def mm(twips: float) -> str:
    text = f"{twips / TW_PER_MM:.1f}".replace(".", ",")
    return (text[:-2] if text.endswith(",0") else text) + " mm"


def _undeclared(ctx: Context, attr: str, tag: str) -> Iterator[Issue]:
    """One finding for sections that do not declare their page size or margins."""
    missing = [s for s in _sections(ctx) if s.el is not None and not getattr(s, attr)]
    if missing:
        numbers = ", ".join(str(s.index - ctx.first_section + 1) for s in missing)
        yield Issue(ctx.where.section(missing[0].index),
                    T("Văn bản không khai báo {t} (Word dùng giá trị mặc định của máy)",
                      t=tag),
                    T("không có {t} ở mục {n}", t=tag, n=numbers),
                    T("khai báo rõ trong Bố cục trang (Page Setup)"))


def r01_page_size(ctx: Context) -> Iterator[Issue]:
    yield from _undeclared(ctx, "has_size", "w:pgSz")
    for sect in _sections(ctx):
        if not sect.has_size:
            continue
        size = (sect.width, sect.height)
        if not any(abs(size[0] - a) <= 5 and abs(size[1] - b) <= 5 for a, b in (A4, A4[::-1])):
            yield Issue(ctx.where.section(sect.index), T("Khổ giấy không phải A4"),
                        N(f"{mm(sect.width)} × {mm(sect.height)}"), N("210 mm × 297 mm (A4)"))


def r02_landscape(ctx: Context) -> Iterator[Issue]:
    layout = ctx.layout
    layout_tables = {id(layout.signature), *(id(b) for b in ctx.doc.blocks
                                             if layout.roles.get(id(b)) == "kinh_gui")}
    if layout.header is not None:
        layout_tables.add(id(layout.header.table))
    for sect in _sections(ctx):
        if sect.landscape and not any(
                b.section == sect.index and (not isinstance(b, Paragraph) or _figure(b))
                and id(b) not in layout_tables for b in ctx.doc.blocks):
            yield Issue(ctx.where.section(sect.index),
                        T("Trang ngang nhưng mục này không có bảng, biểu"),
                        T("trang ngang"),
                        T("trang đứng (chỉ trình bày ngang khi có bảng, biểu)"))


def _effective(ctx: Context, sect: Section, side: str) -> list[tuple[int, Text | None]]:
    """The margin(s) a reader sees on *side*: the gutter is added to the left (or top)
    margin; with mirrored margins even pages swap the left and right margins."""
    top_gutter = ctx.doc.gutter_at_top
    values = {"top": sect.top + (sect.gutter if top_gutter else 0), "bottom": sect.bottom,
              "left": sect.left + (0 if top_gutter else sect.gutter), "right": sect.right}
    found: list[tuple[int, Text | None]] = [(values[side], None)]
    if ctx.doc.mirror_margins and side in ("left", "right"):
        other = values["right" if side == "left" else "left"]
        found.append((other, T("trang chẵn, lề đối xứng (mirrorMargins)")))
    if sect.gutter and side == ("top" if top_gutter else "left"):
        found[0] = (found[0][0], T("gồm {g} lề đóng gáy (gutter)", g=mm(sect.gutter)))
    return found


def _margin(ctx: Context, side: str, relax_landscape: bool) -> Iterator[Issue]:
    low, high = MARGINS[side]
    yield from _undeclared(ctx, "has_margins", "w:pgMar")
    for sect in _sections(ctx):
        if not sect.has_margins:
            continue
        bad = [(v, note) for v, note in _effective(ctx, sect, side) if not low <= v <= high]
        if not bad:
            continue
        value, note = bad[0]
        extra: list[Text | str] = [" — ", note] if note else []
        relaxed = (relax_landscape and sect.landscape and ctx.is_appendix_section(sect.index)
                   and MARGINS["right"][0] <= value <= high)
        name = _MARGIN_NAMES[side]
        yield Issue(ctx.where.section(sect.index),
                    T("{name} ngoài khoảng cho phép", name=name),
                    join_texts([f"{mm(value)} ({value} tw)", *extra]),
                    N(_MARGIN_RANGE[side]), relaxed)


def r03_top(ctx: Context) -> Iterator[Issue]:
    yield from _margin(ctx, "top", False)


def r04_bottom(ctx: Context) -> Iterator[Issue]:
    yield from _margin(ctx, "bottom", True)


def r05_left(ctx: Context) -> Iterator[Issue]:
    yield from _margin(ctx, "left", False)


def r06_right(ctx: Context) -> Iterator[Issue]:
    yield from _margin(ctx, "right", True)


def page_paragraphs(part: HeaderFooter | None) -> list[Paragraph]:
    """Paragraphs of a header/footer that hold a PAGE field."""
    if part is None:
        return []
    return [p for p in part.all_paragraphs() if any(PAGE_FIELD.match(f) for f in p.fields)]


def r37_page_numbers(ctx: Context) -> Iterator[Issue]:
    yield from _first_page(ctx)
    yield from _document_restart(ctx)
    seen: set[str] = set()
    for sect in _sections(ctx):
        types = ("default", "even") if ctx.doc.even_and_odd else ("default",)
        for hf_type in types:
            yield from _header_number(ctx, sect, hf_type, seen)
        for hf_type, part in sect.footers.items():
            if not _shown(ctx, sect, hf_type):
                continue  # an even-page or first-page footer Word never uses
            if part not in seen and not ctx.foreign(part) and page_paragraphs(
                    ctx.doc.parts.get(part)):
                seen.add(part)
                yield Issue(ctx.where.header_part(sect.index, "footer", hf_type),
                            T("Số trang đặt ở chân trang"),
                            T("chân trang"),
                            T("giữa phần lề trên (đầu trang)"))


def _figure(para: Paragraph) -> bool:
    """A paragraph holding a drawing (a diagram, a chart, a picture): a «biểu»."""
    return bool(para.drawings) or bool(para.textboxes) or next(
        para.el.iter("{*}drawing", "{*}pict"), None) is not None


def _shown(ctx: Context, sect: Section, hf_type: str) -> bool:
    """Word shows an even-page header/footer only with evenAndOddHeaders, a first-page one
    only with titlePg."""
    if hf_type == "even":
        return ctx.doc.even_and_odd
    if hf_type == "first":
        return sect.title_pg
    return True


def _first_page(ctx: Context) -> Iterator[Issue]:
    first = ctx.sections()[0]
    if first.page_start not in (None, 1) and (ctx.part is None or ctx.part.index == 1):
        yield Issue(ctx.where.section(first.index),
                    T("Trang đầu văn bản không đánh số từ 1"),
                    N(f"pgNumType start={first.page_start}"),
                    T("bắt đầu từ 1"))
    hf_type = "first" if first.title_pg else "default"
    if first.title_pg and ctx.foreign(first.headers.get("first", "")):
        return  # a shared first-page header: reported in the document that uses it first
    if page_paragraphs(ctx.doc.header_footer(first, "header", hf_type)):
        found = (T("đầu trang của trang 1 có trường PAGE") if first.title_pg else
                 T("chưa bật «Trang đầu khác» (titlePg)"))
        yield Issue(ctx.where.header_part(first.index, "header", hf_type),
                    T("Trang 1 hiển thị số trang"), found,
                    T("không hiển thị số trang ở trang 1"))


def _header_number(ctx: Context, sect: Section, hf_type: str, seen: set[str]) -> Iterator[Issue]:
    part_name = sect.headers.get(hf_type, "")
    if part_name in seen or (not part_name and f"none-{hf_type}" in seen):
        return
    paras = page_paragraphs(ctx.doc.parts.get(part_name))
    if paras and ctx.foreign(part_name):
        return  # a shared header: its number is checked in the document that uses it first
    where = ctx.where.header_part(sect.index, "header", hf_type)
    if not paras and sect.index == ctx.first_section and fits_one_page(ctx.doc, sect.index):
        return  # page 1 is the only page of the section: no number shows anyway
    seen.add(part_name or f"none-{hf_type}")
    if not paras:
        yield Issue(where, T("Không có số trang ở đầu trang"),
                    T("không có trường PAGE"),
                    T("trường PAGE canh giữa ở đầu trang, cỡ 13–14"))
        return
    para = paras[0]
    if not (para.props.centered or para.container.kind == "textbox"):
        yield Issue(ctx.where.para(para), T("Số trang chưa canh giữa"), N(para.props.jc or "left"),
                    T("canh giữa"))
    values = sizes(para) or sorted({p.sz for p in para.field_props})
    if values and any(not 26 <= v <= 28 for v in values):
        yield Issue(ctx.where.para(para), T("Cỡ chữ số trang không đúng"),
                    N(", ".join(pt(v) for v in values)),
                    N("13–14 pt"))
    switch = next((m.group(1) for f in para.fields if PAGE_FIELD.match(f)
                   for m in [FORMAT_SWITCH.search(f)] if m), None)
    if any(r.props.italic for r in para.runs if r.field) or sect.page_format not in (
            None, "decimal") or switch:
        found = sect.page_format if sect.page_format not in (None, "decimal") else (
            f"PAGE \\* {switch}" if switch else "italic")
        yield Issue(ctx.where.para(para), T("Số trang không phải chữ số Ả Rập đứng"),
                    N(found), T("chữ số Ả Rập, chữ đứng"))


def _document_restart(ctx: Context) -> Iterator[Issue]:
    """A later document of a compilation numbers its pages from 1 again."""
    if ctx.part is None or ctx.part.index == 1:
        return
    yield from _not_restarted(
        ctx, ctx.doc.sections[ctx.first_section],
        T("Văn bản trong tệp ghép không đánh lại số trang từ 1"),
        T("tiếp nối văn bản trước"))


def _not_restarted(ctx: Context, sect: Section, message: Text, previous: Text) -> Iterator[Issue]:
    """An issue when *sect* does not number its pages from 1."""
    if sect.page_start != 1:
        found = N(sect.page_start) if sect.page_start is not None else previous
        yield Issue(ctx.where.section(sect.index), message, found,
                    T("bắt đầu từ 1 (pgNumType start=1)"))


def r40_appendix_numbering(ctx: Context) -> Iterator[Issue]:
    for appendix in ctx.layout.appendices:
        label = appendix.label
        if label.section == ctx.first_section and ctx.kind == "phu-luc":
            continue
        if not appendix.starts_section:
            yield Issue(ctx.where.para(label),
                        T("Phụ lục không bắt đầu một mục (section) riêng nên không đánh số trang "
                          "riêng được"),
                        T("cùng mục với phần trước"),
                        T("ngắt mục (section break) trước phụ lục, đánh số trang từ 1"))
            continue
        yield from _not_restarted(
            ctx, ctx.doc.sections[label.section],
            T("Phụ lục không đánh lại số trang từ 1"),
            T("tiếp nối phần trước"))


#: a page holding at most this many words (and no table or picture) is «near-empty»
NEAR_EMPTY_WORDS = 15


def _new_page_section(sect: Section) -> bool:
    start = sect.el.find(w("type")) if sect.el is not None else None
    value = start.get(w("val")) if start is not None else "nextPage"
    return value in ("nextPage", "oddPage", "evenPage")


def _page_break(para: Paragraph) -> bool:
    return any(br.get(w("type")) == "page" for br in para.el.iter(w("br")))


def r47_blank_pages(ctx: Context) -> Iterator[Issue]:
    """Pages left blank or nearly blank, estimated without layout: a page between two page
    breaks with no text, or a section started on a new page that holds only a line or two
    and no table or picture."""
    sections = ctx.sections()
    for position, sect in enumerate(sections):
        blocks = [b for b in ctx.doc.blocks if b.section == sect.index]
        if position == 0 or not _new_page_section(sect):
            continue
        if any(not isinstance(b, Paragraph) or _figure(b) for b in blocks):
            continue
        words = sum(len(b.display.split()) for b in blocks if isinstance(b, Paragraph))
        if words <= NEAR_EMPTY_WORDS and not any(
                isinstance(b, Paragraph) and _page_break(b) for b in blocks):
            yield Issue(ctx.where.section(sect.index),
                        T("Trang gần như trống: mục bắt đầu trang mới nhưng chỉ có {n} chữ, "
                          "không có bảng, hình", n=words),
                        T("{n} chữ", n=words),
                        T("không để trang trống; gộp nội dung vào trang trước hoặc sau"))
    yield from _blank_between_breaks(ctx)


def _blank_between_breaks(ctx: Context) -> Iterator[Issue]:
    """A page break followed by nothing but empty paragraphs, then another page break, a
    new-page section break or the end of the document: a blank page."""
    pending: Paragraph | None = None  # a page break whose new page is still empty
    sections = {s.index: s for s in ctx.sections()}
    for block in ctx.doc.blocks:
        if block.section not in sections:
            continue
        if isinstance(block, Table) or _figure(block):
            pending = None
            continue
        breaks = _page_break(block)
        if pending is not None and (breaks and not _text_before_break(block) or (
                _ends_section(block) and block.empty and _next_starts_page(ctx, block))):
            yield _blank_issue(ctx, pending)
            pending = None
        if breaks and not _text_after_break(block):
            pending = block
        elif not block.empty:
            pending = None
    if pending is not None:
        yield _blank_issue(ctx, pending)


def _ends_section(para: Paragraph) -> bool:
    return para.el.find(f"{w('pPr')}/{w('sectPr')}") is not None


def _next_starts_page(ctx: Context, para: Paragraph) -> bool:
    following = [s for s in ctx.doc.sections if s.index == para.section + 1]
    return bool(following) and _new_page_section(following[0])


def _text_before_break(para: Paragraph) -> bool:
    for el in para.el.iter(w("br"), w("t")):
        if el.tag == w("br") and el.get(w("type")) == "page":
            return False
        if el.tag == w("t") and (el.text or "").strip():
            return True
    return False


def _text_after_break(para: Paragraph) -> bool:
    """The paragraph has text after its last page break (the new page is not empty)."""
    seen = False
    for el in para.el.iter(w("br"), w("t")):
        if el.tag == w("br") and el.get(w("type")) == "page":
            seen = False
        elif el.tag == w("t") and (el.text or "").strip():
            seen = True
    return seen


def _blank_issue(ctx: Context, para: Paragraph) -> Issue:
    return Issue(ctx.where.para(para), T("Trang trống: ngắt trang mà trang sau không có nội "
                                         "dung"),
                 T("ngắt trang thừa"),
                 T("bỏ ngắt trang thừa"))
