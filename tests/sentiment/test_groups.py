"""Group summaries and contrasts, arcs and lexicon agreement, checked against independent computations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools import sentiment
from corpus_tools.groups import MISSING_GROUP, GroupWarning


def test_group_bootstrap_is_reproducible_and_matches_scipy(fixture_corpus, seed_sentences):
    """The sentence-level description: sentences resampled, as scipy resamples one sample."""
    scores = sentiment.score_sentences(seed_sentences, lexicons=["vader"])
    scores["outlet"] = np.where(scores["doc_id"].str[:3] < "002", "A", "B")
    first = sentiment.summarize_groups(scores, by="outlet", n_boot=5000, seed=7, unit="sentence")
    again = sentiment.summarize_groups(scores, by="outlet", n_boot=5000, seed=7, unit="sentence")
    other = sentiment.summarize_groups(scores, by="outlet", n_boot=5000, seed=8, unit="sentence")
    pd.testing.assert_frame_equal(first, again)
    assert (first["unit"] == "sentence (descriptive)").all() and (first["note"] == "").all()
    assert not first["ci_low"].equals(other["ci_low"])
    for row in first.itertuples():
        x = scores.loc[scores["outlet"] == row.group, "compound"].to_numpy()
        assert row.estimate == pytest.approx(x.mean())
        ref = sps.bootstrap((x,), np.mean, n_resamples=20000, method="percentile", random_state=1).confidence_interval
        assert row.ci_low == pytest.approx(ref.low, abs=0.02)
        assert row.ci_high == pytest.approx(ref.high, abs=0.02)


def test_article_level_groups_resample_articles_and_need_three(fixture_corpus, seed_sentences):
    """Default unit: articles. The interval is the cluster bootstrap of the group's mean sentence
    compound (checked against a hand-written resampling of articles); a group of fewer than 3
    articles keeps its estimate, has no interval, and says why."""
    scores = sentiment.score_sentences(seed_sentences, lexicons=["vader"])
    docs = sorted(scores["doc_id"].unique())
    scores["outlet"] = np.where(scores["doc_id"].isin(docs[:3]), "A", "B")
    table = sentiment.summarize_groups(scores, by="outlet", n_boot=4000, seed=2).set_index("group")
    assert table["unit"].tolist() == ["article", "article"] and table["n_docs"].tolist() == [3, len(docs) - 3]
    part = scores[scores["outlet"] == "A"]
    sums, counts = part.groupby("doc_id")["compound"].sum(), part.groupby("doc_id").size()
    rng = np.random.default_rng(0)
    idx = rng.integers(0, 3, size=(4000, 3))
    boot = sums.to_numpy()[idx].sum(axis=1) / counts.to_numpy()[idx].sum(axis=1)
    assert table.loc["A", "estimate"] == pytest.approx(part["compound"].mean())
    assert table.loc["A", "ci_low"] == pytest.approx(np.quantile(boot, 0.025), abs=0.02)
    assert table.loc["A", "ci_high"] == pytest.approx(np.quantile(boot, 0.975), abs=0.02)
    assert table.loc["A", "note"] == ""
    assert np.isnan(table.loc["B", "ci_low"]) and "'B' has 2 articles (fewer than 3)" in table.loc["B", "note"]


def test_compare_groups_against_an_independent_computation(fixture_corpus, fixture_scores):
    """The sentence-level description compares sentences; the article level compares article means."""
    table = sentiment.compare_groups(
        fixture_scores, by="outlet", corpus=fixture_corpus, n_boot=500, seed=1, unit="sentence"
    )
    row = table[table["lexicon"] == "vader"].iloc[0]
    vader = fixture_scores[fixture_scores["lexicon"] == "vader"]
    outlet = vader["doc_id"].map(fixture_corpus.set_index("doc_id")["outlet"])
    a = vader.loc[outlet == row["group_a"], "compound"].to_numpy()
    b = vader.loc[outlet == row["group_b"], "compound"].to_numpy()
    assert row["diff"] == pytest.approx(a.mean() - b.mean())
    pairs = [np.sign(x - y) for x in a for y in b]
    assert row["cliffs_delta"] == pytest.approx(sum(pairs) / len(pairs))
    assert row["diff_ci_low"] <= row["diff"] <= row["diff_ci_high"]
    assert row["unit"] == "sentence (descriptive)" and (row["n_docs_a"], row["n_docs_b"]) == (2, 2)
    article = sentiment.compare_groups(fixture_scores, by="outlet", corpus=fixture_corpus, n_boot=500, seed=1)
    arow = article[article["lexicon"] == "vader"].iloc[0]
    means = vader.groupby("doc_id")["compound"].mean()
    ma, mb = (
        means[outlet.groupby(vader["doc_id"]).first() == row["group_a"]],
        means[outlet.groupby(vader["doc_id"]).first() == row["group_b"]],
    )
    assert arow["diff"] == pytest.approx(row["diff"]) and arow["unit"] == "article"
    assert arow["cliffs_delta"] == pytest.approx(np.mean([np.sign(x - y) for x in ma for y in mb]))
    # two articles per outlet: no interval, no p-value, and the note says why
    assert np.isnan(arow["diff_ci_low"]) and np.isnan(arow["p_value"]) and "fewer than 3" in arow["note"]


def test_arcs_average_sentences_by_relative_position():
    s = pd.DataFrame(
        {
            "doc_id": "a",
            "lexicon": "vader",
            "position": [0, 0.2, 0.5, 0.8, 1.0],
            "compound": [0.5, 0.1, -0.2, -0.4, 0.0],
        }
    )
    arcs = sentiment.summarize_arcs(s, n_bins=2)
    assert arcs["n_sentences"].tolist() == [2, 3]
    assert arcs["compound"].tolist() == pytest.approx([0.3, (-0.2 - 0.4 + 0.0) / 3])


def test_lexicon_agreement_is_spearman_per_document(fixture_scores):
    table = sentiment.compare_lexicons(fixture_scores)
    wide = fixture_scores.pivot_table(index=["doc_id", "sent_id"], columns="lexicon", values="compound")
    expected = wide.loc["courier_02"][["vader", "afinn"]].corr(method="spearman").iloc[0, 1]
    row = table[(table["group"] == "courier_02") & (table["lexicon_a"] == "vader") & (table["lexicon_b"] == "afinn")]
    assert row["spearman"].iloc[0] == pytest.approx(expected)
    assert set(table["group"]) == {"all", "courier_01", "courier_02", "ledger_01", "ledger_02"}


def test_lexicon_agreement_equals_scipy_in_every_group_with_ties_and_constants():
    import numpy as np
    import scipy.stats as sps

    rng = np.random.default_rng(3)
    sizes = [1, 2, 3, 5, 8, 40, 40]
    rows = []
    for d, size in enumerate(sizes):
        for lexicon in ("x", "y", "z"):
            values = rng.choice([-0.5, 0.0, 0.25, 0.5], size) if lexicon != "z" or d != 5 else np.zeros(size)
            rows += [(f"d{d}", i, lexicon, float(v)) for i, v in enumerate(values)]
    scores = pd.DataFrame(rows, columns=["doc_id", "sent_id", "lexicon", "compound"])
    table = sentiment.compare_lexicons(scores)
    assert len(table) == 3 * (len(sizes) + 1) and table["group"].iloc[-1] == "all"
    wide = scores.pivot_table(index=["doc_id", "sent_id"], columns="lexicon", values="compound")
    for row in table.itertuples():
        part = wide if row.group == "all" else wide.loc[row.group]
        a, b = part[row.lexicon_a], part[row.lexicon_b]
        assert row.n_sentences == len(part)
        if len(part) < 3 or a.nunique() < 2 or b.nunique() < 2:
            assert np.isnan(row.spearman) and np.isnan(row.p_value)
        else:
            rho, p = sps.spearmanr(a, b)
            assert row.spearman == pytest.approx(rho, abs=1e-12) and row.p_value == pytest.approx(p, rel=1e-9)


# ---------------------------------------------------------------------------- a document without a group value


@pytest.fixture(scope="module")
def corpus_without_outlet(fixture_corpus):
    """The fixture corpus with courier_02's outlet missing."""
    docs = fixture_corpus.copy()
    docs["outlet"] = docs["outlet"].where(docs["doc_id"] != "courier_02", None)
    return docs


def test_a_document_without_a_group_value_is_in_the_missing_group_everywhere(corpus_without_outlet, fixture_scores):
    """Every function of the stage that takes by= keeps the document, in the group "(missing)", and warns."""
    docs = corpus_without_outlet
    grouped = {"by": "outlet", "corpus": docs}
    n_courier_02 = int(((fixture_scores["doc_id"] == "courier_02") & (fixture_scores["lexicon"] == "vader")).sum())
    assert n_courier_02 > 0

    with pytest.warns(GroupWarning, match=r"courier_02"):
        documents = sentiment.score_documents(fixture_scores, **grouped)
    assert documents.set_index(["doc_id", "lexicon"]).loc[("courier_02", "vader"), "group"] == MISSING_GROUP
    assert set(documents["group"]) == {"Daily Ledger", "Evening Courier", MISSING_GROUP}

    with pytest.warns(GroupWarning, match=r"courier_02"):
        summary = sentiment.summarize_groups(fixture_scores, n_boot=50, **grouped)
    missing = summary[(summary["lexicon"] == "vader") & (summary["group"] == MISSING_GROUP)].iloc[0]
    assert (missing["n"], missing["n_docs"]) == (n_courier_02, 1)
    vader = fixture_scores[fixture_scores["lexicon"] == "vader"]
    assert missing["estimate"] == pytest.approx(vader.loc[vader["doc_id"] == "courier_02", "compound"].mean())

    with pytest.warns(GroupWarning, match=r"courier_02"):
        contrasts = sentiment.compare_groups(fixture_scores, n_boot=50, **grouped)
    pairs = contrasts[contrasts["lexicon"] == "vader"]
    assert len(pairs) == 3 and MISSING_GROUP in set(pairs["group_a"]) | set(pairs["group_b"])

    with pytest.warns(GroupWarning, match=r"courier_02"):
        agreement = sentiment.compare_lexicons(fixture_scores, **grouped)
    assert set(agreement["group"]) == {"Daily Ledger", "Evening Courier", MISSING_GROUP, "all"}
    row = agreement[(agreement["group"] == MISSING_GROUP) & (agreement["lexicon_a"] == "vader")].iloc[0]
    assert row["n_sentences"] == n_courier_02

    with pytest.warns(GroupWarning, match=r"courier_02"):
        drivers = sentiment.count_drivers(fixture_scores, **grouped)
    assert MISSING_GROUP in set(drivers["group"])

    actor_scores = sentiment.score_actor_sentences(fixture_scores)
    with pytest.warns(GroupWarning, match=r"courier_02"):
        actors = sentiment.summarize_actors(actor_scores, n_boot=50, **grouped)
    russia = actors[(actors["lexicon"] == "vader") & (actors["actor"] == "Russia")].set_index("group")
    assert russia.loc[MISSING_GROUP, "n"] == 1  # "Russian officials complained ..."
    assert russia.loc["Daily Ledger", "n"] == 4


@pytest.mark.parametrize(("cluster", "unit"), [("doc_id", "article"), (None, "sentence")])
def test_the_old_cluster_keyword_warns_and_is_the_unit(fixture_corpus, fixture_scores, cluster, unit):
    options = {"by": "outlet", "corpus": fixture_corpus, "n_boot": 200}
    for function in (sentiment.summarize_groups, sentiment.compare_groups):
        with pytest.warns(DeprecationWarning, match=r"cluster=\.\.\.\) is replaced by unit="):
            old = function(fixture_scores, cluster=cluster, **options)
        pd.testing.assert_frame_equal(old, function(fixture_scores, unit=unit, **options))
