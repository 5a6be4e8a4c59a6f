"""export-progress and import-progress as a clerk runs them: exit codes, messages, files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from .progress_fill import fill, good_snnmt_2025


def lsdocs(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lsdocs", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_export_fill_import_then_nothing_changes(plan: Path, tmp_path: Path) -> None:
    export = lsdocs("export-progress", "--year", "2025", "--agency", "snnmt", plan, cwd=tmp_path)
    assert export.returncode == 0, export.stderr
    workbook = tmp_path / "output" / "kh-182-2023" / "tien-do-2025" / "tien-do-2025-snnmt.xlsx"
    assert export.stdout == (f"Đã ghi: output/kh-182-2023/tien-do-2025/{workbook.name} (Sở Nông "
                             "nghiệp và Môi trường: 2 nhiệm vụ)\n")
    fill(workbook, good_snnmt_2025)
    dry = lsdocs("import-progress", workbook, plan, "--dry-run", cwd=tmp_path)
    assert dry.returncode == 0 and dry.stdout.startswith("Chạy thử: sẽ ghi ")
    done = lsdocs("import-progress", workbook, plan, cwd=tmp_path)
    record = plan.parent / "tien-do" / "kh-182-2023" / "2025" / "snnmt.yaml"
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"Đã ghi: {record} (2 nhiệm vụ, từ {workbook.name})\n"
    before = record.read_bytes()
    again = lsdocs("export-progress", "--year", "2025", "--agency", "snnmt", "-o", "lai", plan,
                   cwd=tmp_path)
    assert "đã điền sẵn số liệu có" in again.stdout
    unchanged = lsdocs("import-progress", tmp_path / "lai" / workbook.name, plan, cwd=tmp_path)
    assert unchanged.stdout.startswith("Không đổi: ") and record.read_bytes() == before


def test_errors_exit_1_in_both_languages_without_traceback(plan: Path, tmp_path: Path) -> None:
    lsdocs("export-progress", "--year", "2024", "--agency", "skhcn", "-o", ".", plan, cwd=tmp_path)
    workbook = tmp_path / "tien-do-2024-skhcn.xlsx"
    wb = openpyxl.load_workbook(workbook)
    wb["Nhiệm vụ"]["F3"], wb["Nhiệm vụ"]["G3"] = "Hoàn tất", "31/02/2024"
    wb.save(workbook)
    vi = lsdocs("import-progress", workbook, plan, cwd=tmp_path)
    assert vi.returncode == 1
    assert "Nhiệm vụ!F3 (Tình trạng): lỗi: tình trạng không hợp lệ: «Hoàn tất»" in vi.stderr
    assert "Nhiệm vụ!G3 (Ngày hoàn thành): lỗi: ngày không tồn tại: «31/02/2024»" in vi.stderr
    assert vi.stderr.rstrip().endswith("2 lỗi; chưa ghi gì.")
    en = lsdocs("--lang", "en", "import-progress", workbook, plan, cwd=tmp_path)
    assert "Nhiệm vụ!G3 (Completion date): error: no such date" in en.stderr
    assert "Traceback" not in vi.stderr + en.stderr
    assert not (plan.parent / "tien-do").exists()


def test_usage_and_unreadable_files_exit_2(plan: Path, tmp_path: Path) -> None:
    merged = lsdocs("export-progress", "--year", "2025", "--agency", "stnmt", plan, cwd=tmp_path)
    assert merged.returncode == 2
    assert "năm 2025 do Sở Nông nghiệp và Môi trường (snnmt) báo cáo" in merged.stderr
    missing = lsdocs("import-progress", tmp_path / "khong-co.xlsx", plan, cwd=tmp_path)
    assert missing.returncode == 2 and "không tìm thấy tệp" in missing.stderr
    no_year = lsdocs("export-progress", plan, cwd=tmp_path)
    assert no_year.returncode == 2 and "--year" in no_year.stderr
    assert "Traceback" not in merged.stderr + missing.stderr + no_year.stderr


def test_json_answers_with_the_records(plan: Path, tmp_path: Path) -> None:
    import json

    lsdocs("export-progress", "--year", "2025", "--agency", "snnmt", "-o", ".", plan,
           cwd=tmp_path)
    workbook = fill(tmp_path / "tien-do-2025-snnmt.xlsx", good_snnmt_2025)
    done = lsdocs("import-progress", workbook, plan, "--json", cwd=tmp_path)
    answer = json.loads(done.stdout)
    assert (answer["command"], answer["ok"]) == ("import-progress", True)
    assert [(r["agency"], r["written"], r["tasks"]) for r in answer["result"]["records"]] == [
        ("snnmt", True, 2)]
    wb = openpyxl.load_workbook(workbook)
    wb["Nhiệm vụ"]["F3"] = "xong"
    wb.save(workbook)
    failed = json.loads(lsdocs("import-progress", workbook, plan, "--json", cwd=tmp_path).stdout)
    assert (failed["ok"], failed["exit_code"]) == (False, 1)
    assert failed["problems"][0]["place"] == "Nhiệm vụ!F3 (Tình trạng)"
