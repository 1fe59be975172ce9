"""Article-level keyness: does a term's rate per article differ between a group and its
reference? (:func:`compare_term_rates`, after Lijffijt et al. 2016).

The log-likelihood ``g2`` and the log ratio of :mod:`corpus_tools.keywords.contrast` count
tokens: they treat every word of the corpus as an independent draw, so a term used 30 times in
one article looks as "key" as a term used once in each of 30 articles, and their p-values are
far too small for a term that clusters in a few texts (Lijffijt, Nevalainen, Säily,
Papageorgiou & Mannila 2016, "Significance testing of word frequencies in corpora", *Digital
Scholarship in the Humanities* 31(2)). They stay as the field's convention, labelled
token-level. This module adds the article-level test: each article's rate of the term (per
10,000 counted terms) is one observation, and the two sides are compared with Welch's t-test
or the Mann-Whitney U test, vectorised over the terms. Welch's test needs only each side's
number of articles, mean and variance per term: they come from the sparse articles x terms
matrix without densifying it, and the p-value is computed as
``scipy.stats.ttest_ind(equal_var=False)`` computes it. Mann-Whitney ranks every article, on
dense blocks of a bounded number of articles x terms. A side with fewer than 3 articles gets no
test (``note`` says so); an external frequency list has no articles, so no test either.

>>> docs = pd.DataFrame({"doc_id": list("abcdef"), "side": list("xxxyyy"),
...                      "text": ["war war talks", "war talks", "war war war", "talks", "talks peace", "peace"]})
>>> table = compare_term_rates(count_terms(docs, by="side"), targets=["x"]).set_index("term")
>>> table.loc["war", ["n_articles_target", "rate_target", "rate_reference", "unit"]].astype(str).tolist()
['3', '7222.22222222222...', '0.0', 'article']
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import sparse, special
from scipy import stats as sps

from corpus_tools import stats
from corpus_tools.keywords.counts import TermCounts, _as_labels, count_terms

__all__ = ["RATE_COLUMNS", "RATE_TESTS", "attach_term_rates", "compare_term_rates"]

#: Tests of :func:`compare_term_rates`.
RATE_TESTS = ("welch", "mannwhitney")
#: Columns of :func:`compare_term_rates`.
RATE_COLUMNS = [
    "group",
    "term",
    "n_articles_target",
    "n_articles_reference",
    "rate_target",
    "rate_reference",
    "rate_diff",
    "p_value",
    "p_adjusted",
    "unit",
    "note",
]
#: Cells (articles x terms) of one dense block of the Mann-Whitney test (~80 MB of float64).
_CELLS_PER_BLOCK = 10_000_000


def _column_moments(side: sparse.csr_matrix) -> tuple[int, np.ndarray, np.ndarray]:
    """Number of rows, mean and variance (``ddof=1``) of every column of a sparse matrix,
    without densifying it: the squared deviations of the stored values plus ``(n - stored) *
    mean**2`` for the zeros (two passes over the stored values, as stable as the dense formula).

    >>> n, mean, var = _column_moments(sparse.csr_matrix(np.array([[1.0, 0.0], [3.0, 0.0], [0.0, 0.0]])))
    >>> n, mean.tolist(), var.tolist()
    (3, [1.3333333333333333, 0.0], [2.3333333333333335, 0.0])
    """
    n, width = side.shape
    cols = side.indices
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.bincount(cols, weights=side.data, minlength=width) / n
        stored = np.bincount(cols, minlength=width)
        squares = np.bincount(cols, weights=(side.data - mean[cols]) ** 2, minlength=width)
        var = (squares + (n - stored) * mean**2) / (n - 1) if n > 1 else np.full(width, np.nan)
    return n, mean, var


def _welch_p(x: tuple[int, np.ndarray, np.ndarray], y: tuple[int, np.ndarray, np.ndarray]) -> np.ndarray:
    """Two-sided p-values of Welch's t-test from each side's ``(n, mean, variance)``, computed
    as ``scipy.stats.ttest_ind(equal_var=False)`` does (Welch-Satterthwaite df, a NaN df taken as
    1, the t distribution's survival function ``scipy.special.stdtr``): NaN where neither side
    varies and the means are equal.

    >>> round(float(_welch_p((3, np.array([2.0]), np.array([1.0])), (4, np.array([5.0]), np.array([2.0])))[0]), 6)
    0.021801
    """
    (n1, m1, v1), (n2, m2, v2) = x, y
    with np.errstate(divide="ignore", invalid="ignore"):
        vn1, vn2 = v1 / n1, v2 / n2
        df = (vn1 + vn2) ** 2 / (vn1**2 / (n1 - 1) + vn2**2 / (n2 - 1))
        df = np.where(np.isnan(df), 1.0, df)
        t = (m1 - m2) / np.sqrt(vn1 + vn2)
    return 2 * special.stdtr(df, -np.abs(t))


def _mannwhitney_p(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)  # a term with no spread on either side: NaN
        p = np.asarray(sps.mannwhitneyu(x, y, axis=0, alternative="two-sided").pvalue, dtype=float)
    same = np.ptp(np.vstack([x, y]), axis=0) == 0
    return np.where(same, np.nan, p)


def _sums(rates: sparse.csr_matrix, seen: sparse.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Summed per-article rates and summed counts of every term over ``rows``."""
    return rates[rows].sum(axis=0).A1, seen[rows].sum(axis=0).A1


def _test_columns(rates: sparse.csr_matrix, target_rows, reference_rows, columns: np.ndarray, test: str) -> np.ndarray:
    """p-values of the terms ``columns``: Welch from sparse column moments (no dense block);
    Mann-Whitney on dense blocks of at most :data:`_CELLS_PER_BLOCK` articles x terms."""
    target, reference = rates[target_rows], rates[reference_rows]
    if test == "welch":
        (n1, m1, v1), (n2, m2, v2) = _column_moments(target), _column_moments(reference)
        return _welch_p((n1, m1[columns], v1[columns]), (n2, m2[columns], v2[columns]))
    p = np.full(columns.size, np.nan)
    step = max(_CELLS_PER_BLOCK // max(target.shape[0] + reference.shape[0], 1), 1)
    target, reference = target.tocsc(), reference.tocsc()
    for start in range(0, columns.size, step):
        part = columns[start : start + step]
        p[start : start + part.size] = _mannwhitney_p(target[:, part].toarray(), reference[:, part].toarray())
    return p


def _one_side(rates, target_rows, reference_rows, target_sums, reference_sums, **settings) -> pd.DataFrame:
    """Rates and tests of the terms seen at least ``min_count`` times on the two sides."""
    min_articles = settings["min_articles"]
    n_seen = target_sums[1] + reference_sums[1]
    columns = np.flatnonzero(n_seen >= settings["min_count"])
    nt, nr = target_rows.size, reference_rows.size
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_t = target_sums[0][columns] / nt
        # the rest of the corpus is the whole minus the target: a term absent there is exactly 0
        mean_r = np.where(reference_sums[1][columns] > 0, reference_sums[0][columns], 0.0) / nr
    p = np.full(columns.size, np.nan)
    note = ""
    if nt < min_articles or nr < min_articles:
        note = f"{nt} target and {nr} reference articles (each side needs {min_articles}): rates only, no test"
    elif columns.size:
        p = _test_columns(rates, target_rows, reference_rows, columns, settings["test"])
    return pd.DataFrame(
        {
            "column": columns,
            "n_articles_target": nt,
            "n_articles_reference": nr,
            "rate_target": mean_t,
            "rate_reference": mean_r,
            "rate_diff": mean_t - mean_r,
            "p_value": p,
            "p_adjusted": stats.adjust_p(p, method=settings["p_adjust"]),
            "note": note,
        }
    )


def compare_term_rates(
    data: pd.DataFrame | TermCounts,
    *,
    by: str = "doc_id",
    targets=None,
    reference=None,
    test: str = "welch",
    p_adjust: str = "bonferroni",
    min_count: int = 1,
    min_articles: int = stats.MIN_CLUSTERS,
    keep: pd.DataFrame | None = None,
    count_options=None,
) -> pd.DataFrame:
    """Article-level test of every term's rate, each group (or each of ``targets``) against a
    reference: the per-article counterpart of :func:`~corpus_tools.keywords.compare_keyness`.

    Args:
        data: a corpus table (counted with :func:`~corpus_tools.keywords.count_terms`,
            ``count_options``) or a :class:`~corpus_tools.keywords.TermCounts`.
        by: the grouping column when ``data`` is a corpus.
        targets: the groups to test (default: every group).
        reference: None (the rest of the corpus) or a group label or list of labels. A frequency
            list (a table, Series or dict) has no articles: every row gets a ``note``, no test.
        test: ``"welch"`` (Welch's t-test on per-article rates, Lijffijt et al. 2016) or
            ``"mannwhitney"`` (two-sided Mann-Whitney U).
        p_adjust: adjustment over the terms of each group (:func:`corpus_tools.stats.adjust_p`).
        min_count: test terms seen at least this often in target + reference.
        min_articles: the fewest articles each side needs for a test.
        keep: a table with ``group, term`` columns (a keyness table): only those rows are
            returned, while ``p_adjusted`` still counts every term tested (a table of every
            group x every term of a large corpus is big).
        count_options: options of ``count_terms`` when ``data`` is a corpus.

    Returns:
        ``group, term, n_articles_target, n_articles_reference, rate_target, rate_reference,
        rate_diff, p_value, p_adjusted, unit, note``: rates are the mean over articles of the
        term's count per 10,000 counted terms of the article (an article with no counted
        terms is left out, and the ``note`` says how many); ``unit`` is ``"article"``.

    Raises:
        ValueError: an unknown test or group.
    """
    if test not in RATE_TESTS:
        raise ValueError(f"unknown test {test!r}; use one of {', '.join(RATE_TESTS)}")
    counts = data if isinstance(data, TermCounts) else count_terms(data, by=by, **dict(count_options or {}))
    groups = counts.groups.astype(str)
    known = sorted(set(groups))
    labels = known if targets is None else _as_labels(targets)
    external = reference is not None and not isinstance(reference, (str, list, tuple))
    ref_labels = [] if reference is None or external else _as_labels(reference)
    unknown = sorted((set(labels) | set(ref_labels)) - set(known))
    if unknown:
        raise ValueError(f"group(s) {unknown} not found in column {counts.by!r}; groups are {known[:20]}")
    totals = np.asarray(counts.matrix.sum(axis=1)).ravel().astype(float)
    has_terms = totals > 0
    scale = sparse.diags(np.divide(10_000.0, totals, out=np.zeros_like(totals), where=has_terms))
    rates, seen = (scale @ counts.matrix).tocsr(), counts.matrix.tocsr()
    settings = {"test": test, "min_articles": min_articles, "min_count": max(int(min_count), 1), "p_adjust": p_adjust}
    corpus_sums = _sums(rates, seen, np.flatnonzero(has_terms))
    if keep is not None:  # the columns of the kept terms, per group, found once
        where = pd.Index(counts.terms).get_indexer(keep["term"])
        kept = pd.Series(where).groupby(keep["group"].astype(str).to_numpy()).agg(lambda c: c[c >= 0].to_numpy())
    tables = []
    for label in (g for g in labels if g not in ref_labels):
        if external:
            tables.append(pd.DataFrame({"group": [label], "note": ["external frequency list: no articles to test"]}))
            continue
        target = np.flatnonzero((groups == label) & has_terms)
        rest = np.flatnonzero((np.isin(groups, ref_labels) if ref_labels else groups != label) & has_terms)
        target_sums = _sums(rates, seen, target)
        if ref_labels:
            rest_sums = _sums(rates, seen, rest)
        else:  # every other article: the whole corpus minus the target, summed once
            rest_sums = (corpus_sums[0] - target_sums[0], corpus_sums[1] - target_sums[1])
        side = _one_side(rates, target, rest, target_sums, rest_sums, **settings)
        if keep is not None:
            side = side[np.isin(side["column"].to_numpy(), kept.get(label, []))]
        tables.append(side.assign(group=label, term=counts.terms[side.pop("column").to_numpy()]))
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=RATE_COLUMNS)
    table = table.reindex(columns=RATE_COLUMNS).assign(unit=stats.ARTICLE_UNIT)
    empty = int((~has_terms).sum())
    if empty:
        extra = f"{empty} article(s) without counted terms left out"
        table["note"] = [f"{n}; {extra}" if isinstance(n, str) and n else extra for n in table["note"]]
    table["note"] = table["note"].fillna("")
    return table.reset_index(drop=True)


def attach_term_rates(keyness: pd.DataFrame, rates: pd.DataFrame) -> pd.DataFrame:
    """The keyness table (token-level: ``g2``, ``log_ratio``, ``p_adjusted``) with the
    article-level columns of :func:`compare_term_rates` beside it, matched on ``group, term``:
    ``article_rate_target, article_rate_reference, article_p_value, article_p_adjusted,
    article_note``. Rows and their order are the keyness table's.

    >>> k = pd.DataFrame({"group": ["x", "x"], "term": ["war", "talks"], "g2": [3.0, -3.0]})
    >>> r = pd.DataFrame({"group": ["x"], "term": ["war"], "rate_target": [50.0], "rate_reference": [0.0],
    ...                   "p_value": [0.01], "p_adjusted": [0.02], "note": [""]})
    >>> attach_term_rates(k, r)[["term", "g2", "article_p_adjusted"]].values.tolist()
    [['war', 3.0, 0.02], ['talks', -3.0, nan]]
    """
    renamed = {c: f"article_{c}" for c in ("rate_target", "rate_reference", "p_value", "p_adjusted", "note")}
    article = rates[["group", "term", *renamed]].rename(columns=renamed)
    return keyness.merge(article, on=["group", "term"], how="left", validate="one_to_one")
