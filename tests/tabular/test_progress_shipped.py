"""The shipped illustrative progress records go through the workbooks and come back unchanged."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import openpyxl
import pytest

from lsdocs.content import load_plan
from lsdocs.progress.record_loader import validate_progress
from lsdocs.tabular.progress_export import export_progress
from lsdocs.tabular.progress_import import import_progress

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """The whole shipped content folder, records included, copied into tmp_path."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content" / "kh-182-2023.yaml"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def test_every_shipped_record_survives_export_and_import_byte_for_byte(shipped: Path,
                                                                       tmp_path: Path) -> None:
    records = shipped.parent / "tien-do"
    before = _files(records)
    workbooks = [r.path for year in (2024, 2025)
                 for r in export_progress(shipped, year, (), tmp_path / str(year))]
    result = import_progress(workbooks, shipped)
    assert not [r for r in result.records if r.changed]
    assert sorted(r.agency for r in result.records if r.empty) == ["cat", "sngv", "sngv", "snv"]
    assert _files(records) == before


def test_a_changed_shipped_record_is_validated_by_the_loader(shipped: Path,
                                                             tmp_path: Path) -> None:
    workbook = export_progress(shipped, 2025, ["snnmt"], tmp_path)[0].path
    wb = openpyxl.load_workbook(workbook)
    wb["Nhiệm vụ"]["F4"], wb["Nhiệm vụ"]["G4"] = "Đã hoàn thành", "01/12/2025"
    for col, value in zip("ABCD", ("3.4", "Kế hoạch", "77/KH-SNN", "02/12/2025"), strict=True):
        wb["Sản phẩm"][f"{col}5"] = value
    wb.save(workbook)
    record = shipped.parent / "tien-do" / "kh-182-2023" / "2025" / "snnmt.yaml"
    before = record.read_text("utf-8").splitlines()
    result = import_progress([workbook], shipped)
    # the loader's own warning about the file just written is passed on
    assert [w.code for w in result.warnings] == ["issuer-symbol"]
    after = record.read_text("utf-8").splitlines()
    diff = list(difflib.ndiff(before, after))
    assert [line[2:] for line in diff if line.startswith("- ")] == ["    status: chua-trien-khai"]
    assert [line[2:] for line in diff if line.startswith("+ ")] == [
        "    status: hoan-thanh", "    completed: 01/12/2025", "    products:",
        "      - type: ke-hoach", "        number: 77/KH-SNN", "        date: 02/12/2025"]
    content = load_plan(shipped)
    assert not [p for p in validate_progress(content) if p.is_error]
