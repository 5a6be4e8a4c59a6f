"""Move lsdocs' hand-paired messages into the gettext catalog.

``T("Đã ghi: {p}", "Written: {p}", p=path)`` becomes ``T("Đã ghi: {p}", p=path)`` and the
pair goes into ``lsdocs/locale/en/LC_MESSAGES/lsdocs.po`` (msgid Vietnamese, msgstr English).
The Vietnamese help of the command line (command docstrings, option help, metavars) is
merged into the same catalog, keeping the English already written there.

    python -m tools.i18n_codemod              # rewrite lsdocs/ and update lsdocs.po
    python -m tools.i18n_codemod --dry-run    # only say what would change
    python -m tools.i18n_codemod --catalog-only   # update lsdocs.po, leave the code alone
    python -m tools.i18n_codemod --check      # CI: fail if a pair is left or English is missing
    python -m tools.i18n_codemod --root DIR   # work on another copy of the tree

What it cannot convert is listed with file:line for a person to do: ``Text(f"…", f"…")``
built by hand, ``T()`` with an f-string or a non-literal message, and Vietnamese messages
that have two different English texts in the code (choose one, or reword).

The msgids are exactly what ``pybabel extract --no-default-keywords -k T`` sees (see the
Makefile's ``messages`` target); the same extractor (Babel's) is used here.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tokenize
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

MAX_LINE = 100
PO = Path("lsdocs/locale/en/LC_MESSAGES/lsdocs.po")
#: fixed header date, so the catalog is byte-identical from run to run
CATALOG_DATE = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Pair:
    """One ``T("vi", "en", ...)`` call with literal texts."""

    file: str
    line: int
    vi: str
    en: str
    start: int  # character offsets in the file: the English argument's span
    end: int
    vi_end: int


@dataclass(frozen=True)
class Manual:
    """Something a person converts by hand."""

    file: str
    line: int
    why: str
    code: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.why}: {self.code}"


@dataclass
class Scan:
    pairs: list[Pair] = field(default_factory=list)
    manual: list[Manual] = field(default_factory=list)
    msgids: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


# --------------------------------------------------------------------------- finding calls


def literal(node: ast.expr) -> str | None:
    """The value of a string literal, implicit or ``+`` concatenation included; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = literal(node.left), literal(node.right)
        return None if left is None or right is None else left + right
    return None


def _has_fstring(node: ast.expr) -> bool:
    return any(isinstance(n, ast.JoinedStr) for n in ast.walk(node))


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


class _Offsets:
    """ast positions (line, UTF-8 byte column) to character offsets in the text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def at(self, line: int, byte_col: int) -> int:
        raw = self.lines[line - 1].encode("utf-8")[:byte_col]
        return self.starts[line - 1] + len(raw.decode("utf-8"))


def scan_file(path: Path, rel: str, scan: Scan) -> None:
    text = path.read_text(encoding="utf-8")
    offsets = _Offsets(text)
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name not in ("T", "Text"):
            continue
        assert node.end_lineno is not None and node.end_col_offset is not None
        code = text[offsets.at(node.lineno, node.col_offset):
                    offsets.at(node.end_lineno, node.end_col_offset)]
        short = " ".join(code.split())
        short = short if len(short) <= 90 else short[:87] + "…"
        if name == "Text" and any(_has_fstring(a) for a in node.args):
            scan.manual.append(Manual(rel, node.lineno, "Text() with f-strings: write "
                                      "T(\"… {x}\", x=…) instead", short))
        if name != "T" or not node.args:
            continue
        vi = literal(node.args[0])
        if vi is None:
            why = ("f-string as msgid: write T(\"… {x}\", x=…)" if _has_fstring(node.args[0])
                   else "msgid is not a literal string: use Text(vi, en) or a literal")
            scan.manual.append(Manual(rel, node.lineno, why, short))
            continue
        if vi:  # "" is gettext's header, never a message
            scan.msgids.setdefault(vi, []).append((rel, node.lineno))
        if len(node.args) < 2:
            continue
        en = literal(node.args[1])
        if en is None:
            scan.manual.append(Manual(rel, node.lineno, "English is not a literal string",
                                      short))
            continue
        first, second = node.args[0], node.args[1]
        assert second.end_lineno is not None and second.end_col_offset is not None
        assert first.end_lineno is not None and first.end_col_offset is not None
        scan.pairs.append(Pair(
            rel, node.lineno, vi, en,
            start=offsets.at(second.lineno, second.col_offset),
            end=offsets.at(second.end_lineno, second.end_col_offset),
            vi_end=offsets.at(first.end_lineno, first.end_col_offset)))


def python_files(root: Path) -> Iterator[Path]:
    yield from sorted((root / "lsdocs").rglob("*.py"))


def scan_tree(root: Path) -> Scan:
    scan = Scan()
    for path in python_files(root):
        scan_file(path, path.relative_to(root).as_posix(), scan)
    scan.pairs.sort(key=lambda p: (p.file, p.start))
    scan.manual.sort(key=lambda m: (m.file, m.line))
    return scan


def babel_msgids(root: Path) -> dict[str, list[tuple[str, int]]]:
    """What ``pybabel extract --no-default-keywords -k T lsdocs`` extracts, with places."""
    from babel.messages.extract import extract_from_dir

    found: dict[str, list[tuple[str, int]]] = {}
    for file, line, message, _comments, _ctx in extract_from_dir(
            str(root / "lsdocs"), method_map=[("**.py", "python")], keywords={"T": None},
            comment_tags=(), strip_comment_tags=True):
        first = message[0] if isinstance(message, tuple) else message
        if first:
            found.setdefault(first, []).append((f"lsdocs/{file}", line))
    return found


# --------------------------------------------------------------------------- choosing English


def choose_english(pairs: Iterable[Pair]) -> tuple[dict[str, str], list[Pair]]:
    """One English per msgid (the most used; ties: alphabetical) and the pairs that differ."""
    by_vi: dict[str, Counter[str]] = defaultdict(Counter)
    for pair in pairs:
        if not pair.vi:
            continue
        by_vi[pair.vi][pair.en] += 1
    chosen = {vi: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
              for vi, c in by_vi.items()}
    return chosen, [p for p in pairs if p.vi and chosen[p.vi] != p.en]


# --------------------------------------------------------------------------- rewriting


_SKIP = (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER,
         tokenize.COMMENT)


def significant_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, string) in character offsets of every token but layout and comments."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type not in _SKIP:
            start = starts[tok.start[0] - 1] + tok.start[1]
            out.append((start, starts[tok.end[0] - 1] + tok.end[1], tok.string))
    return out


def _tokens_after(tokens: list[tuple[int, int, str]], offset: int) -> list[tuple[int, int, str]]:
    index = bisect.bisect_left(tokens, (offset, -1, ""))
    return tokens[index:index + 2]


def _line_fits(text: str, start: int, end: int) -> bool:
    """After deleting text[start:end], is the line holding *start* at most MAX_LINE long?"""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    return len(text[left:start]) + len(text[end:right]) <= MAX_LINE


def deletions(text: str, tokens: list[tuple[int, int, str]],
              pair: Pair) -> list[tuple[int, int]]:
    """Spans to delete so that the English argument (and one comma) goes away."""
    after = _tokens_after(tokens, pair.end)
    if after and after[0][2] == ",":
        following = after[1] if len(after) > 1 else None
        closing = following is not None and following[2] == ")"
        if following is not None and not closing and "#" not in text[after[0][1]:following[0]]:
            join = (pair.start, following[0])  # "vi", "en", x=1  ->  "vi", x=1
            if _line_fits(text, *join):
                return [join]
        keep_break = (pair.vi_end, pair.end)  # "vi",\n "en",\n x=1  ->  "vi",\n x=1
        if _line_fits(text, *keep_break):
            return [keep_break]
        return [(pair.start, after[0][1])]
    return [(pair.vi_end, pair.end)]  # "vi", "en")  ->  "vi")  (long lines wrapped after)


def _break_points(text: str) -> dict[int, tuple[int, int]]:
    """For each line over MAX_LINE: where to break it (after a comma) and the new indent.

    The break is the last comma inside brackets that leaves the first part within the
    limit; the rest goes on a new line aligned with the bracket's first argument.
    """
    long_rows = {i + 1 for i, line in enumerate(text.splitlines()) if len(line) > MAX_LINE}
    if not long_rows:
        return {}
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
              if t.type not in (tokenize.NL, tokenize.COMMENT)]
    stack: list[int] = []
    breaks: dict[int, tuple[int, int]] = {}
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.OP and tok.string in "([{":
            stack.append(tokens[i + 1].start[1])
        elif tok.type == tokenize.OP and tok.string in ")]}":
            stack.pop()
        elif (tok.string == "," and stack and tok.start[0] in long_rows
              and tok.end[1] <= MAX_LINE and tokens[i + 1].start[0] == tok.start[0]
              and tokens[i + 1].string not in ")]}"):
            breaks[tok.start[0]] = (tok.end[1], stack[-1])
    return breaks


def wrap_long_lines(text: str) -> str:
    """Break lines over MAX_LINE after a comma, as a person would."""
    for _ in range(8):
        breaks = _break_points(text)
        if not breaks:
            return text
        lines = text.splitlines(keepends=True)
        for row, (col, indent) in sorted(breaks.items(), reverse=True):
            line = lines[row - 1]
            rest = line[col:].strip(" ")
            if indent + len(rest.rstrip("\n")) > MAX_LINE:  # aligned would still be too long
                indent = len(line) - len(line.lstrip(" ")) + 4
            lines[row - 1] = line[:col] + "\n" + " " * indent + rest
        text = "".join(lines)
    return text


def rewrite_file(path: Path, pairs: list[Pair]) -> bool:
    text = path.read_text(encoding="utf-8")
    tokens = significant_tokens(text)
    spans = sorted((span for pair in pairs for span in deletions(text, tokens, pair)),
                   reverse=True)
    for start, end in spans:
        text = text[:start] + text[end:]
    if spans:
        text = wrap_long_lines(text)
        compile(text, str(path), "exec")  # never leave a file that does not parse
        path.write_text(text, encoding="utf-8")
    return bool(spans)


# --------------------------------------------------------------------------- the catalog


def help_messages(root: Path) -> dict[str, list[tuple[str, int]]]:
    """Vietnamese help texts of every command (imported from *root*)."""
    if not (root / "lsdocs" / "cli" / "_help.py").is_file():
        return {}
    code = ("import json; from lsdocs.cli._help import help_msgids; "
            "print(json.dumps(help_msgids(), ensure_ascii=True))")
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=True,
                          capture_output=True, text=True)
    return {msgid: [(f, n) for f, n in places]
            for msgid, places in json.loads(done.stdout).items()}


def load_catalog(path: Path) -> Catalog:
    if path.is_file():
        with path.open("rb") as handle:
            return read_po(handle, locale="en", domain="lsdocs")
    return Catalog(locale="en", domain="lsdocs")


def build_catalog(old: Catalog, english: dict[str, str],
                  refs: dict[str, list[tuple[str, int]]]) -> Catalog:
    """The new catalog: every msgid in *refs*, English from the code, else from *old*."""
    new = Catalog(locale="en", domain="lsdocs", project="lsdocs", version="",
                  copyright_holder="lsdocs", msgid_bugs_address="",
                  creation_date=CATALOG_DATE, revision_date=CATALOG_DATE,
                  language_team="English", last_translator="lsdocs", fuzzy=False)
    for msgid in sorted(refs):
        previous = old.get(msgid)
        msgstr = english.get(msgid) or (previous.string if previous is not None else "")
        flags = ["python-brace-format"] if "{" in msgid else []
        new.add(msgid, msgstr if isinstance(msgstr, str) else "",
                locations=sorted(set(refs[msgid])), flags=flags)
    return new


def write_catalog(path: Path, catalog: Catalog) -> None:
    out = io.BytesIO()
    write_po(out, catalog, width=MAX_LINE, sort_output=True, ignore_obsolete=True,
             include_previous=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != out.getvalue():
        path.write_bytes(out.getvalue())


def untranslated(catalog: Catalog, msgids: Iterable[str]) -> list[str]:
    missing = []
    for msgid in sorted(set(msgids)):
        message = catalog.get(msgid)
        if message is None or not message.string:
            missing.append(msgid)
    return missing


# --------------------------------------------------------------------------- main


def run(root: Path, dry_run: bool = False, check: bool = False, catalog_only: bool = False,
        out: io.TextIOBase | None = None) -> int:
    say = (lambda s: print(s, file=out)) if out is not None else print
    scan = scan_tree(root)
    english, conflicts = choose_english(scan.pairs)
    helps = help_messages(root)
    refs: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for source in (scan.msgids, helps):
        for msgid, places in source.items():
            refs[msgid].extend(places)
    po = root / PO
    old = load_catalog(po)
    catalog = build_catalog(old, english, refs)
    for item in scan.manual:
        say(f"manual: {item}")
    for pair in conflicts:
        say(f"conflict: {pair.file}:{pair.line}: «{pair.vi}» is «{english[pair.vi]}» "
            f"elsewhere but «{pair.en}» here; make them one (kept as written)")
    missing = untranslated(catalog, refs)
    if check:
        remaining = [p for p in scan.pairs]
        for pair in remaining:
            say(f"pair: {pair.file}:{pair.line}: T() still has its English: «{pair.vi}»")
        for msgid in missing:
            say(f"untranslated: {msgid!r} ({', '.join(f'{f}:{n}' for f, n in refs[msgid])})")
        say(f"{len(remaining)} pair(s) left, {len(missing)} untranslated, "
            f"{len(scan.manual)} Text(f\"…\") or T() without a literal msgid")
        return 1 if remaining or missing or scan.manual else 0
    movable = [p for p in scan.pairs if p not in set(conflicts)]
    by_file: dict[str, list[Pair]] = defaultdict(list)
    for pair in movable:
        by_file[pair.file].append(pair)
    if not dry_run:
        write_catalog(po, catalog)
        for rel, pairs in sorted(by_file.items()):
            if not catalog_only:
                rewrite_file(root / rel, pairs)
    say(f"{len(movable)} call(s) in {len(by_file)} file(s) "
        f"{'would be ' if dry_run or catalog_only else ''}rewritten; "
        f"{len(catalog)} msgid(s) in {PO}; "
        f"{len(missing)} without English; {len(scan.manual)} to convert by hand; "
        f"{len(conflicts)} conflict(s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--catalog-only", action="store_true",
                        help="update lsdocs.po from the pairs but leave the code as it is")
    args = parser.parse_args(argv)
    return run(args.root.resolve(), dry_run=args.dry_run, check=args.check,
               catalog_only=args.catalog_only)


if __name__ == "__main__":
    sys.exit(main())
