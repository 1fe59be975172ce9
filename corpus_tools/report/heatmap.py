"""One heatmap for every analysis: rows x columns of a wide table, labelled, readable at any size.

>>> import pandas as pd
>>> m = pd.DataFrame([[1.0, 2.0], [3.0, float("nan")]], index=["a", "b"], columns=["x", "y"])
>>> fig = plot_heatmap(m, title="t", label="n")
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()], len(fig.axes[0].texts)
(['a', 'b'], 3)
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from corpus_tools.report.labels import format_figure_text

__all__ = ["plot_heatmap", "select_top_rows", "MAX_WIDTH", "MAX_HEIGHT"]

#: Largest figure size in inches (about 1,100 x 1,760 px as saved at 110 dpi): a figure grows with
#: its rows up to this height; beyond it the callers show the top rows and an "others" row.
MAX_WIDTH, MAX_HEIGHT = 10.0, 16.0


def select_top_rows(
    values: pd.DataFrame, weights: pd.DataFrame, *, top_n: int = 30, others: str = "others"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``top_n`` rows of ``values`` with the largest total weight, in their order, and one
    row ``"<others> (k rows)"`` for the rest: each cell the weighted mean of the rows folded into it
    (the pooled value when ``values`` are means and ``weights`` their counts), its weight the sum.

    Nothing is dropped: every row is either shown or counted in the ``others`` row.

    >>> v = pd.DataFrame({"x": [1.0, 2.0, 4.0]}, index=["a", "b", "c"])
    >>> w = pd.DataFrame({"x": [5, 1, 3]}, index=["a", "b", "c"])
    >>> top, n = select_top_rows(v, w, top_n=1)
    >>> top["x"].tolist(), n["x"].tolist(), top.index.tolist()
    ([1.0, 3.5], [5.0, 4.0], ['a', 'others (2 rows)'])
    """
    weights = weights.reindex_like(values).astype(float)
    if len(values) <= top_n:
        return values, weights
    keep = weights.fillna(0).sum(axis=1).sort_values(ascending=False, kind="mergesort").index[:top_n]
    keep = [i for i in values.index if i in set(keep)]
    rest = values.index.difference(keep, sort=False)
    w = weights.loc[rest].where(values.loc[rest].notna())
    pooled = (values.loc[rest] * w).sum(min_count=1) / w.sum(min_count=1)
    label = f"{others} ({len(rest)} rows)"
    top_values = pd.concat([values.loc[keep], pooled.to_frame(label).T])
    top_weights = pd.concat([weights.loc[keep], w.sum(min_count=1).to_frame(label).T])
    return top_values, top_weights


def plot_heatmap(
    matrix: pd.DataFrame,
    *,
    title: str,
    label: str,
    fmt: str = "{:.2g}",
    labels: Mapping | None = None,
    cmap: str = "Blues",
    vmin: float | None = None,
    vmax: float | None = None,
    cell_text: pd.DataFrame | None = None,
):
    """Draw ``matrix`` (index = rows, columns = columns) as a heatmap and return the Figure.

    Args:
        matrix: the values; NaN cells stay empty.
        title: figure title.
        label: colour-bar label (what the colour means).
        fmt: format of the number written in each cell (ignored where ``cell_text`` is given).
        labels: display names of the rows (others keep their value).
        cmap, vmin, vmax: colour scale (a diverging ``RdBu`` from -1 to 1 for tone).
        cell_text: text written in each cell instead of ``fmt`` (same shape; NaN or "" for none).

    The figure keeps fixed room for the title and the rotated column labels, so two rows are as
    readable as twenty; its size is capped at :data:`MAX_WIDTH` x :data:`MAX_HEIGHT` inches (callers
    with many rows pass the top ones, :func:`select_top_rows`).
    """
    import matplotlib.pyplot as plt

    values = matrix.to_numpy(dtype=float)
    width = min(MAX_WIDTH, max(4.0, 1.2 + 0.9 * matrix.shape[1]))
    fig, ax = plt.subplots(figsize=(width, min(MAX_HEIGHT, 2.4 + 0.45 * matrix.shape[0])))
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), [format_figure_text(c) for c in matrix.columns], rotation=40, ha="right")
    ax.set_yticks(
        range(matrix.shape[0]), [format_figure_text(({} if labels is None else labels).get(i, i)) for i in matrix.index]
    )
    top = np.nanmax(np.abs(values)) if matrix.size and not np.isnan(values).all() else 0
    for (i, j), value in np.ndenumerate(values):
        text = fmt.format(value) if cell_text is None else cell_text.iat[i, j]
        if np.isnan(value) or not isinstance(text, str) or not text:
            continue
        dark = cmap == "Blues" and top and value > 0.6 * top
        ax.text(
            j, i, format_figure_text(text), ha="center", va="center", fontsize=8, color="white" if dark else "black"
        )
    fig.colorbar(image, ax=ax, label=label)
    ax.set_title(format_figure_text(title))
    fig.tight_layout()
    return fig
