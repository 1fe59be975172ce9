"""Write tables as CSV and figures as PNG and SVG, byte-stable: the same table gives the same
CSV bytes and figures carry no creation date, so a ``git diff`` of two runs shows only real changes.

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

__all__ = ["make_output_dirs", "write_table", "save_figure"]

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


def write_table(table: pd.DataFrame, name: str, output_dir: str | Path, *, index: bool = False) -> Path:
    """Write ``table`` to ``<output_dir>/tables/<name>.csv`` (UTF-8, ``\\n`` line ends, floats
    with up to 6 significant decimals so the bytes are stable) and return the path."""
    tables, _ = make_output_dirs(output_dir)
    path = tables / f"{_safe(name)}.csv"
    table.to_csv(path, index=index, lineterminator="\n", float_format="%.6g", encoding="utf-8")
    return path


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
