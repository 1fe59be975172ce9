"""Vocabulary over time: chosen terms per period (Voyant's Trends) and the terms rising or falling.

Chosen terms are found as :func:`corpus_tools.keywords.match_kwic` (the concordance of the
reports) finds them, case-insensitively: a term is a word, a phrase (``"security guarantees"``,
within a sentence) or a word with a trailing ``*`` (``"negotiat*"``); only the texts that hold a
fixed part of a term (one compiled alternation) are tokenised, and each distinct word form is
compared with the terms once.
Rising and falling terms come from an article-level trend test (Lijffijt et al. 2016 on why the
article, not the token, is the unit): for each term, Spearman's rank correlation between each
article's date and the term's rate in that article, with p-values adjusted over the terms tested.

>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "date": pd.to_datetime(["2025-01-01", "2025-02-01"]),
...                      "text": ["Talks on a ceasefire.", "Ceasefire talks, ceasefire now."], "n_words": [4, 4]})
>>> count_term_periods(docs, ["ceasefire"], period="month")[["period", "count", "per_10k"]].astype(str).values.tolist()
[['2025-01-01', '1', '2500.0'], ['2025-02-01', '2', '5000.0']]
"""

from __future__ import annotations

import fnmatch
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse, special
from scipy import stats as sps

from corpus_tools.checks import require_columns
from corpus_tools.keywords.counts import _BREAK_RE, _as_ascii
from corpus_tools.shipped import read_stopwords
from corpus_tools.stats import adjust_p
from corpus_tools.tokens import _ASCII_TOKEN_RE, TOKEN_RE, _token_re, tokenize
from corpus_tools.trends.periods import _all_periods, _group_dated, label_periods

__all__ = ["match_term_documents", "count_term_periods", "summarize_term_trends", "select_trend_terms"]


def _check_terms(terms: Iterable[str]) -> list[str]:
    terms = [str(t) for t in terms]
    empty = [t for t in terms if not tokenize(t.replace("*", ""))]
    if empty:
        raise ValueError(f"terms {empty} contain no word to match; give words, phrases or word* prefixes")
    return terms


def match_term_documents(documents: pd.DataFrame, terms: Iterable[str]) -> pd.DataFrame:
    """The documents that use each term: ``doc_id, term, count`` (rows with a count above zero),
    counted as :func:`corpus_tools.keywords.match_kwic` counts its lines (glob patterns: a phrase
    matches within a sentence, ``word*`` any ending), in the texts that can hold a term only.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["A truce.", "Truce talks; truces."]})
    >>> match_term_documents(docs, ["truce*"]).values.tolist()
    [['a', 'truce*', 1], ['b', 'truce*', 2]]
    """
    require_columns(documents, ["doc_id", "text"], table="documents")
    terms = list(dict.fromkeys(_check_terms(terms)))
    words = [t.split() for t in terms]
    tests = {w: _form_test(w) for term in words for w in term}
    seen: dict[str, dict[str, bool]] = {w: {} for w in tests}

    def matches(word: str, form: str) -> bool:
        known = seen[word].get(form)
        if known is None:
            known = seen[word][form] = tests[word](form)
        return known

    doc_ids = documents["doc_id"].tolist()
    counts: dict[tuple[int, int], int] = {}
    single = [t for t, term in enumerate(words) if len(term) == 1]
    phrases = [t for t, term in enumerate(words) if len(term) > 1]
    starts: dict[str, tuple[tuple[int, ...], bool]] = {}  # a form: the words it is, whether a phrase starts so
    lowered = None if phrases or any(c in t for t in terms for c in "*?[") else [w[0].lower() for w in words]
    candidates = np.flatnonzero(_may_match(documents["text"], terms))
    for i, text in zip(candidates, _iterate_texts(documents["text"].iloc[candidates])):
        tokens, phrase_start = None, False
        swapped = _as_ascii(text)  # the same tokens, the faster pattern if it can
        if lowered is not None and swapped.isascii():  # words only: an ASCII text's tokens, lower-cased
            bag = Counter(_ASCII_TOKEN_RE.findall(swapped.lower()))
            counts.update({(t, i): bag[low] for t, low in enumerate(lowered) if low in bag})
            continue
        for form, n in Counter(_token_re(swapped).findall(swapped)).items():
            known = starts.get(form)
            if known is None:
                if len(starts) > 500_000:  # bounded memory: start afresh
                    starts.clear()
                known = starts[form] = (
                    tuple(t for t in single if matches(words[t][0], form)),
                    any(matches(words[t][0], form) for t in phrases),
                )
            for t in known[0]:
                counts[t, i] = counts.get((t, i), 0) + n
            phrase_start |= known[1]
        for t in phrases if phrase_start else ():
            tokens = list(TOKEN_RE.finditer(text)) if tokens is None else tokens  # as match_kwic reads it
            found = _count_phrase(text, tokens, words[t], matches)
            if found:
                counts[t, i] = found
    rows = [(doc_ids[i], terms[t], n) for (t, i), n in sorted(counts.items())]
    table = pd.DataFrame(rows, columns=["doc_id", "term", "count"]).astype({"count": "int64"})
    return table.groupby(["doc_id", "term"], sort=False)["count"].sum().reset_index()


def _iterate_texts(texts: pd.Series, chunk: int = 10_000):
    """The texts as Python strings ("" for a missing one), converted a chunk at a time."""
    for start in range(0, len(texts), chunk):
        yield from (t if isinstance(t, str) else "" for t in texts.iloc[start : start + chunk].to_numpy(dtype=object))


def _form_test(word: str):
    """Whether a token form matches a pattern word, as :func:`corpus_tools.keywords.match_kwic`
    compares them (ignoring case): the same word lower-cased, or the glob."""
    if not any(c in word for c in "*?["):
        low = word.lower()
        return lambda form: form.lower() == low
    return re.compile(fnmatch.translate(word), re.IGNORECASE).match


def _count_phrase(text: str, tokens: list[re.Match], words: list[str], matches) -> int:
    """Starts of consecutive tokens matching ``words`` with no sentence break between them."""
    k, found = len(words), 0
    for i in range(len(tokens) - k + 1):
        if all(matches(w, tokens[i + j].group()) for j, w in enumerate(words)) and not any(
            _BREAK_RE.search(text, tokens[i + j].end(), tokens[i + j + 1].start()) for j in range(k - 1)
        ):
            found += 1
    return found


def _term_cue(term: str) -> str | None:
    """A regular expression every text that can match ``term`` holds (searched ignoring case,
    as a glob matches): the longest fixed part of the first word, or None when there is none that
    certainly holds (a lone ``*``, a character set, a word that is not ASCII)."""
    word = term.split()[0]
    if "[" in word or "]" in word:
        return None
    globbed = "*" in word or "?" in word
    if not globbed and not word.isascii():  # a literal word is compared lower-cased, not case-folded
        return None
    part = max(re.split(r"[*?]", word), key=len)
    return re.escape(part) if part else None


def _bounded_cue(term: str) -> str | None:
    """:func:`_term_cue` with what surrounds it where it begins or ends the word: a token never
    begins right after an ASCII letter, and a token ending in an ASCII letter is never followed by
    an ASCII letter, digit or underscore (the token would go on), so neither can a form matching
    the word.

    >>> _bounded_cue("plan"), _bounded_cue("tariff*"), _bounded_cue("*fire"), _bounded_cue("a?cde*")
    ('(?:^|[^A-Za-z])plan(?:$|[^A-Za-z0-9_])', '(?:^|[^A-Za-z])tariff', 'fire(?:$|[^A-Za-z0-9_])', 'cde')
    """
    cue = _term_cue(term)
    if cue is None:
        return None
    parts = re.split(r"[*?]", term.split()[0])
    k = parts.index(max(parts, key=len))  # the part _term_cue took
    if k == 0 and re.match("[A-Za-z]", parts[k][0]):
        cue = f"(?:^|[^A-Za-z]){cue}"
    if k == len(parts) - 1 and re.match("[A-Za-z]", parts[k][-1]):
        cue = f"{cue}(?:$|[^A-Za-z0-9_])"
    return cue


def _may_match(texts: pd.Series, terms: list[str]) -> np.ndarray:
    """Which texts can match one of ``terms`` (one compiled alternation of the terms' fixed
    parts, bounded where they begin or end the word, before any text is tokenised); every text
    when a term has no fixed part."""
    cues = [_bounded_cue(t) for t in terms]
    if not cues or None in cues:
        return np.ones(len(texts), dtype=bool)
    pattern = "|".join(sorted(set(cues), key=len, reverse=True))
    if pattern.isascii():  # RE2 in one call; Python's IGNORECASE also matches "i" with "İ" and "ı"
        values = pa.array(texts, from_pandas=True)  # a column of Arrow strings: not copied
        if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):  # no string (all missing)
            values = pa.array(texts.to_numpy(dtype=object, na_value=None), type=pa.large_string(), from_pandas=True)
        found = pc.match_substring_regex(values, "(?i)" + re.sub("[iI]", "[iIİı]", pattern))
        return np.asarray(pc.fill_null(found, False), dtype=bool)
    search = re.compile(pattern, re.IGNORECASE).search
    return np.fromiter((isinstance(t, str) and search(t) is not None for t in texts), dtype=bool, count=len(texts))


def count_term_periods(
    documents: pd.DataFrame, terms: Iterable[str], *, period: str = "auto", by: str | None = None, date: str = "date"
) -> pd.DataFrame:
    """Occurrences of each chosen term per period (and group), as counts and per 10,000 words.

    Args:
        documents: the corpus (``doc_id``, ``text``, ``n_words``, a date column).
        terms: words, phrases or ``word*`` prefixes.
        period: ``"auto"`` or a unit of :data:`corpus_tools.trends.periods.PERIODS`.
        by: a grouping column; ``None``: the corpus as one group ``"all"``.
        date: the date column.

    Returns:
        ``period, group, term, count, articles, words, per_10k`` for every period of the span,
        zero where a period has no article (``per_10k`` NaN there: no words to divide by).
    """
    require_columns(documents, ["doc_id", "text", "n_words"], table="documents")
    terms = _check_terms(terms)
    needed = [c for c in dict.fromkeys(["doc_id", date, "text", "n_words", by]) if c in documents.columns]
    dated = label_periods(documents[needed], period=period, date=date)  # the other columns are not copied
    unit = dated.attrs["period"]
    dated = _group_dated(dated, by)
    hits = match_term_documents(dated, terms).merge(dated[["doc_id", "period", "group"]], on="doc_id")
    sums = hits.assign(articles=1).groupby(["period", "group", "term"])[["count", "articles"]].sum()
    words = dated.groupby(["period", "group"])["n_words"].sum()
    full = pd.MultiIndex.from_product(
        [_all_periods(dated["period"], unit), sorted(dated["group"].unique()), terms],
        names=["period", "group", "term"],
    )
    out = sums.reindex(full, fill_value=0).reset_index()
    out["words"] = [int(words.get((p, g), 0)) for p, g in zip(out["period"], out["group"])]
    out["per_10k"] = out["count"] / out["words"].where(out["words"] > 0) * 10_000
    out.attrs.update(period=unit, undated=dated.attrs["undated"])
    return out


def summarize_term_trends(
    documents: pd.DataFrame,
    *,
    top_n: int = 15,
    min_articles: int = 5,
    max_terms: int = 1000,
    stopwords: str | Iterable[str] | None = "english",
    p_adjust: str = "holm",
    date: str = "date",
) -> pd.DataFrame:
    """The terms whose per-article rate rises or falls most with time (an article-level trend test).

    The ``max_terms`` terms found in the most dated articles (and in at least ``min_articles``)
    are tested: ``rho`` is Spearman's correlation between article date and the term's rate per
    10,000 words in that article (every dated article counts, with rate 0 where the term is absent).

    Args:
        documents: the corpus (``doc_id``, ``text``, a date column).
        top_n: terms listed in each direction.
        min_articles: fewest articles a term must occur in to be tested.
        max_terms: most terms tested (by article frequency), to bound time and memory.
        stopwords: words not tested: a shipped list's name (:func:`corpus_tools.shipped.read_stopwords`),
            words, or ``None``.
        p_adjust: multiple-comparison correction over the tested terms (``stats.adjust_p``).
        date: the date column.

    Returns:
        ``term, direction, rho, p, p_adjusted, articles, early_per_10k, late_per_10k``: the
        ``top_n`` rising terms (largest rho) then the ``top_n`` falling ones; early/late rates are
        those of the first and second half of the dated articles. ``attrs["tested"]`` is the number
        of terms tested. Fewer than 4 dated articles: an empty table (a trend needs several dates).
    """
    require_columns(documents, ["doc_id", "text"], table="documents")
    needed = list(dict.fromkeys(["doc_id", date, "text"]))  # the other columns are not copied
    dated = label_periods(documents[needed], period="day", date=date, warn=False).sort_values(date, kind="stable")
    columns = ["term", "direction", "rho", "p", "p_adjusted", "articles", "early_per_10k", "late_per_10k"]
    if isinstance(stopwords, str):
        stopwords = read_stopwords(stopwords)
    stop = {w.lower() for w in stopwords or ()}
    ids, counts, lengths, words = _count_tokens(_iterate_texts(dated["text"]))
    doc_freq = np.bincount(ids, minlength=len(words))
    testable = np.array([w not in stop and not w.isdigit() for w in words], dtype=bool)
    ranked = np.flatnonzero(testable)[np.argsort(-doc_freq[testable], kind="stable")][:max_terms]
    chosen = ranked[doc_freq[ranked] >= min_articles]  # by article frequency, then first appearance
    vocab = [words[j] for j in chosen]
    if len(dated) < 4 or not vocab or dated[date].nunique() < 2:
        out = pd.DataFrame(columns=columns)
        out.attrs["tested"] = 0
        return out
    column = np.full(len(words), -1)
    column[chosen] = np.arange(len(chosen))
    rows = np.repeat(np.arange(len(dated)), lengths[1])
    kept = column[ids] >= 0
    rates = sparse.csc_matrix(
        (counts[kept] / np.maximum(lengths[0], 1)[rows[kept]] * 10_000, (rows[kept], column[ids[kept]])),
        shape=(len(dated), len(vocab)),
    )
    when = dated[date].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    rho, p = _spearman_columns(when, rates)
    half = len(dated) // 2
    table = pd.DataFrame(
        {
            "term": vocab,
            "rho": rho,
            "p": p,
            "p_adjusted": adjust_p(np.nan_to_num(p, nan=1.0), p_adjust),
            "articles": doc_freq[chosen],
            "early_per_10k": np.asarray(rates[:half].sum(axis=0)).ravel() / half,
            "late_per_10k": np.asarray(rates[half:].sum(axis=0)).ravel() / (len(dated) - half),
        }
    )
    table["direction"] = np.where(table["rho"] > 0, "rising", "falling")
    rising = table[table["rho"] > 0].sort_values(["rho", "term"], ascending=[False, True]).head(top_n)
    falling = table[table["rho"] < 0].sort_values(["rho", "term"]).head(top_n)
    out = pd.concat([rising, falling], ignore_index=True)[columns]
    out.attrs["tested"] = len(vocab)
    return out


def _count_tokens(texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray], list[str]]:
    """Each text's lower-cased tokens (:func:`corpus_tools.tokens.tokenize`) counted, as sparse rows:
    word ids and counts (text after text), ``(tokens, distinct words)`` per text, and the words
    (ids in order of first appearance)."""
    index: dict[str, int] = defaultdict(itertools.count().__next__)  # a new word takes the next id
    ids, numbers, found, counts, n_tokens, n_words = [], [], [], [], [], []

    def number() -> None:  # the ids and counts gathered so far as arrays, a chunk at a time
        ids.append(np.array(found, dtype=np.int64))
        numbers.append(np.array(counts, dtype=float))
        found.clear()
        counts.clear()

    for text in texts:
        text = _as_ascii(text)  # the same tokens, the faster pattern if it can
        if text.isascii():  # lower-casing ASCII text moves no token: its tokens come lower-cased
            bag = Counter(_ASCII_TOKEN_RE.findall(text.lower()))
        else:
            bag = Counter(map(str.lower, TOKEN_RE.findall(text)))
        found.extend(map(index.__getitem__, bag))
        counts.extend(bag.values())
        n_tokens.append(sum(bag.values()))
        n_words.append(len(bag))
        if len(found) > _CHUNK_WORDS:
            number()
    number()
    lengths = (np.array(n_tokens, dtype=float), np.array(n_words, dtype=np.int64))
    return np.concatenate(ids), np.concatenate(numbers), lengths, list(index)


#: Distinct words of articles gathered before their ids and counts become arrays (bounds the memory of a
#: large corpus).
_CHUNK_WORDS = 1_000_000


def _spearman_columns(x: np.ndarray, columns: sparse.csc_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Spearman's rho and its two-sided p-value (as ``scipy.stats.spearmanr(x, column)``: Pearson's
    r of average ranks, a t test with n - 2 degrees of freedom) of ``x`` with each column of a
    sparse matrix of values >= 0, without a dense matrix: the zeros of a column share one rank."""
    n = len(x)
    rank_x = sps.rankdata(x) - (n + 1) / 2  # centred: ranks average (n + 1) / 2
    spread_x = np.sqrt(np.sum(rank_x**2))
    rho = np.full(columns.shape[1], np.nan)
    for j in range(columns.shape[1]):
        start, end = columns.indptr[j], columns.indptr[j + 1]
        values, where = columns.data[start:end], columns.indices[start:end]
        zeros = n - values.size
        zero_rank = (zeros + 1) / 2
        ranks = zeros + sps.rankdata(values)
        spread = zeros * (zero_rank - (n + 1) / 2) ** 2 + np.sum((ranks - (n + 1) / 2) ** 2)
        if spread > 0:
            r = np.sum((ranks - zero_rank) * rank_x[where]) / np.sqrt(spread) / spread_x
            rho[j] = min(max(r, -1.0), 1.0)
    dof = n - 2
    with np.errstate(divide="ignore", invalid="ignore"):
        t = rho * np.sqrt((dof / ((rho + 1.0) * (1.0 - rho))).clip(0))
    return rho, 2 * special.stdtr(dof, -np.abs(t))


def select_trend_terms(term_trends: pd.DataFrame, *, top_n: int = 3) -> list[str]:
    """The ``top_n`` most rising and ``top_n`` most falling terms of :func:`summarize_term_trends`.

    >>> table = pd.DataFrame({"term": ["a", "b", "c"], "direction": ["rising", "rising", "falling"]})
    >>> select_trend_terms(table, top_n=1)
    ['a', 'c']
    """
    if term_trends.empty:
        return []
    parts = [term_trends[term_trends["direction"] == d].head(top_n) for d in ("rising", "falling")]
    return pd.concat(parts)["term"].tolist()
