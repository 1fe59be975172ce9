import numpy as np
import pandas as pd
import pytest

from corpus_tools import trends
from corpus_tools.report import trends as plots


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_one_period_says_so_instead_of_drawing_a_line(dated):
    one = dated[dated["date"] < "2025-01-12"]
    volume = trends.count_volume(one, period="week")
    fig = plots.plot_volume(volume)
    assert any("one period" in t for t in _texts(fig))
    series = trends.summarize_periods(one[["doc_id", "tone"]], one, value="tone", period="week", n_boot=50)
    fig = plots.plot_periods(series)
    assert any("one period" in t for t in _texts(fig))
    assert not [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) > 1]


@pytest.mark.parametrize("n_periods", [1, 200])
def test_plots_stay_a_readable_size(n_periods):
    rng = np.random.default_rng(0)
    dates = pd.Timestamp("2020-01-06") + pd.to_timedelta(np.repeat(np.arange(n_periods) * 7, 3), unit="D")
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(dates))],
            "date": dates,
            "n_words": 100,
            "outlet": rng.choice([f"outlet {k}" for k in range(20)], len(dates)),
            "text": "ceasefire talks",
        }
    )
    volume = trends.count_volume(docs, period="week", by="outlet")
    fig = plots.plot_volume(volume, top_n=5)
    width, height = fig.get_size_inches()
    assert width <= 10 and height <= 5
    outlets = docs["outlet"].nunique()
    shown = min(outlets, 5) + (outlets > 5)  # the 5 largest outlets and "(others)" for the rest
    assert len(fig.axes[0].get_legend().get_texts()) == shown
    assert ("5 largest of 20" in fig.axes[0].get_title()) == (outlets == 20)
    ticks = [t for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert len(ticks) <= 12
    series = trends.summarize_periods(docs[["doc_id"]].assign(v=1.0), docs, value="v", period="week", n_boot=20)
    fig = plots.plot_periods(series, events=pd.DataFrame({"date": [dates[len(dates) // 2]], "label": ["$5bn deal"]}))
    assert fig.get_size_inches()[0] <= 10
    assert "$5bn deal" in _texts(fig)[-1] or any("5bn deal" in t for t in _texts(fig))


def test_term_plot_has_one_line_per_term(dated):
    fig = plots.plot_term_periods(trends.count_term_periods(dated, ["ceasefire", "blockade"], period="week"))
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["ceasefire", "blockade"]


def test_a_corpus_without_dates_gets_figures_that_say_so(dated):
    undated = dated.assign(date=pd.NaT)
    with pytest.warns(trends.TrendWarning, match="no date"):
        volume = trends.count_volume(undated, period="auto", by="outlet")
    with pytest.warns(trends.TrendWarning):
        series = trends.summarize_periods(undated[["doc_id", "tone"]], undated, value="tone", n_boot=20)
    with pytest.warns(trends.TrendWarning):
        terms = trends.count_term_periods(undated, ["ceasefire"])
    assert volume.empty and series.empty and terms.empty
    for fig in (plots.plot_volume(volume), plots.plot_periods(series, category=None), plots.plot_term_periods(terms)):
        assert any("no dated articles" in t for t in _texts(fig))
