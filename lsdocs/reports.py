"""Writing the annual reports: one agency's báo cáo, or the Sở's consolidated báo cáo.

Both are rendered in memory from one :class:`~lsdocs.progress.year_status.YearStatus`,
checked by the Decree 30 checker, then written atomically under
``<output>/<plan id>/bao-cao/``.  Without ``date`` a report is a draft: number,
day and month blank, as the văn thư fills them in when it is signed.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path

from lsdocs import vnformat as vn
from lsdocs.content import load_plan
from lsdocs.content.agencies import AgencyResolver
from lsdocs.content.model import Agency, Content
from lsdocs.documents import bao_cao_co_quan, bao_cao_tong_hop
from lsdocs.errors import SEVERITY_WARNING, Location, Problem, T, Text, UsageError
from lsdocs.gate import require_conformant
from lsdocs.kinds import KINDS
from lsdocs.progress.record_loader import default_root, load_progress
from lsdocs.progress.records import PlanProgress
from lsdocs.progress.year_status import YearStatus, first_year, reporting_period, year_status
from lsdocs.render.chart import BarChart, Series, insert_chart
from lsdocs.render.engine import CoreProperties
from lsdocs.render.output import write_atomic
from lsdocs.templates import load_template

REPORT_FOLDER = "bao-cao"
CHART_MARKER = "[[BIEU_DO]]"
CHART_SIZE_CM = (24.0, 11.0)


@dataclass(frozen=True)
class Report:
    """A rendered report: its file name and bytes."""

    name: str
    data: bytes
    illustrative: bool = False  # built on lsdocs' illustrative sample records
    warnings: tuple[Problem, ...] = ()  # for the clerk, not in the document
    agency: str | None = None  # the reporting agency's id (an agency's report)


def make_agency_report(content_path: Path, year: int, agency_id: str, output_root: Path, *,
                       date: dt.date | None = None, templates_dir: Path | None = None,
                       progress_dir: Path | None = None) -> tuple[Path, Report]:
    """``lsdocs report co-quan``: load, render, check and write one agency's report."""
    content, progress = load_inputs(content_path, progress_dir)
    status = report_status(content, progress, year, date)
    report = render_agency_report(status, agency_id, date, templates_dir, progress_dir)
    return write_report(report, output_root, content.plan.id), report


def make_consolidated_report(content_path: Path, year: int, output_root: Path, *,
                             date: dt.date | None = None, templates_dir: Path | None = None,
                             progress_dir: Path | None = None) -> tuple[Path, Report]:
    """``lsdocs report tong-hop``: load, render, check and write the consolidated report."""
    content, progress = load_inputs(content_path, progress_dir)
    status = report_status(content, progress, year, date)
    report = render_consolidated_report(status, date, templates_dir, progress_dir)
    return write_report(report, output_root, content.plan.id), report


def load_inputs(content_path: Path, progress_dir: Path | None = None
                ) -> tuple[Content, PlanProgress]:
    """The plan and its progress records, each validated (all errors in one pass)."""
    content = load_plan(content_path)
    return content, load_progress(content, progress_dir)


def illustrative(status: YearStatus) -> bool:
    """Whether any progress record behind the report is lsdocs' illustrative sample."""
    records = [*status.records.values(), *status.extra_records]
    return any(r.source == "illustrative" for r in records)





def report_status(content: Content, progress: PlanProgress, year: int,
                  date: dt.date | None = None) -> YearStatus:
    """The plan in reporting *year*; refuses a year outside the plan or a date before it."""
    first = first_year(content)
    if year < first:
        raise _usage("--year", T("năm báo cáo trước năm ban hành kế hoạch"),
                     str(year), T("từ {y} trở đi", y=first))
    start, _end = reporting_period(content, year)
    if date is not None and date < start:
        raise _usage("--date", T("ngày báo cáo trước kỳ báo cáo"),
                     vn.short_date(date),
                     T("từ {d} trở đi", d=vn.short_date(start)))
    return year_status(content, progress, year)


def render_agency_report(status: YearStatus, agency_id: str, date: dt.date | None = None,
                         templates_dir: Path | None = None,
                         progress_dir: Path | None = None) -> Report:
    """One agency's report; *agency_id* may be a 2023 id (taken to its successor).

    *progress_dir* only names, in the error for a missing record, where it was looked for.
    """
    agency = resolve_reporter(status, agency_id)
    record = status.records.get(agency.id)
    if record is None:
        root = progress_dir or default_root(status.content)
        expected = root / str(status.year) / f"{agency.id}.yaml"
        raise UsageError(Problem(
            Location(str(expected)),
            T("{a} chưa có báo cáo tiến độ năm {y}", a=agency.name, y=status.year),
            expected=T("tệp {p}, nhập bằng lsdocs import-progress hoặc soạn tay",
                       p=expected),
        ))
    context = bao_cao_co_quan.agency_report_context(status, agency, record, date)
    kind = KINDS["bao-cao-co-quan"]
    data = load_template(kind.id, templates_dir).render(context, _core(kind.title, context,
                                                                       status, date))
    return Report(kind.file_name(agency.id, status.year), data, record.source == "illustrative",
                  agency=agency.id)


def render_consolidated_report(status: YearStatus, date: dt.date | None = None,
                               templates_dir: Path | None = None,
                               progress_dir: Path | None = None) -> Report:
    """The Sở's consolidated report, with the chart of task status by group in the annex.

    A warning tells the clerk when the compiling Sở has not recorded the
    results of its own tasks (they are then counted as without a report).
    """
    context = bao_cao_tong_hop.consolidated_context(status, date)
    kind = KINDS["bao-cao-tong-hop"]
    data = load_template(kind.id, templates_dir).render(context, _core(kind.title, context,
                                                                       status, date))
    width, height = CHART_SIZE_CM
    data = insert_chart(data, status_chart(status), marker=CHART_MARKER, width_cm=width,
                        height_cm=height)
    return Report(kind.file_name(None, status.year), data, illustrative(status),
                  _own_results_missing(status, progress_dir))


def _own_results_missing(status: YearStatus, progress_dir: Path | None) -> tuple[Problem, ...]:
    own = status.collector
    if own is None or not status.collector_missing:
        return ()
    root = progress_dir or default_root(status.content)
    expected = root / str(status.year) / f"{own.id}.yaml"
    return (Problem(
        Location(str(expected)),
        T("{a} tổng hợp báo cáo nhưng chưa ghi kết quả năm {y} của các nhiệm vụ do mình chủ trì; "
          "báo cáo ghi các nhiệm vụ đó là chưa có báo cáo", a=own.name, y=status.year),
        expected=T("tệp {p}, nhập bằng lsdocs import-progress hoặc soạn tay", p=expected),
        severity=SEVERITY_WARNING, code="collector-no-record"),)


def status_chart(status: YearStatus) -> BarChart:
    categories, series = bao_cao_tong_hop.chart_data(status)
    return BarChart(
        title="Số nhiệm vụ theo tình trạng thực hiện",
        categories=categories,
        series=tuple(Series(name, values, color) for name, values, color in series),
    )


def write_report(report: Report, output_root: Path, plan_id: str) -> Path:
    """Check *report* against Decree 30, then write it atomically; returns its path."""
    require_conformant({report.name: report.data})
    path = output_root / vn.slugify(plan_id) / REPORT_FOLDER / report.name
    write_atomic(path, report.data)
    return path


def resolve_reporter(status: YearStatus, agency_id: str) -> Agency:
    """The agency that reports in the year for *agency_id* (a 2023 id: its successor)."""
    reporters = {a.id: a for a in status.reporters}
    current = agency_id
    if agency_id not in reporters and agency_id in status.content.registry:
        resolver = AgencyResolver(status.content, status.period_end)
        found = resolver.current(agency_id)
        resolver.raise_problems()
        current = found.id if found is not None else agency_id
    collector = bao_cao_tong_hop.compiler(status)
    if current == collector.id:
        raise _usage("--agency", T("{a} tổng hợp báo cáo chung, không tự gửi báo cáo cho mình",
                                   a=collector.name), agency_id,
                     T("lsdocs report tong-hop --year {y}", y=status.year))
    if current not in reporters:
        known = [a for a in reporters if a != collector.id]
        close = difflib.get_close_matches(agency_id, known, n=1)
        raise UsageError(Problem(
            Location(place=T("tùy chọn --agency")),
            T("cơ quan không chủ trì nhiệm vụ nào của kế hoạch trong năm {y}",
              y=status.year),
            found=agency_id, expected=T("một trong: {k}", k=", ".join(known)),
            hint=T("có phải «{c}»?", c=close[0]) if close else None,
        ))
    return reporters[current]


def _core(title: str, context: dict[str, object], status: YearStatus,
          date: dt.date | None) -> CoreProperties:
    day = date or status.period_end
    return CoreProperties(
        title=f"{title} - {context['trich_yeu']}",
        subject=status.content.plan.id,
        description="Văn bản do lsdocs soạn từ báo cáo tiến độ của các cơ quan; cần kiểm tra "
                    "trước khi ký.",
        date_iso=f"{day.isoformat()}T00:00:00Z",
    )


def _usage(option: str, message: Text, found: str, expected: Text) -> UsageError:
    return UsageError(Problem(Location(place=T("tùy chọn {o}", o=option)),
                              message, found=found, expected=expected))
