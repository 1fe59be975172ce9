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


# Hand-written sentences, one or more per rule of the reference (invented text).
HAND_WRITTEN = [
    "",
    "   ",
    "The plan is good.",
    "The plan is not good.",
    "The plan isn't good at all.",
    "The plan is never so good.",
    "It was never this bad before.",
    "Without doubt, a great result.",
    "Without a doubt, an excellent idea.",
    "The talks were very good, but the outcome was bad.",
    "The talks were good but good but bad.",
    "Good, good and good, but bad.",
    "But the end was happy.",
    "The minister was VERY angry about the deal.",
    "THE MINISTER WAS VERY ANGRY.",
    "The minister was ANGRY and the deal was GOOD!!!",
    "Is this really a good idea??",
    "Is this really a good idea????",
    "What a terrible day!!!!!!",
    "The team was kind of happy.",
    "The team was sort of happy and kinda sad.",
    "No problem at all, no good, no or nor bad.",
    "There is no hope or joy.",
    "No.",
    "No good.",
    "That was the least helpful reply.",
    "At least it was not a horrible book.",
    "Very least good outcome.",
    "Least good outcome.",
    "The food here is the bomb and the shit, yeah right.",
    "He is a bad ass, a badass, waiting at the bus stop.",
    "That cake is to die for, a kiss of death.",
    "Her beating heart sank.",
    "They cut the mustard, barely.",
    "It is just enough to be slightly better.",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001f498 and \U0001f48b and \U0001f601",
    "Great\U0001f601\U0001f601 news \U0001f622",
    "\U0001f601 starts the line",
    "'Reassurance' force for \"peace\" (good) [bad].",
    "Won't help, can't win, shouldn't lose, uh-uh.",
    "The deal was despite everything rarely good and seldom bad.",
    "Not bad at all",
    "Most automated sentiment analysis tools are shit.",
    "On the other hand, VADER is quite bad ass",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "extremely EXTREMELY good GOOD good",
    "kind of",
    "kind",
    "no no no",
    "HAPPY",
    "?!?!",
]

_VOCAB = (
    "the a minister talks deal war peace good bad great terrible happy sad hope fear win lose crisis "
    "not never no nor or without doubt isn't don't very extremely barely kind of sort least at so this "
    "but BUT GOOD BAD VERY NOT :) :( \U0001f601 \U0001f622 bomb shit ass bus stop die for yeah right "
    "love hate killed support attack agree reject 'good' \"bad\" good! bad? helpful"
).split()


def _generated_sentences(n: int, seed: int = 0) -> list[str]:
    """Random word sequences over a vocabulary that triggers every rule, with random emphasis."""
    import random

    rng = random.Random(seed)
    sentences = []
    for _ in range(n):
        words = [rng.choice(_VOCAB) for _ in range(rng.randint(1, 18))]
        if rng.random() < 0.3:
            words = [w.upper() for w in words]
        sentences.append(" ".join(words) + rng.choice([".", "!", "!!", "?", "??", "????", "!!!!!!", "", " :)"]))
    return sentences


def _reference_rows(reference, texts):
    return pd.DataFrame([reference.polarity_scores(t) for t in texts])[["neg", "neu", "pos", "compound"]]


def test_fast_scorer_equals_reference_on_hand_written_and_generated_sentences(reference):
    texts = HAND_WRITTEN + _generated_sentences(4000)
    ours = sentiment.score_texts(texts)
    pd.testing.assert_frame_equal(ours, _reference_rows(reference, texts), check_exact=True)


def test_fast_scorer_counts_equal_the_reference_word_valences(reference):
    """n_tokens, n_pos, n_neg count the words and signs of the reference's own valences."""
    from vaderSentiment import vaderSentiment as ref

    texts = HAND_WRITTEN + _generated_sentences(300, seed=1)
    details = sentiment.score_texts(texts, details=True)
    for text, (_, row) in zip(texts, details.iterrows()):
        words, valences, converted = vader._vader_valences(reference, text)
        assert words == ref.SentiText(converted).words_and_emoticons
        assert reference.score_valence(valences, converted) == reference.polarity_scores(text)
        assert (row["n_tokens"], row["n_pos"], row["n_neg"]) == (
            len(words),
            sum(v > 0 for v in valences),
            sum(v < 0 for v in valences),
        )


def test_repeated_sentences_score_as_the_first_copy(reference):
    texts = ["Good news.", "Bad news!", "Good news.", "Good news."]
    ours = sentiment.score_texts(pd.Series(texts, index=[5, 6, 7, 8]))
    assert list(ours.index) == [5, 6, 7, 8]
    pd.testing.assert_frame_equal(ours.reset_index(drop=True), _reference_rows(reference, texts), check_exact=True)


def test_overrides_are_seen_by_the_fast_scorer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    texts = ["The force was good.", "A strong force, not good."]
    changed = SentimentIntensityAnalyzer()
    changed.lexicon.pop("good")
    changed.lexicon["force"] = -2.0
    ours = sentiment.score_texts(texts, overrides={"good": None, "force": -2.0})
    pd.testing.assert_frame_equal(ours, _reference_rows(changed, texts), check_exact=True)
