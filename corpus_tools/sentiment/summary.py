"""Group summaries of long sentence tables in one pass: the table of
:func:`corpus_tools.stats.summarize_by`, computed on integer codes.

``stats.summarize_by`` splits the table with pandas once per category and once per group, which
costs a fraction of a second for each of the hundreds of thousands of actor x document groups
of a large corpus. Here the rows are sorted once by (category, group) codes, each group is a
slice of numpy arrays, and only groups with an interval draw a bootstrap, with the generator
and the resampling of :mod:`corpus_tools.stats.bootstrap` (the same draws for the same seed):
the table is the one ``stats.summarize_by`` gives, number for number.

>>> s = pd.DataFrame({"lexicon": "vader", "group": list("aaab"), "doc_id": list("xyzx"),
...                   "compound": [0.2, 0.4, -0.5, 1.0]})
>>> _summarize_codes(s, value="compound", per=["lexicon"], cluster="doc_id", n_boot=100)[["group", "n", "n_clusters"]]
  group  n  n_clusters
0     a  3           3
1     b  1           1
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from corpus_tools.stats.bootstrap import (
    MIN_CLUSTERS,
    _boot_cluster_means,
    _check_ci,
    _few_clusters_note,
    _group_rng,
    _percentile_interval,
    _percentiles,
)

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
    ``_boot_cluster_means`` (``cluster``) or ``_percentile_interval`` (rows) from
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
            low, high = _percentile_interval(part, np.mean, int(n_boot), ci, _group_rng(seed, group))
        lows.append(low)
        highs.append(high)
        notes.append(note)
    table["group"] = names
    table["n"] = ends - starts
    if cluster:
        table["n_clusters"] = n_clusters
    table["estimate"], table["ci_low"], table["ci_high"], table["note"] = estimates, lows, highs, notes
    return table[columns]
