"""``lsdocs batch``: one letter per agency, in parallel, atomically, with a manifest.

The run loads and checks the content once and compiles the template once per
worker process, then renders each agency's letter to a temporary file; when
all are written, one sync makes them durable and each is renamed into place
(:class:`lsdocs.render.output.StagedWrites`), and the manifest is written
last.  After a crash or a power loss every letter is the old file or the
complete new one.  A failure for one agency is recorded and
the others go on; the run ends with a summary, and a non-zero exit when any
letter failed.  A rerun rewrites only the files whose bytes changed.

A run writes exactly its own set: letters of this kind and manifest rows an
earlier run left that this run does not produce (an agency that no longer
qualifies, a merged file not asked for) are removed and listed in
``BatchResult.removed``.  With ``only`` the other agencies' letters are kept
by design.  The manifest records the letter date, the as-of day, the issuer,
the digest of the content the letters came from, and any warnings.
"""

from __future__ import annotations

import csv
import fnmatch
import gc
import hashlib
import io
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from lsdocs import readlog
from lsdocs import vnformat as vn
from lsdocs.content import load_plan
from lsdocs.content.model import Content
from lsdocs.documents import letter_contexts as letter_doc
from lsdocs.documents.letter_setup import resolve_recipient
from lsdocs.errors import ContentError, Location, LsdocsError, Problem, T, Text, UsageError
from lsdocs.kinds import KINDS
from lsdocs.letter_writer import letter_file_name, progress_for, render_letter, render_with
from lsdocs.limits import MAX_CONTENT_BYTES, Refused, read_regular_file
from lsdocs.render.engine import DocxTemplateFile
from lsdocs.render.output import (
    StagedWrites,
    ensure_directory,
    remove_stale_temporaries,
    stage_file,
    sync_folders,
    write_atomic,
    write_atomic_pieces,
)
from lsdocs.tabular.csvsafe import neutralise
from lsdocs.templates import load_template, template_path

if TYPE_CHECKING:  # the pool is imported when a batch has two jobs or more
    from concurrent.futures import Executor
    from multiprocessing.context import BaseContext

WRITTEN, UNCHANGED, FAILED = "written", "unchanged", "failed"


@dataclass
class BatchOptions:
    kind: str
    letter: letter_doc.LetterOptions
    output_root: Path
    jobs: int = 1
    only: tuple[str, ...] = ()
    merge: bool = False
    templates_dir: Path | None = None
    check_all: bool = False  # check every letter, not only the first, before writing it


@dataclass(slots=True)
class BatchItem:
    """One line of the manifest (slots: a batch holds one per agency)."""

    agency: str
    agency_name: str
    file: str
    lead: int
    support: int
    status: str = ""
    sha256: str = ""
    error: str = ""
    letter_date: str = ""  # DD/MM/YYYY
    as_of: str = ""  # DD/MM/YYYY, the day facts are counted to
    issuer: str = ""  # agency id
    content_sha256: str = ""  # digest of the content files it came from (content_digest)
    warnings: str = ""  # what the clerk should check, "; "-separated (Vietnamese)

    def row(self) -> dict[str, object]:
        """The fields by name, in order (``dataclasses.asdict`` without its deep copies)."""
        return {name: getattr(self, name) for name in _ITEM_FIELDS}


_ITEM_FIELDS = tuple(f.name for f in fields(BatchItem))


@dataclass
class BatchResult:
    directory: Path
    content: Content
    items: list[BatchItem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # --only ids with nothing to send
    merged: Path | None = None
    removed: list[str] = field(default_factory=list)  # stale files of earlier runs, removed
    warnings: list[Text] = field(default_factory=list)  # about the whole run (dates, options)
    #: per agency id: what the clerk should check, in both languages (BatchItem.warnings);
    #: agencies with nothing to check have no entry
    notes: dict[str, list[Text]] = field(default_factory=dict)

    @property
    def failed(self) -> list[BatchItem]:
        return [i for i in self.items if i.status == FAILED]

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)


def plan_batch(
    content: Content, options: BatchOptions
) -> tuple[BatchResult, list[BatchItem], letter_doc.LetterSetup]:
    """Decide which letters to write (no writing yet)."""
    with readlog.recording() as records:  # the progress files, for letters that read them
        progress = progress_for(content, options.kind)
    setup = letter_doc.setup(content, options.kind, options.letter, progress)
    wanted = letter_doc.recipients(setup)
    selected, skipped = _select(setup, wanted, options.only) if options.only else (wanted, [])
    directory = options.output_root / vn.file_id(content.plan.id) / options.kind
    run = {
        "letter_date": vn.short_date(options.letter.date),
        "as_of": vn.short_date(setup.as_of),
        "issuer": setup.issuer.id,
        "content_sha256": content_digest(content, sorted(records)),
    }
    warned = ((agency_id, letter_doc.letter_warnings(setup, agency_id)) for agency_id in selected)
    notes = {agency_id: found for agency_id, found in warned if found}  # most letters: none
    items = [
        BatchItem(
            agency=agency_id,
            agency_name=setup.tasks[agency_id].agency.name,
            file=letter_file_name(options.kind, agency_id),
            lead=len(setup.tasks[agency_id].lead),
            support=len(setup.tasks[agency_id].support),
            warnings="; ".join(w.get("vi") for w in notes.get(agency_id, ())),
            **run,
        )
        for agency_id in selected
    ]
    _refuse_shared_names(content, items)
    result = BatchResult(directory, content, skipped=skipped, warnings=list(setup.warnings),
                         notes=notes)
    return result, items, setup


def content_digest(content: Content, records: Iterable[str] = ()) -> str:
    """sha256 of the content files the letters were written from: the plan file and the agency
    registry, then (letters that read them) each progress record's path and bytes.

    *records*: the files and folders read for the progress records (folders are skipped).
    """
    digest = hashlib.sha256()
    for name in (content.plan_file, content.registry_file):
        if name and Path(name).is_file():
            _digest_file(digest, name)
    root = os.path.dirname(content.plan_file or ".")
    for name in records:
        if os.path.isfile(name):
            digest.update(os.path.relpath(name, root).encode("utf-8", "surrogatepass") + b"\0")
            _digest_file(digest, name)
    return digest.hexdigest()


def _digest_file(digest: hashlib._Hash, name: str) -> None:
    with open(name, "rb") as handle:  # in pieces: a large plan is never held whole
        for piece in iter(lambda: handle.read(1 << 16), b""):
            digest.update(piece)


def _refuse_shared_names(content: Content, items: list[BatchItem]) -> None:
    """Two letters must never share a file (also on case-insensitive disks)."""
    first: dict[str, BatchItem] = {}
    problems = []
    for item in items:
        other = first.setdefault(item.file.casefold(), item)
        if other is not item:
            problems.append(Problem(
                Location(file=content.registry_file, path=f"agencies.{item.agency}"),
                T("hai cơ quan «{a}» và «{b}» sẽ ghi cùng một tệp {f}; chưa ghi gì",
                  a=other.agency, b=item.agency, f=item.file),
                hint=T("đổi mã của một trong hai cơ quan"),
                code="file-name-collision"))
    if problems:
        raise ContentError(problems)


def _select(
    setup: letter_doc.LetterSetup, wanted: list[str], only: tuple[str, ...]
) -> tuple[list[str], list[str]]:
    """The ``--only`` agencies, 2023 ids taken to their successors; unknown ids are refused."""
    selected: list[str] = []
    skipped: list[str] = []
    problems = []
    for agency_id in only:
        try:
            current = resolve_recipient(setup, agency_id, "only")
        except UsageError as exc:
            problems += exc.problems
            continue
        (selected if current in wanted else skipped).append(current)
    if problems:
        raise UsageError(problems)
    return list(dict.fromkeys(selected)), list(dict.fromkeys(skipped))


def run_batch(
    content_path: Path,
    options: BatchOptions,
    progress: Callable[[BatchItem, int], None] | None = None,
) -> BatchResult:
    """Load the plan at *content_path* and run the batch (see :func:`run_batch_content`)."""
    return run_batch_content(load_plan(content_path), options, progress)


def run_batch_content(
    content: Content,
    options: BatchOptions,
    progress: Callable[[BatchItem, int], None] | None = None,
) -> BatchResult:
    """Write one letter per agency, in parallel, then the manifest (and the merged file)."""
    result, items, setup = plan_batch(content, options)

    def prepare() -> None:  # before any letter is written, so the temporaries are old ones
        if items:
            _check_first(setup, options, items[0])
        ensure_directory(result.directory)
        remove_stale_temporaries(result.directory)

    staged = StagedWrites()
    try:
        for item in write_letters(setup, options, result.directory, items, staged, prepare):
            result.items.append(item)
            if progress:
                progress(item, len(items))
    except BaseException:
        staged.discard()
        raise
    staged.commit()  # one sync for every letter, then each renamed into place
    order = {item.agency: i for i, item in enumerate(items)}
    result.items.sort(key=lambda i: order[i.agency])
    order.clear()  # one entry per letter, not needed while the manifest is written
    if options.merge and not result.failed and result.items:
        result.merged = _merge(result, options.kind)
    if not options.only:
        result.removed = remove_stale(result, options.kind)
    write_manifest(result)
    return result


def _check_first(setup: letter_doc.LetterSetup, options: BatchOptions, item: BatchItem) -> None:
    """Stop the run (:class:`~lsdocs.gate.FormatError`) when the first letter fails the check.

    One template, one wording: a format fault shows in the first letter already.
    """
    from lsdocs.gate import require_conformant  # with several jobs: while the workers render

    first = render_letter(setup, item.agency, options.templates_dir)
    require_conformant({item.file: first},
                       {item.file: template_path(options.kind, options.templates_dir)})


def remove_stale(result: BatchResult, kind: str) -> list[str]:
    """Delete letters of *kind* (and a merged file) an earlier run wrote and this one did not.

    Only lsdocs' own file names are touched (``giao-nhiem-vu-*.docx`` and
    ``giao-nhiem-vu-tong-hop.docx``); anything else in the folder is left alone.
    """
    mine = {item.file for item in result.items}
    pattern = KINDS[kind].file_name("*")
    # The folder holds this run's letters: they are set aside before any name is matched.
    stale = [result.directory / name for name in sorted(os.listdir(result.directory))
             if name not in mine and fnmatch.fnmatch(name, pattern)]
    merged = result.directory.parent / f"{kind}-tong-hop.docx"
    if result.merged is None and merged.is_file():
        stale.append(merged)
    for path in stale:
        path.unlink()
    return [str(p) for p in stale]


def write_letters(
    setup: letter_doc.LetterSetup, options: BatchOptions, directory: Path,
    items: list[BatchItem], staged: StagedWrites | None = None,
    prepare: Callable[[], None] | None = None,
) -> Iterator[BatchItem]:
    """Render and stage *items*, yielding each as it finishes (in order).

    Each letter is written to a temporary file; ``staged.commit()`` makes them
    durable with one sync and renames them into place.  Without *staged* the
    letters are committed when the iteration ends.

    *prepare* (the first letter's format check, the output folder) runs before
    any letter is written: with one job before the first is made; with several
    in this process while the workers make their first letters, which they hold
    in memory until it has passed (and drop when it raises).
    """
    own = staged is None
    staging = StagedWrites() if staged is None else staged
    for item, tmp_name in _render_all(setup, options, directory, items, prepare):
        if tmp_name is not None:
            staging.adopt(tmp_name, directory / item.file)
        yield item
    if own:
        staging.commit()


def _render_all(
    setup: letter_doc.LetterSetup, options: BatchOptions, directory: Path,
    items: list[BatchItem], prepare: Callable[[], None] | None = None,
) -> Iterator[tuple[BatchItem, str | None]]:
    jobs = max(1, min(options.jobs, len(items) or 1))
    if jobs == 1 and prepare is not None:
        prepare()
    # Compile the template before forking, so every worker inherits it compiled.
    template = load_template(options.kind, options.templates_dir)
    _worker_init(setup, options.templates_dir, options.check_all, template, directory, items)
    # The loaded content lives as long as the batch: collections while letters are made
    # skip it (and forked workers do not copy it by touching it).
    gc.freeze()
    try:
        if jobs == 1:
            yield from (_finish(item, _write_one(index)) for index, item in enumerate(items))
            return
        yield from _render_parallel(jobs, setup, options, directory, items, prepare)
    finally:
        gc.unfreeze()


def _render_parallel(
    jobs: int, setup: letter_doc.LetterSetup, options: BatchOptions, directory: Path,
    items: list[BatchItem], prepare: Callable[[], None] | None,
) -> Iterator[tuple[BatchItem, str | None]]:
    # Workers get index ranges and send back one short tuple per letter: the
    # letters themselves (agency, file, counts) are already on both sides.
    ranges = _ranges(len(items), jobs)
    context = _context()
    verdict = None if prepare is None else _Verdict(context)
    _state["verdict"] = verdict
    with _pool(jobs, context, verdict, setup, options, directory, items) as pool:
        done = [pool.submit(_write_range, start, size) for start, size in ranges]
        if verdict is not None and prepare is not None:
            try:
                verdict.give(prepare)  # here, while the workers make their first letters
            except BaseException:
                pool.shutdown(cancel_futures=True)
                raise
        for (start, _size), outcomes in zip(ranges, done, strict=True):
            for index, outcome in enumerate(outcomes.result(), start):
                yield _finish(items[index], outcome)


#: Letters per worker task: few enough that a range is done in about a tenth of a second
#: (~3 ms a letter), many enough that passing tasks costs little.
_LARGEST_RANGE, _SMALLEST_RANGE = 32, 2


def _ranges(count: int, jobs: int) -> list[tuple[int, int]]:
    """(start, size) of the workers' tasks, smaller towards the end (guided scheduling).

    The pool hands the ranges out in order; with the last ones small, no worker
    is left alone with a large range while the others have finished.
    """
    ranges = []
    start = 0
    while start < count:
        size = max(_SMALLEST_RANGE, min(_LARGEST_RANGE, (count - start) // (jobs * 4)))
        ranges.append((start, min(size, count - start)))
        start += size
    return ranges


def _context() -> BaseContext:
    """Fork where there is fork (workers inherit the loaded content and template), else spawn."""
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _pool(jobs: int, context: BaseContext, verdict: _Verdict | None,
          setup: letter_doc.LetterSetup, options: BatchOptions, directory: Path,
          items: list[BatchItem]) -> Executor:
    from concurrent.futures import ProcessPoolExecutor

    if context.get_start_method() == "fork":
        return ProcessPoolExecutor(jobs, mp_context=context)
    return ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_spawned_init,
        initargs=(setup, options, directory, items, verdict),
    )


class _Verdict:
    """The first letter's format check, run by the parent, as the workers see it.

    The workers make letters meanwhile, but write none before it has passed: after
    a format error nothing is written, not even a temporary file.
    """

    def __init__(self, context: BaseContext) -> None:
        self._given = context.Event()
        self._passed = context.Event()
        self._parent = os.getpid()

    def give(self, check: Callable[[], None]) -> None:
        """Run *check*; it passed when it returns, failed when it raises."""
        try:
            check()
            self._passed.set()
        finally:
            self._given.set()

    def failed(self) -> bool:
        """Whether the check has failed already (does not wait)."""
        return self._given.is_set() and not self._passed.is_set()

    def passed(self) -> bool:
        """Whether the check passed, waiting for it to end (or for the parent to be gone)."""
        while not self._given.wait(timeout=1.0):
            if os.getppid() != self._parent:  # killed: a worker must not wait forever
                return False
        return self._passed.is_set()


# Per-process state: the letter setup, the compiled template, the letters to
# write and the first letter's verdict.  Forked workers inherit it from the
# parent; spawned ones get it once through the pool initializer.
_state: dict[str, object] = {}

#: What a worker sends back for one letter: status, sha256, error, temporary name.
_Outcome = tuple[str, str, str, "str | None"]


def _worker_init(
    setup: letter_doc.LetterSetup, templates_dir: Path | None, check_all: bool,
    template: DocxTemplateFile, directory: Path, items: list[BatchItem],
    verdict: _Verdict | None = None,
) -> None:
    _state.update(setup=setup, templates_dir=templates_dir, check_all=check_all,
                  template=template, directory=directory, items=items, folders=set(),
                  verdict=verdict)


def _spawned_init(setup: letter_doc.LetterSetup, options: BatchOptions, directory: Path,
                  items: list[BatchItem], verdict: _Verdict | None,
                  ) -> None:  # pragma: no cover - platforms without fork
    template = load_template(options.kind, options.templates_dir)
    _worker_init(setup, options.templates_dir, options.check_all, template, directory, items,
                 verdict)


def _write_range(start: int, size: int) -> list[_Outcome]:
    """The letters *start* to *start* + *size*: made, then written once the check passed."""
    items, verdict = _state["items"], _state["verdict"]
    assert isinstance(items, list) and isinstance(verdict, _Verdict | None)
    if verdict is not None and verdict.failed():
        return []
    indexes = range(start, min(start + size, len(items)))
    made = [_render_one(index) for index in indexes]
    if verdict is not None and not verdict.passed():
        return []  # the parent raises the format error; nothing of this range is written
    return [_stage_one(index, letter) for index, letter in zip(indexes, made, strict=True)]


def _write_one(index: int) -> _Outcome:
    """Render the letter *index* and write it to a temporary (None: the file already holds it)."""
    return _stage_one(index, _render_one(index))


def _render_one(index: int) -> bytes | _Outcome:
    """The letter *index* as .docx bytes (checked with ``check_all``), or why it failed."""
    setup, template, items = _state["setup"], _state["template"], _state["items"]
    assert isinstance(setup, letter_doc.LetterSetup) and isinstance(template, DocxTemplateFile)
    assert isinstance(items, list)
    item: BatchItem = items[index]
    try:
        data = render_with(template, setup, item.agency)
        if _state["check_all"]:
            from lsdocs.gate import require_conformant

            require_conformant({item.file: data}, {item.file: template_path(
                setup.kind, _state["templates_dir"])})  # type: ignore[arg-type]
    except (LsdocsError, OSError) as exc:
        return _failed(exc)
    return data


def _stage_one(index: int, letter: bytes | _Outcome) -> _Outcome:
    """Write the made *letter* to a temporary beside its file (None: the file holds it)."""
    if not isinstance(letter, bytes):
        return letter
    items, directory = _state["items"], _state["directory"]
    assert isinstance(items, list) and isinstance(directory, Path)
    try:
        tmp_name = stage_file(directory / items[index].file, letter,
                              _state["folders"])  # type: ignore[arg-type]
    except (LsdocsError, OSError) as exc:
        return _failed(exc)
    status = UNCHANGED if tmp_name is None else WRITTEN
    return status, hashlib.sha256(letter).hexdigest(), "", tmp_name


def _failed(exc: LsdocsError | OSError) -> _Outcome:
    return FAILED, "", exc.format("vi") if isinstance(exc, LsdocsError) else str(exc), None


def _finish(item: BatchItem, outcome: _Outcome) -> tuple[BatchItem, str | None]:
    item.status, item.sha256, item.error, tmp_name = outcome
    return item, tmp_name


def _merge(result: BatchResult, kind: str) -> Path:
    """One file for printing: every letter from a new page, each numbered from 1."""
    from lsdocs.render.merge import merge_documents

    documents = [(result.directory / item.file).read_bytes() for item in result.items]
    merged = result.directory.parent / f"{kind}-tong-hop.docx"
    write_atomic(merged, merge_documents(documents))
    return merged


MANIFEST_FIELDS = ("agency", "agency_name", "file", "lead", "support", "status", "sha256", "error",
                   "letter_date", "as_of", "issuer", "content_sha256", "warnings")


def write_manifest(result: BatchResult) -> None:
    """``manifest.csv`` and ``manifest.json`` beside the letters."""
    earlier = _earlier_rows(result)

    def rows() -> Iterator[dict[str, object]]:  # one at a time: 10,000 rows are never all held
        yield from earlier
        yield from (item.row() for item in result.items)

    # Both files are written as they are made, a few hundred rows at a time: neither is
    # ever held whole (10,000 rows are megabytes), and each is still replaced atomically.
    write_atomic_pieces(result.directory / "manifest.csv", _csv_pieces(rows()))
    payload: dict[str, object] = {"items": [], "skipped": result.skipped,
                                  "warnings": [w.get("vi") for w in result.warnings],
                                  "removed": [Path(p).name for p in result.removed]}
    write_atomic_pieces(result.directory / "manifest.json",
                        _encoded(itertools.chain(_json_pieces(payload, rows()), ["\n"])))
    sync_folders({result.directory, result.directory.parent})  # the renames are durable too


_PIECE_ROWS = 256


def _csv_pieces(rows: Iterable[dict[str, object]]) -> Iterator[bytes]:
    """``manifest.csv`` (UTF-8 with a BOM, for Excel) as bytes, some rows at a time."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")  # a row's fields by name, "" if missing
    text.write("\ufeff")
    writer.writerow(MANIFEST_FIELDS)
    for n, row in enumerate(rows, 1):
        writer.writerow([neutralise(v) if isinstance(v, str) else v
                         for v in map(row.get, MANIFEST_FIELDS, itertools.repeat(""))])
        if n % _PIECE_ROWS == 0:
            yield _taken(text)
    yield _taken(text)


def _taken(text: io.StringIO) -> bytes:
    """What *text* holds, as UTF-8; *text* is emptied."""
    data = text.getvalue().encode("utf-8")
    text.seek(0)
    text.truncate()
    return data


def _encoded(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[bytes]:
    """*pieces* as UTF-8 bytes, joined in blocks of about *size* characters."""
    block: list[str] = []
    held = 0
    for piece in pieces:
        block.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(block).encode("utf-8")
            block, held = [], 0
    yield "".join(block).encode("utf-8")


def _json_pieces(payload: dict[str, object], items: Iterable[dict[str, object]]) -> Iterator[str]:
    """``json`` with ``indent=2`` of *payload* whose first key ``items`` holds *items*, encoded
    one item at a time (the same text as encoding the whole list at once)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    whole = encoder.encode(payload)
    empty = '{\n  "items": []'
    assert whole.startswith(empty), "items is the first key"
    opened = False
    for item in items:
        yield ("{\n  \"items\": [\n    " if not opened else ",\n    ")
        yield encoder.encode(item).replace("\n", "\n    ")  # nested two levels deeper
        opened = True
    yield ("\n  ]" + whole[len(empty):]) if opened else whole


def _earlier_rows(result: BatchResult) -> list[dict[str, object]]:
    """Manifest rows of letters an earlier run wrote and this one (``--only``) did not touch."""
    path = result.directory / "manifest.json"
    try:
        earlier = json.loads(read_regular_file(path, MAX_CONTENT_BYTES).decode("utf-8"))["items"]
    except (OSError, ValueError, KeyError, TypeError, Refused):
        return []
    done = {item.agency for item in result.items}
    return [
        row for row in earlier
        if isinstance(row, dict) and row.get("agency") not in done
        and (result.directory / str(row.get("file", ""))).is_file()
    ]


def iter_manifest(path: Path) -> Iterable[dict[str, object]]:
    return json.loads(path.read_text(encoding="utf-8"))["items"]  # type: ignore[no-any-return]
