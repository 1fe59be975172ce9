"""Benchmark: dictionary matching on a BBC-sized corpus (2,225 articles) against the naive
approach of scanning every sentence with one regular expression per pattern.

Run: ``make bench`` or ``.venv/bin/python bench/run.py --only dictionaries`` (see bench/run.py); it
prints seconds and the speed-up ratio (baseline / match_dictionary); both run in this process on the
same synthetic corpus, built by repeating the seeds' sentences, and the same lexicon (about 1,400
words, globs and phrases from the seeds' vocabulary).
"""

from __future__ import annotations

import re
from collections import Counter

import corpus_tools as ct
from corpus_tools.dictionaries import Dictionary, match_dictionary

N_DOCS = 2225
N_QUICK = 200


def build_inputs(n_docs: int = N_DOCS):
    sentences = ct.split_sentences(ct.load_corpus(ct.config.SEEDS_DIR))
    per_doc = 25  # a BBC article has about 20-30 sentences
    texts = sentences["text"].tolist()
    rows = []
    for d in range(n_docs):
        for s in range(per_doc):
            rows.append({"doc_id": f"doc{d}", "sent_id": s, "start": 0, "text": texts[(d * per_doc + s) % len(texts)]})
    import pandas as pd

    table = pd.DataFrame(rows)
    vocab = [w for w, _ in Counter(t.lower() for t, _, _ in ct.tokenize(" ".join(texts))).most_common(1500)]
    patterns = {f"c{i % 4}": [] for i in range(4)}
    for i, word in enumerate(vocab):
        patterns[f"c{i % 4}"].append(word + "*" if i % 3 == 0 else word)
    for i, (a, b) in enumerate(zip(vocab[::7], vocab[1::7])):
        patterns[f"c{i % 4}"].append(f"{a} {b}")
    return table, Dictionary.from_mapping(patterns)


def match_naive(sentences, dictionary) -> int:
    """One compiled regular expression per pattern, scanned over every sentence."""
    compiled = []
    for entry in dictionary.entries:
        parts = [re.escape(w.strip("*")) + (r"\w*" if w.endswith("*") else "") for w in entry.words]
        compiled.append(re.compile(r"\b" + r"\W+".join(parts) + r"\b", re.IGNORECASE))
    return sum(len(rx.findall(text)) for text in sentences["text"] for rx in compiled)


def cases(quick: bool = False):
    """match_dictionary against one regular expression per pattern; the baseline is slow, so
    it is timed on 5% of the sentences and scaled by 20."""
    sentences, dictionary = build_inputs(n_docs=N_QUICK if quick else N_DOCS)
    sample = sentences.iloc[: len(sentences) // 20]
    yield (
        f"match_dictionary vs per-pattern regex, {len(sentences):,} sentences x {len(dictionary):,} patterns",
        lambda: match_naive(sample, dictionary),
        lambda: match_dictionary(sentences, dictionary),
        len(sentences) / len(sample),
    )
