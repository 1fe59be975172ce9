"""Loading: every input form and encoding, metadata joins, clear errors."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.io import CorpusInputError, CorpusWarning

ARTICLE = "Talks resume in Geneva\n\nDiplomats met on Monday to discuss a ceasefire, officials said.\n"


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_seeds_load_in_order_with_required_columns(seeds_corpus):
    assert seeds_corpus["doc_id"].tolist() == sorted(seeds_corpus["doc_id"])
    for col in ["doc_id", "title", "date", "text", "raw_text", "n_words", "source_file", "encoding"]:
        assert col in seeds_corpus.columns
    raw = {p.stem: p.read_text(encoding="utf-8") for p in ct.config.SEEDS_DIR.glob("*.txt")}
    assert dict(zip(seeds_corpus["doc_id"], seeds_corpus["raw_text"])) == raw
    assert (seeds_corpus["n_words"] > 300).all()


def test_subfolders_become_a_column(tmp_path):
    write(tmp_path / "c" / "bbc" / "a.txt", ARTICLE.encode())
    write(tmp_path / "c" / "cnn" / "b.txt", ARTICLE.encode())
    with pytest.warns(CorpusWarning, match=r"b\.txt: exact duplicate of 'a'"):
        corpus = ct.load_corpus(tmp_path / "c", keep_duplicates=True)
    assert corpus[["doc_id", "folder"]].values.tolist() == [["a", "bbc"], ["b", "cnn"]]


def test_repeated_file_names_in_subfolders_get_path_ids(tmp_path):
    write(tmp_path / "c" / "bbc" / "1.txt", ARTICLE.encode())
    write(tmp_path / "c" / "cnn" / "1.txt", ARTICLE.encode())
    with pytest.warns(CorpusWarning, match="repeat"):
        corpus = ct.load_corpus(tmp_path / "c", keep_duplicates=True)
    assert corpus["doc_id"].tolist() == ["bbc/1", "cnn/1"]


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".json", ".parquet"])
def test_tables_with_autodetected_text_column(tmp_path, suffix):
    frame = pd.DataFrame(
        {"id": ["x", "y"], "body": [ARTICLE, ARTICLE.replace("Monday", "Tuesday")], "outlet": ["A", "B"]}
    )
    path = tmp_path / f"corpus{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r) for r in frame.to_dict("records")), encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps(frame.to_dict("records"), indent=1), encoding="utf-8")
    else:
        frame.to_parquet(path)
    corpus = ct.load_corpus(path)
    assert corpus["doc_id"].tolist() == ["x", "y"]
    assert corpus["outlet"].tolist() == ["A", "B"]
    assert "Tuesday" in corpus.loc[1, "text"]


def test_table_without_text_column_lists_columns(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"id": [1], "words": ["x"]}).to_csv(path, index=False)
    with pytest.raises(CorpusInputError, match=r"no text column.*\['id', 'words'\]"):
        ct.load_corpus(path)


def test_missing_path_and_single_txt_are_clear_errors(tmp_path):
    with pytest.raises(CorpusInputError, match="no such file"):
        ct.load_corpus(tmp_path / "nope")
    f = write(tmp_path / "one.txt", ARTICLE.encode())
    with pytest.raises(CorpusInputError, match="pass the folder"):
        ct.load_corpus(f)


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        (
            "c.csv",
            f'doc_id,text\na,"{ARTICLE}"\n\nb,\nc,"{ARTICLE.replace("Monday", "Friday")}"\n',
            "c.csv:7",
        ),  # the article spans 4 lines, then a blank line
        ("c.tsv", f"doc_id\ttext\nb\t\na\t{ARTICLE.splitlines()[2]}\n", "c.tsv:2"),
        (
            "c.jsonl",
            '{"doc_id": "a", "text": "' + ARTICLE.replace("\n", "\\n") + '"}\n\n{"doc_id": "b", "text": " "}\n',
            "c.jsonl:3",
        ),
    ],
)
def test_table_rows_without_text_are_warned_with_their_line(tmp_path, name, content, where):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.warns(
        CorpusWarning,
        match=rf"{re.escape(where)}: document 'b' has no text; row skipped; add its text or remove the row",
    ):
        loaded = ct.read_corpus(path, clean=False)
    corpus = loaded.documents
    assert "b" not in set(corpus["doc_id"]) and "a" in set(corpus["doc_id"])
    assert loaded.log["source"].tolist() == [str(tmp_path / where)]
