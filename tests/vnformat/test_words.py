"""Formal Vietnamese reading of numbers (lsdocs.vnformat.words)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lsdocs.vnformat import money_in_words, number_to_words

FORMAL_READINGS = [
    # small numbers and the special units after a ten
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (7, "bảy"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (41, "bốn mươi mốt"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    # hundreds: a zero ten reads "linh"
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (999, "chín trăm chín mươi chín"),
    # a group after a higher group reads its hundreds, "không trăm" when below 100
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1100, "một nghìn một trăm"),
    (2021, "hai nghìn không trăm hai mươi mốt"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (100_000, "một trăm nghìn"),
    (100_010, "một trăm nghìn không trăm mười"),
    # a group of zeros in the middle is skipped with its scale word
    (1_000_000, "một triệu"),
    (1_000_001, "một triệu không trăm linh một"),
    (1_000_100, "một triệu một trăm"),
    (1_001_000, "một triệu không trăm linh một nghìn"),
    (1_050_000, "một triệu không trăm năm mươi nghìn"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_005_000_000, "một tỷ không trăm linh năm triệu"),
    (1_000_010_000, "một tỷ không trăm mười nghìn"),
    # above a billion the scales repeat
    (1_000_000_000_000, "một nghìn tỷ"),
    (1_000_000_000_005, "một nghìn tỷ không trăm linh năm"),
    (
        999_999_999_999,
        "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu "
        "chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
    ),
    (10**15, "một triệu tỷ"),
    # negatives
    (-1, "âm một"),
    (-25, "âm hai mươi lăm"),
]


@pytest.mark.parametrize(("n", "words"), FORMAL_READINGS, ids=[str(n) for n, _ in FORMAL_READINGS])
def test_number_reads_in_the_formal_convention(n: int, words: str) -> None:
    assert number_to_words(n) == words


# lessons-from-peers.md §3.3: the vn-numberwords column is the correct one
PEER_TABLE = [
    (101, "một trăm linh một"),
    (1001, "một nghìn không trăm linh một"),
    (2021, "hai nghìn không trăm hai mươi mốt"),
    (1_050_000, "một triệu không trăm năm mươi nghìn"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
]


@pytest.mark.parametrize(("n", "words"), PEER_TABLE, ids=[str(n) for n, _ in PEER_TABLE])
def test_reading_matches_the_correct_column_of_the_peer_comparison(n: int, words: str) -> None:
    assert number_to_words(n) == words


@pytest.mark.parametrize(
    ("n", "options", "words"),
    [
        pytest.param(24, {"four": "bốn"}, "hai mươi bốn", id="four-bon-after-muoi"),
        pytest.param(4, {"four": "tư"}, "bốn", id="four-alone-is-always-bon"),
        pytest.param(14, {"four": "tư"}, "mười bốn", id="fourteen-is-always-muoi-bon"),
        pytest.param(104, {"four": "tư"}, "một trăm linh bốn", id="four-after-linh-is-bon"),
        pytest.param(101, {"zero_hundred": "lẻ"}, "một trăm lẻ một", id="zero-ten-as-le"),
        pytest.param(1001, {"zero_hundred": "lẻ"}, "một nghìn không trăm lẻ một", id="le-in-group"),
    ],
)
def test_reading_options(n: int, options: dict[str, str], words: str) -> None:
    assert number_to_words(n, **options) == words


@pytest.mark.parametrize(
    ("n", "options"),
    [
        pytest.param(1.5, {}, id="float"),
        pytest.param(Decimal("10"), {}, id="decimal"),
        pytest.param("10", {}, id="string"),
        pytest.param(True, {}, id="bool"),
        pytest.param(24, {"four": "four"}, id="unknown-four"),
        pytest.param(101, {"zero_hundred": "lẽ"}, id="misspelt-le"),
    ],
)
def test_number_to_words_rejects(n: object, options: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        number_to_words(n, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (1_000_000, "Một triệu đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (1_005_000_000, "Một tỷ không trăm linh năm triệu đồng"),
        (2_500_000_000, "Hai tỷ năm trăm triệu đồng"),
        (-15_000, "Âm mười lăm nghìn đồng"),
    ],
    ids=["zero", "one-million", "1050000", "1005000000", "two-and-a-half-billion", "negative"],
)
def test_money_in_words_is_sentence_case_and_ends_in_dong(amount: int, words: str) -> None:
    assert money_in_words(amount) == words


@pytest.mark.parametrize(
    "amount",
    [
        pytest.param(1000.0, id="float"),
        pytest.param(Decimal("1000"), id="decimal"),
        pytest.param(True, id="bool"),
    ],
)
def test_money_in_words_rejects_non_integers(amount: object) -> None:
    with pytest.raises(ValueError, match="fractional"):
        money_in_words(amount)  # type: ignore[arg-type]
