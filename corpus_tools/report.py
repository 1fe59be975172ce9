"""Write what the notebooks show: tables as CSV, figures as PNG and SVG, HTML snippets.

This module draws and writes; it computes no statistics. Output is deterministic: the same
table gives the same CSV bytes, and figures carry no creation date, so a ``git diff`` of two
report runs shows only real changes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

__all__ = ["write_table", "save_figure", "highlight_html", "table_html", "output_dirs", "label_documents"]

_SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9_.-]+")


def output_dirs(output_dir: str | Path) -> tuple[Path, Path]:
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
    tables, _ = output_dirs(output_dir)
    path = tables / f"{_safe(name)}.csv"
    table.to_csv(path, index=index, lineterminator="\n", float_format="%.6g", encoding="utf-8")
    return path


def save_figure(fig, name: str, output_dir: str | Path, *, formats: Sequence[str] = ("png", "svg"), dpi: int = 110) -> list[Path]:
    """Save a matplotlib figure as ``<output_dir>/figures/<name>.<fmt>`` without timestamps
    (``metadata`` cleared, SVG ids fixed), so identical figures are identical bytes."""
    import matplotlib

    _, figures = output_dirs(output_dir)
    paths = []
    for fmt in formats:
        path = figures / f"{_safe(name)}.{fmt}"
        metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None} if fmt in ("svg", "pdf") else None
        with matplotlib.rc_context({"svg.hashsalt": "corpus-tools"}):
            fig.savefig(path, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata)
        paths.append(path)
    return paths


def highlight_html(text: str, spans: Iterable[tuple[int, int]], *, tag: str = "mark") -> str:
    """Escape ``text`` for HTML and wrap each ``(start, end)`` span in ``<mark>``.

    Overlapping spans are merged. Corpus text can never inject markup:

    >>> highlight_html("<b>peace</b> force", [(3, 8)])
    '&lt;b&gt;<mark>peace</mark>&lt;/b&gt; force'
    """
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(html.escape(text[pos:s]))
        out.append(f"<{tag}>{html.escape(text[s:e])}</{tag}>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def table_html(table: pd.DataFrame, *, html_columns: Sequence[str] = (), max_rows: int | None = None) -> str:
    """Render a table as HTML, escaping every cell except ``html_columns`` (which the caller
    built with :func:`highlight_html`)."""
    shown = table if max_rows is None else table.head(max_rows)
    formatters = {c: (lambda v: v) for c in html_columns if c in shown.columns}
    escaped = shown.copy()
    for col in escaped.columns:
        # Any dtype: pandas >= 3 stores text as ``str``, not ``object``.
        if col not in formatters and not pd.api.types.is_numeric_dtype(escaped[col]):
            escaped[col] = escaped[col].map(lambda v: html.escape(str(v)) if isinstance(v, str) else v)
    return escaped.to_html(index=False, escape=False, border=0, classes="ct-table")


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text[width - 1] != " " and " " in cut:  # drop the last, partial word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "\u2026"


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _unique_prefixes(ids: Sequence[str], *, min_len: int = 3) -> list[str]:
    """The shortest prefix of each id (at least ``min_len`` characters) that no other id shares:
    one character past the longest start it has in common with its neighbours in sorted order."""
    order = sorted(set(ids))
    shared = {doc_id: 0 for doc_id in order}
    for a, b in zip(order, order[1:]):
        n = _common_prefix(a, b)
        shared[a], shared[b] = max(shared[a], n), max(shared[b], n)
    keys = []
    for doc_id in ids:
        key = doc_id[: max(min_len, shared[doc_id] + 1)]
        while len(key) > shared[doc_id] + 1 and key[-1] in "_-. ":  # a trailing separator, unless it tells ids apart
            key = key[:-1]
        keys.append(key)
    return keys


def label_documents(corpus: pd.DataFrame, *, width: int = 40) -> pd.Series:
    """Short readable labels for figures, indexed by ``doc_id``: the shortest unique start of
    the ``doc_id`` (so every label leads back to its document), then the title cut to ``width``
    characters at a word boundary; a document without a title shows the first words of its text.

    >>> docs = pd.DataFrame({"doc_id": ["000_a1", "001_b2"], "title": ["Talks begin on a force for Ukraine", None],
    ...                      "text": ["...", "Washington - Allies met on Monday."]})
    >>> label_documents(docs, width=20).tolist()
    ['000 \u00b7 Talks begin on a\u2026', '001 \u00b7 Washington - Allies\u2026']
    """
    ids = corpus["doc_id"].astype(str).tolist()
    titles = corpus["title"] if "title" in corpus else pd.Series([None] * len(corpus), index=corpus.index)
    texts = corpus["text"] if "text" in corpus else pd.Series([""] * len(corpus), index=corpus.index)
    labels = []
    for key, title, text in zip(_unique_prefixes(ids), titles, texts):
        words = title if isinstance(title, str) and title.strip() else (str(text).strip().splitlines() or [""])[0]
        labels.append(f"{key} \u00b7 {_short(words, width)}" if words.strip() else key)
    return pd.Series(labels, index=pd.Index(ids, name="doc_id"), name="label")
