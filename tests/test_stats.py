"""Statistics checked against scipy and hand-computed values."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools.stats import bootstrap_ci, bootstrap_groups, cliffs_delta, cohens_d, compare_groups, p_adjust


@pytest.fixture(scope="module")
def sample():
    return np.random.default_rng(42).normal(loc=1.0, scale=2.0, size=60)


@pytest.mark.parametrize("stat", [np.mean, np.median])
def test_bootstrap_ci_matches_scipy_percentile(sample, stat):
    est, low, high = bootstrap_ci(sample, stat=stat, n_boot=20000, seed=1)
    ref = sps.bootstrap(
        (sample,),
        stat,
        n_resamples=20000,
        method="percentile",
        confidence_level=0.95,
        random_state=np.random.default_rng(7),
    ).confidence_interval
    assert est == pytest.approx(stat(sample))
    # Monte-Carlo tolerance: different random draws, same percentile method
    assert low == pytest.approx(ref.low, abs=0.05) and high == pytest.approx(ref.high, abs=0.05)


def test_bootstrap_ci_reproducible_and_seed_dependent(sample):
    assert bootstrap_ci(sample, seed=3) == bootstrap_ci(sample, seed=3)
    assert bootstrap_ci(sample, seed=3) != bootstrap_ci(sample, seed=4)


def test_bootstrap_ci_level_widens_interval(sample):
    _, low90, high90 = bootstrap_ci(sample, ci=0.90, n_boot=5000)
    _, low99, high99 = bootstrap_ci(sample, ci=0.99, n_boot=5000)
    assert low99 < low90 < high90 < high99


def test_bootstrap_ci_statistic_without_axis(sample):
    est, low, high = bootstrap_ci(sample, stat=lambda x: float(np.percentile(x, 75)), n_boot=500)
    assert est == pytest.approx(np.percentile(sample, 75)) and low <= est <= high


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"values": []}, "no \\(non-missing\\) values"),
        ({"values": [1, 2], "ci": 95}, "ci must be between"),
        ({"values": [1, 2], "n_boot": 0}, "n_boot"),
    ],
)
def test_bootstrap_ci_errors(kwargs, message):
    values = kwargs.pop("values")
    with pytest.raises(ValueError, match=message):
        bootstrap_ci(values, **kwargs)


def test_bootstrap_groups_estimates_and_reproducibility(sample):
    frame = pd.DataFrame({"g": ["b"] * 30 + ["a"] * 30, "x": sample})
    table = bootstrap_groups(frame, value="x", by="g", n_boot=3000, seed=5)
    expected = frame.groupby("g")["x"].agg(["size", "mean"])
    assert table["group"].tolist() == ["a", "b"]
    assert table["n"].tolist() == expected["size"].tolist()
    assert np.allclose(table["estimate"], expected["mean"])
    assert (table["ci_low"] < table["estimate"]).all() and (table["estimate"] < table["ci_high"]).all()
    pd.testing.assert_frame_equal(table, bootstrap_groups(frame, value="x", by="g", n_boot=3000, seed=5))
    # a group's interval does not depend on the other groups
    only_a = bootstrap_groups(frame[frame["g"] == "a"], value="x", by="g", n_boot=3000, seed=5)
    assert only_a.iloc[0].tolist() == table.iloc[0].tolist()


def test_bootstrap_groups_matches_scipy_per_group(sample):
    frame = pd.DataFrame({"g": ["a"] * 60, "x": sample})
    row = bootstrap_groups(frame, value="x", by="g", n_boot=20000).iloc[0]
    ref = sps.bootstrap(
        (sample,), np.mean, n_resamples=20000, method="percentile", random_state=np.random.default_rng(0)
    ).confidence_interval
    assert row["ci_low"] == pytest.approx(ref.low, abs=0.05) and row["ci_high"] == pytest.approx(ref.high, abs=0.05)


def test_bootstrap_groups_whole_table_and_missing_values():
    frame = pd.DataFrame({"x": [1.0, np.nan, 3.0]})
    table = bootstrap_groups(frame, value="x", n_boot=200)
    assert table[["group", "n", "estimate"]].values.tolist() == [["all", 2, 2.0]]


def test_cluster_bootstrap_is_wider_for_correlated_rows():
    """Sentences of one document share the document's level: resampling documents must give
    a wider interval than pretending the sentences are independent."""
    rng = np.random.default_rng(0)
    doc_level = rng.normal(0, 1, size=20)
    frame = pd.DataFrame(
        {
            "doc_id": np.repeat(np.arange(20), 15),
            "x": np.repeat(doc_level, 15) + rng.normal(0, 0.1, size=300),
        }
    )
    rows = bootstrap_groups(frame, value="x", n_boot=4000).iloc[0]
    docs = bootstrap_groups(frame, value="x", n_boot=4000, cluster="doc_id").iloc[0]
    assert docs["n_clusters"] == 20 and docs["estimate"] == pytest.approx(frame["x"].mean())
    assert (docs["ci_high"] - docs["ci_low"]) > 2.5 * (rows["ci_high"] - rows["ci_low"])
    # independent check: the percentile interval of document means (equal-size documents)
    ref = sps.bootstrap(
        (frame.groupby("doc_id")["x"].mean().to_numpy(),),
        np.mean,
        n_resamples=4000,
        method="percentile",
        random_state=np.random.default_rng(3),
    ).confidence_interval
    assert docs["ci_low"] == pytest.approx(ref.low, abs=0.05) and docs["ci_high"] == pytest.approx(ref.high, abs=0.05)


def test_bootstrap_groups_missing_column():
    with pytest.raises(KeyError, match="missing column"):
        bootstrap_groups(pd.DataFrame({"x": [1.0]}), value="x", by="outlet")


@pytest.mark.parametrize(
    ("a", "b", "hedges", "expected"),
    [
        # means 3 and 5, both variances 2.5: d = -2 / sqrt(2.5)
        ([1, 2, 3, 4, 5], [3, 4, 5, 6, 7], False, -2 / np.sqrt(2.5)),
        # Hedges: J = 1 - 3 / (4 * 10 - 9) = 28 / 31
        ([1, 2, 3, 4, 5], [3, 4, 5, 6, 7], True, -2 / np.sqrt(2.5) * 28 / 31),
        # unequal sizes: means 2 and 5, variances 1 (n=3) and 2/3 (n=4); pooled = (2*1 + 3*2/3)/5 = 0.8
        ([1, 2, 3], [4, 5, 5, 6], False, -3 / np.sqrt(0.8)),
        ([1, 1, 1], [1, 1], False, np.nan),
    ],
)
def test_cohens_d_hand_values(a, b, hedges, expected):
    assert cohens_d(a, b, hedges=hedges) == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1, 2, 3], [4, 5, 6], -1.0),
        ([4, 5, 6], [1, 2, 3], 1.0),
        ([1, 2], [1, 2], 0.0),
        ([1, 2, 3], [2, 2, 4], -3 / 9),
    ],  # a>b: 3>2 twice; a<b: 1<2 twice, 1<4, 2<4, 3<4 -> (2-5)/9
)
def test_cliffs_delta_hand_values(a, b, expected):
    assert cliffs_delta(a, b) == pytest.approx(expected)


def test_cliffs_delta_matches_mann_whitney_u():
    rng = np.random.default_rng(1)
    a, b = rng.integers(0, 6, size=40).astype(float), rng.integers(1, 7, size=55).astype(float)  # many ties
    u = sps.mannwhitneyu(a, b).statistic
    assert cliffs_delta(a, b) == pytest.approx(2 * u / (a.size * b.size) - 1)


PVALUES = [0.01, 0.04, 0.03, 0.005, 0.2]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("bonferroni", [0.05, 0.2, 0.15, 0.025, 1.0]),
        # sorted 0.005, 0.01, 0.03, 0.04, 0.2 times 5, 4, 3, 2, 1 = .025, .04, .09, .08, .2; running max
        ("holm", [0.04, 0.09, 0.09, 0.025, 0.2]),
        # sorted times 5/rank = .025, .025, .05, .05, .2; running min from the top
        ("fdr_bh", [0.025, 0.05, 0.05, 0.025, 0.2]),
        ("none", PVALUES),
    ],
)
def test_p_adjust_hand_values(method, expected):
    assert p_adjust(PVALUES, method=method) == pytest.approx(expected)


def test_p_adjust_bh_matches_scipy():
    p = np.random.default_rng(3).uniform(0, 0.2, size=25)
    assert p_adjust(p, method="fdr_bh") == pytest.approx(sps.false_discovery_control(p, method="bh"))


def test_p_adjust_keeps_nan_and_rejects_unknown_method():
    assert p_adjust([0.01, np.nan, 0.02], method="bonferroni") == pytest.approx([0.02, np.nan, 0.04], nan_ok=True)
    with pytest.raises(ValueError, match="unknown p-value adjustment 'fdr'"):
        p_adjust([0.1], method="fdr")


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
