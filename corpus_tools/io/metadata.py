"""Metadata tables keyed by ``doc_id`` (outlet, group, date, url...) and their join onto the
documents; dates parsed with a warning for each value that cannot be read.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["T", None], "date": [None, None]})
>>> meta = pd.DataFrame({"id": ["a.txt", "b"], "outlet": ["X", "Y"], "date": ["2025-03-01", ""]})
>>> log = []
>>> attach_metadata(docs, meta, log=log)[["doc_id", "outlet", "date"]].values.tolist()
[['a', 'X', '2025-03-01'], ['b', 'Y', nan]]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from corpus_tools.io.problems import CorpusInputError, record_problem
from corpus_tools.io.tables import ID_COLUMNS, _pick, read_table

__all__ = ["read_metadata", "attach_metadata", "parse_dates"]

#: Document columns that a metadata value replaces (where the metadata has one).
OVERRIDABLE = ("title", "date", "author", "site", "url")


def read_metadata(path: str | Path) -> pd.DataFrame:
    """Read a metadata table keyed by ``doc_id`` (errors name the file and the fix).

    ``doc_id`` may be called ``id``, ``filename``... (:data:`~corpus_tools.io.tables.ID_COLUMNS`);
    a trailing ``.txt`` is dropped, so a file name matches its document.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "meta.csv"
    >>> _ = path.write_text("filename,outlet\\na.txt,X\\n", encoding="utf-8")
    >>> read_metadata(path).values.tolist()
    [['a', 'X']]
    """
    return _check_metadata(read_table(path), str(path))


def _check_metadata(meta: pd.DataFrame, source: str) -> pd.DataFrame:
    """A copy of ``meta`` keyed by a unique, string ``doc_id``; errors name ``source`` and the fix."""
    columns = [str(c) for c in meta.columns]
    key = _pick(columns, ("doc_id",)) or _pick(columns, ID_COLUMNS)
    if key is None:
        raise CorpusInputError(
            f"{source}: metadata needs a 'doc_id' column (the file name without .txt); columns are {columns}"
        )
    meta = meta.rename(columns={key: "doc_id"})
    meta["doc_id"] = meta["doc_id"].astype(str).str.removesuffix(".txt")
    dups = meta["doc_id"][meta["doc_id"].duplicated()].unique()
    if len(dups):
        raise CorpusInputError(
            f"{source}: doc_id repeats in the metadata ({', '.join(map(str, dups[:6]))}); one row per document"
        )
    return meta


def attach_metadata(
    documents: pd.DataFrame, metadata: str | Path | pd.DataFrame, *, log: list[dict] | None = None
) -> pd.DataFrame:
    """``documents`` with the metadata's columns joined on ``doc_id`` (one-to-one, left join).

    ``title``, ``date``, ``author``, ``site`` and ``url`` given in the metadata take precedence
    over those in ``documents`` (found in the text or the HTML page); its other columns must not
    clash with the documents' columns. Metadata rows without a document, and documents without a
    metadata row, are warned about and logged.

    Args:
        documents: the documents (``doc_id``, ``title``, ``date``...).
        metadata: a table path or a DataFrame keyed by ``doc_id``.
        log: the load log to append to (see :func:`~corpus_tools.io.problems.record_problem`).

    Raises:
        CorpusInputError: no metadata row matches a document, ids repeat, or columns clash.
    """
    log = [] if log is None else log
    source = "metadata DataFrame" if isinstance(metadata, pd.DataFrame) else str(metadata)
    meta = read_metadata(metadata) if not isinstance(metadata, pd.DataFrame) else _check_metadata(metadata, source)
    unmatched = sorted(set(meta["doc_id"]) - set(documents["doc_id"]))
    if unmatched and len(unmatched) == meta["doc_id"].nunique():
        raise CorpusInputError(
            f"{source}: none of its {len(unmatched)} doc_id(s) matches a document (it has {', '.join(unmatched[:3])}; "
            f"the corpus has {', '.join(documents['doc_id'].head(3))}); doc_id is the file name without .txt, "
            "or the id column of a table"
        )
    if unmatched:
        record_problem(
            log,
            source,
            f"{len(unmatched)} row(s) match no document ({', '.join(unmatched[:6])})",
            "rows ignored; check the doc_id spelling",
        )
    missing = sorted(set(documents["doc_id"]) - set(meta["doc_id"]))
    if missing:
        record_problem(
            log,
            source,
            f"{len(missing)} document(s) have no metadata row ({', '.join(missing[:6])})",
            "their metadata columns are empty",
        )
    clash = [c for c in meta.columns if c in documents.columns and c not in ("doc_id", *OVERRIDABLE)]
    if clash:
        raise CorpusInputError(
            f"{source}: column(s) {clash} would overwrite corpus columns; rename them in the metadata"
        )
    merged = documents.merge(meta, on="doc_id", how="left", suffixes=("", "_meta"), validate="one_to_one")
    for col in OVERRIDABLE:
        if f"{col}_meta" in merged.columns:
            given = merged[f"{col}_meta"]
            merged[col] = given.where(given.notna() & (given.astype(str) != ""), merged[col])
            merged = merged.drop(columns=f"{col}_meta")
    return merged


def parse_dates(values: pd.Series, *, log: list[dict] | None = None) -> pd.Series:
    """Dates as ``datetime64`` (mixed formats); a value that cannot be read becomes ``NaT``
    with a warning (the first six distinct ones) naming it.

    >>> parse_dates(pd.Series(["2025-03-01", None])).dt.strftime("%Y-%m-%d").tolist()
    ['2025-03-01', nan]
    """
    log = [] if log is None else log
    parsed = pd.to_datetime(values, errors="coerce", format="mixed")
    bad = values.notna() & (values.astype(str) != "") & parsed.isna()
    for value in values[bad].astype(str).unique()[:6]:
        record_problem(log, "date column", f"cannot read date {value!r}", "left empty; use YYYY-MM-DD")
    return parsed
