"""What ``lsdocs status`` shows: a reporting year of a plan, as terminal lines or as JSON.

Every figure comes from :func:`lsdocs.progress.year_status.year_status`; this
module only words and lays it out, so the terminal, the JSON and the reports
cannot disagree.

**JSON shape** (``schema: "lsdocs.status/1"``; the ``result`` of the ``lsdocs/1``
object ``lsdocs status --json`` prints; keys are stable, new keys may be added; dates
ISO ``YYYY-MM-DD``; labels in the ``--lang`` language)::

    {"schema": "lsdocs.status/1",
     "plan": {"id", "number", "date"},
     "year": 2025,
     "period": {"start", "end", "as_of"},
     "tasks": [{"id", "group", "group_number", "name", "agency", "agency_name",
                "plan_lead", "deadline", "due", "due_this_year", "state", "label",
                "reported", "completed", "on_time", "overdue"}],
     "done_before": [{"id", "agency", "year"}],
     "groups": [{"id", "number", "title", "counts"}],
     "agencies": [{"id", "name", "reported", "counts"}],
     "missing": [{"id", "name"}],   # agencies that send a report and have not (never the collector)
     "collector": {"id", "name", "recorded"},  # who compiles; recorded: its own results are in
     "totals": {"total", "due", "done", "done_on_time", "done_late", "in_progress",
                "not_started", "not_reported", "overdue"},
     "targets": [{"id", "indicator", "unit", "baseline", "value", "target_value",
                  "achieved_percent", "reporters"}],
     "budget": 4095000000}

``state`` is ``hoan-thanh``, ``dang-thuc-hien``, ``chua-trien-khai`` or
``null`` (not reported); ``on_time`` is ``null`` unless the task is done.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.deadlines import deadline_label
from lsdocs.content.model import Content
from lsdocs.errors import Location, Problem, T, Text, UsageError, join_texts
from lsdocs.progress.year_status import Counts, TaskYear, YearStatus, first_year

SCHEMA = "lsdocs.status/1"

_STATE = {
    "hoan-thanh": T("Đã hoàn thành"),
    "dang-thuc-hien": T("Đang thực hiện"),
    "chua-trien-khai": T("Chưa triển khai"),
    None: T("Chưa báo cáo"),
}
_ON_TIME = T("đúng hạn")
_LATE = T("trễ hạn")
_OVERDUE = T("quá hạn")


def check_year(content: Content, year: int, today: dt.date | None = None) -> None:
    """A reporting year lies between the plan's first year and next year; UsageError if not."""
    first, last = first_year(content), (today or dt.date.today()).year + 1
    if not first <= year <= last:
        raise UsageError(Problem(Location(path="--year"),
                                 T("năm báo cáo ngoài thời gian của kế hoạch"),
                                 found=str(year), expected=T("năm từ {a} đến {b}",
                                                             a=first, b=last)))


def task_label(item: TaskYear, as_of: dt.date) -> Text:
    """``Đã hoàn thành trễ hạn``, ``Chưa báo cáo, quá hạn`` …"""
    label = _STATE[item.state]
    if item.on_time is not None:
        label = _join(label, _ON_TIME if item.on_time else _LATE, " ")
    if item.overdue(as_of):
        label = _join(label, _OVERDUE, ", ")
    return label


def _join(a: Text, b: Text, sep: str) -> Text:
    return join_texts([a, b], sep)


# --- terminal --------------------------------------------------------------------


def status_lines(status: YearStatus, lang: str = "vi") -> list[str]:
    """The year on the terminal: per task group, per agency, every task; then who has not
    reported and the totals."""
    plan = status.content.plan
    lines = [_title(status).get(lang), T(
        "Kỳ báo cáo: {a} - {b}; quá hạn tính đến ngày {c}",
        a=vn.short_date(status.period_start), b=vn.short_date(status.period_end),
        c=vn.short_date(status.as_of)).get(lang)]
    for number, group in enumerate(plan.task_groups, 1):
        items = [t for t in status.tasks if t.group is group]
        if not items:
            continue
        lines += ["", f"{vn.roman(number)}. {group.title}"]
        for agency_id in dict.fromkeys(t.reporter.id for t in items):
            lines += _agency_lines(status, [t for t in items if t.reporter.id == agency_id],
                                   lang)
    if status.done_before:
        done = "; ".join(f"{t.task.id} ({t.done_before})" for t in status.done_before)
        lines += ["", T("Đã hoàn thành trong các năm trước (năm báo cáo): {d}",
                        d=done).get(lang)]
    lines += ["", *_missing_lines(status, lang), "", _totals(status.total).get(lang)]
    return lines


def _title(status: YearStatus) -> Text:
    doc = status.content.plan.document
    symbol = status.content.registry.get(doc.issuer).symbol
    cited = (vn.number_symbol(doc.number, vn.document_symbol("ke-hoach", symbol)) if symbol
             else status.content.plan.id)
    when = T(" ngày {d}", d=vn.short_date(doc.date)) if doc.date else ""
    return T("Kế hoạch số {c}{w}: tình hình thực hiện năm {y}",
             c=cited.strip(), w=when,
             y=status.year)


def _agency_lines(status: YearStatus, items: list[TaskYear], lang: str) -> list[str]:
    agency = items[0].reporter
    head = f"  {agency.name}"
    before = [status.content.registry.get(i) for i in dict.fromkeys(t.task.lead for t in items)
              if i != agency.id]
    if before:
        names = ", ".join(a.short_name for a in before)
        head += T(" (nhiệm vụ của {n} trước sắp xếp)", n=names).get(lang)
    if agency.id not in status.records:
        head += T(" (chưa báo cáo)").get(lang)
    lines = [head]
    for item in items:
        lines.append(f"    {item.task.id:<5} {task_label(item, status.as_of).get(lang)}"
                     f"{_dates(item, lang)}")
    return lines


def _dates(item: TaskYear, lang: str) -> str:
    parts = []
    if item.progress is not None and item.progress.completed is not None:
        parts.append(T("hoàn thành {d}", d=vn.short_date(item.progress.completed)).get(lang))
    deadline = deadline_label(item.task.deadline).get(lang)
    if item.task.deadline.kind == "annual" and item.due is not None:
        deadline += T(", đến {d}", d=vn.short_date(item.due)).get(lang)
    parts.append(T("thời hạn: {d}", d=deadline).get(lang))
    return f" ({'; '.join(parts)})"


def _missing_lines(status: YearStatus, lang: str) -> list[str]:
    missing, senders = status.missing, len(status.senders)
    lines = ([T("Tất cả {n} cơ quan đã báo cáo.", n=senders).get(lang)] if not missing else
             [T("Cơ quan chưa báo cáo ({m}/{n}):", m=len(missing), n=senders).get(lang),
              *(f"  - {a.name}" for a in missing)])
    if status.collector is not None and status.collector_missing:
        lines.append(T("{a} (cơ quan tổng hợp) chưa ghi kết quả các nhiệm vụ do mình chủ trì.",
                       a=status.collector.name).get(lang))
    return lines


def _totals(counts: Counts) -> Text:
    return T("Tổng cộng: {t} nhiệm vụ ({d} đến hạn trong năm); đã hoàn thành {h} (đúng hạn "
             "{o}, trễ hạn {l}); đang thực hiện {p}; chưa triển khai {s}; chưa báo cáo {r}; "
             "quá hạn {q}.",
             t=counts.total, d=counts.due, h=counts.done, o=counts.done_on_time,
             l=counts.done_late, p=counts.in_progress, s=counts.not_started,
             r=counts.not_reported, q=counts.overdue)


# --- JSON ------------------------------------------------------------------------


def _collector_json(status: YearStatus) -> dict[str, Any] | None:
    """The agency the reports go to; ``recorded``: its own results are in (None: no tasks)."""
    own = status.collector
    if own is None:
        return None
    leads = any(a.id == own.id for a in status.reporters)
    return {"id": own.id, "name": own.name,
            "recorded": (own.id in status.records) if leads else None}


def status_json(status: YearStatus, lang: str = "vi") -> dict[str, Any]:
    """The year as plain data in the documented ``lsdocs.status/1`` shape."""
    doc = status.content.plan.document
    return {
        "schema": SCHEMA,
        "plan": {"id": status.content.plan.id, "number": doc.number,
                 "date": _iso(doc.date)},
        "year": status.year,
        "period": {"start": _iso(status.period_start), "end": _iso(status.period_end),
                   "as_of": _iso(status.as_of)},
        "tasks": [_task_json(t, status.as_of, lang) for t in status.tasks],
        "done_before": [{"id": t.task.id, "agency": t.reporter.id, "year": t.done_before}
                        for t in status.done_before],
        "groups": [{"id": row.key, "number": n, "title": row.label,
                    "counts": _counts_json(row.counts)}
                   for n, row in _numbered_groups(status)],
        "agencies": [{"id": row.key, "name": row.label, "reported": row.key in status.records,
                      "counts": _counts_json(row.counts)} for row in status.by_agency()],
        "missing": [{"id": a.id, "name": a.name} for a in status.missing],
        "collector": _collector_json(status),
        "totals": _counts_json(status.total),
        "targets": [{"id": t.target.id, "indicator": t.target.indicator,
                     "unit": t.target.unit, "baseline": t.baseline, "value": t.value,
                     "target_value": t.target_value, "achieved_percent": t.achieved_percent,
                     "reporters": list(t.reporters)} for t in status.targets],
        "budget": status.budget,
    }


def _numbered_groups(status: YearStatus) -> list[tuple[int, Any]]:
    numbers = {g.id: n for n, g in enumerate(status.content.plan.task_groups, 1)}
    return [(numbers[row.key], row) for row in status.by_group()]


def _task_json(item: TaskYear, as_of: dt.date, lang: str) -> dict[str, Any]:
    completed = item.progress.completed if item.progress is not None else None
    return {
        "id": item.task.id, "group": item.group.id, "group_number": item.group_number,
        "name": item.task.name, "agency": item.reporter.id, "agency_name": item.reporter.name,
        "plan_lead": item.task.lead, "deadline": item.task.deadline.text,
        "due": _iso(item.due), "due_this_year": item.due_this_year, "state": item.state,
        "label": task_label(item, as_of).get(lang), "reported": item.reported,
        "completed": _iso(completed), "on_time": item.on_time,
        "overdue": item.overdue(as_of),
    }


def _counts_json(counts: Counts) -> dict[str, int]:
    return {"total": counts.total, "due": counts.due, "done": counts.done,
            "done_on_time": counts.done_on_time, "done_late": counts.done_late,
            "in_progress": counts.in_progress, "not_started": counts.not_started,
            "not_reported": counts.not_reported, "overdue": counts.overdue}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
