"""Helpers for the dictionary tests: a sentence table from texts, the matched terms of hits."""

from __future__ import annotations

import pandas as pd
import pytest


def _sentences_of(*texts: str, doc_id: str = "d") -> pd.DataFrame:
    """A sentence table for one document whose sentences are joined by a space."""
    rows, start = [], 0
    for i, text in enumerate(texts):
        rows.append((doc_id, i, start, start + len(text), text))
        start += len(text) + 1
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text"])


def _terms(hits: pd.DataFrame, category: str | None = None) -> list[str]:
    rows = hits if category is None else hits[hits["category"] == category]
    return rows["term"].tolist()


@pytest.fixture
def sentences_of():
    """``sentences_of("First.", "Second.")``: the sentence table of one document."""
    return _sentences_of


@pytest.fixture
def terms():
    """``terms(hits, category=None)``: the matched terms, in order."""
    return _terms
