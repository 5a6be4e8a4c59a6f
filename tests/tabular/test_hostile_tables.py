"""Tables that lie or overflow, and spreadsheet formula injection in what lsdocs writes."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.documents.letter_contexts import LetterOptions
from lsdocs.errors import ContentError
from lsdocs.limits import MAX_TABLE_ROWS
from lsdocs.render.output import zip_package
from lsdocs.tabular import TableFileError, export_assignments, import_assignments
from lsdocs.tabular.csvsafe import neutralise, restore

from .conftest import EditSheet

FORMULAS = ['=HYPERLINK("http://x.invalid";"bấm")', "+1+1", "-2+3", "@SUM(A1)",
            "\t=1", "\r=1", "'=1", "''@x"]


@pytest.mark.parametrize("value", [*FORMULAS, "Sở Y tế", "", "'", "a=b", "1-2"])
def test_neutralise_and_restore_are_exact_inverses(value: str) -> None:
    cell = neutralise(value)
    assert restore(cell) == value
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")


def set_task_name(plan: Path, task: str, value: str) -> None:
    text = plan.read_text(encoding="utf-8")
    start = text.index(f'- id: "{task}"')
    name = text.index("name:", start)
    end = text.index("\n", name)
    while text[end + 1:].startswith("          "):
        end = text.index("\n", end + 1)
    quoted = value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    plan.write_text(text[:name] + f'name: "{quoted}"' + text[end:], encoding="utf-8")


@pytest.mark.parametrize("value", FORMULAS[:5])
def test_csv_export_neutralises_formulas_and_round_trips(plan: Path, tmp_path: Path,
                                                          value: str) -> None:
    set_task_name(plan, "1.1", value)
    before = plan.read_bytes()
    path = export_assignments(plan, tmp_path / "t.csv", "csv").path
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert all(c[:1] not in ("=", "+", "-", "@", "\t", "\r") for c in cells)
    assert neutralise(value) in cells
    result = import_assignments(path, plan)
    assert not result.has_changes and plan.read_bytes() == before


def test_workbook_cells_are_never_formulas(plan: Path, tmp_path: Path) -> None:
    set_task_name(plan, "1.1", FORMULAS[0])
    registry = plan.parent / "agencies.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("name: Sở Y tế", 'name: "=HYPERLINK(1) Sở Y tế"', 1),
                        encoding="utf-8")
    path = export_assignments(plan, tmp_path / "t.xlsx").path
    wb = openpyxl.load_workbook(path)
    types = {cell.data_type for ws in wb for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith("=")}
    assert types == {"s"}


def test_manifest_csv_neutralises_agency_names(tmp_path: Path, plan: Path) -> None:
    registry = plan.parent / "agencies.yaml"
    text = registry.read_text(encoding="utf-8")
    assert "name: Sở Khoa học và Công nghệ\n" in text
    registry.write_text(text.replace("name: Sở Khoa học và Công nghệ\n",
                                     'name: "=HYPERLINK(\\"http://x\\") Sở KH&CN"\n', 1),
                        encoding="utf-8")
    options = BatchOptions(kind="giao-nhiem-vu", letter=LetterOptions(date=__import__(
        "datetime").date(2026, 11, 29)), output_root=tmp_path / "out", only=("skhcn",))
    result = run_batch(plan, options)
    manifest = (result.directory / "manifest.csv").read_text(encoding="utf-8-sig")
    row = next(csv.DictReader(io.StringIO(manifest)))
    assert row["agency_name"].startswith("'=HYPERLINK")


def test_a_stray_far_cell_is_named_not_read_densely(edit_xlsx: EditSheet, plan: Path) -> None:
    def stray(sheet, _rows):
        sheet["XFD1048576"] = "lạc"

    path = edit_xlsx(stray)
    with pytest.raises(TableFileError) as info:
        import_assignments(path, plan)
    assert "XFD1048576" in info.value.format("vi")


def test_far_formatting_without_data_is_ignored(edit_xlsx: EditSheet, plan: Path) -> None:
    def formatted(sheet, _rows):
        sheet["C900000"].number_format = "@"

    result = import_assignments(edit_xlsx(formatted), plan)
    assert not result.has_changes


def test_too_many_rows_are_refused_before_parsing(xlsx: Path, plan: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb["Phân công"]
    for row in range(30, MAX_TABLE_ROWS + 40):
        sheet.cell(row, 1, f"9.{row}")
    wb.save(xlsx)
    with pytest.raises(TableFileError, match="quá nhiều hàng"):
        import_assignments(xlsx, plan)


def test_a_csv_with_too_many_rows_is_refused(csv_file: Path, plan: Path) -> None:
    text = csv_file.read_text(encoding="utf-8-sig")
    csv_file.write_text(text + "9.9,1,x,skhcn,,,\r\n" * (MAX_TABLE_ROWS + 20),
                        encoding="utf-8-sig")
    with pytest.raises(TableFileError, match="quá nhiều hàng"):
        import_assignments(csv_file, plan)


def repack(xlsx: Path, change: dict[str, bytes]) -> None:
    with zipfile.ZipFile(xlsx) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    xlsx.write_bytes(zip_package({**parts, **change}))


def test_a_zip_bomb_workbook_is_refused(xlsx: Path, plan: Path) -> None:
    repack(xlsx, {"xl/media/zero.bin": bytes(70 * 1024 * 1024)})
    with pytest.raises(TableFileError, match="giới hạn"):
        import_assignments(xlsx, plan)


def test_a_workbook_with_entities_is_refused(xlsx: Path, plan: Path) -> None:
    with zipfile.ZipFile(xlsx) as archive:
        sheet = next(n for n in archive.namelist() if n.startswith("xl/worksheets/"))
        xml = archive.read(sheet)
    repack(xlsx, {sheet: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + xml})
    with pytest.raises(TableFileError, match="DTD"):
        import_assignments(xlsx, plan)


def test_a_control_character_in_a_cell_is_located(edit_xlsx: EditSheet, plan: Path) -> None:
    before = plan.read_bytes()

    def control(sheet, rows):
        sheet.cell(rows["1.1"], 3, "Tuyên truyền\x85 về kế hoạch")

    with pytest.raises(ContentError) as info:
        import_assignments(edit_xlsx(control), plan)
    message = info.value.format("vi")
    assert "U+0085" in message and "Phân công!C" in message
    assert plan.read_bytes() == before


def test_a_control_character_in_a_csv_cell_is_located(csv_file: Path, plan: Path) -> None:
    text = csv_file.read_text(encoding="utf-8-sig")
    csv_file.write_text(text.replace("Tổ chức quán triệt", "Tổ chức\x1b quán triệt", 1),
                        encoding="utf-8-sig")
    with pytest.raises(ContentError) as info:
        import_assignments(csv_file, plan)
    assert "U+001B" in info.value.format("vi") and "hàng 2, cột C" in info.value.format("vi")
