"""What every workbook lsdocs writes shares: fonts, borders, row heights, reproducible bytes.

openpyxl stamps the workbook and every zip entry with the current time;
:func:`reproducible_bytes` rewrites the zip with a fixed timestamp and the
properties' own dates, so the same content always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.xml.functions import tostring

from lsdocs.render.engine import ZIP_EPOCH

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


def wrapped_lines(text: str, width: float) -> int:
    """Lines *text* takes in a column of *width* (about *width* characters of 12 pt Times)."""
    per_line = max(int(width), 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def reproducible_bytes(wb: Workbook) -> bytes:
    """*wb* as .xlsx bytes that depend only on its content and its properties' dates."""
    raw = io.BytesIO()
    wb.save(raw)  # stamps properties.modified with the clock
    wb.properties.modified = wb.properties.created
    core = tostring(wb.properties.to_tree())
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = core if entry.filename == "docProps/core.xml" else source.read(entry)
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            target.writestr(info, data, compresslevel=6)
    return out.getvalue()
