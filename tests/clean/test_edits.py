"""Edits: the audit reconstructs the raw text exactly, on the seeds and on any page."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_tools as ct
from corpus_tools.clean import apply_edits, clean_text, restore_raw

BODY = (
    "Diplomats from thirty countries met in Paris on Tuesday to discuss the security of the region, "
    "according to officials who attended the talks.\n\n"
    "The meeting ended without an agreement, but the ministers said they would meet again next month "
    "and that the work of their teams would continue in the meantime.\n"
)


def test_seeds_audit_reconstructs_raw_exactly(seeds_corpus):
    audit = ct.clean_audit(seeds_corpus)
    for doc_id, raw, text in zip(seeds_corpus["doc_id"], seeds_corpus["raw_text"], seeds_corpus["text"]):
        rows = audit[audit["doc_id"] == doc_id]
        assert apply_edits(raw, rows) == text
        assert restore_raw(text, rows) == raw
        assert all(raw[s:e] == o for s, e, o in zip(rows["start"], rows["end"], rows["original"]))


_lines = st.sampled_from(
    [
        "Skip to content",
        "Home » News » Talks",
        "",
        "  ",
        "Read also:",
        "Latest",
        "close",
        "|---|---|",
        "| a | b |",
        "Keywords: x, y",
        "3 min read",
        "\u2022 item one",
        "Share",
        BODY.splitlines()[0],
        "Thank you for visiting our website.",
        "A heading",
        "A heading",
        "caf\u00c3\u00a9 au lait",
        "tab\there  x ",
        "- [World](https://example.org/world)",
        "See [the \u201creport\u201d](https://example.org/a b) here.",
        "[iv]",
        "Privacy Policy",
        "Contact Us",
        "Mar 3, 2025 | 9:05 AM",
        "We use cookies on our website; you accept them.",
        "\u00a9 2025 Site",
        # a whole article as one line, with a promotional sentence inside (cut, not the line)
        "Markets fell on Monday as investors weighed the news from the talks, officials said.  " * 5
        + "Sign up for our newsletter. The caf\u00c3\u00a9 closed.  ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_lines, max_size=14), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_audit_reconstructs_any_page(lines, newline, final_newline):
    raw = newline.join(lines) + (newline if final_newline else "")
    result = clean_text(raw)
    assert apply_edits(raw, result.edits) == result.text
    assert restore_raw(result.text, result.edits) == raw
    spans = sorted((e.start, e.end) for e in result.edits)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
