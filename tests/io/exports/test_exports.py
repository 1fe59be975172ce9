"""``read_export_file`` end to end: every layout and file kind of export read from disk, the
sniffer deciding by content, and what is not an export left to the folder reader (``None``)."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

from corpus_tools.io import CorpusInputError
from corpus_tools.io.exports import EXPORT_COLUMNS, is_export, read_export_file

TITLES = {
    "lexisnexis": ["Harbour bridge reopens after a year of repairs", "Toll plans dropped by council",
                   "Ferry operators count the cost"],
    "nexis_uni": ["Harbour bridge reopens after a year of repairs", "Ferry operators count the cost"],
    "factiva": ["Harbour bridge reopens after a year of repairs", "Toll plans dropped by council",
                "Ferry operators count the cost"],
    "factiva_html": ["Harbour bridge reopens after a year of repairs", "Toll plans dropped by council"],
}  # fmt: skip


def read(path, **options):
    log: list[dict] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_export_file(path, log=log, **options), log


@pytest.fixture()
def export_files(exports_dir, write_rtf, write_docx, tmp_path):
    """Every fixture as a file: the text ones as they are, and RTF / DOCX made from their lines."""
    nexis = (exports_dir / "nexis_uni.txt").read_text(encoding="utf-8").splitlines()
    factiva = (exports_dir / "factiva.txt").read_text(encoding="utf-8").splitlines()
    classic = (exports_dir / "lexisnexis_classic.txt").read_text(encoding="utf-8").splitlines()
    return {
        # name: (path, export, titles, encoding)
        "classic.txt": (exports_dir / "lexisnexis_classic.txt", "lexisnexis", TITLES["lexisnexis"], "utf-8"),
        "classic.rtf": (write_rtf("classic.rtf", classic), "lexisnexis", TITLES["lexisnexis"], "rtf (cp1252)"),
        "nexis_uni.txt": (exports_dir / "nexis_uni.txt", "lexisnexis", TITLES["nexis_uni"], "utf-8"),
        "nexis_uni.docx": (write_docx("nexis_uni.docx", nexis), "lexisnexis", TITLES["nexis_uni"], "docx"),
        "nexis_uni.rtf": (write_rtf("nexis_uni.rtf", nexis), "lexisnexis", TITLES["nexis_uni"], "rtf (cp1252)"),
        "factiva.txt": (exports_dir / "factiva.txt", "factiva", TITLES["factiva"], "utf-8"),
        "factiva.rtf": (write_rtf("factiva.rtf", factiva), "factiva", TITLES["factiva"], "rtf (cp1252)"),
        "factiva.html": (exports_dir / "factiva.html", "factiva", TITLES["factiva_html"], "utf-8"),
    }


@pytest.mark.parametrize(
    "name",
    ["classic.txt", "classic.rtf", "nexis_uni.txt", "nexis_uni.docx", "nexis_uni.rtf", "factiva.txt", "factiva.rtf",
     "factiva.html"],
)  # fmt: skip
def test_every_export_kind_reads_into_one_row_per_article(export_files, name):
    path, export, titles, encoding = export_files[name]
    records, log = read(path, source=name)
    table = pd.DataFrame(records, columns=EXPORT_COLUMNS)
    assert log == []
    assert table["title"].tolist() == titles
    assert set(table["export"]) == {export} and set(table["encoding"]) == {encoding}
    assert set(table["source_file"]) == {name}
    assert table["doc_id"].is_unique
    assert table["date"].str.match(r"2025-03-0\d").all()
    assert table["word_count"].notna().all() and table["newspaper"].notna().all()
    assert table["raw_text"].str.len().gt(20).all()
    assert not table["raw_text"].str.contains("LOAD-DATE|Load-Date|Classification|Document |Copyright").any()


def test_the_same_article_reads_alike_from_every_kind(export_files):
    first = {}
    for name, (path, *_rest) in export_files.items():
        records, _ = read(path)
        first[name] = (records[0]["title"], records[0]["date"], records[0]["byline"], records[0]["word_count"])
    assert set(first.values()) == {("Harbour bridge reopens after a year of repairs", "2025-03-03", "Ann Lee", 1204)}


def test_lines_are_named_for_text_files_only(export_files, exports_dir, tmp_path, write_docx):
    classic = (exports_dir / "lexisnexis_classic.txt").read_text(encoding="utf-8").replace("2025-03-06", "someday")
    (tmp_path / "bad.txt").write_text(classic, encoding="utf-8")
    _, log = read(tmp_path / "bad.txt", source="bad.txt")
    assert [row["source"] for row in log] == [
        f"bad.txt:{classic.splitlines().index('  ' * 15 + ' 3 of 3 DOCUMENTS') + 2}"
    ]
    _, log = read(write_docx("bad.docx", classic.splitlines()), source="bad.docx")
    assert [(row["source"], row["issue"]) for row in log] == [
        ("bad.docx", "article 3: date line 'someday' cannot be read")
    ]


def test_an_export_with_zero_articles_gives_an_empty_list_and_a_log_row(tmp_path):
    (tmp_path / "empty.txt").write_text("User Name: Test User\nJob Number: 7\nDocuments (0)\n", encoding="utf-8")
    records, log = read(tmp_path / "empty.txt")
    assert records == []
    assert [(row["source"], row["issue"]) for row in log] == [
        (str(tmp_path / "empty.txt"), "LexisNexis export holds no articles")
    ]


def test_a_cp1252_export_is_read_and_the_guess_logged(exports_dir, tmp_path):
    text = (exports_dir / "factiva.txt").read_text(encoding="utf-8").replace("Ann Lee", "Zo\u00eb L\u00e9e")
    (tmp_path / "fv.txt").write_bytes(text.encode("cp1252"))
    records, log = read(tmp_path / "fv.txt")
    assert records[0]["byline"] == "Zoë Lée" and records[0]["encoding"] == "cp1252"
    assert len(log) == 1 and "cp1252" in log[0]["issue"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("article.txt", "Harbour bridge reopens\n\nThe bridge reopened on Monday.\n"),
        ("page.html", "<!DOCTYPE html><html><body><p>A web page.</p></body></html>"),
        ("letter.rtf", None),
        ("letter.docx", None),
        ("table.csv", "doc_id,text\na,Hello\n"),  # not an export suffix
    ],
)
def test_what_is_not_an_export_is_none(tmp_path, write_rtf, write_docx, name, content):
    if name.endswith(".rtf"):
        path = write_rtf(name, ["Dear council,", "The bridge is lovely."])
    elif name.endswith(".docx"):
        path = write_docx(name, ["Dear council,", "The bridge is lovely."])
    else:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
    assert read(path) == (None, [])


def test_the_content_decides_not_the_suffix(exports_dir, tmp_path, write_rtf):
    rtf = write_rtf("really_rtf.txt", (exports_dir / "factiva.txt").read_text(encoding="utf-8").splitlines())
    records, _ = read(rtf)
    assert len(records) == 3 and records[0]["encoding"] == "rtf (cp1252)"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("broken.docx", b"not a zip", r"broken\.docx: not a readable \.docx"),
        ("empty.txt", b"", r"empty\.txt: file is empty"),
    ],
)
def test_unreadable_files_raise_an_error_naming_them(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(CorpusInputError, match=message):
        read_export_file(tmp_path / name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 of 2 DOCUMENTS\n", True),
        ("HD T\nPD 3 March 2025\nTD\nx\n", True),
        ("End of Document\n", True),
        ("Harbour bridge reopens\nIt did.\n", False),
    ],
)
def test_is_export(text, expected):
    assert is_export(text) is expected


def test_the_worked_example_of_docs_exports_runs_and_prints_what_it_says(monkeypatch, capsys):
    from corpus_tools.config import PROJECT_DIR

    monkeypatch.chdir(PROJECT_DIR)
    text = (PROJECT_DIR / "docs" / "exports.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(\w*)\n(.*?)```", text, re.S)
    python = [body for lang, body in blocks if lang == "python"]
    assert len(python) == 2
    namespace: dict = {}
    for number, body in enumerate(python):
        exec(compile(body, f"docs/exports.md block {number}", "exec"), namespace)
    printed = next(body for (lang, body), (before, _) in zip(blocks[1:], blocks) if lang == "" and before == "python")
    assert capsys.readouterr().out == printed
