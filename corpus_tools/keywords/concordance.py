"""Concordance (keyword in context): every match of a pattern with the words around it.

:func:`match_kwic` finds glob, phrase or regex patterns in the text and returns the data of
each line (``doc_id, sent_id, pattern, start, end, left, match, right``; ``text[start:end]``
is the match). :func:`make_term_pattern` turns a counted term into a pattern and
:func:`make_kwic_anchor` names a term's section; the HTML is built by
:func:`corpus_tools.report.keywords.format_kwic_html`.

>>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Peace talks. More peace."]})
>>> match_kwic(docs, "peace", window=1)["right"].tolist()
['talks', '']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from corpus_tools.checks import require_columns
from corpus_tools.keywords.counts import _BREAK_RE, _COLUMN_HINT, CONCATENATOR, _as_ascii, _as_labels
from corpus_tools.segment import split_text_sentences
from corpus_tools.tokens import _token_re

__all__ = ["KWIC_COLUMNS", "match_kwic", "make_term_pattern", "make_kwic_anchor"]

KWIC_COLUMNS = ["doc_id", "sent_id", "pattern", "start", "end", "left", "match", "right"]
_SPACE_RE = re.compile(r"\s+")


class _WordMatcher:
    """Which pattern words a token form matches, worked out once per form of the corpus: a
    literal word matches its forms in any case (or exactly, case-sensitive), a glob word
    (``*``, ``?``, ``[``) the forms ``fnmatch`` matches.

    >>> matcher = _WordMatcher(["security", "guarantee*"], pattern_type="glob", case_sensitive=False)
    >>> matcher("Security"), matcher("guarantees"), matcher("talks")
    ((0,), (1,), ())
    """

    def __init__(self, words: list[str], *, pattern_type: str, case_sensitive: bool):
        import fnmatch

        self.case_sensitive = case_sensitive
        self.literal: dict[str, list[int]] = {}
        self.globs: list[tuple[int, re.Pattern]] = []
        for k, word in enumerate(words):
            if pattern_type == "phrase" or not any(c in word for c in "*?["):
                self.literal.setdefault(word if case_sensitive else word.lower(), []).append(k)
            else:
                self.globs.append((k, re.compile(fnmatch.translate(word), 0 if case_sensitive else re.IGNORECASE)))
        self.cache: dict[str, tuple[int, ...]] = {}

    def __call__(self, form: str) -> tuple[int, ...]:
        hit = self.cache.get(form)
        if hit is None:
            ids = [*self.literal.get(form if self.case_sensitive else form.lower(), ())]
            ids += [k for k, rx in self.globs if rx.match(form)]
            hit = self.cache[form] = tuple(sorted(ids))
        return hit


def _token_matches(
    text: str, spans: np.ndarray, forms: list[str], words: list[frozenset[str]]
) -> list[tuple[int, int]]:
    """Spans where consecutive tokens match ``words`` (sets of forms), within a sentence."""
    k, n = len(words), len(forms)
    found = []
    for i in [i for i, form in enumerate(forms) if form in words[0]]:
        if i + k > n or not all(forms[i + j] in words[j] for j in range(1, k)):
            continue
        if k == 1 or not any(_BREAK_RE.search(text, spans[i + j, 1], spans[i + j + 1, 0]) for j in range(k - 1)):
            found.append((int(spans[i, 0]), int(spans[i + k - 1, 1])))
    return found


def _tokenize_text(text: str) -> tuple[np.ndarray, list[str]]:
    """Token spans and forms of one text (the ASCII pattern on ASCII text: the same tokens)."""
    text = _as_ascii(text)  # the same tokens at the same offsets, the faster pattern if it can
    matches = list(_token_re(text).finditer(text))
    return np.array([m.span() for m in matches], dtype=np.int64).reshape(-1, 2), [m.group() for m in matches]


#: An ASCII letter, and an ASCII word character (with ``re.IGNORECASE`` also the Kelvin sign
#: and the long s, which are letters too): classes of a few characters keep the search fast.
_LETTER = "[A-Za-z]"
_WORD_CHAR = "[A-Za-z0-9_]"


def _compile_prefilter(patterns: Iterable[str], *, pattern_type: str, case_sensitive: bool) -> re.Pattern | None:
    """A search that finds every text a glob or phrase pattern can match (and maybe a few more):
    the start of each pattern's first word (up to a wildcard), one alternation, case folded as
    the words are matched. None when a first word starts with a wildcard.

    A token never starts right after a letter (but for Han or kana), and a word token that ends
    in a letter is never followed by a word character: a word starting (ending) with an ASCII
    letter is searched where no ASCII letter precedes it (no ASCII word character follows it).
    ``re.IGNORECASE`` equates two characters whose lower case is equal; the one character whose
    lower case is two characters (U+0130) is searched too (as itself), so no text with a
    matching form is missed.

    >>> rx = _compile_prefilter(["sanction*", "sa talks"], pattern_type="glob", case_sensitive=False)
    >>> [bool(rx.search(t)) for t in ["Sanctions", "SA.", "he said", "visa", "US-sa"]]
    [True, True, False, False, True]
    """
    needles = []
    for pattern in patterns:
        first = (pattern.split() or [""])[0]
        whole = pattern_type == "phrase" or not re.search(r"[*?\[]", first)
        if not whole:
            first = re.split(r"[*?\[]", first, maxsplit=1)[0]
        if not first:
            return None
        needle = re.escape(first)
        if re.match(_LETTER, first[0]):  # after the literal, so the search stays a scan for literals
            needle = f"{needle}(?<!{_LETTER}{needle})"
        if whole and re.match(_LETTER, first[-1]):
            needle = f"{needle}(?!{_WORD_CHAR})"
        needles.append(needle)
    alternation = "|".join(dict.fromkeys(needles))
    if case_sensitive:
        return re.compile(alternation)
    return re.compile(f"{alternation}|(?-i:\u0130)", re.IGNORECASE)  # U+0130 itself, not every "i"


class _Prefilter:
    """Whether a text can match: :func:`_compile_prefilter`'s search, or on ASCII text (once the
    :data:`~corpus_tools.keywords.counts._SEPARATORS` are spaces) with ASCII pattern words, the
    same test with ``str.find`` on the lower-cased text (ASCII letters are equal ignoring case
    exactly when their lower cases are), many times faster than the case-folded search.

    >>> can_match = _Prefilter(["sanction*", "sa talks"], pattern_type="glob", case_sensitive=False)
    >>> [can_match(t) for t in ["Sanctions", "SA.", "he said", "visa", "US-sa", "\u00a3 SA"]]
    [True, True, False, False, True, True]
    """

    def __init__(self, patterns: Iterable[str], *, pattern_type: str, case_sensitive: bool):
        patterns = list(patterns)
        self.regex = _compile_prefilter(patterns, pattern_type=pattern_type, case_sensitive=case_sensitive)
        self.case_sensitive = case_sensitive
        self.needles = []
        for pattern in patterns:
            first = (pattern.split() or [""])[0]
            whole = pattern_type == "phrase" or not re.search(r"[*?\[]", first)
            first = first if whole else re.split(r"[*?\[]", first, maxsplit=1)[0]
            if first:
                before, after = first[0] in _ASCII_LETTERS, whole and first[-1] in _ASCII_LETTERS
                self.needles.append((first if case_sensitive else first.lower(), before, after))
        self.fast = self.regex is not None and all(n.isascii() for n, _, _ in self.needles)

    def select(self, texts: pd.Series) -> np.ndarray:
        """Which of ``texts`` can match (a missing text never does): on ASCII pattern words, one
        RE2 search (pyarrow) over the column, the same test as :meth:`__call__` (RE2's ``(?i)``
        equates the characters whose case folds are equal: each ASCII letter with its cases, "s"
        with "ſ" and "k" with the Kelvin sign too; Python's also equates "i" with "İ" and "ı",
        added here), else each text in turn.

        >>> _Prefilter(["sanction*", "sa talks"], pattern_type="glob", case_sensitive=False).select(
        ...     pd.Series(["Sanctions", "SA.", "he said", "visa", "US-sa", "\u00a3 SA", None])).tolist()
        [True, True, False, False, True, True, False]
        """
        values = None
        if self.regex is not None and self.fast:
            try:
                values = pa.array(texts, from_pandas=True)  # a column of Arrow strings: not copied
            except (pa.ArrowException, UnicodeEncodeError):  # not strings, or not UTF-8
                values = None
        if values is None or not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
            return np.array([isinstance(t, str) and self(t) for t in texts], dtype=bool)
        return np.asarray(pc.fill_null(pc.match_substring_regex(values, self.re2), False), dtype=bool)

    @property
    def re2(self) -> str:
        """The search of :meth:`select`: each needle where no ASCII letter precedes it (and no
        ASCII word character follows it), as :func:`_find_word` looks for it."""
        needles = []
        for needle, before, after in self.needles:
            needle = re.escape(needle)
            if not self.case_sensitive:
                needle = re.sub("[iI]", "[iI\u0130\u0131]", needle)
            needles.append(f"{'(?:^|[^A-Za-z])' if before else ''}{needle}{'(?:$|[^A-Za-z0-9_])' if after else ''}")
        alternation = "|".join(dict.fromkeys(needles))
        return alternation if self.case_sensitive else f"(?i){alternation}|\u0130"

    def __call__(self, text: str) -> bool:
        if self.regex is None:
            return True
        if self.fast:
            swapped = _as_ascii(text)
            if swapped.isascii():
                low = swapped if self.case_sensitive else swapped.lower()
                return any(_find_word(low, *needle) for needle in self.needles)
        return self.regex.search(text) is not None


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_WORD_CHARS = _ASCII_LETTERS | frozenset("0123456789_")


def _find_word(text: str, needle: str, before: bool, after: bool) -> bool:
    """Whether ``needle`` occurs in ``text`` with no ASCII letter just before it (``before``)
    and no ASCII word character just after it (``after``)."""
    start, size = text.find(needle), len(needle)
    while start >= 0:
        end = start + size
        if not (before and start and text[start - 1] in _ASCII_LETTERS) and not (
            after and end < len(text) and text[end] in _ASCII_WORD_CHARS
        ):
            return True
        start = text.find(needle, start + 1)
    return False


def _context(text: str, spans: np.ndarray, span: tuple[int, int], window: int) -> tuple[str, str, str]:
    start, end = span
    before = int(np.searchsorted(spans[:, 1], start, side="right"))
    after = int(np.searchsorted(spans[:, 0], end, side="left"))
    left_from = int(spans[max(before - window, 0), 0]) if before > 0 and window > 0 else start
    right_to = int(spans[min(after + window, len(spans)) - 1, 1]) if after < len(spans) and window > 0 else end
    clean = lambda s: _SPACE_RE.sub(" ", s).strip()  # noqa: E731
    return clean(text[left_from:start]), clean(text[start:end]), clean(text[end:right_to])


def _match_text(doc_id, text: str, compiled: Mapping, *, pattern_type: str, window: int, matcher=None) -> list:
    """The concordance lines of one text (``compiled``: label -> regex, or label -> the
    ``matcher``'s word numbers of the pattern's words)."""
    if pattern_type == "regex":
        found = {label: [m.span() for m in rx.finditer(text) if m.end() > m.start()] for label, rx in compiled.items()}
        if not any(found.values()):
            return []
        spans, _ = _tokenize_text(text)
    else:
        spans, forms = _tokenize_text(text)
        matched: dict[int, set[str]] = {}  # pattern word -> its forms in this text
        for form in set(forms):
            for k in matcher(form):
                matched.setdefault(k, set()).add(form)
        if not matched:
            return []
        found = {}
        for label, ids in compiled.items():
            words = [matched.get(k, set()) for k in ids]
            found[label] = _token_matches(text, spans, forms, words) if words[0] else []
    rows, sentence_starts = [], None
    for label, spans_found in found.items():
        if spans_found and sentence_starts is None:
            sentence_starts = np.array([s for s, _, _ in split_text_sentences(text)], dtype=np.int64)
        for span in spans_found:
            sent_id = max(int(np.searchsorted(sentence_starts, span[0], side="right")) - 1, 0)
            rows.append((doc_id, sent_id, label, span[0], span[1], *_context(text, spans, span, window)))
    return rows


def _sort_kwic(table: pd.DataFrame, sort_by: str | None, patterns: list[str]) -> pd.DataFrame:
    """Patterns in the order given; within a pattern, document order or the ``sort_by`` context."""
    if sort_by not in (None, "left", "right", "match"):
        raise ValueError(f"sort_by must be None, 'left', 'right' or 'match', not {sort_by!r}")
    if sort_by is None:
        key = pd.Series("", index=table.index)
    elif sort_by == "left":  # the word next to the match first, as concordancers sort
        key = table["left"].str.lower().str.split().map(lambda w: " ".join(reversed(w)))
    else:
        key = table[sort_by].str.lower()
    order = {p: i for i, p in enumerate(patterns)}
    ranked = table.assign(_p=table["pattern"].map(order), _key=key)
    return ranked.sort_values(["_p", "_key"], kind="stable").drop(columns=["_p", "_key"])


def match_kwic(
    corpus: pd.DataFrame,
    pattern: str | Iterable[str] | Mapping[str, str],
    *,
    window: int = 6,
    pattern_type: str = "glob",
    sort_by: str | None = None,
    case_sensitive: bool = False,
    text_col: str = "text",
) -> pd.DataFrame:
    """Keyword in context: every match of a pattern with the words around it.

    Args:
        corpus: a table with ``doc_id`` and ``text_col``.
        pattern: a pattern, a list of patterns, or a dict label -> pattern (the ``pattern``
            column then shows the label, e.g. the key term). ``glob``: words with ``*``/``?``
            (``sanction*``, ``security guarantee*``); ``phrase``: literal words;
            ``regex``: a regular expression searched in the text. Multi-word glob and phrase
            patterns match consecutive tokens within a sentence.
        window: words of context on each side.
        pattern_type: ``"glob"``, ``"phrase"`` or ``"regex"``.
        sort_by: None (patterns in the order given, then document order), ``"left"`` (by the
            words before the match, nearest first), ``"right"`` or ``"match"``.
        case_sensitive: match case exactly.
        text_col: the column searched; ``start``/``end`` index into it.

    Returns:
        ``doc_id, sent_id, pattern, start, end, left, match, right``; ``text[start:end]`` is
        the match, ``sent_id`` numbers sentences as :func:`corpus_tools.split_sentences`.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Allies offered security guarantees to Kyiv."]})
    >>> match_kwic(docs, "guarantee*", window=2)[["start", "end", "left", "match", "right"]].values.tolist()
    [[24, 34, 'offered security', 'guarantees', 'to Kyiv']]
    """
    if pattern_type not in ("glob", "phrase", "regex"):
        raise ValueError(f"pattern_type must be 'glob', 'phrase' or 'regex', not {pattern_type!r}")
    require_columns(corpus, ["doc_id", text_col], table="corpus", hint=_COLUMN_HINT)
    labelled = (
        {str(k): str(v) for k, v in pattern.items()}
        if isinstance(pattern, Mapping)
        else {p: p for p in _as_labels(pattern)}
    )
    matcher = None
    if pattern_type == "regex":
        compiled = {label: re.compile(p, 0 if case_sensitive else re.IGNORECASE) for label, p in labelled.items()}
        candidates = np.arange(len(corpus))
    else:  # only the texts that can match are tokenised, one at a time
        can_match = _Prefilter(labelled.values(), pattern_type=pattern_type, case_sensitive=case_sensitive)
        candidates = np.flatnonzero(can_match.select(corpus[text_col]))
        words = list(dict.fromkeys(w for p in labelled.values() for w in p.split()))
        matcher = _WordMatcher(words, pattern_type=pattern_type, case_sensitive=case_sensitive)
        compiled = {label: [words.index(w) for w in p.split()] for label, p in labelled.items()}
    texts = [t if isinstance(t, str) else "" for t in corpus[text_col].iloc[candidates]]
    rows = []
    for doc_id, text in zip(corpus["doc_id"].iloc[candidates].tolist(), texts):
        rows.extend(_match_text(doc_id, text, compiled, pattern_type=pattern_type, window=window, matcher=matcher))
    table = pd.DataFrame(rows, columns=KWIC_COLUMNS).astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    return _sort_kwic(table, sort_by, list(labelled)).reset_index(drop=True)


def make_term_pattern(term: str, *, stemmed: bool = False) -> str:
    """The :func:`match_kwic` glob pattern that finds a counted term in the text: compound and
    n-gram words become a phrase, stemmed words match any ending.

    >>> make_term_pattern("security_guarantees"), make_term_pattern("guarante", stemmed=True)
    ('security guarantees', 'guarante*')
    """
    words = term.replace(CONCATENATOR, " ").split()
    return " ".join(w + "*" if stemmed else w for w in words)


def make_kwic_anchor(term: str) -> str:
    """The HTML id of a term's concordance section: ASCII, unique per term.

    >>> make_kwic_anchor("security guarantees")
    'kwic-security-guarantees-3e567035'
    """
    import zlib

    slug = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")[:40]
    return f"kwic-{slug}-{zlib.crc32(term.encode('utf-8')):08x}"
