"""Benchmark: the framing and trends notebook calls against their previous implementations
(kept in the tests, which check that both give the same tables), on a generated corpus of
the seeds' sentences drawn at random: 1,600 articles of 8 outlets over 120 days (160 with
``--quick``).

Run by ``make bench`` (``bench/run.py --only framing``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

import corpus_tools as ct
from corpus_tools import framing, keywords, trends

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the previous implementations live in tests/

from tests.framing.test_compare import _chi2_before, _compare_frames_before, _kruskal_before  # noqa: E402
from tests.framing.test_frames import _score_frame_sentences_before  # noqa: E402
from tests.framing.test_quotes import _match_quotes_before  # noqa: E402
from tests.framing.test_salience import _dominant_before, _summarize_frames_before  # noqa: E402
from tests.keywords.test_names import _count_names_before  # noqa: E402
from tests.trends.test_terms import _summarize_term_trends_before  # noqa: E402

N_DOCS = 1600
N_OUTLETS = 8


def build_corpus(n_docs: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(documents, sentences, hits)``: articles of 10 to 50 seed sentences each."""
    pool = ct.split_sentences(ct.load_corpus(ct.config.SEEDS_DIR))["text"].tolist()
    rng = np.random.default_rng(0)
    texts = [" ".join(rng.choice(pool, size=int(rng.integers(10, 50)))) for _ in range(n_docs)]
    docs = pd.DataFrame(
        {
            "doc_id": [f"doc{i:05d}" for i in range(n_docs)],
            "outlet": [f"outlet{i % N_OUTLETS}" for i in range(n_docs)],
            "date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 120, size=n_docs), unit="D"),
            "text": texts,
        }
    )
    docs["n_words"] = docs["text"].map(ct.tokens.count_words)
    sentences = ct.split_sentences(docs)
    return docs, sentences, framing.match_frames(sentences)


def cases(quick: bool = False):
    """Each notebook call, previous implementation vs now."""
    docs, sentences, hits = build_corpus(N_DOCS // 10 if quick else N_DOCS)
    frames = framing.read_frames("generic")
    scores = framing.score_frame_sentences(sentences, dictionary=frames, hits=hits, by="outlet", corpus=docs)
    doc_scores = framing.score_frames(docs, by="outlet", sentences=sentences, hits=hits)
    size = f"{len(docs):,} articles, {len(sentences):,} sentences"
    yield (
        f"score_frame_sentences, {size}",
        lambda: _score_frame_sentences_before(sentences, frames, hits, "outlet", docs),
        lambda: framing.score_frame_sentences(sentences, dictionary=frames, hits=hits, by="outlet", corpus=docs),
    )
    yield (
        f"summarize_frames (2,000 resamples), {size}",
        lambda: _summarize_frames_before(scores, "outlet", None, 2000, 0),
        lambda: framing.summarize_frames(scores, by="outlet", n_boot=2000, seed=0),
    )
    yield (
        f"compare_frames (2,000 resamples), {size}",
        lambda: _compare_frames_before(scores, "outlet", None, 2000, 0),
        lambda: framing.compare_frames(scores, by="outlet", n_boot=2000, seed=0),
    )
    yield (
        f"compare_frames_kruskal + compare_frames_chi2, {size}",
        lambda: (_kruskal_before(scores, "outlet", None), _chi2_before(scores, "outlet", None)),
        lambda: (framing.compare_frames_kruskal(scores, by="outlet"), framing.compare_frames_chi2(scores, by="outlet")),
    )
    yield (
        f"count_dominant_frames, {len(docs):,} articles",
        lambda: _dominant_before(doc_scores),
        lambda: framing.count_dominant_frames(doc_scores),
    )
    yield (
        f"count_names, {size}",
        lambda: _count_names_before(docs, sentences),
        lambda: keywords.count_names(docs, sentences=sentences),
    )
    from corpus_tools.dictionaries import match_actors

    yield (
        f"count_actor_frames, {size}",
        lambda: framing.count_actor_frames(
            sentences, hits, by="outlet", corpus=docs, actor_hits=match_actors(sentences, "ukraine_security")
        ),
        lambda: framing.count_actor_frames(sentences, hits, by="outlet", corpus=docs),
    )
    yield (
        f"match_quotes, {size}",
        lambda: _match_quotes_before(sentences),
        lambda: framing.match_quotes(sentences),
    )
    yield (
        f"summarize_term_trends, {len(docs):,} articles",
        lambda: _summarize_term_trends_before(docs, top_n=10),
        lambda: trends.summarize_term_trends(docs, top_n=10),
    )
    followed = ["ceasefire", "troop*", "security guarantees"]
    yield (
        f"count_term_periods (3 terms), {len(docs):,} articles",
        lambda: keywords.match_kwic(docs, followed, window=0),
        lambda: trends.match_term_documents(docs, followed),
    )
