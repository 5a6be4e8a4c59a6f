"""Faults an independent red team found the checker missed: each broken copy of a
known-good document is reported with the rule, severity and location."""

from __future__ import annotations

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from nd30_builder import mutate, write
from nd30_variants import Case, _replace, _run_font, cell, para, remove, set_text

from lsdocs.check import check_bytes


def _no_appendix_label(d: object) -> None:
    remove(para(d, "Phụ lục"))


def _appendix_title_lower(d: object) -> None:
    p = para(d, "DANH MỤC NHIỆM VỤ")
    set_text(p, "Danh mục nhiệm vụ triển khai chuyển đổi số năm 2024")


def _cong_van_title(d: object) -> None:
    kinh_gui = para(d, "Kính gửi")
    title = write(d.add_paragraph(), "CÔNG VĂN", 14, "center", bold=True, before=120)
    kinh_gui._p.addprevious(title._p)


def _no_agency_rule(d: object) -> None:
    remove(cell(d, 0, 0).paragraphs[2])


def _agency_rule_between_lines(d: object) -> None:
    paras = cell(d, 0, 0).paragraphs
    paras[1]._p.addprevious(paras[2]._p)


def _roman_page_switch(d: object) -> None:
    for instr in d.sections[0].header._element.iter(qn("w:instrText")):
        instr.text = " PAGE \\* ROMAN "


def _start_at_3(d: object) -> None:
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "3")
    d.sections[0]._sectPr.append(numbering)


def _gutter(d: object) -> None:
    for sect in d.sections:
        sect.gutter = Mm(10)


def _mirror(d: object) -> None:
    d.settings.element.append(OxmlElement("w:mirrorMargins"))


def _landscape(d: object) -> None:
    sect = d.sections[0]
    sect.page_width, sect.page_height = sect.page_height, sect.page_width


CASES = [
    Case("R02-landscape-main-layout-tables-only", "cong_van", _landscape, "R02", "warning",
         "mục 1"),
    Case("R37-page-roman-switch", "plan", _roman_page_switch, "R37", "error", "đầu trang"),
    Case("R37-first-start-3", "plan", _start_at_3, "R37", "error", "mục 1"),
    Case("R05-gutter", "plan", _gutter, "R05", "error", "mục 1"),
    Case("R05-mirror-margins", "plan", _mirror, "R05", "error", "mục 1", also=("R06",)),
    Case("R06-mirror-margins", "plan", _mirror, "R06", "error", "mục 1", also=("R05",)),
    Case("R13-no-agency-rule", "plan", _no_agency_rule, "R13", "error", "«TỈNH LẠNG SƠN»"),
    Case("R13-rule-between-name-lines", "plan", _agency_rule_between_lines, "R13", "error",
         "«TỈNH LẠNG SƠN»", also=("R14",)),
    Case("R18-hanoi-for-lang-son-agency", "plan", _replace("Lạng Sơn, ngày", "Lạng Sơn", "Hà Nội"),
         "R18", "error", "«Hà Nội, ngày"),
    Case("R13-agency-italic", "plan", _run_font("TỈNH LẠNG SƠN", italic=True), "R13", "error",
         "«TỈNH LẠNG SƠN»"),
    Case("R22-vv-italic", "cong_van", _run_font("V/v", italic=True), "R22", "error", "«V/v"),
    Case("R23-kinh-gui-italic", "cong_van", _run_font("Kính gửi", italic=True), "R23", "error",
         "«Kính gửi"),
    Case("R26-body-italic", "plan", _run_font("b) Bảo đảm", italic=True), "R26", "error",
         "«b) Bảo đảm"),
    Case("R22-cong-van-title", "cong_van", _cong_van_title, "R22", "error", "«CÔNG VĂN»"),
    Case("R16-005", "plan", _replace("Số:", "182/", "005/"), "R16", "error", "«Số: 005",
         also=("R45",)),
    Case("R16-012", "plan", _replace("Số:", "182/", "012/"), "R16", "error", "«Số: 012",
         also=("R45",)),
    Case("R17-cong-van-type-code", "cong_van", _replace("Số:", "/UBND", "/CV-UBND"), "R17",
         "error", "«Số: 1234/CV-UBND"),
    Case("R39-no-label", "plan", _no_appendix_label, "R39", "error", "«DANH MỤC NHIỆM VỤ"),
    Case("R39-title-lower", "plan", _appendix_title_lower, "R39", "error", "«Danh mục"),
]


@pytest.fixture(scope="module")
def bases(good_plan: bytes, good_cong_van: bytes) -> dict[str, bytes]:
    return {"plan": good_plan, "cong_van": good_cong_van}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_missed_fault_is_reported(case: Case, bases: dict[str, bytes]) -> None:
    report = check_bytes(mutate(bases[case.base], case.change), f"{case.id}.docx")
    hits = [f for f in report.findings if f.rule == case.rule]
    assert hits, f"{case.rule} not reported; got {[f.rule for f in report.findings]}"
    assert any(f.severity == case.severity for f in hits)
    assert any(case.where in f.location.vi for f in hits), [f.location.vi for f in hits]
    unexpected = {f.rule for f in report.errors} - {case.rule, *case.also}
    assert not unexpected, [(f.rule, f.location.vi, f.sentence()) for f in report.errors
                            if f.rule in unexpected]
    assert not any("thiếu dòng «(Kèm theo" in f.message.vi for f in report.findings)


def test_body_paragraph_numbers_count_within_the_named_section(good_plan: bytes) -> None:
    from nd30_variants import CASES as RULE_CASES

    change = next(c for c in RULE_CASES if c.id == "R39-label-not-bold").change
    report = check_bytes(mutate(good_plan, change), "x.docx")
    places = [f.location.vi for f in report.findings if f.rule == "R39"]
    assert any(p.startswith("mục 2 (trang ngang), đoạn 1 «Phụ lục") for p in places), places


@pytest.mark.parametrize(("tag", "rules"), [("w:pgSz", ["R01"]),
                                            ("w:pgMar", ["R03", "R04", "R05", "R06"])])
def test_undeclared_page_size_or_margins_is_one_clear_finding_per_rule(
        good_plan: bytes, tag: str, rules: list[str]) -> None:
    def strip(d: object) -> None:
        for sect in d.sections:
            sect._sectPr.remove(sect._sectPr.find(qn(tag)))

    report = check_bytes(mutate(good_plan, strip), "x.docx")
    assert sorted(f.rule for f in report.findings) == rules, [
        (f.rule, f.sentence()) for f in report.findings]
    assert all(tag in f.sentence() and "mục 1, 2" in f.sentence() for f in report.findings)
