"""HTML snippets for reports: every piece of corpus text is escaped, highlights included.

>>> format_table_html(pd.DataFrame({"text": ["<script>x</script>"]})).count("&lt;script&gt;")
1
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.checks import make_renamed_getattr

__all__ = ["highlight_html", "format_table_html", "format_cell_html", "format_number"]


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


#: Inline style of every table: cells wrap anywhere (a long URL never widens the page); a shortened
#: cell shows its full text on hover (``title``).
TABLE_STYLE = (
    "<style>.ct-table{max-width:100%;border-collapse:collapse}"
    ".ct-table td,.ct-table th{overflow-wrap:anywhere;word-break:break-word;max-width:40em;vertical-align:top}"
    ".ct-short{text-decoration:underline dotted #999}.ct-more{color:#555;font-size:90%}</style>"
)
_P_COLUMNS = ("p", "p_value", "p_adjusted", "p_adj")
#: Columns shown whole, never shortened: identifiers and file names (they wrap instead).
WHOLE_COLUMNS = ("doc_id", "file", "path", "target", "duplicate_of")


def format_number(value, *, column: str = "") -> str:
    """One number format for every table: integers with thousands separators, p-values with three
    decimals (``< 0.001`` below), other numbers with three significant decimals (``1,234``,
    ``12.35``, ``0.123``; ``1.2e-05`` when tiny), missing values empty.

    >>> [format_number(v) for v in (1234, 1234.5, 12.345, 0.12345, 0.0, 1.2e-5, float("nan"))]
    ['1,234', '1,234', '12.35', '0.123', '0', '1.2e-05', '']
    >>> format_number(0.00002, column="p_adjusted"), format_number(0.0412, column="p_value")
    ('< 0.001', '0.041')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    value = float(value)
    if math.isnan(value):
        return ""
    if column in _P_COLUMNS:
        return "< 0.001" if value < 0.001 else f"{value:.3f}"
    size = abs(value)
    if size == 0 or size.is_integer() and size < 1e15:
        return f"{value:,.0f}"
    if size >= 100:
        return f"{value:,.0f}"
    if size >= 1:
        return f"{value:.2f}"
    if size >= 0.001:
        return f"{value:.3f}"
    return f"{value:.1e}"


def format_cell_html(value, *, max_chars: int | None = 80) -> str:
    """A text cell as escaped HTML; longer than ``max_chars`` it is cut at a word boundary with an
    ellipsis, the full text in a ``title`` attribute (shown on hover).

    >>> format_cell_html("<b>short</b>")
    '&lt;b&gt;short&lt;/b&gt;'
    >>> format_cell_html("https://example.invalid/a/very/long/path", max_chars=20)
    '<span class="ct-short" title="https://example.invalid/a/very/long/path">https://example.inv\u2026</span>'
    """
    text = "" if value is None else str(value)
    if max_chars is None or len(text) <= max_chars:
        return html.escape(text)
    cut = text[: max_chars - 1]
    if " " in cut[max_chars // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return f'<span class="ct-short" title="{html.escape(text)}">{html.escape(cut.rstrip())}\u2026</span>'


def _csv_link(csv: str | Path) -> str:
    """``tables/<name>.csv`` (the report page sits beside ``tables/``) as a link."""
    path = Path(csv)
    rel = f"{path.parent.name}/{path.name}" if path.parent.name else path.name
    return f'<a href="{html.escape(rel)}">{html.escape(path.name)}</a>'


def format_table_html(
    table: pd.DataFrame,
    *,
    html_columns: Sequence[str] = (),
    max_rows: int | None = None,
    max_chars: int | None = 80,
    csv: str | Path | None = None,
    whole_columns: Sequence[str] = WHOLE_COLUMNS,
) -> str:
    """Render a table as HTML that fits the page, whatever the corpus.

    Args:
        table: the rows to show.
        html_columns: columns the caller built as HTML (:func:`highlight_html`), kept as they are;
            every other cell is escaped.
        max_rows: show the first ``max_rows`` rows and say how many more are in ``csv``.
        max_chars: text cells longer than this are shortened (:func:`format_cell_html`), except in
            ``whole_columns`` (ids and file names are never cut; they wrap).
        csv: the full table's CSV (:func:`corpus_tools.report.write_table`), linked under the table.

    Numbers follow :func:`format_number`; cells wrap anywhere, so a long URL never widens the page.

    >>> out = format_table_html(pd.DataFrame({"n": range(5)}), max_rows=2, csv="tables/t.csv")
    >>> out.count("<tr>"), '3 more rows in <a href="tables/t.csv">t.csv</a>' in out
    (2, True)
    """
    shown = table if max_rows is None else table.head(max_rows)
    escaped = pd.DataFrame(index=range(len(shown)))
    for col in shown.columns:
        values = shown[col].tolist()
        if col in html_columns:
            escaped[col] = values
        elif pd.api.types.is_numeric_dtype(shown[col]) and not pd.api.types.is_bool_dtype(shown[col]):
            escaped[col] = [format_number(v, column=str(col)) for v in values]
        else:  # any dtype: pandas >= 3 stores text as ``str``, not ``object``
            escaped[col] = [
                format_number(v, column=str(col))
                if isinstance(v, (int, float, np.number)) and not isinstance(v, bool)
                else format_cell_html(v, max_chars=None if col in whole_columns else max_chars)
                for v in values
            ]
    escaped.columns = [html.escape(str(c)) for c in shown.columns]
    body = escaped.to_html(index=False, escape=False, border=0, classes="ct-table")
    more = len(table) - len(shown)
    if more:
        where = f"in {_csv_link(csv)}" if csv is not None else "not shown"
        body += f'\n<p class="ct-more">{more:,} more row{"s" if more != 1 else ""} {where}</p>'
    elif csv is not None:
        body += f'\n<p class="ct-more">Full table: {_csv_link(csv)}</p>'
    return TABLE_STYLE + body


# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"table_html": "format_table_html"})
