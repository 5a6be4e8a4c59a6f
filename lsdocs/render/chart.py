"""Native Word bar charts in rendered .docx files.

A chart goes where the template has a paragraph holding only a marker; it is a
DrawingML chart part (Word: right click → "Edit data"; LibreOffice draws it),
with its numbers in an embedded workbook, not a picture::

    from lsdocs.render.chart import BarChart, Series, insert_chart

    chart = BarChart(
        title="Tình hình thực hiện nhiệm vụ theo nhóm",
        categories=("Quán triệt, tuyên truyền", "Phát triển nguồn nhân lực"),
        series=(Series("Hoàn thành", (3, 1)), Series("Đang thực hiện", (2, 4))),
    )
    rendered = template.render(context, core)  # bytes of the rendered report
    rendered = insert_chart(rendered, chart, marker="[[BIEU_DO]]",
                            width_cm=25.0, height_cm=12.0)

Each call adds one chart (``word/charts/chartN.xml`` and
``word/embeddings/Microsoft_Excel_WorksheetN.xlsx`` with the next free N), so
several markers in one document take several calls.  Output is deterministic.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from lxml import etree

from lsdocs.errors import Location, Problem, T, TemplateError
from lsdocs.render._chart_workbook import workbook_bytes
from lsdocs.render._chart_xml import C_NS, chart_space_xml
from lsdocs.render.output import zip_package

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_REL = f"{R_NS}/chart"
PACKAGE_REL = f"{R_NS}/package"
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
EMU_PER_CM = 360000
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_DOC_PR_ID = re.compile(rb"<(?:\w+:)?docPr\b[^>]*?\bid=\"(\d+)\"")
#: Cell margins Word applies when a table sets none (108 twips each side).
_DEFAULT_CELL_MARGINS_TWIPS = 216
#: Children of w:pPr in the order the schema requires (Word rejects any other order).
_PPR_ORDER = [f"{{{W_NS}}}{tag}" for tag in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange")]


@dataclass(frozen=True)
class Series:
    """One coloured part of every bar: a name for the legend and a value per category."""

    name: str
    values: tuple[float, ...]
    #: "RRGGBB", a light or mid tone (labels on the bars are black); None: the next palette colour
    color: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _nfc(self.name))
        object.__setattr__(self, "values", tuple(float(v) for v in self.values))
        if any(not math.isfinite(v) or v < 0 for v in self.values):
            raise ValueError(f"series {self.name!r}: values must be finite and not negative")
        if self.color is not None and not _HEX.match(self.color):
            raise ValueError(f"series {self.name!r}: colour must be RRGGBB, not {self.color!r}")
        if self.color is not None:
            object.__setattr__(self, "color", self.color.upper())


@dataclass(frozen=True)
class BarChart:
    """A bar chart: categories along one axis, one bar (or stack) of series per category."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    stacked: bool = True
    horizontal: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", _nfc(self.title))
        object.__setattr__(self, "categories", tuple(_nfc(c) for c in self.categories))
        object.__setattr__(self, "series", tuple(self.series))
        if not self.categories or not self.series:
            raise ValueError("a chart needs at least one category and one series")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(f"series {series.name!r} has {len(series.values)} values "
                                 f"for {len(self.categories)} categories")


def insert_chart(docx: bytes, chart: BarChart, *, marker: str, width_cm: float = 25.0,
                 height_cm: float = 12.0, name: str | None = None) -> bytes:
    """Replace the paragraph of the body whose whole text is *marker* by *chart*.

    The paragraph keeps its style but is centred, unindented and single-spaced
    (an exact line height would crop the chart to one line).  *width_cm* is
    narrowed to the text width of the marker's section, or of its table cell,
    so the chart never runs into the margin.  Raises :class:`TemplateError`
    when the marker is missing or appears in more than one paragraph; *name*
    (the template's file name) then leads its location.
    """
    if width_cm <= 0 or height_cm <= 0:
        raise ValueError(f"chart size must be positive, not {width_cm} × {height_cm} cm")
    parts = _read(docx)
    root = etree.fromstring(parts[DOCUMENT])
    paragraph = _marker_paragraph(root, marker, name)
    size = (min(width_cm, _available_width_cm(paragraph) or width_cm), height_cm)
    number = _free_number(parts, "word/charts/chart{}.xml")
    parts[DOCUMENT_RELS], rel_id = _add_relationship(parts[DOCUMENT_RELS], CHART_REL,
                                                     f"charts/chart{number}.xml")
    _place_drawing(paragraph, rel_id, _next_drawing_id(parts),
                   chart.title or f"Biểu đồ {number}", size)
    parts[DOCUMENT] = _xml_bytes(root)
    _add_chart_parts(parts, chart, number, size)
    return zip_package(parts)


def _add_chart_parts(parts: dict[str, bytes], chart: BarChart, number: int,
                     size: tuple[float, float]) -> None:
    """The chart part, its workbook, the link between them and their content types."""
    chart_part = f"word/charts/chart{number}.xml"
    workbook_part = _free_name(parts, "word/embeddings/Microsoft_Excel_Worksheet{}.xlsx", number)
    parts[chart_part] = chart_space_xml(chart, *size)
    parts[f"word/charts/_rels/chart{number}.xml.rels"] = _relationships(
        ("rId1", PACKAGE_REL, "../" + workbook_part.removeprefix("word/")))
    parts[workbook_part] = workbook_bytes(chart)
    parts[CONTENT_TYPES] = _add_overrides(parts[CONTENT_TYPES], {chart_part: CHART_TYPE,
                                                                 workbook_part: XLSX_TYPE})


def _marker_paragraph(root: etree._Element, marker: str, name: str | None) -> etree._Element:
    found = [(number, p) for number, p in enumerate(root.iter(_w("p")), 1)
             if _paragraph_text(p).strip() == marker]
    if len(found) == 1:
        return found[0][1]
    if not found:
        message = T("không có đoạn nào chỉ gồm dấu đặt biểu đồ «{m}»",
                    m=marker)
    else:
        numbers = ", ".join(str(n) for n, _ in found)
        message = T("dấu đặt biểu đồ «{m}» có ở {k} đoạn ({n}); cần đúng một đoạn",
                    m=marker, k=len(found), n=numbers)
    raise TemplateError(Problem(Location(file=name, path=DOCUMENT), message))


def _paragraph_text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_w("t")))


def _place_drawing(paragraph: etree._Element, rel_id: str, drawing_id: int, name: str,
                   size_cm: tuple[float, float]) -> None:
    for child in list(paragraph):
        if child.tag not in (_w("pPr"), _w("bookmarkStart"), _w("bookmarkEnd")):
            paragraph.remove(child)
    _fit_paragraph(paragraph)
    run = etree.SubElement(paragraph, _w("r"))
    etree.SubElement(etree.SubElement(run, _w("rPr")), _w("noProof"))
    # The usual prefixes: lsdocs' own documents declare only w and r at the root.
    inline = etree.SubElement(etree.SubElement(run, _w("drawing")), f"{{{WP_NS}}}inline",
                              distT="0", distB="0", distL="0", distR="0", nsmap={"wp": WP_NS})
    width, height = (str(round(cm * EMU_PER_CM)) for cm in size_cm)
    etree.SubElement(inline, f"{{{WP_NS}}}extent", cx=width, cy=height)
    etree.SubElement(inline, f"{{{WP_NS}}}effectExtent", l="0", t="0", r="0", b="0")
    etree.SubElement(inline, f"{{{WP_NS}}}docPr", id=str(drawing_id), name=name, descr=name)
    etree.SubElement(inline, f"{{{WP_NS}}}cNvGraphicFramePr")
    graphic = etree.SubElement(inline, f"{{{A_NS}}}graphic", nsmap={"a": A_NS})
    data = etree.SubElement(graphic, f"{{{A_NS}}}graphicData", uri=C_NS)
    reference = etree.SubElement(data, f"{{{C_NS}}}chart", nsmap={"c": C_NS, "r": R_NS})
    reference.set(f"{{{R_NS}}}id", rel_id)


def _fit_paragraph(paragraph: etree._Element) -> None:
    properties = paragraph.find(_w("pPr"))
    if properties is None:
        properties = etree.Element(_w("pPr"))
        paragraph.insert(0, properties)
    spacing = properties.find(_w("spacing"))  # keeps its space before and after
    if spacing is None:
        spacing = _set_property(properties, etree.Element(_w("spacing")))
    spacing.set(_w("line"), "240")
    spacing.set(_w("lineRule"), "auto")
    _set_property(properties, etree.Element(
        _w("ind"), {_w("left"): "0", _w("right"): "0", _w("firstLine"): "0"}))
    _set_property(properties, etree.Element(_w("jc"), {_w("val"): "center"}))


def _set_property(properties: etree._Element, element: etree._Element) -> etree._Element:
    """Put *element* into *properties* in schema order, replacing one of the same tag."""
    for old in properties.findall(element.tag):
        properties.remove(old)
    rank = _PPR_ORDER.index(element.tag)
    later = next((child for child in properties
                  if child.tag in _PPR_ORDER and _PPR_ORDER.index(child.tag) > rank), None)
    if later is None:
        properties.append(element)
    else:
        later.addprevious(element)
    return element


def _available_width_cm(paragraph: etree._Element) -> float | None:
    cell = next(paragraph.iterancestors(_w("tc")), None)
    if cell is not None:
        width = cell.find(f"{_w('tcPr')}/{_w('tcW')}")
        if width is not None and width.get(_w("type")) == "dxa":
            return _cm(int(width.get(_w("w"), "0")) - _DEFAULT_CELL_MARGINS_TWIPS)
    section = _section_of(paragraph)
    if section is None:
        return None
    size, margins = section.find(_w("pgSz")), section.find(_w("pgMar"))
    if size is None or margins is None:
        return None
    twips = int(size.get(_w("w"), "0")) - sum(
        int(margins.get(_w(side), "0")) for side in ("left", "right", "gutter"))
    return _cm(twips) if twips > 0 else None


def _section_of(paragraph: etree._Element) -> etree._Element | None:
    """The sectPr that ends the section holding *paragraph* (a later paragraph's, or the body's)."""
    block = paragraph
    for ancestor in paragraph.iterancestors():
        if ancestor.tag == _w("body"):
            break
        block = ancestor
    for candidate in (block, *block.itersiblings()):
        if candidate.tag == _w("sectPr"):
            return candidate
        if candidate.tag == _w("p"):
            found = candidate.find(f"{_w('pPr')}/{_w('sectPr')}")
            if found is not None:
                return found
    return None


def _free_number(parts: dict[str, bytes], pattern: str, start: int = 1) -> int:
    number = start
    while pattern.format(number) in parts:
        number += 1
    return number


def _free_name(parts: dict[str, bytes], pattern: str, start: int) -> str:
    return pattern.format(_free_number(parts, pattern, start))


def _next_drawing_id(parts: dict[str, bytes]) -> int:
    """One more than every drawing id in the body, headers and footers (Word wants them unique)."""
    ids = [int(m) for name, data in parts.items()
           if name.startswith("word/") and name.endswith(".xml")
           for m in _DOC_PR_ID.findall(data)]
    return max(ids, default=0) + 1


def _add_relationship(rels: bytes, kind: str, target: str) -> tuple[bytes, str]:
    root = etree.fromstring(rels)
    taken = {rel.get("Id") for rel in root}
    number = 1
    while f"rId{number}" in taken:
        number += 1
    rel_id = f"rId{number}"
    etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", Id=rel_id, Type=kind, Target=target)
    return _xml_bytes(root), rel_id


def _relationships(*rels: tuple[str, str, str]) -> bytes:
    root = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    for rel_id, kind, target in rels:
        etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", Id=rel_id, Type=kind,
                         Target=target)
    return _xml_bytes(root)


def _add_overrides(types: bytes, overrides: dict[str, str]) -> bytes:
    root = etree.fromstring(types)
    for part, content_type in overrides.items():
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=f"/{part}",
                         ContentType=content_type)
    return _xml_bytes(root)


def _read(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _xml_bytes(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _cm(twips: int) -> float:
    return twips * 2.54 / 1440


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"
