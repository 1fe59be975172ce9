"""LexisNexis: the classic and Nexis Uni layouts split into articles; cut, empty and malformed
exports logged naming the file, the article and the line."""

from __future__ import annotations

import warnings

import pytest

from corpus_tools.io import CorpusWarning
from corpus_tools.io.exports.lexisnexis import is_lexisnexis, split_lexisnexis


def split(text: str, source: str = "ln.txt"):
    log: list[dict] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = split_lexisnexis(text, source=source, log=log)
    assert [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)] == [
        f"{row['source']}: {row['issue']}; {row['action']}" for row in log
    ]
    return records, log


CLASSIC = [
    # doc_id, title, date, newspaper, byline, section, word_count, raw_text
    (
        "lexisnexis_classic_001",
        "Harbour bridge reopens after a year of repairs",
        "2025-03-03",
        "The Daily Courier (Portsmouth)",
        "Ann Lee",
        "NEWS; Pg. 4",
        1204,
        "The harbour bridge reopened on Monday after a year of repairs.\n\n"
        "Commuters said the new lanes cut their journey by ten minutes.",
    ),
    (
        "lexisnexis_classic_002",
        "Toll plans dropped by council",  # a headline over two lines
        "2025-03-04",
        "The Evening Post",
        None,
        "LOCAL",
        64,
        "The council dropped its plans for a bridge toll.",
    ),
    (
        "lexisnexis_classic_003",
        "Ferry operators count the cost",
        "2025-03-06",
        "The Daily Courier (Portsmouth)",
        "Raj Patel",
        None,
        95,
        "Ferry operators said passenger numbers fell by a third.",
    ),
]
COLUMNS = ["doc_id", "title", "date", "newspaper", "byline", "section", "word_count", "raw_text"]


def test_classic_layout_gives_one_record_per_article(exports_dir):
    text = (exports_dir / "lexisnexis_classic.txt").read_text(encoding="utf-8")
    records, log = split(text, "lexisnexis_classic.txt")
    assert [tuple(r[c] for c in COLUMNS) for r in records] == CLASSIC
    assert {(r["source_file"], r["export"], r["encoding"]) for r in records} == {
        ("lexisnexis_classic.txt", "lexisnexis", "utf-8")
    }
    assert log == []


def test_nexis_uni_layout_skips_the_cover_page(exports_dir):
    text = (exports_dir / "nexis_uni.txt").read_text(encoding="utf-8")
    records, log = split(text, "nexis_uni.txt")
    assert [(r["doc_id"], r["title"], r["date"], r["newspaper"], r["byline"], r["word_count"]) for r in records] == [
        ("nexis_uni_001", "Harbour bridge reopens after a year of repairs", "2025-03-03",
         "The Daily Courier (Portsmouth)", "Ann Lee", 1204),
        ("nexis_uni_002", "Ferry operators count the cost", "2025-03-06", "The Evening Post", None, 95),
    ]  # fmt: skip
    assert records[0]["raw_text"] == (
        "The harbour bridge reopened on Monday after a year of repairs.\n"
        "Commuters said the new lanes cut their journey by ten minutes."
    )
    assert "Classification" not in records[0]["raw_text"] and "Load-Date" not in records[1]["raw_text"]
    assert log == []


def test_document_n_of_m_markers_number_the_articles(exports_dir):
    text = (exports_dir / "nexis_uni.txt").read_text(encoding="utf-8")
    articles = text.split("End of Document\n")[:2]
    marked = "".join(f"Document {n} of 12\n{a}End of Document\n" for n, a in zip((11, 12), articles))
    records, log = split(marked, "batch.txt")
    assert [r["doc_id"] for r in records] == ["batch_011", "batch_012"]
    assert [r["title"] for r in records] == ["Harbour bridge reopens after a year of repairs",
                                             "Ferry operators count the cost"]  # fmt: skip


def test_a_nexis_uni_article_without_a_body_heading_is_read_by_the_nexis_layout(exports_dir):
    text = (exports_dir / "nexis_uni.txt").read_text(encoding="utf-8").replace("95 words\nBody\n", "95 words\n")
    records, log = split(text)
    assert [(r["title"], r["newspaper"], r["date"], r["raw_text"]) for r in records][1] == (
        "Ferry operators count the cost",
        "The Evening Post",
        "2025-03-06",
        "Ferry operators said passenger numbers fell by a third.",
    )
    assert log == []


def test_a_cut_classic_export_keeps_the_complete_articles_and_logs_the_cut_one(exports_dir):
    text = (exports_dir / "lexisnexis_classic.txt").read_text(encoding="utf-8")
    cut = text[: text.index("Ferry operators said")]
    records, log = split(cut)
    assert [r["doc_id"] for r in records] == ["ln_001", "ln_002"]
    assert len(log) == 1
    line = cut.splitlines().index("                               3 of 3 DOCUMENTS") + 2
    assert log[0]["source"] == f"ln.txt:{line}"
    assert "article 3 is cut off" in log[0]["issue"] and "2 complete" in log[0]["action"]


def test_a_cut_nexis_uni_export_logs_the_cut_article_and_the_missing_count(exports_dir):
    text = (exports_dir / "nexis_uni.txt").read_text(encoding="utf-8")
    cut = text[: text.index("Ferry operators said")]
    records, log = split(cut)
    assert [r["title"] for r in records] == ["Harbour bridge reopens after a year of repairs"]
    assert [row["issue"] for row in log] == ["article 2 is cut off (the export ends inside it)"]
    assert log[0]["source"] == f"ln.txt:{cut.splitlines().index('Ferry operators count the cost') + 1}"


@pytest.mark.parametrize(
    ("text", "source", "issue"),
    [
        ("1 of 1 DOCUMENT\n", "ln.txt:1", "article 1 is cut off (the export ends inside it)"),  # a marker only
        (
            "User Name: Test User\nJob Number: 1\nDocuments (0)\nSearch Terms: nothing\n",  # a cover page only
            "ln.txt",
            "LexisNexis export holds no articles",
        ),
    ],
)
def test_an_export_without_articles_is_logged(text, source, issue):
    records, log = split(text)
    assert records == []
    assert [(row["source"], row["issue"]) for row in log] == [(source, issue)]


def test_fewer_articles_than_the_cover_page_lists_is_logged(exports_dir):
    text = (exports_dir / "nexis_uni.txt").read_text(encoding="utf-8").replace("Documents (2)", "Documents (3)")
    records, log = split(text)
    assert len(records) == 2
    assert [row["issue"] for row in log] == ["the cover page lists 3 documents but the file holds 2"]


def test_an_unreadable_date_keeps_the_article_with_an_empty_date(exports_dir):
    text = (exports_dir / "lexisnexis_classic.txt").read_text(encoding="utf-8")
    text = text.replace("4 March 2025 Tuesday", "Tuesday the Fourth")
    records, log = split(text)
    assert [r["date"] for r in records] == ["2025-03-03", None, "2025-03-06"]
    assert len(log) == 1 and "article 2: date line 'Tuesday the Fourth'" in log[0]["issue"]
    assert (
        log[0]["source"] == f"ln.txt:{text.splitlines().index('                               2 of 3 DOCUMENTS') + 2}"
    )


def test_an_unreadable_length_leaves_the_word_count_empty(exports_dir):
    text = (exports_dir / "lexisnexis_classic.txt").read_text(encoding="utf-8").replace("64 words", "short")
    records, log = split(text)
    assert [r["word_count"] for r in records] == [1204, None, 95]
    assert len(log) == 1 and "article 2: length 'short'" in log[0]["issue"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("   2 of 5 DOCUMENTS   \n", True),
        ("Document 3 of 9\n", True),
        ("Some text\nEnd of Document\n", True),
        ("Job Number: 1\nDocuments (4)\n", True),
        ("The 2 of 5 documents we read\n", False),
        ("Harbour bridge reopens\nIt did.\n", False),
    ],
)
def test_is_lexisnexis(text, expected):
    assert is_lexisnexis(text) is expected
