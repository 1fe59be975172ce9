"""Competing names for the same things: which name each group chooses ("Kyiv" or "Kiev",
"peacekeeping force" or "occupation force"), read from a naming file.

>>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": ["Troops reached Kyiv."]})
>>> count_naming(sents).query("hits > 0")[["group", "name", "hits", "per_10k"]].values.tolist()
[['a', 'Kyiv', 1, 3333.3333333333335]]
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import yaml

from corpus_tools.config import RESOURCES_DIR
from corpus_tools.dictionaries import Dictionary, DictionaryError, match_dictionary
from corpus_tools.groups import attach_groups
from corpus_tools.tokens import count_words

__all__ = ["NAMING_DIR", "read_naming", "match_naming", "count_naming"]

NAMING_DIR = RESOURCES_DIR / "naming"


def read_naming(source: str | Path = "ukraine_security") -> Dictionary:
    """Read a file of competing names for the same things (a shipped name or a path).

    The YAML file maps ``concepts`` to names and each name to its patterns (as in a
    dictionary: words, globs, phrases, ``=Case``); see ``resources/naming/ukraine_security.yml``.

    Returns:
        A Dictionary whose categories are the names; ``categories[name]`` is the concept.

    Raises:
        DictionaryError: the file is missing or malformed (the message names the concept and
            name, and the fix).

    >>> naming = read_naming()
    >>> naming.categories["peacekeeping force"]
    'the proposed force in Ukraine'
    """
    path = Path(source)
    if not path.exists():
        path = NAMING_DIR / f"{source}.yml"
    if not path.exists():
        shipped = sorted(p.stem for p in NAMING_DIR.glob("*.yml"))
        raise DictionaryError(f"naming file {source!r} not found; pass a path or one of {shipped}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise DictionaryError(f"{path}: not valid YAML ({err}); see the shipped naming file for the format") from None
    concepts = data.get("concepts") if isinstance(data, dict) else None
    if not isinstance(concepts, dict) or not concepts:
        raise DictionaryError(f"{path}: needs a 'concepts' key mapping each concept to {{name: [patterns]}}")
    mapping, concept_of = {}, {}
    for concept, names in concepts.items():
        if not isinstance(names, dict) or not names:
            raise DictionaryError(f"{path}: concept {concept!r} must map names to lists of patterns")
        for name, patterns in names.items():
            if name in concept_of:
                raise DictionaryError(
                    f"{path}: name {name!r} appears under {concept_of[name]!r} and {concept!r}; rename one"
                )
            if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
                raise DictionaryError(f"{path}: concept {concept!r}, name {name!r}: patterns must be a list of strings")
            mapping[str(name)], concept_of[str(name)] = patterns, str(concept)
    dictionary = Dictionary.from_mapping(mapping, name=str(data.get("name", path.stem)))
    return dataclasses.replace(
        dictionary, categories=concept_of, path=str(path), description=str(data.get("description", ""))
    )


def match_naming(sentences: pd.DataFrame, *, naming: str | Path | Dictionary = "ukraine_security") -> pd.DataFrame:
    """Find the competing names in sentences: ``doc_id, sent_id, concept, name, term, start, end``.

    Within a concept, overlapping names count once, the longest first: "coalition of the
    willing" is not also "coalition".

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                       "text": ["The coalition of the willing met in Kiev."]})
    >>> match_naming(sents)[["concept", "name"]].values.tolist()
    [['the states offering support', 'coalition of the willing'], ['the capital of Ukraine', 'Kiev']]
    """
    naming = naming if isinstance(naming, Dictionary) else read_naming(naming)
    hits = match_dictionary(sentences, naming, negation=False).rename(columns={"category": "name"})
    hits["concept"] = hits["name"].map(naming.categories)
    hits = hits.assign(length=hits["end"] - hits["start"]).sort_values(
        ["doc_id", "concept", "length", "start"], ascending=[True, True, False, True]
    )
    keep, taken = [], {}
    for index, doc_id, concept, start, end in zip(
        hits.index, hits["doc_id"], hits["concept"], hits["start"], hits["end"]
    ):
        spans = taken.setdefault((doc_id, concept), [])
        if not any(start < e and s < end for s, e in spans):
            spans.append((start, end))
            keep.append(index)
    columns = ["doc_id", "sent_id", "concept", "name", "term", "start", "end"]
    return hits.loc[keep, columns].sort_values(["doc_id", "start"], ignore_index=True)


def count_naming(
    sentences: pd.DataFrame,
    *,
    naming: str | Path | Dictionary = "ukraine_security",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    naming_hits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which group uses which name: hits per 10,000 words and share within the concept.

    Args:
        sentences: the sentence table (words are counted in it).
        naming: a naming file's shipped name, a path, or :func:`read_naming` output.
        by, corpus: the grouping column, joined from ``corpus`` if the sentences lack it; a
            document without a value is in the group ``"(missing)"``.
        naming_hits: precomputed :func:`match_naming` output.

    Returns:
        ``group, concept, name, hits, n_words, per_10k, share_of_concept`` for every group and
        name (zeros included); ``per_10k`` is hits per 10,000 words, ``share_of_concept`` the
        name's hits / all hits of its concept in the group.
    """
    naming = naming if isinstance(naming, Dictionary) else read_naming(naming)
    naming_hits = match_naming(sentences, naming=naming) if naming_hits is None else naming_hits
    grouped = attach_groups(sentences, by, documents=corpus)
    words = grouped.assign(n_words=grouped["text"].map(count_words)).groupby("group")["n_words"].sum()
    group_of = grouped.drop_duplicates("doc_id").set_index("doc_id")["group"]
    hits = naming_hits.assign(group=naming_hits["doc_id"].map(group_of))
    names = pd.DataFrame({"name": list(naming.categories), "concept": list(naming.categories.values())})
    grid = pd.DataFrame({"group": words.index}).merge(names, how="cross")
    counts = hits.groupby(["group", "name"]).size().rename("hits").reset_index()
    table = grid.merge(counts, on=["group", "name"], how="left").fillna({"hits": 0}).astype({"hits": "int64"})
    table["n_words"] = table["group"].map(words).astype("int64")
    table["per_10k"] = 10_000 * table["hits"] / table["n_words"].where(table["n_words"] > 0)
    concept_total = table.groupby(["group", "concept"])["hits"].transform("sum")
    table["share_of_concept"] = table["hits"] / concept_total.where(concept_total > 0)
    return table[["group", "concept", "name", "hits", "n_words", "per_10k", "share_of_concept"]]
