import pandas as pd
import pytest
from scipy import stats as sps

from corpus_tools import trends


def test_events_csv_and_yaml_read_the_same(tmp_path):
    (tmp_path / "e.csv").write_text("date,label\n2025-02-17,Summit\n2025-01-10,Talks\n", encoding="utf-8")
    (tmp_path / "e.yml").write_text("- {date: 2025-02-17, label: Summit}\n- {date: 2025-01-10, label: Talks}\n")
    a, b = trends.read_events(tmp_path / "e.csv"), trends.read_events(tmp_path / "e.yml")
    pd.testing.assert_frame_equal(a, b)
    assert a["label"].tolist() == ["Talks", "Summit"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("date,label\n2025-02-17,Summit\nsoon,Talks\n", r"e\.csv, line 3: 'soon' is not a date"),
        ("date,label\n2025-02-17,\n", r"line 2: the event on 2025-02-17 has no label"),
        ("when,what\n2025-02-17,x\n", r"needs the columns date,label"),
    ],
)
def test_bad_events_name_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "e.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        trends.read_events(path)


def test_before_after_compares_articles_around_the_event(dated):
    out = trends.compare_before_after(
        dated[["doc_id", "tone"]], dated, value="tone", event="2025-02-17", by="outlet", n_boot=500
    )
    north = out[out["group"] == "North"].iloc[0]
    before = dated[(dated["outlet"] == "North") & (dated["date"] < "2025-02-17")]["tone"]
    after = dated[(dated["outlet"] == "North") & (dated["date"] >= "2025-02-17")]["tone"]
    assert (north["before_articles"], north["after_articles"]) == (len(before), len(after)) == (12, 12)
    assert north["difference"] == pytest.approx(after.mean() - before.mean())
    assert north["low"] < north["difference"] < north["high"]
    assert north["p"] == pytest.approx(sps.mannwhitneyu(after, before, alternative="two-sided").pvalue)


def test_before_after_with_too_few_articles_gives_means_only(dated):
    out = trends.compare_before_after(
        dated[["doc_id", "tone"]], dated, value="tone", event="2025-02-17", window_days=3, by="outlet"
    )
    north = out[out["group"] == "North"].iloc[0]
    assert north["before_articles"] == 0 and pd.isna(north["p"]) and "fewer than 3" in north["note"]


def test_first_use_per_outlet(dated):
    hits = dated[["doc_id"]].assign(term=dated["text"].str.contains("tariff").map({True: "tariff", False: None}))
    firsts = trends.summarize_firsts(hits.dropna(), dated, item="term", by="outlet")
    assert firsts["group"].tolist() == ["North", "South"]  # both start on 2025-02-17; North's doc id sorts first
    assert firsts["first_date"].tolist() == [pd.Timestamp("2025-02-17")] * 2
    assert firsts["lag_days"].tolist() == [0, 0] and firsts["rank"].tolist() == [1, 2]
