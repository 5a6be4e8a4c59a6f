"""Số, ký hiệu: the document number line (ô 3, Decree 30 Phụ lục I).

A document with a type code has the symbol ``<type code>-<issuer>`` (``KH-UBND``);
a công văn, which has no type code, has ``<issuer>-<drafting unit>``
(``UBND-KGVX``).  Groups are joined with ``-`` and contain no spaces.
"""

from __future__ import annotations

import re

from lsdocs.vnformat.doctypes import lookup_type
from lsdocs.vnformat.text import DRAFT_BLANK, nfc

# One or more groups, each starting with a capital, as in rule R15 of the checker.
_SYMBOL_GROUPS = re.compile(r"[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*")


def _symbol_part(value: str, what: str) -> str:
    cleaned = nfc(value).strip() if isinstance(value, str) else ""
    if not _SYMBOL_GROUPS.fullmatch(cleaned):
        raise ValueError(
            f"{what} {value!r} is not an abbreviation such as 'UBND' or 'SKHCN' "
            "(a capital first, then letters or digits, groups joined by '-', no spaces)"
        )
    return cleaned


def document_symbol(doc_type: str, issuer_symbol: str, unit: str | None = None) -> str:
    """Return the ký hiệu of a document.

    For a type with a code the symbol is code + issuer and *unit* is not used
    (Decree 30 puts no drafting unit there).  For a công văn or thư công *unit*
    (the drafting unit or field) is required; ``ValueError`` otherwise, and for an
    unknown type or a malformed abbreviation.

    >>> document_symbol("ke-hoach", "UBND")
    'KH-UBND'
    >>> document_symbol("to-trinh", "UBND")
    'TTr-UBND'
    >>> document_symbol("cong-van", "UBND", "KGVX")
    'UBND-KGVX'
    """
    code = lookup_type(doc_type).code
    issuer = _symbol_part(issuer_symbol, "issuer symbol")
    if code is not None:
        return f"{code}-{issuer}"
    if unit is None:
        raise ValueError(
            f"a {doc_type} has no type code: its symbol needs the drafting unit, e.g. '{issuer}-VP'"
        )
    return f"{issuer}-{_symbol_part(unit, 'unit')}"


def number_line(number: int | None, symbol: str) -> str:
    """Return the ``Số:`` line; ``None`` leaves a 6-space blank for a draft.

    Numbers below 10 take a leading zero; no thousands separator is used.
    Raises ``ValueError`` for a number below 1 or a malformed symbol.

    >>> number_line(182, "KH-UBND")
    'Số: 182/KH-UBND'
    >>> number_line(5, "KH-UBND")
    'Số: 05/KH-UBND'
    >>> number_line(None, "KH-UBND")
    'Số:      /KH-UBND'
    """
    reference = number_symbol(number, symbol)
    return f"Số:{reference}" if number is None else f"Số: {reference}"


def number_symbol(number: int | None, symbol: str) -> str:
    """Return number and symbol as cited in text: ``182/KH-UBND``; a draft leaves a blank.

    >>> number_symbol(5, "UBND-KGVX")
    '05/UBND-KGVX'
    >>> number_symbol(None, "KH-UBND")
    '      /KH-UBND'
    """
    symbol = _symbol_part(symbol, "document symbol")
    if number is None:
        return f"{DRAFT_BLANK}/{symbol}"
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise ValueError(f"a document number is a whole number from 1, got {number!r}")
    return f"{number:02d}/{symbol}"
