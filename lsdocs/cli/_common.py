"""Options and helpers shared by every command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from lsdocs.errors import Problem, Text

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
