"""Default locations the commands use when the user names none."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DEFAULT_PLAN = Path("content") / "kh-182-2023.yaml"
DEFAULT_OUTPUT = Path("output")


def default_content() -> Path:
    """The shipped plan: ``content/kh-182-2023.yaml`` here, else lsdocs' own copy.

    lsdocs' own copy is the checkout's ``content/`` for an editable install, or
    ``share/lsdocs/content`` for a regular one.
    """
    if DEFAULT_PLAN.is_file():
        return DEFAULT_PLAN
    checkout = Path(__file__).resolve().parents[2] / DEFAULT_PLAN
    installed = Path(sys.prefix) / "share" / "lsdocs" / "content" / DEFAULT_PLAN.name
    for candidate in (checkout, installed):
        if candidate.is_file():
            # Say so: a command that writes content (import-xlsx) would write there.
            click.echo(
                f"Không có {DEFAULT_PLAN} ở thư mục hiện tại; dùng nội dung đi kèm lsdocs: "
                f"{candidate}", err=True)
            return candidate
    return DEFAULT_PLAN
