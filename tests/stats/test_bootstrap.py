"""Bootstrap intervals checked against scipy and hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools.groups import GroupWarning
from corpus_tools.stats import bootstrap as bootstrap_module
from corpus_tools.stats import bootstrap_ci, compare_groups, summarize_by, summarize_groups
from corpus_tools.stats.bootstrap import _boot_stat, _group_rng, _percentiles


@pytest.fixture(scope="module")
def sample():
    return np.random.default_rng(42).normal(loc=1.0, scale=2.0, size=60)


@pytest.fixture(scope="module")
def three_lexicons():
    """Sentence scores of 12 documents (4 sentences each) in 3 outlets, by 3 lexicons, two actors."""
    rng = np.random.default_rng(5)
    doc_id = np.repeat(np.arange(12), 4)
    base = pd.DataFrame(
        {
            "doc_id": doc_id,
            "outlet": np.array(["bbc", "cnn", "rt"])[doc_id % 3],
            "actor": np.where(np.arange(48) % 2, "NATO", "Russia"),
        }
    )
    return pd.concat(
        [base.assign(lexicon=lexicon, compound=rng.normal(0, 1, 48)) for lexicon in ("vader", "afinn", "lsd")],
        ignore_index=True,
    )


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


# ------------------------------------------------------------------ scipy.stats.bootstrap, same resamples


def _hand_interval(x, stat, n_boot, rng, ci=0.95):
    """The hand-written percentile bootstrap the package used before scipy.stats.bootstrap."""
    return _percentiles(_boot_stat(np.asarray(x, dtype=float), stat, n_boot, rng), ci)


@pytest.mark.parametrize(
    ("n", "n_boot", "stat", "chunk_values"),
    [
        (60, 2000, np.mean, None),
        (37, 999, np.median, None),
        (25, 300, lambda x: float(np.percentile(x, 75)), None),
        (50, 1001, np.mean, 5_000),  # several batches: 100 resamples at a time
        (2, 500, np.mean, None),
    ],
)
def test_bootstrap_ci_gives_the_hand_written_interval_for_a_seed(monkeypatch, n, n_boot, stat, chunk_values):
    """scipy.stats.bootstrap with batch = the old chunk draws the same resamples from the seeded
    generator, so the interval is the one the hand-written loop gave (to the last bits of the
    percentile interpolation)."""
    if chunk_values:
        monkeypatch.setattr(bootstrap_module, "_CHUNK_VALUES", chunk_values)
    x = np.random.default_rng(n).normal(size=n)
    for seed in (0, 7):
        est, low, high = bootstrap_ci(x, stat=stat, n_boot=n_boot, seed=seed)
        ref = _hand_interval(x, stat, n_boot, np.random.default_rng(seed))
        assert est == stat(x)
        assert (low, high) == pytest.approx(ref, rel=1e-12, abs=1e-15)


def test_summarize_groups_gives_the_hand_written_intervals_for_a_seed(sample):
    frame = pd.DataFrame({"g": ["b"] * 25 + ["a"] * 35, "x": sample})
    table = summarize_groups(frame, value="x", by="g", n_boot=1500, seed=4)
    for row in table.itertuples():
        x = frame.loc[frame["g"] == row.group, "x"]
        ref = _hand_interval(x, np.mean, 1500, _group_rng(4, row.group))
        assert (row.ci_low, row.ci_high) == pytest.approx(ref, rel=1e-12, abs=1e-15)


def test_bootstrap_ci_of_one_value_is_that_value():
    assert bootstrap_ci([2.5], n_boot=100) == (2.5, 2.5, 2.5)
    table = summarize_groups(pd.DataFrame({"g": ["a", "b", "b"], "x": [1.0, 2.0, 4.0]}), value="x", by="g")
    assert table.loc[0, ["estimate", "ci_low", "ci_high"]].tolist() == [1.0, 1.0, 1.0]


# ------------------------------------------------------------------ summarize_by


def test_summarize_by_is_summarize_groups_per_category(three_lexicons):
    table = summarize_by(three_lexicons, value="compound", per="lexicon", by="outlet", n_boot=500, seed=2)
    expected = pd.concat(
        [
            summarize_groups(part, value="compound", by="outlet", n_boot=500, seed=2).assign(lexicon=lexicon)
            for lexicon, part in three_lexicons.groupby("lexicon", sort=False)
        ],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(table, expected[["lexicon", "group", "n", "estimate", "ci_low", "ci_high", "note"]])
    assert table["lexicon"].unique().tolist() == ["vader", "afinn", "lsd"]  # order of first appearance


def test_summarize_by_several_columns_and_clusters(three_lexicons):
    table = summarize_by(
        three_lexicons, value="compound", per=["lexicon", "actor"], by="outlet", n_boot=300, cluster="doc_id"
    )
    assert list(table.columns) == [
        "lexicon",
        "actor",
        "group",
        "n",
        "n_clusters",
        "estimate",
        "ci_low",
        "ci_high",
        "note",
    ]
    part = three_lexicons[(three_lexicons["lexicon"] == "lsd") & (three_lexicons["actor"] == "NATO")]
    expected = summarize_groups(part, value="compound", by="outlet", n_boot=300, cluster="doc_id")
    got = table[(table["lexicon"] == "lsd") & (table["actor"] == "NATO")].drop(columns=["lexicon", "actor"])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)


def test_summarize_by_missing_column():
    with pytest.raises(KeyError, match="missing column"):
        summarize_by(pd.DataFrame({"doc_id": ["a"], "x": [1.0]}), value="x", per="lexicon")


# ------------------------------------------------------------------ the grouping policy


def test_summarize_groups_takes_by_from_documents():
    scores = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "x": [1.0, 3.0, 5.0, 7.0]})
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Post", "Times", "Post"]})
    table = summarize_groups(scores, value="x", by="outlet", documents=documents, n_boot=100)
    assert table[["group", "n", "estimate"]].values.tolist() == [["Post", 3, 11 / 3], ["Times", 1, 5.0]]
    # default: each document its own group
    assert summarize_groups(scores, value="x", n_boot=100)["group"].tolist() == ["a", "b", "c"]


def test_a_document_without_a_group_value_is_in_the_missing_group_everywhere(three_lexicons):
    """Regression: the document with no outlet was dropped (groupby dropna); it is now counted
    in the group "(missing)" by every function of the stage that takes by=, with a GroupWarning."""
    frame = three_lexicons.assign(outlet=three_lexicons["outlet"].where(three_lexicons["doc_id"] != 3, None))
    n_missing = int((frame["doc_id"] == 3).sum() / 3)  # sentences of document 3, per lexicon
    vader = frame[frame["lexicon"] == "vader"]
    with pytest.warns(GroupWarning, match=r"1 of \d+ document\(s\) have no 'outlet' value \(3\)"):
        groups = summarize_groups(vader, value="compound", by="outlet", n_boot=100)
    assert "(missing)" in groups["group"].tolist()
    assert groups.set_index("group").loc["(missing)", "n"] == n_missing
    assert groups["n"].sum() == len(vader)
    with pytest.warns(GroupWarning, match="counted in the group '\\(missing\\)'"):
        by_lexicon = summarize_by(frame, value="compound", per="lexicon", by="outlet", n_boot=100)
    assert (by_lexicon["group"] == "(missing)").sum() == 3 and by_lexicon["n"].sum() == len(frame)
    with pytest.warns(GroupWarning, match="no 'outlet' value"):
        pairs = compare_groups(vader, value="compound", by="outlet", n_boot=100)
    assert "(missing)" in set(pairs["group_a"]) | set(pairs["group_b"])
    assert len(pairs) == 6  # 4 groups (3 outlets and "(missing)"): 6 pairs


# -- the mean of many rows: Student's t interval -------------------------------------------------


def _many_scores(n: int, seed: int = 3) -> np.ndarray:
    """Sentence-score-like values in [-1, 1]: many exact zeros, skewed."""
    rng = np.random.default_rng(seed)
    x = np.round(rng.normal(0.1, 0.4, size=n).clip(-1, 1), 4)
    x[rng.random(n) < 0.4] = 0.0
    return x


def test_a_large_group_gets_the_t_interval_the_bootstrap_approximates():
    x = _many_scores(bootstrap_module.T_INTERVAL_MIN_VALUES + 5_000)
    table = summarize_groups(pd.DataFrame({"v": x, "g": "all"}), value="v", by="g", n_boot=2000, seed=0)
    row = table.iloc[0]
    low, high = sps.t.interval(0.95, x.size - 1, loc=x.mean(), scale=sps.sem(x))
    assert (row["ci_low"], row["ci_high"]) == (low, high) and "t interval" in row["note"]
    boot = sps.bootstrap((x,), np.mean, n_resamples=4000, method="percentile", random_state=1).confidence_interval
    se = sps.sem(x)  # the bootstrap's percentile interval, within its Monte Carlo error
    assert abs(boot.low - low) < 0.15 * se and abs(boot.high - high) < 0.15 * se


def test_a_group_at_the_threshold_keeps_the_bootstrap():
    x = _many_scores(bootstrap_module.T_INTERVAL_MIN_VALUES)
    table = summarize_groups(pd.DataFrame({"v": x, "g": "all"}), value="v", by="g", n_boot=50, seed=0)
    expected = sps.bootstrap(
        (x,),
        np.mean,
        n_resamples=50,
        batch=bootstrap_module._chunk(x.size),
        method="percentile",
        random_state=_group_rng(0, "all"),
    ).confidence_interval
    assert (table.iloc[0]["ci_low"], table.iloc[0]["ci_high"]) == (expected.low, expected.high)
    assert table.iloc[0]["note"] == ""


def test_a_large_constant_group_has_a_point_interval():
    table = summarize_groups(pd.DataFrame({"v": np.zeros(20_000), "g": "all"}), value="v", by="g", seed=0)
    assert table.iloc[0][["estimate", "ci_low", "ci_high"]].tolist() == [0.0, 0.0, 0.0]
