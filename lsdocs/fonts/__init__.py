"""Text width, as Times New Roman sets it, for the length of the horizontal rules.

Widths come from :mod:`lsdocs.fonts._widths` (measured on Liberation Serif, the
metric twin of Times New Roman).  A Vietnamese letter takes the width of its
base letter (first code point of its NFD form), which is how both fonts draw
them.  Unknown characters count as the width of "n".

>>> round(text_width("Độc lập - Tự do - Hạnh phúc", 28, bold=True))
3415
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from lsdocs.fonts._widths import BOLD, CHARS, REGULAR

UNITS_PER_EM = 2048
_INDEX = {ch: i for i, ch in enumerate(CHARS)}


@lru_cache(maxsize=4096)
def char_units(ch: str, bold: bool) -> int:
    """Advance width of one character in font units (2048 per em)."""
    table = BOLD if bold else REGULAR
    index = _INDEX.get(ch)
    if index is None:
        base = unicodedata.normalize("NFD", ch)[:1]
        if unicodedata.combining(ch):
            return 0
        index = _INDEX.get(base, _INDEX["n"])
    return table[index]


def text_width(text: str, sz: int, bold: bool = False) -> float:
    """Width of *text* in twips at *sz* half-points.

    One em at *sz* half-points is ``sz * 10`` twips.
    """
    units = sum(char_units(ch, bold) for ch in unicodedata.normalize("NFC", text))
    return units * sz * 10 / UNITS_PER_EM
