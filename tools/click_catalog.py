"""Keep the Vietnamese catalog of click's own texts up to date with the installed click.

    python -m tools.click_catalog           # add click's new messages to click.po
    python -m tools.click_catalog --check   # CI: fail if one of click's messages has no Vietnamese

click marks its texts with ``gettext`` (``_("Show this message and exit.")``); this extracts
them from the installed click with Babel, merges them into
``lsdocs/locale/vi/LC_MESSAGES/click.po`` (keeping the Vietnamese already written) and
lists those still without a translation.  Entries with the ``metavar`` context are words
click writes without gettext (``TEXT``, ``[OPTIONS]``); lsdocs translates those itself.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from tools.i18n_codemod import CATALOG_DATE, MAX_LINE

PO = Path(__file__).resolve().parents[1] / "lsdocs/locale/vi/LC_MESSAGES/click.po"
#: texts click passes to gettext through a variable, invisible to the extractor
DYNAMIC = ("required",)


def click_messages() -> dict[str | tuple[str, str], list[tuple[str, int]]]:
    root = Path(click.__file__).parent
    found: dict[str | tuple[str, str], list[tuple[str, int]]] = {}
    for file, line, message, _comments, _ctx in extract_from_dir(
            str(root), method_map=[("**.py", "python")],
            keywords={"_": None, "ngettext": (1, 2)}, comment_tags=()):
        key = message if isinstance(message, str) else (message[0], message[1])
        if key and (isinstance(key, str) or key[0]):
            found.setdefault(key, []).append((f"click/{file}", line))
    for text in DYNAMIC:
        found.setdefault(text, [])
    return found


def merge(old: Catalog, messages: dict[str | tuple[str, str], list[tuple[str, int]]]) -> Catalog:
    new = Catalog(locale="vi", domain="click", project="lsdocs", version="",
                  copyright_holder="lsdocs", msgid_bugs_address="",
                  creation_date=CATALOG_DATE, revision_date=CATALOG_DATE,
                  language_team="Vietnamese", last_translator="lsdocs", fuzzy=False)
    for key, places in messages.items():
        msgid = key if isinstance(key, str) else key[0]
        previous = old.get(msgid)
        string: str | tuple[str, ...] = previous.string if previous is not None else ""
        if isinstance(key, tuple) and isinstance(string, str):
            string = (string,)
        new.add(key, string, locations=sorted(places))
    for message in old:  # lsdocs' own entries (context "metavar")
        if message.id and message.context:
            new.add(message.id, message.string, context=message.context)
    return new


def untranslated(catalog: Catalog) -> list[str]:
    out = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not all(strings):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    with PO.open("rb") as handle:
        old = read_po(handle, locale="vi", domain="click")
    catalog = merge(old, click_messages())
    missing = untranslated(catalog)
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    if args.check:
        return 1 if missing else 0
    out = io.BytesIO()
    write_po(out, catalog, width=MAX_LINE, sort_output=True, ignore_obsolete=True)
    if PO.read_bytes() != out.getvalue():
        PO.write_bytes(out.getvalue())
    print(f"{len(catalog)} message(s) in {PO.name}; {len(missing)} without Vietnamese")
    return 0


if __name__ == "__main__":
    sys.exit(main())
