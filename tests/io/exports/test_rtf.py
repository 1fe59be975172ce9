"""RTF text: paragraphs become lines, code-page escapes and Unicode escapes are decoded."""

from __future__ import annotations

import pytest

from corpus_tools.io import CorpusInputError
from corpus_tools.io.exports.rtf import is_rtf, parse_rtf_text, read_rtf_text


def test_paragraphs_become_lines_and_escapes_are_decoded(write_rtf):
    path = write_rtf(
        "a.rtf", ["HD Caf\u00e9 reopens", "Braces {kept} and a back\\slash", "Zo\u00eb says \u2018hi\u2019 \u0142"]
    )
    text, codepage = read_rtf_text(path)
    assert codepage == "cp1252"
    assert text.splitlines() == ["HD Café reopens", "Braces {kept} and a back\\slash", "Zoë says \u2018hi\u2019 \u0142"]


def test_the_code_page_the_document_names_is_used(write_rtf):
    path = write_rtf("cyr.rtf", ["\u041c\u043e\u0441\u043a\u0432\u0430"], codepage=1251)
    text, codepage = read_rtf_text(path)
    assert (text.strip(), codepage) == ("\u041c\u043e\u0441\u043a\u0432\u0430", "cp1251")


def test_parse_rtf_text_reads_a_string():
    assert parse_rtf_text(r"{\rtf1\ansi one\par two\par}") == ("one\ntwo\n", "cp1252")


@pytest.mark.parametrize(
    ("data", "expected"), [(b"{\\rtf1 x}", True), (b"\xef\xbb\xbf{\\rtf1 x}", True), (b"rtf", False)]
)
def test_is_rtf(data, expected):
    assert is_rtf(data) is expected


def test_a_file_that_is_not_rtf_is_an_error_naming_it(tmp_path):
    path = tmp_path / "fake.rtf"
    path.write_text("plain words")
    with pytest.raises(CorpusInputError, match=r"fake\.rtf: is not an RTF file"):
        read_rtf_text(path)
