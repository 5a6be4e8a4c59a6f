"""A plan's tasks checked one by one as the file is read, so that their trees never pile up.

A plan of 10,000 agencies has some 50,000 tasks and half a million values:
holding all their :class:`~lsdocs.content.node.Node` trees while the plan is
checked, next to the model built from them, is what made loading large.
:class:`TaskStream` is given each task of ``task_groups[i].tasks`` as soon as
the reader has built it (:class:`~lsdocs.content.node.Pieces`).  It runs on it
every check that concerns that task alone, the same code the whole-tree
checks ran, and records the problems instead of reporting them:

* the schema (:data:`lsdocs.content.plan_specs.TASK`): replayed by the schema
  walk where it reaches the list, so problems come out in the same order;
* the task's agencies (lead not also a coordinator, no coordinator twice) and
  its id against every earlier task id: reported in their phase of
  :func:`lsdocs.content.plan_checks.check_plan`.

Then the task's tree is dropped.  A task without an error becomes its model
:class:`~lsdocs.content.model.Task` at once, with the line of its deadline
kept for the deadline check (the plan's date may come later in the file); a
task with an error is kept as its tree (the plan will not load anyway, and
later checks read it as before).  Agency references that a date check could
warn about (agencies with a start or end date in the registry) are kept too.

The ruamel.yaml path reads a whole tree; :meth:`TaskStream.adopt` then hands
its task lists to the same code, so both paths report exactly the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsdocs.content._report import Reporter
from lsdocs.content.agencies import AgencyIndex
from lsdocs.content.assemble import Deadlines, build_task
from lsdocs.content.model import Registry, Task
from lsdocs.content.node import Node, Plain, Streamed, child_path
from lsdocs.content.plan_specs import TASK
from lsdocs.content.schema import Ctx
from lsdocs.errors import T

#: The key path of a task list and the depth of its value in the file.
_TASK_LIST = re.compile(r"task_groups\[[0-9]+\]\.tasks")
_TASK_LIST_DEPTH = 3


class TaskStream:
    """Checks each task as it is read (see the module documentation).

    *index* and *registry* are those of the registry the plan names (None when
    there is none or it is unreadable); *file* is the plan's name in messages.
    """

    def __init__(self, file: str, index: AgencyIndex | None, registry: Registry | None):
        self.file = file
        self.names = index
        self.dated = frozenset(
            a.id for a in registry.agencies.values() if a.valid_from or a.valid_until
        ) if registry is not None else frozenset()
        #: the registry's own id objects, so that tasks name agencies without copies
        self.agency_ids = {a: a for a in registry.agencies} if registry is not None else {}
        self.reset()

    def reset(self) -> None:
        # Only references a date check could warn about are kept (see check_agency_dates).
        self.lookup = AgencyIndex(self.names.names, self.names.file,
                                  keep=self.dated) if self.names else None
        self.deadlines = Deadlines()
        self.lists: list[Streamed] = []
        self.ids: set[str] = set()  # every task id so far (no int per task: see _first)
        self.firsts: dict[str, tuple[int, int, int]] | None = None  # made at a first duplicate
        self.supports: dict[tuple[str, ...], tuple[str, ...]] = {}  # equal lists, one tuple
        self.scratch = Reporter(self.file)  # one task's schema problems
        self.ctx = Ctx(self.scratch, self.lookup)
        self.duplicate_ids = Reporter(self.file)
        self.agency_problems = Reporter(self.file)

    # --- Pieces ---------------------------------------------------------------

    def start(self, path: str, depth: int) -> Streamed | None:
        if depth != _TASK_LIST_DEPTH or not _TASK_LIST.fullmatch(path):
            return None
        streamed = Streamed(path)
        self.lists.append(streamed)
        return streamed

    def take(self, streamed: Streamed, item: Node | Plain) -> None:
        if isinstance(item, Plain):
            if self._take_clean(streamed, item):
                return
            item = item.node()
        found = self.scratch.problems.problems
        streamed.ok &= TASK.check(item, self.ctx)
        failed = streamed.absorb(found)
        if self.lookup is not None and self.lookup.refs:
            streamed.refs += self.lookup.refs
            self.lookup.refs.clear()
        if item.is_map:
            self._check_id(item, len(self.lists) - 1, len(streamed))
            check_task_agencies(item, self.agency_problems)
        if failed:
            streamed.items.append(item)
            streamed.lines.extend((0, 0))
            return
        streamed.lines.extend((item.value["id"].line, item.value["deadline"].line))
        streamed.items.append(build_task(self._shared(_plain_task(item)), self.deadlines))

    def _take_clean(self, streamed: Streamed, item: Plain) -> bool:
        """Take a task read as plain values when no check has anything to say about it.

        False, with nothing taken, when one might: the task is then checked as a tree.
        """
        raw = item.value
        if self.firsts is not None or not TASK.accepts(raw, self.ctx):
            return False
        support = raw.get("support") or ()
        if raw["id"] in self.ids or raw["lead"] in support or len(set(support)) < len(support):
            return False  # a duplicate id; a lead or coordinator check_task_agencies words
        self.ids.add(raw["id"])
        streamed.lines.extend((item.line_of("id"), item.line_of("deadline")))
        streamed.items.append(build_task(self._shared(raw), self.deadlines))
        return True

    def adopt(self, root: Node) -> None:
        """Take the task lists of a tree read whole (the ruamel.yaml path), as if streamed."""
        groups = root.get("task_groups")
        for group in groups.value if groups is not None and groups.is_list else ():
            tasks = group.get("tasks") if group.is_map else None
            if tasks is None or not tasks.is_list:
                continue
            streamed = self.start(tasks.path, _TASK_LIST_DEPTH)
            assert streamed is not None
            streamed.fill(tasks, self.take)

    # --- what the task checks keep ------------------------------------------------

    def _shared(self, raw: dict[str, Any]) -> dict[str, Any]:
        """A clean task's values with agency ids and coordinator lists shared, not copied."""
        ids = self.agency_ids
        raw["lead"] = ids.get(raw["lead"], raw["lead"])
        support = tuple(ids.get(s, s) for s in raw.get("support") or ())
        raw["support"] = self.supports.setdefault(support, support)
        return raw

    def _check_id(self, task: Node, list_no: int, position: int) -> None:
        """The task's id against every earlier one (as ``check_unique_ids`` did)."""
        node = task.get("id")
        value = node.value if node is not None and isinstance(node.value, str) else None
        if node is None or value is None:
            return
        if value not in self.ids:
            self.ids.add(value)
            if self.firsts is not None:
                self.firsts[value] = (node.line, list_no, position)
            return
        line, list_no, position = self._first()[value]
        path = child_path(child_path(self.lists[list_no].path, position), "id")
        self.duplicate_ids.error(
            node.line, node.path, T("mã bị trùng (đã dùng ở {p}, dòng {n})", p=path, n=line),
            found=value, code="duplicate-task-id")

    def _first(self) -> dict[str, tuple[int, int, int]]:
        """Where each task id so far was first used: (line, list number, position).

        Made when a first duplicate shows up, by looking back at the tasks kept;
        a plan without duplicates never holds it.
        """
        if self.firsts is None:
            self.firsts = {}
            for list_no, streamed in enumerate(self.lists):
                for position, item in enumerate(streamed.items):
                    if isinstance(item, Task):
                        self.firsts.setdefault(item.id, (streamed.lines[2 * position], list_no,
                                                         position))
                        continue
                    node = item.get("id")
                    if node is not None and isinstance(node.value, str):
                        self.firsts.setdefault(node.value, (node.line, list_no, position))
        return self.firsts

    def deadline_places(self) -> Iterator[tuple[Task | Node, int, str]]:
        """Every task in plan order: (model task or tree, line of its deadline, key path)."""
        for streamed in self.lists:
            for position, item in enumerate(streamed.items):
                path = child_path(child_path(streamed.path, position), "deadline")
                yield item, streamed.lines[2 * position + 1], path


def check_task_agencies(task: Node, rep: Reporter) -> None:
    """A task's lead is not also a coordinator, and no coordinator is listed twice."""
    lead = _text(task.get("lead"))
    seen: set[str] = set()
    support = task.get("support")
    for node in support.value if support is not None and support.is_list else ():
        value = _text(node)
        if value is None:
            continue
        if value == lead:
            rep.warning(node.line, node.path,
                        T("cơ quan chủ trì lại có trong danh sách phối hợp"),
                        found=value,
                        hint=T("xóa dòng này khỏi support"),
                        code="lead-in-support")
        elif value in seen:
            rep.error(node.line, node.path,
                      T("cơ quan phối hợp bị ghi hai lần"),
                      found=value, code="duplicate-support")
        seen.add(value)


def _plain_task(task: Node) -> dict[str, Any]:
    """:meth:`Node.plain` of a task that passed the schema: scalars and one list of them."""
    raw = {key: child.value for key, child in task.value.items()}
    support = raw.get("support")
    if support is not None:
        raw["support"] = [node.value for node in support]
    return raw


def _text(node: Node | None) -> str | None:
    return node.value if node is not None and isinstance(node.value, str) else None
