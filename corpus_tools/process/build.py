"""Process a corpus once into the cache; read it back as a :class:`ProcessedCorpus`.

:func:`build_processed` reads the corpus files (:func:`corpus_tools.io.read_documents`), cleans
the documents not yet in the cache, and splits, scores, matches and counts what is asked; every
per-document stage runs on partitions (``jobs`` local processes, or a Dask cluster with
``scheduler``) and is written to Parquet as each partition finishes. :func:`read_processed` is
the same call for a notebook: what is cached is read, what is missing is built.

An unchanged corpus (same files, sizes and modification times, same metadata) is read back whole
from a snapshot (:mod:`.snapshot`). When anything changed, what looks across documents is
recomputed from the cached per-document results: the site template lines
(:func:`corpus_tools.clean.list_repeated_lines`; the template lines a document contains are part
of its cleaning key, so a new template line re-cleans only the documents that have it), the
metadata join, dates, languages and the duplicate articles
(:func:`corpus_tools.clean.attach_duplicates`, MinHash over the clean texts).

>>> import tempfile
>>> from corpus_tools.config import SEEDS_DIR
>>> processed = read_processed(SEEDS_DIR, cache_dir=tempfile.mkdtemp(), jobs=1, progress=False)
>>> len(processed.documents), list(processed.sentences.columns[:3])
(5, ['doc_id', 'sent_id', 'start'])
>>> processed.built["clean"]
5
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from corpus_tools import config
from corpus_tools.clean.documents import _digest
from corpus_tools.clean.duplicates import hash_minhash
from corpus_tools.corpus import LoadedCorpus, read_corpus
from corpus_tools.framing import read_frames
from corpus_tools.groups import attach_groups
from corpus_tools.io.documents import MAX_BYTES
from corpus_tools.io.language import label_languages
from corpus_tools.keywords import TermCounts, count_terms
from corpus_tools.keywords.counts import _english_rows
from corpus_tools.process import stages
from corpus_tools.process.cleaning import _cleaner
from corpus_tools.process.engine import release_memory, run_tasks
from corpus_tools.process.keys import CACHE_VERSION, hash_code, hash_source, hash_values
from corpus_tools.process.snapshot import hash_inputs, read_snapshot, write_snapshot
from corpus_tools.process.store import KEY, PartitionStore
from corpus_tools.segment import split_sentences
from corpus_tools.sentiment.lexicons import _lexicon_list
from corpus_tools.sentiment.scores import _in_language

__all__ = ["ProcessedCorpus", "build_processed", "read_processed", "PARTITION_SIZE"]

#: Documents per partition: the unit of work sent to a process and of each cache file.
PARTITION_SIZE = 500


@dataclass
class ProcessedCorpus:
    """A corpus read through the cache: the loaded corpus and its processed stages.

    Attributes:
        loaded: the :class:`corpus_tools.corpus.LoadedCorpus` (as :func:`corpus_tools.read_corpus`).
        cache_dir: the cache folder.
        built: per stage, the number of documents processed (not read from the cache) so far.
    """

    loaded: LoadedCorpus
    cache_dir: Path
    jobs: int | None = None
    scheduler: object = None
    progress: bool = True
    partition_size: int = PARTITION_SIZE
    built: dict = field(default_factory=dict)

    @property
    def all_documents(self) -> pd.DataFrame:
        """Every document, stubs and duplicate copies included (``read_corpus(...).documents``)."""
        return self.loaded.documents

    @functools.cached_property
    def documents(self) -> pd.DataFrame:
        """The documents analyses use, exactly as :func:`corpus_tools.load_corpus` returns them
        (``"ok"`` documents, one copy of each duplicate)."""
        docs = self.loaded.documents
        return _kept_rows(docs, (docs["status"].eq("ok") & docs["duplicate_of"].isna()).to_numpy())

    @property
    def log(self) -> pd.DataFrame:
        """What the loader warned about: ``source, issue, action``."""
        return self.loaded.log

    @property
    def audit(self) -> pd.DataFrame:
        """Every cleaning edit (:func:`corpus_tools.clean.clean_audit`)."""
        return self.loaded.audit

    @property
    def files(self) -> pd.DataFrame:
        """The load report: one row per file seen, loaded or skipped with the reason."""
        return self.loaded.files

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        """The sentences of :attr:`documents`, as :func:`corpus_tools.split_sentences` gives them."""
        return self.split_sentences(self.documents)

    def split_sentences(self, documents: pd.DataFrame | None = None) -> pd.DataFrame:
        """The sentences of ``documents`` (default :attr:`documents`; :attr:`all_documents` for
        every document), read from the cache: as :func:`corpus_tools.split_sentences`."""
        docs = self.documents if documents is None else documents
        keys = self._sentence_keys(docs)
        store = self._store("sentences", hash_code("sentences"))
        frame = docs[["doc_id", "text", *(["language"] if "language" in docs.columns else [])]].assign(**{KEY: keys})
        return self._read(
            store,
            keys,
            lambda: split_sentences(docs.iloc[:0]),
            build=lambda: self._build(store, "sentences", frame, lambda part: part, stages.split_partition),
        )

    def score_sentences(
        self,
        *,
        lexicons: Sequence | str = ("vader",),
        overrides: dict | None = None,
        lexicon_language: str = "en",
    ) -> pd.DataFrame:
        """Scores of :attr:`sentences`, as ``corpus_tools.sentiment.score_sentences(sentences, ...)``
        gives them (same arguments); each lexicon is cached on its own."""
        sentences = self.sentences
        _in_language(sentences, lexicon_language, "sentiment", f"scored by the {lexicon_language} lexicons")
        keys = self._sentence_keys(self.documents)
        parts = []
        for lexicon, lex in zip(_as_list(lexicons), _lexicon_list(lexicons, overrides)):
            store = self._scores_store(lexicon, lex, overrides, lexicon_language)

            def build(store=store, lexicon=lexicon):
                self._build_sentence_stage(
                    store, "scores", keys, lambda part: (part, lexicon, overrides, lexicon_language)
                )

            def empty(lexicon=lexicon):
                task = (sentences.iloc[:0].assign(**{KEY: ""}), lexicon, overrides, lexicon_language)
                return stages.score_partition(task).drop(columns=[KEY])

            parts.append(self._read(store, keys, empty, build=build))
        return pd.concat(parts, ignore_index=True)

    def match_frames(self, *, dictionary="generic", count_negated: bool = True) -> pd.DataFrame:
        """Frame hits in :attr:`sentences`, as ``corpus_tools.framing.match_frames(sentences, ...,
        corpus=documents)`` (each document's ``language`` says whether it is matched)."""
        frames = read_frames(dictionary)
        languages = self.documents[["doc_id", "language"]] if "language" in self.documents.columns else None
        store = self._frames_store(frames, count_negated)
        keys = self._sentence_keys(self.documents)

        def empty():
            task = (self.sentences.iloc[:0].assign(**{KEY: ""}), frames, count_negated, languages)
            return stages.match_partition(task).drop(columns=[KEY])

        def make_task(part):
            return (
                part,
                frames,
                count_negated,
                None if languages is None else languages[languages["doc_id"].isin(part["doc_id"])],
            )

        return self._read(
            store, keys, empty, build=lambda: self._build_sentence_stage(store, "frames", keys, make_task)
        )

    def count_terms(self, *, by: str = "doc_id", **options) -> TermCounts:
        """Term counts of :attr:`documents`, as ``corpus_tools.keywords.count_terms(documents, by=by, ...)``
        (the same options); the cache holds each document's counts, sparse, grouped here by ``by``."""
        docs = self.documents
        options = _count_options(docs, options)
        _english_rows(docs, options.get("stopwords", "snowball"))  # the warning about other languages
        attach_groups(docs[list(dict.fromkeys(["doc_id", by]))], by)  # checks ``by``, warns about missing values
        store = self._counts_store(options)
        cols = ["doc_id", "text"] + (["language"] if "language" in docs.columns else [])
        keys = self._count_keys(docs)
        frame = docs[cols].assign(**{KEY: keys})
        rows = self._read(
            store,
            keys,
            lambda: pd.DataFrame({"term": pd.Series(dtype=object), "n": []}),
            build=lambda: self._build(store, "counts", frame, lambda part: (part, options), stages.count_partition),
            keep_key=True,
            categories=("term",),
        )
        codes, found = pd.factorize(rows["term"])  # hashing, not sorting, the millions of rows
        order = np.argsort(np.asarray(found, dtype=object), kind="stable")
        terms, rank = np.asarray(found, dtype=object)[order], np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        matrix = sparse.csr_matrix(
            (rows["n"].to_numpy(dtype=np.int64), (_positions(keys, rows[KEY]), rank[codes])),
            shape=(len(docs), len(terms)),
            dtype=np.int64,
        )
        groups = attach_groups(docs[list(dict.fromkeys(["doc_id", by]))], by)["group"].to_numpy(dtype=object)
        return TermCounts(matrix, docs["doc_id"].astype(str).to_numpy(dtype=object), terms.astype(object), groups, by)

    # -- the machinery -------------------------------------------------------------------------

    def _store(self, stage: str, param: str) -> PartitionStore:
        return PartitionStore(self.cache_dir / f"v{CACHE_VERSION}" / stage / param)

    def _scores_store(self, lexicon, lex, overrides, lexicon_language: str) -> PartitionStore:
        param = hash_values(hash_code("scores"), hash_source(lexicon), lex.name, overrides, lexicon_language)
        return self._store("scores", param)

    def _frames_store(self, frames, count_negated: bool) -> PartitionStore:
        return self._store("frames", hash_values(hash_code("frames"), hash_source(frames), count_negated))

    def _counts_store(self, options: dict) -> PartitionStore:
        return self._store("counts", hash_values(hash_code("counts"), _jsonable_options(options)))

    def _count_keys(self, docs: pd.DataFrame) -> list[str]:
        return [hash_values(k, lang) for k, lang in zip(self._sentence_keys(docs), _languages(docs))]

    def _build_together(self, *, lexicons, overrides, dictionary, count_options) -> None:
        """Build every asked stage the cache lacks in one pass per partition
        (:func:`corpus_tools.process.stages.build_partition`): the sentences are split once and
        read by every lexicon and the frames in the worker, never gathered here."""
        docs = self.documents
        keys = self._sentence_keys(docs)
        lexicons = _as_list(lexicons) if lexicons else []
        stores = {"sentences": (self._store("sentences", hash_code("sentences")), keys)}
        for i, (lexicon, lex) in enumerate(zip(lexicons, _lexicon_list(lexicons, overrides) if lexicons else [])):
            stores[f"scores{i}"] = (self._scores_store(lexicon, lex, overrides, "en"), keys)
        frames = read_frames(dictionary) if dictionary is not None else None
        if frames is not None:
            stores["frames"] = (self._frames_store(frames, True), keys)
        count_sets = (
            [] if count_options is None else [count_options] if isinstance(count_options, dict) else count_options
        )
        count_sets = [_count_options(docs, options) for options in count_sets]
        count_sets = list({hash_values(_jsonable_options(options)): options for options in count_sets}.values())
        count_keys = self._count_keys(docs) if count_sets else keys
        for i, options in enumerate(count_sets):
            stores[f"counts{i}" if i else "counts"] = (self._counts_store(options), count_keys)
        missing = {name: set(store.read_missing(k)) for name, (store, k) in stores.items()}
        todo = [i for i in range(len(docs)) if any(k[i] in missing[n] for n, (_, k) in stores.items())]
        languages = _languages(docs)
        chosen = docs[["doc_id", "text"]] if len(todo) == len(docs) else docs.iloc[todo][["doc_id", "text"]]
        frame = chosen.assign(
            **{KEY: [keys[i] for i in todo], "_count_key": [count_keys[i] for i in todo]},
            language=[languages[i] for i in todo],
        )
        frame = frame.drop_duplicates(KEY).reset_index(drop=True)
        parts = [frame.iloc[i : i + self.partition_size] for i in range(0, len(frame), self.partition_size)]
        spec = ([(lexicon, overrides, "en") for lexicon in lexicons], None if frames is None else (frames, True))
        count_options = count_sets or None

        def wanted(part: pd.DataFrame) -> dict[str, list[str]]:
            found = {
                n: [k for k in part["_count_key" if n.startswith("counts") else KEY] if k in missing[n]] for n in stores
            }
            return {name: keys for name, keys in found.items() if keys}

        wants = [wanted(part) for part in parts]

        def task(part: pd.DataFrame, want: dict[str, list[str]]) -> tuple:
            if self.scheduler is not None:  # a cluster's workers may not see the cache: rows come back
                return (part.reset_index(drop=True), *spec, count_options)
            targets = {name: (stores[name][0].folder, keys) for name, keys in want.items()}
            return (part.reset_index(drop=True), *spec, count_options, targets)

        results = run_tasks(
            stages.build_partition,
            (task(part, want) for part, want in zip(parts, wants)),
            jobs=self.jobs,
            scheduler=self.scheduler,
            progress=self.progress,
            desc="process",
        )
        for want, result in zip(wants, results, strict=True):  # strict: the pool closes before what follows
            for name, keys in want.items():
                if result[name] is not None:  # not written by the worker
                    rows = result[name]
                    stores[name][0].write_partition(rows[rows[KEY].isin(set(keys))], keys=keys)
        for name in stores:
            stage = name.rstrip("0123456789")
            self.built[stage] = self.built.get(stage, 0) + len(missing[name])  # per lexicon (and count options)

    def _sentence_keys(self, docs: pd.DataFrame) -> list[str]:
        return [hash_values(d, t) for d, t in zip(docs["doc_id"].astype(str), docs["text"].fillna(""))]

    def _build(self, store: PartitionStore, stage: str, frame: pd.DataFrame, make_task, fn) -> None:
        """Process the rows of ``frame`` whose ``_key`` the store lacks, partition by partition."""
        missing = set(store.read_missing(frame[KEY].tolist()))
        todo = frame[frame[KEY].isin(missing)].drop_duplicates(KEY)
        parts = [todo.iloc[i : i + self.partition_size] for i in range(0, len(todo), self.partition_size)]
        tasks = (make_task(part.reset_index(drop=True)) for part in parts)
        results = run_tasks(fn, tasks, jobs=self.jobs, scheduler=self.scheduler, progress=self.progress, desc=stage)
        for part, rows in zip(parts, results, strict=True):
            store.write_partition(rows, keys=part[KEY].tolist())
        self.built[stage] = self.built.get(stage, 0) + len(todo)

    def _build_sentence_stage(self, store: PartitionStore, stage: str, keys: list[str], make_task) -> None:
        """Process the documents whose sentence-level results (scores, hits) the store lacks."""
        missing = store.read_missing(keys)
        if not missing:
            self.built[stage] = self.built.get(stage, 0)
            return
        sentences = self._store("sentences", hash_code("sentences"))
        chunks = [missing[i : i + self.partition_size] for i in range(0, len(missing), self.partition_size)]
        tasks = (make_task(self._sentence_rows(sentences, chunk)) for chunk in chunks)
        results = run_tasks(
            _STAGE_FN[stage], tasks, jobs=self.jobs, scheduler=self.scheduler, progress=self.progress, desc=stage
        )
        for chunk, rows in zip(chunks, results, strict=True):
            store.write_partition(rows, keys=chunk)
        self.built[stage] = self.built.get(stage, 0) + len(missing)

    def _sentence_rows(self, store: PartitionStore, keys: list[str]) -> pd.DataFrame:
        """The cached sentences of the documents of ``keys`` (built again if a file fails to read)."""
        rows = store.read_rows(keys)
        if rows is None:  # an unreadable file, reported and removed: split those documents again
            self.__dict__.pop("sentences", None)
            rows = (
                self._store("sentences", hash_code("sentences")).read_rows(keys) if self.sentences is not None else None
            )
        if rows is None:
            raise RuntimeError(f"{store.folder}: cache files keep failing to read; remove the folder and run again")
        return rows

    def _read(
        self, store: PartitionStore, keys: list[str], empty, *, build, keep_key: bool = False, categories=()
    ) -> pd.DataFrame:
        """Build what is missing, then read the rows of ``keys`` (a file found unreadable while
        reading is reported, removed and built again)."""
        for _attempt in range(3):
            build()
            rows = store.read_rows(keys, categories=categories) if keys else None
            if rows is not None or not keys:
                break
        else:
            raise RuntimeError(f"{store.folder}: cache files keep failing to read; remove the folder and run again")
        if rows is None:
            rows = empty()
            return rows if not keep_key else rows.assign(**{KEY: pd.Series(dtype=object)})
        return rows if keep_key else rows.drop(columns=[KEY])


_STAGE_FN = {"scores": stages.score_partition, "frames": stages.match_partition}


def _kept_rows(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """``frame[keep]`` with a new index, sharing the texts' memory with ``frame``: the runs of kept
    rows are slices (views), and joining them chains their Arrow buffers where a filter would copy
    every text (a second copy of the raw and clean texts: 0.9 GB at 100,000 articles).

    >>> frame = pd.DataFrame({"text": ["a", "b", "c", "d"]})
    >>> _kept_rows(frame, np.array([True, False, True, True]))["text"].tolist()
    ['a', 'c', 'd']
    """
    rows = np.flatnonzero(keep)
    if len(rows) == len(frame):
        return frame.reset_index(drop=True)
    if len(rows) == 0:
        return frame.iloc[:0].reset_index(drop=True)
    breaks = np.flatnonzero(np.diff(rows) != 1) + 1
    starts, ends = rows[np.r_[0, breaks]], rows[np.r_[breaks - 1, len(rows) - 1]] + 1
    return pd.concat([frame.iloc[a:b] for a, b in zip(starts, ends)], ignore_index=True)


def _as_list(values) -> list:
    return [values] if isinstance(values, (str, Path)) or not isinstance(values, Iterable) else list(values)


def _positions(keys: list[str], found: pd.Series) -> np.ndarray:
    """The position in ``keys`` of each of ``found`` (the last, when a key repeats)."""
    index = pd.Index(keys)
    if index.is_unique:
        return index.get_indexer(found)
    return found.map({k: i for i, k in enumerate(keys)}).to_numpy()


def _count_options(docs: pd.DataFrame, options: dict) -> dict:
    """``count_terms`` options as the cache keys them (an unknown option or language fails here)."""
    options = {k: (tuple(v) if isinstance(v, list) and k == "ngram_range" else v) for k, v in options.items()}
    if options.get("stem"):
        count_terms(docs.iloc[:0], **options)
    return options


def _jsonable(value):
    return list(value) if isinstance(value, (tuple, set, frozenset)) else value


def _jsonable_options(options: dict) -> dict:
    """Count options as the cache keys them: every option of ``count_terms`` with its value,
    given or default (``{}`` and the defaults written out are the same counts, one cache)."""
    defaults = {
        name: p.default
        for name, p in inspect.signature(count_terms).parameters.items()
        if p.kind is p.KEYWORD_ONLY and name not in ("by", "text_col")
    }
    return {k: _jsonable(v) for k, v in sorted({**defaults, **options}.items())}


def _languages(docs: pd.DataFrame) -> list:
    return docs["language"].tolist() if "language" in docs.columns else [None] * len(docs)


def read_processed(
    corpus: str | Path,
    *,
    metadata: str | Path | pd.DataFrame | None = None,
    cache_dir: str | Path | None = None,
    jobs: int | None = None,
    scheduler=None,
    progress: bool = True,
    text_col: str | None = None,
    id_col: str | None = None,
    max_bytes: int = MAX_BYTES,
    partition_size: int = PARTITION_SIZE,
) -> ProcessedCorpus:
    """Read a corpus through the cache: the object notebooks use.

    The corpus files are read and every document's cleaning is taken from the cache (documents
    not in it are cleaned and added); sentences, scores, frame hits and term counts are read from
    the cache when asked for (:attr:`ProcessedCorpus.sentences`,
    :meth:`ProcessedCorpus.score_sentences`, :meth:`ProcessedCorpus.match_frames`,
    :meth:`ProcessedCorpus.count_terms`), and built first when missing.

    Args:
        corpus, metadata, text_col, id_col, max_bytes: as :func:`corpus_tools.load_corpus`.
        cache_dir: the cache folder (default :data:`corpus_tools.config.CACHE_DIR`).
        jobs: local processes for what is missing (None or 0: every core; 1: this process).
        scheduler: a ``dask.distributed`` scheduler address or ``Client``: process on that cluster.
        progress: progress bars (terminal or notebook) with the time left.
        partition_size: documents per partition (unit of work and of cache files).

    Returns:
        A :class:`ProcessedCorpus`: ``documents`` (as ``load_corpus``), ``all_documents``,
        ``log``, ``audit``, ``files`` (as ``read_corpus``), and the processed stages.

    Raises:
        CorpusInputError: as :func:`corpus_tools.read_corpus`.
    """
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1 document, not {partition_size}")
    cache = Path(cache_dir) if cache_dir else config.CACHE_DIR
    processed = ProcessedCorpus(None, cache, jobs, scheduler, progress, int(partition_size))  # type: ignore[arg-type]
    options = {"text_col": text_col, "id_col": id_col, "max_bytes": max_bytes}
    key = hash_inputs(corpus, metadata, options)
    processed.loaded = read_snapshot(cache, corpus, options, key)
    processed.built["clean"] = 0
    if processed.loaded is None:
        languages: dict = {}
        signatures: dict = {}

        def labeler(texts: pd.Series) -> list[str]:
            return [languages.get(_digest(t)) or label_languages([t])[0] for t in texts]

        def signer(texts: list[str]) -> list:
            found = (signatures.get(_digest(t)) for t in texts)
            return [s if s is not None else hash_minhash(t) for s, t in zip(found, texts)]

        cleaner = _cleaner(processed, languages, signatures)
        processed.loaded = read_corpus(
            corpus, metadata=metadata, cleaner=cleaner, labeler=labeler, signer=signer, **options
        )
        write_snapshot(cache, corpus, options, key, processed.loaded)
    release_memory()  # reading leaves cycles holding whole tables (about 1 GB at 20,000 articles), and freed pages
    return processed


def build_processed(
    corpus: str | Path,
    *,
    metadata: str | Path | pd.DataFrame | None = None,
    cache_dir: str | Path | None = None,
    jobs: int | None = None,
    scheduler=None,
    progress: bool = True,
    lexicons: Sequence | str = ("vader",),
    overrides: dict | None = None,
    dictionary=None,
    count_options: dict | Sequence[dict] | None = None,
    text_col: str | None = None,
    id_col: str | None = None,
    max_bytes: int = MAX_BYTES,
    partition_size: int = PARTITION_SIZE,
) -> ProcessedCorpus:
    """Process a corpus into the cache: read, clean, split into sentences and, as asked, score
    sentences with ``lexicons``, match the frame ``dictionary`` and count terms; only what the
    cache lacks is processed (see :mod:`corpus_tools.process`).

    Args:
        corpus, metadata, cache_dir, jobs, scheduler, progress, text_col, id_col, max_bytes,
            partition_size: as :func:`read_processed`.
        lexicons: lexicons to score sentences with (``()`` for none), with ``overrides``.
        dictionary: a frame dictionary to match (None for none).
        count_options: options of :func:`corpus_tools.keywords.count_terms` to count terms with,
            or a list of such options (each set counted; None for no counts).

    Returns:
        The :class:`ProcessedCorpus`; ``built`` says how many documents each stage processed.

    >>> import tempfile
    >>> from corpus_tools.config import SEEDS_DIR
    >>> folder = tempfile.mkdtemp()
    >>> first = build_processed(SEEDS_DIR, cache_dir=folder, jobs=1, progress=False, dictionary="generic")
    >>> again = build_processed(SEEDS_DIR, cache_dir=folder, jobs=1, progress=False, dictionary="generic")
    >>> first.built, again.built
    ({'clean': 5, 'sentences': 5, 'scores': 5, 'frames': 5}, {'clean': 0, 'sentences': 0, 'scores': 0, 'frames': 0})
    """
    processed = read_processed(
        corpus,
        metadata=metadata,
        cache_dir=cache_dir,
        jobs=jobs,
        scheduler=scheduler,
        progress=progress,
        text_col=text_col,
        id_col=id_col,
        max_bytes=max_bytes,
        partition_size=partition_size,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the notebooks warn, when they read the results
        processed._build_together(
            lexicons=lexicons, overrides=overrides, dictionary=dictionary, count_options=count_options
        )
    release_memory()
    return processed
