"""How late a task is, said the way a clerk writes it: months and years, not a day count.

>>> import datetime as dt
>>> overdue_phrase(dt.date(2024, 6, 30), dt.date(2026, 11, 30))
'đã quá hạn hơn 2 năm'
>>> overdue_phrase(dt.date(2026, 8, 31), dt.date(2026, 11, 30))
'đã quá hạn 3 tháng'
>>> overdue_phrase(dt.date(2026, 11, 20), dt.date(2026, 11, 30))
'đã quá thời hạn ngày 20/11/2026'
"""

from __future__ import annotations

import calendar
import datetime as dt

from lsdocs import vnformat as vn


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from *start* to *end* (end of month counts as the same day).

    >>> whole_months(dt.date(2024, 6, 30), dt.date(2024, 9, 30))
    3
    >>> whole_months(dt.date(2024, 1, 31), dt.date(2024, 2, 29))
    1
    >>> whole_months(dt.date(2024, 6, 30), dt.date(2024, 7, 29))
    0
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    last = calendar.monthrange(end.year, end.month)[1]
    if end.day < start.day and end.day != last:
        months -= 1
    return max(months, 0)


def _exact(start: dt.date, months: int, end: dt.date) -> bool:
    """Whether *end* is exactly *months* months after *start* (month ends count as equal)."""
    year, month = divmod(start.month - 1 + months, 12)
    last = calendar.monthrange(start.year + year, month + 1)[1]
    return dt.date(start.year + year, month + 1, min(start.day, last)) == end or (
        start.day == calendar.monthrange(start.year, start.month)[1] and end.day == last
        and (end.year, end.month) == (start.year + year, month + 1))


def overdue_phrase(due: dt.date, as_of: dt.date) -> str:
    """``đã quá hạn hơn 2 năm`` / ``đã quá hạn 3 tháng`` / ``đã quá thời hạn ngày 20/11/2026``.

    Under a month a clerk names the deadline day ("past the deadline of", not "overdue
    since": the deadline day itself is still in time); from a month on, the whole
    months or years, with "hơn" when there is a remainder.
    """
    months = whole_months(due, as_of)
    if months == 0:
        return f"đã quá thời hạn ngày {vn.short_date(due)}"
    more = "" if _exact(due, months, as_of) else "hơn "
    if months >= 12:
        years, rest = divmod(months, 12)
        more = "hơn " if rest or more else ""
        return f"đã quá hạn {more}{years} năm"
    return f"đã quá hạn {more}{months} tháng"
