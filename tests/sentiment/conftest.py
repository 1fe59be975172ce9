"""Shared fixtures of the sentiment tests: the seed sentences, the reference VADER, the fixture corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import corpus_tools as ct
from corpus_tools import sentiment
from corpus_tools.config import SEEDS_DIR

FIXTURES = Path(__file__).parents[1] / "fixtures" / "sentiment"


@pytest.fixture(scope="module")
def seed_sentences():
    return ct.split_sentences(ct.load_corpus(SEEDS_DIR))


@pytest.fixture(scope="module")
def reference():
    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def fixture_corpus():
    return ct.load_corpus(FIXTURES / "corpus", metadata=FIXTURES / "metadata.csv")


@pytest.fixture(scope="module")
def fixture_scores(fixture_corpus):
    return sentiment.score_sentences(fixture_corpus, lexicons=["vader", "afinn", "pattern"])
