"""Which file is the plan, and what load_plan returns."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lsdocs.content import load_plan, validate
from lsdocs.errors import ContentError

from .conftest import FIXTURES


def plan_dir(tmp_path: Path, *names: str) -> Path:
    shutil.copy(FIXTURES / "agencies.yaml", tmp_path / "agencies.yaml")
    for name in names:
        shutil.copy(FIXTURES / "valid-plan.yaml", tmp_path / name)
    return tmp_path


def test_a_directory_with_one_plan_loads_it(tmp_path: Path) -> None:
    folder = plan_dir(tmp_path, "kh.yaml")
    (folder / "_notes.yaml").write_text("not: a plan\n", encoding="utf-8")
    content = load_plan(folder)
    assert content.plan_file == str(folder / "kh.yaml")
    assert content.registry_file == str(folder / "agencies.yaml")
    assert content.plan.id == "kh-thu"


@pytest.mark.parametrize("names, found, message", [
    ((), "—", "thư mục không có tệp kế hoạch .yaml (ngoài agencies.yaml)"),
    (("a.yaml", "b.yml"), "a.yaml, b.yml", "thư mục có nhiều kế hoạch; cần chỉ rõ kế hoạch nào"),
])
def test_a_directory_names_its_plan_or_the_plan_is_chosen(
        tmp_path: Path, names: tuple[str, ...], found: str, message: str) -> None:
    (problem,) = validate(plan_dir(tmp_path, *names))
    assert problem.code == "plan-file"
    assert problem.found == found
    assert problem.message.vi == message


def test_the_model_of_the_valid_fixture() -> None:
    plan = load_plan(FIXTURES / "valid-plan.yaml").plan
    first, second = plan.tasks
    assert (first.id, first.lead, first.support) == ("1.1", "skhcn",
                                                     ("sttt", "ubnd-cac-huyen-thanh-pho"))
    assert (second.deadline.text, second.deadline.kind) == ("31/12/2024", "date")
    item = plan.objectives[0].items[1]
    assert item.target is not None and (item.target.value, item.target.change) == (50, "increase")
    assert [r.text for r in plan.document.recipients] == [
        "Bộ Khoa học và Công nghệ", "Thường trực Tỉnh ủy"]
    assert plan.document.recipients[0].agency == "bo-khcn"
    assert plan.organization.reporting.also_to == ("bo-khcn",)


def test_a_registry_file_is_validated_on_its_own() -> None:
    assert validate(FIXTURES / "agencies.yaml") == []
    with pytest.raises(ContentError):
        load_plan(FIXTURES / "agencies.yaml")


def test_succession_must_pick_a_successor(tmp_path: Path) -> None:
    folder = plan_dir(tmp_path, "kh.yaml")
    plan = folder / "kh.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "succession:\n  sttt: syt\n",
                    encoding="utf-8")
    (problem,) = validate(plan)
    assert (problem.location.path, problem.code) == ("succession.sttt", "bad-succession")
    assert problem.format().endswith(
        "succession.sttt: lỗi: cơ quan được chọn không kế thừa sttt: «syt» "
        "(cần một trong: skhcn, svhttdl)")


def test_an_agency_that_did_not_exist_on_the_issue_date_is_a_warning(tmp_path: Path) -> None:
    folder = plan_dir(tmp_path, "kh.yaml")
    plan = folder / "kh.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "    support: [skhcn]\n", "    support: [snnmt]\n"), encoding="utf-8")
    (problem,) = validate(plan)
    assert (problem.severity, problem.code) == ("warning", "agency-not-existing")
    assert problem.message.vi == "cơ quan chưa thành lập vào ngày ban hành (06/9/2023)"
    assert load_plan(plan).plan.tasks[1].support == ("snnmt",)
