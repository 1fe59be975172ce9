"""Strip web boilerplate from scraped news text, recording every change.

Cleaning works line by line on the raw text. Each line is repaired (mojibake, Unicode
quotes, dashes and spaces, list and table markup) and then either kept or removed by a
named rule. Every change is an :class:`Edit` in raw-text coordinates, so

* ``apply_edits(raw, edits)`` gives the clean text,
* ``restore_raw(clean, edits)`` gives the raw text back, byte for byte,
* ``clean_audit(corpus)`` lists every edit as a table a researcher can cite.

The rules use signals that hold on any news site (each rule's reason is in :data:`RULES`):
the shape of a line (length, final punctuation, share of stop words, link-list shape), its
position relative to the article body, lines repeated inside a page or across many
documents, and generic vocabulary of site furniture ("subscribe", "read also", "leave a
comment"). Nothing is matched against strings of one site or one story.

Cleaning runs in steps (:func:`clean_text`): find the article body (the prose-dense stretch
of the page, :func:`_body_range`), the title and date; apply the line rules; then the
context rules in the spirit of jusText, which remove runs of short menu-like lines and
lines surrounded by removed furniture outside the body.

The cleaner is conservative: a line that reads like article prose (long, punctuated, rich
in stop words) is never removed by a vocabulary rule unless several independent chrome
signals agree, and short lines inside the body are kept.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import ftfy
import pandas as pd
import snowballstemmer

from corpus_tools.segment import TOKEN_RE, read_stopwords

__all__ = [
    "Edit",
    "CleanResult",
    "RULES",
    "clean_text",
    "clean_corpus",
    "clean_audit",
    "apply_edits",
    "restore_raw",
    "normalize_line",
]


@dataclass(frozen=True)
class Edit:
    """One change to the raw text: ``raw[start:end]`` becomes ``replacement`` (by ``rule``)."""

    start: int
    end: int
    original: str
    replacement: str
    rule: str


@dataclass
class CleanResult:
    """What :func:`clean_text` returns for one document."""

    text: str
    title: str | None
    date: pd.Timestamp | None
    edits: list[Edit] = field(default_factory=list)


#: Every rule the cleaner applies, with the reason it gives in the audit.
RULES: dict[str, str] = {
    "fix_mojibake": "text decoded with the wrong encoding (mojibake) repaired with ftfy",
    "normalize_unicode": "typographic quotes, dashes, ellipses and unusual spaces replaced by plain ones",
    "normalize_whitespace": "runs of spaces, trailing spaces, CR line endings and surplus blank lines removed",
    "list_markup": "bullet or list marker at the start of a line removed (the item text is kept)",
    "table_markup": "markdown table pipes removed (cells kept, separated by ' ; ')",
    "markup_debris": "line made only of markup or interface words (table rules, 'close', 'menu', '#')",
    "title": "headline line moved to the title column",
    "repeated_headline": "headline repeated or re-worded around the article",
    "breadcrumb": "navigation breadcrumb (Home > Section > ...)",
    "skip_link": "'Skip to content' accessibility link",
    "dateline_meta": "read-time / posted-on / updated line (date moved to the date column)",
    "promo": "site promotion or call to action addressed to the reader",
    "share_buttons": "share / follow / print buttons",
    "related_block": "'Read also / Related / You may also like / Latest' heading and its link list",
    "comment_prompt": "comment prompt or comment-system notice",
    "toc": "table of contents (headings that appear again below)",
    "keyword_line": "keyword / tag / topic line",
    "cross_document_repeat": "line repeated verbatim in many documents of the corpus (site template)",
    "repeated_line": "line repeated verbatim inside the same page (the first copy is kept)",
    "trailing_fragment": "truncated fragment at the end of the page",
    "link_markup": "markdown link or image markup removed (the link text is kept)",
    "link_list": "line made only of links or URLs (markdown links, bare addresses), or the heading of such a list",
    "cookie_notice": "cookie or privacy-consent notice addressed to the reader",
    "menu_block": "run of short menu-like lines outside the article body that includes site furniture "
    "(navigation, footer links, lists of other stories)",
    "media_credit": "photo / image credit line",
    "copyright": "copyright / all-rights-reserved line of the site",
    "chrome_context": "line outside the article body between removed site furniture, short or addressed to the "
    "reader (jusText's context rule)",
}

# --------------------------------------------------------------------------- normalisation

_CHAR_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\u00ad": "",
}
# Guillemets are quotation marks in running text but breadcrumb separators in navigation;
# the breadcrumb rule sees the raw line, so mapping them here is safe.
_CHAR_RE = re.compile("[" + "".join(re.escape(c) for c in _CHAR_MAP) + "]")
_BULLET_RE = re.compile(r"^[ \t]*(?:[•●◦▪▫■□►▶‣∙·*+]|-(?=\s)|\d{1,2}[.)](?=\s+\D))[ \t]+")
# Horizontal white space, the no-break and typographic spaces included (they are mapped to " ").
_HSPACE = "[ \\t\u00a0\u2002-\u200a\u202f\u205f\u3000]"
_SPACE_RUN_RE = re.compile(rf"(?<=\S){_HSPACE}{{2,}}(?=\S)|^{_HSPACE}+|{_HSPACE}+$")
_TABLE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
# A markdown link or image: [text](target "optional title"), ![alt](target).
_MD_LINK_RE = re.compile(
    r"(?P<image>!)?\[(?P<text>(?:[^\[\]\n]|\\[\[\]])*)\]\((?P<target>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)"
)
_URL_RE = re.compile(r"<?(?:https?://|www\.)[^\s<>]+>?")
_LINK_ONLY_RE = re.compile(
    r"^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?(?:(?:" + _MD_LINK_RE.pattern + r"|" + _URL_RE.pattern + r")[\s|,;·•-]*)+$"
)


def _char_edits(line: str, offset: int) -> list[Edit]:
    """Character-level repairs inside one kept line (raw coordinates)."""
    edits: list[Edit] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, rep: str, rule: str) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        edits.append(Edit(offset + s, offset + e, line[s:e], rep, rule))

    if _TABLE_ROW_RE.match(line):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        add(0, len(line), _normalize_chars(" ; ".join(c for c in cells if c)), "table_markup")
        return edits
    bullet = _BULLET_RE.match(line)
    if bullet:
        add(bullet.start(), bullet.end(), "", "list_markup")
    for m in _MD_LINK_RE.finditer(line):
        add(m.start(), m.end(), "" if m.group("image") else _normalize_chars(m.group("text")), "link_markup")
    for m in _SPACE_RUN_RE.finditer(line):
        add(m.start(), m.end(), " " if 0 < m.start() and m.end() < len(line) else "", "normalize_whitespace")
    for m in _CHAR_RE.finditer(line):
        add(m.start(), m.end(), _CHAR_MAP[m.group()], "normalize_unicode")
    return sorted(edits, key=lambda e: e.start)


def _fix_encoding(text: str) -> str:
    """ftfy's mojibake repair; plain ASCII cannot be mojibake, so it is returned as is."""
    return text if text.isascii() else ftfy.fix_encoding(text)


def _normalize_chars(text: str) -> str:
    return _CHAR_RE.sub(lambda m: _CHAR_MAP[m.group()], text)


def normalize_line(line: str) -> str:
    """The repaired form of one line, as the cleaner keeps it.

    >>> normalize_line("  \u2022 Russia\u2019s \u201cred lines\u201d \u2014 again\u00a0 ")
    'Russia\\'s "red lines" - again'
    """
    fixed = _fix_encoding(line)
    if fixed != line:
        line = fixed
    return _apply(line, _char_edits(line, 0))


# --------------------------------------------------------------------------- line features

_STOPWORDS = read_stopwords()
_TERMINAL_RE = re.compile(r"[.!?:;\"')\]]\s*$")
_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*\s*$")
# A sentence boundary inside a line ("... questions. These include:"): prose, not a heading.
_INNER_SENTENCE_RE = re.compile(r"[a-z]{2,}[.!?][\"')\]]*\s+[A-Z][a-z]")


@dataclass
class _Line:
    idx: int
    start: int  # raw offset of the line's first character
    end: int  # raw offset after the line's content (before its newline)
    stop: int  # raw offset after the newline (== end for the last line)
    raw: str
    newline: str
    norm: str
    words: list[str]
    key: str  # lowercase letters and digits only, for matching repeats
    char_edits: list[Edit] = field(default_factory=list)  # repairs of the raw line, offsets from its start

    @functools.cached_property
    def blank(self) -> bool:
        return not self.norm.strip()

    @property
    def n_words(self) -> int:
        return len(self.words)

    @functools.cached_property
    def stop_share(self) -> float:
        return sum(w.lower() in _STOPWORDS for w in self.words) / self.n_words if self.words else 0.0

    @functools.cached_property
    def is_prose(self) -> bool:
        """Reads like article prose: a sentence of some length, with stop words."""
        ends = bool(
            _SENTENCE_END_RE.search(self.norm)
            or _INNER_SENTENCE_RE.search(self.norm)
            and self.norm.rstrip().endswith(":")
        )
        return self.n_words >= 12 and ends and self.stop_share >= 0.25

    @functools.cached_property
    def is_heading_like(self) -> bool:
        """Short, no sentence-final full stop: a headline, heading, menu entry or link."""
        return (
            0 < self.n_words <= 25
            and not re.search(r"[.;,]\s*$", self.norm)
            and not _INNER_SENTENCE_RE.search(self.norm)
        )


_LINE_SPLIT_RE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|$)")


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    pos = 0
    for idx, m in enumerate(_LINE_SPLIT_RE.finditer(raw)):
        content, newline = m.group(1), m.group(2)
        if not content and not newline:
            break
        chunk = content + newline
        fixed = _fix_encoding(content)
        repairs = _char_edits(fixed, 0)
        norm = _apply(fixed, repairs)
        words = [m.group() for m in TOKEN_RE.finditer(norm)]
        line = _Line(idx, pos, pos + len(content), pos + len(chunk), content, newline, norm, words, _key(norm))
        line.char_edits = repairs if fixed == content else []
        lines.append(line)
        pos += len(chunk)
    return lines


# --------------------------------------------------------------------------- rule vocabulary
# Generic site-furniture vocabulary: each pattern names a kind of page element, not a site.

# Each pattern with the lowercase strings one of which every match contains: a pattern is
# only searched when one of them is in the line (tests check the shortcut changes nothing).
_PROMO_PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    (r"\b(?:our|this) (?:web)?site\b", ("site",)),
    (
        r"\bour (?:news )?(?:platform|team|community|readers|newsletters?|coverage|journalism|app|podcasts?)\b",
        ("our ",),
    ),
    (
        r"\b(?:subscribe|subscription|sign up|signing up|register now|log ?in to|sign in to)\b",
        ("subscri", "sign", "register", "log"),
    ),
    (r"\bnewsletters?\b", ("newsletter",)),
    (r"\bbookmark\b", ("bookmark",)),
    (r"\bthank(?:s| you) for (?:visiting|reading|being|your (?:visit|support))\b", ("thank",)),
    (r"\bwelcome to (?:your|our|the)\b", ("welcome",)),
    (r"\b(?:stay|keep) (?:in the know|tuned|informed|updated|connected)\b", ("stay", "keep")),
    (r"\b(?:don't|do not|never) (?:miss|forget)\b", ("miss", "forget")),
    (
        r"\bfollow (?-i:[Uu]s)\b|\blike (?-i:[Uu]s) on\b|\bjoin (?:(?-i:[Uu]s)|our|thousands)\b",
        ("follow", "like", "join"),
    ),  # not "US"
    (r"\b(?:check|come) back\b", ("back",)),
    (
        r"\b(?:breaking news|trending (?:topics|updates|news|stories)|latest (?:headlines|updates|news))\b",
        ("breaking", "trending", "latest"),
    ),
    (r"\bcontact (?:page|(?-i:[Uu]s)|form)\b", ("contact",)),
    (r"\breach out (?:to (?-i:[Uu]s)|through|via)\b", ("reach",)),
    (r"\b(?:love|like) to hear from you\b", ("hear",)),
    (r"\bvisit\b[^.]{0,40}\bnow\b", ("visit",)),
    (r"\bclick here\b|\btap here\b", ("here",)),
    (r"\ball rights reserved\b|©|\(c\) \d{4}", ("rights", "©", "(c)")),
    (r"\bcookies?\b[^.]{0,60}\b(?:accept|consent|policy|settings|preferences)\b", ("cookie",)),
    (r"\b(?:your|our) inbox\b|\bdelivered to your\b", ("inbox", "delivered")),
    (r"\bdownload (?:our|the) app\b", ("download",)),
    (r"\bsupport (?:our|independent|quality) journalism\b", ("journalism",)),
    (r"\b(?:ultimate|trusted|reliable|go-to) source\b", ("source",)),
    (
        r"\b(?:your|an|my) account\b|\bpassword\b|\b(?:you are|you're) (?:logged|signed) in\b",
        ("account", "password", "logged", "signed"),
    ),
    (r"\byour (?:browser|email address|subscription|inbox)\b", ("your",)),
    (r"\byour support\b|\bsupport (?-i:us)\b|\bdonate\b", ("support", "donate")),
    (r"\bad(?:vertisement|vertising)?\b[^.]{0,20}\b(?:feedback|continue|below)\b", ("feedback", "continue", "below")),
]
_PROMO_RES = [(re.compile(p, re.IGNORECASE), triggers) for p, triggers in _PROMO_PATTERNS]

_UI_WORDS = {
    "close",
    "menu",
    "search",
    "share",
    "print",
    "email",
    "e-mail",
    "tweet",
    "advertisement",
    "ad",
    "loading",
    "back to top",
    "top",
    "next",
    "previous",
    "prev",
    "more",
    "show more",
    "load more",
    "open navigation menu",
    "toggle navigation",
    "navigation",
    "sections",
    "log in",
    "login",
    "sign in",
    "sign up",
    "subscribe",
    "home",
    "listen",
    "watch",
    "copy link",
    "link copied",
    "comments",
    "reply",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "instagram",
    "youtube",
    "flipboard",
    "copy",
    "save",
    "follow",
    "article with toc",
    "toc",
    "skip",
    "en",
    "de",
    "fr",
    "es",
    "ru",
    "uk",
    "here",
    "click",
    "click here",
    "tap here",
    "learn more",
}
# Words of share/follow button rows ("Mail Facebook Twitter / X LinkedIn").
_SOCIAL_WORDS = {
    "share",
    "follow",
    "mail",
    "email",
    "e",
    "print",
    "copy",
    "link",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "instagram",
    "youtube",
    "flipboard",
    "messenger",
    "threads",
    "bluesky",
    "tiktok",
    "mastodon",
    "rss",
    "sms",
    "on",
    "via",
    "us",
}
_COPYRIGHT_RE = re.compile(
    r"\ball rights reserved\b|^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}|copyright\b)", re.IGNORECASE
)
# A line that is only a footnote reference: [12], [xiv], [a].
_FOOTNOTE_RE = re.compile(r"^\s*\[(?:\d{1,3}|[ivxlcdm]{1,8}|[a-z])\]\s*$", re.IGNORECASE)
# A photo or image credit: "Photo: ...", "Image by ...", "(c) Agency, 2024 (photographer: ...)".
_MEDIA_CREDIT_RE = re.compile(
    r"^\s*(?:(?:photo(?:graph)?|image|picture|illustration|video|graphic|caption|credit)s?(?:\s+(?:by|credit|courtesy(?: of)?))?\s*:"
    r"|(?:photo|image|picture)s?\s+(?:by|courtesy of)\b|©(?!\s*(?:\d{4}|copyright)))",  # "(c) 2025 Site" is a copyright line
    re.IGNORECASE,
)
_DEBRIS_RE = re.compile(r"^[\s|:+*#=_~\-–—.·•>]*$")
_TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?[-–—=]{2,}:?\s*(?:\|\s*:?[-–—=]{2,}:?\s*)*\|?\s*$")

_SKIP_RE = re.compile(
    r"^\s*skip to (?:main )?(?:content|navigation|search|footer|article)(?:\b|(?=[A-Z]))", re.IGNORECASE
)
_BREADCRUMB_SEP_RE = re.compile(r"\s+(?:»|›|>|/|\||▸|→|::)\s+")
_SHARE_RE = re.compile(
    r"^\s*(?:share(?: this| on| article| via)?|follow(?: us)?(?: on)?|print|email|tweet|copy link)\b"
    r"[\s:,|]*(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|print"
    r"|messenger|flipboard|copy link|instagram|youtube|threads|bluesky)\b[\s,|]*)*$",
    re.IGNORECASE,
)
_RELATED_HEAD_RE = re.compile(
    r"^\s*(?:read (?:also|more|next)|see also|also read|related(?: (?:articles?|stories|posts|news|content|coverage|topics|reading))?"
    r"|you (?:may|might) (?:also )?(?:like|be interested(?: in)?|have missed)|more (?:to (?:read|explore|watch)|like this|from|on|in|stories|news)\b.*|(?:latest )?news feed|useful reading"
    r"|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)|latest(?: news| stories| articles| posts)?"
    r"|trending(?: now| stories| news)?|popular(?: now| posts| stories)?|top stories|further reading|editor'?s picks"
    r"|what to read next|keep reading|don't miss|must read)\s*[:\-]?\s*$",
    re.IGNORECASE,
)
_RELATED_INLINE_RE = re.compile(
    r"^\s*(?:read (?:also|more|next)|see also|also read|related)\s*[:\-]\s*\S", re.IGNORECASE
)
_COMMENT_RE = re.compile(
    r"\b(?:leave a (?:comment|reply)|post a comment|add a comment|(?:in|to) the comments?(?: section)?(?: below)?\b"
    r"|comments? (?:are|is) (?:closed|moderated)|uses akismet|comment data is processed|view comments|show comments"
    r"|join the (?:discussion|conversation)|\d+ comments?\b|be the first to comment|log in to comment"
    r"|share your (?:thoughts|views|opinion)|let us know (?:what you think|in the comments)|what do you think\?)",
    re.IGNORECASE,
)
_TOC_HEAD_RE = re.compile(
    r"^\s*(?:table of contents|contents|in this article|on this page|jump to|article contents)\s*:?\s*$", re.IGNORECASE
)
_KEYWORD_RE = re.compile(
    r"^\s*(?:keywords?|tags?|topics?|filed under|categories|category|related topics)\s*:", re.IGNORECASE
)
_NUMBERING_RE = re.compile(r"^\s*(?:[-*•]\s*)?(?:\d{1,3}[.)]\s*)?")

_MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_DATE_RES = [
    re.compile(rf"\b(?P<m>{_MONTHS})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{_MONTHS})\.?,? (?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<d>\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b"),  # 27.02.2026, day first
]
_DATELINE_RE = re.compile(
    r"(?:\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+(?:read|watch|listen)\b|^\s*(?:posted|published|updated|last updated|post(?:ed)? on|"
    r"first published|modified)\b)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1 << 16)
def _promo_score(text: str) -> int:
    """Number of distinct promotional patterns in ``text`` (each searched only when one of
    its trigger strings occurs)."""
    low = text.lower()
    return sum(1 for regex, triggers in _PROMO_RES if any(t in low for t in triggers) and regex.search(text))


def _breadcrumb_parts(line: _Line) -> list[str]:
    """The items of a breadcrumb line ("Home » World » Europe"), or [] if it is not one."""
    parts = _BREADCRUMB_SEP_RE.split(line.raw.strip())
    if len(parts) >= 3 and all(0 < len(p.split()) <= 12 for p in parts) and not _SENTENCE_END_RE.search(line.norm):
        return parts
    return []


def _looks_like_chrome(line: _Line) -> bool:
    """Matches one of the site-furniture patterns (used to keep such lines out of the title)."""
    text = line.norm
    return bool(
        _SKIP_RE.match(line.raw)
        or _DATELINE_RE.search(text)
        or line.key in _UI_WORDS
        or _DEBRIS_RE.match(text)
        or _TOC_HEAD_RE.match(text)
        or _RELATED_HEAD_RE.match(text)
        or _KEYWORD_RE.match(text)
        or _SHARE_RE.match(text)
        or _COMMENT_RE.search(text)
        or _promo_score(text) > 0
        or _FURNITURE_RE.match(line.key)
    )


_READER_RE = re.compile(
    r"\b(?:you|your|yours|we|our|(?-i:[Uu]s))\b"
    r"|^\s*(?:subscribe|sign|join|follow|download|get|click|tap|visit|register|log|support|donate|bookmark)\b",
    re.IGNORECASE,
)


_COOKIE_RE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_CONTEXT_RE = re.compile(
    r"\b(?:web ?site|site|browser|browsing|accept|consent|settings|preferences|polic(?:y|ies)|experience|personali[sz]|"
    r"analytics|third[- ]part(?:y|ies)|opt[- ]out|manage)\w*",
    re.IGNORECASE,
)
# Whole lines that are footer or header links on any site.
_FURNITURE_RE = re.compile(
    r"^(?:privacy(?: policy| notice| settings| statement)?|terms(?: (?:of|and) (?:use|service|conditions))?|"
    r"terms and conditions|cookie (?:policy|settings|preferences)|about(?: us)?|contact(?: us)?|advertise(?: with us)?|"
    r"careers|jobs|sitemap|site map|accessibility(?: statement)?|rss(?: feeds?)?|help|faq|imprint|impressum|"
    r"(?:c|copyright) \d{4}.*|all rights reserved|(?:[a-z]+ ){0,3}cookies?|newsletters?|podcasts?|donate|log ?out|my account|manage (?:account|subscription))$"
)


def _is_cookie_notice(line: _Line) -> bool:
    """Mentions cookies, addresses the reader, and speaks of the site, consent or settings."""
    text = line.norm
    return bool(
        _COOKIE_RE.search(text)
        and _COOKIE_CONTEXT_RE.search(text)
        and (_READER_RE.search(text) or "cookie" in text[:40].lower())
    )


_TIME_WORDS_RE = re.compile(
    r"\b(?:\d{1,2}[:.]\d\dh?|[ap]\.?m\.?|gmt|utc|[a-z]{1,2}[sd]t|at|on|update[ds]?|published|posted"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b"
    r"|\b\d{1,2}\b|[|,/.:\-\s]",
    re.IGNORECASE,
)


def _is_date_line(line: _Line) -> bool:
    """A short line that is only a date and time ("Mar 3, 2025 | 9:05 AM", "2025-03-03")."""
    if line.n_words > 8:
        return False
    rest = line.norm
    for regex in _DATE_RES:
        rest = regex.sub(" ", rest)
    return rest != line.norm and not _TIME_WORDS_RE.sub("", rest).strip()


def _is_social_row(line: _Line) -> bool:
    """A row of share/follow buttons: two or more words, all of them network or button names."""
    words = line.key.split()
    return (
        len(words) >= 2
        and all(w in _SOCIAL_WORDS for w in words)
        and any(w not in ("on", "via", "us", "e") for w in words)
    )


def _is_link_only(line: _Line) -> bool:
    """The line is nothing but links or URLs (a link list exported as markdown)."""
    return bool(_LINK_ONLY_RE.match(line.raw))


def _is_promo(line: _Line, outside_body: bool) -> bool:
    """Site promotion: two promotional signals (three inside the article's prose), or one
    signal on a short line outside the body that addresses the reader."""
    score = _promo_score(line.norm)
    if line.is_prose and not outside_body:
        return score >= 3
    if score >= 2:
        return True
    return score == 1 and outside_body and not line.is_prose and bool(_READER_RE.search(line.norm))


def _is_truncated_stub(line: _Line) -> bool:
    """A last line cut off mid-sentence: a bare list number ("4."), or at most three words
    ending on a stop word or on a comma, colon, dash or opening bracket."""
    text = line.norm.rstrip()
    if re.fullmatch(r"\s*\d{1,3}[.)]?", text):
        return True
    if line.n_words > 3 or _SENTENCE_END_RE.search(text) or text.endswith((")", "]", '"', "'")):
        return False
    last_word = re.search(r"(\w+)\W*$", text)
    return text.endswith((",", ":", "-", "(")) or bool(last_word and last_word.group(1).lower() in _STOPWORDS)


def _repeated_blocks(lines: Sequence[_Line], *, min_lines: int = 3) -> set[int]:
    """Indexes of lines in runs of at least ``min_lines`` consecutive non-blank lines that
    all appeared earlier in the page: a duplicated block (a table or section printed twice)."""
    seen: set[str] = set()
    flags = []
    for ln in lines:
        if ln.blank or not ln.key:  # markup-only lines (table rules) neither start nor break a run
            continue
        flags.append((ln.idx, ln.key in seen))
        seen.add(ln.key)
    block: set[int] = set()
    run: list[int] = []
    for idx, again in flags + [(-1, False)]:
        if again:
            run.append(idx)
            continue
        if len(run) >= min_lines:
            block.update(run)
        run = []
    return block


def _parse_date(text: str) -> pd.Timestamp | None:
    for regex in _DATE_RES:
        m = regex.search(text)
        if not m:
            continue
        parts = m.groupdict()
        month = parts.get("mm") or parts["m"][:3]
        try:
            return pd.to_datetime(
                f"{parts['y']} {month} {parts['d']}", format="%Y %m %d" if parts.get("mm") else "%Y %b %d"
            )
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------- the cleaner


_STEMMER = snowballstemmer.stemmer("english")


def _stems(words: Iterable[str]) -> set[str]:
    """Snowball stems of the content words (possessives dropped)."""
    content = [re.sub(r"['’]s$", "", w.lower()) for w in words]
    return {_stem(w) for w in content if w and w not in _STOPWORDS}


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def clear_caches() -> None:
    """Empty the per-line caches (promotional scores, word stems); for fair benchmarks."""
    _promo_score.cache_clear()
    _stem.cache_clear()


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
    """A prose-shaped line that is site furniture (a promotion, a cookie notice)."""
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


def clean_text(raw: str, *, repeated_keys: Iterable[str] = ()) -> CleanResult:
    """Clean one scraped page.

    Args:
        raw: the page text as read.
        repeated_keys: normalised line keys that recur across many documents of the corpus
            (site template lines); :func:`clean_corpus` computes them.

    Returns:
        A :class:`CleanResult`: clean text, title and date when the page states them, and the
        edits that turn ``raw`` into ``text``.

    >>> r = clean_text("Home » World » Talks resume\\n\\nTalks resume\\n\\nThe talks resumed on Monday, officials said.\\n")
    >>> r.title, r.text
    ('Talks resume', 'The talks resumed on Monday, officials said.\\n')
    """
    lines = _split_lines(raw)
    page = _Page(lines, set(repeated_keys))
    page.first, page.last = _body_range(lines)
    _find_title(page)
    _classify_lines(page)
    page.date = page.date or page.late_date
    _remove_title_rewordings(page)
    _remove_menu_blocks(page)
    _remove_chrome_context(page)
    kept = [ln for ln in lines if not ln.blank and ln.idx not in page.removed]
    if kept and _is_truncated_stub(kept[-1]):
        page.remove(kept[-1].idx, "trailing_fragment")
    edits = _line_edits(lines, page.removed)
    return CleanResult(_apply(raw, edits), page.title, page.date, edits)


def _find_title(page: _Page) -> None:
    """Title: a breadcrumb's last item, or a heading-like first line standing on its own
    (without a trailing site name when the bare headline recurs below)."""
    lines = page.lines
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


def _line_rule(page: _Page, ln: _Line, seen_keys: set[str], context: dict) -> str | None:
    """The rule that removes one line on its own evidence, or None to keep it."""
    text, i = ln.norm, ln.idx
    outside_body = page.outside(i)
    if _TABLE_RULE_RE.match(ln.raw) or _DEBRIS_RE.match(text) or ln.key in _UI_WORDS or _FOOTNOTE_RE.match(text):
        return "markup_debris"
    if _is_link_only(ln) or i in context["link_heads"]:
        return "link_list"
    if outside_body and _is_date_line(ln):
        if i < page.first:
            page.date = page.date or _parse_date(text)
        elif i - page.last <= 6:  # just below the article (not a timeline or another story further down)
            page.late_date = page.late_date or _parse_date(text)
        return "dateline_meta"
    if _SKIP_RE.match(ln.raw):
        return "skip_link"
    if outside_body and _breadcrumb_parts(ln):
        return "breadcrumb"
    if _SHARE_RE.match(text) or _is_social_row(ln):
        return "share_buttons"
    if _COPYRIGHT_RE.search(text) and ln.n_words <= 20:
        return "copyright"
    if _MEDIA_CREDIT_RE.match(text) and ln.n_words <= 15 and not ln.is_prose:
        return "media_credit"
    if _DATELINE_RE.search(text) and ln.n_words <= 15:
        page.date = page.date or _parse_date(text)
        return "dateline_meta"
    if _KEYWORD_RE.match(text) and (not ln.is_prose or outside_body or i >= page.last):
        return "keyword_line"
    if _COMMENT_RE.search(text) and (ln.n_words <= 40 or outside_body or "?" in text):
        return "comment_prompt"
    if _is_cookie_notice(ln) and (outside_body or not ln.is_prose):
        return "cookie_notice"
    if _is_promo(ln, outside_body):
        return "promo"
    title = page.title
    if (
        title
        and (ln.key == _key(title) or i < page.first and _similar_to_title(ln, page.title_words))
        and not ln.is_prose
    ):
        return "repeated_headline"
    if page.repeated and ln.key in page.repeated and not (ln.is_prose and not outside_body):
        return "cross_document_repeat"
    if (
        ln.key in seen_keys
        and ln.n_words >= 1
        and (i > page.last and ln.key in context["keys_above"] or i in context["blocks"])
    ):
        return "repeated_line"
    return None


def _classify_lines(page: _Page) -> None:
    """Apply the line rules top to bottom; a table-of-contents or related-stories heading
    also removes the list that follows it."""
    lines, n = page.lines, len(page.lines)
    nonblank = [ln for ln in lines if not ln.blank]
    link_heads = {
        a.idx for a, b in zip(nonblank, nonblank[1:]) if 0 < a.n_words <= 4 and a.is_heading_like and _is_link_only(b)
    }
    context = {
        "blocks": _repeated_blocks(lines),
        "keys_above": {ln.key for ln in lines[: page.first]},
        "link_heads": link_heads,
    }
    seen_keys: set[str] = set()
    for ln in lines:
        i = ln.idx
        if ln.blank or i in page.removed:
            continue
        rule = _line_rule(page, ln, seen_keys, context)
        seen_keys.add(ln.key)
        if rule:
            page.remove(i, rule)
        elif _TOC_HEAD_RE.match(ln.norm):
            page.remove(i, "toc")
            _remove_toc_items(page, i + 1)
        elif _RELATED_HEAD_RE.match(ln.norm) or _RELATED_INLINE_RE.match(ln.norm) and ln.n_words <= 25:
            page.remove(i, "related_block")
            j = i + 1
            while (
                _RELATED_HEAD_RE.match(ln.norm)
                and j < n
                and (lines[j].blank or (lines[j].is_heading_like and not lines[j].is_prose))
            ):
                if not lines[j].blank:
                    page.remove(j, "related_block")
                j += 1


def _remove_toc_items(page: _Page, j: int) -> None:
    lines = page.lines
    while j < len(lines) and (lines[j].blank or lines[j].is_heading_like):
        if not lines[j].blank:
            item_key = _key(_NUMBERING_RE.sub("", lines[j].norm))
            appears_later = any(o.key == item_key for o in lines if o.idx != j)
            if not appears_later and not _similar_to_title(lines[j], page.title_words):
                break
            page.remove(j, "toc" if appears_later else "repeated_headline")
        j += 1


def _remove_title_rewordings(page: _Page) -> None:
    """Heading-like lines above the body that re-word the title."""
    if not page.title_words:
        return
    for ln in page.lines[: page.first]:
        if (
            not ln.blank
            and ln.idx not in page.removed
            and ln.is_heading_like
            and _similar_to_title(ln, page.title_words)
        ):
            page.remove(ln.idx, "repeated_headline")


def _drop_lead_in(page: _Page, run: list[_Line], kept: list[_Line], *, max_lines: int = 3) -> list[_Line]:
    """Spare the last lines of a header run that lead into the body (a heading, a byline, the
    start of a paragraph split by a link): up to ``max_lines`` lines after the run's last line
    of site furniture (jusText keeps headings next to good text)."""
    last_chrome = max((r.idx for r in run if _is_furniture(page, r.idx) or _looks_like_chrome(r)), default=-1)
    lead_in = [r for r in kept if r.idx > last_chrome][-max_lines:]
    return [r for r in kept if r not in lead_in] if lead_in else kept[:-1]


def _remove_chrome_context(page: _Page, *, passes: int = 3) -> None:
    """A line outside the body whose nearest non-blank neighbours (or the page's edge) were
    both removed as site furniture goes too, if it is short or addresses the reader."""
    nonblank = [ln for ln in page.lines if not ln.blank]

    def is_chrome(k: int) -> bool:
        return k < 0 or k >= len(nonblank) or page.removed.get(nonblank[k].idx) not in (None, "title")

    for _ in range(passes):
        changed = False
        for k, ln in enumerate(nonblank):
            if ln.idx in page.removed or not page.outside(ln.idx) or not (is_chrome(k - 1) and is_chrome(k + 1)):
                continue
            if _is_short(ln) or _READER_RE.search(ln.norm) or _looks_like_chrome(ln):
                page.remove(ln.idx, "chrome_context")
                changed = True
        if not changed:
            break


def _is_short(ln: _Line) -> bool:
    """Menu-entry shape: not prose, at most 15 words, no sentence break inside, and
    heading-like or at most eight words."""
    return (
        not ln.is_prose
        and ln.n_words <= 15
        and not _INNER_SENTENCE_RE.search(ln.norm)
        and (ln.is_heading_like or ln.n_words <= 8)
    )


# Rules whose removals are evidence of site furniture; repeats and the title are not
# (a table printed twice or a table of contents is article content shown again).
_NOT_FURNITURE = {None, "title", "repeated_line", "repeated_headline", "toc", "trailing_fragment"}


def _is_furniture(page: _Page, idx: int) -> bool:
    return page.removed.get(idx) not in _NOT_FURNITURE


def _remove_menu_blocks(page: _Page, *, min_lines: int = 4) -> None:
    """Runs of at least ``min_lines`` short lines outside the body that include site
    furniture (a line another rule removed, or one with furniture vocabulary): navigation
    menus, footers, lists of other stories. A date among them fills the date column."""
    run: list[_Line] = []
    for ln in page.lines + [None]:
        if ln is not None and (ln.blank or page.outside(ln.idx) and (ln.idx in page.removed or _is_short(ln))):
            run.append(ln)
            continue
        body = [r for r in run if not r.blank]
        kept = [r for r in body if r.idx not in page.removed]
        evidence = sum(_is_furniture(page, r.idx) for r in body) + sum(map(_looks_like_chrome, kept))
        if kept and ln is not None and ln.idx == page.first:
            kept = _drop_lead_in(page, body, kept)
        if len(body) >= min_lines and evidence >= 2:
            # Menus and footers do not ask questions; a question of some length is a subheading.
            for r in [r for r in kept if not (r.n_words >= 4 and r.norm.rstrip().endswith("?"))]:
                if r.idx < page.first and r.n_words <= 8:
                    page.date = page.date or _parse_date(r.norm)
                page.remove(r.idx, "menu_block")
        run = []


def _line_edits(lines: Sequence[_Line], removed: dict[int, str]) -> list[Edit]:
    """Edits for removed lines, repaired kept lines and blank-line runs."""
    edits: list[Edit] = []
    previous_kept_blank = True  # drops blank lines at the top
    kept_nonblank = [ln.idx for ln in lines if not ln.blank and ln.idx not in removed]
    last_kept = kept_nonblank[-1] if kept_nonblank else -1
    for ln in lines:
        full = ln.raw + ln.newline
        if ln.idx in removed:
            edits.append(Edit(ln.start, ln.stop, full, "", removed[ln.idx]))
            continue
        if ln.blank:
            if previous_kept_blank or ln.idx > last_kept:
                edits.append(Edit(ln.start, ln.stop, full, "", "normalize_whitespace"))
                continue
            previous_kept_blank = True
            if ln.raw:
                edits.append(Edit(ln.start, ln.end, ln.raw, "", "normalize_whitespace"))
        else:
            previous_kept_blank = False
            fixed = _fix_encoding(ln.raw)
            if fixed != ln.raw:
                edits.append(Edit(ln.start, ln.end, ln.raw, ln.norm, "fix_mojibake"))
            else:
                edits.extend(
                    Edit(e.start + ln.start, e.end + ln.start, e.original, e.replacement, e.rule) for e in ln.char_edits
                )
        if ln.newline == "\r\n":
            edits.append(Edit(ln.end, ln.end + 1, "\r", "", "normalize_whitespace"))
        elif ln.newline == "\r":
            edits.append(Edit(ln.end, ln.end + 1, "\r", "\n", "normalize_whitespace"))
    return edits


def _apply(raw: str, edits: Sequence[Edit]) -> str:
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(raw[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(raw[pos:])
    return "".join(out)


def apply_edits(raw: str, edits: Sequence[Edit] | pd.DataFrame) -> str:
    """Apply edits (or audit rows of one document) to the raw text: the clean text."""
    return _apply(raw, _as_edits(edits))


def restore_raw(clean: str, edits: Sequence[Edit] | pd.DataFrame) -> str:
    """Invert :func:`apply_edits`: the raw text from the clean text and the edits.

    >>> raw = "Share\\nHello\u00a0world.\\n"
    >>> r = clean_text(raw)
    >>> restore_raw(r.text, r.edits) == raw
    True
    """
    out = []
    pos_clean = 0
    pos_raw = 0
    for e in sorted(_as_edits(edits), key=lambda e: e.start):
        unchanged = e.start - pos_raw
        out.append(clean[pos_clean : pos_clean + unchanged])
        out.append(e.original)
        pos_clean += unchanged + len(e.replacement)
        pos_raw = e.end
    out.append(clean[pos_clean:])
    return "".join(out)


def _as_edits(edits: Sequence[Edit] | pd.DataFrame) -> list[Edit]:
    if isinstance(edits, pd.DataFrame):
        return [
            Edit(int(r.start), int(r.end), r.original, r.replacement, r.rule) for r in edits.itertuples(index=False)
        ]
    return list(edits)


# --------------------------------------------------------------------------- corpus level


def repeated_line_keys(raws: Sequence[str], *, min_docs: int | None = None) -> set[str]:
    """Normalised lines that occur in many documents: site template lines.

    A line counts once per distinct document text (duplicate articles do not vote twice).
    The default threshold is ``max(3, 20% of the distinct documents)``.
    """
    distinct = list(dict.fromkeys(raws))
    if min_docs is None:
        min_docs = max(3, math.ceil(0.2 * len(distinct)))
    counts: Counter[str] = Counter()
    for raw in distinct:
        counts.update({_key(line) for line in raw.splitlines() if _key(line)})
    return {k for k, c in counts.items() if c >= min_docs}


def clean_corpus(corpus: pd.DataFrame) -> pd.DataFrame:
    """Clean every document of a corpus; returns a copy with ``text``, ``title``, ``date``
    filled from the cleaner (existing non-empty ``title``/``date`` values are kept) and the
    audit in ``.attrs["clean_audit"]`` (see :func:`clean_audit`)."""
    raws = [r if isinstance(r, str) else "" for r in corpus["raw_text"]]
    repeated = repeated_line_keys(raws)
    out = corpus.copy()
    texts, titles, dates, audit_rows = [], [], [], []
    for doc_id, raw in zip(corpus["doc_id"], raws):
        result = clean_text(raw, repeated_keys=repeated)
        texts.append(result.text)
        titles.append(result.title)
        dates.append(result.date)
        audit_rows.extend(
            (doc_id, e.start, e.end, e.original, e.replacement, e.rule, RULES[e.rule]) for e in result.edits
        )
    out["text"] = texts
    for col, values in (("title", titles), ("date", dates)):
        extracted = pd.Series(values, index=out.index, dtype="object")
        if col in out.columns:
            out[col] = out[col].where(out[col].notna() & (out[col].astype(str) != ""), extracted)
        else:
            out[col] = extracted
    out["date"] = pd.to_datetime(out["date"], errors="coerce")
    out.attrs["clean_audit"] = pd.DataFrame(
        audit_rows, columns=["doc_id", "start", "end", "original", "replacement", "rule", "reason"]
    )
    return out


def clean_audit(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per removed or altered span: ``doc_id, start, end, original, replacement,
    rule, reason``; ``start``/``end`` index into the document's ``raw_text``.

    Applying a document's rows to its ``raw_text`` gives its ``text``; :func:`restore_raw`
    turns ``text`` and the rows back into ``raw_text``.
    """
    audit = corpus.attrs.get("clean_audit")
    if audit is None or not set(corpus["doc_id"]) <= set(audit["doc_id"]) | set(
        corpus.loc[corpus["raw_text"].fillna("") == corpus["text"].fillna(""), "doc_id"]
    ):
        audit = clean_corpus(corpus[["doc_id", "raw_text"]]).attrs["clean_audit"]
    return audit[audit["doc_id"].isin(corpus["doc_id"])].reset_index(drop=True)


def summarize_audit(audit: pd.DataFrame) -> pd.DataFrame:
    """Counts of removed lines/characters per document and rule (a tidy table)."""
    audit = audit.assign(chars=audit["original"].str.len() - audit["replacement"].str.len())
    return (
        audit.groupby(["doc_id", "rule"], sort=True)
        .agg(edits=("rule", "size"), chars_removed=("chars", "sum"))
        .reset_index()
    )
