"""Spreadsheet (CSV) formula injection: neutralise on export, restore on import.

Excel, LibreOffice and Google Sheets run a CSV cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return as a formula
(``=HYPERLINK(…)`` in an agency name).  Every CSV file lsdocs writes passes
its cells through :func:`neutralise`, which puts an apostrophe in front of
such a cell, as the usual rule says; the spreadsheet then shows it as text.

The import undoes exactly that with :func:`restore`, so the round trip is
exact: a value that itself starts with apostrophes before a trigger gets one
more apostrophe on export and loses exactly one on import.

>>> neutralise("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> restore(neutralise("'=1")) == "'=1"
True
>>> neutralise("Sở Y tế")
'Sở Y tế'
"""

from __future__ import annotations

import re

_TRIGGER = re.compile(r"'*[=+\-@\t\r]")
_FIRST = "'=+-@\t\r"  # what a cell _TRIGGER matches starts with
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """*text* as a CSV cell no spreadsheet runs as a formula."""
    return "'" + text if text[:1] in _FIRST and _TRIGGER.match(text) else text


def restore(text: str) -> str:
    """The value :func:`neutralise` was given."""
    return text[1:] if _ESCAPED.match(text) else text
