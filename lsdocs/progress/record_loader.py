"""Read and check a plan's progress records (``content/tien-do/<plan>/<year>/<agency>.yaml``).

``validate_progress`` reports every problem of every record in one pass (files
in order: years ascending, then file names) and never raises for a user
mistake.  ``load_progress`` returns the :class:`~lsdocs.progress.records.PlanProgress`,
or raises :class:`~lsdocs.errors.ContentError` holding every problem when
there is at least one error (warnings alone do not stop it).

The default *root* is ``<folder of the plan file>/tien-do/<plan id>/``; a
missing root means no records yet, which is not an error.  Each record is
checked by the plan's schema machinery (:mod:`lsdocs.progress.record_specs`) and then
by :mod:`lsdocs.progress.record_checks`, which decides who answers for a task in a
year exactly as :func:`lsdocs.progress.year_status.year_status` does.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsdocs import readlog
from lsdocs.content._dates import parse_dmy
from lsdocs.content._report import Reporter
from lsdocs.content.agencies import AgencyIndex
from lsdocs.content.model import Content, Signature
from lsdocs.content.plan_loader import _in_file_order, _read_mapping, load_plan, validate
from lsdocs.content.schema import Ctx
from lsdocs.content.yamlsource import Node
from lsdocs.errors import ContentError, Location, Problem, ProblemList, T
from lsdocs.progress.record_checks import ProgressChecker
from lsdocs.progress.record_specs import NARRATIVE_KEYS, RECORD
from lsdocs.progress.records import (
    Figure,
    Narrative,
    PlanProgress,
    ProductDocument,
    ProgressRecord,
    TaskProgress,
)

PROGRESS_FOLDER = "tien-do"
_SUFFIXES = (".yaml", ".yml")


@dataclass
class _File:
    """One record file found under the root, with the name messages show."""

    path: Path
    shown: str
    year: int  # from the folder name
    stem: str  # file name without .yaml: must equal the agency id


def default_root(content: Content) -> Path:
    """``<folder of the plan file>/tien-do/<plan id>``."""
    return Path(os.path.dirname(content.plan_file)) / PROGRESS_FOLDER / content.plan.id


def validate_progress(content: Content, root: str | os.PathLike[str] | None = None, *,
                      today: dt.date | None = None) -> list[Problem]:
    """Every problem (errors and warnings) of the plan's progress records.

    *today* (default: the real date) bounds the reporting years (up to next year).
    """
    problems = ProblemList()
    _load(content, root, problems, today or dt.date.today())
    return _in_file_order(problems.problems)


def load_progress(content: Content, root: str | os.PathLike[str] | None = None, *,
                  today: dt.date | None = None) -> PlanProgress:
    """The plan's progress records; :class:`ContentError` with every problem if wrong."""
    problems = ProblemList()
    progress = _load(content, root, problems, today or dt.date.today())
    if problems.errors or progress is None:
        raise ContentError(_in_file_order(problems.problems))
    return progress


def validate_with_progress(path: str | os.PathLike[str]) -> list[Problem]:
    """What ``lsdocs validate`` reports: the plan and its registry, then its progress records.

    The records are checked only when the plan itself has no error (they are
    checked against it).
    """
    problems = validate(path)
    if any(p.is_error for p in problems):
        return problems
    try:
        content = load_plan(path)
    except ContentError:  # a registry file on its own: nothing more to check
        return problems
    return problems + validate_progress(content)


def _load(content: Content, root: str | os.PathLike[str] | None, problems: ProblemList,
          today: dt.date) -> PlanProgress | None:
    folder = Path(root) if root is not None else default_root(content)
    shown_root = str(root) if root is not None else os.path.join(
        os.path.dirname(content.plan_file), PROGRESS_FOLDER, content.plan.id)
    checker = ProgressChecker(content, today)
    index = AgencyIndex({a.id: (a.name, a.short_name)
                         for a in content.registry.agencies.values()}, content.registry_file)
    read: list[tuple[_File, Node]] = []
    for file in _find_files(folder, shown_root, problems):
        rep = Reporter(file.shown, problems)
        node = _read_mapping(file.path, rep)
        if node is None:
            continue
        before = len(problems.errors)
        RECORD.check(node, Ctx(rep, index))
        checker.check_record(node, rep, file.year, file.stem)
        if len(problems.errors) == before:
            read.append((file, node))
    problems.extend(checker.check_across())
    if problems.errors:
        return None
    return _build(content.plan.id, read)


# --- finding the files --------------------------------------------------------------


def _find_files(folder: Path, shown: str, problems: ProblemList) -> list[_File]:
    readlog.note(folder)
    if not _is_dir(folder):
        return []
    files: list[_File] = []
    for entry in sorted(folder.iterdir(), key=_year_key):
        if entry.name.startswith((".", "_")):
            continue
        where = os.path.join(shown, entry.name)
        if entry.is_dir() and entry.name.isdigit() and len(entry.name) == 4:
            files += _year_files(entry, where, int(entry.name), problems)
        elif entry.is_dir() or entry.suffix in _SUFFIXES:
            problems.add(Problem(
                Location(file=where),
                T("tệp tiến độ phải nằm trong thư mục năm"),
                expected=T("{r}/<năm>/<mã cơ quan>.yaml, ví dụ {r}/2024/skhcn.yaml",
                           r=shown),
                code="misplaced-progress"))
    return files


def _year_key(path: Path) -> tuple[int, str]:
    return (int(path.name), "") if path.name.isdigit() else (10_000, path.name)


def _year_files(folder: Path, shown: str, year: int, problems: ProblemList) -> list[_File]:
    found: dict[str, _File] = {}
    readlog.note(folder)
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "_")) or entry.suffix not in _SUFFIXES:
            continue
        file = _File(entry, os.path.join(shown, entry.name), year, entry.stem)
        if entry.stem in found:
            problems.add(Problem(
                Location(file=file.shown),
                T("đã có tệp tiến độ của cơ quan này trong năm {y}: {f}",
                  y=year, f=found[entry.stem].shown),
                hint=T("mỗi cơ quan một tệp mỗi năm; gộp hai tệp"), code="duplicate-progress-file"))
            continue
        found[entry.stem] = file
    return list(found.values())


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


# --- building the model -------------------------------------------------------------


def _build(plan_id: str, read: list[tuple[_File, Node]]) -> PlanProgress:
    records: dict[int, dict[str, ProgressRecord]] = {}
    for file, node in read:
        record = _record(node.plain(), file.shown)
        records.setdefault(record.year, {})[record.agency] = record
    return PlanProgress(plan_id, {y: records[y] for y in sorted(records)})


def _day(value: Any) -> dt.date | None:
    return parse_dmy(value) if value else None


def _record(raw: dict[str, Any], file: str) -> ProgressRecord:
    signature = raw.get("signature")
    narrative = raw.get("narrative") or {}
    return ProgressRecord(
        plan=raw["plan"], year=raw["year"], agency=raw["agency"], source=raw.get("source"),
        tasks=tuple(_task(t) for t in raw.get("tasks") or ()),
        narrative=Narrative(**{field: tuple(narrative.get(key) or ())
                               for key, field in NARRATIVE_KEYS.items()}),
        figures=tuple(Figure(f["target"], f["value"], f.get("baseline"), f.get("note"))
                      for f in raw.get("figures") or ()),
        budget=raw.get("budget"), reported_on=_day(raw.get("reported_on")),
        report_number=raw.get("report_number"),
        signature=Signature(tuple(signature["authority"] or ()), signature["title"],
                            signature["name"]) if signature else None,
        file=file,
    )


def _task(raw: dict[str, Any]) -> TaskProgress:
    return TaskProgress(
        task=raw["task"], state=raw["status"], completed=_day(raw.get("completed")),
        result=raw.get("result"),
        products=tuple(ProductDocument(p["type"], p["number"], parse_dmy(p["date"]),
                                       p.get("trich_yeu"), p.get("issuer"))
                       for p in raw.get("products") or ()),
        difficulties=raw.get("difficulties"), causes=raw.get("causes"),
        proposals=raw.get("proposals"),
    )
