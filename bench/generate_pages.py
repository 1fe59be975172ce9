"""Synthesise a large corpus of news-like scraped pages, site chrome included, for benchmarks.

Every word comes from the small invented word lists below (no real article text): each page
has a site's header (page title with site name, menu, date line), an article of 8-25
paragraphs built from sentence templates, and a footer (related headlines, furniture links,
a newsletter prompt, a markdown link list), in one of a few site layouts.

``python bench/generate_pages.py OUT_DIR --n 5000`` writes ``OUT_DIR/<site>/<id>.txt``;
benchmarks call :func:`generate_pages` directly.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SITES = ["Valley Courier", "Harbour Herald", "Northern Ledger", "Civic Post", "Daily Lantern", "River Gazette"]
MENU = ["News", "World", "Business", "Politics", "Sport", "Culture", "Weather", "Opinion", "Video", "Podcasts"]
FOOTER = ["About Us", "Contact Us", "Privacy Policy", "Terms of Use", "Careers", "Advertise", "Sitemap", "RSS"]
PROMOS = [
    "Subscribe to our newsletter and get the top stories delivered to your inbox.",
    "Thank you for reading. Support our journalism with a subscription today.",
    "Don't miss out: follow us for breaking news and the latest updates.",
]
SUBJECTS = [
    "The minister",
    "The council",
    "Local officials",
    "The committee",
    "Union leaders",
    "The mayor",
    "Researchers",
    "The company",
    "Residents",
    "The agency",
    "Opposition members",
    "Analysts",
]
VERBS = ["said", "warned", "announced", "confirmed", "argued", "suggested", "reported", "insisted"]
OBJECTS = [
    "the budget",
    "the new bridge",
    "water prices",
    "the school plan",
    "the harbour project",
    "rail fares",
    "the housing report",
    "the energy deal",
    "flood defences",
    "the hospital review",
    "bus services",
]
CLAUSES = [
    "would be delayed until next year",
    "had been agreed after weeks of talks",
    "was likely to cost more than planned",
    "could change before the next meeting",
    "had drawn criticism from several groups",
    "was welcomed by most residents",
    "needed further study by independent experts",
    "would be put to a public vote in the spring",
]
TIMES = [
    "on Monday",
    "on Tuesday",
    "late on Wednesday",
    "this week",
    "in a statement",
    "at a press conference",
    "on Friday",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(TIMES)} "
        f"that {rng.choice(OBJECTS)} {rng.choice(CLAUSES)}."
    )


def _headline(rng: random.Random) -> str:
    obj = rng.choice(OBJECTS).removeprefix("the ")
    return (
        f"{rng.choice(SUBJECTS).removeprefix('The ')} {rng.choice(VERBS)} {obj} {rng.choice(CLAUSES).split()[-1]}"
    ).capitalize()


def generate_page(rng: random.Random, *, layout: int | None = None) -> str:
    """One page: header, article and footer, in one of three layouts."""
    layout = rng.randrange(3) if layout is None else layout
    site, title = rng.choice(SITES), _headline(rng)
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.choice([2024, 2025])}"
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(8, 25))]
    header = [f"{title} | {site}", "Skip to content", *rng.sample(MENU, 6), title, f"Published {date}"]
    if layout == 1:
        header = [f"Home » {rng.choice(MENU)} » {title}", title, f"{rng.randint(2, 9)} min read"]
    related = ["Read also:", *(_headline(rng) for _ in range(4))]
    footer = [*related, rng.choice(PROMOS), *rng.sample(FOOTER, 5), f"© {date[-4:]} {site}. All rights reserved."]
    links = [
        "## Links",
        *(f"- [{item}](https://example.org/{item.lower().replace(' ', '-')})" for item in rng.sample(MENU, 5)),
    ]
    sep = "\n\n" if layout == 2 else "\n"
    return sep.join([*header, *paragraphs, *footer, *links]) + "\n"


def generate_pages(n: int, *, seed: int = 0) -> list[str]:
    """``n`` pages, reproducible for a given ``seed``.

    >>> pages = generate_pages(2)
    >>> len(pages), "Privacy Policy" in "".join(pages) or "Careers" in "".join(pages)
    (2, True)
    """
    rng = random.Random(seed)
    return [generate_page(rng) for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write <site>/<id>.txt into")
    parser.add_argument("--n", type=int, default=5000, help="number of pages")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for i, page in enumerate(generate_pages(args.n, seed=args.seed)):
        site = (
            page.split("|", 1)[-1].split("\n", 1)[0].strip().lower().replace(" ", "_")
            if "|" in page.split("\n", 1)[0]
            else "misc"
        )
        path = args.out / site / f"{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    print(f"wrote {args.n} pages under {args.out}")


if __name__ == "__main__":
    main()
