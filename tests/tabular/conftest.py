"""Shared fixtures for the assignment-table tests: a copy of the shipped content per test."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from lsdocs.tabular import export_assignments

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "content"
PLAN_NAME = "kh-182-2023.yaml"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """The shipped plan and registry, copied into tmp_path (tests may write to them)."""
    content = tmp_path / "content"
    content.mkdir()
    for name in (PLAN_NAME, "agencies.yaml"):
        shutil.copyfile(SHIPPED / name, content / name)
    return content / PLAN_NAME


@pytest.fixture
def xlsx(plan: Path, tmp_path: Path) -> Path:
    """The plan's assignment workbook, freshly exported."""
    return export_assignments(plan, tmp_path / "phan-cong.xlsx").path


@pytest.fixture
def csv_file(plan: Path, tmp_path: Path) -> Path:
    return export_assignments(plan, tmp_path / "phan-cong.csv", "csv").path


EditSheet = Callable[[Callable[[Worksheet, dict[str, int]], None]], Path]


@pytest.fixture
def edit_xlsx(xlsx: Path) -> EditSheet:
    """Edit the «Phân công» sheet as a clerk would and save it; rows are found by task id."""

    def edit(change: Callable[[Worksheet, dict[str, int]], None]) -> Path:
        wb = openpyxl.load_workbook(xlsx)
        sheet = wb["Phân công"]
        rows = {sheet.cell(r, 1).value: r for r in range(3, sheet.max_row + 1)}
        change(sheet, rows)
        wb.save(xlsx)
        return xlsx

    return edit
