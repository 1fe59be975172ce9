"""Checking the dictionary against human coders: a stratified sample to code
(:func:`export_coding_sample`), the completed sheets (:func:`read_coding`), and agreement per
frame (:func:`compare_coding`: precision, recall and F1 with scikit-learn, Cohen's kappa with
scikit-learn, Krippendorff's alpha with the ``krippendorff`` package).

>>> coding = pd.DataFrame({"coder": "ann", "doc_id": "a", "sent_id": [0, 1, 2, 3], "frame": "f",
...                        "code": [1, 1, 0, 0]})
>>> hits = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["f"]})
>>> compare_coding(coding, hits)[["rater_a", "rater_b", "precision", "recall", "kappa"]].values.tolist()
[['dictionary', 'ann', 1.0, 0.5, 0.5]]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

from corpus_tools.checks import require_columns
from corpus_tools.dictionaries import Dictionary
from corpus_tools.groups import attach_groups

__all__ = [
    "CODING_KEYS",
    "export_coding_sample",
    "read_coding",
    "cohens_kappa",
    "krippendorff_alpha",
    "compare_coding",
]

# Established statistic names, kept although they are not verbs.
_GRAMMAR_EXCEPTIONS = {"cohens_kappa", "krippendorff_alpha"}

#: Key columns of a coding sheet; every other column is a frame to code 1 (present) or 0.
CODING_KEYS = ["coding_id", "doc_id", "sent_id", "start", "end", "text"]
_CODE_VALUES = {"1": 1, "0": 0, "yes": 1, "no": 0, "y": 1, "n": 0, "x": 1, "true": 1, "false": 0, "": 0}


def export_coding_sample(
    sentences: pd.DataFrame,
    hits: pd.DataFrame,
    *,
    frames: Sequence[str] | Dictionary,
    n: int = 100,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """A stratified random sample of sentences for hand-coding, with the dictionary's codes hidden.

    Strata are group x (the dictionary found some frame / none), so the sample holds both
    sentences the dictionary flags and sentences it misses (for recall); each stratum gives
    ``ceil(n / strata)`` sentences (all of a smaller stratum), and the sheet is shuffled so
    the strata cannot be read off the order. Write it with ``report.write_table`` or
    ``to_csv``, have coders fill each frame column with 1 or 0, and read it back with
    :func:`read_coding`.

    Args:
        sentences: the sentence table; hits: :func:`~corpus_tools.framing.match_frames`.
        frames: the frame names (or the frame dictionary) to code.
        n: sentences wanted (about; strata are filled equally).
        by, corpus: the grouping column, joined from ``corpus`` if the sentences lack it; a
            document without a value is in the group ``"(missing)"``, a stratum like any other.
        seed: random seed.

    Returns:
        ``coding_id, doc_id, sent_id, start, end, text`` and one empty column per frame.

    >>> sents = pd.DataFrame({"doc_id": "a", "sent_id": [0, 1], "start": [0, 5], "end": [4, 9],
    ...                       "text": ["Cost", "Fine"]})
    >>> export_coding_sample(sents, sents.head(1), frames=["economic"], n=2).columns.tolist()
    ['coding_id', 'doc_id', 'sent_id', 'start', 'end', 'text', 'economic']
    """
    names = frames.category_names if isinstance(frames, Dictionary) else list(frames)
    sents = attach_groups(sentences, by, documents=corpus)
    flagged = set(zip(hits["doc_id"], hits["sent_id"]))
    sents = sents.assign(_flagged=[k in flagged for k in zip(sents["doc_id"], sents["sent_id"])])
    strata = sents.groupby(["group", "_flagged"], sort=True)
    per_stratum = math.ceil(n / max(strata.ngroups, 1))
    rng = np.random.default_rng(seed)
    picked = [
        part.iloc[np.sort(rng.choice(len(part), size=min(per_stratum, len(part)), replace=False))] for _, part in strata
    ]
    sample = pd.concat(picked) if picked else sents.head(0)
    sample = sample.iloc[rng.permutation(len(sample))].reset_index(drop=True)
    sheet = sample[["doc_id", "sent_id", "start", "end", "text"]].copy()
    sheet.insert(0, "coding_id", range(1, len(sheet) + 1))
    for name in names:
        sheet[name] = ""
    return sheet


def read_coding(paths: str | Path | Sequence[str | Path] | dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Read completed coding sheets (one per coder; the coder is the file name without suffix).

    Frame columns hold 1/0 (also yes/no, y/n, x, true/false; an empty cell is 0); a row with
    every frame cell empty is uncoded and skipped.

    Args:
        paths: CSV file(s), or ``{coder: DataFrame}``.

    Returns:
        ``coder, doc_id, sent_id, frame, code`` (``code`` 0 or 1).

    Raises:
        ValueError: a cell holds something else (the message names file, line and column).
    """
    if isinstance(paths, dict):
        sheets = paths.items()
    else:
        paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
        sheets = [(Path(p).stem, pd.read_csv(p, dtype=str, keep_default_na=False)) for p in paths]
    parts = []
    for coder, sheet in sheets:
        require_columns(
            sheet,
            ["doc_id", "sent_id"],
            table=f"coding sheet {coder}",
            hint="Code the sheet written by export_coding_sample.",
        )
        frames = [c for c in sheet.columns if c not in CODING_KEYS]
        cells = sheet[frames].astype(str).apply(lambda col: col.str.strip().str.lower())
        coded = cells.ne("").any(axis=1)
        for frame in frames:
            bad = ~cells[frame].isin(_CODE_VALUES) & coded
            if bad.any():
                line = int(np.flatnonzero(bad.to_numpy())[0]) + 2
                raise ValueError(
                    f"coding sheet {coder}, line {line}, column {frame!r}: {sheet[frame][bad].iloc[0]!r} "
                    "is not a code; write 1 (frame present) or 0 (absent)"
                )
        long = sheet.loc[coded, ["doc_id", "sent_id"]].join(cells.loc[coded])
        long = long.melt(["doc_id", "sent_id"], var_name="frame", value_name="code")
        parts.append(long.assign(coder=str(coder), code=long["code"].map(_CODE_VALUES).astype("int64")))
    table = pd.concat(parts, ignore_index=True)
    table["sent_id"] = table["sent_id"].astype("int64")
    return table[["coder", "doc_id", "sent_id", "frame", "code"]]


def cohens_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa of two raters' nominal codes (:func:`sklearn.metrics.cohen_kappa_score`):
    ``(p_o - p_e) / (1 - p_e)``; NaN when ``p_e == 1`` (both raters use one and the same code only).

    >>> round(cohens_kappa([1, 1, 0, 0], [1, 0, 0, 0]), 3)
    0.5
    """
    x, y = np.asarray(a), np.asarray(b)
    if x.shape != y.shape or x.size == 0:
        raise ValueError("cohens_kappa needs two equally long, non-empty code sequences")
    if np.unique(np.concatenate([x, y])).size == 1:
        return math.nan  # p_e == 1: kappa is undefined
    return float(cohen_kappa_score(x, y))


def krippendorff_alpha(data: np.ndarray | Sequence[Sequence[float]], *, level: str = "nominal") -> float:
    """Krippendorff's alpha of a raters x units matrix (NaN = not coded), with the
    ``krippendorff`` package; NaN when undefined (a single value in the data).

    >>> round(krippendorff_alpha([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]), 3)
    0.095
    """
    import krippendorff

    matrix = np.asarray(data, dtype=float)
    if np.unique(matrix[~np.isnan(matrix)]).size < 2:
        return math.nan
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement=level))


def _agreement_row(frame: str, rater_a: str, rater_b: str, a: np.ndarray, b: np.ndarray) -> dict:
    tp, fp = int(((a == 1) & (b == 1)).sum()), int(((a == 1) & (b == 0)).sum())
    fn, tn = int(((a == 0) & (b == 1)).sum()), int(((a == 0) & (b == 0)).sum())
    precision = recall = f1 = math.nan
    if a.size:  # rater_b is the reference: precision and recall of rater_a's 1s
        p, r, f, _ = precision_recall_fscore_support(b, a, labels=[1], average=None, zero_division=np.nan)
        precision, recall, f1 = float(p[0]), float(r[0]), float(f[0])
    return {
        "frame": frame,
        "rater_a": rater_a,
        "rater_b": rater_b,
        "n": int(a.size),
        "both": tp,
        "only_a": fp,
        "only_b": fn,
        "neither": tn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "kappa": cohens_kappa(a, b) if a.size else math.nan,
        "alpha": krippendorff_alpha([a, b]) if a.size else math.nan,
    }


def compare_coding(coding: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Agreement between the dictionary and coders, and between coders, per frame.

    Args:
        coding: :func:`read_coding` output (``coder, doc_id, sent_id, frame, code``).
        hits: :func:`~corpus_tools.framing.match_frames` on the same sentences (the
            dictionary's codes: a frame is present in a sentence with at least one hit).

    Returns:
        One row per frame and pair of raters: ``frame, rater_a, rater_b, n, both, only_a,
        only_b, neither`` (the confusion matrix; ``only_a`` = coded by ``rater_a`` only),
        ``precision, recall, f1`` of ``rater_a`` taking ``rater_b`` as the reference (rater_a
        is ``"dictionary"`` for the dictionary's rows), Cohen's ``kappa`` and Krippendorff's
        ``alpha`` (nominal). With three or more coders, a row ``rater_a="all coders"`` gives
        alpha over every coder.
    """
    require_columns(coding, ["coder", "doc_id", "sent_id", "frame", "code"], table="coding")
    wide = coding.pivot_table(index=["frame", "doc_id", "sent_id"], columns="coder", values="code", aggfunc="max")
    present = set(zip(hits["frame"], hits["doc_id"], hits["sent_id"]))
    wide["dictionary"] = [int(key in present) for key in wide.index]
    coders = [c for c in wide.columns if c != "dictionary"]
    rows = []
    for frame, part in wide.groupby(level="frame", sort=True):
        pairs = [("dictionary", c) for c in coders] + [(a, b) for i, a in enumerate(coders) for b in coders[i + 1 :]]
        for a, b in pairs:
            both = part[[a, b]].dropna()
            rows.append(_agreement_row(frame, a, b, both[a].to_numpy(int), both[b].to_numpy(int)))
        if len(coders) >= 3:
            n_units = int(part[coders].notna().any(axis=1).sum())
            rows.append(
                {
                    "frame": frame,
                    "rater_a": "all coders",
                    "rater_b": "",
                    "n": n_units,
                    "alpha": krippendorff_alpha(part[coders].to_numpy(dtype=float).T),
                }
            )
    return pd.DataFrame(rows, columns=list(_agreement_row("", "", "", np.zeros(0), np.zeros(0))))
