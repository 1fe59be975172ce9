"""Periods: which calendar unit a corpus's span calls for, each document's period, and volume.

A period is a calendar unit (``day``, ``week`` starting on Monday, ``month``, ``quarter``,
``year``) labelled by its first day. ``period="auto"`` picks the unit from the span of the dated
documents so that a time axis has a readable number of points (day up to 31 days, week up to
26 weeks, month up to 5 years, quarter up to 15 years, else year). Documents without a date are
never dropped silently: :func:`select_undated` lists them and every function here counts them.

>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "n_words": [10, 20, 30],
...                      "date": pd.to_datetime(["2025-03-03", "2025-03-12", "2025-03-13"])})
>>> resolve_period(docs["date"])
'day'
>>> count_volume(docs, period="week")[["period", "articles", "words"]].astype(str).values.tolist()
[['2025-03-03', '1', '10'], ['2025-03-10', '2', '50']]
"""

from __future__ import annotations

import warnings

import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.groups import attach_groups

__all__ = ["PERIODS", "TrendWarning", "resolve_period", "label_periods", "select_undated", "count_volume"]

#: Calendar units and the pandas period code of each (weeks run Monday to Sunday).
PERIODS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
# Longest span (days) each unit is chosen for by period="auto".
_AUTO_SPANS = (("day", 31), ("week", 26 * 7), ("month", 5 * 366), ("quarter", 15 * 366))


class TrendWarning(UserWarning):
    """Something about the dates a reader of a time plot must know (undated documents, one period)."""


def resolve_period(dates: pd.Series, period: str = "auto") -> str:
    """The calendar unit to use: ``period`` itself, or the one ``"auto"`` picks from the span.

    Args:
        dates: the documents' dates (missing ones are ignored).
        period: ``"auto"`` or one of :data:`PERIODS`.

    >>> resolve_period(pd.Series(pd.to_datetime(["2020-01-01", "2024-06-01"])))
    'month'
    >>> resolve_period(pd.Series(pd.to_datetime(["2020-01-01"])), "year")
    'year'
    """
    period = str(period).strip().lower()
    if period in PERIODS:
        return period
    if period != "auto":
        raise ValueError(f"period must be 'auto' or one of {', '.join(PERIODS)}, not {period!r}")
    dated = pd.to_datetime(dates, errors="coerce").dropna()
    if dated.empty:
        return "day"
    span = (dated.max() - dated.min()).days
    return next((unit for unit, days in _AUTO_SPANS if span <= days), "year")


def _period_start(dates: pd.Series, unit: str) -> pd.Series:
    return dates.dt.to_period(PERIODS[unit]).dt.start_time


def select_undated(documents: pd.DataFrame, *, date: str = "date") -> pd.DataFrame:
    """The documents without a (readable) date: listed, so a reader sees what a time plot leaves out.

    >>> select_undated(pd.DataFrame({"doc_id": ["a", "b"], "date": [pd.Timestamp("2025-01-01"), None]}))
    ... # doctest: +NORMALIZE_WHITESPACE
      doc_id date
    1      b  NaT
    """
    require_columns(documents, ["doc_id"], table="documents")
    if date not in documents.columns:
        return documents
    return documents[pd.to_datetime(documents[date], errors="coerce").isna()]


def label_periods(
    documents: pd.DataFrame, *, period: str = "auto", date: str = "date", warn: bool = True
) -> pd.DataFrame:
    """The dated documents with a ``period`` column (the first day of each one's period).

    Undated documents are left out of the result and counted in a :class:`TrendWarning` that says
    how to supply dates; ``attrs["undated"]`` holds their number and ``attrs["period"]`` the unit.

    Args:
        documents: a corpus table with ``doc_id`` and a date column.
        period: ``"auto"`` or one of :data:`PERIODS`.
        date: the date column (naive UTC, as :func:`corpus_tools.load_corpus` gives).
        warn: warn about undated documents.
    """
    require_columns(
        documents, ["doc_id", date], table="documents", hint="Give each document a date (a metadata 'date' column)."
    )
    dates = pd.to_datetime(documents[date], errors="coerce", utc=True).dt.tz_localize(None)
    undated = int(dates.isna().sum())
    if undated and warn:
        names = ", ".join(documents.loc[dates.isna(), "doc_id"].astype(str).head(5))
        more = f" and {undated - 5} more" if undated > 5 else ""
        warnings.warn(
            f"{undated} of {len(documents)} documents have no date and are left out of time plots "
            f"({names}{more}); add a 'date' column to the metadata table to include them",
            TrendWarning,
            stacklevel=2,
        )
    unit = resolve_period(dates, period)
    out = documents.loc[dates.notna()].copy()
    out[date] = dates[dates.notna()]
    out["period"] = _period_start(out[date], unit)
    out.attrs.update(period=unit, undated=undated)
    return out


def _group_dated(dated: pd.DataFrame, by: str | None) -> pd.DataFrame:
    """``dated`` with a ``group`` column: ``by``'s values, or ``"all"`` when there is no grouping."""
    return dated.assign(group="all") if by is None else attach_groups(dated, by)


def _all_periods(periods: pd.Series, unit: str) -> pd.DatetimeIndex:
    if periods.empty:
        return pd.DatetimeIndex([])
    span = pd.period_range(periods.min(), periods.max(), freq=PERIODS[unit])
    return span.start_time


def count_volume(documents: pd.DataFrame, *, period: str = "auto", by: str | None = None, date: str = "date"):
    """Articles and words per period (and group), missing periods shown as zero, never skipped.

    Args:
        documents: a corpus table with ``doc_id``, a date and ``n_words``.
        period: ``"auto"`` or one of :data:`PERIODS`.
        by: a grouping column (an outlet); ``None`` counts the corpus as one group ``"all"``.
        date: the date column.

    Returns:
        ``period, group, articles, words, share_articles, share_words``: the shares are of the
        group's own output over the whole span (how much of an outlet's coverage fell in each
        period). ``attrs`` carries ``period`` (the unit) and ``undated``.
    """
    require_columns(documents, ["n_words"], table="documents")
    dated = label_periods(documents, period=period, date=date)
    unit = dated.attrs["period"]
    dated = _group_dated(dated, by)
    counts = dated.groupby(["group", "period"], sort=True).agg(articles=("doc_id", "size"), words=("n_words", "sum"))
    groups = sorted(dated["group"].unique()) if len(dated) else []
    full = pd.MultiIndex.from_product([groups, _all_periods(dated["period"], unit)], names=["group", "period"])
    counts = counts.reindex(full, fill_value=0).reset_index()
    totals = counts.groupby("group")[["articles", "words"]].transform("sum")
    counts["share_articles"] = counts["articles"] / totals["articles"].where(totals["articles"] > 0)
    counts["share_words"] = counts["words"] / totals["words"].where(totals["words"] > 0)
    counts = counts[["period", "group", "articles", "words", "share_articles", "share_words"]]
    counts = counts.astype({"articles": int, "words": int}).sort_values(["period", "group"], ignore_index=True)
    counts.attrs.update(period=unit, undated=dated.attrs["undated"])
    return counts
