"""Framing: frame dictionaries, scores, group comparison, naming, quotes, evidence, coding agreement."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import mannwhitneyu
from scipy.stats.contingency import association
from sklearn.metrics import cohen_kappa_score

import corpus_tools as ct
from corpus_tools import framing
from corpus_tools.dictionaries import DictionaryError

FIXTURES_DIR = Path(__file__).parent / "fixtures"

FRAMES_YAML = """\
name: test_frames
categories:
  security:
    description: guarantees and troops
    patterns: [security, security guarantee*, troop*, coalition of the willing]
  economy: [sanction*, cost, costs]
"""


@pytest.fixture()
def frames_file(tmp_path):
    path = tmp_path / "frames.yml"
    path.write_text(FRAMES_YAML, encoding="utf-8")
    return path


def _sents(*texts, doc_id="a"):
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    ends = [start + len(t) for start, t in zip(starts, texts)]
    return pd.DataFrame(
        {"doc_id": doc_id, "sent_id": range(len(texts)), "start": starts, "end": ends, "text": list(texts)}
    )


# ---------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Security guarantees matter.", [("security", "Security guarantees")]),  # phrase beats the word inside it
        ("The troops and trooper left.", [("security", "troops"), ("security", "trooper")]),  # glob
        ("Sanctioned firms cost money.", [("economy", "Sanctioned"), ("economy", "cost")]),
        ("The coalition of the willing met.", [("security", "coalition of the willing")]),
        ("No costs, no troops.", [("economy", "costs"), ("security", "troops")]),  # negated hits still count
        ("Peace now.", []),
    ],
)
def test_split_frame_hits_globs_phrases_overlaps(frames_file, text, expected):
    hits = framing.split_frame_hits(_sents(text), dictionary=frames_file)
    assert list(zip(hits["frame"], hits["term"])) == expected
    for _, row in hits.iterrows():
        assert text[row["start"] : row["end"]] == row["term"]


def test_negated_hits_are_flagged_and_can_be_dropped(frames_file):
    sents = _sents("There are no security guarantees.", "Security guarantees exist.")
    hits = framing.split_frame_hits(sents, dictionary=frames_file)
    assert hits["negated"].tolist() == [True, False]
    kept = framing.split_frame_hits(sents, dictionary=frames_file, count_negated=False)
    assert kept["sent_id"].tolist() == [1]


def test_shipped_frame_dictionaries_load_with_codebooks():
    assert framing.list_frame_dictionaries() == ["generic", "security"]
    generic = framing.read_frames("generic")
    assert generic.category_names == ["conflict", "human_interest", "economic", "morality", "responsibility"]
    security = framing.read_frames("security")
    assert set(security.category_names) == {
        "deterrence_security",
        "diplomacy_negotiation",
        "escalation_risk",
        "sovereignty_territory",
        "alliance_burden",
        "humanitarian",
        "sanctions_economy",
        "legitimacy_law",
    }
    for name, dictionary in (("generic", generic), ("security", security)):
        codebook = (framing.FRAMES_DIR / f"{name}.md").read_text(encoding="utf-8")
        for frame in dictionary.category_names:
            assert f"## {frame}" in codebook and dictionary.categories[frame]
    register = (ct.config.RESOURCES_DIR / "README.md").read_text(encoding="utf-8")
    assert (
        "frames/generic.yml" in register
        and "frames/security.yml" in register
        and "naming/ukraine_security.yml" in register
    )


@pytest.mark.parametrize(
    "dictionary, text, frame",
    [
        ("generic", "The two parties clashed and traded accusations.", "conflict"),
        ("generic", "The plan will cost taxpayers billions.", "economic"),
        ("generic", "Grieving families mourned their children.", "human_interest"),
        ("generic", "It is a moral duty.", "morality"),
        ("generic", "The government is responsible and must act.", "responsibility"),
        ("security", "Security guarantees would deter Russia.", "deterrence_security"),
        ("security", "Negotiators met for ceasefire talks.", "diplomacy_negotiation"),
        ("security", "Officials warned of nuclear escalation.", "escalation_risk"),
        ("security", "Crimea was annexed in violation of sovereignty.", "sovereignty_territory"),
        ("security", "Allies argued over burden-sharing.", "alliance_burden"),
        ("security", "Civilians were killed and refugees fled.", "humanitarian"),
        ("security", "New sanctions target oil exports.", "sanctions_economy"),
        ("security", "The annexation breaches international law.", "legitimacy_law"),
    ],
)
def test_shipped_frames_find_textbook_cues(dictionary, text, frame):
    assert frame in set(framing.split_frame_hits(_sents(text), dictionary=dictionary)["frame"])


@pytest.mark.parametrize("name, frames", [("mini.dic", {"posemo", "negemo"}), ("mini.lc3", {"negative", "positive"})])
def test_frame_dictionaries_from_liwc_and_lexicoder_files(name, frames):
    dictionary = framing.read_frames(FIXTURES_DIR / "dictionaries" / name)
    assert frames <= set(dictionary.category_names)
    hits = framing.split_frame_hits(_sents("A happy, bittersweet and bad day."), dictionary=dictionary)
    assert set(hits["frame"]) & frames


def test_crimea_is_not_a_crime_and_territorial_integrity_not_morality():
    hits = framing.split_frame_hits(_sents("Crimea and territorial integrity."), dictionary="generic")
    assert "morality" not in set(hits["frame"])
    assert "legitimacy_law" not in set(framing.split_frame_hits(_sents("Crimea."), dictionary="security")["frame"])


# ---------------------------------------------------------------------------- scores


@pytest.fixture()
def fixture_corpus():
    # a: 10 words, 2 sentences; hits: security x2 (s0), economy x1 (s1)
    # b: 5 words, 1 sentence; hits: economy x2
    # c: 4 words, no hits
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["x", "x", "y"],
            "text": [
                "Security guarantees and troops were promised. Sanctions followed soon.",
                "Sanctions cost a lot.",
                "Nothing happened there today.",
            ],
        }
    )


def test_score_frames_per_1000_words_by_hand(frames_file, fixture_corpus):
    scores = framing.score_frames(fixture_corpus, dictionary=frames_file, by="outlet")
    got = scores.set_index(["doc_id", "frame"])
    assert got.loc[("a", "security"), ["hits", "n_words", "n_sentences", "sentences_with_frame"]].tolist() == [
        2,
        9,
        2,
        1,
    ]
    assert got.loc[("a", "security"), "per_1000_words"] == pytest.approx(1000 * 2 / 9)
    assert got.loc[("a", "economy"), "share_sentences"] == pytest.approx(0.5)
    assert got.loc[("b", "economy"), "per_1000_words"] == pytest.approx(1000 * 2 / 4)
    assert got.loc[("c", "economy"), "hits"] == 0 and got.loc[("c", "economy"), "per_1000_words"] == 0
    assert got.loc[("c", "security"), "outlet"] == "y"
    assert len(scores) == 3 * 2


def test_salience_and_dominant_frames_by_hand(frames_file, fixture_corpus):
    scores = framing.score_frames(fixture_corpus, dictionary=frames_file, by="outlet")
    salience = framing.count_frame_salience(scores, by="outlet").set_index(["group", "frame"])
    # outlet x: 9 + 4 = 13 words, 3 sentences; economy hits 1 + 2 = 3 in 2 sentences, both documents
    assert salience.loc[("x", "economy"), "per_1000_words"] == pytest.approx(1000 * 3 / 13)
    assert salience.loc[("x", "economy"), "share_sentences"] == pytest.approx(2 / 3)
    assert salience.loc[("x", "economy"), "share_documents"] == pytest.approx(1.0)
    assert salience.loc[("x", "security"), "share_documents"] == pytest.approx(0.5)
    assert salience.loc[("y", "security"), "hits"] == 0
    dominant = framing.count_dominant_frames(scores).set_index("doc_id")
    # document a: security 2 hits (security guarantees, troops), economy 1 (sanctions): no tie
    assert dominant.loc["a", "dominant_frame"] == "security"
    assert dominant.loc["a", "share_of_hits"] == pytest.approx(2 / 3)
    assert dominant.loc["b", "dominant_frame"] == "economy" and dominant.loc["c", "dominant_frame"] == "(none)"
    assert dominant.loc["c", "outlet"] == "y"


def test_dominant_frame_ties_are_joined():
    scores = pd.DataFrame({"doc_id": ["a", "a"], "frame": ["x", "y"], "hits": [2, 2]})
    assert framing.count_dominant_frames(scores)["dominant_frame"].tolist() == ["x / y"]


@pytest.fixture()
def sentence_scores():
    # outlet x: docs a (4 sentences, 2 with frame f), b (2 sentences, 2 with f)
    # outlet y: docs c (4 sentences, 0 with f), d (2 sentences, 1 with f); frame g absent everywhere but c
    rows = []
    plan = {"a": ("x", [1, 1, 0, 0]), "b": ("x", [1, 1]), "c": ("y", [0, 0, 0, 0]), "d": ("y", [1, 0])}
    for doc_id, (outlet, flags) in plan.items():
        for i, flag in enumerate(flags):
            rows.append((doc_id, i, "f", flag, flag > 0, outlet))
            g = int(doc_id == "c" and i == 0)
            rows.append((doc_id, i, "g", g, g > 0, outlet))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "frame", "hits", "present", "outlet"])


def test_compare_frames_differences_and_intervals(sentence_scores):
    table = framing.compare_frames(sentence_scores, by="outlet", n_boot=500, seed=3)
    f = table.set_index("frame").loc["f"]
    assert f["share_a"] == pytest.approx(4 / 6) and f["share_b"] == pytest.approx(1 / 6)
    assert f["diff"] == pytest.approx(0.5)
    assert f["diff_ci_low"] <= f["diff"] <= f["diff_ci_high"]
    # p-values: Mann-Whitney on per-document shares (x: a 2/4, b 2/2; y: c 0/4, d 1/2 for f;
    # x: 0, 0 and y: 1/4, 0 for g), then Holm over both frames, by hand
    expected = {
        "f": mannwhitneyu([0.5, 1.0], [0.0, 0.5], alternative="two-sided").pvalue,
        "g": mannwhitneyu([0.0, 0.0], [0.25, 0.0], alternative="two-sided").pvalue,
    }
    by_frame = table.set_index("frame")
    assert by_frame["p_value"].to_dict() == pytest.approx(expected)
    low, high = sorted(expected.values())
    holm = {k: min(1.0, 2 * low) if v == low else min(1.0, max(2 * low, high)) for k, v in expected.items()}
    assert by_frame["p_adjusted"].to_dict() == pytest.approx(holm)
    again = framing.compare_frames(sentence_scores, by="outlet", n_boot=500, seed=3)
    pd.testing.assert_frame_equal(table, again)


def test_frame_shares_interval_per_group(sentence_scores):
    shares = framing.count_frame_shares(sentence_scores, by="outlet", n_boot=300).set_index(["group", "frame"])
    assert shares.loc[("x", "f"), "estimate"] == pytest.approx(4 / 6)
    assert shares.loc[("x", "f"), "n_clusters"] == 2
    assert shares.loc[("x", "f"), "ci_low"] <= 4 / 6 <= shares.loc[("x", "f"), "ci_high"]


def test_chi2_and_cramers_v_against_scipy(sentence_scores):
    table = framing.compare_frames_chi2(sentence_scores, by="outlet").set_index("frame")
    observed = np.array([[4, 2], [1, 5]])  # x: 4 with f, 2 without; y: 1 with, 5 without
    assert table.loc["f", "cramers_v"] == pytest.approx(association(observed, method="cramer", correction=False))
    assert table.loc["f", "n"] == 12 and table.loc["f", "dof"] == 1
    assert "(all frames)" in table.index
    assert framing.cramers_v([[3, 1, 0], [0, 2, 5]]) == pytest.approx(
        association(np.array([[3, 1, 0], [0, 2, 5]]), method="cramer")
    )


def test_cooccurrence_by_hand(sentence_scores):
    table = framing.count_frame_cooccurrence(sentence_scores).set_index(["frame_a", "frame_b"])
    assert table.loc[("f", "g"), "n_both"] == 0 and table.loc[("f", "f"), "n_a"] == 5
    docs = framing.count_frame_cooccurrence(sentence_scores, unit="document").set_index(["frame_a", "frame_b"])
    assert docs.loc[("f", "f"), "n_a"] == 3 and docs.loc[("g", "g"), "n_a"] == 1 and docs.loc[("f", "g"), "n_both"] == 0


def test_actor_frames_count_sentences_where_both_occur(frames_file):
    sents = _sents("Putin rejected security guarantees.", "Putin spoke.", "Macron promised troops and sanctions.")
    hits = framing.split_frame_hits(sents, dictionary=frames_file)
    table = framing.count_actor_frames(sents, hits).set_index(["actor", "frame"])
    assert table.loc[("Russia", "security"), ["n_sentences", "actor_sentences"]].tolist() == [1, 2]
    assert table.loc[("Russia", "security"), "share"] == pytest.approx(0.5)
    assert table.loc[("France", "economy"), "n_sentences"] == 1
    assert ("Russia", "economy") not in table.index


# ---------------------------------------------------------------------------- naming


def test_naming_overlaps_within_concept_count_once_and_rates_per_10000():
    sents = _sents(
        "The coalition of the willing and the coalition met in Kyiv.", "Peacekeepers and peacekeeping force."
    )
    hits = framing.split_naming_hits(sents)
    names = list(zip(hits["concept"], hits["name"]))
    assert names.count(("the states offering support", "coalition of the willing")) == 1
    assert names.count(("the states offering support", "coalition")) == 1
    assert names.count(("the proposed force in Ukraine", "peacekeeping force")) == 2
    table = framing.count_naming(sents).set_index("name")
    words = ct.segment.count_words(" ".join(sents["text"]))
    assert table.loc["coalition", "n_words"] == words == 15
    assert table.loc["Kyiv", "per_10000_words"] == pytest.approx(10_000 / 15)
    assert table.loc["Kyiv", "share_of_concept"] == 1.0 and table.loc["Kiev", "hits"] == 0


def test_read_naming_errors_name_the_problem(tmp_path):
    bad = tmp_path / "names.yml"
    bad.write_text("concepts:\n  the war:\n    war: war\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="the war.*war.*list"):
        framing.read_naming(bad)
    with pytest.raises(DictionaryError, match="not found"):
        framing.read_naming("no_such_file")


# ---------------------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will never accept foreign troops in Ukraine," Putin said.', [("direct", "said", "Putin", "Russia")]),
        (
            "Prime Minister Keir Starmer told reporters the plan was ready.",
            [("indirect", "told", "Prime Minister Keir Starmer", "United Kingdom")],
        ),
        (
            "According to a Downing Street spokesperson, talks continued.",
            [("indirect", "according to", "a Downing Street spokesperson", "United Kingdom")],
        ),
        ('"The guarantees must be credible and binding," said Zelensky.', [("direct", "said", "Zelensky", "Ukraine")]),
        ("He stated that the force would deploy.", [("indirect", "stated", "He", "(pronoun)")]),
        ("Western officials said the talks had stalled.", [("indirect", "said", "Western officials", "(other)")]),
        ('The so-called "security guarantees" were vague.', []),  # scare quotes are not quotations
        ('"This is a decisive moment for all of Europe."', [("direct", "", "", "(unattributed)")]),
        ("European states weighed the plan.", []),
    ],
)
def test_split_quotes_on_fixture_sentences(text, expected):
    quotes = framing.split_quotes(_sents(text))
    assert list(zip(quotes["kind"], quotes["cue"], quotes["speaker"], quotes["actor"])) == expected
    for _, row in quotes[quotes["speaker_start"] >= 0].iterrows():
        assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker"]


def test_pronouns_take_the_last_named_speaker_within_the_window():
    sents = _sents(
        "Prime Minister Starmer said the plan was ready.",
        "He said troops were ready.",
        "Filler.",
        "Filler.",
        "Filler.",
        "She said nothing.",
        "Putin said no.",
        "They said yes.",
    )
    quotes = framing.split_quotes(sents)
    assert quotes[["speaker", "actor", "resolved_from"]].values.tolist() == [
        ["Prime Minister Starmer", "United Kingdom", ""],
        ["He", "United Kingdom", "Prime Minister Starmer"],
        ["She", "(pronoun)", ""],  # four sentences after the last named speaker: not resolved
        ["Putin", "Russia", ""],
        ["They", "(pronoun)", ""],  # plural pronouns are never resolved
    ]
    assert (framing.split_quotes(sents, pronoun_window=0)["actor"] == "(pronoun)").sum() == 3


def test_end_of_a_quotation_from_the_previous_sentence_is_direct():
    sents = _sents('"We are ready to act.', 'We will defend our allies," Rutte said.')
    quotes = framing.split_quotes(sents)
    assert quotes[["sent_id", "kind", "speaker", "actor", "quote"]].values.tolist() == [
        [1, "direct", "Rutte", "NATO", "We will defend our allies,"]
    ]


def test_count_quotes_per_group_and_actor():
    sents = pd.concat(
        [_sents("Putin said no.", "Lavrov said no again.", doc_id="a"), _sents("Macron said yes.", doc_id="b")]
    )
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"]})
    table = framing.count_quotes(framing.split_quotes(sents), by="outlet", corpus=corpus)
    assert table[["group", "actor", "n_quotes", "share"]].values.tolist() == [
        ["x", "Russia", 2, 1.0],
        ["y", "France", 1, 1.0],
    ]


# ---------------------------------------------------------------------------- evidence


def test_evidence_highlights_escaped_terms(frames_file):
    sents = _sents("<b>Sanctions</b> & costs rise.", "Costs.", "No frame here.")
    hits = framing.split_frame_hits(sents, dictionary=frames_file)
    evidence = framing.select_evidence(sents, hits, top_n=1)
    row = evidence.set_index("frame").loc["economy"]
    assert row["html"] == "&lt;b&gt;<mark>Sanctions</mark>&lt;/b&gt; &amp; <mark>costs</mark> rise."
    assert row["sent_id"] == 0 and row["n_hits"] == 2 and row["rank"] == 1 and row["group"] == "a"


# ---------------------------------------------------------------------------- coding and agreement


def test_cohens_kappa_matches_scikit_learn():
    rng = np.random.default_rng(7)
    for _ in range(20):
        a, b = rng.integers(0, 3, 40), rng.integers(0, 3, 40)
        b[:20] = a[:20]
        assert framing.cohens_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))
    assert math.isnan(framing.cohens_kappa([1, 1], [1, 1]))


def test_krippendorff_alpha_on_published_examples():
    # Krippendorff (2011), Computing Krippendorff's alpha-reliability: nominal data, 4 observers,
    # 12 units, missing values -> alpha = 0.743; binary data, 2 observers, 10 units -> 0.095
    nan = np.nan
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
    assert framing.krippendorff_alpha(data) == pytest.approx(0.743, abs=5e-4)
    binary = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    assert framing.krippendorff_alpha(binary) == pytest.approx(0.095, abs=5e-4)


def test_coding_round_trip_and_confusion_matrix(tmp_path, frames_file):
    sents = _sents("Sanctions bite.", "Troops arrive.", "Costs of troops.", "Nothing.", "Peace.")
    hits = framing.split_frame_hits(sents, dictionary=frames_file)
    sheet = framing.export_coding_sample(sents, hits, frames=framing.read_frames(frames_file), n=10, seed=1)
    assert len(sheet) == 5 and set(sheet.columns) == set(framing.CODING_KEYS) | {"security", "economy"}
    assert (sheet[["security", "economy"]] == "").all().all()  # codes hidden
    coder = sheet.set_index("sent_id")
    # dictionary economy: sentences 0, 2. coder_1 economy: 0, 3 -> both 1, only_dict 1, only_coder 1, neither 2
    coder["economy"] = ["1" if i in (0, 3) else "0" for i in coder.index]
    coder["security"] = ["yes" if i in (1, 2) else "no" for i in coder.index]
    coder.reset_index().to_csv(tmp_path / "coder_1.csv", index=False)
    coder2 = coder.copy()
    coder2["economy"] = ["1" if i in (0, 2, 3) else "" for i in coder2.index]
    coder2.reset_index().to_csv(tmp_path / "coder_2.csv", index=False)
    coding = framing.read_coding([tmp_path / "coder_1.csv", tmp_path / "coder_2.csv"])
    table = framing.compare_coding(coding, hits).set_index(["frame", "rater_a", "rater_b"])
    row = table.loc[("economy", "dictionary", "coder_1")]
    assert row[["n", "both", "only_a", "only_b", "neither"]].tolist() == [5, 1, 1, 1, 2]
    assert (
        row["precision"] == pytest.approx(0.5)
        and row["recall"] == pytest.approx(0.5)
        and row["f1"] == pytest.approx(0.5)
    )
    dict_codes = [1, 0, 1, 0, 0]
    coder_codes = [1, 0, 0, 1, 0]
    assert row["kappa"] == pytest.approx(cohen_kappa_score(dict_codes, coder_codes))
    assert row["alpha"] == pytest.approx(framing.krippendorff_alpha([dict_codes, coder_codes]))
    assert table.loc[("security", "dictionary", "coder_1"), "f1"] == pytest.approx(1.0)
    assert table.loc[("economy", "coder_1", "coder_2"), "only_b"] == 1


def test_coding_sample_is_seeded_and_stratified():
    sents = pd.concat(
        [_sents(*[f"Sentence {i} costs." if i % 2 else f"Sentence {i}." for i in range(20)], doc_id=d) for d in "ab"]
    )
    hits = framing.split_frame_hits(sents, dictionary="generic")
    one = framing.export_coding_sample(sents, hits, frames=["economic"], n=8, seed=5)
    two = framing.export_coding_sample(sents, hits, frames=["economic"], n=8, seed=5)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) == 8 and one["doc_id"].value_counts().tolist() == [4, 4]
    assert one["text"].str.contains("costs").sum() == 4  # two per stratum (document x flagged)
    assert not one.equals(framing.export_coding_sample(sents, hits, frames=["economic"], n=8, seed=6))


def test_read_coding_rejects_a_bad_cell_with_its_line(tmp_path):
    path = tmp_path / "ann.csv"
    pd.DataFrame(
        {"coding_id": [1, 2], "doc_id": ["a", "a"], "sent_id": [0, 1], "text": ["x", "y"], "economic": ["1", "maybe"]}
    ).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"ann, line 3, column 'economic'.*maybe"):
        framing.read_coding(path)


# ---------------------------------------------------------------------------- plots and seeds


def test_plots_return_figures_without_saving(tmp_path, frames_file, fixture_corpus, sentence_scores):
    import matplotlib.figure

    salience = framing.count_frame_salience(
        framing.score_frames(fixture_corpus, dictionary=frames_file, by="outlet"), by="outlet"
    )
    figures = [
        framing.plot_frame_heatmap(salience),
        framing.plot_frame_cooccurrence(framing.count_frame_cooccurrence(sentence_scores)),
        framing.plot_frame_differences(framing.compare_frames(sentence_scores, by="outlet", n_boot=100)),
    ]
    assert all(isinstance(f, matplotlib.figure.Figure) for f in figures)
    assert not list(tmp_path.glob("*.png"))


@pytest.mark.parametrize(
    ("outlets", "n_words", "expected"),
    [
        (["x", "y", "y", "z"], [10, 50, 50, 90], ["y", "z"]),  # most documents first, then most words
        (["p", "q", "r", "s"], [300, 100, 900, 100], ["r", "p"]),  # one document each: the two longest
        (["p", "q", "r", "s"], [100, 100, 100, 100], ["p", "q"]),  # full tie: by name
    ],
)
def test_default_contrast_is_the_two_largest_groups(outlets, n_words, expected):
    docs = pd.DataFrame({"doc_id": list("abcd"), "outlet": outlets, "n_words": n_words})
    assert framing.select_contrast_groups(docs, by="outlet") == expected


def test_default_contrast_on_seeds_documents_is_the_two_longest(seeds_corpus):
    longest = seeds_corpus.sort_values("n_words", ascending=False)["doc_id"].head(2).tolist()
    assert framing.select_contrast_groups(seeds_corpus, by="doc_id") == longest


def _differences(n_groups: int) -> pd.DataFrame:
    groups = [f"g{i}" for i in range(n_groups)]
    pairs = [(a, b) for i, a in enumerate(groups) for b in groups[i + 1 :]]
    rows = [(frame, a, b, d, d - 0.1, d + 0.1) for a, b in pairs for frame, d in (("war", 0.2), ("peace", -0.1))]
    return pd.DataFrame(rows, columns=["frame", "group_a", "group_b", "diff", "diff_ci_low", "diff_ci_high"])


def test_difference_plot_shows_every_pair_and_says_when_it_cannot():
    import matplotlib.pyplot as plt

    fig = framing.plot_frame_differences(_differences(5), labels={"g0": "Article zero"})
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 10 and fig.get_suptitle() == ""  # 5 groups: 10 pairs, none dropped
    assert panels[0].get_title() == "Article zero\nminus g1"
    assert [t.get_text() for t in panels[0].get_yticklabels()] == ["peace", "war"]
    assert all(ax.get_xlabel() for ax in panels[-3:])  # the lowest panel of every column has the x axis
    fig = framing.plot_frame_differences(_differences(6), max_pairs=12)
    assert sum(ax.get_visible() for ax in fig.axes) == 12
    assert fig.get_suptitle().startswith("first 12 of 15 pairs")
    plt.close("all")


def test_heatmap_rows_use_the_labels_given():
    import matplotlib.pyplot as plt

    salience = pd.DataFrame(
        {"group": ["a", "a", "b", "b"], "frame": ["war", "peace"] * 2, "per_1000_words": [1.0, 2, 3, 4]}
    )
    ax = framing.plot_frame_heatmap(salience, labels={"a": "Article A"}).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Article A", "b"]
    assert ax.get_title() == "Frame salience: hits per 1,000 words"
    plt.close("all")


def test_seeds_security_frames_present(seeds_corpus, seeds_sentences):
    scores = framing.score_frames(seeds_corpus, dictionary="security", sentences=seeds_sentences)
    per_frame = scores.groupby("frame")["hits"].sum()
    assert per_frame["deterrence_security"] > 0 and per_frame["diplomacy_negotiation"] > 0
    assert (scores.groupby("doc_id")["n_words"].first() > 0).all()


def test_validation_scores_a_hand_written_frac_file(tmp_path):
    from corpus_tools.validation import framing as validation

    folder = tmp_path / "frames" / "frac"
    folder.mkdir(parents=True)
    rows = [
        ("Taxes and prices will rise.", 1),
        ("Jobs were cut.", 1),
        ("It is a moral duty.", 3),
        ("The court ruled the law illegal.", 5),
        ("Troops deter an attack.", 8),
        ("Voters liked it.", 12),
    ]
    pd.DataFrame(rows, columns=["sentence", "label"]).to_csv(folder / "gold_standard_single_label_all.csv", index=False)
    table = validation.score_mappings(validation.read_frac(tmp_path)).set_index(["dictionary", "frames"])
    economic = table.loc[("generic", "economic")]
    assert economic[["positives", "flagged", "precision", "recall", "auc"]].tolist() == [2, 2, 1.0, 1.0, 1.0]
    assert table.loc[("security", "legitimacy_law"), "recall"] == 1.0
    assert validation.run(tmp_path) is True


# ---------------------------------------------------------------------------- notebook


def test_framing_notebook_runs_on_fixture_corpus(tmp_path):
    from corpus_tools.config import NOTEBOOKS_DIR
    from corpus_tools.runner.execute import execute_notebook

    fixtures = FIXTURES_DIR / "framing"
    sheet = pd.DataFrame(
        {
            "doc_id": ["beta_2", "beta_1", "alpha_1", "alpha_2"],
            "sent_id": [2, 0, 0, 2],
            "text": ["", "", "", ""],
            "sovereignty_territory": [1, 1, 0, 0],
        }
    )
    sheet.to_csv(tmp_path / "coder_a.csv", index=False)
    params = {
        "corpus": str(fixtures / "corpus"),
        "metadata": str(fixtures / "metadata.csv"),
        "group_by": "outlet",
        "dictionary": "security",
        "n_boot": 200,
        "coding_n": 6,
        "coding_sheets": str(tmp_path / "coder_a.csv"),
        "output_dir": str(tmp_path),
    }
    execute_notebook(NOTEBOOKS_DIR / "framing.ipynb", tmp_path, params)
    tables = tmp_path / "tables"
    salience = pd.read_csv(tables / "framing_salience.csv").set_index(["group", "frame"])
    assert len(salience) == 2 * 8
    # Alpha: security guarantees, troops, deter, reassurance, protect (alpha_1) + air defence (alpha_2); 55 + 42 words
    assert salience.loc[("Alpha", "deterrence_security"), "hits"] == 6
    assert salience.loc[("Alpha", "deterrence_security"), "per_1000_words"] == pytest.approx(1000 * 6 / 97, rel=1e-5)
    # Beta: territory, Donetsk, Crimea in one sentence of beta_2
    assert salience.loc[("Beta", "sovereignty_territory"), ["hits", "share_documents"]].tolist() == [3, 0.5]
    naming = pd.read_csv(tables / "framing_naming.csv").set_index(["group", "name"])
    assert naming.loc[("Alpha", "Kyiv"), "hits"] == 1 and naming.loc[("Alpha", "Kiev"), "hits"] == 0
    assert naming.loc[("Beta", "Kiev"), "hits"] == 1 and naming.loc[("Beta", "special military operation"), "hits"] == 1
    voices = pd.read_csv(tables / "framing_voices.csv").set_index(["group", "actor"])
    assert voices.loc[("Alpha", "France"), "n_quotes"] == 2 and voices.loc[("Alpha", "France"), "n_direct"] == 1
    assert voices.loc[("Beta", "Russia"), "n_quotes"] == 2 and voices.loc[("Alpha", "United Kingdom"), "n_quotes"] == 1
    differences = pd.read_csv(tables / "framing_differences.csv")
    assert set(differences["group_a"]) == {"Alpha"} and len(differences) == 8
    assert (differences["diff_ci_low"] <= differences["diff"]).all() and (
        differences["diff"] <= differences["diff_ci_high"]
    ).all()
    sample = pd.read_csv(tables / "framing_coding_sample.csv", keep_default_na=False)
    assert len(sample) == 6 and (sample["legitimacy_law"] == "").all()
    agreement = pd.read_csv(tables / "framing_agreement.csv").set_index(["frame", "rater_a"])
    row = agreement.loc[("sovereignty_territory", "dictionary")]
    assert row[["n", "both", "only_a", "only_b", "neither"]].tolist() == [4, 1, 0, 1, 2]
    assert row["precision"] == 1.0 and row["recall"] == 0.5
    contrast = pd.read_csv(tables / "framing_term_contrast.csv", keep_default_na=False).set_index("term")
    assert contrast["log_odds_z"].is_monotonic_decreasing
    # target Alpha (first by name among the two groups of two documents), reference Beta
    assert contrast.loc["reassurance", ["n_target", "n_reference"]].tolist() == [1, 0]
    assert contrast.loc["peace", ["n_target", "n_reference"]].tolist() == [0, 2]
    assert contrast.loc["reassurance", "log_odds_z"] > 0 > contrast.loc["peace", "log_odds_z"]
    evidence = pd.read_csv(tables / "framing_evidence.csv")
    assert evidence["html"].str.contains("<mark>").all()
    for name in ("framing_heatmap", "framing_differences", "framing_cooccurrence", "framing_term_contrast"):
        assert (tmp_path / "figures" / f"{name}.png").exists()


def test_readme_worked_example_numbers(seeds_corpus, seeds_sentences):
    scores = framing.score_frames(seeds_corpus, dictionary="security", sentences=seeds_sentences)
    row = scores.set_index(["doc_id", "frame"]).loc[("003_564980538acac505", "deterrence_security")]
    assert row[["hits", "n_words"]].tolist() == [13, 409]
    assert round(row["per_1000_words"], 3) == 31.785 and round(row["share_sentences"], 3) == 0.579


def test_docstring_examples_run():
    import doctest

    from corpus_tools.validation import framing as validation

    for module in (framing, validation):
        assert doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


@pytest.mark.parametrize(
    ("kwargs", "drop", "error", "message"),
    [
        (
            {"dictionary": "genric"},
            None,
            ct.dictionaries.DictionaryError,
            r"no shipped dictionary named 'genric'; available: .*generic.*\(or give the path of a \.yml",
        ),
        (
            {"dictionary": "missing.yml"},
            None,
            ct.dictionaries.DictionaryError,
            r"missing\.yml: no such dictionary file",
        ),
        (
            {"by": "outlett"},
            None,
            KeyError,
            r"grouping column\(s\) \['outlett'\] not found; pass corpus= with them .*metadata=",
        ),
        ({}, "text", KeyError, r"missing column\(s\) \['text'\].*Pass a corpus from corpus_tools\.load_corpus"),
    ],
)
def test_score_frames_bad_input_names_the_problem_and_fix(kwargs, drop, error, message):
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": ["Sanctions cost a lot."]})
    with pytest.raises(error, match=message):
        framing.score_frames(corpus.drop(columns=drop) if drop else corpus, **kwargs)


def test_frame_heatmap_with_two_groups_keeps_room_for_its_rows():
    # Two groups once gave a squashed strip under rotated frame labels.
    salience = pd.DataFrame(
        {
            "group": ["a"] * 8 + ["b"] * 8,
            "frame": [f"frame_name_{i}" for i in range(8)] * 2,
            "per_1000_words": np.arange(16.0),
        }
    )
    fig = framing.plot_frame_heatmap(salience)
    axes_height_in = fig.axes[0].get_position().height * fig.get_size_inches()[1]
    assert axes_height_in >= 0.4 * 2  # at least 0.4 inch per row
