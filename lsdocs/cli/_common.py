"""Options and helpers shared by every command."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from lsdocs.documents.agency_lookup import parameter_name
from lsdocs.errors import Location, LsdocsError, Problem, T, Text

LANG_ENV = "LSDOCS_LANG"

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class CliContext:
    lang: str = "vi"

    def say(self, text: Text, err: bool = False) -> None:
        click.echo(text.get(self.lang), err=err)


def lang_option(func: F) -> F:
    """``--lang`` on a subcommand too, so ``lsdocs validate --lang en`` works."""

    def set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value:
            ctx.find_object(CliContext).lang = value  # type: ignore[union-attr]

    return click.option(
        "--lang",
        type=click.Choice(["vi", "en"]),
        default=None,
        expose_value=False,
        callback=set_lang,
        help="Ngôn ngữ thông báo: vi (mặc định) hoặc en.",
    )(func)


def print_problems(obj: CliContext, problems: list[Problem]) -> None:
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
            place = T("tùy chọn {f}", "option {f}", f=flag)
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
