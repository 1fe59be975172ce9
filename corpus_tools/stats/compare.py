"""Pairwise group comparisons: the difference of means with a bootstrap interval, effect sizes,
and a Mann-Whitney or permutation p-value adjusted across the pairs (:func:`compare_groups`).

Each group's bootstrap distribution of its mean is drawn once, from the generator of its
summary row (``_group_rng(seed, group)``), and reused for every pair the group is in: a pair's
interval is the percentile interval of (draws of a) - (draws of b). The two groups are resampled
independently, as a fresh draw of both per pair would; the draws of G groups cost G resamples,
not G - 1 per group.

>>> frame = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 4, "x": [1, 2, 3, 4, 3, 4, 5, 6]})
>>> compare_groups(frame, value="x", by="g", n_boot=200)[["group_a", "group_b", "diff", "cliffs_delta"]].values.tolist()
[['a', 'b', -2.0, -0.75]]
"""

from __future__ import annotations

import functools
import itertools
import warnings

import numpy as np
import pandas as pd
from scipy import stats as sps

from corpus_tools.stats.adjust import adjust_p
from corpus_tools.stats.bootstrap import (
    MIN_CLUSTERS,
    _boot_cluster_means,
    _boot_stat,
    _check_ci,
    _few_clusters_note,
    _group_rng,
    _grouped,
    _percentiles,
)
from corpus_tools.stats.effects import cliffs_delta, cohens_d

__all__ = ["COMPARE_COLUMNS", "TESTS", "compare_groups"]

#: The p-value tests :func:`compare_groups` runs.
TESTS = ("mannwhitney", "permutation")
#: Columns of the table returned by :func:`compare_groups`.
COMPARE_COLUMNS = [
    "group_a",
    "group_b",
    "n_a",
    "n_b",
    "mean_a",
    "mean_b",
    "diff",
    "diff_ci_low",
    "diff_ci_high",
    "cohens_d",
    "hedges_g",
    "cliffs_delta",
    "p_value",
    "p_adjusted",
    "note",
]


def _p_value(x: np.ndarray, y: np.ndarray, *, test: str, n_boot: int, seed: int) -> float:
    if x.size < 1 or y.size < 1 or (np.ptp(np.concatenate([x, y])) == 0):
        return float("nan")
    if test == "mannwhitney":
        return float(sps.mannwhitneyu(x, y, alternative="two-sided").pvalue)
    result = sps.permutation_test(
        (x, y),
        lambda a, b, axis: np.mean(a, axis=axis) - np.mean(b, axis=axis),
        n_resamples=n_boot,
        vectorized=True,
        random_state=seed,
        alternative="two-sided",
    )
    return float(result.pvalue)


def _boot_mean(part: pd.DataFrame, value: str, cluster: str | None, n_boot: int, rng) -> np.ndarray:
    """The bootstrap distribution of one group's mean. Hand-written rather than
    ``scipy.stats.bootstrap``: a pair's interval needs each group's distribution itself, drawn
    once per group and reused for every pair; from ``_group_rng(seed, group)`` these are the
    draws of the group's :func:`~corpus_tools.stats.summarize_groups` interval."""
    x = part[value].to_numpy(dtype=float)
    if cluster:
        return _boot_cluster_means(x, part[cluster].to_numpy(), n_boot, rng)
    return _boot_stat(x, np.mean, n_boot, rng)


def _test_values(part: pd.DataFrame, value: str, cluster: str | None) -> np.ndarray:
    """Values the p-value is computed on: rows, or one mean per cluster (rows within a
    document are not independent observations)."""
    if cluster:
        return part.groupby(cluster)[value].mean().to_numpy(dtype=float)
    return part[value].to_numpy(dtype=float)


def _compare_pair(pa: pd.DataFrame, pb: pd.DataFrame, draws, value: str, cluster: str | None, **settings) -> tuple:
    """One row of :func:`compare_groups`; ``draws(group)`` is the group's bootstrap
    distribution of its mean (drawn once per group)."""
    n_boot, ci, test, seed = settings["n_boot"], settings["ci"], settings["test"], settings["seed"]
    x, y = pa[value].to_numpy(dtype=float), pb[value].to_numpy(dtype=float)
    # The units: rows, or one mean per cluster (article); effect sizes and the test use them.
    ux, uy = _test_values(pa, value, cluster), _test_values(pb, value, cluster)
    notes = []
    if cluster:
        min_clusters = settings["min_clusters"]
        a, b = pa["group"].iloc[0], pb["group"].iloc[0]
        notes = [
            n
            for n in (
                _few_clusters_note(a, ux.size, cluster, min_clusters),
                _few_clusters_note(b, uy.size, cluster, min_clusters),
            )
            if n
        ]
    diff = x.mean() - y.mean()
    effects = (cohens_d(ux, uy), cohens_d(ux, uy, hedges=True), cliffs_delta(ux, uy))
    if notes:
        nan = float("nan")
        return (x.size, y.size, ux.size, uy.size, x.mean(), y.mean(), diff, nan, nan, *effects, nan, "; ".join(notes))
    boot = draws(pa["group"].iloc[0]) - draws(pb["group"].iloc[0])
    p = _p_value(ux, uy, test=test, n_boot=n_boot, seed=seed)
    low, high = _percentiles(boot, ci)
    return (x.size, y.size, ux.size, uy.size, x.mean(), y.mean(), diff, low, high, *effects, p, "")


def compare_groups(
    frame: pd.DataFrame,
    *,
    value: str,
    by: str = "doc_id",
    documents: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    cluster: str | None = None,
    test: str = "mannwhitney",
    p_adjust: str = "holm",
    adjust: str | None = None,
    min_clusters: int = MIN_CLUSTERS,
) -> pd.DataFrame:
    """Compare the mean of ``value`` between every pair of groups.

    Args:
        frame: a long table with the ``value`` and (unless in ``documents``) ``by`` columns.
        value: the numeric column; rows where it is missing are dropped.
        by: the grouping column (groups as strings, sorted; pairs in that order); a missing
            or blank value is the group ``"(missing)"``, with a
            :class:`~corpus_tools.groups.GroupWarning`.
        documents: the corpus (or metadata) to take ``by`` from, joined on ``doc_id``.
        n_boot, seed, ci: bootstrap settings for the interval of the difference: the percentile
            interval of (draws of a) - (draws of b), each group's bootstrap distribution of its
            mean drawn once, independently of the other's, with the draws of its
            :func:`~corpus_tools.stats.summarize_groups` interval (a bootstrap interval: a group
            of more than 10,000 rows resampled as rows gets Student's t interval there), and
            reused for every pair.
        cluster: resample whole clusters (``doc_id``) for the interval, and compute the
            p-value and the effect sizes on cluster means (articles are the sampled units); see
            :func:`~corpus_tools.stats.summarize_groups`.
        test: ``"mannwhitney"`` (two-sided Mann-Whitney U) or ``"permutation"`` (two-sided
            permutation test of the difference of means with ``n_boot`` permutations).
        p_adjust: p-value adjustment across the pairs (see :func:`~corpus_tools.stats.adjust_p`).
        adjust: the old name of ``p_adjust`` (deprecated).
        min_clusters: with ``cluster``, a pair where either group has fewer clusters gets the
            difference but no interval, test or p-value (NaN, left out of the adjustment), and
            its ``note`` says why.

    Returns:
        ``group_a, group_b, n_a, n_b, n_clusters_a, n_clusters_b, mean_a, mean_b, diff,
        diff_ci_low, diff_ci_high, cohens_d, hedges_g, cliffs_delta, p_value, p_adjusted, note``
        (``n_clusters_a/b`` only with ``cluster``); ``diff = mean_a - mean_b``, effect sizes have
        the same sign.

    >>> frame = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 4, "x": [1, 2, 3, 4, 3, 4, 5, 6]})
    >>> compare_groups(frame, value="x", by="g")[["group_a", "group_b", "diff"]].values.tolist()
    [['a', 'b', -2.0]]
    """
    if adjust is not None:
        warnings.warn(
            "compare_groups(adjust=) is renamed p_adjust=; the old name goes in the next release",
            DeprecationWarning,
            stacklevel=2,
        )
        p_adjust = adjust
    _check_ci(ci, n_boot)
    if test not in TESTS:
        raise ValueError(f"unknown test {test!r}; use 'mannwhitney' or 'permutation'")
    grouped = _grouped(frame, by, documents, [value, cluster])
    grouped = grouped[grouped[value].notna()]
    parts = dict(iter(grouped.groupby("group", sort=True)))

    @functools.cache
    def draws(group) -> np.ndarray:  # each group's draws, made once (when a pair first needs them)
        return _boot_mean(parts[group], value, cluster, int(n_boot), _group_rng(seed, group))

    settings = {"n_boot": int(n_boot), "ci": ci, "test": test, "seed": seed, "min_clusters": min_clusters}
    rows = [
        (a, b, *_compare_pair(parts[a], parts[b], draws, value, cluster, **settings))
        for a, b in itertools.combinations(parts, 2)
    ]
    counted = COMPARE_COLUMNS[:4] + ["n_clusters_a", "n_clusters_b"] + COMPARE_COLUMNS[4:-2] + ["note"]
    table = pd.DataFrame(rows, columns=counted)
    table["p_adjusted"] = adjust_p(table["p_value"].to_numpy(), method=p_adjust)
    columns = COMPARE_COLUMNS[:4] + (["n_clusters_a", "n_clusters_b"] if cluster else []) + COMPARE_COLUMNS[4:]
    return table[columns]
