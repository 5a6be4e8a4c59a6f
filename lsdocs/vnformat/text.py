"""Unicode form, case and file-name ids for Vietnamese text.

Everything here works on NFC text: Vietnamese government practice (TCVN 6909:2001,
UniKey) writes precomposed characters, and ``str.upper``/``str.title`` misbehave on
decomposed (NFD) input.  Every public function normalises its input first.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any, TypeVar

T = TypeVar("T")

#: The blank left for a number or a date that is filled in after signing (6 spaces).
DRAFT_BLANK = " " * 6

_SLUG_MAX = 80

# Tokens that keep their own case when a line is upper-cased: "V/v" and document
# symbols carrying a mixed-case type code (Phụ lục III of Decree 30: CTr, TTr, QyĐ,
# TrS), e.g. "88-CTr/TU".  A code counts only when no letter touches it.
_KEEP_CASE = re.compile(r"(?<![^\W\d_])(?:V/v|CTr|TTr|QyĐ|TrS)(?![^\W\d_])")
_TOKEN = re.compile(r"\S+")


def nfc(s: str) -> str:
    """Return *s* in Unicode normal form C (precomposed letters).

    >>> nfc("Lạng Sơn") == "L\\u1ea1ng S\\u01a1n"
    True
    >>> len(nfc("a\\u0323")), len("a\\u0323")
    (1, 2)
    """
    return unicodedata.normalize("NFC", s)


def nfc_deep(obj: T) -> T:
    """Return *obj* with every ``str`` inside nested dicts, lists and tuples in NFC.

    Dict keys are normalised too.  Containers are rebuilt: dicts and lists come back
    as plain ``dict``/``list`` (so positions kept by a YAML loader are lost), tuples
    keep their type (named tuples included).  Other values are returned unchanged.

    >>> nfc_deep({"to": ["Lạng Sơn", 3], "n": ("Hòa", None)}) == {
    ...     "to": ["Lạng Sơn", 3], "n": ("Hòa", None)}
    True
    """
    return _nfc_any(obj)  # type: ignore[no-any-return]


def _nfc_any(obj: Any) -> Any:
    if isinstance(obj, str):
        return nfc(obj)
    if isinstance(obj, dict):
        return {_nfc_any(key): _nfc_any(value) for key, value in obj.items()}
    if isinstance(obj, list):
        return [_nfc_any(item) for item in obj]
    if isinstance(obj, tuple):
        items = [_nfc_any(item) for item in obj]
        return type(obj)(*items) if hasattr(obj, "_fields") else type(obj)(items)
    return obj


def upper_vi(s: str) -> str:
    """Upper-case Vietnamese text, keeping mixed-case abbreviations as they are.

    The text is normalised to NFC first, so decomposed input comes out right.
    Whitespace-separated tokens containing ``V/v`` or a document symbol with the
    type codes ``CTr``, ``TTr``, ``QyĐ`` or ``TrS`` are left untouched.

    >>> upper_vi("ủy ban nhân dân tỉnh lạng sơn")
    'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN'
    >>> upper_vi("thực hiện chương trình số 88-CTr/TU")
    'THỰC HIỆN CHƯƠNG TRÌNH SỐ 88-CTr/TU'
    >>> upper_vi("V/v triển khai")
    'V/v TRIỂN KHAI'
    """
    return _TOKEN.sub(_upper_token, nfc(s))


def _upper_token(match: re.Match[str]) -> str:
    token = match.group()
    return token if _KEEP_CASE.search(token) else token.upper()


def sentence_case(s: str) -> str:
    """Upper-case the first letter of *s* and leave every other character alone.

    Unlike ``str.capitalize`` the rest is not lower-cased (proper names inside
    keep their capitals), and unlike ``str.title`` no other word is touched.
    Leading punctuation or spaces are skipped to find the first letter.

    >>> sentence_case("thực hiện Nghị quyết trên địa bàn tỉnh Lạng Sơn")
    'Thực hiện Nghị quyết trên địa bàn tỉnh Lạng Sơn'
    >>> sentence_case("(đợt 2)")
    '(Đợt 2)'
    >>> sentence_case("")
    ''
    """
    s = nfc(s)
    for index, char in enumerate(s):
        if char.isalpha():
            return s[:index] + char.upper() + s[index + 1 :]
    return s


def slugify(s: str) -> str:
    """Return a safe ASCII id for file names: no diacritics, lower case, dashes.

    ``đ``/``Đ`` become ``d``; every run of other characters becomes one ``-``;
    the result is at most 80 characters, cut at a dash where possible.
    Raises ``ValueError`` when nothing usable is left.

    >>> slugify("Sở Khoa học và Công nghệ")
    'so-khoa-hoc-va-cong-nghe'
    >>> slugify("Kế hoạch 182/KH-UBND (dự thảo)")
    'ke-hoach-182-kh-ubnd-du-thao'
    """
    ascii_text = _strip_diacritics(nfc(s)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if not slug:
        raise ValueError(f"cannot make a file-name id from {s!r}: no letters or digits")
    return _shorten_slug(slug)


def file_id(identifier: str, reserved: frozenset[str] = frozenset()) -> str:
    """A file-name id that differs for different *identifier* (unique by construction).

    An id that is already a safe slug of at most 80 characters is used as it
    is; any other (too long, upper case, accents, or one of *reserved*) gets
    its slug shortened plus 8 hex digits of its SHA-256, so two ids never
    share a file name.

    >>> file_id("skhcn")
    'skhcn'
    >>> file_id("Sở KH&CN")
    'so-kh-cn-19ea91e7'
    """
    slug = slugify(identifier)
    if slug == identifier and slug not in reserved:
        return slug
    digest = hashlib.sha256(identifier.encode("utf-8")).hexdigest()[:8]
    return f"{_shorten_slug(slug[:_SLUG_MAX - 9])}-{digest}"


def _strip_diacritics(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", s)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _shorten_slug(slug: str) -> str:
    if len(slug) <= _SLUG_MAX:
        return slug
    cut = slug[: _SLUG_MAX + 1]
    head, dash, _ = cut.rpartition("-")
    return head if dash and head else slug[:_SLUG_MAX].rstrip("-")
