"""``lsdocs export-progress``: one pre-filled progress workbook per reporting agency.

The agencies are those that report in the year (the plan's own for 2023 and
2024, their successors from 2025; :func:`lsdocs.progress.year_status.year_status`),
each with the tasks it answers for.  Records already written for the year
(``content/tien-do/<plan>/<year>/<agency>.yaml``) fill the workbook in, and the
workbook remembers a digest of that record, so a later import can tell
whether the file was edited by hand in between.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from lsdocs import vnformat as vn
from lsdocs.content import load_plan
from lsdocs.content.agencies import AgencyResolver, resolve_agency
from lsdocs.content.model import Agency, Content
from lsdocs.content.schema import did_you_mean
from lsdocs.errors import ContentError, Location, Problem, T, UsageError
from lsdocs.progress.record_loader import default_root
from lsdocs.progress.records import PlanProgress, ProgressRecord
from lsdocs.progress.year_status import YearStatus, first_year, year_status
from lsdocs.render.output import write_atomic
from lsdocs.tabular.progress_workbook import Sheet, progress_workbook_bytes
from lsdocs.tabular.progress_yaml import digest, record_from_data
from lsdocs.tabular.table_errors import file_problem

DEFAULT_OUTPUT = Path("output")


@dataclass(frozen=True)
class ProgressExport:
    """One written workbook."""

    path: Path
    agency: Agency
    tasks: int
    prefilled: bool  # the agency already had a record for the year
    changed: bool  # False: an identical file was already there


def record_path(root: Path, year: int, agency_id: str) -> Path:
    return root / str(year) / f"{agency_id}.yaml"


def workbook_name(year: int, agency_id: str) -> str:
    return f"tien-do-{year}-{vn.file_id(agency_id)}.xlsx"


def export_progress(content_path: Path, year: int, agencies: Sequence[str] = (),
                    out_dir: Path | None = None, *, output_root: Path = DEFAULT_OUTPUT,
                    root: Path | None = None) -> list[ProgressExport]:
    """Write the workbooks of *year* (for *agencies* only, when given) into *out_dir*
    (default ``output_root/<plan id>/tien-do-<year>/``).

    Raises :class:`~lsdocs.errors.UsageError` for a year outside the plan or an
    agency that does not report that year, ContentError for invalid content.
    """
    content = load_plan(content_path)
    check_year(content, year)
    root = root or default_root(content)
    progress = read_records(root, content.plan.id)
    status = year_status(content, progress, year)
    chosen = _choose(content, status, agencies)
    collector = AgencyResolver(content, status.period_end).current(
        content.plan.organization.reporting.reporters_to)
    folder = out_dir or output_root / vn.file_id(content.plan.id) / f"tien-do-{year}"
    results = []
    for agency in chosen:
        record = progress.year(year).get(agency.id)
        data = _file_data(record_path(root, year, agency.id))
        sheet = Sheet(content, status, agency, record, digest(data),
                      collector or content.registry.get(
                          content.plan.organization.reporting.reporters_to))
        path = folder / workbook_name(year, agency.id)
        try:
            changed = write_atomic(path, progress_workbook_bytes(sheet))
        except OSError as e:
            raise file_problem(str(path), T("không ghi được tệp"),
                               found=e.strerror or str(e), code="unwritable") from e
        results.append(ProgressExport(path, agency, len(status.tasks_of(agency.id)),
                                      record is not None, changed))
    return results


def check_year(content: Content, year: int) -> None:
    first = first_year(content)
    last = dt.date.today().year + 1
    if not first <= year <= last:
        raise UsageError(Problem(
            Location(place=T("tùy chọn --year")),
            T("năm báo cáo ngoài thời gian của Kế hoạch"),
            found=str(year), expected=T("một năm từ {a} đến {b}",
                                        a=first, b=last), code="bad-year"))


def _choose(content: Content, status: YearStatus, wanted: Sequence[str]) -> list[Agency]:
    if not wanted:
        return list(status.reporters)
    reporters = {a.id: a for a in status.reporters}
    problems = [_not_reporting(content, status, agency_id)
                for agency_id in wanted if agency_id not in reporters]
    if problems:
        raise UsageError(problems)
    return [reporters[a] for a in dict.fromkeys(wanted)]


def _not_reporting(content: Content, status: YearStatus, agency_id: str) -> Problem:
    where = Location(place=T("tùy chọn --agency"))
    known = [a.id for a in status.reporters]
    expected = T("một cơ quan báo cáo năm {y}: {a}", y=status.year, a=", ".join(known))
    if agency_id not in content.registry:
        return Problem(where, T("không có cơ quan mã này"),
                       found=agency_id, expected=expected,
                       hint=did_you_mean(agency_id, known), code="unknown-agency")
    try:
        now = resolve_agency(content.registry, agency_id, status.period_end,
                             content.plan.succession)[0]
    except ContentError:
        now = None
    if now is not None and now.id != agency_id and now.id in known:
        return Problem(where, T("cơ quan không còn hoạt động trong năm {y}",
                                y=status.year),
                       found=agency_id, hint=T("năm {y} do {n} ({i}) báo cáo",
                                               y=status.year,
                                               n=now.name, i=now.id), code="agency-merged")
    return Problem(where, T("cơ quan không chủ trì nhiệm vụ nào trong năm {y}",
                            y=status.year),
                   found=agency_id, expected=expected, code="agency-not-reporting")


# --- existing records (read leniently, to pre-fill) -------------------------------------------


def read_records(root: Path, plan_id: str) -> PlanProgress:
    """Every record under *root* that can be read; unreadable parts are left out.

    Lenient on purpose, unlike :func:`lsdocs.progress.record_loader.load_progress`: a
    workbook can still be sent when a record has a mistake (import checks it).
    """
    records: dict[int, dict[str, ProgressRecord]] = {}
    for path in _record_files(root):
        data = _file_data(path)
        if isinstance(data, dict):
            record = record_from_data(data, str(path))
            year = int(path.parent.name)
            records.setdefault(year, {})[path.stem] = record
    return PlanProgress(plan_id, records)


def _record_files(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("*/*.yaml") if p.parent.name.isdigit())


def _file_data(path: Path) -> object:
    """The data of a record file; None when it is missing or not YAML."""
    try:
        return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError):
        return None
