"""THE rule table: one row per Decree 30 rule, the only place severities are set.

Each row: id, severity, lighter severity for the cases the decree itself
tolerates (a check marks those issues ``relaxed``), the clause of NĐ 30 it
comes from, a short description, the document kinds it applies to (None =
all), and the check function.  To add or retune a rule, edit its row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lsdocs.check.checks import (
    appendix,
    body,
    fonts,
    header,
    marks,
    number_glyphs,
    overflow,
    page,
    signature,
    title,
)
from lsdocs.check.context import Context
from lsdocs.check.findings import Issue
from lsdocs.check.layout import KINDS
from lsdocs.errors import SEVERITY_ERROR as E
from lsdocs.errors import SEVERITY_WARNING as W
from lsdocs.errors import T, Text

Check = Callable[[Context], Iterable[Issue]]

ALL = None
MAIN = frozenset(KINDS) - {"phu-luc"}
NAMED = frozenset(KINDS) - {"cong-van", "phu-luc"}
CONG_VAN = frozenset({"cong-van"})
QUYET_DINH = frozenset({"quyet-dinh"})
PRACTICE = T("thực tiễn soạn thảo (nd30-format.md, ngoài NĐ 30)")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    relaxed: str | None
    clause: Text
    title: Text
    kinds: frozenset[str] | None
    check: Check

    def applies_to(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds


def _pl1(section: str | Text) -> Text:
    """A clause of NĐ 30, Phụ lục I, Phần I (point đ is «dd» in the decree's English)."""
    if isinstance(section, str):
        section = Text(section, re.sub(r"\.đ\b", ".dd", section))
    return T("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục {section}", section=section)


RULES: tuple[Rule, ...] = (
    Rule("R01", E, None, _pl1("I.1"), T("khổ giấy A4"), ALL, page.r01_page_size),
    Rule("R02", W, None, _pl1("I.2"), T("trang ngang chỉ khi có bảng"), ALL, page.r02_landscape),
    Rule("R03", E, None, _pl1("I.3"), T("lề trên 20–25 mm"), ALL,
         page.r03_top),
    Rule("R04", E, W, _pl1("I.3"), T("lề dưới 20–25 mm"), ALL,
         page.r04_bottom),
    Rule("R05", E, None, _pl1("I.3"), T("lề trái 30–35 mm"), ALL,
         page.r05_left),
    Rule("R06", E, W, _pl1("I.3"), T("lề phải 15–20 mm"), ALL,
         page.r06_right),
    Rule("R07", E, None, _pl1("I.4"), T("phông Times New Roman"), ALL,
         fonts.r07_font),
    Rule("R08", E, None, _pl1("I.4"), T("chữ màu đen"), ALL, fonts.r08_colour),
    Rule("R09", E, None, _pl1("I.4 (TCVN 6909:2001)"), T("Unicode dựng sẵn"), ALL,
         fonts.r09_unicode),
    Rule("R10", E, W, _pl1("II.1.a"), T("Quốc hiệu"), MAIN, header.r10_quoc_hieu),
    Rule("R11", E, None, _pl1("II.1.b, c"), T("Tiêu ngữ"), MAIN,
         header.r11_tieu_ngu),
    Rule("R12", E, None, _pl1("II.1.b"), T("đường kẻ dưới Tiêu ngữ"),
         MAIN, header.r12_tieu_ngu_rule),
    Rule("R13", E, None, _pl1("II.2.b"), T("tên cơ quan ban hành"), MAIN,
         header.r13_agency),
    Rule("R14", W, None, _pl1("II.2.b"), T("đường kẻ dưới tên cơ quan"), MAIN,
         header.r14_agency_rule),
    Rule("R15", E, None, _pl1("II.3.b, c"), T("số, ký hiệu"), MAIN,
         header.r15_so),
    Rule("R16", E, None, _pl1("II.3.c"), T("số 0 trước số < 10"), MAIN,
         header.r16_leading_zero),
    Rule("R17", E, None, T("NĐ 30/2020/NĐ-CP, Phụ lục III, Mục I; Phụ lục I, Phần I, Mục II.3.b"),
         T("chữ viết tắt tên loại khớp tên loại"), MAIN,
         header.r17_type_code),
    Rule("R18", E, W, _pl1("II.4"), T("địa danh, ngày tháng năm"), MAIN,
         header.r18_date),
    Rule("R19", W, None, _pl1("II.4.c"), T("số và ngày cùng một dòng"), MAIN, header.r19_same_line),
    Rule("R20", E, W, _pl1("II.5.b"), T("tên loại văn bản"), NAMED,
         title.r20_title),
    Rule("R21", E, W, _pl1("II.5.b"), T("trích yếu và đường kẻ"),
         NAMED, title.r21_trich_yeu),
    Rule("R22", E, None, _pl1(T("II.5.b (công văn)")), T("trích yếu công văn V/v"), CONG_VAN,
         title.r22_vv),
    Rule("R23", E, None, _pl1("II.9.b, d"), T("Kính gửi"), MAIN,
         title.r23_kinh_gui),
    Rule("R24", E, None, _pl1("II.6.e"), T("nội dung canh đều"), MAIN,
         body.r24_alignment),
    Rule("R25", E, None, _pl1("II.6.e"), T("thụt đầu dòng 1–1,27 cm"), MAIN, body.r25_indent),
    Rule("R26", E, None, _pl1("II.6.e"), T("cỡ chữ nội dung 13–14"), MAIN,
         body.r26_size),
    Rule("R27", E, None, _pl1("II.6.e"), T("giãn dòng 1–1,5"), MAIN,
         body.r27_line_spacing),
    Rule("R28", E, None, _pl1("II.6.e"), T("cách đoạn ≥ 6 pt"),
         MAIN, body.r28_paragraph_spacing),
    Rule("R29", W, None, _pl1("II.6.đ"), T("hình thức đề mục"), MAIN,
         body.r29_headings),
    Rule("R30", E, None, _pl1("II.6.a"), T("căn cứ ban hành"),
         QUYET_DINH, body.r30_can_cu),
    Rule("R31", W, None, T("NĐ 30/2020/NĐ-CP, Phụ lục III (mẫu trình bày)"),
         T("kết thúc bằng ./."), MAIN, body.r31_closing),
    Rule("R32", E, W, _pl1("II.7.đ"), T("khối chữ ký"), MAIN,
         signature.r32_signature),
    Rule("R33", W, None, _pl1("II.7.c"), T("không ghi học hàm, học vị"),
         MAIN, signature.r33_academic_title),
    Rule("R34", E, None, _pl1("II.9.d"), T("chữ «Nơi nhận:»"), MAIN,
         signature.r34_noi_nhan_label),
    Rule("R35", E, None, _pl1("II.9.d"), T("danh sách nơi nhận"), MAIN,
         signature.r35_noi_nhan_items),
    Rule("R36", W, None, _pl1("II.9.b"), T("«- Như trên;»"), MAIN,
         signature.r36_nhu_tren),
    Rule("R37", E, None, _pl1("I.7"), T("số trang ở đầu trang, không ở trang 1"), ALL,
         page.r37_page_numbers),
    Rule("R38", E, None, _pl1(T("IV (sơ đồ bố trí)")), T("bảng tiêu đề, chữ ký không viền"),
         MAIN, signature.r38_borders),
    Rule("R39", E, None, _pl1("III.1.b, c"), T("tiêu đề phụ lục"), ALL,
         appendix.r39_appendix_heading),
    Rule("R40", E, None, _pl1("III.1.đ"), T("phụ lục đánh số trang riêng"), ALL,
         page.r40_appendix_numbering),
    Rule("R41", E, None, _pl1("III.2.b"), T("dấu mức độ khẩn"), ALL,
         marks.r41_urgency),
    Rule("R42", W, None, _pl1("III.4"), T("địa chỉ cơ quan (ô 13)"),
         ALL, marks.r42_address),
    Rule("R43", W, None, PRACTICE, T("không còn theo dõi thay đổi"), ALL,
         fonts.r43_revisions),
    Rule("R44", W, None, T("nd30-format.md §7.2 (thực tiễn)"),
         T("số thứ tự gõ trực tiếp"), MAIN,
         body.r44_auto_numbering),
    Rule("R45", W, None, _pl1("III.1.c"), T("dòng Kèm theo khớp văn bản"), ALL,
         appendix.r45_reference_matches),
    Rule("R46", W, None, _pl1("I.4"), T("không tô nền chữ"), ALL,
         fonts.r46_highlight),
    Rule("R47", W, None, T("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.2 (trình bày theo khổ "
                           "giấy); thực tiễn"),
         T("không có trang trống, gần trống"), ALL,
         page.r47_blank_pages),
    Rule("R48", W, None, _pl1(T("I.2 (trình bày trên khổ giấy A4)")),
         T("nội dung không vượt ra ngoài mép giấy"), ALL,
         overflow.r48_overflow),
    Rule("R49", W, None, _pl1("I.4"), T("số thứ tự tự động hiện rõ, đúng phông chữ"), ALL,
         number_glyphs.r49_number_glyph),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}
