"""Group summaries and contrasts of sentence scores, sentiment arcs and lexicon agreement.

Every function that takes ``by=`` (default ``"doc_id"``: each document its own group) attaches
the ``group`` column with :func:`corpus_tools.groups.attach_groups`, so a document without a
value in the grouping column is counted in the group ``"(missing)"``, never dropped. The
statistics are :func:`corpus_tools.stats.summarize_groups` and
:func:`corpus_tools.stats.compare_groups`, run once per lexicon, with articles as the sampled
units by default (``unit="article"``: intervals resample whole articles, tests compare article
means, groups of fewer than 3 articles get no interval or test; see :mod:`corpus_tools.stats.units`).

>>> s = pd.DataFrame({"doc_id": list("aabb"), "lexicon": "vader", "compound": [0.1, 0.3, -0.2, -0.4]})
>>> summarize_groups(s, n_boot=200)["group"].tolist()
['a', 'b']
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from scipy import stats as sps

from corpus_tools.groups import attach_groups
from corpus_tools.sentiment.summary import _compare_codes, _summarize_codes
from corpus_tools.stats.units import CLUSTER_UNSET, resolve_unit

__all__ = ["summarize_groups", "compare_groups", "summarize_arcs", "compare_lexicons"]


def summarize_groups(
    scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    unit: str = "article",
    neutral_threshold: float = 0.05,
    cluster=CLUSTER_UNSET,
) -> pd.DataFrame:
    """Mean sentence compound per group and lexicon, with a bootstrap confidence interval.

    Args:
        scores: sentence scores (:func:`~corpus_tools.sentiment.scores.score_sentences`).
        by: grouping column (in ``scores`` or in ``corpus``); documents without a value form
            the group ``"(missing)"``.
        corpus: the corpus, to take ``by`` from (joined on ``doc_id``).
        n_boot, seed, ci: bootstrap settings (:func:`corpus_tools.stats.summarize_groups`).
        unit: ``"article"`` (default) resamples whole articles within each group (the estimate
            is the group's mean sentence compound; groups of fewer than 3 articles get no
            interval); ``"sentence"`` resamples sentences as if independent, a description
            labelled ``"sentence (descriptive)"`` (a group of more than 10,000 sentences gets
            Student's t interval of its mean, which that bootstrap gives up to its Monte Carlo
            error, and its ``note`` says so).
        neutral_threshold: for the shares of positive and negative sentences.
        cluster: the old option (``"doc_id"`` is ``unit="article"``, None ``unit="sentence"``).

    Returns:
        ``lexicon, group, n, n_docs, estimate, ci_low, ci_high, share_pos, share_neg, unit,
        note`` (``n`` sentences, ``n_docs`` articles; ``note`` says why an interval is missing).

    >>> s = pd.DataFrame({"doc_id": list("aabb"), "lexicon": "vader", "compound": [0.1, 0.3, -0.2, -0.4]})
    >>> summarize_groups(s, n_boot=200)[["group", "n", "estimate", "ci_low"]].values.tolist()
    [['a', 2, 0.2, nan], ['b', 2, -0.30000000000000004, nan]]
    """
    cluster, label = resolve_unit(unit, cluster=cluster, caller="summarize_groups")
    frame = _grouped_scores(scores, by, corpus)
    compound = frame["compound"]
    frame = frame.assign(_pos=compound >= neutral_threshold, _neg=compound <= -neutral_threshold)
    table = _summarize_codes(frame, value="compound", per=["lexicon"], cluster=cluster, n_boot=n_boot, seed=seed, ci=ci)
    shares = frame.groupby(["lexicon", "group"], sort=False).agg(
        n_docs=("doc_id", "nunique"), share_pos=("_pos", "mean"), share_neg=("_neg", "mean")
    )
    table = table.merge(shares.reset_index(), on=["lexicon", "group"], how="left").assign(unit=label)
    columns = ["lexicon", "group", "n", "n_docs", "estimate", "ci_low", "ci_high", "share_pos", "share_neg"]
    return table[[*columns, "unit", "note"]]


def _grouped_scores(scores: pd.DataFrame, by: str, corpus: pd.DataFrame | None) -> pd.DataFrame:
    """``doc_id, lexicon, compound`` (and ``sent_id`` when present) of the sentence scores with the
    ``group`` column of :func:`~corpus_tools.groups.attach_groups`: the columns the statistics
    read, not a copy of the whole table with its texts."""
    wanted = ["doc_id", "sent_id", "lexicon", "compound", by]
    present = [c for c in dict.fromkeys(wanted) if c in scores.columns]
    if by not in scores.columns and (corpus is None or by not in corpus.columns):
        return attach_groups(scores, by, documents=corpus)  # raises, naming the columns at hand
    return attach_groups(scores[present], by, documents=corpus)


def compare_groups(
    scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    unit: str = "article",
    p_adjust: str = "holm",
    test: str = "mannwhitney",
    cluster=CLUSTER_UNSET,
) -> pd.DataFrame:
    """Every pair of groups compared, per lexicon: difference of mean sentence compound with a
    bootstrap interval, Cohen's d, Hedges' g, Cliff's delta and an adjusted p-value
    (:func:`corpus_tools.stats.compare_groups`).

    Args:
        scores: sentence scores (:func:`~corpus_tools.sentiment.scores.score_sentences`).
        by, corpus, n_boot, seed, ci, cluster: as in :func:`summarize_groups`.
        unit: ``"article"`` (default): the interval resamples articles, the test and the effect
            sizes compare article means, and a pair with a group of fewer than 3 articles gets
            no interval or p-value; ``"sentence"``: sentences as independent observations,
            labelled ``"sentence (descriptive)"``.
        p_adjust: multiple-comparison correction over the pairs of each lexicon
            (:func:`corpus_tools.stats.adjust_p`; default Holm).
        test: ``"mannwhitney"`` or ``"permutation"`` (:func:`corpus_tools.stats.compare_groups`).

    Returns:
        ``lexicon, group_a, group_b, n_a, n_b, n_docs_a, n_docs_b, mean_a, mean_b, diff,
        diff_ci_low, diff_ci_high, cohens_d, hedges_g, cliffs_delta, p_value, p_adjusted, unit,
        note``.

    >>> s = pd.DataFrame({"doc_id": list("aaabbb"), "lexicon": "vader", "compound": [.1, .3, .2, -.2, -.4, -.3]})
    >>> compare_groups(s, by="doc_id", n_boot=200)[["group_a", "group_b", "diff", "p_value"]].round(2).values.tolist()
    [['a', 'b', 0.5, nan]]
    """
    cluster, label = resolve_unit(unit, cluster=cluster, caller="compare_groups")
    frame = _grouped_scores(scores, by, corpus)
    settings = {"n_boot": n_boot, "seed": seed, "ci": ci, "p_adjust": p_adjust, "test": test}
    parts = [
        _compare_codes(part, value="compound", cluster=cluster, **settings).assign(lexicon=lexicon)
        for lexicon, part in frame.groupby("lexicon", sort=False)
    ]
    table = pd.concat(parts, ignore_index=True).rename(columns={"n_clusters_a": "n_docs_a", "n_clusters_b": "n_docs_b"})
    if cluster is None:  # every sentence is a unit: count the articles behind them all the same
        docs = frame.groupby("group")["doc_id"].nunique()
        table.insert(table.columns.get_loc("n_b") + 1, "n_docs_a", table["group_a"].map(docs).to_numpy())
        table.insert(table.columns.get_loc("n_docs_a") + 1, "n_docs_b", table["group_b"].map(docs).to_numpy())
    table = table.assign(unit=label)
    columns = [c for c in table.columns if c not in ("lexicon", "unit", "note")]
    return table[["lexicon", *columns, "unit", "note"]]


def summarize_arcs(scores: pd.DataFrame, *, n_bins: int = 5) -> pd.DataFrame:
    """Sentiment arc: mean sentence compound by relative position in each article.

    Sentences are put in ``n_bins`` equal slices of the article by ``position`` (0 = first
    sentence, 1 = last).

    Returns:
        ``lexicon, doc_id, segment`` (0 .. n_bins-1), ``position`` (the slice's middle),
        ``n_sentences, compound``.

    >>> s = pd.DataFrame({"doc_id": "a", "lexicon": "vader", "position": [0, .5, 1], "compound": [.2, .4, -.6]})
    >>> summarize_arcs(s, n_bins=2)[["n_sentences", "compound"]].round(2).to_dict("list")
    {'n_sentences': [1, 2], 'compound': [0.2, -0.1]}
    """
    if int(n_bins) < 1:
        raise ValueError(f"n_bins must be >= 1, not {n_bins!r}")
    segment = np.minimum((scores["position"].to_numpy(dtype=float) * n_bins).astype(int), n_bins - 1)
    arcs = (
        scores.assign(segment=segment)
        .groupby(["lexicon", "doc_id", "segment"], sort=False)
        .agg(n_sentences=("compound", "size"), compound=("compound", "mean"))
        .reset_index()
    )
    arcs["position"] = (arcs["segment"] + 0.5) / n_bins
    return arcs[["lexicon", "doc_id", "segment", "position", "n_sentences", "compound"]]


def compare_lexicons(scores: pd.DataFrame, *, by: str = "doc_id", corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Agreement between lexicons: Spearman correlation of sentence compounds for every pair of
    lexicons, within each group (default: each document) and over all sentences (``group = "all"``).

    Args:
        scores: sentence scores with two or more lexicons.
        by, corpus: the grouping column and where to find it (as in :func:`summarize_groups`).

    Returns:
        ``group, lexicon_a, lexicon_b, n_sentences, spearman, p_value`` (NaN when a lexicon
        gives one value to every sentence of the group).

    >>> s = pd.DataFrame({"doc_id": "a", "sent_id": [0, 1, 2] * 2, "lexicon": ["x"] * 3 + ["y"] * 3,
    ...                   "compound": [.1, .5, -.2, .3, .9, 0]})
    >>> compare_lexicons(s)[["group", "spearman"]].values.tolist()
    [['a', 1.0], ['all', 1.0]]
    """
    wide = attach_groups(scores, by, documents=corpus).pivot_table(
        index=["group", "doc_id", "sent_id"], columns="lexicon", values="compound", sort=False
    )
    wide = wide.reset_index()
    lexicons = list(scores["lexicon"].unique())  # in order of first appearance
    columns = ["group", "lexicon_a", "lexicon_b", "n_sentences", "spearman", "p_value"]
    parts = []
    for order, (a, b) in enumerate(itertools.combinations(lexicons, 2)):
        pair = wide[["group", a, b]].dropna()
        for group, table in (("group", pair), ("all", pair.assign(group="all"))):
            found = _spearman_by_group(table, a, b).assign(lexicon_a=a, lexicon_b=b, _order=order)
            parts.append(found.assign(_all=group == "all"))
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True).sort_values(["_all", "group", "_order"], kind="stable")
    return table[columns].reset_index(drop=True)


def _spearman_by_group(pair: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Spearman's rho of columns ``a`` and ``b`` within each group, all groups at once: the Pearson
    correlation of the average ranks (whose mean is (n + 1) / 2 in every group), with scipy's
    two-sided p-value from the t distribution (``scipy.stats.spearmanr``); NaN for a group of
    fewer than 3 rows or where a column holds one value."""
    grouped = pair.groupby("group", sort=True)
    n = grouped[a].transform("size").to_numpy(dtype=float)
    centre = (n + 1) / 2
    ra = grouped[a].rank(method="average").to_numpy() - centre
    rb = grouped[b].rank(method="average").to_numpy() - centre
    sums = (
        pd.DataFrame({"group": pair["group"].to_numpy(), "xy": ra * rb, "xx": ra * ra, "yy": rb * rb})
        .groupby("group", sort=True)
        .sum()
    )
    counts = grouped.agg(n=(a, "size"), na=(a, "nunique"), nb=(b, "nunique"))
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = (sums["xy"] / np.sqrt(sums["xx"] * sums["yy"])).clip(-1, 1)
        dof = counts["n"] - 2
        t = rho * np.sqrt(dof / ((1 - rho) * (1 + rho)))
        p = pd.Series(2 * sps.t.sf(np.abs(t), dof), index=rho.index)
    valid = (counts["n"] >= 3) & (counts["na"] >= 2) & (counts["nb"] >= 2)
    return pd.DataFrame(
        {
            "group": counts.index,
            "n_sentences": counts["n"].to_numpy(),
            "spearman": rho.where(valid).to_numpy(dtype=float),
            "p_value": p.where(valid).to_numpy(dtype=float),
        }
    )
