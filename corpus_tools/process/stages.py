"""The per-document work of each processing stage, run on partitions by :mod:`.engine`.

Each ``*_partition`` function takes one partition (plain lists and tables, so it can be sent to
another process or a Dask worker) and returns the rows to cache, each with its document's key.
They call the package's public functions (:func:`corpus_tools.clean.clean_text`,
:func:`corpus_tools.split_sentences`, :func:`corpus_tools.sentiment.score_sentences`,
:func:`corpus_tools.framing.match_frames`, :func:`corpus_tools.keywords.count_terms`), so the
cache holds exactly what they return.

>>> docs = pd.DataFrame({"_key": ["k"], "doc_id": ["a"], "text": ["One. Two."]})
>>> split_partition(docs)[["_key", "sent_id", "text"]].values.tolist()
[['k', 0, 'One.'], ['k', 1, 'Two.']]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from corpus_tools.clean import RULES, clean_text
from corpus_tools.clean.documents import AUDIT_COLUMNS
from corpus_tools.clean.duplicates import hash_minhash
from corpus_tools.framing import match_frames
from corpus_tools.io.language import label_languages
from corpus_tools.keywords import count_terms
from corpus_tools.process.store import KEY, PartitionStore
from corpus_tools.segment import split_sentences
from corpus_tools.sentiment import score_sentences

__all__ = [
    "clean_partition",
    "split_partition",
    "score_partition",
    "match_partition",
    "count_partition",
    "build_partition",
]

#: Documents of a partition taken through every stage at a time by :func:`build_partition`:
#: their sentences stay in the token cache (:func:`corpus_tools.tokens._cached_tokens`) while
#: each lexicon and the frame dictionary read them.
BATCH_SIZE = 128


def clean_partition(task: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean the documents of one partition: ``(keys, doc_ids, raws, titles, repeated)``.

    Returns:
        One row per document (``_key, text, found_title, found_date, language, signature``: the
        date as ISO text, the language of the clean text as
        :func:`corpus_tools.io.language.label_languages` gives it, its MinHash signature as
        :func:`corpus_tools.clean.duplicates.hash_minhash` gives it) and the audit rows (``_key``
        and :data:`corpus_tools.clean.AUDIT_COLUMNS`).
    """
    keys, doc_ids, raws, titles, repeated = task
    docs, audit = [], []
    for key, doc_id, raw, title in zip(keys, doc_ids, raws, titles):
        result = clean_text(raw, repeated_keys=repeated, title=title)
        date = result.date.isoformat() if result.date is not None and not pd.isna(result.date) else None
        language = label_languages([result.text])[0]
        docs.append((key, result.text, result.title, date, language, hash_minhash(result.text)))
        audit.extend(
            (key, doc_id, e.start, e.end, e.original, e.replacement, e.rule, RULES[e.rule]) for e in result.edits
        )
    columns = [KEY, "text", "found_title", "found_date", "language", "signature"]
    docs_frame = pd.DataFrame(docs, columns=columns).astype({"found_title": object, "found_date": object})
    audit_frame = pd.DataFrame(audit, columns=[KEY, *AUDIT_COLUMNS]).astype({"start": "int64", "end": "int64"})
    return docs_frame, audit_frame


def split_partition(docs: pd.DataFrame) -> pd.DataFrame:
    """The sentences of one partition's documents (``_key, doc_id, text``), with their keys."""
    columns = ["doc_id", "text"] + (["language"] if "language" in docs.columns else [])
    sentences = split_sentences(docs[columns])  # each document's own language's rules
    sentences.insert(0, KEY, sentences["doc_id"].map(dict(zip(docs["doc_id"], docs[KEY]))))
    return sentences


def score_partition(task: tuple) -> pd.DataFrame:
    """Sentence scores of one partition: ``(sentences, lexicon, overrides, lexicon_language)``."""
    sentences, lexicon, overrides, language = task
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the assembled table warns once, in the caller's process
        scores = score_sentences(
            sentences.drop(columns=[KEY]), lexicons=[lexicon], overrides=overrides, lexicon_language=language
        )
    scores.insert(0, KEY, sentences[KEY].to_numpy())  # one lexicon: one row per sentence, in order
    return scores


def match_partition(task: tuple) -> pd.DataFrame:
    """Frame hits of one partition: ``(sentences, dictionary, count_negated, languages)``;
    ``languages`` (``doc_id, language`` of the documents, or None to detect them) says which
    documents are in English (:func:`corpus_tools.framing.match_frames`'s ``corpus``)."""
    sentences, dictionary, count_negated, languages = task
    hits = match_frames(
        sentences.drop(columns=[KEY]), dictionary=dictionary, count_negated=count_negated, corpus=languages
    )
    keys = dict(zip(sentences["doc_id"], sentences[KEY]))
    hits.insert(0, KEY, hits["doc_id"].map(keys))
    return hits


def count_partition(task: tuple) -> pd.DataFrame:
    """Term counts of one partition: ``(documents, options)``, as a long table ``_key, term, n``
    (only the terms a document has: the counts stay sparse)."""
    docs, options = task
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # warnings are given once, on the assembled counts
        counts = count_terms(docs.drop(columns=[KEY]), **options)
    coo = counts.matrix.tocoo()
    keys = docs[KEY].to_numpy()
    return pd.DataFrame(
        {KEY: keys[coo.row], "term": counts.terms[coo.col].astype(object), "n": coo.data.astype(np.int64)}
    )


def build_partition(task: tuple) -> dict[str, pd.DataFrame | None]:
    """Every asked stage of one partition in one pass:
    ``(documents, lexicons, frames, count_options[, targets])``.

    ``documents`` has ``_key`` (the document's key in the sentence-level stores), ``_count_key``
    (its key in the counts store), ``doc_id``, ``text`` and ``language``; ``lexicons`` is a list of
    ``(lexicon, overrides, lexicon_language)``; ``frames`` is ``(dictionary, count_negated)`` or
    None; ``count_options`` are :func:`corpus_tools.keywords.count_terms` options, a list of such
    options (each counted on its own), or None.
    ``targets`` (optional) maps a stage to ``(folder, keys)``: the rows of those keys are written
    to that stage's cache folder here (a worker sharing the cache's disk), and not returned.

    Returns:
        Per stage, the rows its own function gives (None when not asked, or written):
        ``sentences`` (:func:`split_partition`), ``scores0``, ``scores1``... (one per lexicon,
        :func:`score_partition`), ``frames`` (:func:`match_partition`) and ``counts``
        (:func:`count_partition`, keyed by ``_count_key``; ``counts1``, ``counts2``... for further
        sets of options). The documents go through every stage
        :data:`BATCH_SIZE` at a time, so each sentence is split into words once for every
        lexicon and the frames.
    """
    docs, lexicons, frames, count_options, *rest = task
    count_sets = [] if count_options is None else [count_options] if isinstance(count_options, dict) else count_options
    count_names = [f"counts{i}" if i else "counts" for i in range(len(count_sets))]
    names = ["sentences", *(f"scores{i}" for i in range(len(lexicons))), "frames", "counts", *count_names[1:]]
    out: dict[str, list] = {name: [] for name in names}
    for begin in range(0, max(len(docs), 1), BATCH_SIZE):
        batch = docs.iloc[begin : begin + BATCH_SIZE].reset_index(drop=True)
        sentences = split_partition(batch[[KEY, "doc_id", "text", "language"]])
        out["sentences"].append(sentences)
        for i, (lexicon, overrides, language) in enumerate(lexicons):
            out[f"scores{i}"].append(score_partition((sentences, lexicon, overrides, language)))
        if frames is not None:
            dictionary, count_negated = frames
            out["frames"].append(match_partition((sentences, dictionary, count_negated, batch[["doc_id", "language"]])))
        if count_sets:
            keyed = batch[["_count_key", "doc_id", "text", "language"]].rename(columns={"_count_key": KEY})
            for name, options in zip(count_names, count_sets):
                out[name].append(count_partition((keyed, options)))
    found = {name: pd.concat(parts, ignore_index=True) if parts else None for name, parts in out.items()}
    if not rest:
        return found
    for name, (folder, keys) in rest[0].items():
        rows = found[name]
        PartitionStore(folder).write_partition(rows[rows[KEY].isin(set(keys))], keys=keys)
    return dict.fromkeys(found)
