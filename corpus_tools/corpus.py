"""Load a corpus: read the documents (:mod:`corpus_tools.io`), clean them
(:mod:`corpus_tools.clean`), join the metadata. The one place that runs io and clean together.

:func:`load_corpus` returns the documents, a plain DataFrame (its ``attrs`` stay empty, so
``pd.concat`` and ``astype`` work on it). :func:`read_corpus` returns the same documents with the
load log and the cleaning audit beside them, as a :class:`LoadedCorpus`.

>>> from corpus_tools.config import SEEDS_DIR
>>> loaded = read_corpus(SEEDS_DIR)
>>> len(loaded.documents), list(loaded.log.columns), loaded.documents.attrs
(5, ['source', 'issue', 'action'], {})
>>> from corpus_tools.clean import clean_audit
>>> loaded.audit.equals(clean_audit(loaded.documents))
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.clean import AUDIT_COLUMNS, clean_corpus_audited
from corpus_tools.io import (
    LOG_COLUMNS,
    CorpusInputError,
    attach_metadata,
    parse_dates,
    read_documents,
    record_problem,
)
from corpus_tools.tokens import count_words

__all__ = ["LoadedCorpus", "read_corpus", "load_corpus", "summarize_documents"]

#: The first columns of a loaded corpus, in this order.
FIRST_COLUMNS = ["doc_id", "title", "date", "text", "raw_text", "n_words"]


@dataclass
class LoadedCorpus:
    """A loaded corpus with what loading it did.

    Attributes:
        documents: one row per document (as :func:`load_corpus` returns it).
        log: one row per problem the loader warned about: ``source, issue, action``.
        audit: one row per cleaning edit (:func:`corpus_tools.clean.clean_audit`); no rows
            when loaded with ``clean=False``.
        source: the path the corpus was read from.
    """

    documents: pd.DataFrame
    log: pd.DataFrame
    audit: pd.DataFrame
    source: str = ""


def read_corpus(
    path: str | Path,
    *,
    metadata: str | Path | pd.DataFrame | None = None,
    clean: bool = True,
    text_col: str | None = None,
    id_col: str | None = None,
) -> LoadedCorpus:
    """Load a corpus (as :func:`load_corpus`), keeping the load log and the cleaning audit.

    Args: as :func:`load_corpus`.

    Returns:
        A :class:`LoadedCorpus`: ``documents``, ``log`` (what the loader warned about) and
        ``audit`` (every cleaning edit).

    >>> from corpus_tools.config import SEEDS_DIR
    >>> loaded = read_corpus(SEEDS_DIR)
    >>> sorted(set(loaded.audit["rule"]))[:3]
    ['breadcrumb', 'comment_prompt', 'dateline_meta']
    """
    path = Path(path)
    log: list[dict] = []
    frame = read_documents(path, text_col=text_col, id_col=id_col, log=log)
    if clean:
        frame, audit = clean_corpus_audited(frame)
        _check_cleaned(frame, path, log)
    else:
        audit = pd.DataFrame(columns=AUDIT_COLUMNS)
        frame["text"] = frame["raw_text"]
        for col in ("title", "date"):
            if col not in frame.columns:
                frame[col] = None
    if metadata is not None:
        frame = attach_metadata(frame, metadata, log=log)
    frame["date"] = parse_dates(frame["date"], log=log)
    frame["n_words"] = frame["text"].map(count_words).astype("int64")
    frame = frame[FIRST_COLUMNS + [c for c in frame.columns if c not in FIRST_COLUMNS]]
    frame.attrs = {}
    return LoadedCorpus(frame, pd.DataFrame(log, columns=list(LOG_COLUMNS)), audit, str(path))


def load_corpus(
    path: str | Path,
    *,
    metadata: str | Path | pd.DataFrame | None = None,
    clean: bool = True,
    text_col: str | None = None,
    id_col: str | None = None,
) -> pd.DataFrame:
    """Load a corpus into a table, one row per document, in a deterministic order.

    Every decision taken about an input file (encoding guessed, file skipped, metadata row
    without a document) is a ``CorpusWarning`` naming the file and the remedy;
    :func:`read_corpus` also returns them as a table, with the cleaning audit.

    Args:
        path: a folder of article files (searched recursively; ``.txt``, ``.md``, ``.html``... in
            any case, one reader per kind: :data:`corpus_tools.io.files.READERS`; ``doc_id`` is
            the file name without its suffix, the subfolder is kept in ``folder``; other files
            are listed in the log), or one table file (``.csv``, ``.tsv``, ``.jsonl``, ``.json``,
            ``.parquet``) with a text column or an ``html`` column.
        metadata: a table (path or DataFrame) keyed by ``doc_id``; its other columns (outlet,
            group, date, url...) are joined on and can be used to group every analysis.
            ``title``/``date`` given here take precedence over those found in the text.
        clean: strip web boilerplate (see :mod:`corpus_tools.clean`). With ``False``,
            ``text`` is ``raw_text`` unchanged.
        text_col, id_col: name the text and id columns of a table when they are not
            recognised automatically.

    Returns:
        Columns ``doc_id, title, date, text, raw_text, n_words`` then the file details
        (``source_file``, ``encoding``, ``folder`` for subfolders), for HTML pages ``author``,
        ``site``, ``url`` and ``raw_html``, and every metadata column.
        A plain DataFrame: ``attrs`` is empty (the audit is ``clean_audit(corpus)``).

    >>> from corpus_tools.config import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> len(corpus), list(corpus.columns[:6]), corpus.attrs
    (5, ['doc_id', 'title', 'date', 'text', 'raw_text', 'n_words'], {})
    """
    return read_corpus(path, metadata=metadata, clean=clean, text_col=text_col, id_col=id_col).documents


def _check_cleaned(frame: pd.DataFrame, path: Path, log: list[dict]) -> None:
    """Warn about each document that cleaning emptied; raise when it emptied them all."""
    empty = frame["text"].str.strip() == ""
    emptied = frame.loc[empty, "doc_id"].tolist()
    if emptied and len(emptied) == len(frame):
        raise CorpusInputError(
            f"{path}: cleaning removed every line of all {len(frame)} document(s) as web boilerplate "
            f"({', '.join(emptied[:6])}); check that the files hold article text, or load with clean=False"
        )
    for doc_id, source in zip(emptied, frame.loc[empty, "source_file"]):
        where = str(path / source) if path.is_dir() else f"{path}: document {doc_id!r}"
        record_problem(
            log,
            where,
            "cleaning removed every line as web boilerplate",
            "kept with empty text; see clean_audit(corpus) for the rules applied, or load with clean=False",
            stacklevel=4,
        )


def summarize_documents(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per document: its title and date, the words and sentences left after cleaning,
    the characters of the raw page and of the clean text, and the share of the page kept.

    Args:
        documents: the corpus (``load_corpus``): ``doc_id, title, date, n_words, text, raw_text``.
        sentences: its sentences (``split_sentences``): ``doc_id`` per sentence.

    Returns:
        ``doc_id, title, date, n_words, n_sentences, raw_chars, clean_chars, share_kept``
        (``share_kept`` = clean / raw characters, rounded to 3 decimals).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["T", None], "date": [None, None], "n_words": [2, 0],
    ...                      "text": ["Hi there.", ""], "raw_text": ["Menu\\nHi there.", "Menu"]})
    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0]})
    >>> summary = summarize_documents(docs, sents)
    >>> summary[["doc_id", "n_sentences", "raw_chars", "clean_chars", "share_kept"]].values.tolist()
    [['a', 1, 14, 9, 0.643], ['b', 0, 4, 0, 0.0]]
    """
    require_columns(documents, ["doc_id", "title", "date", "n_words", "text", "raw_text"], table="documents")
    require_columns(sentences, ["doc_id"], table="sentences", hint="Pass the table from corpus_tools.split_sentences.")
    overview = documents.assign(
        n_sentences=documents["doc_id"].map(sentences.groupby("doc_id").size()).fillna(0).astype(int),
        raw_chars=documents["raw_text"].str.len(),
        clean_chars=documents["text"].str.len(),
    )
    overview["share_kept"] = (overview["clean_chars"] / overview["raw_chars"]).round(3)
    return overview[["doc_id", "title", "date", "n_words", "n_sentences", "raw_chars", "clean_chars", "share_kept"]]
