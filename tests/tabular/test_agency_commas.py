"""Coordinators typed with commas ("Sở Y tế, Sở Công Thương") are understood or explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from lsdocs.content import load_plan
from lsdocs.errors import LsdocsError
from lsdocs.tabular import import_assignments
from lsdocs.tabular.agency_cells import AgencyNames
from tests.tabular.conftest import EditSheet

SUPPORT_COLUMN = 5


@pytest.mark.parametrize(("written", "expected"), [
    ("Sở Y tế, Sở Công Thương", ["Sở Y tế", "Sở Công Thương"]),
    ("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Y tế, Sở Không Có", ["Sở Y tế, Sở Không Có"]),
])
def test_commas_are_regrouped_into_agency_names(plan: Path, written, expected):
    content = load_plan(plan)
    assert AgencyNames(content.registry, "agencies.yaml").split_commas(written) == expected


def test_import_reads_comma_separated_coordinators(edit_xlsx: EditSheet, plan: Path) -> None:
    def clerk(sheet: Worksheet, rows: dict[str, int]) -> None:
        sheet.cell(rows["2.3"], SUPPORT_COLUMN).value = "Sở Y tế, Sở Công Thương"

    import_assignments(edit_xlsx(clerk), plan)
    tasks = {t.id: t for t in load_plan(plan).plan.tasks}
    assert tasks["2.3"].support == ("syt", "sct")


def test_unknown_comma_list_names_the_accepted_separators(edit_xlsx: EditSheet,
                                                          plan: Path) -> None:
    def clerk(sheet: Worksheet, rows: dict[str, int]) -> None:
        sheet.cell(rows["2.3"], SUPPORT_COLUMN).value = "Sở Y tế, Sở Không Có"

    with pytest.raises(LsdocsError) as info:
        import_assignments(edit_xlsx(clerk), plan)
    message = info.value.format("vi")
    assert "dấu chấm phẩy (;)" in message and "Sở Y tế, Sở Không Có" in message
