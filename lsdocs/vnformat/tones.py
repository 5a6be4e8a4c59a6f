"""Tone-mark placement: "Hòa" or "Hoà", "Ủy" or "Uỷ".

In an open syllable ending in *oa*, *oe* or *uy* Vietnamese writers place the tone
mark either on the first vowel (``hòa``, ``khỏe``, ``ủy``) or on the second
(``hoà``, ``khoẻ``, ``uỷ``).  The two spellings are different code points, not NFC
equivalents.  Decree 30 writes ``CỘNG HÒA`` and ``ỦY BAN``; lsdocs emits that
placement (the one the project docs call "new") and accepts both when comparing.

The mark moves only at the end of a syllable: ``hoàn``, ``khuỷu``, ``huỳnh`` and
``quý`` (where *u* belongs to *qu*) are the same in both styles.
"""

from __future__ import annotations

import re
import unicodedata

from lsdocs.vnformat.text import nfc

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_PAIRS = {"oO": "aeAE", "uU": "yY"}


def _toned(bases: str) -> str:
    return "".join(nfc(base + tone) for base in bases for tone in _TONES)


_OLD_PLACEMENT = re.compile(
    "|".join(
        rf"(?<![qQ])[{first}][{_toned(seconds)}](?![^\W\d_])" for first, seconds in _PAIRS.items()
    )
)


def normalise_tone_placement(s: str) -> str:
    """Move tone marks to the first vowel of a final *oa*, *oe* or *uy* (NFC result).

    The case of each letter is kept.  Syllables with a final consonant or vowel
    after the pair, and *qu* + *y*, are left alone.

    >>> normalise_tone_placement("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> normalise_tone_placement("Uỷ ban nhân dân, sức khoẻ, hoàn thành, quý")
    'Ủy ban nhân dân, sức khỏe, hoàn thành, quý'
    """
    return _OLD_PLACEMENT.sub(_move_tone, nfc(s))


def _move_tone(match: re.Match[str]) -> str:
    pair = match.group()
    decomposed = unicodedata.normalize("NFD", pair[1])  # base letter + tone mark
    return nfc(pair[0] + decomposed[1]) + decomposed[0]


def hoa_key(s: str) -> str:
    """Return a comparison key equal for both tone placements and for any case.

    The key is NFC, case-folded and uses one placement, so it is only for
    comparing, never for display.

    >>> hoa_key("CỘNG HOÀ") == hoa_key("Cộng hòa")
    True
    >>> hoa_key("uỷ ban") == hoa_key("ỦY BAN")
    True
    >>> hoa_key("hoàn") == hoa_key("hòan")
    False
    """
    return normalise_tone_placement(nfc(s).casefold())
