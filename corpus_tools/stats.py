"""Statistics shared by the analyses: bootstrap confidence intervals (overall, by group,
optionally resampling documents instead of rows), effect sizes for two groups, pairwise
group comparisons and p-value adjustment for multiple comparisons.

Every random step takes a ``seed`` and uses :func:`numpy.random.default_rng`, so a report
run twice gives the same intervals. Keyness statistics live in ``corpus_tools.keywords``.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from scipy import stats as sps

__all__ = [
    "bootstrap_ci",
    "bootstrap_groups",
    "cliffs_delta",
    "cohens_d",
    "compare_groups",
    "p_adjust",
]

#: Bootstrap resamples are drawn in chunks of at most this many values, to bound memory.
_CHUNK_VALUES = 4_000_000
P_ADJUST_METHODS = ("bonferroni", "holm", "fdr_bh", "none")


def _as_values(values, *, name: str = "values") -> np.ndarray:
    x = np.asarray(values, dtype=float).ravel()
    x = x[~np.isnan(x)]
    if x.size == 0:
        raise ValueError(f"{name}: no (non-missing) values to compute a statistic on")
    return x


def _check_ci(ci: float, n_boot: int) -> None:
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1 (e.g. 0.95), not {ci!r}")
    if int(n_boot) < 1:
        raise ValueError(f"n_boot must be a positive number of resamples, not {n_boot!r}")


def _boot_stat(x: np.ndarray, stat: Callable, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``n_boot`` values of ``stat`` on resamples of ``x`` (rows drawn with replacement)."""
    n = x.size
    chunk = max(1, _CHUNK_VALUES // n)
    out = []
    for done in range(0, n_boot, chunk):
        samples = x[rng.integers(0, n, size=(min(chunk, n_boot - done), n))]
        try:
            out.append(np.asarray(stat(samples, axis=1), dtype=float))
        except TypeError:  # a statistic without an axis argument
            out.append(np.apply_along_axis(stat, 1, samples).astype(float))
    return np.concatenate(out)


def _boot_cluster_means(x: np.ndarray, clusters: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap means resampling whole clusters (documents): each resample draws as many
    clusters as there are, with replacement, and pools their rows."""
    codes, inverse = np.unique(clusters, return_inverse=True)
    sums = np.bincount(inverse, weights=x, minlength=codes.size)
    counts = np.bincount(inverse, minlength=codes.size).astype(float)
    k = codes.size
    chunk = max(1, _CHUNK_VALUES // k)
    out = []
    for done in range(0, n_boot, chunk):
        idx = rng.integers(0, k, size=(min(chunk, n_boot - done), k))
        out.append(sums[idx].sum(axis=1) / counts[idx].sum(axis=1))
    return np.concatenate(out)


def _percentiles(boot: np.ndarray, ci: float) -> tuple[float, float]:
    alpha = (1 - ci) / 2
    low, high = np.quantile(boot, [alpha, 1 - alpha])
    return float(low), float(high)


def bootstrap_ci(
    values: Sequence[float] | np.ndarray,
    *,
    stat: Callable = np.mean,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
) -> tuple[float, float, float]:
    """Percentile bootstrap confidence interval of a statistic.

    Args:
        values: numbers; missing values (NaN) are dropped.
        stat: a function of an array; vectorised when it takes ``axis`` (``np.mean``,
            ``np.median``).
        n_boot: number of resamples.
        ci: confidence level.
        seed: seed of :func:`numpy.random.default_rng`; the same seed gives the same interval.

    Returns:
        ``(estimate, low, high)``: the statistic on ``values`` and the interval bounds.

    >>> est, low, high = bootstrap_ci([1.0, 2.0, 3.0, 4.0, 5.0], seed=1)
    >>> est, low <= est <= high
    (3.0, True)
    """
    _check_ci(ci, n_boot)
    x = _as_values(values)
    boot = _boot_stat(x, stat, int(n_boot), np.random.default_rng(seed))
    return (float(stat(x)), *_percentiles(boot, ci))


def _group_rng(seed: int, group) -> np.random.Generator:
    """A generator for one group that depends on the seed and the group's name only, so a
    group's interval does not change when other groups are added or removed."""
    return np.random.default_rng([seed, zlib.crc32(str(group).encode("utf-8"))])


def _require(frame: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c and c not in frame.columns]
    if missing:
        raise KeyError(f"table is missing column(s) {missing}; it has {list(frame.columns)}")


def _groups(frame: pd.DataFrame, by: str | None) -> list[tuple[object, pd.DataFrame]]:
    if not by:
        return [("all", frame)]
    return [(name, part) for name, part in frame.groupby(by, sort=True, dropna=True)]


def bootstrap_groups(
    frame: pd.DataFrame,
    *,
    value: str,
    by: str | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    cluster: str | None = None,
    stat: Callable = np.mean,
) -> pd.DataFrame:
    """Bootstrap confidence intervals of ``stat(value)`` for each group.

    Args:
        frame: a long table, one row per observation (a sentence, a document).
        value: the numeric column.
        by: the grouping column; None or "" treats the whole table as one group ``"all"``.
        n_boot, seed, ci: as in :func:`bootstrap_ci`.
        cluster: a column whose units are resampled whole (e.g. ``doc_id`` when rows are
            sentences): sentences of one article are not independent, and resampling
            articles gives honest, wider intervals. Only ``stat=np.mean`` is supported.
        stat: the statistic.

    Returns:
        ``group, n, n_clusters, estimate, ci_low, ci_high`` (``n_clusters`` only with
        ``cluster``), groups sorted; rows with a missing value are dropped.

    >>> frame = pd.DataFrame({"g": ["a", "a", "a", "b", "b"], "x": [1.0, 2.0, 3.0, 5.0, 5.0]})
    >>> bootstrap_groups(frame, value="x", by="g")[["group", "n", "estimate"]].values.tolist()
    [['a', 3, 2.0], ['b', 2, 5.0]]
    """
    _check_ci(ci, n_boot)
    _require(frame, [value, by or "", cluster or ""])
    if cluster and stat is not np.mean:
        raise ValueError("cluster resampling supports stat=np.mean only")
    frame = frame[frame[value].notna()]
    rows = []
    for group, part in _groups(frame, by):
        x = part[value].to_numpy(dtype=float)
        rng = _group_rng(seed, group)
        if cluster:
            boot = _boot_cluster_means(x, part[cluster].to_numpy(), int(n_boot), rng)
        else:
            boot = _boot_stat(x, stat, int(n_boot), rng)
        row = {"group": group, "n": x.size, "estimate": float(stat(x))}
        if cluster:
            row["n_clusters"] = part[cluster].nunique()
        rows.append({**row, **dict(zip(("ci_low", "ci_high"), _percentiles(boot, ci)))})
    columns = ["group", "n"] + (["n_clusters"] if cluster else []) + ["estimate", "ci_low", "ci_high"]
    return pd.DataFrame(rows, columns=columns)


def cohens_d(a, b, *, hedges: bool = False) -> float:
    """Cohen's d of ``mean(a) - mean(b)`` with the pooled standard deviation.

    Args:
        a, b: the two samples (NaN dropped).
        hedges: apply Hedges' small-sample correction ``J = 1 - 3 / (4 (n_a + n_b) - 9)``,
            giving Hedges' g.

    Returns:
        The effect size; NaN when a sample has fewer than 2 values or both have no spread.

    >>> round(cohens_d([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]), 4)
    -1.2649
    """
    x, y = _as_values(a, name="a"), _as_values(b, name="b")
    n1, n2 = x.size, y.size
    if n1 < 2 or n2 < 2:
        return float("nan")
    pooled = np.sqrt(((n1 - 1) * x.var(ddof=1) + (n2 - 1) * y.var(ddof=1)) / (n1 + n2 - 2))
    if pooled == 0:
        return float("nan")
    d = (x.mean() - y.mean()) / pooled
    return float(d * (1 - 3 / (4 * (n1 + n2) - 9)) if hedges else d)


def cliffs_delta(a, b) -> float:
    """Cliff's delta: P(a > b) - P(a < b) over all pairs, from -1 to 1 (ties count 0).

    Computed by sorting, so large samples are cheap.

    >>> round(cliffs_delta([1, 2, 3], [2, 2, 4]), 4)  # 2 pairs a > b, 5 pairs a < b, of 9
    -0.3333
    """
    x, y = _as_values(a, name="a"), np.sort(_as_values(b, name="b"))
    below = np.searchsorted(y, x, side="left")  # b values smaller than each a
    above = y.size - np.searchsorted(y, x, side="right")  # b values larger than each a
    return float((below.sum() - above.sum()) / (x.size * y.size))


def p_adjust(pvalues, method: str = "holm") -> np.ndarray:
    """Adjust p-values for multiple comparisons.

    Args:
        pvalues: p-values; NaN stays NaN and is not counted.
        method: ``"bonferroni"``, ``"holm"`` (step-down, controls the family-wise error),
            ``"fdr_bh"`` (Benjamini-Hochberg false discovery rate) or ``"none"``.

    >>> p_adjust([0.01, 0.04, 0.03, 0.005], method="bonferroni").tolist()
    [0.04, 0.16, 0.12, 0.02]
    """
    if method not in P_ADJUST_METHODS:
        raise ValueError(f"unknown p-value adjustment {method!r}; use one of {', '.join(P_ADJUST_METHODS)}")
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    q, m = p[ok], int(ok.sum())
    if m == 0 or method == "none":
        out[ok] = q
        return out
    order = np.argsort(q, kind="mergesort")
    ranked = q[order]
    if method == "bonferroni":
        adjusted = ranked * m
    elif method == "holm":
        adjusted = np.maximum.accumulate(ranked * (m - np.arange(m)))
    else:
        adjusted = np.minimum.accumulate((ranked * m / np.arange(1, m + 1))[::-1])[::-1]
    result = np.empty(m)
    result[order] = np.minimum(adjusted, 1.0)
    out[ok] = result
    return out


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


def compare_groups(
    frame: pd.DataFrame,
    *,
    value: str,
    by: str,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    cluster: str | None = None,
    test: str = "mannwhitney",
    adjust: str = "holm",
) -> pd.DataFrame:
    """Compare the mean of ``value`` between every pair of groups.

    Args:
        frame: a long table with the ``value`` and ``by`` columns.
        value: the numeric column; rows where it is missing are dropped.
        by: the grouping column (groups sorted; pairs in that order).
        n_boot, seed, ci: bootstrap settings for the interval of the difference (each group
            resampled on its own).
        cluster: resample whole clusters (``doc_id``) for the interval, and compute the
            p-value on cluster means; see :func:`bootstrap_groups`.
        test: ``"mannwhitney"`` (two-sided Mann-Whitney U) or ``"permutation"`` (two-sided
            permutation test of the difference of means with ``n_boot`` permutations).
        adjust: p-value adjustment across the pairs (see :func:`p_adjust`).

    Returns:
        ``group_a, group_b, n_a, n_b, mean_a, mean_b, diff, diff_ci_low, diff_ci_high,
        cohens_d, hedges_g, cliffs_delta, p_value, p_adjusted``; ``diff = mean_a - mean_b``,
        effect sizes have the same sign.

    >>> frame = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 4, "x": [1, 2, 3, 4, 3, 4, 5, 6]})
    >>> compare_groups(frame, value="x", by="g")[["group_a", "group_b", "diff"]].values.tolist()
    [['a', 'b', -2.0]]
    """
    _check_ci(ci, n_boot)
    _require(frame, [value, by, cluster or ""])
    if test not in ("mannwhitney", "permutation"):
        raise ValueError(f"unknown test {test!r}; use 'mannwhitney' or 'permutation'")
    frame = frame[frame[value].notna()]
    parts = dict(_groups(frame, by))
    rows = []
    for a, b in itertools.combinations(parts, 2):
        pa, pb = parts[a], parts[b]
        rng = np.random.default_rng([seed, zlib.crc32(f"{a}\x00{b}".encode())])
        boot = _boot_mean(pa, value, cluster, int(n_boot), rng) - _boot_mean(pb, value, cluster, int(n_boot), rng)
        x, y = pa[value].to_numpy(dtype=float), pb[value].to_numpy(dtype=float)
        p = _p_value(
            _test_values(pa, value, cluster), _test_values(pb, value, cluster), test=test, n_boot=int(n_boot), seed=seed
        )
        low, high = _percentiles(boot, ci)
        rows.append(
            (
                a,
                b,
                x.size,
                y.size,
                x.mean(),
                y.mean(),
                x.mean() - y.mean(),
                low,
                high,
                cohens_d(x, y),
                cohens_d(x, y, hedges=True),
                cliffs_delta(x, y),
                p,
            )
        )
    columns = [
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
    ]
    table = pd.DataFrame(rows, columns=columns)
    table["p_adjusted"] = p_adjust(table["p_value"].to_numpy(), method=adjust)
    return table
