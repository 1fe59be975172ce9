"""Quotes and voices (corpus_tools.framing.quotes)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import framing


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will never accept foreign troops in Ukraine," Putin said.', [("direct", "said", "Putin", "Russia")]),
        (
            "Prime Minister Keir Starmer told reporters the plan was ready.",
            [("indirect", "told", "Prime Minister Keir Starmer", "United Kingdom")],
        ),
        (
            "According to a Downing Street spokesperson, talks continued.",
            [("indirect", "according to", "a Downing Street spokesperson", "United Kingdom")],
        ),
        ('"The guarantees must be credible and binding," said Zelensky.', [("direct", "said", "Zelensky", "Ukraine")]),
        ("He stated that the force would deploy.", [("indirect", "stated", "He", "(pronoun)")]),
        ("Western officials said the talks had stalled.", [("indirect", "said", "Western officials", "(other)")]),
        ('The so-called "security guarantees" were vague.', []),  # scare quotes are not quotations
        ('"This is a decisive moment for all of Europe."', [("direct", "", "", "(unattributed)")]),
        ("European states weighed the plan.", []),
    ],
)
def test_match_quotes_on_fixture_sentences(make_sents, text, expected):
    quotes = framing.match_quotes(make_sents(text))
    assert list(zip(quotes["kind"], quotes["cue"], quotes["speaker"], quotes["actor"])) == expected
    for _, row in quotes[quotes["speaker_start"] >= 0].iterrows():
        assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker"]


def test_pronouns_take_the_last_named_speaker_within_the_window(make_sents):
    sents = make_sents(
        "Prime Minister Starmer said the plan was ready.",
        "He said troops were ready.",
        "Filler.",
        "Filler.",
        "Filler.",
        "She said nothing.",
        "Putin said no.",
        "They said yes.",
    )
    quotes = framing.match_quotes(sents)
    assert quotes[["speaker", "actor", "resolved_from"]].values.tolist() == [
        ["Prime Minister Starmer", "United Kingdom", ""],
        ["He", "United Kingdom", "Prime Minister Starmer"],
        ["She", "(pronoun)", ""],  # four sentences after the last named speaker: not resolved
        ["Putin", "Russia", ""],
        ["They", "(pronoun)", ""],  # plural pronouns are never resolved
    ]
    assert (framing.match_quotes(sents, pronoun_window=0)["actor"] == "(pronoun)").sum() == 3


def test_end_of_a_quotation_from_the_previous_sentence_is_direct(make_sents):
    sents = make_sents('"We are ready to act.', 'We will defend our allies," Rutte said.')
    quotes = framing.match_quotes(sents)
    assert quotes[["sent_id", "kind", "speaker", "actor", "quote"]].values.tolist() == [
        [1, "direct", "Rutte", "NATO", "We will defend our allies,"]
    ]


def test_count_quotes_per_group_and_actor(make_sents):
    sents = pd.concat(
        [make_sents("Putin said no.", "Lavrov said no again.", doc_id="a"), make_sents("Macron said yes.", doc_id="b")]
    )
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"]})
    table = framing.count_quotes(framing.match_quotes(sents), by="outlet", corpus=corpus)
    assert table[["group", "actor", "n_quotes", "share"]].values.tolist() == [
        ["x", "Russia", 2, 1.0],
        ["y", "France", 1, 1.0],
    ]
