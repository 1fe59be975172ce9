"""A dated fixture corpus with known answers, built in code (invented sentences, no real articles).

Two outlets over 12 weeks starting Monday 2025-01-06:
- outlet "North" publishes 2 articles every week; "South" publishes 3 articles in even weeks, none in odd ones;
- the word "ceasefire" appears ``week`` times in each article of week ``week`` (0, 1, ..., 11): it rises;
- the word "blockade" appears 3 times in weeks 0-3 only: it falls;
- after the event (2025-02-17, the start of week 6) every article has a planted "tariff" cue twice;
- tone: each article's value is -0.5 before the event and +0.5 after, plus a small deterministic wiggle.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

START = pd.Timestamp("2025-01-06")
EVENT = pd.Timestamp("2025-02-17")
WEEKS = 12
SUBJECTS = ["Officials", "Diplomats", "Ministers", "Negotiators", "Analysts", "Envoys", "Observers", "Aides"]
VERBS = ["met", "spoke", "argued", "travelled", "waited", "gathered", "reported", "agreed"]
PLACES = [
    "in the capital",
    "near the border",
    "at the summit",
    "in the harbour town",
    "at the embassy",
    "in parliament",
    "on the island",
    "at the airport",
]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "early on Friday", "at the weekend"]


def _filler(seed: int) -> list[str]:
    """Six varied sentences, different for every article (so no two articles are near-duplicates)."""
    rng = np.random.default_rng(seed)
    return [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(PLACES)} {rng.choice(DAYS)} ({seed}-{i})."
        for i in range(6)
    ]


def _article(week: int, seed: int) -> str:
    words = _filler(seed)
    words += ["A ceasefire proposal was noted."] * week
    if week < 4:
        words += ["The blockade continued."] * 3
    if START + pd.Timedelta(weeks=week) >= EVENT:
        words += ["A new tariff was announced.", "The tariff worried traders."]
    return " ".join(w for w in words if w)


def make_dated_corpus() -> pd.DataFrame:
    rows = []
    for week in range(WEEKS):
        monday = START + pd.Timedelta(weeks=week)
        plan = [("North", 2)] + ([("South", 3)] if week % 2 == 0 else [])
        for outlet, n in plan:
            for k in range(n):
                text = _article(week, seed=len(rows))
                rows.append(
                    {
                        "doc_id": f"{outlet[0]}{week:02d}{k}",
                        "outlet": outlet,
                        "date": monday + pd.Timedelta(days=k),
                        "text": text,
                        "n_words": len(text.split()),
                        "tone": (0.5 if monday >= EVENT else -0.5) + 0.01 * ((week * 7 + k) % 5 - 2),
                    }
                )
    return pd.DataFrame(rows)


@pytest.fixture
def dated() -> pd.DataFrame:
    return make_dated_corpus()


@pytest.fixture(scope="session")
def generated_corpus(seeds_sentences):
    """60 dated documents of the seeds' sentences drawn at random (see tests/framing/conftest.py)."""
    from tests.framing.conftest import make_generated_corpus

    return make_generated_corpus(seeds_sentences)
