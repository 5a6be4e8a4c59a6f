"""The real commands, run as a clerk runs them: exit codes, messages, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl


def lsdocs(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lsdocs", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_export_then_import_unchanged(plan: Path, tmp_path: Path) -> None:
    before = plan.read_bytes()
    export = lsdocs("export-xlsx", plan, cwd=tmp_path)
    table = tmp_path / "output" / "kh-182-2023" / "phan-cong-nhiem-vu.xlsx"
    assert export.returncode == 0, export.stderr
    assert export.stdout.startswith("Đã ghi: output/kh-182-2023/phan-cong-nhiem-vu.xlsx (")
    imported = lsdocs("import-xlsx", table, plan, cwd=tmp_path)
    assert (imported.returncode, imported.stderr) == (0, "")
    assert "Không có thay đổi" in imported.stdout
    assert plan.read_bytes() == before


def test_an_edited_csv_is_imported_with_a_summary(plan: Path, tmp_path: Path) -> None:
    table = tmp_path / "pc.csv"
    assert lsdocs("export-csv", plan, "-o", table, "--delimiter", ";", cwd=tmp_path).returncode == 0
    text = table.read_text("utf-8-sig")
    row = next(line for line in text.splitlines() if line.startswith("2.1;"))
    table.write_text(text.replace(row, row.replace(";Sở Khoa học và Công nghệ;", ";Sở TC;", 1)),
                     encoding="utf-8-sig")
    dry = lsdocs("import-xlsx", table, plan, "--dry-run", cwd=tmp_path)
    assert dry.returncode == 0 and "Chạy thử" in dry.stdout
    done = lsdocs("--lang", "en", "import-xlsx", table, plan, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Changed: 2.1 (lead agency)" in done.stdout and "Written:" in done.stdout


def test_content_errors_exit_1_with_every_cell_named(xlsx: Path, plan: Path,
                                                     tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb["Phân công"]
    sheet["G5"].value = "31/02/2025"
    sheet["D6"].value = "Sở Khoa học công nghệ"
    wb.save(xlsx)
    before = plan.read_bytes()
    vi = lsdocs("import-xlsx", xlsx, plan, cwd=tmp_path)
    assert vi.returncode == 1
    assert "Phân công!G5 (Thời gian hoàn thành): lỗi: ngày không tồn tại" in vi.stderr
    assert "Phân công!D6 (Cơ quan chủ trì): lỗi:" in vi.stderr
    assert vi.stderr.rstrip().endswith("2 lỗi; chưa ghi gì.")
    en = lsdocs("import-xlsx", xlsx, plan, "--lang", "en", cwd=tmp_path)
    assert en.returncode == 1
    assert "Phân công!G5 («Thời gian hoàn thành» — deadline): error: no such date" in en.stderr
    assert "did you mean «skhcn» (Sở Khoa học và Công nghệ)?" in en.stderr
    assert "Traceback" not in vi.stderr + en.stderr
    assert plan.read_bytes() == before


def test_a_text_file_renamed_xlsx_exits_2_with_a_message(plan: Path, tmp_path: Path) -> None:
    fake = tmp_path / "phan-cong.xlsx"
    fake.write_text("Mã nhiệm vụ,Nhóm\n", encoding="utf-8")
    result = lsdocs("import-xlsx", fake, plan, cwd=tmp_path)
    assert result.returncode == 2
    assert "tệp không phải bảng tính Excel (.xlsx)" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2(plan: Path, tmp_path: Path) -> None:
    assert lsdocs("import-xlsx", cwd=tmp_path).returncode == 2  # no table given
    wrong = lsdocs("export-xlsx", plan, "-o", tmp_path / "pc.csv", "--lang", "en", cwd=tmp_path)
    assert wrong.returncode == 2 and "must end in .xlsx" in wrong.stderr


def test_missing_content_file_is_a_usage_error(tmp_path: Path) -> None:
    result = lsdocs("export-xlsx", tmp_path / "none.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "không tìm thấy tệp" in result.stderr
