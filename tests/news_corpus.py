"""A generated news corpus of any size for tests of the reports at scale: invented articles (no
real text) with outlets, countries, long URLs, long titles and web boilerplate, written as one
``.txt`` file per article (title on the first line) plus a metadata table and a study file.

The same ``n`` and ``seed`` give the same bytes. ``python tests/news_corpus.py OUT [N]`` writes
``OUT/articles/``, ``OUT/metadata.csv`` and ``OUT/news.yml`` (a study grouping by outlet).

>>> import tempfile
>>> study = write_news_corpus(tempfile.mkdtemp(), n=3)
>>> sorted(p.name for p in study.parent.iterdir())
['articles', 'metadata.csv', 'news.yml']
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

OUTLETS = {
    "Northern Ledger": "United Kingdom",
    "The Harbour Times": "United Kingdom",
    "Rhine Courier": "Germany",
    "Le Quotidien du Matin": "France",
    "Baltic Observer": "Lithuania",
    "Prairie Evening Post": "United States",
    "Capital Wire Service": "United States",
    "Alpine Gazette": "Switzerland",
}
ACTORS = [
    "Russia",
    "Ukraine",
    "the United States",
    "NATO",
    "the European Union",
    "Britain",
    "France",
    "Germany",
    "Kyiv",
    "Moscow",
    "Washington",
]
SUBJECTS = ["talks", "the ceasefire plan", "the aid package", "the reassurance force", "the border agreement"]
POSITIVE = [
    "{a} welcomed {s} as a hopeful step toward a lasting peace.",
    "Officials in {a} praised the progress on {s} and said trust was growing.",
    "{a} offered strong support for {s}, calling it a great success for cooperation.",
    "Diplomats said {a} was pleased with {s} and expected a fair deal.",
]
NEGATIVE = [
    "{a} condemned {s} as a dangerous failure that threatens civilians.",
    "Critics in {a} warned that {s} was weak and would end in disaster.",
    "{a} rejected {s}, accusing its rivals of lies and violent attacks.",
    "Analysts said {a} feared {s} would collapse amid fighting and crisis.",
]
NEUTRAL = [
    "{a} is expected to discuss {s} at a meeting next week.",
    "The costs of {s} would be shared between {a} and its partners, according to the budget.",
    "Lawmakers in {a} will vote on {s} after the committee reports.",
    "A spokesperson for {a} said the details of {s} were still being drafted.",
    "Troops and military planners from {a} studied {s} and the deterrence it might offer.",
    "Economists estimated that {s} would raise energy prices and trade costs for {a}.",
]
TITLE_WORDS = [
    "Leaders",
    "weigh",
    "new",
    "security",
    "guarantees",
    "as",
    "ceasefire",
    "talks",
    "resume",
    "amid",
    "deep",
    "divisions",
    "over",
    "aid",
    "and",
    "troops",
    "for",
    "the",
    "border",
    "region",
]
BOILERPLATE = [
    "Subscribe to our newsletter for the latest updates",
    "Share this article",
    "Advertisement",
    "Read more: {url}",
    "Cookie settings",
]


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _title(rng: np.random.Generator, i: int) -> str:
    words = rng.choice(TITLE_WORDS, size=int(rng.integers(6, 30 if i % 7 == 0 else 14)))
    title = " ".join(words)
    return title[0].upper() + title[1:] + f" (report {i})"


def _article(rng: np.random.Generator, i: int, outlet: str) -> tuple[str, str, str]:
    """One invented article: its title, its text (boilerplate around the body) and its URL."""
    title = _title(rng, i)
    url = (
        f"https://www.{_slug(outlet)}.invalid/news/world/europe/2025/03/{i:04d}/"
        f"{_slug(title)}-{'-'.join(['analysis', 'live', 'updates'] * int(rng.integers(2, 12)))}?utm_source=feed"
    )
    if i % 10 == 0:  # a tracking token with no break in it, as scraped pages often carry
        url += "&ref=" + "".join(rng.choice(list("0123456789abcdef"), size=1200))
    # outlets lean one way, so groups differ; articles vary around their outlet
    lean = (list(OUTLETS).index(outlet) - 3.5) / 6
    body = []
    for _ in range(int(rng.integers(6, 18))):
        weights = np.clip([0.3 + lean / 2, 0.4, 0.3 - lean / 2], 0.05, None)
        pool = int(rng.choice(3, p=weights / weights.sum()))
        template = rng.choice([POSITIVE, NEUTRAL, NEGATIVE][pool])
        body.append(template.format(a=rng.choice(ACTORS), s=rng.choice(SUBJECTS)))
    paragraphs = [" ".join(body[k : k + 3]) for k in range(0, len(body), 3)]
    paragraphs = [p[0].upper() + p[1:] for p in paragraphs]
    top = [title, "", f"By Staff Reporter | {outlet}", "", BOILERPLATE[0], ""]
    bottom = ["", BOILERPLATE[1], BOILERPLATE[3].format(url=url), BOILERPLATE[2], BOILERPLATE[4]]
    return title, "\n".join(top + [p + "\n" for p in paragraphs] + bottom) + "\n", url


def write_news_corpus(folder: str | Path, *, n: int = 300, seed: int = 0, n_boot: int = 200) -> Path:
    """Write ``n`` invented articles, their metadata and a study file into ``folder``.

    Args:
        folder: where ``articles/``, ``metadata.csv`` and ``news.yml`` go (created).
        n: number of articles.
        seed: the random seed (same seed, same bytes).
        n_boot: bootstrap resamples the study sets (small, so a test run stays quick).

    Returns:
        The study file's path (``corpus-tools report --study`` runs it).
    """
    folder = Path(folder)
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    outlets = list(OUTLETS)
    rows = []
    for i in range(n):
        outlet = outlets[int(rng.integers(len(outlets)))]
        title, text, url = _article(rng, i, outlet)
        doc_id = f"{i:03d}_{_slug(outlet)}_{_slug(title)[:60]}"
        (articles / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        rows.append({"doc_id": doc_id, "outlet": outlet, "country": OUTLETS[outlet], "url": url})
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["doc_id", "outlet", "country", "url"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    study = folder / "news.yml"
    study.write_text(
        "# Generated: invented articles for testing the reports at scale (tests/news_corpus.py).\n"
        "name: news\n"
        f"description: {n} invented news articles from {len(outlets)} outlets, grouped by outlet\n"
        "corpus: articles\n"
        "metadata: metadata.csv\n"
        "group_by: outlet\n"
        "parameters:\n"
        f"  sentiment: {{n_boot: {n_boot}, actors: ukraine_security}}\n"
        f"  framing: {{n_boot: {n_boot}, actors: ukraine_security, naming: ukraine_security}}\n",
        encoding="utf-8",
    )
    return study


if __name__ == "__main__":
    print(write_news_corpus(sys.argv[1], n=int(sys.argv[2]) if len(sys.argv) > 2 else 300))
