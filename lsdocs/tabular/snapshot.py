"""What the tasks were when a workbook was exported, to notice edits made since.

A clerk may export the table, then someone edits the YAML by hand, then the
old workbook is imported: without a guard the import would silently undo
those hand edits (and delete tasks added meanwhile).  The export stores a
short digest of every task in a hidden sheet; the import compares it with the
tasks as they are now.
"""

from __future__ import annotations

import hashlib
import json

from lsdocs.content.model import Plan, Task

SNAPSHOT_SHEET = "lsdocs"


def task_digest(task: Task) -> str:
    fields = {
        "name": task.name, "lead": task.lead, "support": list(task.support),
        "support_text": task.support_text, "deadline": task.deadline.text,
        "product": task.product, "source": task.source,
    }
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def plan_snapshot(plan: Plan) -> dict[str, str]:
    """Task id -> digest, for every task of *plan*."""
    return {t.id: task_digest(t) for t in plan.tasks}


def edited_since(plan: Plan, snapshot: dict[str, str], touched: set[str]) -> list[str]:
    """Ids in *touched* (tasks the import would change or remove) edited in the YAML since export.

    A task that did not exist at export time was added since, so it is edited too.
    """
    current = plan_snapshot(plan)
    return [i for i in current if i in touched and snapshot.get(i) != current[i]]
