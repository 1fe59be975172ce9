"""Notebook processes: the time limit."""

from __future__ import annotations

from pathlib import Path

from corpus_tools.runner.run import run_study
from corpus_tools.runner.study import (
    Study,
)

FIXTURE_NOTEBOOKS = Path(__file__).parents[1] / "fixtures" / "notebooks"


def _study(corpus, **parameters):
    return Study(name="fixture", corpus=corpus, parameters=parameters)


def _run(study, out, **kwargs):
    kwargs.setdefault("notebooks_dir", FIXTURE_NOTEBOOKS)
    return run_study(study, out=out, progress=False, **kwargs)


def test_timeout_stops_a_notebook(corpus, tmp_path):
    result = _run(_study(corpus, simple={"wait": 60.0}), tmp_path / "out", only=["simple"], timeout=4)
    entry = result.manifest["notebooks"]["simple"]
    assert result.failed == ["simple"] and entry["status"] == "timeout" and entry["duration_s"] < 60
