"""Duplicates: exact copies, wire copy with a changed byline or last paragraph, different stories on one event."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from corpus_tools.clean.duplicates import attach_duplicates, hash_text, match_duplicates, split_shingles

SENTENCES = [
    "The finance ministers of the euro area agreed on Monday to release the next loan tranche to Athens.",
    "The decision came after eleven hours of talks in Brussels that ended shortly before dawn.",
    "Officials said the money would be paid in two parts, the first of them before the end of the month.",
    "Greece had warned that it could run out of cash to pay pensions and salaries by early summer.",
    "The agreement requires the government to pass a package of tax and pension reforms this week.",
    "Opposition parties in Athens criticised the conditions and called for protests outside parliament.",
    "Markets rose in early trading as investors welcomed the end of months of uncertainty.",
    "The yield on ten-year Greek bonds fell to its lowest level since the start of the year.",
    "The International Monetary Fund said it would decide on its own contribution at a later date.",
    "German officials stressed that any debt relief would only be discussed once the programme ends.",
    "The head of the euro group described the talks as difficult but constructive in a press conference.",
    "Ministers will meet again next month to review progress on the reforms and the privatisation fund.",
]
WIRE = "By Anna Keller (Reuters)\n\n" + "\n\n".join(SENTENCES * 2)
REWRITE = "\n\n".join(
    [
        "Athens will get its next loan payment, euro area finance ministers decided after a night in Brussels.",
        "The eleven-hour meeting on Monday ended before dawn with an agreement on the loan tranche for Greece.",
        "According to officials, two payments are planned and the first arrives before the month is over.",
        "Without the money, the Greek government said, pensions and salaries could not be paid by the summer.",
        "In return, parliament in Athens must vote this week on tax and pension reforms, the ministers said.",
        "Protests outside parliament were called by opposition parties, which rejected the conditions.",
        "Investors welcomed the news: shares rose and Greek ten-year bond yields dropped to a yearly low.",
        "The IMF will announce later whether it contributes, and Berlin ruled out debt relief for now.",
    ]
    * 2
)


def _pair_similarity(a: str, b: str) -> float:
    sa, sb = split_shingles(a), split_shingles(b)
    return len(sa & sb) / len(sa | sb)


@pytest.mark.parametrize(
    ("name", "copy", "kind"),
    [
        ("exact copy", WIRE, "exact"),
        ("case, spacing and punctuation only", WIRE.upper().replace("\n\n", " ").replace(",", " ,"), "exact"),
        ("byline changed", WIRE.replace("By Anna Keller (Reuters)", "From our correspondent in Brussels"), "near"),
        ("last paragraph changed", WIRE.rsplit("\n\n", 1)[0] + "\n\nThis story was updated at 10:00 GMT.", "near"),
        (
            "byline and last paragraph changed",
            "Staff and agencies\n\n" + WIRE.split("\n\n", 1)[1].rsplit("\n\n", 1)[0] + "\n\nMore to follow.",
            "near",
        ),
    ],
)
def test_a_copy_of_a_wire_story_is_found(name, copy, kind):
    docs = pd.DataFrame({"doc_id": ["wire", "copy"], "text": [WIRE, copy]})
    table = match_duplicates(docs)
    assert table[["doc_id", "duplicate_of", "kind"]].values.tolist() == [["copy", None, "kept"], ["wire", "copy", kind]]
    if kind == "near":
        assert 0.8 <= table["similarity"].iloc[1] < 1.0


def test_two_different_stories_on_the_same_event_are_not_duplicates():
    assert _pair_similarity(WIRE, REWRITE) < 0.1  # measured: the threshold 0.8 is far from both sides
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [WIRE, REWRITE]})
    assert match_duplicates(docs).empty


def test_the_threshold_separates_the_constructed_pairs():
    """The figures behind the default threshold 0.8: near copies >= 0.85, different stories < 0.1."""
    byline = WIRE.replace("By Anna Keller (Reuters)", "From our correspondent in Brussels")
    last = WIRE.rsplit("\n\n", 1)[0] + "\n\nThis story was updated at 10:00 GMT."
    assert _pair_similarity(WIRE, byline) >= 0.85 and _pair_similarity(WIRE, last) >= 0.85
    assert _pair_similarity(WIRE, REWRITE) < 0.1


def test_clusters_keep_the_first_doc_id_and_number_clusters_in_order():
    other = "\n\n".join(reversed(SENTENCES)) + " " + "\n\n".join(SENTENCES[:6])
    docs = pd.DataFrame(
        {
            "doc_id": ["d", "c", "b", "a", "e", "f"],
            "text": [WIRE, other, WIRE, other, "", ""],
        }
    )
    table = match_duplicates(docs)
    assert table[["doc_id", "cluster", "duplicate_of", "kind"]].values.tolist() == [
        ["a", 1, None, "kept"],
        ["c", 1, "a", "exact"],
        ["b", 2, None, "kept"],
        ["d", 2, "b", "exact"],
    ]  # empty texts (e, f) are never duplicates


def test_hash_text_ignores_case_punctuation_and_unicode_form():
    assert hash_text("Caf\u00e9 au lait!") == hash_text("CAFE\u0301 AU LAIT")
    assert hash_text("one two") != hash_text("two one")


def test_attach_duplicates_logs_each_copy_and_ignores_stubs():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "s1", "s2"],
            "text": [WIRE, WIRE, "Subscribe to read", "Subscribe to read"],
            "status": ["ok", "ok", "stub: paywall", "stub: paywall"],
        }
    )
    log: list[dict] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = attach_duplicates(docs, log=log)
    assert out["duplicate_of"].tolist() == [None, "a", None, None]
    assert log == [
        {
            "source": "document 'b'",
            "issue": "exact duplicate of 'a' (shingle similarity 1.00)",
            "action": "load_corpus uses one copy (the first by doc_id); keep_duplicates=True keeps every copy",
        }
    ]
    assert len(caught) == 1 and "document 'b'" in str(caught[0].message)
