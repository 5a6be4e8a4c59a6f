"""Load and check content: the agency registry and a plan.

``validate`` reports every problem of a plan and its registry in one pass and
never raises for a user mistake.  ``load_plan`` and ``load_registry`` return
the model, or raise :class:`~lsdocs.errors.ContentError` holding every
problem when there is at least one error (warnings alone do not stop them).

**Which file is the plan.**  *path* may be a plan file or a directory.  In a
directory the plan is the one ``*.yaml``/``*.yml`` file other than
``agencies.yaml`` (files whose name starts with ``.`` or ``_`` are ignored);
none or several is a problem that names the files found.  The registry is the
file the plan names under ``agencies:`` (default ``agencies.yaml``), relative
to the plan file.  A file whose ``kind`` is ``agencies`` is checked as a
registry on its own.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from lsdocs import content_cache, readlog
from lsdocs.content import plan_specs
from lsdocs.content._report import Reporter
from lsdocs.content.agencies import AgencyIndex
from lsdocs.content.assemble import build_plan
from lsdocs.content.model import Content, Registry
from lsdocs.content.plan_checks import check_plan
from lsdocs.content.registry_stream import RegistryStream
from lsdocs.content.schema import Ctx, type_name
from lsdocs.content.task_stream import TaskStream
from lsdocs.content.yamlsource import Node, Pieces, read_yaml
from lsdocs.errors import ContentError, Location, Problem, ProblemList, T

REGISTRY_FILE = "agencies.yaml"
_SUFFIXES = (".yaml", ".yml")


@dataclass
class _RegistryResult:
    file: str
    index: AgencyIndex | None
    registry: Registry | None


def validate(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem (errors and warnings) of the plan at *path* and its registry."""
    problems = ProblemList()
    _load(Path(path), problems)
    return _in_file_order(problems.problems)


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems grouped by file (in the order files were read), then by line."""
    files = list(dict.fromkeys(p.location.file for p in problems))
    return sorted(problems, key=lambda p: (files.index(p.location.file), p.location.line or 0))


def load_plan(path: str | os.PathLike[str]) -> Content:
    """The plan at *path* (file or directory) with its registry; ``ContentError`` if wrong.

    A plan loaded before from the same unchanged files is taken from
    :mod:`lsdocs.content_cache` (off with ``LSDOCS_NO_CACHE=1``).
    """
    cached = content_cache.recall(path, Content)
    if cached is not None:
        return cached
    with readlog.recording() as seen:
        content = _load_checked(path)
    content_cache.remember(path, seen, content)
    return content


def _load_checked(path: str | os.PathLike[str]) -> Content:
    problems = ProblemList()
    content = _load(Path(path), problems)
    if problems.errors:
        raise ContentError(_in_file_order(problems.problems))
    if not isinstance(content, Content):
        raise ContentError(Problem(Location(file=str(path)),
                                   T("tệp này là danh mục cơ quan, không phải kế hoạch")))
    return dataclasses.replace(content, warnings=tuple(_in_file_order(problems.problems)))


def load_registry(path: str | os.PathLike[str]) -> Registry:
    """The agency registry at *path*; ``ContentError`` with every problem if wrong."""
    problems = ProblemList()
    result = _read_registry(Path(path), str(path), problems)
    if problems.errors:
        raise ContentError(_in_file_order(problems.problems))
    if result.registry is None:  # cannot happen: a registry without errors is built
        raise ContentError(Problem(Location(file=str(path)),
                                   T("không đọc được danh mục cơ quan")))
    return result.registry


def _load(path: Path, problems: ProblemList) -> Content | Registry | None:
    plan_file = _plan_file(path, problems)
    if plan_file is None:
        return None
    early = _early_registry(plan_file)
    rep = Reporter(str(plan_file), problems)
    assumed = early.result if early is not None else None
    tasks = _task_stream(rep.file, assumed)
    root = _read_mapping(plan_file, rep, tasks)
    if root is None:
        return None
    if _kind(root) == plan_specs.REGISTRY_KIND:
        entries = RegistryStream(rep.file)
        entries.adopt(root)
        return _check_registry_root(root, rep, entries).registry
    result = _registry_for(root, plan_file, problems, early)
    if result is not assumed:
        # The tasks were checked against a registry the plan does not name (its
        # ``agencies:`` line says more than a look at the line told): read it again.
        # The problems of reading it were reported by the first read.
        tasks = _task_stream(rep.file, result)
        root = _read_mapping(plan_file, Reporter(rep.file), tasks)
        if root is None:  # pragma: no cover - the file changed in between
            return None
    tasks.adopt(root)  # the ruamel.yaml path read the lists whole
    return _check_plan(root, rep, result, tasks)


def _task_stream(file: str, reg: _RegistryResult | None) -> TaskStream:
    return TaskStream(file, reg.index if reg else None, reg.registry if reg else None)


@dataclass
class _Early:
    """The registry read before its plan, with its problems kept aside."""

    relative: str
    result: _RegistryResult
    problems: ProblemList


def _early_registry(plan_file: Path) -> _Early | None:
    """Read the registry the plan names (by a look at its top lines) before the plan itself.

    Only memory changes: the registry's tree is gone before the plan's is
    built.  Its problems are kept aside and reported where they always were,
    after the plan file's own; :func:`_registry_for` uses this result only if
    the plan, once read, names the same file.
    """
    if plan_file.name == REGISTRY_FILE or not _is_file(plan_file):
        return None  # a FIFO or device is never opened here: read_yaml refuses it
    relative = _declared(plan_file, "agencies") or REGISTRY_FILE
    file = plan_file.parent / relative
    if not _is_file(file):
        return None
    shown = os.path.normpath(os.path.join(os.path.dirname(str(plan_file)), relative))
    problems = ProblemList()
    return _Early(relative, _read_registry(file, shown, problems), problems)


def _plan_file(path: Path, problems: ProblemList) -> Path | None:
    if _is_file(path) or not _is_dir(path):
        return path
    found = plan_files(path)
    if len(found) == 1:
        return found[0]
    names = ", ".join(p.name for p in found) or "—"
    problems.add(Problem(
        Location(file=str(path)),
        T("thư mục có nhiều kế hoạch; cần chỉ rõ kế hoạch nào") if found else
        T("thư mục không có tệp kế hoạch .yaml (ngoài agencies.yaml)"),
        found=names, hint=T("ghi tệp kế hoạch hoặc mã kế hoạch, ví dụ kh-182-2023"),
        code="plan-file"))
    return None


def plan_files(folder: Path) -> list[Path]:
    """The plan files of a content folder: ``*.yaml`` other than the registry, in name order.

    Files whose name starts with ``.`` or ``_`` are ignored.
    """
    return sorted(p for p in folder.iterdir()
                  if p.suffix in _SUFFIXES and p.name != REGISTRY_FILE
                  and not p.name.startswith((".", "_")) and p.is_file())


def find_plan(plan_id: str, folder: str | os.PathLike[str]) -> Path | None:
    """The plan file in *folder* whose ``id`` is *plan_id* (or named ``<plan_id>.yaml``).

    Several plans may sit side by side in one content folder; scripts and the
    CLI choose one by its id.  Returns None when no plan has that id.
    """
    folder = Path(folder)
    if not _is_dir(folder):
        return None
    for path in plan_files(folder):
        if path.stem == plan_id or _declared(path, "id") == plan_id:
            return path
    return None


def _declared(path: Path, key: str) -> str | None:
    """A top-level ``key:`` written in a plan file (``id``), read without parsing it all."""
    start = key + ":"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        with open(fd, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(start):
                    return line[len(start):].split("#", 1)[0].strip().strip("\"'") or None
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _read_mapping(file: Path, rep: Reporter, pieces: Pieces | None = None) -> Node | None:
    root = read_yaml(file, rep, pieces)
    if root is None or root.is_map:
        return root
    what = type_name(root.value)
    rep.error(root.line, None, T("cấp ngoài cùng của tệp là {what}, không phải các "
                                 "khóa: giá trị", what=what),
              expected=T("các khóa như «lsdocs: 1», «kind: ke-hoach»"),
              code="not-mapping")
    return None


def _kind(root: Node) -> object:
    kind = root.get("kind")
    return kind.value if kind is not None else None


def _registry_for(root: Node, plan_file: Path, problems: ProblemList,
                  early: _Early | None = None) -> _RegistryResult | None:
    ref = root.get("agencies")
    if ref is not None and not (isinstance(ref.value, str) and ref.value.strip()):
        return None  # the schema reports the wrong type or the empty text
    relative = ref.value if ref is not None else REGISTRY_FILE
    file = plan_file.parent / relative
    shown = os.path.normpath(os.path.join(os.path.dirname(str(plan_file)), relative))
    if not _is_file(file):
        line = ref.line if ref is not None else 1
        Reporter(str(plan_file), problems).error(
            line, "agencies", T("không tìm thấy tệp danh mục cơ quan: «{shown}»",
                                shown=shown),
            hint=T("ghi đường dẫn tương đối so với tệp kế hoạch"),
            code="missing-registry")
        return None
    if early is not None and early.relative == relative:
        problems.extend(early.problems.problems)
        return early.result
    return _read_registry(file, shown, problems)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # ValueError: a NUL byte in the path
        return False


def _read_registry(file: Path, shown: str, problems: ProblemList) -> _RegistryResult:
    rep = Reporter(shown, problems)
    entries = RegistryStream(shown)
    root = _read_mapping(file, rep, entries)
    if root is None:
        return _RegistryResult(shown, None, None)
    entries.adopt(root)  # the ruamel.yaml path read the list whole
    return _check_registry_root(root, rep, entries)


def _check_registry_root(root: Node, rep: Reporter, entries: RegistryStream) -> _RegistryResult:
    index = entries.index
    errors_before = len(rep.problems.errors)
    plan_specs.REGISTRY.check(root, Ctx(rep, index))
    rep.problems.extend(entries.across.problems.problems)
    ok = len(rep.problems.errors) == errors_before
    return _RegistryResult(rep.file, index, entries.registry() if ok else None)


def _check_plan(root: Node, rep: Reporter, reg: _RegistryResult | None,
                tasks: TaskStream) -> Content | None:
    index = AgencyIndex(reg.index.names, reg.file) if reg and reg.index else None
    plan_specs.PLAN.check(root, Ctx(rep, index))
    registry = reg.registry if reg else None
    check_plan(root, rep, index, registry, tasks)
    if rep.problems.errors or registry is None or reg is None:
        return None
    lines = {key: node.anchor_line for key, node in root.value.items()}
    # The checked tree is not needed any more: free it while its plain copy is made.
    return Content(build_plan(root.take_plain(), registry, tasks.deadlines), registry,
                   rep.file, reg.file, key_lines=lines)
