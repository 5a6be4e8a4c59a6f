"""Every figure of the consolidated report, recomputed from the progress records.

The expected numbers are computed here from the plan and the records with
their own small rules (not through lsdocs.progress.year_status), then looked up in
the generated .docx: the sentences of Section I, the agency lines, the
non-reporting agencies, the budget, the objective, the annex table and the
chart's data.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import docx
import pytest
from lxml import etree

from lsdocs.content import load_plan
from lsdocs.content.model import Content, Task
from lsdocs.progress.record_loader import load_progress
from lsdocs.progress.records import PlanProgress, TaskProgress
from lsdocs.reports import render_consolidated_report, report_status
from tests.documents import progress_fixture as pf

PLAN = Path(__file__).resolve().parents[2] / "content" / "kh-182-2023.yaml"
SUCCESSOR_2025 = {"snnptnt": "snnmt", "stnmt": "snnmt", "sttt": "svhttdl", "skhdt": "stc",
                  "sldtbxh": "sgddt"}


def _find(progress: PlanProgress, year: int, task_id: str) -> TaskProgress | None:
    for record in progress.year(year).values():
        for t in record.tasks:
            if t.task == task_id:
                return t
    return None


def _expected(content: Content, progress: PlanProgress, year: int) -> dict[str, Counter[str]]:
    """Per group id, per agency id, and "all": counts by state key."""
    period_end = dt.date(year, 12, 14)
    out: dict[str, Counter[str]] = {"all": Counter()}
    for task in content.plan.tasks:
        state = _state(content, progress, task, year, period_end)
        if state is None:
            continue
        lead = SUCCESSOR_2025.get(task.lead, task.lead) if year >= 2025 else task.lead
        for key in ("all", task.id.split(".")[0], lead):
            out.setdefault(key, Counter()).update(state)
    return out


def _state(content: Content, progress: PlanProgress, task: Task, year: int,
           period_end: dt.date) -> list[str] | None:
    kind = task.deadline.kind
    start = task.deadline.start_year if kind == "period" and task.deadline.start_year else 2023
    if year < start:
        return None
    if kind not in ("annual", "regular"):
        for earlier in range(year - 1, 2022, -1):
            found = _find(progress, earlier, task.id)
            if found is not None:
                if found.state == "hoan-thanh":
                    return None
                break
    due = {"annual": dt.date(year, 12, 15), "regular": None}.get(kind, task.deadline.due)
    keys = ["total"]
    if kind in ("annual", "regular") or (due is not None and due.year == year):
        keys.append("due")
    found = _find(progress, year, task.id)
    if found is not None and found.state == "hoan-thanh":
        late = due is not None and found.completed is not None and found.completed > due
        keys += ["done", "late" if late else "on_time"]
        return keys
    keys.append({None: "not_reported", "dang-thuc-hien": "in_progress",
                 "chua-trien-khai": "not_started"}[found.state if found else None])
    if due is not None and due < period_end:
        keys.append("overdue")
    return keys


def _pct(part: int, whole: int) -> str:
    value = (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    text = f"{value}".replace(".", ",")
    return (text[:-2] if text.endswith(",0") else text) + "%"


def _clause(c: Counter[str]) -> list[str]:
    """The figures a sentence about *c* must contain."""
    parts = [f"{c['total']:02d} nhiệm vụ"]
    names = {"done": "đã hoàn thành", "in_progress": "đang thực hiện",
             "not_started": "chưa triển khai", "not_reported": "chưa có báo cáo"}
    for key, words in names.items():
        if c[key]:
            share = "" if c[key] == c["total"] else f" ({_pct(c[key], c['total'])})"
            parts.append(f"{words} {c[key]:02d} nhiệm vụ{share}")
    if c["late"] and c["on_time"]:
        parts.append(f"trong đó {c['on_time']:02d} đúng hạn, {c['late']:02d} chậm")
    if c["overdue"]:
        parts.append(f"quá hạn {c['overdue']:02d} nhiệm vụ")
    return parts


@pytest.fixture(scope="module")
def content() -> Content:
    return load_plan(PLAN)


@pytest.mark.parametrize("records", ["fixture", "shipped"])
@pytest.mark.parametrize("year", [2024, 2025])
def test_every_figure_agrees_with_the_records(content: Content, year: int, records: str) -> None:
    progress = pf.progress() if records == "fixture" else load_progress(content)
    expected = _expected(content, progress, year)
    data = render_consolidated_report(report_status(content, progress, year)).data
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]

    overall = next(p for p in paragraphs if p.startswith(f"Năm {year}, Kế hoạch có"))
    for part in _clause(expected["all"]):
        assert part in overall, (part, overall)
    assert "nhiệm vụ đến hạn trong năm" not in overall or \
        f"{expected['all']['due']:02d} nhiệm vụ đến hạn" in overall

    for number, group in enumerate(content.plan.task_groups, 1):
        if str(number) not in expected:
            continue
        heading = paragraphs.index(next(p for p in paragraphs if p.endswith(group.title)))
        for part in _clause(expected[str(number)]):
            assert part in paragraphs[heading + 1], (group.id, part)

    for agency_id, counts in expected.items():
        if agency_id == "all" or agency_id.isdigit():
            continue
        name = content.registry.get(agency_id).name
        line = next(p for p in paragraphs if p.startswith(f"- {name}:"))
        if agency_id in progress.year(year):
            for part in _clause(counts):
                assert part in line, (agency_id, part, line)
        else:
            assert line.startswith(f"- {name}: {counts['total']:02d} nhiệm vụ")
            assert ("chưa cập nhật kết quả thực hiện" if agency_id == "skhcn"
                    else "chưa gửi báo cáo") in line
            assert counts["not_reported"] == counts["total"]

    # the compiling Sở does not send a report to itself: it is not counted among the senders
    leads = {k for k in expected if k != "all" and not k.isdigit()} - {"skhcn"}
    missing = sorted(content.registry.get(a).name for a in leads if a not in progress.year(year))
    sentence = next(p for p in paragraphs if "cơ quan, đơn vị chủ trì nhiệm vụ" in p)
    for name in missing:
        assert name in sentence
    assert f"{len(leads) - len(missing):02d}/{len(leads):02d}" in sentence or not missing

    budget = sum(r.budget or 0 for r in progress.year(year).values())
    if budget:
        assert any(f"{budget:,}".replace(",", ".") + " đồng" in p for p in paragraphs)

    figures = [f for r in progress.year(year).values() for f in r.figures]
    objective = next(p for p in paragraphs if p.startswith("Chỉ tiêu «"))
    if figures:
        value = sum(f.value for f in figures)
        assert f"năm {year} đạt {value:g}".replace(".", ",") in objective
        if all(f.baseline is not None for f in figures):
            base = sum(f.baseline or 0 for f in figures)
            assert f"năm 2023 là {base:g}" in objective
            assert f"tăng {_pct(int(value - base), int(base))}" in objective
    else:
        assert "chưa có cơ quan, đơn vị báo cáo số liệu" in objective

    _check_annex(document, expected)
    _check_chart(data, expected, content)


def _check_annex(document: docx.document.Document, expected: dict[str, Counter[str]]) -> None:
    rows = [[c.text for c in r.cells] for r in document.tables[-1].rows][1:]
    states = Counter()
    for row in rows:
        if re.fullmatch(r"\d+\.\d+", row[0]):
            state = row[4]
            states["total"] += 1
            states["done"] += state.startswith("Đã hoàn thành")
            states["in_progress"] += state.startswith("Đang thực hiện")
            states["not_started"] += state.startswith("Chưa triển khai")
            states["not_reported"] += state.startswith("Chưa có báo cáo")
            states["overdue"] += "(quá hạn)" in state
    for key in ("total", "done", "in_progress", "not_started", "not_reported", "overdue"):
        assert states[key] == expected["all"][key], key
    summary = rows[-1][0]
    assert summary.startswith(f"Tổng cộng: {expected['all']['total']:02d} nhiệm vụ")


def _check_chart(data: bytes, expected: dict[str, Counter[str]], content: Content) -> None:
    package = zipfile.ZipFile(io.BytesIO(data))
    chart = etree.fromstring(package.read("word/charts/chart1.xml"))
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    groups = [str(i) for i in range(1, len(content.plan.task_groups) + 1) if str(i) in expected]
    keys = {"Đã hoàn thành": "done", "Đang thực hiện": "in_progress",
            "Chưa triển khai": "not_started", "Chưa có báo cáo": "not_reported"}
    for ser in chart.iterfind(".//c:ser", ns):
        name = ser.findtext("c:tx//c:v", namespaces=ns)
        values = [float(v.text or 0) for v in ser.iterfind("c:val//c:pt/c:v", ns)]
        assert values == [expected[g][keys[name]] for g in groups], name
