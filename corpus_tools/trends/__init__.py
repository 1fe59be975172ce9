"""Coverage over time: volume, measures, vocabulary and events by period.

``periods``   which calendar unit (``period="auto"``), each document's period, undated
              documents listed, articles and words per period (:func:`count_volume`)
``series``    an article-level value (tone, frame rate) per period and group with an interval
              and a minimum-articles rule (:func:`summarize_periods`)
``terms``     the documents using each term (:func:`match_term_documents`), chosen terms
              per period (:func:`count_term_periods`) and the terms rising or falling
              (:func:`summarize_term_trends`, an article-level trend test)
``events``    an events file (:func:`read_events`) and a before/after comparison
``firsts``    which group used a term, name or frame first (:func:`summarize_firsts`)

Plots are in :mod:`corpus_tools.report.trends`.

>>> from corpus_tools import trends
>>> trends.resolve_period(pd.Series(pd.to_datetime(["2025-01-01", "2025-03-01"])))
'week'
"""

import pandas as pd  # noqa: F401  (used by the doctest above)

from corpus_tools.trends.events import compare_before_after, read_events
from corpus_tools.trends.firsts import summarize_firsts
from corpus_tools.trends.periods import (
    PERIODS,
    TrendWarning,
    count_volume,
    label_periods,
    resolve_period,
    select_undated,
)
from corpus_tools.trends.series import MIN_ARTICLES, summarize_periods
from corpus_tools.trends.terms import (
    count_term_periods,
    match_term_documents,
    select_trend_terms,
    summarize_term_trends,
)

__all__ = [
    "PERIODS",
    "MIN_ARTICLES",
    "TrendWarning",
    "resolve_period",
    "label_periods",
    "select_undated",
    "count_volume",
    "summarize_periods",
    "match_term_documents",
    "count_term_periods",
    "summarize_term_trends",
    "select_trend_terms",
    "read_events",
    "compare_before_after",
    "summarize_firsts",
]
