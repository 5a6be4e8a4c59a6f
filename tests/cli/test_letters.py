"""``lsdocs letter`` and ``lsdocs batch`` as a clerk types them: names, flags, warnings."""

from __future__ import annotations

import json

from tests.cli.test_cli import lsdocs


def test_agency_by_name_and_abbreviation(tmp_path):
    for written in ("Sở Y tế", "Sở YT", "so y te"):
        run = lsdocs("letter", "giao-nhiem-vu", "--agency", written, "--date", "30/11/2026",
                     "-o", str(tmp_path))
        assert run.returncode == 0, run.stderr
        assert (tmp_path / "kh-182-2023" / "giao-nhiem-vu-syt.docx").is_file()
    assert "Cảnh báo: công văn giao nhiệm vụ có" in run.stderr


def test_a_2023_id_goes_to_its_successor(tmp_path):
    run = lsdocs("letter", "giao-nhiem-vu", "--agency", "Sở TN&MT", "--date", "30/11/2026",
                 "-o", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "kh-182-2023" / "giao-nhiem-vu-snnmt.docx").is_file()


def test_errors_about_only_name_only(tmp_path):
    run = lsdocs("batch", "don-doc", "--only", "Sở Khoa hoc va cong nghe x", "-o", str(tmp_path))
    assert run.returncode == 2
    assert "tùy chọn --only" in run.stderr and "--agency" not in run.stderr
    assert "có phải «skhcn»" in run.stderr


def test_an_as_of_after_the_letter_is_refused_by_flag(tmp_path):
    run = lsdocs("letter", "don-doc", "--agency", "syt", "--date", "01/7/2024", "--as-of",
                 "30/11/2026", "-o", str(tmp_path))
    assert run.returncode == 2 and "tùy chọn --as-of" in run.stderr


def test_missing_reports_batch(tmp_path):
    run = lsdocs("batch", "don-doc", "--missing-reports", "--year", "2025", "--date",
                 "30/11/2026", "-j", "1", "-o", str(tmp_path))
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "kh-182-2023" / "don-doc" / "manifest.json")
                          .read_text(encoding="utf-8"))
    assert manifest["items"] and all(r["letter_date"] == "30/11/2026" for r in manifest["items"])
