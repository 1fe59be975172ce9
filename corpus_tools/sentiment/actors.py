"""Targeted sentiment: the sentences that mention each actor, their summaries and examples.

Actors are found with :func:`corpus_tools.dictionaries.match_actors`; a sentence mentioning
two actors counts for both (sentence-level targeting: the score is the sentence's, not a
judgement about the actor).

>>> from corpus_tools.sentiment.scores import score_sentences
>>> s = score_sentences(pd.DataFrame({"doc_id": ["a"], "text": ["NATO met. Putin praised the great deal."]}))
>>> score_actor_sentences(s)[["actor", "sent_id"]].values.tolist()
[['NATO', 0], ['Russia', 1]]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from corpus_tools import stats
from corpus_tools.dictionaries import Dictionary, match_actors
from corpus_tools.groups import attach_groups

__all__ = ["score_actor_sentences", "summarize_actors", "select_examples"]


def score_actor_sentences(
    scores: pd.DataFrame, *, actors: str | Path | Dictionary = "ukraine_security"
) -> pd.DataFrame:
    """Sentence scores of the sentences that mention each actor (targeted sentiment).

    Actors are found with :func:`corpus_tools.dictionaries.match_actors`; a sentence mentioning
    two actors counts for both (sentence-level targeting: the score is the sentence's, not a
    judgement about the actor).

    Args:
        scores: sentence scores (:func:`~corpus_tools.sentiment.scores.score_sentences`).
        actors: an actors dictionary: file, name of a shipped list, or object.

    Returns:
        ``actor, doc_id, sent_id, start, end, lexicon, compound, mentions, text`` (``mentions``:
        the matched words, ``"; "``-joined) plus any other columns of ``scores``.

    >>> from corpus_tools.sentiment.scores import score_sentences
    >>> s = score_sentences(pd.DataFrame({"doc_id": ["a"], "text": ["Putin praised the great deal."]}))
    >>> score_actor_sentences(s)[["actor", "compound", "mentions"]].values.tolist()
    [['Russia', 0.8074, 'Putin']]
    """
    sentences = scores.drop_duplicates(["doc_id", "sent_id"])[["doc_id", "sent_id", "start", "text"]]
    hits = match_actors(sentences.fillna({"text": ""}), actors)
    if hits.empty:
        columns = ["actor", "mentions"] + list(scores.columns)
        return pd.DataFrame(columns=columns)
    mentions = (
        hits.groupby(["category", "doc_id", "sent_id"], sort=False)["term"]
        .agg(lambda t: "; ".join(dict.fromkeys(t)))
        .rename("mentions")
        .reset_index()
        .rename(columns={"category": "actor"})
    )
    table = mentions.merge(scores, on=["doc_id", "sent_id"], how="inner")
    order = ["actor", "doc_id", "sent_id", "start", "end", "lexicon", "compound", "mentions", "text"]
    order = [c for c in order if c in table.columns]
    return table[order + [c for c in table.columns if c not in order]]


def summarize_actors(
    actor_scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Mean compound of the sentences mentioning each actor, per group, with bootstrap CIs.

    Args:
        actor_scores: from :func:`score_actor_sentences`.
        by: grouping column (``"doc_id"`` gives the actor x document table; documents without
            a value form the group ``"(missing)"``); ``""`` pools all sentences in one group
            ``"all"``.
        corpus, n_boot, seed, ci: as in :func:`~corpus_tools.sentiment.groups.summarize_groups`.

    Returns:
        ``lexicon, actor, group, n, estimate, ci_low, ci_high`` (``n``: sentences).

    >>> a = pd.DataFrame({"actor": "NATO", "doc_id": ["a", "a", "b"], "lexicon": "vader", "compound": [.2, .4, -.5]})
    >>> summarize_actors(a, n_boot=100)[["group", "n", "estimate"]].round(2).values.tolist()
    [['a', 2, 0.3], ['b', 1, -0.5]]
    """
    frame = attach_groups(actor_scores, by, documents=corpus) if by else actor_scores
    columns = ["lexicon", "actor", "group", "n", "estimate", "ci_low", "ci_high"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    table = stats.summarize_by(
        frame, value="compound", per=["lexicon", "actor"], by="group" if by else None, n_boot=n_boot, seed=seed, ci=ci
    )
    return table.sort_values(["lexicon", "actor"], kind="stable", ignore_index=True)[columns]


def select_examples(actor_scores: pd.DataFrame, *, lexicon: str = "vader", n: int = 2) -> pd.DataFrame:
    """The ``n`` most positive and ``n`` most negative sentences for each actor, traceable to
    their source by ``doc_id`` and character offsets.

    Returns:
        ``actor, kind`` (``"most positive"``/``"most negative"``), ``rank, doc_id, sent_id,
        start, end, compound, mentions, text``; a sentence appears once per actor even when
        it is among both the most positive and the most negative (few sentences).

    >>> a = pd.DataFrame({"actor": "NATO", "doc_id": "a", "sent_id": [0, 1, 2], "start": [0, 10, 20],
    ...                   "end": [9, 19, 29], "lexicon": "vader", "compound": [.2, .4, -.5],
    ...                   "mentions": "NATO", "text": ["x", "y", "z"]})
    >>> select_examples(a, n=1)[["kind", "sent_id"]].values.tolist()
    [['most positive', 1], ['most negative', 2]]
    """
    frame = actor_scores[actor_scores["lexicon"] == lexicon]
    rows = []
    for actor, part in frame.groupby("actor", sort=True):
        ranked = part.sort_values(["compound", "doc_id", "sent_id"], kind="mergesort")
        top = ranked[ranked["compound"] > 0].iloc[::-1].head(n).assign(kind="most positive")
        bottom = ranked[ranked["compound"] < 0].head(n).assign(kind="most negative")
        for chosen in (top, bottom):
            rows.append(chosen.assign(actor=actor, rank=range(1, len(chosen) + 1)))
    columns = ["actor", "kind", "rank", "doc_id", "sent_id", "start", "end", "compound", "mentions", "text"]
    return pd.concat(rows, ignore_index=True)[columns] if rows else pd.DataFrame(columns=columns)
