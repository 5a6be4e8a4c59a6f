"""Numbers, percentages and money (lsdocs.vnformat.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lsdocs.vnformat import format_money, format_number, format_percent


@pytest.mark.parametrize(
    ("x", "decimals", "text"),
    [
        pytest.param(1234567.5, None, "1.234.567,5", id="dot-groups-comma-decimals"),
        pytest.param(1234567, None, "1.234.567", id="int-has-no-decimals"),
        pytest.param(0, None, "0", id="zero"),
        pytest.param(999, None, "999", id="no-group-below-1000"),
        pytest.param(1000, None, "1.000", id="first-group"),
        pytest.param(-1234.5, None, "-1.234,5", id="negative"),
        pytest.param(0.1, None, "0,1", id="float-shortest-repr"),
        pytest.param(1.23456, None, "1,23456", id="float-not-rounded"),
        pytest.param(12.0, None, "12", id="whole-float"),
        pytest.param(Decimal("2.50"), None, "2,5", id="decimal-trailing-zero-dropped"),
        pytest.param(1234567, 2, "1.234.567,00", id="int-with-fixed-decimals"),
        pytest.param(1.5, 0, "2", id="zero-decimals-rounds-half-up"),
        pytest.param(2.25, 1, "2,3", id="half-up-not-half-even"),
        pytest.param(2.35, 1, "2,4", id="half-up-from-float-repr"),
        pytest.param(98.456, 2, "98,46", id="two-decimals"),
        pytest.param(Decimal("-2.5"), 0, "-3", id="negative-half-away-from-zero"),
    ],
)
def test_format_number(x: float, decimals: int | None, text: str) -> None:
    assert format_number(x, decimals) == text


@pytest.mark.parametrize(
    ("x", "decimals"),
    [
        pytest.param("12", None, id="string"),
        pytest.param(True, None, id="bool"),
        pytest.param(float("nan"), None, id="nan"),
        pytest.param(float("inf"), None, id="infinity"),
        pytest.param(1.5, -1, id="negative-decimals"),
        pytest.param(1.5, 1.0, id="float-decimals"),
    ],
)
def test_format_number_rejects(x: object, decimals: object) -> None:
    with pytest.raises(ValueError):
        format_number(x, decimals)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        pytest.param(12.5, None, "12,5%", id="keeps-the-half"),
        pytest.param(50, None, "50%", id="whole"),
        pytest.param(98.5, None, "98,5%", id="decimal-comma"),
        pytest.param(100, None, "100%", id="hundred"),
        pytest.param(0, None, "0%", id="zero"),
        pytest.param(12.5, 0, "13%", id="zero-decimals-half-up"),
        pytest.param(98.456, 1, "98,5%", id="one-decimal"),
        pytest.param(1500, None, "1.500%", id="grouped"),
    ],
)
def test_format_percent_has_no_space_before_the_sign(
    value: float, decimals: int | None, text: str
) -> None:
    assert format_percent(value, decimals) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        pytest.param(1234567, "1.234.567 đồng", id="grouped"),
        pytest.param(1_000_000, "1.000.000 đồng", id="one-million"),
        pytest.param(0, "0 đồng", id="zero"),
        pytest.param(-500, "-500 đồng", id="negative"),
    ],
)
def test_format_money(amount: int, text: str) -> None:
    assert format_money(amount) == text


@pytest.mark.parametrize(
    "amount",
    [
        pytest.param(1000.0, id="float"),
        pytest.param(Decimal("1000"), id="decimal"),
        pytest.param(True, id="bool"),
        pytest.param("1000", id="string"),
    ],
)
def test_format_money_rejects_non_integers(amount: object) -> None:
    with pytest.raises(ValueError, match="fractional"):
        format_money(amount)  # type: ignore[arg-type]
