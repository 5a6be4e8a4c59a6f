"""Human and JSON output of check and fix reports (no I/O: returns strings)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from lsdocs.check.findings import KIND_LABELS, CheckReport, Finding
from lsdocs.check.fix import FixReport
from lsdocs.errors import DocumentReadError, T

_SEVERITY = {"error": T("lỗi", "error"), "warning": T("cảnh báo", "warning")}


def summary(errors: int, warnings: int, lang: str = "vi") -> str:
    """``2 lỗi, 1 cảnh báo`` / ``2 errors, 1 warning``."""
    if lang == "en":
        return (f"{errors} error{'s' if errors != 1 else ''}, "
                f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"{errors} lỗi, {warnings} cảnh báo"


def format_finding(finding: Finding, lang: str = "vi") -> str:
    severity = _SEVERITY[finding.severity].get(lang)
    head = f"  {severity} {finding.rule} — {finding.location.get(lang)}"
    return (f"{head}\n      {finding.sentence(lang)}\n"
            f"      [{finding.clause.get(lang)}]")


def format_report(report: CheckReport, lang: str = "vi") -> str:
    """Findings of one file, errors first, then its summary line."""
    kind = KIND_LABELS.get(report.kind, T(report.kind, report.kind)).get(lang)
    lines = [f"{report.file} ({kind})"]
    ordered = report.errors + report.warnings
    lines += [format_finding(f, lang) for f in ordered]
    if not ordered:
        lines.append("  " + T("đạt thể thức NĐ 30/2020/NĐ-CP", "conforms to Decree "
                              "30/2020/NĐ-CP").get(lang))
    lines.append("  " + summary(len(report.errors), len(report.warnings), lang))
    return "\n".join(lines)


def format_reports(reports: Sequence[CheckReport], lang: str = "vi") -> str:
    text = "\n\n".join(format_report(r, lang) for r in reports)
    if len(reports) > 1:
        total = summary(sum(len(r.errors) for r in reports),
                        sum(len(r.warnings) for r in reports), lang)
        label = T("Tổng cộng {n} tệp", "Total for {n} files", n=len(reports)).get(lang)
        text += f"\n\n{label}: {total}"
    return text


def read_error_dict(name: str, error: DocumentReadError, lang: str = "vi") -> dict[str, object]:
    return {"file": name, "kind": None, "errors": 1, "warnings": 0,
            "read_error": "; ".join(p.message.get(lang) for p in error.problems),
            "findings": []}


def to_json(items: Sequence[dict[str, object]]) -> str:
    """One object for one file, a list for several."""
    data: object = items[0] if len(items) == 1 else list(items)
    return json.dumps(data, ensure_ascii=False, indent=2)


def format_fix(report: FixReport, lang: str = "vi") -> str:
    lines = [T("Sửa tự động {s} → {o}", "Automatic fixes {s} → {o}", s=report.source,
               o=report.output).get(lang)]
    for action in report.actions:
        done = T("đã sửa", "fixed").get(lang)
        lines.append(f"  {done} {action.rule} — {action.location.get(lang)}: "
                     f"{action.description.get(lang)}")
    if not report.actions:
        lines.append("  " + T("không có gì cần sửa tự động", "nothing to fix "
                              "automatically").get(lang))
    if report.after is not None:
        lines.append("")
        lines.append(T("Kiểm tra lại tệp kết quả:", "Re-check of the output:").get(lang))
        lines.append(format_report(report.after, lang))
    return "\n".join(lines)


def fix_dict(report: FixReport, lang: str = "vi") -> dict[str, object]:
    data: dict[str, object] = (report.after.to_dict(lang) if report.after
                               else {"file": report.output})
    data["fixes"] = [{"rule": a.rule, "location": a.location.get(lang),
                      "description": a.description.get(lang)} for a in report.actions]
    data["source"] = report.source
    return data
