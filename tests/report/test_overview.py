"""The corpus overview: its figure and tables, and the notebook run on the seeds."""

from __future__ import annotations

import json

import pandas as pd

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
    audit = pd.read_csv(tmp_path / "tables" / "overview_cleaning_audit.csv", keep_default_na=False)
    assert {"promo", "toc", "breadcrumb"} <= set(audit["rule"])
    assert (tmp_path / "figures" / "overview_lengths.png").exists()
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
    ]
    assert documents["n_sentences"].tolist() == seeds_sentences.groupby("doc_id").size().tolist()
    assert (documents["clean_chars"] <= documents["raw_chars"]).all()
    html = format_documents_html(documents)
    assert "2025-03-22" in html and "NaT" not in html
    assert html.count("<tr") == len(documents) + 1 and html.count("<th>") == documents.shape[1]
