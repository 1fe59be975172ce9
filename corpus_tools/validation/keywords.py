"""Keyness of each BBC News topic against the other four (Greene & Cunningham 2006).

A sanity check, not a benchmark to tune against: the key terms of ``politics`` should look
like politics (election, party, ...), those of ``sport`` like sport. The regression threshold
is deliberately loose: every topic must have at least ``MIN_KEY_TERMS`` positive key terms
with a Bonferroni-adjusted p below 0.05; anything less means counting or statistics broke.
Exact duplicate articles (98 in the archive) are dropped first.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from corpus_tools import keywords as kw
from corpus_tools.corpus import load_corpus

MIN_KEY_TERMS = 50
TOP = 12


def read_bbc(eval_dir: Path) -> pd.DataFrame:
    """The BBC articles (title + body, duplicates dropped) with their ``category``.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "bbc").mkdir()
    >>> rows = "article_id,category,title,text\\n1,sport,Cup final,England won.\\n2,sport,Cup final,England won.\\n"
    >>> _ = (folder / "bbc" / "bbc_news.csv").write_text(rows, encoding="utf-8")
    >>> read_bbc(folder)[["doc_id", "category", "text"]].values.tolist()
    [['1', 'sport', 'Cup final\\nEngland won.']]
    """
    path = Path(eval_dir) / "bbc" / "bbc_news.csv"
    docs = load_corpus(path, clean=False, text_col="text", id_col="article_id")
    docs = docs.drop_duplicates(subset=["title", "text"]).reset_index(drop=True)
    return docs.assign(text=docs["title"].fillna("") + "\n" + docs["text"])


def run(eval_dir: Path) -> bool:
    """Print the top key terms of each topic and the run time; False if a topic has fewer
    than ``MIN_KEY_TERMS`` significant key terms."""
    path = Path(eval_dir) / "bbc" / "bbc_news.csv"
    if not path.exists():
        print(f"skipped: {path} not found")
        return True
    docs = read_bbc(eval_dir)
    started = time.perf_counter()
    counts = kw.count_terms(docs, by="category", min_length=2)
    counted = time.perf_counter() - started
    table = kw.compare_keyness(counts, p_adjust="bonferroni", min_count=5)
    elapsed = time.perf_counter() - started
    print(
        f"{len(docs)} articles (duplicates dropped), {len(counts.terms):,} terms, {int(counts.matrix.sum()):,} counted"
    )
    print(f"counting {counted:.1f} s, counting + keyness of 5 topics {elapsed:.1f} s\n")
    ok = True
    summary = []
    for topic, part in table.groupby("group", sort=True):
        significant = part[(part["g2"] > 0) & (part["p_adjusted"] < 0.05)]
        top_g2 = ", ".join(part["term"].head(TOP))
        top_z = ", ".join(part.sort_values("log_odds_z", ascending=False)["term"].head(TOP))
        print(f"{topic:<14} G2:  {top_g2}\n{'':<14} z:   {top_z}")
        summary.append({"topic": topic, "key_terms_p05": len(significant), "docs": int((counts.groups == topic).sum())})
        ok &= len(significant) >= MIN_KEY_TERMS
    print()
    print(pd.DataFrame(summary).to_string(index=False))
    print(
        f"\nthreshold: at least {MIN_KEY_TERMS} key terms per topic with p_adjusted < 0.05 "
        f"-> {'ok' if ok else 'MISSED'}"
    )
    return ok
