"""The rule sentence splitter: every case of the table, exact offsets on any text, options."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.segment.sentences import (
    LINE_BREAKS,
    SentenceSplitter,
    make_sentence_tokenizer,
    split_text_sentences,
)

_BENCH = Path(__file__).resolve().parents[2] / "bench" / "segment_cases.py"
_spec = importlib.util.spec_from_file_location("segment_cases", _BENCH)
segment_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(segment_cases)
CASES = segment_cases.read_cases()


def test_the_table_has_enough_cases_in_both_halves():
    halves = [case.half for case in CASES]
    assert len(CASES) >= 120
    assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"
    assert min(halves.count("tune"), halves.count("held-out")) >= 60
    assert all(case.sentences for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    spans = split_text_sentences(case.text, language=case.language)
    assert [s for _, _, s in spans] == case.sentences, f"{segment_cases.CASES_PATH}:{case.line}"
    assert all(case.text[a:b] == s for a, b, s in spans)


def _check_spans(text, spans):
    """Sorted, disjoint, exact, trimmed, non-empty; only white space left between them."""
    position = 0
    for start, end, sentence in spans:
        assert position <= start < end <= len(text)
        assert text[start:end] == sentence == sentence.strip()
        assert not text[position:start].strip(), f"characters lost: {text[position:start]!r}"
        position = end
    assert not text[position:].strip()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_are_exact_and_nothing_is_lost_on_any_unicode(text):
    _check_spans(text, split_text_sentences(text))


_PIECES = [
    "U.S.",
    "Mr.",
    "No.",
    "p.m.",
    "J.",
    "Yahoo!",
    "1.)",
    "(2)",
    "a.",
    "ii.",
    "•",
    "-",
    "...",
    ". . .",
    "…",
    "?!",
    ".",
    "!",
    "?",
    '"',
    "”",
    "“",
    "(",
    ")",
    "»",
    "。",
    "！",
    "।",
    "؟",
    "3.5",
    "www.x.org",
    "The",
    "he",
    "said",
    "Sunday",
    "e.g.",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\u2029",
    "\t",
    "word",
    "Word",
    "iPhone",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["en", "de", "fr", "es", "ru", "zh"]))
def test_offsets_are_exact_on_texts_built_from_tricky_pieces(pieces, language):
    text = "".join(pieces)
    _check_spans(text, split_text_sentences(text, language=language))


@pytest.mark.parametrize("brk", sorted(LINE_BREAKS))
def test_a_paragraph_break_always_ends_a_sentence(brk):
    text = f"the first part{brk}{brk}and a second part"
    assert [s for _, _, s in split_text_sentences(text)] == ["the first part", "and a second part"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Er kam am 3. Oktober an."]),  # German ordinal before a month
        ("en", ["Er kam am 3.", "Oktober an."]),  # no ordinal rule in English
        ("ru", ["Он живёт на ул. Ленина."]),
        ("xx-unknown", ["Он живёт на ул.", "Ленина."]),  # no shipped rules: the English ones
    ],
)
def test_language_chooses_the_lists(language, expected):
    text = " ".join(expected)
    assert [s for _, _, s in split_text_sentences(text, language=language)] == expected


def test_the_tokenizer_object_has_punkts_methods():
    text = "Gen. Smith left. He was tired.\nNext line"
    splitter = make_sentence_tokenizer()
    assert isinstance(splitter, SentenceSplitter)
    assert splitter.tokenize(text) == [s for _, _, s in split_text_sentences(text)]
    assert [text[a:b] for a, b in splitter.span_tokenize(text)] == splitter.tokenize(text)
