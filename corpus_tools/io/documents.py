"""Documents from disk: a folder of article files (recursively; the subfolder becomes a column),
each read by the reader of its kind (:mod:`corpus_tools.io.files`: ``.txt``, ``.md``, ``.html``...),
or one table with a text (or HTML) column, as one row per document with its raw text, nothing cleaned.

>>> from corpus_tools.config import SEEDS_DIR
>>> docs = read_documents(SEEDS_DIR)
>>> len(docs), list(docs.columns)
(5, ['doc_id', 'source_file', 'encoding', 'raw_text'])
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from corpus_tools.io.exports import is_export
from corpus_tools.io.files import READERS, is_corpus_file, read_file_records
from corpus_tools.io.html import HTML_COLUMNS, HTML_SUFFIXES, META_COLUMNS, parse_html
from corpus_tools.io.listing import list_folder_files, make_file_row
from corpus_tools.io.metadata import read_metadata
from corpus_tools.io.problems import CorpusInputError, record_problem
from corpus_tools.io.tables import ID_COLUMNS, TABLE_SUFFIXES, TEXT_COLUMNS, _pick, _read_table_encoded, read_table

__all__ = ["read_documents", "read_corpus_columns", "MAX_BYTES"]

#: The largest document read (bytes of its file, or of its text in a table); larger ones are skipped.
MAX_BYTES = 20_000_000


def read_documents(
    path: str | Path,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    log: list[dict] | None = None,
    files: list[dict] | None = None,
    max_bytes: int = MAX_BYTES,
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
        files: the load report to append one row per file seen to (``file, kind, status,
            reason, n_documents``; :data:`corpus_tools.io.listing.FILE_COLUMNS`).
        max_bytes: skip (and list) a file, or a table row's text, larger than this.

    Returns:
        ``doc_id``, the file details (``folder`` for subfolders, ``source_file``, ``encoding``)
        and ``raw_text``; from HTML pages also ``title``, ``date``, ``author``, ``site``, ``url``
        and ``raw_html`` (the page as read); a table's other columns are kept.

    Raises:
        CorpusInputError: the path cannot be read as a corpus, or holds no readable document.
    """
    path = Path(path)
    log = [] if log is None else log
    files = [] if files is None else files
    if path.is_dir():
        frame = _read_folder(path, log, files, max_bytes)
    elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        frame = _read_corpus_table(path, log, text_col, id_col, max_bytes)
        files.append(make_file_row(path.name, path.suffix.lower(), "loaded", "", len(frame)))
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
    if frame["doc_id"].is_monotonic_increasing:  # a folder's files are read in this order: no copy of the texts
        return frame.reset_index(drop=True)
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
    return list_folder_files(folder)[0]


def _skip_unknown(path: Path, log: list[dict]) -> None:
    if path.suffix.lower() in TABLE_SUFFIXES:
        action = f"file skipped; a table is read on its own (read_corpus('{path}')) or joined with metadata="
    else:
        action = f"file skipped; readable kinds are {', '.join(sorted(READERS))}"
    record_problem(log, str(path), f"not a corpus file kind: {path.suffix or '(no suffix)'}", action, stacklevel=6)


#: Terminal colour codes (ESC[31m) and other escape sequences, and C0 control characters other
#: than tab, line breaks and form feed: never part of an article's words. They stay in
#: ``raw_text``; the cleaner removes them with the audit rule ``control_chars`` (and ``text``
#: loaded with ``clean=False`` is ``raw_text`` without them).
CONTROL_CHARS_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROLS = CONTROL_CHARS_RE


def _strip_controls(text: str, where: str, log: list[dict]) -> str:
    """``text`` unchanged; its escape sequences and control characters logged when there are any
    (removed from ``text`` by the cleaner, rule ``control_chars``, so ``raw_text`` stays as read)."""
    found = _CONTROLS.findall(text)
    if not found:
        return text
    shown = ", ".join(sorted({repr(f) for f in found})[:4])
    record_problem(
        log,
        where,
        f"{len(found)} control character(s) or escape sequence(s) ({shown})",
        "kept in raw_text, removed from text (audit rule control_chars)",
    )
    return text


def _too_large(size: int, max_bytes: int) -> str | None:
    if size <= max_bytes:
        return None
    return f"{size / 1e6:,.1f} MB, over max_bytes={max_bytes:_} ({max_bytes / 1e6:g} MB)"


def _require_corpus_files(folder: Path, files: list[Path]) -> None:
    if not any(is_corpus_file(p) for p in files):
        others = sorted({p.suffix.lower() or "(no suffix)" for p in files})
        found = f"{len(files)} other file(s)" + (f": {', '.join(others)}" if others else "")
        raise CorpusInputError(
            f"{folder}: no corpus files found (searched subfolders too; readable kinds are "
            f"{', '.join(sorted(READERS))}; found {found})"
            "; point to a folder of articles or a table"
        )


def _read_folder(folder: Path, log: list[dict], seen: list[dict], max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    files, skipped = list_folder_files(folder)
    for row in skipped:
        if row["reason"] != "hidden":
            record_problem(log, str(folder / row["file"]), row["reason"], "skipped", stacklevel=5)
    _require_corpus_files(folder, files)
    seen.extend(skipped)
    rows = []
    for path in files:
        rel = path.relative_to(folder)
        kind = path.suffix.lower() or "(no suffix)"
        if not is_corpus_file(path):
            _skip_unknown(path, log)
            seen.append(make_file_row(rel.as_posix(), kind, "skipped", "not a corpus file kind"))
            continue
        try:
            large = _too_large(path.stat().st_size, max_bytes)
            if large:
                record_problem(log, str(path), large, "file skipped; split it, or pass max_bytes=... to read it")
                seen.append(make_file_row(rel.as_posix(), kind, "skipped", large))
                continue
            records = read_file_records(path, log=log)
        except CorpusInputError as exc:
            reason = str(exc).split(": ", 1)[-1]
            record_problem(log, str(path), reason, "file skipped", stacklevel=5)
            seen.append(make_file_row(rel.as_posix(), kind, "skipped", reason))
            continue
        except OSError as exc:  # unreadable (permissions, I/O error): listed, the rest is still read
            reason = f"cannot be read ({exc.strerror or exc})"
            record_problem(log, str(path), reason, "file skipped; check its permissions", stacklevel=5)
            seen.append(make_file_row(rel.as_posix(), kind, "skipped", reason))
            continue
        seen.append(make_file_row(rel.as_posix(), kind, "loaded", "", len(records)))
        for record in records:
            note = record.pop("note", None)
            if note:
                record_problem(
                    log, str(path), note, "decoded text kept; re-save as UTF-8 to silence this", stacklevel=5
                )
            record["raw_text"] = _strip_controls(record["raw_text"], str(path), log)
            record["folder"] = rel.parent.as_posix() if rel.parent != Path(".") else ""
            record["source_file"] = rel.as_posix()
            rows.append(record)
    rows.sort(key=lambda r: str(r["doc_id"]))  # stable: as read_documents sorts the table
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


def _read_corpus_table(
    path: Path, log: list[dict], text_col: str | None, id_col: str | None, max_bytes: int = MAX_BYTES
) -> pd.DataFrame:
    table, lines, encoding, note = _read_table_encoded(path)
    if note:
        record_problem(
            log, str(path), note, "text kept as read; re-save as UTF-8 (comma-delimited) to silence this", stacklevel=5
        )
    columns = [str(c) for c in table.columns]
    text_col = _text_column(path, columns, text_col)
    id_col = id_col or _pick(columns, ID_COLUMNS)
    frame = table.rename(columns={text_col: "raw_text"}).copy()
    if id_col and id_col != text_col:
        frame = frame.rename(columns={id_col: "doc_id"})
    else:
        frame.insert(0, "doc_id", [f"doc{i:05d}" for i in range(len(frame))])
    frame["doc_id"] = frame["doc_id"].map(_format_id)
    for idx in frame.index[frame["doc_id"] == ""]:
        frame.at[idx, "doc_id"] = given = f"row{lines[idx] if lines else idx + 1}"
        where = f"{path}:{lines[idx]}" if lines else f"{path}: row {idx + 1}"
        issue = f"empty doc_id in column {id_col!r}"
        record_problem(log, where, issue, f"id {given!r} given; fill it in", stacklevel=5)
    frame["raw_text"] = frame["raw_text"].map(_format_text)
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
    sizes = frame["raw_text"].map(lambda text: len(text.encode("utf-8", "surrogatepass")))
    for idx in frame.index[sizes > max_bytes]:
        where = f"{path}:{lines[idx]}" if lines else f"{path}: row {idx + 1}"
        issue = f"document {frame.at[idx, 'doc_id']!r}: " + _too_large(sizes[idx], max_bytes)
        record_problem(log, where, issue, "row skipped; split it, or pass max_bytes=... to read it", stacklevel=5)
    frame = frame.loc[sizes <= max_bytes].copy()
    for idx in frame.index[frame["raw_text"].str.contains(_CONTROLS)]:
        where = f"{path}:{lines[idx]}" if lines else f"{path}: row {idx + 1}"
        frame.at[idx, "raw_text"] = _strip_controls(frame.at[idx, "raw_text"], where, log)
    if text_col.lower() in HTML_COLUMNS:
        frame = _extract_html_column(frame, path, lines, log)
    frame["encoding"] = encoding
    frame["source_file"] = path.name
    return frame


def _format_id(value) -> str:
    """A table cell as a document id: ``""`` when empty, ``1.0`` (a float column) as ``"1"``."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _format_text(value):
    """A table cell as text: a list of paragraphs joined by blank lines, a number as written,
    an empty cell left empty (``None``)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        return value
    if hasattr(value, "__iter__") and not isinstance(value, (bytes, dict)):
        return "\n\n".join(str(part) for part in value if part is not None)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
    columns = ["doc_id", "title", "date", "text", "raw_text", "n_words", "status", "title_source", "language"]
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
    try:
        with path.open("rb") as handle:
            head = handle.read(8192).decode("utf-8", errors="replace")
    except OSError:  # unreadable: read_documents lists it as skipped
        return False
    return is_export(head)
