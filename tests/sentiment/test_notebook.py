"""The sentiment notebook runs on the fixture corpus and writes the tables and figures it promises."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from scipy import stats as sps

import corpus_tools as ct

FIXTURES = Path(__file__).parents[1] / "fixtures" / "sentiment"


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
        "actors": "ukraine_security",
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
        # two articles per outlet: no interval at the article level, and the note says why
        assert pd.isna(vader_groups.loc[group, "ci_low"]) and "fewer than 3" in vader_groups.loc[group, "note"]
    described = pd.read_csv(tables / "sentiment_groups_sentences.csv")
    described = described[described["lexicon"] == "vader"].set_index("group")
    assert (described["unit"] == "sentence (descriptive)").all()
    for group, x in sentences.groupby("outlet")["compound"]:
        assert described.loc[group, "ci_low"] < x.mean() < described.loc[group, "ci_high"]
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
