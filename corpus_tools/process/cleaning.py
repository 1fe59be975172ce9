"""Cleaning through the cache: the cleaner :func:`corpus_tools.process.read_processed` gives
:func:`corpus_tools.read_corpus`. Each document's cleaning is keyed by its text, title and the
site template lines it holds; the documents the cache lacks are cleaned on every core
(:func:`corpus_tools.process.stages.clean_partition`), the others read back. The raw texts are
read from the corpus table a partition at a time and the audit stays in the cache until it is
used (:class:`corpus_tools.process.store.StoredAudit`), so the process holds one copy of each
text.

>>> _unique_keys(["a", "b", "a"])[:2]
['a', 'b']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa

from corpus_tools.clean import list_repeated_lines
from corpus_tools.clean.documents import _assemble_cleaned, _digest, _given_titles
from corpus_tools.clean.lines import _key
from corpus_tools.process import stages
from corpus_tools.process.engine import release_memory, run_tasks
from corpus_tools.process.keys import hash_code, hash_values
from corpus_tools.process.store import KEY, StoredAudit

if TYPE_CHECKING:
    from corpus_tools.process.build import ProcessedCorpus

__all__: list[str] = []


def _unique_keys(keys: list[str]) -> list[str]:
    """Keys made unique: a repeated one (two identical rows of a table) gets its occurrence number."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(key if n == 0 else hash_values(key, n))
    return out


def _strings(column: pd.Series, size: int = 2000):
    """The values of a text column as strings ("" for a missing one), read ``size`` rows at a time."""
    for begin in range(0, len(column), size):
        yield from (r if isinstance(r, str) else "" for r in column.iloc[begin : begin + size].tolist())


def _one_chunk(column: pd.Series):
    """The values of a column read from the cache's files as one Arrow chunk (it has one per file;
    filtering a table joins a text column's chunks every time, a copy of every text: once here)."""
    values = column.array
    arrow = values.__arrow_array__() if hasattr(values, "__arrow_array__") else None
    if arrow is None or not isinstance(arrow, pa.ChunkedArray) or arrow.num_chunks <= 1:
        return values
    return pa.chunked_array([arrow.combine_chunks()]).to_pandas().array


def _cleaner(processed: ProcessedCorpus, languages: dict, signatures: dict | None = None):
    """A cleaner for :func:`corpus_tools.read_corpus` that reads unchanged documents' cleaning from
    the cache and cleans the others (same results as :func:`corpus_tools.clean.clean_corpus_audited`);
    the language and MinHash signature of each clean text, found with the cleaning, are put in
    ``languages`` and ``signatures``, keyed by :func:`_digest` of the text."""

    def clean(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        release_memory()  # reading the files freed several times the texts' size, in pages still held
        column = frame["raw_text"]  # the raw texts are read from it a chunk at a time, never all listed
        repeated = list_repeated_lines(_strings(column))
        given = _given_titles(frame)
        doc_ids = frame["doc_id"].tolist()
        keys = _unique_keys(
            [
                hash_values(str(d), raw, title, sorted({_key(line) for line in raw.splitlines()} & repeated))
                for d, raw, title in zip(doc_ids, _strings(column), given)
            ]
        )
        code = hash_code("clean")
        docs_store, audit_store = processed._store("clean", code), processed._store("audit", code)
        for _attempt in range(2):
            missing = set(docs_store.read_missing(keys)) | set(audit_store.read_missing(keys))
            todo = [i for i, k in enumerate(keys) if k in missing]
            size = processed.partition_size
            chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
            tasks = (  # made as the workers take them: a partition's raw texts are listed in its turn
                (
                    [keys[i] for i in c],
                    [doc_ids[i] for i in c],
                    list(_strings(column.iloc[c])),
                    [given[i] for i in c],
                    repeated,
                )
                for c in chunks
            )
            results = run_tasks(
                stages.clean_partition,
                tasks,
                jobs=processed.jobs,
                scheduler=processed.scheduler,
                progress=processed.progress,
                desc="clean",
                total=len(chunks),
            )
            for chunk, (docs_rows, audit_rows) in zip(chunks, results, strict=True):  # the workers end here
                chunk_keys = [keys[i] for i in chunk]
                audit_store.write_partition(audit_rows, keys=chunk_keys)
                docs_store.write_partition(docs_rows, keys=chunk_keys)
            processed.built["clean"] = processed.built.get("clean", 0) + len(todo)
            rows = (
                docs_store.read_rows(keys)
                if keys
                else pd.DataFrame(columns=[KEY, "text", "found_title", "found_date", "language", "signature"])
            )
            if rows is not None:
                break
        release_memory()  # what the workers' results and the cache's tables left
        dates = [pd.Timestamp(d) if isinstance(d, str) else None for d in rows["found_date"]]
        titles = [t if isinstance(t, str) else None for t in rows["found_title"]]
        digests = [_digest(t) for t in rows["text"]]  # not the texts: they stay in the table's Arrow array
        languages.update(zip(digests, rows["language"]))
        if signatures is not None:
            signatures.update(zip(digests, rows["signature"]))
        texts = _one_chunk(rows["text"])
        del rows
        cleaned = _assemble_cleaned(frame, texts, titles, dates)
        audit = StoredAudit(audit_store.folder, keys)  # read when first used (LoadedCorpus.audit)
        return cleaned, audit

    return clean
