"""Messy inputs, one row each: every case is read correctly with a warning naming the file and
what was done, or refused with an error naming the file and the fix; no article lost or distorted."""

from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.clean import restore_raw
from corpus_tools.io import CorpusInputError, CorpusWarning

RU = "Министры встретились в Женеве в понедельник, чтобы обсудить прекращение огня."
EN = "Diplomats met at the café in Genève on Monday — “a ceasefire”, officials said."
UK = "Міністри зустрілися в Женеві в понеділок, щоб обговорити припинення вогню, повідомили посадовці."
PARAS = ["Talks resume in Geneva.", "Diplomats met on Monday, officials said."]
# Two different articles, for tables whose rows must not be taken for duplicates of each other.
ARTICLES = [EN, "Farmers in the valley expect a late harvest after weeks of rain, the ministry reported."]


def jsonl(*records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def dangling(folder: Path) -> None:
    (folder / "gone.txt").symlink_to(folder / "missing.txt")


def link_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "linked").symlink_to(folder.parent / "outside", target_is_directory=True)


def link_loop(folder: Path) -> None:
    (folder / "loop").symlink_to(folder, target_is_directory=True)


# case | files written (name -> bytes) | extra set-up | corpus (folder "c" or a file) |
# expected: doc_id -> raw_text, encoding of every document, and a pattern every such case must warn
CASES = [
    (
        "cp1251 text",
        {"c/ru.txt": RU.encode("cp1251")},
        None,
        "c",
        {"ru": RU},
        "cp1251",
        r"ru\.txt: .*detected as cp1251",
    ),
    (
        "koi8-r text",
        {"c/ru.txt": RU.encode("koi8-r")},
        None,
        "c",
        {"ru": RU},
        "koi8-r",
        r"ru\.txt: .*detected as koi8-r",
    ),
    (
        "cp1252 English",
        {"c/en.txt": EN.encode("cp1252")},
        None,
        "c",
        {"en": EN},
        "cp1252",
        r"en\.txt: .*decoded as cp1252",
    ),
    ("utf-16 with BOM", {"c/en.txt": EN.encode("utf-16")}, None, "c", {"en": EN}, "utf-16", r"en\.txt: .*utf-16"),
    ("utf-8 BOM", {"c/en.txt": b"\xef\xbb\xbf" + EN.encode("utf-8")}, None, "c", {"en": EN}, "utf-8-sig", None),
    (
        "cp1251 csv",
        {"t.csv": f'doc_id,text\nru,"{RU}"\n'.encode("cp1251")},
        None,
        "t.csv",
        {"ru": RU},
        "cp1251",
        r"t\.csv: .*detected as cp1251",
    ),
    (
        "dangling link",
        {"c/en.txt": EN.encode()},
        dangling,
        "c",
        {"en": EN},
        "utf-8",
        r"gone\.txt: dangling link",
    ),
    (
        "empty doc_id",
        {"t.csv": f'doc_id,text\na,"{EN}"\n,"{PARAS[0]}"\n'.encode()},
        None,
        "t.csv",
        {"a": EN, "row3": PARAS[0]},
        "utf-8",
        r"t\.csv:3: empty doc_id in column 'doc_id'; id 'row3' given",
    ),
    (
        "float ids with a null",
        {"t.jsonl": jsonl({"id": 1.0, "text": EN}, {"id": None, "text": PARAS[0]})},
        None,
        "t.jsonl",
        {"1": EN, "row2": PARAS[0]},
        "utf-8",
        r"t\.jsonl:2: empty doc_id",
    ),
    (
        "integer text",
        {"t.jsonl": jsonl({"doc_id": "a", "text": 20250403}, {"doc_id": "b", "text": EN})},
        None,
        "t.jsonl",
        {"a": "20250403", "b": EN},
        "utf-8",
        None,
    ),
    (
        "list of paragraphs",
        {"t.jsonl": jsonl({"doc_id": "a", "text": PARAS})},
        None,
        "t.jsonl",
        {"a": "\n\n".join(PARAS)},
        "utf-8",
        None,
    ),
    (
        "semicolon-delimited csv",
        {"t.csv": f'doc_id;text\na;"{EN}"\nb;{PARAS[0]}\n'.encode()},
        None,
        "t.csv",
        {"a": EN, "b": PARAS[0]},
        "utf-8",
        r"t\.csv: semicolon-delimited .*read with ';'",
    ),
    ("upper-case suffix", {"c/en.TXT": EN.encode()}, None, "c", {"en": EN}, "utf-8", None),
    ("Ukrainian UTF-8 text", {"c/uk.txt": UK.encode()}, None, "c", {"uk": UK}, "utf-8", None),
    ("symlinked folder", {"outside/en.txt": EN.encode()}, link_folder, "c", {"en": EN}, "utf-8", None),
    ("symlink loop", {"c/en.txt": EN.encode()}, link_loop, "c", {"en": EN}, "utf-8", r"loop: .*already read"),
    (
        "TSV cell opening with a quote",
        {"t.tsv": b'doc_id\ttext\na\t"Yes" she said, and left.\n'},
        None,
        "t.tsv",
        {"a": '"Yes" she said, and left.'},
        "utf-8",
        r"t\.tsv: line 2: a cell starts with a quoted phrase",
    ),
    (
        "ESC[31m colour codes",
        {"c/en.txt": f"\x1b[31m{EN}\x1b[0m".encode()},
        None,
        "c",
        {"en": f"\x1b[31m{EN}\x1b[0m"},  # kept in raw_text; the cleaner removes them (audit rule control_chars)
        "utf-8",
        r"en\.txt: 2 control character\(s\) .*kept in raw_text",
    ),
    (
        "n_words column",
        {"t.csv": f'doc_id,text,n_words\na,"{EN}",99\n'.encode()},
        None,
        "t.csv",
        {"a": EN},
        "utf-8",
        r"t\.csv: column 'n_words' clashes",
    ),
    (
        "same article twice",
        {"c/a.txt": ARTICLES[1].encode(), "c/b.txt": ARTICLES[1].encode()},
        None,
        "c",
        {"a": ARTICLES[1], "b": ARTICLES[1]},  # read_corpus keeps both; load_corpus uses one
        "utf-8",
        r"b\.txt: exact duplicate of 'a'",
    ),
]


def build(tmp_path: Path, files: dict, setup) -> None:
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if setup:
        setup(tmp_path / "c")


@pytest.mark.parametrize("case, files, setup, corpus, expected, encoding, warning", CASES, ids=[c[0] for c in CASES])
def test_messy_input_is_read_correctly_and_said(tmp_path, case, files, setup, corpus, expected, encoding, warning):
    build(tmp_path, files, setup)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = ct.read_corpus(tmp_path / corpus, clean=False)
    docs = loaded.documents
    assert dict(zip(docs["doc_id"], docs["raw_text"].str.strip())) == expected
    assert set(docs["encoding"]) == {encoding}
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    if warning is None:
        assert messages == []
    else:
        assert any(re.search(warning, m) for m in messages), messages
    files_seen = loaded.files
    assert files_seen["n_documents"].sum() == len(docs)


@pytest.mark.parametrize(
    "files, corpus, where, column",
    [
        ({"t.csv": f'doc_id,text,n_words\na,"{EN}",99\n'.encode()}, "t.csv", "t.csv", "n_words"),
        ({"t.csv": f'doc_id,text,status\na,"{EN}",draft\n'.encode()}, "t.csv", "t.csv", "status"),
        ({"c/a.txt": EN.encode(), "m.csv": b"doc_id,n_words\na,99\n"}, "c", "m.csv", "n_words"),
    ],
)
def test_a_column_clashing_with_a_computed_one_is_renamed_with_a_warning(tmp_path, files, corpus, where, column):
    build(tmp_path, files, None)
    metadata = tmp_path / "m.csv" if "m.csv" in files else None
    with pytest.warns(CorpusWarning, match=rf"{where}: column '{column}' clashes .* renamed to '{column}_input'"):
        docs = ct.read_corpus(tmp_path / corpus, metadata=metadata, clean=False).documents
    assert docs[f"{column}_input"].astype(str).tolist() == (["99"] if column == "n_words" else ["draft"])
    assert docs["n_words"].tolist() == [ct.tokens.count_words(EN)] != [99]


def test_xlsx_without_openpyxl_is_refused_with_the_fix(tmp_path, monkeypatch):
    (tmp_path / "t.xlsx").write_bytes(b"PK\x03\x04")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if not installed
    with pytest.raises(CorpusInputError, match=r"t\.xlsx: reading an \.xlsx corpus needs openpyxl.*pip install"):
        ct.read_corpus(tmp_path / "t.xlsx")


# case | date cells | expected (YYYY-MM-DD HH:MM, "" for empty) | warning pattern (None: no warning)
DATE_CASES = [
    ("day-first column", ["03/04/2025", "13/04/2025"], ["2025-04-03 00:00", "2025-04-13 00:00"], None),
    ("month-first column", ["03/04/2025", "04/13/2025"], ["2025-03-04 00:00", "2025-04-13 00:00"], None),
    ("ambiguous column", ["03/04/2025", "05/06/2025"], ["2025-03-04 00:00", "2025-05-06 00:00"], r"could be day-first"),
    ("ISO beside day-first", ["2025-03-04", "13.04.2025"], ["2025-03-04 00:00", "2025-04-13 00:00"], None),
    (
        "mixed UTC offsets",
        ["2025-03-04T10:00:00+02:00", "2025-03-04T10:00:00-05:00"],
        ["2025-03-04 08:00", "2025-03-04 15:00"],
        None,
    ),
    ("offset and none", ["2025-03-04T10:00:00+02:00", "2025-03-05"], ["2025-03-04 08:00", "2025-03-05 00:00"], "UTC"),
    ("unreadable", ["2025-03-04", "soon"], ["2025-03-04 00:00", ""], r"cannot read date 'soon'"),
]


@pytest.mark.parametrize("case, cells, expected, warning", DATE_CASES, ids=[c[0] for c in DATE_CASES])
def test_dates_follow_one_convention_per_column_in_utc(tmp_path, case, cells, expected, warning):
    table = tmp_path / "t.jsonl"
    table.write_bytes(jsonl(*({"doc_id": f"d{i}", "text": ARTICLES[i], "date": d} for i, d in enumerate(cells))))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = ct.read_corpus(table, clean=False).documents
    assert docs["date"].dt.tz is None
    assert docs["date"].dt.strftime("%Y-%m-%d %H:%M").fillna("").tolist() == expected
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    if warning is None:
        assert messages == []
    else:
        assert [m for m in messages if re.search(warning, m)], messages
        assert all(m.startswith(f"{table}: column 'date': ") for m in messages)


@pytest.mark.parametrize("corpus", ["c", "t.jsonl"])
def test_a_document_over_max_bytes_is_skipped_up_front(tmp_path, corpus):
    big = "word " * 40  # 200 bytes
    build(tmp_path, {"c/a.txt": EN.encode(), "c/big.txt": big.encode()}, None)
    (tmp_path / "t.jsonl").write_bytes(jsonl({"doc_id": "a", "text": EN}, {"doc_id": "big", "text": big}))
    where = r"big\.txt" if corpus == "c" else r"t\.jsonl:2: document 'big'"
    with pytest.warns(
        CorpusWarning, match=rf"{where}: .*MB, over max_bytes=150 .*; .*skipped; split it, or pass max_bytes="
    ):
        loaded = ct.read_corpus(tmp_path / corpus, clean=False, max_bytes=150)
    assert loaded.documents["doc_id"].tolist() == ["a"]
    if corpus == "c":
        assert loaded.files.set_index("file").at["big.txt", "status"] == "skipped"


@pytest.mark.parametrize(
    "files, corpus, where",
    [
        ({"c/a.txt": f"\x1b[31m{EN}\x1b[0m\x07".encode()}, "c", r"a\.txt"),
        ({"t.jsonl": jsonl({"doc_id": "a", "text": f"\x1b[31m{EN}\x1b[0m\x07"})}, "t.jsonl", r"t\.jsonl:1"),
    ],
)
@pytest.mark.parametrize("clean", [True, False])
def test_control_characters_and_colour_codes_are_removed_logged_and_audited(tmp_path, files, corpus, where, clean):
    build(tmp_path, files, None)
    with pytest.warns(
        CorpusWarning, match=rf"{where}: 3 control character\(s\) or escape sequence\(s\) .*; kept in raw"
    ):
        loaded = ct.read_corpus(tmp_path / corpus, clean=clean)
    docs = loaded.documents
    assert docs["raw_text"].tolist() == [f"\x1b[31m{EN}\x1b[0m\x07"]
    assert docs["text"].str.strip().tolist() == [ct.clean.normalize_line(EN) if clean else EN]
    if clean:
        controls = loaded.audit[loaded.audit["rule"].eq("control_chars")]
        assert controls["original"].tolist() == ["\x1b[31m", "\x1b[0m", "\x07"]
        assert restore_raw(docs.at[0, "text"], loaded.audit) == docs.at[0, "raw_text"]


@pytest.mark.parametrize(
    "tsv, expected, warns",
    [
        ('doc_id\ttext\na\t"Yes" she said, and left.\n', '"Yes" she said, and left.', True),
        ('doc_id\ttext\na\t"A quoted cell, with a\ttab"\n', "A quoted cell, with a\ttab", False),
    ],
)
def test_tsv_quotes_are_kept_when_the_file_does_not_quote(tmp_path, tsv, expected, warns):
    (tmp_path / "t.tsv").write_text(tsv, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = ct.read_corpus(tmp_path / "t.tsv", clean=False).documents
    assert docs["raw_text"].tolist() == [expected]
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    assert any(re.search(r"t\.tsv: line 2: a cell starts with a quoted phrase", m) for m in messages) == warns
