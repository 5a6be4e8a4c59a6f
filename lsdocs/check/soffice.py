"""Lay many .docx files out to PDF with one long-lived headless LibreOffice.

:func:`lay_out` starts ``soffice --headless --convert-to pdf`` **once** with every file on
its command line and a private profile (so it neither waits for nor disturbs a
LibreOffice the clerk has open).  LibreOffice reports each file on its standard output
as it goes (``convert …`` before the PDF is written, ``Error: …`` for a file it cannot
load), so the run is watched file by file: a file that makes LibreOffice hang longer
than *per_file* seconds, or crash, is named, the process is ended, and a new one
continues with the files after it.  Every file gets either its PDF or a
:class:`~lsdocs.errors.Problem` in Vietnamese naming it; nothing raises.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from lsdocs.errors import Location, Problem, T, Text

#: seconds LibreOffice may take to start and lay out the first file
START_SECONDS = 90.0
#: seconds it may take for each further file
PER_FILE_SECONDS = 60.0
#: runs in a row that stop before LibreOffice reports any file: it is broken, not the file
SILENT_RUNS = 2


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@dataclass
class _Run:
    """What one soffice process did: per file, in order, ``True`` (a convert line) or
    ``False`` (an error line); *stopped* when it was ended for hanging or died early."""

    events: list[bool]
    stopped: Text | None


def lay_out(sources: Sequence[Path], workdir: Path, *, soffice: str | None = None,
            start_seconds: float = START_SECONDS, per_file_seconds: float = PER_FILE_SECONDS,
            ready: Callable[[int, Path], None] | None = None) -> list[Path | Problem]:
    """A PDF (in *workdir*) or a problem for each of *sources*, in order.

    *ready* (index, pdf) is called once for each PDF as soon as LibreOffice has finished
    it, while it goes on with the next file, so the caller's reading of the pages runs
    alongside the layout."""
    found = soffice or find_soffice()
    if found is None:
        missing = T("không dàn trang được: không tìm thấy LibreOffice (soffice); cài gói "
                    "libreoffice-writer (Debian/Ubuntu: sudo apt-get install "
                    "libreoffice-writer) rồi chạy lại")
        return [_problem(s, missing, "render-no-soffice") for s in sources]
    inputs, out = workdir / "in", workdir / "out"
    inputs.mkdir(parents=True, exist_ok=True)
    out.mkdir(exist_ok=True)
    copies: list[Path] = []
    for index, source in enumerate(sources):
        copy = inputs / f"f{index:04d}.docx"
        shutil.copyfile(source, copy)
        copies.append(copy)
    results: dict[int, Path | Problem] = {}
    delivered: set[int] = set()

    def deliver(index: int) -> None:
        pdf = out / f"{copies[index].stem}.pdf"
        if ready is not None and index not in delivered and _complete(pdf):
            delivered.add(index)
            ready(index, pdf)

    pending = list(range(len(sources)))
    runs = silent = 0
    while pending:
        if silent >= SILENT_RUNS:  # LibreOffice itself does not work: stop trying
            for index in pending:
                results[index] = _problem(sources[index], T(
                    "không dàn trang được: LibreOffice không làm được tệp nào trong {n} lần "
                    "chạy liền nhau; tệp này chưa được dàn trang", n=silent), "render-broken")
            break
        # a new profile after a stopped run: the ended process may have left it half written
        profile = workdir / f"profile{runs}"
        runs += 1
        run = _convert(found, profile, out, [copies[i] for i in pending],
                       start_seconds, per_file_seconds, partial(_deliver_nth, deliver,
                                                                tuple(pending)))
        silent = silent + 1 if run.stopped is not None and not run.events else 0
        handled = _judge(run, pending, copies, out, sources, results)
        pending = pending[handled:]
    for index in range(len(sources)):
        if isinstance(results[index], Path):
            deliver(index)
    return [results[i] for i in range(len(sources))]


def _deliver_nth(deliver: Callable[[int], None], batch: tuple[int, ...], position: int) -> None:
    deliver(batch[position])


def _judge(run: _Run, pending: list[int], copies: list[Path], out: Path,
           sources: Sequence[Path], results: dict[int, Path | Problem]) -> int:
    """Record the results of *run*; returns how many of *pending* it settled."""
    culprit = len(run.events)
    if run.stopped is not None and run.events and run.events[-1] and not _complete(
            out / f"{copies[pending[culprit - 1]].stem}.pdf"):
        culprit -= 1  # it hung or died writing the PDF of the file it had announced
    for index in pending[:culprit]:
        pdf = out / f"{copies[index].stem}.pdf"
        results[index] = pdf if _complete(pdf) else _problem(sources[index], T(
            "không dàn trang được: LibreOffice không mở được tệp này"), "render-unreadable")
    if run.stopped is None:
        for index in pending[culprit:]:  # finished without a word about these files
            results[index] = _problem(sources[index], T(
                "không dàn trang được: LibreOffice không mở được tệp này"), "render-unreadable")
        return len(pending)
    if culprit < len(pending):
        results[pending[culprit]] = _problem(sources[pending[culprit]], run.stopped,
                                             "render-stopped")
    return culprit + 1


def _complete(pdf: Path) -> bool:
    """A PDF that LibreOffice finished writing (it ends with ``%%EOF``)."""
    try:
        with pdf.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - 64))
            return size > 0 and b"%%EOF" in handle.read()
    except OSError:
        return False


def _convert(soffice: str, profile: Path, out: Path, files: list[Path], start_seconds: float,
             per_file_seconds: float, done: Callable[[int], None]) -> _Run:
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out),
               *map(str, files)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    lines: queue.Queue[bytes | None] = queue.Queue()
    reader = threading.Thread(target=_read_lines, args=(process, lines), daemon=True)
    reader.start()
    try:
        return _watch(process, lines, len(files), (start_seconds, per_file_seconds), done)
    finally:
        if process.poll() is None:
            _kill(process)  # nothing of it may outlive the run
        reader.join(timeout=5)
        assert process.stdout is not None
        process.stdout.close()


def _watch(process: subprocess.Popen[bytes], lines: queue.Queue[bytes | None], count: int,
           seconds: tuple[float, float], done: Callable[[int], None]) -> _Run:
    """Follow LibreOffice's report file by file; *done* (position) is called for each file
    whose PDF it has finished (it announced the next one)."""
    start_seconds, per_file_seconds = seconds
    events: list[bool] = []
    deadline = time.monotonic() + start_seconds
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return _Run(events, T("không dàn trang được: LibreOffice không xong tệp này sau "
                                  "{s} giây (đã dừng LibreOffice, các tệp sau vẫn được dàn "
                                  "trang)", s=_seconds(start_seconds if not events
                                                        else per_file_seconds)))
        if line is None:
            break
        if line.startswith(b"convert "):
            events.append(True)
        elif line.startswith(b"Error"):
            events.append(False)
        else:
            continue
        if len(events) >= 2 and events[-2]:
            done(len(events) - 2)
        deadline = time.monotonic() + per_file_seconds
    code = process.wait()
    if len(events) < count and code != 0:
        return _Run(events, T("không dàn trang được: LibreOffice dừng đột ngột (mã {c}) khi "
                              "dàn trang tệp này", c=code))
    return _Run(events, None)


def _seconds(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _read_lines(process: subprocess.Popen[bytes], lines: queue.Queue[bytes | None]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line)
    lines.put(None)


def _kill(process: subprocess.Popen[bytes]) -> None:
    """End the process and every process it started (its own session)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _problem(source: Path, message: Text, code: str) -> Problem:
    return Problem(Location(file=str(source)), message, code=code)
