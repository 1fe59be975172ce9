"""Keyword analysis: statistics against worked values and scipy, counting on hand-counted
fixtures, Fightin' Words against a term-by-term implementation of Monroe et al. (2008)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.stats import chi2_contingency

from corpus_tools import keywords as kw

# --------------------------------------------------------------------------- statistics

WORKED = [  # a, b, Nt, Nr -> G2, chi2, chi2 with Yates, log ratio (issue 4)
    (7, 2, 10, 9, 4.5349, 4.3372, 2.6324, 1.6554),
    (10, 2, 1000, 2000, 12.8349, 13.5542, 11.3893, 3.3219),
]


@pytest.mark.parametrize("a, b, nt, nr, g2, chi2, yates, log_ratio", WORKED)
def test_keyness_statistics_match_worked_values(a, b, nt, nr, g2, chi2, yates, log_ratio):
    plain = kw.keyness_statistics([a], [b], nt, nr).iloc[0]
    corrected = kw.keyness_statistics([a], [b], nt, nr, yates=True).iloc[0]
    assert plain["g2"] == pytest.approx(g2, abs=5e-5)
    assert plain["chi2"] == pytest.approx(chi2, abs=5e-5)
    assert corrected["chi2"] == pytest.approx(yates, abs=5e-5)
    assert corrected["g2"] == pytest.approx(g2, abs=5e-5), "g2 is never corrected"
    assert plain["log_ratio"] == pytest.approx(log_ratio, abs=5e-5)


def test_statistics_are_signed_towards_the_reference():
    out = kw.keyness_statistics([2, 7], [7, 2], 10, 9)
    assert out.loc[0, "g2"] < 0 < out.loc[1, "g2"]
    assert out.loc[0, "chi2"] < 0 and out.loc[0, "log_ratio"] < 0 and out.loc[0, "pct_diff"] < 0


def test_log_ratio_replaces_zero_counts_by_half():
    out = kw.keyness_statistics([4, 0], [0, 4], 100, 100)
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
    out = kw.keyness_statistics([a], [b], nt, nr, yates=yates).iloc[0]
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


def test_log_odds_dirichlet_matches_the_formula_word_by_word():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(40)]
    target = {w: int(rng.poisson(5)) for w in words}
    reference = {w: int(rng.poisson(8)) for w in words}
    prior = {w: 0.3 * (target[w] + reference[w]) + 0.01 for w in words}
    expected = fightin_words_by_hand(target, reference, prior)
    got = kw.log_odds_dirichlet([target[w] for w in words], [reference[w] for w in words], [prior[w] for w in words])
    assert got.tolist() == pytest.approx([expected[w] for w in words], rel=1e-12)


def test_keyness_log_odds_uses_whole_corpus_prior():
    docs = pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3"],
            "side": ["x", "y", "z"],
            "text": ["troops troops talks peace", "talks talks peace", "peace sanctions sanctions"],
        }
    )
    table = kw.keyness(docs, by="side", target="x", reference="y", prior_scale=0.5).set_index("term")
    corpus = {"troops": 2, "talks": 3, "peace": 3, "sanctions": 2}
    expected = fightin_words_by_hand(
        {"troops": 2, "talks": 1, "peace": 1}, {"talks": 2, "peace": 1}, {w: 0.5 * n for w, n in corpus.items()}
    )
    assert "sanctions" not in table.index, "terms of neither side are not listed"
    for word in ("troops", "talks", "peace"):
        assert table.loc[word, "log_odds_z"] == pytest.approx(expected[word], rel=1e-12)


# --------------------------------------------------------------------------- keyness table

DOCS = pd.DataFrame(
    {
        "doc_id": ["a1", "a2", "b1", "b2"],
        "outlet": ["A", "A", "B", "B"],
        "text": [
            "Troops and troops. The reassurance force waits.",
            "Troops again; a ceasefire.",
            "Talks about the ceasefire. Talks!",
            "Peace talks and a reassurance force.",
        ],
    }
)


def test_keyness_table_counts_ranges_and_order():
    table = kw.keyness(DOCS, by="outlet", target="A", count_options={"phrases": ["reassurance force"]})
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


@pytest.mark.parametrize("correction", ["bonferroni", "fdr_bh"])
def test_keyness_adjusts_p_values(correction):
    table = kw.keyness(DOCS, by="outlet", target="A", correction=correction)
    p = table["p_value"].to_numpy()
    m = len(p)
    if correction == "bonferroni":
        expected = np.minimum(p * m, 1)
    else:  # Benjamini-Hochberg by its definition: min over j >= i of p_(j) m / j
        order = np.argsort(p)
        ranked = p[order] * m / np.arange(1, m + 1)
        adjusted = np.minimum(np.array([ranked[i:].min() for i in range(m)]), 1)
        expected = np.empty(m)
        expected[order] = adjusted
    assert table["p_adjusted"].to_numpy() == pytest.approx(expected)


def test_keyness_against_an_external_frequency_list():
    reference = pd.DataFrame({"term": ["troops", "peace", "weather"], "n": [1, 5, 94]})
    table = kw.keyness(DOCS, by="outlet", target="A", reference=reference).set_index("term")  # A: 7 terms
    assert table.loc["weather", ["n_target", "n_reference"]].tolist() == [0, 94]
    assert (table["total_reference"] == 100).all()
    g2, _, _, _ = chi2_contingency([[3, 1], [4, 99]], correction=False, lambda_="log-likelihood")
    assert table.loc["troops", "g2"] == pytest.approx(g2)
    truncated = kw.keyness(DOCS, by="outlet", target="A", reference=reference, reference_total=1000)
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
def test_keyness_bad_grouping_names_the_column_and_the_fix(kwargs, error, message):
    with pytest.raises(error, match=message):
        kw.keyness(DOCS, **kwargs)


def test_keyness_errors_name_the_problem():
    with pytest.raises(ValueError, match="not found in column 'outlet'"):
        kw.keyness(DOCS, by="outlet", target="C")
    with pytest.raises(ValueError, match="share groups"):
        kw.keyness(DOCS, by="outlet", target="A", reference=["A", "B"])
    with pytest.raises(ValueError, match="unknown p-value adjustment"):
        kw.keyness(DOCS, by="outlet", target="A", correction="sidak")


# --------------------------------------------------------------------------- counting

COUNT_DOCS = pd.DataFrame(
    {
        "doc_id": ["d1", "d2"],
        "text": [
            "The Coalition of the Willing met. Guarantees, guarantees: security guarantees in 2025.",
            "A reassurance force; security guarantee talks. Go!",
        ],
    }
)


FEW_STOPWORDS = {"stopwords": None, "extra_stopwords": ["the", "of", "a", "in"]}


def counts_of(**options) -> dict:
    frame = kw.count_terms(COUNT_DOCS, **options).to_frame()
    return {(g, t): n for g, t, n in frame.itertuples(index=False)}


def test_count_terms_default_lowercases_and_drops_stop_words_and_numbers():
    got = counts_of()
    assert got[("d1", "guarantees")] == 3 and got[("d1", "coalition")] == 1
    assert ("d1", "the") not in got and ("d1", "2025") not in got
    assert got[("d2", "force")] == 1 and ("d2", "a") not in got


@pytest.mark.parametrize(
    "options, present, absent",
    [
        (
            {"lowercase": False},
            {("d1", "Coalition"): 1, ("d1", "Guarantees"): 1, ("d1", "guarantees"): 2},
            [("d1", "coalition")],
        ),
        ({"stopwords": None}, {("d1", "the"): 2, ("d1", "of"): 1}, []),
        ({"extra_stopwords": ["Guarantees"]}, {("d1", "security"): 1}, [("d1", "guarantees")]),
        ({"min_length": 3}, {("d2", "force"): 1}, [("d2", "go")]),
        ({"keep_numbers": True}, {("d1", "2025"): 1}, []),
        ({"stem": "english"}, {("d1", "guarante"): 3, ("d2", "guarante"): 1}, [("d1", "guarantees")]),
        (
            {"lowercase": False, "phrases": ["coalition of the willing", "security guarantees"]},
            {("d1", "Coalition_of_the_Willing"): 1, ("d1", "security_guarantees"): 1, ("d2", "security"): 1},
            [("d1", "Coalition")],
        ),
        (
            {"phrases": ["coalition of the willing", "security guarantees"]},
            {("d1", "coalition_of_the_willing"): 1, ("d1", "security_guarantees"): 1, ("d1", "guarantees"): 2},
            [("d1", "coalition"), ("d1", "willing")],
        ),
        (
            {"ngram_range": (2, 2), **FEW_STOPWORDS},
            {("d1", "security guarantees"): 1, ("d2", "reassurance force"): 1, ("d1", "guarantees guarantees"): 1},
            [("d2", "force security"), ("d1", "met guarantees"), ("d1", "coalition"), ("d1", "of the")],
        ),
        (
            {"ngram_range": (1, 4), **FEW_STOPWORDS},
            {("d1", "coalition of the willing"): 1, ("d1", "willing met"): 1, ("d1", "met"): 1},
            [("d1", "coalition of the"), ("d1", "the willing")],
        ),
    ],
)
def test_count_terms_options_on_hand_counted_fixture(options, present, absent):
    got = counts_of(**options)
    for key, n in present.items():
        assert got.get(key, 0) == n, key
    for key in absent:
        assert key not in got, key


def test_stop_word_lists():
    snowball = kw.read_stopword_list()
    assert {"the", "of", "don't", "against"} <= snowball and not {"states", "million", "group"} & snowball
    assert kw.read_stopword_list(None, extra=["Kyiv’s"]) == frozenset({"kyiv's"})
    assert kw.read_stopword_list("english") >= {"the", "of"}  # corpus_tools.segment.read_stopwords
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Member states don’t agree."]})
    assert set(kw.count_terms(docs).terms) == {"member", "states", "agree"}


def test_count_terms_groups_and_sparse_matrix():
    docs = COUNT_DOCS.assign(side=["x", "x"])
    counts = kw.count_terms(docs, by="side")
    assert counts.matrix.shape == (2, len(counts.terms)) and counts.matrix.format == "csr"
    frame = counts.to_frame()
    assert set(frame["group"]) == {"x"}
    assert frame.set_index("term").loc["security", "n"] == 2


def test_count_frequencies_per_10k_and_range():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "g": ["x", "x", "y"], "text": ["peace peace war", "peace talks", "war"]}
    )
    freq = kw.count_frequencies(kw.count_terms(docs, by="g")).set_index(["group", "term"])
    assert freq.loc[("x", "peace"), ["n", "range"]].tolist() == [3, 2]
    assert freq.loc[("x", "peace"), "per_10k"] == pytest.approx(3 / 5 * 10_000)
    assert freq.loc[("x", "war"), "range_share"] == pytest.approx(0.5)
    assert freq.loc[("y", "war"), "rank"] == 1


def test_score_tfidf_matches_the_formula():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["peace war war", "peace talks"]})
    top = kw.score_tfidf(kw.count_terms(docs), top_n=5)
    idf = {"peace": math.log(3 / 3) + 1, "war": math.log(3 / 2) + 1, "talks": math.log(3 / 2) + 1}
    raw = {"peace": 1 * idf["peace"], "war": 2 * idf["war"]}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    a = top[top["doc_id"] == "a"].set_index("term")["tfidf"]
    assert a["war"] == pytest.approx(raw["war"] / norm) and a["peace"] == pytest.approx(raw["peace"] / norm)
    assert top[top["doc_id"] == "a"]["term"].tolist() == ["war", "peace"]


# --------------------------------------------------------------------------- concordance

KWIC_DOCS = pd.DataFrame(
    {
        "doc_id": ["k1", "k2"],
        "text": [
            "Allies discussed Security Guarantees.\nThe security guarantee talks ended; security. Guarantees later.",
            "<script>alert(1)</script> sanctions & sanctioned banks; no sanction relief.",
        ],
    }
)


@pytest.mark.parametrize(
    "pattern, pattern_type, expected",
    [
        ("security guarantee*", "glob", ["Security Guarantees", "security guarantee"]),  # not across ". "
        ("sanction*", "glob", ["sanctions", "sanctioned", "sanction"]),
        ("security guarantees", "phrase", ["Security Guarantees"]),
        ("sanction*", "phrase", []),
        (r"sanction(?:s|ed)?\b", "regex", ["sanctions", "sanctioned", "sanction"]),
    ],
)
def test_kwic_offsets_point_at_the_match(pattern, pattern_type, expected):
    lines = kw.kwic(KWIC_DOCS, pattern, pattern_type=pattern_type, window=3)
    assert lines["match"].tolist() == expected
    texts = KWIC_DOCS.set_index("doc_id")["text"]
    for row in lines.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.match


def test_kwic_context_and_sentence_ids():
    lines = kw.kwic(KWIC_DOCS, "security guarantee*", window=2)
    first, second = lines.iloc[0], lines.iloc[1]
    # context is `window` words each side, running across sentences, whitespace collapsed
    assert (first["doc_id"], first["sent_id"], first["left"], first["right"]) == (
        "k1",
        0,
        "Allies discussed",
        ". The security",
    )
    # a line break ends a sentence (corpus_tools.split_sentences): the second match is in sentence 1
    assert (second["sent_id"], second["left"], second["right"]) == (1, "Guarantees. The", "talks ended")


def test_kwic_sorts_by_context_within_each_pattern():
    lines = kw.kwic(KWIC_DOCS, ["sanction*", "banks"], window=1, sort_by="right")
    assert lines["pattern"].tolist() == ["sanction*"] * 3 + ["banks"]
    assert lines["right"].tolist()[:3] == sorted(lines["right"].tolist()[:3], key=str.lower)
    by_left = kw.kwic(KWIC_DOCS, "sanction*", window=1, sort_by="left")
    # sorted on the nearest word first: "& sanctions" < "no" < "script>"
    assert by_left["left"].tolist() == ["sanctions &", "no", "script>"]


def test_kwic_html_escapes_corpus_text_and_links_terms():
    lines = kw.kwic(KWIC_DOCS, "sanctions", window=4)
    page = kw.format_kwic_html(lines)
    assert "</script>" not in page and "&lt;/script&gt;" in page and "&amp; sanctioned" in page
    assert "<mark>sanctions</mark>" in page
    assert f'id="{kw.kwic_anchor("sanctions")}"' in page
    table = pd.DataFrame({"term": ["sanctions", "<b>x</b>"], "g2": [3.0, 1.0]})
    linked = kw.format_keyness_html(table, linked=["sanctions"])
    assert f'<a href="#{kw.kwic_anchor("sanctions")}">sanctions</a>' in linked
    assert "<b>x</b>" not in linked and "&lt;b&gt;x&lt;/b&gt;" in linked


def test_kwic_anchor_is_unique_and_safe():
    anchors = {kw.kwic_anchor(t) for t in ["a b", "a_b", "a-b", "A B", "é"]}
    assert len(anchors) == 5 and all(a.isascii() and " " not in a for a in anchors)


# --------------------------------------------------------------------------- collocations

COLLOCATION_DOCS = pd.DataFrame(
    {
        "doc_id": ["c1", "c2"],
        "text": [
            "Peace talks resumed. Peace talks stalled. Troops waited near peace lines.",
            "Peace talks again. Talks peace.",
        ],
    }
)


def test_count_collocations_counts_pairs_within_sentences():
    table = kw.count_collocations(
        COLLOCATION_DOCS,
        min_count=1,
        measures=["pmi", "likelihood_ratio", "t_score"],
        count_options={"stopwords": None},
    )
    pairs = {(r.w1, r.w2): r.n for r in table.itertuples()}
    # hand count: "peace talks" x3, "talks peace" x1; "stalled troops" spans a sentence break
    assert pairs[("peace", "talks")] == 3 and pairs[("talks", "peace")] == 1
    assert ("stalled", "troops") not in pairs
    # PMI by hand, log2(n_pair * N / (n_peace * n_talks)): 16 tokens, peace 5, talks 4
    n_words, peace, talks = 16, 5, 4
    expected_pmi = math.log2(3 * n_words / (peace * talks))
    row = table[(table["w1"] == "peace") & (table["w2"] == "talks")].iloc[0]
    assert row["pmi"] == pytest.approx(expected_pmi)
    assert table["pmi"].is_monotonic_decreasing


def test_count_collocations_window_and_node():
    table = kw.count_collocations(
        COLLOCATION_DOCS, node="troops", window=3, min_count=1, count_options={"stopwords": None}
    )
    assert set(table["w1"]) | set(table["w2"]) >= {"troops"}
    assert all("troops" in (r.w1, r.w2) for r in table.itertuples())
    assert {(r.w1, r.w2) for r in table.itertuples()} == {("troops", "waited"), ("troops", "near")}


def test_count_collocations_rejects_unknown_measure():
    with pytest.raises(ValueError, match="unknown measure"):
        kw.count_collocations(COLLOCATION_DOCS, measures=["mutual_info"])


# --------------------------------------------------------------------------- plots


def test_plots_draw_the_expected_marks():
    table = kw.keyness(DOCS, by="outlet", target="A")
    fig = kw.plot_keyness(table, top_n=2)
    bars = fig.axes[0].patches
    assert len(bars) == 4 and sum(b.get_width() > 0 for b in bars) == 2
    scatter = kw.plot_term_scatter(table, label_top=3)
    assert len(scatter.axes[0].collections[0].get_offsets()) == len(table)
    assert len(scatter.axes[0].texts) == 3
    xray = kw.plot_dispersion(KWIC_DOCS, ["sanction*", "security_guarantees"])
    assert [ax.get_title() for ax in xray.axes] == ["sanction*", "security_guarantees"]
    assert len(xray.axes[0].collections[0].get_offsets()) == 3


def test_term_scatter_labels_land_in_the_same_place_every_time(tmp_path):
    # Label placement must not depend on how fast the machine is (reports are diffed byte by byte).
    from corpus_tools.report import save_figure

    table = kw.keyness(DOCS, by="outlet", target="A")
    paths = [
        save_figure(kw.plot_term_scatter(table, label_top=5), "scatter", tmp_path / str(i), formats=("svg",))[0]
        for i in range(2)
    ]
    assert paths[0].read_bytes() == paths[1].read_bytes()


def test_module_examples_run():
    import doctest

    result = doctest.testmod(kw, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 10


def test_compare_keyness_stacks_one_table_per_group():
    table = kw.compare_keyness(DOCS, by="outlet")
    assert list(table.columns) == ["group", *kw.KEYNESS_COLUMNS]
    a = table[table["group"] == "A"].set_index("term")
    b = table[table["group"] == "B"].set_index("term")
    assert a.loc["troops", "g2"] == pytest.approx(-b.loc["troops", "g2"])  # two groups: mirror images
    assert kw.compare_keyness(DOCS, by="outlet", reference="B")["group"].unique().tolist() == ["A"]


def test_read_frequency_list(tmp_path):
    good = tmp_path / "ref.csv"
    good.write_text("word,count\nPeace,3\nwar,2\nPeace,1\n", encoding="utf-8")
    assert kw.read_frequency_list(good).values.tolist() == [["Peace", 4], ["war", 2]]
    bad = tmp_path / "bad.csv"
    bad.write_text("term,n\npeace,3\nwar,many\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv:3"):
        kw.read_frequency_list(bad)


def test_kwic_labels_and_term_patterns():
    patterns = {t: kw.term_pattern(t, stemmed=True) for t in ["secur_guarante", "sanction"]}
    lines = kw.kwic(KWIC_DOCS, patterns)
    assert lines["pattern"].value_counts().to_dict() == {"secur_guarante": 2, "sanction": 3}


# --------------------------------------------------------------------------- notebook

NOTEBOOK_TEXTS = {
    "n1": "Ministers discussed security guarantees for Ukraine.\nSecurity guarantees need troops on the ground. Troops wait.",
    "n2": "The coalition of the willing met in Paris. Security guarantees and troops were the topic.",
    "n3": "Sanctions on oil hit the economy. Oil prices rose as sanctions bit.\nSanctions again.",
    "n4": "Oil exports fell under sanctions. Traders expect oil prices to fall when sanctions ease.",
}


def test_keywords_notebook_runs_with_metadata_groups(tmp_path):
    from corpus_tools.config import NOTEBOOKS_DIR
    from corpus_tools.runner.execute import execute_notebook

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id, text in NOTEBOOK_TEXTS.items():
        (corpus / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_text("doc_id,outlet\nn1,north\nn2,north\nn3,south\nn4,south\n", encoding="utf-8")
    out = tmp_path / "report"
    params = {
        "corpus": str(corpus),
        "metadata": str(tmp_path / "meta.csv"),
        "output_dir": str(out),
        "group_by": "outlet",
        "phrases": ["security guarantees", "coalition of the willing"],
        "min_count": 2,
        "kwic_terms": 2,
    }
    execute_notebook(NOTEBOOKS_DIR / "keywords.ipynb", out, params)
    tables = out / "tables"
    keyness = pd.read_csv(tables / "keywords_keyness.csv")
    north = keyness[keyness["group"] == "north"].set_index("term")
    # hand count: north has security_guarantees 3, troops 3; south has sanctions 5, oil 4
    assert north.loc["security_guarantees", ["n_target", "n_reference"]].tolist() == [3, 0]
    assert north.loc["sanctions", ["n_target", "n_reference"]].tolist() == [0, 5]
    assert north["g2"].iloc[0] > 0 > north["g2"].iloc[-1]
    frequency = pd.read_csv(tables / "keywords_frequency.csv").set_index(["group", "term"])
    assert frequency.loc[("south", "oil"), ["n", "range"]].tolist() == [4, 2]
    lines = pd.read_csv(tables / "keywords_kwic.csv")
    for row in lines.itertuples():
        assert NOTEBOOK_TEXTS[row.doc_id][row.start : row.end].lower() == row.match.lower()
    assert {"security_guarantees", "sanctions"} <= set(lines["pattern"])
    assert set(pd.read_csv(tables / "keywords_collocations.csv", keep_default_na=False)["node"]) >= {""}
    page = (out / "keywords.html").read_text(encoding="utf-8")
    assert f'href="#{kw.kwic_anchor("sanctions")}"' in page and f'id="{kw.kwic_anchor("sanctions")}"' in page
    for name in ("keywords_keyness_north", "keywords_term_scatter", "keywords_dispersion"):
        assert (out / "figures" / f"{name}.png").exists()


def test_readme_worked_example_is_true(seeds_corpus):
    counts = kw.count_terms(seeds_corpus, by="doc_id", phrases=["security guarantees", "coalition of the willing"])
    table = kw.keyness(counts, target="004_8a95de6eedf91f42")
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


def test_keyness_refuses_counts_grouped_otherwise():
    counts = kw.count_terms(DOCS, by="outlet")
    assert kw.keyness(counts, by="outlet", target="A")["n_target"].sum() == 7
    with pytest.raises(ValueError, match="grouped by 'outlet'"):
        kw.keyness(counts, by="section", target="A")


def test_missing_groups_and_empty_groups_are_reported():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "side": ["x", None, "y"], "text": ["troops talks", "troops", "the of"]}
    )
    with pytest.warns(kw.KeywordsWarning, match="1 document\\(s\\) have no 'side' value \\(b\\)"):
        counts = kw.count_terms(docs, by="side")
    assert sorted(set(counts.groups)) == ["(missing)", "x", "y"]
    with pytest.warns(kw.KeywordsWarning, match="group\\(s\\) y have no counted terms"):
        table = kw.compare_keyness(counts)
    assert set(table["group"]) == {"(missing)", "x"}


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from(["bonferroni", "fdr_bh"]))
def test_keyness_table_matches_scipy_term_by_term(seed, correction):
    from scipy import sparse

    from corpus_tools.stats import p_adjust

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
    table = kw.keyness(counts, by="side", target="t", reference="r", correction=correction).set_index("term")
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
    adjusted = dict(zip([f"w{j:02d}" for j in kept], p_adjust(p_values, method=correction)))
    assert table["p_adjusted"].to_dict() == pytest.approx(adjusted)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", None]), max_size=40), st.integers(2, 5))
def test_pair_counts_equal_nltk_from_words(words, window):
    from nltk.collocations import BigramCollocationFinder

    reference = BigramCollocationFinder.from_words(words, window_size=window)
    word_fd, pair_fd = kw._pair_counts(words, window, None)
    assert dict(word_fd) == dict(reference.word_fd) and dict(pair_fd) == dict(reference.ngram_fd)
    _, node_fd = kw._pair_counts(words, window, {"a"})
    assert dict(node_fd) == {p: n for p, n in reference.ngram_fd.items() if "a" in p}


def test_count_collocations_with_several_nodes():
    table = kw.count_collocations(
        COLLOCATION_DOCS, node=["troops", "Lines"], window=3, min_count=1, count_options={"stopwords": None}
    )
    assert table["node"].tolist() == ["lines", "lines", "troops", "troops"]
    assert {(r.w1, r.w2) for r in table.itertuples() if r.node == "lines"} == {("near", "lines"), ("peace", "lines")}


def test_compare_keyness_top_n_keeps_both_ends_with_full_correction():
    full = kw.compare_keyness(DOCS, by="outlet", targets=["A"])
    cut = kw.compare_keyness(DOCS, by="outlet", targets=["A"], top_n=2)
    assert cut["term"].tolist() == full["term"].head(2).tolist() + full["term"].tail(2).tolist()
    assert cut["p_adjusted"].tolist() == full["p_adjusted"].head(2).tolist() + full["p_adjusted"].tail(2).tolist()


def test_corpus_without_counted_terms_gives_empty_tables():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["the of", "and"]})
    counts = kw.count_terms(docs)
    assert counts.matrix.shape == (2, 0)
    assert kw.count_frequencies(counts).empty and kw.score_tfidf(counts).empty
    with pytest.raises(ValueError, match="no counted terms"):
        kw.keyness(counts, target="a")
