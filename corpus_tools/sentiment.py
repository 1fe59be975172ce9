"""Sentiment of sentences, documents, groups and actors, with several lexicons side by side.

Lexicons (``lexicon=`` / ``lexicons=``):

- ``"vader"``: VADER (Hutto & Gilbert 2014), scored by the authors' reference package
  ``vaderSentiment`` 3.3.2, so ``neg, neu, pos, compound`` equal the reference exactly (NLTK's
  port differs: it misses lexicon words wrapped in quotes).
- ``"afinn"``: the AFINN-en-165 word list (Nielsen 2011, ``afinn`` package), weights -5..5.
- ``"pattern"``: the Pattern subjectivity lexicon (De Smedt & Daelemans 2012, public domain,
  shipped in the ``textblob`` package), one polarity per word form averaged over its senses.
- a user dictionary: a path (YAML, CSV, LIWC ``.dic``, Lexicoder ``.lc3``), a
  :class:`~corpus_tools.dictionaries.Dictionary`, or a shipped dictionary's name; read and
  matched by :mod:`corpus_tools.dictionaries` (globs, phrases, negation).

Dictionary lexicons are scored with one transparent rule, so they can be compared: each hit's
value is its weight put on VADER's -4..4 scale (an unweighted hit in a ``positive`` or
``negative`` category counts ``UNWEIGHTED_VALENCE``), a negated hit is multiplied by VADER's
``N_SCALAR`` (-0.74), ``compound`` is VADER's normalisation of the sum, ``s / sqrt(s^2 + 15)``,
and ``neg/neu/pos`` are the shares of negative, unmatched and positive token mass. Every
lexicon also gets the counts ``n_tokens, n_pos, n_neg`` and the standard dictionary polarity
scores ``log_ratio = log((n_pos + 0.5) / (n_neg + 0.5))`` and ``net = (n_pos - n_neg) / n_tokens``.
"""

from __future__ import annotations

import functools
import itertools
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats as sps
from vaderSentiment import vaderSentiment as vader_ref

from corpus_tools import stats
from corpus_tools.dictionaries import Dictionary, match_actors, match_dictionary, read_dictionary
from corpus_tools.segment import split_sentences, tokenize

__all__ = [
    "LEXICONS",
    "Lexicon",
    "compare_groups",
    "compare_lexicons",
    "compare_overrides",
    "count_drivers",
    "plot_actor_heatmap",
    "plot_arcs",
    "plot_drivers",
    "plot_groups",
    "read_lexicon",
    "score_actor_sentences",
    "score_actors",
    "score_arcs",
    "score_documents",
    "score_groups",
    "score_sentences",
    "score_texts",
    "select_examples",
]

#: Lexicons shipped through PyPI packages, by name.
LEXICONS = ("vader", "afinn", "pattern")
#: Dictionary weights are rescaled so the lexicon's largest absolute weight maps to this (VADER's range).
VALENCE_SCALE = 4.0
#: Value of an unweighted positive/negative hit: about the mean absolute valence of a VADER word (1.54).
UNWEIGHTED_VALENCE = 1.5
#: A negated dictionary hit is multiplied by this (VADER's N_SCALAR).
NEGATION_SCALAR = vader_ref.N_SCALAR
#: VADER's normalisation constant: compound = s / sqrt(s^2 + ALPHA).
ALPHA = 15.0
#: Category names counted as positive / negative in unweighted dictionaries (LIWC, Lexicoder).
POSITIVE_CATEGORIES = frozenset({"positive", "pos", "posemo", "neg_negative"})
NEGATIVE_CATEGORIES = frozenset({"negative", "neg", "negemo", "neg_positive"})
SCORE_COLUMNS = ["neg", "neu", "pos", "compound"]
DETAIL_COLUMNS = ["n_tokens", "n_pos", "n_neg", "log_ratio", "net"]
SENTENCE_KEYS = ["doc_id", "sent_id", "start", "end"]


@dataclass(frozen=True)
class Lexicon:
    """A lexicon ready to score: VADER's reference analyzer or a weighted dictionary.

    Attributes:
        name: the name used in result tables (``lexicon`` column).
        analyzer: VADER's ``SentimentIntensityAnalyzer`` (None for a dictionary).
        dictionary: the dictionary (None for VADER).
        scale: factor putting the dictionary's weights on VADER's -4..4 scale.
        overrides: the entry overrides applied (``{"force": None}`` removes "force").
    """

    name: str
    analyzer: vader_ref.SentimentIntensityAnalyzer | None = None
    dictionary: Dictionary | None = None
    scale: float = 1.0
    overrides: Mapping[str, float | None] = field(default_factory=dict)


# ---------------------------------------------------------------------------- lexicons


@functools.cache
def _vader_analyzer() -> vader_ref.SentimentIntensityAnalyzer:
    return vader_ref.SentimentIntensityAnalyzer()


@functools.cache
def _afinn_dictionary() -> Dictionary:
    from afinn import Afinn

    lexicon = Afinn(emoticons=False)._dict
    return Dictionary.from_mapping(
        {"afinn": lexicon},
        name="afinn",
        source="AFINN-en-165 (Nielsen 2011), afinn package",
        licence="ODbL-1.0 (word list)",
    )


@functools.cache
def _pattern_dictionary() -> Dictionary:
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
    senses: dict[str, list[float]] = {}
    for word in ET.parse(path).getroot().iter("word"):
        form = (word.get("form") or "").strip().lower()
        if form and "*" not in form:  # censored forms ("f*cking") are not words
            senses.setdefault(form, []).append(float(word.get("polarity", 0.0)))
    weights = {form: sum(p) / len(p) for form, p in senses.items() if sum(p) != 0}
    return Dictionary.from_mapping(
        {"pattern": weights},
        name="pattern",
        source="Pattern subjectivity lexicon 1.3 (De Smedt & Daelemans), textblob package",
        licence="PDDL",
    )


def _vader_with_overrides(overrides: Mapping[str, float | None]) -> vader_ref.SentimentIntensityAnalyzer:
    analyzer = vader_ref.SentimentIntensityAnalyzer()
    for word, value in overrides.items():
        key = str(word).strip().lower()
        if value is None:
            analyzer.lexicon.pop(key, None)
        else:
            analyzer.lexicon[key] = float(value)
    return analyzer


def _dictionary_scale(dictionary: Dictionary) -> float:
    weights = [abs(e.weight) for e in dictionary.entries if e.weight is not None]
    return VALENCE_SCALE / max(weights) if weights and max(weights) > 0 else 1.0


def read_lexicon(
    source: str | Path | Dictionary | Lexicon, *, overrides: Mapping[str, float | None] | None = None
) -> Lexicon:
    """A :class:`Lexicon` from a name (``"vader"``, ``"afinn"``, ``"pattern"``), a dictionary
    file or name, or a :class:`~corpus_tools.dictionaries.Dictionary`.

    Args:
        source: what to read.
        overrides: entries to change: ``{"force": None}`` removes a word, ``{"peace": 0.5}``
            re-weights it (on the lexicon's own scale). For dictionaries see
            :meth:`Dictionary.with_overrides`; for VADER the word's lexicon valence is changed.

    Raises:
        DictionaryError: the file is malformed, or has neither weights nor a positive or
            negative category.

    >>> read_lexicon("afinn").scale
    0.8
    """
    if isinstance(source, Lexicon):
        if overrides:
            raise ValueError("pass overrides with a lexicon name or dictionary, not with a ready Lexicon")
        return source
    overrides = dict(overrides or {})
    if isinstance(source, str) and source.lower() == "vader":
        analyzer = _vader_with_overrides(overrides) if overrides else _vader_analyzer()
        return Lexicon("vader", analyzer=analyzer, overrides=overrides)
    if isinstance(source, str) and source.lower() in ("afinn", "pattern"):
        dictionary = _afinn_dictionary() if source.lower() == "afinn" else _pattern_dictionary()
    else:
        dictionary = _read_named_dictionary(source)
    _check_polarity(dictionary)
    scale = _dictionary_scale(dictionary)
    if overrides:
        dictionary = dictionary.with_overrides(overrides)
    return Lexicon(dictionary.name, dictionary=dictionary, scale=scale, overrides=overrides)


def _read_named_dictionary(source: str | Path | Dictionary) -> Dictionary:
    from corpus_tools.dictionaries import DictionaryError

    try:
        return read_dictionary(source)
    except DictionaryError as err:
        if isinstance(source, str) and not Path(source).suffix:
            raise DictionaryError(
                f"unknown lexicon {source!r}: built-in lexicons: {', '.join(LEXICONS)}; "
                f"a dictionary can be named too ({err})"
            ) from None
        raise


def _check_polarity(dictionary: Dictionary) -> None:
    known = POSITIVE_CATEGORIES | NEGATIVE_CATEGORIES
    if any(e.weight is not None or e.category.lower() in known for e in dictionary.entries):
        return
    from corpus_tools.dictionaries import DictionaryError

    raise DictionaryError(
        f"{dictionary.path or dictionary.name}: a sentiment dictionary needs weights or a category named "
        f"positive/negative (LIWC posemo/negemo, Lexicoder neg_positive/neg_negative); found categories "
        f"{dictionary.category_names}. Rename the categories or give each entry a weight."
    )


# ---------------------------------------------------------------------------- VADER


def _vader_valences(analyzer: vader_ref.SentimentIntensityAnalyzer, text: str) -> tuple[list[str], list[float], str]:
    """VADER's word list and the valence each word contributes after its rules (boosters,
    negation, "but"), computed with the reference's own methods, and the text it scored.
    ``analyzer.score_valence(valences, text)`` equals ``analyzer.polarity_scores(text)``."""
    converted, prev_space = [], True
    for char in text:  # the reference's emoji step, unchanged
        if char in analyzer.emojis:
            if not prev_space:
                converted.append(" ")
            converted.append(analyzer.emojis[char])
            prev_space = False
        else:
            converted.append(char)
            prev_space = char == " "
    text = "".join(converted).strip()
    sentitext = vader_ref.SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in vader_ref.BOOSTER_DICT or (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = analyzer._but_check(words, sentiments)
    return list(words), [float(s) for s in sentiments], text


def _vader_rows(lexicon: Lexicon, texts: list[str], details: bool) -> pd.DataFrame:
    """The reference's scores; with ``details``, in one pass: the word valences, then the
    reference's own ``score_valence`` on them (exactly what ``polarity_scores`` does)."""
    analyzer = lexicon.analyzer
    if not details:
        return pd.DataFrame([analyzer.polarity_scores(t) for t in texts], columns=SCORE_COLUMNS)
    rows, counts = [], []
    for text in texts:
        words, valences, converted = _vader_valences(analyzer, text)
        rows.append(analyzer.score_valence(valences, converted))
        counts.append((len(words), sum(v > 0 for v in valences), sum(v < 0 for v in valences)))
    n_tokens, n_pos, n_neg = np.array(counts, dtype="int64").reshape(len(texts), 3).T
    return pd.DataFrame(rows, columns=SCORE_COLUMNS).join(_details_frame(n_tokens, n_pos, n_neg))


# ---------------------------------------------------------------------------- dictionaries


def _hit_values(hits: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """Hits with ``value``: the signed contribution of each hit on VADER's scale, after negation;
    positive/negative hits inside a Lexicoder-style negated entry (``not good*``) are dropped."""
    if hits.empty:
        return hits.assign(value=pd.Series(dtype="float64"))
    hits = _drop_covered_by_negated_entries(hits)
    category = hits["category"].str.lower()
    sign = np.where(category.isin(POSITIVE_CATEGORIES), 1.0, np.where(category.isin(NEGATIVE_CATEGORIES), -1.0, np.nan))
    base = hits["weight"].where(hits["weight"].notna(), sign * UNWEIGHTED_VALENCE / lexicon.scale)
    remapped = set((lexicon.dictionary.negation.categories or {}).values()) if lexicon.dictionary.negation else set()
    flip = hits["negated"] & ~hits["category"].isin(remapped)
    value = base * lexicon.scale * np.where(flip, NEGATION_SCALAR, 1.0)
    return hits.assign(value=value).dropna(subset=["value"])


def _drop_covered_by_negated_entries(hits: pd.DataFrame) -> pd.DataFrame:
    is_negated_entry = hits["category"].str.lower().isin({"neg_positive", "neg_negative"})
    if not is_negated_entry.any():
        return hits
    keys = ["doc_id", "sent_id"]
    spans = hits.loc[is_negated_entry, keys + ["start", "end"]]
    pairs = hits[~is_negated_entry].reset_index().merge(spans, on=keys, suffixes=("", "_span"))
    inside = pairs["start"].ge(pairs["start_span"]) & pairs["end"].le(pairs["end_span"])
    return hits.drop(index=pairs.loc[inside, "index"].unique())


def _token_counts(texts: Sequence[str], dictionary: Dictionary) -> list[int]:
    from corpus_tools.dictionaries import _split_hyphens

    if dictionary.split_hyphens:
        return [len(_split_hyphens(tokenize(t))) for t in texts]
    return [len(tokenize(t)) for t in texts]


def _dictionary_hits(lexicon: Lexicon, sentences: pd.DataFrame) -> pd.DataFrame:
    hits = match_dictionary(sentences, lexicon.dictionary)
    return _hit_values(hits, lexicon)


def _dictionary_rows(lexicon: Lexicon, texts: list[str], details: bool) -> pd.DataFrame:
    frame = pd.DataFrame({"doc_id": range(len(texts)), "sent_id": 0, "start": 0, "text": texts})
    hits = _dictionary_hits(lexicon, frame)
    value = hits["value"]
    per_text = (
        pd.DataFrame(
            {
                "doc_id": hits["doc_id"],
                "pos_sum": value.clip(lower=0),
                "neg_sum": (-value).clip(lower=0),
                "n_pos": (value > 0).astype("int64"),
                "n_neg": (value < 0).astype("int64"),
                "total": value,
                "covered": [len(tokenize(t)) or 1 for t in hits["term"]],
            }
        )
        .groupby("doc_id")
        .sum()
        .reindex(range(len(texts)), fill_value=0)
    )
    n_tokens = np.asarray(_token_counts(texts, lexicon.dictionary), dtype="int64")
    neutral = np.maximum(n_tokens - per_text["covered"].to_numpy(), 0)
    mass = per_text["pos_sum"].to_numpy() + per_text["neg_sum"].to_numpy() + neutral
    safe = np.where(mass > 0, mass, 1.0)
    total = per_text["total"].to_numpy(dtype=float)
    rows = pd.DataFrame(
        {
            "neg": np.where(mass > 0, per_text["neg_sum"].to_numpy() / safe, 0.0),
            "neu": np.where(mass > 0, neutral / safe, 0.0),
            "pos": np.where(mass > 0, per_text["pos_sum"].to_numpy() / safe, 0.0),
            "compound": total / np.sqrt(total * total + ALPHA),
        }
    )
    if details:
        rows = rows.join(_details_frame(n_tokens, per_text["n_pos"].to_numpy(), per_text["n_neg"].to_numpy()))
    return rows


def _details_frame(n_tokens: np.ndarray, n_pos: np.ndarray, n_neg: np.ndarray) -> pd.DataFrame:
    """Counts and the standard dictionary polarity scores."""
    safe = np.where(n_tokens > 0, n_tokens, 1)
    return pd.DataFrame(
        {
            "n_tokens": n_tokens,
            "n_pos": n_pos,
            "n_neg": n_neg,
            "log_ratio": np.log((n_pos + 0.5) / (n_neg + 0.5)),
            "net": np.where(n_tokens > 0, (n_pos - n_neg) / safe, 0.0),
        }
    )


# ---------------------------------------------------------------------------- scoring


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
    """A sentence table (``doc_id, sent_id, start, end, text``) from sentences or a corpus."""
    if {"doc_id", "sent_id", "start", "end", "text"} <= set(data.columns):
        return data.drop_duplicates(["doc_id", "sent_id"])
    if {"doc_id", "text"} <= set(data.columns):
        return split_sentences(data)
    raise KeyError(
        f"expected a corpus (doc_id, text) or a sentence table (doc_id, sent_id, start, end, text); "
        f"got columns {list(data.columns)}"
    )


def _lexicon_list(lexicons, overrides) -> list[Lexicon]:
    if isinstance(lexicons, (str, Path, Dictionary, Lexicon)):
        lexicons = [lexicons]
    out = [read_lexicon(lex, overrides=overrides) for lex in lexicons]
    names = [lex.name for lex in out]
    if len(set(names)) != len(names):
        raise ValueError(f"two lexicons share a name: {names}; give each dictionary file its own 'name:'")
    return out


def score_sentences(
    data: pd.DataFrame,
    *,
    lexicons: Sequence[str | Path | Dictionary | Lexicon] | str = ("vader",),
    overrides: Mapping[str, float | None] | None = None,
) -> pd.DataFrame:
    """Score every sentence with every lexicon: a long table, one row per sentence and lexicon.

    Args:
        data: a corpus (``doc_id, text``; split with :func:`corpus_tools.split_sentences`) or
            a sentence table (``doc_id, sent_id, start, end, text``).
        lexicons: lexicon names, dictionary files or objects (see :func:`read_lexicon`).
        overrides: entries to remove or re-weight in every lexicon.

    Returns:
        ``doc_id, sent_id, start, end, position, text, lexicon, neg, neu, pos, compound,
        n_tokens, n_pos, n_neg, log_ratio, net`` (offsets index into the document text).

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Peace is good. War is bad."]})
    >>> score_sentences(corpus)["compound"].tolist()
    [0.7506, -0.8126]
    """
    sentences = _as_sentences(data)
    keys = [c for c in SENTENCE_KEYS + ["position", "text"] if c in sentences.columns]
    parts = []
    for lex in _lexicon_list(lexicons, overrides):
        scores = score_texts(sentences["text"].fillna(""), lexicon=lex, details=True)
        parts.append(
            pd.concat([sentences[keys].reset_index(drop=True), scores.reset_index(drop=True)], axis=1).assign(
                lexicon=lex.name
            )
        )
    frame = pd.concat(parts, ignore_index=True)
    return frame[keys + ["lexicon"] + SCORE_COLUMNS + DETAIL_COLUMNS]


def score_documents(
    scores: pd.DataFrame, *, neutral_threshold: float = 0.05, corpus: pd.DataFrame | None = None, by: str = "doc_id"
) -> pd.DataFrame:
    """Document scores from sentence scores (:func:`score_sentences`).

    A sentence is positive when ``compound >= neutral_threshold``, negative when
    ``compound <= -neutral_threshold``, else neutral (VADER's convention, 0.05). With
    ``corpus``, every document of the corpus gets a row (empty scores when it has no
    sentences), led by its ``title`` and the grouping column ``by``.

    Returns:
        ``doc_id, lexicon, n_sentences, compound`` (mean sentence compound), ``share_pos,
        share_neu, share_neg``, and ``n_tokens, n_pos, n_neg, log_ratio, net`` from the
        document's summed counts.

    >>> s = pd.DataFrame({"doc_id": ["a"] * 3, "lexicon": "vader", "compound": [0.5, 0.0, -0.1],
    ...                   "n_tokens": 5, "n_pos": [1, 0, 0], "n_neg": [0, 0, 1]})
    >>> score_documents(s)[["compound", "share_pos", "share_neu", "share_neg"]].round(3).values.tolist()
    [[0.133, 0.333, 0.333, 0.333]]
    """
    if not neutral_threshold >= 0:
        raise ValueError(f"neutral_threshold must be >= 0, not {neutral_threshold!r}")
    labelled = scores.assign(
        _pos=scores["compound"] >= neutral_threshold, _neg=scores["compound"] <= -neutral_threshold
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
        )
        .reset_index()
    )
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
        return docs[columns]
    keys = corpus[["doc_id", "title"] + ([by] if by != "doc_id" else [])].fillna({"title": ""})
    return keys.merge(docs[columns], on="doc_id", how="left")


# ---------------------------------------------------------------------------- groups and arcs


def _with_group(frame: pd.DataFrame, by: str, corpus: pd.DataFrame | None) -> pd.DataFrame:
    """``frame`` with the grouping column ``by``, taken from ``corpus`` (by ``doc_id``) if needed."""
    if by in frame.columns:
        return frame
    if corpus is None or by not in corpus.columns:
        where = "" if corpus is None else f" or the corpus ({list(corpus.columns)})"
        raise KeyError(f"grouping column {by!r} is in neither the score table{where}; pass corpus= with that column")
    groups = corpus.drop_duplicates("doc_id").set_index("doc_id")[by]
    return frame.assign(**{by: frame["doc_id"].map(groups)})


def score_groups(
    scores: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    cluster: str | None = None,
    neutral_threshold: float = 0.05,
) -> pd.DataFrame:
    """Mean sentence compound per group and lexicon, with a bootstrap confidence interval.

    Args:
        scores: sentence scores (:func:`score_sentences`).
        by: grouping column (in ``scores`` or in ``corpus``).
        corpus: the corpus, to take ``by`` from (joined on ``doc_id``).
        n_boot, seed, ci: bootstrap settings (:func:`corpus_tools.stats.bootstrap_groups`).
        cluster: None resamples sentences; ``"doc_id"`` resamples whole articles (wider,
            more honest intervals when sentences of one article are alike).
        neutral_threshold: for the shares of positive and negative sentences.

    Returns:
        ``lexicon, group, n, n_docs, estimate, ci_low, ci_high, share_pos, share_neg``.

    >>> s = pd.DataFrame({"doc_id": list("aabb"), "lexicon": "vader", "compound": [0.1, 0.3, -0.2, -0.4]})
    >>> score_groups(s, n_boot=200)[["group", "n", "estimate"]].values.tolist()
    [['a', 2, 0.2], ['b', 2, -0.30000000000000004]]
    """
    frame = _with_group(scores, by, corpus)
    parts = []
    for lexicon, part in frame.groupby("lexicon", sort=False):
        table = stats.bootstrap_groups(part, value="compound", by=by, n_boot=n_boot, seed=seed, ci=ci, cluster=cluster)
        grouped = part.groupby(by)
        table["n_docs"] = table["group"].map(grouped["doc_id"].nunique())
        table["share_pos"] = table["group"].map(grouped["compound"].apply(lambda c: (c >= neutral_threshold).mean()))
        table["share_neg"] = table["group"].map(grouped["compound"].apply(lambda c: (c <= -neutral_threshold).mean()))
        parts.append(table.assign(lexicon=lexicon))
    table = pd.concat(parts, ignore_index=True)
    return table[["lexicon", "group", "n", "n_docs", "estimate", "ci_low", "ci_high", "share_pos", "share_neg"]]


def compare_groups(
    scores: pd.DataFrame,
    *,
    by: str,
    corpus: pd.DataFrame | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    cluster: str | None = None,
) -> pd.DataFrame:
    """Every pair of groups compared, per lexicon: difference of mean sentence compound with a
    bootstrap interval, Cohen's d, Hedges' g, Cliff's delta and a Holm-adjusted p-value
    (:func:`corpus_tools.stats.compare_groups`).

    Returns:
        ``lexicon, group_a, group_b, n_a, n_b, mean_a, mean_b, diff, diff_ci_low,
        diff_ci_high, cohens_d, hedges_g, cliffs_delta, p_value, p_adjusted``.

    >>> s = pd.DataFrame({"doc_id": list("aaabbb"), "lexicon": "vader", "compound": [.1, .3, .2, -.2, -.4, -.3]})
    >>> compare_groups(s, by="doc_id", n_boot=200)[["group_a", "group_b", "diff"]].round(2).values.tolist()
    [['a', 'b', 0.5]]
    """
    frame = _with_group(scores, by, corpus)
    parts = [
        stats.compare_groups(part, value="compound", by=by, n_boot=n_boot, seed=seed, ci=ci, cluster=cluster).assign(
            lexicon=lexicon
        )
        for lexicon, part in frame.groupby("lexicon", sort=False)
    ]
    table = pd.concat(parts, ignore_index=True)
    return table[["lexicon"] + [c for c in table.columns if c != "lexicon"]]


def score_arcs(scores: pd.DataFrame, *, n_bins: int = 5) -> pd.DataFrame:
    """Sentiment arc: mean sentence compound by relative position in each article.

    Sentences are put in ``n_bins`` equal slices of the article by ``position`` (0 = first
    sentence, 1 = last).

    Returns:
        ``lexicon, doc_id, segment`` (0 .. n_bins-1), ``position`` (the slice's middle),
        ``n_sentences, compound``.

    >>> s = pd.DataFrame({"doc_id": "a", "lexicon": "vader", "position": [0, .5, 1], "compound": [.2, .4, -.6]})
    >>> score_arcs(s, n_bins=2)[["n_sentences", "compound"]].round(2).to_dict("list")
    {'n_sentences': [1, 2], 'compound': [0.2, -0.1]}
    """
    if int(n_bins) < 1:
        raise ValueError(f"n_bins must be >= 1, not {n_bins!r}")
    segment = np.minimum((scores["position"].to_numpy(dtype=float) * n_bins).astype(int), n_bins - 1)
    arcs = (
        scores.assign(segment=segment)
        .groupby(["lexicon", "doc_id", "segment"], sort=False)
        .agg(n_sentences=("compound", "size"), compound=("compound", "mean"))
        .reset_index()
    )
    arcs["position"] = (arcs["segment"] + 0.5) / n_bins
    return arcs[["lexicon", "doc_id", "segment", "position", "n_sentences", "compound"]]


def compare_lexicons(scores: pd.DataFrame, *, by: str = "doc_id") -> pd.DataFrame:
    """Agreement between lexicons: Spearman correlation of sentence compounds for every pair of
    lexicons, within each group (document) and over all sentences (``group = "all"``).

    Returns:
        ``group, lexicon_a, lexicon_b, n_sentences, spearman, p_value`` (NaN when a lexicon
        gives one value to every sentence of the group).

    >>> s = pd.DataFrame({"doc_id": "a", "sent_id": [0, 1, 2] * 2, "lexicon": ["x"] * 3 + ["y"] * 3,
    ...                   "compound": [.1, .5, -.2, .3, .9, 0]})
    >>> compare_lexicons(s)[["group", "spearman"]].values.tolist()
    [['a', 1.0], ['all', 1.0]]
    """
    wide = scores.pivot_table(
        index=[by, "doc_id", "sent_id"] if by != "doc_id" else ["doc_id", "sent_id"],
        columns="lexicon",
        values="compound",
        sort=False,
    ).reset_index()
    lexicons = list(dict.fromkeys(scores["lexicon"]))
    rows = []
    groups = [(g, part) for g, part in wide.groupby(by, sort=True)] + [("all", wide)]
    for group, part in groups:
        for a, b in itertools.combinations(lexicons, 2):
            pair = part[[a, b]].dropna()
            if len(pair) < 3 or pair[a].nunique() < 2 or pair[b].nunique() < 2:
                rho, p = float("nan"), float("nan")
            else:
                rho, p = sps.spearmanr(pair[a], pair[b])
            rows.append((group, a, b, len(pair), float(rho), float(p)))
    return pd.DataFrame(rows, columns=["group", "lexicon_a", "lexicon_b", "n_sentences", "spearman", "p_value"])


# ---------------------------------------------------------------------------- drivers and overrides


def _word_contributions(sentences: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """``doc_id, sent_id, word, value``: every scored word of every sentence and its
    contribution to the sentence's sum (VADER: valence after its rules; dictionaries: hit value)."""
    if lexicon.analyzer is not None:
        rows = []
        for doc_id, sent_id, text in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"].fillna("")):
            words, valences, _ = _vader_valences(lexicon.analyzer, text)
            rows.extend((doc_id, sent_id, w.lower(), v) for w, v in zip(words, valences) if v != 0)
        return pd.DataFrame(rows, columns=["doc_id", "sent_id", "word", "value"])
    hits = _dictionary_hits(lexicon, sentences[["doc_id", "sent_id", "start", "text"]].fillna({"text": ""}))
    words = hits["term"].str.lower().str.replace("’", "'", regex=False)
    return pd.DataFrame({"doc_id": hits["doc_id"], "sent_id": hits["sent_id"], "word": words, "value": hits["value"]})


def count_drivers(
    data: pd.DataFrame,
    *,
    lexicon: str | Path | Dictionary | Lexicon = "vader",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    overrides: Mapping[str, float | None] | None = None,
    top_n: int | None = None,
) -> pd.DataFrame:
    """The lexicon words that drive each group's score: word, count and summed contribution.

    A word's contribution is what it adds to the sentence sums the compound scores are built
    from (VADER: the word's valence after boosters, negation and "but"; dictionaries: the hit's
    value on VADER's -4..4 scale, negation applied). A negated "good" contributes negatively.

    Args:
        data: a corpus, a sentence table or sentence scores (with ``text``).
        lexicon: one lexicon (see :func:`read_lexicon`).
        by: grouping column (in ``data`` or ``corpus``); ``"doc_id"`` gives per-document drivers.
        corpus: the corpus, to take ``by`` from.
        overrides: lexicon entries removed or re-weighted first.
        top_n: keep the ``top_n`` words with the largest absolute contribution per group.

    Returns:
        ``lexicon, group, word, count, contribution, share`` (``share``: the word's part of
        the group's total absolute contribution), sorted by absolute contribution.

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Peace is good. Peace is near. It is not good."]})
    >>> count_drivers(corpus)[["word", "count", "contribution"]].round(3).values.tolist()
    [['peace', 2, 5.0], ['good', 2, 0.494]]
    """
    lex = read_lexicon(lexicon, overrides=overrides)
    sentences = _with_group(_as_sentences(data), by, corpus)
    words = _word_contributions(sentences, lex)
    group_of = pd.Series(sentences[by].to_numpy(), index=pd.MultiIndex.from_frame(sentences[["doc_id", "sent_id"]]))
    words["group"] = group_of.reindex(pd.MultiIndex.from_frame(words[["doc_id", "sent_id"]])).to_numpy()
    table = words.groupby(["group", "word"], sort=False).agg(count=("value", "size"), contribution=("value", "sum"))
    table = table.reset_index()
    table["abs"] = table["contribution"].abs()
    table["share"] = table["abs"] / table.groupby("group")["abs"].transform("sum").where(lambda x: x > 0)
    table = table.sort_values(["group", "abs", "word"], ascending=[True, False, True], kind="mergesort")
    if top_n is not None:
        table = table.groupby("group", sort=False).head(int(top_n))
    return table.assign(lexicon=lex.name)[["lexicon", "group", "word", "count", "contribution", "share"]].reset_index(
        drop=True
    )


def compare_overrides(
    data: pd.DataFrame,
    *,
    overrides: Mapping[str, float | None],
    lexicons: Sequence[str | Path | Dictionary] | str = ("vader",),
    neutral_threshold: float = 0.05,
) -> pd.DataFrame:
    """The effect of lexicon overrides (``{"force": None}`` neutralises "force") on document scores.

    Returns:
        ``doc_id, lexicon, compound_before, compound_after, change, share_pos_before,
        share_pos_after, share_neg_before, share_neg_after, n_sentences_changed``.

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Peace talks began. Troops wait."]})
    >>> compare_overrides(corpus, overrides={"peace": None})[["compound_before", "compound_after"]].values.tolist()
    [[0.27115, 0.0]]
    """
    if isinstance(lexicons, (str, Path, Dictionary)):
        lexicons = [lexicons]
    sentences = _as_sentences(data)
    before = score_sentences(sentences, lexicons=lexicons)
    after = score_sentences(sentences, lexicons=lexicons, overrides=overrides)
    keys = ["doc_id", "lexicon"]
    docs = score_documents(before, neutral_threshold=neutral_threshold).merge(
        score_documents(after, neutral_threshold=neutral_threshold), on=keys, suffixes=("_before", "_after")
    )
    changed = before[keys].assign(changed=before["compound"].to_numpy() != after["compound"].to_numpy())
    docs["n_sentences_changed"] = docs.set_index(keys).index.map(changed.groupby(keys)["changed"].sum()).to_numpy()
    docs["change"] = docs["compound_after"] - docs["compound_before"]
    return docs[
        [
            "doc_id",
            "lexicon",
            "compound_before",
            "compound_after",
            "change",
            "share_pos_before",
            "share_pos_after",
            "share_neg_before",
            "share_neg_after",
            "n_sentences_changed",
        ]
    ]


# ---------------------------------------------------------------------------- actors


def score_actor_sentences(
    scores: pd.DataFrame, *, actors: str | Path | Dictionary = "ukraine_security"
) -> pd.DataFrame:
    """Sentence scores of the sentences that mention each actor (targeted sentiment).

    Actors are found with :func:`corpus_tools.dictionaries.match_actors`; a sentence mentioning
    two actors counts for both (sentence-level targeting: the score is the sentence's, not a
    judgement about the actor).

    Args:
        scores: sentence scores (:func:`score_sentences`).
        actors: an actors dictionary: file, name of a shipped list, or object.

    Returns:
        ``actor, doc_id, sent_id, start, end, lexicon, compound, mentions, text`` (``mentions``:
        the matched words, ``"; "``-joined) plus any other columns of ``scores``.

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


def score_actors(
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
        by: grouping column (``"doc_id"`` gives the actor x document table); ``""`` pools all.
        corpus, n_boot, seed, ci: as in :func:`score_groups`.

    Returns:
        ``lexicon, actor, group, n, estimate, ci_low, ci_high`` (``n``: sentences).

    >>> a = pd.DataFrame({"actor": "NATO", "doc_id": ["a", "a", "b"], "lexicon": "vader", "compound": [.2, .4, -.5]})
    >>> score_actors(a, n_boot=100)[["group", "n", "estimate"]].round(2).values.tolist()
    [['a', 2, 0.3], ['b', 1, -0.5]]
    """
    frame = _with_group(actor_scores, by, corpus) if by else actor_scores
    parts = []
    for (lexicon, actor), part in frame.groupby(["lexicon", "actor"], sort=True):
        table = stats.bootstrap_groups(part, value="compound", by=by or None, n_boot=n_boot, seed=seed, ci=ci)
        parts.append(table.assign(lexicon=lexicon, actor=actor))
    columns = ["lexicon", "actor", "group", "n", "estimate", "ci_low", "ci_high"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


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


# ---------------------------------------------------------------------------- plots


def plot_groups(
    groups: pd.DataFrame,
    *,
    scores: pd.DataFrame | None = None,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    labels: Mapping | None = None,
    title: str = "Sentence compound by group: every sentence, mean and 95% CI",
):
    """Distribution by group: each sentence's compound as a faint dot (when ``scores`` is
    given), and the group mean with its interval from :func:`score_groups` as a dot and
    whisker; one row per group, one colour per lexicon.

    Args:
        groups: from :func:`score_groups`.
        scores: sentence scores (:func:`score_sentences`), to draw the distribution.
        by, corpus: the grouping column of ``scores`` and where to find it (as in :func:`score_groups`).
        labels: display name of each group (e.g. ``report.label_documents(docs)``); others keep their value.
        title: the plot title.

    >>> g = pd.DataFrame({"lexicon": "vader", "group": ["a", "b"], "estimate": [.1, -.2],
    ...                   "ci_low": [0, -.3], "ci_high": [.2, -.1]})
    >>> plot_groups(g, labels={"a": "Article A"}).axes[0].get_yticklabels()[0].get_text()
    'Article A'
    """
    import matplotlib.pyplot as plt

    names = list(dict.fromkeys(groups["group"].astype(str)))
    lexicons = list(dict.fromkeys(groups["lexicon"]))
    fig, ax = plt.subplots(figsize=(8, 1 + 0.35 * len(names) * max(1, len(lexicons))))
    step = 0.8 / max(1, len(lexicons))
    points = _with_group(scores, by, corpus) if scores is not None else None
    jitter = np.random.default_rng(0)
    for k, lexicon in enumerate(lexicons):
        part, offset = groups[groups["lexicon"] == lexicon], (k - (len(lexicons) - 1) / 2) * step
        colour = f"C{k % 10}"
        if points is not None:
            mine = points[(points["lexicon"] == lexicon) & points[by].astype(str).isin(names)]
            y = (
                mine[by].astype(str).map(names.index).to_numpy()
                + offset
                + jitter.uniform(-step / 3, step / 3, len(mine))
            )
            ax.scatter(mine["compound"], y, s=6, alpha=0.25, color=colour, linewidths=0)
        y = np.array([names.index(str(g)) for g in part["group"]]) + offset
        err = np.vstack([part["estimate"] - part["ci_low"], part["ci_high"] - part["estimate"]])
        ax.errorbar(part["estimate"], y, xerr=err, fmt="o", capsize=3, color=colour, label=lexicon)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(range(len(names)), [str(({} if labels is None else labels).get(n, n)) for n in names])
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("sentence compound (-1 most negative, +1 most positive)")
    ax.set_title(title)
    ax.legend(frameon=False, loc="best")
    fig.tight_layout()
    return fig


def plot_arcs(arcs: pd.DataFrame, *, lexicon: str = "vader", labels: Mapping | None = None, title: str | None = None):
    """Sentiment arcs from :func:`score_arcs`: a thin line per document, the mean in black;
    ``labels`` maps a ``doc_id`` to the name shown in the legend.

    >>> a = pd.DataFrame({"lexicon": "vader", "doc_id": ["a", "a"], "segment": [0, 1],
    ...                   "position": [.25, .75], "n_sentences": 1, "compound": [.1, -.1]})
    >>> plot_arcs(a).axes[0].get_xlabel()
    'relative position in the article (0 = start, 1 = end)'
    """
    import matplotlib.pyplot as plt

    part = arcs[arcs["lexicon"] == lexicon]
    fig, ax = plt.subplots(figsize=(8, 4))
    for doc_id, doc in part.groupby("doc_id", sort=True):
        ax.plot(
            doc["position"],
            doc["compound"],
            lw=1,
            alpha=0.6,
            marker=".",
            label=str(({} if labels is None else labels).get(doc_id, doc_id)),
        )
    mean = part.groupby("position")["compound"].mean()
    ax.plot(mean.index, mean.to_numpy(), color="black", lw=2.5, label="mean of documents")
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("relative position in the article (0 = start, 1 = end)")
    ax.set_ylabel(f"mean sentence compound ({lexicon})")
    ax.set_title(title or f"Sentiment arcs ({lexicon})")
    if part["doc_id"].nunique() <= 12:
        ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1, 0.5))
    fig.tight_layout()
    return fig


def plot_actor_heatmap(
    actors: pd.DataFrame,
    *,
    lexicon: str = "vader",
    min_n: int = 1,
    labels: Mapping | None = None,
    title: str | None = None,
):
    """Actor x group heatmap of :func:`score_actors`: mean compound of the sentences mentioning
    each actor, the number of sentences written in each cell; empty cells have no mention.
    ``labels`` maps a group to the name shown under its column. With more than 12 groups the
    columns are narrow and the cells carry colour only (the numbers are in the table).

    >>> a = pd.DataFrame({"lexicon": "vader", "actor": ["NATO", "Russia"], "group": ["d1", "d1"],
    ...                   "n": [2, 1], "estimate": [.3, -.4], "ci_low": [.1, -.4], "ci_high": [.5, -.4]})
    >>> [t.get_text() for t in plot_actor_heatmap(a).axes[0].get_yticklabels()]
    ['NATO', 'Russia']
    """
    import matplotlib.pyplot as plt

    part = actors[(actors["lexicon"] == lexicon) & (actors["n"] >= min_n)]
    values = part.pivot_table(index="actor", columns="group", values="estimate", sort=True)
    counts = part.pivot_table(index="actor", columns="group", values="n", sort=True).reindex_like(values)
    wide = values.shape[1] > 12
    fig, ax = plt.subplots(
        figsize=(2.5 + (0.35 if wide else 1.25) * max(1, values.shape[1]), 1.5 + 0.4 * max(1, values.shape[0]))
    )
    image = ax.imshow(values.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    for (i, j), n in np.ndenumerate(counts.to_numpy(dtype=float)):
        if not np.isnan(n) and not wide:
            ax.text(j, i, f"{values.iat[i, j]:+.2f}\nn={int(n)}", ha="center", va="center", fontsize=7)
    if labels is None or wide:
        names = [str(({} if labels is None else labels).get(c, c)) for c in values.columns]
        ax.set_xticks(range(values.shape[1]), names, rotation=90 if wide else 35, ha="center" if wide else "right")
    else:  # titles wrapped under their column
        ax.set_xticks(
            range(values.shape[1]), [textwrap.fill(str(labels.get(c, c)), 16) for c in values.columns], fontsize=8
        )
    ax.set_yticks(range(values.shape[0]), list(values.index))
    fig.colorbar(image, ax=ax, label=f"mean sentence compound ({lexicon})")
    ax.set_title(title or "Sentiment of sentences mentioning each actor")
    fig.tight_layout()
    return fig


def plot_drivers(drivers: pd.DataFrame, *, group=None, top_n: int = 15, title: str | None = None):
    """Bar chart of :func:`count_drivers` for one group (default: all groups pooled): the words
    with the largest absolute contribution, positive to the right, negative to the left.

    >>> d = pd.DataFrame({"lexicon": "vader", "group": "a", "word": ["peace", "war"], "count": [2, 1],
    ...                   "contribution": [5.0, -2.9], "share": [.63, .37]})
    >>> [t.get_text() for t in plot_drivers(d).axes[0].get_yticklabels()]
    ['peace', 'war']
    """
    import matplotlib.pyplot as plt

    part = drivers if group is None else drivers[drivers["group"] == group]
    pooled = part.groupby("word", sort=False).agg(count=("count", "sum"), contribution=("contribution", "sum"))
    pooled = pooled.reindex(pooled["contribution"].abs().sort_values(ascending=False, kind="mergesort").index)
    pooled = pooled.head(top_n)
    fig, ax = plt.subplots(figsize=(7, 1 + 0.3 * len(pooled)))
    colours = np.where(pooled["contribution"] >= 0, "#3b6ea5", "#b5403a")
    ax.barh(pooled.index, pooled["contribution"], color=colours)
    for y, (c, n) in enumerate(zip(pooled["contribution"], pooled["count"])):
        ax.text(c, y, f" {int(n)}x ", va="center", ha="left" if c >= 0 else "right", fontsize=7)
    ax.axvline(0, color="grey", lw=0.8)
    ax.invert_yaxis()
    lexicon = ", ".join(dict.fromkeys(part["lexicon"]))
    ax.set_xlabel(f"summed contribution to sentence scores ({lexicon})")
    ax.set_title(title or ("Words driving the scores" + ("" if group is None else f": {group}")))
    fig.tight_layout()
    return fig
