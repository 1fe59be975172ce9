r"""Character and line repairs: Unicode quotes, dashes and spaces made plain, runs of spaces,
terminal escape sequences and control characters (``ESC[31m``, rule ``control_chars``) and list,
table and link markup removed, mojibake repaired with ftfy. Each repair is an
:class:`~corpus_tools.clean.edits.Edit` inside one kept line.

>>> normalize_line("| Country | View |"), normalize_line("\x1b[31mAlert\x1b[0m issued.")
('Country ; View', 'Alert issued.')
"""

from __future__ import annotations

import functools
import re

import ftfy

from corpus_tools.clean.edits import Edit, _apply
from corpus_tools.io.documents import CONTROL_CHARS_RE

__all__ = ["normalize_line"]

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
# A Markdown (ATX) heading marker: up to three spaces, one to six "#", a space ("## Subhead").
_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?=\S)")
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

    # Each pattern runs only where it can match: the markup characters it needs are in the line.
    if "|" in line and _TABLE_ROW_RE.match(line):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        add(0, len(line), CONTROL_CHARS_RE.sub("", _normalize_chars(" ; ".join(c for c in cells if c))), "table_markup")
        return edits
    if "\x1b" in line or not line.isprintable():
        for m in CONTROL_CHARS_RE.finditer(line):
            add(m.start(), m.end(), "", "control_chars")
    heading = "#" in line and _HEADING_RE.match(line)
    if heading:
        add(heading.start(), heading.end(), "", "heading_markup")
    bullet = _BULLET_RE.match(line)
    if bullet:
        add(bullet.start(), bullet.end(), "", "list_markup")
    for m in _MD_LINK_RE.finditer(line) if "[" in line else ():
        add(m.start(), m.end(), "" if m.group("image") else _normalize_chars(m.group("text")), "link_markup")
    for m in _SPACE_RUN_RE.finditer(line) if _may_have_space_runs(line) else ():
        add(m.start(), m.end(), " " if 0 < m.start() and m.end() < len(line) else "", "normalize_whitespace")
    for m in _CHAR_RE.finditer(line) if not line.isascii() else ():
        add(m.start(), m.end(), _CHAR_MAP[m.group()], "normalize_unicode")
    return sorted(edits, key=lambda e: e.start)


def _may_have_space_runs(line: str) -> bool:
    """False when ``_SPACE_RUN_RE`` cannot match: an ASCII line without a tab, two spaces in a
    row, or a space at either end or before a final line break (every other white space it
    matches is not ASCII)."""
    return (
        not line.isascii()
        or "\t" in line
        or "  " in line
        or " \n" in line
        or line.startswith(" ")
        or line.endswith(" ")
    )


def _fix_encoding(text: str) -> str:
    """ftfy's mojibake repair; plain ASCII cannot be mojibake, so it is returned as is."""
    return text if text.isascii() else _ftfy_fix(text)


@functools.lru_cache(maxsize=4096)
def _ftfy_fix(text: str) -> str:
    """ftfy's repair of a non-ASCII line (cached: the cleaner asks twice for every kept line)."""
    return ftfy.fix_encoding(text)


def _normalize_chars(text: str) -> str:
    return _CHAR_RE.sub(lambda m: _CHAR_MAP[m.group()], text)


def normalize_line(line: str) -> str:
    """The repaired form of one line, as the cleaner keeps it.

    >>> normalize_line("  \u2022 Russia\u2019s \u201cred lines\u201d \u2014 again\u00a0 ")
    'Russia\\'s "red lines" - again'
    >>> normalize_line("## Talks resume in Geneva")
    'Talks resume in Geneva'
    """
    fixed = _fix_encoding(line)
    if fixed != line:
        line = fixed
    return _apply(line, _char_edits(line, 0))
