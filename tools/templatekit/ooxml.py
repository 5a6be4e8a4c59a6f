"""Tiny WordprocessingML writer: paragraphs, runs, tables, sections, as strings."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

FONT = "Times New Roman"

# Page geometry in twips (1 mm = 56.6929 tw); see nd30-format.md §1.
A4_W, A4_H = 11906, 16838
MARGIN_TOP = 1134  # 20 mm
MARGIN_BOTTOM = 1134  # 20 mm
MARGIN_LEFT = 1701  # 30 mm
MARGIN_RIGHT = 907  # 16 mm
HEADER_DISTANCE = 567  # 10 mm
TEXT_WIDTH = A4_W - MARGIN_LEFT - MARGIN_RIGHT  # 9298
LANDSCAPE_TEXT_WIDTH = A4_H - MARGIN_LEFT - MARGIN_RIGHT  # 14230
CELL_PADDING = 108


def rpr(size: int | None = None, bold: bool = False, italic: bool = False) -> str:
    """Direct run properties; *size* in points (half-points are written)."""
    parts = [f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>']
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    parts.append('<w:color w:val="000000"/>')
    if size:
        parts.append(f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>')
    parts.append('<w:lang w:val="vi-VN"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


@dataclass(frozen=True)
class Fmt:
    """Paragraph + run formatting of one kind of paragraph."""

    style: str
    size: int = 14
    bold: bool = False
    italic: bool = False
    jc: str = "both"  # left | center | right | both
    first_line: int = 0
    before: int = 0
    after: int = 0
    line: int = 240
    keep_next: bool = False
    ind_left: int = 0
    ind_right: int = 0
    hanging: int = 0
    border_bottom: bool = False

    def ppr(self, extra: str = "") -> str:
        parts = [f'<w:pStyle w:val="{self.style}"/>']
        if self.keep_next:
            parts.append("<w:keepNext/>")
        if self.border_bottom:
            parts.append(
                '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
            )
        parts.append(
            f'<w:spacing w:before="{self.before}" w:after="{self.after}" '
            f'w:line="{self.line}" w:lineRule="auto"/>'
        )
        ind = f'w:left="{self.ind_left}" w:right="{self.ind_right}"'
        if self.hanging:
            ind += f' w:hanging="{self.hanging}"'
        else:
            ind += f' w:firstLine="{self.first_line}"'
        parts.append(f"<w:ind {ind}/>")
        parts.append(f'<w:jc w:val="{self.jc}"/>')
        parts.append(extra)
        parts.append(rpr(self.size, self.bold, self.italic))
        return "<w:pPr>" + "".join(parts) + "</w:pPr>"

    def rpr(self) -> str:
        return rpr(self.size, self.bold, self.italic)


def run(text: str, fmt: Fmt, bold: bool | None = None, italic: bool | None = None) -> str:
    b = fmt.bold if bold is None else bold
    i = fmt.italic if italic is None else italic
    return f'<w:r>{rpr(fmt.size, b, i)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str | list[str], fmt: Fmt, extra_ppr: str = "") -> str:
    """A paragraph; *text* may be a list of pre-built runs (strings starting ``<w:r>``)."""
    if isinstance(text, list):
        runs = "".join(text)
    else:
        runs = run(text, fmt) if text else ""
    return f"<w:p>{fmt.ppr(extra_ppr)}{runs}</w:p>"


def rule(fmt: Fmt, width: int, available: int) -> str:
    """A centred horizontal rule of *width* twips: an empty bordered paragraph."""
    side = max((available - width) // 2, 0)
    ruled = Fmt(**{**fmt.__dict__, "ind_left": side, "ind_right": side, "border_bottom": True})
    return para("", ruled)


def cell(
    content: str, width: int, span: int = 1, valign: str = "top", borders: bool = False
) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if borders:
        props.append(_borders("tcBorders", "single"))
    props.append(f'<w:vAlign w:val="{valign}"/>')
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{content}</w:tc>"


def row(cells: list[str], header: bool = False, cant_split: bool = False) -> str:
    props = ""
    if header or cant_split:
        props = "<w:trPr>" + ("<w:cantSplit/>" if cant_split else "")
        props += ("<w:tblHeader/>" if header else "") + "</w:trPr>"
    return f"<w:tr>{props}{''.join(cells)}</w:tr>"


def _borders(tag: str, val: str) -> str:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    if tag == "tcBorders":
        sides = ("top", "left", "bottom", "right")
    if val == "nil":
        inner = "".join(f'<w:{s} w:val="nil"/>' for s in sides)
    else:
        inner = "".join(
            f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for s in sides
        )
    return f"<w:{tag}>{inner}</w:{tag}>"


def table(widths: list[int], rows: list[str], bordered: bool = False, indent: int = 0) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = _borders("tblBorders", "single" if bordered else "nil")
    props = (
        f'<w:tblPr><w:tblStyle w:val="{"BangLuoi" if bordered else "BangKhongVien"}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{indent}" w:type="dxa"/>'
        f'{borders}<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def sect_pr(
    header_default: str,
    header_first: str,
    landscape: bool = False,
    restart_numbering: bool = False,
) -> str:
    w, h = (A4_H, A4_W) if landscape else (A4_W, A4_H)
    orient = ' w:orient="landscape"' if landscape else ""
    numbering = '<w:pgNumType w:start="1"/>' if restart_numbering else "<w:pgNumType/>"
    return (
        "<w:sectPr>"
        f'<w:headerReference w:type="default" r:id="{header_default}"/>'
        f'<w:headerReference w:type="first" r:id="{header_first}"/>'
        f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="{HEADER_DISTANCE}" w:footer="{HEADER_DISTANCE}" '
        'w:gutter="0"/>'
        f"{numbering}"
        '<w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="381"/>'
        "</w:sectPr>"
    )


# The paragraph mark of an empty closing paragraph: 1 pt, no spacing, so a page
# that ends in a table never spills a blank line (or a blank page) after it.
# The height is exact: an "auto" line still spilled onto a page of its own when
# a signature table ended at the foot of a page.
_TINY_MARK = (
    '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
)


def section_break_paragraph(sect: str) -> str:
    """An empty paragraph that ends a section (its sectPr describes the section before it)."""
    return f"<w:p><w:pPr>{_TINY_MARK}{sect}</w:pPr></w:p>"


def closing_paragraph() -> str:
    """The empty paragraph Word needs after a table that ends the body, kept 1 pt high."""
    return f"<w:p><w:pPr>{_TINY_MARK}</w:pPr></w:p>"


def page_number_field(fmt: Fmt) -> str:
    """A PAGE field as Word writes it (begin / instrText / separate / result / end)."""
    r = fmt.rpr()
    return (
        f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{r}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{r}<w:t>2</w:t></w:r>"
        f'<w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def document_xml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
    )


def header_xml(paragraphs: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{paragraphs}</w:hdr>'
    )
