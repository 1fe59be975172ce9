"""Corpus text in figures is drawn literally: a `$` never starts mathtext (report.labels.format_figure_text)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from corpus_tools.report import framing, heatmap, keywords, overview, sentiment  # noqa: E402
from corpus_tools.report.labels import format_figure_text  # noqa: E402

# Two dollars around `_x_ ... ^`: as mathtext this is a double subscript, which raises when drawn.
NASTY = "Aid: $5bn_x_ or 2% ^ $2bn"


def _texts(fig) -> list[str]:
    fig.canvas.draw()  # mathtext is parsed when drawn
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def test_the_nasty_text_would_crash_a_figure_unescaped():
    fig, ax = plt.subplots()
    ax.set_title(NASTY)
    with pytest.raises(ValueError):
        fig.canvas.draw()
    plt.close(fig)


CASES = [
    (
        "plot_lengths",
        lambda: overview.plot_lengths(
            pd.DataFrame({"doc_id": ["a"], "title": [NASTY], "text": ["Hi."], "raw_text": ["Menu Hi."], "n_words": [1]})
        ),
    ),
    (
        "plot_heatmap",
        lambda: heatmap.plot_heatmap(
            pd.DataFrame([[1.0]], index=[NASTY], columns=[NASTY]), title=NASTY, label="x", labels=None
        ),
    ),
    (
        "plot_frame_heatmap",
        lambda: framing.plot_frame_heatmap(pd.DataFrame({"group": [NASTY], "frame": [NASTY], "per_10k": [2.0]})),
    ),
    (
        "plot_frame_differences",
        lambda: framing.plot_frame_differences(
            pd.DataFrame(
                {
                    "frame": [NASTY],
                    "group_a": [NASTY],
                    "group_b": ["b"],
                    "diff": [0.2],
                    "diff_ci_low": [0.1],
                    "diff_ci_high": [0.3],
                }
            )
        ),
    ),
    (
        "plot_keyness",
        lambda: keywords.plot_keyness(
            pd.DataFrame({"term": [NASTY, "b"], "g2": [3.0, -2.0]}), target_label=NASTY, title=NASTY
        ),
    ),
    (
        "plot_dispersion",
        lambda: keywords.plot_dispersion(
            pd.DataFrame({"doc_id": [NASTY], "text": ["peace and peace"]}), {NASTY: "peace"}
        ),
    ),
    (
        "plot_groups",
        lambda: sentiment.plot_groups(
            pd.DataFrame({"lexicon": "vader", "group": [NASTY], "estimate": [0.1], "ci_low": [0], "ci_high": [0.2]}),
            title=NASTY,
        ),
    ),
    (
        "plot_arcs",
        lambda: sentiment.plot_arcs(
            pd.DataFrame(
                {
                    "lexicon": "vader",
                    "doc_id": [NASTY, NASTY],
                    "segment": [0, 1],
                    "position": [0.25, 0.75],
                    "n_sentences": 1,
                    "compound": [0.1, -0.1],
                }
            ),
            title=NASTY,
        ),
    ),
    (
        "plot_actor_heatmap",
        lambda: sentiment.plot_actor_heatmap(
            pd.DataFrame(
                {
                    "lexicon": "vader",
                    "actor": [NASTY],
                    "group": [NASTY],
                    "n": [2],
                    "estimate": [0.3],
                    "ci_low": [0.1],
                    "ci_high": [0.5],
                }
            ),
            labels={NASTY: NASTY},
        ),
    ),
    (
        "plot_drivers",
        lambda: sentiment.plot_drivers(
            pd.DataFrame(
                {
                    "lexicon": "vader",
                    "group": NASTY,
                    "term": [NASTY],
                    "count": [2],
                    "contribution": [5.0],
                    "share": [1.0],
                }
            ),
            group=NASTY,
        ),
    ),
]


@pytest.mark.parametrize(("name", "draw"), CASES, ids=[c[0] for c in CASES])
def test_corpus_text_reaches_the_figure_escaped(name, draw):
    fig = draw()
    texts = _texts(fig)  # raises on unescaped mathtext
    assert any("\\$5bn_x_ or 2% ^ \\$2bn" in t for t in texts), texts
    assert not any("$5bn" in t.replace("\\$", "") for t in texts)
    plt.close(fig)


@pytest.mark.parametrize(
    ("text", "shown"),
    [("$5bn", "\\$5bn"), ("2%", "2%"), ("_x_", "_x_"), ("^", "^"), ("\\$1", "\\$1"), (3, "3")],
)
def test_format_figure_text_escapes_only_unescaped_dollars(text, shown):
    assert format_figure_text(text) == shown
