"""Duplicates: exact copies, wire copy with a changed byline or last paragraph, different stories on one event."""

from __future__ import annotations

import random
import warnings
import zlib

import numpy as np
import pandas as pd
import pytest
from datasketch import MinHash

from corpus_tools.clean import duplicates
from corpus_tools.clean.duplicates import (
    DUPLICATE_COLUMNS,
    attach_duplicates,
    hash_minhash,
    hash_text,
    list_duplicates,
    match_duplicates,
    split_shingles,
)

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


# -- signatures, generated corpora, memory --------------------------------------------------------------------------

SYLLABLES = ["ka", "lo", "mer", "tu", "vin", "sa", "pel", "dro", "fi", "gan", "hu", "zel", "no", "bri", "tas", "wu"]


def _vocabulary(n: int, rng: random.Random) -> list[str]:
    return sorted({"".join(rng.choices(SYLLABLES, k=3)) for _ in range(n)})


def _generated(n: int, *, seed: int = 3, exact: int = 8, near: int = 8, words: tuple[int, int] = (200, 400)):
    """``n`` invented stories, then ``exact`` copies differing in case and punctuation and ``near``
    copies with a new three-word byline (Jaccard about 0.97), each of a different story, in shuffled ids."""
    rng = random.Random(seed)
    vocab = _vocabulary(3000, rng)
    texts = [" ".join(rng.choices(vocab, k=rng.randint(*words))) + "." for _ in range(n)]
    sources = rng.sample(range(n), exact + near)
    texts += [texts[i].upper().replace(" ", ", ", 3) for i in sources[:exact]]
    texts += ["By " + " ".join(rng.choices(vocab, k=2)) + ". " + texts[i] for i in sources[exact:]]
    texts += ["", "  ...  "]  # never duplicates
    ids = [f"g{i:04d}" for i in rng.sample(range(len(texts)), len(texts))]
    return pd.DataFrame({"doc_id": ids, "text": texts})


def _reference_duplicates(docs: pd.DataFrame) -> pd.DataFrame:
    """The duplicate table by comparing every pair: equal normalised text, or shingle Jaccard >= 0.8."""
    docs = docs.sort_values("doc_id").reset_index(drop=True)
    ids, texts = docs["doc_id"].tolist(), docs["text"].tolist()
    sets = [split_shingles(t) for t in texts]
    hashes = [hash_text(t) for t in texts]
    group = list(range(len(ids)))
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            same = hashes[i] and hashes[i] == hashes[j]
            if same or (sets[i] and sets[j] and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= 0.8):
                old, new = group[j], group[i]
                group = [new if g == old else g for g in group]
    rows = []
    roots = sorted({g for g in group if group.count(g) > 1})
    for number, root in enumerate(roots, start=1):
        rows.append([ids[root], number, None, 1.0, "kept"])
        for i in (i for i in range(len(ids)) if group[i] == root and i != root):
            exact = hashes[i] == hashes[root]
            similarity = 1.0 if exact else round(len(sets[i] & sets[root]) / len(sets[i] | sets[root]), 3)
            rows.append([ids[i], number, ids[root], similarity, "exact" if exact else "near"])
    return pd.DataFrame(rows, columns=DUPLICATE_COLUMNS, dtype=object)


@pytest.mark.parametrize("seed", [3, 11])
def test_a_generated_corpus_gives_the_table_of_comparing_every_pair(seed):
    docs = _generated(150, seed=seed)
    table = match_duplicates(docs)
    expected = _reference_duplicates(docs)
    assert (table["kind"] == "exact").sum() == 8 and (table["kind"] == "near").sum() == 8  # every planted copy
    assert table.values.tolist() == expected.values.tolist() and list(table.columns) == list(expected.columns)


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("byline changed", WIRE.replace("By Anna Keller (Reuters)", "From our correspondent in Brussels")),
        ("last paragraph changed", WIRE.rsplit("\n\n", 1)[0] + "\n\nThis story was updated at 10:00 GMT."),
        ("a different story", REWRITE),
        ("half the story", "\n\n".join(SENTENCES)),
    ],
)
def test_hash_minhash_is_datasketch_minhash_of_the_shingles_and_estimates_jaccard(name, other):
    for text in (WIRE, other):
        reference = MinHash(num_perm=128, seed=1, hashfunc=zlib.crc32)
        reference.update_batch([s.encode("utf-8") for s in split_shingles(text)])
        assert np.array_equal(hash_minhash(text), reference.hashvalues)
    estimate = float((hash_minhash(WIRE) == hash_minhash(other)).mean())
    assert abs(estimate - _pair_similarity(WIRE, other)) < 0.15  # standard error at 128 permutations <= 0.045


@pytest.mark.parametrize("at_once", [duplicates.SIGNED_AT_ONCE, 7])
def test_supplied_signatures_give_the_table_of_computed_ones(monkeypatch, at_once):
    monkeypatch.setattr(duplicates, "SIGNED_AT_ONCE", at_once)
    docs = _generated(80, seed=5)
    computed = match_duplicates(docs)
    cache = {t: hash_minhash(t) for t in docs["text"]}
    asked: list[list[str]] = []

    def signer(texts):
        asked.append(list(texts))
        return [cache[t] for t in texts]

    def refuse(*args, **kwargs):
        raise AssertionError("a signature was computed although the signer gives them")

    monkeypatch.setattr(duplicates, "hash_minhash", refuse)
    pd.testing.assert_frame_equal(match_duplicates(docs, signer=signer), computed)
    distinct = {hash_text(t) for t in docs["text"]} - {""}
    assert sum(map(len, asked)) == len(distinct) == 80 + 8  # one text per group of exact copies
    assert max(map(len, asked)) == min(at_once, 88)  # asked at most ``SIGNED_AT_ONCE`` at a time
    out = attach_duplicates(docs, signer=signer)
    assert out["duplicate_of"].notna().sum() == 16


@pytest.mark.parametrize(
    ("name", "signer", "message"),
    [
        ("one too few", lambda texts: [hash_minhash(t) for t in texts][1:], "signature\\(s\\) for 3 text"),
        ("wrong length", lambda texts: [hash_minhash(t, num_perm=64) for t in texts], "not \\(128,\\)"),
    ],
)
def test_a_signer_giving_wrong_signatures_is_refused(name, signer, message):
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["One two three.", "Four five six.", "Seven eight."]})
    with pytest.raises(ValueError, match=message):
        match_duplicates(docs, signer=signer)


def test_match_duplicates_holds_a_bounded_number_of_shingle_sets(monkeypatch):
    """Shingle sets are built for candidate pairs only and at most ``SHINGLE_SETS_KEPT`` (+2 being
    compared) are alive at once, however many documents are compared."""
    live = {"now": 0, "most": 0, "made": 0}

    class Counted(set):
        def __init__(self, items):
            super().__init__(items)
            live["now"] += 1
            live["made"] += 1
            live["most"] = max(live["most"], live["now"])

        def __del__(self):
            live["now"] -= 1

    kept = duplicates.SHINGLE_SETS_KEPT
    docs = _generated(3 * kept, seed=7, exact=0, near=3 * kept, words=(60, 90))
    expected = match_duplicates(docs)
    real = duplicates.split_shingles
    monkeypatch.setattr(duplicates, "split_shingles", lambda text, size=5: Counted(real(text, size=size)))
    table = match_duplicates(docs)
    pd.testing.assert_frame_equal(table, expected)
    assert len(table) == 6 * kept  # every story has its near copy: 2 * 3 * kept documents compared
    assert live["made"] >= 6 * kept > kept + 2  # more sets were needed than may be kept at once
    assert live["most"] <= kept + 2
    assert live["now"] == 0  # none is kept after the call


def test_list_duplicates_of_loaded_documents_compares_only_their_clusters(monkeypatch):
    docs = _generated(120, seed=13).assign(status="ok", title=lambda d: d["doc_id"].str.upper())
    loaded = attach_duplicates(docs)
    expected = list_duplicates(loaded.drop(columns=["duplicate_of"]))  # every document compared
    signed: list[str] = []
    real = duplicates.hash_minhash
    monkeypatch.setattr(
        duplicates, "hash_minhash", lambda text, **options: signed.append(text) or real(text, **options)
    )
    table = list_duplicates(loaded)
    pd.testing.assert_frame_equal(table, expected)
    assert len(table) == 32 and len(signed) == 8 + 8 * 2  # a text per exact cluster, two per near one
