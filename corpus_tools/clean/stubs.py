r"""Stubs: pages that hold no article. An access-denied (HTTP 403) page, a paywall, a cookie
wall, a "page not found" (404) page, an "enable JavaScript" page, a page that cleaning emptied,
or a page of at least :data:`MIN_WORDS` words with fewer than that left after cleaning (a
teaser, a video caption among site furniture). Their ``status`` is ``"stub: <reason>"``; every
other document's is ``"ok"``. A text shorter than :data:`MIN_WORDS` as given (a table of
headlines or abstracts, a small example) is not judged by its length.

Why :data:`MIN_WORDS` = 80: the shortest of the 2,127 distinct professionally edited BBC articles
of ``make validate`` has 89 words with its headline (about 80 without it: the threshold keeps
it); news briefs are rarely shorter, while error pages, teasers, video captions and sign-in
walls are a few dozen words.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "status": ["ok", "stub: paywall"]})
>>> list_stubs(docs).values.tolist()
[['b', 'paywall']]
>>> _stub_status("Access Denied\nReference #18.1\n", "Reference #18.1\n")
'stub: access denied (HTTP 403)'
>>> _stub_status("Menu Home " * 50 + "A short note on the talks.", "A short note on the talks.")
'stub: fewer than 80 words after cleaning (6)'
"""

from __future__ import annotations

import itertools
import re

import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.tokens import _token_re

__all__ = ["MIN_WORDS", "list_stubs"]

#: A document with fewer words than this after cleaning is a stub.
MIN_WORDS = 80
#: A page that states a block (access denied, paywall...) is a stub if what is left after
#: cleaning is shorter than this (a paywall page often shows the lead paragraph).
MAX_BLOCKED_WORDS = 150

# The reason given for each kind of block, and the page text that shows it.
_BLOCKS = [
    (
        "access denied (HTTP 403)",
        r"\baccess (?:denied|forbidden)\b|\b403\b[^.\n]{0,20}\bforbidden\b|\bforbidden\b[^.\n]{0,20}\b403\b"
        r"|you don't have permission to access|\brequest (?:was )?blocked\b|are you a (?:robot|human)\?"
        r"|verify (?:that )?you are (?:a )?human|checking your browser",
    ),
    (
        "page not found (HTTP 404)",
        r"\b(?:page|article|content) (?:was |could )?not (?:be )?found\b|\b404\b[^.\n]{0,20}\bnot found\b"
        r"|\berror 404\b|\bpage (?:you (?:are|were) looking for|doesn't exist|does not exist|no longer exists)",
    ),
    (
        "enable JavaScript",
        r"\b(?:enable|turn on|activate) javascript\b|\bjavascript (?:is )?(?:disabled|required|turned off)\b"
        r"|requires javascript|browser (?:does not|doesn't) support javascript",
    ),
    (
        "paywall",
        r"\b(?:subscribe|subscription|sign in|log in|register) (?:now )?to (?:continue|read|keep) reading\b"
        r"|\bthis (?:article|content|story) is (?:only )?(?:for|available to) (?:paying )?(?:subscribers|members)\b"
        r"|\byou(?:'ve| have) (?:reached|used) (?:your|all your) (?:limit|free articles)"
        r"|\bsubscribers? only\b|\bto (?:read|continue reading) (?:the full|this) (?:article|story)\b"
        r"|\bunlock (?:this|the full) (?:article|story)\b|\balready a subscriber\?",
    ),
    (
        "cookie wall",
        r"\b(?:accept|agree to|consent to) (?:all |the use of |our )?cookies to (?:continue|access|view|read)\b"
        r"|\bcookies? (?:are )?(?:required|needed) to (?:view|access|read|continue)\b"
        r"|\bbefore you continue\b[^\n]{0,80}\bcookies\b",
    ),
]
_BLOCK_RES = [(reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in _BLOCKS]


def _count_words_upto(text: str, limit: int) -> int:
    """``count_words(text)``, or ``limit`` when there are more: a long text is not read to its end.

    >>> _count_words_upto("The U.S.-backed plan's cost: $1,000.50", 4), _count_words_upto("Talks resume.", 80)
    (4, 2)
    """
    if not isinstance(text, str):
        return 0
    regex = _token_re(text)
    # A token holds no white space: the tokens before a white-space character are those of the
    # text up to it. A head of 12 characters per token wanted mostly holds enough of them.
    cut = 12 * limit
    if cut < len(text) and text[cut].isspace() and len(regex.findall(text, 0, cut)) >= limit:
        return limit
    return len(list(itertools.islice(regex.finditer(text), limit)))


def _stub_status(raw: str, text: str, *, min_words: int = MIN_WORDS) -> str:
    """``"ok"`` or ``"stub: <reason>"`` for one document.

    Args:
        raw: the page as read (a block notice is often removed by cleaning, so it is sought here).
        text: the clean text (or the raw text when the corpus is loaded without cleaning).
        min_words: fewer words than this after cleaning make a stub.

    >>> _stub_status("Please enable JavaScript to view this page.", "")
    'stub: enable JavaScript'
    >>> _stub_status("", "word " * 200)
    'ok'
    """
    n_words = _count_words_upto(text, max(MAX_BLOCKED_WORDS, min_words))  # only compared with these
    if n_words < MAX_BLOCKED_WORDS:
        head = raw[:20000]
        for reason, regex in _BLOCK_RES:
            if regex.search(head):
                return f"stub: {reason}"
    if not text.strip() and raw.strip():
        return "stub: emptied by cleaning"
    if n_words < min_words and _count_words_upto(raw, min_words) >= min_words:
        return f"stub: fewer than {min_words} words after cleaning ({n_words})"
    return "ok"


def list_stubs(corpus: pd.DataFrame) -> pd.DataFrame:
    """The stubs of a corpus (``read_corpus(...).documents`` or ``load_corpus(...,
    include_stubs=True)``): ``doc_id``, ``reason``, then ``source_file``, ``title`` and
    ``n_words`` when the corpus has them.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "status": ["stub: enable JavaScript"], "n_words": [3]})
    >>> list_stubs(docs).to_dict("records")
    [{'doc_id': 'a', 'reason': 'enable JavaScript', 'n_words': 3}]
    """
    require_columns(corpus, ["doc_id", "status"], table="corpus", hint="Load it with corpus_tools.read_corpus.")
    stubs = corpus[corpus["status"].astype(str).str.startswith("stub")]
    out = stubs[["doc_id"]].assign(reason=stubs["status"].str.removeprefix("stub: "))
    for col in ("source_file", "title", "n_words"):
        if col in stubs.columns:
            out[col] = stubs[col]
    return out.reset_index(drop=True)
