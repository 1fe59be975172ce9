"""News-database exports (LexisNexis, Factiva) read as one record per article.

A researcher's download from Nexis Uni / Lexis+ (``.txt``, ``.rtf``, ``.docx``) or Factiva
(``.rtf``, ``.html``) holds many articles in one file. :func:`read_export_file` looks at a
file's content (not only its name), extracts its text, recognises the export and splits it;
it returns ``None`` for a file that is not an export, so a folder reader can read that file
as plain text instead. Every record has the columns of :data:`EXPORT_COLUMNS`. The layouts
read are described in ``docs/exports.md``.

Submodules: :mod:`~corpus_tools.io.exports.lexisnexis` and
:mod:`~corpus_tools.io.exports.factiva` (the splitters), :mod:`~corpus_tools.io.exports.fields`
(dates, word counts, the record), :mod:`~corpus_tools.io.exports.rtf`,
:mod:`~corpus_tools.io.exports.docx` and :mod:`~corpus_tools.io.exports.html` (text extraction).

>>> import pandas as pd
>>> articles = split_export("HD Bridge reopens\\nPD 3 March 2025\\nTD\\nIt did.\\nAN Document X1\\n", source="x.txt")
>>> pd.DataFrame(articles)[["doc_id", "title", "date", "export"]].to_dict("records")
[{'doc_id': 'X1', 'title': 'Bridge reopens', 'date': '2025-03-03', 'export': 'factiva'}]
"""

from __future__ import annotations

from pathlib import Path

from corpus_tools.io.decode import decode_bytes
from corpus_tools.io.exports.docx import parse_docx_text, read_docx_text
from corpus_tools.io.exports.factiva import is_factiva, split_factiva
from corpus_tools.io.exports.fields import EXPORT_COLUMNS, make_export_record, parse_export_date, parse_word_count
from corpus_tools.io.exports.html import is_html, parse_html_text
from corpus_tools.io.exports.lexisnexis import is_lexisnexis, split_lexisnexis
from corpus_tools.io.exports.rtf import is_rtf, parse_rtf_text, read_rtf_text
from corpus_tools.io.problems import record_problem

__all__ = [
    "read_export_file",
    "split_export",
    "is_export",
    "split_lexisnexis",
    "split_factiva",
    "is_lexisnexis",
    "is_factiva",
    "parse_export_date",
    "parse_word_count",
    "make_export_record",
    "read_rtf_text",
    "parse_rtf_text",
    "read_docx_text",
    "parse_docx_text",
    "parse_html_text",
    "EXPORT_COLUMNS",
    "EXPORT_SUFFIXES",
]

#: File suffixes an export may have (the content decides whether it is one).
EXPORT_SUFFIXES = (".txt", ".rtf", ".docx", ".html", ".htm")


def is_export(text: str) -> bool:
    """Whether extracted text is a LexisNexis or Factiva export.

    >>> is_export("1 of 2 DOCUMENTS\\n\\nThe Courier\\n"), is_export("An ordinary article.\\n")
    (True, False)
    """
    return is_lexisnexis(text) or is_factiva(text)


def split_export(
    text: str, *, source: str, encoding: str = "utf-8", log: list[dict] | None = None, line_numbers: bool = True
) -> list[dict] | None:
    """Split an export's text with the splitter of its kind (LexisNexis or Factiva); ``None``
    when the text is not an export. Options as in :func:`split_lexisnexis`."""
    options = {"source": source, "encoding": encoding, "log": log, "line_numbers": line_numbers}
    if is_lexisnexis(text):
        return split_lexisnexis(text, **options)
    if is_factiva(text):
        return split_factiva(text, **options)
    return None


def read_export_file(
    path: str | Path, *, source: str | None = None, log: list[dict] | None = None
) -> list[dict] | None:
    """Read one file as a news-database export: one record per complete article.

    The content decides how the file is read (a ``.docx`` is a zip, RTF starts ``{\\rtf``, HTML
    with a doctype or ``<html>``, anything else is text in any encoding) and whether it is an
    export at all.

    Args:
        path: a ``.txt``, ``.rtf``, ``.docx``, ``.html`` or ``.htm`` file.
        source: the name recorded in ``source_file`` and in messages (default: the path).
        log: the load log (see :func:`split_lexisnexis`); an encoding that had to be guessed is
            recorded too.

    Returns:
        The articles (possibly none: an export of zero articles is logged), or ``None`` when
        the file is not an export or its suffix is not one of :data:`EXPORT_SUFFIXES`.

    Raises:
        CorpusInputError: the file cannot be read as its kind (a broken ``.docx`` or RTF, an
            empty or binary text file); the message names the file and what to do.
    """
    path = Path(path)
    source = str(path) if source is None else source
    log = [] if log is None else log
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        return None
    data = path.read_bytes()
    note, line_numbers = None, False  # line numbers only where the text is the file's own
    if suffix == ".docx" or data.startswith(b"PK\x03\x04"):
        text, encoding = read_docx_text(path), "docx"
    elif is_rtf(data):
        text, codepage = read_rtf_text(path)
        encoding = f"rtf ({codepage})"
    else:
        text, encoding, note = decode_bytes(data, source=str(path))
        if is_html(text):
            text = parse_html_text(text)
        else:
            line_numbers = True
    if not is_export(text):
        return None
    if note:
        record_problem(log, source, note, "decoded text kept; re-save as UTF-8 to silence this")
    return split_export(text, source=source, encoding=encoding, log=log, line_numbers=line_numbers)
