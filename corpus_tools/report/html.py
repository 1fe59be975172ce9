"""HTML snippets for reports: every piece of corpus text is escaped, highlights included.

>>> format_table_html(pd.DataFrame({"text": ["<script>x</script>"]})).count("&lt;script&gt;")
1
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd

from corpus_tools.checks import make_renamed_getattr

__all__ = ["highlight_html", "format_table_html"]


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


def format_table_html(table: pd.DataFrame, *, html_columns: Sequence[str] = (), max_rows: int | None = None) -> str:
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


# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"table_html": "format_table_html"})
