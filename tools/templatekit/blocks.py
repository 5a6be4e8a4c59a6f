"""The Decree 30 building blocks shared by every template.

Header (ô 1–5b), title block (ô 5a), signature and Nơi nhận (ô 7, 9b), the
appendix heading block, and the control paragraphs that hold docxtpl's
``{%p … %}`` / ``{%tr … %}`` tags.
"""

from __future__ import annotations

from tools.templatekit import styles as st
from tools.templatekit.ooxml import (
    CELL_PADDING,
    TEXT_WIDTH,
    Fmt,
    cell,
    para,
    row,
    rule,
    table,
)

HEADER_LEFT = 3600  # 6.35 cm: "ỦY BAN NHÂN DÂN", "SỞ KHOA HỌC" fit at 13 pt bold
HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT  # 5698: Quốc hiệu at 13 pt bold needs ≥ 5640
AGENCY_RULE = 1020  # 1.8 cm: 0.42 of "ỦY BAN NHÂN DÂN", 0.49 of "VÀ CÔNG NGHỆ" (R14)
MOTTO_RULE = 3428  # width of "Độc lập - Tự do - Hạnh phúc" at 14 pt bold (R12)
SIGN_LEFT = 4000
SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT


def control(tag: str) -> str:
    """A paragraph holding only a docxtpl paragraph tag, e.g. ``{%p for x in xs %}``."""
    return para(tag, st.CONTROL)


def loop(var: str, items: str, body: str) -> str:
    return control(f"{{%p for {var} in {items} %}}") + body + control("{%p endfor %}")


def lines(items: str, fmt: Fmt, expr: str = "line") -> str:
    """One paragraph per item of *items*, each ``{{ expr }}`` in style *fmt*."""
    return loop("line", items, para(f"{{{{ {expr} }}}}", fmt))


def header_block(with_vv: bool = False) -> str:
    """The two-row borderless header table (nd30-format.md §2.2, §3.1–3.5)."""
    inner_left = HEADER_LEFT - 2 * CELL_PADDING
    inner_right = HEADER_RIGHT - 2 * CELL_PADDING
    names = (
        lines("header.parent_lines", st.AGENCY_PARENT)
        + lines("header.name_lines", st.AGENCY)
        + rule(st.RULE, AGENCY_RULE, inner_left)
    )
    nation = (
        para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.NATION)
        + para("Độc lập - Tự do - Hạnh phúc", st.MOTTO)
        + rule(st.RULE, MOTTO_RULE, inner_right)
    )
    number = para("{{ header.number_line }}", st.NUMBER)
    if with_vv:
        number += para("{{ header.vv }}", st.VV)
    date = para("{{ header.date_line }}", st.PLACE_DATE)
    rows = [
        row([cell(names, HEADER_LEFT), cell(nation, HEADER_RIGHT)]),
        row([cell(number, HEADER_LEFT), cell(date, HEADER_RIGHT)]),
    ]
    return table([HEADER_LEFT, HEADER_RIGHT], rows)


def title_block(type_name: str, trich_yeu_rule: int) -> str:
    """Tên loại + trích yếu + rule (ô 5a)."""
    return (
        para(type_name, st.TYPE_NAME)
        + para("{{ trich_yeu }}", st.TRICH_YEU)
        + rule(Fmt(**{**st.RULE.__dict__, "before": 60}), trich_yeu_rule, TEXT_WIDTH)
    )


def signature_block() -> str:
    """Nơi nhận (left) and the signer (right) in a borderless table (ô 7a–7c, 9b)."""
    recipients = (
        para("Nơi nhận:", st.RECIPIENTS_LABEL)
        + lines("noi_nhan", st.RECIPIENT, "line")
        + para("{{ luu }}", st.RECIPIENT)
    )
    signer = (
        lines("signature.lines", st.AUTHORITY)
        + "".join(para("", st.SIGN_SPACE) for _ in range(4))
        + para("{{ signature.name }}", st.SIGNER)
    )
    rows = [row([cell(recipients, SIGN_LEFT), cell(signer, SIGN_RIGHT)], cant_split=True)]
    # An empty paragraph keeps the signature 6 pt clear of the last body paragraph.
    spacer = Fmt(**{**st.CONTROL.__dict__, "keep_next": True})
    # Pulled left by the cell padding, so "Nơi nhận:" is flush with the margin (§3.9).
    return para("", spacer) + table([SIGN_LEFT, SIGN_RIGHT], rows, indent=-CELL_PADDING)


def appendix_heading(text_width: int) -> str:
    """Phụ lục / TÊN PHỤ LỤC / (Kèm theo …) / rule (nd30-format.md §3.10)."""
    return (
        para("{{ appendix.label }}", st.APPENDIX_LABEL)
        + para("{{ appendix.title }}", st.APPENDIX_TITLE)
        + para("{{ appendix.reference }}", st.APPENDIX_REF)
        + rule(st.RULE, text_width * 2 // 5, text_width)  # 1/3–1/2 of the line (§3.10)
        + para("", st.CONTROL)
    )


ASSIGNMENT_COLUMNS = [
    ("STT", 800),
    ("Nhiệm vụ", 4630),
    ("Cơ quan chủ trì", 2100),
    ("Cơ quan phối hợp", 3300),
    ("Thời gian hoàn thành", 1500),
    ("Sản phẩm", 1900),
]


def _tr_control(tag: str, widths: list[int]) -> str:
    cells = [
        cell(para(tag if i == 0 else "", st.CELL), w, borders=True) for i, w in enumerate(widths)
    ]
    return row(cells)


def assignment_table() -> str:
    """Bordered assignment table: repeated header row, group rows across all columns."""
    widths = [w for _, w in ASSIGNMENT_COLUMNS]
    head = row(
        [cell(para(name, st.CELL_HEAD), w, borders=True, valign="center")
         for name, w in ASSIGNMENT_COLUMNS],
        header=True,
        cant_split=True,
    )
    group = row([cell(para("{{ item.label }}", st.CELL_GROUP), sum(widths), span=6, borders=True)],
                cant_split=True)
    fields = [
        ("{{ item.number }}", st.CELL_CENTER),
        ("{{ item.name }}", st.CELL),
        ("{{ item.lead }}", st.CELL),
        ("{{ item.support }}", st.CELL),
        ("{{ item.deadline }}", st.CELL_CENTER),
        ("{{ item.product }}", st.CELL),
    ]
    cells = [
        cell(para(text, fmt), w, borders=True)
        for (text, fmt), w in zip(fields, widths, strict=True)
    ]
    task = row(cells, cant_split=True)
    rows = [
        head,
        _tr_control("{%tr for item in appendix.rows %}", widths),
        _tr_control("{%tr if item.group %}", widths),
        group,
        _tr_control("{%tr else %}", widths),
        task,
        _tr_control("{%tr endif %}", widths),
        _tr_control("{%tr endfor %}", widths),
    ]
    return table(widths, rows, bordered=True)


def kinh_gui_block() -> str:
    """``Kính gửi: X.`` on one line, or the label and one ``- X;`` line per recipient."""
    many = para("Kính gửi:", st.KINH_GUI) + lines("kinh_gui.lines", st.KINH_GUI_ITEM)
    return (
        control("{%p if kinh_gui.single %}")
        + para("Kính gửi: {{ kinh_gui.single }}", st.KINH_GUI_SINGLE)
        + control("{%p else %}")
        + many
        + control("{%p endif %}")
    )


def sections(items: str = "sections", keepable: bool = False, compact: bool = False) -> str:
    """Titled khoản (``1. Nhiệm vụ chủ trì``) each followed by its paragraphs.

    *keepable*: a section whose ``keep`` is true is kept with what follows (the
    closing and the signature), so the signature never stands on a page with
    only the closing sentence, as a Word user would set "keep with next".
    """
    if not keepable:
        # compact: single line spacing (Decree 30 allows single to 1.5), for an outline
        # that should not spill a few lines onto a page of its own.
        heading, text = (st.KHOAN, st.BODY) if not compact else (
            Fmt(**{**st.KHOAN.__dict__, "line": 240}), Fmt(**{**st.BODY.__dict__, "line": 240}))
        body = para("{{ s.heading }}", heading) + lines("s.paragraphs", text)
        return loop("s", items, body)
    keep = Fmt(**{**st.BODY.__dict__, "keep_next": True})
    text = (control("{%p if s.keep %}") + para("{{ line }}", keep) + control("{%p else %}")
            + para("{{ line }}", st.BODY) + control("{%p endif %}"))
    return loop("s", items, para("{{ s.heading }}", st.KHOAN) + loop("line", "s.paragraphs", text))
