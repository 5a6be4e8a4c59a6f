"""The real ``lsdocs`` command, run as a clerk or an office script runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def lsdocs(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lsdocs", *args],
        capture_output=True, text=True, cwd=cwd or ROOT, timeout=120,
    )


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def break_plan(content: Path, old: str, new: str) -> Path:
    plan = content / "kh-182-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plan


def test_build_writes_the_plan(tmp_path):
    run = lsdocs("build", "-o", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert "Đã ghi" in run.stdout
    assert "minh họa" in run.stdout
    assert (tmp_path / "kh-182-2023" / "ke-hoach.docx").is_file()


def test_build_from_another_directory_uses_the_given_content(tmp_path, content_copy):
    run = lsdocs("build", str(content_copy / "kh-182-2023.yaml"), "-o", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "kh-182-2023" / "ke-hoach.docx").is_file()


def test_validate_clean_content_exits_zero():
    run = lsdocs("validate")
    assert run.returncode == 0, run.stderr
    assert "hợp lệ" in run.stdout


def test_validate_reports_every_error_with_line_and_path(content_copy):
    plan = break_plan(content_copy, "date: 06/9/2023", "date: 31/02/2023")
    break_plan(content_copy, "lead: skhcn", "lead: skhcnn")
    break_plan(content_copy, "  place: Lạng Sơn", "  place: Lạng Sơn\n  placee: x")
    run = lsdocs("validate", str(plan))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if ": lỗi: " in line]
    assert len(lines) >= 3, run.stderr
    assert any("document.date" in line and "31/02/2023" in line for line in lines)
    assert any(".lead" in line and "skhcnn" in line and "skhcn" in line for line in lines)
    assert any("placee" in line for line in lines)
    assert all(line.startswith(str(plan)) for line in lines)


def test_validate_in_english(content_copy):
    plan = break_plan(content_copy, "date: 06/9/2023", "date: 31/02/2023")
    run = lsdocs("--lang", "en", "validate", str(plan))
    assert run.returncode == 1
    assert "error" in run.stderr and "lỗi" not in run.stderr


def test_build_on_broken_content_writes_nothing_and_shows_no_traceback(tmp_path, content_copy):
    plan = break_plan(content_copy, "date: 06/9/2023", "date: 31/02/2023")
    run = lsdocs("build", str(plan), "-o", str(tmp_path / "out"))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "31/02/2023" in run.stderr
    assert not (tmp_path / "out").exists()


def test_missing_content_file_is_a_clear_error(tmp_path):
    run = lsdocs("validate", str(tmp_path / "nope.yaml"))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "nope.yaml" in run.stderr


def test_usage_error_exits_two():
    run = lsdocs("build", "--no-such-option")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr


def test_usage_errors_are_in_vietnamese_with_a_help_hint():
    run = lsdocs("batch", "don-doc", "--as-of", "31/13/2026")
    assert run.returncode == 2
    assert "Lỗi cách dùng: giá trị không hợp lệ cho --as-of" in run.stderr
    assert "Xem hướng dẫn: lsdocs batch --help" in run.stderr
    run = lsdocs("build", "--no-such-option")
    assert "không có tùy chọn --no-such-option" in run.stderr


def test_commands_find_the_shipped_content_from_any_directory(tmp_path):
    run = lsdocs("validate", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    run = lsdocs("letter", "trien-khai", "-o", "out", "--date", "29/11/2026", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "kh-182-2023" / "trien-khai.docx").is_file()


def test_an_unwritable_output_is_a_clear_error_not_an_internal_one(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "kh-182-2023").write_text("a file where a folder should be")
    run = lsdocs("build", "-o", str(tmp_path / "out"))
    assert run.returncode == 2
    assert "không ghi được" in run.stderr
    assert "Traceback" not in run.stderr and "lỗi nội bộ" not in run.stderr


def test_build_shows_content_warnings(tmp_path, content_copy):
    import unicodedata

    plan = content_copy / "kh-182-2023.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        "  place: Lạng Sơn", "  place: " + unicodedata.normalize("NFD", "Lạng Sơn"), 1)
    plan.write_text(text, encoding="utf-8")
    run = lsdocs("build", str(plan), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    assert "document.place: cảnh báo: chữ không ở dạng dựng sẵn (NFC)" in run.stderr
