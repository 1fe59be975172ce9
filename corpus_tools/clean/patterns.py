r"""The rule vocabulary: :data:`RULES` (each rule with the reason the audit gives) and the
generic site-furniture patterns the rules match ("subscribe", "read also", share buttons, dates).
Each pattern names a kind of page element, never a site or a story.

The patterns below are English; the same kinds of page element in other languages ("Teilen",
"Lire aussi", "Поделиться") come from the shipped vocabulary files ``resources/chrome/<language>.yml``
(:func:`corpus_tools.shipped.read_chrome_vocabulary`), joined onto the English patterns at the
end of this module, so every rule finds them on every page.

>>> RULES["breadcrumb"]
'navigation breadcrumb (Home > Section > ...)'
>>> _promo_score("Subscribe to our newsletter for the latest headlines.")
4
>>> _promo_score("Newsletter abonnieren: melden Sie sich jetzt an."), "поделиться" in _UI_WORDS
(2, True)
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from corpus_tools.clean.vocabulary import (
    _VOCABULARY,
    _has_odd_case,
    _Joined,  # noqa: F401  (the type of the joined patterns below)
    _joined,
    _match_at_starts,
)

__all__ = ["RULES", "list_rules"]


def list_rules() -> pd.DataFrame:
    """Every rule the cleaner applies and the reason the audit gives, sorted by rule.

    >>> import textwrap
    >>> for rule, reason in list_rules().head(2).values.tolist():
    ...     print(textwrap.fill(f"{rule}: {reason}", 100))
    account_link: login, sign-in, demo-request, trial, customer-support or app-store link of a site or
    product
    breadcrumb: navigation breadcrumb (Home > Section > ...)
    """
    return pd.DataFrame(sorted(RULES.items()), columns=["rule", "reason"])


#: Every rule the cleaner applies, with the reason it gives in the audit.
RULES: dict[str, str] = {
    "fix_mojibake": "text decoded with the wrong encoding (mojibake) repaired with ftfy",
    "normalize_unicode": "typographic quotes, dashes, ellipses and unusual spaces replaced by plain ones",
    "control_chars": "terminal escape sequence (ESC[31m colour code) or control character removed",
    "normalize_whitespace": "runs of spaces, trailing spaces, CR line endings and surplus blank lines removed",
    "heading_markup": "Markdown heading marker (#) at the start of a line removed (the heading text is kept)",
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
    "reference_list": "endnote or reference list: note markers with URLs or citations, lines mostly of URLs, and "
    "the notes heading above them",
    "citation": "'Cite this article' / 'Suggested citation' block of the site",
    "account_link": "login, sign-in, demo-request, trial, customer-support or app-store link of a site or product",
    "chrome_context": "line outside the article body between removed site furniture, short or addressed to the "
    "reader (jusText's context rule)",
}


# Each pattern with the lowercase strings one of which every match contains (a pattern is only
# searched when one of them is in the line), and those one of which every match starts with (the
# pattern is tried only where one of them is; tests check both shortcuts change nothing).
_PROMO_PATTERNS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (r"\b(?:our|this) (?:web)?site\b", ("site",), ("our ", "this ")),
    (
        r"\bour (?:news )?(?:platform|team|community|readers|newsletters?|coverage|journalism|app|podcasts?)\b",
        ("our ",),
        ("our ",),
    ),
    (
        r"\b(?:subscribe|subscription|sign up|signing up|register now|log ?in to|sign in to)\b",
        ("subscri", "sign", "register", "log"),
        ("subscri", "sign", "register now", "log"),
    ),
    (r"\bnewsletters?\b", ("newsletter",), ("newsletter",)),
    (r"\bbookmark\b", ("bookmark",), ("bookmark",)),
    (r"\bthank(?:s| you) for (?:visiting|reading|being|your (?:visit|support))\b", ("thank",), ("thank",)),
    (r"\bwelcome to (?:your|our|the)\b", ("welcome",), ("welcome to ",)),
    (r"\b(?:stay|keep) (?:in the know|tuned|informed|updated|connected)\b", ("stay", "keep"), ("stay ", "keep ")),
    (r"\b(?:don't|do not|never) (?:miss|forget)\b", ("miss", "forget"), ("don't ", "do not ", "never ")),
    (
        r"\bfollow (?-i:[Uu]s)\b|\blike (?-i:[Uu]s) on\b|\bjoin (?:(?-i:[Uu]s)|our|thousands)\b",
        ("follow", "like", "join"),
        ("follow ", "like ", "join "),
    ),  # not "US"
    (r"\b(?:check|come) back\b", ("back",), ("check back", "come back")),
    (
        r"\b(?:breaking news|trending (?:topics|updates|news|stories)|latest (?:headlines|updates|news))\b",
        ("breaking", "trending", "latest"),
        ("breaking news", "trending ", "latest "),
    ),
    (r"\bcontact (?:page|(?-i:[Uu]s)|form)\b", ("contact",), ("contact ",)),
    (r"\breach out (?:to (?-i:[Uu]s)|through|via)\b", ("reach",), ("reach out ",)),
    (r"\b(?:love|like) to hear from you\b", ("hear",), ("love to hear", "like to hear")),
    (r"\bvisit\b[^.]{0,40}\bnow\b", ("visit",), ("visit",)),
    (r"\bclick here\b|\btap here\b", ("here",), ("click here", "tap here")),
    (r"\ball rights reserved\b|©|\(c\) \d{4}", ("rights", "©", "(c)"), ("all rights reserved", "©", "(c) ")),
    (r"\bcookies?\b[^.]{0,60}\b(?:accept|consent|policy|settings|preferences)\b", ("cookie",), ("cookie",)),
    (
        r"\b(?:your|our) inbox\b|\bdelivered to your\b",
        ("inbox", "delivered"),
        ("your inbox", "our inbox", "delivered to your"),
    ),
    (r"\bdownload (?:our|the) app\b", ("download",), ("download ",)),
    (
        r"\bapp store\b|\bgoogle play\b|\bget (?:the|our) app\b",
        ("app store", "google play", "app"),
        ("app store", "google play", "get "),
    ),
    (r"\bsupport (?:our|independent|quality) journalism\b", ("journalism",), ("support ",)),
    (r"\b(?:ultimate|trusted|reliable|go-to) source\b", ("source",), ("ultimate ", "trusted ", "reliable ", "go-to ")),
    (
        r"\b(?:your|an|my) account\b|\bpassword\b|\b(?:you are|you're) (?:logged|signed) in\b",
        ("account", "password", "logged", "signed"),
        ("your account", "an account", "my account", "password", "you are ", "you're "),
    ),
    (r"\byour (?:browser|email address|subscription|inbox)\b", ("your",), ("your ",)),
    (
        r"\byour support\b|\bsupport (?-i:us)\b|\bdonate\b",
        ("support", "donate"),
        ("your support", "support ", "donate"),
    ),
    (
        r"\bad(?:vertisement|vertising)?\b[^.]{0,20}\b(?:feedback|continue|below)\b",
        ("feedback", "continue", "below"),
        ("ad",),
    ),
]
_PROMO_RES = [(re.compile(p, re.IGNORECASE), frozenset(triggers)) for p, triggers, _ in _PROMO_PATTERNS]
_PROMO_TRIGGERS = tuple(dict.fromkeys(t for _, triggers, _ in _PROMO_PATTERNS for t in triggers))
_PROMO_STARTS = [starts for _, _, starts in _PROMO_PATTERNS]
_PATTERNS_OF_TRIGGER = {t: [k for k, (_, ts, _) in enumerate(_PROMO_PATTERNS) if t in ts] for t in _PROMO_TRIGGERS}


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
    r"^\s*(?:(?:photo(?:graph)?|image|picture|illustration|video|graphic|caption|credit)s?"
    r"(?:\s+(?:by|credit|courtesy(?: of)?))?\s*:"
    r"|(?:photo|image|picture)s?\s+(?:by|courtesy of)\b"
    r"|©(?!\s*(?:\d{4}|copyright)))",  # "(c) 2025 Site" is a copyright line
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
    r"^\s*(?:read (?:also|more|next)|see also|also read"
    r"|related(?: (?:articles?|stories|posts|news|content|coverage|topics|reading))?"
    r"|you (?:may|might) (?:also )?(?:like|be interested(?: in)?|have missed)"
    r"|more (?:to (?:read|explore|watch)|like this|from|on|in|stories|news)\b.*|(?:latest )?news feed|useful reading"
    r"|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)"
    r"|latest(?: news| stories| articles| posts)?"
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

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_RES = [
    re.compile(rf"\b(?P<m>{_MONTHS})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{_MONTHS})\.?,? (?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<d>\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b"),  # 27.02.2026, day first
]
_DATELINE_RE = re.compile(
    r"(?:\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+(?:read|watch|listen)\b"
    r"|^\s*(?:posted|published|updated|last updated|post(?:ed)? on|"
    r"first published|modified)\b)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1 << 16)
def _promo_score(text: str) -> int:
    """Number of distinct promotional patterns in ``text``: each is tried only when one of its
    trigger strings occurs, and then only where one of its start strings is (see
    :mod:`corpus_tools.clean.vocabulary`, as the vocabulary alternation)."""
    low = text.lower()
    english = 0
    gated = {k for t in filter(low.__contains__, _PROMO_TRIGGERS) for k in _PATTERNS_OF_TRIGGER[t]}
    if gated:
        odd = _has_odd_case(text)
        for k in gated:
            regex = _PROMO_RES[k][0]
            if regex.search(text) if odd else _match_at_starts(regex, text, low, _PROMO_STARTS[k]):
                english += 1
    return english + len({m.casefold() for m in _PROMO_VOCAB.findall(text)})


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
    r"(?:c|copyright) \d{4}.*|all rights reserved|(?:[a-z]+ ){0,3}cookies?|newsletters?|podcasts?|donate|log ?out|"
    r"my account|manage (?:account|subscription))$"
)


_TIME_WORDS_RE = re.compile(
    r"\b(?:\d{1,2}[:.]\d\dh?|[ap]\.?m\.?|gmt|utc|[a-z]{1,2}[sd]t|at|on|update[ds]?|published|posted"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b"
    r"|\b\d{1,2}\b|[|,/.:\-\s]",
    re.IGNORECASE,
)


def _parse_date(text: str) -> pd.Timestamp | None:
    for regex in _DATE_RES:
        m = regex.search(text)
        if not m:
            continue
        parts = m.groupdict()
        month = parts.get("mm") or parts["m"][:3]
        date = _to_timestamp(f"{parts['y']} {month} {parts['d']}", "%Y %m %d" if parts.get("mm") else "%Y %b %d")
        if date is not None:
            return date
    return None


@functools.lru_cache(maxsize=1 << 14)
def _to_timestamp(text: str, format: str) -> pd.Timestamp | None:
    """``pd.to_datetime(text, format=format)``, None when it is not a date (cached: a corpus
    names the same days again and again, and each call costs pandas about a millisecond)."""
    try:
        return pd.to_datetime(text, format=format)
    except ValueError:
        return None


# The vocabulary of the other languages (resources/chrome/*.yml), joined onto the patterns above.
_KEY_RE = re.compile(r"[\W_]+")


def _vocab_key(entry: str) -> str:
    """An entry as a line key (the form of ``corpus_tools.clean.lines._key``)."""
    return _KEY_RE.sub(" ", entry.casefold()).strip()


_UI_WORDS |= {_vocab_key(e) for e in _VOCABULARY["ui"]}
_SOCIAL_WORDS |= {w for e in _VOCABULARY["social"] for w in _vocab_key(e).split()}
_NETWORKS = "|".join(sorted({re.escape(w) for w in _SOCIAL_WORDS if len(w) > 2}, key=len, reverse=True))
_SHARE_RE = _joined(_SHARE_RE, lambda alt: rf"^\s*(?:{alt('share')})\b[\s:,|]*(?:(?:{_NETWORKS})\b[\s,|]*)*$", "share")
_RELATED_HEAD_RE = _joined(_RELATED_HEAD_RE, lambda alt: rf"^\s*(?:{alt('related')})\s*[:\-]?\s*$", "related")
_RELATED_INLINE_RE = _joined(_RELATED_INLINE_RE, lambda alt: rf"^\s*(?:{alt('related')})\s*[:\-]\s*\S", "related")
_TOC_HEAD_RE = _joined(_TOC_HEAD_RE, lambda alt: rf"^\s*(?:{alt('toc')})\s*:?\s*$", "toc")
_KEYWORD_RE = _joined(_KEYWORD_RE, lambda alt: rf"^\s*(?:{alt('tags')})\s*:", "tags")
_COMMENT_RE = _joined(
    _COMMENT_RE,
    lambda alt: (
        rf"\b(?:{alt('comments')})\b"
        rf"|^\s*(?:{alt('comment_count')})\s*\(?\d+\)?\s*$|^\s*\d+\s+(?:{alt('comment_count')})\s*$"
    ),
    "comments",
    "comment_count",
    needles=("comment", "leave a ", "akismet", "join the ", "share your ", "let us know ", "what do you think?"),
)
_READER_RE = _joined(_READER_RE, lambda alt: rf"\b(?:{alt('reader')})\b", "reader")
_COOKIE_RE = _joined(_COOKIE_RE, lambda alt: rf"\b(?:{alt('cookie')})\b", "cookie", needles=("cookie",))
_COOKIE_CONTEXT_RE = _joined(_COOKIE_CONTEXT_RE, lambda alt: rf"\b(?:{alt('cookie_context')})\w*", "cookie_context")
_FURNITURE_RE = re.compile(
    f"(?:{_FURNITURE_RE.pattern})|^(?:{'|'.join(re.escape(_vocab_key(e)) for e in _VOCABULARY['furniture'])})$"
)
_COPYRIGHT_RE = _joined(_COPYRIGHT_RE, lambda alt: rf"\b(?:{alt('copyright')})\b", "copyright")
_DATELINE_RE = _joined(
    _DATELINE_RE,
    lambda alt: rf"^\s*(?:{alt('dateline')})(?:\s*:|\s+(?=\d)|\s*$)|\b(?:{alt('read_time')})\b",
    "dateline",
    "read_time",
)
_MEDIA_CREDIT_RE = _joined(_MEDIA_CREDIT_RE, lambda alt: rf"^\s*(?:{alt('credit')})\s*[:.](?=\s)", "credit")
_SKIP_RE = _joined(_SKIP_RE, lambda alt: rf"^\s*(?:{alt('skip')})\b", "skip")
# Each distinct phrase found is one promotional signal (see _promo_score).
_PROMO_VOCAB = _joined(re.compile(r"(?!)"), lambda alt: rf"\b(?:{alt('promo')})\b", "promo")
_PROMO_VOCAB_RE = _PROMO_VOCAB.extra
