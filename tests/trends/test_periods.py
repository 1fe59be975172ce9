import warnings

import pandas as pd
import pytest

from corpus_tools import trends
from corpus_tools.trends import TrendWarning


@pytest.mark.parametrize(
    ("days", "unit"),
    [
        (0, "day"),
        (31, "day"),
        (32, "week"),
        (182, "week"),
        (183, "month"),
        (5 * 366, "month"),
        (2000, "quarter"),
        (15 * 366 + 1, "year"),
    ],
)
def test_auto_period_follows_the_span(days, unit):
    dates = pd.Series([pd.Timestamp("2020-01-01"), pd.Timestamp("2020-01-01") + pd.Timedelta(days=days)])
    assert trends.resolve_period(dates) == unit


def test_unknown_period_names_the_choices():
    with pytest.raises(ValueError, match="auto.*day, week, month"):
        trends.resolve_period(pd.Series([], dtype="datetime64[ns]"), "fortnight")


def test_volume_counts_every_week_per_outlet_with_zero_weeks_kept(dated):
    volume = trends.count_volume(dated, period="week", by="outlet")
    assert volume.attrs["period"] == "week"
    north = volume[volume["group"] == "North"]
    south = volume[volume["group"] == "South"]
    assert len(north) == len(south) == 12  # every week of the span, for each outlet
    assert north["articles"].tolist() == [2] * 12
    assert south["articles"].tolist() == [3, 0] * 6  # odd weeks are zeros, not skipped
    # the shares are of the outlet's own output: an independent count
    assert south["share_articles"].sum() == pytest.approx(1.0)
    assert south["share_articles"].iloc[0] == pytest.approx(3 / 18)
    weeks = pd.date_range("2025-01-06", periods=12, freq="7D")
    assert list(north["period"]) == list(weeks)
    expected_words = dated[dated["outlet"] == "North"].groupby(dated["date"].dt.to_period("W").dt.start_time)["n_words"]
    assert north["words"].tolist() == expected_words.sum().tolist()


def test_undated_documents_are_counted_and_named(dated):
    docs = dated.copy()
    docs.loc[[0, 1], "date"] = pd.NaT
    with pytest.warns(TrendWarning, match=r"2 of \d+ documents have no date.*N000, N001.*'date' column"):
        volume = trends.count_volume(docs, period="week")
    assert volume.attrs["undated"] == 2
    assert volume["articles"].sum() == len(docs) - 2
    assert trends.select_undated(docs)["doc_id"].tolist() == ["N000", "N001"]


def test_time_zones_are_normalised_to_utc():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b"], "n_words": [1, 1], "date": ["2025-01-05T23:30:00-02:00", "2025-01-06T00:30:00+00:00"]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        volume = trends.count_volume(docs, period="day")
    # 23:30 at UTC-2 is 01:30 UTC on the 6th: both fall on the same UTC day
    assert volume["period"].tolist() == [pd.Timestamp("2025-01-06")]
    assert volume["articles"].tolist() == [2]


def test_a_missing_date_column_says_how_to_add_one():
    with pytest.raises(KeyError, match="date"):
        trends.count_volume(pd.DataFrame({"doc_id": ["a"], "n_words": [3]}))
