"""The «Nhiệm vụ» sheet: one row per task the agency answers for, checked cell by cell."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lsdocs import vnformat as vn
from lsdocs.content.schema import did_you_mean
from lsdocs.errors import T, Text
from lsdocs.progress.records import STATE_LABELS, TaskProgress
from lsdocs.tabular.progress_cells import Cell
from lsdocs.tabular.progress_sheets import TASK_COLUMNS, TASK_SHEET

if TYPE_CHECKING:
    from lsdocs.tabular.progress_read import Reading

_ANSWER_KEYS = ("completed", "result", "difficulties", "causes", "proposals")


def read_tasks(reading: Reading) -> list[TaskProgress]:
    """The tasks with a status, in sheet order; every problem reported."""
    from lsdocs.tabular.progress_read import task_headers_ok

    identity, status = reading.identity, reading.status
    if identity is None or status is None or not task_headers_ok(reading):
        return []
    mine = {t.task.id for t in status.tasks_of(identity.agency)}
    found: list[TaskProgress] = []
    for row, task_id in identity.rows:
        id_cell = reading.column_cell(TASK_SHEET, row, TASK_COLUMNS, "id")
        if id_cell.text != task_id:
            reading.cells.error(id_cell, T("mã nhiệm vụ đã bị sửa"),
                                expected=T("{i} như khi xuất bảng", i=task_id),
                                hint=T("không sửa các cột của Kế hoạch"), code="changed-task-id")
            continue
        if task_id not in mine:
            reading.cells.error(id_cell, T("nhiệm vụ không do cơ quan chủ trì trong năm {y}",
                                           y=status.year),
                                hint=T("Kế hoạch đã thay đổi sau khi xuất bảng; xuất lại bảng"),
                                code="not-agency-task")
            continue
        task = _read_row(reading, row, task_id)
        if task is not None:
            found.append(task)
    _check_extra_rows(reading, max((r for r, _ in identity.rows), default=2), mine)
    _warn_unanswered(reading, [i for _, i in identity.rows], {t.task for t in found})
    return found


def _warn_unanswered(reading: Reading, ids: list[str], answered: set[str]) -> None:
    left = [i for i in ids if i not in answered]
    if left and not reading.cells.problems.errors:
        reading.problem(reading.where(TASK_SHEET), T(
            "{n} nhiệm vụ chưa có tình trạng, coi như chưa báo cáo: {i}",
            n=len(left), i=", ".join(left)), severity="warning", code="no-status")


def _read_row(reading: Reading, row: int, task_id: str) -> TaskProgress | None:
    def cell(key: str) -> Cell:
        return reading.column_cell(TASK_SHEET, row, TASK_COLUMNS, key)

    read = reading.cells
    status_cell, date_cell = cell("status"), cell("completed")
    state = read.status(status_cell)
    completed = read.date(date_cell)
    texts = {k: read.text(cell(k)) for k in ("result", "difficulties", "causes", "proposals")}
    if state is None:
        if status_cell.ref not in read.bad and any(cell(k).text for k in _ANSWER_KEYS):
            read.error(status_cell, T("chưa chọn tình trạng của nhiệm vụ"),
                       expected=T("một trong: {s}",
                                  s=", ".join(STATE_LABELS.values())), code="empty-status")
        return None
    _check_completed(reading, state, completed, date_cell)
    return TaskProgress(task_id, state, completed if state == "hoan-thanh" else None,
                        texts["result"], (), texts["difficulties"], texts["causes"],
                        texts["proposals"])


def _check_completed(reading: Reading, state: str, completed: dt.date | None,
                     cell: Cell) -> None:
    read, status = reading.cells, reading.status
    if cell.ref in read.bad or status is None:
        return
    if state == "hoan-thanh" and completed is None:
        read.error(cell, T("nhiệm vụ đã hoàn thành cần ngày hoàn thành"), expected=T(
            "ngày dạng DD/MM/YYYY, đến {d}",
            d=vn.short_date(status.period_end)), code="missing-completed")
    elif state != "hoan-thanh" and completed is not None:
        read.error(cell, T("chỉ ghi ngày hoàn thành khi tình trạng là «Đã hoàn thành»"),
                   hint=T("xóa ngày, hoặc chọn tình trạng «Đã hoàn thành»"),
                   code="completed-not-done")
    elif completed is not None:
        check_in_period(reading, cell, completed, T("ngày hoàn thành"))


def check_in_period(reading: Reading, cell: Cell, day: dt.date, what: Text) -> None:
    """*day* not after the period's end and not before the plan was issued."""
    status = reading.status
    if status is None:
        return
    issued = reading.content.plan.document.date
    end = vn.short_date(status.period_end)
    if day > status.period_end:
        reading.cells.error(cell, T("{what} sau ngày cuối kỳ số liệu ({end})", what=what,
                                    end=end),
                            expected=T("ngày đến {d}; việc sau ngày này báo cáo vào năm {y}",
                                       d=end, y=status.year + 1), code="after-period")
    elif issued is not None and day < issued:
        first = vn.short_date(issued)
        reading.cells.error(cell, T("{what} trước ngày ban hành Kế hoạch ({first})", what=what,
                                    first=first),
                            expected=T("ngày từ {d} trở đi", d=first),
                            code="before-plan")


def _check_extra_rows(reading: Reading, last: int, mine: set[str]) -> None:
    """Rows below the exported ones: a task of another agency, a repeated or unknown id."""
    ws = reading.sheets[TASK_SHEET]
    plan_tasks = {t.id: t for t in reading.content.plan.tasks}
    for row in range(last + 1, ws.max_row + 1):
        if not any(ws.cell(row, c).value not in (None, "") for c in range(1, len(TASK_COLUMNS)
                                                                          + 1)):
            continue
        cell = reading.column_cell(TASK_SHEET, row, TASK_COLUMNS, "id")
        task = plan_tasks.get(cell.text)
        if cell.text in mine:
            message = T("nhiệm vụ đã có ở hàng trên; mỗi nhiệm vụ một hàng")
        elif task is not None:
            lead = reading.content.registry.get(task.lead).name
            message = T("nhiệm vụ {i} do {a} chủ trì, không thuộc bảng của cơ quan này",
                        i=task.id, a=lead)
        elif cell.text:
            reading.cells.error(cell, T("không có nhiệm vụ mã này trong Kế hoạch"),
                                hint=did_you_mean(cell.text, sorted(mine)), code="unknown-task")
            continue
        else:
            message = T("hàng thêm không có mã nhiệm vụ")
        reading.cells.error(cell, message, hint=T("không thêm hàng; chỉ điền các hàng đã có"),
                            code="extra-task-row")
