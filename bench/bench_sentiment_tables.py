"""Benchmark: the sentiment notebook's group, contrast, actor and driver tables against their
previous implementations (kept here), on a synthetic corpus of the seeds' sentences.

Run by ``make bench`` (``bench/run.py --only sentiment_tables``). The corpus repeats the seeds'
sentences over ``N_DOCS`` articles in eight outlets, each copy made distinct by a number unless
said otherwise (a repeated text is matched and scored once, which would flatter the candidate);
sentence scores are computed once, outside the timings. Baselines:

- ``summarize_actors(by="doc_id")``: ``stats.summarize_by``, which splits the table with pandas
  per category and per group (one split per actor x article).
- ``compare_groups``: ``stats.compare_groups`` per lexicon, which prepares both groups of every pair.
- the contrasts' draws: a fresh bootstrap of both groups for every pair (the previous
  ``_compare_codes``, kept in its test), against one bootstrap per group reused by every pair.
- ``count_drivers``: every sentence scored word by word, on a corpus where 60% of the sentences
  are repeats (as in the generated scale corpora) and on one without repeats (no gain expected).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

import corpus_tools as ct
from corpus_tools import sentiment, stats
from corpus_tools.groups import attach_groups
from corpus_tools.sentiment import drivers

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the previous implementations live in tests/

from corpus_tools.sentiment.summary import _compare_codes  # noqa: E402
from tests.sentiment.test_drivers import _old_term_contributions  # noqa: E402
from tests.sentiment.test_summary import _compare_codes_per_pair  # noqa: E402

N_DOCS = 2000
PER_DOC = 20
OUTLETS = ["Ledger", "Courier", "Wire", "Gazette", "Post", "Observer", "Herald", "Tribune"]


def build_sentences(n_docs: int, *, distinct: bool = True) -> pd.DataFrame:
    texts = ct.split_sentences(ct.load_corpus(ct.config.SEEDS_DIR))["text"].tolist()
    rng = np.random.default_rng(0)
    rows = []
    for d in range(n_docs):
        for s in range(PER_DOC):
            text = texts[(d * PER_DOC + s) % len(texts)] if distinct else texts[int(rng.integers(len(texts)))]
            if distinct or rng.random() < 0.4:
                text = f"{text} #{d}x{s}"
            rows.append((f"doc{d:05d}", s, 0, 0, s / (PER_DOC - 1), text, OUTLETS[d % len(OUTLETS)]))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "position", "text", "outlet"])


def old_summarize_actors(actor_scores: pd.DataFrame, *, by: str, n_boot: int) -> pd.DataFrame:
    frame = attach_groups(actor_scores, by)
    return stats.summarize_by(
        frame.assign(_article=frame["doc_id"].astype(str)),
        value="compound",
        per=["lexicon", "actor"],
        by="group",
        cluster="_article",
        n_boot=n_boot,
    )


def old_compare_groups(scores: pd.DataFrame, *, by: str, n_boot: int) -> list[pd.DataFrame]:
    frame = attach_groups(scores, by)
    return [
        stats.compare_groups(part, value="compound", by="group", n_boot=n_boot, cluster="doc_id")
        for _, part in frame.groupby("lexicon", sort=False)
    ]


def old_count_drivers(sentences: pd.DataFrame, lexicons: list[str]) -> pd.DataFrame:
    current = drivers._term_contributions
    drivers._term_contributions = _old_term_contributions
    try:
        return sentiment.count_drivers(sentences, lexicon=lexicons, by="outlet")
    finally:
        drivers._term_contributions = current


def cases(quick: bool = False):
    """Group contrasts, actor summaries, actor sentences and drivers: previous vs current."""
    n_docs = N_DOCS // 10 if quick else N_DOCS
    lexicons = ["vader", "afinn", "pattern"]
    sentences = build_sentences(n_docs)
    scores = sentiment.score_sentences(sentences, lexicons=lexicons).assign(
        outlet=lambda s: s["doc_id"].map(sentences.drop_duplicates("doc_id").set_index("doc_id")["outlet"])
    )
    actor_scores = sentiment.score_actor_sentences(scores, lexicons=lexicons)
    yield (
        f"summarize_actors(by='doc_id'), {len(actor_scores):,} actor sentences",
        lambda: old_summarize_actors(actor_scores, by="doc_id", n_boot=2000),
        lambda: sentiment.summarize_actors(actor_scores, by="doc_id", n_boot=2000),
    )
    yield (
        f"compare_groups(by='outlet'), {len(scores):,} sentence scores",
        lambda: old_compare_groups(scores, by="outlet", n_boot=2000),
        lambda: sentiment.compare_groups(scores, by="outlet", n_boot=2000),
    )
    grouped = [part for _, part in attach_groups(scores, "outlet").groupby("lexicon", sort=False)]
    yield (
        f"contrast draws, {len(scores):,} sentence scores: per pair -> per group",
        lambda: [_compare_codes_per_pair(part, value="compound", cluster="doc_id") for part in grouped],
        lambda: [_compare_codes(part, value="compound", cluster="doc_id") for part in grouped],
    )
    repeated = build_sentences(n_docs // 4, distinct=False)
    yield (
        f"count_drivers(by='outlet'), {len(repeated):,} sentences, 60% repeats",
        lambda: old_count_drivers(repeated, lexicons),
        lambda: sentiment.count_drivers(repeated, lexicon=lexicons, by="outlet"),
    )
    distinct = build_sentences(n_docs // 4)
    yield (
        f"count_drivers(by='outlet'), {len(distinct):,} distinct sentences",
        lambda: old_count_drivers(distinct, lexicons),
        lambda: sentiment.count_drivers(distinct, lexicon=lexicons, by="outlet"),
    )
