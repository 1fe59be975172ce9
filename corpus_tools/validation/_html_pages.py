"""Generated news-article HTML pages with real-world site chrome, and what each page holds.

Every word comes from the invented word lists below (no real article text). Each page is one
of five site layouts (:data:`LAYOUTS`): WordPress-like, news CMS, think tank with endnotes,
blog (Medium-like) and wire service, with a cookie banner, a menu, a byline, a date in
``<time>`` and meta tags, share bars, newsletter boxes, related links, comments or endnotes and
a footer. :func:`build_page` returns the HTML and the truth: the article's sentences (its
own list items and quotes included), the chrome lines, title, date, author and URL.

>>> page = build_page(random.Random(1), layout="thinktank")
>>> page.layout, page.date[:2], len(page.sentences) > 8, "Donate" in page.chrome
('thinktank', '20', True, True)
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field

LAYOUTS = ("wordpress", "newscms", "thinktank", "blog", "wire")
SITES = {
    "wordpress": ("Valley Courier", "valleycourier.example"),
    "newscms": ("Harbour Herald", "harbourherald.example"),
    "thinktank": ("Institute for Civic Policy", "civicpolicy.example"),
    "blog": ("Field Notes", "fieldnotes.example"),
    "wire": ("Global Wire", "globalwire.example"),
}
MENU = ["News", "World", "Business", "Politics", "Sport", "Culture", "Weather", "Opinion", "Video", "Podcasts"]
FOOTER = ["About Us", "Contact Us", "Privacy Policy", "Terms of Use", "Careers", "Advertise", "Sitemap"]
FIRST = ["Anna", "Mark", "Lena", "David", "Sofia", "Tomas", "Irene", "Paul", "Nadia", "Ivan"]
LAST = ["Keller", "Moreau", "Novak", "Hughes", "Petrov", "Lindqvist", "Okafor", "Brennan", "Costa"]
SUBJECTS = ["The minister", "The council", "Local officials", "The committee", "Union leaders", "The mayor",
            "Researchers", "The company", "Residents", "The agency", "Opposition members", "Analysts", "Diplomats",
            "The regional governor", "Aid workers", "Economists"]  # fmt: skip
VERBS = ["said", "warned", "announced", "confirmed", "argued", "suggested", "reported", "insisted", "noted"]
OBJECTS = ["the budget", "the new bridge", "water prices", "the school plan", "the harbour project", "rail fares",
           "the housing report", "the energy deal", "flood defences", "the hospital review", "bus services",
           "the grain corridor", "the ceasefire talks", "the border crossing", "fuel subsidies"]  # fmt: skip
CLAUSES = ["would be delayed until next year", "had been agreed after weeks of talks",
           "was likely to cost more than planned", "could change before the next meeting",
           "had drawn criticism from several groups", "was welcomed by most residents",
           "needed further study by independent experts", "would be put to a public vote in the spring",
           "had cut waiting times by a third", "left about {n} families without support",
           "would need another {n} million to finish"]  # fmt: skip
TIMES = ["on Monday", "on Tuesday", "late on Wednesday", "this week", "in a statement", "at a press conference",
         "on Friday", "in an interview", "after the vote"]  # fmt: skip
CHROME_TEXT = {
    "cookie": "We use cookies to improve your experience on our site. By continuing you accept our use of cookies.",
    "cookie_btn": "Accept all cookies",
    "newsletter": "Sign up for our daily newsletter and get the top stories delivered to your inbox every morning.",
    "support": "Thank you for reading. Independent journalism needs your support: subscribe today.",
    "share": ["Share this:", "Facebook", "Twitter", "LinkedIn", "Email", "Print"],
}


@dataclass
class Page:
    """One generated page and its truth."""

    html: str
    layout: str
    title: str
    date: str
    author: str
    url: str
    site: str
    sentences: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)


QUOTES = ["We will not give up", "This is only the first step", "Nobody told us anything",
          "The numbers speak for themselves", "We need answers now", "It was a difficult week"]  # fmt: skip


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f'"{rng.choice(QUOTES)} on {rng.choice(OBJECTS)}," {rng.choice(FIRST)} {rng.choice(LAST)} said.'
    clause = rng.choice(CLAUSES).format(n=rng.randint(2, 900))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(TIMES)} that {rng.choice(OBJECTS)} {clause}."


def _headline(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS).removeprefix("The ")
    return f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CLAUSES).split()[-1]}".capitalize()


def _paragraphs(rng: random.Random, seen: set[str], n: int) -> list[list[str]]:
    out = []
    for _ in range(n):
        sents = []
        while len(sents) < rng.randint(1, 4):
            s = _sentence(rng)
            if s not in seen:
                seen.add(s)
                sents.append(s)
        out.append(sents)
    return out


def _p(sents: list[str]) -> str:
    return f"<p>{html.escape(' '.join(sents))}</p>"


def _ul(items: list[str], cls: str = "", link: bool = True) -> str:
    lis = "".join(
        f'<li><a href="/{cls}/{i}">{html.escape(t)}</a></li>' if link else f"<li>{html.escape(t)}</li>"
        for i, t in enumerate(items)
    )
    return f'<ul class="{cls}">{lis}</ul>'


def build_page(rng: random.Random, *, layout: str | None = None) -> Page:
    """One page in ``layout`` (random when ``None``), with its truth."""
    layout = layout or rng.choice(LAYOUTS)
    site, host = SITES[layout]
    title, author = _headline(rng), f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    y, m, d = rng.choice([2023, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
    date = f"{y}-{m:02d}-{d:02d}"
    slug = "-".join(title.lower().split()[:6])
    url = f"https://www.{host}/{y}/{m:02d}/{slug}"
    seen: set[str] = set()
    paras = _paragraphs(rng, seen, rng.randint(6, 14))
    sentences = [s for p in paras for s in p]
    menu = rng.sample(MENU, 7)
    related = [_headline(rng) for _ in range(4)]
    footer = rng.sample(FOOTER, 5) + [f"© {y} {site}. All rights reserved."]
    chrome = [*menu, *related, *footer, CHROME_TEXT["cookie"], CHROME_TEXT["cookie_btn"], CHROME_TEXT["newsletter"]]
    body = [_p(p) for p in paras]
    meta = (
        f'<meta property="og:title" content="{html.escape(title)}"><meta name="author" content="{author}">'
        f'<meta property="og:site_name" content="{site}"><link rel="canonical" href="{url}">'
        f'<meta property="article:published_time" content="{date}T08:{rng.randint(10, 59)}:00Z">'
    )
    cookie = (
        f'<div id="cookie-notice" class="cookie-banner"><p>{CHROME_TEXT["cookie"]}</p>'
        f"<button>{CHROME_TEXT['cookie_btn']}</button></div>"
    )
    nav = f'<nav class="main-navigation" role="navigation">{_ul(menu, "menu")}</nav>'
    time_tag = f'<time datetime="{date}" class="published">{date}</time>'
    share = f'<div class="share-bar">{_ul(CHROME_TEXT["share"], "share")}</div>'
    newsletter = f'<aside class="newsletter-box"><h3>Newsletter</h3><p>{CHROME_TEXT["newsletter"]}</p></aside>'
    foot = f'<footer class="site-footer">{_ul(footer[:-1], "footer-links")}<p>{footer[-1]}</p></footer>'
    extra = ""
    if layout == "wordpress":
        comments = [_sentence(rng).replace(".", "!") for _ in range(2)]
        chrome += comments
        extra = (
            f'<div id="comments" class="comments-area"><h2>{len(comments)} thoughts on this post</h2>'
            f'<ol class="comment-list">{"".join(f"<li><p>{c}</p></li>" for c in comments)}</ol></div>'
        )
        tags = f"Tags: {', '.join(rng.sample(MENU, 3))}"
        chrome += [*CHROME_TEXT["share"], tags]
        article = (
            f'<article class="post type-post"><header class="entry-header"><h1 class="entry-title">{title}</h1>'
            f'<div class="entry-meta">Posted on {time_tag} by <a rel="author" href="/author/x">{author}</a></div>'
            f'</header><div class="entry-content">{"".join(body)}{share}'
            f'<div class="jp-relatedposts"><h3>Related</h3>{_ul(related)}</div></div>'
            f'<footer class="entry-footer"><p>{tags}</p></footer></article>{extra}'
        )
        main = (
            f'<div id="content" class="site-content"><main id="main">{article}</main><aside>{newsletter}</aside></div>'
        )
    elif layout == "newscms":
        promo = f"Read more: {related[0]}"
        chrome.append(promo)
        body.insert(len(body) // 2, f'<p class="inline-promo"><a href="/r">{promo}</a></p>')
        body.insert(2, '<div class="ad-slot"><span>Advertisement</span></div>')
        body.insert(len(body) - 2, newsletter)
        chrome.append("Advertisement")
        article = (
            f'<article><header><h1 class="headline">{title}</h1><p class="byline">By {author}</p>{time_tag}</header>'
            f'<div class="article-body">{"".join(body)}</div></article>'
            f'<section class="most-read"><h2>Most read</h2><ol>{_ul(related)}</ol></section>'
        )
        main = f"<main>{article}</main>"
    elif layout == "thinktank":
        recs = [_sentence(rng) for _ in range(3)]
        quote = _sentence(rng)
        sentences += [*recs, quote]
        notes = [f"https://www.{host}/reports/{i}-{slug[:20]}" for i in range(1, 5)]
        chrome += ["Donate", "Subscribe to our mailing list", *notes, "Download the full report (PDF)"]
        body.insert(0, '<p class="download"><a href="/report.pdf">Download the full report (PDF)</a></p>')
        body[1] = body[1].replace("</p>", '<sup><a href="#fn1">1</a></sup></p>')
        body.insert(2, f"<p>We recommend three steps.</p><ul>{''.join(f'<li>{r}</li>' for r in recs)}</ul>")
        body.insert(4, f"<blockquote><p>{quote}</p></blockquote>")
        article = (
            f'<article class="report"><h1>{title}</h1><div class="authors">{author}, Senior Fellow</div>'
            f'{time_tag}<div class="report-body">{"".join(body)}</div>'
            f'<section class="endnotes"><h2>Endnotes</h2><ol>{"".join(f"<li>{n}</li>" for n in notes)}</ol></section>'
            f"</article>"
        )
        main = f'<main>{article}</main><div class="cta"><a href="/donate">Donate</a> <a href="/list">'
        main += "Subscribe to our mailing list</a></div>"
    elif layout == "blog":
        quote = _sentence(rng)
        sentences.append(quote)
        read_time = f"{rng.randint(3, 12)} min read"
        chrome += ["Follow", read_time, f"More from {author}"]
        body.insert(3, f"<blockquote>{quote}</blockquote>")
        signup = "Sign up to discover stories that deepen your understanding of the world."
        chrome += [signup, f"Written by {author}", f"Responses ({rng.randint(2, 40)})"]
        body += [f"<p>{signup}</p>", f"<h2>Written by {author}</h2>", f"<h3>{chrome[-1]}</h3>"]
        article = (
            f'<article><div class="author-card"><a href="/@x">{author}</a> <button>Follow</button> '
            f"<span>{read_time}</span> · {time_tag}</div><section><h1>{title}</h1>"
            f"{''.join(body)}</section>{share}</article>"
            f'<div class="more-from"><h2>More from {author}</h2>{_ul(related)}</div>'
        )
        main = f"<main>{article}</main>"
    else:  # wire
        city = rng.choice(["GENEVA", "KYIV", "BRUSSELS", "NAIROBI", "LIMA"])
        paras[0][0] = f"{city} ({site}) - {paras[0][0]}"
        sentences[0] = paras[0][0]
        body[0] = _p(paras[0])
        credit = f"Reporting by {author}; Editing by {rng.choice(FIRST)} {rng.choice(LAST)}"
        chrome += ["Our Standards: The Trust Principles.", "Trending", credit]
        body.append(f"<p>{credit}</p>")
        article = (
            f'<article><div class="article-header"><h1>{title}</h1><div class="byline">By {author}</div>'
            f'{time_tag}</div><div class="article-body">{"".join(body)}'
            f'<p class="standards">Our Standards: The Trust Principles.</p></div></article>'
            f'<div class="related-coverage"><h2>Trending</h2>{_ul(related)}</div>'
        )
        main = f"<main>{article}</main>"
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>{meta}</head>'
        f"<body>{cookie}<header class=\"site-header\"><a class='logo' href='/'>{site}</a>{nav}</header>"
        f"{main}{foot}</body></html>"
    )
    return Page(page, layout, title, date, author, url, site, sentences, chrome)


def build_listing_page(rng: random.Random) -> str:
    """A section front (a list of headlines, no article): not an article page.

    >>> "<article" in build_listing_page(random.Random(0))
    False
    """
    items = "".join(
        f'<li><a href="/a/{i}">{_headline(rng)}</a> <span class="date">2025-0{i % 9 + 1}-12</span></li>'
        for i in range(20)
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Politics | Valley Courier</title></head><body>'
        f'<nav>{_ul(MENU)}</nav><main><h1>Politics</h1><ul class="teasers">{items}</ul>'
        f'<div class="pagination"><a href="?p=2">Next page</a></div></main></body></html>'
    )


def build_pages(n: int, *, seed: int = 0) -> list[Page]:
    """``n`` pages cycling through the layouts, reproducible for a given ``seed``.

    >>> [p.layout for p in build_pages(6)]
    ['wordpress', 'newscms', 'thinktank', 'blog', 'wire', 'wordpress']
    """
    rng = random.Random(seed)
    return [build_page(rng, layout=LAYOUTS[i % len(LAYOUTS)]) for i in range(n)]
