"""Word tokens: the one token pattern every stage counts with (cleaning, loading, analyses).

A token is a run of letters or digits of any script, with inner hyphens, apostrophes, dots (``U.S.``)
or digit separators (``76.8``, ``1,000``) kept inside it; punctuation is dropped. Combining marks
(Devanagari vowel signs, Arabic and Hebrew vowel points) stay inside their word.

Chinese and Japanese are written without spaces between words, so each Han, Hiragana or Katakana
character is a token of its own: ``count_words`` of a Chinese text is its number of characters (a
Chinese word has about 1.5 to 2 characters, so this count is higher than a word count would be;
segmenting words needs a dictionary-based segmenter, which the package does not ship). Thai, Lao,
Khmer and Burmese, also written without spaces, count one token per space-separated run. ``corpus_tools.segment``
re-exports these names (``ct.tokenize``, ``ct.segment.count_words`` keep working).

>>> count_words("Peace talks resume, officials said.")
5
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["TOKEN_RE", "tokenize", "count_words"]

# ``tokenize``: the established name of this operation (NLTK, spaCy, the tidytext model).
_GRAMMAR_EXCEPTIONS = {"tokenize"}


def _char_class(keep, *, last: int = 0x1FFFF) -> str:
    """The characters up to ``last`` (the basic and supplementary multilingual planes, where all
    scripts' letters and marks are) that ``keep`` accepts, as the inside of a regex character class.

    >>> _char_class(str.isupper, last=0x7F)
    'A-Z'
    """
    ranges: list[tuple[int, int]] = []
    for code in range(last + 1):
        if keep(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


#: Scripts written without spaces whose characters are one token each: Hiragana, Katakana and Han
#: (CJK unified ideographs with extensions A to F, compatibility ideographs).
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
#: Combining marks (Unicode categories Mn, Mc, Me): kept inside the word they follow.
MARK_CHARS = _char_class(lambda c: unicodedata.category(c)[0] == "M") + "\U000e0100-\U000e01ef"
#: Upper-case and lower-case letters of every script (for sentence-boundary tests).
UPPER_CHARS = _char_class(str.isupper)
LOWER_CHARS = _char_class(str.islower)

_WORD = rf"[^\W{CJK_CHARS}]+(?:[{MARK_CHARS}]+[^\W{CJK_CHARS}]*)*"
#: A word token: letters or digits of any script, with inner hyphens, apostrophes, dots (U.S.) or
#: digit separators (76.8, 1,000) kept inside the token; one Han, Hiragana or Katakana character.
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # dotted abbreviations: U.S., U.K., D.C.
    r"|\d+(?:[.,]\d+)*%?"  # numbers: 76.8, 1,000, 26%
    rf"|{_WORD}(?:['’\-]{_WORD})*"  # words with inner apostrophes or hyphens
    rf"|[{CJK_CHARS}]",  # a Han, Hiragana or Katakana character
    re.UNICODE,
)
#: TOKEN_RE on ASCII text (where no letter is a mark or CJK and ``\w`` is ``[A-Za-z0-9_]``), the
#: same matches about twice as fast; :func:`_token_re` picks the pattern for a text.
_ASCII_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*%?|\w+(?:['\-]\w+)*", re.ASCII)


def _token_re(text: str) -> re.Pattern:
    """The token pattern for ``text``: the ASCII one when the text is ASCII, else TOKEN_RE."""
    return _ASCII_TOKEN_RE if text.isascii() else TOKEN_RE


def tokenize(text: str, *, lowercase: bool = False) -> list[tuple[str, int, int]]:
    """Split a string into word tokens ``(token, start, end)``; punctuation is dropped.

    >>> tokens = tokenize("The U.S. sent $76.8 billion, Zelensky's aides said.")
    >>> tokens[:4]
    [('The', 0, 3), ('U.S.', 4, 8), ('sent', 9, 13), ('76.8', 15, 19)]
    >>> tokens[4:]
    [('billion', 20, 27), ("Zelensky's", 29, 39), ('aides', 40, 45), ('said', 46, 50)]
    """
    return [(m.group().lower() if lowercase else m.group(), m.start(), m.end()) for m in _token_re(text).finditer(text)]


@functools.lru_cache(maxsize=16384)
def _cached_tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """:func:`tokenize` of ``text`` as a tuple, remembered for the last 16,384 texts: the sentiment
    lexicons and the frame dictionary match the same sentences one after the other, and each
    sentence is tokenised once (the tuple is shared: never change it).

    >>> _cached_tokens("Peace talks.") == tuple(tokenize("Peace talks."))
    True
    """
    return tuple([(m.group(), m.start(), m.end()) for m in _token_re(text).finditer(text)])


def count_words(text: str) -> int:
    """Number of word tokens in ``text`` (as :func:`tokenize` counts them); 0 for a non-string.

    >>> count_words("The U.S.-backed plan's cost: $1,000.50"), count_words(None)
    (6, 0)
    >>> count_words("Переговоры возобновятся."), count_words("和平谈判。"), count_words("हिन्दी भाषा")
    (2, 4, 2)
    """
    return len(_token_re(text).findall(text)) if isinstance(text, str) else 0
