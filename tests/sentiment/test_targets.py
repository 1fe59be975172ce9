"""Tone toward a target: one table of cases per phenomenon, offsets, other languages."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from corpus_tools import sentiment
from corpus_tools.io import CorpusWarning
from corpus_tools.sentiment.targets import score_targets


def _rows(marked: str) -> pd.DataFrame:
    """A sentence with its targets in brackets, ``[Kesh]``: one row per target, with its span."""
    text, spans, position = "", [], 0
    for match in re.finditer(r"\[([^\]]+)\]", marked):
        text += marked[position : match.start()]
        spans.append((len(text), len(text) + len(match.group(1)), match.group(1)))
        text += match.group(1)
        position = match.end()
    text += marked[position:]
    return pd.DataFrame([(text, s, e, t) for s, e, t in spans], columns=["text", "start", "end", "target"])


# (phenomenon, sentence with [targets], expected label of each target in order)
CASES = [
    ("subject/object", "[Mayor Quint] criticised [the water board] over the outage.", ["neutral", "negative"]),
    ("subject/object", "[The jury] applauded [the young violinist].", ["neutral", "positive"]),
    ("subject/object", "[Raiders] kidnapped [a local teacher] on Monday.", ["negative", "neutral"]),
    ("subject/object", "[The lifeguards] rescued [two swimmers] off the pier.", ["positive", "neutral"]),
    ("subject/object", "[Corvel] defeated [Amsby] in the final.", ["positive", "negative"]),
    ("passive", "[The water board] was criticised by [Mayor Quint] over the outage.", ["negative", "neutral"]),
    ("passive", "[A local teacher] was kidnapped by [raiders] on Monday.", ["neutral", "negative"]),
    ("possessive", "[Dravia]'s invasion of [Lusk] was condemned.", ["negative", "neutral"]),
    ("possessive", "[The charity]'s rescue of [the miners] was widely covered.", ["positive", "neutral"]),
    ("prepositional", "The shelling of [Lusk] by [Dravian artillery] went on all night.", ["neutral", "negative"]),
    ("prepositional", "Criticism of [the water board] from [residents] grew louder.", ["negative", "neutral"]),
    ("contrast", "[Corvel] played beautifully, but [Amsby] was dreadful.", ["positive", "negative"]),
    ("contrast", "[The museum] is a delight, whereas [the station] is an ugly mess.", ["positive", "negative"]),
    ("negation", "[Mayor Quint] did not criticise [the water board] this time.", ["neutral", "neutral"]),
    ("negation", "[Quint] is not a bad mayor, [her deputy] said.", ["positive", "neutral"]),
    ("quotation", '"[The board] has failed us badly," [Quint] said.', ["negative", "neutral"]),
    ("quotation", "[Analysts] called [Amsby Foods] careless and greedy.", ["neutral", "negative"]),
    (
        "distance",
        "[Quint], who has run the city for nine years and won three elections, praised [the board].",
        ["neutral", "positive"],
    ),
    ("several", "[Quint] thanked [the nurses] and blamed [the water board].", ["neutral", "positive", "negative"]),
    (
        "several",
        "[The brave medics] helped [the wounded] while [snipers] attacked [the convoy].",
        ["positive", "neutral", "negative", "neutral"],
    ),
    ("attribute", "[The dishonest official] met [the auditors] on Friday.", ["negative", "neutral"]),
]


@pytest.mark.parametrize(("phenomenon", "marked", "expected"), CASES, ids=[f"{c[0]}: {c[1][:40]}" for c in CASES])
def test_tone_toward_each_target(phenomenon, marked, expected):
    rows = _rows(marked)
    scored = score_targets(rows)
    assert scored["label"].tolist() == expected, scored[["target", "compound", "role"]].to_string()
    assert scored["compound"].between(-1, 1).all()
    assert (
        np.sign(scored["compound"].where(scored["label"] != "neutral", 0))
        == scored["label"].map({"negative": -1, "neutral": 0, "positive": 1})
    ).all()


def test_the_sentence_tone_is_not_given_to_everyone():
    """The baseline's failure the scorer exists to fix: one sentence, opposite tones."""
    rows = _rows("[Ostra] criticised [Vell]'s attack on [Dunmore].")
    sentence = sentiment.score_texts(rows["text"].iloc[:1])["compound"].iloc[0]
    scored = score_targets(rows).set_index("target")
    assert sentence <= -0.05
    assert scored["label"].tolist() == ["neutral", "negative", "neutral"]
    assert scored.loc["Vell", "role"] == "doer of attack; object of criticised"


def test_rows_keep_their_order_index_and_columns():
    rows = _rows("[Corvel] defeated [Amsby].").assign(doc_id=["x", "y"]).set_axis(["r1", "r2"])
    scored = score_targets(rows)
    assert scored.index.tolist() == ["r1", "r2"]
    assert scored.columns.tolist() == list(rows.columns) + ["compound", "label", "role", "scored", "reason"]
    assert scored["role"].tolist() == ["subject of defeated", "object of defeated"]


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 3), (3, 3), (5, 2), (0, 99), (1.5, 4), ("0", 4)],
)
def test_a_span_outside_its_text_is_an_error_naming_the_row(start, end):
    rows = pd.DataFrame({"text": ["Corvel won.", "Amsby lost."], "start": [0, start], "end": [6, end]})
    rows.index = ["first", "second"]
    with pytest.raises(ValueError, match=r"target row 1 \(index 'second'\).*0 <= start < end <= len\(text\)"):
        score_targets(rows)


def test_missing_columns_are_named():
    with pytest.raises(KeyError, match=r"missing column\(s\) \['end'\]"):
        score_targets(pd.DataFrame({"text": ["x"], "start": [0]}))


def test_other_languages_and_missing_texts_are_not_scored_and_say_why():
    rows = pd.DataFrame(
        {
            "text": ["Corvel praised Amsby.", "Corvel lobte Amsby.", None, "Corvel praised Amsby."],
            "start": [15, 13, 0, 15],
            "end": [20, 18, 1, 20],
            "language": ["en", "de", "en", "und"],
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scored = score_targets(rows)
    assert [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)] == [
        "target tone: 1 mention(s) not in English (de: 1) not scored: the verb and noun lists are English "
        "(compound NaN, scored=False, reason given)"
    ]
    assert scored["scored"].tolist() == [True, False, False, True]
    assert scored["reason"].tolist() == ["", "language 'de': word lists are English", "no text", ""]
    assert scored["compound"].isna().tolist() == [False, True, True, False]
    assert scored["label"].isna().tolist() == [False, True, True, False]
    assert scored.loc[0, "compound"] == scored.loc[3, "compound"] > 0


def test_other_lexicons_and_overrides_change_the_word_valences():
    rows = _rows("[Corvel] met [the wonderful Amsby].")
    vader = score_targets(rows)
    afinn = score_targets(rows, lexicon="afinn")
    muted = score_targets(rows, overrides={"wonderful": None})
    assert vader.loc[1, "compound"] > 0 and afinn.loc[1, "compound"] > 0
    assert vader.loc[1, "compound"] != afinn.loc[1, "compound"]
    assert muted["compound"].tolist() == [0.0, 0.0]


def test_neutral_threshold_sets_the_labels():
    rows = _rows("[Corvel] met [the wonderful Amsby].")
    compound = score_targets(rows).loc[1, "compound"]
    assert score_targets(rows, neutral_threshold=compound + 0.01).loc[1, "label"] == "neutral"
    with pytest.raises(ValueError, match="neutral_threshold"):
        score_targets(rows, neutral_threshold=-1)


@pytest.mark.parametrize("filler", [0, 2, 6, 12])
def test_a_word_counts_less_the_farther_it_stands_from_the_mention(filler):
    """One mention, one valenced word ``d`` words away: s = valence / (1 + d / DECAY), squashed as VADER does."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from corpus_tools.sentiment.targets import DECAY

    text = "Corvel met " + "x " * filler + "wonderful people."
    scored = score_targets(pd.DataFrame({"text": [text], "start": [0], "end": [6]}))
    valence = SentimentIntensityAnalyzer().lexicon["wonderful"]
    s = valence / (1 + (2 + filler) / DECAY)
    assert scored.loc[0, "compound"] == pytest.approx(s / np.sqrt(s**2 + 15), abs=1e-4)


def test_a_word_is_shared_among_the_mentions_of_its_clause_by_closeness():
    from corpus_tools.sentiment.targets import DECAY, SHARE_POWER

    text = "Corvel and the wonderful Amsby met."
    scored = score_targets(pd.DataFrame({"text": [text] * 2, "start": [0, 25], "end": [6, 30]}))
    # "wonderful" is 3 words after Corvel and 1 before Amsby
    weights = np.array([(1 + 3) ** -SHARE_POWER, (1 + 1) ** -SHARE_POWER])
    s = 2.7 * weights / weights.sum() / (1 + np.array([3, 1]) / DECAY)
    assert scored["compound"].tolist() == pytest.approx((s / np.sqrt(s**2 + 15)).tolist(), abs=1e-4)


def test_scoring_several_lexicons_at_once_equals_scoring_each(seed_sentences):
    from corpus_tools.dictionaries import match_actors
    from corpus_tools.sentiment.targets import _score_targets_each

    hits = match_actors(seed_sentences[["doc_id", "sent_id", "start", "text"]])
    frame = hits.merge(seed_sentences[["doc_id", "sent_id", "start", "text"]], on=["doc_id", "sent_id"])
    frame = frame.assign(start=frame["start_x"] - frame["start_y"], end=frame["end"] - frame["start_y"])
    invented = pd.DataFrame(
        {
            "text": ["Kesh's attack on Tarvia was condemned.", "Kesh's attack on Tarvia was condemned.", None],
            "start": [0, 17, 0],
            "end": [4, 23, 3],
        }
    )
    frame = pd.concat([frame[["text", "start", "end"]], invented], ignore_index=True)
    lexicons = ["vader", "afinn", "pattern"]
    together = _score_targets_each(frame, lexicons, overrides={"attack": -3.0})
    assert len(frame) > 20
    for lexicon, got in zip(lexicons, together):
        want = score_targets(frame, lexicon=lexicon, overrides={"attack": -3.0})
        pd.testing.assert_frame_equal(got, want, check_exact=True)
