"""Content that is too big, an alias bomb, control characters: refused with file and line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lsdocs.content import load_plan, validate
from lsdocs.errors import ContentError
from lsdocs.limits import MAX_CONTENT_BYTES, MAX_YAML_NODES
from tests.conftest import ROOT, SHIPPED_PLAN


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["lsdocs: 1", 'l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, levels):
        refs = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_naming_the_limit(tmp_path: Path) -> None:
    file = tmp_path / "bomb.yaml"
    file.write_text(alias_bomb(), encoding="utf-8")
    problems = validate(file)
    assert [p.code for p in problems] == ["yaml-limit"]
    assert f"{MAX_YAML_NODES}" in problems[0].format("vi")
    assert problems[0].location.line is not None


def test_a_wide_alias_fan_out_is_refused(tmp_path: Path) -> None:
    body = "lsdocs: 1\na: &a {k: v}\nb: [" + ", ".join(["*a"] * 5000) + "]\n"
    file = tmp_path / "fan.yaml"
    file.write_text(body, encoding="utf-8")
    assert [p.code for p in validate(file)] == ["yaml-limit"]


def test_a_content_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    file = tmp_path / "big.yaml"
    with file.open("wb") as handle:
        handle.truncate(MAX_CONTENT_BYTES + 1)
    problems = validate(file)
    assert [p.code for p in problems] == ["too-large"]
    assert "giới hạn 2 MB" in problems[0].format("vi")


def test_special_files_are_not_content(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ContentError) as info:
        load_plan(fifo)
    assert info.value.exit_code == 2
    assert "không phải tệp thường" in info.value.format("vi")


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    for name in ("kh-182-2023.yaml", "agencies.yaml"):
        shutil.copyfile(SHIPPED_PLAN.parent / name, tmp_path / name)
    return tmp_path / "kh-182-2023.yaml"


def replace_trich_yeu(plan: Path, value: str) -> int:
    """Replace the plan's trích yếu by *value* (YAML source); return its line."""
    lines = plan.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("  trich_yeu:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    lines[start:end] = [f"  trich_yeu: {value}"]
    plan.write_text("\n".join(lines), encoding="utf-8")
    return start + 1


@pytest.mark.parametrize("value", ['"Kế hoạch\\x01"', '"Kế hoạch\\0"', '"a\\u0085b"',
                                   '"a\\x7fb"', '"\\ud800"', '"a\\uffffb"', '"a\\x1bb"'])
def test_escaped_control_characters_are_refused_by_validate(plan_copy: Path, value: str) -> None:
    line = replace_trich_yeu(plan_copy, value)
    problems = [p for p in validate(plan_copy) if p.is_error]
    assert [p.code for p in problems] == ["control-character"]
    assert problems[0].location.line == line
    assert problems[0].location.path == "document.trich_yeu"


def test_tabs_and_line_breaks_are_still_fine(plan_copy: Path) -> None:
    replace_trich_yeu(plan_copy, '"Thực hiện\\tkế hoạch\\nnăm 2024"')
    assert not [p for p in validate(plan_copy) if p.is_error]


def test_a_raw_control_character_is_located(plan_copy: Path) -> None:
    line = replace_trich_yeu(plan_copy, "Kế hoạch\x01 mới")
    problems = validate(plan_copy)
    assert [(p.code, p.location.line) for p in problems] == [("control-character", line)]


def test_build_never_blames_the_template_for_content(plan_copy: Path, tmp_path: Path) -> None:
    replace_trich_yeu(plan_copy, '"Kế hoạch\\x01"')
    run = subprocess.run([sys.executable, "-m", "lsdocs", "build", str(plan_copy), "-o",
                          str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert run.returncode == 1
    assert "kh-182-2023.yaml:" in run.stderr and "ký tự điều khiển" in run.stderr
    assert "mẫu" not in run.stderr.split("ký tự điều khiển")[0]
    assert not (tmp_path / "out").exists()


def test_a_missing_registry_is_named_in_full(tmp_path: Path) -> None:
    deep = tmp_path / ("thu-muc-rat-dai-" * 6) / "ke-hoach"
    deep.mkdir(parents=True)
    shutil.copyfile(SHIPPED_PLAN, deep / "kh.yaml")
    problems = validate(deep / "kh.yaml")
    message = next(p for p in problems if p.code == "missing-registry").format("vi")
    assert str(deep / "agencies.yaml") in message
