"""``--fix`` on faults an earlier version left alone, and truthful fix reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from nd30_builder import mutate
from nd30_variants import _replace, para

from lsdocs.check import fix_document
from lsdocs.check.fix import FixReport
from lsdocs.check.report_output import fix_dict, format_fix


def _page_size_11(d: object) -> None:
    for run in d.sections[0].header.paragraphs[0].runs:
        run.font.size = Pt(11)


def _numbering(**attrs: str) -> object:
    def change(d: object) -> None:
        numbering = OxmlElement("w:pgNumType")
        for name, value in attrs.items():
            numbering.set(qn(f"w:{name}"), value)
        d.sections[0]._sectPr.append(numbering)
    return change


CHANGES = {
    "tieu-ngu-hyphens-no-spaces": ("R11", _replace("Độc lập", " - ", "-")),
    "tieu-ngu-en-dash-no-spaces": ("R11", _replace("Độc lập", " - ", "–")),
    "page-number-11pt": ("R37", _page_size_11),
    "page-format-lower-roman": ("R37", _numbering(fmt="lowerRoman")),
    "first-page-start-3": ("R37", _numbering(start="3")),
}


def _fix(good_plan: bytes, change: object, tmp_path: Path) -> FixReport:
    src, out = tmp_path / "in.docx", tmp_path / "out.docx"
    src.write_bytes(mutate(good_plan, change))
    return fix_document(src, out)


@pytest.mark.parametrize("name", list(CHANGES))
def test_fix_repairs_the_fault(name: str, good_plan: bytes, tmp_path: Path) -> None:
    rule, change = CHANGES[name]
    report = _fix(good_plan, change, tmp_path)
    assert report.before is not None and rule in report.before.rules()
    assert any(a.rule == rule for a in report.actions)
    assert report.after is not None and report.after.findings == [], [
        (f.rule, f.sentence()) for f in report.after.findings]
    assert "một phần" not in format_fix(report)


def test_fix_report_says_partly_when_faults_of_the_rule_remain(good_plan: bytes,
                                                               tmp_path: Path) -> None:
    def fonts(d: object) -> None:
        para(d, "b) Bảo đảm").runs[0].font.name = ".VnTime"  # legacy: not auto-fixable
        para(d, "a) Nâng cao").runs[0].font.name = "Arial"

    report = _fix(good_plan, fonts, tmp_path)
    assert report.after is not None and "R07" in report.after.rules()
    text = format_fix(report)
    assert "đã sửa một phần R07" in text and "đã sửa R07" not in text
    assert all(not f["complete"] for f in fix_dict(report)["fixes"] if f["rule"] == "R07")
