"""Keyness: which terms characterise a target group of documents against a reference.

:func:`score_keyness` compares a target group of documents with a reference (the rest of the
corpus, another group, or an external frequency list) and reports, for every term, significance
(log-likelihood ``g2``, Pearson ``chi2``), effect size (``log_ratio``, ``pct_diff``) and the
Fightin' Words z-score of
Monroe, Colaresi & Quinn (2008), all computed with numpy over whole vectors of terms.

Statistics, for a term with count ``a`` in the target (``Nt`` counted terms in all) and ``b``
in the reference (``Nr``), in the 2 x 2 table ``[[a, b], [Nt - a, Nr - b]]``:

- ``g2``: log-likelihood over the four cells, ``2 * sum(O * ln(O / E))``, as AntConc and
  ``scipy.stats.chi2_contingency(..., lambda_="log-likelihood", correction=False)``. No
  continuity correction is applied to it (quanteda applies Yates to its ``lr`` by default;
  this module never does).
- ``chi2``: Pearson's chi-squared over the four cells; with ``yates=True`` Yates' continuity
  correction as scipy applies it (``|O - E|`` reduced by 0.5, never below 0).
- ``log_ratio``: ``log2((a / Nt) / (b / Nr))`` with a zero count replaced by 0.5 (Hardie 2014).
- ``pct_diff``: ``100 * (a / Nt - b / Nr) / (b / Nr)`` (Gabrielatos & Marchi 2012); ``inf``
  when the reference count is 0.
- ``p_value`` from ``g2`` (chi-squared, 1 degree of freedom), ``p_adjusted`` over all terms
  of the table (``p_adjust=``: Bonferroni, Holm or Benjamini-Hochberg, :func:`corpus_tools.stats.adjust_p`).
- ``log_odds_z``: log-odds ratio with an informative Dirichlet prior, divided by its
  standard error (Monroe et al. 2008, eq. 16-22); the prior for a term is ``prior_scale``
  times its count in the whole corpus.

Every statistic is signed: negative when the term is relatively more frequent in the
reference, as quanteda's ``textstat_keyness`` does. :func:`compare_keyness` runs every group in
turn against the rest (or a reference) and stacks the tables; :func:`select_key_terms` picks
each group's strongest terms.

>>> score_keyness_statistics([7], [2], 10, 9)["g2"].round(2).tolist()
[4.53]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from scipy import sparse
from scipy import stats as sps

from corpus_tools import stats
from corpus_tools.checks import require_columns
from corpus_tools.keywords.counts import _COLUMN_HINT, TermCounts, _as_labels, count_terms

__all__ = [
    "KeywordsWarning",
    "KEYNESS_COLUMNS",
    "score_keyness_statistics",
    "score_log_odds",
    "score_keyness",
    "compare_keyness",
    "select_key_terms",
    "read_frequency_list",
    "resolve_reference",
]


class KeywordsWarning(UserWarning):
    """Something about the input that the keyword functions handled, but the user should know."""


#: Columns of the :func:`score_keyness` table, in order.
KEYNESS_COLUMNS = [
    "term",
    "n_target",
    "n_reference",
    "total_target",
    "total_reference",
    "g2",
    "chi2",
    "log_ratio",
    "pct_diff",
    "p_value",
    "p_adjusted",
    "log_odds_z",
    "range_target",
    "range_reference",
]


def _xlogx_ratio(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """``O * ln(O / E)``, 0 where O is 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def score_keyness_statistics(
    n_target, n_reference, total_target, total_reference, *, yates: bool = False
) -> pd.DataFrame:
    """Keyness statistics for vectors of counts (see the module docstring for the formulas).

    Args:
        n_target, n_reference: counts of each term in the target and the reference.
        total_target, total_reference: counted terms in each (numbers or vectors).
        yates: apply Yates' continuity correction to ``chi2`` (never to ``g2``).

    Returns:
        ``g2, chi2, log_ratio, pct_diff, p_value``, one row per term, signed (negative
        when the term is relatively more frequent in the reference).

    >>> score_keyness_statistics([7], [2], 10, 9).round(4).values.tolist()
    [[4.5349, 4.3372, 1.6554, 215.0, 0.0332]]
    """
    a = np.asarray(n_target, dtype=float)
    b = np.asarray(n_reference, dtype=float)
    nt = np.broadcast_to(np.asarray(total_target, dtype=float), a.shape)
    nr = np.broadcast_to(np.asarray(total_reference, dtype=float), a.shape)
    if np.any(a > nt) or np.any(b > nr) or np.any(a < 0) or np.any(b < 0):
        raise ValueError(
            "counts must be between 0 and their totals (a term cannot be counted more often than all terms)"
        )
    n = nt + nr
    observed = np.stack([a, b, nt - a, nr - b])
    row = np.stack([a + b, a + b, n - a - b, n - a - b])
    col = np.stack([nt, nr, nt, nr])
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = row * col / n
        g2 = 2 * _xlogx_ratio(observed, expected).sum(axis=0)
        deviation = np.abs(observed - expected)
        if yates:
            deviation = np.maximum(deviation - 0.5, 0.0)
        chi2 = np.where(expected > 0, deviation**2 / expected, 0.0).sum(axis=0)
        rel_t, rel_r = a / nt, b / nr
        log_ratio = np.log2((np.where(a > 0, a, 0.5) / nt) / (np.where(b > 0, b, 0.5) / nr))
        pct_diff = np.where(b > 0, 100 * (rel_t - rel_r) / rel_r, np.where(a > 0, np.inf, 0.0))
    sign = np.where(rel_t >= rel_r, 1.0, -1.0)
    g2 = np.maximum(g2, 0.0)  # rounding can leave -1e-15
    return pd.DataFrame(
        {
            "g2": sign * g2,
            "chi2": sign * chi2,
            "log_ratio": log_ratio,
            "pct_diff": pct_diff,
            "p_value": sps.chi2.sf(g2, df=1),
        }
    )


def score_log_odds(n_target, n_reference, prior, *, total_target=None, total_reference=None) -> np.ndarray:
    """Fightin' Words z-scores: log-odds ratio with an informative Dirichlet prior divided by
    its standard error (Monroe, Colaresi & Quinn 2008, eq. 16-22).

    With ``alpha_w = prior[w]``, ``alpha_0 = sum(alpha)``, ``n_i = sum(counts_i)``:
    ``delta_w = ln((y_tw + a_w) / (n_t + a_0 - y_tw - a_w)) - ln((y_rw + a_w) / (n_r + a_0 - y_rw - a_w))``,
    ``var_w = 1 / (y_tw + a_w) + 1 / (y_rw + a_w)``, ``z_w = delta_w / sqrt(var_w)``.
    The vectors cover the whole vocabulary; their sums are the totals unless
    ``total_target``/``total_reference`` are given.

    >>> score_log_odds([10, 0], [0, 10], [1, 1]).round(4).tolist()
    [4.5916, -4.5916]
    """
    y_t = np.asarray(n_target, dtype=float)
    y_r = np.asarray(n_reference, dtype=float)
    alpha = np.asarray(prior, dtype=float)
    if np.any(alpha <= 0):
        raise ValueError("the Dirichlet prior must be positive for every term (give each term a prior count above 0)")
    a0 = alpha.sum()
    n_t = y_t.sum() if total_target is None else float(total_target)
    n_r = y_r.sum() if total_reference is None else float(total_reference)
    delta = np.log((y_t + alpha) / (n_t + a0 - y_t - alpha)) - np.log((y_r + alpha) / (n_r + a0 - y_r - alpha))
    return delta / np.sqrt(1 / (y_t + alpha) + 1 / (y_r + alpha))


def _external_counts(reference) -> pd.Series | None:
    """An external frequency list as a Series term -> count, or None if ``reference`` names groups."""
    if isinstance(reference, pd.DataFrame):
        require_columns(reference, ["term", "n"], table="reference frequency list", hint=_COLUMN_HINT)
        table = reference
    elif isinstance(reference, pd.Series):
        table = reference.rename_axis("term").reset_index(name="n")
    elif isinstance(reference, Mapping):
        table = pd.DataFrame({"term": list(reference.keys()), "n": list(reference.values())})
    else:
        return None
    n = pd.to_numeric(table["n"], errors="coerce")
    if n.isna().any() or (n < 0).any():
        bad = table.loc[n.isna() | (n < 0), "term"].astype(str).head(5).tolist()
        raise ValueError(f"reference frequency list: counts must be numbers >= 0 (check terms {bad})")
    return n.groupby(table["term"].astype(str)).sum()


def _select_groups(counts: TermCounts, labels: list[str], role: str) -> np.ndarray:
    groups = counts.groups.astype(str)
    unknown = sorted(set(labels) - set(groups))
    if unknown:
        available = [str(g) for g in sorted(set(groups))]
        raise ValueError(
            f"{role} group(s) {unknown} not found in column {counts.by!r}; groups are {available[:20]}; "
            "check the spelling"
        )
    return np.isin(groups, labels)


def _column_sums(matrix: sparse.csr_matrix, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Counts and document range of every term over the rows in ``mask``."""
    rows = matrix[np.flatnonzero(mask)]
    return np.asarray(rows.sum(axis=0)).ravel().astype(float), np.asarray((rows > 0).sum(axis=0)).ravel().astype(float)


def _keyness_vectors(counts: TermCounts, target, reference) -> dict:
    """Target, reference and whole-corpus counts over one vocabulary."""
    t_mask = _select_groups(counts, _as_labels(target), "target")
    a, range_t = _column_sums(counts.matrix, t_mask)
    corpus = counts.term_totals
    external = _external_counts(reference)
    if external is None:
        r_mask = ~t_mask if reference is None else _select_groups(counts, _as_labels(reference), "reference")
        if np.any(t_mask & r_mask):
            raise ValueError("target and reference share groups; list each group on one side only")
        if not r_mask.any():
            raise ValueError(
                "the reference is empty: the target covers every document; pass a reference frequency list"
            )
        if reference is None:  # the rest of the corpus: whole corpus minus target
            b, range_r = corpus - a, counts.term_ranges - range_t
        else:
            b, range_r = _column_sums(counts.matrix, r_mask)
        return {
            "terms": counts.terms,
            "a": a,
            "b": b,
            "prior": corpus,
            "range_t": range_t,
            "range_r": range_r,
            "ranks": counts.term_ranks,
        }
    terms = np.array(sorted(set(counts.terms) | set(external.index)), dtype=object)
    pos = np.searchsorted(terms, counts.terms)

    def widen(values: np.ndarray) -> np.ndarray:
        out = np.zeros(len(terms))
        out[pos] = values
        return out

    b = external.reindex(terms, fill_value=0).to_numpy(dtype=float)
    return {
        "terms": terms,
        "a": widen(a),
        "b": b,
        "prior": widen(corpus) + b,
        "range_t": widen(range_t),
        "range_r": np.full(len(terms), np.nan),
        "ranks": np.arange(len(terms)),
    }


def _as_counts(data: pd.DataFrame | TermCounts, by: str, count_options: Mapping | None) -> TermCounts:
    """Count a corpus, or check that given counts are grouped by ``by``."""
    if not isinstance(data, TermCounts):
        return count_terms(data, by=by, **dict(count_options or {}))
    if by not in ("doc_id", data.by) or count_options:
        raise ValueError(
            f"these counts are grouped by {data.by!r} and already counted; pass by={data.by!r} and no "
            "count_options, or pass the corpus table instead"
        )
    return data


def _resolve_p_adjust(p_adjust: str, correction: str | None, caller: str) -> str:
    """``p_adjust``, or the deprecated ``correction`` keyword when it is given."""
    if correction is None:
        return p_adjust
    warnings.warn(
        f"{caller}(correction=...) is renamed p_adjust=...; the old keyword goes in the next release",
        DeprecationWarning,
        stacklevel=3,
    )
    return correction


def score_keyness(
    data: pd.DataFrame | TermCounts,
    *,
    by: str = "doc_id",
    target,
    reference=None,
    p_adjust: str = "bonferroni",
    prior_scale: float = 1.0,
    yates: bool = False,
    min_count: int = 1,
    reference_total: float | None = None,
    count_options: Mapping | None = None,
    correction: str | None = None,
) -> pd.DataFrame:
    """Keyness of every term in a target group against a reference: one row per term with
    its keyness scores (compare every group in turn with :func:`compare_keyness`).

    Args:
        data: a corpus table (counted with :func:`count_terms` and ``count_options``) or a
            :class:`TermCounts`.
        by: the grouping column when ``data`` is a corpus (``TermCounts`` keep the grouping
            they were counted with; another ``by`` is an error).
        target: a group label, or a list of labels pooled together.
        reference: None (every other document), a group label or list of labels, or an
            external frequency list (a ``term, n`` table, a Series or a dict term -> count).
        p_adjust: multiple-comparison adjustment of ``p_value`` over the terms of the
            table (:func:`corpus_tools.stats.adjust_p`): ``"bonferroni"``, ``"fdr_bh"``,
            ``"holm"`` or ``"none"``.
        prior_scale: Fightin' Words prior = ``prior_scale`` x the term's count in the whole
            corpus (target + every group, or target + external list).
        yates: Yates' continuity correction on ``chi2`` (``g2`` is never corrected).
        min_count: keep terms with at least this many occurrences in target + reference.
        reference_total: total counted terms of an external list, when the list is
            truncated (default: the sum of its counts).
        count_options: options of :func:`count_terms` when ``data`` is a corpus.
        correction: the old name of ``p_adjust`` (deprecated).

    Returns:
        ``term, n_target, n_reference, total_target, total_reference, g2, chi2, log_ratio,
        pct_diff, p_value, p_adjusted, log_odds_z, range_target, range_reference``, sorted
        by ``g2`` (descending, so key terms of the reference come last with negative values).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "side": ["x", "y"],
    ...                      "text": ["troops troops troops talks", "talks talks talks troops"]})
    >>> score_keyness(docs, by="side", target="x")[["term", "n_target", "n_reference"]].values.tolist()
    [['troops', 3, 1], ['talks', 1, 3]]
    """
    p_adjust = _resolve_p_adjust(p_adjust, correction, "score_keyness")
    counts = _as_counts(data, by, count_options)
    return _keyness_table(
        counts,
        target,
        reference,
        p_adjust=p_adjust,
        prior_scale=prior_scale,
        yates=yates,
        min_count=min_count,
        reference_total=reference_total,
    )


def _keyness_table(
    counts: TermCounts,
    target,
    reference,
    *,
    p_adjust: str = "bonferroni",
    prior_scale: float = 1.0,
    yates: bool = False,
    min_count: int = 1,
    reference_total: float | None = None,
    top_n: int | None = None,
) -> pd.DataFrame:
    """:func:`score_keyness` on counts; with ``top_n``, only the first and last ``top_n`` rows are
    built (the statistics and ``p_adjusted`` are computed over every term all the same)."""
    if prior_scale <= 0:
        raise ValueError(f"prior_scale must be above 0, not {prior_scale!r}")
    v = _keyness_vectors(counts, target, reference)
    nt, nr = v["a"].sum(), float(reference_total) if reference_total is not None else v["b"].sum()
    if nt == 0:
        raise ValueError(f"target {target!r} has no counted terms; check the stop-word and length options")
    z = score_log_odds(v["a"], v["b"], prior_scale * np.maximum(v["prior"], 1e-12), total_target=nt, total_reference=nr)
    keep = np.flatnonzero(v["a"] + v["b"] >= max(int(min_count), 1))
    scores = score_keyness_statistics(v["a"][keep], v["b"][keep], nt, nr, yates=yates)
    columns = {name: scores[name].to_numpy() for name in scores.columns}
    columns["p_adjusted"] = stats.adjust_p(columns["p_value"], method=p_adjust)
    order = np.lexsort((v["ranks"][keep], -columns["g2"]))
    if top_n and len(order) > 2 * top_n:
        order = np.concatenate([order[:top_n], order[-top_n:]])
    rows = keep[order]
    internal = _external_counts(reference) is None
    count_type = "int64" if internal else "float64"
    table = pd.DataFrame(
        {
            "term": v["terms"][rows],
            "n_target": v["a"][rows].astype("int64"),
            "n_reference": v["b"][rows].astype(count_type),
            "total_target": np.full(len(rows), int(nt)),
            "total_reference": np.full(len(rows), nr).astype(count_type),
            **{name: values[order] for name, values in columns.items()},
            "log_odds_z": z[rows],
            "range_target": v["range_t"][rows].astype("int64"),
            "range_reference": v["range_r"][rows].astype(count_type),
        }
    )
    return table[KEYNESS_COLUMNS]


def compare_keyness(
    data: pd.DataFrame | TermCounts,
    *,
    by: str = "doc_id",
    targets: Iterable[str] | None = None,
    reference=None,
    top_n: int | None = None,
    count_options: Mapping | None = None,
    **options,
) -> pd.DataFrame:
    """Keyness of each group in turn: :func:`score_keyness` with every group (or each of
    ``targets``) as the target, stacked into one contrast table.

    Args:
        data, by, count_options: as in :func:`score_keyness` (a corpus is counted once).
        targets: the groups to compare (default: every group).
        reference: None (each group against all the others), a group, or an external list.
        top_n: keep only the ``top_n`` first and last rows of each group (its key terms and
            the reference's), so that many small groups (every document of a large corpus)
            give a table of manageable size; ``p_adjusted`` is still computed over every term.
        **options: ``p_adjust``, ``prior_scale``, ``yates``, ``min_count``,
            ``reference_total`` of :func:`score_keyness` (``correction``, the old name of
            ``p_adjust``, still works with a ``DeprecationWarning``).

    Returns:
        ``group`` followed by the :func:`score_keyness` columns; groups in order, each sorted by
        ``g2``. A group that is also the reference is skipped, and so is a group without
        counted terms (with a :class:`KeywordsWarning`).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["troops troops talks", "talks talks troops"]})
    >>> compare_keyness(docs).groupby("group")["term"].first().to_dict()
    {'a': 'troops', 'b': 'talks'}
    """
    if "correction" in options:
        options["p_adjust"] = _resolve_p_adjust(
            options.pop("p_adjust", "bonferroni"), options.pop("correction"), "compare_keyness"
        )
    counts = _as_counts(data, by, count_options)
    groups = sorted({str(g) for g in counts.groups}) if targets is None else _as_labels(targets)
    excluded = set(_as_labels(reference)) if reference is not None and _external_counts(reference) is None else set()
    sizes = pd.Series(np.asarray(counts.matrix.sum(axis=1)).ravel()).groupby(counts.groups.astype(str)).sum()
    empty = [g for g in groups if g in sizes.index and sizes[g] == 0]
    if empty:
        warnings.warn(
            f"group(s) {', '.join(empty[:6])} have no counted terms (only stop words, numbers or short words); "
            "left out of the keyness table",
            KeywordsWarning,
            stacklevel=2,
        )
    tables = [
        _keyness_table(counts, g, reference, top_n=top_n, **options).assign(group=g)
        for g in groups
        if g not in excluded and g not in empty
    ]
    if not tables:
        return pd.DataFrame(columns=["group", *KEYNESS_COLUMNS])
    table = pd.concat(tables, ignore_index=True)
    return table[["group", *KEYNESS_COLUMNS]]


def select_key_terms(keyness_table: pd.DataFrame, *, top_n: int = 5, n: int | None = None) -> pd.DataFrame:
    """The ``top_n`` strongest key terms of each group (rows with positive ``g2``:
    over-represented in the group), in the table's order (by ``g2``).

    Args:
        keyness_table: from :func:`compare_keyness`.
        top_n: terms kept per group.
        n: the old name of ``top_n`` (deprecated).

    >>> t = pd.DataFrame({"group": ["a", "a", "a", "b"], "term": ["x", "y", "z", "x"], "g2": [9.0, 2.0, -3.0, 1.0]})
    >>> select_key_terms(t, top_n=1)["term"].tolist()
    ['x', 'x']
    """
    if n is not None:
        warnings.warn(
            "select_key_terms(n=...) is renamed top_n=...; the old keyword goes in the next release",
            DeprecationWarning,
            stacklevel=2,
        )
        top_n = n
    return keyness_table[keyness_table["g2"] > 0].groupby("group").head(top_n)


def read_frequency_list(path) -> pd.DataFrame:
    """Read an external reference frequency list: a ``.csv``/``.tsv`` with columns ``term``
    and ``n`` (or any two columns: term first, count second).

    Returns:
        ``term, n`` (duplicate terms summed), for :func:`score_keyness` ``reference=``.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ref.csv"
    >>> pd.DataFrame({"term": ["war", "peace"], "n": [2, 3]}).to_csv(path, index=False)
    >>> read_frequency_list(path).values.tolist()
    [['peace', 3], ['war', 2]]
    """
    from pathlib import Path

    from corpus_tools.io import CorpusInputError, read_table

    path = Path(path)
    table = read_table(path)
    if not {"term", "n"} <= set(table.columns):
        if table.shape[1] != 2:
            raise CorpusInputError(
                f"{path}: a frequency list needs columns 'term' and 'n' (or exactly two columns); "
                f"it has {list(table.columns)}"
            )
        table = table.set_axis(["term", "n"], axis=1)
    n = pd.to_numeric(table["n"], errors="coerce")
    if n.isna().any() or (n < 0).any():
        line = int(np.flatnonzero((n.isna() | (n < 0)).to_numpy())[0]) + 2
        raise CorpusInputError(
            f"{path}:{line}: count {table['n'].iloc[line - 2]!r} is not a number >= 0; fix or remove that line"
        )
    return (
        pd.DataFrame({"term": table["term"].astype(str), "n": n}).groupby("term", as_index=False, sort=True)["n"].sum()
    )


def resolve_reference(reference: str | None):
    """The ``reference=`` of :func:`score_keyness` from a text option (a notebook parameter):
    ``""`` or None -> None (the rest of the corpus); a ``.csv``/``.tsv`` path -> its frequency
    list (:func:`read_frequency_list`); anything else -> the group label as given.

    >>> resolve_reference(""), resolve_reference("south")
    (None, 'south')
    """
    if not reference:
        return None
    if str(reference).endswith((".csv", ".tsv")):
        return read_frequency_list(reference)
    return reference
