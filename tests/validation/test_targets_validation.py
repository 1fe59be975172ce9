"""The shipped target-tone set: well formed, halves apart, and score_targets beats the baseline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score

from corpus_tools.sentiment import score_targets, score_texts
from corpus_tools.validation import targets as validation


def test_the_halves_are_large_disjoint_and_every_sentence_has_two_targets():
    dev, test = validation.read_target_labels("dev"), validation.read_target_labels("test")
    for half in (dev, test):
        per_sentence = half.groupby("sentence_id")["text"].agg(["size", "nunique"])
        assert (per_sentence["size"] >= 2).all() and (per_sentence["nunique"] == 1).all()
        assert set(half["label"]) == {"negative", "neutral", "positive"}
    assert dev["sentence_id"].nunique() + test["sentence_id"].nunique() >= 300
    assert not set(dev["text"]) & set(test["text"])
    assert not set(dev["sentence_id"]) & set(test["sentence_id"])


def test_score_targets_beats_the_sentence_level_baseline_on_the_test_half():
    test = validation.read_target_labels("test")
    compound = score_texts(test["text"])["compound"].to_numpy()
    baseline = np.where(compound >= 0.05, "positive", np.where(compound <= -0.05, "negative", "neutral"))
    predicted = score_targets(test)["label"]
    ours = f1_score(test["label"], predicted, average="macro")
    theirs = f1_score(test["label"], baseline, average="macro")
    assert ours > theirs + 0.1, (ours, theirs)


def test_the_validity_table_matches_an_independent_computation():
    table = validation.score_target_validity(splits=("test",)).set_index("method")
    gold = validation.read_target_labels("test")
    predicted = score_targets(gold)["label"]
    per_class = f1_score(gold["label"], predicted, labels=["negative", "neutral", "positive"], average=None)
    row = table.loc["score_targets"]
    assert row["n"] == len(gold)
    assert row[["f1_negative", "f1_neutral", "f1_positive"]].tolist() == pytest.approx(per_class.tolist())
    assert row["f1_macro"] == pytest.approx(per_class.mean())
    errors = validation.count_target_errors("test")
    assert errors["n"].sum() == len(gold)
    right = (predicted == gold["label"]).groupby(gold["phenomenon"]).mean()
    assert errors.set_index("phenomenon")["targets_accuracy"].to_dict() == pytest.approx(right.to_dict())


def test_run_reports_and_passes(capsys, tmp_path):
    assert validation.run(tmp_path) is True
    out = capsys.readouterr().out
    assert "score_targets" in out and "by phenomenon" in out


def test_a_bad_span_in_the_data_names_file_and_line(tmp_path, monkeypatch):
    frame = pd.DataFrame(
        [("s1", "x", "Ana met Ben.", 0, 3, "Ana", "neutral"), ("s1", "x", "Ana met Ben.", 8, 10, "Ben", "neutral")],
        columns=validation.COLUMNS,
    )
    frame.to_csv(tmp_path / "target_tone_dev.csv", index=False)
    monkeypatch.setattr(validation, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"target_tone_dev\.csv:3: text\[8:10\] is 'Be', not the target 'Ben'"):
        validation.read_target_labels("dev")
