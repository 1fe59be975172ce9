"""Write tables as CSV and figures as PNG and SVG, byte-stable: the same table gives the same
CSV bytes and figures carry no creation date, so a ``git diff`` of two runs shows only real changes.
A table with more rows than a spreadsheet opens (:data:`MAX_CSV_ROWS`: the sentence scores of a large
corpus) is written as Parquet instead, and a line says so.

>>> import tempfile
>>> path = write_table(pd.DataFrame({"share": [1 / 3]}), "shares", tempfile.mkdtemp())
>>> path.name, path.read_text(encoding="utf-8")
('shares.csv', 'share\\n0.333333\\n')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from corpus_tools.checks import make_renamed_getattr

__all__ = ["MAX_CSV_ROWS", "make_output_dirs", "write_table", "save_figure"]

#: The most rows :func:`write_table` writes as CSV: what Excel and LibreOffice Calc open (1,048,576
#: rows with the header). A longer table is written as Parquet: a spreadsheet would cut it, and its
#: CSV (hundreds of MB of formatted floats) takes minutes to write and to read.
MAX_CSV_ROWS = 1_048_575

_SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9_.-]+")


def make_output_dirs(output_dir: str | Path) -> tuple[Path, Path]:
    """Create and return ``(tables_dir, figures_dir)`` under a report folder."""
    root = Path(output_dir)
    tables, figures = root / "tables", root / "figures"
    tables.mkdir(parents=True, exist_ok=True)
    figures.mkdir(parents=True, exist_ok=True)
    return tables, figures


def _safe(name: str) -> str:
    return _SAFE_NAME_RE.sub("_", name).strip("_")


def write_table(
    table: pd.DataFrame, name: str, output_dir: str | Path, *, index: bool = False, max_csv_rows: int = MAX_CSV_ROWS
) -> Path:
    """Write ``table`` to ``<output_dir>/tables/<name>.csv`` (UTF-8, ``\\n`` line ends, floats
    with up to 6 significant decimals so the bytes are stable) and return the path.

    A table of more than ``max_csv_rows`` rows is written to ``<name>.parquet`` instead (full
    precision; ``pandas.read_parquet`` or R's ``arrow::read_parquet`` read it), and a line names
    the file and why. The file of the other format from an earlier run is removed, so the folder
    never holds two versions of a table.

    >>> import tempfile
    >>> write_table(pd.DataFrame({"n": range(3)}), "counts", tempfile.mkdtemp(), max_csv_rows=2).name
    counts: 3 rows, more than a spreadsheet opens (2): written as Parquet, tables/counts.parquet
    'counts.parquet'
    """
    tables, _ = make_output_dirs(output_dir)
    csv_path, parquet_path = tables / f"{_safe(name)}.csv", tables / f"{_safe(name)}.parquet"
    if len(table) <= max_csv_rows:
        parquet_path.unlink(missing_ok=True)
        table.to_csv(csv_path, index=index, lineterminator="\n", float_format="%.6g", encoding="utf-8")
        return csv_path
    csv_path.unlink(missing_ok=True)
    _write_parquet(table, parquet_path, index=index)
    print(
        f"{name}: {len(table):,} rows, more than a spreadsheet opens ({max_csv_rows:,}): written as Parquet, "
        f"tables/{parquet_path.name}"
    )
    return parquet_path


def _write_parquet(table: pd.DataFrame, path: Path, *, index: bool) -> None:
    """Parquet (zstd) of ``table``; a text column that also holds numbers or other objects is
    written as text (Parquet needs one type per column), missing values kept missing."""
    import pyarrow as pa

    try:
        table.to_parquet(path, index=index, compression="zstd")
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        mixed = {
            column: table[column].map(lambda v: v if v is None or (isinstance(v, float) and v != v) else str(v))
            for column in table.columns
            if table[column].dtype == object
        }
        table.assign(**mixed).to_parquet(path, index=index, compression="zstd")


def save_figure(
    fig, name: str, output_dir: str | Path, *, formats: Sequence[str] = ("png", "svg"), dpi: int = 110
) -> list[Path]:
    """Save a matplotlib figure as ``<output_dir>/figures/<name>.<fmt>`` without timestamps
    (``metadata`` cleared, SVG ids fixed), so identical figures are identical bytes."""
    import matplotlib

    _, figures = make_output_dirs(output_dir)
    paths = []
    for fmt in formats:
        path = figures / f"{_safe(name)}.{fmt}"
        metadata = (
            {"Software": None} if fmt == "png" else {"Date": None, "Creator": None} if fmt in ("svg", "pdf") else None
        )
        with matplotlib.rc_context({"svg.hashsalt": "corpus-tools"}):
            fig.savefig(path, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata)
        paths.append(path)
    return paths


# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"output_dirs": "make_output_dirs"})
