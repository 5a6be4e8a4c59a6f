"""R32–R36 (signature block, Nơi nhận) and R38 (borderless header and signature tables)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lsdocs.check.checks.measures import all_italic, fmt_issues, quoted
from lsdocs.check.context import Context
from lsdocs.check.doc_parts import split_lines
from lsdocs.check.docmodel import Paragraph, Table
from lsdocs.check.findings import Issue, N
from lsdocs.check.text_keys import is_upper, squash
from lsdocs.errors import T, Text

PREFIX_NO_DOT = re.compile(r"^(TM|KT|Q|TL|TUQ)\s")
ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|CN|KS|BS)\.?\s")
LUU_RE = re.compile(r"^- Lưu: VT(, .+)?\.$")
DRAFTER_RE = re.compile(r"^[A-ZĐ]{1,8}\.?\s?\(\d+\)\.?$")
NO_SIGNATURE = T("sau nội dung văn bản")


@dataclass
class Signature:
    table: Table
    left: list[Paragraph]
    right: list[Paragraph]
    titles: list[Paragraph] = field(default_factory=list)
    gap: list[Paragraph] = field(default_factory=list)
    name: Paragraph | None = None


def read_signature(table: Table) -> Signature:
    left = [line for row in table.rows if row for p in row[0].paragraphs
            for line in split_lines(p)]
    right = [p for row in table.rows if len(row) > 1 for p in row[-1].paragraphs]
    sig = Signature(table, left, right)
    i = 0
    while i < len(right) and right[i].empty and not right[i].drawings:
        i += 1
    while i < len(right) and not right[i].empty and is_upper(right[i].display):
        sig.titles.append(right[i])
        i += 1
    while i < len(right) and (right[i].empty or _placeholder(right[i])):
        sig.gap.append(right[i])
        i += 1
    sig.name = right[i] if i < len(right) else None
    return sig


def _placeholder(para: Paragraph) -> bool:
    text = para.display
    return (text.startswith("(") and text.endswith(")")) or (all_italic(para) and "ký" in text)


def _signature(ctx: Context) -> Signature | None:
    table = ctx.layout.signature
    return read_signature(table) if table is not None else None


def r32_signature(ctx: Context) -> Iterator[Issue]:
    sig = _signature(ctx)
    typed = ctx.layout.signature_paragraphs
    if sig is None and typed:
        yield Issue(ctx.where.para(typed[0]), T("Nơi nhận và chữ ký căn bằng tab, khoảng trắng, "
                                                "không phải bảng không viền; dòng chữ dễ lệch, "
                                                "mất khi đổi máy, phông; chưa được kiểm tra chi "
                                                "tiết"),
                    T("{n} đoạn căn bằng tab, khoảng trắng", n=len(typed)),
                    T("bảng không viền: Nơi nhận | chức vụ, họ tên"), relaxed=True)
        return
    if sig is None:
        yield Issue(NO_SIGNATURE, T("Không tìm thấy bảng chữ ký"),
                    T("không có"), T("bảng không viền: Nơi nhận | chức vụ, họ tên"))
        return
    where = ctx.where.table(sig.table)
    if not sig.titles:
        yield Issue(where, T("Không có dòng quyền hạn, chức vụ người ký"),
                    T("không có"), N("«TM. ỦY BAN NHÂN DÂN» / «KT. CHỦ TỊCH» …"))
    for para in sig.titles:
        if PREFIX_NO_DOT.match(para.display):
            yield Issue(ctx.where.para(para), T("Chữ viết tắt quyền hạn thiếu dấu chấm"),
                        quoted(para.display), N("«TM.», «KT.», «Q.», «TL.», «TUQ.»"))
        yield from fmt_issues(ctx, para, T("chức vụ người ký"), bold=True,
                              italic=False, sz=(26, 28), centered=True)
    yield from _gap_and_name(ctx, sig)


def _gap_and_name(ctx: Context, sig: Signature) -> Iterator[Issue]:
    if sig.titles and sig.name is not None:
        roomy = (sum(1 for p in sig.gap if p.empty) >= 2 or any(p.drawings for p in sig.gap)
                 or any(_placeholder(p) for p in sig.gap) or sig.name.props.before >= 560)
        if not roomy:
            yield Issue(ctx.where.para(sig.name), T("Không đủ chỗ ký giữa chức vụ và họ tên"),
                        T("{n} dòng trống", n=len(sig.gap)),
                        T("ít nhất 2 dòng trống"))
    if sig.name is None:
        yield Issue(ctx.where.table(sig.table), T("Không có họ tên người ký"),
                    T("không có"), T("họ tên in thường, đậm"))
        return
    if is_upper(sig.name.display):
        yield Issue(ctx.where.para(sig.name), T("Họ tên người ký viết in hoa toàn bộ"),
                    quoted(sig.name.display), T("in thường, viết hoa chữ đầu mỗi tiếng"))
    yield from fmt_issues(ctx, sig.name, T("họ tên người ký"), bold=True,
                          italic=False, sz=(26, 28), centered=True)


def r33_academic_title(ctx: Context) -> Iterator[Issue]:
    sig = _signature(ctx)
    if sig is not None and sig.name is not None and ACADEMIC.match(sig.name.display):
        yield Issue(ctx.where.para(sig.name), T("Có học hàm, học vị trước họ tên người ký"),
                    quoted(sig.name.display), T("chỉ họ và tên"))


def _noi_nhan(sig: Signature) -> tuple[Paragraph | None, list[Paragraph]]:
    lines = [p for p in sig.left if not p.empty]
    if lines and DRAFTER_RE.match(lines[-1].display):
        lines = lines[:-1]  # ô 12: ký hiệu người soạn thảo, số lượng bản
    return (lines[0], lines[1:]) if lines else (None, [])


def r34_noi_nhan_label(ctx: Context) -> Iterator[Issue]:
    sig = _signature(ctx)
    if sig is None:
        return
    label, _ = _noi_nhan(sig)
    if label is None or squash(label.display) != "Nơi nhận:":
        yield Issue(ctx.where.para(label) if label else ctx.where.table(sig.table),
                    T("Không có dòng «Nơi nhận:» ở ô trái bảng chữ ký"),
                    quoted(label.display) if label else T("không có"),
                    N("«Nơi nhận:»"))
        return
    yield from fmt_issues(ctx, label, T("chữ «Nơi nhận:»"), bold=True,
                          italic=True, sz=(24, 24))
    if not label.props.left_aligned:
        yield Issue(ctx.where.para(label), T("«Nơi nhận:» chưa sát lề trái"), N(label.props.jc),
                    T("canh trái"))
    if sig.titles and label.container.row != sig.titles[0].container.row:
        yield Issue(ctx.where.para(label), T("«Nơi nhận:» không ngang hàng chức vụ người ký"),
                    T("khác hàng"), T("cùng hàng với dòng chức vụ đầu tiên"))


def _item_groups(items: list[Paragraph]) -> list[list[Paragraph]]:
    """Recipient items, an item wrapped onto further paragraphs kept as one item."""
    groups: list[list[Paragraph]] = []
    for para in items:
        text = para.display
        continues = (groups and not text.startswith(("-", "–", "+"))
                     and not groups[-1][-1].display.endswith((";", ".")))
        if continues:
            groups[-1].append(para)
        else:
            groups.append([para])
    return groups


def _luu_size_paragraph(para: Paragraph) -> Paragraph:
    """The filing line without its drafter initials in a smaller size («NC.Châu»), a common
    local addition (nd30-format.md §3.9, ô 12)."""
    seen_comma = False
    keep = []
    for run in para.runs:
        if seen_comma and run.text.strip() and run.props.sz < 22:
            continue
        keep.append(run)
        seen_comma = seen_comma or "," in run.text
    return replace(para, runs=keep) if len(keep) != len(para.runs) else para


def _unit_code(ctx: Context) -> str:
    """The drafting unit's abbreviation, read from a công văn's Số (``UBND-NC`` → ``NC``)."""
    header = ctx.layout.header
    so = header.so.display if header is not None and header.so is not None else ""
    groups = so.split("/", 1)[1].split("-") if "/" in so else []
    if ctx.kind == "cong-van" and len(groups) >= 2 and groups[-1].strip():
        return groups[-1].strip()
    return "…"


def _wanted_luu(ctx: Context, text: str) -> Text:
    if LUU_RE.match(text + "."):
        return quoted(text + ".")
    return N(f"«- Lưu: VT, {_unit_code(ctx)}.»")


def r35_noi_nhan_items(ctx: Context) -> Iterator[Issue]:
    sig = _signature(ctx)
    if sig is None:
        return
    label, items = _noi_nhan(sig)
    if label is None:
        return
    if not items:
        yield Issue(ctx.where.para(label), T("Nơi nhận không có danh sách"), T("không có"),
                    N("«- …;» … «- Lưu: VT, ….»"))
    groups = _item_groups(items)
    for i, group in enumerate(groups):
        last = i == len(groups) - 1
        for para in group:
            sized = _luu_size_paragraph(para) if last else para
            yield from fmt_issues(ctx, sized, T("danh sách nơi nhận"),
                                  bold=False, italic=False, sz=(22, 22))
        text = squash(" ".join(p.display for p in group))
        if last and not LUU_RE.match(text):
            yield Issue(ctx.where.para(group[0]), T("Dòng cuối nơi nhận không đúng dạng «- Lưu: "
                                                    "VT, …»"),
                        quoted(text), _wanted_luu(ctx, text))
        elif not last and not (text.startswith("- ") and text.endswith(";")):
            yield Issue(ctx.where.para(group[0]), T("Dòng nơi nhận sai dạng"), quoted(text),
                        N("«- …;»"))


def r36_nhu_tren(ctx: Context) -> Iterator[Issue]:
    sig = _signature(ctx)
    if sig is None or not (ctx.kind == "cong-van" or ctx.layout.kinh_gui):
        return
    _, items = _noi_nhan(sig)
    if items and squash(items[0].display) != "- Như trên;":
        yield Issue(ctx.where.para(items[0]), T("Nơi nhận chưa bắt đầu bằng «- Như trên;»"),
                    quoted(items[0].display), N("«- Như trên;»"))


def _effective_borders(ctx: Context, table: Table) -> list[str]:
    """Visible cell edges: a cell's own ``tcBorders`` side wins over the table's
    ``tblBorders`` (outer side or insideH/insideV), which wins over the style."""
    sides = {**ctx.doc.styles.table_borders(table.style), **table.borders}
    visible: set[str] = set()
    last_row = len(table.rows) - 1
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            edges = {"top": "top" if r == 0 else "insideH",
                     "bottom": "bottom" if r == last_row else "insideH",
                     "left": "left" if c == 0 else "insideV",
                     "right": "right" if c == len(row) - 1 else "insideV"}
            for edge, table_side in edges.items():
                own = cell.borders.get(edge) or cell.borders.get(
                    {"left": "start", "right": "end"}.get(edge, ""))
                border = own if own is not None else (
                    sides.get(table_side) or sides.get(
                        {"left": "start", "right": "end"}.get(table_side, "")))
                if border is not None and border.visible:
                    visible.add(table_side if own is None else edge)
    return sorted(visible)


def r38_borders(ctx: Context) -> Iterator[Issue]:
    for table in (ctx.layout.header.table if ctx.layout.header else None, ctx.layout.signature):
        if table is None:
            continue
        visible = _effective_borders(ctx, table)
        if visible:
            yield Issue(ctx.where.table(table), T("Bảng tiêu đề/chữ ký có đường viền"),
                        N(", ".join(visible)), T("không viền"))
