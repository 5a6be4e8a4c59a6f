"""The CI gate on the message catalogs: `make messages-check` must pass.

The commands are read from the Makefile's ``messages-check`` recipe, so this test runs the
very check a person runs: no hand-paired ``T(vi, en)`` left, no ``Text(f"…", f"…")``, every
msgid of the code (and of the command line's help) with its English in ``lsdocs.po``, and
every text of click with its Vietnamese in ``click.po``.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def recipe(target: str) -> list[str]:
    """The command lines of *target* in the Makefile, ``$(PYTHON)`` made this interpreter."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"{target}:") + 1
    commands = []
    for line in lines[start:]:
        if not line.startswith("\t"):
            break
        commands.append(line.strip().replace("$(PYTHON)", shlex.quote(sys.executable)))
    return commands


def test_make_messages_check_passes() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    commands = recipe("messages-check")
    assert any("i18n_codemod --check" in c for c in commands), commands
    assert any("click_catalog --check" in c for c in commands), commands
    for command in commands:
        done = subprocess.run(command, shell=True, cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, (
            f"{command} failed; run `make messages`, write the missing msgstr, run it "
            f"again:\n{done.stdout[-4000:]}{done.stderr[-2000:]}")
