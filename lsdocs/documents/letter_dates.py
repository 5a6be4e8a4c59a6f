"""Dates of a letter run that must make sense together.

Impossible combinations are refused with the parameter named: a letter
before its plan, an as-of day after the letter or before the plan, a
reporting year outside the plan's life.  Odd but possible ones are kept and
explained as warnings, which the CLI prints and the batch manifest records:
an as-of day far from the letter's date, a report requested for a year whose
period has not begun, options the letter kind does not use.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lsdocs import vnformat as vn
from lsdocs.content.model import Content
from lsdocs.errors import T, Text, parameter_error

if TYPE_CHECKING:
    from lsdocs.documents.letter_setup import LetterOptions

#: An as-of day more than this before the letter's date gets a warning.
AS_OF_DRIFT_DAYS = 31


def refuse_impossible_dates(content: Content, kind: str, options: LetterOptions) -> None:
    issued = content.plan.document.date
    if issued is not None and options.date < issued:
        raise parameter_error("date", T("công văn có ngày trước ngày ban hành kế hoạch"),
                              vn.short_date(options.date),
                              T("từ {d} trở đi", d=vn.short_date(issued)))
    if options.as_of is not None:
        _refuse_as_of(options.as_of, options.date, issued)
    first = issued.year if issued else content.plan.document.draft_year or options.date.year
    if options.year is not None and not first <= options.year <= options.date.year + 1:
        raise parameter_error("year", T("năm báo cáo không hợp lý"),
                              str(options.year),
                              T("từ {a} đến {b}", a=first,
                                b=options.date.year + 1))
    if options.missing_reports and kind != "don-doc":
        raise parameter_error("missing_reports", T(
            "chỉ công văn đôn đốc mới đôn đốc nộp báo cáo"),
            kind, T("loại don-doc"))


def _refuse_as_of(as_of: dt.date, date: dt.date, issued: dt.date | None) -> None:
    if as_of > date:
        raise parameter_error("as_of", T("ngày tính đến sau ngày của công văn"),
                              vn.short_date(as_of),
                              T("không sau {d} (ngày công văn)", d=vn.short_date(date)))
    if issued is not None and as_of < issued:
        raise parameter_error("as_of", T("ngày tính đến trước ngày ban hành kế hoạch"),
                              vn.short_date(as_of),
                              T("từ {d} trở đi", d=vn.short_date(issued)))


def odd_dates(content: Content, kind: str, options: LetterOptions) -> list[Text]:
    """Warnings about possible but unusual dates and unused options."""
    warnings: list[Text] = []
    if options.as_of is not None and (options.date - options.as_of).days > AS_OF_DRIFT_DAYS:
        warnings.append(T(
            "ngày tính đến {a} cách ngày công văn {d} hơn {n} ngày: công văn nêu tình hình "
            "tại ngày {a}, có thể đã cũ khi gửi",
            a=vn.short_date(options.as_of), d=vn.short_date(options.date), n=AS_OF_DRIFT_DAYS))
    if options.as_of is not None and kind != "don-doc":
        warnings.append(T("--as-of chỉ dùng cho công văn đôn đốc; bỏ qua"))
    if options.year is not None and kind not in ("de-nghi-bao-cao", "don-doc"):
        warnings.append(T("--year chỉ dùng cho công văn đề nghị báo cáo và đôn đốc; bỏ qua"))
    if kind == "de-nghi-bao-cao":
        warnings += _report_year_warnings(content, options)
    return warnings


def _report_year_warnings(content: Content, options: LetterOptions) -> list[Text]:
    year = options.year or options.date.year
    regime = content.plan.organization.reporting
    start = dt.date(year - 1, regime.month, regime.day)
    deadline = dt.date(year, regime.month, regime.day)
    if options.date < start:
        return [T("kỳ báo cáo năm {y} bắt đầu từ {s}, sau ngày công văn {d}",
                  y=year, s=vn.short_date(start), d=vn.short_date(options.date))]
    if options.date > deadline:
        return [T("hạn báo cáo năm {y} ({h}) đã qua trước ngày công văn {d}; công văn nêu hạn "
                  "mới, 10 ngày sau ngày công văn",
                  y=year, h=vn.short_date(deadline), d=vn.short_date(options.date))]
    return []
