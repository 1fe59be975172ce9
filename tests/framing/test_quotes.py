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


def _match_quotes_before(sentences, actors="ukraine_security", min_quote_words=4, pronoun_window=3):
    """The previous implementation: every sentence searched with every pattern."""
    from corpus_tools.framing.quotes import _attributions, _find_quote, _resolve_pronouns, _speaker_actors

    rows = []
    for doc_id, sent_id, offset, text in zip(
        sentences["doc_id"], sentences["sent_id"], sentences["start"], sentences["text"]
    ):
        if not isinstance(text, str):
            continue
        quote = _find_quote(text, min_quote_words)
        q = (text[quote[0] : quote[1]], offset + quote[0], offset + quote[1]) if quote else ("", -1, -1)
        found = _attributions(text)
        for cue, speaker, s, e in found:
            rows.append((doc_id, sent_id, "direct" if quote else "indirect", cue, speaker, offset + s, offset + e, *q))
        if quote and not found:
            rows.append((doc_id, sent_id, "direct", "", "", -1, -1, *q))
    columns = ["doc_id", "sent_id", "kind", "cue", "speaker", "speaker_start", "speaker_end", "quote", "quote_start",
               "quote_end"]  # fmt: skip
    table = pd.DataFrame(rows, columns=columns)
    table.insert(7, "actor", _speaker_actors(table, actors))
    table.insert(8, "resolved_from", "")
    return _resolve_pronouns(table, window=pronoun_window) if pronoun_window else table


TRICKY = [
    "Unsaid things, stated plainly, said nothing.",  # a speech verb inside a word
    "It was,said Putin, a mistake.",
    "according to Macron the plan holds.",
    "“We will act now and together,” the minister declared.",
    "We will act,” she replied.",
    "Nothing to report here.",
    "The SAID agency SAYS so.",  # upper case verbs are not cues
]


@pytest.mark.parametrize("source", ["seeds", "generated", "tricky"])
def test_match_quotes_equals_the_previous_implementation(source, seeds_sentences, generated_corpus, make_sents):
    sentences = {"seeds": seeds_sentences, "generated": generated_corpus[1], "tricky": make_sents(*TRICKY)}[source]
    if source == "tricky":
        sentences = pd.concat([sentences, make_sents("x", doc_id="b").assign(text=None)], ignore_index=True)
    for window in (3, 0):
        new = framing.match_quotes(sentences, pronoun_window=window)
        pd.testing.assert_frame_equal(new, _match_quotes_before(sentences, pronoun_window=window))
    assert len(new) > 0


# ---------------------------------------------------------------- each distinct sentence text searched once


def _match_quotes_every_sentence(sentences, *, actors="ukraine_security", min_quote_words=4, pronoun_window=3):
    """The previous implementation: every candidate sentence searched, every speaker matched (the rows
    built one by one)."""
    from corpus_tools.framing.quotes import _may_quote

    def resolve_pronouns(table, *, window):
        last = {}
        actors, sources = table["actor"].tolist(), table["resolved_from"].tolist()
        rows = zip(table["doc_id"], table["sent_id"], table["speaker"], table["actor"])
        for i, (doc_id, sent_id, speaker, actor) in enumerate(rows):
            if actor == "(pronoun)" and speaker.lower() in ("he", "she") and doc_id in last:
                prev_sent, prev_speaker, prev_actor = last[doc_id]
                if 0 <= sent_id - prev_sent <= window:
                    actors[i], sources[i] = prev_actor, prev_speaker
            elif not actor.startswith("("):
                last[doc_id] = (sent_id, speaker, actor)
        return table.assign(actor=actors, resolved_from=sources)

    candidates = sentences[_may_quote(sentences["text"])].reset_index(drop=True)
    table = _match_quotes_before(candidates, actors, min_quote_words, pronoun_window=0)
    return resolve_pronouns(table, window=pronoun_window) if pronoun_window else table


REPEATED = [
    '"We will not accept foreign troops on our soil," Putin said.',
    "He said the costs of the war keep rising.",
    "Filler without a cue.",
    'we will act, all of us, together," she said.',
    '"A quotation without any speaker at all."',
    "Macron said yes, and Putin said no, according to Western officials.",
    None,
]


def _repeated_sentences(doc_ids):
    """The same sentence texts in several documents, at other offsets and in other orders."""
    rows = []
    for k, doc_id in enumerate(doc_ids):
        texts = REPEATED[k % 3 :] + REPEATED[: k % 3]
        start = 7 * k
        for sent_id, text in enumerate(texts):
            rows.append((doc_id, sent_id, start, text))
            start += len(text or "") + 1
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "text"])


@pytest.mark.parametrize(
    "source", ["seeds", "generated", "repeated", "repeated_int_ids", "interleaved", "no_quotes", "empty"]
)
@pytest.mark.parametrize(("min_quote_words", "pronoun_window"), [(4, 3), (1, 0), (8, 10)])
def test_match_quotes_equals_searching_every_sentence(
    source, min_quote_words, pronoun_window, seeds_sentences, generated_corpus, make_sents
):
    sentences = {
        "seeds": seeds_sentences,
        "generated": generated_corpus[1],
        "repeated": _repeated_sentences(["a", "b", "c", "d"]),
        "repeated_int_ids": _repeated_sentences([3, 1, 2]),
        "interleaved": _repeated_sentences(["a", "b", None, "a", "b", None]).sample(frac=1, random_state=0),
        "no_quotes": make_sents("Nothing here.", "Nor here."),
        "empty": make_sents().iloc[:0],
    }[source]
    options = {"min_quote_words": min_quote_words, "pronoun_window": pronoun_window}
    new = framing.match_quotes(sentences, **options)
    old = _match_quotes_every_sentence(sentences, **options)
    pd.testing.assert_frame_equal(new, old)
    if source in ("seeds", "generated", "repeated"):
        assert len(new) > 5 and new["quote"].ne("").any()
    if source == "repeated":  # "He said" right after "Putin said"
        assert new["resolved_from"].eq("Putin").any() == (pronoun_window > 0)
