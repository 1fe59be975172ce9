"""Pairwise group comparisons checked against scipy and exact enumeration."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools.stats import compare_groups, summarize_groups
from corpus_tools.stats.bootstrap import _group_rng, _percentiles
from corpus_tools.stats.compare import _boot_mean


@pytest.fixture(scope="module")
def three_groups():
    rng = np.random.default_rng(11)
    return pd.DataFrame(
        {
            "outlet": np.repeat(["bbc", "cnn", "rt"], [40, 35, 30]),
            "doc_id": np.concatenate(
                [np.repeat(np.arange(8), 5), np.repeat(np.arange(8, 15), 5), np.repeat(np.arange(15, 21), 5)]
            ),
            "score": np.concatenate([rng.normal(0, 1, 40), rng.normal(0.2, 1, 35), rng.normal(-0.8, 1, 30)]),
        }
    )


def test_compare_groups_against_scipy(three_groups):
    table = compare_groups(three_groups, value="score", by="outlet", n_boot=2000, seed=0)
    assert list(zip(table["group_a"], table["group_b"])) == [("bbc", "cnn"), ("bbc", "rt"), ("cnn", "rt")]
    groups = {k: v["score"].to_numpy() for k, v in three_groups.groupby("outlet")}
    for row in table.itertuples():
        x, y = groups[row.group_a], groups[row.group_b]
        assert row.diff == pytest.approx(x.mean() - y.mean())
        assert row.diff_ci_low < row.diff < row.diff_ci_high
        assert row.p_value == pytest.approx(sps.mannwhitneyu(x, y, alternative="two-sided").pvalue)
        assert np.sign(row.cohens_d) == np.sign(row.diff) and abs(row.hedges_g) < abs(row.cohens_d)
        u = sps.mannwhitneyu(x, y).statistic
        assert row.cliffs_delta == pytest.approx(2 * u / (x.size * y.size) - 1)
    # Holm by hand on three p-values
    p = table["p_value"].to_numpy()
    order = np.argsort(p)
    holm = np.maximum.accumulate(p[order] * np.array([3, 2, 1]))
    expected = np.empty(3)
    expected[order] = np.minimum(holm, 1)
    assert table["p_adjusted"].to_numpy() == pytest.approx(expected)
    pd.testing.assert_frame_equal(table, compare_groups(three_groups, value="score", by="outlet", n_boot=2000, seed=0))


def test_compare_groups_permutation_and_cluster(three_groups):
    perm = compare_groups(three_groups, value="score", by="outlet", n_boot=999, test="permutation")
    rows = compare_groups(three_groups, value="score", by="outlet", n_boot=999)
    # both tests agree on which differences are clear at this sample size
    assert ((perm["p_value"] < 0.05) == (rows["p_value"] < 0.05)).all()
    clustered = compare_groups(three_groups, value="score", by="outlet", n_boot=999, cluster="doc_id")
    doc_means = three_groups.groupby(["outlet", "doc_id"])["score"].mean()
    ref = sps.mannwhitneyu(doc_means["bbc"], doc_means["rt"], alternative="two-sided").pvalue
    assert clustered.loc[1, "p_value"] == pytest.approx(ref)


@pytest.mark.parametrize(
    ("x", "y"),
    [([1, 2, 3, 8], [4, 5, 6, 7]), ([1, 2, 3, 4], [5, 6, 7, 8]), ([0, 0, 1, 1], [0, 1, 0, 1])],
)
def test_permutation_p_value_matches_exact_enumeration(x, y):
    """Equal group sizes: every split of the pooled values is enumerated (70 of them), so the
    two-sided p-value is the share of splits whose |difference of means| reaches the observed one."""
    pooled = np.array(x + y, dtype=float)
    observed = abs(np.mean(x) - np.mean(y))
    splits = list(itertools.combinations(range(len(pooled)), len(x)))
    extreme = sum(abs(pooled[list(c)].mean() - np.delete(pooled, list(c)).mean()) >= observed - 1e-12 for c in splits)
    frame = pd.DataFrame({"g": ["a"] * len(x) + ["b"] * len(y), "x": x + y})
    table = compare_groups(frame, value="x", by="g", test="permutation", n_boot=999)
    assert table["p_value"].iloc[0] == pytest.approx(extreme / len(splits))


def test_compare_groups_errors(three_groups):
    with pytest.raises(ValueError, match="unknown test 'ttest'"):
        compare_groups(three_groups, value="score", by="outlet", test="ttest")
    with pytest.raises(KeyError, match="missing column"):
        compare_groups(three_groups, value="tone", by="outlet")


# ------------------------------------------------------------------ one bootstrap per group


@pytest.fixture(scope="module")
def four_outlets():
    """Four outlets of 12 to 30 articles of 1 to 9 sentences, article levels (sd 0.4) and noise."""
    rng = np.random.default_rng(21)
    sizes = {"bbc": 30, "cnn": 12, "dw": 25, "rt": 18}
    outlet = np.repeat(list(sizes), list(sizes.values()))
    shift = pd.Series({"bbc": 0.0, "cnn": 0.3, "dw": -0.2, "rt": -0.6})[outlet].to_numpy()
    lengths = rng.integers(1, 10, size=outlet.size)
    doc = np.repeat(np.arange(outlet.size), lengths)
    score = shift[doc] + rng.normal(0, 0.4, size=outlet.size)[doc] + rng.normal(0, 0.6, size=doc.size)
    return pd.DataFrame({"doc_id": doc, "outlet": outlet[doc], "score": score})


def _scipy_difference_interval(x, y, *, statistic, n_resamples, seed):
    """scipy.stats.bootstrap of a two-sample statistic: two independent samples (paired=False),
    the percentile interval; returns the result (interval and standard error)."""
    return sps.bootstrap(
        (x, y),
        statistic,
        paired=False,
        vectorized=True,
        n_resamples=n_resamples,
        method="percentile",
        random_state=np.random.default_rng(seed),
    )


def _difference_of_means(x, y, axis=-1):
    return x.mean(axis) - y.mean(axis)


def _difference_of_pooled_means(a: pd.DataFrame, b: pd.DataFrame):
    """The samples (article positions) and statistic of the cluster bootstrap, written out: the
    pooled mean of the drawn articles' sentences in a, minus that in b."""
    sa, sb = (g.groupby("doc_id")["score"].agg(["sum", "size"]).to_numpy(dtype=float) for g in (a, b))

    def statistic(i, j, axis=-1):
        i, j = i.astype(int), j.astype(int)
        return sa[i, 0].sum(axis) / sa[i, 1].sum(axis) - sb[j, 0].sum(axis) / sb[j, 1].sum(axis)

    return (np.arange(len(sa), dtype=float), np.arange(len(sb), dtype=float)), statistic


@pytest.mark.parametrize("cluster", [None, "doc_id"])
def test_pair_intervals_agree_with_scipy_bootstrap_of_the_difference(four_outlets, cluster):
    """Every pair's interval against scipy's bootstrap of the difference of means (with
    ``cluster``: each group's articles resampled, the pooled mean of their sentences), within
    Monte Carlo tolerance. At 20,000 resamples a 2.5% quantile's Monte Carlo sd is about 0.019
    standard errors, so two independent estimates differ by more than 0.12 standard errors
    (4.5 sd) essentially never."""
    table = compare_groups(four_outlets, value="score", by="outlet", n_boot=20_000, seed=1, cluster=cluster)
    assert len(table) == 6
    groups = dict(iter(four_outlets.groupby("outlet")))
    for row in table.itertuples():
        a, b = groups[row.group_a], groups[row.group_b]
        if cluster:
            samples, statistic = _difference_of_pooled_means(a, b)
        else:
            samples, statistic = (a["score"].to_numpy(), b["score"].to_numpy()), _difference_of_means
        ref = _scipy_difference_interval(*samples, statistic=statistic, n_resamples=20_000, seed=2)
        tolerance = 0.12 * ref.standard_error
        assert row.diff == pytest.approx(statistic(*samples))
        assert abs(row.diff_ci_low - ref.confidence_interval.low) < tolerance, row
        assert abs(row.diff_ci_high - ref.confidence_interval.high) < tolerance, row


@pytest.mark.parametrize("cluster", [None, "doc_id"])
def test_same_seed_same_table_other_seed_other_intervals(four_outlets, cluster):
    settings = {"value": "score", "by": "outlet", "n_boot": 500, "cluster": cluster}
    first = compare_groups(four_outlets, seed=3, **settings)
    pd.testing.assert_frame_equal(first, compare_groups(four_outlets, seed=3, **settings), check_exact=True)
    other = compare_groups(four_outlets, seed=4, **settings)
    pd.testing.assert_frame_equal(
        first.drop(columns=["diff_ci_low", "diff_ci_high"]), other.drop(columns=["diff_ci_low", "diff_ci_high"])
    )
    assert (first["diff_ci_low"] != other["diff_ci_low"]).all()


@pytest.mark.parametrize("cluster", [None, "doc_id"])
def test_a_group_has_one_bootstrap_for_every_pair_and_its_summary(four_outlets, cluster):
    """Each group's draws come from its summary row's generator, once: its summary interval is
    the percentile interval of those draws, and every pair's interval is that of the
    difference of the two groups' draws."""
    settings = {"value": "score", "by": "outlet", "n_boot": 700, "seed": 9, "cluster": cluster}
    table = compare_groups(four_outlets, **settings)
    summary = summarize_groups(four_outlets, **settings).set_index("group")
    draws = {g: _boot_mean(part, "score", cluster, 700, _group_rng(9, g)) for g, part in four_outlets.groupby("outlet")}
    for g, boot in draws.items():
        assert summary.loc[g, ["ci_low", "ci_high"]].tolist() == pytest.approx(_percentiles(boot, 0.95), rel=1e-12)
    for row in table.itertuples():
        expected = _percentiles(draws[row.group_a] - draws[row.group_b], 0.95)
        assert (row.diff_ci_low, row.diff_ci_high) == expected


@pytest.mark.parametrize("cluster", [None, "doc_id"])
def test_a_pair_with_a_constant_group_has_the_other_groups_summary_interval(four_outlets, cluster):
    """A group whose every value is 0.25 has every bootstrap mean 0.25, so the interval of
    (a - it) is a's summary interval shifted by 0.25, for every a: a's draws in the contrasts
    are those of its summary row (checked on the tables alone)."""
    flat = pd.DataFrame({"doc_id": np.repeat(np.arange(1000, 1006), 3), "outlet": "zz", "score": 0.25})
    frame = pd.concat([four_outlets, flat], ignore_index=True)
    settings = {"value": "score", "by": "outlet", "n_boot": 400, "seed": 2, "cluster": cluster}
    summary = summarize_groups(frame, **settings).set_index("group")
    pairs = compare_groups(frame, **settings)
    with_flat = pairs[pairs["group_b"] == "zz"]
    assert len(with_flat) == 4
    for row in with_flat.itertuples():
        low, high = summary.loc[row.group_a, ["ci_low", "ci_high"]]
        assert (row.diff_ci_low, row.diff_ci_high) == pytest.approx((low - 0.25, high - 0.25), rel=1e-12, abs=1e-12)
