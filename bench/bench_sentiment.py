"""Benchmark: sentence sentiment on a BBC-sized corpus (2,225 articles x 25 sentences) against
the plain reference loop (``SentimentIntensityAnalyzer().polarity_scores`` per sentence).

Run by ``make bench`` (``bench/run.py --only sentiment``), which prints the ratio reference loop /
score_sentences for VADER (which also computes per-word valences for the drivers), and for
AFINN and Pattern through the dictionary matcher against the same reference loop; all run in
this process on the same synthetic corpus, built by repeating the seeds' sentences, each copy
made distinct by a number (the scorer scores a repeated sentence once, which would flatter it).
"""

from __future__ import annotations

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import corpus_tools as ct
from corpus_tools import sentiment

N_DOCS = 2225
PER_DOC = 25


def build_sentences() -> pd.DataFrame:
    texts = ct.split_sentences(ct.load_corpus(ct.config.SEEDS_DIR))["text"].tolist()
    rows = [
        {
            "doc_id": f"doc{d}",
            "sent_id": s,
            "start": 0,
            "end": 0,
            "position": s / (PER_DOC - 1),
            "text": f"{texts[(d * PER_DOC + s) % len(texts)]} #{d}x{s}",
        }
        for d in range(N_DOCS)
        for s in range(PER_DOC)
    ]
    return pd.DataFrame(rows)


def cases(quick: bool = False):
    """score_sentences per lexicon against the plain reference VADER loop."""
    sentences = build_sentences()
    if quick:
        sentences = sentences.head(len(sentences) // 10)
    analyzer = SentimentIntensityAnalyzer()
    for lexicon in ("vader", "afinn", "pattern"):
        yield (
            f"score_sentences({lexicon!r}) vs reference VADER loop, {len(sentences):,} sentences",
            lambda: [analyzer.polarity_scores(t) for t in sentences["text"]],
            lambda lexicon=lexicon: sentiment.score_sentences(sentences, lexicons=[lexicon]),
        )
