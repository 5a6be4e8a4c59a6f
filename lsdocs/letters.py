"""Writing công văn: one letter, or one per agency (see :mod:`lsdocs.batch`)."""

from __future__ import annotations

import importlib
from pathlib import Path

from lsdocs import vnformat as vn
from lsdocs.content.model import Content
from lsdocs.documents import letters as letter_doc
from lsdocs.kinds import KINDS
from lsdocs.progress.model import PlanProgress
from lsdocs.render.engine import CoreProperties
from lsdocs.templates import load_template


def letter_file_name(kind: str, agency_id: str | None) -> str:
    """Safe ASCII file name from ids only: ``giao-nhiem-vu-snnmt.docx``."""
    return KINDS[kind].file_name(vn.slugify(agency_id) if agency_id else None)


def render_letter(
    setup: letter_doc.LetterSetup, agency_id: str | None, templates_dir: Path | None = None
) -> bytes:
    """One letter as .docx bytes; the template is compiled once per process."""
    template = load_template(setup.kind, templates_dir)
    context = letter_doc.letter_context(setup, agency_id)
    return template.render(context, letter_core(setup, context["header"]["vv"]))


def letter_core(setup: letter_doc.LetterSetup, vv: str) -> CoreProperties:
    return CoreProperties(
        title=f"{KINDS[setup.kind].title} - {vv}",
        subject=setup.content.plan.id,
        description="Văn bản do lsdocs soạn từ nội dung kế hoạch; cần kiểm tra trước khi ký.",
        date_iso=f"{setup.options.date.isoformat()}T00:00:00Z",
    )


def load_progress_for(content: Content) -> PlanProgress | None:
    """The plan's progress records (``content/tien-do/…``), or None where none can be read.

    The loader (:mod:`lsdocs.progress.loader`) validates the records and
    raises :class:`~lsdocs.errors.ContentError` on mistakes, like the plan.
    """
    try:
        loader = importlib.import_module("lsdocs.progress.loader")
    except ModuleNotFoundError:  # a build without progress records
        return None
    progress: PlanProgress = loader.load_progress(content)
    return progress
