"""lsdocs: Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) from structured content."""

from __future__ import annotations

__version__ = "0.1.0"

from lsdocs.errors import ContentError, DocumentReadError, LsdocsError, TemplateError

__all__ = [
    "ContentError",
    "DocumentReadError",
    "LsdocsError",
    "TemplateError",
    "__version__",
]
