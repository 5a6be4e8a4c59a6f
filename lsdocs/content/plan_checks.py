"""Checks on a plan that look across fields, run after the schema walk.

Each check reads only values the schema already found well-typed (it tests
types again and skips the rest), so one mistake gives one problem.
"""

from __future__ import annotations

import datetime as dt

from lsdocs.content._dates import parse_dmy
from lsdocs.content._report import Reporter
from lsdocs.content.agencies import AgencyIndex, existed_on
from lsdocs.content.deadlines import parse_deadline
from lsdocs.content.model import Registry, Task
from lsdocs.content.task_stream import TaskStream
from lsdocs.content.yamlsource import Node
from lsdocs.errors import T
from lsdocs.vnformat.dates import short_date


def check_plan(root: Node, rep: Reporter, index: AgencyIndex | None,
               registry: Registry | None, tasks: TaskStream) -> None:
    """Run every cross-field check on a plan whose schema walk is done.

    The checks of single tasks ran as they were read (*tasks*); their problems
    are reported here in the order the checks of the whole tree gave them.
    """
    issued = check_draft(root, rep)
    check_unique_ids(root, rep, tasks)
    rep.problems.extend(tasks.agency_problems.problems.problems)
    check_reporting_days(root, rep)
    check_letter_issuers(root, rep)
    if issued is not None:
        check_deadlines(tasks, rep, issued)
    if registry is not None:
        check_succession(root, rep, registry)
        if issued is not None and index is not None:
            check_agency_dates(index.refs, rep, registry, issued)


def _items(node: Node | None) -> list[Node]:
    return node.value if node is not None and node.is_list else []


def _text(node: Node | None) -> str | None:
    return node.value if node is not None and isinstance(node.value, str) else None


def check_draft(root: Node, rep: Reporter) -> dt.date | None:
    """A draft has no number or date; an issued plan has both.  Returns the date."""
    document = root.get("document")
    if document is None or not document.is_map:
        return None
    draft = document.get("draft")
    if draft is not None and draft.value is True:
        for key in ("number", "date"):
            _draft_field(document, key, rep)
        if document.get("year") is None:
            rep.error(document.anchor_line, f"{document.path}.year",
                      T("bản dự thảo cần năm ban hành"),
                      expected=T("year: 2026 (in trong dòng «ngày … tháng … năm 2026»)"),
                      code="draft-year")
        return None
    year = document.get("year")
    if year is not None:
        rep.error(year.line, year.path,
                  T("chỉ bản dự thảo mới ghi year; văn bản đã ban hành lấy năm từ date"),
                  found=str(year.value), code="year-not-draft")
    for key in ("number", "date"):
        if document.get(key) is None:
            rep.error(document.anchor_line, f"{document.path}.{key}",
                      T("thiếu khóa bắt buộc"),
                      hint=T("văn bản chưa có số thì ghi draft: true"),
                      code="missing-key")
    return _date(document.get("date"))


def _draft_field(document: Node, key: str, rep: Reporter) -> None:
    node = document.get(key)
    if node is None:
        return
    what = T("số") if key == "number" else T("ngày")
    rep.error(node.line, node.path,
              T("bản dự thảo (draft: true) không ghi {what} văn bản", what=what),
              found=str(node.value),
              hint=T("xóa dòng {k} hoặc bỏ draft: true", k=key),
              code="draft-number" if key == "number" else "draft-date")


def _date(node: Node | None) -> dt.date | None:
    text = _text(node)
    try:
        return parse_dmy(text) if text is not None else None
    except ValueError:
        return None


def check_unique_ids(root: Node, rep: Reporter, tasks: TaskStream) -> None:
    """Ids of objectives, task groups and tasks are unique in the plan."""
    groups = _items(root.get("task_groups"))
    _unique([o.get("id") for o in _items(root.get("objectives")) if o.is_map], rep)
    _unique([g.get("id") for g in groups if g.is_map], rep)
    rep.problems.extend(tasks.duplicate_ids.problems.problems)  # checked as they were read


def _unique(nodes: list[Node | None], rep: Reporter, code: str = "duplicate-id") -> None:
    first: dict[str, Node] = {}
    for node in nodes:
        value = _text(node)
        if node is None or value is None:
            continue
        if value in first:
            rep.error(node.line, node.path,
                      T("mã bị trùng (đã dùng ở {p}, dòng {n})",
                        p=first[value].path, n=first[value].line),
                      found=value, code=code)
        else:
            first[value] = node


def check_deadlines(tasks: TaskStream, rep: Reporter, issued: dt.date) -> None:
    """No task is due before the plan is issued."""
    written = tasks.deadlines.written()
    for task, line, path in tasks.deadline_places():
        if isinstance(task, Task):  # checked clean: its deadline is parsed already
            text, due = written[id(task.deadline)], task.deadline.due
        else:
            node = task.get("deadline") if task.is_map else None
            if node is None or _text(node) is None:
                continue
            text, line, path = node.value, node.line, node.path
            try:
                due = parse_deadline(text).due
            except ValueError:
                continue  # reported by the schema
        if due is not None and due < issued:
            rep.error(line, path,
                      T("thời hạn trước ngày ban hành kế hoạch"),
                      found=text, expected=T("thời hạn từ ngày {d} trở đi",
                                             d=short_date(issued)),
                      code="deadline-before-issue")


def check_succession(root: Node, rep: Reporter, registry: Registry) -> None:
    """Each ``succession:`` entry picks one of the split agency's successors."""
    succession = root.get("succession")
    if succession is None or not succession.is_map:
        return
    for old, chosen in succession.value.items():
        if old not in registry or _text(chosen) not in registry:
            continue  # unknown ids already reported
        options = [s.agency for s in registry.get(old).successors]
        if chosen.value not in options:
            rep.error(chosen.line, chosen.path,
                      T("cơ quan được chọn không kế thừa {o}", o=old),
                      found=chosen.value,
                      expected=T("một trong: {v}", v=", ".join(options) or "—"),
                      code="bad-succession")


def check_agency_dates(refs: list[Node], rep: Reporter, registry: Registry,
                       issued: dt.date) -> None:
    """Warn about agencies a plan names that did not exist on its issue date."""
    for node in refs:
        if node.path.startswith("succession") or node.value not in registry:
            continue
        agency = registry.get(node.value)
        if existed_on(agency, issued):
            continue
        before = agency.valid_from is not None and issued < agency.valid_from
        message = (T("cơ quan chưa thành lập vào ngày ban hành ({d})",
                     d=short_date(issued))
                   if before else
                   T("cơ quan đã không còn vào ngày ban hành ({d})",
                     d=short_date(issued)))
        rep.warning(node.line, node.path, message, found=node.value, code="agency-not-existing")


def check_reporting_days(root: Node, rep: Reporter) -> None:
    """The yearly reporting days exist in every year (no 31/4, no 29/02)."""
    organization = root.get("organization")
    reporting = organization.get("reporting") if organization is not None else None
    if reporting is None or not reporting.is_map:
        return
    for day_key, month_key in (("day", "month"), ("compile_day", "compile_month")):
        day, month = reporting.get(day_key), reporting.get(month_key)
        if day is None or month is None or not _day_month_typed(day, month):
            continue
        try:
            dt.date(2023, month.value, day.value)  # 2023: not a leap year
        except ValueError:
            rep.error(day.line, day.path, T("ngày báo cáo không có trong mọi năm"),
                      found=f"{day.value}/{month.value}",
                      expected=T("một ngày có trong mọi năm, ví dụ 15/12"),
                      code="impossible-date")


def _day_month_typed(day: Node, month: Node) -> bool:
    values = (day.value, month.value)
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values) and (
        1 <= month.value <= 12 and 1 <= day.value <= 31)


def check_letter_issuers(root: Node, rep: Reporter) -> None:
    """Each default issuer of a letter kind must have its settings in ``letters.issuers``."""
    letters = root.get("letters")
    if letters is None or not letters.is_map:
        return
    declared = [i.get("agency") for i in _items(letters.get("issuers"))]
    known = {n.value for n in declared if n is not None and isinstance(n.value, str)}
    defaults = letters.get("default_issuer")
    if defaults is None or not defaults.is_map:
        return
    for kind, node in defaults.value.items():
        if isinstance(node.value, str) and node.value not in known:
            rep.error(node.line, node.path,
                      T("cơ quan ban hành mặc định chưa có trong letters.issuers"),
                      found=f"{kind}: {node.value}",
                      expected=T("một trong: {k}", k=", ".join(sorted(known)) or "—"),
                      hint=T("thêm mục letters.issuers cho {a} (đơn vị, người ký, nơi nhận)",
                             a=node.value),
                      code="letter-issuer")
