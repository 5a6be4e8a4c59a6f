"""Writing công văn: one letter, or one per agency (see :mod:`lsdocs.batch`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lsdocs import vnformat as vn
from lsdocs.content.model import Content
from lsdocs.documents import letter_contexts as letter_doc
from lsdocs.documents.letter_setup import resolve_recipient
from lsdocs.errors import T, Text, parameter_error
from lsdocs.kinds import KINDS
from lsdocs.render.engine import CoreProperties, DocxTemplateFile
from lsdocs.render.output import write_atomic
from lsdocs.templates import load_template, template_path

if TYPE_CHECKING:
    from lsdocs.progress.records import PlanProgress

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
    return render_with(load_template(setup.kind, templates_dir), setup, agency_id)


def render_with(
    template: DocxTemplateFile, setup: letter_doc.LetterSetup, agency_id: str | None
) -> bytes:
    """One letter as .docx bytes from the loaded *template* (a batch loads it once)."""
    context = letter_doc.letter_context(setup, agency_id)
    return template.render(context, letter_core(setup, context["header"]["vv"]))


def write_letter(content: Content, kind: str, options: letter_doc.LetterOptions,
                 agency: str | None, output_root: Path, templates_dir: Path | None = None,
                 warnings: list[Text] | None = None) -> tuple[Path, bool, str | None]:
    """Render one letter, check its format, write it under ``output_root/<plan id>/``.

    Returns the path, whether the file changed, and the (current) agency id it
    is addressed to.  A letter written per agency needs *agency* (an id, a
    2023 id, a name or an abbreviation); UsageError lists the agencies that
    can receive one.  What the clerk should check before signing (odd dates,
    deadlines long past) is appended to *warnings* when given.
    """
    from lsdocs.gate import require_conformant  # the checker: once the letter is made

    setup = letter_doc.setup(content, kind, options, progress_for(content, kind))
    to = None
    if KINDS[kind].per_agency:
        if agency is None:
            raise parameter_error(
                "agency", T("công văn này gửi từng cơ quan: cần chọn cơ quan nhận"),
                expected=T("một trong: {k}", k=", ".join(letter_doc.recipients(setup))))
        to = resolve_recipient(setup, agency)
    if warnings is not None:
        warnings += [*setup.warnings, *letter_doc.letter_warnings(setup, to)]
    name = letter_file_name(kind, to)
    data = render_letter(setup, to, templates_dir)
    require_conformant({name: data}, {name: template_path(kind, templates_dir)})
    path = output_root / vn.file_id(content.plan.id) / name
    return path, write_atomic(path, data), to


def letter_core(setup: letter_doc.LetterSetup, vv: str) -> CoreProperties:
    return CoreProperties(
        title=f"{KINDS[setup.kind].title} - {vv}",
        subject=setup.content.plan.id,
        description="Văn bản do lsdocs soạn từ nội dung kế hoạch; cần kiểm tra trước khi ký.",
        date_iso=f"{setup.options.date.isoformat()}T00:00:00Z",
    )


def progress_for(content: Content, kind: str) -> PlanProgress | None:
    """The plan's progress records when documents of *kind* read them, else None.

    Other letters neither pay for reading the records nor stop on a mistake in
    one.  The loader validates the records and raises
    :class:`~lsdocs.errors.ContentError` on mistakes, like the plan.
    """
    if not KINDS[kind].uses_progress:
        return None
    from lsdocs.progress.record_loader import load_progress

    return load_progress(content)
