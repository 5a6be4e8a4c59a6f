"""Ways to break the known-good documents, one rule at a time.

Each case: (case id, base document, change, rule expected, severity, text the
location must contain, other rules the change may also trigger).
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

Change = Callable[[object], None]


@dataclass(frozen=True)
class Case:
    id: str
    base: str  # "plan" or "cong_van"
    change: Change
    rule: str
    severity: str
    where: str
    also: tuple[str, ...] = ()
    fixable: bool = False


def para(document: object, start: str) -> object:
    """The first body or table paragraph whose text starts with *start*."""
    for p in _all_paragraphs(document):
        if p.text.startswith(start):
            return p
    raise LookupError(start)


def _all_paragraphs(document: object) -> list[object]:
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def cell(document: object, table: int, col: int) -> object:
    return document.tables[table].rows[0].cells[col]


def set_text(p: object, text: str) -> None:
    runs = p.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def remove_border(p: object) -> None:
    ppr = p._p.pPr
    ppr.remove(ppr.find(qn("w:pBdr")))


def remove(p: object) -> None:
    p._p.getparent().remove(p._p)


def section(document: object, index: int) -> object:
    return document.sections[index]


def _set(attr: str, value: object, index: int = 0) -> Change:
    return lambda d: setattr(section(d, index), attr, value)


def _run_font(start: str, **props: object) -> Change:
    def change(d: object) -> None:
        run = para(d, start).runs[0]
        for name, value in props.items():
            setattr(run.font, name, value)
    return change


def _theme_font(d: object) -> None:
    rpr = para(d, "a) Nâng cao").runs[0]._r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:asciiTheme"), "majorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "majorHAnsi")
    rpr.insert(0, fonts)


def _nfd(d: object) -> None:
    p = para(d, "b) Bảo đảm")
    p.runs[0].text = unicodedata.normalize("NFD", p.runs[0].text)


def _text(start: str, new: str) -> Change:
    return lambda d: set_text(para(d, start), new)


def _replace(start: str, old: str, new: str) -> Change:
    return lambda d: set_text(para(d, start), para(d, start).text.replace(old, new))


def _align(start: str, align: object) -> Change:
    return lambda d: setattr(para(d, start).paragraph_format, "alignment", align)


def _fmt(start: str, attr: str, value: object) -> Change:
    return lambda d: setattr(para(d, start).paragraph_format, attr, value)


def _no_tieu_ngu_rule(d: object) -> None:
    remove_border(cell(d, 0, 1).paragraphs[2])


def _long_agency_rule(d: object) -> None:
    p = cell(d, 0, 0).paragraphs[2]
    p.paragraph_format.left_indent = 0
    p.paragraph_format.right_indent = 0


def _gap_before_date(d: object) -> None:
    date = cell(d, 0, 1).paragraphs[3]
    date._p.addprevious(OxmlElement("w:p"))


def _no_gap_signature(d: object) -> None:
    right = cell(d, 1, 1)
    for p in [p for p in right.paragraphs if not p.text][:3]:
        remove(p)


def _no_title_pg(d: object) -> None:
    section(d, 0).different_first_page_header_footer = False


def _page_in_footer(d: object) -> None:
    header_p = section(d, 0).header.paragraphs[0]
    footer = section(d, 0).footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0]._p.addnext(header_p._p)


def _bordered_header(d: object) -> None:
    d.tables[0].style = d.styles["Table Grid"]


def _no_restart(d: object) -> None:
    sect = section(d, 1)._sectPr
    sect.remove(sect.find(qn("w:pgNumType")))


def _urgency(d: object) -> None:
    p = cell(d, 0, 0).add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run("KHẨN")
    run.font.size, run.font.bold = Pt(13), True


def _address(d: object) -> None:
    footer = section(d, 0).first_page_footer
    footer.is_linked_to_previous = False
    run = footer.paragraphs[0].add_run("Địa chỉ: số 2 Hoàng Văn Thụ, thành phố Lạng Sơn")
    run.font.size = Pt(11)


def _tracked(d: object) -> None:
    run = para(d, "b) Bảo đảm").runs[0]._r
    ins = OxmlElement("w:ins")
    for name, value in (("w:id", "90"), ("w:author", "A"), ("w:date", "2024-01-01T00:00:00Z")):
        ins.set(qn(name), value)
    run.addprevious(ins)
    ins.append(run)


def _auto_number(d: object) -> None:
    para(d, "Các sở, ban").style = d.styles["List Number"]


def numbered(level_rpr: str = "", mark_rpr: str = "", fmt: str = "decimal",
             start: str = "Các sở, ban") -> Change:
    """The paragraph *start* numbered by Word (numbering level 0 of a new list whose
    ``w:lvl/w:rPr`` holds *level_rpr*; *mark_rpr* goes into the paragraph mark's rPr);
    no indentation comes with the level, so only the number's look changes."""

    def change(d: object) -> None:
        from docx.oxml import parse_xml

        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        root = d.part.numbering_part.element  # type: ignore[attr-defined]
        text = "" if fmt == "bullet" else "%1."
        abstract = parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text or chr(0xF0B7)}"/><w:lvlJc w:val="left"/>'
            f'<w:rPr>{level_rpr}</w:rPr></w:lvl></w:abstractNum>')
        first_num = root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            root.append(abstract)
        root.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/>'
                              '</w:num>'))
        ppr = para(d, start)._p.get_or_add_pPr()  # type: ignore[attr-defined]
        numpr = ppr.get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = 90
        if mark_rpr:
            ppr.append(parse_xml(f'<w:rPr {ns}>{mark_rpr}</w:rPr>'))

    return change


def _highlight(d: object) -> None:
    rpr = para(d, "b) Bảo đảm").runs[0]._r.get_or_add_rPr()
    mark = OxmlElement("w:highlight")
    mark.set(qn("w:val"), "yellow")
    rpr.append(mark)


def _no_landscape_table(d: object) -> None:
    table = d.tables[-1]._tbl
    table.getparent().remove(table)


def _quyet_dinh(d: object) -> None:
    set_text(para(d, "KẾ HOẠCH"), "QUYẾT ĐỊNH")
    set_text(para(d, "Số:"), "Số: 182/QĐ-UBND")
    first = para(d, "Thực hiện Nghị quyết")
    can_cu = first.insert_paragraph_before("Căn cứ Luật Tổ chức chính quyền địa phương;")
    can_cu.paragraph_format.first_line_indent = Mm(10)
    can_cu.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    can_cu.paragraph_format.space_before = Pt(6)
    can_cu.runs[0].font.size = Pt(14)


def _kinh_gui_items(d: object) -> None:
    set_text(para(d, "- Sở Tài chính."), "- Sở Tài chính;")


def _vv_size(d: object) -> None:
    for run in para(d, "V/v").runs:
        run.font.size = Pt(14)


def _red(d: object) -> None:
    para(d, "a) Nâng cao").runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)


def _blank_page(d: object) -> None:
    """Two page breaks in a row before a body paragraph: an empty page between them."""
    target = para(d, "Các sở, ban")
    for _ in range(2):
        breaker = d.add_paragraph()
        breaker.add_run().add_break(WD_BREAK.PAGE)
        target._p.addprevious(breaker._p)


def _wide_table(d: object) -> None:
    """The appendix table widened by 5 cm: its last column prints off the paper."""
    table = d.tables[-1]
    cols = table._tbl.tblGrid.findall(qn("w:gridCol"))
    wider = int(cols[-1].get(qn("w:w"))) + 2835
    cols[-1].set(qn("w:w"), str(wider))
    for row in table.rows:
        row.cells[-1].width = Twips(wider)


CASES: list[Case] = [
    Case("R01-letter-size", "plan", _set("page_width", Mm(216)), "R01", "error", "mục 1",
         fixable=True),
    Case("R02-landscape-without-table", "plan", _no_landscape_table, "R02", "warning",
         "mục 2 (trang ngang)"),
    Case("R03-top-15mm", "plan", _set("top_margin", Mm(15)), "R03", "error", "mục 1",
         fixable=True),
    Case("R04-bottom-30mm", "plan", _set("bottom_margin", Mm(30)), "R04", "error", "mục 1",
         fixable=True),
    Case("R05-left-25mm", "plan", _set("left_margin", Mm(25)), "R05", "error", "mục 1",
         fixable=True),
    Case("R06-right-25mm", "plan", _set("right_margin", Mm(25)), "R06", "error", "mục 1",
         fixable=True),
    Case("R07-arial", "plan", _run_font("Giao Sở", name="Arial"), "R07", "error",
         "«Giao Sở Khoa học", fixable=True),
    Case("R07-theme-font", "plan", _theme_font, "R07", "error", "«a) Nâng cao", fixable=True),
    Case("R08-red-text", "plan", _red, "R08", "error", "«a) Nâng cao", fixable=True),
    Case("R09-nfd", "plan", _nfd, "R09", "error", "«b) Bảo đảm", fixable=True),
    Case("R10-not-bold", "plan", _run_font("CỘNG HÒA", bold=False), "R10", "error",
         "bảng tiêu đề, ô phải, đoạn 1"),
    Case("R10-hoa-old-tone", "plan", _replace("CỘNG HÒA", "HÒA", "HOÀ"), "R10", "warning",
         "ô phải, đoạn 1", fixable=True),
    Case("R11-en-dash", "plan", _replace("Độc lập", " - ", " – "), "R11", "error",
         "ô phải, đoạn 2", fixable=True),
    Case("R12-no-rule", "plan", _no_tieu_ngu_rule, "R12", "error", "ô phải, đoạn 2"),
    Case("R13-name-not-bold", "plan", _run_font("TỈNH LẠNG SƠN", bold=False), "R13", "error",
         "ô trái, đoạn 2"),
    Case("R14-rule-too-long", "plan", _long_agency_rule, "R14", "warning", "ô trái, đoạn 3"),
    Case("R15-no-colon", "plan", _text("Số:", "Số 182/KH-UBND"), "R15", "error",
         "ô trái, đoạn 4"),
    Case("R16-no-leading-zero", "plan", _text("Số:", "Số: 5/KH-UBND"), "R16", "error",
         "ô trái, đoạn 4"),
    Case("R17-wrong-type-code", "plan", _text("Số:", "Số: 182/BC-UBND"), "R17", "error",
         "ô trái, đoạn 4"),
    Case("R18-day-not-padded", "plan", _replace("Lạng Sơn, ngày", "ngày 06", "ngày 6"), "R18",
         "error", "ô phải, đoạn 4"),
    Case("R19-date-not-level", "plan", _gap_before_date, "R19", "warning", "ô phải, đoạn 5"),
    Case("R20-title-not-bold", "plan", _run_font("KẾ HOẠCH", bold=False), "R20", "error",
         "đoạn 1 «KẾ HOẠCH»"),
    Case("R21-trich-yeu-caps", "plan", _run_font("Triển khai", all_caps=True), "R21",
         "warning", "đoạn 2"),
    Case("R21-trich-yeu-size", "plan", _run_font("Triển khai", size=Pt(12)), "R21", "error",
         "đoạn 2 «Triển khai"),
    Case("R22-vv-size", "cong_van", _vv_size, "R22", "error", "ô trái, đoạn 5"),
    Case("R23-last-item-semicolon", "cong_van", _kinh_gui_items, "R23", "error",
         "«- Sở Tài chính;»"),
    Case("R24-left-aligned", "plan", _align("Các sở, ban", WD_ALIGN_PARAGRAPH.LEFT), "R24",
         "error", "«Các sở, ban, ngành"),
    Case("R25-no-indent", "plan", _fmt("Các sở, ban", "first_line_indent", 0), "R25", "error",
         "«Các sở, ban, ngành"),
    Case("R26-size-12", "plan", _run_font("Các sở, ban", size=Pt(12)), "R26", "error",
         "«Các sở, ban, ngành"),
    Case("R27-double-spacing", "plan", _fmt("Các sở, ban", "line_spacing", 2.0), "R27",
         "error", "«Các sở, ban, ngành"),
    Case("R28-no-spacing", "plan", _fmt("Các sở, ban", "space_before", 0), "R28", "error",
         "«Các sở, ban, ngành"),
    Case("R29-point-sequence", "plan", _replace("b) Bảo đảm", "b)", "c)"), "R29", "warning",
         "«c) Bảo đảm"),
    Case("R30-can-cu-upright", "plan", _quyet_dinh, "R30", "error", "«Căn cứ Luật",
         also=("R45",)),
    Case("R31-no-closing-mark", "plan", _replace("Giao Sở", "./.", "."), "R31", "warning",
         "«Giao Sở Khoa học"),
    Case("R32-no-room-to-sign", "plan", _no_gap_signature, "R32", "error",
         "bảng chữ ký, ô phải"),
    Case("R33-academic-title", "plan", _text("Dương Xuân", "TS. Dương Xuân Huyên"), "R33",
         "warning", "«TS. Dương Xuân Huyên»"),
    Case("R34-label-upright", "plan", _run_font("Nơi nhận:", italic=False), "R34", "error",
         "bảng chữ ký, ô trái, đoạn 1"),
    Case("R35-last-item", "plan", _text("- Lưu:", "- Lưu VT, KGVX."), "R35", "error",
         "«- Lưu VT, KGVX.»"),
    Case("R36-no-nhu-tren", "cong_van", _text("- Như trên;", "- Bộ Nội vụ;"), "R36",
         "warning", "ô trái, đoạn 2"),
    Case("R37-number-on-page-1", "plan", _no_title_pg, "R37", "error", "đầu trang",
         fixable=True),
    Case("R37-number-in-footer", "plan", _page_in_footer, "R37", "error", "chân trang",
         fixable=True),
    Case("R38-bordered-header", "plan", _bordered_header, "R38", "error", "bảng tiêu đề"),
    Case("R39-label-not-bold", "plan", _run_font("Phụ lục", bold=False), "R39", "error",
         "mục 2 (trang ngang), đoạn"),
    Case("R40-no-restart", "plan", _no_restart, "R40", "error", "mục 2", fixable=True),
    Case("R41-urgency-no-box", "plan", _urgency, "R41", "error", "ô trái, đoạn 5"),
    Case("R42-address-no-rule", "plan", _address, "R42", "warning", "chân trang (trang đầu)"),
    Case("R43-tracked-change", "plan", _tracked, "R43", "warning", "«b) Bảo đảm"),
    Case("R44-auto-numbering", "plan", _auto_number, "R44", "warning", "«Các sở, ban",
         also=("R24", "R25", "R28")),
    Case("R45-reference-number", "plan", _replace("(Kèm theo", "182/", "183/"), "R45",
         "warning", "«(Kèm theo Kế hoạch số"),
    Case("R46-highlight", "plan", _highlight, "R46", "warning", "«b) Bảo đảm"),
    Case("R47-blank-page", "plan", _blank_page, "R47", "warning", "mục 1"),
    Case("R48-table-past-the-edge", "plan", _wide_table, "R48", "warning", "mục 2"),
    Case("R49-white-auto-number", "plan", numbered('<w:color w:val="FFFFFF"/>'), "R49",
         "warning", "«Các sở, ban"),
]


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def unreadable(good: bytes) -> dict[str, bytes]:
    return {
        "text-renamed": "Đây là tệp văn bản thường.\n".encode(),
        "truncated-zip": good[: len(good) // 2],
        "zip-without-document": _zip({"[Content_Types].xml": b"<Types/>", "a.txt": b"x"}),
        "ole2-encrypted": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
        "empty": b"",
        "broken-xml": _zip({"word/document.xml": b"<w:document><w:body>"}),
    }
