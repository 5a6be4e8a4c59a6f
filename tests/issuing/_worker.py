"""A second clerk in another process: takes numbers from a register file.

    python -m tests.issuing._worker take REGISTER COUNT TAG   # COUNT numbers, one per transaction
    python -m tests.issuing._worker hold REGISTER TAG         # takes one, then waits to be killed
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from lsdocs.issuing.sqlite_store import open_sqlite
from lsdocs.issuing.storage import EntryData

AGENCY = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
ON = dt.date(2026, 11, 30)


def entry(tag: str) -> EntryData:
    return EntryData(agency=AGENCY, symbol="UBND-KGVX", issued_on=ON, doc_type="Công văn",
                     trich_yeu=f"V/v {tag}", signer="A", recipients="B", filing="VT",
                     copies=2, note="", file=f"/x/{tag}.docx", sha256=tag,
                     draft_file=f"/x/{tag}-draft.docx", draft_sha256=tag)


def main(mode: str, register: str, *args: str) -> None:
    store = open_sqlite(Path(register))
    if mode == "take":
        count, tag = int(args[0]), args[1]
        for i in range(count):
            with store.allocation() as allocation:
                number = allocation.next_number(AGENCY, ON.year)
                allocation.record(entry(f"{tag}-{i}"), number)
            print(number, flush=True)
    else:
        with store.allocation() as allocation:
            number = allocation.next_number(AGENCY, ON.year)
            allocation.record(entry(args[0]), number)
            print(f"holding {number}", flush=True)
            time.sleep(120)  # the test kills this process here, inside the transaction


if __name__ == "__main__":
    main(*sys.argv[1:])
