"""``lsdocs new ke-hoach``: a starter plan that validates and builds at once; plans by id."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lsdocs
from lsdocs.content import find_plan, plan_files
from lsdocs.starter import new_plan

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "content" / "agencies.yaml"


def lsdocs_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lsdocs", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_the_starter_validates_builds_and_writes_letters(tmp_path: Path) -> None:
    result = new_plan(tmp_path, "kh-25-2027", year=2027, registry=REGISTRY)
    assert result.plan == tmp_path / "kh-25-2027.yaml"
    assert result.registry == tmp_path / "agencies.yaml"
    assert lsdocs.validate(result.plan) == []
    built = lsdocs.build_plan(result.plan, tmp_path / "out")
    for path in built.files:
        assert lsdocs.check_document(path).passed(strict=True), path
    letter = lsdocs.write_letter(result.plan, "giao-nhiem-vu", agency="skhcn",
                                 date="02/01/2027", output_dir=tmp_path / "out")
    assert lsdocs.check_document(letter.path).passed(strict=True)


def test_the_starter_is_a_draft_of_its_year_with_comments(tmp_path: Path) -> None:
    plan = new_plan(tmp_path, "kh-moi", year=2027, registry=REGISTRY).plan
    text = plan.read_text(encoding="utf-8")
    assert "# " in text and "__" not in text
    content = lsdocs.load_content(plan)
    assert content.plan.document.number is None and content.plan.document.draft_year == 2027


def test_nothing_is_overwritten(tmp_path: Path) -> None:
    plan = new_plan(tmp_path, "kh-moi", registry=REGISTRY).plan
    plan.write_text(plan.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    edited = plan.read_bytes()
    with pytest.raises(lsdocs.UsageError, match="không ghi đè"):
        new_plan(tmp_path, "kh-moi", registry=REGISTRY)
    assert plan.read_bytes() == edited


@pytest.mark.parametrize("bad", ["KH 25", "kh_25", "", "kế-hoạch"])
def test_ids_must_be_safe_slugs(tmp_path: Path, bad: str) -> None:
    with pytest.raises(lsdocs.UsageError, match="mã kế hoạch không hợp lệ"):
        new_plan(tmp_path, bad, registry=REGISTRY)
    assert not any(tmp_path.iterdir())


def test_several_plans_side_by_side_are_chosen_by_id(tmp_path: Path) -> None:
    new_plan(tmp_path, "kh-a", year=2027, registry=REGISTRY)
    second = new_plan(tmp_path, "kh-b", year=2027, registry=REGISTRY).plan
    renamed = tmp_path / "ban-thu-hai.yaml"
    second.rename(renamed)
    assert [p.name for p in plan_files(tmp_path)] == ["ban-thu-hai.yaml", "kh-a.yaml"]
    assert find_plan("kh-b", tmp_path) == renamed  # by the id written in the file
    assert find_plan("kh-c", tmp_path) is None
    problems = lsdocs.validate(tmp_path)
    assert [p.code for p in problems] == ["plan-file"]
    assert "kh-182-2023" in problems[0].format()  # the hint shows what an id looks like


def test_cli_new_then_build_by_id(tmp_path: Path) -> None:
    made = lsdocs_cli("new", "ke-hoach", "--id", "kh-25-2027", "--year", "2027", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "content" / "kh-25-2027.yaml").is_file()
    built = lsdocs_cli("build", "kh-25-2027", "-o", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "kh-25-2027" / "ke-hoach.docx").is_file()
    again = lsdocs_cli("new", "ke-hoach", "--id", "kh-25-2027", cwd=tmp_path)
    assert again.returncode == 2 and "không ghi đè" in again.stderr


def test_a_missing_letters_section_is_reported_with_its_line(tmp_path: Path) -> None:
    plan = new_plan(tmp_path, "kh-moi", year=2027, registry=REGISTRY).plan
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text[: text.index("\n# Công văn")] + "\n", encoding="utf-8")
    with pytest.raises(lsdocs.ContentError) as caught:
        lsdocs.write_letter(plan, "trien-khai", date="02/01/2027", output_dir=tmp_path / "o")
    location = caught.value.problems[0].location
    assert location.file == str(plan) and location.line and location.path == "letters.issuers"
