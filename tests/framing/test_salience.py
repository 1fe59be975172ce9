"""Salience, dominant frames and shares with intervals (corpus_tools.framing.salience)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import framing


def test_salience_and_dominant_frames_by_hand(frames_file, fixture_corpus):
    scores = framing.score_frames(fixture_corpus, dictionary=frames_file, by="outlet")
    salience = framing.count_frame_salience(scores, by="outlet").set_index(["group", "frame"])
    # outlet x: 9 + 4 = 13 words, 3 sentences; economy hits 1 + 2 = 3 in 2 sentences, both documents
    assert salience.loc[("x", "economy"), "per_10k"] == pytest.approx(10_000 * 3 / 13)
    assert salience.loc[("x", "economy"), "share_sentences"] == pytest.approx(2 / 3)
    assert salience.loc[("x", "economy"), "share_documents"] == pytest.approx(1.0)
    assert salience.loc[("x", "security"), "share_documents"] == pytest.approx(0.5)
    assert salience.loc[("y", "security"), "hits"] == 0
    dominant = framing.count_dominant_frames(scores).set_index("doc_id")
    # document a: security 2 hits (security guarantees, troops), economy 1 (sanctions): no tie
    assert dominant.loc["a", "dominant_frame"] == "security"
    assert dominant.loc["a", "share_of_hits"] == pytest.approx(2 / 3)
    assert dominant.loc["b", "dominant_frame"] == "economy" and dominant.loc["c", "dominant_frame"] == "(none)"
    assert dominant.loc["c", "outlet"] == "y"


def test_dominant_frame_ties_are_joined():
    scores = pd.DataFrame({"doc_id": ["a", "a"], "frame": ["x", "y"], "hits": [2, 2]})
    assert framing.count_dominant_frames(scores)["dominant_frame"].tolist() == ["x / y"]


def test_frame_shares_interval_per_group(sentence_scores):
    shares = framing.summarize_frames(sentence_scores, by="outlet", n_boot=300).set_index(["group", "frame"])
    assert shares.loc[("x", "f"), "estimate"] == pytest.approx(4 / 6)
    assert shares.loc[("x", "f"), "n_clusters"] == 2
    # two articles per outlet: the share, no interval, and the reason
    assert shares[["ci_low", "ci_high"]].isna().all().all()
    assert shares.loc[("x", "f"), "note"].startswith("'x' has 2 articles (fewer than 3)")
    assert (shares["unit"] == "article").all()
    # three copies of each document: six articles per outlet, an interval from resampling them
    tripled = pd.concat([sentence_scores.assign(doc_id=sentence_scores["doc_id"] + str(i)) for i in range(3)])
    shares = framing.summarize_frames(tripled, by="outlet", n_boot=300).set_index(["group", "frame"])
    assert shares.loc[("x", "f"), "n_clusters"] == 6 and shares.loc[("x", "f"), "note"] == ""
    assert shares.loc[("x", "f"), "ci_low"] <= 4 / 6 <= shares.loc[("x", "f"), "ci_high"]
    # sentences resampled: a description, labelled so
    described = framing.summarize_frames(sentence_scores, by="outlet", n_boot=300, unit="sentence")
    assert (described["unit"] == "sentence (descriptive)").all() and described["ci_low"].notna().all()
