"""Sentiment figures (corpus_tools.report.sentiment): labels, and readable heatmaps of many documents."""

from __future__ import annotations

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
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Talks begin", "Allies meet"]
    plt.close("all")


def test_actor_heatmap_of_many_documents_stays_readable():
    import matplotlib.pyplot as plt

    groups = [f"doc{i:02d}" for i in range(40)]
    actors = pd.DataFrame(
        {"lexicon": "vader", "actor": "NATO", "group": groups, "n": 2, "estimate": 0.3, "ci_low": 0.1, "ci_high": 0.5}
    )
    fig = report_sentiment.plot_actor_heatmap(actors)
    assert fig.get_size_inches()[0] < 20 and not fig.axes[0].texts  # narrow columns, colour only
    fig = report_sentiment.plot_actor_heatmap(actors.head(5))
    assert len(fig.axes[0].texts) == 5  # few documents: every cell carries its mean and n
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
