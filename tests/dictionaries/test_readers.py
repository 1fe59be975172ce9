"""Dictionary reading (YAML, CSV, LIWC, Lexicoder) and matching: globs, phrases, overlap,
negation, case-sensitive patterns, overrides, errors naming file:line."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.dictionaries import (
    Dictionary,
    DictionaryError,
    DictionaryWarning,
    Negation,
    list_dictionaries,
    make_entry,
    match_actors,
    match_dictionary,
    read_dictionary,
)

DICTS = Path(__file__).parent / "fixtures" / "dictionaries"


def sentences_of(*texts: str, doc_id: str = "d") -> pd.DataFrame:
    """A sentence table for one document whose sentences are joined by a space."""
    rows, start = [], 0
    for i, text in enumerate(texts):
        rows.append((doc_id, i, start, start + len(text), text))
        start += len(text) + 1
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text"])


def terms(hits: pd.DataFrame, category: str | None = None) -> list[str]:
    rows = hits if category is None else hits[hits["category"] == category]
    return rows["term"].tolist()


# ------------------------------------------------------------------ readers


def test_read_yaml_fixture():
    d = read_dictionary(DICTS / "mini.yml")
    assert d.name == "mini" and d.licence == "MIT" and d.version == "1" and d.source == "written for the tests"
    assert d.category_names == ["security", "economy", "tone"]
    assert d.categories["security"] == "guarantees and forces"
    assert d.patterns("economy") == ["sanction*", "*peace*", "cost"]
    weights = d.to_frame().set_index("pattern")["weight"]
    assert weights["good"] == 2 and weights["bad"] == -2 and weights["fair"] == 1  # category default
    assert d.negation.window == 2
    assert d.sha256 == hashlib.sha256((DICTS / "mini.yml").read_bytes()).hexdigest()


def test_read_csv_fixture():
    d = read_dictionary(DICTS / "mini.csv")
    frame = d.to_frame()
    assert frame[["category", "pattern", "weight"]].values.tolist() == [
        ["positive", "good", 3.0],
        ["negative", "bad", -3.0],
        ["positive", "peace talk*", 1.0],
        ["negative", "war", -2.0],
    ]


def test_read_liwc_fixture():
    d = read_dictionary(DICTS / "mini.dic")
    assert d.category_names == ["posemo", "negemo"]
    assert d.patterns("posemo") == ["happy*", "bittersweet"]
    assert d.patterns("negemo") == ["sad", "bittersweet"]


def test_read_lexicoder_fixture():
    d = read_dictionary(DICTS / "mini.lc3")
    assert d.category_names == ["negative", "positive", "neg_positive", "neg_negative"]
    assert d.patterns("negative") == ["abandon*", "bad"]  # trailing space = exact word
    assert d.patterns("neg_positive") == ["not good*"]
    hits = match_dictionary(sentences_of("They abandoned a bad plan; it was not good."), d, negation=False)
    assert sorted(zip(hits["category"], hits["term"])) == [
        ("neg_positive", "not good"),
        ("negative", "abandoned"),
        ("negative", "bad"),
        ("positive", "good"),
    ]


def test_read_shipped_name_and_unknown_name():
    assert "Russia" in read_dictionary("ukraine_security").category_names
    with pytest.raises(DictionaryError, match="no shipped dictionary named 'nope'.*ukraine_security"):
        read_dictionary("nope")


@pytest.mark.parametrize(
    "content",
    [
        "category,term,weight\npos,good,2\nneg,bad,-1\n",
        "Pattern,Valence,Category\ngood,2,pos\nbad,-1,neg\n",
        "category,term\npos,good\nneg,bad\n",
    ],
)
def test_csv_header_in_any_column_order(tmp_path, content):
    path = tmp_path / "tone.csv"
    path.write_text(content, encoding="utf-8")
    d = read_dictionary(path)
    assert d.category_names == ["pos", "neg"]
    assert d.patterns("pos") == ["good"] and d.patterns("neg") == ["bad"]


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        ("bad.yml", "name: x\ncategories:\n  a: [ok, 'sanc*ion']\n", 3, r"'\*' is allowed only at the start or end"),
        ("bad.yml", "name: x\ncategories:\n  a:\n    - good: lots\n", 4, "weight 'lots'.*not a number"),
        ("bad.yml", "name: x\ncolour: red\ncategories:\n  a: [b]\n", 2, "unknown key 'colour'"),
        ("bad.yml", "name: x\ncategories:\n  a: [b\n  c: d\n", 4, "YAML syntax error"),
        (
            "bad.yml",
            "name: x\ncategories:\n  a:\n    pattern: [b]\n",
            4,
            "takes 'description', 'weight' and 'patterns'",
        ),
        ("bad.yml", "name: x\nnegation: {window: -1}\ncategories:\n  a: [b]\n", 2, "window must be a whole number"),
        ("bad.csv", "term,category,weight\ngood,pos,1\nbad,neg,1,extra\n", 3, "expected term,category,weight"),
        ("bad.csv", "good,pos,high\n", 1, "weight 'high'"),
        ("bad.csv", "good,,1\n", 1, "empty category"),
        ("bad.csv", "term,cat,weight\ngood,pos,1\n", 1, r"unknown column\(s\) \['cat'\]\); name the columns term"),
        ("bad.csv", "category,weight\npos,1\n", 1, r"header 'category,weight' is not term,category\[,weight\]"),
        ("bad.csv", "word,term,category\ngood,good,pos\n", 1, "each once"),
        ("bad.dic", "%\n1\tpos\n%\ngood\t1\nbad\t7\n", 5, r"unknown: \['7'\]"),
        ("bad.dic", "%\n1\tpos\ngood\t1\n", 3, "expected 'number<TAB>category name'"),
        ("bad.dic", "good\t1\n", 1, "starts with a line '%'"),
        ("bad.lc3", "good \n+positive\nfine\n", 1, "before any '\\+category' line"),
        ("bad.lc3", "+positive\ngood\n+\nbad\n", 3, "must name a category"),
    ],
)
def test_malformed_files_name_file_and_line(tmp_path, name, content, line, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as err:
        read_dictionary(path)
    assert f"{path}:{line}:" in str(err.value)


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("emo.lc3", "+positive\ngood\n:-)\n", 3),
        ("emo.csv", "good,positive\n:-),positive\n", 2),
        ("emo.yml", "name: emo\ncategories:\n  positive: [good, ':-)']\n", 3),
        ("emo.dic", "%\n1\tpositive\n%\ngood\t1\n:-)\t1\n", 5),
    ],
)
def test_patterns_without_letters_are_skipped_with_one_warning(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.warns(
        DictionaryWarning, match=rf"1 pattern\(s\) without letters or digits skipped .*':-\)' \(.*:{line}\)"
    ):
        d = read_dictionary(path)
    assert d.patterns() == ["good"]


def test_unknown_suffix_and_missing_file(tmp_path):
    path = tmp_path / "lexicon.xlsx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(DictionaryError, match="unknown dictionary format '.xlsx'"):
        read_dictionary(path)
    with pytest.raises(DictionaryError, match="no such dictionary file"):
        read_dictionary(tmp_path / "missing.yml")


# ------------------------------------------------------------------ matching


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (
            "sanction*",
            "Sanctions and sanctioned banks, not a sanction-free zone.",
            ["Sanctions", "sanctioned", "sanction-free"],
        ),
        ("*peace*", "Peacekeepers keep the peace; peaceful talks.", ["Peacekeepers", "peace", "peaceful"]),
        ("*keeping", "Peacekeeping and keeping.", ["Peacekeeping", "keeping"]),
        ("guarantee", "Guarantees differ from a guarantee.", ["guarantee"]),
        (
            "coalition of the willing",
            "The Coalition of the Willing met; a coalition of the unwilling did not.",
            ["Coalition of the Willing"],
        ),
        (
            "security guarantee*",
            "Security guarantees, a security guarantee, security alone.",
            ["Security guarantees", "security guarantee"],
        ),
        ("Russia", "Russia's army and Russian troops.", ["Russia's"]),
        ("U.S.", "The U.S. and the US.", ["U.S."]),
        ("=US", "The US told us that US-led talks help us.", ["US"]),
        ("=Turkey", "Turkey will not serve turkey.", ["Turkey"]),
    ],
)
def test_match_single_pattern(pattern, text, expected):
    d = Dictionary.from_mapping({"c": [pattern]})
    hits = match_dictionary(sentences_of(text), d, negation=False)
    assert terms(hits) == expected
    assert all(text[s:e] == t for s, e, t in zip(hits["start"], hits["end"], hits["term"]))


def test_offsets_point_into_document_text():
    texts = ("First sentence here.", "Sanctions bite.", "More sanctions")
    document = " ".join(texts)
    hits = match_dictionary(sentences_of(*texts), Dictionary.from_mapping({"c": ["sanction*"]}))
    assert hits["sent_id"].tolist() == [1, 2]
    assert [document[s:e] for s, e in zip(hits["start"], hits["end"])] == ["Sanctions", "sanctions"]


def test_overlap_counted_once_per_category_longest_wins():
    d = Dictionary.from_mapping(
        {
            "security": ["security", "security guarantee*", "guarantee*"],
            "other": ["guarantees"],
        }
    )
    hits = match_dictionary(sentences_of("Security guarantees matter more than security."), d)
    assert terms(hits, "security") == ["Security guarantees", "security"]
    assert hits.loc[hits["category"] == "security", "pattern"].tolist() == ["security guarantee*", "security"]
    assert terms(hits, "other") == ["guarantees"]  # categories are independent


def test_same_span_two_patterns_prefers_exact():
    d = Dictionary.from_mapping({"c": {"sanction*": 1.0, "sanctions": 2.0}})
    hits = match_dictionary(sentences_of("New sanctions."), d)
    assert hits[["pattern", "weight"]].values.tolist() == [["sanctions", 2.0]]


@pytest.mark.parametrize(
    ("text", "window", "negated"),
    [
        ("This is good.", 3, False),
        ("This is not good.", 3, True),
        ("It isn't good.", 3, True),
        ("It isn’t good.", 3, True),
        ("Never was a deal this good.", 3, False),  # negator 5 tokens before
        ("Never was a deal this good.", 5, True),
        ("Not good.", 0, False),
        ("Without a good plan.", 2, True),
        ("No, the deal is good.", 5, False),  # a comma ends the negator's scope
        ("Not bad, just good.", 5, False),
    ],
)
def test_negation_window(text, window, negated):
    d = Dictionary.from_mapping({"positive": ["good"]})
    hits = match_dictionary(sentences_of(text), d, negation=window)
    assert hits["negated"].tolist() == [negated]


def test_negation_does_not_cross_sentences():
    d = Dictionary.from_mapping({"positive": ["good"]})
    hits = match_dictionary(sentences_of("No.", "Good."), d)
    assert hits["negated"].tolist() == [False]


def test_negation_remaps_category_lsd_style():
    d = Dictionary.from_mapping({"positive": ["good"], "negative": ["bad"]})
    negation = Negation(window=3, categories={"positive": "neg_positive", "negative": "neg_negative"})
    hits = match_dictionary(sentences_of("Not good, not bad, just good."), d, negation=negation)
    assert hits["category"].tolist() == ["neg_positive", "neg_negative", "positive"]
    crossing = dataclasses.replace(negation, clause_breaks="")
    hits = match_dictionary(sentences_of("Not good, not bad, just good."), d, negation=crossing)
    assert hits["category"].tolist() == ["neg_positive", "neg_negative", "neg_positive"]


def test_yaml_negation_settings_are_used(tmp_path):
    path = tmp_path / "neg.yml"
    path.write_text(
        "name: neg\nnegation:\n  window: 1\n  extra_negators: [scrapped]\n  categories: {positive: neg_positive}\n"
        "categories:\n  positive: [deal]\n",
        encoding="utf-8",
    )
    hits = match_dictionary(sentences_of("They scrapped deal. Not a deal."), read_dictionary(path))
    assert hits[["category", "negated"]].values.tolist() == [["neg_positive", True], ["positive", False]]


def test_weights_from_yaml_and_nan_when_unweighted():
    hits = match_dictionary(sentences_of("Good, bad and fair security."), DICTS / "mini.yml")
    weights = dict(zip(hits["term"], hits["weight"]))
    assert weights["Good"] == 2 and weights["bad"] == -2 and weights["fair"] == 1
    assert pd.isna(weights["security"])


def test_overrides_remove_and_reweight():
    d = Dictionary.from_mapping({"tone": {"forc*": -1.0, "peace": 2.0, "war": -3.0}})
    d2 = d.with_overrides({"force": None, "peace": 0, "war": None})
    hits = match_dictionary(sentences_of("A force of peace, forces at war."), d2)
    assert hits[["term", "weight"]].values.tolist() == [["peace", 0.0], ["forces", -1.0]]
    assert len(match_dictionary(sentences_of("A force of peace, forces at war."), d)) == 4  # original unchanged


def test_override_of_a_phrase_lets_a_shorter_match_count():
    d = Dictionary.from_mapping({"c": ["security", "security guarantee*"]}).with_overrides(
        {"security guarantees": None}
    )
    assert terms(match_dictionary(sentences_of("Security guarantees."), d)) == ["Security"]


def test_missing_columns_error():
    with pytest.raises(KeyError, match="split_sentences"):
        match_dictionary(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), Dictionary.from_mapping({"c": ["x"]}))


def test_empty_result_has_columns_and_types():
    hits = match_dictionary(sentences_of("Nothing here."), Dictionary.from_mapping({"c": ["sanction*"]}))
    assert hits.empty and list(hits.columns) == [
        "doc_id",
        "sent_id",
        "category",
        "pattern",
        "term",
        "start",
        "end",
        "negated",
        "weight",
    ]


@pytest.mark.parametrize(
    ("pattern", "words", "case_sensitive"),
    [
        ("Peace Talks", ("peace", "talks"), False),
        ("=US", ("US",), True),
        ("=U.S.-led", ("U.S.", "led"), True),
        ("*Peace*", ("*peace*",), False),
        ("security  guarantee*", ("security", "guarantee*"), False),
    ],
)
def test_make_entry(pattern, words, case_sensitive):
    entry = make_entry("c", pattern)
    assert entry.words == words and entry.case_sensitive is case_sensitive


# ------------------------------------------------------------------ actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin met Trump in Washington.", ["Russia", "United States", "United States"]),
        ("Let us talk about US aid.", ["United States"]),
        ("The US-led plan and Russia-Ukraine talks.", ["United States", "Russia", "Ukraine"]),
        ("Zelenskyy and Zelensky visited Kyiv.", ["Ukraine", "Ukraine", "Ukraine"]),
        ("Nato's chief Mark Rutte and the EU's von der Leyen.", ["NATO", "NATO", "European Union", "European Union"]),
        (
            "Starmer and Macron lead the coalition of the willing.",
            ["United Kingdom", "France", "Coalition of the willing"],
        ),
    ],
)
def test_match_actors(text, expected):
    assert match_actors(sentences_of(text))["category"].tolist() == expected


def test_match_actors_on_seeds(seeds_sentences):
    hits = match_actors(seeds_sentences)
    counts = hits["category"].value_counts()
    assert {"Russia", "Ukraine", "United States", "NATO", "United Kingdom"} <= set(counts.index)
    assert not hits["term"].str.fullmatch("us").any()  # lower-case "us" is never the United States


def test_worked_example_in_docs_holds(tmp_path):
    """docs/dictionaries.md's YAML example parses and gives the table printed there."""
    docs = (Path(__file__).parents[1] / "docs" / "dictionaries.md").read_text(encoding="utf-8")
    block = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "security.yml").write_text(block, encoding="utf-8")
    frames = read_dictionary(tmp_path / "security.yml")
    hits = match_dictionary(sentences_of("Sanctions are not good, but security guarantees are."), frames)
    assert hits[["category", "term", "start", "end", "negated"]].values.tolist() == [
        ["economy", "Sanctions", 0, 9, False],
        ["tone", "good", 18, 22, True],
        ["security", "security guarantees", 28, 47, False],
    ]
    assert "| a | 0 | security | security guarantee* | security guarantees | 28 | 47 | False | NaN |" in docs


@pytest.mark.parametrize("name", list_dictionaries())
def test_every_shipped_dictionary_parses_with_metadata(name):
    d = read_dictionary(name)
    assert len(d) > 0 and d.name and d.source and d.licence
    assert all(d.patterns(c) for c in d.category_names), "a category without patterns"


def test_afinn_lexicon_as_weighted_dictionary():
    """A {term: score} lexicon (AFINN, with phrases and contractions) becomes one weighted category."""
    from afinn import Afinn  # a project dependency

    lexicon = Afinn(emoticons=False)._dict
    d = Dictionary.from_mapping({"afinn": lexicon}, name="afinn")
    hits = match_dictionary(sentences_of("I can't stand this bad luck, but peace is good."), d)
    expected = {
        "can't stand": lexicon["can't stand"],
        "bad luck": lexicon["bad luck"],
        "peace": lexicon["peace"],
        "good": lexicon["good"],
    }
    assert dict(zip(hits["term"], hits["weight"])) == expected


def test_frame_dictionaries_are_found_by_name():
    assert {"generic", "security", "ukraine_security"} <= set(list_dictionaries())
    assert "conflict" in read_dictionary("generic").category_names
