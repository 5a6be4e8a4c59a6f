"""The agency registry checked entry by entry as it is read (like a plan's tasks).

A registry of 10,000 agencies is some 120,000 values; their trees are not kept
together (see :mod:`lsdocs.content.task_stream`).  Each entry of ``agencies:``
is checked against its schema (:data:`lsdocs.content.plan_specs.AGENCY_ENTRY`)
and the checks across entries (:func:`lsdocs.content.agencies.check_entry`) as
soon as it is read; an entry without a schema error becomes its model
:class:`~lsdocs.content.model.Agency` at once.

An entry may name an agency that comes later in the file (``parent:``,
``successors:``).  Such a reference is not judged while the entry is read: its
place among the entry's problems is kept, and the schema walk judges it there
when every id is known, so problems come out as from the whole tree.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from lsdocs.content._report import Reporter
from lsdocs.content.agencies import AgencyIndex, agency_of, check_entry
from lsdocs.content.model import Agency, Registry
from lsdocs.content.node import Node, Plain, Streamed
from lsdocs.content.plan_specs import AGENCY_ENTRY
from lsdocs.content.schema import Ctx, Later

_AGENCIES = "agencies"
_AGENCIES_DEPTH = 1


class RegistryStream:
    """Checks each registry entry as it is read; *file* is the registry's name in messages."""

    def __init__(self, file: str):
        self.file = file
        self.reset()

    def reset(self) -> None:
        self.index = AgencyIndex({}, self.file)  # ids and names, completed as entries come
        self.first_line = _FirstLines()
        self.scratch = Reporter(self.file)  # one entry's schema problems and Later refs
        self.ctx = Ctx(self.scratch, _Deferring(self.index))
        self.across = Reporter(self.file)  # problems of the checks across entries
        self.streamed: Streamed | None = None
        self.lines: dict[tuple[str, ...], tuple[str, ...]] = {}  # equal header lines, one tuple

    def start(self, path: str, depth: int) -> Streamed | None:
        if depth != _AGENCIES_DEPTH or path != _AGENCIES or self.streamed is not None:
            return None
        self.streamed = self.first_line.streamed = Streamed(path)
        return self.streamed

    def take(self, streamed: Streamed, entry: Node | Plain) -> None:
        if isinstance(entry, Plain):
            if self._take_clean(streamed, entry):
                return
            entry = entry.node()
        if entry.is_map:
            self._name({key: node.value for key, node in entry.value.items()})
        found: list[Any] = self.scratch.problems.problems
        streamed.ok &= AGENCY_ENTRY.check(entry, self.ctx)
        failed = streamed.absorb(found)
        if entry.is_map:
            check_entry(entry, self.first_line, self.across)
        ident = entry.get("id")
        streamed.lines.append(ident.line if ident is not None and not failed else 0)
        streamed.items.append(entry if failed else agency_of(self._shared(entry.take_plain())))

    def _take_clean(self, streamed: Streamed, entry: Plain) -> bool:
        """Take an entry read as plain values when no check has anything to say about it.

        False, with only its names taken, when one might: the entry is then
        checked as a tree.
        """
        raw = entry.value
        if not isinstance(raw, dict):
            return False
        self._name(raw)
        if (not AGENCY_ENTRY.accepts(raw, self.ctx) or raw["id"] in self.first_line
                or raw.get("successors") or (raw.get("valid_from") and raw.get("valid_until"))):
            return False  # a duplicate id; successors or dates check_entry looks at
        self.first_line[raw["id"]] = line = entry.line_of("id")
        streamed.lines.append(line)
        streamed.items.append(agency_of(self._shared(raw)))
        return True

    def adopt(self, root: Node) -> None:
        """Take the entries of a tree read whole (the ruamel.yaml path), as if streamed."""
        entries = root.get(_AGENCIES)
        if entries is None or not entries.is_list or self.streamed is not None:
            return
        streamed = self.start(entries.path, _AGENCIES_DEPTH)
        assert streamed is not None
        streamed.fill(entries, self.take)

    def registry(self) -> Registry:
        """The registry of a file without errors."""
        assert self.streamed is not None
        agencies: list[Agency] = self.streamed.items
        return Registry({agency.id: agency for agency in agencies})

    def _shared(self, raw: dict[str, Any]) -> dict[str, Any]:
        """A clean entry's values with equal header lines shared (every entry under one parent
        prints the same parent lines)."""
        for key in ("header_lines", "parent_header_lines"):
            lines = tuple(raw.get(key) or ())
            raw[key] = self.lines.setdefault(lines, lines)
        return raw

    def _name(self, raw: dict[str, Any]) -> None:
        """Add an entry's id and names (*raw*: its plain values by key) to the index; the
        first entry of an id wins."""
        ident = raw.get("id")
        names = self.index.names
        if isinstance(ident, str) and ident not in names:
            names[ident] = tuple(n for n in (raw.get("name"), raw.get("short_name"))
                                 if isinstance(n, str))


class _Deferring:
    """The agency lookup while entries are read: a reference not known yet waits (Later)."""

    def __init__(self, index: AgencyIndex):
        self.index = index  # filled as entries come (no reference back to the stream: no cycle)

    def accepts(self, value: str) -> bool:
        return value in self.index.names

    def check_ref(self, node: Node, rep: Reporter) -> bool:
        if node.value in self.index.names:
            return True
        problems: list[Any] = rep.problems.problems
        problems.append(Later(node))
        return True

    def adopt(self, refs: list[Node]) -> None:  # pragma: no cover - registries stream no lists
        raise NotImplementedError


class _FirstLines(MutableMapping[str, int]):
    """Agency id -> line of its first entry, for the duplicate check, without an int per entry.

    Holds the ids only; where each was first written is looked up in the
    entries kept (:attr:`Streamed.lines`) when a first duplicate shows up.
    """

    def __init__(self) -> None:
        self.streamed: Streamed | None = None  # the entries, once the list starts
        self.ids: set[str] = set()
        self.lines: dict[str, int] | None = None

    def __contains__(self, key: object) -> bool:
        return key in self.ids

    def __setitem__(self, key: str, line: int) -> None:
        self.ids.add(key)
        if self.lines is not None:
            self.lines.setdefault(key, line)

    def __getitem__(self, key: str) -> int:
        if self.lines is None:
            self.lines = {}
            streamed = self.streamed
            assert streamed is not None, "entries are checked while the list is read"
            for position, item in enumerate(streamed.items):
                if isinstance(item, Agency):
                    self.lines.setdefault(item.id, streamed.lines[position])
                    continue
                ident = item.get("id")
                if ident is not None and isinstance(ident.value, str):
                    self.lines.setdefault(ident.value, ident.line)
        return self.lines[key]

    def __delitem__(self, key: str) -> None:  # pragma: no cover - never done
        raise NotImplementedError

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)
