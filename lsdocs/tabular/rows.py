"""A plan's tasks as table rows: the values each column shows."""

from __future__ import annotations

from dataclasses import dataclass

from lsdocs.content.model import Content, Plan, Task
from lsdocs.tabular.agency_cells import AgencyNames, join_agencies
from lsdocs.tabular.columns import SOURCE_LABELS

Row = dict[str, "str | int"]


@dataclass(frozen=True)
class GroupRef:
    """A task group as the table names it: its number in the plan (1-based), id and title."""

    number: int
    id: str
    title: str


def group_refs(plan: Plan) -> list[GroupRef]:
    return [GroupRef(i, g.id, g.title) for i, g in enumerate(plan.task_groups, 1)]


def task_rows(content: Content) -> list[Row]:
    """One row per task, in plan order; agencies by name, group by number."""
    names = AgencyNames(content.registry, content.registry_file)
    return [task_row(task, group.number, names)
            for group, task_group in zip(group_refs(content.plan), content.plan.task_groups,
                                         strict=True)
            for task in task_group.tasks]


def task_row(task: Task, group_number: int, names: AgencyNames) -> Row:
    return {
        "id": task.id,
        "group": group_number,
        "name": task.name,
        "lead": names.display(task.lead),
        "support": join_agencies([names.display(a) for a in task.support]),
        "support_text": task.support_text or "",
        "deadline": task.deadline.text,
        "product": task.product,
        "source": SOURCE_LABELS[task.source],
    }
