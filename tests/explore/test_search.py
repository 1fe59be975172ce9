import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.explore import build_search_index, count_hits, match_index
from corpus_tools.keywords import match_kwic


@pytest.fixture(scope="module")
def seeds():
    return ct.load_corpus(ct.config.SEEDS_DIR)


@pytest.fixture(scope="module")
def index(seeds):
    return build_search_index(seeds)


@pytest.mark.parametrize(
    ("query", "kind", "pattern"),
    [
        ("security", "glob", "security"),
        ("Guarant*", "glob", "Guarant*"),
        ("security guarantees", "glob", "security guarantees"),
        ("coalition of the willing", "phrase", "coalition of the willing"),
        ("/peace ?keep\\w*/", "regex", "peace ?keep\\w*"),
        ("nonexistentword", "glob", "nonexistentword"),
    ],
)
def test_search_gives_what_match_kwic_gives_on_the_whole_corpus(seeds, index, query, kind, pattern):
    found = match_index(index, seeds, query, pattern_type="auto" if kind != "phrase" else "phrase", max_lines=None)
    expected = match_kwic(seeds, pattern, pattern_type=kind)
    pd.testing.assert_frame_equal(found.lines, expected)
    per_doc = expected["doc_id"].value_counts()
    assert found.counts.set_index("doc_id")["hits"].to_dict() == {d: int(per_doc.get(d, 0)) for d in seeds["doc_id"]}
    assert found.hits == len(expected) and found.pattern_type == kind


def test_a_truncated_search_counts_everything_and_shows_the_first_lines(seeds, index):
    full = match_kwic(seeds, "the")
    found = match_index(index, seeds, "the", max_lines=25)
    assert found.truncated and found.hits == len(full) > 25
    pd.testing.assert_frame_equal(found.lines, full.head(25))
    assert "first 25 of" in found.notes[0]


def test_sorting_by_left_context_matches_match_kwic(seeds, index):
    found = match_index(index, seeds, "peace", sort_by="left", max_lines=500)
    pd.testing.assert_frame_equal(found.lines, match_kwic(seeds, "peace", sort_by="left"))


def test_hits_per_group_add_up(seeds, index):
    found = match_index(index, seeds, "ukrain*")
    by_doc = count_hits(found, seeds, by="doc_id")
    assert by_doc["hits"].sum() == found.hits and by_doc["documents_with_hits"].sum() == found.documents
    row = by_doc.iloc[0]
    assert row["per_10k"] == pytest.approx(row["hits"] / row["n_words"] * 10_000)


@pytest.mark.parametrize(("query", "message"), [("/([/", "not a valid regular expression"), ("  ", "type a word")])
def test_bad_queries_say_what_to_type(seeds, index, query, message):
    with pytest.raises(ValueError, match=message):
        match_index(index, seeds, query)


def test_an_index_of_another_corpus_is_refused(seeds, index):
    with pytest.raises(ValueError, match="rebuild it"):
        match_index(index, seeds.head(2), "peace")


def test_a_phrase_never_spans_a_sentence_break():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Peace talks. Talks peace; talks: peace talks", "talks peace"]})
    index = build_search_index(docs)
    for query in ("talks peace", "peace talk*", "talk* peac?"):
        found = match_index(index, docs, query, max_lines=None)
        expected = match_kwic(docs, query)
        assert found.hits == len(expected)
        pd.testing.assert_frame_equal(found.lines, expected)
    assert match_index(index, docs, "talks peace").counts["hits"].tolist() == [1, 1]
