"""Numbers, percentages and money in body text (Vietnamese convention).

Thousands are grouped with ``.`` and decimals follow ``,`` (``1.234.567,5``),
through Babel's ``vi`` locale.  Rounding, when asked for, is half-up as taught in
Vietnamese schools (``2,25`` → ``2,3``), not Babel's default half-even.

Do not use these for years or document numbers: "năm 2025" and "Số: 1234/UBND-KT"
take no separator; write them with ``str(n)``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

Number = int | float | Decimal


def _to_decimal(x: Number) -> Decimal:
    if isinstance(x, bool) or not isinstance(x, int | float | Decimal):
        raise ValueError(f"expected a number, got {type(x).__name__} {x!r}")
    # str() gives the shortest repr of a float, so 0.1 stays 0.1, not 0.1000000000000000055…
    value = Decimal(str(x)) if isinstance(x, float) else Decimal(x)
    if not value.is_finite():
        raise ValueError(f"cannot write {x!r} as a number in a document")
    return value


def format_number(x: Number, decimals: int | None = None) -> str:
    """Write *x* with Vietnamese separators.

    With *decimals* ``None`` an ``int`` gets no decimals and a float or Decimal
    shows all its significant decimals, never rounded (trailing zeros dropped).
    An int *decimals* fixes the count, rounding half-up.  Not for years or
    document numbers (they take no separator).

    >>> format_number(1234567.5)
    '1.234.567,5'
    >>> format_number(1234567)
    '1.234.567'
    >>> format_number(2.25, decimals=1)
    '2,3'
    >>> format_number(-1000, decimals=2)
    '-1.000,00'
    """
    from babel.numbers import format_decimal  # imported when a number is written: ~10 ms

    value = _to_decimal(x)
    if decimals is None:
        return format_decimal(value, locale="vi", decimal_quantization=False)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be a whole number >= 0, got {decimals!r}")
    value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale="vi")


def format_count(n: int) -> str:
    """A count in running text as clerks write it: two digits under ten, separators above.

    >>> format_count(5), format_count(12), format_count(1234)
    ('05', '12', '1.234')
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"a count is a whole number >= 0, got {n!r}")
    return f"{n:02d}" if n < 1000 else format_number(n)


def format_percent(value: Number, decimals: int | None = None) -> str:
    """Write a percentage; *value* is already in percent (12.5 means 12,5 %).

    No space goes before ``%``, and nothing is rounded unless *decimals* says so.

    >>> format_percent(12.5)
    '12,5%'
    >>> format_percent(50)
    '50%'
    >>> format_percent(98.456, decimals=1)
    '98,5%'
    """
    return f"{format_number(value, decimals)}%"


def format_money(amount: int) -> str:
    """Write a Vietnamese đồng amount: digits grouped with ``.``, then ``đồng``.

    Only ``int`` is accepted: the đồng has no fractional part, and a float amount
    would hide a rounding decision (``ValueError``).

    >>> format_money(1234567)
    '1.234.567 đồng'
    >>> format_money(0)
    '0 đồng'
    """
    _require_whole_dong(amount)
    return f"{format_number(amount)} đồng"


def _require_whole_dong(amount: object) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValueError(
            f"a đồng amount must be an int (the đồng has no fractional part), "
            f"got {type(amount).__name__} {amount!r}"
        )
