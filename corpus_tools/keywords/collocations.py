"""Collocations: word pairs that occur together more often than chance, scored with NLTK.

Pairs are counted within a window of running text that never spans a sentence or a document,
with the same tokens, phrases and stop words as :func:`corpus_tools.keywords.counts.count_terms`,
and scored with the association measures of ``nltk.metrics.BigramAssocMeasures`` (:data:`MEASURES`).

>>> sorted(MEASURES)[:3]
['chi_sq', 'dice', 'likelihood_ratio']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.keywords.counts import (
    _ASCII_SEGMENT_RE,
    _COLUMN_HINT,
    _SEGMENT_RE,
    _Analyzer,
    _as_ascii,
    _as_labels,
    _compile_phrases,
    _compound,
    _segments,
    read_stopword_list,
)

__all__ = ["MEASURES", "CollocationWords", "count_collocations", "read_collocation_words", "score_pair_measure"]

#: Texts tokenised before their words become codes (a corpus's token strings are never all held).
_TEXTS_PER_BATCH = 1_000
#: Tokens whose pairs are counted at once (the pair arrays stay small at any corpus size).
_TOKENS_PER_CHUNK = 4_000_000
_OPTIONS = ("lowercase", "stopwords", "extra_stopwords", "min_length", "phrases", "keep_numbers")

#: NLTK association measures by column name (``nltk.metrics.BigramAssocMeasures``).
MEASURES = {
    "pmi": "pmi",
    "likelihood_ratio": "likelihood_ratio",
    "t_score": "student_t",
    "chi_sq": "chi_sq",
    "dice": "dice",
    "poisson_stirling": "poisson_stirling",
}


@dataclass(frozen=True)
class CollocationWords:
    """The running words of a corpus as integer codes, read once by :func:`read_collocation_words`
    and counted by :func:`count_collocations` with any window, nodes or filter.

    Attributes:
        codes: one code per token in text order (int32); ``-1`` ends a run (sentence punctuation, a line
            break or the end of a document), so no pair spans it.
        words: the word of each code.
        lowercase: whether the text was lower-cased.
        phrases: the multi-word terms joined into one token.
    """

    codes: np.ndarray
    words: np.ndarray
    lowercase: bool
    phrases: tuple[str, ...]

    @property
    def word_counts(self) -> np.ndarray:
        """Occurrences of each word (``words``), every token counted."""
        return np.bincount(self.codes[self.codes >= 0], minlength=len(self.words))


def read_collocation_words(
    corpus: pd.DataFrame, *, text_col: str = "text", count_options: Mapping | None = None
) -> CollocationWords:
    """The running words of a corpus for :func:`count_collocations`: tokenised once, so several
    windows or node lists are counted without reading the texts again.

    Args:
        corpus: a table with ``doc_id`` and ``text_col``.
        text_col: the column to read.
        count_options: as in :func:`count_collocations`; only ``lowercase`` and ``phrases`` shape
            the words (the others filter pairs when they are counted).

    Returns:
        A :class:`CollocationWords`.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Peace talks. Talks"]})
    >>> words = read_collocation_words(docs)
    >>> words.codes.tolist(), words.words.tolist()
    ([0, 1, -1, 1, -1], ['peace', 'talks'])
    """
    options = _collocation_options(count_options)
    require_columns(corpus, ["doc_id", text_col], table="corpus", hint=_COLUMN_HINT)
    lowercase, phrases = bool(options["lowercase"]), tuple(options["phrases"])
    index = _compile_phrases(phrases, lowercase)
    vocabulary: dict[str, int] = {"": -1}  # "" ends a run: code -1; a new word gets the next code
    parts, tokens = [], []
    for n, text in enumerate(corpus[text_col], start=1):
        text = text if isinstance(text, str) else ""
        text = _as_ascii(text.lower() if lowercase else text)  # the same tokens, the faster pattern if it can
        found = (_ASCII_SEGMENT_RE if text.isascii() else _SEGMENT_RE).findall(text)
        if index:
            found = [t for run in _segments(text, False) for t in (*_compound(run, index), "")]
        tokens.extend(found)
        tokens.append("")
        if n % _TEXTS_PER_BATCH == 0:  # the strings of a batch of texts become codes, then go
            parts.append(_encode(tokens, vocabulary))
            tokens = []
    parts.append(_encode(tokens, vocabulary))
    codes = np.concatenate(parts)
    words = np.array(list(vocabulary)[1:], dtype=object)
    return CollocationWords(codes, words, lowercase, phrases)


def _encode(tokens: list[str], vocabulary: dict[str, int]) -> np.ndarray:
    """The codes of ``tokens`` (int32), new words added to ``vocabulary`` (hashed by pandas; only
    the batch's distinct words pass through Python)."""
    local, distinct = pd.factorize(np.array(tokens, dtype=object))
    codes = np.array([vocabulary.setdefault(w, len(vocabulary) - 1) for w in distinct], dtype=np.int32)
    return codes[local] if len(local) else np.zeros(0, np.int32)


def _collocation_options(count_options: Mapping | None) -> dict:
    options = {
        "lowercase": True,
        "stopwords": "snowball",
        "extra_stopwords": (),
        "min_length": 1,
        "phrases": (),
        "keep_numbers": False,
        **dict(count_options or {}),
    }
    unknown = [k for k in options if k not in _OPTIONS]
    if unknown:
        raise ValueError(f"unknown option {unknown} in count_options; options: {', '.join(_OPTIONS)}")
    return options


def count_collocations(
    corpus: pd.DataFrame | CollocationWords,
    *,
    node: str | Iterable[str] | None = None,
    window: int = 2,
    measures: Sequence[str] = ("likelihood_ratio", "pmi", "t_score"),
    min_count: int = 3,
    text_col: str = "text",
    count_options: Mapping | None = None,
) -> pd.DataFrame:
    """Word pairs that occur together more often than chance, scored with NLTK's measures.

    Pairs are counted as ``nltk.collocations.BigramCollocationFinder`` counts them: ``w1``
    followed by ``w2`` within ``window`` tokens (2: adjacent words; larger windows count pairs
    in the style of Church & Hanks 1990, and NLTK scales their counts by ``1 / (window - 1)``
    in the scores). Pairs never span a sentence or a document. Pairs with a stop word, a
    word shorter than ``min_length`` or without a letter are dropped, so the window is measured
    in running text. Words are counted as integer codes with numpy; only the pairs kept are
    scored, each with NLTK's ``BigramAssocMeasures`` function.

    Args:
        corpus: a table with ``doc_id`` and ``text_col``, or its words from
            :func:`read_collocation_words` (read once for several calls).
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

    Raises:
        ValueError: an unknown measure or option, a window below 2, or words read with other
            ``lowercase`` or ``phrases`` options than ``count_options``.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Peace talks began. Peace talks ended. Peace talks stalled."]})
    >>> count_collocations(docs, min_count=2)[["w1", "w2", "n"]].values.tolist()
    [['peace', 'talks', 3]]
    """
    from nltk.metrics import BigramAssocMeasures

    options = _collocation_options(count_options)
    unknown = [m for m in measures if m not in MEASURES]
    if unknown or int(window) < 2:
        raise ValueError(
            f"unknown measure or option {unknown} (measures: {', '.join(MEASURES)}), or window {window} < 2"
        )
    if isinstance(corpus, CollocationWords):
        if (corpus.lowercase, corpus.phrases) != (bool(options["lowercase"]), tuple(options["phrases"])):
            raise ValueError(
                f"the words were read with lowercase={corpus.lowercase}, phrases={list(corpus.phrases)}, not with "
                f"lowercase={options['lowercase']}, phrases={list(options['phrases'])}: read them again with "
                "read_collocation_words(corpus, count_options=...) and the same count_options"
            )
        words = corpus
    else:
        words = read_collocation_words(corpus, text_col=text_col, count_options=options)
    stop = read_stopword_list(options["stopwords"], extra=options["extra_stopwords"])
    analyzer = _Analyzer(
        options["lowercase"], stop, int(options["min_length"]), None, (1, 1), {}, options["keep_numbers"]
    )
    nodes = None if node is None else {n.lower() if options["lowercase"] else n for n in _as_labels(node)}
    kept = np.fromiter((analyzer.keep(w) for w in words.words), dtype=bool, count=len(words.words))
    node_mask = None if nodes is None else np.isin(words.words, sorted(nodes))
    first, second, n = _count_pairs(words.codes, len(words.words), int(window), kept=kept, nodes=node_mask)
    enough = n >= int(min_count)
    word_counts = words.word_counts
    found = sorted(
        zip(words.words[first[enough]].tolist(), words.words[second[enough]].tolist(), n[enough].tolist(),
            word_counts[first[enough]].tolist(), word_counts[second[enough]].tolist())
    )  # fmt: skip
    table = pd.DataFrame([f[:3] for f in found], columns=["w1", "w2", "n"]).astype({"n": "int64"})
    n_all, scale = int(word_counts.sum()), int(window) - 1.0
    columns = np.array([f[2:] for f in found], dtype=np.int64).reshape(-1, 3)
    for name in measures:  # as BigramCollocationFinder.score_ngram calls NLTK's measure on each pair
        if found and int(columns[:, 1].max()) * int(columns[:, 2].max()) < 2**53 and n_all < 2**53:
            table[name] = score_pair_measure(name, columns[:, 0] / scale, columns[:, 1], columns[:, 2], n_all)
        else:  # products beyond float precision: NLTK's function pair by pair (exact integers)
            score = getattr(BigramAssocMeasures, MEASURES[name])
            table[name] = [score(n_ii / scale, (n_ix, n_xi), n_all) for _, _, n_ii, n_ix, n_xi in found]
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


_SMALL = 1e-20  # nltk.metrics.association._SMALL
_LN, _LOG2, _POW = np.frompyfunc(math.log, 1, 1), np.frompyfunc(math.log2, 1, 1), np.frompyfunc(pow, 2, 1)


def _as_float(values) -> np.ndarray:
    return np.asarray(values, dtype=float)


def score_pair_measure(name: str, n_ii: np.ndarray, n_ix: np.ndarray, n_xi: np.ndarray, n_all: int) -> np.ndarray:
    """NLTK's ``BigramAssocMeasures`` measure ``name`` (a key of :data:`MEASURES`) of many pairs at
    once: ``n_ii`` the pair counts (already divided by ``window - 1``), ``n_ix`` and ``n_xi`` the
    counts of the first and second word, ``n_all`` the number of words. The same floating-point
    operations in the same order as ``nltk.metrics.association`` (its logarithms and powers with
    Python's ``math.log``, ``math.log2`` and ``pow``), so the same values; word-count products
    must stay below 2**53 (exact in a float).

    >>> from nltk.metrics import BigramAssocMeasures as M
    >>> got = score_pair_measure("likelihood_ratio", np.array([3.0]), np.array([5]), np.array([4]), 40)
    >>> float(got[0]) == M.likelihood_ratio(3.0, (5, 4), 40)
    True
    """
    n_ii, n_ix, n_xi = _as_float(n_ii), np.asarray(n_ix, dtype=np.int64), np.asarray(n_xi, dtype=np.int64)
    product = n_ix * n_xi
    with np.errstate(divide="ignore", invalid="ignore"):
        if name == "t_score":
            return (n_ii - product / n_all) / _as_float(_POW(n_ii + _SMALL, 0.5))
        if name == "pmi":
            return _as_float(_LOG2(n_ii * float(n_all))) - _as_float(_LOG2(product.astype(object)))
        if name == "dice":
            return 2 * n_ii / (n_ix + n_xi)
        if name == "poisson_stirling":
            return n_ii * (_as_float(_LOG2(n_ii / (product / n_all))) - 1)
        n_oi, n_io = n_xi - n_ii, n_ix - n_ii
        cont = [n_ii, n_oi, n_io, n_all - n_ii - n_oi - n_io]
        if name == "chi_sq":  # phi_sq names the cells n_ii, n_io, n_oi, n_oo in this order
            a, b, c, d = cont
            phi = _as_float(_POW(a * d - b * c, 2)) / ((a + b) * (a + c) * (b + d) * (c + d))
            return n_all * phi
        if name == "likelihood_ratio":
            n_xx = cont[0] + cont[1] + cont[2] + cont[3]
            total = 0
            for i in range(4):
                expected = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / n_xx
                total = total + cont[i] * _as_float(_LN(cont[i] / (expected + _SMALL) + _SMALL))
            return 2 * total
    raise ValueError(f"unknown measure {name!r}; use one of {', '.join(MEASURES)}")


def _count_pairs(
    codes: np.ndarray, n_words: int, window: int, *, kept: np.ndarray, nodes: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair ``(codes[i], codes[i + k])``, ``0 < k < window``, within one run (no ``-1``
    between), both words ``kept`` and, with ``nodes``, one of them a node: first codes, second
    codes and counts (each pair encoded as one int64, counted with ``np.unique``).

    >>> _count_pairs(np.array([0, 1, 0, -1, 1, 0]), 2, 2, kept=np.array([True, True]), nodes=None)
    (array([0, 1]), array([1, 0]), array([1, 2]))
    """
    keep = np.append(kept, False)  # code -1 reads the last entry: never kept
    node = None if nodes is None else np.append(nodes, False)
    ends = np.flatnonzero(codes < 0)
    # chunks of about _TOKENS_PER_CHUNK tokens, cut at run ends (no pair spans them)
    at = np.searchsorted(ends, np.arange(_TOKENS_PER_CHUNK, codes.size, _TOKENS_PER_CHUNK))
    cuts = np.unique(np.concatenate([[0], ends[at[at < ends.size]] + 1, [codes.size]]))
    found_keys, found_counts = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for start, stop in zip(cuts[:-1], cuts[1:]):
        chunk = codes[start:stop].astype(np.int64)
        run, take = np.cumsum(chunk < 0), keep[chunk]
        is_node = None if node is None else node[chunk]
        keys = []
        for k in range(1, window):
            ok = take[:-k] & take[k:] & (run[:-k] == run[k:])
            if is_node is not None:
                ok &= is_node[:-k] | is_node[k:]
            keys.append(chunk[:-k][ok] * np.int64(n_words) + chunk[k:][ok])
        chunk_keys, chunk_counts = np.unique(np.concatenate(keys), return_counts=True)
        found_keys.append(chunk_keys)
        found_counts.append(chunk_counts)
    pairs, where = np.unique(np.concatenate(found_keys), return_inverse=True)
    counts = np.bincount(where, weights=np.concatenate(found_counts), minlength=pairs.size).astype(np.int64)
    return pairs // max(n_words, 1), pairs % max(n_words, 1), counts
