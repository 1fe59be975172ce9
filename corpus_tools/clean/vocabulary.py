r"""The shipped site-chrome vocabulary of other languages (``resources/chrome/<language>.yml``,
read with :func:`corpus_tools.shipped.read_chrome_vocabulary`) and the shortcuts that keep its
long alternations cheap on every line: :class:`_Joined` joins an English pattern of
:mod:`corpus_tools.clean.patterns` with the vocabulary of some sections and answers ``search``,
``match`` and ``findall`` exactly as the two whole patterns would.

Three shortcuts, each exact (tests check them on the vocabulary, the chrome pages and the seeds):

- **triggers**: an entry's trigger is the first six letters of its longest word, and an entry can
  match only on a line holding a word that starts with it; a line's triggers are looked up once
  (:func:`_line_triggers`). The vocabulary pattern is tried only on lines holding a trigger of
  it, and then with only the entries whose trigger the line holds.
- **start strings**: a match of an entry starts with the entry's text up to its first space, so
  the pattern is tried only where the line (in lower case) holds one (and at the line's start).
  The English promotional patterns list theirs the same way (:func:`_match_at_starts`).
- **needles**: an English pattern may list lower-case strings one of which every match holds
  (``"comment"``); it is searched only on lines holding one.

Lower case stands for IGNORECASE only on a line without an :data:`_ODD_CASE` character (the long
s, the dotless i, Greek letter variants: IGNORECASE matches them to other letters); such a line
gets the whole patterns.

>>> _entry_trigger("in ihr postfach"), _entry_start("in ihr postfach")
('postfa', 'in')
>>> _has_odd_case("Cookıe"), _has_odd_case("Cookie")
(True, False)
"""

from __future__ import annotations

import functools
import re

from corpus_tools import shipped

# Characters that IGNORECASE matches to a letter other than their str.lower(): the long s and
# dotless i ("ſ" matches "s"), the dotted capital I (lower() makes it two characters), Greek
# letter variants and old Cyrillic forms (re/_casefix.py), none of them in the vocabulary. A
# shortcut that looks for lower-case strings is exact only on lines without them (a test checks
# every code point).
_ODD_CASE = frozenset(
    "\xb5\u0130\u0131\u017f\u0345\u0390\u03a3\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1"
    "\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u044a\u0463\u1c80\u1c81\u1c82\u1c83"
    "\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06"
)


def _has_odd_case(text: str) -> bool:
    """``text`` holds a character of :data:`_ODD_CASE` (never an ASCII line)."""
    return not text.isascii() and not _ODD_CASE.isdisjoint(text)


_VOCABULARY = shipped.read_chrome_vocabulary()
_WORD_RE = re.compile(r"\w+")
# An ASCII line's words (\w+) by str.translate and str.split: every ASCII character outside \w becomes a space.
_ASCII_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not re.fullmatch(r"\w", chr(c))})
# Every trigger of a joined pattern (filled as they are built): a line's triggers are looked up here.
_ALL_TRIGGERS: set[str] = set()


def _trigger(word: str) -> str:
    """An entry's trigger: its longest word's first six letters (the whole word if shorter)."""
    return word[:6]


def _entry_trigger(entry: str) -> str | None:
    """An entry's trigger: the first six letters of its longest word ("in ihr postfach" needs
    "postfa", not "in"); None for an entry without a word."""
    words = _WORD_RE.findall(entry.lower())
    return _trigger(max(words, key=len)) if words else None


def _entry_start(entry: str) -> str:
    """What every match of an entry starts with (lower case): its text up to the first space
    (a space matches any run of white space or hyphens)."""
    return entry.split(" ", 1)[0]


def _kept(section: str, keep: frozenset[str] | None) -> list[str]:
    """The entries of a section, longest first; with ``keep``, only those whose trigger is in it
    (and those without a word)."""
    entries = _BY_LENGTH[section]
    if keep is None:
        return entries
    return [e for e in entries if (t := _ENTRY_TRIGGERS[e]) is None or t in keep]


_BY_LENGTH = {section: sorted(entries, key=len, reverse=True) for section, entries in _VOCABULARY.items()}
_ENTRY_TRIGGERS = {e: _entry_trigger(e) for entries in _VOCABULARY.values() for e in entries}


def _alternatives(section: str, keep: frozenset[str] | None = None) -> str:
    """The entries of a section as a regex alternation (longest first), spaces matching any run
    of white space or hyphens; with ``keep``, only the entries whose trigger is in it (and those
    without a word), or a pattern that never matches when there are none."""
    entries = _kept(section, keep)
    if not entries:
        return "(?!)"
    return "|".join(re.escape(e).replace(r"\ ", r"[\s\-]+") for e in entries)


@functools.lru_cache(maxsize=1 << 16)
def _line_triggers(text: str) -> frozenset[str]:
    """The triggers of the joined patterns among the first three to six letters of every word of
    a line (lower case): an entry word of six letters or fewer (a stem such as "dritt") is found
    at the start of a longer word ("dritte")."""
    words = set(_words(text.lower()))
    new = words - _SEEN_WORDS
    if new:  # words met for the first time: their triggers, once
        if len(_SEEN_WORDS) > 1 << 18:
            _SEEN_WORDS.clear()
            _TRIGGER_WORDS.clear()
        _SEEN_WORDS.update(new)
        known = _ALL_TRIGGERS
        _TRIGGER_WORDS.update(w for w in new if w[:3] in known or w[:4] in known or w[:5] in known or w[:6] in known)
    return frozenset().union(*map(_word_triggers, words & _TRIGGER_WORDS))


def _words(low: str) -> list[str]:
    """The words (``\\w+``) of a lower-case line; an ASCII line's by str.translate and str.split."""
    return low.translate(_ASCII_NON_WORD).split() if low.isascii() else _WORD_RE.findall(low)


# The words met so far, and those among them with a trigger (most words of prose have none).
_SEEN_WORDS: set[str] = set()
_TRIGGER_WORDS: set[str] = set()


@functools.lru_cache(maxsize=1 << 16)
def _word_triggers(word: str) -> frozenset[str]:
    """The triggers among the first three to six letters of one lower-case word."""
    return frozenset(p for p in {word[:3], word[:4], word[:5], word[:6]} if p in _ALL_TRIGGERS)


def _places(low: str, starts: tuple[str, ...]) -> list[int]:
    """Where ``low`` holds one of ``starts``, and its start, in order."""
    places = {0}
    for start in starts:
        i = low.find(start)
        while i >= 0:
            places.add(i)
            i = low.find(start, i + 1)
    return sorted(places)


def _match_at_starts(regex: re.Pattern, text: str, low: str, starts: tuple[str, ...]) -> bool:
    """``regex`` matches ``text`` at a place where ``low`` (``text`` in lower case, of the same
    length) holds one of ``starts``."""
    for start in starts:
        i = low.find(start)
        while i >= 0:
            if regex.match(text, i):
                return True
            i = low.find(start, i + 1)
    return False


def _holds_needle(text: str, needles: tuple[str, ...]) -> bool:
    """``text`` (lower case) holds one of ``needles``, or a character for which the test cannot
    be trusted (:func:`_has_odd_case`)."""
    low = text.lower()
    return any(map(low.__contains__, needles)) or _has_odd_case(text)


class _Joined:
    """An English pattern joined with the vocabulary pattern ``build(alternatives)`` of some
    sections: ``search``/``match`` as a compiled pattern's, ``findall`` (of the vocabulary only)
    too, with the shortcuts of the module docstring."""

    def __init__(self, english: re.Pattern, build, sections: tuple[str, ...], needles: tuple[str, ...] = ()):
        self.english = english
        self.build = build  # the vocabulary pattern from a function giving each section's alternation
        self.sections = sections
        self.extra = re.compile(build(_alternatives), re.IGNORECASE)
        self.triggers = frozenset(_entry_trigger(entry) for section in sections for entry in _VOCABULARY[section])
        self.triggers -= {None}
        _ALL_TRIGGERS.update(self.triggers)
        # Lower-case strings one of which every match of ``english`` holds (searched only then).
        self.needles = needles
        self._restricted: dict[frozenset[str], tuple[re.Pattern, tuple[str, ...]]] = {}

    def _shorter(self, present: frozenset[str]) -> tuple[re.Pattern, tuple[str, ...]]:
        """The alternation of the entries whose trigger is in ``present``, and their start strings."""
        found = self._restricted.get(present)
        if found is None:
            if len(self._restricted) >= 4096:
                self._restricted.clear()
            regex = re.compile(self.build(functools.partial(_alternatives, keep=present)), re.IGNORECASE)
            starts = tuple(dict.fromkeys(_entry_start(e) for s in self.sections for e in _kept(s, present)))
            found = self._restricted[present] = (regex, starts)
        return found

    def vocabulary(self, text: str) -> re.Pattern | None:
        """The vocabulary pattern to try on ``text``: None when the line holds no trigger, the
        whole pattern on a line with an :data:`_ODD_CASE` character, else the alternation of the
        entries whose trigger it holds."""
        found = _line_triggers(text)
        if self.triggers.isdisjoint(found):
            return None
        if _has_odd_case(text):
            return self.extra
        return self._shorter(self.triggers.intersection(found))[0]

    def search_vocabulary(self, text: str):
        """``self.extra.search(text)``, tried only where a match can start."""
        found = _line_triggers(text)
        if self.triggers.isdisjoint(found):
            return None
        if _has_odd_case(text):
            return self.extra.search(text)
        regex, starts = self._shorter(self.triggers.intersection(found))
        for i in _places(text.lower(), starts):
            if m := regex.match(text, i):
                return m
        return None

    def findall(self, text: str) -> list[str]:
        """``self.extra.findall(text)`` (the vocabulary's matches, left to right, not overlapping),
        tried only where a match can start. The vocabulary pattern has no group and never
        matches an empty string."""
        found = _line_triggers(text)
        if self.triggers.isdisjoint(found):
            return []
        if _has_odd_case(text):
            return self.extra.findall(text)
        regex, starts = self._shorter(self.triggers.intersection(found))
        matches, end = [], 0
        for i in _places(text.lower(), starts):
            if i >= end and (m := regex.match(text, i)):
                matches.append(m.group())
                end = max(m.end(), i + 1)
        return matches

    def search(self, text: str):
        # The tests of search_vocabulary and _holds_needle written out: this runs on every line.
        if not self.needles or any(map(text.lower().__contains__, self.needles)) or _has_odd_case(text):
            found = self.english.search(text)
            if found is not None:
                return found
        if self.triggers.isdisjoint(_line_triggers(text)):
            return None
        return self.search_vocabulary(text)

    def match(self, text: str):
        found = self.english.match(text)
        if found is None:
            triggers = _line_triggers(text)
            if not self.triggers.isdisjoint(triggers):  # the test of vocabulary(), written out
                regex = self.extra if _has_odd_case(text) else self._shorter(self.triggers.intersection(triggers))[0]
                found = regex.match(text)
        return found


_JOINED: list[_Joined] = []


def _joined(english: re.Pattern, build, *sections: str, needles: tuple[str, ...] = ()) -> _Joined:
    """The English pattern or the vocabulary pattern ``build(alternatives)`` of ``sections``."""
    joined = _Joined(english, build, sections, needles)
    _JOINED.append(joined)
    return joined


def _clear_vocabulary_patterns() -> None:
    """Forget the shorter vocabulary alternations compiled so far and the words met (for fair
    benchmarks)."""
    for joined in _JOINED:
        joined._restricted.clear()
    _SEEN_WORDS.clear()
    _TRIGGER_WORDS.clear()
