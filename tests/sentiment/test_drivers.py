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


def _old_term_contributions(sentences, lexicon):
    """The previous implementation: every sentence scored on its own, one after the other."""
    from corpus_tools.sentiment.dictionary import _dictionary_hits
    from corpus_tools.sentiment.vader import _vader_valences

    if lexicon.analyzer is not None:
        rows = []
        for doc_id, sent_id, text in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"].fillna("")):
            words, valences, _ = _vader_valences(lexicon.analyzer, text)
            rows.extend((doc_id, sent_id, w.lower(), v) for w, v in zip(words, valences) if v != 0)
        return pd.DataFrame(rows, columns=["doc_id", "sent_id", "term", "value"])
    hits = _dictionary_hits(lexicon, sentences[["doc_id", "sent_id", "start", "text"]].fillna({"text": ""}))
    terms = hits["term"].str.lower().str.replace("’", "'", regex=False)
    return pd.DataFrame({"doc_id": hits["doc_id"], "sent_id": hits["sent_id"], "term": terms, "value": hits["value"]})


def _repeated_sentences(seed_sentences):
    """The seed sentences, then the same texts again in other documents (a repeated sentence is
    scored once), a missing text, a sentence without lexicon words and a negated entry."""
    again = seed_sentences.sample(frac=0.7, random_state=1).assign(doc_id=lambda s: "copy-" + s["doc_id"])
    extra = pd.DataFrame(
        {
            "doc_id": ["x", "x", "x", "y"],
            "sent_id": [0, 1, 2, 0],
            "start": [0, 10, 20, 0],
            "end": [9, 19, 29, 9],
            "text": [None, "Tables and chairs.", "It is not good, and nothing is not bad.", "Peace is good."],
        }
    )
    return pd.concat([seed_sentences, again, extra], ignore_index=True)


_NEGATED_ENTRIES = {"positive": ["good", "peace*"], "negative": ["bad", "war"], "neg_positive": ["not good*"]}


@pytest.mark.parametrize("lexicon", ["vader", "afinn", "pattern", "negated entries"])
def test_term_contributions_equal_scoring_each_sentence(seed_sentences, lexicon):
    from corpus_tools.dictionaries import Dictionary
    from corpus_tools.sentiment.drivers import _term_contributions
    from corpus_tools.sentiment.lexicons import _lexicon_list

    if lexicon == "negated entries":
        lexicon = Dictionary.from_mapping(_NEGATED_ENTRIES)

    sentences = _repeated_sentences(seed_sentences)
    for lex in _lexicon_list(lexicon, {"peace": 3.0} if lexicon == "vader" else None):
        got = _term_contributions(sentences, lex)
        want = _old_term_contributions(sentences, lex).reset_index(drop=True)  # the old kept the hits' index
        assert len(got) > 0
        pd.testing.assert_frame_equal(got, want, check_exact=True, check_dtype=False)


def test_drivers_by_group_equal_the_previous_scoring(fixture_corpus, seed_sentences, monkeypatch):
    from corpus_tools.sentiment import drivers

    sentences = _repeated_sentences(seed_sentences).assign(outlet=lambda s: s["doc_id"].str[:6])
    got = sentiment.count_drivers(sentences, lexicon=["vader", "afinn", "pattern"], by="outlet", top_n=5)
    monkeypatch.setattr(drivers, "_term_contributions", _old_term_contributions)
    want = sentiment.count_drivers(sentences, lexicon=["vader", "afinn", "pattern"], by="outlet", top_n=5)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
