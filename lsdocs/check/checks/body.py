"""R24–R31, R44: body text alignment, indent, size, spacing, headings, endings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lsdocs.check.checks.measures import (
    align_label,
    all_bold,
    all_italic,
    body_runs,
    pt,
    quoted,
    sizes,
    sizes_text,
)
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Paragraph, Table
from lsdocs.check.findings import Issue, N
from lsdocs.check.text_keys import (
    DIEM_HEADING,
    DIEU_HEADING,
    KHOAN_HEADING,
    LETTER_PART,
    PART_HEADING,
    ROMAN_HEADING,
    VN_POINT_LETTERS,
    is_upper,
)
from lsdocs.errors import T

INDENTS = (567, 720)
CAN_CU = re.compile(r"^(Căn cứ|Theo đề nghị|Xét đề nghị)\b")


def title_only(text: str) -> bool:
    """A khoản line that is only a title ("1. Mục đích"), not a sentence."""
    return len(text.split()) <= 15 and not text.rstrip().endswith((".", ";", ","))


def heading_kind(para: Paragraph) -> str | None:
    """The heading form of a body paragraph, or None for running text."""
    text = para.display
    if PART_HEADING.match(text):
        return "part"
    if ROMAN_HEADING.match(text):
        return "roman"
    if LETTER_PART.match(text) and is_upper(text):
        return "letter"
    if DIEU_HEADING.match(text):
        return "dieu"
    if KHOAN_HEADING.match(text) and title_only(text):
        return "khoan"
    if is_upper(text) and all_bold(para):
        return "caps"
    return None


UNIT_LINE = re.compile(r"^\(?\s*Đơn vị( tính)?\s*:", re.IGNORECASE)


def _unit_line(ctx: Context, para: Paragraph) -> bool:
    """«Đơn vị tính: …» over a data table: a table caption, not running text."""
    if not UNIT_LINE.match(para.display):
        return False
    blocks = ctx.doc.blocks
    index = next((i for i, b in enumerate(blocks) if b is para), -1)
    following = next((b for b in blocks[index + 1:] if not (isinstance(b, Paragraph)
                                                             and b.empty)), None)
    return para.props.jc in ("right", "end") or isinstance(following, Table)


def heading_kinds(ctx: Context) -> dict[int, str | None]:
    """:func:`heading_kind` of every body paragraph, by ``id``, worked out once per document
    (R24–R26, R28 and R29 ask)."""
    found: dict[int, str | None] | None = ctx.memo.get("heading_kinds")
    if found is None:
        found = ctx.memo["heading_kinds"] = {id(p): heading_kind(p) for p in ctx.layout.body}
    return found


def _text_paragraphs(ctx: Context) -> list[Paragraph]:
    """Running-text paragraphs of the body (found once per document: R24, R25 and R26 ask)."""
    found = ctx.memo.get("text_paragraphs")
    if found is None:
        kinds = heading_kinds(ctx)
        found = [p for p in ctx.layout.body if kinds[id(p)] is None and not _unit_line(ctx, p)]
        ctx.memo["text_paragraphs"] = found
    return list(found)


def r24_alignment(ctx: Context) -> Iterator[Issue]:
    for para in _text_paragraphs(ctx):
        if not para.props.justified:
            yield Issue(ctx.where.para(para), T("Đoạn văn chưa canh đều hai lề"),
                        align_label(para), T("canh đều hai lề"))


def r25_indent(ctx: Context) -> Iterator[Issue]:
    for para in _text_paragraphs(ctx):
        first = para.props.first_line
        if not any(abs(first - v) <= 20 for v in INDENTS):
            found = f"{first / 567:.2f}".replace(".", ",") + " cm"
            yield Issue(ctx.where.para(para), T("Thụt lề dòng đầu không đúng"),
                        N(f"{found} ({first} tw)"), T("1 cm hoặc 1,27 cm"))


def _common_size(paras: list[Paragraph]) -> int | None:
    counts: Counter[int] = Counter()
    for para in paras:
        for run in body_runs(para):
            counts[run.props.sz] += len(run.text.strip())
    return counts.most_common(1)[0][0] if counts else None


def preamble(ctx: Context) -> list[Paragraph]:
    """The căn cứ block: the italic paragraphs that open the body (after an issuing-authority
    line in capitals), in a quyết định or when one of them starts «Căn cứ»/«Theo đề nghị»."""
    lines: list[Paragraph] = []
    for para in ctx.layout.body:
        if not lines and is_upper(para.display) and all_bold(para):
            continue  # the issuing authority («GIÁM ĐỐC SỞ NỘI VỤ»)
        if not (all_italic(para) or CAN_CU.match(para.display)) or DIEU_HEADING.match(
                para.display):
            break
        lines.append(para)
    if ctx.kind == "quyet-dinh" or any(CAN_CU.match(p.display) for p in lines):
        return lines
    return []


def r26_size(ctx: Context) -> Iterator[Issue]:
    texts = _text_paragraphs(ctx)
    common = _common_size(texts)
    can_cu = {id(p) for p in preamble(ctx)}
    text_ids = {id(p) for p in texts}
    for para in ctx.layout.body:
        found = sizes(para)
        if id(para) in text_ids and all_italic(para) and id(para) not in can_cu \
                and not CAN_CU.match(para.display):
            yield Issue(ctx.where.para(para), T("Đoạn nội dung in nghiêng (nội dung là chữ đứng)"),
                        T("chữ nghiêng"),
                        T("chữ đứng"))
        if any(not 26 <= v <= 28 for v in found):
            yield Issue(ctx.where.para(para), T("Cỡ chữ nội dung không đúng"), sizes_text(found),
                        N("13–14 pt"))
        elif id(para) in text_ids and common is not None and any(v != common for v in found):
            yield Issue(ctx.where.para(para), T("Cỡ chữ nội dung không thống nhất"),
                        sizes_text(found), N(f"{pt(common)} (như phần lớn nội dung)"))


def r27_line_spacing(ctx: Context) -> Iterator[Issue]:
    for para in ctx.layout.body:
        line, rule = para.props.line, para.props.line_rule
        ok = 240 <= line <= 360 if rule == "auto" else 300 <= line <= 420
        if not ok:
            found = (T("{n} dòng", n=f"{line / 240:.2f}".replace(".", ",")) if rule == "auto"
                     else N(f"{rule} {line / 20:g} pt"))
            yield Issue(ctx.where.para(para), T("Giãn dòng ngoài khoảng cho phép"), found,
                        T("từ 1 dòng đến 1,5 dòng"))


def _space(para: Paragraph, side: str, other: Paragraph) -> int:
    props = para.props
    if props.contextual and props.style_id == other.props.style_id:
        return 0
    if side == "after":
        return 280 if props.after_auto else props.after
    return 280 if props.before_auto else props.before


def r28_paragraph_spacing(ctx: Context) -> Iterator[Issue]:
    kinds = heading_kinds(ctx)
    previous: Paragraph | None = None
    for block in ctx.doc.blocks:
        current = block if isinstance(block, Paragraph) and id(block) in kinds else None
        if current is not None and previous is not None and not (
                kinds[id(previous)] == "part" and current.props.centered
                and previous.props.centered and is_upper(current.display)):
            gap = _space(previous, "after", current) + _space(current, "before", previous)
            if gap < 117:
                yield Issue(ctx.where.para(current), T("Khoảng cách giữa các đoạn dưới 6 pt"),
                            N(f"{gap / 20:g} pt"), N("≥ 6 pt"))
        previous = current


def r29_headings(ctx: Context) -> Iterator[Issue]:
    letter = 0
    kinds = heading_kinds(ctx)
    for para in ctx.layout.body:
        kind, text = kinds[id(para)], para.display
        if kind == "roman" and not (is_upper(text) and all_bold(para)):
            yield Issue(ctx.where.para(para), T("Đề mục «I.» phải in hoa, đậm"), quoted(text[:40]),
                        T("in hoa, đậm"))
        if kind == "khoan" and not all_bold(para):
            yield Issue(ctx.where.para(para), T("Khoản có tiêu đề chưa in đậm"), quoted(text[:40]),
                        T("đậm"))
        if kind in ("part", "roman", "letter", "dieu", "khoan") or KHOAN_HEADING.match(text):
            letter = 0
        match = DIEM_HEADING.match(text)
        if match:
            yield from _diem(ctx, para, match.group(1), letter)
            found = VN_POINT_LETTERS.find(match.group(1))
            letter = (found if found >= 0 else letter) + 1


def _diem(ctx: Context, para: Paragraph, found: str, index: int) -> Iterator[Issue]:
    if all_bold(para):
        yield Issue(ctx.where.para(para), T("Điểm «a)» không in đậm"), T("đậm"),
                    T("chữ thường, đứng"))
    wanted = VN_POINT_LETTERS[index] if index < len(VN_POINT_LETTERS) else None
    if wanted and found != wanted:
        yield Issue(ctx.where.para(para), T("Thứ tự điểm không theo bảng chữ cái tiếng Việt"),
                    N(f"{found})"), N(f"{wanted})"))


def r30_can_cu(ctx: Context) -> Iterator[Issue]:
    lines = preamble(ctx)
    known = {id(p) for p in lines}
    lines += [p for p in ctx.layout.body if CAN_CU.match(p.display) and id(p) not in known]
    yield from _authority_line(ctx)
    missing = [p for p in lines if not CAN_CU.match(p.display)]
    if missing:
        yield Issue(ctx.where.para(missing[0]), T("Dòng căn cứ không bắt đầu bằng chữ «Căn cứ»"),
                    quoted(" ".join(missing[0].display.split()[:5]) + " …"),
                    T("«Căn cứ …;» ở đầu mỗi dòng căn cứ ({n} dòng thiếu)", n=len(missing)))
    for i, para in enumerate(lines):
        if not all_italic(para):
            yield Issue(ctx.where.para(para), T("Dòng căn cứ chưa in nghiêng"), T("chữ đứng"),
                        T("chữ nghiêng"))
        end = "." if i == len(lines) - 1 else ";"
        if not para.display.endswith(end):
            yield Issue(ctx.where.para(para), T("Dấu cuối dòng căn cứ không đúng"),
                        quoted(para.display[-12:]), N(f"«{end}»"))


def _authority_line(ctx: Context) -> Iterator[Issue]:
    """A quyết định names its issuing authority in capitals above the căn cứ (Mẫu 1.2)."""
    body = ctx.layout.body
    if ctx.kind != "quyet-dinh" or not body or not preamble(ctx):
        return
    first = body[0]
    if not is_upper(first.display):
        yield Issue(ctx.where.para(first), T("Quyết định thiếu dòng thẩm quyền ban hành trước "
                                             "các căn cứ"),
                    T("không có"), T("tên thẩm quyền in hoa, đậm, canh giữa, ví dụ «GIÁM "
                                             "ĐỐC SỞ NỘI VỤ»"))


def r31_closing(ctx: Context) -> Iterator[Issue]:
    if not ctx.layout.body:
        return
    last = ctx.layout.body[-1]
    if not last.display.endswith("./."):
        yield Issue(ctx.where.para(last), T("Đoạn cuối nội dung không kết thúc bằng «./.»"),
                    quoted(last.display[-12:]), N("«./.»"))


def r44_auto_numbering(ctx: Context) -> Iterator[Issue]:
    for para in ctx.layout.body:
        if para.props.num is not None and para.props.num[0] != "0":
            yield Issue(ctx.where.para(para), T("Đoạn dùng đánh số tự động của Word"),
                        T("đánh số tự động"),
                        T("gõ số thứ tự trực tiếp (I., 1., a)) để kiểm tra được"))

