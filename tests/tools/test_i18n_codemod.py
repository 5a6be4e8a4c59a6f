"""tools/i18n_codemod.py: pairs move into the catalog, the code keeps working, English is kept."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.i18n_codemod import (
    PO,
    Scan,
    babel_msgids,
    choose_english,
    load_catalog,
    rewrite_file,
    run,
    scan_file,
    scan_tree,
    untranslated,
)

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = '''from lsdocs.errors import T, Text

A = T("Đã ghi: {p}", "Written: {p}", p=1)
B = T("một câu rất dài viết bằng tiếng Việt cho dòng thứ nhất ",
      "a very long sentence written in English for the first line", n=2)
C = T("ghép " "ngầm",
      "implicit " "join")
D = T("cộng " + "chuỗi", "plus " + "string")
E = T(
    "có dấu phẩy cuối",
    "trailing comma",
)
F = T("Không có thay đổi; {p} giữ nguyên.", "No changes; {p} left as it was.",
      p="x")
G = Text(f"{A.vi} chưa in đậm", f"{A.en} is not bold")
H = T(f"Mục {A}", f"Section {A}")
I = T("đã chuyển")
'''

EXPECTED = '''from lsdocs.errors import T, Text

A = T("Đã ghi: {p}", p=1)
B = T("một câu rất dài viết bằng tiếng Việt cho dòng thứ nhất ",
      n=2)
C = T("ghép " "ngầm")
D = T("cộng " + "chuỗi")
E = T(
    "có dấu phẩy cuối",
)
F = T("Không có thay đổi; {p} giữ nguyên.", p="x")
G = Text(f"{A.vi} chưa in đậm", f"{A.en} is not bold")
H = T(f"Mục {A}", f"Section {A}")
I = T("đã chuyển")
'''


def test_rewrites_pairs_keeping_the_layout(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(SAMPLE, encoding="utf-8")
    scan = Scan()
    scan_file(path, "sample.py", scan)
    assert {(p.vi, p.en) for p in scan.pairs} == {
        ("Đã ghi: {p}", "Written: {p}"),
        ("một câu rất dài viết bằng tiếng Việt cho dòng thứ nhất ",
         "a very long sentence written in English for the first line"),
        ("ghép ngầm", "implicit join"), ("cộng chuỗi", "plus string"),
        ("có dấu phẩy cuối", "trailing comma"),
        ("Không có thay đổi; {p} giữ nguyên.", "No changes; {p} left as it was.")}
    assert [(m.line, m.why.split(":")[0]) for m in scan.manual] == [
        (15, "Text() with f-strings"), (16, "f-string as msgid")]
    assert "đã chuyển" in scan.msgids
    rewrite_file(path, scan.pairs)
    assert path.read_text(encoding="utf-8") == EXPECTED


def test_long_lines_are_wrapped_not_joined(tmp_path: Path) -> None:
    vi = "x" * 70
    source = f'M = T("{vi}",\n      "english", name="a value long enough to pass the limit")\n'
    path = tmp_path / "long.py"
    path.write_text(source, encoding="utf-8")
    scan = Scan()
    scan_file(path, "long.py", scan)
    rewrite_file(path, scan.pairs)
    text = path.read_text(encoding="utf-8")
    assert text == f'M = T("{vi}",\n      name="a value long enough to pass the limit")\n'
    assert max(len(line) for line in text.splitlines()) <= 100


def test_msgids_are_what_pybabel_extracts() -> None:
    """Keyword T, as `make messages` runs pybabel; f-strings and non-literals are listed."""
    scan = scan_tree(ROOT)
    babel = babel_msgids(ROOT)
    assert set(scan.msgids) <= set(babel)
    manual = {(m.file, m.line) for m in scan.manual}
    for msgid in set(babel) - set(scan.msgids):  # babel reads `T("a" if x else "b")` as "ab"
        assert any((f, n) in manual or (f, n - 1) in manual or (f, n - 2) in manual
                   for f, n in babel[msgid]), msgid


def test_every_msgid_of_the_code_has_english() -> None:
    """New T() messages need their English in lsdocs.po: run `make messages`, then translate."""
    catalog = load_catalog(ROOT / PO)
    missing = untranslated(catalog, scan_tree(ROOT).msgids)
    assert not missing, f"{len(missing)} message(s) without English, e.g. {missing[:3]}"
    assert not [m.id for m in catalog if m.id and not m.string]


def test_check_mode_fails_while_pairs_remain(tmp_path: Path) -> None:
    (tmp_path / "lsdocs").mkdir()
    (tmp_path / "lsdocs" / "m.py").write_text(SAMPLE, encoding="utf-8")
    log = tmp_path / "log.txt"
    with log.open("w") as out:
        assert run(tmp_path, check=True, out=out) == 1  # type: ignore[arg-type]
        assert run(tmp_path, out=out) == 0  # type: ignore[arg-type]
        assert run(tmp_path, check=True, out=out) == 1  # type: ignore[arg-type]
    text = log.read_text(encoding="utf-8")
    assert "pair: lsdocs/m.py:3" in text and "manual: lsdocs/m.py:16: f-string" in text
    assert "untranslated: 'đã chuyển'" in text
    assert (tmp_path / PO).read_text(encoding="utf-8").count('msgstr "Written: {p}"') == 1


FORMAT_FIXTURES = r'''
import json, sys
from pathlib import Path
from lsdocs.content import validate
names = sorted(p.name for p in Path(".").glob("*.yaml"))
print(json.dumps({n: [p.format("en") for p in validate(n)] for n in names}, ensure_ascii=False))
'''


def english_of_fixtures(root: Path) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", FORMAT_FIXTURES], capture_output=True, text=True, check=True,
        cwd=ROOT / "tests" / "fixtures" / "content", timeout=300,
        env={**os.environ, "PYTHONPATH": str(root)})
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the tree after the codemod ran on it."""
    copy = tmp_path_factory.mktemp("tree")
    for name in ("lsdocs", "tools", "tests", "content", "templates"):
        shutil.copytree(ROOT / name, copy / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for name in ("setup.cfg", "pyproject.toml"):
        shutil.copy(ROOT / name, copy / name)
    done = subprocess.run([sys.executable, "-m", "tools.i18n_codemod", "--root", str(copy)],
                          cwd=copy, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(copy)})
    assert done.returncode == 0, done.stdout + done.stderr
    return copy


def test_the_converted_tree_keeps_every_english_message(converted: Path) -> None:
    assert english_of_fixtures(converted) == english_of_fixtures(ROOT)


def test_the_converted_tree_has_no_pairs_left_but_the_listed_ones(converted: Path) -> None:
    scan = scan_tree(converted)
    _english, conflicts = choose_english(scan_tree(ROOT).pairs)
    assert [(p.vi, p.en) for p in scan.pairs] == [(p.vi, p.en) for p in conflicts]
    catalog = load_catalog(converted / PO)
    for pair in scan.pairs:  # what is left: Vietnamese with two Englishes in the code
        assert catalog[pair.vi].string != pair.en


def test_the_converted_tree_passes_its_tests_and_ruff(converted: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(converted)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:randomly",
         "tests/vnformat", "tests/content", "tests/cli/test_help_language.py",
         "-k", "not usage_error_from_the_real"],
        cwd=converted, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    ruff = shutil.which("ruff")
    if ruff is not None:
        lint = subprocess.run([ruff, "check", "--select", "E,F,I,B,UP", "--line-length", "100",
                               "--target-version", "py310", "lsdocs"],
                              cwd=converted, capture_output=True, text=True)
        assert lint.returncode == 0, lint.stdout[-3000:]
