"""R39 (appendix heading block) and R45 (reference line matches the document)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lsdocs.check.checks.header import expected_type
from lsdocs.check.checks.measures import fmt_issues, quoted
from lsdocs.check.checks.title import rule_under
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Paragraph
from lsdocs.check.findings import Issue, N
from lsdocs.check.layout import Appendix
from lsdocs.check.lines import rule_after
from lsdocs.check.text_keys import is_upper, key, roman_value, squash
from lsdocs.errors import T

REFERENCE_RE = re.compile(r"^\(Kèm theo .*\bsố\b.*\)$")
#: the decree's own Phụ lục I draws the rule under its two-line «(Kèm theo …)» as 1.72 cm of
#: superscript underscores under an 8.4 cm line (0.20): accepted, shorter is not
APPENDIX_RULE_LOW = 0.18
REF_NUMBER = re.compile(r"\bsố\s+([^\s]*/[^\s]+)")


def _parts(appendix: Appendix) -> tuple[list[Paragraph], list[Paragraph]]:
    """Title lines and the «(Kèm theo …)» line after the label (its paragraphs, when the
    line is split over several: «(Kèm theo Nghị định số …» / «ngày … của Chính phủ)»)."""
    paras = appendix.paragraphs[1:]
    titles: list[Paragraph] = []
    for index, para in enumerate(paras[:4]):
        if para.display.startswith("("):
            reference = [para]
            for nxt in paras[index + 1:index + 4]:
                if reference[-1].display.endswith(")"):
                    break
                reference.append(nxt)
            if not reference[-1].display.endswith(")"):
                reference = [para]
            return titles, reference
        titles.append(para)
    return [p for p in titles if is_upper(p.display)] or titles[:1], []


def _joined(reference: list[Paragraph]) -> str:
    return squash(" ".join(p.display for p in reference))


def _unlabelled_appendix(ctx: Context) -> Paragraph | None:
    """The first line of a title-like block after the signature table when the
    document has no «Phụ lục» label: an appendix without its label."""
    sig = ctx.layout.signature
    if sig is None or ctx.layout.appendices:
        return None
    blocks = ctx.doc.blocks
    index = next((i for i, b in enumerate(blocks) if b is sig), -1)
    if index < 0:
        return None
    for block in blocks[index + 1:]:
        if isinstance(block, Paragraph):
            if block.empty:
                continue
            text = block.display
            if (is_upper(text) and len(text.split()) >= 2) or text.startswith("(Kèm theo"):
                return block
        return None
    return None


def r39_appendix_heading(ctx: Context) -> Iterator[Issue]:
    count = len(ctx.layout.appendices)
    orphan = _unlabelled_appendix(ctx)
    if orphan is not None:
        yield Issue(ctx.where.para(orphan), T("Phụ lục không có chữ «Phụ lục» ở đầu"),
                    T("không có"), N("«Phụ lục» (đứng, đậm, canh giữa, trên tên "
                                             "phụ lục)"))
    first = ctx.layout.appendices[0].numeral if ctx.layout.appendices else None
    start = roman_value(first or "") if ctx.kind == "phu-luc" else None
    for number, appendix in enumerate(ctx.layout.appendices, start or 1):
        yield from _label(ctx, appendix, number, count)
        titles, reference = _parts(appendix)
        for para in titles:
            if not is_upper(para.display):
                yield Issue(ctx.where.para(para), T("Tên phụ lục chưa in hoa"),
                            quoted(para.display[:40]), T("chữ in hoa"))
            yield from fmt_issues(ctx, para, T("tên phụ lục"), bold=True,
                                  sz=(26, 28), centered=True)
        if not reference:
            last = titles[-1] if titles else appendix.label
            yield Issue(ctx.where.para(last), T("Phụ lục thiếu dòng «(Kèm theo … số …)»"),
                        T("không có"), N("«(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)»"))
            continue
        yield from _reference(ctx, reference)


def _label(ctx: Context, appendix: Appendix, number: int, count: int) -> Iterator[Issue]:
    label = appendix.label
    where = ctx.where.para(label)
    word = squash(label.display).rsplit(" ", 1)[0] if appendix.numeral else squash(label.display)
    if word != "Phụ lục":
        yield Issue(where, T("Chữ «Phụ lục» phải viết in thường"),
                    quoted(label.display), N("«Phụ lục»"))
    numeral = appendix.numeral
    if numeral is None and count >= 2:
        yield Issue(where, T("Văn bản có từ hai phụ lục nên phải đánh số La Mã"),
                    quoted(label.display), N(f"«Phụ lục {_roman(number)}»"))
    elif numeral is not None and roman_value(numeral) != number:
        yield Issue(where, T("Số thứ tự phụ lục sai (cần số La Mã liên tiếp)"),
                    quoted(label.display),
                    N(f"«Phụ lục {_roman(number)}»"))
    yield from fmt_issues(ctx, label, T("chữ «Phụ lục»"), bold=True,
                          italic=False, sz=(28, 28), centered=True)


def _reference(ctx: Context, reference: list[Paragraph]) -> Iterator[Issue]:
    text = _joined(reference)
    if not REFERENCE_RE.match(text):
        yield Issue(ctx.where.para(reference[0]), T("Dòng chỉ dẫn phụ lục sai dạng"),
                    quoted(text[:50]), N("«(Kèm theo … số … ngày … của …)»"))
    for para in reference:
        yield from fmt_issues(ctx, para, T("dòng «(Kèm theo …)»"),
                              bold=False, italic=True, sz=(26, 28), centered=True)
    paras = ctx.doc.body_paragraphs()
    last = reference[-1]
    rule = rule_after(ctx.doc, paras, paras.index(last)) if last in paras else None
    yield from rule_under(ctx, reference, rule, T("dòng «(Kèm theo …)»"),
                          T("đường kẻ nét liền dài 1/3–1/2 dòng chữ"), APPENDIX_RULE_LOW)


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, text in numerals:
        while number >= value:
            out, number = out + text, number - value
    return out


def r45_reference_matches(ctx: Context) -> Iterator[Issue]:
    header = ctx.layout.header
    so = re.sub(r"^Số\s*:?", "", header.so.display).strip() if header and header.so else None
    doc_type = expected_type(ctx)
    for appendix in ctx.layout.appendices:
        _, lines = _parts(appendix)
        if not lines:
            continue
        reference = lines[0]
        text = _joined(lines)
        match = REF_NUMBER.search(text)
        if so and match and not _same_number(match.group(1), so):
            yield Issue(ctx.where.para(reference), T("Số, ký hiệu trong dòng «Kèm theo» khác số "
                                                     "của văn bản"),
                        N(match.group(1)), N(so))
        if doc_type and not key(text).startswith(f"(KÈM THEO {key(doc_type)}"):
            yield Issue(ctx.where.para(reference), T("Tên loại trong dòng «Kèm theo» khác tên "
                                                     "loại văn bản"),
                        quoted(text[:30]), N(f"«(Kèm theo {doc_type.capitalize()} số …»"))


def _same_number(ref: str, so: str) -> bool:
    ref_n, _, ref_code = ref.partition("/")
    so_n, _, so_code = so.partition("/")
    same_code = ref_code.rstrip(".,;)") == so_code.strip()
    return same_code and (not so_n.strip() or not ref_n.strip("…. ") or ref_n == so_n.strip())
