"""Where a plan stands in a reporting year: each task's state, counts, targets, budget.

Everything the annual reports, ``lsdocs status`` and the reminder letters say
about progress is computed here, once, from the plan and the progress records,
so the figures in a report's text, its tables and its chart cannot disagree.

**The reporting year.**  Year *Y* covers the data period from the reporting
day of *Y-1* to the day before the reporting day of *Y* (15/12/Y-1 to
14/12/Y under Nghị định 09/2019/NĐ-CP, the plan's ``organization.reporting``
day); the plan's first year starts on the plan's date.  The agencies of year
*Y* are those that exist on the last day of its period: the plan's own
agencies for 2023 and 2024, their successors from 2025 (a successor answers
for every agency it took over, exactly once).

**A task in year Y** is *active* from its first year (a period task from
its start year, any other task from the plan's year) until it is done: a
one-off task (a date, month, quarter, year or period deadline) reported done
is not active in later years (it is kept, as ``done_before``); a yearly or
regular task is active every year.  It is *due this year* when its due date
falls in calendar year *Y* (yearly and regular tasks: every year).  Its
state is what its reporting agency said for *Y*; no record means "not
reported".  A task done on or before its due date is on time; a task not
done whose due date has passed on the as-of day (the period's end unless
told) is overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from lsdocs.content.agencies import AgencyResolver
from lsdocs.content.model import Agency, Content, Target, Task, TaskGroup
from lsdocs.progress.records import PlanProgress, ProgressRecord, TaskProgress

_RECURRING = ("annual", "regular")


@dataclass(frozen=True)
class TaskYear:
    """One task of the plan in one reporting year."""

    task: Task
    group: TaskGroup
    group_number: int  # 1-based position of the group in Section III
    reporter: Agency  # the agency answering for it in this year
    due: dt.date | None  # due date that applies this year (None: no deadline)
    due_this_year: bool
    progress: TaskProgress | None  # what the reporter said this year
    done_before: int | None = None  # year an earlier report said a one-off task was done

    @property
    def reported(self) -> bool:
        return self.progress is not None or self.done_before is not None

    @property
    def state(self) -> str | None:
        """``hoan-thanh``, ``dang-thuc-hien``, ``chua-trien-khai``; None when not reported."""
        if self.done_before is not None:
            return "hoan-thanh"
        return self.progress.state if self.progress else None

    @property
    def done(self) -> bool:
        return self.state == "hoan-thanh"

    @property
    def on_time(self) -> bool | None:
        """For a done task: finished on or before its due date (no due date: on time)."""
        if not self.done:
            return None
        if self.progress is None or self.progress.completed is None or self.due is None:
            return True
        return self.progress.completed <= self.due

    def overdue(self, as_of: dt.date) -> bool:
        """Not done, and its due date passed before *as_of*."""
        return not self.done and self.due is not None and self.due < as_of


@dataclass(frozen=True)
class Counts:
    """Tasks of one row of a summary (a task group, an agency, or the whole plan)."""

    total: int = 0  # active tasks this year
    due: int = 0  # of which due this year
    done_on_time: int = 0
    done_late: int = 0
    in_progress: int = 0
    not_started: int = 0
    not_reported: int = 0
    overdue: int = 0  # not done and past the due date (any of the three above)

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    def add(self, item: TaskYear, as_of: dt.date) -> Counts:
        state = item.state
        return Counts(
            total=self.total + 1,
            due=self.due + item.due_this_year,
            done_on_time=self.done_on_time + (item.on_time is True),
            done_late=self.done_late + (item.on_time is False),
            in_progress=self.in_progress + (state == "dang-thuc-hien"),
            not_started=self.not_started + (state == "chua-trien-khai"),
            not_reported=self.not_reported + (state is None),
            overdue=self.overdue + item.overdue(as_of),
        )


@dataclass(frozen=True)
class Row:
    """A labelled line of a summary table."""

    key: str  # group id or agency id
    label: str  # group title or agency name
    counts: Counts


@dataclass(frozen=True)
class TargetYear:
    """A measurable objective in one year, from the agencies' figures."""

    target: Target
    value: float | None  # sum of this year's figures (None: nobody reported it)
    baseline: float | None  # sum of the reported baselines (None: not known)
    reporters: tuple[str, ...]  # agency ids whose figures were summed

    @property
    def target_value(self) -> float | None:
        """The value the plan aims at: for "tăng 50%" the baseline plus 50 %."""
        if self.target.unit != "%":
            return self.target.value
        if self.baseline is None:
            return None
        sign = -1 if self.target.change == "decrease" else 1
        return self.baseline * (1 + sign * self.target.value / 100)

    @property
    def change_percent(self) -> float | None:
        """Change against the baseline, in percent (for a "%" target)."""
        if self.value is None or not self.baseline:
            return None
        return (self.value - self.baseline) / self.baseline * 100

    @property
    def achieved_percent(self) -> float | None:
        """How much of the targeted change (or level) is reached, in percent."""
        if self.value is None:
            return None
        if self.target.unit == "%":
            change = self.change_percent
            if change is None or not self.target.value:
                return None
            sign = -1 if self.target.change == "decrease" else 1
            return sign * change / self.target.value * 100
        return self.value / self.target.value * 100 if self.target.value else None


@dataclass(frozen=True)
class YearStatus:
    """The plan in reporting year *year*, as of *as_of*."""

    content: Content
    year: int
    period_start: dt.date
    period_end: dt.date
    as_of: dt.date
    tasks: tuple[TaskYear, ...]  # active tasks, in plan order
    done_before: tuple[TaskYear, ...]  # one-off tasks reported done in an earlier year
    records: dict[str, ProgressRecord]  # reporting agency id -> its record for the year
    reporters: tuple[Agency, ...]  # agencies expected to report, in plan order
    targets: tuple[TargetYear, ...] = ()
    extra_records: tuple[ProgressRecord, ...] = field(default=())  # from agencies with no task
    collector: Agency | None = None  # the agency the reports go to (Sở KH&CN) in the year

    @property
    def senders(self) -> tuple[Agency, ...]:
        """Agencies that send their report to the collector: every reporter but the collector.

        The collector does not report to itself: its own tasks are reported in
        the consolidated report it compiles.
        """
        own = self.collector.id if self.collector is not None else None
        return tuple(a for a in self.reporters if a.id != own)

    @property
    def missing(self) -> tuple[Agency, ...]:
        """Agencies expected to send a report that have no record for the year."""
        return tuple(a for a in self.senders if a.id not in self.records)

    @property
    def collector_missing(self) -> bool:
        """The collector leads tasks this year and has not recorded its own results."""
        own = self.collector
        return (own is not None and own.id not in self.records
                and any(a.id == own.id for a in self.reporters))

    @property
    def unreported_tasks(self) -> tuple[TaskYear, ...]:
        return tuple(t for t in self.tasks if not t.reported)

    @property
    def total(self) -> Counts:
        return _count(self.tasks, self.as_of)

    def by_group(self) -> list[Row]:
        rows = []
        for group in self.content.plan.task_groups:
            items = [t for t in self.tasks if t.group is group]
            if items:
                rows.append(Row(group.id, group.title, _count(items, self.as_of)))
        return rows

    def by_agency(self) -> list[Row]:
        return [Row(a.id, a.name, _count(self.tasks_of(a.id), self.as_of))
                for a in self.reporters]

    def tasks_of(self, agency_id: str) -> list[TaskYear]:
        return [t for t in self.tasks if t.reporter.id == agency_id]

    @property
    def budget(self) -> int:
        """Kinh phí the agencies reported spending in the year, in đồng."""
        return sum(r.budget or 0 for r in [*self.records.values(), *self.extra_records])


def reporting_period(content: Content, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of the data period of *year* (15/12/Y-1 to 14/12/Y)."""
    regime = content.plan.organization.reporting
    start = dt.date(year - 1, regime.month, regime.day)
    end = dt.date(year, regime.month, regime.day) - dt.timedelta(days=1)
    issued = content.plan.document.date
    if issued is not None and start < issued:
        start = issued
    return start, end


def first_year(content: Content) -> int:
    """The plan's first reporting year (the year it was issued)."""
    doc = content.plan.document
    if doc.date is not None:
        return doc.date.year
    return doc.draft_year or min((t.deadline.start_year or 9999) for t in content.plan.tasks)


def year_status(content: Content, progress: PlanProgress, year: int,
                as_of: dt.date | None = None) -> YearStatus:
    """The state of every task of the plan in reporting *year*.

    *as_of* (default: the period's last day) decides which tasks are overdue.
    Raises :class:`~lsdocs.errors.ContentError` when an agency of the plan was
    split and the content does not say which successor answers for it.
    """
    start, end = reporting_period(content, year)
    as_of = as_of or end
    resolver = AgencyResolver(content, end)
    records = progress.year(year)
    active: list[TaskYear] = []
    earlier: list[TaskYear] = []
    for number, group in enumerate(content.plan.task_groups, 1):
        for task in group.tasks:
            item = _task_year(content, progress, resolver, task, group, number, year)
            if item is None:
                continue
            (earlier if item.done_before is not None else active).append(item)
    collector = resolver.current(content.plan.organization.reporting.reporters_to)
    resolver.raise_problems()
    reporters = tuple(dict.fromkeys(t.reporter.id for t in active))
    agencies = tuple(content.registry.get(a) for a in reporters)
    extra = tuple(r for a, r in sorted(records.items()) if a not in reporters)
    return YearStatus(content, year, start, end, as_of, tuple(active), tuple(earlier),
                      {a: records[a] for a in reporters if a in records}, agencies,
                      _targets(content, records.values()), extra, collector)


def _task_year(content: Content, progress: PlanProgress, resolver: AgencyResolver, task: Task,
               group: TaskGroup, number: int, year: int) -> TaskYear | None:
    if year < start_year(content, task):
        return None
    reporter = resolver.current(task.lead)
    if reporter is None:
        return None
    due = due_date(content, task, year)
    due_this_year = task.deadline.kind in _RECURRING or (due is not None and due.year == year)
    if task.deadline.kind not in _RECURRING:
        done_in = _done_before(progress, task.id, year)
        if done_in is not None:
            return TaskYear(task, group, number, reporter, due, False, None, done_in)
    found = progress.find(year, task.id)
    return TaskYear(task, group, number, reporter, due, due_this_year, found)


def start_year(content: Content, task: Task) -> int:
    """The first reporting year of *task*: a period task's start year, else the plan's year."""
    if task.deadline.kind == "period" and task.deadline.start_year is not None:
        return task.deadline.start_year
    return first_year(content)


def due_date(content: Content, task: Task, year: int) -> dt.date | None:
    """The due date of *task* that matters in *year*: its own, or the year's reporting day.

    A yearly task (hằng năm) is due on the reporting day of each year; a
    regular one (thường xuyên) has no due date.
    """
    deadline = task.deadline
    if deadline.kind == "regular":
        return None
    if deadline.kind == "annual":
        regime = content.plan.organization.reporting
        return dt.date(year, regime.month, regime.day)
    return deadline.due


def _done_before(progress: PlanProgress, task_id: str, year: int) -> int | None:
    """The earlier year in which a report said *task_id* was done, if any."""
    for earlier in sorted((y for y in progress.years if y < year), reverse=True):
        found = progress.find(earlier, task_id)
        if found is not None:
            return earlier if found.state == "hoan-thanh" else None
    return None


def received_by(content: Content, progress: PlanProgress, day: dt.date) -> PlanProgress:
    """The records that had arrived on *day*: a letter written then knows nothing later.

    A record counts from its ``reported_on``; without one, from its year's
    reporting deadline (15/12), the day it was due.
    """
    regime = content.plan.organization.reporting
    kept = {}
    for year in progress.years:
        due = dt.date(year, regime.month, regime.day)
        arrived = {agency: record for agency, record in progress.year(year).items()
                   if (record.reported_on or due) <= day}
        if arrived:
            kept[year] = arrived
    return PlanProgress(progress.plan, kept)


def latest_state(
    progress: PlanProgress, task_id: str, year: int
) -> tuple[int, TaskProgress] | None:
    """The most recent report on *task_id* in *year* or before, with its year."""
    for candidate in sorted((y for y in progress.years if y <= year), reverse=True):
        found = progress.find(candidate, task_id)
        if found is not None:
            return candidate, found
    return None


def _count(items: Iterable[TaskYear], as_of: dt.date) -> Counts:
    counts = Counts()
    for item in items:
        counts = counts.add(item, as_of)
    return counts


def _targets(content: Content, records: Iterable[ProgressRecord]) -> tuple[TargetYear, ...]:
    records = list(records)
    result = []
    for target in content.plan.targets:
        figures = [(r.agency, f) for r in records for f in r.figures if f.target == target.id]
        value = sum(f.value for _, f in figures) if figures else None
        baselines = [f.baseline for _, f in figures if f.baseline is not None]
        baseline = sum(baselines) if figures and len(baselines) == len(figures) else None
        result.append(TargetYear(target, value, baseline, tuple(a for a, _ in figures)))
    return tuple(result)
