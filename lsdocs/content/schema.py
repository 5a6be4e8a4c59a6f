"""A small declarative schema for content files, and the walk that checks it.

A mapping is a :class:`MapSpec`: a tuple of :class:`Field` (key, type,
required); lists, free mappings and unions live here too, the scalar types in
:mod:`lsdocs.content.fieldtypes`.  Types are small objects with one method, ``check(node, ctx)``,
which reports every problem it finds to ``ctx.rep`` and returns whether the
value is usable.  The walk never stops at the first problem: a file with ten
mistakes gets ten problems in one pass.  Building the model happens later, and
only when there are no errors.

Each type also has ``accepts(value, ctx)``, the same check of a plain value
(no :class:`Node`) for the usual case where there is nothing to say: it is
true only if ``check`` would report nothing, keep nothing and pass.  A list
item read as plain values (:class:`~lsdocs.content.node.Plain`) that its type
accepts becomes its model object without a tree; any other is checked as a
tree, so ``accepts`` may say no for anything unusual.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from lsdocs.content._report import Reporter
from lsdocs.content.node import Streamed
from lsdocs.content.yamlsource import Node
from lsdocs.errors import T, Text


class FieldType(Protocol):
    """What every field type does: check a node, report problems, say if it is usable."""

    def check(self, node: Node, ctx: Ctx) -> bool: ...

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        """Whether :meth:`check` would pass the plain *value* without reporting or keeping
        anything."""


class AgencyLookup(Protocol):
    """What the schema needs from the agency registry to check a reference."""

    def check_ref(self, node: Node, rep: Reporter) -> bool: ...

    def accepts(self, value: str) -> bool:
        """Whether :meth:`check_ref` would pass *value* without reporting or keeping anything."""

    def adopt(self, refs: list[Node]) -> None:
        """Take references checked earlier (:class:`Streamed`) as if checked now."""


class Later:
    """An agency reference judged when the schema walk reaches it (:class:`Streamed`).

    A registry entry may name an agency further down the file; while the
    entry is read that cannot be judged yet.  It waits, in its place among the
    entry's problems, as this marker.
    """

    __slots__ = ("node",)
    is_error = False  # not a problem (yet): ProblemList.errors passes over it

    def __init__(self, node: Node):
        self.node = node


@dataclass
class Ctx:
    """What a check needs: where to report, and the registry if there is one."""

    rep: Reporter
    agencies: AgencyLookup | None = None


@dataclass(frozen=True)
class Finding:
    """What a rule found wrong in an otherwise well-typed value."""

    message: Text
    expected: Text | None = None
    hint: Text | None = None
    code: str = ""
    warning: bool = False


Rule = Callable[[Any], "Finding | None"]

_TYPE_NAMES: dict[type, Text] = {
    str: T("chữ"),
    bool: T("giá trị đúng/sai"),
    int: T("số nguyên"),
    float: T("số thập phân"),
    dt.date: T("ngày viết kiểu YYYY-MM-DD"),
    dict: T("một bảng khóa: giá trị"),
    list: T("một danh sách"),
}


def type_name(value: Any) -> Text:
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return T("để trống")


def wrong_type(node: Node, ctx: Ctx, expected: Text, hint: Text | None = None) -> bool:
    """Report that *node* is of the wrong type; always returns ``False``."""
    what = type_name(node.value)
    scalar = not (node.is_map or node.is_list or node.value is None)
    ctx.rep.error(node.line, node.path,
                  T("sai kiểu: đang là {what}", what=what),
                  found=str(node.value) if scalar else None, expected=expected, hint=hint,
                  code="wrong-type")
    return False


def report(finding: Finding, node: Node, ctx: Ctx, found: str | None) -> bool:
    """Report a rule's finding; returns ``True`` for a warning (value still usable)."""
    add = ctx.rep.warning if finding.warning else ctx.rep.error
    add(node.line, node.path, finding.message, found=found, expected=finding.expected,
        hint=finding.hint, code=finding.code)
    return finding.warning


def suggest(word: str, choices: Sequence[str]) -> str | None:
    """The closest of *choices* to *word*, if any is close enough."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Sequence[str]) -> Text | None:
    best = suggest(word, choices)
    return T("có phải «{s}»?", s=best) if best else None


@dataclass(frozen=True)
class ListType:
    item: FieldType
    min_items: int = 1
    expected: Text = T("một danh sách")

    def check(self, node: Node, ctx: Ctx) -> bool:
        if node.value is None and self.min_items == 0:
            return True
        streamed = node.value if isinstance(node.value, Streamed) else None
        if streamed is None and not node.is_list:
            return wrong_type(node, ctx, self.expected)
        if len(node.value) < self.min_items:
            ctx.rep.error(node.anchor_line, node.path, T("danh sách rỗng"),
                          expected=T("ít nhất {n} mục", n=self.min_items), code="empty-list")
            return False
        if streamed is not None:
            return self._replay(streamed, ctx)
        return all([self.item.check(item, ctx) for item in node.value])

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        if value is None:
            return self.min_items == 0
        if not isinstance(value, list) or len(value) < self.min_items:
            return False
        accepts = self.item.accepts
        for item in value:
            if not accepts(item, ctx):
                return False
        return True

    @staticmethod
    def _replay(streamed: Streamed, ctx: Ctx) -> bool:
        """The items were checked as they were read: report what was found then, in order."""
        ok = streamed.ok
        for found in streamed.problems:
            if isinstance(found, Later):
                ok &= ctx.agencies.check_ref(found.node, ctx.rep) if ctx.agencies else True
            else:
                ctx.rep.problems.add(found)
        if ctx.agencies is not None:
            ctx.agencies.adopt(streamed.refs)
        return ok


@dataclass(frozen=True)
class MapOfType:
    """A mapping with free keys checked by *key* and values by *value* (succession)."""

    key: FieldType
    value: FieldType

    def check(self, node: Node, ctx: Ctx) -> bool:
        if node.value is None:
            return True
        if not node.is_map:
            return wrong_type(node, ctx, T("một bảng khóa: giá trị"))
        results = []
        for key, child in node.value.items():
            key_node = Node(key, child.anchor_line, child.path)
            results += [self.key.check(key_node, ctx), self.value.check(child, ctx)]
        return all(results)

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        if value is None:
            return True
        return isinstance(value, dict) and all(
            self.key.accepts(key, ctx) and self.value.accepts(item, ctx)
            for key, item in value.items())


@dataclass(frozen=True)
class Field:
    key: str
    type: FieldType
    required: bool = False


@dataclass(frozen=True)
class MapSpec:
    """A mapping with known keys.  *expected* names it in wrong-type messages."""

    fields: tuple[Field, ...]
    expected: Text = T("một bảng khóa: giá trị")
    by_key: dict[str, Field] = field(init=False, repr=False, compare=False)
    required: frozenset[str] = field(init=False, repr=False, compare=False)
    accepting: dict[str, Callable[[Any, Ctx], bool]] = field(init=False, repr=False,
                                                             compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_key", {f.key: f for f in self.fields})
        object.__setattr__(self, "required", frozenset(f.key for f in self.fields if f.required))
        object.__setattr__(self, "accepting", {f.key: f.type.accepts for f in self.fields})

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        if not isinstance(value, dict):
            return False
        accepting = self.accepting
        for key, item in value.items():
            accepts = accepting.get(key)
            if accepts is None or not accepts(item, ctx):
                return False
        return self.required <= value.keys()

    def check(self, node: Node, ctx: Ctx) -> bool:
        if not node.is_map:
            return wrong_type(node, ctx, self.expected)
        unknown = [key for key in node.value if key not in self.by_key]
        guessed: set[str | None] = set()
        if unknown:
            missing = [f.key for f in self.fields if f.required and f.key not in node.value]
            # A misspelt required key is one mistake: report the typo, not also the absence.
            guessed = {self._unknown(key, node.value[key], missing, ctx) for key in unknown}
        ok = [not guessed]
        for spec in self.fields:
            child = node.value.get(spec.key)
            if child is not None:
                ok.append(spec.type.check(child, ctx))
            elif spec.key not in guessed:
                ok.append(self._missing(spec, node, ctx))
        return all(ok)

    def _unknown(self, key: str, child: Node, missing: list[str], ctx: Ctx) -> str | None:
        """Report an unknown key; return the missing key it is probably a typo of."""
        guess = suggest(key, missing) or suggest(key, list(self.by_key))
        hint = T("có phải «{s}»?", s=guess) if guess else None
        expected = None if hint else T("một trong: {k}", k=", ".join(self.by_key))
        ctx.rep.error(child.anchor_line, child.path, T("khóa không được hỗ trợ"),
                      found=key, expected=expected, hint=hint, code="unknown-key")
        return guess if guess in missing else None

    @staticmethod
    def _missing(spec: Field, node: Node, ctx: Ctx) -> bool:
        if not spec.required:
            return True
        path = f"{node.path}.{spec.key}" if node.path else spec.key
        expected = getattr(spec.type, "expected", None)
        ctx.rep.error(node.anchor_line, path, T("thiếu khóa bắt buộc"),
                      expected=expected if isinstance(expected, Text) else None,
                      code="missing-key")
        return False


@dataclass(frozen=True)
class EitherType:
    """Text, or a mapping described by *spec* (Nơi nhận items, objective items)."""

    text: FieldType
    spec: MapSpec
    expected: Text

    def check(self, node: Node, ctx: Ctx) -> bool:
        if node.is_map:
            return self.spec.check(node, ctx)
        if isinstance(node.value, str) or node.value is None:
            return self.text.check(node, ctx)
        return wrong_type(node, ctx, self.expected)

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        if isinstance(value, dict):
            return self.spec.accepts(value, ctx)
        if isinstance(value, str) or value is None:
            return self.text.accepts(value, ctx)
        return False
