"""Strict reading of dates written DD/MM/YYYY in content files.

:func:`lsdocs.vnformat.dates.parse_vn_date` accepts several shapes for
convenience; content files allow one shape only, so every file reads the same,
and tell a wrong shape ("2023-09-06") apart from an impossible day
("31/02/2024") so the message can say which.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from lsdocs.errors import T, Text

_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")

DATE_EXPECTED = T("dạng DD/MM/YYYY, ví dụ 06/9/2023")
REAL_DATE_EXPECTED = T("ngày có thật, dạng DD/MM/YYYY")


class DateProblem(ValueError):
    """A date that cannot be read; carries the bilingual message for a Problem."""

    def __init__(self, message: Text, expected: Text, code: str):
        super().__init__(message.en)
        self.message = message
        self.expected = expected
        self.code = code


def parse_dmy(text: str) -> dt.date:
    """Read ``06/9/2023`` or ``06/09/2023``; raise :class:`DateProblem` otherwise.

    >>> parse_dmy("06/9/2023")
    datetime.date(2023, 9, 6)
    """
    match = _DMY.fullmatch(text.strip())
    if match is None:
        raise DateProblem(T("ngày không đúng dạng"),
                          DATE_EXPECTED, "bad-date")
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateProblem(T("ngày không tồn tại"),
                          REAL_DATE_EXPECTED, "impossible-date") from None


def last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
