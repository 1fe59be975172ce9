"""The lexicon registry: VADER (reference package), AFINN, Pattern and user dictionaries.

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

:func:`read_lexicon` turns any of these into a :class:`Lexicon` ready to score. The constants
here fix the one scoring rule of dictionary lexicons (:mod:`corpus_tools.sentiment.dictionary`)
and the columns every score table has.

>>> lexicon = read_lexicon("vader")
>>> lexicon.name, lexicon.analyzer is not None, lexicon.dictionary is None
('vader', True, True)
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as vader_ref

from corpus_tools.dictionaries import Dictionary, read_dictionary

__all__ = ["LEXICONS", "Lexicon", "read_lexicon"]

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


def _lexicon_list(lexicons, overrides) -> list[Lexicon]:
    """Each of ``lexicons`` (one or a sequence) read with ``overrides``; names must differ."""
    if isinstance(lexicons, (str, Path, Dictionary, Lexicon)):
        lexicons = [lexicons]
    out = [read_lexicon(lex, overrides=overrides) for lex in lexicons]
    names = [lex.name for lex in out]
    if len(set(names)) != len(names):
        raise ValueError(f"two lexicons share a name: {names}; give each dictionary file its own 'name:'")
    return out


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
