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


def _random_sparse(rng, rows: int, cols: int, density: float):
    """Random sparse rates with the awkward columns: all zero, one stored value, one constant value
    on every row, and constant on one side only."""
    from scipy import sparse

    dense = sparse.random(rows, cols, density=density, random_state=rng, format="csr").toarray() * 500
    dense[:, 0] = 0.0  # no spread on either side, equal means: NaN
    dense[:, 1] = 0.0
    dense[rows // 2, 1] = 7.0  # a single stored value
    dense[:, 2] = 2.5  # constant everywhere: NaN
    dense[: rows // 2, 3] = 4.0  # constant on one side, zero on the other: t infinite, p 0
    dense[rows // 2 :, 3] = 0.0
    dense[: rows // 2, 4] = 1.0  # constant on one side only, spread on the other
    return sparse.csr_matrix(dense), dense


@pytest.mark.parametrize(
    ("rows", "cols", "density", "seed"),
    [(10, 8, 0.3, 0), (40, 30, 0.05, 1), (200, 50, 0.01, 2), (7, 12, 0.6, 3), (4, 6, 0.5, 4)],
)
def test_sparse_welch_matches_scipy_ttest_ind(rows, cols, density, seed):
    from corpus_tools.keywords.rates import _column_moments, _welch_p

    matrix, dense = _random_sparse(np.random.default_rng(seed), rows, cols, density)
    half = rows // 2
    x, y = matrix[:half], matrix[half:]
    with warnings_ignored():  # scipy warns about the constant columns
        expected = sps.ttest_ind(dense[:half], dense[half:], axis=0, equal_var=False)
    (n1, m1, v1), (n2, m2, v2) = _column_moments(x), _column_moments(y)
    assert (n1, n2) == (half, rows - half)
    np.testing.assert_allclose(m1, dense[:half].mean(axis=0), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(v2, dense[half:].var(axis=0, ddof=1), rtol=1e-12, atol=1e-12)
    got = _welch_p((n1, m1, v1), (n2, m2, v2))
    np.testing.assert_allclose(got, expected.pvalue, rtol=1e-12, atol=1e-300, equal_nan=True)
    assert np.isnan(got[[0, 2]]).all() and got[3] == 0.0 and np.isnan(expected.pvalue[[0, 2]]).all()


@pytest.mark.parametrize("sizes", [(1, 5), (5, 1), (2, 2)])
def test_sparse_welch_with_one_or_two_rows_a_side_matches_scipy(sizes):
    from scipy import sparse

    from corpus_tools.keywords.rates import _column_moments, _welch_p

    rng = np.random.default_rng(sum(sizes))
    dense = np.where(rng.random((sum(sizes), 5)) < 0.5, rng.random((sum(sizes), 5)) * 100, 0.0)
    x, y = dense[: sizes[0]], dense[sizes[0] :]
    with warnings_ignored():
        expected = sps.ttest_ind(x, y, axis=0, equal_var=False).pvalue
    got = _welch_p(_column_moments(sparse.csr_matrix(x)), _column_moments(sparse.csr_matrix(y)))
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-300, equal_nan=True)


def warnings_ignored():
    import contextlib
    import warnings

    stack = contextlib.ExitStack()
    stack.enter_context(warnings.catch_warnings())
    warnings.simplefilter("ignore")
    stack.enter_context(np.errstate(all="ignore"))
    return stack


def _previous_p_values(counts, target: str, min_count: int, test: str) -> pd.Series:
    """The previous implementation: dense article x term blocks through scipy, term by term."""
    from scipy import sparse

    totals = np.asarray(counts.matrix.sum(axis=1)).ravel().astype(float)
    has = totals > 0
    rates = (sparse.diags(np.divide(10_000.0, totals, out=np.zeros_like(totals), where=has)) @ counts.matrix).tocsr()
    groups = counts.groups.astype(str)
    t_rows, r_rows = np.flatnonzero((groups == target) & has), np.flatnonzero((groups != target) & has)
    seen = np.asarray(counts.matrix[np.flatnonzero(has)].sum(axis=0)).ravel()
    columns = np.flatnonzero(seen >= min_count)
    x, y = rates[t_rows][:, columns].toarray(), rates[r_rows][:, columns].toarray()
    with warnings_ignored():
        if test == "welch":
            p = sps.ttest_ind(x, y, axis=0, equal_var=False).pvalue
        else:
            p = sps.mannwhitneyu(x, y, axis=0, alternative="two-sided").pvalue
            p = np.where(np.ptp(np.vstack([x, y]), axis=0) == 0, np.nan, p)
    return pd.Series(p, index=counts.terms[columns])


@pytest.mark.parametrize("test", ["welch", "mannwhitney"])
def test_compare_term_rates_matches_the_previous_dense_implementation_on_a_generated_corpus(test, monkeypatch):
    from corpus_tools.keywords import rates as rates_module

    rng = np.random.default_rng(7)
    vocabulary = [f"w{i}" for i in range(300)]
    texts = [" ".join(rng.choice(vocabulary, size=rng.integers(5, 60), p=None)) for _ in range(120)]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(120)], "side": list("abc") * 40, "text": texts})
    counts = kw.count_terms(docs, by="side", stopwords=None)
    monkeypatch.setattr(rates_module, "_CELLS_PER_BLOCK", 500)  # several Mann-Whitney blocks
    table = kw.compare_term_rates(counts, min_count=2, test=test)
    for group in "abc":
        got = table[table["group"] == group].set_index("term")["p_value"]
        expected = _previous_p_values(counts, group, 2, test)
        assert list(got.index) == list(expected.index) and len(got) > 200
        np.testing.assert_allclose(got.to_numpy(), expected.to_numpy(), rtol=1e-12, atol=1e-300, equal_nan=True)
