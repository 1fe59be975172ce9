r"""Lines of a page and their features: the repaired text, words, a key for matching repeats,
the share of stop words, whether a line reads like prose or a heading, and the shape tests the
rules use (breadcrumb, date line, share buttons, link list, cookie notice, promotion).

The prose test counts stop words from the shipped list ``stopwords_english_extended.txt``
(read with :func:`corpus_tools.shipped.read_word_list`), never from NLTK data, so a page is
cleaned the same way on every machine. A page in another language also counts the stop words of
its language (:func:`corpus_tools.shipped.read_language_stopwords`, the ``stop-words`` package),
so German or Polish prose reads as prose without English words in it.

Every feature works for any script: a line's key keeps the letters and digits of every script
(case-folded), sentence ends include the Chinese, Arabic and Devanagari full stops and question
marks, and a line whose words are mostly not in Latin script (Cyrillic, Greek, Arabic, Hebrew,
CJK...) is judged prose by its length and final punctuation alone, since English stop words cannot
occur in it. (Chinese and Japanese count one word per character: see :mod:`corpus_tools.tokens`.)

>>> [(ln.norm, ln.is_heading_like) for ln in _split_lines("Talks resume\r\n\u2022 One item.\n")]
[('Talks resume', True), ('One item.', False)]
>>> _key("Переговоры ВОЗОБНОВЯТСЯ!"), _key("Straße: Talks (2)")
('переговоры возобновятся', 'strasse talks 2')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpus_tools import shipped
from corpus_tools.clean.edits import Edit, _apply
from corpus_tools.clean.normalize import _LINK_ONLY_RE, _char_edits, _fix_encoding
from corpus_tools.clean.patterns import (
    _BREADCRUMB_SEP_RE,
    _COMMENT_RE,
    _COOKIE_CONTEXT_RE,
    _COOKIE_RE,
    _DATE_RES,
    _DATELINE_RE,
    _DEBRIS_RE,
    _FURNITURE_RE,
    _KEYWORD_RE,
    _READER_RE,
    _RELATED_HEAD_RE,
    _SHARE_RE,
    _SKIP_RE,
    _SOCIAL_WORDS,
    _TIME_WORDS_RE,
    _TOC_HEAD_RE,
    _UI_WORDS,
    _promo_score,
)
from corpus_tools.tokens import LOWER_CHARS, UPPER_CHARS, _token_re

#: The shipped stop-word list of the prose test (the same words on every machine).
STOPWORDS_FILE = "stopwords_english_extended.txt"

_STOPWORDS = shipped.read_word_list(STOPWORDS_FILE)
# Sentence-final marks of any script: Latin, Chinese/Japanese (full-width), Arabic, Urdu, Devanagari.
_STOPS = ".!?\u3002\uff01\uff1f\u061f\u06d4\u0964"
_CLOSERS = "\"')\\]\u00bb\u201d\u300d\u300f\uff09"  # closing quotes and brackets after a sentence end
_SENTENCE_END_RE = re.compile(rf"[{_STOPS}][{_CLOSERS}]*\s*$")
# A line ending on a clause mark (",", ";", "." or their CJK and Arabic forms): not a heading.
_CLAUSE_END_RE = re.compile(r"[.;,\u3001\u3002\uff0c\uff1b\u060c\u061b]\s*$")
# A sentence boundary inside a line ("... questions. These include:"): prose, not a heading.
_INNER_SENTENCE_RE = re.compile(rf"[{LOWER_CHARS}]{{2,}}[{_STOPS}][{_CLOSERS}]*\s+[{UPPER_CHARS}][{LOWER_CHARS}]")
_KEY_SPLIT_RE = re.compile(r"[\W_]+")
# The same key of an ASCII line by bytes.translate: every character outside [a-z0-9] becomes a space.
_ASCII_KEY_TABLE = bytes(c if chr(c).isalnum() and chr(c).isascii() else 32 for c in range(256))


class _computed:
    """A feature computed on first use and stored on the line (``functools.cached_property``
    without its lock: a line is never shared between threads while it is cleaned)."""

    def __init__(self, method):
        self.method = method
        self.name = method.__name__
        self.__doc__ = method.__doc__

    def __get__(self, line, owner=None):
        if line is None:
            return self
        value = line.__dict__[self.name] = self.method(line)
        return value


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
    key: str  # case-folded letters and digits (any script) only, for matching repeats
    char_edits: list[Edit] = field(default_factory=list)  # repairs of the raw line, offsets from its start
    stopwords: frozenset[str] = _STOPWORDS  # English, plus those of the page's language
    n_words: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.n_words = len(self.words)  # read by every rule: an attribute, not a property

    @_computed
    def blank(self) -> bool:
        return not self.norm.strip()

    @_computed
    def stop_share(self) -> float:
        return sum(map(self.stopwords.__contains__, map(str.lower, self.words))) / self.n_words if self.words else 0.0

    @_computed
    def is_latin(self) -> bool:
        """Most words start with a Latin letter (or are numbers), so English stop words can occur."""
        if not self.words:
            return True
        latin = sum(w[0] < "\u0250" or w[0].isdigit() for w in self.words)
        return latin * 2 >= len(self.words)

    @_computed
    def is_prose(self) -> bool:
        """Reads like article prose: a sentence of some length, with stop words (in Latin script;
        in other scripts the length and the sentence end decide)."""
        ends = bool(
            _SENTENCE_END_RE.search(self.norm)
            or _INNER_SENTENCE_RE.search(self.norm)
            and self.norm.rstrip().endswith(":")
        )
        return self.n_words >= 12 and ends and (self.stop_share >= 0.25 or not self.is_latin)

    @_computed
    def is_heading_like(self) -> bool:
        """Short, no sentence-final full stop: a headline, heading, menu entry or link."""
        return (
            0 < self.n_words <= 25 and not _CLAUSE_END_RE.search(self.norm) and not _INNER_SENTENCE_RE.search(self.norm)
        )


_LINE_SPLIT_RE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|$)")


def _key(text: str) -> str:
    """Case-folded letters and digits of any script, runs of anything else as one space."""
    if text.isascii():
        return b" ".join(text.encode("ascii").lower().translate(_ASCII_KEY_TABLE).split()).decode("ascii")
    return _KEY_SPLIT_RE.sub(" ", text.casefold()).strip()


def _stopwords_for(language: str | None) -> frozenset[str]:
    """The prose test's stop words on a page in ``language``: English plus that language's."""
    if not language or language in ("en", "und"):
        return _STOPWORDS
    return _STOPWORDS | shipped.read_language_stopwords(language)


def _split_lines(raw: str, *, language: str | None = None) -> list[_Line]:
    lines = []
    stopwords = _stopwords_for(language)
    pos = 0
    for idx, (content, newline) in enumerate(_line_pieces(raw)):
        end = pos + len(content)
        norm, words, key, repairs = _line_parts(content) if content else _EMPTY_PARTS
        stop = end + len(newline)
        lines.append(_Line(idx, pos, end, stop, content, newline, norm, list(words), key, list(repairs), stopwords))
        pos = stop
    return lines


def _line_pieces(raw: str) -> list[tuple[str, str]]:
    """Each line of ``raw`` with its line break ("\\r\\n", "\\n", "\\r" or "" for a last line
    without one), as ``_LINE_SPLIT_RE`` finds them (a text without "\\r" by str.split)."""
    if "\r" in raw:
        pieces = []
        for m in _LINE_SPLIT_RE.finditer(raw):
            if not m.group(1) and not m.group(2):
                break
            pieces.append(m.groups())
        return pieces
    *lines, last = raw.split("\n")
    pieces = [(line, "\n") for line in lines]
    if last:
        pieces.append((last, ""))
    return pieces


_EMPTY_PARTS: tuple[str, tuple[str, ...], str, tuple[Edit, ...]] = ("", (), "", ())  # _line_parts("")


@functools.lru_cache(maxsize=1 << 14)
def _line_parts(content: str) -> tuple[str, tuple[str, ...], str, tuple[Edit, ...]]:
    """The repaired text, words, key and character repairs of one raw line (cached: template
    lines and blank lines recur on every page). The repairs are given only when the line is not
    mojibake (a repaired mojibake line is replaced whole, see ``clean.page``)."""
    fixed = _fix_encoding(content)
    repairs = _char_edits(fixed, 0)
    norm = _apply(fixed, repairs)
    words = _token_re(norm).findall(norm)  # the patterns have no groups: whole matches
    return norm, tuple(words), _key(norm), tuple(repairs) if fixed == content else ()


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


def _is_cookie_notice(line: _Line) -> bool:
    """Mentions cookies, addresses the reader, and speaks of the site, consent or settings."""
    text = line.norm
    return bool(
        _COOKIE_RE.search(text)
        and _COOKIE_CONTEXT_RE.search(text)
        and (_READER_RE.search(text) or "cookie" in text[:40].lower())
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
    if line.key.partition(" ")[0] not in _SOCIAL_WORDS:  # the first word decides most lines
        return False
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
    return text.endswith((",", ":", "-", "(")) or bool(last_word and last_word.group(1).lower() in line.stopwords)


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


def _is_short(ln: _Line) -> bool:
    """Menu-entry shape: not prose, at most 15 words, no sentence break inside, and
    heading-like or at most eight words."""
    return (
        not ln.is_prose
        and ln.n_words <= 15
        and not _INNER_SENTENCE_RE.search(ln.norm)
        and (ln.is_heading_like or ln.n_words <= 8)
    )
