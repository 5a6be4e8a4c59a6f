#!/usr/bin/env python3
"""lsdocs as a peer: its rendering engine on the fixture's docxtpl template and data.

    RESULT {"peer": ..., "n": ..., "import_s": ..., "setup_s": ..., "loop_s": ...,
            "docs_per_s": ..., "maxrss_kb": ...}

usage: lsdocs_peer.py PEER --n N --out DIR [--fixtures DIR]

PEER:
  l_lsdocs          lsdocs.render.engine.DocxTemplateFile compiled once (setup), then per
                    record: render (Jinja in lsdocs' sandbox, well-formedness check, zip with
                    the unchanged parts' compressed bytes cached) and write the bytes with a
                    plain open(), as the other peers do
  l_lsdocs_staged   the same render, written as ``lsdocs batch`` writes: each file to a
                    temporary (lsdocs.render.output.StagedWrites), one sync for all of them at
                    the end, then each renamed into place (inside the timed loop)

Runs with an interpreter that has lsdocs' dependencies (run_peers.sh: $LSDOCS_PYTHON,
default python3); the repository root two levels up goes first on sys.path.
"""
import time

T_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH.parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from py_peers import print_result  # noqa: E402  (the RESULT line every Python peer prints)


def _engine(tpl_dir):
    from lsdocs.render.engine import CoreProperties, DocxTemplateFile

    def setup():
        return DocxTemplateFile(tpl_dir / "template_docxtpl.docx")

    def core(rec):
        return CoreProperties(title=f"Công văn số {rec['so']}/SKHCN-QLKH",
                              date_iso=f"{rec['nam']}-01-01T00:00:00Z")
    return setup, core


def peer_plain(tpl_dir, out):
    setup, core = _engine(tpl_dir)

    def one(i, rec, template):
        with open(out / f"{i:05d}.docx", "wb") as fh:
            fh.write(template.render(rec, core(rec)))
    return setup, one, None


def peer_staged(tpl_dir, out):
    from lsdocs.render.output import StagedWrites
    setup, core = _engine(tpl_dir)
    staged = StagedWrites()

    def one(i, rec, template):
        staged.stage(out / f"{i:05d}.docx", template.render(rec, core(rec)))
    return setup, one, staged.commit


PEERS = {"l_lsdocs": peer_plain, "l_lsdocs_staged": peer_staged}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peer", choices=sorted(PEERS))
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--fixtures", default=str(BENCH / "fixtures"))
    args = ap.parse_args()
    tpl_dir, out = Path(args.fixtures), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    records = json.loads((tpl_dir / "data.json").read_text(encoding="utf-8"))[: args.n]
    if len(records) < args.n:
        sys.exit(f"data.json has only {len(records)} records")
    setup, one, finish = PEERS[args.peer](tpl_dir, out)  # imports lsdocs
    t_setup = time.perf_counter()
    state = setup()
    t_loop = time.perf_counter()
    for i, rec in enumerate(records):
        one(i, rec, state)
    if finish is not None:
        finish()
    print_result(args.peer, args.n, T_START, t_setup, t_loop, time.perf_counter())


if __name__ == "__main__":
    main()
