"""VADER equals its authors' reference package, and the per-word valences rebuild its scores."""

from __future__ import annotations

import pandas as pd

from corpus_tools import sentiment
from corpus_tools.sentiment import vader

HEADLINE = "Discussions Begin: International 'Reassurance' Force For Ukraine Peace"


def test_headline_scores_as_the_reference_not_nltk():
    scores = sentiment.score_texts([HEADLINE])
    assert scores.iloc[0].to_dict() == {"neg": 0.0, "neu": 0.5, "pos": 0.5, "compound": 0.7184}


def test_vader_equals_reference_on_every_seed_sentence(seed_sentences, reference):
    texts = seed_sentences["text"].tolist()
    assert len(texts) > 200
    ours = sentiment.score_texts(texts)
    expected = pd.DataFrame([reference.polarity_scores(t) for t in texts])[["neg", "neu", "pos", "compound"]]
    pd.testing.assert_frame_equal(ours, expected, check_exact=True)


def test_vader_word_valences_rebuild_the_reference_scores(seed_sentences, reference):
    """The per-word valences behind the drivers add up to the reference's scores."""
    analyzer = sentiment.read_lexicon("vader").analyzer
    for text in seed_sentences["text"]:
        _, valences, converted = vader._vader_valences(analyzer, text)
        assert analyzer.score_valence(valences, converted) == reference.polarity_scores(text)
