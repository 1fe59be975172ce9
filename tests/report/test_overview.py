"""The corpus overview: its figure and tables, and the notebook run on the seeds."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.config import NOTEBOOKS_DIR, SEEDS_DIR
from corpus_tools.report.overview import format_documents_html, plot_lengths
from corpus_tools.runner.execute import execute_notebook


def test_overview_notebook_runs_on_seeds(tmp_path):
    execute_notebook(
        NOTEBOOKS_DIR / "corpus_overview.ipynb", tmp_path, {"corpus": str(SEEDS_DIR), "output_dir": str(tmp_path)}
    )
    assert (tmp_path / "corpus_overview.html").stat().st_size > 10_000
    documents = pd.read_csv(tmp_path / "tables" / "overview_documents.csv")
    assert len(documents) == 5 and (documents["n_sentences"] > 0).all()
    files = pd.read_csv(tmp_path / "tables" / "overview_files.csv", keep_default_na=False)
    assert files["status"].tolist() == ["loaded"] * 5 and files["n_documents"].sum() == 5
    assert "5 files seen: 5 loaded (5 documents), 0 skipped" in (tmp_path / "corpus_overview.html").read_text()
    audit = pd.read_csv(tmp_path / "tables" / "overview_cleaning_audit.csv", keep_default_na=False)
    assert {"promo", "toc", "breadcrumb"} <= set(audit["rule"])
    assert (tmp_path / "figures" / "overview_lengths.png").exists()
    languages = pd.read_csv(tmp_path / "tables" / "overview_languages.csv")
    assert languages.values.tolist() == [["en", 5, documents["n_words"].sum(), 1.0]]
    duplicates = pd.read_csv(tmp_path / "tables" / "overview_duplicates.csv")
    assert list(duplicates.columns) == ["doc_id", "title", "cluster", "duplicate_of", "similarity", "kind"]
    assert duplicates.empty  # the five seed articles are different articles
    executed = json.loads((tmp_path / "corpus_overview.ipynb").read_text(encoding="utf-8"))
    outputs = json.dumps([cell.get("outputs", []) for cell in executed["cells"]])
    assert "DeprecationWarning" not in outputs and "Warning" not in outputs


def test_plot_lengths_draws_clean_then_removed_words(seeds_corpus):
    fig = plot_lengths(seeds_corpus)
    ax = fig.axes[0]
    clean_bars, removed_bars = ax.containers
    raw_words = seeds_corpus["raw_text"].map(ct.tokens.count_words)
    assert [b.get_width() for b in clean_bars] == seeds_corpus["n_words"].tolist()
    assert [b.get_width() for b in removed_bars] == (raw_words - seeds_corpus["n_words"]).tolist()
    assert [b.get_x() for b in removed_bars] == seeds_corpus["n_words"].tolist()
    assert len(ax.get_yticklabels()) == len(seeds_corpus)


def test_documents_table_and_its_html(seeds_corpus, seeds_sentences):
    documents = ct.corpus.summarize_documents(seeds_corpus, seeds_sentences)
    assert list(documents.columns) == [
        "doc_id",
        "title",
        "date",
        "n_words",
        "n_sentences",
        "raw_chars",
        "clean_chars",
        "share_kept",
        "status",
    ]
    assert documents["status"].tolist() == ["ok"] * 5
    assert documents["n_sentences"].tolist() == seeds_sentences.groupby("doc_id").size().tolist()
    assert (documents["clean_chars"] <= documents["raw_chars"]).all()
    html = format_documents_html(documents)
    assert "2025-03-22" in html and "NaT" not in html
    assert html.count("<tr") == len(documents) + 1 and html.count("<th>") == documents.shape[1]


def test_stubs_table_lists_each_stub_with_its_reason(tmp_path):
    from corpus_tools.report.overview import format_stubs_html

    article = "Diplomats met on Monday to discuss a ceasefire in the region, officials said. " * 8
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Talks resume\n\n" + article, encoding="utf-8")
    (tmp_path / "c" / "b.txt").write_text("Please enable JavaScript to view <this> page.\n", encoding="utf-8")
    with pytest.warns(ct.CorpusWarning, match="b.txt: stub: enable JavaScript"):
        docs = ct.read_corpus(tmp_path / "c").documents
    html = format_stubs_html(ct.clean.list_stubs(docs))
    assert html.count("<tr>") == 1 and "<td>b</td>" in html and "<td>enable JavaScript</td>" in html
    assert "&lt;this&gt;" not in html and "None" not in html  # one row: the stub, its title empty


def test_duplicates_table_lists_each_cluster_with_the_kept_copy_first(tmp_path):
    from corpus_tools.report.overview import format_duplicates_html

    article = " ".join(f"Diplomats met on day {i} to discuss a truce in region {i}, officials said." for i in range(8))
    (tmp_path / "c").mkdir()
    for name, text in (("a", article), ("b", article.upper()), ("c", article + " By Anna Keller.")):
        (tmp_path / "c" / f"{name}.txt").write_text("Talks $5bn <i>resume</i>\n\n" + text, encoding="utf-8")
    with pytest.warns(ct.CorpusWarning, match=r"b\.txt: exact duplicate of 'a'"):
        docs = ct.read_corpus(tmp_path / "c").documents
    table = ct.clean.list_duplicates(docs)
    assert table[["doc_id", "cluster", "duplicate_of", "kind"]].values.tolist() == [
        ["a", 1, None, "kept"],
        ["b", 1, "a", "exact"],
        ["c", 1, "a", "near"],
    ]
    html = format_duplicates_html(table)
    assert html.count("<tr>") == 3 and "<i>" not in html and "&lt;i&gt;" in html and "None" not in html


_HOSTILE_TITLE = "Aid: $5bn, or 2% of GDP <script>alert(1)</script> $x_1^2$"
_HOSTILE_OUTLET = "$Daily_x_ ^ 2%$ <img src=x onerror=alert(1)>"


class _ActiveMarkup(HTMLParser):
    """Script contents, img sources and on* attributes that carry the corpus payload."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") and "alert(1)" in (value or "") or (tag, name, value) == ("img", "src", "x"):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.found.append(f"<script>{data[:60]}")


def test_overview_notebook_runs_on_dollar_titles_and_groups_and_writes_no_active_markup(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bodies = [
        "Officials said the aid of $5bn_x_ or 2% ^ would reach the region before the winter, the ministry said.",
        "\x1b[31mFarmers in the valley expect a late harvest after weeks of rain, the ministry reported.\x1b[0m",
        "The council voted to repair the old bridge over the river next spring, its chair told reporters.",
    ]
    for i, body in enumerate(bodies):
        more = f"Officials in {i + 2} towns said the work would take several months and cost more than planned."
        (corpus / f"doc{i}.txt").write_text(f"{_HOSTILE_TITLE} {i}\n\n{body}\n\n{more}\n", encoding="utf-8")
    pd.DataFrame({"doc_id": ["doc0", "doc1", "doc2"], "outlet": [_HOSTILE_OUTLET, "$1 paper", _HOSTILE_OUTLET]}).to_csv(
        tmp_path / "meta.csv", index=False
    )
    out = tmp_path / "out"
    params = {"corpus": str(corpus), "metadata": str(tmp_path / "meta.csv"), "output_dir": str(out)}
    execute_notebook(NOTEBOOKS_DIR / "corpus_overview.ipynb", out, params)
    page = (out / "corpus_overview.html").read_text(encoding="utf-8")
    parser = _ActiveMarkup()
    parser.feed(page)
    assert parser.found == []
    assert "$5bn" in page and "alert(1)" in page  # the corpus text is shown, escaped
    documents = pd.read_csv(out / "tables" / "overview_documents.csv")
    assert documents["title"].str.startswith("Aid: $5bn").all()
    assert (out / "figures" / "overview_lengths.png").stat().st_size > 0
    audit = pd.read_csv(out / "tables" / "overview_cleaning_audit.csv", keep_default_na=False)
    controls = audit[audit["rule"] == "control_chars"]
    assert controls["doc_id"].tolist() == ["doc1"] * 2 and set(controls["original"]) == {"\x1b[31m", "\x1b[0m"}
    by_rule = pd.read_csv(out / "tables" / "overview_cleaning_by_rule.csv")
    assert by_rule.query("rule == 'control_chars'")["edits"].tolist() == [2]


@pytest.mark.parametrize(("n_docs", "bars"), [(5, True), (300, False)])
def test_length_figure_keeps_its_size_at_any_corpus_size(n_docs, bars):
    import matplotlib.pyplot as plt

    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n_docs)],
            "title": None,
            "text": "",
            "raw_text": ["menu " * (i % 9) + "word " * (i + 1) for i in range(n_docs)],
            "n_words": [i + 1 for i in range(n_docs)],
        }
    )
    fig = plot_lengths(docs)
    ax = fig.axes[0]
    assert fig.get_size_inches()[1] <= 16
    if bars:
        assert len(ax.patches) == 2 * n_docs  # a clean and a removed bar per document
    else:  # two histograms that count every document once
        heights = [p.get_height() for p in ax.patches]
        assert sum(heights[: len(heights) // 2]) == n_docs == sum(heights[len(heights) // 2 :])
    plt.close("all")


# ---------------------------------------------------------------- raw words, counted by pyarrow

WORD_CASES = [
    "",
    "   ",
    "The U.S.-backed plan’s cost: £1,000.50 — or 26% more…",
    "Zelensky’s aides said: “No.” ‘Maybe’ – «non» © 2025 Site. All rights reserved.",
    "Menu\u00a0Home\u2002News\u2009Sport • Weather · Contact ™ ® ✓ 🙂 👍🏽 →",
    "Переговоры возобновятся. Ça va? Zoë, naïve café; straße ſtraße K İstanbul ı",
    "和平谈判。今日は、カタカナ・テスト हिन्दी भाषा العربية עִבְרִית",
    "e.g. U.S.A. 1.2.3 3,4 -5 x--y a''b don't rock-'n'-roll _under_score 12%%",
    "’tis the ’90s – rock’n’roll’s “best”",
    "a\u200bb a\u00adb a\ufeffb x\u2060y",  # zero-width space, soft hyphen, byte-order mark, word joiner
    "tab\tnew\nline\r\nend\x0bvt\x1cfs",
]


def _count_raw_words_before(texts: pd.Series) -> list[int]:
    """The previous implementation: count_words of every text."""
    return texts.map(ct.tokens.count_words).tolist()


@pytest.mark.parametrize("extra", [[], [None, float("nan"), 7]])
def test_raw_words_equal_count_words(seeds_corpus, extra):
    from corpus_tools.report.overview import _count_raw_words

    texts = pd.Series([*seeds_corpus["raw_text"], *seeds_corpus["text"], *WORD_CASES, *extra], dtype=object)
    assert _count_raw_words(texts).tolist() == _count_raw_words_before(texts)


def test_raw_words_equal_count_words_around_every_character():
    from corpus_tools.report.overview import _count_raw_words

    chars = [chr(c) for c in range(0x80, 0x20000) if not 0xD800 <= c <= 0xDFFF]
    texts = pd.Series([f"a{c}b 1{c}2 x'{c}y U.{c}S. {c}" for c in chars])
    assert _count_raw_words(texts).tolist() == _count_raw_words_before(texts)


def test_raw_words_of_scraped_pages_equal_count_words():
    from corpus_tools.config import PROJECT_DIR
    from corpus_tools.report.overview import _count_raw_words

    paths = sorted((PROJECT_DIR / "tests" / "fixtures").rglob("*"))
    texts = pd.Series([p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()][:400])
    assert len(texts) > 20
    assert _count_raw_words(texts).tolist() == _count_raw_words_before(texts)


def test_raw_words_with_a_lone_surrogate_are_counted_one_by_one():
    from corpus_tools.report.overview import _count_raw_words

    texts = pd.Series(["ok then", "bad \udc80 byte here"], dtype=object)
    assert _count_raw_words(texts).tolist() == _count_raw_words_before(texts) == [2, 3]


def test_length_histograms_hold_the_words_count_words_gives(seeds_corpus):
    import numpy as np

    many = pd.concat([seeds_corpus] * 9, ignore_index=True).assign(doc_id=lambda d: [f"d{i}" for i in range(len(d))])
    many.loc[3, "raw_text"] = None
    fig = plot_lengths(many)
    removed = (pd.Series(_count_raw_words_before(many["raw_text"])) - many["n_words"]).clip(lower=0)
    bins = np.histogram_bin_edges(np.concatenate([many["n_words"], removed]).astype(float), bins=30)
    heights = [p.get_height() for p in fig.axes[0].patches]
    expected = [*np.histogram(many["n_words"], bins=bins)[0], *np.histogram(removed, bins=bins)[0]]
    assert heights == expected and sum(expected) == 2 * len(many)
