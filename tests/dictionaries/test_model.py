"""The dictionary model: pattern parsing, dictionaries from mappings, overrides."""

from __future__ import annotations

import pytest

from corpus_tools.dictionaries import Dictionary, make_entry, match_dictionary


@pytest.mark.parametrize(
    ("pattern", "words", "case_sensitive"),
    [
        ("Peace Talks", ("peace", "talks"), False),
        ("=US", ("US",), True),
        ("=U.S.-led", ("U.S.", "led"), True),
        ("*Peace*", ("*peace*",), False),
        ("security  guarantee*", ("security", "guarantee*"), False),
    ],
)
def test_make_entry(pattern, words, case_sensitive):
    entry = make_entry("c", pattern)
    assert entry.words == words and entry.case_sensitive is case_sensitive


def test_overrides_remove_and_reweight(sentences_of):
    d = Dictionary.from_mapping({"tone": {"forc*": -1.0, "peace": 2.0, "war": -3.0}})
    d2 = d.with_overrides({"force": None, "peace": 0, "war": None})
    hits = match_dictionary(sentences_of("A force of peace, forces at war."), d2)
    assert hits[["term", "weight"]].values.tolist() == [["peace", 0.0], ["forces", -1.0]]
    assert len(match_dictionary(sentences_of("A force of peace, forces at war."), d)) == 4  # original unchanged


def test_override_of_a_phrase_lets_a_shorter_match_count(sentences_of, terms):
    d = Dictionary.from_mapping({"c": ["security", "security guarantee*"]}).with_overrides(
        {"security guarantees": None}
    )
    assert terms(match_dictionary(sentences_of("Security guarantees."), d)) == ["Security"]


def test_afinn_lexicon_as_weighted_dictionary(sentences_of):
    """A {term: score} lexicon (AFINN, with phrases and contractions) becomes one weighted category."""
    from afinn import Afinn  # a project dependency

    lexicon = Afinn(emoticons=False)._dict
    d = Dictionary.from_mapping({"afinn": lexicon}, name="afinn")
    hits = match_dictionary(sentences_of("I can't stand this bad luck, but peace is good."), d)
    expected = {
        "can't stand": lexicon["can't stand"],
        "bad luck": lexicon["bad luck"],
        "peace": lexicon["peace"],
        "good": lexicon["good"],
    }
    assert dict(zip(hits["term"], hits["weight"])) == expected


def _negated_by_definition(negation, text, tokens):
    """The definition: a negator among the ``window`` tokens before, with no clause break between."""
    flags = [negation.window > 0 and negation.is_negator(t) for t, _, _ in tokens]
    out = []
    for i in range(len(tokens)):
        found = False
        for k in range(max(0, i - negation.window), i):
            between = text[tokens[k][2] : tokens[i][1]]
            if flags[k] and not any(c in negation.clause_breaks for c in between):
                found = True
        out.append(found)
    return out


@pytest.mark.parametrize("window", [0, 1, 2, 3, 5])
def test_negated_tokens_follow_the_definition_on_generated_sentences(window):
    import random

    from corpus_tools.dictionaries.model import Negation
    from corpus_tools.tokens import tokenize

    rng = random.Random(window)
    words = ["not", "never", "don't", "no", "peace", "war", "talks", "cost", ",", ";", "(", "!", "and", "isn't"]
    negation = Negation(window=window)
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        tokens = tokenize(text)
        assert negation.negated_tokens(text, tokens) == _negated_by_definition(negation, text, tokens), text
