"""Benchmark: term counting and keyness of every group on a BBC-sized corpus (2,225
articles, 5 groups) against the straightforward approach: a ``collections.Counter`` per
document and one ``scipy.stats.chi2_contingency`` call per term and group.

Run by ``make bench`` (``bench/run.py --only keywords``), which prints the ratio baseline /
corpus_tools; both run in this process on the same synthetic corpus, built by repeating the
seeds' sentences, and give the same G2 values (checked before timing).
"""

from __future__ import annotations

import math
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
    return pd.DataFrame(
        {
            "doc_id": [f"doc{d}" for d in range(N_DOCS)],
            "group": [f"g{d % N_GROUPS}" for d in range(N_DOCS)],
            "text": texts,
        }
    )


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
            g2 = chi2_contingency(
                [[a, n - a], [nt - a, n_all - nt - n + a]], correction=False, lambda_="log-likelihood"
            )[0]
            out[(group, term)] = g2
    return out


def check_same_g2(corpus: pd.DataFrame) -> None:
    """Both ways give the same G2 (on a sample of rows), so the timing compares like with like."""
    table = kw.compare_keyness(kw.count_terms(corpus, by="group"))
    naive = keyness_naive(corpus)
    for row in table.sample(200, random_state=0).itertuples():
        assert math.isclose(abs(row.g2), naive[(row.group, row.term)], rel_tol=1e-6, abs_tol=1e-9), row.term


def cases(quick: bool = False):
    """count_terms + compare_keyness against a Counter per document and scipy per term."""
    corpus = build_corpus()
    if quick:
        corpus = corpus.head(N_DOCS // 10)
    check_same_g2(corpus)
    yield (
        f"keyness of {N_GROUPS} groups vs Counter + scipy per term, {len(corpus):,} documents",
        lambda: keyness_naive(corpus),
        lambda: kw.compare_keyness(kw.count_terms(corpus, by="group")),
    )
