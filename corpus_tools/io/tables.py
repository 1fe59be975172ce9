"""Tables: ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``, ``.json`` (records) and ``.parquet``, with
errors that name the file, the line and the fix. The line on which each row starts is returned
beside the table (never stored in ``DataFrame.attrs``), so later warnings can cite it.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "c.csv"
>>> _ = path.write_text('doc_id,text\\na,"two\\nlines"\\nb,x\\n', encoding="utf-8")
>>> table, lines = read_table_lines(path)
>>> table["doc_id"].tolist(), lines, table.attrs
(['a', 'b'], [2, 4], {})
"""

from __future__ import annotations

import csv
import json
import re
from io import StringIO
from pathlib import Path

import pandas as pd

from corpus_tools.io.decode import read_text_file
from corpus_tools.io.problems import CorpusInputError

__all__ = ["TABLE_SUFFIXES", "TEXT_COLUMNS", "ID_COLUMNS", "read_table", "read_table_lines"]

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".json", ".xlsx")
#: Column names recognised as the text column of a table, in order of preference.
TEXT_COLUMNS = ("text", "body", "content", "article", "full_text", "article_text", "raw_text", "story", "document")
#: Column names recognised as the document id of a table.
ID_COLUMNS = ("doc_id", "id", "article_id", "document_id", "filename", "file", "url")
TITLE_COLUMNS = ("title", "headline")
DATE_COLUMNS = ("date", "published", "pub_date", "published_at", "publication_date", "datetime")


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``, ``.json`` (records) or ``.parquet``
    table, with errors that name the file and line.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "c.tsv"
    >>> _ = path.write_text("doc_id\\ttext\\na\\tHello\\n", encoding="utf-8")
    >>> read_table(path).values.tolist()
    [['a', 'Hello']]
    """
    table, _ = read_table_lines(path)
    return table


def read_table_lines(path: str | Path) -> tuple[pd.DataFrame, list[int] | None]:
    """The table and, for text formats, the line on which each of its rows starts (``None``
    for ``.json`` and ``.parquet``, or when rows and lines cannot be matched)."""
    table, lines, _, _ = _read_table_encoded(path)
    return table, lines


def _read_table_encoded(path: str | Path) -> tuple[pd.DataFrame, list[int] | None, str, str | None]:
    """``(table, lines, encoding, note)``: as :func:`read_table_lines`, with the encoding used
    (``"parquet"``, ``"xlsx"`` for those) and a note when it had to be detected or a ``.csv``
    turned out to be semicolon-delimited."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise CorpusInputError(f"{path}: no such file; check the path and its spelling")
    try:
        if suffix in (".csv", ".tsv"):
            text, encoding, note = read_text_file(path)
            sep = "\t" if suffix == ".tsv" else _sniff_separator(text)
            literal = _find_literal_quote(text) if sep == "\t" else None
            table, lines = _read_delimited(
                text, path, sep=sep, quoting=csv.QUOTE_NONE if literal else csv.QUOTE_MINIMAL
            )
            if literal:
                said = (
                    f"line {literal}: a cell starts with a quoted phrase and goes on; quotes read as text, not quoting"
                )
                note = f"{note}; {said}" if note else said
            if sep == ";":
                said = "semicolon-delimited (its header has no comma); read with ';' as the delimiter"
                note = f"{note}; {said}" if note else said
        elif suffix in (".jsonl", ".ndjson"):
            text, encoding, note = read_text_file(path)
            table, lines = _read_json_lines(text, path)
        elif suffix == ".json":
            text, encoding, note = read_text_file(path)
            table, lines = _read_json_records(text, path), None
        elif suffix == ".parquet":
            return _read_parquet(path), None, "parquet", None
        elif suffix == ".xlsx":
            return _read_xlsx(path), None, "xlsx", None
        else:
            raise CorpusInputError(
                f"{path}: unsupported table format {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}"
            )
    except pd.errors.ParserError as exc:
        raise CorpusInputError(
            f"{path}: malformed table ({exc}); check quoting and the number of columns on that line"
        ) from exc
    return table, lines, encoding, note


def _read_json_lines(text: str, path: Path) -> tuple[pd.DataFrame, list[int]]:
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
    return pd.DataFrame.from_records(records), lines


def _read_json_records(text: str, path: Path) -> pd.DataFrame:
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


def _sniff_separator(text: str) -> str:
    """``";"`` for a ``.csv`` whose header has semicolons and no comma (as spreadsheets save
    it in locales with a decimal comma), else ``","``."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if ";" in header and "," not in header else ","


def _read_xlsx(path: Path) -> pd.DataFrame:
    """The first sheet of an Excel workbook, every cell as text (needs openpyxl)."""
    try:
        import openpyxl  # noqa: F401
    except ImportError as exc:
        raise CorpusInputError(
            f"{path}: reading an .xlsx corpus needs openpyxl, which is not installed; "
            "run `pip install openpyxl`, or save the sheet as .csv (UTF-8)"
        ) from exc
    try:
        table = pd.read_excel(path, dtype=object)
    except (OSError, ValueError, KeyError) as exc:
        raise CorpusInputError(f"{path}: not a readable .xlsx workbook ({exc}); re-save it, or as .csv") from exc
    return table.astype(object).where(table.notna(), None)


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise CorpusInputError(
            f"{path}: not a readable Parquet file ({exc}); re-export it, or save the table as .csv"
        ) from exc


#: A tab-separated cell that opens with a quoted phrase and goes on (``"Yes" she said``): the
#: file does not use quoting, so its quotes are text.
_LITERAL_QUOTE = re.compile(r'(?:^|\t)"[^"\t\n]*"[^"\t\n]', re.MULTILINE)


def _find_literal_quote(text: str) -> int | None:
    """The line of the first cell that opens with a quoted phrase and goes on, or ``None``."""
    match = _LITERAL_QUOTE.search(text)
    return text.count("\n", 0, match.start() + 1) + 1 if match else None


def _read_delimited(
    text: str, path: Path, *, sep: str, quoting: int = csv.QUOTE_MINIMAL
) -> tuple[pd.DataFrame, list[int] | None]:
    """Read CSV/TSV text after checking that every row has as many fields as the header,
    so that a ragged row or an unclosed quote is an error naming its line, never a shifted,
    truncated or swallowed column."""
    name = {"\t": "tab", ";": "semicolon"}.get(sep, "comma")
    reader = csv.reader(StringIO(text), delimiter=sep, quoting=quoting)
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
        table = pd.read_csv(
            StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_values=[""], index_col=False, quoting=quoting
        )
    except pd.errors.ParserError as exc:
        if "EOF inside string" not in str(exc):
            raise
        raise CorpusInputError(
            f"{path}:{lines[-1] if lines else 1}: a double quote on this line is never closed, so the field runs to "
            'the end of the file; close the quote, or write a quote inside a quoted field as ""'
        ) from exc
    return table, lines if len(lines) == len(table) else None


def _pick(columns: list[str], candidates: tuple[str, ...]) -> str | None:
    """The first of ``candidates`` that names one of ``columns`` (compared in lower case)."""
    lower = {c.lower(): c for c in columns}
    for name in candidates:
        if name in lower:
            return lower[name]
    return None
