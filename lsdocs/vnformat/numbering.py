"""Heading numbers: Roman numerals for mục and phụ lục, letters for điểm."""

from __future__ import annotations

import re

_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ROMAN_SHAPE = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")

#: Letters of the điểm ``a)``, ``b)`` … in Vietnamese alphabetical order:
#: ``đ`` follows ``d``, and there is no f, j, w or z (Decree 30, Phụ lục I).
DIEM_LETTERS: tuple[str, ...] = tuple("abcdđeghiklmnopqrstuvxy")


def roman(n: int) -> str:
    """Return *n* (1..3999) as an upper-case Roman numeral.

    >>> roman(4), roman(9), roman(2026)
    ('IV', 'IX', 'MMXXVI')
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(f"Roman numerals cover 1..3999, got {n!r}")
    parts: list[str] = []
    for value, numeral in _ROMAN_VALUES:
        count, n = divmod(n, value)
        parts.append(numeral * count)
    return "".join(parts)


def parse_roman(text: str) -> int:
    """Return the value of a canonical upper-case Roman numeral.

    Non-canonical forms (``IIII``, ``IC``), lower case and empty text raise
    ``ValueError``, so ``roman(parse_roman(s)) == s`` always holds.

    >>> parse_roman("XIV")
    14
    """
    if not isinstance(text, str) or not text or not _ROMAN_SHAPE.fullmatch(text):
        raise ValueError(f"{text!r} is not an upper-case Roman numeral such as IV or XII")
    total = 0
    for value, numeral in _ROMAN_VALUES:
        while text.startswith(numeral):
            total += value
            text = text[len(numeral) :]
    return total


def diem_letter(i: int) -> str:
    """Return the letter of the *i*-th điểm (1-based): a, b, c, d, đ, e, g …

    Raises ``ValueError`` outside 1..23: the Vietnamese sequence ends at ``y``.

    >>> diem_letter(1), diem_letter(5), diem_letter(7)
    ('a', 'đ', 'g')
    """
    if isinstance(i, bool) or not isinstance(i, int) or not 1 <= i <= len(DIEM_LETTERS):
        raise ValueError(f"điểm letters go from 1 (a) to {len(DIEM_LETTERS)} (y), got {i!r}")
    return DIEM_LETTERS[i - 1]
