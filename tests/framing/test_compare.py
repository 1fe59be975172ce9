"""Group comparisons, chi-square, co-occurrence, actors x frames (corpus_tools.framing.compare)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import kruskal, mannwhitneyu
from scipy.stats.contingency import association

from corpus_tools import framing


def _twice(sentence_scores):
    """The four documents and a copy of each (doc_id + "2"): four documents per outlet."""
    return pd.concat([sentence_scores, sentence_scores.assign(doc_id=sentence_scores["doc_id"] + "2")])


def test_compare_frames_differences_and_intervals(sentence_scores):
    table = framing.compare_frames(_twice(sentence_scores), by="outlet", n_boot=500, seed=3)
    f = table.set_index("frame").loc["f"]
    assert f["share_a"] == pytest.approx(4 / 6) and f["share_b"] == pytest.approx(1 / 6)
    assert f["diff"] == pytest.approx(0.5) and (f["n_a"], f["n_b"]) == (4, 4)
    assert f["diff_ci_low"] <= f["diff"] <= f["diff_ci_high"]
    assert f["unit"] == "article" and f["note"] == ""
    # p-values: Mann-Whitney on per-document shares (x: a 2/4, b 2/2; y: c 0/4, d 1/2 for f;
    # x: 0, 0 and y: 1/4, 0 for g; each document twice), then Holm over both frames, by hand
    expected = {
        "f": mannwhitneyu([0.5, 1.0] * 2, [0.0, 0.5] * 2, alternative="two-sided").pvalue,
        "g": mannwhitneyu([0.0, 0.0] * 2, [0.25, 0.0] * 2, alternative="two-sided").pvalue,
    }
    by_frame = table.set_index("frame")
    assert by_frame["p_value"].to_dict() == pytest.approx(expected)
    low, high = sorted(expected.values())
    holm = {k: min(1.0, 2 * low) if v == low else min(1.0, max(2 * low, high)) for k, v in expected.items()}
    assert by_frame["p_adjusted"].to_dict() == pytest.approx(holm)
    again = framing.compare_frames(_twice(sentence_scores), by="outlet", n_boot=500, seed=3)
    pd.testing.assert_frame_equal(table, again)


def test_compare_frames_with_two_articles_per_group_has_no_test(sentence_scores):
    article = framing.compare_frames(sentence_scores, by="outlet", n_boot=200).set_index("frame")
    assert article["p_value"].isna().all() and article["diff_ci_low"].isna().all()
    assert article.loc["f", "diff"] == pytest.approx(0.5)
    assert article.loc["f", "note"] == (
        "'x' has 2 articles (fewer than 3): estimate only, no interval or test; "
        "'y' has 2 articles (fewer than 3): estimate only, no interval or test"
    )
    sentence = framing.compare_frames(sentence_scores, by="outlet", n_boot=200, unit="sentence").set_index("frame")
    assert (sentence["unit"] == "sentence (descriptive)").all() and (sentence["n_a"] == 6).all()
    x = [1, 1, 0, 0, 1, 1]
    y = [0, 0, 0, 0, 1, 0]
    assert sentence.loc["f", "p_value"] == pytest.approx(mannwhitneyu(x, y, alternative="two-sided").pvalue)


@pytest.mark.parametrize(
    ("copies", "small", "n_groups"),
    [(1, "x, y", 0), (2, "", 2), (3, "", 2)],
)
def test_kruskal_is_an_article_level_test_per_frame(sentence_scores, copies, small, n_groups):
    scores = pd.concat([sentence_scores.assign(doc_id=sentence_scores["doc_id"] + str(i)) for i in range(copies)])
    table = framing.compare_frames_kruskal(scores, by="outlet").set_index("frame")
    assert (table["unit"] == "article").all() and (table["n_groups"] == n_groups).all()
    if small:
        assert table["p_value"].isna().all() and f"fewer than 3 articles): {small}" in table.loc["f", "note"]
        return
    shares_x, shares_y = [0.5, 1.0] * copies, [0.0, 0.5] * copies
    expected = kruskal(shares_x, shares_y)
    assert table.loc["f", "h"] == pytest.approx(expected.statistic)
    assert table.loc["f", "p_value"] == pytest.approx(expected.pvalue)
    assert table.loc["f", "n_articles"] == 4 * copies


def test_chi2_and_cramers_v_against_scipy(sentence_scores):
    table = framing.compare_frames_chi2(sentence_scores, by="outlet").set_index("frame")
    observed = np.array([[4, 2], [1, 5]])  # x: 4 with f, 2 without; y: 1 with, 5 without
    assert table.loc["f", "cramers_v"] == pytest.approx(association(observed, method="cramer", correction=False))
    assert table.loc["f", "n"] == 12 and table.loc["f", "dof"] == 1
    assert "(all frames)" in table.index
    # sentences are not independent: the table says it is a description, and which test to trust
    assert (table["unit"] == "sentence (descriptive)").all()
    assert table["note"].str.contains("trust the article-level tests").all()
    assert framing.cramers_v([[3, 1, 0], [0, 2, 5]]) == pytest.approx(
        association(np.array([[3, 1, 0], [0, 2, 5]]), method="cramer")
    )


def test_cooccurrence_by_hand(sentence_scores):
    table = framing.count_frame_cooccurrence(sentence_scores).set_index(["frame_a", "frame_b"])
    assert table.loc[("f", "g"), "n_both"] == 0 and table.loc[("f", "f"), "n_a"] == 5
    docs = framing.count_frame_cooccurrence(sentence_scores, unit="document").set_index(["frame_a", "frame_b"])
    assert docs.loc[("f", "f"), "n_a"] == 3 and docs.loc[("g", "g"), "n_a"] == 1 and docs.loc[("f", "g"), "n_both"] == 0


def test_actor_frames_count_sentences_where_both_occur(make_sents, frames_file):
    sents = make_sents("Putin rejected security guarantees.", "Putin spoke.", "Macron promised troops and sanctions.")
    hits = framing.match_frames(sents, dictionary=frames_file)
    table = framing.count_actor_frames(sents, hits).set_index(["actor", "frame"])
    assert table.loc[("Russia", "security"), ["n_sentences", "actor_sentences"]].tolist() == [1, 2]
    assert table.loc[("Russia", "security"), "share"] == pytest.approx(0.5)
    assert table.loc[("France", "economy"), "n_sentences"] == 1
    assert ("Russia", "economy") not in table.index


def test_cramers_v_is_scipys_association_without_correction():
    rng = np.random.default_rng(4)
    for shape in [(2, 2), (2, 5), (4, 3)]:
        table = rng.integers(1, 30, shape)
        expected = association(table, method="cramer", correction=False)
        assert framing.cramers_v(table) == pytest.approx(expected)
        assert framing.cramers_v(pd.DataFrame(table.astype(float))) == pytest.approx(expected)
    assert math.isnan(framing.cramers_v([[3, 0], [0, 0]]))  # one row and column left: undefined
    with pytest.raises(ValueError, match="counts"):
        framing.cramers_v([[0.5, 1], [1, 2]])
