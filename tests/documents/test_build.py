"""``lsdocs build``: output location, determinism, nothing written on bad content."""

from __future__ import annotations

import shutil

import pytest

from lsdocs.errors import ContentError
from lsdocs.plan_writer import build
from tests.conftest import ROOT, SHIPPED_PLAN


def test_writes_the_plan_under_its_id(tmp_path):
    result = build(SHIPPED_PLAN, tmp_path)
    assert result.directory == tmp_path / "kh-182-2023"
    assert [p.name for p in result.files] == ["ke-hoach.docx", "phu-luc-phan-cong.docx"]
    assert "IV" in result.illustrative and "III.3" in result.illustrative


def test_same_input_gives_byte_identical_files(tmp_path):
    first = [p.read_bytes() for p in build(SHIPPED_PLAN, tmp_path / "a").files]
    second = [p.read_bytes() for p in build(SHIPPED_PLAN, tmp_path / "b").files]
    assert first == second


def test_rebuild_leaves_identical_files_untouched(tmp_path):
    build(SHIPPED_PLAN, tmp_path)
    again = build(SHIPPED_PLAN, tmp_path)
    assert again.changed == [] and len(again.unchanged) == 2


def test_bad_content_writes_nothing(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plan = content / "kh-182-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("date: 06/9/2023", "date: 31/02/2023"),
                    encoding="utf-8")
    with pytest.raises(ContentError) as info:
        build(plan, tmp_path / "out")
    assert "31/02/2023" in info.value.format("vi")
    assert not (tmp_path / "out").exists()


def test_appendix_is_also_written_as_its_own_landscape_file(tmp_path):
    import docx
    from docx.enum.section import WD_ORIENT

    path = build(SHIPPED_PLAN, tmp_path).directory / "phu-luc-phan-cong.docx"
    document = docx.Document(str(path))
    assert len(document.sections) == 1
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[:2] == ["Phụ lục", "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH SỐ 182/KH-UBND"]
    assert len(document.tables[0].rows) > 20


def _draft_copy(tmp_path, extra: str = "  year: 2026\n"):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plan = content / "kh-182-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("  number: 182\n  date: 06/9/2023\n", "  draft: true\n" + extra, 1)
    plan.write_text(text, encoding="utf-8")
    return plan


def test_a_draft_plan_leaves_number_and_day_blank(tmp_path):
    import docx

    result = build(_draft_copy(tmp_path), tmp_path / "out")
    document = docx.Document(str(result.directory / "ke-hoach.docx"))
    number, date = (c.paragraphs[0].text for c in document.tables[0].rows[1].cells)
    assert number == "Số:      /KH-UBND"
    assert date == "Lạng Sơn, ngày      tháng      năm 2026"
    reference = [p.text for p in document.paragraphs if p.text.startswith("(Kèm theo")]
    assert reference == ["(Kèm theo Kế hoạch số       /KH-UBND ngày      tháng      năm 2026 "
                         "của Ủy ban nhân dân tỉnh Lạng Sơn)"]


def test_a_draft_needs_its_year(tmp_path):
    from lsdocs.content import validate

    problems = validate(_draft_copy(tmp_path, extra=""))
    assert [p.location.path for p in problems if p.is_error] == ["document.year"]
