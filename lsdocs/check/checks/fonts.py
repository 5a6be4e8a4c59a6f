"""R07 (Times New Roman), R08 (black), R09 (Unicode NFC), R43 (revisions), R46 (highlight)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lsdocs.check._xml import Element, w
from lsdocs.check.checks.measures import per_format, text_formats
from lsdocs.check.context import Context
from lsdocs.check.findings import Issue, N
from lsdocs.check.styles import FontRef, RunProps
from lsdocs.check.text_keys import has_combining, nfc, urgency_mark
from lsdocs.errors import T, Text

TNR = "times new roman"
LEGACY_FONT = re.compile(r"^(\.vn|vni[- ]|vn[a-z]*time|tcvn|abc[ -])", re.IGNORECASE)
_REVISIONS = {
    w("ins"): T("nội dung chèn chưa chấp nhận (track changes)"),
    w("del"): T("nội dung xóa chưa chấp nhận (track changes)"),
    w("moveFrom"): T("di chuyển chưa chấp nhận"),
    w("rPrChange"): T("thay đổi định dạng chưa chấp nhận"),
    w("pPrChange"): T("thay đổi định dạng chưa chấp nhận"),
    w("commentReference"): T("chú thích (comment) còn trong văn bản"),
}


def source_label(source: str) -> Text:
    if source == "defaults":
        return T("mặc định của tài liệu (docDefaults)")
    if source.startswith("style:"):
        return T("kiểu «{s}»", s=source[6:])
    return T("định dạng trực tiếp")


def font_label(ctx: Context, ref: FontRef) -> Text:
    src = source_label(ref.source)
    if ref.is_theme:
        mapped = ctx.doc.styles.theme_font(ref.value) or "?"
        return T("phông chủ đề {font} (= {mapped}), đặt ở {src}",
                 font=ref.value, mapped=mapped, src=src)
    return T("{font} (đặt ở {src})", font=ref.value, src=src)


#: face names of the Times New Roman family some systems write into documents
TNR_FACES = (TNR, f"{TNR} bold", f"{TNR} italic", f"{TNR} bold italic")


def _is_tnr(ref: FontRef | None) -> bool:
    return ref is None or (not ref.is_theme and ref.value.strip().lower() in TNR_FACES)


def _bad_font(props: RunProps) -> FontRef | None:
    return next((ref for ref in (props.ascii, props.hansi) if not _is_tnr(ref)), None)


def _legacy_font(props: RunProps) -> str | None:
    return next((ref.value for ref in (props.ascii, props.hansi)
                 if ref is not None and not ref.is_theme and LEGACY_FONT.match(ref.value)), None)


def _is_black(props: RunProps) -> bool:
    return props.is_black


def r07_font(ctx: Context) -> Iterator[Issue]:
    if not any(_bad_font(props) for props in text_formats(ctx)):
        return
    bad_font = per_format(_bad_font)
    for para in ctx.doc.all_paragraphs():
        for run in para.text_runs:
            bad = bad_font(run.props)
            if bad is not None:
                yield Issue(ctx.where.para(para), T("Phông chữ không phải Times New Roman"),
                            font_label(ctx, bad), N("Times New Roman"))
                break


def r08_colour(ctx: Context) -> Iterator[Issue]:
    if all(props.is_black for props in text_formats(ctx)):
        return
    is_black = per_format(_is_black)
    for para in ctx.doc.all_paragraphs():
        if urgency_mark(para.display):
            continue  # the urgency stamp is bright red by the decree
        for run in para.text_runs:
            if not is_black(run.props):
                colour = run.props.theme_color or run.props.color or "?"
                src = source_label(run.props.color_source)
                yield Issue(ctx.where.para(para), T("Chữ không phải màu đen"),
                            T("{colour} (đặt ở {src})", colour=colour, src=src),
                            T("màu đen (000000 hoặc auto)"))
                break


def r09_unicode(ctx: Context) -> Iterator[Issue]:
    if not _unicode_clean(ctx):
        yield from _unicode_issues(ctx)
    yield from _no_diacritics(ctx)


def _unicode_clean(ctx: Context) -> bool:
    """No legacy font and no decomposed letter anywhere: the text as a whole is NFC (a line
    break between paragraphs composes with nothing, so the whole is NFC only when every
    paragraph is)."""
    if any(_legacy_font(props) for props in text_formats(ctx)):
        return False
    text = "\n".join(para.text for para in ctx.doc.all_paragraphs())
    return unicodedata.is_normalized("NFC", text) and not has_combining(text)


def _unicode_issues(ctx: Context) -> Iterator[Issue]:
    legacy_font = per_format(_legacy_font)
    for para in ctx.doc.all_paragraphs():
        text = para.text
        legacy = next((found for r in para.text_runs
                       if (found := legacy_font(r.props)) is not None), None)
        if legacy:
            yield Issue(ctx.where.para(para), T("Phông chữ theo bảng mã cũ (TCVN3/VNI), không "
                                                "phải Unicode"),
                        N(legacy), T("Unicode TCVN 6909:2001, Times New Roman"))
        elif not unicodedata.is_normalized("NFC", text) or has_combining(text):
            word = next((wd for wd in text.split() if nfc(wd) != wd or has_combining(wd)), text)
            yield Issue(ctx.where.para(para), T("Chữ tiếng Việt ở dạng tổ hợp (NFD), không phải "
                                                "dựng sẵn (NFC)"),
                        N(f"«{nfc(word)}»"), T("Unicode dựng sẵn (NFC)"))


#: words read before judging; share of words with a Vietnamese letter below which the text
#: is taken as typed without diacritics (running Vietnamese is about 60 %)
DIACRITIC_WORDS, DIACRITIC_SHARE = 40, 0.05


def _no_diacritics(ctx: Context) -> Iterator[Issue]:
    """Vietnamese typed without its diacritics («Uy ban nhan dan tinh»): unreadable as an
    official text, and no Unicode check notices it."""
    paras = ctx.layout.body or [p for p in ctx.doc.body_paragraphs() if not p.empty]
    words = marked = 0
    for para in paras:
        for word in para.text.split():
            if sum(ch.isalpha() for ch in word) < 2:
                continue
            words += 1
            marked += any(not ch.isascii() for ch in word)
        if words >= DIACRITIC_WORDS and marked >= words * DIACRITIC_SHARE:
            return  # plainly Vietnamese with its marks: no need to read further
    if words >= DIACRITIC_WORDS and marked < words * DIACRITIC_SHARE:
        yield Issue(ctx.where.para(paras[0]), T("Văn bản gõ tiếng Việt không dấu"),
                    T("{m}/{n} từ có dấu", m=marked,
                      n=words), T("tiếng Việt có dấu, Unicode dựng sẵn"))


def _revision_marks(ctx: Context) -> Iterator[Element]:
    """Revision and comment marks of the body (of this document, in a compilation)."""
    if ctx.part is not None:
        wrappers: set[int] = set()  # body-level w:ins around whole paragraphs
        for block in ctx.doc.blocks:
            for outer in block.el.iterancestors(*_REVISIONS):
                if id(outer) not in wrappers:
                    wrappers.add(id(outer))
                    yield outer
            yield from block.el.iter(*_REVISIONS)
        return
    root = ctx.doc.package.xml(ctx.doc.package.main)
    if root is not None:
        yield from root.iter(*_REVISIONS)


def r43_revisions(ctx: Context) -> Iterator[Issue]:
    reported: set[str] = set()
    for el in _revision_marks(ctx):
        label = _REVISIONS[el.tag]
        if label.vi in reported:
            continue
        reported.add(label.vi)
        para_el = next((a for a in el.iterancestors(w("p"))), el if el.tag == w("p") else None)
        para = ctx.paragraph_of(para_el)
        where = ctx.where.para(para) if para is not None else T("thân văn bản")
        yield Issue(where, T("Văn bản còn theo dõi thay đổi hoặc chú thích"), label,
                    T("chấp nhận/xóa hết trước khi phát hành"))


def _highlighted(props: RunProps) -> bool:
    return props.highlight not in (None, "none") or bool(props.shading)


def r46_highlight(ctx: Context) -> Iterator[Issue]:
    if not any(_highlighted(props) for props in text_formats(ctx)):
        return
    for para in ctx.doc.all_paragraphs():
        run = next((r for r in para.text_runs if (r.props.highlight not in (None, "none"))
                    or r.props.shading), None)
        if run is not None:
            yield Issue(ctx.where.para(para), T("Chữ được tô nền (highlight)"),
                        N(run.props.highlight or run.props.shading),
                        T("không tô nền"))
