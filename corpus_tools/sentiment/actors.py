"""Actor sentiment: the tone toward each actor in the sentences that mention it, their
summaries and examples.

Actors are found with :func:`corpus_tools.dictionaries.match_actors`; each mention is scored
with :func:`corpus_tools.sentiment.targets.score_targets` (the tone toward that mention: who
praised or criticised whom, who attacked whom, by clause), so in "X praised Y's attack on Z"
X, Y and Z no longer all get the sentence's tone. The sentence's own score stays beside it as
``sentence_compound``, for comparison.

>>> from corpus_tools.sentiment.scores import score_sentences
>>> s = score_sentences(pd.DataFrame({"doc_id": ["a"], "text": ["NATO met. Putin praised the great deal."]}))
>>> score_actor_sentences(s)[["actor", "sent_id"]].values.tolist()
[['NATO', 0], ['Russia', 1]]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools import stats
from corpus_tools.checks import require_columns
from corpus_tools.dictionaries import Dictionary, DictionaryError, match_actors
from corpus_tools.groups import attach_groups
from corpus_tools.sentiment.drivers import _expand
from corpus_tools.sentiment.lexicons import Lexicon, read_lexicon
from corpus_tools.sentiment.summary import _summarize_codes
from corpus_tools.sentiment.targets import _score_targets_each

__all__ = ["score_actor_sentences", "summarize_actors", "select_examples"]

_KEYS = ["actor", "doc_id", "sent_id", "lexicon"]


def _lexicon_specs(
    names: Sequence[str], lexicons: Sequence | str | None
) -> dict[str, str | Path | Dictionary | Lexicon]:
    """Each lexicon name of the scores -> something :func:`read_lexicon` reads."""
    given = [lexicons] if isinstance(lexicons, str) else list(lexicons or [])
    specs: dict[str, str | Path | Dictionary | Lexicon] = {read_lexicon(spec).name: spec for spec in given}
    for name in names:
        if name not in specs:
            try:
                read_lexicon(name)
            except (DictionaryError, FileNotFoundError, ValueError, KeyError) as error:
                raise ValueError(
                    f"the scores' lexicon {name!r} cannot be read back by its name ({error}); pass "
                    "lexicons= as given to score_sentences"
                ) from None
            specs[name] = name
    return specs


def score_actor_sentences(
    scores: pd.DataFrame,
    *,
    actors: str | Path | Dictionary = "ukraine_security",
    lexicons: Sequence[str | Path | Dictionary | Lexicon] | str | None = None,
    neutral_threshold: float = 0.05,
) -> pd.DataFrame:
    """The tone toward each actor in each sentence that mentions it (targeted sentiment).

    Every mention of an actor is scored with :func:`~corpus_tools.sentiment.targets.score_targets`
    on its sentence; an actor named twice in a sentence gets the mean of its mentions. A sentence
    that was not scored (another language) gives NaN.

    Args:
        scores: sentence scores (:func:`~corpus_tools.sentiment.scores.score_sentences`).
        actors: an actors dictionary: file, name of a shipped list, or object.
        lexicons: the lexicons given to ``score_sentences``, needed only for a lexicon that
            cannot be read back by its name (a dictionary object); by default each name in
            ``scores["lexicon"]`` is read with :func:`~corpus_tools.sentiment.lexicons.read_lexicon`.
        neutral_threshold: ``label`` is positive at ``compound >= neutral_threshold``, negative
            at ``compound <= -neutral_threshold``, else neutral.

    Returns:
        ``actor, doc_id, sent_id, start, end, lexicon, compound, label, sentence_compound,
        mentions, roles, text`` plus the other columns of ``scores``: ``compound``/``label`` are
        the tone toward the actor, ``sentence_compound`` (and ``neg, neu, pos``, counts) the
        whole sentence's score; ``mentions``: the matched words and ``roles`` the role each
        played (e.g. ``"object of criticised"``), ``"; "``-joined; ``start``/``end``: the
        sentence's offsets.

    >>> from corpus_tools.sentiment.scores import score_sentences
    >>> s = score_sentences(pd.DataFrame({"doc_id": ["a"], "text": ["Putin praised the great deal."]}))
    >>> score_actor_sentences(s)[["actor", "compound", "sentence_compound", "roles"]].values.tolist()
    [['Russia', 0.0, 0.8074, 'subject of praised']]
    """
    sentences = scores.drop_duplicates(["doc_id", "sent_id"])
    front = ["actor", "doc_id", "sent_id", "start", "end", "lexicon", "compound", "label", "sentence_compound"]
    front += ["mentions", "roles", "text"]
    mentions = _find_mentions(sentences, actors)
    if mentions.empty:
        rest = [c for c in scores.columns if c not in front and c != "compound"]
        return pd.DataFrame(columns=front + rest)
    unscored = scores.loc[scores["compound"].isna(), ["doc_id", "sent_id", "lexicon"]]
    specs = _lexicon_specs(list(scores["lexicon"].unique()), lexicons)
    parts = [
        part[["actor", "doc_id", "sent_id", "term", "compound", "role"]].assign(lexicon=name)
        for name, part in zip(specs, _score_targets_each(mentions, list(specs.values())))
    ]
    scored = pd.concat(parts, ignore_index=True)
    missing = scored.merge(unscored.assign(_unscored=True), on=["doc_id", "sent_id", "lexicon"], how="left")
    scored.loc[missing["_unscored"].fillna(False).to_numpy(dtype=bool), "compound"] = np.nan
    grouped = scored.groupby(_KEYS, sort=False)
    table = grouped.agg(compound=("compound", "mean")).reset_index()
    ids = grouped.ngroup().to_numpy()
    table["mentions"] = _join_distinct(ids, scored["term"].to_numpy(dtype=object), len(table))
    table["roles"] = _join_distinct(ids, scored["role"].to_numpy(dtype=object), len(table), skip_empty=True)
    table["compound"] = table["compound"].round(4)
    positive, negative = table["compound"] >= neutral_threshold, table["compound"] <= -neutral_threshold
    table["label"] = np.where(positive, "positive", np.where(negative, "negative", "neutral")).astype("object")
    table.loc[table["compound"].isna(), "label"] = np.nan
    table = table.merge(scores.rename(columns={"compound": "sentence_compound"}), on=_KEYS[1:], how="inner")
    return table[front + [c for c in table.columns if c not in front]]


def _find_mentions(sentences: pd.DataFrame, actors) -> pd.DataFrame:
    """``actor, doc_id, sent_id, term, start, end, sent_start, text``: each actor mention of each
    sentence, with offsets in the sentence. A sentence's mentions depend on its text only, so
    each distinct text is matched once and its mentions repeated for every sentence with that text,
    in sentence order (the rows of matching every sentence)."""
    codes, texts = pd.factorize(sentences["text"].fillna("").to_numpy(dtype=object))
    unique = pd.DataFrame({"doc_id": np.arange(len(texts)), "sent_id": 0, "start": 0, "text": texts})
    hits = match_actors(unique, actors)  # in text order, offsets in the text
    counts = np.bincount(hits["doc_id"].to_numpy(dtype=np.int64), minlength=len(texts))
    rows = _expand(codes, counts)
    per_sentence = counts[codes]

    def repeat(column: str) -> np.ndarray:
        return np.repeat(sentences[column].to_numpy(), per_sentence)

    return pd.DataFrame(
        {
            "actor": hits["category"].to_numpy()[rows],
            "doc_id": repeat("doc_id"),
            "sent_id": repeat("sent_id"),
            "term": hits["term"].to_numpy()[rows],
            "start": hits["start"].to_numpy()[rows],
            "end": hits["end"].to_numpy()[rows],
            "sent_start": repeat("start"),
            "text": repeat("text"),
        }
    )


def _join_distinct(ids: np.ndarray, values: np.ndarray, n: int, *, skip_empty: bool = False) -> np.ndarray:
    """For each of ``n`` groups (``ids``: each row's group), its distinct values in order of
    first appearance joined by ``"; "`` (``skip_empty``: leaving out empty values)."""
    out = np.full(n, "", dtype=object)
    sizes = np.bincount(ids, minlength=n)
    single = sizes[ids] == 1
    keep = np.array([bool(v) for v in values[single]], dtype=bool) if skip_empty else slice(None)
    out[ids[single][keep]] = values[single][keep]
    several = np.flatnonzero(~single)
    if several.size:
        several = several[np.argsort(ids[several], kind="stable")]
        joined: dict[int, dict] = {}
        for i, value in zip(ids[several].tolist(), values[several].tolist()):
            if value or not skip_empty:
                joined.setdefault(i, {})[value] = None
            else:
                joined.setdefault(i, {})
        for i, distinct in joined.items():
            out[i] = "; ".join(distinct)
    return out


def summarize_actors(
    actor_scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Mean tone toward each actor (``compound`` of :func:`score_actor_sentences`), per group,
    with bootstrap CIs.

    Args:
        actor_scores: from :func:`score_actor_sentences`.
        by: grouping column (``"doc_id"`` gives the actor x document table; documents without
            a value form the group ``"(missing)"``); ``""`` pools all sentences in one group
            ``"all"``.
        corpus, n_boot, seed, ci: as in :func:`~corpus_tools.sentiment.groups.summarize_groups`.

    Returns:
        ``lexicon, actor, group, n, n_docs, estimate, ci_low, ci_high, note`` (``n``: sentences,
        ``n_docs``: articles). Intervals resample articles (the sentences of one article stay
        together, as everywhere in the package: ``docs/methods.md``); a group whose sentences
        about an actor come from fewer than 3 articles gets its estimate but no interval, with
        the reason in ``note``.

    >>> a = pd.DataFrame({"actor": "NATO", "doc_id": ["a", "a", "b"], "lexicon": "vader", "compound": [.2, .4, -.5]})
    >>> summarize_actors(a, n_boot=100)[["group", "n", "estimate"]].round(2).values.tolist()
    [['a', 2, 0.3], ['b', 1, -0.5]]
    """
    columns = ["lexicon", "actor", "group", "n", "n_docs", "estimate", "ci_low", "ci_high", "note"]
    if actor_scores.empty:
        return pd.DataFrame(columns=columns)
    needed = ["lexicon", "actor", "doc_id", "compound"]
    require_columns(actor_scores, needed, table="actor_scores", hint="Pass the table of score_actor_sentences.")
    if by and (by in actor_scores.columns or (corpus is not None and by in corpus.columns)):
        needed += [by] if by in actor_scores.columns and by not in needed else []
        frame = attach_groups(actor_scores[needed], by, documents=corpus)
    elif by:
        frame = attach_groups(actor_scores, by, documents=corpus)  # raises, naming the columns at hand
    else:
        frame = actor_scores[needed].assign(group=stats.POOLED_GROUP)
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.assign(doc_id=frame["doc_id"].astype(str))
    table = _summarize_codes(
        frame, value="compound", per=["lexicon", "actor"], cluster="doc_id", n_boot=n_boot, seed=seed, ci=ci
    ).rename(columns={"n_clusters": "n_docs"})
    return table.sort_values(["lexicon", "actor"], kind="stable", ignore_index=True)[columns]


def select_examples(actor_scores: pd.DataFrame, *, lexicon: str = "vader", n: int = 2) -> pd.DataFrame:
    """The ``n`` sentences most positive and ``n`` most negative toward each actor, traceable to
    their source by ``doc_id`` and character offsets.

    Returns:
        ``actor, kind`` (``"most positive"``/``"most negative"``), ``rank, doc_id, sent_id,
        start, end, compound, mentions, text`` (and ``sentence_compound, roles`` when the table
        has them); a sentence appears once per actor even when it is among both the most
        positive and the most negative (few sentences).

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
    columns = ["actor", "kind", "rank", "doc_id", "sent_id", "start", "end", "compound", "sentence_compound"]
    columns += ["mentions", "roles", "text"]
    columns = [c for c in columns if c in actor_scores.columns or c in ("actor", "kind", "rank")]
    return pd.concat(rows, ignore_index=True)[columns] if rows else pd.DataFrame(columns=columns)
