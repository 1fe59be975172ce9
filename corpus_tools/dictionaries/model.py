"""The dictionary model: :class:`Dictionary` (categories of patterns, with the file's metadata),
:class:`Entry` (one parsed pattern), :class:`Negation` (how negators flip a hit), the errors and
warnings of dictionary files, and pattern parsing (:func:`make_entry`).

A pattern is a word (``peace``), a glob with ``*`` at the start and/or end of a word
(``sanction*``, ``*peace*``), or a phrase of consecutive words (``coalition of the willing``,
``security guarantee*``). A pattern written with a leading ``=`` (``=US``) matches
case-sensitively; every other pattern ignores case. Entries may carry a weight (a valence score
in a sentiment lexicon).

>>> make_entry("peace", "peace talk*")
Entry(category='peace', pattern='peace talk*', words=('peace', 'talk*'), weight=None, case_sensitive=False)
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from corpus_tools.shipped import read_word_list
from corpus_tools.tokens import tokenize

__all__ = [
    "Dictionary",
    "DictionaryError",
    "DictionaryWarning",
    "Entry",
    "Negation",
    "UnmatchablePatternError",
    "NEGATORS_FILE",
    "make_entry",
]

#: The shipped negator list (``corpus_tools/resources/negators.txt``), the default of :class:`Negation`.
NEGATORS_FILE = "negators.txt"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_WS_RE = re.compile(r"\s+")


class DictionaryError(ValueError):
    """A dictionary file or pattern that cannot be read; the message names file:line and the fix."""


class DictionaryWarning(UserWarning):
    """Something in a dictionary file that was handled (an entry skipped), but should be known."""


class UnmatchablePatternError(DictionaryError):
    """A pattern without letters or digits (an emoticon such as ``:)``): word tokens never match it.
    File readers skip such entries with one :class:`DictionaryWarning` listing them."""


@dataclass(frozen=True)
class Entry:
    """One pattern of one category.

    Attributes:
        category: the category (a sentiment pole, a frame, an actor).
        pattern: the pattern as written in the file (``=US``, ``security guarantee*``).
        words: the pattern split into word tokens, lower-cased unless ``case_sensitive``;
            a word may start and/or end with ``*``.
        weight: the entry's score (``None`` when the dictionary has no weights).
        case_sensitive: True when the pattern was written with a leading ``=``.
    """

    category: str
    pattern: str
    words: tuple[str, ...]
    weight: float | None = None
    case_sensitive: bool = False


@dataclass(frozen=True)
class Negation:
    """How negation is detected.

    Attributes:
        window: a negator up to this many tokens before a match negates it (0 = never).
        negators: the negator words (default: the shipped list).
        categories: optional map from a category to the category its negated hits count
            for, as in the Lexicoder Sentiment Dictionary (``positive -> neg_positive``).
        clause_breaks: characters that end a negator's scope ("No, the deal is good" is
            not negated); "" lets negation cross them, as VADER and the LSD do.
    """

    window: int = 3
    negators: frozenset[str] = field(default_factory=functools.partial(read_word_list, NEGATORS_FILE))
    categories: Mapping[str, str] = field(default_factory=dict)
    clause_breaks: str = ",;:!?()[]"

    def negated_tokens(self, text: str, tokens: list[tuple[str, int, int]]) -> list[bool]:
        """For each token of ``text``: True if a negator stands within ``window`` tokens
        before it, with no clause break between them."""
        if self.window <= 0:
            return [False] * len(tokens)
        if isinstance(self.negators, frozenset):  # hashable: cached per token
            flags = [_is_negator(self.negators, t) for t, _, _ in tokens]
        else:
            flags = [self.is_negator(t) for t, _, _ in tokens]
        if not any(flags):
            return [False] * len(tokens)
        breaks = frozenset(self.clause_breaks)
        clause, clauses = 0, []  # clause number of each token (never decreasing)
        for k, (_, start, _) in enumerate(tokens):
            if k and breaks and not breaks.isdisjoint(text[tokens[k - 1][2] : start]):
                clause += 1
            clauses.append(clause)
        # A negator within the window in the same clause: the nearest negator before the token
        # decides (an earlier one is farther away and in the same clause or an earlier one).
        negated, last = [], -1
        for i in range(len(tokens)):
            negated.append(last >= 0 and i - last <= self.window and clauses[last] == clauses[i])
            if flags[i]:
                last = i
        return negated

    def is_negator(self, token: str) -> bool:
        """True if ``token`` negates what follows (``not``, ``never``, ``don't``...)."""
        if isinstance(self.negators, frozenset):  # hashable: cached per token
            return _is_negator(self.negators, token)
        return _is_negator.__wrapped__(self.negators, token)


@functools.lru_cache(maxsize=1 << 16)
def _is_negator(negators: frozenset[str], token: str) -> bool:
    low = token.lower().translate(_APOSTROPHES)
    return low in negators or low.endswith("n't")


@dataclass(frozen=True)
class Dictionary:
    """Categories of patterns, with the file's metadata.

    Build one with :func:`read_dictionary` or :meth:`from_mapping`.

    >>> d = Dictionary.from_mapping({"peace": ["ceasefire", "peace talk*"], "war": ["war*"]})
    >>> d.category_names, len(d)
    (['peace', 'war'], 3)
    """

    name: str
    entries: tuple[Entry, ...]
    categories: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    source: str = ""
    licence: str = ""
    version: str = ""
    path: str = ""
    sha256: str = ""
    negation: Negation | None = None
    split_hyphens: bool = False
    term_overrides: Mapping[str, float | None] = field(default_factory=dict)

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[str, Iterable[str] | Mapping[str, float]], *, name: str = "custom", **metadata
    ) -> Dictionary:
        """Build a dictionary from ``{category: [patterns]}`` or ``{category: {pattern: weight}}``."""
        entries, skipped = [], []
        for category, patterns in mapping.items():
            items = patterns.items() if isinstance(patterns, Mapping) else ((p, None) for p in patterns)
            for pattern, weight in items:
                entries += _entry_or_skip(skipped, category, pattern, weight, where=f"{name}: category {category!r}")
        categories = {c: "" for c in mapping}
        return cls(name=name, entries=_unique_entries(entries, name, skipped), categories=categories, **metadata)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def category_names(self) -> list[str]:
        """Category names in file order."""
        return list(self.categories)

    def patterns(self, category: str | None = None) -> list[str]:
        """Patterns (as written) of one category, or of all."""
        return [e.pattern for e in self.entries if category is None or e.category == category]

    def to_frame(self) -> pd.DataFrame:
        """One row per entry: ``category, pattern, weight, case_sensitive, n_words``."""
        rows = [(e.category, e.pattern, e.weight, e.case_sensitive, len(e.words)) for e in self.entries]
        frame = pd.DataFrame(rows, columns=["category", "pattern", "weight", "case_sensitive", "n_words"])
        return frame.astype({"weight": "float64"})

    def with_overrides(self, overrides: Mapping[str, float | None]) -> Dictionary:
        """A copy with entries removed (value ``None``) or re-weighted (a number).

        A key equal to a pattern (ignoring case) changes that pattern's entries; any other
        key is a term: a hit whose matched text equals it is dropped or re-weighted, so
        ``{"force": None}`` neutralises "force" even when the dictionary matches it through
        the glob ``forc*`` (while "forces" still counts).

        >>> d = Dictionary.from_mapping({"neg": {"forc*": -1.0, "war": -2.0}})
        >>> d2 = d.with_overrides({"war": None, "force": 0})
        >>> d2.patterns(), dict(d2.term_overrides)
        (['forc*'], {'force': 0.0})
        """
        keys = {_normalise_term(k): (None if v is None else float(v)) for k, v in overrides.items()}
        entries, used = [], set()
        for entry in self.entries:
            key = _normalise_term(entry.pattern)
            if key in keys:
                used.add(key)
                if keys[key] is None:
                    continue
                entry = dataclasses.replace(entry, weight=keys[key])
            entries.append(entry)
        term_overrides = dict(self.term_overrides)
        term_overrides.update({k: v for k, v in keys.items() if k not in used})
        return dataclasses.replace(self, entries=tuple(entries), term_overrides=term_overrides)


def _normalise_term(text: str) -> str:
    return _WS_RE.sub(" ", str(text).translate(_APOSTROPHES).strip().lower())


# ---------------------------------------------------------------------------- patterns


def make_entry(category: str, pattern: str, weight: float | None = None, *, where: str = "") -> Entry:
    """Parse one pattern into an :class:`Entry`; ``where`` (``file:line``) prefixes errors.

    >>> make_entry("us", "=U.S.-led").words
    ('U.S.', 'led')
    >>> make_entry("neg", "sanction*").words
    ('sanction*',)
    """
    prefix = f"{where}: " if where else ""
    if not isinstance(pattern, str) or not pattern.strip():
        raise DictionaryError(f"{prefix}empty pattern in category {category!r}; write a word or phrase")
    text = _WS_RE.sub(" ", pattern.strip().translate(_APOSTROPHES))
    case_sensitive = text.startswith("=")
    if case_sensitive:
        text = text[1:].strip()
    words: list[str] = []
    for word in text.split(" "):
        words.extend(_split_word(word, prefix=prefix, pattern=pattern))
    if not case_sensitive:
        words = [w.lower() for w in words]
    if weight is not None:
        weight = _as_weight(weight, prefix=prefix, pattern=pattern)
    return Entry(str(category), pattern.strip(), tuple(words), weight, case_sensitive)


def _split_word(word: str, *, prefix: str, pattern: str) -> list[str]:
    lead, trail = word.startswith("*"), word.endswith("*") and len(word) > 1
    core = word.strip("*")
    if "*" in core or not core:
        raise DictionaryError(
            f"{prefix}pattern {pattern!r}: '*' is allowed only at the start or end of a word "
            "(sanction*, *peace*) and needs letters beside it"
        )
    tokens = [t for t, _, _ in tokenize(core)]
    if not tokens:
        raise UnmatchablePatternError(
            f"{prefix}pattern {pattern!r} has no letters or digits, so it can never match a word"
        )
    tokens[0] = "*" * lead + tokens[0]
    tokens[-1] = tokens[-1] + "*" * trail
    return tokens


def _as_weight(value, *, prefix: str, pattern: str) -> float:
    try:
        weight = float(value)
    except (TypeError, ValueError):
        weight = math.nan
    if not math.isfinite(weight) or isinstance(value, bool):
        raise DictionaryError(f"{prefix}weight {value!r} of pattern {pattern!r} is not a number; write e.g. -2 or 0.5")
    return weight


def _entry_or_skip(skipped: list[str], category: str, pattern: str, weight=None, *, where: str) -> list[Entry]:
    """``[make_entry(...)]``, or ``[]`` with the pattern noted in ``skipped`` if it cannot match."""
    try:
        return [make_entry(category, pattern, weight, where=where)]
    except UnmatchablePatternError:
        skipped.append(f"{pattern!r} ({where})")
        return []


def _unique_entries(entries: Iterable[Entry], source: str, skipped: Iterable[str] = ()) -> tuple[Entry, ...]:
    skipped = list(skipped)
    if skipped:
        warnings.warn(
            f"{source}: {len(skipped)} pattern(s) without letters or digits skipped (word tokens never match "
            f"them): {'; '.join(skipped[:5])}{' ...' if len(skipped) > 5 else ''}",
            DictionaryWarning,
            stacklevel=3,
        )
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.category, entry.pattern if entry.case_sensitive else entry.pattern.lower())
        if key in seen:
            if seen[key].weight != entry.weight:
                warnings.warn(
                    f"{source}: pattern {entry.pattern!r} appears twice in category {entry.category!r} with "
                    f"weights {seen[key].weight} and {entry.weight}; the first is kept",
                    DictionaryWarning,
                    stacklevel=3,
                )
            continue
        seen[key] = entry
    return tuple(seen.values())
