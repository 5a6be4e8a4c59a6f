"""Where templates are found, and loading each one once per process."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from lsdocs.errors import Location, Problem, T, TemplateError
from lsdocs.kinds import KINDS
from lsdocs.render.engine import DocxTemplateFile

TEMPLATES_ENV = "LSDOCS_TEMPLATES"



def default_templates_dir() -> Path:
    """``$LSDOCS_TEMPLATES``, else the checkout's ``templates/``, else the installed copy."""
    env = os.environ.get(TEMPLATES_ENV)
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "lsdocs" / "templates"


def template_path(kind: str, templates_dir: Path | None = None) -> Path:
    directory = templates_dir or default_templates_dir()
    path = directory / KINDS[kind].template
    if not path.is_file():
        raise TemplateError(
            Problem(
                Location(str(path)),
                T("không tìm thấy mẫu văn bản"),
                expected=T(
                    "tệp {name} trong thư mục mẫu (tùy chọn --templates)",
                    name=KINDS[kind].template,
                ),
            )
        )
    return path


def load_template(kind: str, templates_dir: Path | None = None) -> DocxTemplateFile:
    """The compiled template for *kind*; compiled once per process and file version."""
    path = template_path(kind, templates_dir)
    stat = path.stat()
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _load(path: Path, _mtime: int, _size: int) -> DocxTemplateFile:
    return DocxTemplateFile(path, display_name=str(path))
