"""Line features in any script: keys, sentence ends, the prose and heading tests."""

from __future__ import annotations

import pytest

from corpus_tools.clean.lines import _key, _split_lines


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Talks resume: day 2!", "talks resume day 2"),
        ("Переговоры ВОЗОБНОВЯТСЯ!", "переговоры возобновятся"),
        ("Οι ΣΥΝΟΜΙΛΙΕΣ", "οι συνομιλιεσ"),  # casefold: final sigma folds to sigma
        ("استئناف المحادثات", "استئناف المحادثات"),
        ("和平谈判，将于周一恢复", "和平谈判 将于周一恢复"),
        ("Straße_Nord", "strasse nord"),
        ("— | —", ""),
    ],
)
def test_key_keeps_letters_of_any_script(text, key):
    assert _key(text) == key


PROSE = [
    "Министры иностранных дел заявили в понедельник, что они снова встретятся в Париже на следующей неделе.",
    "Οι υπουργοί Εξωτερικών δήλωσαν τη Δευτέρα ότι θα συναντηθούν ξανά στο Παρίσι την επόμενη εβδομάδα.",
    "قال وزراء الخارجية يوم الاثنين إنهم سيجتمعون مرة أخرى في باريس الأسبوع المقبل لمناقشة الخطة الجديدة.",
    "外交部长们周一表示，他们将于下周在巴黎再次会面，讨论新的和平计划。",
    "The ministers said on Monday that they would meet again in Paris next week to discuss the plan.",
]


@pytest.mark.parametrize("text", PROSE)
def test_a_sentence_in_any_script_is_prose_not_a_heading(text):
    (line,) = _split_lines(text)
    assert line.is_prose and not line.is_heading_like


@pytest.mark.parametrize(
    ("text", "latin"),
    [("Talks resume in Paris", True), ("Переговоры в Paris", False), ("和平谈判", False), ("2025", True)],
)
def test_is_latin(text, latin):
    assert _split_lines(text)[0].is_latin is latin


def test_english_line_without_stop_words_is_not_prose():
    (line,) = _split_lines("Ministers Paris Monday plan talks deal summit leaders officials Geneva Kyiv Moscow.")
    assert line.n_words == 12 and not line.is_prose


def test_inner_sentence_boundary_in_cyrillic_is_not_a_heading():
    (line,) = _split_lines("Переговоры идут. Министры встретятся")
    assert not line.is_heading_like


def test_the_ascii_key_equals_the_regex_key():
    """ASCII lines take a str.translate path to their key; it equals the regular expression's."""
    import random

    from corpus_tools.clean.lines import _KEY_SPLIT_RE

    rng = random.Random(0)
    alphabet = "aBz09_ -.,;:!?'\"()[]|#*\t\x0b\x0c\x1c\x1f\x7f"
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for line in lines:
        assert _key(line) == _KEY_SPLIT_RE.sub(" ", line.casefold()).strip(), repr(line)


def test_cached_line_features_equal_a_fresh_computation(seeds_corpus):
    """Lines built from the per-line cache have the repairs, words and key computed afresh, and
    a line's lists are its own (changing one does not change another line with the same text)."""
    from corpus_tools.clean.edits import _apply
    from corpus_tools.clean.lines import _line_parts
    from corpus_tools.clean.normalize import _char_edits, _fix_encoding
    from corpus_tools.tokens import _token_re

    extra = "\nCaf\u00c3\u00a9 \u2014 talks\n\u2022 Item\n\u2022 Item\n| a | b |\n\n"
    raw = "\n".join(seeds_corpus["raw_text"]) + extra
    _line_parts.cache_clear()
    for _ in range(2):  # cold, then from the cache
        lines = _split_lines(raw)
        for ln in lines:
            fixed = _fix_encoding(ln.raw)
            repairs = _char_edits(fixed, 0)
            norm = _apply(fixed, repairs)
            assert (ln.norm, ln.words, ln.key) == (norm, _token_re(norm).findall(norm), _key(norm)), ln.raw
            assert ln.char_edits == (repairs if fixed == ln.raw else []), ln.raw
    from corpus_tools.clean.lines import _EMPTY_PARTS

    assert _line_parts.__wrapped__("") == _EMPTY_PARTS  # the parts of a blank line, not looked up
    a, b = [ln for ln in _split_lines("\u2022 Item\n\u2022 Item\n") if ln.raw]
    a.words.append("x")
    a.char_edits.clear()
    assert b.words == ["Item"] and len(b.char_edits) == 1


def test_line_pieces_are_those_of_the_line_pattern():
    """Lines and their breaks as the line pattern finds them, on texts with and without CR."""
    import random

    from corpus_tools.clean.lines import _LINE_SPLIT_RE, _line_pieces

    rng = random.Random(0)
    texts = ["", "\n", "a", "a\n", "\n\na", "a\r\nb\rc\n", "\r", "\r\n\r\n"]
    texts += ["".join(rng.choice("ab \n\n\r") for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for text in texts:
        expected = []
        for m in _LINE_SPLIT_RE.finditer(text):
            if not m.group(1) and not m.group(2):
                break
            expected.append((m.group(1), m.group(2)))
        assert _line_pieces(text) == expected, repr(text)
