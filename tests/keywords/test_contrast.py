"""Keyness: statistics against worked values and scipy, Fightin' Words against a term-by-term
implementation of Monroe et al. (2008), keyness tables on hand-counted fixtures."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.stats import chi2_contingency

from corpus_tools import keywords as kw
from corpus_tools.groups import GroupWarning

WORKED = [  # a, b, Nt, Nr -> G2, chi2, chi2 with Yates, log ratio (issue 4)
    (7, 2, 10, 9, 4.5349, 4.3372, 2.6324, 1.6554),
    (10, 2, 1000, 2000, 12.8349, 13.5542, 11.3893, 3.3219),
]


@pytest.mark.parametrize("a, b, nt, nr, g2, chi2, yates, log_ratio", WORKED)
def test_keyness_statistics_match_worked_values(a, b, nt, nr, g2, chi2, yates, log_ratio):
    plain = kw.score_keyness_statistics([a], [b], nt, nr).iloc[0]
    corrected = kw.score_keyness_statistics([a], [b], nt, nr, yates=True).iloc[0]
    assert plain["g2"] == pytest.approx(g2, abs=5e-5)
    assert plain["chi2"] == pytest.approx(chi2, abs=5e-5)
    assert corrected["chi2"] == pytest.approx(yates, abs=5e-5)
    assert corrected["g2"] == pytest.approx(g2, abs=5e-5), "g2 is never corrected"
    assert plain["log_ratio"] == pytest.approx(log_ratio, abs=5e-5)


def test_statistics_are_signed_towards_the_reference():
    out = kw.score_keyness_statistics([2, 7], [7, 2], 10, 9)
    assert out.loc[0, "g2"] < 0 < out.loc[1, "g2"]
    assert out.loc[0, "chi2"] < 0 and out.loc[0, "log_ratio"] < 0 and out.loc[0, "pct_diff"] < 0


def test_log_ratio_replaces_zero_counts_by_half():
    out = kw.score_keyness_statistics([4, 0], [0, 4], 100, 100)
    assert out["log_ratio"].tolist() == pytest.approx([math.log2(4 / 0.5), math.log2(0.5 / 4)])
    assert out.loc[0, "pct_diff"] == math.inf and out.loc[1, "pct_diff"] == -100.0


tables = st.tuples(st.integers(0, 500), st.integers(0, 500), st.integers(1, 5000), st.integers(1, 5000)).filter(
    lambda t: t[0] + t[1] > 0 and (t[2] + t[3] > t[0] + t[1])
)


@settings(max_examples=300, deadline=None)
@given(tables, st.booleans())
def test_keyness_statistics_match_scipy_on_random_tables(table, yates):
    a, b, extra_t, extra_r = table
    nt, nr = a + extra_t, b + extra_r
    observed = np.array([[a, b], [nt - a, nr - b]])
    out = kw.score_keyness_statistics([a], [b], nt, nr, yates=yates).iloc[0]
    g2, p, _, _ = chi2_contingency(observed, correction=False, lambda_="log-likelihood")
    chi2, _, _, _ = chi2_contingency(observed, correction=yates)
    assert abs(out["g2"]) == pytest.approx(g2, rel=1e-9, abs=1e-9)
    assert abs(out["chi2"]) == pytest.approx(chi2, rel=1e-9, abs=1e-9)
    assert out["p_value"] == pytest.approx(p, rel=1e-7, abs=1e-12)
    over = a / nt >= b / nr
    assert (out["g2"] >= 0) == over or out["g2"] == 0


def fightin_words_by_hand(target: dict, reference: dict, prior: dict) -> dict:
    """Monroe, Colaresi & Quinn (2008), eq. 16, 18-22, one word at a time."""
    a0 = sum(prior.values())
    n_t, n_r = sum(target.values()), sum(reference.values())
    out = {}
    for word, alpha in prior.items():
        y_t, y_r = target.get(word, 0), reference.get(word, 0)
        omega_t = (y_t + alpha) / (n_t + a0 - y_t - alpha)
        omega_r = (y_r + alpha) / (n_r + a0 - y_r - alpha)
        delta = math.log(omega_t) - math.log(omega_r)
        variance = 1 / (y_t + alpha) + 1 / (y_r + alpha)
        out[word] = delta / math.sqrt(variance)
    return out


def test_score_log_odds_matches_the_formula_word_by_word():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(40)]
    target = {w: int(rng.poisson(5)) for w in words}
    reference = {w: int(rng.poisson(8)) for w in words}
    prior = {w: 0.3 * (target[w] + reference[w]) + 0.01 for w in words}
    expected = fightin_words_by_hand(target, reference, prior)
    got = kw.score_log_odds([target[w] for w in words], [reference[w] for w in words], [prior[w] for w in words])
    assert got.tolist() == pytest.approx([expected[w] for w in words], rel=1e-12)


def test_keyness_log_odds_uses_whole_corpus_prior():
    docs = pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3"],
            "side": ["x", "y", "z"],
            "text": ["troops troops talks peace", "talks talks peace", "peace sanctions sanctions"],
        }
    )
    table = kw.score_keyness(docs, by="side", target="x", reference="y", prior_scale=0.5).set_index("term")
    corpus = {"troops": 2, "talks": 3, "peace": 3, "sanctions": 2}
    expected = fightin_words_by_hand(
        {"troops": 2, "talks": 1, "peace": 1}, {"talks": 2, "peace": 1}, {w: 0.5 * n for w, n in corpus.items()}
    )
    assert "sanctions" not in table.index, "terms of neither side are not listed"
    for word in ("troops", "talks", "peace"):
        assert table.loc[word, "log_odds_z"] == pytest.approx(expected[word], rel=1e-12)


def test_keyness_table_counts_ranges_and_order(outlet_docs):
    table = kw.score_keyness(outlet_docs, by="outlet", target="A", count_options={"phrases": ["reassurance force"]})
    assert list(table.columns) == kw.KEYNESS_COLUMNS
    rows = table.set_index("term")
    # hand count, stop words removed: A = troops 3, reassurance_force 1, waits 1, ceasefire 1 (6 terms)
    # B = talks 3, ceasefire 1, peace 1, reassurance_force 1 (6 terms)
    assert rows.loc["troops", ["n_target", "n_reference", "range_target", "range_reference"]].tolist() == [3, 0, 2, 0]
    assert rows.loc["talks", ["n_target", "n_reference"]].tolist() == [0, 3]
    assert (table["total_target"] == 6).all() and (table["total_reference"] == 6).all()
    assert table["g2"].is_monotonic_decreasing
    assert table.iloc[0]["term"] == "troops" and table.iloc[-1]["term"] == "talks"
    g2, _, _, _ = chi2_contingency([[3, 0], [3, 6]], correction=False, lambda_="log-likelihood")
    assert rows.loc["troops", "g2"] == pytest.approx(g2)
    assert rows.loc["talks", "g2"] == pytest.approx(-g2)


@pytest.mark.parametrize("p_adjust", ["bonferroni", "fdr_bh"])
def test_keyness_adjusts_p_values(p_adjust, outlet_docs):
    table = kw.score_keyness(outlet_docs, by="outlet", target="A", p_adjust=p_adjust)
    p = table["p_value"].to_numpy()
    m = len(p)
    if p_adjust == "bonferroni":
        expected = np.minimum(p * m, 1)
    else:  # Benjamini-Hochberg by its definition: min over j >= i of p_(j) m / j
        order = np.argsort(p)
        ranked = p[order] * m / np.arange(1, m + 1)
        adjusted = np.minimum(np.array([ranked[i:].min() for i in range(m)]), 1)
        expected = np.empty(m)
        expected[order] = adjusted
    assert table["p_adjusted"].to_numpy() == pytest.approx(expected)


def test_keyness_against_an_external_frequency_list(outlet_docs):
    reference = pd.DataFrame({"term": ["troops", "peace", "weather"], "n": [1, 5, 94]})
    table = kw.score_keyness(outlet_docs, by="outlet", target="A", reference=reference).set_index("term")  # A: 7 terms
    assert table.loc["weather", ["n_target", "n_reference"]].tolist() == [0, 94]
    assert (table["total_reference"] == 100).all()
    g2, _, _, _ = chi2_contingency([[3, 1], [4, 99]], correction=False, lambda_="log-likelihood")
    assert table.loc["troops", "g2"] == pytest.approx(g2)
    truncated = kw.score_keyness(outlet_docs, by="outlet", target="A", reference=reference, reference_total=1000)
    assert (truncated["total_reference"] == 1000).all()


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"by": "outlett", "target": "A"}, KeyError, r"missing column\(s\) \['outlett'\].*add the column as metadata"),
        (
            {"by": "outlet", "target": "C"},
            ValueError,
            r"target group\(s\) \['C'\] not found in column 'outlet'; groups are \['A', 'B'\]; check",
        ),
        ({"by": "outlet", "target": "A", "reference": "D"}, ValueError, r"reference group\(s\) \['D'\] not found"),
    ],
)
def test_keyness_bad_grouping_names_the_column_and_the_fix(kwargs, error, message, outlet_docs):
    with pytest.raises(error, match=message):
        kw.score_keyness(outlet_docs, **kwargs)


def test_keyness_errors_name_the_problem(outlet_docs):
    with pytest.raises(ValueError, match="not found in column 'outlet'"):
        kw.score_keyness(outlet_docs, by="outlet", target="C")
    with pytest.raises(ValueError, match="share groups"):
        kw.score_keyness(outlet_docs, by="outlet", target="A", reference=["A", "B"])
    with pytest.raises(ValueError, match="unknown p-value adjustment"):
        kw.score_keyness(outlet_docs, by="outlet", target="A", p_adjust="sidak")


def test_compare_keyness_stacks_one_table_per_group(outlet_docs):
    table = kw.compare_keyness(outlet_docs, by="outlet")
    assert list(table.columns) == ["group", *kw.KEYNESS_COLUMNS]
    a = table[table["group"] == "A"].set_index("term")
    b = table[table["group"] == "B"].set_index("term")
    assert a.loc["troops", "g2"] == pytest.approx(-b.loc["troops", "g2"])  # two groups: mirror images
    assert kw.compare_keyness(outlet_docs, by="outlet", reference="B")["group"].unique().tolist() == ["A"]


def test_read_frequency_list(tmp_path):
    good = tmp_path / "ref.csv"
    good.write_text("word,count\nPeace,3\nwar,2\nPeace,1\n", encoding="utf-8")
    assert kw.read_frequency_list(good).values.tolist() == [["Peace", 4], ["war", 2]]
    bad = tmp_path / "bad.csv"
    bad.write_text("term,n\npeace,3\nwar,many\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv:3"):
        kw.read_frequency_list(bad)


def test_readme_worked_example_is_true(seeds_corpus):
    counts = kw.count_terms(seeds_corpus, by="doc_id", phrases=["security guarantees", "coalition of the willing"])
    table = kw.score_keyness(counts, target="004_8a95de6eedf91f42")
    rows = [
        (r.term, r.n_target, r.n_reference, round(r.g2, 2), round(r.log_ratio, 2), round(r.log_odds_z, 2))
        for r in table.head(3).itertuples()
    ]
    assert rows == [
        ("nato", 29, 9, 35.74, 2.93, 3.34),
        ("security_guarantees", 30, 15, 26.64, 2.24, 2.91),
        ("membership", 14, 2, 23.51, 4.05, 2.64),
    ]
    for r in table.head(3).itertuples():  # the README's numbers, recomputed by scipy from the counts
        observed = [[r.n_target, r.n_reference], [r.total_target - r.n_target, r.total_reference - r.n_reference]]
        g2, _, _, _ = chi2_contingency(observed, correction=False, lambda_="log-likelihood")
        assert r.g2 == pytest.approx(g2)


def test_keyness_refuses_counts_grouped_otherwise(outlet_docs):
    counts = kw.count_terms(outlet_docs, by="outlet")
    assert kw.score_keyness(counts, by="outlet", target="A")["n_target"].sum() == 7
    with pytest.raises(ValueError, match="grouped by 'outlet'"):
        kw.score_keyness(counts, by="section", target="A")


def test_missing_groups_and_empty_groups_are_reported():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "side": ["x", None, "y"], "text": ["troops talks", "troops", "the of"]}
    )
    with pytest.warns(GroupWarning, match="1 of 3 document\\(s\\) have no 'side' value \\(b\\)"):
        counts = kw.count_terms(docs, by="side")
    assert sorted(set(counts.groups)) == ["(missing)", "x", "y"]
    with pytest.warns(kw.KeywordsWarning, match="group\\(s\\) y have no counted terms"):
        table = kw.compare_keyness(counts)
    assert set(table["group"]) == {"(missing)", "x"}


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from(["bonferroni", "fdr_bh"]))
def test_keyness_table_matches_scipy_term_by_term(seed, correction):
    from scipy import sparse

    from corpus_tools.stats import adjust_p

    rng = np.random.default_rng(seed)
    n_docs, n_terms = 6, 12
    matrix = sparse.csr_matrix(rng.poisson(rng.uniform(0.2, 3, size=n_terms), size=(n_docs, n_terms)).astype(np.int64))
    groups = np.array(["t", "t", "r", "r", "o", "o"], dtype=object)
    counts = kw.TermCounts(
        matrix,
        np.array([f"d{i}" for i in range(n_docs)], dtype=object),
        np.array([f"w{j:02d}" for j in range(n_terms)], dtype=object),
        groups,
        "side",
    )
    dense = matrix.toarray()
    a, b = dense[:2].sum(axis=0), dense[2:4].sum(axis=0)
    assume(a.sum() > 0 and b.sum() > 0)
    table = kw.score_keyness(counts, by="side", target="t", reference="r", p_adjust=correction).set_index("term")
    kept = [j for j in range(n_terms) if a[j] + b[j] > 0]
    assert sorted(table.index) == [f"w{j:02d}" for j in kept]
    p_values = []
    for j in kept:
        row = table.loc[f"w{j:02d}"]
        observed = [[a[j], b[j]], [a.sum() - a[j], b.sum() - b[j]]]
        g2, p, _, _ = chi2_contingency(observed, correction=False, lambda_="log-likelihood")
        assert abs(row["g2"]) == pytest.approx(g2, abs=1e-9) and row["p_value"] == pytest.approx(p, abs=1e-12)
        assert row["range_target"] == (dense[:2, j] > 0).sum() and row["range_reference"] == (dense[2:4, j] > 0).sum()
        p_values.append(p)
    adjusted = dict(zip([f"w{j:02d}" for j in kept], adjust_p(p_values, method=correction)))
    assert table["p_adjusted"].to_dict() == pytest.approx(adjusted)


def test_compare_keyness_top_n_keeps_both_ends_with_full_correction(outlet_docs):
    full = kw.compare_keyness(outlet_docs, by="outlet", targets=["A"])
    cut = kw.compare_keyness(outlet_docs, by="outlet", targets=["A"], top_n=2)
    assert cut["term"].tolist() == full["term"].head(2).tolist() + full["term"].tail(2).tolist()
    assert cut["p_adjusted"].tolist() == full["p_adjusted"].head(2).tolist() + full["p_adjusted"].tail(2).tolist()


def test_corpus_without_counted_terms_gives_empty_tables():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["the of", "and"]})
    counts = kw.count_terms(docs)
    assert counts.matrix.shape == (2, 0)
    assert kw.count_frequencies(counts).empty and kw.score_tfidf(counts).empty
    with pytest.raises(ValueError, match="no counted terms"):
        kw.score_keyness(counts, target="a")


def test_resolve_reference_reads_a_list_or_keeps_a_group(tmp_path):
    path = tmp_path / "ref.tsv"
    path.write_text("term\tn\npeace\t3\n", encoding="utf-8")
    assert kw.resolve_reference("") is None and kw.resolve_reference(None) is None
    assert kw.resolve_reference("B") == "B"
    assert kw.resolve_reference(str(path)).values.tolist() == [["peace", 3]]
