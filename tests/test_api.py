"""The public API, used only as an office script would: ``import lsdocs``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import lsdocs

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "content" / "kh-182-2023.yaml"


def test_every_exported_name_resolves() -> None:
    for name in lsdocs.__all__:
        assert getattr(lsdocs, name) is not None, name


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        lsdocs.no_such_thing  # noqa: B018


def test_build_plan_accepts_plain_strings(tmp_path: Path) -> None:
    result = lsdocs.build_plan(str(PLAN), str(tmp_path))
    assert [p.name for p in result.files] == ["ke-hoach.docx", "phu-luc-phan-cong.docx"]
    assert lsdocs.check_document(result.files[0]).passed(strict=True)


def test_a_script_loads_once_and_writes_many(tmp_path: Path) -> None:
    content = lsdocs.load_content(str(PLAN.parent))
    first = lsdocs.write_letter(content, "giao-nhiem-vu", agency="syt", date="30/11/2026",
                                output_dir=tmp_path)
    again = lsdocs.write_letter(content, "giao-nhiem-vu", agency="syt",
                                date=dt.date(2026, 11, 30), output_dir=tmp_path)
    assert first.path == again.path and first.path.is_file()
    assert first.changed and not again.changed
    assert first.agency == "syt"


def test_a_2023_agency_id_reaches_its_successor(tmp_path: Path) -> None:
    letter = lsdocs.write_letter(PLAN, "giao-nhiem-vu", agency="snnptnt", date="30/11/2026",
                                 output_dir=tmp_path)
    assert letter.agency == "snnmt"


def test_run_batch_returns_its_items(tmp_path: Path) -> None:
    result = lsdocs.run_batch(PLAN, "de-nghi-bao-cao", date="30/11/2026", year=2026,
                              output_dir=tmp_path)
    assert result.items and not result.failed
    assert all((result.directory / item.file).is_file() for item in result.items)
    assert (result.directory / "manifest.json").is_file()


@pytest.mark.parametrize(
    ("kwargs", "place"),
    [
        ({"date": "31/02/2026"}, "tham số date"),
        ({"date": "30/11/2026"}, "tham số agency"),
    ],
)
def test_mistakes_raise_usage_errors_naming_the_parameter(
        tmp_path: Path, kwargs: dict[str, str], place: str) -> None:
    with pytest.raises(lsdocs.UsageError) as caught:
        lsdocs.write_letter(PLAN, "giao-nhiem-vu", output_dir=tmp_path, **kwargs)
    assert caught.value.exit_code == 2
    assert str(caught.value).startswith(place)
    assert not any(tmp_path.iterdir())


def test_a_kind_from_another_family_is_refused(tmp_path: Path) -> None:
    with pytest.raises(lsdocs.UsageError, match="trien-khai"):
        lsdocs.run_batch(PLAN, "trien-khai", output_dir=tmp_path)


def test_content_errors_carry_located_problems(tmp_path: Path) -> None:
    broken = ROOT / "tests" / "fixtures" / "content" / "impossible-date.yaml"
    with pytest.raises(lsdocs.ContentError) as caught:
        lsdocs.load_content(broken)
    problem = caught.value.problems[0]
    assert problem.location.file and problem.location.line
    assert lsdocs.validate(broken)


def test_check_and_fix_a_document(tmp_path: Path) -> None:
    built = lsdocs.build_plan(PLAN, tmp_path).files[0]
    report = lsdocs.check_document(built.read_bytes())
    assert report.passed(strict=True)
    fixed = lsdocs.fix_document(built, tmp_path / "fixed.docx")
    assert fixed.after is not None and fixed.after.passed()


def test_the_assignment_table_round_trip(tmp_path: Path) -> None:
    plan = tmp_path / "plan" / "kh-182-2023.yaml"
    plan.parent.mkdir()
    plan.write_bytes(PLAN.read_bytes())
    (plan.parent / "agencies.yaml").write_bytes((PLAN.parent / "agencies.yaml").read_bytes())
    table = tmp_path / "pc.xlsx"
    lsdocs.export_table(plan, table)
    before = plan.read_bytes()
    lsdocs.import_table(table, plan)
    assert plan.read_bytes() == before


def test_kinds_are_one_table() -> None:
    assert lsdocs.KINDS["giao-nhiem-vu"].per_agency
    assert lsdocs.KINDS["ke-hoach"].template == "ke-hoach.docx"
