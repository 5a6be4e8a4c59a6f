#!/usr/bin/env python3
"""Python peers of the benchmark. One process renders N documents and prints one line:

    RESULT {"peer": ..., "n": ..., "import_s": ..., "setup_s": ..., "loop_s": ...,
            "docs_per_s": ..., "maxrss_kb": ...}

usage: py_peers.py PEER --n N --out DIR [--fixtures DIR]

PEER:
  a_docxtpl_naive    DocxTemplate(path); render(ctx, autoescape=True); save(out)   per record
  b_docxtpl_bytes    template bytes read once; DocxTemplate(BytesIO(bytes)) per record
  f_fill             physical limit: pre-split document.xml, plain string joins + escaping,
                     hand-written zip writer (static members pre-deflated once)
  f_fill_zipfile     same substitution, but stdlib zipfile re-deflates every member
  f_rezip            no substitution: stdlib zipfile rewrites the template members N times
  f_copy             no substitution, no zip: write the template bytes N times
  f_jinja_once       design probe, not a peer: docxtpl's own XML clean-up (patch_xml) and
                     Jinja compilation done ONCE; per record only Jinja render + docxtpl's
                     post-render string passes + the hand-written zip writer
  g_python_docx      python-docx builds every document from scratch (no template)
"""
import time

T_START = time.perf_counter()

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import zipfile  # noqa: E402
import zlib  # noqa: E402
from pathlib import Path  # noqa: E402

BENCH = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- docxtpl
def peer_a(tpl_dir, records, out):
    from docxtpl import DocxTemplate
    path = tpl_dir / "template_docxtpl.docx"

    def setup():
        return None

    def one(i, rec, _):
        tpl = DocxTemplate(path)
        tpl.render(rec, autoescape=True)
        tpl.save(out / ("%05d.docx" % i))
    return setup, one


def peer_b(tpl_dir, records, out):
    from docxtpl import DocxTemplate
    path = tpl_dir / "template_docxtpl.docx"

    def setup():
        return path.read_bytes()

    def one(i, rec, data):
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.render(rec, autoescape=True)
        tpl.save(out / ("%05d.docx" % i))
    return setup, one


# ---------------------------------------------------------------- physical limit
_MARK = re.compile(r"\[\[([A-Za-z_.]+)\]\]")


def _esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _split(s):
    """'a[[x]]b' -> ['a', 'x', 'b'] : literals at even, field names at odd indexes."""
    return _MARK.split(s)


def _compile_plain(template_bytes):
    zin = zipfile.ZipFile(io.BytesIO(template_bytes))
    members, xml = [], None
    for info in zin.infolist():
        data = zin.read(info)
        if info.filename == "word/document.xml":
            xml = data.decode("utf-8")
        members.append((info.filename, data))
    i = xml.index("[[t.stt]]")
    start = max(xml.rfind("<w:tr>", 0, i), xml.rfind("<w:tr ", 0, i))
    end = xml.index("</w:tr>", i) + len("</w:tr>")
    return members, _split(xml[:start]), _split(xml[start:end]), _split(xml[end:])


def _fill(head, row, tail, rec):
    out = []
    ap = out.append
    for k, p in enumerate(head):
        ap(_esc(rec[p]) if k & 1 else p)
    for t in rec["tasks"]:
        for k, p in enumerate(row):
            ap(_esc(t[p[2:]]) if k & 1 else p)
    for k, p in enumerate(tail):
        ap(_esc(rec[p]) if k & 1 else p)
    return "".join(out).encode("utf-8")


_DOS_TIME, _DOS_DATE = 0, (2025 - 1980) << 9 | 3 << 5 | 1  # 2025-03-01 00:00


def _deflate(data, level=6):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


class MiniZip:
    """Minimal zip writer: static members are deflated once, only document.xml per doc."""

    def __init__(self, members):
        self.entries = []  # (name, crc, csize, usize, cdata or None)
        for name, data in members:
            if name == "word/document.xml":
                self.entries.append((name.encode(), None, None, None, None))
            else:
                comp = _deflate(data)
                self.entries.append((name.encode(), zlib.crc32(data), len(comp), len(data), comp))

    def build(self, doc_xml):
        dcomp = _deflate(doc_xml)
        dcrc, dlen = zlib.crc32(doc_xml), len(doc_xml)
        chunks, central, off = [], [], 0
        for name, crc, csize, usize, comp in self.entries:
            if comp is None:
                crc, csize, usize, comp = dcrc, len(dcomp), dlen, dcomp
            hdr = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, _DOS_TIME, _DOS_DATE,
                              crc, csize, usize, len(name), 0) + name
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8,
                                       _DOS_TIME, _DOS_DATE, crc, csize, usize, len(name),
                                       0, 0, 0, 0, 0, off) + name)
            chunks.append(hdr)
            chunks.append(comp)
            off += len(hdr) + csize
        cd = b"".join(central)
        chunks.append(cd)
        chunks.append(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                                  len(cd), off, 0))
        return b"".join(chunks)


def peer_f_fill(tpl_dir, records, out):
    def setup():
        members, head, row, tail = _compile_plain((tpl_dir / "template_plain.docx").read_bytes())
        return MiniZip(members), head, row, tail

    def one(i, rec, st):
        mz, head, row, tail = st
        with open(out / ("%05d.docx" % i), "wb") as fh:
            fh.write(mz.build(_fill(head, row, tail, rec)))
    return setup, one


def peer_f_fill_zipfile(tpl_dir, records, out):
    def setup():
        return _compile_plain((tpl_dir / "template_plain.docx").read_bytes())

    def one(i, rec, st):
        members, head, row, tail = st
        with zipfile.ZipFile(out / ("%05d.docx" % i), "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in members:
                if name == "word/document.xml":
                    data = _fill(head, row, tail, rec)
                z.writestr(name, data)
    return setup, one


def peer_f_rezip(tpl_dir, records, out):
    def setup():
        zin = zipfile.ZipFile(tpl_dir / "template_plain.docx")
        return [(i.filename, zin.read(i)) for i in zin.infolist()]

    def one(i, rec, members):
        with zipfile.ZipFile(out / ("%05d.docx" % i), "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in members:
                z.writestr(name, data)
    return setup, one


def peer_f_copy(tpl_dir, records, out):
    def setup():
        return (tpl_dir / "template_plain.docx").read_bytes()

    def one(i, rec, data):
        with open(out / ("%05d.docx" % i), "wb") as fh:
            fh.write(data)
    return setup, one


_NL_P = re.compile(r"\n<w:p([ >])")


def peer_f_jinja_once(tpl_dir, records, out):
    from docxtpl import DocxTemplate
    from jinja2 import Environment
    path = tpl_dir / "template_docxtpl.docx"

    def setup():
        data = path.read_bytes()
        zin = zipfile.ZipFile(io.BytesIO(data))
        members = [(i.filename, zin.read(i)) for i in zin.infolist()]
        xml = dict(members)["word/document.xml"].decode("utf-8")
        helper = DocxTemplate(path)  # only for its string passes
        src = re.sub(r"<w:p([ >])", r"\n<w:p\1", helper.patch_xml(xml))
        tpl = Environment(autoescape=True).from_string(src)
        return tpl, helper, MiniZip(members)

    def one(i, rec, st):
        tpl, helper, mz = st
        xml = _NL_P.sub(r"<w:p\1", tpl.render(rec))
        xml = (xml.replace("{_{", "{{").replace("}_}", "}}")
               .replace("{_%", "{%").replace("%_}", "%}"))
        xml = helper.resolve_listing(xml)
        with open(out / ("%05d.docx" % i), "wb") as fh:
            fh.write(mz.build(xml.encode("utf-8")))
    return setup, one


# ---------------------------------------------------------------- python-docx from scratch
def peer_g(tpl_dir, records, out):
    sys.path.insert(0, str(BENCH))
    from make_fixture import Values, build_letter

    def setup():
        return None

    def one(i, rec, _):
        build_letter(Values(rec)).save(out / ("%05d.docx" % i))
    return setup, one


PEERS = {
    "a_docxtpl_naive": peer_a,
    "b_docxtpl_bytes": peer_b,
    "f_fill": peer_f_fill,
    "f_fill_zipfile": peer_f_fill_zipfile,
    "f_rezip": peer_f_rezip,
    "f_copy": peer_f_copy,
    "f_jinja_once": peer_f_jinja_once,
    "g_python_docx": peer_g,
}


def print_result(peer, n, t_start, t_setup, t_loop, t_end):
    """The RESULT line the harness reads (timings from perf_counter marks)."""
    res = {
        "peer": peer, "n": n,
        "import_s": round(t_setup - t_start, 4),
        "setup_s": round(t_loop - t_setup, 4),
        "loop_s": round(t_end - t_loop, 4),
        "docs_per_s": round(n / (t_end - t_loop), 2),
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    print("RESULT " + json.dumps(res), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peer", choices=sorted(PEERS))
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--fixtures", default=str(BENCH / "fixtures"))
    args = ap.parse_args()
    tpl_dir, out = Path(args.fixtures), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    t_imp = time.perf_counter()
    records = json.loads((tpl_dir / "data.json").read_text(encoding="utf-8"))[: args.n]
    if len(records) < args.n:
        sys.exit("data.json has only %d records" % len(records))
    setup, one = PEERS[args.peer](tpl_dir, records, out)  # imports the library
    t_setup = time.perf_counter()
    state = setup()
    t_loop = time.perf_counter()
    for i, rec in enumerate(records):
        one(i, rec, state)
    print_result(args.peer, args.n, T_START, t_setup, t_loop, time.perf_counter())
    del t_imp


if __name__ == "__main__":
    main()
