"""Collects the problems of one content file, each with file, line and key path."""

from __future__ import annotations

from lsdocs.errors import (
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    Location,
    Problem,
    ProblemList,
    Text,
)


class Reporter:
    """Problems found in one file.  *file* is the name shown to the user."""

    def __init__(self, file: str, problems: ProblemList | None = None):
        self.file = file
        self.problems = problems if problems is not None else ProblemList()

    def error(self, line: int | None, path: str | None, message: Text, *,
              found: str | None = None, expected: Text | None = None,
              hint: Text | None = None, code: str = "") -> None:
        self._add(SEVERITY_ERROR, line, path, message, found, expected, hint, code)

    def warning(self, line: int | None, path: str | None, message: Text, *,
                found: str | None = None, expected: Text | None = None,
                hint: Text | None = None, code: str = "") -> None:
        self._add(SEVERITY_WARNING, line, path, message, found, expected, hint, code)

    def _add(self, severity: str, line: int | None, path: str | None, message: Text,
             found: str | None, expected: Text | None, hint: Text | None, code: str) -> None:
        location = Location(file=self.file, line=line, path=path or None)
        self.problems.add(Problem(location, message, found=found, expected=expected,
                                  hint=hint, severity=severity, code=code))

    @property
    def has_errors(self) -> bool:
        return bool(self.problems.errors)
