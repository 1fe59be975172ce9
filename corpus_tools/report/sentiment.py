"""Figures of the sentiment analysis (:mod:`corpus_tools.sentiment`); they draw, never save.

``plot_groups`` (group means with intervals over the sentences), ``plot_arcs`` (sentiment
arcs), ``plot_actor_heatmap`` (actor x group means) and ``plot_drivers`` (the terms behind the
scores). ``labels`` maps a group or document to the name shown (``report.label_documents``).

>>> g = pd.DataFrame({"lexicon": "vader", "group": ["a"], "estimate": [.1], "ci_low": [0], "ci_high": [.2]})
>>> [float(x) for x in plot_groups(g).axes[0].get_xlim()]
[-1.05, 1.05]
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import numpy as np
import pandas as pd

from corpus_tools.groups import attach_groups
from corpus_tools.report.labels import format_figure_text

__all__ = ["plot_groups", "plot_arcs", "plot_actor_heatmap", "plot_drivers"]


def plot_groups(
    groups: pd.DataFrame,
    *,
    scores: pd.DataFrame | None = None,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    labels: Mapping | None = None,
    title: str = "Sentence compound by group: every sentence, mean and 95% CI",
):
    """Distribution by group: each sentence's compound as a faint dot (when ``scores`` is
    given), and the group mean with its interval from
    :func:`~corpus_tools.sentiment.groups.summarize_groups` as a dot and whisker; one row per
    group, one colour per lexicon.

    Args:
        groups: from :func:`~corpus_tools.sentiment.groups.summarize_groups`.
        scores: sentence scores (:func:`~corpus_tools.sentiment.scores.score_sentences`), to
            draw the distribution.
        by, corpus: the grouping column of ``scores`` and where to find it (as in
            ``summarize_groups``; documents without a value are in ``"(missing)"``).
        labels: display name of each group (e.g. ``report.label_documents(docs)``); others keep their value.
        title: the plot title.

    >>> g = pd.DataFrame({"lexicon": "vader", "group": ["a", "b"], "estimate": [.1, -.2],
    ...                   "ci_low": [0, -.3], "ci_high": [.2, -.1]})
    >>> plot_groups(g, labels={"a": "Article A"}).axes[0].get_yticklabels()[0].get_text()
    'Article A'
    """
    import matplotlib.pyplot as plt

    names = list(dict.fromkeys(groups["group"].astype(str)))
    lexicons = list(dict.fromkeys(groups["lexicon"]))
    fig, ax = plt.subplots(figsize=(8, 1 + 0.35 * len(names) * max(1, len(lexicons))))
    step = 0.8 / max(1, len(lexicons))
    points = attach_groups(scores, by, documents=corpus, warn=False) if scores is not None else None
    jitter = np.random.default_rng(0)
    for k, lexicon in enumerate(lexicons):
        part, offset = groups[groups["lexicon"] == lexicon], (k - (len(lexicons) - 1) / 2) * step
        colour = f"C{k % 10}"
        if points is not None:
            mine = points[(points["lexicon"] == lexicon) & points["group"].isin(names)]
            y = mine["group"].map(names.index).to_numpy() + offset + jitter.uniform(-step / 3, step / 3, len(mine))
            ax.scatter(mine["compound"], y, s=6, alpha=0.25, color=colour, linewidths=0)
        y = np.array([names.index(str(g)) for g in part["group"]]) + offset
        err = np.vstack([part["estimate"] - part["ci_low"], part["ci_high"] - part["estimate"]])
        ax.errorbar(part["estimate"], y, xerr=err, fmt="o", capsize=3, color=colour, label=format_figure_text(lexicon))
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(range(len(names)), [format_figure_text(({} if labels is None else labels).get(n, n)) for n in names])
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("sentence compound (-1 most negative, +1 most positive)")
    ax.set_title(format_figure_text(title))
    ax.legend(frameon=False, loc="best")
    fig.tight_layout()
    return fig


def plot_arcs(arcs: pd.DataFrame, *, lexicon: str = "vader", labels: Mapping | None = None, title: str | None = None):
    """Sentiment arcs from :func:`~corpus_tools.sentiment.groups.summarize_arcs`: a thin line per
    document, the mean in black; ``labels`` maps a ``doc_id`` to the name shown in the legend.

    >>> a = pd.DataFrame({"lexicon": "vader", "doc_id": ["a", "a"], "segment": [0, 1],
    ...                   "position": [.25, .75], "n_sentences": 1, "compound": [.1, -.1]})
    >>> plot_arcs(a).axes[0].get_xlabel()
    'relative position in the article (0 = start, 1 = end)'
    """
    import matplotlib.pyplot as plt

    part = arcs[arcs["lexicon"] == lexicon]
    fig, ax = plt.subplots(figsize=(8, 4))
    for doc_id, doc in part.groupby("doc_id", sort=True):
        ax.plot(
            doc["position"],
            doc["compound"],
            lw=1,
            alpha=0.6,
            marker=".",
            label=format_figure_text(({} if labels is None else labels).get(doc_id, doc_id)),
        )
    mean = part.groupby("position")["compound"].mean()
    ax.plot(mean.index, mean.to_numpy(), color="black", lw=2.5, label="mean of documents")
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("relative position in the article (0 = start, 1 = end)")
    ax.set_ylabel(f"mean sentence compound ({lexicon})")
    ax.set_title(format_figure_text(title or f"Sentiment arcs ({lexicon})"))
    if part["doc_id"].nunique() <= 12:
        ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1, 0.5))
    fig.tight_layout()
    return fig


def plot_actor_heatmap(
    actors: pd.DataFrame,
    *,
    lexicon: str = "vader",
    min_n: int = 1,
    labels: Mapping | None = None,
    title: str | None = None,
):
    """Actor x group heatmap of :func:`~corpus_tools.sentiment.actors.summarize_actors`: mean
    tone toward each actor in the sentences mentioning it, the number of sentences written in each
    cell; empty cells have no mention.
    ``labels`` maps a group to the name shown under its column. With more than 12 groups the
    columns are narrow and the cells carry colour only (the numbers are in the table).

    >>> a = pd.DataFrame({"lexicon": "vader", "actor": ["NATO", "Russia"], "group": ["d1", "d1"],
    ...                   "n": [2, 1], "estimate": [.3, -.4], "ci_low": [.1, -.4], "ci_high": [.5, -.4]})
    >>> [t.get_text() for t in plot_actor_heatmap(a).axes[0].get_yticklabels()]
    ['NATO', 'Russia']
    """
    import matplotlib.pyplot as plt

    part = actors[(actors["lexicon"] == lexicon) & (actors["n"] >= min_n)]
    values = part.pivot_table(index="actor", columns="group", values="estimate", sort=True)
    counts = part.pivot_table(index="actor", columns="group", values="n", sort=True).reindex_like(values)
    wide = values.shape[1] > 12
    fig, ax = plt.subplots(
        figsize=(2.5 + (0.35 if wide else 1.25) * max(1, values.shape[1]), 1.5 + 0.4 * max(1, values.shape[0]))
    )
    image = ax.imshow(values.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    for (i, j), n in np.ndenumerate(counts.to_numpy(dtype=float)):
        if not np.isnan(n) and not wide:
            ax.text(j, i, f"{values.iat[i, j]:+.2f}\nn={int(n)}", ha="center", va="center", fontsize=7)
    if labels is None or wide:
        names = [format_figure_text(({} if labels is None else labels).get(c, c)) for c in values.columns]
        ax.set_xticks(range(values.shape[1]), names, rotation=90 if wide else 35, ha="center" if wide else "right")
    else:  # titles wrapped under their column
        ax.set_xticks(
            range(values.shape[1]),
            [format_figure_text(textwrap.fill(str(labels.get(c, c)), 16)) for c in values.columns],
            fontsize=8,
        )
    ax.set_yticks(range(values.shape[0]), [format_figure_text(a) for a in values.index])
    fig.colorbar(image, ax=ax, label=f"mean tone toward the actor ({lexicon})")
    ax.set_title(format_figure_text(title or "Sentiment of sentences mentioning each actor"))
    fig.tight_layout()
    return fig


def plot_drivers(drivers: pd.DataFrame, *, group=None, top_n: int = 15, title: str | None = None):
    """Bar chart of :func:`~corpus_tools.sentiment.drivers.count_drivers` for one group (default:
    all groups pooled): the terms with the largest absolute contribution, positive to the right,
    negative to the left.

    >>> d = pd.DataFrame({"lexicon": "vader", "group": "a", "term": ["peace", "war"], "count": [2, 1],
    ...                   "contribution": [5.0, -2.9], "share": [.63, .37]})
    >>> [t.get_text() for t in plot_drivers(d).axes[0].get_yticklabels()]
    ['peace', 'war']
    """
    import matplotlib.pyplot as plt

    part = drivers if group is None else drivers[drivers["group"] == group]
    pooled = part.groupby("term", sort=False).agg(count=("count", "sum"), contribution=("contribution", "sum"))
    pooled = pooled.reindex(pooled["contribution"].abs().sort_values(ascending=False, kind="mergesort").index)
    pooled = pooled.head(top_n)
    fig, ax = plt.subplots(figsize=(7, 1 + 0.3 * len(pooled)))
    colours = np.where(pooled["contribution"] >= 0, "#3b6ea5", "#b5403a")
    ax.barh([format_figure_text(t) for t in pooled.index], pooled["contribution"], color=colours)
    for y, (c, n) in enumerate(zip(pooled["contribution"], pooled["count"])):
        ax.text(c, y, f" {int(n)}x ", va="center", ha="left" if c >= 0 else "right", fontsize=7)
    ax.axvline(0, color="grey", lw=0.8)
    ax.invert_yaxis()
    lexicon = ", ".join(dict.fromkeys(part["lexicon"]))
    ax.set_xlabel(f"summed contribution to sentence scores ({lexicon})")
    ax.set_title(format_figure_text(title or ("Words driving the scores" + ("" if group is None else f": {group}"))))
    fig.tight_layout()
    return fig
