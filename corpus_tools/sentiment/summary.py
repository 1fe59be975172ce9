"""Group summaries of long sentence tables in one pass: the table of
:func:`corpus_tools.stats.summarize_by`, computed on integer codes.

``stats.summarize_by`` splits the table with pandas once per category and once per group, which
costs a fraction of a second for each of the hundreds of thousands of actor x document groups
of a large corpus. Here the rows are sorted once by (category, group) codes, each group is a
slice of numpy arrays, and only groups with an interval draw a bootstrap, with the generator
and the resampling of :mod:`corpus_tools.stats.bootstrap` (the same draws for the same seed):
the table is the one ``stats.summarize_by`` gives, number for number. Pairwise contrasts
(:func:`_compare_codes`, the table of :func:`corpus_tools.stats.compare_groups`) likewise
prepare each group once (its rows, article sums and article means) and draw its bootstrap
distribution once (its summary row's draws), not once per pair.

>>> s = pd.DataFrame({"lexicon": "vader", "group": list("aaab"), "doc_id": list("xyzx"),
...                   "compound": [0.2, 0.4, -0.5, 1.0]})
>>> _summarize_codes(s, value="compound", per=["lexicon"], cluster="doc_id", n_boot=100)[["group", "n", "n_clusters"]]
  group  n  n_clusters
0     a  3           3
1     b  1           1
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from corpus_tools.stats.adjust import adjust_p
from corpus_tools.stats.bootstrap import (
    MIN_CLUSTERS,
    _boot_cluster_means,
    _boot_ratio_means,
    _boot_stat,
    _check_ci,
    _few_clusters_note,
    _group_rng,
    _percentiles,
    _row_interval,
)
from corpus_tools.stats.compare import COMPARE_COLUMNS, TESTS, _p_value
from corpus_tools.stats.effects import cliffs_delta, cohens_d

__all__: list[str] = []


def _summarize_codes(
    frame: pd.DataFrame,
    *,
    value: str,
    per: Sequence[str],
    cluster: str | None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    min_clusters: int = MIN_CLUSTERS,
) -> pd.DataFrame:
    """``stats.summarize_by(frame, value=value, per=per, by="group", cluster=cluster, ...)`` for a
    table that has its ``group`` column (strings), with ``stat=np.mean``.

    Categories (``per``) in order of first appearance, groups sorted within each; each group's
    estimate is ``np.mean`` of its values in row order and its interval is drawn by
    ``_boot_cluster_means`` (``cluster``) or ``_row_interval`` (rows) from
    ``_group_rng(seed, group)``, as ``stats.summarize_by`` does.
    """
    _check_ci(ci, n_boot)
    keys = list(per)
    columns = [*keys, "group", "n"] + (["n_clusters"] if cluster else []) + ["estimate", "ci_low", "ci_high", "note"]
    category = frame.groupby(keys, sort=False, dropna=False).ngroup().to_numpy() if len(frame) else np.array([], int)
    keep = frame[value].notna().to_numpy()
    x_all = frame[value].to_numpy(dtype=float)[keep]
    category = category[keep]
    group_codes, group_names = pd.factorize(frame["group"].to_numpy(dtype=object)[keep], sort=True)
    if cluster:  # codes in the sorted order of the cluster values: np.unique's order in the bootstrap
        cluster_codes = pd.factorize(frame[cluster].to_numpy(dtype=object)[keep], sort=True)[0]
    order = np.lexsort((group_codes, category))
    x, category, group_codes = x_all[order], category[order], group_codes[order]
    if x.size == 0:
        return pd.DataFrame(columns=columns)
    run = np.r_[True, (category[1:] != category[:-1]) | (group_codes[1:] != group_codes[:-1])]
    starts = np.flatnonzero(run)
    ends = np.r_[starts[1:], x.size]
    run_id = np.cumsum(run) - 1
    if cluster:
        cluster_codes = cluster_codes[order]
        pairs = np.unique(run_id * (int(cluster_codes.max()) + 1) + cluster_codes)
        n_clusters = np.bincount(pairs // (int(cluster_codes.max()) + 1), minlength=starts.size)
    first_rows = np.flatnonzero(keep)[order[starts]]
    table = frame.iloc[first_rows][keys].reset_index(drop=True)
    names = group_names[group_codes[starts]]
    estimates, lows, highs, notes = [], [], [], []
    nan = float("nan")
    for i, (a, b) in enumerate(zip(starts.tolist(), ends.tolist())):
        part = x[a:b]
        group = names[i]
        estimates.append(float(np.mean(part)))
        note = _few_clusters_note(group, int(n_clusters[i]), cluster, min_clusters) if cluster else ""
        if note:
            low = high = nan
        elif cluster:
            boot = _boot_cluster_means(part, cluster_codes[a:b], int(n_boot), _group_rng(seed, group))
            low, high = _percentiles(boot, ci)
        else:
            low, high, note = _row_interval(part, np.mean, int(n_boot), ci, _group_rng(seed, group))
        lows.append(low)
        highs.append(high)
        notes.append(note)
    table["group"] = names
    table["n"] = ends - starts
    if cluster:
        table["n_clusters"] = n_clusters
    table["estimate"], table["ci_low"], table["ci_high"], table["note"] = estimates, lows, highs, notes
    return table[columns]


def _group_parts(frame: pd.DataFrame, value: str, cluster: str | None) -> tuple[list, list[dict]]:
    """The sorted group names and, for each, ``x`` (its values in row order), ``units`` (one
    mean per cluster in the sorted order of the cluster values, or the values) and the cluster
    sums and counts the bootstrap resamples."""
    frame = frame[frame[value].notna()]
    codes, names = pd.factorize(frame["group"].to_numpy(dtype=object), sort=True)
    x_all = frame[value].to_numpy(dtype=float)
    if cluster:
        cluster_all = pd.factorize(frame[cluster].to_numpy(dtype=object), sort=True)[0]
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(names) + 1))
    parts = []
    for g in range(len(names)):
        rows = order[bounds[g] : bounds[g + 1]]
        x = x_all[rows]
        part = {"x": x, "units": x}
        if cluster:
            found, inverse = np.unique(cluster_all[rows], return_inverse=True)
            part["units"] = pd.Series(x).groupby(cluster_all[rows]).mean().to_numpy(dtype=float)
            part["sums"] = np.bincount(inverse, weights=x, minlength=found.size)
            part["counts"] = np.bincount(inverse, minlength=found.size).astype(float)
        parts.append(part)
    return list(names), parts


def _boot_means(part: dict, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``_boot_cluster_means`` (with the group's cluster sums at hand) or ``_boot_stat`` of the mean."""
    if "sums" not in part:
        return _boot_stat(part["x"], np.mean, n_boot, rng)
    return _boot_ratio_means(part["sums"], part["counts"], n_boot, rng)


def _compare_codes(
    frame: pd.DataFrame,
    *,
    value: str,
    cluster: str | None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    test: str = "mannwhitney",
    p_adjust: str = "holm",
    min_clusters: int = MIN_CLUSTERS,
) -> pd.DataFrame:
    """``stats.compare_groups(frame, value=value, by="group", cluster=cluster, ...)`` for a table
    that has its ``group`` column: each group's draws (from ``_group_rng(seed, group)``, made
    once and reused for every pair it is in), effect sizes and test are those of
    ``stats.compare_groups``."""
    _check_ci(ci, n_boot)
    if test not in TESTS:
        raise ValueError(f"unknown test {test!r}; use 'mannwhitney' or 'permutation'")
    names, parts = _group_parts(frame, value, cluster)
    nan = float("nan")
    drawn: dict = {}
    rows = []
    for (a, pa), (b, pb) in itertools.combinations(zip(names, parts), 2):
        x, y, ux, uy = pa["x"], pb["x"], pa["units"], pb["units"]
        notes = []
        if cluster:
            notes = [
                n for n in (_few_clusters_note(g, u.size, cluster, min_clusters) for g, u in ((a, ux), (b, uy))) if n
            ]
        diff = x.mean() - y.mean()
        effects = (cohens_d(ux, uy), cohens_d(ux, uy, hedges=True), cliffs_delta(ux, uy))
        head = (a, b, x.size, y.size, ux.size, uy.size, x.mean(), y.mean(), diff)
        if notes:
            rows.append((*head, nan, nan, *effects, nan, "; ".join(notes)))
            continue
        for group, part in ((a, pa), (b, pb)):
            if group not in drawn:
                drawn[group] = _boot_means(part, int(n_boot), _group_rng(seed, group))
        boot = drawn[a] - drawn[b]
        p = _p_value(ux, uy, test=test, n_boot=int(n_boot), seed=seed)
        low, high = _percentiles(boot, ci)
        rows.append((*head, low, high, *effects, p, ""))
    counted = COMPARE_COLUMNS[:4] + ["n_clusters_a", "n_clusters_b"] + COMPARE_COLUMNS[4:-2] + ["note"]
    table = pd.DataFrame(rows, columns=counted)
    table["p_adjusted"] = adjust_p(table["p_value"].to_numpy(), method=p_adjust)
    columns = COMPARE_COLUMNS[:4] + (["n_clusters_a", "n_clusters_b"] if cluster else []) + COMPARE_COLUMNS[4:]
    return table[columns]
