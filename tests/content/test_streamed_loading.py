"""Tasks and registry entries are checked one by one as they are read, and nothing changes for
the clerk: the same problems, worded the same, at the same lines and key paths, in the same
order, on the libyaml path (which streams) and the ruamel.yaml path (which reads whole).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from lsdocs.content import fastyaml, load_plan, validate
from lsdocs.content._report import Reporter
from lsdocs.content.model import Agency, Task
from lsdocs.content.node import Streamed
from lsdocs.content.plan_loader import load_registry
from lsdocs.content.task_stream import TaskStream
from lsdocs.content.yamlsource import read_yaml
from lsdocs.errors import ContentError, Problem
from tests.content.conftest import FIXTURES
from tools.synthetic import write_synthetic

AGENCIES = 40


def formatted(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(p.format("vi"), p.format("en")) for p in problems]


def on_both_paths(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[tuple[str, str]]:
    """validate() with libyaml (streaming) and with ruamel.yaml only: must be the same."""
    fast = formatted(validate(path))
    with monkeypatch.context() as patch:
        patch.setattr(fastyaml, "_libyaml", None)
        slow = formatted(validate(path))
    assert fast == slow
    return fast


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic(tmp_path_factory.mktemp("synthetic"), AGENCIES)


def edited(synthetic: Path, folder: Path, plan_edit: Any = None, registry_edit: Any = None
           ) -> Path:
    """A copy of the synthetic content in *folder*, each file changed by its edit function."""
    yaml = YAML()
    yaml.width = 4096
    for name, edit in (("plan.yaml", plan_edit), ("agencies.yaml", registry_edit)):
        data = yaml.load((synthetic.parent / name).read_text(encoding="utf-8"))
        if edit is not None:
            edit(data)
        with (folder / name).open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    return folder / "plan.yaml"


def task(plan: dict[str, Any], task_id: str) -> dict[str, Any]:
    group, position = (int(n) - 1 for n in task_id.split("."))
    found: dict[str, Any] = plan["task_groups"][group]["tasks"][position]
    assert found["id"] == task_id
    return found


def line_of(path: Path, text: str, after: str | None = None) -> int:
    """1-based line of the first line containing *text* (after the line containing *after*)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and text in line) + 1


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.yaml")))
def test_every_fixture_reports_the_same_on_both_paths(
        name: str, monkeypatch: pytest.MonkeyPatch, in_fixtures: Path) -> None:
    on_both_paths(monkeypatch, Path(name))


def test_mistakes_deep_in_two_tasks_keep_their_lines_and_paths(
        synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def spoil(plan: dict[str, Any]) -> None:
        task(plan, "3.7")["lead"] = "stn-9999"
        task(plan, "5.6")["deadline"] = "31/02/2026"
        task(plan, "4.8")["support"].append(task(plan, "4.8")["support"][0])
        task(plan, "2.3")["id"] = "3.7"

    path = edited(synthetic, tmp_path, spoil)
    found = on_both_paths(monkeypatch, path)
    lead = line_of(path, "lead: stn-9999")
    deadline = line_of(path, "deadline: 31/02/2026")
    first_id = line_of(path, "- id: '3.7'")  # task 2.3, renamed: group 2 comes first
    twice = line_of(path, "- id: '3.7'", after="- id: '3.6'")
    support = line_of(path, "- stn-", after="- id: '4.8'") + 1
    assert [vi.split(": lỗi")[0] for vi, _ in found] == [
        f"{path}:{twice}: task_groups[2].tasks[6].id",
        f"{path}:{lead}: task_groups[2].tasks[6].lead",
        f"{path}:{support}: task_groups[3].tasks[7].support[1]",
        f"{path}:{deadline}: task_groups[4].tasks[5].deadline",
    ]
    assert f"mã bị trùng (đã dùng ở task_groups[1].tasks[2].id, dòng {first_id})" in found[0][0]
    assert any("stn-9999" in vi and "không có cơ quan mã này" in vi for vi, _ in found)
    assert any("31/02/2026" in en for _, en in found)
    assert sum(1 for _, en in found if ": error:" in en) == 4


def test_duplicate_task_id_names_the_first_place(
        synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = edited(synthetic, tmp_path, lambda plan: task(plan, "4.9").update(id="1.2"))
    found = on_both_paths(monkeypatch, path)
    first = line_of(path, "- id: '1.2'")
    assert len(found) == 1
    assert found[0][0].startswith(
        f"{path}:{line_of(path, '- id: ' + chr(39) + '1.2', after='- id: ' + chr(39) + '4.8')}"
        ": task_groups[3].tasks[8].id: lỗi: mã bị trùng (đã dùng ở task_groups[0].tasks[1].id, "
        f"dòng {first})")


def test_deadline_before_the_plan_is_reported_for_clean_and_broken_tasks(
        synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def spoil(plan: dict[str, Any]) -> None:
        task(plan, "2.2")["deadline"] = "31/12/2022"  # a clean task: built while read
        task(plan, "3.3").update(deadline="quý I/2023", lead="stn-9999")  # kept as its tree

    path = edited(synthetic, tmp_path, spoil)
    found = on_both_paths(monkeypatch, path)
    early = [vi for vi, _ in found if "thời hạn trước ngày ban hành" in vi]
    assert early == [
        f"{path}:{line_of(path, 'deadline: 31/12/2022')}: task_groups[1].tasks[1].deadline: lỗi: "
        "thời hạn trước ngày ban hành kế hoạch: «31/12/2022» (cần thời hạn từ ngày 06/9/2023 trở "
        "đi)",
        f"{path}:{line_of(path, 'deadline: quý I/2023')}: task_groups[2].tasks[2].deadline: lỗi: "
        "thời hạn trước ngày ban hành kế hoạch: «quý I/2023» (cần thời hạn từ ngày 06/9/2023 trở "
        "đi)",
    ]


def test_registry_mistakes_in_two_entries_and_a_reference_further_down(
        synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def spoil(registry: dict[str, Any]) -> None:
        entries = {e["id"]: e for e in registry["agencies"]}
        entries["stn-0005"]["parent"] = "stn-0030"  # further down: fine
        entries["stn-0010"]["parent"] = "stn-9999"
        entries["stn-0020"]["kind"] = "sở"

    path = edited(synthetic, tmp_path, registry_edit=spoil)
    found = on_both_paths(monkeypatch, path)
    registry = tmp_path / "agencies.yaml"
    assert [vi.split(": lỗi")[0] for vi, _ in found] == [
        f"{registry}:{line_of(registry, 'parent: stn-9999')}: agencies"
        f"[{entries_index(registry, 'stn-0010')}].parent",
        f"{registry}:{line_of(registry, 'kind: sở')}: agencies"
        f"[{entries_index(registry, 'stn-0020')}].kind",
    ]
    assert "không có cơ quan mã này trong danh mục: «stn-9999»" in found[0][0]
    assert len(found) == 2  # the reference to stn-0030, further down, is fine


def entries_index(registry: Path, agency_id: str) -> int:
    data = YAML(typ="safe").load(registry.read_text(encoding="utf-8"))
    return next(i for i, e in enumerate(data["agencies"]) if e["id"] == agency_id)


def test_both_paths_build_the_same_model(
        synthetic: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = load_plan(synthetic)
    with monkeypatch.context() as patch:
        patch.setattr(fastyaml, "_libyaml", None)
        slow = load_plan(synthetic)
    assert fast.plan == slow.plan
    assert fast.registry == slow.registry
    assert load_registry(synthetic.parent / "agencies.yaml") == fast.registry
    assert len(fast.plan.tasks) == AGENCIES * 5


def test_tasks_are_kept_as_model_tasks_not_trees(synthetic: Path) -> None:
    registry = load_registry(synthetic.parent / "agencies.yaml")
    stream = TaskStream(str(synthetic), None, registry)
    root = read_yaml(synthetic, Reporter(str(synthetic)), stream)
    assert root is not None
    lists = [g.value["tasks"].value for g in root.value["task_groups"].value]
    assert all(isinstance(tasks, Streamed) for tasks in lists)
    assert all(isinstance(t, Task) for tasks in lists for t in tasks.items)
    assert sum(len(tasks) for tasks in lists) == AGENCIES * 5
    assert stream.lists == lists


def test_a_registry_entry_with_an_error_keeps_its_tree_and_the_registry_is_refused(
        synthetic: Path, tmp_path: Path) -> None:
    path = edited(synthetic, tmp_path, registry_edit=lambda r: r["agencies"][-1].pop("name"))
    with pytest.raises(ContentError) as caught:
        load_registry(tmp_path / "agencies.yaml")
    assert [(p.location.path, p.code) for p in caught.value.problems] == [
        (f"agencies[{AGENCIES + 30}].name", "missing-key")]
    assert isinstance(load_registry(synthetic.parent / "agencies.yaml").get("stn-0001"), Agency)
    assert path.exists()


def test_an_id_used_three_times_and_another_duplicate_after_it(
        synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def spoil(plan: dict[str, Any]) -> None:
        task(plan, "2.4")["id"] = "1.3"
        task(plan, "4.2")["id"] = "1.3"
        task(plan, "5.7")["id"] = "3.1"

    path = edited(synthetic, tmp_path, spoil)
    found = on_both_paths(monkeypatch, path)
    first, other = line_of(path, "- id: '1.3'"), line_of(path, "- id: '3.1'")
    assert [vi.split(": lỗi: ")[1] for vi, _ in found] == [
        f"mã bị trùng (đã dùng ở task_groups[0].tasks[2].id, dòng {first}): «1.3»",
        f"mã bị trùng (đã dùng ở task_groups[0].tasks[2].id, dòng {first}): «1.3»",
        f"mã bị trùng (đã dùng ở task_groups[2].tasks[0].id, dòng {other}): «3.1»",
    ]


def test_registry_duplicate_ids_name_the_first_entry(
        synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def spoil(registry: dict[str, Any]) -> None:
        entries = {e["id"]: e for e in registry["agencies"]}
        entries["stn-0012"]["id"] = "stn-0003"
        entries["stn-0030"]["id"] = "stn-0003"
        entries["stn-0031"]["id"] = "stn-0020"

    edited(synthetic, tmp_path, registry_edit=spoil)
    registry = tmp_path / "agencies.yaml"
    found = on_both_paths(monkeypatch, tmp_path / "plan.yaml")
    first, other = line_of(registry, "id: stn-0003"), line_of(registry, "id: stn-0020")
    duplicates = [vi.split(": lỗi: ")[1] for vi, _ in found if "mã cơ quan bị trùng" in vi]
    assert duplicates == [f"mã cơ quan bị trùng (đã có ở dòng {first}): «stn-0003»"] * 2 + [
        f"mã cơ quan bị trùng (đã có ở dòng {other}): «stn-0020»"]


def _field_types() -> list[Any]:
    """Every field type of the plan and registry formats, each once."""
    from lsdocs.content import plan_specs
    from lsdocs.content.schema import EitherType, ListType, MapOfType, MapSpec

    found: dict[int, Any] = {}

    def walk(kind: Any) -> None:
        if id(kind) in found:
            return
        found[id(kind)] = kind
        children = ([f.type for f in kind.fields] if isinstance(kind, MapSpec)
                    else [kind.item] if isinstance(kind, ListType)
                    else [kind.key, kind.value] if isinstance(kind, MapOfType)
                    else [kind.text, kind.spec] if isinstance(kind, EitherType) else [])
        for child in children:
            walk(child)

    walk(plan_specs.PLAN)
    walk(plan_specs.REGISTRY)
    return list(found.values())


SAMPLES: list[Any] = [
    None, "", "  ", "x", "hằng năm", "quý IV/2026", "2024 - 2030", "31/12/2026", "31/02/2026",
    "1.1", "1.", "kh-182-2023", "KH", "ubnd-tinh", "skhcn", "stn-0001", "nope", "KGVX",
    "SỞ THỬ NGHIỆM", "Sở thử nghiệm", "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "GS. Nguyễn Văn A",
    "Dương Xuân Huyên", "THỰC HIỆN KẾ HOẠCH NĂM", "thực hiện", "A" * 30, "verbatim",
    "illustrative", "increase", "agencies", "ke-hoach", "ubnd", 0, 1, 7, 2030, 1800, 1.5, True,
    False, [], ["x"], ["ubnd-tinh", "skhcn"], ["A", ""], {}, {"text": "x"},
    {"agency": "ubnd-tinh"}, {"agency": "nope"}, {"ubnd-tinh": "vp-ubnd"},
]


def test_accepts_is_check_with_nothing_to_say() -> None:
    """``accepts`` never passes what ``check`` would word or keep; on scalars it passes all else.

    The registry lookup keeps references to agencies with dates (as a plan's
    task stream does): a type must not accept those, whose nodes later checks need.
    """
    from datetime import date

    from lsdocs.content.agencies import AgencyIndex
    from lsdocs.content.node import plain_tree
    from lsdocs.content.schema import Ctx

    names = {"ubnd-tinh": ("UBND",), "skhcn": ("Sở KH&CN",), "vp-ubnd": ("VP",)}
    for kind in _field_types():
        for value in [*SAMPLES, date(2023, 9, 6)]:
            lookup = AgencyIndex(names, "agencies.yaml", keep=frozenset({"skhcn"}))
            rep = Reporter("x.yaml")
            passed = kind.check(plain_tree(value, [1] * 20, "", "v"), Ctx(rep, lookup))
            silent = passed and not rep.problems.problems and not lookup.refs
            accepted = kind.accepts(value, Ctx(Reporter("x.yaml"), lookup))
            assert not accepted or silent, (kind, value)
            if not isinstance(value, (dict, list)):
                assert accepted == silent, (kind, value)
