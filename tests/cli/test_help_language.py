"""``--help``, metavars and click's own texts speak one language: Vietnamese or English."""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from lsdocs import __version__
from lsdocs.cli import _register_commands, cli, main
from lsdocs.cli._help import walk

ROOT = Path(__file__).resolve().parents[2]
_register_commands()


def _paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[str]:
    """Every command's words after ``lsdocs``, subcommands of groups included."""
    out = []
    for name in sorted(group.commands):
        command = group.commands[name]
        out.append(" ".join((*prefix, name)))
        if isinstance(command, click.Group):
            out.extend(_paths(command, (*prefix, name)))
    return out


COMMANDS = _paths(cli)


def _command(words: list[str]) -> click.Command:
    command: click.Command = cli
    for word in words:
        assert isinstance(command, click.Group)
        command = command.commands[word]
    return command
#: typographic marks an English text may use; everything else must be ASCII
ALLOWED = set("–—«»“”‘’…")
#: click's English, which the Vietnamese help must not show
CLICK_ENGLISH = re.compile(
    r"Usage:|Options:|Commands:|Show this message|Show the version|\[default|\[required|"
    r"\[OPTIONS\]|COMMAND \[ARGS\]|\b(TEXT|INTEGER|DIRECTORY|PATH|FILE|RANGE)\b|Error|"
    r"Invalid value|No such|Missing|Try '")
CLEAN_ENV = {"LSDOCS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


def not_english(text: str) -> set[str]:
    return {ch for ch in text if ord(ch) > 127 and ch not in ALLOWED}


def run(args: list[str], **env: str) -> click.testing.Result:
    return CliRunner().invoke(cli, args, env={**CLEAN_ENV, **env}, catch_exceptions=False)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_english_help_has_no_vietnamese(command: str) -> None:
    words = command.split()
    forms = [["--lang", "en", *words, "--help"]]
    if any("--lang" in p.opts for p in _command(words).params):
        forms.append([*words, "--lang", "en", "--help"])  # the command's own --lang
    for args in forms:
        result = run(args)
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output and "Options:" in result.output
        assert not not_english(result.output), (args, not_english(result.output),
                                                result.output)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_vietnamese_help_has_no_english_click_text(command: str) -> None:
    result = run([*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Cách dùng:" in result.output and "Tùy chọn:" in result.output
    assert not CLICK_ENGLISH.search(result.output), result.output
    assert "Hiện hướng dẫn này rồi thoát." in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_shows_examples(command: str) -> None:
    assert "Ví dụ:" in run([*command.split(), "--help"]).output
    assert "Examples:" in run(["--lang", "en", *command.split(), "--help"]).output


def test_date_options_say_their_format() -> None:
    for lang, label in (("vi", "--date NGÀY"), ("en", "--date DATE")):
        output = run(["--lang", lang, "letter", "--help"]).output
        line = next(x for x in output.splitlines() if x.strip().startswith("--date "))
        assert line.strip().startswith(label) and "DD/MM/YYYY" in line, output


@pytest.mark.parametrize(("env", "english"), [
    ({"LANG": "en_US.UTF-8"}, True),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, True),
    ({"LC_MESSAGES": "en_US.UTF-8"}, True),
    ({"LANG": "vi_VN.UTF-8"}, False),
    ({"LANG": "C.UTF-8"}, False),
    ({}, False),
    ({"LANG": "en_US.UTF-8", "LSDOCS_LANG": "vi"}, False),
    ({"LSDOCS_LANG": "en"}, True),
])
def test_the_environment_chooses_the_language(env: dict[str, str], english: bool) -> None:
    output = run(["build", "--help"], **env).output
    assert ("Show this message and exit." in output) is english
    assert ("Hiện hướng dẫn này rồi thoát." in output) is not english


def test_lang_option_wins_over_the_environment() -> None:
    assert "Usage:" in run(["--lang", "en", "build", "--help"], LSDOCS_LANG="vi").output
    assert "Cách dùng:" in run(["build", "--lang", "vi", "--help"], LANG="en_US.UTF-8").output


def lsdocs(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lsdocs", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120,
                          env={**_base_env(), **CLEAN_ENV, **env})


def _base_env() -> dict[str, str]:
    import os

    return dict(os.environ)


USAGE_MISTAKES = [
    ["batch", "don-doc", "--as-of", "31/13/2026"],
    ["nocmd"],
    ["build", "--no-such-option"],
    ["check"],
    ["new", "ke-hoach", "--year", "1"],
    ["letter", "khong-co"],
]


def main_stderr(args: list[str], capsys: pytest.CaptureFixture[str],
                monkeypatch: pytest.MonkeyPatch) -> str:
    for name in CLEAN_ENV:
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("args", USAGE_MISTAKES)
def test_usage_errors_speak_one_language(args: list[str], capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    english = main_stderr(["--lang", "en", *args], capsys, monkeypatch)
    assert english.startswith("Usage error: ")
    assert not not_english(english), english
    vietnamese = main_stderr(args, capsys, monkeypatch)
    assert vietnamese.startswith("Lỗi cách dùng: ")
    assert not CLICK_ENGLISH.search(vietnamese), vietnamese
    words = " ".join(w for w in vietnamese.split() if w not in args)
    assert not re.search(r"\b(is not|not one of|does not|option|command|argument)\b",
                         words), vietnamese


def test_usage_error_from_the_real_command() -> None:
    done = lsdocs("batch", "don-doc", "--as-of", "31/13/2026", LANG="en_US.UTF-8")
    assert done.returncode == 2
    assert done.stderr.startswith("Usage error: Invalid value for '--as-of': «31/13/2026» is "
                                  "not a valid date (expected DD/MM/YYYY"), done.stderr


def test_environment_english_for_a_real_run() -> None:
    done = lsdocs("letter", "--help", LANG="en_US.UTF-8")
    assert done.returncode == 0 and "Examples:" in done.stdout
    assert not not_english(done.stdout)


def test_a_run_leaves_click_and_the_commands_as_they_were() -> None:
    """The language is put in place for one run only; lsdocs used as a library is unchanged."""
    before = {c.name: c.help for c in walk(cli)}
    run(["--lang", "en", "letter", "--help"])
    run(["letter", "--help"])
    assert {c.name: c.help for c in walk(cli)} == before
    assert click.core._ is gettext.gettext  # type: ignore[attr-defined]
    assert click.exceptions.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    letter = cli.commands["letter"]
    assert all(p.metavar is None for p in letter.params if p.name in ("date", "content"))


def test_version_in_both_languages() -> None:
    assert run(["--version"]).output == f"lsdocs, phiên bản {__version__}\n"
    assert run(["--lang", "en", "--version"]).output == f"lsdocs, version {__version__}\n"
    assert run(["--version"], LANG="en_US.UTF-8").output == f"lsdocs, version {__version__}\n"


def test_bare_lsdocs_shows_the_help_without_an_error_frame(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(click.exceptions, "NoArgsIsHelpError"):
        pytest.skip("click < 8.2 prints the help itself")
    err = main_stderr([], capsys, monkeypatch)
    assert err.startswith("Cách dùng: lsdocs [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")
