"""Build known-good Decree 30 documents for the checker's tests (python-docx + lxml).

Everything follows nd30-format.md: A4, margins 20/20/30/15 mm, Times New Roman
in docDefaults and Normal (theme attributes removed), a borderless two-cell
header table, title and trích yếu with a rule, justified body paragraphs,
a borderless signature table, page numbers in the default header with an
empty first-page header, and a landscape appendix that restarts numbering.
"""

from __future__ import annotations

import contextlib
import copy
import io
from collections.abc import Iterator
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from lsdocs.fonts import text_width

TNR = "Times New Roman"
CENTER, BOTH, LEFT = "center", "both", "left"
TEXT_WIDTH = 11906 - 1701 - 850
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
DATE = "Lạng Sơn, ngày 06 tháng 9 năm 2023"
TRICH_YEU = "Triển khai chuyển đổi số trên địa bàn tỉnh Lạng Sơn năm 2024"

BODY = [
    ("Thực hiện Nghị quyết số 05-NQ/TU ngày 12/3/2021 của Ban Chấp hành Đảng bộ tỉnh; "
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:", False),
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("1. Mục đích", True),
    ("a) Nâng cao hiệu quả quản lý nhà nước, chất lượng phục vụ người dân và doanh nghiệp "
     "trên môi trường số.", False),
    ("b) Bảo đảm các nhiệm vụ được triển khai đồng bộ, thống nhất từ tỉnh đến cơ sở.", False),
    ("2. Yêu cầu", True),
    ("Các sở, ban, ngành và Ủy ban nhân dân các xã, phường xác định rõ nhiệm vụ, thời hạn "
     "hoàn thành và cơ quan chủ trì (Chi tiết tại Phụ lục kèm theo).", False),
    ("II. TỔ CHỨC THỰC HIỆN", True),
]
CLOSING = ("Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc, tổng hợp kết quả thực hiện, "
           "báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm./.")
NOI_NHAN = ["- Bộ Khoa học và Công nghệ;", "- Thường trực Tỉnh ủy;",
            "- Chủ tịch, các PCT UBND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, KGVX."]
SIGNER = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def set_fonts(rpr: object) -> None:
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), TNR)


def prepare_styles(document: docx.document.Document) -> None:
    styles = document.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), "28")
    normal = document.styles["Normal"]
    normal.font.name = TNR
    normal.font.size = Pt(14)
    set_fonts(normal.element.get_or_add_rPr())


def page_setup(section: object, landscape: bool = False) -> None:
    long, short = Mm(297), Mm(210)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def fmt(para: Paragraph, align: str, *, before: int = 0, after: int = 0, line: int = 240,
        first: int | None = None, left: int | None = None, right: int | None = None,
        rule: str = "auto") -> None:
    ppr = para._p.get_or_add_pPr()
    for tag in ("w:spacing", "w:ind", "w:jc"):
        old = ppr.find(qn(tag))
        if old is not None:
            ppr.remove(old)
    spacing = OxmlElement("w:spacing")
    for name, value in (("before", before), ("after", after), ("line", line)):
        spacing.set(qn(f"w:{name}"), str(value))
    spacing.set(qn("w:lineRule"), rule)
    ppr.append(spacing)
    if first is not None or left is not None or right is not None:
        ind = OxmlElement("w:ind")
        for name, value in (("left", left), ("right", right), ("firstLine", first)):
            if value is not None:
                ind.set(qn(f"w:{name}"), str(value))
        ppr.append(ind)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), align)
    ppr.append(jc)


def add_run(para: Paragraph, text: str, size: float, bold: bool = False,
            italic: bool = False) -> None:
    run = para.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.italic = italic or None


def write(para: Paragraph, text: str, size: float, align: str, bold: bool = False,
          italic: bool = False, **spacing: Any) -> Paragraph:
    fmt(para, align, **spacing)
    if text:
        add_run(para, text, size, bold, italic)
    return para


STYLE = {"rule": "border", "page": "complex", "spacing": "before", "rows": "1"}


@contextlib.contextmanager
def styled(**options: str) -> Iterator[None]:
    """Build with other drawing techniques (rules, page field, spacing, header rows)."""
    saved = dict(STYLE)
    STYLE.update(options)
    try:
        yield
    finally:
        STYLE.clear()
        STYLE.update(saved)
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
LINE_XML = (
    f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    f'xmlns:wp="{WP_NS}" xmlns:a="{A_NS}" xmlns:wps="{WPS_NS}">'
    '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="0"/>'
    '<wp:docPr id="{id}" name="Line {id}"/>'
    f'<a:graphic><a:graphicData uri="{WPS_NS}"><wps:wsp><wps:cNvCnPr/><wps:spPr>'
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
    '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill>'
    '<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
    '</a:graphicData></a:graphic></wp:inline></w:drawing>')
_ids = iter(range(100, 10_000))


def rule(para: Paragraph, container: int, width: float, size: float = 13) -> Paragraph:
    """A horizontal rule *width* twips long, drawn the way STYLE["rule"] says."""
    if STYLE["rule"] == "border":
        return bottom_border(para, container, width)
    fmt(para, CENTER)
    if STYLE["rule"] == "underscore":
        add_run(para, "_" * round(width / (size * 10)), size)
        return para
    from docx.oxml import parse_xml

    run = para.add_run()
    run._r.append(parse_xml(LINE_XML.format(cx=int(width * 635), id=next(_ids))))
    return para


def bottom_border(para: Paragraph, container: int, width: float) -> Paragraph:
    """Make *para* an empty centred rule *width* twips long inside *container*."""
    indent = int((container - width) / 2)
    fmt(para, CENTER, left=indent, right=indent)
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{name}"), value)
    pbdr.append(bottom)
    ppr = para._p.get_or_add_pPr()
    ppr.insert(len(ppr) - 1, pbdr)
    return para


def cell_paragraph(cell: object, first: bool) -> Paragraph:
    return cell.paragraphs[0] if first else cell.add_paragraph()  # type: ignore[attr-defined]


def size_table(table: Table, widths: list[int]) -> None:
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)


def header_table(document: docx.document.Document, so: str, vv: str | None = None) -> Table:
    widths = [3685, 5670]
    two_rows = STYLE["rows"] == "2"
    table = document.add_table(rows=2 if two_rows else 1, cols=2)
    size_table(table, widths)
    left, right = table.rows[0].cells
    low_left, low_right = table.rows[-1].cells
    inner_left, inner_right = widths[0] - 216, widths[1] - 216
    write(left.paragraphs[0], "ỦY BAN NHÂN DÂN", 13, CENTER, bold=True)
    write(left.add_paragraph(), "TỈNH LẠNG SƠN", 13, CENTER, bold=True)
    rule(left.add_paragraph(), inner_left, 0.4 * text_width("ỦY BAN NHÂN DÂN", 26, True))
    write(cell_paragraph(low_left, two_rows), so, 13, CENTER)
    if vv:
        write(low_left.add_paragraph(), vv, 12, CENTER, before=120)
    write(right.paragraphs[0], QUOC_HIEU, 13, CENTER, bold=True)
    write(right.add_paragraph(), TIEU_NGU, 14, CENTER, bold=True)
    rule(right.add_paragraph(), inner_right, text_width(TIEU_NGU, 28, True), 14)
    if two_rows:
        write(left.add_paragraph(), "", 13, CENTER)
    write(cell_paragraph(low_right, two_rows), DATE, 14, CENTER, italic=True)
    return table


def body_paragraph(document: docx.document.Document, text: str, bold: bool = False) -> None:
    spacing = {"before": {"before": 120, "line": 276}, "after": {"after": 120, "line": 360},
               "exact": {"before": 120, "line": 340, "rule": "exact"}}[STYLE["spacing"]]
    write(document.add_paragraph(), text, 14, BOTH, bold=bold, first=720, **spacing)


def signature_table(document: docx.document.Document, noi_nhan: list[str],
                    signer: list[str] = SIGNER) -> None:
    table = document.add_table(rows=1, cols=2)
    size_table(table, [3600, 5755])
    left, right = table.rows[0].cells
    write(left.paragraphs[0], "Nơi nhận:", 12, LEFT, bold=True, italic=True)
    for item in noi_nhan:
        write(left.add_paragraph(), item, 11, LEFT)
    for i, line in enumerate(signer):
        write(cell_paragraph(right, i == 0), line, 14, CENTER, bold=True)
    for _ in range(4):
        write(right.add_paragraph(), "", 14, CENTER)
    write(right.add_paragraph(), "Dương Xuân Huyên", 14, CENTER, bold=True)


def page_field(para: Paragraph) -> None:
    """A PAGE field (begin, instruction, separate, result «2», end) in 14 pt."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None),
                       ("text", "2"), ("end", None)):
        run = para.add_run()
        run.font.size = Pt(14)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)


def page_numbers(section: object) -> None:
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    fmt(header.paragraphs[0], CENTER)
    if STYLE["page"] == "simple":
        from docx.oxml import parse_xml

        header.paragraphs[0]._p.append(parse_xml(
            '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
            '<w:t>2</w:t></w:r></w:fldSimple>'))
    else:
        page_field(header.paragraphs[0])
    first = section.first_page_header
    first.is_linked_to_previous = False
    fmt(first.paragraphs[0], CENTER)


def appendix(document: docx.document.Document, new_section: bool = True) -> None:
    if new_section:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        page_setup(section, landscape=True)
        section.different_first_page_header_footer = False
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        section._sectPr.append(numbering)
    width = 16838 - 1701 - 850
    write(document.add_paragraph(), "Phụ lục", 14, CENTER, bold=True)
    write(document.add_paragraph(), "DANH MỤC NHIỆM VỤ TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2024", 14,
          CENTER, bold=True)
    reference = ("(Kèm theo Kế hoạch số 182/KH-UBND ngày 06 tháng 9 năm 2023 của Ủy ban nhân "
                 "dân tỉnh Lạng Sơn)")
    write(document.add_paragraph(), reference, 14, CENTER, italic=True)
    rule(document.add_paragraph(), width, 0.4 * min(text_width(reference, 28), width), 14)
    rows = [("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"),
            ("1", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Quý IV/2024"),
            ("2", "Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh", "Năm 2024")]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = document.styles["Table Grid"]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            write(table.rows[r].cells[c].paragraphs[0], value, 12, CENTER, bold=r == 0)


def new_document() -> docx.document.Document:
    document = docx.Document()
    prepare_styles(document)
    page_setup(document.sections[0])
    document.paragraphs[0]._p.getparent().remove(document.paragraphs[0]._p) \
        if document.paragraphs else None
    return document


def build_plan(repeat: int = 1, with_appendix: bool = True) -> bytes:
    """A kế hoạch (182/KH-UBND); *repeat* copies the body to make it longer."""
    document = new_document()
    header_table(document, "Số: 182/KH-UBND")
    write(document.add_paragraph(), "", 14, CENTER)
    write(document.add_paragraph(), "KẾ HOẠCH", 14, CENTER, bold=True)
    write(document.add_paragraph(), TRICH_YEU, 14, CENTER, bold=True)
    rule(document.add_paragraph(), TEXT_WIDTH, 0.4 * text_width(TRICH_YEU, 28, True), 14)
    for _ in range(repeat):
        for text, bold in BODY:
            body_paragraph(document, text, bold)
    body_paragraph(document, CLOSING)
    signature_table(document, NOI_NHAN)
    page_numbers(document.sections[0])
    if with_appendix:
        appendix(document)
    return save(document)


def build_cong_van() -> bytes:
    """A công văn (1234/UBND-KGVX) with V/v, Kính gửi and «- Như trên;»."""
    document = new_document()
    header_table(document, "Số: 1234/UBND-KGVX",
                 "V/v triển khai chuyển đổi số năm 2024")
    write(document.add_paragraph(), "", 14, CENTER)
    write(document.add_paragraph(), "Kính gửi:", 14, LEFT, before=120, left=1985)
    for item in ("- Sở Khoa học và Công nghệ;", "- Sở Tài chính."):
        write(document.add_paragraph(), item, 14, LEFT, left=2552)
    body_paragraph(document, BODY[0][0].replace("ban hành Kế hoạch triển khai như sau:",
                                                "đề nghị các cơ quan thực hiện như sau:"))
    body_paragraph(document, BODY[3][0])
    body_paragraph(document, CLOSING)
    signature_table(document, ["- Như trên;"] + NOI_NHAN[1:])
    page_numbers(document.sections[0])
    return save(document)


def title_block(document: docx.document.Document, title: str, trich_yeu: str) -> None:
    write(document.add_paragraph(), "", 14, CENTER)
    write(document.add_paragraph(), title, 14, CENTER, bold=True)
    write(document.add_paragraph(), trich_yeu, 14, CENTER, bold=True)
    rule(document.add_paragraph(), TEXT_WIDTH, 0.4 * text_width(trich_yeu, 28, True), 14)


def build_bao_cao() -> bytes:
    """A báo cáo sent upward: title, trích yếu, a one-line Kính gửi, «- Như trên;»."""
    document = new_document()
    header_table(document, "Số: 45/BC-UBND")
    title_block(document, "BÁO CÁO", "Kết quả thực hiện chuyển đổi số năm 2023")
    write(document.add_paragraph(), "Kính gửi: Bộ Khoa học và Công nghệ.", 14, CENTER,
          before=120)
    for text in ("I. KẾT QUẢ ĐẠT ĐƯỢC", BODY[3][0], BODY[4][0], CLOSING):
        body_paragraph(document, text, bold=text.startswith("I."))
    signature_table(document, ["- Như trên;"] + NOI_NHAN[1:])
    page_numbers(document.sections[0])
    return save(document)


def build_quyet_dinh() -> bytes:
    """A quyết định cá biệt: authority line, căn cứ in italic, QUYẾT ĐỊNH:, Điều 1., 2."""
    document = new_document()
    header_table(document, "Số: 1520/QĐ-UBND")
    title_block(document, "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác chuyển đổi số tỉnh")
    write(document.add_paragraph(), "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", 14, CENTER,
          bold=True, before=240)
    lines = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
             "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;",
             "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ."]
    for line in lines:
        write(document.add_paragraph(), line, 14, BOTH, italic=True, before=120, first=567)
    write(document.add_paragraph(), "QUYẾT ĐỊNH:", 14, CENTER, bold=True, before=240)
    for text in ("Điều 1. Thành lập Tổ công tác chuyển đổi số tỉnh Lạng Sơn.",
                 "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."):
        body_paragraph(document, text)
    signature_table(document, ["- Như Điều 2;", "- Lưu: VT, KGVX."],
                    ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    page_numbers(document.sections[0])
    return save(document)


def build_phu_luc() -> bytes:
    """A separate appendix file: no header table, the appendix heading block, a table."""
    document = new_document()
    page_setup(document.sections[0], landscape=True)
    appendix(document, new_section=False)
    page_numbers(document.sections[0])
    return save(document)


def save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def clone(element: object) -> object:
    return copy.deepcopy(element)


def mutate(data: bytes, change: Any) -> bytes:
    """A copy of *data* changed by *change* (which edits a python-docx Document)."""
    document = reopen(data)
    change(document)
    return save(document)
