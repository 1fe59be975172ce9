"""Decoding: every encoding read and recorded, mojibake repaired, bad files skipped with a warning."""

from __future__ import annotations

import warnings

import pytest

import corpus_tools as ct
from corpus_tools.io import CorpusInputError, CorpusWarning, decode_bytes

ARTICLE = "Talks resume in Geneva\n\nDiplomats met on Monday to discuss a ceasefire, officials said.\n"


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


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
        loaded = ct.read_corpus(tmp_path / "c")
    corpus = loaded.documents
    assert corpus.loc[0, "encoding"] == encoding
    assert "Genève" in corpus.loc[0, "raw_text"]
    assert corpus.loc[0, "title"] == "Talks resume in Genève"
    assert any(issubclass(w.category, CorpusWarning) and "a.txt" in str(w.message) for w in caught) == warns
    assert len(loaded.log) == int(warns)


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
        loaded = ct.read_corpus(tmp_path / "c")
    assert loaded.documents["doc_id"].tolist() == ["good"]
    assert loaded.log.loc[0, "action"] == "file skipped"


def test_decode_bytes_rejects_undecodable_utf16_bom():
    with pytest.raises(CorpusInputError, match="byte-order mark"):
        decode_bytes(b"\xff\xfe\x00\xd8")


RUSSIAN = "Министры встретились в Женеве в понедельник, чтобы обсудить прекращение огня.\n"
GERMAN = "Grüße aus München, sagte der Bürgermeister am Montag.\n"


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        (RUSSIAN, "cp1251", "cp1251"),
        (RUSSIAN, "koi8-r", "koi8-r"),
        ("Привет мир\n", "cp1251", "cp1251"),  # short: ties go to cp1251
        ("Καλημέρα, συνάντηση υπουργών στη Γενεύη.\n", "cp1253", "cp1253"),
        (ARTICLE.replace("Geneva", "Genève").replace("said", "said \u201cwe\u201d"), "cp1252", "cp1252"),
        (GERMAN, "cp1252", "cp1252"),  # Western text is never taken for a Cyrillic code page
    ],
)
def test_legacy_code_pages_are_detected_and_named(text, codec, encoding):
    decoded, used, note = decode_bytes(text.encode(codec))
    assert (decoded, used) == (text, encoding)
    assert note.endswith(f"as {encoding}")


def test_cp1251_file_and_csv_keep_their_text_and_say_the_encoding(tmp_path):
    folder = write(tmp_path / "c" / "ru.txt", RUSSIAN.encode("cp1251")).parent
    table = write(tmp_path / "t.csv", f'doc_id,text\nru,"{RUSSIAN}"\n'.encode("cp1251"))
    for path, source in ((folder, folder / "ru.txt"), (table, table)):
        with pytest.warns(CorpusWarning, match=r"detected as cp1251"):
            loaded = ct.read_corpus(path, clean=False)
        assert loaded.documents["raw_text"].str.strip().tolist() == [RUSSIAN.strip()]
        assert loaded.documents["encoding"].tolist() == ["cp1251"]
        assert loaded.log["source"].tolist() == [str(source)]
