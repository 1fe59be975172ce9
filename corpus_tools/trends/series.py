"""Measures over time: per period and group, the mean of an article-level value with an interval.

The sampled unit is the article: each article contributes one value (its mean tone, its frame
rate per 10,000 words, a term's rate), and a period's interval is a percentile bootstrap over its
articles (:func:`corpus_tools.stats.bootstrap_ci`). A period with fewer than ``min_articles``
articles keeps its mean but gets no interval and ``enough = False`` (plots grey it out) with the
reason in ``note``; a smoothed line (a centred moving average over ``window`` periods, weighted by
articles) is given beside the raw means, never instead of them.

>>> docs = pd.DataFrame({"doc_id": list("abcd"),
...                      "date": pd.to_datetime(["2025-01-06", "2025-01-07", "2025-01-08", "2025-01-20"])})
>>> values = pd.DataFrame({"doc_id": list("abcd"), "tone": [0.1, 0.3, 0.2, -0.5]})
>>> out = summarize_periods(values, docs, value="tone", period="week", n_boot=200)
>>> out["mean"].round(2).tolist(), out["articles"].tolist(), out["enough"].tolist()
([0.2, nan, -0.5], [3, 0, 1], [True, False, False])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.stats import bootstrap_ci
from corpus_tools.trends.periods import _all_periods, _group_dated, label_periods

__all__ = ["MIN_ARTICLES", "summarize_periods"]

#: Fewest articles a period needs for an interval (below it: the mean only, greyed in plots).
MIN_ARTICLES = 3

_COLUMNS = ["period", "group", "articles", "mean", "low", "high", "smoothed", "enough", "note"]


def _smooth(means: pd.Series, weights: pd.Series, window: int) -> pd.Series:
    if window <= 1:
        return means
    filled = means.fillna(0.0) * weights
    num = filled.rolling(window, center=True, min_periods=1).sum()
    den = weights.rolling(window, center=True, min_periods=1).sum()
    return (num / den.where(den > 0)).astype(float)


def summarize_periods(
    values: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    value: str,
    period: str = "auto",
    by: str | None = None,
    category: str | None = None,
    min_articles: int = MIN_ARTICLES,
    window: int = 3,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    date: str = "date",
) -> pd.DataFrame:
    """Mean of an article-level ``value`` per period (and group, and category) with an interval.

    Args:
        values: one row per article (and category) with ``doc_id`` and ``value``.
        documents: the corpus, for dates (and the ``by`` column).
        value: the column to average (e.g. ``compound``, ``per_10k``).
        period: ``"auto"`` or a unit of :data:`corpus_tools.trends.periods.PERIODS`.
        by: a grouping column (an outlet); ``None``: the corpus as one group ``"all"``.
        category: a column of ``values`` to summarise separately (``frame``, ``lexicon``).
        min_articles: fewest articles for an interval; smaller periods are ``enough = False``.
        window: periods in the centred moving average ``smoothed`` (1: none).
        n_boot: bootstrap resamples; ci: confidence level; seed: random seed.
        date: the date column of ``documents``.

    Returns:
        ``period, group, [category,] articles, mean, low, high, smoothed, enough, note``, every
        period of the span present (no articles: ``articles = 0``, mean NaN).
    """
    require_columns(values, ["doc_id", value] + ([category] if category else []), table="values")
    dated = label_periods(documents, period=period, date=date)
    unit = dated.attrs["period"]
    dated = _group_dated(dated, by)
    keep = ["doc_id", value] + ([category] if category else [])
    table = values[keep].merge(dated[["doc_id", "period", "group"]], on="doc_id", how="inner")
    table = table.dropna(subset=[value])
    categories = sorted(table[category].unique()) if category else [None]
    groups = sorted(dated["group"].unique())
    periods = _all_periods(dated["period"], unit)
    rows = []
    for cat in categories:
        part = table if cat is None else table[table[category] == cat]
        for group in groups:
            by_period = dict(list(part[part["group"] == group].groupby("period")[value]))
            for start in periods:
                x = by_period.get(start, pd.Series(dtype=float)).to_numpy(dtype=float)
                row = {"period": start, "group": group, "category": cat, "articles": len(x)}
                row["mean"] = float(x.mean()) if len(x) else np.nan
                row["low"] = row["high"] = np.nan
                row["enough"] = len(x) >= min_articles
                if row["enough"]:
                    row["note"] = ""
                    _, row["low"], row["high"] = bootstrap_ci(x, n_boot=n_boot, ci=ci, seed=seed)
                else:
                    row["note"] = f"{len(x)} article(s) < {min_articles}: no interval"
                rows.append(row)
    out = pd.DataFrame(
        rows, columns=["period", "group", "category", "articles", "mean", "low", "high", "enough", "note"]
    )
    keys = ["category", "group"] if category else ["group"]
    out["smoothed"] = np.nan
    for _, part in out.groupby(keys, dropna=False, sort=False):
        out.loc[part.index, "smoothed"] = _smooth(part["mean"], part["articles"].astype(float), window)
    columns = _COLUMNS[:2] + ([category] if category else []) + _COLUMNS[2:]
    out = out.rename(columns={"category": category} if category else {})[columns]
    out.attrs.update(period=unit, undated=dated.attrs["undated"], value=value, min_articles=min_articles)
    return out
