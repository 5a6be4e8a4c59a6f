"""Which files and folders a validation looked at.

The content and progress readers note every file they open and every folder
they list while a :func:`recording` is active; :mod:`lsdocs.clean_cache`
uses the list to remember that content was found clean, and to see later
that none of it changed.  Outside a recording, :func:`note` does nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

_active: list[set[str]] = []


def note(path: str | os.PathLike[str]) -> None:
    """Record that *path* (a file read or a folder listed) was looked at, in every
    recording active (a load recording for the content cache inside a validation)."""
    if _active:
        full = os.path.abspath(path)
        for seen in _active:
            seen.add(full)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the absolute paths noted inside the ``with`` block.

    >>> with recording() as seen:
    ...     note("a.yaml")
    >>> sorted(os.path.basename(p) for p in seen)
    ['a.yaml']
    >>> note("b.yaml")  # nothing is recording: no effect
    """
    seen: set[str] = set()
    _active.append(seen)
    try:
        yield seen
    finally:
        _active.pop()
