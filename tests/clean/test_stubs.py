"""Stubs: pages without an article get a status with the reason; articles are "ok"."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools.clean import MIN_WORDS, clean_corpus, list_stubs
from corpus_tools.clean.stubs import _stub_status

# 90 words of article prose (9 sentences of 10 words).
PROSE = "The ministers met in Geneva on Monday to discuss trade. " * 9
MENU = "Home\nWorld\nBusiness\nSport\nCulture\nVideo\nLogin\n" * 20


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Access Denied\nAccess Denied\nReference #18.101fd717\n", "stub: access denied (HTTP 403)"),
        ("403 Forbidden\nnginx\n", "stub: access denied (HTTP 403)"),
        ("Oops! The page you are looking for doesn't exist.\nGo home\n", "stub: page not found (HTTP 404)"),
        ("Error 404\n", "stub: page not found (HTTP 404)"),
        ("Please enable JavaScript to view this site.\n", "stub: enable JavaScript"),
        ("Russia's economy slows\n\nSubscribe to continue reading.\nAlready a subscriber? Log in\n", "stub: paywall"),
        ("Before you continue to our site, we use cookies. Accept all cookies to continue.\n", "stub: cookie wall"),
        # 140 menu words; kept: "World Business Sport Culture Video Ministers met" (7 words)
        (MENU + "Ministers met.\n", f"stub: fewer than {MIN_WORDS} words after cleaning (7)"),
        (PROSE, "ok"),
        # a short text as given (a table of headlines, an example) is not judged by its length
        ("Diplomats met on Monday to discuss a ceasefire, officials said.\n", "ok"),
    ],
)
def test_status_of_each_kind_of_page(raw, expected):
    corpus = pd.DataFrame({"doc_id": ["a"], "raw_text": [raw]})
    assert clean_corpus(corpus)["status"].tolist() == [expected]


def test_an_article_that_mentions_a_block_is_not_a_stub():
    text = PROSE * 2 + "The site showed an access denied message to readers abroad."
    assert _stub_status(text, text) == "ok"


def test_emptied_page_is_a_stub():
    assert _stub_status("Skip to content\n", "") == "stub: emptied by cleaning"


def test_list_stubs_gives_the_reason():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "raw_text": ["Error 404\n", PROSE]})
    stubs = list_stubs(clean_corpus(corpus))
    assert stubs[["doc_id", "reason"]].values.tolist() == [["a", "page not found (HTTP 404)"]]
    with pytest.raises(KeyError, match="status"):
        list_stubs(corpus)


@pytest.mark.parametrize("n", [0, 1, 79, 80, 81, 149, 150, 151, 400])
@pytest.mark.parametrize("limit", [1, 80, 150])
def test_count_words_upto_is_count_words_capped(n, limit):
    from corpus_tools.clean.stubs import _count_words_upto
    from corpus_tools.tokens import count_words

    text = " ".join(["U.S.-backed", "plan's", "1,000.50", "Переговоры"] * 100)[: 0 if n == 0 else None]
    text = " ".join(text.split()[:n])
    assert _count_words_upto(text, limit) == min(count_words(text), limit)


@pytest.mark.parametrize("words", [0, 5, 79, 80, 120, 149, 150, 151, 300])
@pytest.mark.parametrize("raw_words", [10, 80, 200])
def test_status_counts_words_as_before(words, raw_words):
    """The status with capped word counts is the status computed with full counts."""
    from corpus_tools.tokens import count_words

    raw = "Subscribe to continue reading. " + "word " * raw_words
    text = "word " * words

    def full_count_status() -> str:  # the rule with count_words over the whole texts
        n = count_words(text)
        if n < 150:
            from corpus_tools.clean.stubs import _BLOCK_RES

            for reason, regex in _BLOCK_RES:
                if regex.search(raw[:20000]):
                    return f"stub: {reason}"
        if not text.strip() and raw.strip():
            return "stub: emptied by cleaning"
        if n < MIN_WORDS and count_words(raw) >= MIN_WORDS:
            return f"stub: fewer than {MIN_WORDS} words after cleaning ({n})"
        return "ok"

    assert _stub_status(raw, text) == full_count_status()
    assert _stub_status(text, text) == _stub_status(text, text, min_words=MIN_WORDS)
