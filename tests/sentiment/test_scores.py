"""score_texts, score_sentences, score_documents: offsets, shares, every corpus document kept."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import sentiment
from corpus_tools.config import SEEDS_DIR
from corpus_tools.io import CorpusWarning
from corpus_tools.sentiment import score_documents, score_sentences


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


MIXED = pd.DataFrame(
    {
        "doc_id": ["en", "de", "ru", "short"],
        "language": ["en", "de", "ru", "und"],
        "text": ["Peace is good. War is bad.", "Die Lage ist ernst.", "Мир хорош.", "Good."],
    }
)


def test_sentences_of_other_languages_are_not_scored():
    with pytest.warns(CorpusWarning, match=r"sentiment: 2 documents not in 'en' \(de: 1, ru: 1\)"):
        scores = score_sentences(MIXED, lexicons=["vader", "afinn"])
    vader = scores[scores["lexicon"].eq("vader")].set_index("doc_id")
    assert vader.loc["de", "compound"] != vader.loc["de", "compound"]  # NaN, not VADER's -0.83 for "die"
    assert vader["scored"].to_dict() == {"en": True, "de": False, "ru": False, "short": True}
    assert vader.loc["short", "compound"] > 0 and vader.loc["de", "n_tokens"] == 4
    docs = score_documents(scores).set_index(["doc_id", "lexicon"])
    assert docs.loc[("de", "vader"), ["compound", "share_pos", "share_neu", "n_pos"]].isna().all()
    assert docs.loc[("en", "vader"), "share_pos"] == 0.5


def test_english_only_corpus_scores_as_without_language():
    english = MIXED[MIXED["language"].isin(["en", "und"])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with_language = score_sentences(english)
    without = score_sentences(english.drop(columns="language"))
    pd.testing.assert_frame_equal(with_language, without)
    assert without["scored"].all()


def test_lexicon_language_names_the_lexicons_language():
    with pytest.warns(CorpusWarning, match=r"2 documents not in 'de' \(en: 1, ru: 1\)"):
        scores = score_sentences(MIXED, lexicon_language="de")
    assert scores.set_index("doc_id")["scored"].groupby(level=0).all().to_dict() == {
        "de": True,
        "en": False,
        "ru": False,
        "short": True,
    }
