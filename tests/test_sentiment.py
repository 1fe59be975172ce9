"""Sentiment: reference-exact VADER, dictionary lexicons, aggregation, actors, the notebook."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import corpus_tools as ct
from corpus_tools import sentiment
from corpus_tools.config import SEEDS_DIR
from corpus_tools.dictionaries import DictionaryError

HEADLINE = "Discussions Begin: International 'Reassurance' Force For Ukraine Peace"


@pytest.fixture(scope="module")
def seed_sentences():
    return ct.split_sentences(ct.load_corpus(SEEDS_DIR))


@pytest.fixture(scope="module")
def reference():
    return SentimentIntensityAnalyzer()


# ---------------------------------------------------------------------------- VADER equals the reference


def test_headline_scores_as_the_reference_not_nltk():
    scores = sentiment.score_texts([HEADLINE])
    assert scores.iloc[0].to_dict() == {"neg": 0.0, "neu": 0.5, "pos": 0.5, "compound": 0.7184}


def test_vader_equals_reference_on_every_seed_sentence(seed_sentences, reference):
    texts = seed_sentences["text"].tolist()
    assert len(texts) > 200
    ours = sentiment.score_texts(texts)
    expected = pd.DataFrame([reference.polarity_scores(t) for t in texts])[["neg", "neu", "pos", "compound"]]
    pd.testing.assert_frame_equal(ours, expected, check_exact=True)


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


def test_vader_word_valences_rebuild_the_reference_scores(seed_sentences, reference):
    """The per-word valences behind the drivers add up to the reference's scores."""
    analyzer = sentiment.read_lexicon("vader").analyzer
    for text in seed_sentences["text"]:
        _, valences, converted = sentiment._vader_valences(analyzer, text)
        assert analyzer.score_valence(valences, converted) == reference.polarity_scores(text)


def test_score_texts_keeps_series_index_and_rejects_non_strings():
    texts = pd.Series(["good", "bad"], index=[10, 20])
    assert sentiment.score_texts(texts).index.tolist() == [10, 20]
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        sentiment.score_texts(["fine", None])


# ---------------------------------------------------------------------------- dictionaries, hand-counted

FIXTURES = Path(__file__).parent / "fixtures" / "sentiment"


@pytest.mark.parametrize(
    "name, text, n_tokens, n_pos, n_neg, values",
    [
        # peace talks +1.5; "not a success" negated: 1.5 * -0.74; sanctions -1.5
        ("tone.yml", "The peace talks were not a success, and sanctions stay.", 10, 1, 2, [1.5, -1.11, -1.5]),
        # weights 2 and -2 rescaled by 4 / 2
        ("tone.csv", "Good news: bad actors lost.", 5, 1, 1, [4.0, -4.0]),
        # LIWC posemo/negemo; the 'function' category is not sentiment and is ignored
        ("tone.dic", "The threat faded and hope returned, happily.", 7, 2, 1, [-1.5, 1.5, 1.5]),
        # Lexicoder: "not good" counts negative, "not bad" positive, the inner good/bad are dropped
        ("tone.lc3", "It is not good, but not bad either.", 8, 1, 1, [-1.5, 1.5]),
    ],
)
def test_dictionary_formats_score_as_counted_by_hand(name, text, n_tokens, n_pos, n_neg, values):
    row = sentiment.score_texts([text], lexicon=FIXTURES / name, details=True).iloc[0]
    total = sum(values)
    pos_mass, neg_mass = sum(v for v in values if v > 0), -sum(v for v in values if v < 0)
    covered = sum(len(ct.tokenize(w)) for w in _driver_words(FIXTURES / name, text))
    neutral = n_tokens - covered
    mass = pos_mass + neg_mass + neutral
    assert (row["n_tokens"], row["n_pos"], row["n_neg"]) == (n_tokens, n_pos, n_neg)
    assert row["log_ratio"] == pytest.approx(math.log((n_pos + 0.5) / (n_neg + 0.5)))
    assert row["net"] == pytest.approx((n_pos - n_neg) / n_tokens)
    assert row["compound"] == pytest.approx(total / math.sqrt(total**2 + 15))
    assert (row["pos"], row["neg"], row["neu"]) == pytest.approx((pos_mass / mass, neg_mass / mass, neutral / mass))


def _driver_words(lexicon, text):
    drivers = sentiment.count_drivers(pd.DataFrame({"doc_id": ["a"], "text": [text]}), lexicon=lexicon)
    return [w for w, n in zip(drivers["word"], drivers["count"]) for _ in range(n)]


def test_lexicoder_phrases_replace_the_words_they_contain():
    drivers = sentiment.count_drivers(
        pd.DataFrame({"doc_id": ["a"], "text": ["It is not good, but not bad either."]}), lexicon=FIXTURES / "tone.lc3"
    )
    assert dict(zip(drivers["word"], drivers["contribution"])) == {"not bad": 1.5, "not good": -1.5}


@pytest.mark.parametrize(
    "text, sign",
    [
        ("The deal is good.", 1),
        ("The deal is not good.", -1),  # negator within 3 words flips
        ("The deal is never really good.", -1),
        ("No, the deal is good.", 1),  # a clause break ends the negator's scope
        ("Peace talks went well.", 1),  # multi-word entry
        ("There were no peace talks.", -1),
    ],
)
def test_negation_and_multiword_entries(text, sign):
    compound = sentiment.score_texts([text], lexicon=FIXTURES / "tone.yml")["compound"].iloc[0]
    assert np.sign(compound) == sign


def test_dictionary_without_polarity_is_refused_with_a_remedy(tmp_path):
    path = tmp_path / "frames.yml"
    path.write_text("categories:\n  security: [troops]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="positive/negative"):
        sentiment.read_lexicon(path)


# ---------------------------------------------------------------------------- shipped word lists


AFINN_TEXTS = [
    "The plan does not work.",  # the AFINN phrase "does not work" (-3), not a negated "work"
    "Leaders praised the brave soldiers and mourned the dead.",
    "A terrible, horrible, very bad day for the cool stuff.",  # "cool stuff" is an AFINN phrase (3)
    "Talks collapsed amid anger and distrust.",
]


@pytest.mark.parametrize("text", AFINN_TEXTS)
def test_afinn_sum_equals_the_afinn_package(text):
    """Without negators the summed hit values are AFINN's own score, rescaled by 4/5."""
    from afinn import Afinn

    expected = Afinn(emoticons=False).score(text) * 0.8
    drivers = sentiment.count_drivers(pd.DataFrame({"doc_id": ["a"], "text": [text]}), lexicon="afinn")
    assert drivers["contribution"].sum() == pytest.approx(expected)
    compound = sentiment.score_texts([text], lexicon="afinn")["compound"].iloc[0]
    assert compound == pytest.approx(expected / math.sqrt(expected**2 + 15))


@pytest.mark.parametrize("word", ["good", "terrible", "happy", "ridiculous"])
def test_pattern_word_polarity_equals_textblob(word):
    """A single adjective's polarity in TextBlob's own analyzer is the lexicon's averaged weight."""
    from textblob import TextBlob

    polarity = TextBlob(word).sentiment.polarity
    s = 4 * polarity  # Pattern's -1..1 put on VADER's -4..4
    compound = sentiment.score_texts([word], lexicon="pattern")["compound"].iloc[0]
    assert compound == pytest.approx(s / math.sqrt(s * s + 15))


# ---------------------------------------------------------------------------- overrides and drivers


def test_overrides_neutralise_a_word_and_show_the_effect():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Peace talks began. Troops wait.", "War returned."]})
    effect = sentiment.compare_overrides(corpus, overrides={"peace": None}, lexicons=["vader", "afinn"])
    a = effect.set_index(["doc_id", "lexicon"])
    assert a.loc[("a", "vader"), "compound_before"] == pytest.approx(
        (0.5423 + 0.0) / 2
    )  # reference: "Peace talks began."
    assert a.loc[("a", "vader"), "compound_after"] == 0.0
    assert a.loc[("a", "vader"), "n_sentences_changed"] == 1
    assert a.loc[("b", "vader"), "change"] == 0.0
    assert a.loc[("a", "afinn"), "compound_after"] == 0.0
    drivers = sentiment.count_drivers(corpus, overrides={"peace": None})
    assert "peace" not in set(drivers["word"])
    reweighted = sentiment.score_texts(["peace"], overrides={"peace": -2.0})["compound"].iloc[0]
    assert reweighted == pytest.approx(-2 / math.sqrt(4 + 15), abs=1e-4)


def test_seed_drivers_show_domain_words(seed_sentences):
    drivers = sentiment.count_drivers(seed_sentences, by="doc_id", top_n=10)
    assert {"peace", "security"} <= set(drivers["word"])
    assert (drivers.groupby("group").size() <= 10).all()


# ---------------------------------------------------------------------------- aggregation and uncertainty


@pytest.fixture(scope="module")
def fixture_corpus():
    return ct.load_corpus(FIXTURES / "corpus", metadata=FIXTURES / "metadata.csv")


@pytest.fixture(scope="module")
def fixture_scores(fixture_corpus):
    return sentiment.score_sentences(fixture_corpus, lexicons=["vader", "afinn", "pattern"])


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


def test_group_bootstrap_is_reproducible_and_matches_scipy(fixture_corpus, seed_sentences):
    scores = sentiment.score_sentences(seed_sentences, lexicons=["vader"])
    scores["outlet"] = np.where(scores["doc_id"].str[:3] < "002", "A", "B")
    first = sentiment.score_groups(scores, by="outlet", n_boot=5000, seed=7)
    again = sentiment.score_groups(scores, by="outlet", n_boot=5000, seed=7)
    other = sentiment.score_groups(scores, by="outlet", n_boot=5000, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not first["ci_low"].equals(other["ci_low"])
    for row in first.itertuples():
        x = scores.loc[scores["outlet"] == row.group, "compound"].to_numpy()
        assert row.estimate == pytest.approx(x.mean())
        ref = sps.bootstrap((x,), np.mean, n_resamples=20000, method="percentile", random_state=1).confidence_interval
        assert row.ci_low == pytest.approx(ref.low, abs=0.02)
        assert row.ci_high == pytest.approx(ref.high, abs=0.02)


def test_compare_groups_against_an_independent_computation(fixture_corpus, fixture_scores):
    table = sentiment.compare_groups(fixture_scores, by="outlet", corpus=fixture_corpus, n_boot=500, seed=1)
    row = table[table["lexicon"] == "vader"].iloc[0]
    vader = fixture_scores[fixture_scores["lexicon"] == "vader"]
    outlet = vader["doc_id"].map(fixture_corpus.set_index("doc_id")["outlet"])
    a = vader.loc[outlet == row["group_a"], "compound"].to_numpy()
    b = vader.loc[outlet == row["group_b"], "compound"].to_numpy()
    assert row["diff"] == pytest.approx(a.mean() - b.mean())
    pairs = [np.sign(x - y) for x in a for y in b]
    assert row["cliffs_delta"] == pytest.approx(sum(pairs) / len(pairs))
    assert row["diff_ci_low"] <= row["diff"] <= row["diff_ci_high"]


def test_arcs_average_sentences_by_relative_position():
    s = pd.DataFrame(
        {
            "doc_id": "a",
            "lexicon": "vader",
            "position": [0, 0.2, 0.5, 0.8, 1.0],
            "compound": [0.5, 0.1, -0.2, -0.4, 0.0],
        }
    )
    arcs = sentiment.score_arcs(s, n_bins=2)
    assert arcs["n_sentences"].tolist() == [2, 3]
    assert arcs["compound"].tolist() == pytest.approx([0.3, (-0.2 - 0.4 + 0.0) / 3])


def test_lexicon_agreement_is_spearman_per_document(fixture_scores):
    table = sentiment.compare_lexicons(fixture_scores)
    wide = fixture_scores.pivot_table(index=["doc_id", "sent_id"], columns="lexicon", values="compound")
    expected = wide.loc["courier_02"][["vader", "afinn"]].corr(method="spearman").iloc[0, 1]
    row = table[(table["group"] == "courier_02") & (table["lexicon_a"] == "vader") & (table["lexicon_b"] == "afinn")]
    assert row["spearman"].iloc[0] == pytest.approx(expected)
    assert set(table["group"]) == {"all", "courier_01", "courier_02", "ledger_01", "ledger_02"}


# ---------------------------------------------------------------------------- actors


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
    table = sentiment.score_actors(actor_scores, by="outlet", corpus=fixture_corpus, n_boot=300, seed=3)
    row = table[(table["lexicon"] == "vader") & (table["actor"] == "Russia") & (table["group"] == "Daily Ledger")].iloc[
        0
    ]
    assert row["n"] == 4
    assert row["estimate"] == pytest.approx(russia.loc[russia["doc_id"].str.startswith("ledger"), "compound"].mean())
    assert row["ci_low"] <= row["estimate"] <= row["ci_high"]


# ---------------------------------------------------------------------------- the notebook

# Rated sentences written for this test, in the layout of VADER's ground-truth files.
RATED = [
    ("1_1", 2.5, "The new bridge is a wonderful gift to the town."),
    ("1_2", -3.0, "The attack was a horrible crime against civilians."),
    ("1_3", 0.1, "The committee meets on Thursday."),
    ("1_4", 1.5, "Negotiators were hopeful after a calm and useful meeting."),
    ("1_5", -1.5, "Critics called the plan weak and dangerous."),
    ("1_6", -0.2, "The minister did not comment on the report."),
]


def test_notebook_runs_on_the_fixture_corpus(tmp_path, fixture_corpus, reference):
    from corpus_tools.config import NOTEBOOKS_DIR
    from corpus_tools.runner.execute import execute_notebook

    eval_dir = tmp_path / "eval"
    (eval_dir / "vader_groundtruth").mkdir(parents=True)
    lines = [f"{i}\t{r}\t{t}" for i, r, t in RATED]
    (eval_dir / "vader_groundtruth" / "nytEditorialSnippets_GroundTruth.txt").write_text(
        "\r\n".join(lines), encoding="utf-8"
    )
    out = tmp_path / "report"
    params = {
        "corpus": str(FIXTURES / "corpus"),
        "metadata": str(FIXTURES / "metadata.csv"),
        "output_dir": str(out),
        "group_by": "outlet",
        "n_boot": 300,
        "eval_dir": str(eval_dir),
    }
    execute_notebook(NOTEBOOKS_DIR / "sentiment.ipynb", out, params)
    tables = out / "tables"
    sentences = ct.split_sentences(fixture_corpus)
    sentences["compound"] = [reference.polarity_scores(t)["compound"] for t in sentences["text"]]
    sentences["outlet"] = sentences["doc_id"].map(fixture_corpus.set_index("doc_id")["outlet"])

    documents = pd.read_csv(tables / "sentiment_documents.csv")
    assert len(documents) == 4 * 3 and set(documents["lexicon"]) == {"vader", "afinn", "pattern"}
    vader_docs = documents[documents["lexicon"] == "vader"].set_index("doc_id")["compound"]
    pd.testing.assert_series_equal(
        vader_docs.sort_index(), sentences.groupby("doc_id")["compound"].mean(), check_names=False, atol=1e-6
    )

    groups = pd.read_csv(tables / "sentiment_groups.csv")
    vader_groups = groups[groups["lexicon"] == "vader"].set_index("group")
    assert set(vader_groups.index) == {"Daily Ledger", "Evening Courier"}
    for group, x in sentences.groupby("outlet")["compound"]:
        assert vader_groups.loc[group, "estimate"] == pytest.approx(x.mean(), abs=1e-6)
        assert vader_groups.loc[group, "ci_low"] < x.mean() < vader_groups.loc[group, "ci_high"]
    assert len(pd.read_csv(tables / "sentiment_group_contrasts.csv")) == 3  # one pair per lexicon

    actors = pd.read_csv(tables / "sentiment_actors_by_document.csv")
    russia = actors[(actors["lexicon"] == "vader") & (actors["actor"] == "Russia")].set_index("group")
    assert russia.loc["ledger_02", "n"] == 2
    examples = pd.read_csv(tables / "sentiment_actor_examples.csv")
    texts = fixture_corpus.set_index("doc_id")["text"]
    assert all(texts[r.doc_id][r.start : r.end] == r.text for r in examples.itertuples())

    validity = pd.read_csv(tables / "sentiment_validity.csv").set_index("lexicon")
    compounds = [reference.polarity_scores(t)["compound"] for _, _, t in RATED]
    expected_r = sps.pearsonr(compounds, [r for _, r, _ in RATED]).statistic
    assert validity.loc["vader", "n"] == len(RATED)
    assert validity.loc["vader", "pearson_r"] == pytest.approx(expected_r, abs=1e-6)

    for name in ("sentiment_drivers", "sentiment_lexicon_agreement", "sentiment_arcs", "sentiment_overrides"):
        assert len(pd.read_csv(tables / f"{name}.csv")) > 0, name
    for name in ("sentiment_groups", "sentiment_arcs", "sentiment_actors", "sentiment_drivers"):
        assert (out / "figures" / f"{name}.png").exists(), name


def test_docstring_examples_run():
    import doctest

    import matplotlib

    matplotlib.use("Agg")
    result = doctest.testmod(sentiment, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 15 and result.failed == 0


def test_unknown_lexicon_names_the_choices():
    with pytest.raises(DictionaryError, match="built-in lexicons: vader, afinn, pattern"):
        sentiment.read_lexicon("vadr")


@pytest.mark.parametrize(
    ("lexicon", "content", "message"),
    [
        (
            "vadr",
            None,
            r"unknown lexicon 'vadr': built-in lexicons: vader, afinn, pattern; .*no shipped dictionary named 'vadr'",
        ),
        ("missing.csv", None, r"missing\.csv: no such dictionary file"),
        (
            "tone.csv",
            "term,category,weight\ngood,pos,1\nbad,neg,lots\n",
            r"tone\.csv:3: weight 'lots' of pattern 'bad' is not a number; write e\.g\. -2",
        ),
        (
            "tone.csv",
            "term,category,weight\ngood,pos,1,2\n",
            r"tone\.csv:2: expected term,category,weight \(3 fields\), found 4",
        ),
        (
            "topics.csv",
            "term,category\ntroops,security\n",
            r"topics\.csv: a sentiment dictionary needs weights or a category named positive/negative.*Rename the categories",
        ),
    ],
)
def test_bad_lexicons_name_the_file_line_and_fix(tmp_path, lexicon, content, message):
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Good talks."]})
    if content is not None:
        (tmp_path / lexicon).write_text(content, encoding="utf-8")
    source = lexicon if lexicon == "vadr" else str(tmp_path / lexicon)
    with pytest.raises(DictionaryError, match=message):
        sentiment.score_sentences(corpus, lexicons=["vader", source])


def test_empty_texts_score_zero_and_documents_without_actors_give_empty_tables():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["The weather is mild today."]})
    scores = sentiment.score_sentences(corpus, lexicons=["vader", "afinn"])
    assert sentiment.score_texts([""], lexicon="afinn").iloc[0].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert sentiment.score_texts([""]).iloc[0].tolist() == [0.0, 0.0, 0.0, 0.0]
    actor_scores = sentiment.score_actor_sentences(scores)
    assert actor_scores.empty and sentiment.score_actors(actor_scores).empty
    assert sentiment.select_examples(actor_scores).empty
    assert sentiment.compare_groups(scores, by="doc_id", n_boot=50).empty  # one group: no pairs


def test_plots_name_documents_by_the_labels_given():
    import matplotlib.pyplot as plt

    labels = {"d1": "Talks begin", "d2": "Allies meet"}
    groups = pd.DataFrame(
        {
            "lexicon": "vader",
            "group": ["d1", "d2", "d3"],
            "estimate": [0.1, -0.2, 0],
            "ci_low": [0, -0.3, -0.1],
            "ci_high": [0.2, -0.1, 0.1],
        }
    )
    ax = sentiment.plot_groups(groups, labels=labels).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Talks begin", "Allies meet", "d3"]  # unlabelled: its value
    arcs = pd.DataFrame(
        {
            "lexicon": "vader",
            "doc_id": ["d1", "d1", "d2", "d2"],
            "segment": [0, 1] * 2,
            "position": [0.25, 0.75] * 2,
            "n_sentences": 1,
            "compound": [0.1, -0.1, 0.2, 0],
        }
    )
    legend = sentiment.plot_arcs(arcs, labels=labels).axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()][:2] == ["Talks begin", "Allies meet"]
    actors = pd.DataFrame(
        {
            "lexicon": "vader",
            "actor": ["NATO", "NATO"],
            "group": ["d1", "d2"],
            "n": [2, 1],
            "estimate": [0.3, -0.4],
            "ci_low": [0.1, -0.4],
            "ci_high": [0.5, -0.4],
        }
    )
    ax = sentiment.plot_actor_heatmap(actors, labels=labels).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Talks begin", "Allies meet"]
    plt.close("all")


def test_actor_heatmap_of_many_documents_stays_readable():
    import matplotlib.pyplot as plt

    groups = [f"doc{i:02d}" for i in range(40)]
    actors = pd.DataFrame(
        {"lexicon": "vader", "actor": "NATO", "group": groups, "n": 2, "estimate": 0.3, "ci_low": 0.1, "ci_high": 0.5}
    )
    fig = sentiment.plot_actor_heatmap(actors)
    assert fig.get_size_inches()[0] < 20 and not fig.axes[0].texts  # narrow columns, colour only
    fig = sentiment.plot_actor_heatmap(actors.head(5))
    assert len(fig.axes[0].texts) == 5  # few documents: every cell carries its mean and n
    plt.close("all")


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
