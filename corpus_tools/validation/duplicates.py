"""Duplicate detection on the BBC News archive (Greene & Cunningham 2006, ``bbc/bbc_news.csv``).

The archive holds 98 articles whose title and text repeat another article's byte for byte. Every
one of them must be found as an ``exact`` duplicate of an earlier article (:data:`BBC_EXACT`).
Reported besides: the exact copies after normalisation (case, punctuation, spacing), the near
copies (word 5-shingles, Jaccard >= 0.8: mostly the same story filed again with a changed
sentence or headline), and the run time.

Run: ``make validate`` or ``python -m corpus_tools.runner.validate --only duplicates``.

>>> docs = pd.DataFrame({"doc_id": ["1", "2"], "title": ["Cup", "Cup"], "text": ["Won.", "Won."]})
>>> count_byte_identical(docs)
1
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from corpus_tools.clean import match_duplicates

#: Byte-identical (title and text) copies in the archive, all of which must be found.
BBC_EXACT = 98


def count_byte_identical(docs: pd.DataFrame) -> int:
    """Rows whose ``title`` and ``text`` repeat an earlier row exactly (no normalisation)."""
    return int(docs.duplicated(subset=["title", "text"]).sum())


def run(eval_dir: Path) -> bool:
    """Print the exact and near duplicate counts; False if a byte-identical copy is missed."""
    path = Path(eval_dir) / "bbc" / "bbc_news.csv"
    if not path.exists():
        print(f"skipped: {path} not found")
        return True
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    docs = pd.DataFrame({"doc_id": raw["article_id"], "title": raw["title"], "text": raw["title"] + "\n" + raw["text"]})
    started = time.perf_counter()
    table = match_duplicates(docs)
    elapsed = time.perf_counter() - started
    identical = docs[docs.duplicated(subset=["title", "text"], keep=False)]
    first = identical.sort_values("doc_id").drop_duplicates("text")["doc_id"]
    copies = set(identical["doc_id"]) - set(first)
    found = set(table.loc[table["kind"].eq("exact"), "doc_id"])
    missed = sorted(copies - found)
    counts = table["kind"].value_counts()
    print(f"{len(docs)} articles, {elapsed:.1f} s ({len(docs) / elapsed:,.0f} docs/s)")
    print(f"byte-identical copies (title and text): {len(copies)}, found as exact: {len(copies & found)}")
    print(
        f"clusters: {table['cluster'].nunique()}, exact copies (normalised): {counts.get('exact', 0)}, "
        f"near copies (Jaccard >= 0.8): {counts.get('near', 0)}"
    )
    near = table[table["kind"].eq("near")]
    if len(near):
        print(f"near-copy similarity: min {near['similarity'].min():.3f}, median {near['similarity'].median():.3f}")
    if missed:
        print(f"missed: {', '.join(missed[:10])}")
    ok = len(copies) >= BBC_EXACT and not missed
    print(f"threshold: all {BBC_EXACT} byte-identical copies found -> {'ok' if ok else 'MISSED'}")
    return ok
