"""Frames learned from coding (corpus_tools.framing.learn)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from corpus_tools import framing
from corpus_tools.framing.learn import fit_frame_classifier, select_next_to_code

# Invented vocabulary: background words, a planted cue set no frame dictionary lists, and
# dictionary economic words spread over both classes (so the dictionary cannot separate them).
_BACKGROUND = "river morning council street weather garden meeting window village train story road".split()
_PLANTED = "orchard harvest apples cider growers pickers".split()
_DICTIONARY_NOISE = ["costs", "budget", "taxes", "prices"]


def _planted_corpus(n: int = 80, seed: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` invented articles; the frame ``economic`` is planted in every second one by construction."""
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for i in range(n):
        planted = i % 2 == 0
        words = list(rng.choice(_BACKGROUND, 30))
        words += list(rng.choice(_PLANTED, 4)) if planted else []
        words += list(rng.choice(_DICTIONARY_NOISE, rng.integers(0, 3)))
        rng.shuffle(words)
        texts.append(" ".join(words).capitalize() + ".")
        labels.append(planted)
    docs = pd.DataFrame({"doc_id": [f"doc{i:03d}" for i in range(n)], "text": texts})
    codes = pd.DataFrame({"doc_id": docs["doc_id"], "economic": labels})
    return docs, codes


@pytest.fixture(scope="module")
def planted():
    docs, codes = _planted_corpus()
    coded = codes.iloc[:60]  # the last 20 articles stay uncoded
    return docs, coded, fit_frame_classifier(docs, coded, n_splits=5, seed=1)


def test_classifier_recovers_planted_frame(planted):
    _, _, model = planted
    row = model.validity.set_index("frame").loc["economic"]
    assert row["n_coded"] == 60 and row["n_positive"] == 30 and row["n_splits"] == 5
    assert row["auc"] > 0.9
    assert row["f1"] > 0.8
    assert row["auc"] > row["dictionary_auc"] + 0.2


def test_dictionary_baseline_is_scored_on_the_same_folds(planted):
    docs, coded, model = planted
    scores = framing.score_frames(docs, dictionary="generic").query("frame == 'economic'").set_index("doc_id")
    rate = scores.loc[coded["doc_id"], "per_10k"].to_numpy()
    y = coded["economic"].to_numpy()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=1).split(rate, y)
    aucs = [roc_auc_score(y[test], rate[test]) for _, test in folds]
    row = model.validity.set_index("frame").loc["economic"]
    assert row["dictionary_auc"] == pytest.approx(np.mean(aucs))
    assert row["dictionary_auc_sd"] == pytest.approx(np.std(aucs))


def test_learning_curve_ends_at_the_cross_validated_auc(planted):
    _, _, model = planted
    curve = model.learning_curve
    assert curve["frame"].eq("economic").all()
    assert curve["n_train"].tolist() == sorted(curve["n_train"]) and curve["n_train"].is_unique
    assert curve["n_train"].tolist()[:2] == [10, 20]
    last = curve.iloc[-1]
    assert last["n_train"] == 48 and last["n_folds"] == 5  # 4/5 of 60 coded articles
    assert last["auc"] == pytest.approx(model.validity["auc"].iloc[0])


def test_score_frames_is_tidy_and_scores_every_document(planted):
    docs, _, model = planted
    scores = model.score_frames(docs)
    assert scores.columns.tolist() == ["doc_id", "frame", "probability"]
    assert scores["doc_id"].tolist() == docs["doc_id"].tolist()
    assert scores["probability"].between(0, 1).all()
    truth = docs["doc_id"].str[3:].astype(int) % 2 == 0
    assert roc_auc_score(truth[60:], scores["probability"][60:]) > 0.9  # the 20 uncoded articles


def test_same_seed_same_model():
    docs, codes = _planted_corpus(n=40)
    a = fit_frame_classifier(docs, codes, n_splits=4, seed=5)
    b = fit_frame_classifier(docs, codes, n_splits=4, seed=5)
    pd.testing.assert_frame_equal(a.validity, b.validity)
    pd.testing.assert_frame_equal(a.learning_curve, b.learning_curve)
    pd.testing.assert_frame_equal(a.score_frames(docs), b.score_frames(docs))


def test_select_next_to_code_proposes_uncoded_most_uncertain_first(planted):
    docs, coded, model = planted
    proposed = select_next_to_code(model, docs, top_n=5)
    assert proposed.columns.tolist() == ["doc_id", "frame", "probability", "margin"]
    assert not proposed["doc_id"].isin(coded["doc_id"]).any()
    # independent computation: |p - 0.5| per uncoded article, smallest first
    uncoded = docs[~docs["doc_id"].isin(coded["doc_id"])]
    p = model.models["economic"].predict_proba(framing.learn._features(uncoded, model.dictionary))[:, 1]
    expected = pd.DataFrame({"doc_id": uncoded["doc_id"], "margin": np.abs(p - 0.5)})
    expected = expected.sort_values(["margin", "doc_id"], kind="mergesort").head(5)
    assert proposed["doc_id"].tolist() == expected["doc_id"].tolist()
    assert proposed["margin"].to_numpy() == pytest.approx(expected["margin"].to_numpy())


def test_select_next_to_code_takes_the_least_certain_frame():
    docs, codes = _planted_corpus(n=40)
    codes["conflict"] = [i % 4 == 0 for i in range(40)]
    model = fit_frame_classifier(docs, codes.iloc[:30], n_splits=3)
    proposed = select_next_to_code(model, docs, top_n=10)
    scores = model.score_frames(docs[~docs["doc_id"].isin(codes["doc_id"][:30])])
    margin = (scores["probability"] - 0.5).abs().groupby(scores["doc_id"]).min()
    assert proposed.set_index("doc_id")["margin"].to_dict() == pytest.approx(margin.to_dict())
    assert proposed["margin"].is_monotonic_increasing


_DOCS = pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "text": ["Costs rose.", "A family wept."] * 4})


@pytest.mark.parametrize(
    ("codes", "error", "message"),
    [
        (pd.DataFrame({"id": ["d0"], "economic": [1]}), KeyError, r"missing column\(s\) \['doc_id'\]"),
        (pd.DataFrame({"doc_id": ["d0", "zz"], "economic": [1, 0]}), ValueError, r"1 doc_id\(s\) not in .*zz"),
        (pd.DataFrame({"doc_id": ["d0", "d0"], "economic": [1, 0]}), ValueError, r"more than one row \(d0\)"),
        (pd.DataFrame({"doc_id": ["d0", "d1"], "economic": [1, "maybe"]}), ValueError, r"'economic'.*d1: 'maybe'"),
        (pd.DataFrame({"doc_id": ["d0", "d1"], "economic": [1, 2]}), ValueError, r"'economic'.*d1: 2"),
        (pd.DataFrame({"doc_id": ["d0"]}), ValueError, r"no frame column"),
        (
            pd.DataFrame({"doc_id": ["d0", "d1"], "economic": [1, 0], "morality": [1, None]}),
            ValueError,
            r"empty in others \(column 'morality', doc_id d1\)",
        ),
    ],
)
def test_coding_sheet_errors_name_the_column_and_rows(codes, error, message):
    with pytest.raises(error, match=message):
        fit_frame_classifier(_DOCS, codes, n_splits=2)


def test_repeated_documents_are_an_error():
    codes = pd.DataFrame({"doc_id": _DOCS["doc_id"], "economic": [1, 0] * 4})
    with pytest.raises(ValueError, match=r"docs: doc_id\(s\) on more than one row \(d0\)"):
        fit_frame_classifier(pd.concat([_DOCS, _DOCS.head(1)]), codes, n_splits=2)


def test_frame_with_one_class_is_left_out_with_a_warning():
    codes = pd.DataFrame({"doc_id": _DOCS["doc_id"], "economic": [1, 0] * 4, "morality": 0})
    with pytest.warns(UserWarning, match=r"column 'morality': 0 articles coded 1 and 8 coded 0"):
        model = fit_frame_classifier(_DOCS, codes, n_splits=2)
    assert model.frames == ["economic"]
    assert model.excluded["item"].tolist() == ["frame morality"]
    with pytest.raises(ValueError, match="no frame column has two articles coded 1"), pytest.warns(UserWarning):
        fit_frame_classifier(_DOCS, codes[["doc_id", "morality"]], n_splits=2)


def test_sheet_file_with_uncoded_rows_and_yes_no_values(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("doc_id,economic,notes\nd0,yes,\nd1,no,\nd2,1,\nd3,0,\nd4,TRUE,\nd5,false,\nd6,,\nd7,,\n")
    with pytest.warns(UserWarning, match="2 uncoded row"):
        model = fit_frame_classifier(_DOCS, path, n_splits=2)
    assert model.codes["economic"].tolist() == [True, False] * 3
    assert model.excluded["item"].tolist() == ["doc d6", "doc d7"]
    assert sorted(select_next_to_code(model, _DOCS)["doc_id"]) == ["d6", "d7"]
    coded_only = _DOCS.iloc[:6]
    assert model.score_frames(coded_only.iloc[:0]).columns.tolist() == ["doc_id", "frame", "probability"]
    nothing_left = select_next_to_code(model, coded_only)
    assert nothing_left.empty and nothing_left.columns.tolist() == ["doc_id", "frame", "probability", "margin"]


def test_fewer_folds_than_asked_warns():
    codes = pd.DataFrame({"doc_id": _DOCS["doc_id"], "economic": [1, 1, 1, 0, 0, 0, 0, 0]})
    with pytest.warns(UserWarning, match="3 folds instead of 5"):
        model = fit_frame_classifier(_DOCS, codes, n_splits=5)
    assert model.validity["n_splits"].tolist() == [3]


def test_article_sample_is_a_seeded_shuffle_with_empty_frame_columns():
    docs = _DOCS.assign(title=[f"Title {i}" for i in range(8)], text=_DOCS["text"] + " More text." * 40)
    frames = framing.read_frames("generic")
    sheet = framing.export_article_sample(docs, frames=frames, seed=4)
    assert sheet.columns.tolist() == ["doc_id", "title", "text", *frames.category_names]
    assert sorted(sheet["doc_id"]) == sorted(docs["doc_id"]) and sheet["doc_id"].tolist() != docs["doc_id"].tolist()
    assert sheet["text"].str.len().max() == framing.learn.PREVIEW_CHARS
    assert (sheet[frames.category_names] == "").all().all()
    pd.testing.assert_frame_equal(sheet, framing.export_article_sample(docs, frames=frames, seed=4))
    # a sheet with the first rows coded and the rest left empty trains a model
    coded = sheet.copy()
    coded.loc[:5, frames.category_names] = "0"
    coded.loc[:5, "economic"] = ["1" if t.startswith("Costs") else "0" for t in coded["text"][:6]]
    with pytest.warns(UserWarning):  # uncoded rows; frames coded 0 everywhere
        model = fit_frame_classifier(docs, coded, n_splits=2)
    assert model.frames == ["economic"] and len(model.codes) == 6
