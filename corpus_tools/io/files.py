"""One reader per file kind, chosen by suffix (case-insensitive): each turns one file into a list
of document records, so one file may hold several documents.

A record is a dict with ``doc_id``, ``raw_text`` and ``encoding``, any of ``title``, ``date``,
``author``, ``site``, ``url``, ``raw_html``, and ``note`` (how the encoding was guessed, for the
load log). The folder reader adds ``source_file`` and ``folder``. To read a new kind, register
its reader, ``reader(path, log) -> records``: ``READERS[".odt"] = read_odt_records``. A ``.txt``
file is offered first to each of :data:`TEXT_SNIFFERS` (``sniffer(path, text, encoding, log) ->
records or None``); when none claims it, it is one plain-text document. News-database exports
(LexisNexis ``.txt``/``.rtf``/``.docx``, Factiva ``.rtf``/``.html``; :mod:`corpus_tools.io.exports`)
are recognised by their content and split into one record per article.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.MD"
>>> _ = path.write_text("# Talks resume\\n\\nDiplomats met.\\n", encoding="utf-8")
>>> [(r["doc_id"], r["encoding"]) for r in read_file_records(path)]
[('a', 'utf-8')]
>>> is_corpus_file(pathlib.Path("notes.PDF"))
False
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus_tools.io.decode import read_text_file
from corpus_tools.io.exports import read_export_file, split_export
from corpus_tools.io.exports.docx import read_docx_text
from corpus_tools.io.exports.rtf import read_rtf_text
from corpus_tools.io.html import read_html_records
from corpus_tools.io.problems import CorpusInputError, record_problem

__all__ = [
    "READERS",
    "TEXT_SNIFFERS",
    "read_text_records",
    "read_word_processor_records",
    "read_page_records",
    "read_file_records",
    "is_corpus_file",
]

Reader = Callable[[Path, list], list[dict]]
Sniffer = Callable[[Path, str, str, list], "list[dict] | None"]


def _split_export_text(path: Path, text: str, encoding: str, log: list) -> list[dict] | None:
    return split_export(text, source=str(path), encoding=encoding, log=log)


#: Content sniffers tried, in order, on every ``.txt`` file before reading it as plain text.
TEXT_SNIFFERS: list[Sniffer] = [_split_export_text]


def read_text_records(path: str | Path, log: list | None = None) -> list[dict]:
    """A plain-text file (``.txt``, ``.md``): one document, its text exactly as in the file
    (Markdown link syntax is left to the cleaner), unless a sniffer claims it (``.txt`` only).

    Raises:
        CorpusInputError: the file is empty or binary.
    """
    path = Path(path)
    text, encoding, note = read_text_file(path)
    if path.suffix.lower() == ".txt":
        for sniffer in TEXT_SNIFFERS:
            records = sniffer(path, text, encoding, [] if log is None else log)
            if records is not None:
                return [{"encoding": encoding, "note": note, **r} for r in records]
    return [{"doc_id": path.stem, "raw_text": text, "encoding": encoding, "note": note}]


def read_word_processor_records(path: str | Path, log: list | None = None) -> list[dict]:
    """An ``.rtf`` or ``.docx`` file: the articles of a news-database export, or else the whole
    file as one document (logged, so a stray file is visible).

    Raises:
        CorpusInputError: the file cannot be read as its kind (a broken ``.docx`` or RTF).
    """
    path = Path(path)
    log = [] if log is None else log
    records = read_export_file(path, log=log)
    if records is not None:
        return records
    if path.suffix.lower() == ".docx":
        text, encoding = read_docx_text(path), "docx"
    else:
        text, codepage = read_rtf_text(path)
        encoding = f"rtf ({codepage})"
    if not text.strip():
        raise CorpusInputError(f"{path}: has no text; remove it or re-save it with its text")
    record_problem(log, str(path), "not a LexisNexis or Factiva export", "read as one document", stacklevel=4)
    return [{"doc_id": path.stem, "raw_text": text, "encoding": encoding}]


def read_page_records(path: str | Path, log: list | None = None) -> list[dict]:
    """An ``.html``/``.htm`` file: the articles of a Factiva HTML export, or else one web page
    (:func:`corpus_tools.io.html.read_html_records`)."""
    records = read_export_file(path, log=[] if log is None else log)
    return records if records is not None else read_html_records(path)


#: The reader of each file kind, by lower-case suffix.
READERS: dict[str, Reader] = {
    ".txt": read_text_records,
    ".md": read_text_records,
    ".markdown": read_text_records,
    ".html": read_page_records,
    ".htm": read_page_records,
    ".rtf": read_word_processor_records,
    ".docx": read_word_processor_records,
}


def is_corpus_file(path: Path) -> bool:
    """Whether a reader is registered for this file's suffix (in any case)."""
    return path.suffix.lower() in READERS


def read_file_records(path: str | Path, *, log: list | None = None) -> list[dict]:
    """The document records of one file, by the reader registered for its suffix; problems
    inside a file (a truncated export, say) go to ``log``.

    Raises:
        CorpusInputError: no reader for this kind of file, or the reader cannot read it.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        raise CorpusInputError(f"{path}: not a corpus file kind: {path.suffix or '(no suffix)'}; readable: {kinds}")
    return reader(path, [] if log is None else log)
