"""Run every rule of the table on a document and collect the findings."""

from __future__ import annotations

from pathlib import Path

from lsdocs.check.context import Context
from lsdocs.check.docmodel import Document, load
from lsdocs.check.findings import CheckReport, Finding, Issue
from lsdocs.check.layout import KINDS, Layout, analyse
from lsdocs.check.package import Package, read_error
from lsdocs.check.places import Locator
from lsdocs.check.rules import RULES, Rule
from lsdocs.errors import Location, Problem, T, UsageError

#: at most this many findings per rule; the rest are summed up in one more
MAX_PER_RULE = 12


def read_path(path: str | Path) -> bytes:
    """Bytes of a file, or DocumentReadError (missing, a folder, no permission)."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise read_error(str(path), T("Không đọc được tệp ({e})", "The file cannot be read "
                                      "({e})", e=exc.strerror or exc)) from exc


def open_document(data: bytes, name: str) -> Document:
    return load(Package.from_bytes(data, name))


def check_loaded(doc: Document, kind: str = "auto") -> tuple[CheckReport, Layout]:
    if kind != "auto" and kind not in KINDS:
        raise _bad_kind(kind)
    layout = analyse(doc, kind)
    ctx = Context(doc, layout, Locator(doc, layout))
    findings: list[Finding] = []
    for rule in RULES:
        if rule.applies_to(layout.kind):
            findings.extend(_run(rule, ctx))
    return CheckReport(doc.name, layout.kind, findings), layout


def _run(rule: Rule, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    for count, issue in enumerate(rule.check(ctx)):
        if count >= MAX_PER_RULE:
            found.append(_more(rule, sum(1 for _ in rule.check(ctx)) - count))
            break
        found.append(_finding(rule, issue))
    return found


def _finding(rule: Rule, issue: Issue) -> Finding:
    severity = rule.relaxed if issue.relaxed and rule.relaxed else rule.severity
    return Finding(rule.id, severity, rule.clause, issue.place, issue.message, issue.found,
                   issue.expected)


def _more(rule: Rule, rest: int) -> Finding:
    return Finding(rule.id, rule.severity, rule.clause, T("nhiều chỗ khác", "elsewhere"),
                   T("… và {n} chỗ khác cùng lỗi này", "… and {n} more places with this fault",
                     n=rest), None, None)


def _bad_kind(kind: str) -> UsageError:
    return UsageError(Problem(Location(), T("Loại văn bản không hợp lệ: {k}",
                                            "Unknown document kind: {k}", k=kind),
                              expected=T("một trong {v}", "one of {v}", v=", ".join(KINDS))))

