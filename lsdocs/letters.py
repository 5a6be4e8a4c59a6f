"""Writing công văn: one letter, or one per agency (see :mod:`lsdocs.batch`)."""

from __future__ import annotations

from pathlib import Path

from lsdocs import vnformat as vn
from lsdocs.documents import letters as letter_doc
from lsdocs.kinds import KINDS
from lsdocs.render.engine import CoreProperties
from lsdocs.templates import load_template

#: Agency file ids that would take the name of another file lsdocs writes
#: (``giao-nhiem-vu-tong-hop.docx`` is the merged batch file).
RESERVED_IDS = frozenset({"tong-hop"})


def letter_file_name(kind: str, agency_id: str | None) -> str:
    """Safe ASCII file name from ids only: ``giao-nhiem-vu-snnmt.docx``.

    Different agency ids always give different names (:func:`lsdocs.vnformat.file_id`).
    """
    return KINDS[kind].file_name(vn.file_id(agency_id, RESERVED_IDS) if agency_id else None)


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
