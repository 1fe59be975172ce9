"""Read a corpus of news articles from disk into one tidy table.

``load_corpus`` accepts a folder of ``.txt`` files (recursively; the subfolder becomes a
column), or one ``.csv``/``.tsv``/``.jsonl``/``.parquet`` table with a text column, plus an
optional metadata table keyed by ``doc_id``. Every decision it takes about an input file
(encoding guessed, file skipped, metadata row without a document) is a warning naming the
file and the remedy, and is listed in ``corpus.attrs["load_log"]``.
"""

from __future__ import annotations

import codecs
import csv
import json
import warnings
from pathlib import Path

import pandas as pd

from corpus_tools.segment import count_words

__all__ = [
    "load_corpus",
    "read_corpus_columns",
    "read_text_file",
    "read_table",
    "CorpusInputError",
    "CorpusWarning",
    "TEXT_COLUMNS",
]

#: Column names recognised as the text column of a table, in order of preference.
TEXT_COLUMNS = ("text", "body", "content", "article", "full_text", "article_text", "raw_text", "story", "document")
#: Column names recognised as the document id of a table.
ID_COLUMNS = ("doc_id", "id", "article_id", "document_id", "filename", "file", "url")
TITLE_COLUMNS = ("title", "headline")
DATE_COLUMNS = ("date", "published", "pub_date", "published_at", "publication_date", "datetime")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".json")


class CorpusInputError(ValueError):
    """An input file or table that cannot be read as a corpus; the message says how to fix it."""


class CorpusWarning(UserWarning):
    """Something about the input that the loader handled, but the user should know."""


def _warn(log: list[dict], source: str, issue: str, action: str) -> None:
    log.append({"source": source, "issue": issue, "action": action})
    warnings.warn(f"{source}: {issue}; {action}", CorpusWarning, stacklevel=3)


# --------------------------------------------------------------------------- decoding


def read_text_file(path: str | Path) -> tuple[str, str, str | None]:
    """Read a text file whatever its encoding.

    Returns:
        ``(text, encoding, note)``: the decoded text exactly as in the file (a byte-order mark
        is dropped, line endings are kept), the encoding used, and a note when the encoding
        had to be guessed (``None`` for UTF-8).

    Raises:
        CorpusInputError: the file is empty, or binary (not text in any supported encoding).
    """
    path = Path(path)
    data = path.read_bytes()
    return decode_bytes(data, source=str(path))


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> tuple[str, str, str | None]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, or cp1252/latin-1.

    >>> decode_bytes("caf\u00e9".encode("cp1252"))
    ('café', 'cp1252', 'not valid UTF-8 (first bad byte at offset 3); decoded as cp1252')
    """
    if not data.strip():
        raise CorpusInputError(f"{source}: file is empty (or only whitespace); remove it or add its text")
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return (
                    data.decode(encoding),
                    encoding,
                    None if encoding == "utf-8-sig" else f"decoded as {encoding} (byte-order mark)",
                )
            except UnicodeDecodeError as exc:
                raise CorpusInputError(
                    f"{source}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start}); re-save the file as UTF-8"
                ) from exc
    if b"\x00" in data[:4096]:
        raise CorpusInputError(
            f"{source}: looks binary (NUL bytes and no UTF-16 byte-order mark); "
            "convert it to plain text (UTF-8) or remove it from the corpus folder"
        )
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        bad = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
        if controls > max(2, 0.01 * len(text)):
            raise CorpusInputError(
                f"{source}: looks binary ({controls} control characters); convert it to plain text (UTF-8)"
            )
        return text, encoding, f"not valid UTF-8 (first bad byte at offset {bad}); decoded as {encoding}"
    raise CorpusInputError(f"{source}: cannot be decoded; re-save it as UTF-8")  # pragma: no cover


# --------------------------------------------------------------------------- tables


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``, ``.json`` (records) or ``.parquet``
    table, with errors that name the file and line."""
    table, _ = _read_table_lines(Path(path))
    return table


def _read_table_lines(path: Path) -> tuple[pd.DataFrame, list[int] | None]:
    """The table and, for text formats, the line on which each of its rows starts."""
    table = _read_any_table(path)
    return table, table.attrs.pop("line_numbers", None)


def _read_any_table(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if not path.exists():
        raise CorpusInputError(f"{path}: no such file; check the path and its spelling")
    try:
        if suffix in (".csv", ".tsv"):
            text, _, _ = read_text_file(path)
            return _read_delimited(text, path, sep="\t" if suffix == ".tsv" else ",")
        if suffix in (".jsonl", ".ndjson"):
            text, _, _ = read_text_file(path)
            records, lines = [], []
            for lineno, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusInputError(
                        f"{path}:{lineno}: not valid JSON ({exc.msg}); each line must be one JSON object"
                    ) from exc
                if not isinstance(record, dict):
                    raise CorpusInputError(
                        f"{path}:{lineno}: a JSON {type(record).__name__}, not an object; "
                        'each line must be one JSON object such as {"doc_id": "a1", "text": "..."}'
                    )
                records.append(record)
                lines.append(lineno)
            table = pd.DataFrame.from_records(records)
            table.attrs["line_numbers"] = lines
            return table
        if suffix == ".json":
            return _read_json_records(path)
        if suffix == ".parquet":
            return _read_parquet(path)
    except pd.errors.ParserError as exc:
        raise CorpusInputError(
            f"{path}: malformed table ({exc}); check quoting and the number of columns on that line"
        ) from exc
    raise CorpusInputError(f"{path}: unsupported table format {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}")


def _read_json_records(path: Path) -> pd.DataFrame:
    text, _, _ = read_text_file(path)
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusInputError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); fix the syntax there"
        ) from exc
    if not (isinstance(records, list) and all(isinstance(r, dict) for r in records)):
        raise CorpusInputError(
            f'{path}: a .json corpus must be a list of objects ([{{"doc_id": ..., "text": ...}}, ...]); '
            "for one object per line, name the file .jsonl"
        )
    return pd.DataFrame.from_records(records)


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise CorpusInputError(
            f"{path}: not a readable Parquet file ({exc}); re-export it, or save the table as .csv"
        ) from exc


def _read_delimited(text: str, path: Path, *, sep: str) -> pd.DataFrame:
    """Read CSV/TSV text after checking that every row has as many fields as the header,
    so that a ragged row or an unclosed quote is an error naming its line, never a shifted,
    truncated or swallowed column."""
    from io import StringIO

    name = "tab" if sep == "\t" else "comma"
    reader = csv.reader(StringIO(text), delimiter=sep)
    header, start, lines = None, 1, []
    for row in reader:
        blank = not row or (len(row) == 1 and not row[0].strip())
        if not blank and header is None:
            header = row
        elif not blank and len(row) != len(header):
            raise CorpusInputError(
                f"{path}:{start}: {len(row)} fields, but the header has {len(header)}; check the quoting on that "
                f"line (a field containing a {name} or a line break must be in double quotes)"
            )
        elif not blank:
            lines.append(start)
        start = reader.line_num + 1
    try:
        table = pd.read_csv(StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_values=[""], index_col=False)
    except pd.errors.ParserError as exc:
        if "EOF inside string" not in str(exc):
            raise
        raise CorpusInputError(
            f"{path}:{lines[-1] if lines else 1}: a double quote on this line is never closed, so the field runs to "
            'the end of the file; close the quote, or write a quote inside a quoted field as ""'
        ) from exc
    if len(lines) == len(table):
        table.attrs["line_numbers"] = lines
    return table


def _pick(columns: list[str], candidates: tuple[str, ...]) -> str | None:
    lower = {c.lower(): c for c in columns}
    for name in candidates:
        if name in lower:
            return lower[name]
    return None


# --------------------------------------------------------------------------- loading


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
            _warn(log, str(path), str(exc).split(": ", 1)[-1], "file skipped")
            continue
        if note:
            _warn(log, str(path), note, "decoded text kept; re-save as UTF-8 to silence this")
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
        _warn(
            log,
            str(folder),
            f"file names repeat in different subfolders ({', '.join(clash[:6])})",
            "doc_id is the path without '.txt' for those files",
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
    table, lines = _read_table_lines(path)
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
        _warn(
            log,
            where,
            f"document {frame.at[idx, 'doc_id']!r} has no text",
            "row skipped; add its text or remove the row",
        )
    frame = frame.loc[~missing].copy()
    frame["raw_text"] = frame["raw_text"].astype(str)
    frame["encoding"] = "table"
    frame["source_file"] = path.name
    return frame


def read_metadata(path: str | Path) -> pd.DataFrame:
    """Read a metadata table keyed by ``doc_id`` (errors name the file and the fix)."""
    return _check_metadata(read_table(path), str(path))


def _check_metadata(meta: pd.DataFrame, source: str) -> pd.DataFrame:
    """A copy of ``meta`` keyed by a unique, string ``doc_id``; errors name ``source`` and the fix."""
    columns = [str(c) for c in meta.columns]
    key = _pick(columns, ("doc_id",)) or _pick(columns, ID_COLUMNS)
    if key is None:
        raise CorpusInputError(
            f"{source}: metadata needs a 'doc_id' column (the file name without .txt); columns are {columns}"
        )
    meta = meta.rename(columns={key: "doc_id"})
    meta["doc_id"] = meta["doc_id"].astype(str).str.removesuffix(".txt")
    dups = meta["doc_id"][meta["doc_id"].duplicated()].unique()
    if len(dups):
        raise CorpusInputError(
            f"{source}: doc_id repeats in the metadata ({', '.join(map(str, dups[:6]))}); one row per document"
        )
    return meta


def load_corpus(
    path: str | Path,
    *,
    metadata: str | Path | pd.DataFrame | None = None,
    clean: bool = True,
    text_col: str | None = None,
    id_col: str | None = None,
) -> pd.DataFrame:
    """Load a corpus into a table, one row per document, in a deterministic order.

    Args:
        path: a folder of ``.txt`` files (searched recursively; ``doc_id`` is the file name
            without ``.txt``, the subfolder is kept in ``folder``), or one table file
            (``.csv``, ``.tsv``, ``.jsonl``, ``.json``, ``.parquet``) with a text column.
        metadata: a table (path or DataFrame) keyed by ``doc_id``; its other columns (outlet,
            group, date, url...) are joined on and can be used to group every analysis.
            ``title``/``date`` given here take precedence over those found in the text.
        clean: strip web boilerplate (see :mod:`corpus_tools.clean`). With ``False``,
            ``text`` is ``raw_text`` unchanged.
        text_col, id_col: name the text and id columns of a table when they are not
            recognised automatically.

    Returns:
        Columns ``doc_id, title, date, text, raw_text, n_words`` then the file details
        (``source_file``, ``encoding``, ``folder`` for subfolders) and every metadata column.
        ``attrs["load_log"]`` lists what the loader warned about; ``attrs["clean_audit"]``
        lists every cleaning edit.

    >>> from corpus_tools.config import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> len(corpus), list(corpus.columns[:6])
    (5, ['doc_id', 'title', 'date', 'text', 'raw_text', 'n_words'])
    """
    path = Path(path)
    log: list[dict] = []
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

    frame = frame.sort_values("doc_id", kind="stable").reset_index(drop=True)
    if clean:
        from corpus_tools.clean import clean_corpus

        frame = clean_corpus(frame)
        _check_cleaned(frame, path, log)
    else:
        frame["text"] = frame["raw_text"]
        for col in ("title", "date"):
            if col not in frame.columns:
                frame[col] = None
    audit = frame.attrs.get("clean_audit")
    if metadata is not None:
        frame = _join_metadata(frame, metadata, log)
    frame["date"] = _to_dates(frame["date"], log)
    frame["n_words"] = frame["text"].map(count_words).astype("int64")
    first = ["doc_id", "title", "date", "text", "raw_text", "n_words"]
    frame = frame[first + [c for c in frame.columns if c not in first]]
    frame.attrs["load_log"] = log
    frame.attrs["source"] = str(path)
    if audit is not None:
        frame.attrs["clean_audit"] = audit
    return frame


def _check_cleaned(frame: pd.DataFrame, path: Path, log: list[dict]) -> None:
    """Warn about each document that cleaning emptied; raise when it emptied them all."""
    empty = frame["text"].str.strip() == ""
    emptied = frame.loc[empty, "doc_id"].tolist()
    if emptied and len(emptied) == len(frame):
        raise CorpusInputError(
            f"{path}: cleaning removed every line of all {len(frame)} document(s) as web boilerplate "
            f"({', '.join(emptied[:6])}); check that the files hold article text, or load with clean=False"
        )
    for doc_id, source in zip(emptied, frame.loc[empty, "source_file"]):
        where = str(path / source) if path.is_dir() else f"{path}: document {doc_id!r}"
        _warn(
            log,
            where,
            "cleaning removed every line as web boilerplate",
            "kept with empty text; see clean_audit(corpus) for the rules applied, or load with clean=False",
        )


def read_corpus_columns(path: str | Path, *, metadata: str | Path | None = None) -> list[str]:
    """The columns :func:`load_corpus` would give this corpus and metadata, without cleaning
    the texts (to check a grouping column before a long run).

    Raises:
        CorpusInputError: the corpus or metadata cannot be read (as :func:`load_corpus` would).

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


def _join_metadata(frame: pd.DataFrame, metadata: str | Path | pd.DataFrame, log: list[dict]) -> pd.DataFrame:
    source = "metadata DataFrame" if isinstance(metadata, pd.DataFrame) else str(metadata)
    meta = read_metadata(metadata) if not isinstance(metadata, pd.DataFrame) else _check_metadata(metadata, source)
    unmatched = sorted(set(meta["doc_id"]) - set(frame["doc_id"]))
    if unmatched and len(unmatched) == meta["doc_id"].nunique():
        raise CorpusInputError(
            f"{source}: none of its {len(unmatched)} doc_id(s) matches a document (it has {', '.join(unmatched[:3])}; "
            f"the corpus has {', '.join(frame['doc_id'].head(3))}); doc_id is the file name without .txt, "
            "or the id column of a table"
        )
    if unmatched:
        _warn(
            log,
            source,
            f"{len(unmatched)} row(s) match no document ({', '.join(unmatched[:6])})",
            "rows ignored; check the doc_id spelling",
        )
    missing = sorted(set(frame["doc_id"]) - set(meta["doc_id"]))
    if missing:
        _warn(
            log,
            source,
            f"{len(missing)} document(s) have no metadata row ({', '.join(missing[:6])})",
            "their metadata columns are empty",
        )
    clash = [c for c in meta.columns if c in frame.columns and c not in ("doc_id", "title", "date")]
    if clash:
        raise CorpusInputError(
            f"{source}: column(s) {clash} would overwrite corpus columns; rename them in the metadata"
        )
    merged = frame.merge(meta, on="doc_id", how="left", suffixes=("", "_meta"), validate="one_to_one")
    for col in ("title", "date"):
        if f"{col}_meta" in merged.columns:
            given = merged[f"{col}_meta"]
            merged[col] = given.where(given.notna() & (given.astype(str) != ""), merged[col])
            merged = merged.drop(columns=f"{col}_meta")
    merged.attrs = frame.attrs
    return merged


def _to_dates(values: pd.Series, log: list[dict]) -> pd.Series:
    parsed = pd.to_datetime(values, errors="coerce", format="mixed")
    bad = values.notna() & (values.astype(str) != "") & parsed.isna()
    for value in values[bad].astype(str).unique()[:6]:
        _warn(log, "date column", f"cannot read date {value!r}", "left empty; use YYYY-MM-DD")
    return parsed
