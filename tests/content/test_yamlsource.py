"""read_yaml: lines and key paths for everything, NFC, and no exception for junk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lsdocs.content._report import Reporter
from lsdocs.content.yamlsource import read_yaml


def read(tmp_path: Path, text: str) -> tuple[object, Reporter]:
    file = tmp_path / "x.yaml"
    file.write_text(text, encoding="utf-8")
    rep = Reporter("x.yaml")
    return read_yaml(file, rep), rep


def test_every_key_value_and_item_has_its_line_and_path(tmp_path: Path) -> None:
    root, rep = read(tmp_path, "a: 1\nb:\n  c: [x, y]\n  d:\n    - e: 06/9/2023\n")
    assert not rep.problems.problems
    d0 = root.value["b"].value["d"].value[0]
    assert (d0.line, d0.path, d0.key_line) == (5, "b.d[0]", None)
    e = d0.value["e"]
    assert (e.value, e.line, e.path, e.key_line) == ("06/9/2023", 5, "b.d[0].e", 5)
    assert root.value["b"].anchor_line == 2
    assert root.value["b"].value["c"].value[1].path == "b.c[1]"


def test_yaml_12_scalars(tmp_path: Path) -> None:
    root, _ = read(tmp_path, "a: yes\nb: 182\nc: 1.5\nd: ~\ne: true\nf: 2023-09-06\n")
    assert root.plain() == {"a": "yes", "b": 182, "c": 1.5, "d": None, "e": True,
                            "f": dt.date(2023, 9, 6)}


def test_every_duplicate_key_is_reported(tmp_path: Path) -> None:
    root, rep = read(tmp_path, "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n")
    assert [(p.location.line, p.location.path, p.code) for p in rep.problems.problems] == [
        (2, "a", "duplicate-key"), (5, "b.c", "duplicate-key")]
    assert root.plain() == {"a": 1, "b": {"c": 1}}  # the first one is kept


def test_syntax_error_has_a_line(tmp_path: Path) -> None:
    root, rep = read(tmp_path, "a: 1\nb: [1, 2\nc: 3\n")
    (problem,) = rep.problems.problems
    assert root is None
    assert problem.code == "yaml-syntax" and problem.location.line is not None


def test_keys_and_values_are_normalised_to_nfc(tmp_path: Path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Hòa")
    root, rep = read(tmp_path, f"{nfd}: {nfd}\n")
    assert root.plain() == {"Hòa": "Hòa"}
    assert [p.severity for p in rep.problems.problems] == ["warning", "warning"]


def test_a_recursive_alias_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    _, rep = read(tmp_path, "a: &x [*x]\n")
    assert [p.code for p in rep.problems.errors] == ["too-deep"]
