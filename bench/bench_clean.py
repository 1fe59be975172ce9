"""Benchmark: cleaning a large generated corpus of scraped pages (bench/generate_pages.py).

Cases (baseline -> ours):
- per-page rules only (``clean_text`` on each page, no cross-document pass) -> ``clean_corpus``
  (adds the corpus-wide count of repeated template lines): the cost of the cross-document rule;
- Unicode/whitespace repair of every line (``normalize_line``, the least a cleaner does) ->
  ``clean_corpus``: the cost of the boilerplate rules on top of normalisation.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd

from corpus_tools import clean
from corpus_tools.clean import clean_corpus, clean_text, normalize_line

N_PAGES = 1000
N_QUICK = 200


def _generator():
    path = Path(__file__).with_name("generate_pages.py")
    spec = importlib.util.spec_from_file_location("generate_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cold(fn):
    """Run ``fn`` with the cleaner's per-line caches emptied, so neither side profits from
    lines the other has already scored."""

    def run():
        clean.clear_caches()
        return fn()

    return run


def cases(quick: bool = False):
    raws = _generator().generate_pages(N_QUICK if quick else N_PAGES, seed=0)
    corpus = pd.DataFrame({"doc_id": [f"p{i}" for i in range(len(raws))], "raw_text": raws})
    n = f"{len(raws):,} pages"
    full = cold(lambda: clean_corpus(corpus))
    yield (f"clean_corpus vs per-page rules only, {n}", cold(lambda: [clean_text(r) for r in raws]), full)
    yield (
        f"clean_corpus vs line normalisation only, {n}",
        lambda: [normalize_line(ln) for r in raws for ln in r.splitlines()],
        full,
    )
