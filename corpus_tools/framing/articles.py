"""A sentence-scores table summed per frame and article on integer codes, once, for the group
statistics of :mod:`corpus_tools.framing.compare` and :mod:`corpus_tools.framing.salience`;
the article (cluster) bootstrap of those sums, drawn once per group and used for every frame,
for the group's summary row and for its side of every pair it is in.

Every statistic of those modules is a function of each article's number of sentences and of
sentences with the frame (and of its hits), so the table of one row per sentence and frame is
read once here, and the groups are attached to the articles, not to every row.

>>> s = pd.DataFrame({"doc_id": list("aab"), "sent_id": [0, 1, 0], "frame": "f", "hits": [2, 0, 1],
...                   "present": [True, False, True], "outlet": ["x", "x", "y"]})
>>> sums = summarize_articles(s, by="outlet")
>>> sums.frames, sums.groups.tolist(), sums.sums.tolist(), sums.counts.tolist()
(['f'], ['x', 'y'], [[1.0, 1.0]], [[2.0, 1.0]])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from corpus_tools.groups import attach_groups
from corpus_tools.stats.bootstrap import _CHUNK_VALUES, MIN_CLUSTERS, _group_rng

__all__ = ["ArticleSums", "summarize_articles", "make_resampled_sums"]


@dataclass(frozen=True)
class ArticleSums:
    """Per frame (rows) and article (columns, sorted by ``doc_id`` within each group): the
    sentences with a value (``counts``), their summed ``present`` (``sums``), all rows
    (``rows``) and summed ``hits`` (None without that column).

    Attributes:
        frames: the frames in order of appearance.
        doc_ids: each article's ``doc_id``.
        groups: each article's group (as :func:`corpus_tools.groups.attach_groups` labels it).
    """

    frames: list
    doc_ids: np.ndarray
    groups: np.ndarray
    sums: np.ndarray
    counts: np.ndarray
    rows: np.ndarray
    hits: np.ndarray | None

    def members(self) -> dict[str, np.ndarray]:
        """Each group's articles (indices; groups sorted, and their articles next to each other)."""
        names, starts = np.unique(self.groups, return_index=True)
        ends = [*starts[1:], len(self.groups)]
        return {name: np.arange(a, b) for name, a, b in zip(names, starts, ends)}


def summarize_articles(sentence_scores: pd.DataFrame, *, by: str = "doc_id", corpus: pd.DataFrame | None = None):
    """The :class:`ArticleSums` of a :func:`~corpus_tools.framing.score_frame_sentences` table.

    An article whose rows carry two groups (a ``by`` column that varies within a document) is
    one article in each, as a table grouped row by row has it. Rows without a frame are not
    counted (as ``groupby("frame")`` drops them).
    """
    frame_codes, frames = pd.factorize(sentence_scores["frame"])
    doc_codes, doc_ids = pd.factorize(sentence_scores["doc_id"], sort=True)
    if by in sentence_scores.columns:
        by_codes, _ = pd.factorize(sentence_scores[by])
        by_codes = by_codes.astype(np.int64) + 1  # missing values (-1) are a value too
        pair_codes, pairs = pd.factorize(doc_codes.astype(np.int64) * (int(by_codes.max(initial=0)) + 1) + by_codes)
        first = np.empty(len(pairs), dtype=np.int64)
        first[pair_codes[::-1]] = np.arange(len(pair_codes))[::-1]  # each pair's first row
        units = sentence_scores.iloc[first][list(dict.fromkeys(["doc_id", by]))].reset_index(drop=True)
        labels = attach_groups(units, by, documents=corpus)["group"].to_numpy(dtype=object)
        unit_docs = doc_codes[first]
    else:
        firsts = np.full(len(doc_ids), -1, dtype=np.int64)
        firsts[doc_codes[::-1]] = np.arange(len(doc_codes))[::-1]
        units = sentence_scores.iloc[firsts[firsts >= 0]][["doc_id"]].reset_index(drop=True)
        labels = attach_groups(units, by, documents=corpus)["group"].to_numpy(dtype=object)
        unit_docs, pair_codes = doc_codes[firsts[firsts >= 0]], doc_codes
    # articles: (group, document) pairs, sorted by group then doc_id (np.unique's order of doc_id)
    label_codes, label_names = pd.factorize(labels, sort=True)
    article_keys = label_codes.astype(np.int64) * max(len(doc_ids), 1) + unit_docs
    keys, unit_article = np.unique(article_keys, return_inverse=True)
    row_article = unit_article.ravel()[pair_codes]
    n, width = len(frames), len(keys)
    counted = frame_codes >= 0
    cell = frame_codes[counted].astype(np.int64) * width + row_article[counted]
    value = sentence_scores["present"].to_numpy(dtype=float, na_value=np.nan)[counted]
    known = ~np.isnan(value)

    def total(weights=None, where=None):
        chosen = cell if where is None else cell[where]
        summed = np.bincount(chosen, weights=weights, minlength=n * width)
        return summed.reshape(n, width).astype(float if weights is not None else np.int64)

    hits = None
    if "hits" in sentence_scores.columns:
        hit_values = sentence_scores["hits"].to_numpy(dtype=float, na_value=np.nan)[counted]
        hits = total(np.nan_to_num(hit_values), None)
    return ArticleSums(
        frames=list(frames),
        doc_ids=np.asarray(doc_ids, dtype=object)[keys % max(len(doc_ids), 1)],
        groups=np.asarray(label_names, dtype=object)[keys // max(len(doc_ids), 1)],
        sums=total(value[known], known),
        counts=total(np.ones(int(known.sum())), known),
        rows=total(None, None),
        hits=hits,
    )


def make_resampled_sums(totals: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Sums of ``totals`` (articles x columns) over ``n_boot`` resamples of the articles drawn
    with replacement: the draws of ``corpus_tools.stats`` (``rng.integers(0, k, (chunk, k))``
    chunk by chunk), counted per article and multiplied with the totals, so one draw serves
    every column (the frames; the sentences). Exact for whole numbers.

    >>> make_resampled_sums(np.array([[1.0], [3.0]]), np.random.default_rng(0), 4).ravel().tolist()
    [6.0, 4.0, 2.0, 2.0]
    """
    k = totals.shape[0]
    chunk = max(1, _CHUNK_VALUES // k)
    out = []
    for done in range(0, n_boot, chunk):
        size = min(chunk, n_boot - done)
        idx = rng.integers(0, k, size=(size, k))
        drawn = np.bincount((np.arange(size)[:, None] * k + idx).ravel(), minlength=size * k).reshape(size, k)
        out.append(drawn.astype(float) @ totals)
    return np.concatenate(out) if out else np.empty((0, totals.shape[1]))


def _draw_group_shares(sums: ArticleSums, group: str, members: np.ndarray, *, n_boot: int, seed: int) -> dict:
    """Per frame (index): the articles of ``group`` (``members``) with a value for it, and the
    bootstrap distribution of the group's share (``n_boot`` values), or None when it has fewer
    than :data:`~corpus_tools.stats.MIN_CLUSTERS` articles. One draw from
    ``_group_rng(seed, group)`` serves every frame whose articles are the same: the draws of the
    group's :func:`~corpus_tools.framing.summarize_frames` row and of its side of each pair in
    :func:`~corpus_tools.framing.compare_frames`.
    """
    sets: dict[bytes, list[int]] = {}
    for f in range(len(sums.frames)):
        articles = members[sums.counts[f, members] > 0]
        if len(articles):
            sets.setdefault(articles.tobytes(), []).append(f)
    shares = {}
    for frames in sets.values():
        articles = members[sums.counts[frames[0], members] > 0]
        boot = None
        if articles.size >= MIN_CLUSTERS:
            totals = np.concatenate([sums.sums[frames][:, articles], sums.counts[frames][:, articles]]).T
            drawn = make_resampled_sums(totals, _group_rng(seed, group), n_boot)
            boot = drawn[:, : len(frames)] / drawn[:, len(frames) :]
        for i, f in enumerate(frames):
            shares[f] = (articles, None if boot is None else boot[:, i])
    return shares


def _iterate_values(column: pd.Series, *, chunk: int = 100_000):
    """The values of a column, converted to Python objects a chunk at a time: faster than
    iterating an Arrow-backed column value by value, without a copy of the whole column.

    >>> list(_iterate_values(pd.Series(["a", None, "c"]), chunk=2))
    ['a', None, 'c']
    """
    for start in range(0, len(column), chunk):
        yield from column.iloc[start : start + chunk].to_numpy(dtype=object, na_value=None).tolist()
