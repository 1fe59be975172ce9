r"""Long prose lines are never removed whole: tables exported as CSV or JSON deliver a whole
article as one line, so a line of :data:`LONG_LINE_WORDS` words or more is split into sentences
and only its promotional, comment-prompt or cookie sentences are removed, each with its own edit.

The splitter is a small regular expression (clean is upstream of :mod:`corpus_tools.segment`):
a sentence ends at ``.``, ``!`` or ``?`` (and closing quotes or brackets) followed by white space
and a capital, a digit or an opening quote, except after a shipped abbreviation ("Mr.", "Jan.").

>>> text = "The talks resumed on Monday. Sign up for our newsletter. Officials said more would follow."
>>> [text[s:e] for s, e in _sentence_spans(text)]
['The talks resumed on Monday.', 'Sign up for our newsletter.', 'Officials said more would follow.']
>>> _sentence_rule("Sign up for our newsletter.", outside_body=False)
'promo'
"""

from __future__ import annotations

import functools
import re

from corpus_tools import shipped
from corpus_tools.clean.lines import _Line
from corpus_tools.clean.patterns import _COMMENT_RE, _COOKIE_CONTEXT_RE, _COOKIE_RE, _READER_RE, _promo_score

#: A line with at least this many words is article text when it reads like prose (stop words):
#: a paragraph of an edited article rarely exceeds it, and site furniture almost never reaches it.
LONG_LINE_WORDS = 60

_ABBREVIATIONS = shipped.read_word_list("abbreviations.txt")
_BOUNDARY_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_IMPERATIVE_RE = re.compile(
    r"\s*(?:subscribe|sign up|join|follow|download|get|click|tap|visit|register|log in|support|donate|bookmark"
    r"|don't miss|stay|keep up)\b",
    re.IGNORECASE,
)


def _is_long_prose(line: _Line) -> bool:
    """A line long enough to be article text for sure, with the stop words of prose."""
    return line.n_words >= LONG_LINE_WORDS and line.stop_share >= 0.25


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (without the white space between them)."""
    spans, start = [], len(text) - len(text.lstrip())
    for m in _BOUNDARY_RE.finditer(text):
        word = text[max(start, text.rfind(" ", start, m.start()) + 1) : m.start()].lower().strip("\"'(\u201c\u2018[")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):  # "Mr.", "J. Smith"
            continue
        end = m.start() + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def _sentence_rule(sentence: str, *, outside_body: bool) -> str | None:
    """The rule that removes one sentence of a long line, or None to keep it: three promotional
    signals, or two in a short sentence or a call to action ("Sign up...", "Download..."), or
    outside the body one addressed to the reader; a comment prompt or a cookie notice addressed
    to the reader. (Two signals are not enough in a long sentence of a report: "... as part
    of your subscription cost ...".)"""
    score = _promo_score(sentence)
    addressed = _READER_RE.search(sentence)
    if score >= 3 or score == 2 and (outside_body or len(sentence.split()) <= 15 or _IMPERATIVE_RE.match(sentence)):
        return "promo"
    if score == 1 and outside_body and addressed:
        return "promo"
    if _COMMENT_RE.search(sentence) and addressed and len(sentence.split()) <= 40:
        return "comment_prompt"
    if _COOKIE_RE.search(sentence) and _COOKIE_CONTEXT_RE.search(sentence) and addressed:
        return "cookie_notice"
    return None


def _sentence_cuts(line: _Line, *, outside_body: bool) -> list[tuple[int, int, str]]:
    """The spans of ``line.raw`` to remove (``start, end, rule``): each removed sentence with
    the white space after it (or, at the end of the line, the white space before it)."""
    return _cuts_of(line.raw, outside_body)


@functools.lru_cache(maxsize=1024)
def _cuts_of(raw: str, outside_body: bool) -> list[tuple[int, int, str]]:
    if not (_promo_score(raw) or _COMMENT_RE.search(raw) or _COOKIE_RE.search(raw)):
        return []  # no sentence of the line can match (the fast path of most article lines)
    spans = _sentence_spans(raw)
    rules = [_sentence_rule(raw[s:e], outside_body=outside_body) for s, e in spans]
    if rules and all(r is not None for r in rules):
        return [(0, len(raw), rules[0])]  # nothing of the line is left: the line goes whole
    cuts = []
    for k, ((s, _e), rule) in enumerate(zip(spans, rules)):
        if rule is None:
            continue
        if k > 0 and rules[k - 1] is None and all(r is not None for r in rules[k:]):
            s = spans[k - 1][1]  # a removed tail takes the white space before it
        cuts.append((s, spans[k + 1][0] if k + 1 < len(spans) else len(raw), rule))
    return cuts


def _chrome_share(line: _Line) -> float:
    """Share of the characters of a long line in sentences the rules would remove."""
    cuts = _sentence_cuts(line, outside_body=False)
    return sum(e - s for s, e, _ in cuts) / max(1, len(line.raw))
