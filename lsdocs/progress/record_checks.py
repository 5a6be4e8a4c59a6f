"""Checks on progress records that look across fields, files and the plan.

They run after the schema walk (:mod:`lsdocs.progress.record_specs`) and read only
values it found well-typed, so one mistake gives one problem.  Who answers for
a task in a year is decided as the analysis decides it
(:func:`lsdocs.progress.year_status.reporting_period` and
:class:`~lsdocs.content.agencies.AgencyResolver` on the period's last
day), so validation and ``lsdocs status`` agree on who reports what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lsdocs.content._report import Reporter
from lsdocs.content.agencies import AgencyResolver, existed_on
from lsdocs.content.model import Agency, Content, Task
from lsdocs.content.schema import did_you_mean
from lsdocs.content.yamlsource import Node
from lsdocs.errors import Problem, T, Text
from lsdocs.progress.docchecks import Period, check_in_period, check_number, check_product
from lsdocs.progress.docchecks import day as _date
from lsdocs.progress.docchecks import items as _items
from lsdocs.progress.docchecks import text as _text
from lsdocs.progress.docchecks import whole as _int
from lsdocs.progress.year_status import first_year, reporting_period, start_year
from lsdocs.vnformat import short_date

_RECURRING = ("annual", "regular")


@dataclass
class _Report:
    """One well-typed task entry, remembered for the checks across files."""

    year: int
    agency: str
    state: str | None
    node: Node
    rep: Reporter


@dataclass
class ProgressChecker:
    """Checks every record of one plan; keeps what the checks across files need."""

    content: Content
    today: dt.date
    periods: dict[int, Period] = field(default_factory=dict)
    reports: dict[tuple[int, str], list[_Report]] = field(default_factory=dict)
    files: dict[tuple[int, str], tuple[Reporter, Node]] = field(default_factory=dict)
    states: dict[str, dict[int, str | None]] = field(default_factory=dict)  # task -> year -> state
    tasks: dict[str, Task] = field(init=False)
    _led: dict[int, dict[str, list[Task]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tasks = {t.id: t for t in self.content.plan.tasks}

    def led_by(self, year: int) -> dict[str, list[Task]]:
        """Agency id -> the tasks it answers for in *year*, in plan order (computed once)."""
        if year not in self._led:
            resolver = self.period(year).resolver
            led: dict[str, list[Task]] = {}
            for task in self.content.plan.tasks:
                lead = resolver.current(task.lead)
                if lead is not None:
                    led.setdefault(lead.id, []).append(task)
            self._led[year] = led
        return self._led[year]

    def period(self, year: int) -> Period:
        if year not in self.periods:
            start, end = reporting_period(self.content, year)
            self.periods[year] = Period(year, start, end, AgencyResolver(self.content, end))
        return self.periods[year]

    # --- one file ------------------------------------------------------------

    def check_record(self, root: Node, rep: Reporter, folder_year: int | None,
                     stem: str) -> None:
        """Checks of one record whose schema walk is done."""
        self._check_plan_id(root, rep)
        year = self._check_year(root, rep, folder_year)
        agency = self._check_agency(root, rep, stem, year)
        if year is None:
            return
        period = self.period(year)
        self._check_report_fields(root, rep, period, agency)
        if agency is not None:
            self._check_tasks(root, rep, period, agency)
        self._check_figures(root, rep)

    def _check_plan_id(self, root: Node, rep: Reporter) -> None:
        node = root.get("plan")
        plan_id = self.content.plan.id
        if _text(node) is not None and node is not None and node.value != plan_id:
            rep.error(node.line, node.path, T("mã kế hoạch không đúng"),
                      found=node.value, expected=T("{p}", p=plan_id), code="wrong-plan")

    def _check_year(self, root: Node, rep: Reporter, folder_year: int | None) -> int | None:
        node = root.get("year")
        year = _int(node)
        if node is None or year is None:
            return None
        first, last = first_year(self.content), self.today.year + 1
        if not first <= year <= last:
            rep.error(node.line, node.path, T("năm báo cáo ngoài thời gian của kế hoạch"),
                      found=str(year), expected=T("năm từ {a} đến {b}",  a=first, b=last),
                      code="bad-year")
            return None
        if folder_year is not None and year != folder_year:
            rep.error(node.line, node.path, T("năm báo cáo khác tên thư mục năm"),
                      found=str(year), expected=T("{y} (tệp nằm trong thư mục {y}/)",
                                                  y=folder_year),
                      hint=T("chuyển tệp sang thư mục {y}/ hoặc sửa năm",
                             y=year),
                      code="year-folder")
            return None
        return year

    def _check_agency(self, root: Node, rep: Reporter, stem: str, year: int | None) -> str | None:
        node = root.get("agency")
        agency_id = _text(node)
        if node is None or agency_id is None or agency_id not in self.content.registry:
            return None  # missing or unknown: reported by the schema
        ok = True
        if agency_id != stem:
            rep.error(node.line, node.path, T("mã cơ quan khác tên tệp"),
                      found=agency_id, expected=T("{s} (tệp {s}.yaml)", s=stem),
                      hint=T("đổi tên tệp thành {a}.yaml hoặc sửa mã cơ quan",
                             a=agency_id),
                      code="agency-file-name")
            ok = False
        if year is not None and not self._agency_in_year(node, rep, agency_id, year):
            ok = False
        return agency_id if ok else None

    def _agency_in_year(self, node: Node, rep: Reporter, agency_id: str, year: int) -> bool:
        agency = self.content.registry.get(agency_id)
        period = self.period(year)
        if existed_on(agency, period.end):
            if not self._leads_in(agency_id, period):
                rep.warning(node.line, node.path,
                            T("cơ quan không chủ trì nhiệm vụ nào của kế hoạch trong năm {y}",
                              y=year),
                            found=agency_id, code="agency-without-tasks")
            return True
        if agency.valid_from is not None and period.end < agency.valid_from:
            message = T("{n} chưa thành lập trong năm báo cáo {y} (thành lập từ {d})",
                        n=agency.name, y=year, d=short_date(agency.valid_from))
            hint = None
        else:
            until = short_date(agency.valid_until) if agency.valid_until else "?"
            message = T("{n} không còn vào cuối kỳ báo cáo năm {y} (đến {d})",
                        n=agency.name, y=year, d=until)
            hint = self._successor_hint(agency, period)
        rep.error(node.line, node.path, message, found=agency_id,
                  expected=T("cơ quan tồn tại ngày {d}",
                             d=short_date(period.end)), hint=hint, code="agency-not-in-year")
        return False

    def _leads_in(self, agency_id: str, period: Period) -> bool:
        """Whether *agency_id* answers for at least one task of the plan in *period*."""
        return bool(self.led_by(period.year).get(agency_id))

    @staticmethod
    def _successor_hint(agency: Agency, period: Period) -> Text | None:
        successor = AgencyResolver(period.resolver.content, period.end).current(agency.id)
        if successor is None:
            return None
        return T("từ năm {y} {s} ({i}) báo cáo thay; ghi agency: {i} và đặt tệp {i}.yaml",
                 y=period.year, s=successor.name, i=successor.id)

    def _check_report_fields(self, root: Node, rep: Reporter, period: Period,
                             agency: str | None) -> None:
        reported = root.get("reported_on")
        day = _date(reported)
        if reported is not None and day is not None and day < period.start:
            rep.error(reported.line, reported.path,
                      T("ngày báo cáo trước kỳ báo cáo"),
                      found=reported.value, expected=T("ngày từ {d} trở đi",
                                                       d=short_date(period.start)),
                      code="reported-before-period")
        number = root.get("report_number")
        if number is not None and _text(number) is not None:
            check_number(self.content, number, rep, "bao-cao", agency, None)

    # --- tasks ---------------------------------------------------------------

    def _check_tasks(self, root: Node, rep: Reporter, period: Period, agency: str) -> None:
        self.files[(period.year, agency)] = (rep, root)
        seen: dict[str, Node] = {}
        for item in _items(root.get("tasks")):
            node = item.get("task") if item.is_map else None
            task_id = _text(node)
            if node is None or task_id is None:
                continue
            if task_id in seen:
                rep.error(node.line, node.path,
                          T("nhiệm vụ đã có trong tệp này (dòng {n})",
                            n=seen[task_id].line),
                          found=task_id, code="duplicate-task")
                continue
            seen[task_id] = node
            task = self.tasks.get(task_id)
            if task is None:
                rep.error(node.line, node.path, T("kế hoạch không có nhiệm vụ mã này"),
                          found=task_id, hint=did_you_mean(task_id, list(self.tasks)),
                          expected=T("mã nhiệm vụ như trong kế hoạch, ví dụ \"3.1\""),
                          code="unknown-task")
                continue
            led = self._check_lead(node, rep, task, period, agency)
            self._check_completion(item, rep, task, period)
            for product in _items(item.get("products")):
                if product.is_map:
                    check_product(self.content, product, rep, period, agency)
            if led:
                state = _text(item.get("status"))
                self.reports.setdefault((period.year, task_id), []).append(
                    _Report(period.year, agency, state, node, rep))
                self.states.setdefault(task_id, {}).setdefault(period.year, state)

    def _check_lead(self, node: Node, rep: Reporter, task: Task, period: Period,
                    agency: str) -> bool:
        lead = period.resolver.current(task.lead)
        if lead is None:
            return False  # the plan's succession problem, reported once for the year
        if lead.id != agency:
            rep.error(node.line, node.path,
                      T("nhiệm vụ {t} năm {y} do {n} ({i}) chủ trì, không phải cơ quan báo cáo",
                        t=task.id, y=period.year, n=lead.name, i=lead.id),
                      found=task.id, expected=T("nhiệm vụ do {a} chủ trì", a=agency),
                      hint=T("báo cáo nhiệm vụ này trong tệp {i}.yaml", i=lead.id), code="not-lead")
            return False
        begins = start_year(self.content, task)
        if period.year < begins:
            rep.warning(node.line, node.path,
                        T("nhiệm vụ {t} bắt đầu từ năm {b}; báo cáo năm {y} không được tính",
                          t=task.id, b=begins, y=period.year),
                        found=task.id, code="task-not-started-year")
        return True

    def _check_completion(self, item: Node, rep: Reporter, task: Task, period: Period) -> None:
        state = _text(item.get("status"))
        completed = item.get("completed")
        filled = completed is not None and completed.value is not None
        if state == "hoan-thanh" and not filled:
            rep.error(item.line, f"{item.path}.completed",
                      T("nhiệm vụ đã hoàn thành cần ngày hoàn thành"),
                      expected=T("completed: DD/MM/YYYY"),
                      code="missing-completed")
            return
        if completed is None or not filled:
            return
        if state is not None and state != "hoan-thanh":
            rep.error(completed.line, completed.path,
                      T("nhiệm vụ chưa hoàn thành không ghi ngày hoàn thành"),
                      found=str(completed.value),
                      hint=T("xóa dòng completed hoặc ghi status: hoan-thanh"),
                      code="completed-not-done")
            return
        check_in_period(self.content, completed, rep, period,
                        T("ngày hoàn thành"))

    # --- figures -------------------------------------------------------------

    def _check_figures(self, root: Node, rep: Reporter) -> None:
        targets = [t.id for t in self.content.plan.targets if t.id]
        seen: dict[str, Node] = {}
        for item in _items(root.get("figures")):
            node = item.get("target") if item.is_map else None
            target = _text(node)
            if node is None or target is None:
                continue
            if target not in targets:
                rep.error(node.line, node.path, T("kế hoạch không có chỉ tiêu mã này"),
                          found=target, expected=T("một trong: {t}", t=", ".join(targets) or "—"),
                          hint=did_you_mean(target, targets), code="unknown-target")
            elif target in seen:
                rep.error(node.line, node.path,
                          T("chỉ tiêu đã có trong tệp này (dòng {n})",
                            n=seen[target].line),
                          found=target, code="duplicate-target")
            else:
                seen[target] = node

    # --- across files ----------------------------------------------------------

    def check_across(self) -> list[Problem]:
        """Checks that need every file: one reporter per task and year, tasks done earlier,
        tasks a reporting agency left out; and the plan's own succession problems."""
        for reports in self.reports.values():
            first = reports[0]
            for other in reports[1:]:
                other.rep.error(other.node.line, other.node.path,
                                T("nhiệm vụ đã được {a} báo cáo năm {y} ({f}:{n})",
                                  a=first.agency, y=first.year, f=first.rep.file,
                                  n=first.node.line),
                                found=other.node.value, code="task-reported-twice")
        self._check_done_before()
        self._check_left_out()
        problems = [p for period in self.periods.values() for p in period.resolver.problems]
        return list({p.format("vi"): p for p in problems}.values())

    def _done_in(self, task_id: str, year: int) -> int | None:
        """The latest earlier year whose report said *task_id* was done (as the analysis)."""
        earlier = [y for y in self.states.get(task_id, {}) if y < year]
        if not earlier:
            return None
        latest = max(earlier)
        return latest if self.states[task_id][latest] == "hoan-thanh" else None

    def _check_done_before(self) -> None:
        for (year, task_id), reports in self.reports.items():
            task = self.tasks[task_id]
            done = self._done_in(task_id, year)
            if task.deadline.kind in _RECURRING or done is None:
                continue
            report = reports[0]
            report.rep.warning(report.node.line, report.node.path,
                               T("nhiệm vụ {t} đã báo cáo hoàn thành năm {d}; báo cáo năm {y} "
                                 "không được tính", t=task_id, d=done, y=year),
                               found=task_id, code="done-before")

    def _check_left_out(self) -> None:
        for (year, agency), (rep, root) in self.files.items():
            left_out = [task.id for task in self.led_by(year).get(agency, [])
                        if self._expected(task, year) and (year, task.id) not in self.reports]
            if not left_out:
                continue
            tasks = root.get("tasks")
            rep.warning(tasks.anchor_line if tasks is not None else 1, "tasks",
                        T("thiếu nhiệm vụ do cơ quan chủ trì (sẽ tính là chưa báo cáo)"),
                        found=", ".join(left_out),
                        expected=T("mỗi nhiệm vụ một mục «- task: \"…\"» với status"),
                        code="task-left-out")

    def _expected(self, task: Task, year: int) -> bool:
        """Whether its reporter should report on *task* in *year* (as the analysis counts it)."""
        if start_year(self.content, task) > year:
            return False
        return task.deadline.kind in _RECURRING or self._done_in(task.id, year) is None
