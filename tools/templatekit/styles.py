"""The paragraph styles of every lsdocs template, and styles.xml built from them.

Each kind of paragraph in a Decree 30 document has a named style (a clerk sees
"Nội dung", "Mục (I.)", "Tên cơ quan" … in Word's style list) and the same
formatting is also written directly on the paragraph, so the look does not
depend on how a program resolves styles.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from tools.templatekit.ooxml import FONT, W_NS, Fmt

BODY_LINE = 288  # 1.2 lines: between single and 1.5 (R27)

# style id -> (display name, formatting)
BODY = Fmt("NoiDung", 14, jc="both", first_line=567, before=120, line=BODY_LINE)
MUC = Fmt("Muc", 14, bold=True, jc="both", first_line=567, before=120, line=BODY_LINE,
          keep_next=True)
KHOAN = Fmt("Khoan", 14, bold=True, jc="both", first_line=567, before=120, line=BODY_LINE,
            keep_next=True)
DIEM = Fmt("Diem", 14, jc="both", first_line=567, before=120, line=BODY_LINE)
AGENCY_PARENT = Fmt("CoQuanChuQuan", 13, jc="center")
AGENCY = Fmt("CoQuan", 13, bold=True, jc="center")
RULE = Fmt("DuongKe", 4, jc="center")
NUMBER = Fmt("SoKyHieu", 13, jc="center", before=120)
VV = Fmt("TrichYeuCongVan", 12, jc="center", before=120)
NATION = Fmt("QuocHieu", 13, bold=True, jc="center")
MOTTO = Fmt("TieuNgu", 14, bold=True, jc="center")
PLACE_DATE = Fmt("DiaDanh", 14, italic=True, jc="center", before=120)
TYPE_NAME = Fmt("TenLoai", 14, bold=True, jc="center", before=360)
TRICH_YEU = Fmt("TrichYeu", 14, bold=True, jc="center")
KINH_GUI = Fmt("KinhGui", 14, jc="left", before=240, ind_left=1701)
RECIPIENTS_LABEL = Fmt("NoiNhan", 12, bold=True, italic=True, jc="left")
RECIPIENT = Fmt("NoiNhanMuc", 11, jc="left")
AUTHORITY = Fmt("ChucVu", 14, bold=True, jc="center")
SIGNER = Fmt("HoTen", 14, bold=True, jc="center")
SIGN_SPACE = Fmt("KhoangKy", 14, jc="center")
APPENDIX_LABEL = Fmt("PhuLuc", 14, bold=True, jc="center")
APPENDIX_TITLE = Fmt("TenPhuLuc", 14, bold=True, jc="center")
APPENDIX_REF = Fmt("KemTheo", 14, italic=True, jc="center")
CELL = Fmt("Bang", 13, jc="left", before=40, after=40)
CELL_CENTER = Fmt("BangGiua", 13, jc="center", before=40, after=40)
CELL_HEAD = Fmt("BangTieuDe", 13, bold=True, jc="center", before=40, after=40)
CELL_GROUP = Fmt("BangNhom", 13, bold=True, jc="left", before=40, after=40)
PAGE_NUMBER = Fmt("SoTrang", 14, jc="center")
# Paragraphs that only hold {%p … %} tags (docxtpl removes them) and empty spacers;
# justified like the body so no reader takes a spacer for a misaligned paragraph.
CONTROL = Fmt("LenhMau", 14, jc="both")

NAMES = {
    "NoiDung": "Nội dung",
    "Muc": "Mục (I.)",
    "Khoan": "Khoản (1.)",
    "Diem": "Điểm (a))",
    "CoQuanChuQuan": "Tên cơ quan chủ quản",
    "CoQuan": "Tên cơ quan ban hành",
    "DuongKe": "Đường kẻ",
    "SoKyHieu": "Số, ký hiệu",
    "TrichYeuCongVan": "Trích yếu công văn (V/v)",
    "QuocHieu": "Quốc hiệu",
    "TieuNgu": "Tiêu ngữ",
    "DiaDanh": "Địa danh, ngày tháng",
    "TenLoai": "Tên loại văn bản",
    "TrichYeu": "Trích yếu",
    "KinhGui": "Kính gửi",
    "NoiNhan": "Nơi nhận",
    "NoiNhanMuc": "Nơi nhận - dòng",
    "ChucVu": "Quyền hạn, chức vụ",
    "HoTen": "Họ tên người ký",
    "KhoangKy": "Khoảng ký",
    "PhuLuc": "Phụ lục",
    "TenPhuLuc": "Tên phụ lục",
    "KemTheo": "Kèm theo",
    "Bang": "Bảng",
    "BangGiua": "Bảng - giữa",
    "BangTieuDe": "Bảng - tiêu đề",
    "BangNhom": "Bảng - nhóm",
    "SoTrang": "Số trang",
    "LenhMau": "Lệnh mẫu",
}

ALL = [
    BODY, MUC, KHOAN, DIEM, AGENCY_PARENT, AGENCY, RULE, NUMBER, VV, NATION, MOTTO,
    PLACE_DATE, TYPE_NAME, TRICH_YEU, KINH_GUI, RECIPIENTS_LABEL, RECIPIENT, AUTHORITY,
    SIGNER, SIGN_SPACE, APPENDIX_LABEL, APPENDIX_TITLE, APPENDIX_REF, CELL, CELL_CENTER,
    CELL_HEAD, CELL_GROUP, PAGE_NUMBER, CONTROL,
]


def _style(fmt: Fmt) -> str:
    ppr = fmt.ppr().replace(f'<w:pStyle w:val="{fmt.style}"/>', "")
    ppr = ppr.split("<w:rPr>")[0] + "</w:pPr>"
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{fmt.style}">'
        f'<w:name w:val="{escape(NAMES[fmt.style])}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        f"{ppr}{fmt.rpr()}</w:style>"
    )


def _fonts() -> str:
    return f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'


def styles_xml() -> str:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{_fonts()}<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/>'
        '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    base = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:qFormat/><w:rPr>{_fonts()}<w:color w:val="000000"/><w:sz w:val="28"/>'
        '<w:szCs w:val="28"/></w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="table" w:customStyle="1" w:styleId="BangKhongVien">'
        '<w:name w:val="Bảng không viền"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr></w:style>'
        '<w:style w:type="table" w:customStyle="1" w:styleId="BangLuoi">'
        '<w:name w:val="Bảng lưới"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        + "".join(
            f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for s in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders></w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        "<w:semiHidden/></w:style>"
    )
    custom = "".join(_style(f) for f in ALL)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}">{defaults}{base}{custom}</w:styles>'
    )

# Kính gửi block of a công văn (nd30-format.md §3.6): the label from about the
# middle-left, recipients on their own lines with the dash under the colon.
KINH_GUI_SINGLE = Fmt("KinhGui", 14, jc="center", before=240, after=120)
KINH_GUI_ITEM = Fmt("KinhGuiMuc", 14, jc="left", ind_left=2608)
OUTLINE_HEAD = Fmt("DeCuong", 14, bold=True, jc="center", before=120)
NAMES["KinhGuiMuc"] = "Kính gửi - dòng"
NAMES["DeCuong"] = "Đề cương - tiêu đề"
ALL += [KINH_GUI_ITEM, OUTLINE_HEAD]
