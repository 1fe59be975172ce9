"""Actor sentences, actor summaries and examples."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from corpus_tools import sentiment
from corpus_tools.dictionaries import Dictionary
from corpus_tools.io import CorpusWarning


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
    ledger_docs = russia.loc[russia["doc_id"].str.startswith("ledger"), "doc_id"].nunique()
    assert row["n_docs"] == ledger_docs == 2  # intervals resample articles: two are too few for one
    assert pd.isna(row["ci_low"]) and pd.isna(row["ci_high"]) and "fewer than 3" in row["note"]


def test_actor_intervals_resample_articles_not_sentences():
    import numpy as np

    from corpus_tools.stats import bootstrap_ci

    rows = [("d1", 0.9), ("d1", 0.8), ("d1", 0.85), ("d2", -0.2), ("d3", 0.1), ("d3", 0.0)]
    scores = pd.DataFrame(rows, columns=["doc_id", "compound"]).assign(actor="NATO", lexicon="vader", outlet="X")
    row = sentiment.summarize_actors(scores, by="outlet", corpus=scores, n_boot=400, seed=1).iloc[0]
    assert (row["n"], row["n_docs"], row["note"]) == (6, 3, "")
    # an independent cluster bootstrap: resample the three articles, pool their sentences
    sentences = scores.groupby("doc_id")["compound"].apply(list).tolist()
    rng = np.random.default_rng(0)
    means = []
    for _ in range(2000):
        picked = [sentences[i] for i in rng.integers(0, 3, 3)]
        means.append(sum(map(sum, picked)) / sum(map(len, picked)))
    low, high = np.percentile(means, [2.5, 97.5])
    assert row["ci_low"] == pytest.approx(low, abs=0.12) and row["ci_high"] == pytest.approx(high, abs=0.12)
    naive = bootstrap_ci(scores["compound"], n_boot=2000, seed=0)  # sentences as if independent
    assert row["ci_high"] - row["ci_low"] > naive[2] - naive[1]


ACTORS = {"Ostra": ["Ostra"], "Vell": ["Vell"], "Dunmore": ["Dunmore"]}


def _actor_table(texts, **kwargs):
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    if "language" in kwargs:
        corpus["language"] = kwargs.pop("language")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        scores = sentiment.score_sentences(corpus, lexicons=kwargs.pop("lexicons", ("vader",)))
    table = sentiment.score_actor_sentences(scores, actors=Dictionary.from_mapping(ACTORS), **kwargs)
    return scores, table


def test_each_actor_gets_the_tone_toward_it_not_the_sentence_tone():
    scores, table = _actor_table(["Ostra criticised Vell's attack on Dunmore."])
    rows = table.set_index("actor")
    sentence = scores["compound"].iloc[0]
    assert sentence <= -0.05
    assert (rows["sentence_compound"] == sentence).all()
    assert rows.loc[["Ostra", "Vell", "Dunmore"], "label"].tolist() == ["neutral", "negative", "neutral"]
    assert rows.loc["Vell", "roles"] == "doer of attack; object of criticised"
    expected = sentiment.score_targets(
        pd.DataFrame({"text": scores["text"].iloc[0], "start": [0, 17, 34], "end": [5, 21, 41]})
    )["compound"].tolist()
    assert rows.loc[["Ostra", "Vell", "Dunmore"], "compound"].tolist() == expected


def test_an_actor_named_twice_gets_the_mean_of_its_mentions_and_other_lexicons_are_scored():
    _, table = _actor_table(["Vell thanked Ostra, but Dunmore blamed Vell."], lexicons=("vader", "afinn"))
    vader = table[table["lexicon"] == "vader"].set_index("actor")
    text = "Vell thanked Ostra, but Dunmore blamed Vell."
    both = sentiment.score_targets(pd.DataFrame({"text": text, "start": [0, 39], "end": [4, 43]}))["compound"]
    assert vader.loc["Vell", "compound"] == pytest.approx(both.mean(), abs=1e-4)
    assert vader.loc["Vell", "mentions"] == "Vell"
    assert set(table["lexicon"]) == {"vader", "afinn"} and len(table) == 6
    assert vader.loc["Ostra", "label"] == "positive"


def test_sentences_not_scored_give_nan_and_unreadable_lexicons_are_named():
    _, table = _actor_table(["Ostra praised Vell.", "Ostra lobte Vell."], language=["en", "de"])
    assert table.groupby("doc_id")["compound"].apply(lambda c: c.isna().all()).to_dict() == {"d0": False, "d1": True}
    assert table.loc[table["doc_id"] == "d1", "label"].isna().all()
    scores, _ = _actor_table(["Ostra praised Vell."])
    with pytest.raises(ValueError, match="pass lexicons= as given to score_sentences"):
        sentiment.score_actor_sentences(scores.assign(lexicon="my_words"), actors=Dictionary.from_mapping(ACTORS))


def _old_score_actor_sentences(scores, *, actors="ukraine_security", lexicons=None, neutral_threshold=0.05):
    """The previous implementation: every sentence matched on its own, mentions and roles joined
    by a Python function per group."""
    import numpy as np

    from corpus_tools.dictionaries import match_actors
    from corpus_tools.sentiment.actors import _KEYS, _lexicon_specs
    from corpus_tools.sentiment.targets import score_targets

    sentences = scores.drop_duplicates(["doc_id", "sent_id"])
    hits = match_actors(sentences[["doc_id", "sent_id", "start", "text"]].fillna({"text": ""}), actors)
    front = ["actor", "doc_id", "sent_id", "start", "end", "lexicon", "compound", "label", "sentence_compound"]
    front += ["mentions", "roles", "text"]
    context = sentences[["doc_id", "sent_id", "start", "text"]].rename(columns={"start": "sent_start"})
    mentions = hits.rename(columns={"category": "actor"})[["actor", "doc_id", "sent_id", "term", "start", "end"]]
    mentions = mentions.merge(context, on=["doc_id", "sent_id"], how="inner")
    mentions["start"] -= mentions["sent_start"]
    mentions["end"] -= mentions["sent_start"]
    unscored = scores.loc[scores["compound"].isna(), ["doc_id", "sent_id", "lexicon"]]
    parts = []
    for name, spec in _lexicon_specs(list(dict.fromkeys(scores["lexicon"])), lexicons).items():
        part = score_targets(mentions, lexicon=spec)[["actor", "doc_id", "sent_id", "term", "compound", "role"]]
        parts.append(part.assign(lexicon=name))
    scored = pd.concat(parts, ignore_index=True)
    missing = scored.merge(unscored.assign(_unscored=True), on=["doc_id", "sent_id", "lexicon"], how="left")
    scored.loc[missing["_unscored"].fillna(False).to_numpy(dtype=bool), "compound"] = np.nan
    table = (
        scored.groupby(_KEYS, sort=False)
        .agg(
            compound=("compound", "mean"),
            mentions=("term", lambda t: "; ".join(dict.fromkeys(t))),
            roles=("role", lambda r: "; ".join(dict.fromkeys(x for x in r if x))),
        )
        .reset_index()
    )
    table["compound"] = table["compound"].round(4)
    positive, negative = table["compound"] >= neutral_threshold, table["compound"] <= -neutral_threshold
    table["label"] = np.where(positive, "positive", np.where(negative, "negative", "neutral")).astype("object")
    table.loc[table["compound"].isna(), "label"] = np.nan
    table = table.merge(scores.rename(columns={"compound": "sentence_compound"}), on=_KEYS[1:], how="inner")
    return table[front + [c for c in table.columns if c not in front]]


def _seed_scores_with_repeats(seed_sentences):
    """Seed sentence scores, with 60% of the sentences again in other documents, a sentence with
    two mentions of one actor and a sentence without text."""
    extra = pd.DataFrame(
        {
            "doc_id": ["z", "z"],
            "sent_id": [0, 1],
            "start": [0, 60],
            "end": [58, 60],
            "text": ["Putin praised Russia and the Kremlin, but NATO condemned Moscow.", None],
        }
    )
    again = seed_sentences.sample(frac=0.6, random_state=2).assign(doc_id=lambda s: "copy-" + s["doc_id"])
    sentences = pd.concat([seed_sentences, again, extra], ignore_index=True)
    return sentiment.score_sentences(sentences, lexicons=["vader", "afinn"])


@pytest.mark.parametrize("actors", ["ukraine_security", "names"])
def test_actor_sentences_equal_the_previous_implementation(fixture_scores, seed_sentences, actors):
    if actors == "names":
        actors = Dictionary.from_mapping({"NATO": ["NATO", "alliance"], "Russia": ["Russia*", "Putin", "Kremlin"]})
    for scores in (fixture_scores, _seed_scores_with_repeats(seed_sentences)):
        got = sentiment.score_actor_sentences(scores, actors=actors)
        assert len(got) > 0
        pd.testing.assert_frame_equal(got, _old_score_actor_sentences(scores, actors=actors), check_exact=True)
