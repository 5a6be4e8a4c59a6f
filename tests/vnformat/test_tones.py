"""Tone-mark placement (lsdocs.vnformat.tones)."""

from __future__ import annotations

import unicodedata

import pytest

from lsdocs.vnformat import hoa_key, normalise_tone_placement

OLD_AND_NEW = [
    ("hoà", "hòa"),
    ("hoá", "hóa"),
    ("hoả", "hỏa"),
    ("hoã", "hõa"),
    ("hoạ", "họa"),
    ("uỷ", "ủy"),
    ("thuý", "thúy"),
    ("tuỳ", "tùy"),
    ("luỹ", "lũy"),
    ("truỵ", "trụy"),
    ("khoẻ", "khỏe"),
    ("HOÀ", "HÒA"),
    ("Hoà", "Hòa"),
    ("UỶ", "ỦY"),
    ("Uỷ", "Ủy"),
]


@pytest.mark.parametrize(("old", "new"), OLD_AND_NEW, ids=[old for old, _ in OLD_AND_NEW])
def test_normalise_moves_the_tone_to_the_first_vowel(old: str, new: str) -> None:
    assert normalise_tone_placement(old) == new


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("hòa", id="already-new"),
        pytest.param("hoàn", id="closed-syllable"),
        pytest.param("hoàng", id="closed-syllable-ng"),
        pytest.param("xoài", id="vowel-after-pair"),
        pytest.param("khuỷu", id="vowel-after-uy"),
        pytest.param("huỳnh", id="consonant-after-uy"),
        pytest.param("quý", id="qu-is-a-consonant"),
        pytest.param("QUỲ", id="qu-upper"),
        pytest.param("thuế", id="ue-with-circumflex"),
        pytest.param("Lạng Sơn", id="unrelated"),
    ],
)
def test_normalise_leaves_syllables_that_have_one_spelling(word: str) -> None:
    assert normalise_tone_placement(word) == word


def test_normalise_works_in_running_text_and_on_nfd_input() -> None:
    text = unicodedata.normalize("NFD", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM; Uỷ ban.")
    assert normalise_tone_placement(text) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; Ủy ban."


@pytest.mark.parametrize(("old", "new"), OLD_AND_NEW, ids=[old for old, _ in OLD_AND_NEW])
def test_hoa_key_treats_both_placements_as_equal(old: str, new: str) -> None:
    assert hoa_key(old) == hoa_key(new) == hoa_key(new.upper())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("CỘNG HOÀ", "cộng hòa", id="case-and-placement"),
        pytest.param(unicodedata.normalize("NFD", "Ủy ban"), "UỶ BAN", id="nfd"),
    ],
)
def test_hoa_key_equal(a: str, b: str) -> None:
    assert hoa_key(a) == hoa_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("hòa", "hoa", id="tone-matters"),
        pytest.param("hoàn", "hòan", id="closed-syllable-is-not-folded"),
        pytest.param("quý", "qúy", id="qu-is-not-folded"),
    ],
)
def test_hoa_key_different(a: str, b: str) -> None:
    assert hoa_key(a) != hoa_key(b)
