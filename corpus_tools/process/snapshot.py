"""The loaded corpus as a whole, cached: read again without reading or cleaning a file.

What :func:`corpus_tools.read_corpus` returns (documents, load log, cleaning audit, files) is
kept as Parquet under a fingerprint of its inputs: every file of the corpus (path, size and
modification time), the metadata (its bytes), the loading options and the code of the loading
stages. An unchanged corpus is then read back from four Parquet files; anything changed falls
back to reading the corpus (each document's cleaning still comes from the per-document cache).
Only the latest snapshot of a corpus is kept. A file edited without changing its size or its
modification time is not noticed: ``touch`` it.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "a.txt").write_text("Hello.", encoding="utf-8")
6
>>> hash_inputs(folder, None, {}) == hash_inputs(folder, None, {}), len(hash_inputs(folder, None, {}))
(True, 32)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from corpus_tools.corpus import LoadedCorpus
from corpus_tools.io import CorpusWarning
from corpus_tools.process import keys
from corpus_tools.process.keys import hash_code, hash_values
from corpus_tools.process.store import PartitionStore, StoredAudit

__all__ = ["hash_inputs", "read_snapshot", "write_snapshot"]

_PARTS = ("documents", "log", "files")  # and audit.json: where the cache holds the audit's rows
_DTYPES = b"corpus_tools.dtypes"
#: Rows per Parquet row group of a snapshot: reading decodes a group at a time, so the memory it
#: needs beyond the table is that of a group's texts, not of a whole column's (about 0.8 GB of
#: them at 100,000 articles).
ROW_GROUP_SIZE = 2000


def _read_table(path: Path) -> pd.DataFrame:
    """A table as it was written: columns of Python objects (strings and None) stay ``object``."""
    table = pq.read_table(path, memory_map=True)  # the file's pages, not a copy of them, while decoding
    dtypes = json.loads(table.schema.metadata[_DTYPES])
    frame = table.to_pandas()
    for col, dtype in dtypes.items():
        if dtype == "object" and str(frame[col].dtype) != "object":
            frame[col] = pd.Series(table.column(col).to_pylist(), index=frame.index, dtype=object)
        elif str(frame[col].dtype) != dtype:
            frame[col] = frame[col].astype(dtype)
    return frame


def _stat_listing(path: Path) -> list:
    """``(relative path, size, modification time)`` of every file under ``path`` (links followed)."""
    if not path.exists():
        return [str(path), "missing"]
    if path.is_file():
        st = path.stat()
        return [[path.name, st.st_size, st.st_mtime_ns]]
    rows = []
    for root, dirs, files in os.walk(path, followlinks=True):
        dirs.sort()
        for name in sorted(files):
            full = Path(root) / name
            try:
                st = full.stat()
                rows.append([str(full.relative_to(path)), st.st_size, st.st_mtime_ns])
            except OSError:  # a dangling link: listed as such
                rows.append([str(full.relative_to(path)), "unreadable"])
    return rows


def _metadata_hash(metadata) -> str:
    if metadata is None:
        return "none"
    if isinstance(metadata, pd.DataFrame):
        values = pd.util.hash_pandas_object(metadata, index=True).to_numpy().tobytes()
        return hashlib.sha256(values + repr(list(metadata.columns)).encode()).hexdigest()
    path = Path(metadata)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else f"missing {path}"


def hash_inputs(path: str | Path, metadata, options: dict) -> str:
    """The fingerprint of a corpus's inputs: its files' paths, sizes and modification times, the
    metadata's content, the loading ``options`` and the loading code."""
    path = Path(path)
    return hash_values(str(path.resolve()), _stat_listing(path), _metadata_hash(metadata), options, hash_code("corpus"))


def _folder(cache_dir: Path, path: str | Path, options: dict) -> Path:
    return cache_dir / f"v{keys.CACHE_VERSION}" / "corpus" / hash_values(str(Path(path).resolve()), options)


def read_snapshot(cache_dir: Path, path: str | Path, options: dict, key: str) -> LoadedCorpus | None:
    """The cached loaded corpus of this fingerprint, or None; its load log is warned again (as
    :func:`corpus_tools.read_corpus` warns it). A snapshot that cannot be read is reported and removed."""
    folder = _folder(cache_dir, path, options) / key
    if not folder.is_dir():
        return None
    try:
        parts = {name: _read_table(folder / f"{name}.parquet") for name in _PARTS}
        audit = _stored_audit(cache_dir, folder)  # its rows are read when first used
        if audit is None:
            return None
        source = (folder / "source.txt").read_text(encoding="utf-8")
    except Exception as error:  # noqa: BLE001 - any unreadable snapshot is rebuilt, with its reason
        warnings.warn(
            f"{folder}: cache file cannot be read ({type(error).__name__}: {error}); "
            "the corpus is read again and the snapshot replaced",
            CorpusWarning,
            stacklevel=3,
        )
        shutil.rmtree(folder, ignore_errors=True)
        return None
    for row in parts["log"].itertuples():
        warnings.warn(f"{row.source}: {row.issue}; {row.action}", CorpusWarning, stacklevel=3)
    return LoadedCorpus(parts["documents"], parts["log"], audit, source, parts["files"])


def _stored_audit(cache_dir: Path, folder: Path) -> StoredAudit | None:
    """The snapshot's audit: the cache's audit rows of its documents (``audit.json`` lists their
    folder and keys); None when the cache no longer holds them all (reading the corpus cleans
    those documents again)."""
    info = json.loads((folder / "audit.json").read_text(encoding="utf-8"))
    audit = StoredAudit(cache_dir / info["folder"], info["keys"])
    return None if PartitionStore(audit.folder).read_missing(audit.keys) else audit


def write_snapshot(cache_dir: Path, path: str | Path, options: dict, key: str, loaded: LoadedCorpus) -> bool:
    """Keep ``loaded`` (read through the cache: its audit a :class:`StoredAudit`, listed, not read)
    as the snapshot of this fingerprint (replacing older ones of the corpus). Returns False when a
    table cannot be stored as Parquet (mixed types in a column): then the corpus is read from its
    files every time, with each document's cleaning from the cache."""
    base = _folder(cache_dir, path, options)
    tmp = base / f".tmp-{uuid.uuid4().hex}"
    try:
        tmp.mkdir(parents=True)
        audit = loaded.__dict__["_audit"]
        info = {"folder": audit.folder.relative_to(cache_dir).as_posix(), "keys": audit.keys}
        (tmp / "audit.json").write_text(json.dumps(info), encoding="utf-8")
        tables = {"documents": loaded.documents, "log": loaded.log, "files": loaded.files}
        for name, frame in tables.items():
            table = pa.Table.from_pandas(frame, preserve_index=False)
            dtypes = json.dumps({str(c): str(t) for c, t in frame.dtypes.items()}).encode()
            table = table.replace_schema_metadata({**(table.schema.metadata or {}), _DTYPES: dtypes})
            pq.write_table(table, tmp / f"{name}.parquet", row_group_size=ROW_GROUP_SIZE)
        (tmp / "source.txt").write_text(loaded.source, encoding="utf-8")
    except (pa.ArrowException, TypeError, ValueError, OSError):
        shutil.rmtree(tmp, ignore_errors=True)
        return False
    for old in base.iterdir():
        if old != tmp:
            shutil.rmtree(old, ignore_errors=True)
    tmp.rename(base / key)
    return True
