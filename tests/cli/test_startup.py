"""Start-up stays light: a command imports only what it uses (structure, not timing).

``lsdocs --help``, ``--version``, ``validate`` and each command's ``--help`` run in a fresh
process as ``python -m lsdocs`` does (through :mod:`runpy`), which then writes the modules it
imported.  A top-level import of a heavy library (or of every command module) in the command
line makes these tests fail.  The speed itself is measured by ``bench/bench_startup.py``.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from click.utils import make_default_short_help

from lsdocs.cli import COMMANDS, _register_commands, cli
from lsdocs.i18n import CLICK_DOMAIN, catalog, translate
from lsdocs.kinds import KINDS

ROOT = Path(__file__).resolve().parents[2]
#: libraries no start-up path may import (rendering, Word, Excel, XML, number formatting)
HEAVY = ("jinja2", "docx", "docxtpl", "lxml", "openpyxl", "babel", "numpy")
#: lsdocs' own heavy parts: the checker, the renderer, the writers, the tables
HEAVY_LSDOCS = ("lsdocs.check", "lsdocs.render", "lsdocs.documents", "lsdocs.tabular",
                "lsdocs.batch", "lsdocs.reports", "lsdocs.issuing", "lsdocs.plan_writer")
ENV = {"LSDOCS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "COLUMNS": "100",
       "LSDOCS_NO_CACHE": ""}


#: ``python -m lsdocs ARGS``, then the names in sys.modules written to $LSDOCS_MODULES_OUT
RUNNER = """
import atexit, json, os, runpy, sys
def written():
    with open(os.environ["LSDOCS_MODULES_OUT"], "w") as out:
        json.dump(sorted(sys.modules), out)
atexit.register(written)
runpy.run_module("lsdocs", run_name="__main__", alter_sys=True)
"""


def imported(args: list[str], tmp: Path
             ) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run lsdocs ARGS in a fresh process; the process and the modules it imported."""
    catalog("en")  # compiled once (a fresh checkout has only the .po), as any first run does
    catalog("vi", CLICK_DOMAIN)
    out = tmp / "modules.json"
    env = {**os.environ, **ENV, "PYTHONPATH": str(ROOT), "LSDOCS_MODULES_OUT": str(out),
           "LSDOCS_CACHE_DIR": str(tmp / "cache")}
    run = subprocess.run([sys.executable, "-c", RUNNER, *args],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    names = set(json.loads(out.read_text()))
    assert "lsdocs.cli" in names, run.stderr[-2000:]
    return run, names


def heavy(names: set[str], roots: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == r or n.startswith(r + ".") for r in roots))


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["--lang", "en", "--help"],
                                  ["--lang", "en", "--version"]])
def test_help_and_version_import_no_command(args: list[str], tmp_path: Path) -> None:
    run, names = imported(args, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    commands = {where.partition(":")[0] for where, _ in COMMANDS.values()}
    assert not names & commands, sorted(names & commands)
    assert not heavy(names, (*HEAVY, *HEAVY_LSDOCS, "ruamel", "lsdocs.content"))


def test_validate_imports_no_rendering_library(tmp_path: Path) -> None:
    run, names = imported(["validate"], tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "lsdocs.cli.validate" in names and "lsdocs.content.plan_loader" in names
    assert not heavy(names, (*HEAVY, *HEAVY_LSDOCS))
    assert not heavy(names, tuple(w.partition(":")[0] for n, (w, _) in COMMANDS.items()
                                  if n != "validate"))


def test_validate_of_unchanged_clean_content_reads_no_content(tmp_path: Path) -> None:
    first, _ = imported(["validate"], tmp_path)
    again, names = imported(["validate"], tmp_path)  # same cache folder: remembered clean
    assert first.returncode == again.returncode == 0
    assert again.stdout == first.stdout
    assert not heavy(names, ("lsdocs.content", "lsdocs.progress", "yaml", "ruamel"))


@pytest.mark.parametrize("command", ["letter", "batch", "check", "status", "report",
                                     "report co-quan", "so-van-ban", "phat-hanh", "pdf",
                                     "preview", "export-xlsx", "import-progress", "build",
                                     "new"])
def test_a_command_help_imports_no_writer(command: str, tmp_path: Path) -> None:
    run, names = imported([*command.split(), "--help"], tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not heavy(names, (*HEAVY, *HEAVY_LSDOCS, "lsdocs.content.plan_loader")), command


# --------------------------------------------------------------------------- the table


def test_the_table_names_every_command_with_its_short_help() -> None:
    _register_commands()
    for name, (where, short) in COMMANDS.items():
        command = cli.commands[name]
        module, _, attribute = where.partition(":")
        assert getattr(sys.modules[module], attribute) is command
        assert command.name == name
        assert command.help is not None
        assert short.vi == make_default_short_help(command.help, 10_000), name
        english = translate(inspect.cleandoc(command.help), "en")
        assert short.en == make_default_short_help(english, 10_000), name
        assert short.en != short.vi, name  # the catalog has it


def test_every_command_module_is_in_the_table() -> None:
    _register_commands()
    listed = {where for where, _ in COMMANDS.values()}
    for path in sorted((ROOT / "lsdocs" / "cli").glob("[!_]*.py")):
        module = importlib.import_module(f"lsdocs.cli.{path.stem}")
        commands = {a: v for a, v in vars(module).items() if isinstance(v, click.Command)}
        inner = {id(c) for v in commands.values() if isinstance(v, click.Group)
                 for c in v.commands.values()}
        top = {f"{module.__name__}:{a}" for a, v in commands.items() if id(v) not in inner}
        assert top, f"{path.name} defines no command"
        assert top <= listed, f"add to lsdocs.cli.COMMANDS: {sorted(top - listed)}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_listed_commands_read_as_the_commands_themselves(lang: str, tmp_path: Path) -> None:
    """``lsdocs --help`` from the table (fresh process) equals the help of the loaded commands."""
    run, _names = imported(["--lang", lang, "--help"], tmp_path)
    _register_commands()
    loaded = CliRunner().invoke(cli, ["--lang", lang, "--help"], env=ENV, prog_name="lsdocs",
                                    terminal_width=78)  # click's 80 columns less 2, as run
    assert loaded.exit_code == 0
    assert run.stdout == loaded.output


def test_constants_the_help_shows_are_the_library_ones() -> None:
    from lsdocs import starter
    from lsdocs.cli import issuing, letters, new
    from lsdocs.documents import letter_contexts as letter_doc
    from lsdocs.issuing import REGISTER_ENV
    from lsdocs.issuing.preview import DEFAULT_SIZE

    assert (issuing.REGISTER_ENV, issuing.DEFAULT_SIZE) == (REGISTER_ENV, DEFAULT_SIZE)
    assert letters.LETTER_KINDS == letter_doc.LETTER_KINDS
    assert letters.PER_AGENCY == letter_doc.PER_AGENCY
    assert new.STARTER_KINDS == starter.STARTER_KINDS


def test_an_unknown_command_is_matched_against_every_command(tmp_path: Path) -> None:
    """"Did you mean" looks at commands not imported yet too (a fresh process)."""
    run, names = imported(["valdate"], tmp_path)
    assert run.returncode == 2
    assert "không có lệnh valdate (có phải một trong: validate?)" in run.stderr
    assert "lsdocs.cli.validate" not in names


@pytest.mark.parametrize("args", [["batch", "giao-nhiem-vu"], ["letter", "trien-khai"]])
def test_letters_import_no_excel_nor_round_trip_yaml(args: list[str], tmp_path: Path) -> None:
    """Writing letters reads clean content with libyaml and never touches a workbook."""
    run, names = imported([*args, "--date", "29/11/2026", "-q", "-o", str(tmp_path / "out")]
                          if args[0] == "batch" else
                          [*args, "--date", "29/11/2026", "-o", str(tmp_path / "out")], tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "lsdocs.render.engine" in names
    assert not heavy(names, ("openpyxl", "numpy", "ruamel", "urllib.request",
                             "lsdocs.tabular.assignment_export", "lsdocs.tabular.importing"))


@pytest.mark.parametrize("args", [["batch", "giao-nhiem-vu", "-j", "1"],
                                  ["batch", "giao-nhiem-vu", "-j", "2"],
                                  ["letter", "trien-khai"]])
def test_letters_import_what_they_use(args: list[str], tmp_path: Path) -> None:
    """The format check runs, without the fixer; a pool only with two jobs or more; the
    progress records only for letters that read them (giao nhiệm vụ, đôn đốc)."""
    run, names = imported([*args, "--date", "29/11/2026", "-o", str(tmp_path / "out")], tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "lsdocs.check.runner" in names  # the first letter was checked
    assert not heavy(names, ("lsdocs.check.fix", "lsdocs.render.merge"))
    assert ("lsdocs.progress.record_loader" in names) == KINDS[args[1]].uses_progress
    pool = heavy(names, ("concurrent.futures", "multiprocessing"))
    assert bool(pool) == (args[-1] == "2"), pool


def test_a_batch_on_an_unchanged_template_compiles_nothing(tmp_path: Path) -> None:
    """The second run takes the template's patched text and code from the cache: no docxtpl.

    Its letters are byte for byte those of the first run, which compiled the template.
    """
    def batch(out: str) -> set[str]:
        run, names = imported(["batch", "giao-nhiem-vu", "--date", "29/11/2026", "--only",
                               "syt,skhcn", "-j", "1", "-q", "-o", str(tmp_path / out)], tmp_path)
        assert run.returncode == 0, run.stderr[-2000:]
        return names

    first = batch("first")
    assert {"docxtpl", "docx"} <= first
    again = batch("again")
    assert not heavy(again, ("docxtpl", "docx"))
    assert (tmp_path / "cache" / "templates").is_dir()

    def letters(out: str) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((tmp_path / out).rglob("*.docx"))}

    assert len(letters("first")) == 2
    assert letters("again") == letters("first")
