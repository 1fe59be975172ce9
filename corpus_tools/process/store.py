"""The cache on disk: one folder per stage and parameters, Parquet files of processed documents.

A stage's folder (``<cache_dir>/v<CACHE_VERSION>/<stage>/<parameters hash>/``) holds Parquet
files written as partitions finish (streaming: a partition's rows are on disk before the next
one is processed). Every row carries the key of its document (``_key``); a file's metadata lists
every key it covers, so a document with no rows (no frame hits, no sentences) is known to be done.
A build adds files for the documents it processed and never rewrites the others: adding
documents processes only those, and a changed document gets a new key. A file that cannot be
read (cut short, or written by another version) is reported with a warning and its documents
are processed again.

>>> import tempfile
>>> import pandas as pd
>>> store = PartitionStore(Path(tempfile.mkdtemp()) / "stage")
>>> store.write_partition(pd.DataFrame({"_key": ["k1", "k1"], "x": [1, 2]}), keys=["k1", "k2"])
>>> sorted(store.read_index()), store.read_rows(["k2", "k1"])["x"].tolist()
(['k1', 'k2'], [1, 2])
"""

from __future__ import annotations

import json
import uuid
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from corpus_tools.io import CorpusWarning
from corpus_tools.process import keys

__all__ = ["PartitionStore", "StoredAudit", "KEY"]

#: The column holding each row's document key.
KEY = "_key"
_META = b"corpus_tools.cache"


class PartitionStore:
    """The Parquet files of one stage and parameter set.

    Args:
        folder: the stage's folder (created on the first write).
    """

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._index: dict[str, Path] | None = None
        self._sizes: dict[Path, int] = {}  # the number of keys each file covers

    def read_index(self) -> dict[str, Path]:
        """Every key the folder covers, with the file that holds its rows (unreadable files are
        reported and left out, so their documents are processed again)."""
        if self._index is None:
            index: dict[str, Path] = {}
            for path in sorted(self.folder.glob("part-*.parquet")) if self.folder.is_dir() else []:
                keys = self._read_keys(path)
                self._sizes[path] = len(keys or ())
                for key in keys or ():
                    index.setdefault(key, path)
            self._index = index
        return self._index

    def _read_keys(self, path: Path) -> list[str] | None:
        try:
            meta = pq.read_schema(path).metadata or {}
            info = json.loads(meta[_META])
        except Exception as error:  # noqa: BLE001 - any unreadable file is rebuilt, with its reason
            _warn_unreadable(path, error)
            path.unlink(missing_ok=True)
            return None
        if info.get("version") != keys.CACHE_VERSION:
            return None  # another layout: ignored, never read
        return info["keys"]

    def read_missing(self, keys: list[str]) -> list[str]:
        """The keys among ``keys`` that no file covers yet (in the order given)."""
        index = self.read_index()
        return [k for k in dict.fromkeys(keys) if k not in index]

    def write_partition(self, frame: pd.DataFrame, *, keys: list[str]) -> None:
        """Write one partition: ``frame`` (rows with a ``_key`` column) covering ``keys``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        info = json.dumps({"version": _version(), "keys": list(keys)})
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), _META: info.encode()})
        name = f"part-{uuid.uuid4().hex}.parquet"
        tmp = self.folder / f".{name}.tmp"
        pq.write_table(table, tmp)
        tmp.replace(self.folder / name)  # never a half-written file under a partition's name
        self._sizes[self.folder / name] = len(keys)
        if self._index is not None:
            for key in keys:
                self._index.setdefault(key, self.folder / name)

    def read_rows(self, keys: list[str], *, categories: tuple[str, ...] = ()) -> pd.DataFrame | None:
        """The rows of ``keys``, in the order of ``keys`` (each key's rows in their written order);
        None when a file fails to read (it is reported; build again to replace it).

        The files are read, filtered and ordered as Arrow tables; ``_key`` (and the columns of
        ``categories``) come back as pandas categoricals, one string per distinct value rather
        than one per row (millions of rows: term counts, sentences).
        """
        index = self.read_index()
        order = list(dict.fromkeys(keys))
        wanted: dict[Path, list[str]] = {}
        for key in order:
            wanted.setdefault(index[key], []).append(key)
        tables, first = [], None
        for path, file_keys in wanted.items():
            try:
                table = pq.read_table(path, read_dictionary=[KEY, *categories])
            except Exception as error:  # noqa: BLE001
                _warn_unreadable(path, error)
                self._drop(path)
                return None
            first = table if first is None else first
            if table.num_rows and len(file_keys) < self._sizes.get(path, 0):  # some of its documents only
                table = table.filter(pc.is_in(table[KEY], value_set=pa.array(file_keys, pa.string())))
            if table.num_rows:  # (a file of documents without rows has nothing to read)
                tables.append(table)
        if first is None:
            return None
        if not tables:
            return first.to_pandas()
        table = pa.concat_tables(tables, promote_options="permissive").unify_dictionaries()  # an empty file's nulls
        del tables
        value_set = pa.array(order, pa.string())
        position = pa.chunked_array(
            [pc.take(pc.index_in(chunk.dictionary, value_set=value_set), chunk.indices) for chunk in table[KEY].chunks],
            pa.int32(),
        )
        steps = pc.min(pc.pairwise_diff(position.combine_chunks())).as_py() if len(position) > 1 else None
        if steps is not None and steps < 0:  # the files' rows are not yet in the order of ``keys``
            table = table.take(pc.sort_indices(position))  # stable: a key's rows keep their written order
        return table.to_pandas()

    def _drop(self, path: Path) -> None:
        """Forget and remove an unreadable file, so the next build processes its documents."""
        path.unlink(missing_ok=True)
        self._index = None


class StoredAudit:
    """The cleaning audit of a corpus's documents, kept in the cache's audit folder and read when
    called (:class:`corpus_tools.corpus.LoadedCorpus` calls it when its ``audit`` is first used):
    millions of rows at 100,000 articles, which processing never needs in memory.

    Args:
        folder: the audit stage's folder.
        keys: the cleaning key of each document, in the corpus's order.
    """

    def __init__(self, folder: Path, keys: list[str]):
        self.folder, self.keys = Path(folder), list(keys)

    def __call__(self) -> pd.DataFrame:
        from corpus_tools.clean.documents import AUDIT_COLUMNS

        store = PartitionStore(self.folder)
        rows = store.read_rows(self.keys) if self.keys and not store.read_missing(self.keys) else None
        if rows is None and self.keys:
            raise RuntimeError(
                f"{self.folder}: the cached cleaning audit is missing or cannot be read (the cache was changed "
                "or removed since this corpus was read); read the corpus again (ct.read_processed), which "
                "cleans the documents concerned again"
            )
        if rows is None or rows.empty:
            return pd.DataFrame(columns=AUDIT_COLUMNS)
        return rows.drop(columns=[KEY])[AUDIT_COLUMNS]


def _version() -> int:
    return keys.CACHE_VERSION


def _warn_unreadable(path: Path, error: Exception) -> None:
    warnings.warn(
        f"{path}: cache file cannot be read ({type(error).__name__}: {error}); "
        "its documents are processed again and the file replaced",
        CorpusWarning,
        stacklevel=4,
    )
