"""Dates as Decree 30 writes them (lsdocs.vnformat.dates)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from lsdocs import vnformat
from lsdocs.vnformat import date_line, long_date, month_year, parse_vn_date, short_date

BLANK = " " * 6


@pytest.mark.parametrize(
    ("d", "text"),
    [
        pytest.param(date(2023, 9, 6), "ngày 06 tháng 9 năm 2023", id="day-below-10-padded"),
        pytest.param(date(2020, 1, 13), "ngày 13 tháng 01 năm 2020", id="january-padded"),
        pytest.param(date(2024, 2, 29), "ngày 29 tháng 02 năm 2024", id="february-padded"),
        pytest.param(date(2020, 3, 5), "ngày 05 tháng 3 năm 2020", id="march-not-padded"),
        pytest.param(date(2025, 10, 1), "ngày 01 tháng 10 năm 2025", id="october"),
        pytest.param(date(2025, 12, 31), "ngày 31 tháng 12 năm 2025", id="december"),
    ],
)
def test_long_date(d: date, text: str) -> None:
    assert long_date(d) == text


@pytest.mark.parametrize(
    ("place", "d", "year", "line"),
    [
        pytest.param(
            "Lạng Sơn", date(2023, 9, 6), None, "Lạng Sơn, ngày 06 tháng 9 năm 2023", id="issued"
        ),
        pytest.param(
            "Hà Nội",
            date(2020, 1, 5),
            None,
            "Hà Nội, ngày 05 tháng 01 năm 2020",
            id="decree-example",
        ),
        pytest.param(
            "Lạng Sơn",
            None,
            2026,
            f"Lạng Sơn, ngày{BLANK}tháng{BLANK}năm 2026",
            id="draft-with-year",
        ),
        pytest.param(
            "Lạng Sơn", None, None, f"Lạng Sơn, ngày{BLANK}tháng{BLANK}năm{BLANK}", id="draft-blank"
        ),
        pytest.param(
            unicodedata.normalize("NFD", " Lạng Sơn "),
            date(2023, 9, 6),
            None,
            "Lạng Sơn, ngày 06 tháng 9 năm 2023",
            id="nfd-place-with-spaces",
        ),
    ],
)
def test_date_line(place: str, d: date | None, year: int | None, line: str) -> None:
    assert date_line(place, d, year=year) == line


def test_date_line_draft_matches_the_documented_placeholder() -> None:
    assert date_line("Lạng Sơn", None, year=2026) == "Lạng Sơn, ngày      tháng      năm 2026"


@pytest.mark.parametrize("place", [pytest.param("", id="empty"), pytest.param("  ", id="spaces")])
def test_date_line_needs_a_place(place: str) -> None:
    with pytest.raises(ValueError, match="place"):
        date_line(place, date(2023, 9, 6))


@pytest.mark.parametrize(
    ("d", "short", "month"),
    [
        pytest.param(date(2023, 9, 6), "06/9/2023", "9/2023", id="september"),
        pytest.param(date(2022, 1, 11), "11/01/2022", "01/2022", id="january"),
        pytest.param(date(2024, 2, 1), "01/02/2024", "02/2024", id="february"),
        pytest.param(date(2025, 7, 21), "21/7/2025", "7/2025", id="july"),
        pytest.param(date(2025, 12, 31), "31/12/2025", "12/2025", id="december"),
    ],
)
def test_short_date_and_month_year(d: date, short: str, month: str) -> None:
    assert short_date(d) == short
    assert month_year(d) == month


@pytest.mark.parametrize(
    ("text", "d"),
    [
        pytest.param("06/9/2023", date(2023, 9, 6), id="decree-form"),
        pytest.param("6/9/2023", date(2023, 9, 6), id="no-padding"),
        pytest.param("06/09/2023", date(2023, 9, 6), id="all-padded"),
        pytest.param("2023-09-06", date(2023, 9, 6), id="iso"),
        pytest.param(" 11/01/2022 ", date(2022, 1, 11), id="surrounding-spaces"),
        pytest.param("29/02/2024", date(2024, 2, 29), id="leap-day"),
        pytest.param("ngày 06 tháng 9 năm 2023", date(2023, 9, 6), id="long-form"),
        pytest.param(
            unicodedata.normalize("NFD", "ngày 13 tháng 01 năm 2020"),
            date(2020, 1, 13),
            id="long-form-nfd",
        ),
    ],
)
def test_parse_vn_date(text: str, d: date) -> None:
    assert parse_vn_date(text) == d


@pytest.mark.parametrize(
    "d", [date(2023, 9, 6), date(2022, 1, 11), date(2024, 2, 29), date(2025, 12, 31)]
)
def test_parse_reads_back_what_the_formatters_write(d: date) -> None:
    assert parse_vn_date(short_date(d)) == d
    assert parse_vn_date(long_date(d)) == d


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("31/02/2024", "not a real date", id="february-31"),
        pytest.param("29/02/2023", "not a real date", id="not-a-leap-year"),
        pytest.param("31/13/2025", "not a real date", id="month-13"),
        pytest.param("00/01/2025", "not a real date", id="day-0"),
        pytest.param("2023/09/06", "not a date in the form", id="year-first-with-slashes"),
        pytest.param("06-09-2023", "not a date in the form", id="dashes-day-first"),
        pytest.param("6/9/23", "not a date in the form", id="two-digit-year"),
        pytest.param("2023-9-6", "not a date in the form", id="iso-unpadded"),
        pytest.param("06/9/2023 xyz", "not a date in the form", id="trailing-text"),
        pytest.param("", "not a date in the form", id="empty"),
        pytest.param("٠٦/٩/٢٠٢٣", "not a date in the form", id="non-ascii-digits"),
    ],
)
def test_parse_vn_date_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_vn_date(text)


def test_parse_vn_date_rejects_non_text() -> None:
    with pytest.raises(ValueError, match="as text"):
        parse_vn_date(date(2023, 9, 6))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "month", "expected"),
    [(15, 12, "15/12"), (5, 1, "05/01"), (1, 2, "01/02"), (25, 3, "25/3"), (9, 10, "09/10")],
)
def test_day_month_pads_day_and_months_one_and_two(day, month, expected):
    assert vnformat.day_month(day, month) == expected


@pytest.mark.parametrize(("day", "month"), [(0, 5), (32, 1), (10, 13), (10, 0)])
def test_day_month_rejects_impossible_values(day, month):
    with pytest.raises(ValueError):
        vnformat.day_month(day, month)
