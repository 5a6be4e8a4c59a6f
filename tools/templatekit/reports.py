"""Blocks of the annual reports (báo cáo, Mẫu 1.4): sections and the result annex.

A report's sections have fixed Roman headings (I. KẾT QUẢ THỰC HIỆN …); what
sits under each is a list of items ``{kind, text}`` the context builds, where
*kind* is ``khoan`` (``1. …``), ``diem`` (``a) …``) or ``body``.  The context
decides the numbering, so a heading is never printed without its content and
a lone ``1.`` never appears.
"""

from __future__ import annotations

from tools.templatekit import blocks as b
from tools.templatekit import styles as st
from tools.templatekit.ooxml import Fmt, cell, para, row, table

#: Where lsdocs puts the native chart after rendering (lsdocs.render.chart).
CHART_MARKER = "[[BIEU_DO]]"

# Existing styles (no new style, so the other templates stay byte-identical).
CHART_CAPTION = Fmt(**{**st.OUTLINE_HEAD.__dict__, "before": 240, "keep_next": True})
CHART_PLACE = Fmt(**{**st.CELL_CENTER.__dict__, "before": 120, "after": 0})

AGENCY_COLUMNS = [
    ("STT", 800),
    ("Nhiệm vụ", 4000),
    ("Kết quả thực hiện / sản phẩm", 4830),
    ("Tình trạng", 1600),
    ("Ghi chú", 3000),
]
AGENCY_FIELDS = ["number", "name", "result", "state", "note"]

CONSOLIDATED_COLUMNS = [
    ("STT", 800),
    ("Nhiệm vụ", 3600),
    ("Cơ quan chủ trì", 1900),
    ("Kết quả thực hiện / sản phẩm", 4130),
    ("Tình trạng", 1700),
    ("Ghi chú", 2100),
]
CONSOLIDATED_FIELDS = ["number", "name", "lead", "result", "state", "note"]
_CENTERED = {"number", "state"}


def items(expr: str) -> str:
    """One paragraph per ``{kind, text}`` item, in the style its kind names."""
    body = (
        b.control("{%p if p.kind == 'khoan' %}")
        + para("{{ p.text }}", st.KHOAN)
        + b.control("{%p elif p.kind == 'diem' %}")
        + para("{{ p.text }}", st.DIEM)
        + b.control("{%p else %}")
        + para("{{ p.text }}", st.BODY)
        + b.control("{%p endif %}")
    )
    return b.loop("p", expr, body)


def report_sections(closing_style: Fmt) -> str:
    """Sections I–IV of an annual report; the last paragraph is ``closing`` (ends ``./.``)."""
    return "".join(
        [
            para("I. KẾT QUẢ THỰC HIỆN", st.MUC),
            items("sections.results"),
            para("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", st.MUC),
            items("sections.shortcomings"),
            para("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ next_year }}", st.MUC),
            items("sections.next_year"),
            para("IV. ĐỀ XUẤT, KIẾN NGHỊ", st.MUC),
            items("sections.proposals"),
            para("{{ closing }}", closing_style),
        ]
    )


def _control_row(tag: str, widths: list[int]) -> str:
    cells = [cell(para(tag if i == 0 else "", st.CELL), w, borders=True)
             for i, w in enumerate(widths)]
    return row(cells)


def result_table(columns: list[tuple[str, int]], fields: list[str]) -> str:
    """Bordered result table: repeated header, spanning group and summary rows, task rows."""
    widths = [w for _, w in columns]
    head = row([cell(para(name, st.CELL_HEAD), w, borders=True, valign="center")
                for name, w in columns], header=True, cant_split=True)
    spanning = row([cell(para("{{ item.label }}", st.CELL_GROUP), sum(widths),
                         span=len(widths), borders=True)], cant_split=True)
    task = row([cell(para(f"{{{{ item.{f} }}}}", st.CELL_CENTER if f in _CENTERED
                          else st.CELL), w, borders=True)
                for f, w in zip(fields, widths, strict=True)])
    rows = [
        head,
        _control_row("{%tr for item in appendix.rows %}", widths),
        _control_row("{%tr if item.label %}", widths),
        spanning,
        _control_row("{%tr else %}", widths),
        task,
        _control_row("{%tr endif %}", widths),
        _control_row("{%tr endfor %}", widths),
    ]
    return table(widths, rows, bordered=True)


def chart_block() -> str:
    """The chart's caption and the marker paragraph the chart replaces."""
    return para("{{ appendix.chart_title }}", CHART_CAPTION) + para(CHART_MARKER, CHART_PLACE)
