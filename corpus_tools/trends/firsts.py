"""First and last: which group (outlet) used a term, a name or a frame first, and when.

>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
...                      "date": pd.to_datetime(["2025-01-05", "2025-01-02", "2025-01-09"])})
>>> hits = pd.DataFrame({"doc_id": ["a", "b", "c"], "frame": ["conflict", "conflict", "economic"]})
>>> out = summarize_firsts(hits, docs, item="frame", by="outlet")
>>> out[["frame", "group", "rank", "lag_days"]].values.tolist()
[['conflict', 'Y', 1, 0], ['conflict', 'X', 2, 3], ['economic', 'X', 1, 0]]
"""

from __future__ import annotations

import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.groups import attach_groups
from corpus_tools.trends.periods import label_periods

__all__ = ["summarize_firsts"]


def summarize_firsts(
    hits: pd.DataFrame, documents: pd.DataFrame, *, item: str, by: str = "doc_id", date: str = "date"
) -> pd.DataFrame:
    """For each item (term, frame, name) and group: the first and last dated use.

    Args:
        hits: rows with ``doc_id`` and ``item`` (frame hits, name counts, term hits).
        documents: the corpus, for dates and the ``by`` column.
        item: the column naming what was used (``frame``, ``term``, ``name``).
        by: the grouping column (an outlet).
        date: the date column.

    Returns:
        ``item, group, first_date, first_doc_id, last_date, articles, rank, lag_days``: ``rank``
        1 is the group that used the item first; ``lag_days`` counts days after that first use.
        Hits in undated documents are left out (counted in ``attrs["undated_hits"]``).
    """
    require_columns(hits, ["doc_id", item], table="hits")
    dated = attach_groups(label_periods(documents, period="day", date=date, warn=False), by)
    table = hits[["doc_id", item]].merge(dated[["doc_id", date, "group"]], on="doc_id", how="left")
    undated = int(table[date].isna().sum())
    table = table.dropna(subset=[date]).sort_values([date, "doc_id"], kind="stable")
    grouped = table.groupby([item, "group"], sort=False)
    out = grouped.agg(
        first_date=(date, "first"),
        first_doc_id=("doc_id", "first"),
        last_date=(date, "last"),
        articles=("doc_id", "nunique"),
    ).reset_index()
    out = out.sort_values([item, "first_date", "group"], ignore_index=True)
    out["rank"] = out.groupby(item).cumcount() + 1
    first = out.groupby(item)["first_date"].transform("min")
    out["lag_days"] = (out["first_date"] - first).dt.days.astype(int)
    out.attrs["undated_hits"] = undated
    return out
