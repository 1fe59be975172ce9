"""Shared fixtures: the seeds corpus (loaded once) and a small hand-written corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

import corpus_tools as ct  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seeds_corpus():
    return ct.load_corpus(ct.config.SEEDS_DIR)


@pytest.fixture(scope="session")
def seeds_sentences(seeds_corpus):
    return ct.split_sentences(seeds_corpus)
