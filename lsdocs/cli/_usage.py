"""Usage errors in the clerk's language.

click writes its own usage messages in English.  lsdocs prints them with a
Vietnamese frame and translates the common ones; anything else is shown as
click wrote it, still with the Vietnamese frame and the help hint.
"""

from __future__ import annotations

import re

import click

# (pattern of click's English message, Vietnamese form)
_TRANSLATIONS = (
    (r"^No such option: (.+?)(?:\s*\(Possible options: (.+)\))?$", "không có tùy chọn {0}"),
    (r"^No such option: (.+)$", "không có tùy chọn {0}"),
    (r"^No such option '(.+?)'\.?(?: Did you mean (.+)\?)?$", "không có tùy chọn {0}"),
    (r"^Missing argument '(.+)'\.?$", "thiếu đối số {0}"),
    (r"^Missing option '(.+)'\.?$", "thiếu tùy chọn {0}"),
    (r"^Invalid value for '(.+?)': (.+)$", "giá trị không hợp lệ cho {0}: {1}"),
    (r"^Got unexpected extra arguments? \((.+)\)$", "thừa đối số: {0}"),
    (r"^No such command '(.+)'\.?$", "không có lệnh {0}"),
    (r"^Option '(.+)' requires an argument\.?$", "tùy chọn {0} cần một giá trị"),
    (r"^(.+) is not one of (.+)\.?$", "{0} không phải một trong {1}"),
    (r"^Directory '(.+)' is a file\.?$", "«{0}» là một tệp, không phải thư mục"),
    (r"^Directory '(.+)' does not exist\.?$", "thư mục «{0}» không có"),
    (r"^(?:File|Path) '(.+)' does not exist\.?$", "không có «{0}»"),
    (r"^(.+) is not in the range (.+?)\.?$", "{0} nằm ngoài khoảng cho phép ({1})"),
)


def translate(message: str) -> str:
    for pattern, vietnamese in _TRANSLATIONS:
        match = re.match(pattern, message, flags=re.DOTALL)
        if match:
            parts = [translate(g.replace("' / '", " / ")) if g else "" for g in match.groups()]
            return vietnamese.format(*parts)
    return message


def show_usage_error(exc: click.ClickException, lang: str) -> None:
    """Print a usage error: the message, then where to find help."""
    message = exc.format_message()
    if lang == "en":
        click.echo(f"Usage error: {message}", err=True)
    else:
        click.echo(f"Lỗi cách dùng: {translate(message)}", err=True)
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "lsdocs"
    hint = "See" if lang == "en" else "Xem hướng dẫn:"
    click.echo(f"{hint} {command} --help", err=True)
