"""The scale benchmark's pieces run: its generator, and the same work as the naive pipeline."""

from __future__ import annotations

import sys
import warnings

import corpus_tools as ct
from corpus_tools.config import PROJECT_DIR


def test_same_work_scores_every_sentence_of_the_generated_corpus(tmp_path):
    sys.path.insert(0, str(PROJECT_DIR / "bench"))
    try:
        import scale
    finally:
        sys.path.remove(str(PROJECT_DIR / "bench"))
    sources, _ = scale.read_sources(None)  # the seeds only
    folder = tmp_path / "corpus"
    assert scale.generate_corpus(folder, 12, sources, seed=1) > 12 * 1000
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = ct.load_corpus(folder)
    assert scale.same_work(docs, {"min_length": 2}, 1) == len(ct.split_sentences(docs)) > 0
    scores, counts = scale.naive_pipeline(docs["text"].head(2).tolist())
    assert len(scores) > 0 and counts.sum() > 0
