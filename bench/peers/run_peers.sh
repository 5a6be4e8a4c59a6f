#!/usr/bin/env bash
# Reproduce the lsdocs peer benchmark from scratch:
#   Python venv (.venv) + npm packages (node_modules) -> fixtures (template per peer + data.json)
#   -> every peer R times for each N -> verification of every output -> one PNG per peer
#   -> results table (out/results.md, out/results.json).
#
# usage: ./run_peers.sh [--quick]
#   --quick            N=20, 1 rep (smoke test, ~1 min)
#   env REPS=3         runs per peer and N (medians are reported)
#   env NS=200,1000    document counts
#   env PEERS=a,b,..   subset (names in harness.py); default: all
#   env NO_PNG=1       skip the LibreOffice/pdftoppm rendering
#   env LSDOCS_PYTHON  interpreter with lsdocs' dependencies for the lsdocs peers (python3)
# Needs python3 (3.11), node (20) + npm.  LibreOffice + poppler are installed with apt-get
# when missing and running as root (for the PNG check only).
set -euo pipefail
cd "$(dirname "$0")"

REPS=${REPS:-3}
NS=${NS:-200,1000}
if [ "${1:-}" = "--quick" ]; then REPS=1; NS=20; fi

echo "== python venv"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt

echo "== npm packages"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error
else npm install --no-audit --no-fund --loglevel=error; fi

echo "== fixtures"
MAXN=$(echo "$NS" | tr ',' '\n' | sort -n | tail -1)
[ "$MAXN" -lt 1000 ] && MAXN=1000
.venv/bin/python make_fixture.py --n "$MAXN"

echo "== peers (reps=$REPS, N=$NS)"
.venv/bin/python harness.py --reps "$REPS" --ns "$NS" ${PEERS:+--peers "$PEERS"}

if [ -z "${NO_PNG:-}" ]; then
  echo "== render one output per peer to PNG"
  if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        libreoffice-writer-nogui poppler-utils fonts-liberation >/dev/null \
        || echo "apt-get install of LibreOffice failed; PNG step skipped"
    fi
  fi
  .venv/bin/python render_png.py --n "$(echo "$NS" | cut -d, -f1)" || true
fi

echo
cat out/results.md
