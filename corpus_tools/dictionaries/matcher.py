"""The matcher: find a dictionary's patterns in sentences, one row per hit with offsets into
the document text (:func:`match_dictionary`), and actor mentions (:func:`match_actors`).

Every count can be traced to the words behind it: a hit keeps its pattern, the matched text
and its ``start``/``end`` offsets.

>>> HIT_COLUMNS[:4]
['doc_id', 'sent_id', 'category', 'pattern']
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.dictionaries.model import _APOSTROPHES, Dictionary, Entry, Negation, _normalise_term
from corpus_tools.dictionaries.readers import read_dictionary
from corpus_tools.tokens import _cached_tokens

__all__ = ["HIT_COLUMNS", "match_actors", "match_dictionary"]

#: Columns of the table returned by :func:`match_dictionary`.
HIT_COLUMNS = ["doc_id", "sent_id", "category", "pattern", "term", "start", "end", "negated", "weight"]


@functools.lru_cache(maxsize=1 << 16)
def _token_forms(token: str, case_sensitive: bool) -> tuple[str, ...]:
    """The forms a pattern word is compared with: the token and the token without a possessive."""
    form = token.translate(_APOSTROPHES)
    if not case_sensitive:
        form = form.lower()
    if form.endswith(("'s", "'S")) and len(form) > 2:
        return form, form[:-2]
    if form.endswith("'") and len(form) > 1:
        return form, form[:-1]
    return (form,)


def _word_matches(word: str, form: str) -> bool:
    lead, trail = word.startswith("*"), word.endswith("*") and len(word) > 1
    core = word.strip("*")
    if lead and trail:
        return core in form
    if trail:
        return form.startswith(core)
    if lead:
        return form.endswith(core)
    return form == core


class _Matcher:
    """Entries indexed by the kind and text of their first word; first-word look-ups are
    cached per distinct token, so each token costs a few dictionary look-ups."""

    def __init__(self, entries: tuple[Entry, ...]):
        self.entries = entries
        self.index: dict[tuple[bool, str], dict[str, list[int]]] = {}
        for i, entry in enumerate(entries):
            word = entry.words[0]
            lead, trail = word.startswith("*"), word.endswith("*") and len(word) > 1
            kind = {(False, False): "exact", (False, True): "prefix", (True, False): "suffix", (True, True): "contains"}
            table = self.index.setdefault((entry.case_sensitive, kind[lead, trail]), {})
            table.setdefault(word.strip("*"), []).append(i)
        self.n_globs = [sum("*" in w for w in e.words) for e in entries]
        self.first_cache: dict[str, tuple[int, ...]] = {}
        # Only parts of a token as long as some key can be a key (a glob's prefixes, suffixes, parts).
        self.key_lengths = {kind: tuple(sorted({len(k) for k in table if k})) for kind, table in self.index.items()}

    def _first(self, token: str) -> tuple[int, ...]:
        found: set[int] = set()
        for (case_sensitive, kind), table in self.index.items():
            lengths = self.key_lengths[case_sensitive, kind]
            for form in _token_forms(token, case_sensitive):
                for key in _keys(form, kind, lengths):
                    found.update(table.get(key, ()))
        return tuple(sorted(found))

    def candidates(self, tokens: list[tuple[str, int, int]]) -> list[tuple[int, int, int, int, int]]:
        """Every match in a token list: ``(-n_words, first token, n_globs, entry, end token)``,
        so sorting puts the longest, earliest, least globbed match first."""
        out = []
        cache = self.first_cache
        for i, (token, _, _) in enumerate(tokens):
            first = cache.get(token)
            if first is None:
                if len(cache) > 200_000:
                    cache.clear()
                first = cache[token] = self._first(token)
            for k in first:
                entry = self.entries[k]
                if len(entry.words) == 1 or self.rest_matches(entry, tokens, i):
                    out.append((-len(entry.words), i, self.n_globs[k], k, i + len(entry.words)))
        return out

    def rest_matches(self, entry: Entry, tokens: list[tuple[str, int, int]], i: int) -> bool:
        if i + len(entry.words) > len(tokens):
            return False
        for word, (token, _, _) in zip(entry.words[1:], tokens[i + 1 :]):
            if not any(_word_matches(word, f) for f in _token_forms(token, entry.case_sensitive)):
                return False
        return True


@functools.lru_cache(maxsize=16)
def _matcher_for(entries: tuple[Entry, ...]) -> _Matcher:
    """One matcher per dictionary, kept while it is used: its first-word cache stays warm when
    the same dictionary matches one batch of sentences after another."""
    return _Matcher(entries)


def _keys(form: str, kind: str, lengths: tuple[int, ...] | None = None) -> Iterable[str]:
    """The parts of ``form`` a key of ``kind`` can be (only parts of ``lengths`` when given)."""
    if kind == "exact":
        return (form,)
    n = len(form)
    sizes = range(1, n + 1) if lengths is None else [k for k in lengths if k <= n]
    if kind == "prefix":
        return (form[:k] for k in sizes)
    if kind == "suffix":
        return (form[n - k :] for k in sizes)
    return {form[a : a + k] for k in sizes for a in range(n - k + 1)}


def _as_negation(negation, dictionary: Dictionary) -> Negation:
    base = dictionary.negation or Negation()
    if negation is None:
        return base
    if negation is False:
        return dataclasses.replace(base, window=0)
    if isinstance(negation, Negation):
        return negation
    if isinstance(negation, int) and not isinstance(negation, bool) and negation >= 0:
        return dataclasses.replace(base, window=negation)
    raise ValueError(f"negation must be None, False, a window size (int >= 0) or a Negation, not {negation!r}")


def _sentence_hits(text: str, matcher: _Matcher, dictionary: Dictionary, negation: Negation) -> list[tuple]:
    """Hits in one sentence: ``(category, pattern, term, start, end, negated, weight)``."""
    tokens = _split_hyphens(_cached_tokens(text)) if dictionary.split_hyphens else _cached_tokens(text)
    candidates = matcher.candidates(tokens)
    if not candidates:
        return []
    negated_at = negation.negated_tokens(text, tokens)
    taken: dict[str, set[int]] = {}
    hits = []
    for _, i, _, k, j in sorted(candidates):
        entry = matcher.entries[k]
        used = taken.setdefault(entry.category, set())
        if used.intersection(range(i, j)):
            continue
        start, end = tokens[i][1], tokens[j - 1][2]
        term = text[start:end]
        weight = entry.weight
        override = _term_override(term, dictionary.term_overrides)
        if override is not _NO_OVERRIDE:
            if override is None:
                continue
            weight = override
        used.update(range(i, j))
        negated = negated_at[i]
        category = negation.categories.get(entry.category, entry.category) if negated else entry.category
        hits.append((category, entry.pattern, term, start, end, negated, weight))
    return sorted(hits, key=lambda hit: (hit[3], -hit[4]))


_NO_OVERRIDE = object()
_HYPHEN_PART_RE = re.compile(r"[^\-]+")


def _split_hyphens(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Split hyphenated tokens into their parts: "Russia-Ukraine" -> "Russia", "Ukraine"."""
    out = []
    for token, start, end in tokens:
        if "-" not in token:
            out.append((token, start, end))
            continue
        out.extend((m.group(), start + m.start(), start + m.end()) for m in _HYPHEN_PART_RE.finditer(token))
    return out


def _term_override(term: str, overrides: Mapping[str, float | None]):
    if not overrides:
        return _NO_OVERRIDE
    key = _normalise_term(term)
    for form in (key, *_token_forms(key, True)[1:]):
        if form in overrides:
            return overrides[form]
    return _NO_OVERRIDE


def match_dictionary(
    sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
    *,
    negation: Negation | int | bool | None = None,
) -> pd.DataFrame:
    """Find a dictionary's patterns in sentences: one row per hit.

    Matching ignores case (except for ``=`` patterns) and compares whole word tokens of
    :func:`corpus_tools.segment.tokenize`; a possessive ``'s`` is ignored ("Russia's"
    matches ``Russia``). Phrases match consecutive tokens. Within one category, overlapping
    matches count once: the longest wins, then the earliest, then the pattern with fewer
    globs ("security guarantees" is not also a hit for ``security``). Categories are
    independent: one word may be a hit in two categories.

    Args:
        sentences: ``doc_id, sent_id, start, text`` (from :func:`corpus_tools.split_sentences`).
        dictionary: a :class:`Dictionary`, a file path or a shipped dictionary's name.
        negation: None uses the dictionary's ``negation`` settings (else a window of 3 tokens
            and the shipped negators); an int sets the window; False turns negation off; a
            :class:`Negation` sets everything.

    Returns:
        ``doc_id, sent_id, category, pattern, term, start, end, negated, weight``: ``term``
        is the matched text, ``start``/``end`` index into the document text, ``negated`` is
        True when a negator precedes the match within the window (and the category is then
        remapped if the negation settings say so), ``weight`` is NaN for unweighted entries.

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                       "text": ["No security guarantees were offered."]})
    >>> d = Dictionary.from_mapping({"security": ["security", "security guarantee*"]})
    >>> match_dictionary(sents, d)[["term", "start", "end", "negated"]].values.tolist()
    [['security guarantees', 3, 22, True]]
    """
    dictionary = read_dictionary(dictionary)
    require_columns(
        sentences,
        ["doc_id", "sent_id", "start", "text"],
        table="sentence table",
        hint="Pass the output of corpus_tools.split_sentences(corpus).",
    )
    negation = _as_negation(negation, dictionary)
    matcher = _matcher_for(dictionary.entries)
    rows = []
    for doc_id, sent_id, offset, text in zip(
        sentences["doc_id"], sentences["sent_id"], sentences["start"], sentences["text"]
    ):
        if not isinstance(text, str):
            continue
        for category, pattern, term, s, e, negated, weight in _sentence_hits(text, matcher, dictionary, negation):
            rows.append((doc_id, sent_id, category, pattern, term, offset + s, offset + e, negated, weight))
    frame = pd.DataFrame(rows, columns=HIT_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "negated": "bool", "weight": "float64"})


def match_actors(sentences: pd.DataFrame, actors: Dictionary | str | Path = "ukraine_security") -> pd.DataFrame:
    """Find actor mentions (categories = actors) in sentences; see :func:`match_dictionary`.

    Negation is switched off: "not Russia" is still a mention of Russia.

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                       "text": ["Putin spoke to us, then the US replied."]})
    >>> match_actors(sents)[["category", "term"]].values.tolist()
    [['Russia', 'Putin'], ['United States', 'US']]
    """
    return match_dictionary(sentences, actors, negation=False)
