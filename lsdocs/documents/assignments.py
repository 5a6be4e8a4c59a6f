"""Who does what today: the plan's tasks grouped by the agencies that exist on a date.

A 2023 plan names 2023 agencies.  A letter dated after the 2025 mergers goes
to their successors: tasks of Sở Nông nghiệp và PTNT and Sở Tài nguyên và Môi
trường both land with Sở Nông nghiệp và Môi trường.  Where an agency was split,
the content must say which successor takes over (``succession:``); otherwise
:func:`lsdocs.content.resolve_agency` stops with the choices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lsdocs.content import resolve_agency
from lsdocs.content.model import Agency, Content, Task
from lsdocs.errors import ContentError, Location, Problem


@dataclass
class AgencyTasks:
    """The tasks one (current) agency leads and supports."""

    agency: Agency
    lead: list[Task] = field(default_factory=list)
    support: list[Task] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.lead) + len(self.support)


class AgencyResolver:
    """Maps plan agency ids to the agencies that exist on *on_date*, reporting in one pass."""

    def __init__(self, content: Content, on_date: dt.date):
        self.content = content
        self.on_date = on_date
        self._cache: dict[str, Agency] = {}
        self.problems: list[Problem] = []

    def current(self, agency_id: str) -> Agency | None:
        if agency_id not in self._cache:
            try:
                found = resolve_agency(
                    self.content.registry, agency_id, self.on_date, self.content.plan.succession
                )
            except ContentError as exc:
                self.problems += [self._locate(p) for p in exc.problems]
                return None
            self._cache[agency_id] = found[0]
        return self._cache[agency_id]

    def _locate(self, problem: Problem) -> Problem:
        if problem.location.file:
            return problem
        loc = Location(self.content.plan_file, problem.location.line, problem.location.path)
        return Problem(loc, problem.message, problem.found, problem.expected, problem.hint,
                       problem.severity, problem.code)

    def name(self, agency_id: str) -> str:
        """The current name of *agency_id*; ContentError (with the choices) if it cannot tell."""
        agency = self.current(agency_id)
        self.raise_problems()
        return agency.name if agency is not None else agency_id

    def raise_problems(self) -> None:
        if self.problems:
            unique = {p.format("vi"): p for p in self.problems}
            raise ContentError(list(unique.values()))


def tasks_by_agency(content: Content, resolver: AgencyResolver) -> dict[str, AgencyTasks]:
    """Current agency id -> its lead and support tasks, in plan order.

    An agency that both leads and supports a task after a merger keeps it as lead.
    """
    result: dict[str, AgencyTasks] = {}

    def slot(agency_id: str) -> AgencyTasks | None:
        agency = resolver.current(agency_id)
        if agency is None:
            return None
        return result.setdefault(agency.id, AgencyTasks(agency))

    for task in content.plan.tasks:
        lead = slot(task.lead)
        if lead is not None:
            lead.lead.append(task)
        for supporter in task.support:
            entry = slot(supporter)
            if entry is not None and entry is not lead and task not in entry.support:
                entry.support.append(task)
    resolver.raise_problems()
    return result
