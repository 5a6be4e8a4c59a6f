"""Read one filled-in progress workbook into a progress record, checking every cell.

Which plan, year and agency a workbook belongs to, and which task each row of
«Nhiệm vụ» holds, come from its hidden ``lsdocs`` sheet; the visible cells are
checked against them, so a changed task id, a row added for a task of another
agency or a sheet pasted from another agency's workbook is reported, not
imported.  Every problem names the workbook, the sheet and the cell.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from lsdocs.content.model import Content, Signature
from lsdocs.errors import Location, Problem, T, Text, join_texts
from lsdocs.progress.records import Narrative, ProgressRecord
from lsdocs.progress.year_status import YearStatus
from lsdocs.tabular.columns import ASSIGNMENT_SHEET, column_letter, fold
from lsdocs.tabular.progress_cells import Cell, Cells
from lsdocs.tabular.progress_products import read_products, read_targets
from lsdocs.tabular.progress_sheets import (
    DATA_SHEETS,
    FIRST_ROW,
    HEADER_ROW,
    IDENTITY_SHEET,
    INFO_BY_KEY,
    INFO_ROWS,
    INFO_SHEET,
    NARRATIVE_KEYS,
    TASK_COLUMNS,
    TASK_SHEET,
    Column,
)
from lsdocs.tabular.progress_tasks import read_tasks
from lsdocs.vnformat import short_date


@dataclass(frozen=True)
class Identity:
    """What the hidden sheet says about the workbook."""

    plan: str
    year: int
    agency: str
    digest: str  # the record file's digest at export ("" for none)
    rows: tuple[tuple[int, str], ...]  # (row of «Nhiệm vụ», task id)


@dataclass
class Reading:
    """One workbook being read: where messages point, and what was found."""

    file: str
    wb: Workbook
    content: Content
    cells: Cells
    status: YearStatus | None = None
    identity: Identity | None = None
    sheets: dict[str, Worksheet] = field(default_factory=dict)

    def where(self, sheet: str | None = None) -> Location:
        return Location(file=self.file, place=Text(sheet, sheet) if sheet else None)

    def cell(self, sheet: str, row: int, col: int, label: Text) -> Cell:
        ref = f"{sheet}!{column_letter(col)}{row}"
        raw = self.sheets[sheet].cell(row, col).value
        place = join_texts([ref, " (", label, ")"])
        return Cell.of(raw, Location(file=self.file, place=place), ref)

    def column_cell(self, sheet: str, row: int, columns: tuple[Column, ...], key: str) -> Cell:
        index = next(i for i, c in enumerate(columns, 1) if c.key == key)
        return self.cell(sheet, row, index, columns[index - 1].label())

    def problem(self, where: Location, message: Text, **kw: Any) -> None:
        self.cells.problems.add(Problem(where, message, **kw))


def read_identity(reading: Reading) -> Identity | None:
    """The hidden sheet's plan, year, agency, digest and rows; None (reported) if missing."""
    wb = reading.wb
    values: dict[str, object] = {}
    rows: list[tuple[int, str]] = []
    if IDENTITY_SHEET in wb.sheetnames:
        for entry in wb[IDENTITY_SHEET].iter_rows(values_only=True):
            if entry and entry[0] == "row" and len(entry) > 2:
                rows.append((int(str(entry[1])), str(entry[2])))
            elif entry and entry[0] is not None and len(entry) > 1:
                values[str(entry[0])] = entry[1]
    if "agency" not in values:
        _not_progress(reading)
        return None
    try:
        return Identity(str(values["plan"]), int(str(values["year"])), str(values["agency"]),
                        str(values.get("digest") or ""), tuple(rows))
    except (KeyError, ValueError):
        reading.problem(reading.where(IDENTITY_SHEET), T(
            "trang ẩn «{s}» bị sửa; không biết bảng của cơ quan, năm nào",
            s=IDENTITY_SHEET), code="bad-identity")
        return None


def _not_progress(reading: Reading) -> None:
    assignments = fold(ASSIGNMENT_SHEET) in {fold(n) for n in reading.wb.sheetnames}
    reading.problem(reading.where(), T(
        "bảng tính không phải bảng báo cáo tiến độ do lsdocs xuất (thiếu trang ẩn «{s}»)",
        s=IDENTITY_SHEET),
        hint=T("đây là bảng phân công nhiệm vụ; nhập bằng lsdocs import-xlsx")
        if assignments else T("dùng bảng xuất bằng lsdocs export-progress"),
        code="not-progress-workbook")


def find_sheets(reading: Reading) -> None:
    """Map the data sheets by name (case and accents aside); report missing ones."""
    names = {fold(n): n for n in reading.wb.sheetnames if n != IDENTITY_SHEET}
    for wanted in DATA_SHEETS:
        found = names.get(fold(wanted))
        if found is not None:
            reading.sheets[wanted] = reading.wb[found]
            continue
        close = difflib.get_close_matches(fold(wanted), list(names), n=1, cutoff=0.5)
        reading.problem(
            reading.where(), T("thiếu trang «{s}»", s=wanted),
            found=", ".join(reading.wb.sheetnames),
            hint=T("đổi tên trang «{c}» lại thành «{s}»", c=names[close[0]], s=wanted) if close else
            T("xuất lại bảng và điền lại trang này"),
            code="missing-sheet")


def read_record(reading: Reading, source: str) -> ProgressRecord | None:
    """The record the workbook says; None when a problem makes it unreadable."""
    identity, status = reading.identity, reading.status
    if identity is None or status is None:
        return None
    info = _read_info(reading) if INFO_SHEET in reading.sheets else {}
    tasks = read_tasks(reading) if TASK_SHEET in reading.sheets else []
    products_ok = read_products(reading, tasks)
    figures = read_targets(reading)
    if reading.cells.problems.errors:
        return None
    tasks = products_ok if products_ok is not None else tasks
    narrative = Narrative(**{f: info.get(k, ()) for k, f in NARRATIVE_KEYS.items()})
    return ProgressRecord(
        plan=identity.plan, year=identity.year, agency=identity.agency,
        source="illustrative" if source == "illustrative" else None,
        tasks=tuple(tasks), narrative=narrative, figures=tuple(figures),
        budget=info.get("budget"), reported_on=info.get("reported_on"),
        report_number=info.get("report_number"), signature=info.get("signature"),
        file=reading.file)


# --- Thông tin chung ---------------------------------------------------------------------------


def _read_info(reading: Reading) -> dict[str, Any]:
    ws = reading.sheets[INFO_SHEET]
    rows = {fold(str(ws.cell(r, 1).value or "")): r for r in range(FIRST_ROW, ws.max_row + 1)}
    cells: dict[str, Cell] = {}
    for item in INFO_ROWS:
        row = rows.get(fold(item.label))
        if row is None:
            reading.problem(reading.where(INFO_SHEET), T(
                "thiếu hàng «{l}» ở cột A",
                l=item.label), hint=T("không sửa cột A; xuất lại bảng nếu cần"),
                code="missing-row")
            continue
        cells[item.key] = reading.cell(INFO_SHEET, row, 2, item.text())
    _check_fixed(reading, cells)
    values = _info_values(reading, cells)
    values["signature"] = _signature(reading, cells)
    return values


def _check_fixed(reading: Reading, cells: dict[str, Cell]) -> None:
    """The locked year and agency cells must be this workbook's (not pasted from another)."""
    identity, status = reading.identity, reading.status
    if identity is None or status is None:
        return
    agency = reading.content.registry.get(identity.agency)
    for key, expected in (("year", str(identity.year)), ("agency", agency.name)):
        cell = cells.get(key)
        if cell is not None and fold(cell.text) != fold(expected):
            reading.cells.error(cell, T("không khớp với bảng được xuất (bảng của năm hoặc cơ "
                                        "quan khác?)"),
                                expected=Text(expected, expected), code="other-workbook")


def _info_values(reading: Reading, cells: dict[str, Cell]) -> dict[str, Any]:
    read, status = reading.cells, reading.status
    values: dict[str, Any] = {}
    for key, cell in cells.items():
        kind = INFO_BY_KEY[key].kind
        if kind == "date":
            values[key] = read.date(cell)
        elif kind == "money":
            values[key] = read.money(cell)
        elif key in NARRATIVE_KEYS:
            values[key] = read.lines(cell)
        elif kind != "fixed":
            values[key] = read.text(cell)
    number = cells.get("report_number")
    if number is not None and values.get("report_number"):
        values["report_number"] = read.doc_number(number, "bao-cao")
    day, when = values.get("reported_on"), cells.get("reported_on")
    if day is not None and when is not None and status is not None and day < status.period_start:
        read.error(when, T("ngày báo cáo trước kỳ số liệu"), expected=T("ngày từ {d} trở đi",
                                                      d=short_date(status.period_start)),
                   code="report-date")
    return values


def _signature(reading: Reading, cells: dict[str, Cell]) -> Signature | None:
    read = reading.cells
    authority = read.lines(cells["authority"]) if "authority" in cells else ()
    title = read.text(cells["title"]) if "title" in cells else None
    name = read.text(cells["name"]) if "name" in cells else None
    if not (authority or title or name):
        return None
    for key, value in (("title", title), ("name", name)):
        if not value and key in cells:
            read.error(cells[key], T("ô bắt buộc khi có người ký đang để trống"),
                       expected=T("{l}", l=INFO_BY_KEY[key].label), code="empty-cell")
    return Signature(authority, title or "", name or "") if title and name else None


def task_headers_ok(reading: Reading) -> bool:
    """The «Nhiệm vụ» columns are where the export put them."""
    ws = reading.sheets[TASK_SHEET]
    for index, column in enumerate(TASK_COLUMNS, 1):
        found = str(ws.cell(HEADER_ROW, index).value or "")
        if fold(found) != fold(column.header):
            ref = f"{TASK_SHEET}!{column_letter(index)}{HEADER_ROW}"
            reading.problem(Location(file=reading.file, place=Text(ref, ref)), T(
                "cột của trang đã bị đổi (thêm, xóa hoặc đổi chỗ cột)"),
                found=found or None, expected=Text(column.header, column.en),
                hint=T("xuất lại bảng và điền lại"),
                code="moved-columns")
            return False
    return True
