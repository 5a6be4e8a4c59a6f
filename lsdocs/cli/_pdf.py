"""``--pdf`` / ``--pdfa`` on the commands that write documents (build, letter, batch)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from lsdocs.cli._common import CliContext
from lsdocs.errors import T


def pdf_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--pdfa", is_flag=True,
                        help="PDF/A-2b để lưu trữ (bao gồm --pdf).")(func)
    return click.option("--pdf", "make_pdf", is_flag=True,
                        help="Ghi thêm PDF bên cạnh mỗi tệp .docx (một tiến trình "
                             "LibreOffice cho cả lô).")(func)


def require_pdf_tools(make_pdf: bool, pdfa: bool) -> None:
    """Before anything is written: LibreOffice and poppler are there when PDFs are asked for."""
    if make_pdf or pdfa:
        from lsdocs.issuing.pdf import require_tools  # only when PDFs are asked for

        require_tools()


def write_pdfs(obj: CliContext, documents: Sequence[Path], make_pdf: bool,
               pdfa: bool) -> list[str]:
    """Checked PDFs beside *documents* when asked for; their paths."""
    if not (make_pdf or pdfa) or not documents:
        return []
    from lsdocs.issuing.pdf import convert

    infos = convert(list(documents), pdfa=pdfa)
    for info in infos:
        obj.say(T("Đã ghi: {p} ({n} trang)", p=info.path,
                  n=info.pages))
    return [str(info.path) for info in infos]
