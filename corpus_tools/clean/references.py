r"""Endnotes, reference lists, citation blocks, and account / product links: the shapes and the
generic vocabulary by which the rules ``reference_list``, ``citation`` and ``account_link``
find them (never strings of one site).

- A **reference line** is a note marker (``[12]``, ``12.``, ``^12``) followed by a URL or a
  citation ("Retrieved from", "accessed", a DOI, "Ibid."), or a line whose letters are mostly
  URLs. Under a notes heading ("Endnotes", "References", "Sources"...) every following line
  with a note marker, a URL or a citation shape goes too.
- A **citation block** starts with "Cite this article", "Suggested citation", "How to cite".
- An **account link** is a short heading-shaped line that ends in a login, demo-request, trial,
  customer-support or app-store phrase ("Terminal Demo Request", "Anywhere Login").

>>> from corpus_tools.clean.lines import _split_lines
>>> a, b, c, d = _split_lines("[12] https://example.org/report.pdf\nEndnotes\nAnywhere Login\nLogin data leaked")
>>> _is_reference_line(a), _is_notes_heading(b), _is_account_link(c), _is_account_link(d)
(True, True, True, False)
"""

from __future__ import annotations

import re

from corpus_tools.clean.lines import _Line
from corpus_tools.clean.normalize import _URL_RE

_NOTE_MARKER_RE = re.compile(
    r"^\s*(?:\[{1,2}(?:\d{1,3}|[ivxlc]{1,8})\]|\(\d{1,3}\)|\^\d{1,3}|(?:\d{1,3}|[ivxlc]{1,6})[.)](?=\s)|(?:\*|†|‡)(?=\s))",
    re.IGNORECASE,
)
# Evidence of a citation: a URL, a DOI, "retrieved from", "accessed", "ibid.", "(2020)".
_CITATION_RE = re.compile(
    r"\b(?:retrieved (?:from|on)|accessed(?: on)?|available (?:at|online)|ibid\b|op\. cit\.|doi:|doi\.org/)"
    r"|https?://|www\.|\((?:19|20)\d\d[a-z]?\)",
    re.IGNORECASE,
)
# Weaker, only under a notes heading: an author's initials or a year followed by a full stop or comma.
_REFERENCE_SHAPE_RE = re.compile(r"\b[A-Z]\.,? |\b(?:19|20)\d\d[.,]\s")
_NOTES_HEAD_RE = re.compile(
    r"^\s*#*\s*(?:end ?notes|notes|footnotes|references|sources|bibliography|citations|works cited|"
    r"notes and references|sources and notes)\s*:?\s*$",
    re.IGNORECASE,
)
_CITE_HEAD_RE = re.compile(
    r"^\s*(?:cite this (?:article|page|report|paper|publication|analysis|story)|suggested citation|how to cite"
    r"(?: this)?(?: (?:article|page|report|paper|publication))?|citation)\s*:?",
    re.IGNORECASE,
)
_ACCOUNT_RE = re.compile(
    r"(?:\b(?:log ?in|login|sign ?in|sign up|register|demo request|request (?:a |your )?(?:free )?demo"
    r"|book (?:a |your )?demo|free trial|start (?:your |a )?(?:free )?trial|contact sales|talk to sales"
    r"|customer (?:support|service|care|login)|help (?:centre|center)|my account|manage (?:account|subscription)"
    r"|(?:its|our) products|products (?:and|&) services|get the app|download the app|app store|google play)"
    r"|^\s*(?:(?:log ?in|sign ?in)(?: (?:to|with|using|here|now)\b.*)?"
    r"|(?:request a demo|book a demo|download (?:the|our) app|get (?:the|our) app)\b.*))"
    r"\s*[:>›»→]?\s*$",
    re.IGNORECASE,
)


def _url_share(text: str) -> float:
    """Share of the non-space characters of ``text`` inside URLs."""
    if "http" not in text and "www." not in text:
        return 0.0
    chars = len("".join(text.split()))
    return sum(len(m.group()) for m in _URL_RE.finditer(text)) / chars if chars else 0.0


def _is_reference_line(line: _Line) -> bool:
    """An endnote or reference: mostly URLs, or a note marker with a URL or citation (never a
    line of prose that cites its source in a link)."""
    text = line.raw
    if _url_share(text) >= 0.5:
        return True
    return bool(_NOTE_MARKER_RE.match(text) and _CITATION_RE.search(text) and not line.is_prose and line.n_words <= 80)


def _is_note_item(line: _Line) -> bool:
    """A line of a list under a notes or citation heading: a note marker, a URL or a citation
    (which may read like a sentence), or a reference shape (initials, a year) that is not prose."""
    text = line.raw
    return line.n_words <= 80 and bool(
        _NOTE_MARKER_RE.match(text)
        or _CITATION_RE.search(text)
        or (_REFERENCE_SHAPE_RE.search(text) and not line.is_prose)
    )


def _is_notes_heading(line: _Line) -> bool:
    return bool(_NOTES_HEAD_RE.match(line.norm))


def _is_citation_head(line: _Line) -> bool:
    return bool(_CITE_HEAD_RE.match(line.norm)) and not line.is_prose


def _is_account_link(line: _Line) -> bool:
    """A short heading-shaped line that is a login, demo, trial, support or app-store link."""
    return 0 < line.n_words <= 6 and line.is_heading_like and bool(_ACCOUNT_RE.search(line.norm))
