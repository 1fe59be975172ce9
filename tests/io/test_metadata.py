"""Metadata: joined on doc_id, its title and date take precedence, bad tables are clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.io import CorpusInputError, CorpusWarning

ARTICLE = "Talks resume in Geneva\n\nDiplomats met on Monday to discuss a ceasefire, officials said.\n"


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_metadata_join_and_precedence(tmp_path):
    write(tmp_path / "c" / "a.txt", ARTICLE.encode())
    write(tmp_path / "c" / "b.txt", ARTICLE.replace("Monday", "Friday").encode())
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
            (
                r"meta\.csv: none of its 2 doc_id\(s\) matches a document \(it has A1, b2; the corpus has a\);"
                r" doc_id is the file name"
            ),
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
