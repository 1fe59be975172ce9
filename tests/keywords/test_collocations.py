"""Collocations: pair counts by hand and against NLTK, windows, nodes, measures."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import keywords as kw
from corpus_tools.keywords.collocations import _count_pairs

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
@given(
    st.lists(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=12), max_size=6),
    st.integers(2, 5),
    st.sets(st.sampled_from(["a", "b", "c", "d", "e"])),
)
def test_count_pairs_equals_nltk_from_words(runs, window, dropped):
    """Runs separated by window - 1 gaps (None), as the previous implementation fed NLTK."""
    from nltk.collocations import BigramCollocationFinder

    stream = [w for run in runs for w in (*run, *[None] * (window - 1))]
    reference = BigramCollocationFinder.from_words(stream, window_size=window)
    vocabulary = ["a", "b", "c", "d", "e"]
    codes = np.array([c for run in runs for c in (*(vocabulary.index(w) for w in run), -1)], dtype=np.int64)
    kept = np.array([w not in dropped for w in vocabulary])
    for nodes in (None, np.array([w == "a" for w in vocabulary])):
        first, second, n = _count_pairs(codes, 5, window, kept=kept, nodes=nodes)
        got = {(vocabulary[a], vocabulary[b]): int(c) for a, b, c in zip(first, second, n)}
        expected = {p: c for p, c in reference.ngram_fd.items() if not set(p) & dropped and (nodes is None or "a" in p)}
        assert got == expected


def test_count_collocations_with_several_nodes():
    table = kw.count_collocations(
        COLLOCATION_DOCS, node=["troops", "Lines"], window=3, min_count=1, count_options={"stopwords": None}
    )
    assert table["node"].tolist() == ["lines", "lines", "troops", "troops"]
    assert {(r.w1, r.w2) for r in table.itertuples() if r.node == "lines"} == {("near", "lines"), ("peace", "lines")}


def _previous_count_collocations(
    corpus,
    *,
    node=None,
    window=2,
    measures=("likelihood_ratio", "pmi", "t_score"),
    min_count=3,
    text_col="text",
    count_options=None,
):
    """The previous implementation: one Python list of tokens, pairs in a Counter, NLTK's finder."""
    from collections import Counter

    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures
    from nltk.probability import FreqDist

    from corpus_tools.keywords.collocations import MEASURES
    from corpus_tools.keywords.counts import (
        _Analyzer,
        _as_labels,
        _compile_phrases,
        _compound,
        _segments,
        read_stopword_list,
    )

    options = {
        "lowercase": True,
        "stopwords": "snowball",
        "extra_stopwords": (),
        "min_length": 1,
        "phrases": (),
        "keep_numbers": False,
        **dict(count_options or {}),
    }
    index = _compile_phrases(options["phrases"], options["lowercase"])
    words = []
    for text in corpus[text_col]:
        for run in _segments(text if isinstance(text, str) else "", options["lowercase"]):
            words.extend(_compound(run, index))
            words.extend([None] * (window - 1))
    stop = read_stopword_list(options["stopwords"], extra=options["extra_stopwords"])
    analyzer = _Analyzer(
        options["lowercase"], stop, int(options["min_length"]), None, (1, 1), {}, options["keep_numbers"]
    )
    nodes = None if node is None else {n.lower() if options["lowercase"] else n for n in _as_labels(node)}
    word_fd = FreqDist(Counter(w for w in words if w is not None))
    pairs = Counter()
    for k in range(1, window):
        pairs.update(p for p in zip(words, words[k:]) if None not in p and (nodes is None or set(p) & nodes))
    finder = BigramCollocationFinder(word_fd, FreqDist(pairs), window_size=window)
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: not analyzer.keep(w))
    found = sorted(finder.ngram_fd.items())
    table = pd.DataFrame([(a, b, n) for (a, b), n in found], columns=["w1", "w2", "n"]).astype({"n": "int64"})
    for name in measures:
        scores = dict(finder.score_ngrams(getattr(BigramAssocMeasures, MEASURES[name])))
        table[name] = [scores.get(pair, np.nan) for pair, _ in found]
    if nodes is not None:
        table = pd.concat(
            [table[(table["w1"] == n) | (table["w2"] == n)].assign(node=n) for n in sorted(nodes)]
            + [table.iloc[:0].assign(node="")],
            ignore_index=True,
        )
    if measures and len(table):
        keys = (["node"] if nodes is not None else []) + [measures[0], "w1", "w2"]
        table = table.sort_values(keys, ascending=[True] * (nodes is not None) + [False, True, True], kind="stable")
    return table.reset_index(drop=True)


def _generated_corpus(n_docs: int, seed: int) -> pd.DataFrame:
    """Invented text: a small vocabulary with stop words, capitals, numbers, accented words and
    sentence breaks, so many pairs repeat."""
    rng = np.random.default_rng(seed)
    vocabulary = [
        "the",
        "of",
        "Peace",
        "peace",
        "talks",
        "troops",
        "border",
        "Kyiv",
        "Zürich",
        "café",
        "2024",
        "a",
        "security",
        "guarantees",
        "ceasefire",
        "x",
        "aid",
        "said",
        "it's",
        "well-known",
    ]
    breaks = [" ", " ", " ", " ", ". ", "; ", "\n", ", "]
    texts = []
    for _ in range(n_docs):
        words = rng.choice(vocabulary, size=int(rng.integers(0, 80)))
        texts.append("".join(w + str(rng.choice(breaks)) for w in words))
    return pd.DataFrame({"doc_id": [f"g{i}" for i in range(n_docs)], "text": texts})


CASES = [  # (corpus, node, window, min_count, count_options)
    ("seeds", None, 2, 3, {"min_length": 2}),
    ("seeds", ["ukraine", "security", "peace", "nato", "troops"], 5, 2, {"min_length": 2}),
    ("seeds", "Ukraine", 3, 1, {"stopwords": None, "lowercase": False}),
    ("seeds", None, 4, 2, {"phrases": ["security guarantees", "peace talks"]}),
    ("fixture", None, 2, 1, {"stopwords": None}),
    ("fixture", ["troops", "sanctions"], 5, 1, {}),
    ("generated", None, 2, 3, {}),
    ("generated", None, 5, 3, {"stopwords": "english", "keep_numbers": True}),
    ("generated", ["peace", "troops", "zürich"], 5, 2, {"min_length": 2}),
    ("generated", ["Peace", "Kyiv"], 2, 1, {"lowercase": False, "phrases": ["security guarantees"]}),
]


@pytest.fixture(scope="module")
def corpora():
    import corpus_tools as ct

    fixture = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": [
                "Security guarantees and troops were promised. Sanctions followed soon.",
                "Sanctions cost a lot. Troops and sanctions, troops and sanctions.",
                None,
            ],
        }
    )
    return {"seeds": ct.load_corpus(ct.config.SEEDS_DIR), "fixture": fixture, "generated": _generated_corpus(300, 5)}


@pytest.mark.parametrize("small_batches", [False, True])
@pytest.mark.parametrize(("name", "node", "window", "min_count", "options"), CASES)
def test_count_collocations_equals_the_previous_implementation(
    corpora, name, node, window, min_count, options, small_batches, monkeypatch
):
    if small_batches:  # texts encoded a few at a time, pairs counted in many chunks
        from corpus_tools.keywords import collocations

        monkeypatch.setattr(collocations, "_TEXTS_PER_BATCH", 3)
        monkeypatch.setattr(collocations, "_TOKENS_PER_CHUNK", 40)
    measures = ["likelihood_ratio", "pmi", "t_score", "chi_sq", "dice", "poisson_stirling"]
    corpus = corpora[name]
    args = {"node": node, "window": window, "min_count": min_count, "count_options": options, "measures": measures}
    expected = _previous_count_collocations(corpus, **args)
    got = kw.count_collocations(corpus, **args)
    assert len(got) > 0 or name == "fixture"
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    # the words read once give the same table
    words = kw.read_collocation_words(corpus, count_options=options)
    pd.testing.assert_frame_equal(kw.count_collocations(words, **args), expected, check_exact=True)
    # the first measure sorts: another measure first, the same rows in its order
    shuffled = kw.count_collocations(words, **{**args, "measures": measures[::-1]})
    assert sorted(map(tuple, shuffled[["w1", "w2"]].values)) == sorted(map(tuple, expected[["w1", "w2"]].values))


def test_words_read_with_other_options_are_refused():
    words = kw.read_collocation_words(COLLOCATION_DOCS, count_options={"lowercase": False})
    with pytest.raises(ValueError, match="read them again with read_collocation_words"):
        kw.count_collocations(words)
    with pytest.raises(ValueError, match="unknown option"):
        kw.read_collocation_words(COLLOCATION_DOCS, count_options={"stem": "english"})


@pytest.mark.parametrize("measure", sorted(kw.MEASURES))
@pytest.mark.parametrize("window", [2, 3, 5])
def test_score_pair_measure_equals_nltk_pair_by_pair(measure, window):
    from nltk.metrics import BigramAssocMeasures

    from corpus_tools.keywords.collocations import MEASURES, score_pair_measure

    rng = np.random.default_rng(window)
    n_all = 250_000
    n_ix, n_xi = rng.integers(1, 20_000, 500), rng.integers(1, 20_000, 500)
    pairs = np.minimum(rng.integers(1, 400, 500), np.minimum(n_ix, n_xi))
    got = score_pair_measure(measure, pairs / (window - 1.0), n_ix, n_xi, n_all)
    score = getattr(BigramAssocMeasures, MEASURES[measure])
    expected = [score(int(p) / (window - 1.0), (int(a), int(b)), n_all) for p, a, b in zip(pairs, n_ix, n_xi)]
    np.testing.assert_array_equal(got, np.array(expected))  # the same operations: the same bits
