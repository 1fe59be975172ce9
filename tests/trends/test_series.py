import numpy as np
import pandas as pd
import pytest

from corpus_tools import trends
from corpus_tools.stats import bootstrap_ci


def test_period_means_and_intervals_match_an_independent_computation(dated):
    values = dated[["doc_id", "tone"]]
    out = trends.summarize_periods(values, dated, value="tone", period="week", by="outlet", n_boot=500, seed=3)
    north = out[out["group"] == "North"].reset_index(drop=True)
    weeks = dated.assign(week=dated["date"].dt.to_period("W").dt.start_time)
    expected = weeks[weeks["outlet"] == "North"].groupby("week")["tone"].mean().to_numpy()
    np.testing.assert_allclose(north["mean"], expected)
    # North has 2 articles a week: below the 3-article rule, so no interval, a reason instead
    assert not north["enough"].any() and north["low"].isna().all()
    assert north["note"].str.contains("2 article").all()
    south = out[(out["group"] == "South") & (out["articles"] > 0)].iloc[0]
    part = weeks[(weeks["outlet"] == "South") & (weeks["week"] == south["period"])]["tone"]
    est, low, high = bootstrap_ci(part.to_numpy(), n_boot=500, seed=3)
    assert south["enough"] and (south["low"], south["high"]) == pytest.approx((low, high))
    assert south["mean"] == pytest.approx(est)


def test_empty_periods_are_kept_and_the_smoothed_line_is_weighted_by_articles(dated):
    out = trends.summarize_periods(
        dated[["doc_id", "tone"]], dated, value="tone", period="week", by="outlet", n_boot=100, window=3
    )
    south = out[out["group"] == "South"].reset_index(drop=True)
    assert south["articles"].tolist() == [3, 0] * 6
    assert south["mean"].isna().tolist() == [False, True] * 6
    # centred window of 3 around week 1 (empty): weeks 0 and 2 weighted by their 3 articles each
    assert south.loc[1, "smoothed"] == pytest.approx((south.loc[0, "mean"] + south.loc[2, "mean"]) / 2)


def test_the_event_shows_as_a_step_in_tone(dated):
    out = trends.summarize_periods(dated[["doc_id", "tone"]], dated, value="tone", period="week", n_boot=100)
    before = out[out["period"] < pd.Timestamp("2025-02-17")]["mean"]
    after = out[out["period"] >= pd.Timestamp("2025-02-17")]["mean"]
    assert (before < -0.4).all() and (after > 0.4).all()


def test_categories_are_summarised_separately(dated):
    values = pd.concat([dated[["doc_id", "tone"]].assign(lexicon="a"), dated[["doc_id"]].assign(tone=1.0, lexicon="b")])
    out = trends.summarize_periods(values, dated, value="tone", period="month", category="lexicon", n_boot=100)
    assert set(out["lexicon"]) == {"a", "b"}
    assert out.loc[out["lexicon"] == "b", "mean"].eq(1.0).all()
