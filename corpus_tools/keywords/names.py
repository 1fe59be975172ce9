"""The people and organisations a corpus mentions most, counted offline from capitalisation
(:func:`count_names`), and an actor list for them (:func:`format_actor_yaml`,
:func:`write_actor_list`).

A name is a run of capitalised words ("Tony Blair", "Bank of England", "BBC"), joined by
"of", "de", "von", "van", "der" and "la" between capitals; "and" and "for" end a name, since
they join lists far more often than they sit inside one ("UK and US" is two names). The first word of a
sentence is capitalised anyway, so it is not counted ("Shares fell" gives nothing, "Yesterday
Tony Blair said" gives "Tony Blair"); words of the shipped stop list
(``resources/name_stopwords.txt``: titles, days, months, sentence openers) are taken off
either end ("Mr Blair" -> "Blair"). A one-word name that is the last word of a longer name
is counted with the most frequent such name ("Blair" with "Tony Blair"), its forms listed.
No model, no download: a first list to edit, not named-entity recognition (places and
products are counted too).

>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [
...     "Shares rose. Analysts at Goldman Sachs said Tony Blair spoke. Mr Blair left on Monday.",
...     "The talks with the Bank of England ended. Later Blair said no."]})
>>> count_names(docs)[["name", "n", "n_docs"]].values.tolist()
[['Tony Blair', 3, 2], ['Bank of England', 1, 1], ['Goldman Sachs', 1, 1]]
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.segment import split_sentences
from corpus_tools.shipped import read_word_list

__all__ = ["NAME_COLUMNS", "count_names", "format_actor_yaml", "write_actor_list"]

#: Columns of :func:`count_names`.
NAME_COLUMNS = ["name", "n", "n_docs", "forms"]

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.&-]*"
_JOIN = r"(?:of|de|von|van|der|la)"
_NAME = re.compile(rf"{_CAP}(?:\s+(?:{_JOIN}\s+(?:the\s+)?)?{_CAP})*")
_POSSESSIVE = re.compile(r"['’]s?$")


def _clean_word(word: str) -> str:
    word = _POSSESSIVE.sub("", word)
    return word[:-1] if word.endswith(".") and word.count(".") == 1 else word


def _trim(words: list[str], stop: frozenset[str]) -> str:
    """The name left when stop-list words and joining words are taken off both ends."""
    while words and (words[0].lower() in stop or re.fullmatch(_JOIN + "|the", words[0])):
        words = words[1:]
    while words and (words[-1].lower() in stop or re.fullmatch(_JOIN + "|the", words[-1])):
        words = words[:-1]
    return " ".join(words) if words and any(c.isalpha() for c in words[0]) else ""


def _names_in(text: str, stop: frozenset[str], seen: dict | None = None) -> list[tuple[str, str]]:
    """Candidate names of one sentence as ``(name, fallback)``: a run that opens the sentence
    is the name only if it is also found inside a sentence, else its words after the first
    (the fallback); other runs have no fallback (``""``). ``seen`` remembers what each run
    gave (a corpus repeats its names), keyed by the run and whether it opens the sentence."""
    lead = len(text) - len(text.lstrip(" \t\"'“‘([-—"))
    seen = {} if seen is None else seen
    out = []
    for match in _NAME.finditer(text):
        key = (match.group(), match.start() == lead)
        found = seen.get(key)
        if found is None:
            if len(seen) > 200_000:  # bounded memory: start afresh
                seen.clear()
            found = seen[key] = _name_of(*key, stop)
        if found:
            out.append(found)
    return out


def _name_of(run: str, opens: bool, stop: frozenset[str]) -> tuple[str, str] | tuple[()]:
    """The ``(name, fallback)`` of one run of capitalised words, ``()`` when it gives none."""
    words = [_clean_word(w) for w in run.split()]
    name = _trim(words, stop)
    if opens:
        return (name if len(words) > 1 else "", _trim(words[1:], stop) or "\0")
    return (name, "") if name else ()


#: A one-word name joins a longer name ending in it only when the longer name is this common
#: relative to it ("Blair" with "Tony Blair"), not a rare phrase that happens to end in it ("US"
#: with "Moscow-based US").
MERGE_SHARE = 0.1


def _merge_surnames(counts: pd.DataFrame) -> pd.DataFrame:
    """A one-word name counted with the most frequent longer name ending in it, when that longer
    name occurs at least :data:`MERGE_SHARE` as often as the word alone."""
    longer = counts[counts["name"].str.contains(" ")].sort_values(["n", "name"], ascending=[False, True])
    owner, owner_n = {}, {}
    for name, n in zip(longer["name"], longer["n"]):
        last = name.rsplit(" ", 1)[-1]
        if last not in owner:
            owner[last], owner_n[last] = name, n
    alone = dict(zip(counts["name"], counts["n"]))
    canonical = []
    for name in counts["name"]:
        keep = " " in name or name not in owner
        keep = keep or owner_n[name] < MERGE_SHARE * alone.get(name, 0)
        canonical.append(name if keep else owner[name])
    return counts.assign(canonical=canonical)


def count_names(
    docs: pd.DataFrame,
    *,
    top_n: int | None = 30,
    sentences: pd.DataFrame | None = None,
    min_docs: int = 1,
) -> pd.DataFrame:
    """The most frequent names (people, organisations, places) of a corpus.

    Args:
        docs: the corpus (``doc_id``, ``text``).
        top_n: names kept, most frequent first (None keeps all).
        sentences: its sentences (:func:`corpus_tools.split_sentences`), when already split.
        min_docs: keep names found in at least this many documents.

    Returns:
        ``name, n, n_docs, forms``: mentions, documents mentioning it, and the forms counted
        for it (``"Tony Blair; Blair"``), sorted by ``n`` then ``n_docs`` (descending) then name.

    >>> count_names(pd.DataFrame({"doc_id": ["a"], "text": ["Shares in Acme Corp rose. Acme Corp said so."]}))
    ... # doctest: +NORMALIZE_WHITESPACE
            name  n  n_docs      forms
    0  Acme Corp  2       1  Acme Corp
    """
    require_columns(docs, ["doc_id", "text"], table="corpus")
    sentences = split_sentences(docs) if sentences is None else sentences
    stop = read_word_list("name_stopwords.txt")
    pairs = zip(_iterate(sentences["doc_id"]), _iterate(sentences["text"]))
    seen: dict = {}
    found = [(doc, *pair) for doc, text in pairs for pair in _names_in(text, stop, seen)]
    inside = {name for _, name, fallback in found if not fallback}
    rows = [(doc, name if not fallback or name in inside else fallback) for doc, name, fallback in found]
    rows = [(doc, name) for doc, name in rows if name != "\0"]
    if not rows:
        return pd.DataFrame(columns=NAME_COLUMNS)
    found = pd.DataFrame(rows, columns=["doc_id", "name"])
    per_form = found.groupby("name").size().rename("n").reset_index()
    canonical = _merge_surnames(per_form).set_index("name")["canonical"]
    found["canonical"] = found["name"].map(canonical)
    table = found.groupby("canonical").agg(n=("name", "size"), n_docs=("doc_id", "nunique"))
    table["forms"] = _join_forms(found)
    table = table.reset_index().rename(columns={"canonical": "name"})
    table = table[table["n_docs"] >= min_docs]
    table = table.sort_values(["n", "n_docs", "name"], ascending=[False, False, True], ignore_index=True)
    return (table.head(top_n) if top_n else table).reset_index(drop=True)[NAME_COLUMNS]


def _iterate(column: pd.Series, chunk: int = 100_000):
    """A column's values as Python objects, converted a chunk at a time (not value by value)."""
    for start in range(0, len(column), chunk):
        yield from column.iloc[start : start + chunk].to_numpy(dtype=object, na_value=None).tolist()


def _join_forms(found: pd.DataFrame) -> pd.Series:
    """Each canonical name's forms, most counted first (ties in order of first appearance, as
    ``value_counts``), joined with ``"; "``: one count of every (canonical, form) pair."""
    pairs = found.groupby(["canonical", "name"], sort=False).size().rename("k").reset_index()
    pairs = pairs.iloc[np.lexsort((np.arange(len(pairs)), -pairs["k"].to_numpy()))]
    return pairs.groupby("canonical")["name"].agg("; ".join)


def format_actor_yaml(names: pd.DataFrame, *, top_n: int = 10) -> str:
    """An actor list (the YAML of ``docs/dictionaries.md``) for the first ``top_n`` names of
    :func:`count_names`: one category per name, its forms as patterns. Save it as a ``.yml``
    file, edit it (merge a person into their organisation, drop places), and name it in the
    study: ``parameters: {sentiment: {actors: actors.yml}, framing: {actors: actors.yml}}``.

    >>> print(format_actor_yaml(pd.DataFrame({"name": ["Tony Blair"], "forms": ["Tony Blair; Blair"]})))
    categories:
      "Tony Blair": ["Tony Blair", "Blair"]
    """
    lines = ["categories:"]
    for row in names.head(top_n).itertuples():
        forms = ", ".join(json.dumps(f, ensure_ascii=False) for f in str(row.forms).split("; "))
        lines.append(f"  {json.dumps(str(row.name), ensure_ascii=False)}: [{forms}]")
    return "\n".join(lines)


def write_actor_list(names: pd.DataFrame, path: str | Path, *, top_n: int = 10) -> Path:
    """Write :func:`format_actor_yaml` of ``names`` to ``path`` (folders made), as a provisional
    actor list for a corpus without one; returns the path.

    >>> import tempfile
    >>> names = pd.DataFrame({"name": ["Acme Corp"], "forms": ["Acme Corp"]})
    >>> path = write_actor_list(names, Path(tempfile.mkdtemp()) / "actors.yml")
    >>> from corpus_tools.dictionaries import read_dictionary
    >>> read_dictionary(path).category_names
    ['Acme Corp']
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# The corpus's most frequent names (keywords.count_names), one actor each: a first list to edit.\n"
        "# Merge a person into the body they speak for, drop places; format: docs/dictionaries.md.\n"
        f"name: {path.stem}\n"
    )
    path.write_text(header + format_actor_yaml(names, top_n=top_n) + "\n", encoding="utf-8")
    return path
