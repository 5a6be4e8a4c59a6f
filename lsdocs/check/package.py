"""Open a .docx safely: zip, relationships, XML parts.

Anything that stops the file from being read (empty, not a zip, an OLE2
container such as an encrypted Word file or an old .doc, a truncated or
damaged zip, no main document, broken XML) becomes a
:class:`~lsdocs.errors.DocumentReadError` with a Vietnamese and an English
message, never a traceback.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from lsdocs.check._xml import PKG_REL_NS, Element, parse, w
from lsdocs.errors import DocumentReadError, Location, Problem, T, Text
from lsdocs.limits import Refused, check_zip, refuse_dtd

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OFFICE_DOCUMENT = "/officeDocument"
CONTENT_TYPES = "[Content_Types].xml"


def read_error(name: str, message: Text) -> DocumentReadError:
    """The error raised for an unreadable file, located at the file."""
    return DocumentReadError(Problem(Location(file=name), message, code="READ"))


@dataclass
class Package:
    """The parts of a .docx that the checker reads, parsed lazily."""

    name: str
    zip: zipfile.ZipFile
    main: str
    _xml: dict[str, Element | None] = field(default_factory=dict)
    _rels: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> Package:
        _refuse_non_zip(data, name)
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            check_zip(archive)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
            raise read_error(name, T("Tệp .docx bị hỏng: không đọc được cấu trúc ZIP ({e})",
                                     e=exc)) from exc
        except Refused as exc:
            raise refused_error(name, exc) from exc
        package = cls(name=name, zip=archive, main="")
        package.main = package._find_main()
        root = package.xml(package.main)
        if root is None or root.tag != w("document"):
            raise read_error(name, T("Tệp không phải văn bản Word: phần chính không phải "
                                     "w:document"))
        return package

    def has(self, part: str) -> bool:
        try:
            self.zip.getinfo(part)
        except KeyError:
            return False
        return True

    def read(self, part: str) -> bytes:
        """Raw bytes of a part (DocumentReadError if damaged or too large)."""
        try:
            return self.zip.read(part)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
                RuntimeError) as exc:
            raise read_error(self.name, T("Tệp .docx bị hỏng: không giải nén được {p} ({e})",
                                          p=part, e=exc)) from exc

    def xml(self, part: str) -> Element | None:
        """Parsed XML of *part*, or None when the package has no such part."""
        if part not in self._xml:
            self._xml[part] = self._parse(part) if self.has(part) else None
        return self._xml[part]

    def _parse(self, part: str) -> Element:
        return self.parse_part(part, self.read(part))

    def parse_part(self, part: str, data: bytes) -> Element:
        """*data*, the bytes of *part*, parsed into a tree of its own (not kept): a DTD is
        refused, broken XML reported, as for every part."""
        try:
            if _may_hold_dtd(data):
                refuse_dtd(data, part)
            root = parse(data)
            if root.getroottree().docinfo.doctype:
                refuse_dtd(b"<!DOCTYPE", part)
            return root
        except Refused as exc:
            raise refused_error(self.name, exc) from exc
        except etree.XMLSyntaxError as exc:
            raise read_error(self.name, T("Tệp .docx bị hỏng: phần {p} không phải XML hợp lệ "
                                          "({e})", p=part, e=exc)) from exc

    def rels(self, part: str) -> dict[str, str]:
        """Relationship id → target part name for *part* (external targets left out)."""
        if part not in self._rels:
            self._rels[part] = self._read_rels(part)
        return self._rels[part]

    def rel_types(self, part: str) -> dict[str, str]:
        """Relationship type suffix (``/styles``) → target part name."""
        root = self.xml(rels_name(part))
        found: dict[str, str] = {}
        for rel in [] if root is None else root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            if rel.get("TargetMode") != "External":
                found.setdefault("/" + kind, _resolve(part, rel.get("Target") or ""))
        return found

    def _read_rels(self, part: str) -> dict[str, str]:
        root = self.xml(rels_name(part))
        found: dict[str, str] = {}
        for rel in [] if root is None else root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") != "External":
                found[rel.get("Id") or ""] = _resolve(part, rel.get("Target") or "")
        return found

    def _find_main(self) -> str:
        main = self.rel_types("").get(OFFICE_DOCUMENT, "word/document.xml")
        if not self.has(main):
            raise read_error(self.name, T("Tệp ZIP không chứa văn bản Word (thiếu {p})",
                                          p=main))
        return main


def _may_hold_dtd(data: bytes) -> bool:
    """*data* holds what every DTD mark starts with (``<!``, or ``<!`` in UTF-16).  The
    lone "!" is looked for first: "<" is everywhere in XML, so searching for "<!" costs
    far more than the rare "!" (about 0.4 ms on an eleven-page plan's document part)."""
    return b"!" in data and (b"<!" in data or b"<\x00!" in data)


def _refuse_non_zip(data: bytes, name: str) -> None:
    if not data:
        raise read_error(name, T("Tệp rỗng (0 byte), không phải văn bản Word"))
    if data.startswith(OLE2_MAGIC):
        raise read_error(name, T(
            "Tệp là vỏ OLE2: văn bản Word đã đặt mật khẩu (mã hóa) hoặc tệp .doc cũ; "
            "hãy bỏ mật khẩu hoặc lưu lại thành .docx"))
    if not data.startswith(b"PK"):
        raise read_error(name, T("Tệp không phải văn bản .docx (không phải tệp ZIP)"))


def refused_error(name: str, exc: Refused) -> DocumentReadError:
    """The error for a package refused by a limit of :mod:`lsdocs.limits`."""
    return read_error(name, T("Tệp .docx bị từ chối: {why}",
                              why=exc.message))


def rels_name(part: str) -> str:
    """The relationships part of *part* (``""`` is the package itself)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
