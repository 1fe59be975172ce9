"""Benchmark: the per-document stages of a large pass against the way a tutorial does them.

Cases (baseline -> ours), all in this process on the same inputs: the BBC articles of
``$EVAL/bbc/raw`` (default ``../shared/eval``) when present (read at run time), else documents built from the
seeds' sentences, each sentence made distinct:

- VADER: ``vaderSentiment``'s ``polarity_scores`` sentence by sentence -> ``score_texts``
  (the same scores; checked before timing);
- term counts: one row per token in a pandas DataFrame and a ``groupby`` -> ``count_terms``
  (sparse counts; the same counts, checked before timing);
- word tokens: the Unicode token pattern's ``finditer`` per line -> ``count_words`` (which
  takes an ASCII pattern for ASCII lines).

The cleaning and frame matching figures before and after a change come from
``bench/check_identity.py``, which runs another source tree beside this one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

import corpus_tools as ct
from corpus_tools import keywords as kw
from corpus_tools import sentiment
from corpus_tools.tokens import TOKEN_RE, count_words, tokenize

# The shared evaluation data: $EVAL (as in the Makefile), else ../shared/eval beside the checkout.
EVAL = Path(os.environ.get("EVAL") or Path(__file__).resolve().parents[1].parent / "shared" / "eval")
BBC = EVAL / "bbc" / "raw"
N_DOCS = 2225
N_QUICK = 200


def build_corpus(n_docs: int) -> pd.DataFrame:
    """``doc_id, text``: BBC articles when present, else seed sentences in distinct documents."""
    files = sorted(BBC.glob("*/*.txt"))[:n_docs] if BBC.is_dir() else []
    if files:
        texts = [f.read_text(encoding="latin-1") for f in files]
    else:
        sentences = ct.split_sentences(ct.load_corpus(ct.config.SEEDS_DIR))["text"].tolist()
        texts = [
            " ".join(f"{sentences[(d * 25 + s) % len(sentences)]} #{d}x{s}" for s in range(25)) for d in range(n_docs)
        ]
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})


def counts_naive(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per token, stop words and numbers dropped, counted with pandas."""
    stop = kw.read_stopword_list()
    rows = [
        (doc_id, t)
        for doc_id, text in zip(corpus["doc_id"], corpus["text"])
        for t, _, _ in tokenize(text, lowercase=True)
        if t not in stop and any(c.isalpha() for c in t)
    ]
    tokens = pd.DataFrame(rows, columns=["doc_id", "term"])
    return tokens.groupby(["doc_id", "term"]).size().rename("n").reset_index()


def _check_counts(corpus: pd.DataFrame) -> None:
    ours = kw.count_terms(corpus).to_frame(level="doc")[["doc_id", "term", "n"]]
    ours = ours.sort_values(["doc_id", "term"]).reset_index(drop=True)
    naive = counts_naive(corpus).sort_values(["doc_id", "term"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(ours, naive, check_dtype=False)


def cases(quick: bool = False):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    corpus = build_corpus(N_QUICK if quick else N_DOCS)
    sentences = ct.split_sentences(corpus)["text"].tolist()
    analyzer = SentimentIntensityAnalyzer()
    reference = pd.DataFrame([analyzer.polarity_scores(t) for t in sentences])[["neg", "neu", "pos", "compound"]]
    pd.testing.assert_frame_equal(sentiment.score_texts(sentences), reference, check_exact=True)
    yield (
        f"VADER: score_texts vs reference loop, {len(sentences):,} sentences",
        lambda: [analyzer.polarity_scores(t) for t in sentences],
        lambda: sentiment.score_texts(sentences),
    )
    _check_counts(corpus)
    yield (
        f"count_terms vs pandas row per token, {len(corpus):,} docs",
        lambda: counts_naive(corpus),
        lambda: kw.count_terms(corpus),
    )
    lines = [line for text in corpus["text"] for line in text.splitlines()]
    yield (
        f"count_words vs Unicode pattern finditer, {len(lines):,} lines",
        lambda: [sum(1 for _ in TOKEN_RE.finditer(line)) for line in lines],
        lambda: [count_words(line) for line in lines],
    )
