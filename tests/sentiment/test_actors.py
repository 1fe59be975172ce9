"""Actor sentences, actor summaries and examples."""

from __future__ import annotations

import pytest

from corpus_tools import sentiment


def test_actor_sentences_examples_and_intervals(fixture_corpus, fixture_scores):
    actor_scores = sentiment.score_actor_sentences(fixture_scores)
    vader = actor_scores[actor_scores["lexicon"] == "vader"]
    russia = vader[vader["actor"] == "Russia"]
    # Russia is named in ledger_01 (Russia, Kremlin), ledger_02 (Russia, Moscow) and courier_02 (Russian)
    assert sorted(russia[["doc_id", "sent_id"]].itertuples(index=False, name=None)) == [
        ("courier_02", 2),
        ("ledger_01", 3),
        ("ledger_01", 4),
        ("ledger_02", 1),
        ("ledger_02", 2),
    ]
    examples = sentiment.select_examples(actor_scores, n=1)
    texts = fixture_corpus.set_index("doc_id")["text"]
    for row in examples.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    negative = examples[(examples["actor"] == "Russia") & (examples["kind"] == "most negative")].iloc[0]
    assert negative["compound"] == russia["compound"].min()
    table = sentiment.summarize_actors(actor_scores, by="outlet", corpus=fixture_corpus, n_boot=300, seed=3)
    row = table[(table["lexicon"] == "vader") & (table["actor"] == "Russia") & (table["group"] == "Daily Ledger")].iloc[
        0
    ]
    assert row["n"] == 4
    assert row["estimate"] == pytest.approx(russia.loc[russia["doc_id"].str.startswith("ledger"), "compound"].mean())
    assert row["ci_low"] <= row["estimate"] <= row["ci_high"]
