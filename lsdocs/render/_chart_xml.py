"""The DrawingML chart part (``word/charts/chartN.xml``) of a bar chart.

Elements are written in the order the schema (ECMA-376 Part 1, ``dml-chart.xsd``)
prescribes: Word refuses a chart part whose children are out of order, while
LibreOffice would silently accept it, so the order here is deliberate.

Every text element carries its own ``c:txPr`` (Times New Roman, black) because
LibreOffice does not inherit the chart-space text properties everywhere Word does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lsdocs.render.chart import BarChart, Series

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NSMAP = {"c": C_NS, "a": A_NS, "r": R_NS}

SHEET = "Sheet1"
FONT = "Times New Roman"
TEXT_PT = 11
TITLE_PT = 12
_CAT_AX, _VAL_AX = "500000001", "500000002"
#: Share of the chart's length that the value axis' plot gets (the rest: category
#: labels, legend, margins).  Used only to decide which data labels fit.
_PLOT_SHARE = {"bar": 0.55, "col": 0.6}
_DIGIT_CM = 0.22  # width of one 11 pt Times New Roman digit, with a little air
_LINE_CM = 0.5  # height of one 11 pt line of label text, with a little air


@dataclass(frozen=True)
class Scale:
    """The value axis: 0 to *maximum* in steps of *unit* (fixed so labels can be planned)."""

    maximum: float
    unit: float


def chart_space_xml(chart: BarChart, width_cm: float, height_cm: float) -> bytes:
    """Serialize *chart* as a ``c:chartSpace`` part, sized for *width_cm* × *height_cm*."""
    space = etree.Element(_c("chartSpace"), nsmap=_NSMAP)
    _sub(space, "c:date1904", val="0")
    _sub(space, "c:lang", val="vi-VN")
    _sub(space, "c:roundedCorners", val="0")  # the schema's default is rounded
    body = _sub(space, "c:chart")
    if chart.title:
        _title(body, chart.title)
    _sub(body, "c:autoTitleDeleted", val="0" if chart.title else "1")
    scale = value_scale(chart)
    length = (width_cm if chart.horizontal else height_cm) * _PLOT_SHARE[_bar_dir(chart)]
    _plot_area(_sub(body, "c:plotArea"), chart, scale, length)
    _legend(_sub(body, "c:legend"))
    _sub(body, "c:plotVisOnly", val="1")
    _sub(body, "c:dispBlanksAs", val="gap")
    _shape(space, fill=None, line=None)
    _text_properties(space, TEXT_PT)
    external = _sub(space, "c:externalData")
    external.set(f"{{{R_NS}}}id", "rId1")
    _sub(external, "c:autoUpdate", val="0")
    return bytes(etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True))


def value_scale(chart: BarChart) -> Scale:
    """A round axis maximum above the tallest bar (or stack), with about five steps."""
    if chart.stacked:
        tallest = max((sum(s.values[i] for s in chart.series)
                       for i in range(len(chart.categories))), default=0.0)
    else:
        tallest = max((v for s in chart.series for v in s.values), default=0.0)
    if tallest <= 0:
        return Scale(1.0, 1.0)
    raw = tallest / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    unit = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if _all_integral(chart):
        unit = max(unit, 1.0)
    return Scale(math.ceil(tallest / unit - 1e-9) * unit, unit)


def _plot_area(area: etree._Element, chart: BarChart, scale: Scale, length: float) -> None:
    _sub(area, "c:layout")
    bars = _sub(area, "c:barChart")
    _sub(bars, "c:barDir", val=_bar_dir(chart))
    _sub(bars, "c:grouping", val="stacked" if chart.stacked else "clustered")
    _sub(bars, "c:varyColors", val="0")
    for index, series in enumerate(chart.series):
        _series(_sub(bars, "c:ser"), chart, index, series, scale, length)
    _sub(bars, "c:gapWidth", val="60" if chart.stacked else "80")
    _sub(bars, "c:overlap", val="100" if chart.stacked else "0")
    _sub(bars, "c:axId", val=_CAT_AX)
    _sub(bars, "c:axId", val=_VAL_AX)
    _category_axis(_sub(area, "c:catAx"), chart)
    _value_axis(_sub(area, "c:valAx"), chart, scale)
    _shape(area, fill=None, line=None)


def _series(ser: etree._Element, chart: BarChart, index: int, series: Series, scale: Scale,
            length: float) -> None:
    column = column_letter(index + 2)  # column A holds the categories
    _sub(ser, "c:idx", val=str(index))
    _sub(ser, "c:order", val=str(index))
    name = _sub(_sub(ser, "c:tx"), "c:strRef")
    _sub(name, "c:f").text = f"{SHEET}!${column}$1"
    _string_cache(_sub(name, "c:strCache"), [series.name])
    _shape(ser, fill=series.color or PALETTE[index % len(PALETTE)], line="FFFFFF")
    _sub(ser, "c:invertIfNegative", val="0")
    _data_labels(_sub(ser, "c:dLbls"), chart, series, scale, length)
    last = len(chart.categories) + 1
    categories = _sub(_sub(ser, "c:cat"), "c:strRef")
    _sub(categories, "c:f").text = f"{SHEET}!$A$2:$A${last}"
    _string_cache(_sub(categories, "c:strCache"), chart.categories)
    values = _sub(_sub(ser, "c:val"), "c:numRef")
    _sub(values, "c:f").text = f"{SHEET}!${column}$2:${column}${last}"
    cache = _sub(values, "c:numCache")
    _sub(cache, "c:formatCode").text = "General"
    _sub(cache, "c:ptCount", val=str(len(series.values)))
    for point, value in enumerate(series.values):
        _sub(_sub(cache, "c:pt", idx=str(point)), "c:v").text = number_text(value)


def _data_labels(labels: etree._Element, chart: BarChart, series: Series, scale: Scale,
                 length: float) -> None:
    """Label every bar that has room for its number; zero and cramped bars get none."""
    for point, value in enumerate(series.values):
        if not _label_fits(chart, value, scale, length):
            hidden = _sub(labels, "c:dLbl")
            _sub(hidden, "c:idx", val=str(point))
            _sub(hidden, "c:delete", val="1")
    _sub(labels, "c:numFmt", formatCode="General", sourceLinked="0")
    _shape(labels, fill=None, line=None)
    _text_properties(labels, TEXT_PT)
    _sub(labels, "c:dLblPos", val="ctr" if chart.stacked else "outEnd")
    for flag, on in (("showLegendKey", 0), ("showVal", 1), ("showCatName", 0),
                     ("showSerName", 0), ("showPercent", 0), ("showBubbleSize", 0)):
        _sub(labels, f"c:{flag}", val=str(on))


def _label_fits(chart: BarChart, value: float, scale: Scale, length: float) -> bool:
    if value == 0:
        return False
    if not chart.stacked:
        return True  # clustered labels sit outside the bar's end
    bar_cm = value / scale.maximum * length
    need = len(number_text(value)) * _DIGIT_CM + 0.2 if chart.horizontal else _LINE_CM
    return bar_cm >= need


def _category_axis(axis: etree._Element, chart: BarChart) -> None:
    _sub(axis, "c:axId", val=_CAT_AX)
    # Horizontal bars list categories top to bottom, in reading order.
    _sub(_sub(axis, "c:scaling"), "c:orientation",
         val="maxMin" if chart.horizontal else "minMax")
    _sub(axis, "c:delete", val="0")
    _sub(axis, "c:axPos", val="l" if chart.horizontal else "b")
    _sub(axis, "c:numFmt", formatCode="General", sourceLinked="0")
    _sub(axis, "c:majorTickMark", val="none")
    _sub(axis, "c:minorTickMark", val="none")
    _sub(axis, "c:tickLblPos", val="nextTo")
    _shape(axis, fill=None, line="000000")
    _text_properties(axis, TEXT_PT)
    _sub(axis, "c:crossAx", val=_VAL_AX)
    _sub(axis, "c:crosses", val="autoZero")
    _sub(axis, "c:auto", val="1")
    _sub(axis, "c:lblAlgn", val="ctr")
    _sub(axis, "c:lblOffset", val="100")
    _sub(axis, "c:noMultiLvlLbl", val="0")


def _value_axis(axis: etree._Element, chart: BarChart, scale: Scale) -> None:
    _sub(axis, "c:axId", val=_VAL_AX)
    scaling = _sub(axis, "c:scaling")
    _sub(scaling, "c:orientation", val="minMax")
    _sub(scaling, "c:max", val=number_text(scale.maximum))
    _sub(scaling, "c:min", val="0")
    _sub(axis, "c:delete", val="0")
    _sub(axis, "c:axPos", val="b" if chart.horizontal else "l")
    _shape(_sub(axis, "c:majorGridlines"), fill=None, line="BFBFBF")
    _sub(axis, "c:numFmt", formatCode="General", sourceLinked="0")
    _sub(axis, "c:majorTickMark", val="out")
    _sub(axis, "c:minorTickMark", val="none")
    _sub(axis, "c:tickLblPos", val="nextTo")
    _shape(axis, fill=None, line="000000")
    _text_properties(axis, TEXT_PT)
    _sub(axis, "c:crossAx", val=_CAT_AX)
    # With the categories reversed, "max" keeps the value axis at the bottom.
    _sub(axis, "c:crosses", val="max" if chart.horizontal else "autoZero")
    _sub(axis, "c:crossBetween", val="between")
    _sub(axis, "c:majorUnit", val=number_text(scale.unit))


def _title(chart: etree._Element, text: str) -> None:
    title = _sub(chart, "c:title")
    rich = _sub(_sub(title, "c:tx"), "c:rich")
    _sub(rich, "a:bodyPr")
    _sub(rich, "a:lstStyle")
    paragraph = _sub(rich, "a:p")
    _run_properties(_sub(_sub(paragraph, "a:pPr"), "a:defRPr"), TITLE_PT, bold=True)
    run = _sub(paragraph, "a:r")
    _run_properties(_sub(run, "a:rPr", lang="vi-VN"), TITLE_PT, bold=True)
    _sub(run, "a:t").text = text
    _sub(title, "c:overlay", val="0")


def _legend(legend: etree._Element) -> None:
    _sub(legend, "c:legendPos", val="b")
    _sub(legend, "c:overlay", val="0")
    _text_properties(legend, TEXT_PT)


def _text_properties(parent: etree._Element, size_pt: int) -> None:
    properties = _sub(parent, "c:txPr")
    _sub(properties, "a:bodyPr")
    _sub(properties, "a:lstStyle")
    paragraph = _sub(properties, "a:p")
    _run_properties(_sub(_sub(paragraph, "a:pPr"), "a:defRPr"), size_pt, bold=False)
    _sub(paragraph, "a:endParaRPr", lang="vi-VN")


def _run_properties(properties: etree._Element, size_pt: int, *, bold: bool) -> None:
    properties.set("sz", str(size_pt * 100))
    properties.set("b", "1" if bold else "0")
    _solid(properties, "000000")
    for tag in ("a:latin", "a:ea", "a:cs"):
        _sub(properties, tag, typeface=FONT)


def _shape(parent: etree._Element, *, fill: str | None, line: str | None) -> None:
    shape = _sub(parent, "c:spPr")
    if fill is None:
        _sub(shape, "a:noFill")
    else:
        _solid(shape, fill)
    outline = _sub(shape, "a:ln", w="6350")
    if line is None:
        _sub(outline, "a:noFill")
    else:
        _solid(outline, line)


def _solid(parent: etree._Element, colour: str) -> None:
    _sub(_sub(parent, "a:solidFill"), "a:srgbClr", val=colour)


def _string_cache(cache: etree._Element, texts: Sequence[str]) -> None:
    _sub(cache, "c:ptCount", val=str(len(texts)))
    for index, text in enumerate(texts):
        _sub(_sub(cache, "c:pt", idx=str(index)), "c:v").text = text


def _bar_dir(chart: BarChart) -> str:
    return "bar" if chart.horizontal else "col"


def _all_integral(chart: BarChart) -> bool:
    return all(float(v).is_integer() for s in chart.series for v in s.values)


def number_text(value: float) -> str:
    """A value as the cache and the workbook store it: ``3``, not ``3.0``.

    >>> number_text(3.0), number_text(2.5)
    ('3', '2.5')
    """
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def column_letter(number: int) -> str:
    """Spreadsheet column name of a 1-based column number.

    >>> column_letter(1), column_letter(26), column_letter(27)
    ('A', 'Z', 'AA')
    """
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _c(tag: str) -> str:
    return f"{{{C_NS}}}{tag}"


def _sub(parent: etree._Element, prefixed: str, **attributes: str) -> etree._Element:
    prefix, local = prefixed.split(":")
    return etree.SubElement(parent, f"{{{_NSMAP[prefix]}}}{local}", attributes)


#: Mid-tone fills that print distinguishably in grey and keep black labels readable.
PALETTE = ("9DC3E6", "F4B183", "A9D18E", "FFD966", "C9C9C9", "D5A6BD", "8FAADC", "C5E0B4")
