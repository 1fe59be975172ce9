"""Keyword analysis: term counts, frequency lists, TF-IDF, keyness, collocations, concordance.

Counting turns documents into a sparse document-by-term matrix (:class:`TermCounts`), so a
large corpus fits in memory; every other function reads from it. Keyness compares a target
group of documents with a reference (the rest of the corpus, another group, or an external
frequency list) and reports, for every term, significance (log-likelihood ``g2``, Pearson
``chi2``), effect size (``log_ratio``, ``pct_diff``) and the Fightin' Words z-score of
Monroe, Colaresi & Quinn (2008), all computed with numpy over whole vectors of terms.

Statistics, for a term with count ``a`` in the target (``Nt`` counted terms in all) and ``b``
in the reference (``Nr``), in the 2 x 2 table ``[[a, b], [Nt - a, Nr - b]]``:

- ``g2``: log-likelihood over the four cells, ``2 * sum(O * ln(O / E))``, as AntConc and
  ``scipy.stats.chi2_contingency(..., lambda_="log-likelihood", correction=False)``. No
  continuity correction is applied to it (quanteda applies Yates to its ``lr`` by default;
  this module never does).
- ``chi2``: Pearson's chi-squared over the four cells; with ``yates=True`` Yates' continuity
  correction as scipy applies it (``|O - E|`` reduced by 0.5, never below 0).
- ``log_ratio``: ``log2((a / Nt) / (b / Nr))`` with a zero count replaced by 0.5 (Hardie 2014).
- ``pct_diff``: ``100 * (a / Nt - b / Nr) / (b / Nr)`` (Gabrielatos & Marchi 2012); ``inf``
  when the reference count is 0.
- ``p_value`` from ``g2`` (chi-squared, 1 degree of freedom), ``p_adjusted`` over all terms
  of the table (Bonferroni or Benjamini-Hochberg, :func:`corpus_tools.stats.p_adjust`).
- ``log_odds_z``: log-odds ratio with an informative Dirichlet prior, divided by its
  standard error (Monroe et al. 2008, eq. 16-22); the prior for a term is ``prior_scale``
  times its count in the whole corpus.

Every statistic is signed: negative when the term is relatively more frequent in the
reference, as quanteda's ``textstat_keyness`` does.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from scipy import stats as sps

from corpus_tools.segment import TOKEN_RE, read_stopwords
from corpus_tools.stats import p_adjust

__all__ = [
    "TermCounts",
    "KeywordsWarning",
    "count_terms",
    "read_stopword_list",
    "count_frequencies",
    "score_tfidf",
    "keyness",
    "keyness_statistics",
    "log_odds_dirichlet",
    "count_collocations",
    "kwic",
    "kwic_anchor",
    "term_pattern",
    "compare_keyness",
    "select_key_terms",
    "read_frequency_list",
    "format_kwic_html",
    "format_keyness_html",
    "plot_keyness",
    "plot_term_scatter",
    "plot_dispersion",
    "KEYNESS_COLUMNS",
    "KWIC_COLUMNS",
    "MEASURES",
]

#: Columns of the :func:`keyness` table, in order.
KEYNESS_COLUMNS = [
    "term",
    "n_target",
    "n_reference",
    "total_target",
    "total_reference",
    "g2",
    "chi2",
    "log_ratio",
    "pct_diff",
    "p_value",
    "p_adjusted",
    "log_odds_z",
    "range_target",
    "range_reference",
]

#: Text between two tokens that ends a phrase or n-gram: sentence punctuation or a line break.
_BREAK_RE = re.compile(r"[.!?;:\n]")
_LETTER_RE = re.compile(r"[^\W\d_]")
#: A token (as :data:`corpus_tools.segment.TOKEN_RE`) or a character that ends a run.
_SEGMENT_RE = re.compile(rf"({TOKEN_RE.pattern})|[.!?;:\n]", re.UNICODE)
#: Joins the words of a multi-word term (as quanteda's ``tokens_compound``).
CONCATENATOR = "_"


# --------------------------------------------------------------------------- counting


class KeywordsWarning(UserWarning):
    """Something about the input that the keyword functions handled, but the user should know."""


@dataclass(frozen=True, eq=False)
class TermCounts:
    """Sparse term counts: one row per document, one column per term.

    Attributes:
        matrix: ``scipy.sparse.csr_matrix`` of counts, documents x terms.
        doc_ids: the document of each row.
        terms: the term of each column (sorted).
        groups: the group of each document (the ``by`` column; the doc_id when none).
        by: the name of the grouping column.
    """

    matrix: sparse.csr_matrix
    doc_ids: np.ndarray
    terms: np.ndarray
    groups: np.ndarray
    by: str = "doc_id"

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


@functools.lru_cache(maxsize=4)
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
    for token in _SEGMENT_RE.findall(text.lower() if lowercase else text):  # "" marks a break
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
            kept = [self.keep(t) for t in run]
            if stem:
                run = [t if CONCATENATOR in t else stem(t) for t in run]
            if high == 1:
                terms.extend(t for t, k in zip(run, kept) if k)
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
    by: str | None = None,
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
        by: a column that groups documents (``outlet``); None groups by ``doc_id``.
        text_col: the column to count.
        lowercase: fold case.
        stopwords: the stop words removed (see :func:`read_stopword_list`): ``"snowball"``,
            the Snowball project's 174 English function words (shipped; the default);
            a language name (``"english"``), the broad list of
            :func:`corpus_tools.segment.read_stopwords`; or None to keep every word.
        extra_stopwords: more words to remove (case-insensitive).
        min_length: minimum characters of a word.
        stem: a Snowball language (``"english"``) to stem words, or None.
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

    _require(corpus, ["doc_id", text_col] + ([by] if by else []))
    low, high = (int(n) for n in ngram_range)
    if not 1 <= low <= high:
        raise ValueError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, not {ngram_range!r}")
    stop = read_stopword_list(stopwords, extra=extra_stopwords)
    analyzer = _Analyzer(
        lowercase, stop, int(min_length), stem, (low, high), _compile_phrases(phrases, lowercase), keep_numbers
    )
    if stem:
        _stemmer(stem)  # an unknown language fails here, with snowballstemmer's message
    vectorizer = CountVectorizer(analyzer=analyzer, dtype=np.int64)
    try:
        matrix = vectorizer.fit_transform(corpus[text_col].tolist()).tocsr()
        terms = vectorizer.get_feature_names_out().astype(object)
    except ValueError:  # sklearn refuses an empty vocabulary
        matrix, terms = sparse.csr_matrix((len(corpus), 0), dtype=np.int64), np.array([], dtype=object)
    groups = _group_labels(corpus, by)
    return TermCounts(matrix, corpus["doc_id"].astype(str).to_numpy(dtype=object), terms, groups, by or "doc_id")


#: The group of documents whose ``by`` value is missing.
MISSING_GROUP = "(missing)"


def read_stopword_list(name: str | None = "snowball", *, extra: Iterable[str] = ()) -> frozenset[str]:
    """Stop words for counting, in lower case, curly apostrophes made straight.

    Args:
        name: ``"snowball"``: the Snowball English list shipped in
            ``resources/stopwords_snowball_english.txt`` (function words only, the same on
            every machine); a language name: :func:`corpus_tools.segment.read_stopwords`
            (NLTK's list when the machine has ``nltk_data``, else the ``stop-words`` package's
            1,333 English words, which include content words such as "states", "million",
            "group"); None or ``""``: no list.
        extra: words to add.

    >>> words = read_stopword_list(extra=["Kyiv"])
    >>> len(words), "the" in words, "states" in words, "kyiv" in words
    (175, True, False, True)
    """
    from corpus_tools.shipped import resolve_resource

    if not name:
        base: frozenset[str] = frozenset()
    elif name == "snowball":
        lines = resolve_resource("stopwords_snowball_english.txt").read_text(encoding="utf-8").splitlines()
        base = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    else:
        base = read_stopwords(name)
    return frozenset(w.lower().replace("’", "'") for w in (*base, *extra))


def _group_labels(corpus: pd.DataFrame, by: str | None) -> np.ndarray:
    column = corpus[by] if by else corpus["doc_id"]
    missing = column.isna() | (column.astype(str).str.strip() == "")
    if missing.any():
        ids = corpus.loc[missing, "doc_id"].astype(str).head(6).tolist()
        warnings.warn(
            f"{int(missing.sum())} document(s) have no {by!r} value ({', '.join(ids)}); counted in the group "
            f"{MISSING_GROUP!r}",
            KeywordsWarning,
            stacklevel=3,
        )
    return column.astype(str).where(~missing, MISSING_GROUP).to_numpy(dtype=object)


def _require(frame: pd.DataFrame, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(
            f"table is missing column(s) {missing}; it has {list(frame.columns)}. Name one of its columns, or "
            "add the column as metadata (load_corpus(..., metadata=TABLE keyed by doc_id))"
        )


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
    weights = TfidfTransformer().fit_transform(counts.matrix).tocoo()
    frame = pd.DataFrame(
        {
            "doc_id": counts.doc_ids[weights.row],
            "term": counts.terms[weights.col],
            "n": np.asarray(counts.matrix[weights.row, weights.col]).ravel().astype("int64"),
            "tfidf": weights.data,
        }
    )
    order = {d: i for i, d in enumerate(counts.doc_ids)}
    frame = frame.assign(_order=frame["doc_id"].map(order)).sort_values(
        ["_order", "tfidf", "term"], ascending=[True, False, True], kind="stable"
    )
    frame.insert(1, "rank", frame.groupby("_order").cumcount() + 1)
    return frame[frame["rank"] <= top_n].drop(columns="_order").reset_index(drop=True)


# --------------------------------------------------------------------------- keyness


def _xlogx_ratio(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """``O * ln(O / E)``, 0 where O is 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def keyness_statistics(n_target, n_reference, total_target, total_reference, *, yates: bool = False) -> pd.DataFrame:
    """Keyness statistics for vectors of counts (see the module docstring for the formulas).

    Args:
        n_target, n_reference: counts of each term in the target and the reference.
        total_target, total_reference: counted terms in each (numbers or vectors).
        yates: apply Yates' continuity correction to ``chi2`` (never to ``g2``).

    Returns:
        ``g2, chi2, log_ratio, pct_diff, p_value``, one row per term, signed (negative
        when the term is relatively more frequent in the reference).

    >>> keyness_statistics([7], [2], 10, 9).round(4).values.tolist()
    [[4.5349, 4.3372, 1.6554, 215.0, 0.0332]]
    """
    a = np.asarray(n_target, dtype=float)
    b = np.asarray(n_reference, dtype=float)
    nt = np.broadcast_to(np.asarray(total_target, dtype=float), a.shape)
    nr = np.broadcast_to(np.asarray(total_reference, dtype=float), a.shape)
    if np.any(a > nt) or np.any(b > nr) or np.any(a < 0) or np.any(b < 0):
        raise ValueError(
            "counts must be between 0 and their totals (a term cannot be counted more often than all terms)"
        )
    n = nt + nr
    observed = np.stack([a, b, nt - a, nr - b])
    row = np.stack([a + b, a + b, n - a - b, n - a - b])
    col = np.stack([nt, nr, nt, nr])
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = row * col / n
        g2 = 2 * _xlogx_ratio(observed, expected).sum(axis=0)
        deviation = np.abs(observed - expected)
        if yates:
            deviation = np.maximum(deviation - 0.5, 0.0)
        chi2 = np.where(expected > 0, deviation**2 / expected, 0.0).sum(axis=0)
        rel_t, rel_r = a / nt, b / nr
        log_ratio = np.log2((np.where(a > 0, a, 0.5) / nt) / (np.where(b > 0, b, 0.5) / nr))
        pct_diff = np.where(b > 0, 100 * (rel_t - rel_r) / rel_r, np.where(a > 0, np.inf, 0.0))
    sign = np.where(rel_t >= rel_r, 1.0, -1.0)
    g2 = np.maximum(g2, 0.0)  # rounding can leave -1e-15
    return pd.DataFrame(
        {
            "g2": sign * g2,
            "chi2": sign * chi2,
            "log_ratio": log_ratio,
            "pct_diff": pct_diff,
            "p_value": sps.chi2.sf(g2, df=1),
        }
    )


def log_odds_dirichlet(n_target, n_reference, prior, *, total_target=None, total_reference=None) -> np.ndarray:
    """Fightin' Words z-scores: log-odds ratio with an informative Dirichlet prior divided by
    its standard error (Monroe, Colaresi & Quinn 2008, eq. 16-22).

    With ``alpha_w = prior[w]``, ``alpha_0 = sum(alpha)``, ``n_i = sum(counts_i)``:
    ``delta_w = ln((y_tw + a_w) / (n_t + a_0 - y_tw - a_w)) - ln((y_rw + a_w) / (n_r + a_0 - y_rw - a_w))``,
    ``var_w = 1 / (y_tw + a_w) + 1 / (y_rw + a_w)``, ``z_w = delta_w / sqrt(var_w)``.
    The vectors cover the whole vocabulary; their sums are the totals unless
    ``total_target``/``total_reference`` are given.

    >>> log_odds_dirichlet([10, 0], [0, 10], [1, 1]).round(4).tolist()
    [4.5916, -4.5916]
    """
    y_t = np.asarray(n_target, dtype=float)
    y_r = np.asarray(n_reference, dtype=float)
    alpha = np.asarray(prior, dtype=float)
    if np.any(alpha <= 0):
        raise ValueError("the Dirichlet prior must be positive for every term (give each term a prior count above 0)")
    a0 = alpha.sum()
    n_t = y_t.sum() if total_target is None else float(total_target)
    n_r = y_r.sum() if total_reference is None else float(total_reference)
    delta = np.log((y_t + alpha) / (n_t + a0 - y_t - alpha)) - np.log((y_r + alpha) / (n_r + a0 - y_r - alpha))
    return delta / np.sqrt(1 / (y_t + alpha) + 1 / (y_r + alpha))


def _as_labels(value) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [str(value)]
    return [str(v) for v in value]


def _external_counts(reference) -> pd.Series | None:
    """An external frequency list as a Series term -> count, or None if ``reference`` names groups."""
    if isinstance(reference, pd.DataFrame):
        _require(reference, ["term", "n"])
        table = reference
    elif isinstance(reference, pd.Series):
        table = reference.rename_axis("term").reset_index(name="n")
    elif isinstance(reference, Mapping):
        table = pd.DataFrame({"term": list(reference.keys()), "n": list(reference.values())})
    else:
        return None
    n = pd.to_numeric(table["n"], errors="coerce")
    if n.isna().any() or (n < 0).any():
        bad = table.loc[n.isna() | (n < 0), "term"].astype(str).head(5).tolist()
        raise ValueError(f"reference frequency list: counts must be numbers >= 0 (check terms {bad})")
    return n.groupby(table["term"].astype(str)).sum()


def _select_groups(counts: TermCounts, labels: list[str], role: str) -> np.ndarray:
    groups = counts.groups.astype(str)
    unknown = sorted(set(labels) - set(groups))
    if unknown:
        available = [str(g) for g in sorted(set(groups))]
        raise ValueError(
            f"{role} group(s) {unknown} not found in column {counts.by!r}; groups are {available[:20]}; "
            "check the spelling"
        )
    return np.isin(groups, labels)


def _column_sums(matrix: sparse.csr_matrix, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Counts and document range of every term over the rows in ``mask``."""
    rows = matrix[np.flatnonzero(mask)]
    return np.asarray(rows.sum(axis=0)).ravel().astype(float), np.asarray((rows > 0).sum(axis=0)).ravel().astype(float)


def _keyness_vectors(counts: TermCounts, target, reference) -> dict:
    """Target, reference and whole-corpus counts over one vocabulary."""
    t_mask = _select_groups(counts, _as_labels(target), "target")
    a, range_t = _column_sums(counts.matrix, t_mask)
    corpus = counts.term_totals
    external = _external_counts(reference)
    if external is None:
        r_mask = ~t_mask if reference is None else _select_groups(counts, _as_labels(reference), "reference")
        if np.any(t_mask & r_mask):
            raise ValueError("target and reference share groups; list each group on one side only")
        if not r_mask.any():
            raise ValueError(
                "the reference is empty: the target covers every document; pass a reference frequency list"
            )
        if reference is None:  # the rest of the corpus: whole corpus minus target
            b, range_r = corpus - a, counts.term_ranges - range_t
        else:
            b, range_r = _column_sums(counts.matrix, r_mask)
        return {
            "terms": counts.terms,
            "a": a,
            "b": b,
            "prior": corpus,
            "range_t": range_t,
            "range_r": range_r,
            "ranks": counts.term_ranks,
        }
    terms = np.array(sorted(set(counts.terms) | set(external.index)), dtype=object)
    pos = np.searchsorted(terms, counts.terms)

    def widen(values: np.ndarray) -> np.ndarray:
        out = np.zeros(len(terms))
        out[pos] = values
        return out

    b = external.reindex(terms, fill_value=0).to_numpy(dtype=float)
    return {
        "terms": terms,
        "a": widen(a),
        "b": b,
        "prior": widen(corpus) + b,
        "range_t": widen(range_t),
        "range_r": np.full(len(terms), np.nan),
        "ranks": np.arange(len(terms)),
    }


def _as_counts(data: pd.DataFrame | TermCounts, by: str, count_options: Mapping | None) -> TermCounts:
    """Count a corpus, or check that given counts are grouped by ``by``."""
    if not isinstance(data, TermCounts):
        return count_terms(data, by=by, **dict(count_options or {}))
    if by not in ("doc_id", data.by) or count_options:
        raise ValueError(
            f"these counts are grouped by {data.by!r} and already counted; pass by={data.by!r} and no "
            "count_options, or pass the corpus table instead"
        )
    return data


def keyness(
    data: pd.DataFrame | TermCounts,
    *,
    by: str = "doc_id",
    target,
    reference=None,
    correction: str = "bonferroni",
    prior_scale: float = 1.0,
    yates: bool = False,
    min_count: int = 1,
    reference_total: float | None = None,
    count_options: Mapping | None = None,
) -> pd.DataFrame:
    """Keyness of every term in a target group against a reference.

    Args:
        data: a corpus table (counted with :func:`count_terms` and ``count_options``) or a
            :class:`TermCounts`.
        by: the grouping column when ``data`` is a corpus (``TermCounts`` keep the grouping
            they were counted with; another ``by`` is an error).
        target: a group label, or a list of labels pooled together.
        reference: None (every other document), a group label or list of labels, or an
            external frequency list (a ``term, n`` table, a Series or a dict term -> count).
        correction: multiple-comparison adjustment of ``p_value`` over the terms of the
            table: ``"bonferroni"``, ``"fdr_bh"``, ``"holm"`` or ``"none"``.
        prior_scale: Fightin' Words prior = ``prior_scale`` x the term's count in the whole
            corpus (target + every group, or target + external list).
        yates: Yates' continuity correction on ``chi2`` (``g2`` is never corrected).
        min_count: keep terms with at least this many occurrences in target + reference.
        reference_total: total counted terms of an external list, when the list is
            truncated (default: the sum of its counts).
        count_options: options of :func:`count_terms` when ``data`` is a corpus.

    Returns:
        ``term, n_target, n_reference, total_target, total_reference, g2, chi2, log_ratio,
        pct_diff, p_value, p_adjusted, log_odds_z, range_target, range_reference``, sorted
        by ``g2`` (descending, so key terms of the reference come last with negative values).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "side": ["x", "y"],
    ...                      "text": ["troops troops troops talks", "talks talks talks troops"]})
    >>> keyness(docs, by="side", target="x")[["term", "n_target", "n_reference"]].values.tolist()
    [['troops', 3, 1], ['talks', 1, 3]]
    """
    counts = _as_counts(data, by, count_options)
    return _keyness_table(
        counts,
        target,
        reference,
        correction=correction,
        prior_scale=prior_scale,
        yates=yates,
        min_count=min_count,
        reference_total=reference_total,
    )


def _keyness_table(
    counts: TermCounts,
    target,
    reference,
    *,
    correction: str = "bonferroni",
    prior_scale: float = 1.0,
    yates: bool = False,
    min_count: int = 1,
    reference_total: float | None = None,
    top_n: int | None = None,
) -> pd.DataFrame:
    """:func:`keyness` on counts; with ``top_n``, only the first and last ``top_n`` rows are
    built (the statistics and ``p_adjusted`` are computed over every term all the same)."""
    if prior_scale <= 0:
        raise ValueError(f"prior_scale must be above 0, not {prior_scale!r}")
    v = _keyness_vectors(counts, target, reference)
    nt, nr = v["a"].sum(), float(reference_total) if reference_total is not None else v["b"].sum()
    if nt == 0:
        raise ValueError(f"target {target!r} has no counted terms; check the stop-word and length options")
    z = log_odds_dirichlet(
        v["a"], v["b"], prior_scale * np.maximum(v["prior"], 1e-12), total_target=nt, total_reference=nr
    )
    keep = np.flatnonzero(v["a"] + v["b"] >= max(int(min_count), 1))
    stats = keyness_statistics(v["a"][keep], v["b"][keep], nt, nr, yates=yates)
    columns = {name: stats[name].to_numpy() for name in stats.columns}
    columns["p_adjusted"] = p_adjust(columns["p_value"], method=correction)
    order = np.lexsort((v["ranks"][keep], -columns["g2"]))
    if top_n and len(order) > 2 * top_n:
        order = np.concatenate([order[:top_n], order[-top_n:]])
    rows = keep[order]
    internal = _external_counts(reference) is None
    count_type = "int64" if internal else "float64"
    table = pd.DataFrame(
        {
            "term": v["terms"][rows],
            "n_target": v["a"][rows].astype("int64"),
            "n_reference": v["b"][rows].astype(count_type),
            "total_target": np.full(len(rows), int(nt)),
            "total_reference": np.full(len(rows), nr).astype(count_type),
            **{name: values[order] for name, values in columns.items()},
            "log_odds_z": z[rows],
            "range_target": v["range_t"][rows].astype("int64"),
            "range_reference": v["range_r"][rows].astype(count_type),
        }
    )
    return table[KEYNESS_COLUMNS]


def compare_keyness(
    data: pd.DataFrame | TermCounts,
    *,
    by: str = "doc_id",
    targets: Iterable[str] | None = None,
    reference=None,
    top_n: int | None = None,
    count_options: Mapping | None = None,
    **options,
) -> pd.DataFrame:
    """Keyness of each group in turn: :func:`keyness` with every group (or each of
    ``targets``) as the target, stacked into one table.

    Args:
        data, by, count_options: as in :func:`keyness` (a corpus is counted once).
        targets: the groups to compare (default: every group).
        reference: None (each group against all the others), a group, or an external list.
        top_n: keep only the ``top_n`` first and last rows of each group (its key terms and
            the reference's), so that many small groups (every document of a large corpus)
            give a table of manageable size; ``p_adjusted`` is still computed over every term.
        **options: ``correction``, ``prior_scale``, ``yates``, ``min_count``,
            ``reference_total`` of :func:`keyness`.

    Returns:
        ``group`` followed by the :func:`keyness` columns; groups in order, each sorted by
        ``g2``. A group that is also the reference is skipped, and so is a group without
        counted terms (with a :class:`KeywordsWarning`).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["troops troops talks", "talks talks troops"]})
    >>> compare_keyness(docs).groupby("group")["term"].first().to_dict()
    {'a': 'troops', 'b': 'talks'}
    """
    counts = _as_counts(data, by, count_options)
    groups = sorted({str(g) for g in counts.groups}) if targets is None else _as_labels(targets)
    excluded = set(_as_labels(reference)) if reference is not None and _external_counts(reference) is None else set()
    sizes = pd.Series(np.asarray(counts.matrix.sum(axis=1)).ravel()).groupby(counts.groups.astype(str)).sum()
    empty = [g for g in groups if g in sizes.index and sizes[g] == 0]
    if empty:
        warnings.warn(
            f"group(s) {', '.join(empty[:6])} have no counted terms (only stop words, numbers or short words); "
            "left out of the keyness table",
            KeywordsWarning,
            stacklevel=2,
        )
    tables = [
        _keyness_table(counts, g, reference, top_n=top_n, **options).assign(group=g)
        for g in groups
        if g not in excluded and g not in empty
    ]
    if not tables:
        return pd.DataFrame(columns=["group", *KEYNESS_COLUMNS])
    table = pd.concat(tables, ignore_index=True)
    return table[["group", *KEYNESS_COLUMNS]]


def select_key_terms(keyness_table: pd.DataFrame, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` strongest key terms of each group (rows with positive ``g2``: over-represented
    in the group), in the table's order (by ``g2``).

    >>> t = pd.DataFrame({"group": ["a", "a", "a", "b"], "term": ["x", "y", "z", "x"], "g2": [9.0, 2.0, -3.0, 1.0]})
    >>> select_key_terms(t, n=1)["term"].tolist()
    ['x', 'x']
    """
    return keyness_table[keyness_table["g2"] > 0].groupby("group").head(n)


def read_frequency_list(path) -> pd.DataFrame:
    """Read an external reference frequency list: a ``.csv``/``.tsv`` with columns ``term``
    and ``n`` (or any two columns: term first, count second).

    Returns:
        ``term, n`` (duplicate terms summed), for :func:`keyness` ``reference=``.
    """
    from pathlib import Path

    from corpus_tools.io import CorpusInputError, read_table

    path = Path(path)
    table = read_table(path)
    if not {"term", "n"} <= set(table.columns):
        if table.shape[1] != 2:
            raise CorpusInputError(
                f"{path}: a frequency list needs columns 'term' and 'n' (or exactly two columns); it has {list(table.columns)}"
            )
        table = table.set_axis(["term", "n"], axis=1)
    n = pd.to_numeric(table["n"], errors="coerce")
    if n.isna().any() or (n < 0).any():
        line = int(np.flatnonzero((n.isna() | (n < 0)).to_numpy())[0]) + 2
        raise CorpusInputError(
            f"{path}:{line}: count {table['n'].iloc[line - 2]!r} is not a number >= 0; fix or remove that line"
        )
    return (
        pd.DataFrame({"term": table["term"].astype(str), "n": n}).groupby("term", as_index=False, sort=True)["n"].sum()
    )


# --------------------------------------------------------------------------- collocations

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
            ``phrases``, ``keep_numbers`` as in :func:`count_terms` (no stemming, no n-grams).

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
    _require(corpus, ["doc_id", text_col])
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


# --------------------------------------------------------------------------- concordance

KWIC_COLUMNS = ["doc_id", "sent_id", "pattern", "start", "end", "left", "match", "right"]
_SPACE_RE = re.compile(r"\s+")


def _matching_forms(
    word: str, vocabulary: Mapping[str, list[str]], *, pattern_type: str, case_sensitive: bool
) -> frozenset[str]:
    """The token forms of the corpus that one pattern word matches (``vocabulary``: lower
    case -> forms as written)."""
    import fnmatch

    literal = pattern_type == "phrase" or not any(c in word for c in "*?[")
    if literal:
        forms = vocabulary.get(word.lower(), [])
        return frozenset(f for f in forms if f == word) if case_sensitive else frozenset(forms)
    rx = re.compile(fnmatch.translate(word), 0 if case_sensitive else re.IGNORECASE)
    return frozenset(f for forms in vocabulary.values() for f in forms if rx.match(f))


def _token_matches(
    text: str, spans: np.ndarray, forms: list[str], index: Mapping[str, list[int]], words: list[frozenset[str]]
) -> list[tuple[int, int]]:
    """Spans where consecutive tokens match ``words`` (sets of forms), within a sentence."""
    k, n = len(words), len(forms)
    first = words[0] if len(words[0]) < len(index) else [f for f in index if f in words[0]]
    found = []
    for i in sorted(i for f in first if f in index for i in index[f]):
        if i + k > n or not all(forms[i + j] in words[j] for j in range(1, k)):
            continue
        if k == 1 or not any(_BREAK_RE.search(text, spans[i + j, 1], spans[i + j + 1, 0]) for j in range(k - 1)):
            found.append((int(spans[i, 0]), int(spans[i + k - 1, 1])))
    return found


def _tokenize_docs(texts: list[str]) -> tuple[list[tuple[np.ndarray, list[str]]], dict[str, list[str]]]:
    """Token spans and forms of every text, and the vocabulary: lower case -> forms."""
    docs, vocabulary = [], {}
    for text in texts:
        matches = list(TOKEN_RE.finditer(text))
        forms = [m.group() for m in matches]
        spans = np.array([m.span() for m in matches], dtype=np.int64).reshape(-1, 2)
        docs.append((spans, forms))
        for form in set(forms):
            vocabulary.setdefault(form.lower(), []).append(form)
    return docs, {low: sorted(set(forms)) for low, forms in vocabulary.items()}


def _context(text: str, spans: np.ndarray, span: tuple[int, int], window: int) -> tuple[str, str, str]:
    start, end = span
    before = int(np.searchsorted(spans[:, 1], start, side="right"))
    after = int(np.searchsorted(spans[:, 0], end, side="left"))
    left_from = int(spans[max(before - window, 0), 0]) if before > 0 and window > 0 else start
    right_to = int(spans[min(after + window, len(spans)) - 1, 1]) if after < len(spans) and window > 0 else end
    clean = lambda s: _SPACE_RE.sub(" ", s).strip()  # noqa: E731
    return clean(text[left_from:start]), clean(text[start:end]), clean(text[end:right_to])


def _sort_kwic(table: pd.DataFrame, sort_by: str | None, patterns: list[str]) -> pd.DataFrame:
    """Patterns in the order given; within a pattern, document order or the ``sort_by`` context."""
    if sort_by not in (None, "left", "right", "match"):
        raise ValueError(f"sort_by must be None, 'left', 'right' or 'match', not {sort_by!r}")
    if sort_by is None:
        key = pd.Series("", index=table.index)
    elif sort_by == "left":  # the word next to the match first, as concordancers sort
        key = table["left"].str.lower().str.split().map(lambda w: " ".join(reversed(w)))
    else:
        key = table[sort_by].str.lower()
    order = {p: i for i, p in enumerate(patterns)}
    ranked = table.assign(_p=table["pattern"].map(order), _key=key)
    return ranked.sort_values(["_p", "_key"], kind="stable").drop(columns=["_p", "_key"])


def kwic(
    corpus: pd.DataFrame,
    pattern: str | Iterable[str] | Mapping[str, str],
    *,
    window: int = 6,
    pattern_type: str = "glob",
    sort_by: str | None = None,
    case_sensitive: bool = False,
    text_col: str = "text",
) -> pd.DataFrame:
    """Keyword in context: every match of a pattern with the words around it.

    Args:
        corpus: a table with ``doc_id`` and ``text_col``.
        pattern: a pattern, a list of patterns, or a dict label -> pattern (the ``pattern``
            column then shows the label, e.g. the key term). ``glob``: words with ``*``/``?``
            (``sanction*``, ``security guarantee*``); ``phrase``: literal words;
            ``regex``: a regular expression searched in the text. Multi-word glob and phrase
            patterns match consecutive tokens within a sentence.
        window: words of context on each side.
        pattern_type: ``"glob"``, ``"phrase"`` or ``"regex"``.
        sort_by: None (patterns in the order given, then document order), ``"left"`` (by the words before the match, nearest
            first), ``"right"`` or ``"match"``.
        case_sensitive: match case exactly.
        text_col: the column searched; ``start``/``end`` index into it.

    Returns:
        ``doc_id, sent_id, pattern, start, end, left, match, right``; ``text[start:end]`` is
        the match, ``sent_id`` numbers sentences as :func:`corpus_tools.split_sentences`.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Allies offered security guarantees to Kyiv."]})
    >>> kwic(docs, "guarantee*", window=2)[["start", "end", "left", "match", "right"]].values.tolist()
    [[24, 34, 'offered security', 'guarantees', 'to Kyiv']]
    """
    from corpus_tools.segment import split_text_sentences

    if pattern_type not in ("glob", "phrase", "regex"):
        raise ValueError(f"pattern_type must be 'glob', 'phrase' or 'regex', not {pattern_type!r}")
    _require(corpus, ["doc_id", text_col])
    labelled = (
        {str(k): str(v) for k, v in pattern.items()}
        if isinstance(pattern, Mapping)
        else {p: p for p in _as_labels(pattern)}
    )
    texts = [t if isinstance(t, str) else "" for t in corpus[text_col]]
    docs, vocabulary = _tokenize_docs(texts)
    if pattern_type == "regex":
        compiled = {label: re.compile(p, 0 if case_sensitive else re.IGNORECASE) for label, p in labelled.items()}
    else:
        compiled = {
            label: [
                _matching_forms(w, vocabulary, pattern_type=pattern_type, case_sensitive=case_sensitive)
                for w in p.split()
            ]
            for label, p in labelled.items()
        }
    rows = []
    for doc_id, text, (spans, forms) in zip(corpus["doc_id"], texts, docs):
        index: dict[str, list[int]] = {}
        for i, form in enumerate(forms):
            index.setdefault(form, []).append(i)
        sentence_starts = None
        for label, rx in compiled.items():
            found = (
                [m.span() for m in rx.finditer(text) if m.end() > m.start()]
                if pattern_type == "regex"
                else _token_matches(text, spans, forms, index, rx)
            )
            if found and sentence_starts is None:
                sentence_starts = np.array([s for s, _, _ in split_text_sentences(text)], dtype=np.int64)
            for span in found:
                sent_id = max(int(np.searchsorted(sentence_starts, span[0], side="right")) - 1, 0)
                rows.append((doc_id, sent_id, label, span[0], span[1], *_context(text, spans, span, window)))
    table = pd.DataFrame(rows, columns=KWIC_COLUMNS).astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    return _sort_kwic(table, sort_by, list(labelled)).reset_index(drop=True)


def term_pattern(term: str, *, stemmed: bool = False) -> str:
    """The :func:`kwic` glob pattern that finds a counted term in the text: compound and
    n-gram words become a phrase, stemmed words match any ending.

    >>> term_pattern("security_guarantees"), term_pattern("guarante", stemmed=True)
    ('security guarantees', 'guarante*')
    """
    words = term.replace(CONCATENATOR, " ").split()
    return " ".join(w + "*" if stemmed else w for w in words)


def kwic_anchor(term: str) -> str:
    """The HTML id of a term's concordance section: ASCII, unique per term.

    >>> kwic_anchor("security guarantees")
    'kwic-security-guarantees-3e567035'
    """
    import zlib

    slug = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")[:40]
    return f"kwic-{slug}-{zlib.crc32(term.encode('utf-8')):08x}"


def _cell_text(value) -> str:
    """A table cell as escaped text; floats with 4 significant digits."""
    from html import escape

    if isinstance(value, (float, np.floating)):
        return f"{value:.4g}"
    return escape(str(value))


def _table_html(table: pd.DataFrame, *, html_columns: Sequence[str], max_rows: int | None) -> str:
    """:func:`corpus_tools.report.table_html` with every cell outside ``html_columns`` escaped
    here, whatever its dtype (pandas 3 stores text as ``str``, not ``object``)."""
    from corpus_tools.report import format_table_html

    shown = table if max_rows is None else table.head(max_rows)
    shown = shown.assign(**{c: [v if c in html_columns else _cell_text(v) for v in shown[c]] for c in shown.columns})
    return format_table_html(shown, html_columns=list(shown.columns))


def format_kwic_html(lines: pd.DataFrame, *, max_lines: int | None = 50) -> str:
    """Concordance lines as HTML, one section per pattern (``id`` = :func:`kwic_anchor`),
    the match highlighted; every piece of corpus text is escaped.

    >>> lines = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "pattern": ["x"], "start": [0], "end": [1],
    ...                       "left": ["<b>"], "match": ["x"], "right": ["&"]})
    >>> "&lt;b&gt;" in format_kwic_html(lines) and "<mark>x</mark>" in format_kwic_html(lines)
    True
    """
    from html import escape

    from corpus_tools.report import highlight_html

    parts = []
    for pattern, group in lines.groupby("pattern", sort=False):
        shown = group.assign(match=[highlight_html(m, [(0, len(m))]) for m in group["match"]])
        shown = shown[["doc_id", "sent_id", "start", "left", "match", "right"]]
        parts.append(
            f'<h4 id="{kwic_anchor(str(pattern))}">{escape(str(pattern))} '
            f"({len(group)} line{'s' if len(group) != 1 else ''})</h4>"
        )
        parts.append(_table_html(shown, html_columns=["match"], max_rows=max_lines))
    return "\n".join(parts)


def format_keyness_html(
    table: pd.DataFrame, *, linked: Iterable[str] = (), columns: Sequence[str] | None = None, max_rows: int | None = 50
) -> str:
    """A keyness table as HTML; terms in ``linked`` link to their concordance section
    (:func:`format_kwic_html` with the same term as pattern). Cells are escaped."""
    from html import escape

    linked = set(linked)
    shown = table[list(columns)] if columns else table
    shown = shown.assign(
        term=[f'<a href="#{kwic_anchor(t)}">{escape(t)}</a>' if t in linked else escape(t) for t in shown["term"]]
    )
    return _table_html(shown, html_columns=["term"], max_rows=max_rows)


# --------------------------------------------------------------------------- plots

TARGET_COLOUR, REFERENCE_COLOUR = "#3b6ea5", "#b5651d"


def plot_keyness(
    table: pd.DataFrame,
    *,
    top_n: int = 20,
    measure: str = "g2",
    target_label: str = "target",
    reference_label: str = "reference",
):
    """Bar chart of the ``top_n`` key terms of the target and of the reference (as
    quanteda's ``textplot_keyness``): bars right of zero are over-represented in the target.

    Args:
        table: from :func:`keyness`.
        top_n: terms shown in each direction.
        measure: the signed column to plot (``g2``, ``chi2``, ``log_ratio``, ``log_odds_z``).
        target_label, reference_label: legend names of the two sides.

    Returns:
        A matplotlib Figure (not saved).

    >>> t = pd.DataFrame({"term": ["a", "b"], "g2": [3.0, -2.0]})
    >>> len(plot_keyness(t).axes)
    1
    """
    import matplotlib.pyplot as plt

    ranked = table.sort_values(measure, ascending=False, kind="stable")
    top = ranked[ranked[measure] > 0].head(top_n)
    bottom = ranked[ranked[measure] < 0].tail(top_n)
    shown = pd.concat([top, bottom])
    fig, ax = plt.subplots(figsize=(7, 0.8 + 0.24 * max(len(shown), 1)))
    y = np.arange(len(shown))
    colours = [TARGET_COLOUR if v > 0 else REFERENCE_COLOUR for v in shown[measure]]
    ax.barh(y, shown[measure], color=colours)
    for yi, (term, value) in enumerate(zip(shown["term"], shown[measure])):
        ax.text(value, yi, f" {term} ", va="center", ha="left" if value > 0 else "right", fontsize=8)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    span = float(np.abs(shown[measure]).max()) if len(shown) else 1.0
    ax.set_xlim(-span * 1.35 if len(bottom) else 0, span * 1.35 if len(top) else 0.1)
    ax.set_xlabel(f"{measure} (signed: > 0 key in {target_label}, < 0 key in {reference_label})")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in (TARGET_COLOUR, REFERENCE_COLOUR)]
    ax.legend(handles, [target_label, reference_label], loc="lower right", frameon=False, fontsize=8)
    ax.spines[["top", "right", "left"]].set_visible(False)
    fig.tight_layout()
    return fig


def plot_term_scatter(
    table: pd.DataFrame,
    *,
    label_top: int = 12,
    colour_by: str = "log_odds_z",
    target_label: str = "target",
    reference_label: str = "reference",
):
    """Scatter of every term: frequency per 10,000 terms in the reference (x) against the
    target (y), log scales, coloured by ``colour_by`` (blue: target, orange: reference); the
    ``label_top`` terms with the largest ``|colour_by|`` are labelled, placed without overlap
    by adjustText. A zero count is drawn at 0.5 (as the log ratio counts it).

    Args:
        table: from :func:`keyness`.
        label_top: terms labelled (split between the two sides by ``|z|``).
        colour_by: the signed column that colours the points.
        target_label, reference_label: axis names.

    Returns:
        A matplotlib Figure (not saved).

    >>> t = keyness(pd.DataFrame({"doc_id": ["a", "b"], "text": ["war war peace", "peace talks"]}), target="a")
    >>> len(plot_term_scatter(t).axes)
    2
    """
    import matplotlib.pyplot as plt
    from adjustText import adjust_text
    from matplotlib.colors import LinearSegmentedColormap, TwoSlopeNorm

    x = (
        np.where(table["n_reference"] > 0, table["n_reference"], 0.5)
        / table["total_reference"].to_numpy(dtype=float)
        * 10_000
    )
    y = np.where(table["n_target"] > 0, table["n_target"], 0.5) / table["total_target"].to_numpy(dtype=float) * 10_000
    z = table[colour_by].to_numpy(dtype=float)
    limit = max(float(np.nanmax(np.abs(z))) if len(z) else 1.0, 1e-9)
    cmap = LinearSegmentedColormap.from_list("keyness", [REFERENCE_COLOUR, "#d9d9d9", TARGET_COLOUR])
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    order = np.argsort(np.abs(z))  # strongest drawn last, on top
    points = ax.scatter(
        x[order], y[order], c=z[order], cmap=cmap, norm=TwoSlopeNorm(0, -limit, limit), s=14, alpha=0.8, linewidths=0
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    low, high = min(np.min(x), np.min(y)) / 1.5, max(np.max(x), np.max(y)) * 1.5
    ax.plot([low, high], [low, high], color="grey", linewidth=0.8, linestyle="--")
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_xlabel(f"per 10,000 terms in {reference_label}")
    ax.set_ylabel(f"per 10,000 terms in {target_label}")
    readable = {
        "log_odds_z": "Fightin' Words z (log-odds with prior)",
        "g2": "signed log-likelihood G2",
        "log_ratio": "log2 ratio of relative frequencies",
    }
    fig.colorbar(points, ax=ax, label=readable.get(colour_by, colour_by), shrink=0.8)
    picked = np.concatenate([np.argsort(-z)[: (label_top + 1) // 2], np.argsort(z)[: label_top // 2]])
    picked = [i for i in dict.fromkeys(picked.tolist()) if z[i] != 0][:label_top]
    texts = [ax.text(x[i], y[i], str(table["term"].iloc[i]), fontsize=8) for i in picked]
    if texts:
        # A fixed number of iterations, not adjustText's default time limit: the same table
        # gives the same figure on any machine.
        adjust_text(texts, ax=ax, iter_lim=300, arrowprops={"arrowstyle": "-", "color": "grey", "lw": 0.5})
    return fig


def plot_dispersion(
    corpus: pd.DataFrame,
    terms: Sequence[str] | Mapping[str, str],
    *,
    pattern_type: str = "glob",
    text_col: str = "text",
    max_docs: int = 40,
):
    """Lexical dispersion ("x-ray", as NLTK's ``dispersion_plot`` and quanteda's
    ``textplot_xray``): one panel per term (four to a row), one row per document, a tick wherever the term
    occurs, at its relative position in the document (0 = start, 1 = end).

    Args:
        corpus: a table with ``doc_id`` and ``text_col``.
        terms: counted terms (searched with :func:`term_pattern`), or a dict panel title ->
            :func:`kwic` pattern.
        pattern_type: as in :func:`kwic`.
        text_col: the column searched.
        max_docs: show at most this many documents (those first in the corpus).

    Returns:
        A matplotlib Figure (not saved).

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["peace at the start and peace at the end"]})
    >>> len(plot_dispersion(docs, ["peace"]).axes)
    1
    """
    import matplotlib.pyplot as plt

    docs = corpus.head(max_docs)
    labelled = dict(terms) if isinstance(terms, Mapping) else {t: term_pattern(t) for t in terms}
    terms = list(labelled)
    lines = kwic(docs, labelled, window=0, pattern_type=pattern_type, text_col=text_col)
    lengths = docs.set_index("doc_id")[text_col].fillna("").str.len().clip(lower=1)
    row = {d: i for i, d in enumerate(docs["doc_id"])}
    ncols = min(max(len(terms), 1), 4)
    nrows = -(-max(len(terms), 1) // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(2.4 * ncols + 1.5, nrows * (1.2 + 0.28 * len(docs))),
        sharey=True,
        sharex=True,
        squeeze=False,
    )
    for ax in axes.ravel()[len(terms) :]:
        ax.set_visible(False)
    for ax, term in zip(axes.ravel(), terms):
        hits = lines[lines["pattern"] == term]
        ax.scatter(
            hits["start"] / hits["doc_id"].map(lengths).to_numpy(),
            hits["doc_id"].map(row),
            marker="|",
            s=120,
            color=TARGET_COLOUR,
            linewidths=1.2,
        )
        ax.set_title(term, fontsize=9)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.5, 1])
        ax.grid(axis="y", color="#eeeeee")
    for ax in axes[:, 0]:
        ax.set_yticks(range(len(docs)))
        ax.set_yticklabels(docs["doc_id"], fontsize=8)
        ax.set_ylim(len(docs) - 0.5, -0.5)
    fig.supxlabel("relative position in the document", fontsize=9)
    fig.tight_layout()
    return fig
