"""Letters shaped like one already checked skip the XML parse and its re-serialisation.

The engine parses a rendered ``word/document.xml`` with lxml to refuse broken XML and
to fit the rules (:mod:`lsdocs.render.rule_fitting`); the package holds lxml's
serialisation of the fitted tree.  In a batch most letters have the same *shape*: the
template yields the same constant chunks (the same ``str`` objects of its compiled code)
in the same order, and only the values between them differ.  For such a letter the bytes
lxml would write are known without parsing it:

* **a shape is checked once**, on its second letter: the *probe* document, the shape
  with every value replaced by ``&amp; "'`` and its number, must parse and serialise back
  to itself (but for the quotes of the XML declaration).  An entity, a space and both
  quotes are refused everywhere in XML but in the text of an element: not in a tag or
  attribute value, an entity, the prologue or after the root; comments, CDATA and
  processing instructions, whose text takes them, are refused in a shape.  So every
  value of the shape is element text, and the constant text around it is written back
  as it is;
* **a value is plain** when every character is printable (no control character, no line
  break) and its only ``&``, ``<``, ``>`` are the entities ``&amp;``, ``&lt;``, ``&gt;``
  (what autoescape writes).  lxml reads such text and writes it back unchanged, so a
  letter of a checked shape whose values are all plain is well-formed and serialises to
  itself; only the rules change;
* **the fitted header is reused**: fitting reads the text before each rule and the
  shape's constant markup (cell and page widths) and changes only the rules.  The bytes
  up to the first value after the last rule are those of the first checked letter with
  the same chunks up to there; after it, the letter's own bytes.

A part without a rule is written as rendered, not as lxml would write it: for its shape
the probe only has to parse (every value is then element text, and a plain value keeps
the part well-formed), and a letter is known unless a value brings the rule style's name
in (the engine would parse and fit it).  Each probe must appear once, and removing the
newlines the engine's patching added must never join a constant chunk to its neighbour (a
letter's tail is encoded chunk by chunk).  The first two letters of a shape, letters of a
shape its probe refused, letters with a value that is not plain, and documents near
libxml2's 10 MB text limit take the full parse, which also words any error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from lsdocs.limits import SAFE_PARSER
from lsdocs.render.rule_fitting import RULE_STYLE, W, rule_paragraphs

#: What a shape is known by: its chunks, with each value as None (an empty value is "").
Shape = tuple[str | None, ...]
#: What stands for a value in a probe document, followed by the value's number.
PROBE = '&amp; "\''
_PROBE_BYTES = PROBE.encode()
_PROBE_NUMBER = re.compile("& \"'(\\d+)'")  # a probe as parsed text, and its number
_LXML_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
#: The declarations lxml writes as its own (the first is how lsdocs' templates spell it).
_DECLARATIONS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', _LXML_DECLARATION)
#: libxml2 refuses a text node longer than this (lxml's huge_tree is off): a document
#: shorter than it cannot hold one, whatever its values.
_TEXT_NODE_LIMIT = 10_000_000
#: Shapes remembered per part, seen or checked; a batch has a few (letters differ in their
#: number of tasks).
MAX_SHAPES = 1024
#: Fitted headers remembered per shape (a batch has one issuer, one date: one header).
MAX_HEADS = 8
_W_BODY = f"{{{W}}}body"
_FOLLOWING_TEXT = etree.XPath("following::text()")
_RULE_MARK = RULE_STYLE.encode()  # a part with it is parsed and fitted (the engine)


@dataclass
class _Head:
    """The written bytes up to a shape's cut, and how long the same part is as rendered."""

    written: bytes
    rendered_size: int


@dataclass
class _Checked:
    """A shape its probe passed: where its fitted header ends, and the headers seen."""

    cut: int  # chunk index: the first value after every rule (or the end)
    fitted: bool = True  # False: the part holds no rule and is written as rendered
    heads: dict[tuple[str, ...], _Head] = field(default_factory=dict)


class ShapeCache:
    """The checked shapes of one template part and their fitted headers.

    *encode* turns rendered text into the part's bytes (the engine's encoding and
    unpatching); the probe document is made the same way.
    """

    def __init__(self, encode: Callable[[str], bytes]):
        self._encode = encode
        self._seen: set[Shape] = set()
        self._checked: dict[Shape, _Checked | None] = {}  # None: refused by its probe
        #: constant chunks of checked shapes that *encode* changes, as text: it only
        #: removes characters in constant text, never across a value (see _check)
        self._encoded: dict[str, str] = {}

    def known(self, chunks: list[str]) -> bytes | None:
        """The bytes lxml would write for the part rendered as *chunks*, when known.

        Known when the shape was checked, every value is plain and a letter with the
        same header was written; the caller parses and fits the others, and gives the
        result to :meth:`learn`.
        """
        checked = self._checked.get(_shape(chunks))
        if checked is None or not _plain(chunks):
            return None
        head = checked.heads.get(tuple(chunks[:checked.cut]))
        if head is None:
            return None
        encoded = self._encoded
        tail = "".join([encoded.get(c, c) for c in chunks[checked.cut:]]).encode()
        if head.rendered_size + len(tail) >= _TEXT_NODE_LIMIT:
            return None
        written = head.written + tail
        if not checked.fitted and _RULE_MARK in written:
            return None  # a value names the rule style: the engine parses this letter
        return written

    def learn(self, chunks: list[str], data: bytes, written: bytes) -> None:
        """Remember that the part rendered as *chunks* (bytes *data*) is *written*.

        The second letter of a shape checks it (its probe); a letter of a checked shape
        with plain values gives its fitted header to the letters after it.
        """
        shape = _shape(chunks)
        if shape not in self._checked:
            if shape not in self._seen:  # a shape met once costs no probe
                if len(self._seen) + len(self._checked) < MAX_SHAPES:
                    self._seen.add(shape)
                return
            self._seen.discard(shape)
            self._checked[shape] = _check(shape, self._encode, self._encoded)
        checked = self._checked[shape]
        if checked is None or len(checked.heads) >= MAX_HEADS or not _plain(chunks):
            return
        if not checked.fitted and written != data:
            return  # only a part written as rendered teaches a shape without rules
        head_chunks = tuple(chunks[:checked.cut])
        size = len(self._encode("".join(head_chunks)))
        tail = len(data) - size
        if written[len(written) - tail:] != data[size:]:
            return  # the letter's own bytes are not what it wrote: never reuse this header
        checked.heads[head_chunks] = _Head(written[:len(written) - tail], size)


def _shape(chunks: list[str]) -> Shape:
    return tuple([c if c.__class__ is str else None if c else "" for c in chunks])


def _plain(chunks: Sequence[str]) -> bool:
    """Whether every value among *chunks* is text lxml reads and writes back unchanged."""
    text = " ".join([c for c in chunks if c.__class__ is not str])
    return (text.isprintable() and "<" not in text and ">" not in text
            and text.count("&") == text.count("&amp;") + text.count("&lt;") + text.count("&gt;"))


def _check(shape: Shape, encode: Callable[[str], bytes],
           encoded: dict[str, str]) -> _Checked | None:
    """*shape* with its cut when its probe document passes (see the module), else None.

    Adds the shape's constant chunks that *encode* changes to *encoded*.
    """
    values = [index for index, chunk in enumerate(shape) if chunk is None]
    numbers = iter(range(len(values)))
    chunks = [chunk if chunk is not None else f"{PROBE}{next(numbers)}'" for chunk in shape]
    probe = encode("".join(chunks))
    changed = {c: text for c in set(chunks) for text in [encode(c).decode()] if text != c}
    declared = len(_LXML_DECLARATION)  # the templates' own spelling is as long
    if (probe[:declared] not in _DECLARATIONS or probe.count(_PROBE_BYTES) != len(values)
            or b"<!" in probe or probe.find(b"<?", 1) != -1
            # what encode removes lies inside constant chunks: a letter's tail is encoded
            # chunk by chunk (a plain value has no "<" and no line break)
            or "".join([changed.get(c, c) for c in chunks]).encode() != probe):
        return None
    try:
        root = etree.fromstring(probe, SAFE_PARSER)
    except etree.XMLSyntaxError:
        return None
    cut = values[0] if values else len(shape)  # the declaration is in every header
    if _RULE_MARK not in probe:  # written as rendered: well-formed is all it needs
        encoded.update(changed)
        return _Checked(cut, fitted=False)
    written = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if written != _LXML_DECLARATION + probe[declared:]:
        return None
    body = root.find(_W_BODY)
    for rule in rule_paragraphs(body) if body is not None else []:
        # The first value after the rule: its probe is the first in the following text.
        after = next((m for t in _FOLLOWING_TEXT(rule) for m in [_PROBE_NUMBER.search(t)] if m),
                     None)
        cut = max(cut, len(shape) if after is None else values[int(after.group(1))])
    encoded.update(changed)
    return _Checked(cut)
