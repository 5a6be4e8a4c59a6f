"""R48: content that runs past the edge of the paper, estimated without a layout.

A table whose grid (plus its indent) is wider than the page is cut off when printed:
the columns beyond the paper edge are lost.  Measured from ``w:tblGrid`` and
``w:tblInd`` against the section's page width and margins.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsdocs.check._xml import child, w, wint
from lsdocs.check.checks.measures import cm
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Table
from lsdocs.check.findings import Issue
from lsdocs.errors import T

#: leeway before text counts as lost (twips, 1 mm)
LEEWAY = 57


def _grid_width(table: Table) -> int:
    return sum(wint(col, "w") or 0 for col in table.el.iterfind(f"{w('tblGrid')}/{w('gridCol')}"))


def table_width(table: Table, text_width: int) -> int:
    """The narrowest width Word could give the table: its grid, its preferred width
    (``tblW`` in twips or per cent of the text width) and its first row's cell widths;
    an estimate only counts when all of them say it is too wide."""
    widths = [_grid_width(table)]
    preferred = child(child(table.el, "tblPr"), "tblW")
    kind = preferred.get(w("type")) if preferred is not None else None
    value = wint(preferred, "w") or 0
    if kind == "dxa" and value > 0:
        widths.append(value)
    elif kind == "pct" and value > 0:
        widths.append(text_width * value // 5000)
    row = table.el.find(w("tr"))
    if row is not None:
        cells = [child(child(tc, "tcPr"), "tcW") for tc in row.iterfind(w("tc"))]
        if cells and all(c is not None and c.get(w("type")) == "dxa" for c in cells):
            widths.append(sum(wint(c, "w") or 0 for c in cells))
    return min(x for x in widths if x > 0) if any(x > 0 for x in widths) else 0


def r48_overflow(ctx: Context) -> Iterator[Issue]:
    sections = {s.index: s for s in ctx.sections()}
    for table in ctx.doc.tables:
        sect = sections.get(table.section)
        if table.parent is not None or sect is None or not sect.has_size:
            continue
        indent = wint(child(child(table.el, "tblPr"), "tblInd"), "w") or 0
        right_edge = sect.left + indent + table_width(table, sect.text_width)
        past = right_edge - sect.width
        if past > LEEWAY:
            yield Issue(ctx.where.table(table),
                        T("Bảng vượt ra ngoài mép giấy, phần bên phải bị mất khi in"),
                        T("vượt mép giấy {d}", d=cm(past)),
                        T("bảng nằm trong vùng chữ (rộng {t})", t=cm(sect.text_width)))
