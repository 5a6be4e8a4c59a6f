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
import io
import os
import stat
import tempfile
import zipfile
from collections.abc import Mapping
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
        return _write(given, data)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise cannot_write(given, exc) from exc


def _write(given: Path, data: bytes) -> bool:
    path = Path(os.path.realpath(given)) if given.is_symlink() else given  # keep the link
    _refuse_special(given, path)
    ensure_directory(path.parent)
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    mode = _mode_for(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return True


def _refuse_special(given: Path, path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return  # a new file; ensure_directory() judges its folder
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


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets 0666 minus the umask, as open() does."""
    if path.is_file():
        return path.stat().st_mode & 0o7777
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
