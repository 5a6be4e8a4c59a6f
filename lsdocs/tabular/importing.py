"""Read an edited assignment table back into the plan file.

Order of work, so that a mistake anywhere writes nothing: load and check the
plan; read the table; check every cell (all problems in one pass); compare
with the plan; edit the YAML text; check the edit changed only what was meant;
validate the edited content as ``lsdocs validate`` would; write atomically.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lsdocs.content import load_plan, validate
from lsdocs.content.model import Content
from lsdocs.errors import ContentError, Location, Problem, ProblemList, T
from lsdocs.render.output import write_atomic
from lsdocs.tabular.agency_cells import AgencyNames
from lsdocs.tabular.apply import EditCheckError, PlanChanges, apply_changes, plan_changes
from lsdocs.tabular.parse import ParseContext, parse_table
from lsdocs.tabular.read import Table, read_table
from lsdocs.tabular.rows import group_refs
from lsdocs.tabular.snapshot import edited_since
from lsdocs.tabular.table_errors import file_problem


@dataclass(frozen=True)
class ImportResult:
    """What an import found and did.

    ``changed`` maps a task id to the fields that changed (``moved`` when the
    task went to another group).  ``written`` is False for a dry run and when
    nothing changed (the plan file is then not touched at all).
    """

    content_file: Path
    added: tuple[str, ...] = ()
    changed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = ()
    written: bool = False
    dry_run: bool = False

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def import_assignments(table_path: Path, content_path: Path,
                       dry_run: bool = False, force: bool = False) -> ImportResult:
    """Update the plan at *content_path* from the table at *table_path* (.xlsx or .csv).

    Raises :class:`~lsdocs.errors.ContentError` with every problem (of the
    plan, of the table's cells, or of the edited content) and writes nothing;
    :class:`~lsdocs.tabular.table_errors.TableFileError` when the table cannot be
    opened.  Warnings (an agency that did not exist on the plan's date, a task
    id Excel stored as a number) do not stop the import and are returned.
    """
    content = load_plan(content_path)
    table = read_table(table_path)
    problems = ProblemList(list(table.problems))
    _check_plan_id(table, content, problems)
    ctx = ParseContext(AgencyNames(content.registry, content.registry_file),
                       group_refs(content.plan), content.plan.document.date, problems)
    assignments = parse_table(table, ctx)
    problems.raise_if_errors(ContentError)
    changes = plan_changes(content.plan, assignments)
    if not force:
        _check_edited_since(table, content, changes)
    plan_file = Path(content.plan_file)
    result = _result(plan_file, changes, problems.problems, dry_run)
    if changes.empty:
        return result
    try:
        data = _edited(plan_file, changes)
        if not dry_run:
            write_atomic(plan_file, data)
    except OSError as e:
        raise file_problem(str(plan_file), T("không ghi được tệp"),
                           found=e.strerror or str(e), code="unwritable") from e
    return dataclasses.replace(result, written=not dry_run)


def _result(plan_file: Path, changes: PlanChanges, problems: list[Problem],
            dry_run: bool) -> ImportResult:
    return ImportResult(plan_file, tuple(changes.added), dict(changes.changed),
                        tuple(changes.removed), tuple(p for p in problems if not p.is_error),
                        dry_run=dry_run)


def _check_edited_since(table: Table, content: Content, changes: PlanChanges) -> None:
    """Refuse to undo hand edits made to the YAML after the workbook was exported."""
    if table.snapshot is None:
        return
    touched = set(changes.changed) | set(changes.removed)
    stale = edited_since(content.plan, table.snapshot, touched)
    if stale:
        raise ContentError([
            Problem(
                Location(file=table.file, place=T("nhiệm vụ {i}", i=i)),
                T("nhiệm vụ đã được sửa trong tệp nội dung sau khi xuất bảng này; nhập bảng sẽ "
                  "xóa các sửa đổi đó"),
                hint=T("xuất lại bảng (lsdocs export-xlsx) rồi sửa trên bảng mới, hoặc dùng "
                       "--force để ghi đè"),
                code="edited-since-export")
            for i in stale
        ])


def _check_plan_id(table: Table, content: Content, problems: ProblemList) -> None:
    if table.plan_id and table.plan_id != content.plan.id:
        problems.add(Problem(
            Location(file=table.file),
            T("bảng được xuất từ kế hoạch khác"),
            found=table.plan_id, expected=T("bảng của kế hoạch «{p}»", p=content.plan.id),
            hint=T("nhập vào đúng tệp kế hoạch"),
            code="other-plan"))


def _edited(plan_file: Path, changes: PlanChanges) -> bytes:
    """The edited plan file, checked and validated; raises if it is not right."""
    text = _read_text(plan_file)
    try:
        edited = apply_changes(text, changes)
    except EditCheckError as e:
        raise ContentError(Problem(
            Location(file=str(plan_file)),
            T("không sửa được tệp kế hoạch một cách an toàn; chưa ghi gì"),
            found=str(e), hint=T("sửa tệp YAML bằng tay, hoặc báo lỗi cho người phát triển"),
            code="unsafe-edit")) from e
    data = edited.encode("utf-8")
    _validate_edited(plan_file, data)
    return data


def _read_text(plan_file: Path) -> str:
    try:
        return plan_file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:  # it loaded a moment ago
        raise file_problem(str(plan_file), T("không đọc được tệp"),
                           found=str(e)) from e


def _validate_edited(plan_file: Path, data: bytes) -> None:
    """Validate the edited text where it will live (its registry is found relative to it)."""
    fd, name = tempfile.mkstemp(prefix=f".{plan_file.name}.", suffix=".import.tmp",
                                dir=plan_file.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        errors = [p for p in validate(name) if p.is_error]
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)
    if errors:
        shown = Location(file=f"{plan_file} (sau khi nhập / after the import)")
        raise ContentError([
            Problem(Location(file=str(plan_file)),
                    T("nội dung sau khi nhập không hợp lệ; chưa ghi gì"),
                    code="invalid-after-import"),
            *(dataclasses.replace(p, location=dataclasses.replace(
                p.location, file=shown.file if p.location.file == name else p.location.file))
              for p in errors)])
