"""Shipped sentence-splitting rules: every language file parses, errors name the file and line."""

from __future__ import annotations

import pytest

from corpus_tools.segment.rules import list_segment_languages, parse_segment_rules, read_segment_rules
from corpus_tools.shipped import WORD_LISTS


@pytest.mark.parametrize("language", list_segment_languages())
def test_every_shipped_language_parses_with_titles_and_starters(language):
    rules = read_segment_rules(language)
    assert rules.language == language
    assert rules.title and rules.starter
    assert all(word == word.lower() and not word.endswith(".") for word in rules.title | rules.abbreviation)
    assert f"segment/{language}.txt" in WORD_LISTS  # recorded in every report's manifest


@pytest.mark.parametrize(("code", "expected"), [("de-AT", "de"), ("EN", "en"), ("pt_BR", "en"), ("", "en")])
def test_language_codes_are_normalised_and_unknown_ones_use_english(code, expected):
    assert read_segment_rules(code).language == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mr\n[title]\ndr", r"rules\.txt:1: 'mr' comes before any \[section\]"),
        ("[title]\nmr\n\n[titles]\ndr", r"rules\.txt:4: unknown section \[titles\]"),
    ],
)
def test_parse_errors_name_the_file_and_line(text, message):
    with pytest.raises(ValueError, match=message):
        parse_segment_rules(text, language="xx", source="rules.txt")


def test_entries_are_lower_cased_and_comments_skipped():
    rules = parse_segment_rules("# a comment\n[abbreviation]\nU.S\n  Inc  \n[starter]\nThe\n", language="xx")
    assert rules.abbreviation == {"u.s", "inc"} and rules.starter == {"the"} and not rules.title
