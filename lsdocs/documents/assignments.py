"""Who does what today: the plan's tasks grouped by the agencies that exist on a date.

A 2023 plan names 2023 agencies.  A letter dated after the 2025 mergers goes
to their successors: tasks of Sở Nông nghiệp và PTNT and Sở Tài nguyên và Môi
trường both land with Sở Nông nghiệp và Môi trường.  Where an agency was split,
the content must say which successor takes over (``succession:``); otherwise
:func:`lsdocs.content.resolve_agency` stops with the choices.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsdocs.content.agencies import AgencyResolver
from lsdocs.content.model import Agency, Content, Task


@dataclass(slots=True)
class AgencyTasks:
    """The tasks one (current) agency leads and supports (one per agency in a batch)."""

    agency: Agency
    lead: list[Task] = field(default_factory=list)
    support: list[Task] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.lead) + len(self.support)


def tasks_by_agency(content: Content, resolver: AgencyResolver) -> dict[str, AgencyTasks]:
    """Current agency id -> its lead and support tasks, in plan order.

    An agency that both leads and supports a task after a merger keeps it as lead.
    """
    result: dict[str, AgencyTasks] = {}

    def slot(agency_id: str) -> AgencyTasks | None:
        agency = resolver.current(agency_id)
        if agency is None:
            return None
        found = result.get(agency.id)
        if found is None:  # not setdefault: that would make an AgencyTasks per task
            found = result[agency.id] = AgencyTasks(agency)
        return found

    for task in content.plan.tasks:
        lead = slot(task.lead)
        if lead is not None:
            lead.lead.append(task)
        for supporter in task.support:
            entry = slot(supporter)
            # Two supporters merged into one agency: the task is its last one already (an
            # identity test; comparing tasks field by field cost more than the grouping).
            if entry is not None and entry is not lead and (
                    not entry.support or entry.support[-1] is not task):
                entry.support.append(task)
    resolver.raise_problems()
    return result
