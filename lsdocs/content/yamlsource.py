"""Read a YAML content file into a tree of :class:`Node` that knows its lines.

Two readers build the same tree.  A clean file (the usual case) is read by
:mod:`lsdocs.content.fastyaml`: libyaml's C parser, scalars resolved by YAML 1.2
rules.  Any file that fast path does not take (one with a problem to report, or
with a form it leaves alone: anchors, tags, ``010``…) is *composed* with
ruamel.yaml's round-trip parser rather than loaded: the node graph carries a
start mark for every key, value and list item, and it keeps duplicate keys
instead of stopping at the first one, so every duplicate is reported in the
same pass.  Scalars are then built with ruamel.yaml's own constructor (YAML
1.2: ``yes`` is text, ``182`` an integer).  ruamel.yaml is imported only then.

Nothing here raises for a user mistake: bytes that are not UTF-8, YAML syntax
errors, an empty file, duplicate keys, control characters and text that is
not NFC all come back as :class:`~lsdocs.errors.Problem` (the last one as a
warning, and the text is normalised).  The limits of :mod:`lsdocs.limits`
(file size, values after alias expansion, number of aliases) are checked
before the work they bound, on both paths.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsdocs import limits, readlog
from lsdocs.content import fastyaml
from lsdocs.content._report import Reporter
from lsdocs.content.node import CONTROL, MAX_DEPTH, Node, Pieces, child_path
from lsdocs.errors import T
from lsdocs.limits import Refused, read_regular_file

if TYPE_CHECKING:
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import MappingNode
    from ruamel.yaml.nodes import Node as YamlNode

__all__ = ["Node", "Pieces", "child_path", "read_yaml"]


class _TooBig(Exception):
    """The tree grew beyond a limit while aliases were expanded."""


def read_yaml(path: Path, rep: Reporter, pieces: Pieces | None = None) -> Node | None:
    """Read *path*; report problems to *rep*; return the tree or ``None``.

    ``None`` means there is nothing to validate (missing or unreadable file,
    syntax error, empty file); the reason is already in *rep*.  On the fast
    path the lists *pieces* asks for are handed to it item by item
    (:class:`~lsdocs.content.node.Streamed`); the ruamel.yaml path builds them
    whole, after *pieces* was reset.
    """
    readlog.note(path)
    try:
        return fastyaml.read_file(path, limits.MAX_CONTENT_BYTES, limits.MAX_YAML_NODES,
                                  pieces)
    except fastyaml.Fallback:
        if pieces is not None:
            pieces.reset()
    data = _read_bytes(path, rep)
    if data is None:
        return None
    return _read_with_ruamel(data, rep)


def _read_with_ruamel(data: bytes, rep: Reporter) -> Node | None:
    """The comment-keeping reader: slower, and the one that words every problem."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    text = _decode(data, rep)
    if text is None:
        return None
    try:
        graph = YAML(typ="rt").compose(text)
    except YAMLError as e:
        _report_syntax(e, rep, text)
        return None
    except RecursionError:
        rep.error(None, None, T("cấu trúc lồng quá sâu"), code="too-deep")
        return None
    if graph is None:
        rep.error(None, None, T("tệp rỗng, không có nội dung"),
                  code="empty-file")
        return None
    try:
        return _Builder(rep).build(graph, "", None, 0)
    except _TooBig:
        return None


def _read_bytes(path: Path, rep: Reporter) -> bytes | None:
    try:
        return read_regular_file(path, limits.MAX_CONTENT_BYTES)
    except Refused as e:
        rep.error(None, None, e.message, code=e.code)
        return None
    except FileNotFoundError:
        rep.error(None, None, T("không tìm thấy tệp"), code="missing-file")
        return None
    except (OSError, ValueError) as e:  # ValueError: a NUL byte in the path
        rep.error(None, None, T("không đọc được tệp"),
                  found=getattr(e, "strerror", None) or str(e), code="unreadable-file")
        return None


def _decode(data: bytes, rep: Reporter) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        rep.error(None, None, T("tệp không phải văn bản UTF-8"),
                  found=f"byte {e.start}",
                  hint=T("lưu tệp dạng YAML, mã UTF-8"),
                  code="not-utf8")
        return None


def _report_syntax(e: YAMLError, rep: Reporter, text: str) -> None:
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    line = None
    detail = str(e).splitlines()[0] if str(e) else type(e).__name__
    if isinstance(e, ReaderError):
        _report_control(rep, text.count("\n", 0, max(e.position, 0)) + 1, None, chr(e.character))
        return
    if isinstance(e, MarkedYAMLError):
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = e.problem or e.context or detail
    rep.error(line, None, T("lỗi cú pháp YAML"), found=detail,
              hint=T("kiểm tra thụt lề, dấu hai chấm và dấu nháy"),
              code="yaml-syntax")


class _Builder:
    """Turns the composed node graph into :class:`Node`, reporting as it goes."""

    def __init__(self, rep: Reporter):
        from ruamel.yaml import YAML

        self.rep = rep
        self.constructor = YAML(typ="rt").constructor
        self.built = 0
        self.seen: set[int] = set()
        self.aliases = 0

    def build(self, node: YamlNode, path: str, key_line: int | None, depth: int) -> Node:
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        line = node.start_mark.line + 1
        self._count(node, line)
        if depth > MAX_DEPTH:
            self.rep.error(line, path, T("cấu trúc lồng quá sâu (có thể là bí danh vòng)"),
                           code="too-deep")
            return Node(None, line, path, key_line)
        if isinstance(node, MappingNode):
            return self._mapping(node, path, key_line, depth)
        if isinstance(node, SequenceNode):
            items = [self.build(item, child_path(path, i), None, depth + 1)
                     for i, item in enumerate(node.value)]
            return Node(items, line, path, key_line)
        return Node(self._scalar(node, path), line, path, key_line)

    def _count(self, node: YamlNode, line: int) -> None:
        """Stop before aliases expand the tree beyond the limits (an "alias bomb")."""
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        self.built += 1
        if id(node) in self.seen and isinstance(node, (MappingNode, SequenceNode)):
            self.aliases += 1
        self.seen.add(id(node))
        if self.built > limits.MAX_YAML_NODES or self.aliases > limits.MAX_YAML_ALIASES:
            self.rep.error(line, None, T(
                "tệp có quá nhiều giá trị khi mở rộng bí danh YAML (giới hạn {n} giá trị, {a} "
                "lần dùng bí danh); có thể là «bom bí danh»",
                n=limits.MAX_YAML_NODES, a=limits.MAX_YAML_ALIASES), code="yaml-limit")
            raise _TooBig

    def _mapping(self, node: MappingNode, path: str, key_line: int | None, depth: int) -> Node:
        entries: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key_at = key_node.start_mark.line + 1
            key = self._key(key_node, path)
            if key is None:
                continue
            if key in entries:
                self._duplicate(key, key_at, path, entries[key])
                continue
            entries[key] = self.build(value_node, child_path(path, key), key_at, depth + 1)
        return Node(entries, node.start_mark.line + 1, path, key_line)

    def _key(self, key_node: YamlNode, path: str) -> str | None:
        from ruamel.yaml.nodes import ScalarNode

        if not isinstance(key_node, ScalarNode):
            self.rep.error(key_node.start_mark.line + 1, path,
                           T("khóa phải là một từ, không phải danh sách hay bảng"),
                           code="bad-key")
            return None
        return self._nfc(str(key_node.value), key_node.start_mark.line + 1, path)

    def _duplicate(self, key: str, line: int, path: str, first: Node) -> None:
        self.rep.error(line, child_path(path, key),
                       T("khóa bị lặp (đã có ở dòng {n})", n=first.anchor_line),
                       found=key, hint=T("xóa hoặc đổi tên một trong hai"),
                       code="duplicate-key")

    def _scalar(self, node: YamlNode, path: str) -> Any:
        from ruamel.yaml.error import YAMLError

        try:
            value = self.constructor.construct_object(node, deep=True)
        except (YAMLError, ValueError, TypeError):
            value = str(node.value)  # e.g. an impossible ISO date: let the schema say so
        return self._plain(value, node.start_mark.line + 1, path)

    def _plain(self, value: Any, line: int, path: str) -> Any:
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return float(value)
        if isinstance(value, dt.datetime):
            return value.date() if not value.time() else str(value)
        if isinstance(value, dt.date):
            return dt.date(value.year, value.month, value.day)
        return self._nfc(str(value), line, path)

    def _nfc(self, text: str, line: int, path: str) -> str:
        bad = CONTROL.search(text)
        if bad:
            _report_control(self.rep, line, path, bad.group())
        if unicodedata.is_normalized("NFC", text):
            return text
        self.rep.warning(line, path,
                         T("chữ không ở dạng dựng sẵn (NFC), đã tự chuẩn hóa"),
                         found=text,
                         hint=T("gõ bằng bảng mã Unicode dựng sẵn"),
                         code="not-nfc")
        return unicodedata.normalize("NFC", text)


def _report_control(rep: Reporter, line: int, path: str | None, char: str) -> None:
    code = f"U+{ord(char):04X}"
    rep.error(line, path, T(
        "có ký tự điều khiển {code}, không in được và không ghi được vào văn bản Word",
        code=code),
        hint=T("xóa ký tự này (thường do chép từ phần mềm khác hoặc gõ \\x01, \\0 trong "
               "dấu nháy kép)"),
        code="control-character")
