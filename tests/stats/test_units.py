"""Article-level inference: interval coverage on simulated corpora, the unit option, the
fewer-than-3-articles rule."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools.stats import MIN_CLUSTERS, compare_groups, resolve_unit, summarize_groups
from corpus_tools.stats.bootstrap import _group_rng, _percentiles
from corpus_tools.stats.compare import _boot_mean, _p_value, _test_values

N_CORPORA = 200
TRUE_DIFF = 0.3


def _simulate_corpus(rng: np.random.Generator, *, n_articles: int = 25) -> pd.DataFrame:
    """Two groups of ``n_articles`` articles of 4 to 16 sentences; a sentence's score is its
    group's mean + its article's level (sd 0.5) + noise (sd 0.5): sentences of one article are
    correlated (intra-article correlation 0.5). Group b's mean is ``TRUE_DIFF`` below a's."""
    lengths = rng.integers(4, 17, size=2 * n_articles)
    doc = np.repeat(np.arange(2 * n_articles), lengths)
    group = np.where(doc < n_articles, "a", "b")
    level = rng.normal(0, 0.5, size=2 * n_articles)[doc]
    score = np.where(group == "a", TRUE_DIFF, 0.0) + level + rng.normal(0, 0.5, size=doc.size)
    return pd.DataFrame({"doc_id": doc, "g": group, "x": score})


@pytest.fixture(scope="module")
def coverage():
    """Share of the 200 simulated corpora whose 95% interval of the difference a - b covers
    the true difference, resampling articles (the default unit) or sentences.

    Calls the resampling functions compare_groups uses (each group's own seeded stream), without
    the table handling around them, to stay fast;
    test_compare_groups_interval_is_the_resampling_below checks that they are the same."""
    rng = np.random.default_rng(2024)
    covered = {"article": 0, "sentence": 0}
    for i in range(N_CORPORA):
        frame = _simulate_corpus(rng)
        for unit, cluster in (("article", "doc_id"), ("sentence", None)):
            low, high = _difference_interval(frame, cluster, n_boot=999, seed=i)
            covered[unit] += bool(low <= TRUE_DIFF <= high)
    return {unit: n / N_CORPORA for unit, n in covered.items()}


def _difference_interval(frame: pd.DataFrame, cluster, *, n_boot: int, seed: int) -> tuple[float, float]:
    a, b = frame[frame["g"] == "a"], frame[frame["g"] == "b"]
    boot = _boot_mean(a, "x", cluster, n_boot, _group_rng(seed, "a")) - _boot_mean(
        b, "x", cluster, n_boot, _group_rng(seed, "b")
    )
    return _percentiles(boot, 0.95)


def test_compare_groups_interval_is_the_resampling_below():
    frame = _simulate_corpus(np.random.default_rng(3))
    for cluster in ("doc_id", None):
        row = compare_groups(frame, value="x", by="g", n_boot=499, seed=5, cluster=cluster).iloc[0]
        assert (row["diff_ci_low"], row["diff_ci_high"]) == pytest.approx(
            _difference_interval(frame, cluster, n_boot=499, seed=5)
        )


def test_article_level_interval_covers_the_truth_about_95_percent(coverage):
    shares = coverage
    # 200 intervals at 95%: the binomial 99.9% range is about 0.90-0.99.
    assert 0.90 <= shares["article"] <= 0.99, shares


def test_sentence_level_interval_covers_clearly_less(coverage):
    shares = coverage
    # Sentences of one article are correlated: treating them as independent makes the interval
    # too narrow (the design effect here is about 5, so coverage falls to about 60%).
    assert shares["sentence"] < 0.80, shares
    assert shares["sentence"] < shares["article"] - 0.15, shares


def test_article_level_test_has_power_and_compares_article_means():
    frame = _simulate_corpus(np.random.default_rng(7))
    row = compare_groups(frame, value="x", by="g", n_boot=200, cluster="doc_id").iloc[0]
    means = frame.groupby(["g", "doc_id"])["x"].mean()
    assert row["p_value"] == pytest.approx(sps.mannwhitneyu(means["a"], means["b"]).pvalue)
    assert (row["n_clusters_a"], row["n_clusters_b"]) == (25, 25)
    assert row["note"] == ""


def test_article_level_p_values_are_calibrated_under_no_difference():
    """No group difference: the article-level test (article means, as compare_groups tests
    them) rejects at 5% about 5% of the time, the sentence-level one far more often (the
    p = 5.8e-16 between BBC topics of a test that counts sentences)."""
    rng = np.random.default_rng(11)
    rejected = {"doc_id": 0, None: 0}
    for _ in range(200):
        frame = _simulate_corpus(rng)
        frame["x"] = frame["x"] - np.where(frame["g"] == "a", TRUE_DIFF, 0.0)
        a, b = frame[frame["g"] == "a"], frame[frame["g"] == "b"]
        for cluster in rejected:
            x, y = _test_values(a, "x", cluster), _test_values(b, "x", cluster)
            rejected[cluster] += _p_value(x, y, test="mannwhitney", n_boot=0, seed=0) < 0.05
    assert rejected["doc_id"] <= 20, rejected  # binomial(200, 0.05): 21 or more has p < 0.001
    assert rejected[None] >= 40, rejected


@pytest.mark.parametrize(
    ("sizes", "expected_notes"),
    [
        ((3, 3), ["", ""]),
        ((2, 5), ["'a' has 2 articles (fewer than 3): estimate only, no interval or test", ""]),
        ((1, 1), ["'a' has 1 article (fewer than 3): estimate only", "'b' has 1 article (fewer than 3)"]),
    ],
)
def test_groups_with_fewer_than_three_articles_get_an_estimate_and_a_note(sizes, expected_notes):
    docs = np.repeat(np.arange(sum(sizes)), 4)
    frame = pd.DataFrame({"doc_id": docs, "g": np.where(docs < sizes[0], "a", "b")})
    frame["x"] = np.random.default_rng(0).normal(size=len(frame))
    table = summarize_groups(frame, value="x", by="g", n_boot=200, cluster="doc_id")
    assert table["estimate"].tolist() == pytest.approx(frame.groupby("g")["x"].mean().tolist())
    for note, row in zip(expected_notes, table.itertuples()):
        assert row.note.startswith(note)
        assert np.isnan(row.ci_low) == bool(note) and np.isnan(row.ci_high) == bool(note)
    pair = compare_groups(frame, value="x", by="g", n_boot=200, cluster="doc_id").iloc[0]
    few = min(sizes) < MIN_CLUSTERS
    assert np.isnan(pair["p_value"]) == few and np.isnan(pair["diff_ci_low"]) == few
    assert np.isnan(pair["p_adjusted"]) == few
    assert pair["diff"] == pytest.approx(frame.loc[frame.g == "a", "x"].mean() - frame.loc[frame.g == "b", "x"].mean())
    assert (pair["note"] != "") == few


def test_a_small_pair_is_left_out_of_the_adjustment():
    """Holm over the pairs that have a test: a pair without one does not count."""
    docs = np.repeat(np.arange(11), 3)
    g = np.array(["a"] * 5 + ["b"] * 5 + ["c"])[docs]
    frame = pd.DataFrame({"doc_id": docs, "g": g, "x": np.random.default_rng(3).normal(size=docs.size)})
    table = compare_groups(frame, value="x", by="g", n_boot=200, cluster="doc_id", p_adjust="bonferroni")
    tested = table["p_value"].notna()
    assert tested.tolist() == [True, False, False]
    assert table.loc[0, "p_adjusted"] == pytest.approx(table.loc[0, "p_value"])


def test_sentence_level_has_no_minimum_and_no_note():
    frame = pd.DataFrame({"doc_id": [0, 0, 0, 1, 1, 1], "g": list("aaabbb"), "x": [1, 2, 3, 4, 5, 6.0]})
    table = summarize_groups(frame, value="x", by="g", n_boot=200)
    assert table["ci_low"].notna().all() and (table["note"] == "").all()


def test_resolve_unit_and_the_old_cluster_keyword():
    assert resolve_unit() == ("doc_id", "article")
    assert resolve_unit("sentence") == (None, "sentence (descriptive)")
    with pytest.warns(DeprecationWarning, match=r"f\(cluster=\.\.\.\) is replaced by unit="):
        assert resolve_unit("article", cluster=None, caller="f") == (None, "sentence (descriptive)")
    with pytest.raises(ValueError, match='use unit="article"'):
        resolve_unit("doc")
