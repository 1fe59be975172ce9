"""Dictionary lexicons scored as counted by hand; AFINN and Pattern equal their own packages."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import sentiment

FIXTURES = Path(__file__).parents[1] / "fixtures" / "sentiment"


@pytest.mark.parametrize(
    "name, text, n_tokens, n_pos, n_neg, values",
    [
        # peace talks +1.5; "not a success" negated: 1.5 * -0.74; sanctions -1.5
        ("tone.yml", "The peace talks were not a success, and sanctions stay.", 10, 1, 2, [1.5, -1.11, -1.5]),
        # weights 2 and -2 rescaled by 4 / 2
        ("tone.csv", "Good news: bad actors lost.", 5, 1, 1, [4.0, -4.0]),
        # LIWC posemo/negemo; the 'function' category is not sentiment and is ignored
        ("tone.dic", "The threat faded and hope returned, happily.", 7, 2, 1, [-1.5, 1.5, 1.5]),
        # Lexicoder: "not good" counts negative, "not bad" positive, the inner good/bad are dropped
        ("tone.lc3", "It is not good, but not bad either.", 8, 1, 1, [-1.5, 1.5]),
    ],
)
def test_dictionary_formats_score_as_counted_by_hand(name, text, n_tokens, n_pos, n_neg, values):
    row = sentiment.score_texts([text], lexicon=FIXTURES / name, details=True).iloc[0]
    total = sum(values)
    pos_mass, neg_mass = sum(v for v in values if v > 0), -sum(v for v in values if v < 0)
    covered = sum(len(ct.tokenize(w)) for w in _driver_words(FIXTURES / name, text))
    neutral = n_tokens - covered
    mass = pos_mass + neg_mass + neutral
    assert (row["n_tokens"], row["n_pos"], row["n_neg"]) == (n_tokens, n_pos, n_neg)
    assert row["log_ratio"] == pytest.approx(math.log((n_pos + 0.5) / (n_neg + 0.5)))
    assert row["net"] == pytest.approx((n_pos - n_neg) / n_tokens)
    assert row["compound"] == pytest.approx(total / math.sqrt(total**2 + 15))
    assert (row["pos"], row["neg"], row["neu"]) == pytest.approx((pos_mass / mass, neg_mass / mass, neutral / mass))


def _driver_words(lexicon, text):
    drivers = sentiment.count_drivers(pd.DataFrame({"doc_id": ["a"], "text": [text]}), lexicon=lexicon)
    return [w for w, n in zip(drivers["term"], drivers["count"]) for _ in range(n)]


def test_lexicoder_phrases_replace_the_words_they_contain():
    drivers = sentiment.count_drivers(
        pd.DataFrame({"doc_id": ["a"], "text": ["It is not good, but not bad either."]}), lexicon=FIXTURES / "tone.lc3"
    )
    assert dict(zip(drivers["term"], drivers["contribution"])) == {"not bad": 1.5, "not good": -1.5}


@pytest.mark.parametrize(
    "text, sign",
    [
        ("The deal is good.", 1),
        ("The deal is not good.", -1),  # negator within 3 words flips
        ("The deal is never really good.", -1),
        ("No, the deal is good.", 1),  # a clause break ends the negator's scope
        ("Peace talks went well.", 1),  # multi-word entry
        ("There were no peace talks.", -1),
    ],
)
def test_negation_and_multiword_entries(text, sign):
    compound = sentiment.score_texts([text], lexicon=FIXTURES / "tone.yml")["compound"].iloc[0]
    assert np.sign(compound) == sign


AFINN_TEXTS = [
    "The plan does not work.",  # the AFINN phrase "does not work" (-3), not a negated "work"
    "Leaders praised the brave soldiers and mourned the dead.",
    "A terrible, horrible, very bad day for the cool stuff.",  # "cool stuff" is an AFINN phrase (3)
    "Talks collapsed amid anger and distrust.",
]


@pytest.mark.parametrize("text", AFINN_TEXTS)
def test_afinn_sum_equals_the_afinn_package(text):
    """Without negators the summed hit values are AFINN's own score, rescaled by 4/5."""
    from afinn import Afinn

    expected = Afinn(emoticons=False).score(text) * 0.8
    drivers = sentiment.count_drivers(pd.DataFrame({"doc_id": ["a"], "text": [text]}), lexicon="afinn")
    assert drivers["contribution"].sum() == pytest.approx(expected)
    compound = sentiment.score_texts([text], lexicon="afinn")["compound"].iloc[0]
    assert compound == pytest.approx(expected / math.sqrt(expected**2 + 15))


@pytest.mark.parametrize("word", ["good", "terrible", "happy", "ridiculous"])
def test_pattern_word_polarity_equals_textblob(word):
    """A single adjective's polarity in TextBlob's own analyzer is the lexicon's averaged weight."""
    from textblob import TextBlob

    polarity = TextBlob(word).sentiment.polarity
    s = 4 * polarity  # Pattern's -1..1 put on VADER's -4..4
    compound = sentiment.score_texts([word], lexicon="pattern")["compound"].iloc[0]
    assert compound == pytest.approx(s / math.sqrt(s * s + 15))
