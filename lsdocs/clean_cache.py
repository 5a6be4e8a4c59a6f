"""Remember content that was found clean, so an unchanged ``lsdocs validate`` is instant.

Office scripts run ``lsdocs validate`` before every job.  When a validation
finds no problem at all, lsdocs writes a small entry (one JSON file per plan
path) listing every file it read and every folder it listed.  The next
validation of the same path recomputes one digest over:

* each listed file's bytes (SHA-256) or its absence, each folder's entry names;
* today's date (progress checks depend on it);
* the lsdocs version, the Python version and the size and modification time
  of every module of the installed package (a changed rule invalidates), and
  the content limits in force (:mod:`lsdocs.limits`);

and answers "clean" without reading the content only when the digest is the
one stored.  Anything that found a problem is never cached: its messages are
always worked out afresh.  The cache lives in ``$LSDOCS_CACHE_DIR``, else
``$XDG_CACHE_HOME/lsdocs``, else ``~/.cache/lsdocs``; a cache that cannot be
read or written is simply not used.  ``--no-cache`` (or ``LSDOCS_NO_CACHE=1``)
skips it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_FORMAT = 1


def cache_dir() -> Path:
    """Where entries are kept (see the module text)."""
    explicit = os.environ.get("LSDOCS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lsdocs"


def disabled() -> bool:
    """``LSDOCS_NO_CACHE`` set to anything but empty or ``0``."""
    return os.environ.get("LSDOCS_NO_CACHE", "") not in ("", "0")


def is_known_clean(path: str | os.PathLike[str], today: dt.date | None = None) -> bool:
    """Whether *path* was validated clean and nothing it depends on changed since."""
    try:
        entry = json.loads(_entry_file(path).read_text(encoding="utf-8"))
        seen = entry["paths"]
        if entry.get("format") != _FORMAT or not isinstance(seen, list):
            return False
        return bool(entry["digest"] == digest(path, seen, today))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def remember_clean(path: str | os.PathLike[str], seen: Iterable[str],
                   today: dt.date | None = None) -> None:
    """Store that *path* is clean given the files and folders in *seen*."""
    paths = sorted(set(seen))
    entry = {"format": _FORMAT, "path": os.path.abspath(path), "paths": paths,
             "digest": digest(path, paths, today)}
    target = _entry_file(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(entry, out, ensure_ascii=False)
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return  # a read-only or full cache folder: validate still works, uncached


def _entry_file(path: str | os.PathLike[str]) -> Path:
    key = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir() / "validate" / f"{key[:32]}.json"


def digest(path: str | os.PathLike[str], seen: list[str], today: dt.date | None = None) -> str:
    """One digest of what a result for *path* depends on (see the module text)."""
    h = hashlib.sha256()
    day = today or dt.date.today()
    for part in (str(_FORMAT), day.isoformat(), code_stamp(), _limits_stamp()):
        h.update(part.encode() + b"\0")
    for item in [os.path.abspath(path), *seen]:
        h.update(item.encode("utf-8", "surrogatepass") + b"\0")
        h.update(_fingerprint(item))
    return h.hexdigest()


def _fingerprint(path: str) -> bytes:
    """A file's bytes digest, a folder's entry names, or a mark for nothing there."""
    try:
        if os.path.isdir(path):
            return ("d:" + "\0".join(sorted(os.listdir(path)))).encode(
                "utf-8", "surrogatepass")
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):  # a 16 MB plan is never held whole
                h.update(block)
        return b"f:" + h.digest()
    except OSError:
        return b"-"


def _limits_stamp() -> str:
    """The content limits in force (a script or test may change them)."""
    from lsdocs import limits

    return repr(sorted((k, v) for k, v in vars(limits).items()
                       if k.isupper() and isinstance(v, (int, float, str))))


@functools.lru_cache(maxsize=1)  # a process checks the cache and then stores in it: walk once
def code_stamp() -> str:
    """lsdocs' version and the size and time of each of its modules, and Python's version."""
    from lsdocs import __version__

    parts = [__version__, sys.version]
    for path in stamped_files():
        st = os.stat(path)
        parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def stamped_files() -> list[str]:
    """The files of the lsdocs package whose change invalidates the cache: modules, messages.

    Only the package's own folder is walked (not its parent: a checkout's tests and
    outputs, or every package in site-packages) and not its ``__pycache__`` folders.
    """
    found: list[str] = []
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found.extend(os.path.join(folder, name) for name in sorted(files)
                     if name.endswith((".py", ".mo")))
    return found
