"""Contrast groups and evidence sentences (corpus_tools.framing.evidence)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import framing


def test_evidence_gives_text_and_spans_of_terms(make_sents, frames_file):
    sents = make_sents("<b>Sanctions</b> & costs rise.", "Costs.", "No frame here.")
    hits = framing.match_frames(sents, dictionary=frames_file)
    evidence = framing.select_evidence(sents, hits, top_n=1)
    row = evidence.set_index("frame").loc["economy"]
    # the data behind the highlight (the HTML itself: tests/report/test_framing_plots.py)
    assert row["text"] == "<b>Sanctions</b> & costs rise." and row["spans"] == [(3, 12), (19, 24)]
    assert "html" not in evidence.columns
    assert row["sent_id"] == 0 and row["n_hits"] == 2 and row["rank"] == 1 and row["group"] == "a"


@pytest.mark.parametrize(
    ("outlets", "n_words", "expected"),
    [
        (["x", "y", "y", "z"], [10, 50, 50, 90], ["y", "z"]),  # most documents first, then most words
        (["p", "q", "r", "s"], [300, 100, 900, 100], ["r", "p"]),  # one document each: the two longest
        (["p", "q", "r", "s"], [100, 100, 100, 100], ["p", "q"]),  # full tie: by name
    ],
)
def test_default_contrast_is_the_two_largest_groups(outlets, n_words, expected):
    docs = pd.DataFrame({"doc_id": list("abcd"), "outlet": outlets, "n_words": n_words})
    assert framing.select_contrast_groups(docs, by="outlet") == expected


def test_default_contrast_on_seeds_documents_is_the_two_longest(seeds_corpus):
    longest = seeds_corpus.sort_values("n_words", ascending=False)["doc_id"].head(2).tolist()
    assert framing.select_contrast_groups(seeds_corpus, by="doc_id") == longest
