"""Figures and HTML of the framing analysis (:mod:`corpus_tools.framing`): the salience and
co-occurrence heatmaps (both through :func:`corpus_tools.report.heatmap.plot_heatmap`), the
differences between groups, the evidence sentences with their cue words marked, and the
learning curve of a frame classifier trained on coded articles.

>>> e = pd.DataFrame({"group": ["a"], "frame": ["economic"], "text": ["<b>Costs</b> rose"], "spans": [[(3, 8)]]})
>>> highlight_evidence(e)["html"].tolist()
['&lt;b&gt;<mark>Costs</mark>&lt;/b&gt; rose']
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from corpus_tools.report.heatmap import MAX_HEIGHT, MAX_WIDTH, plot_heatmap, select_top_rows
from corpus_tools.report.html import format_table_html, highlight_html
from corpus_tools.report.labels import format_figure_text

__all__ = [
    "plot_frame_heatmap",
    "plot_frame_cooccurrence",
    "plot_frame_differences",
    "highlight_evidence",
    "format_evidence_html",
    "plot_learning_curve",
]

#: Colour-bar labels of the salience measures of :func:`corpus_tools.framing.count_frame_salience`.
SALIENCE_LABELS = {
    "per_10k": "hits per 10,000 words",
    "share_sentences": "share of sentences with the frame",
    "share_documents": "share of documents with the frame",
}


def plot_frame_heatmap(
    salience: pd.DataFrame, *, value: str = "per_10k", labels: Mapping | None = None, top_n: int = 30
):
    """Heatmap group x frame of :func:`corpus_tools.framing.count_frame_salience` (``value``:
    ``per_10k``, ``share_sentences`` or ``share_documents``), frames in the dictionary's order;
    ``labels`` maps a group to the name shown for its row. With more than ``top_n`` groups, the
    ``top_n`` with most words are drawn and one ``others`` row pools the rest (weighted by words:
    the rate of all their words pooled for ``per_10k``). Returns the Figure; never saves.

    >>> s = pd.DataFrame({"group": ["a", "a"], "frame": ["war", "peace"], "per_10k": [2.0, 1.0]})
    >>> [t.get_text() for t in plot_frame_heatmap(s, labels={"a": "Article A"}).axes[0].get_xticklabels()]
    ['war', 'peace']
    """
    matrix = salience.pivot(index="group", columns="frame", values=value)
    matrix = matrix.reindex(
        index=list(dict.fromkeys(salience["group"])), columns=list(dict.fromkeys(salience["frame"]))
    )
    weights = salience.pivot(index="group", columns="frame", values="n_words") if "n_words" in salience else None
    if weights is not None:
        matrix, _ = select_top_rows(matrix, weights.reindex_like(matrix), top_n=top_n)
    label = SALIENCE_LABELS.get(value, value.replace("_", " "))
    return plot_heatmap(matrix, title=f"Frame salience: {label}", label=label, labels=labels)


def plot_frame_cooccurrence(cooccurrence: pd.DataFrame, *, value: str = "jaccard"):
    """Heatmap frame x frame of :func:`corpus_tools.framing.count_frame_cooccurrence`. The
    diagonal (a frame with itself) is left empty so that the colour scale spans the pairs.
    Returns the Figure; never saves.

    >>> c = pd.DataFrame({"frame_a": ["x", "x", "y", "y"], "frame_b": ["x", "y", "x", "y"], "jaccard": [1, .2, .2, 1]})
    >>> plot_frame_cooccurrence(c).axes[0].get_images()[0].get_array().mask.tolist()
    [[True, False], [False, True]]
    """
    matrix = cooccurrence.pivot(index="frame_a", columns="frame_b", values=value)
    order = list(dict.fromkeys(cooccurrence["frame_a"]))
    matrix = matrix.reindex(index=order, columns=order).astype(float)
    values = matrix.to_numpy(copy=True)
    np.fill_diagonal(values, np.nan)
    label = "Jaccard index (with both / with either)" if value == "jaccard" else value.replace("_", " ")
    return plot_heatmap(
        pd.DataFrame(values, index=matrix.index, columns=matrix.columns),
        title="Frame co-occurrence (diagonal left empty)",
        label=label,
    )


def plot_frame_differences(differences: pd.DataFrame, *, max_pairs: int = 12, labels: Mapping | None = None):
    """Differences in the share of sentences (``share_a - share_b``) with their bootstrap
    intervals, one panel per pair of groups (:func:`corpus_tools.framing.compare_frames`), frames in the same
    (alphabetical) order in every panel. ``labels`` maps a group to the name shown in the
    panel titles. When there are more than ``max_pairs`` pairs, the figure's title says how
    many are shown. Returns the Figure; never saves.

    >>> d = pd.DataFrame({"frame": ["war", "peace"], "group_a": "a", "group_b": "b", "diff": [.2, -.1],
    ...                   "diff_ci_low": [.1, -.3], "diff_ci_high": [.3, .1]})
    >>> ax = plot_frame_differences(d, labels={"a": "Article A"}).axes[0]
    >>> ax.get_title(), [t.get_text() for t in ax.get_yticklabels()]
    ('Article A\\nminus b', ['peace', 'war'])
    """
    import matplotlib.pyplot as plt

    all_pairs = list(differences[["group_a", "group_b"]].drop_duplicates().itertuples(index=False))
    pairs = all_pairs[:max_pairs]
    frames = sorted(differences["frame"].astype(str).unique())
    ncols = min(3, max(len(pairs), 1))
    nrows = math.ceil(max(len(pairs), 1) / ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(min(MAX_WIDTH, 4.4 * ncols), min(MAX_HEIGHT, nrows * (1.0 + 0.3 * len(frames)))),
        sharey=True,
        sharex=True,
        squeeze=False,
    )
    for ax in axes.flat[len(pairs) :]:
        ax.set_visible(False)
    name = {g: str(({} if labels is None else labels).get(g, g)) for pair in pairs for g in pair}
    for ax, (a, b) in zip(axes.flat, pairs):
        part = differences[(differences["group_a"] == a) & (differences["group_b"] == b)]
        part = part.set_index(part["frame"].astype(str)).reindex(frames)
        y = np.arange(len(frames))
        err = [part["diff"] - part["diff_ci_low"], part["diff_ci_high"] - part["diff"]]
        ax.errorbar(part["diff"], y, xerr=err, fmt="o", color="#3b6ea5", ecolor="#7a9cc6", capsize=3)
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_yticks(y, [format_figure_text(f) for f in frames])
        ax.set_title(format_figure_text(f"{name[a]}\nminus {name[b]}"), fontsize=9)
    axes[0, 0].invert_yaxis()
    for col in range(ncols):  # the lowest panel of each column shows the shared x axis
        ax = axes[(len(pairs) - 1 - col) // ncols, col] if col < len(pairs) else axes[0, col]
        ax.xaxis.set_tick_params(labelbottom=True)
        ax.set_xlabel("difference in share of sentences")
    if len(all_pairs) > len(pairs):
        fig.suptitle(f"first {len(pairs)} of {len(all_pairs)} pairs of groups (all in the table)", fontsize=10)
    fig.tight_layout()
    return fig


def highlight_evidence(evidence: pd.DataFrame) -> pd.DataFrame:
    """:func:`corpus_tools.framing.select_evidence` with an ``html`` column: the escaped
    sentence with ``<mark>`` around each matched term (:func:`corpus_tools.report.highlight_html`).

    >>> e = pd.DataFrame({"text": ["Costs & prices"], "spans": [[(0, 5), (8, 14)]]})
    >>> highlight_evidence(e)["html"].tolist()
    ['<mark>Costs</mark> &amp; <mark>prices</mark>']
    """
    html = [highlight_html(text, spans) for text, spans in zip(evidence["text"], evidence["spans"])]
    return evidence.assign(html=html)


def format_evidence_html(evidence: pd.DataFrame, *, max_rows: int | None = 60, csv=None) -> str:
    """The evidence sentences as an HTML table: ``group, frame, doc_id, sent_id, start, end`` and
    the sentence with its cue words marked (every piece of corpus text escaped); the first
    ``max_rows`` rows, the rest counted and linked in ``csv``; long ids shortened.

    >>> e = pd.DataFrame({"group": ["a"], "frame": ["f"], "doc_id": ["a"], "sent_id": [0], "start": [0], "end": [5],
    ...                   "text": ["<i>War"], "spans": [[(3, 6)]]})
    >>> "&lt;i&gt;<mark>War</mark>" in format_evidence_html(e)
    True
    """
    shown = evidence if "html" in evidence.columns else highlight_evidence(evidence)
    column = "sentence (cue words marked)"
    shown = shown[["group", "frame", "doc_id", "sent_id", "start", "end", "html"]].rename(columns={"html": column})
    return format_table_html(shown, html_columns=[column], max_rows=max_rows, csv=csv, max_chars=40)


def plot_learning_curve(curve: pd.DataFrame, *, validity: pd.DataFrame | None = None):
    """Test-fold AUC of a frame classifier by number of coded training articles, one line per
    frame with a band of +/- one SD over folds (``learning_curve`` of
    :func:`corpus_tools.framing.fit_frame_classifier`); with ``validity``, the dictionary's AUC
    on the same folds as a dashed line of the frame's colour. A line still rising at its right
    end says that coding more articles will help. Returns the Figure; never saves.

    >>> c = pd.DataFrame({"frame": "economic", "n_train": [10, 40], "auc": [.6, .8], "auc_sd": [.1, .05]})
    >>> v = pd.DataFrame({"frame": ["economic"], "dictionary_auc": [.7]})
    >>> ax = plot_learning_curve(c, validity=v).axes[0]
    >>> len(ax.lines), ax.get_xlabel()  # the curve, the dictionary, chance (0.5)
    (3, 'coded articles used for training')
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    baseline = {} if validity is None else validity.set_index("frame")["dictionary_auc"].to_dict()
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for k, (frame, part) in enumerate(curve.groupby("frame", sort=False)):
        colour = colours[k % len(colours)]
        part = part.sort_values("n_train")
        ax.plot(part["n_train"], part["auc"], "o-", color=colour, label=format_figure_text(str(frame)))
        ax.fill_between(
            part["n_train"], part["auc"] - part["auc_sd"], part["auc"] + part["auc_sd"], color=colour, alpha=0.15
        )
        if not pd.isna(baseline.get(frame, math.nan)):
            ax.axhline(baseline[frame], color=colour, ls="--", lw=1)
    ax.axhline(0.5, color="grey", lw=0.8)
    ax.set_xscale("log")
    ax.set_ylim(0.3, 1.02)
    ax.set_xlabel("coded articles used for training")
    ax.set_ylabel("AUC on held-out articles")
    title = (
        "Frames learned from coding (dashed: the dictionary on the same folds)"
        if baseline
        else "Frames learned from coding"
    )
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig
