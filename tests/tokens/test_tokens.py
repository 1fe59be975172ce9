"""Word tokens: the one token pattern, inner punctuation kept."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Переговоры возобновятся, сказал он.", ["Переговоры", "возобновятся", "сказал", "он"]),
        ("Οι συνομιλίες ξαναρχίζουν.", ["Οι", "συνομιλίες", "ξαναρχίζουν"]),
        ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),  # vowel signs (combining marks) stay inside the word
        ("שָׁלוֹם עוֹלָם", ["שָׁלוֹם", "עוֹלָם"]),  # Hebrew vowel points
        ("العَرَبِيَّة لغة", ["العَرَبِيَّة", "لغة"]),  # Arabic harakat
        ("和平谈判。", ["和", "平", "谈", "判"]),  # one token per Han character
        ("交渉が再開", ["交", "渉", "が", "再", "開"]),  # Han and Hiragana
        ("BBC报道2025年", ["BBC", "报", "道", "2025", "年"]),
    ],
)
def test_tokenize_any_script(text, tokens):
    assert [t for t, _, _ in tokenize(text)] == tokens


def test_count_words_of_a_chinese_article_is_its_characters():
    assert count_words("外交部长周一表示，双方将再次会面。") == 15


def _random_ascii_texts(n: int, seed: int) -> list[str]:
    """Random ASCII strings dense in what tokens are made of: letters, digits, dots, commas,
    apostrophes, hyphens, underscores, per cent signs, white space and other punctuation."""
    import random

    rng = random.Random(seed)
    alphabet = "aZ" * 6 + "U.S" * 3 + "19" * 4 + ".,'-_%" * 3 + "  \t\n" + '!?;:()/$#@&*+=[]"<>|~`^{}\\\x00\x7f'
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_the_ascii_token_pattern_finds_token_re_matches_on_ascii_text():
    """tokenize and count_words take a faster pattern for ASCII text: same tokens, same offsets."""
    from corpus_tools.tokens import _ASCII_TOKEN_RE, TOKEN_RE, _token_re

    texts = _random_ascii_texts(5000, seed=0) + ["The U.S.-backed plan's cost: $1,000.50 (26%), well-known A.B."]
    for text in texts:
        assert _token_re(text) is _ASCII_TOKEN_RE
        expected = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        assert tokenize(text) == expected, text
        assert count_words(text) == len(expected)


def test_non_ascii_text_keeps_the_unicode_pattern():
    from corpus_tools.tokens import TOKEN_RE, _token_re

    assert _token_re("Zelensky\u2019s plan") is TOKEN_RE
    assert [t for t, _, _ in tokenize("Zelensky\u2019s caf\u00e9 d\u00e9j\u00e0-vu")] == [
        "Zelensky\u2019s",
        "caf\u00e9",
        "d\u00e9j\u00e0-vu",
    ]
