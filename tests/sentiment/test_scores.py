"""score_texts, score_sentences, score_documents: offsets, shares, every corpus document kept."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import sentiment
from corpus_tools.config import SEEDS_DIR


def test_sentence_scores_equal_reference_and_keep_offsets(seed_sentences, reference):
    corpus = ct.load_corpus(SEEDS_DIR)
    scores = sentiment.score_sentences(corpus, lexicons=["vader"])
    assert len(scores) == len(seed_sentences)
    texts = corpus.set_index("doc_id")["text"]
    for row in scores.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
        assert reference.polarity_scores(row.text) == {
            "neg": row.neg,
            "neu": row.neu,
            "pos": row.pos,
            "compound": row.compound,
        }


def test_score_texts_keeps_series_index_and_rejects_non_strings():
    texts = pd.Series(["good", "bad"], index=[10, 20])
    assert sentiment.score_texts(texts).index.tolist() == [10, 20]
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        sentiment.score_texts(["fine", None])


def test_document_scores_are_means_and_shares_of_sentences(fixture_scores):
    docs = sentiment.score_documents(fixture_scores, neutral_threshold=0.05).set_index(["doc_id", "lexicon"])
    vader = fixture_scores[(fixture_scores["lexicon"] == "vader") & (fixture_scores["doc_id"] == "ledger_02")]
    c = vader["compound"].tolist()  # five sentences (the headline is the title, not text)
    row = docs.loc[("ledger_02", "vader")]
    assert row["n_sentences"] == len(c) == 5
    assert row["compound"] == pytest.approx(sum(c) / len(c))
    assert row["share_pos"] == pytest.approx(sum(x >= 0.05 for x in c) / len(c))
    assert row["share_neg"] == pytest.approx(sum(x <= -0.05 for x in c) / len(c))
    assert row["share_pos"] + row["share_neu"] + row["share_neg"] == pytest.approx(1)


def test_empty_texts_score_zero_and_documents_without_actors_give_empty_tables():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["The weather is mild today."]})
    scores = sentiment.score_sentences(corpus, lexicons=["vader", "afinn"])
    assert sentiment.score_texts([""], lexicon="afinn").iloc[0].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert sentiment.score_texts([""]).iloc[0].tolist() == [0.0, 0.0, 0.0, 0.0]
    actor_scores = sentiment.score_actor_sentences(scores)
    assert actor_scores.empty and sentiment.summarize_actors(actor_scores).empty
    assert sentiment.select_examples(actor_scores).empty
    assert sentiment.compare_groups(scores, by="doc_id", n_boot=50).empty  # one group: no pairs


def test_document_scores_keep_every_corpus_document_with_title_and_group():
    scores = pd.DataFrame(
        {
            "doc_id": ["a", "a"],
            "lexicon": "vader",
            "compound": [0.5, -0.5],
            "n_tokens": 4,
            "n_pos": [1, 0],
            "n_neg": [0, 1],
        }
    )
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Title A", None], "outlet": ["x", "y"]})
    docs = sentiment.score_documents(scores, corpus=corpus, by="outlet")
    assert docs[["doc_id", "title", "outlet"]].values.tolist() == [["a", "Title A", "x"], ["b", "", "y"]]
    assert docs.loc[0, "compound"] == 0.0 and pd.isna(docs.loc[1, "compound"])
