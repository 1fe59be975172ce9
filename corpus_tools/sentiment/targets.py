"""Tone toward a target: the sentiment a sentence expresses toward one mention in it.

A sentence's tone is not its tone toward everyone it names: in "Brandt praised Alvarez" the
praise is Alvarez's, and in "Belmora's attack on Solvia" the blame is Belmora's. For each mention
(``text`` with the mention's ``start``/``end``), :func:`score_targets` adds up two things and
squashes the sum as VADER does (``s / sqrt(s**2 + 15)``):

- the tone a listed verb or noun implies toward the mention by its role
  (:mod:`corpus_tools.sentiment.roles`: subject or object of "criticised", doer of "attack"),
  weighted by :data:`ROLE_WEIGHT` (a VADER-scale valence);
- the valences of the lexicon's words in the mention's clause, on the mention's side of any
  listed verb; a word is shared among the mentions of its clause by closeness (weight
  ``(1 + d) ** -SHARE_POWER`` for ``d`` words between them, normalised over the mentions) and
  fades with distance (``1 / (1 + d / DECAY)``); a negator up to three words before a word
  multiplies it by VADER's -0.74. Names carry no valence (a mention's last word and its
  capitalised words: "Critics", "United States"), nor do negators; the one an act of harm or help
  is done to (the object of "attacked", "rescued", "attack on") takes no words at all: they
  describe the act, whose doer the verb already credits or blames.

English only: the verb and noun lists are English, so rows whose ``language`` is another language
(not ``"und"``) get NaN with the reason. Measured on hand-labelled news-style sentences with two or
more targets each (:mod:`corpus_tools.validation.targets`).

>>> frame = pd.DataFrame({"text": ["Brandt praised Alvarez."] * 2, "start": [0, 15], "end": [6, 22]})
>>> score_targets(frame)[["compound", "label", "role"]].values.tolist()
[[0.0, 'neutral', 'subject of praised'], [0.6124, 'positive', 'object of praised']]
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.dictionaries import Dictionary
from corpus_tools.io import CorpusWarning
from corpus_tools.sentiment.lexicons import ALPHA, NEGATION_SCALAR, Lexicon, read_lexicon
from corpus_tools.sentiment.roles import (
    CANCELLERS,
    RoleWords,
    is_negated,
    is_noun_use,
    is_role_verb,
    match_role,
    read_role_words,
    split_clause_ids,
    split_tokens_with_offsets,
)
from corpus_tools.sentiment.scores import score_texts

__all__ = ["score_targets", "TARGET_COLUMNS"]

#: Valence (VADER scale, -4..4) of the tone a verb or noun implies by its role.
ROLE_WEIGHT = 3.0
#: How sharply a word's valence goes to the nearest of the mentions in its clause.
SHARE_POWER = 2.0
#: Words this many words away from the mention count half.
DECAY = 6.0
#: The only language of the verb and noun lists.
LANGUAGE = "en"
#: Columns :func:`score_targets` adds.
TARGET_COLUMNS = ["compound", "label", "role", "scored", "reason"]


def _check_spans(frame: pd.DataFrame) -> None:
    """Raise ``ValueError`` naming the first row whose offsets are not a span of its text."""
    for position, (index, text, start, end) in enumerate(
        zip(frame.index, frame["text"], frame["start"], frame["end"], strict=True)
    ):
        if not isinstance(text, str):
            continue
        ok = (
            isinstance(start, (int, np.integer, float, np.floating))
            and isinstance(end, (int, np.integer, float, np.floating))
            and float(start).is_integer()
            and float(end).is_integer()
            and 0 <= start < end <= len(text)
        )
        if not ok:
            raise ValueError(
                f"target row {position} (index {index!r}): start={start!r}, end={end!r} is not a span of its "
                f"text of {len(text)} characters ({text[:60]!r}); start and end are the mention's character "
                "offsets in `text`, with 0 <= start < end <= len(text)"
            )


def _valences(texts: list[str], lex: Lexicon) -> dict[str, float]:
    """The lexicon's valence of every lower-cased word of ``texts``: each word scored on its own,
    its compound turned back into the valence sum (``c * sqrt(ALPHA / (1 - c**2))``)."""
    return _vocabulary_valences(_vocabulary(texts), lex)


def _vocabulary(texts: list[str]) -> list[str]:
    """The lower-cased words of ``texts`` (and the last part of hyphenated ones), sorted."""
    tokens = {t[1] for text in texts for t in split_tokens_with_offsets(text) if t[1][0].isalpha()}
    return sorted(tokens | {t.rsplit("-", 1)[1] for t in tokens if "-" in t} - {""})


def _vocabulary_valences(vocabulary: list[str], lex: Lexicon) -> dict[str, float]:
    """:func:`_valences` of the words of :func:`_vocabulary`."""
    if not vocabulary:
        return {}
    compound = score_texts(vocabulary, lexicon=lex)["compound"].to_numpy(dtype="float64")
    compound = np.clip(compound, -0.9999, 0.9999)
    valence = compound * np.sqrt(ALPHA / (1 - compound**2))
    return {w: float(v) for w, v in zip(vocabulary, valence, strict=True) if abs(v) > 1e-9}


def _mention_tokens(tokens: list, start: int, end: int) -> tuple[int, int] | None:
    """First and last token of a span; a closing possessive ("Vell's") stays outside it."""
    inside = [i for i, t in enumerate(tokens) if t[2] < end and t[3] > start]
    if len(inside) > 1 and tokens[inside[-1]][1] in ("'s", "'", "’"):
        inside.pop()
    return (inside[0], inside[-1]) if inside else None


def _distance(j: int, span: tuple[int, int]) -> int:
    return span[0] - j if j < span[0] else (j - span[1] if j > span[1] else 0)


def _word_valence(lower: str, valence: Mapping[str, float]) -> float:
    """A word's valence; a hyphenated word not in the lexicon takes its last part's ("much-admired")."""
    value = valence.get(lower, 0.0)
    if not value and "-" in lower:
        value = valence.get(lower.rsplit("-", 1)[1], 0.0)
    return value


def _silent(tokens: list, mentions: list, words: RoleWords) -> set[int]:
    """Tokens whose lexicon valence does not count: negators and "refused"/"failed" before a
    listed verb (they negate, see ``is_negated``), and the names inside mentions: each one's last
    word and capitalised words after the first ("Critics", "United States")."""
    silent = set()
    for j, token in enumerate(tokens):
        if token[1] in words.negators or token[1].endswith(("n't", "n’t")):
            silent.add(j)
        elif token[1] in CANCELLERS and any(
            is_role_verb(tokens, k, words) for k in range(j + 1, min(len(tokens), j + 4))
        ):
            silent.add(j)
    for m in mentions:
        if m is not None:
            silent.add(m[1])
            silent.update(j for j in range(m[0] + 1, m[1]) if tokens[j][0][:1].isupper())
    return silent


def _score_text(
    text: str, spans: list[tuple[int, int]], valence: Mapping[str, float], words: RoleWords
) -> list[tuple[float, str]]:
    """``(valence sum, role)`` toward each character span of one text."""
    return _score_prepared(_prepare_text(text, spans, words), valence, words)


def _prepare_text(text: str, spans: list[tuple[int, int]], words: RoleWords) -> tuple:
    """What scoring ``text`` needs whatever the lexicon: its tokens, clauses, the mentions'
    tokens, walls (role verbs), silent tokens and each mention's role."""
    tokens = split_tokens_with_offsets(text)
    clause = split_clause_ids(tokens, words)
    mentions = [_mention_tokens(tokens, s, e) for s, e in spans]
    inside = {i for m in mentions if m for i in range(m[0], m[1] + 1)}
    walls = [i for i in range(len(tokens)) if i not in inside and is_role_verb(tokens, i, words)]
    silent = _silent(tokens, mentions, words)
    roles = [None if m is None else match_role(tokens, m, words, clause, frozenset(inside)) for m in mentions]
    return tokens, clause, mentions, inside, walls, silent, roles


def _score_prepared(prepared: tuple, valence: Mapping[str, float], words: RoleWords) -> list[tuple[float, str]]:
    """:func:`_score_text` of a text prepared by :func:`_prepare_text`, with one lexicon's valences."""
    tokens, clause, mentions, inside, walls, silent, roles = prepared
    hits = []
    for j, token in enumerate(tokens):
        value = _word_valence(token[1], valence)
        if not value or j in walls or j in silent or token[1] in words.reporting:
            continue
        if token[1] in words.nouns and is_noun_use(tokens, j, words) and j not in inside:
            continue
        hits.append((j, value * (NEGATION_SCALAR if is_negated(tokens, j, words, clause) else 1.0)))
    results = []
    for m, role in zip(mentions, roles):
        if m is None:
            results.append((np.nan, "no word in the span"))
            continue
        total = ROLE_WEIGHT * role.tone
        for j, value in [] if role.patient else hits:
            if clause[j] != clause[m[0]] or _walled(j, m, walls):
                continue
            rivals = [o for o in mentions if o and clause[o[0]] == clause[j] and not _walled(j, o, walls)]
            weights = [(1 + _distance(j, o)) ** -SHARE_POWER for o in rivals]
            share = (1 + _distance(j, m)) ** -SHARE_POWER / sum(weights)
            total += value * share / (1 + _distance(j, m) / DECAY)
        results.append((total, role.name))
    return results


def _walled(j: int, span: tuple[int, int], walls: list[int]) -> bool:
    low, high = (j, span[0]) if j < span[0] else (span[1], j)
    return any(low < w < high for w in walls)


def _other_language(frame: pd.DataFrame) -> pd.Series:
    """The language of each row that is not English (nor ``"und"``), else NaN; warns with counts."""
    if "language" not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype="object")
    language = frame["language"].where(frame["language"].notna(), "und").astype(str)
    other = language.where(~language.isin([LANGUAGE, "und"]))
    if other.notna().any():
        counts = other.value_counts().sort_index()
        listed = ", ".join(f"{k}: {v}" for k, v in counts.items())
        warnings.warn(
            f"target tone: {int(other.notna().sum())} mention(s) not in English ({listed}) not scored: the verb and "
            "noun lists are English (compound NaN, scored=False, reason given)",
            CorpusWarning,
            stacklevel=3,
        )
    return other


def score_targets(
    frame: pd.DataFrame,
    *,
    lexicon: str | Path | Dictionary | Lexicon = "vader",
    overrides: Mapping[str, float | None] | None = None,
    neutral_threshold: float = 0.05,
) -> pd.DataFrame:
    """The tone each row's text expresses toward the mention at ``start:end`` (see the module
    docstring for the rules).

    Rows with the same text are scored together: a word is shared among their mentions.

    Args:
        frame: ``text, start, end`` (``start``/``end``: the mention's character offsets in
            ``text``), with any other columns; with a ``language`` column, rows in another
            language than English (or ``"und"``) are not scored.
        lexicon: the lexicon giving word valences (``"vader"``, ``"afinn"``, ``"pattern"``, a
            dictionary; see :func:`~corpus_tools.sentiment.lexicons.read_lexicon`).
        overrides: lexicon entries to remove (``None``) or re-weight.
        neutral_threshold: ``label`` is positive when ``compound >= neutral_threshold``,
            negative when ``compound <= -neutral_threshold``, else neutral.

    Returns:
        ``frame`` with ``compound`` (-1..1), ``label`` (``negative/neutral/positive``), ``role``
        (the verb or noun role that applied, e.g. ``"object of criticised"``; ``""`` if none),
        ``scored`` and ``reason`` (why a row was not scored: NaN scores; ``""`` when scored).

    Raises:
        KeyError: ``text``, ``start`` or ``end`` is missing.
        ValueError: a row's ``start``/``end`` is not a span of its text (the message names the row).

    Warns:
        CorpusWarning: rows in another language, counted per language.

    >>> frame = pd.DataFrame({"text": "Kesh's attack on Tarvia was condemned.", "start": [0, 17], "end": [4, 23]})
    >>> score_targets(frame)[["label", "role"]].values.tolist()
    [['negative', 'doer of attack; object of condemned'], ['neutral', 'object of attack']]
    """
    return _score_targets_each(frame, [lexicon], overrides=overrides, neutral_threshold=neutral_threshold)[0]


def _score_targets_each(
    frame: pd.DataFrame,
    lexicons: Sequence[str | Path | Dictionary | Lexicon],
    *,
    overrides: Mapping[str, float | None] | None = None,
    neutral_threshold: float = 0.05,
) -> list[pd.DataFrame]:
    """:func:`score_targets` with each of ``lexicons``: each text is split into tokens, clauses and
    roles once, and only its word valences are looked up again for each lexicon."""
    require_columns(frame, ["text", "start", "end"], table="target table", hint="Give each mention's text and span.")
    if not neutral_threshold >= 0:
        raise ValueError(f"neutral_threshold must be >= 0, not {neutral_threshold!r}")
    _check_spans(frame)
    other = _other_language(frame)
    texts = frame["text"].to_numpy(dtype="object")
    reasons = np.where(
        other.notna().to_numpy(),
        "language " + other.fillna("").astype(str).map(repr).to_numpy(dtype="object") + ": word lists are English",
        np.where([isinstance(t, str) for t in texts], "", "no text"),
    ).astype("object")
    todo = np.flatnonzero(reasons == "")
    words = read_role_words()
    lexes = [read_lexicon(lexicon, overrides=overrides) for lexicon in lexicons]
    vocabulary = _vocabulary(list(dict.fromkeys(texts[todo])))
    valences = [_vocabulary_valences(vocabulary, lex) for lex in lexes]
    compounds = [np.full(len(frame), np.nan) for _ in lexes]
    roles = [np.full(len(frame), "", dtype="object") for _ in lexes]
    reasons = [reasons.copy() for _ in lexes]
    starts, ends = frame["start"].to_numpy(), frame["end"].to_numpy()
    by_text: dict[str, list[int]] = {}
    for i in todo:
        by_text.setdefault(texts[i], []).append(i)
    for text, rows in by_text.items():
        spans = list(dict.fromkeys((int(starts[i]), int(ends[i])) for i in rows))
        prepared = _prepare_text(text, spans, words)
        for valence, compound, role, reason in zip(valences, compounds, roles, reasons):
            scored = dict(zip(spans, _score_prepared(prepared, valence, words), strict=True))
            for i in rows:
                total, role[i] = scored[(int(starts[i]), int(ends[i]))]
                compound[i] = total / np.sqrt(total**2 + ALPHA)
                if np.isnan(total):
                    reason[i], role[i] = role[i], ""
    results = []
    for compound, role, reason in zip(compounds, roles, reasons):
        label = np.where(
            compound >= neutral_threshold, "positive", np.where(compound <= -neutral_threshold, "negative", "neutral")
        ).astype("object")
        label[np.isnan(compound)] = np.nan
        result = frame.copy()
        result["compound"] = compound.round(4)
        result["label"] = label
        result["role"] = role
        result["scored"] = ~np.isnan(compound)
        result["reason"] = reason
        results.append(result)
    return results
