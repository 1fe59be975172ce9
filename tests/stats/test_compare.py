"""Pairwise group comparisons checked against scipy and exact enumeration."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools.stats import compare_groups


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
