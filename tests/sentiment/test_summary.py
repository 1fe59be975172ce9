"""The one-pass group summaries against ``stats.summarize_by`` (the previous implementation of
``summarize_groups`` and ``summarize_actors``), number for number, on the fixture, the seeds and
a generated table."""

from __future__ import annotations

import itertools
import zlib

import numpy as np
import pandas as pd
import pytest

from corpus_tools import sentiment, stats
from corpus_tools.groups import attach_groups
from corpus_tools.sentiment.summary import _boot_means, _compare_codes, _group_parts, _summarize_codes
from corpus_tools.stats.bootstrap import _few_clusters_note, _percentiles
from corpus_tools.stats.compare import COMPARE_COLUMNS, _p_value


def _generated(seed: int = 0, n_docs: int = 60) -> pd.DataFrame:
    """Sentence scores of ``n_docs`` invented articles in five outlets (one with two articles,
    one with one), three lexicons, two actors, some missing scores and ids whose string order
    differs from their first-appearance order."""
    rng = np.random.default_rng(seed)
    outlets = np.array(["Ledger", "Courier", "Wire", "Gazette", "Post"])
    doc_outlet = outlets[rng.choice(3, size=n_docs)]
    doc_outlet[:2], doc_outlet[2] = "Gazette", "Post"
    lengths = rng.integers(1, 30, size=n_docs)
    doc = np.repeat(np.arange(n_docs), lengths)
    ids = np.array([f"d{(7 * i) % n_docs}" for i in range(n_docs)])  # d0, d7, d14, ...: not sorted
    rows = []
    for lexicon, scale in (("vader", 1.0), ("afinn", 4.0), ("pattern", 0.5)):
        compound = np.round(rng.normal(0.1, 0.4, size=doc.size) * scale, 4)
        compound[rng.random(doc.size) < 0.03] = np.nan
        rows.append(
            pd.DataFrame(
                {
                    "doc_id": ids[doc],
                    "sent_id": np.concatenate([np.arange(n) for n in lengths]),
                    "lexicon": lexicon,
                    "actor": np.where(rng.random(doc.size) < 0.5, "NATO", "Russia"),
                    "outlet": doc_outlet[doc],
                    "compound": compound,
                }
            )
        )
    return pd.concat(rows, ignore_index=True)


def _reference(frame, per, cluster, **settings) -> pd.DataFrame:
    """``stats.summarize_by`` with the note's cluster wording of the doc_id column."""
    renamed = frame.assign(doc_id=frame["doc_id"].astype(str))
    return stats.summarize_by(renamed, value="compound", per=per, by="group", cluster=cluster, **settings)


@pytest.mark.parametrize("by", ["outlet", "doc_id"])
@pytest.mark.parametrize("cluster", ["doc_id", None])
@pytest.mark.parametrize("per", [["lexicon"], ["lexicon", "actor"]])
@pytest.mark.parametrize("seed", [0, 7])
def test_one_pass_summary_equals_summarize_by_on_a_generated_table(by, cluster, per, seed):
    frame = attach_groups(_generated(seed), by)
    settings = {"n_boot": 150, "seed": seed, "ci": 0.9}
    got = _summarize_codes(frame, value="compound", per=per, cluster=cluster, **settings)
    pd.testing.assert_frame_equal(got, _reference(frame, per, cluster, **settings), check_exact=True)


def test_one_pass_summary_equals_summarize_by_on_the_fixture(fixture_corpus, fixture_scores):
    frame = attach_groups(fixture_scores, "outlet", documents=fixture_corpus)
    for cluster in ("doc_id", None):
        got = _summarize_codes(frame, value="compound", per=["lexicon"], cluster=cluster, n_boot=300, seed=2)
        want = _reference(frame, ["lexicon"], cluster, n_boot=300, seed=2)
        pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_one_pass_summary_of_nothing_has_the_columns():
    empty = pd.DataFrame({"lexicon": [], "group": [], "doc_id": [], "compound": []})
    got = _summarize_codes(empty, value="compound", per=["lexicon"], cluster="doc_id")
    assert got.empty and list(got.columns) == _reference(empty, ["lexicon"], "doc_id").columns.tolist()


def _old_summarize_groups(scores, *, by, corpus, n_boot, seed, unit, neutral_threshold=0.05):
    """The previous implementation of ``sentiment.summarize_groups``."""
    cluster, label = stats.units.resolve_unit(unit)
    frame = attach_groups(scores, by, documents=corpus)
    table = stats.summarize_by(
        frame, value="compound", per="lexicon", by="group", n_boot=n_boot, seed=seed, cluster=cluster
    )
    shares = frame.groupby(["lexicon", "group"], sort=False).agg(
        n_docs=("doc_id", "nunique"),
        share_pos=("compound", lambda c: (c >= neutral_threshold).mean()),
        share_neg=("compound", lambda c: (c <= -neutral_threshold).mean()),
    )
    table = table.merge(shares.reset_index(), on=["lexicon", "group"], how="left").assign(unit=label)
    columns = ["lexicon", "group", "n", "n_docs", "estimate", "ci_low", "ci_high", "share_pos", "share_neg"]
    return table[[*columns, "unit", "note"]]


@pytest.mark.parametrize("unit", ["article", "sentence"])
@pytest.mark.parametrize("by", ["outlet", "doc_id"])
def test_summarize_groups_equals_the_previous_implementation(fixture_corpus, fixture_scores, unit, by):
    generated = _generated(3)
    cases = [
        (fixture_scores, fixture_corpus),
        (generated.drop(columns="outlet"), generated.drop_duplicates("doc_id")[["doc_id", "outlet"]]),
    ]
    for scores, corpus in cases:
        settings = {"by": by, "corpus": corpus, "n_boot": 200, "seed": 5, "unit": unit}
        got = sentiment.summarize_groups(scores, **settings)
        pd.testing.assert_frame_equal(got, _old_summarize_groups(scores, **settings), check_exact=True)


def _old_summarize_actors(actor_scores, *, by, corpus=None, n_boot, seed):
    """The previous implementation of ``sentiment.summarize_actors`` (its note named the cluster
    column ``_article``; the new one says "article", as every other article-level table)."""
    frame = attach_groups(actor_scores, by, documents=corpus) if by else actor_scores
    table = stats.summarize_by(
        frame.assign(_article=frame["doc_id"].astype(str)),
        value="compound",
        per=["lexicon", "actor"],
        by="group" if by else None,
        cluster="_article",
        n_boot=n_boot,
        seed=seed,
    ).rename(columns={"n_clusters": "n_docs"})
    table["note"] = table["note"].str.replace(r"(\d+) _article value\(s\)", _article_words, regex=True)
    columns = ["lexicon", "actor", "group", "n", "n_docs", "estimate", "ci_low", "ci_high", "note"]
    return table.sort_values(["lexicon", "actor"], kind="stable", ignore_index=True)[columns]


def _article_words(match) -> str:
    k = int(match.group(1))
    return f"{k} article" if k == 1 else f"{k} articles"


@pytest.mark.parametrize("by", ["doc_id", "outlet", ""])
def test_summarize_actors_equals_the_previous_implementation(fixture_corpus, fixture_scores, by):
    fixture_actors = sentiment.score_actor_sentences(fixture_scores)
    generated = _generated(11)
    cases = [(fixture_actors, fixture_corpus), (generated, None)]
    for actor_scores, corpus in cases:
        got = sentiment.summarize_actors(actor_scores, by=by, corpus=corpus, n_boot=250, seed=4)
        want = _old_summarize_actors(actor_scores, by=by, corpus=corpus, n_boot=250, seed=4)
        assert len(got) > 0
        pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_summarize_actors_notes_name_articles():
    frame = _generated(1)
    table = sentiment.summarize_actors(frame, by="doc_id", n_boot=50)
    assert table["note"].str.contains(" has 1 article (fewer than 3)", regex=False).all()


@pytest.mark.parametrize("cluster", ["doc_id", None])
@pytest.mark.parametrize("test", ["mannwhitney", "permutation"])
@pytest.mark.parametrize("seed", [0, 3])
def test_one_pass_contrasts_equal_stats_compare_groups_on_a_generated_table(cluster, test, seed):
    frame = attach_groups(_generated(seed), "outlet")
    frame = frame[frame["lexicon"] == "afinn"]
    settings = {"n_boot": 120, "seed": seed, "ci": 0.9, "test": test, "p_adjust": "fdr_bh"}
    got = _compare_codes(frame, value="compound", cluster=cluster, **settings)
    want = stats.compare_groups(frame, value="compound", by="group", cluster=cluster, **settings)
    assert got["note"].str.contains("fewer than 3").any() == (cluster is not None)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def _old_compare_groups(scores, *, by, corpus, n_boot, seed, unit):
    """The previous implementation of ``sentiment.compare_groups``."""
    cluster, label = stats.units.resolve_unit(unit)
    frame = attach_groups(scores, by, documents=corpus)
    parts = [
        stats.compare_groups(part, value="compound", by="group", n_boot=n_boot, seed=seed, cluster=cluster).assign(
            lexicon=lexicon
        )
        for lexicon, part in frame.groupby("lexicon", sort=False)
    ]
    table = pd.concat(parts, ignore_index=True).rename(columns={"n_clusters_a": "n_docs_a", "n_clusters_b": "n_docs_b"})
    if cluster is None:
        docs = frame.groupby("group")["doc_id"].nunique()
        table.insert(table.columns.get_loc("n_b") + 1, "n_docs_a", table["group_a"].map(docs).to_numpy())
        table.insert(table.columns.get_loc("n_docs_a") + 1, "n_docs_b", table["group_b"].map(docs).to_numpy())
    table = table.assign(unit=label)
    columns = [c for c in table.columns if c not in ("lexicon", "unit", "note")]
    return table[["lexicon", *columns, "unit", "note"]]


@pytest.mark.parametrize("unit", ["article", "sentence"])
def test_compare_groups_equals_the_previous_implementation(fixture_corpus, fixture_scores, unit):
    generated = _generated(5)
    cases = [
        (fixture_scores, fixture_corpus, "outlet"),
        (fixture_scores, None, "doc_id"),
        (generated.drop(columns="outlet"), generated.drop_duplicates("doc_id")[["doc_id", "outlet"]], "outlet"),
    ]
    for scores, corpus, by in cases:
        settings = {"by": by, "corpus": corpus, "n_boot": 150, "seed": 2, "unit": unit}
        got = sentiment.compare_groups(scores, **settings)
        pd.testing.assert_frame_equal(got, _old_compare_groups(scores, **settings), check_exact=True)


@pytest.mark.parametrize("unit", ["article", "sentence"])
def test_a_groups_draws_in_the_contrasts_are_its_summary_rows(unit):
    """The outlet "Zeta" scores 0.25 in every sentence, so every bootstrap mean of it is 0.25 and
    the interval of (a - Zeta) is a's summary interval shifted by 0.25: each group's draws in the
    contrasts are those of its summary row, in every pair."""
    frame = _generated(8)
    flat = frame[frame["outlet"] == "Ledger"].assign(outlet="Zeta", compound=0.25, doc_id=lambda s: "z" + s["doc_id"])
    scores = pd.concat([frame, flat], ignore_index=True)
    settings = {"by": "outlet", "n_boot": 300, "seed": 6, "unit": unit}
    summary = sentiment.summarize_groups(scores, **settings).set_index(["lexicon", "group"])
    contrasts = sentiment.compare_groups(scores, **settings)
    with_flat = contrasts[(contrasts["group_b"] == "Zeta") & (contrasts["note"] == "")]
    assert len(with_flat) >= 9  # three lexicons, at least three outlets with an interval
    for row in with_flat.itertuples():
        low, high = summary.loc[(row.lexicon, row.group_a), ["ci_low", "ci_high"]]
        assert (row.diff_ci_low, row.diff_ci_high) == pytest.approx((low - 0.25, high - 0.25), rel=1e-12, abs=1e-12)


def _compare_codes_per_pair(
    frame, *, value, cluster, n_boot=2000, seed=0, ci=0.95, test="mannwhitney", p_adjust="holm"
):
    """The previous ``_compare_codes``: a fresh bootstrap of both groups for every pair, from a
    generator of the pair's names (group a, then group b)."""
    names, parts = _group_parts(frame, value, cluster)
    rows = []
    for (a, pa), (b, pb) in itertools.combinations(zip(names, parts), 2):
        rng = np.random.default_rng([seed, zlib.crc32(f"{a}\x00{b}".encode())])
        x, y, ux, uy = pa["x"], pb["x"], pa["units"], pb["units"]
        notes = []
        if cluster:
            found = (_few_clusters_note(g, u.size, cluster, stats.MIN_CLUSTERS) for g, u in ((a, ux), (b, uy)))
            notes = [n for n in found if n]
        effects = (stats.cohens_d(ux, uy), stats.cohens_d(ux, uy, hedges=True), stats.cliffs_delta(ux, uy))
        head = (a, b, x.size, y.size, ux.size, uy.size, x.mean(), y.mean(), x.mean() - y.mean())
        if notes:
            rows.append((*head, np.nan, np.nan, *effects, np.nan, "; ".join(notes)))
            continue
        boot = _boot_means(pa, n_boot, rng) - _boot_means(pb, n_boot, rng)
        p = _p_value(ux, uy, test=test, n_boot=n_boot, seed=seed)
        rows.append((*head, *_percentiles(boot, ci), *effects, p, ""))
    counted = COMPARE_COLUMNS[:4] + ["n_clusters_a", "n_clusters_b"] + COMPARE_COLUMNS[4:-2] + ["note"]
    table = pd.DataFrame(rows, columns=counted)
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method=p_adjust)
    columns = COMPARE_COLUMNS[:4] + (["n_clusters_a", "n_clusters_b"] if cluster else []) + COMPARE_COLUMNS[4:]
    return table[columns]


@pytest.mark.parametrize("cluster", ["doc_id", None])
def test_contrasts_differ_from_per_pair_draws_only_by_monte_carlo_error(cluster):
    """Against the previous per-pair draws: every column but the interval is the same, and the
    interval bounds differ by Monte Carlo error only. At 4,000 resamples a 2.5% quantile's Monte
    Carlo sd is about 0.042 standard errors (0.06 for the difference of two independent
    estimates), so 0.3 standard errors is 5 sd."""
    frame = attach_groups(_generated(4, n_docs=120), "outlet")
    frame = frame[frame["lexicon"] == "vader"]
    settings = {"n_boot": 4000, "seed": 1}
    got = _compare_codes(frame, value="compound", cluster=cluster, **settings)
    before = _compare_codes_per_pair(frame, value="compound", cluster=cluster, **settings)
    bounds = ["diff_ci_low", "diff_ci_high"]
    pd.testing.assert_frame_equal(got.drop(columns=bounds), before.drop(columns=bounds), check_exact=True)
    with_interval = got["diff_ci_low"].notna()
    assert with_interval.sum() >= 3 and (before["diff_ci_low"].notna() == with_interval).all()
    se = ((before["diff_ci_high"] - before["diff_ci_low"]) / (2 * 1.96))[with_interval]
    moved = (got.loc[with_interval, bounds] - before.loc[with_interval, bounds]).abs()
    assert (moved.max(axis=1) < 0.3 * se).all(), moved.assign(se=se)
