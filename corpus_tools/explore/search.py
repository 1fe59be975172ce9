"""Search a corpus fast enough to feel interactive: an index built once, concordance lines on demand.

:func:`build_search_index` reads every document's word tokens once: a sparse document x word
count matrix, each document's word ids in order and where sentence breaks fall between them.
:func:`match_index` counts a query in every document from the index (a one-word glob from the
matrix; a phrase as consecutive words within a sentence; a regular expression by scanning the
text) and takes the concordance lines from :func:`corpus_tools.keywords.match_kwic` itself, run
on just enough documents to show ``max_lines`` lines. Counts and lines are those ``match_kwic``
gives on the whole corpus (a test checks it on every kind of query).

>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Peace talks. Peace now.", "No talks."]})
>>> index = build_search_index(docs)
>>> found = match_index(index, docs, "peace")
>>> found.hits, found.documents, found.counts["hits"].tolist()
(2, 1, [2, 0])
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from corpus_tools.checks import require_columns
from corpus_tools.groups import attach_groups
from corpus_tools.keywords import match_kwic
from corpus_tools.keywords.counts import _BREAK_RE
from corpus_tools.tokens import TOKEN_RE

__all__ = ["SearchIndex", "Search", "build_search_index", "match_index", "count_hits", "resolve_pattern_type"]

PATTERN_TYPES = ("auto", "glob", "phrase", "regex")


@dataclass
class SearchIndex:
    """Word counts of every document: ``matrix[d, w]`` counts word ``w`` (lower case) in document ``d``."""

    doc_ids: np.ndarray
    words: list[str]
    columns: dict[str, int]
    matrix: sparse.csc_matrix
    n_words: np.ndarray
    tokens: list[np.ndarray] = field(default_factory=list)  # word ids of each document, in order
    breaks: list[np.ndarray] = field(default_factory=list)  # True where a sentence break separates words i, i+1

    def __len__(self) -> int:
        return len(self.doc_ids)


@dataclass
class Search:
    """The answer to one query: counts in every document and the first concordance lines."""

    query: str
    pattern_type: str
    counts: pd.DataFrame  # doc_id, hits, n_words: every document, in corpus order
    lines: pd.DataFrame  # match_kwic columns: the first max_lines lines (or all)
    truncated: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def pattern(self) -> str:
        """The pattern given to ``match_kwic``: the query, without the slashes of a ``/regex/``."""
        return _pattern_of(self.query, self.pattern_type)

    @property
    def hits(self) -> int:
        return int(self.counts["hits"].sum())

    @property
    def documents(self) -> int:
        return int((self.counts["hits"] > 0).sum())


def build_search_index(docs: pd.DataFrame, *, text_col: str = "text") -> SearchIndex:
    """Count every document's word tokens once (lower case) into a sparse matrix.

    Args:
        docs: a corpus table with ``doc_id`` and ``text_col``.
        text_col: the column searched.
    """
    require_columns(docs, ["doc_id", text_col], table="corpus")
    columns: dict[str, int] = {}
    indptr, indices, n_words, tokens, breaks = [0], [], [], [], []
    for text in docs[text_col]:
        text = text if isinstance(text, str) else ""
        found = list(TOKEN_RE.finditer(text))
        ids = np.fromiter((columns.setdefault(m.group().lower(), len(columns)) for m in found), np.int64, len(found))
        spans = np.array([m.span() for m in found], dtype=np.int64).reshape(-1, 2)
        marks = np.array([m.start() for m in _BREAK_RE.finditer(text)], dtype=np.int64)
        gaps = np.searchsorted(marks, spans[1:, 0]) - np.searchsorted(marks, spans[:-1, 1])
        indices.extend(ids)
        indptr.append(len(indices))
        n_words.append(len(found))
        tokens.append(ids)
        breaks.append(gaps > 0)
    data = np.ones(len(indices), dtype=np.int32)
    matrix = sparse.csr_matrix((data, np.asarray(indices, dtype=np.int64), indptr), shape=(len(docs), len(columns)))
    matrix.sum_duplicates()
    return SearchIndex(
        doc_ids=docs["doc_id"].to_numpy(),
        words=list(columns),
        columns=columns,
        matrix=matrix.tocsc(),
        n_words=np.asarray(n_words, dtype=np.int64),
        tokens=tokens,
        breaks=breaks,
    )


def resolve_pattern_type(query: str, pattern_type: str = "auto") -> str:
    """``"auto"``: ``regex`` for a query written ``/.../``, ``glob`` otherwise.

    >>> resolve_pattern_type("/peace ?keep/"), resolve_pattern_type("peace*")
    ('regex', 'glob')
    """
    if pattern_type not in PATTERN_TYPES:
        raise ValueError(f"pattern_type must be one of {', '.join(PATTERN_TYPES)}, not {pattern_type!r}")
    if pattern_type != "auto":
        return pattern_type
    return "regex" if len(query) > 2 and query.startswith("/") and query.endswith("/") else "glob"


def _pattern_of(query: str, kind: str) -> str:
    slashed = kind == "regex" and len(query) > 1 and query.startswith("/") and query.endswith("/")
    return query[1:-1] if slashed else query


def _word_columns(index: SearchIndex, word: str, pattern_type: str) -> list[int]:
    word = word.lower()
    if pattern_type == "phrase" or not any(c in word for c in "*?["):
        return [index.columns[word]] if word in index.columns else []
    rx = re.compile(fnmatch.translate(word))
    return [i for w, i in index.columns.items() if rx.match(w)]


def _doc_counts(index: SearchIndex, cols: list[int]) -> np.ndarray:
    if not cols:
        return np.zeros(len(index), dtype=np.int64)
    return np.asarray(index.matrix[:, cols].sum(axis=1)).ravel().astype(np.int64)


def _phrase_counts(index: SearchIndex, word_sets: list[np.ndarray], per_word: list[np.ndarray]) -> np.ndarray:
    """Matches of consecutive words (each from its set of word ids) within a sentence, per document."""
    counts = np.zeros(len(index), dtype=np.int64)
    k = len(word_sets)
    for d in np.flatnonzero(np.logical_and.reduce([c > 0 for c in per_word])):
        ids, gaps = index.tokens[d], index.breaks[d]
        n = len(ids) - k + 1
        if n <= 0:
            continue
        found = np.ones(n, dtype=bool)
        for j, cols in enumerate(word_sets):
            found &= np.isin(ids[j : j + n], cols)
            if j < k - 1:
                found &= ~gaps[j : j + n]
        counts[d] = int(found.sum())
    return counts


def match_index(
    index: SearchIndex,
    docs: pd.DataFrame,
    query: str,
    *,
    pattern_type: str = "auto",
    window: int = 6,
    sort_by: str | None = None,
    max_lines: int | None = 200,
    text_col: str = "text",
) -> Search:
    """Answer a query: hits in every document and the first ``max_lines`` concordance lines.

    Args:
        index: from :func:`build_search_index` on the same ``docs``.
        docs: the corpus the index was built on (same rows, same order).
        query: a word or glob (``sanction*``), a phrase (``security guarantees``, ``peace*
            deal``), or a regular expression (``pattern_type="regex"``, or written ``/.../``).
        pattern_type: ``"auto"``, ``"glob"``, ``"phrase"`` or ``"regex"`` (as ``match_kwic``).
        window: words of context on each side.
        sort_by: ``None`` (document order), ``"left"``, ``"right"`` or ``"match"``; the shown
            lines are sorted (all of them when the result is not truncated).
        max_lines: most lines computed; ``None``: every line (as ``match_kwic`` on the corpus).
        text_col: the column searched.
    """
    if len(index) != len(docs) or not np.array_equal(index.doc_ids, docs["doc_id"].to_numpy()):
        raise ValueError("the index was built on another corpus table; rebuild it with build_search_index(docs)")
    query = query.strip()
    kind = resolve_pattern_type(query, pattern_type)
    pattern = _pattern_of(query, kind)
    if not pattern:
        raise ValueError("type a word, a phrase, a glob such as sanction* or a /regular expression/")
    if kind == "regex":
        try:
            rx = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {pattern!r} ({exc})") from None
        texts = [t if isinstance(t, str) else "" for t in docs[text_col]]
        counts = np.array([sum(m.end() > m.start() for m in rx.finditer(t)) for t in texts], dtype=np.int64)
    else:
        word_sets = [np.asarray(_word_columns(index, w, kind), dtype=np.int64) for w in pattern.split()]
        per_word = [_doc_counts(index, list(cols)) for cols in word_sets]
        counts = per_word[0] if len(word_sets) == 1 else _phrase_counts(index, word_sets, per_word)
    candidates = list(np.flatnonzero(counts))
    notes = []
    if max_lines is None:
        shown = candidates
    else:
        # lines from just enough documents to show max_lines of them (all of them when sorting,
        # unless there are so many that sorting them all would be slow)
        enough = int(np.searchsorted(np.cumsum(counts[candidates]), max_lines)) + 1 if candidates else 0
        full = sort_by is not None and counts.sum() <= 5 * max_lines
        if sort_by is not None and not full:
            notes.append(f"sorted: the first {max_lines} lines in document order, not every line")
        shown = candidates if full else candidates[:enough]
    lines = match_kwic(docs.iloc[shown], pattern, window=window, pattern_type=kind, sort_by=sort_by)
    truncated = max_lines is not None and int(counts.sum()) > max_lines
    if max_lines is not None:
        lines = lines.head(max_lines).reset_index(drop=True)
    if truncated:
        notes.append(
            f"showing the first {len(lines)} of {int(counts.sum())} lines; export them all with max_lines=None"
        )
    table = pd.DataFrame({"doc_id": index.doc_ids, "hits": counts, "n_words": index.n_words})
    return Search(query=query, pattern_type=kind, counts=table, lines=lines, truncated=truncated, notes=notes)


def count_hits(search: Search, docs: pd.DataFrame, *, by: str = "doc_id") -> pd.DataFrame:
    """Hits of a search per group: ``group, documents, documents_with_hits, hits, n_words, per_10k``.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"], "text": ["peace, peace", "war"]})
    >>> count_hits(match_index(build_search_index(docs), docs, "peace"), docs, by="outlet").round(1).values.tolist()
    [['X', 2, 1, 2, 3, 6666.7]]
    """
    table = attach_groups(search.counts, by, documents=docs, warn=False)
    out = table.groupby("group", sort=True).agg(
        documents=("doc_id", "size"),
        documents_with_hits=("hits", lambda h: int((h > 0).sum())),
        hits=("hits", "sum"),
        n_words=("n_words", "sum"),
    )
    out["per_10k"] = out["hits"] / out["n_words"].where(out["n_words"] > 0) * 10_000
    return out.reset_index()
