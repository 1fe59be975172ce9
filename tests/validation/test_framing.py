"""Validation of the frame dictionaries against FrAC (corpus_tools.validation.framing)."""

from __future__ import annotations

import pandas as pd


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
    assert validation.run(tmp_path) is True
