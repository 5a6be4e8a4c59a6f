"""Writing công văn: one letter, or one per agency (see :mod:`lsdocs.batch`)."""

from __future__ import annotations

from pathlib import Path

from lsdocs import vnformat as vn
from lsdocs.documents import letters as letter_doc
from lsdocs.render.engine import CoreProperties
from lsdocs.templates import load_template

KIND_TITLES = {
    "trien-khai": "Công văn triển khai",
    "giao-nhiem-vu": "Công văn giao nhiệm vụ",
    "don-doc": "Công văn đôn đốc",
    "de-nghi-bao-cao": "Công văn đề nghị báo cáo",
}


def letter_file_name(kind: str, agency_id: str | None) -> str:
    """Safe ASCII file name from ids only: ``giao-nhiem-vu-snnmt.docx``."""
    return f"{kind}-{vn.slugify(agency_id)}.docx" if agency_id else f"{kind}.docx"


def render_letter(
    setup: letter_doc.LetterSetup, agency_id: str | None, templates_dir: Path | None = None
) -> bytes:
    """One letter as .docx bytes; the template is compiled once per process."""
    template = load_template(setup.kind, templates_dir)
    context = letter_doc.letter_context(setup, agency_id)
    return template.render(context, letter_core(setup, context["header"]["vv"]))


def letter_core(setup: letter_doc.LetterSetup, vv: str) -> CoreProperties:
    return CoreProperties(
        title=f"{KIND_TITLES[setup.kind]} - {vv}",
        subject=setup.content.plan.id,
        description="Văn bản do lsdocs soạn từ nội dung kế hoạch; cần kiểm tra trước khi ký.",
        date_iso=f"{setup.options.date.isoformat()}T00:00:00Z",
    )
