"""The report folder's index.html: one row per notebook, links, failures, escaping."""

from __future__ import annotations

import json

from corpus_tools.runner.index import summarize_notebook, write_index


def _notebook(path, markdown):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": markdown}]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))


def test_index_links_pages_tables_and_failed_runs_and_escapes_text(tmp_path):
    _notebook(tmp_path / "good.ipynb", "# Good <report>\n\nShows `counts` per group. More text.")
    _notebook(tmp_path / "bad.failed.ipynb", "# Bad\n\nFails.")
    (tmp_path / "good.html").write_text("<html></html>")
    manifest = {
        "study": {"name": "s<1>", "description": "A & B"},
        "run": {"started": "2025-01-01T00:00:00+00:00", "ended": "2025-01-01T00:01:00+00:00"},
        "git": {"commit": "a" * 40, "dirty": True},
        "corpus": {"fingerprint": "f" * 64},
        "notebooks": {
            "good": {"status": "ok", "duration_s": 1.5, "outputs": {"tables/good_a.csv": "x", "figures/good.png": "y"}},
            "bad": {
                "status": "failed",
                "duration_s": 0.5,
                "outputs": {},
                "failed_notebook": "bad.failed.ipynb",
                "error": {"message": "ValueError: <no>"},
            },
        },
    }
    page = write_index(tmp_path, manifest).read_text(encoding="utf-8")
    assert '<a href="good.html">Good &lt;report&gt;</a>' in page and "Shows counts per group." in page
    assert '<a href="tables/good_a.csv">good_a.csv</a>' in page and "1 figure</summary>" in page
    assert '<a href="bad.failed.ipynb">failed run</a>: ValueError: &lt;no&gt;' in page
    assert "Reports: s&lt;1&gt;" in page and "A &amp; B" in page and "(modified)" in page
    assert summarize_notebook(tmp_path / "missing.ipynb") == ("missing", "")
