"""Shared fixtures: the seeds corpus (loaded once), and the small hand-written frame dictionary,
corpus and sentence tables of the framing tests (also used by the framing figures' tests)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
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


@pytest.fixture()
def outlet_docs():
    """Four short documents of two outlets (A: troops, B: talks) for keyness and its figures."""
    return pd.DataFrame(
        {
            "doc_id": ["a1", "a2", "b1", "b2"],
            "outlet": ["A", "A", "B", "B"],
            "text": [
                "Troops and troops. The reassurance force waits.",
                "Troops again; a ceasefire.",
                "Talks about the ceasefire. Talks!",
                "Peace talks and a reassurance force.",
            ],
        }
    )


# --------------------------------------------------------------------------- framing fixtures

FRAMES_YAML = """\
name: test_frames
categories:
  security:
    description: guarantees and troops
    patterns: [security, security guarantee*, troop*, coalition of the willing]
  economy: [sanction*, cost, costs]
"""


@pytest.fixture()
def frames_file(tmp_path):
    path = tmp_path / "frames.yml"
    path.write_text(FRAMES_YAML, encoding="utf-8")
    return path


@pytest.fixture()
def fixture_corpus():
    # a: 10 words, 2 sentences; hits: security x2 (s0), economy x1 (s1)
    # b: 5 words, 1 sentence; hits: economy x2
    # c: 4 words, no hits
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["x", "x", "y"],
            "text": [
                "Security guarantees and troops were promised. Sanctions followed soon.",
                "Sanctions cost a lot.",
                "Nothing happened there today.",
            ],
        }
    )


@pytest.fixture()
def sentence_scores():
    # outlet x: docs a (4 sentences, 2 with frame f), b (2 sentences, 2 with f)
    # outlet y: docs c (4 sentences, 0 with f), d (2 sentences, 1 with f); frame g absent everywhere but c
    rows = []
    plan = {"a": ("x", [1, 1, 0, 0]), "b": ("x", [1, 1]), "c": ("y", [0, 0, 0, 0]), "d": ("y", [1, 0])}
    for doc_id, (outlet, flags) in plan.items():
        for i, flag in enumerate(flags):
            rows.append((doc_id, i, "f", flag, flag > 0, outlet))
            g = int(doc_id == "c" and i == 0)
            rows.append((doc_id, i, "g", g, g > 0, outlet))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "frame", "hits", "present", "outlet"])


@pytest.fixture()
def make_sents():
    """A sentence table (``doc_id, sent_id, start, end, text``) from texts, as split_sentences gives."""
    return _sents


def _sents(*texts, doc_id="a"):
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    ends = [start + len(t) for start, t in zip(starts, texts)]
    return pd.DataFrame(
        {"doc_id": doc_id, "sent_id": range(len(texts)), "start": starts, "end": ends, "text": list(texts)}
    )
