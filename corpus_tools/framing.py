"""Comparative framing: frame dictionaries scored per document and sentence, compared between
groups (outlets, countries, periods) with uncertainty, with the actors, names and quoted voices
behind each frame, the evidence sentences behind every number, and a hand-coding workflow to
check the dictionary against human coders.

A frame dictionary is an ordinary :mod:`corpus_tools.dictionaries` file whose categories are
frames. Two are shipped in ``corpus_tools/resources/frames`` (each with a Markdown codebook):
``generic`` (the five generic news frames of Semetko & Valkenburg 2000) and ``security``
(issue-specific frames of coverage of security guarantees for Ukraine).

Dictionary framing counts words that cue a frame. It cannot see stance, irony, a frame carried
by a story's structure, or a cue word used in another sense; read the evidence sentences and
measure agreement with coders (:func:`export_coding_sample`, :func:`compare_coding`) before
trusting a difference.

>>> import corpus_tools as ct
>>> docs = ct.load_corpus(ct.config.SEEDS_DIR)
>>> scores = score_frames(docs, dictionary="generic")
>>> list(scores.columns[:4])
['doc_id', 'frame', 'hits', 'n_words']
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from scipy import stats as sps

from corpus_tools import stats
from corpus_tools.config import RESOURCES_DIR
from corpus_tools.dictionaries import Dictionary, DictionaryError, match_actors, match_dictionary, read_dictionary
from corpus_tools.report import highlight_html
from corpus_tools.segment import count_words, split_sentences

__all__ = [
    "compare_coding",
    "compare_frames",
    "compare_frames_chi2",
    "cohens_kappa",
    "count_actor_frames",
    "count_dominant_frames",
    "count_frame_cooccurrence",
    "count_frame_salience",
    "count_frame_shares",
    "count_naming",
    "count_quotes",
    "cramers_v",
    "export_coding_sample",
    "krippendorff_alpha",
    "list_frame_dictionaries",
    "plot_frame_cooccurrence",
    "plot_frame_differences",
    "plot_frame_heatmap",
    "read_coding",
    "read_frames",
    "read_naming",
    "score_frame_sentences",
    "score_frames",
    "select_contrast_groups",
    "select_evidence",
    "split_frame_hits",
    "split_naming_hits",
    "split_quotes",
]

FRAMES_DIR = RESOURCES_DIR / "frames"
NAMING_DIR = RESOURCES_DIR / "naming"
#: Columns of the sentence-level hits table (:func:`split_frame_hits`).
HIT_COLUMNS = ["doc_id", "sent_id", "frame", "term", "start", "end", "pattern", "negated"]
_KEYS = ["doc_id", "sent_id"]


# ---------------------------------------------------------------------------- dictionaries


def list_frame_dictionaries() -> list[str]:
    """Names of the shipped frame dictionaries.

    >>> list_frame_dictionaries()
    ['generic', 'security']
    """
    return sorted(p.stem for p in FRAMES_DIR.glob("*.yml"))


def read_frames(source: str | Path | Dictionary = "generic") -> Dictionary:
    """Read a frame dictionary: a shipped name (``"generic"``, ``"security"``), a file path
    (YAML, CSV, LIWC ``.dic``, Lexicoder ``.lc3``; see ``docs/dictionaries.md``) or a
    :class:`~corpus_tools.dictionaries.Dictionary`. Categories are frames.

    >>> read_frames("generic").category_names
    ['conflict', 'human_interest', 'economic', 'morality', 'responsibility']
    """
    if isinstance(source, Dictionary):
        return source
    shipped = FRAMES_DIR / f"{source}.yml"
    if isinstance(source, str) and not Path(source).exists() and shipped.exists():
        return read_dictionary(shipped)
    return read_dictionary(source)


# ---------------------------------------------------------------------------- scoring


def _sentences(corpus: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    return split_sentences(corpus) if sentences is None else sentences


def _with_group(table: pd.DataFrame, by: str | Sequence[str] | None, corpus: pd.DataFrame | None) -> pd.DataFrame:
    """``table`` with the grouping column(s) ``by``, joined from ``corpus`` on ``doc_id`` if missing."""
    columns = [by] if isinstance(by, str) else list(by or [])
    missing = [c for c in columns if c not in table.columns]
    if not missing:
        return table
    if corpus is None or any(c not in corpus.columns for c in missing):
        have = [] if corpus is None else list(corpus.columns)
        raise KeyError(
            f"grouping column(s) {missing} not found; pass corpus= with them (a metadata column of "
            f"load_corpus(..., metadata=...)); corpus columns: {have}"
        )
    return table.merge(corpus[["doc_id", *missing]].drop_duplicates("doc_id"), on="doc_id", how="left")


def split_frame_hits(
    sentences: pd.DataFrame, *, dictionary: str | Path | Dictionary = "generic", count_negated: bool = True
) -> pd.DataFrame:
    """Find the frame dictionary's terms in sentences: one row per hit.

    Overlapping matches of one frame count once (the longest wins), so "security guarantees"
    is one hit, not also one for ``security``; frames are independent of each other.

    Args:
        sentences: ``doc_id, sent_id, start, text`` from :func:`corpus_tools.split_sentences`.
        dictionary: a shipped frame dictionary's name, a path, or a Dictionary.
        count_negated: keep hits preceded by a negator ("no sanctions"); they are flagged in
            ``negated`` either way. A denied cost still frames a story in terms of cost.

    Returns:
        ``doc_id, sent_id, frame, term, start, end, pattern, negated``; offsets index into the
        document text.

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                       "text": ["Sanctions cost billions, not peace."]})
    >>> split_frame_hits(sents)[["frame", "term"]].values.tolist()
    [['economic', 'Sanctions'], ['economic', 'cost'], ['economic', 'billions']]
    """
    hits = match_dictionary(sentences, read_frames(dictionary))
    if not count_negated:
        hits = hits[~hits["negated"]]
    return hits.rename(columns={"category": "frame"})[HIT_COLUMNS].reset_index(drop=True)


def _sentence_words(sentences: pd.DataFrame) -> pd.DataFrame:
    """Words and sentences per document, counted as the matcher tokenises them."""
    words = sentences["text"].map(count_words)
    return (
        sentences.assign(n_words=words)
        .groupby("doc_id", sort=False)
        .agg(n_words=("n_words", "sum"), n_sentences=("sent_id", "size"))
        .reset_index()
    )


def score_frame_sentences(
    sentences: pd.DataFrame,
    *,
    dictionary: str | Path | Dictionary = "generic",
    hits: pd.DataFrame | None = None,
    by: str | None = None,
    corpus: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per sentence and frame: ``doc_id, sent_id, frame, hits, present`` (+ ``by``).

    The unit for shares of sentences, bootstrap intervals and co-occurrence.

    >>> sents = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 9],
    ...                       "text": ["It costs.", "They disagree."]})
    >>> score_frame_sentences(sents).query("present").values.tolist()
    [['a', 0, 'economic', 1, True], ['a', 1, 'conflict', 1, True]]
    """
    frames = read_frames(dictionary)
    hits = split_frame_hits(sentences, dictionary=frames) if hits is None else hits
    grid = sentences[_KEYS].merge(pd.DataFrame({"frame": frames.category_names}), how="cross")
    counts = hits.groupby([*_KEYS, "frame"]).size().rename("hits").reset_index()
    table = grid.merge(counts, on=[*_KEYS, "frame"], how="left")
    table["hits"] = table["hits"].fillna(0).astype("int64")
    table["present"] = table["hits"] > 0
    return _with_group(table, by, corpus) if by else table


def score_frames(
    corpus: pd.DataFrame,
    *,
    dictionary: str | Path | Dictionary = "generic",
    by: str | Sequence[str] | None = None,
    sentences: pd.DataFrame | None = None,
    hits: pd.DataFrame | None = None,
    count_negated: bool = True,
) -> pd.DataFrame:
    """Frame scores per document: one row per document and frame.

    Args:
        corpus: documents (``load_corpus``); every document gets a row per frame, also
            documents without a hit.
        dictionary: a shipped frame dictionary's name, a path, or a Dictionary.
        by: metadata column(s) of ``corpus`` to carry (outlet, country, period).
        sentences, hits: precomputed :func:`corpus_tools.split_sentences` and
            :func:`split_frame_hits` tables (computed when omitted).
        count_negated: see :func:`split_frame_hits`.

    Returns:
        ``doc_id, frame, hits, n_words, n_sentences, sentences_with_frame, per_1000_words,
        share_sentences`` (+ ``by``). Words are the word tokens of the sentences the
        matcher read; ``per_1000_words`` is NaN for an empty document.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Costs rose. Costs and prices fell. Fine."]})
    >>> score_frames(docs).query("frame == 'economic'")[["hits", "n_words", "per_1000_words"]].to_dict("records")
    [{'hits': 3, 'n_words': 7, 'per_1000_words': 428.57142857142856}]
    """
    frames = read_frames(dictionary)
    sentences = _sentences(corpus, sentences)
    hits = split_frame_hits(sentences, dictionary=frames, count_negated=count_negated) if hits is None else hits
    grid = corpus[["doc_id"]].merge(pd.DataFrame({"frame": frames.category_names}), how="cross")
    per_doc = hits.groupby(["doc_id", "frame"]).agg(hits=("term", "size"), sentences_with_frame=("sent_id", "nunique"))
    table = grid.merge(per_doc.reset_index(), on=["doc_id", "frame"], how="left")
    table = table.merge(_sentence_words(sentences), on="doc_id", how="left")
    table = table.fillna({"hits": 0, "sentences_with_frame": 0, "n_words": 0, "n_sentences": 0})
    table = table.astype({c: "int64" for c in ("hits", "sentences_with_frame", "n_words", "n_sentences")})
    table["per_1000_words"] = 1000 * table["hits"] / table["n_words"].where(table["n_words"] > 0)
    table["share_sentences"] = table["sentences_with_frame"] / table["n_sentences"].where(table["n_sentences"] > 0)
    columns = [
        "doc_id",
        "frame",
        "hits",
        "n_words",
        "n_sentences",
        "sentences_with_frame",
        "per_1000_words",
        "share_sentences",
    ]
    return _with_group(table[columns], by, corpus) if by else table[columns]


# ---------------------------------------------------------------------------- salience


def count_frame_salience(scores: pd.DataFrame, *, by: str = "doc_id") -> pd.DataFrame:
    """Frame salience per group, from :func:`score_frames`.

    Returns:
        ``group, frame, n_docs, n_words, hits, per_1000_words, share_sentences,
        share_documents``: hits per 1,000 words of the group (pooled), share of the group's
        sentences with the frame, share of its documents with at least one hit.

    >>> scores = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "x"], "frame": ["f", "f"],
    ...     "hits": [2, 0], "n_words": [100, 300], "n_sentences": [5, 5], "sentences_with_frame": [2, 0]})
    >>> count_frame_salience(scores, by="outlet")[["per_1000_words", "share_sentences", "share_documents"]].values.tolist()
    [[5.0, 0.2, 0.5]]
    """
    _require(scores, [by, "frame", "hits", "n_words", "n_sentences", "sentences_with_frame"])
    grouped = scores.assign(has_frame=scores["hits"] > 0).groupby([by, "frame"], sort=True)
    table = (
        grouped.agg(
            n_docs=("doc_id", "nunique"),
            n_words=("n_words", "sum"),
            hits=("hits", "sum"),
            n_sentences=("n_sentences", "sum"),
            sentences_with_frame=("sentences_with_frame", "sum"),
            share_documents=("has_frame", "mean"),
        )
        .reset_index()
        .rename(columns={by: "group"})
    )
    table["per_1000_words"] = 1000 * table["hits"] / table["n_words"].where(table["n_words"] > 0)
    table["share_sentences"] = table["sentences_with_frame"] / table["n_sentences"].where(table["n_sentences"] > 0)
    return table[
        ["group", "frame", "n_docs", "n_words", "hits", "per_1000_words", "share_sentences", "share_documents"]
    ]


def count_dominant_frames(scores: pd.DataFrame) -> pd.DataFrame:
    """The dominant frame of each document: the frame with the most hits.

    Returns:
        One row per document: ``doc_id, dominant_frame, hits, share_of_hits`` plus any other
        column of ``scores`` constant within a document (groups); ties are joined with
        ``" / "``, a document without hits gets ``"(none)"``.

    >>> scores = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "frame": ["x", "y", "x", "y"], "hits": [3, 1, 0, 0]})
    >>> count_dominant_frames(scores).values.tolist()
    [['a', 'x', 3, 0.75], ['b', '(none)', 0, nan]]
    """
    _require(scores, ["doc_id", "frame", "hits"])
    rows = []
    for doc_id, part in scores.groupby("doc_id", sort=True):
        top = int(part["hits"].max())
        total = int(part["hits"].sum())
        names = " / ".join(part.loc[part["hits"] == top, "frame"]) if top > 0 else "(none)"
        rows.append((doc_id, names, top, top / total if total else math.nan))
    table = pd.DataFrame(rows, columns=["doc_id", "dominant_frame", "hits", "share_of_hits"])
    score_columns = {
        "doc_id",
        "frame",
        "hits",
        "n_words",
        "n_sentences",
        "sentences_with_frame",
        "per_1000_words",
        "share_sentences",
    }
    extra = [c for c in scores.columns if c not in score_columns and scores.groupby("doc_id")[c].nunique().le(1).all()]
    return table.merge(scores[["doc_id", *extra]].drop_duplicates("doc_id"), on="doc_id") if extra else table


def _carried(by: str, table: pd.DataFrame) -> list[str]:
    """``[by]`` when ``table`` has the grouping column besides ``doc_id``, else ``[]``."""
    return [by] if by in table.columns and by != "doc_id" else []


def _require(frame: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"table is missing column(s) {missing}; it has {list(frame.columns)}")


# ---------------------------------------------------------------------------- comparison


def _cluster_for(by: str) -> str | None:
    """Resample documents, unless each document is its own group (then sentences)."""
    return None if by == "doc_id" else "doc_id"


def count_frame_shares(
    sentence_scores: pd.DataFrame, *, by: str = "doc_id", n_boot: int = 2000, seed: int = 0, ci: float = 0.95
) -> pd.DataFrame:
    """Share of each group's sentences carrying each frame, with a bootstrap interval.

    Documents are resampled whole (sentences of one article are not independent), unless
    ``by="doc_id"``, where sentences are resampled.

    Returns:
        ``group, frame, n, n_clusters, estimate, ci_low, ci_high`` (``n`` sentences,
        ``n_clusters`` documents; see :func:`corpus_tools.stats.bootstrap_groups`).
    """
    _require(sentence_scores, [by, "frame", "present"])
    parts = []
    for frame, part in sentence_scores.groupby("frame", sort=False):
        table = stats.bootstrap_groups(
            part.assign(present=part["present"].astype(float)),
            value="present",
            by=by,
            n_boot=n_boot,
            seed=seed,
            ci=ci,
            cluster=_cluster_for(by),
        )
        parts.append(table.assign(frame=frame))
    table = pd.concat(parts, ignore_index=True)
    if "n_clusters" not in table.columns:
        table["n_clusters"] = table["n"]
    return table[["group", "frame", "n", "n_clusters", "estimate", "ci_low", "ci_high"]]


def compare_frames(
    sentence_scores: pd.DataFrame,
    *,
    by: str,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    adjust: str = "holm",
) -> pd.DataFrame:
    """Pairwise differences between groups in the share of sentences carrying each frame.

    Intervals are percentile bootstraps over documents (over sentences when
    ``by="doc_id"``); p-values are Mann-Whitney tests on per-document shares (see
    :func:`corpus_tools.stats.compare_groups`), adjusted over every frame and pair together.

    Returns:
        ``frame, group_a, group_b, n_a, n_b, share_a, share_b, diff, diff_ci_low, diff_ci_high,
        cliffs_delta, p_value, p_adjusted``; ``diff = share_a - share_b``.
    """
    _require(sentence_scores, [by, "frame", "present"])
    parts = []
    for frame, part in sentence_scores.groupby("frame", sort=False):
        table = stats.compare_groups(
            part.assign(present=part["present"].astype(float)),
            value="present",
            by=by,
            n_boot=n_boot,
            seed=seed,
            ci=ci,
            cluster=_cluster_for(by),
            adjust="none",
        )
        parts.append(table.assign(frame=frame))
    columns = [
        "frame",
        "group_a",
        "group_b",
        "n_a",
        "n_b",
        "share_a",
        "share_b",
        "diff",
        "diff_ci_low",
        "diff_ci_high",
        "cliffs_delta",
        "p_value",
        "p_adjusted",
    ]
    if not parts or all(p.empty for p in parts):
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True).rename(columns={"mean_a": "share_a", "mean_b": "share_b"})
    table["p_adjusted"] = stats.p_adjust(table["p_value"].to_numpy(), method=adjust)
    return table[columns]


def cramers_v(table: np.ndarray | pd.DataFrame) -> float:
    """Cramér's V of a contingency table: ``sqrt(chi2 / (n * (min(rows, cols) - 1)))``, with the
    Pearson chi-square (no continuity correction); NaN when undefined.

    >>> round(cramers_v([[10, 0], [0, 10]]), 3)
    1.0
    """
    observed = np.asarray(table, dtype=float)
    observed = observed[observed.sum(axis=1) > 0][:, observed.sum(axis=0) > 0]
    if min(observed.shape) < 2:
        return math.nan
    chi2 = sps.chi2_contingency(observed, correction=False)[0]
    return float(math.sqrt(chi2 / (observed.sum() * (min(observed.shape) - 1))))


def _chi2_row(observed: pd.DataFrame, label: str) -> dict:
    kept = observed.loc[observed.sum(axis=1) > 0, observed.sum(axis=0) > 0]
    if min(kept.shape) < 2:
        return {
            "frame": label,
            "chi2": math.nan,
            "dof": 0,
            "p_value": math.nan,
            "cramers_v": math.nan,
            "n": int(observed.to_numpy().sum()),
        }
    chi2, p, dof, _ = sps.chi2_contingency(kept.to_numpy(dtype=float), correction=False)
    return {
        "frame": label,
        "chi2": float(chi2),
        "dof": int(dof),
        "p_value": float(p),
        "cramers_v": cramers_v(kept),
        "n": int(kept.to_numpy().sum()),
    }


def compare_frames_chi2(sentence_scores: pd.DataFrame, *, by: str, adjust: str = "holm") -> pd.DataFrame:
    """Chi-square tests of independence between group and frame, with Cramér's V.

    One row per frame (groups x {sentences with, without the frame}) and one row
    ``"(all frames)"`` (groups x frames, counting frame hits). Sentences within a document are
    not independent, so p-values are optimistic; read them with the bootstrap intervals of
    :func:`compare_frames`. p-values are adjusted over the frame rows.

    Returns:
        ``frame, chi2, dof, p_value, p_adjusted, cramers_v, n``.
    """
    _require(sentence_scores, [by, "frame", "present", "hits"])
    rows = []
    for frame, part in sentence_scores.groupby("frame", sort=False):
        observed = pd.crosstab(part[by], part["present"]).reindex(columns=[True, False], fill_value=0)
        rows.append(_chi2_row(observed, frame))
    table = pd.DataFrame(rows)
    table["p_adjusted"] = stats.p_adjust(table["p_value"].to_numpy(), method=adjust)
    overall = _chi2_row(
        sentence_scores.pivot_table(index=by, columns="frame", values="hits", aggfunc="sum", fill_value=0),
        "(all frames)",
    )
    table = pd.concat([table, pd.DataFrame([{**overall, "p_adjusted": overall["p_value"]}])], ignore_index=True)
    return table[["frame", "chi2", "dof", "p_value", "p_adjusted", "cramers_v", "n"]]


def count_frame_cooccurrence(sentence_scores: pd.DataFrame, *, unit: str = "sentence") -> pd.DataFrame:
    """How often two frames appear in the same sentence (or document).

    Returns:
        ``frame_a, frame_b, n_a, n_b, n_both, jaccard`` for every ordered pair (the diagonal
        included), ``jaccard = n_both / (n_a + n_b - n_both)``.

    >>> s = pd.DataFrame({"doc_id": ["a"] * 4, "sent_id": [0, 0, 1, 1], "frame": ["x", "y"] * 2,
    ...                   "present": [True, True, True, False]})
    >>> count_frame_cooccurrence(s).query("frame_a == 'x' and frame_b == 'y'")[["n_both", "jaccard"]].to_dict("records")
    [{'n_both': 1, 'jaccard': 0.5}]
    """
    if unit not in ("sentence", "document"):
        raise ValueError(f"unit must be 'sentence' or 'document', not {unit!r}")
    keys = _KEYS if unit == "sentence" else ["doc_id"]
    wide = sentence_scores.pivot_table(index=keys, columns="frame", values="present", aggfunc="max", fill_value=False)
    matrix = wide.to_numpy(dtype=int)
    both = matrix.T @ matrix
    frames = list(wide.columns)
    rows = []
    for i, a in enumerate(frames):
        for j, b in enumerate(frames):
            union = both[i, i] + both[j, j] - both[i, j]
            rows.append(
                (a, b, int(both[i, i]), int(both[j, j]), int(both[i, j]), both[i, j] / union if union else math.nan)
            )
    return pd.DataFrame(rows, columns=["frame_a", "frame_b", "n_a", "n_b", "n_both", "jaccard"])


# ---------------------------------------------------------------------------- actors


def count_actor_frames(
    sentences: pd.DataFrame,
    hits: pd.DataFrame,
    *,
    actors: str | Path | Dictionary = "ukraine_security",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    actor_hits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which actor is framed how: sentences mentioning an actor and carrying a frame, per group.

    Args:
        sentences: the sentence table; hits: :func:`split_frame_hits`.
        actors: an actor list (see :func:`corpus_tools.dictionaries.match_actors`).
        by, corpus: the grouping column, joined from ``corpus`` if the sentences lack it.
        actor_hits: precomputed ``match_actors`` output.

    Returns:
        ``group, actor, frame, n_sentences, actor_sentences, share``: sentences where the actor
        and the frame co-occur, the actor's sentences in the group, and their ratio.
    """
    actor_hits = match_actors(sentences, actors) if actor_hits is None else actor_hits
    mentions = actor_hits[[*_KEYS, "category"]].drop_duplicates().rename(columns={"category": "actor"})
    mentions = _with_group(mentions, by, corpus if by not in sentences.columns else sentences[["doc_id", by]])
    framed = hits[[*_KEYS, "frame"]].drop_duplicates()
    joint = mentions.merge(framed, on=_KEYS)
    counts = joint.groupby([by, "actor", "frame"]).size().rename("n_sentences").reset_index()
    totals = mentions.groupby([by, "actor"]).size().rename("actor_sentences").reset_index()
    table = counts.merge(totals, on=[by, "actor"])
    table["share"] = table["n_sentences"] / table["actor_sentences"]
    return table.rename(columns={by: "group"}).sort_values(["group", "actor", "frame"], ignore_index=True)


# ---------------------------------------------------------------------------- naming


def read_naming(source: str | Path = "ukraine_security") -> Dictionary:
    """Read a file of competing names for the same things (a shipped name or a path).

    The YAML file maps ``concepts`` to names and each name to its patterns (as in a
    dictionary: words, globs, phrases, ``=Case``); see ``resources/naming/ukraine_security.yml``.

    Returns:
        A Dictionary whose categories are the names; ``categories[name]`` is the concept.

    Raises:
        DictionaryError: the file is missing or malformed (the message names the concept and
            name, and the fix).

    >>> naming = read_naming()
    >>> naming.categories["peacekeeping force"]
    'the proposed force in Ukraine'
    """
    path = Path(source)
    if not path.exists():
        path = NAMING_DIR / f"{source}.yml"
    if not path.exists():
        shipped = sorted(p.stem for p in NAMING_DIR.glob("*.yml"))
        raise DictionaryError(f"naming file {source!r} not found; pass a path or one of {shipped}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise DictionaryError(f"{path}: not valid YAML ({err}); see the shipped naming file for the format") from None
    concepts = data.get("concepts") if isinstance(data, dict) else None
    if not isinstance(concepts, dict) or not concepts:
        raise DictionaryError(f"{path}: needs a 'concepts' key mapping each concept to {{name: [patterns]}}")
    mapping, concept_of = {}, {}
    for concept, names in concepts.items():
        if not isinstance(names, dict) or not names:
            raise DictionaryError(f"{path}: concept {concept!r} must map names to lists of patterns")
        for name, patterns in names.items():
            if name in concept_of:
                raise DictionaryError(
                    f"{path}: name {name!r} appears under {concept_of[name]!r} and {concept!r}; rename one"
                )
            if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
                raise DictionaryError(f"{path}: concept {concept!r}, name {name!r}: patterns must be a list of strings")
            mapping[str(name)], concept_of[str(name)] = patterns, str(concept)
    dictionary = Dictionary.from_mapping(mapping, name=str(data.get("name", path.stem)))
    return dataclasses.replace(
        dictionary, categories=concept_of, path=str(path), description=str(data.get("description", ""))
    )


def split_naming_hits(sentences: pd.DataFrame, *, naming: str | Path | Dictionary = "ukraine_security") -> pd.DataFrame:
    """Find the competing names in sentences: ``doc_id, sent_id, concept, name, term, start, end``.

    Within a concept, overlapping names count once, the longest first: "coalition of the
    willing" is not also "coalition".

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                       "text": ["The coalition of the willing met in Kiev."]})
    >>> split_naming_hits(sents)[["concept", "name"]].values.tolist()
    [['the states offering support', 'coalition of the willing'], ['the capital of Ukraine', 'Kiev']]
    """
    naming = naming if isinstance(naming, Dictionary) else read_naming(naming)
    hits = match_dictionary(sentences, naming, negation=False).rename(columns={"category": "name"})
    hits["concept"] = hits["name"].map(naming.categories)
    hits = hits.assign(length=hits["end"] - hits["start"]).sort_values(
        ["doc_id", "concept", "length", "start"], ascending=[True, True, False, True]
    )
    keep, taken = [], {}
    for index, doc_id, concept, start, end in zip(
        hits.index, hits["doc_id"], hits["concept"], hits["start"], hits["end"]
    ):
        spans = taken.setdefault((doc_id, concept), [])
        if not any(start < e and s < end for s, e in spans):
            spans.append((start, end))
            keep.append(index)
    columns = ["doc_id", "sent_id", "concept", "name", "term", "start", "end"]
    return hits.loc[keep, columns].sort_values(["doc_id", "start"], ignore_index=True)


def count_naming(
    sentences: pd.DataFrame,
    *,
    naming: str | Path | Dictionary = "ukraine_security",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    naming_hits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which group uses which name: hits per 10,000 words and share within the concept.

    Returns:
        ``group, concept, name, hits, n_words, per_10000_words, share_of_concept`` for every
        group and name (zeros included), ``share_of_concept`` = the name's hits / all hits of
        its concept in the group.
    """
    naming = naming if isinstance(naming, Dictionary) else read_naming(naming)
    naming_hits = split_naming_hits(sentences, naming=naming) if naming_hits is None else naming_hits
    grouped = _with_group(sentences[["doc_id", "text", *_carried(by, sentences)]], by, corpus)
    words = grouped.assign(n_words=grouped["text"].map(count_words)).groupby(by)["n_words"].sum()
    hits = _with_group(naming_hits, by, grouped[["doc_id", by]] if by != "doc_id" else None)
    names = pd.DataFrame({"name": list(naming.categories), "concept": list(naming.categories.values())})
    grid = pd.DataFrame({by: words.index}).merge(names, how="cross")
    counts = hits.groupby([by, "name"]).size().rename("hits").reset_index()
    table = grid.merge(counts, on=[by, "name"], how="left").fillna({"hits": 0}).astype({"hits": "int64"})
    table["n_words"] = table[by].map(words).astype("int64")
    table["per_10000_words"] = 10_000 * table["hits"] / table["n_words"].where(table["n_words"] > 0)
    concept_total = table.groupby([by, "concept"])["hits"].transform("sum")
    table["share_of_concept"] = table["hits"] / concept_total.where(concept_total > 0)
    table = table.rename(columns={by: "group"})
    return table[["group", "concept", "name", "hits", "n_words", "per_10000_words", "share_of_concept"]]


# ---------------------------------------------------------------------------- quotes

#: Verbs that attribute speech ("X said", "said X").
SPEECH_VERBS = (
    "said says say stated told tells added adds warned warns noted notes argued argues insisted insists "
    "claimed claims announced announces declared declares explained explains emphasized emphasised emphasizes "
    "emphasises stressed stresses wrote writes asked asks replied replies acknowledged acknowledges confirmed "
    "confirms suggested suggests urged urges cautioned cautions remarked commented posted tweeted "
    "predicted predicts conceded concedes underlined underscored reiterated affirmed"
).split()
#: Nouns that end a described speaker ("a Downing Street spokesperson", "Western officials").
SPEAKER_NOUNS = (
    "spokesperson spokesman spokeswoman spokespeople official officials minister ministers president source "
    "sources diplomat diplomats analyst analysts expert experts envoy envoys aide aides adviser advisers advisor "
    "advisors leader leaders chancellor secretary ministry government office commander commanders general "
    "ambassador statement report researchers observers negotiators representative representatives"
).split()
_NAME = r"[A-Z](?:[\w'’\-]|\.(?=\w))*"
_NAMED = rf"{_NAME}(?:\s+(?:(?:of|the|for|de|von|der|al)\s+)?{_NAME})*"
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Ss]enior|[Ww]estern)"
_DESCRIBED = rf"{_DETERMINER}\s+(?:[\w'’\-]+\s+){{0,4}}?(?:{'|'.join(SPEAKER_NOUNS)})\b"
_PRONOUN = r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b"
_SPEAKER = rf"(?P<speaker>{_DESCRIBED}|{_NAMED}|{_PRONOUN})"
_VERB = rf"(?P<cue>{'|'.join(SPEECH_VERBS)})\b"
ATTRIBUTION_PATTERNS = {
    "speaker_verb": re.compile(
        rf"{_SPEAKER}(?:\s*,[^,]{{1,80}},)?\s+(?:also\s+|later\s+|previously\s+|has\s+|have\s+|had\s+)?{_VERB}"
    ),
    "verb_speaker": re.compile(rf"[,\"”]\s*{_VERB}\s+{_SPEAKER}"),
    "according_to": re.compile(rf"(?P<cue>[Aa]ccording to)\s+{_SPEAKER}"),
}
_QUOTE_RE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_PRONOUN_RE = re.compile(rf"^{_PRONOUN}$")


def _attributions(text: str) -> list[tuple[str, str, int, int]]:
    """``(cue, speaker, start, end)`` of each attribution in a sentence, earliest first, no overlaps."""
    found = []
    for pattern in ATTRIBUTION_PATTERNS.values():
        for m in pattern.finditer(text):
            found.append((m.start("speaker"), m.end("speaker"), m.group("cue"), m.group("speaker")))
    kept: list[tuple] = []
    for start, end, cue, speaker in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if not any(start < e and s < end for s, e, _, _ in kept):
            kept.append((start, end, cue, speaker))
    return [(cue.lower(), speaker, s, e) for s, e, cue, speaker in kept]


def split_quotes(
    sentences: pd.DataFrame,
    *,
    actors: str | Path | Dictionary = "ukraine_security",
    min_quote_words: int = 4,
    pronoun_window: int = 3,
) -> pd.DataFrame:
    """Quotations and attributed speakers, found with regular expressions (no model).

    A sentence yields one row per attribution ("X said", "said X", "according to X"), with
    ``kind="direct"`` when it also holds a quotation of at least ``min_quote_words`` words
    (shorter quoted strings are scare quotes, "security guarantees", and ignored), else
    ``"indirect"``; a quotation without an attribution in its sentence gives a row with
    ``kind="direct"`` and an empty speaker. The speaker's span is matched against the actor
    list; "he"/"she" take the actor of the last named speaker of the document within
    ``pronoun_window`` sentences (named in ``resolved_from``; 0 switches this off), other
    pronouns give ``actor="(pronoun)"``, unknown speakers ``"(other)"``. The end of a quotation
    begun in an earlier sentence counts as a quotation.

    Returns:
        ``doc_id, sent_id, kind, cue, speaker, speaker_start, speaker_end, actor,
        resolved_from, quote, quote_start, quote_end``; offsets index into the document text
        (-1 when absent).

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...     "text": ['"We will not accept foreign troops," Putin said.']})
    >>> split_quotes(sents)[["kind", "cue", "speaker", "actor"]].values.tolist()
    [['direct', 'said', 'Putin', 'Russia']]
    """
    rows = []
    keys = zip(sentences["doc_id"], sentences["sent_id"], sentences["start"], sentences["text"])
    for doc_id, sent_id, offset, text in keys:
        if not isinstance(text, str):
            continue
        quote = _find_quote(text, min_quote_words)
        q = (text[quote[0] : quote[1]], offset + quote[0], offset + quote[1]) if quote else ("", -1, -1)
        found = _attributions(text)
        for cue, speaker, s, e in found:
            rows.append((doc_id, sent_id, "direct" if quote else "indirect", cue, speaker, offset + s, offset + e, *q))
        if quote and not found:
            rows.append((doc_id, sent_id, "direct", "", "", -1, -1, *q))
    columns = [
        "doc_id",
        "sent_id",
        "kind",
        "cue",
        "speaker",
        "speaker_start",
        "speaker_end",
        "quote",
        "quote_start",
        "quote_end",
    ]
    table = pd.DataFrame(rows, columns=columns)
    table.insert(7, "actor", _speaker_actors(table, actors))
    table.insert(8, "resolved_from", "")
    return _resolve_pronouns(table, window=pronoun_window) if pronoun_window else table


def _find_quote(text: str, min_words: int) -> tuple[int, int] | None:
    """Span of the first quotation of at least ``min_words`` words in a sentence, or of the
    end of a quotation begun in an earlier sentence (``We will act," she said.``)."""
    for m in _QUOTE_RE.finditer(text):
        if len(m.group(1).split()) >= min_words:
            return m.start(1), m.end(1)
    marks = [m.start() for m in re.finditer(r"[\"“”]", text)]
    if len(marks) % 2 == 1 and text[marks[0]] != "“" and text[: marks[0]].rstrip().endswith((",", ".", "!", "?")):
        if len(text[: marks[0]].split()) >= min_words:
            return 0, marks[0]
    return None


def _resolve_pronouns(table: pd.DataFrame, *, window: int) -> pd.DataFrame:
    """Give "he"/"she" speakers the actor of the last named speaker of the same document, if
    that speaker was attributed at most ``window`` sentences before."""
    last: dict = {}
    actors, sources = table["actor"].tolist(), table["resolved_from"].tolist()
    rows = zip(table["doc_id"], table["sent_id"], table["speaker"], table["actor"])
    for i, (doc_id, sent_id, speaker, actor) in enumerate(rows):
        if actor == "(pronoun)" and speaker.lower() in ("he", "she") and doc_id in last:
            prev_sent, prev_speaker, prev_actor = last[doc_id]
            if 0 <= sent_id - prev_sent <= window:
                actors[i], sources[i] = prev_actor, prev_speaker
        elif not actor.startswith("("):
            last[doc_id] = (sent_id, speaker, actor)
    return table.assign(actor=actors, resolved_from=sources)


def _speaker_actors(quotes: pd.DataFrame, actors) -> list[str]:
    if quotes.empty:
        return []
    spans = pd.DataFrame({"doc_id": range(len(quotes)), "sent_id": 0, "start": 0, "text": quotes["speaker"].tolist()})
    found = match_actors(spans, actors).groupby("doc_id")["category"].agg(lambda c: "; ".join(dict.fromkeys(c)))
    out = []
    for i, speaker in enumerate(quotes["speaker"]):
        if i in found.index:
            out.append(found[i])
        elif _PRONOUN_RE.match(speaker):
            out.append("(pronoun)")
        else:
            out.append("(other)" if speaker else "(unattributed)")
    return out


def count_quotes(quotes: pd.DataFrame, *, by: str = "doc_id", corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Whose voice each group carries: attributions per group and actor.

    Returns:
        ``group, actor, n_quotes, n_direct, n_documents, share``: rows of :func:`split_quotes`,
        those with a direct quotation, documents they come from, and the actor's share of the
        group's attributions.
    """
    quotes = _with_group(quotes, by, corpus)
    table = (
        quotes.assign(direct=quotes["kind"].eq("direct"))
        .groupby([by, "actor"])
        .agg(n_quotes=("kind", "size"), n_direct=("direct", "sum"), n_documents=("doc_id", "nunique"))
        .reset_index()
    )
    table["share"] = table["n_quotes"] / table.groupby(by)["n_quotes"].transform("sum")
    table = table.rename(columns={by: "group"}).astype({"n_direct": "int64"})
    return table.sort_values(["group", "n_quotes"], ascending=[True, False], ignore_index=True)


# ---------------------------------------------------------------------------- contrast


def select_contrast_groups(corpus: pd.DataFrame, *, by: str, contrast: str = "") -> list[str]:
    """The two groups to contrast: ``"A|B"`` as given, or "" for the two groups with most
    documents, ties broken by most words (``n_words``, when the corpus has it), then by name;
    with one document per group (``by="doc_id"``) that is the two longest documents.

    Raises:
        ValueError: a named group is not in ``corpus[by]``, or there are fewer than two groups.

    >>> docs = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["x", "y", "y", "z"], "n_words": [10, 50, 50, 90]})
    >>> select_contrast_groups(docs, by="outlet"), select_contrast_groups(docs, by="outlet", contrast="z|x")
    (['y', 'z'], ['z', 'x'])
    """
    _require(corpus, [by])
    values = corpus[by].dropna().astype(str)
    if contrast:
        groups = [g.strip() for g in contrast.split("|")]
        unknown = [g for g in groups if g not in set(values)]
        if len(groups) != 2 or unknown:
            raise ValueError(
                f"contrast must name two groups of {by!r} as 'A|B'; got {contrast!r}; groups: {sorted(set(values))}"
            )
        return groups
    counts = values.value_counts()
    words = (
        corpus.loc[values.index, "n_words"].groupby(values).sum()
        if "n_words" in corpus
        else pd.Series(0, index=counts.index)
    )
    ranked = sorted(counts.index, key=lambda g: (-counts[g], -words[g], g))
    if len(ranked) < 2:
        raise ValueError(f"a contrast needs two groups in {by!r}; found {ranked}")
    return ranked[:2]


# ---------------------------------------------------------------------------- evidence


def select_evidence(
    sentences: pd.DataFrame,
    hits: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    top_n: int = 3,
) -> pd.DataFrame:
    """The sentences behind each frame and group, with the matched terms highlighted.

    Sentences are ranked by distinct matched terms, then hits, then position.

    Returns:
        ``group, frame, rank, doc_id, sent_id, start, end, n_hits, terms, text, html``: offsets
        index into the document text; ``html`` is the escaped sentence with ``<mark>`` around
        each hit (:func:`corpus_tools.report.highlight_html`).
    """
    _require(hits, [*_KEYS, "frame", "term", "start", "end"])
    per_sentence = (
        hits.groupby([*_KEYS, "frame"])
        .agg(
            n_hits=("term", "size"),
            n_terms=("term", lambda t: t.str.lower().nunique()),
            terms=("term", lambda t: "; ".join(dict.fromkeys(t.str.lower()))),
        )
        .reset_index()
    )
    sents = _with_group(sentences[["doc_id", "sent_id", "start", "end", "text", *_carried(by, sentences)]], by, corpus)
    table = per_sentence.merge(sents, on=_KEYS)
    table = table.sort_values(
        [by, "frame", "n_terms", "n_hits", "doc_id", "sent_id"], ascending=[True, True, False, False, True, True]
    )
    table = table.groupby([by, "frame"], sort=False).head(top_n).copy()
    table["rank"] = table.groupby([by, "frame"], sort=False).cumcount() + 1
    spans = hits.groupby([*_KEYS, "frame"])[["start", "end"]].agg(list)
    table["html"] = [
        highlight_html(text, [(s - offset, e - offset) for s, e in zip(*spans.loc[(d, i, f)])])
        for d, i, f, offset, text in zip(
            table["doc_id"], table["sent_id"], table["frame"], table["start"], table["text"]
        )
    ]
    table = table.rename(columns={by: "group"}) if by != "doc_id" else table.assign(group=table["doc_id"])
    columns = ["group", "frame", "rank", "doc_id", "sent_id", "start", "end", "n_hits", "terms", "text", "html"]
    return table[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------- coding

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

    Returns:
        ``coding_id, doc_id, sent_id, start, end, text`` and one empty column per frame.
    """
    names = frames.category_names if isinstance(frames, Dictionary) else list(frames)
    sents = _with_group(sentences, by, corpus)
    flagged = set(zip(hits["doc_id"], hits["sent_id"]))
    sents = sents.assign(_flagged=[k in flagged for k in zip(sents["doc_id"], sents["sent_id"])])
    strata = sents.groupby([by, "_flagged"], sort=True)
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
        _require(sheet, ["doc_id", "sent_id"])
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
    """Cohen's kappa of two raters' nominal codes: ``(p_o - p_e) / (1 - p_e)``; NaN when
    ``p_e == 1`` (both raters use one code only).

    >>> round(cohens_kappa([1, 1, 0, 0], [1, 0, 0, 0]), 3)
    0.5
    """
    x, y = np.asarray(a), np.asarray(b)
    if x.shape != y.shape or x.size == 0:
        raise ValueError("cohens_kappa needs two equally long, non-empty code sequences")
    labels = np.unique(np.concatenate([x, y]))
    p_o = float(np.mean(x == y))
    p_e = float(sum(np.mean(x == k) * np.mean(y == k) for k in labels))
    return math.nan if p_e == 1 else (p_o - p_e) / (1 - p_e)


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
    precision = tp / (tp + fp) if tp + fp else math.nan
    recall = tp / (tp + fn) if tp + fn else math.nan
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else math.nan
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
        hits: :func:`split_frame_hits` on the same sentences (the dictionary's codes: a frame
            is present in a sentence with at least one hit).

    Returns:
        One row per frame and pair of raters: ``frame, rater_a, rater_b, n, both, only_a,
        only_b, neither`` (the confusion matrix; ``only_a`` = coded by ``rater_a`` only),
        ``precision, recall, f1`` of ``rater_a`` taking ``rater_b`` as the reference (rater_a
        is ``"dictionary"`` for the dictionary's rows), Cohen's ``kappa`` and Krippendorff's
        ``alpha`` (nominal). With three or more coders, a row ``rater_a="all coders"`` gives
        alpha over every coder.
    """
    _require(coding, ["coder", "doc_id", "sent_id", "frame", "code"])
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


# ---------------------------------------------------------------------------- plots


def _heatmap(matrix: pd.DataFrame, *, title: str, label: str, fmt: str = "{:.2g}", labels: Mapping | None = None):
    import matplotlib.pyplot as plt

    # Fixed room for the title and the rotated column labels, so two rows are as readable as twenty.
    fig, ax = plt.subplots(figsize=(1.2 + 0.9 * matrix.shape[1], 2.4 + 0.45 * matrix.shape[0]))
    image = ax.imshow(matrix.to_numpy(dtype=float), cmap="Blues", aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns], rotation=40, ha="right")
    ax.set_yticks(range(matrix.shape[0]), [str(({} if labels is None else labels).get(i, i)) for i in matrix.index])
    top = np.nanmax(matrix.to_numpy(dtype=float)) if matrix.size else 0
    for (i, j), value in np.ndenumerate(matrix.to_numpy(dtype=float)):
        if not np.isnan(value):
            ax.text(
                j,
                i,
                fmt.format(value),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if top and value > 0.6 * top else "black",
            )
    fig.colorbar(image, ax=ax, label=label)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_frame_heatmap(salience: pd.DataFrame, *, value: str = "per_1000_words", labels: Mapping | None = None):
    """Heatmap group x frame of :func:`count_frame_salience` (``value``: ``per_1000_words``,
    ``share_sentences`` or ``share_documents``), frames in the dictionary's order; ``labels``
    maps a group to the name shown for its row. Returns the Figure; never saves.

    >>> s = pd.DataFrame({"group": ["a", "a"], "frame": ["war", "peace"], "per_1000_words": [2.0, 1.0]})
    >>> [t.get_text() for t in plot_frame_heatmap(s, labels={"a": "Article A"}).axes[0].get_xticklabels()]
    ['war', 'peace']
    """
    matrix = salience.pivot(index="group", columns="frame", values=value)
    matrix = matrix.reindex(
        index=list(dict.fromkeys(salience["group"])), columns=list(dict.fromkeys(salience["frame"]))
    )
    label = {
        "per_1000_words": "hits per 1,000 words",
        "share_sentences": "share of sentences with the frame",
        "share_documents": "share of documents with the frame",
    }.get(value, value.replace("_", " "))
    return _heatmap(matrix, title=f"Frame salience: {label}", label=label, labels=labels)


def plot_frame_cooccurrence(cooccurrence: pd.DataFrame, *, value: str = "jaccard"):
    """Heatmap frame x frame of :func:`count_frame_cooccurrence`. The diagonal (a frame with
    itself) is left empty so that the colour scale spans the pairs. Returns the Figure.

    >>> c = pd.DataFrame({"frame_a": ["x", "x", "y", "y"], "frame_b": ["x", "y", "x", "y"], "jaccard": [1, .2, .2, 1]})
    >>> plot_frame_cooccurrence(c).axes[0].get_images()[0].get_array().mask.tolist()
    [[True, False], [False, True]]
    """
    matrix = cooccurrence.pivot(index="frame_a", columns="frame_b", values=value)
    order = list(dict.fromkeys(cooccurrence["frame_a"]))
    matrix = matrix.reindex(index=order, columns=order).astype(float)
    values = matrix.to_numpy(copy=True)
    np.fill_diagonal(values, np.nan)
    label = "Jaccard index (with both / with either)" if value == "jaccard" else value.replace("_", " ")
    return _heatmap(
        pd.DataFrame(values, index=matrix.index, columns=matrix.columns),
        title="Frame co-occurrence (diagonal left empty)",
        label=label,
    )


def plot_frame_differences(differences: pd.DataFrame, *, max_pairs: int = 12, labels: Mapping | None = None):
    """Differences in the share of sentences (``share_a - share_b``) with their bootstrap
    intervals, one panel per pair of groups (:func:`compare_frames`), frames in the same
    (alphabetical) order in every panel. ``labels`` maps a group to the name shown in the
    panel titles. When there are more than ``max_pairs`` pairs, the figure's title says how
    many are shown. Returns the Figure; never saves.

    >>> d = pd.DataFrame({"frame": ["war", "peace"], "group_a": "a", "group_b": "b", "diff": [.2, -.1],
    ...                   "diff_ci_low": [.1, -.3], "diff_ci_high": [.3, .1]})
    >>> ax = plot_frame_differences(d, labels={"a": "Article A"}).axes[0]
    >>> ax.get_title(), [t.get_text() for t in ax.get_yticklabels()]
    ('Article A\\nminus b', ['peace', 'war'])
    """
    import matplotlib.pyplot as plt

    all_pairs = list(differences[["group_a", "group_b"]].drop_duplicates().itertuples(index=False))
    pairs = all_pairs[:max_pairs]
    frames = sorted(differences["frame"].astype(str).unique())
    ncols = min(3, max(len(pairs), 1))
    nrows = math.ceil(max(len(pairs), 1) / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.4 * ncols, nrows * (1.0 + 0.3 * len(frames))), sharey=True, sharex=True, squeeze=False
    )
    for ax in axes.flat[len(pairs) :]:
        ax.set_visible(False)
    name = {g: str(({} if labels is None else labels).get(g, g)) for pair in pairs for g in pair}
    for ax, (a, b) in zip(axes.flat, pairs):
        part = differences[(differences["group_a"] == a) & (differences["group_b"] == b)]
        part = part.set_index(part["frame"].astype(str)).reindex(frames)
        y = np.arange(len(frames))
        err = [part["diff"] - part["diff_ci_low"], part["diff_ci_high"] - part["diff"]]
        ax.errorbar(part["diff"], y, xerr=err, fmt="o", color="#3b6ea5", ecolor="#7a9cc6", capsize=3)
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_yticks(y, frames)
        ax.set_title(f"{name[a]}\nminus {name[b]}", fontsize=9)
    axes[0, 0].invert_yaxis()
    for col in range(ncols):  # the lowest panel of each column shows the shared x axis
        ax = axes[(len(pairs) - 1 - col) // ncols, col] if col < len(pairs) else axes[0, col]
        ax.xaxis.set_tick_params(labelbottom=True)
        ax.set_xlabel("difference in share of sentences")
    if len(all_pairs) > len(pairs):
        fig.suptitle(f"first {len(pairs)} of {len(all_pairs)} pairs of groups (all in the table)", fontsize=10)
    fig.tight_layout()
    return fig
