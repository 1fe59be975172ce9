"""Validation of the shipped frame dictionaries, and of a frame classifier trained on coded
units, against human frame labels (FrAC).

**Data.** ``frames/frac/gold_standard_single_label_all.csv`` (Guida et al. 2025): 523
sentences from Canadian news articles and reader comments, each with one Media Frames Corpus
(MFC) code chosen by human annotators (codes: 1 economic, 3 morality, 4 fairness, 5 legality,
6 policy, 8 security and defence, 9 health and safety, 11 cultural identity, 12 public
opinion, 15 other). The texts are read at run time, never copied into the project.

**Method.** Every sentence is scored with the shipped dictionaries. Where a dictionary frame
maps onto an MFC code (:data:`MAPPINGS`), the sentence's hits for the mapped frame(s) are
its score, and "at least one hit" is its prediction; the human label (code == mapped code)
is the reference. Printed per mapping: positives, sentences flagged, precision, recall, F1,
the F1 of flagging every sentence (the base rate to beat) and the ROC AUC of the hit count
(:func:`sklearn.metrics.roc_auc_score`). Mappings marked ``loose`` join frames that overlap
but are not the same construct (responsibility vs policy prescription; humanitarian vs health
and safety).

The dictionaries were written from frame definitions and were not tuned to these labels;
FrAC's topics (Canadian politics, guns, health care...) are far from the dictionaries'
target, so the figures measure how far the generic vocabulary carries, not a ceiling.

**Dictionary versions.** The generic dictionary's mappings are scored for the current
version (``generic``, 2026.1) and the first (``generic_v1``, 2025.1) side by side: the
revision was written from the literature before this measurement, not fitted to it.

**Classifier** (:func:`compare_classifier`). FrAC has no article ids, so each sentence is one
unit (one "article" of :func:`corpus_tools.framing.fit_frame_classifier`): folds never split
a unit, but two sentences of one source article may land in a training and a test fold, so
the figures may be slightly optimistic. The codes are one boolean column per MFC code (label
== code); the columns of codes mapped to the generic dictionary take the dictionary frame's
name (economic, morality, responsibility for policy), so the dictionary's AUC on the same
folds sits beside the classifier's. Printed per frame: the classifier's test-fold AUC when
trained on 100 and 200 coded units (stratified samples of each training fold) and on all
of a training fold (about 4/5 of the 523), and the dictionary's AUC on the same folds.

**Target (a smoke test, stated before measuring).** The run fails only if the matcher is
clearly broken: a strict mapping whose frame never fires, or whose AUC is not above 0.5
(no better than chance), or if the classifier trained on all units is not above 0.5 for a
frame with at least 20 positives. Single-label gold data also penalise the dictionary for
frames that are present but not the annotators' main choice, so precision is a lower bound.

Run: ``make validate`` or ``python -m corpus_tools.runner.validate --only framing``.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from corpus_tools import framing

FRAC_FILE = Path("frames") / "frac" / "gold_standard_single_label_all.csv"
#: (dictionary, frames, MFC code, MFC name, strict?) for each mapping scored.
MAPPINGS = [
    ("generic", ("economic",), 1, "Economic", True),
    ("generic", ("morality",), 3, "Morality", True),
    ("generic", ("responsibility",), 6, "Policy prescription", False),
    ("generic_v1", ("economic",), 1, "Economic", True),
    ("generic_v1", ("morality",), 3, "Morality", True),
    ("generic_v1", ("responsibility",), 6, "Policy prescription", False),
    ("security", ("sanctions_economy",), 1, "Economic", True),
    ("security", ("legitimacy_law",), 5, "Legality", True),
    ("security", ("deterrence_security", "escalation_risk"), 8, "Security & defense", True),
    ("security", ("humanitarian",), 9, "Health & safety", False),
]
#: A strict mapping must rank human-labelled sentences above the rest better than chance.
MIN_AUC = 0.5
#: MFC codes and names (code 15 "Other" has no frame to learn).
MFC_NAMES = {
    1: "economic",
    3: "morality",
    4: "fairness",
    5: "legality",
    6: "policy",
    8: "security_defense",
    9: "health_safety",
    11: "cultural_identity",
    12: "public_opinion",
}
#: MFC codes whose classifier column takes a generic dictionary frame's name (its baseline).
GENERIC_FRAMES = {1: "economic", 3: "morality", 6: "responsibility"}
#: Training sizes reported for the classifier, besides all units of a training fold.
CLASSIFIER_SIZES = (100, 200)
#: A learned frame with at least this many positives must beat chance.
MIN_POSITIVES = 20


def read_frac(eval_dir: Path) -> pd.DataFrame:
    """The FrAC sentences as a sentence table (``doc_id, sent_id, start, end, text, label``)."""
    path = Path(eval_dir) / FRAC_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} not found; pass the evaluation folder that holds frames/frac/")
    gold = pd.read_csv(path)
    return pd.DataFrame(
        {
            "doc_id": [f"frac_{i}" for i in range(len(gold))],
            "sent_id": 0,
            "start": 0,
            "end": gold["sentence"].str.len(),
            "text": gold["sentence"],
            "label": gold["label"],
        }
    )


def score_mappings(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per mapping: counts, precision, recall, F1, base-rate F1 and AUC.

    >>> texts = ["Tariffs and trade costs rose.", "The court ruled it illegal.", "Sanctions hit the economy."]
    >>> sentences = pd.DataFrame({"doc_id": ["s0", "s1", "s2"], "sent_id": 0, "start": 0,
    ...                           "end": [len(t) for t in texts], "text": texts, "label": [1, 5, 1]})
    >>> table = score_mappings(sentences).set_index(["dictionary", "frames"])
    >>> table.loc[("security", "sanctions_economy"), ["positives", "flagged", "precision", "recall"]].tolist()
    [2.0, 2.0, 1.0, 1.0]
    """
    hits = {name: framing.match_frames(sentences, dictionary=name) for name in {m[0] for m in MAPPINGS}}
    rows = []
    for dictionary, frames, code, mfc, strict in MAPPINGS:
        found = hits[dictionary][hits[dictionary]["frame"].isin(frames)]
        score = sentences["doc_id"].map(found.groupby("doc_id").size()).fillna(0).to_numpy()
        truth = (sentences["label"] == code).to_numpy()
        flagged = score > 0
        tp = int((flagged & truth).sum())
        precision = tp / flagged.sum() if flagged.sum() else math.nan
        recall = tp / truth.sum() if truth.any() else math.nan
        f1 = 2 * tp / (flagged.sum() + truth.sum()) if truth.any() or flagged.any() else math.nan
        base = truth.mean()
        auc = roc_auc_score(truth, score) if 0 < truth.sum() < truth.size else math.nan
        rows.append(
            {
                "dictionary": dictionary,
                "frames": "+".join(frames),
                "mfc": f"{code} {mfc}",
                "mapping": "strict" if strict else "loose",
                "positives": int(truth.sum()),
                "flagged": int(flagged.sum()),
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "f1_flag_all": 2 * base / (1 + base),
                "auc": auc,
            }
        )
    return pd.DataFrame(rows)


def compare_classifier(sentences: pd.DataFrame, *, seed: int = 0, n_splits: int = 5) -> pd.DataFrame:
    """Cross-validated AUC of the frame classifier per MFC frame, at 100 / 200 / all coded units.

    Returns:
        ``frame, mfc, positives, auc_100, auc_200, auc_all, n_train_all, f1_all, dictionary_auc``
        (the generic dictionary's hit rate on the same test folds; NaN for frames it lacks).
    """
    docs = sentences[["doc_id", "text"]]
    columns = {code: GENERIC_FRAMES.get(code, f"mfc_{name}") for code, name in MFC_NAMES.items()}
    codes = pd.DataFrame({"doc_id": sentences["doc_id"]} | {c: sentences["label"].eq(k) for k, c in columns.items()})
    present = [c for k, c in columns.items() if codes[c].sum() >= 2]
    model = framing.fit_frame_classifier(
        docs, codes[["doc_id", *present]], dictionary="generic", n_splits=n_splits, seed=seed,
        train_sizes=CLASSIFIER_SIZES,
    )  # fmt: skip
    curve = model.learning_curve.pivot(index="frame", columns="n_train", values="auc")
    rows = []
    for code, column in columns.items():
        if column not in model.frames:
            continue
        valid = model.validity.set_index("frame").loc[column]
        full = model.learning_curve[model.learning_curve["frame"] == column]["n_train"].max()
        rows.append(
            {
                "frame": column,
                "mfc": f"{code} {MFC_NAMES[code]}",
                "positives": int(valid["n_positive"]),
                **{f"auc_{n}": curve.loc[column].get(n, math.nan) for n in CLASSIFIER_SIZES},
                "auc_all": valid["auc"],
                "n_train_all": int(full),
                "f1_all": valid["f1"],
                "dictionary_auc": valid["dictionary_auc"],
            }
        )
    return pd.DataFrame(rows)


def run(eval_dir: Path) -> bool:
    """Print the tables; False if a strict mapping never fires or has AUC <= 0.5, or the
    classifier is at chance on a frame with enough positives."""
    sentences = read_frac(eval_dir)
    table = score_mappings(sentences)
    print(f"FrAC: {len(sentences)} sentences, MFC labels {dict(sorted(sentences['label'].value_counts().items()))}")
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    strict = table[table["mapping"] == "strict"]
    broken = strict[(strict["flagged"] == 0) | ~(strict["auc"] > MIN_AUC)]
    current = strict[~strict["dictionary"].str.endswith("_v1")]
    print(
        f"current dictionaries (without generic_v1), strict mappings: macro F1 {current['f1'].mean():.3f}; "
        f"mean AUC {np.nanmean(current['auc']):.3f}"
    )
    for _, row in broken.iterrows():
        print(
            f"BROKEN: {row['dictionary']}:{row['frames']} -> {row['mfc']}: "
            f"flagged {row['flagged']}, AUC {row['auc']:.3f}"
        )
    versions = table[table["dictionary"].isin(["generic_v1", "generic"])]
    before_after = versions.pivot(index=["frames", "mfc"], columns="dictionary", values="auc")
    print("\ngeneric dictionary AUC, first version (generic_v1, 2025.1) -> revision (generic, 2026.1):")
    print(before_after[["generic_v1", "generic"]].round(3).to_string())
    learned = compare_classifier(sentences)
    print(
        "\nclassifier (TF-IDF + generic hit rates), cross-validated by sentence, vs the dictionary on the same folds:"
    )
    with pd.option_context("display.width", 200, "display.float_format", "{:.3f}".format):
        print(learned.to_string(index=False))
    chance = learned[(learned["positives"] >= MIN_POSITIVES) & ~(learned["auc_all"] > MIN_AUC)]
    for _, row in chance.iterrows():
        print(f"BROKEN: classifier {row['frame']}: AUC {row['auc_all']:.3f} with {row['positives']} positives")
    return broken.empty and chance.empty
