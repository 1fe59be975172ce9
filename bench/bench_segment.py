"""Benchmark: sentence splitting speed, the project's rule splitter against the splitter it replaced
(NLTK Punkt with the shipped abbreviations, line by line, as the project used it) and against pySBD.

Run by ``make bench`` (``bench/run.py --only segment``). The input is the seeds corpus's cleaned
text repeated to about 2 MB (0.2 MB with ``--quick``); each case name gives the size, so MB/s is
size / seconds. pySBD runs on a tenth of the input and its time is scaled (``~`` in the table).
Accuracy on the case table: ``python bench/segment_accuracy.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from segment_baselines import split_punkt, split_pysbd  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools.segment import split_text_sentences  # noqa: E402

TARGET_MB = 2.0


def build_texts(target_mb: float) -> list[str]:
    """Seeds documents, repeated until their UTF-8 size reaches ``target_mb``."""
    seeds = [t for t in ct.load_corpus(ct.config.SEEDS_DIR)["text"] if t]
    texts, size, i = [], 0, 0
    while size < target_mb * 1e6:
        text = seeds[i % len(seeds)]
        texts.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return texts


def _megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def cases(quick: bool = False):
    """split_text_sentences against Punkt (as used before) and against pySBD, on the same texts."""
    texts = build_texts(TARGET_MB / 10 if quick else TARGET_MB)
    sample = texts[: max(1, len(texts) // 10)]
    mb = _megabytes(texts)

    def ours():
        return [split_text_sentences(t) for t in texts]

    yield (f"split_text_sentences vs Punkt as before, {mb:.2f} MB", lambda: [split_punkt(t) for t in texts], ours)
    yield (
        f"split_text_sentences vs pySBD, {mb:.2f} MB",
        lambda: [split_pysbd(t) for t in sample],
        ours,
        mb / _megabytes(sample),
    )
