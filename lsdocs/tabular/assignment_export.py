"""Write a plan's assignment table as an Excel workbook or a CSV file.

CSV is UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly when
the file is opened by double-click), comma-separated by default (``;`` on
request, for an Excel whose list separator is the semicolon), CRLF line ends,
one header row and no title.  Cells with several agencies hold one per line.
A cell a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``)
gets an apostrophe in front (:mod:`lsdocs.tabular.csvsafe`); the import
takes it off again.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from lsdocs import vnformat as vn
from lsdocs.content import load_plan
from lsdocs.content.model import Content
from lsdocs.errors import T
from lsdocs.render.output import write_atomic
from lsdocs.tabular.columns import COLUMNS, DEFAULT_NAME
from lsdocs.tabular.csvsafe import neutralise
from lsdocs.tabular.rows import Row, task_rows
from lsdocs.tabular.table_errors import file_problem
from lsdocs.tabular.workbook import workbook_bytes

FORMATS = ("xlsx", "csv")
CSV_DELIMITERS = (",", ";")
DEFAULT_OUTPUT = Path("output")


@dataclass(frozen=True)
class ExportResult:
    """Where the table went, whether the file changed, and how many tasks it holds."""

    path: Path
    changed: bool
    tasks: int


def export_assignments(content_path: Path, out_path: Path | None = None, fmt: str = "xlsx",
                       *, output_root: Path = DEFAULT_OUTPUT,
                       delimiter: str = ",") -> ExportResult:
    """Write the assignment table of the plan at *content_path*.

    *fmt* is ``xlsx`` or ``csv``; *out_path* must then end in ``.xlsx`` or
    ``.csv``.  Without *out_path* the file is
    ``output_root/<plan id>/phan-cong-nhiem-vu.<fmt>``.  The same content
    always gives the same bytes, and an identical file is left untouched
    (``changed`` is False).  Raises :class:`~lsdocs.errors.ContentError` for
    invalid content and :class:`~lsdocs.tabular.table_errors.TableFileError` when the
    file cannot be written.
    """
    _check_request(out_path, fmt, delimiter)
    content = load_plan(content_path)
    rows = task_rows(content)
    data = workbook_bytes(content, rows) if fmt == "xlsx" else csv_bytes(rows, delimiter)
    path = out_path or default_table_path(content, output_root, fmt)
    try:
        changed = write_atomic(path, data)
    except OSError as e:
        raise file_problem(str(path), T("không ghi được tệp"),
                           found=e.strerror or str(e), code="unwritable") from e
    return ExportResult(path, changed, len(rows))


def default_table_path(content: Content, output_root: Path, fmt: str) -> Path:
    return output_root / vn.file_id(content.plan.id) / f"{DEFAULT_NAME}.{fmt}"


def csv_bytes(rows: list[Row], delimiter: str = ",") -> bytes:
    """The rows as CSV: UTF-8 with BOM, header row first, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.header for c in COLUMNS])
    writer.writerows([_cell(row[c.key]) for c in COLUMNS] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value: str | int) -> str | int:
    return neutralise(value) if isinstance(value, str) else value


def _check_request(out_path: Path | None, fmt: str, delimiter: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; expected one of {FORMATS}")
    if delimiter not in CSV_DELIMITERS:
        raise ValueError(f"unknown CSV delimiter {delimiter!r}; expected one of {CSV_DELIMITERS}")
    if out_path is not None and out_path.suffix.lower() != f".{fmt}":
        raise file_problem(str(out_path), T("tên tệp kết quả phải có đuôi .{f}",
                                            f=fmt),
                           found=out_path.suffix or out_path.name, code="bad-suffix")
