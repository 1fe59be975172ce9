"""Competing names (corpus_tools.framing.naming)."""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools import framing
from corpus_tools.dictionaries import DictionaryError


def test_naming_overlaps_within_concept_count_once_and_rates_per_10000(make_sents):
    sents = make_sents(
        "The coalition of the willing and the coalition met in Kyiv.", "Peacekeepers and peacekeeping force."
    )
    hits = framing.match_naming(sents)
    names = list(zip(hits["concept"], hits["name"]))
    assert names.count(("the states offering support", "coalition of the willing")) == 1
    assert names.count(("the states offering support", "coalition")) == 1
    assert names.count(("the proposed force in Ukraine", "peacekeeping force")) == 2
    table = framing.count_naming(sents).set_index("name")
    words = ct.segment.count_words(" ".join(sents["text"]))
    assert table.loc["coalition", "n_words"] == words == 15
    assert table.loc["Kyiv", "per_10k"] == pytest.approx(10_000 / 15)
    assert table.loc["Kyiv", "share_of_concept"] == 1.0 and table.loc["Kiev", "hits"] == 0


def test_read_naming_errors_name_the_problem(tmp_path):
    bad = tmp_path / "names.yml"
    bad.write_text("concepts:\n  the war:\n    war: war\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="the war.*war.*list"):
        framing.read_naming(bad)
    with pytest.raises(DictionaryError, match="not found"):
        framing.read_naming("no_such_file")
