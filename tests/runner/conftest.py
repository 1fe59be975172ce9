"""Fixtures of the runner tests: a two-document corpus folder, studies of it, and runs of the
fixture notebooks in tests/fixtures/notebooks/."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools.runner.run import run_study
from corpus_tools.runner.study import Study


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Peace talks resumed. Both sides met.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The force was proposed.\n", encoding="utf-8")
    return folder


FIXTURE_NOTEBOOKS = Path(__file__).parents[1] / "fixtures" / "notebooks"


@pytest.fixture
def make_study():
    """A study of a corpus with per-notebook parameters: ``make_study(corpus, simple={...})``."""

    def make(corpus, **parameters):
        return Study(name="fixture", corpus=corpus, parameters=parameters)

    return make


@pytest.fixture
def run_fixture():
    """``run_study`` on the fixture notebooks (``simple``, ``broken``) without progress bars."""

    def run(study, out, **kwargs):
        kwargs.setdefault("notebooks_dir", FIXTURE_NOTEBOOKS)
        return run_study(study, out=out, progress=False, **kwargs)

    return run
