"""Dictionaries (lexicons): read them from YAML, CSV, LIWC ``.dic`` or Lexicoder ``.lc3`` files
and find their patterns in sentences.

Submodules:

- :mod:`~corpus_tools.dictionaries.model`: :class:`Dictionary`, :class:`Entry`, :class:`Negation`,
  the errors and warnings, pattern parsing (:func:`make_entry`).
- :mod:`~corpus_tools.dictionaries.readers`: :func:`read_dictionary` (a file or a shipped name),
  :func:`list_dictionaries`, :func:`read_negators`; one private reader per format.
- :mod:`~corpus_tools.dictionaries.matcher`: :func:`match_dictionary` (one row per hit, with
  offsets into the document text) and :func:`match_actors`.

The format of the project's YAML files is documented with a worked example in
``docs/dictionaries.md``.
"""

from corpus_tools.dictionaries.matcher import (
    HIT_COLUMNS,
    _split_hyphens,  # noqa: F401  (used by corpus_tools.sentiment)
    match_actors,
    match_dictionary,
)
from corpus_tools.dictionaries.model import (
    NEGATORS_FILE,
    Dictionary,
    DictionaryError,
    DictionaryWarning,
    Entry,
    Negation,
    UnmatchablePatternError,
    make_entry,
)
from corpus_tools.dictionaries.readers import (
    DICTIONARY_DIRS,
    SUFFIXES,
    list_dictionaries,
    read_dictionary,
    read_negators,
)

__all__ = [
    "DICTIONARY_DIRS",
    "HIT_COLUMNS",
    "NEGATORS_FILE",
    "SUFFIXES",
    "Dictionary",
    "DictionaryError",
    "DictionaryWarning",
    "Entry",
    "Negation",
    "UnmatchablePatternError",
    "list_dictionaries",
    "make_entry",
    "match_actors",
    "match_dictionary",
    "read_dictionary",
    "read_negators",
]
