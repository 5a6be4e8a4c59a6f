"""R49: the number Word draws for an auto-numbered paragraph (numbering.xml level rPr over
the paragraph mark's rPr) must show, in black Times New Roman at the text's size.

Each document is the good plan with one paragraph numbered by a new Word list whose level
(or paragraph mark) carries exactly one fault; saved and reopened as a real .docx."""

from __future__ import annotations

import pytest
from nd30_builder import mutate
from nd30_variants import numbered

from lsdocs.check import check_bytes

WHERE = "«Các sở, ban"

FAULTS = {
    "white": (numbered('<w:color w:val="FFFFFF"/>'), "màu trắng", "FFFFFF"),
    "white-theme": (numbered('<w:color w:val="FFFFFF" w:themeColor="background1"/>'),
                    "màu trắng", "background1"),
    "hidden": (numbered("<w:vanish/>"), "bị ẩn", "số ẩn"),
    "red": (numbered('<w:color w:val="C00000"/>'), "không phải màu đen", "C00000"),
    "arial": (numbered('<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'),
              "không phải Times New Roman", "Arial (đặt ở mức đánh số"),
    "theme-font": (numbered('<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/>'),
                   "không phải Times New Roman", "majorHAnsi"),
    "small": (numbered('<w:sz w:val="20"/>'), "khác cỡ chữ", "số 10 pt, chữ 14 pt"),
    # the level says nothing: the number takes the paragraph mark's white
    "white-mark": (numbered("", mark_rpr='<w:color w:val="FFFFFF"/>'), "màu trắng", "FFFFFF"),
}


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_a_badly_styled_auto_number_is_one_r49_warning(name: str, good_plan: bytes) -> None:
    change, message, found = FAULTS[name]
    report = check_bytes(mutate(good_plan, change), f"{name}.docx")
    [hit] = [f for f in report.findings if f.rule == "R49"]
    assert (hit.severity, hit.count) == ("warning", 1)
    assert WHERE in hit.location.vi and message in hit.message.vi, hit.sentence()
    assert found in hit.found.vi, hit.found.vi
    assert hit.message.en != hit.message.vi  # the English is in the catalogue
    assert [f.rule for f in report.findings if f.is_error] == []


@pytest.mark.parametrize("change", [
    numbered(""),  # plain: black Times New Roman from the paragraph
    numbered('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
             '<w:color w:val="000000"/><w:b/>'),
    # the level's black wins over a white paragraph mark
    numbered('<w:color w:val="000000"/>', mark_rpr='<w:color w:val="FFFFFF"/>'),
    # a bullet in Symbol is not a number
    numbered('<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>', fmt="bullet"),
], ids=["plain", "explicit-tnr-bold", "level-black-over-white-mark", "symbol-bullet"])
def test_a_visible_times_new_roman_number_is_not_reported(change: object,
                                                          good_plan: bytes) -> None:
    report = check_bytes(mutate(good_plan, change), "ok.docx")
    assert [f.rule for f in report.findings] == ["R44"]  # only: numbered by Word
