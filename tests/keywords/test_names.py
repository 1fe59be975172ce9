"""Names counted from capitalisation (count_names) and the actor list made of them."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import keywords as kw
from corpus_tools.dictionaries import match_actors, read_dictionary


def _names(*texts: str) -> dict[str, int]:
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    table = kw.count_names(docs, top_n=None)
    return dict(zip(table["name"], table["n"]))


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # the first word of a sentence is capitalised anyway
        (["Shares rose sharply. Profits fell."], {}),
        # a name inside a sentence; a title taken off ("Mr Blair" counts for "Tony Blair")
        (["Voters heard Tony Blair speak. Later Mr Blair left."], {"Tony Blair": 2}),
        # joining words between capitals, a leading "The" and a possessive dropped
        (
            ["Rates were set by the Bank of England. Traders watched The Bank of England's decision."],
            {"Bank of England": 2},
        ),
        # days and months are not names
        (["Results came on Monday in March and United won."], {"United": 1}),
        # a run opening a sentence counts whole when it is a name elsewhere, else without its first word
        (["Acme Corp said so. Analysts like Acme Corp."], {"Acme Corp": 2}),
        (["Yesterday Gordon Brown spoke."], {"Gordon Brown": 1}),
        # "and" and "for" separate names instead of joining them
        (
            ["Leaders of the UK and US met Chicago officials. Fans in Chicago and Athens cheered."],
            {"UK": 1, "US": 1, "Chicago": 2, "Athens": 1},
        ),
        # a rare phrase ending in a frequent word does not absorb it; a name used often does
        (
            [" ".join(["Officials in the US said so."] * 12) + " A Moscow-based US firm left."],
            {"US": 12, "Moscow-based US": 1},
        ),
        # acronyms count; "I" does not
        (["Fans said the BBC and I agreed."], {"BBC": 1}),
    ],
)
def test_names_from_capitalisation(texts, expected):
    assert _names(*texts) == expected


def test_counts_documents_sorts_and_keeps_top_n():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": [
                "Fans cheered as Real Madrid won. Coaches praised Real Madrid again.",
                "Fans cheered Real Madrid. Reporters asked Carlo Ancelotti.",
                "Reporters asked Carlo Ancelotti about Real Madrid.",
            ],
        }
    )
    table = kw.count_names(docs, top_n=1)
    assert table.values.tolist() == [["Real Madrid", 4, 3, "Real Madrid"]]
    assert kw.count_names(docs, min_docs=3, top_n=None)["name"].tolist() == ["Real Madrid"]
    assert kw.count_names(pd.DataFrame({"doc_id": ["a"], "text": ["all lower case."]})).empty


def test_actor_list_from_names_reads_and_matches(tmp_path, make_sents):
    names = pd.DataFrame(
        {
            "name": ["Tony Blair", "Bank of England"],
            "n": [3, 1],
            "n_docs": [2, 1],
            "forms": ["Tony Blair; Blair", "Bank of England"],
        }
    )
    path = kw.write_actor_list(names, tmp_path / "sub" / "actors.yml")
    actors = read_dictionary(path)
    assert actors.category_names == ["Tony Blair", "Bank of England"]
    sents = make_sents("Blair spoke to the Bank of England.", "Nobody else.")
    hits = match_actors(sents, actors)
    assert sorted(hits["category"]) == ["Bank of England", "Tony Blair"]


def _count_names_before(docs, sentences, top_n=30):
    """The previous implementation: each run of capitals worked out again every time it occurs."""
    from corpus_tools.keywords.names import _NAME, NAME_COLUMNS, _clean_word, _merge_surnames, _trim
    from corpus_tools.shipped import read_word_list

    stop = read_word_list("name_stopwords.txt")

    def names_in(text):
        lead = len(text) - len(text.lstrip(" \t\"'“‘([-—"))
        out = []
        for match in _NAME.finditer(text):
            words = [_clean_word(w) for w in match.group().split()]
            name = _trim(words, stop)
            if match.start() == lead:
                out.append((name if len(words) > 1 else "", _trim(words[1:], stop) or "\0"))
            elif name:
                out.append((name, ""))
        return out

    found = [(doc, *pair) for doc, text in zip(sentences["doc_id"], sentences["text"]) for pair in names_in(text)]
    inside = {name for _, name, fallback in found if not fallback}
    rows = [(doc, name if not fallback or name in inside else fallback) for doc, name, fallback in found]
    rows = [(doc, name) for doc, name in rows if name != "\0"]
    found = pd.DataFrame(rows, columns=["doc_id", "name"])
    per_form = found.groupby("name").size().rename("n").reset_index()
    canonical = _merge_surnames(per_form).set_index("name")["canonical"]
    found["canonical"] = found["name"].map(canonical)
    table = found.groupby("canonical").agg(
        n=("name", "size"),
        n_docs=("doc_id", "nunique"),
        forms=("name", lambda s: "; ".join(s.value_counts(sort=True).index)),
    )
    table = table.reset_index().rename(columns={"canonical": "name"})
    table = table.sort_values(["n", "n_docs", "name"], ascending=[False, False, True], ignore_index=True)
    return (table.head(top_n) if top_n else table).reset_index(drop=True)[NAME_COLUMNS]


@pytest.mark.parametrize("top_n", [30, None])
def test_count_names_equals_the_previous_implementation(top_n, seeds_corpus, seeds_sentences):
    from tests.framing.conftest import make_generated_corpus

    docs, sentences, _ = make_generated_corpus(seeds_sentences)
    for corpus, sents in ((seeds_corpus, seeds_sentences), (docs, sentences)):
        new = kw.count_names(corpus, sentences=sents, top_n=top_n)
        pd.testing.assert_frame_equal(new, _count_names_before(corpus, sents, top_n=top_n))
        assert len(new) > 5
