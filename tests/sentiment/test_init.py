"""The stage's public API: docstring examples, and the old names kept for one release."""

from __future__ import annotations

import warnings

import pytest

from corpus_tools import sentiment
from corpus_tools.report import sentiment as report_sentiment

SUBMODULES = [
    sentiment.lexicons,
    sentiment.vader,
    sentiment.dictionary,
    sentiment.scores,
    sentiment.groups,
    sentiment.drivers,
    sentiment.actors,
    report_sentiment,
]


def test_docstring_examples_run():
    import doctest

    import matplotlib

    matplotlib.use("Agg")
    results = [doctest.testmod(m, optionflags=doctest.NORMALIZE_WHITESPACE) for m in SUBMODULES]
    attempted, failed = sum(r.attempted for r in results), sum(r.failed for r in results)
    assert attempted > 15 and failed == 0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("score_groups", sentiment.summarize_groups),
        ("score_actors", sentiment.summarize_actors),
        ("score_arcs", sentiment.summarize_arcs),
        ("plot_groups", report_sentiment.plot_groups),
        ("plot_arcs", report_sentiment.plot_arcs),
        ("plot_actor_heatmap", report_sentiment.plot_actor_heatmap),
        ("plot_drivers", report_sentiment.plot_drivers),
    ],
)
def test_old_names_warn_and_return_the_new_function(old, new):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert getattr(sentiment, old) is new
    assert [w.category for w in caught] == [DeprecationWarning]
    assert new.__name__ in str(caught[0].message)


def test_public_api_is_exported():
    for name in sentiment.__all__:
        assert hasattr(sentiment, name), name
    with pytest.raises(AttributeError):
        sentiment.no_such_function  # noqa: B018
