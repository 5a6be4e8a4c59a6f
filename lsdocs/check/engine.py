"""Run every rule of the table on a document and collect the findings.

A compilation (:mod:`lsdocs.check.compilation`) is checked one document at a
time: each gets its own layout and kind, every rule runs on it, and its
findings name it in their locations.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lsdocs.check.compilation import split
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Document, load
from lsdocs.check.findings import CheckReport, DocumentInfo, Finding, Issue
from lsdocs.check.layout import KINDS, analyse
from lsdocs.check.package import Package, read_error
from lsdocs.check.places import Locator
from lsdocs.check.rules import RULES, Rule
from lsdocs.errors import Location, Problem, T, Text, UsageError
from lsdocs.limits import MAX_PACKAGE_BYTES, Refused, read_regular_file

#: at most this many findings per rule (per document); the rest are summed up in one more
MAX_PER_RULE = 12


def read_path(path: str | Path) -> bytes:
    """Bytes of a file, or DocumentReadError (missing, a folder, a device, too large, …)."""
    try:
        return read_regular_file(Path(path), MAX_PACKAGE_BYTES)
    except Refused as exc:
        raise read_error(str(path), Text(f"Không đọc được tệp: {exc.message.vi}",
                                         f"The file cannot be read: {exc.message.en}")) from exc
    except (OSError, ValueError) as exc:
        raise read_error(str(path), T("Không đọc được tệp ({e})", "The file cannot be read "
                                      "({e})", e=getattr(exc, "strerror", None) or exc)) from exc


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
    found: list[Finding] = []
    for count, issue in enumerate(rule.check(ctx)):
        if count >= MAX_PER_RULE:
            rest = sum(1 for _ in rule.check(ctx)) - count
            found.append(_finding(rule, ctx, _more(rest)))
            break
        found.append(_finding(rule, ctx, issue))
    return found


def _finding(rule: Rule, ctx: Context, issue: Issue) -> Finding:
    severity = rule.relaxed if issue.relaxed and rule.relaxed else rule.severity
    document = ctx.part.index if ctx.part is not None else None
    return Finding(rule.id, severity, rule.clause, ctx.place(issue.place), issue.message,
                   issue.found, issue.expected, document)


def _more(rest: int) -> Issue:
    return Issue(T("nhiều chỗ khác", "elsewhere"),
                 T("… và {n} chỗ khác cùng lỗi này", "… and {n} more places with this fault",
                   n=rest))


def _bad_kind(kind: str) -> UsageError:
    return UsageError(Problem(Location(), T("Loại văn bản không hợp lệ: {k}",
                                            "Unknown document kind: {k}", k=kind),
                              expected=T("một trong {v}", "one of {v}", v=", ".join(KINDS))))
