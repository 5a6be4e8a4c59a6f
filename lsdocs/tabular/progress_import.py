"""``lsdocs import-progress``: filled-in workbooks back into progress record files.

Order of work, so that a mistake anywhere writes nothing: load the plan; read
every workbook and check every cell of every one (all problems of all files
in one pass); refuse a record file edited by hand since its workbook was
exported (unless *force*); turn each record into YAML text (an existing file
is edited, keeping its comments); check that the text says exactly what was
meant and passes the progress loader's validation; only then write, each file
atomically.  A record whose meaning did not change is not touched, so an
unchanged workbook leaves its file byte for byte as it was.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from lsdocs.content import load_plan
from lsdocs.content.model import Content
from lsdocs.errors import ContentError, Location, Problem, ProblemList, T, Text
from lsdocs.progress.record_loader import default_root, validate_progress
from lsdocs.progress.records import ProgressRecord
from lsdocs.progress.year_status import YearStatus, reporting_period, year_status
from lsdocs.render.output import write_atomic
from lsdocs.tabular.progress_cells import Cells
from lsdocs.tabular.progress_export import read_records, record_path
from lsdocs.tabular.progress_guide import plan_reference
from lsdocs.tabular.progress_read import (
    Identity,
    Reading,
    find_sheets,
    read_identity,
    read_record,
)
from lsdocs.tabular.progress_splice import render_file
from lsdocs.tabular.progress_yaml import digest, load_text, meaning, record_data
from lsdocs.tabular.read import load_xlsx
from lsdocs.tabular.table_errors import TableFileError, file_problem


@dataclass(frozen=True)
class RecordImport:
    """One workbook and the record file it became."""

    workbook: Path
    path: Path  # the record file
    year: int
    agency: str
    tasks: int  # tasks with a status
    changed: bool  # the file's meaning changes (False: left as it was)
    written: bool
    created: bool  # there was no file before
    empty: bool = False  # nothing filled in and no file: no record written (not reported)


@dataclass(frozen=True)
class ProgressImport:
    records: tuple[RecordImport, ...]
    warnings: tuple[Problem, ...]
    dry_run: bool


@dataclass(frozen=True)
class _Planned:
    item: RecordImport
    text: str | None  # new file text; None when unchanged


def import_progress(workbooks: Sequence[Path], content_path: Path, *, dry_run: bool = False,
                    force: bool = False, year: int | None = None,
                    root: Path | None = None) -> ProgressImport:
    """Check *workbooks* and write their records under *root* (default: next to the plan).

    Raises :class:`~lsdocs.errors.ContentError` with every problem of every
    workbook (and writes nothing); :class:`~lsdocs.tabular.table_errors.TableFileError`
    when a file cannot be opened as a workbook at all (after checking the others).
    """
    content = load_plan(content_path)
    root = root or default_root(content)
    progress = read_records(root, content.plan.id)
    statuses: dict[int, YearStatus] = {}
    problems, unreadable = ProblemList(), False
    records: list[tuple[Path, ProgressRecord, Identity]] = []
    for path in workbooks:
        try:
            found = _read_workbook(path, content, root, year, statuses,
                                   lambda y: year_status(content, progress, y), problems)
        except TableFileError as e:
            problems.extend(e.problems)
            unreadable = True
            continue
        if found is not None:
            records.append((path, *found))
    _check_repeats(records, problems)
    if problems.errors:
        raise (TableFileError if unreadable else ContentError)(problems.problems)
    planned = [_plan(content, root, path, record, identity, force, problems)
               for path, record, identity in records]
    problems.raise_if_errors(ContentError)
    problems.extend(_validate(content, root, planned))
    if not dry_run:
        for plan in planned:
            if plan.text is not None:
                _write(plan.item.path, plan.text)
    return ProgressImport(
        tuple(dataclasses.replace(p.item, written=not dry_run and p.text is not None)
              for p in planned),
        tuple(p for p in problems.problems if not p.is_error), dry_run)


# --- reading -------------------------------------------------------------------------------


def _read_workbook(path: Path, content: Content, root: Path, year: int | None,
                   statuses: dict[int, YearStatus], status_of: Callable[[int], YearStatus],
                   problems: ProblemList) -> tuple[ProgressRecord, Identity] | None:
    reading = Reading(str(path), load_xlsx(path), content, Cells(problems))
    reading.identity = identity = read_identity(reading)
    if identity is None:
        return None  # not a progress workbook: its sheets say nothing more
    find_sheets(reading)
    if not _identity_ok(reading, year):
        return None
    if identity.year not in statuses:
        statuses[identity.year] = status_of(identity.year)
    reading.status = statuses[identity.year]
    if identity.agency not in {a.id for a in reading.status.reporters}:
        reading.problem(reading.where(), T(
            "{a} không báo cáo trong năm {y} (không chủ trì nhiệm vụ nào hoặc đã sáp nhập)",
            a=content.registry.get(identity.agency).name, y=identity.year),
            hint=T("xuất lại bảng: lsdocs export-progress --year {y}",
                   y=identity.year),
            code="agency-not-reporting")
        return None
    old = _file_data(record_path(root, identity.year, identity.agency))
    source = old.get("source") if isinstance(old, dict) else None
    errors = len(problems.errors)
    record = read_record(reading, str(source or ""))
    if record is None or len(problems.errors) > errors:
        return None
    return record, identity


def _identity_ok(reading: Reading, year: int | None) -> bool:
    identity, content = reading.identity, reading.content
    assert identity is not None
    wrong: list[tuple[Text, str, Text]] = []
    if identity.plan != content.plan.id:
        wrong.append((T("bảng của kế hoạch khác"), identity.plan,
                      T("bảng của kế hoạch «{p}»", p=content.plan.id)))
    if year is not None and identity.year != year:
        wrong.append((T("bảng của năm khác"), str(identity.year),
                      T("bảng của năm {y} (--year)", y=year)))
    if identity.agency not in content.registry:
        wrong.append((T("bảng của cơ quan không có trong danh mục"), identity.agency,
                      T("cơ quan trong danh mục")))
    for message, found, expected in wrong:
        reading.problem(reading.where(), message, found=found, expected=expected,
                        code="other-workbook")
    return not wrong


def _check_repeats(records: list[tuple[Path, ProgressRecord, Identity]],
                   problems: ProblemList) -> None:
    first: dict[tuple[int, str], Path] = {}
    for path, record, _ in records:
        key = (record.year, record.agency)
        if key in first:
            problems.add(Problem(Location(file=str(path)), T(
                "trùng với {f}: cùng cơ quan, cùng năm",
                f=first[key]), hint=T("nhập một bảng cho mỗi cơ quan mỗi năm"),
                code="repeated-workbook"))
        else:
            first[key] = path


# --- planning the files ------------------------------------------------------------------------


def _plan(content: Content, root: Path, workbook: Path, record: ProgressRecord,
          identity: Identity, force: bool, problems: ProblemList) -> _Planned:
    path = record_path(root, record.year, record.agency)
    old_text = _read_text(path)
    old_data = _file_data(path)
    data = _keep_other_tasks(record_data(record), old_data, {i for _, i in identity.rows})
    unchanged = old_data is not None and meaning(old_data) == meaning(data)
    item = RecordImport(workbook, path, record.year, record.agency, len(record.tasks),
                        not unchanged, False, old_text is None)
    if unchanged:
        return _Planned(item, None)
    if old_text is None and _empty(record):
        problems.add(Problem(Location(file=str(workbook)), T(
            "bảng chưa điền gì; không ghi tệp tiến độ (cơ quan vẫn là chưa báo cáo)"),
            severity="warning", code="empty-workbook"))
        return _Planned(dataclasses.replace(item, changed=False, empty=True), None)
    if old_text is not None and not force and digest(old_data) != identity.digest:
        problems.add(Problem(Location(file=str(path)), T(
            "tệp đã được sửa sau khi xuất bảng {w}; nhập bảng sẽ xóa các sửa đổi đó",
            w=workbook.name), hint=T(
            "xuất lại bảng (lsdocs export-progress) để cơ quan điền trên bảng mới, hoặc dùng "
            "--force để ghi đè"), code="edited-since-export"))
        return _Planned(item, None)
    agency = content.registry.get(record.agency)
    header = (f"Tiến độ thực hiện {plan_reference(content)} năm {record.year}: {agency.name}.\n"
              "Ghi bởi lsdocs import-progress từ bảng tính của cơ quan; sửa tay được (giữ "
              "đúng các khóa).")
    text = render_file(data, old_text, header, reporting_period(content, record.year))
    written = YAML(typ="safe", pure=True).load(text)
    if meaning(written) != meaning(data):
        raise ContentError(Problem(Location(file=str(path)), T(
            "không ghi được tệp một cách an toàn (nội dung sau khi ghi khác dự định); chưa ghi gì"),
                hint=T("sửa tệp YAML bằng tay, hoặc báo lỗi cho người phát triển"),
            code="unsafe-edit"))
    return _Planned(item, text)


def _empty(record: ProgressRecord) -> bool:
    return not (record.tasks or record.figures or any(vars(record.narrative).values())
                or record.budget is not None or record.reported_on or record.report_number
                or record.signature)


def _keep_other_tasks(data: dict[str, Any], old: Any, rows: set[str]) -> dict[str, Any]:
    """Tasks of the existing file that the workbook had no row for stay as they are."""
    kept = [t for t in (old.get("tasks") or []) if isinstance(t, dict)
            and str(t.get("task")) not in rows] if isinstance(old, dict) else []
    if not kept:
        return data
    tasks = [*data.get("tasks", []), *kept]
    ordered = {k: v for k, v in data.items() if k != "figures"}
    ordered["tasks"] = tasks
    if "figures" in data:
        ordered["figures"] = data["figures"]
    return ordered


def _read_text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise file_problem(str(path), T("không đọc được tệp"),
                           found=str(e)) from e


def _file_data(path: Path) -> Any:
    text = _read_text(path)
    if text is None:
        return None
    tree = load_text(text)
    return YAML(typ="safe", pure=True).load(text) if tree is not None else None


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as e:
        raise file_problem(str(path), T("không ghi được tệp"),
                           found=e.strerror or str(e), code="unwritable") from e


# --- the progress loader's validation ------------------------------------------------------


def _validate(content: Content, root: Path, planned: list[_Planned]) -> list[Problem]:
    """Validate the records as ``lsdocs validate`` will, with the new files in place.

    Uses :func:`lsdocs.progress.record_loader.validate_progress`, so import and
    ``lsdocs validate`` never disagree; returns its warnings about the files
    the import writes.
    """
    new = [p for p in planned if p.text is not None]
    if not new:
        return []
    with tempfile.TemporaryDirectory(prefix="lsdocs-progress-") as tmp:
        copy = Path(tmp) / content.plan.id
        if root.is_dir():
            shutil.copytree(root, copy)
        for plan in new:
            target = copy / plan.item.path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(plan.text or "", encoding="utf-8")
        found = validate_progress(content, copy)
        years = {str(p.item.year) for p in new}
        errors = [_moved(p, copy, root) for p in found if p.is_error and _in_years(p, copy, years)]
        written = {str(copy / p.item.path.relative_to(root)) for p in new}
        warnings = [_moved(p, copy, root) for p in found
                    if not p.is_error and p.location.file in written]
    if errors:
        raise ContentError([Problem(Location(file=str(root)), T(
            "bản ghi tiến độ sau khi nhập không hợp lệ; chưa ghi gì"),
            code="invalid-after-import"), *errors])
    return warnings


def _in_years(problem: Problem, copy: Path, years: set[str]) -> bool:
    file = problem.location.file or ""
    return any(file.startswith(str(copy / y)) for y in years)


def _moved(problem: Problem, copy: Path, root: Path) -> Problem:
    file = (problem.location.file or "").replace(str(copy), str(root), 1)
    return dataclasses.replace(problem, location=dataclasses.replace(problem.location,
                                                                     file=file))
