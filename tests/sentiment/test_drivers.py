"""Drivers (term counts and contributions) and the effect of overrides."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from corpus_tools import sentiment


def test_overrides_neutralise_a_word_and_show_the_effect():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Peace talks began. Troops wait.", "War returned."]})
    effect = sentiment.compare_overrides(corpus, overrides={"peace": None}, lexicons=["vader", "afinn"])
    a = effect.set_index(["doc_id", "lexicon"])
    assert a.loc[("a", "vader"), "compound_before"] == pytest.approx(
        (0.5423 + 0.0) / 2
    )  # reference: "Peace talks began."
    assert a.loc[("a", "vader"), "compound_after"] == 0.0
    assert a.loc[("a", "vader"), "n_sentences_changed"] == 1
    assert a.loc[("b", "vader"), "change"] == 0.0
    assert a.loc[("a", "afinn"), "compound_after"] == 0.0
    drivers = sentiment.count_drivers(corpus, overrides={"peace": None})
    assert "peace" not in set(drivers["term"])
    reweighted = sentiment.score_texts(["peace"], overrides={"peace": -2.0})["compound"].iloc[0]
    assert reweighted == pytest.approx(-2 / math.sqrt(4 + 15), abs=1e-4)


@pytest.mark.parametrize("overrides", [{"peace": None}, {}])
def test_overrides_compared_with_scores_at_hand_equal_scoring_both(overrides):
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Peace talks began. Troops wait.", "War returned."]})
    lexicons = ["vader", "afinn"]
    sentences = sentiment.drivers._as_sentences(corpus)
    at_hand = sentiment.score_sentences(sentences, lexicons=lexicons)
    expected = sentiment.compare_overrides(corpus, overrides=overrides, lexicons=lexicons)
    got = sentiment.compare_overrides(corpus, overrides=overrides, lexicons=lexicons, before=at_hand)
    pd.testing.assert_frame_equal(got, expected)
    assert (expected["change"] != 0).any() == bool(overrides)


def test_seed_drivers_show_domain_words(seed_sentences):
    drivers = sentiment.count_drivers(seed_sentences, by="doc_id", top_n=10)
    assert {"peace", "security"} <= set(drivers["term"])
    assert (drivers.groupby("group").size() <= 10).all()
