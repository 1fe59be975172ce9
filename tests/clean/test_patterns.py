"""The rule vocabulary: the promotional-pattern shortcut changes no score."""

from __future__ import annotations

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
