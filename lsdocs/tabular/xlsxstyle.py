"""What every workbook lsdocs writes shares: fonts, borders, row heights, locks, print
setup, input checks and reproducible bytes.

openpyxl stamps the workbook and every zip entry with the current time;
:func:`reproducible_bytes` rewrites the zip with a fixed timestamp and the
properties' own dates, so the same content always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from lsdocs import vnformat as vn
from lsdocs.render.output import zip_package

FONT = Font(name="Times New Roman", size=12)
LINE_POINTS = 15.0  # one line of 12 pt text
BOLD = Font(name="Times New Roman", size=12, bold=True)
TITLE = Font(name="Times New Roman", size=13, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TEXT_FORMAT = "@"
_JAN_FEB_FORMAT_ID = 200  # a custom number format id of its own (custom ids start at 164)


def text_cell(ws: Worksheet, row: int, col: int, value: object) -> Cell:
    """A cell holding *value*; text is always text, never a formula (even ``=HYPERLINK…``)."""
    cell = ws.cell(row, col, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def wrapped_lines(text: str, width: float) -> int:
    """Lines *text* takes in a column of *width* (about *width* characters of 12 pt Times)."""
    per_line = max(int(width), 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def protect_structure(ws: Worksheet) -> None:
    """Lock the sheet's structure; resizing rows and columns stays allowed."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def print_setup(ws: Worksheet, landscape: bool = True) -> None:
    setup = ws.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.paperSize = ws.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def add_validation(ws: Worksheet, cells: str, title: str, prompt: str, *, kind: str | None = None,
                formula1: str | None = None, formula2: str | None = None,
                operator: str | None = None, strict: bool = False) -> None:
    rule = DataValidation(type=kind, formula1=formula1, formula2=formula2, operator=operator,
                          allow_blank=True, showInputMessage=True, promptTitle=title,
                          prompt=prompt, showErrorMessage=kind is not None,
                          errorStyle="stop" if strict else "warning", errorTitle=title,
                          error=prompt)
    rule.add(cells)
    ws.add_data_validation(rule)


def short_date_cells(ws: Worksheet, cells: str) -> None:
    """Show the dates in *cells* (``"G3:G20"``) as :func:`lsdocs.vnformat.short_date` writes
    them: ``06/9/2023``, and ``15/01/2025`` for January and February (a conditional format)."""
    for row in ws[cells] if ":" in cells else ((ws[cells],),):
        for cell in row:
            cell.number_format = vn.EXCEL_SHORT_DATE
    first = cells.split(":")[0]
    style = DifferentialStyle(numFmt=NumberFormat(numFmtId=_JAN_FEB_FORMAT_ID,
                                                  formatCode=vn.EXCEL_SHORT_DATE_JAN_FEB))
    ws.conditional_formatting.add(cells, Rule(type="expression", dxf=style,
                                              formula=[vn.EXCEL_JAN_FEB_TEST.format(cell=first)]))


def reproducible_bytes(wb: Workbook) -> bytes:
    """*wb* as .xlsx bytes that depend only on its content and its properties' dates."""
    raw = io.BytesIO()
    wb.save(raw)  # stamps properties.modified with the clock
    wb.properties.modified = wb.properties.created
    core = tostring(wb.properties.to_tree())
    with zipfile.ZipFile(raw) as source:
        parts = {entry.filename: core if entry.filename == "docProps/core.xml"
                 else source.read(entry) for entry in source.infolist()}
    return zip_package(parts, content_types_first=False)
