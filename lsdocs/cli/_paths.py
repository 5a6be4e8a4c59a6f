"""Default locations the commands use when the user names none."""

from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_PLAN = Path("content") / "kh-182-2023.yaml"
DEFAULT_OUTPUT = Path("output")


def default_content() -> Path:
    """``content/kh-182-2023.yaml`` in the current directory, else the installed copy."""
    if DEFAULT_PLAN.is_file():
        return DEFAULT_PLAN
    installed = Path(sys.prefix) / "share" / "lsdocs" / "content" / DEFAULT_PLAN.name
    return installed if installed.is_file() else DEFAULT_PLAN
