"""Loading: every input form and encoding, metadata joins, clear errors."""

from __future__ import annotations

import json
import re
import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.io import CorpusInputError, CorpusWarning, decode_bytes

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


@pytest.mark.parametrize(
    ("encoded", "encoding", "warns"),
    [
        (ARTICLE.replace("Geneva", "Genève").encode("utf-8"), "utf-8", False),
        (b"\xef\xbb\xbf" + ARTICLE.replace("Geneva", "Genève").encode("utf-8"), "utf-8-sig", False),
        (ARTICLE.replace("Geneva", "Genève").encode("utf-16"), "utf-16", True),
        (
            ARTICLE.replace("Geneva", "Genève").replace("said", "said \u2013 \u201cwe\u201d").encode("cp1252"),
            "cp1252",
            True,
        ),
    ],
)
def test_encodings_are_read_and_recorded(tmp_path, encoded, encoding, warns):
    write(tmp_path / "c" / "a.txt", encoded)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(tmp_path / "c")
    assert corpus.loc[0, "encoding"] == encoding
    assert "Genève" in corpus.loc[0, "raw_text"]
    assert corpus.loc[0, "title"] == "Talks resume in Genève"
    assert any(issubclass(w.category, CorpusWarning) and "a.txt" in str(w.message) for w in caught) == warns
    assert len(corpus.attrs["load_log"]) == int(warns)


def test_mojibake_is_repaired_and_audited(tmp_path):
    mojibake = "Russia\u2019s red lines were discussed at length by officials.".encode("utf-8").decode("cp1252")
    write(tmp_path / "c" / "m.txt", (mojibake + "\n").encode("utf-8"))
    corpus = ct.load_corpus(tmp_path / "c")
    assert corpus.loc[0, "raw_text"].startswith("Russiaâ€")
    assert corpus.loc[0, "text"].startswith("Russia's red lines")
    assert "fix_mojibake" in set(ct.clean_audit(corpus)["rule"])


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_bad_files_are_skipped_with_a_warning_naming_them(tmp_path, data, message):
    write(tmp_path / "c" / "good.txt", ARTICLE.encode())
    write(tmp_path / "c" / "bad.txt", data)
    with pytest.warns(CorpusWarning, match=rf"bad\.txt.*{message}.*skipped"):
        corpus = ct.load_corpus(tmp_path / "c")
    assert corpus["doc_id"].tolist() == ["good"]
    assert corpus.attrs["load_log"][0]["action"] == "file skipped"


def test_subfolders_become_a_column(tmp_path):
    write(tmp_path / "c" / "bbc" / "a.txt", ARTICLE.encode())
    write(tmp_path / "c" / "cnn" / "b.txt", ARTICLE.encode())
    corpus = ct.load_corpus(tmp_path / "c")
    assert corpus[["doc_id", "folder"]].values.tolist() == [["a", "bbc"], ["b", "cnn"]]


def test_repeated_file_names_in_subfolders_get_path_ids(tmp_path):
    write(tmp_path / "c" / "bbc" / "1.txt", ARTICLE.encode())
    write(tmp_path / "c" / "cnn" / "1.txt", ARTICLE.encode())
    with pytest.warns(CorpusWarning, match="repeat"):
        corpus = ct.load_corpus(tmp_path / "c")
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


def test_malformed_jsonl_names_the_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "ok"}\n{"text": broken}\n', encoding="utf-8")
    with pytest.raises(CorpusInputError, match=r"c\.jsonl:2"):
        ct.load_corpus(path)


def test_malformed_csv_is_a_clear_error(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text\n1,"unclosed\n2,fine\n', encoding="utf-8")
    with pytest.raises(CorpusInputError, match="c.csv"):
        ct.load_corpus(path)


def test_metadata_join_and_precedence(tmp_path):
    write(tmp_path / "c" / "a.txt", ARTICLE.encode())
    write(tmp_path / "c" / "b.txt", ARTICLE.encode())
    meta = tmp_path / "meta.csv"
    pd.DataFrame(
        {"doc_id": ["a", "b", "zzz"], "outlet": ["X", "Y", "Z"], "date": ["2025-03-01", "", "2025-01-01"]}
    ).to_csv(meta, index=False)
    with pytest.warns(CorpusWarning, match="zzz"):
        corpus = ct.load_corpus(tmp_path / "c", metadata=meta)
    assert corpus["outlet"].tolist() == ["X", "Y"]
    assert corpus.loc[0, "date"] == pd.Timestamp("2025-03-01")
    assert pd.isna(corpus.loc[1, "date"])
    assert corpus.loc[0, "title"] == "Talks resume in Geneva"


def test_metadata_without_doc_id_is_an_error(tmp_path):
    write(tmp_path / "c" / "a.txt", ARTICLE.encode())
    meta = tmp_path / "meta.csv"
    pd.DataFrame({"name": ["a"], "outlet": ["X"]}).to_csv(meta, index=False)
    with pytest.raises(CorpusInputError, match="doc_id"):
        ct.load_corpus(tmp_path / "c", metadata=meta)


def test_missing_path_and_single_txt_are_clear_errors(tmp_path):
    with pytest.raises(CorpusInputError, match="no such file"):
        ct.load_corpus(tmp_path / "nope")
    f = write(tmp_path / "one.txt", ARTICLE.encode())
    with pytest.raises(CorpusInputError, match="pass the folder"):
        ct.load_corpus(f)


def test_clean_false_keeps_raw(tmp_path):
    write(tmp_path / "c" / "a.txt", ("Skip to content\n" + ARTICLE).encode())
    corpus = ct.load_corpus(tmp_path / "c", clean=False)
    assert corpus.loc[0, "text"] == corpus.loc[0, "raw_text"]


def test_decode_bytes_rejects_undecodable_utf16_bom():
    with pytest.raises(CorpusInputError, match="byte-order mark"):
        decode_bytes(b"\xff\xfe\x00\xd8")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "ragged.csv",
            'doc_id,text\na,"fine"\nb,one,two\n',
            r"ragged\.csv:3: 3 fields, but the header has 2; check the quoting",
        ),
        ("short.csv", "doc_id,text,outlet\na,words,X\nb,words\n", r"short\.csv:3: 2 fields, but the header has 3"),
        (
            "quoted.csv",
            'doc_id,text\na,"two\nlines"\nb,x,y\n',
            r"quoted\.csv:4: 3 fields",
        ),  # line of the row, after a multi-line field
        ("ragged.tsv", "doc_id\ttext\na\tx\ty\n", r"ragged\.tsv:2: 3 fields.*a field containing a tab"),
        (
            "unclosed.csv",
            'doc_id,text\na,fine\nb,"never closed\nc,more\n',
            r"unclosed\.csv:3: a double quote on this line is never closed.*close the quote",
        ),
        (
            "array.jsonl",
            '{"doc_id": "a", "text": "x"}\n["b", "y"]\n',
            r"array\.jsonl:2: a JSON list, not an object; each line must be one JSON object",
        ),
        ("nums.jsonl", '{"doc_id": "a", "text": "x"}\n7\n', r"nums\.jsonl:2: a JSON int, not an object"),
        ("none.csv", "doc_id,body_text\na,x\n", r"none\.csv: no text column found.*pass text_col="),
        (
            "cut.json",
            '[{"doc_id": "a",\n "text": "x"},',
            r"cut\.json:2: not valid JSON \(Expecting value, column 15\); fix the syntax",
        ),
        (
            "one.json",
            '{"doc_id": "a", "text": "x"}',
            r"one\.json: a \.json corpus must be a list of objects.*name the file \.jsonl",
        ),
        ("fake.parquet", "doc_id,text\na,x\n", r"fake\.parquet: not a readable Parquet file .*save the table as \.csv"),
    ],
)
def test_malformed_tables_name_file_line_and_remedy(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusInputError, match=message):
        ct.load_corpus(path)


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ("doc_id,outlet\na,X\na,Y\n", r"meta\.csv: doc_id repeats in the metadata \(a\); one row per document"),
        ("doc_id,outlet\na,X,extra\n", r"meta\.csv:2: 3 fields, but the header has 2"),
        (
            pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["X", "Y"]}),
            r"metadata DataFrame: doc_id repeats .*one row per document",
        ),
        (
            pd.DataFrame({"name": ["a"], "outlet": ["X"]}),
            r"metadata DataFrame: metadata needs a 'doc_id' column.*\['name', 'outlet'\]",
        ),
        (
            "doc_id,outlet\nA1,X\nb2,Y\n",
            r"meta\.csv: none of its 2 doc_id\(s\) matches a document \(it has A1, b2; the corpus has a\); doc_id is the file name",
        ),
    ],
)
def test_bad_metadata_names_the_source_and_remedy(tmp_path, metadata, message):
    write(tmp_path / "c" / "a.txt", ARTICLE.encode())
    if isinstance(metadata, str):
        (tmp_path / "meta.csv").write_text(metadata, encoding="utf-8")
        metadata = tmp_path / "meta.csv"
    with pytest.raises(CorpusInputError, match=message):
        ct.load_corpus(tmp_path / "c", metadata=metadata)


def test_metadata_dataframe_ids_match_like_a_file(tmp_path):
    write(tmp_path / "c" / "a.txt", ARTICLE.encode())
    meta = pd.DataFrame({"id": ["a.txt", "zz"], "outlet": ["X", "Z"]})
    with pytest.warns(
        CorpusWarning,
        match=r"metadata DataFrame: 1 row\(s\) match no document \(zz\); rows ignored; check the doc_id spelling",
    ):
        corpus = ct.load_corpus(tmp_path / "c", metadata=meta)
    assert corpus["outlet"].tolist() == ["X"]


CHROME = "Skip to content\nSign up for our newsletter\nAll rights reserved\n"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"a.txt": CHROME, "b.txt": CHROME},
            r"c: cleaning removed every line of all 2 document\(s\) .*\(a, b\); .*load with clean=False",
        ),
        ({"a.txt": CHROME, "b.txt": ARTICLE}, None),
    ],
)
def test_documents_emptied_by_cleaning_are_never_silent(tmp_path, files, message):
    for name, text in files.items():
        write(tmp_path / "c" / name, text.encode())
    if message:
        with pytest.raises(CorpusInputError, match=message):
            ct.load_corpus(tmp_path / "c")
        return
    with pytest.warns(
        CorpusWarning, match=r"c/a\.txt: cleaning removed every line .*kept with empty text; see clean_audit"
    ):
        corpus = ct.load_corpus(tmp_path / "c")
    assert corpus["doc_id"].tolist() == ["a", "b"] and corpus["n_words"].tolist()[0] == 0
    assert corpus.attrs["load_log"][0]["source"].endswith("a.txt")


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        (
            "c.csv",
            f'doc_id,text\na,"{ARTICLE}"\n\nb,\nc,"{ARTICLE}"\n',
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
        corpus = ct.load_corpus(path, clean=False)
    assert "b" not in set(corpus["doc_id"]) and "a" in set(corpus["doc_id"])
    assert [entry["source"] for entry in corpus.attrs["load_log"]] == [str(tmp_path / where)]
