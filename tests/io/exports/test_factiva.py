"""Factiva: fields by their codes, articles ended by the AN line; cut, textless and malformed
articles logged naming the file, the article and the line."""

from __future__ import annotations

import warnings

import pytest

from corpus_tools.io.exports.factiva import is_factiva, split_factiva


def split(text: str):
    log: list[dict] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return split_factiva(text, source="fv.txt", log=log), log


def test_each_article_becomes_a_record_with_its_fields(exports_dir):
    records, log = split((exports_dir / "factiva.txt").read_text(encoding="utf-8"))
    got = [(r["doc_id"], r["title"], r["date"], r["newspaper"], r["byline"], r["section"], r["word_count"])
           for r in records]  # fmt: skip
    assert got == [
        ("DCOUR00020250303el3300001", "Harbour bridge reopens after a year of repairs", "2025-03-03",
         "The Daily Courier", "Ann Lee", None, 1204),
        ("EVPOST0020250304el3400002", "Toll plans dropped by council", "2025-03-04", "The Evening Post", None,
         "Local", 64),
        ("DCOUR00020250306el3600003", "Ferry operators count the cost", "2025-03-06", "The Daily Courier", None,
         None, 95),
    ]  # fmt: skip
    assert {(r["source_file"], r["export"]) for r in records} == {("fv.txt", "factiva")}
    assert log == []


def test_the_text_is_the_lead_paragraph_and_the_text_without_the_indexing(exports_dir):
    records, _ = split((exports_dir / "factiva.txt").read_text(encoding="utf-8"))
    assert records[0]["raw_text"] == (
        "The harbour bridge reopened on Monday after a year of repairs.\n\n"
        "Commuters said the new lanes cut their journey by ten minutes.\n\n"
        "IN the first week, traffic doubled."  # a body line starting with a code is text
    )
    assert records[1]["raw_text"] == "The council dropped its plans for a bridge toll."  # TD only
    assert records[2]["raw_text"] == "Ferry operators said passenger numbers fell by a third."  # LP only
    assert not any("Transport" in r["raw_text"] or "Search Summary" in r["raw_text"] for r in records)


def test_a_cut_export_keeps_the_complete_articles_and_logs_the_cut_one(exports_dir):
    text = (exports_dir / "factiva.txt").read_text(encoding="utf-8")
    cut = text[: text.index("AN Document DCOUR00020250306")]
    records, log = split(cut)
    assert [r["title"] for r in records] == ["Harbour bridge reopens after a year of repairs",
                                             "Toll plans dropped by council"]  # fmt: skip
    assert len(log) == 1
    assert log[0]["source"] == f"fv.txt:{cut.splitlines().index('HD Ferry operators count the cost') + 1}"
    assert (
        log[0]["issue"]
        == "article 3 ('Ferry operators count the cost') is cut off (the export ends before its AN line)"
    )


def test_an_article_without_text_is_skipped_and_logged():
    text = "HD One\nPD 3 March 2025\nTD\nText one.\nAN Document A1\nHD Two\nPD 4 March 2025\nAN Document A2\n"
    records, log = split(text)
    assert [r["doc_id"] for r in records] == ["A1"]
    assert [(row["source"], row["issue"]) for row in log] == [
        ("fv.txt:6", "article 2 ('Two') has no text (no LP or TD field)")
    ]


def test_a_repeated_accession_number_gets_a_suffix():
    text = "HD One\nPD 3 March 2025\nTD\nText.\nAN Document A1\n" * 2
    records, _ = split(text)
    assert [r["doc_id"] for r in records] == ["A1", "A1_2"]


@pytest.mark.parametrize(
    ("pd_line", "wc_line", "date", "word_count", "issues"),
    [
        ("PD 3 March 2025", "WC 812 words", "2025-03-03", 812, []),
        ("PD soon", "WC 812 words", None, 812, ["article 1: date 'soon' cannot be read"]),
        ("", "WC 812 words", None, 812, ["article 1: date '(no PD field)' cannot be read"]),
        ("PD 3 March 2025", "WC many", "2025-03-03", None, ["article 1: word count 'many' cannot be read"]),
    ],
)
def test_malformed_fields_keep_the_article_and_are_logged(pd_line, wc_line, date, word_count, issues):
    text = f"HD One\n{wc_line}\n{pd_line}\nTD\nText.\nAN Document A1\n"
    records, log = split(text)
    assert [(r["date"], r["word_count"]) for r in records] == [(date, word_count)]
    assert [row["issue"] for row in log] == issues
    assert all(row["source"] == "fv.txt:1" for row in log)


def test_an_export_without_articles_is_logged():
    records, log = split("Search Summary\nText harbour\n")
    assert records == [] and [row["issue"] for row in log] == ["Factiva export holds no articles"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AN Document DCOUR00020250303el3300001\n", True),
        ("HD Title\nPD 3 March 2025\nLP\nLead.\n", True),
        ("HD Title\nTD\nText.\n", False),  # no date code: not enough to call it Factiva
        ("An ordinary article.\nHD video\n", False),
    ],
)
def test_is_factiva(text, expected):
    assert is_factiva(text) is expected
