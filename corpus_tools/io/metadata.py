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

import re
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


#: A date written with the day or month first: ``03/04/2025``, ``13.04.2025``, ``4-3-25``.
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b")


def parse_dates(values: pd.Series, *, log: list[dict] | None = None, source: str = "date column") -> pd.Series:
    """Dates as naive UTC ``datetime64`` (mixed formats; UTC offsets converted to UTC); a value
    that cannot be read becomes ``NaT`` with a warning (the first six distinct ones) naming it.

    Dates written with the day or month first follow one convention per column: day-first if
    any first field is over 12, month-first if any second field is, else (every one ambiguous)
    month-first with a warning; a column mixing both is a warning naming the values.

    Args:
        values: the date column.
        log: the load log.
        source: the file and column named in every message.

    >>> parse_dates(pd.Series(["2025-03-01", None])).dt.strftime("%Y-%m-%d").tolist()
    ['2025-03-01', nan]
    >>> parse_dates(pd.Series(["03/04/2025", "13/04/2025"])).dt.strftime("%Y-%m-%d").tolist()
    ['2025-04-03', '2025-04-13']
    >>> parse_dates(pd.Series(["2025-03-04T10:00+02:00", "2025-03-04T10:00-05:00"])).dt.hour.tolist()
    [8, 15]
    """
    log = [] if log is None else log
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    text = values.where(values.isna(), values.astype(str))
    fields = text.dropna().astype(str).str.extract(_NUMERIC_DATE)
    fields = fields.dropna().astype(int)
    numeric = text.index.isin(fields.index)
    dayfirst = False
    if len(fields):
        day_first = fields[0] > 12
        month_first = fields[1] > 12
        if day_first.any() and month_first.any():
            odd = text[fields.index[month_first]].unique()[:3].tolist()
            record_problem(
                log,
                source,
                f"dates mix day-first and month-first ({', '.join(map(repr, odd))} are month-first)",
                "read day-first where they can be; write dates as YYYY-MM-DD",
            )
            dayfirst = True
        elif day_first.any():
            dayfirst = True
        elif not month_first.any():
            record_problem(
                log,
                source,
                f"{len(fields)} date(s) such as {text[fields.index[0]]!r} could be day-first or month-first",
                "read month-first (MM/DD/YYYY); write dates as YYYY-MM-DD to be sure",
            )
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    for mask, first in ((numeric, dayfirst), (~numeric, False)):
        if mask.any():
            parsed[mask] = pd.to_datetime(text[mask], errors="coerce", format="mixed", dayfirst=first, utc=True)
    aware = text.dropna().astype(str).str.contains(r"(?:[+-]\d{2}:?\d{2}|Z|UTC|GMT)\s*$", regex=True)
    if aware.any() and (~aware).any():
        record_problem(
            log, source, "some dates have a UTC offset, others none", "all read as UTC (those without one as given)"
        )
    parsed = parsed.dt.tz_localize(None)
    bad = values.notna() & (text.astype(str) != "") & parsed.isna()
    for value in text[bad].astype(str).unique()[:6]:
        record_problem(log, source, f"cannot read date {value!r}", "left empty; use YYYY-MM-DD")
    return parsed
