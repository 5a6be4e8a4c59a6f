"""The workbook embedded behind a chart, so that Word's "Edit data" shows its numbers.

Written by hand rather than with openpyxl because openpyxl stamps the save time
into ``docProps/core.xml`` and the zip entries, and a generated document must be
byte-identical for the same input.  The workbook is the smallest one Excel opens
without a repair prompt: content types, package and workbook relationships, the
workbook, one sheet, the shared strings and a style sheet (Excel reports a damaged file when
``styles.xml`` is missing the two mandatory fills or the default cell format).
Strings go to a shared-string table, as Excel writes them (inline strings would be
read, but rewritten the first time "Edit data" saves the workbook).

Layout, as Word itself lays out chart data: A1 empty, series names in row 1 from
column B, categories in column A from row 2, one column of values per series.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from lsdocs.render._chart_xml import SHEET, column_letter, number_text
from lsdocs.render.output import zip_package

if TYPE_CHECKING:
    from lsdocs.render.chart import BarChart

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}">'
    '<fonts count="1"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/>'
    "</font></fonts>"
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def workbook_bytes(chart: BarChart) -> bytes:
    """The .xlsx holding *chart*'s table, zipped reproducibly."""
    strings = _SharedStrings()
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": _STYLES,
        "xl/worksheets/sheet1.xml": _sheet(chart, strings),
        "xl/sharedStrings.xml": strings.xml(),
    }
    return zip_package({name: (_HEAD + xml).encode("utf-8") for name, xml in parts.items()})


class _SharedStrings:
    """Each distinct text once, numbered in order of first use."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self._uses = 0

    def cell(self, reference: str, text: str) -> str:
        self._uses += 1
        number = self._index.setdefault(text, len(self._index))
        return f'<c r="{reference}" t="s"><v>{number}</v></c>'

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>'
                        for text in self._index)
        return (f'<sst xmlns="{_MAIN}" count="{self._uses}" uniqueCount="{len(self._index)}">'
                f"{items}</sst>")


def _sheet(chart: BarChart, strings: _SharedStrings) -> str:
    last_column = column_letter(len(chart.series) + 1)
    header = "".join(strings.cell(f"{column_letter(i + 2)}1", s.name)
                     for i, s in enumerate(chart.series))
    rows = [f'<row r="1">{header}</row>']
    for index, category in enumerate(chart.categories):
        row = index + 2
        cells = strings.cell(f"A{row}", category) + "".join(
            f'<c r="{column_letter(i + 2)}{row}"><v>{number_text(s.values[index])}</v></c>'
            for i, s in enumerate(chart.series))
        rows.append(f'<row r="{row}">{cells}</row>')
    width = max((len(c) for c in chart.categories), default=10)
    return (
        f'<worksheet xmlns="{_MAIN}">'
        f'<dimension ref="A1:{last_column}{len(chart.categories) + 1}"/>'
        f'<cols><col min="1" max="1" width="{min(max(width, 10), 80)}" customWidth="1"/>'
        f'<col min="2" max="{len(chart.series) + 1}" width="16" customWidth="1"/></cols>'
        f'<sheetData>{"".join(rows)}</sheetData>'
        "</worksheet>"
    )
