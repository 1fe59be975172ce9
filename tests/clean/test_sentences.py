"""Long prose lines (a whole article exported as one line) lose only their promotional sentences."""

from __future__ import annotations

import pytest

from corpus_tools.clean import apply_edits, clean_text, restore_raw
from corpus_tools.clean.lines import _split_lines
from corpus_tools.clean.sentences import LONG_LINE_WORDS, _is_long_prose, _sentence_rule, _sentence_spans

# A BBC-like edited article: three paragraphs of 31 words each, delivered as ONE line (as CSV and
# JSON exports do), with a newsletter sentence between the first and second paragraph.
PARA = (
    "The government announced on Tuesday that it would spend an extra two billion pounds on the railways "
    "over the next five years, a move that ministers said would cut journey times across the north."
)
PROMO = "Sign up for our newsletter to get the latest headlines in your inbox."


def test_one_line_article_keeps_every_sentence_but_the_newsletter_one():
    raw = f"{PARA} {PROMO} {PARA} {PARA}\n"
    result = clean_text(raw)
    assert result.text == f"{PARA} {PARA} {PARA}\n"
    removed = [(e.original, e.rule) for e in result.edits if e.replacement == ""]
    assert removed == [(PROMO + " ", "promo")]
    start = raw.index(PROMO)
    assert [(e.start, e.end) for e in result.edits if e.rule == "promo"] == [(start, start + len(PROMO) + 1)]
    assert restore_raw(result.text, result.edits) == raw


@pytest.mark.parametrize(
    "raw, expected",
    [
        # promotional sentence last: the space before it goes with it
        (f"{PARA} {PARA} {PARA} {PROMO}", f"{PARA} {PARA} {PARA}"),
        # promotional sentence first
        (f"{PROMO} {PARA} {PARA} {PARA}", f"{PARA} {PARA} {PARA}"),
        # a comment prompt and a cookie notice in the middle
        (
            f"{PARA} Let us know what you think in the comments below. {PARA} {PARA}",
            f"{PARA} {PARA} {PARA}",
        ),
        # mojibake repaired in the kept part, the promotion still cut
        (
            f"Caf\u00c3\u00a9 owners agreed. {PARA} {PARA} {PARA} {PROMO}",
            f"Caf\u00e9 owners agreed. {PARA} {PARA} {PARA}",
        ),
    ],
)
def test_sentence_cuts_rebuild_the_raw_text(raw, expected):
    result = clean_text(raw)
    assert result.text.rstrip("\n") == expected
    assert apply_edits(raw, result.edits) == result.text
    assert restore_raw(result.text, result.edits) == raw


def test_a_long_line_of_promotions_only_goes_whole():
    raw = f"{PARA}\n\n" + " ".join([PROMO, "Download our app for breaking news alerts and the latest updates."] * 6)
    result = clean_text(raw)
    assert result.text == PARA + "\n"
    assert [e.rule for e in result.edits if e.original.startswith("Sign up")] == ["promo"]


def test_a_sentence_with_two_signals_in_a_report_is_kept():
    sentence = (
        "The operator will let you access its services as part of your subscription cost but it makes you pay "
        "by the megabyte to download from other sites."
    )
    assert _sentence_rule(sentence, outside_body=False) is None
    assert _sentence_rule("Subscribe to our newsletter.", outside_body=False) == "promo"


def test_long_prose_threshold_and_stop_words():
    words = " ".join(["the talks went on"] * (LONG_LINE_WORDS // 4)) + "."
    menu = " ".join(["Politics Business Sport Culture"] * (LONG_LINE_WORDS // 4))
    assert [_is_long_prose(ln) for ln in _split_lines(words + "\n" + menu + "\nShort line.")] == [True, False, False]


@pytest.mark.parametrize(
    "text, n",
    [
        ("Mr. Smith met Dr. Jones in St. Albans on Jan. 3. They talked.", 2),
        ("J. K. Rowling spoke. It rained!", 2),
        ('He said: "It is over." Then he left.', 2),
        ("Growth was 2.5% in 2024. Prices rose.", 2),
    ],
)
def test_sentence_spans_skip_abbreviations_and_initials(text, n):
    spans = _sentence_spans(text)
    assert len(spans) == n
    assert text[spans[0][0] : spans[-1][1]] == text.strip()
