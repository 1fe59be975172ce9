"""Collocations: word pairs that occur together more often than chance, scored with NLTK.

Pairs are counted within a window of running text that never spans a sentence or a document,
with the same tokens, phrases and stop words as :func:`corpus_tools.keywords.counts.count_terms`,
and scored with the association measures of ``nltk.metrics.BigramAssocMeasures`` (:data:`MEASURES`).

>>> sorted(MEASURES)[:3]
['chi_sq', 'dice', 'likelihood_ratio']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.keywords.counts import (
    _COLUMN_HINT,
    _Analyzer,
    _as_labels,
    _compile_phrases,
    _compound,
    _segments,
    read_stopword_list,
)

__all__ = ["MEASURES", "count_collocations"]

#: NLTK association measures by column name (``nltk.metrics.BigramAssocMeasures``).
MEASURES = {
    "pmi": "pmi",
    "likelihood_ratio": "likelihood_ratio",
    "t_score": "student_t",
    "chi_sq": "chi_sq",
    "dice": "dice",
    "poisson_stirling": "poisson_stirling",
}


def _collocation_words(texts: Iterable[str], *, window: int, lowercase: bool, phrases) -> list:
    """All tokens in one stream, ``window - 1`` gaps (None) between sentences and documents,
    so no pair spans them."""
    index = _compile_phrases(phrases, lowercase)
    gap = [None] * (window - 1)
    words: list = []
    for text in texts:
        for run in _segments(text if isinstance(text, str) else "", lowercase):
            words.extend(_compound(run, index))
            words.extend(gap)
    return words


def count_collocations(
    corpus: pd.DataFrame,
    *,
    node: str | Iterable[str] | None = None,
    window: int = 2,
    measures: Sequence[str] = ("likelihood_ratio", "pmi", "t_score"),
    min_count: int = 3,
    text_col: str = "text",
    count_options: Mapping | None = None,
) -> pd.DataFrame:
    """Word pairs that occur together more often than chance, scored with NLTK's measures.

    Pairs are counted with ``nltk.collocations.BigramCollocationFinder``: ``w1`` followed by
    ``w2`` within ``window`` tokens (2: adjacent words; larger windows count pairs in the
    style of Church & Hanks 1990, and NLTK scales their counts by ``1 / (window - 1)``
    in the scores). Pairs never span a sentence or a document. Pairs with a stop word, a
    word shorter than ``min_length`` or without a letter are dropped after counting, so the
    window is measured in running text.

    Args:
        corpus: a table with ``doc_id`` and ``text_col``.
        node: a word or a list of words: keep only pairs containing one, in either
            position; the table then has a ``node`` column (a pair with two nodes is listed
            under each).
        window: the span, in tokens, a pair must fall within (>= 2).
        measures: columns to compute, among ``pmi``, ``likelihood_ratio``, ``t_score``,
            ``chi_sq``, ``dice``, ``poisson_stirling``; the table is sorted by the first.
        min_count: minimum co-occurrences of a pair.
        text_col: the column to read.
        count_options: ``lowercase``, ``stopwords``, ``extra_stopwords``, ``min_length``,
            ``phrases``, ``keep_numbers`` as in :func:`~corpus_tools.keywords.counts.count_terms`
            (no stemming, no n-grams).

    Returns:
        ``w1, w2, n, <measures>`` (``n``: pair count in the window), plus ``node`` when
        nodes are given (sorted by node, then by the first measure).

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Peace talks began. Peace talks ended. Peace talks stalled."]})
    >>> count_collocations(docs, min_count=2)[["w1", "w2", "n"]].values.tolist()
    [['peace', 'talks', 3]]
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    options = {
        "lowercase": True,
        "stopwords": "snowball",
        "extra_stopwords": (),
        "min_length": 1,
        "phrases": (),
        "keep_numbers": False,
        **dict(count_options or {}),
    }
    unknown = [m for m in measures if m not in MEASURES] + [
        k
        for k in options
        if k not in ("lowercase", "stopwords", "extra_stopwords", "min_length", "phrases", "keep_numbers")
    ]
    if unknown or int(window) < 2:
        raise ValueError(
            f"unknown measure or option {unknown} (measures: {', '.join(MEASURES)}), or window {window} < 2"
        )
    require_columns(corpus, ["doc_id", text_col], table="corpus", hint=_COLUMN_HINT)
    words = _collocation_words(
        corpus[text_col], window=int(window), lowercase=options["lowercase"], phrases=options["phrases"]
    )
    stop = read_stopword_list(options["stopwords"], extra=options["extra_stopwords"])
    analyzer = _Analyzer(
        options["lowercase"], stop, int(options["min_length"]), None, (1, 1), {}, options["keep_numbers"]
    )
    nodes = None if node is None else {n.lower() if options["lowercase"] else n for n in _as_labels(node)}
    finder = BigramCollocationFinder(*_pair_counts(words, int(window), nodes), window_size=int(window))
    finder.apply_freq_filter(int(min_count))
    finder.apply_word_filter(lambda w: not analyzer.keep(w))
    pairs = sorted(finder.ngram_fd.items())
    table = pd.DataFrame([(w1, w2, n) for (w1, w2), n in pairs], columns=["w1", "w2", "n"]).astype({"n": "int64"})
    for name in measures:
        scores = dict(finder.score_ngrams(getattr(BigramAssocMeasures, MEASURES[name])))
        table[name] = [scores.get(pair, np.nan) for pair, _ in pairs]
    if nodes is not None:  # one row per node a pair contains
        table = pd.concat(
            [table[(table["w1"] == n) | (table["w2"] == n)].assign(node=n) for n in sorted(nodes)]
            + [table.iloc[:0].assign(node="")],
            ignore_index=True,
        )
    if measures and len(table):
        keys = (["node"] if nodes is not None else []) + [measures[0], "w1", "w2"]
        table = table.sort_values(keys, ascending=[True] * (nodes is not None) + [False, True, True], kind="stable")
    return table.reset_index(drop=True)


def _pair_counts(words: list, window: int, nodes: set[str] | None):
    """Word and pair frequencies exactly as ``BigramCollocationFinder.from_words(words,
    window_size=window)`` counts them (None is a gap), restricted to pairs with a node word
    when ``nodes`` is given; counted with ``collections.Counter`` for speed."""
    from collections import Counter

    from nltk.probability import FreqDist

    word_fd = FreqDist(Counter(w for w in words if w is not None))
    pairs: Counter = Counter()
    for k in range(1, window):
        shifted = zip(words, words[k:])
        if nodes is None:
            pairs.update(p for p in shifted if p[0] is not None and p[1] is not None)
        else:
            pairs.update(
                p for p in shifted if (p[0] in nodes or p[1] in nodes) and p[0] is not None and p[1] is not None
            )
    return word_fd, FreqDist(pairs)
