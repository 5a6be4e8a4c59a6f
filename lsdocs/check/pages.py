"""A rough page count: does a section fit on one page?

Only used to decide whether a missing page number can ever show (a one-page
first section needs none).  Heights are estimated from text widths, font
sizes, line spacing and paragraph spacing; tables take their tallest cell.
The estimate errs slightly on the side of "more than one page".
"""

from __future__ import annotations

import math

from lsdocs.check.docmodel import Document, Paragraph, Table
from lsdocs.fonts import text_width

LINE_FACTOR = 1.15  # Times New Roman line height / font size
ONE_PAGE_SHARE = 1.0


def paragraph_height(para: Paragraph, width: float) -> float:
    props = para.props
    sz = max((r.props.sz for r in para.runs), default=para.mark_sz)
    avail = max(width - props.ind_left - props.ind_right, 500)
    lines = 0
    for chunk in "".join(r.display for r in para.runs).split("\n") or [""]:
        used = text_width(chunk, sz) + max(props.first_line, 0)
        lines += max(1, math.ceil(used / avail))
    base = sz * 10 * LINE_FACTOR
    line = base * props.line / 240 if props.line_rule == "auto" else max(props.line, base)
    return lines * line + props.before + props.after


def table_height(table: Table) -> float:
    total = 0.0
    for row in table.rows:
        total += max((sum(paragraph_height(p, c.width) for p in c.paragraphs)
                      + sum(table_height(t) for t in c.tables) for c in row), default=0.0)
    return total


def fits_one_page(doc: Document, section_index: int) -> bool:
    section = doc.sections[section_index]
    usable = section.height - section.top - section.bottom
    height = 0.0
    for block in doc.blocks:
        if block.section != section_index:
            continue
        if isinstance(block, Table):
            height += table_height(block)
        else:
            height += paragraph_height(block, section.text_width)
    return usable > 0 and height <= ONE_PAGE_SHARE * usable
