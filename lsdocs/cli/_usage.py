"""Usage errors in the clerk's language.

click writes its usage messages through gettext; while lsdocs runs, they come from
lsdocs' Vietnamese catalog of click's texts (:mod:`lsdocs.cli._help`).  This module frames
them ("Lỗi cách dùng: …", then where to find help) and, in Vietnamese, drops the quotes
click puts around option names (``'--as-of'`` reads ``--as-of``).
"""

from __future__ import annotations

import re

import click

from lsdocs.errors import T

_QUOTED_AT_END = re.compile(r"'([^'\s]+)'\.$")
_QUOTED = re.compile(r"'([^'\s]+)'")


def translate(message: str) -> str:
    """A click message as Vietnamese text shows it (click's catalog did the words).

    >>> translate("giá trị không hợp lệ cho '--as-of': «31/13/2026»")
    'giá trị không hợp lệ cho --as-of: «31/13/2026»'
    >>> translate("thiếu đối số 'TỆP.docx...'.")
    'thiếu đối số TỆP.docx...'
    """
    return _QUOTED.sub(r"\1", _QUOTED_AT_END.sub(r"\1", message))


USAGE_ERROR = T("Lỗi cách dùng: {m}")
SEE_HELP = T("Xem hướng dẫn: {c} --help")


def show_usage_error(exc: click.ClickException, lang: str) -> None:
    """Print a usage error: the message, then where to find help."""
    message = exc.format_message()
    click.echo(USAGE_ERROR.format(m=message if lang == "en" else translate(message)).get(lang),
               err=True)
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "lsdocs"
    click.echo(SEE_HELP.format(c=command).get(lang), err=True)
