"""``python -m lsdocs check``: exit codes 0/1/2, --json, --strict, --lang en, --fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from nd30_builder import mutate
from nd30_variants import CASES, unreadable

ROOT = Path(__file__).resolve().parents[2]


def lsdocs(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lsdocs", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def case(case_id: str) -> object:
    return next(c for c in CASES if c.id == case_id).change


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, good_plan: bytes) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli")
    docs = {"good": good_plan, "error": mutate(good_plan, case("R11-en-dash")),
            "warning": mutate(good_plan, case("R31-no-closing-mark"))}
    docs.update(unreadable(good_plan))
    paths = {}
    for name, data in docs.items():
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(data)
    return paths


def test_good_file_exits_0_with_summary(files: dict[str, Path]) -> None:
    result = lsdocs("check", files["good"])
    assert result.returncode == 0, result.stderr
    assert "0 lỗi, 0 cảnh báo" in result.stdout


def test_error_exits_1_with_rule_location_and_clause(files: dict[str, Path]) -> None:
    result = lsdocs("check", files["error"])
    assert result.returncode == 1
    assert "lỗi R11 — mục 1 (trang đứng), bảng tiêu đề, ô phải, đoạn 2" in result.stdout
    assert "Phụ lục I, Phần I, Mục II.1" in result.stdout
    assert "1 lỗi, 0 cảnh báo" in result.stdout


def test_warnings_fail_only_with_strict(files: dict[str, Path]) -> None:
    assert lsdocs("check", files["warning"]).returncode == 0
    assert lsdocs("check", "--strict", files["warning"]).returncode == 1


def test_json_output(files: dict[str, Path]) -> None:
    result = lsdocs("check", "--json", files["error"])
    envelope = json.loads(result.stdout)
    assert result.returncode == 1
    assert (envelope["schema"], envelope["command"], envelope["ok"]) == ("lsdocs/1", "check",
                                                                          False)
    (data,) = envelope["result"]["files"]
    assert {"file", "kind", "errors", "warnings", "findings"} <= set(data)
    finding = data["findings"][0]
    assert set(finding) == {"rule", "severity", "clause", "location", "found", "expected",
                            "message", "count", "places"}
    assert (data["kind"], data["errors"], finding["rule"]) == ("ke-hoach", 1, "R11")
    assert data["in_scope"] is True
    place = finding["places"][0]
    assert (finding["count"], place["location"]) == (1, finding["location"])
    assert {k: place[k] for k in ("section", "container", "table_role", "row", "cell",
                                  "paragraph")} == {"section": 1, "container": "cell",
                                                    "table_role": "header", "row": 1, "cell": 2,
                                                    "paragraph": 2}


def test_english_output(files: dict[str, Path]) -> None:
    result = lsdocs("--lang", "en", "check", files["error"])
    assert "error R11 — section 1 (portrait), header table, right cell" in result.stdout
    assert "1 error, 0 warnings" in result.stdout
    assert "R11" in lsdocs("check", "--lang", "en", files["error"]).stdout


def test_unreadable_files_exit_2_with_messages_and_no_traceback(files: dict[str, Path]) -> None:
    names = ["text-renamed", "truncated-zip", "zip-without-document", "ole2-encrypted", "empty"]
    result = lsdocs("check", files["good"], *(files[n] for n in names))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    for name in names:
        assert f"{name}.docx: lỗi:" in result.stderr
    assert "0 lỗi, 0 cảnh báo" in result.stdout


def test_fix_writes_output_and_rechecks(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "fixed.docx"
    result = lsdocs("check", "--fix", files["error"], "-o", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "đã sửa R11" in result.stdout and out.exists()
    assert lsdocs("check", "--fix", files["error"]).returncode == 2


def test_fix_output_in_missing_folder_or_a_folder_is_a_usage_error(
        files: dict[str, Path], tmp_path: Path) -> None:
    for out in (tmp_path / "missing" / "out.docx", tmp_path):
        result = lsdocs("check", "--fix", files["error"], "-o", out)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "Traceback" not in result.stderr and "nội bộ" not in result.stderr
        assert str(out) in result.stderr
