"""Edit the ``tasks`` lists of a plan file in place, leaving every other byte alone.

A full ruamel.yaml round trip re-wraps long plain scalars, so the file is
instead *composed* with ruamel.yaml's round-trip parser to learn where each
task and each of its fields starts and ends, and only those lines are
replaced.  New text (a changed field, a new task) is dumped by ruamel.yaml in
the file's own style: two-space mappings, list items indented under their key,
ids in double quotes, ``support`` as a flow list.

What stays as it was: comments (also a comment after a changed value on its
line), key order, quoting and line breaks of untouched fields and tasks.  A
deleted task takes its own lines with it; comment lines above it stay.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.nodes import Node as YamlNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from lsdocs.tabular.columns import FIELD_ORDER

#: Lines of the file are at most about this wide (the shipped content wraps at 100).
LINE_WIDTH = 98
_DEFAULT_ITEM_OFFSET = 2
_TASKS_LINE = re.compile(r"\s*tasks:\s*(?:\[\s*\])?\s*(#.*)?")
_BREAKS = ("\x85", "\u2028", "\u2029")

TaskFields = Mapping[str, Any]  # field -> YAML value, in FIELD_ORDER; None removes a field


class LayoutError(ValueError):
    """The file is laid out in a way this editor does not change safely."""


@dataclass(frozen=True)
class TaskUpdate:
    changes: TaskFields  # only the fields that change (None: remove the key)
    full: TaskFields  # every field after the change, for a rewrite of the whole task


@dataclass(frozen=True)
class TextEdit:
    """What to do: per task id an update or a removal; per group id tasks to append."""

    updates: Mapping[str, TaskUpdate] = field(default_factory=dict)
    removals: Sequence[str] = ()
    additions: Sequence[tuple[str, TaskFields]] = ()


@dataclass
class _Field:
    start: int  # first line (0-based)
    end: int  # line after the last one
    col: int  # column of the key
    value_end: int  # column just after the value on its last line


@dataclass
class _Task:
    id: str
    start: int
    end: int
    item_col: int  # column of "-"
    key_col: int
    fields: dict[str, _Field]


@dataclass
class _Group:
    id: str
    key_col: int
    last: int  # last content line of the group
    tasks_line: int | None  # line of "tasks:", None when there is no such key
    tasks_last: int  # last line of the tasks value
    tasks_block: bool  # a block list with at least one item
    tasks: list[_Task]
    tasks_comment: str = ""  # a comment after "tasks:" / "tasks: []", kept on that line


@dataclass(order=True)
class _Splice:
    start: int
    end: int
    seq: int
    lines: list[str] = field(compare=False)


def edit_tasks(text: str, edit: TextEdit) -> str:
    """*text* with *edit* applied; raises :class:`LayoutError` for layouts it cannot edit."""
    if any(b in text for b in _BREAKS) or "\r" in text.replace("\r\n", ""):
        raise LayoutError("unusual line breaks")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    newline = "\r\n" if "\r\n" in body else "\n"
    if body and not body.endswith("\n"):
        body += newline
    lines = body.splitlines(keepends=True)
    groups = _locate(body, lines)
    editor = _Editor(lines, newline, groups)
    editor.plan(edit)
    return bom + "".join(editor.apply())


# --- finding tasks and fields --------------------------------------------------------------


def _locate(text: str, lines: list[str]) -> list[_Group]:
    try:
        root = YAML(typ="rt").compose(text)
    except YAMLError as e:
        raise LayoutError(str(e)) from e
    groups = _value(root, "task_groups")
    if not isinstance(groups, SequenceNode):
        raise LayoutError("no task_groups list")
    return [_group(node, lines) for node in groups.value]


def _value(node: YamlNode | None, key: str) -> YamlNode | None:
    pair = _pair(node, key)
    return pair[1] if pair else None


def _pair(node: YamlNode | None, key: str) -> tuple[ScalarNode, YamlNode] | None:
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return key_node, value
    return None


def _last_line(node: YamlNode) -> int:
    """The 0-based line of the last character of *node* (comments after it excluded)."""
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return _pair_last(*node.value[-1])
    if isinstance(node, SequenceNode) and not node.flow_style and node.value:
        return _last_line(node.value[-1])
    mark = node.end_mark
    if mark.column == 0 and mark.line > node.start_mark.line:
        return int(mark.line) - 1
    return int(mark.line)


def _pair_last(key: YamlNode, value: YamlNode) -> int:
    """The last line of a key and its value; an empty value (``key:``) ends on the key's line."""
    if isinstance(value, ScalarNode) and value.value == "" and not value.style:
        return int(key.start_mark.line)
    return _last_line(value)


def _group(node: YamlNode, lines: list[str]) -> _Group:
    ident = _value(node, "id")
    pair = _pair(node, "tasks")
    if not isinstance(node, MappingNode) or not isinstance(ident, ScalarNode):
        raise LayoutError("a task group is not a mapping with an id")
    tasks_node = pair[1] if pair else None
    block = (isinstance(tasks_node, SequenceNode) and not tasks_node.flow_style
             and bool(tasks_node.value))
    if isinstance(tasks_node, SequenceNode) and tasks_node.flow_style and tasks_node.value:
        raise LayoutError("tasks written as a flow list")
    tasks = [_task(item, lines) for item in tasks_node.value] if block and tasks_node else []
    return _Group(
        id=str(ident.value), key_col=node.start_mark.column, last=_last_line(node),
        tasks_line=pair[0].start_mark.line if pair else None,
        tasks_last=_pair_last(*pair) if pair else 0,
        tasks_block=block, tasks=tasks,
        tasks_comment=_key_comment(lines[pair[0].start_mark.line]) if pair else "")


def _key_comment(line: str) -> str:
    match = _TASKS_LINE.match(line.rstrip("\r\n"))
    return f"  {match[1]}" if match and match[1] else ""


def _task(node: YamlNode, lines: list[str]) -> _Task:
    if not isinstance(node, MappingNode) or node.flow_style or not node.value:
        raise LayoutError("a task is not a block mapping")
    start, key_col = node.start_mark.line, node.start_mark.column
    if lines[start][:key_col].strip() != "-":
        start -= 1  # "-" alone on the line above
        if start < 0 or lines[start].strip() != "-":
            raise LayoutError("cannot find the list dash of a task")
    fields = {}
    for key_node, value in node.value:
        end_line = _pair_last(key_node, value)
        value_end = value.end_mark.column if value.end_mark.line == end_line else len(
            lines[end_line].rstrip("\r\n"))
        fields[str(key_node.value)] = _Field(key_node.start_mark.line, end_line + 1,
                                             key_node.start_mark.column, value_end)
    ident = _value(node, "id")
    if not isinstance(ident, ScalarNode):
        raise LayoutError("a task without an id")
    return _Task(str(ident.value), start, _last_line(node) + 1, lines[start].index("-"),
                 key_col, fields)


# --- planning and applying splices ----------------------------------------------------------


class _Editor:
    def __init__(self, lines: list[str], newline: str, groups: list[_Group]):
        self.lines = lines
        self.newline = newline
        self.groups = {g.id: g for g in groups}
        self.tasks = {t.id: t for g in groups for t in g.tasks}
        self.splices: list[_Splice] = []
        self.offset = self._item_offset(groups)

    @staticmethod
    def _item_offset(groups: list[_Group]) -> int:
        for group in groups:
            if group.tasks and group.tasks_line is not None:
                return group.tasks[0].item_col - group.key_col
        return _DEFAULT_ITEM_OFFSET

    def plan(self, edit: TextEdit) -> None:
        for task_id, update in edit.updates.items():
            self._update(self._known(task_id), update)
        for task_id in edit.removals:
            task = self._known(task_id)
            self._splice(task.start, task.end, [])
        removed = set(edit.removals)
        for group in self.groups.values():
            added = [fields for group_id, fields in edit.additions if group_id == group.id]
            left = [t for t in group.tasks if t.id not in removed]
            self._add(group, added, emptied=bool(group.tasks) and not left)

    def _known(self, task_id: str) -> _Task:
        if task_id not in self.tasks:
            raise LayoutError(f"task {task_id} not found in the file")
        return self.tasks[task_id]

    def _update(self, task: _Task, update: TaskUpdate) -> None:
        first_line = task.start
        if any(task.fields[k].start == first_line for k in update.changes if k in task.fields):
            # The field shares its line with the list dash: rewrite the whole task.
            self._splice(task.start, task.end, self._item(update.full, task.item_col))
            return
        for key, value in update.changes.items():
            if key in task.fields:
                self._replace_field(task.fields[key], key, value)
            elif value is not None:
                at = self._insert_point(task, key)
                self._splice(at, at, self._field_lines(key, value, " " * task.key_col))

    def _replace_field(self, span: _Field, key: str, value: Any) -> None:
        if value is None:
            self._splice(span.start, span.end, [])
            return
        prefix = self.lines[span.start][:span.col]
        new = self._field_lines(key, value, prefix)
        last = self.lines[span.end - 1].rstrip("\r\n")
        comment = last[span.value_end:]
        if comment.strip().startswith("#"):
            new[-1] += comment
        self._splice(span.start, span.end, new)

    def _insert_point(self, task: _Task, key: str) -> int:
        before = FIELD_ORDER[:FIELD_ORDER.index(key)] if key in FIELD_ORDER else FIELD_ORDER
        present = [task.fields[k] for k in before if k in task.fields]
        return max(f.end for f in present) if present else task.end

    def _add(self, group: _Group, added: list[TaskFields], emptied: bool) -> None:
        item_col = group.key_col + self.offset
        items = [line for fields in added for line in self._item(fields, item_col)]
        key = " " * group.key_col + "tasks:"
        if group.tasks_block:
            if items:
                at = group.tasks[-1].end
                self._splice(at, at, items)
            elif emptied and group.tasks_line is not None:
                self._splice(group.tasks_line, group.tasks_line + 1,
                             [key + " []" + group.tasks_comment])
        elif items and group.tasks_line is not None:
            self._splice(group.tasks_line, group.tasks_last + 1,
                         [key + group.tasks_comment, *items])
        elif items:
            self._splice(group.last + 1, group.last + 1, [key, *items])

    def _splice(self, start: int, end: int, lines: list[str]) -> None:
        self.splices.append(_Splice(start, end, len(self.splices),
                                    [line + self.newline for line in lines]))

    def apply(self) -> list[str]:
        lines = list(self.lines)
        ordered = sorted(self.splices, reverse=True)
        for earlier, later in zip(ordered[1:], ordered, strict=False):
            if earlier.end > later.start:
                raise LayoutError("overlapping edits")
        for splice in ordered:
            lines[splice.start:splice.end] = splice.lines
        return lines

    # --- emitting YAML ---------------------------------------------------------------------

    def _field_lines(self, key: str, value: Any, prefix: str) -> list[str]:
        dumped = _dump({key: value}, LINE_WIDTH - len(prefix))
        return [prefix + dumped[0], *(" " * len(prefix) + line for line in dumped[1:])]

    def _item(self, fields: TaskFields, item_col: int) -> list[str]:
        present = {k: v for k, v in fields.items() if v is not None}
        dumped = _dump(present, LINE_WIDTH - item_col - 2)
        pad = " " * (item_col + 2)
        return [" " * item_col + "- " + dumped[0], *(pad + line for line in dumped[1:])]


def _dump(fields: Mapping[str, Any], width: int) -> list[str]:
    mapping = CommentedMap()
    for key, value in fields.items():
        mapping[key] = _styled(key, value)
    yaml = YAML(typ="rt")
    yaml.width = max(width, 40)
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(mapping, out)
    return [line.rstrip() for line in out.getvalue().splitlines()]


def _styled(key: str, value: Any) -> Any:
    if key == "id":
        return DoubleQuotedScalarString(value)  # "1.10" must stay text, as the file writes it
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    return value
