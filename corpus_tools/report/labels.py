"""Short readable labels for documents in figures and tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

__all__ = ["label_documents", "format_figure_text", "format_short_text"]

_DOLLAR_RE = re.compile(r"(?<!\\)\$")


def format_figure_text(text: object) -> str:
    """``text`` as a string matplotlib draws literally: every ``$`` escaped, so a headline such as
    "Aid: $5bn, or $2bn" is never parsed as mathtext (which garbles it, or raises on ``_x_``/``^``).
    Every text from the corpus (titles, labels, terms, actors, group values) passes through it
    before it reaches a figure.

    >>> format_figure_text("Aid: $5bn, or 2% of GDP"), format_figure_text(r"already \\$1")
    ('Aid: \\\\$5bn, or 2% of GDP', 'already \\\\$1')
    """
    return _DOLLAR_RE.sub(r"\\$", str(text))


def format_short_text(text: object, *, width: int = 40) -> str:
    """``text`` on one line in at most ``width`` characters: cut at a word boundary with an
    ellipsis (inside a word only when one word is longer than ``width``).

    >>> format_short_text("Allies meet in Paris to discuss a force", width=20)
    'Allies meet in\u2026'
    >>> format_short_text("a_very_long_file_name", width=10)
    'a_very_lo\u2026'
    """
    return _short(str(text), width)


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text[width - 1] != " " and " " in cut:  # drop the last, partial word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "\u2026"


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _unique_prefixes(ids: Sequence[str], *, min_len: int = 3) -> list[str]:
    """The shortest prefix of each id (at least ``min_len`` characters) that no other id shares:
    one character past the longest start it has in common with its neighbours in sorted order."""
    order = sorted(set(ids))
    shared = {doc_id: 0 for doc_id in order}
    for a, b in zip(order, order[1:]):
        n = _common_prefix(a, b)
        shared[a], shared[b] = max(shared[a], n), max(shared[b], n)
    keys = []
    for doc_id in ids:
        key = doc_id[: max(min_len, shared[doc_id] + 1)]
        while len(key) > shared[doc_id] + 1 and key[-1] in "_-. ":  # a trailing separator, unless it tells ids apart
            key = key[:-1]
        keys.append(key)
    return keys


def label_documents(corpus: pd.DataFrame, *, width: int = 40) -> pd.Series:
    """Short readable labels for figures, indexed by ``doc_id``: the shortest unique start of
    the ``doc_id`` (so every label leads back to its document), then the title cut to ``width``
    characters at a word boundary; a document without a title shows the first words of its text.

    >>> docs = pd.DataFrame({"doc_id": ["000_a1", "001_b2"], "title": ["Talks begin on a force for Ukraine", None],
    ...                      "text": ["...", "Washington - Allies met on Monday."]})
    >>> label_documents(docs, width=20).tolist()
    ['000 \u00b7 Talks begin on a\u2026', '001 \u00b7 Washington - Allies\u2026']
    """
    ids = corpus["doc_id"].astype(str).tolist()
    titles = corpus["title"] if "title" in corpus else pd.Series([None] * len(corpus), index=corpus.index)
    texts = corpus["text"] if "text" in corpus else pd.Series([""] * len(corpus), index=corpus.index)
    labels = []
    for key, title, text in zip(_unique_prefixes(ids), titles, texts):
        words = title if isinstance(title, str) and title.strip() else (str(text).strip().splitlines() or [""])[0]
        labels.append(f"{key} \u00b7 {_short(words, width)}" if words.strip() else key)
    return pd.Series(labels, index=pd.Index(ids, name="doc_id"), name="label")
