"""The one Jinja environment every lsdocs template renders with.

* ``StrictUndefined``: a missing value is an error, never an empty string in
  an official document;
* autoescape on, and a template cannot turn it off: ``&``, ``<``, ``>`` in
  values cannot break the XML (see "escaping" below);
* sandboxed: a template cannot reach ``__class__``, ``os`` or anything else
  outside the values it is given;
* bounded: loops, computed text, output and time have limits
  (:mod:`lsdocs.limits`), checked while rendering, before memory runs out.

**Escaping is structural.**  A value reaches the XML raw only as a
``markupsafe.Markup`` object, so templates cannot make one from content:

* at compile time the template's syntax tree is refused if it holds an
  ``{% autoescape %}`` block (any spelling: ``{%+``, ``{%-``, a variable),
  a ``safe`` filter or test (also as ``{% filter safe %}``), ``MarkSafe``
  nodes, or ``{% include/import/extends %}`` of another template;
* the ``safe`` filter does not exist (``map('safe')`` fails) and
  ``lipsum`` is gone;
* at call time, calling a class (``Markup`` reached through some object) is
  refused, and so is any call other than a macro or a method of an already
  escaped value that returns ``Markup``.

Templates are registered under a name (``ke-hoach.docx:word/document.xml``)
and compiled once per process; rendering many documents from one template
reuses the compiled code.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from jinja2 import FunctionLoader, StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from lsdocs.limits import MAX_RENDER_SECONDS
from lsdocs.render.compiled_cache import CompiledCode
from lsdocs.render.filters import FILTERS
from lsdocs.render.sandbox import (
    CONCAT_FILTER,
    LOOP_FILTER,
    SIZED_FILTERS,
    Budget,
    Sandbox,
    TemplateLimitError,
    TemplateRefused,
    bounded_filter,
    concat,
    counted,
    current_budget,
    finalize,
    set_budget,
)

_sources: dict[str, str] = {}
_lock = threading.Lock()


def _make_environment() -> ImmutableSandboxedEnvironment:
    env = Sandbox(
        loader=FunctionLoader(_load),
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        cache_size=1000,
        auto_reload=True,
        finalize=finalize,
        bytecode_cache=CompiledCode(),  # compiled code kept between runs (its module text)
    )
    del env.filters["safe"]
    env.globals.pop("lipsum", None)
    for name in SIZED_FILTERS:
        env.filters[name] = bounded_filter(name, env.filters[name])
    env.filters.update(FILTERS)
    env.filters[LOOP_FILTER] = counted
    env.filters[CONCAT_FILTER] = concat
    return env


def _load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    source = _sources.get(name)
    if source is None:
        return None
    return source, name, lambda: _sources.get(name) == source


#: The environment.  Do not create others: every render goes through this one.
ENV = _make_environment()


def compile_source(name: str, source: str) -> Template:
    """Register *source* under *name* and return its compiled template.

    Raises jinja2's TemplateSyntaxError (:class:`TemplateRefused` for a
    construct templates may not use); callers turn it into a located
    :class:`lsdocs.errors.TemplateError`.
    """
    with _lock:
        _sources[name] = source
        return ENV.get_template(name)


def render_template(
    template: Template, context: dict[str, Any], chunks: list[str] | None = None
) -> str:
    """Render *template*; raises :class:`TemplateLimitError` at a limit.

    *chunks*, when given, receives what the template yielded, in order: its constant
    text as the ``str`` objects of its compiled code, each value as ``Markup`` (the
    engine recognises documents shaped like one it checked: :mod:`lsdocs.render.shapes`).
    """
    budget = Budget(deadline=time.monotonic() + MAX_RENDER_SECONDS)
    previous = current_budget()
    set_budget(budget)
    if chunks is None:
        chunks = []
    emit, append = budget.emit, chunks.append  # once per part, not once per chunk
    try:
        for chunk in template.generate(context):
            emit(len(chunk))
            append(chunk)
        budget.check_time()
        return "".join(chunks)
    finally:
        set_budget(previous)


__all__ = ["ENV", "TemplateLimitError", "TemplateRefused", "compile_source", "render_template"]
