"""Article-level keyness (compare_term_rates) checked against a by-hand computation with scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools import keywords as kw
from corpus_tools.stats import adjust_p

TEXTS = {
    # group x: "market" in every article; group y: "match" in every article; "said" everywhere
    "x1": ("x", "market shares said market"),
    "x2": ("x", "market said profits"),
    "x3": ("x", "market market market said goal"),
    "x4": ("x", "shares said profits"),
    "y1": ("y", "match goal said"),
    "y2": ("y", "match match said coach"),
    "y3": ("y", "match said goal goal"),
    "y4": ("y", "coach said market"),
}


@pytest.fixture(scope="module")
def docs():
    return pd.DataFrame(
        {"doc_id": list(TEXTS), "side": [g for g, _ in TEXTS.values()], "text": [t for _, t in TEXTS.values()]}
    )


def _by_hand(docs: pd.DataFrame, target: str, test: str) -> pd.DataFrame:
    """Per-article rates per 10,000 words (every word counts here: no stop words, no short words)."""
    words = docs["text"].str.split()
    terms = sorted({w for ws in words for w in ws})
    rates = pd.DataFrame([[10_000 * ws.count(t) / len(ws) for t in terms] for ws in words], columns=terms)
    x, y = rates[(docs["side"] == target).to_numpy()], rates[(docs["side"] != target).to_numpy()]
    if test == "welch":
        p = sps.ttest_ind(x, y, equal_var=False).pvalue
    else:
        p = [sps.mannwhitneyu(x[t], y[t], alternative="two-sided").pvalue for t in terms]
    return pd.DataFrame(
        {"term": terms, "rate_target": x.mean().to_numpy(), "rate_reference": y.mean().to_numpy(), "p_value": p}
    )


@pytest.mark.parametrize("test", ["welch", "mannwhitney"])
def test_rates_and_p_values_match_a_by_hand_computation(docs, test):
    options = {"stopwords": None, "min_length": 1}
    table = kw.compare_term_rates(docs, by="side", targets=["x"], test=test, p_adjust="holm", count_options=options)
    expected = _by_hand(docs, "x", test).set_index("term")
    got = table.set_index("term")
    assert sorted(got.index) == sorted(expected.index)
    assert got["rate_target"].to_numpy() == pytest.approx(expected.loc[got.index, "rate_target"].to_numpy())
    assert got["rate_reference"].to_numpy() == pytest.approx(expected.loc[got.index, "rate_reference"].to_numpy())
    assert np.allclose(got["p_value"], expected.loc[got.index, "p_value"], equal_nan=True)
    assert np.allclose(got["p_adjusted"], adjust_p(got["p_value"].to_numpy(), method="holm"), equal_nan=True)
    assert (got["n_articles_target"] == 4).all() and (got["n_articles_reference"] == 4).all()
    assert (got["unit"] == "article").all() and (got["note"] == "").all()
    # "said" has the same rate spread on both sides: no difference
    assert got.loc["market", "rate_diff"] > 0 > got.loc["match", "rate_diff"]


def test_the_article_test_is_not_fooled_by_one_article_repeating_a_term():
    """Token-level G2 calls a term key when one article repeats it; the article-level test does not."""
    texts = ["growth " * 30 + "report"] + ["report said"] * 5 + ["report said"] * 6
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)], "side": ["x"] * 6 + ["y"] * 6, "text": texts})
    keyness = kw.score_keyness(docs, by="side", target="x").set_index("term")
    rates = kw.compare_term_rates(docs, by="side", targets=["x"]).set_index("term")
    assert keyness.loc["growth", "p_adjusted"] < 1e-4
    assert rates.loc["growth", "p_value"] > 0.3


@pytest.mark.parametrize(
    ("sizes", "tested"),
    [((3, 3), True), ((2, 5), False), ((5, 2), False), ((1, 1), False)],
)
def test_a_side_with_fewer_than_three_articles_has_rates_but_no_test(sizes, tested):
    n = sum(sizes)
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "side": ["x"] * sizes[0] + ["y"] * sizes[1],
            "text": [f"alpha beta {'gamma ' * (i % 3)}" for i in range(n)],
        }
    )
    table = kw.compare_term_rates(docs, by="side", targets=["x"])
    assert table["p_value"].notna().any() == tested
    assert table["rate_target"].notna().all()
    assert (table["note"] == "").all() == tested
    if not tested:
        assert table["note"].iloc[0] == (
            f"{sizes[0]} target and {sizes[1]} reference articles (each side needs 3): rates only, no test"
        )


def test_external_reference_and_keep_and_attach(docs):
    external = kw.compare_term_rates(docs, by="side", targets=["x"], reference={"market": 3})
    assert external["note"].tolist() == ["external frequency list: no articles to test"]
    full = kw.compare_term_rates(docs, by="side")
    keyness = kw.compare_keyness(docs, by="side", top_n=1)
    kept = kw.compare_term_rates(docs, by="side", keep=keyness)
    assert len(kept) == len(keyness) < len(full)
    # the adjustment counts every tested term, not only the rows kept
    merged = kept.merge(full, on=["group", "term"], suffixes=("", "_full"))
    assert np.allclose(merged["p_adjusted"], merged["p_adjusted_full"], equal_nan=True)
    attached = kw.attach_term_rates(keyness, kept)
    assert attached[["group", "term"]].equals(keyness[["group", "term"]])
    assert np.allclose(
        attached["article_p_value"],
        merged.set_index(["group", "term"]).loc[list(zip(keyness["group"], keyness["term"])), "p_value"],
        equal_nan=True,
    )


def test_errors(docs):
    with pytest.raises(ValueError, match="unknown test 'ttest'"):
        kw.compare_term_rates(docs, by="side", test="ttest")
    with pytest.raises(ValueError, match=r"group\(s\) \['z'\] not found in column 'side'"):
        kw.compare_term_rates(docs, by="side", targets=["z"])
