"""Đôn đốc: reminders about tasks not yet done, and about reports not yet sent.

A task appears in a reminder when its due date has passed or falls within
:data:`DUE_WINDOW_DAYS` of the as-of day, and no progress record says it is
done (a one-off task reported done in any year up to the as-of day's
reporting year; a yearly task only if done in that year).  Lateness is said
as a clerk says it (:mod:`lsdocs.documents.lateness`).  With
``missing_reports`` the letter goes instead to the agencies whose yearly
report has not arrived (:attr:`lsdocs.progress.year_status.YearStatus.missing`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.model import Task
from lsdocs.documents import letter_words as w
from lsdocs.documents.assignments import AgencyTasks
from lsdocs.documents.lateness import overdue_phrase
from lsdocs.documents.letter_setup import LetterSetup
from lsdocs.documents.letter_voice import voice
from lsdocs.progress.records import STATE_LABELS, PlanProgress, TaskProgress
from lsdocs.progress.year_status import YearStatus, latest_state, year_status

DUE_WINDOW_DAYS = 30
REPLY_DAYS = 15  # a reminder asks for an answer within this many days of its date
NEW_DEADLINE_DAYS = 10  # a report asked for after its deadline is due this long after the letter


def due_tasks(s: LetterSetup, work: AgencyTasks) -> list[tuple[Task, dt.date]]:
    """Tasks of *work* due within the window or overdue on the as-of day and not reported done."""
    as_of = s.as_of
    horizon = as_of + dt.timedelta(days=DUE_WINDOW_DAYS)
    found = []
    for task in [*work.lead, *work.support]:
        due = _due_date(s, task, as_of)
        if due is not None and due <= horizon and not _reported_done(s, task, due):
            found.append((task, due))
    return found


def _due_date(s: LetterSetup, task: Task, as_of: dt.date) -> dt.date | None:
    deadline = task.deadline
    if deadline.kind == "regular":
        return None
    if deadline.kind == "annual":
        regime = s.content.plan.organization.reporting
        return dt.date(as_of.year, regime.month, regime.day)
    return deadline.due


def reporting_year(s: LetterSetup, on: dt.date) -> int:
    """The reporting year whose data period holds *on* (15/12/Y-1 to 14/12/Y)."""
    regime = s.content.plan.organization.reporting
    return on.year + ((on.month, on.day) >= (regime.month, regime.day))


def _latest(s: LetterSetup, task: Task) -> tuple[int, TaskProgress] | None:
    if s.progress is None:
        return None
    return latest_state(s.progress, task.id, reporting_year(s, s.as_of))


def reported_completion(s: LetterSetup, task: Task) -> tuple[int, dt.date] | None:
    """(report year, day done) when a record received by the letter's date says the one-off
    *task* is done; None for a yearly or standing task (done once, it is due again)."""
    found = _latest(s, task) if task.deadline.due is not None else None
    if found is None or found[1].state != "hoan-thanh" or found[1].completed is None:
        return None
    return found[0], found[1].completed


def _reported_done(s: LetterSetup, task: Task, due: dt.date) -> bool:
    found = _latest(s, task)
    if found is None or found[1].state != "hoan-thanh":
        return False
    # A yearly task done last year is due again this year.
    return task.deadline.kind not in ("annual", "regular") or found[0] >= reporting_year(s, due)


def remind(s: LetterSetup, work: AgencyTasks) -> dict[str, Any]:
    """Đôn đốc thực hiện nhiệm vụ: the tasks of one agency overdue or nearly due."""
    as_of = s.as_of
    name = work.agency.name
    overdue: list[str] = []
    soon: list[str] = []
    for task, due in due_tasks(s, work):
        (overdue if due < as_of else soon).append(_due_item(s, work, task, due))
    state = ("đã quá hạn hoặc sắp đến hạn hoàn thành" if overdue and soon
             else "đã quá hạn hoàn thành" if overdue else "sắp đến hạn hoàn thành")
    if s.progress is not None:
        state += " và chưa có báo cáo hoàn thành"
    roles = " và ".join(r for r, tasks in (("chủ trì", work.lead), ("phối hợp", work.support))
                        if tasks)
    which = "các nhiệm vụ sau" if len(overdue) + len(soon) > 1 else "nhiệm vụ sau"
    intro = (f"Theo {w.plan_citation(s)}, {name} được giao {roles} thực hiện một số nhiệm vụ. "
             f"Tính đến ngày {vn.short_date(as_of)}, {which} {state}:")
    groups = [(t, i) for t, i in (("Nhiệm vụ đã quá hạn", overdue),
                                  ("Nhiệm vụ sắp đến hạn", soon)) if i]
    single = len(groups) == 1
    return {
        "vv": f"đôn đốc thực hiện nhiệm vụ tại {s.plan_ref}",
        "to": [work.agency],
        "intro": [intro, *(w.lettered(groups[0][1]) if single else [])],
        "sections": [] if single else w.number_sections(groups),
        "closing": _remind_closing(s, work, len(overdue) + len(soon)),
    }


def _remind_closing(s: LetterSetup, work: AgencyTasks, count: int) -> str:
    v = voice(s.issuer, work.agency)
    c = w.chain(s)
    reply_by = vn.short_date(s.options.date + dt.timedelta(days=REPLY_DAYS))
    to = "" if work.agency.id == c.collector.id else f" về {c.collector.name}"
    what = ("báo cáo kết quả thực hiện (nêu rõ kết quả, sản phẩm, khó khăn, vướng mắc và "
            f"nguyên nhân){to} trước ngày {reply_by}")
    tasks = "các nhiệm vụ trên" if count > 1 else "nhiệm vụ trên"
    if v.directs:
        return f"{s.subject} {v.ask} {work.agency.name} khẩn trương hoàn thành {tasks}; {what}./."
    return (f"{s.subject} {v.ask} {work.agency.name} quan tâm, khẩn trương hoàn thành {tasks} "
            f"và gửi {what}./.")


def _due_item(s: LetterSetup, work: AgencyTasks, task: Task, due: dt.date) -> str:
    role = "chủ trì" if task in work.lead else "phối hợp"
    if due < s.as_of:
        status = f"; {overdue_phrase(due, s.as_of)}"
    elif task.deadline.kind == "date":
        status = ""  # the deadline is that day already: do not say it twice
    else:
        status = f"; đến hạn ngày {vn.short_date(due)}"
    reported = _report_note(s, task)
    return (f"{w.sentence(task.name)} (nhiệm vụ {task.id}, {role}; thời gian hoàn thành: "
            f"{w.deadline_text(task)}{status}{reported}).")


def _report_note(s: LetterSetup, task: Task) -> str:
    if s.progress is None:
        return ""
    found = _latest(s, task)
    recurring = task.deadline.kind in ("annual", "regular")
    if found is None:
        return "" if recurring else "; chưa có báo cáo kết quả"
    year, progress = found
    if recurring and year < reporting_year(s, s.as_of):
        return ""  # last year's result says nothing about this year's round
    return f"; báo cáo năm {year}: {STATE_LABELS[progress.state].lower()}"


# --- reports not sent --------------------------------------------------------------------------


def report_year(s: LetterSetup) -> int:
    """The year a missing-report reminder is about: --year, else the last year already due."""
    if s.options.year is not None:
        return s.options.year
    return reporting_year(s, s.as_of) - 1


def _status(s: LetterSetup, year: int) -> YearStatus:
    progress = s.progress or PlanProgress(s.content.plan.id, {})
    return year_status(s.content, progress, year, s.as_of)


def missing_report_recipients(s: LetterSetup) -> list[str]:
    """Current agencies (on the letter's date) whose report for the year has not arrived."""
    found: list[str] = []
    for agency in _status(s, report_year(s)).missing:
        current = s.resolver.current(agency.id)
        if current is not None and current.id != s.issuer.id and current.id in s.tasks:
            found.append(current.id)
    s.resolver.raise_problems()
    return list(dict.fromkeys(found))


def report_deadline(s: LetterSetup, year: int,
                    compiled: bool = False) -> tuple[dt.date, dt.date]:
    """(the deadline the letter gives, the plan's deadline for *year*'s report).

    *compiled*: the collector's compiled report, due on the plan's compile day.
    """
    regime = s.content.plan.organization.reporting
    plan_due = (dt.date(year, regime.compile_month, regime.compile_day) if compiled
                else dt.date(year, regime.month, regime.day))
    if plan_due >= s.options.date:
        return plan_due, plan_due
    return s.options.date + dt.timedelta(days=NEW_DEADLINE_DAYS), plan_due


def remind_report(s: LetterSetup, work: AgencyTasks) -> dict[str, Any]:
    """Đôn đốc nộp báo cáo: the yearly report of one agency has not arrived."""
    year = report_year(s)
    c = w.chain(s)
    v = voice(s.issuer, work.agency)
    name = work.agency.name
    compiles = work.agency.id == c.collector.id  # its report is the compiled one
    due, plan_due = report_deadline(s, year, compiled=compiles)
    status = _status(s, year)
    mine = [t for t in status.tasks if _current_id(s, t.reporter.id) == work.agency.id]
    late = (f", {overdue_phrase(plan_due, s.as_of)}" if plan_due < s.as_of else
            f"; thời hạn gửi báo cáo là ngày {vn.short_date(plan_due)}")
    if compiles:
        to = "" if s.issuer.id == c.compiler_to.id else f" {c.compiler_to.name}"
        duty = (f"{name} tổng hợp kết quả thực hiện Kế hoạch năm {year} của các cơ quan, đơn "
                f"vị, báo cáo{to} trước ngày {vn.short_date(plan_due)}")
        receiver = s.subject
        ask = (f"khẩn trương tổng hợp, báo cáo kết quả thực hiện Kế hoạch năm {year} trước "
               f"ngày {vn.short_date(due)}")
    else:
        duty = (f"các cơ quan, đơn vị gửi báo cáo kết quả thực hiện Kế hoạch năm {year} về "
                f"{c.collector.name} trước ngày {vn.short_date(plan_due)}")
        receiver = c.collector.name
        what = f"kết quả thực hiện {vn.format_count(len(mine))} nhiệm vụ chủ trì; " if mine else ""
        ask = (f"khẩn trương gửi báo cáo kết quả thực hiện Kế hoạch năm {year} ({what}số liệu "
               f"tính từ ngày {vn.short_date(status.period_start)} đến ngày "
               f"{vn.short_date(status.period_end)}) về {c.collector.name} trước ngày "
               f"{vn.short_date(due)}")
    return {
        "vv": f"đôn đốc gửi báo cáo kết quả thực hiện {s.plan_number} năm {year}",
        "to": [work.agency],
        "intro": [
            f"Theo chế độ báo cáo tại {w.plan_citation(s)}, {duty}. Đến ngày "
            f"{vn.short_date(s.as_of)}, {receiver} chưa nhận được báo cáo của {name}{late}.",
            f"{s.subject} {v.ask} {name} {ask}.",
        ],
        "sections": [],
        "closing": f"{v.close('thực hiện nghiêm túc')}./.",
    }


def _current_id(s: LetterSetup, agency_id: str) -> str:
    found = s.resolver.current(agency_id)
    return found.id if found is not None else agency_id

