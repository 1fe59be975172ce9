"""Figures of the sentiment analysis (:mod:`corpus_tools.sentiment`); they draw, never save.

``plot_groups`` (group means with intervals), ``plot_arcs`` (sentiment arcs: a line per article
for a few, a mean line with an interval band per group for many), ``plot_actor_heatmap`` (group x
actor means, top groups and "others") and ``plot_drivers`` (the terms behind the
scores). ``labels`` maps a group or document to the name shown (``report.label_documents``).

>>> g = pd.DataFrame({"lexicon": "vader", "group": ["a"], "estimate": [.1], "ci_low": [0], "ci_high": [.2]})
>>> [float(x) for x in plot_groups(g).axes[0].get_xlim()]
[-1.05, 1.05]
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.groups import attach_groups
from corpus_tools.report.heatmap import MAX_HEIGHT, MAX_WIDTH, select_top_rows
from corpus_tools.report.labels import format_figure_text, format_short_text

__all__ = ["plot_groups", "plot_arcs", "plot_actor_heatmap", "plot_drivers", "format_missing_validation_html"]


def plot_groups(
    groups: pd.DataFrame,
    *,
    scores: pd.DataFrame | None = None,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    labels: Mapping | None = None,
    title: str | None = None,
    top_n: int = 30,
    max_points: int = 2000,
):
    """Distribution by group: each sentence's compound as a faint dot (when ``scores`` is
    given; at most ``max_points`` sentences per group and lexicon, a seeded random sample of
    larger groups, so a corpus of millions of sentences draws in seconds), and the group mean with its interval from
    :func:`~corpus_tools.sentiment.groups.summarize_groups` as a dot and whisker; one row per
    group, one colour per lexicon.

    Args:
        groups: from :func:`~corpus_tools.sentiment.groups.summarize_groups`.
        scores: sentence scores (:func:`~corpus_tools.sentiment.scores.score_sentences`), to
            draw the distribution.
        by, corpus: the grouping column of ``scores`` and where to find it (as in
            ``summarize_groups``; documents without a value are in ``"(missing)"``).
        labels: display name of each group (e.g. ``report.label_documents(docs)``); others keep their value.
        title: the plot title; by default it names the unit the interval resampled (the ``unit``
            column of ``groups``: articles unless ``unit="sentence"`` was asked for).
        top_n: with more groups, the ``top_n`` with the most sentences (``n``) are drawn and the
            title says how many of how many (every group is in the table).

    >>> g = pd.DataFrame({"lexicon": "vader", "group": ["a", "b"], "estimate": [.1, -.2],
    ...                   "ci_low": [0, -.3], "ci_high": [.2, -.1]})
    >>> plot_groups(g, labels={"a": "Article A"}).axes[0].get_yticklabels()[0].get_text()
    'Article A'
    """
    import matplotlib.pyplot as plt

    if title is None:
        units = set(groups["unit"]) if "unit" in groups.columns else set()
        what = (
            "sentences resampled (descriptive)"
            if units and all("sentence" in u for u in units)
            else "articles resampled"
        )
        title = f"Sentence compound by group: every sentence, group mean and 95% CI ({what})"
    names = list(dict.fromkeys(groups["group"].astype(str)))
    n_groups = len(names)
    if n_groups > top_n:
        size = groups.groupby(groups["group"].astype(str), sort=False)["n"].max() if "n" in groups else None
        ranked = size.sort_values(ascending=False, kind="mergesort").index if size is not None else names
        names = [n for n in names if n in set(list(ranked)[:top_n])]
        groups = groups[groups["group"].astype(str).isin(names)]
        title = f"{title}\n({top_n} of {n_groups} groups, those with most sentences; all in the table)"
    lexicons = list(dict.fromkeys(groups["lexicon"]))
    fig, ax = plt.subplots(figsize=(8, min(MAX_HEIGHT, 1.2 + 0.3 * len(names) * max(1, len(lexicons)))))
    step = 0.8 / max(1, len(lexicons))
    points = None
    if scores is not None:  # the columns drawn, not a copy of the whole table with its texts
        present = [c for c in dict.fromkeys(["doc_id", "lexicon", "compound", by]) if c in scores.columns]
        points = attach_groups(scores[present], by, documents=corpus, warn=False)
    jitter = np.random.default_rng(0)
    for k, lexicon in enumerate(lexicons):
        part, offset = groups[groups["lexicon"] == lexicon], (k - (len(lexicons) - 1) / 2) * step
        colour = f"C{k % 10}"
        if points is not None:
            mine = points[(points["lexicon"] == lexicon) & points["group"].isin(names)]
            if mine["group"].value_counts().max() > max_points:  # (a sample: the order is shuffled)
                mine = mine.sample(frac=1.0, random_state=0).groupby("group", sort=False).head(max_points)
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


def plot_arcs(
    arcs: pd.DataFrame,
    *,
    lexicon: str = "vader",
    bands: pd.DataFrame | None = None,
    labels: Mapping | None = None,
    title: str | None = None,
    max_lines: int = 12,
    top_n: int = 8,
):
    """Sentiment arcs from :func:`~corpus_tools.sentiment.groups.summarize_arcs`.

    Up to ``max_lines`` documents: a thin line per document (named in the legend through
    ``labels``) and their mean in black. More documents: no line per document; with ``bands``
    (per segment and group, as :func:`corpus_tools.stats.summarize_by` gives them: ``segment,
    group, n, estimate, ci_low, ci_high``) a mean line and its interval band per group (the
    ``top_n`` groups with most articles; the title says how many are drawn), else the mean of
    documents alone.

    >>> a = pd.DataFrame({"lexicon": "vader", "doc_id": ["a", "a"], "segment": [0, 1],
    ...                   "position": [.25, .75], "n_sentences": 1, "compound": [.1, -.1]})
    >>> plot_arcs(a).axes[0].get_xlabel()
    'relative position in the article (0 = start, 1 = end)'
    """
    import matplotlib.pyplot as plt

    part = arcs[arcs["lexicon"] == lexicon]
    names = {} if labels is None else labels
    n_docs = part["doc_id"].nunique()
    fig, ax = plt.subplots(figsize=(8, 4))
    if n_docs <= max_lines:
        for doc_id, doc in part.groupby("doc_id", sort=True):
            label = format_figure_text(names.get(doc_id, doc_id))
            ax.plot(doc["position"], doc["compound"], lw=1, alpha=0.6, marker=".", label=label)
    n_segments = max(int(part["segment"].max()) + 1, 1) if len(part) else 1
    heading = title or f"Sentiment arcs ({lexicon})"
    if bands is not None and n_docs > max_lines:
        band = bands[bands["lexicon"] == lexicon] if "lexicon" in bands else bands
        size = band.groupby("group", sort=False)["n"].max().sort_values(ascending=False, kind="mergesort")
        shown = list(size.index[:top_n])
        for k, group in enumerate(shown):
            rows = band[band["group"] == group].sort_values("segment")
            x = (rows["segment"].to_numpy(dtype=float) + 0.5) / n_segments
            colour = f"C{k % 10}"
            label = format_figure_text(f"{names.get(group, group)} ({int(size[group])} articles)")
            ax.plot(x, rows["estimate"], color=colour, lw=2, marker=".", label=label)
            ax.fill_between(x, rows["ci_low"], rows["ci_high"], color=colour, alpha=0.18, linewidth=0)
        if len(size) > len(shown):
            heading += f"\n({len(shown)} of {len(size)} groups, those with most articles; all in the table)"
        ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1, 0.5))
    else:
        mean = part.groupby("position")["compound"].mean()
        ax.plot(mean.index, mean.to_numpy(), color="black", lw=2.5, label=f"mean of {n_docs} documents")
        if n_docs <= max_lines:
            ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1, 0.5))
        else:
            ax.legend(frameon=False, fontsize="small", loc="best")
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("relative position in the article (0 = start, 1 = end)")
    ax.set_ylabel(f"mean sentence compound ({lexicon})")
    ax.set_title(format_figure_text(heading))
    fig.tight_layout()
    return fig


def plot_actor_heatmap(
    actors: pd.DataFrame,
    *,
    lexicon: str = "vader",
    min_n: int = 1,
    labels: Mapping | None = None,
    title: str | None = None,
    top_n: int = 25,
):
    """Group x actor heatmap of :func:`~corpus_tools.sentiment.actors.summarize_actors`: mean
    tone toward each actor (columns) in each group (rows), in the sentences mentioning it, the
    mean and the number of sentences written in each cell; empty cells have no mention.

    ``labels`` maps a group to the name shown for its row. With more than ``top_n`` groups the
    ``top_n`` with most mentions are shown and one ``others`` row pools the rest (the mean of all
    their sentences), so the figure stays within :data:`~corpus_tools.report.heatmap.MAX_HEIGHT`.

    >>> a = pd.DataFrame({"lexicon": "vader", "actor": ["NATO", "Russia"], "group": ["d1", "d1"],
    ...                   "n": [2, 1], "estimate": [.3, -.4], "ci_low": [.1, -.4], "ci_high": [.5, -.4]})
    >>> ax = plot_actor_heatmap(a).axes[0]
    >>> [t.get_text() for t in ax.get_xticklabels()], [t.get_text() for t in ax.get_yticklabels()]
    (['NATO', 'Russia'], ['d1'])
    """
    import matplotlib.pyplot as plt

    part = actors[(actors["lexicon"] == lexicon) & (actors["n"] >= min_n)]
    values = part.pivot_table(index="group", columns="actor", values="estimate", sort=False)
    counts = part.pivot_table(index="group", columns="actor", values="n", sort=False, aggfunc="sum")
    order = list(dict.fromkeys(part["group"]))
    values = values.reindex(index=order, columns=sorted(values.columns, key=str))
    values, counts = select_top_rows(values, counts.reindex_like(values), top_n=top_n)
    names = [
        format_figure_text(format_short_text(str(({} if labels is None else labels).get(g, g)), width=48))
        for g in values.index
    ]
    width = min(MAX_WIDTH, 3.5 + 0.9 * max(1, values.shape[1]))
    fig, ax = plt.subplots(figsize=(width, min(MAX_HEIGHT, 1.8 + 0.42 * max(1, values.shape[0]))))
    image = ax.imshow(values.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    small = values.shape[1] <= 12
    for (i, j), n in np.ndenumerate(counts.to_numpy(dtype=float)):
        if not np.isnan(n) and not np.isnan(values.iat[i, j]):
            text = f"{values.iat[i, j]:+.2f}\nn={int(n)}" if small else f"{int(n)}"
            ax.text(j, i, text, ha="center", va="center", fontsize=7 if small else 6)
    ax.set_xticks(range(values.shape[1]), [format_figure_text(a) for a in values.columns], rotation=35, ha="right")
    ax.set_yticks(range(values.shape[0]), names, fontsize=8)
    fig.colorbar(image, ax=ax, label=f"mean tone toward the actor ({lexicon})")
    ax.set_title(format_figure_text(title or "Tone toward each actor, in the sentences mentioning it"))
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


#: Where the human-rated sentences of Hutto & Gilbert (2014) are published.
VADER_DATA_URLS = (
    "https://github.com/cjhutto/vaderSentiment (the archive hutto_ICWSM_2014.tar.gz in its additional resources)",
    "http://comp.social.gatech.edu/papers/hutto_ICWSM_2014.tar.gz",
)


def format_missing_validation_html(eval_dir: str | Path) -> str:
    """What to do when the sentiment validity table has no data: where to download the
    human-rated sentences, which files to put where, and the parameter to set; shown instead of
    an empty table.

    >>> html_text = format_missing_validation_html("/data/eval")
    >>> "/data/eval/vader_groundtruth/nytEditorialSnippets_GroundTruth.txt" in html_text, "eval_dir" in html_text
    (True, True)
    """
    from corpus_tools.validation.sentiment import FOLDER, SETS

    target = Path(eval_dir) / FOLDER
    files = "".join(f"<li><code>{html.escape(str(target / name))}</code></li>" for name in SETS.values())
    sources = " or ".join(f"<code>{html.escape(u)}</code>" for u in VADER_DATA_URLS)
    return (
        '<div class="ct-missing-data"><p><strong>No validity table: the rated sentences are not on this '
        f"machine</strong> (looked in <code>{html.escape(str(target))}</code>).</p>"
        f"<p>To get it: download the VADER ground-truth archive from {sources}, unpack it, and copy "
        f"these files (the NYT editorials are the ones this table uses):</p><ul>{files}</ul>"
        "<p>Then run the report again, or point the <code>eval_dir</code> parameter at the folder that holds "
        f"<code>{FOLDER}/</code> (<code>corpus-tools report -p eval_dir=/path/to/eval</code>).</p></div>"
    )
