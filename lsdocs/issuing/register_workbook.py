"""The register as an Excel workbook in the column layout of Nghị định 30, Phụ lục IV.

One sheet per issuing agency and year ("Sổ đăng ký văn bản đi"), with the
decree's eight columns and their numbers (1)–(8); cancelled entries stay in
place, struck through, with the cancellation in Ghi chú.  A last sheet, Tệp,
lists the issued files with their sha256 for checking copies.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import groupby

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from lsdocs import vnformat as vn
from lsdocs.issuing.storage import Entry
from lsdocs.tabular.xlsxstyle import BOLD, BOX, CENTER, FONT, WRAP, reproducible_bytes

COLUMNS = (
    ("Số, ký hiệu văn bản", 16),
    ("Ngày tháng văn bản", 12),
    ("Tên loại và trích yếu nội dung văn bản", 48),
    ("Người ký", 18),
    ("Nơi nhận văn bản", 36),
    ("Đơn vị, người nhận bản lưu", 16),
    ("Số lượng bản", 9),
    ("Ghi chú", 24),
)
FILE_COLUMNS = ("Số, ký hiệu", "Năm", "Cơ quan", "Tệp đã phát hành", "sha256", "Bản dự thảo",
                "sha256 bản dự thảo", "Ghi sổ lúc (UTC)", "Trạng thái")
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 2

_STRUCK = Font(name="Times New Roman", size=12, strike=True)  # a cancelled entry
_TITLE = Font(name="Times New Roman", size=14, bold=True)


def register_workbook(entries: list[Entry], made_on: dt.date) -> bytes:
    """The .xlsx bytes of *entries* (sorted by agency, year, number)."""
    wb = Workbook()
    wb.remove(wb.active)
    names: set[str] = set()
    for (agency, year), group in groupby(entries, key=lambda e: (e.agency, e.year)):
        rows = list(group)
        name = _sheet_name(year, issuer_abbreviation(rows[0].symbol), names)
        _fill_register(wb.create_sheet(name), agency, year, rows)
    _fill_files(wb.create_sheet("Tệp"), entries)
    moment = dt.datetime(made_on.year, made_on.month, made_on.day)
    wb.properties.title = "Sổ đăng ký văn bản đi"
    wb.properties.creator = wb.properties.lastModifiedBy = "lsdocs"
    wb.properties.created = wb.properties.modified = moment
    return reproducible_bytes(wb)


def cancel_note(entry: Entry) -> str:
    parts = [entry.note] if entry.note else []
    if entry.cancelled_on is not None:
        reason = f": {entry.cancel_reason}" if entry.cancel_reason else ""
        parts.append(f"Đã hủy ngày {vn.short_date(entry.cancelled_on)}{reason}")
    return "; ".join(parts)


def issuer_abbreviation(symbol: str) -> str:
    """The issuer part of a ký hiệu.

    >>> issuer_abbreviation("KH-UBND"), issuer_abbreviation("SKHCN-QLKH")
    ('UBND', 'SKHCN')
    """
    groups = symbol.split("-")
    if len(groups) > 1 and vn.type_from_code(groups[0]) is not None:
        return groups[1]
    return groups[0]


def _sheet_name(year: int, agency: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", f"{year} {agency}")[:28].strip()
    name, n = base, 2
    while name in taken:
        name, n = f"{base} {n}", n + 1
    taken.add(name)
    return name


def _fill_register(sheet: Worksheet, agency: str, year: int, entries: list[Entry]) -> None:
    last = len(COLUMNS)
    for row, text, font in ((1, agency, BOLD), (2, "SỔ ĐĂNG KÝ VĂN BẢN ĐI", _TITLE),
                            (3, f"Năm {year}", BOLD)):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        cell = sheet.cell(row, 1, text)
        cell.font, cell.alignment = font, CENTER
    if entries:
        sheet.cell(4, 1, f"Từ số {entries[0].number:02d} đến số {entries[-1].number:02d}").font = \
            FONT
    for col, (title, width) in enumerate(COLUMNS, start=1):
        _boxed(sheet, HEADER_ROW, col, title, BOLD, CENTER)
        _boxed(sheet, HEADER_ROW + 1, col, f"({col})", BOLD, CENTER)
        sheet.column_dimensions[chr(64 + col)].width = width
    for row, entry in enumerate(entries, start=FIRST_ROW):
        font = _STRUCK if entry.cancelled else FONT
        values = (entry.reference, vn.short_date(entry.issued_on), entry.title(), entry.signer,
                  entry.recipients, entry.filing, entry.copies, cancel_note(entry))
        for col, value in enumerate(values, start=1):
            _boxed(sheet, row, col, value, FONT if col == last else font, WRAP)
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4


def _fill_files(sheet: Worksheet, entries: list[Entry]) -> None:
    for col, title in enumerate(FILE_COLUMNS, start=1):
        _boxed(sheet, 1, col, title, BOLD, CENTER)
    for row, e in enumerate(entries, start=2):
        status = "Đã hủy" if e.cancelled else "Hiệu lực"
        values = (e.reference, e.year, e.agency, e.file, e.sha256, e.draft_file, e.draft_sha256,
                  e.recorded_at, status)
        for col, value in enumerate(values, start=1):
            _boxed(sheet, row, col, value, FONT, WRAP)


def _boxed(sheet: Worksheet, row: int, col: int, value: object, font: Font,
           align: Alignment) -> None:
    cell = sheet.cell(row, col, value)
    cell.font, cell.alignment, cell.border = font, align, BOX
