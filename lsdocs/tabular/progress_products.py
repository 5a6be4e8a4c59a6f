"""The «Sản phẩm» and «Chỉ tiêu» sheets: documents a task produced, figures of the targets."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from lsdocs import vnformat as vn
from lsdocs.content.agencies import existed_on
from lsdocs.content.schema import did_you_mean
from lsdocs.errors import T
from lsdocs.progress.records import Figure, ProductDocument, TaskProgress
from lsdocs.tabular.agency_cells import AgencyNames, Unresolved
from lsdocs.tabular.columns import column_letter
from lsdocs.tabular.progress_cells import Cell
from lsdocs.tabular.progress_sheets import (
    FIRST_ROW,
    PRODUCT_COLUMNS,
    PRODUCT_SHEET,
    TARGET_COLUMNS,
    TARGET_SHEET,
    TASK_COLUMNS,
    TASK_SHEET,
)

if TYPE_CHECKING:
    from lsdocs.tabular.progress_read import Reading

_REQUIRED = T("ô bắt buộc đang để trống")


def read_products(reading: Reading, tasks: list[TaskProgress]) -> list[TaskProgress] | None:
    """*tasks* with their products attached (None when the sheet is missing)."""
    from lsdocs.tabular.progress_tasks import check_in_period

    if PRODUCT_SHEET not in reading.sheets or reading.identity is None:
        return None
    ws, read = reading.sheets[PRODUCT_SHEET], reading.cells
    rows = dict((task_id, row) for row, task_id in reading.identity.rows)
    reported = {t.task for t in tasks}
    products: dict[str, list[ProductDocument]] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in range(FIRST_ROW, ws.max_row + 1):
        cells = {c.key: reading.column_cell(PRODUCT_SHEET, row, PRODUCT_COLUMNS, c.key)
                 for c in PRODUCT_COLUMNS}
        if not any(c.text for c in cells.values()):
            continue
        task_id = _product_task(reading, cells["task"], rows, reported)
        doc_type = read.doc_type(cells["type"])
        number = read.doc_number(cells["number"], doc_type)
        day = read.date(cells["date"])
        for key in ("type", "number", "date"):
            if not cells[key].text:
                read.error(cells[key], _REQUIRED, expected=PRODUCT_COLUMNS[
                    [c.key for c in PRODUCT_COLUMNS].index(key)].label(), code="empty-cell")
        if day is not None:
            check_in_period(reading, cells["date"], day, T("ngày ban hành"))
        issuer_ok, issuer = _issuer(reading, cells["issuer"], day)
        if task_id is None or doc_type is None or number is None or day is None or \
                not issuer_ok:
            continue
        if (task_id, number) in seen:
            read.error(cells["number"], T("văn bản đã ghi ở hàng {r}", r=seen[task_id, number]),
                       code="repeated-product")
            continue
        seen[task_id, number] = row
        products.setdefault(task_id, []).append(
            ProductDocument(doc_type, number, day, read.text(cells["trich_yeu"]),
                            issuer))
    return [dataclasses.replace(t, products=tuple(products.get(t.task, ()))) for t in tasks]


def _issuer(reading: Reading, cell: Cell, day: dt.date | None) -> tuple[bool, str | None]:
    """(cell fine, the issuing agency's id when it is not the reporting agency).

    The issuer must have existed on the document's date *day*.
    """
    assert reading.identity is not None
    issuer: str | None = None
    if cell.text:
        found = AgencyNames(reading.content.registry, reading.content.registry_file).resolve(
            cell.text)
        if isinstance(found, Unresolved):
            reading.cells.error(cell, found.message, expected=found.expected, hint=found.hint,
                                code="unknown-agency")
            return False, None
        issuer = None if found == reading.identity.agency else found
    agency = reading.content.registry.get(issuer or reading.identity.agency)
    if day is not None and not existed_on(agency, day):
        reading.cells.error(cell, T("{a} không hoạt động vào ngày văn bản ({d})",
                                     a=agency.name, d=vn.short_date(day)),
                            hint=T("ghi cơ quan đã ban hành văn bản (ví dụ cơ quan trước sáp "
                                   "nhập) ở ô này"),
                            found=cell.text or agency.name, code="issuer-not-existing")
        return False, None
    return True, issuer


def _product_task(reading: Reading, cell: Cell, rows: dict[str, int],
                  reported: set[str]) -> str | None:
    read = reading.cells
    if not cell.text:
        read.error(cell, _REQUIRED, expected=T("mã nhiệm vụ ở trang «{s}»",
                                               s=TASK_SHEET),
                   code="empty-cell")
        return None
    if cell.text not in rows:
        plan_task = next((t for t in reading.content.plan.tasks if t.id == cell.text), None)
        message = (T("nhiệm vụ {i} không thuộc bảng của cơ quan này",
                     i=cell.text)
                   if plan_task else T("không có nhiệm vụ mã này"))
        read.error(cell, message, expected=T("một trong: {i}", i=", ".join(rows)),
                   hint=did_you_mean(cell.text, list(rows)), code="unknown-task")
        return None
    if cell.text not in reported:
        status_col = column_letter(next(i for i, c in enumerate(TASK_COLUMNS, 1)
                                        if c.key == "status"))
        if f"{TASK_SHEET}!{status_col}{rows[cell.text]}" not in read.bad:
            read.error(cell, T("nhiệm vụ {i} chưa có tình trạng ở trang «{s}»",
                               i=cell.text, s=TASK_SHEET),
                       hint=T("chọn tình trạng ở ô {s}!{c}{r}",  s=TASK_SHEET, c=status_col,
                              r=rows[cell.text]),
                       code="product-without-status")
        return None
    return cell.text


def read_targets(reading: Reading) -> list[Figure]:
    if TARGET_SHEET not in reading.sheets:
        return []
    ws, read = reading.sheets[TARGET_SHEET], reading.cells
    targets = {t.id: t for t in reading.content.plan.targets if t.id}
    figures: list[Figure] = []
    for row in range(FIRST_ROW, ws.max_row + 1):
        cells = {c.key: reading.column_cell(TARGET_SHEET, row, TARGET_COLUMNS, c.key)
                 for c in TARGET_COLUMNS}
        if not any(cells[k].text for k in ("baseline", "value", "note")):
            continue
        target_id = cells["id"].text
        if target_id not in targets:
            read.error(cells["id"], T("không có chỉ tiêu mã này trong Kế hoạch"),
                       expected=T("một trong: {i}", i=", ".join(targets)),
                       hint=did_you_mean(target_id, list(targets)), code="unknown-target")
            continue
        baseline, value = read.number(cells["baseline"]), read.number(cells["value"])
        if value is None and cells["value"].ref not in read.bad:
            read.error(cells["value"], _REQUIRED, expected=T(
                "giá trị đến hết kỳ báo cáo (hoặc xóa cả hàng số liệu)"), code="empty-cell")
        if value is not None:
            figures.append(Figure(target_id, value, baseline, read.text(cells["note"])))
    return figures
