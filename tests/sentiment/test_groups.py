"""Group summaries and contrasts, arcs and lexicon agreement, checked against independent computations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools import sentiment


def test_group_bootstrap_is_reproducible_and_matches_scipy(fixture_corpus, seed_sentences):
    scores = sentiment.score_sentences(seed_sentences, lexicons=["vader"])
    scores["outlet"] = np.where(scores["doc_id"].str[:3] < "002", "A", "B")
    first = sentiment.summarize_groups(scores, by="outlet", n_boot=5000, seed=7)
    again = sentiment.summarize_groups(scores, by="outlet", n_boot=5000, seed=7)
    other = sentiment.summarize_groups(scores, by="outlet", n_boot=5000, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not first["ci_low"].equals(other["ci_low"])
    for row in first.itertuples():
        x = scores.loc[scores["outlet"] == row.group, "compound"].to_numpy()
        assert row.estimate == pytest.approx(x.mean())
        ref = sps.bootstrap((x,), np.mean, n_resamples=20000, method="percentile", random_state=1).confidence_interval
        assert row.ci_low == pytest.approx(ref.low, abs=0.02)
        assert row.ci_high == pytest.approx(ref.high, abs=0.02)


def test_compare_groups_against_an_independent_computation(fixture_corpus, fixture_scores):
    table = sentiment.compare_groups(fixture_scores, by="outlet", corpus=fixture_corpus, n_boot=500, seed=1)
    row = table[table["lexicon"] == "vader"].iloc[0]
    vader = fixture_scores[fixture_scores["lexicon"] == "vader"]
    outlet = vader["doc_id"].map(fixture_corpus.set_index("doc_id")["outlet"])
    a = vader.loc[outlet == row["group_a"], "compound"].to_numpy()
    b = vader.loc[outlet == row["group_b"], "compound"].to_numpy()
    assert row["diff"] == pytest.approx(a.mean() - b.mean())
    pairs = [np.sign(x - y) for x in a for y in b]
    assert row["cliffs_delta"] == pytest.approx(sum(pairs) / len(pairs))
    assert row["diff_ci_low"] <= row["diff"] <= row["diff_ci_high"]


def test_arcs_average_sentences_by_relative_position():
    s = pd.DataFrame(
        {
            "doc_id": "a",
            "lexicon": "vader",
            "position": [0, 0.2, 0.5, 0.8, 1.0],
            "compound": [0.5, 0.1, -0.2, -0.4, 0.0],
        }
    )
    arcs = sentiment.summarize_arcs(s, n_bins=2)
    assert arcs["n_sentences"].tolist() == [2, 3]
    assert arcs["compound"].tolist() == pytest.approx([0.3, (-0.2 - 0.4 + 0.0) / 3])


def test_lexicon_agreement_is_spearman_per_document(fixture_scores):
    table = sentiment.compare_lexicons(fixture_scores)
    wide = fixture_scores.pivot_table(index=["doc_id", "sent_id"], columns="lexicon", values="compound")
    expected = wide.loc["courier_02"][["vader", "afinn"]].corr(method="spearman").iloc[0, 1]
    row = table[(table["group"] == "courier_02") & (table["lexicon_a"] == "vader") & (table["lexicon_b"] == "afinn")]
    assert row["spearman"].iloc[0] == pytest.approx(expected)
    assert set(table["group"]) == {"all", "courier_01", "courier_02", "ledger_01", "ledger_02"}
