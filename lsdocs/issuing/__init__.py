"""Issuing documents: the outgoing-document register, numbering, PDF and page previews.

>>> store = open_register("/tmp/so-van-ban-di.sqlite")              # doctest: +SKIP
>>> result = issue([Path("giao-nhiem-vu-skhcn.docx")], store,
...                IssueOptions(issued_on=dt.date(2026, 11, 30)))   # doctest: +SKIP
>>> result.issued[0].entry.reference                                # doctest: +SKIP
'01/UBND-KGVX'

Where the register lives: the path given (``--register``), else the
environment variable :data:`REGISTER_ENV`, else :func:`default_register_path`.
Storage is reached only through :class:`RegisterStore`; the SQLite file is the
one implementation shipped.
"""

from __future__ import annotations

import os
from pathlib import Path

from lsdocs.errors import Location, Problem, T, UsageError
from lsdocs.issuing.issue import IssueError, IssueOptions, IssueResult, collect_drafts, issue
from lsdocs.issuing.sqlite_store import open_sqlite
from lsdocs.issuing.storage import Entry, Query, RegisterError, RegisterStore
from lsdocs.names import REGISTER_ENV

__all__ = [
    "REGISTER_ENV",
    "Entry",
    "IssueError",
    "IssueOptions",
    "IssueResult",
    "Query",
    "RegisterError",
    "RegisterStore",
    "collect_drafts",
    "default_register_path",
    "issue",
    "open_register",
    "register_location",
]

REGISTER_FILE = "so-van-ban-di.sqlite"


def default_register_path() -> Path:
    """``$XDG_DATA_HOME/lsdocs/so-van-ban-di.sqlite`` (``~/.local/share/lsdocs/…``)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "lsdocs" / REGISTER_FILE


def register_location(given: str | Path | None = None) -> str:
    """The register to use: *given*, else ``$LSDOCS_REGISTER``, else the default path."""
    return str(given or os.environ.get(REGISTER_ENV) or default_register_path())


def open_register(given: str | Path | None = None) -> RegisterStore:
    """Open the register at :func:`register_location` (created on first use)."""
    location = register_location(given)
    if "://" in location:
        raise UsageError(Problem(Location(file=location), T(
            "lsdocs hiện chỉ có sổ đăng ký dạng tệp SQLite; sổ trên máy chủ cơ sở dữ liệu cần "
            "một lớp lưu trữ mới (xem README, mục Sổ đăng ký dùng chung)"), code="register-scheme"))
    return open_sqlite(Path(location).expanduser())
