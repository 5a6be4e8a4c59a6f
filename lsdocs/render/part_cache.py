"""Zip a template's parts again and again, deflating only the parts that change.

A letter differs from its template in one or two parts (``word/document.xml``,
``docProps/core.xml``); the styles, settings, relationships and fonts are the
same in every letter.  :class:`PartCache` deflates each unchanged part once,
keeps its compressed bytes and its CRC, and per document deflates only what
was rendered.  The bytes are exactly those :func:`lsdocs.render.output.zip_package`
writes with :mod:`zipfile` for the same parts (same order, fixed timestamps,
permissions and compression level), so switching between the two never
changes a generated file; ``tests/render/test_part_cache.py`` holds them equal.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping

from lsdocs.render.output import ZIP_EPOCH, zip_package

_LEVEL = 6  # zip_package's compresslevel
_VERSION = 20  # "version needed to extract" for deflate, as zipfile writes it
_DEFLATED = 8
_UTF8_NAME = 1 << 11
_EXTERNAL_ATTR = 0o600 << 16
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_DATE = (ZIP_EPOCH[0] - 1980) << 9 | ZIP_EPOCH[1] << 5 | ZIP_EPOCH[2]
_DOS_TIME = ZIP_EPOCH[3] << 11 | ZIP_EPOCH[4] << 5 | ZIP_EPOCH[5] // 2
#: Parts at least this large go through zipfile (which would need ZIP64 for them).
_LARGE = 0x7FFFFFFF // 2
_FIRST_PART = "[Content_Types].xml"


class _Entry:
    """One part, deflated: what its local header and central record need."""

    __slots__ = ("name", "flags", "crc", "size", "compressed")

    def __init__(self, name: str, data: bytes):
        try:
            self.name, self.flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            self.name, self.flags = name.encode("utf-8"), _UTF8_NAME
        self.crc = zlib.crc32(data)
        self.size = len(data)
        self.compressed = deflate(data)


def deflate(data: bytes) -> bytes:
    """Raw deflate at zip_package's level, as zipfile does it."""
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


class PartCache:
    """The parts of one package, the unchanged ones deflated once."""

    def __init__(self, parts: Mapping[str, bytes]):
        names = sorted(parts, key=lambda n: n != _FIRST_PART)  # stable, as zip_package
        self._parts = {name: parts[name] for name in names}
        self._cache: dict[str, _Entry] = {}
        #: per part, the last rendered bytes and their entry: a header or a core.xml
        #: that comes out the same for every letter is deflated once
        self._last: dict[str, tuple[bytes, _Entry]] = {}

    def build(self, changed: Mapping[str, bytes]) -> bytes:
        """The package with *changed* parts replacing (or added after) the template's."""
        if any(len(data) >= _LARGE for data in changed.values()):
            return zip_package({**self._parts, **changed})
        entries = [self._entry(name, data, changed) for name, data in self._parts.items()]
        entries += [self._rendered(name, data) for name, data in changed.items()
                    if name not in self._parts]
        return _assemble(entries)

    def _entry(self, name: str, data: bytes, changed: Mapping[str, bytes]) -> _Entry:
        new = changed.get(name)
        if new is not None:
            return self._rendered(name, new)
        entry = self._cache.get(name)
        if entry is None:
            entry = self._cache[name] = _Entry(name, data)
        return entry


    def _rendered(self, name: str, data: bytes) -> _Entry:
        last = self._last.get(name)
        if last is not None and last[0] == data:
            return last[1]
        entry = _Entry(name, data)
        self._last[name] = (data, entry)
        return entry


def _assemble(entries: list[_Entry]) -> bytes:
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for e in entries:
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, e.flags, _DEFLATED, _DOS_TIME,
                            _DOS_DATE, e.crc, len(e.compressed), e.size, len(e.name), 0)
        central.append(_CENTRAL.pack(
            b"PK\x01\x02", _VERSION, 0, _VERSION, 0, e.flags, _DEFLATED, _DOS_TIME,
            _DOS_DATE, e.crc, len(e.compressed), e.size, len(e.name), 0, 0, 0, 0,
            _EXTERNAL_ATTR, offset) + e.name)
        chunks += (local, e.name, e.compressed)
        offset += len(local) + len(e.name) + len(e.compressed)
    directory = b"".join(central)
    chunks += (directory, _END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries),
                                    len(directory), offset, 0))
    return b"".join(chunks)
