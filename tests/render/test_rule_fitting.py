"""Rules under the Tiêu ngữ, the agency name and the trích yếu fit their text."""

from __future__ import annotations

import shutil

import docx
import pytest

from lsdocs.fonts import text_width
from lsdocs.plan_writer import build
from lsdocs.render.rule_fitting import fit_rules
from tests.conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rule_width(paragraph, available: int) -> int:
    ind = paragraph._p.pPr.find(f"{W}ind")
    return available - int(ind.get(f"{W}left")) - int(ind.get(f"{W}right"))


@pytest.mark.parametrize(
    "trich_yeu",
    [
        "Ứng dụng công nghệ sinh học năm 2024",
        "Thực hiện Chương trình hành động số 88-CTr/TU ngày 19/6/2023 của Ban Thường vụ Tỉnh ủy",
    ],
)
def test_trich_yeu_rule_is_two_fifths_of_its_text(tmp_path, trich_yeu):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plan = content / "kh-182-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("  trich_yeu:")
    end = text.index("  source: verbatim", start)
    plan.write_text(text[:start] + f"  trich_yeu: {trich_yeu}\n" + text[end:], encoding="utf-8")
    result = build(plan, tmp_path / "out")  # the format gate checks R21 too
    document = docx.Document(str(result.directory / "ke-hoach.docx"))
    rule = next(p for p in document.paragraphs if p.style.name == "Đường kẻ")
    available = 11906 - 1701 - 907
    expected = 0.4 * min(text_width(trich_yeu, 28, bold=True), available)
    assert abs(rule_width(rule, available) - expected) <= 2


def test_motto_rule_is_as_long_as_the_motto(built_plan):
    document = docx.Document(str(built_plan))
    cell = document.tables[0].rows[0].cells[1]
    rule = next(p for p in cell.paragraphs if p.style.name == "Đường kẻ")
    width = rule_width(rule, int(cell._tc.tcPr.tcW.w) - 216)
    assert abs(width - text_width("Độc lập - Tự do - Hạnh phúc", 28, bold=True)) <= 2


def test_documents_without_rules_are_left_alone():
    xml = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body/></w:document>'
    assert fit_rules(xml) == xml
