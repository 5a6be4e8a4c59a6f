"""``--json``: one documented, versioned shape for every command's output.

Every command given ``--json`` prints exactly one JSON object on stdout::

    {
      "schema": "lsdocs/1",          # this shape, versioned
      "command": "validate",         # the command that ran
      "ok": true,                    # exit_code == 0
      "exit_code": 0,                # 0 ok, 1 content/document errors, 2 usage, 3 internal,
                                     # 4 check: not a Decree 30 administrative document
      "lang": "vi",                  # language of the human texts
      "problems": [ ... ],           # every error and warning, see below
      "result": { ... }              # what the command produced (command-specific, or null)
    }

A problem has structured location fields and the human text::

    {"code": "bad-date", "severity": "error", "file": "content/kh.yaml", "line": 167,
     "path": "task_groups[0].tasks[0].deadline", "place": null, "message": "…",
     "found": "31/02/2024", "expected": "…", "hint": null, "text": "content/kh.yaml:167: …"}

The shape is the same when a command fails (``ok`` false, ``result`` null),
so a script parses every run the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import click

from lsdocs.errors import Problem

SCHEMA = "lsdocs/1"


def problem_dict(problem: Problem, lang: str) -> dict[str, object]:
    """A problem as JSON: its structured fields plus the line a human reads."""
    return {**problem.to_dict(lang), "text": problem.format(lang)}


def envelope(command: str, exit_code: int, lang: str, result: Any = None,
             problems: Iterable[Problem] = ()) -> dict[str, object]:
    return {
        "schema": SCHEMA,
        "command": command,
        "ok": exit_code == 0,
        "exit_code": exit_code,
        "lang": lang,
        "problems": [problem_dict(p, lang) for p in problems],
        "result": result,
    }


def emit(command: str, exit_code: int, lang: str, result: Any = None,
         problems: Iterable[Problem] = ()) -> None:
    """Print the envelope on stdout (UTF-8 text, not ASCII escapes)."""
    data = envelope(command, exit_code, lang, result, problems)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
