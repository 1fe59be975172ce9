r"""The language of each document: an ISO 639-1 code (``"en"``, ``"ru"``, ``"zh"``...) or
``"und"`` (undetermined) when the text is too short to tell.

Detection uses py3langid (the langid.py model of Lui & Baldwin, 97 languages, shipped inside the
package: nothing is downloaded). It was chosen over lingua after measuring both on the test
fixtures (Russian, Ukrainian, Greek, Arabic, Hebrew, Chinese, Japanese articles and German, French,
Spanish and English sentences: both labelled every one correctly) and on 500 BBC articles (both
"en" for all 500): py3langid took 1.0 s for the 500 articles plus 1.3 s to load its model, lingua
10.4 s, and lingua's install is 96 MB against 3 MB. Lingua is more accurate on a few words, but a
news article is long enough for either, and texts shorter than :data:`MIN_LETTERS` letters are
``"und"`` anyway. Only the first :data:`MAX_CHARS` characters are read (plenty for a label).

py3langid counts its byte n-gram features by walking its Aho-Corasick automaton over the text one
byte at a time in Python. Here the walk is done with numpy, all positions at once: in such an
automaton the state after a byte depends only on the last few bytes (as many as its longest
n-gram, read from the automaton), so each position's state is found by stepping from the start
state over those bytes. The features, their counts and their order are the same, and py3langid's
own scoring follows, so every label and probability is too (tests compare both on every fixture);
it takes about half the time.

>>> label_languages(["Die Regierung hat die Gespräche am Montag wieder aufgenommen.", "OK", None])
['de', 'und', 'und']
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from corpus_tools.checks import require_columns

__all__ = ["UNDETERMINED", "MIN_LETTERS", "label_languages", "summarize_languages"]

#: The label of a text too short to tell (ISO 639-2 "und", undetermined).
UNDETERMINED = "und"
#: A text with fewer letters or digits than this (spaces and punctuation not counted) is "und".
MIN_LETTERS = 20
#: Only this many characters from the start of a text are given to the detector.
MAX_CHARS = 3000


@functools.cache
def _identifier(norm_probs: bool = False):
    from py3langid.langid import MODEL_FILE

    return _identifier_class().from_model_file(MODEL_FILE, norm_probs=norm_probs)


@functools.cache
def _identifier_class():
    """py3langid's ``LanguageIdentifier`` with the feature counts of :func:`_visit_counts`."""
    from py3langid.langid import LanguageIdentifier

    class VectorIdentifier(LanguageIdentifier):
        def _raw_score(self, text):
            # py3langid's own walk on a text without features, or in a version without these parts
            visits = _visit_counts(self, text) if all(hasattr(self, a) for a in _PARTS) else None
            if visits is None:
                return super()._raw_score(text)
            return self._sparse_score(visits, self.nb_ptc)

    return VectorIdentifier


# The parts of py3langid 0.4's identifier the numpy walk reads.
_PARTS = ("tk_nextmove", "tk_output", "_rowbase", "_sparse_score", "nb_ptc")


def _automaton(identifier) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The identifier's automaton as arrays (next state, row offset per state, feature per state)
    and its depth: the length of the longest string a state stands for (a breadth-first walk)."""
    cached = getattr(identifier, "_vector_automaton", None)
    if cached is not None:
        return cached
    nextmove = np.frombuffer(identifier.tk_nextmove, dtype=np.dtype(identifier.tk_nextmove.typecode))
    rowbase = np.asarray(identifier._rowbase, dtype=np.intp)
    output = np.asarray(identifier.tk_output, dtype=np.intp)
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier, depth, codes = np.array([0], dtype=np.intp), 0, np.arange(256, dtype=np.intp)
    while True:
        new = np.zeros(len(rowbase), dtype=bool)
        for start in range(0, len(frontier), 4096):
            new[nextmove[(rowbase[frontier[start : start + 4096], None] + codes).ravel()]] = True
        new &= ~seen
        if not new.any():
            break
        seen |= new
        frontier, depth = np.flatnonzero(new), depth + 1
    identifier._vector_automaton = (nextmove, rowbase, output, depth)
    return identifier._vector_automaton


def _visit_counts(identifier, data: bytes) -> Counter | None:
    """py3langid's ``visit_counts`` (feature: count, in order of first occurrence; None without
    features) computed with numpy: the state after byte ``i`` is the state reached from the start
    over bytes ``i - depth + 1 .. i`` (an Aho-Corasick automaton's state is the longest suffix of
    the input that is one of its strings, never longer than ``depth``)."""
    nextmove, rowbase, output, depth = _automaton(identifier)
    codes = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
    states = []
    state = 0
    for code in data[: depth - 1]:  # the first bytes: the whole prefix, as py3langid walks it
        state = nextmove[rowbase[state] + code]
        states.append(state)
    head = np.array(states, dtype=np.intp)
    n = len(codes) - depth + 1
    if n > 0:
        tail = np.zeros(n, dtype=np.intp)
        for k in range(depth):
            tail = nextmove[rowbase[tail] + codes[k : k + n]]
        head = np.concatenate([head, tail])
    features = output[head]
    features = features[features >= 0]
    return Counter(features.tolist()) if len(features) else None


def _label(text: object, min_confidence: float = 0.0) -> str:
    if not isinstance(text, str):
        return UNDETERMINED
    head = text[:MAX_CHARS]
    if sum(map(str.isalnum, head)) < MIN_LETTERS:
        return UNDETERMINED
    if min_confidence <= 0:
        return str(_identifier().classify(head)[0])
    language, probability = _identifier(True).classify(head)
    return str(language) if probability >= min_confidence else UNDETERMINED


def label_languages(texts: Iterable[object], *, min_confidence: float = 0.0) -> list[str]:
    """The language of each text: an ISO 639-1 code, or ``"und"`` for a text with fewer than
    :data:`MIN_LETTERS` letters or digits (or a missing value).

    Args:
        texts: strings (anything else is ``"und"``).
        min_confidence: a text whose most likely language has a lower probability (py3langid's
            normalised probability, 0 to 1) is ``"und"``; 0 (the default) takes the most likely
            language whatever its probability. Use 0.9 where a few words must not be labelled
            (a short English sentence can look Latin: "Crimea and territorial integrity.").

    >>> ru = "Переговоры о мире возобновятся в понедельник."
    >>> label_languages([ru, "外交部长们周一表示，他们将于下周在巴黎再次会面。"])
    ['ru', 'zh']
    >>> label_languages(["Crimea and territorial integrity."]), label_languages(
    ...     ["Crimea and territorial integrity."], min_confidence=0.9)
    (['la'], ['und'])
    """
    return [_label(t, min_confidence) for t in texts]


def summarize_languages(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents and words per language, most documents first: ``language, documents, n_words,
    share`` (``share`` = share of the documents, rounded to 3 decimals).

    Args:
        documents: a corpus with ``doc_id`` and ``language`` (``read_corpus(...).documents``);
            ``n_words`` is summed when present (else 0).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["en", "ru", "en"], "n_words": [90, 120, 80]})
    >>> summarize_languages(docs).values.tolist()
    [['en', 2, 170, 0.667], ['ru', 1, 120, 0.333]]
    """
    require_columns(documents, ["doc_id", "language"], table="documents", hint="Load it with corpus_tools.read_corpus.")
    words = documents["n_words"] if "n_words" in documents.columns else pd.Series(0, index=documents.index)
    table = (
        documents.assign(n_words=words.fillna(0).astype("int64"))
        .groupby("language", sort=True)
        .agg(documents=("doc_id", "size"), n_words=("n_words", "sum"))
        .reset_index()
        .sort_values(["documents", "language"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
    table["share"] = (table["documents"] / max(len(documents), 1)).round(3)
    return table
