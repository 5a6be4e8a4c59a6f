"""Keep compiled templates, so the next command on an unchanged template skips compiling it.

Every ``lsdocs build``, ``letter``, ``batch`` or ``report`` compiles its
templates: docxtpl's tag patching of each part (with the import of docxtpl
and python-docx it needs) and Jinja's compilation of the patched text to
Python code, about 70 ms for a letter template, paid again by every command an
office script runs.  This module keeps both results in the lsdocs cache folder
(:func:`lsdocs.clean_cache.cache_dir`), next to the loaded content:

* the patched text of a template part, keyed by the template's name and part,
  the lsdocs code (:func:`lsdocs.clean_cache.stamped_files`) and docxtpl's
  files, and used only for the same bytes (their SHA-256 is stored with it);
* the Jinja code of that text, through Jinja's own bytecode cache
  (:class:`BytecodeCache`): keyed by the template's name, the lsdocs code and
  Jinja's version, and checked against the text's checksum by Jinja itself.

One entry per template part, replaced when the template changes, so editing a
template does not make the cache grow.

A changed template, a new lsdocs, docxtpl, Jinja or Python gives other keys,
so an entry is never used for anything but what made it.  Entries are only
read from files private to the user (:func:`lsdocs.content_cache.open_own`),
since compiled code is run; a cache that cannot be read or written is simply
not used.  ``LSDOCS_NO_CACHE=1`` turns it off, as for the content.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from lsdocs import clean_cache, content_cache


def patched(name: str, data: bytes, patch: Callable[[str], str]) -> str:
    """The text *patch* makes of the template part *data*, kept from an earlier run if any.

    *name* (template and part) names the entry, which holds the digest of the bytes it
    was made from: a template edited again and again keeps one entry per part, not one
    per version.  *data* must be UTF-8 (``UnicodeDecodeError`` otherwise, as from *patch*).
    """
    if clean_cache.disabled():
        return patch(data.decode("utf-8"))
    entry = _folder() / _key("parts", _stamp(), _docxtpl_stamp(), name.encode())
    digest = hashlib.sha256(data).hexdigest().encode() + b"\n"
    try:
        with content_cache.open_own(entry) as handle:
            if handle.readline() == digest:
                return handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    text = patch(data.decode("utf-8"))
    encoded = text.encode("utf-8")
    content_cache.write_private(entry, lambda out: out.write(digest + encoded))
    return text


class CompiledCode(BytecodeCache):
    """Jinja's bytecode cache in the lsdocs cache folder, private entries, keyed by lsdocs' code.

    Jinja asks it for the code of a template (:meth:`load_bytecode`), checks the
    stored code belongs to the same text, and stores new code (:meth:`dump_bytecode`).
    """

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return _key("code", _stamp(), jinja2.__version__.encode(), name.encode())

    def load_bytecode(self, bucket: Bucket) -> None:
        if clean_cache.disabled():
            return
        try:
            with content_cache.open_own(_folder() / bucket.key) as handle:
                bucket.load_bytecode(handle)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # damaged: compiled again, and stored anew

    def dump_bytecode(self, bucket: Bucket) -> None:
        if not clean_cache.disabled():
            content_cache.write_private(_folder() / bucket.key, bucket.write_bytecode)


def _key(kind: str, *keys: bytes) -> str:
    """The entry's file name: *kind* and a digest of *keys* (each length-prefixed)."""
    h = hashlib.sha256(kind.encode())
    for key in keys:
        h.update(len(key).to_bytes(8, "big"))
        h.update(key)
    return f"{kind}-{h.hexdigest()[:40]}.bin"


def _folder() -> Path:
    return clean_cache.cache_dir() / "templates"


def _stamp() -> bytes:
    return clean_cache.code_stamp().encode()


@functools.lru_cache(maxsize=1)
def _docxtpl_stamp() -> bytes:
    """docxtpl's installed files (size and time), found without importing docxtpl."""
    spec = importlib.util.find_spec("docxtpl")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        return b"-"
    parts = []
    for folder in spec.submodule_search_locations:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode("utf-8", "surrogatepass")
