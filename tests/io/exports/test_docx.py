"""DOCX text: one line per paragraph, tables in place; a broken file is an error naming it."""

from __future__ import annotations

import docx
import pytest

from corpus_tools.io import CorpusInputError
from corpus_tools.io.exports.docx import read_docx_text


def test_paragraphs_and_tables_in_document_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Harbour bridge reopens")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Length:", "12 words"
    document.add_paragraph("Body")
    document.save(tmp_path / "a.docx")
    assert read_docx_text(tmp_path / "a.docx").splitlines() == ["Harbour bridge reopens", "Length:\t12 words", "Body"]


def test_a_broken_docx_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CorpusInputError, match=r"broken\.docx: not a readable \.docx"):
        read_docx_text(path)
