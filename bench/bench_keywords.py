"""Benchmark: term counting and keyness of every group on a BBC-sized corpus (2,225
articles, 5 groups) against the straightforward approach: a ``collections.Counter`` per
document and one ``scipy.stats.chi2_contingency`` call per term and group.

Run: ``.venv/bin/python bench/bench_keywords.py``. Prints seconds and the speed-up ratio
(baseline / corpus_tools); both run in this process on the same synthetic corpus, built by
repeating the seeds' sentences, and give the same G2 values (checked on the way).
"""

from __future__ import annotations

import math
import time
from collections import Counter

import pandas as pd
from scipy.stats import chi2_contingency

import corpus_tools as ct
from corpus_tools import keywords as kw
from corpus_tools.segment import tokenize

N_DOCS = 2225
N_GROUPS = 5


def build_corpus() -> pd.DataFrame:
    sentences = ct.split_sentences(ct.load_corpus(ct.config.SEEDS_DIR))["text"].tolist()
    per_doc = 25  # a BBC article has about 20-30 sentences
    texts = [" ".join(sentences[(d * per_doc + s * 7) % len(sentences)] for s in range(per_doc)) for d in range(N_DOCS)]
    return pd.DataFrame({"doc_id": [f"doc{d}" for d in range(N_DOCS)], "group": [f"g{d % N_GROUPS}" for d in range(N_DOCS)],
                         "text": texts})  # fmt: skip


def keyness_naive(corpus: pd.DataFrame) -> dict:
    """Counter per document, then scipy per term and group."""
    stop = kw.read_stopword_list()  # the same stop words as count_terms by default
    groups: dict[str, Counter] = {}
    for group, text in zip(corpus["group"], corpus["text"]):
        words = [t for t, _, _ in tokenize(text, lowercase=True) if t not in stop and any(c.isalpha() for c in t)]
        groups.setdefault(group, Counter()).update(words)
    total = sum(groups.values(), Counter())
    n_all = sum(total.values())
    out = {}
    for group, counts in groups.items():
        nt = sum(counts.values())
        for term, n in total.items():
            a = counts.get(term, 0)
            g2 = chi2_contingency([[a, n - a], [nt - a, n_all - nt - n + a]], correction=False, lambda_="log-likelihood")[0]
            out[(group, term)] = g2
    return out


def main() -> None:
    corpus = build_corpus()
    t0 = time.perf_counter()
    counts = kw.count_terms(corpus, by="group")
    table = kw.compare_keyness(counts)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    naive = keyness_naive(corpus)
    baseline = time.perf_counter() - t0
    for row in table.sample(200, random_state=0).itertuples():
        assert math.isclose(abs(row.g2), naive[(row.group, row.term)], rel_tol=1e-6, abs_tol=1e-9), row.term
    print(f"documents: {len(corpus):,}  terms: {len(counts.terms):,}  keyness rows: {len(table):,}")
    print(f"count_terms + compare_keyness: {ours:.2f} s   Counter + scipy per term: {baseline:.2f} s")
    print(f"speed-up ratio: {baseline / ours:.1f}x")


if __name__ == "__main__":
    main()
