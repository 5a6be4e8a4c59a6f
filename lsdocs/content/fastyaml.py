"""The fast way to read a clean content file: libyaml's C parser, events to :class:`Node`.

:func:`lsdocs.content.yamlsource.read_yaml` tries this first.  The file's
bytes go to libyaml (PyYAML's C extension), whose parse events are turned
straight into the same :class:`Node` tree the ruamel.yaml path builds, with the
same lines and key paths; no intermediate node graph is kept, so a large file
costs little more than the tree itself.

Scalars are resolved here, by YAML 1.2 rules as ruamel.yaml applies them
(``yes``/``on`` are text, ``true`` a boolean, ``182`` an integer,
``2023-09-06`` a date), never by libyaml's YAML 1.1 resolver.  Only forms whose
value is certain are built here: a plain scalar that YAML 1.2 reads as a
number, a date or something else, but not in its simplest spelling (``010``,
``1_000``, ``0x1F``, ``1e3``, ``.inf``, a time of day, ``<<``), ends the fast
path.  So does everything that has a problem to report or that the fast path
does not model: a syntax or reader error, bytes that are not UTF-8 (or a UTF-16
byte order mark), an empty file, several documents, a ``%YAML``/``%TAG``
directive, a tag, an anchor or alias, a key that is not text, a duplicate key,
a control character, text that is not NFC, nesting deeper than the limit and
more values than :data:`lsdocs.limits.MAX_YAML_NODES`.  Then :class:`Fallback`
is raised and the caller reads the file with ruamel.yaml, which reports
exactly what it always has.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from typing import Any

from lsdocs.content.node import CONTROL, MAX_DEPTH, Node, child_path

try:  # PyYAML's libyaml binding; without it every file takes the ruamel.yaml path
    from yaml import _yaml as _libyaml  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _libyaml = None

#: Plain scalars that YAML 1.2 (as ruamel.yaml resolves it) does not read as text.
_SPECIAL = re.compile(
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
        r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        r"|[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"
        r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
        r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?")
_FIRST = frozenset("-+0123456789.tTfFnN~<=")
_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WORDS: dict[str, Any] = {
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
    "~": None, "null": None, "Null": None, "NULL": None, "": None,
}
#: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: line breaks to some YAML readers.
_ODD_BREAKS = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
#: Texts up to this length are shared: agency ids, deadlines, repeated words are one object.
_SHARE_UP_TO = 40


class Fallback(Exception):
    """The fast path does not read this file; read it with ruamel.yaml instead."""


def available() -> bool:
    return _libyaml is not None


def read(data: bytes, max_nodes: int) -> Node | None:
    """The tree of a clean file's *data*, or raise :class:`Fallback`.

    ``None`` never comes back for a file with content: an empty file falls back
    too (the ruamel.yaml path says it is empty).
    """
    if (_libyaml is None or data.startswith((b"\xff\xfe", b"\xfe\xff"))
            or b"\t" in data or any(mark in data for mark in _ODD_BREAKS)
            or data.count(b"\r") != data.count(b"\r\n")):
        raise Fallback  # UTF-16; tabs (libyaml and ruamel.yaml disagree); odd line breaks
    parser = _libyaml.CParser(data)
    try:
        return _Builder(parser, data, max_nodes).document()
    except _libyaml.YAMLError as e:
        raise Fallback from e
    finally:
        parser.dispose()


def plain_scalar(text: str) -> Any:
    """The YAML 1.2 value of an untagged plain scalar, or raise :class:`Fallback`."""
    if text[:1] not in _FIRST and text:
        return text
    if text in _WORDS:
        return _WORDS[text]
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise Fallback from None
    if text in ("<<", "=") or _SPECIAL.fullmatch(text):
        raise Fallback
    return text


class _Lines:
    """Where lines start in the file's bytes, found going forward only."""

    def __init__(self, data: bytes):
        self.data = data
        self.line = 1
        self.offset = 0

    def span(self, first: int, last: int) -> bytes:
        """Lines *first* to *last* (1-based, inclusive); *first* never goes back."""
        while self.line < first:
            self.offset = self._next(self.offset)
            self.line += 1
        end = self.offset
        for _ in range(last - first + 1):
            end = self._next(end)
        return self.data[self.offset:end]

    def _next(self, offset: int) -> int:
        found = self.data.find(b"\n", offset)
        return len(self.data) if found < 0 else found + 1


class _Builder:
    def __init__(self, parser: Any, data: bytes, max_nodes: int):
        self.next = parser.get_event
        self.source = _Lines(data)
        self.left = max_nodes
        self.last_line = 0
        self.texts: dict[str, str] = {}  # short texts of this file, one object each

    def document(self) -> Node:
        self._expect(_libyaml.StreamStartEvent)
        start = self.next()
        if type(start) is not _libyaml.DocumentStartEvent or start.version or start.tags:
            raise Fallback  # empty file, a directive
        root = self.build(self.next(), "", None, None, 0)
        self._expect(_libyaml.DocumentEndEvent)
        self._expect(_libyaml.StreamEndEvent)  # a second document is the ruamel path's error
        return root

    def _expect(self, kind: type) -> None:
        if type(self.next()) is not kind:
            raise Fallback

    def line(self, event: Any) -> int:
        """1-based line of *event*; a key and its value on one line share one int object."""
        n: int = event.start_mark.line + 1
        if n != self.last_line:
            self.last_line = n
        return self.last_line

    def build(self, event: Any, base: str, key: str | int | None, key_line: int | None,
              depth: int) -> Node:
        self.left -= 1
        kind = type(event)
        if self.left < 0 or depth > MAX_DEPTH or event.anchor is not None:
            raise Fallback
        line = self.line(event)
        if kind is _libyaml.ScalarEvent:
            return Node.child(self.scalar(event), line, base, key, key_line)
        if event.tag is not None or kind is _libyaml.AliasEvent:
            raise Fallback
        path = child_path(base, key) if key is not None else base
        if kind is _libyaml.MappingStartEvent:
            return Node.child(self.mapping(path, depth, event.flow_style), line, base, key,
                              key_line)
        if kind is _libyaml.SequenceStartEvent:
            items: list[Node] = []
            event = self.next()
            while type(event) is not _libyaml.SequenceEndEvent:
                items.append(self.build(event, path, len(items), None, depth + 1))
                event = self.next()
            return Node.child(items, line, base, key, key_line)
        raise Fallback  # pragma: no cover - libyaml sends no other event here

    def mapping(self, path: str, depth: int, flow: bool) -> dict[str, Node]:
        entries: dict[str, Node] = {}
        event = self.next()
        while type(event) is not _libyaml.MappingEndEvent:
            if type(event) is not _libyaml.ScalarEvent or event.tag or event.anchor:
                raise Fallback  # a list, table or alias as a key; a tagged key
            key = sys.intern(self.text(event.value))
            if key in entries:
                raise Fallback
            key_line = self.line(event)
            value = self.next()
            if _is_empty(value):
                event = self.next()
                entries[key] = self.empty(path, key, key_line, event, flow)
                continue
            entries[key] = self.build(value, path, key, key_line, depth + 1)
            event = self.next()
        return entries

    def empty(self, path: str, key: str, key_line: int, following: Any, flow: bool) -> Node:
        """A key without a value (``source_note:``).

        ruamel.yaml places the empty value where the next key (or the end of
        the mapping) starts, unless a comment follows the colon; libyaml on the
        colon's line.  The ruamel.yaml line is kept; comments fall back.
        """
        self.left -= 1
        line = self.line(following)
        if flow or self.left < 0 or b"#" in self.source.span(key_line, line):
            raise Fallback
        return Node.child(None, line, path, key, key_line)

    def scalar(self, event: Any) -> Any:
        if event.tag is not None:
            raise Fallback
        value = plain_scalar(event.value) if event.implicit[0] else event.value
        return self.text(value) if type(value) is str else value

    def text(self, value: str) -> str:
        if CONTROL.search(value) or not unicodedata.is_normalized("NFC", value):
            raise Fallback
        if len(value) > _SHARE_UP_TO:
            return value
        return self.texts.setdefault(value, value)


def _is_empty(event: Any) -> bool:
    """An empty plain scalar with nothing on it (no tag, no anchor)."""
    return (type(event) is _libyaml.ScalarEvent and event.value == "" and event.implicit[0]
            and event.tag is None and event.anchor is None)
