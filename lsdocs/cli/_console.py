"""Console output that survives any encoding (a Windows code page, a redirected pipe).

Python writes to a console in its encoding and raises on any character it
lacks, which would turn a finished command into a crash.  lsdocs installs one
error handler at start-up that degrades each missing character as gently as
the encoding allows: Vietnamese in Windows-1258 keeps its letters with the
tone written as a combining mark (``ệ`` → ``ê`` + dot below); where even that
is impossible the letter loses its marks (``ệ`` → ``e``, ``đ`` → ``d``,
``«`` → ``"``); anything else becomes ``?``.  UTF-8 consoles are untouched.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from collections.abc import Callable

HANDLER = "lsdocs-vi"
# Tone marks: the five Vietnamese tones, written after the letter in Windows-1258.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_PLAIN = {"đ": "d", "Đ": "D", "«": '"', "»": '"', "–": "-", "—": "-", "…": "...",
          "“": '"', "”": '"', "‘": "'", "’": "'", "→": "->", "≥": ">=", "≤": "<="}


def _fallback(char: str, encoding: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    tones = "".join(c for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    bare = _PLAIN.get(char) or "".join(c for c in decomposed if not unicodedata.combining(c))
    for candidate in (base + tones, bare):
        try:
            candidate.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            continue
        return candidate
    return "?"


def _handler(encoding: str) -> Callable[[UnicodeError], tuple[str, int]]:
    # The error names the codec family ("charmap"), not the code page: keep the real one.
    def handle(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        text = exc.object[exc.start:exc.end]
        return "".join(_fallback(c, encoding) for c in text), exc.end

    return handle


def make_console_safe() -> None:
    """Make stdout and stderr degrade characters their encoding lacks instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding.startswith("utf") or not hasattr(stream, "reconfigure"):
            continue
        name = f"{HANDLER}-{encoding}"
        codecs.register_error(name, _handler(encoding))
        stream.reconfigure(errors=name)
