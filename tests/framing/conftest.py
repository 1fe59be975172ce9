"""A generated corpus for the framing tests that compare a function with its previous
implementation: documents made of the seeds' sentences drawn at random (seeded), in 5 outlets,
with a few quotations, attributions and names planted, so every branch has rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct

PLANTED = [
    '"We will not accept foreign troops on our soil," Putin said.',
    "According to a senior Western official, the talks stalled.",
    "He said the costs of the war keep rising.",
    "Tony Blair met Bank of England officials on Monday.",
    "Mr Blair said sanctions cost billions.",
    'The plan is "a path to peace for everyone involved", she added.',
    "Officials at Goldman Sachs warned of a crisis.",
]


@pytest.fixture(scope="session")
def generated_corpus(seeds_sentences):
    return make_generated_corpus(seeds_sentences)


def make_generated_corpus(seeds_sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(documents, sentences, hits)`` of 60 generated documents (outlets ``o0``..``o4``, dates
    over 90 days, one document without an outlet)."""
    rng = np.random.default_rng(7)
    pool = seeds_sentences["text"].tolist() + PLANTED
    texts = [" ".join(rng.choice(pool, size=int(rng.integers(2, 12)))) for _ in range(60)]
    outlets = [f"o{i % 5}" for i in range(60)]
    outlets[3] = None
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(60)],
            "outlet": outlets,
            "date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 90, size=60), unit="D"),
            "text": texts,
        }
    )
    docs["n_words"] = docs["text"].map(ct.tokens.count_words)
    sentences = ct.split_sentences(docs)
    hits = ct.framing.match_frames(sentences)
    return docs, sentences, hits
