"""parse_deadline: every written form, its display text and its due date."""

from __future__ import annotations

import datetime as dt

import pytest

from lsdocs.content import parse_deadline
from lsdocs.content.deadlines import DeadlineError


@pytest.mark.parametrize("written, kind, text, due", [
    ("hằng năm", "annual", "Hằng năm", None),
    ("Hằng năm", "annual", "Hằng năm", None),
    ("hàng năm", "annual", "Hằng năm", None),
    ("thường xuyên", "regular", "Thường xuyên", None),
    ("31/12/2024", "date", "31/12/2024", dt.date(2024, 12, 31)),
    ("06/09/2023", "date", "06/9/2023", dt.date(2023, 9, 6)),
    ("5/1/2025", "date", "05/01/2025", dt.date(2025, 1, 5)),
    ("29/02/2024", "date", "29/02/2024", dt.date(2024, 2, 29)),
    ("tháng 12/2024", "month", "Tháng 12/2024", dt.date(2024, 12, 31)),
    ("Tháng 2/2024", "month", "Tháng 02/2024", dt.date(2024, 2, 29)),
    ("tháng 6/2025", "month", "Tháng 6/2025", dt.date(2025, 6, 30)),
    ("quý IV/2024", "quarter", "Quý IV/2024", dt.date(2024, 12, 31)),
    ("Quý I/2025", "quarter", "Quý I/2025", dt.date(2025, 3, 31)),
    ("quý 3/2025", "quarter", "Quý III/2025", dt.date(2025, 9, 30)),
    ("năm 2024", "year", "Năm 2024", dt.date(2024, 12, 31)),
    ("2024 - 2025", "period", "2024 - 2025", dt.date(2025, 12, 31)),
    ("2024-2030", "period", "2024 - 2030", dt.date(2030, 12, 31)),
    ("2024 – 2030", "period", "2024 - 2030", dt.date(2030, 12, 31)),
    ("  quý   II/2024 ", "quarter", "Quý II/2024", dt.date(2024, 6, 30)),
])
def test_forms(written: str, kind: str, text: str, due: dt.date | None) -> None:
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.text, deadline.due) == (kind, text, due)


def test_years_of_a_period_and_a_year() -> None:
    period = parse_deadline("2024 - 2025")
    assert (period.start_year, period.end_year) == (2024, 2025)
    year = parse_deadline("năm 2026")
    assert (year.start_year, year.end_year) == (2026, 2026)


@pytest.mark.parametrize("written, code, message", [
    ("31/02/2024", "impossible-date", "ngày không tồn tại"),
    ("29/02/2023", "impossible-date", "ngày không tồn tại"),
    ("tháng 13/2024", "impossible-date", "tháng không tồn tại"),
    ("2025 - 2024", "bad-period", "giai đoạn có năm kết thúc không sau năm bắt đầu"),
    ("2024 - 2024", "bad-period", "giai đoạn có năm kết thúc không sau năm bắt đầu"),
    ("quý V/2024", "bad-deadline", "thời hạn không đúng dạng"),
    ("cuối năm", "bad-deadline", "thời hạn không đúng dạng"),
    ("2024", "bad-deadline", "thời hạn không đúng dạng"),
    ("", "bad-deadline", "thời hạn không đúng dạng"),
])
def test_errors(written: str, code: str, message: str) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline(written)
    assert (caught.value.code, caught.value.message.vi) == (code, message)
