"""Dictionary reading (YAML, CSV, LIWC, Lexicoder, shipped names): errors naming file:line, the
documented format, every shipped dictionary."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from corpus_tools.dictionaries import (
    DictionaryError,
    DictionaryWarning,
    list_dictionaries,
    match_dictionary,
    read_dictionary,
)

DICTS = Path(__file__).parents[1] / "fixtures" / "dictionaries"


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


def test_read_lexicoder_fixture(sentences_of):
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


def test_worked_example_in_docs_holds(tmp_path, sentences_of):
    """docs/dictionaries.md's YAML example parses and gives the table printed there."""
    docs = (Path(__file__).parents[2] / "docs" / "dictionaries.md").read_text(encoding="utf-8")
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


def test_frame_dictionaries_are_found_by_name():
    assert {"generic", "security", "ukraine_security"} <= set(list_dictionaries())
    assert "conflict" in read_dictionary("generic").category_names
