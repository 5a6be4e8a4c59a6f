"""The one Jinja environment every lsdocs template renders with.

* ``StrictUndefined``: a missing value is an error, never an empty string in
  an official document;
* autoescape on: ``&``, ``<``, ``>`` in values cannot break the XML;
* sandboxed: a template cannot reach ``__class__``, ``os`` or anything else
  outside the values it is given.

Templates are registered under a name (``ke-hoach.docx:word/document.xml``)
and compiled once per process; rendering many documents from one template
reuses the compiled code.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from jinja2 import FunctionLoader, StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from lsdocs.render.filters import FILTERS

_sources: dict[str, str] = {}
_lock = threading.Lock()


def _load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    source = _sources.get(name)
    if source is None:
        return None
    return source, name, lambda: _sources.get(name) == source


def _make_environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=FunctionLoader(_load),
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        cache_size=1000,
        auto_reload=True,
    )
    env.filters.update(FILTERS)
    return env


#: The environment.  Do not create others: every render goes through this one.
ENV = _make_environment()


def compile_source(name: str, source: str) -> Template:
    """Register *source* under *name* and return its compiled template.

    Raises jinja2's TemplateSyntaxError; callers turn it into a located
    :class:`lsdocs.errors.TemplateError`.
    """
    with _lock:
        _sources[name] = source
        return ENV.get_template(name)


def render_template(template: Template, context: dict[str, Any]) -> str:
    return template.render(context)
