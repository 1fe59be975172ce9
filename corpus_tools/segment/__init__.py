"""Split clean text into sentences and word tokens, with character offsets, offline.

Sentences come from the project's rule splitter (:mod:`corpus_tools.segment.sentences`): line
breaks, lists, terminators of every script, and per-language abbreviation lists shipped in
``resources/segment/`` (:mod:`corpus_tools.segment.rules`); no model is downloaded. A paragraph
break always ends a sentence, and so does a line break, unless the next line continues a
hard-wrapped sentence in lower case: scraped news puts headings, bylines and bullet points on
lines of their own, without a final full stop.

Offsets are into the ``text`` column, so ``text[start:end] == sentence`` always holds. Word
tokens (``TOKEN_RE``, ``tokenize``, ``count_words``) live in :mod:`corpus_tools.tokens` and are
re-exported here.

>>> [s for _, _, s in split_text_sentences("Mr. Smith arrived. He spoke.")]
['Mr. Smith arrived.', 'He spoke.']
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from corpus_tools import shipped
from corpus_tools.checks import make_renamed_getattr, require_columns
from corpus_tools.segment.rules import DEFAULT_LANGUAGE, list_segment_languages, read_segment_rules
from corpus_tools.segment.sentences import (
    SentenceSplitter,
    _warn_nltk_data,
    make_sentence_tokenizer,
    split_text_sentences,
)
from corpus_tools.tokens import TOKEN_RE, count_words, tokenize

__all__ = [
    "split_sentences",
    "split_text_sentences",
    "split_tokens",
    "tokenize",
    "count_words",
    "TOKEN_RE",
    "make_sentence_tokenizer",
    "SentenceSplitter",
    "read_segment_rules",
    "list_segment_languages",
    "read_stopwords",
]


def split_sentences(
    corpus: pd.DataFrame, *, text_col: str = "text", language: str | None = None, use_nltk_data: object = None
) -> pd.DataFrame:
    """Split every document into sentences: one row per sentence.

    Args:
        corpus: a table with ``doc_id`` and ``text_col`` (as returned by ``load_corpus``).
        text_col: the column to split.
        language: the ISO 639-1 code whose abbreviation lists to use for every document. The
            default, None, uses each document's ``language`` column when the table has one
            (``load_corpus`` adds it) and English otherwise; a language without shipped rules
            (``list_segment_languages()``) uses the English ones.
        use_nltk_data: deprecated, without effect (sentences no longer come from NLTK Punkt).

    Returns:
        ``doc_id, sent_id, start, end, text`` (``sent_id`` counts from 0 within each document,
        offsets index into the document's ``text_col``), plus ``position``: the sentence's
        relative position in its document, from 0 (first) to 1 (last).

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["One. Two."]})
    >>> split_sentences(corpus)[["doc_id", "sent_id", "start", "end", "text"]].values.tolist()
    [['a', 0, 0, 4, 'One.'], ['a', 1, 5, 9, 'Two.']]
    """
    _warn_nltk_data(use_nltk_data)
    require_columns(corpus, ["doc_id", text_col], table="table")
    if language is not None:
        languages = [language] * len(corpus)
    elif "language" in corpus.columns:
        languages = [code if isinstance(code, str) else DEFAULT_LANGUAGE for code in corpus["language"]]
    else:
        languages = [DEFAULT_LANGUAGE] * len(corpus)
    rows = []
    for doc_id, text, code in zip(corpus["doc_id"], corpus[text_col], languages):
        spans = split_text_sentences(text if isinstance(text, str) else "", language=code)
        n = len(spans)
        for i, (start, end, sentence) in enumerate(spans):
            rows.append((doc_id, i, start, end, sentence, i / (n - 1) if n > 1 else 0.0))
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text", "position"])
    return frame.astype({"sent_id": "int64", "start": "int64", "end": "int64", "position": "float64"})


def split_tokens(sentences: pd.DataFrame, *, lowercase: bool = True) -> pd.DataFrame:
    """Split a sentence table into one row per token (tidytext's data model).

    Returns:
        ``doc_id, sent_id, token_id, token, start, end``; ``start``/``end`` index into the
        document text (sentence offset + position in the sentence), ``token_id`` counts
        within the document.

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [10], "text": ["Hi there."]})
    >>> split_tokens(sents).values.tolist()
    [['a', 0, 0, 'hi', 10, 12], ['a', 0, 1, 'there', 13, 18]]
    """
    require_columns(sentences, ["doc_id", "sent_id", "start", "text"], table="table")
    rows = []
    counters: dict = {}
    for doc_id, sent_id, offset, text in zip(
        sentences["doc_id"], sentences["sent_id"], sentences["start"], sentences["text"]
    ):
        for token, s, e in tokenize(text, lowercase=lowercase):
            token_id = counters.get(doc_id, 0)
            counters[doc_id] = token_id + 1
            rows.append((doc_id, sent_id, token_id, token, offset + s, offset + e))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "token_id", "token", "start", "end"])


def read_stopwords(language: str = "english", *, extra: Iterable[str] = ()) -> frozenset[str]:
    """Return a shipped stop-word list (see :func:`corpus_tools.shipped.read_stopwords`): the
    same words on every machine, whatever NLTK data it has.

    Args:
        language: a shipped list name ("english": 1,333 words; "snowball": 174 function words).
        extra: words to add (compared in lower case).

    >>> "the" in read_stopwords() and "kremlin" in read_stopwords(extra=["Kremlin"])
    True
    """
    return shipped.read_stopwords(language, extra=extra)


# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"sentence_tokenizer": "make_sentence_tokenizer"})
