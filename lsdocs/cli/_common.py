"""Options and helpers shared by every command."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from lsdocs.cli._help import LANG_ENV as LANG_ENV  # noqa: F401 - where commands found it
from lsdocs.cli._help import switch_language
from lsdocs.errors import Location, LsdocsError, Problem, T, Text, parameter_name

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class CliContext:
    """What every command of one run shares: the language, and whether to answer in JSON."""

    lang: str = "vi"
    json: bool = False  # --json: stdout carries one JSON object (see lsdocs.cli._json)
    command: str = ""

    def __post_init__(self) -> None:
        _CURRENT[0] = self

    def say(self, text: Text, err: bool = False) -> None:
        """Print a message for people; under --json it goes to stderr, keeping stdout JSON."""
        click.echo(text.get(self.lang), err=err or self.json)

    def emit(self, exit_code: int, result: object = None,
             problems: Iterable[Problem] = ()) -> None:
        """Under --json, print the command's one JSON object (lsdocs.cli._json)."""
        if self.json:
            from lsdocs.cli._json import emit

            emit(self.command, exit_code, self.lang, result, problems)


_CURRENT: list[CliContext | None] = [None]


def current_context() -> CliContext | None:
    """The context of the running command (for errors raised outside it)."""
    return _CURRENT[0]


def json_option(func: F) -> F:
    """``--json``: answer with one JSON object of the documented shape (lsdocs.cli._json)."""

    def set_json(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        obj = ctx.find_object(CliContext)
        if obj is not None:
            obj.command = ctx.command_path.removeprefix("lsdocs").strip() or ctx.info_name or ""
            obj.json = obj.json or value

    return click.option(
        "--json", "json_flag", is_flag=True, expose_value=False, callback=set_json,
        is_eager=True, help="Kết quả dạng JSON cho script (một đối tượng, lược đồ lsdocs/1).",
    )(func)


def lang_option(func: F) -> F:
    """``--lang`` on a subcommand too, so ``lsdocs validate --lang en`` works."""

    def set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value:
            switch_language(value)  # eager, so ``--lang en --help`` shows English help
            obj = ctx.find_object(CliContext)
            if obj is not None:
                obj.lang = value

    return click.option(
        "--lang",
        type=click.Choice(["vi", "en"]),
        default=None,
        expose_value=False,
        is_eager=True,
        callback=set_lang,
        help="Ngôn ngữ thông báo và hướng dẫn: vi (mặc định) hoặc en.",
    )(func)


def print_problems(obj: CliContext, problems: list[Problem]) -> None:
    if obj.json:
        return  # the JSON object carries them
    for problem in problems:
        click.echo(problem.format(obj.lang), err=True)


def with_flags(exc: LsdocsError) -> LsdocsError:
    """The error with library parameters (``only``, ``as_of``) named as CLI flags."""
    changed = False
    problems = []
    for problem in exc.problems:
        name = parameter_name(problem)
        if name is not None:
            flag = "--" + name.replace("_", "-")
            place = T("tùy chọn {f}", f=flag)
            problem = Problem(Location(problem.location.file, problem.location.line,
                                       problem.location.path, place),
                              problem.message, problem.found, problem.expected, problem.hint,
                              problem.severity, problem.code)
            changed = True
        problems.append(problem)
    if not changed:
        return exc
    renamed = copy.copy(exc)
    renamed.problems = problems
    return renamed
