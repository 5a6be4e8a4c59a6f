"""Content: the agency registry and plans, read from YAML and checked.

>>> from lsdocs.content import load_plan  # doctest: +SKIP
>>> content = load_plan("content/kh-182-2023.yaml")  # doctest: +SKIP
"""

from __future__ import annotations

from lsdocs.content.agencies import resolve_agency
from lsdocs.content.deadlines import parse_deadline
from lsdocs.content.plan_loader import find_plan, load_plan, load_registry, plan_files, validate

__all__ = [
    "find_plan",
    "load_plan",
    "load_registry",
    "parse_deadline",
    "plan_files",
    "resolve_agency",
    "validate",
]
