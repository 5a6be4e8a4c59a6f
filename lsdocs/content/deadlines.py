"""Deadlines as plans write them, read into :class:`~lsdocs.content.model.Deadline`.

Accepted forms (case and surrounding spaces do not matter):

=================  ==============  ======================
written            ``text``        ``due``
=================  ==============  ======================
``hằng năm``       Hằng năm        None (set each year)
``thường xuyên``   Thường xuyên    None
``31/12/2024``     31/12/2024      2024-12-31
``tháng 12/2024``  Tháng 12/2024   2024-12-31
``quý IV/2024``    Quý IV/2024     2024-12-31
``năm 2024``       Năm 2024        2024-12-31
``2024 - 2025``    2024 - 2025     2025-12-31
=================  ==============  ======================

``hàng năm`` is read as ``hằng năm``; a quarter may be written ``quý 4/2024``;
a period may use ``-`` or ``–`` with or without spaces.  Dates and months are
shown padded the Decree 30 way (``06/9/2023``, ``Tháng 01/2024``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from lsdocs.content._dates import DateProblem, last_day_of_month, parse_dmy
from lsdocs.content.model import Deadline
from lsdocs.errors import T, Text
from lsdocs.vnformat.dates import month_year, short_date

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_QUARTER_NAMES = {n: r for r, n in _ROMAN.items()}
_MONTH = re.compile(r"tháng\s*([0-9]{1,2})\s*/\s*([0-9]{4})")
_QUARTER = re.compile(r"quý\s*(i{1,3}|iv|[1-4])\s*/\s*([0-9]{4})")
_YEAR = re.compile(r"năm\s*([0-9]{4})")
_PERIOD = re.compile(r"([0-9]{4})\s*[-–]\s*([0-9]{4})")
_DATE_LIKE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}")

DEADLINE_EXPECTED = T(
    "hằng năm, thường xuyên, DD/MM/YYYY, tháng MM/YYYY, quý I–IV/YYYY, năm YYYY "
    "hoặc YYYY - YYYY",
)


class DeadlineError(DateProblem):
    """A deadline that cannot be read; carries the bilingual message."""


def parse_deadline(written: str) -> Deadline:
    """Read one deadline; raise :class:`DeadlineError` when it is not a known form.

    >>> parse_deadline("quý IV/2024").text
    'Quý IV/2024'
    >>> parse_deadline("2024-2025").due
    datetime.date(2025, 12, 31)
    """
    key = " ".join(unicodedata.normalize("NFC", written).split()).lower()
    if key in ("hằng năm", "hàng năm"):
        return Deadline("annual", "Hằng năm")
    if key == "thường xuyên":
        return Deadline("regular", "Thường xuyên")
    for parse in (_date, _month, _quarter, _year, _period):
        deadline = parse(key)
        if deadline is not None:
            return deadline
    raise DeadlineError(T("thời hạn không đúng dạng"),
                        DEADLINE_EXPECTED, "bad-deadline")


def deadline_label(deadline: Deadline) -> Text:
    """The deadline as a message shows it: ``Hằng năm`` / ``Annually``, ``Quý IV/2024`` /
    ``Quarter IV/2024`` (documents keep :attr:`Deadline.text`).

    >>> deadline_label(parse_deadline("quý IV/2024")).get("en")
    'Quarter IV/2024'
    """
    rest = deadline.text.partition(" ")[2]
    labels = {"annual": T("Hằng năm"), "regular": T("Thường xuyên"),
              "month": T("Tháng {m}", m=rest), "quarter": T("Quý {q}", q=rest),
              "year": T("Năm {y}", y=rest)}
    return labels.get(deadline.kind, Text(deadline.text, deadline.text))


def _date(key: str) -> Deadline | None:
    if not _DATE_LIKE.fullmatch(key):
        return None
    try:
        due = parse_dmy(key)
    except DateProblem as e:
        raise DeadlineError(e.message, e.expected, e.code) from None
    return Deadline("date", short_date(due), due)


def _month(key: str) -> Deadline | None:
    match = _MONTH.fullmatch(key)
    if match is None:
        return None
    month, year = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise DeadlineError(T("tháng không tồn tại"),
                            T("tháng từ 1 đến 12"), "impossible-date")
    text = f"Tháng {month_year(dt.date(year, month, 1))}"
    return Deadline("month", text, last_day_of_month(year, month))


def _quarter(key: str) -> Deadline | None:
    match = _QUARTER.fullmatch(key)
    if match is None:
        return None
    raw, year = match[1].upper(), int(match[2])
    quarter = int(raw) if raw.isdigit() else _ROMAN[raw]
    due = last_day_of_month(year, quarter * 3)
    return Deadline("quarter", f"Quý {_QUARTER_NAMES[quarter]}/{year}", due)


def _year(key: str) -> Deadline | None:
    match = _YEAR.fullmatch(key)
    if match is None:
        return None
    year = int(match[1])
    return Deadline("year", f"Năm {year}", dt.date(year, 12, 31), year, year)


def _period(key: str) -> Deadline | None:
    match = _PERIOD.fullmatch(key)
    if match is None:
        return None
    start, end = int(match[1]), int(match[2])
    if end <= start:
        raise DeadlineError(
            T("giai đoạn có năm kết thúc không sau năm bắt đầu"),
            T("năm đầu nhỏ hơn năm cuối, ví dụ 2024 - 2025"),
            "bad-period")
    return Deadline("period", f"{start} - {end}", dt.date(end, 12, 31), start, end)
