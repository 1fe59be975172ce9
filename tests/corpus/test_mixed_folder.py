"""A folder as researchers bring it: saved pages, Markdown, text, a LexisNexis and a Factiva export,
and a stray file, loaded into one table with every article and its metadata."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest

import corpus_tools as ct

FIXTURES = Path(__file__).parents[1] / "fixtures"

ARTICLE = (
    "Ministers met in Brussels on Tuesday to discuss the future of the alliance and its budget.\n\n"
    "The talks ran late into the evening, officials said, and no agreement was reached on funding.\n"
)


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "pages").mkdir(parents=True)
    shutil.copy(FIXTURES / "html" / "article.html", folder / "pages" / "saved_page.html")
    (folder / "crawl.md").write_text("# Alliance budget talks\n\n" + ARTICLE, encoding="utf-8")
    (folder / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(FIXTURES / "exports" / "lexisnexis_classic.txt", folder / "nexis_download.txt")
    shutil.copy(FIXTURES / "exports" / "factiva.html", folder / "factiva_download.html")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a corpus file")
    return folder


def test_a_mixed_folder_loads_every_article_with_its_metadata(mixed_folder):
    with pytest.warns(ct.CorpusWarning):
        loaded = ct.read_corpus(mixed_folder, clean=False)
    docs = loaded.documents
    # 1 page + 1 Markdown + 1 text + 3 LexisNexis articles + 2 Factiva articles
    assert len(docs) == 8
    exported = docs[docs["export"].notna()]
    assert exported["export"].value_counts().to_dict() == {"lexisnexis": 3, "factiva": 2}
    assert exported["newspaper"].notna().all() and exported["title"].notna().all()
    assert exported["date"].notna().all()
    assert set(exported["source_file"]) == {"nexis_download.txt", "factiva_download.html"}
    page = docs[docs["source_file"] == "pages/saved_page.html"].iloc[0]
    assert page["raw_html"].lstrip().lower().startswith("<!doctype html") and page["title"]
    assert set(docs.loc[docs["export"].isna(), "source_file"]) == {"pages/saved_page.html", "crawl.md", "plain.txt"}
    # the stray file is listed with its reason, never silently dropped
    skipped = loaded.log[loaded.log["source"].str.endswith("notes.pdf")]
    assert len(skipped) == 1 and ".pdf" in skipped["issue"].iloc[0]


def test_cleaning_keeps_every_exported_article(mixed_folder):
    with pytest.warns(ct.CorpusWarning):
        docs = ct.load_corpus(mixed_folder, keep_duplicates=True)
    assert len(docs) == 8
    assert (docs["n_words"] > 0).all()
    assert docs.loc[docs["export"].notna(), "title"].notna().all()


def test_the_same_article_in_two_files_is_used_once_and_logged(mixed_folder):
    """plain.txt is crawl.md without its heading; the Factiva and LexisNexis exports share one article."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = ct.read_corpus(mixed_folder)
    assert any(re.search(r"plain\.txt: exact duplicate of 'crawl'", str(w.message)) for w in caught)
    copies = loaded.documents.dropna(subset=["duplicate_of"]).set_index("doc_id")["duplicate_of"].to_dict()
    assert copies == {"nexis_download_002": "EVPOST0020250304el3400002", "plain": "crawl"}
    assert loaded.log["issue"].str.contains("duplicate of").sum() == 2
    with pytest.warns(ct.CorpusWarning):
        docs = ct.load_corpus(mixed_folder)
    assert len(docs) == 6 and not set(copies) & set(docs["doc_id"])


def test_the_pre_run_check_knows_the_columns_of_pages_and_exports(mixed_folder):
    from corpus_tools.io import read_corpus_columns

    columns = read_corpus_columns(mixed_folder)
    with pytest.warns(ct.CorpusWarning):
        loaded = ct.read_corpus(mixed_folder).documents
    assert {"status", "title_source", "newspaper", "url", "folder"} <= set(columns)
    assert set(loaded.columns) <= set(columns)


def test_a_markdown_heading_is_a_title_without_its_marker(mixed_folder):
    with pytest.warns(ct.CorpusWarning):
        loaded = ct.read_corpus(mixed_folder)
    crawl = loaded.documents.set_index("source_file").loc["crawl.md"]
    assert (crawl["title"], crawl["title_source"]) == ("Alliance budget talks", "first_line")
    assert not crawl["text"].startswith("#")
