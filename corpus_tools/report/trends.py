"""Figures of coverage over time (:mod:`corpus_tools.trends`); they draw, never save.

Every time plot has the same x axis (period start dates), marks events as labelled vertical
lines, and stays readable from one period to hundreds: at most ``top_n`` groups are drawn (the
rest summed or left to the table, as the title says), date ticks are chosen by matplotlib's
concise date formatter, and a corpus whose dated articles fall into one period says so in the
figure instead of drawing a line.

>>> vol = pd.DataFrame({"period": pd.to_datetime(["2025-01-06", "2025-01-13"]), "group": "all",
...                     "articles": [3, 0], "words": [900, 0]})
>>> fig = plot_volume(vol)
>>> fig.axes[0].get_ylabel()
'articles'
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from corpus_tools.report.labels import format_figure_text

__all__ = ["plot_volume", "plot_periods", "plot_term_periods"]

_OTHERS = "(others)"


def _setup(ax) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="y", lw=0.4, alpha=0.5)


def _draw_events(ax, events: pd.DataFrame | None) -> None:
    if events is None or events.empty:
        return
    low, high = ax.get_xlim()
    import matplotlib.dates as mdates

    for when, label in zip(events["date"], events["label"]):
        x = mdates.date2num(pd.Timestamp(when))
        if not low <= x <= high:
            continue
        ax.axvline(x, color="firebrick", lw=0.9, ls="--")
        ax.annotate(
            format_figure_text(label)[:40],
            (x, 1),
            xycoords=("data", "axes fraction"),
            rotation=90,
            va="top",
            ha="right",
            fontsize=7,
            color="firebrick",
            xytext=(-2, -2),
            textcoords="offset points",
        )


def _one_period_note(ax, periods: pd.Series) -> bool:
    if periods.nunique() > 1:
        return False
    if periods.nunique() == 1:  # centre the one period in a month either side, not in years of empty axis
        when = pd.Timestamp(periods.iloc[0])
        ax.set_xlim(when - pd.Timedelta(days=30), when + pd.Timedelta(days=30))
    ax.text(
        0.5,
        0.92,
        "all dated articles fall in one period: no trend to draw",
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=9,
        color="dimgrey",
        bbox={"fc": "white", "ec": "lightgrey"},
    )
    return True


def _plot_undated(title: str):
    """The figure of a time plot with no dated article: says so and how to add dates."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 2.2))
    ax.set_axis_off()
    ax.text(0.5, 0.55, "no dated articles: nothing to draw on a time axis", ha="center", va="center", fontsize=11)
    ax.text(
        0.5,
        0.25,
        "add a 'date' column to the metadata table (one row per doc_id)",
        ha="center",
        va="center",
        fontsize=9,
        color="dimgrey",
    )
    ax.set_title(format_figure_text(title))
    return fig


def _top_groups(table: pd.DataFrame, weight: str, top_n: int) -> list[str]:
    totals = table.groupby("group")[weight].sum().sort_values(ascending=False, kind="stable")
    return list(totals.index[:top_n].astype(str))


def plot_volume(
    volume: pd.DataFrame,
    *,
    value: str = "articles",
    events: pd.DataFrame | None = None,
    top_n: int = 8,
    labels: Mapping | None = None,
    title: str | None = None,
):
    """Articles (or words, or shares) per period as lines per group, zero periods drawn as zero.

    Args:
        volume: from :func:`corpus_tools.trends.count_volume`.
        value: ``articles``, ``words``, ``share_articles`` or ``share_words``.
        events: ``date, label`` (:func:`corpus_tools.trends.read_events`) drawn as vertical lines.
        top_n: groups drawn (the largest); the rest are summed into ``"(others)"`` (counts) or left
            out (shares), as the title says.
        labels: display names of groups.
        title: the plot title.
    """
    import matplotlib.pyplot as plt

    if volume.empty:
        return _plot_undated(title or f"{value.replace('_', ' ').capitalize()} per period")
    table = volume.assign(group=volume["group"].astype(str))
    total = table["group"].nunique()
    keep = _top_groups(table, "articles", top_n)
    note = f" (the {len(keep)} largest of {total} groups)" if total > len(keep) else ""
    if note and not value.startswith("share"):
        table = table.assign(group=table["group"].where(table["group"].isin(keep), _OTHERS))
        table = table.groupby(["period", "group"], as_index=False)[value].sum()
        keep = keep + [_OTHERS]
        note = f" (the {len(keep) - 1} largest of {total} groups; the rest as {_OTHERS})"
    fig, ax = plt.subplots(figsize=(9, 3.6))
    for k, group in enumerate(keep):
        part = table[table["group"] == group].sort_values("period")
        name = format_figure_text(({} if labels is None else labels).get(group, group))
        ax.plot(
            part["period"],
            part[value],
            marker="o" if len(part) < 40 else None,
            ms=3,
            lw=1.2,
            color=f"C{k % 10}",
            label=name,
        )
    _setup(ax)
    _one_period_note(ax, table["period"])
    _draw_events(ax, events)
    ax.set_ylabel(value.replace("_", " "))
    ax.set_ylim(bottom=0)
    heading = title or f"{value.replace('_', ' ').capitalize()} per period{note}"
    ax.set_title(format_figure_text(heading))
    if len(keep) > 1:
        ax.legend(frameon=False, fontsize=8, ncol=2, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    return fig


def plot_periods(
    series: pd.DataFrame,
    *,
    category: str | None = None,
    events: pd.DataFrame | None = None,
    top_n: int = 6,
    labels: Mapping | None = None,
    ylabel: str | None = None,
    title: str | None = None,
):
    """An article-level measure over time: raw period means as points with intervals, the smoothed
    line through them, and periods below the minimum-articles rule in grey without an interval.

    Args:
        series: from :func:`corpus_tools.trends.summarize_periods`.
        category: the category column of ``series`` (``frame``, ``lexicon``): one panel each (at most
            ``top_n``, those with the most articles).
        events: ``date, label`` drawn as vertical lines.
        top_n: groups per panel and panels drawn at most.
        labels: display names of groups.
        ylabel: the y axis label (default: the summarised value's name).
        title: the figure title.
    """
    import matplotlib.pyplot as plt

    if series.empty or not series["articles"].any():
        return _plot_undated(title or "Per period: mean over articles")
    table = series.assign(group=series["group"].astype(str))
    cats = [None]
    if category:
        totals = table.groupby(category)["articles"].sum().sort_values(ascending=False, kind="stable")
        cats = list(totals.index[:top_n])
    fig, axes = plt.subplots(len(cats), 1, figsize=(9, 1.2 + 2.4 * len(cats)), sharex=True, squeeze=False)
    groups = _top_groups(table, "articles", top_n)
    for ax, cat in zip(axes[:, 0], cats):
        part = table if cat is None else table[table[category] == cat]
        for k, group in enumerate(groups):
            mine = part[part["group"] == group].sort_values("period")
            colour = f"C{k % 10}"
            good, thin = mine[mine["enough"]], mine[~mine["enough"] & (mine["articles"] > 0)]
            err = np.vstack([good["mean"] - good["low"], good["high"] - good["mean"]])
            name = format_figure_text(({} if labels is None else labels).get(group, group))
            ax.errorbar(
                good["period"], good["mean"], yerr=err, fmt="o", ms=3, capsize=2, lw=0.8, color=colour, label=name
            )
            ax.scatter(
                thin["period"], thin["mean"], s=10, color="lightgrey", edgecolors="grey", linewidths=0.5, zorder=3
            )
            if mine["period"].nunique() > 1:
                ax.plot(mine["period"], mine["smoothed"], lw=1.4, color=colour, alpha=0.8)
        _setup(ax)
        _one_period_note(ax, part["period"])
        _draw_events(ax, events)
        ax.set_ylabel(format_figure_text(ylabel or series.attrs.get("value", "value")))
        if cat is not None:
            ax.set_title(format_figure_text(str(cat)), fontsize=10, loc="left")
    rule = series.attrs.get("min_articles", 3)
    head = title or "Per period: mean over articles with 95% interval, smoothed line"
    fig.suptitle(format_figure_text(f"{head}; grey: fewer than {rule} articles (no interval)"), fontsize=10)
    if len(groups) > 1:
        axes[0, 0].legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    return fig


def plot_term_periods(term_periods: pd.DataFrame, *, events: pd.DataFrame | None = None, title: str | None = None):
    """Chosen terms' rates per 10,000 words over time, one line per term (Voyant's Trends).

    Args:
        term_periods: from :func:`corpus_tools.trends.count_term_periods` (groups are pooled).
        events: ``date, label`` drawn as vertical lines.
        title: the plot title.
    """
    import matplotlib.pyplot as plt

    if term_periods.empty:
        return _plot_undated(title or "Terms per 10,000 words per period")
    pooled = term_periods.groupby(["period", "term"], as_index=False)[["count", "words"]].sum()
    pooled["per_10k"] = pooled["count"] / pooled["words"].where(pooled["words"] > 0) * 10_000
    fig, ax = plt.subplots(figsize=(9, 3.6))
    for k, term in enumerate(dict.fromkeys(term_periods["term"])):
        part = pooled[pooled["term"] == term].sort_values("period")
        marker = "o" if len(part) < 40 else None
        ax.plot(
            part["period"],
            part["per_10k"],
            marker=marker,
            ms=3,
            lw=1.2,
            color=f"C{k % 10}",
            label=format_figure_text(term),
        )
    _setup(ax)
    _one_period_note(ax, pooled["period"])
    _draw_events(ax, events)
    ax.set_ylabel("per 10,000 words")
    ax.set_ylim(bottom=0)
    ax.set_title(format_figure_text(title or "Terms per 10,000 words per period"))
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    return fig
