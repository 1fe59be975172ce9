r"""The state of one page while it is cleaned (:class:`_Page`), the article body (the
prose-dense stretch of the page), and the title: a breadcrumb's last item or a standalone
headline, with the lines that restate it.

>>> from corpus_tools.clean.lines import _split_lines
>>> lines = _split_lines(
...     "Menu\nHome\n" + "The ministers said on Monday that they would meet again in Paris soon.\n" * 2
... )
>>> _body_range(lines)
(2, 2)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import snowballstemmer

from corpus_tools.clean.lines import (
    _STOPWORDS,
    _breadcrumb_parts,
    _is_cookie_notice,
    _is_link_only,
    _key,
    _Line,
    _line_parts,
    _looks_like_chrome,
)
from corpus_tools.clean.normalize import _BULLET_RE, _ftfy_fix, _normalize_chars
from corpus_tools.clean.patterns import _COPYRIGHT_RE, RULES, _promo_score, _to_timestamp
from corpus_tools.clean.sentences import _chrome_share, _cuts_of, _is_long_prose
from corpus_tools.clean.vocabulary import _clear_vocabulary_patterns, _line_triggers, _word_triggers
from corpus_tools.tokens import TOKEN_RE

__all__ = ["clear_caches"]

_STEMMER = snowballstemmer.stemmer("english")


def _stems(words: Iterable[str]) -> set[str]:
    """Snowball stems of the content words (possessives dropped)."""
    content = [re.sub(r"['’]s$", "", w.lower()) for w in words]
    return {_stem(w) for w in content if w and w not in _STOPWORDS}


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def clear_caches() -> None:
    """Empty the per-line caches (promotional scores, trigger words, word stems, sentence cuts,
    mojibake repairs, line features, dates, vocabulary patterns); for fair benchmarks."""
    _promo_score.cache_clear()
    _ftfy_fix.cache_clear()
    _line_triggers.cache_clear()
    _word_triggers.cache_clear()
    _line_parts.cache_clear()
    _to_timestamp.cache_clear()
    _clear_vocabulary_patterns()
    _stem.cache_clear()
    _cuts_of.cache_clear()


def _similar_to_title(line: _Line, title_words: set[str]) -> bool:
    """A short line that restates the headline: it shares at least three content words
    (stemmed) with it, and most of its content words are headline words or it contains most
    of the headline's content words. (Two shared words are too weak: a standfirst such as
    "Arsenal win 4-2 on penalties" under "Arsenal through on penalties" is article text.)"""
    if not title_words or not line.is_heading_like:
        return False
    words = _stems(line.words)
    if not words:
        return False
    overlap = len(words & title_words)
    return overlap >= 3 and (overlap / len(words) >= 0.6 or overlap / len(title_words) >= 0.75)


def _is_chrome_prose(line: _Line) -> bool:
    """A prose-shaped line that is site furniture (a promotion, a cookie notice); a long line
    is when most of it is promotional sentences."""
    if _is_long_prose(line):
        return _chrome_share(line) > 0.5
    return _promo_score(line.norm) >= 2 or _is_cookie_notice(line)


def _body_range(lines: Sequence[_Line]) -> tuple[int, int]:
    """First and last line of the article body: the stretch of the page where prose lines
    outweigh everything else (a maximum-sum segment, as jusText's "good" blocks cluster).

    Each prose line scores +3, every other non-blank line -1, so the body may contain
    headings, captions and short lists between paragraphs, while menus, footers and lists
    of other stories at the edges fall outside. Without prose the whole page is body.
    """
    best, best_start, best_end = 0, 0, len(lines) - 1
    current, start = 0, 0
    seen: set[str] = set()
    for ln in lines:
        if ln.blank:
            continue
        if ln.is_prose and not _is_chrome_prose(ln):
            score = 0 if ln.key in seen else 3  # a paragraph printed again (an appeal, a teaser) counts once
            seen.add(ln.key)
        else:
            score = -1
        if current <= 0:
            current, start = 0, ln.idx
        current += score
        if current > best:
            best, best_start, best_end = current, start, ln.idx
    return best_start, best_end


@dataclass
class _Page:
    """The state of one page while it is cleaned: lines, the body range, removals."""

    lines: list[_Line]
    repeated: set[str]
    first: int = 0
    last: int = 0
    removed: dict[int, str] = field(default_factory=dict)
    cuts: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)  # sentences cut from long lines
    title: str | None = None
    title_words: set[str] = field(default_factory=set)
    date: pd.Timestamp | None = None
    late_date: pd.Timestamp | None = None

    def remove(self, i: int, rule: str) -> None:
        if rule not in RULES:  # every removal must be citable with its reason
            raise ValueError(f"cleaning rule {rule!r} has no reason in RULES")
        self.removed.setdefault(i, rule)

    def outside(self, i: int) -> bool:
        return i < self.first or i > self.last


def _find_title(page: _Page, *, given: str | None = None) -> None:
    """Title: ``given`` when known, else a breadcrumb's last item, or a heading-like first
    line standing on its own (without a trailing site name when the bare headline recurs
    below). A known title only removes lines that repeat it (the line rules do that)."""
    lines = page.lines
    if given:
        page.title = _normalize_chars(given)
        page.title_words = _stems(TOKEN_RE.findall(page.title))
        for ln in [ln for ln in lines if not ln.blank][:6]:
            if ln.idx <= page.first and _breadcrumb_parts(ln):
                page.remove(ln.idx, "breadcrumb")
        return
    for ln in [ln for ln in lines if not ln.blank][:6]:
        if ln.idx > page.first:
            break
        crumbs = _breadcrumb_parts(ln)
        if crumbs:
            page.remove(ln.idx, "breadcrumb")
            page.title = page.title or _normalize_chars(crumbs[-1]).strip()
            continue
        if _looks_like_chrome(ln) or _is_link_only(ln):
            continue
        headline_shape = ln.is_heading_like or (0 < ln.n_words <= 25 and ln.norm.rstrip().endswith("..."))
        if page.title is None and headline_shape and ln.n_words >= 2 and not _BULLET_RE.match(ln.raw):
            nxt = lines[ln.idx + 1] if ln.idx + 1 < len(lines) else None
            stands_alone = nxt is None or nxt.blank or any(o.key == ln.key for o in lines if o.idx != ln.idx)
            if stands_alone or ln.idx < page.first:
                page.title = _strip_site_name(ln, lines)
                page.remove(ln.idx, "title")
        break
    if page.title:
        page.title_words = _stems(TOKEN_RE.findall(page.title))


_TITLE_SEP_RE = re.compile(r"\s+(?:\||-|::|·)\s+")


def _strip_site_name(line: _Line, lines: Sequence[_Line]) -> str:
    """ "Headline | Site name" -> "Headline" when "Headline" is a line of its own further down
    (a page's <title> followed by its <h1>), or when the last part names the holder of the
    page's copyright line ("(c) 2025 Site name")."""
    title = line.norm.strip()
    later = {o.key for o in lines if o.idx > line.idx and o.n_words >= 3}
    separators = list(_TITLE_SEP_RE.finditer(title))
    for m in reversed(separators):
        if _key(title[: m.start()]) in later:
            return title[: m.start()].strip()
    if separators:
        last = separators[-1]
        site = _key(title[last.end() :])
        holders = [o.key for o in lines if o.idx != line.idx and _COPYRIGHT_RE.search(o.norm)]
        if (
            site
            and len(site.split()) <= 5
            and len(title[: last.start()].split()) >= 3
            and any(site in h for h in holders)
        ):
            return title[: last.start()].strip()
    return title
