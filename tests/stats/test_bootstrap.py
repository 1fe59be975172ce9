"""Bootstrap intervals checked against scipy and hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools.stats import bootstrap_ci, summarize_groups


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


def test_summarize_groups_estimates_and_reproducibility(sample):
    frame = pd.DataFrame({"g": ["b"] * 30 + ["a"] * 30, "x": sample})
    table = summarize_groups(frame, value="x", by="g", n_boot=3000, seed=5)
    expected = frame.groupby("g")["x"].agg(["size", "mean"])
    assert table["group"].tolist() == ["a", "b"]
    assert table["n"].tolist() == expected["size"].tolist()
    assert np.allclose(table["estimate"], expected["mean"])
    assert (table["ci_low"] < table["estimate"]).all() and (table["estimate"] < table["ci_high"]).all()
    pd.testing.assert_frame_equal(table, summarize_groups(frame, value="x", by="g", n_boot=3000, seed=5))
    # a group's interval does not depend on the other groups
    only_a = summarize_groups(frame[frame["g"] == "a"], value="x", by="g", n_boot=3000, seed=5)
    assert only_a.iloc[0].tolist() == table.iloc[0].tolist()


def test_summarize_groups_matches_scipy_per_group(sample):
    frame = pd.DataFrame({"g": ["a"] * 60, "x": sample})
    row = summarize_groups(frame, value="x", by="g", n_boot=20000).iloc[0]
    ref = sps.bootstrap(
        (sample,), np.mean, n_resamples=20000, method="percentile", random_state=np.random.default_rng(0)
    ).confidence_interval
    assert row["ci_low"] == pytest.approx(ref.low, abs=0.05) and row["ci_high"] == pytest.approx(ref.high, abs=0.05)


def test_summarize_groups_whole_table_and_missing_values():
    frame = pd.DataFrame({"x": [1.0, np.nan, 3.0]})
    table = summarize_groups(frame, value="x", by=None, n_boot=200)
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
    rows = summarize_groups(frame, value="x", by=None, n_boot=4000).iloc[0]
    docs = summarize_groups(frame, value="x", by=None, n_boot=4000, cluster="doc_id").iloc[0]
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


def test_summarize_groups_missing_column():
    with pytest.raises(KeyError, match="missing column"):
        summarize_groups(pd.DataFrame({"x": [1.0]}), value="x", by="outlet")
