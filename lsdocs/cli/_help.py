"""The command line in one language: ``--help``, metavars and click's own texts.

The help is written in Vietnamese in the code (docstrings, ``help=``); English comes from
the ``lsdocs`` catalog with the Vietnamese as msgid.  click's own texts (``Usage:``,
``Show this message and exit.``, ``No such command``) come from click in English and get
Vietnamese from lsdocs' ``click`` catalog.

While a command runs, :class:`Speaking` puts the chosen language in place: it walks the
commands imported so far and each command imported later in the run (commands are imported
on demand, :mod:`lsdocs.cli._lazy`), so commands need nothing of their own; it sets each help
text, short help, option help and metavar, and hands click's modules a ``gettext`` bound to
the catalog; everything is put back when the command ends, so importing lsdocs or click as a
library is never affected.

The language is, first to last: ``--lang``, ``LSDOCS_LANG``, then the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``en_*`` is English, anything else Vietnamese).
"""

from __future__ import annotations

import gettext
import importlib
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import click

from lsdocs.errors import LANGUAGES
from lsdocs.i18n import CLICK_DOMAIN, catalog, translate

LANG_ENV = "LSDOCS_LANG"
_LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")
#: click modules that translate with ``from gettext import gettext as _``
_CLICK_MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting",
                  "click.parser", "click.types", "click.utils", "click.termui",
                  "click.shell_completion")
#: metavar words click writes itself (not through gettext)
_CLICK_METAVARS = ("[OPTIONS]", "COMMAND [ARGS]...")


def env_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: LSDOCS_LANG, else the locale, else vi.

    >>> env_language({"LANG": "en_US.UTF-8"}), env_language({"LANG": "vi_VN.UTF-8"})
    ('en', 'vi')
    >>> env_language({"LSDOCS_LANG": "vi", "LC_ALL": "en_GB.UTF-8"}), env_language({})
    ('vi', 'vi')
    """
    environ = os.environ if environ is None else environ
    explicit = environ.get(LANG_ENV, "")
    if explicit in LANGUAGES:
        return explicit
    for name in _LOCALE_ENV:
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


def argv_language(argv: Sequence[str]) -> str | None:
    """The value of the last ``--lang`` on a command line, if any."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found if found in LANGUAGES else None


def cli_language(argv: Sequence[str]) -> str:
    return argv_language(argv) or env_language()


# --------------------------------------------------------------------------- texts


def help_text(text: str, lang: str) -> str:
    """A help text in *lang*: lsdocs' Vietnamese through the catalog, click's English too."""
    if lang == "en":
        return translate(inspect.cleandoc(text), "en") if _has_letters(text) else text
    return click_text(text)


def click_text(text: str, context: str | None = None) -> str:
    """One of click's English texts in Vietnamese (unchanged when the catalog lacks it)."""
    translations = catalog("vi", CLICK_DOMAIN)
    if context is not None:
        return translations.pgettext(context, text)
    return translations.gettext(text)


_WORD = re.compile(r"[^\W\d_][\w]*")


def metavar_text(word: str, lang: str) -> str:
    """A metavar (``NỘI_DUNG``, ``TEXT``, ``TỆP.docx``) in *lang*, word by word.

    >>> metavar_text("TỆP.docx", "en"), metavar_text("INTEGER RANGE", "vi")
    ('FILE.docx', 'SỐ')
    """
    whole = translate(word, "en") if lang == "en" else click_text(word, "metavar")
    if whole != word:
        return whole
    return _WORD.sub(lambda m: metavar_text(m.group(), lang) if m.group() != word
                     else word, word)


def metavar_words(word: str) -> list[str]:
    """The words of a metavar that need a translation (upper case, not click's)."""
    if click_text(word, "metavar") != word:
        return []
    return [w for w in _WORD.findall(word) if w.isupper() and click_text(w, "metavar") == w]


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


# --------------------------------------------------------------------------- the tree


def walk(command: click.Command) -> Iterator[click.Command]:
    """*command* and every command under it, in name order."""
    yield command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name])


def params_of(command: click.Command, settings: Mapping[str, Any]) -> list[click.Parameter]:
    """The parameters, the ``--help`` option included (*settings*: the root's context_settings).

    click makes the ``--help`` option once, so it is made here as the run would make it.
    """
    return command.get_params(click.Context(command, info_name=command.name, **settings))


def _base_metavar(param: click.Parameter) -> str | None:
    """The metavar word before click decorates it; None when the type draws its own."""
    if param.metavar is not None:
        return param.metavar
    if param.param_type_name == "option" and getattr(param, "is_flag", False):
        return None
    if type(param.type).get_metavar is not click.ParamType.get_metavar:
        return None
    custom = not type(param.type).__module__.startswith("click.")
    if isinstance(param, click.Argument) and not custom:
        return (param.name or "").upper()
    return param.type.name.upper()


def _decorate(param: click.Parameter, word: str) -> str:
    """``[WORD]`` for an optional argument, ``WORD...`` for several (unless written so)."""
    if isinstance(param, click.Argument) and not param.required and "[" not in word:
        word = f"[{word}]"
    return word + ("..." if param.nargs != 1 and "..." not in word else "")


class Speaking:
    """Puts the command line's texts in one language; :meth:`restore` puts them back."""

    def __init__(self, root: click.Command) -> None:
        self.root = root
        self.lang: str | None = None
        self._undo: list[Callable[[], None]] = []

    def apply(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.restore()
        self.lang = lang
        for command in walk(self.root):
            self._command(command, lang)
        self._click_catalog(lang)

    def extend(self, command: click.Command) -> None:
        """A command imported after :meth:`apply` (see :mod:`lsdocs.cli._lazy`) speaks too."""
        if self.lang is not None:
            for sub in walk(command):
                self._command(sub, self.lang)

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()
        self.lang = None

    def _set(self, obj: Any, name: str, value: Any) -> None:
        old = getattr(obj, name)
        if value != old:
            self._undo.append(lambda: setattr(obj, name, old))
            setattr(obj, name, value)

    def _command(self, command: click.Command, lang: str) -> None:
        for name in ("help", "short_help", "epilog"):
            text = getattr(command, name)
            if text:
                self._set(command, name, help_text(text, lang))
        for name in ("options_metavar", "subcommand_metavar"):
            word = getattr(command, name, None)
            if word in _CLICK_METAVARS and lang == "vi":
                self._set(command, name, click_text(word, "metavar"))
        for param in params_of(command, self.root.context_settings):
            if isinstance(param, click.Option) and param.help:
                self._set(param, "help", help_text(param.help, lang))
            word = _base_metavar(param)
            if word is not None:
                self._set(param, "metavar", _decorate(param, metavar_text(word, lang)))

    def _click_catalog(self, lang: str) -> None:
        translations = catalog("vi", CLICK_DOMAIN) if lang == "vi" else None
        for name in _CLICK_MODULES:
            module = importlib.import_module(name)
            if hasattr(module, "_"):
                self._set(module, "_", translations.gettext if translations else _same)
            if hasattr(module, "ngettext"):
                self._set(module, "ngettext",
                          translations.ngettext if translations else _same_plural)


def _same(message: str) -> str:
    return message


def _same_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


_ACTIVE: list[Speaking] = []
_DEPTH = [0]


@contextmanager
def speaking(root: click.Command, lang: str) -> Iterator[Speaking]:
    """Within: the command line speaks *lang*; nested uses share one :class:`Speaking`."""
    if not _ACTIVE:
        _ACTIVE.append(Speaking(root))
    session = _ACTIVE[0]
    _DEPTH[0] += 1
    try:
        if _DEPTH[0] == 1:
            session.apply(lang)
        yield session
    finally:
        _DEPTH[0] -= 1
        if _DEPTH[0] == 0:
            session.restore()
            _ACTIVE.clear()


def switch_language(lang: str) -> None:
    """``--lang`` was read: speak *lang* from now on (its help included)."""
    if _ACTIVE:
        _ACTIVE[0].apply(lang)


@contextmanager
def defining() -> Iterator[None]:
    """Within: click's own texts are click's English, as outside a run.

    click writes some texts when a command is defined (``click.Path`` names its metavar
    "directory"); a command imported during a run must not get them in the run's language,
    or its help would translate them a second time.
    """
    changed = []
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        for attr, original in (("_", gettext.gettext), ("ngettext", gettext.ngettext)):
            value = getattr(module, attr, original)
            if value is not original:
                changed.append((module, attr, value))
                setattr(module, attr, original)
    try:
        yield
    finally:
        for module, attr, value in changed:
            setattr(module, attr, value)


def adopt(command: click.Command) -> None:
    """*command* was just imported: during a run it speaks the run's language."""
    if _ACTIVE:
        _ACTIVE[0].extend(command)


def current_language() -> str:
    """The language the command line speaks now."""
    return (_ACTIVE[0].lang if _ACTIVE else None) or env_language()


class LsdocsGroup(click.Group):
    """A group whose ``main`` speaks the language asked for (also under click's CliRunner)."""

    def main(self, args: Sequence[str] | None = None,
             *rest: Any, **kwargs: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        with speaking(self, cli_language(argv)):
            return super().main(argv, *rest, **kwargs)


# --------------------------------------------------------------------------- extraction


def help_msgids() -> dict[str, list[tuple[str, int]]]:
    """Every Vietnamese help text and metavar of the command line, with where it is written.

    Used by ``tools/i18n_codemod.py`` to keep them in the English catalog.
    """
    from lsdocs.cli import _register_commands, cli

    _register_commands()
    found: dict[str, list[tuple[str, int]]] = {}

    def add(text: str | None, where: tuple[str, int]) -> None:
        if text and _has_letters(text) and click_text(text) == text:
            found.setdefault(inspect.cleandoc(text), []).append(where)

    for command in walk(cli):
        where = _where(command)
        for name in ("help", "short_help", "epilog"):
            add(getattr(command, name), where)
        for param in params_of(command, cli.context_settings):
            if isinstance(param, click.Option):
                add(param.help, where)
            for word in metavar_words(_base_metavar(param) or ""):
                add(word, where)
    return found


def _where(command: click.Command) -> tuple[str, int]:
    callback = command.callback
    if callback is None:
        return ("lsdocs/cli/__init__.py", 0)
    callback = inspect.unwrap(callback)
    path = inspect.getsourcefile(callback) or ""
    rel = path[path.rfind("lsdocs/"):] if "lsdocs/" in path else path
    return (rel, inspect.getsourcelines(callback)[1])
