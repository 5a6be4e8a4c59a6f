"""The fast way to read a clean content file: libyaml's C parser, events to :class:`Node`.

:func:`lsdocs.content.yamlsource.read_yaml` tries this first.  The file's
bytes go to libyaml (PyYAML's C extension), whose parse events are turned
straight into plain values and their lines, then into the same :class:`Node`
tree the ruamel.yaml path builds, with the same lines and key paths; no
intermediate node graph is kept, so a large file costs little more than the
tree itself.  The items of a streamed list never become a tree unless a check
needs one: each goes to the caller as a :class:`~lsdocs.content.node.Plain`.

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
import io
import os
import re
import stat
import sys
import unicodedata
from typing import Any, BinaryIO

from lsdocs.content.node import (
    CONTROL,
    MAX_DEPTH,
    Node,
    Pieces,
    Plain,
    Streamed,
    child_path,
    plain_tree,
)

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
_LONE_CR = re.compile(rb"\r(?!\n)")
#: Lines read are dropped in batches of at least this many (each drop moves the rest).
_FORGET_EVERY = 64
#: Texts up to this length are shared: agency ids, deadlines, repeated words are one object.
_SHARE_UP_TO = 40


class Fallback(Exception):
    """The fast path does not read this file; read it with ruamel.yaml instead."""


def available() -> bool:
    return _libyaml is not None


def read(data: bytes, max_nodes: int, chunk: int = 1 << 16,
         pieces: Pieces | None = None) -> Node | None:
    """The tree of a clean file's *data*, or raise :class:`Fallback`.

    ``None`` never comes back for a file with content: an empty file falls back
    too (the ruamel.yaml path says it is empty).  *chunk* is how many bytes
    libyaml is given at a time.  With *pieces*, the lists it asks for are
    handed to it item by item as they are read, never built whole
    (:class:`~lsdocs.content.node.Streamed`).
    """
    return _parse(_Source(io.BytesIO(data), len(data), chunk), max_nodes, pieces)


def read_file(path: str | os.PathLike[str], limit: int, max_nodes: int,
              pieces: Pieces | None = None) -> Node | None:
    """:func:`read` of the file at *path*, read in pieces: the whole file is never in memory.

    Anything the caller reports (not a regular file, larger than *limit*, not
    readable) raises :class:`Fallback` too; the caller then reads the file its
    own way and says what is wrong.
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise Fallback  # a FIFO is never opened here: it could block
        with open(path, "rb") as handle:
            return _parse(_Source(handle, limit, 1 << 16), max_nodes, pieces)
    except (OSError, ValueError) as e:  # ValueError: a NUL byte in the path
        raise Fallback from e


def _parse(source: _Source, max_nodes: int, pieces: Pieces | None) -> Node | None:
    if _libyaml is None:
        raise Fallback
    parser = _libyaml.CParser(source)
    try:
        return _Builder(parser, source, max_nodes, pieces).document()
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


class _Source:
    """A file given to libyaml piece by piece, keeping only the lines a builder may still ask for.

    Each piece is checked as it is read for what the fast path leaves alone
    (a UTF-16 byte order mark, tabs, odd line breaks, a lone carriage return);
    more than *limit* bytes fall back too.  :meth:`span` gives the bytes of
    lines from the oldest one kept: :meth:`forget` drops the lines before the
    one the builder has reached.
    """

    def __init__(self, handle: BinaryIO, limit: int, chunk: int):
        self.handle = handle
        self.limit = limit
        self.chunk = chunk
        self.kept = bytearray()  # from the start of line self.line to the last byte read
        self.line = 1
        self.served = 0  # bytes of self.kept already given to libyaml
        self.total = 0
        self.tail = b""  # the last bytes read, to find a mark split between pieces
        self.done = False

    def read(self, size: int) -> bytes:
        """Called by libyaml for the next bytes of the stream."""
        if self.served >= len(self.kept):
            self._fill()
        piece = bytes(self.kept[self.served:self.served + size])
        self.served += len(piece)
        return piece

    def _fill(self) -> bool:
        """Read the next piece into :attr:`kept`; False at the end of the file."""
        if self.done:
            return False
        piece = self.handle.read(self.chunk)
        if not piece:
            self.done = True
            if self.tail.endswith(b"\r"):
                raise Fallback  # a carriage return alone at the very end
            return False
        around = self.tail + piece
        if self.total < 2 and around.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise Fallback  # UTF-16
        self.total += len(piece)
        lone_cr = _LONE_CR.search(around)
        if (self.total > self.limit or b"\t" in piece
                or any(mark in around for mark in _ODD_BREAKS)
                or (lone_cr is not None and lone_cr.start() < len(around) - 1)):
            raise Fallback  # tabs (libyaml and ruamel.yaml disagree); odd line breaks
        self.tail = around[-2:]
        self.kept += piece
        return True

    def forget(self, line: int) -> None:
        """Drop the lines before *line* (never asked for again)."""
        start = 0
        while self.line < line:
            found = self.kept.find(b"\n", start, self.served)
            if found < 0:
                break
            start = found + 1
            self.line += 1
        if start:
            del self.kept[:start]
            self.served -= start

    def span(self, first: int, last: int) -> bytes:
        """Lines *first* to *last* (1-based, inclusive); *first* never goes back."""
        self.forget(first)
        end = 0
        for _ in range(last - first + 1):
            found = self.kept.find(b"\n", end)
            while found < 0 and self._fill():
                found = self.kept.find(b"\n", end)
            end = len(self.kept) if found < 0 else found + 1
        return bytes(self.kept[:end])


class _Builder:
    """Turns libyaml's events into plain values (``dict``, ``list``, scalars) and their lines.

    No :class:`Node` is made while reading: the value of each part goes into
    the plain tree, and the line where it starts into :attr:`lines`, in file
    order, each mapping key's line just before its value's (the layout
    :func:`~lsdocs.content.node.plain_tree` reads).  The lines of the part
    being read go to the current :attr:`lines`; each item of a streamed list
    gets lines of its own and goes to :attr:`pieces` as a
    :class:`~lsdocs.content.node.Plain`, which becomes a tree only if a check
    needs one.
    """

    def __init__(self, parser: Any, source: _Source, max_nodes: int, pieces: Pieces | None):
        self.next = parser.get_event
        self.pieces = pieces
        self.source = source
        self.left = max_nodes
        self.last_line = 0
        self.lines: list[int] = []
        self.texts: dict[str, str] = {}  # short texts of this file, one object each
        self.keys: dict[str, str] = {}  # keys as written -> checked and interned

    def document(self) -> Node:
        self._expect(_libyaml.StreamStartEvent)
        start = self.next()
        if type(start) is not _libyaml.DocumentStartEvent or start.version or start.tags:
            raise Fallback  # empty file, a directive
        root = self.value(self.next(), "", None, 0)
        self._expect(_libyaml.DocumentEndEvent)
        self._expect(_libyaml.StreamEndEvent)  # a second document is the ruamel path's error
        return plain_tree(root, self.lines, "", None)

    def _expect(self, kind: type) -> None:
        if type(self.next()) is not kind:
            raise Fallback

    def line(self, event: Any, keep: bool = False) -> int:
        """1-based line of *event*; a key and its value on one line share one int object.

        The source forgets the lines before it, unless *keep* is set.
        """
        n: int = event.start_mark.line + 1
        if n != self.last_line:
            self.last_line = n
            if not keep and n - self.source.line >= _FORGET_EVERY:
                self.source.forget(n)
        return self.last_line

    def value(self, event: Any, base: str, key: str | int | None, depth: int) -> Any:
        """The plain value that starts with *event*, at ``child_path(base, key)``."""
        kind = type(event)
        if kind is _libyaml.ScalarEvent:
            return self.scalar(event, key != "id", depth)
        self.left -= 1
        if self.left < 0 or depth > MAX_DEPTH or event.anchor is not None:
            raise Fallback
        self.lines.append(self.line(event))
        if event.tag is not None or kind is _libyaml.AliasEvent:
            raise Fallback
        path = child_path(base, key) if key is not None else base
        if kind is _libyaml.MappingStartEvent:
            return self.mapping(path, depth, event.flow_style)
        if kind is _libyaml.SequenceStartEvent:
            streamed = self.pieces.start(path, depth) if self.pieces is not None else None
            if streamed is not None:
                return self.stream(streamed, path, depth)
            items: list[Any] = []
            event = self.next()
            while type(event) is not _libyaml.SequenceEndEvent:
                items.append(self.value(event, path, len(items), depth + 1))
                event = self.next()
            return items
        raise Fallback  # pragma: no cover - libyaml sends no other event here

    def stream(self, streamed: Streamed, path: str, depth: int) -> Streamed:
        """A list whose items go to :attr:`pieces` one by one as each is read."""
        assert self.pieces is not None
        outer = self.lines
        event = self.next()
        while type(event) is not _libyaml.SequenceEndEvent:
            position = len(streamed)
            lines: list[int] = []
            self.lines = lines
            item = self.value(event, path, position, depth + 1)
            self.lines = outer
            self.pieces.take(streamed, Plain(item, lines, path, position))
            event = self.next()
        return streamed

    def mapping(self, path: str, depth: int, flow: bool) -> dict[str, Any]:
        """The entries of a mapping: the loop most of a file's events go through."""
        entries: dict[str, Any] = {}
        lines = self.lines
        keys = self.keys
        next_event = self.next
        scalar_event = _libyaml.ScalarEvent
        event = next_event()
        while type(event) is not _libyaml.MappingEndEvent:
            if type(event) is not scalar_event or event.tag or event.anchor:
                raise Fallback  # a list, table or alias as a key; a tagged key
            key = keys.get(event.value)
            if key is None:
                key = keys[event.value] = sys.intern(self.text(event.value))
            if key in entries:
                raise Fallback
            key_line = self.line(event)
            lines.append(key_line)
            event = next_event()
            if type(event) is not scalar_event:
                entries[key] = self.value(event, path, key, depth + 1)
            elif event.value or not event.implicit[0] or event.tag is not None or event.anchor:
                entries[key] = self.scalar(event, key != "id", depth + 1)
            else:  # nothing after the colon
                event = next_event()
                self.empty(key_line, event, flow)
                entries[key] = None
                continue
            event = next_event()
        return entries

    def empty(self, key_line: int, following: Any, flow: bool) -> None:
        """A key without a value (``source_note:``).

        ruamel.yaml places the empty value where the next key (or the end of
        the mapping) starts, unless a comment follows the colon; libyaml on the
        colon's line.  The ruamel.yaml line is kept; comments fall back.
        """
        self.left -= 1
        line = self.line(following, keep=True)
        if flow or self.left < 0 or b"#" in self.source.span(key_line, line):
            raise Fallback
        self.lines.append(line)

    def scalar(self, event: Any, share: bool, depth: int) -> Any:
        """The value of a scalar; an ``id:`` is one of a kind, so it is not looked up to share."""
        self.left -= 1
        if (self.left < 0 or depth > MAX_DEPTH or event.anchor is not None
                or event.tag is not None):
            raise Fallback
        self.lines.append(self.line(event))
        text = event.value
        if event.implicit[0] and (not text or text[0] in _FIRST):
            value = plain_scalar(text)
            if type(value) is not str:
                return value
        return self.text(text, share)

    def text(self, value: str, share: bool = True) -> str:
        """*value* if it is clean text (else :class:`Fallback`), shared when short."""
        short = share and len(value) <= _SHARE_UP_TO
        if short:
            seen = self.texts.get(value)
            if seen is not None:  # checked when first seen
                return seen
        # Printable text has no control character: a much faster test than the search.
        if ((not value.isprintable() and CONTROL.search(value))
                or not unicodedata.is_normalized("NFC", value)):
            raise Fallback
        return self.texts.setdefault(value, value) if short else value
