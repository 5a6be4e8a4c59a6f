"""Read an assignment table (.xlsx or .csv) into rows of cells that know where they are.

Both formats become a grid of raw values; the header row is found among the
first rows (a title above it is fine), columns are matched by header name
(order does not matter), and each cell carries the location a message names:
``Phân công!E7 (Cơ quan chủ trì)`` in a workbook, ``hàng 7, cột E (…)`` in a CSV
file.  Problems with the headers are collected, not raised; only a file that
cannot be opened at all raises :class:`~lsdocs.tabular.table_errors.TableFileError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import Workbook, load_workbook

from lsdocs import vnformat as vn
from lsdocs.errors import Location, Problem, T, Text, join_texts
from lsdocs.limits import (
    MAX_TABLE_BYTES,
    MAX_TABLE_CELLS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    Refused,
    check_zip,
    read_regular_file,
    refuse_dtd,
)
from lsdocs.tabular.columns import (
    ASSIGNMENT_SHEET,
    BY_KEY,
    COLUMNS,
    Column,
    column_for_header,
    column_letter,
    fold,
)
from lsdocs.tabular.csvsafe import restore
from lsdocs.tabular.snapshot import SNAPSHOT_SHEET
from lsdocs.tabular.table_errors import file_problem

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
#: How far down the header row may be (below a title, notes, blank rows).
HEADER_SEARCH_ROWS = 10
_MIN_HEADERS = 3
#: Characters a cell cannot bring into a document (see lsdocs.content.yamlsource).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")

Grid = list[tuple[int, list[object]]]  # (row number, raw values)
Place = Callable[[int, int, Text], Text]  # (row, column index, column label) -> place


@dataclass(frozen=True)
class Cell:
    """One cell: its text (trimmed, NFC; ``""`` when empty), raw value and location."""

    text: str
    raw: object
    location: Location


@dataclass(frozen=True)
class TableRow:
    number: int
    cells: dict[str, Cell]  # column key -> cell, for the columns the table has


@dataclass
class Table:
    """A read table: its rows, the columns it has, and problems with its headers."""

    file: str
    sheet: str | None  # None for CSV
    rows: list[TableRow] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # column key -> letter
    plan_id: str | None = None  # the plan a workbook was exported from
    snapshot: dict[str, str] | None = None  # task digests at export time (workbooks only)
    problems: list[Problem] = field(default_factory=list)

    def where(self, row: int | None = None) -> Location:
        """The location of the sheet, or of a whole row."""
        sheet = f"{self.sheet}, " if self.sheet else ""
        if row is None:
            return Location(file=self.file, place=Text(self.sheet, self.sheet)
                            if self.sheet else None)
        return Location(file=self.file, place=T("{s}hàng {r}", s=sheet, r=row))


def read_table(path: Path) -> Table:
    """Read *path* by its extension (.xlsx/.xlsm or .csv); headers checked, cells located."""
    shown = str(path)
    suffix = path.suffix.lower()
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise file_problem(shown, T("không đọc được loại tệp này"),
                           found=path.suffix or path.name,
                           hint=T("dùng tệp .xlsx hoặc .csv"),
                           code="table-type")
    data = _read_bytes(path, shown)
    if suffix in CSV_SUFFIXES:
        grid = [(n, [restore(v) if isinstance(v, str) else v for v in values])
                for n, values in _csv_grid(data, shown)]
        return _locate(Table(shown, None), grid, _csv_place)
    return _read_workbook(data, shown)


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return read_regular_file(path, MAX_TABLE_BYTES)
    except Refused as e:
        raise file_problem(shown, e.message, code=e.code) from e
    except FileNotFoundError:
        raise file_problem(shown, T("không tìm thấy tệp"),
                           code="missing-file") from None
    except (OSError, ValueError) as e:
        raise file_problem(shown, T("không đọc được tệp"),
                           found=getattr(e, "strerror", None) or str(e)) from e


# --- workbooks -----------------------------------------------------------------------------


def load_xlsx(path: Path) -> Workbook:
    """Open the workbook at *path* for its values; TableFileError if it is not one."""
    return _open_workbook(_read_bytes(path, str(path)), str(path))


def _open_workbook(data: bytes, shown: str) -> Workbook:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _not_a_workbook(shown)
    _check_package(data, shown)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it drops (extensions, styles); reading
            # values does not need them.
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # noqa: BLE001 - a damaged file fails in many third-party ways
        raise _not_a_workbook(shown, f"{type(e).__name__}: {e}") from e


def _read_workbook(data: bytes, shown: str) -> Table:
    wb = _open_workbook(data, shown)
    sheet = _assignment_sheet(wb.sheetnames)
    table = Table(shown, sheet, plan_id=wb.properties.identifier or None,
                  snapshot=_snapshot(wb))
    if sheet is None:
        table.problems.append(Problem(
            table.where(), T("không có trang «{s}» trong bảng tính",
                             s=ASSIGNMENT_SHEET),
            found=", ".join(wb.sheetnames),
            hint=T("đặt lại tên trang phân công là «{s}»",
                   s=ASSIGNMENT_SHEET), code="missing-sheet"))
        return table
    return _locate(table, _sheet_grid(wb[sheet], shown, sheet), sheet_place(sheet))


def _check_package(data: bytes, shown: str) -> None:
    """Zip limits, no DTDs, and at most MAX_TABLE_ROWS rows per sheet, before openpyxl."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive)
            for info in archive.infolist():
                if info.filename.lower().endswith((".xml", ".rels")):
                    part = archive.read(info)
                    refuse_dtd(part, info.filename)
                    if _SHEET_PART.match(info.filename):
                        _count_rows(part)
    except Refused as e:
        raise file_problem(shown, e.message, code=e.code) from e
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError,
            NotImplementedError) as e:
        raise _not_a_workbook(shown, f"{type(e).__name__}: {e}") from e


def _count_rows(part: bytes) -> None:
    rows = cells = 0
    try:
        for _, element in etree.iterparse(io.BytesIO(part), events=("end",),
                                          resolve_entities=False, no_network=True,
                                          load_dtd=False, tag=("{*}row", "{*}c")):
            if element.tag.endswith("}row"):
                rows += 1
                element.clear()
            else:
                cells += 1
            if rows > MAX_TABLE_ROWS or cells > MAX_TABLE_CELLS:
                raise Refused(_too_many_rows(), "too-many-rows")
    except etree.XMLSyntaxError:
        return  # openpyxl reports the damaged sheet


def _too_many_rows() -> Text:
    return T("bảng có quá nhiều hàng hoặc ô (giới hạn {n} hàng, {c} ô)",
             n=MAX_TABLE_ROWS, c=MAX_TABLE_CELLS)


def _sheet_grid(ws: Any, shown: str, sheet: str) -> Grid:
    """The sheet's values, read from the cells it holds (a stray far cell is named)."""
    cells = getattr(ws, "_cells", {})  # openpyxl keeps the cells it read, sparsely
    filled = [(r, c) for (r, c), cell in cells.items() if cell.value is not None]
    far = [(r, c) for r, c in filled if r > MAX_TABLE_ROWS + HEADER_SEARCH_ROWS
           or c > MAX_TABLE_COLUMNS]
    if far:
        r, c = min(far)
        ref = f"{sheet}!{column_letter(c)}{r}"
        raise file_problem(shown, T(
            "có dữ liệu ở ô quá xa ({r}; giới hạn {n} hàng, {m} cột)",
            r=ref, n=MAX_TABLE_ROWS, m=MAX_TABLE_COLUMNS), found=cell_text(cells[(r, c)].value),
            hint=T("xóa ô đó rồi lưu lại"),
            code="far-cell")
    last_row = max((r for r, _ in filled), default=0)
    last_col = max((c for _, c in filled), default=0)
    grid: Grid = [(r, [None] * last_col) for r in range(1, last_row + 1)]
    for r, c in filled:
        grid[r - 1][1][c - 1] = cells[(r, c)].value
    return grid


def _snapshot(wb: Any) -> dict[str, str] | None:
    if SNAPSHOT_SHEET not in wb.sheetnames:
        return None
    rows = wb[SNAPSHOT_SHEET].iter_rows(values_only=True)
    return {str(r[0]): str(r[1]) for r in rows if r and r[0] is not None and len(r) > 1}


def _not_a_workbook(shown: str, detail: str | None = None) -> Exception:
    return file_problem(shown, T("tệp không phải bảng tính Excel (.xlsx)"),
                        found=detail,
                        hint=T("mở bằng Excel và lưu dạng «Excel Workbook (*.xlsx)»"),
                        code="not-xlsx")


def _assignment_sheet(names: Sequence[str]) -> str | None:
    """The assignment sheet: by name, or the only sheet of a one-sheet workbook."""
    for name in names:
        if fold(name) == fold(ASSIGNMENT_SHEET):
            return name
    return names[0] if len(names) == 1 else None


def sheet_place(sheet: str) -> Place:
    def place(row: int, col: int, label: Text) -> Text:
        ref = f"{sheet}!{column_letter(col)}{row}"
        return join_texts([ref, " (", label, ")"])
    return place


# --- CSV -----------------------------------------------------------------------------------


def _csv_grid(data: bytes, shown: str) -> Grid:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise file_problem(shown, T("tệp CSV không phải văn bản UTF-8"),
                           found=f"byte {e.start}",
                           hint=T("trong Excel chọn Lưu thành «CSV UTF-8 (Comma delimited)»"),
                           code="not-utf8") from None
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        grid: Grid = []
        for number, values in enumerate(reader, 1):
            if number > MAX_TABLE_ROWS + HEADER_SEARCH_ROWS or len(values) > MAX_TABLE_COLUMNS:
                raise file_problem(shown, _too_many_rows() if len(values)
                                   <= MAX_TABLE_COLUMNS else T(
                    "bảng có quá nhiều cột (hàng {r}; giới hạn {m} cột)",
                    r=number, m=MAX_TABLE_COLUMNS), code="too-many-rows")
            grid.append((number, list(values)))
        return grid
    except csv.Error as e:
        raise file_problem(shown, T("tệp CSV hỏng"),
                           found=str(e), code="bad-csv") from e


def _delimiter(text: str) -> str:
    """``,``, ``;`` or tab: whichever the first non-blank line (the header) uses most."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_place(row: int, col: int, label: Text) -> Text:
    letter = column_letter(col)
    return T("hàng {row}, cột {letter} ({label})", row=row, letter=letter, label=label)


# --- header and cells ------------------------------------------------------------------


def _locate(table: Table, grid: Grid, place: Place) -> Table:
    header = _header_row(grid)
    if header is None:
        expected = ", ".join(f"«{c.header}»" for c in COLUMNS)
        table.problems.append(Problem(
            table.where(), T("không tìm thấy hàng tiêu đề của bảng phân công"),
            expected=T("một hàng có các cột: {c}", c=expected),
            code="missing-header"))
        return table
    number, values = grid[header]
    by_index = _columns(table, number, values, place)
    table.columns = {c.key: column_letter(i) for i, c in by_index.items()}
    headed = {i for i, value in enumerate(values, 1) if cell_text(value)}
    _check_unnamed(table, grid[header + 1:], headed, place)
    for row_number, row_values in grid[header + 1:]:
        cells = {column.key: _cell(row_values, index, row_number, column, place, table.file)
                 for index, column in by_index.items()}
        if any(cell.text for cell in cells.values()):
            table.rows.append(TableRow(row_number, cells))
    _check_controls(table)
    return table


def _header_row(grid: Grid) -> int | None:
    for position, (_, values) in enumerate(grid[:HEADER_SEARCH_ROWS]):
        known = [v for v in values if isinstance(v, str) and column_for_header(v)]
        if len(known) >= _MIN_HEADERS:
            return position
    return None


def _columns(table: Table, row: int, values: list[object], place: Place) -> dict[int, Column]:
    """Map header cells to columns; report unknown, repeated and missing columns."""
    found: dict[int, Column] = {}
    for index, value in enumerate(values, 1):
        header = cell_text(value)
        if not header:
            continue
        column = column_for_header(header)
        where = Location(file=table.file, place=place(row, index, T("tiêu đề")))
        if column is None:
            table.problems.append(_unknown_column(where, header))
        elif column in found.values():
            first = column_letter(next(i for i, c in found.items() if c is column))
            table.problems.append(Problem(
                where, T("cột bị lặp (đã có ở cột {c})",
                         c=first), found=header, code="repeated-column"))
        else:
            found[index] = column
    for column in COLUMNS:
        if column.required and column not in found.values():
            table.problems.append(Problem(
                table.where(row), T("thiếu cột bắt buộc"),
                expected=Text(column.header, column.label().en),
                hint=T("thêm cột có tiêu đề «{h}»", h=column.header), code="missing-column"))
    return found


def _unknown_column(where: Location, header: str) -> Problem:
    headers = {fold(c.header): c.header for c in COLUMNS}
    close = difflib.get_close_matches(fold(header), list(headers), n=1, cutoff=0.6)
    hint = (T("có phải «{h}»?", h=headers[close[0]]) if close
            else T("xóa cột này hoặc đặt lại tiêu đề"))
    return Problem(where, T("cột không có trong bảng phân công"), found=header,
                   expected=T("một trong: {c}", c=", ".join(c.header for c in COLUMNS)),
                   hint=hint, code="unknown-column")


def _check_unnamed(table: Table, grid: Grid, named: set[int], place: Place) -> None:
    """Data under a blank header would be silently lost: report the first cell of each."""
    reported: set[int] = set()
    for row, values in grid:
        for index, value in enumerate(values, 1):
            if index in named or index in reported or not cell_text(value):
                continue
            reported.add(index)
            where = Location(file=table.file, place=place(row, index, T("không tiêu đề")))
            table.problems.append(Problem(
                where, T("có dữ liệu trong cột không có tiêu đề"),
                found=cell_text(value), hint=T("đặt tiêu đề cho cột hoặc xóa dữ liệu"),
                code="unnamed-column"))


def _cell(values: list[object], index: int, row: int, column: Column, place: Place,
          file: str) -> Cell:
    raw = values[index - 1] if index <= len(values) else None
    label = BY_KEY[column.key].label()
    return Cell(cell_text(raw), raw, Location(file=file, place=place(row, index, label)))


def _check_controls(table: Table) -> None:
    """A control character in a cell would break every document built from it."""
    for row in table.rows:
        for cell in row.cells.values():
            bad = _CONTROL.search(cell.text)
            if bad:
                code = f"U+{ord(bad.group()):04X}"
                table.problems.append(Problem(cell.location, T(
                    "ô có ký tự điều khiển {code}, không ghi được vào văn bản Word",
                    code=code), hint=T("xóa ký tự này"),
                    code="control-character"))


def cell_text(value: object) -> str:
    """A cell value as the text a clerk sees: dates as DD/MM/YYYY, 3.0 as ``3``."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return vn.short_date(value.date())
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return vn.short_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()
