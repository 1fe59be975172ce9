"""Matching: globs, phrases, overlap, negation, case-sensitive patterns, weights, actors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.dictionaries import Dictionary, Negation, match_actors, match_dictionary, read_dictionary

DICTS = Path(__file__).parents[1] / "fixtures" / "dictionaries"


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (
            "sanction*",
            "Sanctions and sanctioned banks, not a sanction-free zone.",
            ["Sanctions", "sanctioned", "sanction-free"],
        ),
        ("*peace*", "Peacekeepers keep the peace; peaceful talks.", ["Peacekeepers", "peace", "peaceful"]),
        ("*keeping", "Peacekeeping and keeping.", ["Peacekeeping", "keeping"]),
        ("guarantee", "Guarantees differ from a guarantee.", ["guarantee"]),
        (
            "coalition of the willing",
            "The Coalition of the Willing met; a coalition of the unwilling did not.",
            ["Coalition of the Willing"],
        ),
        (
            "security guarantee*",
            "Security guarantees, a security guarantee, security alone.",
            ["Security guarantees", "security guarantee"],
        ),
        ("Russia", "Russia's army and Russian troops.", ["Russia's"]),
        ("U.S.", "The U.S. and the US.", ["U.S."]),
        ("=US", "The US told us that US-led talks help us.", ["US"]),
        ("=Turkey", "Turkey will not serve turkey.", ["Turkey"]),
    ],
)
def test_match_single_pattern(pattern, text, expected, sentences_of, terms):
    d = Dictionary.from_mapping({"c": [pattern]})
    hits = match_dictionary(sentences_of(text), d, negation=False)
    assert terms(hits) == expected
    assert all(text[s:e] == t for s, e, t in zip(hits["start"], hits["end"], hits["term"]))


def test_offsets_point_into_document_text(sentences_of):
    texts = ("First sentence here.", "Sanctions bite.", "More sanctions")
    document = " ".join(texts)
    hits = match_dictionary(sentences_of(*texts), Dictionary.from_mapping({"c": ["sanction*"]}))
    assert hits["sent_id"].tolist() == [1, 2]
    assert [document[s:e] for s, e in zip(hits["start"], hits["end"])] == ["Sanctions", "sanctions"]


def test_overlap_counted_once_per_category_longest_wins(sentences_of, terms):
    d = Dictionary.from_mapping(
        {
            "security": ["security", "security guarantee*", "guarantee*"],
            "other": ["guarantees"],
        }
    )
    hits = match_dictionary(sentences_of("Security guarantees matter more than security."), d)
    assert terms(hits, "security") == ["Security guarantees", "security"]
    assert hits.loc[hits["category"] == "security", "pattern"].tolist() == ["security guarantee*", "security"]
    assert terms(hits, "other") == ["guarantees"]  # categories are independent


def test_same_span_two_patterns_prefers_exact(sentences_of):
    d = Dictionary.from_mapping({"c": {"sanction*": 1.0, "sanctions": 2.0}})
    hits = match_dictionary(sentences_of("New sanctions."), d)
    assert hits[["pattern", "weight"]].values.tolist() == [["sanctions", 2.0]]


@pytest.mark.parametrize(
    ("text", "window", "negated"),
    [
        ("This is good.", 3, False),
        ("This is not good.", 3, True),
        ("It isn't good.", 3, True),
        ("It isn’t good.", 3, True),
        ("Never was a deal this good.", 3, False),  # negator 5 tokens before
        ("Never was a deal this good.", 5, True),
        ("Not good.", 0, False),
        ("Without a good plan.", 2, True),
        ("No, the deal is good.", 5, False),  # a comma ends the negator's scope
        ("Not bad, just good.", 5, False),
    ],
)
def test_negation_window(text, window, negated, sentences_of):
    d = Dictionary.from_mapping({"positive": ["good"]})
    hits = match_dictionary(sentences_of(text), d, negation=window)
    assert hits["negated"].tolist() == [negated]


def test_negation_does_not_cross_sentences(sentences_of):
    d = Dictionary.from_mapping({"positive": ["good"]})
    hits = match_dictionary(sentences_of("No.", "Good."), d)
    assert hits["negated"].tolist() == [False]


def test_negation_remaps_category_lsd_style(sentences_of):
    d = Dictionary.from_mapping({"positive": ["good"], "negative": ["bad"]})
    negation = Negation(window=3, categories={"positive": "neg_positive", "negative": "neg_negative"})
    hits = match_dictionary(sentences_of("Not good, not bad, just good."), d, negation=negation)
    assert hits["category"].tolist() == ["neg_positive", "neg_negative", "positive"]
    crossing = dataclasses.replace(negation, clause_breaks="")
    hits = match_dictionary(sentences_of("Not good, not bad, just good."), d, negation=crossing)
    assert hits["category"].tolist() == ["neg_positive", "neg_negative", "neg_positive"]


def test_yaml_negation_settings_are_used(tmp_path, sentences_of):
    path = tmp_path / "neg.yml"
    path.write_text(
        "name: neg\nnegation:\n  window: 1\n  extra_negators: [scrapped]\n  categories: {positive: neg_positive}\n"
        "categories:\n  positive: [deal]\n",
        encoding="utf-8",
    )
    hits = match_dictionary(sentences_of("They scrapped deal. Not a deal."), read_dictionary(path))
    assert hits[["category", "negated"]].values.tolist() == [["neg_positive", True], ["positive", False]]


def test_weights_from_yaml_and_nan_when_unweighted(sentences_of):
    hits = match_dictionary(sentences_of("Good, bad and fair security."), DICTS / "mini.yml")
    weights = dict(zip(hits["term"], hits["weight"]))
    assert weights["Good"] == 2 and weights["bad"] == -2 and weights["fair"] == 1
    assert pd.isna(weights["security"])


def test_missing_columns_error():
    with pytest.raises(KeyError, match="split_sentences"):
        match_dictionary(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), Dictionary.from_mapping({"c": ["x"]}))


def test_empty_result_has_columns_and_types(sentences_of):
    hits = match_dictionary(sentences_of("Nothing here."), Dictionary.from_mapping({"c": ["sanction*"]}))
    assert hits.empty and list(hits.columns) == [
        "doc_id",
        "sent_id",
        "category",
        "pattern",
        "term",
        "start",
        "end",
        "negated",
        "weight",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin met Trump in Washington.", ["Russia", "United States", "United States"]),
        ("Let us talk about US aid.", ["United States"]),
        ("The US-led plan and Russia-Ukraine talks.", ["United States", "Russia", "Ukraine"]),
        ("Zelenskyy and Zelensky visited Kyiv.", ["Ukraine", "Ukraine", "Ukraine"]),
        ("Nato's chief Mark Rutte and the EU's von der Leyen.", ["NATO", "NATO", "European Union", "European Union"]),
        (
            "Starmer and Macron lead the coalition of the willing.",
            ["United Kingdom", "France", "Coalition of the willing"],
        ),
    ],
)
def test_match_actors(text, expected, sentences_of):
    assert match_actors(sentences_of(text))["category"].tolist() == expected


def test_match_actors_on_seeds(seeds_sentences):
    hits = match_actors(seeds_sentences)
    counts = hits["category"].value_counts()
    assert {"Russia", "Ukraine", "United States", "NATO", "United Kingdom"} <= set(counts.index)
    assert not hits["term"].str.fullmatch("us").any()  # lower-case "us" is never the United States


@pytest.mark.parametrize("kind", ["exact", "prefix", "suffix", "contains"])
def test_first_word_keys_of_the_key_lengths_are_all_the_keys_that_can_match(kind):
    """The matcher looks up only parts of a token as long as some key of the table; they are
    exactly the parts of those lengths among all the parts."""
    from corpus_tools.dictionaries.matcher import _keys

    for form in ["", "a", "peace", "ceasefires", "u.s.-backed"]:
        for lengths in [(), (1,), (2, 5), (1, 3, 4, 10, 40)]:
            every = set(_keys(form, kind))
            some = set(_keys(form, kind, lengths))
            expected = every if kind == "exact" else {k for k in every if len(k) in lengths}
            assert some == expected, (form, lengths)
