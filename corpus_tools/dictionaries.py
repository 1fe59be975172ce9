"""Dictionaries (lexicons): read them from YAML, CSV, LIWC ``.dic`` or Lexicoder ``.lc3`` files
and find their patterns in sentences.

A :class:`Dictionary` maps categories to patterns. A pattern is a word (``peace``), a glob
with ``*`` at the start and/or end of a word (``sanction*``, ``*peace*``), or a phrase of
consecutive words (``coalition of the willing``, ``security guarantee*``). A pattern written
with a leading ``=`` (``=US``) matches case-sensitively; every other pattern ignores case.
Entries may carry a weight (a valence score in a sentiment lexicon).

:func:`match_dictionary` returns one row per hit with offsets into the document text, so
every count can be traced to the words behind it. The format of the project's YAML files is
documented with a worked example in ``docs/dictionaries.md``.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import math
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from corpus_tools.config import RESOURCES_DIR
from corpus_tools.segment import tokenize
from corpus_tools.shipped import resolve_resource

__all__ = [
    "Dictionary",
    "DictionaryError",
    "DictionaryWarning",
    "Entry",
    "UnmatchablePatternError",
    "Negation",
    "match_actors",
    "match_dictionary",
    "read_dictionary",
    "read_negators",
    "list_dictionaries",
]

#: Folders of ``corpus_tools/resources`` searched, in order, for a dictionary given by name.
DICTIONARY_DIRS = ("dictionaries", "actors", "frames")
#: File suffixes :func:`read_dictionary` understands.
SUFFIXES = (".yml", ".yaml", ".csv", ".tsv", ".dic", ".lc3")
#: Columns of the table returned by :func:`match_dictionary`.
HIT_COLUMNS = ["doc_id", "sent_id", "category", "pattern", "term", "start", "end", "negated", "weight"]

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


@functools.cache
def read_negators() -> frozenset[str]:
    """The shipped negator list (``resources/negators.txt``), lower case.

    Any token ending in ``n't`` is also a negator (see :func:`is_negator`).

    >>> {"not", "never", "without"} <= read_negators()
    True
    """
    lines = resolve_resource("negators.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


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
    negators: frozenset[str] = field(default_factory=read_negators)
    categories: Mapping[str, str] = field(default_factory=dict)
    clause_breaks: str = ",;:!?()[]"

    def negated_tokens(self, text: str, tokens: list[tuple[str, int, int]]) -> list[bool]:
        """For each token of ``text``: True if a negator stands within ``window`` tokens
        before it, with no clause break between them."""
        flags = [self.window > 0 and self.is_negator(t) for t, _, _ in tokens]
        if not any(flags):
            return [False] * len(tokens)
        clause, clauses = 0, []  # clause number of each token
        for k, (_, start, _) in enumerate(tokens):
            if k and self.clause_breaks and not set(self.clause_breaks).isdisjoint(text[tokens[k - 1][2] : start]):
                clause += 1
            clauses.append(clause)
        return [
            any(flags[k] and clauses[k] == clauses[i] for k in range(max(0, i - self.window), i))
            for i in range(len(tokens))
        ]

    def is_negator(self, token: str) -> bool:
        """True if ``token`` negates what follows (``not``, ``never``, ``don't``...)."""
        low = token.lower().translate(_APOSTROPHES)
        return low in self.negators or low.endswith("n't")


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


# ---------------------------------------------------------------------------- readers


def list_dictionaries() -> list[str]:
    """Names of the shipped dictionaries (``read_dictionary(name)`` accepts them)."""
    names = set()
    for folder in DICTIONARY_DIRS:
        names.update(p.stem for p in (RESOURCES_DIR / folder).glob("*.yml"))
    return sorted(names)


def read_dictionary(source: str | Path | Dictionary) -> Dictionary:
    """Read a dictionary file, or a shipped dictionary by name.

    The suffix chooses the reader: ``.yml``/``.yaml`` (the project's format, see
    ``docs/dictionaries.md``), ``.csv``/``.tsv`` (``term,category[,weight]``), ``.dic``
    (LIWC), ``.lc3`` (Lexicoder). A bare name (``"ukraine_security"``) is looked up in
    ``corpus_tools/resources/dictionaries/``, ``resources/actors/`` and ``resources/frames/``.

    Raises:
        DictionaryError: the file is missing or malformed (the message names file:line).

    >>> read_dictionary("ukraine_security").category_names[:2]
    ['Russia', 'Ukraine']
    """
    if isinstance(source, Dictionary):
        return source
    path = _resolve(source)
    reader = {
        ".yml": _read_yaml,
        ".yaml": _read_yaml,
        ".csv": _read_csv,
        ".tsv": _read_csv,
        ".dic": _read_liwc,
        ".lc3": _read_lexicoder,
    }[path.suffix.lower()]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DictionaryError(f"{path}:{line}: not UTF-8 text; save the file as UTF-8") from None
    dictionary = reader(text, path)
    if not dictionary.entries:
        raise DictionaryError(f"{path}: the dictionary has no patterns")
    return dataclasses.replace(dictionary, path=str(path), sha256=hashlib.sha256(data).hexdigest())


def _resolve(source: str | Path) -> Path:
    path = Path(source)
    if path.exists():
        if path.suffix.lower() not in SUFFIXES:
            raise DictionaryError(
                f"{path}: unknown dictionary format {path.suffix!r}; use one of {', '.join(SUFFIXES)}"
            )
        return path
    if isinstance(source, str) and not path.suffix and "/" not in source and "\\" not in source:
        for folder in DICTIONARY_DIRS:
            candidate = RESOURCES_DIR / folder / f"{source}.yml"
            if candidate.exists():
                return candidate
        raise DictionaryError(
            f"no shipped dictionary named {source!r}; available: {', '.join(list_dictionaries())} "
            "(or give the path of a .yml, .csv, .dic or .lc3 file)"
        )
    raise DictionaryError(f"{path}: no such dictionary file")


def _read_csv(text: str, path: Path) -> Dictionary:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    rows = [(i, row) for i, row in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), start=1)]
    rows = [(i, [c.strip() for c in row]) for i, row in rows if row and any(c.strip() for c in row)]
    rows = [(i, row) for i, row in rows if not row[0].startswith("#")]
    columns = ["term", "category", "weight"]
    if rows and {c.lower() for c in rows[0][1]} & {"term", "pattern", "word", "category"}:
        line, header = rows.pop(0)
        aliases = {"pattern": "term", "word": "term", "score": "weight", "value": "weight", "valence": "weight"}
        columns = [aliases.get(c.lower(), c.lower()) for c in header]
        unknown = [h for h, c in zip(header, columns) if c not in ("term", "category", "weight")]
        if unknown or "term" not in columns or len(set(columns)) < len(columns):
            raise DictionaryError(
                f"{path}:{line}: header {','.join(header)!r} is not term,category[,weight]"
                + (f" (unknown column(s) {unknown})" if unknown else "")
                + "; name the columns term (or pattern, word), category and weight (or score, value, valence), each once"
            )
    entries, skipped = [], []
    for line, row in rows:
        where = f"{path}:{line}"
        if len(row) > len(columns) or len(row) < 2:
            raise DictionaryError(f"{where}: expected {','.join(columns)} ({len(columns)} fields), found {len(row)}")
        record = dict(zip(columns, row))
        category = record.get("category") or (path.stem if "category" not in columns else "")
        if not category:
            raise DictionaryError(f"{where}: empty category for term {record.get('term')!r}")
        weight = record.get("weight") or None
        entries += _entry_or_skip(skipped, category, record.get("term", ""), weight, where=where)
    categories = {e.category: "" for e in entries}
    return Dictionary(
        name=path.stem, entries=_unique_entries(entries, str(path), skipped), categories=categories, source=str(path)
    )


def _read_liwc(text: str, path: Path) -> Dictionary:
    lines = list(enumerate(text.splitlines(), start=1))
    lines = [(i, line.strip()) for i, line in lines if line.strip()]
    if not lines or lines[0][1] != "%":
        raise DictionaryError(
            f"{path}:1: a LIWC .dic file starts with a line '%', then 'number<TAB>category' lines, then '%'"
        )
    ids: dict[str, str] = {}
    position = 1
    while position < len(lines) and lines[position][1] != "%":
        line, content = lines[position]
        parts = content.split(None, 1)
        if len(parts) != 2 or not parts[0].isdigit():
            raise DictionaryError(
                f"{path}:{line}: expected 'number<TAB>category name' in the header, found {content!r}"
            )
        ids[parts[0]] = parts[1].strip()
        position += 1
    if position >= len(lines):
        raise DictionaryError(f"{path}:{lines[-1][0]}: the category header is not closed by a line '%'")
    entries, skipped = [], []
    for line, content in lines[position + 1 :]:
        term, numbers = _split_liwc_entry(content)
        unknown = [n for n in numbers if n not in ids]
        if not numbers or unknown:
            raise DictionaryError(
                f"{path}:{line}: entry {content!r} needs category numbers declared in the header "
                f"({', '.join(ids)}); unknown: {unknown or 'none given'}"
            )
        for n in numbers:
            entries += _entry_or_skip(skipped, ids[n], term, where=f"{path}:{line}")
    return Dictionary(
        name=path.stem,
        entries=_unique_entries(entries, str(path), skipped),
        categories={c: "" for c in ids.values()},
        source=str(path),
    )


def _split_liwc_entry(content: str) -> tuple[str, list[str]]:
    if "\t" in content:
        term, *rest = content.split("\t")
        return term.strip(), " ".join(rest).split()
    parts = content.split()
    k = len(parts)
    while k > 1 and parts[k - 1].isdigit():
        k -= 1
    return " ".join(parts[:k]), parts[k:]


def _read_lexicoder(text: str, path: Path) -> Dictionary:
    """Lexicoder ``.lc3``: ``+category`` lines, each followed by its terms, one per line.

    As in quanteda's ``read_dict_lexicoder``, lines are trimmed, so a term written with a
    trailing space is an exact word and a term ending in ``*`` a glob.
    """
    entries, categories, category, skipped = [], {}, None, []
    for line, raw in enumerate(text.splitlines(), start=1):
        content = "".join(ch for ch in raw if ch.isprintable()).strip()
        if not content:
            continue
        if content.startswith("+"):
            category = content[1:].strip()
            if not category:
                raise DictionaryError(f"{path}:{line}: a '+' line must name a category, e.g. '+positive'")
            categories[category] = ""
        elif category is None:
            raise DictionaryError(f"{path}:{line}: term {content!r} comes before any '+category' line")
        else:
            entries += _entry_or_skip(skipped, category, content, where=f"{path}:{line}")
    return Dictionary(
        name=path.stem, entries=_unique_entries(entries, str(path), skipped), categories=categories, source=str(path)
    )


# ---------------------------------------------------------------------------- YAML

_YAML_KEYS = {
    "name",
    "description",
    "source",
    "licence",
    "license",
    "version",
    "negation",
    "categories",
    "notes",
    "split_hyphens",
}


def _read_yaml(text: str, path: Path) -> Dictionary:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise DictionaryError(f"{path}:{line}: YAML syntax error: {getattr(err, 'problem', err)}") from None
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(f"{path}:1: expected a mapping with 'name' and 'categories' keys")
    fields = {}
    for key_node, value_node in root.value:
        key = _construct(key_node)
        if key not in _YAML_KEYS:
            raise DictionaryError(
                f"{_at(path, key_node)}: unknown key {key!r}; allowed: {', '.join(sorted(_YAML_KEYS))}"
            )
        fields[key] = value_node
    if "categories" not in fields:
        raise DictionaryError(f"{path}:1: no 'categories' key; see docs/dictionaries.md for the format")
    meta = {k: str(_construct(fields[k]) or "") for k in ("name", "description", "source", "version") if k in fields}
    licence = fields.get("licence", fields.get("license"))
    entries, categories, skipped = _read_yaml_categories(fields["categories"], path)
    negation = _read_yaml_negation(fields["negation"], path) if "negation" in fields else None
    split_hyphens = _construct(fields["split_hyphens"]) if "split_hyphens" in fields else False
    if not isinstance(split_hyphens, bool):
        raise DictionaryError(f"{_at(path, fields['split_hyphens'])}: split_hyphens must be true or false")
    return Dictionary(
        name=meta.pop("name", path.stem),
        entries=_unique_entries(entries, str(path), skipped),
        categories=categories,
        licence=str(_construct(licence) or "") if licence is not None else "",
        negation=negation,
        split_hyphens=split_hyphens,
        **meta,
    )


def _construct(node: yaml.Node):
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def _at(path: Path, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _read_yaml_categories(node: yaml.Node, path: Path) -> tuple[list[Entry], dict[str, str], list[str]]:
    if not isinstance(node, yaml.MappingNode):
        raise DictionaryError(f"{_at(path, node)}: 'categories' must map each category name to its patterns")
    entries, categories, skipped = [], {}, []
    for key_node, value_node in node.value:
        category = str(_construct(key_node))
        description, default_weight, patterns = "", None, value_node
        if isinstance(value_node, yaml.MappingNode):
            spec = {str(_construct(k)): v for k, v in value_node.value}
            extra = set(spec) - {"description", "weight", "patterns"}
            if extra or "patterns" not in spec:
                raise DictionaryError(
                    f"{_at(path, value_node)}: category {category!r} takes 'description', 'weight' and 'patterns' "
                    f"(a list); found {sorted(spec)}"
                )
            description = str(_construct(spec["description"]) or "") if "description" in spec else ""
            default_weight = _construct(spec["weight"]) if "weight" in spec else None
            patterns = spec["patterns"]
        categories[category] = description
        entries.extend(_read_yaml_patterns(patterns, category, default_weight, path, skipped))
    return entries, categories, skipped


def _read_yaml_patterns(node: yaml.Node, category: str, default_weight, path: Path, skipped: list[str]) -> list[Entry]:
    if isinstance(node, yaml.MappingNode):  # {pattern: weight, ...}
        items = [(k, v) for k, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        items = []
        for item in node.value:
            if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
                items.append(item.value[0])
            elif isinstance(item, yaml.ScalarNode):
                items.append((item, None))
            else:
                raise DictionaryError(
                    f"{_at(path, item)}: a pattern is a string or 'pattern: weight' in category {category!r}"
                )
    else:
        raise DictionaryError(f"{_at(path, node)}: patterns of category {category!r} must be a list")
    entries = []
    for pattern_node, weight_node in items:
        pattern = _construct(pattern_node)
        weight = _construct(weight_node) if weight_node is not None else default_weight
        where = _at(path, pattern_node)
        if not isinstance(pattern, str):
            raise DictionaryError(f"{where}: pattern {pattern!r} in category {category!r} is not text; quote it")
        entries += _entry_or_skip(skipped, category, pattern, weight, where=where)
    return entries


def _read_yaml_negation(node: yaml.Node, path: Path) -> Negation:
    value = _construct(node)
    allowed = {"window", "negators", "extra_negators", "categories", "clause_breaks"}
    if not isinstance(value, dict) or set(value) - allowed:
        raise DictionaryError(f"{_at(path, node)}: 'negation' takes {', '.join(sorted(allowed))}")
    window = value.get("window", 3)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise DictionaryError(f"{_at(path, node)}: negation window must be a whole number >= 0, found {window!r}")
    negators = frozenset(str(w).lower() for w in value["negators"]) if "negators" in value else read_negators()
    negators |= {str(w).lower() for w in value.get("extra_negators", [])}
    categories = value.get("categories") or {}
    if not isinstance(categories, dict):
        raise DictionaryError(f"{_at(path, node)}: negation 'categories' maps a category to its negated category")
    breaks = str(value.get("clause_breaks", Negation.clause_breaks) or "")
    return Negation(
        window=window,
        negators=negators,
        categories={str(k): str(v) for k, v in categories.items()},
        clause_breaks=breaks,
    )


# ---------------------------------------------------------------------------- matching


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
        self.first = functools.lru_cache(maxsize=200_000)(self._first)

    def _first(self, token: str) -> tuple[int, ...]:
        found: set[int] = set()
        for (case_sensitive, kind), table in self.index.items():
            for form in _token_forms(token, case_sensitive):
                for key in _keys(form, kind):
                    found.update(table.get(key, ()))
        return tuple(sorted(found))

    def candidates(self, tokens: list[tuple[str, int, int]]) -> list[tuple[int, int, int, int, int]]:
        """Every match in a token list: ``(-n_words, first token, n_globs, entry, end token)``,
        so sorting puts the longest, earliest, least globbed match first."""
        out = []
        for i, (token, _, _) in enumerate(tokens):
            for k in self.first(token):
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


def _keys(form: str, kind: str) -> Iterable[str]:
    if kind == "exact":
        return (form,)
    if kind == "prefix":
        return (form[:k] for k in range(1, len(form) + 1))
    if kind == "suffix":
        return (form[k:] for k in range(len(form)))
    return {form[a:b] for a in range(len(form)) for b in range(a + 1, len(form) + 1)}


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
    tokens = _split_hyphens(tokenize(text)) if dictionary.split_hyphens else tokenize(text)
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
    missing = [c for c in ("doc_id", "sent_id", "start", "text") if c not in sentences.columns]
    if missing:
        raise KeyError(
            f"sentence table is missing column(s) {missing}; it has {list(sentences.columns)}. "
            "Pass the output of corpus_tools.split_sentences(corpus)."
        )
    negation = _as_negation(negation, dictionary)
    matcher = _Matcher(dictionary.entries)
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
