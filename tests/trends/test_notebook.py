"""The trends notebook on the dated fixture corpus: known counts, a frame after the event, a rising term."""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture
def study_files(tmp_path, dated):
    corpus = tmp_path / "corpus.csv"
    dated[["doc_id", "date", "outlet", "text"]].assign(title=dated["doc_id"]).to_csv(corpus, index=False)
    events = tmp_path / "events.csv"
    events.write_text("date,label\n2025-02-17,Tariff announced\n", encoding="utf-8")
    dictionary = tmp_path / "frames.yml"
    dictionary.write_text(
        "name: fixture\ncategories:\n  trade:\n    patterns: [tariff*]\n  talks:\n    patterns: [ceasefire]\n",
        encoding="utf-8",
    )
    return corpus, events, dictionary


def test_trends_notebook_on_a_dated_corpus(tmp_path, study_files, dated):
    from corpus_tools.config import NOTEBOOKS_DIR
    from corpus_tools.runner.execute import execute_notebook

    corpus, events, dictionary = study_files
    out = tmp_path / "out"
    params = {
        "corpus": str(corpus),
        "output_dir": str(out),
        "group_by": "outlet",
        "period": "week",
        "events": str(events),
        "dictionary": str(dictionary),
        "terms": ["ceasefire", "blockade"],
        "n_boot": 200,
    }
    execute_notebook(NOTEBOOKS_DIR / "trends.ipynb", out, params)
    tables = out / "tables"
    volume = pd.read_csv(tables / "trends_volume.csv")
    assert volume.loc[volume["group"] == "South", "articles"].tolist() == [3, 0] * 6
    assert volume.loc[volume["group"] == "North", "articles"].tolist() == [2] * 12
    frames = pd.read_csv(tables / "trends_frames.csv", parse_dates=["period"])
    trade = frames[(frames["frame"] == "trade") & (frames["articles"] > 0)]
    before = trade[trade["period"] < "2025-02-17"]
    assert (before["mean"] == 0).all() and (trade[trade["period"] >= "2025-02-17"]["mean"] > 0).all()
    shifts = pd.read_csv(tables / "trends_before_after.csv").set_index(["group", "measure"])
    assert shifts.loc[("North", "trade"), "difference"] > 0 and shifts.loc[("North", "trade"), "p"] < 0.01
    assert shifts.loc[("North", "trade"), "before_mean"] == 0
    terms = pd.read_csv(tables / "trends_term_periods.csv")
    cease = terms[(terms["term"] == "ceasefire") & (terms["group"] == "North")]["count"].tolist()
    assert cease == [2 * week for week in range(12)]
    firsts = pd.read_csv(tables / "trends_firsts.csv").set_index(["item", "group"])
    assert firsts.loc[("trade", "North"), "first_date"] == "2025-02-17"
    assert firsts.loc[("blockade", "North"), "first_date"] == "2025-01-06"
    assert pd.read_csv(tables / "trends_undated.csv").empty
    for name in ("trends_volume", "trends_tone", "trends_frames", "trends_term_periods"):
        assert (out / "figures" / f"{name}.png").stat().st_size > 5_000
