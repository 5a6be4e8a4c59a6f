"""Run every rule of the table on a document and collect the findings.

A compilation (:mod:`lsdocs.check.compilation`) is checked one document at a
time: each gets its own layout and kind, every rule runs on it, and its
findings name it in their locations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from lsdocs.check.compilation import split
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Document, load
from lsdocs.check.findings import OUT_OF_SCOPE, CheckReport, DocumentInfo, Finding, Issue
from lsdocs.check.layout import KINDS, analyse
from lsdocs.check.package import Package, read_error
from lsdocs.check.places import Locator, join
from lsdocs.check.rules import RULES, Rule
from lsdocs.check.scope import out_of_scope
from lsdocs.errors import Location, Problem, T, Text, UsageError, join_texts
from lsdocs.limits import MAX_PACKAGE_BYTES, Refused, read_regular_file

#: at most this many findings per rule (per document); the rest are summed up in one more
MAX_PER_RULE = 12


def read_path(path: str | Path) -> bytes:
    """Bytes of a file, or DocumentReadError (missing, a folder, a device, too large, …)."""
    try:
        return read_regular_file(Path(path), MAX_PACKAGE_BYTES)
    except Refused as exc:
        raise read_error(str(path), T("Không đọc được tệp: {why}",
                                      why=exc.message)) from exc
    except FileNotFoundError as exc:  # the OS says it in English
        raise read_error(str(path), T("Không đọc được tệp ({e})", e=T("không có tệp này"))) \
            from exc
    except (OSError, ValueError) as exc:
        raise read_error(str(path), T("Không đọc được tệp ({e})",  e=getattr(exc, "strerror",
                                                                             None) or exc)) from exc


def open_document(data: bytes, name: str) -> Document:
    return load(Package.from_bytes(data, name))


def contexts(doc: Document, kind: str = "auto") -> list[Context]:
    """One context for a document, one per document for a compilation."""
    parts = split(doc)
    if not parts:
        layout = analyse(doc, kind)
        return [Context(doc, layout, Locator(doc, layout))]
    found = []
    for part in parts:
        layout = analyse(part.doc, kind)
        found.append(Context(part.doc, layout, Locator(part.doc, layout, part), part))
    return found


def check_loaded(doc: Document, kind: str = "auto") -> tuple[CheckReport, list[Context]]:
    if kind != "auto" and kind not in KINDS:
        raise _bad_kind(kind)
    scope = out_of_scope(doc) if kind == "auto" else None
    if scope is not None:
        return CheckReport(doc.name, OUT_OF_SCOPE, [], scope=scope), []
    checked = contexts(doc, kind)
    findings = [finding for ctx in checked for finding in _check(ctx)]
    documents = [DocumentInfo(c.part.index, c.kind) for c in checked if c.part is not None]
    kinds = {c.kind for c in checked}
    report_kind = kinds.pop() if len(kinds) == 1 else "tep-ghep"
    return CheckReport(doc.name, report_kind, findings, documents), checked


def _check(ctx: Context) -> Iterator[Finding]:
    for rule in RULES:
        if rule.applies_to(ctx.kind):
            yield from _run(rule, ctx)


def _run(rule: Rule, ctx: Context) -> list[Finding]:
    """The rule's findings, the same fault at several places grouped into one finding."""
    groups: dict[tuple[str, str], list[Issue]] = {}
    for issue in rule.check(ctx):
        wanted = issue.expected.vi if issue.expected is not None else ""
        groups.setdefault((issue.message.vi, wanted), []).append(issue)
    found: list[Finding] = []
    for count, issues in enumerate(groups.values()):
        if count >= MAX_PER_RULE:
            rest = sum(len(g) for g in list(groups.values())[count:])
            found.append(_finding(rule, ctx, _more(rest)))
            break
        found.append(_grouped(rule, ctx, issues))
    return found


def _grouped(rule: Rule, ctx: Context, issues: list[Issue]) -> Finding:
    first = _finding(rule, ctx, issues[0])
    if len(issues) == 1:
        return first
    places = tuple(ctx.place(i.place) for i in issues)
    values: list[Text] = []
    for issue in issues:
        if issue.found is not None and issue.found not in values:
            values.append(issue.found)
    shown = values[:3]
    found = join_texts([*shown, *(["…"] if len(values) > 3 else [])], "; ") \
        if values else None
    location = join(first.location, T("và {n} chỗ khác", n=len(issues) - 1))
    relaxed = all(i.relaxed for i in issues)
    severity = rule.relaxed if relaxed and rule.relaxed else rule.severity
    return replace(first, severity=severity, location=location, found=found,
                   count=len(issues), places=places,
                   structured=tuple(ctx.where.structured(i.place) for i in issues))


def _finding(rule: Rule, ctx: Context, issue: Issue) -> Finding:
    severity = rule.relaxed if issue.relaxed and rule.relaxed else rule.severity
    document = ctx.part.index if ctx.part is not None else None
    place = ctx.place(issue.place)
    return Finding(rule.id, severity, rule.clause, place, issue.message,
                   issue.found, issue.expected, document, places=(place,),
                   structured=(ctx.where.structured(issue.place),))


def _more(rest: int) -> Issue:
    return Issue(T("nhiều chỗ khác"),
                 T("… và {n} chỗ khác cùng lỗi này", n=rest))


def _bad_kind(kind: str) -> UsageError:
    return UsageError(Problem(Location(), T("Loại văn bản không hợp lệ: {k}",
                                            k=kind),
                              expected=T("một trong {v}", v=", ".join(KINDS))))
