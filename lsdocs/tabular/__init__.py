"""The assignment table (bảng phân công) as a workbook or CSV file clerks can edit.

>>> from lsdocs.tabular import export_assignments, import_assignments  # doctest: +SKIP
>>> export_assignments(Path("content/kh-182-2023.yaml"), Path("phan-cong.xlsx"))  # doctest: +SKIP
>>> import_assignments(Path("phan-cong.xlsx"), Path("content/kh-182-2023.yaml"))  # doctest: +SKIP

One row per task: id, group, task, lead and coordinating agencies, deadline,
product, source (see :mod:`lsdocs.tabular.columns`).  Exporting then importing
without edits leaves the plan file byte for byte as it was.
"""

from __future__ import annotations

from lsdocs.tabular.assignment_export import ExportResult, export_assignments
from lsdocs.tabular.importing import ImportResult, import_assignments
from lsdocs.tabular.table_errors import TableFileError

__all__ = [
    "ExportResult",
    "ImportResult",
    "TableFileError",
    "export_assignments",
    "import_assignments",
]
