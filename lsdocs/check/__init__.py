"""Decree 30 format checker for any .docx, with safe automatic fixes.

>>> report = check_document("kh-182.docx")          # doctest: +SKIP
>>> report.passed(), [f.rule for f in report.errors]  # doctest: +SKIP
(True, [])

The rules are the table :data:`RULES` (nd30-format.md §7.3, R01–R49).  Files
that cannot be read raise :class:`lsdocs.errors.DocumentReadError`.

A compilation (tệp ghép, e.g. ``lsdocs batch --merge``) is checked one
document at a time: ``report.documents`` lists them, each finding's
``document`` says which one it is in, and its location names it
(«văn bản thứ 2 trong tệp ghép, mục 1 …»).  See :mod:`lsdocs.check.compilation`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsdocs.check.findings import CheckReport, Finding
from lsdocs.check.layout import KINDS
from lsdocs.check.rules import RULES, Rule
from lsdocs.check.runner import check_loaded, open_document, read_path

if TYPE_CHECKING:
    from lsdocs.check.fix import FixAction, FixReport, fix_document

#: Imported on first use: a generator checking what it wrote never fixes, and the fixer
#: is a fifth of the checker's import.
_HOMES = {"FixAction": "fix", "FixReport": "fix", "fix_document": "fix"}

__all__ = [
    "KINDS",
    "RULES",
    "CheckReport",
    "Finding",
    "FixAction",
    "FixReport",
    "Rule",
    "assert_conformant",
    "check_bytes",
    "check_document",
    "fix_document",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


def check_bytes(data: bytes, name: str = "<bytes>", kind: str = "auto") -> CheckReport:
    """Check a .docx held in memory; *name* is used in locations and reports.

    *kind* is ``auto`` (detect) or one of :data:`KINDS`.  Raises
    DocumentReadError for data that is not a readable Word document.
    """
    report, _ = check_loaded(open_document(data, name), kind)
    return report


def check_document(path: str | Path, kind: str = "auto") -> CheckReport:
    """Check a .docx file against Decree 30 (rules R01–R49)."""
    return check_bytes(read_path(path), str(path), kind)


def assert_conformant(document: str | Path | bytes, kind: str = "auto",
                      strict: bool = False) -> CheckReport:
    """For tests of generators: raise AssertionError listing every error finding.

    *document* is a path or the bytes of a .docx.  With *strict*, warnings fail
    too.  Returns the report when the document passes.
    """
    if isinstance(document, bytes):
        report = check_bytes(document, "<bytes>", kind)
    else:
        report = check_document(document, kind)
    if not report.passed(strict):
        failing = report.findings if strict else report.errors
        lines = [f"{f.rule} {f.severity}: {f.location.vi}: {f.sentence('vi')}" for f in failing]
        raise AssertionError(f"{report.file} ({report.kind}) không đạt NĐ 30:\n"
                             + "\n".join(lines))
    return report
