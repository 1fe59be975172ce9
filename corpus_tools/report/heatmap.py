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

__all__ = ["plot_heatmap"]


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
    readable as twenty.
    """
    import matplotlib.pyplot as plt

    values = matrix.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(1.2 + 0.9 * matrix.shape[1], 2.4 + 0.45 * matrix.shape[0]))
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
