"""Human and JSON output of check and fix reports (no I/O: returns strings)."""

from __future__ import annotations

from collections.abc import Sequence

from lsdocs.check.findings import KIND_LABELS, CheckReport, Finding
from lsdocs.check.fix import FixReport
from lsdocs.errors import DocumentReadError, T, Text

_SEVERITY = {"error": T("lỗi"), "warning": T("cảnh báo")}


def summary(errors: int, warnings: int, lang: str = "vi") -> str:
    """``2 lỗi, 1 cảnh báo`` / ``2 errors, 1 warning``."""
    if lang == "en":
        return (f"{errors} error{'s' if errors != 1 else ''}, "
                f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"{errors} lỗi, {warnings} cảnh báo"


#: places listed under a grouped finding (the rest are counted)
SHOWN_PLACES = 8


def format_finding(finding: Finding, lang: str = "vi") -> str:
    severity = _SEVERITY[finding.severity].get(lang)
    head = f"  {severity} {finding.rule} — {finding.location.get(lang)}"
    text = f"{head}\n      {finding.sentence(lang)}\n"
    if finding.count > 1:
        label = T("{n} chỗ:", n=finding.count).get(lang)
        shown = [f"        - {p.get(lang)}" for p in finding.places[:SHOWN_PLACES]]
        if finding.count > SHOWN_PLACES:
            shown.append("        " + T("… và {n} chỗ khác",
                                        n=finding.count - SHOWN_PLACES).get(lang))
        text += f"      {label}\n" + "\n".join(shown) + "\n"
    return text + f"      [{finding.clause.get(lang)}]"


def _kind(kind: str, lang: str) -> str:
    return KIND_LABELS.get(kind, Text(kind, kind)).get(lang)


def compilation_label(report: CheckReport, lang: str = "vi") -> str:
    """``tệp ghép 3 văn bản — 1–2: công văn; 3: kế hoạch``."""
    runs: list[tuple[int, int, str]] = []  # first, last, kind of consecutive documents
    for doc in report.documents:
        if runs and runs[-1][2] == doc.kind and runs[-1][1] == doc.index - 1:
            runs[-1] = (runs[-1][0], doc.index, doc.kind)
        else:
            runs.append((doc.index, doc.index, doc.kind))
    kinds = "; ".join(f"{a}: {_kind(k, lang)}" if a == b else f"{a}–{b}: {_kind(k, lang)}"
                      for a, b, k in runs)
    head = T("tệp ghép {n} văn bản", n=len(report.documents))
    return f"{head.get(lang)} — {kinds}"


def _document_lines(report: CheckReport, lang: str) -> list[str]:
    """One summary line per document of a compilation that has findings."""
    lines = []
    for doc in report.documents:
        errors, warnings = report.counts(doc.index)
        if errors or warnings:
            name = T("văn bản {n}", n=doc.index).get(lang)
            lines.append(f"  {name} ({_kind(doc.kind, lang)}): "
                         f"{summary(errors, warnings, lang)}")
    return lines


def format_report(report: CheckReport, lang: str = "vi") -> str:
    """Findings of one file, errors first, then its summary line."""
    kind = compilation_label(report, lang) if report.documents else _kind(report.kind, lang)
    lines = [f"{report.file} ({kind})"]
    if report.scope is not None:
        lines.append("  " + T("Không kiểm tra: tệp này là {r}. Muốn vẫn kiểm tra theo NĐ 30, "
                              "chọn --kind.").get(lang).format(
                                  r=report.scope.reason.get(lang)))
        return "\n".join(lines)
    ordered = report.errors + report.warnings
    lines += [format_finding(f, lang) for f in ordered]
    if not ordered:
        lines.append("  " + T("đạt thể thức NĐ 30/2020/NĐ-CP").get(lang))
    lines += _document_lines(report, lang)
    lines.append("  " + summary(len(report.errors), len(report.warnings), lang))
    return "\n".join(lines)


def format_reports(reports: Sequence[CheckReport], lang: str = "vi") -> str:
    text = "\n\n".join(format_report(r, lang) for r in reports)
    if len(reports) > 1:
        total = summary(sum(len(r.errors) for r in reports),
                        sum(len(r.warnings) for r in reports), lang)
        label = T("Tổng cộng {n} tệp", n=len(reports)).get(lang)
        text += f"\n\n{label}: {total}"
    return text


def read_error_dict(name: str, error: DocumentReadError, lang: str = "vi") -> dict[str, object]:
    return {"file": name, "kind": None, "errors": 1, "warnings": 0,
            "read_error": "; ".join(p.message.get(lang) for p in error.problems),
            "findings": []}



def format_fix(report: FixReport, lang: str = "vi") -> str:
    lines = [T("Sửa tự động {s} → {o}", s=report.source,
               o=report.output).get(lang)]
    left = report.after.rules() if report.after is not None else set()
    for action in report.actions:
        partial = action.rule in left and not action.note
        done = (T("lưu ý") if action.note else T("đã sửa một phần")
                if partial else T("đã sửa")).get(lang)
        note = T(" (vẫn còn lỗi {r} chưa sửa tự động được, xem dưới)", r=action.rule).get(lang) \
            if partial else ""
        lines.append(f"  {done} {action.rule} — {action.location.get(lang)}: "
                     f"{action.description.get(lang)}{note}")
    if not report.actions:
        lines.append("  " + T("không có gì cần sửa tự động").get(lang))
    if report.after is not None:
        lines.append("")
        lines.append(T("Kiểm tra lại tệp kết quả:").get(lang))
        lines.append(format_report(report.after, lang))
    return "\n".join(lines)


def fix_dict(report: FixReport, lang: str = "vi") -> dict[str, object]:
    data: dict[str, object] = (report.after.to_dict(lang) if report.after
                               else {"file": report.output})
    left = report.after.rules() if report.after is not None else set()
    data["fixes"] = [{"rule": a.rule, "location": a.location.get(lang),
                      "description": a.description.get(lang), "note": a.note,
                      "complete": a.rule not in left} for a in report.actions]
    data["source"] = report.source
    return data
