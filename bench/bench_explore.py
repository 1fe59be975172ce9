"""Benchmark: the explorer's search on 10,000 articles (about 4 KB each) against running the
concordance (``keywords.match_kwic``) over the whole corpus for every query, as a notebook
without an index would.

Run by ``make bench`` (``bench/run.py --only explore``). The index is built once (its build is a
case of its own); each search case answers one query the way the explorer does (hits in every
document, the first 200 lines). The goal is a search under a second on 10,000 articles: the
candidate's time is that figure. Both sides give the same counts (checked before timing).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import corpus_tools as ct
from corpus_tools.explore import build_search_index, match_index
from corpus_tools.keywords import match_kwic

N_DOCS = 10_000


def build_corpus(n_docs: int = N_DOCS) -> pd.DataFrame:
    """Articles of about 4 KB made of the seeds' sentences in a seeded random order."""
    sentences = ct.split_sentences(ct.load_corpus(ct.config.SEEDS_DIR))["text"].tolist()
    rng = np.random.default_rng(0)
    picks = rng.integers(0, len(sentences), size=(n_docs, 28))
    return pd.DataFrame(
        {
            "doc_id": [f"doc{d:05d}" for d in range(n_docs)],
            "text": [" ".join(sentences[i] for i in row) for row in picks],
        }
    )


def cases(quick: bool = False):
    docs = build_corpus(1_000 if quick else N_DOCS)
    index = build_search_index(docs)
    sample = docs.head(len(docs) // 10)  # the baseline scans the corpus: timed on a tenth, scaled
    for query in ("sanction*", "security guarantees", "/peace ?keep\\w*/"):
        kind = "regex" if query.startswith("/") else "glob"
        pattern = query.strip("/") if kind == "regex" else query
        found = match_index(index, docs, query)
        expected = match_kwic(docs, pattern, pattern_type=kind)
        assert found.hits == len(expected), query
        yield (
            f"search {query!r} in {len(docs):,} docs",
            lambda p=pattern, k=kind: match_kwic(sample, p, pattern_type=k),
            lambda q=query: match_index(index, docs, q),
            len(docs) / len(sample),
        )
    yield (
        f"build the index of {len(docs):,} docs (once)",
        lambda: match_kwic(sample, "sanction*"),
        lambda: build_search_index(docs),
        len(docs) / len(sample),
    )
