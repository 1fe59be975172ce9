"""Word tokens: the one token pattern every stage counts with (cleaning, loading, analyses).

A token is a run of letters or digits, with inner hyphens, apostrophes, dots (``U.S.``) or digit
separators (``76.8``, ``1,000``) kept inside it; punctuation is dropped. ``corpus_tools.segment``
re-exports these names (``ct.tokenize``, ``ct.segment.count_words`` keep working).

>>> count_words("Peace talks resume, officials said.")
5
"""

from __future__ import annotations

import re

__all__ = ["TOKEN_RE", "tokenize", "count_words"]

# ``tokenize``: the established name of this operation (NLTK, spaCy, the tidytext model).
_GRAMMAR_EXCEPTIONS = {"tokenize"}

#: A word token: letters or digits, with inner hyphens, apostrophes, dots (U.S.) or digit
#: separators (76.8, 1,000) kept inside the token.
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # dotted abbreviations: U.S., U.K., D.C.
    r"|\d+(?:[.,]\d+)*%?"  # numbers: 76.8, 1,000, 26%
    r"|\w+(?:['’\-]\w+)*",  # words with inner apostrophes or hyphens
    re.UNICODE,
)


def tokenize(text: str, *, lowercase: bool = False) -> list[tuple[str, int, int]]:
    """Split a string into word tokens ``(token, start, end)``; punctuation is dropped.

    >>> tokens = tokenize("The U.S. sent $76.8 billion, Zelensky's aides said.")
    >>> tokens[:4]
    [('The', 0, 3), ('U.S.', 4, 8), ('sent', 9, 13), ('76.8', 15, 19)]
    >>> tokens[4:]
    [('billion', 20, 27), ("Zelensky's", 29, 39), ('aides', 40, 45), ('said', 46, 50)]
    """
    return [(m.group().lower() if lowercase else m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def count_words(text: str) -> int:
    """Number of word tokens in ``text`` (as :func:`tokenize` counts them); 0 for a non-string.

    >>> count_words("The U.S.-backed plan's cost: $1,000.50"), count_words(None)
    (6, 0)
    """
    return sum(1 for _ in TOKEN_RE.finditer(text)) if isinstance(text, str) else 0
