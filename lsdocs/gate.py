"""The format gate: nothing lsdocs writes may fail its own Decree 30 checker.

Generated documents are checked in memory before they are written.  A
document with format errors (for example after a template was edited in Word
and a style lost its font) stops the run with the checker's findings —
rule, place, what was found and expected — and nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping

from lsdocs.check import check_bytes
from lsdocs.errors import LsdocsError


class FormatError(LsdocsError):
    """A generated document does not meet Nghị định 30/2020/NĐ-CP."""


def require_conformant(documents: Mapping[str, bytes]) -> None:
    """Raise :class:`FormatError` listing every error of every document in *documents*."""
    problems = []
    for name, data in documents.items():
        report = check_bytes(data, name)
        problems += [p for p in report.problems() if p.is_error]
    if problems:
        raise FormatError(problems)
