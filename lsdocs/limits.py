"""Limits on what lsdocs reads and renders, each checked *before* the work it bounds.

Content, templates, checked documents and imported tables may come from
anyone (a mail attachment, a colleague's USB stick).  A hostile or broken file
must end in a clear error naming the limit, never in a hang, a memory blow-up
or a traceback.  Every limit is here, as one table the README repeats:

* files: a content (YAML) file at most :data:`MAX_CONTENT_BYTES`; a checked
  .docx, a template or an imported table at most :data:`MAX_PACKAGE_BYTES`;
  only regular files are read (a FIFO or ``/dev/zero`` would never end);
* YAML: at most :data:`MAX_YAML_NODES` values once aliases are expanded and
  :data:`MAX_YAML_ALIASES` aliases (an "alias bomb" is refused, not expanded);
* zip packages (.docx, .xlsx): at most :data:`MAX_ZIP_ENTRIES` entries,
  :data:`MAX_ZIP_TOTAL` bytes unpacked in all, :data:`MAX_PART_BYTES` per part
  (:data:`MAX_XML_PART_BYTES` per XML part, which is parsed and walked),
  and an expansion ratio of :data:`MAX_RATIO` for parts over 1 MB (zip bombs);
  entry names that climb out of the package (``../``, ``/etc``) are refused;
  XML with a DTD or entity declarations is refused (Word never writes one);
* tables: at most :data:`MAX_TABLE_ROWS` rows, :data:`MAX_TABLE_CELLS` cells
  and :data:`MAX_TABLE_COLUMNS` columns holding data (a stray cell far down
  the sheet is named), at most :data:`MAX_TABLE_BYTES` per file;
* templates: :data:`MAX_TEMPLATE_PART_BYTES` per part that holds template
  tags (body, headers, footers), :data:`MAX_LOOP_ITERATIONS` loop iterations,
  :data:`MAX_TEXT_CHARS` characters per computed value,
  :data:`MAX_OUTPUT_CHARS` characters of output per part and
  :data:`MAX_RENDER_SECONDS` seconds per part (see :mod:`lsdocs.render.environment`).

The functions raise :class:`Refused`, which carries a bilingual message; each
reader turns it into its own located error (a content problem with a line, a
:class:`~lsdocs.errors.DocumentReadError`, a table or template error).
"""

from __future__ import annotations

import os
import posixpath
import stat
import zipfile
from typing import TYPE_CHECKING

from lsdocs.errors import T, Text

if TYPE_CHECKING:
    from lxml import etree

MB = 1024 * 1024
MAX_CONTENT_BYTES = 2 * MB
MAX_YAML_NODES = 100_000
MAX_YAML_ALIASES = 2_000
MAX_PACKAGE_BYTES = 100 * MB
MAX_TABLE_BYTES = 20 * MB
MAX_ZIP_ENTRIES = 5_000
MAX_ZIP_TOTAL = 400 * MB
MAX_PART_BYTES = 64 * MB
MAX_XML_PART_BYTES = 8 * MB  # XML is parsed and walked: bounds the time a check takes
MAX_RATIO = 200
RATIO_FLOOR = 1 * MB  # small parts may compress as well as they like
MAX_TABLE_ROWS = 5_000
MAX_TABLE_COLUMNS = 100
MAX_TABLE_CELLS = 200_000
MAX_TEMPLATE_PART_BYTES = 4 * MB
MAX_LOOP_ITERATIONS = 200_000
MAX_TEXT_CHARS = 2_000_000
MAX_OUTPUT_CHARS = 60_000_000
MAX_RENDER_SECONDS = 60.0

_SAFE_PARSER: list[etree.XMLParser] = []


def __getattr__(name: str) -> etree.XMLParser:
    """``SAFE_PARSER``: lsdocs parses XML with this parser only (no entities, DTD, network).

    Made on first use, so that reading content does not import lxml.
    """
    if name != "SAFE_PARSER":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if not _SAFE_PARSER:
        from lxml import etree

        _SAFE_PARSER.append(etree.XMLParser(resolve_entities=False, no_network=True,
                                            load_dtd=False))
    return _SAFE_PARSER[0]

_DTD_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


class Refused(Exception):
    """Input refused by a limit; *message* says which, in both languages."""

    def __init__(self, message: Text, code: str = "limit"):
        super().__init__(message.en)
        self.message = message
        self.code = code


def size_text(n: int) -> str:
    """``5 MB``, ``300 KB``: how the limits are shown in messages."""
    return f"{n // MB} MB" if n >= MB else f"{max(n // 1024, 1)} KB"


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of *path*, refusing what is not a regular file or is larger than *limit*.

    Raises ``OSError`` (missing file, no permission) as ``open`` does, and
    :class:`Refused` for a device, FIFO, socket or folder and for a file over
    the limit, before reading anything.
    """
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise Refused(T("đây là một thư mục, không phải tệp"),
                      "not-a-file")
    if not stat.S_ISREG(info.st_mode):
        raise Refused(T("không phải tệp thường (thiết bị, FIFO hay socket); lsdocs chỉ đọc tệp"),
                      "not-a-file")
    if info.st_size > limit:
        raise Refused(too_large(info.st_size, limit), "too-large")
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # grew while we looked
        raise Refused(too_large(len(data), limit), "too-large")
    return data


def too_large(size: int, limit: int) -> Text:
    return T("tệp quá lớn ({s}; giới hạn {m})", s=size_text(size), m=size_text(limit))


def check_zip(archive: zipfile.ZipFile) -> None:
    """Refuse a zip package whose entries lie or would unpack beyond the limits."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise Refused(T("gói ZIP có quá nhiều phần ({n}; giới hạn {m})",
                        n=len(entries), m=MAX_ZIP_ENTRIES), "zip-entries")
    total = 0
    for info in entries:
        check_entry_name(info.filename)
        total += info.file_size
        if is_xml_name(info.filename) and info.file_size > MAX_XML_PART_BYTES:
            raise Refused(T("phần XML {p} quá lớn ({s}; giới hạn {m} mỗi phần XML)",
                            p=info.filename, s=size_text(info.file_size),
                            m=size_text(MAX_XML_PART_BYTES)), "xml-too-large")
        if info.file_size > MAX_PART_BYTES:
            raise Refused(T("phần {p} giải nén ra quá lớn ({s}; giới hạn {m} mỗi phần)",
                            p=info.filename, s=size_text(info.file_size),
                            m=size_text(MAX_PART_BYTES)), "zip-bomb")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise Refused(T("phần {p} nén bất thường (tỷ lệ {r}:1; giới hạn {m}:1), có thể là "
                            "«bom ZIP»", p=info.filename, r=int(ratio), m=MAX_RATIO), "zip-bomb")
    if total > MAX_ZIP_TOTAL:
        raise Refused(T("gói ZIP giải nén ra quá lớn ({s}; giới hạn {m})",
                        s=size_text(total), m=size_text(MAX_ZIP_TOTAL)), "zip-bomb")


def check_entry_name(name: str) -> None:
    """Refuse entry names that would land outside the folder they are unpacked in."""
    normal = posixpath.normpath(name.replace("\\", "/")) if name else ""
    if (not name or name.startswith(("/", "\\")) or "\\" in name or "\0" in name
            or normal == ".." or normal.startswith("../") or (len(name) > 1 and name[1] == ":")
            or ".." in name.split("/")):
        raise Refused(T("gói ZIP có tên phần không hợp lệ (đường dẫn tuyệt đối hoặc «..»): {p}",
                        p=repr(name)), "zip-slip")


def refuse_dtd(data: bytes, part: str) -> None:
    """Refuse an XML part that declares a DTD or entities (billion laughs, XXE)."""
    if any(mark in data for mark in _DTD_MARKS):
        raise Refused(T("phần {p} có khai báo DTD/thực thể XML (<!DOCTYPE>, <!ENTITY>); tệp Word "
                        "và Excel không bao giờ có, lsdocs từ chối để an toàn",
                        p=part), "xml-dtd")


def read_zip_parts(archive: zipfile.ZipFile, *, xml_only: bool = False) -> dict[str, bytes]:
    """Every entry of a checked package (see :func:`check_zip`), DTDs refused in XML parts."""
    check_zip(archive)
    parts: dict[str, bytes] = {}
    for info in archive.infolist():
        if info.is_dir():
            continue
        if xml_only and not is_xml_name(info.filename):
            continue
        data = archive.read(info)
        if is_xml_name(info.filename):
            refuse_dtd(data, info.filename)
        parts[info.filename] = data
    return parts


def is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))

