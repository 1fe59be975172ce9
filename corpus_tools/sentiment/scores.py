"""Scores of texts, sentences and documents, one row per unit and lexicon.

:func:`score_texts` scores strings as given; :func:`score_sentences` splits a corpus (or takes
a sentence table) and scores every sentence with every lexicon; :func:`score_documents`
aggregates sentence scores to documents. Every lexicon gives ``neg, neu, pos, compound`` and
the counts ``n_tokens, n_pos, n_neg`` with the standard dictionary polarity scores
``log_ratio = log((n_pos + 0.5) / (n_neg + 0.5))`` and ``net = (n_pos - n_neg) / n_tokens``.

The lexicons are English (VADER, AFINN, Pattern; a user dictionary is taken to be in
``lexicon_language``, default English). When the corpus has a ``language`` column
(:func:`corpus_tools.read_corpus` adds it), sentences of documents in another language are not
scored: their scores are NaN and ``scored`` is False (an English lexicon would read the German
article "die" as the verb), with a :class:`~corpus_tools.io.CorpusWarning` counting the documents
per language. Documents whose language is ``"und"`` (too short to tell) are scored.

>>> score_texts(["Peace is good."], lexicon="afinn", details=True)[["compound", "n_pos"]].round(4).values.tolist()
[[0.7184, 2.0]]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.dictionaries import Dictionary
from corpus_tools.groups import attach_groups
from corpus_tools.io import CorpusWarning
from corpus_tools.segment import split_sentences
from corpus_tools.sentiment.dictionary import _dictionary_rows
from corpus_tools.sentiment.lexicons import (
    DETAIL_COLUMNS,
    SCORE_COLUMNS,
    SENTENCE_KEYS,
    Lexicon,
    _lexicon_list,
    read_lexicon,
)
from corpus_tools.sentiment.vader import _vader_rows

__all__ = ["score_texts", "score_sentences", "score_documents"]


def score_texts(
    texts: Iterable[str],
    *,
    lexicon: str | Path | Dictionary | Lexicon = "vader",
    overrides: Mapping[str, float | None] | None = None,
    details: bool = False,
) -> pd.DataFrame:
    """Score each string exactly as given (no sentence splitting).

    Args:
        texts: strings (a list or a Series; a Series keeps its index).
        lexicon: ``"vader"``, ``"afinn"``, ``"pattern"``, a dictionary file/name/object, or a
            :class:`Lexicon` (see :func:`read_lexicon`).
        overrides: lexicon entries to remove (``None``) or re-weight (see :func:`read_lexicon`).
        details: add ``n_tokens, n_pos, n_neg, log_ratio, net``.

    Returns:
        ``neg, neu, pos, compound`` aligned with ``texts``. For VADER these are the reference
        package's ``polarity_scores`` values, unchanged.

    Raises:
        TypeError: an item is not a string (the message gives its position).

    >>> score_texts(["Discussions Begin: International 'Reassurance' Force For Ukraine Peace"])["compound"].tolist()
    [0.7184]
    """
    index = texts.index if isinstance(texts, pd.Series) else None
    texts = list(texts)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"texts[{i}] is {text!r}, not a string; replace missing texts with '' (e.g. .fillna(''))")
    lex = read_lexicon(lexicon, overrides=overrides)
    columns = SCORE_COLUMNS + (DETAIL_COLUMNS if details else [])
    if lex.analyzer is not None:
        frame = _vader_rows(lex, texts, details)[columns]
    else:
        frame = _dictionary_rows(lex, texts, details)[columns]
    if index is not None:
        frame.index = index
    return frame.astype({c: "int64" for c in ("n_tokens", "n_pos", "n_neg") if c in frame.columns})


def _as_sentences(data: pd.DataFrame) -> pd.DataFrame:
    """A sentence table (``doc_id, sent_id, start, end, text``) from sentences or a corpus (with
    the corpus's ``language`` column when it has one)."""
    if {"doc_id", "sent_id", "start", "end", "text"} <= set(data.columns):
        return data.drop_duplicates(["doc_id", "sent_id"])
    if {"doc_id", "text"} <= set(data.columns):
        sentences = split_sentences(data)
        if "language" in data.columns and "language" not in sentences.columns:
            languages = data.drop_duplicates("doc_id").set_index("doc_id")["language"]
            sentences["language"] = sentences["doc_id"].map(languages)
        return sentences
    raise KeyError(
        f"expected a corpus (doc_id, text) or a sentence table (doc_id, sent_id, start, end, text); "
        f"got columns {list(data.columns)}"
    )


def score_sentences(
    data: pd.DataFrame,
    *,
    lexicons: Sequence[str | Path | Dictionary | Lexicon] | str = ("vader",),
    overrides: Mapping[str, float | None] | None = None,
    lexicon_language: str = "en",
) -> pd.DataFrame:
    """Score every sentence with every lexicon: a long table, one row per sentence and lexicon.

    Args:
        data: a corpus (``doc_id, text``; split with :func:`corpus_tools.split_sentences`) or
            a sentence table (``doc_id, sent_id, start, end, text``); with a ``language``
            column, only documents in ``lexicon_language`` (or ``"und"``) are scored.
        lexicons: lexicon names, dictionary files or objects (see :func:`read_lexicon`).
        overrides: entries to remove or re-weight in every lexicon.
        lexicon_language: the ISO 639-1 code of the lexicons' language (the shipped ones are English).

    Returns:
        ``doc_id, sent_id, start, end, position, text, lexicon, neg, neu, pos, compound,
        n_tokens, n_pos, n_neg, log_ratio, net, scored`` (offsets index into the document text;
        ``scored`` is False, and the scores NaN, for sentences of documents in another language).

    Warns:
        CorpusWarning: documents in another language than the lexicons', counted per language.

    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "language": ["en", "de"],
    ...                        "text": ["Peace is good. War is bad.", "Die Lage ist gut."]})
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     score_sentences(corpus)[["compound", "scored"]].values.tolist()
    [[0.7506, True], [-0.8126, True], [nan, False]]
    >>> print(caught[0].message)
    sentiment: 1 document not in 'en' (de: 1) not scored by the en lexicons (scores NaN, scored=False)
    """
    sentences = _as_sentences(data)
    keys = [c for c in SENTENCE_KEYS + ["position", "text"] if c in sentences.columns]
    scored = _in_language(sentences, lexicon_language, "sentiment", f"scored by the {lexicon_language} lexicons")
    parts = []
    for lex in _lexicon_list(lexicons, overrides):
        scores = score_texts(sentences["text"].fillna(""), lexicon=lex, details=True).reset_index(drop=True)
        if not scored.all():
            scores = scores.astype({c: "float64" for c in ("n_pos", "n_neg")})
            scores.loc[~scored, SCORE_COLUMNS + ["n_pos", "n_neg", "log_ratio", "net"]] = np.nan
        part = pd.concat([sentences[keys].reset_index(drop=True), scores], axis=1)
        parts.append(part.assign(lexicon=lex.name, scored=scored))
    frame = pd.concat(parts, ignore_index=True)
    return frame[keys + ["lexicon"] + SCORE_COLUMNS + DETAIL_COLUMNS + ["scored"]]


def _in_language(sentences: pd.DataFrame, language: str, stage: str, what: str) -> np.ndarray:
    """Which rows belong to documents in ``language`` (or ``"und"``, or of unknown language when
    the table has no ``language`` column); warns counting the other documents per language."""
    if "language" not in sentences.columns:
        return np.ones(len(sentences), dtype=bool)
    lang = sentences["language"].fillna("und").astype(str)
    keep = lang.isin([language, "und"]).to_numpy()
    if not keep.all():
        other = sentences.loc[~keep, ["doc_id"]].assign(language=lang[~keep]).drop_duplicates("doc_id")
        counts = other["language"].value_counts().sort_index()
        listed = ", ".join(f"{k}: {v}" for k, v in counts.items())
        n = len(other)
        warnings.warn(
            f"{stage}: {n} document{'s' if n != 1 else ''} not in {language!r} ({listed}) not {what} "
            "(scores NaN, scored=False)",
            CorpusWarning,
            stacklevel=3,
        )
    return keep


def score_documents(
    scores: pd.DataFrame, *, neutral_threshold: float = 0.05, corpus: pd.DataFrame | None = None, by: str = "doc_id"
) -> pd.DataFrame:
    """Document scores from sentence scores (:func:`score_sentences`).

    A sentence is positive when ``compound >= neutral_threshold``, negative when
    ``compound <= -neutral_threshold``, else neutral (VADER's convention, 0.05). With
    ``corpus``, every document of the corpus gets a row (empty scores when it has no
    sentences), led by its ``title`` and the grouping column ``by``.

    Args:
        scores: sentence scores (:func:`score_sentences`).
        neutral_threshold: sentences with ``|compound|`` below this are neutral.
        corpus: the corpus, to give every document a row with its ``title`` and ``by`` value.
        by: grouping column (in ``corpus`` or ``scores``; default ``"doc_id"``, each document
            its own group), attached as ``group`` by :func:`corpus_tools.groups.attach_groups`:
            a document without a value is in the group ``"(missing)"``.

    Returns:
        ``doc_id`` (with ``corpus``: ``title`` and ``by``), ``group, lexicon, n_sentences,
        compound`` (mean sentence compound), ``share_pos, share_neu, share_neg``, and
        ``n_tokens, n_pos, n_neg, log_ratio, net`` from the document's summed counts.

    >>> s = pd.DataFrame({"doc_id": ["a"] * 3, "lexicon": "vader", "compound": [0.5, 0.0, -0.1],
    ...                   "n_tokens": 5, "n_pos": [1, 0, 0], "n_neg": [0, 0, 1]})
    >>> score_documents(s)[["compound", "share_pos", "share_neu", "share_neg"]].round(3).values.tolist()
    [[0.133, 0.333, 0.333, 0.333]]
    """
    if not neutral_threshold >= 0:
        raise ValueError(f"neutral_threshold must be >= 0, not {neutral_threshold!r}")
    compound = scores["compound"]
    labelled = scores.assign(  # sentences not scored (another language) count in no share
        _pos=(compound >= neutral_threshold).where(compound.notna()).astype("float64"),
        _neg=(compound <= -neutral_threshold).where(compound.notna()).astype("float64"),
    )
    docs = (
        labelled.groupby(["doc_id", "lexicon"], sort=False)
        .agg(
            n_sentences=("compound", "size"),
            compound=("compound", "mean"),
            share_pos=("_pos", "mean"),
            share_neg=("_neg", "mean"),
            n_tokens=("n_tokens", "sum"),
            n_pos=("n_pos", "sum"),
            n_neg=("n_neg", "sum"),
            _scored=("compound", "count"),
        )
        .reset_index()
    )
    unscored = docs["_scored"].eq(0)
    if unscored.any():  # not 0: a document in another language has no counts
        docs = docs.astype({"n_pos": "float64", "n_neg": "float64"})
        docs.loc[unscored, ["n_pos", "n_neg"]] = np.nan
    docs["share_neu"] = 1 - docs["share_pos"] - docs["share_neg"]
    docs["log_ratio"] = np.log((docs["n_pos"] + 0.5) / (docs["n_neg"] + 0.5))
    docs["net"] = (docs["n_pos"] - docs["n_neg"]) / docs["n_tokens"].where(docs["n_tokens"] > 0)
    columns = [
        "doc_id",
        "lexicon",
        "n_sentences",
        "compound",
        "share_pos",
        "share_neu",
        "share_neg",
        "n_tokens",
        "n_pos",
        "n_neg",
        "log_ratio",
        "net",
    ]
    if corpus is None:
        documents = scores.drop_duplicates("doc_id") if by in scores.columns and by != "doc_id" else None
        docs = attach_groups(docs, by, documents=documents)
        return docs[["doc_id", "group"] + columns[1:]]
    keys = corpus[["doc_id", "title"] + ([by] if by != "doc_id" else [])].fillna({"title": ""})
    keys = attach_groups(keys, by)
    return keys.merge(docs[columns], on="doc_id", how="left")
