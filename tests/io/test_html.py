"""HTML pages: main text and metadata through trafilatura, encodings, non-article pages, tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.io import CorpusInputError, CorpusWarning
from corpus_tools.io.html import decode_html_bytes, parse_html, read_html_records

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
ARTICLE = FIXTURES / "article.html"
LISTING = FIXTURES / "listing.html"
# The hand-written page's seven text blocks, in order (list items and the quote are the article's own).
ARTICLE_LINES = [
    "Diplomats from both sides met in Geneva on Monday to discuss a ceasefire, officials said after the first session.",
    "The talks had been suspended for three weeks after a dispute over the agenda and the order of the items.",
    "The mediators listed three points that remain open.",
    "- The exchange of prisoners held since the spring.",
    "- The reopening of the border crossing for aid convoys.",
    '"This is only the first step, and the next one will be harder," one mediator said on Monday evening.',
    "Both delegations agreed to meet again next week, according to a joint statement released late on Monday.",
]
CHROME = [
    "cookies",
    "Accept all",
    "News",
    "Facebook",
    "Related",
    "Ceasefire plan drawn up",
    "About Us",
    "rights reserved",
]


def test_a_page_gives_its_paragraphs_as_lines_and_its_metadata():
    (record,) = read_html_records(ARTICLE)
    assert record["raw_text"].splitlines() == ARTICLE_LINES
    assert {k: record[k] for k in ("doc_id", "title", "date", "author", "site", "url", "encoding")} == {
        "doc_id": "article",
        "title": "Talks resume in Geneva",
        "date": "2025-03-14",
        "author": "Anna Keller",
        "site": "Valley Courier",
        "url": "https://www.valleycourier.example/2025/03/talks-resume",
        "encoding": "utf-8",
    }
    assert record["raw_html"] == ARTICLE.read_text(encoding="utf-8")
    for chrome in CHROME:
        assert chrome not in record["raw_text"], chrome


def test_footnote_markers_are_not_glued_to_the_sentence():
    page = ARTICLE.read_text(encoding="utf-8").replace("first session.</p>", "first session.<sup><a>1</a></sup></p>")
    assert parse_html(page)["raw_text"].splitlines()[0] == ARTICLE_LINES[0]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<meta charset="windows-1252"><p>Gen\u00e8ve</p>', ("Gen\u00e8ve", "cp1252", None)),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>\u201cGen\u00e8ve\u201d</p>',
            None,
        ),
        ('<meta charset="utf-8"><p>Gen\u00e8ve</p>', ("Gen\u00e8ve", "utf-8", None)),
    ],
)
def test_the_declared_charset_decodes_the_page(page, expected):
    data = page.encode("cp1252" if "utf-8" not in page else "utf-8")
    html, encoding, note = decode_html_bytes(data)
    if expected is None:  # HTML5: a latin-1 declaration is read as windows-1252 (curly quotes survive)
        assert (encoding, note) == ("cp1252", None) and "\u201cGen\u00e8ve\u201d" in html
    else:
        assert (html[-len(expected[0]) - 4 : -4], encoding, note) == expected


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Les n\u00e9gociations reprennent \u00e0 Gen\u00e8ve, a d\u00e9clar\u00e9 le minist\u00e8re.", "cp1252"),
        (
            "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144, "
            "powiedzia\u0142 minister w \u015brod\u0119.",
            "cp1250",
        ),
    ],
)
def test_an_undeclared_non_utf8_page_is_detected_and_the_note_says_so(text, encoding):
    data = f"<html><body>{f'<p>{text}</p>' * 3}</body></html>".encode(encoding)
    html, used, note = decode_html_bytes(data, source="p.html")
    assert (text in html, used) == (True, encoding)
    assert note.startswith("not valid UTF-8 (first bad byte at offset") and note.endswith(f"detected as {encoding}")


@pytest.mark.parametrize(
    ("page", "found"),
    [
        (LISTING.read_text(encoding="utf-8"), "0 words of prose in 34 words"),
        ("<html><body></body></html>", "no main text"),
    ],
)
def test_a_page_without_an_article_is_an_error_naming_it(page, found):
    with pytest.raises(
        CorpusInputError, match=rf"^x\.html: not an article page \(trafilatura found {found}, under 40\)"
    ):
        parse_html(page, source="x.html")


def test_a_folder_of_pages_loads_the_articles_and_logs_the_listing(tmp_path):
    corpus_dir = tmp_path / "c"
    corpus_dir.mkdir()
    shutil.copy(ARTICLE, corpus_dir / "a.html")
    shutil.copy(LISTING, corpus_dir / "world.htm")
    with pytest.warns(CorpusWarning, match=r"world\.htm: not an article page"):
        loaded = ct.read_corpus(corpus_dir)
    docs = loaded.documents
    assert docs["doc_id"].tolist() == ["a"]
    assert docs.loc[0, ["title", "author", "site"]].tolist() == [
        "Talks resume in Geneva",
        "Anna Keller",
        "Valley Courier",
    ]
    assert str(docs.loc[0, "date"].date()) == "2025-03-14"
    assert docs.loc[0, "raw_html"] == ARTICLE.read_text(encoding="utf-8")
    assert docs.loc[0, "text"].count("\n") == 7 and "\u2022" not in docs.loc[0, "text"]
    assert loaded.log[["source", "action"]].values.tolist() == [[str(corpus_dir / "world.htm"), "file skipped"]]


def test_an_html_column_of_a_table_is_extracted_and_non_articles_logged(tmp_path):
    rows = [
        {"doc_id": "a", "url": "https://example.org/a", "html": ARTICLE.read_text(encoding="utf-8")},
        {"doc_id": "b", "url": "https://example.org/b", "html": LISTING.read_text(encoding="utf-8")},
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.warns(CorpusWarning, match=rf"{path}:2: document 'b': not an article page"):
        loaded = ct.read_corpus(path)
    docs = loaded.documents
    assert docs["doc_id"].tolist() == ["a"] and docs.loc[0, "title"] == "Talks resume in Geneva"
    assert docs.loc[0, "url"] == "https://example.org/a"  # the table's own value wins
    assert docs.loc[0, "raw_text"].splitlines() == ARTICLE_LINES
    assert docs.loc[0, "raw_html"] == rows[0]["html"]
    assert "html" not in docs.columns and len(loaded.log) == 1


def test_extraction_never_opens_a_network_connection(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access during extraction")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    (record,) = read_html_records(ARTICLE)
    assert record["url"] == "https://www.valleycourier.example/2025/03/talks-resume"


def test_metadata_url_and_author_take_precedence_over_the_page(tmp_path):
    corpus_dir = tmp_path / "c"
    corpus_dir.mkdir()
    shutil.copy(ARTICLE, corpus_dir / "a.html")
    shutil.copy(ARTICLE, corpus_dir / "b.html")
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,url,author,outlet\na,https://example.org/a,,X\nb,,Ben Roe,Y\n", encoding="utf-8")
    docs = ct.load_corpus(corpus_dir, metadata=meta, keep_duplicates=True)
    page_url = "https://www.valleycourier.example/2025/03/talks-resume"
    assert docs[["url", "author", "outlet"]].values.tolist() == [
        ["https://example.org/a", "Anna Keller", "X"],
        [page_url, "Ben Roe", "Y"],
    ]
