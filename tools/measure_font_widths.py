"""Measure Liberation Serif advance widths for lsdocs.fonts (one-off).

Liberation Serif is metric-compatible with Times New Roman, so its advance
widths are Times New Roman's.  Run this on a machine with the fonts installed
(``fonts-liberation2``) and fontTools, then paste the output into
``lsdocs/fonts/_widths.py``::

    python tools/measure_font_widths.py > /tmp/widths.txt

Vietnamese letters are not listed: the checker measures a precomposed letter
by its base letter (NFD first code point), which is what the fonts do.
"""

from __future__ import annotations

import subprocess
import sys

from fontTools.ttLib import TTFont

#: printable ASCII, plus the non-ASCII characters an official text commonly uses
CHARS = "".join(chr(c) for c in range(32, 127)) + "Đđ\u00a0–—…“”‘’«»•"


def font_file(style: str) -> str:
    pattern = f"Liberation Serif:style={style}"
    out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True)
    return out.stdout.strip()


def widths(path: str) -> list[int]:
    font = TTFont(path)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    assert font["head"].unitsPerEm == 2048, "the table assumes 2048 units per em"
    return [hmtx[cmap[ord(ch)]][0] for ch in CHARS]


def main() -> None:
    sys.stdout.write(f"CHARS = {CHARS!r}\n")
    for style in ("Regular", "Bold"):
        path = font_file(style)
        sys.stdout.write(f"# {path}\n{style.upper()} = {tuple(widths(path))!r}\n")


if __name__ == "__main__":
    main()
