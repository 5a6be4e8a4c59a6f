"""Keep the lines of a record file that an import does not change, byte for byte.

ruamel.yaml keeps comments when it writes an edited file back, but it folds
every long text again at its own width, so a one-field change would rewrap
paragraphs nobody touched.  :func:`keep_unchanged` takes the old text and
ruamel.yaml's new text and builds the result from the old lines of every
top-level key (and every task) whose meaning did not change, and the new lines
of the rest.  The caller checks that the result says what was meant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from lsdocs.tabular.progress_yaml import load_text, meaning, render

Span = tuple[int, int]  # [first line, line after the last)


def render_file(data: Mapping[str, Any], old_text: str | None, header: str,
                period: tuple[dt.date, dt.date]) -> str:
    """The record file's new text: a new file with comments, or the old one edited where
    its meaning changes (other lines kept byte for byte)."""
    old = load_text(old_text) if old_text is not None else None
    text = render(data, old, header, period)
    return keep_unchanged(old_text, text) if old_text is not None and old is not None else text


@dataclass
class _Layout:
    lines: list[str]
    data: Any
    keys: dict[str, Span] = field(default_factory=dict)  # top-level key -> its lines
    head: Span | None = None  # "tasks:" up to its first item
    items: dict[str, Span] = field(default_factory=dict)  # task id -> its lines
    item_data: dict[str, Any] = field(default_factory=dict)


def keep_unchanged(old_text: str, new_text: str) -> str:
    """*new_text* with the old lines of every unchanged key and task put back."""
    old, new = _layout(old_text), _layout(new_text)
    if old is None or new is None:
        return new_text
    out: list[str] = []
    for key, span in new.keys.items():
        if key in old.keys and _same(old.data.get(key), new.data.get(key), key):
            out += _lines(old, old.keys[key])
        elif key == "tasks" and old.head is not None and new.head is not None:
            out += _tasks(old, new)
        else:
            out += _lines(new, span)
    return "".join(out)


def _same(a: Any, b: Any, key: str) -> bool:
    return bool(meaning(a, key) == meaning(b, key))


def _tasks(old: _Layout, new: _Layout) -> list[str]:
    assert old.head is not None
    out = _lines(old, old.head)
    for task_id, span in new.items.items():
        if task_id in old.items and _same(old.item_data[task_id], new.item_data[task_id], ""):
            out += _lines(old, old.items[task_id])
        else:
            out += _lines(new, span)
    return out


def _lines(layout: _Layout, span: Span) -> list[str]:
    return [line if line.endswith("\n") else line + "\n"
            for line in layout.lines[span[0]:span[1]]]


def _layout(text: str) -> _Layout | None:
    try:
        root = YAML(typ="rt").compose(text)
        data = YAML(typ="safe", pure=True).load(text)
    except Exception:  # noqa: BLE001 - a file ruamel.yaml cannot read is rewritten whole
        return None
    if not isinstance(root, MappingNode) or not isinstance(data, dict):
        return None
    lines = text.splitlines(keepends=True)
    layout = _Layout(lines, data)
    starts = [int(k.start_mark.line) for k, _ in root.value]
    for index, (key, value) in enumerate(root.value):
        start = 0 if index == 0 else starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        layout.keys[str(key.value)] = (start, end)
        if key.value == "tasks" and isinstance(value, SequenceNode) and not value.flow_style:
            _task_spans(layout, value, starts[index], end)
    return layout


def _task_spans(layout: _Layout, tasks: SequenceNode, key_line: int, end: int) -> None:
    starts = [_item_start(layout.lines, item) for item in tasks.value]
    ids = [_task_id(item) for item in tasks.value]
    if not starts or None in ids or len(set(ids)) != len(ids):
        return
    layout.head = (key_line, starts[0])
    by_id = {str(t.get("task")): t for t in layout.data.get("tasks") or []
             if isinstance(t, dict)}
    for index, task_id in enumerate(ids):
        stop = starts[index + 1] if index + 1 < len(starts) else end
        layout.items[str(task_id)] = (starts[index], stop)
        layout.item_data[str(task_id)] = by_id.get(str(task_id))


def _item_start(lines: list[str], item: Any) -> int:
    line, col = int(item.start_mark.line), int(item.start_mark.column)
    if lines[line][:col].strip() == "-":
        return line
    return line - 1  # "-" alone on the line above


def _task_id(item: Any) -> str | None:
    if not isinstance(item, MappingNode):
        return None
    for key, value in item.value:
        if isinstance(key, ScalarNode) and key.value == "task" and isinstance(value, ScalarNode):
            return str(value.value)
    return None
