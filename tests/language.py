"""Is a text in one language?  Helpers for the tests that read lsdocs' output as a user would.

English output may quote Vietnamese a user wrote or a document holds («Sở Y tế», «KẾ HOẠCH»),
name a sheet of a workbook (``Nhiệm vụ!G3``) or an agency by its name from the registry; every
other word must be English.  Vietnamese output must not show click's English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: quoted content: «…» (nested too), “…” and "…"
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"")
#: a cell of a workbook, its sheet named as the workbook names it: ``Phân công!G5``
_CELL = re.compile(r"(?:[^\s!:(]+ )?[^\s!:(]+![A-Z]{1,3}[0-9]+")

#: click's English, which Vietnamese output must not show
CLICK_ENGLISH = re.compile(
    r"Usage:|Options:|Commands:|Show this message|Show the version|\[default|\[required|"
    r"\[OPTIONS\]|COMMAND \[ARGS\]|\b(TEXT|INTEGER|DIRECTORY|PATH|FILE|RANGE)\b|Error:|"
    r"Invalid value|No such|Missing (argument|option)|Try '|is not a valid|Got unexpected")


def unquoted(text: str) -> str:
    """*text* without quoted content and workbook cells."""
    while True:
        stripped = _QUOTED.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    return _CELL.sub(" ", text)


def _symbol(word: str) -> bool:
    """A document's number and symbol or a type code (``182/QĐ-UBND``, ``QĐ``): an identifier
    written the same in every language, whose only letter beyond ASCII is Đ."""
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and all(ch.isascii() and ch.isupper() or ch == "Đ" for ch in letters)


def vietnamese_words(text: str, names: Iterable[str] = ()) -> list[str]:
    """Words of *text* with letters English does not have, outside quotes and *names*."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return [word for word in unquoted(text).split()
            if any(ch.isalpha() and ord(ch) > 127 for ch in word) and not _symbol(word)]
