"""Commands imported on demand, so ``lsdocs --help`` and ``--version`` start fast.

The root group knows each command by a table row: its name, where it is defined
(``"module:attribute"``) and its short help (the first sentence of its docstring, as
``lsdocs --help`` lists it).  A command's module, and the libraries it uses, are imported
only when that command runs or shows its own help; ``lsdocs --help`` reads the table.
``tests/cli/test_startup.py`` keeps the table equal to the commands themselves.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import click
from click.utils import make_default_short_help

from lsdocs.cli._help import LsdocsGroup, adopt, current_language, defining, help_text
from lsdocs.errors import Text

#: command name -> ("module:attribute", short help)
CommandTable = Mapping[str, tuple[str, Text]]


class LazyGroup(LsdocsGroup):
    """A group whose commands are imported from :attr:`lazy` when first asked for."""

    def __init__(self, *args: Any, lazy: CommandTable | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: CommandTable = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.load(cmd_name)
        return self.commands.get(cmd_name)

    def load(self, name: str) -> click.Command:
        """Import the command *name*, attach it and give it the language of the run."""
        module_name, _, attribute = self.lazy[name][0].partition(":")
        with defining():
            command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy[name][0]} is not a click command")
        self.add_command(command, name)
        adopt(command)
        return command

    def load_all(self) -> None:
        """Import every command (the help catalog and the tests walk the whole tree)."""
        for name in self.lazy:
            if name not in self.commands:
                self.load(name)

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            # "did you mean" looks among every command, imported or not
            name = getattr(exc, "command_name", args[0])
            raise click.exceptions.NoSuchCommand(
                name, possibilities=self.list_commands(ctx), ctx=exc.ctx) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list as click writes it; commands not imported from the table."""
        names = [name for name in self.list_commands(ctx)
                 if name not in self.commands or not self.commands[name].hidden]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        lang = current_language()
        rows = [(name, self._short_help(name, limit, lang)) for name in names]
        title = click.core._("Commands")  # type: ignore[attr-defined]  # click's, translated
        with formatter.section(title):
            formatter.write_dl(rows)

    def _short_help(self, name: str, limit: int, lang: str) -> str:
        command = self.commands.get(name)
        if command is not None:
            return command.get_short_help_str(limit)
        return make_default_short_help(help_text(self.lazy[name][1].vi, lang), limit)
