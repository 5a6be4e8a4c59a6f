"""The assignment workbook: a formatted, editable, byte-for-byte reproducible .xlsx.

Sheets: ``Phân công`` (title in row 1, header in row 2, one task per row from
row 3), ``Cơ quan`` (the registry: the names the lead column offers in a drop
down list) and ``Nhóm`` (the task groups, numbered as in the plan).  Text
columns are formatted as text so Excel leaves ``1.10`` and ``31/12/2025``
alone, also in rows a clerk adds.

The properties are set to the plan's date and the bytes made reproducible
(:func:`lsdocs.tabular.xlsxstyle.reproducible_bytes`), so the same content
always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import cast

from openpyxl import Workbook
from openpyxl.utils import quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lsdocs import vnformat as vn
from lsdocs.content.model import Content
from lsdocs.documents import plan as plan_doc
from lsdocs.tabular.columns import (
    AGENCY_SHEET,
    ASSIGNMENT_SHEET,
    COLUMNS,
    GROUP_SHEET,
    SOURCE_LABELS,
    column_letter,
)
from lsdocs.tabular.rows import Row, group_refs
from lsdocs.tabular.snapshot import SNAPSHOT_SHEET, plan_snapshot
from lsdocs.tabular.xlsxstyle import (
    BOLD,
    BOX,
    CENTER,
    FONT,
    HEADER_FILL,
    LINE_POINTS,
    TEXT_FORMAT,
    TITLE,
    WRAP,
    reproducible_bytes,
    text_cell,
    wrapped_lines,
)

HEADER_ROW = 2
FIRST_DATA_ROW = HEADER_ROW + 1
#: Rows below the last task that still get drop-down lists and text format.
SPARE_ROWS = 200

_CENTERED = {"id", "group", "deadline", "source"}


def workbook_bytes(content: Content, rows: list[Row]) -> bytes:
    """The workbook of *rows* (see :func:`lsdocs.tabular.rows.task_rows`) as .xlsx bytes."""
    wb = Workbook()
    sheet = cast(Worksheet, wb.active)  # a new workbook always has one sheet
    sheet.title = ASSIGNMENT_SHEET
    _fill_assignments(sheet, content, rows)
    agencies = _fill_agencies(wb.create_sheet(AGENCY_SHEET), content)
    groups = _fill_groups(wb.create_sheet(GROUP_SHEET), content)
    _add_validations(sheet, len(rows), agencies, groups)
    _fill_snapshot(wb.create_sheet(SNAPSHOT_SHEET), content)
    _set_properties(wb, content)
    return reproducible_bytes(wb)


# --- the assignment sheet ---------------------------------------------------------------


def _fill_assignments(sheet: Worksheet, content: Content, rows: list[Row]) -> None:
    _title(sheet, content)
    for index, column in enumerate(COLUMNS, 1):
        cell = sheet.cell(HEADER_ROW, index, column.header)
        cell.font, cell.alignment, cell.border, cell.fill = BOLD, CENTER, BOX, HEADER_FILL
    sheet.row_dimensions[HEADER_ROW].height = 2 * LINE_POINTS + 3
    for offset, row in enumerate(rows):
        for index, column in enumerate(COLUMNS, 1):
            _data_cell(sheet, FIRST_DATA_ROW + offset, index, column.key, row[column.key])
        sheet.row_dimensions[FIRST_DATA_ROW + offset].height = _row_height(row)
    _layout(sheet, FIRST_DATA_ROW + len(rows) - 1)


def _row_height(row: Row) -> float:
    """Points for the row's wrapped text: Excel and LibreOffice do not fit rows on opening."""
    lines = max(wrapped_lines(str(row[c.key]), c.width) for c in COLUMNS)
    return round(lines * LINE_POINTS + 3, 1)


def _title(sheet: Worksheet, content: Content) -> None:
    doc = content.plan.document
    issuer = content.registry.get(doc.issuer)
    symbol = vn.document_symbol(plan_doc.PLAN_TYPE, issuer.symbol or "")
    appendix = plan_doc.appendix_context(content, symbol)
    cell = text_cell(sheet, 1, 1, f"{appendix['title']}\n{appendix['reference']}")
    cell.font, cell.alignment = TITLE, CENTER
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet.row_dimensions[1].height = 48


def _data_cell(sheet: Worksheet, row: int, col: int, key: str, value: str | int) -> None:
    cell = text_cell(sheet, row, col, value)
    if isinstance(value, str):
        cell.number_format = TEXT_FORMAT
    cell.font, cell.border = FONT, BOX
    cell.alignment = CENTER if key in _CENTERED else WRAP


def _layout(sheet: Worksheet, last_row: int) -> None:
    last_col = column_letter(len(COLUMNS))
    for index, column in enumerate(COLUMNS, 1):
        dimension = sheet.column_dimensions[column_letter(index)]
        dimension.width = column.width
        # Column formats apply to cells a clerk types in new rows.
        dimension.font = FONT
        dimension.alignment = CENTER if column.key in _CENTERED else WRAP
        if column.key != "group":
            dimension.number_format = TEXT_FORMAT
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{max(last_row, HEADER_ROW)}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True


# --- the reference sheets ---------------------------------------------------------------


def _fill_agencies(sheet: Worksheet, content: Content) -> int:
    agencies = list(content.registry.agencies.values())
    rows = [(a.name, a.short_name, a.id, _validity(a.valid_from, a.valid_until))
            for a in agencies]
    _reference_sheet(sheet, ("Tên cơ quan", "Tên viết tắt", "Mã", "Thời gian hoạt động"),
                     rows, (46, 26, 26, 30))
    return len(rows)


def _validity(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"{vn.short_date(start)} - {vn.short_date(end)}"
    if start:
        return f"từ {vn.short_date(start)}"
    return f"đến {vn.short_date(end)}" if end else ""


def _fill_groups(sheet: Worksheet, content: Content) -> int:
    rows = [(g.number, g.id, g.title) for g in group_refs(content.plan)]
    _reference_sheet(sheet, ("Nhóm", "Mã nhóm", "Tên nhóm nhiệm vụ"), rows, (8, 30, 90))
    return len(rows)


def _fill_snapshot(sheet: Worksheet, content: Content) -> None:
    """A hidden sheet: each task's digest at export time (see :mod:`.snapshot`)."""
    for row, (task_id, digest) in enumerate(plan_snapshot(content.plan).items(), 1):
        text_cell(sheet, row, 1, task_id)
        text_cell(sheet, row, 2, digest)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True


def _reference_sheet(sheet: Worksheet, headers: tuple[str, ...],
                     rows: Sequence[Sequence[str | int]], widths: tuple[int, ...]) -> None:
    for index, (header, width) in enumerate(zip(headers, widths, strict=True), 1):
        cell = sheet.cell(1, index, header)
        cell.font, cell.alignment, cell.border, cell.fill = BOLD, CENTER, BOX, HEADER_FILL
        sheet.column_dimensions[column_letter(index)].width = width
    for row_index, row in enumerate(rows, 2):
        for index, value in enumerate(row, 1):
            cell = text_cell(sheet, row_index, index, value)
            cell.font, cell.alignment, cell.border = FONT, WRAP, BOX
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True  # a list to pick from, not to edit here


# --- drop-down lists and input hints --------------------------------------------------


def _add_validations(sheet: Worksheet, n_rows: int, n_agencies: int, n_groups: int) -> None:
    last = FIRST_DATA_ROW + n_rows + SPARE_ROWS
    lists = {
        "lead": (_range(AGENCY_SHEET, "A", n_agencies),
                 "Cơ quan chủ trì", "Chọn trong danh sách; có thể ghi tên viết tắt hoặc mã."),
        "group": (_range(GROUP_SHEET, "A", n_groups),
                  "Nhóm", "Số nhóm nhiệm vụ (xem trang Nhóm)."),
        "source": ('"{}"'.format(",".join(SOURCE_LABELS.values())),
                   "Nguồn", "nguyên văn: lời văn của Kế hoạch; minh họa: nội dung soạn thêm."),
    }
    hints = {
        "support": ("Cơ quan phối hợp", "Tên cơ quan trong trang Cơ quan, mỗi cơ quan một dòng "
                    "hoặc cách nhau bằng dấu ;"),
        "deadline": ("Thời gian hoàn thành", "31/12/2025, tháng 12/2025, quý IV/2025, "
                     "năm 2025, 2024 - 2025, hằng năm hoặc thường xuyên."),
    }
    for index, column in enumerate(COLUMNS, 1):
        cells = f"{column_letter(index)}{FIRST_DATA_ROW}:{column_letter(index)}{last}"
        if column.key in lists:
            formula, title, prompt = lists[column.key]
            _validation(sheet, cells, title, prompt, formula)
        elif column.key in hints:
            _validation(sheet, cells, *hints[column.key])


def _range(sheet_name: str, letter: str, count: int) -> str:
    return f"{quote_sheetname(sheet_name)}!${letter}$2:${letter}${max(count, 1) + 1}"


def _validation(sheet: Worksheet, cells: str, title: str, prompt: str,
                formula: str | None = None) -> None:
    rule = DataValidation(type="list" if formula else None, formula1=formula,
                          allow_blank=True, showInputMessage=True, promptTitle=title,
                          prompt=prompt, showErrorMessage=formula is not None,
                          errorStyle="warning", errorTitle=title,
                          error="Giá trị không có trong danh sách; lsdocs sẽ kiểm tra khi nhập.")
    rule.add(cells)
    sheet.add_data_validation(rule)


# --- properties and reproducible bytes ---------------------------------------------------


def _set_properties(wb: Workbook, content: Content) -> None:
    plan = content.plan
    day = plan.document.date or dt.date(2000, 1, 1)
    moment = dt.datetime(day.year, day.month, day.day)
    props = wb.properties
    props.title = f"Phân công nhiệm vụ - {plan.id}"
    props.identifier = plan.id  # the importer refuses a table made from another plan
    props.creator = props.lastModifiedBy = "lsdocs"
    props.created = props.modified = moment
