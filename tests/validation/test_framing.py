"""Validation of the frame dictionaries against FrAC (corpus_tools.validation.framing)."""

from __future__ import annotations

import pandas as pd
import pytest


def test_validation_scores_a_hand_written_frac_file(tmp_path):
    from corpus_tools.validation import framing as validation

    folder = tmp_path / "frames" / "frac"
    folder.mkdir(parents=True)
    rows = [
        ("Taxes and prices will rise.", 1),
        ("Jobs were cut.", 1),
        ("It is a moral duty.", 3),
        ("The court ruled the law illegal.", 5),
        ("Troops deter an attack.", 8),
        ("Voters liked it.", 12),
    ]
    pd.DataFrame(rows, columns=["sentence", "label"]).to_csv(folder / "gold_standard_single_label_all.csv", index=False)
    table = validation.score_mappings(validation.read_frac(tmp_path)).set_index(["dictionary", "frames"])
    economic = table.loc[("generic", "economic")]
    assert economic[["positives", "flagged", "precision", "recall", "auc"]].tolist() == [2, 2, 1.0, 1.0, 1.0]
    assert table.loc[("security", "legitimacy_law"), "recall"] == 1.0
    with pytest.warns(UserWarning, match="'economic': only 2 articles in the smaller class; 2 folds instead of 5"):
        assert validation.run(tmp_path) is True


def test_generic_dictionary_versions_are_scored_side_by_side(tmp_path):
    from corpus_tools.validation import framing as validation

    texts = ["Taxes and prices will rise.", "It is a moral duty.", "The plan must change."]
    sentences = pd.DataFrame(
        {"doc_id": ["s0", "s1", "s2"], "sent_id": 0, "start": 0, "end": 0, "text": texts, "label": [1, 3, 6]}
    )
    table = validation.score_mappings(sentences)
    versions = table[table["dictionary"].isin(["generic", "generic_v1"])]
    assert sorted(versions.groupby("dictionary")["frames"].apply(list).to_dict().items()) == [
        ("generic", ["economic", "morality", "responsibility"]),
        ("generic_v1", ["economic", "morality", "responsibility"]),
    ]


def test_classifier_comparison_on_invented_sentences():
    import numpy as np
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    from corpus_tools import framing
    from corpus_tools.validation import framing as validation

    rng = np.random.default_rng(0)
    filler = "the a today people said that this week in town again".split()
    cues = {1: "taxes wages prices budget".split(), 5: "court judge ruling lawsuit".split()}
    rows = []
    for i in range(40):
        label = 1 if i % 2 else 5
        words = [*rng.choice(filler, 8), *rng.choice(cues[label], 2)]
        rows.append((" ".join(rng.permutation(words)).capitalize() + ".", label))
    sentences = pd.DataFrame(
        {
            "doc_id": [f"frac_{i}" for i in range(40)],
            "sent_id": 0,
            "start": 0,
            "end": [len(t) for t, _ in rows],
            "text": [t for t, _ in rows],
            "label": [label for _, label in rows],
        }
    )
    table = validation.compare_classifier(sentences, seed=0).set_index("frame")
    assert table.index.tolist() == ["economic", "mfc_legality"]  # codes with fewer than two positives are absent
    assert (table["auc_all"] > 0.9).all() and (table["n_train_all"] == 32).all()
    assert table[["auc_100", "auc_200"]].isna().all().all()  # fewer units than 100 in a training fold
    assert np.isnan(table.loc["mfc_legality", "dictionary_auc"])
    # the dictionary's AUC on the same stratified folds, computed independently
    rate = framing.score_frames(sentences, dictionary="generic").query("frame == 'economic'")["per_10k"].to_numpy()
    y = (sentences["label"] == 1).to_numpy()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(rate, y)
    expected = np.mean([roc_auc_score(y[test], rate[test]) for _, test in folds])
    assert table.loc["economic", "dictionary_auc"] == pytest.approx(expected)
