"""Loading: read + clean + metadata; a plain DataFrame, with the log and the audit beside it."""

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


def test_clean_false_keeps_raw(tmp_path):
    write(tmp_path / "c" / "a.txt", ("Skip to content\n" + ARTICLE).encode())
    corpus = ct.load_corpus(tmp_path / "c", clean=False)
    assert corpus.loc[0, "text"] == corpus.loc[0, "raw_text"]


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
        loaded = ct.read_corpus(tmp_path / "c")
    corpus = loaded.documents
    assert corpus["doc_id"].tolist() == ["a", "b"] and corpus["n_words"].tolist()[0] == 0
    assert loaded.log.loc[0, "source"].endswith("a.txt")


# --------------------------------------------------------------------------- a plain DataFrame; log and audit beside it


@pytest.mark.parametrize("metadata", [None, ct.config.PROJECT_DIR / "seeds_metadata" / "seeds.csv"])
def test_the_corpus_is_a_plain_dataframe(metadata):
    corpus = ct.load_corpus(ct.config.SEEDS_DIR, metadata=metadata)
    assert corpus.attrs == {}
    doubled = pd.concat([corpus, corpus])  # raised ValueError while attrs held the log and the audit
    assert len(doubled) == 2 * len(corpus)
    as_text = corpus[["doc_id", "n_words"]].astype(str)  # so did this
    assert as_text["n_words"].tolist() == [str(n) for n in corpus["n_words"]]


def test_load_corpus_returns_the_documents_of_read_corpus(seeds_corpus):
    loaded = ct.read_corpus(ct.config.SEEDS_DIR)
    assert isinstance(loaded, ct.LoadedCorpus) and loaded.source == str(ct.config.SEEDS_DIR)
    pd.testing.assert_frame_equal(loaded.documents, seeds_corpus)
    assert loaded.documents.attrs == {} and list(loaded.log.columns) == ["source", "issue", "action"]
    assert loaded.log.empty  # the seeds load without a warning


def test_the_audit_is_reachable_and_equal_to_the_recomputed_one(seeds_corpus):
    loaded = ct.read_corpus(ct.config.SEEDS_DIR)
    pd.testing.assert_frame_equal(loaded.audit, ct.clean_audit(seeds_corpus))
    assert len(loaded.audit) == 225  # as stored in attrs["clean_audit"] before
    for doc_id, raw, text in zip(seeds_corpus["doc_id"], seeds_corpus["raw_text"], seeds_corpus["text"]):
        assert ct.clean.apply_edits(raw, loaded.audit[loaded.audit["doc_id"] == doc_id]) == text


def test_the_log_lists_every_warning_as_before(tmp_path):
    write(tmp_path / "c" / "a.txt", ARTICLE.replace("Geneva", "Genève").encode("cp1252"))
    write(tmp_path / "c" / "b.txt", ARTICLE.replace("Monday", "Friday").encode())  # not a duplicate of a
    write(tmp_path / "c" / "bad.txt", b"")
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,outlet,date\na,X,2025-03-01\nzzz,Z,\n", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        loaded = ct.read_corpus(tmp_path / "c", metadata=meta)
    expected = [
        {
            "source": str(tmp_path / "c" / "a.txt"),
            "issue": "not valid UTF-8 (first bad byte at offset 19); decoded as cp1252",
            "action": "decoded text kept; re-save as UTF-8 to silence this",
        },
        {
            "source": str(tmp_path / "c" / "bad.txt"),
            "issue": "file is empty (or only whitespace); remove it or add its text",
            "action": "file skipped",
        },
        {
            "source": str(meta),
            "issue": "1 row(s) match no document (zzz)",
            "action": "rows ignored; check the doc_id spelling",
        },
        {
            "source": str(meta),
            "issue": "1 document(s) have no metadata row (b)",
            "action": "their metadata columns are empty",
        },
    ]
    assert loaded.log.to_dict("records") == expected
    assert [str(w.message) for w in caught] == [f"{e['source']}: {e['issue']}; {e['action']}" for e in expected]
    assert loaded.documents.attrs == {}


def test_load_corpus_from_io_warns_and_returns_the_new_function():
    from corpus_tools import corpus, io

    with pytest.warns(
        DeprecationWarning, match=r"corpus_tools\.io\.load_corpus is renamed corpus_tools\.corpus\.load_corpus"
    ):
        assert io.load_corpus is corpus.load_corpus


def test_a_document_without_a_group_value_is_kept_and_in_the_missing_group(tmp_path):
    """Loading never drops a document for a blank metadata value: grouping puts it in "(missing)"."""
    from corpus_tools.groups import MISSING_GROUP, GroupWarning, attach_groups

    for name, day in (("a", "Monday"), ("b", "Tuesday"), ("c", "Friday")):
        write(tmp_path / "c" / f"{name}.txt", ARTICLE.replace("Monday", day).encode())
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,outlet\na,X\nb,\nc,Y\n", encoding="utf-8")
    corpus = ct.load_corpus(tmp_path / "c", metadata=meta)
    assert corpus["doc_id"].tolist() == ["a", "b", "c"] and pd.isna(corpus.loc[1, "outlet"])
    with pytest.warns(GroupWarning, match=r"1 of 3 document\(s\) have no 'outlet' value \(b\)"):
        grouped = attach_groups(corpus, "outlet")
    assert grouped["group"].tolist() == ["X", MISSING_GROUP, "Y"]
    documents = ct.corpus.summarize_documents(corpus, ct.split_sentences(corpus))
    assert documents["doc_id"].tolist() == ["a", "b", "c"]


# --------------------------------------------------------------------------- stubs and titles

LONG = "Diplomats met on Monday to discuss a ceasefire in the region, officials said. " * 8  # 104 words


def test_stubs_are_warned_logged_and_left_out_unless_asked(tmp_path):
    write(tmp_path / "c" / "a.txt", ("Talks resume\n\n" + LONG).encode())
    write(tmp_path / "c" / "b.txt", b"Access Denied\nReference #18.1\n")
    with pytest.warns(CorpusWarning, match=r"c/b\.txt: stub: access denied \(HTTP 403\); kept out of analyses"):
        loaded = ct.read_corpus(tmp_path / "c")
    assert loaded.documents["status"].tolist() == ["ok", "stub: access denied (HTTP 403)"]
    assert loaded.log["source"].tolist() == [str(tmp_path / "c" / "b.txt")]
    with pytest.warns(CorpusWarning):
        assert ct.load_corpus(tmp_path / "c")["doc_id"].tolist() == ["a"]
        assert ct.load_corpus(tmp_path / "c", include_stubs=True)["doc_id"].tolist() == ["a", "b"]


def test_a_corpus_of_stubs_only_is_an_error_naming_the_files(tmp_path):
    write(tmp_path / "c" / "a.txt", b"Please enable JavaScript to view this page.\n")
    write(tmp_path / "c" / "b.txt", b"Error 404\nPage not found\n")
    with pytest.raises(CorpusInputError, match=r"all are stubs: .*a\.txt \(stub: enable JavaScript\); .*b\.txt"):
        ct.load_corpus(tmp_path / "c")


LEAD = (
    "The central bank raised interest rates by half a point on Thursday, its biggest increase in three decades, "
    "as inflation reached a new high."
)


@pytest.mark.parametrize(
    ("headline", "table", "metadata", "title", "source"),
    [
        # a title column: the first body line (a 139-character lead) is never taken as title
        ("", {"title": ["Rates rise"]}, None, "Rates rise", "column"),
        # a title in the metadata
        ("", {}, {"title": ["Rates rise"]}, "Rates rise", "metadata"),
        # the metadata's title wins over a headline-shaped first line, which is then kept
        ("Bank acts\n\n", {}, {"title": ["Rates rise"]}, "Rates rise", "metadata"),
        # neither: a headline-shaped first line
        ("Rates rise\n\n", {}, None, "Rates rise", "first_line"),
        # neither, and no headline-shaped first line
        ("", {}, None, None, "none"),
    ],
)
def test_title_and_its_source(tmp_path, headline, table, metadata, title, source):
    pd.DataFrame({"doc_id": ["a"], "text": [f"{headline}{LEAD}\n\n{LONG}\n"], **table}).to_csv(
        tmp_path / "c.csv", index=False
    )
    meta = pd.DataFrame({"doc_id": ["a"], **metadata}) if metadata else None
    corpus = ct.load_corpus(tmp_path / "c.csv", metadata=meta)
    assert corpus.loc[0, "title"] == title if title else pd.isna(corpus.loc[0, "title"])
    assert corpus.loc[0, "title_source"] == source
    first = "Bank acts" if headline.startswith("Bank") else LEAD
    assert corpus.loc[0, "text"].splitlines()[0] == first


def test_a_title_column_repeated_as_first_line_removes_that_line(tmp_path):
    frame = pd.DataFrame({"doc_id": ["a"], "title": ["Rates rise"], "text": [f"Rates rise\n\n{LEAD}\n\n{LONG}"]})
    frame.to_csv(tmp_path / "c.csv", index=False)
    loaded = ct.read_corpus(tmp_path / "c.csv")
    assert loaded.documents.loc[0, "text"].startswith(LEAD)
    assert loaded.audit.loc[0, ["original", "rule"]].tolist() == ["Rates rise\n", "repeated_headline"]


def test_language_column_and_summary(tmp_path):
    texts = {
        "en.txt": ARTICLE,
        "ru.txt": "Переговоры о мире\n\nМинистры иностранных дел заявили в понедельник, что снова встретятся.\n",
        "de.txt": "Gespräche\n\nDie Minister sagten am Montag, dass sie sich nächste Woche wieder treffen.\n",
        "short.txt": "Kurz\n\nJa, gut.\n",
    }
    for name, text in texts.items():
        write(tmp_path / name, text.encode())
    docs = ct.read_corpus(tmp_path).documents.set_index("source_file")
    assert {name: docs.loc[name, "language"] for name in texts} == {
        "en.txt": "en",
        "ru.txt": "ru",
        "de.txt": "de",
        "short.txt": "und",
    }
    table = ct.corpus.summarize_languages(docs.reset_index())
    assert table["language"].tolist() == ["de", "en", "ru", "und"] and table["documents"].sum() == 4
