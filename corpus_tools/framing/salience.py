"""Frame salience per group: rates and shares (:func:`count_frame_salience`), each document's
dominant frame (:func:`count_dominant_frames`), and the share of sentences with each frame
with a bootstrap interval (:func:`summarize_frames`).

>>> scores = pd.DataFrame({"doc_id": ["a", "a"], "frame": ["x", "y"], "hits": [1, 3]})
>>> count_dominant_frames(scores)["dominant_frame"].tolist()
['y']
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from corpus_tools import stats
from corpus_tools.checks import require_columns
from corpus_tools.framing.articles import ArticleSums, _draw_group_shares, summarize_articles
from corpus_tools.framing.frames import SCORE_COLUMNS
from corpus_tools.groups import attach_groups
from corpus_tools.stats.bootstrap import _check_ci, _few_clusters_note, _percentiles
from corpus_tools.stats.units import resolve_unit

__all__ = ["count_frame_salience", "count_dominant_frames", "summarize_frames"]


def count_frame_salience(
    scores: pd.DataFrame, *, by: str = "doc_id", corpus: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Frame salience per group, from :func:`~corpus_tools.framing.score_frames`.

    Args:
        scores: document scores.
        by: the grouping column (of ``scores``, or joined from ``corpus``); a document without
            a value is in the group ``"(missing)"``.
        corpus: the documents to take ``by`` from.

    Returns:
        ``group, frame, n_docs, n_words, hits, per_10k, share_sentences, share_documents``:
        hits per 10,000 words of the group (pooled), share of the group's sentences with the
        frame, share of its documents with at least one hit.

    >>> scores = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "x"], "frame": ["f", "f"],
    ...     "hits": [2, 0], "n_words": [100, 300], "n_sentences": [5, 5], "sentences_with_frame": [2, 0]})
    >>> count_frame_salience(scores, by="outlet")[["per_10k", "share_sentences", "share_documents"]].values.tolist()
    [[50.0, 0.2, 0.5]]
    """
    require_columns(scores, ["frame", "hits", "n_words", "n_sentences", "sentences_with_frame"], table="frame scores")
    scores = attach_groups(scores, by, documents=corpus)
    grouped = scores.assign(has_frame=scores["hits"] > 0).groupby(["group", "frame"], sort=True)
    table = grouped.agg(
        n_docs=("doc_id", "nunique"),
        n_words=("n_words", "sum"),
        hits=("hits", "sum"),
        n_sentences=("n_sentences", "sum"),
        sentences_with_frame=("sentences_with_frame", "sum"),
        share_documents=("has_frame", "mean"),
    ).reset_index()
    table["per_10k"] = 10_000 * table["hits"] / table["n_words"].where(table["n_words"] > 0)
    table["share_sentences"] = table["sentences_with_frame"] / table["n_sentences"].where(table["n_sentences"] > 0)
    return table[["group", "frame", "n_docs", "n_words", "hits", "per_10k", "share_sentences", "share_documents"]]


def count_dominant_frames(scores: pd.DataFrame) -> pd.DataFrame:
    """The dominant frame of each document: the frame with the most hits.

    Returns:
        One row per document: ``doc_id, dominant_frame, hits, share_of_hits`` plus any other
        column of ``scores`` constant within a document (groups); ties are joined with
        ``" / "``, a document without hits gets ``"(none)"``.

    >>> scores = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "frame": ["x", "y", "x", "y"], "hits": [3, 1, 0, 0]})
    >>> count_dominant_frames(scores).values.tolist()
    [['a', 'x', 3, 0.75], ['b', '(none)', 0, nan]]
    """
    require_columns(scores, ["doc_id", "frame", "hits"], table="frame scores")
    scores = scores[scores["doc_id"].notna()] if scores["doc_id"].isna().any() else scores
    codes, doc_ids = pd.factorize(scores["doc_id"], sort=True)
    hits = scores["hits"].to_numpy()
    top = np.full(len(doc_ids), -np.inf)
    np.maximum.at(top, codes, hits)
    total = np.bincount(codes, weights=hits, minlength=len(doc_ids))
    # the frames at the top, in the order of the rows of each document, joined per document
    at_top = np.flatnonzero((hits == top[codes]) & (top[codes] > 0))
    at_top = at_top[np.argsort(codes[at_top], kind="stable")]
    names = np.full(len(doc_ids), "(none)", dtype=object)
    if len(at_top):
        frames = scores["frame"].to_numpy(dtype=object)[at_top]
        firsts = np.flatnonzero(np.r_[True, np.diff(codes[at_top]) != 0])
        names[codes[at_top][firsts]] = [" / ".join(frames[a:b]) for a, b in zip(firsts, [*firsts[1:], len(at_top)])]
    top = top.astype(np.int64)
    table = pd.DataFrame(
        {
            "doc_id": doc_ids,
            "dominant_frame": names,
            "hits": top,
            "share_of_hits": np.divide(top, total, out=np.full(len(top), math.nan), where=total != 0),
        }
    )
    score_columns = set(SCORE_COLUMNS)
    extra = [c for c in scores.columns if c not in score_columns and scores.groupby("doc_id")[c].nunique().le(1).all()]
    return table.merge(scores[["doc_id", *extra]].drop_duplicates("doc_id"), on="doc_id") if extra else table


def summarize_frames(
    sentence_scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    unit: str = "article",
) -> pd.DataFrame:
    """Share of each group's sentences carrying each frame, with a bootstrap interval.

    Articles are the sampled units (``unit="article"``): documents are resampled whole, since
    sentences of one article are not independent, and a group of fewer than 3 articles (every
    group when ``by="doc_id"``) gets its share but no interval, with a ``note``.
    ``unit="sentence"`` resamples sentences instead: a description, labelled so.

    Args:
        sentence_scores: :func:`~corpus_tools.framing.score_frame_sentences` output.
        by: the grouping column (of the table, or joined from ``corpus``); a document without
            a value is in the group ``"(missing)"``.
        corpus: the documents to take ``by`` from.
        n_boot, seed, ci: bootstrap resamples, seed and interval level.
        unit: ``"article"`` (default) or ``"sentence"`` (see :mod:`corpus_tools.stats.units`).

    Returns:
        ``group, frame, n, n_clusters, estimate, ci_low, ci_high, unit, note`` (``n``
        sentences, ``n_clusters`` documents; see :func:`corpus_tools.stats.summarize_groups`).

    >>> s = pd.DataFrame({"doc_id": list("aabbcc"), "sent_id": [0, 1] * 3, "frame": "f",
    ...                   "present": [True, False, True, True, False, False], "outlet": "x"})
    >>> summarize_frames(s, by="outlet", n_boot=200)[["group", "n", "n_clusters", "estimate", "unit"]].values.tolist()
    [['x', 6, 3, 0.5, 'article']]
    """
    cluster, label = resolve_unit(unit)
    require_columns(sentence_scores, ["frame", "present"], table="sentence scores")
    if cluster:
        _check_ci(ci, n_boot)
        table = _summarize_articles(summarize_articles(sentence_scores, by=by, corpus=corpus), int(n_boot), seed, ci)
        return table.assign(unit=label)[COLUMNS]
    sentence_scores = attach_groups(sentence_scores, by, documents=corpus)
    table = stats.summarize_by(
        sentence_scores.assign(present=sentence_scores["present"].astype(float)),
        value="present",
        per="frame",
        by="group",
        n_boot=n_boot,
        seed=seed,
        ci=ci,
        cluster=cluster,
    )
    if "n_clusters" not in table.columns:
        docs = sentence_scores.groupby("group")["doc_id"].nunique()
        table["n_clusters"] = table["group"].map(docs).to_numpy()
    table = table.assign(unit=label)
    return table[COLUMNS]


#: Columns of :func:`summarize_frames`.
COLUMNS = ["group", "frame", "n", "n_clusters", "estimate", "ci_low", "ci_high", "unit", "note"]


def _summarize_articles(sums: ArticleSums, n_boot: int, seed: int, ci: float) -> pd.DataFrame:
    """:func:`corpus_tools.stats.summarize_by` per frame with ``cluster="doc_id"``, from the
    articles' sums: the same numbers (each group's seeded draws made once and used for every
    frame whose articles are the same, :func:`~corpus_tools.framing.articles._draw_group_shares`)."""
    rows: dict[tuple[int, str], tuple] = {}
    for group, members in sums.members().items():
        for f, (articles, boot) in _draw_group_shares(sums, group, members, n_boot=n_boot, seed=seed).items():
            note = _few_clusters_note(group, articles.size, "doc_id", stats.MIN_CLUSTERS)
            n = int(sums.counts[f, articles].sum())
            low, high = _percentiles(boot, ci) if boot is not None else (math.nan, math.nan)
            estimate = float(sums.sums[f, articles].sum() / n)
            rows[f, group] = (group, sums.frames[f], n, articles.size, estimate, low, high, note)
    columns = ["group", "frame", "n", "n_clusters", "estimate", "ci_low", "ci_high", "note"]
    return pd.DataFrame([rows[key] for key in sorted(rows, key=lambda k: k[0])], columns=columns)
