"""The one way lsdocs writes files: use it for every file a command produces.

* :func:`write_atomic` writes bytes to a path: to a temporary name in the
  target folder first, renamed over the target only when complete
  (``os.replace`` is atomic on POSIX and Windows).  A crash, a kill or a full
  disk leaves either the old file or the new one, plus at most a hidden
  ``.*.tmp`` file that the next run removes (:func:`remove_stale_temporaries`).
  An existing file keeps its permissions; a new one gets 0666 minus the umask,
  as ``open()`` gives.  An identical file is left untouched (its mtime too).
  A target that is not a regular file (a device such as ``/dev/null``, a FIFO,
  a folder) is refused, never replaced; every failure is an
  :class:`~lsdocs.errors.OutputError` (exit code 2, "không ghi được").
* :class:`StagedWrites` is the same promise for many files at once (a batch
  of letters): each file goes to its temporary name without an fsync of its
  own; :meth:`StagedWrites.commit` then syncs them all in one call (``syncfs`` of
  the output's file system on Linux, see :func:`sync_files`), renames
  them into place and syncs their folders.  After a power loss each file is
  the old one or the complete new one, without a per-file fsync tax.
* :func:`ensure_directory` makes an output folder, refusing a path that exists
  and is not a folder.
* :func:`zip_package` zips parts reproducibly (fixed timestamps, fixed
  permissions, the parts' own order): .docx and .xlsx files are byte-for-byte
  the same for the same content.

New writers (reports, progress files, …) call these; nothing else in lsdocs
opens a file for writing.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import itertools
import os
import stat
import sys
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from lsdocs.errors import Location, OutputError, Problem, T

TMP_SUFFIX = ".tmp"
#: 1980-01-01 00:00:00, the earliest time a zip entry can carry.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FIRST_PART = "[Content_Types].xml"


def write_atomic(path: str | os.PathLike[str], data: bytes) -> bool:
    """Write *data* to *path* atomically; return False if it was already identical.

    Raises :class:`~lsdocs.errors.OutputError` when the target is not a
    regular file or cannot be written (permissions, disk full); the old file,
    if any, is then unchanged.
    """
    given = Path(path)
    try:
        return _write_pieces(given, [data], whole=data)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise cannot_write(given, exc) from exc


def _stage(given: Path, data: bytes, folders: set[Path] | None = None
           ) -> tuple[str, Path] | None:
    """Write *data* to a temporary beside the target; None if the target already holds it.

    No fsync: :meth:`StagedWrites.commit` syncs them all at once.  *folders* remembers the
    folders already made, so a batch checks each once.
    """
    path, found = _target(given, folders)
    if found is not None and found.st_size == len(data) and path.read_bytes() == data:
        return None
    mode = found.st_mode & 0o7777 if found is not None else _new_file_mode()
    fd, tmp_name = _create_temporary(path)
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return tmp_name, path


def _target(given: Path, folders: set[Path] | None = None
            ) -> tuple[Path, os.stat_result | None]:
    """The file to write for *given* (a link's target) and what is there now.

    Refuses a target that is not a regular file and makes its folder
    (once per folder in *folders*).
    """
    found = _lstat(given)
    if found is not None and stat.S_ISLNK(found.st_mode):  # keep the link: write its target
        path = Path(os.path.realpath(given))
        found = _lstat(path, follow=True)
    else:
        path = given
    _refuse_special(given, found)
    if folders is None or path.parent not in folders:
        ensure_directory(path.parent)
        if folders is not None:
            folders.add(path.parent)
    return path, found


def write_atomic_pieces(path: str | os.PathLike[str], pieces: Iterable[bytes]) -> bool:
    """:func:`write_atomic` for bytes made piece by piece (a manifest of 10,000 rows), so
    the whole is never held in memory; the same promises, return value and errors."""
    given = Path(path)
    try:
        return _write_pieces(given, pieces)
    except (OSError, ValueError) as exc:
        raise cannot_write(given, exc) from exc


def _write_pieces(given: Path, pieces: Iterable[bytes], whole: bytes | None = None) -> bool:
    """Write *pieces* through a synced temporary; False if the target already held them.

    With *whole* (the pieces' bytes at hand) an identical target is seen before any
    temporary is made, so a read-only folder holding the same file is no error.
    """
    path, found = _target(given)
    if whole is not None and found is not None:
        if found.st_size == len(whole) and path.read_bytes() == whole:
            return False
        compare_with = None
    else:
        compare_with = path if found is not None else None
    mode = found.st_mode & 0o7777 if found is not None else _new_file_mode()
    fd, tmp_name = _create_temporary(path)
    try:
        try:
            same = _write_comparing(fd, pieces, compare_with)
            if not same:
                os.fsync(fd)
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
        if same:  # the file already holds these bytes: left untouched, mtime too
            os.unlink(tmp_name)
            return False
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return True


def _write_comparing(fd: int, pieces: Iterable[bytes], old: Path | None) -> bool:
    """Write *pieces* to *fd*; whether the file *old* holds exactly the same bytes."""
    if old is None:
        for piece in pieces:
            _write_all(fd, piece)
        return False
    with open(old, "rb") as existing:
        same = True
        for piece in pieces:
            _write_all(fd, piece)
            same = same and existing.read(len(piece)) == piece
        return same and existing.read(1) == b""


def _lstat(path: Path, *, follow: bool = False) -> os.stat_result | None:
    """``os.lstat`` (``os.stat`` if *follow*); None when nothing is there."""
    try:
        return os.stat(path) if follow else os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


#: Temporary names: ``.<target>.<process token><counter>.tmp``, unique per process
#: (the token holds the process id, so forked workers never collide).
_counter = itertools.count()
_OPEN_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new, empty, private (0600) file beside *path*, as tempfile.mkstemp makes one."""
    folder = os.fspath(path.parent)
    token = f"{os.getpid():x}{os.urandom(3).hex()}"
    for _ in range(10000):
        name = os.path.join(folder, f".{path.name}.{token}{next(_counter):x}{TMP_SUFFIX}")
        try:
            return os.open(name, _OPEN_FLAGS, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", folder)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class StagedWrites:
    """Many atomic writes made durable together: one sync for the lot, not one per file.

    :meth:`stage` writes a file's new bytes to a temporary beside it (the
    target is not touched yet); :meth:`commit` syncs every temporary to disk
    in one call, renames each over its target, then syncs the folders, so
    the renames are durable too.  Until :meth:`commit`, every target keeps its
    old content; a run killed before it leaves only temporaries, which the
    next run removes (:func:`remove_stale_temporaries`).  :meth:`adopt` takes
    temporaries staged by another process (batch workers).
    """

    def __init__(self, folders: set[Path] | None = None) -> None:
        # (temporary, target) as strings: a batch holds one pair per letter until commit
        self._pending: list[tuple[str, str]] = []
        self._folders: set[Path] = set() if folders is None else folders  # made already

    def stage(self, path: str | os.PathLike[str], data: bytes) -> str | None:
        """Write *data* for *path* to a temporary; its name, or None if *path* already holds it."""
        given = Path(path)
        try:
            staged = _stage(given, data, self._folders)
        except (OSError, ValueError) as exc:
            raise cannot_write(given, exc) from exc
        if staged is None:
            return None
        self._pending.append((staged[0], os.fspath(staged[1])))
        return staged[0]

    def adopt(self, tmp_name: str, path: str | os.PathLike[str]) -> None:
        """Put a temporary written elsewhere (by :func:`stage_file`) in place at :meth:`commit`."""
        self._pending.append((tmp_name, os.fspath(path)))

    def commit(self) -> None:
        """Sync the temporaries, rename each into place, sync the folders."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        try:
            sync_files([tmp for tmp, _ in pending])
            for tmp_name, path in pending:
                os.replace(tmp_name, path)
            sync_folders({Path(d) for d in {os.path.dirname(path) for _, path in pending}})
        except OSError as exc:
            self._pending = pending
            self.discard()
            raise cannot_write(Path(exc.filename or pending[0][1]), exc) from exc

    def discard(self) -> None:
        """Remove the temporaries not committed (their targets keep their old content)."""
        for tmp_name, _ in self._pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        self._pending = []


def stage_file(path: str | os.PathLike[str], data: bytes,
               folders: set[Path] | None = None) -> str | None:
    """:meth:`StagedWrites.stage` for a process that hands the name to the committing one.

    *folders*: the folders this process already made (each is checked once).
    """
    return StagedWrites(folders).stage(path, data)


def sync_files(names: list[str]) -> None:
    """Make the data of the files *names* durable: one sync of each file system holding them.

    On Linux ``syncfs()`` writes out only the file system of the output folder (not every
    disk the machine has, as ``sync()`` does: a USB stick being copied to, a busy share) and,
    unlike ``sync()``, reports a write-back error, which then fails the commit.  Elsewhere
    ``sync()``, or an fsync per file where there is neither.
    """
    syncfs = _syncfs()
    if syncfs is not None:
        devices: dict[int, str] = {}
        for folder in sorted({os.path.dirname(name) or "." for name in names}):
            devices.setdefault(os.stat(folder).st_dev, folder)
        for folder in devices.values():
            fd = os.open(folder, os.O_RDONLY)
            try:
                if syncfs(fd) != 0:
                    code = _c_errno()
                    raise OSError(code, os.strerror(code), folder)
            finally:
                os.close(fd)
        return
    if hasattr(os, "sync"):  # pragma: no cover - POSIX without syncfs (macOS, BSD)
        os.sync()
        return
    for name in names:  # pragma: no cover - Windows
        with open(name, "rb+") as handle:
            os.fsync(handle.fileno())


@functools.lru_cache(maxsize=1)
def _syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs`` (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None  # pragma: no cover - other systems
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # pragma: no cover - a libc without it
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function


def _c_errno() -> int:
    """The errno the last C call through ctypes left (its own copy, see ``use_errno``)."""
    import ctypes

    return ctypes.get_errno()


def sync_folders(folders: set[Path]) -> None:
    """Make renames in *folders* durable (POSIX; Windows cannot open a folder)."""
    if os.name != "posix":  # pragma: no cover - Windows
        return
    for folder in sorted(folders):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _refuse_special(given: Path, found: os.stat_result | None) -> None:
    if found is None:
        return  # a new file; ensure_directory() judges its folder
    mode = found.st_mode
    if stat.S_ISREG(mode):
        return
    what = (T("một thư mục") if stat.S_ISDIR(mode)
            else T("một thiết bị, FIFO hay socket"))
    raise OutputError(Problem(
        Location(file=str(given)),
        T("không ghi được: đích là {what}, không phải tệp thường; lsdocs không ghi đè "
          "lên nó", what=what),
        hint=T("chọn một đường dẫn tệp khác"),
        code="not-a-regular-file"))


def ensure_directory(path: str | os.PathLike[str]) -> Path:
    """Make the folder *path* (and its parents); refuse a path that is not a folder."""
    folder = Path(path)
    try:
        blocking = next((p for p in (folder, *folder.parents) if p.exists() or p.is_symlink()),
                        None)
        if blocking is not None and not blocking.is_dir():
            raise OutputError(Problem(
                Location(file=str(blocking)),
                T("không ghi được: đường dẫn này đã có và không phải thư mục"),
                hint=T("chọn một thư mục khác"),
                code="not-a-folder"))
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:
        raise cannot_write(folder, exc) from exc
    return folder


def cannot_write(path: Path, exc: OSError | ValueError) -> OutputError:
    """The error for an OSError while writing *path* (disk full, permissions, …)."""
    filename = getattr(exc, "filename", None)
    where = filename if isinstance(filename, str) and filename else str(path)
    reason = getattr(exc, "strerror", None) or str(exc)
    return OutputError(Problem(
        Location(file=where),
        T("không ghi được tệp ({reason})", reason=reason),
        hint=T("kiểm tra đường dẫn, quyền ghi và chỗ trống trên đĩa; các tệp đã có không bị "
               "thay đổi"),
        code="unwritable"))


def _new_file_mode() -> int:
    """0666 minus the umask, as open() gives a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def remove_stale_temporaries(directory: Path) -> None:
    """Delete temporary files a killed run left behind in *directory*."""
    if not directory.is_dir():
        return
    for leftover in directory.glob(f".*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()


def zip_package(parts: Mapping[str, bytes], *, content_types_first: bool = True) -> bytes:
    """Zip *parts* reproducibly: their order (``[Content_Types].xml`` first), fixed times.

    Every .docx and .xlsx lsdocs writes is zipped here, so the same parts
    always give the same bytes.
    """
    names = list(parts)
    if content_types_first:
        names.sort(key=lambda n: n != _FIRST_PART)  # stable: keeps the other parts' order
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            archive.writestr(info, parts[name], compresslevel=6)
    return buffer.getvalue()
