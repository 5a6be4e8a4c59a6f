"""From checked rows to an edit of the plan: which tasks are added, changed, removed.

Rows are matched to tasks by id.  A row whose id the plan does not have is a
new task, appended to its group with ``source: illustrative`` unless the row
says otherwise; a task no row names is removed; a row whose group differs
moves its task to the end of that group.  Values are compared by meaning, not
by spelling: ``quý 4/2024`` equals ``Quý IV/2024`` and a name re-wrapped by
Excel equals the YAML one, so an export imported unchanged edits nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from lsdocs.content import parse_deadline
from lsdocs.content.model import Plan, Task
from lsdocs.tabular.columns import FIELD_ORDER
from lsdocs.tabular.parse import Assignment
from lsdocs.tabular.yamledit import LayoutError, TaskFields, TaskUpdate, TextEdit, edit_tasks


@dataclass
class PlanChanges:
    """The edit to make, and what it means for the summary."""

    edit: TextEdit
    added: list[str] = field(default_factory=list)
    changed: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> fields
    removed: list[str] = field(default_factory=list)
    expected: dict[str, list[TaskFields]] = field(default_factory=dict)  # group -> tasks after

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def plan_changes(plan: Plan, assignments: list[Assignment]) -> PlanChanges:
    """Compare the rows with the plan's tasks."""
    existing = {t.id: (g.id, t) for g in plan.task_groups for t in g.tasks}
    in_table = {a.id for a in assignments}
    updates: dict[str, TaskUpdate] = {}
    additions: list[tuple[str, TaskFields]] = []
    changes = PlanChanges(TextEdit())
    for row in assignments:
        if row.id not in existing:
            additions.append((row.group, _new_task(row)))
            changes.added.append(row.id)
            continue
        group, task = existing[row.id]
        diff = _differences(task, row)
        full = {**task_fields(task), **diff}
        if row.group != group:
            additions.append((row.group, full))
            changes.changed[row.id] = (*diff, "moved")
        elif diff:
            updates[row.id] = TaskUpdate(diff, full)
            changes.changed[row.id] = tuple(diff)
    moved = [i for i, fields in changes.changed.items() if "moved" in fields]
    changes.removed = [i for i in existing if i not in in_table]
    changes.edit = TextEdit(updates, [*changes.removed, *moved], additions)
    changes.expected = _expected(plan, changes.edit)
    return changes


def task_fields(task: Task) -> TaskFields:
    """A task as the YAML writes it, fields in order; absent optional fields left out."""
    fields: dict[str, Any] = {
        "id": task.id, "name": task.name, "lead": task.lead,
        "support": list(task.support) or None, "support_text": task.support_text,
        "deadline": task.deadline.text, "product": task.product, "source": task.source,
    }
    return {k: fields[k] for k in FIELD_ORDER if fields[k] is not None}


def _new_task(row: Assignment) -> TaskFields:
    fields: dict[str, Any] = {
        "id": row.id, "name": row.name, "lead": row.lead,
        "support": list(row.support) or None, "support_text": row.support_text,
        "deadline": row.deadline.text, "product": row.product,
        "source": row.source or "illustrative",
    }
    return {k: fields[k] for k in FIELD_ORDER if fields[k] is not None}


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def _differences(task: Task, row: Assignment) -> dict[str, Any]:
    """Fields whose meaning differs, with the YAML value to write (None: remove the key)."""
    diff: dict[str, Any] = {}
    if row.name != _one_line(task.name):
        diff["name"] = row.name
    if row.lead != task.lead:
        diff["lead"] = row.lead
    if "support" in row.given and row.support != task.support:
        diff["support"] = list(row.support) or None
    if "support_text" in row.given and row.support_text != _one_line(task.support_text):
        diff["support_text"] = row.support_text
    if row.deadline != task.deadline:
        diff["deadline"] = row.deadline.text
    if row.product != _one_line(task.product):
        diff["product"] = row.product
    if row.source is not None and row.source != task.source:
        diff["source"] = row.source
    return {k: diff[k] for k in FIELD_ORDER if k in diff}


def _expected(plan: Plan, edit: TextEdit) -> dict[str, list[TaskFields]]:
    removed = set(edit.removals)
    expected: dict[str, list[TaskFields]] = {}
    for group in plan.task_groups:
        tasks: list[TaskFields] = [
            {**task_fields(t), **(edit.updates[t.id].changes if t.id in edit.updates else {})}
            for t in group.tasks if t.id not in removed]
        tasks += [fields for group_id, fields in edit.additions if group_id == group.id]
        expected[group.id] = [{k: v for k, v in t.items() if v is not None} for t in tasks]
    return expected


# --- editing the text and checking the edit ---------------------------------------------------


class EditCheckError(ValueError):
    """The edited text does not say what was meant; nothing must be written."""


def apply_changes(text: str, changes: PlanChanges) -> str:
    """The plan file's text with *changes* made; checked to change nothing else."""
    try:
        edited = edit_tasks(text, changes.edit)
    except LayoutError as e:
        raise EditCheckError(str(e)) from e
    _check(text, edited, changes.expected)
    return edited


def _check(before: str, after: str, expected: dict[str, list[TaskFields]]) -> None:
    old, new = _load(before), _load(after)
    old_tasks, new_tasks = _pop_tasks(old), _pop_tasks(new)
    if old != new:
        raise EditCheckError("text outside the tasks lists changed")
    if list(new_tasks) != list(expected) or list(old_tasks) != list(expected):
        raise EditCheckError("task groups changed")
    for group, tasks in expected.items():
        if [_meaning(t) for t in new_tasks[group]] != [_meaning(t) for t in tasks]:
            raise EditCheckError(f"the tasks of {group} are not as intended")


def _load(text: str) -> Any:
    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as e:
        raise EditCheckError(f"the edited file is not YAML: {e}") from e


def _pop_tasks(data: Any) -> dict[str, list[TaskFields]]:
    tasks: dict[str, list[TaskFields]] = {}
    for group in data["task_groups"]:
        tasks[group["id"]] = list(group.pop("tasks", None) or [])
    return tasks


def _meaning(task: TaskFields) -> tuple[Any, ...]:
    return (
        str(task.get("id")), _one_line(task.get("name")), task.get("lead"),
        tuple(task.get("support") or ()), _one_line(task.get("support_text")),
        parse_deadline(str(task.get("deadline"))), _one_line(task.get("product")),
        task.get("source"),
    )
