"""R20–R23: tên loại, trích yếu and its rule, công văn V/v, Kính gửi."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lsdocs.check.checks.header import KIND_TYPES
from lsdocs.check.checks.measures import (
    any_italic,
    cm,
    fmt_issues,
    para_width,
    quoted,
    size_issues,
    widths_known,
)
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Paragraph
from lsdocs.check.findings import Issue, N
from lsdocs.check.lines import HRule, container_width
from lsdocs.check.text_keys import is_upper, key, squash, type_name
from lsdocs.errors import T, Text

ITEM_RE = re.compile(r"^- \S")


def _after_header(ctx: Context) -> Text:
    header = ctx.layout.header
    if header is None:
        return T("đầu văn bản")
    return T("{table}, phía dưới",
             table=ctx.where.table(header.table))


def r20_title(ctx: Context) -> Iterator[Issue]:
    title = ctx.layout.title
    if title is None:
        yield Issue(_after_header(ctx), T("Không tìm thấy tên loại văn bản"), T("không có"),
                    T("tên loại in hoa, đậm, canh giữa (KẾ HOẠCH, BÁO CÁO …)"))
        return
    known = type_name(title.display)
    if known is None and key(title.display) != "CÔNG VĂN":
        yield Issue(ctx.where.para(title), T("Tên loại không có trong danh mục của NĐ 30 "
                                             "(Điều 7, Phụ lục III)"),
                    quoted(title.display), T("một tên loại của NĐ 30: KẾ HOẠCH, BÁO CÁO, "
                                             "THÔNG BÁO, TỜ TRÌNH …"),
                    relaxed=True)
    name = known or title.display
    wanted = KIND_TYPES.get(ctx.kind)
    if wanted and name != wanted:
        yield Issue(ctx.where.para(title), T("Tên loại không khớp loại văn bản đã chọn"),
                    quoted(title.display), quoted(wanted))
    if not is_upper(title.display):
        yield Issue(ctx.where.para(title), T("Tên loại chưa in hoa"), quoted(title.display),
                    quoted(name))
    yield from fmt_issues(ctx, title, T("tên loại văn bản"), bold=True,
                          italic=False, sz=(26, 28), centered=True)


def _rule_ok(ctx: Context, rule: HRule, lines: list[Paragraph], low: float) -> bool:
    """Rule length 1/3–1/2 (±) of the text line above it, or of the text width."""
    area = container_width(ctx.doc, rule.para)
    line = max(min(para_width(p), area) for p in lines)
    return any(base and low <= rule.width / base <= 0.55 for base in (line, area))


def rule_under(ctx: Context, lines: list[Paragraph], rule: HRule | None, name: Text,
               wanted: Text, low: float = 0.28) -> Iterator[Issue]:
    """Issues for the short rule under the trích yếu or the appendix reference line
    (*low*: the shortest accepted rule as a share of the line)."""
    if rule is None:
        yield Issue(ctx.where.para(lines[-1]), T("Không có đường kẻ dưới {name}",
                                                    name=name),
                    T("không có"), wanted)
        return
    if widths_known(ctx, rule.para) and not _rule_ok(ctx, rule, lines, low):
        line = max(min(para_width(p), container_width(ctx.doc, rule.para)) for p in lines)
        yield Issue(ctx.where.para(rule.para), T("Độ dài đường kẻ dưới {name} không đúng",
                                                    name=name),
                    N(cm(rule.width)), T("1/3–1/2 dòng chữ ({a}–{b})",  a=cm(line / 3),
                                         b=cm(line / 2)))
    if not rule.solid:
        yield Issue(ctx.where.para(rule.para), T("Đường kẻ dưới {name} không phải nét liền",
                                                    name=name),
                    N(rule.detail), T("nét liền"))


def r21_trich_yeu(ctx: Context) -> Iterator[Issue]:
    title, lines = ctx.layout.title, ctx.layout.trich_yeu
    if title is None:
        return
    if not lines:
        yield Issue(ctx.where.para(title), T("Không có trích yếu dưới tên loại"), T("không có"),
                    T("trích yếu in thường, đậm, canh giữa"))
        return
    for para in lines:
        if is_upper(para.display):
            yield Issue(ctx.where.para(para), T("Trích yếu viết in hoa toàn bộ"),
                        quoted(para.display),
                        T("chữ in thường (viết hoa chữ đầu)"), relaxed=True)
        yield from fmt_issues(ctx, para, T("trích yếu"), bold=True,
                              italic=False, sz=(26, 28), centered=True)
    yield from rule_under(ctx, lines, ctx.layout.trich_yeu_rule, T("trích yếu"),
                          T("đường kẻ nét liền dài 1/3–1/2 dòng chữ, canh giữa"))


def r22_vv(ctx: Context) -> Iterator[Issue]:
    header = ctx.layout.header
    if header is None:
        return
    if ctx.layout.title is not None:
        yield Issue(ctx.where.para(ctx.layout.title), T("Công văn không có tên loại"),
                    quoted(ctx.layout.title.display), T("không có tên loại; trích yếu «V/v …» "
                                                        "dưới số, ký hiệu"))
    vv = header.vv
    if vv is None:
        yield Issue(ctx.where.table(header.table), T("Không có trích yếu «V/v …» dưới số, ký hiệu"),
                    T("không có"), N("«V/v …»"))
        return
    if not vv.display.startswith("V/v "):
        yield Issue(ctx.where.para(vv), T("Chữ «V/v» viết sai"),
                    quoted(vv.display[:8]), N("«V/v …»"))
    yield from fmt_issues(ctx, vv, T("trích yếu công văn (V/v)"), bold=False,
                          italic=False, sz=(24, 26), centered=True)
    yield from _vv_gap(ctx, vv)


def _vv_gap(ctx: Context, vv: Paragraph) -> Iterator[Issue]:
    so = ctx.layout.header.so if ctx.layout.header else None
    if so is not None and so.line_of is not None and so.line_of is vv.line_of:
        return  # Số and V/v in one paragraph split at a line break: measured by R15/R22 format
    box_so = so.container if so is not None else None
    box_vv = vv.container
    adjacent = (box_so is not None and so is not None and box_so.row == box_vv.row
                and box_so.col == box_vv.col and so.number + 1 == vv.number)
    next_row = (box_so is not None and so is not None and box_so.table is box_vv.table
                and box_vv.row == box_so.row + 1 and vv.number == 1
                and _last_in_cell(so))
    gap = vv.props.before + (so.props.after if so is not None and (adjacent or next_row) else 0)
    if (adjacent or next_row or so is None or box_so is None or box_so.row != box_vv.row) \
            and gap < 117:
        yield Issue(ctx.where.para(vv), T("Dòng V/v chưa cách dòng Số 6 pt"),
                    N(f"{gap / 20:g} pt"), N("≥ 6 pt"))


def _last_in_cell(para: Paragraph) -> bool:
    box = para.container
    if box.table is None:
        return False
    cell = box.table.rows[box.row][box.col]
    rest = [p for p in cell.paragraphs if p.number > para.number]
    return all(p.empty for p in rest)


def r23_kinh_gui(ctx: Context) -> Iterator[Issue]:
    block = ctx.layout.kinh_gui
    if not block:
        if ctx.kind == "cong-van":
            yield Issue(_after_header(ctx), T("Công văn thiếu «Kính gửi»"), T("không có"),
                        N("«Kính gửi: …»"))
        return
    first = block[0]
    if not first.display.startswith("Kính gửi:"):
        no_kinh = key(first.display).startswith("GỬI:")
        yield Issue(ctx.where.para(first), T("Thiếu chữ «Kính» trước «gửi:»") if no_kinh else
                    T("Dòng Kính gửi viết sai (cần «Kính gửi:»)"),
                    quoted(squash(first.display)[:20]), N("«Kính gửi: …»"))
    for para in block:
        yield from size_issues(ctx, para, T("Kính gửi"), (26, 28))
        if any_italic(para):
            yield Issue(ctx.where.para(para), T("Kính gửi không được in nghiêng"), T("chữ nghiêng"),
                        T("chữ đứng"))
    yield from _kinh_gui_items(ctx, block[1:])


def _kinh_gui_items(ctx: Context, items: list[Paragraph]) -> Iterator[Issue]:
    for i, para in enumerate(items):
        text = para.display
        last = i == len(items) - 1
        end = "." if last else ";"
        if not ITEM_RE.match(text) or not text.endswith(end):
            yield Issue(ctx.where.para(para), T("Dòng nơi nhận sau Kính gửi sai dạng"),
                        quoted(text), N(f"«- …{end}»"))
