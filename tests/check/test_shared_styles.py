"""Documents made from one template share their resolved style sheet within a process
(lsdocs.check.styles.shared_sheet): the findings must be those of a fresh sheet."""

from __future__ import annotations

import pytest
from nd30_builder import mutate
from nd30_variants import CASES

from lsdocs.check import check_bytes, styles


def _change(case_id: str) -> object:
    return next(c for c in CASES if c.id == case_id).change


@pytest.mark.parametrize("case_id", ["R07-arial", "R07-theme-font", "R26-size-12"])
def test_a_shared_sheet_gives_the_findings_of_a_fresh_one(good_plan: bytes,
                                                          case_id: str) -> None:
    broken = mutate(good_plan, _change(case_id))
    styles.shared_sheet.cache_clear()
    alone = check_bytes(broken, "x.docx").to_dict("en")
    check_bytes(good_plan, "good.docx")  # fills the sheets shared with the broken file
    after = check_bytes(broken, "x.docx").to_dict("en")
    assert alone["findings"], case_id
    assert after == alone


def test_a_bounded_sheet_gives_the_same_findings(long_plan: bytes,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    broken = mutate(long_plan, _change("R26-size-12"))
    styles.shared_sheet.cache_clear()
    expected = check_bytes(broken, "x.docx").to_dict("vi")
    monkeypatch.setattr(styles, "MAX_KEPT", 2)
    styles.shared_sheet.cache_clear()
    assert check_bytes(broken, "x.docx").to_dict("vi") == expected
    styles.shared_sheet.cache_clear()
