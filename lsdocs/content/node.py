"""One value of a content file with where it is: the tree both YAML readers build.

A :class:`Node` is small on purpose (a plan of 10,000 agencies has about half
a million of them while it is checked): it has slots, and a leaf does not hold
its key path as a string but its parent's path and its own key, joined only
when a message asks for it.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from typing import Any, Protocol

#: Deeper than any content file needs; stops recursive aliases (&a [*a]).
MAX_DEPTH = 40
#: Characters no document can hold: C0 controls but tab and line ends, DEL, C1
#: controls, surrogates and the two non-characters XML refuses.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def child_path(parent: str, key: str | int) -> str:
    """``child_path("a", "b") == "a.b"``, ``child_path("a", 2) == "a[2]"``."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


class Node:
    """One value of a content file, with where it is.

    *value* is ``str``, ``int``, ``float``, ``bool``, ``datetime.date``, ``None``,
    ``dict[str, Node]`` (a mapping) or ``list[Node]`` (a sequence).
    *line* is the 1-based line where the value starts; *key_line* the line of the
    key that names it (``None`` for list items and the top level).
    *path* is the key path from the top, e.g. ``task_groups[2].tasks[1].lead``.
    """

    __slots__ = ("value", "line", "key_line", "_base", "_key")

    value: Any
    line: int
    key_line: int | None

    def __init__(self, value: Any, line: int, path: str, key_line: int | None = None):
        self.value = value
        self.line = line
        self.key_line = key_line
        self._base = path
        self._key: str | int | None = None

    @classmethod
    def child(cls, value: Any, line: int, base: str, key: str | int | None,
              key_line: int | None) -> Node:
        """The node at ``child_path(base, key)`` (*base* itself when *key* is None)."""
        node = cls.__new__(cls)
        node.value = value
        node.line = line
        node.key_line = key_line
        node._base = base
        node._key = key
        return node

    @property
    def path(self) -> str:
        return self._base if self._key is None else child_path(self._base, self._key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Node):
            return NotImplemented
        return (self.value, self.line, self.path, self.key_line) == (
            other.value, other.line, other.path, other.key_line)

    __hash__ = None  # type: ignore[assignment]  # compared by value, like its dict value

    def __repr__(self) -> str:
        return (f"Node(value={self.value!r}, line={self.line}, path={self.path!r}, "
                f"key_line={self.key_line})")

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)

    @property
    def anchor_line(self) -> int:
        """The line to point at for the node as a whole (its key, else its start)."""
        return self.key_line or self.line

    def get(self, key: str) -> Node | None:
        return self.value.get(key) if self.is_map else None

    def plain(self) -> Any:
        """The value with every child :class:`Node` replaced by its plain value."""
        if self.is_map:
            return {k: v.plain() for k, v in self.value.items()}
        if self.is_list:
            return [item.plain() for item in self.value]
        return self.value

    def take_plain(self) -> Any:
        """:meth:`plain`, emptying the tree as it goes so that it never exists twice.

        For a tree that is no longer needed (checked, about to become the
        model): each part is freed as soon as its plain copy is made.
        """
        value = self.value
        if isinstance(value, dict):
            out = {}
            for key in list(value):
                out[key] = value.pop(key).take_plain()
            return out
        if isinstance(value, list):
            items = []
            for i, item in enumerate(value):
                value[i] = None
                items.append(item.take_plain())
            value.clear()
            return items
        return value


class Plain:
    """A list item read as plain values, with the line of each part; a :class:`Node` tree on demand.

    The fast reader hands the items of a streamed list this way: an item with
    nothing wrong becomes its model object straight from *value* (``dict``,
    ``list`` and scalars), and only an item a check must word is made into
    its tree (:meth:`node`), with the lines and key paths the tree would have
    had.  *lines* lists in file order the line where each value starts, each
    mapping key's line just before its value's (see :func:`plain_tree`).
    """

    __slots__ = ("value", "lines", "base", "key")

    def __init__(self, value: Any, lines: list[int], base: str, key: int):
        self.value = value
        self.lines = lines
        self.base = base
        self.key = key

    def node(self) -> Node:
        return plain_tree(self.value, self.lines, self.base, self.key)

    def line_of(self, key: str) -> int:
        """The line of the value of *key*, a key of this item (a mapping)."""
        at = 1  # lines[0] is where the mapping starts
        for name, value in self.value.items():
            if name == key:
                return self.lines[at + 1]
            at += 2 + _extent(value) if type(value) in _BRANCHES else 2
        raise KeyError(key)


def _extent(value: Any) -> int:
    """How many lines the parts of *value* take in a lines list (its own line not counted)."""
    if type(value) is dict:
        return sum(2 + _extent(item) for item in value.values())
    if type(value) is list:
        return sum(1 + _extent(item) for item in value)
    return 0


def plain_tree(value: Any, lines: list[int], base: str, key: str | int | None) -> Node:
    """The :class:`Node` tree of a plain *value* at ``child_path(base, key)``, lines from *lines*.

    *lines* holds the line of *value*, then for a mapping, for each key, the
    line of the key followed by the lines of its value, and for a list the
    lines of each item.  A :class:`Streamed` list is a leaf.
    """
    return _tree(value, iter(lines).__next__, base, key, None)


def _tree(value: Any, next_line: Callable[[], int], base: str, key: str | int | None,
          key_line: int | None) -> Node:
    line = next_line()
    if type(value) is dict:
        path = child_path(base, key) if key is not None else base
        entries = {}
        for name, item in value.items():
            at = next_line()
            entries[name] = (_tree(item, next_line, path, name, at) if type(item) in _BRANCHES
                             else Node.child(item, next_line(), path, name, at))
        value = entries
    elif type(value) is list:
        path = child_path(base, key) if key is not None else base
        value = [_tree(item, next_line, path, i, None) if type(item) in _BRANCHES
                 else Node.child(item, next_line(), path, i, None)
                 for i, item in enumerate(value)]
    return Node.child(value, line, base, key, key_line)


#: The plain values that hold others (a :class:`Streamed` list is a leaf).
_BRANCHES = (dict, list)


class Streamed:
    """The value of a list whose items were checked one by one as the file was read.

    A plan of 10,000 agencies has 50,000 tasks; their trees are not kept
    together.  Each item is checked when it has been read, then only what later
    checks and the model need stays here: *items* (for each item the model
    object when it had no error, else its :class:`Node`), *lines* (line
    numbers the checks of the whole list need, a few per item), the schema *problems* the items had,
    in order, the agency references to check once the plan's date is known
    (*refs*), and whether every item passed (*ok*).  The schema walk replays
    *problems* where it would have found them (:meth:`replay`).
    """

    __slots__ = ("path", "items", "lines", "problems", "refs", "ok")

    def __init__(self, path: str):
        self.path = path
        self.items: list[Any] = []
        self.lines = array("l")
        self.problems: list[Any] = []  # lsdocs.errors.Problem
        self.refs: list[Node] = []
        self.ok = True

    def fill(self, node: Node, take: Callable[[Streamed, Node], None]) -> None:
        """Take the items of the list *node* read whole (the ruamel.yaml path) as if streamed."""
        for item in node.value:
            take(self, item)
        node.value = self

    def absorb(self, found: list[Any]) -> bool:
        """Keep the problems one item's checks put in *found* (emptied); True if one is an error."""
        if not found:
            return False
        failed = any(p.is_error for p in found)
        self.problems += found
        found.clear()
        return failed

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"Streamed(path={self.path!r}, items={len(self.items)})"


class Pieces(Protocol):
    """What a reader asks before and while it reads a list (see :class:`Streamed`)."""

    def start(self, path: str, depth: int) -> Streamed | None:
        """The :class:`Streamed` the list at *path* goes into, or None to build it whole."""

    def take(self, streamed: Streamed, item: Node | Plain) -> None:
        """Check one item of *streamed* (its index is ``len(streamed)``) and keep what is needed.

        The fast reader gives each item as a :class:`Plain`, the ruamel.yaml path as a tree.
        """

    def reset(self) -> None:
        """Forget every item taken: the file is read again from the start."""


def line_map(node: Node) -> dict[str, tuple[int, int | None]]:
    """``path -> (line, key_line)`` of every node of the tree (for comparing readers)."""
    found = {node.path: (node.line, node.key_line)}
    children = node.value.values() if node.is_map else node.value if node.is_list else ()
    for child in children:
        found.update(line_map(child))
    return found
