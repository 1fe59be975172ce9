"""What drives the scores: each lexicon term's count and contribution, and the effect of overrides.

A term's contribution is what it adds to the sentence sums the compound scores are built from
(VADER: the word's valence after boosters, negation and "but"; dictionaries: the hit's value on
VADER's -4..4 scale, negation applied). :func:`compare_overrides` scores the documents again
with some entries removed or re-weighted.

>>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Peace is good."]})
>>> count_drivers(corpus)["term"].tolist()
['peace', 'good']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.dictionaries import Dictionary
from corpus_tools.groups import attach_groups
from corpus_tools.sentiment.dictionary import _dictionary_hits
from corpus_tools.sentiment.lexicons import Lexicon, _lexicon_list
from corpus_tools.sentiment.scores import _as_sentences, score_documents, score_sentences
from corpus_tools.sentiment.vader import _vader_valences

__all__ = ["count_drivers", "compare_overrides"]


def _term_contributions(sentences: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """``doc_id, sent_id, term, value``: every scored term of every sentence and its
    contribution to the sentence's sum (VADER: valence after its rules; dictionaries: hit value).

    A sentence's terms depend on its text only, so each distinct text is scored once and its
    terms are repeated for every sentence with that text, in sentence order (the rows, and so
    every sum over them, are those of scoring each sentence)."""
    codes, texts = pd.factorize(sentences["text"].fillna("").to_numpy(dtype=object))
    if lexicon.analyzer is not None:
        terms, values, counts = [], [], []
        for text in texts:
            words, valences, _ = _vader_valences(lexicon.analyzer, text)
            found = [(w.lower(), v) for w, v in zip(words, valences) if v != 0]
            counts.append(len(found))
            terms.extend(w for w, _ in found)
            values.extend(v for _, v in found)
        counts = np.asarray(counts, dtype=np.int64)
        terms = np.asarray(terms, dtype=object)
        values = np.asarray(values, dtype=float)
    else:
        unique = pd.DataFrame({"doc_id": np.arange(len(texts)), "sent_id": 0, "start": 0, "text": texts})
        hits = _dictionary_hits(lexicon, unique)
        text_of = hits["doc_id"].to_numpy(dtype=np.int64)
        order = np.argsort(text_of, kind="stable")  # hits come in text order already; kept stable
        counts = np.bincount(text_of, minlength=len(texts))
        terms = hits["term"].str.lower().str.replace("’", "'", regex=False).to_numpy(dtype=object)[order]
        values = hits["value"].to_numpy(dtype=float)[order]
    rows = _expand(codes, counts)
    per_sentence = counts[codes]
    return pd.DataFrame(
        {
            "doc_id": np.repeat(sentences["doc_id"].to_numpy(), per_sentence),
            "sent_id": np.repeat(sentences["sent_id"].to_numpy(), per_sentence),
            "term": pd.array(terms[rows], dtype=object),
            "value": values[rows],
        }
    )


def _expand(codes: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Positions, in a table of rows grouped by text code (``counts[c]`` rows for code ``c``),
    of the rows of each sentence in turn (a sentence of code ``c`` takes all rows of ``c``)."""
    offsets = np.r_[0, np.cumsum(counts)[:-1]].astype(np.int64)
    lengths = counts[codes]
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    shift = np.repeat(offsets[codes] - (ends - lengths), lengths)
    return np.arange(total, dtype=np.int64) + shift


def _count_lexicon_drivers(sentences: pd.DataFrame, lex: Lexicon, top_n: int | None) -> pd.DataFrame:
    """:func:`count_drivers` for one lexicon on sentences that carry a ``group`` column."""
    terms = _term_contributions(sentences, lex)
    index = pd.MultiIndex.from_frame(sentences[["doc_id", "sent_id"]])
    group_of = pd.Series(sentences["group"].to_numpy(), index=index)
    terms["group"] = group_of.reindex(pd.MultiIndex.from_frame(terms[["doc_id", "sent_id"]])).to_numpy()
    table = terms.groupby(["group", "term"], sort=False).agg(count=("value", "size"), contribution=("value", "sum"))
    table = table.reset_index()
    table["abs"] = table["contribution"].abs()
    table["share"] = table["abs"] / table.groupby("group")["abs"].transform("sum").where(lambda x: x > 0)
    table = table.sort_values(["group", "abs", "term"], ascending=[True, False, True], kind="mergesort")
    if top_n is not None:
        table = table.groupby("group", sort=False).head(int(top_n))
    columns = ["lexicon", "group", "term", "count", "contribution", "share"]
    return table.assign(lexicon=lex.name)[columns].reset_index(drop=True)


def count_drivers(
    data: pd.DataFrame,
    *,
    lexicon: str | Path | Dictionary | Lexicon | Sequence[str | Path | Dictionary | Lexicon] = "vader",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    overrides: Mapping[str, float | None] | None = None,
    top_n: int | None = None,
) -> pd.DataFrame:
    """The lexicon terms that drive each group's score: term, count and summed contribution.

    A term's contribution is what it adds to the sentence sums the compound scores are built
    from (VADER: the word's valence after boosters, negation and "but"; dictionaries: the hit's
    value on VADER's -4..4 scale, negation applied). A negated "good" contributes negatively.

    Args:
        data: a corpus, a sentence table or sentence scores (with ``text``).
        lexicon: one lexicon (see :func:`~corpus_tools.sentiment.lexicons.read_lexicon`), or a
            list of lexicons: their tables one after the other.
        by: grouping column (in ``data`` or ``corpus``); ``"doc_id"`` gives per-document
            drivers; documents without a value form the group ``"(missing)"``.
        corpus: the corpus, to take ``by`` from.
        overrides: lexicon entries removed or re-weighted first.
        top_n: keep the ``top_n`` terms with the largest absolute contribution per group.

    Returns:
        ``lexicon, group, term, count, contribution, share`` (``share``: the term's part of
        the group's total absolute contribution), sorted by absolute contribution.

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Peace is good. Peace is near. It is not good."]})
    >>> count_drivers(corpus)[["term", "count", "contribution"]].round(3).values.tolist()
    [['peace', 2, 5.0], ['good', 2, 0.494]]
    """
    lexicons = _lexicon_list(lexicon, overrides)
    sentences = attach_groups(_as_sentences(data), by, documents=corpus)
    return pd.concat([_count_lexicon_drivers(sentences, lex, top_n) for lex in lexicons], ignore_index=True)


def compare_overrides(
    data: pd.DataFrame,
    *,
    overrides: Mapping[str, float | None],
    lexicons: Sequence[str | Path | Dictionary] | str = ("vader",),
    neutral_threshold: float = 0.05,
    before: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The effect of lexicon overrides (``{"force": None}`` neutralises "force") on document scores.

    ``before``: the sentence scores without overrides when they are at hand (``score_sentences(
    sentences, lexicons=lexicons)``, e.g. ``processed.score_sentences(...)`` from the cache), so
    only the scores with overrides are computed; without overrides nothing is scored again.

    Returns:
        ``doc_id, lexicon, compound_before, compound_after, change, share_pos_before,
        share_pos_after, share_neg_before, share_neg_after, n_sentences_changed``.

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Peace talks began. Troops wait."]})
    >>> compare_overrides(corpus, overrides={"peace": None})[["compound_before", "compound_after"]].values.tolist()
    [[0.27115, 0.0]]
    """
    if isinstance(lexicons, (str, Path, Dictionary)):
        lexicons = [lexicons]
    sentences = _as_sentences(data)
    if before is None:
        before = score_sentences(sentences, lexicons=lexicons)
    after = score_sentences(sentences, lexicons=lexicons, overrides=overrides) if overrides else before
    keys = ["doc_id", "lexicon"]
    docs = score_documents(before, neutral_threshold=neutral_threshold).merge(
        score_documents(after, neutral_threshold=neutral_threshold), on=keys, suffixes=("_before", "_after")
    )
    changed = before[keys].assign(changed=before["compound"].to_numpy() != after["compound"].to_numpy())
    docs["n_sentences_changed"] = docs.set_index(keys).index.map(changed.groupby(keys)["changed"].sum()).to_numpy()
    docs["change"] = docs["compound_after"] - docs["compound_before"]
    return docs[
        [
            "doc_id",
            "lexicon",
            "compound_before",
            "compound_after",
            "change",
            "share_pos_before",
            "share_pos_after",
            "share_neg_before",
            "share_neg_after",
            "n_sentences_changed",
        ]
    ]
