"""The public Python API: every job the CLI does, as a plain function.

Office scripts import these from ``lsdocs`` directly::

    import lsdocs

    content = lsdocs.load_content("content/kh-182-2023.yaml")
    lsdocs.build_plan(content, "output")
    letter = lsdocs.write_letter(content, "giao-nhiem-vu", agency="syt", date="30/11/2026")
    batch = lsdocs.run_batch(content, "don-doc", as_of="30/11/2026")
    report = lsdocs.check_document(letter.path)

Paths may be ``str`` or :class:`~pathlib.Path`; dates may be
:class:`datetime.date` or written as a clerk writes them (``30/11/2026``).
Wherever a function takes *content* it accepts a path (plan file or folder)
or a :class:`Content` already loaded, so a script loads once and writes many.
Every function raises a subclass of :class:`~lsdocs.errors.LsdocsError`
(``ContentError``, ``UsageError``, ``TemplateError``, ``FormatError``,
``DocumentReadError``) for anything a user can get wrong; each carries
``problems`` (located :class:`~lsdocs.errors.Problem` objects) and the
``exit_code`` the CLI uses.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lsdocs.batch import BatchOptions, BatchResult
from lsdocs.check import CheckReport
from lsdocs.content.model import Content
from lsdocs.documents.letter_setup import LetterOptions
from lsdocs.errors import Problem, T, parameter_error
from lsdocs.kinds import KINDS
from lsdocs.plan_writer import BuildResult
from lsdocs.progress.records import PlanProgress
from lsdocs.progress.year_status import YearStatus
from lsdocs.tabular import ExportResult, ImportResult

if TYPE_CHECKING:  # result types of the functions that import their module on first call
    from lsdocs.check import FixReport
    from lsdocs.issuing import Entry, IssueResult
    from lsdocs.issuing.pdf import PdfInfo
    from lsdocs.tabular.progress_export import ProgressExport
    from lsdocs.tabular.progress_import import ProgressImport

PathLike = str | os.PathLike[str]
ContentSource = PathLike | Content
DateLike = dt.date | str

DEFAULT_OUTPUT = Path("output")


@dataclass(frozen=True)
class LetterResult:
    """One letter written by :func:`write_letter`."""

    path: Path
    kind: str
    agency: str | None  # the agency it is addressed to (current id), None for triển khai
    changed: bool  # False when an identical file was already there


@dataclass(frozen=True)
class ReportResult:
    """One annual report written by :func:`write_report`.

    ``os.fspath(result)`` (so ``open(result)``, ``Path(result)``) is its file.
    """

    path: Path
    kind: str
    year: int
    agency: str | None  # the reporting agency (current id), None for the consolidated report
    illustrative: bool  # built on lsdocs' illustrative sample records: not to be issued as is
    warnings: list[Problem]  # what the clerk should check before signing (not in the document)

    def __fspath__(self) -> str:
        return os.fspath(self.path)


def load_content(path: PathLike) -> Content:
    """Load and validate the plan at *path* (a plan file, or a folder holding one).

    Raises ContentError listing every problem (file, line, key path, expected).
    """
    from lsdocs.content import load_plan

    return load_plan(Path(path))


def validate(path: PathLike) -> list[Problem]:
    """Every problem (errors and warnings) of the plan at *path* and of its progress records.

    Never raises for mistakes: this is what ``lsdocs validate`` prints.
    """
    from lsdocs.progress.record_loader import validate_with_progress

    return validate_with_progress(Path(path))


def load_progress(content: ContentSource, folder: PathLike | None = None) -> PlanProgress:
    """The plan's progress records (``tien-do/<plan id>/<year>/<agency>.yaml`` beside the plan).

    Raises ContentError listing every problem of every record.
    """
    from lsdocs.progress.record_loader import load_progress as load

    return load(_content(content), _path(folder))


def year_status(content: ContentSource, year: int, *, as_of: DateLike | None = None,
                progress: PlanProgress | None = None) -> YearStatus:
    """Where the plan stands in reporting *year*: every task's state, counts, targets, budget.

    The same figures ``lsdocs status`` prints and the annual reports use.
    """
    from lsdocs.progress.year_status import year_status as status

    loaded = _content(content)
    records = progress if progress is not None else load_progress(loaded)
    return status(loaded, records, year, _date(as_of, "as_of"))


def write_report(content: PathLike, kind: str, year: int, *, agency: str | None = None,
                 date: DateLike | None = None, output_dir: PathLike = DEFAULT_OUTPUT,
                 templates: PathLike | None = None) -> ReportResult:
    """Write an annual report: ``bao-cao-co-quan`` (one agency's, needs *agency*) or
    ``bao-cao-tong-hop`` (the consolidated report).

    Without *date* the report is a draft (number, day and month left blank).  The
    result says whether the report rests on illustrative sample records and what the
    clerk should check (the warnings ``lsdocs report`` prints).
    """
    from lsdocs import reports

    _require_kind(kind, "report", "kind")
    when = _date(date, "date")
    plan, out, tpl = Path(content), Path(output_dir), _path(templates)
    if kind == "bao-cao-tong-hop":
        path, report = reports.make_consolidated_report(plan, year, out, date=when,
                                                        templates_dir=tpl)
    else:
        if agency is None:
            raise parameter_error("agency", T("báo cáo của cơ quan cần chọn cơ quan"))
        path, report = reports.make_agency_report(plan, year, agency, out, date=when,
                                                  templates_dir=tpl)
    return ReportResult(path, kind, year, report.agency, report.illustrative,
                        list(report.warnings))


def build_plan(content: ContentSource, output_dir: PathLike = DEFAULT_OUTPUT, *,
               templates: PathLike | None = None) -> BuildResult:
    """Write the plan and its assignment appendix under ``output_dir/<plan id>/``."""
    from lsdocs.plan_writer import build_content

    return build_content(_content(content), Path(output_dir), _path(templates))


def write_letter(content: ContentSource, kind: str, *, agency: str | None = None,
                 date: DateLike | None = None, issuer: str | None = None,
                 as_of: DateLike | None = None, year: int | None = None,
                 number: int | None = None, output_dir: PathLike = DEFAULT_OUTPUT,
                 templates: PathLike | None = None) -> LetterResult:
    """Write one công văn of *kind* (``trien-khai``, ``giao-nhiem-vu``, ``don-doc``,
    ``de-nghi-bao-cao``) under ``output_dir/<plan id>/``.

    *agency* is required for kinds written per agency.  *date* defaults to
    today; without *number* the letter is a draft with a blank number.
    """
    from lsdocs.letter_writer import write_letter as write

    _require_kind(kind, "letter", "kind")
    options = letter_options(date, issuer, as_of, year, number)
    path, changed, to = write(_content(content), kind, options, agency, Path(output_dir),
                              _path(templates))
    return LetterResult(path, kind, to, changed)


def run_batch(content: ContentSource, kind: str, *, date: DateLike | None = None,
              issuer: str | None = None, as_of: DateLike | None = None, year: int | None = None,
              jobs: int = 1, only: Iterable[str] = (), merge: bool = False,
              check_all: bool = False, output_dir: PathLike = DEFAULT_OUTPUT,
              templates: PathLike | None = None, missing_reports: bool = False) -> BatchResult:
    """Write one letter of *kind* per agency, with ``manifest.csv``/``manifest.json``.

    A failure for one agency is recorded in ``result.items`` and the others go
    on; ``result.failed`` lists the failures.  *missing_reports* (``don-doc``):
    urge only the agencies whose report for *year* has not arrived.
    """
    from lsdocs.batch import run_batch_content

    _require_kind(kind, "letter", "kind", per_agency=True)
    letter = letter_options(date, issuer, as_of, year, missing_reports=missing_reports)
    options = BatchOptions(kind=kind, letter=letter,
                           output_root=Path(output_dir), jobs=jobs, only=tuple(only),
                           merge=merge, templates_dir=_path(templates), check_all=check_all)
    return run_batch_content(_content(content), options)


def check_document(document: PathLike | bytes, kind: str = "auto") -> CheckReport:
    """Check a .docx (path or bytes) against Nghị định 30/2020/NĐ-CP (rules R01–R46)."""
    from lsdocs import check

    if isinstance(document, bytes):
        return check.check_bytes(document, "<bytes>", kind)
    return check.check_document(Path(document), kind)


def fix_document(document: PathLike, output: PathLike | None = None, *,
                 in_place: bool = False, kind: str = "auto") -> FixReport:
    """Apply the checker's safe fixes to *document*, write *output* (or in place), re-check."""
    from lsdocs import check

    return check.fix_document(Path(document), _path(output), in_place=in_place, kind=kind)


def export_table(content: PathLike, output: PathLike | None = None, *,
                 fmt: str = "xlsx") -> ExportResult:
    """Export the assignment table as .xlsx (or ``fmt="csv"``) for clerks to edit."""
    from lsdocs.tabular import export_assignments

    return export_assignments(Path(content), _path(output), fmt)


def import_table(table: PathLike, content: PathLike, *, dry_run: bool = False,
                 force: bool = False) -> ImportResult:
    """Import an edited assignment table back into the plan file (every cell checked)."""
    from lsdocs.tabular import import_assignments

    return import_assignments(Path(table), Path(content), dry_run, force)


def export_progress(content: PathLike, year: int, *, agencies: Iterable[str] = (),
                    output_dir: PathLike | None = None) -> list[ProgressExport]:
    """Write one progress workbook per agency reporting in *year* (or only *agencies*), to send
    with the đề nghị báo cáo letter; default folder ``output/<plan id>/tien-do-<year>/``.

    Records already there are filled in.  Raises UsageError for a year outside
    the plan or an agency that does not report that year.
    """
    from lsdocs.tabular.progress_export import export_progress as export

    return export(Path(content), year, tuple(agencies), _path(output_dir),
                  output_root=DEFAULT_OUTPUT)


def import_progress(workbooks: PathLike | Iterable[PathLike], content: PathLike, *,
                    dry_run: bool = False, force: bool = False,
                    year: int | None = None) -> ProgressImport:
    """Check the filled-in workbooks and write ``tien-do/<plan id>/<year>/<agency>.yaml``.

    Every cell of every workbook is checked first: ContentError lists them all
    and nothing is written.  A record edited by hand since its export is not
    overwritten unless *force*.
    """
    from lsdocs.tabular.progress_import import import_progress as load

    return load(_paths(workbooks), Path(content), dry_run=dry_run, force=force, year=year)


def issue_documents(drafts: PathLike | Iterable[PathLike], *, date: DateLike | None = None,
                    register: PathLike | None = None, copies: int | None = None,
                    note: str = "") -> IssueResult:
    """Issue drafts (``lsdocs phat-hanh``): number them in the register, date them, check
    them and write the issued copies beside the drafts (``…-so-05-ubnd-kgvx-2026.docx``).

    *drafts* are .docx files written by lsdocs or batch folders (numbered in
    manifest order).  One transaction: on any error (IssueError, UsageError)
    no number is taken.  *register* defaults to ``$LSDOCS_REGISTER``, else
    ``~/.local/share/lsdocs/so-van-ban-di.sqlite``.  ``result.issued`` holds
    each entry (``entry.reference`` is ``05/UBND-KGVX``) and its file.
    """
    from lsdocs.issuing import IssueOptions, collect_drafts, issue, open_register

    sources = collect_drafts(_paths(drafts))
    store = open_register(_path(register))
    try:
        return issue(sources, store, IssueOptions(_date(date, "date") or dt.date.today(),
                                                  copies, note))
    finally:
        store.close()


def search_register(*, register: PathLike | None = None, year: int | None = None,
                    agency: str | None = None, symbol: str | None = None,
                    text: str | None = None, active_only: bool = False) -> list[Entry]:
    """Entries of the register (``lsdocs so-van-ban danh-sach``), by agency, year and number.

    Every filter left empty matches everything; *agency*, *symbol* and *text*
    match part of the value, ignoring case.
    """
    from lsdocs.issuing import Query, open_register

    store = open_register(_path(register))
    try:
        return store.search(Query(year, agency, symbol, text, include_cancelled=not active_only))
    finally:
        store.close()


def cancel_number(reference: str, year: int, reason: str, *, agency: str | None = None,
                  date: DateLike | None = None, register: PathLike | None = None) -> Entry:
    """Cancel number *reference* (``"05/UBND-KGVX"``) of *year*: the entry stays, marked
    cancelled on *date* (default today); the number is never given again."""
    from lsdocs.issuing import open_register
    from lsdocs.issuing.cancel import cancel_number as cancel

    when = _date(date, "date")
    store = open_register(_path(register))
    try:
        return cancel(store, reference, year, reason, agency=agency, on=when)
    finally:
        store.close()


def export_register(output: PathLike, *, register: PathLike | None = None,
                    year: int | None = None, agency: str | None = None,
                    active_only: bool = False) -> Path:
    """Write the register as an .xlsx in the layout of Nghị định 30, Phụ lục IV."""
    from lsdocs.issuing.register_workbook import register_workbook
    from lsdocs.render.output import write_atomic

    entries = search_register(register=register, year=year, agency=agency,
                              active_only=active_only)
    target = Path(output)
    write_atomic(target, register_workbook(entries, dt.date.today()))
    return target


def verify_register(register: PathLike | None = None) -> list[Problem]:
    """Integrity of the register file and its numbering (no gap, no repeat); [] when sound."""
    from lsdocs.issuing import open_register

    store = open_register(_path(register))
    try:
        return store.verify()
    finally:
        store.close()


def write_pdf(documents: PathLike | Iterable[PathLike], *, pdfa: bool = False,
              output_dir: PathLike | None = None) -> list[PdfInfo]:
    """A checked PDF (PDF/A-2b with *pdfa*) of each .docx, beside it or in *output_dir*.

    Needs LibreOffice and poppler (ToolMissingError, exit code 2, names the
    package to install); PdfError when a PDF does not match its document.
    """
    from lsdocs.issuing.pdf import convert

    return convert(_paths(documents), pdfa=pdfa, out_dir=_path(output_dir))


def write_previews(document: PathLike, *, page: int | None = None, size: int = 1000,
                   output_dir: PathLike | None = None) -> list[Path]:
    """PNG images ``<name>-trang-<N>.png`` of every page (or *page*) of a .docx or .pdf."""
    from lsdocs.issuing.preview import preview

    return preview(Path(document), page=page, out_dir=_path(output_dir), size=size)


# --- helpers ------------------------------------------------------------------------------


def letter_options(date: DateLike | None, issuer: str | None, as_of: DateLike | None,
                   year: int | None, number: int | None = None,
                   missing_reports: bool = False) -> LetterOptions:
    """The options of a letter run, with dates read from text where given as text."""
    return LetterOptions(
        date=_date(date, "date") or dt.date.today(), draft=number is None, number=number,
        issuer=issuer, as_of=_date(as_of, "as_of"), year=year, missing_reports=missing_reports,
    )


def _content(content: ContentSource) -> Content:
    return content if isinstance(content, Content) else load_content(content)


def _paths(values: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(values, (str, os.PathLike)):
        return [Path(values)]
    return [Path(v) for v in values]


def _path(value: PathLike | None) -> Path | None:
    return None if value is None else Path(value)


def _date(value: DateLike | None, parameter: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from lsdocs.vnformat import parse_vn_date

    try:
        return parse_vn_date(value)
    except ValueError:
        raise parameter_error(parameter, T("ngày không hợp lệ"), str(value),
                              T("ngày dạng DD/MM/YYYY, ví dụ 29/11/2026")) from None


def _require_kind(kind: str, family: str, parameter: str, per_agency: bool = False) -> None:
    found = KINDS.get(kind)
    if found is not None and found.family == family and (found.per_agency or not per_agency):
        return
    known = [k.id for k in KINDS.values()
             if k.family == family and (k.per_agency or not per_agency)]
    raise parameter_error(parameter, T("không có loại văn bản này"), kind,
                          T("một trong: {k}", k=", ".join(known)))
