"""Dictionary lexicons (AFINN, Pattern, user dictionaries) scored with one transparent rule.

Each hit's value is its weight put on VADER's -4..4 scale (an unweighted hit in a ``positive``
or ``negative`` category counts ``UNWEIGHTED_VALENCE``), a negated hit is multiplied by VADER's
``N_SCALAR`` (-0.74), ``compound`` is VADER's normalisation of the sum, ``s / sqrt(s^2 + 15)``,
and ``neg/neu/pos`` are the shares of negative, unmatched and positive token mass. Hits are
found by :func:`corpus_tools.dictionaries.match_dictionary` (globs, phrases, negation).

>>> from corpus_tools.sentiment.lexicons import read_lexicon
>>> _dictionary_rows(read_lexicon("afinn"), ["A good day."], details=False).round(4).values.tolist()
[[0.0, 0.4545, 0.5455, 0.5267]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from corpus_tools.dictionaries import Dictionary, match_dictionary
from corpus_tools.sentiment.lexicons import (
    ALPHA,
    NEGATION_SCALAR,
    NEGATIVE_CATEGORIES,
    POSITIVE_CATEGORIES,
    UNWEIGHTED_VALENCE,
    Lexicon,
    _details_frame,
)
from corpus_tools.tokens import _cached_tokens, tokenize

__all__: list[str] = []


def _hit_values(hits: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """Hits with ``value``: the signed contribution of each hit on VADER's scale, after negation;
    positive/negative hits inside a Lexicoder-style negated entry (``not good*``) are dropped."""
    if hits.empty:
        return hits.assign(value=pd.Series(dtype="float64"))
    hits = _drop_covered_by_negated_entries(hits)
    category = hits["category"].str.lower()
    sign = np.where(category.isin(POSITIVE_CATEGORIES), 1.0, np.where(category.isin(NEGATIVE_CATEGORIES), -1.0, np.nan))
    base = hits["weight"].where(hits["weight"].notna(), sign * UNWEIGHTED_VALENCE / lexicon.scale)
    remapped = set((lexicon.dictionary.negation.categories or {}).values()) if lexicon.dictionary.negation else set()
    flip = hits["negated"] & ~hits["category"].isin(remapped)
    value = base * lexicon.scale * np.where(flip, NEGATION_SCALAR, 1.0)
    return hits.assign(value=value).dropna(subset=["value"])


def _drop_covered_by_negated_entries(hits: pd.DataFrame) -> pd.DataFrame:
    is_negated_entry = hits["category"].str.lower().isin({"neg_positive", "neg_negative"})
    if not is_negated_entry.any():
        return hits
    keys = ["doc_id", "sent_id"]
    spans = hits.loc[is_negated_entry, keys + ["start", "end"]]
    pairs = hits[~is_negated_entry].reset_index().merge(spans, on=keys, suffixes=("", "_span"))
    inside = pairs["start"].ge(pairs["start_span"]) & pairs["end"].le(pairs["end_span"])
    return hits.drop(index=pairs.loc[inside, "index"].unique())


def _token_counts(texts: Sequence[str], dictionary: Dictionary) -> list[int]:
    from corpus_tools.dictionaries import _split_hyphens

    if dictionary.split_hyphens:
        return [len(_split_hyphens(_cached_tokens(t))) for t in texts]
    return [len(_cached_tokens(t)) for t in texts]


def _dictionary_hits(lexicon: Lexicon, sentences: pd.DataFrame) -> pd.DataFrame:
    hits = match_dictionary(sentences, lexicon.dictionary)
    return _hit_values(hits, lexicon)


def _dictionary_rows(lexicon: Lexicon, texts: list[str], details: bool) -> pd.DataFrame:
    frame = pd.DataFrame({"doc_id": range(len(texts)), "sent_id": 0, "start": 0, "text": texts})
    hits = _dictionary_hits(lexicon, frame)
    value = hits["value"]
    per_text = (
        pd.DataFrame(
            {
                "doc_id": hits["doc_id"],
                "pos_sum": value.clip(lower=0),
                "neg_sum": (-value).clip(lower=0),
                "n_pos": (value > 0).astype("int64"),
                "n_neg": (value < 0).astype("int64"),
                "total": value,
                "covered": [len(tokenize(t)) or 1 for t in hits["term"]],
            }
        )
        .groupby("doc_id")
        .sum()
        .reindex(range(len(texts)), fill_value=0)
    )
    n_tokens = np.asarray(_token_counts(texts, lexicon.dictionary), dtype="int64")
    neutral = np.maximum(n_tokens - per_text["covered"].to_numpy(), 0)
    mass = per_text["pos_sum"].to_numpy() + per_text["neg_sum"].to_numpy() + neutral
    safe = np.where(mass > 0, mass, 1.0)
    total = per_text["total"].to_numpy(dtype=float)
    rows = pd.DataFrame(
        {
            "neg": np.where(mass > 0, per_text["neg_sum"].to_numpy() / safe, 0.0),
            "neu": np.where(mass > 0, neutral / safe, 0.0),
            "pos": np.where(mass > 0, per_text["pos_sum"].to_numpy() / safe, 0.0),
            "compound": total / np.sqrt(total * total + ALPHA),
        }
    )
    if details:
        rows = rows.join(_details_frame(n_tokens, per_text["n_pos"].to_numpy(), per_text["n_neg"].to_numpy()))
    return rows
