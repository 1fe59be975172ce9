"""Validation of the shipped frame dictionaries against human frame labels (FrAC).

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

**Target (a smoke test, stated before measuring).** The run fails only if the matcher is
clearly broken: a strict mapping whose frame never fires, or whose AUC is not above 0.5
(no better than chance). Single-label gold data also penalise the dictionary for frames
that are present but not the annotators' main choice, so precision is a lower bound.

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
    ("security", ("sanctions_economy",), 1, "Economic", True),
    ("security", ("legitimacy_law",), 5, "Legality", True),
    ("security", ("deterrence_security", "escalation_risk"), 8, "Security & defense", True),
    ("security", ("humanitarian",), 9, "Health & safety", False),
]
#: A strict mapping must rank human-labelled sentences above the rest better than chance.
MIN_AUC = 0.5


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


def run(eval_dir: Path) -> bool:
    """Print the table; False if a strict mapping never fires or has AUC <= 0.5."""
    sentences = read_frac(eval_dir)
    table = score_mappings(sentences)
    print(f"FrAC: {len(sentences)} sentences, MFC labels {dict(sorted(sentences['label'].value_counts().items()))}")
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    strict = table[table["mapping"] == "strict"]
    broken = strict[(strict["flagged"] == 0) | ~(strict["auc"] > MIN_AUC)]
    macro = strict["f1"].mean()
    print(f"macro F1 over strict mappings: {macro:.3f}; mean AUC: {np.nanmean(strict['auc']):.3f}")
    for _, row in broken.iterrows():
        print(
            f"BROKEN: {row['dictionary']}:{row['frames']} -> {row['mfc']}: "
            f"flagged {row['flagged']}, AUC {row['auc']:.3f}"
        )
    return broken.empty
