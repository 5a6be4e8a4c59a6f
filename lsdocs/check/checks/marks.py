"""R41 (urgency mark) and R42 (address block, ô 13)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lsdocs.check.checks.measures import fmt_issues, quoted
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Paragraph
from lsdocs.check.findings import Issue
from lsdocs.check.lines import container_width, rule_in
from lsdocs.check.text_keys import URGENCY_MARKS, is_upper, urgency_mark
from lsdocs.errors import T

ADDRESS_RE = re.compile(r"(Địa chỉ|Điện thoại|ĐT|Fax|E-?mail|Website)\s*:", re.IGNORECASE)
ACCEPTED = URGENCY_MARKS + ("HOẢ TỐC",)


def _urgency(ctx: Context) -> list[Paragraph]:
    found = list(ctx.layout.urgency)
    header = ctx.layout.header
    near = (header.left + header.right) if header else []
    near += [b for b in ctx.doc.body_paragraphs()[:8]]
    found += [t for p in near for t in p.textboxes if urgency_mark(t.display)]
    return found


def _boxed(para: Paragraph) -> bool:
    borders = para.props.borders
    if all(borders.get(s) is not None and borders[s].visible
           for s in ("top", "bottom", "left", "right")):
        return True
    box = para.container
    if box.kind == "textbox":
        return True
    if box.kind == "cell" and box.table is not None:
        cell = box.table.rows[box.row][box.col]
        sides = {**box.table.borders, **cell.borders}
        return any(b.visible for b in sides.values())
    return False


def r41_urgency(ctx: Context) -> Iterator[Issue]:
    header = ctx.layout.header
    for para in _urgency(ctx):
        where = ctx.where.para(para)
        if para.display not in ACCEPTED:
            yield Issue(where, T("Dấu mức độ khẩn viết sai"),
                        quoted(para.display), T("HỎA TỐC, THƯỢNG KHẨN hoặc KHẨN"))
        if not is_upper(para.display):
            yield Issue(where, T("Dấu mức độ khẩn chưa in hoa"), quoted(para.display),
                        T("chữ in hoa"))
        yield from fmt_issues(ctx, para, T("dấu mức độ khẩn"), bold=True,
                              sz=(26, 28))
        if not _boxed(para):
            yield Issue(where, T("Dấu mức độ khẩn không có khung viền đơn"), T("không có khung"),
                        T("khung chữ nhật viền đơn"))
        if header is not None and para in header.right:
            yield Issue(where, T("Dấu mức độ khẩn không nằm ở cột trái dưới số, ký hiệu"),
                        T("ô phải"), T("ô trái, dưới số, ký hiệu (ô 10b)"))


def _address_lines(ctx: Context) -> list[Paragraph]:
    first = ctx.sections()[0]
    hf_type = "first" if first.title_pg else "default"
    part = ctx.doc.header_footer(first, "footer", hf_type)
    if part is None or ctx.foreign(part.part):
        return []
    return [p for p in part.all_paragraphs() if ADDRESS_RE.search(p.display)]


def r42_address(ctx: Context) -> Iterator[Issue]:
    lines = _address_lines(ctx)
    if not lines:
        return
    for para in lines:
        yield from fmt_issues(ctx, para, T("địa chỉ cơ quan (ô 13)"), sz=(22, 24))
    first = lines[0]
    siblings = [p for p in _part_paragraphs(ctx, first)]
    index = siblings.index(first) if first in siblings else 0
    rule = rule_in(ctx.doc, first, side="top")
    if rule is None and index > 0:
        rule = rule_in(ctx.doc, siblings[index - 1])
    full = container_width(ctx.doc, first)
    if rule is None or rule.width < 0.9 * full:
        yield Issue(ctx.where.para(first), T("Thiếu đường kẻ hết chiều ngang phía trên địa chỉ"),
                    T("không có hoặc quá ngắn"),
                    T("đường kẻ nét liền hết vùng trình bày"))


def _part_paragraphs(ctx: Context, para: Paragraph) -> list[Paragraph]:
    part = ctx.doc.parts.get(para.container.part)
    return list(part.all_paragraphs()) if part is not None else [para]
