"""Benchmark: sentence sentiment on a BBC-sized corpus (2,225 articles x 25 sentences) against
the plain reference loop (``SentimentIntensityAnalyzer().polarity_scores`` per sentence).

Run: ``.venv/bin/python bench/bench_sentiment.py``. Prints seconds and the ratio
(score_sentences / reference loop) for VADER, which also computes per-word valences for the
counts, and the seconds for AFINN and Pattern through the dictionary matcher; all run in this
process on the same synthetic corpus, built by repeating the seeds' sentences.
"""

from __future__ import annotations

import time

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import corpus_tools as ct
from corpus_tools import sentiment

N_DOCS = 2225
PER_DOC = 25


def build_sentences() -> pd.DataFrame:
    texts = ct.split_sentences(ct.load_corpus(ct.config.SEEDS_DIR))["text"].tolist()
    rows = [
        {"doc_id": f"doc{d}", "sent_id": s, "start": 0, "end": 0, "position": s / (PER_DOC - 1),
         "text": texts[(d * PER_DOC + s) % len(texts)]}
        for d in range(N_DOCS) for s in range(PER_DOC)
    ]  # fmt: skip
    return pd.DataFrame(rows)


def timed(label: str, func) -> float:
    started = time.perf_counter()
    func()
    seconds = time.perf_counter() - started
    print(f"{label:<45} {seconds:7.2f} s")
    return seconds


def main() -> None:
    sentences = build_sentences()
    print(f"{len(sentences):,} sentences")
    analyzer = SentimentIntensityAnalyzer()
    baseline = timed("reference loop (polarity_scores)", lambda: [analyzer.polarity_scores(t) for t in sentences["text"]])
    ours = timed("score_sentences(lexicons=['vader'])", lambda: sentiment.score_sentences(sentences, lexicons=["vader"]))
    print(f"ratio score_sentences / reference loop: {ours / baseline:.2f}")
    for lexicon in ("afinn", "pattern"):
        timed(f"score_sentences(lexicons=['{lexicon}'])", lambda: sentiment.score_sentences(sentences, lexicons=[lexicon]))


if __name__ == "__main__":
    main()
