"""Counting: documents into a sparse document-by-term matrix, frequency lists and TF-IDF.

:func:`count_terms` turns a corpus into :class:`TermCounts` (documents x terms, scipy sparse),
so a large corpus fits in memory; every other keyword function reads from it. Tokens are those
of :data:`corpus_tools.segment.TOKEN_RE`; listed phrases are joined into one term, stop words
(:func:`read_stopword_list`, shipped lists from :mod:`corpus_tools.shipped`) and numbers are
dropped, words may be stemmed and n-grams formed, never across sentence punctuation. Groups
come from :func:`corpus_tools.groups.attach_groups` (a document without a value is in the group
``"(missing)"``, with a :class:`~corpus_tools.groups.GroupWarning`). The stop-word lists are
English: when the corpus has a ``language`` column, documents in another language keep their
words (only ``extra_stopwords`` are removed from them), with a warning counting them.

>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Peace talks. Peace!", "War"]})
>>> count_frequencies(count_terms(docs))[["group", "term", "n"]].values.tolist()
[['a', 'peace', 2], ['a', 'talks', 1], ['b', 'war', 1]]
"""

from __future__ import annotations

import functools
import itertools
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from corpus_tools import shipped
from corpus_tools.checks import require_columns
from corpus_tools.groups import attach_groups
from corpus_tools.io import CorpusWarning
from corpus_tools.tokens import _ASCII_TOKEN_RE, TOKEN_RE

__all__ = [
    "TermCounts",
    "count_terms",
    "read_stopword_list",
    "count_frequencies",
    "score_tfidf",
    "select_top_terms",
    "CONCATENATOR",
]

#: Text between two tokens that ends a phrase or n-gram: sentence punctuation or a line break.
_BREAK_RE = re.compile(r"[.!?;:\n]")
_LETTER_RE = re.compile(r"[^\W\d_]")
#: A token (as :data:`corpus_tools.segment.TOKEN_RE`) or a character that ends a run.
_SEGMENT_RE = re.compile(rf"({TOKEN_RE.pattern})|[.!?;:\n]", re.UNICODE)
_ASCII_SEGMENT_RE = re.compile(rf"({_ASCII_TOKEN_RE.pattern})|[.!?;:\n]", re.ASCII)  # the same on ASCII text
#: Characters outside ASCII that no token contains and that end no run (currency and other
#: symbols, typographic quotes and dashes, wide and non-breaking spaces). A text whose only
#: non-ASCII characters are these has the same tokens at the same offsets once each of them is
#: replaced by a space, and the ASCII token pattern (about twice as fast) then applies.
_SEPARATORS = (
    "\u00a3\u20ac\u00a5\u00a2\u00a9\u00ae\u00b0\u00b1\u00d7\u00f7\u00a7\u00b6\u00b7\u00ab\u00bb"
    "\u201c\u201d\u201e\u2018\u201a\u2039\u203a\u2013\u2014\u2015\u2026\u2022\u2020\u2021\u2032\u2033"
    "\u00a0\u2002\u2003\u2007\u2008\u2009\u200a\u202f"
)


def _as_ascii(text: str) -> str:
    """``text`` with the :data:`_SEPARATORS` replaced by spaces when that leaves it ASCII (the
    same tokens at the same offsets, found by the ASCII pattern), else ``text`` itself.

    >>> _as_ascii("Costs of \u00a35m \u2014 or more"), _as_ascii("Zelensky\u2019s \u00a35m")
    ('Costs of  5m   or more', 'Zelensky\u2019s \u00a35m')
    """
    if text.isascii():
        return text
    swapped = text
    for char in _SEPARATORS:  # a search per character is far faster than str.translate
        if char in swapped:
            swapped = swapped.replace(char, " ")
    return swapped if swapped.isascii() else text


#: Joins the words of a multi-word term (as quanteda's ``tokens_compound``).
CONCATENATOR = "_"

#: What a missing column error suggests.
_COLUMN_HINT = (
    "Name one of its columns, or add the column as metadata (load_corpus(..., metadata=TABLE keyed by doc_id))"
)


def _as_labels(value) -> list[str]:
    """One label or an iterable of labels, as a list of strings."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [str(value)]
    return [str(v) for v in value]


@dataclass(frozen=True, eq=False)
class TermCounts:
    """Sparse term counts: one row per document, one column per term.

    Attributes:
        matrix: ``scipy.sparse.csr_matrix`` of counts, documents x terms.
        doc_ids: the document of each row.
        terms: the term of each column (sorted).
        groups: the group of each document (the ``by`` column; the doc_id when none).
        by: the name of the grouping column.
        stemmers: the Snowball stemmer each document's words were stemmed with (``""``: not
            stemmed), or None when no stemming was asked for.
    """

    matrix: sparse.csr_matrix
    doc_ids: np.ndarray
    terms: np.ndarray
    groups: np.ndarray
    by: str = "doc_id"
    stemmers: np.ndarray | None = None

    @functools.cached_property
    def term_totals(self) -> np.ndarray:
        """Count of every term in the whole corpus."""
        return np.asarray(self.matrix.sum(axis=0)).ravel().astype(float)

    @functools.cached_property
    def term_ranges(self) -> np.ndarray:
        """Number of documents every term occurs in."""
        return np.asarray((self.matrix > 0).sum(axis=0)).ravel().astype(float)

    @functools.cached_property
    def term_ranks(self) -> np.ndarray:
        """Alphabetical rank of every term (ties in keyness tables are listed in this order)."""
        ranks = np.empty(len(self.terms), dtype=np.int64)
        ranks[np.argsort(self.terms.astype(str), kind="stable")] = np.arange(len(self.terms))
        return ranks

    def group_matrix(self) -> tuple[np.ndarray, sparse.csr_matrix]:
        """Counts summed per group: ``(group labels sorted, groups x terms matrix)``."""
        labels, inverse = np.unique(self.groups.astype(str), return_inverse=True)
        indicator = sparse.csr_matrix(
            (np.ones(len(inverse), dtype=np.int64), (inverse, np.arange(len(inverse)))),
            shape=(len(labels), len(inverse)),
        )
        return labels, (indicator @ self.matrix).tocsr()

    def to_frame(self, *, level: str = "group") -> pd.DataFrame:
        """Long table of the non-zero counts: ``group, term, n`` (``level="group"``) or
        ``doc_id, group, term, n`` (``level="doc"``)."""
        if level == "doc":
            coo = self.matrix.tocoo()
            return pd.DataFrame(
                {
                    "doc_id": self.doc_ids[coo.row],
                    "group": self.groups[coo.row],
                    "term": self.terms[coo.col],
                    "n": coo.data.astype("int64"),
                }
            )
        if level != "group":
            raise ValueError(f"level must be 'group' or 'doc', not {level!r}")
        labels, grouped = self.group_matrix()
        coo = grouped.tocoo()
        frame = pd.DataFrame({"group": labels[coo.row], "term": self.terms[coo.col], "n": coo.data.astype("int64")})
        return frame.sort_values(["group", "term"], kind="stable").reset_index(drop=True)


#: The Snowball stemmer of each language (ISO 639-1 code), for ``count_terms(stem="auto")``.
SNOWBALL_LANGUAGES = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "eo": "esperanto",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "fa": "persian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}


@functools.lru_cache(maxsize=16)
def _stemmer(language: str):
    import snowballstemmer

    return snowballstemmer.stemmer(language)


def _compile_phrases(phrases: Iterable[str], lowercase: bool) -> dict[str, list[tuple[str, ...]]]:
    """Index multi-word terms by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(m.group() for m in TOKEN_RE.finditer(phrase.lower() if lowercase else phrase))
        if len(words) < 2:
            raise ValueError(
                f"phrase {phrase!r} has fewer than two words; list single words as stop words or terms instead"
            )
        index.setdefault(words[0].lower(), []).append(words)
    for first in index:
        index[first] = sorted(set(index[first]), key=len, reverse=True)
    return index


def _segments(text: str, lowercase: bool) -> list[list[str]]:
    """Tokens of ``text`` in runs that no sentence punctuation or line break interrupts."""
    runs: list[list[str]] = []
    run: list[str] = []
    text = _as_ascii(text.lower() if lowercase else text)  # the same tokens, the faster pattern if it can
    for token in (_ASCII_SEGMENT_RE if text.isascii() else _SEGMENT_RE).findall(text):  # "" marks a break
        if token:
            run.append(token)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _compound(tokens: list[str], index: Mapping[str, list[tuple[str, ...]]]) -> list[str]:
    """Join listed multi-word terms into one token (longest match wins, left to right)."""
    if not index:
        return tokens
    out, i = [], 0
    while i < len(tokens):
        for words in index.get(tokens[i].lower(), ()):
            if tuple(t.lower() for t in tokens[i : i + len(words)]) == tuple(w.lower() for w in words):
                out.append(CONCATENATOR.join(tokens[i : i + len(words)]))
                i += len(words)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


@dataclass(frozen=True)
class _Analyzer:
    """Turns one text into its list of terms (called by sklearn's CountVectorizer)."""

    lowercase: bool
    stopwords: frozenset[str]
    min_length: int
    stem: str | None
    ngram_range: tuple[int, int]
    phrases: Mapping[str, list[tuple[str, ...]]]
    keep_numbers: bool

    cache: dict = field(default_factory=dict, compare=False, repr=False)

    def keep(self, token: str) -> bool:
        kept = self.cache.get(token)
        if kept is None:
            kept = CONCATENATOR in token or (
                len(token) >= self.min_length
                and token.lower().replace("\u2019", "'") not in self.stopwords
                and (self.keep_numbers or _LETTER_RE.search(token) is not None)
            )
            self.cache[token] = kept
        return kept

    def __call__(self, text: str) -> list[str]:
        terms: list[str] = []
        low, high = self.ngram_range
        stem = _stemmer(self.stem).stemWord if self.stem else None
        for run in _segments(text if isinstance(text, str) else "", self.lowercase):
            run = _compound(run, self.phrases)
            cache = self.cache
            kept = [cache[t] if t in cache else self.keep(t) for t in run]
            if stem:
                run = [t if CONCATENATOR in t else stem(t) for t in run]
            if high == 1:
                terms.extend(itertools.compress(run, kept))
                continue
            for n in range(low, high + 1):
                for i in range(len(run) - n + 1):
                    if (
                        kept[i]
                        and kept[i + n - 1]
                        and (n < 3 or self.keep_numbers or all(_LETTER_RE.search(t) for t in run[i + 1 : i + n - 1]))
                    ):
                        terms.append(" ".join(run[i : i + n]))
        return terms


def count_terms(
    corpus: pd.DataFrame,
    *,
    by: str = "doc_id",
    text_col: str = "text",
    lowercase: bool = True,
    stopwords: str | None = "snowball",
    extra_stopwords: Iterable[str] = (),
    min_length: int = 1,
    stem: str | None = None,
    ngram_range: tuple[int, int] = (1, 1),
    phrases: Iterable[str] = (),
    keep_numbers: bool = False,
) -> TermCounts:
    """Count terms in every document, into a sparse matrix.

    Tokens are the words of :func:`corpus_tools.segment.tokenize`. In order: listed phrases
    are joined into one term (``"coalition of the willing"`` -> ``coalition_of_the_willing``,
    as quanteda's ``tokens_compound``); stop words, tokens shorter than ``min_length`` and
    tokens without a letter (numbers) are dropped; words are stemmed; n-grams are formed.
    Phrases and n-grams never span sentence punctuation (``. ! ? ; :``) or a line break. An
    n-gram is kept when its first and last words are kept ("coalition of the" is dropped,
    "force in ukraine" is kept).

    Args:
        corpus: a table with ``doc_id`` and ``text_col`` (from :func:`corpus_tools.load_corpus`).
        by: a column that groups documents (``outlet``); ``"doc_id"`` (the default) makes
            each document its own group. A document without a value is in the group
            ``"(missing)"`` (:func:`corpus_tools.groups.attach_groups`, with a ``GroupWarning``).
            ``None`` or ``""`` still mean ``"doc_id"`` for one release, with a ``DeprecationWarning``.
        text_col: the column to count.
        lowercase: fold case.
        stopwords: the stop words removed (see :func:`read_stopword_list`): ``"snowball"``,
            the Snowball project's 174 English function words (shipped; the default);
            ``"english"``, the broad shipped list of :func:`corpus_tools.shipped.read_stopwords`
            (1,333 words); or None to keep every word.
        extra_stopwords: more words to remove (case-insensitive).
        min_length: minimum characters of a word.
        stem: None (no stemming); ``"auto"``, each document with the Snowball stemmer of its
            ``language`` (:data:`SNOWBALL_LANGUAGES`; a document in a language without one is
            not stemmed); or a Snowball language (``"english"``), which stems the documents in
            that language only. Without a ``language`` column every document counts as English
            (``"auto"``) or as the language given; ``"und"`` (too short to tell) counts as
            English. Documents left unstemmed are counted in a warning, and
            ``TermCounts.stemmers`` names the stemmer of each document.
        ngram_range: ``(min_n, max_n)``; n-grams are words joined by a space.
        phrases: multi-word terms joined before counting (words joined by ``_``).
        keep_numbers: keep tokens without a letter (``2025``, ``26%``).

    Returns:
        :class:`TermCounts`; ``.to_frame()`` gives the long table ``group, term, n``.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["The peace force. Peace talks!", "A reassurance force"]})
    >>> count_terms(docs, phrases=["reassurance force"]).to_frame().values.tolist()
    [['a', 'force', 1], ['a', 'peace', 2], ['a', 'talks', 1], ['b', 'reassurance_force', 1]]
    """
    from sklearn.feature_extraction.text import CountVectorizer

    if by is None or by == "":
        warnings.warn(
            f"count_terms(by={by!r}) is deprecated; pass by='doc_id' (the default) to make each document its own group",
            DeprecationWarning,
            stacklevel=2,
        )
        by = "doc_id"
    require_columns(corpus, ["doc_id", text_col, by], table="corpus", hint=_COLUMN_HINT)
    low, high = (int(n) for n in ngram_range)
    if not 1 <= low <= high:
        raise ValueError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, not {ngram_range!r}")
    stop = read_stopword_list(stopwords, extra=extra_stopwords)
    phrase_index = _compile_phrases(phrases, lowercase)
    stop_lists = {True: stop, False: read_stopword_list(None, extra=extra_stopwords)}
    if stem and stem != "auto":
        _stemmer(stem)  # an unknown language fails here, with snowballstemmer's message
    stemmers = _document_stemmers(corpus, stem)
    keys = list(zip(_english_rows(corpus, stopwords), stemmers))
    analyzers = {
        (english, stemmer): _Analyzer(
            lowercase, stop_lists[english], int(min_length), stemmer or None, (low, high), phrase_index, keep_numbers
        )
        for english, stemmer in set(keys)
    }
    vectorizer = CountVectorizer(analyzer=lambda doc: analyzers[doc[1]](doc[0]), dtype=np.int64)
    try:
        matrix = vectorizer.fit_transform(list(zip(corpus[text_col].tolist(), keys))).tocsr()
        terms = vectorizer.get_feature_names_out().astype(object)
    except ValueError:  # sklearn refuses an empty vocabulary
        matrix, terms = sparse.csr_matrix((len(corpus), 0), dtype=np.int64), np.array([], dtype=object)
    groups = attach_groups(corpus[list(dict.fromkeys(["doc_id", by]))], by)["group"].to_numpy(dtype=object)
    doc_ids = corpus["doc_id"].astype(str).to_numpy(dtype=object)
    return TermCounts(matrix, doc_ids, terms, groups, by, np.array(stemmers, dtype=object) if stem else None)


def _document_stemmers(corpus: pd.DataFrame, stem: str | None) -> list[str]:
    """The Snowball stemmer of each document (``""``: none): ``stem="auto"`` takes the document's
    language, a Snowball language stems the documents in that language; warns counting the
    documents left unstemmed, per language."""
    if not stem:
        return [""] * len(corpus)
    if "language" not in corpus.columns:
        return ["english" if stem == "auto" else stem] * len(corpus)
    lang = corpus["language"].fillna("und").astype(str).replace({"und": "en"})
    own = lang.map(SNOWBALL_LANGUAGES).fillna("")
    stemmers = own if stem == "auto" else own.where(own == stem, "")
    left = lang[stemmers.eq("")]
    if len(left):
        counts = ", ".join(f"{k}: {v}" for k, v in left.value_counts().sort_index().items())
        why = "no Snowball stemmer for their language" if stem == "auto" else f"not in the stemmer's language ({stem})"
        warnings.warn(
            f"keywords: {len(left)} documents counted without stemming ({counts}): {why}",
            CorpusWarning,
            stacklevel=4,
        )
    return stemmers.tolist()


def _english_rows(corpus: pd.DataFrame, stopwords: str | None) -> list[bool]:
    """Which documents get the English stop words: all, unless a ``language`` column names another
    language (``"und"``, too short to tell, counts as English); warns counting the others."""
    if "language" not in corpus.columns:
        return [True] * len(corpus)
    lang = corpus["language"].fillna("und").astype(str)
    english = lang.isin(["en", "und"])
    if stopwords and not english.all():
        counts = lang[~english].value_counts().sort_index()
        warnings.warn(
            f"keywords: {int((~english).sum())} documents not in English "
            f"({', '.join(f'{k}: {v}' for k, v in counts.items())}) keep their stop words "
            "(the stop-word lists are English); pass extra_stopwords= to remove theirs",
            CorpusWarning,
            stacklevel=3,
        )
    return english.tolist()


def read_stopword_list(name: str | None = "snowball", *, extra: Iterable[str] = ()) -> frozenset[str]:
    """Stop words for counting, in lower case, curly apostrophes made straight.

    Args:
        name: a shipped list (:func:`corpus_tools.shipped.read_stopwords`): ``"snowball"``,
            the Snowball English list (function words only); ``"english"``, the ``stop-words``
            package's 1,333 English words, which include content words such as "states",
            "million", "group"; None or ``""``: no list. Both are the same on every machine.
        extra: words to add.

    >>> words = read_stopword_list(extra=["Kyiv"])
    >>> len(words), "the" in words, "states" in words, "kyiv" in words
    (175, True, False, True)
    """
    base = shipped.read_stopwords(name) if name else frozenset()
    return frozenset(w.lower().replace("’", "'") for w in (*base, *extra))


def count_frequencies(counts: TermCounts, *, min_count: int = 1) -> pd.DataFrame:
    """Frequency list per group: raw count, rate per 10,000 counted terms, document range.

    Args:
        counts: from :func:`count_terms`.
        min_count: drop terms counted fewer times in a group.

    Returns:
        ``group, rank, term, n, per_10k, range, range_share`` (``range``: documents of the
        group the term occurs in; ``range_share``: as a share of the group's documents),
        sorted by group then descending ``n``.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "g": ["x", "x"], "text": ["peace peace war", "peace"]})
    >>> count_frequencies(count_terms(docs, by="g"))[["term", "n", "per_10k", "range"]].values.tolist()
    [['peace', 3, 7500.0, 2], ['war', 1, 2500.0, 1]]
    """
    columns = ["group", "rank", "term", "n", "per_10k", "range", "range_share"]
    if counts.matrix.nnz == 0:
        return pd.DataFrame(columns=columns)
    labels, grouped = counts.group_matrix()
    _, present = TermCounts(
        (counts.matrix > 0).astype(np.int64).tocsr(), counts.doc_ids, counts.terms, counts.groups, counts.by
    ).group_matrix()
    n_docs = pd.Series(counts.groups.astype(str)).value_counts()
    totals = np.asarray(grouped.sum(axis=1)).ravel()
    coo = grouped.tocoo()
    frame = pd.DataFrame({"group": labels[coo.row], "term": counts.terms[coo.col], "n": coo.data.astype("int64")})
    frame["per_10k"] = frame["n"] / totals[coo.row] * 10_000
    frame["range"] = np.asarray(present[coo.row, coo.col]).ravel().astype("int64")
    frame["range_share"] = frame["range"] / frame["group"].map(n_docs).to_numpy()
    frame = frame[frame["n"] >= min_count].sort_values(
        ["group", "n", "term"], ascending=[True, False, True], kind="stable"
    )
    frame.insert(1, "rank", frame.groupby("group").cumcount() + 1)
    return frame.reset_index(drop=True)


def score_tfidf(counts: TermCounts, *, top_n: int = 10) -> pd.DataFrame:
    """The ``top_n`` terms of each document by TF-IDF (scikit-learn's ``TfidfTransformer``:
    smoothed idf ``ln((1 + n_docs) / (1 + df)) + 1``, rows normalised to unit length).

    Returns:
        ``doc_id, rank, term, n, tfidf``, ties broken by term.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["peace war war", "peace talks"]})
    >>> score_tfidf(count_terms(docs), top_n=1)[["doc_id", "term"]].values.tolist()
    [['a', 'war'], ['b', 'talks']]
    """
    from sklearn.feature_extraction.text import TfidfTransformer

    if counts.matrix.nnz == 0:
        return pd.DataFrame(columns=["doc_id", "rank", "term", "n", "tfidf"])
    matrix = counts.matrix.tocsr(copy=True)
    matrix.sum_duplicates()  # also sorts each row's terms
    matrix.eliminate_zeros()
    weights = TfidfTransformer().fit_transform(matrix).tocsr()
    weights.sort_indices()
    # each document's top terms, chosen on the sparse arrays (never a row per counted term):
    # ordered by document, descending weight, then term
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    term_rank = np.empty(len(counts.terms), dtype=np.int64)
    term_rank[np.argsort(np.asarray(counts.terms, dtype=str), kind="stable")] = np.arange(len(counts.terms))
    order = np.lexsort((term_rank[matrix.indices], -weights.data, rows))
    rank = np.arange(order.size) - matrix.indptr[rows[order]] + 1
    keep = order[rank <= top_n]
    return pd.DataFrame(
        {
            "doc_id": counts.doc_ids[rows[keep]],
            "rank": rank[rank <= top_n].astype("int64"),
            "term": counts.terms[matrix.indices[keep]],
            "n": matrix.data[keep].astype("int64"),
            "tfidf": weights.data[keep],
        }
    )


def select_top_terms(table: pd.DataFrame, *, top_n: int = 10, column: str = "group") -> pd.DataFrame:
    """The ``top_n`` terms of each group side by side: one row per ``rank``, one column per
    value of ``column`` (``"group"`` for :func:`count_frequencies`, ``"doc_id"`` for
    :func:`score_tfidf`).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["peace peace war", "talks"]})
    >>> select_top_terms(count_frequencies(count_terms(docs)), top_n=1).values.tolist()
    [['peace', 'talks']]
    """
    return table[table["rank"] <= top_n].pivot_table(index="rank", columns=column, values="term", aggfunc="first")
