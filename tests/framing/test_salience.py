"""Salience, dominant frames and shares with intervals (corpus_tools.framing.salience)."""

from __future__ import annotations

import math

import numpy as np
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


def _summarize_frames_before(sentence_scores, by, corpus, n_boot, seed):
    """The previous implementation: ``stats.summarize_by`` over the rows."""
    from corpus_tools import stats
    from corpus_tools.groups import attach_groups

    sentence_scores = attach_groups(sentence_scores, by, documents=corpus)
    table = stats.summarize_by(
        sentence_scores.assign(present=sentence_scores["present"].astype(float)),
        value="present", per="frame", by="group", n_boot=n_boot, seed=seed, cluster="doc_id",
    )  # fmt: skip
    return table.assign(unit="article")[framing.salience.COLUMNS]


def _dominant_before(scores):
    """The previous implementation: a Python loop over the documents."""
    from corpus_tools.framing.frames import SCORE_COLUMNS

    rows = []
    for doc_id, part in scores.groupby("doc_id", sort=True):
        top = int(part["hits"].max())
        total = int(part["hits"].sum())
        names = " / ".join(part.loc[part["hits"] == top, "frame"]) if top > 0 else "(none)"
        rows.append((doc_id, names, top, top / total if total else math.nan))
    table = pd.DataFrame(rows, columns=["doc_id", "dominant_frame", "hits", "share_of_hits"])
    extra = [c for c in scores.columns if c not in SCORE_COLUMNS and scores.groupby("doc_id")[c].nunique().le(1).all()]
    return table.merge(scores[["doc_id", *extra]].drop_duplicates("doc_id"), on="doc_id") if extra else table


@pytest.mark.parametrize("uneven", [False, True])
def test_summarize_frames_equals_the_previous_implementation(generated_corpus, sentence_scores, uneven):
    docs, sentences, hits = generated_corpus
    scores = framing.score_frame_sentences(sentences, hits=hits, by="outlet", corpus=docs)
    if uneven:  # articles differ between frames, some sentences without a value
        scores = scores[np.random.default_rng(2).random(len(scores)) > 0.3].astype({"present": object})
        scores = scores[~((scores["frame"] == "conflict") & scores["doc_id"].isin(["d00", "d05"]))]
        scores.loc[scores.index[::13], "present"] = None
    for table, by, corpus in ((scores, "outlet", docs), (sentence_scores, "outlet", None), (scores, "doc_id", None)):
        for seed in (0, 4):
            new = framing.summarize_frames(table, by=by, corpus=corpus, n_boot=250, seed=seed)
            pd.testing.assert_frame_equal(new, _summarize_frames_before(table, by, corpus, 250, seed))
    assert new["note"].str.contains("fewer than 3").all()  # by doc_id: one article per group


def test_dominant_frames_equal_the_previous_implementation(generated_corpus, seeds_corpus, seeds_sentences):
    docs, sentences, hits = generated_corpus
    generated = framing.score_frames(docs, by="outlet", sentences=sentences, hits=hits)
    seeds = framing.score_frames(seeds_corpus, sentences=seeds_sentences)
    ties = pd.DataFrame({"doc_id": list("bbaacc"), "frame": list("xyyxxy"), "hits": [2, 2, 0, 1, 0, 0], "o": "k"})
    for scores in (generated, seeds, ties, generated.sample(frac=1.0, random_state=3)):
        pd.testing.assert_frame_equal(framing.count_dominant_frames(scores), _dominant_before(scores))
    assert (framing.count_dominant_frames(ties)["dominant_frame"] == ["x", "x / y", "(none)"]).all()
