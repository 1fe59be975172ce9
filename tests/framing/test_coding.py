"""Coding sample, coding sheets and agreement (corpus_tools.framing.coding)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from corpus_tools import framing


def test_cohens_kappa_matches_scikit_learn():
    rng = np.random.default_rng(7)
    for _ in range(20):
        a, b = rng.integers(0, 3, 40), rng.integers(0, 3, 40)
        b[:20] = a[:20]
        assert framing.cohens_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))
    assert math.isnan(framing.cohens_kappa([1, 1], [1, 1]))


def test_krippendorff_alpha_on_published_examples():
    # Krippendorff (2011), Computing Krippendorff's alpha-reliability: nominal data, 4 observers,
    # 12 units, missing values -> alpha = 0.743; binary data, 2 observers, 10 units -> 0.095
    nan = np.nan
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
    assert framing.krippendorff_alpha(data) == pytest.approx(0.743, abs=5e-4)
    binary = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    assert framing.krippendorff_alpha(binary) == pytest.approx(0.095, abs=5e-4)


def test_coding_round_trip_and_confusion_matrix(make_sents, tmp_path, frames_file):
    sents = make_sents("Sanctions bite.", "Troops arrive.", "Costs of troops.", "Nothing.", "Peace.")
    hits = framing.match_frames(sents, dictionary=frames_file)
    sheet = framing.export_coding_sample(sents, hits, frames=framing.read_frames(frames_file), n=10, seed=1)
    assert len(sheet) == 5 and set(sheet.columns) == set(framing.CODING_KEYS) | {"security", "economy"}
    assert (sheet[["security", "economy"]] == "").all().all()  # codes hidden
    coder = sheet.set_index("sent_id")
    # dictionary economy: sentences 0, 2. coder_1 economy: 0, 3 -> both 1, only_dict 1, only_coder 1, neither 2
    coder["economy"] = ["1" if i in (0, 3) else "0" for i in coder.index]
    coder["security"] = ["yes" if i in (1, 2) else "no" for i in coder.index]
    coder.reset_index().to_csv(tmp_path / "coder_1.csv", index=False)
    coder2 = coder.copy()
    coder2["economy"] = ["1" if i in (0, 2, 3) else "" for i in coder2.index]
    coder2.reset_index().to_csv(tmp_path / "coder_2.csv", index=False)
    coding = framing.read_coding([tmp_path / "coder_1.csv", tmp_path / "coder_2.csv"])
    table = framing.compare_coding(coding, hits).set_index(["frame", "rater_a", "rater_b"])
    row = table.loc[("economy", "dictionary", "coder_1")]
    assert row[["n", "both", "only_a", "only_b", "neither"]].tolist() == [5, 1, 1, 1, 2]
    assert (
        row["precision"] == pytest.approx(0.5)
        and row["recall"] == pytest.approx(0.5)
        and row["f1"] == pytest.approx(0.5)
    )
    dict_codes = [1, 0, 1, 0, 0]
    coder_codes = [1, 0, 0, 1, 0]
    assert row["kappa"] == pytest.approx(cohen_kappa_score(dict_codes, coder_codes))
    assert row["alpha"] == pytest.approx(framing.krippendorff_alpha([dict_codes, coder_codes]))
    assert table.loc[("security", "dictionary", "coder_1"), "f1"] == pytest.approx(1.0)
    assert table.loc[("economy", "coder_1", "coder_2"), "only_b"] == 1


def test_coding_sample_is_seeded_and_stratified(make_sents):
    sents = pd.concat(
        [
            make_sents(*[f"Sentence {i} costs." if i % 2 else f"Sentence {i}." for i in range(20)], doc_id=d)
            for d in "ab"
        ]
    )
    hits = framing.match_frames(sents, dictionary="generic")
    one = framing.export_coding_sample(sents, hits, frames=["economic"], n=8, seed=5)
    two = framing.export_coding_sample(sents, hits, frames=["economic"], n=8, seed=5)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) == 8 and one["doc_id"].value_counts().tolist() == [4, 4]
    assert one["text"].str.contains("costs").sum() == 4  # two per stratum (document x flagged)
    assert not one.equals(framing.export_coding_sample(sents, hits, frames=["economic"], n=8, seed=6))


def test_read_coding_rejects_a_bad_cell_with_its_line(tmp_path):
    path = tmp_path / "ann.csv"
    pd.DataFrame(
        {"coding_id": [1, 2], "doc_id": ["a", "a"], "sent_id": [0, 1], "text": ["x", "y"], "economic": ["1", "maybe"]}
    ).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"ann, line 3, column 'economic'.*maybe"):
        framing.read_coding(path)


def test_agreement_precision_recall_f1_match_scikit_learn_and_the_hand_formulas():
    from sklearn.metrics import f1_score, precision_score, recall_score

    rng = np.random.default_rng(11)
    hits = pd.DataFrame({"doc_id": "a", "sent_id": range(30), "frame": "f"})
    for _ in range(10):
        dictionary = rng.integers(0, 2, 30)
        coder = rng.integers(0, 2, 30)
        coding = pd.DataFrame({"coder": "ann", "doc_id": "a", "sent_id": range(30), "frame": "f", "code": coder})
        row = framing.compare_coding(coding, hits[dictionary == 1]).iloc[0]
        tp, fp = int(((dictionary == 1) & (coder == 1)).sum()), int(((dictionary == 1) & (coder == 0)).sum())
        fn = int(((dictionary == 0) & (coder == 1)).sum())
        assert row["precision"] == pytest.approx(precision_score(coder, dictionary)) == pytest.approx(tp / (tp + fp))
        assert row["recall"] == pytest.approx(recall_score(coder, dictionary)) == pytest.approx(tp / (tp + fn))
        assert row["f1"] == pytest.approx(f1_score(coder, dictionary)) == pytest.approx(2 * tp / (2 * tp + fp + fn))
        assert row["kappa"] == pytest.approx(cohen_kappa_score(dictionary, coder))


def test_agreement_is_nan_where_undefined():
    # the dictionary flags nothing and the coder codes nothing: precision, recall, F1 and kappa are undefined
    coding = pd.DataFrame({"coder": "ann", "doc_id": "a", "sent_id": [0, 1], "frame": "f", "code": [0, 0]})
    row = framing.compare_coding(coding, pd.DataFrame(columns=["doc_id", "sent_id", "frame"])).iloc[0]
    assert all(math.isnan(row[c]) for c in ("precision", "recall", "f1", "kappa"))
    # the coder codes a sentence the dictionary misses: precision undefined, recall and F1 zero
    coding["code"] = [1, 0]
    row = framing.compare_coding(coding, pd.DataFrame(columns=["doc_id", "sent_id", "frame"])).iloc[0]
    assert math.isnan(row["precision"]) and row["recall"] == 0 and row["f1"] == 0


def test_krippendorff_alpha_is_the_packages():
    import krippendorff

    rng = np.random.default_rng(2)
    data = rng.integers(0, 3, (3, 25)).astype(float)
    data[0, :5] = np.nan
    assert framing.krippendorff_alpha(data) == krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
