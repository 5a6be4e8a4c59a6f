"""Issue 10 cases that had no single-fault regression test of their own (the others are in
test_valid_forms.py, test_missed_rules.py, test_real_documents.py and test_render.py):
each changes one known-good document, or builds one small real .docx."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from nd30_builder import CENTER, build_phu_luc, mutate, write
from nd30_variants import cell, para, remove, set_text

from lsdocs.check import check_bytes
from lsdocs.check.text_keys import QUOC_HIEU, TIEU_NGU
from lsdocs.fonts import text_width


def _underscore_rule(superscript: bool) -> object:
    """The Tiêu ngữ rule typed as underscores, as the decree's own sample does: in
    superscript they print at ~58 % of their width, as long as the Tiêu ngữ."""

    def change(d: object) -> None:
        rule_para = cell(d, 0, 1).paragraphs[2]
        ppr = rule_para._p.get_or_add_pPr()  # type: ignore[attr-defined]
        for border in ppr.findall(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"):
            ppr.remove(border)
        rule_para.paragraph_format.left_indent = 0  # type: ignore[attr-defined]
        rule_para.paragraph_format.right_indent = 0  # type: ignore[attr-defined]
        target = text_width(TIEU_NGU, 28, True)
        count = round(target / (text_width("_", 28) * 0.58))
        write(rule_para, "_" * count, 14, CENTER)  # type: ignore[arg-type]
        rule_para.runs[-1].font.superscript = superscript  # type: ignore[attr-defined]

    return change


def test_superscript_underscore_rule_is_measured_as_printed(good_plan: bytes) -> None:
    assert "R12" not in check_bytes(mutate(good_plan, _underscore_rule(True))).rules()
    # the same underscores at full size are far longer than the Tiêu ngữ
    assert "R12" in check_bytes(mutate(good_plan, _underscore_rule(False))).rules()


def test_kem_theo_line_split_over_two_paragraphs_is_one_reference(good_plan: bytes) -> None:
    def split(d: object) -> None:
        reference = para(d, "(Kèm theo")
        text = reference.text  # type: ignore[attr-defined]
        cut = text.index(" của ")
        set_text(reference, text[:cut])
        second = reference.insert_paragraph_before("")  # type: ignore[attr-defined]
        reference._p.addnext(second._p)  # type: ignore[attr-defined]
        write(second, text[cut + 1:], 14, CENTER, italic=True)
    report = check_bytes(mutate(good_plan, split))
    assert not {"R39", "R45"} & report.rules(), [f.sentence() for f in report.findings]


def test_a_separate_appendix_file_may_be_phu_luc_iii() -> None:
    """An appendix issued as its own file (the decree's Phụ lục III) keeps its numeral."""
    data = mutate(build_phu_luc(), lambda d: set_text(para(d, "Phụ lục"), "Phụ lục III"))
    report = check_bytes(data)
    assert (report.kind, report.findings) == ("phu-luc", [])


def test_a_single_appendix_of_a_plan_numbered_iii_is_reported(good_plan: bytes) -> None:
    data = mutate(good_plan, lambda d: set_text(para(d, "Phụ lục"), "Phụ lục III"))
    [finding] = [f for f in check_bytes(data).findings if f.rule == "R39"]
    assert finding.expected is not None and "Phụ lục I»" in finding.expected.vi


def test_a_missing_appendix_label_is_still_reported(good_plan: bytes) -> None:
    """The counterpart of the two above: the check still fails when the label is gone."""
    data = mutate(good_plan, lambda d: remove(para(d, "Phụ lục")))
    assert "R39" in check_bytes(data).rules()


def _saved(document: object) -> bytes:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def test_business_statement_is_out_of_scope() -> None:
    document = docx.Document()
    for text in ("CÔNG TY CỔ PHẦN XÂY DỰNG MINH ANH", QUOC_HIEU, TIEU_NGU,
                 "BÁO CÁO TÀI CHÍNH NĂM 2024", "Kính gửi: Cục Thuế tỉnh Lâm Đồng"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    report = check_bytes(_saved(document))
    assert report.scope is not None and report.scope.category == "doanh-nghiep"
    assert (report.in_scope, report.findings) == (False, [])


def test_plain_python_docx_file_gives_one_finding_per_fault_not_per_paragraph() -> None:
    """A default python-docx file (theme font Cambria, 11 pt, left aligned, no indent) with
    a dozen body paragraphs: each fault of every paragraph is one finding with its count."""
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    for n in range(12):
        document.add_paragraph(f"Nội dung thứ {n + 1} của kế hoạch được trình bày ở đây.")
    report = check_bytes(_saved(document))
    faults = [(f.rule, f.message.vi) for f in report.findings]
    assert len(faults) == len(set(faults)), faults
    counts = {f.rule: f.count for f in report.findings if f.count > 1}
    # the title plus 12 paragraphs in Cambria; 11 body paragraphs after the trích yếu
    assert counts == {"R07": 13, "R24": 11, "R25": 11, "R26": 11}
    assert len(report.findings) < 20


@pytest.mark.parametrize("text", ["Ủy ban nhân dân tỉnh giao các sở thực hiện./.",
                                  "Ủy ban nhân dân tỉnh Lâm Đồng giao các sở thực hiện./."])
def test_other_provinces_in_body_text_are_not_findings(good_plan: bytes, text: str) -> None:
    data = mutate(good_plan, lambda d: set_text(para(d, "Các sở, ban"), text))
    assert not any("Lạng Sơn" in f.sentence() for f in check_bytes(data).findings)
