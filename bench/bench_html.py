"""Benchmark: HTML pages (corpus_tools/validation/_html_pages.py, five site layouts) to documents.

Cases (baseline -> ours), pages/s is the page count over each time:
- ``trafilatura.bare_extraction`` on each page's text (trafilatura alone, metadata included) ->
  ``read_documents(folder)`` (read bytes, decode, drop footnote markers, extract, build the table);
- the same baseline -> ``read_corpus(folder)`` (the above plus cleaning and the audit).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import trafilatura

from corpus_tools.corpus import read_corpus
from corpus_tools.io import read_documents
from corpus_tools.io.html import EXTRACT_OPTIONS
from corpus_tools.validation._html_pages import build_pages

N_PAGES = 500
N_QUICK = 100


def _write_pages(pages) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="corpus_tools_bench_html_"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for i, page in enumerate(pages):
        (folder / f"{i:06d}.html").write_text(page.html, encoding="utf-8")
    return folder


def cases(quick: bool = False):
    n = N_QUICK if quick else N_PAGES
    pages = build_pages(n, seed=11)
    folder = _write_pages(pages)
    htmls = [p.html for p in pages]

    def alone():
        return [trafilatura.bare_extraction(h, with_metadata=True, **EXTRACT_OPTIONS) for h in htmls]

    yield (f"trafilatura alone vs read_documents, {n} pages", alone, lambda: read_documents(folder))
    yield (f"trafilatura alone vs read_corpus (+ cleaning), {n} pages", alone, lambda: read_corpus(folder))
