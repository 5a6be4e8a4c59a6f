"""The libyaml reader gives the ruamel.yaml reader's tree: same values, same lines, same paths.

Every YAML file lsdocs ships or tests with, synthetic content and a list of
tricky scalars go through both readers.  Where the fast reader declines a file
(:class:`Fallback`), read_yaml uses the ruamel.yaml reader, so declining is
always safe; the shipped and synthetic content must not be declined.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from lsdocs.content import fastyaml
from lsdocs.content._report import Reporter
from lsdocs.content.node import Node, line_map
from lsdocs.content.yamlsource import _read_with_ruamel, read_yaml
from lsdocs.limits import MAX_YAML_NODES

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p for folder in (ROOT / "content", ROOT / "tests" / "fixtures")
               for p in folder.rglob("*.y*ml"))


def typed(value: Any) -> Any:
    """The value with each leaf's type beside it (``True == 1`` must not pass)."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def both(data: bytes) -> tuple[Node | None, Node | None, Reporter]:
    """(fast tree or None when declined, ruamel tree, ruamel's problems)."""
    rep = Reporter("x.yaml")
    slow = _read_with_ruamel(data, rep)
    try:
        fast = fastyaml.read(data, MAX_YAML_NODES)
    except fastyaml.Fallback:
        fast = None
    return fast, slow, rep


def assert_same(fast: Node, slow: Node | None) -> None:
    assert slow is not None
    assert typed(fast.plain()) == typed(slow.plain())
    assert line_map(fast) == line_map(slow)


def test_there_are_files_to_compare() -> None:
    assert len(FILES) > 40
    assert ROOT / "content" / "kh-182-2023.yaml" in FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_reads_the_same_on_both_paths(path: Path) -> None:
    fast, slow, rep = both(path.read_bytes())
    if fast is None:  # declined: read_yaml takes the ruamel.yaml path
        return
    assert not rep.problems.problems  # the fast path takes only clean files
    assert_same(fast, slow)


def test_shipped_content_takes_the_fast_path() -> None:
    shipped = [p for p in FILES if p.is_relative_to(ROOT / "content")]
    assert len(shipped) > 10
    for path in shipped:
        fast, slow, _ = both(path.read_bytes())
        assert fast is not None, path
        assert_same(fast, slow)


def test_synthetic_content_takes_the_fast_path(tmp_path: Path) -> None:
    from tools.synthetic import write_synthetic, write_synthetic_progress

    plan = write_synthetic(tmp_path, 12, 6)
    write_synthetic_progress(plan, 3)
    files = sorted(tmp_path.rglob("*.yaml"))
    assert len(files) > 20
    for path in files:
        fast, slow, _ = both(path.read_bytes())
        assert fast is not None, path
        assert_same(fast, slow)


SCALARS = [
    # YAML 1.1 words that YAML 1.2 reads as text
    "yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "y", "n", "Y", "N",
    # booleans and nulls
    "true", "True", "TRUE", "false", "False", "FALSE", "tRue", "~", "null", "Null", "NULL",
    "nUll", "", "none", "None",
    # integers
    "0", "7", "182", "-5", "+5", "010", "0o10", "0o", "08", "09", "0x1F", "0xZZ", "0b101",
    "1_000", "1__0", "_1", "-0", "123456789012345678901234567890", "1,000", "1.000",
    # floats
    "1.5", "-1.5", "0.1", "1.", "1.0", ".5", "-.5", "1e3", "1E3", "1.5e-3", "1e+3", ".inf",
    "-.inf", "+.INF", ".nan", ".NaN", "1_0.5", "3.14159265358979323846", "6.0", "00.5",
    "1.5.5",
    # dates and times
    "2023-09-06", "2023-9-6", "2023-02-30", "2023-13-01", "2023-09-06T10:00:00",
    "2023-09-06 10:00:00", "2023-09-06t10:00:00Z", "2023-09-06 10:00:00 +07:00",
    "2023-09-06 10:00:00.5", "06/9/2023", "2024 - 2030", "quý IV/2026", "10:30", "1:20:30",
    "2023-09-06 ",
    # merge, value and friends
    "<<", "=", "<", "==", "<< x",
    # ordinary text
    "hằng năm", "Sở KH&CN", "a # not a comment", "x: y", "1.2.3", "12 tháng", "- a",
    "0a", "1a", "+", "-", ".", "..", "+-1",
]


@pytest.mark.parametrize("text", SCALARS)
@pytest.mark.parametrize("form", ["v: {}\n", "v: [{}]\n", "- {}\n", "{}: x\n",
                                  "v: '{}'\n", 'v: "{}"\n', "v: |\n  {}\n", "v: >-\n  {}\n"])
def test_tricky_scalars_read_the_same_or_are_declined(text: str, form: str) -> None:
    if form == "{}: x\n" and not text.strip():
        return
    data = form.format(text).encode("utf-8")
    fast, slow, rep = both(data)
    if slow is None or rep.problems.errors:
        assert fast is None  # a syntax error: only the ruamel.yaml path words it
        return
    if fast is not None:
        assert_same(fast, slow)


@pytest.mark.parametrize("text, value", [
    ("182", 182), ("-5", -5), ("0", 0), ("1.5", 1.5), ("true", True), ("False", False),
    ("~", None), ("", None), ("yes", "yes"), ("on", "on"), ("2023-09-06", dt.date(2023, 9, 6)),
    ("2024 - 2030", "2024 - 2030"), ("06/9/2023", "06/9/2023"), ("hằng năm", "hằng năm"),
])
def test_common_scalars_stay_on_the_fast_path(text: str, value: object) -> None:
    fast, slow, _ = both(f"v: {text}\n".encode())
    assert fast is not None
    assert typed(fast.plain()) == typed({"v": value})
    assert_same(fast, slow)


DOCUMENTS = {
    "comments": "# c\na: 1 # c\n# c\nb:\n  # c\n  - x  # c\n  - y\n",
    "crlf": "a: 1\r\nb:\r\n  - x\r\n  - |\r\n    l1\r\n    l2\r\nc: z\r\n",
    "bom": "\ufeffa: 1\nb: 2\n",
    "flow": "a: {b: 1, c: [x, 'y', \"z\"]}\nd: [ ]\ne: {}\n",
    "folded": "a: >\n  one\n  two\n\n  three\nb: |+\n  keep\n\nc: |-\n  strip\n",
    "multi-line plain": "a: one\n  two\n  three\nb: 'q\n  r'\n",
    "escapes": 'a: "t\\tn\\u00e0\\x41"\nb: \'it\'\'s\'\n',
    "explicit start and end": "---\na: 1\n...\n",
    "nested lists": "a:\n- - x\n  - y\n- z\nb:\n  - {c: 1}\n  - d: 2\n    e: 3\n",
    "empty values": "a:\nb: ''\nc: []\nd:\n  -\n  - ~\n",
    "scalar document": "just text\n",
    "list document": "- 1\n- 2\n",
    "long lines": "a: " + "x" * 5000 + "\n",
    "keys of every kind": "1: a\ntrue: b\n~: c\n'q': d\n2023-09-06: e\n",
    "anchors": "a: &x 1\nb: *x\n",
    "anchored map": "a: &x {b: 1}\nc: *x\n",
    "merge": "a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n",
    "tag": "a: !!str 1\nb: !custom x\n",
    "directive": "%YAML 1.1\n---\na: yes\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "duplicate": "a: 1\na: 2\n",
    "list key": "[a]: 1\n",
    "control": "a: \"x\\x01\"\n",
    "nel": "a: \"x\\x85\"\n",
    "nfd": "a: Ho\u0300a\n",
    "nfd key": "Ho\u0300a: 1\n",
    "tab": "a:\t1\n",
    "syntax": "a: [1, 2\n",
    "empty": "",
    "only comment": "# nothing\n",
    "deep": "a: " + "[" * 50 + "]" * 50 + "\n",
    "flow colons": "a: [b:c, d: e]\nf: {g:h}\n",
    "complex key": "? a\n: b\n",
    "two colons": "a: b: c\n",
    "bad indent": "a:\n  - b\n - c\n",
    "key after list": "a:\n- b\nc: d\n",
    "empty flow value": "a: {b: , c: 1}\n",
    "empty then comment": "a:\n# c\nb: 1\nc: # c\nd:\n",
    "empty last": "a: 1\nb:\n\n\n",
    "empty nested": "a:\n  b:\nc: 1\n",
    "quoted multi-line": 'a: "one\n\n  two"\n',
    "lone cr": "a: 1\rb: 2\r",
    "long key": "a" * 1100 + ": 1\n",
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_read_the_same_or_are_declined(name: str) -> None:
    fast, slow, rep = both(DOCUMENTS[name].encode("utf-8"))
    if rep.problems.problems:
        assert fast is None
    if fast is not None:
        assert_same(fast, slow)


@pytest.mark.parametrize("name", ["anchors", "merge", "tag", "directive", "two documents",
                                  "duplicate", "control", "nfd", "syntax", "empty", "deep",
                                  "tab", "empty flow value", "empty then comment", "lone cr"])
def test_what_the_fast_path_does_not_model_is_declined(name: str) -> None:
    with pytest.raises(fastyaml.Fallback):
        fastyaml.read(DOCUMENTS[name].encode("utf-8"), MAX_YAML_NODES)


@pytest.mark.parametrize("data", [b"a: \xff\n", b"\xff\xfea\x00:\x00 \x001\x00\n\x00",
                                  b"a: \x01\n"])
def test_bytes_the_reader_refuses_are_declined(data: bytes) -> None:
    with pytest.raises(fastyaml.Fallback):
        fastyaml.read(data, MAX_YAML_NODES)


def test_the_value_limit_holds_on_the_fast_path() -> None:
    data = ("a:\n" + "".join(f"  - {i}\n" for i in range(50))).encode()
    with pytest.raises(fastyaml.Fallback):
        fastyaml.read(data, 50)  # 51 values with the mapping
    assert fastyaml.read(data, 52) is not None


def test_read_yaml_reports_what_the_fast_path_declined(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_text("a: 1\na: 2\nb: yes\n", encoding="utf-8")
    rep = Reporter("x.yaml")
    root = read_yaml(file, rep)
    assert root is not None and root.plain() == {"a": 1, "b": "yes"}
    assert [(p.location.line, p.code) for p in rep.problems.problems] == [(2, "duplicate-key")]


def test_take_plain_empties_the_tree() -> None:
    root = fastyaml.read(b"a:\n  - {b: 1}\n  - 2\nc: x\n", MAX_YAML_NODES)
    assert root is not None
    expected = root.plain()
    assert root.take_plain() == expected
    assert root.value == {}


def _read_in_pieces(data: bytes, chunk: int) -> Node | None:
    try:
        return fastyaml.read(data, MAX_YAML_NODES, chunk=chunk)
    except fastyaml.Fallback:
        return None


@pytest.mark.parametrize("chunk", [1, 2, 3, 7])
def test_reading_in_small_pieces_changes_nothing(chunk: int) -> None:
    """Marks split between pieces (CR LF, odd breaks, a BOM) are found as in one piece."""
    samples = [text.encode("utf-8") for text in DOCUMENTS.values()]
    samples += [b"a: 1\r\nb:\r\n  - x\r\n", b"a: 1\r", b"a: x\xe2\x80\xa8y\n",
                b"a: 1\r\nb: 2\rc: 3\n", b"\xff\xfea\x00", b"a:\n\nb: # note\n",
                ROOT.joinpath("content", "kh-182-2023.yaml").read_bytes()]
    for data in samples:
        whole = _read_in_pieces(data, 1 << 16)
        pieces = _read_in_pieces(data, chunk)
        assert (whole is None) == (pieces is None), data[:60]
        if whole is not None and pieces is not None:
            assert typed(whole.plain()) == typed(pieces.plain())
            assert line_map(whole) == line_map(pieces)


def test_read_file_declines_what_read_yaml_must_word(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"".join(b"k%d: 1\n" % i for i in range(10)))
    with pytest.raises(fastyaml.Fallback):
        fastyaml.read_file(big, 59, MAX_YAML_NODES)  # over the size limit
    assert fastyaml.read_file(big, 60, MAX_YAML_NODES) is not None
    with pytest.raises(fastyaml.Fallback):
        fastyaml.read_file(tmp_path, 50, MAX_YAML_NODES)  # a folder
    with pytest.raises(fastyaml.Fallback):
        fastyaml.read_file(tmp_path / "missing.yaml", 50, MAX_YAML_NODES)
