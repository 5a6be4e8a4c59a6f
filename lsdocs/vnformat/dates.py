"""Dates the way Decree 30 writes them.

A day below 10 takes a leading zero; months 1 and 2 are written ``01`` and ``02``
(so "tháng 1" cannot be misread as "tháng 10"-something) and months 3–12 are not
padded (Phụ lục I, ô 4).  Years never take a thousands separator.
"""

from __future__ import annotations

import re
from datetime import date

from lsdocs.vnformat.text import DRAFT_BLANK, nfc

_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_LONG = re.compile(r"ngày ([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})", re.IGNORECASE)
_SHAPES = "DD/MM/YYYY, D/M/YYYY, YYYY-MM-DD or 'ngày DD tháng MM năm YYYY'"


def _day(d: date) -> str:
    return f"{d.day:02d}"


def _month(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def long_date(d: date) -> str:
    """Return the long date of an issue line or a citation.

    >>> long_date(date(2023, 9, 6))
    'ngày 06 tháng 9 năm 2023'
    >>> long_date(date(2020, 1, 13))
    'ngày 13 tháng 01 năm 2020'
    >>> long_date(date(2025, 12, 31))
    'ngày 31 tháng 12 năm 2025'
    """
    return f"ngày {_day(d)} tháng {_month(d.month)} năm {d.year}"


def date_line(place: str, d: date | None, *, year: int | None = None) -> str:
    """Return the place-and-date line (ô 4), or its blank form for a draft.

    When *d* is ``None`` the day and month are each a 6-space blank between the
    words, and the year is *year* or a blank too.  *year* is only used for drafts.
    Raises ``ValueError`` for an empty place.

    >>> date_line("Lạng Sơn", date(2023, 9, 6))
    'Lạng Sơn, ngày 06 tháng 9 năm 2023'
    >>> date_line("Lạng Sơn", None, year=2026)
    'Lạng Sơn, ngày      tháng      năm 2026'
    >>> date_line("Lạng Sơn", None)
    'Lạng Sơn, ngày      tháng      năm      '
    """
    place = nfc(place).strip()
    if not place:
        raise ValueError("date_line needs a place name (địa danh), got an empty string")
    return f"{place}, {long_date(d) if d is not None else draft_long_date(year)}"


def draft_long_date(year: int | None = None) -> str:
    """The long date of a draft: day and month blank, the year if known.

    >>> draft_long_date(2026)
    'ngày      tháng      năm 2026'
    """
    year_text = DRAFT_BLANK if year is None else f" {year}"
    return f"ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm{year_text}"


def short_date(d: date) -> str:
    """Return the short date used in body text and citations.

    >>> short_date(date(2023, 9, 6))
    '06/9/2023'
    >>> short_date(date(2022, 1, 11))
    '11/01/2022'
    """
    return f"{_day(d)}/{_month(d.month)}/{d.year}"


#: Excel number formats that show a date cell as :func:`short_date` writes it: the first for
#: months 3–12, the second (a conditional format where ``MONTH(cell) < 3``) for January and
#: February.  A number format alone cannot pad only some months.
EXCEL_SHORT_DATE = "DD/M/YYYY"
EXCEL_SHORT_DATE_JAN_FEB = "DD/MM/YYYY"
EXCEL_JAN_FEB_TEST = "AND(ISNUMBER({cell}),MONTH({cell})<3)"


def day_month(day: int, month: int) -> str:
    """A yearly day such as a reporting deadline: ``15/12``, ``05/01`` (same padding).

    >>> day_month(15, 12), day_month(5, 1)
    ('15/12', '05/01')
    """
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise ValueError(f"no such day of the year: {day}/{month}")
    return f"{day:02d}/{_month(month)}"


def month_year(d: date) -> str:
    """Return month and year, padded like the other dates.

    >>> month_year(date(2023, 9, 6))
    '9/2023'
    >>> month_year(date(2024, 1, 15))
    '01/2024'
    """
    return f"{_month(d.month)}/{d.year}"


def parse_vn_date(text: str) -> date:
    """Read a date written ``06/9/2023``, ``6/9/2023``, ``06/09/2023``, ``2023-09-06``
    or ``ngày 06 tháng 9 năm 2023``; surrounding spaces are ignored.

    Raises ``ValueError`` with an English message for any other shape and for
    impossible dates such as ``31/02/2024``.

    >>> parse_vn_date("06/9/2023")
    datetime.date(2023, 9, 6)
    >>> parse_vn_date("2023-09-06")
    datetime.date(2023, 9, 6)
    >>> parse_vn_date("31/02/2024")
    Traceback (most recent call last):
    ...
    ValueError: '31/02/2024' is not a real date: day is out of range for month
    """
    if not isinstance(text, str):
        raise ValueError(f"expected the date as text, got {type(text).__name__}")
    year, month, day = _date_parts(nfc(text).strip(), text)
    try:
        return date(year, month, day)
    except ValueError as e:
        raise ValueError(f"{text.strip()!r} is not a real date: {e}") from e


def _date_parts(cleaned: str, original: str) -> tuple[int, int, int]:
    if match := _DMY.fullmatch(cleaned) or _LONG.fullmatch(cleaned):
        day, month, year = match.groups()
    elif match := _ISO.fullmatch(cleaned):
        year, month, day = match.groups()
    else:
        raise ValueError(f"{original!r} is not a date in the form {_SHAPES}")
    return int(year), int(month), int(day)
