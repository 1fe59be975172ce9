"""Sentiment figures (corpus_tools.report.sentiment): labels, and readable heatmaps of many documents."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpus_tools.groups import GroupWarning
from corpus_tools.report import sentiment as report_sentiment


def test_plots_name_documents_by_the_labels_given():
    import matplotlib.pyplot as plt

    labels = {"d1": "Talks begin", "d2": "Allies meet"}
    groups = pd.DataFrame(
        {
            "lexicon": "vader",
            "group": ["d1", "d2", "d3"],
            "estimate": [0.1, -0.2, 0],
            "ci_low": [0, -0.3, -0.1],
            "ci_high": [0.2, -0.1, 0.1],
        }
    )
    ax = report_sentiment.plot_groups(groups, labels=labels).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Talks begin", "Allies meet", "d3"]  # unlabelled: its value
    arcs = pd.DataFrame(
        {
            "lexicon": "vader",
            "doc_id": ["d1", "d1", "d2", "d2"],
            "segment": [0, 1] * 2,
            "position": [0.25, 0.75] * 2,
            "n_sentences": 1,
            "compound": [0.1, -0.1, 0.2, 0],
        }
    )
    legend = report_sentiment.plot_arcs(arcs, labels=labels).axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()][:2] == ["Talks begin", "Allies meet"]
    actors = pd.DataFrame(
        {
            "lexicon": "vader",
            "actor": ["NATO", "NATO"],
            "group": ["d1", "d2"],
            "n": [2, 1],
            "estimate": [0.3, -0.4],
            "ci_low": [0.1, -0.4],
            "ci_high": [0.5, -0.4],
        }
    )
    ax = report_sentiment.plot_actor_heatmap(actors, labels=labels).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Talks begin", "Allies meet"]
    plt.close("all")


def test_actor_heatmap_of_many_groups_shows_the_top_ones_and_pools_the_rest():
    import matplotlib.pyplot as plt

    from corpus_tools.report.heatmap import MAX_HEIGHT, MAX_WIDTH

    groups = [f"doc{i:03d}" for i in range(300)]
    n = [300 - i for i in range(300)]  # doc000 has the most mentions
    estimate = [round(0.001 * i, 3) for i in range(300)]
    actors = pd.DataFrame(
        {"lexicon": "vader", "actor": "NATO", "group": groups, "n": n, "estimate": estimate, "ci_low": 0, "ci_high": 1}
    )
    fig = report_sentiment.plot_actor_heatmap(actors, top_n=10)
    width, height = fig.get_size_inches()
    assert width <= MAX_WIDTH and height <= MAX_HEIGHT
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == [*groups[:10], "others (290 rows)"]
    cells = ax.get_images()[0].get_array()
    rest = actors.iloc[10:]
    pooled = (rest["estimate"] * rest["n"]).sum() / rest["n"].sum()  # the mean of all their sentences
    assert cells[-1, 0] == pytest.approx(pooled)
    assert ax.texts[-1].get_text() == f"{pooled:+.2f}\nn={rest['n'].sum()}"
    fig = report_sentiment.plot_actor_heatmap(actors.head(5))
    assert len(fig.axes[0].texts) == 5  # few groups: every cell carries its mean and n
    plt.close("all")


@pytest.mark.parametrize(("n_docs", "lines"), [(3, 3 + 1), (40, 2)])
def test_arcs_draw_one_line_per_article_only_for_a_handful(n_docs, lines):
    """A few articles: a line each and their mean; many: a mean line and a band per group."""
    import matplotlib.pyplot as plt

    arcs = pd.DataFrame(
        {
            "lexicon": "vader",
            "doc_id": [f"d{i}" for i in range(n_docs) for _ in range(2)],
            "segment": [0, 1] * n_docs,
            "position": [0.25, 0.75] * n_docs,
            "n_sentences": 1,
            "compound": [0.1, -0.1] * n_docs,
        }
    )
    bands = pd.DataFrame(
        {
            "lexicon": "vader",
            "segment": [0, 1, 0, 1],
            "group": ["x", "x", "y", "y"],
            "n": [30, 30, 10, 10],
            "estimate": [0.1, -0.1, 0.2, 0.0],
            "ci_low": [0.0, -0.2, 0.1, -0.1],
            "ci_high": [0.2, 0.0, 0.3, 0.1],
        }
    )
    ax = report_sentiment.plot_arcs(arcs, bands=bands).axes[0]
    assert len([line for line in ax.get_lines() if len(line.get_xdata()) > 1 and line.get_xdata()[0] != 0]) == lines
    if n_docs > 12:
        assert len(ax.collections) == 2  # one interval band per group
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["x (30 articles)", "y (10 articles)"]
        band = ax.collections[0].get_paths()[0].vertices
        assert band[:, 1].min() == pytest.approx(-0.2) and band[:, 1].max() == pytest.approx(0.2)
    plt.close("all")


def test_group_plot_of_many_groups_draws_those_with_most_sentences():
    import matplotlib.pyplot as plt

    groups = pd.DataFrame(
        {
            "lexicon": "vader",
            "group": [f"g{i:03d}" for i in range(100)],
            "n": range(100),
            "estimate": 0.0,
            "ci_low": -0.1,
            "ci_high": 0.1,
        }
    )
    fig = report_sentiment.plot_groups(groups, top_n=5)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["g095", "g096", "g097", "g098", "g099"]
    assert "5 of 100 groups" in ax.get_title()
    plt.close("all")


def test_group_plot_draws_the_sentences_of_documents_without_a_group_value():
    import matplotlib.pyplot as plt

    from corpus_tools import sentiment

    corpus = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": ["Peace is good. War is bad.", "Talks failed."], "outlet": ["x", None]}
    )
    scores = sentiment.score_sentences(corpus)
    with pytest.warns(GroupWarning, match=r"\(b\)"):
        groups = sentiment.summarize_groups(scores, by="outlet", corpus=corpus, n_boot=50)
    fig = report_sentiment.plot_groups(groups, scores=scores, by="outlet", corpus=corpus)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["(missing)", "x"]
    assert len(ax.collections[0].get_offsets()) == len(scores)  # every sentence drawn, "(missing)" included
    plt.close("all")


def test_group_plot_draws_a_sample_of_at_most_max_points_sentences_per_group():
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(0)
    sizes = {"big": 500, "small": 40}
    scores = pd.DataFrame(
        [(f"{g}{i}", 0, "vader", float(rng.uniform(-1, 1)), g) for g, n in sizes.items() for i in range(n)],
        columns=["doc_id", "sent_id", "lexicon", "compound", "outlet"],
    )
    groups = pd.DataFrame(
        {
            "lexicon": "vader",
            "group": list(sizes),
            "estimate": 0.0,
            "ci_low": -0.1,
            "ci_high": 0.1,
            "n": list(sizes.values()),
        }
    )
    fig = report_sentiment.plot_groups(groups, scores=scores, by="outlet", max_points=100)
    ys = fig.axes[0].collections[0].get_offsets()[:, 1]
    assert (np.round(ys) == 0).sum() == 100 and (np.round(ys) == 1).sum() == 40  # big sampled, small whole
    drawn = set(np.round(fig.axes[0].collections[0].get_offsets()[:, 0], 12))
    assert drawn <= set(np.round(scores["compound"], 12))  # the dots are sentences of the table
    plt.close("all")
