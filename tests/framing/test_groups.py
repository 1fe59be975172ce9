"""One grouping policy in every framing function that takes ``by=``: a document without a value
in the grouping column stays, in the group "(missing)", and a GroupWarning names it."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import framing
from corpus_tools.groups import MISSING_GROUP, GroupWarning
from corpus_tools.report import framing as report_framing

TEXTS = {
    "a": "Putin said sanctions cost billions. Troops reached Kyiv.",
    "b": "Macron said the troops cost too much. Sanctions followed.",
    "c": "Zelensky said security guarantees matter. Costs rose in Kyiv.",  # no outlet
}


@pytest.fixture()
def corpus():
    return pd.DataFrame({"doc_id": list(TEXTS), "outlet": ["x", "y", None], "text": list(TEXTS.values())})


def _grouped(call):
    """Run ``call``, check it warns about document c, and return its result."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    messages = [str(w.message) for w in caught if issubclass(w.category, GroupWarning)]
    assert messages and all("(c)" in m and MISSING_GROUP in m for m in messages), messages
    return result


def test_every_by_function_keeps_a_document_without_a_group(corpus):
    sentences = ct.split_sentences(corpus)
    hits = framing.match_frames(sentences, dictionary="generic")
    by = {"by": "outlet", "corpus": corpus}

    scores = _grouped(lambda: framing.score_frames(corpus, dictionary="generic", by="outlet"))
    assert scores.set_index("doc_id").loc["c", "group"].unique().tolist() == [MISSING_GROUP]
    sentence_scores = _grouped(lambda: framing.score_frame_sentences(sentences, dictionary="generic", hits=hits, **by))
    assert set(sentence_scores.loc[sentence_scores["doc_id"] == "c", "group"]) == {MISSING_GROUP}

    salience = _grouped(lambda: framing.count_frame_salience(scores, by="outlet"))
    assert salience.query("group == @MISSING_GROUP")["n_docs"].eq(1).all()
    assert set(salience["group"]) == {"x", "y", MISSING_GROUP}
    shares = _grouped(lambda: framing.summarize_frames(sentence_scores, by="outlet", n_boot=50))
    assert set(shares["group"]) == {"x", "y", MISSING_GROUP}
    differences = _grouped(lambda: framing.compare_frames(sentence_scores, by="outlet", n_boot=50))
    assert MISSING_GROUP in set(differences["group_a"]) | set(differences["group_b"])
    chi2 = _grouped(lambda: framing.compare_frames_chi2(sentence_scores, by="outlet"))
    # every sentence of the three documents is counted: c's two sentences are not dropped
    assert chi2.set_index("frame").loc["economic", "n"] == len(sentences) == 6

    actor_frames = _grouped(lambda: framing.count_actor_frames(sentences, hits, **by))
    assert MISSING_GROUP in set(actor_frames["group"])
    naming = _grouped(lambda: framing.count_naming(sentences, **by))
    assert naming.set_index(["group", "name"]).loc[(MISSING_GROUP, "Kyiv"), "hits"] == 1
    quotes = framing.match_quotes(sentences)
    voices = _grouped(lambda: framing.count_quotes(quotes, **by))
    assert voices.set_index(["group", "actor"]).loc[(MISSING_GROUP, "Ukraine"), "n_quotes"] == 1
    evidence = _grouped(lambda: framing.select_evidence(sentences, hits, **by))
    assert "c" in set(evidence.loc[evidence["group"] == MISSING_GROUP, "doc_id"])
    sample = _grouped(lambda: framing.export_coding_sample(sentences, hits, frames=["economic"], n=20, **by))
    assert "c" in set(sample["doc_id"])
    assert _grouped(lambda: framing.select_contrast_groups(corpus, by="outlet", contrast=f"x|{MISSING_GROUP}")) == [
        "x",
        MISSING_GROUP,
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("split_frame_hits", framing.match_frames),
        ("split_naming_hits", framing.match_naming),
        ("split_quotes", framing.match_quotes),
        ("count_frame_shares", framing.summarize_frames),
        ("plot_frame_heatmap", report_framing.plot_frame_heatmap),
        ("plot_frame_cooccurrence", report_framing.plot_frame_cooccurrence),
        ("plot_frame_differences", report_framing.plot_frame_differences),
    ],
)
def test_old_names_warn_and_return_the_new_function(old, new):
    with pytest.warns(DeprecationWarning, match=f"framing.{old} is renamed"):
        assert getattr(framing, old) is new
