"""corpus_tools.report: HTML rendering never lets corpus text inject markup; readable document labels for figures."""

from __future__ import annotations

import io

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


@pytest.mark.parametrize(
    ("value", "column", "expected"),
    [
        (1234567, "n", "1,234,567"),
        (0.5, "share", "0.500"),
        (-0.03125, "estimate", "-0.031"),
        (12.3456, "per_10k", "12.35"),
        (4321.6, "g2", "4,322"),
        (3.0, "n_words", "3"),
        (0.00004, "p_adjusted", "< 0.001"),
        (0.01234, "p_value", "0.012"),
        (0.00004, "log_ratio", "4.0e-05"),
        (float("nan"), "estimate", ""),
    ],
)
def test_every_table_formats_numbers_one_way(value, column, expected):
    assert report.html.format_number(value, column=column) == expected
    cell = format_table_html(pd.DataFrame({column: [value]}))
    assert f"<td>{expected}</td>" in cell


def test_long_cells_are_shortened_with_the_full_text_on_hover_and_nothing_escapes():
    url = "https://www.example.invalid/" + "a" * 3000 + "?q=<script>"
    html = format_table_html(pd.DataFrame({"line": [url], "n": [1]}), max_chars=60)
    shown = html.split('title="', 1)[1]
    full, short = shown.split('">', 1)
    assert full == url.replace("<", "&lt;").replace(">", "&gt;")  # the whole text, escaped, in the title
    assert short.split("</span>")[0].endswith("\u2026") and len(short.split("</span>")[0]) <= 60
    assert "<script>" not in html and "overflow-wrap:anywhere" in html


@pytest.mark.parametrize(
    ("n_rows", "max_rows", "shown", "note"), [(5, 10, 5, "Full table"), (250, 100, 100, "150 more rows")]
)
def test_long_tables_show_the_first_rows_and_link_the_csv(tmp_path, n_rows, max_rows, shown, note):
    table = pd.DataFrame({"i": range(n_rows)})
    csv = report.write_table(table, "long", tmp_path)
    html = format_table_html(table, max_rows=max_rows, csv=csv)
    assert html.count("<tr>") == shown
    assert note in html and '<a href="tables/long.csv">long.csv</a>' in html
    assert (tmp_path / "tables" / "long.csv").is_file()


def test_top_terms_are_a_long_table_not_one_column_per_document():
    from corpus_tools import keywords

    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i:03d}" for i in range(300)],
            "text": [f"peace talks word{i} word{i} term{i}" for i in range(300)],
        }
    )
    tfidf = keywords.score_tfidf(keywords.count_terms(docs), top_n=5)
    html = report.keywords.format_top_terms_html(tfidf, column="doc_id", top_n=3, max_rows=20, csv="tables/tfidf.csv")
    table = pd.read_html(io.StringIO(html))[0]
    assert list(table.columns) == ["doc_id", "top 3 terms (rank order)"] and len(table) == 20
    expected = tfidf[(tfidf["doc_id"] == "d007") & (tfidf["rank"] <= 3)].sort_values("rank")["term"]
    assert table.set_index("doc_id").loc["d007"].iloc[0] == ", ".join(expected)
    assert "280 more rows" in html


def test_missing_validation_data_says_where_to_get_it(tmp_path):
    from corpus_tools.validation import sentiment as validation

    html = report.sentiment.format_missing_validation_html(tmp_path)
    for name in validation.SETS.values():
        assert str(tmp_path / validation.FOLDER / name) in html
    assert "hutto_ICWSM_2014.tar.gz" in html and "eval_dir" in html


def test_ids_and_file_names_are_never_cut_but_wrap():
    name = "000_capital-wire-service_" + "long-title-" * 20 + ".txt"
    html = format_table_html(pd.DataFrame({"file": [name], "doc_id": [name[:-4]], "title": [name]}), max_chars=30)
    assert f"<td>{name}</td>" in html and f"<td>{name[:-4]}</td>" in html
    assert html.count("\u2026") == 1  # only the title is shortened
