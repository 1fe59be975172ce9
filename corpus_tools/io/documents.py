"""Documents from disk: a folder of article files (recursively; the subfolder becomes a column),
each read by the reader of its kind (:mod:`corpus_tools.io.files`: ``.txt``, ``.md``, ``.html``...),
or one table with a text (or HTML) column, as one row per document with its raw text, nothing cleaned.

>>> from corpus_tools.config import SEEDS_DIR
>>> docs = read_documents(SEEDS_DIR)
>>> len(docs), list(docs.columns)
(5, ['doc_id', 'source_file', 'encoding', 'raw_text'])
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from corpus_tools.io.exports import is_export
from corpus_tools.io.files import READERS, is_corpus_file, read_file_records
from corpus_tools.io.html import HTML_COLUMNS, HTML_SUFFIXES, META_COLUMNS, parse_html
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
        path: a folder of article files (searched recursively; ``.txt``, ``.md``/``.markdown``,
            ``.html``/``.htm`` in any case, see :data:`corpus_tools.io.files.READERS`; ``doc_id``
            is the file name without its suffix, the subfolder is kept in ``folder``; files of
            other kinds are listed in the log), or one table file (``.csv``, ``.tsv``,
            ``.jsonl``, ``.json``, ``.parquet``) with a text column, or an ``html`` column whose
            pages are extracted (:func:`corpus_tools.io.html.parse_html`).
        text_col, id_col: name the text and id columns of a table when they are not
            recognised automatically.
        log: the load log to append each problem to (each is also a ``CorpusWarning``).

    Returns:
        ``doc_id``, the file details (``folder`` for subfolders, ``source_file``, ``encoding``)
        and ``raw_text``; from HTML pages also ``title``, ``date``, ``author``, ``site``, ``url``
        and ``raw_html`` (the page as read); a table's other columns are kept.

    Raises:
        CorpusInputError: the path cannot be read as a corpus, or holds no readable document.
    """
    path = Path(path)
    log = [] if log is None else log
    if path.is_dir():
        frame = _read_folder(path, log)
    elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        frame = _read_corpus_table(path, log, text_col, id_col)
    elif path.is_file() and is_corpus_file(path):
        raise CorpusInputError(
            f"{path}: is a single {path.suffix} file; pass the folder that contains it ({path.parent})"
        )
    elif not path.exists():
        raise CorpusInputError(
            f"{path}: no such file or folder; check the path, or give a folder of article files or a table"
        )
    else:
        raise CorpusInputError(
            f"{path}: unsupported input; use a folder of article files ({', '.join(sorted(READERS))}) "
            f"or one of {', '.join(TABLE_SUFFIXES)}"
        )
    if frame.empty:
        raise CorpusInputError(f"{path}: no readable documents (see the warnings above)")
    return frame.sort_values("doc_id", kind="stable").reset_index(drop=True)


#: Columns a file reader may add, in this order after ``raw_text`` (when any file has them).
RECORD_COLUMNS = [
    "title",
    "date",
    "author",
    "site",
    "url",
    "raw_html",
    "newspaper",
    "byline",
    "section",
    "word_count",
    "export",
]


def _list_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _skip_unknown(path: Path, log: list[dict]) -> None:
    if path.suffix.lower() in TABLE_SUFFIXES:
        action = f"file skipped; a table is read on its own (read_corpus('{path}')) or joined with metadata="
    else:
        action = f"file skipped; readable kinds are {', '.join(sorted(READERS))}"
    record_problem(log, str(path), f"not a corpus file kind: {path.suffix or '(no suffix)'}", action, stacklevel=6)


def _read_folder(folder: Path, log: list[dict]) -> pd.DataFrame:
    files = _list_files(folder)
    _require_corpus_files(folder, files)
    return _read_files(folder, files, log)


def _require_corpus_files(folder: Path, files: list[Path]) -> None:
    if not any(is_corpus_file(p) for p in files):
        others = sorted({p.suffix.lower() or "(no suffix)" for p in files})
        found = f"{len(files)} other file(s)" + (f": {', '.join(others)}" if others else "")
        raise CorpusInputError(
            f"{folder}: no corpus files found (searched subfolders too; readable kinds are "
            f"{', '.join(sorted(READERS))}; found {found})"
            "; point to a folder of articles or a table"
        )


def _read_files(folder: Path, files: list[Path], log: list[dict]) -> pd.DataFrame:
    rows = []
    for path in files:
        if not is_corpus_file(path):
            _skip_unknown(path, log)
            continue
        rel = path.relative_to(folder)
        try:
            records = read_file_records(path, log=log)
        except CorpusInputError as exc:
            record_problem(log, str(path), str(exc).split(": ", 1)[-1], "file skipped", stacklevel=5)
            continue
        for record in records:
            note = record.pop("note", None)
            if note:
                record_problem(
                    log, str(path), note, "decoded text kept; re-save as UTF-8 to silence this", stacklevel=5
                )
            record["folder"] = rel.parent.as_posix() if rel.parent != Path(".") else ""
            record["source_file"] = rel.as_posix()
            rows.append(record)
    extras = [c for c in RECORD_COLUMNS if any(c in r for r in rows)]
    frame = pd.DataFrame(rows, columns=["doc_id", "folder", "source_file", "encoding", "raw_text", *extras])
    frame = frame.astype({c: "object" for c in extras})
    frame = frame.where(frame.notna(), None) if extras else frame
    duplicated = frame["doc_id"].duplicated(keep=False)
    if duplicated.any():
        clash = sorted(frame.loc[duplicated, "source_file"])
        record_problem(
            log,
            str(folder),
            f"file names repeat in different subfolders or kinds ({', '.join(clash[:6])})",
            "doc_id is the path without its suffix for those files (with it if that still repeats)",
            stacklevel=5,
        )
        paths = frame.loc[duplicated, "source_file"]
        frame.loc[duplicated, "doc_id"] = paths.map(lambda p: str(Path(p).with_suffix("").as_posix()))
        still = frame["doc_id"].duplicated(keep=False) & duplicated
        frame.loc[still, "doc_id"] = frame.loc[still, "source_file"]
    if not frame["folder"].astype(bool).any():
        frame = frame.drop(columns="folder")
    return frame


def _text_column(path: Path, columns: list[str], text_col: str | None) -> str:
    text_col = text_col or _pick(columns, TEXT_COLUMNS) or _pick(columns, HTML_COLUMNS)
    if text_col is None or text_col not in columns:
        raise CorpusInputError(
            f"{path}: no text column found; columns are {columns}. "
            f"Name it one of {list(TEXT_COLUMNS)} (or {list(HTML_COLUMNS)} for pages) or pass text_col=..."
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
    if text_col.lower() in HTML_COLUMNS:
        frame = _extract_html_column(frame, path, lines, log)
    frame["encoding"] = "table"
    frame["source_file"] = path.name
    return frame


def _extract_html_column(frame: pd.DataFrame, path: Path, lines: list[int] | None, log: list[dict]) -> pd.DataFrame:
    """Extract each row's page (now in ``raw_text``) as an ``.html`` file would be: the page
    moves to ``raw_html``, the extracted text to ``raw_text``; extracted title, date, author,
    site and url fill the table's own columns where those are empty. Non-article rows are logged."""
    frame = frame.rename(columns={"raw_text": "raw_html"})
    url_col = _pick([str(c) for c in frame.columns], ("url",))
    records, keep = [], []
    for idx, page in frame["raw_html"].items():
        where = f"{path}:{lines[idx]}" if lines else f"{path}: row {idx + 1}"
        url = frame.at[idx, url_col] if url_col else None
        try:
            records.append(parse_html(page, source=where, url=url if isinstance(url, str) and url else None))
            keep.append(idx)
        except CorpusInputError as exc:
            issue = f"document {frame.at[idx, 'doc_id']!r}: " + str(exc).removeprefix(f"{where}: ")
            record_problem(log, where, issue, "row skipped", stacklevel=6)
    frame = frame.loc[keep].copy()
    extracted = pd.DataFrame(records, index=frame.index, columns=["raw_text", *META_COLUMNS.values()], dtype=object)
    frame.insert(1, "raw_text", extracted["raw_text"])
    for col in META_COLUMNS.values():
        if col in frame.columns:
            empty = frame[col].isna() | (frame[col].astype(str).str.strip() == "")
            frame[col] = frame[col].astype(object).where(~empty, extracted[col])
        else:
            frame[col] = extracted[col]
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
    columns = ["doc_id", "title", "date", "text", "raw_text", "n_words", "status", "title_source"]
    columns += ["source_file", "encoding"]
    if path.is_dir():
        files = _list_files(path)
        _require_corpus_files(path, files)
        files = [p for p in files if is_corpus_file(p)]
        if any(p.parent != path for p in files):
            columns.append("folder")
        if any(p.suffix.lower() in HTML_SUFFIXES for p in files):
            columns += ["author", "site", "url", "raw_html"]
        if any(_may_be_export(p) for p in files):
            columns += ["newspaper", "byline", "section", "word_count", "export"]
    elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        names = [str(c) for c in read_table(path).columns]
        renamed = {_text_column(path, names, None), _pick(names, ID_COLUMNS)}
        columns += [c for c in names if c not in renamed and c not in columns]
    else:  # missing, a single article file or an unsupported kind: the same error as loading it
        read_documents(path)
    if metadata:
        columns += [c for c in map(str, read_metadata(metadata).columns) if c not in columns]
    return columns + ["duplicate_of"]


def _may_be_export(path: Path) -> bool:
    """Whether a file may be a news-database export: any ``.rtf``/``.docx``, or a text or HTML
    file whose first 8 KB read like one (no full parse: this only lists possible columns)."""
    if path.suffix.lower() in (".rtf", ".docx"):
        return True
    with path.open("rb") as handle:
        head = handle.read(8192).decode("utf-8", errors="replace")
    return is_export(head)
