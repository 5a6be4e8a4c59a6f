"""The format gate: nothing lsdocs writes may fail its own Decree 30 checker.

Generated documents are checked in memory before they are written.  A
document with format errors (for example after a template was edited in Word
and a style lost its font) stops the run with the checker's findings —
rule, place, what was found and expected — and nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lsdocs.check import check_bytes
from lsdocs.errors import SEVERITY_WARNING, Location, LsdocsError, Problem, T


class FormatError(LsdocsError):
    """A generated document does not meet Nghị định 30/2020/NĐ-CP."""


def require_conformant(documents: Mapping[str, bytes],
                       templates: Mapping[str, Path] | None = None) -> None:
    """Raise :class:`FormatError` listing every error of every document in *documents*.

    *templates* names the template each document came from, so the error
    says which file (with its folder) to correct.
    """
    problems = []
    for name, data in documents.items():
        report = check_bytes(data, name)
        found = [p for p in report.problems() if p.is_error]
        problems += found
        template = (templates or {}).get(name)
        if found and template is not None:
            problems.append(Problem(Location(file=str(template)), T(
                "{name} được soạn từ mẫu này và nội dung kế hoạch: lỗi ở chữ lấy từ nội dung "
                "thì sửa nội dung, lỗi ở phần cố định của mẫu thì sửa mẫu", name=name),
                severity=SEVERITY_WARNING, code="template"))
    if problems:
        raise FormatError(problems)
