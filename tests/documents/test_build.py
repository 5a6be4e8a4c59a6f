"""``lsdocs build``: output location, determinism, nothing written on bad content."""

from __future__ import annotations

import shutil

import pytest

from lsdocs.build import build
from lsdocs.errors import ContentError
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
