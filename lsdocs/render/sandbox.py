"""The sandbox behind :data:`lsdocs.render.environment.ENV`: escaping guard and budgets.

See :mod:`lsdocs.render.environment` for what it refuses and why.  A budget
(:class:`Budget`) is opened per render by
:func:`lsdocs.render.environment.render_template`; loops, computed text and
output count against it, and the clock is checked as they run.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes, pass_eval_context
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.nodes import EvalContext
from jinja2.runtime import BlockReference, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from lsdocs.errors import T, Text
from lsdocs.limits import (
    MAX_LOOP_ITERATIONS,
    MAX_OUTPUT_CHARS,
    MAX_RENDER_SECONDS,
    MAX_TEXT_CHARS,
)

#: Widths, counts and indents a template may ask of a filter or method.
MAX_WIDTH = 10_000
LOOP_FILTER = "_lsdocs_loop"
CONCAT_FILTER = "_lsdocs_concat"
_FORMAT_WIDTH = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}|\{[^{}]*\{")
_REFUSED_METHODS = frozenset({"expandtabs", "translate", "maketrans"})

_local = threading.local()
_MISSING = object()


class TemplateLimitError(Exception):
    """Rendering stopped at a limit; *message* names it."""

    def __init__(self, message: Text):
        super().__init__(message.en)
        self.message = message


class TemplateRefused(TemplateSyntaxError):
    """A construct templates may not use; *text* says which, in both languages."""

    def __init__(self, text: Text, lineno: int, name: str | None, filename: str | None):
        super().__init__(text.en, lineno, name, filename)
        self.text = text


# --- budget of one render -----------------------------------------------------------------


@dataclass
class Budget:
    deadline: float
    iterations: int = 0
    output: int = 0
    emitted: int = 0

    def tick(self) -> None:
        self.iterations += 1
        if self.iterations > MAX_LOOP_ITERATIONS:
            raise TemplateLimitError(T(
                "mẫu lặp quá nhiều lần (giới hạn {n} vòng lặp mỗi phần)",
                n=f"{MAX_LOOP_ITERATIONS:,}".replace(",", ".")))
        if self.iterations % 1024 == 0:
            self.check_time()

    def emit(self, size: int) -> None:
        self.output += size
        self.emitted += 1
        if self.emitted % 1024 == 0:
            self.check_time()
        if self.output > MAX_OUTPUT_CHARS:
            raise TemplateLimitError(T(
                "mẫu tạo ra quá nhiều chữ (giới hạn {n} ký tự mỗi phần)",
                n=f"{MAX_OUTPUT_CHARS:,}".replace(",", ".")))

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(T(
                "mẫu chạy quá lâu (giới hạn {s} giây mỗi phần)",
                s=int(MAX_RENDER_SECONDS)))


def set_budget(budget: Budget | None) -> None:
    """Open (or close, with None) the budget of the render running in this thread."""
    _local.budget = budget


def current_budget() -> Budget | None:
    budget: Budget | None = getattr(_local, "budget", None)
    return budget


def _too_long(size: int) -> TemplateLimitError:
    return TemplateLimitError(T(
        "mẫu tạo ra một giá trị quá dài ({n} ký tự; giới hạn {m})",
        n=f"{size:,}".replace(",", "."), m=f"{MAX_TEXT_CHARS:,}".replace(",", ".")))


def _check_size(size: int) -> None:
    if size > MAX_TEXT_CHARS:
        raise _too_long(size)


def _too_wide(value: int) -> TemplateLimitError:
    return TemplateLimitError(T(
        "mẫu yêu cầu độ rộng/số lượng quá lớn ({n}; giới hạn {m})",
        n=value, m=MAX_WIDTH))


# --- compile-time guard -------------------------------------------------------------------

_REFUSED_NODES: dict[type[nodes.Node], Text] = {
    nodes.ScopedEvalContextModifier: T(
        "mẫu không được dùng {% autoescape %}: giá trị nội dung luôn được thoát ký tự"),
    nodes.EvalContextModifier: T(
        "mẫu không được đổi chế độ thoát ký tự"),
    nodes.MarkSafe: T("mẫu không được đánh dấu giá trị là an toàn"),
    nodes.MarkSafeIfAutoescape: T("mẫu không được đánh dấu giá trị là an toàn"),
    nodes.Extends: T("mẫu không được nạp mẫu khác ({% extends %})"),
    nodes.Include: T("mẫu không được nạp mẫu khác ({% include %})"),
    nodes.Import: T("mẫu không được nạp mẫu khác ({% import %})"),
    nodes.FromImport: T("mẫu không được nạp mẫu khác ({% from … import %})"),
}
_SAFE_REFUSED = T("mẫu không được dùng bộ lọc «safe»: giá trị nội dung luôn được thoát ký tự")


class _Guard(NodeTransformer):
    """Refuses unsafe constructs; routes loops and ``~`` through the budget."""

    def __init__(self, name: str | None, filename: str | None):
        self.name, self.filename = name, filename

    def refuse(self, text: Text, node: nodes.Node) -> TemplateRefused:
        return TemplateRefused(text, node.lineno or 1, self.name, self.filename)

    def generic_visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        for kind, text in _REFUSED_NODES.items():
            if isinstance(node, kind):
                raise self.refuse(text, node)
        if isinstance(node, (nodes.Filter, nodes.Test)) and node.name == "safe":
            raise self.refuse(_SAFE_REFUSED, node)
        return super().generic_visit(node, *args, **kwargs)

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802 - NodeVisitor naming
        node = self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, LOOP_FILTER, [], [], None, None,
                                 lineno=node.iter.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802
        node = self.generic_visit(node)
        items = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(items, CONCAT_FILTER, [], [], None, None, lineno=node.lineno)


# --- run-time guard -----------------------------------------------------------------------


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    budget = current_budget()
    for item in iterable:
        if budget is not None:
            budget.tick()
        yield item


@pass_eval_context
def concat(eval_ctx: EvalContext, items: list[Any]) -> str:
    _check_size(sum(len(i) if isinstance(i, str) else 64 for i in items))
    joined: str = markup_join(items) if eval_ctx.autoescape else str_join(items)
    _check_size(len(joined))
    return joined


def finalize(value: Any) -> Any:
    budget: Budget | None = getattr(_local, "budget", None)  # current_budget(), inline
    if budget is not None and isinstance(value, str):
        budget.emit(len(value))
    return value


def _check_printf(fmt: str) -> None:
    for match in _FORMAT_WIDTH.finditer(fmt):
        for part in match.groups():
            if part == "*":
                raise _too_wide(-1)
            if part and int(part) > MAX_WIDTH:
                raise _too_wide(int(part))


def _check_brace_format(fmt: str) -> None:
    for match in _BRACE_SPEC.finditer(fmt):
        spec = match.group(1)
        if spec is None or "{" in spec:
            raise _too_wide(-1)
        for number in re.findall(r"\d+", spec):
            if int(number) > MAX_WIDTH:
                raise _too_wide(int(number))


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


def _check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if _length(seq) and isinstance(count, int):
                _check_size(_length(seq) * count)
        if isinstance(left, int) and isinstance(right, int):
            _check_bits(left.bit_length() + right.bit_length())
    elif operator == "**" and isinstance(left, int) and isinstance(right, int):
        _check_bits(abs(right) * max(abs(left).bit_length(), 1) if abs(left) > 1 else 1)
    elif operator == "+":
        _check_size(_length(left) + _length(right))
    elif operator == "%" and isinstance(left, str):
        _check_printf(left)


def _check_bits(bits: int) -> None:
    if bits > 64_000:
        raise TemplateLimitError(T("mẫu tính ra số quá lớn"))


def _owner(obj: Any) -> Any:
    """The object a method is bound to (also through the sandbox's format wrapper)."""
    return getattr(getattr(obj, "__wrapped__", obj), "__self__", None)


def _check_method(obj: Any, args: tuple[Any, ...]) -> None:
    """Pre-check a call on text, so a huge result is refused before it is built."""
    owner = _owner(obj)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in _REFUSED_METHODS:
        raise SecurityError(f"str.{name} is not available in templates")
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and arg > MAX_WIDTH:
            raise _too_wide(arg)
    if name == "replace" and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        hits = len(owner) + 1 if not old else owner.count(old)
        _check_size(len(owner) + hits * len(new))
    if name == "join" and args:
        items = args[0]
        if isinstance(items, (list, tuple)):
            _check_size(sum(_length(i) for i in items) + len(owner) * len(items))


def _may_return_markup(obj: Any) -> bool:
    return isinstance(obj, (Macro, BlockReference)) or isinstance(_owner(obj), Markup)


# --- filters with sizes -----------------------------------------------------------------


def bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """*func* with its width/count arguments and its result size checked."""

    def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        for arg in (*args[1:], *kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_WIDTH:
                raise _too_wide(arg)
        value = args[0] if args else None
        if name == "format" and isinstance(value, str):
            _check_printf(value)
        if name == "indent" and isinstance(value, str):
            width = args[1] if len(args) > 1 else kwargs.get("width", 4)
            per_line = width if isinstance(width, int) else _length(width)
            _check_size(len(value) + (value.count("\n") + 1) * per_line)
        if name == "replace" and isinstance(value, str) and len(args) >= 3:
            old, new = str(args[1]), str(args[2])
            hits = len(value) + 1 if not old else value.count(old)
            _check_size(len(value) + hits * len(new))

    def bounded(*args: Any, **kwargs: Any) -> Any:
        check(args[1:] if args and isinstance(args[0], EvalContext) else args, kwargs)
        result = func(*args, **kwargs)
        if isinstance(result, str):
            _check_size(len(result))
        return result

    for attr in ("jinja_pass_arg",):  # keep pass_eval_context / pass_context markers
        if hasattr(func, attr):
            setattr(bounded, attr, getattr(func, attr))
    bounded.__name__ = getattr(func, "__name__", name)
    return bounded


SIZED_FILTERS = ("center", "indent", "format", "replace", "batch", "slice", "tojson",
                  "wordwrap", "truncate", "urlize", "join", "xmlattr")


#: Classes a template may call: Jinja's own helpers (``namespace()``, ``dict()``, …).
_CALLABLE_CLASSES = frozenset({Namespace, dict, Cycler, Joiner})


#: What a plain dict has as attributes: any other ``d.name`` in a template is ``d["name"]``.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox with lsdocs' escaping guard and budgets."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` as the sandbox gives it; a context's dicts answer directly.

        For a plain dict the sandbox tries the attribute, which a dict lacks unless it
        is one of its methods, then the item: the same answer without an exception
        raised and caught for every ``header.vv`` (a letter reads a few dozen).
        """
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            value = obj.get(attribute, _MISSING)
            return self.undefined(obj=obj, name=attribute) if value is _MISSING else value
        return super().getattr(obj, attribute)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        guarded: nodes.Template = _Guard(name, filename).visit(tree)
        return guarded

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        _check_size(_length(result))
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and getattr(value, "__name__", "") in ("format", "format_map"):
            _check_brace_format(owner)
        return super().wrap_str_format(value)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if isinstance(__obj, type) and __obj not in _CALLABLE_CLASSES:
            raise SecurityError(f"{__obj.__name__} cannot be called from a template")
        _check_method(__obj, args)
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, Markup) and not _may_return_markup(__obj):
            raise SecurityError("only macros may return markup in a template")
        _check_size(_length(result))
        return result


