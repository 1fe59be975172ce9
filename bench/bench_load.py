"""Benchmark: ``load_corpus`` on a folder of generated scraped pages (bench/generate_pages.py),
written to a temporary folder once.

Case (baseline -> ours): ``load_corpus(folder, clean=False)`` (read, decode, build the
table) -> ``load_corpus(folder)`` (the same plus cleaning): what cleaning adds to loading.
"""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import tempfile
from pathlib import Path

from corpus_tools.corpus import load_corpus

N_PAGES = 1000
N_QUICK = 200


def _write_pages(n: int) -> Path:
    spec = importlib.util.spec_from_file_location("generate_pages", Path(__file__).with_name("generate_pages.py"))
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    folder = Path(tempfile.mkdtemp(prefix="corpus_tools_bench_"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for i, page in enumerate(generator.generate_pages(n, seed=1)):
        sub = folder / f"site{i % 4}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(page, encoding="utf-8")
    return folder


def cases(quick: bool = False):
    folder = _write_pages(N_QUICK if quick else N_PAGES)
    n = N_QUICK if quick else N_PAGES
    yield (
        f"load_corpus clean=True vs clean=False, {n:,} files",
        lambda: load_corpus(folder, clean=False),
        lambda: load_corpus(folder),
    )
