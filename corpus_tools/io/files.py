"""One reader per file kind, chosen by suffix (case-insensitive): each turns one file into a list
of document records, so one file may hold several documents.

A record is a dict with ``doc_id``, ``raw_text`` and ``encoding``, any of ``title``, ``date``,
``author``, ``site``, ``url``, ``raw_html``, and ``note`` (how the encoding was guessed, for the
load log). The folder reader adds ``source_file`` and ``folder``. To read a new kind, register
its reader: ``READERS[".rtf"] = read_rtf_records``. A ``.txt`` file is offered first to each of
:data:`TEXT_SNIFFERS` (``sniffer(path, text, encoding) -> records or None``; e.g. a news-database
export holding many articles); when none claims it, it is one plain-text document.

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
from corpus_tools.io.html import read_html_records
from corpus_tools.io.problems import CorpusInputError

__all__ = ["READERS", "TEXT_SNIFFERS", "read_text_records", "read_file_records", "is_corpus_file"]

Reader = Callable[[Path], list[dict]]
Sniffer = Callable[[Path, str, str], "list[dict] | None"]

#: Content sniffers tried, in order, on every ``.txt`` file before reading it as plain text.
TEXT_SNIFFERS: list[Sniffer] = []


def read_text_records(path: str | Path) -> list[dict]:
    """A plain-text file (``.txt``, ``.md``): one document, its text exactly as in the file
    (Markdown link syntax is left to the cleaner), unless a sniffer claims it (``.txt`` only).

    Raises:
        CorpusInputError: the file is empty or binary.
    """
    path = Path(path)
    text, encoding, note = read_text_file(path)
    if path.suffix.lower() == ".txt":
        for sniffer in TEXT_SNIFFERS:
            records = sniffer(path, text, encoding)
            if records is not None:
                return [{"encoding": encoding, "note": note, **r} for r in records]
    return [{"doc_id": path.stem, "raw_text": text, "encoding": encoding, "note": note}]


#: The reader of each file kind, by lower-case suffix.
READERS: dict[str, Reader] = {
    ".txt": read_text_records,
    ".md": read_text_records,
    ".markdown": read_text_records,
    ".html": read_html_records,
    ".htm": read_html_records,
}


def is_corpus_file(path: Path) -> bool:
    """Whether a reader is registered for this file's suffix (in any case)."""
    return path.suffix.lower() in READERS


def read_file_records(path: str | Path) -> list[dict]:
    """The document records of one file, by the reader registered for its suffix.

    Raises:
        CorpusInputError: no reader for this kind of file, or the reader cannot read it.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        raise CorpusInputError(f"{path}: not a corpus file kind: {path.suffix or '(no suffix)'}; readable: {kinds}")
    return reader(path)
