"""Numbers read out in formal Vietnamese ("đọc số"), for amounts in words.

The formal (northern, official) convention, group by group of three digits:

* inside a group: ``trăm``, then ``mươi``/``mười``; a zero ten after hundreds reads
  ``linh`` (``105`` → "một trăm linh năm"); units 1, 4 and 5 change after a ten
  ("hai mươi mốt", "hai mươi tư", "mười lăm");
* a group after a higher non-zero part always reads its hundreds, so a group below
  100 starts with "không trăm" ("một nghìn không trăm linh một");
* a group of all zeros is skipped entirely, scale word included ("một tỷ không
  trăm linh năm", never "không triệu không nghìn");
* above ``tỷ`` the scales repeat: 10**12 is "một nghìn tỷ".
"""

from __future__ import annotations

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ("", "nghìn", "triệu")
_BILLION = 10**9
_FOURS = ("tư", "bốn")
_ZERO_TENS = ("linh", "lẻ")


def number_to_words(n: int, *, four: str = "tư", zero_hundred: str = "linh") -> str:
    """Read the integer *n* in formal Vietnamese, lower case.

    *four* is how a units 4 after ``mươi`` reads ("hai mươi tư" or "hai mươi bốn");
    4 and 14 are always "bốn", "mười bốn", and so is 4 after *zero_hundred*.
    *zero_hundred* is the word for a zero ten after hundreds: "linh" or "lẻ".
    Negative numbers start with "âm".  Raises ``ValueError`` for non-integers and
    unknown options.

    >>> number_to_words(2021)
    'hai nghìn không trăm hai mươi mốt'
    >>> number_to_words(1_005_000_000)
    'một tỷ không trăm linh năm triệu'
    >>> number_to_words(24, four="bốn")
    'hai mươi bốn'
    >>> number_to_words(101, zero_hundred="lẻ")
    'một trăm lẻ một'
    >>> number_to_words(-25)
    'âm hai mươi lăm'
    """
    _check_options(n, four, zero_hundred)
    if n < 0:
        return "âm " + number_to_words(-n, four=four, zero_hundred=zero_hundred)
    if n == 0:
        return _DIGITS[0]
    return " ".join(_read(n, False, four, zero_hundred))


def _check_options(n: object, four: str, zero_hundred: str) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"number_to_words reads integers only, got {type(n).__name__} {n!r}")
    if four not in _FOURS:
        raise ValueError(f"four must be one of {_FOURS}, got {four!r}")
    if zero_hundred not in _ZERO_TENS:
        raise ValueError(f"zero_hundred must be one of {_ZERO_TENS}, got {zero_hundred!r}")


def _read(n: int, full: bool, four: str, zero: str) -> list[str]:
    """Words for 0 < *n*; *full* means a higher non-zero part precedes it."""
    if n >= _BILLION:
        billions, rest = divmod(n, _BILLION)
        words = [*_read(billions, full, four, zero), "tỷ"]
        return words + (_read(rest, True, four, zero) if rest else [])
    return _read_below_billion(n, full, four, zero)


def _read_below_billion(n: int, full: bool, four: str, zero: str) -> list[str]:
    words: list[str] = []
    groups = (n // 1_000_000, n // 1000 % 1000, n % 1000)
    for scale, group in zip(reversed(_SCALES), groups, strict=True):
        if group:
            words += _read_group(group, full, four, zero)
            words += [scale] if scale else []
            full = True
    return words


def _read_group(group: int, full: bool, four: str, zero: str) -> list[str]:
    """Words for one group 1..999; *full* reads the hundreds even when zero."""
    hundreds, rest = divmod(group, 100)
    if not (full or hundreds):
        return _read_tens(rest, four)
    words = [_DIGITS[hundreds], "trăm"]
    if 0 < rest < 10:
        return [*words, zero, _DIGITS[rest]]
    return words + (_read_tens(rest, four) if rest else [])


def _read_tens(n: int, four: str) -> list[str]:
    """Words for 1..99 standing alone or after "trăm"."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return [_DIGITS[units]]
    words = ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    return words + ([_unit_after_ten(tens, units, four)] if units else [])


def _unit_after_ten(tens: int, units: int, four: str) -> str:
    if units == 5:
        return "lăm"
    if tens >= 2 and units == 1:
        return "mốt"
    if tens >= 2 and units == 4:
        return four
    return _DIGITS[units]


def money_in_words(amount: int) -> str:
    """Write a đồng amount in words, first letter capital, ending in "đồng".

    Only ``int`` is accepted (``ValueError`` for float or Decimal: the đồng has no
    fractional part).  Put it in brackets in text: "(Bằng chữ: …)".

    >>> money_in_words(1_005_000_000)
    'Một tỷ không trăm linh năm triệu đồng'
    >>> money_in_words(0)
    'Không đồng'
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValueError(
            f"a đồng amount must be an int (the đồng has no fractional part), "
            f"got {type(amount).__name__} {amount!r}"
        )
    words = number_to_words(amount)
    return f"{words[0].upper()}{words[1:]} đồng"
