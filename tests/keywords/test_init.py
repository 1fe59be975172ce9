"""The keywords package: its examples run, old names still work (with a warning) for one release,
and a document without a group value stays in the "(missing)" group in every function with ``by=``."""

from __future__ import annotations

import doctest
import warnings

import pandas as pd
import pytest

from corpus_tools import keywords as kw
from corpus_tools.groups import MISSING_GROUP, GroupWarning
from corpus_tools.report import keywords as report_kw

MODULES = [kw, kw.counts, kw.contrast, kw.collocations, kw.concordance]


def test_module_examples_run():
    attempted = 0
    for module in MODULES:
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        attempted += result.attempted
    assert attempted > 10


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("keyness_statistics", kw.score_keyness_statistics),
        ("log_odds_dirichlet", kw.score_log_odds),
        ("term_pattern", kw.make_term_pattern),
        ("kwic_anchor", kw.make_kwic_anchor),
        ("format_kwic_html", report_kw.format_kwic_html),
        ("format_keyness_html", report_kw.format_keyness_html),
        ("plot_keyness", report_kw.plot_keyness),
        ("plot_term_scatter", report_kw.plot_term_scatter),
        ("plot_dispersion", report_kw.plot_dispersion),
    ],
)
def test_old_names_warn_and_return_the_new_function(old, new):
    with pytest.warns(DeprecationWarning, match=f"keywords.{old} is renamed .*{new.__name__}"):
        assert getattr(kw, old) is new


DOCS = pd.DataFrame(
    {"doc_id": ["a", "b"], "side": ["x", "y"], "text": ["troops troops talks", "talks talks troops sanctions"]}
)


def test_old_keyness_and_kwic_calls_warn_and_give_the_new_result():
    with pytest.warns(DeprecationWarning, match=r"keywords.keyness is renamed .*score_keyness"):
        old = kw.keyness(DOCS, by="side", target="x")
    pd.testing.assert_frame_equal(old, kw.score_keyness(DOCS, by="side", target="x"))
    with pytest.warns(DeprecationWarning, match=r"keywords.kwic is renamed .*match_kwic"):
        old = kw.kwic(DOCS, "troops", window=1)
    pd.testing.assert_frame_equal(old, kw.match_kwic(DOCS, "troops", window=1))


def test_old_keywords_warn_and_mean_the_new_ones():
    new = kw.score_keyness(DOCS, by="side", target="x", p_adjust="holm")
    with pytest.warns(DeprecationWarning, match=r"correction=.*renamed p_adjust="):
        old = kw.score_keyness(DOCS, by="side", target="x", correction="holm")
    pd.testing.assert_frame_equal(old, new)
    with pytest.warns(DeprecationWarning, match=r"correction=.*renamed p_adjust="):
        old = kw.compare_keyness(DOCS, by="side", correction="holm")
    pd.testing.assert_frame_equal(old, kw.compare_keyness(DOCS, by="side", p_adjust="holm"))
    with pytest.warns(DeprecationWarning, match=r"n=.*renamed top_n="):
        old = kw.select_key_terms(new.assign(group="x"), n=1)
    pd.testing.assert_frame_equal(old, kw.select_key_terms(new.assign(group="x"), top_n=1))
    for by in (None, ""):
        with pytest.warns(DeprecationWarning, match="by='doc_id'"):
            counts = kw.count_terms(DOCS, by=by)
        assert counts.by == "doc_id" and counts.groups.tolist() == ["a", "b"]


def test_by_defaults_to_each_document_its_own_group():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        counts = kw.count_terms(DOCS)
    assert counts.by == "doc_id" and counts.groups.tolist() == ["a", "b"]
    assert kw.compare_keyness(DOCS)["group"].unique().tolist() == ["a", "b"]


MISSING_DOCS = pd.DataFrame(
    {
        "doc_id": ["d1", "d2", "d3", "d4"],
        "outlet": ["north", "south", None, "north"],
        "text": ["troops troops talks", "sanctions oil oil", "ceasefire ceasefire troops", "talks troops"],
    }
)


def _with_group_warning(function, *args, **kwargs):
    with pytest.warns(GroupWarning, match=r"1 of 4 document\(s\) have no 'outlet' value \(d3\)"):
        return function(*args, **kwargs)


def test_a_document_without_a_group_value_stays_in_the_missing_group_everywhere():
    assert kw.MISSING_GROUP == MISSING_GROUP == "(missing)"
    counts = _with_group_warning(kw.count_terms, MISSING_DOCS, by="outlet")
    assert counts.groups.tolist() == ["north", "south", MISSING_GROUP, "north"]
    frequency = kw.count_frequencies(counts)
    assert frequency[frequency["group"] == MISSING_GROUP].set_index("term")["n"].to_dict() == {
        "ceasefire": 2,
        "troops": 1,
    }
    table = _with_group_warning(kw.score_keyness, MISSING_DOCS, by="outlet", target=MISSING_GROUP)
    assert table.set_index("term").loc["ceasefire", ["n_target", "n_reference"]].tolist() == [2, 0]
    against = _with_group_warning(kw.score_keyness, MISSING_DOCS, by="outlet", target="north")
    assert against.set_index("term").loc["ceasefire", "n_reference"] == 2, "the missing group is in the reference"
    compared = _with_group_warning(kw.compare_keyness, MISSING_DOCS, by="outlet")
    assert sorted(compared["group"].unique()) == [MISSING_GROUP, "north", "south"]
    assert set(kw.compare_keyness(counts, by="outlet")["group"]) == {MISSING_GROUP, "north", "south"}
