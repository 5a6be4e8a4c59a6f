"""Writing files so that an interrupted run never leaves half a document.

Every file goes to a temporary name in the target directory and is renamed
over the target only when complete (``os.replace`` is atomic on POSIX and
Windows).  A crash, a kill or a full disk leaves either the old file or the
new one, plus at most a hidden ``.*.tmp`` file that the next run removes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TMP_SUFFIX = ".tmp"


def write_atomic(path: Path, data: bytes) -> bool:
    """Write *data* to *path* atomically; return False if it was already identical.

    Leaving an identical file untouched keeps its mtime, so a rerun rewrites
    only what changed.
    """
    path = path.resolve() if path.is_symlink() else path  # replace the target, keep the link
    path.parent.mkdir(parents=True, exist_ok=True)
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
            leftover.unlink()
