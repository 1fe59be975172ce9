"""Frames compared between groups: pairwise differences with bootstrap intervals
(:func:`compare_frames`), chi-square tests with Cramér's V (:func:`compare_frames_chi2`),
frames that travel together (:func:`count_frame_cooccurrence`) and which actor is framed how
(:func:`count_actor_frames`).

>>> round(cramers_v([[8, 2], [2, 8]]), 2)
0.6
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats as sps
from scipy.stats.contingency import association

from corpus_tools import stats
from corpus_tools.checks import require_columns
from corpus_tools.dictionaries import Dictionary, match_actors
from corpus_tools.framing.frames import _KEYS
from corpus_tools.framing.salience import _cluster_for
from corpus_tools.groups import attach_groups

__all__ = ["compare_frames", "cramers_v", "compare_frames_chi2", "count_frame_cooccurrence", "count_actor_frames"]

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
) -> pd.DataFrame:
    """Pairwise differences between groups in the share of sentences carrying each frame.

    Intervals are percentile bootstraps over documents (over sentences when
    ``by="doc_id"``); p-values are Mann-Whitney tests on per-document shares (see
    :func:`corpus_tools.stats.compare_groups`), adjusted over every frame and pair together.

    Args:
        sentence_scores: :func:`~corpus_tools.framing.score_frame_sentences` output.
        by: the grouping column (of the table, or joined from ``corpus``); a document without
            a value is in the group ``"(missing)"``.
        corpus: the documents to take ``by`` from.
        n_boot, seed, ci: bootstrap resamples, seed and interval level.
        p_adjust: multiple-comparison correction (as :func:`corpus_tools.stats.adjust_p` accepts).

    Returns:
        ``frame, group_a, group_b, n_a, n_b, share_a, share_b, diff, diff_ci_low, diff_ci_high,
        cliffs_delta, p_value, p_adjusted``; ``diff = share_a - share_b``.

    >>> s = pd.DataFrame({"doc_id": list("aabb"), "sent_id": [0, 1, 0, 1], "frame": "f",
    ...                   "present": [True, True, False, True], "outlet": ["x", "x", "y", "y"]})
    >>> compare_frames(s, by="outlet", n_boot=200)[["group_a", "group_b", "diff"]].values.tolist()
    [['x', 'y', 0.5]]
    """
    require_columns(sentence_scores, ["frame", "present"], table="sentence scores")
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
            cluster=_cluster_for(by),
        )
        parts.append(table.assign(frame=frame))
    if not parts or all(p.empty for p in parts):
        return pd.DataFrame(columns=_DIFFERENCE_COLUMNS)
    table = pd.concat(parts, ignore_index=True).rename(columns={"mean_a": "share_a", "mean_b": "share_b"})
    # p-values are adjusted over every frame and pair together, not per frame.
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method=p_adjust)
    return table[_DIFFERENCE_COLUMNS]


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
    """Chi-square tests of independence between group and frame, with Cramér's V.

    One row per frame (groups x {sentences with, without the frame}) and one row
    ``"(all frames)"`` (groups x frames, counting frame hits). Sentences within a document are
    not independent, so p-values are optimistic; read them with the bootstrap intervals of
    :func:`compare_frames`. p-values are adjusted (``p_adjust``) over the frame rows.

    Args:
        sentence_scores: :func:`~corpus_tools.framing.score_frame_sentences` output.
        by: the grouping column (of the table, or joined from ``corpus``); a document without
            a value is in the group ``"(missing)"``.
        corpus: the documents to take ``by`` from.
        p_adjust: multiple-comparison correction (as :func:`corpus_tools.stats.adjust_p` accepts).

    Returns:
        ``frame, chi2, dof, p_value, p_adjusted, cramers_v, n``.

    >>> s = pd.DataFrame({"doc_id": list("aabb"), "sent_id": [0, 1, 0, 1], "frame": "f", "hits": [1, 1, 0, 0],
    ...                   "present": [True, True, False, False], "outlet": ["x", "x", "y", "y"]})
    >>> compare_frames_chi2(s, by="outlet")[["frame", "cramers_v", "n"]].values.tolist()
    [['f', 1.0, 4], ['(all frames)', nan, 2]]
    """
    require_columns(sentence_scores, ["frame", "present", "hits"], table="sentence scores")
    sentence_scores = attach_groups(sentence_scores, by, documents=corpus)
    rows = []
    for frame, part in sentence_scores.groupby("frame", sort=False):
        observed = pd.crosstab(part["group"], part["present"]).reindex(columns=[True, False], fill_value=0)
        rows.append(_chi2_row(observed, frame))
    table = pd.DataFrame(rows)
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method=p_adjust)
    overall = _chi2_row(
        sentence_scores.pivot_table(index="group", columns="frame", values="hits", aggfunc="sum", fill_value=0),
        "(all frames)",
    )
    table = pd.concat([table, pd.DataFrame([{**overall, "p_adjusted": overall["p_value"]}])], ignore_index=True)
    return table[["frame", "chi2", "dof", "p_value", "p_adjusted", "cramers_v", "n"]]


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
    wide = sentence_scores.pivot_table(index=keys, columns="frame", values="present", aggfunc="max", fill_value=False)
    matrix = wide.to_numpy(dtype=int)
    both = matrix.T @ matrix
    frames = list(wide.columns)
    rows = []
    for i, a in enumerate(frames):
        for j, b in enumerate(frames):
            union = both[i, i] + both[j, j] - both[i, j]
            rows.append(
                (a, b, int(both[i, i]), int(both[j, j]), int(both[i, j]), both[i, j] / union if union else math.nan)
            )
    return pd.DataFrame(rows, columns=["frame_a", "frame_b", "n_a", "n_b", "n_both", "jaccard"])


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
    actor_hits = match_actors(sentences, actors) if actor_hits is None else actor_hits
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
