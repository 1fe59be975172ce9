"""One reader per file kind: mixed folders, unknown kinds listed, every file loaded or logged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.io import CorpusInputError, CorpusWarning, read_corpus_columns
from corpus_tools.io import files as files_mod
from corpus_tools.io.files import READERS, read_file_records

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
TEXT = "Talks resume\n\nDiplomats met in Geneva on Monday to discuss a ceasefire, officials said.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def mixed(tmp_path):
    folder = tmp_path / "c"
    write(folder / "a.txt", TEXT)
    write(folder / "b.TXT", TEXT.replace("Geneva", "Vienna"))
    write(folder / "c.md", "# Talks resume\n\n[Diplomats](https://example.org) met in Oslo, officials said.\n")
    write(folder / "sub" / "d.markdown", TEXT.replace("Geneva", "Rome"))
    shutil.copy(FIXTURES / "article.html", folder / "sub" / "e.HTML")
    shutil.copy(FIXTURES / "listing.html", folder / "f.htm")
    write(folder / "g.pdf", "%PDF-1.4")
    write(folder / "h.csv", "doc_id,text\nx,Hello\n")
    write(folder / "README", "notes")
    write(folder / ".hidden" / "z.txt", TEXT)  # hidden folders are not part of the corpus
    return folder


def test_a_mixed_folder_loads_every_kind_and_logs_the_rest(mixed):
    with pytest.warns(CorpusWarning):
        loaded = ct.read_corpus(mixed)
    docs, log = loaded.documents, loaded.log
    assert docs[["doc_id", "source_file"]].values.tolist() == [
        ["a", "a.txt"],
        ["b", "b.TXT"],
        ["c", "c.md"],
        ["d", "sub/d.markdown"],
        ["e", "sub/e.HTML"],
    ]
    assert docs["folder"].tolist() == ["", "", "", "sub", "sub"]
    assert docs.loc[4, "title"] == "Talks resume in Geneva" and docs.loc[4, "author"] == "Anna Keller"
    assert docs.loc[:3, "raw_html"].isna().all() and docs.loc[4, "raw_html"].startswith("<!DOCTYPE html>")
    assert "https://" not in docs.loc[2, "text"] and "Oslo" in docs.loc[2, "text"]
    assert log["issue"].tolist() == [
        "not a corpus file kind: (no suffix)",  # README: upper case sorts first
        "not an article page (trafilatura found 0 words of prose in 34 words, under 40); "
        "a section front, listing or search page? save the article page itself",
        "not a corpus file kind: .pdf",
        "not a corpus file kind: .csv",
    ]
    assert "read_corpus(" in log.loc[3, "action"] and log.loc[1, "action"].startswith("file skipped")


def test_every_file_is_either_loaded_or_skipped_never_both(mixed):
    with pytest.warns(CorpusWarning):
        loaded = ct.read_corpus(mixed)
    seen = {str(p) for p in mixed.rglob("*") if p.is_file() and ".hidden" not in p.parts}
    loaded_files = {str(mixed / s) for s in loaded.documents["source_file"]}
    skipped = set(loaded.log.loc[loaded.log["action"].str.startswith("file skipped"), "source"])
    assert loaded_files.isdisjoint(skipped)
    assert loaded_files | skipped == seen and len(seen) == 9


def test_the_same_name_in_two_kinds_gets_path_ids(tmp_path):
    write(tmp_path / "c" / "a.txt", TEXT)
    shutil.copy(FIXTURES / "article.html", tmp_path / "c" / "a.html")
    with pytest.warns(CorpusWarning, match="repeat"):
        docs = ct.load_corpus(tmp_path / "c")
    assert docs["doc_id"].tolist() == ["a.html", "a.txt"]


def test_a_folder_without_corpus_files_names_what_it_found(tmp_path):
    write(tmp_path / "c" / "a.pdf", "%PDF")
    with pytest.raises(CorpusInputError, match=r"no corpus files found .*\.txt; found 1 other file\(s\): \.pdf\)"):
        ct.load_corpus(tmp_path / "c")


def test_a_single_page_file_points_to_its_folder(tmp_path):
    path = shutil.copy(FIXTURES / "article.html", tmp_path / "a.html")
    with pytest.raises(CorpusInputError, match=r"single \.html file; pass the folder"):
        ct.load_corpus(path)


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("a.txt", "read_text_records"),
        ("a.Md", "read_text_records"),
        ("a.HTM", "read_page_records"),
        ("a.RTF", "read_word_processor_records"),
        ("a.docx", "read_word_processor_records"),
        ("a.pdf", None),
    ],
)
def test_readers_are_chosen_by_suffix_in_any_case(name, reader):
    found = READERS.get(Path(name).suffix.lower())
    assert (found.__name__ if found else None) == reader


def test_a_text_sniffer_can_claim_a_txt_file_and_split_it(tmp_path, monkeypatch):
    def sniff(path, text, encoding, log):
        if not text.startswith("EXPORT"):
            return None
        return [{"doc_id": f"{path.stem}-{i}", "raw_text": part} for i, part in enumerate(text.split("====")[1:], 1)]

    monkeypatch.setattr(files_mod, "TEXT_SNIFFERS", [sniff])
    export = write(tmp_path / "c" / "export.txt", "EXPORT\n====First article.\n====Second article.\n")
    plain = write(tmp_path / "c" / "plain.txt", TEXT)
    assert [r["doc_id"] for r in read_file_records(export)] == ["export-1", "export-2"]
    assert [r["doc_id"] for r in read_file_records(plain)] == ["plain"]
    assert ct.load_corpus(tmp_path / "c", clean=False)["doc_id"].tolist() == ["export-1", "export-2", "plain"]


def test_read_corpus_columns_names_the_html_columns(mixed):
    columns = read_corpus_columns(mixed)
    assert {"folder", "author", "site", "url", "raw_html"} <= set(columns)
