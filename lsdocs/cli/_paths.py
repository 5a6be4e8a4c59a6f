"""Default locations the commands use, and how a CONTENT argument is read.

CONTENT may be a plan file, a content folder holding one plan, or a plan id
(``kh-182-2023``) looked up in ``./content`` and then in lsdocs' own content.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import click

from lsdocs.cli._help import current_language
from lsdocs.errors import T

DEFAULT_PLAN = Path("content") / "kh-182-2023.yaml"
DEFAULT_OUTPUT = Path("output")
_PLAN_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def shipped_content_dirs() -> list[Path]:
    """lsdocs' own content: the checkout's ``content/``, or the installed copy."""
    return [Path(__file__).resolve().parents[2] / "content",
            Path(sys.prefix) / "share" / "lsdocs" / "content"]


def default_content() -> Path:
    """The shipped plan: ``content/kh-182-2023.yaml`` here, else lsdocs' own copy."""
    if DEFAULT_PLAN.is_file():
        return DEFAULT_PLAN
    for folder in shipped_content_dirs():
        candidate = folder / DEFAULT_PLAN.name
        if candidate.is_file():
            # Say so: a command that writes content (import-xlsx) would write there.
            click.echo(T(
                "Không có {p} ở thư mục hiện tại; dùng nội dung đi kèm lsdocs: {c}",
                p=DEFAULT_PLAN, c=candidate).get(current_language()), err=True)
            return candidate
    return DEFAULT_PLAN


class ContentPath(click.ParamType):  # type: ignore[type-arg]
    """A plan file, a content folder, or a plan id such as ``kh-182-2023``."""

    name = "NỘI_DUNG"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Path:
        path = Path(value)
        if path.exists() or not _PLAN_ID.fullmatch(str(value)):
            return path
        from lsdocs.content import find_plan

        for folder in [Path("content"), *shipped_content_dirs()]:
            found = find_plan(str(value), folder)
            if found is not None:
                return found
        return path  # the loader reports the missing file with its name


CONTENT = ContentPath()
