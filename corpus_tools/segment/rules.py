"""Sentence-splitting rules by language: shipped word lists in ``resources/segment/<language>.txt``.

Each file has sections (``[title]``, ``[number]``, ``[abbreviation]``, ``[final]``, ``[continuer]``,
``[exclaim]``, ``[speech]``, ``[ordinal]``, ``[starter]``; their meaning is written at the top of
``resources/segment/en.txt``), one lower-case entry per line. A language without a file uses the
English rules: news in any language quotes English abbreviations, and the script-level rules
(CJK and other terminators, line breaks, lists) do not depend on the language.

>>> rules = read_segment_rules("en")
>>> "mr" in rules.title, "u.s" in rules.abbreviation, "the" in rules.starter
(True, True, True)
>>> read_segment_rules("xx").language
'en'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields

from corpus_tools.shipped import list_resources, resolve_resource

__all__ = ["SegmentRules", "DEFAULT_LANGUAGE", "read_segment_rules", "parse_segment_rules", "list_segment_languages"]

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class SegmentRules:
    """The word lists of one language (all lower case, abbreviations without the final stop)."""

    language: str
    title: frozenset[str] = frozenset()
    number: frozenset[str] = frozenset()
    abbreviation: frozenset[str] = frozenset()
    final: frozenset[str] = frozenset()
    continuer: frozenset[str] = frozenset()
    exclaim: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    ordinal: frozenset[str] = frozenset()
    starter: frozenset[str] = frozenset()


_SECTIONS = {f.name for f in fields(SegmentRules)} - {"language"}


def list_segment_languages() -> list[str]:
    """Languages with shipped splitting rules (ISO 639-1 codes).

    >>> "en" in list_segment_languages() and "de" in list_segment_languages()
    True
    """
    return [name.split("/")[-1].removesuffix(".txt") for name in list_resources("segment") if name.endswith(".txt")]


@functools.cache
def read_segment_rules(language: str = DEFAULT_LANGUAGE) -> SegmentRules:
    """Read the shipped rules of ``language`` (the English rules for a language without a file)."""
    code = (language or DEFAULT_LANGUAGE).lower().split("-")[0].split("_")[0]
    if code not in list_segment_languages():
        code = DEFAULT_LANGUAGE
    path = resolve_resource(f"segment/{code}.txt")
    return parse_segment_rules(path.read_text(encoding="utf-8"), language=code, source=str(path))


def parse_segment_rules(text: str, *, language: str, source: str = "<text>") -> SegmentRules:
    """Parse the text of a rules file (format: the top of ``resources/segment/en.txt``).

    Raises:
        ValueError: a line outside any section or an unknown section, naming ``source`` and the line.

    >>> parse_segment_rules("[title]\\nMr\\n[starter]\\nthe", language="en").title
    frozenset({'mr'})
    """
    found: dict[str, set[str]] = {name: set() for name in _SECTIONS}
    section = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            if section not in _SECTIONS:
                raise ValueError(f"{source}:{number}: unknown section [{section}]; use one of {sorted(_SECTIONS)}")
            continue
        if section is None:
            raise ValueError(f"{source}:{number}: {line!r} comes before any [section]; start with a [title] line")
        found[section].add(line.lower())
    return SegmentRules(language, **{name: frozenset(words) for name, words in found.items()})
