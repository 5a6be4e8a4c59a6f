from __future__ import annotations

from pathlib import Path

import docx
import pytest


@pytest.fixture
def make_template(tmp_path: Path):
    """Write a one-off .docx template whose paragraphs are the given texts.

    A paragraph given as a list of strings is written as one run per string,
    the way Word splits a tag that was edited or spell-checked.
    """

    def make(*paragraphs: str | list[str], name: str = "t.docx") -> Path:
        document = docx.Document()
        for text in paragraphs:
            paragraph = document.add_paragraph()
            for piece in [text] if isinstance(text, str) else text:
                paragraph.add_run(piece)
        path = tmp_path / name
        document.save(str(path))
        return path

    return make
