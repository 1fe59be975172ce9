"""Percentile bootstrap confidence intervals: of one sample (:func:`bootstrap_ci`), per group
(:func:`summarize_groups`, optionally resampling whole documents), and per group within each
category of a long table (:func:`summarize_by`: per lexicon, per frame, per actor).

Every random step takes a ``seed`` and uses :func:`numpy.random.default_rng`, so a report run
twice gives the same intervals; a group's interval depends on the seed and the group's name
only. Groups follow the one grouping policy (:func:`corpus_tools.groups.attach_groups`): a row
with no value in the ``by`` column is counted in the group ``"(missing)"``, never dropped.

>>> est, low, high = bootstrap_ci([1.0, 2.0, 3.0, 4.0, 5.0], seed=1)
>>> est, low <= est <= high
(3.0, True)
"""

from __future__ import annotations

import inspect
import zlib
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from scipy import stats as sps

from corpus_tools.checks import require_columns
from corpus_tools.groups import attach_groups

__all__ = ["MIN_CLUSTERS", "POOLED_GROUP", "bootstrap_ci", "summarize_by", "summarize_groups"]

# Established statistic name (the percentile bootstrap confidence interval), kept as is.
_GRAMMAR_EXCEPTIONS = {"bootstrap_ci"}

#: Bootstrap resamples are drawn in chunks of at most this many values, to bound memory.
_CHUNK_VALUES = 4_000_000
#: A group of more rows than this (resampled as rows, not clusters) gets Student's t interval of
#: its mean (:func:`_row_interval`), and its ``note`` says so.
T_INTERVAL_MIN_VALUES = 10_000
#: The one group of ``by=None``: every row pooled.
POOLED_GROUP = "all"
#: A group resampled by clusters (articles) needs at least this many for an interval or a test.
MIN_CLUSTERS = 3
_HINT = "Name columns this table has (value=, by=, cluster=)."


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


def _chunk(n: int) -> int:
    """Resamples drawn at once for a sample of ``n`` values."""
    return max(1, _CHUNK_VALUES // n)


def _boot_stat(x: np.ndarray, stat: Callable, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``n_boot`` values of ``stat`` on resamples of ``x`` (rows drawn with replacement).

    The bootstrap distribution itself, which :func:`corpus_tools.stats.compare_groups` needs for
    the difference of two groups (scipy returns intervals of one statistic of its samples)."""
    n = x.size
    chunk = _chunk(n)
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
    clusters as there are, with replacement, and pools their rows.

    Hand-written: ``scipy.stats.bootstrap`` resamples the observations of each sample, while
    this resamples documents and pools their rows (a ratio of summed values to summed counts);
    :func:`corpus_tools.stats.compare_groups` also needs the distribution, not an interval."""
    codes, inverse = np.unique(clusters, return_inverse=True)
    sums = np.bincount(inverse, weights=x, minlength=codes.size)
    counts = np.bincount(inverse, minlength=codes.size).astype(float)
    return _boot_ratio_means(sums, counts, n_boot, rng)


def _boot_ratio_means(sums: np.ndarray, counts: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap means of clusters given by their summed values and row counts: the draws of
    :func:`_boot_cluster_means`, for a caller that has the sums at hand."""
    k = sums.size
    chunk = _chunk(k)
    out = []
    for done in range(0, n_boot, chunk):
        idx = rng.integers(0, k, size=(min(chunk, n_boot - done), k))
        out.append(sums[idx].sum(axis=1) / counts[idx].sum(axis=1))
    return np.concatenate(out)


def _percentiles(boot: np.ndarray, ci: float) -> tuple[float, float]:
    alpha = (1 - ci) / 2
    low, high = np.quantile(boot, [alpha, 1 - alpha])
    return float(low), float(high)


def _takes_axis(stat: Callable) -> bool:
    try:
        return "axis" in inspect.signature(stat).parameters
    except (TypeError, ValueError):  # no signature (some builtins): call it on one resample at a time
        return False


def _percentile_interval(
    x: np.ndarray, stat: Callable, n_boot: int, ci: float, rng: np.random.Generator
) -> tuple[float, float]:
    """Percentile interval of ``stat`` over ``n_boot`` resamples of ``x``, by
    ``scipy.stats.bootstrap``. With ``batch`` equal to the chunk :func:`_boot_stat` draws,
    scipy draws the same resamples from ``rng`` (``rng.integers(0, n, (batch, n))`` per batch),
    so a seed gives the interval it gave before."""
    if x.size < 2:  # scipy needs two observations; every resample of one value is that value
        value = float(stat(x))
        return value, value
    result = sps.bootstrap(
        (x,),
        stat,
        n_resamples=n_boot,
        batch=_chunk(x.size),
        vectorized=_takes_axis(stat),
        confidence_level=ci,
        method="percentile",
        random_state=rng,
    )
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def _row_interval(
    x: np.ndarray, stat: Callable, n_boot: int, ci: float, rng: np.random.Generator
) -> tuple[float, float, str]:
    """The interval of ``stat`` over the rows of ``x``, and the ``note`` of a summary row.

    The percentile bootstrap (:func:`_percentile_interval`); for the mean of more than
    :data:`T_INTERVAL_MIN_VALUES` values, Student's t interval (``scipy.stats.t.interval`` with
    the standard error of the mean). Over that many values the bootstrap distribution of a mean
    is normal, and its percentile interval is the t interval up to its own Monte Carlo error
    (about 2% of the standard error at 2,000 resamples), while it costs ``n_boot`` x n draws:
    minutes for the sentences of a large corpus. The note names the interval."""
    if stat is not np.mean or x.size <= T_INTERVAL_MIN_VALUES:
        return (*_percentile_interval(x, stat, n_boot, ci, rng), "")
    mean, sem = float(np.mean(x)), float(sps.sem(x))
    low, high = sps.t.interval(ci, x.size - 1, loc=mean, scale=sem) if sem > 0 else (mean, mean)
    return float(low), float(high), f"t interval of the mean ({x.size:,} rows, more than {T_INTERVAL_MIN_VALUES:,})"


def bootstrap_ci(
    values: Sequence[float] | np.ndarray,
    *,
    stat: Callable = np.mean,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
) -> tuple[float, float, float]:
    """Percentile bootstrap confidence interval of a statistic (``scipy.stats.bootstrap``).

    Args:
        values: numbers; missing values (NaN) are dropped.
        stat: a function of an array; vectorised when it takes ``axis`` (``np.mean``,
            ``np.median``).
        n_boot: number of resamples.
        ci: confidence level.
        seed: seed of :func:`numpy.random.default_rng`; the same seed gives the same interval.

    Returns:
        ``(estimate, low, high)``: the statistic on ``values`` and the interval bounds.

    >>> est, low, high = bootstrap_ci([2.0, 4.0, 6.0], n_boot=500, seed=0)
    >>> est, 2.0 <= low <= est <= high <= 6.0
    (4.0, True)
    """
    _check_ci(ci, n_boot)
    x = _as_values(values)
    return (float(stat(x)), *_percentile_interval(x, stat, int(n_boot), ci, np.random.default_rng(seed)))


def _group_rng(seed: int, group) -> np.random.Generator:
    """A generator for one group that depends on the seed and the group's name only, so a
    group's interval does not change when other groups are added or removed."""
    return np.random.default_rng([seed, zlib.crc32(str(group).encode("utf-8"))])


def _grouped(
    frame: pd.DataFrame, by: str | None, documents: pd.DataFrame | None, columns: Sequence[str | None]
) -> pd.DataFrame:
    """``frame`` with a ``group`` column by :func:`~corpus_tools.groups.attach_groups`, or the
    one group :data:`POOLED_GROUP` when ``by`` is None (or "")."""
    needed = [c for c in columns if c] + ([by] if by and documents is None else [])
    require_columns(frame, needed, table="table", hint=_HINT)
    if not by:
        return frame.assign(group=POOLED_GROUP)
    return attach_groups(frame, by, documents=documents)


def _few_clusters_note(group, k: int, cluster: str, min_clusters: int) -> str:
    """The ``note`` of a group with too few clusters for an interval or a test ("" when enough),
    e.g. "'bbc' has 1 article (fewer than 3): estimate only, no interval or test"."""
    if k >= min_clusters:
        return ""
    unit = ("article" if k == 1 else "articles") if cluster == "doc_id" else f"{cluster} value(s)"
    return f"{str(group)!r} has {k} {unit} (fewer than {min_clusters}): estimate only, no interval or test"


def _summarize(
    frame: pd.DataFrame,
    value: str,
    *,
    n_boot: int,
    seed: int,
    ci: float,
    cluster: str | None,
    stat: Callable,
    min_clusters: int = MIN_CLUSTERS,
) -> pd.DataFrame:
    """:func:`summarize_groups` of a table that has its ``group`` column."""
    frame = frame[frame[value].notna()]
    rows = []
    for group, part in frame.groupby("group", sort=True):
        x = part[value].to_numpy(dtype=float)
        rng = _group_rng(seed, group)
        note = _few_clusters_note(group, part[cluster].nunique(), cluster, min_clusters) if cluster else ""
        if note:
            low = high = float("nan")
        elif cluster:
            low, high = _percentiles(_boot_cluster_means(x, part[cluster].to_numpy(), n_boot, rng), ci)
        else:
            low, high, note = _row_interval(x, stat, n_boot, ci, rng)
        row = {"group": group, "n": x.size, "estimate": float(stat(x))}
        if cluster:
            row["n_clusters"] = part[cluster].nunique()
        rows.append({**row, "ci_low": low, "ci_high": high, "note": note})
    return pd.DataFrame(rows, columns=_summary_columns(cluster))


def _summary_columns(cluster: str | None) -> list[str]:
    return ["group", "n"] + (["n_clusters"] if cluster else []) + ["estimate", "ci_low", "ci_high", "note"]


def _check_summary(ci: float, n_boot: int, cluster: str | None, stat: Callable) -> None:
    _check_ci(ci, n_boot)
    if cluster and stat is not np.mean:
        raise ValueError("cluster resampling supports stat=np.mean only")


def summarize_groups(
    frame: pd.DataFrame,
    *,
    value: str,
    by: str | None = "doc_id",
    documents: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    cluster: str | None = None,
    stat: Callable = np.mean,
    min_clusters: int = MIN_CLUSTERS,
) -> pd.DataFrame:
    """Bootstrap confidence intervals of ``stat(value)`` for each group.

    Args:
        frame: a long table, one row per observation (a sentence, a document).
        value: the numeric column; rows where it is missing are dropped.
        by: the grouping column, in ``frame`` or in ``documents`` (``"doc_id"``: each document
            its own group); a missing or blank value is the group ``"(missing)"``, with a
            :class:`~corpus_tools.groups.GroupWarning`. None pools every row in one group ``"all"``.
        documents: the corpus (or metadata) to take ``by`` from, joined on ``doc_id``.
        n_boot, seed, ci: as in :func:`bootstrap_ci`.
        cluster: a column whose units are resampled whole (e.g. ``doc_id`` when rows are
            sentences): sentences of one article are not independent, and resampling
            articles gives honest, wider intervals (a cluster bootstrap of the ratio
            estimator: summed values over summed rows of the drawn clusters; Davison & Hinkley
            1997, section 3.8). Only ``stat=np.mean`` is supported.
        stat: the statistic.
        min_clusters: with ``cluster``, a group with fewer clusters keeps its estimate but gets
            no interval (NaN), and its ``note`` says why.

    Returns:
        ``group, n, n_clusters, estimate, ci_low, ci_high, note`` (``n_clusters`` only with
        ``cluster``; ``note`` is "" unless the group has too few clusters, or more than
        :data:`T_INTERVAL_MIN_VALUES` rows resampled as rows, whose mean gets Student's t interval),
        groups (strings) sorted.

    >>> frame = pd.DataFrame({"g": ["a", "a", "a", "b", "b"], "x": [1.0, 2.0, 3.0, 5.0, 5.0]})
    >>> summarize_groups(frame, value="x", by="g")[["group", "n", "estimate"]].values.tolist()
    [['a', 3, 2.0], ['b', 2, 5.0]]
    """
    _check_summary(ci, n_boot, cluster, stat)
    grouped = _grouped(frame, by, documents, [value, cluster])
    return _summarize(
        grouped, value, n_boot=int(n_boot), seed=seed, ci=ci, cluster=cluster, stat=stat, min_clusters=min_clusters
    )


def summarize_by(
    frame: pd.DataFrame,
    *,
    value: str,
    per: str | Sequence[str],
    by: str | None = "doc_id",
    documents: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    cluster: str | None = None,
    stat: Callable = np.mean,
    min_clusters: int = MIN_CLUSTERS,
) -> pd.DataFrame:
    """:func:`summarize_groups` within each category of ``per`` (a lexicon, a frame, an actor).

    The same as ``summarize_groups(part, ...)`` for each ``part`` of ``frame.groupby(per)``,
    with the ``per`` columns in front; groups are attached once, so one
    :class:`~corpus_tools.groups.GroupWarning` names the documents in ``"(missing)"``.

    Args:
        frame: a long table with the ``value``, ``per`` and (unless in ``documents``) ``by`` columns.
        value, by, documents, n_boot, seed, ci, cluster, stat, min_clusters: as in :func:`summarize_groups`.
        per: the category column(s); a missing category is kept as its own category.

    Returns:
        The ``per`` columns, then ``group, n, n_clusters, estimate, ci_low, ci_high, note``
        (``n_clusters`` only with ``cluster``): categories in order of first appearance, groups
        sorted within each.

    >>> s = pd.DataFrame({"lexicon": ["vader"] * 3 + ["afinn"] * 3, "doc_id": list("aabaab"),
    ...                   "compound": [0.2, 0.4, -0.5, 1.0, 3.0, -2.0]})
    >>> summary = summarize_by(s, value="compound", per="lexicon", n_boot=200)
    >>> summary[["lexicon", "group", "n", "estimate"]].values.tolist()
    [['vader', 'a', 2, 0.30000000000000004], ['vader', 'b', 1, -0.5], ['afinn', 'a', 2, 2.0], ['afinn', 'b', 1, -2.0]]
    """
    keys = [per] if isinstance(per, str) else list(per)
    _check_summary(ci, n_boot, cluster, stat)
    grouped = _grouped(frame, by, documents, [value, cluster, *keys])
    parts = [
        _summarize(
            part, value, n_boot=int(n_boot), seed=seed, ci=ci, cluster=cluster, stat=stat, min_clusters=min_clusters
        ).assign(**dict(zip(keys, category)))
        for category, part in grouped.groupby(keys, sort=False, dropna=False)
    ]
    columns = keys + _summary_columns(cluster)
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]
