"""VADER scored by its authors' reference package, with the valence each word contributes.

``vaderSentiment`` 3.3.2 is called as is, so ``neg, neu, pos, compound`` equal the reference
exactly (NLTK's port differs: it misses lexicon words wrapped in quotes). The per-word valences
(after boosters, negation and "but") are computed with the reference's own methods; they add
up to the reference's scores and feed the drivers (:mod:`corpus_tools.sentiment.drivers`).

>>> from corpus_tools.sentiment.lexicons import read_lexicon
>>> words, valences, _ = _vader_valences(read_lexicon("vader").analyzer, "Peace is not good.")
>>> [(w, round(v, 3)) for w, v in zip(words, valences) if v]
[('Peace', 2.5), ('good', -1.406)]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as vader_ref

from corpus_tools.sentiment.lexicons import SCORE_COLUMNS, Lexicon, _details_frame

__all__: list[str] = []


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
