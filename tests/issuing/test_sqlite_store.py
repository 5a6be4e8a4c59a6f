"""The register file: numbering rules, kept entries, damage, all on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from lsdocs.issuing.sqlite_store import open_sqlite
from lsdocs.issuing.storage import EntryData, Query, RegisterError

UBND = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
SO = "UBND TỈNH LẠNG SƠN SỞ KHOA HỌC VÀ CÔNG NGHỆ"


def data(agency: str, on: dt.date, tag: str) -> EntryData:
    return EntryData(agency=agency, symbol="UBND-KGVX", issued_on=on, doc_type="Công văn",
                     trich_yeu=f"V/v {tag}", signer="Dương Xuân Huyên", recipients="Sở Y tế",
                     filing="VT, KGVX", copies=3, note="", file=f"/nowhere/{tag}.docx",
                     sha256=tag, draft_file=f"/nowhere/{tag}-draft.docx", draft_sha256=tag)


def take(store, agency: str, on: dt.date, tag: str) -> int:
    with store.allocation() as allocation:
        number = allocation.next_number(agency, on.year)
        allocation.record(data(agency, on, tag), number)
    return number


def test_numbers_run_from_01_per_agency_and_restart_each_year(store):
    assert [take(store, UBND, dt.date(2026, 12, 30), f"a{i}") for i in range(3)] == [1, 2, 3]
    assert take(store, SO, dt.date(2026, 12, 31), "s1") == 1
    assert take(store, UBND, dt.date(2027, 1, 1), "b1") == 1
    assert take(store, UBND, dt.date(2026, 12, 31), "a4") == 4
    numbers = [(e.agency, e.year, e.number) for e in store.search(Query())]
    assert numbers == [(SO, 2026, 1), (UBND, 2026, 1), (UBND, 2026, 2), (UBND, 2026, 3),
                       (UBND, 2026, 4), (UBND, 2027, 1)]
    assert [p for p in store.verify() if p.is_error] == []


def test_an_exception_inside_the_transaction_takes_no_number(store):
    on = dt.date(2026, 11, 30)
    with pytest.raises(RuntimeError), store.allocation() as allocation:
        allocation.record(data(UBND, on, "x"), allocation.next_number(UBND, 2026))
        raise RuntimeError("the checker refused a document")
    assert store.search(Query()) == []
    assert take(store, UBND, on, "y") == 1


def test_cancelled_entry_keeps_its_number_and_the_next_one_follows(store):
    on = dt.date(2026, 11, 30)
    take(store, UBND, on, "a")
    entry = store.get(UBND, 2026, 1)
    cancelled = store.cancel(entry, dt.date(2026, 12, 1), "Ban hành nhầm")
    assert cancelled.cancelled_on == dt.date(2026, 12, 1)
    assert cancelled.cancel_reason == "Ban hành nhầm"
    assert take(store, UBND, on, "b") == 2
    assert len(store.search(Query(include_cancelled=False))) == 1
    assert len(store.search(Query())) == 2


@pytest.mark.parametrize("statement", [
    "DELETE FROM entries",
    "UPDATE entries SET number = 7",
    "UPDATE entries SET sha256 = 'forged'",
    "INSERT INTO entries SELECT NULL, agency, year, 5, symbol, issued_on, doc_type, trich_yeu, "
    "signer, recipients, filing, copies, note, file, sha256, draft_file, 'other', recorded_at, "
    "NULL, '' FROM entries",
])
def test_the_file_itself_refuses_deleting_rewriting_or_skipping_numbers(store, tmp_path,
                                                                        statement):
    take(store, UBND, dt.date(2026, 11, 30), "a")
    with sqlite3.connect(tmp_path / "so-van-ban-di.sqlite") as raw, \
            pytest.raises(sqlite3.DatabaseError):
        raw.execute(statement)
    assert [e.number for e in store.search(Query())] == [1]


def test_the_file_is_in_wal_mode(store, tmp_path):
    with sqlite3.connect(tmp_path / "so-van-ban-di.sqlite") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_search_by_year_symbol_and_text(store):
    take(store, UBND, dt.date(2026, 11, 30), "giao nhiệm vụ")
    take(store, UBND, dt.date(2027, 1, 5), "đôn đốc")
    assert [e.year for e in store.search(Query(year=2027))] == [2027]
    assert [e.trich_yeu for e in store.search(Query(text="đôn đốc"))] == ["V/v đôn đốc"]
    assert [e.trich_yeu for e in store.search(Query(text="ĐÔN ĐỐC"))] == ["V/v đôn đốc"]
    assert len(store.search(Query(agency="ủy ban nhân dân tỉnh"))) == 2
    assert store.search(Query(symbol="KH-")) == []


def test_a_file_that_is_not_sqlite_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "so.sqlite"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a register" * 100)
    with pytest.raises(RegisterError) as caught:
        open_sqlite(path)
    message = caught.value.format("vi")
    assert str(path) in message and "bị hỏng" in message and "sao lưu" in message
    assert path.read_bytes().startswith(b"PK")  # untouched


def test_another_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE notes (x)")
    with pytest.raises(RegisterError, match="không phải sổ đăng ký"):
        open_sqlite(path)


def test_integrity_check_reports_a_damaged_page(tmp_path):
    path = tmp_path / "so.sqlite"
    store = open_sqlite(path)
    for i in range(16):
        take(store, UBND, dt.date(2026, 11, 30), f"entry {i} " + "x" * 1500)
    store.close()
    with sqlite3.connect(path) as raw:  # fold the WAL into the main file
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw_bytes = bytearray(path.read_bytes())
    page = 4096
    raw_bytes[page * 3:page * 3 + 600] = b"\xff" * 600  # scribble over a b-tree page
    path.write_bytes(bytes(raw_bytes))
    try:
        damaged = open_sqlite(path)
        problems = damaged.verify()
        damaged.close()
    except RegisterError as exc:  # SQLite may notice the damage when opening
        problems = exc.problems
    assert problems and all("bị hỏng" in p.format("vi") for p in problems if p.is_error)
    assert any(p.is_error for p in problems)


def test_the_file_offers_the_register_in_the_decrees_columns(store, tmp_path):
    take(store, UBND, dt.date(2027, 1, 5), "a")
    take(store, UBND, dt.date(2027, 11, 5), "b")
    store.cancel(store.get(UBND, 2027, 1), dt.date(2027, 2, 3), "Ban hành nhầm")
    with sqlite3.connect(tmp_path / "so-van-ban-di.sqlite") as raw:
        cursor = raw.execute("SELECT * FROM so_dang_ky_van_ban_di")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    assert columns[2:] == ["Số, ký hiệu văn bản", "Ngày tháng văn bản",
                           "Tên loại và trích yếu nội dung văn bản", "Người ký",
                           "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản",
                           "Ghi chú"]
    assert [r[2:4] for r in rows] == [("01/UBND-KGVX", "05/01/2027"),
                                      ("02/UBND-KGVX", "05/11/2027")]
    assert rows[0][-1] == "Đã hủy ngày 03/02/2027: Ban hành nhầm" and rows[1][-1] == ""
