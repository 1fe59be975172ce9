"""Frame dictionaries, hits and scores (corpus_tools.framing.frames)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import framing
from corpus_tools.io import CorpusWarning

FIXTURES_DIR = Path(__file__).parents[1] / "fixtures"


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
def test_match_frames_globs_phrases_overlaps(make_sents, frames_file, text, expected):
    hits = framing.match_frames(make_sents(text), dictionary=frames_file)
    assert list(zip(hits["frame"], hits["term"])) == expected
    for _, row in hits.iterrows():
        assert text[row["start"] : row["end"]] == row["term"]


def test_negated_hits_are_flagged_and_can_be_dropped(make_sents, frames_file):
    sents = make_sents("There are no security guarantees.", "Security guarantees exist.")
    hits = framing.match_frames(sents, dictionary=frames_file)
    assert hits["negated"].tolist() == [True, False]
    kept = framing.match_frames(sents, dictionary=frames_file, count_negated=False)
    assert kept["sent_id"].tolist() == [1]


def test_shipped_frame_dictionaries_load_with_codebooks():
    assert framing.list_frame_dictionaries() == ["generic", "generic_v1", "security"]
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
def test_shipped_frames_find_textbook_cues(make_sents, dictionary, text, frame):
    assert frame in set(framing.match_frames(make_sents(text), dictionary=dictionary)["frame"])


@pytest.mark.parametrize("name, frames", [("mini.dic", {"posemo", "negemo"}), ("mini.lc3", {"negative", "positive"})])
def test_frame_dictionaries_from_liwc_and_lexicoder_files(make_sents, name, frames):
    dictionary = framing.read_frames(FIXTURES_DIR / "dictionaries" / name)
    assert frames <= set(dictionary.category_names)
    hits = framing.match_frames(make_sents("A happy, bittersweet and bad day."), dictionary=dictionary)
    assert set(hits["frame"]) & frames


def test_crimea_is_not_a_crime_and_territorial_integrity_not_morality(make_sents):
    hits = framing.match_frames(make_sents("Crimea and territorial integrity."), dictionary="generic")
    assert "morality" not in set(hits["frame"])
    assert "legitimacy_law" not in set(framing.match_frames(make_sents("Crimea."), dictionary="security")["frame"])


def test_score_frames_per_10k_by_hand(frames_file, fixture_corpus):
    scores = framing.score_frames(fixture_corpus, dictionary=frames_file, by="outlet")
    got = scores.set_index(["doc_id", "frame"])
    assert got.loc[("a", "security"), ["hits", "n_words", "n_sentences", "sentences_with_frame"]].tolist() == [
        2,
        9,
        2,
        1,
    ]
    assert got.loc[("a", "security"), "per_10k"] == pytest.approx(10_000 * 2 / 9)
    assert got.loc[("a", "economy"), "share_sentences"] == pytest.approx(0.5)
    assert got.loc[("b", "economy"), "per_10k"] == pytest.approx(10_000 * 2 / 4)
    assert got.loc[("c", "economy"), "hits"] == 0 and got.loc[("c", "economy"), "per_10k"] == 0
    assert got.loc[("c", "security"), "outlet"] == "y"
    assert len(scores) == 3 * 2


def test_seeds_security_frames_present(seeds_corpus, seeds_sentences):
    scores = framing.score_frames(seeds_corpus, dictionary="security", sentences=seeds_sentences)
    per_frame = scores.groupby("frame")["hits"].sum()
    assert per_frame["deterrence_security"] > 0 and per_frame["diplomacy_negotiation"] > 0
    assert (scores.groupby("doc_id")["n_words"].first() > 0).all()


def test_readme_worked_example_numbers(seeds_corpus, seeds_sentences):
    scores = framing.score_frames(seeds_corpus, dictionary="security", sentences=seeds_sentences)
    row = scores.set_index(["doc_id", "frame"]).loc[("003_564980538acac505", "deterrence_security")]
    assert row[["hits", "n_words"]].tolist() == [13, 409]
    assert round(row["per_10k"], 3) == 317.848 and round(row["share_sentences"], 3) == 0.579


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
            r"grouping column 'outlett' is not in the table .*the documents have .*'outlet'.*metadata=",
        ),
        ({}, "text", KeyError, r"missing column\(s\) \['text'\].*Pass a corpus from corpus_tools\.load_corpus"),
    ],
)
def test_score_frames_bad_input_names_the_problem_and_fix(kwargs, drop, error, message):
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": ["Sanctions cost a lot."]})
    with pytest.raises(error, match=message):
        framing.score_frames(corpus.drop(columns=drop) if drop else corpus, **kwargs)


def test_frame_dictionaries_match_english_documents_only():
    docs = pd.DataFrame(
        {
            "doc_id": ["en", "de"],
            "language": ["en", "de"],
            "text": ["The costs rose again.", "Die Kosten stiegen, sagte der Minister in Berlin."],
        }
    )
    docs.loc[1, "text"] += " Sanctions cost billions."  # English words inside a German article: not counted
    with pytest.warns(CorpusWarning, match=r"framing: 1 documents not in English \(de: 1\)"):
        table = ct.framing.score_frames(docs).query("frame == 'economic'").set_index("doc_id")
    assert table.loc["en", "hits"] == 1 and table.loc["en", "per_10k"] > 0
    assert table.loc["de", "hits"] == 0 and pd.isna(table.loc["de", ["per_10k", "share_sentences"]]).all()


_DE = "Die Kosten der Sanktionen stiegen weiter, sagte der Minister am Montag in Berlin."
_EN_SHORT = "Crimea: territorial costs."  # py3langid's best guess is Catalan, at low probability


@pytest.mark.parametrize(
    "source, expected_docs",
    [
        ("bare", {"en", "short"}),  # detected from the sentences; a short English one is never skipped
        ("sentences", {"en", "short"}),  # a language column on the sentences
        ("corpus", {"en", "short"}),  # the language column of the documents
    ],
)
def test_match_frames_skips_documents_not_in_english_and_says_so(source, expected_docs):
    sents = pd.DataFrame(
        {
            "doc_id": ["en", "de", "de", "short"],
            "sent_id": [0, 0, 1, 0],
            "start": [0, 0, 90, 0],
            "text": ["Sanctions cost billions in Europe.", _DE, "Sanctions cost billions.", _EN_SHORT],
        }
    )
    languages = {"en": "en", "de": "de", "short": "und"}
    corpus = None
    if source == "sentences":
        sents["language"] = sents["doc_id"].map(languages)
    elif source == "corpus":
        corpus = pd.DataFrame({"doc_id": list(languages), "language": list(languages.values())})
    with pytest.warns(CorpusWarning, match=r"framing: 1 documents not in English \(de: 1; 2 sentences\)"):
        hits = framing.match_frames(sents, dictionary="generic", corpus=corpus)
    assert set(hits["doc_id"]) == expected_docs
    english_only = framing.match_frames(sents[sents["doc_id"] != "de"], dictionary="generic")
    assert hits.equals(english_only)


def test_match_frames_and_score_frames_agree_on_a_bare_sentence_table():
    docs = pd.DataFrame({"doc_id": ["en", "de"], "text": ["Sanctions cost billions in Europe.", _DE]})
    sents = ct.split_sentences(docs)
    with pytest.warns(CorpusWarning, match=r"\(de: 1\)"):
        scores = framing.score_frames(docs, sentences=sents).query("frame == 'economic'").set_index("doc_id")
    with pytest.warns(CorpusWarning, match=r"\(de: 1; 1 sentences\)"):
        hits = framing.match_frames(sents)
    assert scores.loc["de", "hits"] == 0 and pd.isna(scores.loc["de", "per_10k"])
    assert scores.loc["en", "hits"] == int((hits["frame"] == "economic").sum()) == 3


def _score_frame_sentences_before(sentences, frames, hits, by, corpus):
    """The previous implementation (a cross join of sentences and frames, merged with hit counts)."""
    from corpus_tools.framing.frames import _with_groups

    grid = sentences[["doc_id", "sent_id"]].merge(pd.DataFrame({"frame": frames.category_names}), how="cross")
    counts = hits.groupby(["doc_id", "sent_id", "frame"]).size().rename("hits").reset_index()
    table = grid.merge(counts, on=["doc_id", "sent_id", "frame"], how="left")
    table["hits"] = table["hits"].fillna(0).astype("int64")
    table["present"] = table["hits"] > 0
    if by != "doc_id" and by in sentences.columns:
        table = table.merge(sentences[["doc_id", by]].drop_duplicates("doc_id"), on="doc_id", how="left")
    return _with_groups(table, by, corpus)


@pytest.mark.parametrize("by", ["doc_id", "outlet"])
@pytest.mark.parametrize("source", ["seeds", "generated", "fixture"])
def test_score_frame_sentences_equals_the_previous_implementation(
    source, by, seeds_corpus, seeds_sentences, generated_corpus, fixture_corpus, frames_file
):
    if source == "seeds":
        docs, sentences, frames = seeds_corpus.assign(outlet=seeds_corpus["doc_id"].str[:3]), seeds_sentences, "generic"
    elif source == "generated":
        docs, sentences, _ = generated_corpus
        frames = "generic"
    else:
        docs, frames = fixture_corpus, frames_file
        sentences = ct.split_sentences(docs)
    frames = framing.read_frames(frames)
    hits = framing.match_frames(sentences, dictionary=frames)
    # hits of a sentence and of a frame the table does not have are not counted
    stray = pd.DataFrame({"doc_id": ["nowhere", docs["doc_id"].iloc[0]], "sent_id": [0, 0], "frame": ["x", "other"]})
    hits = pd.concat([hits, stray], ignore_index=True)
    new = framing.score_frame_sentences(sentences, dictionary=frames, hits=hits, by=by, corpus=docs)
    old = _score_frame_sentences_before(sentences, frames, hits, by, docs)
    pd.testing.assert_frame_equal(new, old)
    assert new["hits"].sum() == len(hits) - 2


def test_score_frame_sentences_carries_the_grouping_column_of_the_sentences(make_sents, frames_file):
    sents = pd.concat([make_sents("Troops left.", "Costs rose."), make_sents("Peace.", doc_id="b")])
    sents["outlet"] = ["x", "x", None]
    new = framing.score_frame_sentences(sents, dictionary=frames_file, by="outlet")
    old = _score_frame_sentences_before(
        sents, framing.read_frames(frames_file), framing.match_frames(sents, dictionary=frames_file), "outlet", None
    )
    pd.testing.assert_frame_equal(new, old)
    assert new["group"].tolist() == ["x", "x", "x", "x", "(missing)", "(missing)"]


WORDY = [
    "The U.S. sent $76.8 billion, Zelensky's aides said; 26% of 1,000.50 A.B.C. e.g. x-ray don't -x- _a_ 3.",
    "Переговоры возобновятся.",
    "和平谈判。 mixed ASCII and ü",
    "",
    "...!!!",
    "tab\tseparated\nlines a.b. ab. a.b",
    "O’Brien’s (quote) 'single' \"double\" 12.5.6 9,8,7% 0x1F",
]


def test_word_counts_equal_count_words(seeds_sentences, generated_corpus):
    from corpus_tools.framing.frames import _count_words
    from corpus_tools.tokens import count_words

    texts = pd.concat(
        [seeds_sentences["text"], generated_corpus[1]["text"], pd.Series(WORDY), pd.Series([None, float("nan")])],
        ignore_index=True,
    )
    assert _count_words(texts).tolist() == [count_words(t) for t in texts]


def test_score_frames_equals_counting_words_sentence_by_sentence(generated_corpus, seeds_corpus, seeds_sentences):
    from corpus_tools.tokens import count_words

    docs, sentences, hits = generated_corpus
    for corpus, sents, kwargs in (
        (docs, sentences, {"hits": hits, "by": "outlet"}),
        (seeds_corpus, seeds_sentences, {}),
    ):
        new = framing.score_frames(corpus, sentences=sents, **kwargs)
        words = sents.assign(n_words=sents["text"].map(count_words)).groupby("doc_id")["n_words"].sum()
        assert new["n_words"].tolist() == new["doc_id"].map(words).tolist()
        assert new["n_sentences"].tolist() == new["doc_id"].map(sents.groupby("doc_id").size()).tolist()
