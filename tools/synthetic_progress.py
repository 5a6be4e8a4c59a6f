"""Synthetic progress records for benchmarks and tests (see ``tools.synthetic``).

Which tasks an agency reports in a year follows :mod:`lsdocs.progress.year_status`
(a task is active from its first year until a one-off task is reported done;
its reporter is the agency existing at the end of the period), so the records
load without a warning and the analysis counts every one of them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator

from lsdocs.content.agencies import AgencyResolver
from lsdocs.content.model import Content, Task
from lsdocs.progress.year_status import first_year, reporting_period, start_year
from lsdocs.vnformat import short_date

_RECURRING = ("annual", "regular")


def synthetic_records(content: Content, years: int, missing_every: int,
                      seed: int) -> Iterator[tuple[tuple[int, str], str]]:
    """((year, agency id), YAML text) of every record, year by year."""
    rng = random.Random(seed)
    done: set[str] = set()  # one-off tasks reported done
    first = first_year(content)
    for year in range(first, first + years):
        start, end = reporting_period(content, year)
        led = _led(content, year, AgencyResolver(content, end), done)
        for index, (agency, tasks) in enumerate(sorted(led.items())):
            if missing_every and (index + year) % missing_every == 0:
                continue  # this agency does not report this year
            entries = [_entry(rng, task, start, end, done) for task in tasks]
            yield (year, agency), _record(content, rng, year, agency, entries, index, end)


def _led(content: Content, year: int, resolver: AgencyResolver,
         done: set[str]) -> dict[str, list[Task]]:
    led: dict[str, list[Task]] = {}
    for task in content.plan.tasks:
        if start_year(content, task) > year or task.id in done:
            continue
        lead = resolver.current(task.lead)
        if lead is not None:
            led.setdefault(lead.id, []).append(task)
    resolver.raise_problems()
    return led


def _entry(rng: random.Random, task: Task, start: dt.date, end: dt.date,
           done: set[str]) -> dict[str, object]:
    roll = rng.random()
    recurring = task.deadline.kind in _RECURRING
    if roll < (0.7 if recurring else 0.35):
        completed = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        if not recurring:
            done.add(task.id)
        return {"task": task.id, "status": "hoan-thanh", "completed": completed,
                "result": f"Đã hoàn thành: {task.product.lower()}."}
    if roll < 0.85:
        return {"task": task.id, "status": "dang-thuc-hien",
                "result": "Đang triển khai theo kế hoạch của cơ quan."}
    return {"task": task.id, "status": "chua-trien-khai", "result": "Chưa triển khai.",
            "difficulties": "Chưa được bố trí kinh phí thực hiện."}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _record(content: Content, rng: random.Random, year: int, agency: str,
            entries: list[dict[str, object]], index: int, end: dt.date) -> str:
    symbol = content.registry.get(agency).symbol or "STN"
    lines = [
        "# Báo cáo tiến độ tổng hợp giả lập (benchmark), không phải số liệu thật.",
        "lsdocs: 1", "kind: tien-do", f"plan: {content.plan.id}", f"year: {year}",
        f"agency: {agency}", "source: illustrative",
        f"reported_on: {short_date(end - dt.timedelta(days=5))}",
        f"report_number: {100 + index}/BC-{symbol}",
        f"budget: {rng.randrange(50, 500) * 1_000_000}",
        "signature:", "  authority: [KT. GIÁM ĐỐC]", "  title: PHÓ GIÁM ĐỐC",
        "  name: Nguyễn Văn B",
        "narrative:",
        "  chi_dao:", "    - " + _q("Cơ quan ban hành kế hoạch thực hiện và phân công đơn vị "
                                      "chủ trì từng nhiệm vụ."),
        "  ket_qua:", "    - " + _q(f"Năm {year}, cơ quan báo cáo {len(entries)} nhiệm vụ."),
        "tasks:",
    ]
    for number, entry in enumerate(entries, 1):
        lines += _task_lines(entry, number, symbol)
    if index % 5 == 0:
        lines += ["figures:", "  - target: dn-htx-cnsh", "    baseline: 10",
                  f"    value: {10 + year % 7}"]
    return "\n".join(lines) + "\n"


def _task_lines(entry: dict[str, object], number: int, symbol: str) -> list[str]:
    lines = [f"  - task: {_q(str(entry['task']))}", f"    status: {entry['status']}"]
    completed = entry.get("completed")
    if isinstance(completed, dt.date):
        lines.append(f"    completed: {short_date(completed)}")
    lines.append(f"    result: {_q(str(entry['result']))}")
    if isinstance(completed, dt.date):
        lines += ["    products:", "      - type: ke-hoach",
                  f"        number: {number}/KH-{symbol}",
                  f"        date: {short_date(completed)}",
                  "        trich_yeu: " + _q("Thực hiện nhiệm vụ được giao")]
    if "difficulties" in entry:
        lines.append(f"    difficulties: {_q(str(entry['difficulties']))}")
    return lines
