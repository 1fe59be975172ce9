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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.clean import AUDIT_COLUMNS, clean_corpus_audited
from corpus_tools.clean.duplicates import attach_duplicates
from corpus_tools.clean.stubs import _stub_status
from corpus_tools.io import (
    FILE_COLUMNS,
    LOG_COLUMNS,
    CorpusInputError,
    attach_metadata,
    parse_dates,
    read_documents,
    read_metadata,
    record_problem,
)
from corpus_tools.io.documents import CONTROL_CHARS_RE, MAX_BYTES
from corpus_tools.io.language import label_languages, summarize_languages
from corpus_tools.tokens import count_words

__all__ = ["LoadedCorpus", "read_corpus", "load_corpus", "summarize_documents", "summarize_languages"]

#: The first columns of a loaded corpus, in this order.
FIRST_COLUMNS = ["doc_id", "title", "date", "text", "raw_text", "n_words", "status", "title_source", "language"]


@dataclass
class LoadedCorpus:
    """A loaded corpus with what loading it did.

    Attributes:
        documents: one row per document (as :func:`load_corpus` returns it).
        log: one row per problem the loader warned about: ``source, issue, action``.
        audit: one row per cleaning edit (:func:`corpus_tools.clean.clean_audit`); no rows
            when loaded with ``clean=False``. It may be given as a function that reads it: it
            is then read when first used (a processed corpus keeps its audit on disk until then).
        source: the path the corpus was read from.
        files: the load report, one row per file seen: ``file, kind, status, reason,
            n_documents`` (``status`` is ``"loaded"`` or ``"skipped"``, ``reason`` says why).
    """

    documents: pd.DataFrame
    log: pd.DataFrame
    audit: pd.DataFrame
    source: str = ""
    files: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(FILE_COLUMNS)))


def _get_audit(self: LoadedCorpus) -> pd.DataFrame:
    audit = self.__dict__["_audit"]
    if callable(audit):  # read on first use (a cache's audit: millions of rows at 100,000 articles)
        audit = self.__dict__["_audit"] = audit()
    return audit


def _set_audit(self: LoadedCorpus, audit) -> None:
    self.__dict__["_audit"] = audit


# ``audit`` may be given as a function that reads it: it is then read when first used (the
# processed corpus's cache keeps it on disk until an analysis asks for it).
LoadedCorpus.audit = property(_get_audit, _set_audit, doc="One row per cleaning edit (read on first use).")


def read_corpus(
    path: str | Path,
    *,
    metadata: str | Path | pd.DataFrame | None = None,
    clean: bool = True,
    text_col: str | None = None,
    id_col: str | None = None,
    max_bytes: int = MAX_BYTES,
    cleaner: Callable[[pd.DataFrame], tuple[pd.DataFrame, pd.DataFrame]] | None = None,
    labeler: Callable[[pd.Series], list[str]] | None = None,
    signer: Callable[[list[str]], Sequence[np.ndarray]] | None = None,
) -> LoadedCorpus:
    """Load a corpus (as :func:`load_corpus`), keeping the load log and the cleaning audit.

    Args: as :func:`load_corpus`, and
        cleaner: what cleans the documents read, returning the cleaned documents and the audit
            (default :func:`corpus_tools.clean.clean_corpus_audited`; :mod:`corpus_tools.process`
            passes one that reads the cleaning of unchanged documents from its cache).
        labeler: what gives each clean text its language (default
            :func:`corpus_tools.io.language.label_languages`; the cache's reads them with the cleaning).
        signer: what gives the MinHash signatures of clean texts, to find near duplicates
            (default :func:`corpus_tools.clean.duplicates.hash_minhash` of each; the cache's
            reads them with the cleaning).

    Returns:
        A :class:`LoadedCorpus`: ``documents`` (every document, stubs included, with their
        ``status``), ``log`` (what the loader warned about), ``audit`` (every cleaning edit) and
        ``files`` (one row per file seen, loaded or skipped with the reason).

    Raises:
        CorpusInputError: as :func:`load_corpus`, and when every document is a stub (naming them).

    >>> from corpus_tools.config import SEEDS_DIR
    >>> loaded = read_corpus(SEEDS_DIR)
    >>> sorted(set(loaded.audit["rule"]))[:3]
    ['breadcrumb', 'comment_prompt', 'dateline_meta']
    >>> loaded.files["status"].value_counts().to_dict()
    {'loaded': 5}
    """
    path = Path(path)
    log: list[dict] = []
    seen: list[dict] = []
    frame = read_documents(path, text_col=text_col, id_col=id_col, log=log, files=seen, max_bytes=max_bytes)
    frame = _rename_computed(frame, str(path), log)
    files = pd.DataFrame(seen, columns=list(FILE_COLUMNS)).sort_values("file", kind="stable").reset_index(drop=True)
    meta = read_metadata(metadata) if metadata is not None and not isinstance(metadata, pd.DataFrame) else metadata
    from_metadata = _take_metadata_titles(frame, meta)
    if clean:
        frame, audit = (cleaner or clean_corpus_audited)(frame)
    else:
        audit = pd.DataFrame(columns=AUDIT_COLUMNS)
        frame["text"] = frame["raw_text"].str.replace(CONTROL_CHARS_RE, "", regex=True)
        for col in ("title", "date"):
            if col not in frame.columns:
                frame[col] = None
        frame["title_source"] = ["column" if isinstance(t, str) and t.strip() else "none" for t in frame["title"]]
        frame["status"] = [_stub_status(raw, raw) for raw in frame["raw_text"]]
    frame.loc[from_metadata, "title_source"] = "metadata"
    _check_stubs(frame, path, log)
    if metadata is not None:
        frame = attach_metadata(frame, metadata, log=log)
        where = "metadata" if isinstance(metadata, pd.DataFrame) else str(metadata)
        frame = _rename_computed(frame, where, log, names=("n_words",))  # the others are computed already
    frame["date"] = parse_dates(frame["date"], log=log, source=f"{path}: column 'date'")
    frame["n_words"] = frame["text"].map(count_words).astype("int64")
    frame["language"] = (labeler or label_languages)(frame["text"])
    frame = attach_duplicates(frame, log=log, where=lambda row: _where(path, row), signer=signer)
    frame = frame[FIRST_COLUMNS + [c for c in frame.columns if c not in FIRST_COLUMNS]]
    frame.attrs = {}
    return LoadedCorpus(frame, pd.DataFrame(log, columns=list(LOG_COLUMNS)), audit, str(path), files)


def load_corpus(
    path: str | Path,
    *,
    metadata: str | Path | pd.DataFrame | None = None,
    clean: bool = True,
    text_col: str | None = None,
    id_col: str | None = None,
    include_stubs: bool = False,
    max_bytes: int = MAX_BYTES,
    keep_duplicates: bool = False,
) -> pd.DataFrame:
    """Load a corpus into a table, one row per document, in a deterministic order.

    Every decision taken about an input file (encoding guessed, file skipped, metadata row
    without a document, a stub left out) is a ``CorpusWarning`` naming the file and the remedy;
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
        include_stubs: also return the stubs (pages without an article: access denied,
            paywall, cookie wall, not found, "enable JavaScript", emptied by cleaning, too few
            words left; see :mod:`corpus_tools.clean.stubs`). By default analyses get the
            ``"ok"`` documents only; each stub is a ``CorpusWarning`` and a row of the load log.
        max_bytes: a document larger than this (its file, or its text in a table; default
            :data:`corpus_tools.io.documents.MAX_BYTES`, 20 MB) is skipped with a warning.
        keep_duplicates: also return the copies of a duplicate article (exact or near, see
            :mod:`corpus_tools.clean.duplicates`). By default analyses get one copy, the first in
            ``doc_id`` order; each copy left out is a ``CorpusWarning`` and a row of the load log.

    Returns:
        Columns ``doc_id, title, date, text, raw_text, n_words, status, title_source, language``
        (``status`` is ``"ok"`` or ``"stub: <reason>"``; ``title_source`` says where the title comes
        from: ``"column"`` of the table or the page's metadata (HTML, exports), ``"metadata"``,
        ``"first_line"`` of the page, or ``"none"``; ``language`` is the ISO 639-1 code of the
        text, or ``"und"`` when too short to tell: :mod:`corpus_tools.io.language`) then the file
        details (``source_file``,
        ``encoding``, ``folder`` for subfolders), for HTML pages ``author``, ``site``, ``url``
        and ``raw_html``, for exports ``newspaper``, ``byline``, ``section``, ``word_count`` and
        ``export``, every metadata column, and ``duplicate_of`` (the ``doc_id`` of the copy kept
        when the document is a duplicate of it, else None).
        A plain DataFrame: ``attrs`` is empty (the audit is ``clean_audit(corpus)``).

    >>> from corpus_tools.config import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> len(corpus), list(corpus.columns[:6]), corpus.attrs
    (5, ['doc_id', 'title', 'date', 'text', 'raw_text', 'n_words'], {})
    >>> corpus["status"].unique().tolist(), sorted(corpus["title_source"].unique())
    (['ok'], ['first_line', 'none'])
    """
    documents = read_corpus(
        path, metadata=metadata, clean=clean, text_col=text_col, id_col=id_col, max_bytes=max_bytes
    ).documents
    keep = documents["status"].eq("ok") | include_stubs
    keep &= documents["duplicate_of"].isna() | keep_duplicates
    return documents[keep].reset_index(drop=True)


#: Columns the loader computes: an input column of that name is renamed (``<name>_input``).
COMPUTED_COLUMNS = ("text", "n_words", "status", "title_source")


def _rename_computed(
    frame: pd.DataFrame, source: str, log: list[dict], *, names: tuple[str, ...] = COMPUTED_COLUMNS
) -> pd.DataFrame:
    """Rename input columns that clash with a computed one (never silently overwritten)."""
    clash = [c for c in names if c in frame.columns]
    for col in clash:
        record_problem(
            log,
            source,
            f"column {col!r} clashes with the {col!r} the loader computes",
            f"renamed to {col + '_input'!r}; rename it in the input to silence this",
            stacklevel=5,
        )
    return frame.rename(columns={c: f"{c}_input" for c in clash})


def _take_metadata_titles(frame: pd.DataFrame, metadata: pd.DataFrame | None) -> pd.Series:
    """Put the metadata's non-empty titles in ``frame["title"]`` before cleaning (so the
    cleaner never takes the first line as title); True for the rows that got one."""
    if metadata is None or "title" not in metadata.columns or "doc_id" not in metadata.columns:
        return pd.Series(False, index=frame.index)
    titles = frame["doc_id"].map(metadata.drop_duplicates("doc_id").set_index("doc_id")["title"])
    given = titles.notna() & (titles.astype(str).str.strip() != "")
    if "title" not in frame.columns:
        frame["title"] = None
    frame["title"] = frame["title"].astype("object").where(~given, titles)
    return given


def _check_stubs(frame: pd.DataFrame, path: Path, log: list[dict]) -> None:
    """Warn about each stub (a page without an article: access denied, paywall, too short,
    emptied by cleaning); raise when every document is one, naming them."""
    stubs = frame[frame["status"] != "ok"]
    emptied = stubs["status"].eq("stub: emptied by cleaning")
    if len(stubs) and len(stubs) == len(frame) and emptied.all():
        raise CorpusInputError(
            f"{path}: cleaning removed every line of all {len(frame)} document(s) as web boilerplate "
            f"({', '.join(stubs['doc_id'].head(6))}); check that the files hold article text, or load with clean=False"
        )
    if len(stubs) and len(stubs) == len(frame):
        listed = "; ".join(f"{_where(path, row)} ({row.status})" for row in stubs.head(6).itertuples())
        more = f" and {len(stubs) - 6} more" if len(stubs) > 6 else ""
        raise CorpusInputError(
            f"{path}: none of the {len(frame)} document(s) holds an article, all are stubs: {listed}{more}; "
            "check that the files hold article text (read_corpus(...).documents lists them with their status)"
        )
    for row, is_emptied in zip(stubs.itertuples(), emptied):
        if is_emptied:
            issue, action = (
                "cleaning removed every line as web boilerplate",
                (
                    "kept with empty text; see clean_audit(corpus) for the rules applied, or load with clean=False; "
                    "kept out of analyses unless include_stubs=True"
                ),
            )
        else:
            issue, action = row.status, "kept out of analyses unless load_corpus(..., include_stubs=True)"
        record_problem(log, _where(path, row), issue, action, stacklevel=5)


def _where(path: Path, row) -> str:
    source = getattr(row, "source_file", "")
    return str(path / source) if path.is_dir() else f"{path}: document {row.doc_id!r}"


def summarize_documents(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per document: its title and date, the words and sentences left after cleaning,
    the characters of the raw page and of the clean text, and the share of the page kept.

    Args:
        documents: the corpus (``load_corpus``): ``doc_id, title, date, n_words, text, raw_text``.
        sentences: its sentences (``split_sentences``): ``doc_id`` per sentence.

    Returns:
        ``doc_id, title, date, n_words, n_sentences, raw_chars, clean_chars, share_kept``
        (``share_kept`` = clean / raw characters, rounded to 3 decimals), and ``status`` when
        the documents have it.

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
    columns = ["doc_id", "title", "date", "n_words", "n_sentences", "raw_chars", "clean_chars", "share_kept"]
    return overview[columns + [c for c in ("status",) if c in overview.columns]]
