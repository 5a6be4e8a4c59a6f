"""Helpers shared by the check functions: sizes, styles, widths, messages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TypeVar

from lsdocs.check.context import Context
from lsdocs.check.docmodel import Paragraph, Run
from lsdocs.check.findings import Issue, N
from lsdocs.check.styles import RunProps
from lsdocs.errors import T, Text
from lsdocs.fonts import text_width

_ALIGN = {
    "both": T("canh đều hai lề"),
    "center": T("canh giữa"),
    "right": T("canh phải"),
    "end": T("canh phải"),
    "distribute": T("dàn đều"),
}
TW_PER_CM = 566.93
#: width of one character at a size and weight (the same float every time, so sums are unchanged)
_char_width = lru_cache(maxsize=4096)(text_width)
_T = TypeVar("_T")


def per_format(func: Callable[[RunProps], _T]) -> Callable[[RunProps], _T]:
    """*func* worked out once per run formatting, for one pass of a rule over a document.

    Runs formatted alike share one :class:`RunProps` (see
    :meth:`lsdocs.check.styles.StyleSheet.run_props_of`), and every one of them is held by
    the document's runs while the rule reads them, so its identity is a safe key."""
    kept: dict[int, _T] = {}

    def get(props: RunProps) -> _T:
        key = id(props)
        if key in kept:
            return kept[key]
        value = kept[key] = func(props)
        return value
    return get


def text_formats(ctx: Context) -> list[RunProps]:
    """The distinct formattings of the text runs of every paragraph, found once per document:
    a rule that finds none of them at fault need not read the paragraphs one by one."""
    found: list[RunProps] | None = ctx.memo.get("text_formats")
    if found is None:
        seen = {id(run.props): run.props for para in ctx.doc.all_paragraphs()
                for run in para.text_runs}
        found = ctx.memo["text_formats"] = list(seen.values())
    return found


def body_runs(para: Paragraph) -> list[Run]:
    """Text runs that are not superscript/subscript (footnote marks)."""
    return [r for r in para.text_runs if r.props.vert_align not in ("superscript", "subscript")]


def sizes(para: Paragraph) -> list[int]:
    return sorted({r.props.sz for r in body_runs(para)})


def pt(sz: int | float) -> str:
    value = sz / 2
    return f"{value:g} pt"


def sizes_text(values: list[int]) -> Text:
    return N(", ".join(pt(v) for v in values))


def cm(twips: float) -> str:
    return f"{twips / TW_PER_CM:.2f}".replace(".", ",") + " cm"


def letter_runs(para: Paragraph) -> list[Run]:
    """Text runs with a letter or digit: whether a lone «:» or «;» is italic or bold
    cannot be seen on the page (falls back to all text runs)."""
    return [r for r in para.text_runs if any(ch.isalnum() for ch in r.text)] or para.text_runs


def all_bold(para: Paragraph) -> bool:
    runs = letter_runs(para)
    return bool(runs) and all(r.props.bold for r in runs)


def any_bold(para: Paragraph) -> bool:
    return any(r.props.bold for r in para.text_runs)


def all_italic(para: Paragraph) -> bool:
    runs = letter_runs(para)
    return bool(runs) and all(r.props.italic for r in runs)


def any_italic(para: Paragraph) -> bool:
    return any(r.props.italic for r in para.text_runs)


def align_label(para: Paragraph) -> Text:
    if para.props.centered:
        return _ALIGN["center"]
    return _ALIGN.get(para.props.jc or "", T("canh trái"))


def para_width(para: Paragraph) -> float:
    """Width of the paragraph's longest line (split at line breaks), in twips."""
    lines: list[list[tuple[str, int, bool]]] = [[]]
    for run in para.runs:
        for ch in run.display:
            if ch == "\n":
                lines.append([])
            else:
                lines[-1].append((" " if ch == "\t" else ch, run.props.sz, run.props.bold))
    widths = []
    for line in lines:
        while line and line[0][0].isspace():
            line.pop(0)
        while line and line[-1][0].isspace():
            line.pop()
        widths.append(sum(_char_width(ch, sz, bold) for ch, sz, bold in line))
    return max(widths)


def fmt_issues(ctx: Context, para: Paragraph, name: Text, *, bold: bool | None = None,
               italic: bool | None = None, sz: tuple[int, int] | None = None,
               centered: bool | None = None) -> Iterator[Issue]:
    """Issues for a component paragraph whose bold/italic/size/alignment is wrong.

    The paragraph's place is named only when there is something to report."""
    def where() -> Text:
        return ctx.where.para(para)

    if bold is True and not all_bold(para):
        yield Issue(where(), T("{name} chưa in đậm", name=name),
                    T("chữ không đậm"), T("chữ đậm"))
    if bold is False and any_bold(para):
        yield Issue(where(), T("{name} không được in đậm", name=name),
                    T("chữ đậm"), T("chữ không đậm"))
    if italic is True and not all_italic(para):
        yield Issue(where(), T("{name} chưa in nghiêng", name=name),
                    T("chữ đứng"), T("chữ nghiêng"))
    if italic is False and any_italic(para):
        yield Issue(where(), T("{name} không được in nghiêng",
                                name=name),
                    T("chữ nghiêng"), T("chữ đứng"))
    yield from size_issues(ctx, para, name, sz)
    if centered is True and not para.props.centered:
        yield Issue(where(), T("{name} chưa canh giữa", name=name),
                    align_label(para), T("canh giữa"))


def size_issues(ctx: Context, para: Paragraph, name: Text,
                sz: tuple[int, int] | None) -> Iterator[Issue]:
    if sz is None:
        return
    found = sizes(para)
    if found and any(not sz[0] <= v <= sz[1] for v in found):
        wanted = pt(sz[0]) if sz[0] == sz[1] else f"{sz[0] / 2:g}–{pt(sz[1])}"
        yield Issue(ctx.where.para(para), T("Cỡ chữ của {name} không đúng",
                                               name=name),
                    sizes_text(found), N(wanted))


def quoted(text: str) -> Text:
    return N(f"«{text}»")


def widths_known(ctx: Context, para: Paragraph) -> bool:
    """False when the paragraph's section declares no page size or margins, so widths
    measured against the page would be guesses (reported once by R01/R03–R06)."""
    sections = ctx.doc.sections
    if not sections:
        return True
    sect = sections[min(para.section, len(sections) - 1)]
    return sect.has_size and sect.has_margins
