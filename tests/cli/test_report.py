"""``lsdocs report co-quan`` and ``lsdocs report tong-hop`` driven as a user runs them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from ruamel.yaml import YAML

from lsdocs.check import check_document as check_path
from tests.conftest import ROOT
from tests.documents import progress_fixture as pf


def _date(d: object) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plan with the fixture's progress records written as YAML files."""
    folder = tmp_path_factory.mktemp("content")
    for name in ("agencies.yaml", "kh-182-2023.yaml"):
        shutil.copy(ROOT / "content" / name, folder / name)
    yaml = YAML()
    for year, records in pf.progress().records.items():
        for agency, r in records.items():
            tasks = []
            for t in r.tasks:
                entry: dict[str, object] = {"task": t.task, "status": t.state}
                if t.completed:
                    entry["completed"] = _date(t.completed)
                if t.result:
                    entry["result"] = t.result
                tasks.append(entry)
            record: dict[str, object] = {
                "lsdocs": 1, "kind": "tien-do", "plan": r.plan, "year": year, "agency": agency,
                "source": "illustrative", "tasks": tasks,
                "signature": {"authority": list(r.signature.authority),  # type: ignore[union-attr]
                              "title": r.signature.title,  # type: ignore[union-attr]
                              "name": r.signature.name}}  # type: ignore[union-attr]
            if r.budget:
                record["budget"] = r.budget
            path = folder / "tien-do" / "kh-182-2023" / str(year) / f"{agency}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8") as handle:
                yaml.dump(record, handle)
    return folder / "kh-182-2023.yaml"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lsdocs", *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_tong_hop_writes_a_conformant_report(content: Path, tmp_path: Path) -> None:
    done = _run("report", "tong-hop", str(content), "--year", "2024", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    path = tmp_path / "kh-182-2023" / "bao-cao" / "bao-cao-tong-hop-2024.docx"
    assert str(path) in done.stdout
    assert check_path(path).problems() == []


def test_co_quan_maps_a_2023_agency_to_its_successor(content: Path, tmp_path: Path) -> None:
    done = _run("report", "co-quan", str(content), "--year", "2025", "--agency", "stnmt",
                "--date", "10/12/2025", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    path = tmp_path / "kh-182-2023" / "bao-cao" / "bao-cao-co-quan-2025-snnmt.docx"
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "Kính gửi: Sở Khoa học và Công nghệ." in text
    assert check_path(path).problems() == []


def test_reruns_are_byte_identical(content: Path, tmp_path: Path) -> None:
    args = ("report", "tong-hop", str(content), "--year", "2025")
    _run(*args, "-o", str(tmp_path / "a"))
    _run(*args, "-o", str(tmp_path / "b"))
    name = Path("kh-182-2023") / "bao-cao" / "bao-cao-tong-hop-2025.docx"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize(("args", "needle"), [
    (("--year", "2024", "--agency", "snv"), "2024/snv.yaml"),
    (("--year", "2024", "--agency", "skhcn"), "report tong-hop"),
    (("--year", "2024", "--agency", "sytt"), "syt"),
    (("--year", "2024", "--agency", "syt", "--date", "01/01/2023"), "--date"),
    (("--year", "2024", "--agency", "syt", "--date", "31/02/2024"), "DD/MM/YYYY"),
    (("--year", "2022", "--agency", "syt"), "--year"),
])
def test_usage_errors_exit_2_without_traceback(content: Path, tmp_path: Path,
                                               args: tuple[str, ...], needle: str) -> None:
    done = _run("report", "co-quan", str(content), *args, "-o", str(tmp_path))
    assert done.returncode == 2
    assert needle in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "kh-182-2023").exists()


def test_help_shows_examples_and_date_format() -> None:
    done = _run("report", "co-quan", "--help")
    assert "lsdocs report co-quan --year 2024 --agency snnptnt" in done.stdout
    assert "DD/MM/YYYY" in done.stdout


@pytest.mark.parametrize("args", [("tong-hop", "--year", "2025"),
                                  ("co-quan", "--year", "2025", "--agency", "stnmt"),
                                  ("co-quan", "--year", "2024", "--agency", "snv")])
def test_shipped_content_reports_conform(tmp_path: Path, args: tuple[str, ...]) -> None:
    done = _run("report", *args, "-o", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    import json

    answer = json.loads(done.stdout)
    path = Path(answer["result"]["path"])
    assert answer["result"]["illustrative"] is True
    assert check_path(path).problems() == []


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice and poppler are needed for PDF")
@pytest.mark.parametrize("args", [("tong-hop", "--year", "2025", "--date", "22/12/2025"),
                                  ("co-quan", "--year", "2024", "--agency", "syt")])
def test_reports_write_a_checked_pdf_beside_the_docx(tmp_path: Path,
                                                    args: tuple[str, ...]) -> None:
    import json

    done = _run("report", *args, "-o", str(tmp_path), "--pdf", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)["result"]
    docx_path, pdf = Path(result["path"]), Path(result["pdf"])
    assert pdf == docx_path.with_suffix(".pdf") and pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(line.split()[-1] for line in info.stdout.splitlines()
                     if line.startswith("Pages:")))
    assert pages >= 2  # the report and its annex
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "BÁO CÁO" in words and "Kế hoạch số 182/KH-UBND" in " ".join(words.split())


def test_report_without_pdf_writes_no_pdf(tmp_path: Path) -> None:
    done = _run("report", "co-quan", "--year", "2024", "--agency", "syt", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.rglob("*.pdf"))


def test_the_compiling_so_is_never_listed_as_not_reporting(tmp_path: Path) -> None:
    """Sở KH&CN compiles the reports: without its own record it has not «failed to send» one;
    the report says its own results are not yet in, and the clerk is warned."""
    import json

    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "tien-do" / "kh-182-2023" / "2025" / "skhcn.yaml").unlink()
    done = _run("report", "tong-hop", str(folder), "--year", "2025", "--date", "22/12/2025",
                "-o", str(tmp_path / "out"), "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert [p["code"] for p in answer["problems"]] == ["collector-no-record"]
    assert answer["problems"][0]["file"].endswith("2025/skhcn.yaml")
    text = [p.text for p in docx.Document(answer["result"]["path"]).paragraphs]
    sentence = next(p for p in text if "cơ quan, đơn vị chủ trì nhiệm vụ" in p)
    assert sentence == ("Có 07/09 cơ quan, đơn vị chủ trì nhiệm vụ đã gửi báo cáo; 02 cơ quan "
                        "chưa gửi báo cáo: Sở Nội vụ, Sở Ngoại vụ.")
    own = next(p for p in text if p.startswith("- Sở Khoa học và Công nghệ:"))
    assert own.endswith("chưa cập nhật kết quả thực hiện;") or own.endswith(
        "chưa cập nhật kết quả thực hiện.")
    assert not any("Sở Khoa học và Công nghệ" in p and "chưa gửi báo cáo" in p for p in text)

    status = _run("status", str(folder), "--year", "2025", "--json")
    data = json.loads(status.stdout)["result"]
    assert [a["id"] for a in data["missing"]] == ["snv", "sngv"]
    assert data["collector"] == {"id": "skhcn", "name": "Sở Khoa học và Công nghệ",
                                 "recorded": False}
    terminal = _run("status", str(folder), "--year", "2025").stdout
    assert "Cơ quan chưa báo cáo (2/9):\n  - Sở Nội vụ\n  - Sở Ngoại vụ\n" in terminal
    assert ("Sở Khoa học và Công nghệ (cơ quan tổng hợp) chưa ghi kết quả các nhiệm vụ do "
            "mình chủ trì.") in terminal
