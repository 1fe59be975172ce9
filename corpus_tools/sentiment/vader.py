"""VADER scored exactly as its authors' reference package, with the valence each word contributes.

``vaderSentiment`` 3.3.2's rules are followed step by step, so ``neg, neu, pos, compound`` equal
the reference's ``polarity_scores`` exactly (NLTK's port differs: it misses lexicon words wrapped
in quotes). The reference re-lowercases the whole sentence for every lexicon word and converts
emojis by string concatenation character by character; :class:`_Scorer` lowercases each token
once (cached), converts emojis only in a text that has one, applies the rules only to lexicon
words, and scores a sentence repeated in a batch once. The reference package stays the oracle:
``tests/sentiment/test_vader.py`` compares both on every construct (negation, boosters, "but",
capitals, punctuation emphasis, emojis, idioms). The per-word valences (after boosters, negation
and "but") add up to the reference's scores and feed the drivers
(:mod:`corpus_tools.sentiment.drivers`).

>>> from corpus_tools.sentiment.lexicons import read_lexicon
>>> words, valences, _ = _vader_valences(read_lexicon("vader").analyzer, "Peace is not good.")
>>> [(w, round(v, 3)) for w, v in zip(words, valences) if v]
[('Peace', 2.5), ('good', -1.406)]
"""

from __future__ import annotations

import itertools
import math
import string
import weakref

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as vader_ref

from corpus_tools.sentiment.lexicons import SCORE_COLUMNS, Lexicon, _details_frame

__all__: list[str] = []

_BOOSTERS = vader_ref.BOOSTER_DICT
_SPECIAL = vader_ref.SPECIAL_CASES
_NEGATE = frozenset(vader_ref.NEGATE)
_N_SCALAR = vader_ref.N_SCALAR
_C_INCR = vader_ref.C_INCR
_PUNCTUATION = string.punctuation
_SO_THIS = ("so", "this")
# The words of the idioms and of the two- and three-word boosters: without one of them near a
# word, the reference's idiom check cannot change its valence.
_IDIOM_WORDS = frozenset(w for key in (*_SPECIAL, *_BOOSTERS) if " " in key for w in key.split())


def _negated(word: str) -> bool:
    """The reference's ``negated([word])`` for one lowercase word."""
    return word in _NEGATE or "n't" in word


def _scalar(upper: bool, lower: str, valence: float, is_cap_diff: bool) -> float:
    """The reference's ``scalar_inc_dec`` of a word (``upper``: the word is in capitals)."""
    scalar = 0.0
    if lower in _BOOSTERS:
        scalar = _BOOSTERS[lower]
        if valence < 0:
            scalar *= -1
        if upper and is_cap_diff:
            if valence > 0:
                scalar += _C_INCR
            else:
                scalar -= _C_INCR
    return scalar


def _negation(valence: float, lowers: list[str], start_i: int, i: int) -> float:
    """The reference's ``_negation_check``."""
    if start_i == 0:
        if _negated(lowers[i - 1]):
            valence = valence * _N_SCALAR
    elif start_i == 1:
        if lowers[i - 2] == "never" and lowers[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
            pass
        elif _negated(lowers[i - 2]):
            valence = valence * _N_SCALAR
    else:
        if (lowers[i - 3] == "never" and lowers[i - 2] in _SO_THIS) or lowers[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
            pass
        elif _negated(lowers[i - 3]):
            valence = valence * _N_SCALAR
    return valence


def _idioms(valence: float, lowers: list[str], i: int) -> float:
    """The reference's ``_special_idioms_check`` (called with ``i >= 3``)."""
    w3, w2, w1, w0 = lowers[i - 3], lowers[i - 2], lowers[i - 1], lowers[i]
    twoone, threetwoone, threetwo = f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, threetwoone, threetwo):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    n = len(lowers)
    if n - 1 > i:
        zeroone = f"{w0} {lowers[i + 1]}"
        if zeroone in _SPECIAL:
            valence = _SPECIAL[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{w0} {lowers[i + 1]} {lowers[i + 2]}"
        if zeroonetwo in _SPECIAL:
            valence = _SPECIAL[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _BOOSTERS:
            valence = valence + _BOOSTERS[n_gram]
    return valence


def _but(lowers: list[str], sentiments: list[float]) -> list[float]:
    """The reference's ``_but_check``, kept literally (it finds each value by ``list.index``,
    so equal valences before "but" are halved at their first position only)."""
    if "but" in lowers:
        bi = lowers.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _strip_word(token: str) -> str:
    stripped = token.strip(_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


_MAX_TOKENS = 1 << 18


class _Scorer:
    """The reference's rules for one analyzer (its lexicon and emojis, read at every call, so
    overrides applied to ``analyzer.lexicon`` count)."""

    def __init__(self, analyzer: vader_ref.SentimentIntensityAnalyzer):
        self.analyzer = analyzer
        self.emojis = analyzer.emojis
        self.lowers: dict[str, str] = {}  # white-space token -> lowercase word
        self.shapes: dict[str, tuple[str, bool]] = {}  # white-space token -> (word, in capitals)
        self.upper: dict[str, bool] = {}  # white-space token -> word in capitals
        self.emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def convert(self, text: str) -> str:
        """The reference's emoji step: each emoji character becomes its description, after a
        space unless it starts the text or follows a space."""
        if text.isascii() or self.emoji_chars.isdisjoint(text):
            return text.strip()
        parts = []
        for k, char in enumerate(text):
            if char in self.emoji_chars:
                if k > 0 and text[k - 1] != " ":
                    parts.append(" ")
                parts.append(self.emojis[char])
            else:
                parts.append(char)
        return "".join(parts).strip()

    def _token(self, token: str) -> str:
        """The lowercase word of one white-space token; caches it and ``(word, word.isupper())``."""
        if len(self.lowers) > _MAX_TOKENS:
            self.lowers.clear()
            self.shapes.clear()
            self.upper.clear()
        word = _strip_word(token)
        self.shapes[token] = (word, word.isupper())
        self.upper[token] = word.isupper()
        lower = self.lowers[token] = word.lower()
        return lower

    def valences(self, text: str) -> tuple[list[str], list[float], str]:
        """Words, per-word valences and the converted text, as ``polarity_scores`` builds them."""
        tokens, sentiments, text = self._valences(text)
        shapes = self.shapes
        return [shapes[t][0] for t in tokens], sentiments, text

    def _valences(self, text: str) -> tuple[list[str], list[float], str]:
        """White-space tokens, per-word valences and the converted text."""
        text = self.convert(text)
        cache, tokens = self.lowers, text.split()
        try:
            lowers = list(map(cache.__getitem__, tokens))
        except KeyError:
            lowers = [cache[t] if t in cache else self._token(t) for t in tokens]
        lexicon = self.analyzer.lexicon
        n = len(tokens)
        sentiments = [0.0] * n
        in_lexicon = list(map(lexicon.__contains__, lowers))
        if not any(in_lexicon):
            return tokens, sentiments, text
        hits = list(itertools.compress(range(n), in_lexicon))
        shapes = self.shapes
        n_caps = sum(map(self.upper.__getitem__, tokens))  # words in capitals
        is_cap_diff = 0 < n - n_caps < n
        for i in hits:
            lower = lowers[i]
            if lower in _BOOSTERS or (lower == "kind" and i < n - 1 and lowers[i + 1] == "of"):
                continue
            upper = shapes[tokens[i]][1]
            valence = lexicon[lower]
            if lower == "no" and i != n - 1 and lowers[i + 1] in lexicon:
                valence = 0.0
            if (
                (i > 0 and lowers[i - 1] == "no")
                or (i > 1 and lowers[i - 2] == "no")
                or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
            ):
                valence = lexicon[lower] * _N_SCALAR
            if is_cap_diff and upper:
                if valence > 0:
                    valence += _C_INCR
                else:
                    valence -= _C_INCR
            for start_i in (0, 1, 2):
                j = i - (start_i + 1)
                if j >= 0 and lowers[j] not in lexicon:
                    s = (
                        _scalar(shapes[tokens[j]][1], lowers[j], valence, is_cap_diff)
                        if lowers[j] in _BOOSTERS
                        else 0.0
                    )
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = _negation(valence, lowers, start_i, i)
                    if start_i == 2 and not _IDIOM_WORDS.isdisjoint(lowers[i - 3 : i + 3]):
                        valence = _idioms(valence, lowers, i)
            if i > 0 and lowers[i - 1] == "least" and "least" not in lexicon:
                if i > 1:
                    if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                        valence = valence * _N_SCALAR
                else:
                    valence = valence * _N_SCALAR
            sentiments[i] = valence
        return tokens, _but(lowers, sentiments), text

    @staticmethod
    def score(sentiments: list[float], text: str) -> tuple[float, float, float, float, int, int]:
        """The reference's ``score_valence`` ``(neg, neu, pos, compound)``, and the numbers of
        positive and negative valences."""
        if not sentiments:
            return 0.0, 0.0, 0.0, 0.0, 0, 0
        sum_s = float(sum(sentiments))
        ep = min(text.count("!"), 4) * 0.292
        qm_count = text.count("?")
        qm = (qm_count * 0.18 if qm_count <= 3 else 0.96) if qm_count > 1 else 0
        amplifier = ep + qm
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        compound = -1.0 if compound < -1.0 else 1.0 if compound > 1.0 else compound
        pos_sum, neg_sum, n_pos, n_neg = 0.0, 0.0, 0, 0
        nonzero = [s for s in sentiments if s]  # in order: the sums add the same terms as the reference
        for s in nonzero:
            if s > 0:
                pos_sum += float(s) + 1
                n_pos += 1
            elif s < 0:
                neg_sum += float(s) - 1
                n_neg += 1
        neu_count = len(sentiments) - len(nonzero)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return (
            round(math.fabs(neg_sum / total), 3),
            round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3),
            round(compound, 4),
            n_pos,
            n_neg,
        )


_SCORERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _scorer(analyzer: vader_ref.SentimentIntensityAnalyzer) -> _Scorer:
    scorer = _SCORERS.get(analyzer)
    if scorer is None or scorer.emojis is not analyzer.emojis:
        scorer = _SCORERS[analyzer] = _Scorer(analyzer)
    return scorer


def _vader_valences(analyzer: vader_ref.SentimentIntensityAnalyzer, text: str) -> tuple[list[str], list[float], str]:
    """VADER's word list and the valence each word contributes after its rules (boosters,
    negation, "but"), and the text it scored. ``analyzer.score_valence(valences, text)``
    equals ``analyzer.polarity_scores(text)``."""
    return _scorer(analyzer).valences(text)


def _vader_rows(lexicon: Lexicon, texts: list[str], details: bool) -> pd.DataFrame:
    """The reference's scores (and with ``details`` the word counts), each distinct text scored once."""
    scorer = _scorer(lexicon.analyzer)
    seen: dict[str, tuple] = {}
    rows = []
    for text in texts:
        row = seen.get(text)
        if row is None:
            tokens, valences, converted = scorer._valences(text)
            row = seen[text] = (*scorer.score(valences, converted), len(tokens))
        rows.append(row)
    table = np.array(rows, dtype="float64").reshape(len(texts), 7)
    frame = pd.DataFrame(table[:, :4], columns=SCORE_COLUMNS)
    if not details:
        return frame
    n_pos, n_neg, n_tokens = table[:, 4:].astype("int64").T
    return frame.join(_details_frame(n_tokens, n_pos, n_neg))
