"""The splitters the project's sentence splitter is measured against (bench and accuracy only).

``split_punkt`` is the splitter the project used before its rule splitter: NLTK's Punkt with the
shipped abbreviations (``resources/abbreviations.txt``), every line break a boundary, and "No. 10"
/ "Mar. 22" rejoined when a number follows. ``split_pysbd`` is pySBD (Sadvilkar & Neumann 2020),
the rule-based segmenter with the best published score on the Golden Rules, run per line so that
line breaks end sentences for it too.
"""

from __future__ import annotations

import functools
import re

from corpus_tools import shipped

NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "mar", "art", "p", "pp", "vol", "fig", "sec", "ch", "para"})
_LINE_RE = re.compile(r"[^\n]+")
_NUMBER_ABBR_RE = re.compile(r"\b(" + "|".join(sorted(NUMBER_ABBREVIATIONS)) + r")\.$", re.IGNORECASE)
_STARTS_WITH_NUMBER_RE = re.compile(r"^[\(\[]?\d")


@functools.cache
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types.update(shipped.read_word_list("abbreviations.txt"))
    return PunktSentenceTokenizer(params)


def split_punkt(text: str) -> list[str]:
    """Sentences as the project split them with Punkt (its previous ``split_text_sentences``)."""
    tokenizer, out = _punkt(), []
    for line_match in _LINE_RE.finditer(text):
        line = line_match.group()
        merged: list[list[int]] = []
        for start, end in tokenizer.span_tokenize(line):
            if merged and _NUMBER_ABBR_RE.search(line[merged[-1][0] : merged[-1][1]]):
                if _STARTS_WITH_NUMBER_RE.match(line[start:end]):
                    merged[-1][1] = end
                    continue
            merged.append([start, end])
        out.extend(line[a:b].strip() for a, b in merged if line[a:b].strip())
    return out


@functools.cache
def _pysbd(language: str):
    import pysbd

    try:
        return pysbd.Segmenter(language=language, clean=False, char_span=False)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_pysbd(text: str, language: str = "en") -> list[str]:
    """pySBD's sentences, line by line (non-empty lines; white space trimmed)."""
    segmenter, out = _pysbd(language), []
    for line in text.splitlines():
        if line.strip():
            out.extend(s.strip() for s in segmenter.segment(line) if s.strip())
    return out
