"""An agency's progress workbook for one reporting year, as reproducible .xlsx bytes.

The layout is :mod:`lsdocs.tabular.progress_sheets`.  Plan data (task ids,
texts, deadlines, targets) sits in locked cells of protected sheets (no
password: protection keeps the structure from slipping, it is not security);
the agency's answers go in unlocked cells with drop-down lists for the status
and the document type and date checks for dates.  Existing answers of the
year are filled in, so an agency can correct its report instead of retyping it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.worksheet import Worksheet

from lsdocs import vnformat as vn
from lsdocs.content.model import Agency, Content
from lsdocs.progress.records import STATE_LABELS, ProgressRecord
from lsdocs.progress.year_status import TaskYear, YearStatus
from lsdocs.tabular.columns import column_letter
from lsdocs.tabular.progress_guide import guide_lines, plan_reference, target_goal
from lsdocs.tabular.progress_sheets import (
    FIRST_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    IDENTIFIER_PREFIX,
    IDENTITY_SHEET,
    INFO_ROWS,
    INFO_SHEET,
    NARRATIVE_KEYS,
    PRODUCT_COLUMNS,
    PRODUCT_SHEET,
    SPARE_PRODUCT_ROWS,
    TARGET_COLUMNS,
    TARGET_SHEET,
    TASK_COLUMNS,
    TASK_SHEET,
    TITLE_ROW,
    Column,
)
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
    add_validation,
    print_setup,
    protect_structure,
    reproducible_bytes,
    short_date_cells,
    text_cell,
    wrapped_lines,
)

MONEY_FORMAT = "#,##0"
#: Types offered in the drop-down (an Excel list is at most 255 characters); any type of
#: :data:`lsdocs.vnformat.TYPE_CODES` is accepted when typed.
OFFERED_TYPES = ("ke-hoach", "quyet-dinh", "cong-van", "bao-cao", "chi-thi", "huong-dan",
                 "thong-bao", "chuong-trinh", "de-an", "du-an", "to-trinh", "quy-che",
                 "quy-dinh", "nghi-quyet", "hop-dong", "bien-ban")
_OPEN = Protection(locked=False)
_LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")  # plan data, not to edit
_NOTE = Font(name="Times New Roman", size=11, italic=True)
_NARRATIVE_LINES = 6


@dataclass(frozen=True)
class Sheet:
    """What the sheets of one agency's workbook are made from."""

    content: Content
    status: YearStatus
    agency: Agency
    record: ProgressRecord | None  # the agency's record of the year, if any
    digest: str  # of the record file's meaning at export ("" for none)
    collector: Agency  # where the report goes

    @property
    def tasks(self) -> list[TaskYear]:
        return self.status.tasks_of(self.agency.id)


def progress_workbook_bytes(sheet: Sheet) -> bytes:
    wb = Workbook()
    guide = cast(Worksheet, wb.active)  # a new workbook always has one sheet
    guide.title = GUIDE_SHEET
    _fill_guide(guide, sheet)
    _fill_info(wb.create_sheet(INFO_SHEET), sheet)
    rows = _fill_tasks(wb.create_sheet(TASK_SHEET), sheet)
    _fill_products(wb.create_sheet(PRODUCT_SHEET), sheet)
    _fill_targets(wb.create_sheet(TARGET_SHEET), sheet)
    _fill_identity(wb.create_sheet(IDENTITY_SHEET), sheet, rows)
    wb.active = 1  # open on «Thông tin chung»
    _set_properties(wb, sheet)
    return reproducible_bytes(wb)


# --- common pieces -------------------------------------------------------------------------


def _title(ws: Worksheet, text: str, width: int) -> None:
    cell = text_cell(ws, TITLE_ROW, 1, text)
    cell.font, cell.alignment = TITLE, CENTER
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=width)
    ws.row_dimensions[TITLE_ROW].height = 3 * LINE_POINTS + 3


def _headers(ws: Worksheet, columns: Sequence[Column]) -> None:
    for index, column in enumerate(columns, 1):
        cell = ws.cell(HEADER_ROW, index, column.header)
        cell.font, cell.alignment, cell.border, cell.fill = BOLD, CENTER, BOX, HEADER_FILL
        ws.column_dimensions[column_letter(index)].width = column.width
    ws.row_dimensions[HEADER_ROW].height = 2 * LINE_POINTS + 3
    ws.freeze_panes = ws.cell(FIRST_ROW, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _put(ws: Worksheet, row: int, col: int, value: object, column: Column) -> None:
    cell = text_cell(ws, row, col, value)  # text from content is never a formula
    cell.font, cell.border = FONT, BOX
    cell.alignment = CENTER if column.key in ("stt", "id", "task", "deadline", "status",
                                              "completed", "date") else WRAP
    if column.kind not in ("date", "number"):  # dates: short_date_cells over the column
        cell.number_format = TEXT_FORMAT
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, even for text starting with "="
    if column.locked:
        cell.fill = _LOCKED_FILL
    else:
        cell.protection = _OPEN


def _height(values: Sequence[tuple[object, Column]]) -> float:
    lines = max((wrapped_lines(str(v or ""), c.width) for v, c in values), default=1)
    return round(max(lines, 2) * LINE_POINTS + 3, 1)


def _excel_date(day: dt.date) -> str:
    return f"DATE({day.year},{day.month},{day.day})"


def _date_rule(ws: Worksheet, cells: str, title: str, sheet: Sheet) -> None:
    first = sheet.content.plan.document.date or sheet.status.period_start
    end = sheet.status.period_end
    short_date_cells(ws, cells)
    add_validation(ws, cells, title, f"Ngày dạng DD/MM/YYYY, từ {vn.short_date(first)} đến "
                f"{vn.short_date(end)}.", kind="date", operator="between",
                formula1=_excel_date(first), formula2=_excel_date(end))


# --- Hướng dẫn ---------------------------------------------------------------------------


def _fill_guide(ws: Worksheet, sheet: Sheet) -> None:
    ws.column_dimensions["A"].width = 80
    for row, (text, bold) in enumerate(guide_lines(sheet), 1):
        cell = ws.cell(row, 1, text)
        cell.font = TITLE if row == 1 else BOLD if bold else FONT
        cell.alignment = CENTER if row == 1 else WRAP
        ws.row_dimensions[row].height = round(wrapped_lines(text, 76) * LINE_POINTS + 4, 1)
    protect_structure(ws)
    print_setup(ws, landscape=False)


# --- Thông tin chung -----------------------------------------------------------------------


def _fill_info(ws: Worksheet, sheet: Sheet) -> None:
    widths = {"A": 34, "B": 70, "C": 30}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    _title(ws, f"THÔNG TIN CHUNG VỀ BÁO CÁO NĂM {sheet.status.year}\n{sheet.agency.name}", 3)
    for index, header in enumerate(("Mục", "Nội dung (cơ quan điền)", "Cách ghi"), 1):
        cell = ws.cell(HEADER_ROW, index, header)
        cell.font, cell.alignment, cell.border, cell.fill = BOLD, CENTER, BOX, HEADER_FILL
    values = _info_values(sheet)
    for offset, item in enumerate(INFO_ROWS):
        row = FIRST_ROW + offset
        label = ws.cell(row, 1, item.label)
        label.font, label.alignment, label.border = BOLD, WRAP, BOX
        value = ws.cell(row, 2, values.get(item.key))
        value.font, value.alignment, value.border = FONT, WRAP, BOX
        hint = ws.cell(row, 3, item.hint or None)
        hint.font, hint.alignment, hint.border = _NOTE, WRAP, BOX
        _info_format(ws, value.coordinate, item.kind, item.label, sheet)
        if item.kind == "fixed":
            value.fill = _LOCKED_FILL
        else:
            value.protection = _OPEN
        lines = _NARRATIVE_LINES if item.key in NARRATIVE_KEYS else 1
        text = str(values.get(item.key) or "")
        ws.row_dimensions[row].height = round(
            max(lines, wrapped_lines(text, 68), wrapped_lines(item.label, 32),
                wrapped_lines(item.hint, 28)) * LINE_POINTS + 4, 1)
    ws.freeze_panes = ws.cell(FIRST_ROW, 1)
    protect_structure(ws)
    print_setup(ws, landscape=False)


def _info_format(ws: Worksheet, ref: str, kind: str, label: str, sheet: Sheet) -> None:
    cell = ws[ref]
    if kind == "date":
        short_date_cells(ws, ref)
        cell.alignment = Alignment(vertical="center", horizontal="left")
        first = sheet.content.plan.document.date or sheet.status.period_start
        add_validation(ws, ref, label, "Ngày dạng DD/MM/YYYY.", kind="date",
                    operator="greaterThanOrEqual", formula1=_excel_date(first))
    elif kind == "money":
        cell.number_format = MONEY_FORMAT
        add_validation(ws, ref, label, "Số nguyên không âm, đơn vị đồng.", kind="whole",
                    operator="greaterThanOrEqual", formula1="0")
    else:
        cell.number_format = TEXT_FORMAT
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _info_values(sheet: Sheet) -> dict[str, object]:
    status = sheet.status
    values: dict[str, object] = {
        "plan": plan_reference(sheet.content),
        "year": str(status.year),
        "period": f"từ {vn.short_date(status.period_start)} đến "
                  f"{vn.short_date(status.period_end)}",
        "agency": sheet.agency.name,
    }
    record = sheet.record
    if record is None:
        return values
    values.update(reported_on=record.reported_on, report_number=record.report_number,
                  budget=record.budget)
    if record.signature is not None:
        values.update(authority="\n".join(record.signature.authority) or None,
                      title=record.signature.title or None, name=record.signature.name)
    for key, field in NARRATIVE_KEYS.items():
        values[key] = "\n".join(getattr(record.narrative, field)) or None
    return values


# --- Nhiệm vụ ------------------------------------------------------------------------------


def _fill_tasks(ws: Worksheet, sheet: Sheet) -> list[tuple[int, str]]:
    _title(ws, f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {sheet.status.year}\n{sheet.agency.name} "
               f"(chủ trì)\nThực hiện {plan_reference(sheet.content)}", len(TASK_COLUMNS))
    _headers(ws, TASK_COLUMNS)
    rows: list[tuple[int, str]] = []
    for number, item in enumerate(sheet.tasks, 1):
        row = FIRST_ROW + number - 1
        values = _task_values(sheet, number, item)
        pairs = [(values.get(c.key), c) for c in TASK_COLUMNS]
        for index, (value, column) in enumerate(pairs, 1):
            _put(ws, row, index, value, column)
        ws.row_dimensions[row].height = _height(pairs)
        rows.append((row, item.task.id))
    last = FIRST_ROW + max(len(rows), 1) - 1
    letters = {c.key: column_letter(i) for i, c in enumerate(TASK_COLUMNS, 1)}
    states = ",".join(STATE_LABELS.values())
    add_validation(ws, f"{letters['status']}{FIRST_ROW}:{letters['status']}{last}", "Tình trạng",
                "Chọn: " + ", ".join(STATE_LABELS.values()) + ".", kind="list",
                formula1=f'"{states}"', strict=True)
    _date_rule(ws, f"{letters['completed']}{FIRST_ROW}:{letters['completed']}{last}",
               "Ngày hoàn thành", sheet)
    protect_structure(ws)
    print_setup(ws)
    return rows


def _task_values(sheet: Sheet, number: int, item: TaskYear) -> dict[str, object]:
    task = item.task
    lead = sheet.content.registry.get(task.lead)
    values: dict[str, object] = {
        "stt": number, "id": task.id, "name": task.name, "deadline": task.deadline.text,
        "lead": lead.short_name if lead.id == sheet.agency.id
        else f"{lead.short_name} (nay là {sheet.agency.short_name})",
    }
    found = sheet.record.task(task.id) if sheet.record else None
    if found is not None:
        values.update(status=STATE_LABELS[found.state], completed=found.completed,
                      result=found.result, difficulties=found.difficulties,
                      causes=found.causes, proposals=found.proposals)
    return values


# --- Sản phẩm ------------------------------------------------------------------------------


def _fill_products(ws: Worksheet, sheet: Sheet) -> None:
    _title(ws, "VĂN BẢN LÀ SẢN PHẨM CỦA NHIỆM VỤ\n(mỗi văn bản một hàng; ghi mã nhiệm vụ ở "
               "trang «Nhiệm vụ»)", len(PRODUCT_COLUMNS))
    _headers(ws, PRODUCT_COLUMNS)
    products = [(t.task, p) for t in (sheet.record.tasks if sheet.record else ())
                for p in t.products]
    for offset, (task_id, product) in enumerate(products):
        doc_type = vn.TYPE_CODES.get(product.doc_type)
        issuer = product.issuer
        values = {"task": task_id, "type": doc_type.name if doc_type else product.doc_type,
                  "number": product.number, "date": product.date,
                  "trich_yeu": product.trich_yeu,
                  "issuer": sheet.content.registry.get(issuer).name
                  if issuer is not None and issuer in sheet.content.registry else issuer}
        pairs = [(values.get(c.key), c) for c in PRODUCT_COLUMNS]
        for index, (value, column) in enumerate(pairs, 1):
            _put(ws, FIRST_ROW + offset, index, value, column)
        ws.row_dimensions[FIRST_ROW + offset].height = _height(pairs)
    last = FIRST_ROW + len(products) + SPARE_PRODUCT_ROWS - 1
    for offset in range(len(products), len(products) + SPARE_PRODUCT_ROWS):
        for index, column in enumerate(PRODUCT_COLUMNS, 1):
            _put(ws, FIRST_ROW + offset, index, None, column)
    letters = {c.key: column_letter(i) for i, c in enumerate(PRODUCT_COLUMNS, 1)}
    ids = ",".join(t.task.id for t in sheet.tasks)
    add_validation(ws, f"{letters['task']}{FIRST_ROW}:{letters['task']}{last}", "Mã nhiệm vụ",
                "Mã nhiệm vụ ở trang «Nhiệm vụ».", kind="list", formula1=f'"{ids}"')
    names = ",".join(vn.TYPE_CODES[t].name for t in OFFERED_TYPES)
    add_validation(ws, f"{letters['type']}{FIRST_ROW}:{letters['type']}{last}", "Loại văn bản",
                "Chọn trong danh sách (hoặc ghi tên loại văn bản khác).", kind="list",
                formula1=f'"{names}"')
    add_validation(ws, f"{letters['number']}{FIRST_ROW}:{letters['number']}{last}",
                "Số, ký hiệu", "Như in trên văn bản, ví dụ 125/KH-SNN; công văn: 1465/SNN-VP.")
    _date_rule(ws, f"{letters['date']}{FIRST_ROW}:{letters['date']}{last}", "Ngày ban hành",
               sheet)
    protect_structure(ws)
    print_setup(ws)


# --- Chỉ tiêu ------------------------------------------------------------------------------


def _fill_targets(ws: Worksheet, sheet: Sheet) -> None:
    _title(ws, f"SỐ LIỆU CHỈ TIÊU CỦA KẾ HOẠCH NĂM {sheet.status.year}\n(điền nếu cơ quan "
               "theo dõi chỉ tiêu; để trống nếu không có số liệu)", len(TARGET_COLUMNS))
    _headers(ws, TARGET_COLUMNS)
    figures = {f.target: f for f in (sheet.record.figures if sheet.record else ())}
    targets = [t for t in sheet.content.plan.targets if t.id]
    for offset, target in enumerate(targets):
        figure = figures.get(target.id or "")
        values = {"id": target.id, "indicator": target.indicator, "goal": target_goal(target),
                  "baseline": _plain(figure.baseline) if figure else None,
                  "value": _plain(figure.value) if figure else None,
                  "note": figure.note if figure else None}
        pairs = [(values.get(c.key), c) for c in TARGET_COLUMNS]
        for index, (value, column) in enumerate(pairs, 1):
            _put(ws, FIRST_ROW + offset, index, value, column)
        ws.row_dimensions[FIRST_ROW + offset].height = _height(pairs)
    last = FIRST_ROW + max(len(targets), 1) - 1
    for key in ("baseline", "value"):
        letter = column_letter(next(i for i, c in enumerate(TARGET_COLUMNS, 1) if c.key == key))
        add_validation(ws, f"{letter}{FIRST_ROW}:{letter}{last}", "Số liệu",
                    "Một số không âm, ví dụ 15 hoặc 12,5.", kind="decimal",
                    operator="greaterThanOrEqual", formula1="0")
    protect_structure(ws)
    print_setup(ws)


def _plain(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


# --- identity and properties ----------------------------------------------------------------


def _fill_identity(ws: Worksheet, sheet: Sheet, rows: list[tuple[int, str]]) -> None:
    """Hidden: which plan, year and agency; the task of each row; the record's digest."""
    entries: list[tuple[object, ...]] = [
        ("plan", sheet.content.plan.id), ("year", sheet.status.year),
        ("agency", sheet.agency.id), ("digest", sheet.digest), ("format", 1),
        *(("row", row, task_id) for row, task_id in rows),
    ]
    for index, entry in enumerate(entries, 1):
        for col, value in enumerate(entry, 1):
            ws.cell(index, col, value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _set_properties(wb: Workbook, sheet: Sheet) -> None:
    plan, status = sheet.content.plan, sheet.status
    day = plan.document.date or status.period_start
    props = wb.properties
    props.title = f"Báo cáo tiến độ năm {status.year} - {sheet.agency.name}"
    props.identifier = f"{IDENTIFIER_PREFIX}{plan.id}/{status.year}/{sheet.agency.id}"
    props.creator = props.lastModifiedBy = "lsdocs"
    props.created = props.modified = dt.datetime(day.year, day.month, day.day)
