"""Unreadable input: a message in both languages, exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from nd30_variants import unreadable

from lsdocs.check import check_bytes, check_document
from lsdocs.errors import DocumentReadError


@pytest.mark.parametrize("name", ["text-renamed", "truncated-zip", "zip-without-document",
                                  "ole2-encrypted", "empty", "broken-xml"])
def test_unreadable_file_raises_document_read_error(good_plan: bytes, name: str) -> None:
    with pytest.raises(DocumentReadError) as info:
        check_bytes(unreadable(good_plan)[name], f"{name}.docx")
    problem = info.value.problems[0]
    assert info.value.exit_code == 2
    assert problem.location.file == f"{name}.docx"
    assert problem.message.vi and problem.message.en and problem.message.vi != problem.message.en


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError, match="Không đọc được"):
        check_document(tmp_path / "khong-co.docx")


def test_ole2_message_says_encrypted_or_old_doc(good_plan: bytes) -> None:
    with pytest.raises(DocumentReadError, match="mật khẩu"):
        check_bytes(unreadable(good_plan)["ole2-encrypted"])
