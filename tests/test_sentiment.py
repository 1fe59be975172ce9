"""Sentiment: reference-exact VADER, dictionary lexicons, aggregation, actors, the notebook."""

from __future__ import annotations

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import corpus_tools as ct
from corpus_tools import sentiment
from corpus_tools.config import SEEDS_DIR

HEADLINE = "Discussions Begin: International 'Reassurance' Force For Ukraine Peace"


@pytest.fixture(scope="module")
def seed_sentences():
    return ct.split_sentences(ct.load_corpus(SEEDS_DIR))


@pytest.fixture(scope="module")
def reference():
    return SentimentIntensityAnalyzer()


# ---------------------------------------------------------------------------- VADER equals the reference


def test_headline_scores_as_the_reference_not_nltk():
    scores = sentiment.score_texts([HEADLINE])
    assert scores.iloc[0].to_dict() == {"neg": 0.0, "neu": 0.5, "pos": 0.5, "compound": 0.7184}


def test_vader_equals_reference_on_every_seed_sentence(seed_sentences, reference):
    texts = seed_sentences["text"].tolist()
    assert len(texts) > 200
    ours = sentiment.score_texts(texts)
    expected = pd.DataFrame([reference.polarity_scores(t) for t in texts])[["neg", "neu", "pos", "compound"]]
    pd.testing.assert_frame_equal(ours, expected, check_exact=True)


def test_sentence_scores_equal_reference_and_keep_offsets(seed_sentences, reference):
    corpus = ct.load_corpus(SEEDS_DIR)
    scores = sentiment.score_sentences(corpus, lexicons=["vader"])
    assert len(scores) == len(seed_sentences)
    texts = corpus.set_index("doc_id")["text"]
    for row in scores.sample(40, random_state=1).itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
        assert reference.polarity_scores(row.text)["compound"] == row.compound


def test_vader_word_valences_rebuild_the_reference_scores(seed_sentences, reference):
    """The per-word valences behind the drivers add up to the reference's scores."""
    analyzer = sentiment.read_lexicon("vader").analyzer
    for text in seed_sentences["text"]:
        _, valences, converted = sentiment._vader_valences(analyzer, text)
        assert analyzer.score_valence(valences, converted) == reference.polarity_scores(text)


def test_score_texts_keeps_series_index_and_rejects_non_strings():
    texts = pd.Series(["good", "bad"], index=[10, 20])
    assert sentiment.score_texts(texts).index.tolist() == [10, 20]
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        sentiment.score_texts(["fine", None])
