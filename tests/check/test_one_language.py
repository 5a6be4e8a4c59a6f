"""Every fault the checker knows, reported in English, reads in English only.

A clerk reading ``lsdocs check --lang en`` sees Vietnamese only where it quotes the document
(«CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM», a paragraph's first words) or names the decree's
form; every word of lsdocs' own is English.  The same report in Vietnamese shows no English.
"""

from __future__ import annotations

import json
import re

import pytest
from nd30_builder import mutate
from nd30_variants import CASES, Case

from lsdocs.check import check_bytes
from lsdocs.check.report_output import format_report
from tests.language import vietnamese_words

#: English words lsdocs' own reports use, which a Vietnamese report must not show
ENGLISH = re.compile(r"\b(the|is|not|expected|error|warning|section|paragraph|table|missing|"
                     r"found|wrong|line|page|rule|must)\b")


@pytest.fixture(scope="module")
def bases(good_plan: bytes, good_cong_van: bytes) -> dict[str, bytes]:
    return {"plan": good_plan, "cong_van": good_cong_van}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_report_speaks_one_language(case: Case, bases: dict[str, bytes]) -> None:
    report = check_bytes(mutate(bases[case.base], case.change), f"{case.id}.docx")
    assert report.findings, case.id
    english = format_report(report, "en")
    assert not vietnamese_words(english), english
    assert not vietnamese_words(json.dumps(report.to_dict("en"), ensure_ascii=False)), case.id
    for problem in report.problems():
        assert not vietnamese_words(problem.format("en")), problem.format("en")
    vietnamese = format_report(report, "vi")
    lsdocs_words = re.sub(r"«[^«»]*»|\S+\.docx", "", vietnamese)  # quotes and file names
    assert not ENGLISH.search(lsdocs_words), vietnamese
