"""Agencies in a table cell: written by full name, read back by name, short name or id.

A clerk sees and picks the agency's official name (the one the appendix
prints); typing the short name (``Sở KH&CN``) or the registry id (``skhcn``)
works too.  Matching ignores case, spacing and diacritics, but never guesses:
a word that fits no agency, or several, is a problem with a suggestion taken
from the content's own did-you-mean (:meth:`AgencyIndex.hint_for`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lsdocs.content.agencies import AgencyIndex
from lsdocs.content.model import Agency, Registry
from lsdocs.errors import T, Text
from lsdocs.tabular.columns import AGENCY_SEPARATOR, fold

_SPLIT = re.compile(rf"[{AGENCY_SEPARATOR}\n\r]+")


@dataclass(frozen=True)
class Unresolved:
    """Why a written agency could not be read: message, expectation, suggestion."""

    message: Text
    expected: Text
    hint: Text | None = None


class AgencyNames:
    """Resolves what a clerk wrote to registry ids, for one registry."""

    def __init__(self, registry: Registry, registry_file: str):
        self.registry = registry
        self.file = registry_file
        agencies = list(registry.agencies.values())
        self._exact = _index(agencies, lambda s: " ".join(s.split()).casefold())
        self._loose = _index(agencies, fold)
        self._hints = AgencyIndex({a.id: (a.name, a.short_name) for a in agencies}, registry_file)

    def display(self, agency_id: str) -> str:
        """What the table shows for an agency: its official name."""
        return self.registry.get(agency_id).name

    def resolve(self, written: str) -> str | Unresolved:
        """The id *written* names (id, name or short name), or why it names none."""
        if written in self.registry:
            return written
        for index, key in ((self._exact, " ".join(written.split()).casefold()),
                           (self._loose, fold(written))):
            found = index.get(key, ())
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                return self._ambiguous(found)
        hint = self._hints.hint_for(written)
        if "," in written:
            hint = T("ghi mỗi cơ quan trên một dòng hoặc ngăn cách bằng dấu chấm phẩy (;)")
        return Unresolved(T("không có cơ quan này trong danh mục"),
                          T("tên, tên viết tắt hoặc mã một cơ quan trong trang «Cơ quan»"),
                          hint)

    def split_commas(self, written: str) -> list[str]:
        """*written* as several agencies when a clerk separated them by commas.

        Names contain commas themselves ("Sở Văn hóa, Thể thao và Du lịch"), so
        the comma-separated pieces are regrouped into names: when exactly one
        grouping names only known agencies and has more than one, it is the
        answer; otherwise *written* is kept whole (and reported if unknown,
        with the accepted separators).
        """
        if "," not in written or not isinstance(self.resolve(written), Unresolved):
            return [written]
        pieces = [p.strip() for p in written.split(",")]
        found = self._groupings(pieces)
        return found[0] if len(found) == 1 and len(found[0]) > 1 else [written]

    def _groupings(self, pieces: list[str]) -> list[list[str]]:
        """Every way to join consecutive *pieces* (by ", ") into known agency names."""
        if not pieces:
            return [[]]
        result = []
        for end in range(1, len(pieces) + 1):
            head = ", ".join(pieces[:end])
            if isinstance(self.resolve(head), str):
                result += [[head, *rest] for rest in self._groupings(pieces[end:])]
            if len(result) > 1:
                break
        return result

    def _ambiguous(self, ids: tuple[str, ...]) -> Unresolved:
        options = "; ".join(f"{self.registry.get(i).name} ({i})" for i in ids)
        return Unresolved(T("tên này ứng với nhiều cơ quan"),
                          T("một trong: {o}", o=options),
                          T("ghi đủ tên hoặc ghi mã cơ quan"))


def split_agencies(cell: str) -> list[str]:
    """The agencies of a cell: separated by ``;`` or line breaks, blanks dropped.

    >>> split_agencies("Sở Y tế;\\nSở Tài chính; ")
    ['Sở Y tế', 'Sở Tài chính']
    """
    return [part.strip() for part in _SPLIT.split(cell) if part.strip()]


def join_agencies(names: list[str]) -> str:
    """Several agencies in one cell, one per line: ``Sở Y tế;\\nSở Tài chính``."""
    return f"{AGENCY_SEPARATOR}\n".join(names)


def _index(agencies: list[Agency], key: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for agency in agencies:
        for word in {key(agency.id), key(agency.name), key(agency.short_name)}:
            if agency.id not in index.get(word, ()):
                index[word] = (*index.get(word, ()), agency.id)
    return index
