"""Documents from disk: a folder of ``.txt`` files (recursively; the subfolder becomes a column)
or one table with a text column, as one row per document with its raw text, nothing cleaned.

>>> from corpus_tools.config import SEEDS_DIR
>>> docs = read_documents(SEEDS_DIR)
>>> len(docs), list(docs.columns)
(5, ['doc_id', 'source_file', 'encoding', 'raw_text'])
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from corpus_tools.io.decode import read_text_file
from corpus_tools.io.metadata import read_metadata
from corpus_tools.io.problems import CorpusInputError, record_problem
from corpus_tools.io.tables import ID_COLUMNS, TABLE_SUFFIXES, TEXT_COLUMNS, _pick, read_table, read_table_lines

__all__ = ["read_documents", "read_corpus_columns"]


def read_documents(
    path: str | Path,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    log: list[dict] | None = None,
) -> pd.DataFrame:
    """Read the documents of a folder or table, sorted by ``doc_id``, without cleaning them.

    Args:
        path: a folder of ``.txt`` files (searched recursively; ``doc_id`` is the file name
            without ``.txt``, the subfolder is kept in ``folder``), or one table file
            (``.csv``, ``.tsv``, ``.jsonl``, ``.json``, ``.parquet``) with a text column.
        text_col, id_col: name the text and id columns of a table when they are not
            recognised automatically.
        log: the load log to append each problem to (each is also a ``CorpusWarning``).

    Returns:
        ``doc_id``, the file details (``folder`` for subfolders, ``source_file``, ``encoding``)
        and ``raw_text``; a table's other columns are kept.

    Raises:
        CorpusInputError: the path cannot be read as a corpus, or holds no readable document.
    """
    path = Path(path)
    log = [] if log is None else log
    if path.is_dir():
        frame = _read_folder(path, log)
    elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        frame = _read_corpus_table(path, log, text_col, id_col)
    elif path.is_file() and path.suffix.lower() == ".txt":
        raise CorpusInputError(f"{path}: is a single .txt file; pass the folder that contains it ({path.parent})")
    elif not path.exists():
        raise CorpusInputError(
            f"{path}: no such file or folder; check the path, or give a folder of .txt files or a table"
        )
    else:
        raise CorpusInputError(
            f"{path}: unsupported input; use a folder of .txt files or one of {', '.join(TABLE_SUFFIXES)}"
        )
    if frame.empty:
        raise CorpusInputError(f"{path}: no readable documents (see the warnings above)")
    return frame.sort_values("doc_id", kind="stable").reset_index(drop=True)


def _read_folder(folder: Path, log: list[dict]) -> pd.DataFrame:
    files = sorted(
        p
        for p in folder.rglob("*.txt")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if not files:
        raise CorpusInputError(
            f"{folder}: no .txt files found (searched subfolders too); point to a folder of .txt files or a table"
        )
    rows = []
    for path in files:
        rel = path.relative_to(folder)
        try:
            raw, encoding, note = read_text_file(path)
        except CorpusInputError as exc:
            record_problem(log, str(path), str(exc).split(": ", 1)[-1], "file skipped", stacklevel=5)
            continue
        if note:
            record_problem(log, str(path), note, "decoded text kept; re-save as UTF-8 to silence this", stacklevel=5)
        rows.append(
            {
                "doc_id": path.stem,
                "folder": rel.parent.as_posix() if rel.parent != Path(".") else "",
                "source_file": rel.as_posix(),
                "encoding": encoding,
                "raw_text": raw,
            }
        )
    frame = pd.DataFrame(rows, columns=["doc_id", "folder", "source_file", "encoding", "raw_text"])
    duplicated = frame["doc_id"].duplicated(keep=False)
    if duplicated.any():
        clash = sorted(frame.loc[duplicated, "source_file"])
        record_problem(
            log,
            str(folder),
            f"file names repeat in different subfolders ({', '.join(clash[:6])})",
            "doc_id is the path without '.txt' for those files",
            stacklevel=5,
        )
        frame.loc[duplicated, "doc_id"] = frame.loc[duplicated, "source_file"].str.removesuffix(".txt")
    if not frame["folder"].astype(bool).any():
        frame = frame.drop(columns="folder")
    return frame


def _text_column(path: Path, columns: list[str], text_col: str | None) -> str:
    text_col = text_col or _pick(columns, TEXT_COLUMNS)
    if text_col is None or text_col not in columns:
        raise CorpusInputError(
            f"{path}: no text column found; columns are {columns}. "
            f"Name it one of {list(TEXT_COLUMNS)} or pass text_col=..."
        )
    return text_col


def _read_corpus_table(path: Path, log: list[dict], text_col: str | None, id_col: str | None) -> pd.DataFrame:
    table, lines = read_table_lines(path)
    columns = [str(c) for c in table.columns]
    text_col = _text_column(path, columns, text_col)
    id_col = id_col or _pick(columns, ID_COLUMNS)
    frame = table.rename(columns={text_col: "raw_text"}).copy()
    if id_col and id_col != text_col:
        frame = frame.rename(columns={id_col: "doc_id"})
    else:
        frame.insert(0, "doc_id", [f"doc{i:05d}" for i in range(len(frame))])
    frame["doc_id"] = frame["doc_id"].astype(str)
    if frame["doc_id"].duplicated().any():
        dups = sorted(frame.loc[frame["doc_id"].duplicated(), "doc_id"].unique())[:6]
        raise CorpusInputError(
            f"{path}: doc_id column {id_col!r} has duplicates ({', '.join(dups)}); make the ids unique"
        )
    missing = frame["raw_text"].isna() | (frame["raw_text"].astype(str).str.strip() == "")
    for idx in frame.index[missing]:
        where = f"{path}:{lines[idx]}" if lines else f"{path}: row {idx + 1}"
        record_problem(
            log,
            where,
            f"document {frame.at[idx, 'doc_id']!r} has no text",
            "row skipped; add its text or remove the row",
            stacklevel=5,
        )
    frame = frame.loc[~missing].copy()
    frame["raw_text"] = frame["raw_text"].astype(str)
    frame["encoding"] = "table"
    frame["source_file"] = path.name
    return frame


def read_corpus_columns(path: str | Path, *, metadata: str | Path | None = None) -> list[str]:
    """The columns :func:`corpus_tools.load_corpus` would give this corpus and metadata, without
    cleaning the texts (to check a grouping column before a long run).

    Raises:
        CorpusInputError: the corpus or metadata cannot be read (as ``load_corpus`` would).

    >>> from corpus_tools.config import SEEDS_DIR
    >>> read_corpus_columns(SEEDS_DIR)[:4]
    ['doc_id', 'title', 'date', 'text']
    """
    path = Path(path)
    columns = ["doc_id", "title", "date", "text", "raw_text", "n_words", "source_file", "encoding"]
    if path.is_dir() and any(p.parent != path for p in path.rglob("*.txt")):
        columns.append("folder")
    elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        names = [str(c) for c in read_table(path).columns]
        renamed = {_text_column(path, names, None), _pick(names, ID_COLUMNS)}
        columns += [c for c in names if c not in renamed and c not in columns]
    elif not path.exists():
        raise CorpusInputError(
            f"{path}: no such file or folder; check the path, or give a folder of .txt files or a table"
        )
    if metadata:
        columns += [c for c in map(str, read_metadata(metadata).columns) if c not in columns]
    return columns
