"""Loading: read + clean + metadata; a plain DataFrame, with the log and the audit beside it."""

from __future__ import annotations

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
