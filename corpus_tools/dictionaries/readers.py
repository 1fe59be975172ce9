"""Dictionary readers: the project's YAML format, CSV/TSV (``term,category[,weight]``), LIWC
``.dic`` and Lexicoder ``.lc3`` files, and shipped dictionaries by name (:func:`read_dictionary`,
:func:`list_dictionaries`), plus the shipped negator list (:func:`read_negators`).

Every error names the file and line and says how to fix it (:class:`DictionaryError`). The YAML
format is documented with a worked example in ``docs/dictionaries.md``.

>>> "ukraine_security" in list_dictionaries()
True
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
from pathlib import Path

import yaml

from corpus_tools.dictionaries.model import (
    NEGATORS_FILE,
    Dictionary,
    DictionaryError,
    Entry,
    Negation,
    _entry_or_skip,
    _unique_entries,
)
from corpus_tools.shipped import list_resources, read_word_list, resolve_named

__all__ = ["DICTIONARY_DIRS", "SUFFIXES", "list_dictionaries", "read_dictionary", "read_negators"]

#: Folders of ``corpus_tools/resources`` searched, in order, for a dictionary given by name.
DICTIONARY_DIRS = ("actors", "frames")
#: File suffixes :func:`read_dictionary` understands.
SUFFIXES = (".yml", ".yaml", ".csv", ".tsv", ".dic", ".lc3")


def read_negators() -> frozenset[str]:
    """The shipped negator list (``corpus_tools/resources/negators.txt``), lower case.

    Any token ending in ``n't`` is also a negator (see :meth:`Negation.is_negator`).

    >>> {"not", "never", "without"} <= read_negators()
    True
    """
    return read_word_list(NEGATORS_FILE)


def list_dictionaries() -> list[str]:
    """Names of the shipped dictionaries (``read_dictionary(name)`` accepts them), from the
    folders :data:`DICTIONARY_DIRS` of ``corpus_tools/resources``.

    >>> {"generic", "security", "ukraine_security"} <= set(list_dictionaries())
    True
    """
    return sorted({Path(p).stem for folder in DICTIONARY_DIRS for p in list_resources(folder) if p.endswith(".yml")})


def read_dictionary(source: str | Path | Dictionary) -> Dictionary:
    """Read a dictionary file, or a shipped dictionary by name.

    The suffix chooses the reader: ``.yml``/``.yaml`` (the project's format, see
    ``docs/dictionaries.md``), ``.csv``/``.tsv`` (``term,category[,weight]``), ``.dic``
    (LIWC), ``.lc3`` (Lexicoder). A bare name (``"ukraine_security"``) is a shipped dictionary,
    looked up in ``corpus_tools/resources/actors/`` and ``corpus_tools/resources/frames/``
    (:data:`DICTIONARY_DIRS`).

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
    if isinstance(source, str) and not path.exists() and not path.suffix and "/" not in source and "\\" not in source:
        try:
            return resolve_named(source, folders=DICTIONARY_DIRS)
        except FileNotFoundError:
            raise DictionaryError(
                f"no shipped dictionary named {source!r}; available: {', '.join(list_dictionaries())} "
                "(or give the path of a .yml, .csv, .dic or .lc3 file)"
            ) from None
    if not path.exists():
        raise DictionaryError(f"{path}: no such dictionary file")
    if path.suffix.lower() not in SUFFIXES:
        raise DictionaryError(f"{path}: unknown dictionary format {path.suffix!r}; use one of {', '.join(SUFFIXES)}")
    return path


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
                + "; name the columns term (or pattern, word), category and weight"
                " (or score, value, valence), each once"
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
