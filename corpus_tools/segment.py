"""Split clean text into sentences and word tokens, with character offsets, offline.

Sentences come from NLTK's Punkt algorithm run with parameters the project ships (a list of
news abbreviations in ``resources/abbreviations.txt``), so no model is downloaded. Every line
break that separates paragraphs, headings or list items is also a sentence boundary: scraped
news puts headings and bullet points on lines of their own, without a final full stop.

Offsets are into the ``text`` column, so ``text[start:end] == sentence`` always holds. Word
tokens (``TOKEN_RE``, ``tokenize``, ``count_words``) live in :mod:`corpus_tools.tokens` and are
re-exported here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from corpus_tools import shipped
from corpus_tools.checks import make_renamed_getattr, require_columns
from corpus_tools.shipped import resolve_resource
from corpus_tools.tokens import TOKEN_RE, count_words, tokenize

__all__ = [
    "split_sentences",
    "split_text_sentences",
    "split_tokens",
    "tokenize",
    "count_words",
    "TOKEN_RE",
    "make_sentence_tokenizer",
    "read_stopwords",
]

#: Abbreviations that are ordinary words too ("no", "mar"), so they only block a sentence
#: boundary when a number follows: "No. 10", "Mar. 22", "Art. 5", "p. 12".
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "mar", "art", "p", "pp", "vol", "fig", "sec", "ch", "para"})

_LINE_RE = re.compile(r"[^\n]+")
_NUMBER_ABBR_RE = re.compile(r"\b(" + "|".join(sorted(NUMBER_ABBREVIATIONS)) + r")\.$", re.IGNORECASE)
_STARTS_WITH_NUMBER_RE = re.compile(r"^[\(\[]?\d")


def _read_list(name: str) -> list[str]:
    lines = resolve_resource(name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def make_sentence_tokenizer(*, use_nltk_data: bool = False) -> PunktSentenceTokenizer:
    """Return the Punkt sentence tokenizer used by :func:`split_sentences`.

    Args:
        use_nltk_data: if True and the machine has NLTK's trained English Punkt model in an
            ``nltk_data`` folder, start from it (the shipped abbreviations are added). The
            default, False, uses only shipped parameters, so results are the same on every
            machine.

    >>> tok = make_sentence_tokenizer()
    >>> tok.tokenize("Gen. Smith met Mr. Jones in the U.S. capital. They talked.")
    ['Gen. Smith met Mr. Jones in the U.S. capital.', 'They talked.']
    """
    params = None
    if use_nltk_data:
        try:
            from nltk.tokenize import PunktTokenizer

            params = PunktTokenizer("english")._params
        except (LookupError, OSError, ImportError):
            params = None
    if params is None:
        params = PunktParameters()
    params.abbrev_types.update(_read_list("abbreviations.txt"))
    return PunktSentenceTokenizer(params)


def _spans_in_line(line: str, tokenizer: PunktSentenceTokenizer) -> Iterator[tuple[int, int]]:
    spans = list(tokenizer.span_tokenize(line))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged:
            previous = line[merged[-1][0] : merged[-1][1]]
            if _NUMBER_ABBR_RE.search(previous) and _STARTS_WITH_NUMBER_RE.match(line[start:end]):
                merged[-1][1] = end
                continue
        merged.append([start, end])
    for start, end in merged:
        yield start, end


def split_text_sentences(text: str, *, use_nltk_data: bool = False) -> list[tuple[int, int, str]]:
    """Split one text into ``(start, end, sentence)`` triples; offsets index into ``text``.

    Line breaks always end a sentence; within a line, Punkt decides.

    >>> split_text_sentences("Home\\nDr. Who said \\"Hi.\\" Then left.")
    [(0, 4, 'Home'), (5, 23, 'Dr. Who said "Hi."'), (24, 34, 'Then left.')]
    """
    tokenizer = make_sentence_tokenizer(use_nltk_data=use_nltk_data)
    out = []
    for line_match in _LINE_RE.finditer(text):
        line = line_match.group()
        if not line.strip():
            continue
        offset = line_match.start()
        for start, end in _spans_in_line(line, tokenizer):
            sentence = line[start:end].strip()
            if not sentence:
                continue
            lead = len(line[start:end]) - len(line[start:end].lstrip())
            s = offset + start + lead
            out.append((s, s + len(sentence), sentence))
    return out


def split_sentences(corpus: pd.DataFrame, *, text_col: str = "text", use_nltk_data: bool = False) -> pd.DataFrame:
    """Split every document into sentences: one row per sentence.

    Args:
        corpus: a table with ``doc_id`` and ``text_col`` (as returned by ``load_corpus``).
        text_col: the column to split.
        use_nltk_data: see :func:`make_sentence_tokenizer`.

    Returns:
        ``doc_id, sent_id, start, end, text`` (``sent_id`` counts from 0 within each document,
        offsets index into the document's ``text_col``), plus ``position``: the sentence's
        relative position in its document, from 0 (first) to 1 (last).

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["One. Two."]})
    >>> split_sentences(corpus)[["doc_id", "sent_id", "start", "end", "text"]].values.tolist()
    [['a', 0, 0, 4, 'One.'], ['a', 1, 5, 9, 'Two.']]
    """
    require_columns(corpus, ["doc_id", text_col], table="table")
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus[text_col]):
        spans = split_text_sentences(text if isinstance(text, str) else "", use_nltk_data=use_nltk_data)
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
