"""``lsdocs build``: the plan and its appendix, from content to .docx files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lsdocs import vnformat as vn
from lsdocs.content import load_plan
from lsdocs.content.model import Content
from lsdocs.documents import plan as plan_doc
from lsdocs.errors import Problem, Text
from lsdocs.gate import require_conformant
from lsdocs.kinds import KINDS
from lsdocs.render.engine import CoreProperties
from lsdocs.render.output import remove_stale_temporaries, write_atomic
from lsdocs.templates import load_template, template_path

PLAN_FILE = KINDS["ke-hoach"].file_name()
APPENDIX_FILE = KINDS["phu-luc-phan-cong"].file_name()


@dataclass
class BuildResult:
    """What a build wrote (``changed``) and left as it was (``unchanged``)."""

    directory: Path
    changed: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    illustrative: str = ""
    warnings: list[Problem] = field(default_factory=list)
    #: the parts of ``illustrative`` in both languages
    illustrative_parts: list[Text] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return sorted(self.changed + self.unchanged)


def build(content_path: str | os.PathLike[str], output_root: str | os.PathLike[str],
          templates_dir: str | os.PathLike[str] | None = None) -> BuildResult:
    """Load and validate *content_path*, then write the plan under ``output_root/<id>/``.

    Nothing is written unless the content is valid, every document rendered and
    every document passed the Decree 30 checker.
    """
    content = load_plan(content_path)
    templates = Path(templates_dir) if templates_dir is not None else None
    return build_content(content, Path(output_root), templates)


def build_content(content: Content, output_root: Path,
                  templates_dir: Path | None = None) -> BuildResult:
    """Write the plan and its appendix from loaded *content* (see :func:`build`)."""
    documents = render_plan_documents(content, templates_dir)
    require_conformant(documents, {PLAN_FILE: template_path("ke-hoach", templates_dir),
                                   APPENDIX_FILE: template_path("phu-luc-phan-cong",
                                                                templates_dir)})
    directory = output_root / vn.file_id(content.plan.id)
    result = BuildResult(directory, illustrative=plan_doc.illustrative_note(content.plan),
                         warnings=list(content.warnings),
                         illustrative_parts=plan_doc.illustrative_parts(content.plan))
    remove_stale_temporaries(directory)
    for name, data in documents.items():
        path = directory / name
        (result.changed if write_atomic(path, data) else result.unchanged).append(path)
    return result


def render_plan_documents(content: Content, templates_dir: Path | None = None) -> dict[str, bytes]:
    """Render every document of a plan build in memory: file name -> bytes."""
    context = plan_doc.plan_context(content)
    core = plan_core(content)
    plan = load_template("ke-hoach", templates_dir).render(context, core)
    appendix = load_template("phu-luc-phan-cong", templates_dir).render(
        {"appendix": context["appendix"]}, core
    )
    return {PLAN_FILE: plan, APPENDIX_FILE: appendix}


def plan_core(content: Content) -> CoreProperties:
    doc = content.plan.document
    note = plan_doc.illustrative_note(content.plan)
    description = f"Nội dung minh họa, không phải văn bản gốc: {note}." if note else ""
    date_iso = f"{doc.date.isoformat()}T00:00:00Z" if doc.date else "2000-01-01T00:00:00Z"
    return CoreProperties(
        title=f"{plan_doc.PLAN_TYPE_NAME} - {doc.trich_yeu}",
        subject=content.plan.id,
        description=description,
        date_iso=date_iso,
    )
