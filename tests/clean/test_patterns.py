"""The rule vocabulary: the promotional-pattern shortcut changes no score."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

_PROMO_WORDS = st.sampled_from(
    [
        "our",
        "Our",
        "this",
        "website",
        "site",
        "subscribe",
        "Sign",
        "up",
        "in",
        "to",
        "log",
        "newsletter",
        "bookmark",
        "Thank",
        "you",
        "for",
        "visiting",
        "welcome",
        "stay",
        "tuned",
        "don't",
        "miss",
        "follow",
        "us",
        "US",
        "join",
        "check",
        "back",
        "breaking",
        "news",
        "latest",
        "updates",
        "contact",
        "reach",
        "out",
        "like",
        "hear",
        "from",
        "visit",
        "now",
        "click",
        "here",
        "all",
        "rights",
        "reserved",
        "©",
        "(c)",
        "2025",
        "cookies",
        "accept",
        "inbox",
        "delivered",
        "your",
        "download",
        "the",
        "app",
        "support",
        "journalism",
        "trusted",
        "source",
        "account",
        "password",
        "are",
        "logged",
        "browser",
        "donate",
        "ad",
        "below",
        "feedback",
        "independent",
        "thousands",
        "team",
        "readers",
        ".",
        "Paris",
        "talks",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PROMO_WORDS, max_size=25))
def test_promo_score_shortcut_changes_nothing(words):
    from corpus_tools.clean.patterns import _PROMO_RES, _PROMO_VOCAB_RE, _promo_score

    text = " ".join(words)
    vocabulary = len({m.casefold() for m in _PROMO_VOCAB_RE.findall(text)})
    assert _promo_score(text) == sum(1 for regex, _ in _PROMO_RES if regex.search(text)) + vocabulary


def test_promo_score_shortcut_on_the_seeds(seeds_corpus):
    from corpus_tools.clean import normalize_line
    from corpus_tools.clean.patterns import _PROMO_RES, _PROMO_VOCAB_RE, _promo_score

    lines = [line for raw in seeds_corpus["raw_text"] for line in raw.splitlines()]
    for line in lines + [normalize_line(line) for line in lines]:
        vocabulary = len({m.casefold() for m in _PROMO_VOCAB_RE.findall(line)})
        assert _promo_score(line) == sum(1 for regex, _ in _PROMO_RES if regex.search(line)) + vocabulary, line


def test_vocabulary_shortcut_changes_nothing(seeds_corpus):
    """A joined pattern tries its vocabulary only on lines holding one of its trigger words: on the
    seeds and on the pages in other languages it finds what the unfiltered patterns find."""
    from pathlib import Path

    from corpus_tools.clean import normalize_line, patterns

    pages = sorted((Path(__file__).parents[1] / "fixtures" / "chrome_pages").glob("*/*.txt"))
    lines = [line.partition("| ")[2] for path in pages for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [line for raw in seeds_corpus["raw_text"] for line in raw.splitlines()]
    lines += [line.upper() for line in lines[:200]] + ["Dritte Anbieter setzen Cookies", "Kommentare (12)"]
    joined = {name: value for name, value in vars(patterns).items() if isinstance(value, patterns._Joined)}
    assert len(joined) >= 13
    for line in lines + [normalize_line(line) for line in lines]:
        for name, pattern in joined.items():
            for method in ("search", "match"):
                unfiltered = getattr(pattern.english, method)(line) or getattr(pattern.extra, method)(line)
                assert bool(getattr(pattern, method)(line)) == bool(unfiltered), (name, method, line)


# --- the shortcuts that keep cleaning fast: each must find exactly what the whole pattern finds


def _shortcuts():
    """The namespace of the shortcut module as the patterns use it (under ``--import-mode=importlib``
    a doctest run may import a second copy of the module, whose registries stay empty)."""
    import types

    from corpus_tools.clean import patterns

    return types.SimpleNamespace(**patterns._joined.__globals__)


def _vocabulary_lines(seeds_corpus) -> list[str]:
    """Lines of the chrome pages in ten languages, the seeds, and each vocabulary entry of every
    section in a few settings (alone, upper case, after and before other words, with a count)."""
    from pathlib import Path

    from corpus_tools.clean import normalize_line

    vocabulary = _shortcuts()

    pages = sorted((Path(__file__).parents[1] / "fixtures" / "chrome_pages").glob("*/*.txt"))
    lines = [line.partition("| ")[2] for path in pages for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [line for raw in seeds_corpus["raw_text"] for line in raw.splitlines()]
    for entries in vocabulary._VOCABULARY.values():
        for e in entries:
            lines += [e, e.upper(), e.title(), f"{e}: 12", f"12 {e}", f"Kommentare (3) {e}.", f"x{e}y", f"{e}s"]
            lines += [f"Sign up: {e} our newsletter, 5 comments, cookies on this site", e.replace(" ", "-")]
    return lines + [normalize_line(line) for line in lines[:2000]]


def test_restricted_vocabulary_finds_what_the_whole_alternation_finds(seeds_corpus):
    """Each joined pattern tries only the entries whose trigger word is in the line, and only
    where one of their start strings is: on every line the match (span and text) is the one of
    the whole vocabulary pattern, and the promotional phrases found are the same."""
    from corpus_tools.clean import patterns

    vocabulary = _shortcuts()
    joined = {name: value for name, value in vars(patterns).items() if isinstance(value, vocabulary._Joined)}
    assert len(joined) == len(vocabulary._JOINED) >= 14
    checked = 0
    for line in _vocabulary_lines(seeds_corpus):
        for name, pattern in joined.items():
            if pattern.triggers.isdisjoint(vocabulary._line_triggers(line)):  # never tried (as before)
                assert pattern.vocabulary(line) is None and pattern.search_vocabulary(line) is None
                continue
            whole, found = pattern.extra.search(line), pattern.search_vocabulary(line)
            assert (found and (found.span(), found.group())) == (whole and (whole.span(), whole.group())), (name, line)
            whole, found = pattern.extra.match(line), pattern.vocabulary(line).match(line)
            assert (found and found.span()) == (whole and whole.span()), (name, line)
            assert pattern.findall(line) == pattern.extra.findall(line), (name, line)
            checked += 1
    assert checked > 5_000


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_english_promo_patterns_match_only_at_their_start_strings(data):
    """Every string an English promotional pattern matches (generated from the pattern, with text
    around it) is found by trying the pattern only where one of its start strings is."""
    from corpus_tools.clean import patterns

    vocabulary = _shortcuts()
    k = data.draw(st.integers(0, len(patterns._PROMO_RES) - 1))
    regex, starts = patterns._PROMO_RES[k][0], patterns._PROMO_STARTS[k]
    text = data.draw(st.from_regex(regex))
    if not vocabulary._has_odd_case(text):
        assert vocabulary._match_at_starts(regex, text, text.lower(), starts), (regex.pattern, text)


def test_english_promo_start_strings_on_the_pages(seeds_corpus):
    from corpus_tools.clean import patterns

    vocabulary = _shortcuts()
    for line in _vocabulary_lines(seeds_corpus):
        if vocabulary._has_odd_case(line):
            continue
        for (regex, _), starts in zip(patterns._PROMO_RES, patterns._PROMO_STARTS):
            assert vocabulary._match_at_starts(regex, line, line.lower(), starts) == bool(regex.search(line)), line


def test_restricted_vocabulary_of_every_trigger_is_the_whole_pattern():
    """With every trigger present the shorter alternation is the whole one, character for character."""
    import functools

    vocabulary = _shortcuts()

    for pattern in vocabulary._JOINED:
        alternatives = functools.partial(vocabulary._alternatives, keep=pattern.triggers)
        assert pattern.build(alternatives) == pattern.extra.pattern


def test_odd_case_characters_are_all_the_exceptions():
    """Every character that IGNORECASE matches to a vocabulary or needle character is either that
    character in lower case or one of _ODD_CASE (checked over every code point): so a line
    without them holds, in lower case, every word any entry matches."""
    import re

    vocabulary = _shortcuts()

    every = "".join(map(chr, range(0x110000)))
    needles = {n for pattern in vocabulary._JOINED for n in pattern.needles}
    chars = set("".join(e for entries in vocabulary._VOCABULARY.values() for e in entries)) | set("".join(needles))
    for c in sorted(chars):
        for m in re.finditer(re.escape(c), every, re.IGNORECASE):
            assert m.group().lower() == c or m.group() in vocabulary._ODD_CASE, (c, m.group())


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_english_match_holds_a_needle(data):
    """A string the English comment or cookie pattern matches (generated from the pattern) always
    passes the needle test, so the pattern is never skipped where it would match."""
    vocabulary = _shortcuts()

    pattern = data.draw(st.sampled_from([p for p in vocabulary._JOINED if p.needles]))
    text = data.draw(st.from_regex(pattern.english))
    assert vocabulary._holds_needle(text, pattern.needles), text
    assert bool(pattern.search(text))


def test_needle_shortcut_changes_nothing(seeds_corpus):
    vocabulary = _shortcuts()

    lines = _vocabulary_lines(seeds_corpus)
    lines += ["Leave a reply", "We use cookıes here", "POST A COMMENT", "Jo\u0130n the discussion", "12 Comments"]
    for line in lines:
        for pattern in [p for p in vocabulary._JOINED if p.needles]:
            whole = pattern.english.search(line) or pattern.vocabulary(line) and pattern.vocabulary(line).search(line)
            assert bool(pattern.search(line)) == bool(whole), line


def test_line_triggers_are_the_known_triggers_among_word_beginnings(seeds_corpus):
    """The triggers of a line: the first three to six letters of its words that are a trigger of
    some joined pattern (the ASCII fast path splits words as ``\\w+`` does)."""
    import re

    vocabulary = _shortcuts()
    lines = _vocabulary_lines(seeds_corpus)[::7] + ["snake_case words", "a_b-c d.e", "Ünïcode wörds"]
    for cold in (True, False):  # words met for the first time, then words met before
        if cold:
            vocabulary._clear_vocabulary_patterns()
        vocabulary._line_triggers.cache_clear()
        for line in lines:
            words = re.findall(r"\w+", line.lower())
            expected = {w[:n] for w in words for n in (3, 4, 5, 6)} & vocabulary._ALL_TRIGGERS
            assert vocabulary._line_triggers(line) == expected, line


@pytest.mark.parametrize(
    "text",
    [
        "Published Mar 3, 2025",
        "Updated 14 February 2024 10:05",
        "Posted 2024-02-30",  # no such day
        "2025-13-01",
        "27.02.2026",
        "Sept. 31, 2024",
        "1 Dec 1999",
        "no date here",
        "Feb 29, 2023",
        "Feb 29, 2024",
    ],
)
def test_parse_date_as_pandas_parses_it(text):
    """The cached conversion gives what ``pd.to_datetime`` gives, twice over (cold and cached)."""
    import pandas as pd

    from corpus_tools.clean.patterns import _DATE_RES, _parse_date, _to_timestamp

    expected = None
    for regex in _DATE_RES:
        m = regex.search(text)
        if not m:
            continue
        parts = m.groupdict()
        month, fmt = (parts["mm"], "%Y %m %d") if parts.get("mm") else (parts["m"][:3], "%Y %b %d")
        try:
            expected = pd.to_datetime(f"{parts['y']} {month} {parts['d']}", format=fmt)
            break
        except ValueError:
            continue
    _to_timestamp.cache_clear()
    assert _parse_date(text) == expected
    assert _parse_date(text) == expected
