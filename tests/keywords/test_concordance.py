"""Concordance: offsets point at the match, context, sentence ids, sorting, patterns and anchors."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import keywords as kw

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
