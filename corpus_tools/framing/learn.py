"""Frames learned from hand-coding: a classifier trained on a coder's sheet of articles
(:func:`fit_frame_classifier`), its cross-validated validity next to the dictionary's on the
same folds, a learning curve (how much more coding helps), and the uncoded articles to code
next (:func:`select_next_to_code`, uncertainty sampling).

The model is scikit-learn throughout: word and two-word TF-IDF features of the article text
(:class:`~sklearn.feature_extraction.text.TfidfVectorizer`) plus the frame dictionary's hit
rate per frame (hits per word, scaled to at most 1 like the TF-IDF weights), and one
:class:`~sklearn.linear_model.LogisticRegression` per frame with ``class_weight="balanced"``
(the liblinear solver: exact and fast on a few thousand sparse rows).
Folds are :class:`~sklearn.model_selection.StratifiedKFold` over articles (one row per
article, so no article is in a training and a test fold at once), shuffled with ``seed``;
the same seed gives the same folds, models and numbers.

>>> docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)],
...                      "text": ["Taxes and costs rose." if i % 2 else "The family grieved." for i in range(12)]})
>>> codes = pd.DataFrame({"doc_id": docs["doc_id"], "economic": [bool(i % 2) for i in range(12)]})
>>> model = fit_frame_classifier(docs, codes, n_splits=3)
>>> model.validity[["frame", "n_coded", "n_positive", "auc"]].values.tolist()
[['economic', 12, 6, 1.0]]
>>> model.score_frames(docs).columns.tolist()
['doc_id', 'frame', 'probability']
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MaxAbsScaler

from corpus_tools.checks import require_columns
from corpus_tools.dictionaries import Dictionary
from corpus_tools.framing.frames import read_frames, score_frames

__all__ = ["FrameClassifier", "export_article_sample", "fit_frame_classifier", "select_next_to_code", "TRAIN_SIZES"]

#: Numbers of coded training articles in the learning curve (those below a fold's training size).
TRAIN_SIZES = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
#: Characters of each article shown in the article coding sheet (the coder reads the whole article).
PREVIEW_CHARS = 200
#: Columns of a coding sheet that are not frames (the sentence sheet's keys, a coder's name, notes).
_NOT_FRAMES = {"coding_id", "sent_id", "start", "end", "text", "title", "coder", "notes", "comment"}
_TRUE = {"1", "1.0", "true", "yes", "y", "x"}
_FALSE = {"0", "0.0", "false", "no", "n"}


@dataclass
class FrameClassifier:
    """A frame classifier fitted on coded articles (from :func:`fit_frame_classifier`).

    Attributes:
        frames: the frames modelled (the sheet's frame columns with both classes coded).
        dictionary: the frame dictionary whose hit rates are features and the baseline.
        models: one fitted scikit-learn pipeline per frame, trained on every coded article.
        codes: the coded articles used: ``doc_id`` and one boolean column per frame.
        validity: per frame, cross-validated by article: ``frame, n_coded, n_positive,
            n_splits, auc, auc_sd, f1, dictionary_auc, dictionary_auc_sd, dictionary_f1``
            (the dictionary scored on the same test folds: AUC of its hit rate, F1 of "at
            least one hit"; NaN for a frame the dictionary lacks).
        learning_curve: ``frame, n_train, auc, auc_sd, n_folds``: test-fold AUC when only
            ``n_train`` coded articles of each training fold are used (a stratified sample);
            the last size of a frame is the whole training fold.
        excluded: what was left out and why: ``item, reason`` (frames with one class, rows
            of the sheet left uncoded).
        seed: the random seed of folds and samples.
    """

    frames: list[str]
    dictionary: Dictionary
    models: dict[str, Pipeline]
    codes: pd.DataFrame
    validity: pd.DataFrame
    learning_curve: pd.DataFrame
    excluded: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["item", "reason"]))
    seed: int = 0

    def score_frames(self, docs: pd.DataFrame) -> pd.DataFrame:
        """Probability of each frame in each document: ``doc_id, frame, probability`` (tidy).

        Coded articles were seen in training, so their probabilities are optimistic; the
        honest figures are in :attr:`validity`.
        """
        features = _features(docs, self.dictionary)
        if features.empty:
            return pd.DataFrame({"doc_id": pd.Series(dtype=str), "frame": pd.Series(dtype=str), "probability": 0.0})[:0]
        parts = [
            pd.DataFrame(
                {"doc_id": features["doc_id"], "frame": frame, "probability": model.predict_proba(features)[:, 1]}
            )
            for frame, model in self.models.items()
        ]
        return pd.concat(parts, ignore_index=True)


def fit_frame_classifier(
    docs: pd.DataFrame,
    codes: pd.DataFrame | str | Path,
    *,
    dictionary: str | Path | Dictionary = "generic",
    n_splits: int = 5,
    ngram_range: tuple[int, int] = (1, 2),
    min_df: int = 1,
    C: float = 10.0,
    train_sizes: tuple[int, ...] = TRAIN_SIZES,
    seed: int = 0,
) -> FrameClassifier:
    """Train one classifier per frame on a coder's sheet of articles, with cross-validated validity.

    Args:
        docs: the documents (``doc_id, text``); the coded ones are the training data.
        codes: a coding sheet (a table or a CSV path): ``doc_id`` and one column per frame
            coded 1/0 (True/False, yes/no). A row left wholly empty is an article not yet
            coded (left out and listed in ``excluded``); a partly empty row is an error.
        dictionary: the frame dictionary whose per-frame hit rates are features and whose
            AUC on the same folds is the baseline.
        n_splits: folds of the cross-validation (fewer for a frame with fewer articles in its
            smaller class, with a warning).
        ngram_range, min_df: TF-IDF word n-grams and minimum document frequency.
        C: inverse regularisation strength of the logistic regressions. The default 10 is
            weaker than scikit-learn's 1, which underfit the small weights of L2-normalised
            TF-IDF rows on invented test articles (chosen there, not on evaluation data).
        train_sizes: numbers of training articles for the learning curve.
        seed: random seed (folds, learning-curve samples).

    Returns:
        A :class:`FrameClassifier`.

    Raises:
        KeyError: no ``doc_id`` or ``text`` column.
        ValueError: repeated doc_ids in ``docs``; unknown or repeated doc_ids in ``codes``,
            values that are not 1/0, partly coded rows, no frame with both classes; the
            message names the column and the rows.

    Warns:
        UserWarning: a frame coded with one class only (left out), fewer folds than asked,
            uncoded rows left out.
    """
    require_columns(docs, ["doc_id", "text"], table="docs")
    repeated = sorted(docs.loc[docs["doc_id"].duplicated(), "doc_id"].astype(str).unique())
    if repeated:
        raise ValueError(f"docs: doc_id(s) on more than one row ({', '.join(repeated[:5])}); one row per article")
    dictionary = read_frames(dictionary)
    coded, excluded = _read_codes(codes, docs)
    features = _features(docs, dictionary).set_index("doc_id").loc[coded["doc_id"]].reset_index()
    frames, models, validity, curves = [], {}, [], []
    for frame in [c for c in coded.columns if c != "doc_id"]:
        y = coded[frame].to_numpy(dtype=bool)
        n_pos, n_neg = int(y.sum()), int((~y).sum())
        if min(n_pos, n_neg) < 2:
            reason = f"column {frame!r}: {n_pos} articles coded 1 and {n_neg} coded 0; a classifier needs two of each"
            warnings.warn(f"codes {reason}; frame left out", UserWarning, stacklevel=2)
            excluded.append({"item": f"frame {frame}", "reason": reason})
            continue
        k = min(n_splits, n_pos, n_neg)
        if k < n_splits:
            warnings.warn(
                f"codes column {frame!r}: only {min(n_pos, n_neg)} articles in the smaller class; "
                f"{k} folds instead of {n_splits} (code more articles)",
                UserWarning,
                stacklevel=2,
            )
        pipeline = _make_pipeline(dictionary, ngram_range=ngram_range, min_df=min_df, C=C, seed=seed)
        row, curve = _cross_validate(pipeline, features, y, frame, dictionary, k, train_sizes, seed)
        frames.append(frame)
        validity.append(row)
        curves.append(curve)
        models[frame] = clone(pipeline).fit(features, y)
    if not frames:
        raise ValueError("codes: no frame column has two articles coded 1 and two coded 0; code more articles")
    return FrameClassifier(
        frames=frames,
        dictionary=dictionary,
        models=models,
        codes=coded,
        validity=pd.DataFrame(validity),
        learning_curve=pd.concat(curves, ignore_index=True),
        excluded=pd.DataFrame(excluded, columns=["item", "reason"]),
        seed=seed,
    )


def export_article_sample(docs: pd.DataFrame, *, frames: list[str] | Dictionary, seed: int = 0) -> pd.DataFrame:
    """A coding sheet of whole articles for :func:`fit_frame_classifier`, in a random order.

    Coders work down the sheet, filling each frame column of an article with 1 or 0 (the
    codebook's questions), and leave the rows of articles they did not code empty: those are
    not training data, and :func:`select_next_to_code` later says which of them to code next.
    The random order (seeded) makes the first rows a simple random sample of the corpus.

    Args:
        docs: the documents (``doc_id, text``; ``title`` is shown when present).
        frames: the frame names (or the frame dictionary) to code.
        seed: random seed of the order.

    Returns:
        ``doc_id`` (+ ``title``), ``text`` (the article's first characters, to find it) and
        one empty column per frame.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Costs rose.", "A family wept."]})
    >>> export_article_sample(docs, frames=["economic"]).columns.tolist()
    ['doc_id', 'text', 'economic']
    """
    require_columns(docs, ["doc_id", "text"], table="docs")
    names = frames.category_names if isinstance(frames, Dictionary) else list(frames)
    keys = ["doc_id", "title"] if "title" in docs.columns else ["doc_id"]
    sheet = docs[keys].assign(
        text=docs["text"].fillna("").str.slice(0, PREVIEW_CHARS).str.replace(r"\s+", " ", regex=True)
    )
    order = np.random.default_rng(seed).permutation(len(sheet))
    return sheet.iloc[order].assign(**{name: "" for name in names}).reset_index(drop=True)


def select_next_to_code(model: FrameClassifier, docs: pd.DataFrame, *, top_n: int = 20) -> pd.DataFrame:
    """The uncoded articles the model is least sure about: code these next (uncertainty sampling).

    An article's uncertainty is its frame probability closest to 0.5; articles already in the
    model's coding sheet are never proposed.

    Args:
        model: a fitted :class:`FrameClassifier`.
        docs: the documents (``doc_id, text``).
        top_n: how many articles to propose.

    Returns:
        ``doc_id, frame, probability, margin``: one row per article, most uncertain first;
        ``frame`` is the frame it is least sure about, ``margin`` is ``|probability - 0.5|``
        (ties broken by ``doc_id``).

    >>> docs = pd.DataFrame({"doc_id": list("abcdefgh"), "text": ["Costs rose.", "A family wept."] * 4})
    >>> codes = pd.DataFrame({"doc_id": list("abcdef"), "economic": [True, False] * 3})
    >>> model = fit_frame_classifier(docs, codes, n_splits=2)
    >>> sorted(select_next_to_code(model, docs)["doc_id"])
    ['g', 'h']
    """
    uncoded = docs[~docs["doc_id"].isin(model.codes["doc_id"])]
    scores = model.score_frames(uncoded)
    scores["margin"] = (scores["probability"] - 0.5).abs()
    scores = scores.sort_values(["margin", "doc_id", "frame"], kind="mergesort")
    return scores.drop_duplicates("doc_id").head(top_n).reset_index(drop=True)


def _read_codes(codes: pd.DataFrame | str | Path, docs: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """The sheet as ``doc_id`` + one bool column per frame, and the rows left out (uncoded)."""
    where = f"codes file {codes}" if isinstance(codes, (str, Path)) else "codes"
    if isinstance(codes, (str, Path)):
        codes = pd.read_csv(codes, dtype=str, keep_default_na=False)
    require_columns(codes, ["doc_id"], table=where, hint="A coding sheet has doc_id and one 1/0 column per frame.")
    frames = [c for c in codes.columns if c != "doc_id" and c not in _NOT_FRAMES]
    if not frames:
        raise ValueError(f"{where} has no frame column (only {list(codes.columns)}); add one 1/0 column per frame")
    sheet = codes[["doc_id", *frames]].copy()
    sheet["doc_id"] = sheet["doc_id"].astype(str)
    unknown = sorted(set(sheet["doc_id"]) - set(docs["doc_id"].astype(str)))
    if unknown:
        raise ValueError(
            f"{where}: {len(unknown)} doc_id(s) not in the documents ({', '.join(unknown[:5])}"
            f"{', ...' if len(unknown) > 5 else ''}); fix the ids or load the corpus they were coded from"
        )
    repeated = sorted(sheet.loc[sheet["doc_id"].duplicated(), "doc_id"].unique())
    if repeated:
        raise ValueError(
            f"{where}: doc_id(s) on more than one row ({', '.join(repeated[:5])}); "
            "one row per article (settle disagreements between coders first)"
        )
    values = {frame: sheet[frame].map(_as_code) for frame in frames}
    for frame, coded in values.items():
        bad = sheet.loc[coded.isna() & ~sheet[frame].map(_is_empty), ["doc_id", frame]]
        if len(bad):
            examples = ", ".join(f"{d}: {v!r}" for d, v in bad.head(3).itertuples(index=False))
            raise ValueError(f"{where}, column {frame!r}: values that are not 1/0 or True/False ({examples})")
    empty = pd.DataFrame({frame: sheet[frame].map(_is_empty) for frame in frames})
    partly = sheet.loc[empty.any(axis=1) & ~empty.all(axis=1), "doc_id"]
    if len(partly):
        column = next(f for f in frames if empty.loc[partly.index, f].any())
        raise ValueError(
            f"{where}: {len(partly)} row(s) coded for some frames but empty in others (column {column!r}, "
            f"doc_id {', '.join(partly.head(3))}); code every frame of an article or leave its row empty"
        )
    excluded = [
        {"item": f"doc {d}", "reason": "row not coded (every frame empty)"} for d in sheet["doc_id"][empty.all(axis=1)]
    ]
    if excluded:
        warnings.warn(
            f"{where}: {len(excluded)} uncoded row(s) left out (every frame empty)", UserWarning, stacklevel=3
        )
    keep = ~empty.all(axis=1)
    coded = pd.DataFrame({"doc_id": sheet["doc_id"][keep]} | {f: values[f][keep].astype(bool) for f in frames})
    return coded.reset_index(drop=True), excluded


def _is_empty(value) -> bool:
    return (
        value is None
        or (isinstance(value, float) and np.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )


def _as_code(value) -> float:
    """1.0 / 0.0 for a code, NaN for anything else (an empty cell or a value that is not a code)."""
    if isinstance(value, (bool, np.bool_)):
        return float(value)
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value) if value in (0, 1) else np.nan
    text = str(value).strip().lower() if value is not None else ""
    return 1.0 if text in _TRUE else 0.0 if text in _FALSE else np.nan


def _rate_columns(dictionary: Dictionary) -> list[str]:
    return [f"rate_{frame}" for frame in dictionary.category_names]


def _features(docs: pd.DataFrame, dictionary: Dictionary) -> pd.DataFrame:
    """``doc_id, text`` and the dictionary's hits per word for each frame (``rate_<frame>``)."""
    table = docs[["doc_id", "text"]].assign(
        doc_id=lambda d: d["doc_id"].astype(str), text=lambda d: d["text"].fillna("")
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # other-language documents: rate 0 here, warned where they are scored
        scores = score_frames(table, dictionary=dictionary)
    rates = scores.pivot_table(index="doc_id", columns="frame", values="per_10k", aggfunc="first", dropna=False)
    rates = (rates.reindex(columns=dictionary.category_names) / 10_000).fillna(0.0)
    rates.columns = _rate_columns(dictionary)
    return table.merge(rates, left_on="doc_id", right_index=True, how="left").fillna(0.0)


def _make_pipeline(dictionary: Dictionary, *, ngram_range, min_df, C, seed) -> Pipeline:
    words = TfidfVectorizer(ngram_range=ngram_range, min_df=min_df, sublinear_tf=True)
    features = ColumnTransformer([("words", words, "text"), ("dictionary", MaxAbsScaler(), _rate_columns(dictionary))])
    model = LogisticRegression(class_weight="balanced", C=C, solver="liblinear", random_state=seed)
    return Pipeline([("features", features), ("model", model)])


def _auc(y: np.ndarray, score: np.ndarray) -> float:
    return float(roc_auc_score(y, score)) if 0 < y.sum() < y.size else np.nan


def _cross_validate(pipeline, features, y, frame, dictionary, k, train_sizes, seed) -> tuple[dict, pd.DataFrame]:
    """Validity row and learning curve of one frame, on one set of stratified folds."""
    rate = f"rate_{frame}"
    has_baseline = rate in features.columns
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    aucs, f1s, dict_aucs, dict_f1s, curve = [], [], [], [], []
    for train, test in folds.split(features, y):
        fitted = clone(pipeline).fit(features.iloc[train], y[train])
        p = fitted.predict_proba(features.iloc[test])[:, 1]
        aucs.append(_auc(y[test], p))
        f1s.append(f1_score(y[test], p >= 0.5, zero_division=0.0))
        if has_baseline:
            dict_aucs.append(_auc(y[test], features[rate].to_numpy()[test]))
            dict_f1s.append(f1_score(y[test], features[rate].to_numpy()[test] > 0, zero_division=0.0))
        for n in [s for s in train_sizes if s < len(train)]:
            try:
                sample, _ = train_test_split(train, train_size=n, stratify=y[train], random_state=seed)
            except ValueError:  # too few of a class for a stratified sample of this size: no point
                continue
            if 0 < y[sample].sum() < n:
                small = clone(pipeline).fit(features.iloc[sample], y[sample])
                curve.append((n, _auc(y[test], small.predict_proba(features.iloc[test])[:, 1]), False))
        curve.append((len(train), aucs[-1], True))
    row = {
        "frame": frame,
        "n_coded": int(y.size),
        "n_positive": int(y.sum()),
        "n_splits": k,
        "auc": float(np.nanmean(aucs)),
        "auc_sd": float(np.nanstd(aucs)),
        "f1": float(np.mean(f1s)),
        "dictionary_auc": float(np.nanmean(dict_aucs)) if has_baseline else np.nan,
        "dictionary_auc_sd": float(np.nanstd(dict_aucs)) if has_baseline else np.nan,
        "dictionary_f1": float(np.mean(dict_f1s)) if has_baseline else np.nan,
    }
    return row, _summarize_curve(curve, frame)


def _summarize_curve(curve: list[tuple[int, float, bool]], frame: str) -> pd.DataFrame:
    """Mean and SD of test AUC per training size; the folds' whole training sets (which differ by
    an article or so) are one size, their mean."""
    table = pd.DataFrame(curve, columns=["n_train", "auc", "full"])
    table.loc[table["full"], "n_train"] = int(round(table.loc[table["full"], "n_train"].mean()))
    out = table.groupby("n_train")["auc"].agg(auc="mean", auc_sd=lambda a: float(np.std(a)), n_folds="size")
    return out.reset_index().assign(frame=frame)[["frame", "n_train", "auc", "auc_sd", "n_folds"]]
