"""Scalar field types of the content schema: text, numbers, dates, deadlines, choices,
ids and agency references.  Each has ``check(node, ctx) -> bool`` and an ``expected``
text used when the value is wrong or missing (see :mod:`lsdocs.content.schema`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from lsdocs.content._dates import DATE_EXPECTED, DateProblem, parse_dmy
from lsdocs.content.deadlines import DEADLINE_EXPECTED, DeadlineError, parse_deadline
from lsdocs.content.schema import Ctx, Rule, did_you_mean, report, wrong_type
from lsdocs.content.yamlsource import Node
from lsdocs.errors import T, Text
from lsdocs.vnformat.dates import short_date

_EMPTY = T("không được để trống")
#: Deadlines read once per text: a plan repeats a few forms thousands of times.
_read_deadline = functools.lru_cache(maxsize=1024)(parse_deadline)


@dataclass(frozen=True)
class TextType:
    """Text on one or more lines; never empty unless *nullable*; *rules* check content."""

    expected: Text = T("một đoạn chữ")
    nullable: bool = False
    rules: tuple[Rule, ...] = ()

    def check(self, node: Node, ctx: Ctx) -> bool:
        value = node.value
        if value is None and self.nullable:
            return True
        if value is None or (isinstance(value, str) and not value.strip()):
            ctx.rep.error(node.line, node.path, _EMPTY, expected=self.expected,
                          code="empty-text")
            return False
        if not isinstance(value, str):
            hint = None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                hint = T('đặt trong dấu nháy kép: "{v}"', v=value)
            return wrong_type(node, ctx, self.expected, hint)
        if not self.rules:
            return True
        return all([self._rule(rule, node, ctx) for rule in self.rules])

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        if value is None:
            return self.nullable
        if not isinstance(value, str) or not value.strip():
            return False
        return not self.rules or all(_passes(rule, value) for rule in self.rules)

    @staticmethod
    def _rule(rule: Rule, node: Node, ctx: Ctx) -> bool:
        finding = rule(node.value)
        return True if finding is None else report(finding, node, ctx, node.value)


@functools.lru_cache(maxsize=256)
def _passes(rule: Rule, text: str) -> bool:
    """Whether *rule* has nothing to say about *text* (rules are pure; header lines repeat)."""
    return rule(text) is None


_DEADLINE_TEXT = TextType(DEADLINE_EXPECTED)


@functools.lru_cache(maxsize=64)
def _as_text(expected: Text) -> TextType:
    """The text check of a typed text field (one object per wording, not one per value)."""
    return TextType(expected)


@dataclass(frozen=True)
class IntType:
    minimum: int | None = None
    maximum: int | None = None
    expected: Text = T("một số nguyên")

    def check(self, node: Node, ctx: Ctx) -> bool:
        value = node.value
        if not isinstance(value, int) or isinstance(value, bool):
            return wrong_type(node, ctx, self.expected)
        too_low = self.minimum is not None and value < self.minimum
        if too_low or (self.maximum is not None and value > self.maximum):
            ctx.rep.error(node.line, node.path, T("số nằm ngoài khoảng cho phép"),
                          found=str(value), expected=self._range(), code="out-of-range")
            return False
        return True

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        return (isinstance(value, int) and not isinstance(value, bool)
                and (self.minimum is None or value >= self.minimum)
                and (self.maximum is None or value <= self.maximum))

    def _range(self) -> Text:
        if self.maximum is None:
            return T("số nguyên từ {a} trở lên", a=self.minimum)
        return T("số nguyên từ {a} đến {b}", a=self.minimum, b=self.maximum)


@dataclass(frozen=True)
class NumberType:
    expected: Text = T("một số")

    def check(self, node: Node, ctx: Ctx) -> bool:
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return True
        return wrong_type(node, ctx, self.expected)

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(frozen=True)
class BoolType:
    expected: Text = T("true hoặc false")

    def check(self, node: Node, ctx: Ctx) -> bool:
        return isinstance(node.value, bool) or wrong_type(node, ctx, self.expected)

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        return isinstance(value, bool)


@dataclass(frozen=True)
class DateType:
    """A date written DD/MM/YYYY; null allowed when *nullable*."""

    nullable: bool = False
    expected: Text = DATE_EXPECTED

    def check(self, node: Node, ctx: Ctx) -> bool:
        value = node.value
        if value is None and self.nullable:
            return True
        if isinstance(value, dt.date):
            hint = T("viết {d}", d=short_date(value))
            ctx.rep.error(node.line, node.path, T("ngày không đúng dạng"),
                          found=value.isoformat(), expected=DATE_EXPECTED, hint=hint,
                          code="bad-date")
            return False
        if not isinstance(value, str):
            return wrong_type(node, ctx, DATE_EXPECTED)
        try:
            parse_dmy(value)
        except DateProblem as e:
            ctx.rep.error(node.line, node.path, e.message, found=value, expected=e.expected,
                          code=e.code)
            return False
        return True

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        if value is None:
            return self.nullable
        if not isinstance(value, str):
            return False
        try:
            parse_dmy(value)
        except DateProblem:
            return False
        return True


@dataclass(frozen=True)
class DeadlineType:
    expected: Text = DEADLINE_EXPECTED

    def check(self, node: Node, ctx: Ctx) -> bool:
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            hint = T("viết «năm {v}»", v=node.value)
            return wrong_type(node, ctx, DEADLINE_EXPECTED, hint)
        if not _DEADLINE_TEXT.check(node, ctx):
            return False
        try:
            _read_deadline(node.value)
        except DeadlineError as e:
            ctx.rep.error(node.line, node.path, e.message, found=node.value,
                          expected=e.expected, code=e.code)
            return False
        return True

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        if isinstance(value, int) or not _DEADLINE_TEXT.accepts(value, ctx):
            return False
        try:
            _read_deadline(value)
        except DeadlineError:
            return False
        return True


@dataclass(frozen=True)
class ChoiceType:
    """One of a fixed set of values (text or numbers)."""

    values: tuple[Any, ...]
    message: Text = T("giá trị không được hỗ trợ")
    code: str = "bad-choice"

    @property
    def expected(self) -> Text:
        shown = ", ".join(str(v) for v in self.values)
        return T("một trong: {v}", v=shown)

    def check(self, node: Node, ctx: Ctx) -> bool:
        if node.is_map or node.is_list:
            return wrong_type(node, ctx, self.expected)
        if node.value in self.values and not isinstance(node.value, bool):
            return True
        words = [str(v) for v in self.values]
        hint = did_you_mean(str(node.value), words) if node.value is not None else None
        ctx.rep.error(node.line, node.path, self.message,
                      found=None if node.value is None else str(node.value),
                      expected=self.expected, hint=hint, code=self.code)
        return False

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        return (not isinstance(value, (dict, list)) and value in self.values
                and not isinstance(value, bool))


@dataclass(frozen=True)
class PatternType:
    """Text matching a regular expression (ids)."""

    pattern: str
    expected: Text
    code: str = "bad-id"
    text: TextType = field(init=False, repr=False, compare=False)
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _as_text(self.expected))
        object.__setattr__(self, "regex", re.compile(self.pattern))

    def check(self, node: Node, ctx: Ctx) -> bool:
        if not self.text.check(node, ctx):
            return False
        if self.regex.fullmatch(node.value):
            return True
        ctx.rep.error(node.line, node.path, T("mã không hợp lệ"),
                      found=node.value, expected=self.expected, code=self.code)
        return False

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        return self.text.accepts(value, ctx) and self.regex.fullmatch(value) is not None


@dataclass(frozen=True)
class AgencyRefType:
    """The id of an agency in the registry."""

    expected: Text = T("mã cơ quan trong danh mục, ví dụ skhcn")
    text: TextType = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _as_text(self.expected))

    def check(self, node: Node, ctx: Ctx) -> bool:
        if not self.text.check(node, ctx):
            return False
        return ctx.agencies.check_ref(node, ctx.rep) if ctx.agencies else True

    def accepts(self, value: Any, ctx: Ctx) -> bool:
        return self.text.accepts(value, ctx) and (ctx.agencies is None
                                                   or ctx.agencies.accepts(value))
