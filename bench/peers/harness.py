#!/usr/bin/env python3
"""Run every peer R times for each N, interleaved, and summarise medians.

usage: harness.py [--peers P,P,...] [--ns 200,1000] [--reps 3] [--out DIR] [--no-verify]
                  [--fixtures DIR]

For each run: whole-process wall clock (perf_counter around the child), the child's
peak RSS (os.wait4 rusage, kB), and the peer's own in-process figures (RESULT line:
time to import the library, the render loop alone, docs/s, its own ru_maxrss).
Runs are interleaved (rep 1: all peers, rep 2: all peers in a rotated order, ...) so
that drift of a noisy machine spreads over all peers.  Outputs of the last rep stay in
OUT/runs/PEER/N and are checked with verify.py.
Writes OUT/results.json (every run) and OUT/results.md (the table); prints the table.
"""
import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PY = sys.executable
NODE = shutil.which("node") or "node"
# lsdocs runs with an interpreter that has its dependencies (not the peers' venv).
LSDOCS_PY = os.environ.get("LSDOCS_PYTHON") or shutil.which("python3") or PY

# name -> (command prefix, what it is, outputs are real letters to verify)
PEERS = {
    "a_docxtpl_naive": ([PY, "peers/py_peers.py", "a_docxtpl_naive"],
                        "(a) docxtpl: DocxTemplate(path) per record", True),
    "b_docxtpl_bytes": ([PY, "peers/py_peers.py", "b_docxtpl_bytes"],
                        "(b) docxtpl: DocxTemplate(BytesIO(bytes)) per record", True),
    "c_docxtemplater": ([NODE, "peers/node_peers.js", "c_docxtemplater"],
                        "(c) docxtemplater + pizzip (Node)", True),
    "d_docx_templates": ([NODE, "peers/node_peers.js", "d_docx_templates"],
                         "(d) docx-templates, default sandbox (Node)", True),
    "d_docx_templates_nosandbox": ([NODE, "peers/node_peers.js", "d_docx_templates_nosandbox"],
                                   "(d') docx-templates, noSandbox: true (Node)", True),
    "e_carbone": ([NODE, "peers/node_peers.js", "e_carbone"],
                  "(e) carbone docx->docx (Node)", True),
    "f_fill": ([PY, "peers/py_peers.py", "f_fill"],
               "(f) limit: pre-split XML + string joins + own zip writer", True),
    "f_fill_zipfile": ([PY, "peers/py_peers.py", "f_fill_zipfile"],
                       "(f) pre-split XML + stdlib zipfile (re-deflates all parts)", True),
    "f_rezip": ([PY, "peers/py_peers.py", "f_rezip"],
                "(f) raw: stdlib zipfile rewrite of template, no substitution", False),
    "f_copy": ([PY, "peers/py_peers.py", "f_copy"],
               "(f) raw: write the template bytes N times", False),
    "f_jinja_once": ([PY, "peers/py_peers.py", "f_jinja_once"],
                     "(f) probe: docxtpl XML patched + Jinja-compiled once, own zip writer", True),
    "g_python_docx": ([PY, "peers/py_peers.py", "g_python_docx"],
                      "(g) python-docx builds each document from scratch", True),
    "l_lsdocs": ([LSDOCS_PY, "peers/lsdocs_peer.py", "l_lsdocs"],
                 "(l) lsdocs rendering engine, plain write", True),
    "l_lsdocs_staged": ([LSDOCS_PY, "peers/lsdocs_peer.py", "l_lsdocs_staged"],
                        "(l) lsdocs engine, batch writing: temporaries, one sync, renames", True),
}
BASELINE = "a_docxtpl_naive"


def run_once(peer, n, outdir, logdir, rep, fixtures=None):
    cmd = PEERS[peer][0] + ["--n", str(n), "--out", str(outdir)]
    if fixtures:
        cmd += ["--fixtures", str(fixtures)]
    if outdir.exists():
        shutil.rmtree(outdir)
    log = logdir / ("%s_n%d_r%d.log" % (peer, n, rep))
    with open(log, "wb") as fh:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=BENCH, stdout=fh, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    res = None
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("RESULT "):
            res = json.loads(line[7:])
    return {"peer": peer, "n": n, "rep": rep, "rc": p.returncode, "wall_s": round(wall, 4),
            "child_maxrss_kb": ru.ru_maxrss, "cpu_s": round(ru.ru_utime + ru.ru_stime, 3),
            "result": res, "log": log.name}


def summarise(runs, peers, ns):
    rows = []
    for n in ns:
        base = [r for r in runs if r["peer"] == BASELINE and r["n"] == n and r["result"]]
        base_loop = statistics.median(r["result"]["loop_s"] for r in base) if base else None
        base_wall = statistics.median(r["wall_s"] for r in base) if base else None
        for peer in peers:
            rs = [r for r in runs if r["peer"] == peer and r["n"] == n]
            ok = [r for r in rs if r["rc"] == 0 and r["result"]]
            row = {"peer": peer, "n": n, "runs": len(rs), "ok_runs": len(ok)}
            if ok:
                loop = statistics.median(r["result"]["loop_s"] for r in ok)
                wall = statistics.median(r["wall_s"] for r in ok)
                row.update({
                    "loop_s": round(loop, 3),
                    "loop_min_s": round(min(r["result"]["loop_s"] for r in ok), 3),
                    "loop_max_s": round(max(r["result"]["loop_s"] for r in ok), 3),
                    "docs_per_s": round(n / loop, 1),
                    "ms_per_doc": round(1000 * loop / n, 2),
                    "wall_s": round(wall, 3),
                    "import_s": round(statistics.median(r["result"]["import_s"] for r in ok), 3),
                    "maxrss_mb": round(statistics.median(r["child_maxrss_kb"] for r in ok) / 1024, 1),
                    "speedup_loop_vs_a": round(base_loop / loop, 2) if base_loop else None,
                    "speedup_wall_vs_a": round(base_wall / wall, 2) if base_wall else None,
                })
            rows.append(row)
    return rows


def table_md(rows, verify):
    out = ["| peer | N | ok runs | render loop median s (min-max) | docs/s | ms/doc | "
           "whole process median s | x vs (a), loop | x vs (a), process | peak RSS MB | "
           "verified | avg bytes/doc |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        v = verify.get((r["peer"], r["n"]))
        vtxt = "n/a (raw)" if not PEERS[r["peer"]][2] else (
            "-" if v is None else "%d/%d" % (v["ok"], v["files"]))
        size = "-" if v is None else str(v["avg_bytes"])
        if "loop_s" not in r:
            out.append("| %s | %d | %d/%d | FAILED | | | | | | | %s | %s |"
                       % (r["peer"], r["n"], r["ok_runs"], r["runs"], vtxt, size))
            continue
        out.append("| %s | %d | %d/%d | %.3f (%.3f-%.3f) | %.1f | %.2f | %.3f | %s | %s | %.1f | %s | %s |" % (
            r["peer"], r["n"], r["ok_runs"], r["runs"], r["loop_s"], r["loop_min_s"],
            r["loop_max_s"], r["docs_per_s"], r["ms_per_doc"], r["wall_s"],
            r["speedup_loop_vs_a"], r["speedup_wall_vs_a"], r["maxrss_mb"], vtxt, size))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers", default=",".join(PEERS))
    ap.add_argument("--ns", default="200,1000")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", default=str(BENCH / "out"))
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("--fixtures", help="fixture dir (default: bench/fixtures), e.g. one made "
                    "with make_fixture.py --heavy --out DIR")
    args = ap.parse_args()
    peers = [p for p in args.peers.split(",") if p]
    for p in peers:
        if p not in PEERS:
            sys.exit("unknown peer %s; known: %s" % (p, ", ".join(PEERS)))
    if BASELINE not in peers:
        peers.insert(0, BASELINE)
    ns = [int(x) for x in args.ns.split(",")]
    out = Path(args.out)
    logdir = out / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    runs = []
    for rep in range(args.reps):
        order = peers[rep % len(peers):] + peers[:rep % len(peers)]
        for n in ns:
            for peer in order:
                r = run_once(peer, n, out / "runs" / peer / str(n), logdir, rep,
                             args.fixtures and Path(args.fixtures).resolve())
                runs.append(r)
                res = r["result"] or {}
                print("rep %d N=%-5d %-28s rc=%d wall=%7.3fs loop=%7.3fs  %8.1f docs/s  rss=%6.1f MB"
                      % (rep, n, peer, r["rc"], r["wall_s"], res.get("loop_s", float("nan")),
                         res.get("docs_per_s", float("nan")), r["child_maxrss_kb"] / 1024),
                      flush=True)
    verify = {}
    if not args.no_verify:
        vjson = out / "verify.jsonl"
        if vjson.exists():
            vjson.unlink()
        dirs = [os.path.relpath(out / "runs" / p / str(n), BENCH)
                for n in ns for p in peers if PEERS[p][2]]
        print("\nverifying every output of the last rep with python-docx ...", flush=True)
        subprocess.run([PY, str(BENCH / "verify.py"), *dirs, "--json", str(vjson)]
                       + (["--fixtures", args.fixtures] if args.fixtures else []), cwd=BENCH)
        for line in vjson.read_text().splitlines():
            v = json.loads(line)
            d = Path(v["dir"])
            verify[(d.parent.name, int(d.name))] = v
        for n in ns:  # raw peers: sizes only
            for p in peers:
                if not PEERS[p][2]:
                    files = list((out / "runs" / p / str(n)).glob("*.docx"))
                    avg = sum(f.stat().st_size for f in files) / max(1, len(files))
                    verify[(p, n)] = {"files": len(files), "ok": 0, "failed": 0,
                                      "avg_bytes": round(avg)}
    rows = summarise(runs, peers, ns)
    meta = {
        "date_utc": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "host": "%s, %d cores, Python %s, Node %s" % (
            platform.machine(), os.cpu_count(), platform.python_version(),
            subprocess.run([NODE, "--version"], capture_output=True, text=True).stdout.strip()),
        "reps": args.reps, "ns": ns,
    }
    md = table_md(rows, verify)
    (out / "results.json").write_text(json.dumps(
        {"meta": meta, "summary": rows, "runs": runs,
         "verify": [dict(v, peer=k[0], n=k[1]) for k, v in verify.items()]},
        ensure_ascii=False, indent=1))
    (out / "results.md").write_text("%s UTC; %s; %d reps, medians\n\n%s\n" % (
        meta["date_utc"], meta["host"], args.reps, md))
    print()
    print("%s UTC; %s; %d reps, medians" % (meta["date_utc"], meta["host"], args.reps))
    print(md)
    failed = [r for r in rows if "loop_s" not in r]
    bad_verify = [k for k, v in verify.items() if PEERS[k[0]][2] and v["failed"]]
    if failed or bad_verify:
        print("\nFAILED peers: %s; verification failures: %s" % (
            [(r["peer"], r["n"]) for r in failed], bad_verify))


if __name__ == "__main__":
    main()
