"""Validate the sentiment lexicons against human ratings: VADER's ground truth (Hutto & Gilbert 2014).

``<eval_dir>/vader_groundtruth/`` holds four sets of snippets (NYT editorials, tweets, movie
and Amazon reviews), each rated by 20 people from -4 to +4. Every shipped lexicon scores each
snippet as given (:func:`corpus_tools.sentiment.score_texts`); the table gives Pearson's r
between ``compound`` and the human mean, and 3-class F1 (positive / neutral / negative at
+-0.05, the human mean divided by 4 thresholded the same way) beside the paper's figures
(Table 4). The paper does not state how F1 is averaged, so both weighted and macro F1 are shown.

Target: the reference VADER reproduces r >= 0.49 on the NYT editorials (paper: 0.492).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats as sps
from sklearn.metrics import f1_score

from corpus_tools.config import NOTEBOOKS_DIR
from corpus_tools.sentiment import LEXICONS, score_texts

FOLDER = "vader_groundtruth"
#: Data set name -> file name.
SETS = {
    "nyt": "nytEditorialSnippets_GroundTruth.txt",
    "tweets": "tweets_GroundTruth.txt",
    "movies": "movieReviewSnippets_GroundTruth.txt",
    "amazon": "amazonReviewSnippets_GroundTruth.txt",
}
#: The paper's Table 4: (data set, method) -> (r, F1). Hu-Liu04 is listed as the closest
#: published relative of the other word lists; the paper has no figure for AFINN or Pattern.
PAPER = {
    ("nyt", "vader"): (0.492, 0.55),
    ("nyt", "humans"): (0.745, 0.65),
    ("nyt", "Hu-Liu04"): (0.487, 0.52),
    ("tweets", "vader"): (0.881, 0.96),
    ("tweets", "humans"): (0.888, 0.84),
    ("tweets", "Hu-Liu04"): (0.756, 0.77),
    ("movies", "vader"): (0.451, 0.61),
    ("movies", "humans"): (0.899, 0.92),
    ("movies", "Hu-Liu04"): (0.416, 0.59),
    ("amazon", "vader"): (0.565, 0.63),
    ("amazon", "humans"): (0.911, 0.85),
    ("amazon", "Hu-Liu04"): (0.571, 0.62),
}
TARGET_R_NYT = 0.49
THRESHOLD = 0.05


def resolve_eval_dir(eval_dir: str | Path, *, base: Path = NOTEBOOKS_DIR) -> Path:
    """``eval_dir`` as an absolute path; a relative one is read from ``base`` (``notebooks/``,
    where the notebooks run), so the result does not depend on the working directory.

    >>> resolve_eval_dir("../../shared/eval", base=Path("/repo/notebooks")).as_posix()
    '/shared/eval'
    >>> resolve_eval_dir("/data/eval").as_posix()
    '/data/eval'
    """
    path = Path(eval_dir).expanduser()
    return path if path.is_absolute() else Path(os.path.normpath(base / path))


def read_ground_truth(path: Path) -> pd.DataFrame:
    """One rated set: ``id, mean_rating, text`` (tab-separated, no header; text may hold tabs).

    Raises:
        ValueError: a line without three fields or with a non-numeric rating (names file:line).
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.rstrip("\r\n").split("\t", 2)
        try:
            rows.append((parts[0], float(parts[1]), parts[2]))
        except (IndexError, ValueError):
            raise ValueError(f"{path}:{number}: expected 'id<TAB>mean rating<TAB>text'") from None
    return pd.DataFrame(rows, columns=["id", "mean_rating", "text"])


def _classes(values: np.ndarray) -> np.ndarray:
    return np.where(values >= THRESHOLD, 1, np.where(values <= -THRESHOLD, -1, 0))


def score_validity(eval_dir: Path, *, lexicons=LEXICONS, sets=tuple(SETS)) -> pd.DataFrame:
    """Pearson r and 3-class F1 of each lexicon on each rated set, beside the paper's figures.

    Returns:
        ``dataset, lexicon, n, pearson_r, f1_weighted, f1_macro, paper_r, paper_f1``
        (paper figures for VADER and, as rows ``humans`` / ``Hu-Liu04``, the paper's own
        reference points). Empty when the data is absent.
    """
    folder = Path(eval_dir) / FOLDER
    rows = []
    for name in sets:
        path = folder / SETS[name]
        if not path.exists():
            continue
        gold = read_ground_truth(path)
        truth = _classes(gold["mean_rating"].to_numpy() / 4)
        for lexicon in lexicons:
            compound = score_texts(gold["text"], lexicon=lexicon)["compound"].to_numpy()
            predicted = _classes(compound)
            r = sps.pearsonr(compound, gold["mean_rating"]).statistic
            paper_r, paper_f1 = PAPER.get((name, str(lexicon)), (np.nan, np.nan))
            rows.append(
                (
                    name,
                    str(lexicon),
                    len(gold),
                    float(r),
                    f1_score(truth, predicted, average="weighted"),
                    f1_score(truth, predicted, average="macro"),
                    paper_r,
                    paper_f1,
                )
            )
        for method in ("humans", "Hu-Liu04"):
            paper_r, paper_f1 = PAPER[(name, method)]
            rows.append((name, f"{method} (paper)", len(gold), np.nan, np.nan, np.nan, paper_r, paper_f1))
    columns = ["dataset", "lexicon", "n", "pearson_r", "f1_weighted", "f1_macro", "paper_r", "paper_f1"]
    return pd.DataFrame(rows, columns=columns)


def run(eval_dir: Path) -> bool:
    """Print the validity table; False if reference VADER's r on NYT is below 0.49 (or the data is missing)."""
    table = score_validity(eval_dir)
    if table.empty:
        print(f"no rated sets under {Path(eval_dir) / FOLDER}; nothing validated")
        return False
    with pd.option_context("display.width", 140, "display.max_columns", 20):
        print(table.round(3).to_string(index=False))
    nyt = table[(table["dataset"] == "nyt") & (table["lexicon"] == "vader")]
    if nyt.empty:
        print("NYT editorials missing: the VADER target cannot be checked")
        return False
    r = float(nyt["pearson_r"].iloc[0])
    ok = r >= TARGET_R_NYT
    print(
        f"reference VADER on NYT editorials: r = {r:.3f} (target >= {TARGET_R_NYT}, paper 0.492): "
        f"{'ok' if ok else 'MISSED'}"
    )
    return ok
