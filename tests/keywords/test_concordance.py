"""Concordance: offsets point at the match, context, sentence ids, sorting, patterns and anchors."""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import keywords as kw
from corpus_tools.keywords.counts import _BREAK_RE
from corpus_tools.tokens import TOKEN_RE

KWIC_DOCS = pd.DataFrame(
    {
        "doc_id": ["k1", "k2"],
        "text": [
            "Allies discussed Security Guarantees.\nThe security guarantee talks ended; security. Guarantees later.",
            "<script>alert(1)</script> sanctions & sanctioned banks; no sanction relief.",
        ],
    }
)


@pytest.mark.parametrize(
    "pattern, pattern_type, expected",
    [
        ("security guarantee*", "glob", ["Security Guarantees", "security guarantee"]),  # not across ". "
        ("sanction*", "glob", ["sanctions", "sanctioned", "sanction"]),
        ("security guarantees", "phrase", ["Security Guarantees"]),
        ("sanction*", "phrase", []),
        (r"sanction(?:s|ed)?\b", "regex", ["sanctions", "sanctioned", "sanction"]),
    ],
)
def test_kwic_offsets_point_at_the_match(pattern, pattern_type, expected):
    lines = kw.match_kwic(KWIC_DOCS, pattern, pattern_type=pattern_type, window=3)
    assert lines["match"].tolist() == expected
    texts = KWIC_DOCS.set_index("doc_id")["text"]
    for row in lines.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.match


def test_kwic_context_and_sentence_ids():
    lines = kw.match_kwic(KWIC_DOCS, "security guarantee*", window=2)
    first, second = lines.iloc[0], lines.iloc[1]
    # context is `window` words each side, running across sentences, whitespace collapsed
    assert (first["doc_id"], first["sent_id"], first["left"], first["right"]) == (
        "k1",
        0,
        "Allies discussed",
        ". The security",
    )
    # a line break ends a sentence (corpus_tools.split_sentences): the second match is in sentence 1
    assert (second["sent_id"], second["left"], second["right"]) == (1, "Guarantees. The", "talks ended")


def test_kwic_sorts_by_context_within_each_pattern():
    lines = kw.match_kwic(KWIC_DOCS, ["sanction*", "banks"], window=1, sort_by="right")
    assert lines["pattern"].tolist() == ["sanction*"] * 3 + ["banks"]
    assert lines["right"].tolist()[:3] == sorted(lines["right"].tolist()[:3], key=str.lower)
    by_left = kw.match_kwic(KWIC_DOCS, "sanction*", window=1, sort_by="left")
    # sorted on the nearest word first: "& sanctions" < "no" < "script>"
    assert by_left["left"].tolist() == ["sanctions &", "no", "script>"]


def test_kwic_anchor_is_unique_and_safe():
    anchors = {kw.make_kwic_anchor(t) for t in ["a b", "a_b", "a-b", "A B", "é"]}
    assert len(anchors) == 5 and all(a.isascii() and " " not in a for a in anchors)


def test_kwic_labels_and_term_patterns():
    patterns = {t: kw.make_term_pattern(t, stemmed=True) for t in ["secur_guarante", "sanction"]}
    lines = kw.match_kwic(KWIC_DOCS, patterns)
    assert lines["pattern"].value_counts().to_dict() == {"secur_guarante": 2, "sanction": 3}


# ---- the previous implementation, kept to compare with


def _old_matching_forms(
    word: str, vocabulary: Mapping[str, list[str]], *, pattern_type: str, case_sensitive: bool
) -> frozenset[str]:
    """The token forms of the corpus that one pattern word matches (``vocabulary``: lower
    case -> forms as written)."""
    import fnmatch

    literal = pattern_type == "phrase" or not any(c in word for c in "*?[")
    if literal:
        forms = vocabulary.get(word.lower(), [])
        return frozenset(f for f in forms if f == word) if case_sensitive else frozenset(forms)
    rx = re.compile(fnmatch.translate(word), 0 if case_sensitive else re.IGNORECASE)
    return frozenset(f for forms in vocabulary.values() for f in forms if rx.match(f))


def _old_token_matches(
    text: str, spans: np.ndarray, forms: list[str], index: Mapping[str, list[int]], words: list[frozenset[str]]
) -> list[tuple[int, int]]:
    """Spans where consecutive tokens match ``words`` (sets of forms), within a sentence."""
    k, n = len(words), len(forms)
    first = words[0] if len(words[0]) < len(index) else [f for f in index if f in words[0]]
    found = []
    for i in sorted(i for f in first if f in index for i in index[f]):
        if i + k > n or not all(forms[i + j] in words[j] for j in range(1, k)):
            continue
        if k == 1 or not any(_BREAK_RE.search(text, spans[i + j, 1], spans[i + j + 1, 0]) for j in range(k - 1)):
            found.append((int(spans[i, 0]), int(spans[i + k - 1, 1])))
    return found


def _old_tokenize_text(text: str) -> tuple[np.ndarray, list[str]]:
    """Token spans and forms of one text."""
    matches = list(TOKEN_RE.finditer(text))
    return np.array([m.span() for m in matches], dtype=np.int64).reshape(-1, 2), [m.group() for m in matches]


def _old_read_vocabulary(texts: list[str]) -> dict[str, list[str]]:
    """Every word form of the texts by its lower case (one pass, nothing kept per text)."""
    vocabulary: dict[str, set[str]] = {}
    for text in texts:
        for form in set(TOKEN_RE.findall(text)):
            vocabulary.setdefault(form.lower(), set()).add(form)
    return {low: sorted(forms) for low, forms in vocabulary.items()}


def _previous_match_kwic(corpus, pattern, *, window=6, pattern_type="glob", sort_by=None, case_sensitive=False):
    """The previous implementation: the vocabulary of every text, then every text tokenised."""
    from corpus_tools.keywords.concordance import _context, _sort_kwic
    from corpus_tools.segment import split_text_sentences

    labelled = (
        dict(pattern)
        if isinstance(pattern, dict)
        else {p: p for p in ([pattern] if isinstance(pattern, str) else pattern)}
    )
    texts = [t if isinstance(t, str) else "" for t in corpus["text"]]
    vocabulary = _old_read_vocabulary(texts) if pattern_type != "regex" else {}
    flags = 0 if case_sensitive else re.IGNORECASE
    if pattern_type == "regex":
        compiled = {label: re.compile(p, flags) for label, p in labelled.items()}
    else:
        compiled = {
            label: [
                _old_matching_forms(w, vocabulary, pattern_type=pattern_type, case_sensitive=case_sensitive)
                for w in p.split()
            ]
            for label, p in labelled.items()
        }
    rows = []
    for doc_id, text in zip(corpus["doc_id"], texts):
        spans, forms = _old_tokenize_text(text)
        index = {}
        for i, form in enumerate(forms):
            index.setdefault(form, []).append(i)
        starts = None
        for label, rx in compiled.items():
            found = (
                [m.span() for m in rx.finditer(text) if m.end() > m.start()]
                if pattern_type == "regex"
                else _old_token_matches(text, spans, forms, index, rx)
            )
            if found and starts is None:
                starts = np.array([s for s, _, _ in split_text_sentences(text)], dtype=np.int64)
            for span in found:
                sent_id = max(int(np.searchsorted(starts, span[0], side="right")) - 1, 0)
                rows.append((doc_id, sent_id, label, span[0], span[1], *_context(text, spans, span, window)))
    table = pd.DataFrame(rows, columns=kw.KWIC_COLUMNS).astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    return _sort_kwic(table, sort_by, list(labelled)).reset_index(drop=True)


TRICKY_DOCS = pd.DataFrame(
    {
        "doc_id": ["t1", "t2", "t3", "t4", "t5", "t6"],
        "text": [
            "İstanbul talks: the İSTANBUL round. Istanbul again.",
            "ΟΔΟΣ and οδος; Zürich, ZÜRICH and zürich-based banks.",
            "Well-known sanctions. Known allies, unknown costs. KNOWN.",
            None,
            "Peace\nTalks began; peace talks ended. Peace-talks later.",
            "Nothing relevant here, only peacetime and talkshow.",
        ],
    }
)
KWIC_CASES = [  # (pattern, pattern_type, case_sensitive, sort_by)
    ({"istanbul": "i̇stanbul", "zürich": "zürich", "οδος": "οδος"}, "glob", False, None),
    (["known", "peace talks", "sanction*"], "glob", False, "left"),
    (["Known", "Peace talks"], "phrase", True, None),
    (["*known", "?eace"], "glob", False, "right"),
    (["peace*", "[zZ]ürich"], "glob", True, "match"),
    ([r"peace\W+talks", r"\bknown\b"], "regex", False, None),
]


@pytest.fixture(scope="module")
def kwic_corpora():
    import numpy as np

    import corpus_tools as ct

    rng = np.random.default_rng(3)
    words = ["Peace", "peace", "talks", "Talks", "known", "sanctions", "Zürich", "the", "of", "İstanbul", "ΟΔΟΣ"]
    generated = pd.DataFrame(
        {
            "doc_id": [f"g{i}" for i in range(200)],
            "text": [
                "".join(w + str(rng.choice([" ", ". ", "\n", ", "])) for w in rng.choice(words, 30)) for _ in range(200)
            ],
        }
    )
    return {
        "seeds": ct.load_corpus(ct.config.SEEDS_DIR),
        "tricky": TRICKY_DOCS,
        "fixture": KWIC_DOCS,
        "generated": generated,
    }


@pytest.mark.parametrize("corpus_name", ["seeds", "tricky", "fixture", "generated"])
@pytest.mark.parametrize(("pattern", "pattern_type", "case_sensitive", "sort_by"), KWIC_CASES)
def test_match_kwic_equals_the_previous_implementation(
    kwic_corpora, corpus_name, pattern, pattern_type, case_sensitive, sort_by
):
    corpus = kwic_corpora[corpus_name]
    options = {"pattern_type": pattern_type, "case_sensitive": case_sensitive, "sort_by": sort_by, "window": 4}
    expected = _previous_match_kwic(corpus, pattern, **options)
    got = kw.match_kwic(corpus, pattern, **options)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


def test_match_kwic_equals_the_previous_implementation_on_key_terms_of_the_seeds(kwic_corpora):
    seeds = kwic_corpora["seeds"]
    terms = kw.select_key_terms(kw.compare_keyness(seeds, top_n=50), top_n=5)["term"].drop_duplicates().tolist()
    patterns = {t: kw.make_term_pattern(t) for t in terms}
    expected = _previous_match_kwic(seeds, patterns, window=8)
    assert len(expected) > 20
    pd.testing.assert_frame_equal(kw.match_kwic(seeds, patterns, window=8), expected, check_exact=True)


@pytest.mark.parametrize(
    ("patterns", "pattern_type", "case_sensitive", "texts", "expected"),
    [
        (
            ["sa"],
            "glob",
            False,
            ["SA talks", "said", "visa", "12sa", "x_sa", "sa_x", "\u00a3sa", "\u4e2dsa"],
            [True, False, False, True, True, False, True, True],
        ),
        (["Sa"], "phrase", True, ["SA", "Sa.", "sa", "\u00e9 Sa"], [False, True, False, True]),
        (["guarante*"], "glob", False, ["Guarantees", "unguaranteed", "GUARANTE"], [True, False, True]),
        (["u.s."], "glob", False, ["the U.S.A", "us"], [True, False]),
        (["z\u00fcrich"], "glob", False, ["Z\u00dcRICH", "zurich"], [True, False]),
        (["*x"], "glob", False, ["anything"], [True]),
    ],
)
def test_the_fast_prefilter_agrees_with_the_search(patterns, pattern_type, case_sensitive, texts, expected):
    from corpus_tools.keywords.concordance import _compile_prefilter, _Prefilter

    can_match = _Prefilter(patterns, pattern_type=pattern_type, case_sensitive=case_sensitive)
    rx = _compile_prefilter(patterns, pattern_type=pattern_type, case_sensitive=case_sensitive)
    assert [can_match(t) for t in texts] == expected
    assert [rx is None or bool(rx.search(t)) for t in texts] == expected
    assert can_match.select(pd.Series(texts)).tolist() == expected  # one search over the column


def test_the_prefilter_never_misses_a_case_variant():
    from corpus_tools.keywords.concordance import _compile_prefilter

    rx = _compile_prefilter(["i̇stanbul", "οδος", "straße"], pattern_type="phrase", case_sensitive=False)
    for text in ["İSTANBUL", "İstanbul", "ΟΔΟΣ", "Οδος", "STRAẞE"]:
        assert rx.search(text), text
    assert (
        not rx.search("nothing here")
        and _compile_prefilter(["*ing"], pattern_type="glob", case_sensitive=False) is None
    )


_ALPHABET = list("abcAB1 .,-'\u2019\u00a3\u2014\u201c\u00e9\u00c9\u4e2d\u0301_\n%") + ["sa", "SA", "u.s.", " ", "12"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_ALPHABET), max_size=25).map("".join), min_size=1, max_size=4),
    st.lists(
        st.sampled_from(["sa", "Sa", "ab*", "a", "b a", "\u00e9a", "u.s.", "12", "*b", "c?"]), min_size=1, max_size=3
    ),
    st.booleans(),
)
def test_match_kwic_equals_the_previous_implementation_on_any_text(texts, patterns, case_sensitive):
    """Random texts of letters (accented, Han, a combining mark), digits, joiners, breaks and symbols."""
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    for pattern_type in ("glob", "phrase"):
        options = {"pattern_type": pattern_type, "case_sensitive": case_sensitive, "window": 2}
        expected = _previous_match_kwic(corpus, patterns, **options)
        pd.testing.assert_frame_equal(kw.match_kwic(corpus, patterns, **options), expected, check_exact=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("ab Z9.,;:-'\n%_")
            + list(
                "\u00a3\u20ac\u00a5\u00a2\u00a9\u00ae\u00b0\u00b1\u00d7\u00f7\u00a7\u00b6\u00b7\u00ab\u00bb\u201c\u201d\u201e"
                "\u2018\u201a\u2039\u203a\u2013\u2014\u2015\u2026\u2022\u2020\u2021\u2032\u2033\u00a0\u2002\u2003\u2007"
                "\u2008\u2009\u200a\u202f"
            )
        ),
        max_size=40,
    ).map("".join)
)
def test_separators_replaced_by_spaces_give_the_same_tokens_at_the_same_offsets(text):
    from corpus_tools.keywords.counts import _ASCII_SEGMENT_RE, _SEGMENT_RE, _SEPARATORS, _as_ascii
    from corpus_tools.tokens import _ASCII_TOKEN_RE

    swapped = _as_ascii(text)
    assert swapped.isascii() and len(swapped) == len(text)
    assert [m.span() for m in _ASCII_TOKEN_RE.finditer(swapped)] == [m.span() for m in TOKEN_RE.finditer(text)]
    assert [m.group() for m in _ASCII_TOKEN_RE.finditer(swapped)] == TOKEN_RE.findall(text)
    assert _ASCII_SEGMENT_RE.findall(swapped) == _SEGMENT_RE.findall(text)
    assert all(not re.match(r"\w", c) and c not in ".!?;:\n'\u2019-" for c in _SEPARATORS)


_FOLDED = [*_ALPHABET, "\u017f", "\u0131", "\u0130", "\u212a", "k", "K", "i", "I", "s", "\u00a0", "\u2009"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_FOLDED), max_size=25).map("".join), min_size=1, max_size=6),
    st.lists(
        st.sampled_from(["sa", "Sa", "ki*", "is", "s?", "k a", "i", "u.s.", "12", "a_b", "ab-c"]),
        min_size=1,
        max_size=3,
    ),
    st.booleans(),
)
def test_the_column_prefilter_keeps_every_text_the_search_keeps(texts, patterns, case_sensitive):
    """Texts with the characters two cases of an ASCII letter fold to (long s, Kelvin sign, dotted and dotless i)."""
    from corpus_tools.keywords.concordance import _Prefilter

    for pattern_type in ("glob", "phrase"):
        can_match = _Prefilter(patterns, pattern_type=pattern_type, case_sensitive=case_sensitive)
        kept = can_match.select(pd.Series(texts, dtype=object))
        assert all(kept[i] for i, t in enumerate(texts) if can_match(t))
        corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
        options = {"pattern_type": pattern_type, "case_sensitive": case_sensitive, "window": 2}
        expected = _previous_match_kwic(corpus, patterns, **options)
        pd.testing.assert_frame_equal(kw.match_kwic(corpus, patterns, **options), expected, check_exact=True)


def test_the_column_prefilter_takes_a_text_that_is_not_utf8():
    from corpus_tools.keywords.concordance import _Prefilter

    can_match = _Prefilter(["sa"], pattern_type="glob", case_sensitive=False)
    assert can_match.select(pd.Series(["sa \udc80", "visa", 3, None], dtype=object)).tolist() == [
        True,
        False,
        False,
        False,
    ]
