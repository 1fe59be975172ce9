"""Keyword figures and HTML: keyness bars, the term scatter, dispersion, concordance and keyness tables.

The tables come from :mod:`corpus_tools.keywords` (:func:`~corpus_tools.keywords.score_keyness`,
:func:`~corpus_tools.keywords.compare_keyness`, :func:`~corpus_tools.keywords.match_kwic`); this
module only draws them (``plot_*`` return a matplotlib Figure, never saved) and formats them
as escaped HTML (``format_*_html``).

>>> t = pd.DataFrame({"term": ["a", "<b>"], "g2": [3.0, -2.0]})
>>> "&lt;b&gt;" in format_keyness_html(t)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape

import numpy as np
import pandas as pd

from corpus_tools.keywords.concordance import make_kwic_anchor, make_term_pattern, match_kwic
from corpus_tools.report.heatmap import MAX_HEIGHT, MAX_WIDTH
from corpus_tools.report.html import format_table_html, highlight_html
from corpus_tools.report.labels import format_figure_text, format_short_text

__all__ = [
    "format_kwic_html",
    "format_keyness_html",
    "format_top_terms_html",
    "plot_keyness",
    "plot_term_scatter",
    "plot_dispersion",
    "TARGET_COLOUR",
    "REFERENCE_COLOUR",
]


def _table_html(table: pd.DataFrame, *, html_columns: Sequence[str], max_rows: int | None, csv=None) -> str:
    """:func:`corpus_tools.report.format_table_html`: cells outside ``html_columns`` escaped and
    numbers in the one format of every table; the first ``max_rows`` rows, the rest linked in ``csv``."""
    return format_table_html(table, html_columns=html_columns, max_rows=max_rows, csv=csv)


def format_kwic_html(lines: pd.DataFrame, *, max_lines: int | None = 50) -> str:
    """Concordance lines as HTML, one section per pattern (``id`` =
    :func:`~corpus_tools.keywords.make_kwic_anchor`),
    the match highlighted; every piece of corpus text is escaped.

    >>> lines = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "pattern": ["x"], "start": [0], "end": [1],
    ...                       "left": ["<b>"], "match": ["x"], "right": ["&"]})
    >>> "&lt;b&gt;" in format_kwic_html(lines) and "<mark>x</mark>" in format_kwic_html(lines)
    True
    """
    parts = []
    for pattern, group in lines.groupby("pattern", sort=False):
        shown = group.assign(match=[highlight_html(m, [(0, len(m))]) for m in group["match"]])
        shown = shown[["doc_id", "sent_id", "start", "left", "match", "right"]]
        parts.append(
            f'<h4 id="{make_kwic_anchor(str(pattern))}">{escape(str(pattern))} '
            f"({len(group)} line{'s' if len(group) != 1 else ''})</h4>"
        )
        parts.append(format_table_html(shown, html_columns=["match"], max_rows=max_lines, max_chars=None))
    return "\n".join(parts)


def format_keyness_html(
    table: pd.DataFrame,
    *,
    linked: Iterable[str] = (),
    columns: Sequence[str] | None = None,
    max_rows: int | None = 50,
    csv=None,
) -> str:
    """A keyness table as HTML; terms in ``linked`` link to their concordance section
    (:func:`format_kwic_html` with the same term as pattern). Cells are escaped.

    >>> t = pd.DataFrame({"term": ["peace"], "g2": [3.0]})
    >>> '<a href="#kwic-peace-' in format_keyness_html(t, linked=["peace"])
    True
    """
    linked = set(linked)
    shown = table[list(columns)] if columns else table
    shown = shown.assign(
        term=[f'<a href="#{make_kwic_anchor(t)}">{escape(t)}</a>' if t in linked else escape(t) for t in shown["term"]]
    )
    return _table_html(shown, html_columns=["term"], max_rows=max_rows, csv=csv)


def format_top_terms_html(
    table: pd.DataFrame,
    *,
    column: str = "group",
    top_n: int = 5,
    labels: Mapping | None = None,
    max_rows: int | None = 50,
    csv=None,
) -> str:
    """The ``top_n`` terms of each group (or document) as a long table, one row per ``column``
    value with its terms in rank order, so 300 documents make 300 short rows, not 300 columns.

    Args:
        table: ranked terms (:func:`~corpus_tools.keywords.count_frequencies`,
            :func:`~corpus_tools.keywords.score_tfidf`): ``column, rank, term``.
        column: the grouping column (``"group"``, or ``"doc_id"`` for TF-IDF).
        top_n: terms per row.
        labels: display name of each value (a short title), shown beside it.
        max_rows, csv: rows shown; the rest counted and linked in ``csv``.

    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "rank": [1, 2, 1], "term": ["war", "<b>", "talks"]})
    >>> html = format_top_terms_html(t, column="doc_id", labels={"a": "Article A"})
    >>> "war, &lt;b&gt;" in html, "Article A" in html
    (True, True)
    """
    top = table[table["rank"] <= top_n].sort_values([column, "rank"], kind="mergesort")
    order = list(dict.fromkeys(table[column]))
    joined = top.groupby(column, sort=False)["term"].agg(lambda terms: ", ".join(map(str, terms)))
    shown = pd.DataFrame({column: order, f"top {top_n} terms (rank order)": joined.reindex(order).fillna("").tolist()})
    if labels is not None:
        shown.insert(1, "title", [str(labels.get(v, "")) for v in order])
    return format_table_html(shown, max_rows=max_rows, csv=csv, max_chars=100)


TARGET_COLOUR, REFERENCE_COLOUR = "#3b6ea5", "#b5651d"


def plot_keyness(
    table: pd.DataFrame,
    *,
    top_n: int = 20,
    measure: str = "g2",
    target_label: str = "target",
    reference_label: str = "reference",
    title: str = "",
):
    """Bar chart of the ``top_n`` key terms of the target and of the reference (as
    quanteda's ``textplot_keyness``): bars right of zero are over-represented in the target.

    Args:
        table: from :func:`~corpus_tools.keywords.score_keyness`.
        top_n: terms shown in each direction.
        measure: the signed column to plot (``g2``, ``chi2``, ``log_ratio``, ``log_odds_z``).
        target_label, reference_label: legend names of the two sides.
        title: the axes title ("" for none).

    Returns:
        A matplotlib Figure (not saved).

    >>> t = pd.DataFrame({"term": ["a", "b"], "g2": [3.0, -2.0]})
    >>> len(plot_keyness(t).axes)
    1
    """
    import matplotlib.pyplot as plt

    ranked = table.sort_values(measure, ascending=False, kind="stable")
    top = ranked[ranked[measure] > 0].head(top_n)
    bottom = ranked[ranked[measure] < 0].tail(top_n)
    shown = pd.concat([top, bottom])
    fig, ax = plt.subplots(figsize=(7, 0.8 + 0.24 * max(len(shown), 1)))
    y = np.arange(len(shown))
    colours = [TARGET_COLOUR if v > 0 else REFERENCE_COLOUR for v in shown[measure]]
    ax.barh(y, shown[measure], color=colours)
    for yi, (term, value) in enumerate(zip(shown["term"], shown[measure])):
        ax.text(
            value, yi, format_figure_text(f" {term} "), va="center", ha="left" if value > 0 else "right", fontsize=8
        )
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    span = float(np.abs(shown[measure]).max()) if len(shown) else 1.0
    ax.set_xlim(-span * 1.35 if len(bottom) else 0, span * 1.35 if len(top) else 0.1)
    ax.set_xlabel(format_figure_text(f"{measure} (signed: > 0 key in {target_label}, < 0 key in {reference_label})"))
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in (TARGET_COLOUR, REFERENCE_COLOUR)]
    ax.legend(
        handles,
        [format_figure_text(target_label), format_figure_text(reference_label)],
        loc="lower right",
        frameon=False,
        fontsize=8,
    )
    ax.spines[["top", "right", "left"]].set_visible(False)
    fig.tight_layout()
    if title:
        ax.set_title(format_figure_text(title))
    return fig


def plot_term_scatter(
    table: pd.DataFrame,
    *,
    label_top: int = 12,
    colour_by: str = "log_odds_z",
    target_label: str = "target",
    reference_label: str = "reference",
):
    """Scatter of every term: frequency per 10,000 terms in the reference (x) against the
    target (y), log scales, coloured by ``colour_by`` (blue: target, orange: reference); the
    ``label_top`` terms with the largest ``|colour_by|`` are labelled, placed without overlap
    by adjustText. A zero count is drawn at 0.5 (as the log ratio counts it).

    Args:
        table: from :func:`~corpus_tools.keywords.score_keyness`.
        label_top: terms labelled (split between the two sides by ``|z|``).
        colour_by: the signed column that colours the points.
        target_label, reference_label: axis names.

    Returns:
        A matplotlib Figure (not saved).

    >>> from corpus_tools.keywords import score_keyness
    >>> t = score_keyness(pd.DataFrame({"doc_id": ["a", "b"], "text": ["war war peace", "peace talks"]}), target="a")
    >>> len(plot_term_scatter(t).axes)
    2
    """
    import matplotlib.pyplot as plt
    from adjustText import adjust_text
    from matplotlib.colors import LinearSegmentedColormap, TwoSlopeNorm

    x = (
        np.where(table["n_reference"] > 0, table["n_reference"], 0.5)
        / table["total_reference"].to_numpy(dtype=float)
        * 10_000
    )
    y = np.where(table["n_target"] > 0, table["n_target"], 0.5) / table["total_target"].to_numpy(dtype=float) * 10_000
    z = table[colour_by].to_numpy(dtype=float)
    limit = max(float(np.nanmax(np.abs(z))) if len(z) else 1.0, 1e-9)
    cmap = LinearSegmentedColormap.from_list("keyness", [REFERENCE_COLOUR, "#d9d9d9", TARGET_COLOUR])
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    order = np.argsort(np.abs(z))  # strongest drawn last, on top
    points = ax.scatter(
        x[order], y[order], c=z[order], cmap=cmap, norm=TwoSlopeNorm(0, -limit, limit), s=14, alpha=0.8, linewidths=0
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    low, high = min(np.min(x), np.min(y)) / 1.5, max(np.max(x), np.max(y)) * 1.5
    ax.plot([low, high], [low, high], color="grey", linewidth=0.8, linestyle="--")
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_xlabel(format_figure_text(f"per 10,000 terms in {reference_label}"))
    ax.set_ylabel(format_figure_text(f"per 10,000 terms in {target_label}"))
    readable = {
        "log_odds_z": "Fightin' Words z (log-odds with prior)",
        "g2": "signed log-likelihood G2",
        "log_ratio": "log2 ratio of relative frequencies",
    }
    fig.colorbar(points, ax=ax, label=readable.get(colour_by, colour_by), shrink=0.8)
    picked = np.concatenate([np.argsort(-z)[: (label_top + 1) // 2], np.argsort(z)[: label_top // 2]])
    picked = [i for i in dict.fromkeys(picked.tolist()) if z[i] != 0][:label_top]
    texts = [ax.text(x[i], y[i], format_figure_text(table["term"].iloc[i]), fontsize=8) for i in picked]
    if texts:
        # A fixed number of iterations, not adjustText's default time limit: the same table
        # gives the same figure on any machine.
        adjust_text(texts, ax=ax, iter_lim=300, arrowprops={"arrowstyle": "-", "color": "grey", "lw": 0.5})
    return fig


def plot_dispersion(
    corpus: pd.DataFrame,
    terms: Sequence[str] | Mapping[str, str],
    *,
    pattern_type: str = "glob",
    text_col: str = "text",
    max_docs: int = 40,
    labels: Mapping | None = None,
):
    """Lexical dispersion ("x-ray", as NLTK's ``dispersion_plot`` and quanteda's
    ``textplot_xray``): one panel per term (four to a row), one row per document, a tick wherever the term
    occurs, at its relative position in the document (0 = start, 1 = end).

    Args:
        corpus: a table with ``doc_id`` and ``text_col``.
        terms: counted terms (searched with :func:`~corpus_tools.keywords.make_term_pattern`),
            or a dict panel title -> :func:`~corpus_tools.keywords.match_kwic` pattern.
        pattern_type: as in :func:`~corpus_tools.keywords.match_kwic`.
        text_col: the column searched.
        max_docs: show at most this many documents (those first in the corpus; fewer when the
            panels' rows would pass the height cap); the title says how many of how many.
        labels: display name of each ``doc_id`` (``report.label_documents``), shortened to 40
            characters; by default the ``doc_id`` (shortened the same way).

    Returns:
        A matplotlib Figure (not saved).

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["peace at the start and peace at the end"]})
    >>> len(plot_dispersion(docs, ["peace"]).axes)
    1
    """
    import matplotlib.pyplot as plt

    labelled = dict(terms) if isinstance(terms, Mapping) else {t: make_term_pattern(t) for t in terms}
    terms = list(labelled)
    ncols = min(max(len(terms), 1), 4)
    nrows = -(-max(len(terms), 1) // ncols)
    fits = max(1, int((MAX_HEIGHT / nrows - 1.2) / 0.28))  # documents that fit the height cap
    docs = corpus.head(min(max_docs, fits))
    lines = match_kwic(docs, labelled, window=0, pattern_type=pattern_type, text_col=text_col)
    lengths = docs.set_index("doc_id")[text_col].fillna("").str.len().clip(lower=1)
    row = {d: i for i, d in enumerate(docs["doc_id"])}
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(min(MAX_WIDTH, 2.2 * ncols + 2.0), nrows * (1.2 + 0.28 * len(docs))),
        sharey=True,
        sharex=True,
        squeeze=False,
    )
    for ax in axes.ravel()[len(terms) :]:
        ax.set_visible(False)
    for ax, term in zip(axes.ravel(), terms):
        hits = lines[lines["pattern"] == term]
        ax.scatter(
            hits["start"] / hits["doc_id"].map(lengths).to_numpy(),
            hits["doc_id"].map(row),
            marker="|",
            s=120,
            color=TARGET_COLOUR,
            linewidths=1.2,
        )
        ax.set_title(format_figure_text(term), fontsize=9)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.5, 1])
        ax.grid(axis="y", color="#eeeeee")
    for ax in axes[:, 0]:
        ax.set_yticks(range(len(docs)))
        names = [format_short_text(str(({} if labels is None else labels).get(d, d)), width=40) for d in docs["doc_id"]]
        ax.set_yticklabels([format_figure_text(n) for n in names], fontsize=8)
        ax.set_ylim(len(docs) - 0.5, -0.5)
    fig.supxlabel("relative position in the document", fontsize=9)
    if len(docs) < len(corpus):
        fig.suptitle(f"first {len(docs)} of {len(corpus):,} documents", fontsize=10)
    fig.tight_layout()
    return fig
