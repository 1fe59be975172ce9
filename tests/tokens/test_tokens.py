"""Word tokens: the one token pattern, inner punctuation kept."""

from __future__ import annotations

import corpus_tools as ct
from corpus_tools.tokens import count_words, tokenize


def test_tokenize_keeps_inner_punctuation():
    tokens = [t for t, _, _ in tokenize("The U.S.-backed plan's cost: $1,000.50 (26%) - well-known.")]
    assert tokens == ["The", "U.S.", "backed", "plan's", "cost", "1,000.50", "26%", "well-known"]


def test_tokens_are_re_exported_where_they_were():
    assert ct.tokenize is tokenize and ct.segment.tokenize is tokenize
    assert ct.segment.count_words is count_words and ct.segment.TOKEN_RE is ct.tokens.TOKEN_RE
    assert count_words("The U.S.-backed plan's cost: $1,000.50") == len(
        tokenize("The U.S.-backed plan's cost: $1,000.50")
    )
