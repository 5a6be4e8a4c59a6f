"""The register in one SQLite file: WAL journal, full sync, one writer at a time.

Numbers are taken inside ``BEGIN IMMEDIATE``: the write lock is held from the
first number read to the commit, so two processes can never read the same
"next number".  A process killed inside the transaction leaves nothing (the
WAL discards an uncommitted transaction).  Triggers keep the rules even for
someone writing to the file with another tool: an entry is never deleted, its
number, symbol, date and files never change, and a new number is always the
next one of its agency and year.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.errors import SEVERITY_WARNING, Location, Problem, T
from lsdocs.issuing.storage import Entry, EntryData, Query, register_error

APPLICATION_ID = 0x4C534454  # "LSDT": marks the file as an lsdocs register
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 300.0  # a clerk waits this long for another clerk's batch to finish
_SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    agency TEXT NOT NULL,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL CHECK (number >= 1),
    symbol TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    trich_yeu TEXT NOT NULL,
    signer TEXT NOT NULL,
    recipients TEXT NOT NULL,
    filing TEXT NOT NULL,
    copies INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    draft_file TEXT NOT NULL,
    draft_sha256 TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    cancelled_on TEXT,
    cancel_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (agency, year, number)
);
CREATE UNIQUE INDEX entries_live_draft ON entries (draft_sha256) WHERE cancelled_on IS NULL;
CREATE INDEX entries_year ON entries (year);
CREATE VIEW so_dang_ky_van_ban_di AS SELECT
    agency AS "Cơ quan",
    year AS "Năm",
    printf('%02d/%s', number, symbol) AS "Số, ký hiệu văn bản",
    {issued} AS "Ngày tháng văn bản",
    doc_type || ' ' || trich_yeu AS "Tên loại và trích yếu nội dung văn bản",
    signer AS "Người ký",
    recipients AS "Nơi nhận văn bản",
    filing AS "Đơn vị, người nhận bản lưu",
    copies AS "Số lượng bản",
    trim(note || CASE WHEN cancelled_on IS NULL THEN ''
         ELSE ' Đã hủy ngày ' || {cancelled} || ': ' || cancel_reason END) AS "Ghi chú"
FROM entries ORDER BY agency, year, number;
CREATE TRIGGER entries_never_deleted BEFORE DELETE ON entries BEGIN
    SELECT RAISE(ABORT, 'lsdocs register: entries are never deleted; cancel them instead');
END;
CREATE TRIGGER entries_fixed BEFORE UPDATE OF
    agency, year, number, symbol, issued_on, file, sha256, draft_file, draft_sha256 ON entries
BEGIN
    SELECT RAISE(ABORT, 'lsdocs register: number, symbol, date and files of an entry are fixed');
END;
CREATE TRIGGER entries_in_sequence BEFORE INSERT ON entries
WHEN NEW.number != (SELECT COALESCE(MAX(number), 0) + 1 FROM entries
                    WHERE agency = NEW.agency AND year = NEW.year)
BEGIN
    SELECT RAISE(ABORT, 'lsdocs register: a new number must follow the last one of its year');
END;
"""



def _short_date_sql(column: str) -> str:
    """SQL for an ISO date column as the decree's short date: 06/9/2023, 05/01/2027."""
    month = f"CAST(substr({column}, 6, 2) AS INTEGER)"
    return (f"printf('%02d/%s/%s', CAST(substr({column}, 9, 2) AS INTEGER), "
            f"CASE WHEN {month} < 3 THEN substr({column}, 6, 2) ELSE CAST({month} AS TEXT) END, "
            f"substr({column}, 1, 4))")


_SCHEMA = _SCHEMA.replace("{issued}", _short_date_sql("issued_on")).replace(
    "{cancelled}", _short_date_sql("cancelled_on"))

_COLUMNS = ("agency", "year", "number", "symbol", "issued_on", "doc_type", "trich_yeu", "signer",
            "recipients", "filing", "copies", "note", "file", "sha256", "draft_file",
            "draft_sha256", "recorded_at", "cancelled_on", "cancel_reason")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM entries"

DAMAGED = T(
    "tệp sổ đăng ký bị hỏng hoặc không phải sổ đăng ký của lsdocs ({e}); không có số nào được "
    "cấp và tệp không bị thay đổi. Khôi phục tệp từ bản sao lưu, hoặc chỉ định sổ khác bằng "
    "--register",
)


class SqliteRegister:
    """:class:`lsdocs.issuing.storage.RegisterStore` in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path)
        self._db = _connect(path)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def allocation(self) -> Iterator[_Allocation]:
        with self._guard():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield _Allocation(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def search(self, query: Query) -> list[Entry]:
        where, params = _where(query)
        sql = f"{_SELECT} {where} ORDER BY agency, year, number"
        with self._guard():
            entries = [_entry(row) for row in self._db.execute(sql, params)]
        # Agency and text are matched here: SQLite's LIKE ignores case for ASCII only.
        return [e for e in entries if _contains(e.agency, query.agency)
                and _contains(_searchable(e), query.text)]

    def get(self, agency: str, year: int, number: int) -> Entry | None:
        sql = f"{_SELECT} WHERE agency = ? AND year = ? AND number = ?"
        with self._guard():
            row = self._db.execute(sql, (agency, year, number)).fetchone()
        return _entry(row) if row else None

    def by_draft(self, draft_sha256: str) -> Entry | None:
        sql = f"{_SELECT} WHERE draft_sha256 = ? ORDER BY cancelled_on IS NOT NULL, id DESC"
        with self._guard():
            row = self._db.execute(sql, (draft_sha256,)).fetchone()
        return _entry(row) if row else None

    def cancel(self, entry: Entry, on: dt.date, reason: str) -> Entry:
        with self._guard():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "UPDATE entries SET cancelled_on = ?, cancel_reason = ? "
                    "WHERE agency = ? AND year = ? AND number = ? AND cancelled_on IS NULL",
                    (on.isoformat(), reason, entry.agency, entry.year, entry.number))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        found = self.get(entry.agency, entry.year, entry.number)
        assert found is not None
        return found

    def verify(self) -> list[Problem]:
        with self._guard():
            problems = _storage_problems(self.path, self._db)
            if not problems:
                problems += _sequence_problems(self.path, self._db)
                problems += _file_problems(self.path, self._db)
        return problems

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """sqlite3 errors as register errors that name the file."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise register_error(self.path, T(
                    "sổ đăng ký đang bị một tiến trình khác giữ quá {s:.0f} giây; chạy lại sau"),
                                     s=BUSY_TIMEOUT_S) from exc
            raise register_error(self.path, DAMAGED, e=exc) from exc
        except sqlite3.DatabaseError as exc:
            raise register_error(self.path, DAMAGED, e=exc) from exc


class _Allocation:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def next_number(self, agency: str, year: int) -> int:
        row = self._db.execute("SELECT COALESCE(MAX(number), 0) FROM entries "
                               "WHERE agency = ? AND year = ?", (agency, year)).fetchone()
        return int(row[0]) + 1

    def last_date(self, agency: str, year: int) -> dt.date | None:
        row = self._db.execute("SELECT issued_on FROM entries WHERE agency = ? AND year = ? "
                               "ORDER BY number DESC LIMIT 1", (agency, year)).fetchone()
        return dt.date.fromisoformat(row[0]) if row else None

    def issued_from(self, draft_sha256: str, draft_file: str) -> Entry | None:
        row = self._db.execute(
            f"{_SELECT} WHERE cancelled_on IS NULL AND (draft_sha256 = ? OR draft_file = ?) "
            "LIMIT 1", (draft_sha256, draft_file)).fetchone()
        return _entry(row) if row else None

    def record(self, data: EntryData, number: int) -> Entry:
        year = data.issued_on.year
        recorded = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        values = {**_data_row(data), "year": year, "number": number, "recorded_at": recorded,
                  "cancelled_on": None, "cancel_reason": ""}
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self._db.execute(f"INSERT INTO entries ({names}) VALUES ({marks})", tuple(values.values()))
        return Entry(**{**data.__dict__, "year": year, "number": number, "recorded_at": recorded})


def open_sqlite(path: Path) -> SqliteRegister:
    """Open (or create) the register file at *path*."""
    return SqliteRegister(path)


def _connect(path: Path) -> sqlite3.Connection:
    _refuse_foreign_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise register_error(path, T(
            "không mở hoặc tạo được tệp sổ đăng ký ({e}); kiểm tra đường dẫn và quyền ghi",
        ), e=exc) from exc
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        _ensure_schema(path, db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise register_error(path, DAMAGED, e=exc) from exc
    return db


def _refuse_foreign_file(path: Path) -> None:
    """A file that is not SQLite at all is refused before SQLite touches it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise register_error(path, DAMAGED, e=exc) from exc
    if head and head != _SQLITE_MAGIC:
        raise register_error(path, DAMAGED, e=T("không phải tệp SQLite"))


def _ensure_schema(path: Path, db: sqlite3.Connection) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
        if app_id == 0 and tables == 0:
            for statement in _statements(_SCHEMA):
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        elif app_id != APPLICATION_ID:
            raise register_error(path, DAMAGED, e="application_id")
        elif db.execute("PRAGMA user_version").fetchone()[0] > SCHEMA_VERSION:
            raise register_error(path, T(
                "sổ đăng ký do phiên bản lsdocs mới hơn tạo; cập nhật lsdocs"))
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _statements(script: str) -> list[str]:
    """Split the schema script into statements (triggers contain ';' inside BEGIN…END)."""
    parts, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if line.strip() == "END;" or (line.rstrip().endswith(";") and "TRIGGER" not in current):
            parts.append(current.strip())
            current = ""
    return parts


def _where(query: Query) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.year is not None:
        clauses.append("year = ?")
        params.append(query.year)
    if query.symbol:
        clauses.append("symbol LIKE ?")
        params.append(f"%{query.symbol}%")
    if not query.include_cancelled:
        clauses.append("cancelled_on IS NULL")
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _contains(text: str, wanted: str | None) -> bool:
    return not wanted or vn.nfc(wanted).casefold() in vn.nfc(text).casefold()


def _searchable(entry: Entry) -> str:
    return " ".join((entry.doc_type, entry.trich_yeu, entry.recipients, entry.signer,
                     entry.note, entry.cancel_reason))


def _data_row(data: EntryData) -> dict[str, Any]:
    row = dict(data.__dict__)
    row["issued_on"] = data.issued_on.isoformat()
    return row


def _entry(row: tuple[Any, ...]) -> Entry:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["issued_on"] = dt.date.fromisoformat(values["issued_on"])
    if values["cancelled_on"]:
        values["cancelled_on"] = dt.date.fromisoformat(values["cancelled_on"])
    return Entry(**values)


def _storage_problems(path: Path, db: sqlite3.Connection) -> list[Problem]:
    rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if rows == ["ok"]:
        return []
    return [Problem(Location(file=str(path)), DAMAGED.format(e="; ".join(rows[:5])),
                    code="register-damaged")]


def _sequence_problems(path: Path, db: sqlite3.Connection) -> list[Problem]:
    problems = []
    sql = ("SELECT agency, year, COUNT(*), COUNT(DISTINCT number), MAX(number) FROM entries "
           "GROUP BY agency, year ORDER BY agency, year")
    for agency, year, count, distinct, highest in db.execute(sql):
        if count != distinct or highest != count:
            problems.append(Problem(Location(file=str(path), path=f"{agency} / {year}"), T(
                "số văn bản không liên tục hoặc bị trùng: {c} mục, số lớn nhất {m}",
                c=count, m=highest),
                code="register-sequence"))
    return problems


def _file_problems(path: Path, db: sqlite3.Connection) -> list[Problem]:
    """Issued files that are gone from where the register says (a warning: the entry stays)."""
    problems = []
    for agency, year, number, symbol, file in db.execute(
            "SELECT agency, year, number, symbol, file FROM entries ORDER BY agency, year, number"):
        if not Path(file).is_file():
            problems.append(Problem(
                Location(file=str(path), path=f"{agency} / {year} / {number:02d}/{symbol}"),
                T("không thấy tệp đã phát hành"), found=file,
                severity=SEVERITY_WARNING, code="register-file-missing"))
    return problems
