"""Compilations (tệp ghép) of known-good công văn, joined as ``lsdocs batch --merge`` joins them.

Each letter is the known-good công văn with its own number and, by default, a
landscape appendix section whose reference line names that letter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nd30_builder import appendix, build_cong_van, mutate
from nd30_variants import para, set_text

from lsdocs.render.merge import merge_documents

#: variants (nd30_variants) that add header or footer parts: letters merged from one
#: template cannot differ in those, so merge_documents refuses them
#: faults a merge cannot carry: footers, and (R49) a Word list defined only in the merged
#: document's numbering part (the merge keeps the first document's parts: one template)
NOT_MERGEABLE = frozenset({"R37-number-in-footer", "R42-address-no-rule",
                           "R49-white-auto-number"})
NUMERALS = ("I", "II", "III")
REFERENCE = ("(Kèm theo Công văn số {n}/UBND-KGVX ngày 06 tháng 9 năm 2023 của Ủy ban nhân dân "
             "tỉnh Lạng Sơn)")


def letter(number: int = 1234, appendices: int = 1, labelled: bool = True) -> bytes:
    """A công văn numbered *number* with *appendices* appendix sections.

    With two or more appendices they are labelled «Phụ lục I», «Phụ lục II» …
    unless *labelled* is false (then each is just «Phụ lục», an R39 fault).
    """
    def change(document: object) -> None:
        set_text(para(document, "Số:"), f"Số: {number}/UBND-KGVX")
        for _ in range(appendices):
            appendix(document)
        paragraphs = document.paragraphs  # type: ignore[attr-defined]
        labels = [p for p in paragraphs if p.text == "Phụ lục"]
        for numeral, label in zip(NUMERALS, labels, strict=False):
            if appendices > 1 and labelled:
                set_text(label, f"Phụ lục {numeral}")
        for reference in (p for p in paragraphs if p.text.startswith("(Kèm theo")):
            set_text(reference, REFERENCE.format(n=number))

    return mutate(build_cong_van(), change)


def compilation(letters: Sequence[bytes]) -> bytes:
    """The letters joined into one file for printing (lsdocs.render.merge)."""
    return merge_documents(list(letters))


def letters(count: int = 3, broken: int | None = None,
            change: Callable[[object], None] | None = None, **options: int) -> list[bytes]:
    """*count* good letters; the one numbered *broken* (1-based) is changed by *change*."""
    built = [letter(1234 + i, **options) for i in range(count)]
    if broken is not None and change is not None:
        built[broken - 1] = mutate(built[broken - 1], change)
    return built
