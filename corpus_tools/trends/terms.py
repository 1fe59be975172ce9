"""Vocabulary over time: chosen terms per period (Voyant's Trends) and the terms rising or falling.

Chosen terms are found by :func:`corpus_tools.keywords.match_kwic` (the concordance of the
reports), case-insensitively: a term is a word, a phrase (``"security guarantees"``, within a
sentence) or a word with a trailing ``*`` (``"negotiat*"``).
Rising and falling terms come from an article-level trend test (Lijffijt et al. 2016 on why the
article, not the token, is the unit): for each term, Spearman's rank correlation between each
article's date and the term's rate in that article, with p-values adjusted over the terms tested.

>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "date": pd.to_datetime(["2025-01-01", "2025-02-01"]),
...                      "text": ["Talks on a ceasefire.", "Ceasefire talks, ceasefire now."], "n_words": [4, 4]})
>>> count_term_periods(docs, ["ceasefire"], period="month")[["period", "count", "per_10k"]].astype(str).values.tolist()
[['2025-01-01', '1', '2500.0'], ['2025-02-01', '2', '5000.0']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy import stats as sps

from corpus_tools.checks import require_columns
from corpus_tools.keywords import match_kwic
from corpus_tools.shipped import read_stopwords
from corpus_tools.stats import adjust_p
from corpus_tools.tokens import tokenize
from corpus_tools.trends.periods import _all_periods, _group_dated, label_periods

__all__ = ["match_term_documents", "count_term_periods", "summarize_term_trends", "select_trend_terms"]


def _check_terms(terms: Iterable[str]) -> list[str]:
    terms = [str(t) for t in terms]
    empty = [t for t in terms if not tokenize(t.replace("*", ""))]
    if empty:
        raise ValueError(f"terms {empty} contain no word to match; give words, phrases or word* prefixes")
    return terms


def match_term_documents(documents: pd.DataFrame, terms: Iterable[str]) -> pd.DataFrame:
    """The documents that use each term: ``doc_id, term, count`` (rows with a count above zero),
    counted with :func:`corpus_tools.keywords.match_kwic` (glob patterns: a phrase matches
    within a sentence, ``word*`` any ending).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["A truce.", "Truce talks; truces."]})
    >>> match_term_documents(docs, ["truce*"]).values.tolist()
    [['a', 'truce*', 1], ['b', 'truce*', 2]]
    """
    require_columns(documents, ["doc_id", "text"], table="documents")
    terms = _check_terms(terms)
    lines = match_kwic(documents, terms, window=0)
    counts = lines.groupby(["doc_id", "pattern"], sort=False).size().rename("count").reset_index()
    return counts.rename(columns={"pattern": "term"})[["doc_id", "term", "count"]]


def count_term_periods(
    documents: pd.DataFrame, terms: Iterable[str], *, period: str = "auto", by: str | None = None, date: str = "date"
) -> pd.DataFrame:
    """Occurrences of each chosen term per period (and group), as counts and per 10,000 words.

    Args:
        documents: the corpus (``doc_id``, ``text``, ``n_words``, a date column).
        terms: words, phrases or ``word*`` prefixes.
        period: ``"auto"`` or a unit of :data:`corpus_tools.trends.periods.PERIODS`.
        by: a grouping column; ``None``: the corpus as one group ``"all"``.
        date: the date column.

    Returns:
        ``period, group, term, count, articles, words, per_10k`` for every period of the span,
        zero where a period has no article (``per_10k`` NaN there: no words to divide by).
    """
    require_columns(documents, ["doc_id", "text", "n_words"], table="documents")
    terms = _check_terms(terms)
    dated = label_periods(documents, period=period, date=date)
    unit = dated.attrs["period"]
    dated = _group_dated(dated, by)
    hits = match_term_documents(dated, terms).merge(dated[["doc_id", "period", "group"]], on="doc_id")
    sums = hits.assign(articles=1).groupby(["period", "group", "term"])[["count", "articles"]].sum()
    words = dated.groupby(["period", "group"])["n_words"].sum()
    full = pd.MultiIndex.from_product(
        [_all_periods(dated["period"], unit), sorted(dated["group"].unique()), terms],
        names=["period", "group", "term"],
    )
    out = sums.reindex(full, fill_value=0).reset_index()
    out["words"] = [int(words.get((p, g), 0)) for p, g in zip(out["period"], out["group"])]
    out["per_10k"] = out["count"] / out["words"].where(out["words"] > 0) * 10_000
    out.attrs.update(period=unit, undated=dated.attrs["undated"])
    return out


def summarize_term_trends(
    documents: pd.DataFrame,
    *,
    top_n: int = 15,
    min_articles: int = 5,
    max_terms: int = 1000,
    stopwords: str | Iterable[str] | None = "english",
    p_adjust: str = "holm",
    date: str = "date",
) -> pd.DataFrame:
    """The terms whose per-article rate rises or falls most with time (an article-level trend test).

    The ``max_terms`` terms found in the most dated articles (and in at least ``min_articles``)
    are tested: ``rho`` is Spearman's correlation between article date and the term's rate per
    10,000 words in that article (every dated article counts, with rate 0 where the term is absent).

    Args:
        documents: the corpus (``doc_id``, ``text``, a date column).
        top_n: terms listed in each direction.
        min_articles: fewest articles a term must occur in to be tested.
        max_terms: most terms tested (by article frequency), to bound time and memory.
        stopwords: words not tested: a shipped list's name (:func:`corpus_tools.shipped.read_stopwords`),
            words, or ``None``.
        p_adjust: multiple-comparison correction over the tested terms (``stats.adjust_p``).
        date: the date column.

    Returns:
        ``term, direction, rho, p, p_adjusted, articles, early_per_10k, late_per_10k``: the
        ``top_n`` rising terms (largest rho) then the ``top_n`` falling ones; early/late rates are
        those of the first and second half of the dated articles. ``attrs["tested"]`` is the number
        of terms tested. Fewer than 4 dated articles: an empty table (a trend needs several dates).
    """
    require_columns(documents, ["doc_id", "text"], table="documents")
    dated = label_periods(documents, period="day", date=date, warn=False).sort_values(date, kind="stable")
    columns = ["term", "direction", "rho", "p", "p_adjusted", "articles", "early_per_10k", "late_per_10k"]
    if isinstance(stopwords, str):
        stopwords = read_stopwords(stopwords)
    stop = {w.lower() for w in stopwords or ()}
    bags = [Counter(w for w, _, _ in tokenize(t, lowercase=True)) for t in dated["text"]]
    doc_freq = Counter(w for bag in bags for w in bag if w not in stop and not w.isdigit())
    vocab = [w for w, n in doc_freq.most_common(max_terms) if n >= min_articles]
    if len(dated) < 4 or not vocab or dated[date].nunique() < 2:
        out = pd.DataFrame(columns=columns)
        out.attrs["tested"] = 0
        return out
    lengths = np.array([max(sum(bag.values()), 1) for bag in bags], dtype=float)
    rates = np.array([[bag.get(w, 0) for w in vocab] for bag in bags], dtype=float) / lengths[:, None] * 10_000
    when = dated[date].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    rho = np.empty(len(vocab))
    p = np.empty(len(vocab))
    for j in range(len(vocab)):
        result = sps.spearmanr(when, rates[:, j])
        rho[j], p[j] = result.statistic, result.pvalue
    half = len(dated) // 2
    table = pd.DataFrame(
        {
            "term": vocab,
            "rho": rho,
            "p": p,
            "p_adjusted": adjust_p(np.nan_to_num(p, nan=1.0), p_adjust),
            "articles": [doc_freq[w] for w in vocab],
            "early_per_10k": rates[:half].mean(axis=0),
            "late_per_10k": rates[half:].mean(axis=0),
        }
    )
    table["direction"] = np.where(table["rho"] > 0, "rising", "falling")
    rising = table[table["rho"] > 0].sort_values(["rho", "term"], ascending=[False, True]).head(top_n)
    falling = table[table["rho"] < 0].sort_values(["rho", "term"]).head(top_n)
    out = pd.concat([rising, falling], ignore_index=True)[columns]
    out.attrs["tested"] = len(vocab)
    return out


def select_trend_terms(term_trends: pd.DataFrame, *, top_n: int = 3) -> list[str]:
    """The ``top_n`` most rising and ``top_n`` most falling terms of :func:`summarize_term_trends`.

    >>> table = pd.DataFrame({"term": ["a", "b", "c"], "direction": ["rising", "rising", "falling"]})
    >>> select_trend_terms(table, top_n=1)
    ['a', 'c']
    """
    if term_trends.empty:
        return []
    parts = [term_trends[term_trends["direction"] == d].head(top_n) for d in ("rising", "falling")]
    return pd.concat(parts)["term"].tolist()
