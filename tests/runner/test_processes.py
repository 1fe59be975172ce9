"""Notebook processes: the time limit."""

from __future__ import annotations


def test_timeout_stops_a_notebook(corpus, tmp_path, make_study, run_fixture):
    result = run_fixture(make_study(corpus, simple={"wait": 60.0}), tmp_path / "out", only=["simple"], timeout=4)
    entry = result.manifest["notebooks"]["simple"]
    assert result.failed == ["simple"] and entry["status"] == "timeout" and entry["duration_s"] < 60
