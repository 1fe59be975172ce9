"""Extraction quality on generated news pages: trafilatura alone against our path (trafilatura
then our cleaner, as ``read_corpus`` runs them on a folder of ``.html`` files).

The pages come from :mod:`corpus_tools.validation._html_pages` (five site layouts with real-world
chrome; the truth of each page is known), so this needs no evaluation data: ``eval_dir`` is
ignored. For each path: the share of article sentences kept (an article's own list items and
quotes included), the share of chrome lines kept (menus, cookie banner, related links, share
bars, newsletter boxes, endnote links, comments, footers), and the share of pages whose title,
date and author are right. Rows ``trafilatura favor_precision`` / ``favor_recall`` /
``defaults`` are the measurements behind :data:`corpus_tools.io.html.EXTRACT_OPTIONS`.

Targets: our path keeps at least as many sentences as trafilatura alone and at least
:data:`MIN_SENTENCES_KEPT`; at most :data:`MAX_CHROME_KEPT` of chrome lines; titles and dates
right on at least :data:`MIN_META_RIGHT` of pages.

Run: ``make validate`` or ``python -m corpus_tools.runner.validate --only html``.

>>> table = compare_html_paths(build_pages(5))
>>> bool(table.loc["ours", "sentences_kept"] >= table.loc["trafilatura", "sentences_kept"])
True
"""

from __future__ import annotations

import re
import tempfile
import warnings
from pathlib import Path

import pandas as pd

from corpus_tools.corpus import read_corpus
from corpus_tools.io.html import EXTRACT_OPTIONS
from corpus_tools.validation._html_pages import Page, build_pages

#: Share of article sentences our path must keep.
MIN_SENTENCES_KEPT = 0.98
#: Share of chrome lines our path may keep.
MAX_CHROME_KEPT = 0.05
#: Share of pages whose title and date must be right.
MIN_META_RIGHT = 0.95
N_PAGES = 100

_VARIANTS = {
    "trafilatura": EXTRACT_OPTIONS,
    "trafilatura favor_precision": {**EXTRACT_OPTIONS, "favor_precision": True},
    "trafilatura favor_recall": {**EXTRACT_OPTIONS, "favor_recall": True},
    "trafilatura defaults": {},
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _score(page: Page, text: str, title: object, date: object, author: object) -> dict:
    flat = _norm(text)
    lines = {_norm(line).removeprefix("- ") for line in text.splitlines()}
    chrome_kept = sum(c in lines or (len(c.split()) >= 4 and c in flat) for c in page.chrome)
    return {
        "layout": page.layout,
        "sentences": len(page.sentences),
        "sentences_kept": sum(s in flat for s in page.sentences),
        "chrome": len(page.chrome),
        "chrome_kept": chrome_kept,
        "title_right": title == page.title,
        "date_right": str(date)[:10] == page.date,
        "author_right": author == page.author,
    }


def _trafilatura_rows(pages: list[Page], options: dict) -> list[dict]:
    import trafilatura

    rows = []
    for page in pages:
        doc = trafilatura.bare_extraction(page.html, with_metadata=True, **options)
        text = (doc.text or "") if doc is not None else ""
        rows.append(
            _score(page, text, getattr(doc, "title", None), getattr(doc, "date", None), getattr(doc, "author", None))
        )
    return rows


def _our_rows(pages: list[Page]) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="corpus_tools_html_") as tmp:
        for i, page in enumerate(pages):
            path = Path(tmp) / page.layout / f"page{i:04d}.html"
            path.parent.mkdir(exist_ok=True)
            path.write_text(page.html, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            docs = read_corpus(tmp).documents.set_index("doc_id")
    rows = []
    for i, page in enumerate(pages):
        doc = docs.loc[f"page{i:04d}"]
        rows.append(_score(page, doc["text"], doc["title"], doc["date"], doc["author"]))
    return rows


def compare_html_paths(pages: list[Page], *, variants: bool = False) -> pd.DataFrame:
    """One row per path (``trafilatura`` alone, ``ours``; with ``variants=True`` also other
    trafilatura options): ``sentences_kept``, ``chrome_kept`` (shares of all pages' sentences and
    chrome lines), ``title_right``, ``date_right``, ``author_right`` (shares of pages), ``pages``."""
    paths = {
        name: _trafilatura_rows(pages, opts) for name, opts in _VARIANTS.items() if variants or name == "trafilatura"
    }
    paths["ours"] = _our_rows(pages)
    return pd.DataFrame({name: _summarize(pd.DataFrame(rows)) for name, rows in paths.items()}).T


def summarize_by_layout(pages: list[Page]) -> pd.DataFrame:
    """Our path's scores per site layout (as :func:`compare_html_paths`, one row per layout)."""
    rows = pd.DataFrame(_our_rows(pages))
    return pd.DataFrame({layout: _summarize(group) for layout, group in rows.groupby("layout")}).T


def _summarize(rows: pd.DataFrame) -> pd.Series:
    return pd.Series(
        {
            "sentences_kept": round(rows["sentences_kept"].sum() / rows["sentences"].sum(), 4),
            "chrome_kept": round(rows["chrome_kept"].sum() / rows["chrome"].sum(), 4),
            "title_right": round(rows["title_right"].mean(), 4),
            "date_right": round(rows["date_right"].mean(), 4),
            "author_right": round(rows["author_right"].mean(), 4),
            "pages": len(rows),
        }
    )


def check_thresholds(table: pd.DataFrame) -> list[str]:
    """The targets ``table`` (from :func:`compare_html_paths`) misses; empty when all are met.

    >>> ok = pd.DataFrame({"sentences_kept": [0.99, 0.99], "chrome_kept": [0.2, 0.01], "title_right": [1.0, 1.0],
    ...                    "date_right": [1.0, 1.0]}, index=["trafilatura", "ours"])
    >>> check_thresholds(ok), len(check_thresholds(ok.assign(chrome_kept=0.3)))
    ([], 1)
    """
    ours, alone = table.loc["ours"], table.loc["trafilatura"]
    missed = []
    if ours["sentences_kept"] < alone["sentences_kept"]:
        missed.append(
            f"ours keeps fewer sentences ({ours['sentences_kept']}) than trafilatura ({alone['sentences_kept']})"
        )
    if ours["sentences_kept"] < MIN_SENTENCES_KEPT:
        missed.append(f"sentences kept {ours['sentences_kept']} < {MIN_SENTENCES_KEPT}")
    if ours["chrome_kept"] > MAX_CHROME_KEPT:
        missed.append(f"chrome kept {ours['chrome_kept']} > {MAX_CHROME_KEPT}")
    for col in ("title_right", "date_right"):
        if ours[col] < MIN_META_RIGHT:
            missed.append(f"{col} {ours[col]} < {MIN_META_RIGHT}")
    return missed


def run(eval_dir: Path) -> bool:
    """Print the comparison on :data:`N_PAGES` generated pages; ``True`` when every target is met."""
    pages = build_pages(N_PAGES, seed=7)
    table = compare_html_paths(pages, variants=True)
    with pd.option_context("display.width", 160):
        print(f"{len(pages)} generated pages, 5 layouts; shares of sentences / chrome lines / pages")
        print(table.to_string())
        print("\nours, by layout:")
        print(summarize_by_layout(pages).to_string())
    missed = check_thresholds(table)
    for line in missed:
        print(f"REGRESSION: {line}")
    return not missed
