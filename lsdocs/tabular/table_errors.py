"""Errors of table files that cannot be read or written at all."""

from __future__ import annotations

from lsdocs.errors import Location, LsdocsError, Problem, Text


class TableFileError(LsdocsError):
    """A table file cannot be opened or written: missing, not a workbook, not UTF-8, …

    Like an unreadable document, it is exit code 2: nothing in it could be checked.
    """

    exit_code = 2


def file_problem(file: str, message: Text, *, found: str | None = None,
                 hint: Text | None = None, code: str = "unreadable-table") -> TableFileError:
    return TableFileError(Problem(Location(file=file), message, found=found, hint=hint,
                                  code=code))
