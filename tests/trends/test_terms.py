import pandas as pd
import pytest

from corpus_tools import trends


def test_chosen_terms_per_week_are_counted_exactly(dated):
    out = trends.count_term_periods(dated, ["ceasefire", "tariff*", "ceasefire proposal"], period="week")
    cease = out[out["term"] == "ceasefire"].reset_index(drop=True)
    per_week = [5 if w % 2 == 0 else 2 for w in range(12)]  # articles per week (both outlets)
    assert cease["count"].tolist() == [w * n for w, n in zip(range(12), per_week)]
    assert cease["articles"].tolist() == [0] + per_week[1:]
    tariff = out[out["term"] == "tariff*"]
    assert (tariff["count"] > 0).tolist() == [False] * 6 + [True] * 6
    phrase = out[out["term"] == "ceasefire proposal"]
    assert phrase["count"].tolist() == cease["count"].tolist()
    week = out[(out["term"] == "ceasefire")].iloc[3]
    assert week["per_10k"] == pytest.approx(week["count"] / week["words"] * 10_000)


def test_rising_and_falling_terms_come_from_an_article_level_trend_test(dated):
    out = trends.summarize_term_trends(dated, top_n=10, min_articles=3)
    rising = out[out["direction"] == "rising"]["term"].tolist()
    falling = out[out["direction"] == "falling"]["term"].tolist()
    assert "ceasefire" in rising[:2] and "tariff" in rising
    assert "blockade" in falling  # (the filler words fall too: their share shrinks as articles grow)
    row = out[out["term"] == "blockade"].iloc[0]
    assert row["early_per_10k"] > 0 and row["late_per_10k"] == 0
    assert out.attrs["tested"] >= 5
    assert (out["p_adjusted"] >= out["p"]).all()


def test_the_trend_statistic_matches_scipy(dated):
    from scipy import stats as sps

    from corpus_tools.tokens import tokenize

    out = trends.summarize_term_trends(dated, top_n=50, min_articles=3)
    docs = dated.sort_values("date", kind="stable")
    rate = [
        sum(w == "ceasefire" for w, _, _ in tokenize(t, lowercase=True)) / len(tokenize(t)) * 10_000
        for t in docs["text"]
    ]
    expected = sps.spearmanr(docs["date"].astype("int64"), rate)
    row = out[out["term"] == "ceasefire"].iloc[0]
    assert row["rho"] == pytest.approx(expected.statistic) and row["p"] == pytest.approx(expected.pvalue)


def test_too_few_dated_articles_give_an_empty_table():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "date": pd.to_datetime(["2025-01-01", "2025-02-01"]),
            "text": ["peace now", "peace later"],
        }
    )
    assert trends.summarize_term_trends(docs).empty


def test_a_term_without_words_is_refused(dated):
    with pytest.raises(ValueError, match="no word"):
        trends.count_term_periods(dated, ["--"])
