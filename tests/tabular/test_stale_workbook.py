"""An old workbook must not silently undo edits made to the YAML after it was exported."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lsdocs.errors import ContentError
from lsdocs.tabular import import_assignments


def edit_yaml_by_hand(plan: Path) -> str:
    text = plan.read_text(encoding="utf-8")
    edited = text.replace("product: Hội nghị quán triệt",
                          "product: Hội nghị quán triệt toàn tỉnh", 1)
    assert edited != text
    plan.write_text(edited, encoding="utf-8")
    return edited


def edit_workbook(xlsx: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb["Phân công"]
    sheet.cell(3, 8, "Hội nghị quán triệt (sửa trên bảng)")  # task 1.1, product
    wb.save(xlsx)


def test_import_refuses_to_undo_hand_edits_made_after_export(plan: Path, xlsx: Path) -> None:
    hand_edited = edit_yaml_by_hand(plan)  # task 1.1 edited in YAML after the export
    edit_workbook(xlsx)
    with pytest.raises(ContentError) as info:
        import_assignments(xlsx, plan)
    message = info.value.format("vi")
    assert "nhiệm vụ 1.1" in message and "sau khi xuất bảng" in message and "--force" in message
    assert plan.read_text(encoding="utf-8") == hand_edited


def test_force_overwrites_and_untouched_rows_still_import(plan: Path, xlsx: Path) -> None:
    edit_yaml_by_hand(plan)
    edit_workbook(xlsx)
    result = import_assignments(xlsx, plan, force=True)
    assert "1.1" in result.changed
    assert "Hội nghị quán triệt (sửa trên bảng)" in plan.read_text(encoding="utf-8")


def test_a_fresh_export_imports_without_complaint(plan: Path, xlsx: Path) -> None:
    edit_workbook(xlsx)
    result = import_assignments(xlsx, plan)
    assert list(result.changed) == ["1.1"]
