"""Group comparisons, chi-square, co-occurrence, actors x frames (corpus_tools.framing.compare)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import kruskal, mannwhitneyu
from scipy.stats.contingency import association

from corpus_tools import framing


def _twice(sentence_scores):
    """The four documents and a copy of each (doc_id + "2"): four documents per outlet."""
    return pd.concat([sentence_scores, sentence_scores.assign(doc_id=sentence_scores["doc_id"] + "2")])


def test_compare_frames_differences_and_intervals(sentence_scores):
    table = framing.compare_frames(_twice(sentence_scores), by="outlet", n_boot=500, seed=3)
    f = table.set_index("frame").loc["f"]
    assert f["share_a"] == pytest.approx(4 / 6) and f["share_b"] == pytest.approx(1 / 6)
    assert f["diff"] == pytest.approx(0.5) and (f["n_a"], f["n_b"]) == (4, 4)
    assert f["diff_ci_low"] <= f["diff"] <= f["diff_ci_high"]
    assert f["unit"] == "article" and f["note"] == ""
    # p-values: Mann-Whitney on per-document shares (x: a 2/4, b 2/2; y: c 0/4, d 1/2 for f;
    # x: 0, 0 and y: 1/4, 0 for g; each document twice), then Holm over both frames, by hand
    expected = {
        "f": mannwhitneyu([0.5, 1.0] * 2, [0.0, 0.5] * 2, alternative="two-sided").pvalue,
        "g": mannwhitneyu([0.0, 0.0] * 2, [0.25, 0.0] * 2, alternative="two-sided").pvalue,
    }
    by_frame = table.set_index("frame")
    assert by_frame["p_value"].to_dict() == pytest.approx(expected)
    low, high = sorted(expected.values())
    holm = {k: min(1.0, 2 * low) if v == low else min(1.0, max(2 * low, high)) for k, v in expected.items()}
    assert by_frame["p_adjusted"].to_dict() == pytest.approx(holm)
    again = framing.compare_frames(_twice(sentence_scores), by="outlet", n_boot=500, seed=3)
    pd.testing.assert_frame_equal(table, again)


def test_compare_frames_with_two_articles_per_group_has_no_test(sentence_scores):
    article = framing.compare_frames(sentence_scores, by="outlet", n_boot=200).set_index("frame")
    assert article["p_value"].isna().all() and article["diff_ci_low"].isna().all()
    assert article.loc["f", "diff"] == pytest.approx(0.5)
    assert article.loc["f", "note"] == (
        "'x' has 2 articles (fewer than 3): estimate only, no interval or test; "
        "'y' has 2 articles (fewer than 3): estimate only, no interval or test"
    )
    sentence = framing.compare_frames(sentence_scores, by="outlet", n_boot=200, unit="sentence").set_index("frame")
    assert (sentence["unit"] == "sentence (descriptive)").all() and (sentence["n_a"] == 6).all()
    x = [1, 1, 0, 0, 1, 1]
    y = [0, 0, 0, 0, 1, 0]
    assert sentence.loc["f", "p_value"] == pytest.approx(mannwhitneyu(x, y, alternative="two-sided").pvalue)


@pytest.mark.parametrize(
    ("copies", "small", "n_groups"),
    [(1, "x, y", 0), (2, "", 2), (3, "", 2)],
)
def test_kruskal_is_an_article_level_test_per_frame(sentence_scores, copies, small, n_groups):
    scores = pd.concat([sentence_scores.assign(doc_id=sentence_scores["doc_id"] + str(i)) for i in range(copies)])
    table = framing.compare_frames_kruskal(scores, by="outlet").set_index("frame")
    assert (table["unit"] == "article").all() and (table["n_groups"] == n_groups).all()
    if small:
        assert table["p_value"].isna().all() and f"fewer than 3 articles): {small}" in table.loc["f", "note"]
        return
    shares_x, shares_y = [0.5, 1.0] * copies, [0.0, 0.5] * copies
    expected = kruskal(shares_x, shares_y)
    assert table.loc["f", "h"] == pytest.approx(expected.statistic)
    assert table.loc["f", "p_value"] == pytest.approx(expected.pvalue)
    assert table.loc["f", "n_articles"] == 4 * copies


def test_chi2_and_cramers_v_against_scipy(sentence_scores):
    table = framing.compare_frames_chi2(sentence_scores, by="outlet").set_index("frame")
    observed = np.array([[4, 2], [1, 5]])  # x: 4 with f, 2 without; y: 1 with, 5 without
    assert table.loc["f", "cramers_v"] == pytest.approx(association(observed, method="cramer", correction=False))
    assert table.loc["f", "n"] == 12 and table.loc["f", "dof"] == 1
    assert "(all frames)" in table.index
    # sentences are not independent: the table says it is a description, and which test to trust
    assert (table["unit"] == "sentence (descriptive)").all()
    assert table["note"].str.contains("trust the article-level tests").all()
    assert framing.cramers_v([[3, 1, 0], [0, 2, 5]]) == pytest.approx(
        association(np.array([[3, 1, 0], [0, 2, 5]]), method="cramer")
    )


def test_cooccurrence_by_hand(sentence_scores):
    table = framing.count_frame_cooccurrence(sentence_scores).set_index(["frame_a", "frame_b"])
    assert table.loc[("f", "g"), "n_both"] == 0 and table.loc[("f", "f"), "n_a"] == 5
    docs = framing.count_frame_cooccurrence(sentence_scores, unit="document").set_index(["frame_a", "frame_b"])
    assert docs.loc[("f", "f"), "n_a"] == 3 and docs.loc[("g", "g"), "n_a"] == 1 and docs.loc[("f", "g"), "n_both"] == 0


def test_actor_frames_count_sentences_where_both_occur(make_sents, frames_file):
    sents = make_sents("Putin rejected security guarantees.", "Putin spoke.", "Macron promised troops and sanctions.")
    hits = framing.match_frames(sents, dictionary=frames_file)
    table = framing.count_actor_frames(sents, hits).set_index(["actor", "frame"])
    assert table.loc[("Russia", "security"), ["n_sentences", "actor_sentences"]].tolist() == [1, 2]
    assert table.loc[("Russia", "security"), "share"] == pytest.approx(0.5)
    assert table.loc[("France", "economy"), "n_sentences"] == 1
    assert ("Russia", "economy") not in table.index


def test_cramers_v_is_scipys_association_without_correction():
    rng = np.random.default_rng(4)
    for shape in [(2, 2), (2, 5), (4, 3)]:
        table = rng.integers(1, 30, shape)
        expected = association(table, method="cramer", correction=False)
        assert framing.cramers_v(table) == pytest.approx(expected)
        assert framing.cramers_v(pd.DataFrame(table.astype(float))) == pytest.approx(expected)
    assert math.isnan(framing.cramers_v([[3, 0], [0, 0]]))  # one row and column left: undefined
    with pytest.raises(ValueError, match="counts"):
        framing.cramers_v([[0.5, 1], [1, 2]])


# ---------------------------------------------------------------- the previous implementations


def _compare_frames_before(sentence_scores, by, corpus, n_boot, seed):
    from corpus_tools import stats
    from corpus_tools.groups import attach_groups

    sentence_scores = attach_groups(sentence_scores, by, documents=corpus)
    parts = []
    for frame, part in sentence_scores.groupby("frame", sort=False):
        table = stats.compare_groups(
            part.assign(present=part["present"].astype(float)), value="present", by="group", n_boot=n_boot,
            seed=seed, cluster="doc_id",
        )  # fmt: skip
        parts.append(table.assign(n_a=table["n_clusters_a"], n_b=table["n_clusters_b"], frame=frame, unit="article"))
    if all(p.empty for p in parts):
        return pd.DataFrame(columns=framing.compare._DIFFERENCE_COLUMNS)
    table = pd.concat(parts, ignore_index=True).rename(columns={"mean_a": "share_a", "mean_b": "share_b"})
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method="holm")
    return table[framing.compare._DIFFERENCE_COLUMNS]


def _kruskal_before(sentence_scores, by, corpus, min_articles=3):
    from corpus_tools import stats
    from corpus_tools.groups import attach_groups

    grouped = attach_groups(sentence_scores, by, documents=corpus)
    shares = grouped.assign(present=grouped["present"].astype(float))
    shares = shares.groupby(["frame", "group", "doc_id"], sort=False)["present"].mean().reset_index()
    rows = []
    for frame, part in shares.groupby("frame", sort=False):
        sizes = part.groupby("group")["doc_id"].size()
        small = sorted(sizes[sizes < min_articles].index)
        kept = [g.to_numpy() for name, g in part.groupby("group")["present"] if name not in small]
        notes = [f"left out (fewer than {min_articles} articles): {', '.join(small[:6])}"] if small else []
        h = p = math.nan
        if len(kept) < 2:
            notes.append("fewer than 2 groups to compare")
        elif np.ptp(np.concatenate(kept)) == 0:
            notes.append("every article has the same share")
        else:
            h, p = kruskal(*kept)
        rows.append((frame, len(kept), int(sum(len(k) for k in kept)), float(h), float(p), "; ".join(notes)))
    table = pd.DataFrame(rows, columns=["frame", "n_groups", "n_articles", "h", "p_value", "note"])
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method="holm")
    table["unit"] = "article"
    return table[["frame", "n_groups", "n_articles", "h", "p_value", "p_adjusted", "unit", "note"]]


def _chi2_before(sentence_scores, by, corpus):
    from corpus_tools import stats
    from corpus_tools.framing.compare import _CHI2_NOTE, _chi2_row
    from corpus_tools.groups import attach_groups

    sentence_scores = attach_groups(sentence_scores, by, documents=corpus)
    rows = []
    for frame, part in sentence_scores.groupby("frame", sort=False):
        observed = pd.crosstab(part["group"], part["present"]).reindex(columns=[True, False], fill_value=0)
        rows.append(_chi2_row(observed, frame))
    table = pd.DataFrame(rows)
    table["p_adjusted"] = stats.adjust_p(table["p_value"].to_numpy(), method="holm")
    overall = _chi2_row(
        sentence_scores.pivot_table(index="group", columns="frame", values="hits", aggfunc="sum", fill_value=0),
        "(all frames)",
    )
    table = pd.concat([table, pd.DataFrame([{**overall, "p_adjusted": overall["p_value"]}])], ignore_index=True)
    table = table.assign(unit="sentence (descriptive)", note=_CHI2_NOTE)
    return table[["frame", "chi2", "dof", "p_value", "p_adjusted", "cramers_v", "n", "unit", "note"]]


def _cooccurrence_before(sentence_scores, unit):
    keys = ["doc_id", "sent_id"] if unit == "sentence" else ["doc_id"]
    wide = sentence_scores.pivot_table(index=keys, columns="frame", values="present", aggfunc="max", fill_value=False)
    matrix = wide.to_numpy(dtype=int)
    both = matrix.T @ matrix
    frames = list(wide.columns)
    rows = []
    for i, a in enumerate(frames):
        for j, b in enumerate(frames):
            union = both[i, i] + both[j, j] - both[i, j]
            rows.append(
                (a, b, int(both[i, i]), int(both[j, j]), int(both[i, j]), both[i, j] / union if union else math.nan)
            )
    return pd.DataFrame(rows, columns=["frame_a", "frame_b", "n_a", "n_b", "n_both", "jaccard"])


@pytest.fixture(params=["seeds", "generated", "uneven", "fixture"])
def scored(request, seeds_corpus, seeds_sentences, generated_corpus, sentence_scores):
    """``(sentence scores, by, corpus)``: the seeds (outlet from the file name), the generated
    corpus, the generated corpus with rows taken away (articles differ between frames; missing
    values of present) and the hand-made fixture (two articles per group)."""
    if request.param == "fixture":
        return _twice(sentence_scores), "outlet", None
    if request.param == "seeds":
        docs = seeds_corpus.assign(outlet=["x", "y", "x", "y", "x"])
        return framing.score_frame_sentences(seeds_sentences, by="outlet", corpus=docs), "outlet", docs
    docs, sentences, hits = generated_corpus
    scores = framing.score_frame_sentences(sentences, hits=hits, by="outlet", corpus=docs)
    if request.param == "uneven":
        rng = np.random.default_rng(1)
        scores = scores[rng.random(len(scores)) > 0.2].drop(columns="outlet")
        scores = scores[~((scores["frame"] == "economic") & scores["doc_id"].isin(["d01", "d02", "d04"]))]
        scores = scores.astype({"present": object})
        scores.loc[scores.index[::17], "present"] = None
    return scores.reset_index(drop=True), "outlet", docs


def test_compare_frames_equals_the_previous_implementation(scored):
    scores, by, docs = scored
    for seed in (0, 5):
        new = framing.compare_frames(scores, by=by, corpus=docs, n_boot=300, seed=seed)
        old = _compare_frames_before(scores, by, docs, 300, seed)
        pd.testing.assert_frame_equal(new, old)
    assert new["diff_ci_low"].notna().any() or (new["note"] != "").all()


def test_kruskal_and_chi2_equal_the_previous_implementation(scored):
    scores, by, docs = scored
    if scores["present"].isna().any():  # a sentence without a value: as the previous code, row by row
        scores = scores.assign(present=scores["present"].fillna(False).astype(bool))
    pd.testing.assert_frame_equal(
        framing.compare_frames_kruskal(scores, by=by, corpus=docs), _kruskal_before(scores, by, docs)
    )
    pd.testing.assert_frame_equal(
        framing.compare_frames_chi2(scores, by=by, corpus=docs), _chi2_before(scores, by, docs)
    )


@pytest.mark.parametrize("unit", ["sentence", "document"])
def test_cooccurrence_equals_the_previous_implementation(scored, unit):
    scores = scored[0]
    scores = scores.assign(present=scores["present"].fillna(False).astype(bool))
    pd.testing.assert_frame_equal(
        framing.count_frame_cooccurrence(scores, unit=unit), _cooccurrence_before(scores, unit)
    )


@pytest.mark.parametrize("by", ["doc_id", "outlet"])
def test_count_actor_frames_equals_matching_every_sentence(generated_corpus, seeds_sentences, by, tmp_path):
    from corpus_tools.dictionaries import match_actors

    docs, sentences, hits = generated_corpus
    names = tmp_path / "actors.yml"
    names.write_text(
        'categories:\n  "Tony Blair": ["Tony Blair", "Blair"]\n  "Bank": ["bank*", "=BoE"]\n  "Russia": ["*russia*"]\n',
        encoding="utf-8",
    )
    for actors in ("ukraine_security", names):
        new = framing.count_actor_frames(sentences, hits, actors=actors, by=by, corpus=docs)
        old = framing.count_actor_frames(
            sentences, hits, actors=actors, by=by, corpus=docs, actor_hits=match_actors(sentences, actors)
        )
        pd.testing.assert_frame_equal(new, old)
        assert len(new) > 0


@pytest.mark.parametrize(
    ("patterns", "filtered"),
    [(["Blair", "bank*"], True), (["*russia*", "=US"], True), (["O'Brien"], False), (["Zoë"], False)],
)
def test_only_texts_that_can_match_are_matched(patterns, filtered):
    from corpus_tools.dictionaries import Dictionary, match_actors
    from corpus_tools.framing.compare import _may_mention

    texts = ["Blair spoke.", "BANKS fell.", "the US", "Pro-russian rally", "O’Brien's view", "ZOË left", "None here"]
    sents = pd.DataFrame({"doc_id": "a", "sent_id": range(len(texts)), "start": 0, "text": texts})
    dictionary = Dictionary.from_mapping({"x": patterns})
    kept = _may_mention(sents["text"], dictionary)
    matched = set(match_actors(sents, dictionary)["sent_id"])
    assert matched <= set(np.flatnonzero(kept)) and matched  # never a matching text left out
    assert (not kept.all()) == filtered


def test_a_groups_draws_in_the_differences_are_its_summary_rows(generated_corpus):
    """Outlet "zz" (copies of four articles) has no sentence with any frame: every bootstrap
    share of it is 0, so the interval of (a - zz) for a frame is a's summary interval for that
    frame: each group's draws in the differences are those of its summary row, in every pair."""
    docs, sentences, hits = generated_corpus
    scores = framing.score_frame_sentences(sentences, hits=hits, by="outlet", corpus=docs)
    flat = scores[scores["doc_id"].isin(["d00", "d01", "d02", "d05"])]
    flat = flat.assign(doc_id="z" + flat["doc_id"], outlet="zz", present=False, hits=0)
    scores = pd.concat([scores, flat], ignore_index=True)
    summary = framing.summarize_frames(scores, by="outlet", n_boot=300, seed=1).set_index(["group", "frame"])
    table = framing.compare_frames(scores, by="outlet", n_boot=300, seed=1)
    with_flat = table[(table["group_b"] == "zz") & (table["note"] == "")]
    assert len(with_flat) >= 2 * scores["frame"].nunique()
    for row in with_flat.itertuples():
        low, high = summary.loc[(row.group_a, row.frame), ["ci_low", "ci_high"]]
        assert (row.diff_ci_low, row.diff_ci_high) == pytest.approx((low, high), rel=1e-12, abs=1e-12)
