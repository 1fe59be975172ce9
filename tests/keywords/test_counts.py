"""Counting: term counts on hand-counted fixtures, stop-word lists, frequencies and TF-IDF."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import keywords as kw
from corpus_tools.io import CorpusWarning

COUNT_DOCS = pd.DataFrame(
    {
        "doc_id": ["d1", "d2"],
        "text": [
            "The Coalition of the Willing met. Guarantees, guarantees: security guarantees in 2025.",
            "A reassurance force; security guarantee talks. Go!",
        ],
    }
)


FEW_STOPWORDS = {"stopwords": None, "extra_stopwords": ["the", "of", "a", "in"]}


def counts_of(**options) -> dict:
    frame = kw.count_terms(COUNT_DOCS, **options).to_frame()
    return {(g, t): n for g, t, n in frame.itertuples(index=False)}


def test_count_terms_default_lowercases_and_drops_stop_words_and_numbers():
    got = counts_of()
    assert got[("d1", "guarantees")] == 3 and got[("d1", "coalition")] == 1
    assert ("d1", "the") not in got and ("d1", "2025") not in got
    assert got[("d2", "force")] == 1 and ("d2", "a") not in got


@pytest.mark.parametrize(
    "options, present, absent",
    [
        (
            {"lowercase": False},
            {("d1", "Coalition"): 1, ("d1", "Guarantees"): 1, ("d1", "guarantees"): 2},
            [("d1", "coalition")],
        ),
        ({"stopwords": None}, {("d1", "the"): 2, ("d1", "of"): 1}, []),
        ({"extra_stopwords": ["Guarantees"]}, {("d1", "security"): 1}, [("d1", "guarantees")]),
        ({"min_length": 3}, {("d2", "force"): 1}, [("d2", "go")]),
        ({"keep_numbers": True}, {("d1", "2025"): 1}, []),
        ({"stem": "english"}, {("d1", "guarante"): 3, ("d2", "guarante"): 1}, [("d1", "guarantees")]),
        (
            {"lowercase": False, "phrases": ["coalition of the willing", "security guarantees"]},
            {("d1", "Coalition_of_the_Willing"): 1, ("d1", "security_guarantees"): 1, ("d2", "security"): 1},
            [("d1", "Coalition")],
        ),
        (
            {"phrases": ["coalition of the willing", "security guarantees"]},
            {("d1", "coalition_of_the_willing"): 1, ("d1", "security_guarantees"): 1, ("d1", "guarantees"): 2},
            [("d1", "coalition"), ("d1", "willing")],
        ),
        (
            {"ngram_range": (2, 2), **FEW_STOPWORDS},
            {("d1", "security guarantees"): 1, ("d2", "reassurance force"): 1, ("d1", "guarantees guarantees"): 1},
            [("d2", "force security"), ("d1", "met guarantees"), ("d1", "coalition"), ("d1", "of the")],
        ),
        (
            {"ngram_range": (1, 4), **FEW_STOPWORDS},
            {("d1", "coalition of the willing"): 1, ("d1", "willing met"): 1, ("d1", "met"): 1},
            [("d1", "coalition of the"), ("d1", "the willing")],
        ),
    ],
)
def test_count_terms_options_on_hand_counted_fixture(options, present, absent):
    got = counts_of(**options)
    for key, n in present.items():
        assert got.get(key, 0) == n, key
    for key in absent:
        assert key not in got, key


def test_stop_word_lists():
    snowball = kw.read_stopword_list()
    assert {"the", "of", "don't", "against"} <= snowball and not {"states", "million", "group"} & snowball
    assert kw.read_stopword_list(None, extra=["Kyiv’s"]) == frozenset({"kyiv's"})
    assert kw.read_stopword_list("english") >= {"the", "of"}  # corpus_tools.segment.read_stopwords
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Member states don’t agree."]})
    assert set(kw.count_terms(docs).terms) == {"member", "states", "agree"}


def test_count_terms_groups_and_sparse_matrix():
    docs = COUNT_DOCS.assign(side=["x", "x"])
    counts = kw.count_terms(docs, by="side")
    assert counts.matrix.shape == (2, len(counts.terms)) and counts.matrix.format == "csr"
    frame = counts.to_frame()
    assert set(frame["group"]) == {"x"}
    assert frame.set_index("term").loc["security", "n"] == 2


def test_count_frequencies_per_10k_and_range():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "g": ["x", "x", "y"], "text": ["peace peace war", "peace talks", "war"]}
    )
    freq = kw.count_frequencies(kw.count_terms(docs, by="g")).set_index(["group", "term"])
    assert freq.loc[("x", "peace"), ["n", "range"]].tolist() == [3, 2]
    assert freq.loc[("x", "peace"), "per_10k"] == pytest.approx(3 / 5 * 10_000)
    assert freq.loc[("x", "war"), "range_share"] == pytest.approx(0.5)
    assert freq.loc[("y", "war"), "rank"] == 1


def test_score_tfidf_matches_the_formula():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["peace war war", "peace talks"]})
    top = kw.score_tfidf(kw.count_terms(docs), top_n=5)
    idf = {"peace": math.log(3 / 3) + 1, "war": math.log(3 / 2) + 1, "talks": math.log(3 / 2) + 1}
    raw = {"peace": 1 * idf["peace"], "war": 2 * idf["war"]}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    a = top[top["doc_id"] == "a"].set_index("term")["tfidf"]
    assert a["war"] == pytest.approx(raw["war"] / norm) and a["peace"] == pytest.approx(raw["peace"] / norm)
    assert top[top["doc_id"] == "a"]["term"].tolist() == ["war", "peace"]


def test_select_top_terms_puts_groups_side_by_side():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "g": ["x", "x", "y"], "text": ["peace peace war", "peace talks", "war"]}
    )
    frequency = kw.count_frequencies(kw.count_terms(docs, by="g"))
    wide = kw.select_top_terms(frequency, top_n=2)
    assert list(wide.columns) == ["x", "y"] and wide.index.tolist() == [1, 2]
    assert wide["x"].tolist() == ["peace", "talks"] and wide.loc[1, "y"] == "war"
    by_doc = kw.select_top_terms(kw.score_tfidf(kw.count_terms(docs)), top_n=1, column="doc_id")
    assert by_doc.loc[1].to_dict() == {"a": "peace", "b": "talks", "c": "war"}


def test_english_stop_words_apply_to_english_documents_only():
    docs = pd.DataFrame(
        {
            "doc_id": ["en", "de", "short"],
            "language": ["en", "de", "und"],
            "text": ["The talks and the war", "Was will die Regierung in Berlin und", "The war"],
        }
    )
    with pytest.warns(CorpusWarning, match=r"keywords: 1 documents not in English \(de: 1\)"):
        table = kw.count_terms(docs, extra_stopwords=["und"]).to_frame()
    terms = table.groupby("group")["term"].apply(sorted).to_dict()
    # "was", "will", "in" are English stop words only by accident of spelling; "und" was asked for
    assert terms == {
        "en": ["talks", "war"],
        "de": ["berlin", "die", "in", "regierung", "was", "will"],
        "short": ["war"],
    }


def test_ascii_text_is_segmented_as_by_the_unicode_pattern():
    """ASCII text takes a faster pattern for tokens and breaks; the runs are the same."""
    import random

    from corpus_tools.keywords import counts

    rng = random.Random(0)
    alphabet = "ab" * 8 + "U.S" + "19" * 3 + " " * 8 + ".,;:!?'-%_\n\t()"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50)))
        expected, run = [], []
        for m in counts._SEGMENT_RE.finditer(text):
            if m.group(1):
                run.append(m.group(1))
            elif run:
                expected.append(run)
                run = []
        if run:
            expected.append(run)
        assert counts._segments(text, lowercase=False) == expected, repr(text)


_STEM_DOCS = pd.DataFrame(
    {
        "doc_id": ["en", "de", "uk", "short"],
        "language": ["en", "de", "uk", "und"],
        "text": [
            "Negotiations continued",
            "Verhandlungen gingen weiter",
            "Переговори тривали",
            "Negotiators",
        ],
    }
)


@pytest.mark.parametrize(
    "stem, stemmers, unstemmed",
    [
        # each document with its own language's stemmer; Ukrainian has no Snowball stemmer
        ("auto", {"en": "english", "de": "german", "uk": "", "short": "english"}, r"\(uk: 1\): no Snowball stemmer"),
        # one language asked for: the other languages are not stemmed with it
        ("english", {"en": "english", "de": "", "uk": "", "short": "english"}, r"\(de: 1, uk: 1\): not in the stem"),
        ("german", {"en": "", "de": "german", "uk": "", "short": ""}, r"\(en: 2, uk: 1\): not in the stemmer"),
    ],
)
def test_stemming_uses_the_document_language_or_none(stem, stemmers, unstemmed):
    import snowballstemmer

    with pytest.warns(CorpusWarning, match=rf"keywords: \d documents counted without stemming {unstemmed}"):
        counts = kw.count_terms(_STEM_DOCS, stopwords=None, stem=stem)
    assert dict(zip(counts.doc_ids, counts.stemmers)) == stemmers
    terms = counts.to_frame().groupby("group")["term"].apply(sorted).to_dict()
    for doc_id, text in zip(_STEM_DOCS["doc_id"], _STEM_DOCS["text"]):
        words = text.lower().split()
        stemmer = stemmers[doc_id]
        expected = [snowballstemmer.stemmer(stemmer).stemWord(w) for w in words] if stemmer else words
        assert terms[doc_id] == sorted(expected), doc_id


def test_stemming_without_a_language_column_stems_every_document():
    docs = _STEM_DOCS.drop(columns="language")
    counts = kw.count_terms(docs.iloc[[0, 3]], stopwords=None, stem="auto")
    assert set(counts.stemmers) == {"english"} and set(counts.terms) == {"negoti", "continu"}
    assert kw.count_terms(docs, stopwords=None).stemmers is None


def _score_tfidf_previous(counts, top_n):
    """The previous implementation: a row per counted term, sorted (kept to compare)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    weights = TfidfTransformer().fit_transform(counts.matrix).tocoo()
    frame = pd.DataFrame(
        {
            "doc_id": counts.doc_ids[weights.row],
            "term": counts.terms[weights.col],
            "n": np.asarray(counts.matrix[weights.row, weights.col]).ravel().astype("int64"),
            "tfidf": weights.data,
        }
    )
    order = {d: i for i, d in enumerate(counts.doc_ids)}
    frame = frame.assign(_order=frame["doc_id"].map(order)).sort_values(
        ["_order", "tfidf", "term"], ascending=[True, False, True], kind="stable"
    )
    frame.insert(1, "rank", frame.groupby("_order").cumcount() + 1)
    return frame[frame["rank"] <= top_n].drop(columns="_order").reset_index(drop=True)


@pytest.mark.parametrize("top_n", [1, 3, 10, 1000])
def test_score_tfidf_equals_the_previous_implementation(top_n):
    rng = np.random.default_rng(7)
    words = np.array(["peace", "war", "talks", "ceasefire", "aid", "troops", "border", "sanctions", "vote", "gas"])
    texts = [" ".join(rng.choice(words, size=rng.integers(0, 30))) for _ in range(300)]  # ties, an empty text
    docs = pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(300)], "text": texts})
    for counts in (kw.count_terms(docs), kw.count_terms(docs, ngram_range=(1, 2))):
        pd.testing.assert_frame_equal(kw.score_tfidf(counts, top_n=top_n), _score_tfidf_previous(counts, top_n))
    seeds = ct.load_corpus(ct.config.SEEDS_DIR)
    counts = kw.count_terms(seeds)
    pd.testing.assert_frame_equal(kw.score_tfidf(counts, top_n=top_n), _score_tfidf_previous(counts, top_n))
