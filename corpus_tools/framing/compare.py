"""Frames compared between groups: pairwise differences with bootstrap intervals
(:func:`compare_frames`), one article-level test per frame across all groups
(:func:`compare_frames_kruskal`), chi-square tables with Cramér's V over sentences, a
description (:func:`compare_frames_chi2`), frames that travel together
(:func:`count_frame_cooccurrence`) and which actor is framed how (:func:`count_actor_frames`).

>>> round(cramers_v([[8, 2], [2, 8]]), 2)
0.6
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats as sps
from scipy.stats.contingency import association

from corpus_tools import stats
from corpus_tools.checks import require_columns
from corpus_tools.dictionaries import Dictionary, match_actors, read_dictionary
from corpus_tools.framing.articles import ArticleSums, _draw_group_shares, _iterate_values, summarize_articles
from corpus_tools.framing.frames import _KEYS
from corpus_tools.groups import attach_groups
from corpus_tools.stats.bootstrap import _few_clusters_note, _percentiles
from corpus_tools.stats.compare import _p_value
from corpus_tools.stats.units import ARTICLE_UNIT, SENTENCE_UNIT, resolve_unit

__all__ = [
    "compare_frames",
    "compare_frames_kruskal",
    "cramers_v",
    "compare_frames_chi2",
    "count_frame_cooccurrence",
    "count_actor_frames",
]

# Established statistic names, kept although they are not verbs.
_GRAMMAR_EXCEPTIONS = {"cramers_v"}

_DIFFERENCE_COLUMNS = [
    "frame",
    "group_a",
    "group_b",
    "n_a",
    "n_b",
    "share_a",
    "share_b",
    "diff",
    "diff_ci_low",
    "diff_ci_high",
    "cliffs_delta",
    "p_value",
    "p_adjusted",
    "unit",
    "note",
]


def compare_frames(
    sentence_scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    p_adjust: str = "holm",
    unit: str = "article",
) -> pd.DataFrame:
    """Pairwise differences between groups in the share of sentences carrying each frame.

    Articles are the sampled units (``unit="article"``): intervals are percentile bootstraps
    over documents, p-values Mann-Whitney tests on per-document shares (see
    :func:`corpus_tools.stats.compare_groups`), adjusted over every frame and pair together; a
    pair with a group of fewer than 3 documents gets its difference only, with a ``note``.
    ``unit="sentence"`` treats sentences as independent: a description, labelled so.

    Args:
        sentence_scores: :func:`~corpus_tools.framing.score_frame_sentences` output.
        by: the grouping column (of the table, or joined from ``corpus``); a document without
            a value is in the group ``"(missing)"``.
        corpus: the documents to take ``by`` from.
        n_boot, seed, ci: bootstrap resamples, seed and interval level.
        p_adjust: multiple-comparison correction (as :func:`corpus_tools.stats.adjust_p` accepts).
        unit: ``"article"`` (default) or ``"sentence"`` (see :mod:`corpus_tools.stats.units`).

    Returns:
        ``frame, group_a, group_b, n_a, n_b, share_a, share_b, diff, diff_ci_low, diff_ci_high,
        cliffs_delta, p_value, p_adjusted, unit, note``; ``diff = share_a - share_b``, ``n_a``
        and ``n_b`` count the units (documents, or sentences).

    >>> s = pd.DataFrame({"doc_id": list("aabb"), "sent_id": [0, 1, 0, 1], "frame": "f",
    ...                   "present": [True, True, False, True], "outlet": ["x", "x", "y", "y"]})
    >>> compare_frames(s, by="outlet", n_boot=200)[["group_a", "group_b", "diff", "p_value"]].values.tolist()
    [['x', 'y', 0.5, nan]]
    """
    cluster, label = resolve_unit(unit)
    require_columns(sentence_scores, ["frame", "present"], table="sentence scores")
    if cluster:
        settings = {"n_boot": int(n_boot), "seed": seed, "ci": ci}
        table = _compare_articles(summarize_articles(sentence_scores, by=by, corpus=corpus), **settings)
        if table.empty:
            return pd.DataFrame(columns=_DIFFERENCE_COLUMNS)
        table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method=p_adjust)
        return table.assign(unit=label)[_DIFFERENCE_COLUMNS]
    sentence_scores = attach_groups(sentence_scores, by, documents=corpus)
    parts = []
    for frame, part in sentence_scores.groupby("frame", sort=False):
        table = stats.compare_groups(
            part.assign(present=part["present"].astype(float)),
            value="present",
            by="group",
            n_boot=n_boot,
            seed=seed,
            ci=ci,
            cluster=cluster,
        )
        if cluster:
            table = table.assign(n_a=table["n_clusters_a"], n_b=table["n_clusters_b"])
        parts.append(table.assign(frame=frame, unit=label))
    if not parts or all(p.empty for p in parts):
        return pd.DataFrame(columns=_DIFFERENCE_COLUMNS)
    table = pd.concat(parts, ignore_index=True).rename(columns={"mean_a": "share_a", "mean_b": "share_b"})
    # p-values are adjusted over every frame and pair together, not per frame.
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method=p_adjust)
    return table[_DIFFERENCE_COLUMNS]


def _compare_articles(sums: ArticleSums, *, n_boot: int, seed: int, ci: float) -> pd.DataFrame:
    """:func:`corpus_tools.stats.compare_groups` with ``cluster="doc_id"`` for every frame, from
    the articles' sums: the same numbers (each group's seeded draws made once, used for every
    frame whose articles are the same and every pair the group is in; they are the draws of its
    :func:`~corpus_tools.framing.summarize_frames` row)."""
    members = sums.members()
    shares = {g: _draw_group_shares(sums, g, m, n_boot=n_boot, seed=seed) for g, m in members.items()}
    rows: dict[tuple[int, str, str], tuple] = {}
    for a, b in itertools.combinations(members, 2):
        for f in sorted(shares[a].keys() & shares[b].keys()):
            (arts_a, boot_a), (arts_b, boot_b) = shares[a][f], shares[b][f]
            notes = [
                n
                for n in (
                    _few_clusters_note(a, arts_a.size, "doc_id", stats.MIN_CLUSTERS),
                    _few_clusters_note(b, arts_b.size, "doc_id", stats.MIN_CLUSTERS),
                )
                if n
            ]
            ux = sums.sums[f, arts_a] / sums.counts[f, arts_a]
            uy = sums.sums[f, arts_b] / sums.counts[f, arts_b]
            n_a, n_b = int(sums.counts[f, arts_a].sum()), int(sums.counts[f, arts_b].sum())
            share_a, share_b = sums.sums[f, arts_a].sum() / n_a, sums.sums[f, arts_b].sum() / n_b
            low = high = p = math.nan
            if not notes:
                low, high = _percentiles(boot_a - boot_b, ci)
                p = _p_value(ux, uy, test="mannwhitney", n_boot=n_boot, seed=seed)
            rows[f, a, b] = (
                sums.frames[f], a, b, ux.size, uy.size, share_a, share_b, share_a - share_b,
                low, high, stats.cliffs_delta(ux, uy), p, "; ".join(notes),
            )  # fmt: skip
    columns = _DIFFERENCE_COLUMNS[:10] + ["cliffs_delta", "p_value", "note"]
    return pd.DataFrame([rows[key] for key in sorted(rows, key=lambda k: k[0])], columns=columns)


def cramers_v(table: np.ndarray | pd.DataFrame) -> float:
    """Cramér's V of a contingency table of counts: ``sqrt(chi2 / (n * (min(rows, cols) - 1)))``
    with the Pearson chi-square (no continuity correction, no bias correction), computed by
    :func:`scipy.stats.contingency.association`; rows and columns without counts are dropped
    first, and V is NaN when fewer than two of either remain.

    >>> round(cramers_v([[10, 0], [0, 10]]), 3)
    1.0
    """
    observed = np.asarray(table, dtype=float)
    observed = observed[observed.sum(axis=1) > 0][:, observed.sum(axis=0) > 0]
    if min(observed.shape) < 2:
        return math.nan
    if not np.array_equal(observed, np.round(observed)):
        raise ValueError("cramers_v needs a table of counts (whole numbers)")
    return float(association(observed.astype(np.int64), method="cramer", correction=False))


def _chi2_row(observed: pd.DataFrame, label: str) -> dict:
    kept = observed.loc[observed.sum(axis=1) > 0, observed.sum(axis=0) > 0]
    if min(kept.shape) < 2:
        return {
            "frame": label,
            "chi2": math.nan,
            "dof": 0,
            "p_value": math.nan,
            "cramers_v": math.nan,
            "n": int(observed.to_numpy().sum()),
        }
    chi2, p, dof, _ = sps.chi2_contingency(kept.to_numpy(dtype=float), correction=False)
    return {
        "frame": label,
        "chi2": float(chi2),
        "dof": int(dof),
        "p_value": float(p),
        "cramers_v": cramers_v(kept),
        "n": int(kept.to_numpy().sum()),
    }


def compare_frames_chi2(
    sentence_scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    p_adjust: str = "holm",
) -> pd.DataFrame:
    """Chi-square statistics of group x frame over sentences, with Cramér's V: a description.

    One row per frame (groups x {sentences with, without the frame}) and one row
    ``"(all frames)"`` (groups x frames, counting frame hits). The chi-square p-value assumes
    independent sentences, which sentences of one article are not, so it is far too small
    (hundreds of sentences from a few articles give p-values near 0); the table is labelled
    ``unit = "sentence (descriptive)"`` and its ``note`` says to trust the article-level tests
    (:func:`compare_frames_kruskal`, :func:`compare_frames`) instead. Cramér's V is a fair
    description of the strength of the association among these sentences. p-values are
    adjusted (``p_adjust``) over the frame rows.

    Args:
        sentence_scores: :func:`~corpus_tools.framing.score_frame_sentences` output.
        by: the grouping column (of the table, or joined from ``corpus``); a document without
            a value is in the group ``"(missing)"``.
        corpus: the documents to take ``by`` from.
        p_adjust: multiple-comparison correction (as :func:`corpus_tools.stats.adjust_p` accepts).

    Returns:
        ``frame, chi2, dof, p_value, p_adjusted, cramers_v, n, unit, note`` (``n`` sentences,
        or hits in the ``"(all frames)"`` row).

    >>> s = pd.DataFrame({"doc_id": list("aabb"), "sent_id": [0, 1, 0, 1], "frame": "f", "hits": [1, 1, 0, 0],
    ...                   "present": [True, True, False, False], "outlet": ["x", "x", "y", "y"]})
    >>> compare_frames_chi2(s, by="outlet")[["frame", "cramers_v", "n", "unit"]].values.tolist()
    [['f', 1.0, 4, 'sentence (descriptive)'], ['(all frames)', nan, 2, 'sentence (descriptive)']]
    """
    require_columns(sentence_scores, ["frame", "present", "hits"], table="sentence scores")
    sums = summarize_articles(sentence_scores, by=by, corpus=corpus)
    groups = np.array(sorted(set(sums.groups)), dtype=object)
    codes = np.searchsorted(groups, sums.groups)
    with_frame, sentences = _sum_groups(sums.sums, codes, len(groups)), _sum_groups(sums.counts, codes, len(groups))
    rows = []
    for f, frame in enumerate(sums.frames):
        crossed = np.column_stack([with_frame[f], sentences[f] - with_frame[f]]).astype(np.int64)
        observed = pd.DataFrame(crossed, index=pd.Index(groups, name="group"), columns=[True, False])
        rows.append(_chi2_row(observed[crossed.sum(axis=1) > 0], frame))
    table = pd.DataFrame(rows)
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method=p_adjust)
    order = np.argsort(np.array(sums.frames, dtype=object), kind="stable")
    hits = pd.DataFrame(
        _sum_groups(sums.hits, codes, len(groups))[order].T.astype(np.int64),
        index=groups,
        columns=np.array(sums.frames)[order],
    )
    overall = _chi2_row(hits, "(all frames)")
    table = pd.concat([table, pd.DataFrame([{**overall, "p_adjusted": overall["p_value"]}])], ignore_index=True)
    table = table.assign(unit=SENTENCE_UNIT, note=_CHI2_NOTE)
    return table[["frame", "chi2", "dof", "p_value", "p_adjusted", "cramers_v", "n", "unit", "note"]]


def _sum_groups(values: np.ndarray, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Frames x articles summed into frames x groups (``codes``: each article's group)."""
    cells = (np.arange(values.shape[0])[:, None] * n_groups + codes[None, :]).ravel()
    return np.bincount(cells, weights=values.ravel(), minlength=values.shape[0] * n_groups).reshape(-1, n_groups)


_CHI2_NOTE = "sentences counted as independent: p-value optimistic; trust the article-level tests"


def compare_frames_kruskal(
    sentence_scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    p_adjust: str = "holm",
    min_articles: int = stats.MIN_CLUSTERS,
) -> pd.DataFrame:
    """Does the share of sentences with a frame differ between groups? One article-level test
    per frame: a Kruskal-Wallis test (``scipy.stats.kruskal``) of each article's share of
    sentences with the frame, across every group with at least ``min_articles`` articles.

    The article-level counterpart of the chi-square rows of :func:`compare_frames_chi2`:
    articles, not sentences, are the independent units, so this is the test to cite. Groups
    with fewer articles are left out of the test and named in ``note``; a frame with fewer than
    two such groups, or with the same share in every article, has no test (NaN).

    Args:
        sentence_scores: :func:`~corpus_tools.framing.score_frame_sentences` output.
        by, corpus: the grouping column and the documents to take it from.
        p_adjust: adjustment over the frames (:func:`corpus_tools.stats.adjust_p`).
        min_articles: the fewest articles a group needs to enter the test.

    Returns:
        ``frame, n_groups, n_articles, h, p_value, p_adjusted, unit, note``.

    >>> s = pd.DataFrame({"doc_id": list("abcdef"), "sent_id": 0, "frame": "f",
    ...                   "present": [True, True, False, False, False, True], "outlet": list("xxxyyy")})
    >>> compare_frames_kruskal(s, by="outlet")[["frame", "n_groups", "n_articles", "unit"]].values.tolist()
    [['f', 2, 6, 'article']]
    """
    require_columns(sentence_scores, ["frame", "present"], table="sentence scores")
    sums = summarize_articles(sentence_scores, by=by, corpus=corpus)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = sums.sums / sums.counts  # NaN: an article without a value
    rows = []
    members = sums.members()
    for f, frame in enumerate(sums.frames):
        present = {name: m[sums.rows[f, m] > 0] for name, m in members.items()}
        present = {name: m for name, m in present.items() if m.size}
        small = [name for name, m in present.items() if m.size < min_articles]
        kept = [shares[f, m] for name, m in present.items() if m.size >= min_articles]
        notes = [f"left out (fewer than {min_articles} articles): {', '.join(small[:6])}"] if small else []
        h = p = math.nan
        if len(kept) < 2:
            notes.append("fewer than 2 groups to compare")
        elif np.ptp(np.concatenate(kept)) == 0:
            notes.append("every article has the same share")
        else:
            h, p = sps.kruskal(*kept)
        n_articles = int(sum(len(k) for k in kept))
        rows.append((frame, len(kept), n_articles, float(h), float(p), "; ".join(notes)))
    table = pd.DataFrame(rows, columns=["frame", "n_groups", "n_articles", "h", "p_value", "note"])
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method=p_adjust)
    table["unit"] = ARTICLE_UNIT
    return table[["frame", "n_groups", "n_articles", "h", "p_value", "p_adjusted", "unit", "note"]]


def count_frame_cooccurrence(sentence_scores: pd.DataFrame, *, unit: str = "sentence") -> pd.DataFrame:
    """How often two frames appear in the same sentence (or document).

    Returns:
        ``frame_a, frame_b, n_a, n_b, n_both, jaccard`` for every ordered pair (the diagonal
        included), ``jaccard = n_both / (n_a + n_b - n_both)``.

    >>> s = pd.DataFrame({"doc_id": ["a"] * 4, "sent_id": [0, 0, 1, 1], "frame": ["x", "y"] * 2,
    ...                   "present": [True, True, True, False]})
    >>> count_frame_cooccurrence(s).query("frame_a == 'x' and frame_b == 'y'")[["n_both", "jaccard"]].to_dict("records")
    [{'n_both': 1, 'jaccard': 0.5}]
    """
    if unit not in ("sentence", "document"):
        raise ValueError(f"unit must be 'sentence' or 'document', not {unit!r}")
    keys = _KEYS if unit == "sentence" else ["doc_id"]
    matrix, frames = _present_matrix(sentence_scores, keys)
    both = matrix.T @ matrix
    rows = []
    for i, a in enumerate(frames):
        for j, b in enumerate(frames):
            union = both[i, i] + both[j, j] - both[i, j]
            rows.append(
                (a, b, int(both[i, i]), int(both[j, j]), int(both[i, j]), both[i, j] / union if union else math.nan)
            )
    return pd.DataFrame(rows, columns=["frame_a", "frame_b", "n_a", "n_b", "n_both", "jaccard"])


def _present_matrix(sentence_scores: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, list]:
    """Units (rows: a key of ``keys`` with a present value) by frames (columns, sorted): 1 where
    the frame is present in some row of the unit, as a pivot table with ``aggfunc="max"`` gives."""
    kept = sentence_scores["present"].notna().to_numpy()
    for key in keys:
        kept = kept & sentence_scores[key].notna().to_numpy()
    table = sentence_scores if kept.all() else sentence_scores[kept]  # no copy of a full table
    frame_codes, frames = pd.factorize(table["frame"], sort=True)
    unit_codes = pd.factorize(table["doc_id"])[0].astype(np.int64)
    if len(keys) > 1:  # documents and sentences: one integer per sentence
        sent_codes, sent_ids = pd.factorize(table["sent_id"])
        unit_codes = pd.factorize(unit_codes * max(len(sent_ids), 1) + sent_codes)[0]
    n_units = int(unit_codes.max(initial=-1)) + 1
    present = table["present"].to_numpy(dtype=bool)
    flat = unit_codes[present].astype(np.int64) * len(frames) + frame_codes[present]
    matrix = np.zeros(n_units * len(frames), dtype=int)
    matrix[flat] = 1
    return matrix.reshape(n_units, len(frames)), list(frames)


def _may_mention(texts: pd.Series, dictionary: Dictionary) -> np.ndarray:
    """Which texts can hold a match of the dictionary (one compiled alternation of the first
    words of its patterns, searched in the lower-cased text before any text is tokenised):
    every token form the matcher compares holds its pattern's first word, and the lower-cased
    text holds every lower-cased token. Every text when a first word is not plain ASCII."""
    keys = {entry.words[0].strip("*").lower() for entry in dictionary.entries}
    if not keys or any(not k or not k.isascii() or "'" in k for k in keys):
        return np.ones(len(texts), dtype=bool)
    search = re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))).search
    return np.fromiter(
        (isinstance(t, str) and search(t.lower()) is not None for t in _iterate_values(texts)),
        dtype=bool,
        count=len(texts),
    )


def count_actor_frames(
    sentences: pd.DataFrame,
    hits: pd.DataFrame,
    *,
    actors: str | Path | Dictionary = "ukraine_security",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    actor_hits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which actor is framed how: sentences mentioning an actor and carrying a frame, per group.

    Args:
        sentences: the sentence table; hits: :func:`~corpus_tools.framing.match_frames`.
        actors: an actor list (see :func:`corpus_tools.dictionaries.match_actors`).
        by, corpus: the grouping column, joined from ``corpus`` if the sentences lack it; a
            document without a value is in the group ``"(missing)"``.
        actor_hits: precomputed ``match_actors`` output.

    Returns:
        ``group, actor, frame, n_sentences, actor_sentences, share``: sentences where the actor
        and the frame co-occur, the actor's sentences in the group, and their ratio.

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": ["Putin rejected troops."]})
    >>> hits = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["security"]})
    >>> count_actor_frames(sents, hits).values.tolist()
    [['a', 'Russia', 'security', 1, 1, 1.0]]
    """
    if actor_hits is None:
        actors = read_dictionary(actors)
        actor_hits = match_actors(sentences[_may_mention(sentences["text"], actors)], actors)
    mentions = actor_hits[[*_KEYS, "category"]].drop_duplicates().rename(columns={"category": "actor"})
    documents = sentences[["doc_id", by]] if by != "doc_id" and by in sentences.columns else corpus
    mentions = attach_groups(mentions, by, documents=documents)
    framed = hits[[*_KEYS, "frame"]].drop_duplicates()
    joint = mentions.merge(framed, on=_KEYS)
    counts = joint.groupby(["group", "actor", "frame"]).size().rename("n_sentences").reset_index()
    totals = mentions.groupby(["group", "actor"]).size().rename("actor_sentences").reset_index()
    table = counts.merge(totals, on=["group", "actor"])
    table["share"] = table["n_sentences"] / table["actor_sentences"]
    return table.sort_values(["group", "actor", "frame"], ignore_index=True)
