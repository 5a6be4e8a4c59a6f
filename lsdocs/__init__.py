"""lsdocs: Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) from structured content.

The public API is the functions and classes listed in ``__all__``; see
:mod:`lsdocs.api` for what each does and the README's "Dùng từ Python" section
for an office script.  Names are imported on first use, so ``import lsdocs``
stays cheap for scripts that only need one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from lsdocs.api import (
        LetterResult,
        ReportResult,
        build_plan,
        cancel_number,
        check_document,
        export_progress,
        export_register,
        export_table,
        fix_document,
        import_progress,
        import_table,
        issue_documents,
        load_content,
        load_progress,
        run_batch,
        search_register,
        validate,
        verify_register,
        write_letter,
        write_pdf,
        write_previews,
        write_report,
        year_status,
    )
    from lsdocs.batch import BatchResult
    from lsdocs.check import CheckReport, FixReport
    from lsdocs.content.model import Content
    from lsdocs.errors import (
        ContentError,
        DocumentReadError,
        LsdocsError,
        Problem,
        TemplateError,
        UsageError,
    )
    from lsdocs.gate import FormatError
    from lsdocs.issuing import Entry, IssueError, IssueResult, RegisterError
    from lsdocs.issuing.pdf import PdfError, PdfInfo, ToolMissingError
    from lsdocs.kinds import KINDS, Kind
    from lsdocs.plan_writer import BuildResult
    from lsdocs.progress.records import PlanProgress
    from lsdocs.progress.year_status import YearStatus
    from lsdocs.tabular.progress_export import ProgressExport
    from lsdocs.tabular.progress_import import ProgressImport

#: public name -> module that defines it
_EXPORTS = {
    "LetterResult": "lsdocs.api",
    "ReportResult": "lsdocs.api",
    "build_plan": "lsdocs.api",
    "check_document": "lsdocs.api",
    "export_table": "lsdocs.api",
    "fix_document": "lsdocs.api",
    "import_table": "lsdocs.api",
    "write_report": "lsdocs.api",
    "year_status": "lsdocs.api",
    "load_progress": "lsdocs.api",
    "load_content": "lsdocs.api",
    "run_batch": "lsdocs.api",
    "validate": "lsdocs.api",
    "write_letter": "lsdocs.api",
    "BatchResult": "lsdocs.batch",
    "BuildResult": "lsdocs.plan_writer",
    "CheckReport": "lsdocs.check",
    "FixReport": "lsdocs.check",
    "Content": "lsdocs.content.model",
    "ContentError": "lsdocs.errors",
    "DocumentReadError": "lsdocs.errors",
    "LsdocsError": "lsdocs.errors",
    "Problem": "lsdocs.errors",
    "TemplateError": "lsdocs.errors",
    "UsageError": "lsdocs.errors",
    "FormatError": "lsdocs.gate",
    "KINDS": "lsdocs.kinds",
    "PlanProgress": "lsdocs.progress.records",
    "YearStatus": "lsdocs.progress.year_status",
    "Kind": "lsdocs.kinds",
    "cancel_number": "lsdocs.api",
    "export_progress": "lsdocs.api",
    "export_register": "lsdocs.api",
    "import_progress": "lsdocs.api",
    "issue_documents": "lsdocs.api",
    "search_register": "lsdocs.api",
    "verify_register": "lsdocs.api",
    "write_pdf": "lsdocs.api",
    "write_previews": "lsdocs.api",
    "Entry": "lsdocs.issuing",
    "IssueError": "lsdocs.issuing",
    "IssueResult": "lsdocs.issuing",
    "RegisterError": "lsdocs.issuing",
    "PdfError": "lsdocs.issuing.pdf",
    "PdfInfo": "lsdocs.issuing.pdf",
    "ToolMissingError": "lsdocs.issuing.pdf",
    "ProgressExport": "lsdocs.tabular.progress_export",
    "ProgressImport": "lsdocs.tabular.progress_import",
}

__all__ = [
    "BatchResult",
    "BuildResult",
    "CheckReport",
    "Content",
    "ContentError",
    "DocumentReadError",
    "Entry",
    "FixReport",
    "FormatError",
    "IssueError",
    "IssueResult",
    "KINDS",
    "Kind",
    "LetterResult",
    "LsdocsError",
    "PdfError",
    "PdfInfo",
    "PlanProgress",
    "Problem",
    "ProgressExport",
    "ProgressImport",
    "RegisterError",
    "ReportResult",
    "TemplateError",
    "ToolMissingError",
    "UsageError",
    "YearStatus",
    "__version__",
    "build_plan",
    "cancel_number",
    "check_document",
    "export_progress",
    "export_register",
    "export_table",
    "fix_document",
    "import_progress",
    "import_table",
    "issue_documents",
    "load_content",
    "load_progress",
    "run_batch",
    "search_register",
    "validate",
    "verify_register",
    "write_letter",
    "write_pdf",
    "write_previews",
    "write_report",
    "year_status",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lsdocs' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
