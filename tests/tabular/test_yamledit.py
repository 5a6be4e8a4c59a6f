"""Editing ``tasks`` lists in YAML text: only the lines of what changed are touched."""

from __future__ import annotations

import pytest

from lsdocs.tabular.yamledit import LayoutError, TaskUpdate, TextEdit, edit_tasks

PLAN = """\
# top comment
task_groups:
  - id: a
    title: A
    tasks:  # the tasks
      - id: "1.1"
        name: one, written over
          two lines
        lead: x
        deadline: năm 2025  # keep me
      # about 1.2
      - id: "1.2"
        name: two
        lead: y
  - id: b
    title: B
    tasks: []   # none yet
  - id: c
    title: C
    tasks:
  - id: d
    title: D
other: 1
"""
NEW = {"id": "9.1", "name": "nine", "lead": "z", "support": ["p", "q"],
       "deadline": "Năm 2026", "product": "P", "source": "illustrative"}
NEW_LINES = """\
      - id: "9.1"
        name: nine
        lead: z
        support: [p, q]
        deadline: Năm 2026
        product: P
        source: illustrative
"""


def test_no_edit_changes_nothing() -> None:
    assert edit_tasks(PLAN, TextEdit()) == PLAN


def test_a_changed_field_keeps_its_comment_and_the_other_fields_their_text() -> None:
    edited = edit_tasks(PLAN, TextEdit(updates={"1.1": TaskUpdate({"deadline": "Năm 2026"}, {})}))
    assert edited == PLAN.replace("deadline: năm 2025  # keep me", "deadline: Năm 2026  # keep me")


def test_a_multi_line_field_is_replaced_whole() -> None:
    edited = edit_tasks(PLAN, TextEdit(updates={"1.1": TaskUpdate({"name": "uno"}, {})}))
    assert edited == PLAN.replace("name: one, written over\n          two lines", "name: uno")


def test_optional_fields_are_inserted_in_field_order_and_removed() -> None:
    edit = TextEdit(updates={"1.2": TaskUpdate({"support": ["s"], "product": "Báo cáo"}, {}),
                             "1.1": TaskUpdate({"deadline": None}, {})})
    edited = edit_tasks(PLAN, edit)
    assert "        lead: y\n        support: [s]\n        product: Báo cáo\n  - id: b" in edited
    assert "deadline: năm 2025" not in edited and "# about 1.2" in edited


def test_long_values_wrap_like_the_file() -> None:
    name = " ".join(["công nghệ sinh học"] * 12)
    edited = edit_tasks(PLAN, TextEdit(updates={"1.2": TaskUpdate({"name": name}, {})}))
    lines = edited.splitlines()
    start = lines.index('      - id: "1.2"') + 1
    assert lines[start].startswith("        name: công nghệ")
    assert lines[start + 1].startswith("          ")  # continuation indented under the key
    assert max(len(line) for line in lines) <= 100


def test_new_tasks_go_after_the_last_task_or_start_a_list() -> None:
    edit = TextEdit(additions=[("a", NEW), ("b", NEW), ("c", NEW), ("d", NEW)])
    edited = edit_tasks(PLAN, edit)
    assert "        lead: y\n" + NEW_LINES + "  - id: b" in edited
    assert "    title: B\n    tasks:  # none yet\n" + NEW_LINES in edited
    assert "    title: C\n    tasks:\n" + NEW_LINES + "  - id: d" in edited
    assert "    title: D\n    tasks:\n" + NEW_LINES + "other: 1\n" in edited


def test_removing_every_task_leaves_an_empty_list() -> None:
    edited = edit_tasks(PLAN, TextEdit(removals=["1.1", "1.2"]))
    assert edited.startswith("# top comment\ntask_groups:\n  - id: a\n    title: A\n"
                             "    tasks: []  # the tasks\n      # about 1.2\n  - id: b\n")


def test_removing_the_last_task_and_adding_one_in_its_place() -> None:
    edited = edit_tasks(PLAN, TextEdit(removals=["1.2"], additions=[("a", NEW)]))
    assert "      # about 1.2\n" + NEW_LINES + "  - id: b" in edited


def test_a_change_on_the_dash_line_rewrites_the_task() -> None:
    plan = PLAN.replace('      - id: "1.2"\n        name: two\n',
                        '      - name: two\n        id: "1.2"\n')
    full = {"id": "1.2", "name": "deux", "lead": "y"}
    edited = edit_tasks(plan, TextEdit(updates={"1.2": TaskUpdate({"name": "deux"}, full)}))
    assert '      - id: "1.2"\n        name: deux\n        lead: y\n  - id: b' in edited


def test_a_dash_alone_on_its_line() -> None:
    plan = PLAN.replace('      - id: "1.2"\n', '      -\n        id: "1.2"\n')
    edited = edit_tasks(plan, TextEdit(removals=["1.2"]))
    assert "name: two" not in edited and "      # about 1.2\n  - id: b" in edited


def test_line_ends_and_byte_order_mark_are_kept() -> None:
    plan = "\ufeff" + PLAN.replace("\n", "\r\n")
    edited = edit_tasks(plan, TextEdit(updates={"1.2": TaskUpdate({"lead": "w"}, {})}))
    assert edited == plan.replace("lead: y", "lead: w")


def test_ids_are_written_in_double_quotes() -> None:
    edited = edit_tasks(PLAN, TextEdit(additions=[("a", {**NEW, "id": "1.10"})]))
    assert '      - id: "1.10"\n' in edited


@pytest.mark.parametrize("plan", [
    "task_groups: 3\n",
    "task_groups:\n  - id: a\n    tasks: [{id: '1'}]\n",
    "task_groups:\n  - id: a\n    tasks:\n      - id: '1'\n        name: \u2028x\n",
])
def test_layouts_it_cannot_edit_safely_are_refused(plan: str) -> None:
    with pytest.raises(LayoutError):
        edit_tasks(plan, TextEdit(removals=["1"]))


def test_an_unknown_task_is_refused() -> None:
    with pytest.raises(LayoutError):
        edit_tasks(PLAN, TextEdit(removals=["7.7"]))
