"""``lsdocs phat-hanh``: number, date, check, register and write issued documents.

One run is one transaction of the register: every draft is read and checked
first, then the numbers are taken under the register's write lock, each
document is stamped and checked again with the Decree 30 checker, and only
when every document passes are the entries recorded and the lock released.
Any failure before that rolls everything back: no number is taken.  The
issued files are written after the commit, beside their drafts, under new
names (a draft is never overwritten); a run killed between the commit and the
files is repaired by running it again (the files are rebuilt from the drafts
and the register, byte for byte, and checked against the recorded sha256).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lsdocs import vnformat as vn
from lsdocs.batch import FAILED, iter_manifest
from lsdocs.check import check_bytes
from lsdocs.check.runner import read_path
from lsdocs.errors import (
    SEVERITY_WARNING,
    DocumentReadError,
    Location,
    LsdocsError,
    Problem,
    T,
    Text,
    UsageError,
)
from lsdocs.issuing.draft import Draft, para_text, particulars, read_draft
from lsdocs.issuing.stamp import issued_marker, stamp
from lsdocs.issuing.storage import Allocation, Entry, EntryData, RegisterStore
from lsdocs.render.output import write_atomic

MANIFEST = "manifest.json"


class IssueError(LsdocsError):
    """Drafts that cannot be issued; nothing was numbered."""


@dataclass(frozen=True)
class IssueOptions:
    issued_on: dt.date
    copies: int | None = None  # số lượng bản; default: recipients + filing units
    note: str = ""


@dataclass
class Issued:
    entry: Entry
    path: Path
    repaired: bool = False  # the file was missing and rebuilt from an earlier run's entry


@dataclass
class IssueResult:
    issued: list[Issued] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # e.g. a deadline already past

    @property
    def paths(self) -> list[Path]:
        return [i.path for i in self.issued]


@dataclass
class _Job:
    path: Path
    draft: Draft
    sha256: str
    data: bytes = b""
    number: int = 0
    entry: EntryData | None = None


def collect_drafts(sources: Sequence[Path]) -> list[Path]:
    """The drafts named by *sources*: .docx files, batch folders or their manifest.json.

    A batch keeps its manifest's order (the agency order of the batch);
    letters the batch failed to write are left out.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    for source in sources:
        manifest = source / MANIFEST if source.is_dir() else source
        if manifest.name == MANIFEST and manifest.is_file():
            found += _from_manifest(manifest, problems)
        elif source.is_dir():
            problems.append(_problem(source, T(
                "thư mục không có manifest.json của lsdocs batch; chỉ ra từng tệp .docx")))
        elif not source.is_file():
            problems.append(_problem(source, T("không có tệp này"),
                                     code="missing-file"))
        else:
            found.append(source)
    if problems:
        raise UsageError(problems)
    return list(dict.fromkeys(p.resolve() for p in found))


def _from_manifest(manifest: Path, problems: list[Problem]) -> list[Path]:
    try:
        rows = list(iter_manifest(manifest))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        problems.append(_problem(manifest, T("không đọc được manifest ({e})"), e=exc))
        return []
    paths = []
    for i, row in enumerate(rows):
        if row.get("status") == FAILED or not row.get("file"):
            continue
        path = manifest.parent / str(row["file"])
        if not path.is_file():
            problems.append(Problem(Location(file=str(manifest), path=f"items[{i}].file"), T(
                "manifest ghi tệp này nhưng không thấy tệp"),
                found=str(row["file"]), code="missing-file"))
        paths.append(path)
    return paths


def issued_path(draft: Path, number: int, symbol: str, year: int) -> Path:
    """Where the issued copy goes: beside the draft, its number in the name.

    >>> issued_path(Path("out/giao-nhiem-vu-skhcn.docx"), 5, "UBND-KGVX", 2026).name
    'giao-nhiem-vu-skhcn-so-05-ubnd-kgvx-2026.docx'
    """
    return draft.with_name(f"{draft.stem}-so-{number:02d}-{vn.slugify(symbol)}-{year}.docx")


def issue(drafts: Sequence[Path], store: RegisterStore, options: IssueOptions) -> IssueResult:
    """Issue *drafts* in this order as one transaction of *store* (see the module doc)."""
    jobs, problems = _read(drafts)
    result = IssueResult()
    fresh = []
    for job in jobs:
        earlier = store.by_draft(job.sha256)
        if earlier is None or earlier.cancelled:
            fresh.append(job)
        elif not _repair(job, earlier, result):
            problems.append(_already(job.path, earlier))
    if problems:
        raise IssueError(problems)
    if fresh:
        with store.allocation() as allocation:
            result.warnings = _allocate(fresh, allocation, options)
            entries = [allocation.record(_entry(job), job.number) for job in fresh]
        for job, entry in zip(fresh, entries, strict=True):
            write_atomic(Path(entry.file), job.data)
            result.issued.append(Issued(entry, Path(entry.file)))
    order = {path: i for i, path in enumerate(j.path for j in jobs)}
    result.issued.sort(key=lambda i: order[Path(i.entry.draft_file)])
    return result


def _read(paths: Sequence[Path]) -> tuple[list[_Job], list[Problem]]:
    """Read every draft and what is wrong with each, every file at once."""
    jobs: list[_Job] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            data = read_path(path)  # regular files within the size limit only
            draft = read_draft(data, str(path))
        except DocumentReadError as exc:
            problems += exc.problems
            continue
        except OSError as exc:
            problems.append(_problem(path, T("không đọc được tệp ({e})"),
                                     e=exc.strerror or exc))
            continue
        marker = issued_marker(data)
        if marker:
            problems.append(_problem(path, T(
                "tệp này là bản đã phát hành (số {m}); phát hành từ bản dự thảo"), m=marker))
        else:
            problems += draft.problems
        digest = hashlib.sha256(data).hexdigest()
        twin = next((j for j in jobs if j.sha256 == digest), None)
        if twin is not None:
            problems.append(_problem(path, T(
                "cùng một bản dự thảo với {f} (giống từng byte); mỗi văn bản chỉ phát hành "
                "một lần"),
                f=twin.path))
            continue
        jobs.append(_Job(path.resolve(), draft, digest))
    return jobs, problems


def _repair(job: _Job, entry: Entry, result: IssueResult) -> bool:
    """A draft issued before whose issued file is gone: rebuild it; True when done."""
    if Path(entry.file).is_file() or job.draft.problems:
        return False
    data = stamp(job.draft, entry.number, entry.issued_on)
    if hashlib.sha256(data).hexdigest() != entry.sha256:
        return False  # not the same bytes as recorded: refused as issued already
    write_atomic(Path(entry.file), data)
    result.issued.append(Issued(entry, Path(entry.file), repaired=True))
    return True


def _allocate(jobs: list[_Job], allocation: Allocation,
              options: IssueOptions) -> list[Problem]:
    """Take numbers in order, stamp and check each document; raise (roll back) on any fault.

    Returns warnings: things a văn thư should read before sending, that do not stop issuing.
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    taken: dict[tuple[str, int], int] = {}
    year = options.issued_on.year
    for job in jobs:
        before = allocation.issued_from(job.sha256, str(job.path))
        if before is not None:
            problems.append(_already(job.path, before))
            continue
        facts = particulars(job.draft)
        key = (facts.agency, year)
        if key not in taken:
            taken[key] = allocation.next_number(*key)
            problems += _date_order(job.path, allocation.last_date(*key), options.issued_on)
        job.number = taken[key]
        taken[key] += 1
        warnings += _past_deadlines(job, options.issued_on)
        job.data = stamp(job.draft, job.number, options.issued_on)
        problems += [p for p in check_bytes(job.data, str(job.path)).problems() if p.is_error]
        target = issued_path(job.path, job.number, job.draft.symbol, year)
        if target.exists():
            problems.append(_problem(target, T(
                "tệp đã có, không ghi đè; chuyển hoặc đổi tên tệp này rồi chạy lại")))
        job.entry = EntryData(
            agency=facts.agency, symbol=job.draft.symbol, issued_on=options.issued_on,
            doc_type=facts.doc_type, trich_yeu=facts.trich_yeu, signer=facts.signer,
            recipients="; ".join(facts.recipients), filing=facts.filing,
            copies=options.copies or facts.copies, note=options.note, file=str(target),
            sha256=hashlib.sha256(job.data).hexdigest(), draft_file=str(job.path),
            draft_sha256=job.sha256)
    if problems:
        raise IssueError(problems)
    return warnings


_DEADLINE = re.compile(r"\b(?:trước|chậm nhất(?: là)?) ngày (\d{1,2}/\d{1,2}/\d{4})")


def _past_deadlines(job: _Job, issued_on: dt.date) -> list[Problem]:
    """Deadlines in the text ("trước ngày 15/12/2026") that the issue date has passed."""
    found = []
    for para in job.draft.paragraphs():
        for match in _DEADLINE.finditer(vn.nfc(para_text(para))):
            try:
                due = vn.parse_vn_date(match[1])
            except ValueError:
                continue
            if due < issued_on:
                found.append(Problem(Location(file=str(job.path)), T(
                    "văn bản ghi hạn «{t}» mà ngày phát hành {d} đã qua hạn đó; xem lại lời văn "
                    "trước khi gửi", t=match[0],
                    d=vn.short_date(issued_on)), severity=SEVERITY_WARNING,
                    code="issue-deadline-passed"))
    return found


def _entry(job: _Job) -> EntryData:
    assert job.entry is not None  # set by _allocate for every job when it raised nothing
    return job.entry


def _already(path: Path, entry: Entry) -> Problem:
    return _problem(path, T(
        "bản dự thảo này đã được phát hành: số {r} ngày {d} ({f}); không cấp số lần nữa. "
        "Nếu cần phát hành lại bản đã sửa, hủy số cũ trước: lsdocs so-van-ban huy {r} --year {y}"),
        r=entry.reference, d=vn.short_date(entry.issued_on), f=entry.file, y=entry.year)


def _date_order(path: Path, last: dt.date | None, issued_on: dt.date) -> list[Problem]:
    if last is None or last <= issued_on:
        return []
    return [_problem(path, T(
        "ngày phát hành {d} sớm hơn ngày của số trước trong sổ ({l}); số văn bản phải theo "
        "trình tự thời gian (Nghị định 30, Điều 15)"),
        d=vn.short_date(issued_on), l=vn.short_date(last))]


def _problem(path: Path, message: Text, code: str = "issue",
             **params: object) -> Problem:
    return Problem(Location(file=str(path)), message.format(**params), code=code)
