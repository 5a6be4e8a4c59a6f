"""The issuing commands as a văn thư runs them: phat-hanh, so-van-ban, pdf, preview."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from lsdocs.issuing.register_workbook import COLUMNS
from tests.conftest import ROOT
from tests.issuing.conftest import needs_libreoffice


def lsdocs(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lsdocs", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.mark.parametrize("command", [["phat-hanh"], ["so-van-ban"], ["so-van-ban", "huy"],
                                     ["pdf"], ["preview"]])
def test_help_is_vietnamese_with_examples(command):
    run = lsdocs(*command, "--help")
    assert run.returncode == 0
    assert "Ví dụ:" in run.stdout and f"lsdocs {' '.join(command)}" in run.stdout


@needs_libreoffice
def test_a_batch_is_issued_with_pdfs_listed_cancelled_and_exported(batch, tmp_path):
    register = tmp_path / "so.sqlite"
    run = lsdocs("phat-hanh", str(batch), "--pdf", "--date", "30/11/2026", "--register",
                 str(register))
    assert run.returncode == 0, run.stderr
    assert f"Sổ đăng ký: {register}" in run.stderr
    assert "Số 01/UBND-KGVX ngày 30/11/2026" in run.stdout
    assert "Đã phát hành 14 văn bản." in run.stdout
    issued = sorted(batch.glob("*-so-*-2026.docx"))
    assert len(issued) == 14 and all(p.with_suffix(".pdf").is_file() for p in issued)

    with sqlite3.connect(register) as raw:  # the register as another tool sees it
        rows = raw.execute("SELECT number, symbol, issued_on FROM entries ORDER BY id").fetchall()
    assert rows == [(n, "UBND-KGVX", "2026-11-30") for n in range(1, 15)]

    cancel = lsdocs("so-van-ban", "huy", "03/UBND-KGVX", "--year", "2026", "--reason",
                    "Gửi nhầm cơ quan", "--date", "01/12/2026", "--register", str(register))
    assert cancel.returncode == 0, cancel.stderr
    again = lsdocs("so-van-ban", "huy", "03/UBND-KGVX", "--year", "2026", "--reason", "x",
                   "--register", str(register))
    assert again.returncode == 2 and "đã hủy từ trước" in again.stderr

    listed = lsdocs("so-van-ban", "danh-sach", "--active-only", "--json", "--register",
                    str(register))
    answer = json.loads(listed.stdout)
    assert answer["schema"] == "lsdocs/1" and answer["ok"]
    assert [e["number"] for e in answer["result"]["entries"]] == [
        n for n in range(1, 15) if n != 3]

    workbook = tmp_path / "so-van-ban-di-2026.xlsx"
    export = lsdocs("so-van-ban", "xuat-excel", str(workbook), "--year", "2026", "--register",
                    str(register))
    assert export.returncode == 0, export.stderr
    sheet = openpyxl.load_workbook(workbook)["2026 UBND"]
    assert sheet["B2"].value is None and sheet["A2"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
    assert [c.value for c in sheet[5]] == [title for title, _ in COLUMNS]
    assert [c.value for c in sheet[6]] == [f"({n})" for n in range(1, 9)]
    assert [sheet.cell(r, 1).value for r in range(7, 21)] == [
        f"{n:02d}/UBND-KGVX" for n in range(1, 15)]
    assert sheet["H9"].value == "Đã hủy ngày 01/12/2026: Gửi nhầm cơ quan"
    assert sheet["A9"].font.strike and not sheet["A8"].font.strike

    check = lsdocs("so-van-ban", "kiem-tra", "--register", str(register))
    assert check.returncode == 0 and "Sổ đăng ký tốt" in check.stdout


def test_missing_libreoffice_stops_before_any_number_is_taken(batch, tmp_path):
    register = tmp_path / "so.sqlite"
    run = lsdocs("phat-hanh", str(batch), "--pdf", "--register", str(register),
                 env={"PATH": str(tmp_path / "no-programs")})
    assert run.returncode == 2
    assert "libreoffice-writer" in run.stderr and "Traceback" not in run.stderr
    assert not register.exists()
    assert not list(batch.glob("*-so-*"))


def test_the_register_comes_from_the_environment_variable(batch, tmp_path):
    register = tmp_path / "chung" / "so.sqlite"
    run = lsdocs("phat-hanh", str(batch / "giao-nhiem-vu-syt.docx"), "--json",
                 env={"LSDOCS_REGISTER": str(register)})
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert answer["command"] == "phat-hanh" and answer["result"]["register"] == str(register)
    (entry,) = answer["result"]["issued"]
    assert entry["so_ky_hieu"] == "01/UBND-KGVX" and entry["pdf"] is None
    listed = lsdocs("so-van-ban", "danh-sach", env={"LSDOCS_REGISTER": str(register)})
    assert "01/UBND-KGVX" in listed.stdout and "1 văn bản." in listed.stdout


def test_issuing_twice_exits_1_with_the_earlier_number(batch, tmp_path):
    register = str(tmp_path / "so.sqlite")
    draft = str(batch / "giao-nhiem-vu-syt.docx")
    assert lsdocs("phat-hanh", draft, "--register", register).returncode == 0
    run = lsdocs("phat-hanh", draft, "--register", register)
    assert run.returncode == 1
    assert "đã được phát hành: số 01/UBND-KGVX" in run.stderr


def test_a_refusal_under_json_is_the_same_envelope(batch, tmp_path):
    register = str(tmp_path / "so.sqlite")
    draft = str(batch / "giao-nhiem-vu-syt.docx")
    assert lsdocs("phat-hanh", draft, "--register", register).returncode == 0
    run = lsdocs("phat-hanh", draft, "--register", register, "--json")
    answer = json.loads(run.stdout)
    assert run.returncode == 1 and answer["exit_code"] == 1 and not answer["ok"]
    assert answer["problems"][0]["file"] == draft
    assert "đã được phát hành" in answer["problems"][0]["message"]


def test_a_damaged_register_is_a_clear_error(tmp_path):
    register = tmp_path / "so.sqlite"
    register.write_bytes(b"\x00garbage" * 512)
    for command in (["so-van-ban", "kiem-tra"], ["so-van-ban", "danh-sach"]):
        run = lsdocs(*command, "--register", str(register))
        assert run.returncode == 2
        assert f"{register}: lỗi: tệp sổ đăng ký bị hỏng" in run.stderr
        assert "Traceback" not in run.stderr


def test_pdf_of_a_missing_file_is_a_usage_error(tmp_path):
    run = lsdocs("pdf", str(tmp_path / "khong-co.docx"))
    assert run.returncode == 2 and "không có tệp này" in run.stderr


def test_a_server_database_address_is_explained(tmp_path):
    run = lsdocs("so-van-ban", "danh-sach", "--register", "postgresql://van-thu@may-chu/so")
    assert run.returncode == 2 and "README" in run.stderr


@needs_libreoffice
def test_batch_writes_a_pdf_beside_each_letter(tmp_path):
    run = lsdocs("batch", "giao-nhiem-vu", "--only", "syt,stc", "--pdf", "-o", str(tmp_path),
                 "--date", "29/11/2026", "--json")
    assert run.returncode == 0, run.stderr
    pdfs = json.loads(run.stdout)["result"]["pdf"]
    folder = tmp_path / "kh-182-2023" / "giao-nhiem-vu"
    assert pdfs == [str(folder / "giao-nhiem-vu-syt.pdf"), str(folder / "giao-nhiem-vu-stc.pdf")]
    assert all(Path(p).stat().st_size > 0 for p in pdfs)


@pytest.mark.parametrize("command", [["build"], ["letter", "trien-khai"],
                                     ["batch", "don-doc", "--only", "syt"]])
def test_pdf_without_libreoffice_writes_nothing_at_all(command, tmp_path):
    run = lsdocs(*command, "--pdf", "-o", str(tmp_path / "out"),
                 env={"PATH": str(tmp_path / "no-programs")})
    assert run.returncode == 2 and "libreoffice-writer" in run.stderr
    assert not (tmp_path / "out").exists()
