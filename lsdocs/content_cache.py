"""Keep loaded content, so the next command on unchanged files skips reading and checking it.

An office script runs ``lsdocs batch``, ``letter`` or ``report`` many times on
the same content; reading and checking a plan of 1,000 agencies takes about
half a second, unpickling the model it gave takes a twentieth of that.  After
a plan loads without an error, lsdocs stores the model (warnings included) in
one file per plan path, with the list of files it read and folders it listed.
The next load recomputes the digest :mod:`lsdocs.clean_cache` uses (every
file's SHA-256, every folder's entries, today's date, the lsdocs version and
modules, the Python version, the content limits) and uses the stored model
only when the digest is the stored one.  Content with an error is never kept:
its messages are always worked out afresh.  Content whose files exceed
:data:`MAX_KEPT_BYTES` (8 MB, about 5,000 agencies) is not kept either: unpickling
a model that large needs more memory than reading it piece by piece.

The entry is a pickle, so it is only read from a file that belongs to the
user running lsdocs and that nobody else may write to, in a folder likewise;
lsdocs writes entries with mode 0600 in a folder of mode 0700.  A cache that
cannot be used (unreadable, foreign, damaged, from another version) is
ignored, never an error.  ``LSDOCS_NO_CACHE=1`` turns it off (as for
``validate``); the folder is :func:`lsdocs.clean_cache.cache_dir`.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

from lsdocs import clean_cache, readlog

_FORMAT = 1
#: Content whose files are larger than this is not kept: unpickling its model needs more
#: memory than reading it piece by piece does, and reading is a small part of its batch.
MAX_KEPT_BYTES = 8 << 20
_SEPARATOR = b"\n"
_T = TypeVar("_T")


def recall(path: str | os.PathLike[str], kind: type[_T]) -> _T | None:
    """The model stored for *path* if nothing it depends on changed, else None.

    The files it was read from are noted in the current :mod:`lsdocs.readlog`
    recording, as if they had been read again.
    """
    if clean_cache.disabled():
        return None
    entry = _entry_file(path)
    try:
        with open_own(entry) as handle:
            header = json.loads(handle.readline())
            seen = header["paths"]
            if header.get("format") != _FORMAT or not isinstance(seen, list):
                return None
            if header["digest"] != clean_cache.digest(path, seen):
                return None
            loaded = pickle.load(handle)  # read as it is unpickled: never whole in memory
    except (OSError, ValueError, KeyError, TypeError, EOFError, AttributeError,
            ImportError, IndexError, pickle.UnpicklingError):
        return None
    if not isinstance(loaded, kind):
        return None
    for item in seen:
        readlog.note(item)
    return loaded


def remember(path: str | os.PathLike[str], seen: Iterable[str], model: object) -> None:
    """Store *model*, loaded from *path* after reading the files and folders in *seen*."""
    if clean_cache.disabled():
        return
    paths = set(seen)
    if os.path.isdir(path):
        paths.add(os.path.abspath(path))  # the plan was chosen from this folder's files
    listed = sorted(paths)
    if sum(os.path.getsize(p) for p in listed if os.path.isfile(p)) > MAX_KEPT_BYTES:
        return
    header = {"format": _FORMAT, "path": os.path.abspath(path), "paths": listed,
              "digest": clean_cache.digest(path, listed)}
    head = json.dumps(header, ensure_ascii=False).encode("utf-8") + _SEPARATOR

    def write(out: BinaryIO) -> None:
        out.write(head)
        pickle.dump(model, out, protocol=pickle.HIGHEST_PROTOCOL)  # never whole in memory

    write_private(_entry_file(path), write)


def _entry_file(path: str | os.PathLike[str]) -> Path:
    key = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogatepass")).hexdigest()
    return clean_cache.cache_dir() / "content" / f"{key[:32]}.pickle"


def open_own(entry: Path) -> BinaryIO:
    """*entry* opened for reading, when it and its folder are the user's and only the user's.

    Entries hold pickles or compiled code: a file someone else could write is never read.
    """
    handle = open(entry, "rb")  # noqa: SIM115 - returned to the caller's with block
    try:
        _require_private(os.fstat(handle.fileno()))
        _require_private(os.stat(entry.parent))
    except BaseException:
        handle.close()
        raise
    return handle


def _require_private(st: os.stat_result) -> None:
    if os.name != "posix":  # pragma: no cover - Windows: the profile folder is private
        return
    if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise PermissionError("cache entry not private to this user")


def write_private(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """A cache entry *write* fills, made private (0600 in a 0700 folder) and put in place whole.

    A cache that cannot be written (full, read-only, or a value *write* cannot store)
    is simply not written: never an error.
    """
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
        try:
            with os.fdopen(fd, "wb") as out:
                write(out)
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
    except (OSError, pickle.PicklingError, TypeError, ValueError, AttributeError,
            RecursionError):
        return
