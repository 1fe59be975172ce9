"""Collocations: pair counts by hand and against NLTK, windows, nodes, measures."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import keywords as kw
from corpus_tools.keywords.collocations import _pair_counts

COLLOCATION_DOCS = pd.DataFrame(
    {
        "doc_id": ["c1", "c2"],
        "text": [
            "Peace talks resumed. Peace talks stalled. Troops waited near peace lines.",
            "Peace talks again. Talks peace.",
        ],
    }
)


def test_count_collocations_counts_pairs_within_sentences():
    table = kw.count_collocations(
        COLLOCATION_DOCS,
        min_count=1,
        measures=["pmi", "likelihood_ratio", "t_score"],
        count_options={"stopwords": None},
    )
    pairs = {(r.w1, r.w2): r.n for r in table.itertuples()}
    # hand count: "peace talks" x3, "talks peace" x1; "stalled troops" spans a sentence break
    assert pairs[("peace", "talks")] == 3 and pairs[("talks", "peace")] == 1
    assert ("stalled", "troops") not in pairs
    # PMI by hand, log2(n_pair * N / (n_peace * n_talks)): 16 tokens, peace 5, talks 4
    n_words, peace, talks = 16, 5, 4
    expected_pmi = math.log2(3 * n_words / (peace * talks))
    row = table[(table["w1"] == "peace") & (table["w2"] == "talks")].iloc[0]
    assert row["pmi"] == pytest.approx(expected_pmi)
    assert table["pmi"].is_monotonic_decreasing


def test_count_collocations_window_and_node():
    table = kw.count_collocations(
        COLLOCATION_DOCS, node="troops", window=3, min_count=1, count_options={"stopwords": None}
    )
    assert set(table["w1"]) | set(table["w2"]) >= {"troops"}
    assert all("troops" in (r.w1, r.w2) for r in table.itertuples())
    assert {(r.w1, r.w2) for r in table.itertuples()} == {("troops", "waited"), ("troops", "near")}


def test_count_collocations_rejects_unknown_measure():
    with pytest.raises(ValueError, match="unknown measure"):
        kw.count_collocations(COLLOCATION_DOCS, measures=["mutual_info"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", None]), max_size=40), st.integers(2, 5))
def test_pair_counts_equal_nltk_from_words(words, window):
    from nltk.collocations import BigramCollocationFinder

    reference = BigramCollocationFinder.from_words(words, window_size=window)
    word_fd, pair_fd = _pair_counts(words, window, None)
    assert dict(word_fd) == dict(reference.word_fd) and dict(pair_fd) == dict(reference.ngram_fd)
    _, node_fd = _pair_counts(words, window, {"a"})
    assert dict(node_fd) == {p: n for p, n in reference.ngram_fd.items() if "a" in p}


def test_count_collocations_with_several_nodes():
    table = kw.count_collocations(
        COLLOCATION_DOCS, node=["troops", "Lines"], window=3, min_count=1, count_options={"stopwords": None}
    )
    assert table["node"].tolist() == ["lines", "lines", "troops", "troops"]
    assert {(r.w1, r.w2) for r in table.itertuples() if r.node == "lines"} == {("near", "lines"), ("peace", "lines")}
