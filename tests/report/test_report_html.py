"""corpus_tools.report: HTML rendering never lets corpus text inject markup; readable document labels for figures."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import report
from corpus_tools.report import format_table_html, highlight_html


@pytest.mark.parametrize("dtype", [object, "string", pd.StringDtype("python")])
def test_table_html_escapes_text_whatever_its_dtype(dtype):
    table = pd.DataFrame({"doc_id": pd.Series(["<b>x</b>"], dtype=dtype), "n": [3]})
    html = format_table_html(table)
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_table_html_keeps_the_callers_html_columns():
    text = "a <script>alert(1)</script> reassurance force"
    start = text.index("reassurance")
    marked = highlight_html(text, [(start, start + len("reassurance force"))])
    html = format_table_html(pd.DataFrame({"sentence": [marked]}), html_columns=["sentence"])
    assert "<script>" not in html and "<mark" in html


@pytest.mark.parametrize(
    ("title", "text", "width", "expected"),
    [
        ("Allies meet in Paris", "", 40, "Allies meet in Paris"),  # short title kept whole
        ("Allies meet in Paris to discuss a force", "", 20, "Allies meet in\u2026"),  # cut at a word boundary
        ("Allies meet in Paris", "", 15, "Allies meet in\u2026"),  # a word ending exactly at the cut is kept
        (None, "Kyiv - Talks resumed.\nSecond line", 40, "Kyiv - Talks resumed."),  # no title: first line of text
        ("   ", "Kyiv - Talks resumed.", 40, "Kyiv - Talks resumed."),  # blank title counts as missing
        ("Supercalifragilisticexpialidocious", "", 10, "Supercali\u2026"),  # one long word is cut inside
    ],
)
def test_label_shortens_the_title_or_the_opening_words(title, text, width, expected):
    docs = pd.DataFrame({"doc_id": ["doc1"], "title": [title], "text": [text]})
    assert report.label_documents(docs, width=width)["doc1"] == f"doc \u00b7 {expected}"


def test_label_keys_are_the_shortest_unique_start_of_each_doc_id():
    docs = pd.DataFrame(
        {"doc_id": ["000_abc", "001_abc", "bbc_2025_01", "bbc_2025_02"], "title": ["T"] * 4, "text": ""}
    )
    labels = report.label_documents(docs)
    assert labels.index.tolist() == docs["doc_id"].tolist()
    assert [label.split(" \u00b7 ")[0] for label in labels] == ["000", "001", "bbc_2025_01", "bbc_2025_02"]


@pytest.mark.parametrize(
    ("ids", "keys"),
    [
        (["a1", "a10", "b"], ["a1", "a10", "b"]),  # an id that starts another stays whole
        (["ab_x", "ab-y"], ["ab_", "ab-"]),  # the separator that tells them apart is kept
        (["ab_1", "cd_2"], ["ab", "cd"]),  # a trailing separator is dropped otherwise
    ],
)
def test_label_keys_stay_unique(ids, keys):
    docs = pd.DataFrame({"doc_id": ids, "title": "T", "text": ""})
    assert [label.split(" \u00b7 ")[0] for label in report.label_documents(docs)] == keys


def test_label_without_title_or_text_is_the_key():
    docs = pd.DataFrame({"doc_id": ["x1", "y2"], "title": [None, None], "text": ["", ""]})
    assert report.label_documents(docs).tolist() == ["x1", "y2"]


def test_label_on_the_seeds_names_every_document_once(seeds_corpus):
    labels = report.label_documents(seeds_corpus)
    assert labels.is_unique and len(labels) == len(seeds_corpus)
    assert labels["000_02b64eec91d5a962"].startswith("000 \u00b7 Discussions Begin")


def test_docstring_examples_run():
    import doctest

    for module in (report.html, report.labels, report.heatmap):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
