"""Duplicate detection: ``match_duplicates`` (MinHash/LSH candidates) against a naive all-pairs
Jaccard of word 5-shingles, on generated documents of 300 words, one in ten a near copy."""

from __future__ import annotations

import random

import pandas as pd

from corpus_tools.clean.duplicates import match_duplicates, split_shingles


def _documents(n: int, seed: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    texts = [" ".join(rng.choices(vocab, k=300)) for _ in range(n)]
    for i in range(0, n, 10):
        texts[i] = texts[i + 1].rsplit(" ", 10)[0] + " byline changed here"
    return pd.DataFrame({"doc_id": [f"d{i:05d}" for i in range(n)], "text": texts})


def _all_pairs(docs: pd.DataFrame, threshold: float = 0.8) -> list[tuple[int, int]]:
    sets = [split_shingles(t) for t in docs["text"]]
    return [
        (i, j)
        for i in range(len(sets))
        for j in range(i + 1, len(sets))
        if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold
    ]


def cases(quick: bool = False):
    n = 500 if quick else 2000
    docs = _documents(n)
    sample = docs.head(n // 4)
    yield (f"{n} docs", lambda: _all_pairs(sample), lambda: match_duplicates(docs), 16.0)
