"""The assignment table (bảng phân công) as a workbook or CSV file clerks can edit.

>>> from lsdocs.tabular import export_assignments, import_assignments  # doctest: +SKIP
>>> export_assignments(Path("content/kh-182-2023.yaml"), Path("phan-cong.xlsx"))  # doctest: +SKIP
>>> import_assignments(Path("phan-cong.xlsx"), Path("content/kh-182-2023.yaml"))  # doctest: +SKIP

One row per task: id, group, task, lead and coordinating agencies, deadline,
product, source (see :mod:`lsdocs.tabular.columns`).  Exporting then importing
without edits leaves the plan file byte for byte as it was.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lsdocs.tabular.assignment_export import ExportResult, export_assignments
    from lsdocs.tabular.importing import ImportResult, import_assignments
    from lsdocs.tabular.table_errors import TableFileError

# Imported on first use: letters read agency names through lsdocs.tabular.agency_cells
# and must not pay for openpyxl and the round-trip YAML writer they never use.
_HOMES = {
    "ExportResult": "assignment_export",
    "export_assignments": "assignment_export",
    "ImportResult": "importing",
    "import_assignments": "importing",
    "TableFileError": "table_errors",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "ExportResult",
    "ImportResult",
    "TableFileError",
    "export_assignments",
    "import_assignments",
]
