"""``lsdocs status`` and ``lsdocs validate`` on progress records, run as a clerk runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.progress.conftest import FIXTURES, ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LSDOCS_LANG": "vi"}
    return subprocess.run([sys.executable, "-m", "lsdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", check=False)


def test_status_on_the_terminal() -> None:
    done = run("status", "--year", "2025")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Kế hoạch số 182/KH-UBND ngày 06/9/2023: tình hình thực hiện năm 2025"
    assert lines[1] == "Kỳ báo cáo: 15/12/2024 - 14/12/2025; quá hạn tính đến ngày 14/12/2025"
    out = done.stdout
    assert "  Sở Nông nghiệp và Môi trường (nhiệm vụ của Sở NN&PTNT, Sở TN&MT trước sắp xếp)\n" \
           "    3.1   Đang thực hiện (thời hạn: 2024 - 2030)\n" \
           "    3.4   Chưa triển khai (thời hạn: Năm 2026)\n" in out
    assert "    3.2   Đã hoàn thành trễ hạn (hoàn thành 20/3/2025; thời hạn: Quý II/2024)" in out
    assert "  Sở Nội vụ (chưa báo cáo)\n    4.3   Chưa báo cáo, quá hạn" in out
    assert "Cơ quan chưa báo cáo (2/9):\n  - Sở Nội vụ\n  - Sở Ngoại vụ\n" in out
    assert lines[-1] == (
        "Tổng cộng: 18 nhiệm vụ (12 đến hạn trong năm); đã hoàn thành 4 (đúng hạn 3, trễ hạn 1); "
        "đang thực hiện 10; chưa triển khai 1; chưa báo cáo 3; quá hạn 1.")
    # each task once, under the agency that answers for it in 2025
    assert sum(line.startswith("    3.1 ") for line in lines) == 1
    assert "Sở Nông nghiệp và Phát triển nông thôn\n" not in out


def test_status_in_english_with_an_as_of_day() -> None:
    done = run("status", "--year", "2024", "--as-of", "31/12/2024", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Reporting period: 15/12/2023 - 14/12/2024; overdue as of 31/12/2024" in done.stdout
    # on 31/12/2024 the yearly task 5.2 (due 15/12/2024, not reported) is overdue too
    assert "    5.2   Not reported, overdue (deadline: Annually, by 15/12/2024)" in done.stdout
    assert "Agencies that have not reported (2/11):\n  - Công an tỉnh\n  - Sở Ngoại vụ" in (
        done.stdout)


def test_status_json_shape() -> None:
    done = run("status", "--year", "2025", "--json")
    assert done.returncode == 0, done.stderr
    envelope = json.loads(done.stdout)
    assert (envelope["schema"], envelope["command"], envelope["ok"]) == ("lsdocs/1", "status", True)
    data = envelope["result"]
    assert list(data) == ["schema", "plan", "year", "period", "tasks", "done_before", "groups",
                          "agencies", "missing", "collector", "totals", "targets", "budget"]
    assert data["schema"] == "lsdocs.status/1" and data["year"] == 2025
    assert data["period"] == {"start": "2024-12-15", "end": "2025-12-14", "as_of": "2025-12-14"}
    assert data["missing"] == [{"id": "snv", "name": "Sở Nội vụ"},
                               {"id": "sngv", "name": "Sở Ngoại vụ"}]
    assert data["collector"] == {"id": "skhcn", "name": "Sở Khoa học và Công nghệ",
                                 "recorded": True}
    assert data["totals"] == {"total": 18, "due": 12, "done": 4, "done_on_time": 3,
                              "done_late": 1, "in_progress": 10, "not_started": 1,
                              "not_reported": 3, "overdue": 1}
    task = next(t for t in data["tasks"] if t["id"] == "3.4")
    assert (task["agency"], task["plan_lead"], task["state"], task["label"]) == (
        "snnmt", "stnmt", "chua-trien-khai", "Chưa triển khai")
    assert set(task) == {"id", "group", "group_number", "name", "agency", "agency_name",
                         "plan_lead", "deadline", "due", "due_this_year", "state", "label",
                         "reported", "completed", "on_time", "overdue"}
    assert data["done_before"] == [{"id": "1.1", "agency": "skhcn", "year": 2024},
                                   {"id": "2.1", "agency": "skhcn", "year": 2024}]
    assert [g["number"] for g in data["groups"]] == [1, 2, 3, 4, 5]
    assert sum(g["counts"]["total"] for g in data["groups"]) == 18
    assert sum(a["counts"]["total"] for a in data["agencies"]) == 18
    assert data["targets"][0]["baseline"] == 32 and data["targets"][0]["value"] == 45
    assert data["budget"] == 4_095_000_000


def test_status_rejects_a_year_outside_the_plan() -> None:
    done = run("status", "--year", "2019")
    assert done.returncode == 2
    assert "--year: lỗi: năm báo cáo ngoài thời gian của kế hoạch: «2019»" in done.stderr
    assert "Traceback" not in done.stderr
    as_json = run("status", "--year", "2019", "--json")
    envelope = json.loads(as_json.stdout)
    assert (as_json.returncode, envelope["ok"], envelope["result"]) == (2, False, None)
    assert envelope["problems"][0]["path"] == "--year"


def test_validate_reports_progress_errors_with_file_and_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    broken = (FIXTURES / "many-mistakes" / "2024" / "skhcn.yaml").read_text(encoding="utf-8")
    (content / "tien-do" / "kh-182-2023" / "2024" / "skhcn.yaml").write_text(
        broken, encoding="utf-8")
    done = run("validate", "content", cwd=tmp_path)
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if ": lỗi: " in line]
    assert len(errors) == 6
    assert errors[0].startswith("content/tien-do/kh-182-2023/2024/skhcn.yaml:4: plan: lỗi:")
    assert "6 lỗi" in done.stderr
    status = run("status", "content", "--year", "2024", cwd=tmp_path)
    assert status.returncode == 1 and "Traceback" not in status.stderr
    assert "content/tien-do/kh-182-2023/2024/skhcn.yaml:22: figures[0].target" in status.stderr
