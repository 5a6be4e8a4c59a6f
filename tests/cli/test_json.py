"""``--json`` on every command: one object of one documented shape (schema lsdocs/1)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "content" / "kh-182-2023.yaml"
BROKEN = ROOT / "tests" / "fixtures" / "content" / "many-errors.yaml"
TOP = {"schema", "command", "ok", "exit_code", "lang", "problems", "result"}
PROBLEM = {"code", "severity", "file", "line", "path", "place", "message", "found", "expected",
           "hint", "text"}


def run_json(*args: str, cwd: Path = ROOT) -> tuple[int, dict[str, object]]:
    done = subprocess.run([sys.executable, "-m", "lsdocs", *args, "--json"], cwd=cwd,
                          capture_output=True, text=True, timeout=180)
    data = json.loads(done.stdout)  # stdout is exactly one JSON object
    assert set(data) == TOP, data
    assert data["schema"] == "lsdocs/1"
    assert data["exit_code"] == done.returncode and data["ok"] == (done.returncode == 0)
    for problem in data["problems"]:  # type: ignore[union-attr]
        assert set(problem) == PROBLEM
    return done.returncode, data


def test_validate_lists_every_problem_with_its_place() -> None:
    code, data = run_json("validate", str(BROKEN))
    assert code == 1 and data["command"] == "validate"
    problems = data["problems"]
    assert isinstance(problems, list) and len(problems) > 1
    assert all(p["file"] and p["line"] for p in problems)
    assert data["result"] == {"errors": sum(p["severity"] == "error" for p in problems),
                              "warnings": sum(p["severity"] == "warning" for p in problems)}


def test_build_letter_batch_and_check(tmp_path: Path) -> None:
    code, built = run_json("build", str(PLAN), "-o", str(tmp_path))
    assert code == 0 and len(built["result"]["written"]) == 2  # type: ignore[index]
    code, letter = run_json("letter", "giao-nhiem-vu", str(PLAN), "--agency", "syt",
                            "--date", "30/11/2026", "-o", str(tmp_path))
    assert code == 0 and letter["result"]["agency"] == "syt"  # type: ignore[index]
    code, batch = run_json("batch", "de-nghi-bao-cao", str(PLAN), "--date", "30/11/2026",
                           "--year", "2026", "-o", str(tmp_path), "-q")
    assert code == 0 and batch["result"]["items"]  # type: ignore[index]
    code, checked = run_json("check", letter["result"]["path"])  # type: ignore[index]
    assert code == 0 and checked["command"] == "check"
    assert checked["result"]["files"][0]["errors"] == 0  # type: ignore[index]


@pytest.mark.parametrize(("args", "expected_code", "code_of_problem"), [
    (("letter", "giao-nhiem-vu", str(PLAN), "--date", "31/02/2026"), 2, "usage"),
    (("letter", "giao-nhiem-vu", str(PLAN), "--agency", "khong-co"), 2, "parameter:agency"),
    (("build", str(ROOT / "khong-co.yaml")), 2, "missing-file"),
])
def test_failures_keep_the_same_shape(tmp_path: Path, args: tuple[str, ...],
                                      expected_code: int, code_of_problem: str) -> None:
    code, data = run_json(*args, "-o", str(tmp_path))
    assert code == expected_code and data["result"] is None
    problems = data["problems"]
    assert isinstance(problems, list) and problems[0]["code"] == code_of_problem
    assert not any(tmp_path.iterdir())


def test_check_of_an_unreadable_file_still_answers_in_json() -> None:
    code, data = run_json("check", str(PLAN))  # a YAML file, not a .docx
    assert code == 2
    assert data["result"]["files"][0]["read_error"]  # type: ignore[index]
    assert data["problems"]


def test_english_json(tmp_path: Path) -> None:
    _code, data = run_json("--lang", "en", "validate", str(BROKEN))
    assert data["lang"] == "en"
    assert all("lỗi" not in p["text"] for p in data["problems"])  # type: ignore[union-attr]
