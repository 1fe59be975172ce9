"""Framing figures and evidence HTML (corpus_tools.report.framing)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpus_tools import framing
from corpus_tools.report import framing as report_framing


def test_plots_return_figures_without_saving(tmp_path, frames_file, fixture_corpus, sentence_scores):
    import matplotlib.figure

    salience = framing.count_frame_salience(
        framing.score_frames(fixture_corpus, dictionary=frames_file, by="outlet"), by="outlet"
    )
    figures = [
        report_framing.plot_frame_heatmap(salience),
        report_framing.plot_frame_cooccurrence(framing.count_frame_cooccurrence(sentence_scores)),
        report_framing.plot_frame_differences(framing.compare_frames(sentence_scores, by="outlet", n_boot=100)),
    ]
    assert all(isinstance(f, matplotlib.figure.Figure) for f in figures)
    assert not list(tmp_path.glob("*.png"))


def _differences(n_groups: int) -> pd.DataFrame:
    groups = [f"g{i}" for i in range(n_groups)]
    pairs = [(a, b) for i, a in enumerate(groups) for b in groups[i + 1 :]]
    rows = [(frame, a, b, d, d - 0.1, d + 0.1) for a, b in pairs for frame, d in (("war", 0.2), ("peace", -0.1))]
    return pd.DataFrame(rows, columns=["frame", "group_a", "group_b", "diff", "diff_ci_low", "diff_ci_high"])


def test_difference_plot_shows_every_pair_and_says_when_it_cannot():
    import matplotlib.pyplot as plt

    fig = report_framing.plot_frame_differences(_differences(5), labels={"g0": "Article zero"})
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 10 and fig.get_suptitle() == ""  # 5 groups: 10 pairs, none dropped
    assert panels[0].get_title() == "Article zero\nminus g1"
    assert [t.get_text() for t in panels[0].get_yticklabels()] == ["peace", "war"]
    assert all(ax.get_xlabel() for ax in panels[-3:])  # the lowest panel of every column has the x axis
    fig = report_framing.plot_frame_differences(_differences(6), max_pairs=12)
    assert sum(ax.get_visible() for ax in fig.axes) == 12
    assert fig.get_suptitle().startswith("first 12 of 15 pairs")
    plt.close("all")


def test_heatmap_rows_use_the_labels_given():
    import matplotlib.pyplot as plt

    salience = pd.DataFrame({"group": ["a", "a", "b", "b"], "frame": ["war", "peace"] * 2, "per_10k": [1.0, 2, 3, 4]})
    ax = report_framing.plot_frame_heatmap(salience, labels={"a": "Article A"}).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Article A", "b"]
    assert ax.get_title() == "Frame salience: hits per 10,000 words"
    plt.close("all")


def test_frame_heatmap_with_two_groups_keeps_room_for_its_rows():
    # Two groups once gave a squashed strip under rotated frame labels.
    salience = pd.DataFrame(
        {
            "group": ["a"] * 8 + ["b"] * 8,
            "frame": [f"frame_name_{i}" for i in range(8)] * 2,
            "per_10k": np.arange(16.0),
        }
    )
    fig = report_framing.plot_frame_heatmap(salience)
    axes_height_in = fig.axes[0].get_position().height * fig.get_size_inches()[1]
    assert axes_height_in >= 0.4 * 2  # at least 0.4 inch per row


def test_evidence_highlights_escaped_terms(frames_file, make_sents):
    sents = make_sents("<b>Sanctions</b> & costs rise.", "Costs.", "No frame here.")
    hits = framing.match_frames(sents, dictionary=frames_file)
    evidence = report_framing.highlight_evidence(framing.select_evidence(sents, hits, top_n=1))
    row = evidence.set_index("frame").loc["economy"]
    assert row["html"] == "&lt;b&gt;<mark>Sanctions</mark>&lt;/b&gt; &amp; <mark>costs</mark> rise."
    assert row["sent_id"] == 0 and row["n_hits"] == 2 and row["rank"] == 1 and row["group"] == "a"
    page = report_framing.format_evidence_html(evidence)
    assert "&lt;b&gt;<mark>Sanctions</mark>&lt;/b&gt; &amp; <mark>costs</mark> rise." in page
    assert "<b>Sanctions" not in page


def test_learning_curve_plot_draws_each_frame_and_its_dictionary_line():
    curve = pd.DataFrame(
        {
            "frame": ["economic"] * 3 + ["morality"] * 3,
            "n_train": [10, 20, 48] * 2,
            "auc": [0.6, 0.7, 0.9, 0.55, 0.6, 0.8],
            "auc_sd": [0.1, 0.05, 0.02, 0.1, 0.1, 0.05],
        }
    )
    validity = pd.DataFrame({"frame": ["economic", "morality"], "dictionary_auc": [0.75, np.nan]})
    ax = report_framing.plot_learning_curve(curve, validity=validity).axes[0]
    solid = [line for line in ax.lines if line.get_linestyle() == "-" and len(line.get_xdata()) == 3]
    assert [list(line.get_ydata()) for line in solid] == [[0.6, 0.7, 0.9], [0.55, 0.6, 0.8]]
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert [line.get_ydata()[0] for line in dashed] == [0.75]  # morality has no dictionary baseline
    assert dashed[0].get_color() == solid[0].get_color()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["economic", "morality"]


def test_frame_heatmap_of_many_groups_shows_the_largest_and_pools_the_others():
    import matplotlib.pyplot as plt

    from corpus_tools.report.heatmap import MAX_HEIGHT

    groups = [f"doc{i:03d}" for i in range(120)]
    salience = pd.DataFrame(
        {
            "group": groups,
            "frame": "economic",
            "n_words": [1000 - i for i in range(120)],
            "hits": [i % 7 for i in range(120)],
        }
    )
    salience["per_10k"] = 10_000 * salience["hits"] / salience["n_words"]
    fig = report_framing.plot_frame_heatmap(salience, top_n=10)
    ax = fig.axes[0]
    assert fig.get_size_inches()[1] <= MAX_HEIGHT
    assert [t.get_text() for t in ax.get_yticklabels()] == [*groups[:10], "others (110 rows)"]
    rest = salience.iloc[10:]
    pooled = 10_000 * rest["hits"].sum() / rest["n_words"].sum()  # the rate of all their words
    assert ax.get_images()[0].get_array()[-1, 0] == pytest.approx(pooled)
    plt.close("all")
