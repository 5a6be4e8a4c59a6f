"""R10–R19: Quốc hiệu, Tiêu ngữ and its rule, agency name and rule, Số, date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lsdocs.check.checks.measures import cm, fmt_issues, para_width, quoted, widths_known
from lsdocs.check.checks.typed import (
    DATE_RE,
    SO_RE,
    place_of,
    typed_header,
    typed_same_line,
    wanted_date,
)
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Paragraph
from lsdocs.check.findings import Issue, N
from lsdocs.check.header_table import HeaderBlock
from lsdocs.check.lines import HRule, container_width
from lsdocs.check.text_keys import (
    QUOC_HIEU,
    TIEU_NGU,
    TYPE_CODES,
    UNCODED_TYPES,
    is_upper,
    key,
    squash,
    type_name,
)
from lsdocs.errors import T, Text

#: the province or city an agency line names: «TỈNH LẠNG SƠN», «UBND THÀNH PHỐ HÀ NỘI»
PROVINCE_RE = re.compile(r"\b(?:TỈNH|THÀNH PHỐ|TP\.?)\s+(.+)$")
AGENCY_WORDS = ("SỞ ", "BAN ", "CHI CỤC", "TRUNG TÂM", "VĂN PHÒNG", "THANH TRA", "CỤC ",
                "PHÒNG ", "TRƯỜNG", "BỆNH VIỆN", "ĐÀI ", "HỘI ĐỒNG", "BỘ CHỈ HUY", "CÔNG AN")
KIND_TYPES = {"ke-hoach": "KẾ HOẠCH", "bao-cao": "BÁO CÁO", "quyet-dinh": "QUYẾT ĐỊNH",
              "to-trinh": "TỜ TRÌNH", "giay-moi": "GIẤY MỜI"}
NO_HEADER = T("đầu trang 1")


def _header(ctx: Context) -> HeaderBlock | None:
    return ctx.layout.header


def r10_quoc_hieu(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None and ctx.layout.header_paragraphs:
        yield from typed_header(ctx, "R10")
        return
    if header is None:
        yield Issue(NO_HEADER, T("Không tìm thấy bảng tiêu đề có Quốc hiệu"),
                    T("không có"), T("bảng không viền, ô phải có «{q}»", q=QUOC_HIEU))
        return
    qh = header.quoc_hieu
    if qh is None:
        yield Issue(ctx.where.table(header.table), T("Không tìm thấy Quốc hiệu"),
                    T("không có"), quoted(QUOC_HIEU))
        return
    if header.quoc_hieu_elsewhere:
        yield Issue(ctx.where.para(qh), T("Quốc hiệu không nằm ở ô phải của bảng tiêu đề"),
                    T("ô trái"), T("ô phải (ô số 1)"))
    text = qh.display
    if text != QUOC_HIEU:
        old_tone = text.replace("HOÀ", "HÒA") == QUOC_HIEU
        message = (T("Quốc hiệu viết «HOÀ» (dấu đặt kiểu cũ)") if old_tone else
                   T("Quốc hiệu viết sai"))
        yield Issue(ctx.where.para(qh), message, quoted(text), quoted(QUOC_HIEU), old_tone)
    yield from fmt_issues(ctx, qh, T("Quốc hiệu"), bold=True, italic=False,
                          sz=(24, 26), centered=True)
    yield from wraps(ctx, qh, T("Quốc hiệu"))


def wraps(ctx: Context, para: Paragraph, name: Text) -> Iterator[Issue]:
    """The line does not fit its cell or text area and wraps onto a second line (widths of
    Times New Roman from :mod:`lsdocs.fonts`; 2 % leeway for rounding)."""
    if para.line_of is not None or not widths_known(ctx, para):
        return
    room = container_width(ctx.doc, para) - para.props.ind_left - para.props.ind_right
    need = para_width(para)
    if room > 0 and need > room * 1.02:
        yield Issue(ctx.where.para(para), T("{name} không vừa một dòng, bị xuống dòng",
                                               name=name),
                    T("cần {a}, ô chỉ rộng {b}", a=cm(need), b=cm(room)),
                    T("một dòng: nới rộng ô hoặc giảm cỡ chữ (Quốc hiệu 12–13 pt)"))


def r11_tieu_ngu(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None:
        yield from typed_header(ctx, "R11")
    if header is None or header.quoc_hieu is None:
        return
    tn = header.tieu_ngu
    if tn is None:
        yield Issue(ctx.where.para(header.quoc_hieu), T("Không có Tiêu ngữ ngay dưới Quốc hiệu"),
                    T("không có"), quoted(TIEU_NGU))
        return
    if header.tieu_ngu_gap:
        yield Issue(ctx.where.para(tn), T("Có dòng trống giữa Quốc hiệu và Tiêu ngữ"),
                    T("dòng trống"), T("hai dòng liền nhau, cách dòng đơn"))
    if tn.display != TIEU_NGU:
        dash = key(tn.display) == key(TIEU_NGU)
        message = (T("Tiêu ngữ dùng sai dấu gạch nối hoặc khoảng trắng") if dash else
                   T("Tiêu ngữ viết sai"))
        yield Issue(ctx.where.para(tn), message, quoted(tn.display),
                    T("«{t}» (gạch nối «-» có cách chữ hai bên)", t=TIEU_NGU))
    yield from fmt_issues(ctx, tn, T("Tiêu ngữ"), bold=True, italic=False,
                          sz=(26, 28), centered=True)
    yield from wraps(ctx, tn, T("Tiêu ngữ"))


def _rule_issues(ctx: Context, rule: HRule, name: Text) -> Iterator[Issue]:
    if not rule.solid:
        yield Issue(ctx.where.para(rule.para), T("Đường kẻ dưới {name} không phải nét liền",
                                                    name=name),
                    N(rule.detail), T("nét liền"))


def r12_tieu_ngu_rule(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None or header.tieu_ngu is None:
        return
    tn, rule = header.tieu_ngu, header.tieu_ngu_rule
    if rule is None:
        underlined = any(r.props.underline for r in tn.text_runs)
        found = (T("gạch chân chữ (underline) thay cho đường kẻ") if underlined else T("không có"))
        yield Issue(ctx.where.para(tn), T("Không có đường kẻ dưới Tiêu ngữ"), found,
                    T("đường kẻ ngang nét liền, dài bằng dòng Tiêu ngữ"))
        return
    target = para_width(tn)
    if target and widths_known(ctx, rule.para) and not 0.85 <= rule.width / target <= 1.15:
        yield Issue(ctx.where.para(rule.para), T("Đường kẻ dưới Tiêu ngữ không dài bằng dòng chữ"),
                    N(cm(rule.width)), T("≈ {w} (±15 %)", w=cm(target)))
    yield from _rule_issues(ctx, rule, T("Tiêu ngữ"))


def _parent_line(lines: list[str]) -> bool:
    return len(lines) >= 2 and (lines[0].startswith("UBND ") or any(
        lines[1].startswith(word) for word in AGENCY_WORDS))


def r13_agency(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None:
        return
    names = header.agency
    if not names:
        where = ctx.where.table(header.table)
        yield Issue(where, T("Không tìm thấy tên cơ quan ban hành"), T("không có"),
                    T("tên cơ quan in hoa, đậm ở ô trái"))
        return
    lines = [key(p.display) for p in names]
    parent = _parent_line(lines)
    for i, para in enumerate(names):
        if not is_upper(para.display):
            yield Issue(ctx.where.para(para), T("Tên cơ quan chưa in hoa"), quoted(para.display),
                        T("chữ in hoa"))
        is_parent = parent and i == 0
        name = (T("tên cơ quan chủ quản") if is_parent else
                T("tên cơ quan ban hành"))
        yield from fmt_issues(ctx, para, name, bold=not is_parent, italic=False, sz=(24, 26),
                              centered=True)
    if header.agency_rule is None:
        yield Issue(ctx.where.para(names[-1]), T("Không có đường kẻ dưới tên cơ quan"),
                    T("không có"), T("đường kẻ nét liền dài 1/3–1/2 dòng chữ"))
    for para in header.agency_after_rule:
        yield Issue(ctx.where.para(para), T("Đường kẻ nằm giữa các dòng tên cơ quan (phải ở dưới "
                                            "dòng cuối)"),
                    T("dòng tên cơ quan dưới đường kẻ"),
                    T("đường kẻ dưới dòng tên cơ quan cuối cùng"))


def r14_agency_rule(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None or not header.agency:
        return
    rule = header.agency_rule
    if rule is None:  # reported as an error by R13
        return
    bold_lines = [p for p in header.agency if any(r.props.bold for r in p.text_runs)]
    longest = max(para_width(p) for p in (bold_lines or header.agency))
    if longest and widths_known(ctx, rule.para) and not 0.28 <= rule.width / longest <= 0.55:
        yield Issue(ctx.where.para(rule.para), T("Độ dài đường kẻ dưới tên cơ quan không đúng"),
                    N(cm(rule.width)), T("1/3–1/2 dòng chữ ({a}–{b})",  a=cm(longest / 3),
                                         b=cm(longest / 2)))
    yield from _rule_issues(ctx, rule, T("tên cơ quan"))


def r15_so(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None:
        yield from typed_header(ctx, "R15")
    if header is None:
        return
    so = header.so
    if so is None:
        yield Issue(ctx.where.table(header.table), T("Không có dòng số, ký hiệu"),
                    T("không có"), N("«Số: 182/KH-UBND»"))
        return
    if not SO_RE.match(so.display):
        yield Issue(ctx.where.para(so), T("Số, ký hiệu không đúng dạng"), quoted(so.display),
                    T("«Số: <số>/<ký hiệu>», ví dụ «Số: 182/KH-UBND», không có khoảng trắng "
                      "trong ký hiệu"))
    yield from fmt_issues(ctx, so, T("dòng Số, ký hiệu"), bold=False,
                          italic=False, sz=(26, 26), centered=True)


def r16_leading_zero(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None or header.so is None:
        return
    match = re.match(r"^Số:\s*(\d+)/", header.so.display)
    if not match:
        return
    number = match.group(1)
    value = int(number)
    if value < 10 and len(number) < 2:
        yield Issue(ctx.where.para(header.so), T("Số nhỏ hơn 10 thiếu số 0 đứng trước"),
                    N(number), N(f"0{number}"))
    elif len(number) > max(2, len(str(value))):
        wanted = f"{value:02d}"
        yield Issue(ctx.where.para(header.so), T("Số có thừa số 0 đứng trước (chỉ thêm một số 0 "
                                                 "khi số nhỏ hơn 10)"),
                    N(number), N(wanted))


def expected_type(ctx: Context) -> str | None:
    if ctx.layout.title is not None:
        return type_name(ctx.layout.title.display)
    return KIND_TYPES.get(ctx.kind)


def r17_type_code(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None or header.so is None or "/" not in header.so.display:
        return
    code = header.so.display.split("/", 1)[1].split("-")[0].strip()
    if ctx.kind == "cong-van":
        if code in TYPE_CODES.values() or code.upper() == "CV":
            yield Issue(ctx.where.para(header.so), T("Ký hiệu công văn không có chữ viết tắt tên "
                                                     "loại"), N(code),
                        T("«<cơ quan>-<đơn vị soạn thảo>», ví dụ «UBND-KGVX»"))
        return
    wanted_type = expected_type(ctx)
    if wanted_type in UNCODED_TYPES or (ctx.layout.title is not None and wanted_type is None):
        return  # no abbreviation to compare with (an unknown title is reported by R20)
    wanted = TYPE_CODES.get(wanted_type or "")
    if code not in TYPE_CODES.values():
        yield Issue(ctx.where.para(header.so), T("Ký hiệu không bắt đầu bằng chữ viết tắt tên "
                                                 "loại văn bản"), N(code),
                    N(wanted or "KH, BC, QĐ, TTr, GM …"))
    elif wanted and code != wanted:
        yield Issue(ctx.where.para(header.so), T("Chữ viết tắt tên loại không khớp tên loại "
                                                 "văn bản"),
                    N(code), T("{c} ({t})", c=wanted, t=wanted_type))


def agency_province(header: HeaderBlock) -> str | None:
    """The province (or centrally run city) the agency lines name, as written (upper case)."""
    for para in header.agency + header.agency_after_rule:
        match = PROVINCE_RE.search(key(para.display))
        if match:
            return match.group(1).strip()
    return None


def r18_date(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None:
        yield from typed_header(ctx, "R18")
    if header is None:
        return
    date = header.date
    if date is None:
        yield Issue(ctx.where.table(header.table), T("Không có dòng địa danh, ngày tháng năm"),
                    T("không có"), T("«<Địa danh>, ngày … tháng … năm …»"))
        return
    text = squash(date.display)
    match = DATE_RE.match(text)
    place = match.group("place") if match else place_of(text)
    province = agency_province(header)
    if not match:
        yield Issue(ctx.where.para(date), T("Địa danh, ngày tháng năm không đúng dạng"),
                    quoted(text),
                    wanted_date(place))
    elif province is not None and province not in key(place) and key(place) not in province:
        yield Issue(ctx.where.para(date), T("Địa danh không khớp tỉnh, thành phố của cơ quan "
                                            "ban hành"), quoted(place),
                    T("địa danh nơi cơ quan đóng trụ sở ({p})", p=province))
    yield from fmt_issues(ctx, date, T("dòng địa danh, ngày tháng"), bold=False,
                          italic=True, sz=(26, 28), centered=True)


def _lines_above(ctx: Context, para: Paragraph, column: list[Paragraph]) -> int:
    """Estimated printed lines above *para* in its cell: a paragraph too wide for the cell
    wraps (Times New Roman widths, 2 % leeway)."""
    total = 0
    for other in column:
        if other is para:
            break
        if other.container.row != para.container.row:
            continue
        room = container_width(ctx.doc, other) - other.props.ind_left - other.props.ind_right
        need = para_width(other) if not other.empty else 0
        total += max(1, -(-int(need) // int(room * 1.02))) if room > 0 else 1
    return total


def r19_same_line(ctx: Context) -> Iterator[Issue]:
    header = _header(ctx)
    if header is None and ctx.layout.header_paragraphs:
        yield from typed_same_line(ctx)
        return
    if header is None or header.so is None or header.date is None:
        return
    so, date = header.so.container, header.date.container

    def line_no(para: Paragraph, column: list[Paragraph]) -> int:  # visual line in its cell
        row = para.container.row
        return [p for p in column if p.container.row == row].index(para)

    same_para = (so.row, header.so.number) == (date.row, header.date.number)
    same_line = (so.row, line_no(header.so, header.left)) == (
        date.row, line_no(header.date, header.right))
    wrapped = _lines_above(ctx, header.so, header.left) - _lines_above(
        ctx, header.date, header.right)
    if same_para and wrapped and so.row == date.row:
        yield Issue(ctx.where.para(header.so), T("Số, ký hiệu và ngày tháng không cùng một dòng: "
                                                 "một dòng phía trên bị xuống dòng"),
                    T("Số thấp hơn {n} dòng", n=wrapped) if wrapped > 0
                    else T("ngày thấp hơn {n} dòng", n=-wrapped),
                    T("cùng một dòng (tên dài chia thành các đoạn ở cả hai ô cho cân)"))
        return
    if not (same_para or same_line):
        yield Issue(ctx.where.para(header.date), T("Số, ký hiệu và ngày tháng không cùng một dòng"),
                    T("Số: hàng {a}, đoạn {b}; ngày: hàng {c}, đoạn {d}", a=so.row + 1,
                      b=header.so.number, c=date.row + 1, d=header.date.number),
                    T("cùng hàng, cùng thứ tự đoạn trong ô"))
