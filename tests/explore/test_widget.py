import re

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.explore import Explorer
from corpus_tools.keywords import match_kwic


@pytest.fixture(scope="module")
def loaded():
    return ct.read_corpus(ct.config.SEEDS_DIR)


@pytest.fixture
def explorer(loaded):
    docs = loaded.documents[loaded.documents["status"] == "ok"].copy()
    docs["kind"] = ["long" if n > 800 else "short" for n in docs["n_words"]]
    ex = Explorer(docs, audit=loaded.audit, by="kind")
    _ = ex.widget
    return ex


def test_typing_a_query_shows_counts_lines_and_a_dispersion_strip(explorer):
    c = explorer.controls
    c["query"].value = "guarantee*"
    expected = match_kwic(explorer.docs, "guarantee*")
    assert f"{len(expected)} hits in {expected['doc_id'].nunique()} of 5 documents" in c["status"].value
    assert len(c["lines"].options) == min(len(expected), explorer.max_lines)
    assert "[guarantees]" in c["lines"].options[0][0]
    counts = explorer.tables["hits_by_group"].set_index("group")["hits"]
    kinds = explorer.docs.set_index("doc_id")["kind"]
    assert counts.to_dict() == expected["doc_id"].map(kinds).value_counts().to_dict()
    assert c["dispersion"].value.count("<line") == min(len(expected), 10_000)  # every match of the top documents
    c["sort"].value = "right context"
    rights = [r.lower() for r in explorer.tables["lines"]["right"]]
    assert rights == sorted(rights)


def test_clicking_a_line_opens_the_article_at_the_match(explorer):
    c = explorer.controls
    c["query"].value = "reassurance"
    line = explorer.tables["lines"].iloc[2]
    c["lines"].value = 2
    assert c["tabs"].selected_index == 1 and c["article"].value == line["doc_id"]
    match = re.search(r'<mark class="ct-query"[^>]*>([^<]*)</mark>', c["reader"].value)
    assert match and match.group(1) == line["match"]
    assert 'class="ct-frame"' in c["reader"].value  # frame cue words are marked
    assert "background:rgba(" in c["reader"].value  # sentences are tinted by tone


def test_the_edits_view_strikes_through_what_cleaning_removed(explorer, loaded):
    c = explorer.controls
    c["article"].value = loaded.documents["doc_id"].iloc[0]
    c["edits"].value = True
    html = c["reader"].value
    removed = loaded.audit[loaded.audit["doc_id"] == c["article"].value]
    assert html.count("<del ") == len(removed) > 0


def test_an_invalid_regex_is_reported_not_raised(explorer):
    explorer.controls["query"].value = "/([/"
    assert "not a valid regular expression" in explorer.controls["status"].value


def test_compare_shows_keyness_and_frame_salience_of_the_chosen_groups(explorer):
    c = explorer.controls
    c["compare_by"].value = "kind"
    assert set(c["groups"].options) == {"long", "short"}
    c["groups"].value = ("long",)
    c["compare"].click()
    keyness = explorer.tables["keyness"]
    assert len(keyness) == 20 and (keyness["g2"].diff().dropna() <= 0).all()
    assert keyness["term"].iloc[0] in c["keyness"].value
    assert set(explorer.tables["frame_salience"]["group"]) == {"long"}


def test_every_view_exports_as_csv(explorer, tmp_path):
    explorer.controls["query"].value = "peace"
    paths = explorer.export(tmp_path)
    names = {p.name for p in paths}
    assert {"explore_lines.csv", "explore_hits_by_group.csv", "explore_hits_by_document.csv"} <= names
    assert len(pd.read_csv(tmp_path / "tables" / "explore_lines.csv")) == len(explorer.tables["lines"])


def test_markup_in_corpus_text_stays_text():
    docs = pd.DataFrame(
        {"doc_id": ["x"], "title": ["<script>alert(1)</script>"], "text": ["Peace <img src=x onerror=alert(1)> talks."]}
    )
    ex = Explorer(docs)
    _ = ex.widget
    ex.controls["query"].value = "peace"
    html = ex.read_article("x", query_spans=[(0, 5)])
    assert "<script>" not in html and "<img" not in html and "&lt;img" in html
    # concordance lines are <select> options, which the widget front end sets as text, never markup
    assert "onerror" in ex.controls["lines"].options[0][0] and "<mark" not in ex.controls["lines"].options[0][0]
