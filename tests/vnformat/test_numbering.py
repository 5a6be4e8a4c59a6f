"""Roman numerals and điểm letters (lsdocs.vnformat.numbering)."""

from __future__ import annotations

import pytest

from lsdocs.vnformat import DIEM_LETTERS, diem_letter, parse_roman, roman

ROMANS = [
    (1, "I"),
    (2, "II"),
    (3, "III"),
    (4, "IV"),
    (5, "V"),
    (9, "IX"),
    (10, "X"),
    (14, "XIV"),
    (40, "XL"),
    (49, "XLIX"),
    (90, "XC"),
    (400, "CD"),
    (900, "CM"),
    (1994, "MCMXCIV"),
    (2026, "MMXXVI"),
    (3999, "MMMCMXCIX"),
]


@pytest.mark.parametrize(("n", "numeral"), ROMANS, ids=[numeral for _, numeral in ROMANS])
def test_roman_and_back(n: int, numeral: str) -> None:
    assert roman(n) == numeral
    assert parse_roman(numeral) == n


def test_every_numeral_reads_back() -> None:
    assert all(parse_roman(roman(n)) == n for n in range(1, 4000))


@pytest.mark.parametrize(
    "n",
    [
        pytest.param(0, id="zero"),
        pytest.param(-1, id="negative"),
        pytest.param(4000, id="4000"),
        pytest.param(2.0, id="float"),
        pytest.param(True, id="bool"),
    ],
)
def test_roman_rejects_out_of_range(n: object) -> None:
    with pytest.raises(ValueError, match="1..3999"):
        roman(n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("IIII", id="four-ones"),
        pytest.param("IC", id="bad-subtraction"),
        pytest.param("VX", id="five-before-ten"),
        pytest.param("iv", id="lower-case"),
        pytest.param("IV.", id="with-dot"),
        pytest.param("MMMM", id="above-3999"),
        pytest.param("A", id="not-roman"),
    ],
)
def test_parse_roman_rejects_non_canonical(text: str) -> None:
    with pytest.raises(ValueError, match="Roman numeral"):
        parse_roman(text)


def test_diem_letters_follow_the_vietnamese_alphabet() -> None:
    assert "".join(DIEM_LETTERS) == "abcdđeghiklmnopqrstuvxy"
    assert not {"f", "j", "w", "z"} & set(DIEM_LETTERS)


@pytest.mark.parametrize(
    ("i", "letter"),
    [(1, "a"), (4, "d"), (5, "đ"), (6, "e"), (7, "g"), (10, "k"), (22, "x"), (23, "y")],
    ids=lambda value: str(value),
)
def test_diem_letter(i: int, letter: str) -> None:
    assert diem_letter(i) == letter


@pytest.mark.parametrize(
    "i",
    [
        pytest.param(0, id="zero"),
        pytest.param(24, id="beyond-y"),
        pytest.param(-1, id="negative"),
        pytest.param(True, id="bool"),
    ],
)
def test_diem_letter_rejects_out_of_range(i: object) -> None:
    with pytest.raises(ValueError, match="điểm"):
        diem_letter(i)  # type: ignore[arg-type]
