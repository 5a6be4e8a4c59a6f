"""Check every cell of a read table and turn its rows into :class:`Assignment`.

Each column has one small parser; each reports its problems with the cell's
location and returns :data:`INVALID` instead of raising, so one pass reports
every faulty cell of every row.  Rows with a problem give no assignment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from lsdocs.content import parse_deadline, plan_specs
from lsdocs.content.agencies import existed_on
from lsdocs.content.deadlines import DEADLINE_EXPECTED, DeadlineError
from lsdocs.content.model import Deadline, Source
from lsdocs.content.schema import did_you_mean
from lsdocs.errors import Problem, ProblemList, T, Text
from lsdocs.tabular.agency_cells import AgencyNames, Unresolved, split_agencies
from lsdocs.tabular.columns import BY_KEY, COLUMNS, SOURCE_LABELS, fold
from lsdocs.tabular.read import Cell, Table, TableRow
from lsdocs.tabular.rows import GroupRef
from lsdocs.vnformat.dates import short_date


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


#: What a parser returns for a cell it reported as wrong.
INVALID: Final = _Invalid()


@dataclass(frozen=True)
class Assignment:
    """One checked row.  *given* holds the columns the table has: a field whose column
    is missing is left as it is on an existing task."""

    row: int
    id: str
    group: str  # task group id
    name: str
    lead: str  # agency id
    support: tuple[str, ...]
    support_text: str | None
    deadline: Deadline
    product: str
    source: Source | None  # None: not given (existing tasks keep theirs)
    given: frozenset[str]


@dataclass
class ParseContext:
    """What the parsers check against: agencies, groups and the plan's date."""

    names: AgencyNames
    groups: list[GroupRef]
    issued: dt.date | None
    problems: ProblemList

    def error(self, cell: Cell, message: Text, *, expected: Text | None = None,
              hint: Text | None = None, code: str = "", found: str | None = None) -> _Invalid:
        shown = found if found is not None else cell.text or None
        self.problems.add(Problem(cell.location, message, found=shown, expected=expected,
                                  hint=hint, code=code))
        return INVALID

    def warning(self, cell: Cell, message: Text, *, hint: Text | None = None,
                code: str = "") -> None:
        self.problems.add(Problem(cell.location, message, found=cell.text, hint=hint,
                                  severity="warning", code=code))


def parse_table(table: Table, ctx: ParseContext) -> list[Assignment]:
    """Every row checked; cross-row checks (repeated ids, empty table) too."""
    assignments = [a for row in table.rows if (a := parse_row(row, ctx)) is not None]
    _check_unique_ids(table, ctx)
    if not table.rows and not table.problems:
        ctx.problems.add(Problem(table.where(), T("bảng không có nhiệm vụ nào"),
                                 hint=T("nhập bảng rỗng sẽ xóa mọi nhiệm vụ; không làm"),
                                 code="empty-table"))
    return assignments


def parse_row(row: TableRow, ctx: ParseContext) -> Assignment | None:
    values: dict[str, Any] = {}
    for key, cell in row.cells.items():
        column = BY_KEY[key]
        if not cell.text and column.cell_required:
            values[key] = ctx.error(cell, T("ô bắt buộc đang để trống"),
                                    expected=_expected(key, ctx), code="empty-cell")
        else:
            values[key] = _PARSERS[key](cell, ctx)
    if any(v is INVALID for v in values.values()) or not _complete(values):
        return None
    return Assignment(
        row=row.number, id=values["id"], group=values["group"], name=values["name"],
        lead=values["lead"], support=values.get("support", ()),
        support_text=values.get("support_text"), deadline=values["deadline"],
        product=values["product"], source=values.get("source"),
        given=frozenset(row.cells))


def _complete(values: dict[str, Any]) -> bool:
    return all(c.key in values for c in COLUMNS if c.required)


def _check_unique_ids(table: Table, ctx: ParseContext) -> None:
    first: dict[str, int] = {}
    for row in table.rows:
        cell = row.cells.get("id")
        if cell is None or not cell.text:
            continue
        if cell.text in first:
            ctx.error(cell, T("mã nhiệm vụ bị trùng (đã có ở hàng {n})",
                              n=first[cell.text]),
                      hint=T("mỗi nhiệm vụ một mã riêng; nhiệm vụ mới cần mã mới"),
                      code="duplicate-task-id")
        else:
            first[cell.text] = row.number


# --- one parser per column -------------------------------------------------------------

_TASK_ID = re.compile(plan_specs.TASK_ID.pattern)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _task_id(cell: Cell, ctx: ParseContext) -> str | _Invalid:
    if not _TASK_ID.fullmatch(cell.text):
        return ctx.error(cell, T("mã nhiệm vụ không hợp lệ"),
                         expected=_EXPECTED["id"], code="bad-id")
    if isinstance(cell.raw, float):
        ctx.warning(cell, T("Excel lưu mã nhiệm vụ dạng số (3.10 thành 3.1)"),
                    hint=T("định dạng ô là Văn bản (Text) rồi gõ lại"),
                    code="numeric-id")
    return cell.text


def _group(cell: Cell, ctx: ParseContext) -> str | _Invalid:
    text = cell.text
    if text.isdigit() and 1 <= int(text) <= len(ctx.groups):
        return ctx.groups[int(text) - 1].id
    for group in ctx.groups:
        if fold(text) in (fold(group.id), fold(group.title)):
            return group.id
    return ctx.error(cell, T("không có nhóm nhiệm vụ này"),
                     expected=_expected("group", ctx),
                     hint=did_you_mean(text, [g.id for g in ctx.groups]), code="unknown-group")


def _text(cell: Cell, ctx: ParseContext) -> str:
    return _one_line(cell.text)


def _optional_text(cell: Cell, ctx: ParseContext) -> str | None:
    return _one_line(cell.text) or None


def _lead(cell: Cell, ctx: ParseContext) -> str | _Invalid:
    parts = split_agencies(cell.text)
    if len(parts) > 1:
        return ctx.error(cell, T("chỉ ghi một cơ quan chủ trì"),
                         hint=T("ghi các cơ quan khác ở cột «Cơ quan phối hợp»"),
                         code="several-leads")
    return _agency(cell, parts[0] if parts else cell.text, ctx)


def _support(cell: Cell, ctx: ParseContext) -> tuple[str, ...] | _Invalid:
    parts = [piece for part in split_agencies(cell.text)
             for piece in ctx.names.split_commas(part)]
    ids = [_agency(cell, part, ctx) for part in parts]
    if any(i is INVALID for i in ids):
        return INVALID
    found = [str(i) for i in ids]
    repeated = sorted({i for i in found if found.count(i) > 1})
    if repeated:
        names = ", ".join(ctx.names.display(i) for i in repeated)
        return ctx.error(cell, T("cơ quan phối hợp bị ghi lặp"),
                         found=names, code="repeated-agency")
    return tuple(found)


def _agency(cell: Cell, written: str, ctx: ParseContext) -> str | _Invalid:
    result = ctx.names.resolve(written)
    if isinstance(result, Unresolved):
        return ctx.error(cell, result.message, found=written, expected=result.expected,
                         hint=result.hint, code="unknown-agency")
    agency = ctx.names.registry.get(result)
    if ctx.issued is not None and not existed_on(agency, ctx.issued):
        ctx.warning(cell, T("{a} không hoạt động vào ngày ban hành kế hoạch ({d})",
                            a=agency.name, d=short_date(ctx.issued)),
                    code="agency-not-existing")
    return result


def _deadline(cell: Cell, ctx: ParseContext) -> Deadline | _Invalid:
    try:
        deadline = parse_deadline(cell.text)
    except DeadlineError as e:
        return ctx.error(cell, e.message, expected=e.expected, code=e.code)
    if ctx.issued is not None and deadline.due is not None and deadline.due < ctx.issued:
        return ctx.error(cell, T("thời hạn trước ngày ban hành kế hoạch"),
                         expected=T("thời hạn từ ngày {d} trở đi", d=short_date(ctx.issued)),
                         code="deadline-before-issue")
    return deadline


def _source(cell: Cell, ctx: ParseContext) -> Source | None | _Invalid:
    if not cell.text:
        return None
    for source, label in SOURCE_LABELS.items():
        if fold(cell.text) in (fold(label), source):
            return source  # type: ignore[return-value]  # a key of SOURCE_LABELS
    return ctx.error(cell, T("nguồn không hợp lệ"),
                     expected=_EXPECTED["source"], code="bad-source")


_PARSERS: dict[str, Callable[[Cell, ParseContext], Any]] = {
    "id": _task_id,
    "group": _group,
    "name": _text,
    "lead": _lead,
    "support": _support,
    "support_text": _optional_text,
    "deadline": _deadline,
    "product": _text,
    "source": _source,
}

_EXPECTED: dict[str, Text] = {
    "id": T("số thứ tự dạng 3.2"),
    "group": T("số nhóm từ 1 đến {n} hoặc mã nhóm (xem trang «Nhóm»)"),
    "name": T("nội dung nhiệm vụ"),
    "lead": T("tên cơ quan trong trang «Cơ quan»"),
    "deadline": DEADLINE_EXPECTED,
    "product": T("sản phẩm của nhiệm vụ, ví dụ «Báo cáo»"),
    "source": T("nguyên văn hoặc minh họa"),
}


def _expected(key: str, ctx: Any) -> Text:
    """What a cell of column *key* should hold (the group range filled in)."""
    return _EXPECTED[key].format(n=len(ctx.groups)) if key == "group" else _EXPECTED[key]
